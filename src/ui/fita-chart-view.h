/* fita-chart-view.h: a budget chart on screen: the core's drawing routine
 * (the same the reports and the exports use) in the widget's colours, with
 * the exact amounts under the pointer in a tooltip, and what it shows in
 * words (fita_chart_get_summary()) as its accessible description. Emits
 * "changed" when its chart is to be made again (another chart, or other
 * figures). */
#pragma once

#include <gtk/gtk.h>

#include "fita-chart.h"
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_CHART_VIEW (fita_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (FitaChartView, fita_chart_view, FITA, CHART_VIEW, GtkWidget)

GtkWidget     *fita_chart_view_new          (void);
FitaPlan      *fita_chart_view_get_plan     (FitaChartView *self);
void           fita_chart_view_set_plan     (FitaChartView *self,
                                             FitaPlan      *plan);
FitaChartKind  fita_chart_view_get_kind     (FitaChartView *self);
void           fita_chart_view_set_kind     (FitaChartView *self,
                                             FitaChartKind  kind);
/* The item the chart is about; 0: the whole plan. */
gint64         fita_chart_view_get_item_id  (FitaChartView *self);
void           fita_chart_view_set_item_id  (FitaChartView *self,
                                             gint64         item_id);
/* One year, or FITA_NONE for every year. */
gint64         fita_chart_view_get_year     (FitaChartView *self);
void           fita_chart_view_set_year     (FitaChartView *self,
                                             gint64         year);
/* The chart as it is now (made if needed); NULL without a plan. */
FitaChart     *fita_chart_view_get_chart    (FitaChartView *self);
/* What the tooltip says at (x, y), in widget coordinates. */
char          *fita_chart_view_describe_at  (FitaChartView *self,
                                             double         x,
                                             double         y);
/* How long the last drawing took, in milliseconds. */
double         fita_chart_view_get_draw_ms  (FitaChartView *self);

G_END_DECLS
