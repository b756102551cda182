/* The .fita file: creation, bad files (left byte for byte unchanged),
 * read-only and locked files, durability, migrations. */
#include "fita-error.h"
#include "fita-json.h"
#include "fita-plan.h"
#include "fita-rollup.h"
#include "fita-store.h"
#include "fita-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

static void
write_file (const char *path, const char *data, gssize length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Opening must fail with `code` and leave the file exactly as it was. */
static void
assert_refused (const char *path, int code, const char *words)
{
  g_autofree char *before = fita_test_checksum (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, code);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  after = fita_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.fita", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.fita", NULL);
  g_autofree char *binary = g_build_filename (dir, "image.fita", NULL);
  guint8 png[200];

  write_file (text, "Objectiu 1. Treballar conjuntament\n", -1);
  assert_refused (text, FITA_ERROR_NOT_SQLITE, "not an SQLite database");

  write_file (empty, "", 0);
  assert_refused (empty, FITA_ERROR_NOT_PLAN, "empty");

  for (guint i = 0; i < sizeof png; i++)
    png[i] = (guint8) (i * 37);
  memcpy (png, "\x89PNG\r\n\x1a\n", 8);
  write_file (binary, (const char *) png, sizeof png);
  assert_refused (binary, FITA_ERROR_NOT_SQLITE, NULL);
}

static void
test_sqlite_not_plan (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.fita", NULL);

  exec_sql (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Anna');");
  assert_refused (path, FITA_ERROR_NOT_PLAN, "not a Fita plan");
}

static void
test_newer_version (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "xmess-2017-2019");

  exec_sql (path, "PRAGMA user_version = 99");
  assert_refused (path, FITA_ERROR_NEWER_VERSION, "newer version of Fita");
  /* read-only opening refuses it too */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
    g_assert_null (plan);
    g_assert_error (error, FITA_ERROR, FITA_ERROR_NEWER_VERSION);
  }
}

static void
test_truncated (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-serveis-socials-2023-2027");
  g_autofree char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, NULL);
  write_file (path, data, length / 2);
  assert_refused (path, FITA_ERROR_CORRUPT, "shorter");
  /* cut inside the header itself */
  write_file (path, data, 50);
  assert_refused (path, FITA_ERROR_NOT_SQLITE, NULL);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-serveis-socials-2023-2027");
  g_autofree char *data = NULL;
  gsize length;

  /* scribble over every page but the first (the header and schema root) */
  g_file_get_contents (path, &data, &length, NULL);
  for (gsize i = 4096; i < length; i++)
    data[i] = (char) (i * 7 + 3);
  write_file (path, data, length);
  assert_refused (path, FITA_ERROR_CORRUPT, "damaged");
}

static void
test_bad_enum_in_file (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");

  /* a value this Fita does not know, written behind its back */
  exec_sql (path, "PRAGMA ignore_check_constraints = ON; UPDATE plan SET progress_rule = 'median';");
  assert_refused (path, FITA_ERROR_CORRUPT, "median");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open ("/nonexistent/dir/plan.fita", FITA_OPEN_DEFAULT, &error);

  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_IO);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "keep.fita", NULL);
  g_autoptr(FitaPlan) plan = fita_plan_new_default ("Nou");
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  write_file (path, "precious", -1);
  g_assert_false (fita_plan_save_new (plan, path, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_EXISTS);
  g_file_get_contents (path, &content, NULL, NULL);
  g_assert_cmpstr (content, ==, "precious");
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *item;

  if (geteuid () == 0)
    {
      /* root ignores permissions; the read-only flag covers the same path */
      plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
    }
  else
    {
      g_chmod (path, 0444);
      plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
    }
  before = fita_test_checksum (path);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (plan));
  g_assert_nonnull (fita_plan_get_read_only_reason (plan));

  item = fita_plan_find_item (plan, "11.1");
  g_assert_false (fita_plan_set_text (plan, item, "title", "Canviat", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY);
  /* memory is as the file */
  g_assert_cmpstr (item->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_false (fita_plan_can_undo (plan));
  g_clear_object (&plan);
  after = fita_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to any folder");
      return;
    }
  g_chmod (dir, 0555);
  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_chmod (dir, 0755);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (plan));
  g_assert_nonnull (strstr (fita_plan_get_read_only_reason (plan), "folder"));
}

static void
test_second_opener_read_only (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "xmess-2017-2019");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) first = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_autoptr(FitaPlan) second = NULL;
  g_autoptr(FitaPlan) third = NULL;
  char answer = 0;
  int fds[2];
  int status;
  pid_t pid;

  g_assert_no_error (error);
  g_assert_false (fita_plan_is_read_only (first));

  second = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (second));
  g_assert_nonnull (strstr (fita_plan_get_read_only_reason (second), "another window or program"));

  /* and so does another process; it answers through a pipe, since its exit
   * status is not its own under valgrind */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      FitaPlan *other = fita_plan_open (path, FITA_OPEN_DEFAULT, NULL);
      char reply = other != NULL && fita_plan_is_read_only (other) ? 'r' : 'w';
      g_clear_object (&other);
      if (write (fds[1], &reply, 1) != 1)
        _exit (3);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &answer, 1), ==, 1);
  close (fds[0]);
  g_assert_cmpint (answer, ==, 'r');
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  /* the first writer still writes; closing it frees the plan for others */
  g_assert_true (fita_plan_set_text (first, fita_plan_find_item (first, "I.1.1"), "title", "Eines", &error));
  g_assert_no_error (error);
  g_clear_object (&second);
  g_clear_object (&first);
  third = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (fita_plan_is_read_only (third));
  g_assert_cmpstr (fita_plan_find_item (third, "I.1.1")->title, ==, "Eines");
}

/* A committed change survives the process being killed right after;
 * an unfinished one leaves no trace. */
static void
test_kill_after_commit (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  pid = fork ();
  if (pid == 0)
    {
      FitaPlan *child = fita_plan_open (path, FITA_OPEN_DEFAULT, NULL);
      FitaItem *item = fita_plan_find_item (child, "11.1");
      if (!fita_plan_set_int (child, item, "progress", 3500, NULL))
        _exit (1);
      /* half a change, never ended */
      fita_plan_begin (child, NULL);
      fita_plan_set_text (child, item, "title", "Mai desat", NULL);
      fita_plan_set_int (child, fita_plan_find_item (child, "11.2"), "progress", 9900, NULL);
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->progress_bp, ==, 3500);
  g_assert_cmpstr (fita_plan_find_item (plan, "11.1")->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_cmpint (fita_plan_find_item (plan, "11.2")->progress_bp, ==, 1000);
}

static gpointer
release_later (gpointer data)
{
  sqlite3 *db = data;

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return NULL;
}

/* A reader that arrives while another program commits waits for it (the
 * Reports page reads the file in a thread while the window saves edits). */
static void
test_open_during_commit (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  GThread *thread;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("writer", release_later, db);
  plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  g_thread_join (thread);
  sqlite3_close (db);
  g_assert_no_error (error);
  g_assert_nonnull (fita_plan_find_item (plan, "11"));
}

static void
test_save_copy (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "barcelona-impulsem-2016-2021");
  g_autofree char *copy_path = g_build_filename (dir, "copia.fita", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_autoptr(FitaPlan) copy = NULL;

  g_assert_no_error (error);
  fita_plan_set_text (plan, fita_plan_get_info (plan), "title", "Impulsem (còpia)", &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_save_copy (plan, copy_path, &error));
  g_assert_no_error (error);
  copy = fita_plan_open (copy_path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_info (copy)->title, ==, "Impulsem (còpia)");
  g_assert_cmpuint (fita_plan_count (copy, FITA_TABLE_PROCESS_DIMENSION), ==, 3);
}

static const char * const test_migration_steps[] = {
  "ALTER TABLE plan ADD COLUMN audit_note TEXT;",
  NULL
};

static const char * const broken_migration_steps[] = {
  "ALTER TABLE no_such_table ADD COLUMN x TEXT;",
  NULL
};

/* A file written by Fita 0.1 (schema 1: whole percents, no decimals
 * setting) is upgraded: its percents become hundredths, nothing else moves. */
static void
test_migration_from_1 (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *backup = g_strdup_printf ("%s.v1.bak", path);
  g_autoptr(FitaPlan) current = fita_plan_open (path, FITA_OPEN_READ_ONLY, NULL);
  g_autofree char *expected = fita_json_export (current);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  sqlite3 *db;

  g_clear_object (&current);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE item SET progress = progress / 100 WHERE progress IS NOT NULL;"
                                 "ALTER TABLE plan DROP COLUMN progress_decimals;"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_backup_path (plan), ==, backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->progress_bp, ==, 3000);
  g_assert_cmpint (fita_plan_progress_bp (plan, fita_plan_find_item (plan, "11")), ==, 1200);
  g_assert_cmpint (fita_plan_get_info (plan)->progress_decimals, ==, 0);
  after = fita_json_export (plan);
  g_assert_cmpstr (after, ==, expected);
}

static void
test_migration (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, FITA_SCHEMA_VERSION);
  g_autoptr(FitaPlan) original = fita_plan_open (path, FITA_OPEN_READ_ONLY, NULL);
  g_autofree char *before = fita_json_export (original);
  g_autofree char *backup_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* a file of the current version, opened by a Fita one version newer */
  fita_store_override_schema_for_tests (FITA_SCHEMA_VERSION + 1, test_migration_steps);
  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_backup_path (plan), ==, backup);
  g_assert_cmpint (fita_plan_progress (plan, fita_plan_find_item (plan, "11")), ==, 12);
  g_clear_object (&plan);
  fita_store_override_schema_for_tests (0, NULL);

  /* the backup is the plan as it was, at the old version */
  g_clear_object (&original);
  original = fita_plan_open (backup, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  backup_json = fita_json_export (original);
  g_assert_cmpstr (backup_json, ==, before);

  /* the file itself was upgraded */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT audit_note FROM plan", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, FITA_SCHEMA_VERSION + 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* and this Fita now refuses it as newer */
  assert_refused (path, FITA_ERROR_NEWER_VERSION, NULL);
}

static void
test_migration_failure (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = NULL;

  fita_store_override_schema_for_tests (FITA_SCHEMA_VERSION + 1, broken_migration_steps);
  {
    g_autofree char *before = fita_test_checksum (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;
    plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
    g_assert_null (plan);
    g_assert_nonnull (error);
    after = fita_test_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
  /* an older file that is read-only cannot be upgraded: refused, unchanged */
  {
    g_autofree char *before = fita_test_checksum (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;
    fita_store_override_schema_for_tests (FITA_SCHEMA_VERSION + 1, test_migration_steps);
    plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
    g_assert_null (plan);
    g_assert_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY);
    after = fita_test_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
  fita_store_override_schema_for_tests (0, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/bad/not-sqlite", test_not_sqlite);
  g_test_add_func ("/store/migration/from-1", test_migration_from_1);
  g_test_add_func ("/store/bad/sqlite-not-plan", test_sqlite_not_plan);
  g_test_add_func ("/store/bad/newer-version", test_newer_version);
  g_test_add_func ("/store/bad/truncated", test_truncated);
  g_test_add_func ("/store/bad/corrupt", test_corrupt);
  g_test_add_func ("/store/bad/unknown-value", test_bad_enum_in_file);
  g_test_add_func ("/store/bad/missing", test_missing_file);
  g_test_add_func ("/store/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/store/read-only/file", test_read_only_file);
  g_test_add_func ("/store/read-only/folder", test_read_only_folder);
  g_test_add_func ("/store/read-only/second-opener", test_second_opener_read_only);
  g_test_add_func ("/store/durability/kill", test_kill_after_commit);
  g_test_add_func ("/store/save-copy", test_save_copy);
  g_test_add_func ("/store/open-during-commit", test_open_during_commit);
  g_test_add_func ("/store/migration/upgrade", test_migration);
  g_test_add_func ("/store/migration/failure", test_migration_failure);
  return g_test_run ();
}
