#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fita-change-error.h"
#include "fita-outline-private.h"

/* Plans with more items than this open with only their top level unfolded:
 * unfolding everything would make a row object for each item. */
#define AUTOEXPAND_LIMIT 1000

G_DEFINE_FINAL_TYPE (FitaOutline, fita_outline, GTK_TYPE_WIDGET)


enum {
  EDIT_TITLE,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];


/* Looking things up */

FitaItem *
_fita_outline_lookup_item (FitaOutline *self,
             gint64       id)
{
  if (self->plan == NULL || id <= 0)
    return NULL;

  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id);
}

gint64
_fita_outline_row_item_id (GtkTreeListRow *row)
{
  g_autoptr(FitaItemObject) object = gtk_tree_list_row_get_item (row);

  return fita_item_object_get_id (object);
}

static gint64
id_at (FitaOutline *self,
       guint        position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  return row != NULL ? _fita_outline_row_item_id (row) : 0;
}

/* Whether items may be added, moved, renamed…: not in a read-only plan,
 * nor by a service, which follows up the items of a shared plan without
 * changing what the plan is (FITA_ACCESS_FOLLOW_UP). */
gboolean
_fita_outline_is_editable (FitaOutline *self)
{
  return self->plan != NULL && !fita_plan_is_read_only (self->plan) &&
         fita_plan_get_access (self->plan) == FITA_ACCESS_ALL;
}

gboolean
_fita_outline_is_filtering (FitaOutline *self)
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

  if (!_fita_outline_is_filtering (self))
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

GHashTable *
_fita_outline_id_set_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
_fita_outline_id_set_add (GHashTable *set,
            gint64      id)
{
  if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

gboolean
_fita_outline_list_has_focus (FitaOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL &&
         (focus == GTK_WIDGET (self->list_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));
}

/* Telling the person */

void
_fita_outline_show_toast (FitaOutline *self,
            AdwToast    *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

void
_fita_outline_report_error (FitaOutline  *self,
              const GError *error)
{
  AdwToast *toast;

  if (fita_change_error_show (GTK_WIDGET (self), self->plan, error, NULL))
    return;
  toast = adw_toast_new (error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _fita_outline_show_toast (self, toast);
}

/* Rows */

static GtkWidget *
find_row_below (GtkWidget *widget,
                gint64     id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (FITA_IS_ITEM_ROW (child))
        {
          FitaItemObject *object = fita_item_row_get_item (FITA_ITEM_ROW (child));

          if (object != NULL && fita_item_object_get_id (object) == id && gtk_widget_get_mapped (child))
            return child;
          continue;
        }

      if ((found = find_row_below (child, id)))
        return found;
    }

  return NULL;
}

GtkWidget *
_fita_outline_find_row (FitaOutline *self,
                        gint64       id)
{
  return id != 0 ? find_row_below (GTK_WIDGET (self->list_view), id) : NULL;
}

void
_fita_outline_update_empty_page (FitaOutline *self)
{
  gboolean no_items = self->plan != NULL && fita_plan_count (self->plan, FITA_TABLE_ITEM) == 0;
  gboolean no_matches = _fita_outline_is_filtering (self) &&
                        g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  if (no_items)
    {
      adw_status_page_set_title (self->empty_page, _("No Items"));
      adw_status_page_set_description (self->empty_page,
                                       _fita_outline_is_editable (self)
                                       ? _("Add the plan’s first item with the + button below")
                                       : _("This plan has no items yet"));
    }
  else if (no_matches)
    {
      FitaComparison *comparison = fita_item_tree_get_comparison (self->tree);
      FitaCompareFilter change = _fita_outline_chosen_change (self);

      adw_status_page_set_title (self->empty_page, _("No Matching Items"));
      if ((change == FITA_COMPARE_CHANGED || change == FITA_COMPARE_NO_UPDATE) && comparison != NULL &&
          !fita_comparison_has_previous (comparison))
        {
          gint64 year = fita_comparison_get_year (comparison);
          g_autofree char *why = NULL;

          /* Translators: the outline filtered by "Changed this year" or
           * "No update this year" when the year before was not closed;
           * %d are years */
          why = g_strdup_printf (_("%d was not closed, so there is nothing to compare %d with. Close a year to follow its changes."),
                                 (int) year - 1, (int) year);
          adw_status_page_set_description (self->empty_page, why);
        }
      else
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
  g_autoptr(GHashTable) now = _fita_outline_id_set_new ();

  for (guint i = 0; i < after->len; i++)
    _fita_outline_id_set_add (now, g_array_index (after, gint64, i));

  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId table;
      FitaChangeKind kind;
      gint64 id;

      fita_changes_get (changes, i, &table, &id, &kind, NULL);
      if (table == FITA_TABLE_ITEM && kind == FITA_CHANGE_INSERTED && _fita_outline_lookup_item (self, id) != NULL)
        {
          g_array_append_val (keep, id);
          break;
        }
    }

  if (keep->len == 0)
    for (guint i = 0; i < before->len; i++)
      {
        gint64 id = g_array_index (before, gint64, i);

        if (_fita_outline_lookup_item (self, id) != NULL)
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

void
_fita_outline_scroll_to (FitaOutline *self,
           guint        position,
           gboolean     focus)
{
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  /* The list keeps the keyboard focus on the row it scrolled to. */
  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

gboolean
_fita_outline_select_item (FitaOutline *self,
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
  _fita_outline_scroll_to (self, position, focus);
  return TRUE;
}


void
_fita_outline_notify (FitaOutline *self,
                      guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

void
_fita_outline_emit_edit_title (FitaOutline *self,
                               gint64       id)
{
  g_signal_emit (self, signals [EDIT_TITLE], 0, id);
}

void
_fita_outline_update_selection_state (FitaOutline *self)
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

  gtk_revealer_set_reveal_child (self->bulk_bar, n >= 2 && _fita_outline_is_editable (self));
  _fita_outline_update_actions (self);
}


/* A secondary click on a row (see fita-outline-row.ui). */
static void
fita_outline_row_pressed_cb (GtkGestureClick *gesture,
                             int              n_press,
                             double           x,
                             double           y,
                             GtkListItem     *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *outline = gtk_widget_get_ancestor (widget, FITA_TYPE_OUTLINE);
  FitaOutline *self = outline != NULL ? FITA_OUTLINE (outline) : NULL;
  guint position = gtk_list_item_get_position (list_item);
  double outline_x, outline_y;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self == NULL || position == GTK_INVALID_LIST_POSITION || self->selection == NULL)
    return;

  /* The menu is about the row clicked: it joins the selection if it was
   * not in it already. */
  if (!gtk_list_item_get_selected (list_item))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  if (gtk_widget_translate_coordinates (widget, outline, x, y, &outline_x, &outline_y))
    _fita_outline_popup_context_menu (self, outline_x, outline_y);
}

/* Rows are made from a template that binds them to their tree row and its
 * item; what they show follows the item's properties, whether the search
 * found it included. */
static GtkListItemFactory *
row_factory_new (void)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "fita_outline_row_pressed_cb", G_CALLBACK (fita_outline_row_pressed_cb),
                                           NULL);
  _fita_outline_add_dnd_callbacks (GTK_BUILDER_CSCOPE (scope));

  return gtk_builder_list_item_factory_new_from_resource (scope, "/cat/fita/Fita/fita-outline-row.ui");
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

  g_signal_emit (self, signals [ITEM_ACTIVATED], 0, _fita_outline_row_item_id (row));
}


/* Following the plan */

static void
plan_changed_cb (FitaOutline       *self,
                 const FitaChanges *changes,
                 FitaPlan          *plan)
{
  g_autoptr(GArray) before = fita_outline_get_selected_ids (self);
  FitaChangesEffects effects = fita_changes_get_effects (changes);

  /* The tree first, in this handler: what follows reads its rows, and
   * no other handler of "changed" is relied on to have run. */
  self->frozen++;
  fita_item_tree_apply_changes (self->tree, changes);
  /* The filters and bulk menus list statuses, agents and the years. */
  if ((effects & (FITA_CHANGES_ALTER_ITEM_LABELS | FITA_CHANGES_ALTER_PERIOD)) != 0)
    {
      _fita_outline_rebuild_filters (self);
      _fita_outline_rebuild_bulk_menus (self);
    }
  self->frozen--;

  /* The search follows the plan too: an edit may make an item match. */
  if (_fita_outline_is_filtering (self))
    _fita_outline_apply_search (self);

  self->frozen++;
  restore_selection (self, before, changes);
  self->frozen--;

  _fita_outline_update_empty_page (self);
  _fita_outline_update_selection_state (self);
}

static void
selection_changed_cb (FitaOutline *self)
{
  _fita_outline_update_selection_state (self);
}

/* The widget */

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
  g_clear_object (&self->plan_signals);
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

    case PROP_YEAR:
      g_value_set_int64 (value, self->year);
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

    case PROP_YEAR:
      fita_outline_set_year (self, g_value_get_int64 (value));
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

  /* The year shown (the window's year selector): the rows' badges say
   * what changed in it since the year before was closed. 0: the plan's
   * default year. */
  properties [PROP_YEAR] =
    g_param_spec_int64 ("year", NULL, NULL,
                        0, FITA_MAX_YEAR, 0,
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
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_years_button);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, more_button);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_years_popover);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_start_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, bulk_end_spin);
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, context_menu_model);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_activate_cb);

  _fita_outline_class_actions_init (widget_class);
  _fita_outline_class_search_init (widget_class);

  /* For the row template's builder. */
  g_type_ensure (FITA_TYPE_ITEM_ROW);
  g_type_ensure (FITA_TYPE_ITEM_OBJECT);
}

static void
fita_outline_init (FitaOutline *self)
{
  g_autoptr(GtkListItemFactory) factory = row_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_view_set_factory (self->list_view, factory);

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (plan_changed_cb), self);
  self->status_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->agent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->years = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->context_menu = gtk_popover_menu_new_from_model (self->context_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  _fita_outline_search_init (self);
  _fita_outline_actions_init (self);

  _fita_outline_update_actions (self);
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

  g_signal_group_set_target (self->plan_signals, NULL);
  if (self->plan != NULL)
    fita_outline_save_expanded (self);

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
      fita_item_tree_set_year (self->tree, self->year);
      self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (fita_item_tree_get_model (self->tree))), NULL);
      self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));

      path = fita_plan_get_path (plan);
      expanded = path != NULL ? _fita_outline_load_expanded (path) : NULL;
      if (expanded != NULL)
        fita_item_tree_set_expanded (self->tree, expanded, -1);
      else if (!autoexpand)
        fita_item_tree_set_expanded (self->tree, NULL, 0);

      g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

      _fita_outline_rebuild_filters (self);
      _fita_outline_rebuild_bulk_menus (self);
      g_signal_group_set_target (self->plan_signals, plan);
    }

  self->updating_filters = TRUE;
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  _fita_outline_update_empty_page (self);
  _fita_outline_update_selection_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

gint64
fita_outline_get_year (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), 0);

  return self->year;
}

void
fita_outline_set_year (FitaOutline *self,
                       gint64       year)
{
  g_return_if_fail (FITA_IS_OUTLINE (self));

  if (year == FITA_NONE)
    year = 0;
  if (self->year == year)
    return;

  self->year = year;
  if (self->tree != NULL)
    {
      fita_item_tree_set_year (self->tree, year);
      /* what the change filter shows is the year's */
      if (_fita_outline_is_filtering (self))
        _fita_outline_apply_search (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
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

  return _fita_outline_select_item (self, id, TRUE, FALSE);
}

gboolean
fita_outline_add_to_selection (FitaOutline *self,
                               gint64       id)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  return _fita_outline_select_item (self, id, FALSE, FALSE);
}

