/* test-import: the import assistant and File › Export, in-process, against
 * a real (virtual) X server: a table read from a file, from the clipboard
 * and from a file opened as if it were a plan; its columns changed; its
 * problems shown; imported into a new plan and under an item of an open
 * plan as one undoable change; and the plan exported to every format. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-import-dialog.h"
#include "fita-json.h"
#include "fita-rollup.h"
#include "fita-sheet-zip.h"
#include "fita-ui-test.h"
#include "fita-window-test.h"


/* A council's table of actions as officers keep it: Catalan headers,
 * amounts with thousands and €, "- €" for no amount, a percent in the
 * status, a column the import does not know. */
#define ACTIONS_CSV \
  "Codi;Actuació;Estat;Pressupost previst;Executat 2024;Observacions\n" \
  "A1;Diagnosi dels barris;En curs (30 %);4.702,33 €;1.200,00 €;primer any\n" \
  "A2;Tallers d'emprenedoria;No iniciat;12.000,00 €;- €;\n" \
  "A3;Formació d'agents;Acabat;;0,00 €;cap\n" \
  "A4;Mapa d'iniciatives;En curs (50 %);- €;;\n"

static char *
test_file (const char *basename)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_cache_dir (), basename, NULL);
}

static char *
write_test_file (const char *basename,
                 const char *contents)
{
  char *path = test_file (basename);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static FitaWindow *
empty_window (void)
{
  FitaWindow *window = fita_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
has_read (gpointer dialog)
{
  return !fita_import_dialog_get_loading (dialog) && fita_import_dialog_get_report (dialog) != NULL;
}

static gboolean
is_labelled_widget (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *label)
{
  return find_descendant (widget, is_labelled_widget, label) != NULL;
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* What the row titled title shows as chosen. */
static const char *
chosen_in (FitaImportDialog *dialog,
           const char       *title)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (dialog), is_combo_row_titled, title);
  GObject *item;

  g_assert_nonnull (row);
  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static GtkWidget *
import_button (FitaImportDialog *dialog)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (dialog), is_button_labelled, "_Import");

  g_assert_nonnull (button);
  return button;
}

static FitaImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (FITA_IS_IMPORT_DIALOG (window))
        return FITA_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_import_dialog (gpointer data)
{
  return find_import_dialog () != NULL;
}

static gboolean
has_no_import_dialog (gpointer data)
{
  return find_import_dialog () == NULL;
}

static gint64
planned_of (FitaPlan *plan, const char *code)
{
  FitaBudgetSum sum;

  fita_plan_budget_sum (plan, fita_plan_find_item (plan, code), FITA_NONE, 0, &sum);
  return sum.planned;
}

static gint64
executed_of (FitaPlan *plan, const char *code)
{
  FitaBudgetSum sum;

  fita_plan_budget_sum (plan, fita_plan_find_item (plan, code), FITA_NONE, 0, &sum);
  return sum.executed;
}

/* A table from a file: its columns as guessed, one changed, a problem
 * shown and put right, then a new plan made of it. */
static void
test_new_plan (void)
{
  g_autofree char *csv = write_test_file ("Actuacions 2024.csv", ACTIONS_CSV);
  g_autofree char *target = test_file ("Actuacions 2024.fita");
  g_autoptr(GFile) source = g_file_new_for_path (csv);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  FitaWindow *window = empty_window ();
  FitaImportDialog *dialog = FITA_IMPORT_DIALOG (fita_window_import (window, source));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) headers = NULL;
  FitaImportReport *report;
  FitaWindow *shown;
  FitaPlan *plan;

  g_remove (target);
  g_assert_true (wait_until (has_read, dialog));
  g_assert_true (wait_until (is_drawn, dialog));
  headers = fita_import_dialog_get_headers (dialog);
  g_assert_cmpuint (g_strv_length (headers), ==, 6);
  g_assert_cmpstr (headers[0], ==, "Codi");
  g_assert_cmpstr (headers[5], ==, "Observacions");
  report = fita_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->n_items, ==, 4);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (import_button (dialog)));
  g_assert_true (gtk_widget_get_visible (import_button (dialog)));
  /* the window says what the table is, and the summary what it makes */
  g_assert_true (shows_label (GTK_WIDGET (dialog), "Actuacions 2024"));
  g_assert_true (shows_label (GTK_WIDGET (dialog), "A1  Diagnosi dels barris"));

  /* a column read as an amount that holds words: a problem, with its line */
  g_assert_true (fita_import_dialog_set_column (dialog, "Observacions", FITA_COLUMN_PLANNED));
  report = fita_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->problems->len, >, 0);
  g_assert_cmpuint (((FitaImportProblem *) report->problems->pdata[0])->line, ==, 2);
  g_assert_false (gtk_widget_is_sensitive (import_button (dialog)));
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (dialog), "import-problems");
    assert_png (png, 500, 400);
  }

  /* read as the description instead: all well again */
  g_assert_true (fita_import_dialog_set_column (dialog, "Observacions", FITA_COLUMN_DESCRIPTION));
  report = fita_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (import_button (dialog)));
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (dialog), "import-assistant");
    assert_png (png, 500, 400);
  }

  /* large text (150 %) and high contrast: nothing cut off */
  {
    AdwStyleManager *style = adw_style_manager_get_default ();
    g_autofree char *png = NULL;
    int dpi;

    g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
    settle ();
    png = save_screenshot (GTK_WIDGET (dialog), "import-large-text");
    assert_png (png, 500, 400);
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    settle ();
    g_free (png);
    png = save_screenshot (GTK_WIDGET (dialog), "import-dark");
    assert_png (png, 500, 400);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  }

  g_assert_true (fita_import_dialog_import_new (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (has_no_import_dialog, NULL));
  shown = find_window_with_plan (target);
  g_assert_true (shown == window);
  plan = fita_window_get_plan (shown);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 4);
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Actuacions 2024");
  g_assert_cmpstr (fita_plan_find_item (plan, "A1")->description, ==, "primer any");
  g_assert_cmpint (fita_plan_find_item (plan, "A1")->progress_bp, ==, 3000);
  g_assert_cmpint (planned_of (plan, "A1"), ==, 470233);
  g_assert_cmpint (executed_of (plan, "A1"), ==, 120000);
  /* no amount is not zero */
  g_assert_cmpint (executed_of (plan, "A2"), ==, FITA_NONE);
  g_assert_cmpint (executed_of (plan, "A3"), ==, 0);
  g_assert_cmpint (planned_of (plan, "A4"), ==, FITA_NONE);
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (shown), "import-new-plan");
    assert_png (png, 800, 500);
  }
  close_all_windows ();
}

/* Into an open plan, under the item selected in the outline: one change,
 * which one undo takes back; the same codes again are refused. */
static void
test_under_item (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("terrassa.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  FitaItem *programme = fita_plan_find_item (plan, "11");
  guint before = fita_plan_count (plan, FITA_TABLE_ITEM);
  g_autofree char *json_before = fita_json_export (plan);
  FitaImportDialog *dialog;
  GPtrArray *children;
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_outline_select_item (fita_window_get_outline (window), programme->rec.id));
  dialog = FITA_IMPORT_DIALOG (fita_window_import (window, NULL));
  g_assert_true (fita_import_dialog_load_text (dialog, ACTIONS_CSV, "Actuacions", &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (dialog), "import-destination");
    assert_png (png, 500, 400);
  }
  /* the destination offered first is under the selected item */
  g_assert_cmpstr (chosen_in (dialog, "_Destination"), ==, "This plan, under “11 ESS als barris”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (wait_until (has_no_import_dialog, NULL));

  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, before + 4);
  children = fita_plan_list (plan, FITA_TABLE_ITEM, programme->rec.id);
  g_assert_cmpstr (((FitaItem *) children->pdata[children->len - 4])->code, ==, "A1");
  g_assert_cmpstr (((FitaItem *) children->pdata[children->len - 1])->code, ==, "A4");
  /* with no level in the table, the level of the items beside them */
  g_assert_cmpint (fita_plan_find_item (plan, "A1")->level_id, ==, fita_plan_find_item (plan, "11.1")->level_id);
  /* the statuses are the plan's own, not copies */
  g_assert_cmpint (fita_plan_find_item (plan, "A3")->status_id, ==,
                   ((FitaRecord *) fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "Acabat"))->id);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Import “Actuacions”");
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (window), "import-under-item");
    assert_png (png, 800, 500);
  }

  /* the same codes again: refused, with the codes named, nothing changed */
  dialog = FITA_IMPORT_DIALOG (fita_window_import (window, NULL));
  g_assert_true (fita_import_dialog_load_text (dialog, ACTIONS_CSV, "Actuacions", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL));
  g_assert_true (wait_until (has_message_dialog, NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_message_dialog ()), "A1, A2, A3, A4"));
  close_message_dialog (find_message_dialog ());
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, before + 4);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* one undo takes the whole import back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    g_autofree char *json_after = fita_json_export (plan);
    g_assert_cmpstr (json_after, ==, json_before);
  }
  close_all_windows ();
}

static gboolean
has_read_paste (gpointer dialog)
{
  FitaImportReport *report = fita_import_dialog_get_report (dialog);
  return !fita_import_dialog_get_loading (dialog) && report != NULL && report->n_items > 0;
}

/* A table copied in Calc or Word comes as tab-separated text. */
static void
test_paste (void)
{
  FitaWindow *window = empty_window ();
  FitaImportDialog *dialog = FITA_IMPORT_DIALOG (fita_window_import (window, NULL));
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
  FitaImportReport *report;

  g_assert_true (wait_until (is_drawn, dialog));
  /* nothing to import yet */
  g_assert_false (gtk_widget_is_sensitive (import_button (dialog)));
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (dialog), "import-start");
    assert_png (png, 500, 400);
  }
  gdk_clipboard_set_text (clipboard,
                          "Codi\tTítol\tEstat\tPercentatge\tAny d'inici\tAny de finalització\n"
                          "1\tObjectiu u\t\t\t2024\t2027\n"
                          "1.1\tActuació u\tEn curs\t88,3 %\t2024\t2025\n"
                          "1.2\t\"Actuació\ndos\"\tAcabat\t100 %\t2024\t2024\n");
  fita_import_dialog_paste (dialog);
  g_assert_true (wait_until (has_read_paste, dialog));
  report = fita_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->n_items, ==, 3);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (import_button (dialog)));

  /* an empty clipboard says so */
  gdk_clipboard_set_text (clipboard, "  \n");
  fita_import_dialog_paste (dialog);
  g_assert_true (wait_until (has_message_dialog, NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (find_message_dialog ()), "Nothing to paste"));
  close_message_dialog (find_message_dialog ());
  close_all_windows ();
}

/* A table opened as if it were a plan is offered to the assistant. */
static void
test_not_a_plan (void)
{
  g_autofree char *csv = write_test_file ("pla.csv", ACTIONS_CSV);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  AdwMessageDialog *message;
  FitaImportDialog *dialog;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (wait_until (has_message_dialog, NULL));
  message = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "“pla.csv” is not a Fita plan");
  g_assert_true (adw_message_dialog_has_response (message, "import"));
  respond (message, "_Import as a Table…");
  g_assert_true (wait_until (has_import_dialog, NULL));
  dialog = find_import_dialog ();
  g_assert_true (wait_until (has_read, dialog));
  g_assert_cmpuint (fita_import_dialog_get_report (dialog)->n_items, ==, 4);
  close_all_windows ();
}

/* A bad file: the assistant says why, and goes back to choosing. */
static void
test_bad_table (void)
{
  g_autofree char *path = write_test_file ("trencat.xlsx", "PK\003\004 not really a workbook");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FitaWindow *window = empty_window ();
  FitaImportDialog *dialog = FITA_IMPORT_DIALOG (fita_window_import (window, file));

  g_assert_true (wait_until (has_message_dialog, NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (find_message_dialog ()), "trencat"));
  close_message_dialog (find_message_dialog ());
  g_assert_false (fita_import_dialog_get_loading (dialog));
  g_assert_false (gtk_widget_is_sensitive (import_button (dialog)));
  close_all_windows ();
}

/* A table an officer made in LibreOffice Calc (tests/data/calc), read
 * through the assistant as a person would choose it. */
static void
calc_table (void)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", "calc", "accions-2024.xlsx", NULL);
  g_autofree char *target = test_file ("accions-2024.fita");
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  FitaWindow *window;
  FitaImportDialog *dialog;
  g_autoptr(GError) error = NULL;
  FitaImportReport *report;
  FitaPlan *plan;

  window = empty_window ();
  dialog = FITA_IMPORT_DIALOG (fita_window_import (window, source));
  g_remove (target);
  g_assert_true (wait_until (has_read, dialog));
  g_assert_true (wait_until (is_drawn, dialog));
  report = fita_import_dialog_get_report (dialog);
  g_assert_cmpuint (report->n_items, ==, 5);
  g_assert_cmpuint (report->problems->len, ==, 0);
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (dialog), "import-calc");
    assert_png (png, 500, 400);
  }
  g_assert_true (fita_import_dialog_import_new (dialog, file, &error));
  g_assert_no_error (error);
  plan = fita_window_get_plan (window);
  g_assert_nonnull (plan);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 5);
  g_assert_cmpstr (fita_plan_find_item (plan, "1")->title, ==, "Espai de col·laboració entre cooperatives del Vallès");
  g_assert_cmpint (fita_plan_progress_bp (plan, fita_plan_find_item (plan, "4")), ==, 1250);
  settle ();
  {
    g_autofree char *png = save_screenshot (GTK_WIDGET (window), "import-calc-plan");
    assert_png (png, 800, 500);
  }
  close_all_windows ();
}

/* In Catalan, as the officer who made the table reads it (the README's
 * screenshot): in a process of its own, which starts in Catalan, as
 * translations are looked up once. */
static void
test_calc_table (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  if (g_test_subprocess ())
    {
      calc_table ();
      return;
    }
  g_setenv ("LANGUAGE", "ca", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  restore_language (language);
  g_test_trap_assert_passed ();
}

/* A plan exported from File › Export and imported again through the
 * assistant: the same items, budget, indicators and follow-ups. */
static void
test_workbook_round_trip (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("terrassa.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autofree char *xlsx = test_file ("terrassa-export.xlsx");
  g_autofree char *target = test_file ("terrassa-again.fita");
  g_autoptr(GFile) exported = g_file_new_for_path (xlsx);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  FitaImportDialog *dialog;
  FitaWindow *again_window;
  FitaPlan *again;

  g_remove (xlsx);
  g_remove (target);
  g_assert_true (fita_window_export (window, "xlsx", exported, &error));
  g_assert_no_error (error);
  dialog = FITA_IMPORT_DIALOG (fita_window_import (window, exported));
  g_assert_true (wait_until (has_read, dialog));
  g_assert_cmpuint (fita_import_dialog_get_report (dialog)->problems->len, ==, 0);
  g_assert_cmpuint (fita_import_dialog_get_report (dialog)->n_items, ==, items->len);
  /* a table that names its plan goes to a new plan unless told otherwise */
  g_assert_cmpstr (chosen_in (dialog, "_Destination"), ==, "A new plan");
  g_assert_true (fita_import_dialog_import_new (dialog, file, &error));
  g_assert_no_error (error);
  again_window = find_window_with_plan (target);
  g_assert_nonnull (again_window);
  again = fita_window_get_plan (again_window);
  g_assert_cmpstr (fita_plan_get_info (again)->title, ==, fita_plan_get_info (plan)->title);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *x = items->pdata[i];
      FitaItem *y = fita_plan_find_item (again, x->code);
      FitaBudgetSum a, b;

      g_assert_nonnull (y);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpint (fita_plan_progress_bp (plan, x), ==, fita_plan_progress_bp (again, y));
      fita_plan_budget_sum (plan, x, FITA_NONE, 0, &a);
      fita_plan_budget_sum (again, y, FITA_NONE, 0, &b);
      g_assert_cmpint (a.planned, ==, b.planned);
      g_assert_cmpint (a.executed, ==, b.executed);
      g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_INDICATOR, x->rec.id)->len, ==,
                        fita_plan_list (again, FITA_TABLE_INDICATOR, y->rec.id)->len);
      g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_FOLLOWUP, x->rec.id)->len, ==,
                        fita_plan_list (again, FITA_TABLE_FOLLOWUP, y->rec.id)->len);
    }
  close_all_windows ();
}

/* Closed while it reads, or with its window: nothing is shown in what is
 * gone. A table of one column and one row is read. */
static void
test_close_while_reading (void)
{
  g_autofree char *csv = write_test_file ("petita.csv", "Títol\nU\n");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  FitaWindow *window = empty_window ();
  FitaImportDialog *dialog = FITA_IMPORT_DIALOG (fita_window_import (window, file));

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (find_import_dialog ());

  dialog = FITA_IMPORT_DIALOG (fita_window_import (window, file));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_null (find_import_dialog ());

  window = empty_window ();
  dialog = FITA_IMPORT_DIALOG (fita_window_import (window, file));
  g_assert_true (wait_until (has_read, dialog));
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  g_assert_cmpuint (fita_import_dialog_get_report (dialog)->n_items, ==, 1);
  close_all_windows ();
}

/* File › Export: every format, each readable again; never over the plan. */
static void
test_export (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("terrassa.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  static const char * const formats[] = { "xlsx", "ods", "csv", "budget-csv", "decidim", "json" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *basename = g_strdup_printf ("export-%s.out", formats[i]);
      g_autofree char *out = test_file (basename);
      g_autoptr(GFile) file = g_file_new_for_path (out);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_test_message ("%s", formats[i]);
      g_remove (out);
      g_assert_true (fita_window_export (window, formats[i], file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out, &data, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      if (g_str_equal (formats[i], "xlsx"))
        {
          g_autoptr(FitaSheet) sheet = fita_sheet_read_xlsx (out, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (sheet->rows->len, >=, fita_plan_count (plan, FITA_TABLE_ITEM) + 1);
        }
      else if (g_str_equal (formats[i], "ods"))
        {
          g_autoptr(FitaSheet) sheet = fita_sheet_read_ods (out, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (sheet->rows->len, >=, fita_plan_count (plan, FITA_TABLE_ITEM) + 1);
        }
      else if (g_str_equal (formats[i], "json"))
        {
          /* a file of the plan carries its change log */
          g_autofree char *now = fita_json_export_with (plan, FITA_JSON_EXPORT_CHANGE_LOG);
          g_assert_cmpstr (data, ==, now);
        }
      else if (g_str_equal (formats[i], "budget-csv"))
        /* in the plan's language, amounts as spreadsheets read them */
        {
          g_assert_true (g_str_has_prefix (data, "Codi,Any,Capítol,Previst,Executat\r\n"));
          g_assert_nonnull (strstr (data, "\r\n11,2023,Capítol 2. Cofinançament de personal,,4702.33\r\n"));
        }
      else
        g_assert_nonnull (strstr (data, "11.5"));
    }

  /* the plan's own file is never written over */
  {
    g_autoptr(GFile) own = g_file_new_for_path (path);
    g_assert_false (fita_window_export (window, "csv", own, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_nonnull (find_window_with_plan (path));
    {
      g_autoptr(FitaPlan) again = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fita_plan_count (again, FITA_TABLE_ITEM), ==, fita_plan_count (plan, FITA_TABLE_ITEM));
    }
  }
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/import/new-plan", test_new_plan);
  g_test_add_func ("/ui/import/under-item", test_under_item);
  g_test_add_func ("/ui/import/paste", test_paste);
  g_test_add_func ("/ui/import/not-a-plan", test_not_a_plan);
  g_test_add_func ("/ui/import/bad-table", test_bad_table);
  g_test_add_func ("/ui/import/close-while-reading", test_close_while_reading);
  g_test_add_func ("/ui/import/calc-table", test_calc_table);
  g_test_add_func ("/ui/import/workbook-round-trip", test_workbook_round_trip);
  g_test_add_func ("/ui/export/formats", test_export);

  return run_app_tests ();
}
