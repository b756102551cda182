/* fita-import-report.h: what an import of a table made, or would have
 * made, and every problem that kept it from it, each with its line. */
#pragma once

#include <glib.h>
#include "fita-sheet.h"

G_BEGIN_DECLS

typedef struct {
  guint line;        /* the row's line (CSV) or row number (spreadsheet); 0: the table as a whole */
  char *code;        /* the item's code, or NULL */
  char *message;     /* what is wrong and what to do, translated */
  char *sheet;       /* the row's sheet, when the table was read from several
                      * (fita_sheet_read_path()); otherwise NULL */
} FitaImportProblem;

typedef struct {
  char *name;        /* NULL: the items with no level */
  guint count;
} FitaImportLevelCount;

/* What an import made, or would have made, and what kept it from it. */
typedef struct {
  guint n_items;
  GPtrArray *levels;     /* FitaImportLevelCount*, in the plan's level order */
  GPtrArray *problems;   /* FitaImportProblem*: each one refuses the import */
  GPtrArray *notes;      /* FitaImportProblem*: rows or values left out, the import goes on */
} FitaImportReport;

FitaImportReport *fita_import_report_new (void);
void      fita_import_report_free    (FitaImportReport *report);
/* {"items": N, "levels": [{"name", "count"}], "problems": [{"line", "code",
 * "message"}], "notes": [...]}; a problem of a table read from several
 * sheets also has its "sheet". */
char     *fita_import_report_to_json (FitaImportReport *report);
/* "line 12 (O3.A1): message", or "row 12 …" for a spreadsheet, or
 * "Pressupost, row 12 …" for a table read from several of its sheets. */
char     *fita_import_problem_format (const FitaImportProblem *problem,
                                      const FitaSheet         *sheet);
/* One error that lists the problems, a line each (the first 100, then how
 * many more), after a line that says nothing was imported. */
void      fita_import_report_set_error (FitaImportReport *report,
                                      const FitaSheet  *sheet,
                                      GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaImportReport, fita_import_report_free)

G_END_DECLS
