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
  guint sheet;     /* the sheet it was read from: an index into FitaSheet.sheets (0 for CSV) */
} FitaSheetRow;

/* One table, from a CSV or TSV file or from sheets of a spreadsheet: a
 * workbook's first sheet and, after its rows, those of the later sheets
 * that add to its items (see fita_sheet_read_path()). */
typedef struct {
  char *name;              /* the (first) sheet's name, or NULL for CSV/TSV */
  GPtrArray *rows;         /* of FitaSheetRow*, owned, sheet by sheet */
  GPtrArray *sheets;       /* char*: the names of the sheets read, in order; empty for CSV/TSV */
} FitaSheet;

/* An empty sheet; name: the sheet's name in a spreadsheet, NULL for CSV. */
FitaSheet *fita_sheet_new      (const char *name);
void       fita_sheet_free     (FitaSheet  *sheet);
/* Appends a row of the sheet's last sheet, taking cells (valid UTF-8),
 * which are normalised to NFC. */
void       fita_sheet_add_row  (FitaSheet  *sheet,
                                guint       line,
                                GStrv       cells);
/* Appends the rows of another sheet of the same workbook after the rows
 * of sheet, each keeping its line and saying which sheet it is of;
 * takes other. */
void       fita_sheet_append   (FitaSheet  *sheet,
                                FitaSheet  *other);
/* The name of the sheet the row was read from, or NULL for CSV/TSV. */
const char *fita_sheet_row_sheet_name (const FitaSheet    *sheet,
                                       const FitaSheetRow *row);
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

/* Any table file, as the importer (fita-import.h) reads it. format:
 * "csv", "tsv", "ods" or "xlsx"; NULL chooses by the file's suffix
 * (.csv, .tsv, .tab, .ods, .xlsx, .xlsm), and for another suffix by its
 * content: a zip archive is read as ODS or XLSX by what it holds,
 * anything else as CSV with its delimiter detected.
 *
 * sheet_name: the one sheet of a spreadsheet to read (a text table has
 * none: FITA_ERROR_NOT_FOUND, as for a sheet a workbook lacks). NULL: its first
 * sheet, followed by every later sheet that adds to the first one's
 * items, appended as further tables of the same FitaSheet (each row
 * saying which sheet it is of):
 *   - a detail table: a code column, and otherwise only columns of
 *     details of an item (year, chapter, planned, executed; indicator,
 *     its year and value; the follow-up's texts), as the importer guesses
 *     columns from their headers (fita_column_guess());
 *   - the lists of the plan, as Fita's exports write them: a sheet named
 *     "Llistes", "Listas" or "Lists" with only the columns of levels,
 *     statuses and chapters (fita-export.h).
 * Other sheets are left out. Errors are FITA_ERROR; no table is made
 * unless every sheet that was read could be. */
FitaSheet *fita_sheet_read_path (const char *path,
                                 const char *format,
                                 const char *sheet_name,
                                 GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaSheet, fita_sheet_free)

G_END_DECLS
