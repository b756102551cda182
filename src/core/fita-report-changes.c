/* fita-report-changes.c: the annual report's section of what changed
 * since the last report (the closure of the year before, fita-compare.h). */
#include "config.h"
#include "fita-report.h"
#include "fita-report-private.h"
#include "fita-compare.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>

static char *
status_cell (FitaDoc *doc, const FitaItemChange *change)
{
  const char *none = TC_ (doc->tr, "no value", "—");

  if (!change->status_changed)
    return g_strdup (change->status_after != NULL ? change->status_after : "");
  return g_strdup_printf ("%s → %s", change->status_before != NULL ? change->status_before : none,
                          change->status_after != NULL ? change->status_after : none);
}

/* What was executed since: "+2.500,25 €"; empty when nothing changed. */
static char *
executed_cell (FitaDoc *doc, const FitaItemChange *change)
{
  gint64 before = change->total_before.executed, after = change->total_after.executed;
  g_autofree char *by = NULL;

  if (before == after)
    return g_strdup ("");
  if (before == FITA_NONE || after == FITA_NONE)
    {
      g_autofree char *from = fita_report_money (doc, before);
      g_autofree char *to = fita_report_money (doc, after);
      return g_strdup_printf ("%s → %s", from, to);
    }
  by = fita_report_money (doc, ABS (after - before));
  return g_strdup_printf ("%s%s", after > before ? "+" : "\u2212", by);
}

/* Left out when the year before was not closed: there is no earlier
 * report to compare with. */
void
fita_report_changes_section (FitaDoc *doc, gint64 year)
{
  FitaDocColumn columns[] = { { NULL, 3.2, FITA_DOC_ALIGN_LEFT }, { NULL, 1.7, FITA_DOC_ALIGN_LEFT },
                              { NULL, 1.5, FITA_DOC_ALIGN_LEFT }, { NULL, 1.2, FITA_DOC_ALIGN_RIGHT },
                              { NULL, 0.9, FITA_DOC_ALIGN_LEFT } };
  g_autoptr(FitaComparison) comparison = NULL;
  g_autoptr(FitaDocTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const FitaComparisonCounts *counts;
  guint rows = 0;

  comparison = fita_comparison_new (doc->plan, year, &error);
  if (comparison == NULL)
    {
      fita_doc_heading (doc, 1, T_ (doc->tr, "What changed since the last report"));
      fita_doc_paragraph (doc, error->message, doc->body, FITA_DOC_INK, 0);
      return;
    }
  if (!fita_comparison_has_previous (comparison))
    return;
  counts = fita_comparison_get_counts (comparison);

  fita_doc_heading (doc, 1, T_ (doc->tr, "What changed since the last report"));
  {
    g_autofree char *since = g_strdup_printf (T_ (doc->tr, "Compared with the plan as it stood when %d was closed."),
                                              (int) year - 1);
    g_autofree char *status = g_strdup_printf (TN_ (doc->tr, "%u item changed status", "%u items changed status",
                                                    counts->status_changed), counts->status_changed);
    g_autofree char *progress = g_strdup_printf (TN_ (doc->tr, "%u moved in progress", "%u moved in progress",
                                                      counts->progress_moved), counts->progress_moved);
    g_autofree char *late = g_strdup_printf (TN_ (doc->tr, "%u is newly late", "%u are newly late",
                                                  counts->newly_late), counts->newly_late);
    g_autofree char *added = g_strdup_printf (TN_ (doc->tr, "%u new item", "%u new items", counts->added),
                                              counts->added);
    g_autofree char *removed = g_strdup_printf (TN_ (doc->tr, "%u removed", "%u removed", counts->removed),
                                                counts->removed);
    /* Translators: the summary of what changed in a year, in the annual
     * report: "2 items changed status, 4 moved in progress, 2 are newly
     * late; 1 new item, 1 removed." */
    summary = g_strdup_printf (T_ (doc->tr, "%s %s, %s, %s; %s, %s."), since, status, progress, late, added, removed);
  }
  fita_doc_paragraph (doc, summary, doc->body, FITA_DOC_INK, 0);

  columns[0].title = T_ (doc->tr, "Item");
  columns[1].title = T_ (doc->tr, "Progress");
  columns[2].title = T_ (doc->tr, "Status");
  columns[3].title = T_ (doc->tr, "Executed");
  columns[4].title = T_ (doc->tr, "Note");
  table = fita_doc_table_new (columns, 5, TRUE);
  for (guint i = 0; i < fita_comparison_get_length (comparison); i++)
    {
      const FitaItemChange *change = fita_comparison_get (comparison, i);
      FitaItem *item = change->item != NULL ? change->item : change->before;
      gboolean newly_late = change->late && !change->late_before;
      const char *note;

      if (!change->status_changed && !fita_item_change_progress_moved (change) && !newly_late &&
          !change->is_new && change->item != NULL)
        continue;
      /* Translators: notes on an item in the annual report's table of what changed */
      note = change->item == NULL ? T_ (doc->tr, "Removed")
           : change->is_new ? T_ (doc->tr, "New")
           : newly_late ? T_ (doc->tr, "Late")
           : "";
      fita_doc_table_add (table, 0, fita_report_item_label (item), fita_comparison_format_progress (comparison, change, doc->lang, doc->tr),
                          status_cell (doc, change), executed_cell (doc, change), g_strdup (note));
      rows++;
    }
  if (rows > 0)
    fita_doc_table (doc, table);
}
