/* fita-budget-page.c: the Budget page.
 *
 * The table is a GtkColumnView over a GtkTreeListModel of FitaBudgetRows
 * (item ids), expanded on demand; each row computes its roll-up once per
 * change of the plan, when a cell on screen first asks for it, so opening
 * a plan of 20 000 items costs the rows on screen, not the plan. The
 * totals row is a second column view of one row, below the first, with the
 * same column widths and the same horizontal scrolling.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"

G_DEFINE_FINAL_TYPE (FitaBudgetPage, fita_budget_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_PLAN, PROP_LAYOUT, N_PROPS };
static GParamSpec *properties[N_PROPS];

GType
fita_budget_layout_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FITA_BUDGET_BY_YEAR, "FITA_BUDGET_BY_YEAR", "by-year" },
        { FITA_BUDGET_BY_CHAPTER, "FITA_BUDGET_BY_CHAPTER", "by-chapter" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("FitaBudgetLayout", values));
    }
  return type;
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_free (column->name);
}

/* The model */

/* The ids of the expanded rows, to expand them again in a new model. */
static GHashTable *
expanded_ids (FitaBudgetPage *self)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);

      if (tree_row != NULL && gtk_tree_list_row_get_expanded (tree_row))
        {
          g_autoptr(FitaBudgetRow) row = gtk_tree_list_row_get_item (tree_row);
          gint64 id = fita_budget_row_get_item_id (row);

          g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
        }
    }
  return ids;
}

static gint64
selected_id (FitaBudgetPage *self)
{
  gpointer selected = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  g_autoptr(FitaBudgetRow) row = NULL;

  if (!GTK_IS_TREE_LIST_ROW (selected))
    return 0;
  row = gtk_tree_list_row_get_item (selected);
  return fita_budget_row_get_item_id (row);
}

/* Expands the rows in ids (and selects selected) as they appear. */
static void
restore_rows (FitaBudgetPage *self,
              GHashTable     *ids,
              gint64          selected)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(FitaBudgetRow) row = gtk_tree_list_row_get_item (tree_row);
      gint64 id = fita_budget_row_get_item_id (row);

      if (ids != NULL && g_hash_table_contains (ids, &id))
        gtk_tree_list_row_set_expanded (tree_row, TRUE);
      if (selected != 0 && id == selected)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

void
fita_budget_page_build_model (FitaBudgetPage *self,
             gboolean        keep_rows)
{
  g_autoptr(GHashTable) ids = keep_rows ? expanded_ids (self) : NULL;
  gint64 selected = keep_rows ? selected_id (self) : 0;
  GtkTreeListModel *tree;

  tree = gtk_tree_list_model_new (fita_budget_page_root_rows (self), FALSE, FALSE, fita_budget_page_create_children, self, NULL);
  g_set_object (&self->tree, tree);
  g_object_unref (tree);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  restore_rows (self, ids, selected);
  fita_budget_page_update_chart_scope (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  FitaBudgetPage *self = data;

  self->rebuild_idle = 0;
  if (self->rebuild_columns)
    {
      fita_budget_page_read_shape (self);
      fita_budget_page_build_filters (self);
      fita_budget_page_build_columns (self);
    }
  if (self->rebuild_model)
    fita_budget_page_build_model (self, TRUE);
  self->rebuild_columns = self->rebuild_model = FALSE;
  return G_SOURCE_REMOVE;
}

/* Rebuilds later: a change can come from a cell's own commit, which must
 * not see its column go away under it. */
static void
queue_rebuild (FitaBudgetPage *self,
               gboolean        model,
               gboolean        columns)
{
  self->rebuild_model |= model;
  self->rebuild_columns |= columns;
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_cb, self);
}

static void
on_plan_changed (FitaPlan       *plan,
                 FitaChanges    *changes,
                 FitaBudgetPage *self)
{
  FitaChangesEffects effects = fita_changes_get_effects (changes);
  gboolean budgets = (effects & FITA_CHANGES_ALTER_BUDGETS) != 0;
  /* the rows: the tree, and the levels it is cut at */
  gboolean model = (effects & (FITA_CHANGES_ALTER_TREE | FITA_CHANGES_ALTER_ITEM_LEVELS)) != 0;
  gboolean columns = fita_changes_touches (changes, FITA_TABLE_CHAPTER) ||
                     fita_changes_touches (changes, FITA_TABLE_LEVEL) ||
                     fita_changes_touches (changes, FITA_TABLE_PLAN);

  if (!columns && budgets)
    columns = fita_budget_page_shape_changed (self);
  if (model || columns)
    queue_rebuild (self, model, columns);
  /* the rows' caches see the new generation and compute again; the names
   * follow the items' codes and titles */
  if ((effects & (FITA_CHANGES_ALTER_BUDGETS | FITA_CHANGES_ALTER_ITEM_NAMES)) != 0)
    fita_budget_page_refresh_cells (self);
  fita_budget_page_update_chart_scope (self);
}

/* Unfolding */

static void
set_all_expanded (FitaBudgetPage *self,
                  gboolean        expanded)
{
  /* rows unfolded insert their children after them, which this walk then
   * meets and unfolds in turn; rows folded take theirs away */
  for (guint i = 0; self->tree != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);

      if (tree_row != NULL && gtk_tree_list_row_is_expandable (tree_row))
        gtk_tree_list_row_set_expanded (tree_row, expanded);
    }
}

static void
expand_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_all_expanded (FITA_BUDGET_PAGE (widget), TRUE);
}

static void
collapse_all_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_all_expanded (FITA_BUDGET_PAGE (widget), FALSE);
}

/* Timing the first frame */

static void
stop_timing (FitaBudgetPage *self)
{
  /* a clock disposed with its window has let go of its handlers already */
  if (self->clock != NULL && self->after_paint_id != 0 &&
      g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
}

static void
on_after_paint (GdkFrameClock  *clock,
                FitaBudgetPage *self)
{
  self->open_ms = (g_get_monotonic_time () - self->open_start) / 1000.0;
  stop_timing (self);
}

static void
time_first_frame (FitaBudgetPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  stop_timing (self);
  self->open_ms = -1;
  /* not on screen yet: the first frame comes when it is mapped */
  self->timing_pending = clock == NULL && self->plan != NULL;
  if (clock == NULL)
    return;
  self->clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fita_budget_page_map (GtkWidget *widget)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (widget);

  GTK_WIDGET_CLASS (fita_budget_page_parent_class)->map (widget);
  if (self->timing_pending)
    {
      gint64 start = self->open_start;

      time_first_frame (self);
      self->open_start = start;
    }
}

static void
ensure_style (FitaBudgetPage *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "fita-budget-page-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/cat/fita/Fita/fita-budget-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fita-budget-page-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* The totals view shows no header of its own: the table's is above. */
static void
hide_header (GtkColumnView *view)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  if (header != NULL && g_strcmp0 (gtk_widget_get_css_name (header), "header") == 0)
    gtk_widget_set_visible (header, FALSE);
}

/* GObject */

static void
fita_budget_page_dispose (GObject *object)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  stop_timing (self);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  if (self->table_view != NULL)
    {
      fita_budget_page_remove_columns (self->table_view);
      fita_budget_page_remove_columns (self->totals_view);
      gtk_column_view_set_model (self->table_view, NULL);
      gtk_column_view_set_model (self->totals_view, NULL);
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->totals);
  g_clear_object (&self->totals_row);
  g_clear_object (&self->plan);
  if (self->chart_view != NULL)
    g_signal_handlers_disconnect_by_data (self->chart_view, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_BUDGET_PAGE);

  G_OBJECT_CLASS (fita_budget_page_parent_class)->dispose (object);
}

static void
fita_budget_page_finalize (GObject *object)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  g_array_unref (self->columns);
  g_array_unref (self->chapter_ids);
  g_array_unref (self->year_choices);
  g_array_unref (self->chapter_choices);
  g_array_unref (self->level_choices);
  g_hash_table_unref (self->cells);
  g_hash_table_unref (self->names);
  g_free (self->columns_key);

  G_OBJECT_CLASS (fita_budget_page_parent_class)->finalize (object);
}

static void
fita_budget_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_budget_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_budget_page_set_plan (self, g_value_get_object (value));
      break;
    case PROP_LAYOUT:
      fita_budget_page_set_layout (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_budget_page_class_init (FitaBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_budget_page_dispose;
  object_class->finalize = fita_budget_page_finalize;
  object_class->get_property = fita_budget_page_get_property;
  object_class->set_property = fita_budget_page_set_property;

  widget_class->map = fita_budget_page_map;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL, FITA_TYPE_BUDGET_LAYOUT, FITA_BUDGET_BY_YEAR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FITA_TYPE_CHART_VIEW);
  g_type_ensure (FITA_TYPE_CHART_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chapter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, totals_scroller);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, table_view);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, totals_view);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_scope_label);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_data_button);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_table);

  gtk_widget_class_install_property_action (widget_class, "budget.layout", "layout");
  gtk_widget_class_install_action (widget_class, "budget.copy", NULL, fita_budget_page_copy_action);
  gtk_widget_class_install_action (widget_class, "budget.copy-chart", NULL, fita_budget_page_copy_chart_action);
  gtk_widget_class_install_action (widget_class, "budget.expand-all", NULL, expand_all_action);
  gtk_widget_class_install_action (widget_class, "budget.collapse-all", NULL, collapse_all_action);
  /* as GtkTreeView had it: * unfolds everything; / folds it back
   * (+ and - are taken: a cell types "-" as a negative amount) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_asterisk, GDK_SHIFT_MASK, "budget.expand-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_asterisk, 0, "budget.expand-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Multiply, 0, "budget.expand-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_slash, GDK_SHIFT_MASK, "budget.collapse-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_slash, 0, "budget.collapse-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Divide, 0, "budget.collapse-all", NULL);

  gtk_widget_class_set_css_name (widget_class, "budgetpage");
}

static void
fita_budget_page_init (FitaBudgetPage *self)
{
  g_autoptr(GtkStringList) charts = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect (self->plan_signals, "changed", G_CALLBACK (on_plan_changed), self);
  self->year_filter = FITA_NONE;
  self->chapter_filter = FITA_NONE;
  self->open_ms = -1;
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->chapter_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->year_choices = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->chapter_choices = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->level_choices = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->cells = g_hash_table_new (NULL, NULL);
  self->names = g_hash_table_new (NULL, NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (fita_budget_page_on_selection_changed), self);
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (self->selection));

  self->totals_row = fita_budget_row_new (0);
  self->totals = g_list_store_new (FITA_TYPE_BUDGET_ROW);
  g_list_store_append (self->totals, self->totals_row);
  {
    g_autoptr(GtkNoSelection) none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->totals)));
    gtk_column_view_set_model (self->totals_view, GTK_SELECTION_MODEL (none));
  }
  hide_header (self->totals_view);
  gtk_scrolled_window_set_hadjustment (self->totals_scroller,
                                       gtk_scrolled_window_get_hadjustment (self->table_scroller));

  charts = gtk_string_list_new (NULL);
  /* Translators: kinds of budget chart, in a dropdown */
  gtk_string_list_append (charts, _("Planned and Executed"));
  gtk_string_list_append (charts, _("Executed by Chapter, Stacked"));
  gtk_string_list_append (charts, _("Execution Rate of Each Line"));
  gtk_string_list_append (charts, _("Cumulative Execution"));
  gtk_string_list_append (charts, _("Share of Each Chapter"));
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (charts));

  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (fita_budget_page_on_year_selected), self);
  g_signal_connect_swapped (self->chapter_dropdown, "notify::selected", G_CALLBACK (fita_budget_page_on_chapter_selected), self);
  g_signal_connect_swapped (self->level_dropdown, "notify::selected", G_CALLBACK (fita_budget_page_on_level_selected), self);
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (fita_budget_page_on_chart_selected), self);
  g_signal_connect_swapped (self->chart_view, "changed", G_CALLBACK (fita_budget_page_refresh_chart_table), self);
  g_signal_connect_swapped (self->chart_data_button, "notify::active", G_CALLBACK (fita_budget_page_refresh_chart_table), self);
  /* a screen reader finds the chart's figures in the table below it */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->chart_view), GTK_ACCESSIBLE_RELATION_DETAILS,
                                  self->chart_table, NULL, -1);

  fita_budget_page_build_filters (self);
  fita_budget_page_update_chart_scope (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.expand-all", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.collapse-all", FALSE);
  ensure_style (self);
}

GtkWidget *
fita_budget_page_new (void)
{
  return g_object_new (FITA_TYPE_BUDGET_PAGE, NULL);
}

FitaPlan *
fita_budget_page_get_plan (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  return self->plan;
}

void
fita_budget_page_set_plan (FitaBudgetPage *self,
                           FitaPlan       *plan)
{
  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  self->open_start = g_get_monotonic_time ();
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  self->rebuild_model = self->rebuild_columns = FALSE;
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);

  /* a new plan starts unfiltered */
  self->year_filter = FITA_NONE;
  self->chapter_filter = FITA_NONE;
  self->level_filter = 0;
  /* the old rows' caches belong to the old plan */
  g_clear_object (&self->totals_row);
  self->totals_row = fita_budget_row_new (0);
  g_list_store_splice (self->totals, 0, 1, (gpointer *) &self->totals_row, 1);

  fita_chart_view_set_plan (self->chart_view, plan);
  g_clear_pointer (&self->columns_key, g_free);
  if (plan != NULL)
    fita_budget_page_read_shape (self);
  fita_budget_page_build_filters (self);
  fita_budget_page_build_columns (self);
  fita_budget_page_build_model (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy-chart", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.expand-all", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.collapse-all", plan != NULL);
  time_first_frame (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

FitaBudgetLayout
fita_budget_page_get_layout (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), FITA_BUDGET_BY_YEAR);

  return self->layout;
}

void
fita_budget_page_set_layout (FitaBudgetPage   *self,
                             FitaBudgetLayout  layout)
{
  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));

  if (self->layout == layout)
    return;
  self->layout = layout;
  fita_budget_page_build_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

void
fita_budget_page_reveal_item (FitaBudgetPage *self,
                              gint64          item_id)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (gint64));
  FitaItem *item;

  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));

  if (self->plan == NULL)
    return;
  /* the item and its ancestors, top first */
  for (item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, item_id);
       item != NULL;
       item = item->parent_id ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, item->parent_id) : NULL)
    g_array_prepend_val (path, item->rec.id);

  for (guint i = 0, depth = 0; depth < path->len && i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(FitaBudgetRow) row = gtk_tree_list_row_get_item (tree_row);
      gint64 id = fita_budget_row_get_item_id (row);

      if (self->level_filter != 0 ? id != item_id : id != g_array_index (path, gint64, depth))
        continue;
      if (id == item_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->table_view), "list.scroll-to-item", "u", i);
          return;
        }
      gtk_tree_list_row_set_expanded (tree_row, TRUE);
      depth++;
    }
}

GtkWidget *
fita_budget_page_find_cell (FitaBudgetPage    *self,
                            gint64             item_id,
                            FitaBudgetMeasure  measure,
                            gint64             year,
                            gint64             chapter_id)
{
  GHashTableIter iter;
  gpointer widget, list_item;
  int chapter;

  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  chapter = fita_budget_page_chapter_index (self, chapter_id);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &widget, &list_item))
    {
      FitaBudgetRow *row = fita_budget_page_row_of (list_item);
      guint index = fita_budget_cell_get_column (widget);
      const Column *column;

      if (row == NULL || fita_budget_row_get_item_id (row) != item_id || index >= self->columns->len)
        continue;
      column = &g_array_index (self->columns, Column, index);
      if (column->measure == measure && column->year == year && column->chapter == chapter)
        return widget;
    }
  return NULL;
}

GStrv
fita_budget_page_dup_titles (FitaBudgetPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    g_strv_builder_add (builder, g_array_index (self->columns, Column, c).name);
  return g_strv_builder_end (builder);
}

FitaChartView *
fita_budget_page_get_chart_view (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  return self->chart_view;
}

double
fita_budget_page_get_open_ms (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), -1);

  return self->open_ms;
}

