/* What the importer refuses, all at once, with each problem's line, code
 * and sheet; and mappings that name a table's columns and header row. */
#include "fita-error.h"
#include "fita-test-import.h"

#include <string.h>

/* Refusals: every problem at once, each with its line and code */
static void
test_refusals (void)
{
  g_autoptr(FitaImportReport) report = refused (
    "Codi;Codi pare;Títol;Estat;Percentatge;Any;Previst;Executat;Any d'inici\n"  /* 1 */
    "1;;Un;;;;;;\n"                                                               /* 2 */
    "1;;Un altre;;;;;;\n"                                                         /* 3: duplicate code */
    "2;99;Dos;;;;;;\n"                                                            /* 4: missing parent */
    "3;;Tres;;;2023;quatre euros;;\n"                                             /* 5: unreadable amount */
    "4;;Quatre;;130 %;;;;\n"                                                      /* 6: percent out of range */
    "5;6;Cinc;;;;;;\n"                                                            /* 7: a circle */
    "6;5;Sis;;;;;;\n"                                                             /* 8 */
    "7;;Set;;;;1.000 €;;\n"                                                       /* 9: amount with no year */
    "8;;Vuit;;;2023;1.000 €;;\n"                                                  /* 10 */
    "8;;;;;2023;2.000 €;;\n"                                                      /* 11: given twice */
    "9;;Nou;En curs (30 %);40 %;;;;\n"                                            /* 12: two percents */
    "10;;Deu;;;;;;\n"                                                             /* 13 */
    "10;;;Acabat;;;;;\n"                                                          /* 14: a repeat with another value */
    "11;;Onze;;;;;;;x\n"                                                          /* 15: one field too many */
    "12;;Dotze\n"                                                                 /* 16: fields missing */
    "13;;Tretze;;;1850;1 €;;\n"                                                   /* 17: a year Fita cannot plan */
    "14;;Catorze;;;2023;-5 €;;\n"                                                 /* 18: negative */
    "15;;Quinze;;;;;;31/02/2024\n"                                                /* 19: no such date */
    "16;;Setze\x01;;;;;;\n",                                                      /* 20: a control character */
    NULL);

  assert_problem (report, 3, "1", "already used on line 2");
  assert_problem (report, 4, "2", "parent code “99”");
  assert_problem (report, 5, "3", "not an amount");
  assert_problem (report, 6, "4", "not a percentage");
  g_assert_true (has_problem (report->problems, 7, "5", "circle") || has_problem (report->problems, 8, "6", "circle"));
  assert_problem (report, 9, "7", "has no year");
  assert_problem (report, 11, "8", "given twice, here and on line 10");
  assert_problem (report, 12, "9", "the status says");
  assert_problem (report, 14, "10", "repeats the item of line 13");
  assert_problem (report, 15, NULL, "fields");
  assert_problem (report, 16, NULL, "fields");
  assert_problem (report, 17, "13", "1900");
  assert_problem (report, 18, "14", "negative");
  assert_problem (report, 19, "15", "not a year or a date");
  assert_problem (report, 20, "16", "control character");
  g_assert_cmpuint (report->problems->len, ==, 15);
}

static void
test_refusals_table (void)
{
  g_autoptr(FitaImportReport) amounts = refused ("Any;Executat\n2023;1.000 €\n", NULL);
  g_autoptr(FitaImportReport) columns = refused ("Codi;Títol;Codi\n1;Un;2\n", NULL);
  g_autoptr(FitaImportReport) empty = refused ("Codi;Títol\n\n", NULL);
  g_autoptr(FitaImportReport) value = refused ("Codi;Títol;Indicador;Valor;Any de l'indicador\n1;Un;Tallers;4;\n"
                                               "2;Dos;;5;2024\n", NULL);
  g_autoptr(FitaImportReport) under = refused ("Codi;Títol\n11;Un altre\n", UNDER_11);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) blank = fita_sheet_read_csv ("\n\n", 2, 0, NULL);

  assert_problem (amounts, 2, NULL, "belong to no item");
  assert_problem (columns, 1, NULL, "both read as “code”");
  assert_problem (empty, 0, NULL, "nothing to import");
  assert_problem (value, 2, "1", "has no year");
  assert_problem (value, 3, "2", "belongs to no indicator");
  assert_problem (under, 2, "11", "imported under");
  g_assert_null (fita_import_sheet (blank, NULL, NULL, NULL, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
}

/* A chain of parent codes deeper than a plan may be. */
static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("Codi;Codi pare;Títol\n");
  g_autoptr(FitaImportReport) report = NULL;

  for (guint i = 0; i < FITA_MAX_DEPTH + 2; i++)
    g_string_append_printf (text, "c%u;%s%u;Nivell %u\n", i, i > 0 ? "c" : "", i > 0 ? i - 1 : 0, i);
  g_string_replace (text, ";0;", ";;", 1);
  report = refused (text->str, NULL);
  assert_problem (report, FITA_MAX_DEPTH + 2, "c64", "more than 64 levels");
}

/* The error lists the first 100 problems and counts the rest. */
static void
test_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("Codi;Títol;Percentatge\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%u;Acció;200 %%\n", i);
  plan = import_text (text->str, NULL, &report, &error);
  g_assert_null (plan);
  g_assert_cmpuint (report->problems->len, ==, 150);
  g_assert_true (g_str_has_prefix (error->message, "The table has 150 problems; nothing was imported:\nline 2 (0): "));
  g_assert_true (g_str_has_suffix (error->message, "… and 50 more problems"));
}

/* Mappings */

static void
test_mapping (void)
{
  g_autoptr(FitaImportMapping) mapping = fita_import_mapping_new ();
  g_autoptr(FitaImportMapping) again = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  static const char text[] = "Ref;Nom;Cosa;Previst 2024\n1;Un;x;\"1,500\"\n";
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, sizeof text - 1, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *json = NULL;
  FitaColumn column;

  g_assert_true (fita_import_mapping_guess (mapping, sheet, &error));
  g_assert_cmpuint (fita_import_mapping_get_n_headers (mapping), ==, 4);
  g_assert_true (fita_import_mapping_get_column (mapping, "Ref", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_CODE);
  g_assert_true (fita_import_mapping_get_column (mapping, "Cosa", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_NONE);
  g_assert_true (fita_import_mapping_get_column (mapping, "Previst 2024", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_PLANNED);

  /* chosen rather than guessed; amounts written the English way */
  fita_import_mapping_set_column (mapping, "Cosa", FITA_COLUMN_DESCRIPTION);
  fita_import_mapping_set_language (mapping, "en");
  fita_import_mapping_set_level (mapping, "Nom", "Acció");
  fita_import_mapping_set_under (mapping, "P", "Programa de prova", NULL);
  json = fita_import_mapping_to_json (mapping);
  again = fita_import_mapping_load (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (fita_import_mapping_get_column (again, "Cosa", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_DESCRIPTION);
  g_assert_cmpstr (fita_import_mapping_get_language (again), ==, "en");
  g_assert_cmpstr (fita_import_mapping_get_level (again, "Nom"), ==, "Acció");

  fita_import_mapping_set_column (again, "Codi", FITA_COLUMN_CODE);
  plan = fita_import_sheet (sheet, again, NULL, &report, &error);
  g_assert_no_error (error);
  /* a header the mapping names but the table lacks is said */
  g_assert_true (has_problem (report->notes, 0, NULL, "“Codi” that the table does not have"));
  g_assert_cmpstr (fita_test_item (plan, "1")->description, ==, "x");
  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "1")), ==, "P");
  g_assert_cmpint (((FitaBudgetLine *) g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE,
                                                                          fita_test_item (plan, "1")->rec.id), 0))->planned_cents,
                   ==, 150000);
  g_assert_cmpstr (fita_plan_get_info (plan)->language, ==, "en");
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Imported plan");
}

/* A header row below lines of text is found; or named by its number. */
static void
test_header_row (void)
{
  static const char text[] = "Pla de treball\n\nCodi;Títol\n1;Un\n";
  g_autoptr(FitaPlan) found = imported (text, NULL);
  g_autoptr(FitaImportReport) report = refused (text, "{\"header_row\": 4}");
  g_autoptr(FitaImportMapping) beyond = fita_import_mapping_load ("{\"header_row\": 9}", 17, NULL);
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, sizeof text - 1, 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (fita_test_item (found, "1")->title, ==, "Un");
  /* row 4 as the header leaves nothing below it */
  assert_problem (report, 0, NULL, "nothing to import");
  g_assert_false (fita_import_mapping_guess (beyond, sheet, &error));
  g_assert_true (strstr (error->message, "header_row") != NULL);
}

static void
test_mapping_refusals (void)
{
  static const char * const wrong[] = {
    "[]", "{", "{\"columns\": {\"Codi\": \"cde\"}}", "{\"columns\": []}", "{\"columns\": {\"Codi\": 3}}",
    "{\"levels\": {\"Acció\": 3}}", "{\"header_row\": -1}", "{\"header_row\": \"2\"}", "{\"language\": \"fr\"}",
    "{\"under\": {\"level\": \"Programa\"}}", "{\"under\": {\"code\": \"1\", \"colour\": \"x\"}}", "{\"under\": \"11\"}",
    "{\"cols\": {}}", "{\"columns\": {\"a\": [[[[[[[[[[1]]]]]]]]]]}}", NULL };

  for (guint i = 0; wrong[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaImportMapping) mapping = fita_import_mapping_load (wrong[i], strlen (wrong[i]), &error);
      g_assert_null (mapping);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
add_row (FitaSheet *sheet, guint line, const char *cells)
{
  fita_sheet_add_row (sheet, line, g_strsplit (cells, "|", -1));
}

/* A table read from several sheets: each problem names its sheet, in the
 * order of the sheets; a code a later sheet does not find among the
 * first one's items is a problem there, not a new item. */
static void
test_sheets_named (void)
{
  g_autoptr(FitaSheet) sheet = fita_sheet_new ("Elements");
  FitaSheet *budget = fita_sheet_new ("Pressupost");
  FitaSheet *followup = fita_sheet_new ("Seguiment");
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *first = NULL;
  g_autofree char *json = NULL;
  const char *expected[] = {
    "Elements, row 3 (O1.1): “Percentatge”: “130 %” is not a percentage",
    "Pressupost, row 2 (X9): no item of the sheet “Elements” has the code “X9”",
    "Pressupost, row 4 (O1.1): “Executat”: “molt” is not an amount",
    "Seguiment, row 3: “Punts forts”: a follow-up is of a year, and the row gives none",
  };

  add_row (sheet, 1, "Codi|Títol|Percentatge");
  add_row (sheet, 2, "O1|Primer|");
  add_row (sheet, 3, "O1.1|Segon|130 %");
  add_row (budget, 1, "Codi|Any|Executat");
  add_row (budget, 2, "X9|2023|4.702,33 €");
  add_row (budget, 3, "O1.1|2023|4.702,33 €");
  add_row (budget, 4, "O1.1|2024|molt");
  add_row (followup, 2, "Codi|Any|Punts forts");
  add_row (followup, 3, "||Tot");
  fita_sheet_append (sheet, budget);
  fita_sheet_append (sheet, followup);
  plan = fita_import_sheet (sheet, NULL, "Prova", &report, &error);
  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = fita_import_problem_format (report->problems->pdata[i], sheet);
      if (!g_str_has_prefix (line, expected[i]))
        g_error ("“%s” is not “%s…”", line, expected[i]);
      g_assert_nonnull (strstr (error->message, expected[i]));
    }
  json = fita_import_report_to_json (report);
  g_assert_nonnull (strstr (json, "\"line\":2,\"code\":\"X9\",\"message\":\"no item of the sheet"));
  g_assert_nonnull (strstr (json, "\"sheet\":\"Pressupost\""));

  /* one sheet: rows as before, with no sheet */
  {
    g_autoptr(FitaSheet) one = fita_sheet_new ("Elements");
    g_autoptr(FitaImportReport) alone = NULL;
    g_autoptr(GError) refused = NULL;
    g_autoptr(FitaPlan) none = NULL;
    add_row (one, 1, "Codi|Títol|Percentatge");
    add_row (one, 3, "O1.1|Segon|130 %");
    none = fita_import_sheet (one, NULL, "Prova", &alone, &refused);
    g_assert_null (none);
    first = fita_import_problem_format (alone->problems->pdata[0], one);
    g_assert_true (g_str_has_prefix (first, "row 3 (O1.1): “Percentatge”"));
    g_assert_null (((FitaImportProblem *) alone->problems->pdata[0])->sheet);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/refusals", test_refusals);
  g_test_add_func ("/import/refusals-table", test_refusals_table);
  g_test_add_func ("/import/too-deep", test_too_deep);
  g_test_add_func ("/import/many-problems", test_many_problems);
  g_test_add_func ("/import/mapping", test_mapping);
  g_test_add_func ("/import/header-row", test_header_row);
  g_test_add_func ("/import/mapping-refusals", test_mapping_refusals);
  g_test_add_func ("/import/sheets-named", test_sheets_named);
  return g_test_run ();
}
