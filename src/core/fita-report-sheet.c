/* fita-report-sheet.c: a programme's follow-up sheet, and the budget,
 * follow-up and headline figures the other reports take from it. */
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


/* Reports: the programme sheet */

void
fita_report_budget_table (FitaDoc *doc, FitaItem *scope, gboolean executed_only)
{
  g_autoptr(FitaBudgetTable) t = fita_budget_table_new (doc->plan, scope);
  GPtrArray *chapters = fita_plan_list (doc->plan, FITA_TABLE_CHAPTER, 0);
  guint n = chapters->len + 2;
  g_autofree FitaDocColumn *columns = g_new0 (FitaDocColumn, n);
  g_autoptr(FitaDocTable) table = NULL;
  g_autofree char *years = fita_report_years_text (doc, t->first_year, t->last_year);

  columns[0].title = executed_only ? T_ (doc->tr, "Executed budget") : T_ (doc->tr, "Budget");
  columns[0].weight = 1.7;
  for (guint c = 0; c < chapters->len; c++)
    {
      columns[c + 1].title = ((FitaChapter *) g_ptr_array_index (chapters, c))->name;
      columns[c + 1].weight = 1;
      columns[c + 1].align = FITA_DOC_ALIGN_RIGHT;
    }
  columns[n - 1].title = T_ (doc->tr, "Total");
  columns[n - 1].weight = 1;
  columns[n - 1].align = FITA_DOC_ALIGN_RIGHT;
  table = fita_doc_table_new (columns, n, TRUE);
  table->small = n > 4;

  for (int y = t->first_year; y <= t->last_year; y++)
    for (guint kind = executed_only ? 1 : 0; kind < 2; kind++)
      {
        char **cells;
        FitaBudgetSum sum = fita_budget_table_year (t, y);
        guint flags = 0;
        /* the sheet lists every year, as officers fill it in; the plan's
         * summary only the years with amounts */
        if (!executed_only && (kind ? sum.executed : sum.planned) == FITA_NONE)
          continue;
        cells = g_new0 (char *, n + 1);
        /* Translators: rows of a budget table: "Planned 2023", "Executed 2023" */
        cells[0] = g_strdup_printf (kind ? T_ (doc->tr, "Executed %d") : T_ (doc->tr, "Planned %d"), y);
        for (guint c = 0; c < chapters->len; c++)
          {
            FitaBudgetSum *cell = fita_budget_table_cell (t, y, c);
            gint64 amount = kind ? cell->executed : cell->planned;
            /* an empty cell stays empty; "- €" is for totals with nothing */
            cells[c + 1] = amount != FITA_NONE ? fita_report_money (doc, amount) : g_strdup ("");
          }
        cells[n - 1] = fita_report_money (doc, kind ? sum.executed : sum.planned);
        fita_doc_table_take_row (table, flags, cells);
      }
  if (table->rows->len > 0)
    fita_doc_table (doc, table);
  else
    fita_doc_paragraph (doc, T_ (doc->tr, "No budget amounts have been recorded yet."), doc->body, FITA_DOC_DIM, 0);

  {
    g_autofree char *executed = fita_report_money (doc, t->total.executed);
    g_autofree char *planned = fita_report_money (doc, t->total.planned);
    gint64 rate = fita_rate_bp (t->total.executed, t->total.planned);
    g_autofree char *rate_text = rate != FITA_NONE ? fita_percent_format_bp (rate, doc->lang) : g_strdup ("—");
    /* Translators: "Total executed budget 2019–2026"; %s is the years,
     * "2021" for one */
    g_autofree char *l1 = g_strdup_printf (T_ (doc->tr, "Total executed budget %s"), years);
    /* Translators: "Total planned budget 2019–2026"; %s is the years,
     * "2021" for one */
    g_autofree char *l2 = g_strdup_printf (T_ (doc->tr, "Total planned budget %s"), years);
    const char *labels[] = { l1, l2, T_ (doc->tr, "Execution rate") };
    const char *values[] = { executed, planned, rate_text };
    fita_doc_fields (doc, labels, values, 3);
  }
}

static void
indicator_table (FitaDoc *doc, FitaItem *item, FitaIndicatorKind kind)
{
  FitaDocColumn columns[] = {
    { NULL, 3.0, FITA_DOC_ALIGN_LEFT }, { NULL, 0.8, FITA_DOC_ALIGN_RIGHT }, { NULL, 0.75, FITA_DOC_ALIGN_CENTER }, { NULL, 2.6, FITA_DOC_ALIGN_LEFT },
  };
  GPtrArray *indicators = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR, item->rec.id);
  g_autoptr(FitaDocTable) table = NULL;

  columns[0].title = kind == FITA_INDICATOR_RESULT ? T_ (doc->tr, "Result indicators") : T_ (doc->tr, "Impact indicators");
  columns[1].title = T_ (doc->tr, "Value");
  columns[2].title = T_ (doc->tr, "Year");
  columns[3].title = T_ (doc->tr, "Observations");
  table = fita_doc_table_new (columns, 4, TRUE);

  for (guint i = 0; i < indicators->len; i++)
    {
      FitaIndicator *indicator = g_ptr_array_index (indicators, i);
      GPtrArray *values = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
      g_autofree char *name = indicator->unit
        ? g_strdup_printf ("%s (%s)", indicator->name, indicator->unit) : g_strdup (indicator->name);
      if (indicator->kind != (gint64) kind)
        continue;
      if (values->len == 0)
        fita_doc_table_add (table, 0, g_strdup (name), g_strdup (""), g_strdup (""),
                   g_strdup (indicator->pending ? T_ (doc->tr, "Pending evaluation") : (indicator->observations ? indicator->observations : "")));
      for (guint v = 0; v < values->len; v++)
        {
          FitaIndicatorValue *value = g_ptr_array_index (values, v);
          const char *note = value->observations ? value->observations
                           : indicator->pending ? T_ (doc->tr, "Pending evaluation")
                           : indicator->observations;
          fita_doc_table_add (table, 0, g_strdup (v == 0 ? name : ""), g_strdup (value->value ? value->value : ""),
                     fita_report_year_text (value->year), g_strdup (note ? note : ""));
        }
    }
  if (table->rows->len > 0)
    fita_doc_table (doc, table);
}

void
fita_report_followup_fields (FitaDoc *doc, FitaFollowup *f)
{
  const char *labels[] = {
    T_ (doc->tr, "Strengths"), T_ (doc->tr, "Weaknesses"), T_ (doc->tr, "Other remarks"),
    T_ (doc->tr, "Adjustments"), T_ (doc->tr, "Next steps"),
  };
  const char *values[] = { f->strengths, f->weaknesses, f->other, f->adjustments, f->next_steps };

  fita_doc_fields (doc, labels, values, G_N_ELEMENTS (labels));
}

/* Who answers for an item and the other services involved, one a line. */
static char *
involved_text (FitaDoc *doc, FitaItem *item)
{
  g_autofree char *who = fita_report_who_text (doc, item, "\n");

  if (!fita_report_has_other_services (item))
    return g_steal_pointer (&who);
  return *who ? g_strdup_printf ("%s\n%s", who, item->other_services) : g_strdup (item->other_services);
}

/* The items below a programme, as seed 000 lists its "actuacions". */
/* The figures a council publishes first, for the plan (scope NULL) or one
 * item: progress by the plan's rule, the budget with its execution rate,
 * and how many items are in each status. */
void
fita_report_headline_figures (FitaDoc *doc, FitaItem *scope)
{
  g_autofree char *progress = fita_report_progress_of (doc, scope);
  g_autofree char *planned = NULL;
  g_autofree char *executed = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *in_years = NULL;
  g_autofree char *not_in_years = NULL;
  g_autoptr(GArray) statuses = NULL;
  FitaBudgetEnvelope envelope;
  FitaBudgetSum sum;
  guint counted = 0;

  fita_plan_budget_sum (doc->plan, scope, FITA_NONE, 0, &sum);
  fita_plan_budget_envelope (doc->plan, scope, &envelope);
  planned = fita_report_money (doc, sum.planned);
  executed = fita_report_money (doc, sum.executed);
  rate = fita_percent_format_bp (fita_rate_bp (sum.executed, sum.planned), doc->lang);
  {
    const char *labels[6] = { T_ (doc->tr, "Progress"), T_ (doc->tr, "Planned budget"),
                              T_ (doc->tr, "Executed budget"), T_ (doc->tr, "Execution rate") };
    const char *values[6] = { progress, planned, executed, rate };
    guint n = 4;
    /* a total that holds more than its years: show both parts, so it reconciles */
    if (envelope.not_in_years != FITA_NONE && envelope.not_in_years != 0)
      {
        in_years = fita_report_money (doc, envelope.in_years);
        not_in_years = fita_report_money (doc, envelope.not_in_years);
        labels[n] = T_ (doc->tr, "Planned in the years");
        values[n++] = in_years;
        labels[n] = T_ (doc->tr, "Not allocated to a year");
        values[n++] = not_in_years;
      }
    fita_doc_fields (doc, labels, values, n);
  }

  statuses = fita_plan_count_statuses (doc->plan, scope, NULL, &counted);
  if (counted > 0)
    {
      FitaDocColumn columns[] = { { NULL, 3.0, FITA_DOC_ALIGN_LEFT }, { NULL, 1.0, FITA_DOC_ALIGN_RIGHT },
                                         { NULL, 1.0, FITA_DOC_ALIGN_RIGHT } };
      g_autoptr(FitaDocTable) table = NULL;
      columns[0].title = T_ (doc->tr, "Status");
      /* Translators: a column of the table of items by status: how many */
      columns[1].title = T_ (doc->tr, "Items");
      /* Translators: a column of the table of items by status: what share of all */
      columns[2].title = T_ (doc->tr, "Share");
      table = fita_doc_table_new (columns, G_N_ELEMENTS (columns), TRUE);
      for (guint i = 0; i < statuses->len; i++)
        {
          FitaStatusCount *count = &g_array_index (statuses, FitaStatusCount, i);
          fita_doc_table_add (table, 0,
                              g_strdup (count->status ? count->status->name : T_ (doc->tr, "No status")),
                              fita_number_format (count->count, doc->lang),
                              fita_plan_format_share (doc->plan, count->count, counted, doc->lang));
        }
      fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (T_ (doc->tr, "Total")),
                          fita_number_format (counted, doc->lang), g_strdup (""));
      fita_doc_table (doc, table);
    }
}

static void
execution_table (FitaDoc *doc, FitaItem *item, GPtrArray *children)
{
  FitaDocColumn columns[] = {
    { NULL, 2.8, FITA_DOC_ALIGN_LEFT }, { NULL, 1.4, FITA_DOC_ALIGN_LEFT }, { NULL, 0.85, FITA_DOC_ALIGN_CENTER },
    { NULL, 0.85, FITA_DOC_ALIGN_CENTER }, { NULL, 1.9, FITA_DOC_ALIGN_LEFT },
  };
  g_autoptr(FitaDocTable) table = NULL;
  g_autofree char *rule = fita_plan_describe_progress_rule_in (doc->plan, doc->tr);
  g_autofree char *how = NULL;
  /* the level of the items below, as the plan names it ("Actuacions") */
  const char *below = fita_report_level_name (doc, g_ptr_array_index (children, 0));
  gboolean who = FALSE;

  for (guint i = 0; i < children->len; i++)
    who = who || fita_report_has_who (doc, g_ptr_array_index (children, i));
  columns[0].title = below ? below : T_ (doc->tr, "Items");
  columns[1].title = T_ (doc->tr, "Status");
  columns[2].title = T_ (doc->tr, "Start year");
  columns[3].title = T_ (doc->tr, "End year");
  /* the seed's column, with who answers for each item when the plan says */
  columns[4].title = who ? T_ (doc->tr, "Who and other agents or services involved")
                         : T_ (doc->tr, "Other agents or services involved");
  table = fita_doc_table_new (columns, G_N_ELEMENTS (columns), TRUE);
  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *child = g_ptr_array_index (children, i);
      fita_doc_table_add (table, 0, fita_report_item_label (child), fita_report_status_with_percent (doc, child), fita_report_year_text (child->start_year),
                          fita_report_year_text (child->end_year), involved_text (doc, child));
    }
  fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (T_ (doc->tr, "Progress")),
                      fita_report_progress_of (doc, item), NULL, NULL, NULL);
  fita_doc_table (doc, table);
  /* Translators: how the progress of a parent was computed */
  how = g_strdup_printf (T_ (doc->tr, "Progress: %s"), rule);
  fita_doc_paragraph (doc, how, doc->small, FITA_DOC_DIM, 0);
}

void
fita_report_make_sheet (FitaDoc *doc, FitaItem *item, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *children = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id);
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();
  g_autofree char *title = fita_report_item_label (item);
  g_autofree char *year_line = g_strdup_printf ("%s: %d", T_ (doc->tr, "Year"), (int) year);
  FitaFollowup *followup = fita_plan_find_followup (doc->plan, item->rec.id, year);
  GPtrArray *links = fita_plan_list (doc->plan, FITA_TABLE_LINK, item->rec.id);

  fita_doc_paragraph (doc, info->title, doc->bold, FITA_DOC_DIM, 0);
  /* Translators: the title of a programme's yearly follow-up sheet */
  fita_doc_paragraph (doc, T_ (doc->tr, "Follow-up and evaluation of programmes"), doc->body, FITA_DOC_DIM, 0);
  fita_doc_paragraph (doc, year_line, doc->body, FITA_DOC_DIM, 0);
  fita_doc_heading (doc, 1, title);

  /* the hierarchy above: Objectiu: O3 - …, Acció: O3.A1 - … */
  for (FitaItem *up = item->parent_id ? fita_plan_lookup (doc->plan, FITA_TABLE_ITEM, item->parent_id) : NULL;
       up != NULL; up = up->parent_id ? fita_plan_lookup (doc->plan, FITA_TABLE_ITEM, up->parent_id) : NULL)
    g_ptr_array_insert (ancestors, 0, up);
  for (guint i = 0; i < ancestors->len; i++)
    {
      FitaItem *up = g_ptr_array_index (ancestors, i);
      g_autofree char *line = g_strdup_printf ("%s: %s%s%s", fita_report_level_name (doc, up) ? fita_report_level_name (doc, up) : T_ (doc->tr, "Item"),
                                               up->code ? up->code : "", up->code ? " - " : "", up->title ? up->title : "");
      fita_doc_paragraph (doc, line, doc->body, FITA_DOC_INK, 0);
    }
  if (item->description)
    {
      fita_doc_heading (doc, 3, T_ (doc->tr, "Description"));
      fita_doc_paragraph (doc, item->description, doc->body, FITA_DOC_INK, 0);
    }

  /* Translators: the heading of a report's headline figures */
  fita_doc_heading (doc, 2, T_ (doc->tr, "Figures"));
  fita_report_headline_figures (doc, item);

  fita_doc_heading (doc, 2, T_ (doc->tr, "Execution"));
  if (children->len > 0)
    execution_table (doc, item, children);
  else
    {
      /* a leaf: its own status, years and who, as its parent's sheet lists them */
      g_autofree char *status = fita_report_status_with_percent (doc, item);
      g_autofree char *years = fita_report_years_text (doc, item->start_year, item->end_year);
      g_autofree char *who = fita_report_who_text (doc, item, "\n");
      const char *labels[] = { T_ (doc->tr, "Status"), T_ (doc->tr, "Years"), T_ (doc->tr, "Who"),
                               T_ (doc->tr, "Other agents or services involved") };
      const char *values[] = { status, years, who, item->other_services };
      fita_doc_fields (doc, labels, values, G_N_ELEMENTS (labels));
    }
  if (followup && followup->execution)
    {
      fita_doc_heading (doc, 3, T_ (doc->tr, "Observations on the execution"));
      fita_doc_paragraph (doc, followup->execution, doc->body, FITA_DOC_INK, 0);
    }

  fita_doc_heading (doc, 2, T_ (doc->tr, "Executed budget"));
  fita_report_budget_table (doc, item, TRUE);

  indicator_table (doc, item, FITA_INDICATOR_RESULT);
  indicator_table (doc, item, FITA_INDICATOR_IMPACT);

  if (followup != NULL)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Evaluation"));
      fita_report_followup_fields (doc, followup);
    }
  if (links->len > 0)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Links"));
      for (guint i = 0; i < links->len; i++)
        {
          FitaLink *link = g_ptr_array_index (links, i);
          fita_doc_link (doc, link->title, link->url);
        }
    }
}
