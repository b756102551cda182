/* fita-item-editor-links.h: the item editor's links to documents and pages
 * about the item. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR_LINKS (fita_item_editor_links_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorLinks, fita_item_editor_links, FITA, ITEM_EDITOR_LINKS, GtkWidget)

/* Shows the links of item_id (forgetting anything typed for another item). */
void fita_item_editor_links_load    (FitaItemEditorLinks *self,
                                     FitaPlan            *plan,
                                     gint64               item_id);
/* Brings the section up to date after a change of the plan. */
void fita_item_editor_links_refresh (FitaItemEditorLinks *self,
                                     const FitaChanges   *changes);

G_END_DECLS
