/* fita-budget-page.c: the Budget page.
 *
 * The table is a GtkColumnView over a GtkTreeListModel of FitaBudgetRows
 * (item ids), expanded on demand; each row computes its roll-up once per
 * change of the plan, when a cell on screen first asks for it, so opening
 * a plan of 20 000 items costs the rows on screen, not the plan. The
 * totals row is a second column view of one row, below the first, with the
 * same column widths and the same horizontal scrolling.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-cell.h"
#include "fita-budget-page.h"
#include "fita-budget-row.h"
#include "fita-budget.h"
#include "fita-chart-view.h"
#include "fita-edit.h"
#include "fita-money.h"
#include "fita-rollup.h"

#define NAME_WIDTH 300
#define AMOUNT_WIDTH 118
#define CHAPTER_WIDTH 150
#define RATE_WIDTH 100

typedef enum {
  COLUMN_NAME,
  COLUMN_AMOUNT,
} ColumnKind;

typedef struct {
  ColumnKind kind;
  FitaBudgetMeasure measure;
  gint64 year;          /* FITA_NONE: every year */
  int chapter;          /* index into chapter_ids; -1: as the chapter filter says */
  char *title;          /* the header, maybe on two lines */
  char *name;           /* on one line: for screen readers and the TSV header */
  gboolean summary;     /* the totals before the years or chapters they sum */
} Column;

struct _FitaBudgetPage
{
  AdwBin              parent_instance;

  FitaPlan           *plan;
  gulong              changed_id;
  FitaBudgetLayout    layout;
  gint64              year_filter;      /* FITA_NONE: every year */
  gint64              chapter_filter;   /* a chapter id, 0: no chapter, FITA_NONE: all */
  gint64              level_filter;     /* a level id, 0: all */

  /* What the columns were made from */
  GArray             *columns;          /* of Column */
  int                 first_year, last_year;
  GArray             *chapter_ids;      /* gint64: the plan's chapters, then 0, as FitaBudgetTable */
  gboolean            has_unassigned;
  int                 money_width;      /* of the amount columns, for the plan's largest sum */
  char               *columns_key;      /* what the columns show, to make them only when it changes */

  /* The dropdowns' rows */
  GArray             *year_choices;     /* gint64 */
  GArray             *chapter_choices;  /* gint64 */
  GArray             *level_choices;    /* gint64 */
  guint               updating;

  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GListStore         *totals;
  FitaBudgetRow      *totals_row;
  GHashTable         *cells;            /* FitaBudgetCell on screen → its GtkListItem */
  GHashTable         *names;            /* name widget on screen → its GtkListItem */
  guint               rebuild_idle;
  gboolean            rebuild_model;
  gboolean            rebuild_columns;

  gint64              open_start;
  double              open_ms;
  gboolean            timing_pending;
  GdkFrameClock      *clock;
  gulong              after_paint_id;

  /* Template widgets */
  GtkDropDown        *year_dropdown;
  GtkDropDown        *chapter_dropdown;
  GtkDropDown        *level_dropdown;
  GtkDropDown        *chart_dropdown;
  GtkScrolledWindow  *table_scroller;
  GtkScrolledWindow  *totals_scroller;
  GtkColumnView      *table_view;
  GtkColumnView      *totals_view;
  GtkLabel           *chart_scope_label;
  FitaChartView      *chart_view;
};

G_DEFINE_FINAL_TYPE (FitaBudgetPage, fita_budget_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_PLAN, PROP_LAYOUT, N_PROPS };
static GParamSpec *properties[N_PROPS];

GType
fita_budget_layout_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      static const GEnumValue values[] = {
        { FITA_BUDGET_BY_YEAR, "FITA_BUDGET_BY_YEAR", "by-year" },
        { FITA_BUDGET_BY_CHAPTER, "FITA_BUDGET_BY_CHAPTER", "by-chapter" },
        { 0, NULL, NULL },
      };
      g_once_init_leave (&type, g_enum_register_static ("FitaBudgetLayout", values));
    }
  return type;
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
  g_free (column->name);
}

/* Rows and the items they stand for */

/* The row a list item shows: a tree row's item in the table, the totals
 * row itself in the totals view. Borrowed: the models hold it. */
static FitaBudgetRow *
row_of (GtkListItem *list_item)
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
static char *
row_label (FitaBudgetPage *self,
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

static GListModel *
create_children (gpointer item,
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

static GListModel *
root_rows (FitaBudgetPage *self)
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

static int
chapter_index (FitaBudgetPage *self,
               gint64          chapter_id)
{
  if (chapter_id == FITA_NONE || self->chapter_ids == NULL)
    return -1;
  for (guint i = 0; i < self->chapter_ids->len; i++)
    if (g_array_index (self->chapter_ids, gint64, i) == chapter_id)
      return (int) i;
  return -1;
}

static int
column_chapter (FitaBudgetPage *self,
                const Column   *column)
{
  return column->chapter >= 0 ? column->chapter : chapter_index (self, self->chapter_filter);
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

static FitaBudgetSum
column_sum (FitaBudgetPage  *self,
            FitaBudgetTable *table,
            const Column    *column)
{
  return sum_of (table, column->year, column_chapter (self, column));
}

/* The amount as shown; "" for "no amount" in a TSV. */
static char *
measure_text (FitaBudgetSum             sum,
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

static char *
column_warning (FitaBudgetPage  *self,
                FitaBudgetRow   *row,
                const Column    *column,
                const char      *lang)
{
  FitaBudgetTable *table = fita_budget_row_get_table (row, self->plan);
  int chapter = column_chapter (self, column);

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
static char *
row_warnings (FitaBudgetPage  *self,
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
      reason = column_warning (self, row, column, lang);
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

/* Editing */

static const char *
chapter_name (FitaBudgetPage *self,
              gint64          chapter_id)
{
  FitaChapter *chapter = chapter_id ? fita_plan_lookup (self->plan, FITA_TABLE_CHAPTER, chapter_id) : NULL;

  /* Translators: amounts not assigned to any budget chapter */
  return chapter && chapter->name ? chapter->name : _("No chapter");
}

/* Where an amount typed in a cell goes: the line of (item, year, chapter).
 * FALSE, with why in *note (or NULL), when the cell cannot be typed over. */
static gboolean
edit_target (FitaBudgetPage *self,
             FitaBudgetRow  *row,
             const Column   *column,
             gint64         *chapter_id,
             char          **note)
{
  FitaItem *item;
  GPtrArray *lines;
  gint64 found = FITA_NONE;
  gboolean several = FALSE;
  int chapter;

  *note = NULL;
  if (self->plan == NULL || column->kind != COLUMN_AMOUNT ||
      (column->measure != FITA_BUDGET_PLANNED && column->measure != FITA_BUDGET_EXECUTED))
    return FALSE;
  item = fita_budget_row_get_item (row, self->plan);
  if (item == NULL)
    return FALSE;
  if (fita_plan_is_read_only (self->plan))
    {
      *note = g_strdup (fita_plan_get_read_only_reason (self->plan));
      return FALSE;
    }
  if (!fita_budget_row_holds_budget (row, self->plan))
    {
      *note = g_strdup (_("The sum of the items below: type the amounts on them"));
      return FALSE;
    }
  if (column->year == FITA_NONE)
    {
      if (column->chapter >= 0)
        *note = g_strdup (_("Choose a year above to type amounts by budget chapter"));
      return FALSE;
    }

  chapter = column_chapter (self, column);
  if (chapter >= 0)
    {
      *chapter_id = g_array_index (self->chapter_ids, gint64, chapter);
      return TRUE;
    }

  /* every chapter: only when the year's amount is in one of them */
  lines = fita_plan_list (self->plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);

      if (line->year != column->year)
        continue;
      if (found != FITA_NONE && found != line->chapter_id)
        several = TRUE;
      found = line->chapter_id;
    }
  if (several)
    {
      *note = g_strdup (_("Split over several budget chapters: choose a chapter above to type over one of them"));
      return FALSE;
    }
  if (found == FITA_NONE)
    {
      /* a new year: the chapter the item's other years use, when they
       * agree on one; else no chapter, to be sorted out by chapter */
      for (guint i = 0; i < lines->len; i++)
        {
          FitaBudgetLine *line = g_ptr_array_index (lines, i);

          if (found != FITA_NONE && found != line->chapter_id)
            {
              found = 0;
              break;
            }
          found = line->chapter_id;
        }
      if (found == FITA_NONE)
        found = 0;
    }
  *chapter_id = found;
  return TRUE;
}

static gboolean
on_cell_commit (FitaBudgetCell *cell,
                const char     *text,
                FitaBudgetPage *self)
{
  GtkListItem *list_item = fita_budget_cell_get_list_item (cell);
  guint index = fita_budget_cell_get_column (cell);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  FitaBudgetRow *row;
  FitaBudgetLine *line;
  const Column *column;
  gint64 cents, chapter_id = 0, planned, executed;

  if (list_item == NULL || index >= self->columns->len || (row = row_of (list_item)) == NULL)
    return FALSE;
  column = &g_array_index (self->columns, Column, index);

  if (!fita_money_parse (text, fita_lang_from_locale (), &cents, &error))
    {
      fita_budget_cell_set_error (cell, error->message);
      return FALSE;
    }
  if (!edit_target (self, row, column, &chapter_id, &note))
    {
      fita_budget_cell_set_error (cell, note ? note : _("This amount cannot be changed here"));
      return FALSE;
    }

  line = fita_plan_find_budget_line (self->plan, fita_budget_row_get_item_id (row), column->year, chapter_id);
  planned = line ? line->planned_cents : FITA_NONE;
  executed = line ? line->executed_cents : FITA_NONE;
  if (column->measure == FITA_BUDGET_PLANNED)
    {
      if (planned == cents)
        return TRUE;
      planned = cents;
    }
  else
    {
      if (executed == cents)
        return TRUE;
      executed = cents;
    }
  if (!fita_plan_set_budget (self->plan, fita_budget_row_get_item_id (row), column->year, chapter_id,
                             planned, executed, &error))
    {
      fita_budget_cell_set_error (cell, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Cells */

static void
update_cell (FitaBudgetPage *self,
             FitaBudgetCell *cell)
{
  GtkListItem *list_item = fita_budget_cell_get_list_item (cell);
  guint index = fita_budget_cell_get_column (cell);
  const char *lang = fita_lang_from_locale ();
  g_autofree char *text = NULL;
  g_autofree char *edit_text = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *note = NULL;
  g_autofree char *label = NULL;
  g_autofree char *a11y = NULL;
  FitaBudgetTable *table;
  FitaBudgetRow *row;
  const Column *column;
  FitaBudgetSum sum;
  gint64 chapter_id = 0;
  gboolean editable;

  if (self->plan == NULL || list_item == NULL || index >= self->columns->len ||
      (row = row_of (list_item)) == NULL)
    return;
  column = &g_array_index (self->columns, Column, index);
  table = fita_budget_row_get_table (row, self->plan);
  sum = column_sum (self, table, column);

  text = measure_text (sum, fita_budget_row_get_envelope (row, self->plan), column->measure, lang, FALSE);
  if (column->measure == FITA_BUDGET_PLANNED && sum.planned != FITA_NONE)
    edit_text = fita_money_format (sum.planned, lang);
  else if (column->measure == FITA_BUDGET_EXECUTED && sum.executed != FITA_NONE)
    edit_text = fita_money_format (sum.executed, lang);
  fita_budget_cell_set_text (cell, text, edit_text ? edit_text : "");

  warning = column_warning (self, row, column, lang);
  fita_budget_cell_set_warning (cell, warning);

  editable = edit_target (self, row, column, &chapter_id, &note);
  if (editable && column_chapter (self, column) < 0)
    {
      /* Translators: where a typed amount goes, "Budget chapter: Capítol 1" */
      note = g_strdup_printf (_("Budget chapter: %s"), chapter_name (self, chapter_id));
    }
  fita_budget_cell_set_editable (cell, editable);
  fita_budget_cell_set_note (cell, note);

  if (column->summary)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "summary");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "summary");

  label = row_label (self, row);
  /* Translators: a budget cell for screen readers, "Executed 2024, 11 ESS als barris" */
  a11y = g_strdup_printf (C_("budget cell", "%s, %s"), column->name, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
update_name (FitaBudgetPage *self,
             GtkWidget      *expander,
             GtkListItem    *list_item)
{
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *code = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (code);
  GtkWidget *icon = gtk_widget_get_next_sibling (title);
  FitaBudgetRow *row = row_of (list_item);
  g_autofree char *warnings = NULL;
  g_autofree char *label = NULL;
  FitaItem *item;

  if (self->plan == NULL || row == NULL)
    return;
  item = fita_budget_row_get_item (row, self->plan);
  if (fita_budget_row_get_item_id (row) == 0)
    {
      gtk_label_set_label (GTK_LABEL (code), "");
      /* Translators: the row of the Budget table with the whole plan's sums */
      gtk_label_set_label (GTK_LABEL (title), C_("budget", "Total"));
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (code), item && item->code ? item->code : "");
      gtk_label_set_label (GTK_LABEL (title), item && item->title ? item->title : "");
    }
  gtk_widget_set_visible (code, *gtk_label_get_label (GTK_LABEL (code)) != '\0');
  gtk_widget_set_tooltip_text (title, gtk_label_get_label (GTK_LABEL (title)));

  warnings = row_warnings (self, row, fita_lang_from_locale ());
  gtk_widget_set_visible (icon, warnings != NULL);
  gtk_widget_set_tooltip_text (icon, warnings);
  label = row_label (self, row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, warnings ? warnings : "",
                                  -1);
}

static void
refresh_cells (FitaBudgetPage *self)
{
  GHashTableIter iter;
  gpointer widget, list_item;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    update_cell (self, widget);
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &widget, &list_item))
    update_name (self, widget, list_item);
}

static FitaBudgetCell *
find_cell (FitaBudgetPage *self,
           GtkWidget      *view,
           guint           position,
           guint           column)
{
  GHashTableIter iter;
  gpointer widget, list_item;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &widget, &list_item))
    if (fita_budget_cell_get_column (widget) == column &&
        gtk_list_item_get_position (list_item) == position &&
        gtk_widget_is_ancestor (widget, view))
      return widget;
  return NULL;
}

typedef struct {
  GWeakRef page;
  guint position;
  guint column;
} FocusLater;

static gboolean
focus_later_cb (gpointer data)
{
  FocusLater *later = data;
  g_autoptr(FitaBudgetPage) self = g_weak_ref_get (&later->page);
  FitaBudgetCell *cell;

  if (self != NULL &&
      (cell = find_cell (self, GTK_WIDGET (self->table_view), later->position, later->column)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cell));
  g_weak_ref_clear (&later->page);
  g_free (later);
  return G_SOURCE_REMOVE;
}

/* Arrow keys: the next cell in that direction, the totals row after the
 * last row. */
static void
on_cell_move (FitaBudgetCell *cell,
              int             dx,
              int             dy,
              FitaBudgetPage *self)
{
  GtkListItem *list_item = fita_budget_cell_get_list_item (cell);
  gboolean in_totals = gtk_widget_is_ancestor (GTK_WIDGET (cell), GTK_WIDGET (self->totals_view));
  guint n_rows = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  guint column = fita_budget_cell_get_column (cell);
  FitaBudgetCell *target = NULL;
  guint position;

  if (list_item == NULL)
    return;
  position = gtk_list_item_get_position (list_item);
  if (dx != 0)
    {
      int next = (int) column + dx;

      if (next >= 1 && next < (int) self->columns->len)
        target = find_cell (self, in_totals ? GTK_WIDGET (self->totals_view) : GTK_WIDGET (self->table_view),
                            position, next);
    }
  else if (in_totals)
    {
      if (dy < 0 && n_rows > 0)
        target = find_cell (self, GTK_WIDGET (self->table_view), n_rows - 1, column);
    }
  else if (dy > 0 && position + 1 >= n_rows)
    target = find_cell (self, GTK_WIDGET (self->totals_view), 0, column);
  else if ((dy < 0 && position > 0) || dy > 0)
    {
      guint next = dy < 0 ? position - 1 : position + 1;

      target = find_cell (self, GTK_WIDGET (self->table_view), next, column);
      if (target == NULL)
        {
          /* off screen: scroll there, then focus it once it is made */
          FocusLater *later = g_new0 (FocusLater, 1);

          g_weak_ref_init (&later->page, self);
          later->position = next;
          later->column = column;
          gtk_widget_activate_action (GTK_WIDGET (cell), "list.scroll-to-item", "u", next);
          g_idle_add_full (G_PRIORITY_LOW, focus_later_cb, later, NULL);
        }
    }
  if (target != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (target));
}

/* Column factories */

static guint
factory_column (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "fita-budget-column"));
}

static void
name_setup (GtkListItemFactory *factory,
            GtkListItem        *list_item,
            FitaBudgetPage     *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (code, "code");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (icon, "warning-icon");
  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_add_css_class (box, "name");
  gtk_widget_set_margin_start (box, 2);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
name_bind (GtkListItemFactory *factory,
           GtkListItem        *list_item,
           FitaBudgetPage     *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), GTK_IS_TREE_LIST_ROW (item) ? item : NULL);
  g_hash_table_insert (self->names, expander, list_item);
  update_name (self, expander, list_item);
}

static void
name_unbind (GtkListItemFactory *factory,
             GtkListItem        *list_item,
             FitaBudgetPage     *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->names, expander);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
amount_setup (GtkListItemFactory *factory,
              GtkListItem        *list_item,
              FitaBudgetPage     *self)
{
  GtkWidget *cell = fita_budget_cell_new ();

  fita_budget_cell_set_column (FITA_BUDGET_CELL (cell), factory_column (factory));
  g_signal_connect_object (cell, "commit", G_CALLBACK (on_cell_commit), self, 0);
  g_signal_connect_object (cell, "move", G_CALLBACK (on_cell_move), self, 0);
  gtk_list_item_set_child (list_item, cell);
}

static void
amount_bind (GtkListItemFactory *factory,
             GtkListItem        *list_item,
             FitaBudgetPage     *self)
{
  FitaBudgetCell *cell = FITA_BUDGET_CELL (gtk_list_item_get_child (list_item));

  fita_budget_cell_set_list_item (cell, list_item);
  g_hash_table_insert (self->cells, cell, list_item);
  update_cell (self, cell);
}

static void
amount_unbind (GtkListItemFactory *factory,
               GtkListItem        *list_item,
               FitaBudgetPage     *self)
{
  FitaBudgetCell *cell = FITA_BUDGET_CELL (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->cells, cell);
  fita_budget_cell_set_list_item (cell, NULL);
}

static void
any_teardown (GtkListItemFactory *factory,
              GtkListItem        *list_item,
              FitaBudgetPage     *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child != NULL)
    {
      g_hash_table_remove (self->cells, child);
      g_hash_table_remove (self->names, child);
    }
}

static GtkListItemFactory *
factory_new (FitaBudgetPage *self,
             guint           index,
             ColumnKind      kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "fita-budget-column", GUINT_TO_POINTER (index));
  if (kind == COLUMN_NAME)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (name_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (name_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (name_unbind), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (amount_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (amount_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (amount_unbind), self);
    }
  g_signal_connect (factory, "teardown", G_CALLBACK (any_teardown), self);
  return factory;
}

/* Columns */

static const char *
measure_name (FitaBudgetMeasure measure,
              gboolean          total)
{
  switch (measure)
    {
    case FITA_BUDGET_PLANNED:
      /* Translators: budget columns: an amount planned, in total for the period */
      return total ? _("Total Planned") : C_("budget", "Planned");
    case FITA_BUDGET_EXECUTED:
      return total ? _("Total Executed") : C_("budget", "Executed");
    case FITA_BUDGET_DIFFERENCE:
      /* Translators: a budget column: planned minus executed */
      return C_("budget", "Difference");
    case FITA_BUDGET_IN_YEARS:
      /* Translators: a budget column: the part of the total planned that is set year by year */
      return C_("budget", "Planned in the Years");
    case FITA_BUDGET_NOT_IN_YEARS:
      /* Translators: a budget column: the part of the total planned that no year has */
      return C_("budget", "Not Allocated to a Year");
    case FITA_BUDGET_RATE:
    default:
      /* Translators: a budget column: executed divided by planned */
      return C_("budget", "Execution Rate");
    }
}

/* A chapter's name, short enough for a column header. */
static char *
short_chapter_name (const char *name)
{
  if (g_utf8_strlen (name, -1) <= 20)
    return g_strdup (name);
  {
    g_autofree char *start = g_utf8_substring (name, 0, 19);
    return g_strconcat (start, "…", NULL);
  }
}

/* A header on two lines of about the same length: "Not Allocated\nto a
 * Year"; one word goes on the first. */
static char *
two_lines (const char *text)
{
  glong length = g_utf8_strlen (text, -1);
  const char *best = NULL;
  glong best_longest = G_MAXLONG;

  for (const char *p = strchr (text, ' '); p != NULL; p = strchr (p + 1, ' '))
    {
      glong before = g_utf8_pointer_to_offset (text, p);
      glong longest = MAX (before, length - before - 1);

      if (longest < best_longest)
        {
          best = p;
          best_longest = longest;
        }
    }
  if (best == NULL)
    return g_strdup_printf ("%s\n", text);
  return g_strdup_printf ("%.*s\n%s", (int) (best - text), text, best + 1);
}

static void
add_column (FitaBudgetPage    *self,
            ColumnKind         kind,
            FitaBudgetMeasure  measure,
            gint64             year,
            int                chapter)
{
  gboolean total = year == FITA_NONE && chapter < 0;
  /* Translators: the first column of the Budget table: the plan's objectives, actions, programmes… */
  const char *what = kind == COLUMN_NAME ? C_("budget", "Item") : measure_name (measure, total);
  Column column = { kind, measure, year, chapter, NULL, NULL, FALSE };
  g_autofree char *year_text = year != FITA_NONE ? g_strdup_printf ("%d", (int) year) : NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkColumnViewColumn) main_column = NULL;
  g_autoptr(GtkColumnViewColumn) totals_column = NULL;
  int width;

  if (kind == COLUMN_NAME)
    {
      column.title = g_strdup (what);
      column.name = g_strdup (what);
      width = NAME_WIDTH;
    }
  else if (chapter >= 0)
    {
      const char *name = chapter_name (self, g_array_index (self->chapter_ids, gint64, chapter));
      g_autofree char *short_name = short_chapter_name (name);

      column.title = g_strdup_printf ("%s\n%s%s%s", short_name, what, year_text ? " " : "", year_text ? year_text : "");
      /* Translators: a budget column for screen readers, "Planned 2024, Capítol 1" */
      column.name = year_text ? g_strdup_printf (C_("budget column", "%s %s, %s"), what, year_text, name)
                              : g_strdup_printf (C_("budget column", "%s, %s"), what, name);
      width = MAX (CHAPTER_WIDTH, self->money_width);
    }
  else if (year_text != NULL)
    {
      column.title = g_strdup_printf ("%s\n%s", year_text, what);
      /* Translators: a budget column, "Executed 2024" */
      column.name = g_strdup_printf (C_("budget column", "%s %s"), what, year_text);
      width = measure == FITA_BUDGET_RATE ? RATE_WIDTH + 20 : self->money_width;
    }
  else
    {
      /* the period's totals: on two lines too, so the headers line up */
      column.title = two_lines (what);
      column.name = g_strdup (what);
      width = measure == FITA_BUDGET_RATE ? RATE_WIDTH + 20 : self->money_width + 10;
    }
  g_array_append_val (self->columns, column);

  factory = factory_new (self, self->columns->len - 1, kind);
  main_column = gtk_column_view_column_new (column.title, g_object_ref (factory));
  totals_column = gtk_column_view_column_new (column.title, g_object_ref (factory));
  gtk_column_view_column_set_fixed_width (main_column, width);
  gtk_column_view_column_set_resizable (main_column, TRUE);
  if (kind == COLUMN_NAME)
    {
      gtk_column_view_column_set_expand (main_column, TRUE);
      gtk_column_view_column_set_expand (totals_column, TRUE);
    }
  /* the totals follow the table's columns when they are resized */
  g_object_bind_property (main_column, "fixed-width", totals_column, "fixed-width", G_BINDING_SYNC_CREATE);
  gtk_column_view_append_column (self->table_view, main_column);
  gtk_column_view_append_column (self->totals_view, totals_column);
}

static void
remove_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

/* The years and chapters the table has: the plan's period, and any year
 * outside it with amounts; the plan's chapters, and "no chapter" when
 * amounts lack one. */
/* Wide enough for the largest amount a row can show, in bold (the totals
 * row), with room for a warning icon: money is never cut short. */
static int
money_width_for (FitaBudgetPage  *self,
                 FitaBudgetTable *whole)
{
  gint64 planned = 0, executed = 0, largest;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  int width;

  for (int y = whole->first_year; y <= whole->last_year; y++)
    {
      FitaBudgetSum sum = fita_budget_table_year (whole, y);

      planned += sum.planned == FITA_NONE ? 0 : ABS (sum.planned);
      executed += sum.executed == FITA_NONE ? 0 : ABS (sum.executed);
    }
  largest = MAX (planned, executed);
  if (whole->total.planned != FITA_NONE)
    largest = MAX (largest, ABS (whole->total.planned));
  if (whole->total.executed != FITA_NONE)
    largest = MAX (largest, ABS (whole->total.executed));

  text = fita_money_format (-largest, fita_lang_from_locale ());
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  /* the cell's padding, the icon and its spacing */
  return MAX (AMOUNT_WIDTH, width + 48);
}

static void
read_shape (FitaBudgetPage *self)
{
  FitaBudgetTable *whole = fita_budget_row_get_table (self->totals_row, self->plan);

  self->money_width = money_width_for (self, whole);
  self->first_year = whole->first_year;
  self->last_year = whole->last_year;
  g_array_set_size (self->chapter_ids, 0);
  g_array_append_vals (self->chapter_ids, whole->chapter_ids, whole->n_chapters);
  self->has_unassigned = fita_budget_table_has_unassigned (whole);
}

static gboolean
shape_changed (FitaBudgetPage *self)
{
  FitaBudgetTable *whole = fita_budget_row_get_table (self->totals_row, self->plan);

  return money_width_for (self, whole) > self->money_width ||
         whole->first_year != self->first_year || whole->last_year != self->last_year ||
         whole->n_chapters != self->chapter_ids->len ||
         fita_budget_table_has_unassigned (whole) != self->has_unassigned;
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Amounts are right-aligned: so are their headers. GtkColumnView 4.8 has
 * no API for it, so this reaches into its header row, and does nothing if
 * that is not what it expects. */
static void
align_headers (FitaBudgetPage *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->table_view));
  guint index = 0;

  if (header == NULL || g_strcmp0 (gtk_widget_get_css_name (header), "header") != 0)
    return;
  for (GtkWidget *title = gtk_widget_get_first_child (header);
       title != NULL && index < self->columns->len;
       title = gtk_widget_get_next_sibling (title), index++)
    {
      GtkWidget *label = first_label (title);

      if (label == NULL || g_array_index (self->columns, Column, index).kind != COLUMN_AMOUNT)
        continue;
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_hexpand (label, TRUE);
    }
}

static void
add_columns (FitaBudgetPage *self)
{
  static const FitaBudgetMeasure all[] = {
    FITA_BUDGET_PLANNED, FITA_BUDGET_EXECUTED, FITA_BUDGET_DIFFERENCE, FITA_BUDGET_RATE
  };

  remove_columns (self->table_view);
  remove_columns (self->totals_view);
  g_array_set_size (self->columns, 0);
  if (self->plan == NULL)
    return;

  read_shape (self);
  add_column (self, COLUMN_NAME, 0, FITA_NONE, -1);
  /* the figures that matter most first, where they need no scrolling:
   * the period's (or the chosen year's) totals */
  for (guint m = 0; m < G_N_ELEMENTS (all); m++)
    {
      add_column (self, COLUMN_AMOUNT, all[m], self->year_filter, -1);
      g_array_index (self->columns, Column, self->columns->len - 1).summary =
        self->layout == FITA_BUDGET_BY_CHAPTER || self->year_filter == FITA_NONE;
      /* beside the planned total, the two parts it is the sum of */
      if (all[m] == FITA_BUDGET_PLANNED && self->year_filter == FITA_NONE && self->chapter_filter == FITA_NONE)
        {
          add_column (self, COLUMN_AMOUNT, FITA_BUDGET_IN_YEARS, FITA_NONE, -1);
          g_array_index (self->columns, Column, self->columns->len - 1).summary = TRUE;
          add_column (self, COLUMN_AMOUNT, FITA_BUDGET_NOT_IN_YEARS, FITA_NONE, -1);
          g_array_index (self->columns, Column, self->columns->len - 1).summary = TRUE;
        }
    }
  if (self->layout == FITA_BUDGET_BY_YEAR)
    {
      if (self->year_filter != FITA_NONE)
        return;
      for (int y = self->first_year; y <= self->last_year; y++)
        {
          add_column (self, COLUMN_AMOUNT, FITA_BUDGET_PLANNED, y, -1);
          add_column (self, COLUMN_AMOUNT, FITA_BUDGET_EXECUTED, y, -1);
        }
    }
  else
    {
      int only = chapter_index (self, self->chapter_filter);
      guint n = self->chapter_ids->len - (self->has_unassigned ? 0 : 1);

      for (guint c = 0; c < n; c++)
        {
          if (only >= 0 && (int) c != only)
            continue;
          add_column (self, COLUMN_AMOUNT, FITA_BUDGET_PLANNED, self->year_filter, c);
          add_column (self, COLUMN_AMOUNT, FITA_BUDGET_EXECUTED, self->year_filter, c);
        }
    }
}

/* Everything the columns depend on, in a few words. */
static char *
columns_key (FitaBudgetPage *self)
{
  GString *key = g_string_new (NULL);

  if (self->plan == NULL)
    return g_string_free (key, FALSE);
  read_shape (self);
  g_string_append_printf (key, "%d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %d %d %d",
                          self->layout, self->year_filter, self->chapter_filter,
                          self->first_year, self->last_year, self->money_width, self->has_unassigned);
  for (guint c = 0; c < self->chapter_ids->len; c++)
    g_string_append_printf (key, "|%s", chapter_name (self, g_array_index (self->chapter_ids, gint64, c)));
  return g_string_free (key, FALSE);
}

/* Makes the columns again, when what they show changed: a change that
 * leaves them as they are keeps the cells, and the focus in them. */
static void
build_columns (FitaBudgetPage *self)
{
  g_autofree char *key = columns_key (self);

  if (g_strcmp0 (key, self->columns_key) == 0 && (self->plan == NULL || self->columns->len > 0))
    return;
  g_free (self->columns_key);
  self->columns_key = g_steal_pointer (&key);
  add_columns (self);
  align_headers (self);
}

/* Filters */

static void
fill_dropdown (GtkDropDown *dropdown,
               GPtrArray   *names,
               guint        selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

static guint
choice_index (GArray *choices,
              gint64  value)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, gint64, i) == value)
      return i;
  return 0;
}

static void
add_choice (GPtrArray  *names,
            GArray     *choices,
            const char *name,
            gint64      value)
{
  g_ptr_array_add (names, g_strdup (name));
  g_array_append_val (choices, value);
}

/* The dropdowns list the plan's years, chapters and levels; a filter on
 * something the plan no longer has is let go. */
static void
build_filters (FitaBudgetPage *self)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) chapters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
  gint64 none = FITA_NONE;

  g_array_set_size (self->year_choices, 0);
  g_array_set_size (self->chapter_choices, 0);
  g_array_set_size (self->level_choices, 0);
  add_choice (years, self->year_choices, _("All Years"), none);
  add_choice (chapters, self->chapter_choices, _("All Chapters"), none);
  add_choice (levels, self->level_choices, _("All Levels"), 0);

  if (self->plan != NULL)
    {
      GPtrArray *plan_levels = fita_plan_list (self->plan, FITA_TABLE_LEVEL, 0);

      for (int y = self->first_year; y <= self->last_year; y++)
        {
          g_autofree char *year = g_strdup_printf ("%d", y);
          add_choice (years, self->year_choices, year, y);
        }
      for (guint c = 0; c + 1 < self->chapter_ids->len; c++)
        {
          gint64 id = g_array_index (self->chapter_ids, gint64, c);
          add_choice (chapters, self->chapter_choices, chapter_name (self, id), id);
        }
      if (self->has_unassigned)
        add_choice (chapters, self->chapter_choices, chapter_name (self, 0), 0);
      for (guint l = 0; l < plan_levels->len; l++)
        {
          FitaLevel *level = g_ptr_array_index (plan_levels, l);
          add_choice (levels, self->level_choices, level->name ? level->name : "", level->rec.id);
        }
    }

  self->year_filter = g_array_index (self->year_choices, gint64, choice_index (self->year_choices, self->year_filter));
  self->chapter_filter = g_array_index (self->chapter_choices, gint64, choice_index (self->chapter_choices, self->chapter_filter));
  self->level_filter = g_array_index (self->level_choices, gint64, choice_index (self->level_choices, self->level_filter));

  self->updating++;
  fill_dropdown (self->year_dropdown, years, choice_index (self->year_choices, self->year_filter));
  fill_dropdown (self->chapter_dropdown, chapters, choice_index (self->chapter_choices, self->chapter_filter));
  fill_dropdown (self->level_dropdown, levels, choice_index (self->level_choices, self->level_filter));
  self->updating--;
}

/* The model */

static void
update_chart_scope (FitaBudgetPage *self)
{
  FitaBudgetRow *row = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  g_autofree char *label = NULL;

  if (GTK_IS_TREE_LIST_ROW (row))
    {
      row = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row));
      g_object_unref (row);
    }
  if (self->plan != NULL && row != NULL && fita_budget_row_get_item (row, self->plan) == NULL)
    row = NULL;
  fita_chart_view_set_item_id (self->chart_view, row ? fita_budget_row_get_item_id (row) : 0);
  fita_chart_view_set_year (self->chart_view, self->year_filter);
  label = row && self->plan ? row_label (self, row) : g_strdup (_("Whole plan"));
  gtk_label_set_label (self->chart_scope_label, label);
}

static void
on_selection_changed (FitaBudgetPage *self)
{
  update_chart_scope (self);
}

/* The ids of the expanded rows, to expand them again in a new model. */
static GHashTable *
expanded_ids (FitaBudgetPage *self)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);

      if (tree_row != NULL && gtk_tree_list_row_get_expanded (tree_row))
        {
          g_autoptr(FitaBudgetRow) row = gtk_tree_list_row_get_item (tree_row);
          gint64 id = fita_budget_row_get_item_id (row);

          g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
        }
    }
  return ids;
}

static gint64
selected_id (FitaBudgetPage *self)
{
  gpointer selected = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  g_autoptr(FitaBudgetRow) row = NULL;

  if (!GTK_IS_TREE_LIST_ROW (selected))
    return 0;
  row = gtk_tree_list_row_get_item (selected);
  return fita_budget_row_get_item_id (row);
}

/* Expands the rows in ids (and selects selected) as they appear. */
static void
restore_rows (FitaBudgetPage *self,
              GHashTable     *ids,
              gint64          selected)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(FitaBudgetRow) row = gtk_tree_list_row_get_item (tree_row);
      gint64 id = fita_budget_row_get_item_id (row);

      if (ids != NULL && g_hash_table_contains (ids, &id))
        gtk_tree_list_row_set_expanded (tree_row, TRUE);
      if (selected != 0 && id == selected)
        gtk_single_selection_set_selected (self->selection, i);
    }
}

static void
build_model (FitaBudgetPage *self,
             gboolean        keep_rows)
{
  g_autoptr(GHashTable) ids = keep_rows ? expanded_ids (self) : NULL;
  gint64 selected = keep_rows ? selected_id (self) : 0;
  GtkTreeListModel *tree;

  tree = gtk_tree_list_model_new (root_rows (self), FALSE, FALSE, create_children, self, NULL);
  g_set_object (&self->tree, tree);
  g_object_unref (tree);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  restore_rows (self, ids, selected);
  update_chart_scope (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  FitaBudgetPage *self = data;

  self->rebuild_idle = 0;
  if (self->rebuild_columns)
    {
      read_shape (self);
      build_filters (self);
      build_columns (self);
    }
  if (self->rebuild_model)
    build_model (self, TRUE);
  self->rebuild_columns = self->rebuild_model = FALSE;
  return G_SOURCE_REMOVE;
}

/* Rebuilds later: a change can come from a cell's own commit, which must
 * not see its column go away under it. */
static void
queue_rebuild (FitaBudgetPage *self,
               gboolean        model,
               gboolean        columns)
{
  self->rebuild_model |= model;
  self->rebuild_columns |= columns;
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_cb, self);
}

static gboolean
changes_tree (const FitaChanges *changes)
{
  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId table;
      FitaChangeKind kind;
      const char *field;
      gint64 id;

      fita_changes_get (changes, i, &table, &id, &kind, &field);
      if (table != FITA_TABLE_ITEM)
        continue;
      if (kind != FITA_CHANGE_UPDATED ||
          g_strcmp0 (field, "parent_id") == 0 || g_strcmp0 (field, "position") == 0 ||
          g_strcmp0 (field, "level_id") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
on_plan_changed (FitaPlan       *plan,
                 FitaChanges    *changes,
                 FitaBudgetPage *self)
{
  gboolean model = changes_tree (changes);
  gboolean columns = fita_changes_touches (changes, FITA_TABLE_CHAPTER) ||
                     fita_changes_touches (changes, FITA_TABLE_LEVEL) ||
                     fita_changes_touches (changes, FITA_TABLE_PLAN);

  if (!columns && fita_changes_touches (changes, FITA_TABLE_BUDGET_LINE))
    columns = shape_changed (self);
  if (model || columns)
    queue_rebuild (self, model, columns);
  /* the rows' caches see the new generation and compute again */
  refresh_cells (self);
  update_chart_scope (self);
}

/* Timing the first frame */

static void
stop_timing (FitaBudgetPage *self)
{
  /* a clock disposed with its window has let go of its handlers already */
  if (self->clock != NULL && self->after_paint_id != 0 &&
      g_signal_handler_is_connected (self->clock, self->after_paint_id))
    g_signal_handler_disconnect (self->clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->clock);
}

static void
on_after_paint (GdkFrameClock  *clock,
                FitaBudgetPage *self)
{
  self->open_ms = (g_get_monotonic_time () - self->open_start) / 1000.0;
  stop_timing (self);
}

static void
time_first_frame (FitaBudgetPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  stop_timing (self);
  self->open_ms = -1;
  /* not on screen yet: the first frame comes when it is mapped */
  self->timing_pending = clock == NULL && self->plan != NULL;
  if (clock == NULL)
    return;
  self->clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fita_budget_page_map (GtkWidget *widget)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (widget);

  GTK_WIDGET_CLASS (fita_budget_page_parent_class)->map (widget);
  if (self->timing_pending)
    {
      gint64 start = self->open_start;

      time_first_frame (self);
      self->open_start = start;
    }
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (widget);
  g_autofree char *tsv = fita_budget_page_copy_tsv (self);
  GtkWidget *overlay;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), tsv);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Budget table copied, ready to paste into a spreadsheet")));
}

/* Dropdowns */

static void
on_year_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating || selected >= self->year_choices->len)
    return;
  fita_budget_page_set_filters (self, g_array_index (self->year_choices, gint64, selected),
                                self->chapter_filter, self->level_filter);
}

static void
on_chapter_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chapter_dropdown);

  if (self->updating || selected >= self->chapter_choices->len)
    return;
  fita_budget_page_set_filters (self, self->year_filter,
                                g_array_index (self->chapter_choices, gint64, selected), self->level_filter);
}

static void
on_level_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->level_dropdown);

  if (self->updating || selected >= self->level_choices->len)
    return;
  fita_budget_page_set_filters (self, self->year_filter, self->chapter_filter,
                                g_array_index (self->level_choices, gint64, selected));
}

static void
on_chart_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chart_dropdown);

  if (selected < FITA_N_CHARTS)
    fita_chart_view_set_kind (self->chart_view, selected);
}

static void
ensure_style (FitaBudgetPage *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "fita-budget-page-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/cat/fita/Fita/fita-budget-page.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fita-budget-page-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* The totals view shows no header of its own: the table's is above. */
static void
hide_header (GtkColumnView *view)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  if (header != NULL && g_strcmp0 (gtk_widget_get_css_name (header), "header") == 0)
    gtk_widget_set_visible (header, FALSE);
}

/* GObject */

static void
fita_budget_page_dispose (GObject *object)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  stop_timing (self);
  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  if (self->table_view != NULL)
    {
      remove_columns (self->table_view);
      remove_columns (self->totals_view);
      gtk_column_view_set_model (self->table_view, NULL);
      gtk_column_view_set_model (self->totals_view, NULL);
    }
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->totals);
  g_clear_object (&self->totals_row);
  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_BUDGET_PAGE);

  G_OBJECT_CLASS (fita_budget_page_parent_class)->dispose (object);
}

static void
fita_budget_page_finalize (GObject *object)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  g_array_unref (self->columns);
  g_array_unref (self->chapter_ids);
  g_array_unref (self->year_choices);
  g_array_unref (self->chapter_choices);
  g_array_unref (self->level_choices);
  g_hash_table_unref (self->cells);
  g_hash_table_unref (self->names);
  g_free (self->columns_key);

  G_OBJECT_CLASS (fita_budget_page_parent_class)->finalize (object);
}

static void
fita_budget_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_budget_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FitaBudgetPage *self = FITA_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_budget_page_set_plan (self, g_value_get_object (value));
      break;
    case PROP_LAYOUT:
      fita_budget_page_set_layout (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_budget_page_class_init (FitaBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_budget_page_dispose;
  object_class->finalize = fita_budget_page_finalize;
  object_class->get_property = fita_budget_page_get_property;
  object_class->set_property = fita_budget_page_set_property;

  widget_class->map = fita_budget_page_map;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL, FITA_TYPE_BUDGET_LAYOUT, FITA_BUDGET_BY_YEAR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FITA_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chapter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, totals_scroller);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, table_view);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, totals_view);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_scope_label);
  gtk_widget_class_bind_template_child (widget_class, FitaBudgetPage, chart_view);

  gtk_widget_class_install_property_action (widget_class, "budget.layout", "layout");
  gtk_widget_class_install_action (widget_class, "budget.copy", NULL, copy_action);

  gtk_widget_class_set_css_name (widget_class, "budgetpage");
}

static void
fita_budget_page_init (FitaBudgetPage *self)
{
  g_autoptr(GtkStringList) charts = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->year_filter = FITA_NONE;
  self->chapter_filter = FITA_NONE;
  self->open_ms = -1;
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->chapter_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->year_choices = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->chapter_choices = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->level_choices = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->cells = g_hash_table_new (NULL, NULL);
  self->names = g_hash_table_new (NULL, NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (self->selection));

  self->totals_row = fita_budget_row_new (0);
  self->totals = g_list_store_new (FITA_TYPE_BUDGET_ROW);
  g_list_store_append (self->totals, self->totals_row);
  {
    g_autoptr(GtkNoSelection) none = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->totals)));
    gtk_column_view_set_model (self->totals_view, GTK_SELECTION_MODEL (none));
  }
  hide_header (self->totals_view);
  gtk_scrolled_window_set_hadjustment (self->totals_scroller,
                                       gtk_scrolled_window_get_hadjustment (self->table_scroller));

  charts = gtk_string_list_new (NULL);
  /* Translators: kinds of budget chart, in a dropdown */
  gtk_string_list_append (charts, _("Planned and Executed"));
  gtk_string_list_append (charts, _("Executed by Chapter, Stacked"));
  gtk_string_list_append (charts, _("Execution Rate of Each Line"));
  gtk_string_list_append (charts, _("Cumulative Execution"));
  gtk_string_list_append (charts, _("Share of Each Chapter"));
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (charts));

  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
  g_signal_connect_swapped (self->chapter_dropdown, "notify::selected", G_CALLBACK (on_chapter_selected), self);
  g_signal_connect_swapped (self->level_dropdown, "notify::selected", G_CALLBACK (on_level_selected), self);
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (on_chart_selected), self);

  build_filters (self);
  update_chart_scope (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy", FALSE);
  ensure_style (self);
}

GtkWidget *
fita_budget_page_new (void)
{
  return g_object_new (FITA_TYPE_BUDGET_PAGE, NULL);
}

FitaPlan *
fita_budget_page_get_plan (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  return self->plan;
}

void
fita_budget_page_set_plan (FitaBudgetPage *self,
                           FitaPlan       *plan)
{
  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  self->open_start = g_get_monotonic_time ();
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  self->rebuild_model = self->rebuild_columns = FALSE;
  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);

  /* a new plan starts unfiltered */
  self->year_filter = FITA_NONE;
  self->chapter_filter = FITA_NONE;
  self->level_filter = 0;
  /* the old rows' caches belong to the old plan */
  g_clear_object (&self->totals_row);
  self->totals_row = fita_budget_row_new (0);
  g_list_store_splice (self->totals, 0, 1, (gpointer *) &self->totals_row, 1);

  fita_chart_view_set_plan (self->chart_view, plan);
  g_clear_pointer (&self->columns_key, g_free);
  if (plan != NULL)
    read_shape (self);
  build_filters (self);
  build_columns (self);
  build_model (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.copy", plan != NULL);
  time_first_frame (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

FitaBudgetLayout
fita_budget_page_get_layout (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), FITA_BUDGET_BY_YEAR);

  return self->layout;
}

void
fita_budget_page_set_layout (FitaBudgetPage   *self,
                             FitaBudgetLayout  layout)
{
  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));

  if (self->layout == layout)
    return;
  self->layout = layout;
  build_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

void
fita_budget_page_set_filters (FitaBudgetPage *self,
                              gint64          year,
                              gint64          chapter_id,
                              gint64          level_id)
{
  gboolean level_changed;

  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));

  if (year == self->year_filter && chapter_id == self->chapter_filter && level_id == self->level_filter)
    return;
  level_changed = level_id != self->level_filter;
  self->year_filter = year;
  self->chapter_filter = chapter_id;
  self->level_filter = level_id;
  /* let go of what the plan does not have, and show the choice */
  build_filters (self);
  build_columns (self);
  if (level_changed)
    build_model (self, FALSE);
  update_chart_scope (self);
}

char *
fita_budget_page_copy_tsv (FitaBudgetPage *self)
{
  const char *lang = fita_lang_from_locale ();
  GString *tsv;
  guint n;

  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  tsv = g_string_new (NULL);
  if (self->plan == NULL)
    return g_string_free (tsv, FALSE);

  /* Translators: headers of the copied budget table: an item's code ("O3.A1", "11") and title */
  g_string_append_printf (tsv, "%s\t%s", C_("budget", "Code"), C_("budget", "Item"));
  for (guint c = 1; c < self->columns->len; c++)
    {
      g_autofree char *name = g_strdup (g_array_index (self->columns, Column, c).name);

      g_strdelimit (name, "\t\n\r", ' ');
      g_string_append_printf (tsv, "\t%s", name);
    }
  g_string_append_c (tsv, '\n');

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = i < n ? gtk_tree_list_model_get_row (self->tree, i) : NULL;
      g_autoptr(FitaBudgetRow) row = tree_row ? gtk_tree_list_row_get_item (tree_row) : g_object_ref (self->totals_row);
      FitaItem *item = fita_budget_row_get_item (row, self->plan);
      FitaBudgetTable *table = fita_budget_row_get_table (row, self->plan);
      g_autofree char *code = g_strdup (item && item->code ? item->code : "");
      /* Translators: the row of the copied budget table with the whole plan's sums */
      g_autofree char *title = g_strdup (item ? (item->title ? item->title : "") : C_("budget", "Total"));

      if (tree_row != NULL && item == NULL)
        continue;
      g_strdelimit (code, "\t\n\r", ' ');
      g_strdelimit (title, "\t\n\r", ' ');
      g_string_append_printf (tsv, "%s\t%s", code, title);
      for (guint c = 1; c < self->columns->len; c++)
        {
          const Column *column = &g_array_index (self->columns, Column, c);
          g_autofree char *text = measure_text (column_sum (self, table, column),
                                                fita_budget_row_get_envelope (row, self->plan),
                                                column->measure, lang, TRUE);

          g_string_append_printf (tsv, "\t%s", text);
        }
      g_string_append_c (tsv, '\n');
    }
  return g_string_free (tsv, FALSE);
}

void
fita_budget_page_reveal_item (FitaBudgetPage *self,
                              gint64          item_id)
{
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (gint64));
  FitaItem *item;

  g_return_if_fail (FITA_IS_BUDGET_PAGE (self));

  if (self->plan == NULL)
    return;
  /* the item and its ancestors, top first */
  for (item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, item_id);
       item != NULL;
       item = item->parent_id ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, item->parent_id) : NULL)
    g_array_prepend_val (path, item->rec.id);

  for (guint i = 0, depth = 0; depth < path->len && i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(FitaBudgetRow) row = gtk_tree_list_row_get_item (tree_row);
      gint64 id = fita_budget_row_get_item_id (row);

      if (self->level_filter != 0 ? id != item_id : id != g_array_index (path, gint64, depth))
        continue;
      if (id == item_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->table_view), "list.scroll-to-item", "u", i);
          return;
        }
      gtk_tree_list_row_set_expanded (tree_row, TRUE);
      depth++;
    }
}

GtkWidget *
fita_budget_page_find_cell (FitaBudgetPage    *self,
                            gint64             item_id,
                            FitaBudgetMeasure  measure,
                            gint64             year,
                            gint64             chapter_id)
{
  GHashTableIter iter;
  gpointer widget, list_item;
  int chapter;

  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  chapter = chapter_index (self, chapter_id);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &widget, &list_item))
    {
      FitaBudgetRow *row = row_of (list_item);
      guint index = fita_budget_cell_get_column (widget);
      const Column *column;

      if (row == NULL || fita_budget_row_get_item_id (row) != item_id || index >= self->columns->len)
        continue;
      column = &g_array_index (self->columns, Column, index);
      if (column->measure == measure && column->year == year && column->chapter == chapter)
        return widget;
    }
  return NULL;
}

GStrv
fita_budget_page_dup_titles (FitaBudgetPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    g_strv_builder_add (builder, g_array_index (self->columns, Column, c).name);
  return g_strv_builder_end (builder);
}

FitaChartView *
fita_budget_page_get_chart_view (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), NULL);

  return self->chart_view;
}

double
fita_budget_page_get_open_ms (FitaBudgetPage *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_PAGE (self), -1);

  return self->open_ms;
}
