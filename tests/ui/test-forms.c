/* test-forms: the yearly round of update forms in the app, against a real
 * (virtual) X server: Make Update Forms… writes a form for every
 * responsible service through its dialog; an answered form is opened in
 * the merge screen, its changes and a conflict shown, the conflict
 * decided, merged as one undo step and undone; a refused form shows its
 * reasons and cannot be merged. Screenshots of both screens. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-application.h"
#include "fita-forms-dialog.h"
#include "fita-forms.h"
#include "fita-merge-dialog.h"
#include "fita-ui-test.h"
#include "fita-window-forms.h"
#include "fita-window-test.h"
#include "fita-years.h"

/* Terrassa's followed year */
#define YEAR 2024
#define EMPRENEDORIA "Servei d'Emprenedoria i Economia Social"
#define PROMOCIO "Servei de Promoció Econòmica"

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
has_toplevel_of_type (gpointer type)
{
  return find_toplevel_of_type (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
has_no_toplevel_of_type (gpointer type)
{
  return find_toplevel_of_type (GPOINTER_TO_SIZE (type)) == NULL;
}

/* The window of type the app opens (a dialog), once it is there. */
static GtkWindow *
wait_for_toplevel (GType type)
{
  g_assert_true (wait_until (has_toplevel_of_type, GSIZE_TO_POINTER (type)));
  return find_toplevel_of_type (type);
}

/* Waits until no window of type is left. */
static void
wait_for_no_toplevel (GType type)
{
  g_assert_true (wait_until (has_no_toplevel_of_type, GSIZE_TO_POINTER (type)));
}

static gboolean
shows_toast_button (gpointer window)
{
  return find_descendant (window, is_button_labelled, "Open _Folder") != NULL;
}

static guint
count_files (const char *folder,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* The example names its service but makes it responsible for nothing:
 * as an officer would, give 11.1–11.5 to it and 11.4–11.5 to a second
 * service too. */
static void
assign_services (FitaPlan *plan)
{
  g_autoptr(GError) error = NULL;
  FitaAgent *emprenedoria = fita_plan_find_by_name (plan, FITA_TABLE_AGENT, EMPRENEDORIA);
  FitaAgent *promocio = fita_plan_new_record (plan, FITA_TABLE_AGENT);
  const char *codes[] = { "11.1", "11.2", "11.3", "11.4", "11.5" };

  g_assert_nonnull (emprenedoria);
  promocio->name = g_strdup (PROMOCIO);
  promocio->kind = FITA_AGENT_SERVICE;
  fita_plan_begin (plan, "Assign the services");
  g_assert_true (fita_plan_insert (plan, promocio, 0, -1, &error));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      FitaItem *item = fita_plan_find_item (plan, codes[i]);
      FitaResponsibility *role = fita_plan_new_record (plan, FITA_TABLE_RESPONSIBILITY);

      role->agent_id = emprenedoria->rec.id;
      role->role = FITA_ROLE_EXECUTES;
      g_assert_true (fita_plan_insert (plan, role, item->rec.id, -1, &error));
      if (i >= 3)
        {
          role = fita_plan_new_record (plan, FITA_TABLE_RESPONSIBILITY);
          role->agent_id = promocio->rec.id;
          role->role = FITA_ROLE_SUPPORTS;
          g_assert_true (fita_plan_insert (plan, role, item->rec.id, -1, &error));
        }
    }
  g_assert_true (fita_plan_end (plan, &error));
  g_assert_no_error (error);
}

static gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* What the dialog says it will write. */
static const char *
files_subtitle (FitaFormsDialog *dialog)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (dialog), is_row_titled, "Files");

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Make Update Forms… from the menu's action: every responsible service's
 * form of the followed year, in a folder of the test's own. */
static char *
make_forms (FitaWindow      *window,
            FitaFormsFormat  format,
            const char      *shot)
{
  g_autofree char *folder = g_dir_make_tmp ("fita-forms-test-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autoptr(GPtrArray) agents = fita_forms_agents (plan);
  FitaFormsDialog *dialog;

  g_assert_nonnull (folder);
  activate (window, "win.make-forms");
  dialog = FITA_FORMS_DIALOG (wait_for_toplevel (FITA_TYPE_FORMS_DIALOG));
  g_assert_cmpint (fita_forms_dialog_get_year (dialog), ==, fita_forms_default_year (plan));
  g_assert_cmpint (fita_forms_dialog_get_agent (dialog), ==, 0);
  /* the services listed with how many items each answers for */
  {
    GtkWidget *row = find_descendant (GTK_WIDGET (dialog), is_combo_row_titled, "_Service");
    GListModel *choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));

    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, agents->len + 1);
    if (agents->len == 2)
      {
        g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "All responsible services (2)");
        g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==, EMPRENEDORIA " — 5 items");
        g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, PROMOCIO " — 2 items");
      }
  }
  /* one service, then all of them again */
  g_assert_true (fita_forms_dialog_set_agent (dialog, ((FitaAgent *) agents->pdata[0])->rec.id));
  g_assert_cmpint (fita_forms_dialog_get_agent (dialog), ==, ((FitaAgent *) agents->pdata[0])->rec.id);
  g_assert_true (fita_forms_dialog_set_agent (dialog, 0));
  /* another year than the one followed up: its answers could not be merged, and it says so */
  fita_forms_dialog_set_year (dialog, YEAR - 1);
  g_assert_nonnull (strstr (files_subtitle (dialog), "cannot be merged"));
  fita_forms_dialog_set_year (dialog, YEAR);
  g_assert_null (strstr (files_subtitle (dialog), "cannot be merged"));
  fita_forms_dialog_set_format (dialog, format);
  fita_forms_dialog_set_folder (dialog, file);
  g_assert_true (wait_until (is_shown, dialog));
  if (shot != NULL)
    {
      g_autofree char *png = NULL;

      settle ();
      png = save_screenshot (GTK_WIDGET (dialog), shot);
      assert_png (png, 400, 300);
    }
  /* the Make Forms button, as a person would */
  click (find_descendant (GTK_WIDGET (dialog), is_button_labelled, "_Make Forms"));
  wait_for_no_toplevel (FITA_TYPE_FORMS_DIALOG);
  g_assert_true (wait_until (shows_toast_button, window));
  g_assert_cmpuint (count_files (folder, format == FITA_FORMS_XLSX ? ".xlsx" : ".ods"), ==, agents->len);
  return g_steal_pointer (&folder);
}

static void
test_make_forms (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("forms.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autoptr(GPtrArray) agents = fita_forms_agents (plan);
  g_autofree char *folder = NULL;
  g_autofree char *xlsx = NULL;

  /* the main menu offers both steps of the round */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window), is_primary_menu, NULL));
    g_autofree char *shot = NULL;

    g_assert_nonnull (menu);
    gtk_menu_button_popup (menu);
    g_assert_true (wait_until (is_shown, gtk_menu_button_get_popover (menu)));
    settle ();
    shot = save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "forms-main-menu");
    assert_png (shot, 150, 200);
    gtk_menu_button_popdown (menu);
  }
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "make-forms"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "merge-form"));

  assign_services (plan);
  g_ptr_array_unref (agents);
  agents = fita_forms_agents (plan);
  g_assert_cmpuint (agents->len, ==, 2);
  g_assert_cmpint (fita_forms_default_year (plan), ==, YEAR);
  folder = make_forms (window, FITA_FORMS_ODS, "forms-dialog");
  xlsx = make_forms (window, FITA_FORMS_XLSX, NULL);
  /* a form of each service, named after it */
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = agents->pdata[i];
      g_autofree char *name = fita_forms_file_name (YEAR, agent->name, FITA_FORMS_ODS);
      g_autofree char *form = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_test (form, G_FILE_TEST_IS_REGULAR));
    }
  remove_tree (folder);
  remove_tree (xlsx);
  close_all_windows ();
}

static void
set_progress (FitaPlan   *plan,
              const char *code,
              gint64      percent)
{
  g_autoptr(GError) error = NULL;

  fita_plan_begin (plan, "Set the progress");
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, code), "progress", percent * 100, &error));
  g_assert_true (fita_plan_end (plan, &error));
  g_assert_no_error (error);
}

static gint64
progress_of (FitaPlan   *plan,
             const char *code)
{
  return fita_plan_find_item (plan, code)->progress_bp / 100;
}

/* A service's answers: formfill.py (tests/cli) edits the form as a
 * spreadsheet program would, keeping its key. */
static char *
fill_form_as (const char *form,
              const char *basename,
              const char *answers_json,
              gboolean    libreoffice)
{
  g_autofree char *folder = g_path_get_dirname (form);
  char *filled = g_build_filename (folder, basename, NULL);
  const char *script =
    "import sys, json\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "import formfill\n"
    "formfill.fill(sys.argv[2], sys.argv[3], json.loads(sys.argv[4]))\n"
    "if sys.argv[5] == 'libreoffice':\n"
    "    import os\n"
    "    fmt = os.path.splitext(sys.argv[3])[1][1:]\n"
    "    formfill.through_libreoffice(sys.argv[3], fmt, os.path.dirname(sys.argv[3]))\n";
  g_autofree char *cli = g_test_build_filename (G_TEST_DIST, "cli", NULL);
  const char *argv[] = { "python3", "-c", script, cli, form, filled, answers_json,
                         libreoffice ? "libreoffice" : "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("formfill.py failed: %s", err);
  return filled;
}

static char *
fill_form (const char *form,
           const char *basename,
           const char *answers_json)
{
  return fill_form_as (form, basename, answers_json, FALSE);
}

static gboolean
has_read (gpointer dialog)
{
  return !fita_merge_dialog_get_loading (dialog);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The row of a field: "CODE:KEY" */
static GtkWidget *
field_row (FitaMergeDialog *dialog,
           const char      *name)
{
  return find_descendant (GTK_WIDGET (dialog), is_named, name);
}

static GtkWidget *
merge_button (FitaMergeDialog *dialog)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (dialog), is_button_labelled, "_Merge");

  g_assert_nonnull (button);
  return button;
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_text (GtkWidget     *widget,
         gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
shows_undo_toast (gpointer window)
{
  return find_descendant (window, is_button_labelled, "_Undo") != NULL;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *png = NULL;

  g_assert_true (wait_until (is_shown, widget));
  settle ();
  png = save_screenshot (widget, name);
  assert_png (png, 400, 300);
}

static FitaMergeDialog *
open_form (FitaWindow *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FitaMergeDialog *dialog = FITA_MERGE_DIALOG (fita_window_merge_form (window, file));

  g_assert_true (wait_until (has_read, dialog));
  g_assert_nonnull (fita_merge_dialog_get_merge (dialog));
  return dialog;
}

/* What the window's drop target does with a file dropped on it (GTK
 * cannot make a drag in a test). */
static FitaMergeDialog *
drop_form (FitaWindow *window,
           const char *path)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  FitaMergeDialog *dialog;
  gboolean taken = FALSE;

  for (guint i = 0; target == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &taken);
  g_assert_true (taken);
  dialog = FITA_MERGE_DIALOG (find_toplevel_of_type (FITA_TYPE_MERGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (has_read, dialog));
  g_assert_nonnull (fita_merge_dialog_get_merge (dialog));
  return dialog;
}

static char *
form_of (const char *folder,
         const char *agent)
{
  g_autofree char *name = fita_forms_file_name (YEAR, agent, FITA_FORMS_ODS);

  return g_build_filename (folder, name, NULL);
}

/* A service's answers merged: its changes and a conflict (a percent
 * changed in the plan since the form was sent) shown; Merge off until the
 * conflict is decided; then merged as one step, and undone. */
static void
test_merge (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("merge.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autofree char *folder = NULL;
  g_autofree char *form = NULL;
  g_autofree char *filled = NULL;
  FitaMergeDialog *dialog;
  FitaMerge *merge;
  GtkWidget *row;
  g_autofree char *status_before = NULL;

  assign_services (plan);
  folder = make_forms (window, FITA_FORMS_ODS, NULL);
  g_assert_cmpuint (count_files (folder, ".ods"), ==, 2);
  form = form_of (folder, EMPRENEDORIA);
  filled = fill_form (form, "answered.ods",
                      "{\"11.1\": {\"progress\": 50},"
                      " \"11.2\": {\"progress\": 25, \"execution\": \"Reunions amb 12 entitats dels barris\"},"
                      " \"11.3\": {\"status\": \"En curs\", \"progress\": 15}}");
  /* meanwhile an officer moves 11.1 on in the plan: a conflict */
  set_progress (plan, "11.1", 40);
  status_before = g_strdup (((FitaStatus *) fita_plan_lookup (plan, FITA_TABLE_STATUS,
                                                              fita_plan_find_item (plan, "11.3")->status_id))->name);

  /* dropped on the window, as from the file manager */
  dialog = drop_form (window, filled);
  merge = fita_merge_dialog_get_merge (dialog);
  g_assert_false (fita_merge_is_refused (merge));
  g_assert_cmpuint (fita_merge_get_n_items (merge), ==, 3);
  g_assert_cmpuint (fita_merge_get_n_conflicts (merge), ==, 1);
  /* each field a row, the conflict with its two choices */
  g_assert_nonnull (field_row (dialog, "11.2:progress"));
  g_assert_nonnull (field_row (dialog, "11.2:execution"));
  g_assert_nonnull (field_row (dialog, "11.3:status"));
  row = field_row (dialog, "11.1:progress");
  g_assert_nonnull (row);
  g_assert_nonnull (find_descendant (row, is_toggle_labelled, "Keep the plan’s"));
  g_assert_nonnull (find_descendant (row, is_toggle_labelled, "Take the form’s"));
  screenshot (GTK_WIDGET (dialog), "merge-conflict");
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_text, "Plan: 40% → Form: 50%"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_text, "Conflict"));
  /* Merge is off, and says why */
  g_assert_false (gtk_widget_is_sensitive (merge_button (dialog)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (merge_button (dialog)));

  /* every conflict decided at once, from the keyboard's side (the
   * action its button activates): the plan's value */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.decide-all", "s", "plan"));
  g_assert_cmpint (fita_merge_get_n_undecided (merge), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_descendant (row, is_toggle_labelled, "Keep the plan’s"))));
  g_assert_true (gtk_widget_is_sensitive (merge_button (dialog)));
  /* then the form's after all, in the conflict's own row */
  click (find_descendant (row, is_toggle_labelled, "Take the form’s"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_descendant (row, is_toggle_labelled, "Keep the plan’s"))));
  g_assert_cmpint (fita_merge_get_n_undecided (merge), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (merge_button (dialog)));
  screenshot (GTK_WIDGET (dialog), "merge-decided");
  click (merge_button (dialog));
  wait_for_no_toplevel (FITA_TYPE_MERGE_DIALOG);
  g_assert_cmpint (progress_of (plan, "11.1"), ==, 50);
  g_assert_cmpint (progress_of (plan, "11.2"), ==, 25);
  g_assert_cmpint (progress_of (plan, "11.3"), ==, 15);
  g_assert_cmpstr (((FitaStatus *) fita_plan_lookup (plan, FITA_TABLE_STATUS,
                                                     fita_plan_find_item (plan, "11.3")->status_id))->name, ==, "En curs");
  g_assert_true (wait_until (shows_undo_toast, window));
  screenshot (GTK_WIDGET (window), "merge-merged");

  /* one step undoes the whole merge */
  activate (window, "win.undo");
  g_assert_cmpint (progress_of (plan, "11.1"), ==, 40);
  g_assert_cmpint (progress_of (plan, "11.2"), ==, 10);
  g_assert_cmpint (progress_of (plan, "11.3"), ==, 0);
  g_assert_cmpstr (((FitaStatus *) fita_plan_lookup (plan, FITA_TABLE_STATUS,
                                                     fita_plan_find_item (plan, "11.3")->status_id))->name, ==, status_before);

  remove_tree (folder);
  close_all_windows ();
}

/* A form with a percent out of range: refused, the sheet, row and reason
 * listed, Merge off; Cancel changes nothing. */
static void
test_refused (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("refused.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autofree char *folder = NULL;
  g_autofree char *form = NULL;
  g_autofree char *filled = NULL;
  FitaMergeDialog *dialog;
  FitaMerge *merge;
  GListModel *refusals;
  g_autoptr(FitaMergeRefusal) refusal = NULL;
  guint64 generation;

  assign_services (plan);
  folder = make_forms (window, FITA_FORMS_ODS, NULL);
  form = form_of (folder, PROMOCIO);
  filled = fill_form (form, "refused.ods", "{\"11.4\": {\"progress\": 150}, \"11.5\": {\"progress\": 60}}");
  generation = fita_plan_get_generation (plan);

  /* opened as a file on the plan's window, as from the file manager: the
   * merge screen, not the import assistant */
  {
    g_autoptr(GFile) file = g_file_new_for_path (filled);

    fita_application_open_file (app, file, window);
    dialog = FITA_MERGE_DIALOG (wait_for_toplevel (FITA_TYPE_MERGE_DIALOG));
    g_assert_true (wait_until (has_read, dialog));
  }
  merge = fita_merge_dialog_get_merge (dialog);
  g_assert_nonnull (merge);
  g_assert_true (fita_merge_is_refused (merge));
  refusals = fita_merge_get_refusals (merge);
  g_assert_cmpuint (g_list_model_get_n_items (refusals), >=, 1);
  refusal = g_list_model_get_item (refusals, 0);
  g_assert_cmpstr (fita_merge_refusal_get_code (refusal), ==, "11.4");
  g_assert_cmpuint (fita_merge_refusal_get_row (refusal), >, 1);
  g_assert_true (wait_until (is_shown, dialog));
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_text, "Why the Form Is Refused"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (dialog), is_text, fita_merge_refusal_get_reason (refusal)));
  g_assert_false (gtk_widget_is_sensitive (merge_button (dialog)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (merge_button (dialog)));
  screenshot (GTK_WIDGET (dialog), "merge-refused");

  /* Cancel, from the keyboard: Escape */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_for_no_toplevel (FITA_TYPE_MERGE_DIALOG);
  g_assert_cmpuint (fita_plan_get_generation (plan), ==, generation);
  g_assert_cmpint (progress_of (plan, "11.5"), ==, 20);

  remove_tree (folder);
  close_all_windows ();
}

/* A form merged while a closed year is shown: the window goes back to the
 * plan as it is now, which the answers change. */
static void
test_merge_from_closed_year (void)
{
  g_autofree char *path = NULL;
  FitaWindow *window = open_terrassa ("closed.fita", &path);
  FitaPlan *plan = fita_window_get_plan (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *form = NULL;
  g_autofree char *filled = NULL;

  assign_services (plan);
  folder = make_forms (window, FITA_FORMS_ODS, NULL);
  form = form_of (folder, PROMOCIO);
  filled = fill_form (form, "closed.ods", "{\"11.5\": {\"progress\": 60}}");
  g_assert_true (fita_plan_close_year (plan, 2024, "Anna Puig", &error));
  g_assert_no_error (error);
  fita_window_set_year (window, 2024);
  g_assert_cmpint (fita_window_get_year (window), ==, 2024);

  {
    g_autoptr(GFile) file = g_file_new_for_path (filled);
    FitaMergeDialog *dialog = FITA_MERGE_DIALOG (fita_window_merge_form (window, file));

    g_assert_cmpint (fita_window_get_year (window), ==, 0);
    g_assert_true (wait_until (has_read, dialog));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
    wait_for_no_toplevel (FITA_TYPE_MERGE_DIALOG);
  }

  remove_tree (folder);
  close_all_windows ();
}

/* The officer's round, as the issue asks: the forms of the Terrassa
 * example made, one filled by its service in LibreOffice (a script and a
 * headless conversion, so the file is one LibreOffice wrote) while the
 * plan moved on, and merged. The screenshot is docs/screenshots/merge.png. */
static void
test_walkthrough (void)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *form = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *program = g_find_program_in_path ("soffice");
  FitaWindow *window;
  FitaPlan *plan;
  FitaMergeDialog *dialog;
  FitaMerge *merge;

  if (program == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  window = open_terrassa ("walkthrough.fita", &path);
  plan = fita_window_get_plan (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  assign_services (plan);
  folder = make_forms (window, FITA_FORMS_XLSX, "forms");
  {
    g_autofree char *name = fita_forms_file_name (YEAR, EMPRENEDORIA, FITA_FORMS_XLSX);

    form = g_build_filename (folder, name, NULL);
  }
  filled = fill_form_as (form, "Resposta Emprenedoria.xlsx",
                         "{\"11.1\": {\"progress\": 60, \"execution\": \"Mapa d'agents fet a 4 barris; falten Can Parellada i Les Arenes.\"},"
                         " \"11.2\": {\"status\": \"En curs\", \"progress\": 35, \"next_steps\": \"Sessió de co-disseny al març\"},"
                         " \"11.3\": {\"status\": \"En curs\", \"progress\": 20, \"strengths\": \"Bona resposta de les entitats\"}}",
                         TRUE);
  /* meanwhile the officer had entered another figure for 11.1 */
  set_progress (plan, "11.1", 45);

  dialog = open_form (window, filled);
  merge = fita_merge_dialog_get_merge (dialog);
  g_assert_false (fita_merge_is_refused (merge));
  g_assert_cmpuint (fita_merge_get_n_items (merge), ==, 3);
  g_assert_cmpuint (fita_merge_get_n_conflicts (merge), ==, 1);
  screenshot (GTK_WIDGET (dialog), "merge");
  click (find_descendant (field_row (dialog, "11.1:progress"), is_toggle_labelled, "Take the form’s"));
  click (merge_button (dialog));
  wait_for_no_toplevel (FITA_TYPE_MERGE_DIALOG);
  g_assert_cmpint (progress_of (plan, "11.1"), ==, 60);
  g_assert_cmpint (progress_of (plan, "11.2"), ==, 35);

  remove_tree (folder);
  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/forms/make", test_make_forms);
  g_test_add_func ("/ui/forms/merge", test_merge);
  g_test_add_func ("/ui/forms/refused", test_refused);
  g_test_add_func ("/ui/forms/merge-from-closed-year", test_merge_from_closed_year);
  g_test_add_func ("/ui/forms/walkthrough", test_walkthrough);

  return run_app_tests ();
}
