/* fita-report-odt.c: a report as an OpenDocument text (ODF 1.2), the
 * flowing, editable twin of the PDF (see fita-report-flow.h).
 *
 * Headings are text:h with their outline level in the styles "Heading 1"
 * to "Heading 3", which LibreOffice's navigator and tables of contents
 * use; tables repeat their header row on every page
 * (table:table-header-rows); pictures are PNG with their alternative text
 * in svg:desc. The package: mimetype first and stored, content, styles,
 * meta, the pictures and the manifest. */
#include "config.h"
#include "fita-report-flow.h"

#include <string.h>

#define MIMETYPE "application/vnd.oasis.opendocument.text"

static const char * const namespaces[][2] = {
  { "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
  { "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { "xmlns:xlink", "http://www.w3.org/1999/xlink" },
  { "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
  { "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
};

static void
start_document (xmlTextWriterPtr w, const char *root)
{
  FLOW_START (w, root);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    FLOW_ATTR (w, namespaces[i][0], namespaces[i][1]);
  FLOW_ATTR (w, "office:version", "1.2");
}

static void
text_paragraph (xmlTextWriterPtr w, const char *style, const char *text)
{
  FLOW_START (w, "text:p");
  FLOW_ATTR (w, "text:style-name", style);
  FLOW_TEXT (w, text);
  FLOW_END (w);
}

/* The body */

/* The title page's title heads the document: the outline's first level,
 * so that the headings under it do not skip one. */
static void
odt_title (FitaDocFlow *flow, const char *text)
{
  FLOW_START (flow->w, "text:h");
  FLOW_ATTR (flow->w, "text:style-name", "Title");
  FLOW_ATTR (flow->w, "text:outline-level", "1");
  FLOW_TEXT (flow->w, text);
  FLOW_END (flow->w);
}

static void
odt_heading (FitaDocFlow *flow, int level, const char *text)
{
  g_autofree char *style = g_strdup_printf ("Heading_20_%d", level);
  g_autofree char *outline = g_strdup_printf ("%d", level);

  FLOW_START (flow->w, "text:h");
  FLOW_ATTR (flow->w, "text:style-name", style);
  FLOW_ATTR (flow->w, "text:outline-level", outline);
  FLOW_TEXT (flow->w, text);
  FLOW_END (flow->w);
}

static void
odt_paragraph (FitaDocFlow *flow, const char *text, FitaDocFlowStyle style)
{
  static const char * const names[] = { "Text_20_body", "Fita_20_Bold", "Fita_20_Small", "Subtitle" };

  text_paragraph (flow->w, names[style], text);
}

static void
odt_link (FitaDocFlow *flow, const char *title, const char *url)
{
  FLOW_START (flow->w, "text:p");
  FLOW_ATTR (flow->w, "text:style-name", "Text_20_body");
  FLOW_START (flow->w, "text:a");
  FLOW_ATTR (flow->w, "xlink:type", "simple");
  FLOW_ATTR (flow->w, "xlink:href", url);
  FLOW_ATTR (flow->w, "text:style-name", "Internet_20_link");
  FLOW_TEXT (flow->w, title && *title ? title : url);
  FLOW_END (flow->w);
  FLOW_END (flow->w);
}

static void
odt_picture (FitaDocFlow *flow, guint index, double width, double height, const char *alt)
{
  g_autofree char *name = g_strdup_printf ("Picture %u", index + 1);
  g_autofree char *href = g_strdup_printf ("Pictures/picture%u.png", index + 1);
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *sw = g_strconcat (g_ascii_formatd (w, sizeof w, "%.2f", width), "pt", NULL);
  g_autofree char *sh = g_strconcat (g_ascii_formatd (h, sizeof h, "%.2f", height), "pt", NULL);

  FLOW_START (flow->w, "text:p");
  FLOW_ATTR (flow->w, "text:style-name", "Fita_20_Picture");
  FLOW_START (flow->w, "draw:frame");
  FLOW_ATTR (flow->w, "draw:name", name);
  FLOW_ATTR (flow->w, "text:anchor-type", "as-char");
  FLOW_ATTR (flow->w, "svg:width", sw);
  FLOW_ATTR (flow->w, "svg:height", sh);
  FLOW_START (flow->w, "draw:image");
  FLOW_ATTR (flow->w, "xlink:href", href);
  FLOW_ATTR (flow->w, "xlink:type", "simple");
  FLOW_ATTR (flow->w, "xlink:show", "embed");
  FLOW_ATTR (flow->w, "xlink:actuate", "onLoad");
  FLOW_END (flow->w);
  /* the schema wants them after the image */
  FLOW_START (flow->w, "svg:desc");
  FLOW_TEXT (flow->w, alt);
  FLOW_END (flow->w);
  FLOW_END (flow->w);
  FLOW_END (flow->w);
}

static void
cell (xmlTextWriterPtr w, const char *cell_style, const char *paragraph_style, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  FLOW_START (w, "table:table-cell");
  FLOW_ATTR (w, "table:style-name", cell_style);
  FLOW_ATTR (w, "office:value-type", "string");
  for (guint i = 0; lines[i] != NULL; i++)
    text_paragraph (w, paragraph_style, lines[i]);
  FLOW_END (w);
}

static void
odt_table (FitaDocFlow *flow, FitaDocTable *table)
{
  xmlTextWriterPtr w = flow->w;
  g_autofree char *name = g_strdup_printf ("Table%u", ++flow->n_tables);
  char width[G_ASCII_DTOSTR_BUF_SIZE];
  double weights = 0;

  for (guint c = 0; c < table->n_columns; c++)
    weights += table->columns[c].weight;
  /* the whole width, the columns in the shares the PDF gives them */
  g_string_append_printf (flow->extra,
                          "<style:style style:name=\"%s\" style:family=\"table\"><style:table-properties"
                          " style:width=\"%spt\" table:align=\"margins\"/></style:style>\n",
                          name, g_ascii_formatd (width, sizeof width, "%.2f", flow->page_width - 2 * flow->margin));
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (flow->extra,
                            "<style:style style:name=\"%s.%u\" style:family=\"table-column\"><style:table-column-properties"
                            " style:rel-column-width=\"%d*\"/></style:style>\n",
                            name, c + 1, (int) (10000 * table->columns[c].weight / MAX (weights, 0.001)) + 1);

  FLOW_START (w, "table:table");
  FLOW_ATTR (w, "table:name", name);
  FLOW_ATTR (w, "table:style-name", name);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *column = g_strdup_printf ("%s.%u", name, c + 1);
      FLOW_START (w, "table:table-column");
      FLOW_ATTR (w, "table:style-name", column);
      FLOW_END (w);
    }
  if (table->header)
    {
      FLOW_START (w, "table:table-header-rows");
      FLOW_START (w, "table:table-row");
      for (guint c = 0; c < table->n_columns; c++)
        cell (w, "Fita.Head", table->columns[c].align == FITA_DOC_ALIGN_RIGHT ? "Fita_20_Table_20_Heading_20_Right"
                                                                              : "Table_20_Heading",
              table->columns[c].title);
      FLOW_END (w);
      FLOW_END (w);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      guint flags = g_array_index (table->row_flags, guint, r);
      gboolean bold = (flags & (FITA_DOC_ROW_BOLD | FITA_DOC_ROW_TOTAL)) != 0;

      FLOW_START (w, "table:table-row");
      for (guint c = 0; c < table->n_columns; c++)
        {
          gboolean right = table->columns[c].align == FITA_DOC_ALIGN_RIGHT;
          cell (w, flags & FITA_DOC_ROW_TOTAL ? "Fita.Total" : "Fita.Cell",
                bold ? (right ? "Fita_20_Table_20_Bold_20_Right" : "Fita_20_Table_20_Bold")
                     : (right ? "Fita_20_Table_20_Right" : "Table_20_Contents"),
                cells[c]);
        }
      FLOW_END (w);
    }
  FLOW_END (w);
}

static void
odt_page_break (FitaDocFlow *flow)
{
  FLOW_START (flow->w, "text:p");
  FLOW_ATTR (flow->w, "text:style-name", "Fita_20_Page_20_Break");
  FLOW_END (flow->w);
}

/* The parts */

static char *
content_xml (FitaDocFlow *flow)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content");

  /* by hand around the body, which is already written */
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    g_string_append_printf (out, " %s=\"%s\"", namespaces[i][0], namespaces[i][1]);
  g_string_append (out,
                   " office:version=\"1.2\">\n<office:automatic-styles>\n"
                   "<style:style style:name=\"Fita.Head\" style:family=\"table-cell\"><style:table-cell-properties"
                   " fo:background-color=\"#e6edf7\" fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #808080\"/></style:style>\n"
                   "<style:style style:name=\"Fita.Cell\" style:family=\"table-cell\"><style:table-cell-properties"
                   " fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #bfbfc7\"/></style:style>\n"
                   "<style:style style:name=\"Fita.Total\" style:family=\"table-cell\"><style:table-cell-properties"
                   " fo:padding=\"0.1cm\" fo:border-top=\"1.5pt solid #202028\" fo:border-bottom=\"0.5pt solid #bfbfc7\""
                   " fo:border-left=\"0.5pt solid #bfbfc7\" fo:border-right=\"0.5pt solid #bfbfc7\"/></style:style>\n");
  g_string_append (out, flow->extra->str);
  g_string_append (out, "</office:automatic-styles>\n<office:body>\n<office:text>");
  xmlTextWriterFlush (flow->w);
  g_string_append (out, (const char *) xmlBufferContent (flow->body));
  g_string_append (out, "\n</office:text>\n</office:body>\n</office:document-content>\n");
  return g_string_free (out, FALSE);
}

static void
paragraph_style (xmlTextWriterPtr w, const char *name, const char *display, const char *parent, const char *class,
                 const char *paragraph_properties, const char *text_properties)
{
  FLOW_START (w, "style:style");
  FLOW_ATTR (w, "style:name", name);
  if (display != NULL)
    FLOW_ATTR (w, "style:display-name", display);
  FLOW_ATTR (w, "style:family", "paragraph");
  if (parent != NULL)
    FLOW_ATTR (w, "style:parent-style-name", parent);
  FLOW_ATTR (w, "style:class", class);
  if (paragraph_properties != NULL)
    xmlTextWriterWriteRaw (w, BAD_CAST paragraph_properties);
  if (text_properties != NULL)
    xmlTextWriterWriteRaw (w, BAD_CAST text_properties);
  FLOW_END (w);
}

static char *
styles_xml (FitaDocFlow *flow)
{
  static const char * const sizes[] = { NULL, "16pt", "13pt", "11pt" };
  xmlBufferPtr buffer;
  xmlTextWriterPtr w = fita_doc_flow_part_begin (&buffer);
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *language = NULL;
  g_auto(GStrv) words = fita_doc_flow_page_words (flow);

  start_document (w, "office:document-styles");
  FLOW_START (w, "office:font-face-decls");
  FLOW_START (w, "style:font-face");
  FLOW_ATTR (w, "style:name", "Liberation Sans");
  FLOW_ATTR (w, "svg:font-family", "'Liberation Sans'");
  FLOW_ATTR (w, "style:font-family-generic", "swiss");
  FLOW_ATTR (w, "style:font-pitch", "variable");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "office:styles");

  /* the document's language */
  language = g_strdup_printf ("<style:text-properties style:font-name=\"Liberation Sans\" fo:font-size=\"10pt\""
                              " fo:language=\"%s\" fo:country=\"%s\"/>", flow->lang, fita_doc_flow_country (flow));
  FLOW_START (w, "style:default-style");
  FLOW_ATTR (w, "style:family", "paragraph");
  xmlTextWriterWriteRaw (w, BAD_CAST language);
  FLOW_END (w);

  paragraph_style (w, "Standard", NULL, NULL, "text", NULL, NULL);
  paragraph_style (w, "Heading", NULL, "Standard", "text",
                   "<style:paragraph-properties fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/>",
                   "<style:text-properties fo:font-weight=\"bold\"/>");
  for (int level = 1; level <= 3; level++)
    {
      g_autofree char *name = g_strdup_printf ("Heading_20_%d", level);
      g_autofree char *display = g_strdup_printf ("Heading %d", level);
      g_autofree char *text = g_strdup_printf ("<style:text-properties fo:font-size=\"%s\" fo:font-weight=\"bold\"%s/>",
                                               sizes[level], level == 1 ? " fo:color=\"#1a5eb5\"" : "");
      g_autofree char *outline = g_strdup_printf ("%d", level);
      FLOW_START (w, "style:style");
      FLOW_ATTR (w, "style:name", name);
      FLOW_ATTR (w, "style:display-name", display);
      FLOW_ATTR (w, "style:family", "paragraph");
      FLOW_ATTR (w, "style:parent-style-name", "Heading");
      FLOW_ATTR (w, "style:next-style-name", "Text_20_body");
      FLOW_ATTR (w, "style:default-outline-level", outline);
      FLOW_ATTR (w, "style:class", "text");
      xmlTextWriterWriteRaw (w, BAD_CAST text);
      FLOW_END (w);
    }
  paragraph_style (w, "Text_20_body", "Text body", "Standard", "text",
                   "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.18cm\"/>", NULL);
  paragraph_style (w, "Title", NULL, "Heading", "chapter", NULL,
                   "<style:text-properties fo:font-size=\"24pt\" fo:font-weight=\"bold\" fo:color=\"#1a5eb5\"/>");
  paragraph_style (w, "Subtitle", NULL, "Heading", "chapter", NULL,
                   "<style:text-properties fo:font-size=\"15pt\" fo:font-weight=\"bold\"/>");
  paragraph_style (w, "Fita_20_Bold", "Fita Bold", "Text_20_body", "text", NULL,
                   "<style:text-properties fo:font-weight=\"bold\"/>");
  paragraph_style (w, "Fita_20_Small", "Fita Small", "Text_20_body", "text", NULL,
                   "<style:text-properties fo:font-size=\"8.5pt\" fo:color=\"#606068\"/>");
  paragraph_style (w, "Fita_20_Picture", "Fita Picture", "Standard", "text",
                   "<style:paragraph-properties fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.3cm\"/>", NULL);
  paragraph_style (w, "Fita_20_Page_20_Break", "Fita Page Break", "Standard", "text",
                   "<style:paragraph-properties fo:break-after=\"page\"/>", NULL);
  paragraph_style (w, "Table_20_Contents", "Table Contents", "Standard", "extra", NULL,
                   "<style:text-properties fo:font-size=\"9pt\"/>");
  paragraph_style (w, "Table_20_Heading", "Table Heading", "Table_20_Contents", "extra", NULL,
                   "<style:text-properties fo:font-weight=\"bold\"/>");
  paragraph_style (w, "Fita_20_Table_20_Heading_20_Right", "Fita Table Heading Right", "Table_20_Heading", "extra",
                   "<style:paragraph-properties fo:text-align=\"end\"/>", NULL);
  paragraph_style (w, "Fita_20_Table_20_Right", "Fita Table Right", "Table_20_Contents", "extra",
                   "<style:paragraph-properties fo:text-align=\"end\"/>", NULL);
  paragraph_style (w, "Fita_20_Table_20_Bold", "Fita Table Bold", "Table_20_Contents", "extra", NULL,
                   "<style:text-properties fo:font-weight=\"bold\"/>");
  paragraph_style (w, "Fita_20_Table_20_Bold_20_Right", "Fita Table Bold Right", "Fita_20_Table_20_Bold", "extra",
                   "<style:paragraph-properties fo:text-align=\"end\"/>", NULL);
  paragraph_style (w, "Header", NULL, "Standard", "extra",
                   "<style:paragraph-properties fo:padding-bottom=\"2pt\" fo:border-bottom=\"0.5pt solid #bfbfc7\"/>",
                   "<style:text-properties fo:font-size=\"8pt\" fo:color=\"#606068\"/>");
  paragraph_style (w, "Footer", NULL, "Standard", "extra", "<style:paragraph-properties fo:text-align=\"end\"/>",
                   "<style:text-properties fo:font-size=\"8pt\" fo:color=\"#606068\"/>");
  xmlTextWriterWriteRaw (w, BAD_CAST "<style:style style:name=\"Internet_20_link\" style:display-name=\"Internet link\""
                                     " style:family=\"text\"><style:text-properties fo:color=\"#1a5eb5\""
                                     " style:text-underline-style=\"solid\" style:text-underline-width=\"auto\""
                                     " style:text-underline-color=\"font-color\"/></style:style>");
  FLOW_END (w);

  /* A4, portrait or landscape, the PDF's margins */
  FLOW_START (w, "office:automatic-styles");
  FLOW_START (w, "style:page-layout");
  FLOW_ATTR (w, "style:name", "pm1");
  FLOW_START (w, "style:page-layout-properties");
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST "fo:page-width", "%spt",
                                     g_ascii_formatd (number, sizeof number, "%.2f", flow->page_width));
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST "fo:page-height", "%spt",
                                     g_ascii_formatd (number, sizeof number, "%.2f", flow->page_height));
  FLOW_ATTR (w, "style:print-orientation", flow->landscape ? "landscape" : "portrait");
  /* the header and footer sit inside the PDF's 42 pt margins */
  FLOW_ATTR (w, "fo:margin-top", "20pt");
  FLOW_ATTR (w, "fo:margin-bottom", "20pt");
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST "fo:margin-left", "%dpt", (int) flow->margin);
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST "fo:margin-right", "%dpt", (int) flow->margin);
  FLOW_END (w);
  xmlTextWriterWriteRaw (w, BAD_CAST "<style:header-style><style:header-footer-properties fo:min-height=\"12pt\""
                                     " fo:margin-bottom=\"10pt\"/></style:header-style>"
                                     "<style:footer-style><style:header-footer-properties fo:min-height=\"12pt\""
                                     " fo:margin-top=\"10pt\"/></style:footer-style>");
  FLOW_END (w);
  FLOW_END (w);

  /* the running header and footer, as the PDF's pages have them */
  FLOW_START (w, "office:master-styles");
  FLOW_START (w, "style:master-page");
  FLOW_ATTR (w, "style:name", "Standard");
  FLOW_ATTR (w, "style:page-layout-name", "pm1");
  FLOW_START (w, "style:header");
  FLOW_START (w, "text:p");
  FLOW_ATTR (w, "text:style-name", "Header");
  FLOW_TEXT (w, flow->header ? flow->header : "");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "style:footer");
  FLOW_START (w, "text:p");
  FLOW_ATTR (w, "text:style-name", "Footer");
  if (words != NULL)
    {
      FLOW_TEXT (w, words[0]);
      FLOW_START (w, "text:page-number");
      FLOW_ATTR (w, "text:select-page", "current");
      FLOW_TEXT (w, "1");
      FLOW_END (w);
      FLOW_TEXT (w, words[1]);
      xmlTextWriterWriteElement (w, BAD_CAST "text:page-count", BAD_CAST "1");
      FLOW_TEXT (w, words[2]);
    }
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);
  return fita_doc_flow_part_end (w, buffer);
}

static char *
meta_xml (FitaDocFlow *flow)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr w = fita_doc_flow_part_begin (&buffer);
  g_autofree char *language = g_strdup_printf ("%s-%s", flow->lang, fita_doc_flow_country (flow));

  start_document (w, "office:document-meta");
  FLOW_START (w, "office:meta");
  xmlTextWriterWriteElement (w, BAD_CAST "meta:generator", BAD_CAST "Fita " PACKAGE_VERSION);
  xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST flow->title);
  xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST language);
  FLOW_END (w);
  FLOW_END (w);
  return fita_doc_flow_part_end (w, buffer);
}

static char *
manifest_xml (FitaDocFlow *flow)
{
  static const char * const xml_parts[] = { "content.xml", "styles.xml", "meta.xml" };
  xmlBufferPtr buffer;
  xmlTextWriterPtr w = fita_doc_flow_part_begin (&buffer);

  FLOW_START (w, "manifest:manifest");
  FLOW_ATTR (w, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  FLOW_ATTR (w, "manifest:version", "1.2");
  FLOW_START (w, "manifest:file-entry");
  FLOW_ATTR (w, "manifest:full-path", "/");
  FLOW_ATTR (w, "manifest:version", "1.2");
  FLOW_ATTR (w, "manifest:media-type", MIMETYPE);
  FLOW_END (w);
  for (guint i = 0; i < G_N_ELEMENTS (xml_parts); i++)
    {
      FLOW_START (w, "manifest:file-entry");
      FLOW_ATTR (w, "manifest:full-path", xml_parts[i]);
      FLOW_ATTR (w, "manifest:media-type", "text/xml");
      FLOW_END (w);
    }
  for (guint i = 0; i < flow->pictures->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("Pictures/picture%u.png", i + 1);
      FLOW_START (w, "manifest:file-entry");
      FLOW_ATTR (w, "manifest:full-path", path);
      FLOW_ATTR (w, "manifest:media-type", "image/png");
      FLOW_END (w);
    }
  FLOW_END (w);
  return fita_doc_flow_part_end (w, buffer);
}

static gboolean
odt_write (FitaDocFlow *flow, const char *path, GError **error)
{
  g_autofree char *content = content_xml (flow);
  g_autofree char *styles = styles_xml (flow);
  g_autofree char *meta = meta_xml (flow);
  g_autofree char *manifest = manifest_xml (flow);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (FitaZipPart));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  /* the mimetype first, stored: how a file says it is ODT */
  FitaZipPart fixed[] = {
    { "mimetype", MIMETYPE, -1, TRUE },
    { "content.xml", content, -1, FALSE },
    { "styles.xml", styles, -1, FALSE },
    { "meta.xml", meta, -1, FALSE },
  };
  FitaZipPart last = { "META-INF/manifest.xml", manifest, -1, FALSE };

  g_array_append_vals (parts, fixed, G_N_ELEMENTS (fixed));
  fita_doc_flow_add_pictures (flow, "Pictures", parts, names);
  g_array_append_val (parts, last);
  return fita_zip_write (path, (FitaZipPart *) parts->data, parts->len, error);
}

static const FitaDocFlowClass odt_class = {
  odt_title, odt_heading, odt_paragraph, odt_link, odt_picture, odt_table, odt_page_break, odt_write,
};

FitaDocFlow *
fita_doc_flow_new_odt (const char *lang, const char *title, gboolean landscape)
{
  return fita_doc_flow_new (&odt_class, lang, title, landscape);
}
