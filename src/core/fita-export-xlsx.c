/* The plan as an XLSX workbook, written with libxlsxwriter. */
#include "config.h"
#include "fita-export.h"
#include "fita-export-private.h"

#include "fita-error.h"
#include "fita-output.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

/* Excel's most characters in a cell; libxlsxwriter counts bytes. */
#define XLSX_MAX_TEXT 32767
/* The height of a line of the default font (Calibri 11), and Excel's
 * highest row, in points. */
#define LINE_POINTS 15.0
#define MAX_ROW_POINTS 409.0
/* The width of a landscape A4 page, in characters at 100 %. */
#define PAGE_CHARACTERS 160.0

typedef struct {
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrap;
  lxw_format *whole;        /* years, weights: no thousands separator */
  lxw_format *decimal;
  lxw_format *money;
  lxw_format *percent[3];   /* with 0, 1 or 2 decimals */
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook, const char *number_format)
{
  lxw_format *format = workbook_add_format (workbook);

  /* rows of long texts wrap: the short cells beside them read from the top */
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  return format;
}

gpointer
fita_export_xlsx_header_format (gpointer workbook)
{
  lxw_format *header = workbook_add_format (workbook);

  format_set_bold (header);
  format_set_bg_color (header, 0xDEDDDA);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_align (header, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (header);
  return header;
}

static void
make_formats (lxw_workbook *workbook, Formats *f)
{
  static const char * const percents[] = { "0%", "0.0%", "0.00%" };

  f->header = fita_export_xlsx_header_format (workbook);
  f->text = new_format (workbook, NULL);
  f->wrap = new_format (workbook, NULL);
  format_set_text_wrap (f->wrap);
  f->whole = new_format (workbook, "0");
  f->decimal = new_format (workbook, "General");
  /* the separators are the reader's own: "4.702,33 €" in Catalan */
  f->money = new_format (workbook, "#,##0.00\\ \"€\"");
  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    f->percent[i] = new_format (workbook, percents[i]);
}

char *
fita_export_xlsx_cell_string (const char *text)
{
  const char *end;

  if (strlen (text) <= XLSX_MAX_TEXT)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + XLSX_MAX_TEXT - strlen ("…"));
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static lxw_error
write_cell (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, FitaExportColumn *column,
            FitaExportCell *cell, Formats *f)
{
  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
      {
        g_autofree char *text = fita_export_xlsx_cell_string (cell->text);
        return worksheet_write_string (sheet, row, col, text, column->wrap ? f->wrap : f->text);
      }
    case FITA_CELL_INTEGER:
      return worksheet_write_number (sheet, row, col, (double) cell->number, f->whole);
    case FITA_CELL_DECIMAL:
      return worksheet_write_number (sheet, row, col, g_ascii_strtod (cell->text, NULL), f->decimal);
    case FITA_CELL_CENTS:
      /* below 2⁵³ cents / 100 is the double nearest the amount, which its 15
       * significant digits give back exactly (tested up to FITA_MAX_CENTS) */
      return worksheet_write_number (sheet, row, col, (double) cell->number / 100, f->money);
    case FITA_CELL_PERCENT:
      return worksheet_write_number (sheet, row, col, (double) cell->number / 10000,
                                     f->percent[CLAMP (column->decimals, 0, 2)]);
    case FITA_CELL_EMPTY:
    default:
      return LXW_NO_ERROR;
    }
}

static lxw_error
write_table (lxw_workbook *workbook, FitaExportTable *table, Formats *f)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, table->name);
  lxw_error status = LXW_NO_ERROR;

  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
    status = worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, table->columns[c].width, NULL);
  /* row by row, each row's height first: in constant memory a row is
   * written out as soon as the next one begins */
  for (guint r = 0; r <= table->n_rows && status == LXW_NO_ERROR; r++)
    {
      if (table->lines[r] > 1)
        status = worksheet_set_row (sheet, r, MIN (table->lines[r] * LINE_POINTS, MAX_ROW_POINTS), NULL);
      for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
        status = r == 0 ? worksheet_write_string (sheet, 0, (lxw_col_t) c, table->columns[c].header, f->header)
                        : write_cell (sheet, r, (lxw_col_t) c, &table->columns[c], fita_export_cell (table, r - 1, c), f);
    }
  if (status == LXW_NO_ERROR)
    {
      /* printed: across A4 pages, a wide table on two or three of them
       * rather than in letters too small to read, the header on each */
      worksheet_set_landscape (sheet);
      worksheet_set_paper (sheet, 9);
      worksheet_fit_to_pages (sheet, (uint16_t) MAX (1, (int) (table->width / PAGE_CHARACTERS + 0.99)), 0);
      worksheet_repeat_rows (sheet, 0, 0);
      worksheet_freeze_panes (sheet, 1, 0);
      status = worksheet_autofilter (sheet, 0, 0, table->n_rows, (lxw_col_t) (table->n_columns - 1));
    }
  return status;
}

gboolean
fita_export_xlsx_write_workbook (FitaOutput *output, gboolean constant_memory, FitaXlsxFill fill, gpointer user_data,
                                 GError **error)
{
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_error status = LXW_NO_ERROR;
  locale_t c_locale, old_locale;

  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  /* libxlsxwriter prints its numbers with printf: in the C locale, or a
   * Catalan session writes 4702,33, which no program reads back */
  c_locale = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  old_locale = c_locale ? uselocale (c_locale) : (locale_t) 0;
  workbook = workbook_new_opt (fita_output_get_temp_path (output), &options);
  if (workbook == NULL)
    status = LXW_ERROR_MEMORY_MALLOC_FAILED;
  else
    {
      status = fill (workbook, user_data);
      /* closing writes the file, and frees the workbook in any case */
      if (status == LXW_NO_ERROR)
        status = workbook_close (workbook);
      else
        workbook_close (workbook);
    }
  if (c_locale)
    {
      uselocale (old_locale);
      freelocale (c_locale);
    }

  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   /* Translators: %s is libxlsxwriter's reason, in English */
                   _("The spreadsheet could not be written (%s). Nothing was replaced; free some space or choose another folder."),
                   lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

static int
fill_export (gpointer workbook, gpointer user_data)
{
  FitaExport *export = user_data;
  lxw_doc_properties properties = { 0 };
  lxw_error status = LXW_NO_ERROR;
  Formats formats;

  properties.title = export->info->title;
  properties.company = export->info->organisation;
  workbook_set_properties (workbook, &properties);
  make_formats (workbook, &formats);
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS && status == LXW_NO_ERROR; t++)
    status = write_table (workbook, &export->tables[t], &formats);
  return status;
}

gboolean
fita_export_xlsx (FitaPlan *plan, const char *lang, const char *path, const char *input, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;
  g_autoptr(FitaExport) export = NULL;

  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  /* the temporary file made here: a folder that cannot be written is
   * told in Fita's words, not in libxlsxwriter's on the terminal */
  if (!(output = fita_output_open (path, input, error)) || !fita_output_write (output, "", 0, error))
    return FALSE;
  export = fita_export_new (plan, lang);
  /* rows written out as they are made (texts inline, not shared): a
   * third faster on a large plan, and memory that does not grow */
  if (!fita_export_xlsx_write_workbook (output, TRUE, fill_export, export, error))
    return FALSE;
  return fita_output_commit (g_steal_pointer (&output), error);
}
