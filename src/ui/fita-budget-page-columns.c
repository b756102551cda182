/* fita-budget-page-columns.c: the columns of the Budget page: what they show and their headers. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"

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
      const char *name = fita_budget_page_chapter_name (self, g_array_index (self->chapter_ids, gint64, chapter));
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

  factory = fita_budget_page_factory_new (self, self->columns->len - 1, kind);
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

void
fita_budget_page_remove_columns (GtkColumnView *view)
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

void
fita_budget_page_read_shape (FitaBudgetPage *self)
{
  FitaBudgetTable *whole = fita_budget_row_get_table (self->totals_row, self->plan);

  self->money_width = money_width_for (self, whole);
  self->first_year = whole->first_year;
  self->last_year = whole->last_year;
  g_array_set_size (self->chapter_ids, 0);
  g_array_append_vals (self->chapter_ids, whole->chapter_ids, whole->n_chapters);
  self->has_unassigned = fita_budget_table_has_unassigned (whole);
}

gboolean
fita_budget_page_shape_changed (FitaBudgetPage *self)
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

  fita_budget_page_remove_columns (self->table_view);
  fita_budget_page_remove_columns (self->totals_view);
  g_array_set_size (self->columns, 0);
  if (self->plan == NULL)
    return;

  fita_budget_page_read_shape (self);
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
      int only = fita_budget_page_chapter_index (self, self->chapter_filter);
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
  fita_budget_page_read_shape (self);
  g_string_append_printf (key, "%d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %d %d %d",
                          self->layout, self->year_filter, self->chapter_filter,
                          self->first_year, self->last_year, self->money_width, self->has_unassigned);
  for (guint c = 0; c < self->chapter_ids->len; c++)
    g_string_append_printf (key, "|%s", fita_budget_page_chapter_name (self, g_array_index (self->chapter_ids, gint64, c)));
  return g_string_free (key, FALSE);
}

/* Makes the columns again, when what they show changed: a change that
 * leaves them as they are keeps the cells, and the focus in them. */
void
fita_budget_page_build_columns (FitaBudgetPage *self)
{
  g_autofree char *key = columns_key (self);

  if (g_strcmp0 (key, self->columns_key) == 0 && (self->plan == NULL || self->columns->len > 0))
    return;
  g_free (self->columns_key);
  self->columns_key = g_steal_pointer (&key);
  add_columns (self);
  align_headers (self);
}
