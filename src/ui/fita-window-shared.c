/* fita-window-shared.c: the window with a shared plan: File › Open Shared
 * Plan… and reopening one from the recent list (win.open-shared-plan,
 * win.open-shared), following others' changes once it is open, the
 * subtitle that says which plan on which server and as whom, and the toast
 * once a lost connection is back. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-application.h"
#include "fita-field.h"
#include "fita-shared.h"
#include "fita-shared-dialog.h"
#include "fita-window-private.h"

char *
_fita_window_shared_subtitle (FitaWindow *self)
{
  g_autofree char *where = NULL;
  const char *user, *agent;

  if (self->plan == NULL || !fita_plan_is_shared (self->plan))
    return NULL;

  where = fita_shared_describe_location (fita_plan_get_path (self->plan));
  user = fita_plan_get_user (self->plan);
  agent = fita_plan_get_access_agent (self->plan);
  if (user == NULL || user[0] == '\0')
    return g_steal_pointer (&where);
  if (fita_plan_get_access (self->plan) == FITA_ACCESS_FOLLOW_UP && agent != NULL && agent[0] != '\0')
    /* Translators: the subtitle of a window showing a shared plan opened
     * by a service: the plan and its server, the user, and the service
     * whose items the user follows up, "terrassa-ess on fita.example.org
     * — jordi, following up Servei d'Esports" */
    return g_strdup_printf (C_("window subtitle", "%s — %s, following up %s"), where, user, agent);
  /* Translators: the subtitle of a window showing a shared plan: the plan
   * and its server, and the user, "terrassa-ess on fita.example.org —
   * jordi" */
  return g_strdup_printf (C_("window subtitle", "%s — %s"), where, user);
}

void
_fita_window_shared_plan_set (FitaWindow *self)
{
  /* others' changes from now on, as they come; and reconnecting */
  if (self->plan != NULL && fita_plan_is_shared (self->plan))
    fita_plan_watch (self->plan);
}

/* Connected after every other handler of the plan's "changed": the
 * pages have followed someone else's change. */
static void
remote_followed_cb (FitaWindow        *self,
                    const FitaChanges *changes)
{
  if (fita_changes_is_remote (changes))
    fita_field_end_remote ();
}

void
_fita_window_shared_changed (FitaWindow        *self,
                             const FitaChanges *changes)
{
  gint64 shown = fita_item_editor_get_item_id (self->item_editor);

  /* (the window's handler runs first: it connected to the plan first) */
  if (fita_changes_is_remote (changes))
    fita_field_begin_remote ();

  /* The item being looked at (or typed in) went: the editor clears (the
   * outline selects what is left), and says why. */
  if (fita_changes_is_remote (changes) && shown != 0 && self->shown_plan == self->plan &&
      fita_plan_lookup (self->plan, FITA_TABLE_ITEM, shown) == NULL)
    fita_window_add_toast (self, adw_toast_new (_("Someone else deleted the item you were looking at.")));
}

static void
reconnected_cb (FitaWindow *self)
{
  AdwToast *toast = adw_toast_new (_("Reconnected. Others’ changes are shown."));

  fita_window_add_toast (self, toast);
}

void
_fita_window_init_shared (FitaWindow *self)
{
  g_signal_connect_object (self->shared_banner, "reconnected",
                           G_CALLBACK (reconnected_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_data (self->plan_signals, "changed", G_CALLBACK (remote_followed_cb),
                               self, NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
open_shared_plan_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FitaSharedDialog *dialog = fita_shared_dialog_new (GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_shared_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (FITA_IS_APPLICATION (app))
    fita_application_open_shared (FITA_APPLICATION (app), g_variant_get_string (param, NULL),
                                  FITA_WINDOW (widget));
}

void
fita_window_class_add_shared_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-shared-plan", NULL, open_shared_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-shared", "s", open_shared_action);
}

FitaSharedBanner *
fita_window_get_shared_banner (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  return self->shared_banner;
}
