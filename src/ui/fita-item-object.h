/* fita-item-object.h: one item of a plan, as a GObject for list models.
 *
 * GTK's list widgets need GObjects; a FitaItemObject stands for an item of
 * a plan by its id (the plan frees and remakes its records on undo, so a
 * pointer would not stay valid) and keeps the plan alive. The list of its
 * children is made by FitaItemTree, which keeps it in step with the plan.
 *
 * What a row shows of the item (code, title, level-name, status-name,
 * status-colour, progress-text, progress-fraction, budget-text,
 * budget-tooltip, description, and has-status, has-progress, has-budget,
 * has-details) are notifying properties for rows to bind; FitaItemTree
 * refreshes them when the plan reports a change that alters them. So is
 * "match": whether the outline's search found the item; and the change
 * since the year before (change-text, the badge's "+18 pts"; its
 * change-tooltip; has-change; and the flags changed, no-update and late),
 * which FitaItemTree sets from its comparison after every change.
 */
#pragma once

#include <gio/gio.h>

#include "fita-compare.h"
#include "fita-plan.h"
#include "fita-rollup.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_OBJECT (fita_item_object_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemObject, fita_item_object, FITA, ITEM_OBJECT, GObject)

FitaItemObject   *fita_item_object_new          (FitaPlan       *plan,
                                                 gint64          id);
FitaPlan         *fita_item_object_get_plan     (FitaItemObject *self);
gint64            fita_item_object_get_id       (FitaItemObject *self);
/* The item, looked up in the plan now; NULL once it was deleted. Valid
 * until the plan's next change. */
FitaItem         *fita_item_object_get_item     (FitaItemObject *self);
/* The item's status, or NULL when it has none. */
const FitaStatus *fita_item_object_get_status   (FitaItemObject *self);
/* The budget of the item and everything below it over the whole period
 * (see fita_plan_budget_sum()), kept until the plan's budgets change. */
void              fita_item_object_get_budget   (FitaItemObject *self,
                                                 FitaBudgetSum  *sum);
/* Tells every FitaItemObject of plan that budget totals must be summed
 * again: FitaItemTree calls it for changes that alter them. */
void              fita_item_object_budgets_changed (FitaPlan    *plan);
/* Hundredths of a percent, FITA_NONE when the item has none (see
 * fita_plan_progress_bp()). */
gint64            fita_item_object_get_progress_bp (FitaItemObject *self);
/* "88,3 %" with the plan's decimals; NULL when the item has none. */
char             *fita_item_object_format_progress (FitaItemObject *self,
                                                    const char     *lang);
/* "11.1, Radiografia d’agents, En curs, 30 %", for screen readers: the
 * parts the item has, percent written for lang. */
char             *fita_item_object_describe     (FitaItemObject *self,
                                                 const char     *lang);
/* The same from its parts; percent NULL: "no progress". */
char             *fita_item_describe            (const char     *code,
                                                 const char     *title,
                                                 const char     *status,
                                                 const char     *percent);

/* Reads the item from the plan again and notifies what changed. */
void              fita_item_object_refresh      (FitaItemObject *self);
const char       *fita_item_object_get_code     (FitaItemObject *self);
const char       *fita_item_object_get_title    (FitaItemObject *self);
const char       *fita_item_object_get_description (FitaItemObject *self);

/* For FitaItemTree: the list of children it made (NULL: none yet), and
 * whether the tree row was told the item has children. */
GListStore       *fita_item_object_get_children (FitaItemObject *self);
void              fita_item_object_set_children (FitaItemObject *self,
                                                 GListStore     *children);
gboolean          fita_item_object_get_expandable (FitaItemObject *self);
void              fita_item_object_set_expandable (FitaItemObject *self,
                                                   gboolean        expandable);
/* Whether the search found the item: FitaItemTree sets it. */
gboolean          fita_item_object_get_match    (FitaItemObject *self);
void              fita_item_object_set_match    (FitaItemObject *self,
                                                 gboolean        match);
/* The change of the item in comparison (NULL: none to show); FitaItemTree
 * calls it, for every object, after each change of the plan. */
void              fita_item_object_set_change   (FitaItemObject *self,
                                                 FitaComparison *comparison);
/* The item whose list holds this object (0: the top level). */
gint64            fita_item_object_get_parent_id (FitaItemObject *self);
void              fita_item_object_set_parent_id (FitaItemObject *self,
                                                  gint64          parent_id);

G_END_DECLS
