/* fita-export.h: a plan as tables, for spreadsheets and other programs.
 *
 * XLSX and ODS workbooks hold four sheets: Items (code, parent code,
 * level, title, status, progress, start, end, who, other services,
 * planned total, planned and executed over all years, execution rate,
 * description, semesters, weight), Budget (code × year × chapter:
 * planned, executed), Indicators (code, indicator, year, value) and
 * Follow-up (code, year and the follow-up's texts). Each column that the
 * importer knows is headed as fita_column_header() heads it, in the
 * export's language, so that the table imports back; the roll-ups
 * (planned and executed over all years, the execution rate) have headers
 * of their own, so that an import does not take them for the item's own
 * amounts. Amounts, percents and years are numbers with number formats;
 * no amount ("- €") is an empty cell, never 0.
 *
 * CSV holds one of the sheets, with the same columns and headers.
 * Decidim's CSV is the table of results that Decidim's accountability
 * component imports.
 *
 * Every file goes through FitaOutput: written atomically, never over the
 * plan it is made from. Errors are FITA_ERROR. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_EXPORT_SHEET_ITEMS,
  FITA_EXPORT_SHEET_BUDGET,
  FITA_EXPORT_SHEET_INDICATORS,
  FITA_EXPORT_SHEET_FOLLOWUP,
  FITA_EXPORT_N_SHEETS
} FitaExportSheet;

/* "items", "budget", "indicators", "followup" */
const char *fita_export_sheet_key      (FitaExportSheet  sheet);
/* -1 for a key that names no sheet. */
int         fita_export_sheet_from_key (const char      *key);

/* lang: the language of the headers, the sheets' names and the words
 * Fita adds ("executes"): "ca", "es" or "en"; NULL: the plan's language,
 * or the interface's when the plan has none. input: the file the plan
 * was read from, which the export may not replace (or NULL).
 *
 * XLSX: an Excel cell holds at most 32 767 characters; a longer text (a
 * follow-up of some twenty pages) is cut there, ending in "…". ODS keeps
 * every text whole. */
gboolean    fita_export_xlsx           (FitaPlan        *plan,
                                        const char      *lang,
                                        const char      *path,
                                        const char      *input,
                                        GError         **error);
gboolean    fita_export_ods            (FitaPlan        *plan,
                                        const char      *lang,
                                        const char      *path,
                                        const char      *input,
                                        GError         **error);
/* One sheet as CSV (RFC 4180: commas, CRLF, quotes where needed; UTF-8
 * without a byte order mark); amounts as "4702.33", percents as "88.3". */
char       *fita_export_csv            (FitaPlan        *plan,
                                        FitaExportSheet  sheet,
                                        const char      *lang);
/* The results CSV that Decidim's accountability component imports
 * ("Import results from a CSV file"): every item a result, its parent
 * the item above it. */
char       *fita_export_decidim        (FitaPlan        *plan);
/* The columns of fita_export_decidim(), NULL-terminated. */
const char * const *fita_export_decidim_columns (void);

G_END_DECLS
