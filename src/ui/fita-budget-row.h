/* fita-budget-row.h: one row of the Budget page's table, an item (or the
 * whole plan, for the totals row) as a GObject for list models, with its
 * budget by year and chapter computed when a cell first asks for it. */
#pragma once

#include <gio/gio.h>

#include "fita-budget.h"
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_BUDGET_ROW (fita_budget_row_get_type ())
G_DECLARE_FINAL_TYPE (FitaBudgetRow, fita_budget_row, FITA, BUDGET_ROW, GObject)

/* item_id 0: the whole plan. */
FitaBudgetRow   *fita_budget_row_new          (gint64         item_id);
gint64           fita_budget_row_get_item_id  (FitaBudgetRow *self);
/* The item, looked up now; NULL for the whole plan or a deleted item. */
FitaItem        *fita_budget_row_get_item     (FitaBudgetRow *self,
                                               FitaPlan      *plan);
/* The roll-up of the item and everything below it, years × chapters, made
 * at most once per change of the plan. Owned by the row. */
FitaBudgetTable *fita_budget_row_get_table    (FitaBudgetRow *self,
                                               FitaPlan      *plan);
/* Whether the item keeps its budget itself: nothing below it has budget
 * lines, so its cells are its own amounts and can be typed over. */
gboolean         fita_budget_row_holds_budget (FitaBudgetRow *self,
                                               FitaPlan      *plan);
/* How the row's planned total splits between the years and no year, and
 * whether its parts exceed it (see fita_plan_budget_envelope()); made at
 * most once per change of the plan. Owned by the row. */
const FitaBudgetEnvelope *fita_budget_row_get_envelope (FitaBudgetRow *self,
                                                        FitaPlan      *plan);

G_END_DECLS
