/* fita-item-tree.h: the items of a plan as a GtkTreeListModel that follows
 * the plan's changes.
 *
 * Each list of children is a GListStore of FitaItemObjects, made when its
 * row is first expanded. After a change, only the lists the change touched
 * are spliced (fita_changes_list_changed()), so rows that stay keep their
 * widgets, their expanded state and their selection.
 */
#pragma once

#include <gtk/gtk.h>

#include "fita-item-object.h"
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_TREE (fita_item_tree_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemTree, fita_item_tree, FITA, ITEM_TREE, GObject)

FitaItemTree     *fita_item_tree_new            (FitaPlan          *plan,
                                                 gboolean           autoexpand);
FitaPlan         *fita_item_tree_get_plan       (FitaItemTree      *self);
/* The rows: GtkTreeListRows whose items are FitaItemObjects. */
GtkTreeListModel *fita_item_tree_get_model      (FitaItemTree      *self);
/* Brings the lists in step with a change; call it from FitaPlan::changed
 * before anything looks at the rows. */
void              fita_item_tree_apply_changes  (FitaItemTree      *self,
                                                 const FitaChanges *changes);
/* The object that stands for item id in the lists, if it was made. */
FitaItemObject   *fita_item_tree_lookup         (FitaItemTree      *self,
                                                 gint64             id);
/* Marks the items the search found (a set of gint64 *, kept; NULL: none)
 * through their objects' "match", now and as their objects are made. */
void              fita_item_tree_set_matches    (FitaItemTree      *self,
                                                 GHashTable        *matches);
/* The year whose change since the year before the items' objects show
 * (fita_item_object_set_change()); FITA_NONE or 0: the plan's default year
 * (fita_plan_default_year(), which follows the year followed up). */
void              fita_item_tree_set_year       (FitaItemTree      *self,
                                                 gint64             year);
gint64            fita_item_tree_get_year       (FitaItemTree      *self);
/* That comparison, or NULL when a closure cannot be read. Made again by
 * fita_item_tree_apply_changes(): valid until the plan's next change. */
FitaComparison   *fita_item_tree_get_comparison (FitaItemTree      *self);
/* The row of item id (a new reference), or NULL when it is not on show;
 * with reveal, its ancestors are expanded first so that it is. */
GtkTreeListRow   *fita_item_tree_get_row        (FitaItemTree      *self,
                                                 gint64             id,
                                                 gboolean           reveal);
/* The ids of the expanded rows, parents before children. */
GArray           *fita_item_tree_get_expanded   (FitaItemTree      *self);
/* Expands exactly the rows of the items in expanded (a set of gint64 *),
 * or, with NULL, the rows down to depth (0: the top level). */
void              fita_item_tree_set_expanded   (FitaItemTree      *self,
                                                 GHashTable        *expanded,
                                                 int                depth);

G_END_DECLS
