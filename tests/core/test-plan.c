/* Changes to a plan: each is saved at once, undoable, and all-or-nothing. */
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-json.h"
#include "fita-plan.h"
#include "fita-rollup.h"
#include "fita-test-util.h"

typedef struct {
  char *dir;
  char *path;
  FitaPlan *plan;
  guint changed;
  gboolean programme_list_changed;
  guint updates;
  gboolean could_undo, could_redo;
} Fixture;

static void
on_changed (FitaPlan *plan, FitaChanges *changes, Fixture *f)
{
  FitaItem *programme = fita_plan_find_item (plan, "11");

  /* handlers see the stacks as they are after the change */
  f->could_undo = fita_plan_can_undo (plan);
  f->could_redo = fita_plan_can_redo (plan);
  f->changed++;
  f->programme_list_changed = programme != NULL &&
    fita_changes_list_changed (changes, FITA_TABLE_ITEM, programme->rec.id);
  f->updates = 0;
  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaChangeKind kind;
      fita_changes_get (changes, i, NULL, NULL, &kind, NULL);
      f->updates += kind == FITA_CHANGE_UPDATED;
    }
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = fita_test_tmpdir ();
  f->path = fita_test_example_file (f->dir, data ? data : "terrassa-ess-2019-2026");
  f->plan = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_signal_connect (f->plan, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
  g_free (f->path);
  g_free (f->dir);
}

/* What a fresh reader of the file sees. */
static char *
file_json (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) reader = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return fita_json_export (reader);
}

static void
assert_file_matches_memory (Fixture *f)
{
  g_autofree char *memory = fita_json_export (f->plan);
  g_autofree char *file = file_json (f);

  g_assert_cmpstr (memory, ==, file);
}

static void
test_set_and_undo (Fixture *f, gconstpointer data)
{
  FitaItem *item = fita_plan_find_item (f->plan, "11.3");
  g_autofree char *original = file_json (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_set_int (f->plan, item, "progress", 5000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpuint (f->updates, ==, 1);
  g_assert_false (f->programme_list_changed);
  g_assert_cmpint (fita_plan_progress (f->plan, fita_plan_find_item (f->plan, "11")), ==, 22);
  assert_file_matches_memory (f);

  /* setting the same value is no change */
  g_assert_true (fita_plan_set_int (f->plan, item, "progress", 5000, &error));
  g_assert_cmpuint (f->changed, ==, 1);

  g_assert_true (f->could_undo);
  g_assert_false (f->could_redo);
  g_assert_true (fita_plan_can_undo (f->plan));
  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  g_assert_false (f->could_undo);
  g_assert_true (f->could_redo);
  g_assert_cmpint (item->progress_bp, ==, 0);
  g_assert_cmpint (fita_plan_progress (f->plan, fita_plan_find_item (f->plan, "11")), ==, 12);
  {
    g_autofree char *now = file_json (f);
    g_assert_cmpstr (now, ==, original);
  }
  g_assert_true (fita_plan_can_redo (f->plan));
  g_assert_true (fita_plan_redo (f->plan, &error));
  g_assert_cmpint (item->progress_bp, ==, 5000);
  assert_file_matches_memory (f);
  /* a new change clears what could be redone */
  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_true (fita_plan_set_text (f->plan, item, "title", "Tallers d'idees", &error));
  g_assert_false (fita_plan_can_redo (f->plan));
}

static void
count_notify (GObject *plan, GParamSpec *pspec, GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
notified (GHashTable *counts, const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* The history as properties: what Undo and Redo buttons bind. */
static void
test_history_properties (Fixture *f, gconstpointer data)
{
  FitaItem *item = fita_plan_find_item (f->plan, "11.3");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_label = NULL;
  gboolean can_undo, can_redo;

  g_signal_connect (f->plan, "notify", G_CALLBACK (count_notify), counts);
  g_object_get (f->plan, "can-undo", &can_undo, "can-redo", &can_redo, "undo-label", &undo_label, NULL);
  g_assert_false (can_undo);
  g_assert_false (can_redo);
  g_assert_null (undo_label);

  fita_plan_begin (f->plan, "Half done");
  g_assert_true (fita_plan_set_int (f->plan, item, "progress", 5000, &error));
  g_assert_true (fita_plan_end (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 1);
  g_assert_cmpuint (notified (counts, "undo-label"), ==, 1);
  g_assert_cmpuint (notified (counts, "can-redo"), ==, 0);
  g_assert_cmpuint (notified (counts, "redo-label"), ==, 0);
  g_object_get (f->plan, "can-undo", &can_undo, "undo-label", &undo_label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (undo_label, ==, "Half done");
  g_clear_pointer (&undo_label, g_free);

  /* no change, no notification */
  g_assert_true (fita_plan_set_int (f->plan, item, "progress", 5000, &error));
  g_assert_cmpuint (notified (counts, "undo-label"), ==, 1);

  /* a second change keeps can-undo, but the label is another one's */
  fita_plan_begin (f->plan, "Renamed");
  g_assert_true (fita_plan_set_text (f->plan, item, "title", "Tallers", &error));
  g_assert_true (fita_plan_end (f->plan, &error));
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 1);
  g_assert_cmpuint (notified (counts, "undo-label"), ==, 2);

  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 1);
  g_assert_cmpuint (notified (counts, "undo-label"), ==, 3);
  g_assert_cmpuint (notified (counts, "can-redo"), ==, 1);
  g_assert_cmpuint (notified (counts, "redo-label"), ==, 1);
  g_assert_cmpstr (fita_plan_get_redo_label (f->plan), ==, "Renamed");

  g_assert_true (fita_plan_undo (f->plan, &error));
  g_object_get (f->plan, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_true (can_redo);
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 2);

  /* a new change clears the redo stack */
  g_assert_true (fita_plan_set_int (f->plan, item, "progress", 2500, &error));
  g_assert_no_error (error);
  g_object_get (f->plan, "can-redo", &can_redo, NULL);
  g_assert_false (can_redo);
  g_assert_cmpuint (notified (counts, "can-redo"), ==, 2);
  g_assert_cmpuint (notified (counts, "can-undo"), ==, 3);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  FitaItem *item = fita_plan_find_item (f->plan, "11.1");
  FitaPlanInfo *info = fita_plan_get_info (f->plan);
  g_autofree char *original = file_json (f);
  struct { gpointer record; const char *field; gint64 value; const char *text; } bad[] = {
    { item, "progress", 10001, NULL },
    { item, "progress", -1, NULL },
    { item, "start_year", 19, NULL },
    { item, "status_id", 9999, NULL },
    { item, "level_id", 9999, NULL },
    { item, "weight", -2, NULL },
    { item, "semesters", 0, "2018-3" },
    { item, "start_date", 0, "31/12/2023" },
    { item, "start_date", 0, "2023-02-30" },
    { info, "title", 0, "" },
    { item, "nonexistent", 0, NULL },
    { item, "id", 5, NULL },
    { item, "parent_id", 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = bad[i].text != NULL || g_str_equal (bad[i].field, "title")
        ? fita_plan_set_text (f->plan, bad[i].record, bad[i].field, bad[i].text, &error)
        : fita_plan_set_int (f->plan, bad[i].record, bad[i].field, bad[i].value, &error);
      g_assert_false (ok);
      g_assert_nonnull (error);
    }
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_false (fita_plan_can_undo (f->plan));
  {
    g_autofree char *now = file_json (f);
    g_assert_cmpstr (now, ==, original);
  }
  /* no value is allowed where a value is optional */
  g_assert_true (fita_plan_set_int (f->plan, item, "progress", FITA_NONE, NULL));
  g_assert_true (fita_plan_set_text (f->plan, item, "semesters", "2019-2 2018-1", NULL));
}

/* A change made of several steps is kept whole or not at all. */
static void
test_atomic_change (Fixture *f, gconstpointer data)
{
  FitaItem *a = fita_plan_find_item (f->plan, "11.1");
  FitaItem *b = fita_plan_find_item (f->plan, "11.2");
  g_autofree char *original = file_json (f);
  g_autofree char *memory_before = fita_json_export (f->plan);
  g_autoptr(GError) error = NULL;
  FitaLevel *duplicate;

  fita_plan_begin (f->plan, "Rename two");
  g_assert_true (fita_plan_set_text (f->plan, a, "title", "Primer", NULL));
  g_assert_true (fita_plan_set_int (f->plan, b, "progress", 7700, NULL));
  /* a level with a name that exists already breaks the file's rules */
  duplicate = fita_plan_new_record (f->plan, FITA_TABLE_LEVEL);
  duplicate->name = g_strdup ("Acció");
  g_assert_false (fita_plan_insert (f->plan, duplicate, 0, -1, NULL));
  /* later steps of a failed change do nothing */
  g_assert_false (fita_plan_set_text (f->plan, a, "notes", "x", NULL));
  g_assert_false (fita_plan_end (f->plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);

  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_false (fita_plan_can_undo (f->plan));
  g_assert_cmpstr (a->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_cmpint (b->progress_bp, ==, 1000);
  {
    g_autofree char *memory = fita_json_export (f->plan);
    g_autofree char *now = file_json (f);
    g_assert_cmpstr (memory, ==, memory_before);
    g_assert_cmpstr (now, ==, original);
  }

  /* a refused value fails the change it is part of, too */
  fita_plan_begin (f->plan, "Rename and a bad percent");
  g_assert_true (fita_plan_set_text (f->plan, a, "title", "Primer", NULL));
  g_assert_false (fita_plan_set_int (f->plan, b, "progress", 15000, NULL));
  g_clear_error (&error);
  g_assert_false (fita_plan_end (f->plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (a->title, ==, "Radiografia d'agents i antenes dels barris");
  {
    g_autofree char *now = file_json (f);
    g_assert_cmpstr (now, ==, original);
  }

  /* a change can be given up: nothing of it stays */
  fita_plan_begin (f->plan, "Given up");
  g_assert_true (fita_plan_set_text (f->plan, a, "title", "Primer", NULL));
  fita_plan_cancel (f->plan);
  g_assert_cmpstr (a->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_false (fita_plan_can_undo (f->plan));
  {
    g_autofree char *now = file_json (f);
    g_assert_cmpstr (now, ==, original);
  }

  /* and a good grouped change is one undo step */
  fita_plan_begin (f->plan, "Two at once");
  fita_plan_set_text (f->plan, a, "title", "Primer", NULL);
  fita_plan_set_int (f->plan, b, "progress", 7700, NULL);
  g_assert_true (fita_plan_end (f->plan, &error));
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpstr (fita_plan_get_undo_label (f->plan), ==, "Two at once");
  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_cmpstr (a->title, ==, "Radiografia d'agents i antenes dels barris");
  g_assert_cmpint (b->progress_bp, ==, 1000);
  g_assert_false (fita_plan_can_undo (f->plan));
}

static void
test_insert_delete_undo (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_plan_find_item (f->plan, "11");
  g_autofree char *original = fita_json_export (f->plan);
  g_autoptr(GError) error = NULL;
  FitaItem *item = fita_plan_new_record (f->plan, FITA_TABLE_ITEM);
  GPtrArray *children;
  gint64 id = item->rec.id;

  item->code = g_strdup ("11.0");
  item->title = g_strdup ("Nova actuació al principi");
  item->progress_bp = 10000;
  g_assert_true (fita_plan_insert (f->plan, item, programme->rec.id, 0, &error));
  g_assert_no_error (error);
  g_assert_true (f->programme_list_changed);
  children = fita_plan_list (f->plan, FITA_TABLE_ITEM, programme->rec.id);
  g_assert_cmpuint (children->len, ==, 6);
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (children, 0))->code, ==, "11.0");
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (children, 1))->code, ==, "11.1");
  for (guint i = 0; i < children->len; i++)
    g_assert_cmpint (((FitaItem *) g_ptr_array_index (children, i))->position, ==, i);
  /* (100+30+10+0+0+20)/6 = 26,67 */
  g_assert_cmpint (fita_plan_progress (f->plan, programme), ==, 27);
  assert_file_matches_memory (f);

  /* deleting the programme takes its actions, budget, indicators and
   * follow-ups with it */
  g_assert_true (fita_plan_delete (f->plan, programme, &error));
  g_assert_no_error (error);
  g_assert_null (fita_plan_find_item (f->plan, "11"));
  g_assert_null (fita_plan_lookup (f->plan, FITA_TABLE_ITEM, id));
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_BUDGET_LINE), ==, 0);
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_INDICATOR), ==, 0);
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_INDICATOR_VALUE), ==, 0);
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_FOLLOWUP), ==, 0);
  assert_file_matches_memory (f);

  /* one undo brings all of it back, in place */
  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_nonnull (fita_plan_find_item (f->plan, "11"));
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_BUDGET_LINE), ==, 3);
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_INDICATOR), ==, 5);
  assert_file_matches_memory (f);
  g_assert_true (fita_plan_undo (f->plan, &error));
  {
    g_autofree char *now = fita_json_export (f->plan);
    g_assert_cmpstr (now, ==, original);
  }
  assert_file_matches_memory (f);
  /* and redo twice gets back to the deleted state */
  g_assert_true (fita_plan_redo (f->plan, &error));
  g_assert_true (fita_plan_redo (f->plan, &error));
  g_assert_null (fita_plan_find_item (f->plan, "11"));
  assert_file_matches_memory (f);
}

static void
test_delete_referenced (Fixture *f, gconstpointer data)
{
  FitaStatus *in_progress = fita_plan_find_by_name (f->plan, FITA_TABLE_STATUS, "En curs");
  FitaItem *item = fita_plan_find_item (f->plan, "11.1");
  gint64 status_id = in_progress->rec.id;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (item->status_id, ==, status_id);
  g_assert_true (fita_plan_delete (f->plan, in_progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->status_id, ==, 0);
  assert_file_matches_memory (f);
  g_assert_null (fita_plan_lookup (f->plan, FITA_TABLE_STATUS, status_id));
  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_cmpint (item->status_id, ==, status_id);
  g_assert_cmpstr (((FitaStatus *) fita_plan_lookup (f->plan, FITA_TABLE_STATUS, status_id))->name, ==, "En curs");
  assert_file_matches_memory (f);
}

static void
test_move (Fixture *f, gconstpointer data)
{
  FitaItem *line = fita_plan_find_item (f->plan, "I");
  FitaItem *action = fita_plan_find_item (f->plan, "I.1.3");
  FitaItem *target = fita_plan_find_item (f->plan, "III.3");
  g_autofree char *original = fita_json_export (f->plan);
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  /* reorder among siblings: I.1.3 to the front */
  g_assert_true (fita_plan_move (f->plan, action, action->parent_id, 0, &error));
  list = fita_plan_list (f->plan, FITA_TABLE_ITEM, action->parent_id);
  g_assert_true (g_ptr_array_index (list, 0) == action);
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (list, 1))->code, ==, "I.1.1");
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (list, 3))->code, ==, "I.1.4");
  assert_file_matches_memory (f);

  /* move down within the list: to after I.1.5 */
  g_assert_true (fita_plan_move (f->plan, action, action->parent_id, 5, &error));
  list = fita_plan_list (f->plan, FITA_TABLE_ITEM, action->parent_id);
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (list, 3))->code, ==, "I.1.5");
  g_assert_true (g_ptr_array_index (list, 4) == action);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (((FitaItem *) g_ptr_array_index (list, i))->position, ==, i);

  /* re-parent under another objective */
  g_assert_true (fita_plan_move (f->plan, action, target->rec.id, 1, &error));
  g_assert_cmpuint (fita_plan_list (f->plan, FITA_TABLE_ITEM, target->rec.id)->len, ==, 3);
  g_assert_true (g_ptr_array_index (fita_plan_list (f->plan, FITA_TABLE_ITEM, target->rec.id), 1) == action);
  g_assert_cmpuint (fita_plan_list (f->plan, FITA_TABLE_ITEM, fita_plan_find_item (f->plan, "I.1")->rec.id)->len, ==, 7);
  assert_file_matches_memory (f);

  /* not into itself */
  g_assert_false (fita_plan_move (f->plan, line, fita_plan_find_item (f->plan, "I.2")->rec.id, 0, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);

  while (fita_plan_can_undo (f->plan))
    g_assert_true (fita_plan_undo (f->plan, NULL));
  {
    g_autofree char *now = fita_json_export (f->plan);
    g_assert_cmpstr (now, ==, original);
  }
  assert_file_matches_memory (f);
}

static void
test_in_memory_plan (void)
{
  g_autoptr(FitaPlan) plan = fita_plan_new_default ("Pla de prova");
  FitaItem *item = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  g_autoptr(GError) error = NULL;

  item->title = g_strdup ("Primera acció");
  g_assert_true (fita_plan_insert (plan, item, 0, -1, &error));
  g_assert_true (fita_plan_set_int (plan, item, "progress", 4000, &error));
  g_assert_cmpint (fita_plan_progress (plan, item), ==, 40);
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_cmpint (item->progress_bp, ==, FITA_NONE);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_LEVEL), ==, 2);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_STATUS), ==, 3);
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Pla de prova");
}

/* A new plan's levels, statuses and chapters are named in the language
 * of its texts, whatever the interface's: a Spanish plan made in a Catalan
 * window says "No iniciado". */
static void
test_new_plan_language (void)
{
  static const struct { const char *lang, *level, *status, *chapter; } cases[] = {
    { "ca", "Objectiu", "No iniciat", "Capítol 1. Personal" },
    { "es", "Objetivo", "No iniciado", "Capítulo 1. Personal" },
    { "en", "Objective", "Not started", "Chapter 1. Staff" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FitaPlan) plan = fita_plan_new_default_in ("Pla", cases[i].lang);
      FitaLevel *level = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_LEVEL, 0), 0);
      FitaStatus *status = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_STATUS, 0), 0);
      FitaChapter *chapter = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_CHAPTER, 0), 0);

      g_assert_cmpstr (fita_plan_get_info (plan)->language, ==, cases[i].lang);
      g_assert_cmpstr (level->name, ==, cases[i].level);
      g_assert_cmpstr (status->name, ==, cases[i].status);
      g_assert_cmpstr (chapter->name, ==, cases[i].chapter);
    }
}

/* Toggling a semester keeps the list sorted and unique; a word that is not
 * a semester (passed in, never stored) sorts first. */
static void
test_semesters_toggle (void)
{
  g_autofree char *added = fita_semesters_toggle ("2019-2 2018-1", 2018, 2);
  g_autofree char *removed = fita_semesters_toggle (added, 2019, 2);
  g_autofree char *emptied = fita_semesters_toggle ("2018-1", 2018, 1);
  g_autofree char *odd = fita_semesters_toggle ("2019-1 draft", 2017, 2);

  g_assert_cmpstr (added, ==, "2018-1 2018-2 2019-2");
  g_assert_cmpstr (removed, ==, "2018-1 2018-2");
  g_assert_null (emptied);
  g_assert_cmpstr (odd, ==, "draft 2017-2 2019-1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/plan/set-and-undo", Fixture, NULL, setup, test_set_and_undo, teardown);
  g_test_add ("/plan/history-properties", Fixture, NULL, setup, test_history_properties, teardown);
  g_test_add ("/plan/validation", Fixture, NULL, setup, test_validation, teardown);
  g_test_add ("/plan/atomic-change", Fixture, NULL, setup, test_atomic_change, teardown);
  g_test_add ("/plan/insert-delete-undo", Fixture, NULL, setup, test_insert_delete_undo, teardown);
  g_test_add ("/plan/delete-referenced", Fixture, NULL, setup, test_delete_referenced, teardown);
  g_test_add ("/plan/move", Fixture, "xmess-2017-2019", setup, test_move, teardown);
  g_test_add_func ("/plan/in-memory", test_in_memory_plan);
  g_test_add_func ("/plan/new-plan-language", test_new_plan_language);
  g_test_add_func ("/plan/semesters-toggle", test_semesters_toggle);
  return g_test_run ();
}
