/* fita-timeline-page.h: the Timeline page: the timeline canvas with its
 * zoom, the "who" column and picture export. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"
#include "fita-timeline-view.h"

G_BEGIN_DECLS

#define FITA_TYPE_TIMELINE_PAGE (fita_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaTimelinePage, fita_timeline_page, FITA, TIMELINE_PAGE, AdwBin)

GtkWidget        *fita_timeline_page_new      (void);
void              fita_timeline_page_set_plan (FitaTimelinePage    *self,
                                               FitaPlan            *plan);
FitaPlan         *fita_timeline_page_get_plan (FitaTimelinePage    *self);
FitaTimelineView *fita_timeline_page_get_view (FitaTimelinePage    *self);

G_END_DECLS
