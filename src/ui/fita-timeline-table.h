/* fita-timeline-table.h: the timeline as a table, for the keyboard and
 * screen readers: a row per item (the timeline's rows, in its order), a
 * column per semester of the years it covers, each cell a check box that
 * ticks the semester as the canvas does. Rows are recycled, so a plan of
 * thousands of items costs what the rows on screen cost. */
#pragma once

#include <gtk/gtk.h>

#include "fita-plan.h"
#include "fita-timeline-view.h"

G_BEGIN_DECLS

#define FITA_TYPE_TIMELINE_TABLE (fita_timeline_table_get_type ())
G_DECLARE_FINAL_TYPE (FitaTimelineTable, fita_timeline_table, FITA, TIMELINE_TABLE, GtkWidget)

GtkWidget *fita_timeline_table_new          (void);
void       fita_timeline_table_set_plan     (FitaTimelineTable   *self,
                                             FitaPlan            *plan);
FitaPlan  *fita_timeline_table_get_plan     (FitaTimelineTable   *self);
/* The same rows as fita_timeline_view_set_rows(); NULL: every item. */
void       fita_timeline_table_set_rows     (FitaTimelineTable   *self,
                                             GListModel          *rows,
                                             FitaTimelineRowFunc  func,
                                             gpointer             user_data);
/* The item of the cell last focused (0: none); setting it scrolls its row
 * into view. */
gint64     fita_timeline_table_get_selected (FitaTimelineTable   *self);
void       fita_timeline_table_set_selected (FitaTimelineTable   *self,
                                             gint64               item_id);
/* Moves the keyboard focus to the selected item's first cell, or the
 * first row's; FALSE when the table has no cell to focus. */
gboolean   fita_timeline_table_focus_cell   (FitaTimelineTable   *self);
/* The check box of item's semester (half 1 or 2 of year), if its row is
 * on screen; for tests. */
GtkWidget *fita_timeline_table_get_cell     (FitaTimelineTable   *self,
                                             gint64               item_id,
                                             int                  year,
                                             int                  half);

G_END_DECLS
