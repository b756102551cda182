/* An update form as an ODS spreadsheet (OpenDocument 1.2), with the
 * helpers of fita-export-ods.c: each table protected, the cells to fill
 * unprotected, the key column collapsed and the key table hidden. */
#include "config.h"
#include "fita-forms-private.h"

#include "fita-money.h"
#include "fita-output.h"

#include <string.h>

#define NAMESPACES \
  FITA_ODS_XMLNS \
  " office:version=\"1.2\""
#define CM_PER_CHARACTER 0.2
/* a line of the default 10 pt text, with the cell's margins */
#define CM_PER_LINE 0.45
#define CM_ROW_PADDING 0.05

static const char styles_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" NAMESPACES ">"
  "<office:styles><style:default-style style:family=\"table-cell\"/>"
  "<style:style style:name=\"Default\" style:family=\"table-cell\"/></office:styles>"
  "</office:document-styles>";

/* Cell styles: locked (grey) or to fill (style:cell-protect="none"). */
static const char cell_styles[] =
  "<style:style style:name=\"ce-head\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
  "<style:table-cell-properties fo:background-color=\"#deddda\" fo:border-bottom=\"0.06pt solid #000000\" "
  "fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"ce-lock\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
  "<style:table-cell-properties fo:background-color=\"#eeeeec\" style:vertical-align=\"top\"/></style:style>"
  "<style:style style:name=\"ce-lockwrap\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
  "<style:table-cell-properties fo:background-color=\"#eeeeec\" fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/></style:style>"
  "<style:style style:name=\"ce-open\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
  "<style:table-cell-properties style:cell-protect=\"none\" style:vertical-align=\"top\"/></style:style>"
  "<style:style style:name=\"ce-openwrap\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
  "<style:table-cell-properties style:cell-protect=\"none\" fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/></style:style>"
  "<style:style style:name=\"ce-openmoney\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
  "style:data-style-name=\"N-money\"><style:table-cell-properties style:cell-protect=\"none\" style:vertical-align=\"top\"/></style:style>";

static const char *
cell_style (FitaFormColumn *column, FitaExportCell *cell)
{
  if (!column->editable)
    return column->wrap ? "ce-lockwrap" : "ce-lock";
  if (cell->kind == FITA_CELL_CENTS)
    return "ce-openmoney";
  return column->wrap ? "ce-openwrap" : "ce-open";
}

static void
append_cell (GString *out, FitaForm *form, FitaFormColumn *column, FitaExportCell *cell)
{
  g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\"", cell_style (column, cell));
  if (column->statuses)
    g_string_append (out, " table:content-validation-name=\"val-status\"");
  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
      g_string_append (out, " office:value-type=\"string\">");
      fita_export_ods_append_paragraphs (out, cell->text);
      break;
    case FITA_CELL_INTEGER:
      g_string_append_printf (out, " office:value-type=\"float\" office:value=\"%" G_GINT64_FORMAT "\">"
                              "<text:p>%" G_GINT64_FORMAT "</text:p>", cell->number, cell->number);
      break;
    case FITA_CELL_DECIMAL:
      g_string_append_printf (out, " office:value-type=\"float\" office:value=\"%s\"><text:p>%s</text:p>",
                              cell->text, cell->text);
      break;
    case FITA_CELL_CENTS:
      {
        g_autofree char *value = fita_export_cents_text (cell->number);
        g_autofree char *shown = fita_money_format (cell->number, form->lang);
        g_string_append_printf (out, " office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"%s\"><text:p>",
                                value);
        fita_export_ods_append_escaped (out, shown, -1);
        g_string_append (out, "</text:p>");
      }
      break;
    case FITA_CELL_PERCENT:
    case FITA_CELL_EMPTY:
    default:
      g_string_append (out, ">");
      break;
    }
  g_string_append (out, "</table:table-cell>");
}

static void
append_table (GString *out, FitaForm *form, guint index)
{
  FitaFormSheet *table = &form->sheets[index];

  g_string_append (out, "<table:table table:name=\"");
  fita_export_ods_append_escaped (out, table->name, -1);
  g_string_append_printf (out, "\" table:style-name=\"%s\" table:protected=\"true\">", table->hidden ? "ta-hidden" : "ta-shown");
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"co-%u-%u\"%s/>", index, c,
                            table->columns[c].hidden ? " table:visibility=\"collapse\"" : "");
  g_string_append_printf (out, "<table:table-header-rows><table:table-row table:style-name=\"ro-%u\">",
                          fita_form_row_lines (table, -1));
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append (out, "<table:table-cell table:style-name=\"ce-head\" office:value-type=\"string\">");
      fita_export_ods_append_paragraphs (out, table->columns[c].header);
      g_string_append (out, "</table:table-cell>");
    }
  g_string_append (out, "</table:table-row></table:table-header-rows>");
  for (guint r = 0; r < table->n_rows; r++)
    {
      g_string_append_printf (out, "<table:table-row table:style-name=\"ro-%u\">", fita_form_row_lines (table, (int) r));
      for (guint c = 0; c < table->n_columns; c++)
        append_cell (out, form, &table->columns[c], fita_form_cell (table, r, c));
      g_string_append (out, "</table:table-row>");
    }
  g_string_append (out, "</table:table>");
}

/* The statuses as an OpenFormula list: "In progress";"Done", quotes
 * doubled, escaped for an attribute. */
static void
append_status_condition (GString *out, FitaForm *form)
{
  g_autoptr(GString) list = g_string_new ("of:cell-content-is-in-list(");

  for (guint i = 0; form->statuses[i] != NULL; i++)
    {
      g_autofree char *quoted = NULL;
      g_auto(GStrv) parts = g_strsplit (form->statuses[i], "\"", -1);
      quoted = g_strjoinv ("\"\"", parts);
      g_string_append_printf (list, "%s\"%s\"", i ? ";" : "", quoted);
    }
  g_string_append_c (list, ')');
  fita_export_ods_append_escaped (out, list->str, -1);
}

static char *
make_content (FitaForm *form)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" NAMESPACES ">");

  g_string_append (out,
    "<office:automatic-styles>"
    "<number:currency-style style:name=\"N-money\"><number:number number:decimal-places=\"2\" "
    "number:min-decimal-places=\"2\" number:min-integer-digits=\"1\" number:grouping=\"true\"/>"
    "<number:text> </number:text><number:currency-symbol>€</number:currency-symbol></number:currency-style>"
    "<style:style style:name=\"ta-shown\" style:family=\"table\"><style:table-properties table:display=\"true\"/></style:style>"
    "<style:style style:name=\"ta-hidden\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>");
  g_string_append (out, cell_styles);
  /* rows as high as their wrapped texts need, in case the spreadsheet
   * does not size them when it opens the file; sized again as they are
   * edited */
  for (guint lines = 1; lines <= FITA_FORM_MAX_LINES; lines++)
    g_string_append_printf (out, "<style:style style:name=\"ro-%u\" style:family=\"table-row\">"
                            "<style:table-row-properties style:row-height=\"%.2fcm\" style:use-optimal-row-height=\"true\"/>"
                            "</style:style>", lines, lines * CM_PER_LINE + CM_ROW_PADDING);
  for (guint s = 0; s < FITA_FORM_N_SHEETS; s++)
    for (guint c = 0; c < form->sheets[s].n_columns; c++)
      g_string_append_printf (out, "<style:style style:name=\"co-%u-%u\" style:family=\"table-column\">"
                              "<style:table-column-properties style:column-width=\"%.2fcm\"/></style:style>",
                              s, c, form->sheets[s].columns[c].width * CM_PER_CHARACTER);
  g_string_append (out, "</office:automatic-styles><office:body><office:spreadsheet>");
  if (form->statuses[0] != NULL)
    {
      g_string_append (out, "<table:content-validations><table:content-validation table:name=\"val-status\" "
                       "table:allow-empty-cell=\"true\" table:display-list=\"unsorted\" table:condition=\"");
      append_status_condition (out, form);
      g_string_append (out, "\"><table:error-message table:display=\"true\" table:message-type=\"stop\"/>"
                       "</table:content-validation></table:content-validations>");
    }
  for (guint s = 0; s < FITA_FORM_N_SHEETS; s++)
    append_table (out, form, s);
  g_string_append (out, "</office:spreadsheet></office:body></office:document-content>");
  return g_string_free (out, FALSE);
}

static char *
make_meta (FitaForm *form)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta" NAMESPACES ">"
                               "<office:meta><meta:generator>Fita/" PACKAGE_VERSION "</meta:generator><dc:title>");

  fita_export_ods_append_escaped (out, form->title ? form->title : "", -1);
  g_string_append (out, "</dc:title></office:meta></office:document-meta>");
  return g_string_free (out, FALSE);
}

gboolean
fita_form_write_ods (FitaForm *form, const char *path, const char *input, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;

  if (!(output = fita_output_open (path, input, error)) || !fita_output_write (output, "", 0, error))
    return FALSE;
  content = make_content (form);
  meta = make_meta (form);

  {
    const FitaOdsPart parts[] = {
      { "content.xml", content }, { "styles.xml", styles_xml }, { "meta.xml", meta },
    };

    if (!fita_export_ods_write_package (output, parts, G_N_ELEMENTS (parts), error))
      return FALSE;
  }
  return fita_output_commit (g_steal_pointer (&output), error);
}
