/* fita-export.h: a plan as tables, for spreadsheets and other programs.
 *
 * XLSX and ODS workbooks hold five sheets:
 *   - Items: first a row for the plan itself (level "Pla", "Plan": its
 *     title, its period as start and end, its description, its progress
 *     and amounts), then a row for each item, in the tree's order: code,
 *     parent code, level, title, status, progress, start, end, who (with
 *     each role and note: "Secretaria tècnica (executa: o proveïdora)"),
 *     other services, planned total, planned and executed over all
 *     years, execution rate, description, semesters, weight. Progress is
 *     what was entered for an item with no items below it, and what is
 *     worked out for one with items below it (which the importer works
 *     out again);
 *   - Budget: code × year × chapter: planned, executed;
 *   - Indicators: code, indicator, year, value; an indicator with no
 *     value yet has a row with none, and one pending evaluation a row
 *     that says so ("Pendent d'avaluar");
 *   - Follow-up: code, year and the follow-up's texts; the whole plan's
 *     first, with no code;
 *   - Lists: the plan's levels, statuses and chapters, a column each, in
 *     the plan's order, used by items or not; a status with a percent
 *     says it as the seeds do ("Acabat (100 %)").
 * Each column that the importer knows is headed as fita_column_header()
 * heads it, in the export's language, so that the workbook imports back
 * whole (fita_sheet_read_path() reads the first sheet with the others,
 * which add to its items, and the Lists sheet, which orders the plan's
 * lists: fita-import.h); the roll-ups (planned and executed over all
 * years, the execution rate) have headers of their own, so that an
 * import does not take them for the item's own amounts. Amounts,
 * percents and years are numbers with number formats; no amount ("- €")
 * is an empty cell, never 0.
 *
 * What a workbook does not hold, so that an import of it does not bring
 * back: the plan's organisation, followed year, follow-up period, report
 * date, language and progress rules; the descriptions of levels and
 * chapters, and the colours and descriptions of statuses; the agents
 * but for their names in the items' responsibilities (their kinds,
 * descriptions, members, functions and groups: the governance), and
 * agents no item names; the indicators' kinds, units, targets and
 * observations; the items' notes and links; the participatory processes.
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
  FITA_EXPORT_SHEET_LISTS,
  FITA_EXPORT_N_SHEETS
} FitaExportSheet;

/* "items", "budget", "indicators", "followup", "lists" */
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
