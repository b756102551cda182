#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-application.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-import-dialog.h"
#include "fita-import-preview.h"
#include "fita-import.h"
#include "fita-money.h"
#include "fita-output.h"
#include "fita-outline.h"
#include "fita-rollup.h"
#include "fita-sheet-zip.h"

/* How many values of each column, items, and problems are shown: enough to
 * recognise them; the problems beyond are counted. */
#define N_EXAMPLES  3
#define N_PREVIEW   8
#define N_PROBLEMS  100
/* a saved mapping is a few headers */
#define MAX_MAPPING (1 << 20)

/* The destinations, in the order of the Destination row. */
enum { DESTINATION_NEW, DESTINATION_TOP, DESTINATION_UNDER };

struct _FitaImportDialog
{
  AdwWindow              parent_instance;

  FitaWindow            *window;       /* weak */
  FitaPlan              *plan;         /* the window's plan when opened, or NULL */
  gint64                 under_id;     /* the item selected in the outline, or 0 */

  char                  *name;         /* what the table is called: the file's name */
  char                  *path;         /* the file, or NULL for pasted text */
  char                  *text;         /* pasted text, to read again */
  GStrv                  sheets;       /* a spreadsheet's sheets */
  FitaSheet             *sheet;
  FitaImportMapping     *mapping;
  FitaImportReport      *report;
  FitaPlan              *result;       /* what the import makes, in memory; NULL when refused */
  GArray                *destinations; /* of int, as the Destination row lists them */
  GPtrArray             *column_rows;  /* AdwComboRow*, one per header */
  GPtrArray             *added;        /* rows added to the groups below, to take away */
  GCancellable          *cancellable;
  gboolean               loading;
  gboolean               filling;      /* rows are being filled in, not chosen */
  gboolean               disposed;     /* closed while reading: nothing left to show it in */

  /* Template widgets */
  GtkWidget             *back_button;
  GtkWidget             *import_button;
  AdwWindowTitle        *window_title;
  GtkStack              *stack;
  GtkSpinner            *spinner;
  AdwComboRow           *sheet_row;
  AdwComboRow           *numbers_row;
  AdwPreferencesGroup   *problems_group;
  AdwPreferencesGroup   *summary_group;
  AdwPreferencesGroup   *columns_group;
  AdwPreferencesGroup   *preview_group;
  AdwPreferencesGroup   *notes_group;
  AdwPreferencesGroup   *destination_group;
  AdwComboRow           *destination_row;
};

G_DEFINE_FINAL_TYPE (FitaImportDialog, fita_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Rows */

/* A row of text from the table: shown as it is, never as markup. */
static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_row (FitaImportDialog    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added, g_object_ref (row));
}

/* A row with its figure at the end: "Items  42". */
static void
add_figure_row (FitaImportDialog *self,
                const char       *title,
                const char       *figure)
{
  GtkWidget *row = text_row (title, NULL);
  GtkWidget *label = gtk_label_new (figure);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  add_row (self, self->summary_group, row);
}

static void
clear_rows (FitaImportDialog *self)
{
  for (guint i = 0; i < self->added->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->added, 0);
}

/* The names of the columns an import can read, in the order of FitaColumn,
 * after "Not imported". */
static GtkStringList *
column_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  /* Translators: how a column of an imported table is read: not at all */
  gtk_string_list_append (names, C_("import column", "Not imported"));
  for (int c = 0; c < FITA_N_COLUMNS; c++)
    gtk_string_list_append (names, fita_column_header (c, NULL));
  return names;
}

/* What the import makes */

static const char *
default_title (FitaImportDialog *self)
{
  return self->name != NULL ? self->name : _("Imported Plan");
}

/* The item's line in the preview: "11.1 Radiografia…", and "Actuació · En
 * curs · 30 % · 4.702,33 €" below. */
static void
add_preview_row (FitaImportDialog *self,
                 FitaItem         *item)
{
  const char *lang = fita_lang_from_locale ();
  guint depth = fita_plan_item_depth (self->result, item);
  FitaLevel *level = item->level_id ? fita_plan_lookup (self->result, FITA_TABLE_LEVEL, item->level_id) : NULL;
  FitaStatus *status = item->status_id ? fita_plan_lookup (self->result, FITA_TABLE_STATUS, item->status_id) : NULL;
  g_autofree char *progress = fita_plan_format_progress (self->result, item, lang);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  FitaBudgetSum sum;
  GtkWidget *row;

  /* the depth shown by indenting, as in the outline */
  for (guint i = 0; i < depth && i < 6; i++)
    g_string_append (title, "    ");
  if (item->code != NULL)
    g_string_append_printf (title, "%s  ", item->code);
  g_string_append (title, item->title != NULL ? item->title : _("Untitled"));

#define DETAIL(text) G_STMT_START { if (details->len) g_string_append (details, " · "); g_string_append (details, (text)); } G_STMT_END
  if (level != NULL)
    DETAIL (level->name);
  if (status != NULL)
    DETAIL (status->name);
  if (fita_plan_progress_bp (self->result, item) != FITA_NONE)
    DETAIL (progress);
  fita_plan_budget_sum (self->result, item, FITA_NONE, 0, &sum);
  if (sum.planned != FITA_NONE)
    {
      g_autofree char *money = fita_money_format (sum.planned, lang);
      /* Translators: an amount planned for an item, in the import's preview */
      g_autofree char *text = g_strdup_printf (_("%s planned"), money);
      DETAIL (text);
    }
  if (sum.executed != FITA_NONE)
    {
      g_autofree char *money = fita_money_format (sum.executed, lang);
      /* Translators: an amount executed for an item, in the import's preview */
      g_autofree char *text = g_strdup_printf (_("%s executed"), money);
      DETAIL (text);
    }
#undef DETAIL

  row = text_row (title->str, details->len ? details->str : NULL);
  if (g_utf8_strlen (title->str, -1) > 3)
    adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  add_row (self, self->preview_group, row);
}

static void
add_problem_rows (FitaImportDialog    *self,
                  AdwPreferencesGroup *group,
                  GPtrArray           *problems,
                  const char          *icon)
{
  for (guint i = 0; i < problems->len && i < N_PROBLEMS; i++)
    {
      g_autofree char *text = fita_import_problem_format (g_ptr_array_index (problems, i), self->sheet);
      GtkWidget *row = text_row (text, NULL);
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      group == self->problems_group ? _("Problem") : _("Left out"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      add_row (self, group, row);
    }
  if (problems->len > N_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                                            problems->len - N_PROBLEMS),
                                               problems->len - N_PROBLEMS);
      add_row (self, group, text_row (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (group), problems->len > 0);
}

static void
fill_summary (FitaImportDialog *self)
{
  const char *lang = fita_lang_from_locale ();
  g_autofree char *items = g_strdup_printf ("%u", self->report->n_items);

  add_figure_row (self, _("Items"), items);
  /* by level, when the table has levels */
  for (guint i = 0; i < self->report->levels->len && !(self->report->levels->len == 1 &&
                                                       ((FitaImportLevelCount *) self->report->levels->pdata[0])->name == NULL); i++)
    {
      FitaImportLevelCount *count = g_ptr_array_index (self->report->levels, i);
      g_autofree char *figure = g_strdup_printf ("%u", count->count);
      /* indented under "Items" */
      g_autofree char *title = g_strdup_printf ("    %s", count->name != NULL ? count->name : _("No level"));
      add_figure_row (self, title, figure);
    }

  if (self->result != NULL)
    {
      FitaPlanInfo *info = fita_plan_get_info (self->result);
      g_autofree char *period = fita_plan_format_period (self->result);
      FitaBudgetSum sum;
      g_autofree char *planned = NULL;
      g_autofree char *executed = NULL;

      fita_plan_budget_sum (self->result, NULL, FITA_NONE, 0, &sum);
      planned = fita_money_format (sum.planned, lang);
      executed = fita_money_format (sum.executed, lang);
      add_figure_row (self, _("Planned"), planned);
      add_figure_row (self, _("Executed"), executed);
      if (g_strcmp0 (info->title, default_title (self)) != 0 || period != NULL)
        {
          /* the plan the table describes: its title and period, from a row for the plan */
          add_row (self, self->summary_group, text_row (info->title, period));
        }
    }
}

/* Whether the table describes a plan of its own (a row for the plan). */
static gboolean
names_a_plan (FitaImportDialog *self)
{
  return self->result != NULL && g_strcmp0 (fita_plan_get_info (self->result)->title, default_title (self)) != 0;
}

static void
fill_destinations (FitaImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean editable = self->plan != NULL && !fita_plan_is_read_only (self->plan);
  FitaItem *under = editable && self->under_id ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->under_id) : NULL;
  int chosen = DESTINATION_NEW;
  guint selected = 0;

  g_array_set_size (self->destinations, 0);
  gtk_string_list_append (names, _("A new plan"));
  g_array_append_val (self->destinations, chosen);
  if (editable)
    {
      int top = DESTINATION_TOP;
      gtk_string_list_append (names, _("This plan, at the top"));
      g_array_append_val (self->destinations, top);
      selected = 1;
    }
  if (under != NULL)
    {
      int below = DESTINATION_UNDER;
      /* Translators: where an imported table goes: under the item chosen
       * in the outline; %s is its code and title */
      g_autofree char *item = g_strdup_printf ("%s%s%s", under->code ? under->code : "", under->code ? " " : "",
                                               under->title != NULL ? under->title : "");
      g_autofree char *name = g_strdup_printf (_("This plan, under “%s”"), item);
      gtk_string_list_append (names, name);
      g_array_append_val (self->destinations, below);
      selected = 2;
    }
  /* a table that names a plan of its own is a new plan, unless chosen otherwise */
  if (names_a_plan (self))
    selected = 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->destination_row),
                               editable ? _("To import under another item, select it in the Items page first") : NULL);
  self->filling = TRUE;
  adw_combo_row_set_model (self->destination_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->destination_row, selected);
  self->filling = FALSE;
}

/* Reads the table by the mapping as it is now, and shows what it makes. */
static void
update_result (FitaImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  clear_rows (self);
  g_clear_object (&self->result);
  g_clear_pointer (&self->report, fita_import_report_free);

  self->result = fita_import_sheet (self->sheet, self->mapping, default_title (self), &self->report, &error);
  if (self->report == NULL)
    self->report = fita_import_report_new ();
  if (self->result == NULL && self->report->problems->len == 0)
    {
      /* a refusal that is not about a row: the table as a whole */
      FitaImportProblem *problem = g_new0 (FitaImportProblem, 1);
      problem->message = g_strdup (error != NULL ? error->message : _("The table cannot be read."));
      g_ptr_array_add (self->report->problems, problem);
    }

  add_problem_rows (self, self->problems_group, self->report->problems, "dialog-error-symbolic");
  add_problem_rows (self, self->notes_group, self->report->notes, "dialog-information-symbolic");
  fill_summary (self);

  if (self->result != NULL)
    {
      items = fita_plan_items_preorder (self->result, NULL);
      for (guint i = 0; i < items->len && i < N_PREVIEW; i++)
        add_preview_row (self, g_ptr_array_index (items, i));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), items != NULL && items->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", self->result != NULL && self->report->n_items > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->destination_row), self->result != NULL);
}

/* Columns */

static void
column_chosen_cb (AdwComboRow      *row,
                  GParamSpec       *pspec,
                  FitaImportDialog *self)
{
  const char *header = g_object_get_data (G_OBJECT (row), "fita-header");
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || header == NULL || selected == GTK_INVALID_LIST_POSITION || self->mapping == NULL)
    return;
  fita_import_mapping_set_column (self->mapping, header, (FitaColumn) selected - 1);
  update_result (self);
}

static void
clear_columns (FitaImportDialog *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
}

/* A row for each header, with the first values under it and how it is read. */
static gboolean
fill_columns (FitaImportDialog *self,
              GError          **error)
{
  g_autoptr(GPtrArray) headers = fita_import_mapping_describe (self->mapping, self->sheet, N_EXAMPLES, error);
  g_autoptr(GtkStringList) names = NULL;

  clear_columns (self);
  if (headers == NULL)
    return FALSE;

  names = column_names ();
  self->filling = TRUE;
  for (guint i = 0; i < headers->len; i++)
    {
      FitaImportHeader *h = g_ptr_array_index (headers, i);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *examples = g_strjoinv (" · ", h->examples);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->header);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *examples != '\0' ? examples : _("No values"));
      /* one line, cut short; not for a word of a letter or two, which GTK 4.8
       * measures narrower than the "…" it would cut it to */
      if (g_utf8_strlen (examples, -1) > 3)
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (h->column + 1));
      g_object_set_data_full (G_OBJECT (row), "fita-header", g_strdup (h->header), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_chosen_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  self->filling = FALSE;
  return TRUE;
}

static void
show_error (FitaImportDialog *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_loading (FitaImportDialog *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  /* one table at a time: another may not start while one is read */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.paste", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
show_source_page (FitaImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "source");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  adw_window_title_set_subtitle (self->window_title, NULL);
}

/* The table is read: show how it will be read and what it makes. */
static gboolean
take_sheet (FitaImportDialog *self,
            FitaSheet        *sheet,
            GError          **error)
{
  g_clear_pointer (&self->sheet, fita_sheet_free);
  self->sheet = sheet;
  if (self->mapping == NULL)
    self->mapping = fita_import_mapping_new ();

  if (!fita_import_mapping_guess (self->mapping, self->sheet, error))
    return FALSE;
  if (!fill_columns (self, error))
    return FALSE;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->numbers_row, g_strcmp0 (fita_import_mapping_get_language (self->mapping), "en") == 0);
  self->filling = FALSE;

  update_result (self);
  fill_destinations (self);
  adw_window_title_set_subtitle (self->window_title, default_title (self));
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "table");
  return TRUE;
}

/* Reading a file, in a thread */

typedef struct {
  char *path;
  char *sheet;      /* NULL: the first */
  FitaSheet *read;
  GStrv sheets;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_free (job->sheet);
  g_clear_pointer (&job->read, fita_sheet_free);
  g_strfreev (job->sheets);
  g_free (job);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;

  /* the format from the name or the content; of a workbook, the sheet
   * chosen, or the first with the sheets that add to its items */
  job->read = fita_sheet_read_path (job->path, NULL, job->sheet, &error);
  if (job->read != NULL && job->read->sheets->len > 0 && job->sheets == NULL &&
      !(job->sheets = fita_sheet_list_sheets (job->path, &error)))
    g_clear_pointer (&job->read, fita_sheet_free);
  if (job->read == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
fill_sheets (FitaImportDialog *self,
             const char       *chosen)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const *) self->sheets);
  guint n = self->sheets != NULL ? g_strv_length (self->sheets) : 0;

  self->filling = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (self->sheets[i], chosen) == 0)
      adw_combo_row_set_selected (self->sheet_row, i);
  if (chosen == NULL)
    adw_combo_row_set_selected (self->sheet_row, 0);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), n > 1);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (object);
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->disposed)
    return;
  set_loading (self, FALSE);
  if (error == NULL)
    {
      if (self->sheets == NULL)
        self->sheets = g_steal_pointer (&job->sheets);
      fill_sheets (self, job->sheet);
      if (take_sheet (self, g_steal_pointer (&job->read), &error))
        return;
    }

  show_source_page (self);
  {
    /* Translators: %s is a file name */
    g_autofree char *heading = g_strdup_printf (_("Could not read “%s”"), self->name);
    show_error (self, heading, error->message);
  }
}

/* Stops reading what was being read, for something else. */
static GCancellable *
restart_cancellable (FitaImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

static void
start_reading (FitaImportDialog *self,
               const char       *sheet)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job = g_new0 (ReadJob, 1);

  restart_cancellable (self);

  job->path = g_strdup (self->path);
  job->sheet = g_strdup (sheet);
  job->sheets = g_strdupv (self->sheets);
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  set_loading (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  g_task_run_in_thread (task, read_in_thread);
}

static void
forget_table (FitaImportDialog *self)
{
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_clear_pointer (&self->mapping, fita_import_mapping_free);
}

void
fita_import_dialog_load_file (FitaImportDialog *self,
                              GFile            *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  char *dot;

  g_return_if_fail (FITA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  forget_table (self);
  self->path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  display = g_filename_display_name (basename);
  /* the new plan's title, when the table names none: the file's name */
  if ((dot = strrchr (display, '.')) != NULL && dot != display)
    *dot = '\0';
  self->name = g_steal_pointer (&display);
  if (self->path == NULL)
    {
      show_error (self, _("Could not read the table"),
                  _("Fita can only read files on this computer. Copy the file to a local folder first."));
      return;
    }
  start_reading (self, NULL);
}

gboolean
fita_import_dialog_load_text (FitaImportDialog *self,
                              const char       *text,
                              const char       *name,
                              GError          **error)
{
  FitaSheet *sheet;

  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  /* Calc, Excel and Word copy a table as tab-separated text; one that
   * cannot be read leaves the table shown as it was */
  if (!(sheet = fita_sheet_read_csv (text, strlen (text), 0, error)))
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  set_loading (self, FALSE);
  forget_table (self);
  self->text = g_strdup (text);
  self->name = g_strdup (name);
  fill_sheets (self, NULL);
  if (!take_sheet (self, sheet, error))
    {
      show_source_page (self);
      return FALSE;
    }
  return TRUE;
}

static void
paste_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(FitaImportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (text == NULL || text[strspn (text, " \t\r\n")] == '\0')
    {
      /* a table already read stays */
      if (self->sheet == NULL)
        show_source_page (self);
      show_error (self, _("Nothing to paste"),
                  _("The clipboard holds no table. Select the cells of the table in Calc, Excel or Word, copy them, and paste again."));
      return;
    }
  /* Translators: what a table pasted from the clipboard is called; the
   * title of the plan made from it, when the table names none */
  if (!fita_import_dialog_load_text (self, text, _("Pasted Table"), &error))
    show_error (self, _("Could not read the pasted table"), error->message);
}

void
fita_import_dialog_paste (FitaImportDialog *self)
{
  GdkClipboard *clipboard;

  g_return_if_fail (FITA_IS_IMPORT_DIALOG (self));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  set_loading (self, TRUE);
  gdk_clipboard_read_text_async (clipboard, restart_cancellable (self), paste_done_cb, g_object_ref (self));
}

gboolean
fita_import_dialog_get_loading (FitaImportDialog *self)
{
  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), FALSE);

  return self->loading;
}

GStrv
fita_import_dialog_get_headers (FitaImportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    g_strv_builder_add (builder, g_object_get_data (g_ptr_array_index (self->column_rows, i), "fita-header"));
  return g_strv_builder_end (builder);
}

gboolean
fita_import_dialog_set_column (FitaImportDialog *self,
                               const char       *header,
                               FitaColumn        column)
{
  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, i);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "fita-header"), header) == 0)
        {
          /* as a person chooses it: the row tells the rest */
          adw_combo_row_set_selected (row, (guint) (column + 1));
          return TRUE;
        }
    }
  return FALSE;
}

FitaImportReport *
fita_import_dialog_get_report (FitaImportDialog *self)
{
  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), NULL);

  return self->report;
}

/* Importing */

static FitaApplication *
get_application (FitaImportDialog *self)
{
  GtkApplication *app = self->window != NULL ? gtk_window_get_application (GTK_WINDOW (self->window)) : NULL;

  return FITA_IS_APPLICATION (app) ? FITA_APPLICATION (app) : NULL;
}

gboolean
fita_import_dialog_import_new (FitaImportDialog *self,
                               GFile            *file,
                               GError          **error)
{
  FitaApplication *app = get_application (self);
  g_autoptr(FitaPlan) plan = NULL;

  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  if (app == NULL)
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID, _("The window the import was started from is closed."));
      return FALSE;
    }
  plan = g_steal_pointer (&self->result);
  if (!fita_application_save_new_plan (app, plan, file, self->plan == NULL ? self->window : NULL, error))
    {
      /* read again, so that another try starts from the table as it is */
      update_result (self);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

gboolean
fita_import_dialog_import_under (FitaImportDialog *self,
                                 gint64            parent_id,
                                 GError          **error)
{
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  FitaWindow *window = self->window;
  AdwToast *toast;
  guint n = 0;

  g_return_val_if_fail (FITA_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  if (self->plan == NULL || window == NULL || fita_window_get_plan (window) != self->plan)
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID,
                           _("The plan the import was started from is no longer open. Import into a new plan instead."));
      return FALSE;
    }
  /* Translators: the name of an action that can be undone; %s is what
   * the table is called (its file's name) */
  label = g_strdup_printf (_("Import “%s”"), default_title (self));
  if (!fita_plan_graft (self->plan, parent_id, -1, self->result, label, &n, error))
    return FALSE;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u item", "Imported %u items", n), n);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  fita_window_add_toast (window, toast);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
new_plan_file_cb (GtkNativeDialog  *chooser,
                  int               response,
                  FitaImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = chosen != NULL ? g_file_get_basename (chosen) : NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      if (chosen != NULL && basename != NULL && !g_str_has_suffix (basename, ".fita"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *fixed = g_strconcat (basename, ".fita", NULL);
          file = parent != NULL ? g_file_get_child (parent, fixed) : g_object_ref (chosen);
        }
      else if (chosen != NULL)
        file = g_object_ref (chosen);

      if (file != NULL && !fita_import_dialog_import_new (self, file, &error))
        show_error (self, _("Could not import the table"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (widget);
  guint selected = adw_combo_row_get_selected (self->destination_row);
  int destination = selected < self->destinations->len ? g_array_index (self->destinations, int, selected) : DESTINATION_NEW;
  g_autoptr(GError) error = NULL;

  if (self->result == NULL)
    return;

  if (destination == DESTINATION_NEW)
    {
      GtkFileChooserNative *chooser;
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autoptr(GString) name = g_string_new (fita_plan_get_info (self->result)->title);

      chooser = gtk_file_chooser_native_new (_("Save the Imported Plan"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
      gtk_file_filter_set_name (filter, _("Fita Plans"));
      gtk_file_filter_add_suffix (filter, "fita");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_string_replace (name, "/", "-", 0);
      g_string_append (name, ".fita");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name->str);
      g_signal_connect_object (chooser, "response", G_CALLBACK (new_plan_file_cb), self, 0);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
      return;
    }

  if (!fita_import_dialog_import_under (self, destination == DESTINATION_UNDER ? self->under_id : 0, &error))
    show_error (self, _("Could not import the table"), error->message);
}

/* Choosing and pasting */

static void
choose_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    FitaImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        fita_import_dialog_load_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char * const suffixes[] = { "xlsx", "ods", "csv", "tsv", "txt" };

  chooser = gtk_file_chooser_native_new (_("Choose a Table to Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, C_("action", "_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (tables, _("Spreadsheets and Tables"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (tables, suffixes[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), tables);
  g_signal_connect_object (chooser, "response", G_CALLBACK (choose_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  fita_import_dialog_paste (FITA_IMPORT_DIALOG (widget));
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  set_loading (self, FALSE);
  clear_rows (self);
  clear_columns (self);
  g_clear_object (&self->result);
  g_clear_pointer (&self->report, fita_import_report_free);
  show_source_page (self);
}

static void
sheet_chosen_cb (FitaImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (self->filling || self->path == NULL || self->sheets == NULL || selected >= g_strv_length (self->sheets))
    return;
  /* another sheet is another table: its columns are guessed anew */
  g_clear_pointer (&self->mapping, fita_import_mapping_free);
  start_reading (self, selected == 0 ? NULL : self->sheets[selected]);
}

static void
numbers_chosen_cb (FitaImportDialog *self)
{
  if (self->filling || self->mapping == NULL || self->sheet == NULL)
    return;
  fita_import_mapping_set_language (self->mapping, adw_combo_row_get_selected (self->numbers_row) == 1 ? "en" : NULL);
  update_result (self);
}

/* Saved column choices */

static void
load_mapping_cb (GtkNativeDialog  *chooser,
                 int               response,
                 FitaImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->sheet != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *data = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;
      FitaImportMapping *mapping = NULL;

      if (path != NULL && g_file_get_contents (path, &data, &length, &error))
        {
          if (length > MAX_MAPPING)
            g_set_error (&error, FITA_ERROR, FITA_ERROR_INVALID, _("The file is too large (more than 1 MB) to hold column choices."));
          else
            mapping = fita_import_mapping_load (data, length, &error);
        }
      if (mapping != NULL)
        {
          g_clear_pointer (&self->mapping, fita_import_mapping_free);
          self->mapping = mapping;
          if (!take_sheet (self, g_steal_pointer (&self->sheet), &error))
            show_source_page (self);
        }
      if (error != NULL)
        show_error (self, _("Could not use the saved column choices"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_mapping_cb (GtkNativeDialog  *chooser,
                 int               response,
                 FitaImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->mapping != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *json = fita_import_mapping_to_json (self->mapping);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Fita can only save files on this computer. Choose a local folder."));
      else
        fita_output_write_file (path, NULL, json, strlen (json), &error);
      if (error != NULL)
        show_error (self, _("Could not save the column choices"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
mapping_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (widget);
  gboolean save = g_str_equal (action_name, "import.save-mapping");
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (save ? _("Save the Column Choices") : _("Use Saved Column Choices"),
                                         GTK_WINDOW (self),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Save") : C_("action", "_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Column Choices (JSON)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (save)
    {
      /* Translators: the suggested file name of saved column choices; %s is the table's name */
      g_autofree char *name = g_strdup_printf (_("%s (columns).json"), default_title (self));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (save ? save_mapping_cb : load_mapping_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GObject */

static void
fita_import_dialog_dispose (GObject *object)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (fita_import_dialog_parent_class)->dispose (object);
}

static void
fita_import_dialog_finalize (GObject *object)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (object);

  forget_table (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->result);
  g_clear_pointer (&self->sheet, fita_sheet_free);
  g_clear_pointer (&self->report, fita_import_report_free);
  g_clear_pointer (&self->destinations, g_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);

  G_OBJECT_CLASS (fita_import_dialog_parent_class)->finalize (object);
}

static void
fita_import_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FitaImportDialog *self = FITA_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_import_dialog_class_init (FitaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_import_dialog_dispose;
  object_class->finalize = fita_import_dialog_finalize;
  object_class->get_property = fita_import_dialog_get_property;

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, numbers_row);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, destination_group);
  gtk_widget_class_bind_template_child (widget_class, FitaImportDialog, destination_row);
  gtk_widget_class_bind_template_callback (widget_class, sheet_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, numbers_chosen_cb);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "import.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.load-mapping", NULL, mapping_action);
  gtk_widget_class_install_action (widget_class, "import.save-mapping", NULL, mapping_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "import.paste", NULL);
}

static void
fita_import_dialog_init (FitaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);

  self->destinations = g_array_new (FALSE, FALSE, sizeof (int));
  self->column_rows = g_ptr_array_new ();
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Lets go of the window while it still exists (a reading under way keeps
 * the dialog alive past it), and closes. */
static void
window_destroyed_cb (FitaImportDialog *self)
{
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

FitaImportDialog *
fita_import_dialog_new (FitaWindow *window)
{
  FitaImportDialog *self;
  FitaPlan *plan;

  g_return_val_if_fail (FITA_IS_WINDOW (window), NULL);

  self = g_object_new (FITA_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  /* closed with its window: it imports into that window's plan */
  g_signal_connect_object (window, "destroy", G_CALLBACK (window_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  plan = fita_window_get_plan (window);
  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      self->under_id = fita_outline_get_selected_id (fita_window_get_outline (window));
    }
  return self;
}
