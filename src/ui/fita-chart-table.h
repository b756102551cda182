/* fita-chart-table.h: a chart's figures as a table (fita_chart_get_table()),
 * the same numbers the chart draws, for reading and for screen readers. */
#pragma once

#include <gtk/gtk.h>

#include "fita-chart.h"

G_BEGIN_DECLS

#define FITA_TYPE_CHART_TABLE (fita_chart_table_get_type ())
G_DECLARE_FINAL_TYPE (FitaChartTable, fita_chart_table, FITA, CHART_TABLE, GtkWidget)

GtkWidget *fita_chart_table_new       (void);
/* Shows chart's figures; NULL empties the table. */
void       fita_chart_table_set_chart (FitaChartTable *self,
                                       FitaChart      *chart);
/* What the table holds, as fita_chart_get_table_text() writes it: the
 * column titles, then the rows, tab-separated. */
char      *fita_chart_table_dup_text  (FitaChartTable *self);

G_END_DECLS
