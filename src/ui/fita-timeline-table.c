/* fita-timeline-table.c: a GtkColumnView over the timeline's rows model
 * (the outline's, as unfolded), a column per semester. The cells on
 * screen are the only widgets: a change in the plan re-reads those, and
 * the columns are made again only when the years covered change. */
#include "config.h"
#include "fita-timeline-table.h"
#include "fita-item-object.h"
#include "fita-timeline-edit.h"

#include <glib/gi18n.h>

struct _FitaTimelineTable
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkColumnView *view;
  GtkNoSelection *selection;

  FitaPlan *plan;
  GSignalGroup *plan_signals;   /* the plan's "changed", whichever plan it is */
  FitaTimeline *timeline;       /* the years the columns cover */
  GListModel *rows;
  FitaTimelineRowFunc row_func;
  gpointer row_data;
  GListStore *all_items;        /* of FitaItemObject: the rows without a model */
  int first_year, last_year;

  GPtrArray *cells;             /* the check buttons bound to a row */
  GPtrArray *names;             /* the labels of the first column bound to a row */
  gboolean syncing;
  gint64 selected;

  /* a cell to focus once its row, scrolled to, is made */
  gint64 pending_item;
  int pending_key;
  guint pending_tries;
  guint pending_tick;
};

enum { PROP_0, PROP_SELECTED, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FitaTimelineTable, fita_timeline_table, GTK_TYPE_WIDGET)

/* A semester as one number, kept on its column's factory and its cells. */
#define SEMESTER_KEY(year, half) ((year) * 2 + (half) - 1)
#define SEMESTER_YEAR(key) ((key) / 2)
#define SEMESTER_HALF(key) ((key) % 2 + 1)

static gint64
all_items_row_id (gpointer row, gpointer data)
{
  return fita_item_object_get_id (row);
}

static gint64
row_id (FitaTimelineTable *self, gpointer row)
{
  if (row == NULL)
    return 0;
  if (self->rows == NULL)
    return all_items_row_id (row, NULL);
  return self->row_func (row, self->row_data);
}

static FitaItem *
list_item_item (FitaTimelineTable *self, GtkListItem *list_item)
{
  gint64 id = self->plan ? row_id (self, gtk_list_item_get_item (list_item)) : 0;

  return id ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id) : NULL;
}

static guint
depth_of (FitaTimelineTable *self, FitaItem *item)
{
  guint depth = 0;

  while (item != NULL && item->parent_id != 0 && depth < 64)
    {
      item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, item->parent_id);
      depth++;
    }
  return depth;
}

static char *
item_name (FitaItem *item)
{
  if (item->code != NULL && *item->code != '\0')
    return g_strdup_printf ("%s %s", item->code, item->title ? item->title : "");
  return g_strdup (item->title ? item->title : "");
}

/* Cells */

static void
sync_cell (FitaTimelineTable *self, GtkWidget *check)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (check), "list-item");
  int key = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "semester"));
  int year = SEMESTER_YEAR (key), half = SEMESTER_HALF (key);
  FitaItem *item = list_item ? list_item_item (self, list_item) : NULL;
  g_autofree char *name = item ? item_name (item) : NULL;
  g_autofree char *label = NULL;

  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item && fita_semesters_contains (item->semesters, year, half));
  self->syncing = FALSE;
  gtk_widget_set_sensitive (check, fita_timeline_may_tick (self->plan, item));
  /* Translators: the accessible name of a check box of the timeline's
   * table: the item (code and title), the year and the half of the year,
   * "I.1.3 Compartir informes, 2018 1st semester" */
  label = g_strdup_printf (_("%s, %d %s"), name ? name : "", year, fita_timeline_semester_name (NULL, half));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
sync_name (FitaTimelineTable *self, GtkWidget *label)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (label), "list-item");
  FitaItem *item = list_item ? list_item_item (self, list_item) : NULL;
  g_autofree char *name = item ? item_name (item) : NULL;
  g_autofree char *described = item && self->timeline ? fita_timeline_describe_item (self->timeline, item) : NULL;
  guint depth = item ? depth_of (self, item) : 0;

  gtk_label_set_label (GTK_LABEL (label), name ? name : "");
  /* the outline's levels, as the canvas indents them */
  gtk_widget_set_margin_start (label, 6 + 16 * MIN (depth, 8));
  /* a parent's span is what is below it: read here, ticked below */
  gtk_widget_set_tooltip_text (label, described);
  if (depth == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  /* the item selected in the outline and on the canvas */
  if (item != NULL && item->rec.id == self->selected)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
}

static void
sync_names (FitaTimelineTable *self)
{
  for (guint i = 0; i < self->names->len; i++)
    sync_name (self, g_ptr_array_index (self->names, i));
}

static void
sync_all (FitaTimelineTable *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    sync_cell (self, g_ptr_array_index (self->cells, i));
  sync_names (self);
}

static void
on_cell_toggled (GtkCheckButton *check, FitaTimelineTable *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (check), "list-item");
  int key = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "semester"));
  FitaItem *item = list_item ? list_item_item (self, list_item) : NULL;

  if (self->syncing || item == NULL)
    return;
  if (fita_semesters_contains (item->semesters, SEMESTER_YEAR (key), SEMESTER_HALF (key)) ==
      gtk_check_button_get_active (check))
    return;
  /* the plan's "changed" ticks the box again, or leaves it as it was */
  if (!fita_timeline_may_tick (self->plan, item) ||
      !fita_timeline_tick (GTK_WIDGET (check), self->plan, item, SEMESTER_YEAR (key), SEMESTER_HALF (key)))
    sync_cell (self, GTK_WIDGET (check));
}

static void
on_cell_focused (GtkEventControllerFocus *controller, FitaTimelineTable *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "list-item");
  FitaItem *item = list_item ? list_item_item (self, list_item) : NULL;

  if (item != NULL && item->rec.id != self->selected)
    {
      self->selected = item->rec.id;
      sync_names (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, FitaTimelineTable *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (check), "semester", g_object_get_data (G_OBJECT (factory), "semester"));
  g_signal_connect (check, "toggled", G_CALLBACK (on_cell_toggled), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focused), self);
  gtk_widget_add_controller (check, focus);
  gtk_list_item_set_child (list_item, check);
  /* the check box takes the focus, not the cell around it */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, FitaTimelineTable *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (check), "list-item", list_item);
  g_ptr_array_add (self->cells, check);
  sync_cell (self, check);
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, FitaTimelineTable *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (check), "list-item", NULL);
  g_ptr_array_remove_fast (self->cells, check);
}

static void
setup_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, FitaTimelineTable *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_list_item_set_child (list_item, label);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
bind_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, FitaTimelineTable *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (label), "list-item", list_item);
  g_ptr_array_add (self->names, label);
  sync_name (self, label);
}

static void
unbind_name (GtkSignalListItemFactory *factory, GtkListItem *list_item, FitaTimelineTable *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (label), "list-item", NULL);
  g_ptr_array_remove_fast (self->names, label);
}

/* Columns */

static GtkColumnViewColumn *
new_column (FitaTimelineTable *self, const char *title, int key,
            GCallback setup, GCallback bind, GCallback unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "semester", GINT_TO_POINTER (key));
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", unbind, self);
  return gtk_column_view_column_new (title, factory);
}

static void
make_columns (FitaTimelineTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  int first = 0, last = -1;

  if (self->timeline != NULL)
    fita_timeline_get_years (self->timeline, &first, &last);
  if (first == self->first_year && last == self->last_year && g_list_model_get_n_items (columns) > 0)
    return;
  self->first_year = first;
  self->last_year = last;
  while (g_list_model_get_n_items (columns) > 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 1);
      gtk_column_view_remove_column (self->view, column);
    }
  if (g_list_model_get_n_items (columns) == 0)
    {
      /* Translators: the heading of the timeline table's first column: the items of the plan */
      g_autoptr(GtkColumnViewColumn) column = new_column (self, _("Item"), 0, G_CALLBACK (setup_name),
                                                          G_CALLBACK (bind_name), G_CALLBACK (unbind_name));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
  for (int year = first; year <= last; year++)
    for (int half = 1; half <= 2; half++)
      {
        /* Translators: the short heading of a semester's column in the
         * timeline table, "2018 / 1": the year and the half of the year
         * (each check box below names the semester in full) */
        g_autofree char *title = g_strdup_printf (C_("timeline table", "%d / %d"), year, half);
        g_autoptr(GtkColumnViewColumn) column = new_column (self, title, SEMESTER_KEY (year, half),
                                                            G_CALLBACK (setup_cell), G_CALLBACK (bind_cell),
                                                            G_CALLBACK (unbind_cell));
        gtk_column_view_append_column (self->view, column);
      }
}

/* Rows */

static GListModel *
shown_rows (FitaTimelineTable *self)
{
  return self->rows ? self->rows : G_LIST_MODEL (self->all_items);
}

/* The timeline's rows, for the years they cover. */
static void
rebuild_rows (FitaTimelineTable *self)
{
  g_autoptr(GPtrArray) items = NULL;

  if (self->timeline == NULL)
    return;
  items = fita_timeline_rows_to_items (self->plan, self->rows, self->row_func, self->row_data);
  fita_timeline_set_rows (self->timeline, items);
  make_columns (self);
}

/* Without the outline's model: every item, in the plan's order. */
static void
fill_all_items (FitaTimelineTable *self)
{
  g_autoptr(GPtrArray) objects = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (self->rows != NULL || self->plan == NULL)
    {
      g_list_store_remove_all (self->all_items);
      return;
    }
  items = fita_plan_items_preorder (self->plan, NULL);
  objects = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (objects, fita_item_object_new (self->plan, ((FitaItem *) g_ptr_array_index (items, i))->rec.id));
  g_list_store_splice (self->all_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all_items)),
                       objects->pdata, objects->len);
}

static void
on_plan_changed (FitaPlan *plan, FitaChanges *changes, FitaTimelineTable *self)
{
  /* the plan's period widens or narrows the years, as items do */
  if (!fita_changes_touches (changes, FITA_TABLE_ITEM) &&
      !(fita_changes_get_effects (changes) & FITA_CHANGES_ALTER_PERIOD))
    return;
  /* the outline's rows follow the tree on their own; these, when there
   * is something to follow */
  if (self->rows == NULL && (fita_changes_get_effects (changes) & FITA_CHANGES_ALTER_TREE))
    fill_all_items (self);
  /* the years may have grown or shrunk; the cells on screen are re-read */
  rebuild_rows (self);
  sync_all (self);
}

static void
on_rows_changed (GListModel *model, guint position, guint removed, guint added, FitaTimelineTable *self)
{
  rebuild_rows (self);
}

void
fita_timeline_table_set_plan (FitaTimelineTable *self, FitaPlan *plan)
{
  g_return_if_fail (FITA_IS_TIMELINE_TABLE (self));

  if (self->plan == plan)
    return;
  g_clear_pointer (&self->timeline, fita_timeline_free);
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  self->selected = 0;
  if (plan != NULL)
    self->timeline = fita_timeline_new (plan, NULL);
  fill_all_items (self);
  rebuild_rows (self);
  sync_all (self);
}

FitaPlan *
fita_timeline_table_get_plan (FitaTimelineTable *self)
{
  g_return_val_if_fail (FITA_IS_TIMELINE_TABLE (self), NULL);

  return self->plan;
}

void
fita_timeline_table_set_rows (FitaTimelineTable *self, GListModel *rows, FitaTimelineRowFunc func, gpointer data)
{
  g_return_if_fail (FITA_IS_TIMELINE_TABLE (self));

  if (self->rows)
    g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);
  g_set_object (&self->rows, rows);
  self->row_func = func;
  self->row_data = data;
  if (rows)
    g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_changed), self);
  fill_all_items (self);
  gtk_no_selection_set_model (self->selection, shown_rows (self));
  rebuild_rows (self);
}

/* Selection and focus */

static void focus_later (FitaTimelineTable *self, gint64 item_id, int key);

static GtkWidget *
find_cell (FitaTimelineTable *self, gint64 item_id, int key)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->cells, i);
      GtkListItem *list_item = g_object_get_data (G_OBJECT (check), "list-item");

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "semester")) == key &&
          list_item != NULL && row_id (self, gtk_list_item_get_item (list_item)) == item_id)
        return check;
    }
  return NULL;
}

GtkWidget *
fita_timeline_table_get_cell (FitaTimelineTable *self, gint64 item_id, int year, int half)
{
  g_return_val_if_fail (FITA_IS_TIMELINE_TABLE (self), NULL);

  return find_cell (self, item_id, SEMESTER_KEY (year, half));
}

static guint
position_of (FitaTimelineTable *self, gint64 item_id, gboolean *found)
{
  GListModel *rows = shown_rows (self);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      if (row_id (self, row) == item_id)
        {
          *found = TRUE;
          return i;
        }
    }
  *found = FALSE;
  return 0;
}

/* GtkColumnView keeps its rows in a GtkListView of its own, which scrolls. */
static GtkWidget *
rows_list (FitaTimelineTable *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
scroll_to_position (FitaTimelineTable *self, guint position)
{
  GtkWidget *list = rows_list (self);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

gint64
fita_timeline_table_get_selected (FitaTimelineTable *self)
{
  g_return_val_if_fail (FITA_IS_TIMELINE_TABLE (self), 0);

  return self->selected;
}

void
fita_timeline_table_set_selected (FitaTimelineTable *self, gint64 item_id)
{
  gboolean found;
  guint position;

  g_return_if_fail (FITA_IS_TIMELINE_TABLE (self));

  if (self->selected == item_id)
    return;
  self->selected = item_id;
  sync_names (self);
  position = item_id ? position_of (self, item_id, &found) : 0;
  if (item_id != 0 && found && gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_position (self, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
fita_timeline_table_focus_cell (FitaTimelineTable *self)
{
  GListModel *rows = shown_rows (self);
  gboolean found = FALSE;
  guint position;
  g_autoptr(GObject) row = NULL;

  g_return_val_if_fail (FITA_IS_TIMELINE_TABLE (self), FALSE);

  position = self->selected ? position_of (self, self->selected, &found) : 0;
  if (g_list_model_get_n_items (rows) == 0 || self->last_year < self->first_year)
    return FALSE;
  row = g_list_model_get_item (rows, position);
  scroll_to_position (self, position);
  /* once laid out: the cells made before may stand for other rows then */
  focus_later (self, row_id (self, row), SEMESTER_KEY (self->first_year, 1));
  return TRUE;
}

static gboolean
pending_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  FitaTimelineTable *self = FITA_TIMELINE_TABLE (widget);
  GtkWidget *target;

  /* not before a layout has placed the rows */
  if (self->pending_tries++ == 0)
    return G_SOURCE_CONTINUE;
  target = find_cell (self, self->pending_item, self->pending_key);
  if (target == NULL && self->pending_tries < 10)
    return G_SOURCE_CONTINUE;
  if (target != NULL)
    gtk_widget_grab_focus (target);
  self->pending_tick = 0;
  return G_SOURCE_REMOVE;
}

/* The row scrolled to is made at the next layout: a few frames at most. */
static void
focus_later (FitaTimelineTable *self, gint64 item_id, int key)
{
  self->pending_item = item_id;
  self->pending_key = key;
  self->pending_tries = 0;
  if (self->pending_tick == 0)
    self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), pending_tick_cb, NULL, NULL);
}

/* Keyboard: the arrows move between cells, a row or a column at a time
 * (GtkColumnView's own arrows move between rows, losing the column). */
static gboolean
move_focus (FitaTimelineTable *self, int dx, int dy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkListItem *list_item;
  GtkWidget *target;
  GListModel *rows = shown_rows (self);
  g_autoptr(GObject) row = NULL;
  int key, n_keys = (self->last_year - self->first_year + 1) * 2;
  guint position;
  gint64 position_to;

  while (focus != NULL && !GTK_IS_CHECK_BUTTON (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || (list_item = g_object_get_data (G_OBJECT (focus), "list-item")) == NULL)
    return FALSE;
  key = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "semester")) + dx;
  position = gtk_list_item_get_position (list_item);
  position_to = (gint64) position + dy;
  if (key < SEMESTER_KEY (self->first_year, 1) || key >= SEMESTER_KEY (self->first_year, 1) + n_keys ||
      position_to < 0 || position_to >= g_list_model_get_n_items (rows))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  row = g_list_model_get_item (rows, position_to);
  scroll_to_position (self, position_to);
  target = find_cell (self, row_id (self, row), key);
  if (target != NULL)
    gtk_widget_grab_focus (target);
  else
    focus_later (self, row_id (self, row), key);
  return TRUE;
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (!move_focus (FITA_TIMELINE_TABLE (widget), dx, dy))
    gtk_widget_error_bell (widget);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                FitaTimelineTable *self)
{
  int dx = 0, dy = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = 1;
      break;
    default:
      return FALSE;
    }
  return move_focus (self, dx, dy);
}

/* GObject */

static void
fita_timeline_table_dispose (GObject *object)
{
  FitaTimelineTable *self = FITA_TIMELINE_TABLE (object);

  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  /* the plan first: without it, no rows are made for the last moment */
  fita_timeline_table_set_plan (self, NULL);
  fita_timeline_table_set_rows (self, NULL, NULL, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->view = NULL;
  g_clear_object (&self->plan_signals);
  G_OBJECT_CLASS (fita_timeline_table_parent_class)->dispose (object);
}

static void
fita_timeline_table_finalize (GObject *object)
{
  FitaTimelineTable *self = FITA_TIMELINE_TABLE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->all_items);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  G_OBJECT_CLASS (fita_timeline_table_parent_class)->finalize (object);
}

static void
fita_timeline_table_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaTimelineTable *self = FITA_TIMELINE_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int64 (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_timeline_table_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaTimelineTable *self = FITA_TIMELINE_TABLE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      fita_timeline_table_set_selected (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_timeline_table_class_init (FitaTimelineTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_timeline_table_dispose;
  object_class->finalize = fita_timeline_table_finalize;
  object_class->get_property = fita_timeline_table_get_property;
  object_class->set_property = fita_timeline_table_set_property;

  properties[PROP_SELECTED] = g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the arrow keys, as the key controller below reads them */
  gtk_widget_class_install_action (widget_class, "timeline-table.move", "(ii)", move_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinetable");
}

static void
fita_timeline_table_init (FitaTimelineTable *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cells = g_ptr_array_new ();
  self->names = g_ptr_array_new ();
  self->all_items = g_list_store_new (FITA_TYPE_ITEM_OBJECT);
  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect (self->plan_signals, "changed", G_CALLBACK (on_plan_changed), self);

  self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->all_items)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the timeline as a table */
                                  _("Timeline as a table: items and their semesters"), -1);
  /* before the column view's own arrows, which move between rows */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), keys);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  make_columns (self);
}

GtkWidget *
fita_timeline_table_new (void)
{
  return g_object_new (FITA_TYPE_TIMELINE_TABLE, NULL);
}
