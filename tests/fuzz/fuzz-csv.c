/* The table importer on anything: the CSV reader, the import with a
 * guessed mapping, and the readers of cell values. What cannot be taken is
 * refused with a message; what is taken is a plan every reader can use. */
#include "config.h"
#include "fuzz.h"
#include "fita-cell.h"
#include "fita-import.h"
#include "fita-money.h"

#include <string.h>

/* Every reader of a cell value: it reads the cell or says why not, and
 * what it reads keeps Fita's promises. */
static void
read_values (const char *cell)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) who = fita_cell_parse_who (cell);
  g_autofree char *folded = fita_cell_fold (cell);
  g_autofree char *date = NULL;
  g_autofree char *semesters = NULL;
  g_autofree char *status = NULL;
  g_autofree char *value = NULL;
  const FitaTable *items = fita_table (FITA_TABLE_ITEM);
  gboolean pending;
  gint64 number;

#define READS(call) G_STMT_START { \
    gboolean ok_ = (call); \
    g_assert (ok_ ? error == NULL : (error != NULL && *error->message != '\0')); \
    g_clear_error (&error); \
  } G_STMT_END

  READS (fita_cell_parse_year (cell, TRUE, &number, &error));
  READS (fita_cell_parse_year (cell, FALSE, &number, &error));
  READS (fita_cell_parse_when (cell, &number, &date, &error));
  g_assert (date == NULL || fita_field_validate (&items->fields[fita_table_field_index (items, "start_date")], 0, date, NULL));
  READS (fita_cell_parse_semesters (cell, 2018, &semesters, &error));
  g_assert (semesters == NULL || fita_semesters_validate (semesters, NULL));
  g_clear_pointer (&semesters, g_free);
  READS (fita_cell_parse_semesters (cell, FITA_NONE, &semesters, &error));
  READS (fita_cell_parse_status (cell, &status, &number, &error));
  READS (fita_cell_parse_whole (cell, &number, &error));
  READS (fita_cell_parse_indicator_value (cell, "ca", &value, &pending, &error));
  g_clear_pointer (&value, g_free);
  READS (fita_cell_parse_indicator_value (cell, "en", &value, &pending, &error));
  READS (fita_money_parse (cell, "ca", &number, &error));
  READS (fita_percent_parse_hundredths (cell, &number, &error));
  fita_cell_is_mark (cell);
  g_assert (g_utf8_validate (folded, -1, NULL));
  for (guint i = 0; i < who->len; i++)
    g_assert (*((FitaCellWho *) g_ptr_array_index (who, i))->agent != '\0');
#undef READS
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv ((const char *) data, size, 0, &error);
  g_autoptr(FitaImportMapping) mapping = NULL;
  g_autoptr(FitaImportMapping) saved = NULL;
  g_autoptr(FitaImportMapping) loaded = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  guint cells = 0;

  /* a mapping, should the bytes be one */
  loaded = fita_import_mapping_load ((const char *) data, size, NULL);

  if (sheet == NULL)
    {
      g_assert (error != NULL && *error->message != '\0');
      return 0;
    }
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
      for (guint c = 0; row->cells[c] != NULL; c++)
        {
          g_autofree char *composed = g_utf8_normalize (row->cells[c], -1, G_NORMALIZE_NFC);
          g_assert (g_utf8_validate (row->cells[c], -1, NULL));
          g_assert (g_str_equal (composed, row->cells[c]));
          if (cells++ < 200)
            read_values (row->cells[c]);
        }
    }

  mapping = loaded != NULL ? g_steal_pointer (&loaded) : fita_import_mapping_new ();
  plan = fita_import_sheet (sheet, mapping, "fuzz", &report, &error);
  if (plan == NULL)
    g_assert (error != NULL && *error->message != '\0');
  else
    {
      g_assert (report->problems->len == 0);
      fita_fuzz_exercise (plan);
    }

  /* a mapping saved loads back as it was */
  json = fita_import_mapping_to_json (mapping);
  saved = fita_import_mapping_load (json, strlen (json), &error);
  g_assert (saved != NULL);
  again = fita_import_mapping_to_json (saved);
  g_assert (g_str_equal (json, again));
  g_free (fita_import_report_to_json (report));
  return 0;
}
