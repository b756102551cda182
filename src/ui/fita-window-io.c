/* fita-window-io.c: File › Import a Table… and File › Export, the plan
 * to and from what others use (spreadsheets, Decidim, Fita's JSON). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

gboolean
fita_window_export (FitaWindow  *self,
                    const char  *format,
                    GFile       *file,
                    GError     **error)
{
  FitaPlan *plan;
  g_autofree char *path = NULL;
  const char *input;

  g_return_val_if_fail (FITA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan = fita_window_get_plan (self);
  g_return_val_if_fail (plan != NULL, FALSE);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Fita can only save files on this computer. Choose a local folder."));
      return FALSE;
    }
  input = fita_plan_get_path (plan);

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
    return write_text (path, input, fita_json_export (plan), error);

  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, "Unknown export format “%s”", format);
  return FALSE;
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
      g_autofree char *name = basename != NULL ? g_filename_display_name (basename) : NULL;
      g_autoptr(GError) error = NULL;

      if (file != NULL && !fita_window_export (self, format, file, &error))
        {
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could not export “%s”"), name);
          fita_window_show_error (self, heading, error->message);
        }
      else if (file != NULL)
        {
          /* Translators: %s is a file name */
          g_autofree char *title = g_strdup_printf (_("Exported as “%s”"), name);
          fita_window_add_toast (self, adw_toast_new (title));
        }
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
  if ((path = fita_plan_get_path (plan)) != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(GFile) parent = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  g_object_set_data (G_OBJECT (chooser), "fita-format", (gpointer) format->key);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
fita_window_class_add_io_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
}
