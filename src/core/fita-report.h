/* fita-report.h: the yearly follow-up documents, as PDF, or as ODT and
 * DOCX for a word processor.
 *
 * Drawn on a cairo PDF surface with Pango: A4, margins, header and footer
 * with the plan and page numbers, tables that break across pages with their
 * heading rows repeated, embedded fonts, metadata, clickable links and an
 * outline. Charts and the work-plan grid come from the same routines as the
 * views (fita-chart.h, fita-timeline.h). The language (ca, es, en) is the
 * report's own, whatever the UI's.
 *
 * The same report can be written as an editable document, OpenDocument
 * text (.odt) or Office Open XML (.docx), with the same words and figures:
 * real headings in the styles "Heading 1" to "Heading 3", tables whose
 * header row repeats on every page, links, and the charts and the work
 * plan's grid as PNG pictures with their alternative text. It flows rather
 * than being laid out in pages, so that an officer can finish it.
 */
#pragma once

#include <gio/gio.h>
#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_REPORT_SHEET,           /* one programme's follow-up sheet (seed 000) */
  FITA_REPORT_ANNUAL,          /* the plan's annual follow-up report (seed 001) */
  FITA_REPORT_WORKPLAN,        /* lines, objectives, actions, who, semester grid (seed 004) */
  FITA_REPORT_PARTICIPATION,   /* participatory processes (seed 003) */
  FITA_N_REPORTS /*< skip >*/
} FitaReportKind;

extern const char * const fita_report_kind_keywords[];  /* sheet, annual, workplan, participation */

typedef enum {
  FITA_REPORT_FORMAT_PDF,
  FITA_REPORT_FORMAT_ODT,
  FITA_REPORT_FORMAT_DOCX,
  FITA_N_REPORT_FORMATS /*< skip >*/
} FitaReportFormat;

extern const char * const fita_report_format_suffixes[];  /* .pdf, .odt, .docx */

/* The format a file name asks for by its suffix (.pdf, .odt or .docx, in
 * any case); FALSE for any other suffix. */
gboolean fita_report_format_for_path (const char       *path,
                                      FitaReportFormat *format);

typedef struct {
  FitaReportKind kind;
  gint64 item_id;    /* the sheet's item (required for FITA_REPORT_SHEET) */
  gint64 year;       /* FITA_NONE: fita_plan_default_year () */
  const char *lang;  /* "ca", "es", "en"; NULL: the plan's content language */
} FitaReportOptions;

/* fraction from 0 to 1, called now and then while the report is made. */
typedef void (*FitaReportProgress) (double fraction, gpointer user_data);

/* Writes the report to path, atomically, in the format its suffix names
 * (fita_report_format_for_path()); any other suffix is PDF. */
gboolean fita_report_write   (FitaPlan                *plan,
                              const FitaReportOptions *options,
                              const char              *path,
                              GCancellable            *cancellable,
                              FitaReportProgress       progress,
                              gpointer                 user_data,
                              GError                 **error);
/* The PDF as bytes: made in an unlinked temporary file and mapped from it
 * (in memory only when no temporary file can be made). */
GBytes  *fita_report_render  (FitaPlan                *plan,
                              const FitaReportOptions *options,
                              GCancellable            *cancellable,
                              FitaReportProgress       progress,
                              gpointer                 user_data,
                              GError                 **error);

/* The file name offered for the report, in the UI's language: "Follow-up
 * report 2024.pdf"; an item's sheet names the item, "Follow-up sheet 11 -
 * ESS als barris - 2024.pdf", so that sheets of several items can sit in one
 * folder. */
char      *fita_report_file_name      (FitaPlan                *plan,
                                       const FitaReportOptions *options);
/* The same name with the suffix of format: "Follow-up report 2024.odt". */
char      *fita_report_file_name_for_format (FitaPlan                *plan,
                                             const FitaReportOptions *options,
                                             FitaReportFormat         format);
/* The items of the same level as like (by the plan's levels; by depth when
 * like has none), in the plan's order: the items a batch of sheets is for.
 * A new array of the plan's items. */
GPtrArray *fita_report_items_of_level (FitaPlan                *plan,
                                       FitaItem                *like);
/* One follow-up sheet for each item into folder (made if missing), each in
 * its own file of format named by fita_report_file_name_for_format();
 * options gives the year and the language. Returns the paths written, in order; on an error the sheets
 * written before it are kept and NULL is returned. progress covers them all. */
GPtrArray *fita_report_write_sheets   (FitaPlan                *plan,
                                       const FitaReportOptions *options,
                                       FitaReportFormat         format,
                                       const gint64            *item_ids,
                                       guint                    n_items,
                                       const char              *folder,
                                       GCancellable            *cancellable,
                                       FitaReportProgress       progress,
                                       gpointer                 user_data,
                                       GError                 **error);

G_END_DECLS
