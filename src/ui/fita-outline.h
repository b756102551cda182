/* fita-outline.h: the items of a plan as an expandable outline. */
#pragma once

#include <gtk/gtk.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_OUTLINE (fita_outline_get_type ())
G_DECLARE_FINAL_TYPE (FitaOutline, fita_outline, FITA, OUTLINE, GtkWidget)

GtkWidget  *fita_outline_new       (void);
FitaPlan   *fita_outline_get_plan  (FitaOutline *self);
void        fita_outline_set_plan  (FitaOutline *self,
                                    FitaPlan    *plan);
/* The rows on show: GtkTreeListRows whose items are FitaItemObjects, in a
 * GtkSingleSelection. NULL without a plan. */
GListModel *fita_outline_get_model (FitaOutline *self);

G_END_DECLS
