/* fita-shared-dialog.c: see fita-shared-dialog.h.
 *
 * Connecting can take seconds (a server far away, or not answering): it
 * runs in a GTask thread, which looks the password up in the keyring first
 * and then opens the plan; the FitaPlan made there comes back to the main
 * thread, which watches it from then on. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-accessible.h"
#include "fita-application.h"
#include "fita-error.h"
#include "fita-shared.h"
#include "fita-shared-dialog.h"

struct _FitaSharedDialog
{
  AdwWindow     parent_instance;

  /* The connection being made; NULL when none is. */
  GCancellable *cancellable;
  /* Typed in the password prompt for the location being tried, and
   * whether to keep it. */
  char         *password;
  gboolean      remember;

  /* Template widgets */
  GtkWidget    *fields_group;
  GtkEditable  *server_entry;
  GtkEditable  *database_entry;
  GtkEditable  *plan_entry;
  GtkEditable  *user_entry;
  GtkWidget    *status_box;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (FitaSharedDialog, fita_shared_dialog, ADW_TYPE_WINDOW)

/* One try at opening the plan, in the thread. */
typedef struct {
  char     *location;
  char     *password;       /* NULL: the keyring's, or none */
  gboolean  use_keyring;
  gboolean  from_keyring;   /* password is the keyring's */
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->location);
  g_free (attempt->password);
  g_free (attempt);
}

static void connect_to (FitaSharedDialog *self, const char *location, gboolean use_keyring);

static void
show_error (FitaSharedDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  /* as tall as the message needs: a shown window keeps its height else */
  if (message != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_set_default_size (GTK_WINDOW (self), gtk_widget_get_width (GTK_WIDGET (self)), -1);
}

static void
set_connecting (FitaSharedDialog *self,
                const char       *location)
{
  gboolean connecting = location != NULL;

  gtk_widget_set_visible (self->status_box, connecting);
  gtk_widget_set_sensitive (self->fields_group, !connecting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shared.connect", !connecting);
  if (connecting)
    {
      g_autofree char *description = fita_shared_describe_location (location);
      /* Translators: %s is a shared plan and its server, "terrassa-ess
       * on fita.example.org" */
      g_autofree char *status = g_strdup_printf (_("Connecting to %s…"), description);

      gtk_label_set_label (self->status_label, status);
      gtk_spinner_start (self->spinner);
      show_error (self, NULL);
    }
  else
    gtk_spinner_stop (self->spinner);
}

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  g_autoptr(GError) error = NULL;
  FitaPlan *plan;

  if (attempt->password == NULL && attempt->use_keyring)
    {
      attempt->password = fita_shared_lookup_password (attempt->location, cancellable);
      attempt->from_keyring = attempt->password != NULL;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  plan = fita_plan_open_full (attempt->location, FITA_OPEN_DEFAULT, attempt->password, &error);
  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
password_response_cb (AdwMessageDialog *prompt,
                      const char       *response,
                      FitaSharedDialog *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (prompt), "fita-password");
  GtkCheckButton *remember = g_object_get_data (G_OBJECT (prompt), "fita-remember");
  const char *location = g_object_get_data (G_OBJECT (prompt), "fita-location");

  /* GTK 4.8's password entry warns when it goes with the dialog while it
   * holds the focus (its caps-lock watch outlives it) */
  gtk_window_set_focus (GTK_WINDOW (prompt), NULL);
  if (!g_str_equal (response, "connect"))
    return;
  g_free (self->password);
  self->password = g_strdup (gtk_editable_get_text (entry));
  self->remember = gtk_check_button_get_active (remember);
  connect_to (self, location, FALSE);
}

/* The server wants a password, or refused the one given (refused). */
static void
ask_password (FitaSharedDialog *self,
              const char       *location,
              const GError     *error,
              gboolean          refused)
{
  g_autofree char *description = fita_shared_describe_location (location);
  g_autofree char *body = NULL;
  GtkWidget *prompt;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_password_entry_new ();
  GtkWidget *remember = gtk_check_button_new_with_mnemonic (_("_Remember the password"));

  if (refused)
    /* Translators: %s is a shared plan and its server */
    body = g_strdup_printf (_("The server of %s did not accept the password. %s"), description, error->message);
  else
    /* Translators: %s is a shared plan and its server */
    body = g_strdup_printf (_("The server of %s asks for your password."), description);
  prompt = adw_message_dialog_new (GTK_WINDOW (self), _("Password Needed"), body);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (remember), TRUE);
  gtk_widget_set_tooltip_text (remember, _("Keep the password in your keyring, so that Fita does not ask again"));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), remember);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (prompt), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (prompt),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (prompt), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (prompt), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (prompt), "cancel");
  gtk_window_set_modal (GTK_WINDOW (prompt), TRUE);
  g_object_set_data (G_OBJECT (prompt), "fita-password", entry);
  g_object_set_data (G_OBJECT (prompt), "fita-remember", remember);
  g_object_set_data_full (G_OBJECT (prompt), "fita-location", g_strdup (location), g_free);
  g_signal_connect_object (prompt, "response", G_CALLBACK (password_response_cb), self, 0);
  fita_accessible_fix_tree (prompt);
  gtk_window_present (GTK_WINDOW (prompt));
  gtk_widget_grab_focus (entry);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FitaSharedDialog *self = FITA_SHARED_DIALOG (object);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;
  GtkWindow *parent;

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: a later try (or closing the dialog) took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_connecting (self, NULL);

  if (plan == NULL && g_error_matches (error, FITA_ERROR, FITA_ERROR_PASSWORD))
    {
      ask_password (self, attempt->location, error, attempt->password != NULL);
      return;
    }
  if (plan == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* A password typed in is kept if the person said so; one from the
   * keyring is there already. */
  if (attempt->password != NULL && !attempt->from_keyring)
    {
      if (self->remember)
        fita_shared_store_password (attempt->location, attempt->password);
      else
        fita_shared_forget_password (attempt->location);
    }
  g_clear_pointer (&self->password, g_free);

  app = gtk_window_get_application (GTK_WINDOW (self));
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (app == NULL && parent != NULL)
    app = gtk_window_get_application (parent);
  if (FITA_IS_APPLICATION (app))
    fita_application_show_opened_plan (FITA_APPLICATION (app), plan,
                                       FITA_IS_WINDOW (parent) ? FITA_WINDOW (parent) : NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_to (FitaSharedDialog *self,
            const char       *location,
            gboolean          use_keyring)
{
  g_autoptr(GTask) task = NULL;
  Attempt *attempt = g_new0 (Attempt, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  attempt->location = g_strdup (location);
  attempt->password = use_keyring ? NULL : g_strdup (self->password);
  attempt->use_keyring = use_keyring;
  set_connecting (self, location);

  task = g_task_new (self, self->cancellable, connected_cb, NULL);
  g_task_set_source_tag (task, connect_to);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  /* Cancel answers at once; a plan opened after that is dropped. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, connect_thread);
}

void
fita_shared_dialog_connect (FitaSharedDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  g_return_if_fail (FITA_IS_SHARED_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  location = fita_shared_dialog_get_location (self, &error);
  if (location == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* A new location: the password typed for another one is not its. */
  g_clear_pointer (&self->password, g_free);
  self->remember = TRUE;
  connect_to (self, location, TRUE);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  fita_shared_dialog_connect (FITA_SHARED_DIALOG (widget));
}

/* Cancel stops connecting; when not connecting, it closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FitaSharedDialog *self = FITA_SHARED_DIALOG (widget);

  if (self->cancellable == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_connecting (self, NULL);
}

/* A whole address typed as the server says the rest itself. */
static void
server_changed_cb (FitaSharedDialog *self)
{
  gboolean whole = fita_location_is_shared (gtk_editable_get_text (self->server_entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->database_entry), !whole);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_entry), !whole);
  show_error (self, NULL);
}

static void
field_changed_cb (FitaSharedDialog *self)
{
  show_error (self, NULL);
}

static gboolean
fita_shared_dialog_close_request (GtkWindow *window)
{
  FitaSharedDialog *self = FITA_SHARED_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  return GTK_WINDOW_CLASS (fita_shared_dialog_parent_class)->close_request (window);
}

static void
fita_shared_dialog_dispose (GObject *object)
{
  FitaSharedDialog *self = FITA_SHARED_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->password, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_SHARED_DIALOG);

  G_OBJECT_CLASS (fita_shared_dialog_parent_class)->dispose (object);
}

static void
fita_shared_dialog_class_init (FitaSharedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fita_shared_dialog_dispose;
  window_class->close_request = fita_shared_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-shared-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, server_entry);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, database_entry);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, plan_entry);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedDialog, error_label);

  gtk_widget_class_install_action (widget_class, "shared.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "shared.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "shared.cancel", NULL);
}

static void
fita_shared_dialog_init (FitaSharedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->remember = TRUE;
  /* Left empty, libpq connects as the login. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->user_entry), g_get_user_name ());
  g_signal_connect_object (self->server_entry, "changed", G_CALLBACK (server_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->database_entry, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan_entry, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_entry, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  fita_accessible_fix_tree (GTK_WIDGET (self));
}

FitaSharedDialog *
fita_shared_dialog_new (GtkWindow *parent)
{
  return g_object_new (FITA_TYPE_SHARED_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

void
fita_shared_dialog_set_fields (FitaSharedDialog *self,
                               const char       *server,
                               const char       *database,
                               const char       *plan,
                               const char       *user)
{
  g_return_if_fail (FITA_IS_SHARED_DIALOG (self));

  gtk_editable_set_text (self->server_entry, server != NULL ? server : "");
  gtk_editable_set_text (self->database_entry, database != NULL ? database : "");
  gtk_editable_set_text (self->plan_entry, plan != NULL ? plan : "");
  gtk_editable_set_text (self->user_entry, user != NULL ? user : "");
}

/* postgresql://USER@HOST[:PORT]/DATABASE?plan=NAME and nothing else goes
 * back into the fields; any other address stays whole, as the server. */
void
fita_shared_dialog_set_location (FitaSharedDialog *self,
                                 const char       *location)
{
  g_autofree char *display = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *path, *query;

  g_return_if_fail (FITA_IS_SHARED_DIALOG (self));
  g_return_if_fail (location != NULL);

  display = fita_location_display (location);
  uri = g_uri_parse (display, G_URI_FLAGS_NON_DNS, NULL);
  path = uri != NULL ? g_uri_get_path (uri) : NULL;
  query = uri != NULL ? g_uri_get_query (uri) : NULL;
  params = query != NULL ? g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL) : NULL;
  if (uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
      path != NULL && path[0] == '/' && path[1] != '\0' && strchr (path + 1, '/') == NULL &&
      params != NULL && g_hash_table_size (params) == 1 && g_hash_table_contains (params, "plan"))
    {
      g_autofree char *server = g_uri_get_port (uri) > 0
                                ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
                                : g_strdup (g_uri_get_host (uri));

      fita_shared_dialog_set_fields (self, server, path + 1, g_hash_table_lookup (params, "plan"),
                                     g_uri_get_user (uri));
      return;
    }
  fita_shared_dialog_set_fields (self, display, NULL, NULL, NULL);
}

char *
fita_shared_dialog_get_location (FitaSharedDialog  *self,
                                 GError           **error)
{
  g_return_val_if_fail (FITA_IS_SHARED_DIALOG (self), NULL);

  return fita_shared_compose_location (gtk_editable_get_text (self->server_entry),
                                       gtk_editable_get_text (self->database_entry),
                                       gtk_editable_get_text (self->plan_entry),
                                       gtk_editable_get_text (self->user_entry),
                                       error);
}

gboolean
fita_shared_dialog_is_connecting (FitaSharedDialog *self)
{
  g_return_val_if_fail (FITA_IS_SHARED_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const char *
fita_shared_dialog_get_error (FitaSharedDialog *self)
{
  g_return_val_if_fail (FITA_IS_SHARED_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}
