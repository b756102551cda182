/* fita-timeline-view.h: the timeline page's canvas: the core's timeline
 * routine drawn for the visible viewport only, with selection, zoom,
 * tooltips, and editing by dragging bars and ticking semester cells. */
#pragma once

#include <gtk/gtk.h>
#include "fita-plan.h"
#include "fita-timeline.h"

G_BEGIN_DECLS

/* The item id a row object of the rows model stands for. */
typedef gint64 (*FitaTimelineRowFunc) (gpointer row, gpointer user_data);

/* The items rows stand for, in order, for fita_timeline_set_rows(): looked
 * up now, so that a deleted item is simply not there; NULL for NULL rows. */
GPtrArray *fita_timeline_rows_to_items (FitaPlan            *plan,
                                        GListModel          *rows,
                                        FitaTimelineRowFunc  func,
                                        gpointer             user_data);

#define FITA_TYPE_TIMELINE_VIEW (fita_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (FitaTimelineView, fita_timeline_view, FITA, TIMELINE_VIEW, GtkWidget)

GtkWidget *fita_timeline_view_new          (void);
void       fita_timeline_view_set_plan     (FitaTimelineView    *self,
                                            FitaPlan            *plan);
FitaPlan  *fita_timeline_view_get_plan     (FitaTimelineView    *self);
/* The rows, in order, as the outline shows them (its expansion); NULL:
 * every item of the plan. */
void       fita_timeline_view_set_rows     (FitaTimelineView    *self,
                                            GListModel          *rows,
                                            FitaTimelineRowFunc  func,
                                            gpointer             user_data);
void       fita_timeline_view_set_zoom     (FitaTimelineView    *self,
                                            FitaZoom             zoom);
FitaZoom   fita_timeline_view_get_zoom     (FitaTimelineView    *self);
void       fita_timeline_view_set_show_who (FitaTimelineView    *self,
                                            gboolean             show);
gint64     fita_timeline_view_get_selected (FitaTimelineView    *self);
void       fita_timeline_view_set_selected (FitaTimelineView    *self,
                                            gint64               item_id);
/* The semester under the keyboard cursor, in the selected row. */
void       fita_timeline_view_get_cursor   (FitaTimelineView    *self,
                                            int                 *year,
                                            int                 *half);
FitaTimeline *fita_timeline_view_get_timeline (FitaTimelineView *self);
/* The same drag a pointer makes, from (x0, y0) to (x1, y1) in widget
 * coordinates: moves a bar or one of its ends, or ticks a cell. */
void       fita_timeline_view_drag         (FitaTimelineView    *self,
                                            double               x0,
                                            double               y0,
                                            double               x1,
                                            double               y1);

G_END_DECLS
