/* test-compare.c: comparing a year with the year before it (fita-compare.h,
 * docs/YEARS.md "Comparing years"). */
#include "config.h"
#include "fita-compare.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-years.h"
#include "fita-test-util.h"

#include <string.h>

typedef FitaTestPlanFile Fixture;

static gint64
status_id (FitaPlan *plan, const char *name)
{
  FitaStatus *status = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, name);

  g_assert_nonnull (status);
  return status->rec.id;
}

static FitaItem *
add_item (FitaPlan *plan, FitaItem *parent, const char *code, const char *title)
{
  FitaItem *record = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  g_autoptr(GError) error = NULL;

  record->code = g_strdup (code);
  record->title = g_strdup (title);
  g_assert_true (fita_plan_insert (plan, record, parent->rec.id, -1, &error));
  g_assert_no_error (error);
  return record;
}

static const FitaItemChange *
change_of (FitaComparison *comparison, FitaPlan *plan, const char *code)
{
  const FitaItemChange *change = fita_comparison_lookup (comparison, fita_test_item (plan, code)->rec.id);

  g_assert_nonnull (change);
  return change;
}

/* The Terrassa example (2019–2026, followed year 2024), in a file, with
 * one decimal for percents and an item with no code (under 11). */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  fita_test_plan_file_open (f, "terrassa-ess-2019-2026");
  g_assert_true (fita_plan_set_int (f->plan, fita_plan_get_info (f->plan), "progress_decimals", 1, NULL));
  add_item (f->plan, fita_test_item (f->plan, "11"), NULL, "Sense codi");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  fita_test_plan_file_close (f);
}

/* 2024 closed; in 2025: 11.1 moves 30 % → 48,3 %, 11.2 is finished, 11
 * gets 2025's amounts, an indicator value and a follow-up text, 11.6 is
 * new and 11.4 is removed; 11.3, 11.5 and the item with no code are left
 * as they were. */
static void
edit_2025 (Fixture *f)
{
  FitaItem *programme = fita_test_item (f->plan, "11");
  FitaIndicator *indicator = g_ptr_array_index (fita_plan_list (f->plan, FITA_TABLE_INDICATOR, programme->rec.id), 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_close_year (f->plan, 2024, "Montse", &error));
  g_assert_no_error (error);
  g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11.1"), "progress", 4830, &error));
  g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11.2"), "status_id", status_id (f->plan, "Acabat"), &error));
  g_assert_true (fita_plan_set_budget (f->plan, programme->rec.id, 2025, fita_test_chapter_id (f->plan, 1), 1000050, 250025, &error));
  g_assert_true (fita_plan_set_indicator_value (f->plan, indicator->rec.id, 2025, "12", NULL, &error));
  g_assert_true (fita_plan_set_followup (f->plan, programme->rec.id, 2025, "execution", "Fet", &error));
  add_item (f->plan, programme, "11.6", "Una acció nova");
  g_assert_true (fita_plan_delete (f->plan, fita_test_item (f->plan, "11.4"), &error));
  g_assert_no_error (error);
}

static void
check_2025 (FitaComparison *comparison, FitaPlan *plan)
{
  const FitaComparisonCounts *counts = fita_comparison_get_counts (comparison);
  const FitaItemChange *change;
  g_autofree char *points = NULL;
  g_autofree char *short_points = NULL;
  g_autoptr(FitaTranslator) ca = fita_translator_new ("ca");
  g_autoptr(FitaTranslator) en = fita_translator_new ("en");
  gboolean found_removed = FALSE;
  FitaItem *untitled = NULL;

  g_assert_cmpint (fita_comparison_get_year (comparison), ==, 2025);
  g_assert_true (fita_comparison_has_previous (comparison));

  /* progress: before and after as shown, the change in points, decimals kept */
  change = change_of (comparison, plan, "11.1");
  g_assert_nonnull (change->before);
  g_assert_false (change->is_new);
  g_assert_cmpint (change->progress_bp_before, ==, 3000);
  g_assert_cmpint (change->progress_bp_after, ==, 4830);
  g_assert_cmpint (change->progress_change_bp, ==, 1830);
  g_assert_true (fita_item_change_progress_moved (change));
  g_assert_false (change->status_changed);
  g_assert_true (change->changed);
  g_assert_false (change->no_update);
  points = fita_comparison_format_points (comparison, change, FALSE, ca);
  /* the number in Catalan (the words when the catalogue has them) */
  g_assert_true (g_str_has_prefix (points, "+18,3 "));
  short_points = fita_comparison_format_points (comparison, change, TRUE, en);
  g_assert_cmpstr (short_points, ==, "+18.3 pts");
  /* its end year, 2024, is past and it is not finished: late in 2025, not in 2024 */
  g_assert_true (change->late);
  g_assert_false (change->late_before);

  /* status */
  change = change_of (comparison, plan, "11.2");
  g_assert_cmpstr (change->status_before, ==, "En curs");
  g_assert_cmpstr (change->status_after, ==, "Acabat");
  g_assert_true (change->status_changed);
  g_assert_cmpint (change->progress_change_bp, ==, 0);
  g_assert_false (fita_item_change_progress_moved (change));
  g_assert_true (change->changed);
  g_assert_false (change->no_update);
  /* past its end year but in a finished status: not late */
  g_assert_false (change->late);

  /* amounts, values and texts of the programme; its progress moved with 11.1's */
  change = change_of (comparison, plan, "11");
  g_assert_cmpint (change->year_before.planned, ==, FITA_NONE);
  g_assert_cmpint (change->year_before.executed, ==, FITA_NONE);
  g_assert_cmpint (change->year_after.planned, ==, 1000050);
  g_assert_cmpint (change->year_after.executed, ==, 250025);
  g_assert_cmpint (change->total_after.executed - change->total_before.executed, ==, 250025);
  g_assert_true (change->values_changed);
  g_assert_true (change->texts_changed);
  g_assert_true (change->changed);
  g_assert_false (change->no_update);
  g_assert_false (change->late);  /* no end year: never late */

  /* nothing updated: 11.3, and the item with no code, matched by its title */
  change = change_of (comparison, plan, "11.3");
  g_assert_false (change->changed);
  g_assert_true (change->no_update);
  g_assert_cmpint (change->progress_bp_before, ==, 0);
  g_assert_cmpint (change->progress_change_bp, ==, 0);
  {
    g_autofree char *zero = fita_comparison_format_points (comparison, change, FALSE, en);
    g_assert_cmpstr (zero, ==, "0.0 points");
  }
  for (guint i = 0; i < fita_comparison_get_length (comparison); i++)
    {
      const FitaItemChange *c = fita_comparison_get (comparison, i);
      if (c->item != NULL && g_strcmp0 (c->item->title, "Sense codi") == 0)
        {
          untitled = c->item;
          g_assert_nonnull (c->before);
          g_assert_false (c->is_new);
          g_assert_true (c->no_update);
          /* progress not known, before or after: unknown, never 0 */
          g_assert_cmpint (c->progress_bp_before, ==, FITA_NONE);
          g_assert_cmpint (c->progress_change_bp, ==, FITA_NONE);
          g_assert_null (fita_comparison_format_points (comparison, c, FALSE, en));
        }
    }
  g_assert_nonnull (untitled);

  /* not updated, but late from 2025: 11.5 ends in 2024 at 20 % */
  change = change_of (comparison, plan, "11.5");
  g_assert_true (change->no_update);
  g_assert_true (change->late);
  g_assert_false (change->late_before);

  /* a new item */
  change = change_of (comparison, plan, "11.6");
  g_assert_true (change->is_new);
  g_assert_null (change->before);
  g_assert_true (change->changed);
  g_assert_false (change->no_update);
  g_assert_cmpint (change->progress_change_bp, ==, FITA_NONE);
  g_assert_null (fita_comparison_format_points (comparison, change, FALSE, en));

  /* the parents above what changed changed too */
  change = change_of (comparison, plan, "O3");
  g_assert_true (change->changed);
  g_assert_false (change->no_update);
  change = change_of (comparison, plan, "O3.A1");
  g_assert_true (change->changed);
  g_assert_false (change->no_update);

  /* the removed item comes after the plan's */
  for (guint i = counts->items; i < fita_comparison_get_length (comparison); i++)
    {
      const FitaItemChange *c = fita_comparison_get (comparison, i);
      g_assert_null (c->item);
      g_assert_cmpstr (c->before->code, ==, "11.4");
      g_assert_false (fita_item_change_matches (c, FITA_COMPARE_CHANGED));
      found_removed = TRUE;
    }
  g_assert_true (found_removed);

  /* the counts: O3, O3.A1, 11, 11.1, 11.2, 11.3, 11.5, 11.6 and the untitled one */
  g_assert_cmpuint (counts->items, ==, 9);
  g_assert_cmpuint (counts->changed, ==, 6);
  g_assert_cmpuint (counts->no_update, ==, 3);
  g_assert_cmpuint (counts->late, ==, 2);
  g_assert_cmpuint (counts->newly_late, ==, 2);
  g_assert_cmpuint (counts->status_changed, ==, 1);
  g_assert_cmpuint (counts->progress_moved, ==, 4);  /* 11.1 and the three above it */
  g_assert_cmpuint (counts->added, ==, 1);
  g_assert_cmpuint (counts->removed, ==, 1);

  /* the filters */
  g_assert_true (fita_item_change_matches (change_of (comparison, plan, "11.1"), FITA_COMPARE_CHANGED));
  g_assert_false (fita_item_change_matches (change_of (comparison, plan, "11.1"), FITA_COMPARE_NO_UPDATE));
  g_assert_true (fita_item_change_matches (change_of (comparison, plan, "11.1"), FITA_COMPARE_LATE));
  g_assert_true (fita_item_change_matches (change_of (comparison, plan, "11.3"), FITA_COMPARE_NO_UPDATE));
  g_assert_false (fita_item_change_matches (change_of (comparison, plan, "11.3"), FITA_COMPARE_LATE));
  g_assert_true (fita_item_change_matches (change_of (comparison, plan, "11.3"), FITA_COMPARE_ALL));
}

static void
test_compare_followed_year (Fixture *f, gconstpointer data)
{
  g_autoptr(FitaComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  edit_2025 (f);
  /* the followed year, by default */
  comparison = fita_comparison_new (f->plan, FITA_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (fita_comparison_get_plan (comparison) == f->plan);
  check_2025 (comparison, f->plan);
}

/* 2025 closed in turn: its view compares the same, and so does the view
 * itself (which knows 2024's closure); later edits change neither. */
static void
test_compare_closed_year (Fixture *f, gconstpointer data)
{
  g_autoptr(FitaComparison) comparison = NULL;
  g_autoptr(FitaComparison) again = NULL;
  g_autoptr(FitaPlan) view = NULL;
  g_autoptr(GError) error = NULL;

  edit_2025 (f);
  g_assert_true (fita_plan_close_year (f->plan, 2025, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11.3"), "progress", 9000, NULL));

  comparison = fita_comparison_new (f->plan, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_get_view_year (fita_comparison_get_plan (comparison)), ==, 2025);
  check_2025 (comparison, fita_comparison_get_plan (comparison));

  view = fita_plan_open_year (f->plan, 2025, &error);
  g_assert_no_error (error);
  again = fita_comparison_new (view, FITA_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (fita_comparison_get_plan (again) == view);
  check_2025 (again, view);
}

/* With no closure of the year before, nothing is compared: before is
 * unknown, nothing changed and nothing is "not updated"; late still is. */
static void
test_no_closure (Fixture *f, gconstpointer data)
{
  g_autoptr(FitaComparison) comparison = NULL;
  g_autoptr(FitaComparison) later = NULL;
  g_autoptr(GError) error = NULL;
  const FitaComparisonCounts *counts;
  const FitaItemChange *change;

  comparison = fita_comparison_new (f->plan, 2024, &error);
  g_assert_no_error (error);
  g_assert_false (fita_comparison_has_previous (comparison));
  g_assert_null (fita_comparison_get_previous (comparison));
  counts = fita_comparison_get_counts (comparison);
  g_assert_cmpuint (counts->items, ==, 9);
  g_assert_cmpuint (counts->changed, ==, 0);
  g_assert_cmpuint (counts->no_update, ==, 0);
  g_assert_cmpuint (counts->added, ==, 0);
  g_assert_cmpuint (counts->removed, ==, 0);
  g_assert_cmpuint (counts->progress_moved, ==, 0);
  g_assert_cmpuint (fita_comparison_get_length (comparison), ==, 9);
  change = change_of (comparison, f->plan, "11.1");
  g_assert_cmpint (change->progress_bp_before, ==, FITA_NONE);
  g_assert_cmpint (change->progress_bp_after, ==, 3000);
  g_assert_cmpint (change->progress_change_bp, ==, FITA_NONE);
  g_assert_null (fita_comparison_format_points (comparison, change, TRUE, NULL));
  g_assert_false (change->changed);
  g_assert_false (change->no_update);
  g_assert_false (change->is_new);
  /* ends in 2024: not late in 2024 … */
  g_assert_false (change->late);
  /* … and late in 2026, with no closure of 2025 either */
  later = fita_comparison_new (f->plan, 2026, &error);
  g_assert_no_error (error);
  g_assert_false (fita_comparison_has_previous (later));
  g_assert_true (change_of (later, f->plan, "11.1")->late);
  g_assert_false (change_of (later, f->plan, "11.3")->late);
  g_assert_cmpuint (fita_comparison_get_counts (later)->late, ==, 3);
}

/* Late at every level: a parent past its end year is late while it is
 * not finished, by its rolled-up progress or its status. */
static void
test_late_parent (Fixture *f, gconstpointer data)
{
  const char *actions[] = { "11.1", "11.2", "11.3", "11.4", "11.5" };
  g_autoptr(FitaComparison) comparison = NULL;
  g_autoptr(FitaComparison) finished = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11"), "end_year", 2024, NULL));
  g_assert_true (fita_plan_close_year (f->plan, 2024, NULL, &error));
  g_assert_no_error (error);
  comparison = fita_comparison_new (f->plan, 2025, &error);
  g_assert_no_error (error);
  g_assert_true (change_of (comparison, f->plan, "11")->late);
  g_assert_false (change_of (comparison, f->plan, "11")->late_before);
  g_assert_false (change_of (comparison, f->plan, "O3.A1")->late);  /* no end year */

  /* every action at 100 %: the programme is finished, whatever its status */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, actions[i]), "progress", 10000, NULL));
  g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11.3"), "status_id", status_id (f->plan, "Acabat"), NULL));
  finished = fita_comparison_new (f->plan, 2025, &error);
  g_assert_no_error (error);
  g_assert_false (change_of (finished, f->plan, "11")->late);
  g_assert_false (change_of (finished, f->plan, "11.1")->late);
}

/* A closure that cannot be read is an error naming the year. */
static void
test_bad_snapshot (void)
{
  const char *json = "{\"format\": \"fita\", \"format_version\": 2, \"plan\": {\"title\": \"P\", \"followed_year\": 2021},"
                     " \"year_closures\": [{\"year\": 2020, \"closed_at\": \"2021-01-05T10:00:00Z\", \"snapshot\": {\"plan\": {\"title\": \"P\"}}}]}";
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (json);
  g_autoptr(GError) error = NULL;
  FitaYearClosure *closure = fita_plan_get_closure (plan, 2020);
  FitaComparison *comparison;

  /* damaged behind the plan's back, as a file can be (an import refuses it) */
  g_free (closure->snapshot);
  closure->snapshot = g_strdup ("{");
  comparison = fita_comparison_new (plan, 2021, &error);

  g_assert_null (comparison);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CORRUPT);
  g_assert_true (strstr (error->message, "2020") != NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/compare/followed-year", test_compare_followed_year);
  ADD ("/compare/closed-year", test_compare_closed_year);
  ADD ("/compare/no-closure", test_no_closure);
  ADD ("/compare/late-parent", test_late_parent);
#undef ADD
  g_test_add_func ("/compare/bad-snapshot", test_bad_snapshot);
  return g_test_run ();
}
