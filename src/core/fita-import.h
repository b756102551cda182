/* fita-import.h: a table (fita-sheet.h) made into a plan, read by a
 * mapping (fita-import-mapping.h).
 *
 * Each row is an item, a row that repeats an item's code to add budget
 * lines, indicator values or follow-up texts to it, or the plan itself
 * (its level "Pla", "Plan": its title, description, period). The tree
 * comes from a parent-code column, or from dotted codes ("O3.A1" under
 * "O3"), or from the order of the rows: levels named in a level column or
 * in the titles ("Objectiu 1. …"), several title columns left to right,
 * one level deeper each. Follow-up texts (FITA_COLUMN_EXECUTION …) are of
 * the row's year: of its item's follow-up, or on a row of no item (or the
 * plan's row) of the whole plan's.
 *
 * A table may hold several tables, each after an empty row, or come from
 * several sheets (fita_sheet_read_path()), each a table of its own; a later
 * sheet's codes are those of the first sheet's items, and a code none of
 * them has is a problem there.
 *
 * The order of the plan's lists: levels, statuses and chapters are made
 * in the order a table of only such columns lists them (the Lists sheet
 * of Fita's exports, fita-export.h), a name a row, those no item uses
 * too; a status may give its percent ("Acabat (100 %)"). Names the items
 * use that it does not list come after, as the rows name them: levels by
 * the depth where they first occur, then in the order of the rows;
 * chapters in the order of the headers and rows; statuses as the rows
 * name them. Without such a table, that is the whole order.
 *
 * Every problem of the table is listed at once, with its line (and its
 * sheet, for a table of several); nothing is made unless there are none. */
#pragma once

#include "fita-import-mapping.h"
#include "fita-import-report.h"
#include "fita-plan.h"
#include "fita-sheet.h"

G_BEGIN_DECLS

/* A new plan in memory from sheet (one table, or a workbook's sheets as
 * fita_sheet_read_path() reads them), read by mapping (NULL: guessed); the
 * mapping is completed with the columns guessed. default_title: the plan's
 * title when no row names the plan (the file's name, say). *report (may
 * be NULL) says what was, or would have been, made, and why not; it is set
 * whether the import succeeds or not. Fails with every problem in the
 * error's message, one a line. */
FitaPlan *fita_import_sheet          (FitaSheet          *sheet,
                                      FitaImportMapping  *mapping,
                                      const char         *default_title,
                                      FitaImportReport  **report,
                                      GError            **error);

G_END_DECLS
