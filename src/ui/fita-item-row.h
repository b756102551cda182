/* fita-item-row.h: one row of the plan outline: code and title, then the
 * status, progress and budget execution of an item, bound in its template
 * to the properties of its FitaItemObject. The outline makes its rows from
 * fita-outline-row.ui, which binds "item" and "match". */
#pragma once

#include <gtk/gtk.h>

#include "fita-item-object.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_ROW (fita_item_row_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemRow, fita_item_row, FITA, ITEM_ROW, GtkWidget)

typedef enum {
  FITA_DROP_NONE,
  FITA_DROP_BEFORE,
  FITA_DROP_INTO,
  FITA_DROP_AFTER,
} FitaDropPosition;

GtkWidget      *fita_item_row_new      (void);
FitaItemObject *fita_item_row_get_item (FitaItemRow    *self);
void            fita_item_row_set_item (FitaItemRow    *self,
                                        FitaItemObject *item);
/* Marks the row as one the search found ("match"). */
void            fita_item_row_set_match (FitaItemRow   *self,
                                         gboolean       match);
gboolean        fita_item_row_get_match (FitaItemRow   *self);
/* Where a dragged row would land, shown as a line or a tint. */
void            fita_item_row_set_drop  (FitaItemRow      *self,
                                         FitaDropPosition  position);

G_END_DECLS
