#pragma once

#include <adwaita.h>
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR (fita_item_editor_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditor, fita_item_editor, FITA, ITEM_EDITOR, AdwBin)

GtkWidget  *fita_item_editor_new      (void);
FitaPlan   *fita_item_editor_get_plan (FitaItemEditor *self);
void        fita_item_editor_set_plan (FitaItemEditor *self,
                                     FitaPlan       *plan);

gint64      fita_item_editor_get_item_id (FitaItemEditor *self);
void        fita_item_editor_set_item_id (FitaItemEditor *self,
                                     gint64          item_id);
int         fita_item_editor_get_year    (FitaItemEditor *self);
void        fita_item_editor_set_year    (FitaItemEditor *self,
                                     int             year);

/* Puts the keyboard focus in the title field, for F2 ("rename"). */
void        fita_item_editor_focus_title (FitaItemEditor *self);

G_END_DECLS
