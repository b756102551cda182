#include "config.h"
#include "fita-check.h"
#include "fita-money.h"
#include "fita-plan-private.h"
#include "fita-rollup.h"

#include <glib/gi18n-lib.h>

static char *
item_name (FitaItem *item)
{
  if (item->code != NULL)
    return g_strdup (item->code);
  /* Translators: how an item without a code is named in a problem list */
  return g_strdup_printf (_("item “%s”"), item->title ? item->title : "?");
}

static void
add (GPtrArray *problems, FitaItem *item, char *message)
{
  if (item != NULL)
    {
      g_autofree char *name = item_name (item);
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, message));
      g_free (message);
    }
  else
    g_ptr_array_add (problems, message);
}

static gboolean
outside (FitaPlanInfo *info, gint64 year)
{
  return year != FITA_NONE &&
         ((info->period_start != FITA_NONE && year < info->period_start) ||
          (info->period_end != FITA_NONE && year > info->period_end));
}

static void
check_item (FitaPlan *plan, FitaItem *item, GHashTable *codes, GPtrArray *problems)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  FitaLevel *level = item->level_id ? fita_plan_lookup (plan, FITA_TABLE_LEVEL, item->level_id) : NULL;
  FitaStatus *status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  GPtrArray *followups = fita_plan_list (plan, FITA_TABLE_FOLLOWUP, item->rec.id);
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) years = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint depth = fita_plan_item_depth (plan, item);
  gboolean leaf = fita_plan_item_is_leaf (plan, item);

  if (item->code != NULL)
    {
      if (g_hash_table_contains (codes, item->code))
        add (problems, item, g_strdup (_("the same code is used by more than one item; give each item its own code")));
      else
        g_hash_table_add (codes, item->code);
    }
  if (item->title == NULL)
    add (problems, item, g_strdup (_("the item has no title")));
  if (level != NULL && level->depth != depth)
    add (problems, item, g_strdup_printf (_("it is a “%s”, a level that belongs at depth %d, but it sits at depth %u of the tree"),
                                          level->name, (int) level->depth, depth));
  if (!leaf && item->progress_bp != FITA_NONE)
    add (problems, item, g_strdup (_("a percent was entered on an item that has items below it; its percent is derived from them, so clear it")));
  if (leaf && status != NULL && status->percent != FITA_NONE && item->progress_bp != FITA_NONE &&
      status->percent * 100 != item->progress_bp)
    {
      g_autofree char *progress = fita_percent_format_hundredths (item->progress_bp, -1, fita_lang_from_locale ());
      add (problems, item, g_strdup_printf (_("its status “%s” means %d %%, but its progress is %s"),
                                            status->name, (int) status->percent, progress));
    }
  if (item->planned_total_cents != FITA_NONE && item->planned_total_cents < 0)
    add (problems, item, g_strdup (_("its planned total is negative; amounts may not be negative")));
  else if (item->planned_total_cents != FITA_NONE)
    {
      FitaBudgetEnvelope envelope;
      fita_plan_budget_envelope (plan, item, &envelope);
      if (envelope.over)
        {
          const char *lang = fita_lang_from_locale ();
          g_autofree char *parts = fita_money_format (envelope.parts, lang);
          g_autofree char *total = fita_money_format (item->planned_total_cents, lang);
          add (problems, item, g_strdup_printf (_("what is planned in its years and in the items below it (%s) is more than its planned total (%s); raise the total or lower the parts"),
                                                parts, total));
        }
    }
  if (item->start_year != FITA_NONE && item->end_year != FITA_NONE && item->start_year > item->end_year)
    add (problems, item, g_strdup_printf (_("it starts in %d, after it ends (%d)"),
                                          (int) item->start_year, (int) item->end_year));
  if (item->start_date != NULL && item->end_date != NULL && g_strcmp0 (item->start_date, item->end_date) > 0)
    add (problems, item, g_strdup_printf (_("it starts on %s, after it ends (%s)"), item->start_date, item->end_date));
  if (outside (info, item->start_year) || outside (info, item->end_year))
    add (problems, item, g_strdup (_("its years fall outside the plan's period of validity")));

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      g_autofree char *cell = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, line->year, line->chapter_id);
      if (!g_hash_table_add (cells, g_steal_pointer (&cell)))
        add (problems, item, g_strdup_printf (_("the budget has two lines for the same year (%d) and chapter"), (int) line->year));
      if (line->year == FITA_NONE)
        add (problems, item, g_strdup (_("a budget line has no year")));
      else if (outside (info, line->year))
        add (problems, item, g_strdup_printf (_("a budget line is for %d, outside the plan's period of validity"), (int) line->year));
      if ((line->planned_cents != FITA_NONE && line->planned_cents < 0) ||
          (line->executed_cents != FITA_NONE && line->executed_cents < 0))
        add (problems, item, g_strdup_printf (_("the budget for %d has a negative amount; amounts may not be negative"), (int) line->year));
    }
  for (guint i = 0; i < followups->len; i++)
    {
      FitaFollowup *followup = g_ptr_array_index (followups, i);
      if (!g_hash_table_add (years, GINT_TO_POINTER ((int) followup->year)))
        add (problems, item, g_strdup_printf (_("there are two follow-ups for %d"), (int) followup->year));
    }
}

gboolean
fita_plan_check (FitaPlan *plan, GPtrArray *problems, GError **error)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  FitaStore *store = fita_plan_get_store (plan);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);

  if (store != NULL && !fita_store_check_integrity (store, problems, error))
    return FALSE;

  if (info->period_start != FITA_NONE && info->period_end != FITA_NONE && info->period_start > info->period_end)
    add (problems, NULL, g_strdup_printf (_("Plan: the period of validity starts in %d, after it ends (%d)"),
                                          (int) info->period_start, (int) info->period_end));
  if (outside (info, info->followed_year))
    add (problems, NULL, g_strdup_printf (_("Plan: the year followed up, %d, is outside the period of validity"),
                                          (int) info->followed_year));
  for (guint i = 0; i < items->len; i++)
    check_item (plan, g_ptr_array_index (items, i), codes, problems);
  return TRUE;
}
