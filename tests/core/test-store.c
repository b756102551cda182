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
#include <string.h>
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

/* The plan's identity damaged behind Fita's back: forms could not be told
 * apart, so the file is refused as any damaged value is. */
static void
test_bad_uuid_in_file (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");

  exec_sql (path, "UPDATE plan SET uuid = 'plan-0';");
  assert_refused (path, FITA_ERROR_CORRUPT, "“plan-0” is not a UUID");
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

/* A program that dies in the middle of a change leaves a hot journal; a
 * reading command rolls it back (when the file may be written) and reads
 * the plan as it was after its last complete change, and says so. */
static void
test_hot_journal_read_only (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  pid_t pid;

  pid = fork ();
  if (pid == 0)
    {
      sqlite3 *db;
      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE item SET title = 'Mai desat'", NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_db_cacheflush (db) != SQLITE_OK)
        _exit (1);
      raise (SIGKILL);
      _exit (2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_was_recovered (plan));
  g_assert_true (fita_plan_is_read_only (plan));
  g_assert_cmpstr (fita_plan_find_item (plan, "11.1")->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_clear_object (&plan);

  /* the next opening finds nothing to recover */
  plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (fita_plan_was_recovered (plan));
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

/* Another program reads the file and keeps its read transaction open: in
 * the rollback-journal mode its shared lock keeps any writer from
 * committing, so a change fails with SQLITE_BUSY once the wait runs out. */
static sqlite3 *
hold_read_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; SELECT count(*) FROM item;", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
release_read_lock (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
count_changed (FitaPlan *plan, FitaChanges *changes, guint *count)
{
  (*count)++;
}

/* A change refused by the file says why, to which file and what to do,
 * and leaves the plan as it was, in memory and on disk. */
static void
assert_not_saved (FitaPlan *plan, const char *path, GError *error,
                  const char *json_before, const char *checksum_before,
                  const char *reason)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *json = fita_json_export (plan);
  g_autofree char *checksum = fita_test_checksum (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_error (error, FITA_ERROR, FITA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpstr (json, ==, json_before);
  g_assert_cmpstr (checksum, ==, checksum_before);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* A commit kept from the file by another program's lock is rolled back in
 * memory and on disk, and the next change is saved as usual. */
static void
test_busy_commit (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *json = NULL;
  g_autofree char *checksum = NULL;
  FitaItem *a, *b;
  guint changed = 0;
  sqlite3 *reader;

  fita_store_override_busy_timeout_for_tests (50);
  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);
  a = fita_plan_find_item (plan, "11.1");
  b = fita_plan_find_item (plan, "11.2");
  json = fita_json_export (plan);
  checksum = fita_test_checksum (path);

  reader = hold_read_lock (path);
  g_assert_false (fita_plan_set_int (plan, b, "progress", 3500, &error));
  assert_not_saved (plan, path, error, json, checksum, "another program");
  g_clear_error (&error);
  g_assert_cmpint (b->progress_bp, ==, 1000);

  /* a change of several steps, too, is undone whole */
  fita_plan_begin (plan, "Two at once");
  g_assert_true (fita_plan_set_text (plan, a, "title", "Mai desat", NULL));
  g_assert_true (fita_plan_set_int (plan, b, "progress", 9900, NULL));
  g_assert_false (fita_plan_end (plan, &error));
  assert_not_saved (plan, path, error, json, checksum, "another program");
  g_clear_error (&error);
  g_assert_cmpstr (a->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_cmpint (changed, ==, 0);
  g_assert_false (fita_plan_can_undo (plan));

  /* once the other program lets go, the next change is saved */
  release_read_lock (reader);
  g_assert_true (fita_plan_set_int (plan, b, "progress", 3500, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, 1);
  g_assert_true (fita_plan_can_undo (plan));
  g_clear_object (&plan);
  fita_store_override_busy_timeout_for_tests (0);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (plan, "11.2")->progress_bp, ==, 3500);
  g_assert_cmpstr (fita_plan_find_item (plan, "11.1")->title, ==, "Radiografia d'agents i antenes dels barris");
}

/* Undo and redo kept from the file leave both stacks as they were, and can
 * be tried again. */
static void
test_busy_undo (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  FitaItem *a, *b;
  sqlite3 *reader;

  fita_store_override_busy_timeout_for_tests (50);
  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  a = fita_plan_find_item (plan, "11.1");
  b = fita_plan_find_item (plan, "11.2");
  g_assert_true (fita_plan_set_int (plan, b, "progress", 3500, &error));
  g_assert_no_error (error);

  /* a failed change, then undo while the file is still busy */
  reader = hold_read_lock (path);
  g_assert_false (fita_plan_set_text (plan, a, "title", "Mai desat", &error));
  g_clear_error (&error);
  {
    g_autofree char *json = fita_json_export (plan);
    g_autofree char *checksum = fita_test_checksum (path);
    g_assert_false (fita_plan_undo (plan, &error));
    assert_not_saved (plan, path, error, json, checksum, "another program");
    g_clear_error (&error);
  }
  g_assert_cmpint (b->progress_bp, ==, 3500);
  g_assert_true (fita_plan_can_undo (plan));
  g_assert_false (fita_plan_can_redo (plan));
  release_read_lock (reader);

  /* undo now undoes the change that was saved, not the one that failed */
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (b->progress_bp, ==, 1000);
  g_assert_cmpstr (a->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_false (fita_plan_can_undo (plan));
  g_assert_true (fita_plan_can_redo (plan));

  reader = hold_read_lock (path);
  {
    g_autofree char *json = fita_json_export (plan);
    g_autofree char *checksum = fita_test_checksum (path);
    g_assert_false (fita_plan_redo (plan, &error));
    assert_not_saved (plan, path, error, json, checksum, "another program");
    g_clear_error (&error);
  }
  g_assert_cmpint (b->progress_bp, ==, 1000);
  g_assert_false (fita_plan_can_undo (plan));
  g_assert_true (fita_plan_can_redo (plan));
  release_read_lock (reader);

  g_assert_true (fita_plan_redo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (b->progress_bp, ==, 3500);
  g_assert_true (fita_plan_can_undo (plan));
  g_assert_false (fita_plan_can_redo (plan));
  g_clear_object (&plan);
  fita_store_override_busy_timeout_for_tests (0);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (plan, "11.2")->progress_bp, ==, 3500);
  g_assert_cmpstr (fita_plan_find_item (plan, "11.1")->title, ==, "Radiografia d'agents i antenes dels barris");
}

/* A full disk, played by a VFS over SQLite's own that fails the next write
 * to a database file as a full disk does; everything else passes through. */
typedef struct {
  sqlite3_file base;
  sqlite3_file *real;   /* SQLite's own file, allocated right after */
  gboolean database;
} FullDiskFile;

static sqlite3_vfs *real_vfs;
static gboolean fail_next_database_write;

static int
full_close (sqlite3_file *file)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xClose (f->real);
}

static int
full_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xRead (f->real, buffer, amount, offset);
}

static int
full_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  FullDiskFile *f = (FullDiskFile *) file;

  if (f->database && fail_next_database_write)
    {
      fail_next_database_write = FALSE;
      return SQLITE_FULL;
    }
  return f->real->pMethods->xWrite (f->real, buffer, amount, offset);
}

static int
full_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xTruncate (f->real, size);
}

static int
full_sync (sqlite3_file *file, int flags)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xSync (f->real, flags);
}

static int
full_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xFileSize (f->real, size);
}

static int
full_lock (sqlite3_file *file, int level)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xLock (f->real, level);
}

static int
full_unlock (sqlite3_file *file, int level)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xUnlock (f->real, level);
}

static int
full_check_reserved_lock (sqlite3_file *file, int *reserved)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xCheckReservedLock (f->real, reserved);
}

static int
full_file_control (sqlite3_file *file, int op, void *arg)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xFileControl (f->real, op, arg);
}

static int
full_sector_size (sqlite3_file *file)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xSectorSize (f->real);
}

static int
full_device_characteristics (sqlite3_file *file)
{
  FullDiskFile *f = (FullDiskFile *) file;

  return f->real->pMethods->xDeviceCharacteristics (f->real);
}

/* Version 1: no shared memory or memory mapping, which a rollback journal
 * does not use. */
static const sqlite3_io_methods full_io_methods = {
  1, full_close, full_read, full_write, full_truncate, full_sync, full_file_size,
  full_lock, full_unlock, full_check_reserved_lock, full_file_control,
  full_sector_size, full_device_characteristics,
};

static int
full_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FullDiskFile *f = (FullDiskFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  f->database = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  f->base.pMethods = f->real->pMethods != NULL ? &full_io_methods : NULL;
  return rc;
}

static void
test_disk_full_commit (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *json = NULL;
  g_autofree char *checksum = NULL;
  sqlite3_vfs full_vfs;
  FitaItem *item;

  real_vfs = sqlite3_vfs_find (NULL);
  full_vfs = *real_vfs;
  full_vfs.zName = "fita-test-full-disk";
  full_vfs.szOsFile = sizeof (FullDiskFile) + real_vfs->szOsFile;
  full_vfs.xOpen = full_open;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  item = fita_plan_find_item (plan, "11.2");
  json = fita_json_export (plan);
  checksum = fita_test_checksum (path);

  fail_next_database_write = TRUE;
  g_assert_false (fita_plan_set_int (plan, item, "progress", 3500, &error));
  g_assert_false (fail_next_database_write);
  assert_not_saved (plan, path, error, json, checksum, "full");
  g_clear_error (&error);
  g_assert_false (fita_plan_can_undo (plan));

  /* space freed: the same change is saved */
  g_assert_true (fita_plan_set_int (plan, item, "progress", 3500, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  sqlite3_vfs_unregister (&full_vfs);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (plan, "11.2")->progress_bp, ==, 3500);
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

/* The plan's records as JSON, with its uuid written as another's:
 * what stays of a plan through a migration that gives it its identity. */
static char *
json_as_if (FitaPlan *plan, const char *uuid)
{
  g_autofree char *json = fita_json_export_with (plan, FITA_JSON_EXPORT_DEFAULT);
  g_auto(GStrv) parts = g_strsplit (json, fita_plan_get_info (plan)->uuid, -1);

  return g_strjoinv (uuid, parts);
}

/* A file written by Fita 0.1 (schema 1: whole percents, no decimals
 * setting, and none of what later versions added: the change log, year
 * closures, the plan's uuid) is upgraded: its percents become hundredths,
 * it gets an empty log and a uuid of its own, nothing else moves. */
static void
test_migration_from_1 (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *backup = g_strdup_printf ("%s.v1.bak", path);
  g_autoptr(FitaPlan) current = fita_plan_open (path, FITA_OPEN_READ_ONLY, NULL);
  g_autofree char *old_uuid = g_strdup (fita_plan_get_info (current)->uuid);
  g_autofree char *expected = json_as_if (current, old_uuid);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) log = NULL;
  sqlite3 *db;

  g_clear_object (&current);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE item SET progress = progress / 100 WHERE progress IS NOT NULL;"
                                 "ALTER TABLE plan DROP COLUMN progress_decimals;"
                                 "DROP TABLE change_log_entry; DROP TABLE change_log;"
                                 "DROP TABLE year_closure;"
                                 "ALTER TABLE plan DROP COLUMN uuid;"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_backup_path (plan), ==, backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->progress_bp, ==, 3000);
  g_assert_cmpint (fita_plan_progress_bp (plan, fita_plan_find_item (plan, "11")), ==, 1200);
  g_assert_cmpint (fita_plan_get_info (plan)->progress_decimals, ==, 0);
  g_assert_true (g_uuid_string_is_valid (fita_plan_get_info (plan)->uuid));
  g_assert_cmpstr (fita_plan_get_info (plan)->uuid, !=, old_uuid);
  log = fita_plan_read_log (plan, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 0);
  after = json_as_if (plan, old_uuid);
  g_assert_cmpstr (after, ==, expected);
}

/* A file of schema 4 (before the plan had an identity) gets a random
 * version 4 UUID, its own: two files upgraded get two. */
static void
test_migration_uuid (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  char *uuids[2] = { NULL, NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.fita", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      g_autofree char *lower = NULL;

      g_assert_true (fita_plan_save_new (plan, path, &error));
      g_clear_object (&plan);
      exec_sql (path, "ALTER TABLE plan DROP COLUMN uuid; PRAGMA user_version = 4;");
      plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      uuids[i] = g_strdup (fita_plan_get_info (plan)->uuid);
      g_assert_true (g_uuid_string_is_valid (uuids[i]));
      /* version 4, RFC 4122 variant, lower case as g_uuid_string_random () */
      g_assert_cmpint (uuids[i][14], ==, '4');
      g_assert_nonnull (strchr ("89ab", uuids[i][19]));
      lower = g_ascii_strdown (uuids[i], -1);
      g_assert_cmpstr (uuids[i], ==, lower);
      json = fita_json_export (plan);
      g_assert_nonnull (strstr (json, uuids[i]));
    }
  g_assert_cmpstr (uuids[0], !=, uuids[1]);
  g_free (uuids[0]);
  g_free (uuids[1]);
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
  g_test_add_func ("/store/migration/uuid", test_migration_uuid);
  g_test_add_func ("/store/durability/hot-journal-read-only", test_hot_journal_read_only);
  g_test_add_func ("/store/bad/sqlite-not-plan", test_sqlite_not_plan);
  g_test_add_func ("/store/bad/newer-version", test_newer_version);
  g_test_add_func ("/store/bad/truncated", test_truncated);
  g_test_add_func ("/store/bad/corrupt", test_corrupt);
  g_test_add_func ("/store/bad/unknown-value", test_bad_enum_in_file);
  g_test_add_func ("/store/bad/uuid", test_bad_uuid_in_file);
  g_test_add_func ("/store/bad/missing", test_missing_file);
  g_test_add_func ("/store/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/store/read-only/file", test_read_only_file);
  g_test_add_func ("/store/read-only/folder", test_read_only_folder);
  g_test_add_func ("/store/read-only/second-opener", test_second_opener_read_only);
  g_test_add_func ("/store/durability/kill", test_kill_after_commit);
  g_test_add_func ("/store/save-copy", test_save_copy);
  g_test_add_func ("/store/open-during-commit", test_open_during_commit);
  g_test_add_func ("/store/commit-failed/busy", test_busy_commit);
  g_test_add_func ("/store/commit-failed/busy-undo-redo", test_busy_undo);
  g_test_add_func ("/store/commit-failed/disk-full", test_disk_full_commit);
  g_test_add_func ("/store/migration/upgrade", test_migration);
  g_test_add_func ("/store/migration/failure", test_migration_failure);
  return g_test_run ();
}
