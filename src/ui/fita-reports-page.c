#include "config.h"
#include "fita-reports-page.h"
#include "fita-pdf-view.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <poppler.h>

struct _FitaReportsPage
{
  AdwBin parent_instance;

  FitaPlan *plan;
  GArray *item_ids;              /* parallel to item_list */
  GtkStringList *item_list;      /* the item dropdown's: code and title */
  GCancellable *cancellable;
  gint64 ready_time;             /* when the last report came back */
  double preview_ms;
  guint tick;

  GtkDropDown *kind_dropdown;
  AdwActionRow *item_row;
  GtkDropDown *item_dropdown;
  GtkButton *sheets_button;
  GtkSpinButton *year_spin;
  GtkDropDown *lang_dropdown;
  GtkDropDown *format_dropdown;
  GtkProgressBar *progress;
  GtkLabel *status_label;
  GtkDropDown *zoom_dropdown;
  GtkStringList *zoom_list;
  GtkSpinButton *page_spin;
  GtkAdjustment *page_adjustment;
  GtkLabel *pages_label;
  GtkStack *preview_stack;
  FitaPdfView *view;
};

G_DEFINE_FINAL_TYPE (FitaReportsPage, fita_reports_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_PLAN, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const langs[] = { "ca", "es", "en" };
static const double zooms[] = { 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

/* Making the report, in a thread of its own */

typedef struct {
  char *path;
  FitaReportOptions options;
  char *lang;
  FitaReportsPage *page;       /* a weak pointer, for progress */
  GMainContext *context;
  char *destination;           /* sheets of a level: their folder; a saved report: its file */
  FitaReportFormat format;     /* sheets of a level: the chosen format */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job->lang);
  g_free (job->destination);
  g_clear_weak_pointer (&job->page);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct {
  GWeakRef page;
  double fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  g_autoptr(FitaReportsPage) self = g_weak_ref_get (&progress->page);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress, progress->fraction);
  g_weak_ref_clear (&progress->page);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
on_job_progress (double fraction, gpointer user_data)
{
  Job *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  g_weak_ref_init (&progress->page, job->page);
  progress->fraction = fraction;
  g_main_context_invoke (job->context, show_progress, progress);
}

static void
run_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  GBytes *pdf;

  /* The file is the truth: every change is saved as it is made, so the
   * thread reads its own copy and the window stays free to edit. */
  plan = fita_plan_open (job->path, FITA_OPEN_READ_ONLY, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pdf = fita_report_render (plan, &job->options, cancellable, on_job_progress, job, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static gboolean
on_first_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);

  if (fita_pdf_view_get_n_rendered (self->view) == 0)
    return G_SOURCE_CONTINUE;
  self->preview_ms = (g_get_monotonic_time () - self->ready_time) / 1000.0;
  self->tick = 0;
  return G_SOURCE_REMOVE;
}

static void
set_busy (FitaReportsPage *self, gboolean busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.generate", !busy && self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-sheets",
                                 !busy && self->plan != NULL &&
                                 gtk_drop_down_get_selected (self->kind_dropdown) == FITA_REPORT_SHEET);
}

static void
update_pages (FitaReportsPage *self)
{
  int n = fita_pdf_view_get_n_pages (self->view);
  g_autofree char *of = g_strdup_printf (_("of %d"), n);
  gboolean has = n > 0;

  gtk_adjustment_set_upper (self->page_adjustment, MAX (1, n));
  gtk_adjustment_set_value (self->page_adjustment, fita_pdf_view_get_page (self->view) + 1);
  gtk_label_set_label (self->pages_label, of);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.open-external", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.zoom-in", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.zoom-out", has);
}

static void
on_job_done (GObject *source, GAsyncResult *result, gpointer data)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (pdf == NULL || !fita_pdf_view_load_bytes (self->view, pdf, &error))
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }
  self->ready_time = g_get_monotonic_time ();
  self->preview_ms = -1;
  if (self->tick == 0)
    self->tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_frame, NULL, NULL);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  {
    g_autofree char *size = g_format_size (g_bytes_get_size (pdf));
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page, %s", "%d pages, %s",
                                                          fita_pdf_view_get_n_pages (self->view)),
                                             fita_pdf_view_get_n_pages (self->view), size);
    gtk_label_set_label (self->status_label, text);
  }
  update_pages (self);
}

static void run_sheets_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable);
static void on_sheets_done (GObject *source, GAsyncResult *result, gpointer data);

/* Shows in the controls what is being made, and makes it in a thread:
 * one report, the sheets of every item of a level (destination their
 * folder), or a report saved to a file (destination). */
static void
start_job (FitaReportsPage       *self,
           FitaReportKind         kind,
           gint64                 item_id,
           int                    year,
           const char            *lang,
           const char            *destination,
           const char            *status,
           GAsyncReadyCallback    done,
           GTaskThreadFunc        thread_func)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  for (guint i = 0; i < self->item_ids->len; i++)
    if (g_array_index (self->item_ids, gint64, i) == item_id)
      gtk_drop_down_set_selected (self->item_dropdown, i);
  gtk_spin_button_set_value (self->year_spin, year);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    if (g_strcmp0 (lang, langs[i]) == 0)
      gtk_drop_down_set_selected (self->lang_dropdown, i);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->path = g_strdup (fita_plan_get_path (self->plan));
  job->lang = g_strdup (lang);
  job->destination = g_strdup (destination);
  job->format = fita_reports_page_get_format (self);
  job->options.kind = kind;
  job->options.item_id = item_id;
  job->options.year = year;
  job->options.lang = job->lang;
  job->context = g_main_context_ref_thread_default ();
  g_set_weak_pointer (&job->page, self);

  set_busy (self, TRUE);
  gtk_label_set_label (self->status_label, status);
  task = g_task_new (self, self->cancellable, done, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, thread_func);
}

void
fita_reports_page_generate (FitaReportsPage *self, FitaReportKind kind, gint64 item_id, int year,
                            const char *lang)
{
  g_return_if_fail (FITA_IS_REPORTS_PAGE (self));
  if (self->plan == NULL || fita_plan_get_path (self->plan) == NULL)
    return;
  if (kind == FITA_REPORT_SHEET && item_id == 0)
    {
      gtk_label_set_label (self->status_label, _("A follow-up sheet is about one item: choose the item."));
      return;
    }
  start_job (self, kind, item_id, year, lang, NULL, _("Making the report…"), on_job_done, run_job);
}

/* A report saved as ODT or DOCX (or as PDF before any preview) */

static FitaReportKind chosen_kind (FitaReportsPage *self);
static gint64 chosen_item (FitaReportsPage *self);
static int chosen_year (FitaReportsPage *self);
static const char *chosen_lang (FitaReportsPage *self);

static void
run_write_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (job->path, FITA_OPEN_READ_ONLY, &error);

  if (plan == NULL || !fita_report_write (plan, &job->options, job->destination, cancellable, on_job_progress, job,
                                          &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_saved (FitaReportsPage *self, const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (base);
  g_autofree char *text = g_strdup_printf (_("Saved “%s”."), name);

  gtk_label_set_label (self->status_label, text);
}

static void
on_write_done (GObject *source, GAsyncResult *result, gpointer data)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
      gtk_label_set_label (self->status_label, error->message);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  show_saved (self, job->destination);
}

void
fita_reports_page_save (FitaReportsPage *self, const char *path)
{
  FitaReportFormat format = fita_reports_page_get_format (self);
  GBytes *pdf;
  g_autofree char *full = NULL;

  g_return_if_fail (FITA_IS_REPORTS_PAGE (self));
  g_return_if_fail (path != NULL);
  if (self->plan == NULL || fita_plan_get_path (self->plan) == NULL)
    return;
  /* "informe" saved as ODT is "informe.odt"; "informe.docx" is a DOCX
   * whatever was chosen */
  if (fita_report_format_for_path (path, &format))
    fita_reports_page_set_format (self, format);
  else
    path = full = g_strconcat (path, fita_report_format_suffixes[format], NULL);

  pdf = fita_pdf_view_get_bytes (self->view);
  if (format == FITA_REPORT_FORMAT_PDF && pdf != NULL)
    {
      /* the PDF on screen, as it is */
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        gtk_label_set_label (self->status_label, error->message);
      else
        show_saved (self, path);
      return;
    }
  if (chosen_kind (self) == FITA_REPORT_SHEET && chosen_item (self) == 0)
    {
      gtk_label_set_label (self->status_label, _("A follow-up sheet is about one item: choose the item."));
      return;
    }
  start_job (self, chosen_kind (self), chosen_item (self), chosen_year (self), chosen_lang (self), path,
             _("Saving the report…"), on_write_done, run_write_job);
}

FitaReportFormat
fita_reports_page_get_format (FitaReportsPage *self)
{
  return (FitaReportFormat) MIN (gtk_drop_down_get_selected (self->format_dropdown), FITA_N_REPORT_FORMATS - 1);
}

void
fita_reports_page_set_format (FitaReportsPage *self, FitaReportFormat format)
{
  g_return_if_fail (format < FITA_N_REPORT_FORMATS);
  gtk_drop_down_set_selected (self->format_dropdown, format);
}

/* Sheets of every item of a level, into a folder, one file each in the chosen format */

static void
run_sheets_job (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (job->path, FITA_OPEN_READ_ONLY, &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  FitaItem *like;
  GPtrArray *paths;

  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  like = fita_plan_lookup (plan, FITA_TABLE_ITEM, job->options.item_id);
  if (like == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The item is no longer in the plan: choose another one."));
      return;
    }
  items = fita_report_items_of_level (plan, like);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (ids, ((FitaItem *) g_ptr_array_index (items, i))->rec.id);
  paths = fita_report_write_sheets (plan, &job->options, job->format, (gint64 *) ids->data, ids->len,
                                    job->destination, cancellable, on_job_progress, job, &error);
  if (paths == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, paths, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_sheets_done (GObject *source, GAsyncResult *result, gpointer data)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *folder = NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (paths == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }
  folder = g_filename_display_name (job->destination);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u sheet in “%s”.", "Saved %u sheets in “%s”.",
                                       paths->len),
                          paths->len, folder);
  gtk_label_set_label (self->status_label, text);
}

void
fita_reports_page_save_sheets (FitaReportsPage *self, gint64 item_id, int year, const char *lang, const char *folder)
{
  g_return_if_fail (FITA_IS_REPORTS_PAGE (self));
  if (self->plan == NULL || fita_plan_get_path (self->plan) == NULL || item_id == 0)
    return;
  start_job (self, FITA_REPORT_SHEET, item_id, year, lang, folder, _("Making the sheets…"), on_sheets_done,
             run_sheets_job);
}

const char *
fita_reports_page_get_status (FitaReportsPage *self)
{
  return gtk_label_get_label (self->status_label);
}

GListModel *
fita_reports_page_get_items (FitaReportsPage *self)
{
  return G_LIST_MODEL (self->item_list);
}

gboolean
fita_reports_page_is_busy (FitaReportsPage *self)
{
  return self->cancellable != NULL;
}

GtkWidget *
fita_reports_page_get_view (FitaReportsPage *self)
{
  return GTK_WIDGET (self->view);
}

double
fita_reports_page_get_preview_ms (FitaReportsPage *self)
{
  return self->preview_ms;
}

/* Controls */

static FitaReportKind
chosen_kind (FitaReportsPage *self)
{
  return (FitaReportKind) gtk_drop_down_get_selected (self->kind_dropdown);
}

static gint64
chosen_item (FitaReportsPage *self)
{
  guint item = gtk_drop_down_get_selected (self->item_dropdown);

  return item < self->item_ids->len ? g_array_index (self->item_ids, gint64, item) : 0;
}

static int
chosen_year (FitaReportsPage *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

static const char *
chosen_lang (FitaReportsPage *self)
{
  return langs[MIN (gtk_drop_down_get_selected (self->lang_dropdown), G_N_ELEMENTS (langs) - 1)];
}

static void
generate_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);

  fita_reports_page_generate (self, chosen_kind (self), chosen_item (self), chosen_year (self), chosen_lang (self));
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);
  double zoom = fita_pdf_view_get_zoom (self->view);

  fita_pdf_view_set_zoom (self->view, g_str_equal (name, "reports.zoom-in") ? zoom * 1.2 : zoom / 1.2);
}

static char *
file_name_as (FitaReportsPage *self, FitaReportFormat format)
{
  FitaReportOptions options = { chosen_kind (self), chosen_item (self), chosen_year (self), chosen_lang (self) };

  if (self->plan == NULL)
    return NULL;
  return fita_report_file_name_for_format (self->plan, &options, format);
}

/* The report on screen's (a sheet's names its item), in the chosen format. */
char *
fita_reports_page_get_file_name (FitaReportsPage *self)
{
  return file_name_as (self, fita_reports_page_get_format (self));
}

static void
on_save_response (GtkNativeDialog *dialog, int response, gpointer data)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

      /* a name without a suffix takes the filter's format */
      if (filter != NULL)
        fita_reports_page_set_format (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "format")));
      if (path != NULL)
        fita_reports_page_save (self, path);
    }
  g_object_unref (dialog);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *file_name = fita_reports_page_get_file_name (self);
  const char *filter_names[] = {
    /* Translators: the kinds of file a report is saved as, in the save dialog */
    N_("PDF documents"), N_("OpenDocument text documents"), N_("Word documents"),
  };
  const char *mime_types[] = {
    "application/pdf", "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (filter_names) == FITA_N_REPORT_FORMATS);
  dialog = gtk_file_chooser_native_new (_("Save Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  for (guint format = 0; format < FITA_N_REPORT_FORMATS; format++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *pattern = g_strconcat ("*", fita_report_format_suffixes[format], NULL);

      gtk_file_filter_set_name (filter, _(filter_names[format]));
      gtk_file_filter_add_mime_type (filter, mime_types[format]);
      gtk_file_filter_add_pattern (filter, pattern);
      g_object_set_data (G_OBJECT (filter), "format", GUINT_TO_POINTER (format));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      if (format == fita_reports_page_get_format (self))
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_folder_response (GtkNativeDialog *dialog, int response, gpointer data)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *folder = file ? g_file_get_path (file) : NULL;
      if (folder != NULL)
        fita_reports_page_save_sheets (self, chosen_item (self), chosen_year (self), chosen_lang (self), folder);
    }
  g_object_unref (dialog);
}

/* The chosen item's sheet and those of every other item of its level
 * (every programme, say), each its own file, in the chosen format, named by
 * its item. */
static void
save_sheets_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  if (chosen_item (self) == 0)
    {
      gtk_label_set_label (self->status_label, _("A follow-up sheet is about one item: choose the item."));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Folder for the Sheets"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Save Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr, gpointer data)
{
  PopplerDocument *document = data;
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  GBytes *pdf = fita_pdf_view_get_bytes (self->view);

  if (pdf == NULL || !(document = poppler_document_new_from_bytes (pdf, NULL, &error)))
    return;
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);
  /* not asynchronous: the document lives until printing is done */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_label_set_label (self->status_label, error->message);
  g_object_unref (document);
}

static void
open_external_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (widget);
  GBytes *pdf = fita_pdf_view_get_bytes (self->view);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "fita", "reports", NULL);
  g_autofree char *file_name = file_name_as (self, FITA_REPORT_FORMAT_PDF);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (pdf == NULL)
    return;
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
    {
      gtk_label_set_label (self->status_label, error ? error->message : g_strerror (errno));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_kind_changed (FitaReportsPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->item_row), chosen_kind (self) == FITA_REPORT_SHEET);
  gtk_widget_set_visible (GTK_WIDGET (self->sheets_button), chosen_kind (self) == FITA_REPORT_SHEET);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-sheets",
                                 self->cancellable == NULL && self->plan != NULL &&
                                 chosen_kind (self) == FITA_REPORT_SHEET);
}

static void
on_zoom_chosen (FitaReportsPage *self)
{
  guint chosen = gtk_drop_down_get_selected (self->zoom_dropdown);

  if (chosen == 0)
    fita_pdf_view_set_zoom_mode (self->view, FITA_PDF_ZOOM_FIT_WIDTH);
  else if (chosen == 1)
    fita_pdf_view_set_zoom_mode (self->view, FITA_PDF_ZOOM_FIT_PAGE);
  else if (chosen - 2 < G_N_ELEMENTS (zooms))
    fita_pdf_view_set_zoom (self->view, zooms[chosen - 2]);
}

static void
on_page_spin_changed (FitaReportsPage *self)
{
  int page = gtk_spin_button_get_value_as_int (self->page_spin) - 1;

  if (page != fita_pdf_view_get_page (self->view))
    fita_pdf_view_set_page (self->view, page);
}

static void
on_view_page (FitaReportsPage *self)
{
  gtk_adjustment_set_value (self->page_adjustment, fita_pdf_view_get_page (self->view) + 1);
}

/* Item names can be long: the button shows them shortened, the list whole. */
static void
setup_item_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_item_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
item_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_label), NULL);
  return factory;
}

/* The plan */

static char *
item_text (FitaItem *item)
{
  return g_strdup_printf ("%s%s%s", item->code ? item->code : "", item->code ? " " : "", item->title ? item->title : "");
}

/* The whole list again: when items come, go or move. */
static void
fill_items (FitaReportsPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint keep = 0;
  gint64 chosen = chosen_item (self);

  g_array_set_size (self->item_ids, 0);
  if (self->plan != NULL)
    {
      items = fita_plan_items_preorder (self->plan, NULL);
      for (guint i = 0; i < items->len; i++)
        {
          FitaItem *item = g_ptr_array_index (items, i);
          g_ptr_array_add (texts, item_text (item));
          g_array_append_val (self->item_ids, item->rec.id);
          /* the first programme-like item (with items below) is a good default */
          if (item->rec.id == chosen || (chosen == 0 && keep == 0 && fita_plan_list (self->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0 &&
                                         fita_plan_item_depth (self->plan, item) > 0))
            keep = i;
        }
    }
  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (self->item_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->item_list)),
                          (const char * const *) texts->pdata);
  gtk_drop_down_set_selected (self->item_dropdown, keep);
}

/* One row again: its item's code or title changed. */
static void
refresh_item (FitaReportsPage *self, gint64 id)
{
  FitaItem *item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id);
  guint selected = gtk_drop_down_get_selected (self->item_dropdown);

  for (guint i = 0; item != NULL && i < self->item_ids->len; i++)
    if (g_array_index (self->item_ids, gint64, i) == id)
      {
        g_autofree char *text = item_text (item);
        const char * const texts[] = { text, NULL };
        if (g_strcmp0 (text, gtk_string_list_get_string (self->item_list, i)) == 0)
          return;
        gtk_string_list_splice (self->item_list, i, 1, texts);
        gtk_drop_down_set_selected (self->item_dropdown, selected);
        return;
      }
}

/* Edits of progress, status, budgets… leave the list alone; a retitled
 * item changes its row; items added, removed or moved rebuild it. */
static void
on_plan_changed (FitaPlan *plan, FitaChanges *changes, FitaReportsPage *self)
{
  g_autoptr(GArray) retitled = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId table;
      gint64 id;
      FitaChangeKind kind;
      const char *field;

      fita_changes_get (changes, i, &table, &id, &kind, &field);
      if (table != FITA_TABLE_ITEM)
        continue;
      if (kind != FITA_CHANGE_UPDATED || g_strcmp0 (field, "parent_id") == 0 || g_strcmp0 (field, "position") == 0)
        {
          fill_items (self);
          return;
        }
      if (g_strcmp0 (field, "code") == 0 || g_strcmp0 (field, "title") == 0)
        g_array_append_val (retitled, id);
    }
  for (guint i = 0; i < retitled->len; i++)
    refresh_item (self, g_array_index (retitled, gint64, i));
}

static void
setup_for_plan (FitaReportsPage *self)
{
  FitaPlanInfo *info;
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *lang = NULL;

  fill_items (self);
  fita_pdf_view_clear (self->view);
  gtk_stack_set_visible_child_name (self->preview_stack, "empty");
  gtk_label_set_label (self->status_label, "");
  update_pages (self);
  set_busy (self, FALSE);
  if (self->plan == NULL)
    return;

  info = fita_plan_get_info (self->plan);
  if (info->period_start != FITA_NONE && info->period_end != FITA_NONE)
    gtk_spin_button_set_range (self->year_spin, info->period_start, info->period_end);
  else
    gtk_spin_button_set_range (self->year_spin, 1900, 2200);
  if (info->followed_year != FITA_NONE)
    gtk_spin_button_set_value (self->year_spin, info->followed_year);

  /* the report's language: the user's choice in Preferences, else the plan's */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *chosen = g_settings_get_string (settings, "report-language");
      for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
        if (g_str_equal (chosen, langs[i]))
          lang = langs[i];
    }
  if (lang == NULL)
    lang = info->language;
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    if (g_strcmp0 (lang, langs[i]) == 0)
      gtk_drop_down_set_selected (self->lang_dropdown, i);
}

FitaPlan *
fita_reports_page_get_plan (FitaReportsPage *self)
{
  return self->plan;
}

void
fita_reports_page_set_plan (FitaReportsPage *self, FitaPlan *plan)
{
  g_return_if_fail (FITA_IS_REPORTS_PAGE (self));

  if (self->plan == plan)
    return;
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);
  setup_for_plan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* GObject */

static void
fita_reports_page_dispose (GObject *object)
{
  FitaReportsPage *self = FITA_REPORTS_PAGE (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed, self);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (fita_reports_page_parent_class)->dispose (object);
}

static void
fita_reports_page_finalize (GObject *object)
{
  g_array_unref (FITA_REPORTS_PAGE (object)->item_ids);
  g_object_unref (FITA_REPORTS_PAGE (object)->item_list);
  G_OBJECT_CLASS (fita_reports_page_parent_class)->finalize (object);
}

static void
fita_reports_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, FITA_REPORTS_PAGE (object)->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_reports_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      fita_reports_page_set_plan (FITA_REPORTS_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_reports_page_class_init (FitaReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_reports_page_dispose;
  object_class->finalize = fita_reports_page_finalize;
  object_class->get_property = fita_reports_page_get_property;
  object_class->set_property = fita_reports_page_set_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FITA_TYPE_PDF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, item_row);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, sheets_button);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, lang_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, progress);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, zoom_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, zoom_list);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, page_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, page_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, pages_label);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, FitaReportsPage, view);

  gtk_widget_class_install_action (widget_class, "reports.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "reports.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "reports.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "reports.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.open-external", NULL, open_external_action);
  gtk_widget_class_install_action (widget_class, "reports.save-sheets", NULL, save_sheets_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "reports.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "reports.zoom-out", NULL);
}

static void
fita_reports_page_init (FitaReportsPage *self)
{
  g_autoptr(GtkStringList) kinds = NULL;
  const char *kind_names[] = {
    /* Translators: the kinds of reports */
    _("Programme follow-up sheet"), _("Annual follow-up report"), _("Work plan"), _("Participation summary"), NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->item_list = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->item_dropdown, G_LIST_MODEL (self->item_list));
  self->preview_ms = -1;

  {
    g_autoptr(GtkListItemFactory) button = item_factory (TRUE);
    g_autoptr(GtkListItemFactory) list = item_factory (FALSE);
    gtk_drop_down_set_factory (self->item_dropdown, button);
    gtk_drop_down_set_list_factory (self->item_dropdown, list);
    gtk_drop_down_set_expression (self->item_dropdown,
                                  gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  }
  kinds = gtk_string_list_new (kind_names);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, FITA_REPORT_ANNUAL);
  on_kind_changed (self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_changed), self);

  /* Translators: zoom choices of the report preview */
  gtk_string_list_append (self->zoom_list, _("Fit Width"));
  gtk_string_list_append (self->zoom_list, _("Fit Page"));
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autofree char *percent = g_strdup_printf ("%d %%", (int) (zooms[i] * 100));
      gtk_string_list_append (self->zoom_list, percent);
    }
  g_signal_connect_swapped (self->zoom_dropdown, "notify::selected", G_CALLBACK (on_zoom_chosen), self);
  g_signal_connect_swapped (self->page_spin, "value-changed", G_CALLBACK (on_page_spin_changed), self);
  g_signal_connect_swapped (self->view, "notify::page", G_CALLBACK (on_view_page), self);
  update_pages (self);
  set_busy (self, FALSE);
}

GtkWidget *
fita_reports_page_new (void)
{
  return g_object_new (FITA_TYPE_REPORTS_PAGE, NULL);
}
