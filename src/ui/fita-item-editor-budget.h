/* fita-item-editor-budget.h: the item editor's budget section: amounts per
 * year and budget chapter, planned or executed, with totals and the
 * execution rate; on parents, what the items below add up to. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR_BUDGET (fita_item_editor_budget_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorBudget, fita_item_editor_budget, FITA, ITEM_EDITOR_BUDGET, GtkWidget)

/* Shows item_id of plan (forgetting anything typed for another item). */
void       fita_item_editor_budget_load     (FitaItemEditorBudget *self,
                                             FitaPlan             *plan,
                                             gint64                item_id);
/* Brings the section up to date after a change of the plan. */
void       fita_item_editor_budget_refresh  (FitaItemEditorBudget *self,
                                             const FitaChanges    *changes);
/* Whether the grid shows planned (TRUE) or executed (FALSE) amounts. */
void       fita_item_editor_budget_set_show_planned (FitaItemEditorBudget *self,
                                             gboolean              planned);
/* The FitaMoneyEntry of year and chapter_id (0: lines with no chapter), or
 * NULL when the grid has no such cell. */
GtkWidget *fita_item_editor_budget_get_cell (FitaItemEditorBudget *self,
                                             int                   year,
                                             gint64                chapter_id);

G_END_DECLS
