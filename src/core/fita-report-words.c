/* fita-report-words.c: the words and figures every report uses (money, dates,
 * progress, who does what) and tables whose columns depend on the plan. */
#include "config.h"
#include "fita-report.h"
#include "fita-report-private.h"
#include "fita-years.h"
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


/* Words and figures */

char *
fita_report_money (FitaDoc *doc, gint64 cents)
{
  return fita_money_format (cents, doc->lang);
}

/* An item's progress (NULL: the plan's) with the plan's decimals; "—" when
 * it is not known. */
char *
fita_report_progress_of (FitaDoc *doc, FitaItem *item)
{
  return fita_plan_format_progress (doc->plan, item, doc->lang);
}

char *
fita_report_year_text (gint64 year)
{
  return year != FITA_NONE ? g_strdup_printf ("%d", (int) year) : g_strdup ("");
}

const char *
fita_report_status_name (FitaDoc *doc, FitaItem *item)
{
  FitaStatus *status = item->status_id ? fita_plan_lookup (doc->plan, FITA_TABLE_STATUS, item->status_id) : NULL;

  return status ? status->name : NULL;
}

const char *
fita_report_level_name (FitaDoc *doc, FitaItem *item)
{
  FitaLevel *level = item->level_id ? fita_plan_lookup (doc->plan, FITA_TABLE_LEVEL, item->level_id) : NULL;

  return level ? level->name : NULL;
}

/* "En curs (30 %)", as the seeds write a status with its percent. */
char *
fita_report_status_with_percent (FitaDoc *doc, FitaItem *item)
{
  const char *status = fita_report_status_name (doc, item);
  gboolean known = fita_plan_progress_bp (doc->plan, item) != FITA_NONE;
  g_autofree char *p = fita_report_progress_of (doc, item);

  if (status != NULL && known)
    return g_strdup_printf ("%s (%s)", status, p);
  if (status != NULL)
    return g_strdup (status);
  return known ? g_steal_pointer (&p) : g_strdup ("");
}

char *
fita_report_item_label (FitaItem *item)
{
  if (item->code != NULL)
    return g_strdup_printf ("%s %s", item->code, item->title ? item->title : "");
  return g_strdup (item->title ? item->title : "");
}

/* "juny de 2024", "23 de novembre de 2026": the plan's own dates in words. */
char *
fita_report_date_in_words (FitaDoc *doc, const char *date)
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

char *
fita_report_today_text (FitaDoc *doc)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = fita_plan_get_view_year (doc->plan) != 0 ? fita_plan_get_document_time (doc->plan)
                             : epoch ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                             : g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

  return fita_report_date_in_words (doc, iso);
}

char *
fita_report_years_text (FitaDoc *doc, gint64 start, gint64 end)
{
  char *years = fita_format_years (start, end, doc->tr);

  return years ? years : g_strdup ("");
}

char *
fita_report_period_text (FitaDoc *doc)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);

  return fita_report_years_text (doc, info->period_start, info->period_end);
}

/* "gener de 2016 – juny de 2016", "2016", "From March 2016": the dates a
 * phase or a process runs between, in words. */
char *
fita_report_dates_text (FitaDoc *doc, const char *start, const char *end)
{
  g_autofree char *from = start && *start ? fita_report_date_in_words (doc, start) : NULL;
  g_autofree char *to = end && *end ? fita_report_date_in_words (doc, end) : NULL;

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
char *
fita_report_who_text (FitaDoc *doc, FitaItem *item, const char *separator)
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

gboolean
fita_report_has_who (FitaDoc *doc, FitaItem *item)
{
  return fita_plan_list (doc->plan, FITA_TABLE_RESPONSIBILITY, item->rec.id)->len > 0;
}

gboolean
fita_report_has_other_services (FitaItem *item)
{
  return item->other_services != NULL && *item->other_services != '\0';
}

void
fita_report_columns_add (FitaReportColumns *columns, guint cell, gboolean shown, const char *title, double weight, FitaDocAlign align)
{
  columns->index[cell] = shown ? (int) columns->n : -1;
  if (shown)
    columns->columns[columns->n++] = (FitaDocColumn) { title, weight, align };
}

/* Takes the cells (one for every possible column) and adds those shown. */
void
fita_report_columns_add_row (FitaReportColumns *columns, FitaDocTable *table, guint flags, char **cells, guint n_cells)
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

/* Alternative text of the pictures, in the report's language: what each
 * shows and its main figures, in words the reports already use. */

static gint64
known (gint64 amount)
{
  return amount == FITA_NONE ? 0 : amount;
}

char *
fita_report_chart_alt (FitaDoc *doc, FitaChart *chart, FitaChartKind kind, FitaItem *scope)
{
  GString *alt = g_string_new (fita_chart_get_title (chart));

  if (kind == FITA_CHART_CHAPTERS)
    {
      g_autoptr(FitaBudgetTable) table = fita_budget_table_new (doc->plan, scope);
      GPtrArray *chapters = fita_plan_list (doc->plan, FITA_TABLE_CHAPTER, 0);
      gint64 all = 0;
      const char *separator = ": ";

      for (guint c = 0; c < table->n_chapters; c++)
        all += known (fita_budget_table_chapter (table, c).executed);
      for (guint c = 0; c < table->n_chapters; c++)
        {
          gint64 executed = known (fita_budget_table_chapter (table, c).executed);
          const char *name = c < chapters->len ? ((FitaChapter *) g_ptr_array_index (chapters, c))->name
                                               : T_ (doc->tr, "No chapter");
          g_autofree char *amount = NULL;
          g_autofree char *share = NULL;

          if (executed == 0)
            continue;
          amount = fita_report_money (doc, executed);
          share = fita_percent_format_bp (fita_rate_bp (executed, all), doc->lang);
          g_string_append_printf (alt, "%s%s %s (%s)", separator, name, amount, share);
          separator = "; ";
        }
    }
  else
    {
      FitaBudgetSum sum;
      g_autofree char *planned = NULL;
      g_autofree char *executed = NULL;
      g_autofree char *rate = NULL;

      fita_plan_budget_sum (doc->plan, scope, FITA_NONE, 0, &sum);
      planned = fita_report_money (doc, sum.planned);
      executed = fita_report_money (doc, sum.executed);
      rate = fita_percent_format_bp (fita_rate_bp (sum.executed, sum.planned), doc->lang);
      g_string_append_printf (alt, ". %s: %s; %s: %s; %s: %s", T_ (doc->tr, "Executed budget"), executed,
                              T_ (doc->tr, "Planned budget"), planned, T_ (doc->tr, "Execution rate"), rate);
    }
  g_string_append_c (alt, '.');
  return g_string_free (alt, FALSE);
}

char *
fita_report_timeline_alt (FitaDoc *doc, FitaTimeline *timeline, guint first, guint n)
{
  g_autofree char *period = fita_report_period_text (doc);
  GString *alt = g_string_new (T_ (doc->tr, "Calendar"));
  const char *separator = ": ";

  if (*period != '\0')
    g_string_append_printf (alt, " %s", period);
  for (guint r = first; r < first + n && r < fita_timeline_get_n_rows (timeline); r++)
    {
      g_autofree char *label = fita_report_item_label (fita_timeline_get_row (timeline, r));
      g_string_append_printf (alt, "%s%s", separator, label);
      separator = "; ";
    }
  g_string_append_c (alt, '.');
  return g_string_free (alt, FALSE);
}

void
fita_report_chart_table (FitaDoc *doc, FitaChart *chart, gboolean last_is_total)
{
  g_autoptr(GPtrArray) rows = fita_chart_get_table (chart);
  char **headings;
  guint n;
  g_autofree FitaDocColumn *columns = NULL;
  g_autoptr(FitaDocTable) table = NULL;

  if (rows->len < 2)
    return;
  headings = g_ptr_array_index (rows, 0);
  n = g_strv_length (headings);
  if (n == 0 || n > 16)
    return;
  columns = g_new0 (FitaDocColumn, n);
  for (guint c = 0; c < n; c++)
    {
      columns[c].title = headings[c];
      /* the label (a year, an item, a chapter) on the left, figures on the right */
      columns[c].weight = c == 0 ? 2.0 : 1.0;
      columns[c].align = c == 0 ? FITA_DOC_ALIGN_LEFT : FITA_DOC_ALIGN_RIGHT;
    }
  table = fita_doc_table_new (columns, n, TRUE);
  table->small = TRUE;
  for (guint r = 1; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      char **row = g_new0 (char *, n + 1);
      for (guint c = 0; c < n && cells[c] != NULL; c++)
        row[c] = g_strdup (cells[c]);
      for (guint c = 0; c < n; c++)
        if (row[c] == NULL)
          row[c] = g_strdup ("");
      fita_doc_table_take_row (table, last_is_total && r == rows->len - 1 ? FITA_DOC_ROW_TOTAL : 0, row);
    }
  fita_doc_table (doc, table);
}

/* "2018 1r semestre" */
static char *
semester_text (FitaDoc *doc, int year, int half)
{
  return g_strdup_printf ("%d %s", year, fita_timeline_semester_name (doc->tr, half));
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return x < y ? -1 : x > y;
}

/* The dates or years an item's own bar spans; NULL if none. */
static char *
own_when_text (FitaDoc *doc, FitaItem *item)
{
  if ((item->start_date != NULL && *item->start_date != '\0') || (item->end_date != NULL && *item->end_date != '\0'))
    return fita_report_dates_text (doc, item->start_date, item->end_date);
  if (item->start_year != FITA_NONE || item->end_year != FITA_NONE)
    return fita_report_years_text (doc, item->start_year != FITA_NONE ? item->start_year : item->end_year,
                                   item->end_year != FITA_NONE ? item->end_year : item->start_year);
  return NULL;
}

char *
fita_report_when_text (FitaDoc *doc, FitaTimeline *timeline, FitaItem *item)
{
  GString *out = g_string_new (NULL);
  g_autofree char *own = own_when_text (doc, item);
  double start, end;
  gboolean milestone;

  if (item->semesters != NULL && *item->semesters != '\0')
    {
      /* the ticked cells, runs of consecutive semesters as one span */
      g_auto(GStrv) words = g_strsplit (item->semesters, " ", -1);
      g_autoptr(GArray) halves = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint i = 0; words[i] != NULL; i++)
        {
          int year, half, index;
          if (sscanf (words[i], "%d-%d", &year, &half) != 2 || half < 1 || half > 2)
            continue;
          index = year * 2 + half - 1;
          g_array_append_val (halves, index);
        }
      g_array_sort (halves, compare_ints);
      for (guint i = 0; i < halves->len;)
        {
          int first = g_array_index (halves, int, i), last = first;
          g_autofree char *from = NULL;
          while (++i < halves->len && g_array_index (halves, int, i) <= last + 1)
            last = g_array_index (halves, int, i);
          from = semester_text (doc, first / 2, first % 2 + 1);
          if (out->len > 0)
            g_string_append (out, ", ");
          if (last == first)
            g_string_append (out, from);
          else
            {
              g_autofree char *to = semester_text (doc, last / 2, last % 2 + 1);
              /* Translators: a span of time, "2018 1st semester to 2019 1st semester" */
              g_string_append_printf (out, T_ (doc->tr, "%s to %s"), from, to);
            }
        }
    }
  /* the grid draws an item's own bar besides its ticked semesters */
  if (own != NULL && *own != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", own);
  /* a parent with nothing of its own: the span of what is below it, in years */
  if (out->len == 0 && fita_timeline_item_span (timeline, item, &start, &end, &milestone))
    {
      g_autofree char *years = fita_report_years_text (doc, (gint64) floor (start), (gint64) ceil (end) - 1);
      g_string_append (out, years);
    }
  return g_string_free (out, FALSE);
}
