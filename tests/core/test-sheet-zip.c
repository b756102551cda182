/* Tables read from XLSX and ODS files: every kind of cell, as the
 * spreadsheet programs write them, and hostile files refused with the
 * reason (zip bombs, repeated rows and columns, long texts, damage);
 * any table file read as the importer reads it (fita_sheet_read_path()).
 * The files are built here, part by part, with minizip. */
#include "fita-error.h"
#include "fita-sheet-zip.h"
#include "fita-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

typedef struct {
  const char *name;
  const char *data;
  const char *password;   /* NULL: not encrypted */
} Part;

static char *dir;

/* A zip archive of the parts, in dir. */
static char *
make_zip (const char *name, const Part *parts, guint n)
{
  char *path = g_build_filename (dir, name, NULL);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);

  g_assert_nonnull (zip);
  for (guint i = 0; i < n; i++)
    {
      zip_fileinfo info = { 0 };
      gsize length = strlen (parts[i].data);
      g_assert_cmpint (zipOpenNewFileInZip3 (zip, parts[i].name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6, 0,
                                             -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, parts[i].password,
                                             parts[i].password ? crc32 (0, (const Bytef *) parts[i].data, (uInt) length) : 0),
                       ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zip, parts[i].data, (unsigned) length), ==, ZIP_OK);
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  return path;
}

/* The row's line and cells, NULL-terminated. */
static void
assert_row (FitaSheet *sheet, guint index, guint line, ...)
{
  FitaSheetRow *row;
  va_list args;
  guint i = 0;
  const char *cell;

  g_assert_cmpuint (index, <, sheet->rows->len);
  row = g_ptr_array_index (sheet->rows, index);
  g_assert_cmpuint (row->line, ==, line);
  va_start (args, line);
  while ((cell = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (row->cells[i]);
      g_assert_cmpstr (row->cells[i], ==, cell);
      i++;
    }
  va_end (args);
  g_assert_null (row->cells[i]);
}

#define RELS \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" \
  "</Relationships>"
#define WORKBOOK \
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"" \
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/>" \
  "<sheets><sheet name=\"Elements\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Pressupost\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"
#define WORKBOOK_RELS \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/../worksheets/sheet2.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>" \
  "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" \
  "</Relationships>"
#define STYLES \
  "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" \
  "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\" formatCode=\"#,##0.00\\ &quot;€ day&quot;\"/>" \
  "<numFmt numFmtId=\"166\" formatCode=\"[$-403]dd/mm/yyyy\"/></numFmts>" \
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"10\"/></cellStyleXfs>" \
  "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"14\"/>" \
  "<xf numFmtId=\"166\"/><xf numFmtId=\"9\"/></cellXfs></styleSheet>"
#define SHARED \
  "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">" \
  "<si><t>Codi</t></si>" \
  "<si><r><rPr><b/></rPr><t>Tít</t></r><r><t xml:space=\"preserve\">ol </t></r><rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>" \
  "<si><t>Línia_x000D_\nsegona_x005F_x0041_ i _x0000_</t></si>" \
  "<si><t>Te\xcc\x81 accent</t></si></sst>"
#define SHEET1 \
  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" \
  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>" \
  "<row r=\"2\"><c r=\"A2\"><v>4702.33</v></c><c r=\"B2\" s=\"1\"><v>0.883</v></c><c r=\"C2\" s=\"2\"><v>120000</v></c>" \
  "<c r=\"D2\" s=\"3\"><v>42502</v></c><c r=\"E2\" s=\"4\"><v>42502.5</v></c><c r=\"F2\" s=\"5\"><v>0.3</v></c></row>" \
  "<row r=\"3\"/>" \
  "<row r=\"5\"><c t=\"inlineStr\"><is><r><t>en </t></r><r><t>línia</t></r></is></c><c t=\"b\"><v>1</v></c>" \
  "<c t=\"b\"><v>0</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"str\"><f>A1&amp;\"x\"</f><v>Codix</v></c><c s=\"1\"/></row>" \
  "<row><c r=\"B6\" t=\"s\"><v>2</v></c><c r=\"D6\" t=\"s\"><v>3</v></c></row>" \
  "<row r=\"7\"><c r=\"A7\"><v>9999999999999.99</v></c><c r=\"B7\"><v>1E-5</v></c><c r=\"C7\"><v>1.5E+20</v></c>" \
  "<c r=\"D7\"><v>-0</v></c><c r=\"E7\"><v>0.30000000000000004</v></c><c r=\"F7\"><v> 12 </v></c></row>" \
  "<row r=\"8\"><c r=\"A8\" t=\"s\"><v>3</v></c><c r=\"B8\"/><c r=\"C8\" t=\"inlineStr\"><is><t></t></is></c></row>" \
  "</sheetData></worksheet>"
#define SHEET2 \
  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" \
  "<row r=\"3\"><c r=\"B3\"><v>2024</v></c></row></sheetData></worksheet>"

static char *
make_xlsx (const char *name, const char *sheet1)
{
  const Part parts[] = {
    { "_rels/.rels", RELS }, { "xl/workbook.xml", WORKBOOK }, { "xl/_rels/workbook.xml.rels", WORKBOOK_RELS },
    { "xl/styles.xml", STYLES }, { "xl/sharedStrings.xml", SHARED },
    { "xl/worksheets/sheet1.xml", sheet1 }, { "xl/worksheets/sheet2.xml", SHEET2 },
  };
  return make_zip (name, parts, G_N_ELEMENTS (parts));
}

/* Shared strings with rich text runs (not their phonetic guides) and
 * OOXML's escapes, inline strings, numbers in the C locale with 15
 * digits, percentages and dates by their style, booleans, errors and
 * formulas' values, cells skipped (by their column letters or none),
 * empty rows left out, rows numbered as in the sheet. */
static void
test_xlsx_cells (void)
{
  g_autofree char *path = make_xlsx ("cells.xlsx", SHEET1);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_xlsx (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sheet->name, ==, "Elements");
  g_assert_cmpuint (sheet->rows->len, ==, 6);
  assert_row (sheet, 0, 1, "Codi", "", "Títol ", NULL);
  assert_row (sheet, 1, 2, "4702.33", "88.3%", "120000", "2016-05-12", "2016-05-12 12:00:00", "30%", NULL);
  assert_row (sheet, 2, 5, "en línia", "TRUE", "FALSE", "#N/A", "Codix", NULL);
  /* _x000D_ and the line end after it are one line end; NFC; no NUL */
  assert_row (sheet, 3, 6, "", "Línia\nsegona_x0041_ i \xef\xbf\xbd", "", "T\xc3\xa9 accent", NULL);
  assert_row (sheet, 4, 7, "9999999999999.99", "0.00001", "150000000000000000000", "0", "0.3", "12", NULL);
  assert_row (sheet, 5, 8, "T\xc3\xa9 accent", NULL);
}

static void
test_xlsx_sheets (void)
{
  g_autofree char *path = make_xlsx ("sheets.xlsx", SHEET1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = fita_sheet_list_sheets (path, &error);
  g_autoptr(FitaSheet) budget = NULL;
  g_autoptr(FitaSheet) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Elements");
  g_assert_cmpstr (names[1], ==, "Pressupost");
  /* by name, whatever the case; the part found through "/xl/…/../" */
  budget = fita_sheet_read_xlsx (path, "PRESSUPOST", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (budget->name, ==, "Pressupost");
  assert_row (budget, 0, 3, "", "2024", NULL);
  none = fita_sheet_read_xlsx (path, "Indicadors", &error);
  g_assert_null (none);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Elements”, “Pressupost”"));
}

#define CONTENT_HEAD \
  "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:t=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"><office:body><office:spreadsheet>"
#define CONTENT_TAIL "</office:spreadsheet></office:body></office:document-content>"
#define ODS_TABLE1 \
  "<table:table table:name=\"Elements\"><table:table-column table:number-columns-repeated=\"1024\"/>" \
  "<table:table-header-rows><table:table-row><table:table-cell office:value-type=\"string\"><t:p>Codi</t:p></table:table-cell>" \
  "<table:table-cell table:number-columns-repeated=\"2\"/>" \
  "<table:table-cell><t:p>  Tít<t:span>ol</t:span><t:s t:c=\"2\"/>i\n  més</t:p><t:p>segon<t:tab/>par<t:line-break/>à</t:p>" \
  "<office:annotation><t:p>un comentari</t:p></office:annotation></table:table-cell>" \
  "<table:table-cell table:number-columns-repeated=\"16000\"/></table:table-row></table:table-header-rows>" \
  "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"4702.33\"><t:p>4.702,33</t:p></table:table-cell>" \
  "<table:table-cell office:value-type=\"percentage\" office:value=\"0.883\"><t:p>88,3 %</t:p></table:table-cell>" \
  "<table:table-cell office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"120000\"><t:p>120.000,00 €</t:p></table:table-cell>" \
  "<table:table-cell office:value-type=\"date\" office:date-value=\"2016-05-12T00:00:00\"><t:p>12/05/16</t:p></table:table-cell>" \
  "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><t:p>VERTADER</t:p></table:table-cell>" \
  "<table:table-cell office:value-type=\"string\" office:string-value=\"des de l’atribut\"><t:p>no</t:p></table:table-cell>" \
  "<table:covered-table-cell/><table:table-cell><draw:frame><draw:text-box><t:p>dibuix</t:p></draw:text-box></draw:frame></table:table-cell>" \
  "</table:table-row>" \
  "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"2\"><t:p>x</t:p></table:table-cell></table:table-row>" \
  "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>" \
  "<table:table-row><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>" \
  "</table:table>"
#define ODS_TABLE2 \
  "<table:table table:name=\"Pressupost\"><table:table-row table:number-rows-repeated=\"2\"/>" \
  "<table:table-row><table:table-cell/><table:table-cell office:value-type=\"float\" office:value=\"2024\"><t:p>2024</t:p></table:table-cell>" \
  "</table:table-row></table:table>"

static char *
make_ods (const char *name, const char *tables)
{
  g_autofree char *content = g_strconcat (CONTENT_HEAD, tables, CONTENT_TAIL, NULL);
  const Part parts[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" }, { "content.xml", content },
  };
  return make_zip (name, parts, G_N_ELEMENTS (parts));
}

/* Values, not what cells show ("4702.33", not "4.702,33"); paragraphs,
 * spaces, tabs and line breaks as ODF says, comments and drawings left
 * out; repeated cells and rows made, the trailing empty ones (by the
 * million) not. */
static void
test_ods_cells (void)
{
  g_autofree char *path = make_ods ("cells.ods", ODS_TABLE1 ODS_TABLE2);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_ods (path, NULL, &error);
  g_autoptr(FitaSheet) budget = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sheet->name, ==, "Elements");
  g_assert_cmpuint (sheet->rows->len, ==, 5);
  assert_row (sheet, 0, 1, "Codi", "", "", "Títol  i més\nsegon\tpar\nà", NULL);
  assert_row (sheet, 1, 2, "4702.33", "88.3%", "120000", "2016-05-12", "TRUE", "des de l’atribut", NULL);
  assert_row (sheet, 2, 3, "x", "x", NULL);
  assert_row (sheet, 4, 5, "x", "x", NULL);

  budget = fita_sheet_read_ods (path, "Pressupost", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (budget->rows->len, ==, 1);
  assert_row (budget, 0, 3, "", "2024", NULL);

  names = fita_sheet_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[1], ==, "Pressupost");
}

static void
assert_refused (FitaSheet *sheet, GError *error, int code, const char *words)
{
  g_assert_null (sheet);
  g_assert_nonnull (error);
  if (error->code != code || strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static FitaSheet *
read_any (const char *path, GError **error)
{
  return g_str_has_suffix (path, ".ods") ? fita_sheet_read_ods (path, NULL, error)
                                         : fita_sheet_read_xlsx (path, NULL, error);
}

#define REFUSED(path, code, words) \
  G_STMT_START { \
    g_autoptr(GError) e_ = NULL; \
    g_autofree char *p_ = (path); \
    FitaSheet *s_ = read_any (p_, &e_); \
    assert_refused (s_, e_, (code), (words)); \
  } G_STMT_END

/* Repeated rows and columns, texts and cells beyond the limits. */
static void
test_limits (void)
{
  g_autofree char *long_text = g_strnfill (FITA_MAX_TEXT + 1, 'a');
  g_autofree char *long_cell = g_strdup_printf ("<table:table table:name=\"T\"><table:table-row><table:table-cell/>"
                                                "<table:table-cell><t:p>%s</t:p></table:table-cell></table:table-row></table:table>",
                                                long_text);
  g_autofree char *long_xlsx = g_strdup_printf ("<worksheet><sheetData><row r=\"4\"><c r=\"C4\" t=\"inlineStr\"><is><t>%s</t></is></c>"
                                                "</row></sheetData></worksheet>", long_text);

  /* 16 384 columns × 1 000 rows of a repeated text */
  REFUSED (make_ods ("cells.ods", "<table:table table:name=\"T\"><table:table-row table:number-rows-repeated=\"1000\">"
                     "<table:table-cell table:number-columns-repeated=\"16384\"><t:p>x</t:p></table:table-cell>"
                     "</table:table-row></table:table>"),
           FITA_ERROR_INVALID, "more than 2000000 cells");
  /* a 100 kB text repeated: stopped by its bytes before its cells */
  {
    g_autofree char *big = g_strnfill (FITA_MAX_TEXT, 'b');
    g_autofree char *table = g_strdup_printf ("<table:table table:name=\"T\"><table:table-row table:number-rows-repeated=\"1000\">"
                                              "<table:table-cell table:number-columns-repeated=\"16384\"><t:p>%s</t:p>"
                                              "</table:table-cell></table:table-row></table:table>", big);
    REFUSED (make_ods ("bytes.ods", table), FITA_ERROR_INVALID, "MB of text");
  }
  REFUSED (make_ods ("columns.ods", "<table:table table:name=\"T\"><table:table-row>"
                     "<table:table-cell table:number-columns-repeated=\"16384\"/><table:table-cell><t:p>x</t:p></table:table-cell>"
                     "</table:table-row></table:table>"),
           FITA_ERROR_INVALID, "beyond column 16384");
  REFUSED (make_ods ("rows.ods", "<table:table table:name=\"T\"><table:table-row table:number-rows-repeated=\"1048576\"/>"
                     "<table:table-row><table:table-cell><t:p>x</t:p></table:table-cell></table:table-row></table:table>"),
           FITA_ERROR_INVALID, "beyond row 1048576");
  REFUSED (make_ods ("long.ods", long_cell), FITA_ERROR_INVALID, "cell B1: it holds more than 100000 bytes");
  REFUSED (make_xlsx ("long.xlsx", long_xlsx), FITA_ERROR_INVALID, "cell C4: it holds more than 100000 bytes");
  REFUSED (make_xlsx ("rows.xlsx", "<worksheet><sheetData><row r=\"1048577\"><c><v>1</v></c></row></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "more rows than a spreadsheet holds");
  REFUSED (make_xlsx ("columns.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>"),
           FITA_ERROR_INVALID, "beyond column 16384");
  REFUSED (make_xlsx ("name.xlsx", "<worksheet><sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "a cell’s reference is not valid");
}

/* Lists that could fill memory with next to nothing each: more shared
 * texts than a table holds cells are refused; sheets beyond the
 * 65 536th are left out. */
static void
test_lists (void)
{
  GString *strings = g_string_new ("<sst>");
  GString *workbook = g_string_new ("<workbook xmlns:r=\"r\"><sheets>");
  g_autofree char *path = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= FITA_SHEET_MAX_ZIP_CELLS; i++)
    g_string_append (strings, "<si/>");
  g_string_append (strings, "</sst>");
  for (guint i = 0; i < 70000; i++)
    g_string_append_printf (workbook, "<sheet name=\"S%u\" r:id=\"rId1\"/>", i);
  g_string_append (workbook, "</sheets></workbook>");
  {
    const Part parts[] = {
      { "_rels/.rels", RELS }, { "xl/workbook.xml", WORKBOOK }, { "xl/_rels/workbook.xml.rels", WORKBOOK_RELS },
      { "xl/sharedStrings.xml", strings->str }, { "xl/worksheets/sheet1.xml", SHEET2 },
    };
    REFUSED (make_zip ("strings.xlsx", parts, G_N_ELEMENTS (parts)), FITA_ERROR_INVALID, "more than 2000000 texts");
  }
  {
    const Part parts[] = {
      { "_rels/.rels", RELS }, { "xl/workbook.xml", workbook->str }, { "xl/_rels/workbook.xml.rels", WORKBOOK_RELS },
    };
    path = make_zip ("sheets.xlsx", parts, G_N_ELEMENTS (parts));
  }
  names = fita_sheet_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 65536);
  g_assert_cmpstr (names[65535], ==, "S65535");
  g_string_free (strings, TRUE);
  g_string_free (workbook, TRUE);
}

/* An archive that unpacks to more than FITA_SHEET_MAX_UNZIPPED: empty
 * elements and spaces in the sheet, compressed a thousandfold. */
static void
test_zip_bomb (void)
{
  g_autofree char *path = g_build_filename (dir, "bomb.xlsx", NULL);
  g_autofree char *spaces = g_strnfill (1024 * 1024, ' ');
  const char *head = "<worksheet><sheetData>";
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  zip_fileinfo info = { 0 };
  const Part parts[] = {
    { "_rels/.rels", RELS }, { "xl/workbook.xml", WORKBOOK }, { "xl/_rels/workbook.xml.rels", WORKBOOK_RELS },
  };
  struct stat st;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_assert_cmpint (zipOpenNewFileInZip (zip, parts[i].name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1), ==, ZIP_OK);
      zipWriteInFileInZip (zip, parts[i].data, (unsigned) strlen (parts[i].data));
      zipCloseFileInZip (zip);
    }
  g_assert_cmpint (zipOpenNewFileInZip64 (zip, "xl/worksheets/sheet1.xml", &info, NULL, 0, NULL, 0, NULL,
                                          Z_DEFLATED, 9, 1), ==, ZIP_OK);
  zipWriteInFileInZip (zip, head, (unsigned) strlen (head));
  /* not one huge text, which the XML parser refuses on its own */
  for (guint i = 0; i < 1024 * 1024; i += 1024)
    memcpy (spaces + i, "<x/>", 4);
  for (guint i = 0; i < FITA_SHEET_MAX_UNZIPPED / (1024 * 1024) + 1; i++)
    zipWriteInFileInZip (zip, spaces, 1024 * 1024);
  zipCloseFileInZip (zip);
  zipClose (zip, NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1024 * 1024);
  REFUSED (g_strdup (path), FITA_ERROR_INVALID, "unpacks to more than 200 MB");
}

/* Not a spreadsheet, damaged, protected: refused with the reason, and
 * nothing that blocks (a FIFO) or expands (entities). */
static void
test_damaged (void)
{
  g_autofree char *text = g_build_filename (dir, "text.xlsx", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.ods", NULL);
  g_autofree char *laughs = NULL;

  g_assert_true (g_file_set_contents (text, "Codi,Títol\n", -1, NULL));
  REFUSED (g_strdup (text), FITA_ERROR_INVALID, "not a zip archive");
  REFUSED (g_build_filename (dir, "missing.xlsx", NULL), FITA_ERROR_IO, "cannot be read");
  REFUSED (g_strdup (dir), FITA_ERROR_INVALID, "not an ordinary file");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  REFUSED (g_strdup (fifo), FITA_ERROR_INVALID, "not an ordinary file");

  REFUSED (make_xlsx ("broken.xlsx", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "xl/worksheets/sheet1.xml: line 1:");
  REFUSED (make_xlsx ("order.xlsx", "<worksheet><sheetData><row r=\"2\"/><row r=\"1\"/></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "its rows are out of order");
  REFUSED (make_xlsx ("cells.xlsx", "<worksheet><sheetData><row><c r=\"B1\"/><c r=\"A1\"/></row></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "its cells are out of order");
  REFUSED (make_xlsx ("string.xlsx", "<worksheet><sheetData><row><c t=\"s\"><v>4</v></c></row></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "cell A1 refers to a text that is not there");
  REFUSED (make_xlsx ("number.xlsx", "<worksheet><sheetData><row><c><v>4,5</v></c></row></sheetData></worksheet>"),
           FITA_ERROR_CORRUPT, "cell A1 holds “4,5”, which is not a number");
  {
    const Part parts[] = { { "_rels/.rels", RELS }, { "xl/workbook.xml", WORKBOOK } };
    REFUSED (make_zip ("nosheet.xlsx", parts, G_N_ELEMENTS (parts)), FITA_ERROR_CORRUPT, "it does not say where one of its sheets is");
  }
  {
    const Part parts[] = { { "_rels/.rels", RELS } };
    REFUSED (make_zip ("noworkbook.xlsx", parts, G_N_ELEMENTS (parts)), FITA_ERROR_CORRUPT, "xl/workbook.xml: it is missing");
  }
  {
    const Part parts[] = { { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
                           { "content.xml", CONTENT_HEAD ODS_TABLE1 CONTENT_TAIL, "secret" } };
    REFUSED (make_zip ("password.ods", parts, G_N_ELEMENTS (parts)), FITA_ERROR_INVALID, "protected with a password");
  }
  REFUSED (make_ods ("empty.ods", ""), FITA_ERROR_CORRUPT, "it holds no sheets");

  /* a billion laughs: never expanded */
  {
    GString *dtd = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">");
    for (char c = 'b'; c <= 'j'; c++)
      g_string_append_printf (dtd, "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;\">", c, c - 1, c - 1, c - 1,
                              c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
    g_string_append (dtd, "]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&j;</t></is></c></row></sheetData></worksheet>");
    laughs = make_xlsx ("laughs.xlsx", dtd->str);
    g_string_free (dtd, TRUE);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FitaSheet) sheet = fita_sheet_read_xlsx (laughs, NULL, &error);
    if (sheet != NULL)
      for (guint i = 0; i < sheet->rows->len; i++)
        for (char **cell = ((FitaSheetRow *) g_ptr_array_index (sheet->rows, i))->cells; *cell; cell++)
          g_assert_cmpuint (strlen (*cell), <, 1000);
  }
}

/* A part in an encoding that its bytes are not: refused with the
 * parser's reason, and nothing printed on the terminal (libxml2 tells
 * such errors to the standard error unless asked not to). */
static void
test_encoding (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *content = g_strconcat ("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>",
                                              &CONTENT_HEAD[strlen ("<?xml version=\"1.0\"?>")],
                                              "<table:table table:name=\"T\"><table:table-row><table:table-cell>"
                                              "<t:p>4.702,33 €</t:p></table:table-cell></table:table-row></table:table>",
                                              CONTENT_TAIL, NULL);
      const Part parts[] = { { "content.xml", content } };
      REFUSED (make_zip ("ascii.ods", parts, G_N_ELEMENTS (parts)), FITA_ERROR_CORRUPT, "(content.xml: input conversion failed");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* A stored part whose bytes were changed after it was written: its
 * checksum no longer holds. */
static void
test_checksum (void)
{
  g_autofree char *path = g_build_filename (dir, "crc.ods", NULL);
  g_autofree char *content = g_strconcat (CONTENT_HEAD, ODS_TABLE2, CONTENT_TAIL, NULL);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  zip_fileinfo info = { 0 };
  g_autofree char *data = NULL;
  gsize length;
  char *at;

  zipOpenNewFileInZip (zip, "content.xml", &info, NULL, 0, NULL, 0, NULL, 0, 0);
  zipWriteInFileInZip (zip, content, (unsigned) strlen (content));
  zipCloseFileInZip (zip);
  zipClose (zip, NULL);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  at = memmem (data, length, "2024</t:p>", strlen ("2024</t:p>"));
  g_assert_nonnull (at);
  at[0] = '3';
  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  REFUSED (g_strdup (path), FITA_ERROR_CORRUPT, "its checksum is wrong");
}


/* Workbooks of several sheets, for fita_sheet_read_path(): each sheet a
 * name and its rows, a row's cells separated by '|'. */
typedef struct {
  const char *name;
  const char * const *rows;
} Sheet;

static const char * const elements_rows[] = { "Codi|Títol", "O1|Primer", "O1.1|Segon", NULL };
static const char * const budget_rows[] = { "Codi|Any|Capítol|Executat", "O1.1|2023|Capítol 1|4702.33", NULL };
static const char * const notes_rows[] = { "Codi|Comentari", "O1|res", NULL };
static const char * const summary_rows[] = { "Codi|Títol|Total", "O1|Primer|3", NULL };
static const char * const lists_rows[] = { "Nivell|Estat|Capítol", "Objectiu|No iniciat (0 %)|Capítol 1", NULL };
static const char * const statuses_rows[] = { "Estat", "Fet", NULL };
static const char * const followup_rows[] = { "Seguiment de l’any 2023", "Codi|Any|Punts forts", "|2023|Tot", NULL };

static const Sheet workbook[] = {
  { "Elements", elements_rows }, { "Notes", notes_rows }, { "Pressupost", budget_rows },
  { "Resum", summary_rows }, { "Llistes", lists_rows }, { "Estats", statuses_rows }, { "Seguiment", followup_rows },
};

static char *
make_workbook_xlsx (const char *name, const Sheet *sheets, guint n)
{
  GString *book = g_string_new ("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                                " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
  GString *rels = g_string_new ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (Part));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  char *path;

  for (guint i = 0; i < n; i++)
    {
      GString *xml = g_string_new ("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
      char *part_name = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      Part part = { part_name, NULL, NULL };
      for (guint r = 0; sheets[i].rows[r] != NULL; r++)
        {
          g_auto(GStrv) cells = g_strsplit (sheets[i].rows[r], "|", -1);
          g_string_append_printf (xml, "<row r=\"%u\">", r + 1);
          for (guint c = 0; cells[c] != NULL; c++)
            if (*cells[c] != '\0')
              g_string_append_printf (xml, "<c r=\"%c%u\" t=\"inlineStr\"><is><t>%s</t></is></c>", 'A' + c, r + 1, cells[c]);
          g_string_append (xml, "</row>");
        }
      g_string_append (xml, "</sheetData></worksheet>");
      g_string_append_printf (book, "<sheet name=\"%s\" sheetId=\"%u\" r:id=\"rId%u\"/>", sheets[i].name, i + 1, i + 1);
      g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                              " Target=\"worksheets/sheet%u.xml\"/>", i + 1, i + 1);
      part.data = g_string_free (xml, FALSE);
      g_ptr_array_add (owned, part_name);
      g_ptr_array_add (owned, (char *) part.data);
      g_array_append_val (parts, part);
    }
  g_string_append (book, "</sheets></workbook>");
  g_string_append (rels, "</Relationships>");
  {
    Part head[] = { { "_rels/.rels", RELS, NULL }, { "xl/workbook.xml", book->str, NULL },
                    { "xl/_rels/workbook.xml.rels", rels->str, NULL } };
    g_array_prepend_vals (parts, head, G_N_ELEMENTS (head));
    path = make_zip (name, (Part *) (void *) parts->data, parts->len);
  }
  g_string_free (book, TRUE);
  g_string_free (rels, TRUE);
  return path;
}

static char *
make_workbook_ods (const char *name, const Sheet *sheets, guint n)
{
  GString *tables = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (tables, "<table:table table:name=\"%s\">", sheets[i].name);
      for (guint r = 0; sheets[i].rows[r] != NULL; r++)
        {
          g_auto(GStrv) cells = g_strsplit (sheets[i].rows[r], "|", -1);
          g_string_append (tables, "<table:table-row>");
          for (guint c = 0; cells[c] != NULL; c++)
            g_string_append_printf (tables, "<table:table-cell><t:p>%s</t:p></table:table-cell>", cells[c]);
          g_string_append (tables, "</table:table-row>");
        }
      /* an empty row between the table and the end, as Calc leaves them */
      g_string_append (tables, "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell/></table:table-row>"
                               "</table:table>");
    }
  text = g_string_free (tables, FALSE);
  return make_ods (name, text);
}

/* A workbook read as the importer reads it: the first sheet, then the
 * later ones that add to its items (a detail table with a code, the
 * Lists sheet), each row saying its sheet and keeping its number; not
 * a sheet of other columns, of a code alone, of items, nor lists under
 * another name. */
static void
assert_workbook (FitaSheet *sheet)
{
  static const char * const kept[] = { "Elements", "Pressupost", "Llistes", "Seguiment" };
  static const guint sheet_of[] = { 0, 0, 0, 1, 1, 2, 2, 3, 3, 3 };
  static const guint line_of[] = { 1, 2, 3, 1, 2, 1, 2, 1, 2, 3 };

  g_assert_cmpstr (sheet->name, ==, "Elements");
  g_assert_cmpuint (sheet->sheets->len, ==, G_N_ELEMENTS (kept));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    g_assert_cmpstr (g_ptr_array_index (sheet->sheets, i), ==, kept[i]);
  g_assert_cmpuint (sheet->rows->len, ==, G_N_ELEMENTS (sheet_of));
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
      g_assert_cmpuint (row->sheet, ==, sheet_of[r]);
      g_assert_cmpuint (row->line, ==, line_of[r]);
    }
  assert_row (sheet, 4, 2, "O1.1", "2023", "Capítol 1", "4702.33", NULL);
  g_assert_cmpstr (fita_sheet_row_sheet_name (sheet, g_ptr_array_index (sheet->rows, 4)), ==, "Pressupost");
}

static void
test_read_path (void)
{
  g_autofree char *xlsx = make_workbook_xlsx ("llibre.xlsx", workbook, G_N_ELEMENTS (workbook));
  g_autofree char *ods = make_workbook_ods ("llibre.ods", workbook, G_N_ELEMENTS (workbook));
  g_autofree char *unnamed = g_build_filename (dir, "llibre-sense-nom.dat", NULL);
  g_autofree char *csv = g_build_filename (dir, "taula.txt", NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  /* by the suffix, by the format named, by the content */
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (xlsx, NULL, NULL, &error);
    g_assert_no_error (error);
    assert_workbook (sheet);
  }
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (ods, "ods", NULL, &error);
    g_assert_no_error (error);
    assert_workbook (sheet);
  }
  g_assert_true (g_file_get_contents (ods, &data, &length, NULL));
  g_assert_true (g_file_set_contents (unnamed, data, (gssize) length, NULL));
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (unnamed, NULL, NULL, &error);
    g_assert_no_error (error);
    assert_workbook (sheet);
  }
  /* one sheet, named: that one alone */
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (xlsx, NULL, "resum", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sheet->name, ==, "Resum");
    g_assert_cmpuint (sheet->sheets->len, ==, 1);
    g_assert_cmpuint (sheet->rows->len, ==, 2);
  }
  /* anything else is CSV, its delimiter found */
  g_assert_true (g_file_set_contents (csv, "Codi\tTítol\n1\tUn\n", -1, NULL));
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (csv, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (sheet->name);
    g_assert_cmpuint (sheet->sheets->len, ==, 0);
    assert_row (sheet, 1, 2, "1", "Un", NULL);
  }
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (csv, "doc", NULL, &error);
    g_assert_null (sheet);
    g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "use csv, tsv, ods or xlsx"));
    g_clear_error (&error);
  }
  /* an XLSX read as ODS is not one */
  {
    g_autoptr(FitaSheet) sheet = fita_sheet_read_path (xlsx, "ods", NULL, &error);
    g_assert_null (sheet);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

/* A damaged later sheet refuses the whole workbook: nothing half-read. */
static void
test_read_path_damaged (void)
{
  g_autofree char *path = NULL;
  g_autoptr(FitaSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (FITA_MAX_TEXT + 1, 'a');
  const char * const big_rows[] = { big, NULL };
  const Sheet sheets[] = { { "Elements", elements_rows }, { "Llarg", big_rows } };

  path = make_workbook_ods ("llarg.ods", sheets, G_N_ELEMENTS (sheets));
  sheet = fita_sheet_read_path (path, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Sheet “Llarg”, cell A1"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dir = fita_test_tmpdir ();
  g_test_add_func ("/sheet-zip/xlsx-cells", test_xlsx_cells);
  g_test_add_func ("/sheet-zip/xlsx-sheets", test_xlsx_sheets);
  g_test_add_func ("/sheet-zip/ods-cells", test_ods_cells);
  g_test_add_func ("/sheet-zip/limits", test_limits);
  g_test_add_func ("/sheet-zip/lists", test_lists);
  g_test_add_func ("/sheet-zip/zip-bomb", test_zip_bomb);
  g_test_add_func ("/sheet-zip/damaged", test_damaged);
  g_test_add_func ("/sheet-zip/checksum", test_checksum);
  g_test_add_func ("/sheet-zip/encoding", test_encoding);
  g_test_add_func ("/sheet-zip/read-path", test_read_path);
  g_test_add_func ("/sheet-zip/read-path-damaged", test_read_path_damaged);
  return g_test_run ();
}
