/* test-app: the application and its window around the pages: the Undo
 * and Redo buttons following the plan's history, files that are not
 * plans, the examples' copies, Close Plan and Save As, exporting in a
 * thread, the pages' shortcuts, the new-plan dialog, the plan's name in a
 * wide window, the outline's width and the buttons' accessible names. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-item-row.h"
#include "fita-json.h"
#include "fita-ui-test.h"
#include "fita-window-test.h"



static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_done (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

static void
keep_result (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* The Undo and Redo buttons say what they would undo, and are off when
 * there is nothing, whoever changed the plan. */
static void
test_history_buttons (void)
{
  FitaWindow *window = open_terrassa ("history.fita", NULL);
  FitaPlan *plan = fita_window_get_plan (window);
  GtkWidget *undo = find_descendant (GTK_WIDGET (window), has_icon, "edit-undo-symbolic");
  GtkWidget *redo = find_descendant (GTK_WIDGET (window), has_icon, "edit-redo-symbolic");
  FitaItem *item = fita_plan_find_item (plan, "11.3");
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  /* Changed from outside the window's own actions, straight on the plan. */
  fita_plan_begin (plan, "Half Done");
  g_assert_true (fita_plan_set_int (plan, item, "progress", 5000, &error));
  g_assert_true (fita_plan_end (plan, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo Half Done");
  g_assert_false (gtk_widget_is_sensitive (redo));

  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_true (gtk_widget_is_sensitive (redo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, "Redo Half Done");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (item->progress_bp, ==, 5000);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_assert_false (gtk_widget_is_sensitive (redo));

  close_all_windows ();
}

/* A file that is not a plan: said in plain words, the import assistant
 * offered, and the file kept out of the recent plans. */
static void
test_not_a_plan (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "minutes.fita", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, "code;title\n1;Habitatge\n", -1, &error);
  g_assert_no_error (error);
  /* As the file chooser leaves it. */
  g_assert_true (gtk_recent_manager_add_full (recent, uri, &(GtkRecentData) {
    .mime_type = (char *)"application/octet-stream",
    .app_name = (char *)"Fita",
    .app_exec = (char *)"fita %u",
  }));
  g_assert_true (gtk_recent_manager_has_item (recent, uri));

  open_path (path);
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open “minutes.fita”");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "not a Fita plan"));
  g_assert_null (strstr (body, "SQLite"));
  g_assert_null (strstr (body, "fita-cli"));
  g_assert_false (gtk_recent_manager_has_item (recent, uri));
  {
    g_autofree char *shot = NULL;

    settle ();
    shot = save_screenshot (GTK_WIDGET (dialog), "app-not-a-plan");
    assert_png (shot, 300, 150);
  }

  /* The assistant itself is test-import's: here, that it is offered. */
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_button_labelled, "_Import as a Table…"));
  respond (dialog, "_Close");

  /* A plan that opened, on the other hand, is listed. */
  {
    g_autofree char *good = NULL;
    g_autofree char *good_uri = NULL;
    FitaWindow *window;

    close_all_windows ();
    window = open_terrassa ("opened.fita", &good);
    good_uri = g_filename_to_uri (good, NULL, NULL);
    g_assert_true (gtk_recent_manager_has_item (recent, good_uri));
    g_assert_nonnull (window);
  }
  close_all_windows ();
}

static gboolean
lists_recent_example (gpointer window)
{
  GtkWidget *recent = find_descendant (window, has_css_class, "recent-plans");

  return recent != NULL && gtk_widget_get_mapped (recent) &&
         find_of_type (recent, ADW_TYPE_ACTION_ROW) != NULL;
}

/* The copy of an example goes where the officer can find it again, and
 * comes back among the recent plans. */
static void
test_example_copy (void)
{
  g_autofree char *path = fita_application_get_example_path ("xmess-2017-2019");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *expected = g_build_filename (documents != NULL ? documents : g_get_home_dir (), "Fita", NULL);
  g_autofree char *shot = NULL;
  FitaWindow *window;
  GtkWidget *row;

  g_assert_cmpstr (folder, ==, expected);
  g_assert_null (strstr (path, "/."));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", g_variant_new_string ("xmess-2017-2019"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* Close Plan: back to the welcome page, which lists it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-plan", NULL));
  g_assert_null (fita_window_get_plan (window));
  g_assert_true (wait_until (lists_recent_example, window));
  row = find_of_type (find_descendant (GTK_WIDGET (window), has_css_class, "recent-plans"), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, path);
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "app-welcome-recent-example");
  assert_png (shot, 600, 400);

  close_all_windows ();
  g_remove (path);
}

/* A copy that an older Fita kept in a hidden folder comes along, with
 * its changes. */
static void
test_example_copy_moved (void)
{
  static const char *name = "barcelona-impulsem-2016-2021";
  g_autofree char *basename = g_strconcat (name, ".fita", NULL);
  g_autofree char *hidden_folder = g_build_filename (g_get_user_data_dir (), "fita", "examples", NULL);
  g_autofree char *hidden = g_build_filename (hidden_folder, basename, NULL);
  g_autofree char *path = fita_application_get_example_path (name);
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (hidden_folder, 0700), ==, 0);
  plan = fita_example_load (name, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_save_new (plan, hidden, &error));
  g_assert_true (fita_plan_set_text (plan, fita_plan_get_info (plan), "title", "Impulsem, amb canvis", &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example", g_variant_new_string (name));
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  g_assert_cmpstr (fita_plan_get_info (fita_window_get_plan (window))->title, ==, "Impulsem, amb canvis");
  g_assert_false (g_file_test (hidden, G_FILE_TEST_EXISTS));

  close_all_windows ();
  g_remove (path);
}

/* Save As: the copy is written in a thread and becomes the open plan;
 * Save a Copy leaves the plan where it was. */
static void
test_save_as (void)
{
  g_autofree char *path = NULL;
  g_autofree char *copy_path = g_build_filename (g_get_user_cache_dir (), "copy-async.fita", NULL);
  g_autofree char *as_path = g_build_filename (g_get_user_cache_dir (), "saved-as.fita", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) as = g_file_new_for_path (as_path);
  g_autoptr(GFile) own = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *window = open_terrassa ("save-as.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autofree char *as_uri = g_filename_to_uri (as_path, NULL, NULL);

  g_remove (copy_path);
  g_remove (as_path);

  fita_window_save_copy_async (window, copy, FALSE, keep_result, &result);
  g_assert_true (wait_until (is_done, &result));
  g_assert_true (fita_window_save_copy_finish (window, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (fita_window_get_plan (window) == plan);

  /* Not over its own file. */
  own = g_file_new_for_path (path);
  fita_window_save_copy_async (window, own, TRUE, keep_result, &result);
  g_assert_true (wait_until (is_done, &result));
  g_assert_false (fita_window_save_copy_finish (window, result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A change made while the copy is written is in it all the same. */
  fita_window_save_copy_async (window, as, TRUE, keep_result, &result);
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.3"), "progress", 7500, &error));
  g_assert_true (wait_until (is_done, &result));
  g_assert_true (fita_window_save_copy_finish (window, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_path (fita_window_get_plan (window)), ==, as_path);
  g_assert_false (fita_plan_is_read_only (fita_window_get_plan (window)));
  g_assert_cmpint (fita_plan_find_item (fita_window_get_plan (window), "11.3")->progress_bp, ==, 7500);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), as_uri));

  close_all_windows ();
}

/* Exported in a thread, from a snapshot of the plan. */
static void
test_export_async (void)
{
  g_autofree char *out_path = g_build_filename (g_get_user_cache_dir (), "exported.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  FitaWindow *window = open_terrassa ("export.fita", NULL);

  g_remove (out_path);
  fita_window_export_async (window, "json", out, keep_result, &result);
  g_assert_true (wait_until (is_done, &result));
  g_assert_true (fita_window_export_finish (window, result, &error));
  g_assert_no_error (error);

  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  /* a file of the plan carries its change log */
  expected = fita_json_export_with (fita_window_get_plan (window), FITA_JSON_EXPORT_CHANGE_LOG);
  g_assert_cmpstr (written, ==, expected);

  close_all_windows ();
}

static gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Alt+1 … Alt+7 in the order of the tabs; and the menu's new entries. */
static void
test_page_accels (void)
{
  FitaWindow *window = open_terrassa ("accels.fita", NULL);
  AdwViewStack *stack = ADW_VIEW_STACK (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  static const char * const expected[][2] = {
    { "win.save-as", "<Shift><Control>s" },
    { "win.close-plan", "<Shift><Control>w" },
    { "window.close", "<Control>w" },
  };

  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", name);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

      g_assert_true (g_strv_contains ((const char * const *)accels, accel));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i][0]);

      g_assert_true (g_strv_contains ((const char * const *)accels, expected[i][1]));
    }

  /* The shortcuts window lists them. */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/cat/fita/Fita/gtk/help-overlay.ui");
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/cat/fita/Fita/gtk/help-overlay.ui", 0, NULL);
    const char *xml = g_bytes_get_data (bytes, NULL);

    g_assert_nonnull (gtk_builder_get_object (builder, "help_overlay"));
    g_assert_nonnull (strstr (xml, "Close the plan"));
    g_assert_nonnull (strstr (xml, "Save as another file"));
    g_assert_nonnull (strstr (xml, "&lt;Alt&gt;7"));
  }

  /* As a person sees them: the main menu, and the shortcuts window. */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window), is_primary_menu, NULL));
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *shortcuts = NULL;
    g_autofree char *shot = NULL;

    gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
    g_assert_nonnull (menu);
    gtk_menu_button_popup (menu);
    g_assert_true (wait_until (is_mapped, gtk_menu_button_get_popover (menu)));
    settle ();
    shot = save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "app-main-menu");
    assert_png (shot, 150, 200);
    gtk_menu_button_popdown (menu);
    g_clear_pointer (&shot, g_free);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
          shortcuts = toplevel;
      }
    g_assert_nonnull (shortcuts);
    gtk_window_present (shortcuts);
    g_assert_true (wait_until (is_mapped, shortcuts));
    settle ();
    shot = save_screenshot (GTK_WIDGET (shortcuts), "app-shortcuts");
    assert_png (shot, 400, 300);
    gtk_window_destroy (shortcuts);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-plan", NULL));
  g_assert_null (fita_window_get_plan (window));
  g_assert_true (FITA_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))) ||
                 gtk_application_get_windows (GTK_APPLICATION (app)) != NULL);
  close_all_windows ();
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
shows_plan (gpointer path)
{
  return find_window_with_plan (path) != NULL;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
accept_file_chooser (const char *path)
{
  GtkWindow *chooser;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GFile) parent = g_file_new_for_path (folder);

  g_assert_true (wait_until (has_file_chooser, NULL));
  chooser = find_file_chooser ();
  settle ();
  /* The folder as the chooser's own keyboard location would take it. */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
  settle ();
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), basename);
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    g_assert_nonnull (chosen);
    g_assert_cmpstr (g_file_peek_path (chosen), ==, path);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* The new-plan dialog: title, period guessed from the title, content
 * language; the plan made has them. */
static void
test_new_plan_dialog (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "barris.fita", NULL);
  g_autofree char *shot = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *title, *start, *end, *language;
  FitaWindow *window;
  FitaPlanInfo *info;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_remove (path);
  g_application_activate (G_APPLICATION (app));
  window = FITA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  title = find_descendant (GTK_WIDGET (dialog), has_name, "new-plan-title");
  start = find_descendant (GTK_WIDGET (dialog), has_name, "new-plan-start");
  end = find_descendant (GTK_WIDGET (dialog), has_name, "new-plan-end");
  language = find_descendant (GTK_WIDGET (dialog), has_name, "new-plan-language");
  g_assert_nonnull (title);
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  g_assert_nonnull (language);
  /* The interface's language (English here) to begin with. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language)), ==, 0);

  /* Guessed as it is typed, with an en dash or a hyphen. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Pla de barris 2025–2028");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (start)), ==, 2025);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (end)), ==, 2028);
  gtk_editable_set_text (GTK_EDITABLE (title), "Pla de barris 2024-2030");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (start)), ==, 2024);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (end)), ==, 2030);
  /* Chosen by hand, the years stay. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (end), 2029);
  gtk_editable_set_text (GTK_EDITABLE (title), "Pla de barris 2024-2031");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (end)), ==, 2029);
  /* Never ending before it starts. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (start), 2032);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (end)), ==, 2032);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (start), 2024);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (end), 2029);

  adw_combo_row_set_selected (ADW_COMBO_ROW (language), 2);
  settle ();
  shot = save_screenshot (GTK_WIDGET (dialog), "app-new-plan");
  assert_png (shot, 300, 200);

  respond (dialog, "_Choose Where to Save…");
  accept_file_chooser (path);
  g_assert_true (wait_until (shows_plan, path));
  g_assert_true (find_window_with_plan (path) == window);
  info = fita_plan_get_info (fita_window_get_plan (window));
  g_assert_cmpstr (info->title, ==, "Pla de barris 2024-2031");
  g_assert_cmpint (info->period_start, ==, 2024);
  g_assert_cmpint (info->period_end, ==, 2029);
  g_assert_cmpstr (info->language, ==, "es");
  g_assert_false (fita_plan_can_undo (fita_window_get_plan (window)));

  close_all_windows ();
}

/* Wide, the plan's name shows beside the view switcher; narrow, in the
 * switcher's own title. */
static void
test_plan_title (void)
{
  FitaWindow *window = open_terrassa ("title.fita", NULL);
  AdwViewSwitcherTitle *switcher = ADW_VIEW_SWITCHER_TITLE (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  const char *plan_title = fita_plan_get_info (fita_window_get_plan (window))->title;
  g_autofree char *wide = NULL;
  g_autofree char *narrow = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  settle ();
  settle ();
  g_assert_false (adw_view_switcher_title_get_title_visible (switcher));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, plan_title);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Ajuntament de Terrassa · 2019–2026");
  wide = save_screenshot (GTK_WIDGET (window), "app-title-1400");
  assert_png (wide, 1300, 700);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 800);
  settle ();
  settle ();
  g_test_message ("window %d wide; switcher title visible %d; plan title visible %d",
                  gtk_widget_get_width (GTK_WIDGET (window)), adw_view_switcher_title_get_title_visible (switcher),
                  gtk_widget_get_visible (GTK_WIDGET (title)));
  g_assert_true (adw_view_switcher_title_get_title_visible (switcher));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (title)));
  g_assert_cmpstr (adw_view_switcher_title_get_title (switcher), ==, plan_title);
  narrow = save_screenshot (GTK_WIDGET (window), "app-title-800");
  assert_png (narrow, 700, 700);

  close_all_windows ();
}

/* A key sent to widget's key controllers, as GTK would on a key press. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* The outline's width follows the handle, within what the window
 * leaves, and is remembered. */
static void
test_sidebar_width (void)
{
  FitaWindow *window = open_terrassa ("sidebar.fita", NULL);
  GSettings *settings = fita_application_get_settings (app);
  GtkWidget *outline = GTK_WIDGET (fita_window_get_outline (window));
  GtkWidget *handle = find_descendant (GTK_WIDGET (window), has_css_class, "sidebar-handle");
  g_autofree char *shot = NULL;

  g_assert_nonnull (settings);
  g_assert_nonnull (handle);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  settle ();
  g_assert_cmpint (fita_window_get_sidebar_width (window), ==, 400);
  g_assert_cmpint (ABS (gtk_widget_get_width (outline) - 400), <=, 2);

  fita_window_set_sidebar_width (window, 560);
  settle ();
  g_assert_cmpint (ABS (gtk_widget_get_width (outline) - 560), <=, 2);
  shot = save_screenshot (GTK_WIDGET (window), "app-sidebar-560");
  assert_png (shot, 1000, 700);

  /* Not so wide that the item editor goes, nor so narrow as nothing. */
  fita_window_set_sidebar_width (window, 5000);
  g_assert_cmpint (fita_window_get_sidebar_width (window), <=, 1280 - 360);
  fita_window_set_sidebar_width (window, 10);
  g_assert_cmpint (fita_window_get_sidebar_width (window), ==, 240);

  /* From the keyboard, on the handle. */
  fita_window_set_sidebar_width (window, 400);
  g_assert_true (press_key (handle, GDK_KEY_Right, 0));
  g_assert_cmpint (fita_window_get_sidebar_width (window), ==, 416);
  g_assert_true (press_key (handle, GDK_KEY_Left, GDK_CONTROL_MASK));
  g_assert_cmpint (fita_window_get_sidebar_width (window), ==, 352);
  g_assert_false (press_key (handle, GDK_KEY_Up, 0));
  g_assert_true (gtk_widget_get_focusable (handle));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (handle)), ==, GTK_ACCESSIBLE_ROLE_SEPARATOR);

  fita_window_set_sidebar_width (window, 520);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 520);
  close_all_windows ();

  /* A new window starts with it. */
  window = open_terrassa ("sidebar.fita", NULL);
  g_assert_cmpint (fita_window_get_sidebar_width (window), ==, 520);
  close_all_windows ();
  g_settings_reset (settings, "sidebar-width");
}

static gboolean
is_mnemonic_label_of (GtkWidget     *widget,
                      gconstpointer  target)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) == target;
}

/* A screen reader reads the button by its label as shown, once: the
 * button has no name of its own, which GTK 4.8 would read before the
 * label's ("_New Plan… New Plan…", or "New Plan… New Plan…"). */
static void
assert_named_by_label (GtkWidget  *button,
                       const char *shown)
{
  GtkWidget *label = find_descendant (button, is_mnemonic_label_of, button);

  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, shown);
}

static void
assert_names_shown_text (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)) &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          strchr (gtk_button_get_label (GTK_BUTTON (child)), '_') != NULL)
        {
          g_autofree char *shown = g_strdup (gtk_button_get_label (GTK_BUTTON (child)));
          char *from = shown, *to = shown;

          for (; *from != '\0'; from++)
            if (*from != '_')
              *to++ = *from;
          *to = '\0';
          assert_named_by_label (child, shown);
        }
      assert_names_shown_text (child);
    }
}

static void
assert_pages_show (GtkWidget *root,
                   FitaPlan  *plan,
                   guint     *n_pages)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (child), "plan");

      if (pspec != NULL && pspec->value_type == FITA_TYPE_PLAN && !FITA_IS_WINDOW (child))
        {
          g_autoptr(FitaPlan) shown = NULL;

          g_object_get (child, "plan", &shown, NULL);
          g_assert_true (shown == plan);
          (*n_pages)++;
        }
      assert_pages_show (child, plan, n_pages);
    }
}

/* Every page shows the window's plan, bound in the window's template. */
static void
test_pages_bound (void)
{
  g_autofree char *other_path = save_example ("xmess-2017-2019", "other.fita");
  FitaWindow *window = open_terrassa ("bound.fita", NULL);
  g_autoptr(FitaPlan) other = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  assert_pages_show (GTK_WIDGET (window), fita_window_get_plan (window), &n_pages);
  /* The outline, the item editor and the seven pages but the items'. */
  g_assert_cmpuint (n_pages, >=, 8);

  other = fita_plan_open (other_path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fita_window_set_plan (window, other);
  n_pages = 0;
  assert_pages_show (GTK_WIDGET (window), other, &n_pages);
  g_assert_cmpuint (n_pages, >=, 8);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-plan", NULL));
  n_pages = 0;
  assert_pages_show (GTK_WIDGET (window), NULL, &n_pages);
  g_assert_cmpuint (n_pages, >=, 8);

  close_all_windows ();
}

/* A screen reader reads "New Plan…" once, not "_New Plan… New Plan…". */
static void
test_mnemonic_names (void)
{
  GtkWidget *window;
  GtkWidget *button;

  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  button = find_descendant (window, is_button_labelled, "_New Plan…");
  g_assert_nonnull (button);
  assert_named_by_label (button, "New Plan…");
  assert_names_shown_text (window);

  /* And in the window's dialogs. */
  g_assert_true (gtk_widget_activate_action (window, "win.new-plan", NULL));
  g_assert_true (wait_until (has_message_dialog, NULL));
  button = find_descendant (GTK_WIDGET (find_message_dialog ()), is_button_labelled, "_Cancel");
  g_assert_nonnull (button);
  assert_named_by_label (button, "Cancel");
  respond (find_message_dialog (), "_Cancel");

  close_all_windows ();
}

/* The window in Catalan, for a person to look at: the welcome page, a
 * plan wide and narrow, and the new-plan dialog. */
static void
test_catalan (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *shot = NULL;
  FitaWindow *window;

  g_setenv ("LANGUAGE", "ca", TRUE);
  g_application_activate (G_APPLICATION (app));
  window = FITA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "app-ca-welcome");
  assert_png (shot, 800, 500);
  g_clear_pointer (&shot, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL));
  g_assert_true (wait_until (has_message_dialog, NULL));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (find_message_dialog ()), has_name, "new-plan-title")),
                         "Pla d’acció de barris 2025–2028");
  settle ();
  shot = save_screenshot (GTK_WIDGET (find_message_dialog ()), "app-ca-new-plan");
  assert_png (shot, 300, 200);
  g_clear_pointer (&shot, g_free);
  gtk_window_destroy (GTK_WINDOW (find_message_dialog ()));
  close_all_windows ();

  window = open_terrassa ("catala.fita", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  settle ();
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "app-ca-1400");
  assert_png (shot, 1300, 700);
  g_clear_pointer (&shot, g_free);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 800);
  settle ();
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "app-ca-800");
  assert_png (shot, 700, 700);
  close_all_windows ();

  restore_language (language);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible names kept where gtk_test_accessible_check_property()
   * reads them (GTK_A11Y=none keeps none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  start_app (&argc, &argv);

  g_test_add_func ("/ui/app/history-buttons", test_history_buttons);
  g_test_add_func ("/ui/app/not-a-plan", test_not_a_plan);
  g_test_add_func ("/ui/app/example-copy", test_example_copy);
  g_test_add_func ("/ui/app/example-copy-moved", test_example_copy_moved);
  g_test_add_func ("/ui/app/save-as", test_save_as);
  g_test_add_func ("/ui/app/export-async", test_export_async);
  g_test_add_func ("/ui/app/page-accels", test_page_accels);
  g_test_add_func ("/ui/app/new-plan-dialog", test_new_plan_dialog);
  g_test_add_func ("/ui/app/plan-title", test_plan_title);
  g_test_add_func ("/ui/app/sidebar-width", test_sidebar_width);
  g_test_add_func ("/ui/app/pages-bound", test_pages_bound);
  g_test_add_func ("/ui/app/mnemonic-names", test_mnemonic_names);
  g_test_add_func ("/ui/app/catalan", test_catalan);

  return run_app_tests ();
}
