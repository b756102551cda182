/* fita-item-object.h: one item of a plan, as a GObject for list models.
 *
 * GTK's list widgets need GObjects; a FitaItemObject wraps an item of a
 * plan (and keeps the plan alive) and lists its children on demand, which
 * is what GtkTreeListModel asks for.
 */
#pragma once

#include <gio/gio.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_OBJECT (fita_item_object_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemObject, fita_item_object, FITA, ITEM_OBJECT, GObject)

FitaItemObject   *fita_item_object_new          (FitaPlan       *plan,
                                                 FitaItem       *item);
/* A new list of FitaItemObjects for the items under parent (NULL: the top
 * level), in the plan's order. */
GListModel       *fita_item_object_list_new     (FitaPlan       *plan,
                                                 FitaItem       *parent);
FitaPlan         *fita_item_object_get_plan     (FitaItemObject *self);
FitaItem         *fita_item_object_get_item     (FitaItemObject *self);
/* The children, made on first use; NULL for an item that has none. */
GListModel       *fita_item_object_get_children (FitaItemObject *self);
/* The item's status, or NULL when it has none. */
const FitaStatus *fita_item_object_get_status   (FitaItemObject *self);
/* Whole percent, -1 when the item has none (see fita_plan_progress()). */
int               fita_item_object_get_progress (FitaItemObject *self);
/* "11.1, Radiografia d’agents, En curs, 30 %", for screen readers: the
 * parts the item has, percent written for lang. */
char             *fita_item_object_describe     (FitaItemObject *self,
                                                 const char     *lang);

G_END_DECLS
