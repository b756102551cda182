/* test-window: the application, in-process, against a real (virtual) X
 * server: opening plans, showing their outline, and saying why a file
 * cannot be opened. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-item-row.h"
#include "fita-money.h"
#include "fita-status-badge.h"
#include "fita-ui-test.h"

#define TERRASSA "terrassa-ess-2019-2026"

static FitaApplication *app;






static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (windows->data);
  g_assert_true (wait_until (no_windows, NULL));
}



static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  code)
{
  FitaItemObject *item;

  if (!FITA_IS_ITEM_ROW (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  item = fita_item_row_get_item (FITA_ITEM_ROW (widget));
  return item != NULL && g_strcmp0 (fita_item_object_get_item (item)->code, code) == 0;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
is_window_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

static gboolean
is_status_badge (GtkWidget     *widget,
                 gconstpointer  data)
{
  return FITA_IS_STATUS_BADGE (widget);
}

static FitaWindow *
find_window_with_plan (const char *path)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      FitaPlan *plan = FITA_IS_WINDOW (l->data) ? fita_window_get_plan (l->data) : NULL;

      if (plan != NULL && g_strcmp0 (fita_plan_get_path (plan), path) == 0)
        return l->data;
    }

  return NULL;
}


static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
has_no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}


/* Clicks the dialog's Close button, as a person would. */
static void
close_message_dialog (AdwMessageDialog *dialog)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (dialog), is_button_labelled, "_Close");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (wait_until (has_no_message_dialog, NULL));
}

static gboolean
shows_row (gpointer data)
{
  FitaWindow *window = FITA_WINDOW (((gpointer *)data)[0]);

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         find_descendant (GTK_WIDGET (window), is_row_of, ((gpointer *)data)[1]) != NULL;
}

/* A copy of an example in a new file of the test's own directory. */
static char *
save_example (const char *name,
              const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load (name, &error);
  char *path = g_build_filename (g_get_user_cache_dir (), basename, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  fita_plan_save_new (plan, path, &error);
  g_assert_no_error (error);
  return path;
}

static void
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
}



static void
test_outline (void)
{
  static const char * const codes[] = {
    "O3", "O3.A1", "11", "11.1", "11.2", "11.3", "11.4", "11.5",
  };
  g_autofree char *path = save_example (TERRASSA, "outline.fita");
  g_autofree char *expected_percent = fita_percent_format (12, fita_lang_from_locale ());
  g_autofree char *screenshot = NULL;
  g_autofree char *description = NULL;
  FitaWindow *window;
  GListModel *model;
  GtkWidget *row;
  GtkWidget *widget;
  gpointer wait_data[2];

  open_path (path);
  window = find_window_with_plan (path);
  g_assert_nonnull (window);

  wait_data[0] = window;
  wait_data[1] = (gpointer)"11.5";
  g_assert_true (wait_until (shows_row, wait_data));

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
  g_assert_false (gtk_widget_get_visible (find_descendant (row, is_status_badge, NULL)));
  row = find_descendant (GTK_WIDGET (window), is_row_of, "11.1");
  widget = find_descendant (row, is_status_badge, NULL);
  g_assert_true (gtk_widget_get_visible (widget));
  g_assert_true (fita_status_badge_get_dark_text (FITA_STATUS_BADGE (widget)));

  description = fita_item_object_describe (fita_item_row_get_item (FITA_ITEM_ROW (row)), "ca");
  g_assert_cmpstr (description, ==, "11.1, Radiografia d'agents i antenes dels barris, En curs, 30\u00a0%");

  /* Title and subtitle come from the plan. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Pla estratègic d'economia social i solidària Terrassa 2019-2026");
  widget = find_descendant (GTK_WIDGET (window), is_window_title, NULL);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)), ==,
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

static void
test_bad_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "not-a-plan.fita", NULL);
  g_autofree char *good = save_example (TERRASSA, "after-bad-file.fita");
  g_autofree char *screenshot = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *parent;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, "These are the minutes of a meeting, not a plan.\n", -1, &error);
  g_assert_no_error (error);

  open_path (path);
  g_assert_true (wait_until (has_message_dialog, NULL));

  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open “not-a-plan.fita”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");

  /* The dialog sits on a window that shows nothing, and the app goes on. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_assert_true (FITA_IS_WINDOW (parent));
  g_assert_null (fita_window_get_plan (FITA_WINDOW (parent)));
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (dialog), "bad-file");
  assert_png (screenshot, 300, 150);

  close_message_dialog (dialog);

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
  gpointer wait_data[2];

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-example",
                                  g_variant_new_string ("xmess-2017-2019"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  window = find_window_with_plan (path);
  g_assert_nonnull (window);

  wait_data[0] = window;
  wait_data[1] = (gpointer)"I.1.1";
  g_assert_true (wait_until (shows_row, wait_data));
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
  FitaPlan *shown;
  GtkWidget *bar;
  GtkWidget *label;
  gpointer wait_data[2];

  held = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (fita_plan_is_read_only (held));

  open_path (path);
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  shown = fita_window_get_plan (window);
  g_assert_true (fita_plan_is_read_only (shown));

  wait_data[0] = window;
  wait_data[1] = (gpointer)"11.5";
  g_assert_true (wait_until (shows_row, wait_data));

  bar = find_descendant (GTK_WIDGET (window), has_css_class, "read-only-bar");
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));
  label = gtk_widget_get_last_child (bar);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, fita_plan_get_read_only_reason (shown));

  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "read-only");
  assert_png (screenshot, 800, 500);

  close_all_windows ();
}

/* Folding and unfolding the selected row, as Left and Right do. */
static void
test_fold (void)
{
  g_autofree char *path = save_example (TERRASSA, "fold.fita");
  FitaOutline *outline;
  GListModel *model;
  FitaWindow *window;
  gpointer wait_data[2];

  open_path (path);
  window = find_window_with_plan (path);
  outline = fita_window_get_outline (window);
  model = fita_outline_get_model (outline);
  wait_data[0] = window;
  wait_data[1] = (gpointer)"11.5";
  g_assert_true (wait_until (shows_row, wait_data));
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

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
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
  return gtk_widget_get_mapped (data) && find_descendant (data, has_css_class, "boxed-list") != NULL;
}

static void
test_welcome (void)
{
  g_auto(GStrv) names = fita_examples_list ();
  g_autofree char *screenshot = NULL;
  GtkWidget *window;
  GtkWidget *list;
  guint n_rows = 0;

  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (FITA_IS_WINDOW (window));
  g_assert_null (fita_window_get_plan (FITA_WINDOW (window)));

  g_assert_true (wait_until (lists_examples, window));
  list = find_descendant (window, has_css_class, "boxed-list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      n_rows++;
  g_assert_cmpuint (n_rows, ==, g_strv_length (names));

  settle ();
  screenshot = save_screenshot (window, "welcome");
  assert_png (screenshot, 800, 500);

  close_all_windows ();
}

static void
test_accels (void)
{
  static const char * const expected[][2] = {
    { "app.quit", "<Control>q" },
    { "win.open", "<Control>o" },
    { "window.close", "<Control>w" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i][0]);

      g_assert_true (g_strv_contains ((const char * const *)accels, expected[i][1]));
    }
}



int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = isolate_home ();
  int status;

  g_test_init (&argc, &argv, NULL);

  app = fita_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window/outline", test_outline);
  g_test_add_func ("/ui/window/bad-file", test_bad_file);
  g_test_add_func ("/ui/window/example", test_example);
  g_test_add_func ("/ui/window/unknown-example", test_unknown_example);
  g_test_add_func ("/ui/window/welcome", test_welcome);
  g_test_add_func ("/ui/window/read-only", test_read_only);
  g_test_add_func ("/ui/window/fold", test_fold);
  g_test_add_func ("/ui/application/command-line-example", test_command_line_example);
  g_test_add_func ("/ui/application/accels", test_accels);

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (home);
  return status;
}
