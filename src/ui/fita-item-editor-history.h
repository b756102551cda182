/* fita-item-editor-history.h: the item editor's history: who changed what
 * of the item, and when, from the plan's change log. */
#pragma once

#include <adwaita.h>

#include "fita-log.h"

G_BEGIN_DECLS

/* The most changes the section lists; older ones are in `fita-cli log`. */
#define FITA_ITEM_HISTORY_MAX 50

#define FITA_TYPE_ITEM_EDITOR_HISTORY (fita_item_editor_history_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorHistory, fita_item_editor_history, FITA, ITEM_EDITOR_HISTORY, GtkWidget)

/* Shows the history of item_id (0 or a NULL plan: nothing). */
void fita_item_editor_history_load    (FitaItemEditorHistory *self,
                                       FitaPlan              *plan,
                                       gint64                 item_id);
/* Brings the section up to date after a change of the plan (every change
 * is logged, so the newest may be the item's). */
void fita_item_editor_history_refresh (FitaItemEditorHistory *self);

/* What an entry of the log did, for people: "Progress 20 % → 50 %",
 * "Link added: https://…". For the section and its tests. */
char *fita_item_history_describe_entry (FitaPlan            *plan,
                                        const FitaLogEntry  *entry);

G_END_DECLS
