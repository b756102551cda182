/* fita-participation-page.c: the "Participation" page: the plan's
 * participatory processes, each with its problem and objectives, state,
 * calendar and budget, phases, participation figures per dimension with
 * their totals (fita-participation-table.c), prioritisation counts and key
 * actors (-actors.c); what its buttons do is in -actions.c. */
#include "config.h"
#include "fita-participation-page-private.h"

#include <glib/gi18n.h>

#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-participation-table.h"
#include "fita-record-row.h"
#include "fita-rollup.h"
#include "fita-sidebar-row.h"

G_DEFINE_FINAL_TYPE (FitaParticipationPage, fita_participation_page, FITA_TYPE_SIDEBAR_PAGE)

static FitaProcess *
selected_process (FitaParticipationPage *self)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);

  if (plan == NULL || fita_sidebar_page_get_selected (self) == 0)
    return NULL;
  return fita_plan_lookup (plan, FITA_TABLE_PROCESS, fita_sidebar_page_get_selected (self));
}

/* "En curs · 2016–2021" */
static char *
describe_process (FitaParticipationPage *self,
                  FitaProcess           *process)
{
  FitaStatus *state = process->state_id ? fita_plan_lookup (fita_sidebar_page_get_plan (self), FITA_TABLE_STATUS, process->state_id) : NULL;
  g_autofree char *dates = NULL;

  if (process->start_date != NULL && process->end_date != NULL && g_strcmp0 (process->start_date, process->end_date) != 0)
    /* Translators: the dates of a process, e.g. "2016–2021" */
    dates = g_strdup_printf (C_("period of dates", "%s–%s"), process->start_date, process->end_date);
  else if (process->start_date != NULL || process->end_date != NULL)
    dates = g_strdup (process->start_date ? process->start_date : process->end_date);

  if (state != NULL && dates != NULL)
    /* Translators: the state and dates of a process: "En curs · 2016–2021" */
    return g_strdup_printf (C_("process subtitle", "%s · %s"), state->name, dates);
  if (state != NULL)
    return g_strdup (state->name);
  if (dates != NULL)
    return g_steal_pointer (&dates);
  return g_strdup (_("No state or dates yet"));
}

/* Sidebar */

static GtkWidget *
create_process_row (gpointer record,
                    gpointer user_data)
{
  return fita_sidebar_row_new (((FitaRecord *) record)->id, 20);
}

static void
update_process_row (GtkWidget *row,
                    gpointer   record,
                    guint      index,
                    guint      n_rows,
                    gpointer   user_data)
{
  FitaParticipationPage *self = user_data;
  FitaProcess *process = record;
  g_autofree char *subtitle = describe_process (self, process);

  g_object_set (row, "title", process->name, "subtitle", subtitle, NULL);
}

/* Phases: a name, the dates and what happened in it. */
static const FitaRecordField phase_fields[] = {
  {
    .field = "name", .kind = FITA_FIELD_EDITOR_PARAGRAPH,
    .name = N_("Phase name"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Rename Phase"),
    .column = 0, .row = 0, .width = 1,
    .flags = FITA_RECORD_FIELD_HEADING,
  },
  {
    .field = "start_date", .kind = FITA_FIELD_EDITOR_LINE,
    .name = N_("Start date"),
    /* Translators: placeholder of a date */
    .placeholder = N_("YYYY-MM-DD"),
    /* Translators: accessible label; %s is the name of a phase */
    .name_of = N_("Start date of %s"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Change Phase Dates"),
    /* Translators: "From 2016-03 to 2016-06": the dates of a phase */
    .prefix_context = "dates", .prefix = NC_("dates", "From"),
    .width_chars = 11,
    .column = 0, .row = 1, .width = 2,
  },
  {
    .field = "end_date", .kind = FITA_FIELD_EDITOR_LINE,
    .name = N_("End date"),
    .placeholder = N_("YYYY-MM-DD"),
    /* Translators: accessible label; %s is the name of a phase */
    .name_of = N_("End date of %s"),
    .undo_label = N_("Change Phase Dates"),
    /* Translators: "From 2016-03 to 2016-06": the dates of a phase */
    .prefix_context = "dates", .prefix = NC_("dates", "to"),
    .width_chars = 11,
    .column = 0, .row = 1, .width = 2,
  },
  {
    .field = "description", .kind = FITA_FIELD_EDITOR_PARAGRAPHS,
    .name = N_("Description"),
    /* Translators: accessible label; %s is the name of a phase */
    .name_of = N_("Description of %s"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Edit Phase Description"),
    .column = 0, .row = 2, .width = 2,
  },
};

static const FitaRecordShape phase_shape = {
  FITA_TABLE_PROCESS_PHASE, "name", phase_fields, G_N_ELEMENTS (phase_fields), 1, 0, 1,
};

/* Prioritisation counts: what was counted, how many, of what. */
static const FitaRecordField count_fields[] = {
  {
    .field = "label", .kind = FITA_FIELD_EDITOR_PARAGRAPH,
    /* Translators: accessible label: what was counted, e.g. "Priorització d’objectius" */
    .name = N_("What was counted"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Edit Count Label"),
    .column = 0, .row = 0, .width = 1,
  },
  {
    .field = "count", .kind = FITA_FIELD_EDITOR_NUMBER,
    .name = N_("Count"),
    /* Translators: accessible label; %s is what was counted */
    .name_of = N_("Count, %s"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Change Count"),
    .width_chars = 7,
    .column = 1, .row = 0, .width = 1,
    .flags = FITA_RECORD_FIELD_NUMERIC,
  },
  {
    .field = "unit", .kind = FITA_FIELD_EDITOR_PARAGRAPH,
    /* Translators: accessible label: who or what the count is of, e.g. "persones" */
    .name = N_("Unit"),
    /* Translators: accessible label; %s is what was counted */
    .name_of = N_("Unit, %s"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Edit Count Unit"),
    .column = 0, .row = 1, .width = 2,
  },
};

static const FitaRecordShape count_shape = {
  FITA_TABLE_PROCESS_COUNT, "label", count_fields, G_N_ELEMENTS (count_fields), 2, 0, 1,
};

/* Details */

static void
update_state_choices (FitaParticipationPage *self)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  GPtrArray *statuses = plan ? fita_plan_list (plan, FITA_TABLE_STATUS, 0) : NULL;
  guint n = statuses ? statuses->len : 0;
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  g_autofree gint64 *values = g_new0 (gint64, n + 1);

  /* Translators: a process with no state */
  labels[0] = C_("state", "None");
  values[0] = 0;
  for (guint i = 0; i < n; i++)
    {
      FitaStatus *status = g_ptr_array_index (statuses, i);

      labels[i + 1] = status->name;
      values[i + 1] = status->rec.id;
    }
  fita_field_set_choices (GTK_WIDGET (self->state_row), labels, values, n + 1);
}

static void
update_state_definition (FitaParticipationPage *self)
{
  FitaProcess *process = selected_process (self);
  FitaStatus *state = process && process->state_id
    ? fita_plan_lookup (fita_sidebar_page_get_plan (self), FITA_TABLE_STATUS, process->state_id) : NULL;

  /* The seeds define each state in a footnote: show it where it is chosen. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->state_row),
                               state && state->description ? state->description : NULL);
}

static void
show_details (FitaParticipationPage *self)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  FitaProcess *process = selected_process (self);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  gint64 id = process ? process->rec.id : 0;

  fita_record_rows_sync (self->phases_list, &phase_shape, plan,
                         process ? fita_plan_list (plan, FITA_TABLE_PROCESS_PHASE, id) : none, self->phases_error);
  fita_participation_table_show (self->dimensions_card, plan,
                                 process ? fita_plan_list (plan, FITA_TABLE_PROCESS_DIMENSION, id) : none,
                                 fita_sidebar_page_is_read_only (self));
  fita_record_rows_sync (self->counts_list, &count_shape, plan,
                         process ? fita_plan_list (plan, FITA_TABLE_PROCESS_COUNT, id) : none, self->counts_error);
  fita_list_box_sync (self->actors_list, process ? fita_plan_list (plan, FITA_TABLE_PROCESS_ACTOR, id) : none,
                      _fita_participation_create_actor_row, _fita_participation_update_actor_row, self);
  if (process == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->details_stack, "details");
  gtk_label_set_text (self->heading_label, process->name);
  subtitle = describe_process (self, process);
  gtk_label_set_text (self->heading_subtitle, subtitle);

  if (fita_field_get_record_id (GTK_WIDGET (self->name_row)) != id)
    {
      GtkWidget *fields[] = {
        GTK_WIDGET (self->name_row), self->description_view, self->problem_view,
        self->objectives_view, GTK_WIDGET (self->state_row), GTK_WIDGET (self->start_row),
        GTK_WIDGET (self->end_row), GTK_WIDGET (self->budget_row),
      };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        fita_field_set_record (fields[i], plan, id);
    }
  {
    FitaParticipation totals = { FITA_NONE, FITA_NONE, FITA_NONE, FITA_NONE };

    fita_plan_participation (plan, process, &totals);
    fita_participation_table_set_totals (self->dimensions_card, &totals);
  }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", id);
}

static void
refresh (FitaParticipationPage *self,
         const FitaChanges     *changes)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  gboolean all = changes == NULL;
  gboolean read_only = fita_sidebar_page_is_read_only (self);
  static const FitaTableId tables[] = {
    FITA_TABLE_PROCESS, FITA_TABLE_PROCESS_PHASE, FITA_TABLE_PROCESS_DIMENSION,
    FITA_TABLE_PROCESS_COUNT, FITA_TABLE_PROCESS_ACTOR, FITA_TABLE_STATUS, FITA_TABLE_AGENT,
  };
  gboolean touched = all;

  for (guint i = 0; i < G_N_ELEMENTS (tables) && !touched; i++)
    touched = fita_changes_touches (changes, tables[i]);
  if (!touched)
    return;

  fita_field_hold_commits ();

  if (all || fita_changes_touches (changes, FITA_TABLE_STATUS))
    update_state_choices (self);
  if (all || fita_changes_touches (changes, FITA_TABLE_PROCESS) || fita_changes_touches (changes, FITA_TABLE_STATUS))
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      fita_list_box_sync (self->processes_list,
                          plan ? fita_plan_list (plan, FITA_TABLE_PROCESS, 0) : none,
                          create_process_row, update_process_row, self);
      fita_sidebar_page_select (self, fita_sidebar_page_get_selected (self));
    }
  show_details (self);

  fita_field_load_all (GTK_WIDGET (self));
  update_state_definition (self);
  fita_field_set_read_only_all (GTK_WIDGET (self), read_only);

  fita_field_release_commits ();
}

static void
update_read_only (FitaParticipationPage *self)
{
  gboolean editable = !fita_sidebar_page_is_read_only (self);
  static const char * const actions[] = {
    "participation.add-process", "participation.delete-process", "participation.add-phase",
    "participation.add-dimension", "participation.add-count", "row.move", "row.delete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_actor_button), editable);
}

/* The page */

static void
plan_set (FitaSidebarPage *page)
{
  FitaParticipationPage *self = FITA_PARTICIPATION_PAGE (page);
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), self->description_view, self->problem_view,
    self->objectives_view, GTK_WIDGET (self->state_row), GTK_WIDGET (self->start_row),
    GTK_WIDGET (self->end_row), GTK_WIDGET (self->budget_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    fita_field_set_record (fields[i], fita_sidebar_page_get_plan (page), 0);
  update_read_only (self);
}

static void
refresh_page (FitaSidebarPage   *page,
              const FitaChanges *changes)
{
  refresh (FITA_PARTICIPATION_PAGE (page), changes);
}

static void
show_details_page (FitaSidebarPage *page)
{
  show_details (FITA_PARTICIPATION_PAGE (page));
  update_state_definition (FITA_PARTICIPATION_PAGE (page));
}

/* GObject */

static void
fita_participation_page_dispose (GObject *object)
{
  FitaParticipationPage *self = FITA_PARTICIPATION_PAGE (object);

  /* The bin's child is a template child too: let the bin drop it first,
   * or disposing the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_PARTICIPATION_PAGE);
  G_OBJECT_CLASS (fita_participation_page_parent_class)->dispose (object);
}

static void
fita_participation_page_class_init (FitaParticipationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FitaSidebarPageClass *page_class = FITA_SIDEBAR_PAGE_CLASS (klass);

  object_class->dispose = fita_participation_page_dispose;
  page_class->plan_set = plan_set;
  page_class->refresh = refresh_page;
  page_class->show_details = show_details_page;

  g_type_ensure (FITA_TYPE_PARTICIPATION_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-participation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, processes_list);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, heading_subtitle);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, about_group);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, about_error);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, budget_row);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, calendar_error);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, phases_list);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, phases_error);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, dimensions_card);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, dimensions_error);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, counts_list);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, counts_error);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, add_actor_button);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, actor_popover);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, actor_search);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, actors_list);
  gtk_widget_class_bind_template_child (widget_class, FitaParticipationPage, delete_button);

  _fita_participation_page_install_actions (widget_class);
  fita_sidebar_page_class_install_back_action (widget_class, "participation.back");
}

static void
fita_participation_page_init (FitaParticipationPage *self)
{
  GtkWidget *row;

  gtk_widget_init_template (GTK_WIDGET (self));
  fita_sidebar_page_set_parts (FITA_SIDEBAR_PAGE (self), self->toasts, self->leaflet,
                               GTK_WIDGET (self->back_button), self->processes_list);
  fita_participation_table_set_error_label (self->dimensions_card, self->dimensions_error);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->name_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PROCESS, 0, "name", _("Rename Process"));
  /* Translators: what a participatory process is */
  row = fita_field_text_row_new (_("Description"), &self->description_view);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->description_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_PROCESS, 0, "description", _("Edit Process Description"));
  adw_preferences_group_add (self->about_group, row);
  row = fita_field_text_row_new (_("Problem it addresses"), &self->problem_view);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->problem_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_PROCESS, 0, "problem", _("Edit Problem"));
  adw_preferences_group_add (self->about_group, row);
  row = fita_field_text_row_new (_("Objectives"), &self->objectives_view);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->objectives_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_PROCESS, 0, "objectives", _("Edit Objectives"));
  adw_preferences_group_add (self->about_group, row);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->state_row), FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_PROCESS, 0, "state_id", _("Change Process State"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->start_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PROCESS, 0, "start_date", _("Change Process Dates"));
  fita_field_bind (GTK_WIDGET (self->end_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PROCESS, 0, "end_date", _("Change Process Dates"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->budget_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_PROCESS, 0, "budget_note", _("Edit Process Budget"));

  fita_field_set_error_label (GTK_WIDGET (self->name_row), self->about_error);
  fita_field_set_error_label (self->description_view, self->about_error);
  fita_field_set_error_label (self->problem_view, self->about_error);
  fita_field_set_error_label (self->objectives_view, self->about_error);
  fita_field_set_error_label (GTK_WIDGET (self->state_row), self->calendar_error);
  fita_field_set_error_label (GTK_WIDGET (self->start_row), self->calendar_error);
  fita_field_set_error_label (GTK_WIDGET (self->end_row), self->calendar_error);
  fita_field_set_error_label (GTK_WIDGET (self->budget_row), self->calendar_error);

  gtk_list_box_set_placeholder (self->processes_list, fita_list_placeholder_new (_("No processes yet")));
  gtk_list_box_set_placeholder (self->phases_list, fita_list_placeholder_new (_("No phases")));
  gtk_list_box_set_placeholder (self->counts_list, fita_list_placeholder_new (_("No prioritisation counts")));
  gtk_list_box_set_placeholder (self->actors_list, fita_list_placeholder_new (_("No key actors")));
  gtk_list_box_set_placeholder (self->candidates_list, fita_list_placeholder_new (_("Type a name to create an agent")));

  g_signal_connect (self->candidates_list, "row-activated", G_CALLBACK (_fita_participation_candidate_activated_cb), self);
  g_signal_connect (self->actor_search, "search-changed", G_CALLBACK (_fita_participation_search_changed_cb), self);
  g_signal_connect (self->actor_search, "activate", G_CALLBACK (_fita_participation_search_activate_cb), self);
  g_signal_connect (self->actor_popover, "show", G_CALLBACK (_fita_participation_popover_show_cb), self);

  update_read_only (self);
  refresh (self, NULL);
}

GtkWidget *
fita_participation_page_new (void)
{
  return g_object_new (FITA_TYPE_PARTICIPATION_PAGE, NULL);
}

FitaPlan *
fita_participation_page_get_plan (FitaParticipationPage *self)
{
  return fita_sidebar_page_get_plan (self);
}

void
fita_participation_page_set_plan (FitaParticipationPage *self,
                                  FitaPlan              *plan)
{
  fita_sidebar_page_set_plan (FITA_SIDEBAR_PAGE (self), plan);
}
