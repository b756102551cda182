/* fita-item-editor-who.h: the item editor's "Who" section: who defines,
 * executes or supports the item, other services involved, and notes. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR_WHO (fita_item_editor_who_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorWho, fita_item_editor_who, FITA, ITEM_EDITOR_WHO, GtkWidget)

/* Shows item_id of plan (forgetting anything typed for another item). */
void fita_item_editor_who_load    (FitaItemEditorWho *self,
                                   FitaPlan          *plan,
                                   gint64             item_id);
/* Brings the section up to date after a change of the plan. */
void fita_item_editor_who_refresh (FitaItemEditorWho *self,
                                   const FitaChanges *changes);

G_END_DECLS
