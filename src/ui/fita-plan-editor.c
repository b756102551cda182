/* fita-plan-editor.c: the "Plan" page: the plan's own figures (its
 * progress, its budget, its items by status), what the plan is (title,
 * organisation, period, follow-up year, language), what it calls its
 * levels, statuses and budget chapters, how progress adds up, and the
 * follow-up of the whole plan for the year followed up. */
#include "config.h"
#include "fita-plan-editor.h"

#include <glib/gi18n.h>

#include "fita-change-error.h"
#include "fita-edit.h"
#include "fita-money.h"
#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-rollup.h"
#include "fita-status-table.h"

/* The plan-level follow-up, as the report's sections. */
static const struct {
  const char *field;
  const char *title;
} followup_fields[] = {
  /* Translators: a section of a yearly follow-up report: how the plan was carried out */
  { "execution", N_("Execution") },
  /* Translators: a section of a yearly follow-up report */
  { "strengths", N_("Strengths") },
  /* Translators: a section of a yearly follow-up report */
  { "weaknesses", N_("Weaknesses") },
  /* Translators: a section of a yearly follow-up report */
  { "other", N_("Other remarks") },
  /* Translators: a section of a yearly follow-up report: changes to make to the plan */
  { "adjustments", N_("Adjustments") },
  /* Translators: a section of a yearly follow-up report */
  { "next_steps", N_("Next steps") },
};

#define N_FOLLOWUP_FIELDS G_N_ELEMENTS (followup_fields)

struct _FitaPlanEditor
{
  AdwBin parent_instance;

  FitaPlan *plan;
  GSignalGroup *plan_signals;   /* the plan's signals, whichever plan it is */

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwPreferencesPage *page;
  AdwActionRow *summary_progress_row;
  GtkProgressBar *summary_progress_bar;
  GtkLabel *summary_progress_label;
  AdwActionRow *summary_planned_row;
  GtkLabel *summary_planned_label;
  AdwActionRow *summary_in_years_row;
  GtkLabel *summary_in_years_label;
  AdwActionRow *summary_not_in_years_row;
  GtkLabel *summary_not_in_years_label;
  AdwActionRow *summary_executed_row;
  GtkLabel *summary_executed_label;
  GtkLabel *summary_rate_label;
  FitaStatusTable *status_table;
  AdwPreferencesGroup *plan_group;
  AdwEntryRow *title_row;
  AdwEntryRow *organisation_row;
  GtkSpinButton *period_start_spin;
  GtkSpinButton *period_end_spin;
  GtkSpinButton *followed_year_spin;
  AdwEntryRow *followup_period_row;
  AdwEntryRow *report_date_row;
  AdwComboRow *language_row;
  GtkLabel *period_error;
  GtkListBox *levels_list;
  GtkLabel *levels_error;
  GtkListBox *statuses_list;
  GtkLabel *statuses_error;
  AdwComboRow *progress_rule_row;
  AdwComboRow *progress_missing_row;
  AdwComboRow *progress_decimals_row;
  GtkLabel *progress_label;
  GtkListBox *chapters_list;
  GtkLabel *chapters_error;
  AdwPreferencesGroup *followup_group;
  GtkLabel *followup_error;

  /* Built here */
  GtkWidget *description_view;
  GtkLabel *plan_error;
  GtkWidget *followup_views[N_FOLLOWUP_FIELDS];
};

G_DEFINE_FINAL_TYPE (FitaPlanEditor, fita_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_read_only (FitaPlanEditor *self)
{
  /* the plan's properties are its coordinators' to change, not a
   * service's */
  return self->plan == NULL || fita_plan_is_read_only (self->plan) ||
         fita_plan_get_access (self->plan) != FITA_ACCESS_ALL;
}

static void
show_failure (FitaPlanEditor *self,
              GError         *error)
{
  if (error != NULL && !fita_change_error_show (GTK_WIDGET (self), self->plan, error, NULL))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* Levels */

static GtkWidget *
create_level_row (gpointer record,
                  gpointer user_data)
{
  FitaPlanEditor *self = user_data;
  FitaLevel *level = record;
  GtkWidget *row = fita_field_list_row_new ();
  GtkWidget *grid = fita_field_row_grid_new ();
  GtkWidget *name, *depth_label, *depth, *description, *buttons;

  /* Translators: placeholder of the name of a level of the hierarchy */
  name = fita_field_entry_new (_("Name"), _("Level name"));
  gtk_widget_set_hexpand (name, TRUE);
  /* Translators: the name of an action that can be undone ("Undo Rename Level") */
  fita_field_bind (name, FITA_FIELD_EDITOR_LINE, self->plan, FITA_TABLE_LEVEL, level->rec.id, "name", _("Rename Level"));

  /* Translators: how far down the hierarchy a level is; 0 is the top */
  depth_label = gtk_label_new (_("Depth"));
  gtk_widget_add_css_class (depth_label, "dim-label");
  depth = gtk_spin_button_new_with_range (0, 9, 1);
  gtk_widget_set_valign (depth, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (depth, _("0 is the top of the hierarchy, 1 the level below it, and so on"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (depth, FITA_FIELD_EDITOR_SPIN, self->plan, FITA_TABLE_LEVEL, level->rec.id, "depth", _("Change Level Depth"));

  description = fita_field_entry_new (_("Description"), _("Level description"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (description, FITA_FIELD_EDITOR_LINE, self->plan, FITA_TABLE_LEVEL, level->rec.id, "description", _("Edit Level Description"));

  buttons = fita_row_buttons_new (FITA_TABLE_LEVEL, level->rec.id);
  g_object_set_data (G_OBJECT (row), "fita-row-buttons", buttons);

  fita_field_set_error_label (name, self->levels_error);
  fita_field_set_error_label (depth, self->levels_error);
  fita_field_set_error_label (description, self->levels_error);

  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), depth_label, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), depth, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), buttons, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), description, 0, 1, 3, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static void
update_level_row (GtkWidget *row,
                  gpointer   record,
                  guint      index,
                  guint      n_rows,
                  gpointer   user_data)
{
  FitaPlanEditor *self = user_data;
  FitaLevel *level = record;
  g_autofree char *depth = NULL;
  g_autofree char *description = NULL;

  fita_row_buttons_update (g_object_get_data (G_OBJECT (row), "fita-row-buttons"),
                           index, n_rows, level->name, is_read_only (self));
  /* Translators: accessible label; %s is the name of a level, e.g. "Objectiu" */
  depth = g_strdup_printf (_("Depth of level %s"), level->name);
  fita_field_set_label (row, FITA_TABLE_LEVEL, level->rec.id, "depth", depth);
  /* Translators: accessible label; %s is the name of a level */
  description = g_strdup_printf (_("Description of level %s"), level->name);
  fita_field_set_label (row, FITA_TABLE_LEVEL, level->rec.id, "description", description);
}

/* Statuses */

static GtkWidget *
create_status_row (gpointer record,
                   gpointer user_data)
{
  FitaPlanEditor *self = user_data;
  FitaStatus *status = record;
  GtkWidget *row = fita_field_list_row_new ();
  GtkWidget *grid = fita_field_row_grid_new ();
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *colour, *name, *percent_label, *percent, *definition, *definition_box, *buttons;
  gint64 id = status->rec.id;

  colour = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (colour), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (colour), _("Status Colour"));
  gtk_widget_set_valign (colour, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (colour, _("Colour"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (colour, FITA_FIELD_EDITOR_COLOUR, self->plan, FITA_TABLE_STATUS, id, "colour", _("Change Status Colour"));

  /* Translators: placeholder of the name of a status */
  name = fita_field_entry_new (_("Name"), _("Status name"));
  gtk_widget_set_hexpand (name, TRUE);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (name, FITA_FIELD_EDITOR_LINE, self->plan, FITA_TABLE_STATUS, id, "name", _("Rename Status"));

  /* Translators: the percent an item with this status counts for */
  percent_label = gtk_label_new (_("Default %"));
  gtk_widget_add_css_class (percent_label, "dim-label");
  percent = gtk_spin_button_new_with_range (-1, 100, 5);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (percent), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (percent), 4);
  gtk_widget_set_valign (percent, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (percent, _("The percent done of an item with this status that has no percent of its own; None if it has no default"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (percent, FITA_FIELD_EDITOR_PERCENT, self->plan, FITA_TABLE_STATUS, id, "percent", _("Change Default Percent"));

  /* Translators: what a status means, e.g. "Projects in a pilot phase" */
  definition_box = fita_field_text_view_new (FITA_FIELD_EDITOR_PARAGRAPH, _("Definition"), &definition);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (definition, FITA_FIELD_EDITOR_PARAGRAPH, self->plan, FITA_TABLE_STATUS, id, "description", _("Edit Status Definition"));

  buttons = fita_row_buttons_new (FITA_TABLE_STATUS, id);
  g_object_set_data (G_OBJECT (row), "fita-row-buttons", buttons);

  fita_field_set_error_label (colour, self->statuses_error);
  fita_field_set_error_label (name, self->statuses_error);
  fita_field_set_error_label (percent, self->statuses_error);
  fita_field_set_error_label (definition, self->statuses_error);

  /* The default percent beside the definition, so narrow windows fit. */
  gtk_widget_set_valign (percent, GTK_ALIGN_START);
  gtk_widget_set_valign (percent_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (percent_label, 8);
  gtk_box_append (GTK_BOX (second), definition_box);
  gtk_box_append (GTK_BOX (second), percent_label);
  gtk_box_append (GTK_BOX (second), percent);
  gtk_grid_attach (GTK_GRID (grid), colour, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), name, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), buttons, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), second, 1, 1, 2, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static void
update_status_row (GtkWidget *row,
                   gpointer   record,
                   guint      index,
                   guint      n_rows,
                   gpointer   user_data)
{
  FitaPlanEditor *self = user_data;
  FitaStatus *status = record;
  gint64 id = status->rec.id;
  g_autofree char *colour = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *definition = NULL;

  fita_row_buttons_update (g_object_get_data (G_OBJECT (row), "fita-row-buttons"),
                           index, n_rows, status->name, is_read_only (self));
  /* Translators: accessible label; %s is the name of a status, e.g. "En curs" */
  colour = g_strdup_printf (_("Colour of status %s"), status->name);
  fita_field_set_label (row, FITA_TABLE_STATUS, id, "colour", colour);
  /* Translators: accessible label; %s is the name of a status */
  percent = g_strdup_printf (_("Default percent of status %s"), status->name);
  fita_field_set_label (row, FITA_TABLE_STATUS, id, "percent", percent);
  /* Translators: accessible label; %s is the name of a status */
  definition = g_strdup_printf (_("Definition of status %s"), status->name);
  fita_field_set_label (row, FITA_TABLE_STATUS, id, "description", definition);
}

/* Budget chapters */

static GtkWidget *
create_chapter_row (gpointer record,
                    gpointer user_data)
{
  FitaPlanEditor *self = user_data;
  FitaChapter *chapter = record;
  GtkWidget *row = fita_field_list_row_new ();
  GtkWidget *grid = fita_field_row_grid_new ();
  GtkWidget *name, *description, *buttons;

  /* Translators: placeholder of the name of a budget chapter */
  name = fita_field_entry_new (_("Name"), _("Budget chapter name"));
  gtk_widget_set_hexpand (name, TRUE);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (name, FITA_FIELD_EDITOR_LINE, self->plan, FITA_TABLE_CHAPTER, chapter->rec.id, "name", _("Rename Budget Chapter"));

  description = fita_field_entry_new (_("Description"), _("Budget chapter description"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (description, FITA_FIELD_EDITOR_LINE, self->plan, FITA_TABLE_CHAPTER, chapter->rec.id, "description", _("Edit Budget Chapter Description"));

  buttons = fita_row_buttons_new (FITA_TABLE_CHAPTER, chapter->rec.id);
  g_object_set_data (G_OBJECT (row), "fita-row-buttons", buttons);
  fita_field_set_error_label (name, self->chapters_error);
  fita_field_set_error_label (description, self->chapters_error);

  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), buttons, 1, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), description, 0, 1, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static void
update_chapter_row (GtkWidget *row,
                    gpointer   record,
                    guint      index,
                    guint      n_rows,
                    gpointer   user_data)
{
  FitaPlanEditor *self = user_data;
  FitaChapter *chapter = record;
  g_autofree char *description = NULL;

  fita_row_buttons_update (g_object_get_data (G_OBJECT (row), "fita-row-buttons"),
                           index, n_rows, chapter->name, is_read_only (self));
  /* Translators: accessible label; %s is the name of a budget chapter */
  description = g_strdup_printf (_("Description of budget chapter %s"), chapter->name);
  fita_field_set_label (row, FITA_TABLE_CHAPTER, chapter->rec.id, "description", description);
}

/* Refreshing */

static void
update_followup_group (FitaPlanEditor *self)
{
  FitaPlanInfo *info = self->plan ? fita_plan_get_info (self->plan) : NULL;
  gboolean has_year = info != NULL && info->followed_year != FITA_NONE;
  g_autofree char *title = NULL;

  if (has_year)
    /* Translators: heading of the follow-up of the whole plan; %d is a year */
    title = g_strdup_printf (_("Follow-up of %d"), (int) info->followed_year);
  adw_preferences_group_set_title (self->followup_group, has_year ? title : _("Follow-up"));
  adw_preferences_group_set_description (self->followup_group,
                                         has_year ? _("What the follow-up report says about the plan as a whole")
                                                  : _("Choose the year followed up to write its follow-up"));
  for (guint i = 0; i < N_FOLLOWUP_FIELDS; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (self->followup_views[i], GTK_TYPE_LIST_BOX_ROW);

      gtk_widget_set_visible (row, has_year);
      if (has_year && fita_field_get_record_id (self->followup_views[i]) != info->followed_year)
        fita_field_set_record (self->followup_views[i], self->plan, info->followed_year);
    }
}

/* The summary */

static void
set_amount (GtkLabel   *label,
            gint64      cents,
            const char *lang)
{
  g_autofree char *text = fita_money_format (cents, lang);

  gtk_label_set_label (label, text);
  if (cents == FITA_NONE)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
set_period_title (AdwActionRow *row,
                  const char   *with_period,
                  const char   *without,
                  const char   *period)
{
  g_autofree char *title = period ? g_strdup_printf (with_period, period) : g_strdup (without);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

/* The whole plan's figures: progress by the plan's rule, the budget, and
 * how the planned total splits between the years and no year. */
static void
update_summary (FitaPlanEditor *self)
{
  const char *lang = fita_lang_from_locale ();
  g_autofree char *period = NULL;
  g_autofree char *progress_text = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *rate_text = NULL;
  FitaBudgetEnvelope envelope;
  FitaBudgetSum sum;
  gint64 progress;

  fita_status_table_update (self->status_table, self->plan, NULL);
  if (self->plan == NULL)
    return;

  progress = fita_plan_progress_bp (self->plan, NULL);
  progress_text = fita_plan_format_progress (self->plan, NULL, lang);
  rule = fita_plan_describe_progress_rule (self->plan);
  gtk_label_set_label (self->summary_progress_label, progress_text);
  gtk_progress_bar_set_fraction (self->summary_progress_bar, progress != FITA_NONE ? progress / 10000.0 : 0.0);
  /* An empty bar would read as 0 %. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_progress_bar), progress != FITA_NONE);
  adw_action_row_set_subtitle (self->summary_progress_row, rule);

  period = fita_plan_format_period (self->plan);
  fita_plan_budget_sum (self->plan, NULL, FITA_NONE, 0, &sum);
  fita_plan_budget_envelope (self->plan, NULL, &envelope);
  /* Translators: "Total planned 2019–2026" */
  set_period_title (self->summary_planned_row, _("Total planned %s"), _("Total planned"), period);
  /* Translators: "Total executed 2019–2026" */
  set_period_title (self->summary_executed_row, _("Total executed %s"), _("Total executed"), period);
  set_amount (self->summary_planned_label, envelope.total, lang);
  set_amount (self->summary_executed_label, sum.executed, lang);

  /* The total, reconciled: what the years hold, and what no year has. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_in_years_row), envelope.total != FITA_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_not_in_years_row), envelope.total != FITA_NONE);
  set_amount (self->summary_in_years_label, envelope.in_years != FITA_NONE ? envelope.in_years : 0, lang);
  set_amount (self->summary_not_in_years_label, envelope.not_in_years, lang);
  adw_action_row_set_subtitle (self->summary_not_in_years_row,
                               envelope.not_in_years != FITA_NONE && envelope.not_in_years < 0
                               ? _("The years add up to more than the total planned")
                               : NULL);

  rate_text = fita_percent_format_bp (fita_rate_bp (sum.executed, sum.planned), lang);
  gtk_label_set_label (self->summary_rate_label, rate_text);
}

static void
refresh (FitaPlanEditor    *self,
         const FitaChanges *changes)
{
  gboolean all = changes == NULL;
  gboolean read_only = is_read_only (self);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  fita_field_hold_commits ();

  if (all || fita_changes_touches (changes, FITA_TABLE_LEVEL))
    fita_list_box_sync (self->levels_list,
                        self->plan ? fita_plan_list (self->plan, FITA_TABLE_LEVEL, 0) : none,
                        create_level_row, update_level_row, self);
  if (all || fita_changes_touches (changes, FITA_TABLE_STATUS))
    fita_list_box_sync (self->statuses_list,
                        self->plan ? fita_plan_list (self->plan, FITA_TABLE_STATUS, 0) : none,
                        create_status_row, update_status_row, self);
  if (all || fita_changes_touches (changes, FITA_TABLE_CHAPTER))
    fita_list_box_sync (self->chapters_list,
                        self->plan ? fita_plan_list (self->plan, FITA_TABLE_CHAPTER, 0) : none,
                        create_chapter_row, update_chapter_row, self);

  if (all || fita_changes_touches (changes, FITA_TABLE_PLAN))
    {
      g_autofree char *rule = self->plan ? fita_plan_describe_progress_rule (self->plan) : NULL;

      gtk_label_set_text (self->progress_label, rule ? rule : "");
      update_followup_group (self);
    }
  if (all || fita_changes_touches (changes, FITA_TABLE_PLAN) ||
      fita_changes_touches (changes, FITA_TABLE_ITEM) ||
      fita_changes_touches (changes, FITA_TABLE_STATUS) ||
      fita_changes_touches (changes, FITA_TABLE_BUDGET_LINE))
    update_summary (self);

  fita_field_load_all (GTK_WIDGET (self));
  fita_field_set_read_only_all (GTK_WIDGET (self), read_only);

  fita_field_release_commits ();
}

static void
plan_changed_cb (FitaPlan          *plan,
                 const FitaChanges *changes,
                 FitaPlanEditor    *self)
{
  refresh (self, changes);
}

static void
update_read_only (FitaPlanEditor *self)
{
  gboolean editable = !is_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-level", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-status", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-chapter", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", editable);
}

/* Actions */

static void
focus_new_name (FitaPlanEditor *self,
                GtkListBox     *list,
                FitaTableId     table,
                gint64          id)
{
  GtkWidget *name = fita_field_find (GTK_WIDGET (list), table, id, "name");

  if (name != NULL)
    fita_field_focus (name);
}

static void
add_record (FitaPlanEditor *self,
            FitaTableId     table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GPtrArray *existing = fita_plan_list (self->plan, table, 0);
  const char *label = NULL;
  GtkListBox *list = NULL;
  gpointer record;
  gint64 id;

  record = fita_plan_new_record (self->plan, table);
  id = ((FitaRecord *) record)->id;
  switch (table)
    {
    case FITA_TABLE_LEVEL:
      {
        FitaLevel *level = record;

        /* Translators: the name of a level just added */
        level->name = fita_unique_name (self->plan, table, _("New level"));
        level->depth = existing->len > 0
          ? ((FitaLevel *) g_ptr_array_index (existing, existing->len - 1))->depth + 1 : 0;
        level->depth = MIN (level->depth, 9);
        /* Translators: the name of an action that can be undone */
        label = _("Add Level");
        list = self->levels_list;
      }
      break;
    case FITA_TABLE_STATUS:
      {
        /* GNOME's palette, for statuses to tell apart at a glance. */
        static const char * const palette[] = { "#3584e4", "#2ec27e", "#f6d32d", "#ff7800",
                                                "#e01b24", "#9141ac", "#986a44", "#9a9996" };
        FitaStatus *status = record;

        /* Translators: the name of a status just added */
        status->name = fita_unique_name (self->plan, table, _("New status"));
        status->colour = g_strdup (palette[existing->len % G_N_ELEMENTS (palette)]);
        for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
          {
            gboolean used = FALSE;

            for (guint j = 0; j < existing->len && !used; j++)
              used = g_strcmp0 (((FitaStatus *) g_ptr_array_index (existing, j))->colour, palette[i]) == 0;
            if (!used)
              {
                g_free (status->colour);
                status->colour = g_strdup (palette[i]);
                break;
              }
          }
        /* Translators: the name of an action that can be undone */
        label = _("Add Status");
        list = self->statuses_list;
      }
      break;
    case FITA_TABLE_CHAPTER:
      /* Translators: the name of a budget chapter just added */
      ((FitaChapter *) record)->name = fita_unique_name (self->plan, table, _("New budget chapter"));
      /* Translators: the name of an action that can be undone */
      label = _("Add Budget Chapter");
      list = self->chapters_list;
      break;
    default:
      g_assert_not_reached ();
    }

  fita_plan_begin (self->plan, label);
  fita_plan_insert (self->plan, record, 0, -1, NULL);
  if (!fita_plan_end (self->plan, &error))
    {
      show_failure (self, error);
      return;
    }
  focus_new_name (self, list, table, id);
}

static void
add_level_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_record (FITA_PLAN_EDITOR (widget), FITA_TABLE_LEVEL);
}

static void
add_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_record (FITA_PLAN_EDITOR (widget), FITA_TABLE_STATUS);
}

static void
add_chapter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  add_record (FITA_PLAN_EDITOR (widget), FITA_TABLE_CHAPTER);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!fita_row_move (self->plan, parameter, &error))
    show_failure (self, error);
}

typedef struct {
  FitaPlanEditor *self;
  FitaTableId table;
  gint64 id;
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *deletion = data;

  g_object_unref (deletion->self);
  g_free (deletion);
}

static void
delete_confirmed (gpointer data)
{
  Deletion *deletion = data;
  g_autoptr(GError) error = NULL;

  if (deletion->self->plan == NULL)
    return;
  if (!fita_record_remove (deletion->self->plan, deletion->table, deletion->id,
                           fita_record_remove_label (deletion->table), &error))
    show_failure (deletion->self, error);
}

static guint
count_processes_in_state (FitaPlan *plan,
                          gint64    status_id)
{
  GPtrArray *processes = fita_plan_list (plan, FITA_TABLE_PROCESS, 0);
  guint count = 0;

  for (guint i = 0; i < processes->len; i++)
    if (((FitaProcess *) g_ptr_array_index (processes, i))->state_id == status_id)
      count++;
  return count;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (widget);
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  Deletion *deletion;
  const char *name;
  gpointer record;
  gint32 table;
  gint64 id;
  guint items;

  g_variant_get (parameter, "(ix)", &table, &id);
  record = fita_plan_lookup (self->plan, table, id);
  if (record == NULL)
    return;
  deletion = g_new0 (Deletion, 1);
  deletion->self = g_object_ref (self);
  deletion->table = table;
  deletion->id = id;

  items = fita_count_items_using (self->plan, table, id);
  switch (table)
    {
    case FITA_TABLE_LEVEL:
      name = ((FitaLevel *) record)->name;
      /* Translators: %s is the name of a level of the hierarchy */
      heading = g_strdup_printf (_("Delete Level “%s”?"), name);
      g_string_append_printf (body, ngettext ("%u item is at this level. It will stay in the plan, with no level.",
                                                 "%u items are at this level. They will stay in the plan, with no level.", items),
                              items);
      break;
    case FITA_TABLE_STATUS:
      {
        guint processes = count_processes_in_state (self->plan, id);

        name = ((FitaStatus *) record)->name;
        /* Translators: %s is the name of a status */
        heading = g_strdup_printf (_("Delete Status “%s”?"), name);
        if (items > 0)
          g_string_append_printf (body, ngettext ("%u item has this status. It will be left with no status.",
                                                     "%u items have this status. They will be left with no status.", items),
                                  items);
        if (processes > 0)
          {
            if (body->len > 0)
              g_string_append_c (body, ' ');
            g_string_append_printf (body, ngettext ("%u participatory process is in this state. It will be left with no state.",
                                                       "%u participatory processes are in this state. They will be left with no state.", processes),
                                    processes);
          }
        items += processes;
      }
      break;
    case FITA_TABLE_CHAPTER:
      name = ((FitaChapter *) record)->name;
      /* Translators: %s is the name of a budget chapter */
      heading = g_strdup_printf (_("Delete Budget Chapter “%s”?"), name);
      g_string_append_printf (body, ngettext ("%u item has amounts in this chapter. The amounts will stay, with no chapter.",
                                                 "%u items have amounts in this chapter. The amounts will stay, with no chapter.", items),
                              items);
      break;
    default:
      deletion_free (deletion);
      g_return_if_reached ();
    }

  /* Nothing else is affected, and the deletion can be undone: no need to ask. */
  if (items == 0)
    {
      delete_confirmed (deletion);
      deletion_free (deletion);
      return;
    }
  fita_confirm (GTK_WIDGET (self), heading, body->str, _("_Delete"),
                delete_confirmed, deletion, deletion_free);
}

/* GObject */

static void
fita_plan_editor_dispose (GObject *object)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);
  /* The bin's child is a template child too: let the bin drop it first,
   * or disposing the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_PLAN_EDITOR);
  G_OBJECT_CLASS (fita_plan_editor_parent_class)->dispose (object);
}

static void
fita_plan_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_plan_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_plan_editor_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_plan_editor_class_init (FitaPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_plan_editor_dispose;
  object_class->get_property = fita_plan_editor_get_property;
  object_class->set_property = fita_plan_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FITA_TYPE_STATUS_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, page);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, period_start_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, period_end_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, followed_year_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, followup_period_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, report_date_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, period_error);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, levels_list);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, levels_error);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, statuses_list);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, statuses_error);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, progress_rule_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, progress_missing_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, progress_decimals_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_progress_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_progress_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_planned_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_planned_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_in_years_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_in_years_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_not_in_years_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_not_in_years_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_executed_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_executed_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, summary_rate_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, status_table);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, progress_label);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, chapters_list);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, chapters_error);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, followup_group);
  gtk_widget_class_bind_template_child (widget_class, FitaPlanEditor, followup_error);

  gtk_widget_class_install_action (widget_class, "editor.add-level", NULL, add_level_action);
  gtk_widget_class_install_action (widget_class, "editor.add-status", NULL, add_status_action);
  gtk_widget_class_install_action (widget_class, "editor.add-chapter", NULL, add_chapter_action);
  gtk_widget_class_install_action (widget_class, "row.move", "(ixi)", move_action);
  gtk_widget_class_install_action (widget_class, "row.delete", "(ix)", delete_action);
}

static void
fita_plan_editor_init (FitaPlanEditor *self)
{
  static const char * const rules[] = {
    /* Translators: how the progress of an item with items below is computed */
    N_("Mean of the items directly below"),
    N_("Mean of the actions at the bottom of the tree, each counted once"),
    N_("Weighted by each item's weight"),
  };
  static const char * const missing[] = {
    /* Translators: what happens with items that have no percent yet */
    N_("Are left out"),
    N_("Count as 0 %"),
  };
  static const char * const languages[] = { "Català", "Español", "English" };
  static const char * const language_codes[] = { "ca", "es", "en" };
  const char *labels[G_N_ELEMENTS (rules)];
  GtkWidget *row;
  GtkWidget *plan_error;

  fita_field_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_object (self->plan_signals, "changed", G_CALLBACK (plan_changed_cb), self, 0);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->title_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PLAN, 0, "title", _("Rename Plan"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->organisation_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PLAN, 0, "organisation", _("Change Organisation"));

  /* Translators: the description of the plan */
  row = fita_field_text_row_new (_("Description"), &self->description_view);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->description_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_PLAN, 0, "description", _("Edit Plan Description"));
  adw_preferences_group_add (self->plan_group, row);
  plan_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (plan_error), 0);
  gtk_label_set_wrap (GTK_LABEL (plan_error), TRUE);
  gtk_widget_set_margin_top (plan_error, 6);
  gtk_widget_add_css_class (plan_error, "error");
  gtk_widget_set_visible (plan_error, FALSE);
  adw_preferences_group_add (self->plan_group, plan_error);
  self->plan_error = GTK_LABEL (plan_error);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->period_start_spin), FITA_FIELD_EDITOR_YEAR, NULL, FITA_TABLE_PLAN, 0, "period_start", _("Change Period of Validity"));
  fita_field_bind (GTK_WIDGET (self->period_end_spin), FITA_FIELD_EDITOR_YEAR, NULL, FITA_TABLE_PLAN, 0, "period_end", _("Change Period of Validity"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->followed_year_spin), FITA_FIELD_EDITOR_YEAR, NULL, FITA_TABLE_PLAN, 0, "followed_year", _("Change Year Followed Up"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->followup_period_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PLAN, 0, "followup_period", _("Change Period Followed Up"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->report_date_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PLAN, 0, "report_date", _("Change Report Date"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->language_row), FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_PLAN, 0, "language", _("Change Content Language"));
  fita_field_set_text_choices (GTK_WIDGET (self->language_row), languages, language_codes, G_N_ELEMENTS (languages));
  /* A plan with no language set yet (a new one) is taken to be written in
   * the language Fita speaks to the officer, and shows it. */
  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (language_codes[i], fita_lang_from_locale ()))
      fita_field_set_choice_fallback (GTK_WIDGET (self->language_row), i);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->progress_rule_row), FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_PLAN, 0, "progress_rule", _("Change Progress Rule"));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    labels[i] = _(rules[i]);
  fita_field_set_choices (GTK_WIDGET (self->progress_rule_row), labels, NULL, G_N_ELEMENTS (rules));
  fita_field_bind (GTK_WIDGET (self->progress_missing_row), FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_PLAN, 0, "progress_missing", _("Change Progress Rule"));
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    labels[i] = _(missing[i]);
  fita_field_set_choices (GTK_WIDGET (self->progress_missing_row), labels, NULL, G_N_ELEMENTS (missing));
  {
    /* Each choice shows what it makes of 95,83 %. */
    const char *lang = fita_lang_from_locale ();
    g_autofree char *none = fita_percent_format_hundredths (9583, 0, lang);
    g_autofree char *one = fita_percent_format_hundredths (9583, 1, lang);
    g_autofree char *two = fita_percent_format_hundredths (9583, 2, lang);
    /* Translators: how many decimals percentages are shown with; %s is an example, "96 %" */
    g_autofree char *none_label = g_strdup_printf (_("No decimals: %s"), none);
    /* Translators: how many decimals percentages are shown with; %s is an example, "95,8 %" */
    g_autofree char *one_label = g_strdup_printf (_("One decimal: %s"), one);
    /* Translators: how many decimals percentages are shown with; %s is an example, "95,83 %" */
    g_autofree char *two_label = g_strdup_printf (_("Two decimals: %s"), two);
    const char *decimals[] = { none_label, one_label, two_label };

    /* Translators: the name of an action that can be undone */
    fita_field_bind (GTK_WIDGET (self->progress_decimals_row), FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_PLAN, 0, "progress_decimals", _("Change Decimals in Percentages"));
    fita_field_set_choices (GTK_WIDGET (self->progress_decimals_row), decimals, NULL, G_N_ELEMENTS (decimals));
  }

  fita_field_set_error_label (GTK_WIDGET (self->title_row), self->plan_error);
  fita_field_set_error_label (GTK_WIDGET (self->organisation_row), self->plan_error);
  fita_field_set_error_label (self->description_view, self->plan_error);
  fita_field_set_error_label (GTK_WIDGET (self->period_start_spin), self->period_error);
  fita_field_set_error_label (GTK_WIDGET (self->period_end_spin), self->period_error);
  fita_field_set_error_label (GTK_WIDGET (self->followed_year_spin), self->period_error);
  fita_field_set_error_label (GTK_WIDGET (self->followup_period_row), self->period_error);
  fita_field_set_error_label (GTK_WIDGET (self->report_date_row), self->period_error);
  fita_field_set_error_label (GTK_WIDGET (self->language_row), self->period_error);

  for (guint i = 0; i < N_FOLLOWUP_FIELDS; i++)
    {
      row = fita_field_text_row_new (_(followup_fields[i].title), &self->followup_views[i]);
      /* Translators: the name of an action that can be undone */
      fita_field_bind (self->followup_views[i], FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_FOLLOWUP, 0,
                       followup_fields[i].field, _("Edit Follow-up"));
      fita_field_set_error_label (self->followup_views[i], self->followup_error);
      adw_preferences_group_add (self->followup_group, row);
    }

  gtk_list_box_set_placeholder (self->levels_list, fita_list_placeholder_new (_("No levels")));
  gtk_list_box_set_placeholder (self->statuses_list, fita_list_placeholder_new (_("No statuses")));
  gtk_list_box_set_placeholder (self->chapters_list, fita_list_placeholder_new (_("No budget chapters")));

  update_read_only (self);
  refresh (self, NULL);
}

GtkWidget *
fita_plan_editor_new (void)
{
  return g_object_new (FITA_TYPE_PLAN_EDITOR, NULL);
}

FitaPlan *
fita_plan_editor_get_plan (FitaPlanEditor *self)
{
  g_return_val_if_fail (FITA_IS_PLAN_EDITOR (self), NULL);

  return self->plan;
}

void
fita_plan_editor_set_plan (FitaPlanEditor *self,
                           FitaPlan       *plan)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->organisation_row), self->description_view,
    GTK_WIDGET (self->period_start_spin), GTK_WIDGET (self->period_end_spin),
    GTK_WIDGET (self->followed_year_spin), GTK_WIDGET (self->followup_period_row),
    GTK_WIDGET (self->report_date_row), GTK_WIDGET (self->language_row),
    GTK_WIDGET (self->progress_rule_row), GTK_WIDGET (self->progress_missing_row),
    GTK_WIDGET (self->progress_decimals_row),
  };
  gint64 info_id;

  g_return_if_fail (FITA_IS_PLAN_EDITOR (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);

  /* Rows belong to one plan: the next one's records are others. */
  fita_field_hold_commits ();
  fita_list_box_clear (self->levels_list);
  fita_list_box_clear (self->statuses_list);
  fita_list_box_clear (self->chapters_list);
  fita_field_release_commits ();

  info_id = plan ? fita_plan_get_info (plan)->rec.id : 0;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    fita_field_set_record (fields[i], plan, info_id);
  for (guint i = 0; i < N_FOLLOWUP_FIELDS; i++)
    fita_field_set_record (self->followup_views[i], plan, 0);

  update_read_only (self);
  refresh (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
