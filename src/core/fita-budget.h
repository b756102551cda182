/* fita-budget.h: a plan's (or one item's) budget as a table of years ×
 * chapters, planned and executed, computed in one pass; for the Budget page,
 * the charts and the reports. */
#pragma once

#include "fita-plan.h"
#include "fita-rollup.h"

G_BEGIN_DECLS

typedef struct {
  int first_year, last_year;       /* the rows: every year of the period */
  guint n_chapters;                /* the plan's chapters, then "no chapter" */
  gint64 *chapter_ids;             /* n_chapters; the last is 0 */
  FitaBudgetSum *cells;            /* [(year - first_year) * n_chapters + chapter] */
  FitaBudgetSum total;             /* everything, with planned totals for the period */
  gint64 planned_total_cents;      /* the scope's planned total, FITA_NONE if not set */
} FitaBudgetTable;

/* scope NULL: the whole plan. */
FitaBudgetTable *fita_budget_table_new  (FitaPlan        *plan,
                                         FitaItem        *scope);
void             fita_budget_table_free (FitaBudgetTable *table);
FitaBudgetSum   *fita_budget_table_cell (FitaBudgetTable *table,
                                         int              year,
                                         guint            chapter);
/* Sum over chapters for a year, or over years for a chapter (year -1). */
FitaBudgetSum    fita_budget_table_year (FitaBudgetTable *table,
                                         int              year);
FitaBudgetSum    fita_budget_table_chapter (FitaBudgetTable *table,
                                         guint            chapter);
/* Whether the "no chapter" column has any amount. */
gboolean         fita_budget_table_has_unassigned (FitaBudgetTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaBudgetTable, fita_budget_table_free)

G_END_DECLS
