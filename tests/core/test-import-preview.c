/* What the import assistant shows of a table: its headers as they will
 * be read, with the first values under each. */
#include <string.h>

#include "fita-import.h"
#include "fita-import-preview.h"
#include "fita-test-util.h"

static FitaSheet *
table (const char *text)
{
  g_autoptr(GError) error = NULL;
  FitaSheet *sheet = fita_sheet_read_csv (text, strlen (text), 0, &error);

  g_assert_no_error (error);
  return sheet;
}

static void
test_describe (void)
{
  g_autoptr(FitaSheet) sheet = table ("Pla d'acció 2024\n"
                                      "\n"
                                      "Codi;Actuació;Estat;Pressupost previst;Observacions\n"
                                      "1;Diagnosi;En curs (30 %);4.702,33 €;\n"
                                      "2;Tallers;;- €;cap\n"
                                      "3;Formació;Acabat;;\n"
                                      "4;Mapa;No iniciat;0,00 €;\n");
  g_autoptr(FitaImportMapping) mapping = fita_import_mapping_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) headers = fita_import_mapping_describe (mapping, sheet, 2, &error);
  FitaImportHeader *h;
  FitaColumn column;

  g_assert_no_error (error);
  g_assert_cmpuint (headers->len, ==, 5);
  h = headers->pdata[0];
  g_assert_cmpstr (h->header, ==, "Codi");
  g_assert_cmpint (h->column, ==, FITA_COLUMN_CODE);
  g_assert_cmpuint (g_strv_length (h->examples), ==, 2);
  g_assert_cmpstr (h->examples[0], ==, "1");
  g_assert_cmpstr (h->examples[1], ==, "2");
  h = headers->pdata[1];
  g_assert_cmpint (h->column, ==, FITA_COLUMN_TITLE);
  /* empty cells are no example: the first two values there are */
  h = headers->pdata[2];
  g_assert_cmpint (h->column, ==, FITA_COLUMN_STATUS);
  g_assert_cmpstr (h->examples[0], ==, "En curs (30 %)");
  g_assert_cmpstr (h->examples[1], ==, "Acabat");
  h = headers->pdata[3];
  g_assert_cmpint (h->column, ==, FITA_COLUMN_PLANNED);
  g_assert_cmpstr (h->examples[0], ==, "4.702,33 €");
  h = headers->pdata[4];
  g_assert_cmpint (h->column, ==, FITA_COLUMN_NONE);
  g_assert_cmpstr (h->examples[0], ==, "cap");
  g_assert_null (h->examples[1]);
  /* the guess is now in the mapping, and a choice made there is shown */
  g_assert_true (fita_import_mapping_get_column (mapping, "Estat", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_STATUS);
  fita_import_mapping_set_column (mapping, "Observacions", FITA_COLUMN_DESCRIPTION);
  g_clear_pointer (&headers, g_ptr_array_unref);
  headers = fita_import_mapping_describe (mapping, sheet, 0, &error);
  g_assert_no_error (error);
  h = headers->pdata[4];
  g_assert_cmpint (h->column, ==, FITA_COLUMN_DESCRIPTION);
  g_assert_null (h->examples[0]);
  /* and the import reads it so */
  {
    g_autoptr(FitaPlan) plan = fita_import_sheet (sheet, mapping, "Pla", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fita_plan_find_item (plan, "2")->description, ==, "cap");
  }
}

static void
test_describe_no_header (void)
{
  g_autoptr(FitaSheet) sheet = table ("\n\n");
  g_autoptr(FitaImportMapping) mapping = fita_import_mapping_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) headers = fita_import_mapping_describe (mapping, sheet, 3, &error);

  g_assert_null (headers);
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-preview/describe", test_describe);
  g_test_add_func ("/import-preview/no-header", test_describe_no_header);
  return g_test_run ();
}
