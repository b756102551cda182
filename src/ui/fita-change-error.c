/* fita-change-error.c: see fita-change-error.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-accessible.h"
#include "fita-change-error.h"
#include "fita-error.h"

/* A value of some length is cut short in the dialog. */
#define MAX_SHOWN_CHARS 160

typedef struct {
  FitaPlan          *plan;     /* NULL: asked before saving (choice) */
  GWeakRef           widget;
  FitaChangeSettled  settled;
  FitaChangeChoice   choice;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->plan);
  g_weak_ref_clear (&pending->widget);
  g_free (pending);
}

static Pending *
pending_new (GtkWidget *widget, FitaPlan *plan)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->plan = plan != NULL ? g_object_ref (plan) : NULL;
  g_weak_ref_init (&pending->widget, widget);
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
message_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static void
present (GtkWidget *dialog)
{
  fita_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "“Disseny acció…”", for people. */
static char *
quoted (const char *value)
{
  g_autofree char *shown = NULL;

  if (value == NULL || value[0] == '\0')
    /* Translators: a value left empty, in the conflict dialog */
    return g_strdup (_("(empty)"));
  if (g_utf8_strlen (value, -1) > MAX_SHOWN_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (value, 0, MAX_SHOWN_CHARS);
      shown = g_strconcat (cut, "…", NULL);
    }
  /* Translators: a value quoted in the conflict dialog */
  return g_strdup_printf (_("“%s”"), shown != NULL ? shown : value);
}

static GtkWidget *
value_label (const char *format,
             const char *value)
{
  g_autofree char *text = quoted (value);
  g_autofree char *line = g_strdup_printf (format, text);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void conflict_response_cb (AdwMessageDialog *dialog, const char *response, Pending *pending);

static void
ask (GtkWidget  *widget,
     Pending    *pending,
     const char *body,
     const char *mine,
     const char *theirs)
{
  GtkWidget *dialog = message_dialog_new (window_of (widget), _("Someone Else Changed This"), body);

  if (mine != NULL || theirs != NULL)
    {
      GtkWidget *values = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      /* Translators: in the conflict dialog, the other person's value;
       * %s is the value, quoted */
      gtk_box_append (GTK_BOX (values), value_label (_("Theirs: %s"), theirs));
      /* Translators: in the conflict dialog, the officer's own value */
      gtk_box_append (GTK_BOX (values), value_label (_("Yours: %s"), mine));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), values);
    }
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
  present (dialog);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Pending          *pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&pending->widget);
  gboolean keep_mine = g_str_equal (response, "mine");
  GtkWindow *parent = widget != NULL ? window_of (widget) : gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (pending->choice != NULL)
    {
      if (widget != NULL)
        pending->choice (widget, keep_mine);
      return;
    }
  if (!keep_mine)
    {
      fita_plan_take_theirs (pending->plan);
      settle (pending);
      return;
    }
  if (fita_plan_keep_mine (pending->plan, &error))
    {
      settle (pending);
      return;
    }
  /* a conflict again (someone was quicker still), or a refusal: asked or
   * said again, and that answer settles it */
  if (widget != NULL && fita_change_error_show (widget, pending->plan, error, pending->settled))
    return;
  {
    GtkWidget *failed = message_dialog_new (parent, _("Your Change Was Not Saved"), error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
    present (failed);
  }
  settle (pending);
}

static void
permission_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Pending          *pending)
{
  settle (pending);
}

gboolean
fita_change_error_show_values (GtkWidget         *widget,
                               FitaPlan          *plan,
                               const GError      *error,
                               const char        *mine,
                               const char        *theirs,
                               FitaChangeSettled  settled)
{
  Pending *pending;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (error == NULL || plan == NULL || error->domain != FITA_ERROR ||
      (error->code != FITA_ERROR_CONFLICT && error->code != FITA_ERROR_PERMISSION))
    return FALSE;

  pending = pending_new (widget, plan);
  pending->settled = settled;
  if (error->code == FITA_ERROR_CONFLICT)
    {
      ask (widget, pending, error->message, mine, theirs);
    }
  else
    {
      GtkWidget *dialog = message_dialog_new (window_of (widget), _("You Cannot Change This"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_signal_connect_data (dialog, "response", G_CALLBACK (permission_response_cb),
                             pending, (GClosureNotify) (void (*) (void)) pending_free, 0);
      present (dialog);
    }
  return TRUE;
}

gboolean
fita_change_error_show (GtkWidget         *widget,
                        FitaPlan          *plan,
                        const GError      *error,
                        FitaChangeSettled  settled)
{
  return fita_change_error_show_values (widget, plan, error, NULL, NULL, settled);
}

void
fita_change_error_ask (GtkWidget        *widget,
                       const char       *mine,
                       const char       *theirs,
                       FitaChangeChoice  choice)
{
  Pending *pending;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (choice != NULL);

  pending = pending_new (widget, NULL);
  pending->choice = choice;
  ask (widget, pending,
       _("While you were typing, someone else changed this. Keep yours, or take theirs and leave yours?"),
       mine, theirs);
}
