/* Minimal ODT and DOCX written by hand with minizip (as Fita's ODS writer does) + a cairo PNG.
   cc mkdocs.c $(pkg-config --cflags --libs cairo minizip zlib) */
#include <cairo.h>
#include <zip.h>
#include <zlib.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned char *png; static size_t png_len;
static cairo_status_t grow (void *c, const unsigned char *d, unsigned int n)
{ png = realloc (png, png_len + n); memcpy (png + png_len, d, n); png_len += n; return CAIRO_STATUS_SUCCESS; }

static void make_png (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1); cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8); cairo_rectangle (cr, 20, 40, 360, 40); cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7); cairo_rectangle (cr, 20, 40, 36.7, 40); cairo_fill (cr);
  cairo_destroy (cr); cairo_surface_write_to_png_stream (s, grow, NULL); cairo_surface_destroy (s);
}

/* same parameters as fita-export-ods.c add_part, but with an explicit length (PNG is binary) */
static int add_part (zipFile zip, const char *name, const void *data, size_t length, int stored)
{
  zip_fileinfo info = { { 0, 0, 0, 1, 0, 1980 }, 0, 0, 0 };
  int st = zipOpenNewFileInZip4_64 (zip, name, &info, NULL, 0, NULL, 0, NULL,
                                    stored ? 0 : Z_DEFLATED, stored ? 0 : Z_DEFAULT_COMPRESSION, 0,
                                    -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, NULL, 0, 0, 0, 0);
  if (st == ZIP_OK) st = zipWriteInFileInZip (zip, data, (unsigned) length);
  if (st == ZIP_OK) st = zipCloseFileInZip (zip);
  return st;
}
#define S(z,n,t) add_part (z, n, t, strlen (t), 0)

#define ALT "Executat 12.223,69 € de 120.000,00 € previstos, 10,19 %"

/* ---------- ODT ---------- */
static const char odt_manifest[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
"<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
"<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
"<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
"<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
"<manifest:file-entry manifest:full-path=\"Pictures/chart.png\" manifest:media-type=\"image/png\"/>"
"</manifest:manifest>";

#define ODF_NS \
" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"" \
" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"" \
" xmlns:xlink=\"http://www.w3.org/1999/xlink\"" \
" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
" office:version=\"1.2\""

static const char odt_meta[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<office:document-meta" ODF_NS "><office:meta>"
"<dc:title>Informe anual 2026</dc:title><dc:language>ca-ES</dc:language>"
"<meta:generator>Fita</meta:generator></office:meta></office:document-meta>";

#define HSTYLE(n, size) \
"<style:style style:name=\"Heading_20_" #n "\" style:display-name=\"Heading " #n "\" style:family=\"paragraph\"" \
" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\" style:default-outline-level=\"" #n "\" style:class=\"text\">" \
"<style:text-properties fo:font-size=\"" size "\" fo:font-weight=\"bold\"/></style:style>"

static const char odt_styles[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<office:document-styles" ODF_NS "><office:styles>"
"<style:default-style style:family=\"paragraph\"><style:text-properties fo:language=\"ca\" fo:country=\"ES\"/></style:default-style>"
"<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
"<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" style:class=\"text\">"
"<style:paragraph-properties fo:margin-top=\"0.423cm\" fo:margin-bottom=\"0.212cm\" fo:keep-with-next=\"always\"/></style:style>"
HSTYLE(1, "20pt") HSTYLE(2, "16pt") HSTYLE(3, "13pt")
"<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\"/>"
"<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
"<style:text-properties fo:font-weight=\"bold\"/></style:style>"
"<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\"/>"
"</office:styles>"
"<office:automatic-styles><style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/></style:page-layout></office:automatic-styles>"
"<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\"/></office:master-styles>"
"</office:document-styles>";

#define OCELL(style, t) "<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"" style "\">" t "</text:p></table:table-cell>"
static const char odt_content[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<office:document-content" ODF_NS "><office:body><office:text>"
"<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">Informe anual 2026</text:h>"
"<text:p text:style-name=\"Text_20_body\">Aquest informe resumeix l'execució del pla.</text:p>"
"<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Execució pressupostària</text:h>"
"<text:h text:style-name=\"Heading_20_3\" text:outline-level=\"3\">Per accions</text:h>"
"<table:table table:name=\"Execucio\">"
"<table:table-column table:number-columns-repeated=\"3\"/>"
"<table:table-header-rows><table:table-row>"
OCELL("Table_20_Heading", "Acció") OCELL("Table_20_Heading", "Previst") OCELL("Table_20_Heading", "Executat")
"</table:table-row></table:table-header-rows>"
"<table:table-row>" OCELL("Table_20_Contents", "A1 Camins escolars") OCELL("Table_20_Contents", "120.000,00 €") OCELL("Table_20_Contents", "12.223,69 €") "</table:table-row>"
"<table:table-row>" OCELL("Table_20_Contents", "A2 Horts urbans") OCELL("Table_20_Contents", "5.000,00 €") OCELL("Table_20_Contents", "5.000,00 €") "</table:table-row>"
"</table:table>"
"<text:p text:style-name=\"Text_20_body\">"
"<draw:frame draw:name=\"Grafic1\" text:anchor-type=\"as-char\" svg:width=\"10cm\" svg:height=\"5cm\">"
"<draw:image xlink:href=\"Pictures/chart.png\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>"
"<svg:title>Gràfic d'execució</svg:title><svg:desc>" ALT "</svg:desc>"
"</draw:frame></text:p>"
"</office:text></office:body></office:document-content>";

/* ---------- DOCX ---------- */
static const char docx_types[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
"<Default Extension=\"png\" ContentType=\"image/png\"/>"
"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
"</Types>";
static const char docx_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
"</Relationships>";
static const char docx_core[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
"<dc:title>Informe anual 2026</dc:title><dc:language>ca-ES</dc:language></cp:coreProperties>";
static const char docx_doc_rels[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart.png\"/>"
"</Relationships>";
#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define WHEAD(n, lvl, sz) \
"<w:style w:type=\"paragraph\" w:styleId=\"Heading" #n "\"><w:name w:val=\"heading " #n "\"/><w:basedOn w:val=\"Normal\"/>" \
"<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>" \
"<w:outlineLvl w:val=\"" #lvl "\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"" sz "\"/></w:rPr></w:style>"
static const char docx_styles_fmt[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:styles " W_NS "><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"ca-ES\"/></w:rPr></w:rPrDefault></w:docDefaults>"
"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
WHEAD(1, 0, "40") WHEAD(2, 1, "32") WHEAD(3, 2, "26")
"<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
"<w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
"<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr></w:style>"
"</w:styles>";
#define WP(style, t) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define WC(t, b) "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r>" b "<w:t>" t "</w:t></w:r></w:p></w:tc>"
#define WH(t) WC(t, "<w:rPr><w:b/></w:rPr>")
#define WD(t) WC(t, "")
static const char docx_document[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
"<w:document " W_NS
" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>"
WP("Heading1", "Informe anual 2026")
"<w:p><w:r><w:t>Aquest informe resumeix l'execució del pla.</w:t></w:r></w:p>"
WP("Heading2", "Execució pressupostària")
WP("Heading3", "Per accions")
"<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"9000\" w:type=\"dxa\"/><w:tblLook w:firstRow=\"1\" w:val=\"0020\"/></w:tblPr>"
"<w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>"
"<w:tr><w:trPr><w:tblHeader/></w:trPr>" WH("Acció") WH("Previst") WH("Executat") "</w:tr>"
"<w:tr>" WD("A1 Camins escolars") WD("120.000,00 €") WD("12.223,69 €") "</w:tr>"
"<w:tr>" WD("A2 Horts urbans") WD("5.000,00 €") WD("5.000,00 €") "</w:tr>"
"</w:tbl>"
"<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
"<wp:extent cx=\"3600000\" cy=\"1800000\"/>"
"<wp:docPr id=\"1\" name=\"Grafic 1\" title=\"Gràfic d'execució\" descr=\"" ALT "\"/>"
"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
"<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
"<pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"chart.png\" descr=\"" ALT "\"/><pic:cNvPicPr/></pic:nvPicPr>"
"<pic:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"3600000\" cy=\"1800000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
"<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"0\" w:footer=\"0\" w:gutter=\"0\"/></w:sectPr>"
"</w:body></w:document>";

int main (void)
{
  make_png ();
  zipFile z = zipOpen64 ("/tmp/r17/docs/informe.odt", APPEND_STATUS_CREATE);
  int st = add_part (z, "mimetype", "application/vnd.oasis.opendocument.text", 39, 1);  /* first, stored */
  st |= S (z, "content.xml", odt_content);
  st |= S (z, "styles.xml", odt_styles);
  st |= S (z, "meta.xml", odt_meta);
  st |= add_part (z, "Pictures/chart.png", png, png_len, 0);
  st |= S (z, "META-INF/manifest.xml", odt_manifest);
  st |= zipClose (z, NULL);
  printf ("odt: %d\n", st);

  z = zipOpen64 ("/tmp/r17/docs/informe.docx", APPEND_STATUS_CREATE);
  st = S (z, "[Content_Types].xml", docx_types);
  st |= S (z, "_rels/.rels", docx_rels);
  st |= S (z, "docProps/core.xml", docx_core);
  st |= S (z, "word/document.xml", docx_document);
  st |= S (z, "word/styles.xml", docx_styles_fmt);
  st |= S (z, "word/_rels/document.xml.rels", docx_doc_rels);
  st |= add_part (z, "word/media/chart.png", png, png_len, 0);
  st |= zipClose (z, NULL);
  printf ("docx: %d\n", st);
  return 0;
}
