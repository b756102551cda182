/* fita-governance-page.c: the "Governance" page: the plan's bodies with
 * their working groups, members and functions, and every other agent
 * (services, organisations, people) that items name as responsible. */
#include "config.h"
#include "fita-governance-page.h"

#include <glib/gi18n.h>

#include "fita-agent-row.h"
#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-record-row.h"
#include "fita-sidebar-page.h"
#include "fita-sidebar-row.h"

struct _FitaGovernancePage
{
  FitaSidebarPage parent_instance;

  gboolean show_all;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwLeaflet *leaflet;
  GtkButton *back_button;
  GtkSwitch *all_switch;
  GtkListBox *agents_list;
  GtkMenuButton *add_button;
  GtkStack *details_stack;
  AdwStatusPage *empty_page;
  GtkLabel *heading_label;
  GtkLabel *heading_subtitle;
  AdwPreferencesGroup *about_group;
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  GtkLabel *about_error;
  AdwPreferencesGroup *members_group;
  GtkListBox *members_list;
  GtkLabel *members_error;
  AdwPreferencesGroup *functions_group;
  GtkListBox *functions_list;
  GtkLabel *functions_error;
  AdwPreferencesGroup *groups_group;
  GtkListBox *groups_list;
  GtkButton *delete_button;

  /* Built here */
  GtkWidget *description_view;
};

G_DEFINE_FINAL_TYPE (FitaGovernancePage, fita_governance_page, FITA_TYPE_SIDEBAR_PAGE)

static gboolean
is_body (FitaAgent *agent)
{
  return agent->kind == FITA_AGENT_BODY || agent->kind == FITA_AGENT_GROUP;
}

static guint
agent_depth (FitaPlan  *plan,
             FitaAgent *agent)
{
  guint depth = 0;

  while (agent != NULL && agent->parent_id != 0 && depth < 32)
    {
      agent = fita_plan_lookup (plan, FITA_TABLE_AGENT, agent->parent_id);
      depth++;
    }
  return depth;
}

/* The agents the sidebar shows, parents before their groups: the bodies
 * and all below them, or every agent. */
static void
collect_agents (FitaGovernancePage *self,
                gint64              parent,
                gboolean            inside_body,
                GPtrArray          *out)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  GPtrArray *agents = fita_plan_list (plan, FITA_TABLE_AGENT, parent);

  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      /* The agent shown stays in the list when its kind changes. */
      gboolean shown = self->show_all || inside_body || is_body (agent) ||
                       agent->rec.id == fita_sidebar_page_get_selected (self);

      if (shown)
        g_ptr_array_add (out, agent);
      if (shown)
        collect_agents (self, agent->rec.id, TRUE, out);
    }
}

static GPtrArray *
visible_agents (FitaGovernancePage *self)
{
  GPtrArray *agents = g_ptr_array_new ();

  if (fita_sidebar_page_get_plan (self) != NULL)
    collect_agents (self, 0, FALSE, agents);
  return agents;
}

static char *
describe_agent (FitaGovernancePage *self,
                FitaAgent          *agent)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  guint members = fita_plan_list (plan, FITA_TABLE_AGENT_MEMBER, agent->rec.id)->len;
  guint groups = fita_plan_list (plan, FITA_TABLE_AGENT, agent->rec.id)->len;
  GString *text = g_string_new (fita_agent_kind_name (agent->kind));

  if (members > 0)
    /* Translators: follows the kind of agent: "Body · 4 members" */
    g_string_append_printf (text, ngettext (" · %u member", " · %u members", members), members);
  if (groups > 0)
    /* Translators: follows the kind of agent: "Body · 2 groups" */
    g_string_append_printf (text, ngettext (" · %u group", " · %u groups", groups), groups);
  return g_string_free (text, FALSE);
}

/* The rows of the lists */

/* A member: who, and their role. */
static const FitaRecordField member_fields[] = {
  {
    .field = "name", .kind = FITA_FIELD_EDITOR_PARAGRAPH,
    .name = N_("Member"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Rename Member"),
    .column = 0, .row = 0, .width = 1,
  },
  {
    .field = "role", .kind = FITA_FIELD_EDITOR_LINE,
    .name = N_("Role"),
    /* Translators: placeholder of what a member does in a body: chair, secretary… */
    .placeholder = N_("Role (optional)"),
    /* Translators: accessible label; %s is who a member is */
    .name_of = N_("Role of %s"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Change Member Role"),
    .column = 0, .row = 1, .width = 1,
  },
};

static const FitaRecordShape member_shape = {
  FITA_TABLE_AGENT_MEMBER, "name", member_fields, G_N_ELEMENTS (member_fields), 1, 0, 2,
};

/* A function of a body, in one paragraph. */
static const FitaRecordField function_fields[] = {
  {
    .field = "text", .kind = FITA_FIELD_EDITOR_PARAGRAPH,
    /* Translators: accessible label of one of the functions of a body */
    .name = N_("Function"),
    /* Translators: the name of an action that can be undone */
    .undo_label = N_("Edit Function"),
    .column = 0, .row = 0, .width = 1,
  },
};

static const FitaRecordShape function_shape = {
  FITA_TABLE_AGENT_FUNCTION, "text", function_fields, G_N_ELEMENTS (function_fields), 1, 0, 1,
};

static GtkWidget *
create_agent_row (gpointer record,
                  gpointer user_data)
{
  return fita_sidebar_row_new (((FitaRecord *) record)->id, 24);
}

static void
update_agent_row (GtkWidget *row,
                  gpointer   record,
                  guint      index,
                  guint      n_rows,
                  gpointer   user_data)
{
  FitaGovernancePage *self = user_data;
  FitaAgent *agent = record;
  g_autofree char *subtitle = describe_agent (self, agent);

  g_object_set (row,
                "title", agent->name,
                "subtitle", subtitle,
                "depth", agent_depth (fita_sidebar_page_get_plan (self), agent),
                NULL);
}

static GtkWidget *
create_group_row (gpointer record,
                  gpointer user_data)
{
  return fita_agent_row_new (FITA_TABLE_AGENT, ((FitaRecord *) record)->id, TRUE);
}

static void
update_group_row (GtkWidget *row,
                  gpointer   record,
                  guint      index,
                  guint      n_rows,
                  gpointer   user_data)
{
  FitaGovernancePage *self = user_data;
  g_autofree char *subtitle = describe_agent (self, record);

  fita_agent_row_update (FITA_AGENT_ROW (row), record, subtitle, index, n_rows, fita_sidebar_page_is_read_only (self));
}

static void
show_details (FitaGovernancePage *self)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  gint64 selected = fita_sidebar_page_get_selected (self);
  FitaAgent *agent = plan && selected ? fita_plan_lookup (plan, FITA_TABLE_AGENT, selected) : NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  GPtrArray *members, *functions, *groups;
  FitaAgent *parent;
  gboolean has_bodies;

  if (agent == NULL)
    {
      has_bodies = plan != NULL && fita_plan_count (plan, FITA_TABLE_AGENT) > 0;
      adw_status_page_set_title (self->empty_page, has_bodies ? _("No Body Selected") : _("No Bodies"));
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      fita_record_rows_sync (self->members_list, &member_shape, plan, none, self->members_error);
      fita_record_rows_sync (self->functions_list, &function_shape, plan, none, self->functions_error);
      fita_list_box_sync (self->groups_list, none, create_group_row, update_group_row, self);
      return;
    }

  gtk_stack_set_visible_child_name (self->details_stack, "details");
  gtk_label_set_text (self->heading_label, agent->name);
  parent = agent->parent_id ? fita_plan_lookup (plan, FITA_TABLE_AGENT, agent->parent_id) : NULL;
  if (parent != NULL)
    {
      /* Translators: "Working group · part of “Àmbit Participat…”" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · part of “%s”"), fita_agent_kind_name (agent->kind), parent->name);

      gtk_label_set_text (self->heading_subtitle, subtitle);
    }
  else
    {
      gtk_label_set_text (self->heading_subtitle, fita_agent_kind_name (agent->kind));
    }

  if (fita_field_get_record_id (GTK_WIDGET (self->name_row)) != agent->rec.id)
    {
      fita_field_set_record (GTK_WIDGET (self->name_row), plan, agent->rec.id);
      fita_field_set_record (GTK_WIDGET (self->kind_row), plan, agent->rec.id);
      fita_field_set_record (self->description_view, plan, agent->rec.id);
    }

  members = fita_plan_list (plan, FITA_TABLE_AGENT_MEMBER, agent->rec.id);
  functions = fita_plan_list (plan, FITA_TABLE_AGENT_FUNCTION, agent->rec.id);
  groups = fita_plan_list (plan, FITA_TABLE_AGENT, agent->rec.id);
  fita_record_rows_sync (self->members_list, &member_shape, plan, members, self->members_error);
  fita_record_rows_sync (self->functions_list, &function_shape, plan, functions, self->functions_error);
  fita_list_box_sync (self->groups_list, groups, create_group_row, update_group_row, self);

  /* Services, organisations and people have no members or functions of
   * their own, unless the plan gives them some. */
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), is_body (agent) || members->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->functions_group), is_body (agent) || functions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), is_body (agent) || groups->len > 0);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x", agent->rec.id);
}

static void
refresh (FitaGovernancePage *self,
         const FitaChanges  *changes)
{
  gboolean all = changes == NULL;
  gboolean read_only = fita_sidebar_page_is_read_only (self);

  fita_field_hold_commits ();

  if (all || fita_changes_touches (changes, FITA_TABLE_AGENT) ||
      fita_changes_touches (changes, FITA_TABLE_AGENT_MEMBER) ||
      fita_changes_touches (changes, FITA_TABLE_AGENT_FUNCTION))
    {
      g_autoptr(GPtrArray) agents = visible_agents (self);

      fita_list_box_sync (self->agents_list, agents, create_agent_row, update_agent_row, self);
      fita_sidebar_page_select (self, fita_sidebar_page_get_selected (self));
      show_details (self);
    }

  fita_field_load_all (GTK_WIDGET (self));
  fita_field_set_read_only_all (GTK_WIDGET (self), read_only);

  fita_field_release_commits ();
}

static void
update_read_only (FitaGovernancePage *self)
{
  gboolean editable = !fita_sidebar_page_is_read_only (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governance.add-agent", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governance.add-member", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governance.add-function", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governance.add-group", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "governance.delete-agent", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), editable);
}

static void
group_activated_cb (GtkListBox         *list,
                    GtkListBoxRow      *row,
                    FitaGovernancePage *self)
{
  GtkWidget *group = fita_list_box_find_row (self->agents_list, fita_row_get_id (GTK_WIDGET (row)));

  /* Selected in the sidebar, it shows as any agent picked there. */
  if (group != NULL)
    gtk_list_box_select_row (self->agents_list, GTK_LIST_BOX_ROW (group));
}

static void
show_all_cb (GtkSwitch          *all_switch,
             GParamSpec         *pspec,
             FitaGovernancePage *self)
{
  gboolean active = gtk_switch_get_active (all_switch);

  if (active == self->show_all)
    return;
  self->show_all = active;
  refresh (self, NULL);
}

/* Actions */

static gint64
insert_agent (FitaGovernancePage *self,
              FitaAgentKind       kind,
              gint64              parent,
              const char         *base_name,
              const char         *label)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  g_autoptr(GError) error = NULL;
  FitaAgent *agent = fita_plan_new_record (plan, FITA_TABLE_AGENT);
  gint64 id = agent->rec.id;

  agent->kind = kind;
  agent->name = fita_unique_name (plan, FITA_TABLE_AGENT, base_name);
  fita_plan_begin (plan, label);
  fita_plan_insert (plan, agent, parent, -1, NULL);
  if (!fita_plan_end (plan, &error))
    {
      fita_sidebar_page_show_failure (self, error);
      return 0;
    }
  return id;
}

static void
select_and_rename (FitaGovernancePage *self,
                   gint64              id)
{
  fita_sidebar_page_select (self, id);
  show_details (self);
  fita_sidebar_page_show_content (self);
  fita_field_focus (GTK_WIDGET (self->name_row));
}

static void
add_agent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (widget);
  FitaAgentKind kind = g_variant_get_int32 (parameter);
  const char *name;
  gint64 id;

  switch (kind)
    {
    case FITA_AGENT_BODY:
      /* Translators: the name of an agent just added */
      name = _("New body");
      break;
    case FITA_AGENT_SERVICE:
      /* Translators: the name of an agent just added */
      name = _("New service");
      break;
    case FITA_AGENT_PERSON:
      /* Translators: the name of an agent just added */
      name = _("New person");
      break;
    case FITA_AGENT_GROUP:
      /* Translators: the name of an agent just added */
      name = _("New working group");
      break;
    case FITA_AGENT_ORGANISATION:
    default:
      kind = FITA_AGENT_ORGANISATION;
      /* Translators: the name of an agent just added */
      name = _("New organisation");
      break;
    }

  /* Translators: the names of actions that can be undone */
  id = insert_agent (self, kind, 0, name, kind == FITA_AGENT_BODY ? _("Add Body") : _("Add Agent"));
  if (id == 0)
    return;
  if (kind != FITA_AGENT_BODY && !self->show_all)
    gtk_switch_set_active (self->all_switch, TRUE);
  select_and_rename (self, id);
}

static void
add_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (widget);
  gint64 id;

  if (fita_sidebar_page_get_selected (self) == 0)
    return;
  /* Translators: the name of a working group just added; the name of an
   * action that can be undone */
  id = insert_agent (self, FITA_AGENT_GROUP, fita_sidebar_page_get_selected (self), _("New working group"), _("Add Working Group"));
  if (id != 0)
    select_and_rename (self, id);
}

static void
add_part (FitaGovernancePage *self,
          FitaTableId         table)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  g_autoptr(GError) error = NULL;
  gpointer record;
  const char *label;
  GtkListBox *list;

  if (fita_sidebar_page_get_selected (self) == 0)
    return;
  record = fita_plan_new_record (plan, table);
  if (table == FITA_TABLE_AGENT_MEMBER)
    {
      /* Translators: the name of a member just added, to be typed over */
      ((FitaAgentMember *) record)->name = g_strdup (_("New member"));
      /* Translators: the name of an action that can be undone */
      label = _("Add Member");
      list = self->members_list;
    }
  else
    {
      /* Translators: the text of a function just added, to be typed over */
      ((FitaAgentFunction *) record)->text = g_strdup (_("New function"));
      /* Translators: the name of an action that can be undone */
      label = _("Add Function");
      list = self->functions_list;
    }

  if (!fita_record_rows_add (GTK_WIDGET (list), plan, record, fita_sidebar_page_get_selected (self), label,
                             table == FITA_TABLE_AGENT_MEMBER ? "name" : "text", &error))
    fita_sidebar_page_show_failure (self, error);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  add_part (FITA_GOVERNANCE_PAGE (widget), FITA_TABLE_AGENT_MEMBER);
}

static void
add_function_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_part (FITA_GOVERNANCE_PAGE (widget), FITA_TABLE_AGENT_FUNCTION);
}

/* The body a deleted working group was part of shows next. */
static void
agent_removing (GtkWidget *page,
                gint64     id)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (page);
  FitaAgent *agent = fita_plan_lookup (fita_sidebar_page_get_plan (self), FITA_TABLE_AGENT, id);

  if (fita_sidebar_page_get_selected (self) == id && agent != NULL)
    fita_sidebar_page_set_selected (self, agent->parent_id);
}

typedef struct {
  guint groups;
  guint members;
  guint functions;
} Contents;

static void
count_contents (FitaPlan *plan,
                gint64    id,
                Contents *contents)
{
  GPtrArray *groups = fita_plan_list (plan, FITA_TABLE_AGENT, id);

  contents->members += fita_plan_list (plan, FITA_TABLE_AGENT_MEMBER, id)->len;
  contents->functions += fita_plan_list (plan, FITA_TABLE_AGENT_FUNCTION, id)->len;
  contents->groups += groups->len;
  for (guint i = 0; i < groups->len; i++)
    count_contents (plan, ((FitaAgent *) g_ptr_array_index (groups, i))->rec.id, contents);
}

static guint
count_processes_with_actor (FitaPlan *plan,
                            gint64    agent_id)
{
  GPtrArray *processes = fita_plan_list (plan, FITA_TABLE_PROCESS, 0);
  guint count = 0;

  for (guint i = 0; i < processes->len; i++)
    {
      GPtrArray *actors = fita_plan_list (plan, FITA_TABLE_PROCESS_ACTOR,
                                          ((FitaProcess *) g_ptr_array_index (processes, i))->rec.id);

      for (guint j = 0; j < actors->len; j++)
        if (((FitaProcessActor *) g_ptr_array_index (actors, j))->agent_id == agent_id)
          {
            count++;
            break;
          }
    }
  return count;
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static void
delete_agent (FitaGovernancePage *self,
              gint64              id)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (self);
  FitaAgent *agent = fita_plan_lookup (plan, FITA_TABLE_AGENT, id);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  Contents contents = { 0, 0, 0 };
  guint items, processes;

  if (agent == NULL)
    return;
  items = fita_count_items_using (plan, FITA_TABLE_AGENT, id);
  processes = count_processes_with_actor (plan, id);
  count_contents (plan, id, &contents);

  if (items > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("It is used by %u item, as responsible; that responsibility will be removed.",
                                                         "It is used by %u items, as responsible; those responsibilities will be removed.",
                                                         items), items);
      append_sentence (body, text);
    }
  if (processes > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("It is a key actor of %u participatory process, and will be removed from it.",
                                                         "It is a key actor of %u participatory processes, and will be removed from them.",
                                                         processes), processes);
      append_sentence (body, text);
    }
  if (contents.groups > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Its %u working group will be deleted too.",
                                                         "Its %u working groups will be deleted too.",
                                                         contents.groups), contents.groups);
      append_sentence (body, text);
    }
  if (contents.members > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u member listed will be deleted too.",
                                                         "%u members listed will be deleted too.",
                                                         contents.members), contents.members);
      append_sentence (body, text);
    }
  if (contents.functions > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u function listed will be deleted too.",
                                                         "%u functions listed will be deleted too.",
                                                         contents.functions), contents.functions);
      append_sentence (body, text);
    }

  /* Translators: %s is the name of a body or another agent */
  heading = g_strdup_printf (_("Delete “%s”?"), agent->name);
  /* Nothing else goes with it, and it can be undone: no need to ask. */
  fita_record_rows_remove (GTK_WIDGET (self), fita_sidebar_page_get_toasts (self), FITA_TABLE_AGENT, id,
                           fita_record_remove_label (FITA_TABLE_AGENT), heading,
                           body->len > 0 ? body->str : NULL, agent_removing);
}

static void
delete_agent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  delete_agent (FITA_GOVERNANCE_PAGE (widget), g_variant_get_int64 (parameter));
}

/* The page */

static void
plan_set (FitaSidebarPage *page)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (page);
  FitaPlan *plan = fita_sidebar_page_get_plan (page);

  fita_field_set_record (GTK_WIDGET (self->name_row), plan, 0);
  fita_field_set_record (GTK_WIDGET (self->kind_row), plan, 0);
  fita_field_set_record (self->description_view, plan, 0);
  update_read_only (self);
}

/* A body may have members, functions and responsibilities: asked first. */
static gboolean
remove_record (FitaSidebarPage *page,
               FitaTableId      table,
               gint64           id)
{
  if (table != FITA_TABLE_AGENT)
    return FALSE;
  delete_agent (FITA_GOVERNANCE_PAGE (page), id);
  return TRUE;
}

static void
refresh_page (FitaSidebarPage   *page,
              const FitaChanges *changes)
{
  refresh (FITA_GOVERNANCE_PAGE (page), changes);
}

static void
show_details_page (FitaSidebarPage *page)
{
  show_details (FITA_GOVERNANCE_PAGE (page));
}

/* GObject */

static void
fita_governance_page_dispose (GObject *object)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (object);

  /* The bin's child is a template child too: let the bin drop it first,
   * or disposing the template would unparent it behind the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_GOVERNANCE_PAGE);
  G_OBJECT_CLASS (fita_governance_page_parent_class)->dispose (object);
}

static void
fita_governance_page_class_init (FitaGovernancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  FitaSidebarPageClass *page_class = FITA_SIDEBAR_PAGE_CLASS (klass);

  object_class->dispose = fita_governance_page_dispose;
  page_class->plan_set = plan_set;
  page_class->refresh = refresh_page;
  page_class->show_details = show_details_page;
  page_class->remove_record = remove_record;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-governance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, toasts);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, all_switch);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, agents_list);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, heading_subtitle);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, about_group);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, about_error);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, members_group);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, members_list);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, members_error);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, functions_group);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, functions_list);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, functions_error);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, groups_group);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, FitaGovernancePage, delete_button);

  gtk_widget_class_install_action (widget_class, "governance.add-agent", "i", add_agent_action);
  gtk_widget_class_install_action (widget_class, "governance.add-group", NULL, add_group_action);
  gtk_widget_class_install_action (widget_class, "governance.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "governance.add-function", NULL, add_function_action);
  gtk_widget_class_install_action (widget_class, "governance.delete-agent", "x", delete_agent_action);
  fita_sidebar_page_class_install_back_action (widget_class, "governance.back");
}

static void
fita_governance_page_init (FitaGovernancePage *self)
{
  const char *kinds[FITA_AGENT_GROUP + 1];
  GtkWidget *row;

  gtk_widget_init_template (GTK_WIDGET (self));
  fita_sidebar_page_set_parts (FITA_SIDEBAR_PAGE (self), self->toasts, self->leaflet,
                               GTK_WIDGET (self->back_button), self->agents_list);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->name_row), FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_AGENT, 0, "name", _("Rename Agent"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (GTK_WIDGET (self->kind_row), FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_AGENT, 0, "kind", _("Change Agent Kind"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    kinds[i] = fita_agent_kind_name (i);
  fita_field_set_choices (GTK_WIDGET (self->kind_row), kinds, NULL, G_N_ELEMENTS (kinds));
  /* Translators: what a body is and does, in the body's own words */
  row = fita_field_text_row_new (_("Description"), &self->description_view);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->description_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_AGENT, 0, "description", _("Edit Agent Description"));
  adw_preferences_group_add (self->about_group, row);
  fita_field_set_error_label (GTK_WIDGET (self->name_row), self->about_error);
  fita_field_set_error_label (GTK_WIDGET (self->kind_row), self->about_error);
  fita_field_set_error_label (self->description_view, self->about_error);

  gtk_list_box_set_placeholder (self->agents_list, fita_list_placeholder_new (_("No bodies yet")));
  gtk_list_box_set_placeholder (self->members_list, fita_list_placeholder_new (_("No members")));
  gtk_list_box_set_placeholder (self->functions_list, fita_list_placeholder_new (_("No functions")));
  gtk_list_box_set_placeholder (self->groups_list, fita_list_placeholder_new (_("No working groups")));

  g_signal_connect (self->groups_list, "row-activated", G_CALLBACK (group_activated_cb), self);
  g_signal_connect (self->all_switch, "notify::active", G_CALLBACK (show_all_cb), self);

  update_read_only (self);
  refresh (self, NULL);
}

GtkWidget *
fita_governance_page_new (void)
{
  return g_object_new (FITA_TYPE_GOVERNANCE_PAGE, NULL);
}

FitaPlan *
fita_governance_page_get_plan (FitaGovernancePage *self)
{
  return fita_sidebar_page_get_plan (self);
}

void
fita_governance_page_set_plan (FitaGovernancePage *self,
                               FitaPlan           *plan)
{
  fita_sidebar_page_set_plan (FITA_SIDEBAR_PAGE (self), plan);
}
