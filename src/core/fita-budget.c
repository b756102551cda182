#include "config.h"
#include "fita-budget.h"

static void
collect (FitaPlan *plan, FitaItem *item, FitaBudgetTable *table, GHashTable *chapter_index)
{
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item->rec.id);

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      gpointer found = g_hash_table_lookup (chapter_index, &line->chapter_id);
      guint chapter = found ? GPOINTER_TO_UINT (found) - 1 : table->n_chapters - 1;
      FitaBudgetSum *cell;

      if (line->year == FITA_NONE)
        continue;
      if (line->year < table->first_year || line->year > table->last_year)
        {
          /* a year outside the period still counts: widen the table */
          int first = MIN (table->first_year, (int) line->year);
          int last = MAX (table->last_year, (int) line->year);
          FitaBudgetSum *cells = g_new (FitaBudgetSum, (last - first + 1) * table->n_chapters);
          for (int y = first; y <= last; y++)
            for (guint c = 0; c < table->n_chapters; c++)
              {
                FitaBudgetSum *old = (y >= table->first_year && y <= table->last_year)
                  ? &table->cells[(y - table->first_year) * table->n_chapters + c] : NULL;
                FitaBudgetSum none = { FITA_NONE, FITA_NONE };
                cells[(y - first) * table->n_chapters + c] = old ? *old : none;
              }
          g_free (table->cells);
          table->cells = cells;
          table->first_year = first;
          table->last_year = last;
        }
      cell = fita_budget_table_cell (table, (int) line->year, chapter);
      cell->planned = fita_amount_add (cell->planned, line->planned_cents);
      cell->executed = fita_amount_add (cell->executed, line->executed_cents);
    }
  for (guint i = 0; i < children->len; i++)
    collect (plan, g_ptr_array_index (children, i), table, chapter_index);
}

FitaBudgetTable *
fita_budget_table_new (FitaPlan *plan, FitaItem *scope)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  GPtrArray *chapters = fita_plan_list (plan, FITA_TABLE_CHAPTER, 0);
  FitaBudgetTable *table = g_new0 (FitaBudgetTable, 1);
  g_autoptr(GHashTable) chapter_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n;

  table->n_chapters = chapters->len + 1;
  table->chapter_ids = g_new0 (gint64, table->n_chapters);
  for (guint c = 0; c < chapters->len; c++)
    {
      FitaChapter *chapter = g_ptr_array_index (chapters, c);
      table->chapter_ids[c] = chapter->rec.id;
      g_hash_table_insert (chapter_index, &chapter->rec.id, GUINT_TO_POINTER (c + 1));
    }
  table->first_year = info->period_start != FITA_NONE ? (int) info->period_start
                    : info->followed_year != FITA_NONE ? (int) info->followed_year : 2000;
  table->last_year = info->period_end != FITA_NONE ? (int) info->period_end : table->first_year;
  if (table->last_year < table->first_year)
    table->last_year = table->first_year;
  n = (table->last_year - table->first_year + 1) * table->n_chapters;
  table->cells = g_new (FitaBudgetSum, n);
  for (guint i = 0; i < n; i++)
    table->cells[i].planned = table->cells[i].executed = FITA_NONE;

  if (scope != NULL)
    collect (plan, scope, table, chapter_index);
  else
    {
      GPtrArray *roots = fita_plan_list (plan, FITA_TABLE_ITEM, 0);
      for (guint i = 0; i < roots->len; i++)
        collect (plan, g_ptr_array_index (roots, i), table, chapter_index);
    }
  fita_plan_budget_sum (plan, scope, FITA_NONE, 0, &table->total);
  table->planned_total_cents = scope ? scope->planned_total_cents : FITA_NONE;
  return table;
}

void
fita_budget_table_free (FitaBudgetTable *table)
{
  if (table == NULL)
    return;
  g_free (table->chapter_ids);
  g_free (table->cells);
  g_free (table);
}

FitaBudgetSum *
fita_budget_table_cell (FitaBudgetTable *table, int year, guint chapter)
{
  g_return_val_if_fail (year >= table->first_year && year <= table->last_year, NULL);
  g_return_val_if_fail (chapter < table->n_chapters, NULL);
  return &table->cells[(year - table->first_year) * table->n_chapters + chapter];
}

FitaBudgetSum
fita_budget_table_year (FitaBudgetTable *table, int year)
{
  FitaBudgetSum sum = { FITA_NONE, FITA_NONE };

  for (guint c = 0; c < table->n_chapters; c++)
    {
      FitaBudgetSum *cell = fita_budget_table_cell (table, year, c);
      sum.planned = fita_amount_add (sum.planned, cell->planned);
      sum.executed = fita_amount_add (sum.executed, cell->executed);
    }
  return sum;
}

FitaBudgetSum
fita_budget_table_chapter (FitaBudgetTable *table, guint chapter)
{
  FitaBudgetSum sum = { FITA_NONE, FITA_NONE };

  for (int y = table->first_year; y <= table->last_year; y++)
    {
      FitaBudgetSum *cell = fita_budget_table_cell (table, y, chapter);
      sum.planned = fita_amount_add (sum.planned, cell->planned);
      sum.executed = fita_amount_add (sum.executed, cell->executed);
    }
  return sum;
}

gboolean
fita_budget_table_has_unassigned (FitaBudgetTable *table)
{
  FitaBudgetSum sum = fita_budget_table_chapter (table, table->n_chapters - 1);

  return sum.planned != FITA_NONE || sum.executed != FITA_NONE;
}
