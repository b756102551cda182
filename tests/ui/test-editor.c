/* test-editor: the item editor against a real (virtual) X server, used as a
 * person would: typing in fields and pressing Enter, clicking, toggling.
 * After every edit the file itself is read back; then the edit is undone
 * and the editor must show the old values again. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-examples.h"
#include "fita-item-editor.h"
#include "fita-item-editor-budget.h"
#include "fita-item-editor-followup.h"
#include "fita-item-editor-indicators.h"
#include "fita-item-editor-number.h"
#include "fita-json.h"
#include "fita-money-entry.h"
#include "fita-money.h"
#include "fita-outline.h"
#include "fita-rollup.h"
#include "fita-semester-grid.h"
#include "fita-status-table.h"
#include "fita-application.h"
#include "fita-ui-test.h"
#include "editor-fixture.h"

static void
test_empty (void)
{
  Fixture f = { 0 };
  GtkWidget *status;

  fixture_set_up (&f, TERRASSA, NULL, 900, 700);
  status = find_descendant (f.window, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Item Selected");

  fixture_show (&f, "11");
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_true (gtk_widget_get_mapped (find_named (&f, "title")));
  fixture_tear_down (&f);
}

static void
test_title (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(FitaPlan) restored = NULL;
  GtkWidget *title;

  fixture_set_up (&f, TERRASSA, "11", 900, 700);
  title = find_named (&f, "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "ESS als barris");

  type_and_enter (title, "ESS als barris de Terrassa");
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11")->title, ==, "ESS als barris de Terrassa");

  undo (&f, "Edit Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "ESS als barris");
  restored = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (restored, "11")->title, ==, "ESS als barris");

  /* Redo from elsewhere (the header bar) shows the new title again, even
   * with the focus still in the field. */
  g_assert_true (fita_plan_redo (f.plan, NULL));
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "ESS als barris de Terrassa");

  /* An undo while the person is typing in the field leaves their typing
   * alone; Enter then saves it. */
  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "ESS als barris i a tot arreu");
  undo (&f, "Edit Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "ESS als barris i a tot arreu");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (title)), "activate");
  settle ();
  g_assert_cmpstr (fita_plan_find_item (f.plan, "11")->title, ==, "ESS als barris i a tot arreu");

  /* Typing, then choosing another item: what was typed is kept. */
  gtk_editable_set_text (GTK_EDITABLE (title), "ESS als barris (pilot)");
  fixture_show (&f, "11.1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Radiografia d'agents i antenes dels barris");
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11")->title, ==, "ESS als barris (pilot)");
  fixture_tear_down (&f);
}

static void
test_code_taken (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  GtkWidget *code;

  fixture_set_up (&f, TERRASSA, "11.1", 900, 700);
  code = find_named (&f, "code");

  type_and_enter (code, "11.2");
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  g_assert_true (gtk_widget_get_visible (find_named (&f, "code-error")));
  g_assert_false (fita_plan_can_undo (f.plan));
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11.2")->title, ==, "Disseny acció amb agents del territori");
  g_assert_nonnull (fita_plan_find_item (saved, "11.1"));

  type_and_enter (code, "11.1b");
  g_assert_false (gtk_widget_has_css_class (code, "error"));
  g_assert_false (gtk_widget_get_visible (find_named (&f, "code-error")));
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_nonnull (fita_plan_find_item (saved, "11.1b"));
  undo (&f, "Edit Code");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "11.1");
  fixture_tear_down (&f);
}

static void
test_progress (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(FitaPlan) cleared = NULL;
  GtkWidget *number;
  GtkSpinButton *spin;
  g_autofree char *fifteen = fita_percent_format (15, fita_lang_from_locale ());

  fixture_set_up (&f, TERRASSA, "11.1", 900, 700);
  number = find_named (&f, "progress");
  spin = fita_item_editor_number_get_spin (FITA_ITEM_EDITOR_NUMBER (number));
  g_assert_cmpint ((int) gtk_spin_button_get_value (spin), ==, 30);

  /* Up to 45, and Enter. */
  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_spin_button_set_value (spin, 45);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
  settle ();
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_item (saved, "11.1")->progress_bp, ==, 4500);
  g_assert_cmpstr (fita_plan_get_undo_label (f.plan), ==, "Edit Progress");

  /* The programme above now derives (45 + 10 + 0 + 0 + 20) / 5 = 15 %. */
  fixture_show (&f, "11");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "derived-progress"))), ==, fifteen);
  g_assert_false (gtk_widget_get_mapped (find_named (&f, "progress")));

  fixture_show (&f, "11.1");
  undo (&f, "Edit Progress");
  g_assert_cmpint ((int) gtk_spin_button_get_value (spin), ==, 30);

  /* "No percent yet" is a value of its own. */
  click (&f, fita_item_editor_number_get_clear_button (FITA_ITEM_EDITOR_NUMBER (number)));
  cleared = reopen (&f);
  g_assert_cmpint (fita_plan_find_item (cleared, "11.1")->progress_bp, ==, FITA_NONE);
  undo (&f, "Edit Progress");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "30");
  fixture_tear_down (&f);
}

/* Progress is kept in hundredths: "88,3" or "95.83" typed, stored exactly,
 * shown back as the person writes it, and derived with the plan's
 * decimals. */
static void
test_progress_decimals (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *derived = NULL;
  GtkWidget *number;
  GtkSpinButton *spin;

  fixture_set_up (&f, FIGURES, "1.1", 900, 700);
  number = find_named (&f, "progress");
  spin = fita_item_editor_number_get_spin (FITA_ITEM_EDITOR_NUMBER (number));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "88,3");

  type_and_enter (GTK_WIDGET (spin), "91,25");
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_item (saved, "1.1")->progress_bp, ==, 9125);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "91,25");

  /* A point is a decimal point too, whatever the language. */
  type_and_enter (GTK_WIDGET (spin), "95.8");
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_item (saved, "1.1")->progress_bp, ==, 9580);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "95,8");

  /* More than two decimals is not a percent the plan keeps: nothing saved. */
  type_and_enter (GTK_WIDGET (spin), "12,345");
  g_assert_cmpint (fita_plan_find_item (f.plan, "1.1")->progress_bp, ==, 9580);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "95,8");
  undo (&f, "Edit Progress");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "91,25");

  /* The parent derives its progress with the plan's decimals (one). */
  fixture_show (&f, "1.2");
  derived = fita_plan_format_progress (f.plan, fita_plan_find_item (f.plan, "1.2"), fita_lang_from_locale ());
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "derived-progress"))), ==, derived);
  g_assert_cmpstr (derived, ==, "47,9" PC);

  /* Two decimals: the same item, shown more exactly, at once. */
  fita_plan_begin (f.plan, "Decimals");
  g_assert_true (fita_plan_set_int (f.plan, fita_plan_get_info (f.plan), "progress_decimals", 2, NULL));
  g_assert_true (fita_plan_end (f.plan, &error));
  settle ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "derived-progress"))), ==, "47,92" PC);
  fixture_tear_down (&f);
}

/* Beside the planned total, what the years hold and what no year has; a
 * warning when the parts are more than the total set on the item. */
static void
test_budget_envelope (void)
{
  Fixture f = { 0 };
  g_autofree char *in_years = money (7200000);
  g_autofree char *not_in_years = money (12800000);
  g_autofree char *none = money (0);
  g_autofree char *seventy = money (7000000);
  g_autofree char *fifty = money (5000000);
  g_autofree char *twenty = money (2000000);
  GtkWidget *over;

  /* 1: 200.000 € planned; 30.000 € in 2024 and 2025 on 1.1, 12.000 € in
   * 2024 on 1.2.1: 72.000 € in the years, 128.000 € in none. */
  fixture_set_up (&f, FIGURES, "1", 900, 700);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "budget-in-years"))), ==, in_years);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "budget-not-in-years"))), ==, not_in_years);
  over = find_named (&f, "budget-over");
  g_assert_false (gtk_widget_get_visible (over));

  /* 2: 50.000 € planned, but 2.1 and 2.2 plan 40.000 € and 30.000 €. */
  fixture_show (&f, "2");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "budget-not-in-years"))), ==, none);
  g_assert_true (gtk_widget_get_visible (over));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (over)), seventy));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (over)), fifty));

  /* Raised to 70.000 €: no warning, and 20.000 € in no year. */
  type_and_enter (find_named (&f, "planned-total"), "70.000");
  g_assert_cmpint (fita_plan_find_item (f.plan, "2")->planned_total_cents, ==, 7000000);
  g_assert_false (gtk_widget_get_visible (over));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "budget-not-in-years"))), ==, twenty);
  fixture_tear_down (&f);
}

/* A negative amount is refused with the plan's reason: the cell is marked
 * with it, the file keeps what it had. */
static void
test_negative_amount (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaItemEditorBudget *budget;
  GtkWidget *cell, *planned;
  gint64 chapter_1;
  guint lines;

  fixture_set_up (&f, TERRASSA, "11", 900, 700);
  budget = FITA_ITEM_EDITOR_BUDGET (find_section (&f, FITA_TYPE_ITEM_EDITOR_BUDGET));
  chapter_1 = chapter_id (f.plan, "Capítol 1");
  lines = fita_plan_count (f.plan, FITA_TABLE_BUDGET_LINE);

  cell = fita_item_editor_budget_get_cell (budget, 2025, chapter_1);
  type_and_enter (cell, "-4.702,33");
  saved = reopen (&f);
  g_assert_null (fita_plan_find_budget_line (saved, item_id (saved, "11"), 2025, chapter_1));
  g_assert_cmpuint (fita_plan_count (saved, FITA_TABLE_BUDGET_LINE), ==, lines);
  g_assert_false (fita_plan_can_undo (f.plan));
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_true (fita_money_entry_is_invalid (FITA_MONEY_ENTRY (cell)));
  /* the plan's own words, naming the item and the year */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "11, 2025"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell), "negative"));

  /* Corrected, it is saved and the mark goes. */
  type_and_enter (cell, "4.702,33");
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  /* (the grid opens on planned amounts) */
  g_assert_cmpint (fita_plan_find_budget_line (f.plan, item_id (f.plan, "11"), 2025, chapter_1)->planned_cents, ==, 470233);

  /* The planned total too. */
  planned = find_named (&f, "planned-total");
  type_and_enter (planned, "-120.000");
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_item (saved, "11")->planned_total_cents, ==, 12000000);
  g_assert_true (gtk_widget_has_css_class (planned, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (planned), "negative"));
  fixture_tear_down (&f);
}

/* A parent shows how many of the items below it have each status. */
static void
test_status_table (void)
{
  Fixture f = { 0 };
  g_auto(GStrv) rows = NULL;
  GtkWidget *table;

  fixture_set_up (&f, FIGURES, "1", 900, 700);
  table = find_section (&f, FITA_TYPE_STATUS_TABLE);
  g_assert_true (gtk_widget_get_visible (table));
  rows = fita_status_table_dup_rows (FITA_STATUS_TABLE (table));
  /* 1.1 En curs, 1.2.1 Acabat, 1.2.2 No iniciat; shares with one decimal */
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  g_assert_cmpstr (rows[0], ==, "No iniciat: 1 of 3 (33,3" PC ")");
  g_assert_cmpstr (rows[1], ==, "En curs: 1 of 3 (33,3" PC ")");
  g_assert_cmpstr (rows[2], ==, "Acabat: 1 of 3 (33,3" PC ")");

  /* A leaf has no items below to count. */
  fixture_show (&f, "1.1");
  g_assert_false (gtk_widget_get_visible (table));
  fixture_tear_down (&f);
}

static void
test_budget (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(FitaPlan) none = NULL;
  g_autoptr(FitaPlan) garbage = NULL;
  g_autofree char *typed = money (470233);
  g_autofree char *executed = money (1222369);
  g_autofree char *more = money (1692602);
  g_autofree char *planned = money (12000000);
  g_autofree char *below = money (100000);
  g_autofree char *year_total = money (852136);
  g_autofree char *all_total = money (1322369);
  g_autofree char *rate = fita_percent_format_bp (1019, fita_lang_from_locale ());
  FitaItemEditorBudget *budget;
  GtkWidget *cell, *total, *planned_entry;
  gint64 chapter_1;
  guint lines;

  fixture_set_up (&f, TERRASSA, "11", 900, 700);
  budget = FITA_ITEM_EDITOR_BUDGET (find_section (&f, FITA_TYPE_ITEM_EDITOR_BUDGET));
  chapter_1 = chapter_id (f.plan, "Capítol 1");
  total = find_named (&f, "total-executed");
  planned_entry = find_named (&f, "planned-total");
  lines = fita_plan_count (f.plan, FITA_TABLE_BUDGET_LINE);
  /* the grid opens on planned amounts; these are executed ones */
  fita_item_editor_budget_set_show_planned (budget, FALSE);

  /* Seed 000: 4.702,33 € + 7.521,36 € executed of 120.000,00 €: 10,19 %. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, executed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (planned_entry)), ==, planned);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "execution-rate"))), ==, rate);

  /* Typed as an officer writes it. */
  cell = fita_item_editor_budget_get_cell (budget, 2025, chapter_1);
  g_assert_true (FITA_IS_MONEY_ENTRY (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "");
  type_and_enter (cell, "4.702,33");
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_budget_line (saved, item_id (saved, "11"), 2025, chapter_1)->executed_cents, ==, 470233);
  g_assert_cmpint (fita_plan_find_budget_line (saved, item_id (saved, "11"), 2025, chapter_1)->planned_cents, ==, FITA_NONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, typed);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, more);

  /* "- €" is no amount: the line goes away, it does not become 0 €. */
  type_and_enter (cell, "- €");
  none = reopen (&f);
  g_assert_null (fita_plan_find_budget_line (none, item_id (none, "11"), 2025, chapter_1));
  g_assert_cmpuint (fita_plan_count (none, FITA_TABLE_BUDGET_LINE), ==, lines);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "");

  /* Not an amount: marked, explained, never saved. */
  type_and_enter (cell, "abc");
  garbage = reopen (&f);
  g_assert_null (fita_plan_find_budget_line (garbage, item_id (garbage, "11"), 2025, chapter_1));
  g_assert_cmpuint (fita_plan_count (garbage, FITA_TABLE_BUDGET_LINE), ==, lines);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_true (fita_money_entry_is_invalid (FITA_MONEY_ENTRY (cell)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "abc");
  g_assert_cmpstr (fita_plan_get_undo_label (f.plan), ==, "Edit Budget");

  /* Undoing brings the 4.702,33 € back under the person's text, which
   * stays until they correct it; the same amount again saves nothing. */
  undo (&f, "Edit Budget");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "abc");
  type_and_enter (cell, "4702.33 €");
  g_assert_false (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, typed);
  g_assert_true (fita_plan_can_redo (f.plan));
  undo (&f, "Edit Budget");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, executed);

  /* Planned amounts are the other half of each line. */
  fita_item_editor_budget_set_show_planned (budget, TRUE);
  cell = fita_item_editor_budget_get_cell (budget, 2024, chapter_id (f.plan, "Capítol 2. Altres conceptes"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "");
  type_and_enter (cell, "15000");
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_budget_line (saved, item_id (saved, "11"), 2024, chapter_id (saved, "Capítol 2. Altres conceptes"))->planned_cents, ==, 1500000);
  g_assert_cmpint (fita_plan_find_budget_line (saved, item_id (saved, "11"), 2024, chapter_id (saved, "Capítol 2. Altres conceptes"))->executed_cents, ==, 752136);

  /* What the items below spend shows on the parent, read-only. */
  fita_item_editor_budget_set_show_planned (budget, FALSE);
  g_assert_null (find_descendant (f.window, is_named, "budget-below-2024"));
  g_assert_true (fita_plan_set_budget (f.plan, item_id (f.plan, "11.2"), 2024, chapter_1, FITA_NONE, 100000, NULL));
  settle ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "budget-below-2024"))), ==, below);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "budget-year-2024"))), ==, year_total);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (total)), ==, all_total);
  fixture_tear_down (&f);
}

static void
test_schedule (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(GDateTime) april = g_date_time_new_local (2024, 4, 1, 0, 0, 0);
  GtkWidget *start_date, *calendar, *clear;
  GtkSpinButton *start_year;

  fixture_set_up (&f, TERRASSA, "11.3", 1000, 800);

  /* A year, with Enter; then none again. */
  start_year = fita_item_editor_number_get_spin (FITA_ITEM_EDITOR_NUMBER (find_named (&f, "start-year")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_year)), ==, "—");
  type_and_enter (GTK_WIDGET (start_year), "2023");
  saved = reopen (&f);
  g_assert_cmpint (fita_plan_find_item (saved, "11.3")->start_year, ==, 2023);
  click (&f, fita_item_editor_number_get_clear_button (FITA_ITEM_EDITOR_NUMBER (find_named (&f, "start-year"))));
  g_assert_cmpint (fita_plan_find_item (f.plan, "11.3")->start_year, ==, FITA_NONE);
  undo (&f, "Edit Start Year");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_year)), ==, "2023");

  /* Dates are written YYYY-MM-DD… */
  start_date = find_named (&f, "start-date");
  type_and_enter (start_date, "2024-03-15");
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11.3")->start_date, ==, "2024-03-15");
  type_and_enter (start_date, "15/03/2024");
  g_assert_true (gtk_widget_has_css_class (start_date, "error"));
  g_assert_cmpstr (fita_plan_find_item (f.plan, "11.3")->start_date, ==, "2024-03-15");

  /* … or picked from a calendar, and cleared. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_descendant (start_date, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON))));
  settle ();
  calendar = find_descendant (start_date, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), april);
  settle ();
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11.3")->start_date, ==, "2024-04-01");
  g_assert_false (gtk_widget_has_css_class (start_date, "error"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_descendant (start_date, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON))));
  settle ();
  clear = find_descendant (start_date, is_button_labelled, "Clear Date");
  g_assert_true (gtk_widget_get_mapped (clear));
  click (&f, clear);
  g_assert_null (fita_plan_find_item (f.plan, "11.3")->start_date);
  undo (&f, "Edit Start Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_date)), ==, "2024-04-01");
  fixture_tear_down (&f);
}

static void
test_semesters (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  GtkWidget *grid, *toggle;

  fixture_set_up (&f, TERRASSA, "11.1", 900, 700);
  grid = find_section (&f, FITA_TYPE_SEMESTER_GRID);
  /* The plan's period, 2019–2026, two halves each. */
  g_assert_null (fita_semester_grid_get_toggle (FITA_SEMESTER_GRID (grid), 2018, 2));
  g_assert_nonnull (fita_semester_grid_get_toggle (FITA_SEMESTER_GRID (grid), 2019, 1));
  g_assert_nonnull (fita_semester_grid_get_toggle (FITA_SEMESTER_GRID (grid), 2026, 2));
  g_assert_null (fita_semester_grid_get_toggle (FITA_SEMESTER_GRID (grid), 2027, 1));

  toggle = find_named (&f, "semester-2024-2");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (toggle)), ==, "2nd semester");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  click (&f, toggle);
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11.1")->semesters, ==, "2024-2");

  click (&f, find_named (&f, "semester-2024-1"));
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_item (saved, "11.1")->semesters, ==, "2024-1 2024-2");

  undo (&f, "Edit Semesters");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (&f, "semester-2024-1"))));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  undo (&f, "Edit Semesters");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_null (fita_plan_find_item (saved, "11.1")->semesters);
  fixture_tear_down (&f);
}

static void
test_responsibility (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(FitaPlan) restored = NULL;
  FitaResponsibility *responsibility;
  FitaAgent *agent;
  GtkWidget *button;
  GPtrArray *list;

  fixture_set_up (&f, TERRASSA, "11.1", 900, 700);
  button = find_descendant (f.window, is_button_labelled, "Add Responsible");
  g_assert_nonnull (button);
  click (&f, button);

  saved = reopen (&f);
  list = fita_plan_list (saved, FITA_TABLE_RESPONSIBILITY, item_id (saved, "11.1"));
  g_assert_cmpuint (list->len, ==, 1);
  responsibility = g_ptr_array_index (list, 0);
  agent = fita_plan_lookup (saved, FITA_TABLE_AGENT, responsibility->agent_id);
  g_assert_cmpstr (agent->name, ==, "Servei d'Emprenedoria i Economia Social");
  g_assert_cmpint (responsibility->role, ==, FITA_ROLE_EXECUTES);
  g_assert_nonnull (find_descendant (f.window, is_button_labelled, "Add Responsible"));
  g_assert_nonnull (find_descendant (f.window, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));

  undo (&f, "Add Responsible");
  restored = reopen (&f);
  g_assert_cmpuint (fita_plan_list (restored, FITA_TABLE_RESPONSIBILITY, item_id (restored, "11.1"))->len, ==, 0);
  g_assert_cmpuint (fita_plan_list (f.plan, FITA_TABLE_RESPONSIBILITY, item_id (f.plan, "11.1"))->len, ==, 0);
  fixture_tear_down (&f);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_followup (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(FitaPlan) restored = NULL;
  FitaItemEditorFollowup *followup;
  GtkTextBuffer *buffer;
  GtkWidget *view;
  g_autofree char *old = NULL;
  g_autofree char *restored_text = NULL;
  g_autofree char *empty_text = NULL;

  fixture_set_up (&f, TERRASSA, "11", 900, 700);
  followup = FITA_ITEM_EDITOR_FOLLOWUP (find_section (&f, FITA_TYPE_ITEM_EDITOR_FOLLOWUP));
  view = fita_item_editor_followup_get_view (followup, "strengths");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  old = buffer_text (buffer);
  g_assert_true (g_str_has_prefix (old, "Es decidí iniciar un projecte pilot"));

  /* Typing, then going to the next field: saved for 2024. */
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (buffer, "Coordinació amb estratègia territorial.", -1);
  gtk_widget_grab_focus (fita_item_editor_followup_get_view (followup, "weaknesses"));
  settle ();
  saved = reopen (&f);
  g_assert_cmpstr (fita_plan_find_followup (saved, item_id (saved, "11"), 2024)->strengths, ==,
                   "Coordinació amb estratègia territorial.");
  g_assert_cmpstr (fita_plan_find_followup (saved, item_id (saved, "11"), 2024)->weaknesses, ==,
                   "El programa pateix endarreriment perquè estava associat al programa de l'Equipament.");

  fixture_show (&f, "11");
  undo (&f, "Edit Follow-up");
  restored_text = buffer_text (buffer);
  g_assert_cmpstr (restored_text, ==, old);
  restored = reopen (&f);
  g_assert_cmpstr (fita_plan_find_followup (restored, item_id (restored, "11"), 2024)->strengths, ==, old);

  /* 2023 has no follow-up yet. */
  fita_item_editor_set_year (f.editor, 2023);
  settle ();
  empty_text = buffer_text (buffer);
  g_assert_cmpstr (empty_text, ==, "");
  fixture_tear_down (&f);
}

static GtkWidget *
find_in (GtkWidget  *widget,
         const char *name)
{
  GtkWidget *found = find_descendant (widget, is_named, name);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_expander_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_EXPANDER_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
expand (Fixture    *f,
        const char *title)
{
  GtkWidget *row = find_descendant (f->window, is_expander_titled, title);

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  settle ();
  return row;
}

static FitaIndicator *
find_indicator (FitaPlan   *plan,
                const char *code,
                const char *name)
{
  GPtrArray *indicators = fita_plan_list (plan, FITA_TABLE_INDICATOR, item_id (plan, code));

  for (guint i = 0; i < indicators->len; i++)
    if (g_strcmp0 (((FitaIndicator *) g_ptr_array_index (indicators, i))->name, name) == 0)
      return g_ptr_array_index (indicators, i);
  return NULL;
}

static void
test_indicators (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaIndicator *indicator;
  GtkWidget *row, *button;

  fixture_set_up (&f, TERRASSA, "11", 1000, 800);

  /* The 2024 value of an existing indicator, typed with a decimal comma. */
  row = expand (&f, "Nombre de tallers realitzats");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (row, "indicator-value"))), ==, "4");
  type_and_enter (find_in (row, "indicator-value"), "4,5");
  saved = reopen (&f);
  indicator = find_indicator (saved, "11", "Nombre de tallers realitzats");
  g_assert_cmpstr (fita_plan_find_indicator_value (saved, indicator->rec.id, 2024)->value, ==, "4.5");
  g_assert_cmpstr (fita_plan_find_indicator_value (saved, indicator->rec.id, 2024)->observations, ==,
                   "(2 sessions inicials de presentació projecte + 2 tallers al barri)");
  undo (&f, "Edit Indicator");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_in (row, "indicator-value"))), ==, "4");

  /* Not a number: refused, and said so. */
  type_and_enter (find_in (row, "indicator-value"), "quatre");
  g_assert_true (gtk_widget_has_css_class (find_in (row, "indicator-value"), "error"));
  g_clear_object (&saved);
  saved = reopen (&f);
  indicator = find_indicator (saved, "11", "Nombre de tallers realitzats");
  g_assert_cmpstr (fita_plan_find_indicator_value (saved, indicator->rec.id, 2024)->value, ==, "4");

  /* Pending evaluation is a switch. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_in (row, "indicator-pending"))));
  gtk_switch_set_active (GTK_SWITCH (find_in (row, "indicator-pending")), TRUE);
  settle ();
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_true (find_indicator (saved, "11", "Nombre de tallers realitzats")->pending);

  /* A new impact indicator, named at once. */
  button = find_descendant (f.window, is_button_labelled, "Add Indicator");
  g_assert_nonnull (button);
  /* (the second "Add Indicator" button: impact) */
  g_assert_true (gtk_widget_activate_action (find_section (&f, FITA_TYPE_ITEM_EDITOR_INDICATORS),
                                             "indicators.add", "s", "impact"));
  settle ();
  row = find_descendant (f.window, is_expander_titled, "New indicator");
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  type_and_enter (find_in (row, "indicator-name"), "Nombre de projectes nous");
  g_clear_object (&saved);
  saved = reopen (&f);
  indicator = find_indicator (saved, "11", "Nombre de projectes nous");
  g_assert_nonnull (indicator);
  g_assert_cmpint (indicator->kind, ==, FITA_INDICATOR_IMPACT);

  /* And removed again. */
  row = find_descendant (f.window, is_expander_titled, "Nombre de projectes nous");
  click (&f, find_descendant (row, is_button_labelled, "Remove Indicator"));
  g_clear_object (&saved);
  saved = reopen (&f);
  g_assert_null (find_indicator (saved, "11", "Nombre de projectes nous"));
  g_assert_null (find_descendant (f.window, is_expander_titled, "Nombre de projectes nous"));
  fixture_tear_down (&f);
}

static void
test_links (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  GtkWidget *row;
  FitaLink *link;

  fixture_set_up (&f, TERRASSA, "11", 1000, 800);
  click (&f, find_descendant (f.window, is_button_labelled, "Add Link"));
  row = find_descendant (f.window, is_expander_titled, "https://");
  g_assert_nonnull (row);
  type_and_enter (find_in (row, "link-url"), "https://www.terrassa.cat/ess");
  type_and_enter (find_in (row, "link-title"), "Economia social a Terrassa");
  saved = reopen (&f);
  g_assert_cmpuint (fita_plan_list (saved, FITA_TABLE_LINK, item_id (saved, "11"))->len, ==, 1);
  link = g_ptr_array_index (fita_plan_list (saved, FITA_TABLE_LINK, item_id (saved, "11")), 0);
  g_assert_cmpstr (link->url, ==, "https://www.terrassa.cat/ess");
  g_assert_cmpstr (link->title, ==, "Economia social a Terrassa");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Economia social a Terrassa");

  /* An address is required. */
  type_and_enter (find_in (row, "link-url"), "");
  g_assert_true (gtk_widget_has_css_class (find_in (row, "link-url"), "error"));
  g_clear_object (&saved);
  saved = reopen (&f);
  link = g_ptr_array_index (fita_plan_list (saved, FITA_TABLE_LINK, item_id (saved, "11")), 0);
  g_assert_cmpstr (link->url, ==, "https://www.terrassa.cat/ess");

  undo (&f, "Edit Link");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "https://www.terrassa.cat/ess");
  fixture_tear_down (&f);
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_new_agent (void)
{
  Fixture f = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  AdwMessageDialog *dialog;
  FitaResponsibility *responsibility;
  FitaAgent *agent;
  GtkWidget *entry;
  GPtrArray *list;

  fixture_set_up (&f, TERRASSA, "11.2", 1000, 800);
  g_assert_true (gtk_widget_activate (find_descendant (f.window, is_button_labelled, "New Agent…")));
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  entry = find_descendant (GTK_WIDGET (dialog), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Servei de Barris ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  settle ();

  saved = reopen (&f);
  agent = fita_plan_find_by_name (saved, FITA_TABLE_AGENT, "Servei de Barris");
  g_assert_nonnull (agent);
  g_assert_cmpint (agent->kind, ==, FITA_AGENT_BODY);
  list = fita_plan_list (saved, FITA_TABLE_RESPONSIBILITY, item_id (saved, "11.2"));
  g_assert_cmpuint (list->len, ==, 1);
  responsibility = g_ptr_array_index (list, 0);
  g_assert_cmpint (responsibility->agent_id, ==, agent->rec.id);

  /* One change: the agent goes with its responsibility. */
  undo (&f, "Add Responsible");
  g_assert_null (fita_plan_find_by_name (f.plan, FITA_TABLE_AGENT, "Servei de Barris"));
  fixture_tear_down (&f);
}

static void
test_read_only (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) read_only = NULL;
  FitaItemEditorBudget *budget;
  GtkWidget *button;

  fixture_set_up (&f, TERRASSA, NULL, 900, 700);
  read_only = fita_plan_open (f.path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (read_only));
  fita_item_editor_set_plan (f.editor, read_only);
  fixture_show (&f, "11.1");

  /* Readable … */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (&f, "title"))), ==,
                   "Radiografia d'agents i antenes dels barris");
  /* … but nothing can be changed. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_named (&f, "title"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_named (&f, "code"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find_named (&f, "description"))));
  g_assert_false (gtk_widget_is_sensitive (find_named (&f, "status")));
  g_assert_false (gtk_widget_is_sensitive (find_named (&f, "progress")));
  g_assert_false (gtk_widget_is_sensitive (find_named (&f, "semester-2024-1")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (find_named (&f, "strengths"))));
  button = find_descendant (f.window, is_button_labelled, "Add Responsible");
  g_assert_false (gtk_widget_is_sensitive (button));
  budget = FITA_ITEM_EDITOR_BUDGET (find_section (&f, FITA_TYPE_ITEM_EDITOR_BUDGET));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (fita_item_editor_budget_get_cell (budget, 2024, chapter_id (read_only, "Capítol 1")))));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (f.window, is_button_labelled, "Add Link")));

  fita_item_editor_set_plan (f.editor, f.plan);
  settle ();
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (find_named (&f, "title"))));
  g_assert_true (gtk_widget_is_sensitive (find_descendant (f.window, is_button_labelled, "Add Responsible")));
  fixture_tear_down (&f);
}

/* The item deleted (from the outline) and its deletion undone. */
static void
test_deleted (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *status;

  fixture_set_up (&f, TERRASSA, "11.5", 900, 700);
  fita_plan_begin (f.plan, "Delete Item");
  fita_plan_delete (f.plan, fita_plan_find_item (f.plan, "11.5"), NULL);
  g_assert_true (fita_plan_end (f.plan, &error));
  settle ();
  status = find_descendant (f.window, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_true (gtk_widget_get_mapped (status));

  undo (&f, "Delete Item");
  g_assert_false (gtk_widget_get_mapped (status));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (&f, "title"))), ==,
                   "Formació agents específics barris");
  fixture_tear_down (&f);
}

/* The editor fits a narrow pane (a leaflet folded on a small screen). */
static void
test_narrow (void)
{
  const char * const codes[] = { "11", "11.1" };
  Fixture f = { 0 };

  fixture_set_up (&f, TERRASSA, NULL, 900, 700);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      int min_width;

      fixture_show (&f, codes[i]);
      gtk_widget_measure (GTK_WIDGET (f.editor), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_test_message ("%s needs %d px", codes[i], min_width);
      g_assert_cmpint (min_width, <=, 400);
    }
  fixture_tear_down (&f);
}

/* A plan closed by the window is closed: the editor keeps no hold on it. */
static void
test_releases_plan (void)
{
  Fixture f = { 0 };
  FitaPlan *plan;

  fixture_set_up (&f, TERRASSA, "11", 900, 700);
  plan = f.plan;
  g_object_add_weak_pointer (G_OBJECT (plan), (gpointer *) &plan);
  fita_item_editor_set_plan (f.editor, NULL);
  settle ();
  g_clear_object (&f.plan);
  g_assert_null (plan);
  g_assert_true (gtk_widget_get_mapped (find_descendant (f.window, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE))));
  fixture_tear_down (&f);
}

static const char *
named_ancestor (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *name = gtk_widget_get_name (widget);

      /* Unnamed widgets answer with their type's name. */
      if (g_strcmp0 (name, G_OBJECT_TYPE_NAME (widget)) != 0)
        return name;
    }
  return NULL;
}

/* Tab goes through every field, top to bottom, and out at the end. */
static void
test_keyboard (void)
{
  static const char * const expected[] = {
    "code", "title", "level", "status", "description", "weight",
    "start-year", "end-year", "start-date", "end-date",
    "semester-2019-1", "semester-2026-2", "notes", "planned-total",
    "execution", "strengths", "weaknesses", "other", "adjustments", "next_steps",
  };
  Fixture f = { 0 };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *budget_cell = NULL;
  GtkWidget *content;
  GtkWidget *first = NULL;
  double last_y = -1;
  guint steps = 0;

  fixture_set_up (&f, TERRASSA, "11", 1000, 800);
  budget_cell = g_strdup_printf ("budget-2024-%" G_GINT64_FORMAT, chapter_id (f.plan, "Capítol 2. Altres conceptes"));
  content = gtk_widget_get_parent (find_named (&f, "code"));
  while (!GTK_IS_VIEWPORT (gtk_widget_get_parent (content)))
    content = gtk_widget_get_parent (content);

  gtk_window_set_focus (GTK_WINDOW (f.window), NULL);
  while (gtk_widget_child_focus (f.window, GTK_DIR_TAB_FORWARD))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));
      const char *name = named_ancestor (focus);
      graphene_rect_t bounds;

      g_assert_nonnull (focus);
      /* Round again from the top: done. */
      if (focus == first)
        break;
      if (first == NULL)
        first = focus;
      g_assert_true (gtk_widget_compute_bounds (focus, content, &bounds));
      /* Within a row, left to right; rows never go back up (the remove
       * button of a two-line row sits half a line up). */
      g_assert_cmpfloat (bounds.origin.y, >=, last_y - 40);
      last_y = MAX (last_y, bounds.origin.y);
      if (name != NULL)
        g_hash_table_add (seen, (gpointer) name);
      g_assert_cmpuint (++steps, <, 600);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (seen, expected[i]))
      g_error ("Tab never reached %s", expected[i]);
  g_assert_true (g_hash_table_contains (seen, budget_cell));
  g_assert_true (g_hash_table_contains (seen, "progress") == FALSE);
  fixture_tear_down (&f);
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  g_autofree char *path = NULL;

  settle ();
  path = save_screenshot (f->window, name);
  assert_png (path, MIN (gtk_widget_get_width (f->window), 600), 600);
}

static gboolean
is_shown_scroller (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget);
}

/* The whole editor, a window's height at a time: NAME-1, NAME-2… */
static void
screenshot_pages (Fixture    *f,
                  const char *name)
{
  GtkWidget *scroller = find_descendant (f->window, is_shown_scroller, NULL);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double page;
  int n = 1;

  settle ();
  page = gtk_adjustment_get_page_size (adjustment);
  for (double top = 0; n == 1 || top < gtk_adjustment_get_upper (adjustment); top += page * 0.9, n++)
    {
      g_autofree char *page_name = g_strdup_printf ("%s-%d", name, n);

      gtk_adjustment_set_value (adjustment, top);
      screenshot (f, page_name);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

static void
add_link (Fixture    *f,
          const char *code,
          const char *title,
          const char *url)
{
  g_autoptr(GError) error = NULL;
  FitaLink *link = fita_plan_new_record (f->plan, FITA_TABLE_LINK);

  link->title = g_strdup (title);
  link->url = g_strdup (url);
  fita_plan_begin (f->plan, "Add Link");
  fita_plan_insert (f->plan, link, item_id (f->plan, code), -1, NULL);
  g_assert_true (fita_plan_end (f->plan, &error));
  g_assert_no_error (error);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture f = { 0 };
  g_autofree char *executed = money (1222369);
  g_autofree char *rate = fita_percent_format_bp (1019, fita_lang_from_locale ());
  g_autofree char *twelve = fita_percent_format (12, fita_lang_from_locale ());
  int dpi;

  fixture_set_up (&f, TERRASSA, "11", 1000, 800);
  add_link (&f, "11", "Memòria de seguiment 2024", "https://www.terrassa.cat/economia-social");
  gtk_widget_grab_focus (find_named (&f, "title"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "derived-progress"))), ==, twelve);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "total-executed"))), ==, executed);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (&f, "execution-rate"))), ==, rate);
  expand (&f, "Nombre de barris amb antenes");
  expand (&f, "Memòria de seguiment 2024");
  screenshot_pages (&f, "editor-11");
  fixture_show (&f, "11.1");
  screenshot_pages (&f, "editor-11.1");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  fixture_show (&f, "11");
  screenshot_pages (&f, "editor-11-dark");
  fixture_show (&f, "11.1");
  screenshot_pages (&f, "editor-11.1-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  fixture_tear_down (&f);

  /* A narrow pane, as on a small screen. */
  fixture_set_up (&f, XMESS, "I.1.3", 420, 700);
  screenshot_pages (&f, "editor-narrow");
  fixture_tear_down (&f);

  /* Large text (150 %): nothing cut off. */
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  fixture_set_up (&f, XMESS, "I.1.3", 900, 800);
  screenshot_pages (&f, "editor-large-text");
  fixture_tear_down (&f);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);

  /* XMESS: the semester grid and "QUI?". */
  fixture_set_up (&f, XMESS, "I.1.3", 1000, 800);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (&f, "semester-2018-2"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (&f, "semester-2019-2"))));
  screenshot_pages (&f, "editor-xmess-I.1.3");
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  /* Amounts as officers in Catalonia write them ("4.702,33 €"); the
   * messages stay in the C locale's English. */
  g_setenv ("LANGUAGE", "ca", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/editor/empty", test_empty);
  g_test_add_func ("/ui/editor/title", test_title);
  g_test_add_func ("/ui/editor/code-taken", test_code_taken);
  g_test_add_func ("/ui/editor/progress", test_progress);
  g_test_add_func ("/ui/editor/progress-decimals", test_progress_decimals);
  g_test_add_func ("/ui/editor/budget", test_budget);
  g_test_add_func ("/ui/editor/budget-envelope", test_budget_envelope);
  g_test_add_func ("/ui/editor/negative-amount", test_negative_amount);
  g_test_add_func ("/ui/editor/status-table", test_status_table);
  g_test_add_func ("/ui/editor/schedule", test_schedule);
  g_test_add_func ("/ui/editor/semesters", test_semesters);
  g_test_add_func ("/ui/editor/responsibility", test_responsibility);
  g_test_add_func ("/ui/editor/followup", test_followup);
  g_test_add_func ("/ui/editor/indicators", test_indicators);
  g_test_add_func ("/ui/editor/links", test_links);
  g_test_add_func ("/ui/editor/new-agent", test_new_agent);
  g_test_add_func ("/ui/editor/read-only", test_read_only);
  g_test_add_func ("/ui/editor/deleted", test_deleted);
  g_test_add_func ("/ui/editor/releases-plan", test_releases_plan);
  g_test_add_func ("/ui/editor/keyboard", test_keyboard);
  g_test_add_func ("/ui/editor/narrow", test_narrow);
  g_test_add_func ("/ui/editor/screenshots", test_screenshots);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
