/* fita-timeline-edit.h: ticking a semester of an item, one path for the
 * timeline's canvas and its table: an undoable "Tick Semester", with a
 * shared plan's refusals said over the widget that asked. */
#pragma once

#include <gtk/gtk.h>

#include "fita-plan.h"

G_BEGIN_DECLS

/* Whether item's semesters may be ticked: not in a read-only plan (nor a
 * closed year's view, which is one), nor where the server would refuse. */
gboolean fita_timeline_may_tick (FitaPlan  *plan,
                                 FitaItem  *item);
/* Ticks the semester half (1 or 2) of year, or unticks it. FALSE (after
 * saying why, or with the error bell) when the plan refused. */
gboolean fita_timeline_tick     (GtkWidget *widget,
                                 FitaPlan  *plan,
                                 FitaItem  *item,
                                 int        year,
                                 int        half);

G_END_DECLS
