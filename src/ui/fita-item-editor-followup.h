/* fita-item-editor-followup.h: the item editor's yearly follow-up: notes on
 * the execution, strengths, weaknesses, other remarks, adjustments and next
 * steps of one year, chosen at the top of the section. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR_FOLLOWUP (fita_item_editor_followup_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorFollowup, fita_item_editor_followup, FITA, ITEM_EDITOR_FOLLOWUP, GtkWidget)

/* Shows the follow-up of item_id in year (forgetting anything typed for
 * another item or year). */
void       fita_item_editor_followup_load     (FitaItemEditorFollowup *self,
                                               FitaPlan               *plan,
                                               gint64                  item_id,
                                               int                     year);
/* Brings the section up to date after a change of the plan. */
void       fita_item_editor_followup_refresh  (FitaItemEditorFollowup *self,
                                               const FitaChanges      *changes);
/* The text view of field ("execution", "strengths", "weaknesses", "other",
 * "adjustments", "next_steps"). */
GtkWidget *fita_item_editor_followup_get_view (FitaItemEditorFollowup *self,
                                               const char             *field);

G_END_DECLS
