/* Reports as editable documents, ODT and DOCX: every kind on the examples
 * in ca, es and en; the package's parts, headings with their levels, tables
 * with header rows, pictures with alternative text, the PDF's figures;
 * and the ODT's XML against the ODF 1.2 schema. */
#include "fita-report.h"
#include "fita-test-util.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <unzip.h>

/* Where Debian's libjopendocument-java keeps the OASIS ODF 1.2 schema */
#define SCHEMA_JAR "/usr/share/java/jOpenDocument-1.3-1.3repack.jar"
#define SCHEMA_IN_JAR "org/jopendocument/dom/oofficeDTDs/OpenDocument-v1.2-schema.rng"

typedef struct {
  FitaReportKind kind;
  const char *example;
  const char *item;
  gint64 year;
  const char *lang;
  /* headings as "level|text", figures, and whether it has tables and pictures */
  const char *headings[4];
  const char *figures[4];
  gboolean tables;
  guint pictures;
} Case;

static const Case cases[] = {
  { FITA_REPORT_SHEET, "terrassa-ess-2019-2026", "11", 2024, "ca",
    { "1|11 ESS als barris", "2|Execució", "2|Pressupost executat", "3|Descripció" },
    { "12.223,69 €", "120.000,00 €", "10,19 %", "4.702,33 €" }, TRUE, 0 },
  { FITA_REPORT_SHEET, "terrassa-ess-2019-2026", "11", 2024, "es",
    { "1|11 ESS als barris", "2|Ejecución", "2|Presupuesto ejecutado", "3|Descripción" },
    { "12.223,69 €", "120.000,00 €", "10,19 %", "4702,33 €" }, TRUE, 0 },
  { FITA_REPORT_SHEET, "terrassa-ess-2019-2026", "11", 2024, "en",
    { "1|11 ESS als barris", "2|Execution", "2|Executed budget", "3|Description" },
    { "€12,223.69", "€120,000.00", "10.19%", "€4,702.33" }, TRUE, 0 },
  { FITA_REPORT_ANNUAL, "terrassa-ess-2019-2026", NULL, FITA_NONE, "ca",
    { "1|Pressupost", "1|El pla, element per element", "2|Xifres", "1|Indicadors" },
    { "Informe de seguiment 2024", "12.223,69 €", "120.000,00 €", "10,19 %" }, TRUE, 2 },
  { FITA_REPORT_ANNUAL, "terrassa-ess-2019-2026", NULL, FITA_NONE, "es",
    { "1|Presupuesto", "1|El plan, elemento por elemento", "2|Cifras", "1|Indicadores" },
    { "Informe de seguimiento 2024", "12.223,69 €", "120.000,00 €", "10,19 %" }, TRUE, 2 },
  { FITA_REPORT_ANNUAL, "terrassa-ess-2019-2026", NULL, FITA_NONE, "en",
    { "1|Budget", "1|The plan, item by item", "2|Figures", "1|Indicators" },
    { "Follow-up report 2024", "€12,223.69", "€120,000.00", "10.19%" }, TRUE, 2 },
  { FITA_REPORT_WORKPLAN, "xmess-2017-2019", NULL, FITA_NONE, "ca",
    { "1|Pla de treball 2017–2019", "2|Xifres", "2|Calendari" },
    { "I AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI" }, TRUE, 1 },
  { FITA_REPORT_WORKPLAN, "xmess-2017-2019", NULL, FITA_NONE, "es",
    { "1|Plan de trabajo 2017–2019", "2|Cifras", "2|Calendario" },
    { "I AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI" }, TRUE, 1 },
  { FITA_REPORT_WORKPLAN, "xmess-2017-2019", NULL, FITA_NONE, "en",
    { "1|Work plan 2017–2019", "2|Figures", "2|Calendar" },
    { "I AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI" }, TRUE, 1 },
  { FITA_REPORT_PARTICIPATION, "barcelona-espai-ess", NULL, FITA_NONE, "ca",
    { "1|Participació" }, { "El pla no té cap procés participatiu." }, FALSE, 0 },
  { FITA_REPORT_PARTICIPATION, "barcelona-espai-ess", NULL, FITA_NONE, "es",
    { "1|Participación" }, { "El plan no tiene procesos participativos." }, FALSE, 0 },
  { FITA_REPORT_PARTICIPATION, "barcelona-espai-ess", NULL, FITA_NONE, "en",
    { "1|Participation" }, { "The plan has no participatory processes." }, FALSE, 0 },
};

/* The names of a zip's parts, in order; the first part's method. */
static GPtrArray *
zip_parts (const char *path, int *first_method)
{
  unzFile zip = unzOpen64 (path);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (zip);
  for (int status = unzGoToFirstFile (zip); status == UNZ_OK; status = unzGoToNextFile (zip))
    {
      unz_file_info64 info;
      char name[512];

      g_assert_cmpint (unzGetCurrentFileInfo64 (zip, &info, name, sizeof name, NULL, 0, NULL, 0), ==, UNZ_OK);
      if (names->len == 0)
        *first_method = (int) info.compression_method;
      g_ptr_array_add (names, g_strdup (name));
    }
  unzClose (zip);
  return names;
}

static gboolean
has_part (GPtrArray *parts, const char *name)
{
  return g_ptr_array_find_with_equal_func (parts, name, g_str_equal, NULL);
}

static xmlXPathObjectPtr
query (xmlXPathContextPtr context, const char *expression)
{
  xmlXPathObjectPtr found = xmlXPathEvalExpression (BAD_CAST expression, context);

  g_assert_nonnull (found);
  return found;
}

static guint
count (xmlXPathContextPtr context, const char *expression)
{
  xmlXPathObjectPtr found = query (context, expression);
  guint n = found->nodesetval ? found->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (found);
  return n;
}

/* Every node's text (or attribute's value) is non-empty; how many there are. */
static guint
count_non_empty (xmlXPathContextPtr context, const char *expression)
{
  xmlXPathObjectPtr found = query (context, expression);
  guint n = found->nodesetval ? found->nodesetval->nodeNr : 0;

  for (guint i = 0; i < n; i++)
    {
      xmlChar *text = xmlNodeGetContent (found->nodesetval->nodeTab[i]);
      g_assert_nonnull (text);
      g_assert_cmpuint (strlen ((char *) text), >, 10);
      xmlFree (text);
    }
  xmlXPathFreeObject (found);
  return n;
}

/* The outline levels of the headings (nodes found by expression, their
 * level in attribute or, in DOCX, the last character of their style) never
 * skip one, from 1 at the start. */
static void
check_levels (const Case *c, xmlXPathContextPtr context, const char *expression, const char *attribute)
{
  xmlXPathObjectPtr found = query (context, expression);
  int previous = 0;

  for (int i = 0; found->nodesetval && i < found->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlGetProp (found->nodesetval->nodeTab[i], BAD_CAST attribute);
      const char *text = value ? (const char *) value : "";
      int level = g_ascii_isdigit (text[strlen (text) ? strlen (text) - 1 : 0]) ? text[strlen (text) - 1] - '0' : 1;

      if (level > previous + 1)
        g_error ("%s %s: a heading of level %d after one of level %d", fita_report_kind_keywords[c->kind], c->lang,
                 level, previous);
      previous = level;
      xmlFree (value);
    }
  xmlXPathFreeObject (found);
}

static char *
write_report (const Case *c, const char *dir, const char *suffix)
{
  g_autoptr(FitaPlan) plan = fita_test_example (c->example);
  FitaReportOptions options = { c->kind, 0, c->year, c->lang };
  g_autofree char *name = g_strdup_printf ("%s-%s%s", fita_report_kind_keywords[c->kind], c->lang, suffix);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (c->item != NULL)
    options.item_id = fita_test_item (plan, c->item)->rec.id;
  g_assert_true (fita_report_write (plan, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The document's words in one string, whitespace as single spaces */
static char *
all_text (xmlDocPtr doc)
{
  xmlChar *content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  g_autoptr(GString) text = g_string_new ((char *) content);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  /* money keeps its figures and its sign together with a no-break space */
  g_string_replace (text, "\u00a0", " ", 0);
  g_string_replace (text, "\u202f", " ", 0);
  words = g_strsplit_set (text->str, " \n\t", -1);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  xmlFree (content);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_figures (const Case *c, xmlDocPtr doc)
{
  g_autofree char *text = all_text (doc);

  for (guint i = 0; i < G_N_ELEMENTS (c->figures) && c->figures[i]; i++)
    if (strstr (text, c->figures[i]) == NULL)
      g_error ("%s %s: no “%s” in the document", fita_report_kind_keywords[c->kind], c->lang, c->figures[i]);
}

/* The ODF 1.2 schema, extracted from Debian's jar into dir; NULL (and
 * skipped) when missing, unless CI says it must be there. */
static char *
odf_schema (const char *dir)
{
  g_autofree char *rng = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  char *path;

  if (!g_file_test (SCHEMA_JAR, G_FILE_TEST_EXISTS) || xmllint == NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("the ODF schema (libjopendocument-java) and xmllint (libxml2-utils) are needed under CI");
      return NULL;
    }
  rng = fita_test_zip_part (SCHEMA_JAR, SCHEMA_IN_JAR);
  path = g_build_filename (dir, "OpenDocument-v1.2-schema.rng", NULL);
  g_assert_true (g_file_set_contents (path, rng, -1, NULL));
  return path;
}

static void
validate (const char *schema, const char *dir, const char *odt, const char *part)
{
  g_autofree char *xml = fita_test_zip_part (odt, part);
  g_autofree char *path = g_build_filename (dir, part, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s of %s does not validate against the ODF 1.2 schema:\n%s", part, odt, err);
}

static void
test_odt (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *schema = odf_schema (dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *path = write_report (c, dir, ".odt");
      g_autofree char *mimetype = fita_test_zip_part (path, "mimetype");
      g_autofree char *content = fita_test_zip_part (path, "content.xml");
      g_autofree char *styles = fita_test_zip_part (path, "styles.xml");
      g_autofree char *meta = fita_test_zip_part (path, "meta.xml");
      g_autofree char *manifest = fita_test_zip_part (path, "META-INF/manifest.xml");
      g_autoptr(GPtrArray) parts = NULL;
      xmlDocPtr doc;
      xmlXPathContextPtr context;
      int method = -1;
      guint pictures;

      /* the mimetype first and stored: how a file says it is ODT */
      parts = zip_parts (path, &method);
      g_assert_cmpstr (g_ptr_array_index (parts, 0), ==, "mimetype");
      g_assert_cmpint (method, ==, 0);
      g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");
      g_assert_nonnull (strstr (meta, c->lang));
      g_assert_nonnull (strstr (styles, "style:display-name=\"Heading 1\""));
      g_assert_nonnull (strstr (styles, "style:default-outline-level=\"3\""));
      /* the running header and footer: the plan's title, "Page N of M" as fields */
      g_assert_nonnull (strstr (styles, "<style:header>"));
      g_assert_nonnull (strstr (styles, "<text:p text:style-name=\"Header\">"));
      g_assert_null (strstr (styles, "<text:p text:style-name=\"Header\"></text:p>"));
      g_assert_nonnull (strstr (styles, "<text:page-number text:select-page=\"current\">"));
      g_assert_nonnull (strstr (styles, "<text:page-count>"));

      doc = xmlReadMemory (content, strlen (content), "content.xml", "UTF-8", XML_PARSE_NONET);
      g_assert_nonnull (doc);
      context = xmlXPathNewContext (doc);
      xmlXPathRegisterNs (context, BAD_CAST "text", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
      xmlXPathRegisterNs (context, BAD_CAST "table", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:table:1.0");
      xmlXPathRegisterNs (context, BAD_CAST "draw", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0");
      xmlXPathRegisterNs (context, BAD_CAST "svg", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0");
      xmlXPathRegisterNs (context, BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");

      for (guint h = 0; h < G_N_ELEMENTS (c->headings) && c->headings[h]; h++)
        {
          g_autofree char *expression = g_strdup_printf ("//text:h[@text:outline-level='%c' and "
                                                         "@text:style-name='Heading_20_%c' and normalize-space(.)=\"%s\"]",
                                                         c->headings[h][0], c->headings[h][0], c->headings[h] + 2);
          if (count (context, expression) == 0)
            g_error ("%s %s: no heading %s", fita_report_kind_keywords[c->kind], c->lang, c->headings[h]);
        }
      /* no heading without its level, and none skips one */
      g_assert_cmpuint (count (context, "//text:h[not(@text:outline-level)]"), ==, 0);
      /* (not yet the sheet: its "Description" is a level 3 right under its
       * level 1 title, in the PDF too, which the accessible PDF's heading
       * structure is to settle) */
      if (c->kind != FITA_REPORT_SHEET)
        check_levels (c, context, "//text:h", "outline-level");
      if (c->tables)
        {
          g_assert_cmpuint (count (context, "//table:table"), >, 0);
          g_assert_cmpuint (count (context, "//table:table/table:table-header-rows/table:table-row"), >, 0);
        }
      /* every picture: its PNG in the package and the manifest, and words for it */
      pictures = count (context, "//draw:frame/draw:image");
      g_assert_cmpuint (pictures, >=, c->pictures);
      g_assert_cmpuint (count_non_empty (context, "//draw:frame/svg:desc"), ==, pictures);
      for (guint p = 0; p < pictures; p++)
        {
          g_autofree char *name = g_strdup_printf ("Pictures/picture%u.png", p + 1);
          g_autofree char *entry = g_strdup_printf ("manifest:full-path=\"%s\" manifest:media-type=\"image/png\"", name);
          g_assert_true (has_part (parts, name));
          g_assert_nonnull (strstr (manifest, entry));
        }
      if (c->kind == FITA_REPORT_ANNUAL)
        /* the budget chart's words hold its figures */
        g_assert_cmpuint (count (context, "//svg:desc[contains(., '12.223,69') or contains(., '12,223.69')]"), ==, 1);
      check_figures (c, doc);
      xmlXPathFreeContext (context);
      xmlFreeDoc (doc);

      if (schema != NULL)
        {
          validate (schema, dir, path, "content.xml");
          validate (schema, dir, path, "styles.xml");
          validate (schema, dir, path, "meta.xml");
        }
    }
  if (schema == NULL)
    g_test_skip ("no ODF schema (libjopendocument-java) or xmllint: the XML was not validated");
}

static void
test_docx (void)
{
  static const char * const expected[] = { "[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                                           "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels",
                                           "word/header1.xml", "word/footer1.xml" };
  g_autofree char *dir = fita_test_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *path = write_report (c, dir, ".docx");
      g_autofree char *document = fita_test_zip_part (path, "word/document.xml");
      g_autofree char *styles = fita_test_zip_part (path, "word/styles.xml");
      g_autofree char *rels = fita_test_zip_part (path, "word/_rels/document.xml.rels");
      g_autofree char *types = fita_test_zip_part (path, "[Content_Types].xml");
      g_autoptr(GPtrArray) parts = NULL;
      xmlDocPtr doc;
      xmlXPathContextPtr context;
      int method;
      guint pictures;

      parts = zip_parts (path, &method);
      for (guint p = 0; p < G_N_ELEMENTS (expected); p++)
        g_assert_true (has_part (parts, expected[p]));
      g_assert_nonnull (strstr (types, "wordprocessingml.document.main+xml"));
      /* the running header and footer: the plan's title, "Page N of M" as fields */
      {
        g_autofree char *header = fita_test_zip_part (path, "word/header1.xml");
        g_autofree char *footer = fita_test_zip_part (path, "word/footer1.xml");
        g_assert_nonnull (strstr (header, "<w:pStyle w:val=\"Header\"/>"));
        g_assert_null (strstr (header, "<w:t xml:space=\"preserve\"></w:t>"));
        g_assert_nonnull (strstr (footer, "w:instr=\" PAGE \""));
        g_assert_nonnull (strstr (footer, "w:instr=\" NUMPAGES \""));
        g_assert_nonnull (strstr (document, "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"));
        g_assert_nonnull (strstr (rels, "Target=\"footer1.xml\""));
        g_assert_nonnull (strstr (types, "/word/header1.xml"));
      }
      /* the headings under their built-in names, with their outline levels */
      for (int level = 1; level <= 3; level++)
        {
          g_autofree char *style = g_strdup_printf ("w:styleId=\"Heading%d\">", level);
          g_autofree char *name = g_strdup_printf ("<w:name w:val=\"heading %d\"/>", level);
          g_autofree char *outline = g_strdup_printf ("<w:outlineLvl w:val=\"%d\"/>", level - 1);
          const char *found = strstr (styles, style);
          g_assert_nonnull (found);
          /* its built-in name and its level come before the next style */
          g_assert_true (strstr (found, name) != NULL && strstr (found, name) < strstr (found, "</w:style>"));
          g_assert_true (strstr (found, outline) != NULL && strstr (found, outline) < strstr (found, "</w:style>"));
        }
      {
        g_autofree char *language = g_strdup_printf ("<w:lang w:val=\"%s-", c->lang);
        g_assert_nonnull (strstr (styles, language));
      }

      doc = xmlReadMemory (document, strlen (document), "document.xml", "UTF-8", XML_PARSE_NONET);
      g_assert_nonnull (doc);
      context = xmlXPathNewContext (doc);
      xmlXPathRegisterNs (context, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
      xmlXPathRegisterNs (context, BAD_CAST "wp",
                          BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
      xmlXPathRegisterNs (context, BAD_CAST "a", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
      xmlXPathRegisterNs (context, BAD_CAST "r",
                          BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");

      for (guint h = 0; h < G_N_ELEMENTS (c->headings) && c->headings[h]; h++)
        {
          g_autofree char *expression = g_strdup_printf ("//w:p[w:pPr/w:pStyle/@w:val='Heading%c' and normalize-space(.)=\"%s\"]",
                                                         c->headings[h][0], c->headings[h] + 2);
          if (count (context, expression) == 0)
            g_error ("%s %s: no heading %s", fita_report_kind_keywords[c->kind], c->lang, c->headings[h]);
        }
      if (c->kind != FITA_REPORT_SHEET)
        check_levels (c, context, "//w:pPr/w:pStyle[starts-with(@w:val, 'Heading') or @w:val='Title']", "val");
      /* a cell without a paragraph is dropped by word processors */
      g_assert_cmpuint (count (context, "//w:tc[not(w:p)]"), ==, 0);
      if (c->tables)
        {
          g_assert_cmpuint (count (context, "//w:tbl"), >, 0);
          g_assert_cmpuint (count (context, "//w:tbl/w:tr[1]/w:trPr/w:tblHeader"), >, 0);
        }
      pictures = count (context, "//w:drawing");
      g_assert_cmpuint (pictures, >=, c->pictures);
      g_assert_cmpuint (count_non_empty (context, "//w:drawing/wp:inline/wp:docPr/@descr"), ==, pictures);
      for (guint p = 0; p < pictures; p++)
        {
          g_autofree char *name = g_strdup_printf ("word/media/picture%u.png", p + 1);
          g_autofree char *target = g_strdup_printf ("Target=\"media/picture%u.png\"", p + 1);
          g_assert_true (has_part (parts, name));
          g_assert_nonnull (strstr (rels, target));
        }
      if (c->kind == FITA_REPORT_ANNUAL)
        g_assert_cmpuint (count (context, "//wp:docPr[contains(@descr, '12.223,69') or contains(@descr, '12,223.69')]"),
                          ==, 1);
      check_figures (c, doc);
      xmlXPathFreeContext (context);
      xmlFreeDoc (doc);
    }
}

/* A sheet's links stay links, in both formats, their addresses escaped */
static void
test_links (void)
{
  const char *json =
    "{\"plan\": {\"title\": \"Pla\", \"organisation\": \"Ajuntament\"},"
    " \"items\": [{\"code\": \"1\", \"title\": \"Programa\","
    "   \"links\": [{\"title\": \"Memòria 2024\", \"url\": \"https://example.org/memoria?a=1&b=2\"}]}]}";
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (json);
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *odt = g_build_filename (dir, "links.odt", NULL);
  g_autofree char *docx = g_build_filename (dir, "links.docx", NULL);
  g_autofree char *content = NULL;
  g_autofree char *document = NULL;
  g_autofree char *rels = NULL;
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, 2024, "ca" };
  g_autoptr(GError) error = NULL;

  options.item_id = fita_test_item (plan, "1")->rec.id;
  g_assert_true (fita_report_write (plan, &options, odt, NULL, NULL, NULL, &error));
  g_assert_true (fita_report_write (plan, &options, docx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  content = fita_test_zip_part (odt, "content.xml");
  document = fita_test_zip_part (docx, "word/document.xml");
  rels = fita_test_zip_part (docx, "word/_rels/document.xml.rels");
  g_assert_nonnull (strstr (content, "xlink:href=\"https://example.org/memoria?a=1&amp;b=2\""));
  g_assert_nonnull (strstr (content, ">Memòria 2024</text:a>"));
  g_assert_nonnull (strstr (document, "<w:hyperlink r:id=\"rIdLink1\">"));
  g_assert_nonnull (strstr (document, ">Memòria 2024</w:t>"));
  g_assert_nonnull (strstr (rels, "Id=\"rIdLink1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\""
                                  " Target=\"https://example.org/memoria?a=1&amp;b=2\" TargetMode=\"External\""));
}

static void
test_formats (void)
{
  FitaReportFormat format = FITA_N_REPORT_FORMATS;

  g_assert_true (fita_report_format_for_path ("informe.odt", &format));
  g_assert_cmpint (format, ==, FITA_REPORT_FORMAT_ODT);
  g_assert_true (fita_report_format_for_path ("/tmp/INFORME.DOCX", &format));
  g_assert_cmpint (format, ==, FITA_REPORT_FORMAT_DOCX);
  g_assert_true (fita_report_format_for_path ("a.b/informe.pdf", &format));
  g_assert_cmpint (format, ==, FITA_REPORT_FORMAT_PDF);
  g_assert_false (fita_report_format_for_path ("informe.doc", &format));
  g_assert_false (fita_report_format_for_path ("informe", &format));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-docs/odt", test_odt);
  g_test_add_func ("/report-docs/docx", test_docx);
  g_test_add_func ("/report-docs/links", test_links);
  g_test_add_func ("/report-docs/formats", test_formats);
  return g_test_run ();
}
