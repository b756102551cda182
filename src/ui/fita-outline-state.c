#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "fita-outline-private.h"

/* Remembering what was unfolded */

char *
fita_outline_get_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "fita", "expanded.ini", NULL);
}

/* Paths may hold characters a key file group cannot. */
static char *
state_group (const char *path)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
}

GHashTable *
_fita_outline_load_expanded (const char *path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *file = fita_outline_get_state_path ();
  g_autofree char *group = state_group (path);
  g_auto(GStrv) ids = NULL;
  GHashTable *set;

  if (!g_key_file_load_from_file (keyfile, file, G_KEY_FILE_NONE, NULL))
    return NULL;

  ids = g_key_file_get_string_list (keyfile, group, "expanded", NULL, NULL);
  if (ids == NULL)
    return NULL;

  set = _fita_outline_id_set_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      if (id > 0)
        _fita_outline_id_set_add (set, id);
    }

  return set;
}

void
fita_outline_save_expanded (FitaOutline *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = fita_outline_get_state_path ();
  g_autofree char *folder = g_path_get_dirname (file);
  g_autofree char *group = NULL;
  const char *path;

  g_return_if_fail (FITA_IS_OUTLINE (self));

  path = self->plan != NULL ? fita_plan_get_path (self->plan) : NULL;
  if (path == NULL || self->tree == NULL)
    return;

  /* While searching, what was unfolded before the search. */
  if (_fita_outline_is_filtering (self))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->saved_expanded);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *)key));
    }
  else
    {
      g_autoptr(GArray) expanded = fita_item_tree_get_expanded (self->tree);

      for (guint i = 0; i < expanded->len; i++)
        g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (expanded, gint64, i)));
    }

  g_key_file_load_from_file (keyfile, file, G_KEY_FILE_KEEP_COMMENTS, NULL);

  /* Forget the files that are gone, so the list does not only grow. */
  {
    g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

    for (guint i = 0; groups[i] != NULL; i++)
      {
        g_autofree char *other = g_key_file_get_string (keyfile, groups[i], "path", NULL);

        if (other == NULL || !g_file_test (other, G_FILE_TEST_EXISTS))
          g_key_file_remove_group (keyfile, groups[i], NULL);
      }
  }

  group = state_group (path);
  g_key_file_set_string (keyfile, group, "path", path);
  g_key_file_set_string_list (keyfile, group, "expanded", (const char * const *)ids->pdata, ids->len);

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_key_file_save_to_file (keyfile, file, &error))
    g_warning ("Could not remember the unfolded items of %s in %s: %s",
               path, file, error != NULL ? error->message : g_strerror (errno));
}

