/* fita-window-forms.c: the window's actions for the yearly round of
 * update forms: Make Update Forms…, Merge an Answered Form…, and opening
 * the folder the forms went to. They live in the window's action map
 * (the "win" group, as GtkApplicationWindow keeps it), added once a
 * window by fita_window_init_forms (). */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-forms-dialog.h"
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

static void
open_folder_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
plan_changed_cb (FitaWindow *window)
{
  gboolean has_plan = fita_window_get_plan (window) != NULL;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (window), "make-forms");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_plan);
}

void
fita_window_init_forms (FitaWindow *window)
{
  static const GActionEntry entries[] = {
    { .name = "make-forms", .activate = make_forms_cb },
    { .name = "open-folder", .activate = open_folder_cb, .parameter_type = "s" },
  };

  g_return_if_fail (FITA_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
  g_signal_connect (window, "notify::plan", G_CALLBACK (plan_changed_cb), NULL);
  plan_changed_cb (window);
}
