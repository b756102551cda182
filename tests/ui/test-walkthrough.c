/* test-walkthrough: a new officer's first tasks, in Catalan, through the
 * real window and its widgets, with a screenshot of every step for a
 * person to look at: open the Terrassa example from the welcome page, set
 * 11.3 to En curs and 50 %, add 11.6 with a title and a planned amount,
 * tick one of its semesters on the timeline with the mouse, and make
 * programme 11's sheet. Each step checks what the plan holds afterwards.
 *
 * The steps run in order on one window and build on each other. GTK 4.8
 * cannot synthesise pointer events: where the officer would click, the
 * test activates the widget the click activates, or calls the code the
 * click gesture calls (and says so). */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "fita-application.h"
#include "fita-item-editor.h"
#include "fita-item-editor-budget.h"
#include "fita-item-object.h"
#include "fita-money-entry.h"
#include "fita-outline.h"
#include "fita-pdf-view.h"
#include "fita-reports-page.h"
#include "fita-timeline-page.h"
#include "fita-timeline-view.h"
#include "fita-ui-test.h"

#define TERRASSA "terrassa-ess-2019-2026"
#define NEW_TITLE "Fira d'economia social als barris"
#define CHAPTER "Capítol 2. Altres conceptes"
/* "Programme follow-up sheet" in the Reports page's Tipus */
#define SHEET_KIND "Fitxa de seguiment del programa"

/* What the steps share: the window, its plan and what was made. */
static struct {
  FitaApplication *app;
  FitaWindow      *window;
  FitaPlan        *plan;
  char            *folder;  /* where the sheet is saved */
  char            *sheet;   /* the sheet's file */
} walk;

/* Finding widgets */

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  GtkWidget *found = find_descendant (widget, is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  GtkWidget *found = find_descendant (widget, is_named, name);

  g_assert_nonnull (found);
  return found;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action)
{
  GtkWidget *found = find_descendant (widget, has_action, action);

  g_assert_nonnull (found);
  return found;
}

/* The position in a drop-down of the choice that reads text. */
static guint
choice_position (GtkDropDown *drop_down,
                 const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (choice) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)), text) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static gint64
item_id (const char *code)
{
  FitaItem *item = fita_plan_find_item (walk.plan, code);

  g_assert_nonnull (item);
  return item->rec.id;
}

/* Acting on widgets as a person does */

/* Types text into an entry, spin button or entry row and presses Enter. */
static void
type_and_enter (GtkWidget  *editable,
                const char *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (editable)));

  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  g_signal_emit_by_name (delegate != NULL ? delegate : editable, "activate");
  settle ();
}

/* A click on a button (or a row, a toggle): what the click activates. */
static void
click (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  g_assert_true (gtk_widget_activate (widget));
  settle ();
}

/* Chooses text in a drop-down, as picking it in its list does. */
static void
choose (GtkWidget  *drop_down,
        const char *text)
{
  g_assert_true (GTK_IS_DROP_DOWN (drop_down));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), choice_position (GTK_DROP_DOWN (drop_down), text));
  settle ();
}

static char *
shoot (const char *name)
{
  char *path;

  settle ();
  path = save_screenshot (GTK_WIDGET (walk.window), name);
  assert_png (path, 1200, 800);
  return path;
}

/* Conditions */

static gboolean
is_example_row (GtkWidget     *widget,
                gconstpointer  name)
{
  GVariant *target;

  if (!has_action (widget, "win.open-example"))
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), name) == 0;
}

static gboolean
lists_example (gpointer window)
{
  GtkWidget *row = find_descendant (window, is_example_row, TERRASSA);

  return row != NULL && gtk_widget_get_mapped (row);
}

static gboolean
shows_plan (gpointer window)
{
  return fita_window_get_plan (window) != NULL;
}

static gboolean
search_found (gpointer code)
{
  FitaOutline *outline = fita_window_get_outline (walk.window);

  return fita_outline_is_match (outline, item_id (code));
}

static gboolean
editor_shows (gpointer code)
{
  return fita_item_editor_get_item_id (fita_window_get_item_editor (walk.window)) == item_id (code);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_file_chooser (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The drop-down that offers text among its choices. */
static gboolean
offers (GtkWidget     *widget,
        gconstpointer  text)
{
  GListModel *model = GTK_IS_DROP_DOWN (widget) ? gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) : NULL;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (choice) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static FitaReportsPage *
reports_page (void)
{
  return FITA_REPORTS_PAGE (find_of_type (GTK_WIDGET (walk.window), FITA_TYPE_REPORTS_PAGE));
}

static gboolean
report_shown (gpointer data)
{
  FitaReportsPage *page = reports_page ();
  FitaPdfView *view = FITA_PDF_VIEW (fita_reports_page_get_view (page));

  return !fita_reports_page_is_busy (page) && fita_pdf_view_get_n_pages (view) > 0 &&
         fita_pdf_view_get_n_rendered (view) > 0;
}

/* 1. The welcome page's example row, as its click opens it. */
static void
test_open_example (void)
{
  g_autofree char *expected = fita_application_get_example_path (TERRASSA);
  g_autofree char *shot = NULL;
  GtkWidget *row = NULL;

  g_application_activate (G_APPLICATION (walk.app));
  walk.window = FITA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (walk.app)));
  g_assert_nonnull (walk.window);
  gtk_window_set_default_size (GTK_WINDOW (walk.window), 1400, 900);
  g_assert_true (wait_until (lists_example, walk.window));
  g_free (shoot ("walk-0-welcome"));

  /* The examples are listed as they are read: Terrassa's row. */
  row = find_descendant (GTK_WIDGET (walk.window), is_example_row, TERRASSA);
  g_assert_nonnull (row);
  g_test_message ("The example's row: %s — %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                  adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  click (row);
  g_assert_true (wait_until (shows_plan, walk.window));
  walk.plan = fita_window_get_plan (walk.window);
  g_assert_cmpstr (fita_plan_get_path (walk.plan), ==, expected);
  g_assert_false (fita_plan_is_read_only (walk.plan));
  settle ();
  shot = shoot ("walk-1-open");

  g_assert_nonnull (strstr (fita_plan_get_info (walk.plan)->title, "Terrassa"));
  g_assert_nonnull (fita_plan_find_item (walk.plan, "11.3"));
  g_assert_null (fita_plan_find_item (walk.plan, "11.6"));
}

/* 2. Find 11.3 (Ctrl+F, its code, Enter), then En curs and 50 %. */
static void
test_progress (void)
{
  FitaOutline *outline = fita_window_get_outline (walk.window);
  GtkWidget *editor = GTK_WIDGET (fita_window_get_item_editor (walk.window));
  GtkWidget *search = find_of_type (GTK_WIDGET (outline), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *progress, *spin;
  g_autofree char *shot = NULL;
  FitaItem *item;
  FitaStatus *status;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (walk.window), "win.search", NULL));
  settle ();
  gtk_editable_set_text (GTK_EDITABLE (search), "11.3");
  /* the search waits for the typing to stop */
  g_assert_true (wait_until (search_found, (gpointer) "11.3"));
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, item_id ("11.3"));
  g_assert_true (wait_until (editor_shows, (gpointer) "11.3"));
  settle ();

  /* Estat: En curs, chosen in the drop-down's list. */
  choose (find_named (editor, "status"), "En curs");

  /* Progrés: 50, typed and Enter. */
  progress = find_named (editor, "progress");
  spin = find_of_type (progress, GTK_TYPE_SPIN_BUTTON);
  type_and_enter (spin, "50");

  shot = shoot ("walk-2-progress");

  item = fita_plan_find_item (walk.plan, "11.3");
  g_assert_cmpint (item->progress_bp, ==, 5000);
  status = fita_plan_lookup (walk.plan, FITA_TABLE_STATUS, item->status_id);
  g_assert_nonnull (status);
  g_assert_cmpstr (status->name, ==, "En curs");
}

/* 3. 11.6 after 11.5: select 11.5, the outline's add button, the title. */
static void
test_new_item (void)
{
  FitaOutline *outline = fita_window_get_outline (walk.window);
  GtkWidget *editor = GTK_WIDGET (fita_window_get_item_editor (walk.window));
  GListModel *rows;
  GtkWidget *title;
  g_autofree char *shot = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  FitaItem *item, *programme;
  GPtrArray *actions;

  /* Done searching: Escape, the whole outline again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.stop-search", NULL));
  settle ();

  /* A click on 11.5's row: the row's click gesture selects it in the
   * list's selection model, alone. */
  rows = fita_outline_get_model (outline);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);

      if (fita_item_object_get_id (FITA_ITEM_OBJECT (object)) == item_id ("11.5"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), position, TRUE));
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, item_id ("11.5"));
  g_assert_true (wait_until (editor_shows, (gpointer) "11.5"));

  /* The add button under the outline. */
  click (find_by_action (GTK_WIDGET (outline), "outline.add-after"));
  g_assert_nonnull (fita_plan_find_item (walk.plan, "11.6"));
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, item_id ("11.6"));
  g_assert_true (wait_until (editor_shows, (gpointer) "11.6"));

  /* The keyboard is in the title already: type it, Enter. */
  title = find_named (editor, "title");
  {
    GtkRoot *root = gtk_widget_get_root (title);
    GtkWidget *focus = gtk_root_get_focus (root);

    g_assert_true (focus != NULL && (focus == title || gtk_widget_is_ancestor (focus, title)));
  }
  type_and_enter (title, NEW_TITLE);

  shot = shoot ("walk-3-new-item");

  item = fita_plan_find_item (walk.plan, "11.6");
  programme = fita_plan_find_item (walk.plan, "11");
  g_assert_nonnull (item);
  g_assert_cmpint (item->parent_id, ==, programme->rec.id);
  g_assert_cmpstr (item->title, ==, NEW_TITLE);
  /* the last of programme 11's actions */
  actions = fita_plan_list (walk.plan, FITA_TABLE_ITEM, programme->rec.id);
  g_assert_true (g_ptr_array_index (actions, actions->len - 1) == item);
}

/* 4. The item editor's budget grid: Previst, 2025 / Capítol 2, "3.500". */
static void
test_budget (void)
{
  GtkWidget *editor = GTK_WIDGET (fita_window_get_item_editor (walk.window));
  GtkWidget *budget = find_of_type (editor, FITA_TYPE_ITEM_EDITOR_BUDGET);
  GtkWidget *planned = find_of_type (budget, GTK_TYPE_TOGGLE_BUTTON);
  FitaChapter *chapter = fita_plan_find_by_name (walk.plan, FITA_TABLE_CHAPTER, CHAPTER);
  g_autofree char *cell_name = NULL;
  g_autofree char *shot = NULL;
  GtkWidget *cell;
  FitaBudgetLine *line;

  g_assert_nonnull (chapter);
  g_assert_true (editor_shows ((gpointer) "11.6"));

  /* Previst, the first of the two toggles (pressed already, it stays so). */
  if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (planned)))
    click (planned);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (planned)));

  /* The cell of 2025 and the chapter, typed as a Catalan officer does. */
  cell_name = g_strdup_printf ("budget-2025-%" G_GINT64_FORMAT, chapter->rec.id);
  cell = find_named (budget, cell_name);
  g_assert_true (FITA_IS_MONEY_ENTRY (cell));
  type_and_enter (cell, "3.500");
  g_test_message ("The cell shows “%s”", gtk_editable_get_text (GTK_EDITABLE (cell)));

  /* Scrolled down, as a person would, to see the whole grid and its totals. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (budget, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (budget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    /* (the point is in the viewport, as scrolled now) */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - 12);
  }
  shot = shoot ("walk-4-budget");

  line = fita_plan_find_budget_line (walk.plan, item_id ("11.6"), 2025, chapter->rec.id);
  g_assert_nonnull (line);
  g_assert_cmpint (line->planned_cents, ==, 350000);
  g_assert_cmpint (line->executed_cents, ==, FITA_NONE);
  g_assert_false (fita_money_entry_is_invalid (FITA_MONEY_ENTRY (cell)));
}

/* Where, in the view, 11.6's row meets the middle of time t. */
static gboolean
point_of (FitaTimelineView *view,
          const char       *code,
          double            t,
          double           *x,
          double           *y)
{
  FitaTimeline *timeline = fita_timeline_view_get_timeline (view);
  FitaItem *item = fita_plan_find_item (walk.plan, code);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  for (guint r = 0; r < fita_timeline_get_n_rows (timeline); r++)
    if (fita_timeline_get_row (timeline, r) == item)
      {
        *x = fita_timeline_x_for_time (timeline, t) - (h ? gtk_adjustment_get_value (h) : 0);
        *y = fita_timeline_get_header_height (timeline) + (r + 0.5) * fita_timeline_get_row_height (timeline) -
             (v ? gtk_adjustment_get_value (v) : 0);
        return TRUE;
      }
  return FALSE;
}

/* 5. Cronograma: a click on 11.6's 2nd semester of 2025. */
static void
test_semester (void)
{
  FitaTimelinePage *page;
  FitaTimelineView *view;
  g_autofree char *shot = NULL;
  double x = -1, y = -1;
  FitaItem *item;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (walk.window), "win.show-page", "s", "timeline"));
  page = FITA_TIMELINE_PAGE (find_of_type (GTK_WIDGET (walk.window), FITA_TYPE_TIMELINE_PAGE));
  view = fita_timeline_page_get_view (page);
  g_assert_true (wait_until (is_mapped, view));
  settle ();
  g_free (shoot ("walk-5a-timeline"));

  g_assert_true (point_of (view, "11.6", 2025.75, &x, &y));
  g_test_message ("11.6's 2nd semester of 2025 at (%.0f, %.0f) in a view %d × %d, scale %d",
                  x, y, gtk_widget_get_width (GTK_WIDGET (view)), gtk_widget_get_height (GTK_WIDGET (view)),
                  fita_timeline_view_get_zoom (view));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (view)));

  /* The click: the view's drag gesture ends where it began, and calls
   * this with the point pressed. */
  fita_timeline_view_drag (view, x, y, x, y);
  settle ();

  shot = shoot ("walk-5-semester");

  item = fita_plan_find_item (walk.plan, "11.6");
  g_test_message ("11.6's semesters: %s", item->semesters ? item->semesters : "(none)");
  g_assert_true (fita_semesters_contains (item->semesters, 2025, 2));
  g_assert_false (fita_semesters_contains (item->semesters, 2025, 1));
  g_assert_cmpint (fita_timeline_view_get_selected (view), ==, item->rec.id);
  /* the item editor's semester grid, behind the page, says the same */
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (find_named (GTK_WIDGET (fita_window_get_item_editor (walk.window)), "semester-2025-2"))));
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  /* poppler-glib 22.12 defines no autoptr cleanups */
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

/* What a second, read-only reader of the file sees: every step saved. */
static void
assert_saved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) saved = fita_plan_open (fita_plan_get_path (walk.plan), FITA_OPEN_READ_ONLY, &error);
  FitaChapter *chapter;
  FitaItem *item;

  g_assert_no_error (error);
  item = fita_plan_find_item (saved, "11.3");
  g_assert_cmpint (item->progress_bp, ==, 5000);
  g_assert_cmpstr (((FitaStatus *) fita_plan_lookup (saved, FITA_TABLE_STATUS, item->status_id))->name, ==, "En curs");
  item = fita_plan_find_item (saved, "11.6");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->title, ==, NEW_TITLE);
  g_assert_true (fita_semesters_contains (item->semesters, 2025, 2));
  chapter = fita_plan_find_by_name (saved, FITA_TABLE_CHAPTER, CHAPTER);
  g_assert_cmpint (fita_plan_find_budget_line (saved, item->rec.id, 2025, chapter->rec.id)->planned_cents, ==, 350000);
}

/* 6. Informes: the sheet of programme 11, made, previewed and saved. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
test_sheet (void)
{
  FitaReportsPage *page;
  GtkWindow *chooser;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *text = NULL;
  g_autofree char *programme = NULL;
  FitaItem *eleven = fita_plan_find_item (walk.plan, "11");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (walk.window), "win.show-page", "s", "reports"));
  page = reports_page ();
  g_assert_true (wait_until (is_mapped, page));
  settle ();

  /* Tipus: the page opens on the annual report; the programme's sheet. */
  choose (find_descendant (GTK_WIDGET (page), offers, SHEET_KIND), SHEET_KIND);

  /* Element: "11 ESS als barris", from the drop-down's list. */
  programme = g_strdup_printf ("%s %s", eleven->code, eleven->title);
  choose (find_descendant (GTK_WIDGET (page), offers, programme), programme);

  /* Fes l'informe */
  click (find_by_action (GTK_WIDGET (page), "reports.generate"));
  /* being made, or made already (its pages may not be drawn yet) */
  g_assert_true (fita_reports_page_is_busy (page) ||
                 fita_pdf_view_get_n_pages (FITA_PDF_VIEW (fita_reports_page_get_view (page))) > 0);
  g_assert_true (wait_until (report_shown, NULL));
  settle ();

  /* Desa: the file chooser, in a folder of the test's own, with the name
   * offered. */
  walk.folder = g_dir_make_tmp ("fita-walk-XXXXXX", &error);
  g_assert_no_error (error);
  name = fita_reports_page_get_file_name (page);
  walk.sheet = g_build_filename (walk.folder, name, NULL);
  /* named by its item, so the next programme's does not overwrite it */
  g_assert_nonnull (strstr (name, " 11 - ESS als barris - 2024.pdf"));
  click (find_by_action (GTK_WIDGET (page), "reports.save"));
  g_assert_true (wait_until (has_file_chooser, NULL));
  chooser = find_file_chooser ();
  settle ();
  folder = g_file_new_for_path (walk.folder);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  settle ();
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    g_assert_nonnull (chosen);
    g_test_message ("The name offered: %s", g_file_peek_path (chosen));
    g_assert_cmpstr (g_file_peek_path (chosen), ==, walk.sheet);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_until (file_written, walk.sheet));

  shot = shoot ("walk-6-sheet");
  /* and the sheet itself beside the screenshots, for a person to read */
  if (g_getenv ("FITA_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy_path = g_build_filename (g_getenv ("FITA_SCREENSHOT_DIR"), "walk-6-sheet.pdf", NULL);
      g_autoptr(GFile) source = g_file_new_for_path (walk.sheet);
      g_autoptr(GFile) copy = g_file_new_for_path (copy_path);

      g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  text = pdf_text (walk.sheet);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "11.6") != NULL)
        g_test_message ("In the sheet: %s", lines[i]);
  }
  g_assert_nonnull (strstr (text, "11.6"));
  g_assert_nonnull (strstr (text, eleven->title));

  assert_saved ();
}
G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int status;

  /* Catalan before anything is translated: the templates too. */
  g_setenv ("LANGUAGE", "ca", TRUE);
  home = isolate_home ();
  g_test_init (&argc, &argv, NULL);
  fita_application_init_i18n ();

  walk.app = fita_application_new ();
  g_application_register (G_APPLICATION (walk.app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/walkthrough/1-open-example", test_open_example);
  g_test_add_func ("/ui/walkthrough/2-progress", test_progress);
  g_test_add_func ("/ui/walkthrough/3-new-item", test_new_item);
  g_test_add_func ("/ui/walkthrough/4-budget", test_budget);
  g_test_add_func ("/ui/walkthrough/5-semester", test_semester);
  g_test_add_func ("/ui/walkthrough/6-sheet", test_sheet);

  status = g_test_run ();

  for (GList *windows; (windows = gtk_application_get_windows (GTK_APPLICATION (walk.app)));)
    gtk_window_destroy (windows->data);
  g_clear_object (&walk.app);
  if (walk.folder != NULL)
    remove_tree (walk.folder);
  g_free (walk.folder);
  g_free (walk.sheet);
  remove_tree (home);
  return status;
}
