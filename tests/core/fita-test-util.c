#include "fita-test-util.h"
#include "fita-examples.h"
#include "fita-json.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unzip.h>

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static GPtrArray *tmpdirs;

static void
cleanup_tmpdirs (void)
{
  for (guint i = 0; i < tmpdirs->len; i++)
    {
      const char *path = g_ptr_array_index (tmpdirs, i);
      g_chmod (path, 0755);
      remove_tree (path);
    }
  g_ptr_array_unref (tmpdirs);
}

char *
fita_test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("fita-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

char *
fita_test_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

FitaPlan *
fita_test_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_example_load (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

FitaPlan *
fita_test_plan_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_json_import (json, -1, &error);

  g_assert_no_error (error);
  return plan;
}

char *
fita_test_example_file (const char *dir, const char *name)
{
  g_autoptr(FitaPlan) plan = fita_test_example (name);
  g_autoptr(GError) error = NULL;
  char *path = g_strdup_printf ("%s/%s.fita", dir, name);

  fita_plan_save_new (plan, path, &error);
  g_assert_no_error (error);
  return path;
}

void
fita_test_plan_file_open (FitaTestPlanFile *file, const char *name)
{
  g_autoptr(GError) error = NULL;

  file->dir = fita_test_tmpdir ();
  file->path = fita_test_example_file (file->dir, name);
  file->plan = fita_plan_open (file->path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

void
fita_test_plan_file_close (FitaTestPlanFile *file)
{
  g_clear_object (&file->plan);
  g_clear_pointer (&file->path, g_free);
  g_clear_pointer (&file->dir, g_free);
}

char *
fita_test_zip_part (const char *path, const char *name)
{
  unzFile zip = unzOpen64 (path);
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[65536];
  int n;

  g_assert_nonnull (zip);
  g_assert_cmpint (unzLocateFile (zip, name, 1), ==, UNZ_OK);
  g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
  while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  g_assert_cmpint (n, ==, 0);
  unzCloseCurrentFile (zip);
  unzClose (zip);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

FitaItem *
fita_test_item (FitaPlan *plan, const char *code)
{
  FitaItem *found = fita_plan_find_item (plan, code);

  g_assert_nonnull (found);
  return found;
}

FitaAgent *
fita_test_agent (FitaPlan *plan, const char *name)
{
  FitaAgent *found = fita_plan_find_by_name (plan, FITA_TABLE_AGENT, name);

  g_assert_nonnull (found);
  return found;
}

gint64
fita_test_chapter_id (FitaPlan *plan, guint index)
{
  return ((FitaChapter *) g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_CHAPTER, 0), index))->rec.id;
}
