/* fita-budget-page-copy.c: copying the Budget table, to paste it into a spreadsheet. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"

/* The action */

void
fita_budget_page_copy_action (GtkWidget  *widget,
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
          g_autofree char *text = fita_budget_page_measure_text (fita_budget_page_column_sum (self, table, column),
                                                fita_budget_row_get_envelope (row, self->plan),
                                                column->measure, lang, TRUE);

          g_string_append_printf (tsv, "\t%s", text);
        }
      g_string_append_c (tsv, '\n');
    }
  return g_string_free (tsv, FALSE);
}
