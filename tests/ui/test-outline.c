/* test-outline: the items of a plan in the window's outline, in-process,
 * against a real (virtual) X server: its rows bound to the plan, editing
 * actions, undo and redo, drag and drop, editing many items at once,
 * search, folding and its saved state, the keyboard and screen readers. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-item-row.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-status-badge.h"
#include "fita-window-test.h"

static void
test_outline (void)
{
  static const char * const codes[] = {
    "O3", "O3.A1", "11", "11.1", "11.2", "11.3", "11.4", "11.5",
  };
  g_autofree char *path = NULL;
  g_autofree char *expected_percent = fita_percent_format (12, fita_lang_from_locale ());
  g_autofree char *screenshot = NULL;
  g_autofree char *description = NULL;
  FitaWindow *window = open_terrassa ("outline.fita", &path);
  GListModel *model;
  GtkWidget *row;
  GtkWidget *widget;

  /* Everything is unfolded: O3 > O3.A1 > 11 > 11.1 … 11.5. */
  model = fita_outline_get_model (fita_window_get_outline (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(FitaItemObject) item = gtk_tree_list_row_get_item (tree_row);

      g_assert_cmpstr (fita_item_object_get_item (item)->code, ==, codes[i]);
      g_assert_cmpuint (gtk_tree_list_row_get_depth (tree_row), ==, MIN (i, 3));
    }

  /* 11 derives 12 % from its actions: (30 + 10 + 0 + 0 + 20) / 5. */
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11");
  g_assert_nonnull (row);
  widget = find_descendant (row, has_css_class, "percent");
  g_assert_true (GTK_IS_LABEL (widget));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widget)), ==, expected_percent);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "12"));

  /* O3 has no status: no pill. 11.1 is "En curs" on blue: dark text. */
  row = find_descendant (GTK_WIDGET (window), is_row_of, "O3");
  g_assert_false (gtk_widget_get_visible (find_of_type (row, FITA_TYPE_STATUS_BADGE)));
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11.1");
  widget = find_of_type (row, FITA_TYPE_STATUS_BADGE);
  g_assert_true (gtk_widget_get_visible (widget));
  g_assert_true (fita_status_badge_get_dark_text (FITA_STATUS_BADGE (widget)));

  description = fita_item_object_describe (fita_item_row_get_item (FITA_ITEM_ROW (row)), "ca");
  g_assert_cmpstr (description, ==, "11.1, Radiografia d'agents i antenes dels barris, En curs, 30\u00a0%");

  /* Title and subtitle come from the plan. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Pla estratègic d'economia social i solidària Terrassa 2019-2026");
  widget = find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (widget)), ==,
                   "Ajuntament de Terrassa · 2019–2026");

  /* Opening the same file again shows the same window. */
  open_path (path);
  g_assert_true (find_window_with_plan (path) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "outline");
  assert_png (screenshot, 800, 500);

  close_all_windows ();
}

static const char *
row_label (FitaWindow *window,
           const char *code,
           const char *css_class)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (window), is_row_of, code);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = find_descendant (row, has_css_class, css_class);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
set_decimals (FitaPlan *plan,
              int       decimals)
{
  g_autoptr(GError) error = NULL;

  fita_plan_begin (plan, "Decimals");
  fita_plan_set_int (plan, fita_plan_get_info (plan), "progress_decimals", decimals, NULL);
  g_assert_true (fita_plan_end (plan, &error));
  settle ();
}

/* The rows show a progress with the plan's decimals, and no execution
 * rate where no amount executed is known (not 0 %). */
static void
test_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", "figures-plan.json", NULL);
  g_autoptr(FitaPlan) plan = fita_json_import_file (json, &error);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "figures.fita", NULL);
  g_autofree char *one = fita_percent_format_hundredths (8830, 1, fita_lang_from_locale ());
  g_autofree char *none = fita_percent_format_hundredths (8830, 0, fita_lang_from_locale ());
  g_autofree char *two = fita_percent_format_hundredths (8830, 2, fita_lang_from_locale ());
  g_autofree char *screenshot = NULL;
  GtkWidget *row, *budget;
  FitaWindow *window;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_remove (path);
  g_assert_true (fita_plan_save_new (plan, path, &error));
  fita_plan_close (plan);
  open_path (path);
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  wait_for_row (window, "3");

  /* The plan shows one decimal: 88,3 %. */
  g_assert_cmpstr (row_label (window, "1.1", "percent"), ==, one);
  g_assert_true (g_str_has_prefix (one, "88"));
  set_decimals (fita_window_get_plan (window), 0);
  g_assert_cmpstr (row_label (window, "1.1", "percent"), ==, none);
  set_decimals (fita_window_get_plan (window), 2);
  g_assert_cmpstr (row_label (window, "1.1", "percent"), ==, two);

  /* 2.1 plans 40.000 € and nothing executed is known: "€ —". */
  row = find_descendant (GTK_WIDGET (window), is_row_of, "2.1");
  budget = find_descendant (row, has_css_class, "budget");
  g_assert_true (gtk_widget_get_visible (budget));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (budget)), ==, "€ —");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (budget), "no amount executed yet"));
  /* 3 has no budget at all: nothing to say */
  row = find_descendant (GTK_WIDGET (window), is_row_of, "3");
  g_assert_false (gtk_widget_get_visible (find_descendant (row, has_css_class, "budget")));

  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "figures");
  assert_png (screenshot, 800, 500);
  close_all_windows ();
}

/* Selecting an item shows it in the editor; an edit through the core
 * shows in its row at once, without the tree being rebuilt; undo and
 * redo go through the window's actions and reach the file. */
static void
test_edit_undo_redo (void)
{
  g_autofree char *path = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *title = NULL;
  FitaWindow *window = open_terrassa ("undo.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  FitaItemEditor *editor = fita_window_get_item_editor (window);
  GListModel *model = fita_outline_get_model (fita_window_get_outline (window));
  GtkWidget *undo_button = find_descendant (GTK_WIDGET (window), has_icon, "edit-undo-symbolic");
  GtkWidget *row_before;
  GError *error = NULL;
  guint changes = 0;
  gulong handler;

  g_assert_nonnull (undo_button);
  g_assert_false (gtk_widget_get_sensitive (undo_button));

  select_code (window, "11.2");
  g_assert_cmpint (fita_item_editor_get_item_id (editor), ==, id_of (window, "11.2"));
  g_assert_cmpint (fita_item_editor_get_year (editor), ==, fita_plan_get_info (plan)->followed_year);
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "items-selected");
  assert_png (screenshot, 800, 500);

  row_before = find_descendant (GTK_WIDGET (window), is_row_of, "11.3");
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (count_cb), &changes);

  fita_plan_begin (plan, "Edit Title");
  fita_plan_set_text (plan, fita_plan_find_item (plan, "11.2"), "title", "Disseny amb els agents", &error);
  g_assert_no_error (error);
  fita_plan_end (plan, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (row_title (window, "11.2"), ==, "Disseny amb els agents");
  /* The other rows stay as they were: same widgets, no list changes. */
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (find_descendant (GTK_WIDGET (window), is_row_of, "11.3") == row_before);
  g_signal_handler_disconnect (model, handler);

  g_assert_true (wait_until (is_sensitive, undo_button));
  drain ();
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, "Undo Edit Title");

  activate (window, "win.undo");
  g_assert_cmpstr (row_title (window, "11.2"), ==, "Disseny acció amb agents del territori");
  title = title_in_file (path, "11.2");
  g_assert_cmpstr (title, ==, "Disseny acció amb agents del territori");
  drain ();
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_descendant (GTK_WIDGET (window), has_icon, "edit-redo-symbolic")),
                   ==, "Redo Edit Title");
  g_assert_false (gtk_widget_get_sensitive (undo_button));

  activate (window, "win.redo");
  g_free (title);
  title = title_in_file (path, "11.2");
  g_assert_cmpstr (title, ==, "Disseny amb els agents");
  g_assert_cmpstr (row_title (window, "11.2"), ==, "Disseny amb els agents");

  /* The history belongs to the plan: another page and back, it is there. */
  fita_window_show_page (window, "plan");
  fita_window_show_page (window, "items");
  drain ();
  g_assert_true (gtk_widget_get_sensitive (undo_button));

  close_all_windows ();
}

static gboolean
shows_undo_toast (gpointer window)
{
  return find_descendant (window, is_button_labelled, "_Undo") != NULL;
}

static gboolean
shows_context_menu (gpointer outline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (outline); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_mapped (child))
      return TRUE;

  return FALSE;
}

/* Add, duplicate, delete (and its toast's Undo), move, indent and
 * outdent, each checked in the file. */
static void
test_structure (void)
{
  g_autofree char *path = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *screenshot = NULL;
  FitaWindow *window = open_terrassa ("structure.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaPlan *plan = fita_window_get_plan (window);
  gint64 added_id;

  /* Add after 11.2: 11.3, and the others after it. */
  select_code (window, "11.2");
  activate (window, "outline.add-after");
  added_id = fita_outline_get_selected_id (outline);
  g_assert_cmpint (added_id, !=, id_of (window, "11.2"));
  g_assert_cmpint (((FitaItem *)fita_plan_lookup (plan, FITA_TABLE_ITEM, added_id))->position, ==, 2);
  g_assert_cmpint (fita_item_editor_get_item_id (fita_window_get_item_editor (window)), ==, added_id);
  /* "11.3" is taken: the new item waits for a code (or Renumber Codes). */
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 - 11.3 11.4 11.5");
  g_assert_cmpint (fita_plan_list (plan, FITA_TABLE_ITEM, id_of (window, "11"))->len, ==, 6);
  g_assert_cmpuint (n_rows (window), ==, 9);
  activate (window, "win.undo");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");
  g_assert_cmpuint (n_rows (window), ==, 8);

  /* Add a child to 11.5: it unfolds to show it. */
  select_code (window, "11.5");
  activate (window, "outline.add-child");
  g_free (codes);
  codes = codes_in_file (path, "11.5");
  g_assert_cmpstr (codes, ==, "11.5.1");
  g_assert_cmpuint (n_rows (window), ==, 9);
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.5.1"));
  activate (window, "win.undo");
  g_assert_cmpuint (n_rows (window), ==, 8);

  /* Duplicate 11.1: the copy comes right after it, with the next free code
   * of the list */
  select_code (window, "11.1");
  activate (window, "outline.duplicate");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.6 11.2 11.3 11.4 11.5");
  g_assert_cmpint (fita_outline_get_selected_id (outline), !=, id_of (window, "11.1"));

  /* Renumber Codes on 11 gives its children codes in order again. */
  select_code (window, "11");
  activate (window, "outline.renumber");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5 11.6");
  g_assert_cmpstr (row_title (window, "11.2"), ==, "Radiografia d'agents i antenes dels barris");
  activate (window, "win.undo");
  activate (window, "win.undo");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");

  /* Delete 11.3; the toast's Undo brings it back. */
  select_code (window, "11.3");
  activate (window, "outline.delete");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.4 11.5");
  g_assert_cmpuint (n_rows (window), ==, 7);
  /* The next one is selected, so Delete again goes on down the list. */
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.4"));
  g_assert_true (wait_until (shows_undo_toast, window));
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "deleted-toast");
  assert_png (screenshot, 800, 500);
  click (find_descendant (GTK_WIDGET (window), is_button_labelled, "_Undo"));
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");
  g_assert_cmpuint (n_rows (window), ==, 8);
  /* What came back is selected. */
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.3"));

  /* Move 11.3 up, then down again. */
  activate (window, "outline.move-up");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.3 11.2 11.4 11.5");
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.3"));
  activate (window, "outline.move-down");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");

  /* Indent 11.3 under 11.2, which unfolds to show it; outdent it back. */
  activate (window, "outline.indent");
  g_free (codes);
  codes = codes_in_file (path, "11.2");
  g_assert_cmpstr (codes, ==, "11.3");
  g_assert_cmpuint (n_rows (window), ==, 8);
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), is_row_of, "11.3"));
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.3"));
  activate (window, "outline.outdent");
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");
  g_free (codes);
  codes = codes_in_file (path, "11.2");
  g_assert_cmpstr (codes, ==, "");

  /* Menu and Shift+F10 open the selected row's menu. */
  activate (window, "outline.context-menu");
  g_assert_true (wait_until (shows_context_menu, outline));
  gtk_popover_popdown (GTK_POPOVER (find_of_type (GTK_WIDGET (outline), GTK_TYPE_POPOVER_MENU)));

  /* The first item cannot move up nor be indented. */
  select_code (window, "11.1");
  g_assert_false (gtk_widget_get_sensitive (find_descendant (GTK_WIDGET (window), has_icon, "go-up-symbolic")));
  g_assert_false (gtk_widget_get_sensitive (find_descendant (GTK_WIDGET (window), has_icon, "format-indent-more-symbolic")));
  g_assert_true (gtk_widget_get_sensitive (find_descendant (GTK_WIDGET (window), has_icon, "go-down-symbolic")));

  close_all_windows ();
}

/* Dropping a row before, after or into another. */
static void
test_drop (void)
{
  g_autofree char *path = NULL;
  g_autofree char *codes = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *window = open_terrassa ("drop.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);

  g_assert_true (fita_outline_drop_item (outline, id_of (window, "11.5"), id_of (window, "11.1"),
                                         FITA_DROP_BEFORE, &error));
  g_assert_no_error (error);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.5 11.1 11.2 11.3 11.4");

  g_assert_true (fita_outline_drop_item (outline, id_of (window, "11.5"), id_of (window, "11.4"),
                                         FITA_DROP_AFTER, &error));
  g_free (codes);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");

  g_assert_true (fita_outline_drop_item (outline, id_of (window, "11.5"), id_of (window, "11.4"),
                                         FITA_DROP_INTO, &error));
  g_free (codes);
  codes = codes_in_file (path, "11.4");
  g_assert_cmpstr (codes, ==, "11.5");
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.5"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), is_row_of, "11.5"));

  /* Not into itself, nor below itself. */
  g_assert_false (fita_outline_drop_item (outline, id_of (window, "11"), id_of (window, "11.5"),
                                          FITA_DROP_INTO, &error));
  g_assert_nonnull (error);
  g_free (codes);
  codes = codes_in_file (path, "O3.A1");
  g_assert_cmpstr (codes, ==, "11");

  close_all_windows ();
}

/* Two items' status in one change, undone at once. */
static void
test_bulk_edit (void)
{
  g_autofree char *path = NULL;
  g_autofree char *screenshot = NULL;
  FitaWindow *window = open_terrassa ("bulk.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaPlan *plan = fita_window_get_plan (window);
  FitaStatus *done = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "Acabat");
  FitaAgent *agent = fita_plan_find_by_name (plan, FITA_TABLE_AGENT, "Servei d'Emprenedoria i Economia Social");
  GtkWidget *bar = find_descendant (GTK_WIDGET (window), has_css_class, "bulk-bar");
  gint64 done_id = done->rec.id;
  gint64 agent_id = agent->rec.id;

  select_code (window, "11.3");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  g_assert_true (fita_outline_add_to_selection (outline, id_of (window, "11.4")));
  g_assert_cmpuint (fita_outline_get_n_selected (outline), ==, 2);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (bar)));
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "bulk-edit");
  assert_png (screenshot, 800, 500);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.bulk-status", "x", done_id));
  g_assert_cmpuint (fita_outline_get_n_selected (outline), ==, 2);
  {
    g_autoptr(FitaPlan) saved = reopen (path);
    FitaStatus *saved_done = fita_plan_find_by_name (saved, FITA_TABLE_STATUS, "Acabat");

    g_assert_cmpint (fita_plan_find_item (saved, "11.3")->status_id, ==, saved_done->rec.id);
    g_assert_cmpint (fita_plan_find_item (saved, "11.4")->status_id, ==, saved_done->rec.id);
  }
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Set Status");

  /* One undo puts both back. */
  activate (window, "win.undo");
  {
    g_autoptr(FitaPlan) saved = reopen (path);
    FitaStatus *not_started = fita_plan_find_by_name (saved, FITA_TABLE_STATUS, "No iniciat");

    g_assert_cmpint (fita_plan_find_item (saved, "11.3")->status_id, ==, not_started->rec.id);
    g_assert_cmpint (fita_plan_find_item (saved, "11.4")->status_id, ==, not_started->rec.id);
  }
  /* Still both selected. */
  g_assert_cmpuint (fita_outline_get_n_selected (outline), ==, 2);

  /* A responsible agent, added once each. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.bulk-agent", "x", agent_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.bulk-agent", "x", agent_id));
  {
    g_autoptr(FitaPlan) saved = reopen (path);
    GPtrArray *who = fita_plan_list (saved, FITA_TABLE_RESPONSIBILITY, fita_plan_find_item (saved, "11.3")->rec.id);

    g_assert_cmpuint (who->len, ==, 1);
    g_assert_cmpint (((FitaResponsibility *)g_ptr_array_index (who, 0))->role, ==, FITA_ROLE_EXECUTES);
    who = fita_plan_list (saved, FITA_TABLE_RESPONSIBILITY, fita_plan_find_item (saved, "11.4")->rec.id);
    g_assert_cmpuint (who->len, ==, 1);
  }

  /* Years, and a wrong pair refused whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.bulk-years", "(xx)",
                                             (gint64)2025, (gint64)2026));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.bulk-years", "(xx)",
                                             (gint64)2027, (gint64)2026));
  {
    g_autoptr(FitaPlan) saved = reopen (path);

    g_assert_cmpint (fita_plan_find_item (saved, "11.3")->start_year, ==, 2025);
    g_assert_cmpint (fita_plan_find_item (saved, "11.4")->end_year, ==, 2026);
  }
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Set Years");

  /* Deleting both at once, undone at once. */
  activate (window, "outline.delete");
  g_assert_cmpuint (n_rows (window), ==, 6);
  activate (window, "win.undo");
  g_assert_cmpuint (n_rows (window), ==, 8);

  close_all_windows ();
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A change of the plan reaches the rows through their items' properties,
 * bound in the row's template: no one refreshes a row by hand. The
 * outline takes its plan as a property. */
static void
test_bound_rows (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("bound.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaPlan *plan = fita_window_get_plan (window);
  FitaStatus *done = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "Acabat");
  FitaItemObject *object = fita_item_tree_lookup (fita_outline_get_tree (outline), id_of (window, "11.3"));
  g_autoptr(GError) error = NULL;
  g_autofree char *status_name = NULL;
  g_autoptr(FitaPlan) bound_plan = NULL;
  GtkWidget *row, *badge, *lone;
  guint title_notes = 0, status_notes = 0, code_notes = 0, plan_notes = 0;

  g_assert_nonnull (done);
  g_assert_nonnull (object);
  g_assert_cmpstr (fita_item_object_get_code (object), ==, "11.3");
  g_signal_connect (object, "notify::title", G_CALLBACK (count_notify_cb), &title_notes);
  g_signal_connect (object, "notify::status-name", G_CALLBACK (count_notify_cb), &status_notes);
  g_signal_connect (object, "notify::code", G_CALLBACK (count_notify_cb), &code_notes);

  fita_plan_begin (plan, "Edit");
  fita_plan_set_text (plan, fita_plan_find_item (plan, "11.3"), "title", "Fira bound", NULL);
  fita_plan_set_int (plan, fita_plan_find_item (plan, "11.3"), "status_id", done->rec.id, NULL);
  g_assert_true (fita_plan_end (plan, &error));
  g_assert_no_error (error);

  /* Each property told once; the code did not change, so not at all. */
  g_assert_cmpuint (title_notes, ==, 1);
  g_assert_cmpuint (status_notes, ==, 1);
  g_assert_cmpuint (code_notes, ==, 0);
  g_object_get (object, "status-name", &status_name, NULL);
  g_assert_cmpstr (status_name, ==, "Acabat");

  settle ();
  g_assert_cmpstr (row_title (window, "11.3"), ==, "Fira bound");
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11.3");
  badge = find_descendant (row, is_of_type, GSIZE_TO_POINTER (FITA_TYPE_STATUS_BADGE));
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));
  {
    g_autofree char *badge_name = NULL;

    g_object_get (badge, "name", &badge_name, NULL);
    g_assert_cmpstr (badge_name, ==, "Acabat");
  }

  /* Undo: back as it was, through the same properties. */
  activate (window, "win.undo");
  settle ();
  g_assert_cmpuint (title_notes, ==, 2);
  g_assert_cmpstr (row_title (window, "11.3"), !=, "Fira bound");

  g_signal_handlers_disconnect_by_func (object, count_notify_cb, &title_notes);
  g_signal_handlers_disconnect_by_func (object, count_notify_cb, &status_notes);
  g_signal_handlers_disconnect_by_func (object, count_notify_cb, &code_notes);

  /* "plan": readwrite, told only when it changes. */
  lone = g_object_ref_sink (fita_outline_new ());
  g_signal_connect (lone, "notify::plan", G_CALLBACK (count_notify_cb), &plan_notes);
  g_object_set (lone, "plan", plan, NULL);
  g_object_set (lone, "plan", plan, NULL);
  g_assert_cmpuint (plan_notes, ==, 1);
  g_object_get (lone, "plan", &bound_plan, NULL);
  g_assert_true (bound_plan == plan);
  fita_outline_set_plan (FITA_OUTLINE (lone), NULL);
  g_assert_cmpuint (plan_notes, ==, 2);
  g_object_unref (lone);

  close_all_windows ();
}

/* Ctrl+F's bar: text (accents aside) and status filter; Escape clears. */
static void
test_search (void)
{
  g_autofree char *path = NULL;
  g_autofree char *screenshot = NULL;
  FitaWindow *window = open_terrassa ("search.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaPlan *plan = fita_window_get_plan (window);
  FitaStatus *ongoing = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "En curs");
  FitaFilter filter = { "accio", 0, 0, FITA_NONE };
  GtkWidget *row;

  activate (window, "win.search");
  g_assert_true (fita_outline_get_search_mode (outline));

  /* "accio" finds "accions" (O3.A1) and "acció" (11.2); their parents stay. */
  fita_outline_set_filter (outline, &filter);
  g_assert_cmpuint (n_rows (window), ==, 4);
  g_assert_true (fita_outline_is_match (outline, id_of (window, "O3.A1")));
  g_assert_true (fita_outline_is_match (outline, id_of (window, "11.2")));
  g_assert_false (fita_outline_is_match (outline, id_of (window, "11")));
  settle ();
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11.2");
  g_assert_true (fita_item_row_get_match (FITA_ITEM_ROW (row)));
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11");
  g_assert_false (fita_item_row_get_match (FITA_ITEM_ROW (row)));
  g_assert_null (find_descendant (GTK_WIDGET (window), is_row_of, "11.1"));
  screenshot = save_screenshot (GTK_WIDGET (window), "search");
  assert_png (screenshot, 800, 500);

  /* In progress: 11.1, 11.2 and 11.5. */
  filter.text = NULL;
  filter.status_id = ongoing->rec.id;
  fita_outline_set_filter (outline, &filter);
  g_assert_cmpuint (n_rows (window), ==, 6);

  /* In 2024, by their years: the same three. */
  filter.status_id = 0;
  filter.year = 2024;
  fita_outline_set_filter (outline, &filter);
  g_assert_cmpuint (n_rows (window), ==, 6);

  /* Nothing found: says so. */
  filter.text = "no hi ha res així";
  filter.year = FITA_NONE;
  fita_outline_set_filter (outline, &filter);
  g_assert_cmpuint (n_rows (window), ==, 0);

  /* Escape: all back, unfolded as before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.stop-search", NULL));
  g_assert_false (fita_outline_get_search_mode (outline));
  g_assert_cmpuint (n_rows (window), ==, 8);
  g_assert_false (fita_outline_is_match (outline, id_of (window, "11.2")));

  close_all_windows ();
}

static GtkWidget *
search_entry_of (FitaOutline *outline)
{
  GtkWidget *entry = find_of_type (GTK_WIDGET (outline), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Sends key to widget through the shortcut controller named name, as the
 * key pressed there would. */
static gboolean
press_shortcut (GtkWidget       *widget,
                const char      *name,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), name) != 0)
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

/* Enter in the search goes to the first item found, not to the first row
 * (an ancestor shown only to place it); Ctrl+F again goes back to the
 * query and keeps it. */
static void
test_search_keys (void)
{
  FitaWindow *window = open_terrassa ("search-keys.fita", NULL);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaFilter filter = { "accio", 0, 0, FITA_NONE };
  GtkWidget *entry = search_entry_of (outline);
  g_autoptr(GtkTreeListRow) first = NULL;

  activate (window, "win.search");
  fita_outline_set_filter (outline, &filter);
  settle ();
  first = g_list_model_get_item (fita_outline_get_model (outline), 0);
  g_assert_false (fita_outline_is_match (outline, fita_item_object_get_id (gtk_tree_list_row_get_item (first))));
  g_object_unref (gtk_tree_list_row_get_item (first));

  g_signal_emit_by_name (entry, "activate");
  g_assert_true (fita_outline_is_match (outline, fita_outline_get_selected_id (outline)));
  g_assert_cmpuint (fita_outline_get_n_selected (outline), ==, 1);

  /* Ctrl+F while searching: still searching, the query kept, typed into. */
  activate (window, "win.search");
  settle ();
  g_assert_true (fita_outline_get_search_mode (outline));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "accio");
  g_assert_true (has_focus_within (entry));
  g_assert_cmpuint (n_rows (window), ==, 4);

  close_all_windows ();
}

/* The outline's list of items (the filters' drop-downs have lists too). */
static gboolean
is_items_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "outline");
}

/* The tree is one stop of Tab: Tab and Shift+Tab leave it at once,
 * whichever row has the focus. */
static void
test_tab_stop (void)
{
  FitaWindow *window = open_terrassa ("tab-stop.fita", NULL);
  FitaOutline *outline = fita_window_get_outline (window);
  GtkWidget *list = find_descendant (GTK_WIDGET (outline), is_items_list, NULL);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus;

  select_code (window, "11.2");
  gtk_widget_grab_focus (GTK_WIDGET (outline));
  settle ();
  g_assert_true (has_focus_within (list));

  g_assert_true (press_shortcut (list, "outline-tab-stop", GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_false (has_focus_within (list));
  g_assert_true (gtk_widget_get_mapped (focus));

  /* Back into the tree, on another row, then out the other way. */
  select_code (window, "11.4");
  gtk_widget_grab_focus (GTK_WIDGET (outline));
  g_assert_true (has_focus_within (list));
  g_assert_true (press_shortcut (list, "outline-tab-stop", GDK_KEY_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_false (has_focus_within (list));
  g_assert_true (gtk_widget_get_mapped (focus));
  /* The tree still takes the focus afterwards. */
  g_assert_true (gtk_widget_get_can_focus (list));

  close_all_windows ();
}

static gboolean
is_menu_button_labelled (GtkWidget     *widget,
                         gconstpointer  label)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

/* Rows and status pills have names for screen readers; a menu button's
 * tooltip does not cover its open menu. */
static void
test_outline_accessible (void)
{
  FitaWindow *window = open_terrassa ("accessible.fita", NULL);
  FitaOutline *outline = fita_window_get_outline (window);
  GtkWidget *row, *badge, *button, *popover;
  g_autofree char *label = NULL;
  char *error;

  settle ();
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11.1");
  label = fita_item_object_describe (fita_item_row_get_item (FITA_ITEM_ROW (row)), fita_lang_from_locale ());
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_null (error);
  /* The list item around it, which a screen reader reads as it takes the
   * focus; the expander between says nothing of its own (labelled by the
   * row, it would be read twice) */
  for (GtkWidget *up = gtk_widget_get_parent (row); !GTK_IS_LIST_VIEW (up); up = gtk_widget_get_parent (up))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (up)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
      {
        error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
        g_assert_null (error);
      }
    else
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL));
  badge = find_descendant (row, is_of_type, GSIZE_TO_POINTER (FITA_TYPE_STATUS_BADGE));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, "Status: En curs");
  g_assert_null (error);

  /* Two selected: the bar to edit both, with the status menu. */
  select_code (window, "11.1");
  g_assert_true (fita_outline_add_to_selection (outline, id_of (window, "11.2")));
  settle ();
  button = find_descendant (GTK_WIDGET (outline), is_menu_button_labelled, "St_atus");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (wait_until (is_shown, popover));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  settle ();
  g_assert_true (gtk_widget_get_has_tooltip (button));

  close_all_windows ();
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) && gtk_label_get_label (GTK_LABEL (widget)) != NULL;
}

/* In Catalan, the status filter reads "Qualsevol estat" whole, and the
 * other filters keep theirs. */
static void
test_filters_catalan (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *screenshot = NULL;
  FitaWindow *window;
  FitaOutline *outline;
  GtkWidget *dropdown, *label;

  g_setenv ("LANGUAGE", "ca", TRUE);
  window = open_terrassa ("filtres.fita", NULL);
  outline = fita_window_get_outline (window);
  activate (window, "win.search");
  settle ();

  dropdown = find_of_type (GTK_WIDGET (outline), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  label = find_descendant (dropdown, is_shown_label, NULL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "Qualsevol estat");
  screenshot = save_screenshot (GTK_WIDGET (window), "outline-filters-ca");
  assert_png (screenshot, 800, 500);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  /* Nor are the others cut for it: "Qualsevol" (anyone), "Qualsevol any". */
  for (GtkWidget *other = gtk_widget_get_next_sibling (dropdown); other != NULL; other = gtk_widget_get_next_sibling (other))
    {
      label = find_descendant (other, is_shown_label, NULL);
      g_assert_nonnull (label);
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), "Qualsevol"));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
    }

  close_all_windows ();
  restore_language (language);
}

/* Folding and unfolding the selected row, as Left and Right do. */
static void
test_fold (void)
{
  FitaWindow *window = open_terrassa ("fold.fita", NULL);
  FitaOutline *outline = fita_window_get_outline (window);
  GListModel *model = fita_outline_get_model (outline);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);

  /* 11 folds away its five actions, and unfolds them again. */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 2, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.collapse", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.expand", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);

  /* O3 folds everything; unfolded again, all comes back unfolded. */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.collapse", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.expand", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 8);

  close_all_windows ();
}

/* What is unfolded is kept per file, for the next time it opens. */
static void
test_expanded_state (void)
{
  g_autofree char *path = NULL;
  g_autofree char *other = NULL;
  FitaWindow *window = open_terrassa ("remember.fita", &path);

  select_code (window, "11");
  activate (window, "outline.collapse");
  g_assert_cmpuint (n_rows (window), ==, 3);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_until (no_windows, NULL));

  open_path (path);
  window = find_window_with_plan (path);
  wait_for_row (window, "11");
  g_assert_cmpuint (n_rows (window), ==, 3);
  close_all_windows ();

  /* Another file is its own matter. */
  window = open_terrassa ("remember-not.fita", &other);
  g_assert_cmpuint (n_rows (window), ==, 8);
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  /* The outline's accessible names are read back through GTK's test
   * accessibility backend (no screen reader bus here). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  start_app (&argc, &argv);

  g_test_add_func ("/ui/outline/outline", test_outline);
  g_test_add_func ("/ui/outline/figures", test_figures);
  g_test_add_func ("/ui/outline/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/ui/outline/structure", test_structure);
  g_test_add_func ("/ui/outline/drop", test_drop);
  g_test_add_func ("/ui/outline/bulk-edit", test_bulk_edit);
  g_test_add_func ("/ui/outline/search", test_search);
  g_test_add_func ("/ui/outline/bound-rows", test_bound_rows);
  g_test_add_func ("/ui/outline/search-keys", test_search_keys);
  g_test_add_func ("/ui/outline/tab-stop", test_tab_stop);
  g_test_add_func ("/ui/outline/outline-accessible", test_outline_accessible);
  g_test_add_func ("/ui/outline/filters-catalan", test_filters_catalan);
  g_test_add_func ("/ui/outline/fold", test_fold);
  g_test_add_func ("/ui/outline/expanded-state", test_expanded_state);

  return run_app_tests ();
}
