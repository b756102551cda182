/* fita-report-docx.c: a report as an Office Open XML document (DOCX), the
 * flowing, editable twin of the PDF (see fita-report-flow.h).
 *
 * Headings are paragraphs in the styles Heading1 to Heading3, defined in
 * word/styles.xml under their built-in names ("heading 1") with their
 * outline levels, so that Word's and LibreOffice's navigators and tables of
 * contents see them; a table's header row is repeated on every page
 * (w:tblHeader); pictures are inline PNG with their alternative text in
 * wp:docPr's descr. */
#include "config.h"
#include "fita-report-flow.h"

#include <string.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* twentieths of a point, and English Metric Units (12 700 a point) */
#define TWIPS(points) ((int) ((points) * 20 + 0.5))
#define EMU(points) ((gint64) ((points) * 12700 + 0.5))

static void
paragraph_start (xmlTextWriterPtr w, const char *style, gboolean right)
{
  FLOW_START (w, "w:p");
  FLOW_START (w, "w:pPr");
  FLOW_START (w, "w:pStyle");
  FLOW_ATTR (w, "w:val", style);
  FLOW_END (w);
  if (right)
    {
      FLOW_START (w, "w:jc");
      FLOW_ATTR (w, "w:val", "right");
      FLOW_END (w);
    }
  FLOW_END (w);
}

static void
run (xmlTextWriterPtr w, const char *text, gboolean bold, const char *character_style)
{
  FLOW_START (w, "w:r");
  if (bold || character_style != NULL)
    {
      FLOW_START (w, "w:rPr");
      if (character_style != NULL)
        {
          FLOW_START (w, "w:rStyle");
          FLOW_ATTR (w, "w:val", character_style);
          FLOW_END (w);
        }
      if (bold)
        {
          FLOW_START (w, "w:b");
          FLOW_END (w);
        }
      FLOW_END (w);
    }
  FLOW_START (w, "w:t");
  FLOW_ATTR (w, "xml:space", "preserve");
  FLOW_TEXT (w, text);
  FLOW_END (w);
  FLOW_END (w);
}

static void
paragraph (xmlTextWriterPtr w, const char *style, const char *text)
{
  paragraph_start (w, style, FALSE);
  run (w, text, FALSE, NULL);
  FLOW_END (w);
}

/* The body */

/* The title page's title heads the document: its style has the outline's
 * first level, so that the headings under it do not skip one. */
static void
docx_title (FitaDocFlow *flow, const char *text)
{
  paragraph (flow->w, "Title", text);
}

static void
docx_heading (FitaDocFlow *flow, int level, const char *text)
{
  g_autofree char *style = g_strdup_printf ("Heading%d", level);

  paragraph (flow->w, style, text);
}

static void
docx_paragraph (FitaDocFlow *flow, const char *text, FitaDocFlowStyle style)
{
  static const char * const names[] = { "BodyText", "FitaBold", "FitaSmall", "Subtitle" };

  paragraph (flow->w, names[style], text);
}

static void
docx_link (FitaDocFlow *flow, const char *title, const char *url)
{
  g_autofree char *id = g_strdup_printf ("rIdLink%u", ++flow->n_links);
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr rel = xmlNewTextWriterMemory (buffer, 0);

  /* the address goes into the relationships, escaped by the writer */
  FLOW_START (rel, "Relationship");
  FLOW_ATTR (rel, "Id", id);
  FLOW_ATTR (rel, "Type", REL_TYPE "hyperlink");
  FLOW_ATTR (rel, "Target", url);
  FLOW_ATTR (rel, "TargetMode", "External");
  FLOW_END (rel);
  xmlFreeTextWriter (rel);
  g_string_append (flow->extra, (const char *) xmlBufferContent (buffer));
  g_string_append_c (flow->extra, '\n');
  xmlBufferFree (buffer);

  paragraph_start (flow->w, "BodyText", FALSE);
  FLOW_START (flow->w, "w:hyperlink");
  FLOW_ATTR (flow->w, "r:id", id);
  run (flow->w, title && *title ? title : url, FALSE, "Hyperlink");
  FLOW_END (flow->w);
  FLOW_END (flow->w);
}

static void
docx_picture (FitaDocFlow *flow, guint index, double width, double height, const char *alt)
{
  xmlTextWriterPtr w = flow->w;
  g_autofree char *id = g_strdup_printf ("%u", index + 1);
  g_autofree char *name = g_strdup_printf ("Picture %u", index + 1);
  g_autofree char *file = g_strdup_printf ("picture%u.png", index + 1);
  g_autofree char *rel = g_strdup_printf ("rIdPicture%u", index + 1);
  g_autofree char *cx = g_strdup_printf ("%" G_GINT64_FORMAT, EMU (width));
  g_autofree char *cy = g_strdup_printf ("%" G_GINT64_FORMAT, EMU (height));

  paragraph_start (w, "FitaPicture", FALSE);
  FLOW_START (w, "w:r");
  FLOW_START (w, "w:drawing");
  FLOW_START (w, "wp:inline");
  FLOW_START (w, "wp:extent");
  FLOW_ATTR (w, "cx", cx);
  FLOW_ATTR (w, "cy", cy);
  FLOW_END (w);
  FLOW_START (w, "wp:docPr");
  FLOW_ATTR (w, "id", id);
  FLOW_ATTR (w, "name", name);
  FLOW_ATTR (w, "descr", alt);
  FLOW_END (w);
  FLOW_START (w, "wp:cNvGraphicFramePr");
  FLOW_START (w, "a:graphicFrameLocks");
  FLOW_ATTR (w, "noChangeAspect", "1");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "a:graphic");
  FLOW_START (w, "a:graphicData");
  FLOW_ATTR (w, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  FLOW_START (w, "pic:pic");
  FLOW_START (w, "pic:nvPicPr");
  FLOW_START (w, "pic:cNvPr");
  FLOW_ATTR (w, "id", "0");
  FLOW_ATTR (w, "name", file);
  FLOW_ATTR (w, "descr", alt);
  FLOW_END (w);
  FLOW_START (w, "pic:cNvPicPr");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "pic:blipFill");
  FLOW_START (w, "a:blip");
  FLOW_ATTR (w, "r:embed", rel);
  FLOW_END (w);
  FLOW_START (w, "a:stretch");
  FLOW_START (w, "a:fillRect");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "pic:spPr");
  FLOW_START (w, "a:xfrm");
  FLOW_START (w, "a:off");
  FLOW_ATTR (w, "x", "0");
  FLOW_ATTR (w, "y", "0");
  FLOW_END (w);
  FLOW_START (w, "a:ext");
  FLOW_ATTR (w, "cx", cx);
  FLOW_ATTR (w, "cy", cy);
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "a:prstGeom");
  FLOW_ATTR (w, "prst", "rect");
  FLOW_START (w, "a:avLst");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);   /* pic:pic */
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);   /* wp:inline */
  FLOW_END (w);
  FLOW_END (w);
  FLOW_END (w);   /* w:p */
}

static void
empty (xmlTextWriterPtr w, const char *name, const char *attribute, const char *value)
{
  FLOW_START (w, name);
  if (attribute != NULL)
    FLOW_ATTR (w, attribute, value);
  FLOW_END (w);
}

static void
cell (xmlTextWriterPtr w, int width, const char *style, gboolean right, gboolean bold, gboolean total,
      const char *fill, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  guint n_lines = g_strv_length (lines);

  FLOW_START (w, "w:tc");
  FLOW_START (w, "w:tcPr");
  FLOW_START (w, "w:tcW");
  xmlTextWriterWriteFormatAttribute (w, BAD_CAST "w:w", "%d", width);
  FLOW_ATTR (w, "w:type", "dxa");
  FLOW_END (w);
  if (total)
    {
      /* a total row: a heavier rule above, as in the PDF */
      FLOW_START (w, "w:tcBorders");
      FLOW_START (w, "w:top");
      FLOW_ATTR (w, "w:val", "single");
      FLOW_ATTR (w, "w:sz", "12");
      FLOW_ATTR (w, "w:space", "0");
      FLOW_ATTR (w, "w:color", "202028");
      FLOW_END (w);
      FLOW_END (w);
    }
  if (fill != NULL)
    {
      FLOW_START (w, "w:shd");
      FLOW_ATTR (w, "w:val", "clear");
      FLOW_ATTR (w, "w:color", "auto");
      FLOW_ATTR (w, "w:fill", fill);
      FLOW_END (w);
    }
  FLOW_END (w);
  /* a cell holds at least one paragraph, or word processors drop it */
  for (guint i = 0; i < MAX (n_lines, 1); i++)
    {
      paragraph_start (w, style, right);
      run (w, i < n_lines ? lines[i] : "", bold, NULL);
      FLOW_END (w);
    }
  FLOW_END (w);
}

static void
docx_table (FitaDocFlow *flow, FitaDocTable *table)
{
  xmlTextWriterPtr w = flow->w;
  int widths[16] = { 0 };
  double weights = 0, page = TWIPS (flow->page_width - 2 * flow->margin);

  for (guint c = 0; c < table->n_columns; c++)
    weights += table->columns[c].weight;
  for (guint c = 0; c < table->n_columns && c < G_N_ELEMENTS (widths); c++)
    widths[c] = (int) (page * table->columns[c].weight / MAX (weights, 0.001));

  FLOW_START (w, "w:tbl");
  FLOW_START (w, "w:tblPr");
  empty (w, "w:tblStyle", "w:val", "FitaTable");
  FLOW_START (w, "w:tblW");
  FLOW_ATTR (w, "w:w", "5000");
  FLOW_ATTR (w, "w:type", "pct");
  FLOW_END (w);
  FLOW_START (w, "w:tblLook");
  FLOW_ATTR (w, "w:val", table->header ? "0020" : "0000");
  FLOW_ATTR (w, "w:firstRow", table->header ? "1" : "0");
  FLOW_END (w);
  FLOW_END (w);
  FLOW_START (w, "w:tblGrid");
  for (guint c = 0; c < table->n_columns; c++)
    {
      FLOW_START (w, "w:gridCol");
      xmlTextWriterWriteFormatAttribute (w, BAD_CAST "w:w", "%d", widths[c]);
      FLOW_END (w);
    }
  FLOW_END (w);
  if (table->header)
    {
      FLOW_START (w, "w:tr");
      FLOW_START (w, "w:trPr");
      empty (w, "w:cantSplit", NULL, NULL);
      /* repeated at the top of every page the table runs onto */
      empty (w, "w:tblHeader", NULL, NULL);
      FLOW_END (w);
      for (guint c = 0; c < table->n_columns; c++)
        cell (w, widths[c], "TableHeading", table->columns[c].align == FITA_DOC_ALIGN_RIGHT, FALSE, FALSE,
              "E6EDF7", table->columns[c].title);
      FLOW_END (w);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      guint flags = g_array_index (table->row_flags, guint, r);

      FLOW_START (w, "w:tr");
      for (guint c = 0; c < table->n_columns; c++)
        cell (w, widths[c], "TableContents", table->columns[c].align == FITA_DOC_ALIGN_RIGHT,
              (flags & (FITA_DOC_ROW_BOLD | FITA_DOC_ROW_TOTAL)) != 0, (flags & FITA_DOC_ROW_TOTAL) != 0, NULL,
              cells[c]);
      FLOW_END (w);
    }
  FLOW_END (w);
  /* two tables in a row would merge into one: a paragraph between */
  paragraph (w, "FitaAfterTable", "");
}

static void
docx_page_break (FitaDocFlow *flow)
{
  paragraph_start (flow->w, "FitaAfterTable", FALSE);
  FLOW_START (flow->w, "w:r");
  empty (flow->w, "w:br", "w:type", "page");
  FLOW_END (flow->w);
  FLOW_END (flow->w);
}

/* The parts */

/* A field the word processor fills in: PAGE or NUMPAGES */
static void
field (xmlTextWriterPtr w, const char *instruction)
{
  g_autofree char *instr = g_strdup_printf (" %s ", instruction);

  FLOW_START (w, "w:fldSimple");
  FLOW_ATTR (w, "w:instr", instr);
  run (w, "1", FALSE, NULL);
  FLOW_END (w);
}

/* The running header (the plan and its organisation, over a rule) or
 * footer ("Page 3 of 7", at the right), as the PDF's pages have them */
static char *
header_footer_xml (FitaDocFlow *flow, gboolean footer)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr w = fita_doc_flow_part_begin (&buffer);
  g_auto(GStrv) words = footer ? fita_doc_flow_page_words (flow) : NULL;

  FLOW_START (w, footer ? "w:ftr" : "w:hdr");
  FLOW_ATTR (w, "xmlns:w", NS_W);
  paragraph_start (w, footer ? "Footer" : "Header", footer);
  if (!footer)
    run (w, flow->header ? flow->header : "", FALSE, NULL);
  else if (words != NULL)
    {
      run (w, words[0], FALSE, NULL);
      field (w, "PAGE");
      run (w, words[1], FALSE, NULL);
      field (w, "NUMPAGES");
      run (w, words[2], FALSE, NULL);
    }
  FLOW_END (w);
  FLOW_END (w);
  return fita_doc_flow_part_end (w, buffer);
}

static char *
document_xml (FitaDocFlow *flow)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\""
                               " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
                               " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
                               " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\n<w:body>");

  xmlTextWriterFlush (flow->w);
  g_string_append (out, (const char *) xmlBufferContent (flow->body));
  /* A4, portrait or landscape, the PDF's margins, the running header and footer */
  g_string_append (out, "\n<w:sectPr>");
  g_string_append (out, "<w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
                   "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>");
  g_string_append_printf (out, "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/>"
                          "<w:pgMar w:top=\"840\" w:right=\"%d\" w:bottom=\"840\" w:left=\"%d\" w:header=\"420\""
                          " w:footer=\"420\" w:gutter=\"0\"/></w:sectPr>\n</w:body>\n</w:document>\n",
                          TWIPS (flow->page_width), TWIPS (flow->page_height),
                          flow->landscape ? " w:orient=\"landscape\"" : "",
                          TWIPS (flow->margin), TWIPS (flow->margin));
  return g_string_free (out, FALSE);
}

static void
style (xmlTextWriterPtr w, const char *type, const char *id, const char *name, const char *based_on,
       const char *properties)
{
  FLOW_START (w, "w:style");
  FLOW_ATTR (w, "w:type", type);
  FLOW_ATTR (w, "w:styleId", id);
  if (g_str_equal (id, "Normal"))
    FLOW_ATTR (w, "w:default", "1");
  empty (w, "w:name", "w:val", name);
  if (based_on != NULL)
    empty (w, "w:basedOn", "w:val", based_on);
  empty (w, "w:qFormat", NULL, NULL);
  if (properties != NULL)
    xmlTextWriterWriteRaw (w, BAD_CAST properties);
  FLOW_END (w);
}

static char *
styles_xml (FitaDocFlow *flow)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr w = fita_doc_flow_part_begin (&buffer);
  g_autofree char *defaults = g_strdup_printf ("<w:docDefaults><w:rPrDefault><w:rPr>"
                                               "<w:rFonts w:ascii=\"Liberation Sans\" w:hAnsi=\"Liberation Sans\" w:cs=\"Liberation Sans\"/>"
                                               "<w:sz w:val=\"20\"/><w:lang w:val=\"%s-%s\"/></w:rPr></w:rPrDefault>"
                                               "<w:pPrDefault><w:pPr><w:spacing w:after=\"100\"/></w:pPr></w:pPrDefault>"
                                               "</w:docDefaults>",
                                               flow->lang, fita_doc_flow_country (flow));

  FLOW_START (w, "w:styles");
  FLOW_ATTR (w, "xmlns:w", NS_W);
  xmlTextWriterWriteRaw (w, BAD_CAST defaults);
  style (w, "paragraph", "Normal", "Normal", NULL, NULL);
  /* the built-in names, which word processors know as headings */
  style (w, "paragraph", "Heading1", "heading 1", "Normal",
         "<w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"160\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
         "<w:rPr><w:b/><w:color w:val=\"1A5EB5\"/><w:sz w:val=\"32\"/></w:rPr>");
  style (w, "paragraph", "Heading2", "heading 2", "Normal",
         "<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
         "<w:rPr><w:b/><w:sz w:val=\"26\"/></w:rPr>");
  style (w, "paragraph", "Heading3", "heading 3", "Normal",
         "<w:pPr><w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
         "<w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr>");
  style (w, "paragraph", "Title", "Title", "Normal",
         "<w:pPr><w:spacing w:before=\"1200\" w:after=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
         "<w:rPr><w:b/><w:color w:val=\"1A5EB5\"/><w:sz w:val=\"48\"/></w:rPr>");
  style (w, "paragraph", "Subtitle", "Subtitle", "Normal", "<w:rPr><w:b/><w:sz w:val=\"30\"/></w:rPr>");
  style (w, "paragraph", "BodyText", "Body Text", "Normal", NULL);
  style (w, "paragraph", "FitaBold", "Fita Bold", "BodyText", "<w:rPr><w:b/></w:rPr>");
  style (w, "paragraph", "FitaSmall", "Fita Small", "BodyText", "<w:rPr><w:color w:val=\"606068\"/><w:sz w:val=\"17\"/></w:rPr>");
  style (w, "paragraph", "FitaPicture", "Fita Picture", "Normal", "<w:pPr><w:spacing w:before=\"120\" w:after=\"200\"/></w:pPr>");
  style (w, "paragraph", "FitaAfterTable", "Fita After Table", "Normal", "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"12\"/></w:rPr>");
  style (w, "paragraph", "TableContents", "Table Contents", "Normal",
         "<w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr>");
  style (w, "paragraph", "TableHeading", "Table Heading", "TableContents", "<w:rPr><w:b/></w:rPr>");
  style (w, "paragraph", "Header", "header", "Normal",
         "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"BFBFC7\"/></w:pBdr></w:pPr>"
         "<w:rPr><w:color w:val=\"606068\"/><w:sz w:val=\"16\"/></w:rPr>");
  style (w, "paragraph", "Footer", "footer", "Normal", "<w:rPr><w:color w:val=\"606068\"/><w:sz w:val=\"16\"/></w:rPr>");
  style (w, "character", "Hyperlink", "Hyperlink", NULL, "<w:rPr><w:color w:val=\"1A5EB5\"/><w:u w:val=\"single\"/></w:rPr>");
  style (w, "table", "FitaTable", "Fita Table", NULL,
         "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFC7\"/>"
         "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFC7\"/>"
         "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFC7\"/>"
         "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFC7\"/>"
         "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFC7\"/>"
         "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFC7\"/></w:tblBorders>"
         "<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>");
  FLOW_END (w);
  return fita_doc_flow_part_end (w, buffer);
}

static char *
core_xml (FitaDocFlow *flow)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr w = fita_doc_flow_part_begin (&buffer);
  g_autofree char *language = g_strdup_printf ("%s-%s", flow->lang, fita_doc_flow_country (flow));

  FLOW_START (w, "cp:coreProperties");
  FLOW_ATTR (w, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  FLOW_ATTR (w, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST flow->title);
  xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST language);
  FLOW_END (w);
  return fita_doc_flow_part_end (w, buffer);
}

static char *
document_rels_xml (FitaDocFlow *flow)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<Relationships xmlns=\"" NS_REL "\">\n"
                               "<Relationship Id=\"rIdStyles\" Type=\"" REL_TYPE "styles\" Target=\"styles.xml\"/>\n");

  for (guint i = 0; i < flow->pictures->len; i++)
    g_string_append_printf (out, "<Relationship Id=\"rIdPicture%u\" Type=\"" REL_TYPE "image\""
                            " Target=\"media/picture%u.png\"/>\n", i + 1, i + 1);
  g_string_append (out, "<Relationship Id=\"rIdHeader\" Type=\"" REL_TYPE "header\" Target=\"header1.xml\"/>\n"
                   "<Relationship Id=\"rIdFooter\" Type=\"" REL_TYPE "footer\" Target=\"footer1.xml\"/>\n");
  g_string_append (out, flow->extra->str);
  g_string_append (out, "</Relationships>\n");
  return g_string_free (out, FALSE);
}

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Default Extension=\"png\" ContentType=\"image/png\"/>"
  "<Override PartName=\"/word/document.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/header1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>\n";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" NS_REL "\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
  " Target=\"docProps/core.xml\"/>"
  "</Relationships>\n";

static gboolean
docx_write (FitaDocFlow *flow, const char *path, GError **error)
{
  g_autofree char *document = document_xml (flow);
  g_autofree char *styles = styles_xml (flow);
  g_autofree char *core = core_xml (flow);
  g_autofree char *rels = document_rels_xml (flow);
  g_autofree char *header = header_footer_xml (flow, FALSE);
  g_autofree char *footer = header_footer_xml (flow, TRUE);
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (FitaZipPart));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  FitaZipPart fixed[] = {
    { "[Content_Types].xml", content_types, -1, FALSE },
    { "_rels/.rels", package_rels, -1, FALSE },
    { "docProps/core.xml", core, -1, FALSE },
    { "word/document.xml", document, -1, FALSE },
    { "word/styles.xml", styles, -1, FALSE },
    { "word/_rels/document.xml.rels", rels, -1, FALSE },
    { "word/header1.xml", header, -1, FALSE },
    { "word/footer1.xml", footer, -1, FALSE },
  };

  g_array_append_vals (parts, fixed, G_N_ELEMENTS (fixed));
  fita_doc_flow_add_pictures (flow, "word/media", parts, names);
  return fita_zip_write (path, (FitaZipPart *) parts->data, parts->len, error);
}

static const FitaDocFlowClass docx_class = {
  docx_title, docx_heading, docx_paragraph, docx_link, docx_picture, docx_table, docx_page_break, docx_write,
};

FitaDocFlow *
fita_doc_flow_new_docx (const char *lang, const char *title, gboolean landscape)
{
  return fita_doc_flow_new (&docx_class, lang, title, landscape);
}
