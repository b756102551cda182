/* fita-item-editor-who.c: who defines, executes or supports an item. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-item-editor-fields.h"
#include "fita-item-editor-who.h"

struct _FitaItemEditorWho
{
  GtkWidget          parent_instance;

  FitaPlan          *plan;
  gint64             item_id;
  FitaEditorChoices *agents;
  FitaEditorChoices *roles;
  GtkSizeGroup      *role_size;     /* the role column lines up */
  gint64             focus_id;      /* a responsibility just added */
  guint              updating;

  /* Template widgets */
  GtkWidget         *group;
  GtkWidget         *list;
  GtkWidget         *services_row;
  GtkWidget         *notes_view;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorWho, fita_item_editor_who, GTK_TYPE_WIDGET)

static FitaItem *
current_item (FitaItemEditorWho *self)
{
  if (self->plan == NULL || self->item_id == 0)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id);
}

static gboolean
editable (FitaItemEditorWho *self)
{
  return self->plan != NULL && !fita_plan_is_read_only (self->plan);
}

static gboolean
end_change (FitaItemEditorWho *self)
{
  g_autoptr(GError) error = NULL;

  if (fita_plan_end (self->plan, &error))
    return TRUE;
  fita_item_editor_report_error (GTK_WIDGET (self), error);
  return FALSE;
}

static void
add_agents (FitaItemEditorWho *self,
            FitaEditorChoices *choices,
            gint64             parent_id,
            guint              depth)
{
  GPtrArray *agents = fita_plan_list (self->plan, FITA_TABLE_AGENT, parent_id);

  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);

      fita_editor_choices_add (choices, agent->rec.id, agent->name, depth, NULL);
      add_agents (self, choices, agent->rec.id, depth + 1);
    }
}

static FitaEditorChoices *
agent_choices_new (FitaItemEditorWho *self)
{
  FitaEditorChoices *choices = fita_editor_choices_new ();

  /* Agents have long names ("Servei d'Emprenedoria i Economia Social"). */
  fita_editor_choices_set_ellipsize (choices, TRUE);
  add_agents (self, choices, 0, 0);
  return choices;
}

/* Rows */

static FitaResponsibility *
row_record (FitaItemEditorWho *self,
            GtkWidget         *row)
{
  if (row == NULL || self->plan == NULL)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_RESPONSIBILITY, fita_row_get_id (row));
}

static void
agent_selected_cb (GtkDropDown       *drop_down,
                   GParamSpec        *pspec,
                   FitaItemEditorWho *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (drop_down), GTK_TYPE_LIST_BOX_ROW);
  FitaResponsibility *responsibility;
  gint64 agent_id;

  if (self->updating || (responsibility = row_record (self, row)) == NULL)
    return;
  agent_id = fita_editor_choices_get_id (self->agents, gtk_drop_down_get_selected (drop_down));
  if (agent_id == 0 || agent_id == responsibility->agent_id)
    return;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Change Responsible"));
  fita_plan_set_int (self->plan, responsibility, "agent_id", agent_id, NULL);
  end_change (self);
}

static void
role_selected_cb (GtkDropDown       *drop_down,
                  GParamSpec        *pspec,
                  FitaItemEditorWho *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (drop_down), GTK_TYPE_LIST_BOX_ROW);
  FitaResponsibility *responsibility;
  guint role = gtk_drop_down_get_selected (drop_down);

  if (self->updating || (responsibility = row_record (self, row)) == NULL ||
      role == GTK_INVALID_LIST_POSITION || (gint64) role == responsibility->role)
    return;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Change Role"));
  fita_plan_set_int (self->plan, responsibility, "role", role, NULL);
  end_change (self);
}

static void
remove_clicked_cb (GtkButton         *button,
                   FitaItemEditorWho *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  FitaResponsibility *responsibility = row_record (self, row);

  if (responsibility == NULL)
    return;
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Remove Responsible"));
  fita_plan_delete (self->plan, responsibility, NULL);
  end_change (self);
}

static GtkWidget *
make_row (gpointer record,
          gpointer user_data)
{
  FitaItemEditorWho *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *agent = gtk_drop_down_new (NULL, NULL);
  GtkWidget *role = gtk_drop_down_new (NULL, NULL);
  GtkWidget *note = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  self->updating++;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Tab goes straight to the controls of the row. */
  gtk_widget_set_focusable (row, FALSE);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 9);
  gtk_widget_set_margin_bottom (grid, 9);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);

  fita_editor_choices_attach (self->agents, GTK_DROP_DOWN (agent));
  g_object_set_data (G_OBJECT (agent), "choices", self->agents);
  gtk_widget_set_hexpand (agent, TRUE);
  /* Translators: the agent of a responsibility */
  fita_field_label_drop_down (GTK_DROP_DOWN (agent), _("Responsible"));
  g_signal_connect (agent, "notify::selected", G_CALLBACK (agent_selected_cb), self);
  gtk_grid_attach (GTK_GRID (grid), agent, 0, 0, 1, 1);

  fita_editor_choices_attach (self->roles, GTK_DROP_DOWN (role));
  gtk_size_group_add_widget (self->role_size, role);
  fita_field_label_drop_down (GTK_DROP_DOWN (role), _("Role"));
  g_signal_connect (role, "notify::selected", G_CALLBACK (role_selected_cb), self);
  gtk_grid_attach (GTK_GRID (grid), role, 1, 0, 1, 1);

  /* Translators: placeholder of the note on one responsibility */
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (note),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note on the responsibility"),
                                  -1);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (note, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_RESPONSIBILITY,
                   ((FitaRecord *) record)->id, "note", _("Edit Responsibility Note"));
  gtk_grid_attach (GTK_GRID (grid), note, 0, 1, 2, 1);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (grid), remove, 2, 0, 1, 2);

  g_object_set_data (G_OBJECT (row), "agent", agent);
  g_object_set_data (G_OBJECT (row), "role", role);
  g_object_set_data (G_OBJECT (row), "note", note);
  g_object_set_data (G_OBJECT (row), "remove", remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  self->updating--;
  return row;
}

static void
update_row (GtkWidget *row,
            gpointer   record,
            guint      index,
            guint      n_rows,
            gpointer   user_data)
{
  FitaItemEditorWho *self = user_data;
  FitaResponsibility *responsibility = record;
  FitaAgent *agent = fita_plan_lookup (self->plan, FITA_TABLE_AGENT, responsibility->agent_id);
  GtkWidget *agent_drop_down = g_object_get_data (G_OBJECT (row), "agent");
  GtkWidget *role_drop_down = g_object_get_data (G_OBJECT (row), "role");
  GtkWidget *note = g_object_get_data (G_OBJECT (row), "note");
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove");
  g_autofree char *remove_label = NULL;
  gboolean can_edit = editable (self);

  self->updating++;
  if (gtk_drop_down_get_model (GTK_DROP_DOWN (agent_drop_down)) == NULL ||
      g_object_get_data (G_OBJECT (agent_drop_down), "choices") != self->agents)
    {
      fita_editor_choices_attach (self->agents, GTK_DROP_DOWN (agent_drop_down));
      g_object_set_data (G_OBJECT (agent_drop_down), "choices", self->agents);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (agent_drop_down),
                              fita_editor_choices_find (self->agents, responsibility->agent_id));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role_drop_down), (guint) responsibility->role);
  self->updating--;

  /* Translators: the tooltip of the button that removes one responsible
   * body from an item, e.g. "Remove Comissió tècnica" */
  remove_label = g_strdup_printf (_("Remove %s"), agent ? agent->name : _("Responsible"));
  gtk_widget_set_tooltip_text (remove, remove_label);
  /* The full name, when a narrow pane shortens it. */
  gtk_widget_set_tooltip_text (agent_drop_down, agent ? agent->name : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_widget_set_sensitive (agent_drop_down, can_edit);
  gtk_widget_set_sensitive (role_drop_down, can_edit);
  gtk_widget_set_sensitive (remove, can_edit);
  fita_field_show (note, self->plan, responsibility->rec.id, FALSE, can_edit);
}

static void
sync_section (FitaItemEditorWho *self,
      gboolean           force)
{
  FitaItem *item = current_item (self);
  GPtrArray *responsibilities;
  gboolean can_edit = editable (self);

  if (item == NULL)
    {
      /* No plan, or no item: the fields let go of the plan. */
      fita_field_show (self->services_row, NULL, 0, TRUE, FALSE);
      fita_field_show (self->notes_view, NULL, 0, TRUE, FALSE);
      return;
    }

  responsibilities = fita_plan_list (self->plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  fita_list_box_sync (GTK_LIST_BOX (self->list), responsibilities,
                         make_row, update_row, self);
  fita_field_show (self->services_row, self->plan, item->rec.id, force, can_edit);
  fita_field_show (self->notes_view, self->plan, item->rec.id, force, can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "who.add", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "who.new-agent", can_edit);

  if (self->focus_id != 0)
    {
      GtkWidget *row = fita_list_box_find_row (GTK_LIST_BOX (self->list), self->focus_id);

      self->focus_id = 0;
      if (row != NULL)
        gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "agent"));
    }
}

static void
reload_agents (FitaItemEditorWho *self)
{
  g_clear_pointer (&self->agents, fita_editor_choices_unref);
  self->agents = self->plan ? agent_choices_new (self) : fita_editor_choices_new ();
}

void
fita_item_editor_who_load (FitaItemEditorWho *self,
                           FitaPlan          *plan,
                           gint64             item_id)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_WHO (self));

  /* Rows belong to the item they were made for. */
  if (self->plan != plan || self->item_id != item_id)
    fita_list_box_clear (GTK_LIST_BOX (self->list));
  g_set_object (&self->plan, plan);
  self->item_id = item_id;
  reload_agents (self);
  sync_section (self, TRUE);
}

void
fita_item_editor_who_refresh (FitaItemEditorWho *self,
                              const FitaChanges *changes)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_WHO (self));

  if (fita_changes_touches (changes, FITA_TABLE_AGENT))
    reload_agents (self);
  if (fita_changes_touches (changes, FITA_TABLE_AGENT) ||
      fita_changes_touches (changes, FITA_TABLE_RESPONSIBILITY) ||
      fita_editor_changes_touch (changes, FITA_TABLE_ITEM, self->item_id))
    sync_section (self, FALSE);
}

/* Actions */

static gboolean
add_responsible (FitaItemEditorWho *self,
                 gint64             agent_id,
                 FitaAgent         *new_agent)
{
  FitaResponsibility *responsibility = fita_plan_new_record (self->plan, FITA_TABLE_RESPONSIBILITY);

  responsibility->agent_id = new_agent ? new_agent->rec.id : agent_id;
  responsibility->role = FITA_ROLE_EXECUTES;
  self->focus_id = responsibility->rec.id;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Add Responsible"));
  if (new_agent != NULL)
    fita_plan_insert (self->plan, new_agent, 0, -1, NULL);
  fita_plan_insert (self->plan, responsibility, self->item_id, -1, NULL);
  if (end_change (self))
    return TRUE;
  self->focus_id = 0;
  return FALSE;
}

static void
agent_name_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
new_agent_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       FitaItemEditorWho *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  FitaAgent *agent;

  if (!g_str_equal (response, "add") || *name == '\0' || current_item (self) == NULL ||
      !editable (self))
    return;

  /* Agents are named uniquely: one of that name already is that agent. */
  agent = fita_plan_find_by_name (self->plan, FITA_TABLE_AGENT, name);
  if (agent != NULL)
    {
      add_responsible (self, agent->rec.id, NULL);
      return;
    }
  agent = fita_plan_new_record (self->plan, FITA_TABLE_AGENT);
  agent->name = g_steal_pointer (&name);
  agent->kind = gtk_drop_down_get_selected (kind);
  add_responsible (self, 0, agent);
}

static void
new_agent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FitaItemEditorWho *self = FITA_ITEM_EDITOR_WHO (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *kind;
  AdwMessageDialog *dialog;
  const char *kinds[] = {
    /* Translators: kinds of agent of a plan */
    C_("agent kind", "Organisation"),
    C_("agent kind", "Body"),
    C_("agent kind", "Service"),
    C_("agent kind", "Person"),
    C_("agent kind", "Group"),
    NULL
  };

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("New Agent"),
                                                       _("A body, service, organisation or person of the plan. It is made responsible for this item and can be chosen for any other.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);

  /* Translators: placeholder of the name of a new agent */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the agent"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (agent_name_changed_cb), dialog);
  gtk_box_append (GTK_BOX (box), entry);

  kind = gtk_drop_down_new_from_strings (kinds);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), FITA_AGENT_BODY);
  fita_field_label_drop_down (GTK_DROP_DOWN (kind), _("Kind of agent"));
  gtk_box_append (GTK_BOX (box), kind);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_agent_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FitaItemEditorWho *self = FITA_ITEM_EDITOR_WHO (widget);
  FitaItem *item = current_item (self);
  g_autoptr(GHashTable) taken = NULL;
  GPtrArray *responsibilities;
  gint64 agent_id = 0;

  if (item == NULL || !editable (self))
    return;
  if (fita_editor_choices_get_n (self->agents) == 0)
    {
      new_agent_action (widget, "who.new-agent", NULL);
      return;
    }

  /* The first agent not yet responsible for the item, to change at will. */
  taken = g_hash_table_new (g_int64_hash, g_int64_equal);
  responsibilities = fita_plan_list (self->plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  for (guint i = 0; i < responsibilities->len; i++)
    g_hash_table_add (taken, &((FitaResponsibility *) g_ptr_array_index (responsibilities, i))->agent_id);
  for (guint i = 0; i < fita_editor_choices_get_n (self->agents) && agent_id == 0; i++)
    {
      gint64 id = fita_editor_choices_get_id (self->agents, i);

      if (!g_hash_table_contains (taken, &id))
        agent_id = id;
    }
  if (agent_id == 0)
    agent_id = fita_editor_choices_get_id (self->agents, 0);
  add_responsible (self, agent_id, NULL);
}

static void
fita_item_editor_who_dispose (GObject *object)
{
  FitaItemEditorWho *self = FITA_ITEM_EDITOR_WHO (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR_WHO);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->agents, fita_editor_choices_unref);
  g_clear_pointer (&self->roles, fita_editor_choices_unref);
  g_clear_object (&self->role_size);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_item_editor_who_parent_class)->dispose (object);
}

static void
fita_item_editor_who_class_init (FitaItemEditorWhoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_who_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor-who.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorWho, group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorWho, list);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorWho, services_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorWho, notes_view);

  gtk_widget_class_install_action (widget_class, "who.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "who.new-agent", NULL, new_agent_action);
}

static void
fita_item_editor_who_init (FitaItemEditorWho *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->role_size = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->agents = fita_editor_choices_new ();
  self->roles = fita_editor_choices_new ();
  /* Translators: roles of a responsible body; the work plans say
   * "Línies bàsiques" for the one who defines the basic lines */
  fita_editor_choices_add (self->roles, FITA_ROLE_DEFINES, C_("role", "Defines the basic lines"), 0, NULL);
  fita_editor_choices_add (self->roles, FITA_ROLE_EXECUTES, C_("role", "Executes"), 0, NULL);
  fita_editor_choices_add (self->roles, FITA_ROLE_SUPPORTS, C_("role", "Supports"), 0, NULL);
  fita_editor_choices_add (self->roles, FITA_ROLE_OTHER, C_("role", "Other"), 0, NULL);

  placeholder = gtk_label_new (_("No one is responsible for this item yet"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);

  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->services_row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_ITEM, 0,
                   "other_services", _("Edit Other Services"));
  /* Translators: the name of an action that can be undone */
  fita_field_bind (self->notes_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_ITEM, 0,
                   "notes", _("Edit Notes"));
}
