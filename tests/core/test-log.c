/* Who changed what: every committed change is logged with its author,
 * time, source and fields; undo and redo are changes of their own; a
 * change that fails leaves no trace; older files upgrade with an empty
 * log; an item's history. */
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-json.h"
#include "fita-log.h"
#include "fita-plan.h"
#include "fita-store.h"
#include "fita-test-util.h"

#include <sqlite3.h>

static const char *
default_author (void)
{
  return g_str_equal (g_get_real_name (), "Unknown") ? g_get_user_name () : g_get_real_name ();
}

static FitaPlan *
open_example (char **path_out)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return plan;
}

static GPtrArray *
read_log (FitaPlan *plan, gint64 item_id, guint limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = fita_plan_read_log (plan, item_id, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static FitaLogChange *
newest (GPtrArray *changes)
{
  g_assert_cmpuint (changes->len, >, 0);
  return g_ptr_array_index (changes, 0);
}

static FitaLogEntry *
entry (FitaLogChange *change, guint index)
{
  g_assert_cmpuint (index, <, change->entries->len);
  return g_ptr_array_index (change->entries, index);
}

static void
set_progress (FitaPlan *plan, const char *code, gint64 bp)
{
  g_autoptr(GError) error = NULL;

  fita_plan_begin (plan, "Set Progress");
  fita_plan_set_int (plan, fita_plan_find_item (plan, code), "progress", bp, &error);
  fita_plan_end (plan, &error);
  g_assert_no_error (error);
}

/* A plan written to a new file starts its log with its creation. */
static void
test_created (void)
{
  g_autoptr(FitaPlan) plan = open_example (NULL);
  g_autoptr(GPtrArray) changes = read_log (plan, 0, 0);
  g_autoptr(FitaPlan) unsaved = fita_plan_new_default ("Sense fitxer");
  g_autoptr(GPtrArray) none = read_log (unsaved, 0, 0);

  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (newest (changes)->label, ==, "Create Plan");
  g_assert_cmpstr (newest (changes)->author, ==, default_author ());
  g_assert_cmpuint (newest (changes)->entries->len, ==, 0);
  /* a plan not saved has no log, and its changes are not logged anywhere */
  g_assert_true (fita_plan_set_text (unsaved, fita_plan_get_info (unsaved), "title", "Nou", NULL));
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_commit_logged (void)
{
  g_autofree char *path = NULL;
  g_autoptr(FitaPlan) plan = open_example (&path);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;
  FitaItem *item = fita_plan_find_item (plan, "11.1");
  FitaLogChange *change;

  g_assert_cmpint (item->progress_bp, ==, 3000);
  fita_plan_set_author (plan, "Anna Puig");
  g_assert_cmpstr (fita_plan_get_author (plan), ==, "Anna Puig");
  set_progress (plan, "11.1", 5050);

  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 2);
  change = newest (changes);
  g_assert_cmpstr (change->author, ==, "Anna Puig");
  g_assert_null (change->source);
  g_assert_cmpstr (change->label, ==, "Set Progress");
  at = g_date_time_new_from_iso8601 (change->at, NULL);
  g_assert_nonnull (at);
  g_assert_true (g_str_has_suffix (change->at, "Z"));
  g_assert_cmpint (g_date_time_difference (at, before), >=, -G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (at, before), <, 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (change->entries->len, ==, 1);
  g_assert_cmpint (entry (change, 0)->kind, ==, FITA_CHANGE_UPDATED);
  g_assert_cmpstr (entry (change, 0)->table, ==, "item");
  g_assert_cmpint (entry (change, 0)->record, ==, item->rec.id);
  g_assert_cmpint (entry (change, 0)->item, ==, item->rec.id);
  g_assert_cmpstr (entry (change, 0)->field, ==, "progress");
  g_assert_cmpstr (entry (change, 0)->old_value, ==, "30");
  g_assert_cmpstr (entry (change, 0)->new_value, ==, "50.5");

  /* an unlabelled change, a reference named by its name, a text cleared,
   * and "" as author: the login's name */
  fita_plan_set_author (plan, "");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) after = NULL;
    FitaStatus *status = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_STATUS, 0), 0);
    g_autofree char *old_status = NULL;
    FitaStatus *was = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;

    old_status = g_strdup (was ? was->name : NULL);
    if (was == status)
      status = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_STATUS, 0), 1);
    fita_plan_set_int (plan, item, "status_id", status->rec.id, &error);
    g_assert_no_error (error);
    after = read_log (plan, 0, 1);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_null (newest (after)->label);
    g_assert_cmpstr (newest (after)->author, ==, default_author ());
    g_assert_cmpstr (entry (newest (after), 0)->field, ==, "status_id");
    g_assert_cmpstr (entry (newest (after), 0)->old_value, ==, old_status);
    g_assert_cmpstr (entry (newest (after), 0)->new_value, ==, status->name);
  }
}

static void
test_undo_redo_logged (void)
{
  g_autoptr(FitaPlan) plan = open_example (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  FitaLogChange *change;

  fita_plan_set_author (plan, "Anna Puig");
  set_progress (plan, "11.1", 5000);
  fita_plan_set_author (plan, "Joan Roca");
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_no_error (error);
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 3);
  change = newest (changes);
  g_assert_cmpstr (change->label, ==, "Undo Set Progress");
  g_assert_cmpstr (change->author, ==, "Joan Roca");
  g_assert_cmpstr (entry (change, 0)->old_value, ==, "50");
  g_assert_cmpstr (entry (change, 0)->new_value, ==, "30");
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_true (fita_plan_redo (plan, &error));
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (newest (changes)->label, ==, "Redo Set Progress");
  g_assert_cmpstr (entry (newest (changes), 0)->new_value, ==, "50");
  /* the log itself is never undone: still four after another undo */
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_assert_true (fita_plan_undo (plan, &error));
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 5);
}

static void
test_failed_not_logged (void)
{
  g_autoptr(FitaPlan) plan = open_example (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  FitaItem *item = fita_plan_find_item (plan, "11.1");

  /* a change whose second step is refused keeps nothing, logs nothing */
  fita_plan_begin (plan, "Two steps");
  fita_plan_set_text (plan, item, "title", "Nou títol", NULL);
  fita_plan_set_int (plan, item, "progress", 20000, NULL);
  g_assert_false (fita_plan_end (plan, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* a change cancelled */
  fita_plan_begin (plan, "Cancelled");
  fita_plan_set_text (plan, item, "title", "Un altre", NULL);
  fita_plan_cancel (plan);
  /* a change that changes nothing */
  fita_plan_begin (plan, "Nothing");
  fita_plan_set_int (plan, item, "progress", item->progress_bp, NULL);
  g_assert_true (fita_plan_end (plan, &error));

  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (newest (changes)->label, ==, "Create Plan");
}

/* A change whose commit fails (another program holds the file) is neither
 * kept nor logged; the next one is. */
static void
test_failed_commit_not_logged (void)
{
  g_autofree char *path = NULL;
  g_autoptr(FitaPlan) plan = open_example (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  sqlite3 *db = NULL;

  fita_store_override_busy_timeout_for_tests (50);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN; SELECT count(*) FROM item;", NULL, NULL, NULL), ==, SQLITE_OK);
  fita_plan_begin (plan, "Set Progress");
  fita_plan_set_int (plan, fita_plan_find_item (plan, "11.1"), "progress", 5000, NULL);
  g_assert_false (fita_plan_end (plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_IO);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  fita_store_override_busy_timeout_for_tests (0);

  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->progress_bp, ==, 3000);
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_clear_pointer (&changes, g_ptr_array_unref);
  set_progress (plan, "11.1", 5000);
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 2);
}

static void
test_survives_reopen (void)
{
  g_autofree char *path = NULL;
  g_autoptr(FitaPlan) plan = open_example (&path);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;

  fita_plan_set_author (plan, "Anna Puig");
  fita_plan_set_change_source (plan, "Servei de Cultura");
  set_progress (plan, "11.1", 5000);
  fita_plan_set_change_source (plan, NULL);
  json_before = fita_json_export_with (plan, FITA_JSON_EXPORT_CHANGE_LOG);
  g_clear_object (&plan);

  plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (newest (changes)->author, ==, "Anna Puig");
  g_assert_cmpstr (newest (changes)->source, ==, "Servei de Cultura");
  g_assert_cmpstr (entry (newest (changes), 0)->new_value, ==, "50");
  /* the plan's JSON carries the log, as the file holds it */
  json_after = fita_json_export_with (plan, FITA_JSON_EXPORT_CHANGE_LOG);
  g_assert_cmpstr (json_after, ==, json_before);
  g_assert_nonnull (strstr (json_after, "\"author\": \"Anna Puig\""));
  g_assert_nonnull (strstr (json_after, "\"source\": \"Servei de Cultura\""));
}

/* A schema-2 file (before the log, the closures and the uuid) opens, is
 * upgraded with an empty log, and logs from then on. */
static void
test_migration_from_2 (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *backup = g_strdup_printf ("%s.v2.bak", path);
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (FITA_SCHEMA_VERSION, >, 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TABLE change_log_entry; DROP TABLE change_log;"
                                 "DROP TABLE year_closure; ALTER TABLE plan DROP COLUMN uuid;"
                                 "PRAGMA user_version = 2;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_backup_path (plan), ==, backup);
  g_assert_true (g_uuid_string_is_valid (fita_plan_get_info (plan)->uuid));
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);
  set_progress (plan, "11.1", 5000);
  changes = read_log (plan, 0, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_clear_object (&plan);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, FITA_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* and it opens again, as it is */
  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (fita_plan_get_backup_path (plan));
}

/* An item's history: its own fields and its records' (budget lines,
 * indicator values, links), even once deleted; no other item's. */
static void
test_by_item (void)
{
  g_autoptr(FitaPlan) plan = open_example (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) all = NULL;
  FitaItem *item = fita_plan_find_item (plan, "11.1");
  FitaItem *other = fita_plan_find_item (plan, "11.2");
  FitaChapter *chapter = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_CHAPTER, 0), 0);
  FitaLink *link;
  FitaIndicator *indicator;
  guint n_all;
  gint64 item_id;

  set_progress (plan, "11.1", 5000);
  set_progress (plan, "11.2", 6000);
  g_assert_true (fita_plan_set_budget (plan, item->rec.id, 2025, chapter->rec.id, 150000, FITA_NONE, &error));
  g_assert_no_error (error);
  link = fita_plan_new_record (plan, FITA_TABLE_LINK);
  link->url = g_strdup ("https://example.org/");
  g_assert_true (fita_plan_insert (plan, link, item->rec.id, -1, &error));
  g_assert_true (fita_plan_delete (plan, link, &error));
  indicator = fita_plan_new_record (plan, FITA_TABLE_INDICATOR);
  indicator->name = g_strdup ("Entitats");
  g_assert_true (fita_plan_insert (plan, indicator, item->rec.id, -1, &error));
  g_assert_true (fita_plan_set_indicator_value (plan, indicator->rec.id, 2025, "12", NULL, &error));
  g_assert_no_error (error);

  mine = read_log (plan, item->rec.id, 0);
  /* newest first: value, indicator, link deleted, link added, budget, progress */
  g_assert_cmpuint (mine->len, ==, 6);
  for (guint i = 0; i < mine->len; i++)
    {
      FitaLogChange *change = g_ptr_array_index (mine, i);
      g_assert_cmpuint (change->entries->len, >, 0);
      for (guint e = 0; e < change->entries->len; e++)
        g_assert_cmpint (entry (change, e)->item, ==, item->rec.id);
    }
  g_assert_cmpstr (entry (newest (mine), 0)->table, ==, "indicator_value");
  g_assert_cmpstr (entry (g_ptr_array_index (mine, 2), 0)->table, ==, "link");
  g_assert_cmpint (entry (g_ptr_array_index (mine, 2), 0)->kind, ==, FITA_CHANGE_DELETED);
  g_assert_cmpint (entry (g_ptr_array_index (mine, 3), 0)->kind, ==, FITA_CHANGE_INSERTED);
  g_assert_cmpstr (entry (g_ptr_array_index (mine, 4), 0)->table, ==, "budget_line");
  g_assert_nonnull (strstr (entry (g_ptr_array_index (mine, 4), 0)->new_value, "1500.00"));
  g_assert_cmpstr (entry (g_ptr_array_index (mine, 5), 0)->field, ==, "progress");

  /* at most limit changes, the newest */
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = read_log (plan, item->rec.id, 2);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpstr (entry (newest (mine), 0)->table, ==, "indicator_value");

  all = read_log (plan, 0, 0);
  n_all = all->len;
  g_assert_cmpuint (n_all, ==, 8);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = read_log (plan, other->rec.id, 0);
  g_assert_cmpuint (mine->len, ==, 1);

  /* an item deleted with its records: one change, every entry its own */
  g_clear_pointer (&mine, g_ptr_array_unref);
  item_id = item->rec.id;
  fita_plan_begin (plan, "Delete Item");
  fita_plan_delete (plan, item, NULL);
  g_assert_true (fita_plan_end (plan, &error));
  mine = read_log (plan, item_id, 1);
  g_assert_cmpstr (newest (mine)->label, ==, "Delete Item");
  for (guint e = 0; e < newest (mine)->entries->len; e++)
    g_assert_cmpint (entry (newest (mine), e)->item, ==, item_id);
  g_assert_cmpuint (newest (mine)->entries->len, >=, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/log/created", test_created);
  g_test_add_func ("/log/commit", test_commit_logged);
  g_test_add_func ("/log/undo-redo", test_undo_redo_logged);
  g_test_add_func ("/log/failed", test_failed_not_logged);
  g_test_add_func ("/log/failed-commit", test_failed_commit_not_logged);
  g_test_add_func ("/log/reopen", test_survives_reopen);
  g_test_add_func ("/log/migration-from-2", test_migration_from_2);
  g_test_add_func ("/log/by-item", test_by_item);
  return g_test_run ();
}
