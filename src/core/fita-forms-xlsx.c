/* An update form as an XLSX workbook, written with libxlsxwriter: each
 * sheet protected, the cells to fill unlocked, the key hidden. */
#include "config.h"
#include "fita-forms-private.h"

#include "fita-output.h"

#include <string.h>
#include <xlsxwriter.h>

/* Excel's longest list of choices in a data validation, in characters */
#define MAX_LIST_CHARACTERS 255
/* a line of the default 11 pt text, in points */
#define POINTS_PER_LINE 15

typedef struct {
  lxw_format *header;
  lxw_format *locked[2];      /* [wrap] */
  lxw_format *whole;
  lxw_format *open[2];        /* to fill: [wrap] */
  lxw_format *open_decimal;
  lxw_format *open_money;
} Formats;

static lxw_format *
new_format (lxw_workbook *workbook, gboolean editable, gboolean wrap, const char *number_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (wrap)
    format_set_text_wrap (format);
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (editable)
    format_set_unlocked (format);
  else
    /* what may not be changed is grey */
    format_set_bg_color (format, 0xEEEEEC);
  return format;
}

static void
make_formats (lxw_workbook *workbook, Formats *f)
{
  f->header = fita_export_xlsx_header_format (workbook);
  for (guint wrap = 0; wrap < 2; wrap++)
    {
      f->locked[wrap] = new_format (workbook, FALSE, wrap, NULL);
      f->open[wrap] = new_format (workbook, TRUE, wrap, NULL);
    }
  f->whole = new_format (workbook, FALSE, FALSE, "0");
  f->open_decimal = new_format (workbook, TRUE, FALSE, "General");
  /* the separators are the reader's own: "4.702,33 €" in Catalan */
  f->open_money = new_format (workbook, TRUE, FALSE, "#,##0.00\\ \"€\"");
}

static lxw_format *
cell_format (FitaFormColumn *column, FitaExportCell *cell, Formats *f)
{
  if (!column->editable)
    return cell->kind == FITA_CELL_INTEGER ? f->whole : f->locked[column->wrap];
  if (cell->kind == FITA_CELL_CENTS)
    return f->open_money;
  if (cell->kind == FITA_CELL_DECIMAL)
    return f->open_decimal;
  return f->open[column->wrap];
}

static lxw_error
write_cell (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, FitaFormColumn *column,
            FitaExportCell *cell, Formats *f)
{
  lxw_format *format = cell_format (column, cell, f);

  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
      {
        g_autofree char *text = fita_export_xlsx_cell_string (cell->text);
        return worksheet_write_string (sheet, row, col, text, format);
      }
    case FITA_CELL_INTEGER:
      return worksheet_write_number (sheet, row, col, (double) cell->number, format);
    case FITA_CELL_DECIMAL:
      return worksheet_write_number (sheet, row, col, g_ascii_strtod (cell->text, NULL), format);
    case FITA_CELL_CENTS:
      return worksheet_write_number (sheet, row, col, (double) cell->number / 100, format);
    case FITA_CELL_PERCENT:
    case FITA_CELL_EMPTY:
    default:
      /* an empty cell to fill is unlocked all the same */
      return worksheet_write_blank (sheet, row, col, format);
    }
}

static lxw_error
add_status_list (lxw_worksheet *sheet, FitaForm *form, FitaFormSheet *table, lxw_col_t col)
{
  lxw_data_validation validation = { 0 };
  gsize characters = 0;

  for (guint i = 0; form->statuses[i] != NULL; i++)
    characters += g_utf8_strlen (form->statuses[i], -1) + 1;
  /* a longer list cannot be given inline; the instructions still ask for one of them */
  if (form->statuses[0] == NULL || characters > MAX_LIST_CHARACTERS || table->n_rows == 0)
    return LXW_NO_ERROR;
  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = (char **) form->statuses;
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  return worksheet_data_validation_range (sheet, 1, col, table->n_rows, col, &validation);
}

static lxw_error
write_sheet (lxw_workbook *workbook, FitaForm *form, FitaFormSheet *table, Formats *f)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, table->name);
  lxw_protection protection = { 0 };
  lxw_error status = LXW_NO_ERROR;

  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
    {
      lxw_row_col_options hidden = { 1, 0, 0 };
      status = worksheet_set_column_opt (sheet, (lxw_col_t) c, (lxw_col_t) c, table->columns[c].width, NULL,
                                         table->columns[c].hidden ? &hidden : NULL);
    }
  /* rows as high as their wrapped texts need: LibreOffice does not size
   * the rows of an XLSX it opens */
  for (int r = -1; r < (int) table->n_rows && status == LXW_NO_ERROR; r++)
    {
      guint lines = fita_form_row_lines (table, r);
      if (lines > 1)
        status = worksheet_set_row (sheet, (lxw_row_t) (r + 1), lines * POINTS_PER_LINE, NULL);
    }
  for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (sheet, 0, (lxw_col_t) c, table->columns[c].header, f->header);
  for (guint r = 0; r < table->n_rows && status == LXW_NO_ERROR; r++)
    for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
      status = write_cell (sheet, r + 1, (lxw_col_t) c, &table->columns[c], fita_form_cell (table, r, c), f);
  for (guint c = 0; c < table->n_columns && status == LXW_NO_ERROR; c++)
    if (table->columns[c].statuses)
      status = add_status_list (sheet, form, table, (lxw_col_t) c);
  if (status != LXW_NO_ERROR)
    return status;
  worksheet_freeze_panes (sheet, 1, 0);
  /* only the cells to fill can be changed; columns and rows can still be
   * made wider or higher to read */
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect (sheet, NULL, &protection);
  if (table->hidden)
    worksheet_hide (sheet);
  return LXW_NO_ERROR;
}

static int
fill_form (gpointer workbook, gpointer user_data)
{
  FitaForm *form = user_data;
  lxw_doc_properties properties = { 0 };
  lxw_error status;
  Formats formats;

  properties.title = (char *) form->title;
  workbook_set_properties (workbook, &properties);
  make_formats (workbook, &formats);
  /* in their order, the instructions first (FITA_FORM_INSTRUCTIONS is 0) */
  status = LXW_NO_ERROR;
  for (guint s = 0; s < FITA_FORM_N_SHEETS && status == LXW_NO_ERROR; s++)
    status = write_sheet (workbook, form, &form->sheets[s], &formats);
  return status;
}

gboolean
fita_form_write_xlsx (FitaForm *form, const char *path, const char *input, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;

  if (!(output = fita_output_open (path, input, error)) || !fita_output_write (output, "", 0, error))
    return FALSE;
  if (!fita_export_xlsx_write_workbook (output, FALSE, fill_form, form, error))
    return FALSE;
  return fita_output_commit (g_steal_pointer (&output), error);
}
