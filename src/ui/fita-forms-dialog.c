/* fita-forms-dialog.c: Make Update Forms….
 *
 * The forms are written in a GTask thread. As Export does
 * (fita-window-io.c), the window's FitaPlan never leaves the main thread:
 * SQLite's backup copies it into a file of the job's own, and the thread
 * opens that copy read-only and writes every form from it. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fita-forms-dialog.h"

struct _FitaFormsDialog
{
  AdwWindow       parent_instance;

  FitaWindow     *window;     /* weak */
  FitaPlan       *plan;
  GArray         *agent_ids;  /* gint64, as the Service row lists them after "All" */
  GFile          *folder;
  gboolean        writing;

  /* Template widgets */
  GtkWidget      *make_button;
  GtkWidget      *cancel_button;
  GtkSpinner     *spinner;
  GtkSpinButton  *year_spin;
  GtkAdjustment  *year_adjustment;
  AdwComboRow    *agent_row;
  AdwComboRow    *format_row;
  AdwActionRow   *folder_row;
  AdwActionRow   *summary_row;
};

G_DEFINE_FINAL_TYPE (FitaFormsDialog, fita_forms_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WRITING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The job */

typedef struct {
  char            *snapshot;  /* the plan as it was, in a folder of its own */
  char            *input;     /* the plan's own file, never written over */
  char            *folder;
  GArray          *agent_ids; /* gint64 */
  gint64           year;
  FitaFormsFormat  format;
} Job;

static void
job_free (Job *job)
{
  fita_plan_remove_snapshot (job->snapshot);
  g_free (job->snapshot);
  g_free (job->input);
  g_free (job->folder);
  g_clear_pointer (&job->agent_ids, g_array_unref);
  g_free (job);
}

/* "2025 - Servei.ods", or with the agent's id in front when two agents'
 * names come out the same as file names. */
static char *
form_path (GPtrArray       *paths,
           const char      *folder,
           FitaAgent       *agent,
           gint64           year,
           FitaFormsFormat  format)
{
  g_autofree char *name = fita_forms_file_name (year, agent->name, format);
  char *path = g_build_filename (folder, name, NULL);

  for (guint i = 0; i < paths->len; i++)
    if (g_str_equal (g_ptr_array_index (paths, i), path))
      {
        g_autofree char *numbered = g_strdup_printf ("%" G_GINT64_FORMAT " - %s", agent->rec.id, name);

        g_free (path);
        return g_build_filename (folder, numbered, NULL);
      }
  return path;
}

static void
write_forms (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (job->snapshot, FITA_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_mkdir_with_parents (job->folder, 0777) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               /* Translators: %s is a folder, then why it cannot be made */
                               _("The folder “%s” cannot be made: %s."), job->folder, g_strerror (saved_errno));
      return;
    }
  for (guint i = 0; i < job->agent_ids->len; i++)
    {
      FitaAgent *agent = fita_plan_lookup (plan, FITA_TABLE_AGENT, g_array_index (job->agent_ids, gint64, i));
      char *path;

      if (agent == NULL)
        continue;
      path = form_path (paths, job->folder, agent, job->year, job->format);
      g_ptr_array_add (paths, path);
      if (!fita_forms_write (plan, agent, job->year, job->format, path, job->input, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&paths), (GDestroyNotify) g_ptr_array_unref);
}

/* Rows */

static void
update_summary (FitaFormsDialog *self)
{
  guint n = fita_forms_dialog_get_agent (self) == 0 ? self->agent_ids->len : 1;
  g_autofree char *example = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folder = NULL;

  if (self->folder != NULL)
    {
      g_autofree char *path = g_file_get_path (self->folder);

      folder = path != NULL ? g_filename_display_name (path) : g_file_get_parse_name (self->folder);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (folder != NULL ? folder : _("No folder chosen"), -1);

    adw_action_row_set_subtitle (self->folder_row, escaped);
  }

  if (self->agent_ids->len == 0)
    text = g_strdup (_("No service is responsible for any item: there is no form to make."));
  else
    {
      gint64 agent_id = fita_forms_dialog_get_agent (self);
      FitaAgent *agent = fita_plan_lookup (self->plan, FITA_TABLE_AGENT,
                                           agent_id != 0 ? agent_id : g_array_index (self->agent_ids, gint64, 0));

      example = fita_forms_file_name (fita_forms_dialog_get_year (self), agent->name,
                                      fita_forms_dialog_get_format (self));
      /* Translators: %u is how many spreadsheets, %s the name of the first one */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u spreadsheet: “%s”",
                                           "%u spreadsheets, such as “%s”", n),
                              n, example);
    }
  {
    gint64 followed = fita_plan_get_info (self->plan)->followed_year;
    gint64 year = fita_forms_dialog_get_year (self);

    /* the merge takes the answers of the year followed up only */
    if (text != NULL && followed != FITA_NONE && year != followed)
      {
        /* Translators: under the files to write when another year than the one followed up is chosen */
        g_autofree char *warning = g_strdup_printf (_("Answers for %d cannot be merged: only those for %d, the year followed up, can."),
                                                    (int) year, (int) followed);
        char *both = g_strdup_printf ("%s\n%s", text, warning);

        g_free (text);
        text = both;
      }
  }
  {
    g_autofree char *escaped = g_markup_escape_text (text, -1);

    adw_action_row_set_subtitle (self->summary_row, escaped);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "forms.make",
                                 !self->writing && self->agent_ids->len > 0 && self->folder != NULL);
}

static void
fill_agents (FitaFormsDialog *self)
{
  g_autoptr(GPtrArray) agents = fita_forms_agents (self->plan);
  g_autoptr(GHashTable) counts = fita_forms_count_items (self->plan);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *all = NULL;

  /* Translators: the Service row's first choice; %u is how many services */
  all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All responsible services (%u)",
                                      "All responsible services (%u)", agents->len),
                         agents->len);
  gtk_string_list_append (names, all);
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      guint n_items = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &agent->rec.id));
      /* Translators: a service in the Service row: its name, then how many items it answers for */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %u item", "%s — %u items", n_items),
                                                agent->name, n_items);

      g_array_append_val (self->agent_ids, agent->rec.id);
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->agent_row, G_LIST_MODEL (names));
}

static void
row_changed_cb (FitaFormsDialog *self)
{
  update_summary (self);
}

/* The folder */

static void
folder_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FitaFormsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        fita_forms_dialog_set_folder (self, folder);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FitaFormsDialog *self = FITA_FORMS_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for the Forms"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->folder, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writing */

static void
set_writing (FitaFormsDialog *self,
             gboolean         writing)
{
  self->writing = writing;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), writing);
  gtk_spinner_set_spinning (self->spinner, writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), !writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agent_row), !writing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "forms.choose-folder", !writing);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WRITING]);
}

static void
toast_written (FitaWindow *window,
               GPtrArray  *paths,
               GFile      *folder)
{
  g_autofree char *title = NULL;
  g_autofree char *uri = g_file_get_uri (folder);
  AdwToast *toast;

  if (paths->len == 1)
    {
      g_autofree char *basename = g_path_get_basename (g_ptr_array_index (paths, 0));
      g_autofree char *name = g_filename_display_name (basename);

      /* Translators: %s is the file name of the form written */
      title = g_strdup_printf (_("Form written: “%s”"), name);
    }
  else
    /* Translators: %u is how many update forms were written */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form written", "%u forms written", paths->len),
                             paths->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  fita_window_add_toast (window, toast);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FitaFormsDialog *self = FITA_FORMS_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_task_propagate_pointer (G_TASK (result), &error);

  set_writing (self, FALSE);
  if (paths == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                             _("The Forms Were Not Written"),
                                                                             error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (self->window != NULL)
    toast_written (self->window, paths, self->folder);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
fita_forms_dialog_write (FitaFormsDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gint64 agent_id;
  Job *job;

  g_return_if_fail (FITA_IS_FORMS_DIALOG (self));

  if (self->writing || self->folder == NULL || self->agent_ids->len == 0)
    return;

  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, fita_forms_dialog_write);
  job = g_new0 (Job, 1);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  job->year = fita_forms_dialog_get_year (self);
  job->format = fita_forms_dialog_get_format (self);
  job->folder = g_file_get_path (self->folder);
  job->input = g_strdup (fita_plan_get_path (self->plan));
  agent_id = fita_forms_dialog_get_agent (self);
  if (agent_id != 0)
    {
      job->agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (job->agent_ids, agent_id);
    }
  else
    job->agent_ids = g_array_ref (self->agent_ids);

  set_writing (self, TRUE);
  if (job->folder == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("The forms can only be written to a folder on this computer."));
      return;
    }
  job->snapshot = fita_plan_save_snapshot (self->plan, &error);
  if (job->snapshot == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, write_forms);
}

static void
make_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  fita_forms_dialog_write (FITA_FORMS_DIALOG (widget));
}

/* Properties */

gint64
fita_forms_dialog_get_year (FitaFormsDialog *self)
{
  g_return_val_if_fail (FITA_IS_FORMS_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->year_spin);
}

void
fita_forms_dialog_set_year (FitaFormsDialog *self,
                            gint64           year)
{
  g_return_if_fail (FITA_IS_FORMS_DIALOG (self));

  gtk_spin_button_set_value (self->year_spin, (double) year);
}

gint64
fita_forms_dialog_get_agent (FitaFormsDialog *self)
{
  guint selected;

  g_return_val_if_fail (FITA_IS_FORMS_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->agent_row);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->agent_ids->len)
    return 0;
  return g_array_index (self->agent_ids, gint64, selected - 1);
}

gboolean
fita_forms_dialog_set_agent (FitaFormsDialog *self,
                             gint64           agent_id)
{
  g_return_val_if_fail (FITA_IS_FORMS_DIALOG (self), FALSE);

  if (agent_id == 0)
    {
      adw_combo_row_set_selected (self->agent_row, 0);
      return TRUE;
    }
  for (guint i = 0; i < self->agent_ids->len; i++)
    if (g_array_index (self->agent_ids, gint64, i) == agent_id)
      {
        adw_combo_row_set_selected (self->agent_row, i + 1);
        return TRUE;
      }
  return FALSE;
}

FitaFormsFormat
fita_forms_dialog_get_format (FitaFormsDialog *self)
{
  g_return_val_if_fail (FITA_IS_FORMS_DIALOG (self), FITA_FORMS_ODS);

  return adw_combo_row_get_selected (self->format_row) == 1 ? FITA_FORMS_XLSX : FITA_FORMS_ODS;
}

void
fita_forms_dialog_set_format (FitaFormsDialog *self,
                              FitaFormsFormat  format)
{
  g_return_if_fail (FITA_IS_FORMS_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, format == FITA_FORMS_XLSX ? 1 : 0);
}

GFile *
fita_forms_dialog_get_folder (FitaFormsDialog *self)
{
  g_return_val_if_fail (FITA_IS_FORMS_DIALOG (self), NULL);

  return self->folder;
}

void
fita_forms_dialog_set_folder (FitaFormsDialog *self,
                              GFile           *folder)
{
  g_return_if_fail (FITA_IS_FORMS_DIALOG (self));

  g_set_object (&self->folder, folder);
  update_summary (self);
}

gboolean
fita_forms_dialog_get_writing (FitaFormsDialog *self)
{
  g_return_val_if_fail (FITA_IS_FORMS_DIALOG (self), FALSE);

  return self->writing;
}

static void
window_destroyed_cb (FitaFormsDialog *self)
{
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

FitaFormsDialog *
fita_forms_dialog_new (FitaWindow *window)
{
  FitaFormsDialog *self;
  FitaPlanInfo *info;
  const char *path;

  g_return_val_if_fail (FITA_IS_WINDOW (window), NULL);
  g_return_val_if_fail (fita_window_get_plan (window) != NULL, NULL);

  self = g_object_new (FITA_TYPE_FORMS_DIALOG, "transient-for", window, NULL);
  g_signal_connect_object (window, "destroy", G_CALLBACK (window_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->plan = g_object_ref (fita_window_get_plan (window));

  info = fita_plan_get_info (self->plan);
  if (info->period_start != FITA_NONE)
    gtk_adjustment_set_lower (self->year_adjustment, (double) info->period_start);
  if (info->period_end != FITA_NONE)
    gtk_adjustment_set_upper (self->year_adjustment, (double) info->period_end);
  gtk_spin_button_set_value (self->year_spin, (double) fita_forms_default_year (self->plan));
  fill_agents (self);
  if ((path = fita_plan_get_path (self->plan)) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      self->folder = g_file_get_parent (file);
    }
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agent_row, "notify::selected", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  update_summary (self);
  return self;
}

static void
fita_forms_dialog_dispose (GObject *object)
{
  FitaFormsDialog *self = FITA_FORMS_DIALOG (object);

  if (self->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_FORMS_DIALOG);

  G_OBJECT_CLASS (fita_forms_dialog_parent_class)->dispose (object);
}

static void
fita_forms_dialog_finalize (GObject *object)
{
  FitaFormsDialog *self = FITA_FORMS_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->agent_ids, g_array_unref);

  G_OBJECT_CLASS (fita_forms_dialog_parent_class)->finalize (object);
}

static void
fita_forms_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FitaFormsDialog *self = FITA_FORMS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WRITING:
      g_value_set_boolean (value, self->writing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_forms_dialog_class_init (FitaFormsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_forms_dialog_dispose;
  object_class->finalize = fita_forms_dialog_finalize;
  object_class->get_property = fita_forms_dialog_get_property;

  properties [PROP_WRITING] =
    g_param_spec_boolean ("writing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-forms-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, make_button);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, agent_row);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, FitaFormsDialog, summary_row);

  gtk_widget_class_install_action (widget_class, "forms.make", NULL, make_action);
  gtk_widget_class_install_action (widget_class, "forms.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fita_forms_dialog_init (FitaFormsDialog *self)
{
  self->agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
