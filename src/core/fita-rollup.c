#include "config.h"
#include "fita-rollup.h"
#include "fita-i18n.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>

/* The progress cache lives on the plan object, keyed by its generation. */
typedef struct {
  guint64 generation;
  GHashTable *bp;    /* item id → gint64 bp */
} ProgressCache;

static void
progress_cache_free (gpointer data)
{
  ProgressCache *cache = data;

  g_hash_table_unref (cache->bp);
  g_free (cache);
}

static gint64
leaf_bp (FitaPlan *plan, FitaItem *item)
{
  FitaStatus *status;

  if (item->progress != FITA_NONE)
    return item->progress * 100;
  status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;
  if (status != NULL && status->percent != FITA_NONE)
    return status->percent * 100;
  return FITA_NONE;
}

typedef struct {
  gint64 sum;        /* Σ weight × bp */
  gint64 weights;    /* Σ weight */
} Mean;

static void
mean_add (Mean *mean, gint64 bp, gint64 weight, FitaMissingRule missing)
{
  if (bp == FITA_NONE)
    {
      if (missing == FITA_MISSING_SKIP)
        return;
      bp = 0;
    }
  mean->sum += weight * bp;
  mean->weights += weight;
}

static gint64
mean_value (Mean *mean)
{
  return mean->weights > 0 ? fita_div_round (mean->sum, mean->weights) : FITA_NONE;
}

/* Adds the leaves below item to mean (for the "mean of the leaves" rule). */
static void
add_leaves (FitaPlan *plan, FitaItem *item, Mean *mean, FitaMissingRule missing)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item->rec.id);

  if (children->len == 0)
    {
      mean_add (mean, leaf_bp (plan, item), 1, missing);
      return;
    }
  for (guint i = 0; i < children->len; i++)
    add_leaves (plan, g_ptr_array_index (children, i), mean, missing);
}

static gint64
compute (FitaPlan *plan, FitaItem *item, GHashTable *cache)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item->rec.id);
  Mean mean = { 0, 0 };
  gint64 bp;

  if (children->len == 0)
    bp = leaf_bp (plan, item);
  else
    {
      for (guint i = 0; i < children->len; i++)
        {
          FitaItem *child = g_ptr_array_index (children, i);
          gint64 child_bp = compute (plan, child, cache);
          if (info->progress_rule != FITA_PROGRESS_LEAVES)
            mean_add (&mean, child_bp,
                      info->progress_rule == FITA_PROGRESS_WEIGHTED ? child->weight : 1,
                      info->progress_missing);
        }
      if (info->progress_rule == FITA_PROGRESS_LEAVES)
        add_leaves (plan, item, &mean, info->progress_missing);
      bp = mean_value (&mean);
    }
  g_hash_table_insert (cache, &item->rec.id, g_memdup2 (&bp, sizeof bp));
  return bp;
}

static ProgressCache *
progress_cache (FitaPlan *plan, gboolean force)
{
  ProgressCache *cache = g_object_get_data (G_OBJECT (plan), "fita-progress-cache");

  if (cache == NULL)
    {
      cache = g_new0 (ProgressCache, 1);
      cache->bp = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
      cache->generation = G_MAXUINT64;
      g_object_set_data_full (G_OBJECT (plan), "fita-progress-cache", cache, progress_cache_free);
    }
  if (force || cache->generation != fita_plan_get_generation (plan))
    {
      GPtrArray *roots = fita_plan_list (plan, FITA_TABLE_ITEM, 0);
      g_hash_table_remove_all (cache->bp);
      for (guint i = 0; i < roots->len; i++)
        compute (plan, g_ptr_array_index (roots, i), cache->bp);
      cache->generation = fita_plan_get_generation (plan);
    }
  return cache;
}

void
fita_plan_rollup (FitaPlan *plan)
{
  progress_cache (plan, TRUE);
}

gint64
fita_plan_progress_bp (FitaPlan *plan, FitaItem *item)
{
  gint64 *bp = g_hash_table_lookup (progress_cache (plan, FALSE)->bp, &item->rec.id);

  return bp ? *bp : FITA_NONE;
}

int
fita_plan_progress (FitaPlan *plan, FitaItem *item)
{
  gint64 bp = fita_plan_progress_bp (plan, item);

  return bp == FITA_NONE ? -1 : (int) fita_div_round (bp, 100);
}

char *
fita_plan_describe_progress_rule_in (FitaPlan *plan, FitaTranslator *tr)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  const char *rule, *missing;

  switch (info->progress_rule)
    {
    case FITA_PROGRESS_LEAVES:
      rule = T_ (tr, "Mean of the actions at the bottom of the tree, each counted once");
      break;
    case FITA_PROGRESS_WEIGHTED:
      rule = T_ (tr, "Mean of the items below, weighted by each item's weight");
      break;
    case FITA_PROGRESS_CHILDREN:
    default:
      rule = T_ (tr, "Mean of the items directly below");
      break;
    }
  missing = info->progress_missing == FITA_MISSING_ZERO
    ? T_ (tr, "items with no percent yet count as 0 %")
    : T_ (tr, "items with no percent yet are left out");
  /* Translators: "<how the mean is taken>; <what happens with missing percents>" */
  return g_strdup_printf (T_ (tr, "%s; %s."), rule, missing);
}

char *
fita_plan_describe_progress_rule (FitaPlan *plan)
{
  return fita_plan_describe_progress_rule_in (plan, NULL);
}

gint64
fita_amount_add (gint64 a, gint64 b)
{
  if (a == FITA_NONE)
    return b;
  if (b == FITA_NONE)
    return a;
  return a + b;
}

static void
sum_item (FitaPlan *plan, FitaItem *item, gint64 year, gint64 chapter_id, FitaBudgetSum *sum)
{
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item->rec.id);
  gboolean whole_period = year == FITA_NONE && chapter_id == 0;
  FitaBudgetSum below = { FITA_NONE, FITA_NONE };

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      if ((year == FITA_NONE || line->year == year) && (chapter_id == 0 || line->chapter_id == chapter_id))
        {
          below.planned = fita_amount_add (below.planned, line->planned_cents);
          below.executed = fita_amount_add (below.executed, line->executed_cents);
        }
    }
  for (guint i = 0; i < children->len; i++)
    sum_item (plan, g_ptr_array_index (children, i), year, chapter_id, &below);

  if (whole_period && item->planned_total_cents != FITA_NONE)
    below.planned = item->planned_total_cents;
  sum->planned = fita_amount_add (sum->planned, below.planned);
  sum->executed = fita_amount_add (sum->executed, below.executed);
}

void
fita_plan_budget_sum (FitaPlan *plan, FitaItem *item, gint64 year, gint64 chapter_id, FitaBudgetSum *sum)
{
  sum->planned = FITA_NONE;
  sum->executed = FITA_NONE;
  if (item != NULL)
    sum_item (plan, item, year, chapter_id, sum);
  else
    {
      GPtrArray *roots = fita_plan_list (plan, FITA_TABLE_ITEM, 0);
      for (guint i = 0; i < roots->len; i++)
        sum_item (plan, g_ptr_array_index (roots, i), year, chapter_id, sum);
    }
}

GArray *
fita_plan_count_levels (FitaPlan *plan, FitaItem *root, guint *n_items)
{
  GPtrArray *levels = fita_plan_list (plan, FITA_TABLE_LEVEL, 0);
  GArray *counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), levels->len);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, root);

  g_array_set_size (counts, levels->len);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      FitaLevel *level = item->level_id ? fita_plan_lookup (plan, FITA_TABLE_LEVEL, item->level_id) : NULL;
      if (level != NULL)
        g_array_index (counts, guint, level->position)++;
    }
  if (n_items)
    *n_items = items->len;
  return counts;
}

static void
add_dimensions (FitaPlan *plan, FitaProcess *process, FitaParticipation *totals)
{
  GPtrArray *dimensions = fita_plan_list (plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id);

  for (guint i = 0; i < dimensions->len; i++)
    {
      FitaProcessDimension *d = g_ptr_array_index (dimensions, i);
      totals->sessions = fita_amount_add (totals->sessions, d->sessions);
      totals->participants = fita_amount_add (totals->participants, d->participants);
      totals->contributions = fita_amount_add (totals->contributions, d->contributions);
      totals->proposals = fita_amount_add (totals->proposals, d->proposals);
    }
}

void
fita_plan_participation (FitaPlan *plan, FitaProcess *process, FitaParticipation *totals)
{
  totals->sessions = totals->participants = totals->contributions = totals->proposals = FITA_NONE;
  if (process != NULL)
    add_dimensions (plan, process, totals);
  else
    {
      GPtrArray *processes = fita_plan_list (plan, FITA_TABLE_PROCESS, 0);
      for (guint i = 0; i < processes->len; i++)
        add_dimensions (plan, g_ptr_array_index (processes, i), totals);
    }
}
