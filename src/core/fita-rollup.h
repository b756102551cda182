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
/* item NULL: the whole plan, by the same rule as every parent (its
 * top-level items are its children). */
/* The exact progress in whole percents (decimals 0), tenths (1) or
 * hundredths (2), rounded half up once; FITA_NONE when not known. */
gint64  fita_plan_progress_rounded (FitaPlan *plan,
                                 FitaItem   *item,
                                 int         decimals);
/* The same as a whole percent, rounded half up; -1 when there is none. */
int     fita_plan_progress      (FitaPlan   *plan,
                                 FitaItem   *item);
/* The progress for people, with the plan's decimals: "88,3 %"; "—" when
 * it is not known (which is not 0 %). */
char   *fita_plan_format_progress (FitaPlan  *plan,
                                 FitaItem   *item,
                                 const char *lang);
/* part / whole as a percent with the plan's decimals, rounded once: the
 * share of items in a status ("12,5 %"); "—" when whole is 0. */
char   *fita_plan_format_share  (FitaPlan   *plan,
                                 gint64      part,
                                 gint64      whole,
                                 const char *lang);
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

/* How an item's planned total for the period reconciles with its parts.
 * The total is the envelope: the planned total set on the item, or else
 * the sum of its parts. The parts are its own yearly planned cells and its
 * children's totals. The year columns add up to in_years (every planned
 * cell below, by year); what the total holds beyond them is not_in_years,
 * so that total = in_years + not_in_years. over: the parts add up to more
 * than the total set on the item (a part larger than its whole). */
typedef struct {
  gint64 total;         /* cents, FITA_NONE when no amount */
  gint64 parts;
  gint64 in_years;
  gint64 not_in_years;  /* negative when the years exceed the total */
  gboolean over;
} FitaBudgetEnvelope;

/* item NULL: the whole plan. */
void    fita_plan_budget_envelope (FitaPlan          *plan,
                                   FitaItem          *item,
                                   FitaBudgetEnvelope *envelope);

typedef struct {
  FitaStatus *status;   /* NULL: the items with no status */
  guint count;
  gint64 share_bp;      /* count / counted, basis points half up; FITA_NONE if none counted */
} FitaStatusCount;

/* How many items have each status, in the plan's status order, then (only
 * if there are any) those with none. Counts the leaves of scope (NULL: the
 * whole plan), or with level the items of that level. */
GArray *fita_plan_count_statuses (FitaPlan   *plan,
                                  FitaItem   *scope,
                                  FitaLevel  *level,
                                  guint      *n_counted);

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
