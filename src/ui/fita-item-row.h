/* fita-item-row.h: one line of the plan outline: code, title, status and
 * progress of an item. */
#pragma once

#include <gtk/gtk.h>

#include "fita-item-object.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_ROW (fita_item_row_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemRow, fita_item_row, FITA, ITEM_ROW, GtkWidget)

GtkWidget      *fita_item_row_new      (void);
FitaItemObject *fita_item_row_get_item (FitaItemRow    *self);
void            fita_item_row_set_item (FitaItemRow    *self,
                                        FitaItemObject *item);

G_END_DECLS
