/* fita-report-annual.c: the plan's annual follow-up report. */
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


/* Reports: the annual report */

static void
draw_chart_picture (FitaCanvas *canvas, double width, double height, gpointer data)
{
  fita_chart_draw_on (data, canvas, width, height);
}

/* A chart and its figures as a table right after it: the picture goes to
 * the next page rather than be parted from its table, when the table is
 * short enough to go with it (a year's or a chapter's row is about 18 pt
 * in the small font). */
static void
chart_with_table (FitaDoc *doc, FitaChart *chart, FitaChartKind kind, double height, gboolean last_is_total)
{
  g_autofree char *alt = fita_report_chart_alt (doc, chart, kind, NULL);
  g_autoptr(GPtrArray) rows = fita_chart_get_table (chart);

  fita_doc_need (doc, height + 10 + 18 * MIN (rows->len, 12));
  fita_doc_picture (doc, height, draw_chart_picture, chart, alt);
  fita_report_chart_table (doc, chart, last_is_total);
}

static void
tree_rows (FitaDoc *doc, FitaDocTable *table, gint64 parent, guint depth)
{
  GPtrArray *children = fita_plan_list (doc->plan, FITA_TABLE_ITEM, parent);

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *item = g_ptr_array_index (children, i);
      GString *label = g_string_new (NULL);
      gboolean parent_item = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0;
      /* an em space per level shows the tree; code and title together, as
       * the plans write them ("1.1. Elaborar un protocol…") */
      for (guint d = 0; d < depth; d++)
        g_string_append (label, "\u2003");
      if (item->code)
        g_string_append_printf (label, "%s  ", item->code);
      g_string_append (label, item->title ? item->title : "");
      /* who and the other services, for the items that have them, on lines
       * of their own: columns would stand empty for most items */
      if (fita_report_has_who (doc, item))
        {
          g_autofree char *who = fita_report_who_text (doc, item, "; ");
          g_string_append_c (label, '\n');
          for (guint d = 0; d < depth; d++)
            g_string_append (label, "\u2003");
          g_string_append_printf (label, "%s: %s", T_ (doc->tr, "Who"), who);
        }
      if (fita_report_has_other_services (item))
        {
          g_string_append_c (label, '\n');
          for (guint d = 0; d < depth; d++)
            g_string_append (label, "\u2003");
          g_string_append_printf (label, "%s: %s", T_ (doc->tr, "Other agents or services involved"), item->other_services);
        }
      fita_doc_table_add (table, parent_item && depth == 0 ? FITA_DOC_ROW_BOLD : 0, g_string_free (label, FALSE),
                          g_strdup (fita_report_level_name (doc, item)), g_strdup (fita_report_status_name (doc, item)),
                          fita_report_progress_of (doc, item));
      tree_rows (doc, table, item->rec.id, depth + 1);
      if (fita_doc_cancelled (doc))
        return;
    }
}

/* Every indicator of the plan in one table, with the item it measures. */
static void
all_indicators (FitaDoc *doc)
{
  FitaDocColumn columns[] = { { NULL, 1.0, FITA_DOC_ALIGN_LEFT }, { NULL, 2.6, FITA_DOC_ALIGN_LEFT }, { NULL, 1.1, FITA_DOC_ALIGN_LEFT },
                              { NULL, 0.8, FITA_DOC_ALIGN_RIGHT }, { NULL, 0.75, FITA_DOC_ALIGN_CENTER }, { NULL, 1.9, FITA_DOC_ALIGN_LEFT } };
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (doc->plan, NULL);
  g_autoptr(FitaDocTable) table = NULL;

  columns[0].title = T_ (doc->tr, "Item");
  columns[1].title = T_ (doc->tr, "Indicator");
  columns[2].title = T_ (doc->tr, "Kind");
  columns[3].title = T_ (doc->tr, "Value");
  columns[4].title = T_ (doc->tr, "Year");
  columns[5].title = T_ (doc->tr, "Observations");
  table = fita_doc_table_new (columns, 6, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      GPtrArray *indicators = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR, item->rec.id);
      for (guint n = 0; n < indicators->len; n++)
        {
          FitaIndicator *indicator = g_ptr_array_index (indicators, n);
          GPtrArray *values = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
          /* Translators: kinds of indicators in a report table */
          const char *kind = indicator->kind == FITA_INDICATOR_RESULT ? TC_ (doc->tr, "indicator", "Result")
                                                                      : TC_ (doc->tr, "indicator", "Impact");
          const char *pending = indicator->pending ? T_ (doc->tr, "Pending evaluation") : indicator->observations;
          g_autofree char *name = indicator->unit
            ? g_strdup_printf ("%s (%s)", indicator->name, indicator->unit) : g_strdup (indicator->name);
          if (values->len == 0)
            fita_doc_table_add (table, 0, g_strdup (item->code), g_strdup (name), g_strdup (kind), g_strdup (""),
                       g_strdup (""), g_strdup (pending));
          for (guint v = 0; v < values->len; v++)
            {
              FitaIndicatorValue *value = g_ptr_array_index (values, v);
              fita_doc_table_add (table, 0, g_strdup (v == 0 ? item->code : ""), g_strdup (v == 0 ? name : ""),
                         g_strdup (v == 0 ? kind : ""), g_strdup (value->value), fita_report_year_text (value->year),
                         g_strdup (value->observations ? value->observations : pending));
            }
        }
    }
  fita_doc_table (doc, table);
}

static void
governance (FitaDoc *doc, gint64 parent, int level)
{
  GPtrArray *agents = fita_plan_list (doc->plan, FITA_TABLE_AGENT, parent);

  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      GPtrArray *members = fita_plan_list (doc->plan, FITA_TABLE_AGENT_MEMBER, agent->rec.id);
      GPtrArray *functions = fita_plan_list (doc->plan, FITA_TABLE_AGENT_FUNCTION, agent->rec.id);
      gboolean groups = fita_plan_list (doc->plan, FITA_TABLE_AGENT, agent->rec.id)->len > 0;

      if (parent == 0 && agent->kind != FITA_AGENT_BODY && agent->kind != FITA_AGENT_GROUP)
        continue;
      fita_doc_heading (doc, MIN (level, 3), agent->name);
      fita_doc_paragraph (doc, agent->description, doc->body, FITA_DOC_INK, 0);
      if (functions->len > 0)
        {
          fita_doc_heading (doc, 4, T_ (doc->tr, "Functions"));
          for (guint f = 0; f < functions->len; f++)
            {
              g_autofree char *line = g_strdup_printf ("• %s", ((FitaAgentFunction *) g_ptr_array_index (functions, f))->text);
              fita_doc_paragraph (doc, line, doc->body, FITA_DOC_INK, 12);
            }
        }
      if (members->len > 0)
        {
          fita_doc_heading (doc, 4, T_ (doc->tr, "Members"));
          for (guint m = 0; m < members->len; m++)
            {
              FitaAgentMember *member = g_ptr_array_index (members, m);
              g_autofree char *line = member->role ? g_strdup_printf ("• %s (%s)", member->name, member->role)
                                                   : g_strdup_printf ("• %s", member->name);
              fita_doc_paragraph (doc, line, doc->body, FITA_DOC_INK, 12);
            }
        }
      if (groups)
        governance (doc, agent->rec.id, level + 1);
    }
}

static gboolean
has_bodies (FitaDoc *doc)
{
  GPtrArray *agents = fita_plan_list (doc->plan, FITA_TABLE_AGENT, 0);

  for (guint i = 0; i < agents->len; i++)
    if (((FitaAgent *) g_ptr_array_index (agents, i))->kind == FITA_AGENT_BODY ||
        ((FitaAgent *) g_ptr_array_index (agents, i))->kind == FITA_AGENT_GROUP)
      return TRUE;
  return FALSE;
}

void
fita_report_make_annual (FitaDoc *doc, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *roots = fita_plan_list (doc->plan, FITA_TABLE_ITEM, 0);
  g_autofree char *title = g_strdup_printf (T_ (doc->tr, "Follow-up report %d"), (int) year);
  g_autofree char *period = fita_report_period_text (doc);
  g_autofree char *date = info->report_date ? fita_report_date_in_words (doc, info->report_date) : fita_report_today_text (doc);
  FitaFollowup *plan_followup = fita_plan_find_followup (doc->plan, 0, year);

  /* title page */
  fita_doc_need (doc, 200);
  fita_doc_space (doc, 60);
  fita_doc_title (doc, title);
  fita_doc_paragraph (doc, info->title, doc->h1, FITA_DOC_INK, 0);
  fita_doc_space (doc, 30);
  {
    const char *labels[] = { T_ (doc->tr, "Organisation"), T_ (doc->tr, "Period of validity"),
                             T_ (doc->tr, "Period followed up"), T_ (doc->tr, "Report date") };
    g_autofree char *followed = info->followup_period ? g_strdup (info->followup_period) : g_strdup_printf ("%d", (int) year);
    const char *values[] = { info->organisation, period, followed, date };
    fita_doc_fields (doc, labels, values, 4);
  }
  if (roots->len > 0)
    {
      fita_doc_space (doc, 20);
      fita_doc_heading (doc, 2, T_ (doc->tr, "Figures"));
      fita_report_headline_figures (doc, NULL);
    }
  fita_doc_new_page (doc);

  if (info->description)
    {
      fita_doc_heading (doc, 1, T_ (doc->tr, "Description"));
      fita_doc_paragraph (doc, info->description, doc->body, FITA_DOC_INK, 0);
    }

  /* summary per top-level item */
  if (roots->len > 0)
    {
      FitaDocColumn columns[] = { { NULL, 0.8, FITA_DOC_ALIGN_LEFT }, { NULL, 3.4, FITA_DOC_ALIGN_LEFT }, { NULL, 1.1, FITA_DOC_ALIGN_RIGHT },
                                  { NULL, 1.2, FITA_DOC_ALIGN_RIGHT }, { NULL, 1.8, FITA_DOC_ALIGN_RIGHT } };
      g_autoptr(FitaDocTable) table = NULL;
      guint total = 0;
      columns[0].title = T_ (doc->tr, "Code");
      columns[1].title = T_ (doc->tr, "Title");
      columns[2].title = T_ (doc->tr, "Items");
      columns[3].title = T_ (doc->tr, "Progress");
      columns[4].title = T_ (doc->tr, "Executed");
      table = fita_doc_table_new (columns, 5, TRUE);
      fita_doc_heading (doc, 1, T_ (doc->tr, "Summary"));
      for (guint i = 0; i < roots->len; i++)
        {
          FitaItem *root = g_ptr_array_index (roots, i);
          g_autoptr(GPtrArray) below = fita_plan_items_preorder (doc->plan, root);
          FitaBudgetSum sum;
          fita_plan_budget_sum (doc->plan, root, FITA_NONE, 0, &sum);
          total += below->len;
          fita_doc_table_add (table, 0, g_strdup (root->code), g_strdup (root->title), fita_number_format (below->len, doc->lang),
                     fita_report_progress_of (doc, root), fita_report_money (doc, sum.executed));
        }
      {
        FitaBudgetSum sum;
        fita_plan_budget_sum (doc->plan, NULL, FITA_NONE, 0, &sum);
        fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (""), g_strdup (T_ (doc->tr, "Total")), fita_number_format (total, doc->lang),
                   fita_report_progress_of (doc, NULL), fita_report_money (doc, sum.executed));
      }
      fita_doc_table (doc, table);
    }

  fita_report_changes_section (doc, year);

  fita_doc_heading (doc, 1, T_ (doc->tr, "Follow-up of the plan"));
  if (plan_followup != NULL)
    {
      fita_doc_paragraph (doc, plan_followup->execution, doc->body, FITA_DOC_INK, 0);
      fita_report_followup_fields (doc, plan_followup);
    }
  for (guint i = 0; i < roots->len; i++)
    {
      FitaItem *root = g_ptr_array_index (roots, i);
      FitaFollowup *f = fita_plan_find_followup (doc->plan, root->rec.id, year);
      g_autofree char *label = fita_report_item_label (root);
      if (f == NULL)
        continue;
      fita_doc_heading (doc, 2, label);
      fita_doc_paragraph (doc, f->execution, doc->body, FITA_DOC_INK, 0);
      fita_report_followup_fields (doc, f);
    }

  if (roots->len > 0)
    {
      FitaDocColumn columns[] = { { NULL, 5.0, FITA_DOC_ALIGN_LEFT }, { NULL, 1.4, FITA_DOC_ALIGN_LEFT },
                                         { NULL, 1.2, FITA_DOC_ALIGN_LEFT }, { NULL, 0.9, FITA_DOC_ALIGN_RIGHT } };
      g_autoptr(FitaDocTable) table = NULL;
      g_autofree char *rule = fita_plan_describe_progress_rule_in (doc->plan, doc->tr);
      g_autofree char *how = g_strdup_printf (T_ (doc->tr, "Progress: %s"), rule);
      columns[0].title = T_ (doc->tr, "Item");
      columns[1].title = T_ (doc->tr, "Level");
      columns[2].title = T_ (doc->tr, "Status");
      columns[3].title = "%";
      table = fita_doc_table_new (columns, 4, TRUE);
      fita_doc_heading (doc, 1, T_ (doc->tr, "The plan, item by item"));
      fita_doc_paragraph (doc, how, doc->small, FITA_DOC_DIM, 0);
      tree_rows (doc, table, 0, 0);
      fita_doc_table (doc, table);
    }

  if (has_bodies (doc))
    {
      fita_doc_heading (doc, 1, T_ (doc->tr, "Governance"));
      governance (doc, 0, 2);
    }

  if (fita_plan_count (doc->plan, FITA_TABLE_BUDGET_LINE) > 0)
    {
      g_autoptr(FitaChart) bars = fita_chart_new (doc->plan, FITA_CHART_PLANNED_EXECUTED, NULL, FITA_NONE, doc->tr);
      g_autoptr(FitaChart) chapters = fita_chart_new (doc->plan, FITA_CHART_CHAPTERS, NULL, FITA_NONE, doc->tr);
      fita_doc_heading (doc, 1, T_ (doc->tr, "Budget"));
      fita_report_budget_table (doc, NULL, FALSE);
      /* each chart followed by its figures: year by year with their rates
       * and the whole period's total, chapter by chapter with their
       * shares, which the budget table above does not give in that form */
      if (fita_chart_has_data (bars))
        chart_with_table (doc, bars, FITA_CHART_PLANNED_EXECUTED, 230, TRUE);
      if (fita_chart_has_data (chapters))
        chart_with_table (doc, chapters, FITA_CHART_CHAPTERS, 200, FALSE);
    }

  if (fita_plan_count (doc->plan, FITA_TABLE_INDICATOR) > 0)
    {
      fita_doc_heading (doc, 1, T_ (doc->tr, "Indicators"));
      all_indicators (doc);
    }
}
