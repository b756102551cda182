/* fita-participation-page-actions.c: what the Participation page's
 * buttons and menus do: add, move and delete processes and their parts. */
#include "config.h"
#include "fita-participation-page-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-record-row.h"
#include "fita-rollup.h"

/* Actions */

static void
add_process_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FitaParticipationPage *self = FITA_PARTICIPATION_PAGE (widget);
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  g_autoptr(GError) error = NULL;
  FitaProcess *process = fita_plan_new_record (plan, FITA_TABLE_PROCESS);
  gint64 id = process->rec.id;

  /* Translators: the name of a process just added */
  process->name = g_strdup (_("New process"));
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Add Process"));
  fita_plan_insert (plan, process, 0, -1, NULL);
  if (!fita_plan_end (plan, &error))
    {
      fita_sidebar_page_show_failure (self, error);
      return;
    }
  fita_sidebar_page_select (self, id);
  fita_sidebar_page_show_content (self);
  fita_field_focus (GTK_WIDGET (self->name_row));
}

static void
add_part (FitaParticipationPage *self,
          FitaTableId            table)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  g_autoptr(GError) error = NULL;
  const char *label = NULL;
  const char *field = "name";
  GtkWidget *list = NULL;
  gpointer record;

  if (fita_sidebar_page_get_selected (self) == 0)
    return;
  record = fita_plan_new_record (plan, table);
  switch (table)
    {
    case FITA_TABLE_PROCESS_PHASE:
      /* Translators: the name of a phase just added, to be typed over */
      ((FitaProcessPhase *) record)->name = g_strdup (_("New phase"));
      /* Translators: the name of an action that can be undone */
      label = _("Add Phase");
      list = GTK_WIDGET (self->phases_list);
      break;
    case FITA_TABLE_PROCESS_DIMENSION:
      /* Translators: the name of a dimension of participation just added */
      ((FitaProcessDimension *) record)->name = g_strdup (_("New dimension"));
      /* Translators: the name of an action that can be undone */
      label = _("Add Dimension");
      list = GTK_WIDGET (self->dimensions_card);
      break;
    case FITA_TABLE_PROCESS_COUNT:
      /* Translators: the label of a prioritisation count just added */
      ((FitaProcessCount *) record)->label = g_strdup (_("New count"));
      /* Translators: the name of an action that can be undone */
      label = _("Add Count");
      list = GTK_WIDGET (self->counts_list);
      field = "label";
      break;
    default:
      g_assert_not_reached ();
    }

  if (!fita_record_rows_add (list, plan, record, fita_sidebar_page_get_selected (self), label, field, &error))
    fita_sidebar_page_show_failure (self, error);
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_part (FITA_PARTICIPATION_PAGE (widget), FITA_TABLE_PROCESS_PHASE);
}

static void
add_dimension_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  add_part (FITA_PARTICIPATION_PAGE (widget), FITA_TABLE_PROCESS_DIMENSION);
}

static void
add_count_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_part (FITA_PARTICIPATION_PAGE (widget), FITA_TABLE_PROCESS_COUNT);
}

static void
delete_process_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FitaParticipationPage *self = FITA_PARTICIPATION_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  FitaProcess *process = fita_plan_lookup (fita_sidebar_page_get_plan (self), FITA_TABLE_PROCESS, id);
  g_autofree char *heading = NULL;
  gboolean has_parts = FALSE;
  static const FitaTableId parts[] = {
    FITA_TABLE_PROCESS_PHASE, FITA_TABLE_PROCESS_DIMENSION, FITA_TABLE_PROCESS_COUNT, FITA_TABLE_PROCESS_ACTOR,
  };

  if (process == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    has_parts = has_parts || fita_plan_list (fita_sidebar_page_get_plan (self), parts[i], id)->len > 0;
  /* Translators: %s is the name of a participatory process */
  heading = g_strdup_printf (_("Delete Process “%s”?"), process->name);
  /* Translators: the name of an action that can be undone */
  fita_record_rows_remove (GTK_WIDGET (self), fita_sidebar_page_get_toasts (self), FITA_TABLE_PROCESS, id, _("Delete Process"), heading,
                           has_parts ? _("Its phases, participation figures, prioritisation counts and list of key actors will be deleted too. The agents stay in the plan.") : NULL,
                           NULL);
}

void
_fita_participation_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "participation.add-process", NULL, add_process_action);
  gtk_widget_class_install_action (widget_class, "participation.delete-process", "x", delete_process_action);
  gtk_widget_class_install_action (widget_class, "participation.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "participation.add-dimension", NULL, add_dimension_action);
  gtk_widget_class_install_action (widget_class, "participation.add-count", NULL, add_count_action);
}
