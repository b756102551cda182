#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fita-outline.h"

/* Plans with more items than this open with only their top level unfolded:
 * unfolding everything would make a row object for each item. */
#define AUTOEXPAND_LIMIT 1000

struct _FitaOutline
{
  GtkWidget           parent_instance;

  FitaPlan           *plan;
  FitaItemTree       *tree;
  GtkFilterListModel *filter_model;
  GtkMultiSelection  *selection;
  GtkCustomFilter    *filter;
  GtkWidget          *context_menu;

  GHashTable         *bound_rows;      /* FitaItemRows showing an item */
  GHashTable         *matches;         /* ids the search found */
  GHashTable         *visible;         /* those and their ancestors */
  GHashTable         *saved_expanded;  /* what was unfolded before the search */
  GArray             *status_ids;      /* what the dropdowns' entries 1… stand for */
  GArray             *agent_ids;
  GArray             *years;

  gint64              selected_id;
  guint               n_selected;
  guint               frozen;
  guint               updating_filters : 1;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *agent_dropdown;
  GtkDropDown        *year_dropdown;
  GtkStack           *list_stack;
  GtkScrolledWindow  *list_scroller;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkRevealer        *bulk_bar;
  GtkLabel           *bulk_label;
  GtkMenuButton      *bulk_status_button;
  GtkMenuButton      *bulk_agent_button;
  GtkPopover         *bulk_years_popover;
  GtkSpinButton      *bulk_start_spin;
  GtkSpinButton      *bulk_end_spin;
  GMenuModel         *context_menu_model;
};

G_DEFINE_FINAL_TYPE (FitaOutline, fita_outline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SELECTED_ID,
  PROP_N_SELECTED,
  PROP_SEARCH_MODE,
  N_PROPS
};

enum {
  EDIT_TITLE,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void update_selection_state (FitaOutline *self);
static void apply_search           (FitaOutline *self);

/* Looking things up */

static FitaItem *
lookup_item (FitaOutline *self,
             gint64       id)
{
  if (self->plan == NULL || id <= 0)
    return NULL;

  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id);
}

static gint64
row_item_id (GtkTreeListRow *row)
{
  g_autoptr(FitaItemObject) object = gtk_tree_list_row_get_item (row);

  return fita_item_object_get_id (object);
}

static gint64
id_at (FitaOutline *self,
       guint        position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  return row != NULL ? row_item_id (row) : 0;
}

static gboolean
is_editable (FitaOutline *self)
{
  return self->plan != NULL && !fita_plan_is_read_only (self->plan);
}

static gboolean
is_filtering (FitaOutline *self)
{
  return self->saved_expanded != NULL;
}

/* Where a row of the tree is on show, or GTK_INVALID_LIST_POSITION. */
static guint
view_position (FitaOutline    *self,
               GtkTreeListRow *row)
{
  guint tree_position = gtk_tree_list_row_get_position (row);
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint low = 0, high;

  if (!is_filtering (self))
    return tree_position;

  /* The filter keeps the order of the tree: look for the row by halves. */
  high = g_list_model_get_n_items (model);
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(GtkTreeListRow) there = g_list_model_get_item (model, middle);
      guint position = gtk_tree_list_row_get_position (there);

      if (position == tree_position)
        return middle;
      if (position < tree_position)
        low = middle + 1;
      else
        high = middle;
    }

  return GTK_INVALID_LIST_POSITION;
}

static GHashTable *
id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
id_set_add (GHashTable *set,
            gint64      id)
{
  if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gboolean
list_has_focus (FitaOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self->list_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));
}

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

/* Telling the person */

static void
show_toast (FitaOutline *self,
            AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
report_error (FitaOutline  *self,
              const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

/* Rows */

/* ids NULL: every row, in full; else only those items' code and title. */
static void
refresh_rows (FitaOutline *self,
              GHashTable  *ids)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FitaItemRow *row = key;
      FitaItemObject *object = fita_item_row_get_item (row);
      gint64 id = object != NULL ? fita_item_object_get_id (object) : 0;

      if (ids != NULL && !g_hash_table_contains (ids, &id))
        continue;

      if (ids != NULL)
        fita_item_row_update_text (row);
      else
        fita_item_row_update (row);
      fita_item_row_set_match (row, self->matches != NULL && g_hash_table_contains (self->matches, &id));
    }
}

static void
update_empty_page (FitaOutline *self)
{
  gboolean no_items = self->plan != NULL && fita_plan_count (self->plan, FITA_TABLE_ITEM) == 0;
  gboolean no_matches = is_filtering (self) &&
                        g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  if (no_items)
    {
      adw_status_page_set_title (self->empty_page, _("No Items"));
      adw_status_page_set_description (self->empty_page,
                                       is_editable (self)
                                       ? _("Add the plan’s first item with the + button below")
                                       : _("This plan has no items yet"));
    }
  else if (no_matches)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Items"));
      adw_status_page_set_description (self->empty_page, _("Try other words, or fewer filters"));
    }

  gtk_stack_set_visible_child_name (self->list_stack, no_items || no_matches ? "empty" : "list");
}

/* Selection */

GArray *
fita_outline_get_selected_ids (FitaOutline *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (FITA_IS_OUTLINE (self), ids);

  if (self->selection == NULL)
    return ids;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = id_at (self, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

/* Selects exactly ids, unfolding what hides them. */
static void
select_ids (FitaOutline *self,
            GArray      *ids)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;

  /* Unfold first, for all: unfolding moves the rows below. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = fita_item_tree_get_row (self->tree, g_array_index (ids, gint64, i), TRUE);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = fita_item_tree_get_row (self->tree, g_array_index (ids, gint64, i), FALSE);
      guint position = row != NULL ? view_position (self, row) : GTK_INVALID_LIST_POSITION;

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_bitset_add (selected, position);
    }

  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->selection)));
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

/* After a change, the same items stay selected wherever they went; when
 * the change brought items in (an undone deletion, a redone addition),
 * the first of them is. */
static void
restore_selection (FitaOutline       *self,
                   GArray            *before,
                   const FitaChanges *changes)
{
  g_autoptr(GArray) after = fita_outline_get_selected_ids (self);
  g_autoptr(GArray) keep = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) now = id_set_new ();

  for (guint i = 0; i < after->len; i++)
    id_set_add (now, g_array_index (after, gint64, i));

  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId table;
      FitaChangeKind kind;
      gint64 id;

      fita_changes_get (changes, i, &table, &id, &kind, NULL);
      if (table == FITA_TABLE_ITEM && kind == FITA_CHANGE_INSERTED && lookup_item (self, id) != NULL)
        {
          g_array_append_val (keep, id);
          break;
        }
    }

  if (keep->len == 0)
    for (guint i = 0; i < before->len; i++)
      {
        gint64 id = g_array_index (before, gint64, i);

        if (lookup_item (self, id) != NULL)
          g_array_append_val (keep, id);
      }

  if (keep->len == after->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < keep->len && same; i++)
        same = g_hash_table_contains (now, &g_array_index (keep, gint64, i));
      if (same)
        return;
    }

  select_ids (self, keep);
}

static void
scroll_to (FitaOutline *self,
           guint        position,
           gboolean     focus)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  /* The list keeps the keyboard focus on the row it scrolled to. */
  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static gboolean
select_item (FitaOutline *self,
             gint64       id,
             gboolean     only,
             gboolean     focus)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  if (self->tree == NULL)
    return FALSE;

  row = fita_item_tree_get_row (self->tree, id, TRUE);
  if (row == NULL)
    return FALSE;

  position = view_position (self, row);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, only);
  scroll_to (self, position, focus);
  return TRUE;
}

/* Actions */

static FitaItem *
single_selected_item (FitaOutline *self)
{
  return self->n_selected == 1 ? lookup_item (self, self->selected_id) : NULL;
}

static void
update_actions (FitaOutline *self)
{
  gboolean editable = is_editable (self);
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

static void
update_selection_state (FitaOutline *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  gint64 first = 0;
  guint n = 0;

  if (self->frozen > 0)
    return;

  if (self->selection != NULL)
    {
      selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      n = (guint)gtk_bitset_get_size (selected);
      if (n > 0)
        first = id_at (self, gtk_bitset_get_minimum (selected));
    }

  if (n != self->n_selected)
    {
      g_autofree char *label = NULL;

      self->n_selected = n;
      /* Translators: how many items are selected, over the buttons that
       * edit them all at once */
      label = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
      gtk_label_set_label (self->bulk_label, label);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SELECTED]);
    }

  if (first != self->selected_id)
    {
      self->selected_id = first;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTED_ID]);
    }

  gtk_revealer_set_reveal_child (self->bulk_bar, n >= 2 && is_editable (self));
  update_actions (self);
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
      report_error (self, error);
      return;
    }

  id = added->rec.id;
  select_item (self, id, TRUE, FALSE);
  g_signal_emit (self, signals [EDIT_TITLE], 0, id);
}

static void
fita_outline_add_after_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = lookup_item (self, self->selected_id);

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
  gboolean focus = list_has_focus (self);
  g_autoptr(GError) error = NULL;
  FitaItem *copy;

  if (item == NULL)
    return;

  copy = fita_plan_duplicate_item (self->plan, item, &error);
  if (copy == NULL)
    {
      report_error (self, error);
      return;
    }

  select_item (self, copy->rec.id, TRUE, focus);
}

/* What to select once ids are gone: the next item left in the list, else
 * the one before, else the parent. */
static gint64
neighbour_of (FitaOutline *self,
              GArray      *ids)
{
  g_autoptr(GHashTable) going = id_set_new ();
  FitaItem *item = lookup_item (self, g_array_index (ids, gint64, 0));
  GPtrArray *siblings;

  for (guint i = 0; i < ids->len; i++)
    id_set_add (going, g_array_index (ids, gint64, i));

  for (FitaItem *up = item; up != NULL; up = lookup_item (self, up->parent_id))
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
  gboolean focus = list_has_focus (self);
  AdwToast *toast;
  gint64 next;

  if (ids->len == 0)
    return;

  if (ids->len == 1)
    {
      g_autofree char *what = describe_briefly (lookup_item (self, g_array_index (ids, gint64, 0)));

      /* Translators: shown after deleting an item, with a button to undo */
      title = g_strdup_printf (_("Deleted “%s”"), what);
    }
  else
    {
      /* Translators: shown after deleting items, with a button to undo */
      title = g_strdup_printf (ngettext ("Deleted %u item", "Deleted %u items", ids->len), ids->len);
    }
  next = neighbour_of (self, ids);

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, ngettext ("Delete Item", "Delete Items", ids->len));
  for (guint i = 0; i < ids->len; i++)
    {
      /* Deleting an item deletes what is below it, perhaps selected too. */
      FitaItem *item = lookup_item (self, g_array_index (ids, gint64, i));

      if (item != NULL)
        fita_plan_delete (self->plan, item, NULL);
    }
  if (!fita_plan_end (self->plan, &error))
    {
      report_error (self, error);
      return;
    }

  if (next != 0)
    select_item (self, next, TRUE, focus);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undoes the deletion only while it is still the last change. */
  adw_toast_set_action_name (toast, "win.undo-change");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (fita_plan_get_generation (self->plan)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);
}

static void
shift_selected (FitaOutline *self,
                int          delta)
{
  FitaItem *item = single_selected_item (self);
  gboolean focus = list_has_focus (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (item == NULL)
    return;

  id = item->rec.id;
  if (!fita_plan_shift_item (self->plan, item, delta, &error))
    report_error (self, error);
  else
    select_item (self, id, TRUE, focus);
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
  gboolean focus = list_has_focus (self);
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
    report_error (self, error);
  else
    select_item (self, id, TRUE, focus);
}

static void
fita_outline_renumber_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);
  FitaItem *item = lookup_item (self, self->selected_id);
  g_autoptr(GError) error = NULL;
  gint64 parent_id = 0;

  /* The children of the selected item; for an item with none, the list
   * it is in; with nothing selected, the whole plan from the top. */
  if (item != NULL)
    parent_id = fita_plan_item_is_leaf (self->plan, item) ? item->parent_id : item->rec.id;

  if (!fita_plan_renumber (self->plan, parent_id, &error))
    report_error (self, error);
}

static void
fita_outline_rename_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  FitaOutline *self = FITA_OUTLINE (widget);

  if (self->selected_id != 0)
    g_signal_emit (self, signals [EDIT_TITLE], 0, self->selected_id);
}

static void
popup_context_menu (FitaOutline *self,
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
  graphene_rect_t bounds;
  GHashTableIter iter;
  gpointer key;

  /* Under the selected row, when it is on show. */
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FitaItemObject *object = fita_item_row_get_item (key);

      if (object != NULL && fita_item_object_get_id (object) == self->selected_id &&
          gtk_widget_get_mapped (key) &&
          gtk_widget_compute_bounds (key, widget, &bounds))
        {
          popup_context_menu (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height);
          return;
        }
    }

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->list_stack), widget, &bounds))
    popup_context_menu (self, bounds.origin.x + 24, bounds.origin.y + 24);
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

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Set Status"));
  for (guint i = 0; i < ids->len; i++)
    {
      FitaItem *item = lookup_item (self, g_array_index (ids, gint64, i));

      if (item != NULL)
        fita_plan_set_int (self->plan, item, "status_id", status_id, NULL);
    }
  if (!fita_plan_end (self->plan, &error))
    report_error (self, error);
}

static gboolean
executes (FitaPlan *plan,
          FitaItem *item,
          gint64    agent_id)
{
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);

  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *responsibility = g_ptr_array_index (who, i);

      if (responsibility->agent_id == agent_id && responsibility->role == FITA_ROLE_EXECUTES)
        return TRUE;
    }

  return FALSE;
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

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Set Responsible"));
  for (guint i = 0; i < ids->len; i++)
    {
      FitaItem *item = lookup_item (self, g_array_index (ids, gint64, i));
      FitaResponsibility *responsibility;

      if (item == NULL || executes (self->plan, item, agent_id))
        continue;

      responsibility = fita_plan_new_record (self->plan, FITA_TABLE_RESPONSIBILITY);
      responsibility->agent_id = agent_id;
      responsibility->role = FITA_ROLE_EXECUTES;
      fita_plan_insert (self->plan, responsibility, item->rec.id, -1, NULL);
    }
  if (!fita_plan_end (self->plan, &error))
    report_error (self, error);
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
  if (start > end)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: when setting the years of items */
                   _("The start year, %d, comes after the end year, %d."), (int)start, (int)end);
      report_error (self, error);
      return;
    }

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Set Years"));
  for (guint i = 0; i < ids->len; i++)
    {
      FitaItem *item = lookup_item (self, g_array_index (ids, gint64, i));

      if (item == NULL)
        continue;
      fita_plan_set_int (self->plan, item, "start_year", start, NULL);
      fita_plan_set_int (self->plan, item, "end_year", end, NULL);
    }
  if (!fita_plan_end (self->plan, &error))
    report_error (self, error);
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
  FitaItem *item = lookup_item (self, self->selected_id);
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
static void
collect_agents (FitaPlan  *plan,
                gint64     owner,
                GPtrArray *agents)
{
  GPtrArray *list = fita_plan_list (plan, FITA_TABLE_AGENT, owner);

  for (guint i = 0; i < list->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (list, i);

      g_ptr_array_add (agents, agent);
      collect_agents (plan, agent->rec.id, agents);
    }
}

static void
rebuild_bulk_menus (FitaOutline *self)
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

  collect_agents (self->plan, 0, agents);
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
}

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

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", GPOINTER_TO_INT (ellipsize) ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE,
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
}

/* The dropdown's button cuts long names (an agent's can be long), so the
 * sidebar keeps its width; its list shows them whole. */
static void
set_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (FALSE));
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

static void
rebuild_filters (FitaOutline *self)
{
  gint64 status_id = chosen_id (self->status_dropdown, self->status_ids, 0);
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
  /* Translators: the first entry of the status filter of the search */
  set_choices (self->status_dropdown, _("Any Status"), names);
  choose_id (self->status_dropdown, self->status_ids, status_id);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (self->agent_ids, 0);
  collect_agents (self->plan, 0, agents);
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);

      g_array_append_val (self->agent_ids, agent->rec.id);
      g_ptr_array_add (names, g_strdup (agent->name));
    }
  /* Translators: the first entry of the filter by responsible agent */
  set_choices (self->agent_dropdown, _("Anyone"), names);
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

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  FitaOutline *self = user_data;
  gint64 id = row_item_id (item);

  return self->visible != NULL && g_hash_table_contains (self->visible, &id);
}

static GHashTable *
expanded_set (FitaOutline *self)
{
  g_autoptr(GArray) expanded = fita_item_tree_get_expanded (self->tree);
  GHashTable *set = id_set_new ();

  for (guint i = 0; i < expanded->len; i++)
    id_set_add (set, g_array_index (expanded, gint64, i));

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
      FitaItem *item = lookup_item (self, *(gint64 *)key);
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

static void
apply_search (FitaOutline *self)
{
  FitaFilter filter = { NULL, 0, 0, FITA_NONE };
  const char *text;
  gboolean active;

  if (self->updating_filters || self->plan == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter.text = text != NULL && text[0] != '\0' ? text : NULL;
  filter.status_id = chosen_id (self->status_dropdown, self->status_ids, 0);
  filter.agent_id = chosen_id (self->agent_dropdown, self->agent_ids, 0);
  filter.year = chosen_id (self->year_dropdown, self->years, FITA_NONE);
  active = filter.text != NULL || filter.status_id != 0 || filter.agent_id != 0 || filter.year != FITA_NONE;

  self->frozen++;
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);

  if (active)
    {
      self->matches = fita_plan_search (self->plan, &filter, &self->visible);
      if (!is_filtering (self))
        {
          self->saved_expanded = expanded_set (self);
          gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
        }
      reveal_matches (self);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  else if (is_filtering (self))
    {
      g_autoptr(GHashTable) saved = g_steal_pointer (&self->saved_expanded);

      gtk_filter_list_model_set_filter (self->filter_model, NULL);
      fita_item_tree_set_expanded (self->tree, saved, -1);
    }
  self->frozen--;

  refresh_rows (self, NULL);
  update_empty_page (self);
  update_selection_state (self);
}

static void
fita_outline_search_changed_cb (FitaOutline *self)
{
  apply_search (self);
}

static void
fita_outline_filter_changed_cb (FitaOutline *self)
{
  apply_search (self);
}

/* Enter in the search goes to the first item found. */
static void
fita_outline_search_activate_cb (FitaOutline *self)
{
  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  scroll_to (self, 0, TRUE);
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
      apply_search (self);

      if (self->selected_id != 0)
        select_item (self, self->selected_id, FALSE, TRUE);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_MODE]);
}

/* The rows */

static FitaDropPosition
drop_position (GtkWidget *row,
               double     y)
{
  int height = gtk_widget_get_height (row);

  if (y < height / 3.0)
    return FITA_DROP_BEFORE;
  if (y > height * 2.0 / 3.0)
    return FITA_DROP_AFTER;
  return FITA_DROP_INTO;
}

static gboolean
can_drop (FitaOutline    *self,
          FitaItemObject *dragged,
          FitaItemObject *target)
{
  gint64 dragged_id;

  if (!is_editable (self) || dragged == NULL || target == NULL ||
      fita_item_object_get_plan (dragged) != self->plan)
    return FALSE;

  /* Not on itself, nor anywhere below itself. */
  dragged_id = fita_item_object_get_id (dragged);
  for (FitaItem *up = fita_item_object_get_item (target); up != NULL; up = lookup_item (self, up->parent_id))
    if (up->rec.id == dragged_id)
      return FALSE;

  return TRUE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                FitaOutline   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const GValue *value = gtk_drop_target_get_value (target);
  FitaItemObject *dragged = value != NULL && G_VALUE_HOLDS (value, FITA_TYPE_ITEM_OBJECT)
                          ? g_value_get_object (value) : NULL;

  if (!can_drop (self, dragged, fita_item_row_get_item (FITA_ITEM_ROW (row))))
    {
      fita_item_row_set_drop (FITA_ITEM_ROW (row), FITA_DROP_NONE);
      return 0;
    }

  fita_item_row_set_drop (FITA_ITEM_ROW (row), drop_position (row, y));
  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (GtkDropTarget *target,
               FitaOutline   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  fita_item_row_set_drop (FITA_ITEM_ROW (row), FITA_DROP_NONE);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FitaOutline   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  FitaItemObject *into = fita_item_row_get_item (FITA_ITEM_ROW (row));
  FitaItemObject *dragged = G_VALUE_HOLDS (value, FITA_TYPE_ITEM_OBJECT) ? g_value_get_object (value) : NULL;
  g_autoptr(GError) error = NULL;

  fita_item_row_set_drop (FITA_ITEM_ROW (row), FITA_DROP_NONE);
  if (!can_drop (self, dragged, into))
    return FALSE;

  if (!fita_outline_drop_item (self,
                               fita_item_object_get_id (dragged),
                               fita_item_object_get_id (into),
                               drop_position (row, y),
                               &error))
    {
      report_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 FitaOutline   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  FitaItemObject *object = fita_item_row_get_item (FITA_ITEM_ROW (row));

  if (!is_editable (self) || object == NULL)
    return NULL;

  return gdk_content_provider_new_typed (FITA_TYPE_ITEM_OBJECT, object);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               FitaOutline   *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                FitaOutline     *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (gesture), "fita-list-item");
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (list_item);
  double outline_x, outline_y;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (position == GTK_INVALID_LIST_POSITION || self->selection == NULL)
    return;

  /* The menu is about the row clicked: it joins the selection if it was
   * not in it already. */
  if (!gtk_list_item_get_selected (list_item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  if (gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &outline_x, &outline_y))
    popup_context_menu (self, outline_x, outline_y);
}

static void
fita_outline_setup_row_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           FitaOutline              *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *row = fita_item_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (FITA_TYPE_ITEM_OBJECT, GDK_ACTION_MOVE);

  gtk_tree_expander_set_indent_for_icon (GTK_TREE_EXPANDER (expander), TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row);
  gtk_list_item_set_child (list_item, expander);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_object_set_data (G_OBJECT (click), "fita-list-item", list_item);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  /* The dragged item is known while hovering, to refuse a drop into itself. */
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static void
fita_outline_bind_row_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          FitaOutline              *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(FitaItemObject) item = gtk_tree_list_row_get_item (tree_row);
  FitaItemRow *row = FITA_ITEM_ROW (gtk_tree_expander_get_child (expander));
  gint64 id = fita_item_object_get_id (item);

  gtk_tree_expander_set_list_row (expander, tree_row);
  fita_item_row_set_item (row, item);
  fita_item_row_set_match (row, self->matches != NULL && g_hash_table_contains (self->matches, &id));
  g_hash_table_add (self->bound_rows, row);
}

static void
fita_outline_unbind_row_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            FitaOutline              *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  FitaItemRow *row = FITA_ITEM_ROW (gtk_tree_expander_get_child (expander));

  if (self->bound_rows != NULL)
    g_hash_table_remove (self->bound_rows, row);
  gtk_tree_expander_set_list_row (expander, NULL);
  fita_item_row_set_item (row, NULL);
  fita_item_row_set_drop (row, FITA_DROP_NONE);
}

static void
fita_outline_activate_cb (GtkListView *list_view,
                          guint        position,
                          FitaOutline *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return;

  if (gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));

  g_signal_emit (self, signals [ITEM_ACTIVATED], 0, row_item_id (row));
}

/* Following the plan */

/* Whether a change may alter what other rows show (derived progress,
 * budget totals, status names), or only the updated items' own rows. */
static gboolean
changes_reach_other_rows (const FitaChanges *changes,
                          GHashTable        *updated)
{
  static const char * const derived_fields[] = {
    "progress", "status_id", "weight", "planned_total_cents", "parent_id", "position", NULL,
  };
  gboolean others = FALSE;

  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId table;
      FitaChangeKind kind;
      const char *field;
      gint64 id;

      fita_changes_get (changes, i, &table, &id, &kind, &field);
      switch ((int)table)
        {
        case FITA_TABLE_ITEM:
          if (kind != FITA_CHANGE_UPDATED || g_strv_contains (derived_fields, field))
            others = TRUE;
          id_set_add (updated, id);
          break;

        case FITA_TABLE_PLAN:
        case FITA_TABLE_STATUS:
        case FITA_TABLE_BUDGET_LINE:
          others = TRUE;
          break;

        default:
          break;
        }
    }

  return others;
}

static void
plan_changed_cb (FitaOutline       *self,
                 const FitaChanges *changes,
                 FitaPlan          *plan)
{
  g_autoptr(GHashTable) updated = id_set_new ();
  g_autoptr(GArray) before = fita_outline_get_selected_ids (self);
  gboolean others;

  self->frozen++;
  fita_item_tree_apply_changes (self->tree, changes);
  if (fita_changes_touches (changes, FITA_TABLE_STATUS) ||
      fita_changes_touches (changes, FITA_TABLE_AGENT) ||
      fita_changes_touches (changes, FITA_TABLE_PLAN))
    {
      rebuild_filters (self);
      rebuild_bulk_menus (self);
    }
  self->frozen--;

  /* The search follows the plan too: an edit may make an item match. */
  if (is_filtering (self))
    apply_search (self);

  self->frozen++;
  restore_selection (self, before, changes);
  self->frozen--;

  others = changes_reach_other_rows (changes, updated);
  refresh_rows (self, others ? NULL : updated);
  update_empty_page (self);
  update_selection_state (self);
}

static void
selection_changed_cb (FitaOutline *self)
{
  update_selection_state (self);
}

/* Remembering what was unfolded */

char *
fita_outline_get_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "fita", "expanded.ini", NULL);
}

/* Paths may hold characters a key file group cannot. */
static char *
state_group (const char *path)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
}

static GHashTable *
load_expanded (const char *path)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *file = fita_outline_get_state_path ();
  g_autofree char *group = state_group (path);
  g_auto(GStrv) ids = NULL;
  GHashTable *set;

  if (!g_key_file_load_from_file (keyfile, file, G_KEY_FILE_NONE, NULL))
    return NULL;

  ids = g_key_file_get_string_list (keyfile, group, "expanded", NULL, NULL);
  if (ids == NULL)
    return NULL;

  set = id_set_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      if (id > 0)
        id_set_add (set, id);
    }

  return set;
}

void
fita_outline_save_expanded (FitaOutline *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = fita_outline_get_state_path ();
  g_autofree char *folder = g_path_get_dirname (file);
  g_autofree char *group = NULL;
  const char *path;

  g_return_if_fail (FITA_IS_OUTLINE (self));

  path = self->plan != NULL ? fita_plan_get_path (self->plan) : NULL;
  if (path == NULL || self->tree == NULL)
    return;

  /* While searching, what was unfolded before the search. */
  if (is_filtering (self))
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->saved_expanded);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *)key));
    }
  else
    {
      g_autoptr(GArray) expanded = fita_item_tree_get_expanded (self->tree);

      for (guint i = 0; i < expanded->len; i++)
        g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (expanded, gint64, i)));
    }

  g_key_file_load_from_file (keyfile, file, G_KEY_FILE_KEEP_COMMENTS, NULL);

  /* Forget the files that are gone, so the list does not only grow. */
  {
    g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

    for (guint i = 0; groups[i] != NULL; i++)
      {
        g_autofree char *other = g_key_file_get_string (keyfile, groups[i], "path", NULL);

        if (other == NULL || !g_file_test (other, G_FILE_TEST_EXISTS))
          g_key_file_remove_group (keyfile, groups[i], NULL);
      }
  }

  group = state_group (path);
  g_key_file_set_string (keyfile, group, "path", path);
  g_key_file_set_string_list (keyfile, group, "expanded", (const char * const *)ids->pdata, ids->len);

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_key_file_save_to_file (keyfile, file, &error))
    g_warning ("Could not remember the unfolded items of %s in %s: %s",
               path, file, error != NULL ? error->message : g_strerror (errno));
}

/* The widget */

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

static gboolean
fita_outline_grab_focus (GtkWidget *widget)
{
  FitaOutline *self = (FitaOutline *)widget;

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
fita_outline_dispose (GObject *object)
{
  FitaOutline *self = (FitaOutline *)object;
  GtkWidget *child;

  if (self->plan != NULL)
    fita_outline_set_plan (self, NULL);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_OUTLINE);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->filter);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->status_ids, g_array_unref);
  g_clear_pointer (&self->agent_ids, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (fita_outline_parent_class)->dispose (object);
}

static void
fita_outline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FitaOutline *self = FITA_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;

    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, fita_outline_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_outline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FitaOutline *self = FITA_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_outline_set_plan (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      fita_outline_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_outline_class_init (FitaOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_outline_dispose;
  object_class->get_property = fita_outline_get_property;
  object_class->set_property = fita_outline_set_property;

  widget_class->grab_focus = fita_outline_grab_focus;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FitaOutline::edit-title:
   * @id: the item
   *
   * Asks for the item's title to be edited: after adding it, or on F2.
   */
  signals [EDIT_TITLE] =
    g_signal_new ("edit-title", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * FitaOutline::item-activated:
   * @id: the item
   *
   * A row was activated (double click, Enter).
   */
  signals [ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "outline");
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, list_view);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_label);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_status_button);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_agent_button);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_years_popover);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_start_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_end_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, context_menu_model);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_filter_changed_cb);

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
  gtk_widget_class_install_action (widget_class, "outline.bulk-status", "x", fita_outline_bulk_status_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-agent", "x", fita_outline_bulk_agent_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-years", "(xx)", fita_outline_bulk_years_action);
  gtk_widget_class_install_action (widget_class, "outline.bulk-apply-years", NULL, fita_outline_bulk_apply_years_action);
}

static void
fita_outline_init (FitaOutline *self)
{
  GtkEventController *keys;
  GtkEventController *folding;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->status_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->years = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);

  self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  set_factories (self->status_dropdown);
  set_factories (self->agent_dropdown);
  set_factories (self->year_dropdown);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_changed_cb), self);
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

  update_actions (self);
}

GtkWidget *
fita_outline_new (void)
{
  return g_object_new (FITA_TYPE_OUTLINE, NULL);
}

FitaPlan *
fita_outline_get_plan (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), NULL);

  return self->plan;
}

void
fita_outline_set_plan (FitaOutline *self,
                       FitaPlan    *plan)
{
  g_autoptr(GHashTable) expanded = NULL;
  const char *path;
  gboolean autoexpand;

  g_return_if_fail (FITA_IS_OUTLINE (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    {
      fita_outline_save_expanded (self);
      g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
    }

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->visible, g_hash_table_unref);
  g_clear_pointer (&self->saved_expanded, g_hash_table_unref);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->tree);
  g_set_object (&self->plan, plan);

  if (plan != NULL)
    {
      autoexpand = fita_plan_count (plan, FITA_TABLE_ITEM) <= AUTOEXPAND_LIMIT;
      self->tree = fita_item_tree_new (plan, autoexpand);
      self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fita_item_tree_get_model (self->tree))), NULL);
      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));

      path = fita_plan_get_path (plan);
      expanded = path != NULL ? load_expanded (path) : NULL;
      if (expanded != NULL)
        fita_item_tree_set_expanded (self->tree, expanded, -1);
      else if (!autoexpand)
        fita_item_tree_set_expanded (self->tree, NULL, 0);

      g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

      rebuild_filters (self);
      rebuild_bulk_menus (self);
    }

  self->updating_filters = TRUE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  update_empty_page (self);
  update_selection_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

GListModel *
fita_outline_get_model (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

FitaItemTree *
fita_outline_get_tree (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), NULL);

  return self->tree;
}

gint64
fita_outline_get_selected_id (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), 0);

  return self->selected_id;
}

guint
fita_outline_get_n_selected (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), 0);

  return self->n_selected;
}

gboolean
fita_outline_select_item (FitaOutline *self,
                          gint64       id)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  return select_item (self, id, TRUE, FALSE);
}

gboolean
fita_outline_add_to_selection (FitaOutline *self,
                               gint64       id)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  return select_item (self, id, FALSE, FALSE);
}

gboolean
fita_outline_drop_item (FitaOutline       *self,
                        gint64             id,
                        gint64             target_id,
                        FitaDropPosition   position,
                        GError           **error)
{
  FitaItem *item;
  FitaItem *target;

  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  item = lookup_item (self, id);
  target = lookup_item (self, target_id);
  if (item == NULL || target == NULL || item == target || position == FITA_DROP_NONE)
    return TRUE;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Move Item"));
  switch (position)
    {
    case FITA_DROP_BEFORE:
      fita_plan_move (self->plan, item, target->parent_id, target->position, NULL);
      break;

    case FITA_DROP_AFTER:
      fita_plan_move (self->plan, item, target->parent_id, target->position + 1, NULL);
      break;

    case FITA_DROP_INTO:
    case FITA_DROP_NONE:
    default:
      /* As with indenting: a leaf that gets children derives its progress. */
      if (target->progress_bp != FITA_NONE)
        fita_plan_set_int (self->plan, target, "progress", FITA_NONE, NULL);
      fita_plan_move (self->plan, item, target->rec.id, -1, NULL);
      break;
    }
  if (!fita_plan_end (self->plan, error))
    return FALSE;

  select_item (self, id, TRUE, FALSE);
  return TRUE;
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

  apply_search (self);
}

gboolean
fita_outline_is_match (FitaOutline *self,
                       gint64       id)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  return self->matches != NULL && g_hash_table_contains (self->matches, &id);
}
