/* fita-window-io.c: Save a Copy…, Save As…, Import a Table… and
 * Export: the plan to and from other files and what others use
 * (spreadsheets, Decidim, Fita's JSON).
 *
 * Writing runs in a GTask thread. The window's FitaPlan never leaves the
 * main thread: there SQLite's backup takes a snapshot of it into a file of
 * its own (a copy of pages, quick), and the thread works on that file
 * alone, with a FitaPlan of its own when it exports. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "fita-application.h"
#include "fita-error.h"
#include "fita-export.h"
#include "fita-import-dialog.h"
#include "fita-json.h"
#include "fita-output.h"
#include "fita-window-private.h"

typedef struct {
  const char *key;
  const char *suffix;
  const char *filter;     /* the file chooser's name for them, untranslated */
  const char *mime_type;
} Format;

static const Format formats[] = {
  { "xlsx", "xlsx", N_("Excel Workbooks"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "ods", "ods", N_("OpenDocument Spreadsheets"), "application/vnd.oasis.opendocument.spreadsheet" },
  { "csv", "csv", N_("CSV Tables"), "text/csv" },
  { "budget-csv", "csv", N_("CSV Tables"), "text/csv" },
  { "decidim", "csv", N_("CSV Tables"), "text/csv" },
  { "json", "json", N_("Fita JSON"), "application/json" },
};

static const Format *
find_format (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (formats[i].key, key) == 0)
      return &formats[i];
  return NULL;
}

GtkWindow *
fita_window_import (FitaWindow *self,
                    GFile      *file)
{
  FitaImportDialog *dialog;

  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  dialog = fita_import_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
  if (file != NULL)
    fita_import_dialog_load_file (dialog, file);
  return GTK_WINDOW (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  fita_window_import (FITA_WINDOW (widget), NULL);
}

/* Text written whole or not at all, never over the plan's own file. */
static gboolean
write_text (const char  *path,
            const char  *input,
            char        *text,
            GError     **error)
{
  g_autofree char *owned = text;

  return fita_output_write_file (path, input, owned, strlen (owned), error);
}

static gboolean
export_plan (FitaPlan    *plan,
             const char  *format,
             const char  *path,
             const char  *input,
             GError     **error)
{
  if (g_str_equal (format, "xlsx"))
    return fita_export_xlsx (plan, NULL, path, input, error);
  if (g_str_equal (format, "ods"))
    return fita_export_ods (plan, NULL, path, input, error);
  if (g_str_equal (format, "csv"))
    return write_text (path, input, fita_export_csv (plan, FITA_EXPORT_SHEET_ITEMS, NULL), error);
  if (g_str_equal (format, "budget-csv"))
    return write_text (path, input, fita_export_csv (plan, FITA_EXPORT_SHEET_BUDGET, NULL), error);
  if (g_str_equal (format, "decidim"))
    return write_text (path, input, fita_export_decidim (plan), error);
  if (g_str_equal (format, "json"))
    return write_text (path, input, fita_json_export_with (plan, FITA_JSON_EXPORT_CHANGE_LOG), error);

  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, "Unknown export format “%s”", format);
  return FALSE;
}

static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Fita can only save files on this computer. Choose a local folder."));
  return path;
}

gboolean
fita_window_export (FitaWindow  *self,
                    const char  *format,
                    GFile       *file,
                    GError     **error)
{
  FitaPlan *plan;
  g_autofree char *path = NULL;

  g_return_val_if_fail (FITA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan = fita_window_get_plan (self);
  g_return_val_if_fail (plan != NULL, FALSE);
  if ((path = local_path (file, error)) == NULL)
    return FALSE;

  return export_plan (plan, format, path, fita_plan_get_path (plan), error);
}

/* Snapshots */

typedef struct {
  char     *snapshot;   /* the plan as it was, in a folder of its own */
  char     *path;       /* where it goes */
  char     *input;      /* the plan's own file, never written over */
  char     *format;     /* export: which; NULL: a copy of the plan */
  guint64   generation; /* the plan's when the snapshot was taken */
  GWeakRef  plan;       /* the plan it was taken from (a weak reference: the job may end in its thread) */
  gboolean  save_as;    /* the copy becomes the window's plan */
} Job;

static void
job_free (Job *job)
{
  fita_plan_remove_snapshot (job->snapshot);
  g_weak_ref_clear (&job->plan);
  g_free (job->snapshot);
  g_free (job->path);
  g_free (job->input);
  g_free (job->format);
  g_free (job);
}

/* In the thread: the snapshot copied beside path and renamed over it, so
 * that nobody sees half a file. */
static gboolean
copy_snapshot (const char  *snapshot,
               const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *scratch = g_strdup_printf ("%s/.%s.XXXXXX", folder, basename);
  g_autoptr(GFile) source = g_file_new_for_path (snapshot);
  g_autoptr(GFile) target = NULL;
  int fd;

  fd = g_mkstemp (scratch);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The copy cannot be written in “%s”: %s."), folder, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  target = g_file_new_for_path (scratch);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_unlink (scratch);
      return FALSE;
    }
  if (g_rename (scratch, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (scratch);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The copy cannot be written in “%s”: %s."), folder, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->format == NULL)
    {
      ok = copy_snapshot (job->snapshot, job->path, &error);
    }
  else
    {
      /* A plan of this thread's own, on the snapshot. */
      g_autoptr(FitaPlan) plan = fita_plan_open (job->snapshot, FITA_OPEN_READ_ONLY, &error);

      ok = plan != NULL && export_plan (plan, job->format, job->path, job->input, &error);
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static char *copy_destination (FitaWindow *self, GFile *file, GError **error);

static void
start_job (FitaWindow          *self,
           Job                 *job,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_window_get_plan (self);

  g_task_set_source_tag (task, start_job);
  job->input = g_strdup (fita_plan_get_path (plan));
  job->generation = fita_plan_get_generation (plan);
  g_weak_ref_init (&job->plan, plan);
  job->snapshot = fita_plan_save_snapshot (plan, &error);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  if (job->snapshot == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, run_job);
}

void
fita_window_export_async (FitaWindow          *self,
                          const char          *format,
                          GFile               *file,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (FITA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (fita_window_get_plan (self) != NULL);

  job = g_new0 (Job, 1);
  job->format = g_strdup (format);
  /* never over a plan open in a window */
  job->path = copy_destination (self, file, &error);
  if (job->path == NULL)
    {
      g_task_report_error (self, callback, user_data, start_job, g_steal_pointer (&error));
      job_free (job);
      return;
    }
  start_job (self, job, callback, user_data);
}

gboolean
fita_window_export_finish (FitaWindow    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FitaWindow *self = FITA_WINDOW (object);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;

  gboolean exported = fita_window_export_finish (self, result, &error);

  /* the window closed meanwhile: nothing to say it in */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  if (!exported)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not export “%s”"), name);
      fita_window_show_error (self, heading, error->message);
    }
  else
    {
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Exported as “%s”"), name);
      fita_window_add_toast (self, adw_toast_new (title));
    }
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    FitaWindow      *self)
{
  const char *format = g_object_get_data (G_OBJECT (chooser), "fita-format");

  if (response == GTK_RESPONSE_ACCEPT && fita_window_get_plan (self) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;

      if (file != NULL)
        fita_window_export_async (self, format, file, export_done_cb,
                                  g_filename_display_name (basename));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* "Pla ESS 2019-2026.xlsx"; "… (pressupost).csv" for the budget table. */
static char *
suggested_name (FitaPlan     *plan,
                const Format *format)
{
  const char *title = fita_plan_get_info (plan)->title;
  g_autoptr(GString) name = g_string_new (title != NULL && *title != '\0' ? title : _("Untitled Plan"));

  g_string_replace (name, "/", "-", 0);
  if (g_str_equal (format->key, "budget-csv"))
    /* Translators: added to the name of the file the budget is exported to */
    g_string_append (name, _(" (budget)"));
  else if (g_str_equal (format->key, "decidim"))
    /* Translators: added to the name of the file exported for Decidim */
    g_string_append (name, _(" (Decidim)"));
  g_string_append_printf (name, ".%s", format->suffix);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  FitaPlan *plan = fita_window_get_plan (self);
  const Format *format = find_format (g_variant_get_string (param, NULL));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *path;

  if (plan == NULL || format == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _(format->filter));
  gtk_file_filter_add_suffix (filter, format->suffix);
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = suggested_name (plan, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (!fita_plan_is_shared (plan) && (path = fita_plan_get_path (plan)) != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(GFile) parent = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "fita-format", (gpointer) format->key);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Copies of the plan */

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) file_a = NULL;
  g_autoptr(GFile) file_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;

  file_a = g_file_new_for_path (a);
  file_b = g_file_new_for_path (b);
  return g_file_equal (file_a, file_b);
}

/* Where a copy may go: on this computer, not over the plan's own file
 * nor over a plan open in a window. */
static char *
copy_destination (FitaWindow  *self,
                  GFile       *file,
                  GError     **error)
{
  FitaPlan *plan = fita_window_get_plan (self);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  GtkApplication *app;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Fita can only save copies on this computer. Choose a local folder."));
      return NULL;
    }

  if (same_file (path, fita_plan_get_path (plan)))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_EXISTS,
                   _("“%s” is this plan’s own file. Give the copy another name."), name);
      return NULL;
    }

  app = gtk_window_get_application (GTK_WINDOW (self));
  for (const GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    {
      FitaPlan *shown = FITA_IS_WINDOW (l->data) ? fita_window_get_plan (l->data) : NULL;

      if (shown != NULL && same_file (path, fita_plan_get_path (shown)))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_EXISTS,
                       _("“%s” is open in another window. Close it first, or give the copy another name."), name);
          return NULL;
        }
    }

  return g_steal_pointer (&path);
}

/* "Saved a copy as …", with a button that opens it. */
static void
toast_copy (FitaWindow *self,
            GFile      *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Saved a copy as “%s”"), name);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, C_("action", "_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  fita_window_add_toast (self, toast);
}

gboolean
fita_window_save_copy (FitaWindow  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (FITA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (fita_window_get_plan (self) != NULL, FALSE);

  path = copy_destination (self, file, error);
  if (path == NULL || !fita_plan_save_copy (fita_window_get_plan (self), path, error))
    return FALSE;

  toast_copy (self, file);
  return TRUE;
}

/* Save As: the copy opened in place of the plan. Changes made while the
 * copy was written are in the plan, not in the snapshot: then the copy
 * is taken again, here. */
static gboolean
open_copy (FitaWindow  *self,
           Job         *job,
           GError     **error)
{
  FitaPlan *plan = fita_window_get_plan (self);
  g_autoptr(FitaPlan) source = g_weak_ref_get (&job->plan);
  g_autoptr(FitaPlan) copy = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* another plan opened in the window meanwhile: the copy stays a copy */
  if (plan == NULL || plan != source)
    return TRUE;
  if (fita_plan_get_generation (plan) != job->generation &&
      !fita_plan_save_copy (plan, job->path, error))
    return FALSE;

  copy = fita_plan_open (job->path, FITA_OPEN_DEFAULT, error);
  if (copy == NULL)
    return FALSE;

  /* What was unfolded in the plan left is there when it is opened again. */
  fita_outline_save_expanded (fita_window_get_outline (self));
  fita_window_set_plan (self, copy);
  if (FITA_IS_APPLICATION (app))
    fita_application_add_recent (copy);
  return TRUE;
}

void
fita_window_save_copy_async (FitaWindow          *self,
                             GFile               *file,
                             gboolean             save_as,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (FITA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (fita_window_get_plan (self) != NULL);

  job = g_new0 (Job, 1);
  job->save_as = save_as;
  job->path = copy_destination (self, file, &error);
  if (job->path == NULL)
    {
      g_task_report_error (self, callback, user_data, start_job, g_steal_pointer (&error));
      job_free (job);
      return;
    }
  start_job (self, job, callback, user_data);
}

gboolean
fita_window_save_copy_finish (FitaWindow    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  return job == NULL || !job->save_as || open_copy (self, job, error);
}

typedef struct {
  GFile    *file;
  gboolean  save_as;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_object_unref (request->file);
  g_free (request);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FitaWindow *self = FITA_WINDOW (object);
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = fita_window_save_copy_finish (self, result, &error);

  /* the window closed meanwhile: nothing to say it in */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      save_request_free (request);
      return;
    }
  if (!saved)
    {
      g_autofree char *basename = g_file_get_basename (request->file);
      g_autofree char *name = g_filename_display_name (basename);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not save “%s”"), name);

      fita_window_show_error (self, heading, error->message);
    }
  else if (request->save_as)
    {
      g_autofree char *basename = g_file_get_basename (request->file);
      g_autofree char *name = g_filename_display_name (basename);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Saved as “%s”"), name);

      fita_window_add_toast (self, adw_toast_new (title));
    }
  else
    {
      toast_copy (self, request->file);
    }
  save_request_free (request);
}

static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       FitaWindow      *self)
{
  gboolean save_as = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fita-save-as"));

  if (response == GTK_RESPONSE_ACCEPT && fita_window_get_plan (self) != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (chosen != NULL)
        {
          SaveRequest *request = g_new0 (SaveRequest, 1);

          request->file = fita_window_with_extension (chosen);
          request->save_as = save_as;
          fita_window_save_copy_async (self, request->file, save_as, save_done_cb, request);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* win.save-copy and win.save-as: the same file chooser. */
static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  FitaPlan *plan = fita_window_get_plan (self);
  gboolean save_as = g_str_equal (action_name, "win.save-as");
  GtkFileChooserNative *dialog;
  const char *path;
  g_autofree char *name = NULL;

  if (plan == NULL)
    return;

  dialog = gtk_file_chooser_native_new (save_as ? _("Save the Plan As") : _("Save a Copy of the Plan"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  fita_window_add_plan_filters (GTK_FILE_CHOOSER (dialog));

  /* a shared plan's location is no folder to save in */
  path = fita_plan_is_shared (plan) ? NULL : fita_plan_get_path (plan);
  if (path != NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *stem = g_str_has_suffix (basename, ".fita")
                            ? g_strndup (basename, strlen (basename) - strlen (".fita"))
                            : g_strdup (basename);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(GFile) parent = g_file_new_for_path (folder);

      /* Translators: the suggested file name of a copy of a plan; %s is
       * the name of the plan's file, without “.fita” */
      name = g_strdup_printf (_("%s (copy).fita"), stem);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), parent, NULL);
    }
  else
    {
      name = fita_window_file_name_for (fita_plan_get_info (plan)->title);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "fita-save-as", GINT_TO_POINTER (save_as));

  g_signal_connect_object (dialog, "response", G_CALLBACK (save_copy_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
fita_window_class_add_io_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_copy_action);
}
