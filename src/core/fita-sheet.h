/* fita-sheet.h: a table read from a file (CSV, TSV, and the sheets of
 * spreadsheets), as rows of text cells, before anything is made of it.
 *
 * Every reader produces the same structure, so that the importer
 * (fita-import.h) reads all of them alike. Cells are UTF-8 in NFC, so that
 * "l·l" and accents typed composed or decomposed compare equal. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits that keep a hostile or mistaken file from exhausting memory: far
 * beyond any council's table. A reader refuses a file beyond them. */
#define FITA_SHEET_MAX_BYTES   (64 << 20)
#define FITA_SHEET_MAX_ROWS    200000
#define FITA_SHEET_MAX_COLUMNS 1000
#define FITA_SHEET_MAX_CELLS   5000000

typedef struct {
  guint line;      /* where the row starts: the physical line in a CSV (counting newlines inside quoted cells), the row number in a spreadsheet */
  GStrv cells;     /* UTF-8, NFC, NULL-terminated */
} FitaSheetRow;

typedef struct {
  char *name;              /* the sheet's name, or NULL for CSV/TSV */
  GPtrArray *rows;         /* of FitaSheetRow*, owned */
} FitaSheet;

/* An empty sheet; name: the sheet's name in a spreadsheet, NULL for CSV. */
FitaSheet *fita_sheet_new      (const char *name);
void       fita_sheet_free     (FitaSheet  *sheet);
/* Appends a row, taking cells (valid UTF-8), which are normalised to NFC. */
void       fita_sheet_add_row  (FitaSheet  *sheet,
                                guint       line,
                                GStrv       cells);
/* The number of cells in the row (the length of cells). */
guint      fita_sheet_row_length (const FitaSheetRow *row);

/* CSV or TSV as RFC 4180 has it (quoted cells may hold delimiters, tabs,
 * newlines and doubled quotes), in UTF-8 with or without a BOM, UTF-16 with
 * a BOM, or Windows-1252 when the bytes are not UTF-8; LF, CRLF or CR line
 * ends. delimiter: ',', ';' or '\t'; 0 detects one of them from the first
 * lines. A leading apostrophe that spreadsheets add to keep a cell as text
 * is removed. Blank lines are rows with one empty cell. */
FitaSheet *fita_sheet_read_csv (const char *data,
                                gsize       length,
                                char        delimiter,
                                GError    **error);

/* Reads the file at path as a table of the given format: "csv" (delimiter
 * detected) or "tsv". */
FitaSheet *fita_sheet_read_file (const char *path,
                                 const char *format,
                                 GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaSheet, fita_sheet_free)

G_END_DECLS
