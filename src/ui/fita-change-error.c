/* fita-change-error.c: see fita-change-error.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-accessible.h"
#include "fita-change-error.h"
#include "fita-error.h"

typedef struct {
  FitaPlan          *plan;
  GWeakRef           widget;
  FitaChangeSettled  settled;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->plan);
  g_weak_ref_clear (&pending->widget);
  g_free (pending);
}

static Pending *
pending_new (GtkWidget *widget, FitaPlan *plan, FitaChangeSettled settled)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->plan = g_object_ref (plan);
  g_weak_ref_init (&pending->widget, widget);
  pending->settled = settled;
  return pending;
}

static void
settle (Pending *pending)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&pending->widget);

  if (widget != NULL && pending->settled != NULL)
    pending->settled (widget);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
message_dialog_new (GtkWidget  *widget,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (widget), heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static void show_conflict (GtkWidget *widget, Pending *pending, const GError *error);

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Pending          *pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&pending->widget);

  if (g_str_equal (response, "mine"))
    {
      if (!fita_plan_keep_mine (pending->plan, &error) &&
          fita_change_error_show (widget != NULL ? widget : GTK_WIDGET (dialog), pending->plan, error, pending->settled))
        {
          /* asked again (or refused) above: that dialog settles it */
          return;
        }
      if (error != NULL)
        {
          GtkWidget *failed = message_dialog_new (widget, _("Your Change Was Not Saved"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
          fita_accessible_fix_tree (failed);
          gtk_window_present (GTK_WINDOW (failed));
        }
    }
  else
    fita_plan_take_theirs (pending->plan);
  settle (pending);
}

static void
show_conflict (GtkWidget    *widget,
               Pending      *pending,
               const GError *error)
{
  GtkWidget *dialog = message_dialog_new (widget, _("Someone Else Changed This"), error->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: after a conflict, make
                                     * one's own change again on top of the
                                     * other person's */
                                    "mine", _("_Keep Mine"),
                                    /* Translators: after a conflict, keep
                                     * the other person's change */
                                    "theirs", _("_Take Theirs"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "theirs", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  /* Escape keeps what the plan shows: theirs. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  g_signal_connect_data (dialog, "response", G_CALLBACK (conflict_response_cb),
                         pending, (GClosureNotify) (void (*) (void)) pending_free, 0);
  fita_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
permission_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Pending          *pending)
{
  settle (pending);
}

gboolean
fita_change_error_show (GtkWidget         *widget,
                        FitaPlan          *plan,
                        const GError      *error,
                        FitaChangeSettled  settled)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (error == NULL || plan == NULL || error->domain != FITA_ERROR)
    return FALSE;

  switch (error->code)
    {
    case FITA_ERROR_CONFLICT:
      show_conflict (widget, pending_new (widget, plan, settled), error);
      return TRUE;
    case FITA_ERROR_PERMISSION:
      {
        GtkWidget *dialog = message_dialog_new (widget, _("You Cannot Change This"), error->message);

        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
        g_signal_connect_data (dialog, "response", G_CALLBACK (permission_response_cb),
                               pending_new (widget, plan, settled),
                               (GClosureNotify) (void (*) (void)) pending_free, 0);
        fita_accessible_fix_tree (dialog);
        gtk_window_present (GTK_WINDOW (dialog));
        return TRUE;
      }
    default:
      return FALSE;
    }
}
