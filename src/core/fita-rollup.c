#include "config.h"
#include "fita-rollup.h"
#include "fita-i18n.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>

/* The progress cache lives on the plan object, keyed by its generation. */
typedef struct {
  __int128 num;
  __int128 den;      /* > 0; 0 means "not known" */
} Fraction;

/* The progress cache lives on the plan object, keyed by its generation. It
 * keeps each figure exact, so that every rounding is made once, from it. */
typedef struct {
  guint64 generation;
  GHashTable *values;  /* item id → Fraction of hundredths */
  Fraction plan;       /* the whole plan's */
} ProgressCache;

static void
progress_cache_free (gpointer data)
{
  ProgressCache *cache = data;

  g_hash_table_unref (cache->values);
  g_free (cache);
}

static gint64
leaf_bp (FitaPlan *plan, FitaItem *item)
{
  FitaStatus *status;

  if (item->progress_bp != FITA_NONE)
    return item->progress_bp;
  status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;
  if (status != NULL && status->percent != FITA_NONE)
    return status->percent * 100;
  return FITA_NONE;
}

/* Derived percents are exact fractions of hundredths, rounded half up only
 * when read, as a spreadsheet's AVERAGE of AVERAGEs would give them; a
 * parent's figure never carries its children's rounding. */
static __int128
gcd128 (__int128 a, __int128 b)
{
  if (a < 0)
    a = -a;
  while (b != 0)
    {
      __int128 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static Fraction
fraction_reduce (__int128 num, __int128 den)
{
  __int128 g = gcd128 (num, den);
  Fraction f = { g > 1 ? num / g : num, g > 1 ? den / g : den };
  return f;
}

/* f / divisor, rounded half up; FITA_NONE when f is not known. */
static gint64
fraction_round (Fraction f, gint64 divisor)
{
  if (f.den == 0)
    return FITA_NONE;
  /* values are 0…10000 and never negative: half up is (2n + dq) / 2dq */
  return (gint64) ((2 * f.num + f.den * divisor) / (2 * f.den * divisor));
}

typedef struct {
  Fraction sum;      /* Σ weight × value */
  __int128 weights;  /* Σ weight */
  gboolean known;    /* some item below has a percent */
} Mean;

/* f with denominator den (rounded half up), for when exact sums would
 * overflow: a tree so wide that its denominators outgrow 128 bits. */
static Fraction
fraction_rescale (Fraction f, __int128 den)
{
  Fraction g = { (2 * f.num * den + f.den) / (2 * f.den), den };

  return g;
}

static void
mean_add (Mean *mean, Fraction value, gint64 weight, FitaMissingRule missing)
{
  const __int128 fixed = (__int128) 1000000000000000;  /* 10¹⁵ */
  Fraction *sum = &mean->sum;
  __int128 num, part, den;

  if (value.den == 0)
    {
      if (missing == FITA_MISSING_SKIP)
        return;
      value.num = 0;
      value.den = 1;
    }
  else
    mean->known = TRUE;
  mean->weights += weight;

  /* sum + weight·value = (sum.num·value.den + weight·value.num·sum.den) / (sum.den·value.den) */
  if (__builtin_mul_overflow (sum->num, value.den, &num) ||
      __builtin_mul_overflow ((__int128) weight * value.num, sum->den, &part) ||
      __builtin_add_overflow (num, part, &num) ||
      __builtin_mul_overflow (sum->den, value.den, &den))
    {
      *sum = fraction_rescale (*sum, fixed);
      value = fraction_rescale (value, fixed);
      num = sum->num + (__int128) weight * value.num;
      den = fixed;
    }
  *sum = fraction_reduce (num, den);
}

static Fraction
mean_value (Mean *mean)
{
  Fraction none = { 0, 0 };

  /* where no item has a percent, progress is not known: never 0 % */
  if (!mean->known || mean->weights <= 0)
    return none;
  return fraction_reduce (mean->sum.num, mean->sum.den * mean->weights);
}

static Fraction
leaf_value (FitaPlan *plan, FitaItem *item)
{
  gint64 bp = leaf_bp (plan, item);
  Fraction f = { bp == FITA_NONE ? 0 : bp, bp == FITA_NONE ? 0 : 1 };

  return f;
}

/* Adds the leaves below owner (for the "mean of the leaves" rule). */
static void
add_leaves (FitaPlan *plan, gint64 owner, Mean *mean, FitaMissingRule missing)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, owner);

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *child = g_ptr_array_index (children, i);
      if (fita_plan_item_is_leaf (plan, child))
        mean_add (mean, leaf_value (plan, child), 1, missing);
      else
        add_leaves (plan, child->rec.id, mean, missing);
    }
}

static void
cache_insert (GHashTable *cache, FitaItem *item, Fraction value)
{
  g_hash_table_insert (cache, &item->rec.id, g_memdup2 (&value, sizeof value));
}

/* The progress of what is below owner (an item, or 0 for the whole plan,
 * whose figure follows the same rule as every parent's). */
static Fraction
compute (FitaPlan *plan, gint64 owner, GHashTable *cache)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, owner);
  Mean mean = { { 0, 1 }, 0, FALSE };
  Fraction value;

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *child = g_ptr_array_index (children, i);
      gboolean leaf = fita_plan_item_is_leaf (plan, child);
      Fraction child_value = leaf ? leaf_value (plan, child) : compute (plan, child->rec.id, cache);
      if (leaf)
        cache_insert (cache, child, child_value);
      if (info->progress_rule != FITA_PROGRESS_LEAVES)
        mean_add (&mean, child_value,
                  info->progress_rule == FITA_PROGRESS_WEIGHTED ? child->weight : 1,
                  info->progress_missing);
    }
  if (info->progress_rule == FITA_PROGRESS_LEAVES)
    add_leaves (plan, owner, &mean, info->progress_missing);
  value = mean_value (&mean);
  if (owner != 0)
    cache_insert (cache, fita_plan_lookup (plan, FITA_TABLE_ITEM, owner), value);
  return value;
}

static ProgressCache *
progress_cache (FitaPlan *plan, gboolean force)
{
  ProgressCache *cache = g_object_get_data (G_OBJECT (plan), "fita-progress-cache");

  if (cache == NULL)
    {
      cache = g_new0 (ProgressCache, 1);
      cache->values = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
      cache->generation = G_MAXUINT64;
      g_object_set_data_full (G_OBJECT (plan), "fita-progress-cache", cache, progress_cache_free);
    }
  if (force || cache->generation != fita_plan_get_generation (plan))
    {
      g_hash_table_remove_all (cache->values);
      cache->plan = compute (plan, 0, cache->values);
      cache->generation = fita_plan_get_generation (plan);
    }
  return cache;
}

void
fita_plan_rollup (FitaPlan *plan)
{
  progress_cache (plan, TRUE);
}

/* The exact progress of item (NULL: the plan) over 10^(2 - decimals),
 * rounded half up: hundredths for 2, whole percents for 0. */
gint64
fita_plan_progress_rounded (FitaPlan *plan, FitaItem *item, int decimals)
{
  static const gint64 divisors[] = { 100, 10, 1 };
  ProgressCache *cache = progress_cache (plan, FALSE);
  Fraction *value = item ? g_hash_table_lookup (cache->values, &item->rec.id) : &cache->plan;

  g_return_val_if_fail (decimals >= 0 && decimals <= 2, FITA_NONE);
  return value ? fraction_round (*value, divisors[decimals]) : FITA_NONE;
}

gint64
fita_plan_progress_bp (FitaPlan *plan, FitaItem *item)
{
  return fita_plan_progress_rounded (plan, item, 2);
}

int
fita_plan_progress (FitaPlan *plan, FitaItem *item)
{
  gint64 percent = fita_plan_progress_rounded (plan, item, 0);

  return percent == FITA_NONE ? -1 : (int) percent;
}

char *
fita_plan_format_progress (FitaPlan *plan, FitaItem *item, const char *lang)
{
  static const gint64 to_hundredths[] = { 100, 10, 1 };
  gint64 setting = fita_plan_get_info (plan)->progress_decimals;
  int decimals = setting >= 0 && setting <= 2 ? (int) setting : 0;
  gint64 value = fita_plan_progress_rounded (plan, item, decimals);

  /* rounded once, from the exact figure, to the decimals shown */
  return fita_percent_format_hundredths (value == FITA_NONE ? FITA_NONE : value * to_hundredths[decimals],
                                         decimals, lang);
}

char *
fita_plan_format_share (FitaPlan *plan, gint64 part, gint64 whole, const char *lang)
{
  static const gint64 scale[] = { 100, 1000, 10000 };
  static const gint64 to_hundredths[] = { 100, 10, 1 };
  gint64 setting = fita_plan_get_info (plan)->progress_decimals;
  int decimals = setting >= 0 && setting <= 2 ? (int) setting : 0;

  if (whole <= 0 || part < 0)
    return fita_percent_format_hundredths (FITA_NONE, decimals, lang);
  /* rounded once, from the exact share */
  return fita_percent_format_hundredths (fita_div_round (part * scale[decimals], whole) * to_hundredths[decimals],
                                         decimals, lang);
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
  gint64 sum;

  if (a == FITA_NONE)
    return b;
  if (b == FITA_NONE)
    return a;
  /* each amount is at most 10¹³ €, so only some ten thousand of them at
   * that size could overflow: hold at the largest figure, never wrap */
  if (__builtin_add_overflow (a, b, &sum))
    return a > 0 ? G_MAXINT64 : FITA_NONE + 1;
  return sum == FITA_NONE ? FITA_NONE + 1 : sum;
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

static gint64
planned_in_years (FitaPlan *plan, FitaItem *item)
{
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  gint64 sum = FITA_NONE;

  for (guint i = 0; i < lines->len; i++)
    sum = fita_amount_add (sum, ((FitaBudgetLine *) g_ptr_array_index (lines, i))->planned_cents);
  return sum;
}

void
fita_plan_budget_envelope (FitaPlan *plan, FitaItem *item, FitaBudgetEnvelope *envelope)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item ? item->rec.id : 0);
  g_autoptr(GPtrArray) below = fita_plan_items_preorder (plan, item);
  FitaBudgetSum sum;

  fita_plan_budget_sum (plan, item, FITA_NONE, 0, &sum);
  envelope->total = sum.planned;
  envelope->parts = item ? planned_in_years (plan, item) : FITA_NONE;
  for (guint i = 0; i < children->len; i++)
    {
      fita_plan_budget_sum (plan, g_ptr_array_index (children, i), FITA_NONE, 0, &sum);
      envelope->parts = fita_amount_add (envelope->parts, sum.planned);
    }
  envelope->in_years = FITA_NONE;
  for (guint i = 0; i < below->len; i++)
    envelope->in_years = fita_amount_add (envelope->in_years, planned_in_years (plan, g_ptr_array_index (below, i)));
  envelope->not_in_years = envelope->total == FITA_NONE ? FITA_NONE
    : envelope->total - (envelope->in_years != FITA_NONE ? envelope->in_years : 0);
  envelope->over = item != NULL && item->planned_total_cents != FITA_NONE &&
                   envelope->parts != FITA_NONE && envelope->parts > item->planned_total_cents;
}

GArray *
fita_plan_count_statuses (FitaPlan *plan, FitaItem *scope, FitaLevel *level, guint *n_counted)
{
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  GArray *counts = g_array_sized_new (FALSE, TRUE, sizeof (FitaStatusCount), statuses->len + 1);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, scope);
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  FitaStatusCount none = { NULL, 0, FITA_NONE };
  guint total = 0;

  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatusCount count = { g_ptr_array_index (statuses, i), 0, FITA_NONE };
      g_array_append_val (counts, count);
      g_hash_table_insert (index, &count.status->rec.id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      gpointer found;

      if (level != NULL ? item->level_id != level->rec.id : !fita_plan_item_is_leaf (plan, item))
        continue;
      total++;
      found = item->status_id ? g_hash_table_lookup (index, &item->status_id) : NULL;
      if (found)
        g_array_index (counts, FitaStatusCount, GPOINTER_TO_UINT (found) - 1).count++;
      else
        none.count++;
    }
  if (none.count > 0)
    g_array_append_val (counts, none);
  for (guint i = 0; i < counts->len && total > 0; i++)
    {
      FitaStatusCount *count = &g_array_index (counts, FitaStatusCount, i);
      count->share_bp = fita_div_round ((gint64) count->count * 10000, total);
    }
  if (n_counted)
    *n_counted = total;
  return counts;
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
