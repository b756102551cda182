/* Exports as tables: XLSX and ODS read back with Fita's readers give the
 * cells written (headers in the export's language, numbers as numbers,
 * no amount as an empty cell), every cent exact; CSV and Decidim's CSV;
 * outputs that refuse their input; and, where LibreOffice is installed,
 * files it opens and fixtures it makes. */
#include "fita-columns.h"
#include "fita-error.h"
#include "fita-export.h"
#include "fita-export-private.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-sheet-zip.h"
#include "fita-sheet-zip-private.h"
#include "fita-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char * const examples[] = {
  "barcelona-espai-ess", "barcelona-impulsem-2016-2021", "terrassa-ess-2019-2026",
  "terrassa-serveis-socials-2023-2027", "xmess-2017-2019",
};

static char *dir;

/* What a reader gives back for a cell written: the text, or the number
 * in the C locale with no trailing zeros ("4702.33", "120000"), a
 * percent as "88.3%". */
static char *
expected_text (FitaExportCell *cell, gboolean xlsx)
{
  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
      if (xlsx && strlen (cell->text) > 32767)
        return NULL;   /* checked on its own: cut */
      return g_strdup (cell->text);
    case FITA_CELL_DECIMAL:
      return g_strdup (cell->text);
    case FITA_CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case FITA_CELL_CENTS:
      {
        char *text = fita_export_cents_text (cell->number);
        char *end = text + strlen (text) - 1;
        while (*end == '0')
          *end-- = '\0';
        if (*end == '.')
          *end = '\0';
        return text;
      }
    case FITA_CELL_PERCENT:
      {
        g_autofree char *number = fita_hundredths_format (cell->number, -1, "en");
        return g_strconcat (number, "%", NULL);
      }
    case FITA_CELL_EMPTY:
    default:
      return g_strdup ("");
    }
}

/* The sheet read back holds exactly the table: the header, then every
 * row (the row number in the sheet kept), every cell. */
static void
assert_sheet_is_table (FitaSheet *sheet, FitaExportTable *table, gboolean xlsx)
{
  FitaSheetRow *header = g_ptr_array_index (sheet->rows, 0);

  g_assert_cmpstr (sheet->name, ==, table->name);
  g_assert_cmpuint (sheet->rows->len, ==, table->n_rows + 1);
  g_assert_cmpuint (header->line, ==, 1);
  g_assert_cmpuint (g_strv_length (header->cells), ==, table->n_columns);
  for (guint c = 0; c < table->n_columns; c++)
    g_assert_cmpstr (header->cells[c], ==, table->columns[c].header);
  for (guint r = 0; r < table->n_rows; r++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, r + 1);
      guint n = g_strv_length (row->cells);
      g_assert_cmpuint (row->line, ==, r + 2);
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *expected = expected_text (fita_export_cell (table, r, c), xlsx);
          if (expected != NULL)
            g_assert_cmpstr (c < n ? row->cells[c] : "", ==, expected);
        }
    }
}

static void
assert_read_back (FitaPlan *plan, const char *lang, const char *name)
{
  g_autoptr(FitaExport) export = fita_export_new (plan, lang);
  g_autofree char *xlsx = g_strdup_printf ("%s/%s.xlsx", dir, name);
  g_autofree char *ods = g_strdup_printf ("%s/%s.ods", dir, name);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (fita_export_xlsx (plan, lang, xlsx, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fita_export_ods (plan, lang, ods, NULL, &error));
  g_assert_no_error (error);
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    {
      FitaExportTable *table = &export->tables[t];
      g_autoptr(FitaSheet) from_xlsx = fita_sheet_read_xlsx (xlsx, table->name, &error);
      g_assert_no_error (error);
      assert_sheet_is_table (from_xlsx, table, TRUE);
      {
        g_autoptr(FitaSheet) from_ods = fita_sheet_read_ods (ods, table->name, &error);
        g_assert_no_error (error);
        assert_sheet_is_table (from_ods, table, FALSE);
      }
    }
  names = fita_sheet_list_sheets (ods, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, FITA_EXPORT_N_SHEETS);
}

/* Every example plan, in each language: what Fita's readers read from the
 * XLSX and the ODS is what was written. */
static void
test_read_back (void)
{
  static const char * const langs[] = { "ca", "es", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(FitaPlan) plan = fita_test_example (examples[i]);
        g_autofree char *name = g_strdup_printf ("%s-%s", examples[i], langs[l]);
        assert_read_back (plan, langs[l], name);
      }
}

/* The tables: the headers of the columns the importer knows are its own,
 * in the export's language, and recognised again; the seed's figures. */
static void
test_tables (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaExport) export = fita_export_new (plan, "ca");
  FitaExportTable *items = &export->tables[FITA_EXPORT_SHEET_ITEMS];
  FitaExportTable *budget = &export->tables[FITA_EXPORT_SHEET_BUDGET];
  static const struct { const char *header; FitaColumn column; } catalan[] = {
    { "Codi", FITA_COLUMN_CODE }, { "Codi pare", FITA_COLUMN_PARENT_CODE }, { "Nivell", FITA_COLUMN_LEVEL },
    { "Títol", FITA_COLUMN_TITLE }, { "Estat", FITA_COLUMN_STATUS }, { "Progrés", FITA_COLUMN_PROGRESS },
    { "Inici", FITA_COLUMN_START }, { "Final", FITA_COLUMN_END }, { "Qui", FITA_COLUMN_WHO },
    { "Altres serveis", FITA_COLUMN_OTHER_SERVICES }, { "Total previst", FITA_COLUMN_PLANNED_TOTAL },
  };
  gboolean found = FALSE;

  g_assert_cmpstr (items->name, ==, "Elements");
  g_assert_cmpstr (budget->name, ==, "Pressupost");
  g_assert_cmpstr (export->tables[FITA_EXPORT_SHEET_INDICATORS].name, ==, "Indicadors");
  g_assert_cmpstr (export->tables[FITA_EXPORT_SHEET_FOLLOWUP].name, ==, "Seguiment");
  for (guint c = 0; c < G_N_ELEMENTS (catalan); c++)
    {
      g_assert_cmpstr (items->columns[c].header, ==, catalan[c].header);
      g_assert_cmpint (fita_column_guess (items->columns[c].header), ==, catalan[c].column);
    }
  g_assert_cmpint (fita_column_guess (items->columns[14].header), ==, FITA_COLUMN_DESCRIPTION);
  g_assert_cmpint (fita_column_guess (items->columns[15].header), ==, FITA_COLUMN_SEMESTERS);
  g_assert_cmpint (fita_column_guess (items->columns[16].header), ==, FITA_COLUMN_WEIGHT);
  /* the roll-ups are not taken for the item's own amounts */
  for (guint c = 11; c < 14; c++)
    g_assert_cmpint (fita_column_guess (items->columns[c].header), ==, FITA_COLUMN_NONE);
  g_assert_cmpint (fita_column_guess (budget->columns[1].header), ==, FITA_COLUMN_YEAR);
  g_assert_cmpint (fita_column_guess (budget->columns[3].header), ==, FITA_COLUMN_PLANNED);
  g_assert_cmpint (fita_column_guess (budget->columns[4].header), ==, FITA_COLUMN_EXECUTED);

  /* programme 11: 12 %, 120.000,00 € planned, 12.223,69 € executed, 10,19 % */
  for (guint r = 0; r < items->n_rows; r++)
    if (g_strcmp0 (fita_export_cell (items, r, 0)->text, "11") == 0)
      {
        found = TRUE;
        g_assert_cmpint (fita_export_cell (items, r, 5)->number, ==, 1200);
        g_assert_cmpint (fita_export_cell (items, r, 10)->number, ==, 12000000);
        g_assert_cmpint (fita_export_cell (items, r, 11)->number, ==, 12000000);
        g_assert_cmpint (fita_export_cell (items, r, 12)->number, ==, 1222369);
        g_assert_cmpint (fita_export_cell (items, r, 13)->number, ==, 1019);
      }
  g_assert_true (found);
  /* 4.702,33 € in 2023; no amount planned is an empty cell, not 0 */
  g_assert_cmpuint (budget->n_rows, ==, 3);
  g_assert_cmpint (fita_export_cell (budget, 1, 1)->number, ==, 2023);
  g_assert_cmpint (fita_export_cell (budget, 1, 3)->kind, ==, FITA_CELL_EMPTY);
  g_assert_cmpint (fita_export_cell (budget, 1, 4)->number, ==, 470233);
  g_assert_cmpint (fita_export_cell (budget, 0, 4)->kind, ==, FITA_CELL_CENTS);
  g_assert_cmpint (fita_export_cell (budget, 0, 4)->number, ==, 0);
}

/* What the importer reads back: the plan's own row first; a leaf's own
 * progress (none, though its status has a percent), a parent's worked
 * out; responsibilities with their notes; an indicator pending evaluation
 * as a row that says so; the follow-up's headers known again; the Lists
 * sheet, the plan's levels, statuses (with percents) and chapters in its
 * order, those no item uses too. */
static void
test_for_import (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (
    "{\"plan\": {\"title\": \"Pla\", \"description\": \"Tot\", \"period_start\": 2023, \"period_end\": 2026},"
    " \"levels\": [{\"name\": \"Eix\"}, {\"name\": \"Acció\", \"depth\": 1}, {\"name\": \"Tasca\", \"depth\": 2}],"
    " \"statuses\": [{\"name\": \"Acabat\", \"percent\": 100}, {\"name\": \"En curs\"}, {\"name\": \"Aturat\"}],"
    " \"chapters\": [{\"name\": \"Capítol 2\"}, {\"name\": \"Capítol 1\"}],"
    " \"agents\": [{\"name\": \"Secretaria tècnica\", \"kind\": \"body\"}],"
    " \"items\": [{\"code\": \"1\", \"title\": \"Un\", \"level\": \"Eix\", \"children\": ["
    "   {\"code\": \"1.1\", \"title\": \"Fet\", \"level\": \"Acció\", \"status\": \"Acabat\"},"
    "   {\"code\": \"1.2\", \"title\": \"Mig\", \"level\": \"Acció\", \"status\": \"En curs\", \"progress\": 40,"
    "    \"responsibilities\": [{\"agent\": \"Secretaria tècnica\", \"role\": \"executes\", \"note\": \"o proveïdora\"}],"
    "    \"indicators\": [{\"name\": \"Tallers\", \"pending\": true, \"values\": [{\"year\": 2023, \"value\": \"4\"}]}]}]}]}");
  g_autoptr(FitaExport) export = fita_export_new (plan, "ca");
  FitaExportTable *items = &export->tables[FITA_EXPORT_SHEET_ITEMS];
  FitaExportTable *indicators = &export->tables[FITA_EXPORT_SHEET_INDICATORS];
  FitaExportTable *followup = &export->tables[FITA_EXPORT_SHEET_FOLLOWUP];
  FitaExportTable *lists = &export->tables[FITA_EXPORT_SHEET_LISTS];
  static const char * const listed[][3] = {
    { "Eix", "Acabat (100\xc2\xa0%)", "Capítol 2" }, { "Acció", "En curs", "Capítol 1" }, { "Tasca", "Aturat", NULL },
  };

  g_assert_cmpuint (items->n_rows, ==, 4);
  g_assert_cmpint (fita_export_cell (items, 0, 0)->kind, ==, FITA_CELL_EMPTY);
  g_assert_cmpstr (fita_export_cell (items, 0, 2)->text, ==, "Pla");
  g_assert_cmpstr (fita_export_cell (items, 0, 3)->text, ==, "Pla");
  g_assert_cmpint (fita_export_cell (items, 0, 6)->number, ==, 2023);
  g_assert_cmpint (fita_export_cell (items, 0, 7)->number, ==, 2026);
  g_assert_cmpstr (fita_export_cell (items, 0, 14)->text, ==, "Tot");
  /* 1: (100 + 40) / 2 worked out; 1.1: none of its own; 1.2: its 40 % */
  g_assert_cmpint (fita_export_cell (items, 1, 5)->number, ==, 7000);
  g_assert_cmpint (fita_export_cell (items, 2, 5)->kind, ==, FITA_CELL_EMPTY);
  g_assert_cmpint (fita_export_cell (items, 3, 5)->number, ==, 4000);
  g_assert_cmpstr (fita_export_cell (items, 3, 8)->text, ==, "Secretaria tècnica (executa: o proveïdora)");
  g_assert_cmpuint (indicators->n_rows, ==, 2);
  g_assert_cmpint (fita_export_cell (indicators, 0, 2)->number, ==, 2023);
  g_assert_cmpint (fita_export_cell (indicators, 1, 2)->kind, ==, FITA_CELL_EMPTY);
  g_assert_cmpstr (fita_export_cell (indicators, 1, 3)->text, ==, "Pendent d'avaluar");
  for (guint c = 2; c < followup->n_columns; c++)
    g_assert_cmpint (fita_column_guess (followup->columns[c].header), ==, FITA_COLUMN_EXECUTION + (int) c - 2);
  g_assert_cmpstr (lists->name, ==, "Llistes");
  g_assert_cmpuint (lists->n_columns, ==, 3);
  g_assert_cmpint (fita_column_guess (lists->columns[0].header), ==, FITA_COLUMN_LEVEL);
  g_assert_cmpint (fita_column_guess (lists->columns[1].header), ==, FITA_COLUMN_STATUS);
  g_assert_cmpint (fita_column_guess (lists->columns[2].header), ==, FITA_COLUMN_CHAPTER);
  g_assert_cmpuint (lists->n_rows, ==, G_N_ELEMENTS (listed));
  for (guint r = 0; r < lists->n_rows; r++)
    for (guint c = 0; c < 3; c++)
      g_assert_cmpstr (fita_export_cell (lists, r, c)->text, ==, listed[r][c]);
}

/* The XML: numbers are numbers with formats, no amount has no cell, the
 * header row is frozen and has an autofilter. */
static void
test_xml (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autofree char *xlsx = g_build_filename (dir, "xml.xlsx", NULL);
  g_autofree char *ods = g_build_filename (dir, "xml.ods", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *content = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *mimetype = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (fita_export_xlsx (plan, "ca", xlsx, NULL, &error));
  sheet = fita_test_zip_part (xlsx, "xl/worksheets/sheet1.xml");
  budget = fita_test_zip_part (xlsx, "xl/worksheets/sheet2.xml");
  styles = fita_test_zip_part (xlsx, "xl/styles.xml");
  g_assert_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
  /* the plan's row and its 8 items */
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:Q10\"/>"));
  g_assert_nonnull (strstr (budget, "<autoFilter ref=\"A1:E4\"/>"));
  /* 2023: the year and 4.702,33 € as numbers (no t="s"), no planned amount: no C… D3 cell */
  g_assert_nonnull (strstr (budget, "<c r=\"B3\" s=\""));
  g_assert_nonnull (strstr (budget, "><v>2023</v></c>"));
  g_assert_nonnull (strstr (budget, "><v>4702.33</v></c>"));
  g_assert_null (strstr (budget, "<c r=\"D3\""));
  g_assert_nonnull (strstr (styles, "formatCode=\"#,##0.00\\ &quot;€&quot;\""));
  g_assert_nonnull (strstr (styles, "formatCode=\"0.00%\""));

  g_assert_true (fita_export_ods (plan, "ca", ods, NULL, &error));
  /* the mimetype first and stored, where readers look for it */
  g_assert_true (g_file_get_contents (ods, &mimetype, &length, NULL));
  g_assert_cmpint (memcmp (mimetype + 30, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet", 54), ==, 0);
  content = fita_test_zip_part (ods, "content.xml");
  settings = fita_test_zip_part (ods, "settings.xml");
  g_assert_nonnull (strstr (content, "office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"4702.33\"><text:p>4.702,33\xc2\xa0€</text:p>"));
  g_assert_nonnull (strstr (content, "office:value-type=\"percentage\" office:value=\"0.1019\"><text:p>10,19\xc2\xa0%</text:p>"));
  g_assert_nonnull (strstr (content, "office:value-type=\"float\" office:value=\"2023\""));
  /* 2023: code, year, chapter, then no planned amount, then the executed one */
  g_assert_nonnull (strstr (content, "Capítol 2. Cofinançament de personal</text:p></table:table-cell>"
                                     "<table:table-cell/><table:table-cell table:style-name=\"ce-money\""));
  g_assert_nonnull (strstr (content, "table:target-range-address=\"'Elements'.A1:'Elements'.Q10\" table:display-filter-buttons=\"true\""));
  g_assert_nonnull (strstr (content, "<table:table-header-rows>"));
  g_assert_nonnull (strstr (settings, "<config:config-item-map-entry config:name=\"Pressupost\">"));
  g_assert_nonnull (strstr (settings, "<config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>"
                                      "<config:config-item config:name=\"HorizontalSplitPosition\" config:type=\"int\">0</config:config-item>"
                                      "<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">1</config:config-item>"));
}

/* A plan of amounts at the edges of what a double and Fita hold. */
static char *
amounts_plan (const gint64 *cents, guint n)
{
  GString *json = g_string_new ("{\"plan\": {\"title\": \"Imports\", \"period_start\": 2020, \"period_end\": 2030},"
                                " \"chapters\": [{\"name\": \"Capítol 1\"}], \"items\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"code\": \"%u\", \"title\": \"Import %u\", \"budget\": [{\"year\": 2020, "
                            "\"chapter\": \"Capítol 1\", \"planned_cents\": %" G_GINT64_FORMAT "}]}",
                            i ? ", " : "", i, i, cents[i]);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

/* Every amount in cents up to FITA_MAX_CENTS goes into an XLSX as a
 * double (cents / 100) and comes back exact: written by libxlsxwriter
 * with 16 significant digits, read with 15, parsed as money. Checked on
 * a million random amounts and the worst ones, then through a file. */
static void
test_money_exact (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240613);
  static const gint64 edges[] = {
    0, 1, 5, 10, 99, 100, 101, 470233, 752136, 1222369, 12000000, 99999999, 100000001,
    999999999999999, 999999999999998, 999999999999990, 999999999999901, 123456789012345,
    900719925474099, 562949953421311, 444444444444444, 555555555555555, 1000000000000000 - 7,
  };
  g_autoptr(GArray) cents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (dir, "amounts.xlsx", NULL);
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(FitaSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;

  g_array_append_vals (cents, edges, G_N_ELEMENTS (edges));
  for (guint i = 0; i < 1000000; i++)
    {
      /* amounts of every size, not only the largest */
      gint64 c = (gint64) (g_rand_double (rand) * pow (10, g_rand_int_range (rand, 1, 16)));
      char written[64];
      g_autofree char *read = NULL;
      gint64 back = -1;
      c = MIN (c, FITA_MAX_CENTS - 1);
      g_snprintf (written, sizeof written, "%.16G", (double) c / 100);
      read = fita_sheet_number_text (g_ascii_strtod (written, NULL));
      g_assert_true (fita_money_parse (read, "ca", &back, NULL));
      if (back != c)
        g_error ("%" G_GINT64_FORMAT " cents: written %s, read %s", c, written, read);
      if (i < 2000)
        g_array_append_val (cents, c);
    }

  json = amounts_plan ((gint64 *) (void *) cents->data, cents->len);
  plan = fita_test_plan_from_json (json);
  g_assert_true (fita_export_xlsx (plan, "en", path, NULL, &error));
  g_assert_no_error (error);
  sheet = fita_sheet_read_xlsx (path, "Budget", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, cents->len + 1);
  for (guint i = 0; i < cents->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, i + 1);
      gint64 back = -1;
      g_assert_true (fita_money_parse (row->cells[3], "ca", &back, NULL));
      g_assert_cmpint (back, ==, g_array_index (cents, gint64, i));
    }
}

/* In a Catalan session (decimal commas), the numbers in the file are
 * still the C locale's. */
static void
test_numbers_whatever_the_locale (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autofree char *path = g_build_filename (dir, "locale.xlsx", NULL);
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *budget = NULL;
  g_autoptr(GError) error = NULL;
  char probe[16];

  if (setlocale (LC_NUMERIC, "ca_ES.UTF-8") == NULL)
    {
      g_test_skip ("no Catalan locale");
      return;
    }
  g_snprintf (probe, sizeof probe, "%.2f", 4702.33);
  g_assert_cmpstr (probe, ==, "4702,33");
  g_assert_true (fita_export_xlsx (plan, "ca", path, NULL, &error));
  setlocale (LC_NUMERIC, old);
  budget = fita_test_zip_part (path, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (strstr (budget, "<v>4702.33</v>"));
}

/* A text longer than an Excel cell holds is cut there in XLSX, and kept
 * whole in ODS. */
static void
test_long_text (void)
{
  g_autofree char *text = g_strnfill (FITA_MAX_TEXT, 'x');
  g_autofree char *json = g_strdup_printf ("{\"plan\": {\"title\": \"Llarg\"}, \"items\": [{\"code\": \"1\", "
                                           "\"title\": \"Llarg\", \"description\": \"%s\"}]}", text);
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (json);
  g_autofree char *xlsx = g_build_filename (dir, "long.xlsx", NULL);
  g_autofree char *ods = g_build_filename (dir, "long.ods", NULL);
  g_autoptr(FitaSheet) from_xlsx = NULL;
  g_autoptr(FitaSheet) from_ods = NULL;
  g_autoptr(GError) error = NULL;
  const char *cut;

  g_assert_true (fita_export_xlsx (plan, "en", xlsx, NULL, &error));
  g_assert_true (fita_export_ods (plan, "en", ods, NULL, &error));
  from_xlsx = fita_sheet_read_xlsx (xlsx, NULL, &error);
  g_assert_no_error (error);
  /* the plan's row, then the item's */
  cut = ((FitaSheetRow *) g_ptr_array_index (from_xlsx->rows, 2))->cells[14];
  g_assert_cmpuint (strlen (cut), <=, 32767);
  g_assert_true (g_str_has_suffix (cut, "x…"));
  from_ods = fita_sheet_read_ods (ods, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((FitaSheetRow *) g_ptr_array_index (from_ods->rows, 2))->cells[14], ==, text);
}

/* CSV: RFC 4180, the same headers and cells; amounts and percents as the
 * importer reads them; no byte order mark. */
static void
test_csv (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (
    "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2023, \"period_end\": 2024, \"language\": \"ca\","
    "          \"progress_decimals\": 1},"
    " \"statuses\": [{\"name\": \"En curs\"}], \"chapters\": [{\"name\": \"Capítol 1\"}],"
    " \"agents\": [{\"name\": \"Secretaria tècnica\", \"kind\": \"body\"}],"
    " \"items\": [{\"code\": \"1\", \"title\": \"Línia, \\\"primera\\\"\\ni segona\", \"status\": \"En curs\","
    "   \"progress\": 88.3, \"start_year\": 2023, \"end_date\": \"2024-06\","
    "   \"responsibilities\": [{\"agent\": \"Secretaria tècnica\", \"role\": \"executes\"}],"
    "   \"budget\": [{\"year\": 2023, \"chapter\": \"Capítol 1\", \"planned_cents\": 470233},"
    "              {\"year\": 2024, \"executed_cents\": 5}],"
    "   \"indicators\": [{\"name\": \"Tallers\", \"values\": [{\"year\": 2023, \"value\": \"12.50\"}, {\"year\": 2024, \"value\": \"4\"}]}],"
    "   \"followups\": [{\"year\": 2024, \"execution\": \"Fet\"}]}]}");
  g_autofree char *items = fita_export_csv (plan, FITA_EXPORT_SHEET_ITEMS, NULL);
  g_autofree char *budget = fita_export_csv (plan, FITA_EXPORT_SHEET_BUDGET, "es");
  g_autofree char *indicators = fita_export_csv (plan, FITA_EXPORT_SHEET_INDICATORS, "en");
  g_autofree char *followup = fita_export_csv (plan, FITA_EXPORT_SHEET_FOLLOWUP, "ca");

  /* the plan's language by default */
  g_assert_true (g_str_has_prefix (items, "Codi,Codi pare,Nivell,Títol,Estat,Progrés,Inici,Final,Qui,Altres serveis,"
                                          "Total previst,"));
  g_assert_nonnull (strstr (items, "\r\n1,,,\"Línia, \"\"primera\"\"\ni segona\",En curs,88.3,2023,2024-06,"
                                   "Secretaria tècnica (executa),,,4702.33,0.05,0,,,\r\n"));
  g_assert_cmpstr (budget, ==, "Código,Año,Capítulo,Previsto,Ejecutado\r\n1,2023,Capítol 1,4702.33,\r\n1,2024,,,0.05\r\n");
  g_assert_cmpstr (indicators, ==, "Code,Indicator,Indicator year,Indicator value\r\n1,Tallers,2023,12.50\r\n1,Tallers,2024,4\r\n");
  g_assert_true (g_str_has_prefix (followup, "Codi,Any,Observacions sobre l'execució,Punts forts,Punts febles,"));
  g_assert_true (g_str_has_suffix (followup, "\r\n1,2024,Fet,,,,,\r\n"));
  g_assert_true (g_str_has_prefix (items, "Codi"));
}

/* Decidim's results CSV: exactly the columns Decidim's export writes and
 * its importer reads (see decidim_columns in fita-export.c for the files
 * and versions read), the hierarchy by parent ids, dates from years,
 * dates and semesters, progress, HTML descriptions. */
static void
test_decidim (void)
{
  /* decidim/decidim, decidim-accountability/spec/fixtures/valid_result.csv
   * (commit dffbf71a05420cfbd8c46761d77dcb9055a4eda8): its header row */
  static const char decidim_header[] =
    "id;category/id;category/name/en;category/name/ca;category/name/es;scope/id;scope/name/en;scope/name/ca;"
    "scope/name/es;parent/id;title/ca;title/en;title/es;description/ca;description/en;description/es;start_date;"
    "end_date;status/id;status/key;status/name/ca;status/name/en;status/name/es;progress;created_at;url;"
    "component/id;proposal_urls";
  /* what ResultsCsvImporter reads (results_csv_importer.rb, commit
   * c728edee4cfed81a853655bc2ac777d55fc080cd): row["id"],
   * params["result"]["parent/id"], "title/#{locale}",
   * "description/#{locale}", start_date, end_date, row["status/id"],
   * row["category/id"], progress (into ResultForm), row["proposal_urls"] */
  static const char * const imported[] = {
    "id", "parent/id", "title/ca", "title/es", "title/en", "description/ca", "description/es", "description/en",
    "start_date", "end_date", "status/id", "category/id", "progress", "proposal_urls",
  };
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (
    "{\"plan\": {\"title\": \"Pla\"}, \"statuses\": [{\"name\": \"En curs\"}],"
    " \"items\": [{\"code\": \"1\", \"title\": \"Eix\", \"description\": \"Primera línia & <b>\\n\\nsegona\","
    "   \"children\": [{\"code\": \"1.1\", \"title\": \"Acció; amb \\\"cometes\\\"\", \"status\": \"En curs\","
    "                   \"progress\": 30, \"start_date\": \"2016-05\", \"end_date\": \"2017\"},"
    "                  {\"code\": \"1.2\", \"title\": \"Semestres\", \"semesters\": [\"2018-2\", \"2019-1\"]},"
    "                  {\"title\": \"Anys\", \"start_year\": 2020, \"end_year\": 2021, \"progress\": 95.83}]}]}");
  g_autofree char *csv = fita_export_decidim (plan);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) header = g_strsplit (lines[0], ";", -1);
  const char * const *columns = fita_export_decidim_columns ();
  gint64 eix, accio;

  g_assert_cmpstr (lines[0], ==, decidim_header);
  g_assert_cmpuint (g_strv_length (header), ==, g_strv_length ((char **) columns));
  for (guint i = 0; columns[i] != NULL; i++)
    g_assert_cmpstr (header[i], ==, columns[i]);
  for (guint i = 0; i < G_N_ELEMENTS (imported); i++)
    g_assert_true (g_strv_contains ((const char * const *) header, imported[i]));

  eix = ((FitaItem *) fita_plan_find_item (plan, "1"))->rec.id;
  accio = ((FitaItem *) fita_plan_find_item (plan, "1.1"))->rec.id;
  {
    /* the entities' semicolons are quoted; the parent's progress derived */
    g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT ";;;;;;;;;;1 Eix;1 Eix;1 Eix;"
                                            "\"<p>Primera línia &amp; &lt;b&gt;</p><p>segona</p>\";"
                                            "\"<p>Primera línia &amp; &lt;b&gt;</p><p>segona</p>\";"
                                            "\"<p>Primera línia &amp; &lt;b&gt;</p><p>segona</p>\";;;;;;;;62.92;;;;", eix);
    g_assert_cmpstr (lines[1], ==, row);
  }
  {
    g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT ";;;;;;;;;%" G_GINT64_FORMAT ";"
                                            "\"1.1 Acció; amb \"\"cometes\"\"\";\"1.1 Acció; amb \"\"cometes\"\"\";"
                                            "\"1.1 Acció; amb \"\"cometes\"\"\";"
                                            "\"<p>1.1 Acció; amb &quot;cometes&quot;</p>\";\"<p>1.1 Acció; amb &quot;cometes&quot;</p>\";"
                                            "\"<p>1.1 Acció; amb &quot;cometes&quot;</p>\";2016-05-01;2017-12-31;;;En curs;En curs;En curs;"
                                            "30;;;;", accio, eix);
    g_assert_cmpstr (lines[2], ==, row);
  }
  g_assert_nonnull (strstr (lines[3], ";2018-07-01;2019-06-30;"));
  g_assert_nonnull (strstr (lines[4], ";Anys;Anys;Anys;<p>Anys</p>;<p>Anys</p>;<p>Anys</p>;2020-01-01;2021-12-31;;;;;;95.83;"));
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_null (lines[6]);
}

/* An export may not replace the plan it is made from. */
static void
test_refuses_input (void)
{
  g_autofree char *path = fita_test_example_file (dir, "xmess-2017-2019");
  g_autofree char *before = fita_test_checksum (path);
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_false (fita_export_xlsx (plan, NULL, path, path, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fita_export_ods (plan, NULL, path, path, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fita_export_xlsx (plan, NULL, dir, path, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  after = fita_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
run (const char *command, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  const char *arg;
  int status = -1;

  g_ptr_array_add (argv, (char *) command);
  va_start (args, command);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* LibreOffice's own profile, beside the test's files: a profile in use
 * elsewhere would make it hand the work to that instance. */
static char *
libreoffice_profile (void)
{
  g_autofree char *profile = g_build_filename (dir, "lo-profile", NULL);

  return g_filename_to_uri (profile, NULL, NULL);
}

/* The files Fita writes open in LibreOffice: it converts the Terrassa
 * plan's XLSX and ODS to CSV (every sheet, values not as shown), which
 * hold the seed's figures. */
static void
test_libreoffice_opens (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autofree char *profile = libreoffice_profile ();
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile);
  const char *formats[] = { "xlsx", "ods" };

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *out = g_strdup_printf ("%s/lo-%s", dir, formats[f]);
      g_autofree char *path = g_strdup_printf ("%s/terrassa.%s", out, formats[f]);
      g_autofree char *items_csv = g_strdup_printf ("%s/csv/terrassa-Elements.csv", out);
      g_autofree char *budget_csv = g_strdup_printf ("%s/csv/terrassa-Pressupost.csv", out);
      g_autofree char *csv_dir = g_strdup_printf ("%s/csv", out);
      g_autofree char *items = NULL;
      g_autofree char *budget = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
      ok = f == 0 ? fita_export_xlsx (plan, "ca", path, NULL, &error) : fita_export_ods (plan, "ca", path, NULL, &error);
      g_assert_true (ok);
      /* 44,34,76: commas, quotes, UTF-8; "false" at 8: values, not as
       * shown; -1: every sheet to a file of its own */
      g_assert_true (run ("soffice", env, "--headless", "--convert-to",
                          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                          "--outdir", csv_dir, path, NULL));
      g_assert_true (g_file_get_contents (items_csv, &items, NULL, NULL));
      g_assert_true (g_file_get_contents (budget_csv, &budget, NULL, NULL));
      g_assert_true (g_str_has_prefix (items, "Codi,Codi pare,Nivell,Títol,Estat,Progrés,"));
      g_assert_nonnull (strstr (items, "\n11,O3.A1,Programa,ESS als barris,,12%,,,,,120000,120000,12223.69,10.19%,"));
      g_assert_nonnull (strstr (items, "\n11.1,11,Actuació,Radiografia d'agents i antenes dels barris,En curs,30%,,2024,"));
      g_assert_cmpstr (budget, ==, "Codi,Any,Capítol,Previst,Executat\n"
                                   "11,2019,Capítol 2. Cofinançament de personal,,0\n"
                                   "11,2023,Capítol 2. Cofinançament de personal,,4702.33\n"
                                   "11,2024,Capítol 2. Altres conceptes,,7521.36\n");
    }
}

/* Fita's readers read tables as Calc writes them: a CSV made into XLSX
 * (shared strings, numbers with styles) and ODS by LibreOffice. */
static void
test_libreoffice_fixtures (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = libreoffice_profile ();
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=%s", profile);
  g_autofree char *out = g_build_filename (dir, "calc", NULL);
  g_autofree char *csv = g_build_filename (out, "taula.csv", NULL);
  const char *formats[] = { "xlsx", "ods" };

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (csv, "Codi,Títol,Previst,Progrés,Any\n"
                                           "11,ESS als barris,4702.33,30%,2019\n"
                                           "11.1,\"Línia \"\"dos\"\"\namb salt\",120000,12.5%,\n"
                                           ",,,,\n"
                                           "12,Fi,0.05,,2024\n", -1, NULL));
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = g_strdup_printf ("%s/taula.%s", out, formats[f]);
      g_autoptr(FitaSheet) sheet = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *part = NULL;
      FitaSheetRow *row;

      /* the CSV as UTF-8, with its commas */
      g_assert_true (run ("soffice", env, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", formats[f],
                          "--outdir", out, csv, NULL));
      sheet = f == 0 ? fita_sheet_read_xlsx (path, NULL, &error) : fita_sheet_read_ods (path, NULL, &error);
      g_assert_no_error (error);
      if (f == 0)
        {
          /* Calc's XLSX keeps its texts in the shared strings */
          part = fita_test_zip_part (path, "xl/sharedStrings.xml");
          g_assert_nonnull (strstr (part, ">ESS als barris</t>"));
        }
      g_assert_cmpstr (sheet->name, ==, "taula");
      g_assert_cmpuint (sheet->rows->len, ==, 4);
      row = g_ptr_array_index (sheet->rows, 0);
      g_assert_cmpstr (row->cells[1], ==, "Títol");
      row = g_ptr_array_index (sheet->rows, 1);
      g_assert_cmpuint (row->line, ==, 2);
      g_assert_cmpstr (row->cells[2], ==, "4702.33");
      g_assert_cmpstr (row->cells[3], ==, "30%");
      g_assert_cmpstr (row->cells[4], ==, "2019");
      row = g_ptr_array_index (sheet->rows, 2);
      g_assert_cmpstr (row->cells[1], ==, "Línia \"dos\"\namb salt");
      g_assert_cmpstr (row->cells[2], ==, "120000");
      g_assert_cmpstr (row->cells[3], ==, "12.5%");
      g_assert_null (row->cells[4]);
      /* the empty row 4 is left out; row 5 keeps its number */
      row = g_ptr_array_index (sheet->rows, 3);
      g_assert_cmpuint (row->line, ==, 5);
      g_assert_cmpstr (row->cells[2], ==, "0.05");
      g_assert_cmpstr (row->cells[3], ==, "");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dir = fita_test_tmpdir ();
  g_test_add_func ("/export/tables", test_tables);
  g_test_add_func ("/export/read-back", test_read_back);
  g_test_add_func ("/export/for-import", test_for_import);
  g_test_add_func ("/export/xml", test_xml);
  g_test_add_func ("/export/money-exact", test_money_exact);
  g_test_add_func ("/export/numbers-whatever-the-locale", test_numbers_whatever_the_locale);
  g_test_add_func ("/export/long-text", test_long_text);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/decidim", test_decidim);
  g_test_add_func ("/export/refuses-input", test_refuses_input);
  g_test_add_func ("/export/libreoffice-opens", test_libreoffice_opens);
  g_test_add_func ("/export/libreoffice-fixtures", test_libreoffice_fixtures);
  return g_test_run ();
}
