/* fuzz-sheet.h: what the XLSX and ODS fuzz targets share. The input is a
 * zip archive when it is one ("PK…"), for the archive's own damage;
 * otherwise it is the archive's parts, separated by NUL bytes (which XML
 * never holds), stored in a new archive, so that mutations reach the XML
 * rather than break a checksum. Every table read keeps the promises of
 * fita-sheet-zip.h; the workbook read as the importer reads it (the first
 * sheet with the ones that add to it) is imported. */
#pragma once

#include "fuzz.h"
#include "fita-error.h"
#include "fita-import.h"
#include "fita-schema.h"
#include "fita-sheet-zip.h"

#include <string.h>
#include <zip.h>

/* The input as a file in the target's folder, named name. */
static inline char *
fuzz_sheet_file (const uint8_t *data, size_t size, const char *name, const char * const *parts)
{
  char *path = g_build_filename (fita_fuzz_tmpdir (), name, NULL);
  zipFile zip;
  size_t start = 0;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    {
      g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
      return path;
    }
  zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  g_assert (zip != NULL);
  for (guint i = 0; parts[i] != NULL && start <= size; i++)
    {
      const uint8_t *end = size > start ? memchr (data + start, 0, size - start) : NULL;
      size_t length = end ? (size_t) (end - (data + start)) : size - start;
      zip_fileinfo info = { 0 };
      g_assert (zipOpenNewFileInZip (zip, parts[i], &info, NULL, 0, NULL, 0, NULL, 0, 0) == ZIP_OK);
      g_assert (zipWriteInFileInZip (zip, data + start, (unsigned) length) == ZIP_OK);
      g_assert (zipCloseFileInZip (zip) == ZIP_OK);
      start += length + 1;
    }
  g_assert (zipClose (zip, NULL) == ZIP_OK);
  return path;
}

/* A table, or an error that says why there is none; never both. */
static inline void
fuzz_sheet_check (FitaSheet *sheet, GError *error)
{
  guint previous = 0;
  guint64 cells = 0, bytes = 0;

  if (sheet == NULL)
    {
      g_assert (error != NULL && error->domain == FITA_ERROR);
      g_assert (error->message != NULL && *error->message != '\0' && g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert (error == NULL);
  g_assert (sheet->name != NULL && g_utf8_validate (sheet->name, -1, NULL));
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, i);
      guint n = g_strv_length (row->cells);

      g_assert (row->line > previous && row->line <= FITA_SHEET_MAX_ROW_NUMBER);
      previous = row->line;
      /* rows with no text are left out, and cells after the last one */
      g_assert (n >= 1 && n <= FITA_SHEET_MAX_COLUMN_NUMBER && *row->cells[n - 1] != '\0');
      for (guint c = 0; c < n; c++)
        {
          gsize length = strlen (row->cells[c]);
          g_autofree char *normal = g_utf8_normalize (row->cells[c], -1, G_NORMALIZE_NFC);
          g_assert (length <= FITA_MAX_TEXT && g_utf8_validate (row->cells[c], -1, NULL));
          g_assert (normal != NULL && g_str_equal (normal, row->cells[c]));
          g_assert (strchr (row->cells[c], '\r') == NULL);
          bytes += length;
        }
      cells += n;
    }
  g_assert (cells <= FITA_SHEET_MAX_ZIP_CELLS && bytes <= FITA_SHEET_MAX_TEXT);
}

/* A workbook as fita_sheet_read_path() reads it: its sheets' rows one
 * sheet after another, each sheet's rows in order, every bound kept
 * (those kept together bounded as a CSV is); then imported: a plan, or
 * problems that each name a sheet of it. */
static inline void
fuzz_sheet_import (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_path (path, NULL, NULL, &error);
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  guint previous = 0, of = 0;
  guint64 cells = 0, bytes = 0;

  if (sheet == NULL)
    {
      g_assert (error != NULL && error->domain == FITA_ERROR && *error->message != '\0');
      return;
    }
  g_assert (error == NULL && sheet->sheets->len >= 1);
  g_assert (g_str_equal (sheet->name, g_ptr_array_index (sheet->sheets, 0)));
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, i);
      g_assert (row->sheet >= of && row->sheet < sheet->sheets->len);
      if (row->sheet != of)
        previous = 0;
      of = row->sheet;
      g_assert (row->line > previous && row->line <= FITA_SHEET_MAX_ROW_NUMBER);
      previous = row->line;
      for (guint c = 0; row->cells[c] != NULL; c++)
        {
          cells++;
          bytes += strlen (row->cells[c]);
        }
    }
  g_assert (cells <= FITA_SHEET_MAX_CELLS && bytes <= FITA_SHEET_MAX_TEXT);

  plan = fita_import_sheet (sheet, NULL, "fuzz", &report, &error);
  if (plan == NULL)
    g_assert (error != NULL && *error->message != '\0');
  else
    {
      g_assert (report->problems->len == 0);
      fita_fuzz_exercise (plan);
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      FitaImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *line = fita_import_problem_format (problem, sheet);
      g_assert (g_utf8_validate (line, -1, NULL));
      g_assert (problem->sheet == NULL || (sheet->sheets->len > 1 && problem->line > 0));
    }
  g_free (fita_import_report_to_json (report));
}

/* Reads the first sheet, lists them, and reads the first few by name:
 * each read from the file anew; then the workbook as the importer reads
 * it. */
static inline void
fuzz_sheet_read (const char *path, FitaSheet *(*read) (const char *, const char *, GError **))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) first = read (path, NULL, &error);
  g_auto(GStrv) names = NULL;

  fuzz_sheet_check (first, error);
  g_clear_error (&error);
  fuzz_sheet_import (path);
  names = fita_sheet_list_sheets (path, &error);
  if (names == NULL)
    {
      g_assert (error != NULL && error->domain == FITA_ERROR);
      return;
    }
  for (guint i = 0; names[i] != NULL && i < 3; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(FitaSheet) sheet = read (path, names[i], &local);
      g_assert (g_utf8_validate (names[i], -1, NULL));
      fuzz_sheet_check (sheet, local);
    }
}
