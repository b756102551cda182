/* fita-item-editor-indicators.h: the item editor's result and impact
 * indicators, with the value of the follow-up year and the other years. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR_INDICATORS (fita_item_editor_indicators_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorIndicators, fita_item_editor_indicators, FITA, ITEM_EDITOR_INDICATORS, GtkWidget)

/* Shows item_id of plan, with the values of year (forgetting anything typed
 * for another item or year). */
void fita_item_editor_indicators_load    (FitaItemEditorIndicators *self,
                                          FitaPlan                 *plan,
                                          gint64                    item_id,
                                          int                       year);
/* Brings the section up to date after a change of the plan. */
void fita_item_editor_indicators_refresh (FitaItemEditorIndicators *self,
                                          const FitaChanges        *changes);

G_END_DECLS
