/* Exports headed in Catalan, Spanish and English that import back as
 * they were: a table of the test's own, and Fita's XLSX, ODS and CSV. */
#include "fita-export.h"
#include "fita-i18n.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-test-import.h"
#include "fita-test-util.h"

#include <string.h>

/* Exports headed in Catalan, Spanish or English import back */

static const char *
role_word (FitaRole role, const char *lang)
{
  static const char * const words[][4] = {
    { "defineix", "executa", "dona suport", "altre" },
    { "define", "ejecuta", "apoya", "otro" },
    { "defines", "executes", "supports", "other" },
  };

  return words[g_str_equal (lang, "ca") ? 0 : g_str_equal (lang, "es") ? 1 : 2][role];
}

static void
add_cell (GString *out, int column, const char *text)
{
  if (column > 0)
    g_string_append_c (out, ';');
  if (text != NULL && strpbrk (text, ";\"\n") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", escaped);
    }
  else if (text != NULL)
    g_string_append (out, text);
}

/* A plan as a table, one column of each kind headed as an export heads
 * it: a row for the plan, one for each item, one more for each budget line
 * and indicator value. A test's small exporter, not Fita's. */
static char *
plan_to_table (FitaPlan *plan, const char *lang)
{
  g_autoptr(FitaTranslator) translator = fita_translator_new (lang);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  FitaPlanInfo *info = fita_plan_get_info (plan);
  GString *out = g_string_new (NULL);
  g_autofree char *period_start = g_strdup_printf ("%d", (int) info->period_start);
  g_autofree char *period_end = g_strdup_printf ("%d", (int) info->period_end);
  char *row[FITA_N_COLUMNS];

  for (int c = 0; c < FITA_N_COLUMNS; c++)
    add_cell (out, c, fita_column_header (c, translator));
  g_string_append_c (out, '\n');

#define ROW(...) G_STMT_START { \
    memset (row, 0, sizeof row); \
    __VA_ARGS__; \
    for (int c = 0; c < FITA_N_COLUMNS; c++) \
      add_cell (out, c, row[c]); \
    g_string_append_c (out, '\n'); \
  } G_STMT_END

  ROW (row[FITA_COLUMN_LEVEL] = g_str_equal (lang, "ca") ? "Pla" : "Plan";
       row[FITA_COLUMN_TITLE] = info->title;
       row[FITA_COLUMN_START] = info->period_start != FITA_NONE ? period_start : NULL;
       row[FITA_COLUMN_END] = info->period_end != FITA_NONE ? period_end : NULL);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *it = g_ptr_array_index (items, i);
      GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, it->rec.id);
      GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, it->rec.id);
      GPtrArray *indicators = fita_plan_list (plan, FITA_TABLE_INDICATOR, it->rec.id);
      g_autoptr(GString) agents = g_string_new (NULL);
      g_autofree char *progress = fita_percent_format_hundredths (it->progress_bp, -1, lang);
      g_autofree char *start = it->start_year != FITA_NONE ? g_strdup_printf ("%d", (int) it->start_year) : g_strdup (it->start_date);
      g_autofree char *end = it->end_year != FITA_NONE ? g_strdup_printf ("%d", (int) it->end_year) : g_strdup (it->end_date);
      g_autofree char *weight = g_strdup_printf ("%d", (int) it->weight);
      g_autofree char *total = fita_money_format (it->planned_total_cents, lang);

      for (guint w = 0; w < who->len; w++)
        {
          FitaResponsibility *r = g_ptr_array_index (who, w);
          g_string_append_printf (agents, "%s%s (%s%s%s)", w > 0 ? "; " : "", name_of (plan, FITA_TABLE_AGENT, r->agent_id),
                                  role_word (r->role, lang), r->note != NULL ? ": " : "", r->note != NULL ? r->note : "");
        }
      ROW (row[FITA_COLUMN_CODE] = it->code;
           row[FITA_COLUMN_PARENT_CODE] = (char *) parent_code (plan, it);
           row[FITA_COLUMN_LEVEL] = (char *) name_of (plan, FITA_TABLE_LEVEL, it->level_id);
           row[FITA_COLUMN_TITLE] = it->title;
           row[FITA_COLUMN_DESCRIPTION] = it->description;
           row[FITA_COLUMN_STATUS] = (char *) name_of (plan, FITA_TABLE_STATUS, it->status_id);
           row[FITA_COLUMN_PROGRESS] = it->progress_bp != FITA_NONE ? progress : NULL;
           row[FITA_COLUMN_START] = start;
           row[FITA_COLUMN_END] = end;
           row[FITA_COLUMN_SEMESTERS] = it->semesters;
           row[FITA_COLUMN_WHO] = agents->str;
           row[FITA_COLUMN_OTHER_SERVICES] = it->other_services;
           row[FITA_COLUMN_WEIGHT] = weight;
           row[FITA_COLUMN_PLANNED_TOTAL] = it->planned_total_cents != FITA_NONE ? total : NULL);
      for (guint b = 0; b < lines->len; b++)
        {
          FitaBudgetLine *line = g_ptr_array_index (lines, b);
          g_autofree char *year = g_strdup_printf ("%d", (int) line->year);
          g_autofree char *planned = line->planned_cents != FITA_NONE ? fita_money_format (line->planned_cents, lang) : NULL;
          g_autofree char *executed = line->executed_cents != FITA_NONE ? fita_money_format (line->executed_cents, lang) : NULL;
          ROW (row[FITA_COLUMN_CODE] = it->code;
               row[FITA_COLUMN_YEAR] = year;
               row[FITA_COLUMN_CHAPTER] = (char *) name_of (plan, FITA_TABLE_CHAPTER, line->chapter_id);
               row[FITA_COLUMN_PLANNED] = planned;
               row[FITA_COLUMN_EXECUTED] = executed);
        }
      for (guint n = 0; n < indicators->len; n++)
        {
          FitaIndicator *indicator = g_ptr_array_index (indicators, n);
          GPtrArray *values = fita_plan_list (plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
          if (indicator->pending)
            ROW (row[FITA_COLUMN_CODE] = it->code;
                 row[FITA_COLUMN_INDICATOR] = indicator->name;
                 row[FITA_COLUMN_INDICATOR_VALUE] = g_str_equal (lang, "en") ? "pending evaluation" : "Pendent d'avaluar");
          for (guint v = 0; v < values->len; v++)
            {
              FitaIndicatorValue *value = g_ptr_array_index (values, v);
              g_autofree char *year = g_strdup_printf ("%d", (int) value->year);
              ROW (row[FITA_COLUMN_CODE] = it->code;
                   row[FITA_COLUMN_INDICATOR] = indicator->name;
                   row[FITA_COLUMN_INDICATOR_VALUE] = value->value;
                   row[FITA_COLUMN_INDICATOR_YEAR] = year);
            }
        }
    }
#undef ROW
  return g_string_free (out, FALSE);
}

static void
assert_same_list (FitaPlan *a, FitaItem *x, FitaPlan *b, FitaItem *y, FitaTableId table)
{
  /* x NULL: the plan's own (follow-ups) */
  GPtrArray *one = fita_plan_list (a, table, x != NULL ? x->rec.id : 0);
  GPtrArray *two = fita_plan_list (b, table, y != NULL ? y->rec.id : 0);

  g_assert_cmpuint (one->len, ==, two->len);
  for (guint i = 0; i < one->len; i++)
    {
      if (table == FITA_TABLE_RESPONSIBILITY)
        {
          FitaResponsibility *r = one->pdata[i], *s = two->pdata[i];
          g_assert_cmpstr (name_of (a, FITA_TABLE_AGENT, r->agent_id), ==, name_of (b, FITA_TABLE_AGENT, s->agent_id));
          g_assert_cmpint (r->role, ==, s->role);
          g_assert_cmpstr (r->note, ==, s->note);
        }
      else if (table == FITA_TABLE_BUDGET_LINE)
        {
          FitaBudgetLine *r = one->pdata[i], *s = two->pdata[i];
          g_assert_cmpint (r->year, ==, s->year);
          g_assert_cmpstr (name_of (a, FITA_TABLE_CHAPTER, r->chapter_id), ==, name_of (b, FITA_TABLE_CHAPTER, s->chapter_id));
          g_assert_cmpint (r->planned_cents, ==, s->planned_cents);
          g_assert_cmpint (r->executed_cents, ==, s->executed_cents);
        }
      else if (table == FITA_TABLE_FOLLOWUP)
        {
          FitaFollowup *r = one->pdata[i], *s = two->pdata[i];
          g_assert_cmpint (r->year, ==, s->year);
          g_assert_cmpstr (r->execution, ==, s->execution);
          g_assert_cmpstr (r->strengths, ==, s->strengths);
          g_assert_cmpstr (r->weaknesses, ==, s->weaknesses);
          g_assert_cmpstr (r->other, ==, s->other);
          g_assert_cmpstr (r->adjustments, ==, s->adjustments);
          g_assert_cmpstr (r->next_steps, ==, s->next_steps);
        }
      else
        {
          FitaIndicator *r = one->pdata[i], *s = two->pdata[i];
          GPtrArray *u = fita_plan_list (a, FITA_TABLE_INDICATOR_VALUE, r->rec.id);
          GPtrArray *v = fita_plan_list (b, FITA_TABLE_INDICATOR_VALUE, s->rec.id);
          g_assert_cmpstr (r->name, ==, s->name);
          g_assert_cmpint (r->pending, ==, s->pending);
          g_assert_cmpuint (u->len, ==, v->len);
          for (guint k = 0; k < u->len; k++)
            {
              g_assert_cmpint (((FitaIndicatorValue *) u->pdata[k])->year, ==, ((FitaIndicatorValue *) v->pdata[k])->year);
              g_assert_cmpstr (((FitaIndicatorValue *) u->pdata[k])->value, ==, ((FitaIndicatorValue *) v->pdata[k])->value);
            }
        }
    }
}

/* y, of the plan back, is x as a table carries it: its code, place in
 * the tree, own fields and responsibilities. */
static void
assert_same_item (FitaPlan *plan, FitaItem *x, FitaPlan *back, FitaItem *y)
{
  g_assert_cmpstr (x->code, ==, y->code);
  g_assert_cmpstr (parent_code (plan, x), ==, parent_code (back, y));
  g_assert_cmpstr (x->title, ==, y->title);
  g_assert_cmpstr (x->description, ==, y->description);
  g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, x->level_id), ==, name_of (back, FITA_TABLE_LEVEL, y->level_id));
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, x->status_id), ==, name_of (back, FITA_TABLE_STATUS, y->status_id));
  g_assert_cmpint (x->progress_bp, ==, y->progress_bp);
  g_assert_cmpint (x->start_year, ==, y->start_year);
  g_assert_cmpint (x->end_year, ==, y->end_year);
  g_assert_cmpstr (x->start_date, ==, y->start_date);
  g_assert_cmpstr (x->end_date, ==, y->end_date);
  g_assert_cmpstr (x->semesters, ==, y->semesters);
  g_assert_cmpstr (x->other_services, ==, y->other_services);
  g_assert_cmpint (x->weight, ==, y->weight);
  g_assert_cmpint (x->planned_total_cents, ==, y->planned_total_cents);
  assert_same_list (plan, x, back, y, FITA_TABLE_RESPONSIBILITY);
}

static void
test_round_trip (void)
{
  static const char * const examples[] = { "terrassa-ess-2019-2026", "terrassa-serveis-socials-2023-2027",
                                           "xmess-2017-2019", "barcelona-impulsem-2016-2021" };
  static const char * const langs[] = { "ca", "es", "en" };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(FitaPlan) plan = fita_test_example (examples[e]);
        g_autofree char *table = plan_to_table (plan, langs[l]);
        g_autoptr(FitaPlan) back = imported (table, NULL);
        g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
        g_autoptr(GPtrArray) again = fita_plan_items_preorder (back, NULL);

        g_test_message ("%s in %s", examples[e], langs[l]);
        g_assert_cmpstr (fita_plan_get_info (back)->title, ==, fita_plan_get_info (plan)->title);
        g_assert_cmpint (fita_plan_get_info (back)->period_start, ==, fita_plan_get_info (plan)->period_start);
        g_assert_cmpint (fita_plan_get_info (back)->period_end, ==, fita_plan_get_info (plan)->period_end);
        g_assert_cmpuint (items->len, ==, again->len);
        for (guint i = 0; i < items->len; i++)
          {
            FitaItem *x = items->pdata[i], *y = again->pdata[i];
            assert_same_item (plan, x, back, y);
            assert_same_list (plan, x, back, y, FITA_TABLE_BUDGET_LINE);
            assert_same_list (plan, x, back, y, FITA_TABLE_INDICATOR);
          }
      }
}


/* Fita's own exports */

typedef enum {
  SAME_ITEMS = 1 << 0,     /* the plan's title and period, every item's own fields, responsibilities */
  SAME_DETAILS = 1 << 1,   /* budget lines, indicators and their values, follow-ups (items' and the plan's) */
  SAME_LISTS = 1 << 2,     /* levels, statuses (with their percents) and chapters, in the plan's order */
} Same;

static void
assert_same_names (FitaPlan *a, FitaPlan *b, FitaTableId table)
{
  GPtrArray *one = fita_plan_list (a, table, 0), *two = fita_plan_list (b, table, 0);

  g_assert_cmpuint (one->len, ==, two->len);
  for (guint i = 0; i < one->len; i++)
    {
      g_assert_cmpstr (name_of (a, table, ((FitaRecord *) one->pdata[i])->id), ==,
                       name_of (b, table, ((FitaRecord *) two->pdata[i])->id));
      if (table == FITA_TABLE_STATUS)
        g_assert_cmpint (((FitaStatus *) one->pdata[i])->percent, ==, ((FitaStatus *) two->pdata[i])->percent);
      if (table == FITA_TABLE_LEVEL)
        g_assert_cmpint (((FitaLevel *) one->pdata[i])->depth, ==, ((FitaLevel *) two->pdata[i])->depth);
    }
}

/* back holds what a spreadsheet carries of plan (fita-export.h). */
static void
assert_same_plan (FitaPlan *plan, FitaPlan *back, Same same)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autoptr(GPtrArray) again = fita_plan_items_preorder (back, NULL);
  FitaPlanInfo *info = fita_plan_get_info (plan), *got = fita_plan_get_info (back);

  g_assert_cmpstr (got->title, ==, info->title);
  g_assert_cmpstr (got->description, ==, info->description);
  g_assert_cmpint (got->period_start, ==, info->period_start);
  g_assert_cmpint (got->period_end, ==, info->period_end);
  g_assert_cmpuint (items->len, ==, again->len);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *x = items->pdata[i], *y = again->pdata[i];
      assert_same_item (plan, x, back, y);
      g_assert_cmpint (x->position, ==, y->position);
      g_assert_cmpint (fita_plan_progress_bp (plan, x), ==, fita_plan_progress_bp (back, y));
      if (same & SAME_DETAILS)
        {
          assert_same_list (plan, x, back, y, FITA_TABLE_BUDGET_LINE);
          assert_same_list (plan, x, back, y, FITA_TABLE_INDICATOR);
          assert_same_list (plan, x, back, y, FITA_TABLE_FOLLOWUP);
        }
    }
  if (same & SAME_DETAILS)
    {
      FitaBudgetSum sum_a, sum_b;
      assert_same_list (plan, NULL, back, NULL, FITA_TABLE_FOLLOWUP);
      fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum_a);
      fita_plan_budget_sum (back, NULL, FITA_NONE, 0, &sum_b);
      g_assert_cmpint (sum_a.planned, ==, sum_b.planned);
      g_assert_cmpint (sum_a.executed, ==, sum_b.executed);
    }
  if (same & SAME_LISTS)
    {
      assert_same_names (plan, back, FITA_TABLE_LEVEL);
      assert_same_names (plan, back, FITA_TABLE_STATUS);
      assert_same_names (plan, back, FITA_TABLE_CHAPTER);
    }
}

static const char * const all_examples[] = { "terrassa-ess-2019-2026", "terrassa-serveis-socials-2023-2027",
                                             "xmess-2017-2019", "barcelona-impulsem-2016-2021", "barcelona-espai-ess" };
static const char * const langs[] = { "ca", "es", "en" };

/* A plan made from a table read as the app and fita-cli read files: no
 * problem, and nothing to note either. */
static FitaPlan *
import_file (const char *path, const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_path (path, format, NULL, &error);
  g_autoptr(FitaImportReport) report = NULL;
  FitaPlan *back;

  g_assert_no_error (error);
  back = fita_import_sheet (sheet, NULL, "Prova", &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  for (guint i = 0; i < report->notes->len; i++)
    g_test_message ("note: %s", ((FitaImportProblem *) report->notes->pdata[i])->message);
  g_assert_cmpuint (report->notes->len, ==, 0);
  return back;
}

/* Every example plan, in each language, to XLSX and ODS and back: the
 * first sheet with the sheets that add to it, read as one table. */
static void
test_round_trip_workbooks (void)
{
  g_autofree char *dir = fita_test_tmpdir ();

  for (guint e = 0; e < G_N_ELEMENTS (all_examples); e++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint f = 0; f < 2; f++)
        {
          g_autoptr(FitaPlan) plan = fita_test_example (all_examples[e]);
          g_autofree char *path = g_strdup_printf ("%s/%s-%s.%s", dir, all_examples[e], langs[l], f == 0 ? "xlsx" : "ods");
          g_autoptr(FitaPlan) back = NULL;
          g_autoptr(GError) error = NULL;

          g_test_message ("%s", path);
          g_assert_true (f == 0 ? fita_export_xlsx (plan, langs[l], path, NULL, &error)
                                : fita_export_ods (plan, langs[l], path, NULL, &error));
          g_assert_no_error (error);
          back = import_file (path, NULL);
          assert_same_plan (plan, back, SAME_ITEMS | SAME_DETAILS | SAME_LISTS);
        }
}

/* The seed's figures survive the trip: 12 %, 12.223,69 € of 120.000 €,
 * the indicators pending evaluation, the programme's follow-up of 2024,
 * the status "En curs" with no percent between two with one. */
static void
test_round_trip_figures (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "terrassa.xlsx", NULL);
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *programme;
  FitaBudgetSum sum;
  GPtrArray *followups, *statuses, *indicators;
  guint pending = 0;

  g_assert_true (fita_export_xlsx (plan, "ca", path, NULL, &error));
  back = import_file (path, "xlsx");
  programme = fita_test_item (back, "11");
  fita_plan_budget_sum (back, programme, FITA_NONE, 0, &sum);
  g_assert_cmpint (fita_plan_progress (back, programme), ==, 12);
  g_assert_cmpint (sum.executed, ==, 1222369);
  g_assert_cmpint (programme->planned_total_cents, ==, 12000000);
  followups = fita_plan_list (back, FITA_TABLE_FOLLOWUP, programme->rec.id);
  g_assert_cmpuint (followups->len, ==, 1);
  g_assert_cmpint (((FitaFollowup *) followups->pdata[0])->year, ==, 2024);
  g_assert_true (g_str_has_prefix (((FitaFollowup *) followups->pdata[0])->strengths, "Es decidí iniciar un projecte pilot"));
  indicators = fita_plan_list (back, FITA_TABLE_INDICATOR, programme->rec.id);
  g_assert_cmpuint (indicators->len, ==, 5);
  for (guint k = 0; k < indicators->len; k++)
    pending += ((FitaIndicator *) indicators->pdata[k])->pending;
  g_assert_cmpuint (pending, ==, 4);
  statuses = fita_plan_list (back, FITA_TABLE_STATUS, 0);
  g_assert_cmpuint (statuses->len, ==, 3);
  g_assert_cmpstr (((FitaStatus *) statuses->pdata[1])->name, ==, "En curs");
  g_assert_cmpint (((FitaStatus *) statuses->pdata[1])->percent, ==, FITA_NONE);
  g_assert_cmpint (((FitaStatus *) statuses->pdata[2])->percent, ==, 100);
}

/* CSV holds one sheet a file: the items alone bring back the items, the
 * plan's title and period; every sheet one after another in one file,
 * each after an empty line, brings back as much as a workbook. */
static void
test_round_trip_csv (void)
{
  g_autofree char *dir = fita_test_tmpdir ();

  for (guint e = 0; e < G_N_ELEMENTS (all_examples); e++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(FitaPlan) plan = fita_test_example (all_examples[e]);
        g_autofree char *items_path = g_strdup_printf ("%s/%s-%s.csv", dir, all_examples[e], langs[l]);
        g_autofree char *all_path = g_strdup_printf ("%s/%s-%s-all.csv", dir, all_examples[e], langs[l]);
        g_autofree char *items = fita_export_csv (plan, FITA_EXPORT_SHEET_ITEMS, langs[l]);
        g_autoptr(GString) all = g_string_new (NULL);
        g_autoptr(FitaPlan) from_items = NULL;
        g_autoptr(FitaPlan) from_all = NULL;

        g_test_message ("%s in %s", all_examples[e], langs[l]);
        for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
          {
            g_autofree char *table = fita_export_csv (plan, t, langs[l]);
            g_string_append_printf (all, "%s%s", t > 0 ? "\r\n" : "", table);
          }
        g_assert_true (g_file_set_contents (items_path, items, -1, NULL));
        g_assert_true (g_file_set_contents (all_path, all->str, -1, NULL));
        from_items = import_file (items_path, NULL);
        assert_same_plan (plan, from_items, SAME_ITEMS);
        from_all = import_file (all_path, "csv");
        assert_same_plan (plan, from_all, SAME_ITEMS | SAME_DETAILS | SAME_LISTS);
      }
}

/* A spreadsheet's number cells reach the importer in the C locale: an
 * indicator's 1.375 is one and three eighths there, and stays so through
 * an export; in a CSV, Catalan's 1.375 is a thousand and more. */
static void
test_spreadsheet_numbers (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ratios.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (
    "{\"plan\": {\"title\": \"Ràtios\"}, \"items\": [{\"code\": \"1\", \"title\": \"Un\", \"indicators\": [{\"name\": \"Ràtio\","
    " \"values\": [{\"year\": 2023, \"value\": \"1.375\"}, {\"year\": 2024, \"value\": \"-0.125\"}]}]}]}", -1, &error);
  g_autoptr(FitaPlan) back = NULL;
  g_autoptr(FitaPlan) from_csv = NULL;
  GPtrArray *values;

  g_assert_no_error (error);
  g_assert_true (fita_export_xlsx (plan, "ca", path, NULL, &error));
  back = import_file (path, NULL);
  assert_same_plan (plan, back, SAME_ITEMS | SAME_DETAILS);
  from_csv = imported ("Codi;Títol;Indicador;Any;Valor\n1;Un;Visites;2024;1.375\n", NULL);
  values = fita_plan_list (from_csv, FITA_TABLE_INDICATOR_VALUE,
                           ((FitaRecord *) fita_plan_list (from_csv, FITA_TABLE_INDICATOR, fita_test_item (from_csv, "1")->rec.id)->pdata[0])->id);
  g_assert_cmpstr (((FitaIndicatorValue *) values->pdata[0])->value, ==, "1375");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/round-trip-workbooks", test_round_trip_workbooks);
  g_test_add_func ("/import/round-trip-figures", test_round_trip_figures);
  g_test_add_func ("/import/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/import/spreadsheet-numbers", test_spreadsheet_numbers);
  return g_test_run ();
}
