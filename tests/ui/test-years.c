/* test-years.c: the plan's years in the window (docs/YEARS.md): closing
 * the year followed up from the main menu and its dialog, the year
 * drop-down, a closed year shown read-only with its banner in every page,
 * reopening, undoing; refusals; the shortcut; screenshots in English and
 * Catalan. */
#include "config.h"

#include <string.h>

#include "fita-error.h"
#include "fita-item-object.h"
#include "fita-window-test.h"
#include "fita-year-banner.h"
#include "fita-year-selector.h"
#include "fita-years.h"

static gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static FitaYearSelector *
selector_of (FitaWindow *window)
{
  return FITA_YEAR_SELECTOR (find_of_type (GTK_WIDGET (window), FITA_TYPE_YEAR_SELECTOR));
}

static FitaYearBanner *
banner_of (FitaWindow *window)
{
  return FITA_YEAR_BANNER (find_of_type (GTK_WIDGET (window), FITA_TYPE_YEAR_BANNER));
}

/* The drop-down lists exactly these, separated by "|". */
static void
assert_years_listed (FitaWindow *window,
                     const char *expected)
{
  g_auto(GStrv) listed = fita_year_selector_list (selector_of (window));
  g_autofree char *joined = g_strjoinv ("|", listed);

  g_assert_cmpstr (joined, ==, expected);
}

/* Whether the main menu has an item labelled label for action, looking
 * into its sections and submenus. */
static gboolean
menu_has (GMenuModel *model,
          const char *label,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_label, label) && g_str_equal (item_action, action))
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          gboolean found = menu_has (linked, label, action);

          g_object_unref (linked);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether the window's action win.NAME is enabled: as a button for it in
 * the header bar sees it (made once). */
static gboolean
menu_action_enabled (FitaWindow *window,
                     const char *name)
{
  g_autofree char *action = g_strconcat ("win.", name, NULL);
  GtkWidget *button = find_descendant (GTK_WIDGET (window), is_button_labelled, action);

  if (button == NULL)
    {
      button = gtk_button_new_with_label (action);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      adw_header_bar_pack_start (ADW_HEADER_BAR (find_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)), button);
    }
  return gtk_widget_get_sensitive (button);
}

static GMenuModel *
main_menu (FitaWindow *window)
{
  return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window), is_primary_menu, NULL)));
}

/* The first item at the bottom of the tree under "11" with a progress:
 * its code. */
static const char *
leaf_with_progress (FitaPlan *plan)
{
  static const char * const codes[] = { "11.1", "11.2", "11.3", "11.4", "11.5" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      FitaItem *item = fita_plan_find_item (plan, codes[i]);

      if (item != NULL && fita_plan_item_is_leaf (plan, item) && item->progress_bp != FITA_NONE)
        return codes[i];
    }
  g_assert_not_reached ();
}

/* The progress the outline's row of code shows. */
static gint64
row_progress (FitaWindow *window,
              const char *code)
{
  GtkWidget *row;

  wait_for_row (window, code);
  row = find_descendant (GTK_WIDGET (window), is_row_of, code);
  return fita_item_object_get_progress_bp (fita_item_row_get_item (FITA_ITEM_ROW (row)));
}

static void
set_progress (FitaPlan   *plan,
              const char *code,
              gint64      progress_bp)
{
  g_autoptr(GError) error = NULL;

  fita_plan_begin (plan, "Edit Progress");
  fita_plan_set_int (plan, fita_plan_find_item (plan, code), "progress", progress_bp, NULL);
  g_assert_true (fita_plan_end (plan, &error));
  g_assert_no_error (error);
}

static void
close_through_dialog (FitaWindow *window,
                      int         year,
                      const char *shot_name)
{
  AdwMessageDialog *dialog;

  activate (window, "win.close-year");
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  if (shot_name != NULL)
    {
      g_autofree char *shot = NULL;

      g_assert_true (wait_until (is_shown, dialog));
      settle ();
      shot = save_screenshot (GTK_WIDGET (dialog), shot_name);
      assert_png (shot, 300, 200);
    }
  /* the button the "close" response has, in whatever language it speaks */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "close");
  respond (dialog, adw_message_dialog_get_response_label (dialog, "close"));
}

/* Closing 2024 (Terrassa's year followed up), looking at it while 2025 is
 * edited, going back, reopening, undoing. */
static void
test_close_view_reopen (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("years.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  GSettings *settings = fita_application_get_settings (app);
  FitaYearBanner *banner = banner_of (window);
  FitaOutline *outline = fita_window_get_outline (window);
  AdwMessageDialog *dialog;
  FitaYearClosure *closure;
  FitaPlan *shown;
  g_autoptr(FitaPlan) outline_plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expected = NULL;
  const char *code;
  gint64 old_progress;
  gint64 new_progress;
  GtkWidget *add_button;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_settings_set_string (settings, "officer-name", "Anna Puig");
  g_assert_cmpint (fita_plan_get_info (plan)->followed_year, ==, 2024);
  assert_years_listed (window, "2024 · followed up");
  /* nothing to choose yet: the header bar keeps its room */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (selector_of (window))));
  g_assert_false (fita_year_banner_is_shown (banner));
  g_assert_true (menu_has (main_menu (window), "Clo_se 2024…", "win.close-year"));
  g_assert_false (menu_has (main_menu (window), "_Reopen 2024…", "win.reopen-year"));

  /* The dialog sums up what is kept; Cancel keeps the year open. */
  activate (window, "win.close-year");
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Close 2024?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2025 becomes the year followed up"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be changed"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_label_with, "Executed in 2024"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_label_with, "Anna Puig"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "close"), ==, "_Close 2024");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "close"), ==, ADW_RESPONSE_SUGGESTED);
  respond (dialog, "_Cancel");
  g_assert_false (fita_plan_is_year_closed (plan, 2024));

  close_through_dialog (window, 2024, "years-close-dialog");
  g_assert_true (fita_plan_is_year_closed (plan, 2024));
  g_assert_cmpint (fita_plan_get_info (plan)->followed_year, ==, 2025);
  closure = fita_plan_get_closure (plan, 2024);
  g_assert_cmpstr (closure->closed_by, ==, "Anna Puig");
  assert_years_listed (window, "2025 · followed up|2024 · closed");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (selector_of (window))));
  g_assert_true (menu_has (main_menu (window), "Clo_se 2025…", "win.close-year"));
  g_assert_true (menu_has (main_menu (window), "_Reopen 2024…", "win.reopen-year"));
  g_assert_cmpint (fita_window_get_year (window), ==, 0);

  /* 2025's figures move on. */
  code = leaf_with_progress (plan);
  select_code (window, code);
  old_progress = fita_plan_find_item (plan, code)->progress_bp;
  new_progress = old_progress == 10000 ? 5000 : 10000;
  set_progress (plan, code, new_progress);
  g_assert_cmpint (row_progress (window, code), ==, new_progress);

  /* 2024, chosen in the drop-down, as it stood. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_of_type (GTK_WIDGET (selector_of (window)), GTK_TYPE_DROP_DOWN)), 1);
  g_assert_cmpint (fita_window_get_year (window), ==, 2024);
  shown = fita_window_get_shown_plan (window);
  g_assert_true (shown != plan);
  g_assert_true (fita_plan_is_read_only (shown));
  g_assert_cmpint (fita_plan_get_view_year (shown), ==, 2024);
  g_object_get (outline, "plan", &outline_plan, NULL);
  g_assert_true (outline_plan == shown);
  g_assert_cmpint (row_progress (window, code), ==, old_progress);
  /* the item stays selected, and the editor is on 2024 */
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, fita_plan_find_item (shown, code)->rec.id);
  g_assert_cmpint (fita_item_editor_get_year (fita_window_get_item_editor (window)), ==, 2024);

  /* Nothing changes it: the buttons that would are insensitive, Undo
   * too, and the plan refuses with words. */
  add_button = find_descendant (GTK_WIDGET (outline), has_icon, "list-add-symbolic");
  g_assert_nonnull (add_button);
  g_assert_false (gtk_widget_is_sensitive (add_button));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_descendant (GTK_WIDGET (window), has_icon, "edit-undo-symbolic"))));
  fita_plan_begin (shown, "Edit Progress");
  fita_plan_set_int (shown, fita_plan_find_item (shown, code), "progress", 0, NULL);
  g_assert_false (fita_plan_end (shown, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);

  /* The banner says which year, when, by whom; the subtitle too. */
  g_assert_true (fita_year_banner_is_shown (banner));
  date = fita_year_format_closing_date (closure->closed_at);
  expected = g_strdup_printf ("You are looking at the plan as it stood when 2024 was closed (on %s, by Anna Puig). It cannot be changed.", date);
  g_assert_cmpstr (fita_year_banner_get_text (banner), ==, expected);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fita_year_banner_get_button (banner))), ==, "_Back to 2025");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "closed year 2024"));
  g_assert_true (wait_until (is_shown, banner));
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "years-closed-view");
  assert_png (shot, 1000, 700);
  g_clear_pointer (&shot, g_free);
  /* narrow: the banner wraps, the drop-down stays */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 800);
  settle ();
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "years-closed-view-800");
  assert_png (shot, 700, 700);
  g_clear_pointer (&shot, g_free);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  settle ();

  /* Every page shows 2024. */
  {
    static const char * const pages[] = { "timeline", "budget", "reports", "plan", "governance", "participation" };
    AdwViewStack *stack = ADW_VIEW_STACK (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GtkWidget *page = adw_view_stack_get_child_by_name (stack, pages[i]);
        g_autoptr(FitaPlan) page_plan = NULL;

        g_object_get (page, "plan", &page_plan, NULL);
        g_assert_true (page_plan == shown);
      }
    adw_view_stack_set_visible_child_name (stack, "budget");
    settle ();
    shot = save_screenshot (GTK_WIDGET (window), "years-closed-budget");
    assert_png (shot, 1000, 700);
    g_clear_pointer (&shot, g_free);
    adw_view_stack_set_visible_child_name (stack, "items");
  }

  /* (after the screenshots: the probe is a button in the header bar) */
  g_assert_false (menu_action_enabled (window, "import"));

  /* Changes to 2025 leave the year chosen as it is. */
  set_progress (plan, code, old_progress == 0 ? 2500 : 0);
  set_progress (plan, code, new_progress);
  g_assert_cmpint (fita_window_get_year (window), ==, 2024);
  g_assert_true (fita_window_get_shown_plan (window) == shown);
  assert_years_listed (window, "2025 · followed up|2024 · closed");

  /* Back to 2025, by the banner's button. */
  click (fita_year_banner_get_button (banner));
  g_assert_cmpint (fita_window_get_year (window), ==, 0);
  g_assert_true (fita_window_get_shown_plan (window) == plan);
  g_assert_false (fita_year_banner_is_shown (banner));
  g_assert_cmpint (row_progress (window, code), ==, new_progress);
  g_assert_true (gtk_widget_is_sensitive (add_button));
  g_assert_true (menu_action_enabled (window, "import"));

  /* Reopening warns, and is destructive. */
  activate (window, "win.reopen-year");
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reopen 2024?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "will be dropped"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "goes back from 2025 to 2024"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reopen"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (wait_until (is_shown, dialog));
  settle ();
  shot = save_screenshot (GTK_WIDGET (dialog), "years-reopen-dialog");
  assert_png (shot, 300, 150);
  g_clear_pointer (&shot, g_free);
  respond (dialog, "_Reopen 2024");
  g_assert_false (fita_plan_is_year_closed (plan, 2024));
  g_assert_cmpint (fita_plan_get_info (plan)->followed_year, ==, 2024);
  assert_years_listed (window, "2024 · followed up");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (selector_of (window))));
  g_assert_false (menu_has (main_menu (window), "_Reopen 2024…", "win.reopen-year"));

  /* Undone, 2024 is closed again; shown, then the close undone too while
   * it is shown: the window goes back to the year followed up. */
  activate (window, "win.undo");
  g_assert_true (fita_plan_is_year_closed (plan, 2024));
  assert_years_listed (window, "2025 · followed up|2024 · closed");
  fita_window_set_year (window, 2024);
  g_assert_cmpint (fita_window_get_year (window), ==, 2024);
  /* (Undo is off in the window while a closed year shows: the plan's own
   * undo stands for another window or the toast.) */
  for (int i = 0; i < 4; i++)
    {
      g_assert_true (fita_plan_undo (plan, &error));
      g_assert_no_error (error);
    }
  g_assert_false (fita_plan_is_year_closed (plan, 2024));
  g_assert_cmpint (fita_plan_get_info (plan)->followed_year, ==, 2024);
  g_assert_cmpint (fita_window_get_year (window), ==, 0);
  g_assert_true (fita_window_get_shown_plan (window) == plan);
  g_assert_false (fita_year_banner_is_shown (banner));
  assert_years_listed (window, "2024 · followed up");
  g_assert_cmpint (row_progress (window, code), ==, old_progress);

  g_settings_reset (settings, "officer-name");
  close_all_windows ();
}

static gboolean
shows_undo_toast (gpointer window)
{
  return find_descendant (window, is_button_labelled, "_Undo") != NULL;
}

/* The toast after closing undoes it. */
static void
test_toast_undo (void)
{
  FitaWindow *window = open_terrassa ("years-toast.fita", NULL);
  FitaPlan *plan = fita_window_get_plan (window);

  close_through_dialog (window, 2024, NULL);
  g_assert_true (fita_plan_is_year_closed (plan, 2024));
  g_assert_true (wait_until (shows_undo_toast, window));
  g_assert_nonnull (find_descendant (GTK_WIDGET (window), is_label_with, "2024 closed"));
  click (find_descendant (GTK_WIDGET (window), is_button_labelled, "_Undo"));
  g_assert_false (fita_plan_is_year_closed (plan, 2024));
  g_assert_cmpint (fita_plan_get_info (plan)->followed_year, ==, 2024);
  assert_years_listed (window, "2024 · followed up");

  close_all_windows ();
}

static gboolean
shows_refusal (gpointer data)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  return dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), "2027 could not be closed") == 0;
}

/* The core's refusals, in its words: past the plan's period. */
static void
test_refusal (void)
{
  FitaWindow *window = open_terrassa ("years-refused.fita", NULL);
  FitaPlan *plan = fita_window_get_plan (window);
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  for (int year = 2024; year <= 2026; year++)
    {
      g_assert_true (fita_plan_close_year (plan, year, "Test", &error));
      g_assert_no_error (error);
    }
  assert_years_listed (window, "2027 · followed up|2026 · closed|2025 · closed|2024 · closed");
  g_assert_true (menu_has (main_menu (window), "_Reopen 2026…", "win.reopen-year"));

  activate (window, "win.close-year");
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Close 2027?");
  g_assert_true (gtk_widget_activate (find_descendant (GTK_WIDGET (dialog), is_button_labelled, "_Close 2027")));
  /* the refusal, in a dialog of its own */
  g_assert_true (wait_until (shows_refusal, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "2027 could not be closed");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "2027 cannot be closed: the plan's period ends in 2026.");
  close_message_dialog (dialog);
  g_assert_false (fita_plan_is_year_closed (plan, 2027));

  close_all_windows ();
}

/* A plan open read-only closes and reopens nothing, but shows its years. */
static void
test_read_only (void)
{
  g_autofree char *path = NULL;
  FitaWindow *first = open_terrassa ("years-read-only.fita", &path);
  g_autoptr(FitaPlan) second = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *window;

  g_assert_true (fita_plan_close_year (fita_window_get_plan (first), 2024, "Test", &error));
  g_assert_no_error (error);
  second = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (second));
  window = fita_window_new (GTK_APPLICATION (app));
  fita_window_set_plan (window, second);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_row (window, "11.5");

  /* (disabled: activating them does nothing) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-year", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reopen-year", NULL);
  drain ();
  g_assert_null (find_message_dialog ());
  assert_years_listed (window, "2025 · followed up|2024 · closed");
  fita_window_set_year (window, 2024);
  g_assert_true (fita_year_banner_is_shown (banner_of (window)));

  close_all_windows ();
}

static gboolean
popover_shown (gpointer data)
{
  GtkWidget *popover = find_of_type (data, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* Ctrl+Shift+Y (Ctrl+Y is Redo) opens the drop-down; Tab reaches it. */
static void
test_keyboard (void)
{
  FitaWindow *window = open_terrassa ("years-keys.fita", NULL);
  g_autoptr(GError) error = NULL;
  gboolean closed = fita_plan_close_year (fita_window_get_plan (window), 2024, "Test", &error);
  GtkWidget *drop_down = find_of_type (GTK_WIDGET (selector_of (window)), GTK_TYPE_DROP_DOWN);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.choose-year");
  g_auto(GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.redo");
  GtkWidget *button = gtk_widget_get_first_child (drop_down);

  g_assert_no_error (error);
  g_assert_true (closed);
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Shift><Control>y"));
  for (guint i = 0; redo[i] != NULL; i++)
    g_assert_false (g_str_equal (redo[i], "<Shift><Control>y"));
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (drop_down), ==, "Year Shown (Ctrl+Shift+Y)");

  activate (window, "win.choose-year");
  g_assert_true (wait_until (popover_shown, drop_down));
  g_assert_true (gtk_widget_has_focus (button) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), drop_down));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);

  close_all_windows ();
}

/* The dialog and the closed year as a Catalan officer sees them. */
static void
test_catalan (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *shot = NULL;
  FitaWindow *window;

  g_setenv ("LANGUAGE", "ca", TRUE);
  window = open_terrassa ("anys.fita", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  select_code (window, "11");
  close_through_dialog (window, 2024, "years-ca-close-dialog");
  fita_window_set_year (window, 2024);
  g_assert_true (wait_until (is_shown, banner_of (window)));
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "years-ca-closed-view");
  assert_png (shot, 1000, 700);
  close_all_windows ();

  restore_language (language);
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/years/close-view-reopen", test_close_view_reopen);
  g_test_add_func ("/ui/years/toast-undo", test_toast_undo);
  g_test_add_func ("/ui/years/refusal", test_refusal);
  g_test_add_func ("/ui/years/read-only", test_read_only);
  g_test_add_func ("/ui/years/keyboard", test_keyboard);
  g_test_add_func ("/ui/years/catalan", test_catalan);

  return run_app_tests ();
}
