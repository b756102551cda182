#include "config.h"
#include "fuzz.h"

#include "fita-budget.h"
#include "fita-chart.h"
#include "fita-check.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-report.h"
#include "fita-rollup.h"
#include "fita-timeline.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static char *tmpdir;

static void
remove_tmpdir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
}

const char *
fita_fuzz_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("fita-fuzz-XXXXXX", NULL);
      g_assert (tmpdir != NULL);
      atexit (remove_tmpdir);
    }
  return tmpdir;
}

/* g_error() traps, which libFuzzer does not catch: make it an abort, so
 * that the input is kept */
static void
abort_on_trap (int signal_number)
{
  abort ();
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  signal (SIGTRAP, abort_on_trap);
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "", TRUE);
  /* criticals are bugs too: a damaged file must be refused, not trip one */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
draw_nothing_visible (void (*draw) (gpointer, cairo_t *), gpointer data)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  draw (data, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
draw_timeline (gpointer data, cairo_t *cr)
{
  double width, height;

  fita_timeline_get_size (data, &width, &height);
  fita_timeline_draw (data, cr, 0, 0, MIN (width, 4000), MIN (height, 4000), FITA_TIMELINE_DRAW_DEFAULT);
}

static void
draw_chart (gpointer data, cairo_t *cr)
{
  fita_chart_draw (data, cr, 600, 400);
}

void
fita_fuzz_exercise (FitaPlan *plan)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) statuses = NULL;
  g_autoptr(FitaBudgetTable) table = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(FitaPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *first = items->len > 0 ? g_ptr_array_index (items, 0) : NULL;
  FitaBudgetEnvelope envelope;
  FitaBudgetSum sum;
  FitaParticipation participation;
  gboolean checked;

  fita_plan_rollup (plan);
  fita_plan_progress_bp (plan, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      g_free (fita_plan_format_progress (plan, item, "ca"));
      fita_plan_budget_sum (plan, item, FITA_NONE, 0, &sum);
      fita_rate_bp (sum.executed, sum.planned);
      fita_plan_item_depth (plan, item);
    }
  fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum);
  fita_plan_budget_envelope (plan, first, &envelope);
  levels = fita_plan_count_levels (plan, NULL, NULL);
  statuses = fita_plan_count_statuses (plan, NULL, NULL, NULL);
  table = fita_budget_table_new (plan, first);
  fita_plan_participation (plan, NULL, &participation);
  /* a file whose storage is damaged cannot be checked at all */
  checked = fita_plan_check (plan, problems, NULL);

  /* what export writes, import must read and give back the same; only a
   * plan that check finds fault with (two items with one code, which an
   * older file may hold) may be refused, and then with the reason */
  json = fita_json_export (plan);
  copy = fita_json_import (json, -1, &error);
  if (copy == NULL && checked && problems->len == 0)
    g_error ("an exported plan was refused on import: %s", error->message);
  if (copy != NULL)
    {
      again = fita_json_export (copy);
      g_assert_cmpstr (json, ==, again);
    }

  if (items->len <= 300)
    {
      FitaTimeline *timeline = fita_timeline_new (plan, NULL);
      draw_nothing_visible (draw_timeline, timeline);
      fita_timeline_free (timeline);
      for (int kind = 0; kind < FITA_N_CHARTS; kind++)
        {
          FitaChart *chart = fita_chart_new (plan, kind, first, FITA_NONE, NULL);
          draw_nothing_visible (draw_chart, chart);
          fita_chart_free (chart);
        }
    }
  if (items->len <= 60 && first != NULL)
    {
      FitaReportOptions options = { FITA_REPORT_SHEET, first->rec.id, FITA_NONE, "ca" };
      GBytes *pdf = fita_report_render (plan, &options, NULL, NULL, NULL, NULL);
      g_clear_pointer (&pdf, g_bytes_unref);
      options.kind = FITA_REPORT_ANNUAL;
      pdf = fita_report_render (plan, &options, NULL, NULL, NULL, NULL);
      g_clear_pointer (&pdf, g_bytes_unref);
    }
}

void
fita_fuzz_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);

  if (plan == NULL)
    g_assert (error != NULL && error->message != NULL && *error->message != '\0');
  else
    fita_fuzz_exercise (plan);
}
