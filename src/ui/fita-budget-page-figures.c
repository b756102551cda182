/* fita-budget-page-figures.c: the rows and the figures they show: sums, amounts as text, warnings. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"

/* Rows and the items they stand for */

/* The row a list item shows: a tree row's item in the table, the totals
 * row itself in the totals view. Borrowed: the models hold it. */
FitaBudgetRow *
fita_budget_page_row_of (GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (GTK_IS_TREE_LIST_ROW (item))
    {
      FitaBudgetRow *row = gtk_tree_list_row_get_item (item);

      g_object_unref (row);
      return row;
    }
  return FITA_IS_BUDGET_ROW (item) ? item : NULL;
}

/* "11 ESS als barris", or "Whole plan" for the totals. */
char *
fita_budget_page_row_label (FitaBudgetPage *self,
           FitaBudgetRow  *row)
{
  FitaItem *item = fita_budget_row_get_item (row, self->plan);

  if (item == NULL)
    return g_strdup (_("Whole plan"));
  if (item->code != NULL && *item->code != '\0')
    return g_strdup_printf ("%s %s", item->code, item->title ? item->title : "");
  return g_strdup (item->title ? item->title : "");
}

static GListStore *
rows_for (GPtrArray *items)
{
  GListStore *store = g_list_store_new (FITA_TYPE_BUDGET_ROW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (rows, fita_budget_row_new (((FitaItem *) g_ptr_array_index (items, i))->rec.id));
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return store;
}

GListModel *
fita_budget_page_create_children (gpointer item,
                 gpointer user_data)
{
  FitaBudgetPage *self = user_data;
  GPtrArray *children;

  /* a level filter shows a flat list */
  if (self->plan == NULL || self->level_filter != 0)
    return NULL;
  children = fita_plan_list (self->plan, FITA_TABLE_ITEM, fita_budget_row_get_item_id (item));
  if (children->len == 0)
    return NULL;
  return G_LIST_MODEL (rows_for (children));
}

GListModel *
fita_budget_page_root_rows (FitaBudgetPage *self)
{
  g_autoptr(GPtrArray) items = NULL;

  if (self->plan == NULL)
    return G_LIST_MODEL (g_list_store_new (FITA_TYPE_BUDGET_ROW));
  if (self->level_filter == 0)
    return G_LIST_MODEL (rows_for (fita_plan_list (self->plan, FITA_TABLE_ITEM, 0)));

  items = fita_plan_items_preorder (self->plan, NULL);
  for (guint i = items->len; i > 0; i--)
    if (((FitaItem *) g_ptr_array_index (items, i - 1))->level_id != self->level_filter)
      g_ptr_array_remove_index (items, i - 1);
  return G_LIST_MODEL (rows_for (items));
}

/* Figures */

int
fita_budget_page_chapter_index (FitaBudgetPage *self,
               gint64          chapter_id)
{
  if (chapter_id == FITA_NONE || self->chapter_ids == NULL)
    return -1;
  for (guint i = 0; i < self->chapter_ids->len; i++)
    if (g_array_index (self->chapter_ids, gint64, i) == chapter_id)
      return (int) i;
  return -1;
}

int
fita_budget_page_column_chapter (FitaBudgetPage *self,
                const Column   *column)
{
  return column->chapter >= 0 ? column->chapter : fita_budget_page_chapter_index (self, self->chapter_filter);
}

static FitaBudgetSum
sum_of (FitaBudgetTable *table,
        gint64           year,
        int              chapter)
{
  FitaBudgetSum none = { FITA_NONE, FITA_NONE };

  if (chapter >= (int) table->n_chapters)
    return none;
  if (year != FITA_NONE)
    {
      if (year < table->first_year || year > table->last_year)
        return none;
      return chapter >= 0 ? *fita_budget_table_cell (table, (int) year, chapter)
                          : fita_budget_table_year (table, (int) year);
    }
  /* over the whole period, with the planned totals items may have */
  return chapter >= 0 ? fita_budget_table_chapter (table, chapter) : table->total;
}

FitaBudgetSum
fita_budget_page_column_sum (FitaBudgetPage  *self,
            FitaBudgetTable *table,
            const Column    *column)
{
  return sum_of (table, column->year, fita_budget_page_column_chapter (self, column));
}

/* The amount as shown; "" for "no amount" in a TSV. */
char *
fita_budget_page_measure_text (FitaBudgetSum             sum,
              const FitaBudgetEnvelope *envelope,
              FitaBudgetMeasure         measure,
              const char               *lang,
              gboolean                  for_tsv)
{
  gint64 amount = FITA_NONE;
  gint64 bp;

  switch (measure)
    {
    case FITA_BUDGET_IN_YEARS:
      /* with a total, what the years hold is an amount, 0 € if nothing */
      if (envelope->total != FITA_NONE)
        amount = envelope->in_years != FITA_NONE ? envelope->in_years : 0;
      break;
    case FITA_BUDGET_NOT_IN_YEARS:
      amount = envelope->not_in_years;
      break;
    case FITA_BUDGET_PLANNED:
      amount = sum.planned;
      break;
    case FITA_BUDGET_EXECUTED:
      amount = sum.executed;
      break;
    case FITA_BUDGET_DIFFERENCE:
      if (sum.planned != FITA_NONE || sum.executed != FITA_NONE)
        amount = (sum.planned == FITA_NONE ? 0 : sum.planned) - (sum.executed == FITA_NONE ? 0 : sum.executed);
      break;
    case FITA_BUDGET_RATE:
    default:
      /* nothing executed known is no rate, not 0 % */
      bp = fita_rate_bp (sum.executed, sum.planned);
      if (bp == FITA_NONE && for_tsv)
        return g_strdup ("");
      return fita_percent_format_bp (bp, lang);
    }
  if (amount == FITA_NONE && for_tsv)
    return g_strdup ("");
  return fita_money_format (amount, lang);
}

/* Whether the table plans year by year (or not at all): then execution in
 * a year with nothing planned stands out. A plan made only of a total for
 * the period, as seed 000's programme, does not say what each year gets. */
static gboolean
plans_by_year (FitaBudgetTable *table,
               int              chapter)
{
  for (int y = table->first_year; y <= table->last_year; y++)
    if (sum_of (table, y, chapter).planned != FITA_NONE)
      return TRUE;
  return table->total.planned == FITA_NONE;
}

/* Why a figure deserves a look, or NULL. */
static char *
warning_for (FitaBudgetTable *table,
             gint64           year,
             int              chapter,
             FitaBudgetSum    sum,
             const char      *lang)
{
  if (sum.executed != FITA_NONE && sum.planned != FITA_NONE && sum.executed > sum.planned)
    {
      g_autofree char *executed = fita_money_format (sum.executed, lang);
      g_autofree char *planned = fita_money_format (sum.planned, lang);

      /* Translators: "Executed more than planned: 7.521,36 € of 5.000,00 €" */
      return g_strdup_printf (_("Executed more than planned: %s of %s"), executed, planned);
    }
  if (year != FITA_NONE && sum.executed != FITA_NONE && sum.executed > 0 &&
      sum.planned == FITA_NONE && plans_by_year (table, chapter))
    /* Translators: %d is a year */
    return g_strdup_printf (_("Execution in %d with nothing planned for that year"), (int) year);
  return NULL;
}

/* Whether the column holds the period's planned total of every chapter:
 * where a total smaller than its parts is told. */
static gboolean
is_planned_total (FitaBudgetPage *self,
                  const Column   *column)
{
  return column->kind == COLUMN_AMOUNT && column->measure == FITA_BUDGET_PLANNED &&
         column->year == FITA_NONE && column->chapter < 0 && self->chapter_filter == FITA_NONE;
}

char *
fita_budget_page_column_warning (FitaBudgetPage  *self,
                FitaBudgetRow   *row,
                const Column    *column,
                const char      *lang)
{
  FitaBudgetTable *table = fita_budget_row_get_table (row, self->plan);
  int chapter = fita_budget_page_column_chapter (self, column);

  if (is_planned_total (self, column))
    {
      const FitaBudgetEnvelope *envelope = fita_budget_row_get_envelope (row, self->plan);
      g_autofree char *parts = NULL;
      g_autofree char *total = NULL;

      if (!envelope->over)
        return NULL;
      parts = fita_money_format (envelope->parts, lang);
      total = fita_money_format (envelope->total, lang);
      /* Translators: an item's own yearly amounts and the totals of the
       * items below it add up to more than the total planned set on it:
       * "The parts add up to 70.000,00 €, more than the total planned of 50.000,00 €" */
      return g_strdup_printf (_("The parts add up to %s, more than the total planned of %s"), parts, total);
    }
  if (column->kind != COLUMN_AMOUNT ||
      (column->measure != FITA_BUDGET_EXECUTED && column->measure != FITA_BUDGET_RATE))
    return NULL;
  return warning_for (table, column->year, chapter, sum_of (table, column->year, chapter), lang);
}

/* Every warning of a row, over the columns shown, one per line. */
char *
fita_budget_page_row_warnings (FitaBudgetPage  *self,
              FitaBudgetRow   *row,
              const char      *lang)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      char *reason;

      if (column->measure != FITA_BUDGET_EXECUTED && !is_planned_total (self, column))
        continue;
      reason = fita_budget_page_column_warning (self, row, column, lang);
      if (reason == NULL)
        continue;
      if (g_ptr_array_find_with_equal_func (reasons, reason, g_str_equal, NULL))
        g_free (reason);
      else
        g_ptr_array_add (reasons, reason);
    }
  if (reasons->len == 0)
    return NULL;
  g_ptr_array_add (reasons, NULL);
  return g_strjoinv ("\n", (char **) reasons->pdata);
}
