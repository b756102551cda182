/* test-budget: the Budget page under Xvfb: seed 000's figures, amounts
 * typed into cells as a person would and read back from the file, undo,
 * the totals row, warnings, layouts and filters, TSV, charts, keyboard,
 * and the time to open a plan of 20 000 items. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-budget-cell.h"
#include "fita-budget-page.h"
#include "fita-chart-table.h"
#include "fita-chart-view.h"
#include "fita-edit.h"
#include "fita-examples.h"
#include "fita-item-editor-budget.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-synthetic.h"
#include "fita-application.h"
#include "fita-ui-test.h"

#define NO_LINE G_MAXINT64

typedef struct {
  GtkWindow *window;
  FitaBudgetPage *page;
  FitaPlan *plan;
  char *dir;
  char *path;
} Fixture;

static const char *
lang (void)
{
  return fita_lang_from_locale ();
}

static char *
money (gint64 cents)
{
  return fita_money_format (cents, lang ());
}

static gint64
item_id (Fixture *f, const char *code)
{
  FitaItem *item = fita_plan_find_item (f->plan, code);

  g_assert_nonnull (item);
  return item->rec.id;
}

static gint64
chapter_id (FitaPlan *plan, const char *name)
{
  FitaChapter *chapter = fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, name);

  g_assert_nonnull (chapter);
  return chapter->rec.id;
}

static void
open_plan (Fixture *f, FitaPlan *plan, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_strconcat (name, ".fita", NULL);

  f->dir = g_dir_make_tmp ("fita-budget-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, basename, NULL);
  fita_plan_save_new (plan, f->path, &error);
  g_assert_no_error (error);
  /* let go of the new file, so this test's plan is its only editor */
  fita_plan_close (plan);
  f->plan = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
make_window (Fixture *f)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = FITA_BUDGET_PAGE (fita_budget_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) example = fita_example_load (data, &error);

  g_assert_no_error (error);
  open_plan (f, example, data);
  make_window (f);
  fita_budget_page_set_plan (f->page, f->plan);
  settle ();
  fita_budget_page_reveal_item (f->page, item_id (f, "11"));
  settle ();
}

/* The tests' own plan (tests/data/figures-plan.json): planned totals beyond
 * their years and smaller than their parts, amounts not known. */
static void
setup_figures (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "figures-plan.json", NULL);
  g_autoptr(FitaPlan) plan = fita_json_import_file (json, &error);

  g_assert_no_error (error);
  open_plan (f, plan, "figures");
  make_window (f);
  fita_budget_page_set_plan (f->page, f->plan);
  settle ();
  fita_budget_page_reveal_item (f->page, item_id (f, "1.2.1"));
  fita_budget_page_reveal_item (f->page, item_id (f, "2.1"));
  settle ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->plan);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

typedef struct {
  Fixture *f;
  gint64 item_id;
  FitaBudgetMeasure measure;
  gint64 year;
  gint64 chapter_id;
  GtkWidget *found;
} CellQuery;

static gboolean
cell_found (gpointer data)
{
  CellQuery *q = data;

  q->found = fita_budget_page_find_cell (q->f->page, q->item_id, q->measure, q->year, q->chapter_id);
  return q->found != NULL;
}

/* The cell on screen for item (NULL: the totals row). */
static FitaBudgetCell *
cell_in (Fixture *f, const char *code, FitaBudgetMeasure measure, gint64 year, gint64 chapter)
{
  CellQuery q = { f, code ? item_id (f, code) : 0, measure, year, chapter, NULL };

  if (!wait_until (cell_found, &q))
    g_error ("No cell for %s, measure %d, year %" G_GINT64_FORMAT, code ? code : "totals", measure, year);
  return FITA_BUDGET_CELL (q.found);
}

static FitaBudgetCell *
cell (Fixture *f, const char *code, FitaBudgetMeasure measure, gint64 year)
{
  return cell_in (f, code, measure, year, FITA_NONE);
}

static void
assert_text (FitaBudgetCell *c, gint64 cents)
{
  g_autofree char *expected = money (cents);

  g_assert_cmpstr (fita_budget_cell_get_text (c), ==, expected);
}

/* Types text into the cell as a person would: start editing, type, Enter. */
static void
type_into (FitaBudgetCell *c, const char *text)
{
  GtkEditable *editable = fita_budget_cell_start_editing (c);

  g_assert_nonnull (editable);
  g_assert_true (fita_budget_cell_is_editing (c));
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (editable, "activate");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* An amount of the line (item, year, chapter) as a fresh reader of the file
 * sees it; NO_LINE when there is no such line. */
static gint64
in_file (Fixture *f, const char *code, gint64 year, const char *chapter, FitaBudgetMeasure measure)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) reader = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);
  FitaBudgetLine *line;

  g_assert_no_error (error);
  line = fita_plan_find_budget_line (reader, fita_plan_find_item (reader, code)->rec.id, year,
                                     chapter ? chapter_id (reader, chapter) : 0);
  if (line == NULL)
    return NO_LINE;
  return measure == FITA_BUDGET_PLANNED ? line->planned_cents : line->executed_cents;
}

#define COFUNDING "Capítol 2. Cofinançament de personal"
#define OTHER "Capítol 2. Altres conceptes"
#define STAFF "Capítol 1"

static gboolean
is_table_scroller (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) &&
         GTK_IS_COLUMN_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget)));
}

/* Scrolls the table (and with it the totals) to its last columns. */
static void
scroll_to_end (Fixture *f)
{
  GtkWidget *scroller = find_descendant (GTK_WIDGET (f->page), is_table_scroller, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

/* Seed 000: 4.702,33 € (2023) + 7.521,36 € (2024) = 12.223,69 € executed
 * of 120.000,00 € planned, 10,19 %. */
static void
test_seed_figures (Fixture *f, gconstpointer data)
{
  g_autofree char *rate = fita_percent_format_bp (1019, lang ());
  FitaBudgetCell *c;

  assert_text (cell (f, "11", FITA_BUDGET_PLANNED, FITA_NONE), 12000000);
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, FITA_NONE), 1222369);
  g_assert_cmpstr (fita_budget_cell_get_text (cell (f, "11", FITA_BUDGET_RATE, FITA_NONE)), ==, rate);
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2023), 470233);
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2024), 752136);
  /* 0 € and "- €" are not the same */
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2019), 0);
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2020), FITA_NONE);
  assert_text (cell (f, "11", FITA_BUDGET_DIFFERENCE, FITA_NONE), 12000000 - 1222369);

  /* the parents roll it up, read-only */
  c = cell (f, "O3", FITA_BUDGET_EXECUTED, 2024);
  assert_text (c, 752136);
  g_assert_false (fita_budget_cell_get_editable (c));
  assert_text (cell (f, "O3.A1", FITA_BUDGET_EXECUTED, FITA_NONE), 1222369);

  /* and so does the totals row */
  assert_text (cell (f, NULL, FITA_BUDGET_PLANNED, FITA_NONE), 12000000);
  assert_text (cell (f, NULL, FITA_BUDGET_EXECUTED, FITA_NONE), 1222369);
  g_assert_cmpstr (fita_budget_cell_get_text (cell (f, NULL, FITA_BUDGET_RATE, FITA_NONE)), ==, rate);
  g_assert_false (fita_budget_cell_get_editable (cell (f, NULL, FITA_BUDGET_EXECUTED, 2024)));

  /* planned for the whole period only: no year stands out */
  g_assert_null (fita_budget_cell_get_warning (cell (f, "11", FITA_BUDGET_EXECUTED, 2024)));
  /* the programme keeps its own budget: its years can be typed over */
  g_assert_true (fita_budget_cell_get_editable (cell (f, "11", FITA_BUDGET_PLANNED, 2024)));
}

static void
test_edit_and_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *shot = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *over = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *tooltip = NULL;
  guint64 generation;
  FitaBudgetCell *c;

  /* Catalan, as the seed writes it */
  type_into (cell (f, "11", FITA_BUDGET_PLANNED, 2024), "4.702,33");
  g_assert_cmpint (in_file (f, "11", 2024, OTHER, FITA_BUDGET_PLANNED), ==, 470233);
  g_assert_cmpint (in_file (f, "11", 2024, OTHER, FITA_BUDGET_EXECUTED), ==, 752136);
  assert_text (cell (f, "11", FITA_BUDGET_PLANNED, 2024), 470233);
  assert_text (cell (f, NULL, FITA_BUDGET_PLANNED, 2024), 470233);
  g_assert_cmpstr (fita_plan_get_undo_label (f->plan), ==, "Edit Budget");

  type_into (cell (f, "11", FITA_BUDGET_PLANNED, 2024), "5000");
  g_assert_cmpint (in_file (f, "11", 2024, OTHER, FITA_BUDGET_PLANNED), ==, 500000);
  assert_text (cell (f, NULL, FITA_BUDGET_PLANNED, 2024), 500000);
  assert_text (cell (f, "O3", FITA_BUDGET_PLANNED, 2024), 500000);

  /* executing more than planned, and executing with nothing planned */
  amount = money (752136);
  planned = money (500000);
  over = g_strdup_printf ("Executed more than planned: %s of %s", amount, planned);
  c = cell (f, "11", FITA_BUDGET_EXECUTED, 2024);
  g_assert_cmpstr (fita_budget_cell_get_warning (c), ==, over);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (c), "warning"));
  tooltip = fita_budget_cell_dup_tooltip (c);
  g_assert_nonnull (strstr (tooltip, over));
  g_assert_cmpstr (fita_budget_cell_get_warning (cell (f, "11", FITA_BUDGET_EXECUTED, 2023)), ==,
                   "Execution in 2023 with nothing planned for that year");
  g_assert_cmpstr (fita_budget_cell_get_warning (cell (f, NULL, FITA_BUDGET_EXECUTED, 2024)), ==, over);

  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "budget-terrassa");
  assert_png (shot, 1200, 700);
  /* the years with the warnings, and the totals, at the right */
  scroll_to_end (f);
  g_clear_pointer (&shot, g_free);
  shot = save_screenshot (GTK_WIDGET (f->window), "budget-terrassa-right");
  assert_png (shot, 1200, 700);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  dark = save_screenshot (GTK_WIDGET (f->window), "budget-terrassa-dark");
  assert_png (dark, 1200, 700);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* every edit is one undoable change */
  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_cmpint (in_file (f, "11", 2024, OTHER, FITA_BUDGET_PLANNED), ==, 470233);
  assert_text (cell (f, "11", FITA_BUDGET_PLANNED, 2024), 470233);
  assert_text (cell (f, NULL, FITA_BUDGET_PLANNED, 2024), 470233);
  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_cmpint (in_file (f, "11", 2024, OTHER, FITA_BUDGET_PLANNED), ==, FITA_NONE);
  assert_text (cell (f, "11", FITA_BUDGET_PLANNED, 2024), FITA_NONE);
  g_assert_null (fita_budget_cell_get_warning (cell (f, "11", FITA_BUDGET_EXECUTED, 2024)));

  /* "- €" is no amount: 2019's 0 € goes, and with it the empty line */
  g_assert_cmpint (in_file (f, "11", 2019, COFUNDING, FITA_BUDGET_EXECUTED), ==, 0);
  type_into (cell (f, "11", FITA_BUDGET_EXECUTED, 2019), "- €");
  g_assert_cmpint (in_file (f, "11", 2019, COFUNDING, FITA_BUDGET_EXECUTED), ==, NO_LINE);
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2019), FITA_NONE);

  /* text that is not an amount is marked and never saved */
  generation = fita_plan_get_generation (f->plan);
  c = cell (f, "11", FITA_BUDGET_PLANNED, 2025);
  type_into (c, "abc");
  g_assert_nonnull (fita_budget_cell_get_error (c));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (c), "error"));
  g_clear_pointer (&tooltip, g_free);
  tooltip = fita_budget_cell_dup_tooltip (c);
  g_assert_true (g_str_has_prefix (tooltip, fita_budget_cell_get_error (c)));
  g_assert_true (fita_budget_cell_is_editing (c));
  g_assert_cmpint (fita_plan_get_generation (f->plan), ==, generation);
  g_assert_cmpint (in_file (f, "11", 2025, NULL, FITA_BUDGET_PLANNED), ==, NO_LINE);
  /* Escape gives it up */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (c), "cell.cancel", NULL));
  g_assert_false (fita_budget_cell_is_editing (c));
  g_assert_null (fita_budget_cell_get_error (c));
  assert_text (c, FITA_NONE);

  /* a year with no line yet, where the programme's years disagree on the
   * chapter: "no chapter" */
  type_into (cell (f, "11", FITA_BUDGET_PLANNED, 2026), "4702.33 €");
  g_assert_cmpint (in_file (f, "11", 2026, NULL, FITA_BUDGET_PLANNED), ==, 470233);
}

/* A year split over chapters is typed chapter by chapter. */
static void
test_chapters (Fixture *f, gconstpointer data)
{
  gint64 eleven = item_id (f, "11");
  g_autofree char *tooltip = NULL;
  g_auto(GStrv) titles = NULL;
  FitaBudgetCell *c;

  g_assert_true (fita_plan_set_budget (f->plan, eleven, 2025, chapter_id (f->plan, STAFF), 100000, FITA_NONE, NULL));
  g_assert_true (fita_plan_set_budget (f->plan, eleven, 2025, chapter_id (f->plan, OTHER), 200000, FITA_NONE, NULL));
  c = cell (f, "11", FITA_BUDGET_PLANNED, 2025);
  assert_text (c, 300000);
  g_assert_false (fita_budget_cell_get_editable (c));
  g_assert_null (fita_budget_cell_start_editing (c));
  tooltip = fita_budget_cell_dup_tooltip (c);
  g_assert_nonnull (strstr (tooltip, "choose a chapter"));

  /* with a chapter chosen, that chapter's amount */
  fita_budget_page_set_filters (f->page, FITA_NONE, chapter_id (f->plan, STAFF), 0);
  c = cell (f, "11", FITA_BUDGET_PLANNED, 2025);
  assert_text (c, 100000);
  type_into (c, "1500");
  g_assert_cmpint (in_file (f, "11", 2025, STAFF, FITA_BUDGET_PLANNED), ==, 150000);
  g_assert_cmpint (in_file (f, "11", 2025, OTHER, FITA_BUDGET_PLANNED), ==, 200000);

  /* one year: planned, executed, difference and rate for it */
  fita_budget_page_set_filters (f->page, 2024, FITA_NONE, 0);
  titles = fita_budget_page_dup_titles (f->page);
  g_assert_cmpuint (g_strv_length (titles), ==, 5);
  g_assert_cmpstr (titles[1], ==, "Planned 2024");
  g_assert_cmpstr (titles[4], ==, "Execution Rate 2024");
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2024), 752136);
  g_clear_pointer (&titles, g_strfreev);

  /* by chapter: typed only once a year is chosen */
  fita_budget_page_set_filters (f->page, FITA_NONE, FITA_NONE, 0);
  /* the "By Chapter" toggle */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.layout", "s", "by-chapter"));
  g_assert_cmpint (fita_budget_page_get_layout (f->page), ==, FITA_BUDGET_BY_CHAPTER);
  settle ();
  titles = fita_budget_page_dup_titles (f->page);
  g_assert_cmpstr (titles[1], ==, "Total Planned");
  g_assert_cmpstr (titles[2], ==, "Planned in the Years");
  g_assert_cmpstr (titles[3], ==, "Not Allocated to a Year");
  g_assert_cmpstr (titles[7], ==, "Planned, Capítol 1");
  g_assert_cmpstr (titles[8], ==, "Executed, Capítol 1");
  c = cell_in (f, "11", FITA_BUDGET_EXECUTED, FITA_NONE, chapter_id (f->plan, COFUNDING));
  assert_text (c, 470233);
  g_assert_false (fita_budget_cell_get_editable (c));
  g_clear_pointer (&tooltip, g_free);
  tooltip = fita_budget_cell_dup_tooltip (c);
  g_assert_nonnull (strstr (tooltip, "Choose a year"));
  assert_text (cell_in (f, "11", FITA_BUDGET_EXECUTED, FITA_NONE, chapter_id (f->plan, OTHER)), 752136);
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, FITA_NONE), 1222369);

  fita_budget_page_set_filters (f->page, 2023, FITA_NONE, 0);
  c = cell_in (f, "11", FITA_BUDGET_PLANNED, 2023, chapter_id (f->plan, COFUNDING));
  type_into (c, "6.000");
  g_assert_cmpint (in_file (f, "11", 2023, COFUNDING, FITA_BUDGET_PLANNED), ==, 600000);
  g_assert_cmpint (in_file (f, "11", 2023, COFUNDING, FITA_BUDGET_EXECUTED), ==, 470233);
  {
    g_autofree char *shot = NULL;

    settle ();
    shot = save_screenshot (GTK_WIDGET (f->window), "budget-by-chapter-2023");
    assert_png (shot, 1200, 700);
  }
}


/* Beside each planned total, what the years hold and what no year has, so
 * that the total can be checked from the figures beside it; a warning
 * where the parts are more than the total set on an item. */
static void
test_envelope (Fixture *f, gconstpointer data)
{
  g_autofree char *seventy = money (7000000);
  g_autofree char *fifty = money (5000000);
  g_autofree char *over = NULL;
  g_autofree char *shot = NULL;
  g_auto(GStrv) titles = fita_budget_page_dup_titles (f->page);

  g_assert_cmpstr (titles[1], ==, "Total Planned");
  g_assert_cmpstr (titles[2], ==, "Planned in the Years");
  g_assert_cmpstr (titles[3], ==, "Not Allocated to a Year");

  /* the whole plan: 250.000 € = 122.000 € in the years + 128.000 € in none */
  assert_text (cell (f, NULL, FITA_BUDGET_PLANNED, FITA_NONE), 25000000);
  assert_text (cell (f, NULL, FITA_BUDGET_IN_YEARS, FITA_NONE), 12200000);
  assert_text (cell (f, NULL, FITA_BUDGET_NOT_IN_YEARS, FITA_NONE), 12800000);
  /* 1: 200.000 € = 72.000 € + 128.000 € */
  assert_text (cell (f, "1", FITA_BUDGET_PLANNED, FITA_NONE), 20000000);
  assert_text (cell (f, "1", FITA_BUDGET_IN_YEARS, FITA_NONE), 7200000);
  assert_text (cell (f, "1", FITA_BUDGET_NOT_IN_YEARS, FITA_NONE), 12800000);
  g_assert_null (fita_budget_cell_get_warning (cell (f, "1", FITA_BUDGET_PLANNED, FITA_NONE)));
  /* no total at all: no amounts, not 0 € */
  assert_text (cell (f, "3", FITA_BUDGET_IN_YEARS, FITA_NONE), FITA_NONE);
  assert_text (cell (f, "3", FITA_BUDGET_NOT_IN_YEARS, FITA_NONE), FITA_NONE);

  /* 2: 50.000 € set on it, but 2.1 and 2.2 plan 40.000 € and 30.000 € */
  over = g_strdup_printf ("The parts add up to %s, more than the total planned of %s", seventy, fifty);
  g_assert_cmpstr (fita_budget_cell_get_warning (cell (f, "2", FITA_BUDGET_PLANNED, FITA_NONE)), ==, over);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell (f, "2", FITA_BUDGET_PLANNED, FITA_NONE)), "warning"));
  /* 2.1: 40.000 € set on it, 25.000 € in each of 2025 and 2026 */
  g_assert_nonnull (fita_budget_cell_get_warning (cell (f, "2.1", FITA_BUDGET_PLANNED, FITA_NONE)));
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "budget-envelope");
  assert_png (shot, 1200, 700);

  /* raised to 70.000 €, the warning goes and 20.000 € are in no year */
  fita_plan_begin (f->plan, "Raise");
  fita_plan_set_int (f->plan, fita_plan_find_item (f->plan, "2"), "planned_total_cents", 7000000, NULL);
  g_assert_true (fita_plan_end (f->plan, NULL));
  settle ();
  g_assert_null (fita_budget_cell_get_warning (cell (f, "2", FITA_BUDGET_PLANNED, FITA_NONE)));
  assert_text (cell (f, "2", FITA_BUDGET_NOT_IN_YEARS, FITA_NONE), 2000000);
}

/* Nothing executed known is no execution rate: "—", never 0 %. */
static void
test_unknown_rate (Fixture *f, gconstpointer data)
{
  /* 1.2.1: 11.500 € executed of 12.000 € */
  g_autofree char *rate = fita_percent_format_bp (9583, lang ());

  assert_text (cell (f, "2", FITA_BUDGET_EXECUTED, FITA_NONE), FITA_NONE);
  g_assert_cmpstr (fita_budget_cell_get_text (cell (f, "2", FITA_BUDGET_RATE, FITA_NONE)), ==, "—");
  g_assert_cmpstr (fita_budget_cell_get_text (cell (f, "2.1", FITA_BUDGET_RATE, FITA_NONE)), ==, "—");
  g_assert_cmpstr (fita_budget_cell_get_text (cell (f, "1.2.1", FITA_BUDGET_RATE, FITA_NONE)), ==, rate);

  /* 2.2: 30.000 € for the period and nothing else. What its years hold
   * is known, 0 €; what it executed is not, and so neither is its rate. */
  assert_text (cell (f, "2.2", FITA_BUDGET_IN_YEARS, FITA_NONE), 0);
  assert_text (cell (f, "2.2", FITA_BUDGET_NOT_IN_YEARS, FITA_NONE), 3000000);
  assert_text (cell (f, "2.2", FITA_BUDGET_EXECUTED, FITA_NONE), FITA_NONE);
  g_assert_cmpstr (fita_budget_cell_get_text (cell (f, "2.2", FITA_BUDGET_RATE, FITA_NONE)), ==, "—");
}

/* A negative amount is refused with the plan's reason, naming the item and
 * the year; the file keeps what it had. */
static void
test_negative_amount (Fixture *f, gconstpointer data)
{
  FitaBudgetCell *c = cell (f, "1.1", FITA_BUDGET_PLANNED, 2026);

  type_into (c, "-3.000");
  g_assert_cmpint (in_file (f, "1.1", 2026, "Capítol 1", FITA_BUDGET_PLANNED), ==, NO_LINE);
  g_assert_nonnull (fita_budget_cell_get_error (c));
  g_assert_nonnull (strstr (fita_budget_cell_get_error (c), "1.1, 2026"));
  g_assert_nonnull (strstr (fita_budget_cell_get_error (c), "negative"));
  g_assert_false (fita_plan_can_undo (f->plan));

  type_into (c, "3.000");
  g_assert_cmpint (in_file (f, "1.1", 2026, "Capítol 1", FITA_BUDGET_PLANNED), ==, 300000);
  g_assert_null (fita_budget_cell_get_error (c));
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_copy_tsv (Fixture *f, gconstpointer data)
{
  g_autofree char *tsv = fita_budget_page_copy_tsv (f->page);
  g_autofree char *pasted = NULL;
  g_autofree char *planned = money (12000000);
  g_autofree char *executed = money (1222369);
  g_autofree char *y2023 = money (470233);
  g_autofree char *rate = fita_percent_format_bp (1019, lang ());
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], "\t", -1);
  g_auto(GStrv) titles = fita_budget_page_dup_titles (f->page);
  gboolean found = FALSE;
  guint n = g_strv_length (lines);

  g_assert_cmpstr (header[0], ==, "Code");
  g_assert_cmpstr (header[1], ==, "Item");
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length (titles) + 1);
  for (guint i = 1; titles[i]; i++)
    g_assert_cmpstr (header[i + 1], ==, titles[i]);
  g_assert_cmpstr (header[2], ==, "Total Planned");
  g_assert_cmpstr (header[3], ==, "Planned in the Years");
  g_assert_cmpstr (header[4], ==, "Not Allocated to a Year");
  g_assert_cmpstr (header[8], ==, "Planned 2019");

  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
      if (g_strcmp0 (fields[0], "11") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (fields[1], ==, "ESS als barris");
      g_assert_cmpstr (fields[2], ==, planned);
      /* 2019 planned is empty (no amount), 2019 executed is 0 */
      g_assert_cmpstr (fields[8], ==, "");
      g_assert_nonnull (strstr (lines[i], y2023));
      g_assert_nonnull (strstr (lines[i], planned));
      g_assert_nonnull (strstr (lines[i], executed));
      g_assert_nonnull (strstr (lines[i], rate));
    }
  g_assert_true (found);
  /* the totals row last, then the final newline */
  g_assert_true (g_str_has_prefix (lines[n - 2], "\tTotal\t"));
  g_assert_nonnull (strstr (lines[n - 2], executed));
  g_assert_cmpstr (lines[n - 1], ==, "");

  /* the button puts the same text on the clipboard */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->page)), NULL, on_clipboard_text, &pasted);
  g_assert_true (wait_until (text_read, &pasted));
  g_assert_cmpstr (pasted, ==, tsv);
}

static void
test_level_filter (Fixture *f, gconstpointer data)
{
  GPtrArray *levels = fita_plan_list (f->plan, FITA_TABLE_LEVEL, 0);
  FitaLevel *actuacio = g_ptr_array_index (levels, 3);
  g_autofree char *tsv = NULL;
  g_auto(GStrv) lines = NULL;

  fita_budget_page_set_filters (f->page, FITA_NONE, FITA_NONE, actuacio->rec.id);
  tsv = fita_budget_page_copy_tsv (f->page);
  lines = g_strsplit (tsv, "\n", -1);
  /* header, the five sub-actions, totals, final newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_true (g_str_has_prefix (lines[1], "11.1\t"));
  g_assert_true (g_str_has_prefix (lines[5], "11.5\t"));
  /* nothing below, no amounts of their own: a leaf can be typed over */
  g_assert_true (fita_budget_cell_get_editable (cell (f, "11.3", FITA_BUDGET_PLANNED, 2025)));
}

typedef struct {
  Fixture *f;
  gint64 item_id;
} Gone;

static gboolean
row_gone (gpointer data)
{
  Gone *gone = data;

  return fita_budget_page_find_cell (gone->f->page, gone->item_id, FITA_BUDGET_PLANNED, 2025, FITA_NONE) == NULL;
}

/* Items added, renamed and taken away show as they happen. */
static void
test_follows_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  FitaItem *added;
  FitaBudgetCell *c;
  Gone gone = { f, 0 };

  fita_budget_page_reveal_item (f->page, item_id (f, "11.1"));
  settle ();
  added = fita_plan_add_item (f->plan, item_id (f, "11"), -1, "Nova actuació", &error);
  g_assert_no_error (error);
  code = g_strdup (added->code);
  gone.item_id = added->rec.id;

  c = cell (f, code, FITA_BUDGET_PLANNED, 2025);
  g_assert_true (fita_budget_cell_get_editable (c));
  type_into (c, "1000");
  g_assert_cmpint (in_file (f, code, 2025, NULL, FITA_BUDGET_PLANNED), ==, 100000);
  /* the programme now sums what is below it, and only shows it */
  settle ();
  c = cell (f, "11", FITA_BUDGET_PLANNED, 2025);
  assert_text (c, 100000);
  g_assert_false (fita_budget_cell_get_editable (c));

  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_true (wait_until (row_gone, &gone));
  settle ();
  g_assert_true (fita_budget_cell_get_editable (cell (f, "11", FITA_BUDGET_PLANNED, 2025)));
  /* the rows stayed open */
  cell (f, "11.5", FITA_BUDGET_PLANNED, 2025);
}

static void
test_keyboard (Fixture *f, gconstpointer data)
{
  FitaBudgetCell *start, *below, *right, *last, *total;
  GtkEditable *editable;

  fita_budget_page_reveal_item (f->page, item_id (f, "11.5"));
  settle ();
  start = cell (f, "11", FITA_BUDGET_PLANNED, 2024);
  below = cell (f, "11.1", FITA_BUDGET_PLANNED, 2024);
  right = cell (f, "11", FITA_BUDGET_EXECUTED, 2024);
  last = cell (f, "11.5", FITA_BUDGET_PLANNED, 2024);
  total = cell (f, NULL, FITA_BUDGET_PLANNED, 2024);

  gtk_widget_grab_focus (GTK_WIDGET (start));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (start)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (start), "cell.move", "(ii)", 0, 1));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (below)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (below), "cell.move", "(ii)", 0, -1));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (start)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (start), "cell.move", "(ii)", 1, 0));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (right)));
  /* from the last row down into the totals */
  gtk_widget_grab_focus (GTK_WIDGET (last));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (last), "cell.move", "(ii)", 0, 1));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (total)));

  /* Enter edits; moving away commits, like a spreadsheet */
  gtk_widget_grab_focus (GTK_WIDGET (start));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (start), "cell.edit", NULL));
  g_assert_true (fita_budget_cell_is_editing (start));
  editable = fita_budget_cell_start_editing (start);
  gtk_editable_set_text (editable, "7.000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (start), "cell.move", "(ii)", 0, 1));
  g_assert_false (fita_budget_cell_is_editing (start));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (below)));
  g_assert_cmpint (in_file (f, "11", 2024, OTHER, FITA_BUDGET_PLANNED), ==, 700000);
}

typedef struct {
  FitaChartView *view;
  const char *needle;
  char *found;
} ChartProbe;

/* Hovering the chart: somewhere it gives the exact amount. */
static gboolean
chart_says (ChartProbe *probe)
{
  int width = gtk_widget_get_width (GTK_WIDGET (probe->view));
  int height = gtk_widget_get_height (GTK_WIDGET (probe->view));

  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        g_autofree char *text = fita_chart_view_describe_at (probe->view, x, y);

        if (text != NULL && strstr (text, probe->needle) != NULL)
          {
            probe->found = g_steal_pointer (&text);
            return TRUE;
          }
      }
  return FALSE;
}

static void
test_charts (Fixture *f, gconstpointer data)
{
  FitaChartView *view = fita_budget_page_get_chart_view (f->page);
  static const char * const names[] = { "planned-executed", "stacked", "execution-rate", "cumulative", "chapters" };
  g_autofree char *amount = money (752136);
  ChartProbe probe = { view, amount, NULL };

  /* the selected item, 11, is the chart's */
  g_assert_cmpint (fita_chart_view_get_item_id (view), ==, item_id (f, "11"));
  g_assert_true (fita_chart_has_data (fita_chart_view_get_chart (view)));
  g_assert_true (chart_says (&probe));
  g_test_message ("Chart tooltip: %s", probe.found);
  g_free (probe.found);

  for (guint k = 0; k < FITA_N_CHARTS; k++)
    {
      g_autofree char *name = g_strconcat ("budget-chart-", names[k], NULL);
      g_autofree char *shot = NULL;
      GtkDropDown *dropdown;

      /* as the person would: the dropdown above the chart */
      dropdown = GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (
        gtk_widget_get_prev_sibling (gtk_widget_get_parent (GTK_WIDGET (view))))));
      gtk_drop_down_set_selected (dropdown, k);
      g_assert_cmpint (fita_chart_view_get_kind (view), ==, k);
      settle ();
      g_assert_cmpfloat (fita_chart_view_get_draw_ms (view), >, 0);
      shot = save_screenshot (GTK_WIDGET (f->window), name);
      assert_png (shot, 1200, 700);
    }

  /* the chart follows the plan */
  g_assert_true (fita_plan_set_budget (f->plan, item_id (f, "11"), 2025, chapter_id (f->plan, STAFF),
                                       FITA_NONE, 123456, NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (
    gtk_widget_get_prev_sibling (gtk_widget_get_parent (GTK_WIDGET (view)))))), FITA_CHART_PLANNED_EXECUTED);
  settle ();
  g_clear_pointer (&amount, g_free);
  amount = money (123456);
  probe.needle = amount;
  g_assert_true (chart_says (&probe));
  g_free (probe.found);
}

/* Every chart shows its figures as a table ("Show Data"), the same the
 * chart draws, copies them as tab-separated text, and tells a screen
 * reader what it shows. */
static void
test_chart_data (Fixture *f, gconstpointer data)
{
  FitaChartView *view = fita_budget_page_get_chart_view (f->page);
  GtkToggleButton *button = fita_budget_page_get_chart_data_button (f->page);
  GtkWidget *table = fita_budget_page_get_chart_table (f->page);
  static const char * const names[] = { "planned-executed", "stacked", "execution-rate", "cumulative", "chapters" };
  g_autofree char *planned = money (12000000);
  g_autofree char *executed = money (1222369);
  g_autofree char *y2023 = money (470233);
  g_autofree char *rate = fita_percent_format_bp (1019, lang ());
  g_autofree char *summary = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *pasted = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (fita_chart_view_get_item_id (view), ==, item_id (f, "11"));
  g_assert_false (gtk_widget_get_visible (table));

  /* the summary sentence, with the figures, for a screen reader */
  summary = fita_chart_get_summary (fita_chart_view_get_chart (view));
  g_test_message ("Chart summary: %s", summary);
  g_assert_nonnull (strstr (summary, executed));
  g_assert_nonnull (strstr (summary, planned));
  g_assert_nonnull (strstr (summary, rate));
  g_assert_nonnull (strstr (summary, y2023));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       gtk_widget_get_tooltip_text (GTK_WIDGET (button)));

  /* the toggle, from the keyboard: the table holds the chart's figures */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  settle ();
  g_assert_true (gtk_toggle_button_get_active (button));
  g_assert_true (gtk_widget_get_visible (table));
  for (guint k = 0; k < FITA_N_CHARTS; k++)
    {
      g_autofree char *name = g_strconcat ("budget-chart-data-", names[k], NULL);
      g_autofree char *shot = NULL;
      g_autofree char *in_table = NULL;
      g_autofree char *drawn = NULL;
      g_autofree char *described = NULL;

      /* as the person would: the dropdown above the chart */
      gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (
        gtk_widget_get_prev_sibling (gtk_widget_get_parent (GTK_WIDGET (view)))))), k);
      g_assert_cmpint (fita_chart_view_get_kind (view), ==, k);
      settle ();
      in_table = fita_chart_table_dup_text (FITA_CHART_TABLE (table));
      drawn = fita_chart_get_table_text (fita_chart_view_get_chart (view));
      g_assert_cmpstr (in_table, ==, drawn);
      g_assert_nonnull (strchr (in_table, '\n'));
      described = fita_chart_get_summary (fita_chart_view_get_chart (view));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described);
      shot = save_screenshot (GTK_WIDGET (f->window), name);
      assert_png (shot, 1200, 700);
    }

  /* the yearly chart: a row a year, then the whole period */
  fita_chart_view_set_kind (view, FITA_CHART_PLANNED_EXECUTED);
  settle ();
  shown = fita_chart_table_dup_text (FITA_CHART_TABLE (table));
  lines = g_strsplit (shown, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + (2026 - 2019 + 1) + 1 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "2019\t"));
  g_assert_true (g_str_has_prefix (lines[5], "2023\t"));
  g_assert_nonnull (strstr (lines[5], y2023));
  g_assert_nonnull (strstr (lines[9], planned));
  g_assert_nonnull (strstr (lines[9], executed));
  g_assert_nonnull (strstr (lines[9], rate));

  /* the table follows the plan */
  g_assert_true (fita_plan_set_budget (f->plan, item_id (f, "11"), 2025, chapter_id (f->plan, STAFF),
                                       FITA_NONE, 123456, NULL));
  settle ();
  g_clear_pointer (&shown, g_free);
  shown = fita_chart_table_dup_text (FITA_CHART_TABLE (table));
  expected = fita_chart_get_table_text (fita_chart_view_get_chart (view));
  g_assert_cmpstr (shown, ==, expected);

  /* Copy as Table: the same text, with its header row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.copy-chart", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->page)), NULL, on_clipboard_text, &pasted);
  g_assert_true (wait_until (text_read, &pasted));
  g_assert_cmpstr (pasted, ==, expected);

  /* hidden again, the table lets go of the figures */
  gtk_toggle_button_set_active (button, FALSE);
  settle ();
  g_assert_false (gtk_widget_get_visible (table));
  g_clear_pointer (&shown, g_free);
  shown = fita_chart_table_dup_text (FITA_CHART_TABLE (table));
  g_assert_cmpstr (shown, ==, "");
}

static gboolean
is_dropdown_named (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Choosing a year in the filter, as the person does, logs nothing (the
 * tests run with fatal criticals) and shows that year. */
static void
test_year_dropdown (Fixture *f, gconstpointer data)
{
  GtkDropDown *years = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->page), is_dropdown_named,
                                                       g_dgettext (GETTEXT_PACKAGE, "Show one year")));
  g_auto(GStrv) titles = NULL;
  GtkStringObject *chosen;

  g_assert_nonnull (years);
  /* "All Years", then 2019… */
  gtk_drop_down_set_selected (years, 6);
  settle ();
  chosen = gtk_drop_down_get_selected_item (years);
  g_assert_cmpstr (gtk_string_object_get_string (chosen), ==, "2024");
  titles = fita_budget_page_dup_titles (f->page);
  g_assert_cmpstr (titles[1], ==, "Planned 2024");
  assert_text (cell (f, "11", FITA_BUDGET_EXECUTED, 2024), 752136);

  gtk_drop_down_set_selected (years, 0);
  settle ();
  g_clear_pointer (&titles, g_strfreev);
  titles = fita_budget_page_dup_titles (f->page);
  g_assert_cmpstr (titles[1], !=, "Planned 2024");

  /* the chapter and level filters are chosen the same way */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->page), is_dropdown_named,
                                                              g_dgettext (GETTEXT_PACKAGE, "Show one budget chapter"))), 1);
  settle ();
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->page), is_dropdown_named,
                                                              g_dgettext (GETTEXT_PACKAGE, "Show the items of one level"))), 1);
  settle ();
}

/* What a key does on widget: its class's shortcut for keyval, run as the
 * key would (GTK 4.8 cannot synthesise key events). */
static gboolean
press_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The whole tree unfolds and folds at once, by button or key. */
static void
test_expand_all (Fixture *f, gconstpointer data)
{
  Gone gone = { f, item_id (f, "11.1") };
  GtkWidget *expand = find_descendant (GTK_WIDGET (f->page), has_action, "budget.expand-all");
  GtkWidget *collapse = find_descendant (GTK_WIDGET (f->page), has_action, "budget.collapse-all");
  g_autofree char *shot = NULL;

  g_assert_nonnull (expand);
  g_assert_nonnull (collapse);
  g_assert_true (gtk_widget_is_sensitive (expand));

  g_signal_emit_by_name (collapse, "clicked");
  g_assert_true (wait_until (row_gone, &gone));
  g_assert_nonnull (fita_budget_page_find_cell (f->page, item_id (f, "O3"), FITA_BUDGET_PLANNED, 2025, FITA_NONE));
  g_assert_null (fita_budget_page_find_cell (f->page, item_id (f, "11"), FITA_BUDGET_PLANNED, 2025, FITA_NONE));

  g_signal_emit_by_name (expand, "clicked");
  cell (f, "11.1", FITA_BUDGET_PLANNED, 2025);
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "budget-expanded");
  assert_png (shot, 1200, 700);

  /* "/" folds everything, "*" unfolds it */
  g_assert_true (press_key (GTK_WIDGET (f->page), GDK_KEY_slash, 0));
  g_assert_true (wait_until (row_gone, &gone));
  g_assert_true (press_key (GTK_WIDGET (f->page), GDK_KEY_KP_Multiply, 0));
  cell (f, "11.1", FITA_BUDGET_PLANNED, 2025);
}

static gboolean
is_toggle_labelled (GtkWidget *widget, gconstpointer label)
{
  GtkWidget *child;

  if (!GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;
  /* the label beside the check mark */
  child = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (widget)));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), label) == 0;
}

static gboolean
is_widget_named (GtkWidget *widget, gconstpointer name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* Typed into a FitaMoneyEntry, then Enter. */
static void
enter_amount (GtkWidget *entry, const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  settle ();
}

/* The item's budget grid opens on planned amounts, says so above the
 * cells, and a screen reader gets which of Planned and Executed is on. */
static void
test_item_grid_mode (Fixture *f, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scroller = gtk_scrolled_window_new ();
  FitaItemEditorBudget *budget = g_object_new (FITA_TYPE_ITEM_EDITOR_BUDGET, NULL);
  gint64 staff = chapter_id (f->plan, STAFF);
  GtkWidget *planned, *executed, *mode, *c;
  g_autofree char *shot = NULL;

  gtk_window_set_default_size (window, 900, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (budget));
  gtk_window_set_child (window, scroller);
  fita_item_editor_budget_load (budget, f->plan, item_id (f, "11.3"));
  /* as the item editor passes the plan's changes on */
  g_signal_connect_swapped (f->plan, "changed", G_CALLBACK (fita_item_editor_budget_refresh), budget);
  gtk_window_present (window);
  settle ();

  planned = find_descendant (GTK_WIDGET (budget), is_toggle_labelled, g_dgettext (GETTEXT_PACKAGE, "Planned"));
  executed = find_descendant (GTK_WIDGET (budget), is_toggle_labelled, g_dgettext (GETTEXT_PACKAGE, "Executed"));
  mode = find_descendant (GTK_WIDGET (budget), is_widget_named, "budget-mode");
  g_assert_nonnull (planned);
  g_assert_nonnull (executed);
  g_assert_nonnull (mode);
  /* Planned comes first, and is on */
  g_assert_true (gtk_widget_get_prev_sibling (executed) == planned);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (planned)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (planned), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (planned), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       g_dgettext (GETTEXT_PACKAGE, "Planned"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (planned), GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (executed), GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (mode)), ==, g_dgettext (GETTEXT_PACKAGE, "Planned amounts"));
  shot = save_screenshot (GTK_WIDGET (window), "item-budget-planned");
  assert_png (shot, 800, 600);

  /* what is typed is planned */
  c = fita_item_editor_budget_get_cell (budget, 2025, staff);
  enter_amount (c, "2.500");
  g_assert_cmpint (in_file (f, "11.3", 2025, STAFF, FITA_BUDGET_PLANNED), ==, 250000);
  g_assert_cmpint (in_file (f, "11.3", 2025, STAFF, FITA_BUDGET_EXECUTED), ==, FITA_NONE);

  /* Executed, as the person clicks it */
  g_signal_emit_by_name (executed, "clicked");
  settle ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (executed)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (executed), GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (planned), GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (mode)), ==, g_dgettext (GETTEXT_PACKAGE, "Executed amounts"));
  c = fita_item_editor_budget_get_cell (budget, 2025, staff);
  enter_amount (c, "1.000");
  g_assert_cmpint (in_file (f, "11.3", 2025, STAFF, FITA_BUDGET_EXECUTED), ==, 100000);
  g_assert_cmpint (in_file (f, "11.3", 2025, STAFF, FITA_BUDGET_PLANNED), ==, 250000);
  g_clear_pointer (&shot, g_free);
  shot = save_screenshot (GTK_WIDGET (window), "item-budget-executed");
  assert_png (shot, 800, 600);
  g_signal_handlers_disconnect_by_data (f->plan, budget);
  gtk_window_destroy (window);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The page follows whatever plan its "plan" property holds, as a window
 * binds it: notified once per change, and let go of entirely. */
static void
test_plan_property (Fixture *f, gconstpointer data)
{
  g_autoptr(GObject) holder = g_object_new (FITA_TYPE_BUDGET_PAGE, NULL);
  g_autoptr(FitaPlan) plan = NULL;
  GBinding *binding;
  guint notified = 0;
  FitaBudgetCell *c;

  g_object_ref_sink (holder);
  g_signal_connect (f->page, "notify::plan", G_CALLBACK (count_notify), &notified);
  /* bound, as the window's template will do */
  fita_budget_page_set_plan (f->page, NULL);
  g_assert_cmpuint (notified, ==, 1);
  binding = g_object_bind_property (holder, "plan", f->page, "plan", G_BINDING_SYNC_CREATE);
  g_object_set (holder, "plan", f->plan, NULL);
  g_assert_true (fita_budget_page_get_plan (f->page) == f->plan);
  g_assert_cmpuint (notified, ==, 2);
  g_object_set (holder, "plan", f->plan, NULL);
  g_assert_cmpuint (notified, ==, 2);
  settle ();

  /* the plan's changes reach it */
  fita_budget_page_reveal_item (f->page, item_id (f, "11.1"));
  settle ();
  g_assert_true (fita_plan_set_budget (f->plan, item_id (f, "11.1"), 2025, 0, 300000, FITA_NONE, NULL));
  c = cell (f, "11.1", FITA_BUDGET_PLANNED, 2025);
  assert_text (c, 300000);

  /* and once it lets go, nothing of it is connected to the plan */
  plan = g_object_ref (f->plan);
  g_object_set (holder, "plan", NULL, NULL);
  g_assert_null (fita_budget_page_get_plan (f->page));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_false (g_signal_has_handler_pending (plan, g_signal_lookup ("changed", FITA_TYPE_PLAN), 0, FALSE));
  g_binding_unbind (binding);
}

static gboolean
first_frame (gpointer data)
{
  return fita_budget_page_get_open_ms (data) >= 0;
}

/* A plan of 20 000 items: the page's first frame, a chart's drawing, an
 * edit. Generous bounds: the machines that run the tests are shared. */
static void
test_speed (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(FitaPlan) synthetic = fita_synthetic_plan (20000);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 300);
  FitaBudgetCell *c;
  double ms;
  gint64 start;
  GPtrArray *roots;
  g_autofree char *shot = NULL;

  open_plan (f, synthetic, "synthetic-20000");
  make_window (f);
  settle ();

  fita_budget_page_set_plan (f->page, f->plan);
  g_assert_true (wait_until (first_frame, f->page));
  ms = fita_budget_page_get_open_ms (f->page);
  g_test_message ("Budget page, 20 000 items: first frame %.1f ms after set_plan", ms);
  g_assert_cmpfloat (ms, <, 5000);

  for (guint k = 0; k < FITA_N_CHARTS; k++)
    {
      g_autoptr(FitaChart) chart = NULL;
      cairo_t *cr = cairo_create (surface);
      double made, drawn;

      start = g_get_monotonic_time ();
      chart = fita_chart_new (f->plan, k, NULL, FITA_NONE, NULL);
      made = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      fita_chart_draw (chart, cr, 1200, 300);
      drawn = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
      g_test_message ("Chart %s, 20 000 items: made in %.1f ms, drawn in %.1f ms",
                      fita_chart_kind_keywords[k], made, drawn);
      g_assert_cmpfloat (drawn, <, 1000);
    }
  settle ();
  g_test_message ("Chart view, 20 000 items: drawn in %.1f ms", fita_chart_view_get_draw_ms (fita_budget_page_get_chart_view (f->page)));

  /* an edit deep in the tree, and the refresh of what is on screen */
  roots = fita_plan_list (f->plan, FITA_TABLE_ITEM, 0);
  {
    FitaItem *leaf = g_ptr_array_index (roots, 0);

    while (fita_plan_list (f->plan, FITA_TABLE_ITEM, leaf->rec.id)->len > 0)
      leaf = g_ptr_array_index (fita_plan_list (f->plan, FITA_TABLE_ITEM, leaf->rec.id), 0);
    fita_budget_page_reveal_item (f->page, leaf->rec.id);
    settle ();
    c = cell (f, leaf->code, FITA_BUDGET_PLANNED, leaf->start_year);
  }
  start = g_get_monotonic_time ();
  type_into (c, "1.234,56");
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("Budget page, 20 000 items: an edit saved and shown in %.1f ms", ms);
  g_assert_cmpfloat (ms, <, 5000);
  assert_text (c, 123456);
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "budget-synthetic-20000");
  assert_png (shot, 1200, 700);

  cairo_surface_destroy (surface);
  teardown (f, NULL);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) second = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (second));
  fita_budget_page_set_plan (f->page, second);
  settle ();
  fita_budget_page_reveal_item (f->page, item_id (f, "11"));
  g_assert_false (fita_budget_cell_get_editable (cell (f, "11", FITA_BUDGET_PLANNED, 2024)));
  fita_budget_page_set_plan (f->page, NULL);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  /* figures in Catalan, as the seeds write them */
  g_setenv ("LANGUAGE", "ca", TRUE);
  /* the accessible states as GTK hands them to a screen reader, readable
   * by the test */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* FITA_TEST_TRANSLATED=1 LC_ALL=ca_ES.UTF-8: the page in Catalan, for
   * a look at its screenshots (tests that read words expect English) */
  if (g_getenv ("FITA_TEST_TRANSLATED") != NULL)
    fita_application_init_i18n ();
  adw_init ();
  g_test_add ("/ui/budget/seed-figures", Fixture, "terrassa-ess-2019-2026", setup, test_seed_figures, teardown);
  g_test_add ("/ui/budget/edit-and-undo", Fixture, "terrassa-ess-2019-2026", setup, test_edit_and_undo, teardown);
  g_test_add ("/ui/budget/chapters", Fixture, "terrassa-ess-2019-2026", setup, test_chapters, teardown);
  g_test_add ("/ui/budget/copy-tsv", Fixture, "terrassa-ess-2019-2026", setup, test_copy_tsv, teardown);
  g_test_add ("/ui/budget/level-filter", Fixture, "terrassa-ess-2019-2026", setup, test_level_filter, teardown);
  g_test_add ("/ui/budget/follows-plan", Fixture, "terrassa-ess-2019-2026", setup, test_follows_plan, teardown);
  g_test_add ("/ui/budget/keyboard", Fixture, "terrassa-ess-2019-2026", setup, test_keyboard, teardown);
  g_test_add ("/ui/budget/year-dropdown", Fixture, "terrassa-ess-2019-2026", setup, test_year_dropdown, teardown);
  g_test_add ("/ui/budget/expand-all", Fixture, "terrassa-ess-2019-2026", setup, test_expand_all, teardown);
  g_test_add ("/ui/budget/item-grid-mode", Fixture, "terrassa-ess-2019-2026", setup, test_item_grid_mode, teardown);
  g_test_add ("/ui/budget/plan-property", Fixture, "terrassa-ess-2019-2026", setup, test_plan_property, teardown);
  g_test_add ("/ui/budget/charts", Fixture, "terrassa-ess-2019-2026", setup, test_charts, teardown);
  g_test_add ("/ui/budget/chart-data", Fixture, "terrassa-ess-2019-2026", setup, test_chart_data, teardown);
  g_test_add ("/ui/budget/read-only", Fixture, "terrassa-ess-2019-2026", setup, test_read_only, teardown);
  g_test_add ("/ui/budget/envelope", Fixture, NULL, setup_figures, test_envelope, teardown);
  g_test_add ("/ui/budget/unknown-rate", Fixture, NULL, setup_figures, test_unknown_rate, teardown);
  g_test_add ("/ui/budget/negative-amount", Fixture, NULL, setup_figures, test_negative_amount, teardown);
  g_test_add_func ("/ui/budget/speed", test_speed);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
