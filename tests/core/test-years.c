/* test-years.c: closing and reopening years, the locks on closed years,
 * views of a closed year, and the migration that brings closures to older
 * files (docs/YEARS.md). */
#include "config.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-json.h"
#include "fita-report.h"
#include "fita-store.h"
#include "fita-years.h"
#include "fita-test-util.h"

#include <sqlite3.h>
#include <string.h>

typedef FitaTestPlanFile Fixture;

/* The Terrassa example (2019–2026, followed year 2024; executed amounts
 * in 2019, 2023 and 2024 on item 11, its 2024 follow-up and indicator
 * values), in a file. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  fita_test_plan_file_open (f, "terrassa-ess-2019-2026");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  fita_test_plan_file_close (f);
}

/* Closes every year not yet closed up to last, in order, each followed
 * up first. */
static void
close_up_to (FitaPlan *plan, gint64 last)
{
  g_autoptr(GArray) closed = fita_plan_get_closed_years (plan);
  gint64 first = closed->len ? g_array_index (closed, gint64, closed->len - 1) + 1
                             : fita_plan_get_info (plan)->period_start;

  for (gint64 year = first; year <= last; year++)
    {
      g_autoptr(GError) error = NULL;
      FitaPlanInfo *info = fita_plan_get_info (plan);

      /* a year is closed as the year followed up */
      if (info->followed_year != year)
        g_assert_true (fita_plan_set_int (plan, info, "followed_year", year, NULL));
      g_assert_true (fita_plan_close_year (plan, year, "Montse", &error));
      g_assert_no_error (error);
    }
}

static void
test_close (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(FitaPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  FitaYearClosure *closure;

  g_assert_false (fita_plan_is_year_closed (f->plan, 2024));
  close_up_to (f->plan, 2024);

  years = fita_plan_get_closed_years (f->plan);
  g_assert_cmpuint (years->len, ==, 6);
  g_assert_cmpint (g_array_index (years, gint64, 0), ==, 2019);
  g_assert_cmpint (g_array_index (years, gint64, 5), ==, 2024);
  g_assert_cmpint (fita_plan_get_info (f->plan)->followed_year, ==, 2025);
  g_assert_cmpstr (fita_plan_get_undo_label (f->plan), ==, "Close 2024");

  closure = fita_plan_get_closure (f->plan, 2024);
  g_assert_nonnull (closure);
  g_assert_cmpstr (closure->closed_by, ==, "Montse");
  /* UTC, ISO 8601 */
  g_assert_true (g_str_has_suffix (closure->closed_at, "Z"));
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (closure->closed_at, NULL);
    g_assert_nonnull (when);
  }
  g_assert_true (strstr (closure->snapshot, "\"format\": \"fita\"") != NULL);

  /* undoing a close reopens the year, redoing it closes it again */
  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_false (fita_plan_is_year_closed (f->plan, 2024));
  g_assert_cmpint (fita_plan_get_info (f->plan)->followed_year, ==, 2024);
  g_assert_true (fita_plan_redo (f->plan, NULL));
  g_assert_true (fita_plan_is_year_closed (f->plan, 2024));
  g_assert_cmpint (fita_plan_get_info (f->plan)->followed_year, ==, 2025);

  /* kept in the file */
  g_clear_object (&f->plan);
  again = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_year_closed (again, 2024));
  g_assert_cmpint (fita_plan_get_info (again)->followed_year, ==, 2025);
  g_assert_cmpstr (fita_plan_get_closure (again, 2024)->closed_by, ==, "Montse");
}

static void
assert_closed_error (GError *error, const char *year)
{
  g_autofree char *expected = g_strdup_printf ("%s is closed: reopen it to change its figures.", year);

  g_assert_error (error, FITA_ERROR, FITA_ERROR_YEAR_CLOSED);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Every kind of change to a closed year's figures is refused, and leaves
 * the plan and the file as they were; the live values and later years
 * stay editable. */
static void
test_locks (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_test_item (f->plan, "11");
  FitaIndicator *indicator;
  FitaBudgetLine *line;
  g_autofree char *before = NULL;
  g_autofree char *file_before = NULL;
  g_autofree char *after = NULL;
  gint64 chapter;

  /* an edit of 2024 made before it was closed, to be undone after */
  line = fita_plan_find_budget_line (f->plan, programme->rec.id, 2024, fita_test_chapter_id (f->plan, 2));
  g_assert_nonnull (line);
  chapter = line->chapter_id;
  g_assert_true (fita_plan_set_budget (f->plan, programme->rec.id, 2024, chapter, 100000, 752136, NULL));
  close_up_to (f->plan, 2024);
  before = fita_json_export (f->plan);
  file_before = fita_test_checksum (f->path);

  /* budget lines: amounts, a new line, a line removed, a line moved into the year */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_budget (f->plan, programme->rec.id, 2024, chapter, 100000, 1, &error));
    assert_closed_error (error, "2024");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_budget (f->plan, programme->rec.id, 2024, fita_test_chapter_id (f->plan, 0), 5, 5, &error));
    assert_closed_error (error, "2024");
  }
  {
    g_autoptr(GError) error = NULL;
    line = fita_plan_find_budget_line (f->plan, programme->rec.id, 2023, fita_test_chapter_id (f->plan, 1));
    g_assert_nonnull (line);
    g_assert_false (fita_plan_delete (f->plan, line, &error));
    assert_closed_error (error, "2023");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (fita_plan_set_budget (f->plan, programme->rec.id, 2025, chapter, 500, 400, NULL));
    line = fita_plan_find_budget_line (f->plan, programme->rec.id, 2025, chapter);
    g_assert_false (fita_plan_set_int (f->plan, line, "year", 2022, &error));
    assert_closed_error (error, "2022");
    g_assert_true (fita_plan_undo (f->plan, NULL));
    g_clear_pointer (&before, g_free);
    before = fita_json_export (f->plan);
    g_clear_pointer (&file_before, g_free);
    file_before = fita_test_checksum (f->path);
  }
  /* indicator values */
  indicator = g_ptr_array_index (fita_plan_list (f->plan, FITA_TABLE_INDICATOR, programme->rec.id), 1);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_indicator_value (f->plan, indicator->rec.id, 2024, "3", NULL, &error));
    assert_closed_error (error, "2024");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_indicator_value (f->plan, indicator->rec.id, 2021, "3", NULL, &error));
    assert_closed_error (error, "2021");
  }
  /* follow-up texts, of an item and of the plan */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_followup (f->plan, programme->rec.id, 2024, "strengths", "Més", &error));
    assert_closed_error (error, "2024");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_followup (f->plan, 0, 2020, "execution", "Text", &error));
    assert_closed_error (error, "2020");
  }
  /* an item with figures of closed years cannot be deleted */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_delete (f->plan, programme, &error));
    assert_closed_error (error, "2024");
  }
  /* the followed year stays after the years closed */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_int (f->plan, fita_plan_get_info (f->plan), "followed_year", 2024, &error));
    g_assert_error (error, FITA_ERROR, FITA_ERROR_YEAR_CLOSED);
  }
  /* a closure is never edited */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_text (f->plan, fita_plan_get_closure (f->plan, 2024), "closed_by", "X", &error));
    g_assert_error (error, FITA_ERROR, FITA_ERROR_YEAR_CLOSED);
  }
  after = fita_json_export (f->plan);
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *file_after = fita_test_checksum (f->path);
    g_assert_cmpstr (file_after, ==, file_before);
  }
  /* the followed year's live values and its figures stay editable */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11.1"), "progress", 5000, &error));
    g_assert_no_error (error);
    g_assert_true (fita_plan_set_budget (f->plan, programme->rec.id, 2025, chapter, 100, 50, &error));
    g_assert_true (fita_plan_set_indicator_value (f->plan, indicator->rec.id, 2025, "7", NULL, &error));
    g_assert_true (fita_plan_set_followup (f->plan, programme->rec.id, 2025, "execution", "Fet", &error));
    g_assert_no_error (error);
  }
}

static void
test_reopen (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_test_item (f->plan, "11");
  gint64 chapter = fita_test_chapter_id (f->plan, 1);

  close_up_to (f->plan, 2024);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_reopen_year (f->plan, 2023, &error));
    g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
    g_assert_true (strstr (error->message, "reopen 2024 first") != NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_reopen_year (f->plan, 2025, &error));
    g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "2025 is not closed.");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (fita_plan_reopen_year (f->plan, 2024, &error));
    g_assert_no_error (error);
  }
  g_assert_false (fita_plan_is_year_closed (f->plan, 2024));
  g_assert_true (fita_plan_is_year_closed (f->plan, 2023));
  g_assert_cmpint (fita_plan_get_info (f->plan)->followed_year, ==, 2024);
  g_assert_cmpstr (fita_plan_get_undo_label (f->plan), ==, "Reopen 2024");
  g_assert_true (fita_plan_set_budget (f->plan, programme->rec.id, 2024, chapter, 1, 2, NULL));

  /* kept in the file */
  g_clear_object (&f->plan);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FitaPlan) again = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);
    g_autoptr(GArray) years = NULL;
    g_assert_no_error (error);
    years = fita_plan_get_closed_years (again);
    g_assert_cmpuint (years->len, ==, 5);
    g_assert_cmpint (fita_plan_get_info (again)->followed_year, ==, 2024);
  }
}

static void
test_order (Fixture *f, gconstpointer data)
{
  struct { gint64 year; const char *message; } refused[] = {
    { 2021, "2021 cannot be closed: the year followed up is 2024, and the figures are its figures. Close 2024, or follow up 2021 first." },
    { 2025, "2025 cannot be closed: the year followed up is 2024, and the figures are its figures. Close 2024, or follow up 2025 first." },
    { 2018, "2018 cannot be closed: the plan's period begins in 2019." },
    { 2027, "2027 cannot be closed: the plan's period ends in 2026." },
    { 1800, "1800 is not a year Fita can plan: use one from 1900 to 2200." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (fita_plan_close_year (f->plan, refused[i].year, NULL, &error));
      g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, refused[i].message);
    }
  g_assert_false (fita_plan_can_undo (f->plan));
  /* the year followed up closes at once: the years before it need not */
  {
    g_autoptr(GError) error = NULL;
    g_assert_true (fita_plan_close_year (f->plan, 2024, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (fita_plan_get_info (f->plan)->followed_year, ==, 2025);
    g_assert_true (fita_plan_undo (f->plan, &error));
  }
  close_up_to (f->plan, 2019);
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_close_year (f->plan, 2019, NULL, &error));
    g_assert_cmpstr (error->message, ==, "2019 is already closed.");
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_close_year (f->plan, 2021, NULL, &error));
    g_assert_cmpstr (error->message, ==, "2021 cannot be closed: the year followed up is 2020, and the figures are its figures. Close 2020, or follow up 2021 first.");
  }
  /* no closer is fine */
  g_assert_true (fita_plan_close_year (f->plan, 2020, NULL, NULL));
  g_assert_null (fita_plan_get_closure (f->plan, 2020)->closed_by);
  close_up_to (f->plan, 2026);
  g_assert_cmpuint (fita_plan_count (f->plan, FITA_TABLE_YEAR_CLOSURE), ==, 8);
  /* the last year closed: the followed year goes past the period */
  g_assert_cmpint (fita_plan_get_info (f->plan)->followed_year, ==, 2027);
}

/* A snapshot never holds the closures nor the log; the plan's JSON holds
 * the closures, each snapshot as a nested plan, and reads back as it was
 * written, through a file too. */
static void
test_snapshot_and_json (Fixture *f, gconstpointer data)
{
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.fita", NULL);
  g_autoptr(FitaPlan) imported = NULL;
  g_autoptr(FitaPlan) reopened = NULL;
  g_autoptr(GError) error = NULL;

  close_up_to (f->plan, 2021);
  for (gint64 year = 2019; year <= 2021; year++)
    {
      const char *snapshot = fita_plan_get_closure (f->plan, year)->snapshot;
      g_assert_null (strstr (snapshot, "year_closures"));
      g_assert_null (strstr (snapshot, "snapshot"));
      g_assert_null (strstr (snapshot, "change_log"));
    }
  json = fita_json_export (f->plan);
  g_assert_nonnull (strstr (json, "\"year_closures\""));
  g_assert_nonnull (strstr (json, "\"snapshot\": {\n        \"format\": \"fita\""));
  g_assert_null (strstr (json, "\"change_log\""));

  imported = fita_json_import (json, -1, &error);
  g_assert_no_error (error);
  again = fita_json_export (imported);
  g_assert_cmpstr (again, ==, json);
  g_assert_true (fita_plan_is_year_closed (imported, 2021));

  g_assert_true (fita_plan_save_new (imported, copy_path, &error));
  g_clear_object (&imported);
  reopened = fita_plan_open (copy_path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  from_file = fita_json_export (reopened);
  g_assert_cmpstr (from_file, ==, json);
}

/* A closed year's report is the same PDF after the plan has gone through
 * its JSON (export with its history, import, a new file): the snapshot
 * comes back as the plan it was. */
static void
test_report_through_json (Fixture *f, gconstpointer data)
{
  FitaReportOptions options = { FITA_REPORT_ANNUAL, 0, 2024, "ca" };
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.fita", NULL);
  g_autofree char *json = NULL;
  g_autoptr(FitaPlan) view = NULL;
  g_autoptr(FitaPlan) imported = NULL;
  g_autoptr(FitaPlan) reopened = NULL;
  g_autoptr(FitaPlan) view_after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  close_up_to (f->plan, 2024);
  view = fita_plan_open_year (f->plan, 2024, &error);
  g_assert_no_error (error);
  before = fita_report_render (view, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  json = fita_json_export_with (f->plan, FITA_JSON_EXPORT_CHANGE_LOG);
  imported = fita_json_import (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_save_new (imported, copy_path, &error));
  g_clear_object (&imported);
  reopened = fita_plan_open (copy_path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_closure (reopened, 2024)->snapshot, ==, fita_plan_get_closure (f->plan, 2024)->snapshot);
  view_after = fita_plan_open_year (reopened, 2024, &error);
  g_assert_no_error (error);
  after = fita_report_render (view_after, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));
}

/* A plan whose closures do not make sense is refused on import. */
static void
test_bad_closures (void)
{
  const char *closure = "{\"year\": 2020, \"closed_at\": \"2021-01-05T10:00:00Z\", \"snapshot\": {\"plan\": {\"title\": \"P\"}}}";
  const char *no_year = "{\"closed_at\": \"2021-01-05T10:00:00Z\", \"snapshot\": {\"plan\": {\"title\": \"P\"}}}";
  const char *not_a_plan = "{\"year\": 2021, \"closed_at\": \"2022-01-05T10:00:00Z\", \"snapshot\": {\"items\": []}}";
  const char *bad_plan = "{\"year\": 2021, \"closed_at\": \"2022-01-05T10:00:00Z\", "
                         "\"snapshot\": {\"plan\": {\"title\": \"P\", \"progress_rule\": \"median\"}}}";
  const char *not_json = "{\"year\": 2021, \"closed_at\": \"2022-01-05T10:00:00Z\", \"snapshot\": \"{plan\"}";
  const char *a_number = "{\"year\": 2021, \"closed_at\": \"2022-01-05T10:00:00Z\", \"snapshot\": 7}";
  struct { const char *closures; const char *message; } bad[] = {
    { NULL, "2020 is closed twice" },
    { no_year, "a year closure has no year" },
    { not_a_plan, "year_closures[1] (2021): “snapshot” is not a plan Fita can read: This JSON is not a Fita plan" },
    { bad_plan, "year_closures[1] (2021): “snapshot” is not a plan Fita can read: The plan has 1 problem" },
    { not_json, "“snapshot” is not a plan Fita can read: This is not valid JSON" },
    { a_number, "“snapshot” must be a plan, an object {…}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\": \"fita\", \"format_version\": 2, "
                                               "\"plan\": {\"title\": \"P\"}, \"year_closures\": [%s, %s]}",
                                               closure, bad[i].closures ? bad[i].closures : closure);
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_true (strstr (error->message, bad[i].message) != NULL);
    }
}

/* A view of a closed year is the plan as it was closed, whatever changes
 * later, and cannot be changed; the followed year's view is the plan. */
static void
test_open_year (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_test_item (f->plan, "11");
  g_autoptr(FitaPlan) view = NULL;
  g_autoptr(FitaPlan) live = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *closed_at = NULL;
  FitaItem *viewed;
  gint64 progress_2024 = fita_test_item (f->plan, "11.1")->progress_bp;
  FitaReportOptions options = { FITA_REPORT_ANNUAL, 0, 2024, "ca" };
  g_autoptr(GBytes) report_before = NULL;
  g_autoptr(GBytes) report_after = NULL;

  close_up_to (f->plan, 2024);
  view = fita_plan_open_year (f->plan, 2024, &error);
  g_assert_no_error (error);
  report_before = fita_report_render (view, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&view);

  /* later edits: the title, 2025's figures and live values */
  g_assert_true (fita_plan_set_text (f->plan, fita_plan_get_info (f->plan), "title", "Un altre títol", NULL));
  g_assert_true (fita_plan_set_int (f->plan, fita_test_item (f->plan, "11.1"), "progress", 9900, NULL));
  g_assert_true (fita_plan_set_budget (f->plan, programme->rec.id, 2025, fita_test_chapter_id (f->plan, 1), 100, 50, NULL));

  view = fita_plan_open_year (f->plan, 2024, &error);
  g_assert_no_error (error);
  g_assert_true (view != f->plan);
  g_assert_cmpint (fita_plan_get_view_year (view), ==, 2024);
  g_assert_cmpint (fita_plan_get_view_year (f->plan), ==, 0);
  g_assert_true (fita_plan_is_read_only (view));
  g_assert_nonnull (fita_plan_get_read_only_reason (view));
  g_assert_cmpstr (fita_plan_get_info (view)->title, ==, "Pla estratègic d'economia social i solidària Terrassa 2019-2026");
  g_assert_cmpint (fita_plan_get_info (view)->followed_year, ==, 2024);
  viewed = fita_test_item (view, "11.1");
  g_assert_cmpint (viewed->progress_bp, ==, progress_2024);
  g_assert_null (fita_plan_find_budget_line (view, fita_test_item (view, "11")->rec.id, 2025, fita_test_chapter_id (view, 1)));
  g_assert_cmpuint (fita_plan_count (view, FITA_TABLE_YEAR_CLOSURE), ==, 0);

  /* a report of the closed year is the same PDF, dated when it was closed */
  report_after = fita_report_render (view, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (report_before, report_after));
  when = fita_plan_get_document_time (view);
  closed_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (closed_at, ==, fita_plan_get_closure (f->plan, 2024)->closed_at);

  /* nothing in a view changes */
  g_assert_false (fita_plan_set_int (view, viewed, "progress", 100, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (fita_plan_set_text (view, fita_plan_get_info (view), "title", "X", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (fita_plan_close_year (view, 2025, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (viewed->progress_bp, ==, progress_2024);

  /* the followed year, or a year not closed: the plan itself */
  live = fita_plan_open_year (f->plan, 2025, &error);
  g_assert_no_error (error);
  g_assert_true (live == f->plan);
  g_clear_object (&live);
  live = fita_plan_open_year (f->plan, 2030, &error);
  g_assert_true (live == f->plan);
}

/* The plan's records as JSON, with its uuid written as another's:
 * what stays of a plan through a migration that gives it its identity. */
static char *
json_as_if (FitaPlan *plan, const char *uuid)
{
  g_autofree char *json = fita_json_export_with (plan, FITA_JSON_EXPORT_DEFAULT);
  g_auto(GStrv) parts = g_strsplit (json, fita_plan_get_info (plan)->uuid, -1);

  return g_strjoinv (uuid, parts);
}

/* The schema of the last Fita before the yearly round (issue 15), a number
 * no merge renumbers: the migrations after it (closures, the change log)
 * create their tables IF NOT EXISTS, so a file of it with only the closures
 * missing upgrades whatever order they run in. */
#define SCHEMA_BEFORE_CLOSURES 2

/* A file of the schema before closures is upgraded in one transaction,
 * with a copy of it kept: the same table as a new file's, no closure, and
 * its current status and percent the followed year's. */
static void
test_migration (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *fresh = fita_test_example_file (dir, "xmess-2017-2019");
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, SCHEMA_BEFORE_CLOSURES);
  /* what schema 2 did not have: closures, the change log, the uuid */
  g_autofree char *downgrade = g_strdup_printf ("DROP TABLE year_closure;"
                                                "DROP TABLE change_log_entry; DROP TABLE change_log;"
                                                "ALTER TABLE plan DROP COLUMN uuid;"
                                                "PRAGMA user_version = %d;",
                                                SCHEMA_BEFORE_CLOSURES);
  g_autoptr(FitaPlan) current = fita_plan_open (path, FITA_OPEN_READ_ONLY, NULL);
  g_autofree char *old_uuid = g_strdup (fita_plan_get_info (current)->uuid);
  g_autofree char *expected = json_as_if (current, old_uuid);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  const char *schema = "SELECT group_concat (sql, ';') FROM sqlite_schema WHERE tbl_name = 'year_closure'";
  char *tables[2] = { NULL, NULL };
  const char *paths[2] = { path, fresh };
  sqlite3 *db;

  g_clear_object (&current);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, downgrade, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_backup_path (plan), ==, backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_YEAR_CLOSURE), ==, 0);
  g_assert_cmpint (fita_plan_get_info (plan)->followed_year, ==, 2024);
  g_assert_true (g_uuid_string_is_valid (fita_plan_get_info (plan)->uuid));
  after = json_as_if (plan, old_uuid);
  g_assert_cmpstr (after, ==, expected);
  /* and it takes closures */
  close_up_to (plan, 2019);
  g_clear_object (&plan);

  for (guint i = 0; i < 2; i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_open (paths[i], &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, schema, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      tables[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, FITA_SCHEMA_VERSION);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  g_assert_nonnull (tables[0]);
  g_assert_cmpstr (tables[0], ==, tables[1]);
  g_free (tables[0]);
  g_free (tables[1]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/years/close", test_close);
  ADD ("/years/locks", test_locks);
  ADD ("/years/reopen", test_reopen);
  ADD ("/years/order", test_order);
  ADD ("/years/snapshot-and-json", test_snapshot_and_json);
  ADD ("/years/open-year", test_open_year);
  ADD ("/years/report-through-json", test_report_through_json);
#undef ADD
  g_test_add_func ("/years/migration", test_migration);
  g_test_add_func ("/years/bad-closures", test_bad_closures);
  return g_test_run ();
}
