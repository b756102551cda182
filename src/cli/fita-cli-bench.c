/* fita-cli-bench.c: "fita-cli bench", speed and memory on a synthetic
 * plan, for the figures in the README and to catch what grows slow. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "fita-chart.h"
#include "fita-cli-private.h"
#include "fita-export.h"
#include "fita-json.h"
#include "fita-report.h"
#include "fita-rollup.h"
#include "fita-sheet.h"
#include "fita-synthetic.h"
#include "fita-timeline.h"
#include "fita-timeline-export.h"

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

/* The peak resident memory since the last reset_peak_rss (Linux: VmHWM,
 * reset through clear_refs), or since the start (getrusage) where that
 * is not available; in kB. */
static void
reset_peak_rss (void)
{
  /* written in place: g_file_set_contents would write a new file beside it */
  FILE *clear = g_fopen ("/proc/self/clear_refs", "w");

  if (clear != NULL)
    {
      fputs ("5", clear);
      fclose (clear);
    }
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *hwm;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (hwm = strstr (status, "VmHWM:")) != NULL)
    return strtol (hwm + strlen ("VmHWM:"), NULL, 10);
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* --write FILE: the synthetic plan, as a new plan file. */
static int
bench_write_plan (const char *path, int n_items)
{
  g_autoptr(FitaPlan) plan = fita_synthetic_plan (n_items);
  g_autoptr(GError) error = NULL;

  if (!fita_plan_save_new (plan, path, &error))
    return fail_file (path, error);
  return 0;
}

/* fita_timeline_export() of the whole plan, as `fita-cli timeline FILE
 * --out x.pdf` makes it; -1 with error on failure. */
static double
bench_timeline_export (FitaPlan *plan, const char *dir, GError **error)
{
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (plan, NULL);
  g_autofree char *pdf = g_build_filename (dir, "timeline.pdf", NULL);
  FitaTimelineExportOptions options = { FITA_PAPER_A4 };
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (!fita_timeline_export (timeline, pdf, NULL, &options, NULL, NULL, error))
    return -1;
  ms = elapsed_ms (start);
  g_unlink (pdf);
  return ms;
}

int
cmd_bench (int argc, char **argv)
{
  int n_items = 20000, n_clients = 20, n_edits = 500;
  gboolean json = FALSE, watch = FALSE;
  g_autofree char *server = NULL;
  g_autofree char *write_path = NULL;
  GOptionEntry entries[] = {
    { "items", 'n', 0, G_OPTION_ARG_INT, &n_items, N_("Number of items of the synthetic plan"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "write", 0, 0, G_OPTION_ARG_FILENAME, &write_path,
      N_("Only write the synthetic plan of --items N to FILE (for tests), and measure nothing"), N_("FILE") },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("Measure a shared plan in this PostgreSQL database instead of a file (a new plan, deleted at the end)"), N_("URI") },
    { "clients", 'c', 0, G_OPTION_ARG_INT, &n_clients, N_("With --server: clients changing the plan at once"), N_("C") },
    { "edits", 'e', 0, G_OPTION_ARG_INT, &n_edits, N_("With --server: edits each client makes"), N_("E") },
    { "watch", 0, 0, G_OPTION_ARG_NONE, &watch,
      N_("With --server: the clients follow each other's changes between their edits, as the app does"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— measure speed and memory on a synthetic plan"));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) items = NULL;
  FitaPlan *plan;
  double create_ms, open_ms, rollup_ms, export_ms, xlsx_ms, edit_us, timeline_us, chart_us, sheet_ms, annual_ms, import_ms;
  double import_xlsx_ms, timeline_export_ms, edit_p95_us, workplan_ms;
  long report_rss_kb;
  struct rusage usage;
  long model_rss_kb;
  FitaBudgetSum sum;
  gint64 start;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 1 || n_items < 1)
    return fail_usage (context, _("bench takes --items N with N ≥ 1"));
  if (write_path != NULL)
    return bench_write_plan (write_path, n_items);
  if (server != NULL)
    {
      if (!fita_location_is_shared (server) || strstr (server, "plan=") != NULL)
        return fail_usage (context, _("--server takes a database's URI, such as postgresql://server/database, without plan="));
      if (n_clients < 1 || n_edits < 1)
        return fail_usage (context, _("bench --server takes --clients C and --edits E with C ≥ 1 and E ≥ 1"));
      return bench_server (server, n_items, n_clients, n_edits, watch, json);
    }

  dir = g_dir_make_tmp ("fita-bench-XXXXXX", &error);
  if (dir == NULL)
    return fail_file ("bench", error);
  path = g_build_filename (dir, "bench.fita", NULL);

  start = g_get_monotonic_time ();
  plan = fita_synthetic_plan (n_items);
  if (!fita_plan_save_new (plan, path, &error))
    return fail_file (path, error);
  create_ms = elapsed_ms (start);
  g_object_unref (plan);

  start = g_get_monotonic_time ();
  plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  if (plan == NULL)
    return fail_file (path, error);
  open_ms = elapsed_ms (start);

  start = g_get_monotonic_time ();
  fita_plan_rollup (plan);
  fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum);
  rollup_ms = elapsed_ms (start);

  items = fita_plan_items_preorder (plan, NULL);
  for (guint i = 0; i < 1000; i++)
    {
      FitaItem *item = g_ptr_array_index (items, (i * 7919u) % items->len);
      g_autofree char *title = g_strdup_printf ("Actuació revisada %u", i);
      double us;
      start = g_get_monotonic_time ();
      if (!fita_plan_set_text (plan, item, "title", title, &error))
        return fail_file (path, error);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (edits, us);
    }
  g_array_sort (edits, compare_doubles);
  edit_us = (g_array_index (edits, double, 499) + g_array_index (edits, double, 500)) / 2;
  /* the 950th of 1000: one durable transaction each, so the disk's flushes show here */
  edit_p95_us = g_array_index (edits, double, 949);

  start = g_get_monotonic_time ();
  exported = fita_json_export (plan);
  export_ms = elapsed_ms (start);
  /* measured only: not held through what is measured below */
  g_clear_pointer (&exported, g_free);
  /* kept, to import it below */
  xlsx = g_build_filename (dir, "bench.xlsx", NULL);
  start = g_get_monotonic_time ();
  if (!fita_export_xlsx (plan, "ca", xlsx, path, &error))
    return fail_file (xlsx, error);
  xlsx_ms = elapsed_ms (start);
  /* the model's own peak: before the pictures and reports below */
  getrusage (RUSAGE_SELF, &usage);
  model_rss_kb = usage.ru_maxrss;

  /* one frame of a 1280×800 timeline viewport, at many scroll positions */
  {
    g_autoptr(FitaTimeline) timeline = fita_timeline_new (plan, NULL);
    g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
    double width, height;

    fita_timeline_set_zoom (timeline, FITA_ZOOM_SEMESTER);
    fita_timeline_get_size (timeline, &width, &height);
    for (guint i = 0; i < 101; i++)
      {
        cairo_t *cr = cairo_create (surface);
        double y = fmod (i * 7919.0 * fita_timeline_get_row_height (timeline), MAX (1, height - 800));
        double us;
        start = g_get_monotonic_time ();
        fita_timeline_draw (timeline, cr, 0, y, 1280, 800,
                            FITA_TIMELINE_STICKY_HEADER | FITA_TIMELINE_STICKY_LABELS);
        cairo_surface_flush (surface);
        us = (double) (g_get_monotonic_time () - start);
        cairo_destroy (cr);
        g_array_append_val (frames, us);
      }
    cairo_surface_destroy (surface);
    g_array_sort (frames, compare_doubles);
    timeline_us = g_array_index (frames, double, 50);
  }

  /* the whole plan's timeline as a paged PDF (A4, landscape), to a file */
  if ((timeline_export_ms = bench_timeline_export (plan, dir, &error)) < 0)
    return fail_file ("bench", error);

  /* each chart kind of the whole plan, median of 21 draws; the slowest kind */
  chart_us = 0;
  for (guint kind = 0; kind < FITA_N_CHARTS; kind++)
    {
      g_autoptr(GArray) draws = g_array_new (FALSE, FALSE, sizeof (double));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 480);
      for (guint i = 0; i < 21; i++)
        {
          cairo_t *cr = cairo_create (surface);
          double us;
          start = g_get_monotonic_time ();
          {
            g_autoptr(FitaChart) chart = fita_chart_new (plan, kind, NULL, FITA_NONE, NULL);
            fita_chart_draw (chart, cr, 800, 480);
            cairo_surface_flush (surface);
          }
          us = (double) (g_get_monotonic_time () - start);
          cairo_destroy (cr);
          g_array_append_val (draws, us);
        }
      cairo_surface_destroy (surface);
      g_array_sort (draws, compare_doubles);
      chart_us = MAX (chart_us, g_array_index (draws, double, 10));
    }

  /* reports, as the app makes them for its preview: from the file, as bytes
   * (mapped from the temporary file they are made in) */
  {
    FitaItem *programme = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_ITEM, 0), 0);
    FitaReportOptions sheet = { FITA_REPORT_SHEET, programme->rec.id, FITA_NONE, "ca" };
    FitaReportOptions annual = { FITA_REPORT_ANNUAL, 0, FITA_NONE, "ca" };
    FitaReportOptions workplan = { FITA_REPORT_WORKPLAN, 0, FITA_NONE, "ca" };
    g_autoptr(GBytes) a = NULL;
    g_autoptr(GBytes) b = NULL;
    g_autoptr(GBytes) c = NULL;

    programme = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_ITEM, programme->rec.id), 0);
    sheet.item_id = programme->rec.id;
    /* the peak while making the reports, the model open: not the bench's own
     * earlier peaks (the plan made in memory and saved, the exports) */
    reset_peak_rss ();
    start = g_get_monotonic_time ();
    a = fita_report_render (plan, &sheet, NULL, NULL, NULL, &error);
    sheet_ms = elapsed_ms (start);
    start = g_get_monotonic_time ();
    b = fita_report_render (plan, &annual, NULL, NULL, NULL, &error);
    annual_ms = elapsed_ms (start);
    if (b == NULL)
      return fail_file (path, error);
    g_clear_pointer (&b, g_bytes_unref);
    start = g_get_monotonic_time ();
    c = fita_report_render (plan, &workplan, NULL, NULL, NULL, &error);
    workplan_ms = elapsed_ms (start);
    if (a == NULL || c == NULL)
      return fail_file (path, error);
    /* the model open, and the reports made one at a time */
    report_rss_kb = peak_rss_kb ();
  }

  g_object_unref (plan);
  g_unlink (path);

  /* the workbook exported above, back into a plan: every sheet */
  import_xlsx_ms = bench_import_file (xlsx, &error);
  g_unlink (xlsx);
  g_rmdir (dir);
  if (import_xlsx_ms < 0)
    return fail_file (xlsx, error);

  /* a table of as many rows as the plan has items (up to what a table may
   * have), as officers keep one */
  if ((import_ms = bench_import (MIN (n_items, FITA_SHEET_MAX_ROWS), &error)) < 0)
    return fail_file ("bench", error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_int (builder, "items", n_items);
      json_add_measure (builder, "create_ms", create_ms, 1);
      json_add_measure (builder, "open_ms", open_ms, 1);
      json_add_measure (builder, "rollup_ms", rollup_ms, 2);
      json_add_measure (builder, "edit_median_us", edit_us, 0);
      json_add_measure (builder, "edit_p95_us", edit_p95_us, 0);
      json_add_measure (builder, "export_json_ms", export_ms, 1);
      json_add_measure (builder, "export_xlsx_ms", xlsx_ms, 1);
      json_add_measure (builder, "timeline_frame_us", timeline_us, 0);
      json_add_measure (builder, "timeline_export_ms", timeline_export_ms, 0);
      json_add_measure (builder, "chart_us", chart_us, 0);
      json_add_measure (builder, "report_sheet_ms", sheet_ms, 1);
      json_add_measure (builder, "report_annual_ms", annual_ms, 0);
      json_add_measure (builder, "report_workplan_ms", workplan_ms, 0);
      json_add_measure (builder, "import_csv_ms", import_ms, 1);
      json_add_measure (builder, "import_xlsx_ms", import_xlsx_ms, 1);
      json_add_int (builder, "peak_rss_kb", model_rss_kb);
      json_add_int (builder, "report_peak_rss_kb", report_rss_kb);
      json_builder_end_object (builder);
      json_print (builder);
    }
  else
    {
      g_print (_("items %d\ncreate %.1f ms\nopen %.1f ms\nroll-up %.2f ms\nedit (median) %.0f µs\nexport JSON %.1f ms\ntimeline frame (median) %.0f µs\nchart (slowest kind, median) %.0f µs\nprogramme sheet %.1f ms\nannual report %.0f ms\npeak memory %ld kB (with the reports: %ld kB)\n"),
               n_items, create_ms, open_ms, rollup_ms, edit_us, export_ms, timeline_us, chart_us, sheet_ms, annual_ms,
               model_rss_kb, report_rss_kb);
      g_print (_("edit (95th percentile) %.0f µs\nwork plan report %.0f ms\n"), edit_p95_us, workplan_ms);
      g_print (_("export XLSX %.1f ms\n"), xlsx_ms);
      g_print (_("timeline as paged PDF %.0f ms\n"), timeline_export_ms);
      g_print (_("import CSV %.1f ms\n"), import_ms);
      g_print (_("import XLSX %.1f ms\n"), import_xlsx_ms);
    }
  return 0;
}
