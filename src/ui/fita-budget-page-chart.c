/* fita-budget-page-chart.c: the chart side of the Budget page: what the
 * chart shows, its figures as a table, and copying them. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"

void
fita_budget_page_update_chart_scope (FitaBudgetPage *self)
{
  FitaBudgetRow *row = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  g_autofree char *label = NULL;

  if (GTK_IS_TREE_LIST_ROW (row))
    {
      row = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row));
      g_object_unref (row);
    }
  if (self->plan != NULL && row != NULL && fita_budget_row_get_item (row, self->plan) == NULL)
    row = NULL;
  fita_chart_view_set_item_id (self->chart_view, row ? fita_budget_row_get_item_id (row) : 0);
  fita_chart_view_set_year (self->chart_view, self->year_filter);
  label = row && self->plan ? fita_budget_page_row_label (self, row) : g_strdup (_("Whole plan"));
  gtk_label_set_label (self->chart_scope_label, label);
}

void
fita_budget_page_on_selection_changed (FitaBudgetPage *self)
{
  fita_budget_page_update_chart_scope (self);
}

void
fita_budget_page_on_chart_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chart_dropdown);

  if (selected < FITA_N_CHARTS)
    fita_chart_view_set_kind (self->chart_view, selected);
}

/* The table follows the chart while it is shown; hidden, it is left empty. */
void
fita_budget_page_refresh_chart_table (FitaBudgetPage *self)
{
  gboolean shown = gtk_toggle_button_get_active (self->chart_data_button);

  fita_chart_table_set_chart (self->chart_table, shown ? fita_chart_view_get_chart (self->chart_view) : NULL);
}

void
fita_budget_page_copy_chart_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (widget);
  FitaChart *chart = fita_chart_view_get_chart (self->chart_view);
  g_autofree char *text = NULL;
  GtkWidget *overlay;

  if (chart == NULL)
    return;
  text = fita_chart_get_table_text (chart);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Chart figures copied, ready to paste into a spreadsheet")));
}

GtkToggleButton *
fita_budget_page_get_chart_data_button (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);
  return self->chart_data_button;
}

GtkWidget *
fita_budget_page_get_chart_table (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);
  return GTK_WIDGET (self->chart_table);
}
