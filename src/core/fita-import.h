/* fita-import.h: a table (fita-sheet.h) made into a plan, read by a
 * mapping (fita-import-mapping.h).
 *
 * Each row is an item, a row that repeats an item's code to add budget
 * lines or indicator values to it, or the plan itself (its level "Pla",
 * "Plan"). The tree comes from a parent-code column, or from dotted codes
 * ("O3.A1" under "O3"), or from the order of the rows: levels named in a
 * level column or in the titles ("Objectiu 1. …"), several title columns
 * left to right, one level deeper each. Every problem of the table is
 * listed at once, with its line; nothing is made unless there are none. */
#pragma once

#include "fita-import-mapping.h"
#include "fita-import-report.h"
#include "fita-plan.h"
#include "fita-sheet.h"

G_BEGIN_DECLS

/* A new plan in memory from sheet, read by mapping (NULL: guessed); the
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
