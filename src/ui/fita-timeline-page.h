/* fita-timeline-page.h: the Timeline page: the timeline canvas with its
 * zoom, the "who" column and picture export; or, at "Show as Table", the
 * same rows as a table of check boxes. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"
#include "fita-timeline-table.h"
#include "fita-timeline-view.h"

G_BEGIN_DECLS

#define FITA_TYPE_TIMELINE_PAGE (fita_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaTimelinePage, fita_timeline_page, FITA, TIMELINE_PAGE, AdwBin)

GtkWidget        *fita_timeline_page_new      (void);
void              fita_timeline_page_set_plan (FitaTimelinePage    *self,
                                               FitaPlan            *plan);
FitaPlan         *fita_timeline_page_get_plan (FitaTimelinePage    *self);
FitaTimelineView *fita_timeline_page_get_view (FitaTimelinePage    *self);
FitaTimelineTable *fita_timeline_page_get_table (FitaTimelinePage   *self);
GtkToggleButton  *fita_timeline_page_get_table_button (FitaTimelinePage *self);
/* Exports the timeline as shown (zoom, "who") to path, by its suffix: PDF
 * pages of A4, or a PNG or SVG, in tiles beside path when too tall; in a
 * thread, on a snapshot of the plan. Errors and tiles are said in a dialog. */
void              fita_timeline_page_export   (FitaTimelinePage    *self,
                                               const char          *path);
gboolean          fita_timeline_page_is_exporting (FitaTimelinePage *self);
/* The rows, for the canvas and the table (see fita_timeline_view_set_rows()). */
void              fita_timeline_page_set_rows (FitaTimelinePage    *self,
                                               GListModel          *rows,
                                               FitaTimelineRowFunc  func,
                                               gpointer             user_data);

G_END_DECLS
