/* fita-report.c: what each report holds, laid out by fita-report-layout.c. */
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

/* Words and figures */

static char *
money (FitaDoc *doc, gint64 cents)
{
  return fita_money_format (cents, doc->lang);
}

/* An item's progress (NULL: the plan's) with the plan's decimals; "—" when
 * it is not known. */
static char *
progress_of (FitaDoc *doc, FitaItem *item)
{
  return fita_plan_format_progress (doc->plan, item, doc->lang);
}

static char *
year_text (gint64 year)
{
  return year != FITA_NONE ? g_strdup_printf ("%d", (int) year) : g_strdup ("");
}

static const char *
status_name (FitaDoc *doc, FitaItem *item)
{
  FitaStatus *status = item->status_id ? fita_plan_lookup (doc->plan, FITA_TABLE_STATUS, item->status_id) : NULL;

  return status ? status->name : NULL;
}

static const char *
level_name (FitaDoc *doc, FitaItem *item)
{
  FitaLevel *level = item->level_id ? fita_plan_lookup (doc->plan, FITA_TABLE_LEVEL, item->level_id) : NULL;

  return level ? level->name : NULL;
}

/* "En curs (30 %)", as the seeds write a status with its percent. */
static char *
status_with_percent (FitaDoc *doc, FitaItem *item)
{
  const char *status = status_name (doc, item);
  gboolean known = fita_plan_progress_bp (doc->plan, item) != FITA_NONE;
  g_autofree char *p = progress_of (doc, item);

  if (status != NULL && known)
    return g_strdup_printf ("%s (%s)", status, p);
  if (status != NULL)
    return g_strdup (status);
  return known ? g_steal_pointer (&p) : g_strdup ("");
}

static char *
item_label (FitaItem *item)
{
  if (item->code != NULL)
    return g_strdup_printf ("%s %s", item->code, item->title ? item->title : "");
  return g_strdup (item->title ? item->title : "");
}

/* "juny de 2024", "23 de novembre de 2026": the plan's own dates in words. */
static char *
date_in_words (FitaDoc *doc, const char *date)
{
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
    NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  /* Translators: a month in a full date, with the word that joins it to the
   * day: Catalan "de gener", "d'abril"; Spanish "de enero"; English "January" */
  static const char * const of_months[] = {
    NC_("day of month", "January"), NC_("day of month", "February"), NC_("day of month", "March"),
    NC_("day of month", "April"), NC_("day of month", "May"), NC_("day of month", "June"),
    NC_("day of month", "July"), NC_("day of month", "August"), NC_("day of month", "September"),
    NC_("day of month", "October"), NC_("day of month", "November"), NC_("day of month", "December"),
  };
  int year = 0, month = 0, day = 0;
  int n = date ? sscanf (date, "%d-%d-%d", &year, &month, &day) : 0;

  if (n == 3 && month >= 1 && month <= 12)
    /* Translators: a full date: day, month (with its joining word), year */
    return g_strdup_printf (TC_ (doc->tr, "full date", "%1$d %2$s %3$d"), day,
                            TC_ (doc->tr, "day of month", of_months[month - 1]), year);
  if (n == 2 && month >= 1 && month <= 12)
    /* Translators: a month and a year, "June 2024"; Catalan "juny de 2024" */
    return g_strdup_printf (TC_ (doc->tr, "month and year", "%1$s %2$d"),
                            TC_ (doc->tr, "month", months[month - 1]), year);
  return g_strdup (date ? date : "");
}

static char *
today_text (FitaDoc *doc)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = epoch ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                                   : g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

  return date_in_words (doc, iso);
}

static char *
years_text (FitaDoc *doc, gint64 start, gint64 end)
{
  char *years = fita_format_years (start, end, doc->tr);

  return years ? years : g_strdup ("");
}

static char *
period_text (FitaDoc *doc)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);

  return years_text (doc, info->period_start, info->period_end);
}

/* "gener de 2016 – juny de 2016", "2016", "From March 2016": the dates a
 * phase or a process runs between, in words. */
static char *
dates_text (FitaDoc *doc, const char *start, const char *end)
{
  g_autofree char *from = start && *start ? date_in_words (doc, start) : NULL;
  g_autofree char *to = end && *end ? date_in_words (doc, end) : NULL;

  if (from && to && g_strcmp0 (from, to) != 0)
    /* Translators: the dates something runs between, "March 2016 – June 2016" */
    return g_strdup_printf (TC_ (doc->tr, "period of dates", "%1$s – %2$s"), from, to);
  if (from && to)
    return g_steal_pointer (&from);
  if (from)
    /* Translators: when only the start of a phase is known */
    return g_strdup_printf (T_ (doc->tr, "From %s"), from);
  if (to)
    /* Translators: when only the end of a phase is known */
    return g_strdup_printf (T_ (doc->tr, "Until %s"), to);
  return NULL;
}

/* A role as it reads after an agent's name: "Secretaria tècnica (executa)".
 * The words are the editor's ("Executes"), in lower case after the name. */
static char *
role_text (FitaDoc *doc, gint64 role)
{
  const char *words;

  switch (role)
    {
    case FITA_ROLE_DEFINES: words = TC_ (doc->tr, "role", "Defines the basic lines"); break;
    case FITA_ROLE_EXECUTES: words = TC_ (doc->tr, "role", "Executes"); break;
    case FITA_ROLE_SUPPORTS: words = TC_ (doc->tr, "role", "Supports"); break;
    case FITA_ROLE_OTHER:
    default: words = TC_ (doc->tr, "role", "Other"); break;
    }
  return g_utf8_strdown (words, -1);
}

/* Who answers for an item: "Comissió tècnica (defineix les línies
 * bàsiques)", with the responsibility's note after a colon, one agent
 * after another with separator between them. */
static char *
who_text (FitaDoc *doc, FitaItem *item, const char *separator)
{
  GPtrArray *who = fita_plan_list (doc->plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *r = g_ptr_array_index (who, i);
      FitaAgent *agent = fita_plan_lookup (doc->plan, FITA_TABLE_AGENT, r->agent_id);
      g_autofree char *role = NULL;

      if (agent == NULL)
        continue;
      role = role_text (doc, r->role);
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append_printf (text, "%s (%s)", agent->name, role);
      if (r->note != NULL && *r->note != '\0')
        g_string_append_printf (text, ": %s", r->note);
    }
  return g_string_free (text, FALSE);
}

static gboolean
has_who (FitaDoc *doc, FitaItem *item)
{
  return fita_plan_list (doc->plan, FITA_TABLE_RESPONSIBILITY, item->rec.id)->len > 0;
}

static gboolean
has_other_services (FitaItem *item)
{
  return item->other_services != NULL && *item->other_services != '\0';
}

/* Tables whose columns depend on the plan: the columns are chosen first,
 * then each row gives a cell for every possible column. */
typedef struct {
  FitaDocColumn columns[8];
  int index[8];            /* column of each possible cell, -1: left out */
  guint n;
} Columns;

static void
columns_add (Columns *columns, guint cell, gboolean shown, const char *title, double weight, FitaDocAlign align)
{
  columns->index[cell] = shown ? (int) columns->n : -1;
  if (shown)
    columns->columns[columns->n++] = (FitaDocColumn) { title, weight, align };
}

/* Takes the cells (one for every possible column) and adds those shown. */
static void
columns_add_row (Columns *columns, FitaDocTable *table, guint flags, char **cells, guint n_cells)
{
  char **row = g_new0 (char *, columns->n + 1);

  for (guint i = 0; i < n_cells; i++)
    {
      if (columns->index[i] >= 0)
        row[columns->index[i]] = cells[i] ? cells[i] : g_strdup ("");
      else
        g_free (cells[i]);
    }
  fita_doc_table_take_row (table, flags, row);
}

/* Reports: the programme sheet */

static void
budget_table (FitaDoc *doc, FitaItem *scope, gboolean executed_only)
{
  g_autoptr(FitaBudgetTable) t = fita_budget_table_new (doc->plan, scope);
  GPtrArray *chapters = fita_plan_list (doc->plan, FITA_TABLE_CHAPTER, 0);
  guint n = chapters->len + 2;
  g_autofree FitaDocColumn *columns = g_new0 (FitaDocColumn, n);
  g_autoptr(FitaDocTable) table = NULL;
  g_autofree char *years = years_text (doc, t->first_year, t->last_year);

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
            cells[c + 1] = amount != FITA_NONE ? money (doc, amount) : g_strdup ("");
          }
        cells[n - 1] = money (doc, kind ? sum.executed : sum.planned);
        fita_doc_table_take_row (table, flags, cells);
      }
  if (table->rows->len > 0)
    fita_doc_table (doc, table);
  else
    fita_doc_paragraph (doc, T_ (doc->tr, "No budget amounts have been recorded yet."), doc->body, FITA_DOC_DIM, 0);

  {
    g_autofree char *executed = money (doc, t->total.executed);
    g_autofree char *planned = money (doc, t->total.planned);
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
  static FitaDocColumn columns[] = {
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
                     year_text (value->year), g_strdup (note ? note : ""));
        }
    }
  if (table->rows->len > 0)
    fita_doc_table (doc, table);
}

static void
followup_fields (FitaDoc *doc, FitaFollowup *f)
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
  g_autofree char *who = who_text (doc, item, "\n");

  if (!has_other_services (item))
    return g_steal_pointer (&who);
  return *who ? g_strdup_printf ("%s\n%s", who, item->other_services) : g_strdup (item->other_services);
}

/* The items below a programme, as seed 000 lists its "actuacions". */
/* The figures a council publishes first, for the plan (scope NULL) or one
 * item: progress by the plan's rule, the budget with its execution rate,
 * and how many items are in each status. */
static void
headline_figures (FitaDoc *doc, FitaItem *scope)
{
  g_autofree char *progress = progress_of (doc, scope);
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
  planned = money (doc, sum.planned);
  executed = money (doc, sum.executed);
  rate = fita_percent_format_bp (fita_rate_bp (sum.executed, sum.planned), doc->lang);
  {
    const char *labels[6] = { T_ (doc->tr, "Progress"), T_ (doc->tr, "Planned budget"),
                              T_ (doc->tr, "Executed budget"), T_ (doc->tr, "Execution rate") };
    const char *values[6] = { progress, planned, executed, rate };
    guint n = 4;
    /* a total that holds more than its years: show both parts, so it reconciles */
    if (envelope.not_in_years != FITA_NONE && envelope.not_in_years != 0)
      {
        in_years = money (doc, envelope.in_years);
        not_in_years = money (doc, envelope.not_in_years);
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
      static FitaDocColumn columns[] = { { NULL, 3.0, FITA_DOC_ALIGN_LEFT }, { NULL, 1.0, FITA_DOC_ALIGN_RIGHT },
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
  static FitaDocColumn columns[] = {
    { NULL, 2.8, FITA_DOC_ALIGN_LEFT }, { NULL, 1.4, FITA_DOC_ALIGN_LEFT }, { NULL, 0.85, FITA_DOC_ALIGN_CENTER },
    { NULL, 0.85, FITA_DOC_ALIGN_CENTER }, { NULL, 1.9, FITA_DOC_ALIGN_LEFT },
  };
  g_autoptr(FitaDocTable) table = NULL;
  g_autofree char *rule = fita_plan_describe_progress_rule_in (doc->plan, doc->tr);
  g_autofree char *how = NULL;
  /* the level of the items below, as the plan names it ("Actuacions") */
  const char *below = level_name (doc, g_ptr_array_index (children, 0));
  gboolean who = FALSE;

  for (guint i = 0; i < children->len; i++)
    who = who || has_who (doc, g_ptr_array_index (children, i));
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
      fita_doc_table_add (table, 0, item_label (child), status_with_percent (doc, child), year_text (child->start_year),
                          year_text (child->end_year), involved_text (doc, child));
    }
  fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (T_ (doc->tr, "Progress")),
                      progress_of (doc, item), NULL, NULL, NULL);
  fita_doc_table (doc, table);
  /* Translators: how the progress of a parent was computed */
  how = g_strdup_printf (T_ (doc->tr, "Progress: %s"), rule);
  fita_doc_paragraph (doc, how, doc->small, FITA_DOC_DIM, 0);
}

static void
report_sheet (FitaDoc *doc, FitaItem *item, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *children = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id);
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();
  g_autofree char *title = item_label (item);
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
      g_autofree char *line = g_strdup_printf ("%s: %s%s%s", level_name (doc, up) ? level_name (doc, up) : T_ (doc->tr, "Item"),
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
  headline_figures (doc, item);

  fita_doc_heading (doc, 2, T_ (doc->tr, "Execution"));
  if (children->len > 0)
    execution_table (doc, item, children);
  else
    {
      /* a leaf: its own status, years and who, as its parent's sheet lists them */
      g_autofree char *status = status_with_percent (doc, item);
      g_autofree char *years = years_text (doc, item->start_year, item->end_year);
      g_autofree char *who = who_text (doc, item, "\n");
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
  budget_table (doc, item, TRUE);

  indicator_table (doc, item, FITA_INDICATOR_RESULT);
  indicator_table (doc, item, FITA_INDICATOR_IMPACT);

  if (followup != NULL)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Evaluation"));
      followup_fields (doc, followup);
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

/* Reports: the annual report */

static void
draw_chart_picture (cairo_t *cr, double width, double height, gpointer data)
{
  fita_chart_draw (data, cr, width, height);
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
      if (has_who (doc, item))
        {
          g_autofree char *who = who_text (doc, item, "; ");
          g_string_append_c (label, '\n');
          for (guint d = 0; d < depth; d++)
            g_string_append (label, "\u2003");
          g_string_append_printf (label, "%s: %s", T_ (doc->tr, "Who"), who);
        }
      if (has_other_services (item))
        {
          g_string_append_c (label, '\n');
          for (guint d = 0; d < depth; d++)
            g_string_append (label, "\u2003");
          g_string_append_printf (label, "%s: %s", T_ (doc->tr, "Other agents or services involved"), item->other_services);
        }
      fita_doc_table_add (table, parent_item && depth == 0 ? FITA_DOC_ROW_BOLD : 0, g_string_free (label, FALSE),
                          g_strdup (level_name (doc, item)), g_strdup (status_name (doc, item)),
                          progress_of (doc, item));
      tree_rows (doc, table, item->rec.id, depth + 1);
      if (fita_doc_cancelled (doc))
        return;
    }
}

/* Every indicator of the plan in one table, with the item it measures. */
static void
all_indicators (FitaDoc *doc)
{
  static FitaDocColumn columns[] = { { NULL, 1.0, FITA_DOC_ALIGN_LEFT }, { NULL, 2.6, FITA_DOC_ALIGN_LEFT }, { NULL, 1.1, FITA_DOC_ALIGN_LEFT },
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
                         g_strdup (v == 0 ? kind : ""), g_strdup (value->value), year_text (value->year),
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

static void
report_annual (FitaDoc *doc, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *roots = fita_plan_list (doc->plan, FITA_TABLE_ITEM, 0);
  g_autofree char *title = g_strdup_printf (T_ (doc->tr, "Follow-up report %d"), (int) year);
  g_autofree char *period = period_text (doc);
  g_autofree char *date = info->report_date ? date_in_words (doc, info->report_date) : today_text (doc);
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
      headline_figures (doc, NULL);
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
      static FitaDocColumn columns[] = { { NULL, 0.8, FITA_DOC_ALIGN_LEFT }, { NULL, 3.4, FITA_DOC_ALIGN_LEFT }, { NULL, 1.1, FITA_DOC_ALIGN_RIGHT },
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
                     progress_of (doc, root), money (doc, sum.executed));
        }
      {
        FitaBudgetSum sum;
        fita_plan_budget_sum (doc->plan, NULL, FITA_NONE, 0, &sum);
        fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (""), g_strdup (T_ (doc->tr, "Total")), fita_number_format (total, doc->lang),
                   progress_of (doc, NULL), money (doc, sum.executed));
      }
      fita_doc_table (doc, table);
    }

  fita_doc_heading (doc, 1, T_ (doc->tr, "Follow-up of the plan"));
  if (plan_followup != NULL)
    {
      fita_doc_paragraph (doc, plan_followup->execution, doc->body, FITA_DOC_INK, 0);
      followup_fields (doc, plan_followup);
    }
  for (guint i = 0; i < roots->len; i++)
    {
      FitaItem *root = g_ptr_array_index (roots, i);
      FitaFollowup *f = fita_plan_find_followup (doc->plan, root->rec.id, year);
      g_autofree char *label = item_label (root);
      if (f == NULL)
        continue;
      fita_doc_heading (doc, 2, label);
      fita_doc_paragraph (doc, f->execution, doc->body, FITA_DOC_INK, 0);
      followup_fields (doc, f);
    }

  if (roots->len > 0)
    {
      static FitaDocColumn columns[] = { { NULL, 5.0, FITA_DOC_ALIGN_LEFT }, { NULL, 1.4, FITA_DOC_ALIGN_LEFT },
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
      budget_table (doc, NULL, FALSE);
      if (fita_chart_has_data (bars))
        fita_doc_picture (doc, 230, draw_chart_picture, bars);
      if (fita_chart_has_data (chapters))
        fita_doc_picture (doc, 200, draw_chart_picture, chapters);
    }

  if (fita_plan_count (doc->plan, FITA_TABLE_INDICATOR) > 0)
    {
      fita_doc_heading (doc, 1, T_ (doc->tr, "Indicators"));
      all_indicators (doc);
    }
}

/* Reports: the work plan, with the semester grid of the timeline */

typedef struct {
  FitaTimeline *timeline;
  double y;
  double height;
  double scale;
} TimelinePage;

static void
draw_timeline_page (cairo_t *cr, double width, double height, gpointer data)
{
  TimelinePage *page = data;
  double canvas_width;

  fita_timeline_get_size (page->timeline, &canvas_width, NULL);
  cairo_scale (cr, page->scale, page->scale);
  fita_timeline_draw (page->timeline, cr, 0, page->y, canvas_width, page->height,
                      FITA_TIMELINE_STICKY_HEADER);
}

static void
report_workplan (FitaDoc *doc, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (doc->plan, doc->tr);
  g_autofree char *period = period_text (doc);
  g_autofree char *title = *period ? g_strdup_printf ("%s %s", T_ (doc->tr, "Work plan"), period)
                                   : g_strdup (T_ (doc->tr, "Work plan"));
  double canvas_width, canvas_height, header, row, scale, usable;
  guint n_rows, per_page;

  fita_timeline_set_show_who (timeline, TRUE);
  fita_timeline_set_label_width (timeline, 330);
  fita_timeline_set_font (timeline, "Sans 8");
  fita_timeline_get_size (timeline, &canvas_width, &canvas_height);
  header = fita_timeline_get_header_height (timeline);
  row = fita_timeline_get_row_height (timeline);
  n_rows = fita_timeline_get_n_rows (timeline);
  scale = MIN (1.0, (doc->right - doc->left) / canvas_width);

  fita_doc_paragraph (doc, info->title, doc->bold, FITA_DOC_DIM, 0);
  fita_doc_heading (doc, 1, title);
  fita_doc_paragraph (doc, info->description, doc->small, FITA_DOC_DIM, 0);
  if (fita_plan_count (doc->plan, FITA_TABLE_ITEM) > 0)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Figures"));
      headline_figures (doc, NULL);
    }

  /* the actions in full, with who does them, as the work plan lists them */
  {
    enum { CODE, ITEM, WHO, OTHER, N_CELLS };
    Columns columns = { 0 };
    g_autoptr(FitaDocTable) table = NULL;
    g_autoptr(GPtrArray) items = fita_plan_items_preorder (doc->plan, NULL);
    gboolean other = FALSE;
    for (guint i = 0; i < items->len; i++)
      other = other || has_other_services (g_ptr_array_index (items, i));
    columns_add (&columns, CODE, TRUE, T_ (doc->tr, "Code"), 0.9, FITA_DOC_ALIGN_LEFT);
    columns_add (&columns, ITEM, TRUE, T_ (doc->tr, "Item"), 5.0, FITA_DOC_ALIGN_LEFT);
    /* Translators: the "who" column of a work plan ("QUI?" in Catalan plans) */
    columns_add (&columns, WHO, TRUE, T_ (doc->tr, "Who"), 2.8, FITA_DOC_ALIGN_LEFT);
    columns_add (&columns, OTHER, other, T_ (doc->tr, "Other agents or services involved"), 2.8, FITA_DOC_ALIGN_LEFT);
    table = fita_doc_table_new (columns.columns, columns.n, TRUE);
    for (guint i = 0; i < items->len; i++)
      {
        FitaItem *item = g_ptr_array_index (items, i);
        gboolean parent = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0;
        char *cells[N_CELLS] = { g_strdup (item->code), g_strdup (item->title), who_text (doc, item, "\n"),
                                 g_strdup (item->other_services) };
        columns_add_row (&columns, table, parent ? FITA_DOC_ROW_BOLD : 0, cells, N_CELLS);
      }
    fita_doc_table (doc, table);
  }
  fita_doc_heading (doc, 2, T_ (doc->tr, "Calendar"));

  /* page by page: as many rows as fit, the grid's header repeated on each */
  for (guint first = 0; first < n_rows && !fita_doc_cancelled (doc); first += per_page)
    {
      TimelinePage page;
      /* the heading "Calendar" goes with the grid's heading and first rows */
      fita_doc_keep (doc, (header + row * 3) * scale);
      usable = (doc->bottom - doc->y) / scale - header;
      per_page = MAX (1, (guint) floor (usable / row));
      per_page = MIN (per_page, n_rows - first);
      page.timeline = timeline;
      page.y = first * row;
      page.height = header + per_page * row;
      page.scale = scale;
      fita_doc_picture (doc, page.height * scale, draw_timeline_page, &page);
      if (first + per_page < n_rows)
        fita_doc_new_page (doc);
    }
  (void) year;
}

/* Reports: participation */

static void
report_participation (FitaDoc *doc)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *processes = fita_plan_list (doc->plan, FITA_TABLE_PROCESS, 0);

  fita_doc_paragraph (doc, info->title, doc->bold, FITA_DOC_DIM, 0);
  fita_doc_heading (doc, 1, T_ (doc->tr, "Participation"));
  if (fita_plan_count (doc->plan, FITA_TABLE_ITEM) > 0)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Figures"));
      headline_figures (doc, NULL);
    }
  if (processes->len == 0)
    fita_doc_paragraph (doc, T_ (doc->tr, "The plan has no participatory processes."), doc->body, FITA_DOC_DIM, 0);

  for (guint i = 0; i < processes->len; i++)
    {
      FitaProcess *process = g_ptr_array_index (processes, i);
      FitaStatus *state = process->state_id ? fita_plan_lookup (doc->plan, FITA_TABLE_STATUS, process->state_id) : NULL;
      GPtrArray *phases = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_PHASE, process->rec.id);
      GPtrArray *dimensions = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id);
      GPtrArray *counts = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_COUNT, process->rec.id);
      GPtrArray *actors = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id);
      g_autofree char *start = date_in_words (doc, process->start_date);
      g_autofree char *end = date_in_words (doc, process->end_date);
      g_autofree char *state_text = state ? (state->description ? g_strdup_printf ("%s — %s", state->name, state->description)
                                                                : g_strdup (state->name)) : NULL;

      fita_doc_heading (doc, 2, process->name);
      fita_doc_paragraph (doc, process->description, doc->body, FITA_DOC_INK, 0);
      {
        const char *labels[] = { T_ (doc->tr, "Problem it addresses"), T_ (doc->tr, "Objectives"),
                                 T_ (doc->tr, "Start"), T_ (doc->tr, "End"), T_ (doc->tr, "State"), T_ (doc->tr, "Budget") };
        const char *values[] = { process->problem, process->objectives, start, end, state_text, process->budget_note };
        fita_doc_fields (doc, labels, values, G_N_ELEMENTS (labels));
      }
      if (dimensions->len > 0)
        {
          static FitaDocColumn columns[] = { { NULL, 2.0, FITA_DOC_ALIGN_LEFT }, { NULL, 1.2, FITA_DOC_ALIGN_RIGHT }, { NULL, 1.4, FITA_DOC_ALIGN_RIGHT },
                                      { NULL, 1.5, FITA_DOC_ALIGN_RIGHT }, { NULL, 1.3, FITA_DOC_ALIGN_RIGHT } };
          g_autoptr(FitaDocTable) table = NULL;
          FitaParticipation total;
          columns[0].title = T_ (doc->tr, "Dimension");
          columns[1].title = T_ (doc->tr, "Sessions");
          columns[2].title = T_ (doc->tr, "Participants");
          columns[3].title = T_ (doc->tr, "Contributions");
          columns[4].title = T_ (doc->tr, "Proposals");
          table = fita_doc_table_new (columns, 5, TRUE);
          for (guint d = 0; d < dimensions->len; d++)
            {
              FitaProcessDimension *dim = g_ptr_array_index (dimensions, d);
              fita_doc_table_add (table, 0, g_strdup (dim->name), fita_number_format (dim->sessions, doc->lang),
                         fita_number_format (dim->participants, doc->lang), fita_number_format (dim->contributions, doc->lang),
                         fita_number_format (dim->proposals, doc->lang));
            }
          fita_plan_participation (doc->plan, process, &total);
          fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (T_ (doc->tr, "Total")), fita_number_format (total.sessions, doc->lang),
                     fita_number_format (total.participants, doc->lang), fita_number_format (total.contributions, doc->lang),
                     fita_number_format (total.proposals, doc->lang));
          fita_doc_heading (doc, 3, T_ (doc->tr, "Participation by dimension"));
          fita_doc_table (doc, table);
        }
      if (counts->len > 0)
        {
          /* what each figure counts heads its row and its column */
          static FitaDocColumn columns[] = { { NULL, 3, FITA_DOC_ALIGN_LEFT }, { NULL, 1, FITA_DOC_ALIGN_RIGHT }, { NULL, 2.4, FITA_DOC_ALIGN_LEFT } };
          g_autoptr(FitaDocTable) table = NULL;
          columns[0].title = T_ (doc->tr, "What was counted");
          columns[1].title = T_ (doc->tr, "Count");
          columns[2].title = T_ (doc->tr, "Unit");
          table = fita_doc_table_new (columns, 3, TRUE);
          fita_doc_heading (doc, 3, T_ (doc->tr, "Prioritisation counts"));
          for (guint c = 0; c < counts->len; c++)
            {
              FitaProcessCount *count = g_ptr_array_index (counts, c);
              fita_doc_table_add (table, 0, g_strdup (count->label), fita_number_format (count->count, doc->lang), g_strdup (count->unit));
            }
          fita_doc_table (doc, table);
        }
      if (phases->len > 0)
        {
          fita_doc_heading (doc, 3, T_ (doc->tr, "Phases"));
          for (guint p = 0; p < phases->len; p++)
            {
              FitaProcessPhase *phase = g_ptr_array_index (phases, p);
              g_autofree char *line = g_strdup_printf ("%u. %s", p + 1, phase->name);
              g_autofree char *dates = dates_text (doc, phase->start_date, phase->end_date);
              fita_doc_paragraph (doc, line, doc->bold, FITA_DOC_INK, 0);
              fita_doc_paragraph (doc, dates, doc->body, FITA_DOC_DIM, 14);
              fita_doc_paragraph (doc, phase->description, doc->body, FITA_DOC_INK, 14);
            }
        }
      if (actors->len > 0)
        {
          fita_doc_heading (doc, 3, T_ (doc->tr, "Key actors"));
          for (guint a = 0; a < actors->len; a++)
            {
              FitaProcessActor *actor = g_ptr_array_index (actors, a);
              FitaAgent *agent = fita_plan_lookup (doc->plan, FITA_TABLE_AGENT, actor->agent_id);
              g_autofree char *line = agent ? g_strdup_printf ("• %s", agent->name) : NULL;
              if (line)
                fita_doc_paragraph (doc, line, doc->body, FITA_DOC_INK, 12);
            }
        }
    }
}

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
  g_autofree char *label = item ? item_label (item) : NULL;

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
      report_sheet (doc, item, year);
      break;
    case FITA_REPORT_ANNUAL:
      report_annual (doc, year);
      break;
    case FITA_REPORT_WORKPLAN:
      report_workplan (doc, year);
      break;
    case FITA_REPORT_PARTICIPATION:
    case FITA_N_REPORTS:
    default:
      report_participation (doc);
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
