/* fita-rollup.h: what officers read from a plan: derived progress, budget
 * totals and execution rates, counts per level, participation totals. */
#pragma once

#include "fita-i18n.h"
#include "fita-plan.h"

G_BEGIN_DECLS

/* Progress of an item in basis points (1200 = 12 %): entered on leaves
 * (or the status' default percent), derived on parents by the plan's rule.
 * FITA_NONE when nothing below has a percent. */
gint64  fita_plan_progress_bp   (FitaPlan   *plan,
                                 FitaItem   *item);
/* The same as a whole percent, rounded half up; -1 when there is none. */
int     fita_plan_progress      (FitaPlan   *plan,
                                 FitaItem   *item);
/* Recomputes the progress of every item (normally done lazily). */
void    fita_plan_rollup        (FitaPlan   *plan);
/* How derived percents are computed, in words, for the user; _in: in the
 * translator's language (a report's). */
char   *fita_plan_describe_progress_rule (FitaPlan *plan);
char   *fita_plan_describe_progress_rule_in (FitaPlan       *plan,
                                             FitaTranslator *translator);

typedef struct {
  gint64 planned;     /* cents, FITA_NONE when no amount */
  gint64 executed;    /* cents, FITA_NONE when no amount */
} FitaBudgetSum;

/* Sums of the budget lines of item and everything below it (item NULL: the
 * whole plan), for one year (FITA_NONE: all) and one chapter (0: all).
 * Over all years and chapters, an item's planned total for the period, when
 * set, stands for what is planned below it. */
void    fita_plan_budget_sum    (FitaPlan      *plan,
                                 FitaItem      *item,
                                 gint64         year,
                                 gint64         chapter_id,
                                 FitaBudgetSum *sum);
gint64  fita_amount_add         (gint64         a,
                                 gint64         b);

/* Number of items in the subtree of root (NULL: whole plan) for each of the
 * plan's levels, in level order; items with no level are not counted. */
GArray *fita_plan_count_levels  (FitaPlan   *plan,
                                 FitaItem   *root,
                                 guint      *n_items);

typedef struct {
  gint64 sessions;
  gint64 participants;
  gint64 contributions;
  gint64 proposals;
} FitaParticipation;

/* Totals over the dimensions of one process (NULL: all processes). */
void    fita_plan_participation (FitaPlan          *plan,
                                 FitaProcess       *process,
                                 FitaParticipation *totals);

G_END_DECLS
