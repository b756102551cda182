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
/* The sheets of the item and of every other item of its level (by the
 * plan's levels), each its own PDF named by its item, into folder. */
void       fita_reports_page_save_sheets (FitaReportsPage  *self,
                                          gint64            item_id,
                                          int               year,
                                          const char       *lang,
                                          const char       *folder);
gboolean   fita_reports_page_is_busy    (FitaReportsPage *self);
/* The kind of file the report is saved as (the page's "Save As" choice). */
FitaReportFormat fita_reports_page_get_format (FitaReportsPage  *self);
void       fita_reports_page_set_format (FitaReportsPage  *self,
                                         FitaReportFormat  format);
/* Saves the chosen report to path in the chosen format; a suffix (.pdf,
 * .odt, .docx) in path chooses the format, and is added when missing. A
 * PDF is the one on screen when there is one; any other is made in a
 * thread with fita_report_write(). */
void       fita_reports_page_save       (FitaReportsPage  *self,
                                         const char       *path);
/* The file name offered when saving the chosen report, in the chosen
 * format. */
char      *fita_reports_page_get_file_name (FitaReportsPage *self);
/* For tests: the status line, and the item list (code and title a row). */
const char *fita_reports_page_get_status (FitaReportsPage *self);
GListModel *fita_reports_page_get_items  (FitaReportsPage *self);
/* The preview, for tests. */
GtkWidget *fita_reports_page_get_view   (FitaReportsPage *self);
/* Milliseconds from the report being ready to its first page on screen. */
double     fita_reports_page_get_preview_ms (FitaReportsPage *self);

G_END_DECLS
