/* fita-budget-page-chart.c: the chart side of the Budget page: what the chart shows. */
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
