/* fita-chart-table.c: a GtkColumnView of a chart's table, a column per
 * heading, rebuilt when the chart changes (its columns depend on it: the
 * stacked chart has one per chapter). */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-chart-table.h"

struct _FitaChartTable
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkColumnView *view;
  GListStore    *rows;          /* of GtkStringList: a row's cells */
};

G_DEFINE_FINAL_TYPE (FitaChartTable, fita_chart_table, GTK_TYPE_WIDGET)

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* names left, figures right, as in the Budget table */
  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (column) == 0 ? 0 : 1);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  const char *text = gtk_string_list_get_string (row, GPOINTER_TO_UINT (column));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

static void
remove_columns (FitaChartTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->view, column);
    }
}

void
fita_chart_table_set_chart (FitaChartTable *self, FitaChart *chart)
{
  g_autoptr(GPtrArray) table = NULL;
  char **headings;

  g_return_if_fail (FITA_IS_CHART_TABLE (self));

  g_list_store_remove_all (self->rows);
  remove_columns (self);
  if (chart == NULL)
    return;
  table = fita_chart_get_table (chart);
  if (table->len == 0)
    return;
  headings = g_ptr_array_index (table, 0);
  for (guint c = 0; headings[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (headings[c], factory);
      gtk_column_view_column_set_expand (column, c == 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
    }
  for (guint r = 1; r < table->len; r++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *) g_ptr_array_index (table, r));
      g_list_store_append (self->rows, row);
    }
}

char *
fita_chart_table_dup_text (FitaChartTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  guint n_columns = g_list_model_get_n_items (columns);
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (FITA_IS_CHART_TABLE (self), NULL);

  if (n_columns == 0)
    return g_string_free (text, FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", gtk_column_view_column_get_title (column));
    }
  g_string_append_c (text, '\n');
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); r++)
    {
      g_autoptr(GtkStringList) row = g_list_model_get_item (G_LIST_MODEL (self->rows), r);
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (text, "%s%s", c > 0 ? "\t" : "", gtk_string_list_get_string (row, c));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
fita_chart_table_dispose (GObject *object)
{
  FitaChartTable *self = FITA_CHART_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->view = NULL;
  G_OBJECT_CLASS (fita_chart_table_parent_class)->dispose (object);
}

static void
fita_chart_table_finalize (GObject *object)
{
  g_clear_object (&FITA_CHART_TABLE (object)->rows);
  G_OBJECT_CLASS (fita_chart_table_parent_class)->finalize (object);
}

static void
fita_chart_table_class_init (FitaChartTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_chart_table_dispose;
  object_class->finalize = fita_chart_table_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "charttable");
}

static void
fita_chart_table_init (FitaChartTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the table under a chart */
                                  _("Figures of the chart"), -1);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  /* beside the chart: as wide as the figures (within reason), as tall as the chart */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (self->scroller), 620);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
fita_chart_table_new (void)
{
  return g_object_new (FITA_TYPE_CHART_TABLE, NULL);
}
