/* fita-budget-page-cells.c: the cells of the Budget page: editing an amount, moving between cells, the column factories. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"
#include "fita-change-error.h"

/* Editing */

const char *
fita_budget_page_chapter_name (FitaBudgetPage *self,
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
  /* a service: what its own items spent, not what was planned */
  if (fita_plan_get_access (self->plan) == FITA_ACCESS_FOLLOW_UP &&
      (column->measure != FITA_BUDGET_EXECUTED ||
       !fita_plan_may_change (self->plan, FITA_TABLE_ITEM, item->rec.id, "progress")))
    {
      *note = g_strdup (_("Your service can change only the executed amounts of the items it follows up"));
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

  chapter = fita_budget_page_column_chapter (self, column);
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

  if (list_item == NULL || index >= self->columns->len || (row = fita_budget_page_row_of (list_item)) == NULL)
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
      /* someone else's amount first, or the server's refusal: asked or
       * said over the window, and the cell shows the plan's amount */
      if (fita_change_error_show (GTK_WIDGET (cell), self->plan, error, NULL))
        return TRUE;
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
      (row = fita_budget_page_row_of (list_item)) == NULL)
    return;
  column = &g_array_index (self->columns, Column, index);
  table = fita_budget_row_get_table (row, self->plan);
  sum = fita_budget_page_column_sum (self, table, column);

  text = fita_budget_page_measure_text (sum, fita_budget_row_get_envelope (row, self->plan), column->measure, lang, FALSE);
  if (column->measure == FITA_BUDGET_PLANNED && sum.planned != FITA_NONE)
    edit_text = fita_money_format (sum.planned, lang);
  else if (column->measure == FITA_BUDGET_EXECUTED && sum.executed != FITA_NONE)
    edit_text = fita_money_format (sum.executed, lang);
  fita_budget_cell_set_text (cell, text, edit_text ? edit_text : "");

  warning = fita_budget_page_column_warning (self, row, column, lang);
  fita_budget_cell_set_warning (cell, warning);

  editable = edit_target (self, row, column, &chapter_id, &note);
  if (editable && fita_budget_page_column_chapter (self, column) < 0)
    {
      /* Translators: where a typed amount goes, "Budget chapter: Capítol 1" */
      note = g_strdup_printf (_("Budget chapter: %s"), fita_budget_page_chapter_name (self, chapter_id));
    }
  fita_budget_cell_set_editable (cell, editable);
  fita_budget_cell_set_note (cell, note);

  if (column->summary)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "summary");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "summary");

  label = fita_budget_page_row_label (self, row);
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
  FitaBudgetRow *row = fita_budget_page_row_of (list_item);
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

  warnings = fita_budget_page_row_warnings (self, row, fita_lang_from_locale ());
  gtk_widget_set_visible (icon, warnings != NULL);
  gtk_widget_set_tooltip_text (icon, warnings);
  label = fita_budget_page_row_label (self, row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, warnings ? warnings : "",
                                  -1);
}

void
fita_budget_page_refresh_cells (FitaBudgetPage *self)
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

GtkListItemFactory *
fita_budget_page_factory_new (FitaBudgetPage *self,
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
