/* fita-participation-page-actors.c: the key actors of a participatory
 * process, and the search that adds the plan's agents to them. */
#include "config.h"
#include "fita-participation-page-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-agent-row.h"
#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-rollup.h"

/* Key actors */

GtkWidget *
_fita_participation_create_actor_row (gpointer record,
                                      gpointer user_data)
{
  return fita_agent_row_new (FITA_TABLE_PROCESS_ACTOR, ((FitaRecord *) record)->id, FALSE);
}

void
_fita_participation_update_actor_row (GtkWidget *row,
                                      gpointer   record,
                                      guint      index,
                                      guint      n_rows,
                                      gpointer   user_data)
{
  FitaParticipationPage *self = user_data;
  FitaAgent *agent = fita_plan_lookup (fita_sidebar_page_get_plan (self), FITA_TABLE_AGENT, ((FitaProcessActor *) record)->agent_id);

  fita_agent_row_update (FITA_AGENT_ROW (row), agent, agent ? fita_agent_kind_name (agent->kind) : NULL,
                         index, n_rows, fita_sidebar_page_is_read_only (self));
}

static gboolean
is_actor (FitaParticipationPage *self,
          gint64                 agent_id)
{
  GPtrArray *actors = fita_plan_list (fita_sidebar_page_get_plan (self), FITA_TABLE_PROCESS_ACTOR, fita_sidebar_page_get_selected (self));

  for (guint i = 0; i < actors->len; i++)
    if (((FitaProcessActor *) g_ptr_array_index (actors, i))->agent_id == agent_id)
      return TRUE;
  return FALSE;
}

static void
collect_agents (FitaPlan  *plan,
                gint64     parent,
                GPtrArray *out)
{
  GPtrArray *agents = fita_plan_list (plan, FITA_TABLE_AGENT, parent);

  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);

      g_ptr_array_add (out, agent);
      collect_agents (plan, agent->rec.id, out);
    }
}

static char *
search_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal, -1);
}

static GtkWidget *
new_candidate_row (const char *title,
                   const char *subtitle,
                   const char *icon_name,
                   gint64      agent_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (labels), label);
  if (subtitle != NULL)
    {
      GtkWidget *dim = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (dim), 0);
      gtk_widget_add_css_class (dim, "caption");
      gtk_widget_add_css_class (dim, "dim-label");
      gtk_box_append (GTK_BOX (labels), dim);
    }
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle ? subtitle : "",
                                  -1);
  fita_row_set_id (row, agent_id);
  return row;
}

/* The agents that can be added as key actors, filtered by what is typed,
 * and a row to create an agent with the typed name when none has it. */
static void
fill_candidates (FitaParticipationPage *self)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->actor_search));
  g_autofree char *typed = g_strstrip (g_strdup (text));
  g_autofree char *key = search_key (typed);
  g_autoptr(GPtrArray) agents = g_ptr_array_new ();
  gboolean exact = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates_list))) != NULL)
    gtk_list_box_remove (self->candidates_list, child);
  if (plan == NULL)
    return;

  collect_agents (plan, 0, agents);
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name_key = search_key (agent->name);

      if (g_str_equal (agent->name, typed))
        exact = TRUE;
      if (is_actor (self, agent->rec.id) || (*key != '\0' && strstr (name_key, key) == NULL))
        continue;
      gtk_list_box_append (self->candidates_list,
                           new_candidate_row (agent->name, fita_agent_kind_name (agent->kind), NULL, agent->rec.id));
    }
  if (*typed != '\0' && !exact)
    {
      /* Translators: a choice that adds a new agent with the name typed */
      g_autofree char *title = g_strdup_printf (_("Create “%s”"), typed);

      gtk_list_box_append (self->candidates_list,
                           new_candidate_row (title, _("New organisation"), "list-add-symbolic", -1));
    }
}

static void
add_actor (FitaParticipationPage *self,
           gint64                 agent_id)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_search))));
  FitaProcessActor *actor;

  if (fita_sidebar_page_get_selected (self) == 0 || fita_plan_is_read_only (plan))
    return;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Add Key Actor"));
  if (agent_id < 0 && *name != '\0')
    {
      FitaAgent *agent = fita_plan_new_record (plan, FITA_TABLE_AGENT);

      agent_id = agent->rec.id;
      agent->kind = FITA_AGENT_ORGANISATION;
      agent->name = g_steal_pointer (&name);
      fita_plan_insert (plan, agent, 0, -1, NULL);
    }
  if (agent_id > 0 && !is_actor (self, agent_id))
    {
      actor = fita_plan_new_record (plan, FITA_TABLE_PROCESS_ACTOR);
      actor->agent_id = agent_id;
      fita_plan_insert (plan, actor, fita_sidebar_page_get_selected (self), -1, NULL);
    }
  if (!fita_plan_end (plan, &error))
    fita_sidebar_page_show_failure (self, error);

  gtk_popover_popdown (self->actor_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->actor_search), "");
}

void
_fita_participation_candidate_activated_cb (GtkListBox            *list,
                        GtkListBoxRow         *row,
                        FitaParticipationPage *self)
{
  add_actor (self, fita_row_get_id (GTK_WIDGET (row)));
}

void
_fita_participation_search_changed_cb (GtkSearchEntry        *entry,
                   FitaParticipationPage *self)
{
  fill_candidates (self);
}

void
_fita_participation_search_activate_cb (GtkSearchEntry        *entry,
                    FitaParticipationPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->candidates_list, 0);

  if (first != NULL)
    add_actor (self, fita_row_get_id (GTK_WIDGET (first)));
}

void
_fita_participation_popover_show_cb (GtkPopover            *popover,
                 FitaParticipationPage *self)
{
  fill_candidates (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->actor_search));
}
