#include "config.h"
#include "fita-timeline-page.h"
#include "fita-timeline-export.h"

#include <glib/gi18n.h>

struct _FitaTimelinePage
{
  AdwBin parent_instance;

  GtkDropDown *zoom_dropdown;
  GtkLabel    *hint_label;
  GtkToggleButton *who_button;
  GtkToggleButton *table_button;
  GtkStack *stack;
  FitaTimelineView *view;
  FitaTimelineTable *table;
  gboolean exporting;
};

G_DEFINE_FINAL_TYPE (FitaTimelinePage, fita_timeline_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_PLAN, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The export, in a thread: it reads its own copy of the plan as shown (a
 * snapshot: a file's, a shared plan's or a closed year's), so the window
 * stays free. */
typedef struct {
  char *snapshot;
  char *plan_path;            /* the plan's own file, never written over; or NULL */
  char *destination;
  FitaZoom zoom;
  gboolean show_who;
  GPtrArray *files;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  fita_plan_remove_snapshot (job->snapshot);
  g_free (job->snapshot);
  g_free (job->plan_path);
  g_free (job->destination);
  g_ptr_array_unref (job->files);
  g_free (job);
}

static void
export_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExportJob *job = data;
  GError *error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (job->snapshot, FITA_OPEN_READ_ONLY, &error);
  g_autoptr(FitaTimeline) timeline = NULL;
  /* PDF: pages of A4; PNG: 2 pixels a point, in tiles if too tall */
  FitaTimelineExportOptions options = { FITA_PAPER_A4, .scale = 2 };

  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* the whole timeline, as shown (zoom and the who column), on white */
  timeline = fita_timeline_new (plan, NULL);
  fita_timeline_set_zoom (timeline, job->zoom);
  fita_timeline_set_show_who (timeline, job->show_who);
  if (!fita_timeline_export (timeline, job->destination, job->plan_path, &options, job->files, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_message (FitaTimelinePage *self, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static void
on_export_done (GObject *source, GAsyncResult *result, gpointer data)
{
  FitaTimelinePage *self = FITA_TIMELINE_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_message (self, _("Could Not Export the Timeline"), error->message);
      return;
    }
  if (job->files->len > 1)
    {
      /* a PNG or SVG too tall for one picture: tiles beside the name chosen */
      g_autofree char *first = g_filename_display_basename (g_ptr_array_index (job->files, 0));
      g_autofree char *last = g_filename_display_basename (g_ptr_array_index (job->files, job->files->len - 1));
      g_autofree char *body = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "The timeline is too tall for one picture: it was saved as %u pictures, from “%s” to “%s”, each with the header. A PDF keeps it in one file of pages.",
                     "The timeline is too tall for one picture: it was saved as %u pictures, from “%s” to “%s”, each with the header. A PDF keeps it in one file of pages.",
                     job->files->len),
        job->files->len, first, last);
      show_message (self, _("Timeline Exported in Parts"), body);
    }
}

/* Exports the timeline as shown (its zoom and "who" column) to path: PDF
 * pages, or a PNG or SVG (in tiles when too tall), in a thread. */
void
fita_timeline_page_export (FitaTimelinePage *self, const char *path)
{
  FitaPlan *plan = fita_timeline_view_get_plan (self->view);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  ExportJob *job;

  g_return_if_fail (FITA_IS_TIMELINE_PAGE (self));
  if (plan == NULL || self->exporting)
    return;
  if (path == NULL)
    {
      show_message (self, _("Could Not Export the Timeline"), _("Choose a file on this computer."));
      return;
    }
  if ((snapshot = fita_plan_save_snapshot (plan, &error)) == NULL)
    {
      show_message (self, _("Could Not Export the Timeline"), error->message);
      return;
    }
  job = g_new0 (ExportJob, 1);
  job->snapshot = g_steal_pointer (&snapshot);
  job->plan_path = g_strdup (fita_plan_get_path (plan));
  job->destination = g_strdup (path);
  job->zoom = fita_timeline_view_get_zoom (self->view);
  job->show_who = gtk_toggle_button_get_active (self->who_button);
  job->files = g_ptr_array_new_with_free_func (g_free);
  /* one at a time */
  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", FALSE);
  task = g_task_new (self, NULL, on_export_done, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
fita_timeline_page_is_exporting (FitaTimelinePage *self)
{
  return self->exporting;
}

static void
on_export_response (GtkNativeDialog *dialog, int response, gpointer data)
{
  FitaTimelinePage *self = FITA_TIMELINE_PAGE (data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      fita_timeline_page_export (self, path);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  const char *types[][2] = {
    /* Translators: kinds of pictures to export the timeline to */
    { N_("PNG image"), "*.png" }, { N_("SVG drawing"), "*.svg" }, { N_("PDF document"), "*.pdf" },
  };

  dialog = gtk_file_chooser_native_new (_("Export Timeline"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(types[i][0]));
      gtk_file_filter_add_pattern (filter, types[i][1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  /* Translators: the file name offered when exporting the timeline */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Timeline.png"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_zoom_chosen (FitaTimelinePage *self)
{
  fita_timeline_view_set_zoom (self->view, gtk_drop_down_get_selected (self->zoom_dropdown));
}

static void
update_hint (FitaTimelinePage *self)
{
  FitaZoom zoom = fita_timeline_view_get_zoom (self->view);

  /* semesters are ticked where they are drawn, on their own scale (and
   * on the bars of items that have some) */
  if (gtk_toggle_button_get_active (self->table_button))
    gtk_label_set_label (self->hint_label,
                         _("Arrow keys move between semesters; Space ticks one"));
  else
    gtk_label_set_label (self->hint_label,
                         zoom == FITA_ZOOM_SEMESTER
                         ? _("Click or press Space on a semester to tick it; drag a bar to move it")
                         : _("Drag a bar to move it; semesters are ticked on the Semesters scale"));
}

static void
on_view_zoom (FitaTimelinePage *self)
{
  gtk_drop_down_set_selected (self->zoom_dropdown, fita_timeline_view_get_zoom (self->view));
  update_hint (self);
}

static void
on_table_toggled (FitaTimelinePage *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_button);
  gboolean had_focus = gtk_widget_is_focus (GTK_WIDGET (self->view));
  /* taken before the stack moves the focus into the other child, which
   * selects the row it lands on */
  gint64 selected = table ? fita_timeline_view_get_selected (self->view) : fita_timeline_table_get_selected (self->table);

  /* the scale and the who column are the chart's */
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_dropdown), !table);
  gtk_widget_set_sensitive (GTK_WIDGET (self->who_button), !table);
  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "chart");
  update_hint (self);
  /* the item selected in one is selected in the other */
  if (table)
    {
      fita_timeline_table_set_selected (self->table, selected);
      if (had_focus)
        fita_timeline_table_focus_cell (self->table);
    }
  if (selected != 0)
    fita_timeline_view_set_selected (self->view, selected);
}

static void
on_view_selected (FitaTimelinePage *self)
{
  if (gtk_toggle_button_get_active (self->table_button))
    fita_timeline_table_set_selected (self->table, fita_timeline_view_get_selected (self->view));
}

static void
on_table_selected (FitaTimelinePage *self)
{
  fita_timeline_view_set_selected (self->view, fita_timeline_table_get_selected (self->table));
}

void
fita_timeline_page_set_rows (FitaTimelinePage *self, GListModel *rows, FitaTimelineRowFunc func, gpointer data)
{
  fita_timeline_view_set_rows (self->view, rows, func, data);
  fita_timeline_table_set_rows (self->table, rows, func, data);
}

FitaTimelineTable *
fita_timeline_page_get_table (FitaTimelinePage *self)
{
  return self->table;
}

GtkToggleButton *
fita_timeline_page_get_table_button (FitaTimelinePage *self)
{
  return self->table_button;
}

static void
on_who_toggled (FitaTimelinePage *self)
{
  fita_timeline_view_set_show_who (self->view, gtk_toggle_button_get_active (self->who_button));
}

FitaTimelineView *
fita_timeline_page_get_view (FitaTimelinePage *self)
{
  return self->view;
}

FitaPlan *
fita_timeline_page_get_plan (FitaTimelinePage *self)
{
  return fita_timeline_view_get_plan (self->view);
}

void
fita_timeline_page_set_plan (FitaTimelinePage *self, FitaPlan *plan)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (fita_timeline_view_get_plan (self->view) == plan)
    return;
  fita_timeline_view_set_plan (self->view, plan);
  fita_timeline_table_set_plan (self->table, plan);
  /* the user's default zoom, unless the plan calls for semesters */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (plan != NULL && schema != NULL && fita_timeline_default_zoom (plan) != FITA_ZOOM_SEMESTER)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *zoom = g_settings_get_string (settings, "default-zoom");
      gint64 index = fita_keyword_index (fita_zoom_keywords, zoom);
      if (index >= 0)
        fita_timeline_view_set_zoom (self->view, index);
    }
  else if (plan != NULL)
    fita_timeline_view_set_zoom (self->view, fita_timeline_default_zoom (plan));
  on_view_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
fita_timeline_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FITA_TYPE_TIMELINE_PAGE);
  G_OBJECT_CLASS (fita_timeline_page_parent_class)->dispose (object);
}

static void
fita_timeline_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, fita_timeline_page_get_plan (FITA_TIMELINE_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_timeline_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      fita_timeline_page_set_plan (FITA_TIMELINE_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_timeline_page_class_init (FitaTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_timeline_page_dispose;
  object_class->get_property = fita_timeline_page_get_property;
  object_class->set_property = fita_timeline_page_set_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FITA_TYPE_TIMELINE_VIEW);
  g_type_ensure (FITA_TYPE_TIMELINE_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, zoom_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, who_button);
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, table_button);
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, FitaTimelinePage, table);
  gtk_widget_class_install_action (widget_class, "timeline.export", NULL, export_action);
}

static void
fita_timeline_page_init (FitaTimelinePage *self)
{
  /* Translators: the scales of the timeline */
  const char *zooms[] = { C_("timeline scale", "Years"), C_("timeline scale", "Semesters"),
                          C_("timeline scale", "Quarters"), C_("timeline scale", "Months"), NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (zooms);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->zoom_dropdown, G_LIST_MODEL (list));
  on_view_zoom (self);
  g_signal_connect_swapped (self->zoom_dropdown, "notify::selected", G_CALLBACK (on_zoom_chosen), self);
  g_signal_connect_swapped (self->view, "notify::zoom", G_CALLBACK (on_view_zoom), self);
  g_signal_connect_swapped (self->who_button, "toggled", G_CALLBACK (on_who_toggled), self);
  g_signal_connect_swapped (self->table_button, "toggled", G_CALLBACK (on_table_toggled), self);
  g_signal_connect_swapped (self->table, "notify::selected", G_CALLBACK (on_table_selected), self);
  g_signal_connect_swapped (self->view, "notify::selected", G_CALLBACK (on_view_selected), self);
}

GtkWidget *
fita_timeline_page_new (void)
{
  return g_object_new (FITA_TYPE_TIMELINE_PAGE, NULL);
}
