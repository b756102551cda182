#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fita-bulk.h"
#include "fita-outline-private.h"

/* Actions */

/* "11.3 Fira d’economia social", or whichever part the item has. */
static char *
describe_briefly (FitaItem *item)
{
  gboolean has_code = item->code != NULL && item->code[0] != '\0';
  gboolean has_title = item->title != NULL && item->title[0] != '\0';

  if (has_code && has_title)
    /* Translators: an item named by its code and title, as in
     * "Deleted “11.3 Fira d’economia social”" */
    return g_strdup_printf (C_("item code and title", "%s %s"), item->code, item->title);
  if (has_code)
    return g_strdup (item->code);
  if (has_title)
    return g_strdup (item->title);

  return g_strdup (_("Untitled"));
}

/* Labels of menu items read "_" as a mnemonic; names from the plan may
 * have one of their own. */
static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}

static FitaItem *
single_selected_item (FitaOutline *self)
{
  return self->n_selected == 1 ? _fita_outline_lookup_item (self, self->selected_id) : NULL;
}

void
_fita_outline_update_actions (FitaOutline *self)
{
  gboolean editable = _fita_outline_is_editable (self);
  FitaItem *item = single_selected_item (self);
  guint n_siblings = item != NULL ? fita_plan_list (self->plan, FITA_TABLE_ITEM, item->parent_id)->len : 0;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "outline.add-after", editable);
  gtk_widget_action_set_enabled (widget, "outline.add-child", editable && item != NULL);
  gtk_widget_action_set_enabled (widget, "outline.duplicate", editable && item != NULL);
  gtk_widget_action_set_enabled (widget, "outline.delete", editable && self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.move-up", editable && item != NULL && item->position > 0);
  gtk_widget_action_set_enabled (widget, "outline.move-down",
                                 editable && item != NULL && item->position + 1 < (gint64)n_siblings);
  gtk_widget_action_set_enabled (widget, "outline.indent", editable && item != NULL && item->position > 0);
  gtk_widget_action_set_enabled (widget, "outline.outdent", editable && item != NULL && item->parent_id != 0);
  gtk_widget_action_set_enabled (widget, "outline.renumber",
                                 editable && self->n_selected <= 1 &&
                                 fita_plan_count (self->plan, FITA_TABLE_ITEM) > 0);
  gtk_widget_action_set_enabled (widget, "outline.rename", editable && item != NULL);
  gtk_widget_action_set_enabled (widget, "outline.bulk-status", editable && self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.bulk-agent", editable && self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.bulk-years", editable && self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.bulk-apply-years", editable && self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.context-menu", self->plan != NULL);
  gtk_widget_action_set_enabled (widget, "outline.expand", self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.collapse", self->n_selected > 0);
  gtk_widget_action_set_enabled (widget, "outline.stop-search", fita_outline_get_search_mode (self));
}

/* Adds a new item under parent at index, selects it and asks for its title. */
static void
add_item (FitaOutline *self,
          gint64       parent_id,
          int          index)
{
  g_autoptr(GError) error = NULL;
  FitaItem *added = fita_plan_add_item (self->plan, parent_id, index, NULL, &error);
  gint64 id;

  if (added == NULL)
    {
      _fita_outline_report_error (self, error);
      return;
    }

  id = added->rec.id;
  _fita_outline_select_item (self, id, TRUE, FALSE);
  _fita_outline_emit_edit_title (self, id);
}

static void
fita_outline_add_after_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = _fita_outline_lookup_item (self, self->selected_id);

  if (item != NULL)
    add_item (self, item->parent_id, item->position + 1);
  else
    add_item (self, 0, -1);
}

static void
fita_outline_add_child_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = single_selected_item (self);

  if (item != NULL)
    add_item (self, item->rec.id, -1);
}

static void
fita_outline_duplicate_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = single_selected_item (self);
  gboolean focus = _fita_outline_list_has_focus (self);
  g_autoptr(GError) error = NULL;
  FitaItem *copy;

  if (item == NULL)
    return;

  copy = fita_plan_duplicate_item (self->plan, item, &error);
  if (copy == NULL)
    {
      _fita_outline_report_error (self, error);
      return;
    }

  _fita_outline_select_item (self, copy->rec.id, TRUE, focus);
}

/* What to select once ids are gone: the next item left in the list, else
 * the one before, else the parent. */
static gint64
neighbour_of (FitaOutline *self,
              GArray      *ids)
{
  g_autoptr(GHashTable) going = _fita_outline_id_set_new ();
  FitaItem *item = _fita_outline_lookup_item (self, g_array_index (ids, gint64, 0));
  GPtrArray *siblings;

  for (guint i = 0; i < ids->len; i++)
    _fita_outline_id_set_add (going, g_array_index (ids, gint64, i));

  for (FitaItem *up = item; up != NULL; up = _fita_outline_lookup_item (self, up->parent_id))
    if (up != item && g_hash_table_contains (going, &up->rec.id))
      item = up;

  siblings = fita_plan_list (self->plan, FITA_TABLE_ITEM, item->parent_id);
  for (guint i = item->position + 1; i < siblings->len; i++)
    if (!g_hash_table_contains (going, &((FitaItem *)g_ptr_array_index (siblings, i))->rec.id))
      return ((FitaItem *)g_ptr_array_index (siblings, i))->rec.id;

  for (guint i = item->position; i > 0; i--)
    if (!g_hash_table_contains (going, &((FitaItem *)g_ptr_array_index (siblings, i - 1))->rec.id))
      return ((FitaItem *)g_ptr_array_index (siblings, i - 1))->rec.id;

  return item->parent_id;
}

static void
fita_outline_delete_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  g_autoptr(GArray) ids = fita_outline_get_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean focus = _fita_outline_list_has_focus (self);
  AdwToast *toast;
  gint64 next;

  if (ids->len == 0)
    return;

  if (ids->len == 1)
    {
      g_autofree char *what = describe_briefly (_fita_outline_lookup_item (self, g_array_index (ids, gint64, 0)));

      /* Translators: shown after deleting an item, with a button to undo */
      title = g_strdup_printf (_("Deleted “%s”"), what);
    }
  else
    {
      /* Translators: shown after deleting items, with a button to undo */
      title = g_strdup_printf (ngettext ("Deleted %u item", "Deleted %u items", ids->len), ids->len);
    }
  next = neighbour_of (self, ids);

  if (!fita_bulk_delete (self->plan, ids, &error))
    {
      _fita_outline_report_error (self, error);
      return;
    }

  if (next != 0)
    _fita_outline_select_item (self, next, TRUE, focus);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undoes the deletion only while it is still the last change. */
  adw_toast_set_action_name (toast, "win.undo-change");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (fita_plan_get_generation (self->plan)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _fita_outline_show_toast (self, toast);
}

static void
shift_selected (FitaOutline *self,
                int          delta)
{
  FitaItem *item = single_selected_item (self);
  gboolean focus = _fita_outline_list_has_focus (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (item == NULL)
    return;

  id = item->rec.id;
  if (!fita_plan_shift_item (self->plan, item, delta, &error))
    _fita_outline_report_error (self, error);
  else
    _fita_outline_select_item (self, id, TRUE, focus);
}

static void
fita_outline_move_up_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  shift_selected (FITA_OUTLINE (widget), -1);
}

static void
fita_outline_move_down_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  shift_selected (FITA_OUTLINE (widget), +1);
}

static void
fita_outline_indent_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = single_selected_item (self);
  gboolean focus = _fita_outline_list_has_focus (self);
  g_autoptr(GError) error = NULL;
  gboolean done;
  gint64 id;

  if (item == NULL)
    return;

  id = item->rec.id;
  if (g_str_equal (action_name, "outline.indent"))
    done = fita_plan_indent_item (self->plan, item, &error);
  else
    done = fita_plan_outdent_item (self->plan, item, &error);

  if (!done)
    _fita_outline_report_error (self, error);
  else
    _fita_outline_select_item (self, id, TRUE, focus);
}

static void
fita_outline_renumber_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = _fita_outline_lookup_item (self, self->selected_id);
  g_autoptr(GError) error = NULL;
  gint64 parent_id = 0;

  /* The children of the selected item; for an item with none, the list
   * it is in; with nothing selected, the whole plan from the top. */
  if (item != NULL)
    parent_id = fita_plan_item_is_leaf (self->plan, item) ? item->parent_id : item->rec.id;

  if (!fita_plan_renumber (self->plan, parent_id, &error))
    _fita_outline_report_error (self, error);
}

static void
fita_outline_rename_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);

  if (self->selected_id != 0)
    _fita_outline_emit_edit_title (self, self->selected_id);
}

void
_fita_outline_popup_context_menu (FitaOutline *self,
                    double       x,
                    double       y)
{
  GdkRectangle rect = { (int)x, (int)y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
fita_outline_context_menu_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  GtkWidget *row = _fita_outline_find_row (self, self->selected_id);
  graphene_rect_t bounds;

  /* Under the selected row, when it is on show. */
  if (row != NULL && gtk_widget_compute_bounds (row, widget, &bounds))
    {
      _fita_outline_popup_context_menu (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height);
      return;
    }

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->list_stack), widget, &bounds))
    _fita_outline_popup_context_menu (self, bounds.origin.x + 24, bounds.origin.y + 24);
}

static void
set_selected_expanded (FitaOutline *self,
                       gboolean     expanded)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->tree == NULL || self->selected_id == 0)
    return;

  row = fita_item_tree_get_row (self->tree, self->selected_id, FALSE);
  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, expanded);
}

static void
fita_outline_expand_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  set_selected_expanded (FITA_OUTLINE (widget), TRUE);
}

static void
fita_outline_collapse_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  set_selected_expanded (FITA_OUTLINE (widget), FALSE);
}

/* The tree is one stop of Tab: the arrows move inside it, Tab and
 * Shift+Tab leave it for the control before or after it. GTK's own focus
 * chain finds that control, once the tree no longer takes the focus on
 * the way. */
static void
fita_outline_leave_tree_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  GtkDirectionType direction = g_variant_get_boolean (param) ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));

  if (root == NULL)
    return;

  gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), FALSE);
  if (!gtk_widget_child_focus (root, direction))
    {
      /* Nothing beyond: round to the first (or last) control. */
      gtk_root_set_focus (GTK_ROOT (root), NULL);
      gtk_widget_child_focus (root, direction);
    }
  gtk_widget_set_can_focus (GTK_WIDGET (self->list_view), TRUE);
}

static void
fita_outline_stop_search_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  fita_outline_set_search_mode (FITA_OUTLINE (widget), FALSE);
}

/* Editing many items at once: each is one undoable change. */

static void
fita_outline_bulk_status_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  g_autoptr(GArray) ids = fita_outline_get_selected_ids (self);
  g_autoptr(GError) error = NULL;
  gint64 status_id = g_variant_get_int64 (param);

  if (!fita_bulk_set_status (self->plan, ids, status_id, &error))
    _fita_outline_report_error (self, error);
}

static void
fita_outline_bulk_agent_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  g_autoptr(GArray) ids = fita_outline_get_selected_ids (self);
  g_autoptr(GError) error = NULL;
  gint64 agent_id = g_variant_get_int64 (param);

  if (!fita_bulk_add_executor (self->plan, ids, agent_id, &error))
    _fita_outline_report_error (self, error);
}

static void
fita_outline_bulk_years_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  g_autoptr(GArray) ids = fita_outline_get_selected_ids (self);
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  g_variant_get (param, "(xx)", &start, &end);
  if (!fita_bulk_set_years (self->plan, ids, start, end, &error))
    _fita_outline_report_error (self, error);
}

static void
fita_outline_bulk_apply_years_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  gint64 start = gtk_spin_button_get_value_as_int (self->bulk_start_spin);
  gint64 end = gtk_spin_button_get_value_as_int (self->bulk_end_spin);

  gtk_popover_popdown (self->bulk_years_popover);
  gtk_widget_activate_action (widget, "outline.bulk-years", "(xx)", start, end);
}

static void
fita_outline_bulk_years_show_cb (FitaOutline *self)
{
  FitaItem *item = _fita_outline_lookup_item (self, self->selected_id);
  FitaPlanInfo *info = fita_plan_get_info (self->plan);
  GDateTime *now = g_date_time_new_now_local ();
  gint64 start = g_date_time_get_year (now);
  gint64 end;

  g_date_time_unref (now);
  if (item != NULL && item->start_year != FITA_NONE)
    start = item->start_year;
  else if (info->period_start != FITA_NONE)
    start = info->period_start;

  if (item != NULL && item->end_year != FITA_NONE)
    end = item->end_year;
  else if (info->period_end != FITA_NONE)
    end = info->period_end;
  else
    end = start;

  gtk_spin_button_set_value (self->bulk_start_spin, start);
  gtk_spin_button_set_value (self->bulk_end_spin, MAX (start, end));
}

/* Agents nest (a working group in its body): list them all, parents first. */
void
_fita_outline_collect_agents (FitaPlan  *plan,
                gint64     owner,
                GPtrArray *agents)
{
  GPtrArray *list = fita_plan_list (plan, FITA_TABLE_AGENT, owner);

  for (guint i = 0; i < list->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (list, i);

      g_ptr_array_add (agents, agent);
      _fita_outline_collect_agents (plan, agent->rec.id, agents);
    }
}

void
_fita_outline_rebuild_bulk_menus (FitaOutline *self)
{
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) status_section = g_menu_new ();
  g_autoptr(GMenu) none_section = g_menu_new ();
  g_autoptr(GMenu) agents_menu = g_menu_new ();
  g_autoptr(GPtrArray) agents = g_ptr_array_new ();
  g_autoptr(GMenuItem) none = NULL;
  GPtrArray *list;

  if (self->plan == NULL)
    return;

  list = fita_plan_list (self->plan, FITA_TABLE_STATUS, 0);
  for (guint i = 0; i < list->len; i++)
    {
      FitaStatus *status = g_ptr_array_index (list, i);
      g_autofree char *label = escape_mnemonic (status->name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "outline.bulk-status", g_variant_new_int64 (status->rec.id));
      g_menu_append_item (status_section, item);
    }
  /* Translators: in the menu that sets the status of the selected items */
  none = g_menu_item_new (_("_No Status"), NULL);
  g_menu_item_set_action_and_target_value (none, "outline.bulk-status", g_variant_new_int64 (0));
  g_menu_append_item (none_section, none);
  g_menu_append_section (statuses, NULL, G_MENU_MODEL (status_section));
  g_menu_append_section (statuses, NULL, G_MENU_MODEL (none_section));
  gtk_menu_button_set_menu_model (self->bulk_status_button, G_MENU_MODEL (statuses));
  _fita_outline_follow_menu (self->bulk_status_button);

  _fita_outline_collect_agents (self->plan, 0, agents);
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *label = escape_mnemonic (agent->name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "outline.bulk-agent", g_variant_new_int64 (agent->rec.id));
      g_menu_append_item (agents_menu, item);
    }
  if (agents->len == 0)
    /* Translators: the menu of agents to make responsible, when there are none */
    g_menu_append (agents_menu, _("The plan has no agents yet"), NULL);
  gtk_menu_button_set_menu_model (self->bulk_agent_button, G_MENU_MODEL (agents_menu));
  _fita_outline_follow_menu (self->bulk_agent_button);
}


static void
add_tab_shortcut (GtkShortcutController *controller,
                  guint                  keyval,
                  GdkModifierType        modifiers,
                  gboolean               forward)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new ("outline.leave-tree"));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (forward));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

void
_fita_outline_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "outline.add-after", NULL, fita_outline_add_after_action);
  gtk_widget_class_install_action (widget_class, "outline.add-child", NULL, fita_outline_add_child_action);
  gtk_widget_class_install_action (widget_class, "outline.duplicate", NULL, fita_outline_duplicate_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL, fita_outline_delete_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL, fita_outline_move_up_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL, fita_outline_move_down_action);
  gtk_widget_class_install_action (widget_class, "outline.indent", NULL, fita_outline_indent_action);
  gtk_widget_class_install_action (widget_class, "outline.outdent", NULL, fita_outline_indent_action);
  gtk_widget_class_install_action (widget_class, "outline.renumber", NULL, fita_outline_renumber_action);
  gtk_widget_class_install_action (widget_class, "outline.rename", NULL, fita_outline_rename_action);
  gtk_widget_class_install_action (widget_class, "outline.context-menu", NULL, fita_outline_context_menu_action);
  gtk_widget_class_install_action (widget_class, "outline.expand", NULL, fita_outline_expand_action);
  gtk_widget_class_install_action (widget_class, "outline.collapse", NULL, fita_outline_collapse_action);
  gtk_widget_class_install_action (widget_class, "outline.stop-search", NULL, fita_outline_stop_search_action);
  gtk_widget_class_install_action (widget_class, "outline.leave-tree", "b", fita_outline_leave_tree_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-status", "x", fita_outline_bulk_status_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-agent", "x", fita_outline_bulk_agent_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-years", "(xx)", fita_outline_bulk_years_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-apply-years", NULL, fita_outline_bulk_apply_years_action);
}

void
_fita_outline_actions_init (FitaOutline *self)
{
  GtkEventController *keys;
  GtkEventController *folding;
  GtkEventController *tabs;

  g_signal_connect_swapped (self->bulk_years_popover, "show",
                            G_CALLBACK (fita_outline_bulk_years_show_cb), self);

  /* The editing keys work where the items are, not in the search entry. */
  keys = gtk_shortcut_controller_new ();
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Return, GDK_CONTROL_MASK, "outline.add-after");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "outline.add-after");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "outline.add-child");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "outline.add-child");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_d, GDK_CONTROL_MASK, "outline.duplicate");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Delete, 0, "outline.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Delete, 0, "outline.delete");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Up, GDK_ALT_MASK, "outline.move-up");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Down, GDK_ALT_MASK, "outline.move-down");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Right, GDK_ALT_MASK, "outline.indent");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Left, GDK_ALT_MASK, "outline.outdent");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_F2, 0, "outline.rename");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Menu, 0, "outline.context-menu");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_F10, GDK_SHIFT_MASK, "outline.context-menu");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, 0, "outline.stop-search");
  gtk_widget_add_controller (GTK_WIDGET (self->list_stack), keys);

  /* GtkListView takes Left and Right for itself (and in GTK 4.8 the
   * expander's own keys never reach it, as it cannot hold the focus), so
   * catch them on the way down: Right and + unfold, Left and - fold. */
  folding = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (folding, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (folding), GDK_KEY_Right, 0, "outline.expand");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (folding), GDK_KEY_plus, 0, "outline.expand");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (folding), GDK_KEY_KP_Add, 0, "outline.expand");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (folding), GDK_KEY_Left, 0, "outline.collapse");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (folding), GDK_KEY_minus, 0, "outline.collapse");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (folding), GDK_KEY_KP_Subtract, 0, "outline.collapse");
  gtk_widget_add_controller (GTK_WIDGET (self->list_scroller), folding);

  /* GtkListView 4.8 walks Tab through every row: caught before it does. */
  tabs = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (tabs, "outline-tab-stop");
  gtk_event_controller_set_propagation_phase (tabs, GTK_PHASE_CAPTURE);
  add_tab_shortcut (GTK_SHORTCUT_CONTROLLER (tabs), GDK_KEY_Tab, 0, TRUE);
  add_tab_shortcut (GTK_SHORTCUT_CONTROLLER (tabs), GDK_KEY_KP_Tab, 0, TRUE);
  add_tab_shortcut (GTK_SHORTCUT_CONTROLLER (tabs), GDK_KEY_Tab, GDK_SHIFT_MASK, FALSE);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), tabs);

  _fita_outline_follow_menu (self->bulk_years_button);
  _fita_outline_follow_menu (self->more_button);
}

/* A tooltip over an open menu hides its first entries: a menu button
 * keeps its tooltip only while its menu is closed. */
static void
menu_visible_cb (GtkWidget  *popover,
                 GParamSpec *pspec,
                 GtkWidget  *button)
{
  gtk_widget_set_has_tooltip (button, !gtk_widget_get_visible (popover));
}

void
_fita_outline_follow_menu (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  /* Set again whenever the menu is made again (a new popover). */
  if (popover == NULL || g_object_get_data (G_OBJECT (popover), "fita-follows-menu") != NULL)
    return;

  g_object_set_data (G_OBJECT (popover), "fita-follows-menu", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (menu_visible_cb), button, 0);
}
