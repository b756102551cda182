/* fita-sheet-zip.h: tables read from spreadsheets, XLSX (Excel 2007 and
 * later) and ODS (LibreOffice, OpenDocument), for the importer.
 *
 * Each cell becomes the text a person would type for it: strings as they
 * are (NFC, line ends as "\n"); numbers in the C locale with up to 15
 * significant digits, as spreadsheets keep them ("4702.33", "2019");
 * percentages as "88.3%"; dates as "2016-05-12"; booleans as "TRUE" and
 * "FALSE". A row's cells end at its last non-empty cell; rows with no
 * text at all are left out, and every row keeps its number in the sheet
 * (FitaSheetRow.line, from 1).
 *
 * Files come from anywhere, so every size is bounded and a file beyond a
 * bound is refused with the reason: what the archive unpacks to, the
 * rows, the columns, the cells, and the text of one cell (FITA_MAX_TEXT).
 * Errors are FITA_ERROR. */
#pragma once

#include <glib.h>
#include "fita-sheet.h"

G_BEGIN_DECLS

/* Bytes unpacked from one archive (a zip bomb stops here). */
#define FITA_SHEET_MAX_UNZIPPED  (200 * 1024 * 1024)
/* Rows and columns of a sheet, as in Excel and LibreOffice. */
#define FITA_SHEET_MAX_ROW_NUMBER      1048576
#define FITA_SHEET_MAX_COLUMN_NUMBER   16384
/* Cells kept from one sheet, and their bytes of text: repeated rows and
 * cells (ODS) or shared strings (XLSX) may not multiply a small file
 * into a huge table. */
#define FITA_SHEET_MAX_ZIP_CELLS     2000000
#define FITA_SHEET_MAX_TEXT      (100 * 1024 * 1024)

/* sheet_name NULL: the first sheet. To read a workbook as the importer
 * does, its first sheet with the later ones that add to its items, see
 * fita_sheet_read_path() (fita-sheet.h). */
FitaSheet *fita_sheet_read_xlsx   (const char  *path,
                                   const char  *sheet_name,
                                   GError     **error);
FitaSheet *fita_sheet_read_ods    (const char  *path,
                                   const char  *sheet_name,
                                   GError     **error);
/* The names of the sheets of an XLSX or ODS file (told apart by their
 * content), in order, for a chooser. */
GStrv      fita_sheet_list_sheets (const char  *path,
                                   GError     **error);

G_END_DECLS
