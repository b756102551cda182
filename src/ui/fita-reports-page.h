/* fita-reports-page.h: the Reports page: choose a report, make it in the
 * background, preview it with poppler, save, print or open it. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"
#include "fita-report.h"

G_BEGIN_DECLS

#define FITA_TYPE_REPORTS_PAGE (fita_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaReportsPage, fita_reports_page, FITA, REPORTS_PAGE, AdwBin)

GtkWidget *fita_reports_page_new        (void);
FitaPlan  *fita_reports_page_get_plan   (FitaReportsPage *self);
void       fita_reports_page_set_plan   (FitaReportsPage *self,
                                         FitaPlan        *plan);
/* Chooses the report (as the controls would) and makes it. */
void       fita_reports_page_generate   (FitaReportsPage   *self,
                                         FitaReportKind     kind,
                                         gint64             item_id,
                                         int                year,
                                         const char        *lang);
gboolean   fita_reports_page_is_busy    (FitaReportsPage *self);
/* The preview, for tests. */
GtkWidget *fita_reports_page_get_view   (FitaReportsPage *self);
/* Milliseconds from the report being ready to its first page on screen. */
double     fita_reports_page_get_preview_ms (FitaReportsPage *self);

G_END_DECLS
