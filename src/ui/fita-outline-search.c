#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fita-outline-private.h"
#include "fita-accessible.h"

/* Translators: the first entry of the filter by responsible agent */
#define ANYONE _("Anyone")
/* Translators: the first entry of the status filter of the search */
#define ANY_STATUS _("Any Status")

/* Search and filters */

static gint64
chosen_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       any)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > ids->len)
    return any;

  return g_array_index (ids, gint64, selected - 1);
}

static void
choose_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  guint selected = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      selected = i + 1;

  gtk_drop_down_set_selected (dropdown, selected);
}

/* whole: NULL, or a text the label is never cut shorter than. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 const char               *whole)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", whole != NULL ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE,
                                   "width-chars", whole != NULL ? (int)g_utf8_strlen (whole, -1) : -1,
                                   NULL);

  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  ellipsize)
{
  GtkStringObject *choice = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (choice));
  fita_accessible_name_list_row (gtk_list_item_get_child (list_item), gtk_string_object_get_string (choice));
}

/* An agent's name can be long: its dropdown's button cuts it (never
 * shorter than whole, its first entry), so the sidebar keeps its width;
 * its list shows them whole. So does the status button for its last,
 * long choices ("No update this year"); the year button (whole NULL)
 * says its choice whole. Each says its first entry whole: "Qualsevol
 * estat", not "Qualsevol est…". */
static void
set_factories (GtkDropDown *dropdown,
               const char  *whole)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_choice_cb), (gpointer)whole);
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
set_choices (GtkDropDown *dropdown,
             const char  *any,
             GPtrArray   *names)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/* The status filter's choices after the statuses, in FitaCompareFilter's
 * order from FITA_COMPARE_CHANGED. */
static const char *
change_choice (FitaCompareFilter filter)
{
  switch (filter)
    {
    case FITA_COMPARE_CHANGED:
      /* Translators: a choice of the status filter of the outline's search */
      return _("Changed this year");
    case FITA_COMPARE_NO_UPDATE:
      /* Translators: a choice of the status filter: items nobody updated since the year before was closed */
      return _("No update this year");
    case FITA_COMPARE_LATE:
      /* Translators: a choice of the status filter: items past their end year and not finished */
      return _("Late");
    case FITA_COMPARE_ALL:
    default:
      return NULL;
    }
}

FitaCompareFilter
_fita_outline_chosen_change (FitaOutline *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected <= self->status_ids->len ||
      selected - self->status_ids->len > FITA_COMPARE_LATE)
    return FITA_COMPARE_ALL;

  return (FitaCompareFilter)(selected - self->status_ids->len);
}

static void
choose_change (FitaOutline       *self,
               FitaCompareFilter  filter)
{
  if (filter != FITA_COMPARE_ALL)
    gtk_drop_down_set_selected (self->status_dropdown, self->status_ids->len + filter);
}

void
_fita_outline_rebuild_filters (FitaOutline *self)
{
  gint64 status_id = chosen_id (self->status_dropdown, self->status_ids, 0);
  FitaCompareFilter change = _fita_outline_chosen_change (self);
  gint64 agent_id = chosen_id (self->agent_dropdown, self->agent_ids, 0);
  gint64 year = chosen_id (self->year_dropdown, self->years, FITA_NONE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) agents = g_ptr_array_new ();
  FitaPlanInfo *info;
  GPtrArray *statuses;
  gint64 first, last;

  if (self->plan == NULL)
    return;

  self->updating_filters = TRUE;

  g_array_set_size (self->status_ids, 0);
  statuses = fita_plan_list (self->plan, FITA_TABLE_STATUS, 0);
  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatus *status = g_ptr_array_index (statuses, i);

      g_array_append_val (self->status_ids, status->rec.id);
      g_ptr_array_add (names, g_strdup (status->name));
    }
  for (FitaCompareFilter f = FITA_COMPARE_CHANGED; f <= FITA_COMPARE_LATE; f++)
    g_ptr_array_add (names, g_strdup (change_choice (f)));
  set_choices (self->status_dropdown, ANY_STATUS, names);
  choose_id (self->status_dropdown, self->status_ids, status_id);
  choose_change (self, change);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (self->agent_ids, 0);
  _fita_outline_collect_agents (self->plan, 0, agents);
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);

      g_array_append_val (self->agent_ids, agent->rec.id);
      g_ptr_array_add (names, g_strdup (agent->name));
    }
  set_choices (self->agent_dropdown, ANYONE, names);
  choose_id (self->agent_dropdown, self->agent_ids, agent_id);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agent_dropdown), agents->len > 0);

  /* The years of the plan's period. */
  g_ptr_array_set_size (names, 0);
  g_array_set_size (self->years, 0);
  info = fita_plan_get_info (self->plan);
  first = info->period_start != FITA_NONE ? info->period_start : info->period_end;
  last = info->period_end != FITA_NONE ? info->period_end : info->period_start;
  for (gint64 y = first; first != FITA_NONE && y <= last && y <= first + 100; y++)
    {
      g_array_append_val (self->years, y);
      g_ptr_array_add (names, g_strdup_printf ("%d", (int)y));
    }
  /* Translators: the first entry of the filter by year */
  set_choices (self->year_dropdown, _("Any Year"), names);
  choose_id (self->year_dropdown, self->years, year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_dropdown), self->years->len > 0);

  self->updating_filters = FALSE;
}

/* Keeps of the matches the items whose change since the year before is
 * the one chosen, and shows their ancestors. */
static void
narrow_to_change (FitaOutline       *self,
                  FitaCompareFilter  change)
{
  FitaComparison *comparison = fita_item_tree_get_comparison (self->tree);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->matches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const FitaItemChange *found = comparison != NULL ? fita_comparison_lookup (comparison, *(gint64 *)key) : NULL;

      if (found == NULL || !fita_item_change_matches (found, change))
        g_hash_table_iter_remove (&iter);
    }

  g_hash_table_remove_all (self->visible);
  g_hash_table_iter_init (&iter, self->matches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    for (FitaItem *up = _fita_outline_lookup_item (self, *(gint64 *)key);
         up != NULL && !g_hash_table_contains (self->visible, &up->rec.id);
         up = up->parent_id != 0 ? _fita_outline_lookup_item (self, up->parent_id) : NULL)
      _fita_outline_id_set_add (self->visible, up->rec.id);
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  FitaOutline *self = user_data;
  gint64 id = _fita_outline_row_item_id (item);

  return self->visible != NULL && g_hash_table_contains (self->visible, &id);
}

static GHashTable *
expanded_set (FitaOutline *self)
{
  g_autoptr(GArray) expanded = fita_item_tree_get_expanded (self->tree);
  GHashTable *set = _fita_outline_id_set_new ();

  for (guint i = 0; i < expanded->len; i++)
    _fita_outline_id_set_add (set, g_array_index (expanded, gint64, i));

  return set;
}

/* Unfolds the ancestors of what the search found. */
static void
reveal_matches (FitaOutline *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->visible);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FitaItem *item = _fita_outline_lookup_item (self, *(gint64 *)key);
      GPtrArray *children = item != NULL ? fita_plan_list (self->plan, FITA_TABLE_ITEM, item->rec.id) : NULL;
      gboolean shows_child = FALSE;

      for (guint i = 0; children != NULL && i < children->len && !shows_child; i++)
        shows_child = g_hash_table_contains (self->visible, &((FitaItem *)g_ptr_array_index (children, i))->rec.id);

      if (shows_child)
        {
          g_autoptr(GtkTreeListRow) row = fita_item_tree_get_row (self->tree, item->rec.id, TRUE);

          if (row != NULL)
            gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
}

void
_fita_outline_apply_search (FitaOutline *self)
{
  FitaFilter filter = { NULL, 0, 0, FITA_NONE };
  FitaCompareFilter change;
  const char *text;
  gboolean active;

  if (self->updating_filters || self->plan == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.text = text != NULL && text[0] != '\0' ? text : NULL;
  filter.status_id = chosen_id (self->status_dropdown, self->status_ids, 0);
  filter.agent_id = chosen_id (self->agent_dropdown, self->agent_ids, 0);
  filter.year = chosen_id (self->year_dropdown, self->years, FITA_NONE);
  change = _fita_outline_chosen_change (self);
  active = filter.text != NULL || filter.status_id != 0 || filter.agent_id != 0 || filter.year != FITA_NONE ||
           change != FITA_COMPARE_ALL;

  self->frozen++;
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);

  if (active)
    {
      self->matches = fita_plan_search (self->plan, &filter, &self->visible);
      if (change != FITA_COMPARE_ALL)
        narrow_to_change (self, change);
      /* Before unfolding: the objects made for the rows it shows are
       * marked as they are made. */
      fita_item_tree_set_matches (self->tree, self->matches);
      if (!_fita_outline_is_filtering (self))
        {
          self->saved_expanded = expanded_set (self);
          gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
        }
      reveal_matches (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  else if (_fita_outline_is_filtering (self))
    {
      g_autoptr(GHashTable) saved = g_steal_pointer (&self->saved_expanded);

      fita_item_tree_set_matches (self->tree, NULL);
      gtk_filter_list_model_set_filter (self->filter_model, NULL);
      fita_item_tree_set_expanded (self->tree, saved, -1);
    }
  self->frozen--;

  _fita_outline_update_empty_page (self);
  _fita_outline_update_selection_state (self);
}

static void
fita_outline_search_changed_cb (FitaOutline *self)
{
  _fita_outline_apply_search (self);
}

static void
fita_outline_filter_changed_cb (FitaOutline *self)
{
  _fita_outline_apply_search (self);
}

/* The first row on show that the search found (not an ancestor shown
 * only to place it), or GTK_INVALID_LIST_POSITION. */
static guint
first_match_position (FitaOutline *self)
{
  GListModel *rows = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n && self->matches != NULL; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      gint64 id = _fita_outline_row_item_id (row);

      if (g_hash_table_contains (self->matches, &id))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Enter in the search goes to the first item found. */
static void
fita_outline_search_activate_cb (FitaOutline *self)
{
  guint position;

  if (self->selection == NULL)
    return;

  position = first_match_position (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  _fita_outline_scroll_to (self, position, TRUE);
}

static void
search_mode_changed_cb (FitaOutline *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) && self->plan != NULL)
    {
      /* Escape or the close button: the search is over, all of it. */
      self->updating_filters = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_drop_down_set_selected (self->agent_dropdown, 0);
      gtk_drop_down_set_selected (self->year_dropdown, 0);
      self->updating_filters = FALSE;
      _fita_outline_apply_search (self);

      if (self->selected_id != 0)
        _fita_outline_select_item (self, self->selected_id, FALSE, TRUE);
    }

  _fita_outline_update_actions (self);
  _fita_outline_notify (self, PROP_SEARCH_MODE);
}


gboolean
fita_outline_get_search_mode (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
fita_outline_set_search_mode (FitaOutline *self,
                              gboolean     search_mode)
{
  g_return_if_fail (FITA_IS_OUTLINE (self));

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

void
fita_outline_set_filter (FitaOutline      *self,
                         const FitaFilter *filter)
{
  g_return_if_fail (FITA_IS_OUTLINE (self));

  if (filter == NULL)
    {
      fita_outline_set_search_mode (self, FALSE);
      return;
    }

  self->updating_filters = TRUE;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), filter->text != NULL ? filter->text : "");
  choose_id (self->status_dropdown, self->status_ids, filter->status_id);
  choose_id (self->agent_dropdown, self->agent_ids, filter->agent_id);
  choose_id (self->year_dropdown, self->years, filter->year);
  self->updating_filters = FALSE;

  _fita_outline_apply_search (self);
}

void
fita_outline_set_change_filter (FitaOutline       *self,
                                FitaCompareFilter  filter)
{
  g_return_if_fail (FITA_IS_OUTLINE (self));

  if (self->plan == NULL)
    return;

  self->updating_filters = TRUE;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  choose_change (self, filter);
  self->updating_filters = FALSE;

  _fita_outline_apply_search (self);
}

gboolean
fita_outline_is_match (FitaOutline *self,
                       gint64       id)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  return self->matches != NULL && g_hash_table_contains (self->matches, &id);
}

void
_fita_outline_class_search_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_filter_changed_cb);
}

void
_fita_outline_search_init (FitaOutline *self)
{
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* The choices of the change since the year before are long ("No update
   * this year"): the button cuts them, never shorter than "Any Status". */
  set_factories (self->status_dropdown, ANY_STATUS);
  set_factories (self->agent_dropdown, ANYONE);
  set_factories (self->year_dropdown, NULL);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_changed_cb), self);
}

void
fita_outline_focus_search (FitaOutline *self)
{
  g_return_if_fail (FITA_IS_OUTLINE (self));

  /* Again while searching: back to the query, kept as it is. */
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
