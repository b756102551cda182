/* fita-compare.c: what changed in a year, item by item (docs/YEARS.md). */
#include "config.h"
#include "fita-compare.h"
#include "fita-money.h"
#include "fita-plan-private.h"
#include "fita-years.h"

#include <glib/gi18n-lib.h>
#include <string.h>

const char * const fita_compare_filter_keywords[] = { "all", "changed", "no-update", "late", NULL };

struct _FitaComparison {
  FitaPlan *plan;          /* year Y's */
  FitaPlan *previous;      /* as Y − 1 was closed, or NULL */
  gint64 year;
  GArray *changes;         /* of FitaItemChange */
  GHashTable *by_id;       /* item id (of plan) → index + 1 */
  FitaComparisonCounts counts;
};

/* The plan read from a closure's snapshot, kept on the plan that holds
 * the closure so that comparing again after each change does not read
 * the snapshot again: a closure never changes, and one made anew (the
 * year reopened and closed again) has another snapshot. */
typedef struct {
  char *snapshot;
  FitaPlan *plan;
} PreviousCache;

static void
previous_cache_free (gpointer data)
{
  PreviousCache *cache = data;

  g_free (cache->snapshot);
  g_clear_object (&cache->plan);
  g_free (cache);
}

static FitaPlan *
open_previous (FitaPlan *plan, FitaYearClosure *closure, GError **error)
{
  GQuark quark = g_quark_from_static_string ("fita-compare-previous");
  PreviousCache *cache;
  FitaPlan *previous;

  cache = g_object_get_qdata (G_OBJECT (plan), quark);
  if (cache != NULL && g_str_equal (cache->snapshot, closure->snapshot))
    return g_object_ref (cache->plan);

  previous = fita_years_open_closure (closure, error);
  if (previous == NULL)
    return NULL;
  cache = g_new0 (PreviousCache, 1);
  cache->snapshot = g_strdup (closure->snapshot);
  cache->plan = g_object_ref (previous);
  g_object_set_qdata_full (G_OBJECT (plan), quark, cache, previous_cache_free);
  return previous;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
status_name (FitaPlan *plan, FitaItem *item, gint64 *percent)
{
  FitaStatus *status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;

  if (percent != NULL)
    *percent = status != NULL ? status->percent : FITA_NONE;
  return status != NULL ? status->name : NULL;
}

/* Finished: at 100 %, or in a status that stands for 100 %. */
static gboolean
is_late (FitaPlan *plan, FitaItem *item, gint64 year)
{
  gint64 progress, percent;

  if (item->end_year == FITA_NONE || item->end_year >= year)
    return FALSE;
  progress = fita_plan_progress_bp (plan, item);
  status_name (plan, item, &percent);
  return (progress == FITA_NONE || progress < 10000) && percent != 100;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The lines joined in one order, whatever order the records are in. */
static char *
join_sorted (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\x1e", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (out, FALSE);
}

#define OR_EMPTY(s) ((s) != NULL ? (s) : "")

/* The item's indicator values, as one text to compare. */
static char *
values_text (FitaPlan *plan, FitaItem *item)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *indicators;

  if (item == NULL)
    return g_strdup ("");
  indicators = fita_plan_list (plan, FITA_TABLE_INDICATOR, item->rec.id);
  for (guint i = 0; i < indicators->len; i++)
    {
      FitaIndicator *indicator = g_ptr_array_index (indicators, i);
      GPtrArray *values = fita_plan_list (plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);

      for (guint v = 0; v < values->len; v++)
        {
          FitaIndicatorValue *value = g_ptr_array_index (values, v);
          g_ptr_array_add (lines, g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s", OR_EMPTY (indicator->name),
                                                   value->year, OR_EMPTY (value->value),
                                                   OR_EMPTY (value->observations)));
        }
    }
  return join_sorted (lines);
}

/* The item's follow-up texts, as one text to compare. */
static char *
texts_text (FitaPlan *plan, FitaItem *item)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *followups;

  if (item == NULL)
    return g_strdup ("");
  followups = fita_plan_list (plan, FITA_TABLE_FOLLOWUP, item->rec.id);
  for (guint i = 0; i < followups->len; i++)
    {
      FitaFollowup *f = g_ptr_array_index (followups, i);
      g_ptr_array_add (lines, g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", f->year,
                                               OR_EMPTY (f->execution), OR_EMPTY (f->strengths),
                                               OR_EMPTY (f->weaknesses), OR_EMPTY (f->other),
                                               OR_EMPTY (f->adjustments), OR_EMPTY (f->next_steps)));
    }
  return join_sorted (lines);
}

static gboolean
sums_differ (const FitaBudgetSum *a, const FitaBudgetSum *b)
{
  return a->planned != b->planned || a->executed != b->executed;
}

/* The item of the previous plan that item is: the one with its code, or
 * for an item with no code, the one with its title and no code under the
 * item its parent is. */
static FitaItem *
match (FitaComparison *self, FitaItem *item, GHashTable *matched, GHashTable *used)
{
  FitaItem *before = NULL;
  const char *code = nonempty (item->code);

  if (code != NULL)
    before = fita_plan_find_item (self->previous, code);
  else
    {
      gint64 parent = 0;
      GPtrArray *siblings;

      if (item->parent_id != 0)
        {
          FitaItem *parent_before = g_hash_table_lookup (matched, &item->parent_id);
          if (parent_before == NULL)
            return NULL;
          parent = parent_before->rec.id;
        }
      siblings = fita_plan_list (self->previous, FITA_TABLE_ITEM, parent);
      for (guint i = 0; i < siblings->len && before == NULL; i++)
        {
          FitaItem *candidate = g_ptr_array_index (siblings, i);
          if (nonempty (candidate->code) == NULL && g_strcmp0 (candidate->title, item->title) == 0 &&
              !g_hash_table_contains (used, &candidate->rec.id))
            before = candidate;
        }
    }
  if (before != NULL && g_hash_table_contains (used, &before->rec.id))
    return NULL;
  return before;
}

static void
compare_item (FitaComparison *self, FitaItem *item, FitaItem *before, FitaItemChange *change)
{
  FitaPlan *plan = self->plan, *previous = self->previous;
  g_autofree char *values_after = NULL, *values_before = NULL;
  g_autofree char *texts_after = NULL, *texts_before = NULL;
  FitaBudgetSum none = { FITA_NONE, FITA_NONE };
  gboolean update;

  change->item = item;
  change->before = before;
  change->progress_bp_after = fita_plan_progress_bp (plan, item);
  change->progress_bp_before = before != NULL ? fita_plan_progress_bp (previous, before) : FITA_NONE;
  change->progress_change_bp = change->progress_bp_before != FITA_NONE && change->progress_bp_after != FITA_NONE
                               ? change->progress_bp_after - change->progress_bp_before : FITA_NONE;
  change->status_after = status_name (plan, item, NULL);
  change->status_before = before != NULL ? status_name (previous, before, NULL) : NULL;
  fita_plan_budget_sum (plan, item, self->year, 0, &change->year_after);
  fita_plan_budget_sum (plan, item, FITA_NONE, 0, &change->total_after);
  change->year_before = change->total_before = none;
  if (before != NULL)
    {
      fita_plan_budget_sum (previous, before, self->year, 0, &change->year_before);
      fita_plan_budget_sum (previous, before, FITA_NONE, 0, &change->total_before);
    }
  change->late = is_late (plan, item, self->year);
  change->late_before = before != NULL && is_late (previous, before, self->year - 1);
  if (previous == NULL)
    return;  /* nothing to compare with: neither changed nor not updated */

  values_after = values_text (plan, item);
  values_before = values_text (previous, before);
  texts_after = texts_text (plan, item);
  texts_before = texts_text (previous, before);

  change->is_new = before == NULL;
  change->status_changed = before != NULL && g_strcmp0 (change->status_before, change->status_after) != 0;
  change->values_changed = g_strcmp0 (values_before, values_after) != 0;
  change->texts_changed = g_strcmp0 (texts_before, texts_after) != 0;
  update = change->is_new || change->status_changed || fita_item_change_progress_moved (change) ||
           sums_differ (&change->year_before, &change->year_after) ||
           change->values_changed || change->texts_changed;
  change->no_update = !update;
  change->changed = update || sums_differ (&change->total_before, &change->total_after);
}

/* A parent changed, or was updated, when anything below it was. */
static void
mark_up (FitaComparison *self, gint64 parent_id, gboolean changed, gboolean updated)
{
  while (parent_id != 0)
    {
      gpointer index = g_hash_table_lookup (self->by_id, &parent_id);
      FitaItemChange *parent;

      if (index == NULL)
        return;
      parent = &g_array_index (self->changes, FitaItemChange, GPOINTER_TO_UINT (index) - 1);
      parent->changed |= changed;
      if (updated)
        parent->no_update = FALSE;
      parent_id = parent->item->parent_id;
    }
}

FitaComparison *
fita_comparison_new (FitaPlan *plan, gint64 year, GError **error)
{
  g_autoptr(FitaComparison) self = g_new0 (FitaComparison, 1);
  g_autoptr(GHashTable) matched = g_hash_table_new (g_int64_hash, g_int64_equal);  /* id → before */
  g_autoptr(GHashTable) used = g_hash_table_new (g_int64_hash, g_int64_equal);     /* before ids → item */
  g_autoptr(GPtrArray) items = NULL;
  FitaYearClosure *closure;

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);

  self->year = year != FITA_NONE ? year : fita_plan_default_year (plan);
  self->changes = g_array_new (FALSE, TRUE, sizeof (FitaItemChange));
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->plan = fita_plan_open_year (plan, self->year, error);
  if (self->plan == NULL)
    return NULL;

  /* a view of a closed year knows the closure before it; the live plan
   * holds them all */
  closure = self->plan->view_year != 0 ? self->plan->view_previous
                                       : fita_plan_get_closure (self->plan, self->year - 1);
  if (closure != NULL && closure->year == self->year - 1 &&
      (self->previous = open_previous (self->plan, closure, error)) == NULL)
    return NULL;

  items = fita_plan_items_preorder (self->plan, NULL);
  g_array_set_size (self->changes, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      FitaItem *before = self->previous != NULL ? match (self, item, matched, used) : NULL;

      if (before != NULL)
        {
          g_hash_table_insert (matched, &item->rec.id, before);
          g_hash_table_insert (used, &before->rec.id, item);
        }
      compare_item (self, item, before, &g_array_index (self->changes, FitaItemChange, i));
      g_hash_table_insert (self->by_id, g_memdup2 (&item->rec.id, sizeof (gint64)), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < items->len; i++)
    {
      FitaItemChange *change = &g_array_index (self->changes, FitaItemChange, i);
      if (change->changed || (self->previous != NULL && !change->no_update))
        mark_up (self, change->item->parent_id, change->changed, !change->no_update);
    }

  /* the items removed since: their parent changed */
  if (self->previous != NULL)
    {
      g_autoptr(GPtrArray) old = fita_plan_items_preorder (self->previous, NULL);
      for (guint i = 0; i < old->len; i++)
        {
          FitaItem *before = g_ptr_array_index (old, i);
          FitaItemChange removed = { 0 };
          FitaItem *parent;

          if (g_hash_table_contains (used, &before->rec.id))
            continue;
          removed.before = before;
          removed.progress_bp_before = fita_plan_progress_bp (self->previous, before);
          removed.progress_bp_after = removed.progress_change_bp = FITA_NONE;
          removed.status_before = status_name (self->previous, before, NULL);
          fita_plan_budget_sum (self->previous, before, self->year, 0, &removed.year_before);
          fita_plan_budget_sum (self->previous, before, FITA_NONE, 0, &removed.total_before);
          removed.year_after.planned = removed.year_after.executed = FITA_NONE;
          removed.total_after = removed.year_after;
          removed.late_before = is_late (self->previous, before, self->year - 1);
          removed.changed = TRUE;
          g_array_append_val (self->changes, removed);
          self->counts.removed++;
          parent = before->parent_id ? g_hash_table_lookup (used, &before->parent_id) : NULL;
          if (parent != NULL)
            {
              gpointer index = g_hash_table_lookup (self->by_id, &parent->rec.id);
              FitaItemChange *change = &g_array_index (self->changes, FitaItemChange, GPOINTER_TO_UINT (index) - 1);
              change->changed = TRUE;
              change->no_update = FALSE;
              mark_up (self, parent->parent_id, TRUE, TRUE);
            }
        }
    }

  self->counts.items = items->len;
  for (guint i = 0; i < items->len; i++)
    {
      const FitaItemChange *change = &g_array_index (self->changes, FitaItemChange, i);
      self->counts.changed += change->changed;
      self->counts.no_update += change->no_update;
      self->counts.late += change->late;
      self->counts.newly_late += change->late && !change->late_before;
      self->counts.status_changed += change->status_changed;
      self->counts.progress_moved += self->previous != NULL && fita_item_change_progress_moved (change);
      self->counts.added += change->is_new;
    }
  return g_steal_pointer (&self);
}

void
fita_comparison_free (FitaComparison *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->changes, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->previous);
  g_clear_object (&self->plan);
  g_free (self);
}

gint64
fita_comparison_get_year (FitaComparison *self)
{
  return self->year;
}

gboolean
fita_comparison_has_previous (FitaComparison *self)
{
  return self->previous != NULL;
}

FitaPlan *
fita_comparison_get_plan (FitaComparison *self)
{
  return self->plan;
}

FitaPlan *
fita_comparison_get_previous (FitaComparison *self)
{
  return self->previous;
}

guint
fita_comparison_get_length (FitaComparison *self)
{
  return self->changes->len;
}

const FitaItemChange *
fita_comparison_get (FitaComparison *self, guint index)
{
  g_return_val_if_fail (index < self->changes->len, NULL);
  return &g_array_index (self->changes, FitaItemChange, index);
}

const FitaItemChange *
fita_comparison_lookup (FitaComparison *self, gint64 item_id)
{
  gpointer index = g_hash_table_lookup (self->by_id, &item_id);

  return index != NULL ? &g_array_index (self->changes, FitaItemChange, GPOINTER_TO_UINT (index) - 1) : NULL;
}

const FitaComparisonCounts *
fita_comparison_get_counts (FitaComparison *self)
{
  return &self->counts;
}

/* Moved: a known figure differs, or one became known or unknown. */
gboolean
fita_item_change_progress_moved (const FitaItemChange *change)
{
  if (change->before == NULL || change->item == NULL)
    return FALSE;
  return change->progress_bp_before != change->progress_bp_after;
}

gboolean
fita_item_change_matches (const FitaItemChange *change, FitaCompareFilter filter)
{
  if (change->item == NULL)
    return FALSE;
  switch (filter)
    {
    case FITA_COMPARE_CHANGED:
      return change->changed;
    case FITA_COMPARE_NO_UPDATE:
      return change->no_update;
    case FITA_COMPARE_LATE:
      return change->late;
    case FITA_COMPARE_ALL:
    default:
      return TRUE;
    }
}

char *
fita_comparison_format_points (FitaComparison *self, const FitaItemChange *change, gboolean short_form,
                               FitaTranslator *tr)
{
  static const gint64 to_hundredths[] = { 100, 10, 1 };
  g_autoptr(FitaTranslator) own = tr == NULL ? fita_translator_new (NULL) : NULL;
  gint64 setting = fita_plan_get_info (self->plan)->progress_decimals;
  int decimals = setting >= 0 && setting <= 2 ? (int) setting : 0;
  gint64 before, after, points;
  g_autofree char *number = NULL;
  const char *sign;

  if (tr == NULL)
    tr = own;
  if (change->item == NULL || change->before == NULL || change->progress_change_bp == FITA_NONE)
    return NULL;
  /* from the figures as shown, so that 30 % → 48 % reads +18 */
  before = fita_plan_progress_rounded (self->previous, change->before, decimals);
  after = fita_plan_progress_rounded (self->plan, change->item, decimals);
  points = (after - before) * to_hundredths[decimals];
  number = fita_hundredths_format (ABS (points), decimals, fita_translator_get_lang (tr));
  sign = points > 0 ? "+" : points < 0 ? "\u2212" : "";
  if (short_form)
    /* Translators: the change of an item's progress since the year before,
     * in percentage points, on a badge: "+18 pts"; %s%s are the sign and
     * the number */
    return g_strdup_printf (TC_ (tr, "percentage points, short", "%s%s pts"), sign, number);
  /* Translators: the change of an item's progress since the year before,
   * in percentage points: "+18 points"; %s%s are the sign and the number */
  return g_strdup_printf (TN_ (tr, "%s%s point", "%s%s points", ABS (points) % 100 == 0 ? (gulong) (ABS (points) / 100) : 2),
                          sign, number);
}

char *
fita_comparison_format_progress (FitaComparison *self, const FitaItemChange *change, const char *lang,
                                 FitaTranslator *tr)
{
  g_autoptr(FitaTranslator) own = tr == NULL ? fita_translator_new (NULL) : NULL;
  g_autofree char *before = NULL, *after = NULL, *points = NULL;

  if (tr == NULL)
    tr = own;
  before = change->before != NULL ? fita_plan_format_progress (self->previous, change->before, lang)
                                  : g_strdup (TC_ (tr, "no value", "—"));
  after = change->item != NULL ? fita_plan_format_progress (self->plan, change->item, lang)
                               : g_strdup (TC_ (tr, "no value", "—"));
  /* with no year to compare with, or unchanged as shown ("— → —",
   * "100 % → 100 %"): the value once */
  if (!fita_comparison_has_previous (self) || g_strcmp0 (before, after) == 0)
    return g_steal_pointer (&after);
  points = fita_comparison_format_points (self, change, FALSE, tr);
  if (points != NULL)
    return g_strdup_printf ("%s → %s (%s)", before, after, points);
  return g_strdup_printf ("%s → %s", before, after);
}
