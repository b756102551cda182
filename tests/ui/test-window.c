/* test-window: the application, in-process, against a real (virtual) X
 * server: opening plans, read-only plans, bad files, the welcome page,
 * settings, dialogs, tooltips, narrow and dark windows, and how fast a big
 * plan opens and follows an edit. The outline has test-outline. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "fita-application.h"
#include "fita-edit.h"
#include "fita-examples.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-preferences-window.h"
#include "fita-synthetic.h"
#include "fita-ui-test.h"
#include "fita-pdf-view.h"
#include "fita-reports-page.h"
#include "fita-welcome-page.h"
#include "fita-window-test.h"

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
read_bytes (const char *path,
            gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Each kind of file that is not a plan Fita can open gets a dialog that
 * names it, and stays byte for byte as it was. */
static void
test_bad_files (void)
{
  static const char * const names[] = { "not-a-plan.fita", "empty.fita", "other-sqlite.fita", "newer.fita" };
  g_autofree char *good = save_example (TERRASSA, "after-bad-file.fita");
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), names[i], NULL);
      g_autofree char *heading = g_strdup_printf ("Could not open “%s”", names[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_length, after_length;
      AdwMessageDialog *dialog;

      g_remove (path);
      switch (i)
        {
        case 0:
          g_file_set_contents (path, "These are the minutes of a meeting, not a plan.\n", -1, &error);
          g_assert_no_error (error);
          break;

        case 1:
          g_file_set_contents (path, "", 0, &error);
          g_assert_no_error (error);
          break;

        case 2:
          run_sql (path, "CREATE TABLE minutes (day TEXT, text TEXT); INSERT INTO minutes VALUES ('2024-01-01', 'Hi');");
          break;

        default:
          {
            g_autofree char *copy = save_example (TERRASSA, names[i]);

            run_sql (copy, "PRAGMA user_version = 999;");
          }
          break;
        }
      before = read_bytes (path, &before_length);

      open_path (path);
      g_assert_true (wait_until (has_message_dialog, NULL));

      dialog = find_message_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");

      /* The dialog sits on a window that shows nothing, and the app goes on. */
      parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
      g_assert_true (FITA_IS_WINDOW (parent));
      g_assert_null (fita_window_get_plan (FITA_WINDOW (parent)));
      if (i == 0)
        {
          g_autofree char *screenshot = NULL;

          /* Shown is not yet on screen: without a session bus the dialog
           * can take longer than a settle to be mapped and drawn. */
          g_assert_true (wait_until (is_drawn, dialog));
          settle ();
          screenshot = save_screenshot (GTK_WIDGET (dialog), "bad-file");
          assert_png (screenshot, 300, 150);
        }

      close_message_dialog (dialog);

      after = read_bytes (path, &after_length);
      g_assert_cmpmem (before, before_length, after, after_length);
    }

  /* That empty window takes the next plan. */
  open_path (good);
  g_assert_true (find_window_with_plan (good) == FITA_WINDOW (parent));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  close_all_windows ();
}

static void
test_example (void)
{
  g_autofree char *path = fita_application_get_example_path ("xmess-2017-2019");
  g_autofree char *screenshot = NULL;
  FitaWindow *window;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example",
                                  g_variant_new_string ("xmess-2017-2019"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  window = find_window_with_plan (path);
  g_assert_nonnull (window);

  wait_for_row (window, "I.1.1");
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "example-xmess");
  assert_png (screenshot, 800, 500);

  /* A second file gets a window of its own. */
  g_free (path);
  path = save_example (TERRASSA, "second-window.fita");
  open_path (path);
  g_assert_nonnull (find_window_with_plan (path));
  g_assert_true (find_window_with_plan (path) != window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  close_all_windows ();
}

static void
test_unknown_example (void)
{
  AdwMessageDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example",
                                  g_variant_new_string ("../../etc/passwd"));
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open “../../etc/passwd”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no example named “../../etc/passwd”"));

  close_message_dialog (dialog);
  close_all_windows ();
}

/* An error of several lines (an import's list of problems) shows its first
 * line as the body and the others below it, scrolled, so that the dialog
 * stays on the screen however long the list. */
static void
test_error_lines (void)
{
  FitaWindow *window = fita_window_new (GTK_APPLICATION (app));
  const char *first = "The plan in plan.json has 60 problems; nothing was imported:";
  g_autoptr(GString) message = g_string_new (first);
  g_autofree char *screenshot = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *box;
  GtkWidget *label;
  guint n_labels = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (message, "\nitems[%u] (%u): “progress”: 130 is not a percentage: use a number from 0 to 100.",
                            i, i + 1);
  gtk_window_present (GTK_WINDOW (window));
  fita_window_show_error (window, "Could not import “plan.json”", message->str);
  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, first);

  /* a label a problem, in order */
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (extra));
  box = find_of_type (extra, GTK_TYPE_BOX);
  g_assert_nonnull (box);
  for (label = gtk_widget_get_first_child (box); label != NULL; label = gtk_widget_get_next_sibling (label))
    {
      g_autofree char *start = g_strdup_printf ("items[%u] (%u): “progress”", n_labels, n_labels + 1);

      g_assert_true (GTK_IS_LABEL (label));
      g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (label)), start));
      n_labels++;
    }
  g_assert_cmpuint (n_labels, ==, 60);

  g_assert_true (wait_until (is_shown, dialog));
  settle ();
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <, 600);
  screenshot = save_screenshot (GTK_WIDGET (dialog), "error-lines");
  assert_png (screenshot, 300, 300);

  close_message_dialog (dialog);
  close_all_windows ();
}

static void
assert_read_only_window (FitaWindow *window)
{
  static const char * const editing[] = {
    "list-add-symbolic", "list-remove-symbolic", "go-up-symbolic", "go-down-symbolic",
    "format-indent-more-symbolic", "format-indent-less-symbolic",
  };
  FitaPlan *shown = fita_window_get_plan (window);
  FitaOutline *outline = fita_window_get_outline (window);
  GtkWidget *bar;
  GtkWidget *label;
  guint64 generation;

  g_assert_true (fita_plan_is_read_only (shown));

  bar = find_descendant (GTK_WIDGET (window), has_css_class, "read-only-bar");
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));
  label = find_of_type (bar, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, fita_plan_get_read_only_reason (shown));
  g_assert_nonnull (find_descendant (bar, is_button_labelled, "Save a _Copy…"));

  /* Nothing that changes the plan can be used. */
  select_code (window, "11.2");
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    {
      GtkWidget *button = find_descendant (GTK_WIDGET (window), has_icon, editing[i]);

      g_assert_nonnull (button);
      g_assert_false (gtk_widget_get_sensitive (button));
    }
  g_assert_false (gtk_widget_get_sensitive (find_descendant (GTK_WIDGET (window), has_icon, "edit-undo-symbolic")));

  generation = fita_plan_get_generation (shown);
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.add-after", NULL);
  g_assert_cmpuint (fita_plan_get_generation (shown), ==, generation);
  g_assert_nonnull (fita_plan_find_item (shown, "11.2"));
}

/* Another program holds the plan open for editing: the window shows it
 * read-only and says why. */
static void
test_read_only (void)
{
  g_autofree char *path = save_example (TERRASSA, "held-elsewhere.fita");
  g_autofree char *screenshot = NULL;
  g_autoptr(FitaPlan) held = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *window;

  held = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (fita_plan_is_read_only (held));

  open_path (path);
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  wait_for_row (window, "11.5");
  assert_read_only_window (window);

  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "read-only");
  assert_png (screenshot, 800, 500);

  close_all_windows ();
}

/* A second window on a plan open in the first: read-only. */
static void
test_second_window_read_only (void)
{
  g_autofree char *path = NULL;
  g_autoptr(FitaPlan) second = NULL;
  g_autoptr(GError) error = NULL;
  FitaWindow *first = open_terrassa ("two-windows.fita", &path);
  FitaWindow *window;

  g_assert_false (fita_plan_is_read_only (fita_window_get_plan (first)));
  second = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  window = fita_window_new (GTK_APPLICATION (app));
  fita_window_set_plan (window, second);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_row (window, "11.5");
  assert_read_only_window (window);

  close_all_windows ();
}

/* "fita --example NAME", the program itself: makes the copy and opens it. */
static void
test_command_line_example (void)
{
  const char *binary = g_getenv ("FITA_BINARY");
  g_autofree char *path = fita_application_get_example_path ("barcelona-impulsem-2016-2021");
  g_autoptr(GSubprocess) fita = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (binary == NULL)
    {
      g_test_skip ("FITA_BINARY is not set");
      return;
    }

  g_assert_false (file_exists (path));
  fita = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                           binary, "--example", "barcelona-impulsem-2016-2021", NULL);
  g_assert_no_error (error);

  g_assert_true (wait_until (file_exists, path));
  settle ();
  /* Still running: it did not stop at an error. */
  g_assert_nonnull (g_subprocess_get_identifier (fita));

  g_subprocess_force_exit (fita);
  g_subprocess_wait (fita, NULL, &error);
  g_assert_no_error (error);

  /* The copy is a plan that opens. */
  plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Impulsem");
}

static gboolean
lists_examples (gpointer data)
{
  return gtk_widget_get_mapped (data) && find_descendant (data, has_css_class, "examples") != NULL &&
         find_of_type (find_descendant (data, has_css_class, "examples"), ADW_TYPE_ACTION_ROW) != NULL;
}

static guint
count_rows (GtkWidget *group)
{
  GtkWidget *list = find_descendant (group, has_css_class, "boxed-list");
  guint n = 0;

  for (GtkWidget *row = list ? gtk_widget_get_first_child (list) : NULL; row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n++;

  return n;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The row of a recent plan, by its file's name. */
static gboolean
is_recent_row (GtkWidget     *widget,
               gconstpointer  basename)
{
  return is_row_titled (widget, "Pla estratègic d'economia social i solidària Terrassa 2019-2026") &&
         g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), basename);
}

static GtkWidget *
find_recent_row (gpointer window)
{
  GtkWidget *recent = find_descendant (window, has_css_class, "recent-plans");

  if (recent == NULL || !gtk_widget_get_mapped (recent))
    return NULL;

  return find_descendant (recent, is_recent_row, "recent.fita ");
}

static gboolean
shows_recent_plan (gpointer window)
{
  return find_recent_row (window) != NULL;
}

static gboolean
shows_no_recent_plan (gpointer window)
{
  return find_recent_row (window) == NULL;
}

static void
test_welcome (void)
{
  g_auto(GStrv) names = fita_examples_list ();
  g_autofree char *screenshot = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *remove;

  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (FITA_IS_WINDOW (window));
  g_assert_null (fita_window_get_plan (FITA_WINDOW (window)));

  g_assert_true (wait_until (lists_examples, window));
  g_assert_cmpuint (count_rows (find_descendant (window, has_css_class, "examples")), ==, g_strv_length (names));
  g_assert_nonnull (find_descendant (window, is_button_labelled, "_New Plan…"));
  close_all_windows ();

  /* A plan opened lately is listed by its title, until removed from the list. */
  open_terrassa ("recent.fita", &path);
  close_all_windows ();
  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (wait_until (shows_recent_plan, window));
  row = find_recent_row (window);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "recent.fita — Ajuntament de Terrassa · 2019–2026");

  settle ();
  screenshot = save_screenshot (window, "welcome");
  assert_png (screenshot, 800, 500);

  /* Activating the row opens the plan, in this window. (The list may
   * have been made again meanwhile: find the row again.) */
  row = find_recent_row (window);
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (find_window_with_plan (path) == FITA_WINDOW (window));
  close_all_windows ();

  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (wait_until (shows_recent_plan, window));
  settle ();
  row = find_recent_row (window);
  remove = find_descendant (row, has_icon, "list-remove-symbolic");
  g_assert_nonnull (remove);
  g_assert_nonnull (gtk_widget_get_tooltip_text (remove));
  click (remove);
  g_assert_true (wait_until (shows_no_recent_plan, window));

  close_all_windows ();
}

/* File ▸ New Plan, without the file chooser: a plan with the defaults,
 * in its file, shown in the window, ready for its first item. */
static void
test_new_plan (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "new-plan.fita", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FitaWindow *window;
  FitaPlan *plan;

  g_remove (path);
  g_application_activate (G_APPLICATION (app));
  window = FITA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_true (fita_application_create_plan (app, "Pla de barris 2025-2028", file, window, &error));
  g_assert_no_error (error);
  g_assert_true (find_window_with_plan (path) == window);
  plan = fita_window_get_plan (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pla de barris 2025-2028");
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 0);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_STATUS), ==, 3);

  /* The first item, from the toolbar's action. */
  activate (window, "outline.add-after");
  g_assert_cmpuint (n_rows (window), ==, 1);
  {
    g_autoptr(FitaPlan) saved = reopen (path);

    g_assert_cmpuint (fita_plan_count (saved, FITA_TABLE_ITEM), ==, 1);
    g_assert_cmpstr (fita_plan_get_info (saved)->title, ==, "Pla de barris 2025-2028");
  }

  /* Not over a plan open in a window. */
  g_assert_false (fita_application_create_plan (app, "Una altra", file, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Over a file that is not open: replaced, after the file chooser asked. */
  close_all_windows ();
  g_assert_true (fita_application_create_plan (app, "Una altra", file, NULL, &error));
  g_assert_no_error (error);
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  g_assert_cmpuint (fita_plan_count (fita_window_get_plan (window), FITA_TABLE_ITEM), ==, 0);
  g_assert_cmpstr (fita_plan_get_info (fita_window_get_plan (window))->title, ==, "Una altra");

  close_all_windows ();
}

static gboolean
shows_open_toast (gpointer window)
{
  return find_descendant (window, is_button_labelled, "_Open") != NULL;
}

static void
test_save_copy (void)
{
  g_autofree char *path = NULL;
  g_autofree char *copy_path = g_build_filename (g_get_user_cache_dir (), "copy.fita", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  FitaWindow *window = open_terrassa ("original.fita", &path);

  g_remove (copy_path);
  g_assert_true (fita_window_save_copy (window, copy, &error));
  g_assert_no_error (error);
  codes = codes_in_file (copy_path, "11");
  g_assert_cmpstr (codes, ==, "11.1 11.2 11.3 11.4 11.5");

  own = g_file_new_for_path (path);
  g_assert_false (fita_window_save_copy (window, own, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The toast offers to open it, in a window of its own. */
  g_assert_true (wait_until (shows_open_toast, window));
  click (find_descendant (GTK_WIDGET (window), is_button_labelled, "_Open"));
  g_assert_nonnull (find_window_with_plan (copy_path));
  g_assert_true (find_window_with_plan (copy_path) != window);
  close_all_windows ();
}

static void
test_settings (void)
{
  GSettings *settings = fita_application_get_settings (app);
  GtkWindow *window;
  int width, height;

  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = GTK_WINDOW (fita_window_new (GTK_APPLICATION (app)));
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_present (window);
  settle ();

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_close (window);
  g_assert_true (wait_until (no_windows, NULL));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Preferences, About and the shortcuts, from the main menu's actions. */
static void
test_dialogs (void)
{
  GSettings *settings = fita_application_get_settings (app);
  GtkWindow *window;
  AdwComboRow *row;

  g_application_activate (G_APPLICATION (app));
  settle ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  window = find_toplevel (FITA_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  row = ADW_COMBO_ROW (find_of_type (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "report-language"), ==, "en");
  g_settings_set_string (settings, "report-language", "es");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_settings_reset (settings, "report-language");
  gtk_window_destroy (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  window = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (window)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (window)), ==, APP_ID);
  gtk_window_destroy (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app))),
                                             "win.show-help-overlay", NULL));
  window = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (window);
  gtk_window_destroy (window);

  close_all_windows ();
}

/* Every button that shows only an icon says what it does. */
static void
check_tooltips (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_tooltips (child);

  if ((GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL) ||
      (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL))
    {
      /* Internal buttons of libadwaita and GTK widgets have their own. */
      if (gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL &&
          gtk_widget_has_css_class (gtk_widget_get_parent (widget), "windowcontrols"))
        return;
      if (gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY) != NULL ||
          gtk_widget_get_ancestor (widget, GTK_TYPE_SPIN_BUTTON) != NULL ||
          gtk_widget_get_ancestor (widget, GTK_TYPE_TREE_EXPANDER) != NULL)
        return;
      if (!gtk_widget_get_mapped (widget))
        return;

      if (gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("The %s button with icon %s has no tooltip", G_OBJECT_TYPE_NAME (widget),
                 GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget))
                                        : gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)));
    }
}

static void
test_tooltips (void)
{
  FitaWindow *window = open_terrassa ("tooltips.fita", NULL);

  activate (window, "win.search");
  settle ();
  check_tooltips (GTK_WIDGET (window));
  close_all_windows ();
}

static gboolean
is_folded (gpointer window)
{
  GtkWidget *leaflet = find_of_type (window, ADW_TYPE_LEAFLET);

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

/* On a narrow window the pages move to a bar at the bottom, and the
 * items and their editor take turns, with a Back button. */
static void
test_narrow (void)
{
  g_autofree char *screenshot = NULL;
  FitaWindow *window = open_terrassa ("narrow.fita", NULL);
  GtkWidget *back = find_descendant (GTK_WIDGET (window), has_icon, "go-previous-symbolic");
  AdwLeaflet *leaflet = ADW_LEAFLET (find_of_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 720);
  if (!wait_until (is_folded, window))
    {
      /* The window is as narrow as its widest page lets it be. */
      g_test_skip ("a page of the window is too wide for the items to fold");
      close_all_windows ();
      return;
    }
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "narrow");
  assert_png (screenshot, 400, 500);
  /* The bar at the bottom shows when the header bar has no room for the
   * page switcher. (How narrow the window gets depends on every page.) */
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR))) ==
                 adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE))));

  select_code (window, "11.2");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  g_signal_emit_by_name (fita_window_get_outline (window), "item-activated", id_of (window, "11.2"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_visible (back));
  activate (window, "win.back");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  close_all_windows ();
}

/* Dark, for the screenshot: libadwaita's own colours everywhere. */
static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *screenshot = NULL;
  FitaWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_terrassa ("dark.fita", NULL);
  select_code (window, "11.1");
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "dark");
  assert_png (screenshot, 800, 500);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  close_all_windows ();
}

typedef struct {
  gboolean painted;
  gint64   when;
} Frame;

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->painted)
    {
      frame->painted = TRUE;
      frame->when = g_get_monotonic_time ();
    }
}

static gboolean
painted (gpointer data)
{
  return ((Frame *)data)->painted;
}

/* A plan of 20 000 items: from "file chosen" to the first frame drawn,
 * and from an edit to the frame that shows it. CI is a shared machine:
 * the figures are reported, the bounds generous. */
static void
test_performance (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "synthetic-20000.fita", NULL);
  g_autoptr(GError) error = NULL;
  FitaWindow *window;
  FitaPlan *plan;
  GdkFrameClock *clock;
  FitaItem *item;
  Frame frame = { FALSE, 0 };
  gulong handler;
  gint64 start, opened;

  {
    g_autoptr(FitaPlan) synthetic = fita_synthetic_plan (20000);

    g_remove (path);
    fita_plan_save_new (synthetic, path, &error);
    g_assert_no_error (error);
  }

  /* For comparison: loading alone, as fita-cli bench does. */
  start = g_get_monotonic_time ();
  g_clear_object (&(FitaPlan *){ reopen (path) });
  g_test_message ("20 000 items: loading the file alone %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  open_path (path);
  opened = g_get_monotonic_time ();
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  g_assert_true (wait_until (painted, &frame));
  g_signal_handler_disconnect (clock, handler);

  g_test_message ("20 000 items: open and show %.1f ms (of which loading and the window %.1f ms), first frame drawn at %.1f ms",
                  (frame.when - start) / 1000.0, (opened - start) / 1000.0, (frame.when - start) / 1000.0);
  g_assert_cmpint (frame.when - start, <, 5 * G_USEC_PER_SEC);

  /* Only the top level is unfolded: the first level's children show. */
  plan = fita_window_get_plan (window);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 20000);
  g_assert_cmpuint (n_rows (window), <, 1000);
  wait_for_row (window, "1.1");
  settle ();

  item = fita_plan_find_item (plan, "1.1");
  frame.painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  start = g_get_monotonic_time ();
  fita_plan_set_text (plan, item, "title", "Actuació editada", &error);
  g_assert_no_error (error);
  opened = g_get_monotonic_time ();
  g_assert_true (wait_until (painted, &frame));
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpstr (row_title (window, "1.1"), ==, "Actuació editada");

  g_test_message ("20 000 items: edit to frame %.2f ms (of which the change and the rows %.2f ms)",
                  (frame.when - start) / 1000.0, (opened - start) / 1000.0);
  g_assert_cmpint (frame.when - start, <, 5 * G_USEC_PER_SEC);

  /* A status: progress and totals are derived again, every row on show
   * is brought up to date. */
  settle ();
  frame.painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  start = g_get_monotonic_time ();
  fita_plan_set_int (plan, fita_plan_find_item (plan, "1.1"), "status_id",
                     ((FitaRecord *)g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_STATUS, 0), 2))->id, &error);
  g_assert_no_error (error);
  opened = g_get_monotonic_time ();
  g_assert_true (wait_until (painted, &frame));
  g_signal_handler_disconnect (clock, handler);
  g_test_message ("20 000 items: status edit to frame %.2f ms (of which the change and the rows %.2f ms)",
                  (frame.when - start) / 1000.0, (opened - start) / 1000.0);
  g_assert_cmpint (frame.when - start, <, 5 * G_USEC_PER_SEC);

  close_all_windows ();
}

static void
test_accels (void)
{
  static const char * const expected[][2] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "win.new-plan", "<Control>n" },
    { "win.open", "<Control>o" },
    { "win.save-as", "<Shift><Control>s" },
    { "window.close", "<Control>w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i][0]);

      g_assert_true (g_strv_contains ((const char * const *)accels, expected[i][1]));
    }
}

static gboolean
is_view_stack (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_VIEW_STACK (widget);
}

static gboolean
is_reports_page (GtkWidget *widget, gconstpointer data)
{
  return FITA_IS_REPORTS_PAGE (widget);
}

static gboolean
report_ready (gpointer data)
{
  FitaReportsPage *page = data;

  return !fita_reports_page_is_busy (page) &&
         fita_pdf_view_get_n_pages (FITA_PDF_VIEW (fita_reports_page_get_view (page))) > 0 &&
         fita_reports_page_get_preview_ms (page) >= 0;
}

/* Every page of the window on one plan, as a person goes through them;
 * the screenshots are the README's. */
static void
test_tour (void)
{
  static const char * const pages[] = {
    "items", "timeline", "budget", "reports", "plan", "governance", "participation",
  };
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("tour.fita", &path);
  AdwViewStack *stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), is_view_stack, NULL));
  FitaReportsPage *reports = FITA_REPORTS_PAGE (find_descendant (GTK_WIDGET (window), is_reports_page, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  select_code (window, "11");
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strconcat ("page-", pages[i], NULL);
      g_autofree char *shot = NULL;
      adw_view_stack_set_visible_child_name (stack, pages[i]);
      if (g_str_equal (pages[i], "reports"))
        {
          fita_reports_page_generate (reports, FITA_REPORT_SHEET, id_of (window, "11"), 2024, "ca");
          g_assert_true (wait_until (report_ready, reports));
        }
      settle ();
      g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (stack)));
      shot = save_screenshot (GTK_WIDGET (window), name);
      assert_png (shot, 1000, 700);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/window/bad-files", test_bad_files);
  g_test_add_func ("/ui/window/example", test_example);
  g_test_add_func ("/ui/window/unknown-example", test_unknown_example);
  g_test_add_func ("/ui/window/error-lines", test_error_lines);
  g_test_add_func ("/ui/window/welcome", test_welcome);
  g_test_add_func ("/ui/window/new-plan", test_new_plan);
  g_test_add_func ("/ui/window/save-copy", test_save_copy);
  g_test_add_func ("/ui/window/read-only", test_read_only);
  g_test_add_func ("/ui/window/second-window-read-only", test_second_window_read_only);
  g_test_add_func ("/ui/window/tooltips", test_tooltips);
  g_test_add_func ("/ui/window/narrow", test_narrow);
  g_test_add_func ("/ui/window/dark", test_dark);
  g_test_add_func ("/ui/window/performance", test_performance);
  g_test_add_func ("/ui/application/settings", test_settings);
  g_test_add_func ("/ui/application/dialogs", test_dialogs);
  g_test_add_func ("/ui/application/command-line-example", test_command_line_example);
  g_test_add_func ("/ui/application/accels", test_accels);
  g_test_add_func ("/ui/window/tour", test_tour);

  return run_app_tests ();
}
