/* fita-sheet.h: a table read from a file (CSV, TSV, ODS, XLSX), as the
 * importer sees it: rows of text cells. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint line;      /* where the row starts: the physical line in a CSV, the row number in a spreadsheet */
  GStrv cells;     /* UTF-8, NFC, NULL-terminated */
} FitaSheetRow;
typedef struct {
  char *name;              /* the sheet's name, or NULL for CSV/TSV */
  GPtrArray *rows;         /* of FitaSheetRow*, owned */
} FitaSheet;
void fita_sheet_free (FitaSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaSheet, fita_sheet_free)

G_END_DECLS
