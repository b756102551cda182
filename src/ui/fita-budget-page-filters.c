/* fita-budget-page-filters.c: the year, chapter and level filters of the Budget page. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-budget-page-private.h"

/* Filters */

static gboolean
lists_names (GListModel *model,
             GPtrArray  *names)
{
  if (!GTK_IS_STRING_LIST (model) || g_list_model_get_n_items (model) != names->len)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), g_ptr_array_index (names, i)) != 0)
      return FALSE;
  return TRUE;
}

/* A new model only when the names changed: this runs from the dropdown's
 * own notify::selected too, and a model replaced under the selection that
 * is notifying makes it read the old model's item once gone. */
static void
fill_dropdown (GtkDropDown *dropdown,
               GPtrArray   *names,
               guint        selected)
{
  if (!lists_names (gtk_drop_down_get_model (dropdown), names))
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

      for (guint i = 0; i < names->len; i++)
        gtk_string_list_append (list, g_ptr_array_index (names, i));
      gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
    }
  if (gtk_drop_down_get_selected (dropdown) != selected)
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
void
fita_budget_page_build_filters (FitaBudgetPage *self)
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
          add_choice (chapters, self->chapter_choices, fita_budget_page_chapter_name (self, id), id);
        }
      if (self->has_unassigned)
        add_choice (chapters, self->chapter_choices, fita_budget_page_chapter_name (self, 0), 0);
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


/* Dropdowns */

void
fita_budget_page_on_year_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating || selected >= self->year_choices->len)
    return;
  fita_budget_page_set_filters (self, g_array_index (self->year_choices, gint64, selected),
                                self->chapter_filter, self->level_filter);
}

void
fita_budget_page_on_chapter_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->chapter_dropdown);

  if (self->updating || selected >= self->chapter_choices->len)
    return;
  fita_budget_page_set_filters (self, self->year_filter,
                                g_array_index (self->chapter_choices, gint64, selected), self->level_filter);
}

void
fita_budget_page_on_level_selected (FitaBudgetPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->level_dropdown);

  if (self->updating || selected >= self->level_choices->len)
    return;
  fita_budget_page_set_filters (self, self->year_filter, self->chapter_filter,
                                g_array_index (self->level_choices, gint64, selected));
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
  fita_budget_page_build_filters (self);
  fita_budget_page_build_columns (self);
  if (level_changed)
    fita_budget_page_build_model (self, FALSE);
  fita_budget_page_update_chart_scope (self);
}
