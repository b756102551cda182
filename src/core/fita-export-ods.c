/* The plan as an ODS spreadsheet (OpenDocument 1.2), zipped with
 * minizip: mimetype first and stored, then content, styles, meta,
 * settings (the frozen header row) and the manifest. */
#include "config.h"
#include "fita-export.h"
#include "fita-export-private.h"
#include "fita-zip.h"

#include "fita-error.h"
#include "fita-money.h"
#include "fita-output.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"
#define NAMESPACES \
  FITA_ODS_XMLNS \
  " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\"" \
  " office:version=\"1.2\""

/* The width of a digit and the height of a line of the default font
 * (10 pt), the highest row, and the width of a landscape A4 page in
 * digits at 100 %, in cm. */
#define CM_PER_CHARACTER 0.2
#define CM_PER_LINE 0.45
#define MAX_ROW_CM 14.4
#define PAGE_CHARACTERS 130.0
#define MAX_PAGES_WIDE 4

static const char * const percent_styles[] = { "ce-pct0", "ce-pct1", "ce-pct2" };

void
fita_export_ods_append_escaped (GString *out, const char *text, gssize length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

void
fita_export_ods_append_paragraphs (GString *out, const char *text)
{
  const char *line = text;

  while (line != NULL)
    {
      const char *end = strchr (line, '\n');
      const char *stop = end ? end : line + strlen (line);
      const char *run = line;

      g_string_append (out, "<text:p>");
      for (const char *p = line; p < stop; p++)
        {
          guint spaces = 0;
          if (*p != ' ' && *p != '\t')
            continue;
          fita_export_ods_append_escaped (out, run, p - run);
          if (*p == '\t')
            {
              g_string_append (out, "<text:tab/>");
              run = p + 1;
              continue;
            }
          while (p + spaces < stop && p[spaces] == ' ')
            spaces++;
          /* one plain space between words; the rest, or any at the start, as <text:s> */
          if (p > line && spaces == 1)
            g_string_append_c (out, ' ');
          else if (p > line)
            g_string_append_printf (out, " <text:s text:c=\"%u\"/>", spaces - 1);
          else
            g_string_append_printf (out, "<text:s text:c=\"%u\"/>", spaces);
          p += spaces - 1;
          run = p + 1;
        }
      fita_export_ods_append_escaped (out, run, stop - run);
      g_string_append (out, "</text:p>");
      line = end ? end + 1 : NULL;
    }
}

static void
append_cell (GString *out, FitaExport *export, FitaExportColumn *column, FitaExportCell *cell)
{
  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
      g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">",
                              column->wrap ? "ce-wrap" : "ce-text");
      fita_export_ods_append_paragraphs (out, cell->text);
      break;
    case FITA_CELL_INTEGER:
      g_string_append_printf (out, "<table:table-cell table:style-name=\"ce-whole\" office:value-type=\"float\" "
                              "office:value=\"%" G_GINT64_FORMAT "\"><text:p>%" G_GINT64_FORMAT "</text:p>",
                              cell->number, cell->number);
      break;
    case FITA_CELL_DECIMAL:
      g_string_append_printf (out, "<table:table-cell table:style-name=\"ce-text\" office:value-type=\"float\" "
                              "office:value=\"%s\"><text:p>%s</text:p>", cell->text, cell->text);
      break;
    case FITA_CELL_CENTS:
      {
        /* the amount itself, exactly, not through a double */
        g_autofree char *value = fita_export_cents_text (cell->number);
        g_autofree char *shown = fita_money_format (cell->number, export->lang);
        g_string_append_printf (out, "<table:table-cell table:style-name=\"ce-money\" office:value-type=\"currency\" "
                                "office:currency=\"EUR\" office:value=\"%s\"><text:p>", value);
        fita_export_ods_append_escaped (out, shown, -1);
        g_string_append (out, "</text:p>");
      }
      break;
    case FITA_CELL_PERCENT:
      {
        int decimals = CLAMP (column->decimals, 0, 2);
        g_autofree char *value = fita_export_fraction_text (cell->number);
        g_autofree char *shown = fita_percent_format_hundredths (cell->number, decimals, export->lang);
        g_string_append_printf (out, "<table:table-cell table:style-name=\"%s\" office:value-type=\"percentage\" "
                                "office:value=\"%s\"><text:p>", percent_styles[decimals], value);
        fita_export_ods_append_escaped (out, shown, -1);
        g_string_append (out, "</text:p>");
      }
      break;
    case FITA_CELL_EMPTY:
    default:
      g_return_if_reached ();
    }
  g_string_append (out, "</table:table-cell>");
}

/* "Q", "AB": a column's letters, for range addresses. */
static char *
column_letters (guint column)
{
  char letters[8];
  int n = 0;
  GString *out = g_string_new (NULL);

  for (guint c = column + 1; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  while (n > 0)
    g_string_append_c (out, letters[--n]);
  return g_string_free (out, FALSE);
}

/* A table's name in a range address: quoted, quotes doubled, and
 * escaped for an attribute. */
static char *
quoted_name (const char *name)
{
  GString *out = g_string_new ("'");

  for (const char *p = name; *p != '\0'; p++)
    switch (*p)
      {
      case '\'': g_string_append (out, "''"); break;
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      default: g_string_append_c (out, *p); break;
      }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

/* Rows of long texts are as high as they need (LibreOffice lays out a
 * printed page with other widths than it fits the rows with on
 * screen, so its own heights can cut texts). */
static void
append_row_start (GString *out, guint lines)
{
  if (lines > 1)
    g_string_append_printf (out, "<table:table-row table:style-name=\"ro%u\">", lines);
  else
    g_string_append (out, "<table:table-row>");
}

/* How many pages a table is printed across: two or three for a wide
 * one, rather than letters too small to read. */
static guint
pages_wide (FitaExportTable *table)
{
  return CLAMP ((guint) (table->width / PAGE_CHARACTERS + 0.99), 1, MAX_PAGES_WIDE);
}

static void
append_table (GString *out, FitaExport *export, guint index)
{
  FitaExportTable *table = &export->tables[index];

  g_string_append (out, "<table:table table:name=\"");
  fita_export_ods_append_escaped (out, table->name, -1);
  g_string_append_printf (out, "\" table:style-name=\"ta%u\">", index);
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"co-%u-%u\" "
                            "table:default-cell-style-name=\"Default\"/>", index, c);
  /* the header, printed on every page */
  g_string_append (out, "<table:table-header-rows>");
  append_row_start (out, table->lines[0]);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append (out, "<table:table-cell table:style-name=\"ce-head\" office:value-type=\"string\">");
      fita_export_ods_append_paragraphs (out, table->columns[c].header);
      g_string_append (out, "</table:table-cell>");
    }
  g_string_append (out, "</table:table-row></table:table-header-rows>");
  for (guint r = 0; r < table->n_rows; r++)
    {
      guint empty = 0;
      append_row_start (out, table->lines[r + 1]);
      for (guint c = 0; c < table->n_columns; c++)
        {
          FitaExportCell *cell = fita_export_cell (table, r, c);
          if (cell->kind == FITA_CELL_EMPTY)
            {
              empty++;
              continue;
            }
          if (empty == 1)
            g_string_append (out, "<table:table-cell/>");
          else if (empty > 1)
            g_string_append_printf (out, "<table:table-cell table:number-columns-repeated=\"%u\"/>", empty);
          empty = 0;
          append_cell (out, export, &table->columns[c], cell);
        }
      g_string_append (out, "</table:table-row>");
    }
  g_string_append (out, "</table:table>");
}

static char *
make_content (FitaExport *export)
{
  g_autoptr(GHashTable) heights = g_hash_table_new (g_direct_hash, g_direct_equal);
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content" NAMESPACES ">");

  g_string_append (out,
    "<office:automatic-styles>"
    "<number:number-style style:name=\"N-whole\"><number:number number:decimal-places=\"0\" "
    "number:min-decimal-places=\"0\" number:min-integer-digits=\"1\"/></number:number-style>"
    "<number:currency-style style:name=\"N-money\"><number:number number:decimal-places=\"2\" "
    "number:min-decimal-places=\"2\" number:min-integer-digits=\"1\" number:grouping=\"true\"/>"
    "<number:text> </number:text><number:currency-symbol>€</number:currency-symbol></number:currency-style>");
  for (guint d = 0; d < G_N_ELEMENTS (percent_styles); d++)
    g_string_append_printf (out, "<number:percentage-style style:name=\"N-pct%u\"><number:number "
                            "number:decimal-places=\"%u\" number:min-decimal-places=\"%u\" "
                            "number:min-integer-digits=\"1\"/><number:text>%%</number:text>"
                            "</number:percentage-style>", d, d, d);
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    {
      FitaExportTable *table = &export->tables[t];
      g_string_append_printf (out, "<style:style style:name=\"ta%u\" style:family=\"table\" style:master-page-name=\"mp%u\">"
                              "<style:table-properties table:display=\"true\" style:writing-mode=\"lr-tb\"/></style:style>",
                              t, pages_wide (table));
      for (guint r = 0; r <= table->n_rows; r++)
        if (table->lines[r] > 1 && !g_hash_table_contains (heights, GUINT_TO_POINTER (table->lines[r])))
          {
            g_hash_table_add (heights, GUINT_TO_POINTER (table->lines[r]));
            g_string_append_printf (out, "<style:style style:name=\"ro%u\" style:family=\"table-row\">"
                                    "<style:table-row-properties style:row-height=\"%.2fcm\" "
                                    "style:use-optimal-row-height=\"false\" fo:break-before=\"auto\"/></style:style>",
                                    table->lines[r], MIN (table->lines[r] * CM_PER_LINE, MAX_ROW_CM));
          }
    }
  g_string_append (out,
    "<style:style style:name=\"ce-head\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
    "<style:table-cell-properties fo:background-color=\"#deddda\" fo:border-bottom=\"0.06pt solid #000000\" "
    "fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"ce-text\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
    "<style:table-cell-properties style:vertical-align=\"top\"/></style:style>"
    "<style:style style:name=\"ce-wrap\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
    "<style:table-cell-properties fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/></style:style>"
    "<style:style style:name=\"ce-whole\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
    "style:data-style-name=\"N-whole\"><style:table-cell-properties style:vertical-align=\"top\"/></style:style>"
    "<style:style style:name=\"ce-money\" style:family=\"table-cell\" style:parent-style-name=\"Default\" "
    "style:data-style-name=\"N-money\"><style:table-cell-properties style:vertical-align=\"top\"/></style:style>");
  for (guint d = 0; d < G_N_ELEMENTS (percent_styles); d++)
    g_string_append_printf (out, "<style:style style:name=\"%s\" style:family=\"table-cell\" "
                            "style:parent-style-name=\"Default\" style:data-style-name=\"N-pct%u\">"
                            "<style:table-cell-properties style:vertical-align=\"top\"/></style:style>",
                            percent_styles[d], d);
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    for (guint c = 0; c < export->tables[t].n_columns; c++)
      g_string_append_printf (out, "<style:style style:name=\"co-%u-%u\" style:family=\"table-column\">"
                              "<style:table-column-properties fo:break-before=\"auto\" style:column-width=\"%.2fcm\"/>"
                              "</style:style>", t, c, export->tables[t].columns[c].width * CM_PER_CHARACTER);
  g_string_append (out, "</office:automatic-styles><office:body><office:spreadsheet>");
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    append_table (out, export, t);
  /* an autofilter on each table's header */
  g_string_append (out, "<table:database-ranges>");
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    {
      FitaExportTable *table = &export->tables[t];
      g_autofree char *name = quoted_name (table->name);
      g_autofree char *last = column_letters (table->n_columns - 1);
      g_string_append_printf (out, "<table:database-range table:name=\"__Anonymous_Sheet_DB__%u\" "
                              "table:target-range-address=\"%s.A1:%s.%s%u\" table:display-filter-buttons=\"true\"/>",
                              t, name, name, last, table->n_rows + 1);
    }
  g_string_append (out, "</table:database-ranges></office:spreadsheet></office:body></office:document-content>");
  return g_string_free (out, FALSE);
}

/* The view: each table's first row frozen, as LibreOffice keeps it. */
static char *
make_settings (FitaExport *export)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings" NAMESPACES ">"
                               "<office:settings><config:config-item-set config:name=\"ooo:view-settings\">"
                               "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>"
                               "<config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>"
                               "<config:config-item-map-named config:name=\"Tables\">");
  static const struct { const char *name, *type; int value; } frozen[] = {
    { "HorizontalSplitMode", "short", 0 }, { "VerticalSplitMode", "short", 2 },
    { "HorizontalSplitPosition", "int", 0 }, { "VerticalSplitPosition", "int", 1 },
    { "ActiveSplitRange", "short", 2 }, { "PositionLeft", "int", 0 }, { "PositionRight", "int", 0 },
    { "PositionTop", "int", 0 }, { "PositionBottom", "int", 1 },
  };

  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    {
      g_string_append (out, "<config:config-item-map-entry config:name=\"");
      fita_export_ods_append_escaped (out, export->tables[t].name, -1);
      g_string_append (out, "\">");
      for (guint i = 0; i < G_N_ELEMENTS (frozen); i++)
        g_string_append_printf (out, "<config:config-item config:name=\"%s\" config:type=\"%s\">%d</config:config-item>",
                                frozen[i].name, frozen[i].type, frozen[i].value);
      g_string_append (out, "</config:config-item-map-entry>");
    }
  g_string_append (out, "</config:config-item-map-named><config:config-item config:name=\"ActiveTable\" "
                   "config:type=\"string\">");
  fita_export_ods_append_escaped (out, export->tables[0].name, -1);
  g_string_append (out, "</config:config-item></config:config-item-map-entry></config:config-item-map-indexed>"
                   "</config:config-item-set></office:settings></office:document-settings>");
  return g_string_free (out, FALSE);
}

static char *
make_meta (FitaExport *export)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta" NAMESPACES ">"
                               "<office:meta><meta:generator>Fita/" PACKAGE_VERSION "</meta:generator><dc:title>");

  fita_export_ods_append_escaped (out, export->info->title ? export->info->title : "", -1);
  g_string_append (out, "</dc:title></office:meta></office:document-meta>");
  return g_string_free (out, FALSE);
}

/* The pages: landscape A4, a table across one, two or three pages
 * wide (a master page for each), the header row on every page. */
static char *
make_styles (void)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles" NAMESPACES ">"
                               "<office:styles><style:default-style style:family=\"table-cell\"/>"
                               "<style:style style:name=\"Default\" style:family=\"table-cell\"/></office:styles>"
                               "<office:automatic-styles>");

  for (guint wide = 1; wide <= MAX_PAGES_WIDE; wide++)
    g_string_append_printf (out, "<style:page-layout style:name=\"pl%u\"><style:page-layout-properties "
                            "fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" style:print-orientation=\"landscape\" "
                            "fo:margin=\"1.5cm\" style:scale-to-X=\"%u\" style:scale-to-Y=\"0\"/></style:page-layout>",
                            wide, wide);
  g_string_append (out, "</office:automatic-styles><office:master-styles>");
  for (guint wide = 1; wide <= MAX_PAGES_WIDE; wide++)
    g_string_append_printf (out, "<style:master-page style:name=\"mp%u\" style:page-layout-name=\"pl%u\"/>", wide, wide);
  g_string_append (out, "</office:master-styles></office:document-styles>");
  return g_string_free (out, FALSE);
}

static char *
make_manifest (const FitaOdsPart *parts, guint n_parts)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                               "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"" MIMETYPE "\"/>");

  for (guint i = 0; i < n_parts; i++)
    g_string_append_printf (out, "<manifest:file-entry manifest:full-path=\"%s\" manifest:media-type=\"text/xml\"/>",
                            parts[i].name);
  g_string_append (out, "</manifest:manifest>");
  return g_string_free (out, FALSE);
}

gboolean
fita_export_ods_write_package (FitaOutput *output, const FitaOdsPart *parts, guint n_parts, GError **error)
{
  g_autofree char *manifest = make_manifest (parts, n_parts);
  g_autofree FitaZipPart *zip = g_new0 (FitaZipPart, n_parts + 2);

  /* the mimetype first, stored: how a file says it is ODS */
  zip[0] = (FitaZipPart) { "mimetype", MIMETYPE, -1, TRUE };
  for (guint i = 0; i < n_parts; i++)
    zip[i + 1] = (FitaZipPart) { parts[i].name, parts[i].data, -1, FALSE };
  zip[n_parts + 1] = (FitaZipPart) { "META-INF/manifest.xml", manifest, -1, FALSE };
  return fita_zip_write (fita_output_get_temp_path (output), zip, n_parts + 2, error);
}

gboolean
fita_export_ods (FitaPlan *plan, const char *lang, const char *path, const char *input, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;
  g_autoptr(FitaExport) export = NULL;
  g_autofree char *content = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *styles = make_styles ();

  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!(output = fita_output_open (path, input, error)) || !fita_output_write (output, "", 0, error))
    return FALSE;
  export = fita_export_new (plan, lang);
  content = make_content (export);
  settings = make_settings (export);
  meta = make_meta (export);

  {
    const FitaOdsPart parts[] = {
      { "content.xml", content }, { "styles.xml", styles }, { "meta.xml", meta }, { "settings.xml", settings },
    };

    if (!fita_export_ods_write_package (output, parts, G_N_ELEMENTS (parts), error))
      return FALSE;
  }
  return fita_output_commit (g_steal_pointer (&output), error);
}
