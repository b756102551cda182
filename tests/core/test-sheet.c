/* Reading tables from CSV and TSV: RFC 4180 quoting, delimiters,
 * encodings, line ends, line numbers, and the limits. */
#include "fita-error.h"
#include "fita-schema.h"
#include "fita-sheet.h"
#include "fita-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static FitaSheet *
read_table (const char *text, char delimiter)
{
  g_autoptr(GError) error = NULL;
  FitaSheet *sheet = fita_sheet_read_csv (text, strlen (text), delimiter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_null (sheet->name);
  return sheet;
}

static void
assert_row (FitaSheet *sheet, guint index, guint line, const char * const *cells)
{
  FitaSheetRow *row;

  g_assert_cmpuint (index, <, sheet->rows->len);
  row = g_ptr_array_index (sheet->rows, index);
  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpstrv (row->cells, cells);
}

static char *
refused (const char *text, gsize length, char delimiter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, length, delimiter, &error);

  g_assert_null (sheet);
  g_assert_error (error, FITA_ERROR, error->code);
  return g_strdup (error->message);
}

/* Quoted cells hold delimiters, tabs, line ends and doubled quotes; a row's
 * line is where it starts, counting the line ends inside cells. */
static void
test_quotes (void)
{
  g_autoptr(FitaSheet) sheet = read_table ("Codi,Títol,Qui\n"
                                     "1,\"Diagnosi, mapeig\ti \"\"antenes\"\"\",\"Secretaria\ntècnica\r\n(executa)\"\n"
                                     "2,Tallers,\n"
                                     "3,\"a\"\"\",\"\"\n", ',');

  assert_row (sheet, 0, 1, (const char *[]) { "Codi", "Títol", "Qui", NULL });
  assert_row (sheet, 1, 2, (const char *[]) { "1", "Diagnosi, mapeig\ti \"antenes\"", "Secretaria\ntècnica\n(executa)", NULL });
  assert_row (sheet, 2, 5, (const char *[]) { "2", "Tallers", "", NULL });
  assert_row (sheet, 3, 6, (const char *[]) { "3", "a\"", "", NULL });
  g_assert_cmpuint (sheet->rows->len, ==, 4);
}

/* The delimiter that splits the first lines alike: a tab, a semicolon
 * (Excel where the comma is the decimal sign) or a comma. */
static void
test_delimiters (void)
{
  g_autoptr(FitaSheet) semicolons = read_table ("Codi;Executat\n1;4.702,33 €\n2;\"7,5\"\n", 0);
  g_autoptr(FitaSheet) tabs = read_table ("Codi\tTítol\n1\tUn, dos; tres\n", 0);
  g_autoptr(FitaSheet) commas = read_table ("Codi,Títol\n1,\"Un; dos\"\n2,Tres\n", 0);
  g_autoptr(FitaSheet) single = read_table ("Títol\nUn\n", 0);
  g_autoptr(FitaSheet) given = read_table ("a;b,c\n", ',');

  assert_row (semicolons, 1, 2, (const char *[]) { "1", "4.702,33 €", NULL });
  assert_row (semicolons, 2, 3, (const char *[]) { "2", "7,5", NULL });
  assert_row (tabs, 1, 2, (const char *[]) { "1", "Un, dos; tres", NULL });
  assert_row (commas, 1, 2, (const char *[]) { "1", "Un; dos", NULL });
  assert_row (single, 1, 2, (const char *[]) { "Un", NULL });
  assert_row (given, 0, 1, (const char *[]) { "a;b", "c", NULL });
}

/* UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode
 * text"), Windows-1252 when the bytes are not UTF-8; cells in NFC. */
static void
test_encodings (void)
{
  g_autoptr(FitaSheet) bom = read_table ("\xef\xbb\xbf" "Codi;Títol\n1;Acció\n", 0);
  g_autoptr(FitaSheet) cp1252 = read_table ("Codi;T\xedtol\n1;Acci\xf3 \x80 col\xb7laboraci\xf3\n", 0);
  /* "Acció" with the accent as a combining mark, and "l·l" */
  g_autoptr(FitaSheet) decomposed = read_table ("Codi;Títol\n1;Accio\xcc\x81 col·laborativa\n", 0);
  static const char utf16[] = "\xff\xfe" "C\0o\0d\0i\0\t\0T\0\xed\0t\0o\0l\0\n\0" "1\0\t\0" "A\0c\0c\0i\0\xf3\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) wide = fita_sheet_read_csv (utf16, sizeof utf16 - 1, 0, &error);

  assert_row (bom, 0, 1, (const char *[]) { "Codi", "Títol", NULL });
  assert_row (cp1252, 0, 1, (const char *[]) { "Codi", "Títol", NULL });
  assert_row (cp1252, 1, 2, (const char *[]) { "1", "Acció € col·laboració", NULL });
  assert_row (decomposed, 1, 2, (const char *[]) { "1", "Acció col·laborativa", NULL });
  g_assert_no_error (error);
  assert_row (wide, 1, 2, (const char *[]) { "1", "Acció", NULL });
}

/* LF, CRLF and a lone CR (old Mac Excel) end lines; blank lines are rows of
 * one empty cell; a last line end makes no row; a last delimiter an empty
 * cell; a leading apostrophe that keeps a cell as text is removed. */
static void
test_lines (void)
{
  g_autoptr(FitaSheet) sheet = read_table ("Codi;Any\r\n'0012;'2024\r\n\r\n2;\r3;2025\n", 0);

  assert_row (sheet, 0, 1, (const char *[]) { "Codi", "Any", NULL });
  assert_row (sheet, 1, 2, (const char *[]) { "0012", "2024", NULL });
  assert_row (sheet, 2, 3, (const char *[]) { "", NULL });
  assert_row (sheet, 3, 4, (const char *[]) { "2", "", NULL });
  assert_row (sheet, 4, 5, (const char *[]) { "3", "2025", NULL });
  g_assert_cmpuint (sheet->rows->len, ==, 5);
  g_assert_cmpuint (fita_sheet_row_length (g_ptr_array_index (sheet->rows, 4)), ==, 2);
}

/* What cannot be read is refused with the line and what to do. */
static void
test_refusals (void)
{
  static const char open_quote[] = "Codi;Títol\n1;\"Acció\n2;Tallers\n";
  static const char with_nul[] = "Codi\n1\n\0\n";
  static const char not_1252[] = "Codi\n1\n\x81\n";
  static const char not_utf16[] = "\xff\xfe" "C\0\x00\xd8";
  g_autofree char *unclosed = refused (open_quote, sizeof open_quote - 1, 0);
  g_autofree char *nul = refused (with_nul, sizeof with_nul - 1, 0);
  g_autofree char *bad_1252 = refused (not_1252, sizeof not_1252 - 1, 0);
  g_autofree char *bad_utf16 = refused (not_utf16, sizeof not_utf16 - 1, 0);
  g_autofree char *long_cell = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *tall = NULL;
  g_autofree char *large = NULL;
  g_autoptr(GString) text = g_string_new ("Codi;Títol\n1;");
  char *huge;

  g_assert_true (strstr (unclosed, "Line 2") != NULL && strstr (unclosed, "never closed") != NULL);
  g_assert_true (strstr (nul, "Line 3") != NULL && strstr (nul, "NUL") != NULL);
  g_assert_true (strstr (bad_1252, "Line 3") != NULL && strstr (bad_1252, "Windows-1252") != NULL);
  g_assert_true (strstr (bad_utf16, "UTF-16") != NULL);

  for (guint i = 0; i <= FITA_MAX_TEXT; i++)
    g_string_append_c (text, 'a');
  long_cell = refused (text->str, text->len, 0);
  g_assert_true (strstr (long_cell, "Line 2") != NULL && strstr (long_cell, "100000 bytes") != NULL);

  g_string_assign (text, "a");
  for (guint i = 0; i < FITA_SHEET_MAX_COLUMNS; i++)
    g_string_append (text, ";a");
  wide = refused (text->str, text->len, 0);
  g_assert_true (strstr (wide, "Line 1") != NULL && strstr (wide, "1000 cells") != NULL);

  g_string_truncate (text, 0);
  for (guint i = 0; i <= FITA_SHEET_MAX_ROWS; i++)
    g_string_append (text, "a\n");
  tall = refused (text->str, text->len, 0);
  g_assert_true (strstr (tall, "200000 rows") != NULL);

  /* zero pages: never touched, since the size is refused first */
  huge = g_malloc0 (FITA_SHEET_MAX_BYTES + 1);
  large = refused (huge, FITA_SHEET_MAX_BYTES + 1, 0);
  g_free (huge);
  g_assert_true (strstr (large, "64 MB") != NULL);
}

/* A file by its format; a folder, a missing file, an unknown format are
 * refused. */
static void
test_files (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "taula.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) tsv = NULL;
  g_autoptr(FitaSheet) none = NULL;

  g_assert_true (g_file_set_contents (path, "Codi\tTítol\n1\tUn; dos, tres\n", -1, NULL));
  tsv = fita_sheet_read_file (path, "tsv", &error);
  g_assert_no_error (error);
  assert_row (tsv, 1, 2, (const char *[]) { "1", "Un; dos, tres", NULL });

  none = fita_sheet_read_file (dir, "csv", &error);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fita_sheet_read_file ("/nonexistent/taula.csv", "csv", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (fita_sheet_read_file (path, "doc", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_unlink (path);
}

/* Readers of other formats build sheets row by row; cells become NFC. */
static void
test_build (void)
{
  g_autoptr(FitaSheet) sheet = fita_sheet_new ("Full 1");
  GStrv cells = g_new0 (char *, 3);

  cells[0] = g_strdup ("Accio\xcc\x81");
  cells[1] = g_strdup ("x");
  fita_sheet_add_row (sheet, 7, cells);
  g_assert_cmpstr (sheet->name, ==, "Full 1");
  assert_row (sheet, 0, 7, (const char *[]) { "Acció", "x", NULL });
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sheet/quotes", test_quotes);
  g_test_add_func ("/sheet/delimiters", test_delimiters);
  g_test_add_func ("/sheet/encodings", test_encodings);
  g_test_add_func ("/sheet/lines", test_lines);
  g_test_add_func ("/sheet/refusals", test_refusals);
  g_test_add_func ("/sheet/files", test_files);
  g_test_add_func ("/sheet/build", test_build);
  return g_test_run ();
}
