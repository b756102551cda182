/* fita-report.c: a report made in two passes (count the pages, then draw
 * them); what each report holds is in its own fita-report-KIND.c, laid out
 * by fita-report-layout.c. */
#include "config.h"
#include "fita-report.h"
#include "fita-report-private.h"
#include "fita-budget.h"
#include "fita-chart.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-i18n.h"
#include "fita-money.h"
#include "fita-output.h"
#include "fita-rollup.h"
#include "fita-timeline.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>


const char * const fita_report_kind_keywords[] = { "sheet", "annual", "workplan", "participation", NULL };

/* Making it */

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
report_title (FitaDoc *doc, const FitaReportOptions *options, FitaItem *item, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autofree char *label = item ? fita_report_item_label (item) : NULL;

  switch (options->kind)
    {
    case FITA_REPORT_SHEET:
      return g_strdup_printf ("%s — %s %d", label, T_ (doc->tr, "Follow-up"), (int) year);
    case FITA_REPORT_ANNUAL:
      {
        g_autofree char *name = g_strdup_printf (T_ (doc->tr, "Follow-up report %d"), (int) year);
        return g_strdup_printf ("%s — %s", info->title, name);
      }
    case FITA_REPORT_WORKPLAN:
      return g_strdup_printf ("%s — %s", info->title, T_ (doc->tr, "Work plan"));
    case FITA_REPORT_PARTICIPATION:
    case FITA_N_REPORTS:
    default:
      return g_strdup_printf ("%s — %s", info->title, T_ (doc->tr, "Participation"));
    }
}

/* One pass over the whole document. */
static gboolean
make (FitaDoc *doc, const FitaReportOptions *options, FitaItem *item, gint64 year, cairo_write_func_t write,
      gpointer closure, GError **error)
{
  g_autofree char *title = report_title (doc, options, item, year);

  fita_doc_begin (doc, title, write, closure);
  switch (options->kind)
    {
    case FITA_REPORT_SHEET:
      fita_report_make_sheet (doc, item, year);
      break;
    case FITA_REPORT_ANNUAL:
      fita_report_make_annual (doc, year);
      break;
    case FITA_REPORT_WORKPLAN:
      fita_report_make_workplan (doc, year);
      break;
    case FITA_REPORT_PARTICIPATION:
    case FITA_N_REPORTS:
    default:
      fita_report_make_participation (doc);
      break;
    }
  return fita_doc_finish (doc, error);
}

GBytes *
fita_report_render (FitaPlan *plan, const FitaReportOptions *options, GCancellable *cancellable,
                    FitaReportProgress progress, gpointer user_data, GError **error)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autoptr(FitaTranslator) tr = fita_translator_new (options->lang ? options->lang
                                                      : info->language ? info->language : "ca");
  gint64 year = options->year != FITA_NONE ? options->year : fita_plan_default_year (plan);
  FitaItem *item = NULL;
  FitaDoc doc;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, NULL);
  if (options->kind == FITA_REPORT_SHEET)
    {
      item = options->item_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, options->item_id) : NULL;
      if (item == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                       _("A follow-up sheet is about one item: choose the item."));
          return NULL;
        }
    }

  fita_doc_init (&doc, plan, tr, options->kind == FITA_REPORT_WORKPLAN, cancellable);

  /* first, count the pages; then draw them with "page N of M" */
  doc.counting = TRUE;
  doc.progress = progress;
  doc.progress_data = user_data;
  doc.progress_base = 0;
  doc.progress_span = 0;
  if (progress)
    progress (0.05, user_data);
  if (!make (&doc, options, item, year, discard, NULL, error))
    {
      fita_doc_clear (&doc);
      return NULL;
    }
  doc.pages = doc.page;
  doc.counting = FALSE;
  doc.progress_base = 0.5;
  doc.progress_span = 0.5;
  if (!make (&doc, options, item, year, append, bytes, error))
    {
      fita_doc_clear (&doc);
      return NULL;
    }
  fita_doc_clear (&doc);
  if (progress)
    progress (1, user_data);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
fita_report_write (FitaPlan *plan, const FitaReportOptions *options, const char *path,
                   GCancellable *cancellable, FitaReportProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(GBytes) pdf = fita_report_render (plan, options, cancellable, progress, user_data, error);

  /* like every output: atomic, never over the plan itself */
  return pdf != NULL &&
         fita_output_write_file (path, fita_plan_get_path (plan), g_bytes_get_data (pdf, NULL),
                                 g_bytes_get_size (pdf), error);
}
