/* Budget table and charts, against seed 000 (Terrassa ESS, programme 11). */
#include "fita-budget.h"
#include "fita-chart.h"
#include "fita-money.h"
#include "fita-test-util.h"

#include <math.h>
#include <string.h>

/* the no-break space that keeps "€" and "%" with their number */
#define NBSP "\xc2\xa0"

static void
test_table (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaItem *programme = fita_plan_find_item (plan, "11");
  g_autoptr(FitaBudgetTable) table = fita_budget_table_new (plan, programme);
  FitaBudgetSum y2023, y2020, cofunding;

  g_assert_cmpint (table->first_year, ==, 2019);
  g_assert_cmpint (table->last_year, ==, 2026);
  g_assert_cmpuint (table->n_chapters, ==, 5);          /* four chapters and "none" */
  y2023 = fita_budget_table_year (table, 2023);
  g_assert_cmpint (y2023.executed, ==, 470233);
  g_assert_cmpint (y2023.planned, ==, FITA_NONE);
  y2020 = fita_budget_table_year (table, 2020);
  g_assert_cmpint (y2020.executed, ==, FITA_NONE);       /* "- €", not 0 */
  g_assert_cmpint (fita_budget_table_year (table, 2019).executed, ==, 0);
  cofunding = fita_budget_table_chapter (table, 1);
  g_assert_cmpint (cofunding.executed, ==, 470233);
  g_assert_cmpint (fita_budget_table_chapter (table, 2).executed, ==, 752136);
  g_assert_false (fita_budget_table_has_unassigned (table));
  g_assert_cmpint (table->total.executed, ==, 1222369);
  g_assert_cmpint (table->total.planned, ==, 12000000);
  g_assert_cmpint (table->planned_total_cents, ==, 12000000);
}

static void
test_nice_step (void)
{
  g_assert_cmpint (fita_chart_nice_step (752136, 5), ==, 200000);       /* 2.000 € */
  g_assert_cmpint (fita_chart_nice_step (12000000, 5), ==, 2500000);    /* 25.000 € */
  g_assert_cmpint (fita_chart_nice_step (100, 5), ==, 20);
  g_assert_cmpint (fita_chart_nice_step (0, 5), ==, 100);
  g_assert_cmpint (fita_chart_nice_step (99999999, 4), ==, 25000000);
}

static cairo_surface_t *
render (FitaChart *chart, int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("FITA_SCREENSHOT_DIR");

  fita_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (dir != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s/chart-%p.png", dir, (void *) chart);
      cairo_surface_write_to_png (surface, name);
    }
  return surface;
}

/* How many pixels of the picture are close to a colour. */
static guint
count_colour (cairo_surface_t *surface, const FitaRgba *c)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int r = (int) lround (c->red * 255), g = (int) lround (c->green * 255), b = (int) lround (c->blue * 255);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + x * 4);
        if (ABS ((int) ((p >> 16) & 0xff) - r) < 6 && ABS ((int) ((p >> 8) & 0xff) - g) < 6 &&
            ABS ((int) (p & 0xff) - b) < 6)
          n++;
      }
  return n;
}

static void
test_kinds (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaItem *programme = fita_plan_find_item (plan, "11");
  g_autoptr(FitaTranslator) en = fita_translator_new ("en");
  const FitaRgba executed = { 0.0, 0.447, 0.698, 1 };
  const FitaRgba orange = { 0.902, 0.624, 0.0, 1 };

  g_assert_cmpuint (g_strv_length ((char **) fita_chart_kind_keywords), ==, FITA_N_CHARTS);
  for (guint kind = 0; kind < FITA_N_CHARTS; kind++)
    {
      g_autoptr(FitaChart) chart = fita_chart_new (plan, kind, programme, FITA_NONE, en);
      cairo_surface_t *surface;
      g_assert_true (fita_chart_has_data (chart));
      g_assert_cmpstr (fita_chart_get_title (chart), !=, "");
      surface = render (chart, 800, 480);
      /* something was drawn in the series' colours */
      g_assert_cmpuint (count_colour (surface, &executed) + count_colour (surface, &orange), >, 100);
      cairo_surface_destroy (surface);
    }
}

static void
test_planned_executed_bars (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaTranslator) ca = fita_translator_new ("ca");
  g_autoptr(FitaChart) chart = fita_chart_new (plan, FITA_CHART_PLANNED_EXECUTED, fita_plan_find_item (plan, "11"), FITA_NONE, ca);
  cairo_surface_t *surface = render (chart, 800, 480);
  const FitaRgba executed = { 0.0, 0.447, 0.698, 1 };
  guint bars = count_colour (surface, &executed);
  g_autofree char *tip = NULL;

  /* two bars, the 2024 one taller: 7.521,36 / 4.702,33 ≈ 1,6 */
  g_assert_cmpuint (bars, >, 2000);
  /* hover over 2024: the exact figures, in Catalan */
  for (double x = 0; x < 800 && tip == NULL; x += 4)
    {
      g_autofree char *text = fita_chart_describe_at (chart, x, 240);
      if (text != NULL && g_str_has_prefix (text, "2024"))
        tip = g_steal_pointer (&text);
    }
  g_assert_nonnull (tip);
  g_assert_nonnull (strstr (tip, "7.521,36"));
  g_assert_null (fita_chart_describe_at (chart, -5, -5));
  cairo_surface_destroy (surface);
}

static void
test_rate_chart (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaTranslator) en = fita_translator_new ("en");
  g_autoptr(FitaChart) chart = fita_chart_new (plan, FITA_CHART_EXECUTION_RATE, NULL, FITA_NONE, en);
  cairo_surface_t *surface = render (chart, 800, 300);
  g_autofree char *tip = NULL;

  for (double y = 0; y < 300 && tip == NULL; y += 2)
    tip = fita_chart_describe_at (chart, 400, y);
  g_assert_nonnull (tip);
  g_assert_true (g_str_has_prefix (tip, "O3 Fomentar"));
  g_assert_nonnull (strstr (tip, "rate: 10.19%"));
  cairo_surface_destroy (surface);
}

static void
test_no_data (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaChart) chart = fita_chart_new (plan, FITA_CHART_CUMULATIVE, NULL, FITA_NONE, NULL);
  cairo_surface_t *surface;

  g_assert_false (fita_chart_has_data (chart));
  surface = render (chart, 400, 300);
  cairo_surface_destroy (surface);
}

static const char *
cell (GPtrArray *rows, guint row, guint column)
{
  g_assert_cmpuint (row, <, rows->len);
  g_assert_cmpuint (column, <, g_strv_length (g_ptr_array_index (rows, row)));
  return ((char **) g_ptr_array_index (rows, row))[column];
}

/* The figures a chart draws as a table, in the chart's language (Catalan
 * here): programme 11 executed 4.702,33 € in 2023 and 7.521,36 € in 2024
 * of 120.000,00 € planned for the whole period, not year by year. */
static void
test_figures_table (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaItem *programme = fita_plan_find_item (plan, "11");
  g_autoptr(FitaTranslator) ca = fita_translator_new ("ca");
  g_autoptr(FitaChart) bars = fita_chart_new (plan, FITA_CHART_PLANNED_EXECUTED, programme, FITA_NONE, ca);
  g_autoptr(FitaChart) chapters = fita_chart_new (plan, FITA_CHART_CHAPTERS, programme, FITA_NONE, ca);
  g_autoptr(FitaChart) one_year = fita_chart_new (plan, FITA_CHART_PLANNED_EXECUTED, programme, 2024, ca);
  g_autoptr(GPtrArray) rows = fita_chart_get_table (bars);
  g_autoptr(GPtrArray) shares = fita_chart_get_table (chapters);
  g_autoptr(GPtrArray) year_rows = fita_chart_get_table (one_year);
  g_autofree char *text = fita_chart_get_table_text (bars);
  g_autofree char *summary = fita_chart_get_summary (bars);
  g_auto(GStrv) lines = NULL;
  guint found = 0;

  /* headings, then a row a year 2019–2026, then the whole period */
  g_assert_cmpuint (rows->len, ==, 1 + 8 + 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, 4);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "Any");
  g_assert_cmpstr (cell (rows, 0, 1), ==, "Previst");
  g_assert_cmpstr (cell (rows, 0, 2), ==, "Executat");
  g_assert_cmpstr (cell (rows, 0, 3), ==, "Grau d'execució");
  /* 2024: nothing planned for the year itself, so no rate */
  g_assert_cmpstr (cell (rows, 6, 0), ==, "2024");
  g_assert_cmpstr (cell (rows, 6, 1), ==, "-" NBSP "€");
  g_assert_cmpstr (cell (rows, 6, 2), ==, "7.521,36" NBSP "€");
  g_assert_cmpstr (cell (rows, 5, 2), ==, "4.702,33" NBSP "€");
  /* 2019: zero executed, which is not "nothing" */
  g_assert_cmpstr (cell (rows, 1, 2), ==, "0,00" NBSP "€");
  /* the whole period's totals */
  g_assert_cmpstr (cell (rows, 9, 0), ==, "Total");
  g_assert_cmpstr (cell (rows, 9, 1), ==, "120.000,00" NBSP "€");
  g_assert_cmpstr (cell (rows, 9, 2), ==, "12.223,69" NBSP "€");
  g_assert_cmpstr (cell (rows, 9, 3), ==, "10,19" NBSP "%");

  /* one year: its row, no total */
  g_assert_cmpuint (year_rows->len, ==, 2);
  g_assert_cmpstr (cell (year_rows, 1, 0), ==, "2024");
  g_assert_cmpstr (cell (year_rows, 1, 2), ==, "7.521,36" NBSP "€");

  /* the chapters with something in them, each one's share of the executed */
  g_assert_cmpstr (cell (shares, 0, 0), ==, "Capítol");
  g_assert_cmpstr (cell (shares, 0, 3), ==, "Percentatge");
  for (guint r = 1; r < shares->len; r++)
    if (g_str_equal (cell (shares, r, 2), "7.521,36" NBSP "€"))
      {
        g_assert_cmpstr (cell (shares, r, 0), ==, "Capítol 2. Altres conceptes");
        g_assert_cmpstr (cell (shares, r, 3), ==, "61,53" NBSP "%");
        found++;
      }
    else if (g_str_equal (cell (shares, r, 2), "4.702,33" NBSP "€"))
      {
        g_assert_cmpstr (cell (shares, r, 0), ==, "Capítol 2. Cofinançament de personal");
        g_assert_cmpstr (cell (shares, r, 3), ==, "38,47" NBSP "%");
        found++;
      }
  g_assert_cmpuint (found, ==, 2);

  /* the same as text: tab-separated cells, a line a row */
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, rows->len + 1);   /* and the empty one after the last line end */
  g_assert_cmpstr (lines[0], ==, "Any\tPrevist\tExecutat\tGrau d'execució");
  g_assert_cmpstr (lines[9], ==, "Total\t120.000,00" NBSP "€\t12.223,69" NBSP "€\t10,19" NBSP "%");
  g_assert_cmpstr (lines[10], ==, "");

  /* the summary: the title, the whole, then each year with figures, and
   * nothing said of what is unknown */
  g_assert_true (g_str_has_prefix (summary, fita_chart_get_title (bars)));
  g_assert_nonnull (strstr (summary, "12.223,69" NBSP "€"));
  g_assert_nonnull (strstr (summary, "120.000,00" NBSP "€"));
  g_assert_nonnull (strstr (summary, "10,19" NBSP "%"));
  g_assert_nonnull (strstr (summary, "2024 — Executat: 7.521,36" NBSP "€"));
  g_assert_null (strstr (summary, "-" NBSP "€"));
}

/* A chart with nothing to draw: its table is only the headings. */
static void
test_figures_table_no_data (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTranslator) ca = fita_translator_new ("ca");

  for (guint kind = 0; kind < FITA_N_CHARTS; kind++)
    {
      g_autoptr(FitaChart) chart = fita_chart_new (plan, kind, NULL, FITA_NONE, ca);
      g_autoptr(GPtrArray) rows = fita_chart_get_table (chart);
      g_autofree char *text = fita_chart_get_table_text (chart);
      g_autofree char *summary = fita_chart_get_summary (chart);

      g_assert_false (fita_chart_has_data (chart));
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), >=, 2);
      /* one line, the headings */
      g_assert_nonnull (strchr (text, '\n'));
      g_assert_cmpstr (strchr (text, '\n') + 1, ==, "");
      g_assert_true (g_str_has_prefix (summary, fita_chart_get_title (chart)));
      g_assert_nonnull (strstr (summary, "Encara no hi ha imports de pressupost"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/table", test_table);
  g_test_add_func ("/chart/nice-step", test_nice_step);
  g_test_add_func ("/chart/kinds", test_kinds);
  g_test_add_func ("/chart/planned-executed", test_planned_executed_bars);
  g_test_add_func ("/chart/rate", test_rate_chart);
  g_test_add_func ("/chart/no-data", test_no_data);
  g_test_add_func ("/chart/figures-table", test_figures_table);
  g_test_add_func ("/chart/figures-table-no-data", test_figures_table_no_data);
  return g_test_run ();
}
