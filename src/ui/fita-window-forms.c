/* fita-window-forms.c: the window's actions for the yearly round of
 * update forms: Make Update Forms…, Merge an Answered Form…, and opening
 * the folder the forms went to. They live in the window's action map
 * (the "win" group, as GtkApplicationWindow keeps it), added once a
 * window by fita_window_init_forms (). */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-forms-dialog.h"
#include "fita-merge-dialog.h"
#include "fita-window-forms.h"

static void
make_forms_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  FitaWindow *window = FITA_WINDOW (user_data);

  if (fita_window_get_plan (window) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (fita_forms_dialog_new (window)));
}

GtkWindow *
fita_window_merge_form (FitaWindow *window,
                        GFile      *file)
{
  FitaMergeDialog *dialog;

  g_return_val_if_fail (FITA_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (fita_window_get_plan (window) != NULL, NULL);

  /* a form's answers go into the plan as it is now: shown, not hidden
   * behind a closed year's view (from the menu, a drop or the files) */
  if (fita_window_get_year (window) != 0)
    fita_window_set_year (window, 0);
  dialog = fita_merge_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));
  fita_merge_dialog_load_file (dialog, file);
  return GTK_WINDOW (dialog);
}

static void
merge_response_cb (GtkNativeDialog *chooser,
                   int              response,
                   FitaWindow      *window)
{
  if (response == GTK_RESPONSE_ACCEPT && fita_window_get_plan (window) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        fita_window_merge_form (window, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
merge_form_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  FitaWindow *window = FITA_WINDOW (user_data);
  FitaPlan *plan = fita_window_get_plan (window);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *path;

  if (plan == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Merge an Answered Form"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Update forms (ODS, XLSX)"));
  gtk_file_filter_add_suffix (filter, "ods");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if ((path = fita_plan_get_path (plan)) != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(GFile) parent = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (merge_response_cb), window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_folder_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

gboolean
fita_file_is_update_form (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(FitaMerge) merge = NULL;

  if (path == NULL || !(g_str_has_suffix (path, ".ods") || g_str_has_suffix (path, ".xlsx") ||
                        g_str_has_suffix (path, ".ODS") || g_str_has_suffix (path, ".XLSX")))
    return FALSE;
  merge = fita_merge_read_file (path, NULL);
  return merge != NULL;
}

/* An answered form dropped on a window showing a plan. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FitaWindow    *window)
{
  GFile *file = g_value_get_object (value);

  if (fita_window_get_plan (window) == NULL || !fita_file_is_update_form (file))
    return FALSE;
  fita_window_merge_form (window, file);
  return TRUE;
}

static void
plan_changed_cb (FitaWindow *window)
{
  gboolean has_plan = fita_window_get_plan (window) != NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (window), "make-forms");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_plan);
  /* a plan open read-only takes no answers */
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "merge-form");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               has_plan && !fita_plan_is_read_only (fita_window_get_plan (window)));
}

void
fita_window_init_forms (FitaWindow *window)
{
  static const GActionEntry entries[] = {
    { .name = "make-forms", .activate = make_forms_cb },
    { .name = "merge-form", .activate = merge_form_cb },
    { .name = "open-folder", .activate = open_folder_cb, .parameter_type = "s" },
  };
  GtkDropTarget *target;

  g_return_if_fail (FITA_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
  g_signal_connect (window, "notify::plan", G_CALLBACK (plan_changed_cb), NULL);
  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), window);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));
  plan_changed_cb (window);
}
