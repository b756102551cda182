/* fita-compare.h: what changed in a year, item by item (docs/YEARS.md,
 * "Comparing years").
 *
 * Year Y's plan (the live plan for the followed year, the plan as it stood
 * when Y was closed for a closed year) is compared with the plan as it
 * stood when Y − 1 was closed. Items are matched by code, and those with
 * no code by their title under the same matched parent: a closure keeps
 * the plan as JSON, which holds no record numbers, so the plan read back
 * from it numbers its records afresh and an id matches nothing reliably.
 *
 * "Before" is always the plan at the closure of Y − 1, "after" the plan
 * of year Y: the same figure at two moments (progress, status, year Y's
 * amounts as they were planned then and as they stand now, the totals).
 * With no closure of Y − 1 nothing can be compared: every "before" is
 * unknown and no item is said to have changed or not to have been updated
 * (fita_comparison_has_previous() says so); "late" needs no closure.
 */
#pragma once

#include "fita-i18n.h"
#include "fita-plan.h"
#include "fita-rollup.h"

G_BEGIN_DECLS

typedef struct {
  FitaItem *item;               /* in year Y's plan; NULL: removed since Y − 1 */
  FitaItem *before;             /* in Y − 1's closure; NULL: new in Y, or no closure */
  /* progress as shown (rolled up on parents), hundredths of a percent;
   * FITA_NONE when not known, and the change then too (never 0) */
  gint64 progress_bp_before;
  gint64 progress_bp_after;
  gint64 progress_change_bp;
  /* the status names; NULL: none */
  const char *status_before;
  const char *status_after;
  gboolean status_changed;
  /* year Y's amounts of the item and everything below it, when Y − 1 was
   * closed and now; and over the whole period (cents, FITA_NONE: none) */
  FitaBudgetSum year_before;
  FitaBudgetSum year_after;
  FitaBudgetSum total_before;
  FitaBudgetSum total_after;
  gboolean values_changed;      /* the item's indicator values */
  gboolean texts_changed;       /* the item's follow-up texts */
  gboolean is_new;              /* not in Y − 1's closure */
  /* anything of the item differs (for a parent, or anything below it) */
  gboolean changed;
  /* nothing of the follow-up of the item, nor of any item below it,
   * changed since Y − 1 was closed: status, progress, year Y's amounts,
   * indicator values, follow-up texts. FALSE with no closure to compare
   * with, and for items new in Y. */
  gboolean no_update;
  /* its end year is before Y and it is not finished (progress under
   * 100 % and its status not one of 100 %); never for an item with no end
   * year. late_before: the same in Y − 1's closure, for Y − 1. */
  gboolean late;
  gboolean late_before;
} FitaItemChange;

typedef struct {
  guint items;                  /* in year Y's plan */
  guint changed;
  guint no_update;
  guint late;
  guint newly_late;             /* late, and not late in Y − 1's closure */
  guint status_changed;
  guint progress_moved;
  guint added;
  guint removed;
} FitaComparisonCounts;

typedef enum {
  FITA_COMPARE_ALL,
  FITA_COMPARE_CHANGED,
  FITA_COMPARE_NO_UPDATE,
  FITA_COMPARE_LATE,
} FitaCompareFilter;

extern const char * const fita_compare_filter_keywords[];  /* all, changed, no-update, late */

typedef struct _FitaComparison FitaComparison;

/* Compares year (FITA_NONE: fita_plan_default_year ()) of plan with the
 * year before it. plan: the live plan, or a view of a closed year from
 * fita_plan_open_year (which knows the closure of the year before its
 * own). Fails only when a closure cannot be read. */
FitaComparison       *fita_comparison_new       (FitaPlan       *plan,
                                                 gint64          year,
                                                 GError        **error);
void                  fita_comparison_free      (FitaComparison *comparison);
gint64                fita_comparison_get_year  (FitaComparison *comparison);
/* Whether Y − 1 was closed: without it nothing is compared. */
gboolean              fita_comparison_has_previous (FitaComparison *comparison);
/* The plans compared: year Y's and Y − 1's as closed (NULL: none). */
FitaPlan             *fita_comparison_get_plan  (FitaComparison *comparison);
FitaPlan             *fita_comparison_get_previous (FitaComparison *comparison);
/* The change of every item of year Y's plan, in the plan's order (parents
 * before children), then of the items removed since, in their old order.
 * Owned by the comparison. */
guint                 fita_comparison_get_length (FitaComparison *comparison);
const FitaItemChange *fita_comparison_get       (FitaComparison *comparison,
                                                 guint           index);
/* The change of an item of year Y's plan by its id, or NULL. */
const FitaItemChange *fita_comparison_lookup    (FitaComparison *comparison,
                                                 gint64          item_id);
const FitaComparisonCounts *fita_comparison_get_counts (FitaComparison *comparison);

gboolean              fita_item_change_progress_moved (const FitaItemChange *change);
gboolean              fita_item_change_matches  (const FitaItemChange *change,
                                                 FitaCompareFilter     filter);
/* The change of progress in points with the plan's decimals, from the
 * figures as shown: "+18 points", "−2,5 points", "0 points"; NULL when
 * it is not known. short_form: "+18 pts". tr: the language, NULL for
 * the UI's. */
char                 *fita_comparison_format_points (FitaComparison      *comparison,
                                                 const FitaItemChange *change,
                                                 gboolean              short_form,
                                                 FitaTranslator       *tr);
/* An item's progress then and now, as a person reads it: "30 % → 48 %
 * (+18 points)"; one value when there is no year before or both read the
 * same; "—" for unknown. lang: how numbers are written; tr: the language
 * of the words (NULL: the interface's). */
char                 *fita_comparison_format_progress (FitaComparison      *comparison,
                                                       const FitaItemChange *change,
                                                       const char          *lang,
                                                       FitaTranslator      *tr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaComparison, fita_comparison_free)

G_END_DECLS
