/* fita-sheet-read.c: any table file as the importer reads it: its format
 * by name, suffix or content; of a workbook, the first sheet and the
 * later ones that add to its items (fita_sheet_read_path()). */
#include "config.h"
#include "fita-sheet.h"
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-export-private.h"
#include "fita-import-private.h"
#include "fita-sheet-zip.h"
#include "fita-sheet-zip-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *
format_of_suffix (const char *path)
{
  static const struct { const char *suffix, *format; } known[] = {
    { ".csv", "csv" }, { ".tsv", "tsv" }, { ".tab", "tsv" },
    { ".ods", "ods" }, { ".xlsx", "xlsx" }, { ".xlsm", "xlsx" },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_has_suffix (lower, known[i].suffix))
      return known[i].format;
  return NULL;
}

/* A file whose suffix says nothing: a zip archive is a workbook, ODS or
 * XLSX by what it holds; anything else is read as CSV, which finds its
 * delimiter (tabs too) and says what is wrong with it. */
static const char *
format_of_content (const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  char magic[4] = { 0 };
  GStatBuf st;
  gboolean ods;
  FILE *file;
  gsize n = 0;

  /* a pipe or a device is refused by the CSV reader, never read here */
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || (file = g_fopen (path, "rb")) == NULL)
    return "csv";
  n = fread (magic, 1, sizeof magic, file);
  fclose (file);
  if (n < sizeof magic || memcmp (magic, "PK\003\004", sizeof magic) != 0)
    return "csv";
  ods = fita_sheet_zip_is_ods (path, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return ods ? "ods" : "xlsx";
}

/* Whether a sheet is named as Fita's exports name the plan's lists, in
 * any of their languages. */
static gboolean
is_lists_name (const char *name)
{
  static const char * const langs[] = { "ca", "es", "en" };
  g_autofree char *folded = fita_cell_fold (name);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(FitaTranslator) translator = fita_translator_new (langs[l]);
      g_autofree char *lists = fita_cell_fold (fita_export_sheet_name (FITA_EXPORT_SHEET_LISTS, translator));
      if (g_str_equal (folded, lists))
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  FitaSheet *table;
  guint64 cells;
  guint64 bytes;
} Workbook;

static void
add_size (Workbook *w, FitaSheet *sheet, guint64 *cells, guint64 *bytes)
{
  *cells = w->cells;
  *bytes = w->bytes;
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
      for (guint c = 0; row->cells[c] != NULL; c++)
        {
          (*cells)++;
          *bytes += strlen (row->cells[c]);
        }
    }
}

/* The first sheet, then each later one that adds to its items; the others
 * are let go as soon as they are read. */
static gboolean
keep_sheet (FitaSheet *sheet, guint index, gpointer data, GError **error)
{
  Workbook *w = data;
  FitaImportTableKind kind;
  guint64 cells, bytes;

  if (index > 0)
    {
      kind = fita_import_table_kind (sheet);
      if (kind != FITA_IMPORT_TABLE_DETAILS && !(kind == FITA_IMPORT_TABLE_LISTS && is_lists_name (sheet->name)))
        {
          fita_sheet_free (sheet);
          return TRUE;
        }
    }
  /* each sheet is bounded as it is read; those kept together, as a CSV is */
  add_size (w, sheet, &cells, &bytes);
  if (cells > FITA_SHEET_MAX_CELLS || bytes > FITA_SHEET_MAX_TEXT)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The sheets to import from this spreadsheet hold more than %d cells or %d MB of text together, far more than any plan’s tables. Choose one sheet to import."),
                   FITA_SHEET_MAX_CELLS, FITA_SHEET_MAX_TEXT / (1024 * 1024));
      fita_sheet_free (sheet);
      return FALSE;
    }
  w->cells = cells;
  w->bytes = bytes;
  if (w->table == NULL)
    w->table = sheet;
  else
    fita_sheet_append (w->table, sheet);
  return TRUE;
}

FitaSheet *
fita_sheet_read_path (const char *path, const char *format, const char *sheet_name, GError **error)
{
  Workbook w = { NULL, 0, 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  if (format == NULL && (format = format_of_suffix (path)) == NULL &&
      (format = format_of_content (path, error)) == NULL)
    return NULL;
  if (g_str_equal (format, "csv") || g_str_equal (format, "tsv"))
    {
      /* a text table is one table with no name: no sheet asked for is in it */
      if (sheet_name != NULL)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                       _("“%s” is a text table, with no sheets: it has no sheet “%s”."), display, sheet_name);
          return NULL;
        }
      return fita_sheet_read_file (path, format, error);
    }
  if (!g_str_equal (format, "xlsx") && !g_str_equal (format, "ods"))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“%s” is not a table format Fita reads: use csv, tsv, ods or xlsx."), format);
      return NULL;
    }
  if (sheet_name != NULL)
    return g_str_equal (format, "xlsx") ? fita_sheet_read_xlsx (path, sheet_name, error)
                                        : fita_sheet_read_ods (path, sheet_name, error);

  ok = g_str_equal (format, "xlsx") ? fita_sheet_xlsx_read_each (path, keep_sheet, &w, error)
                                    : fita_sheet_ods_read_each (path, keep_sheet, &w, error);
  if (!ok)
    {
      g_clear_pointer (&w.table, fita_sheet_free);
      return NULL;
    }
  return w.table;
}
