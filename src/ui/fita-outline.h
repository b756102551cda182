/* fita-outline.h: the items of a plan as an outline to edit: the tree,
 * its search bar, the bar for editing many items at once and a toolbar.
 *
 * Its actions ("outline.add-after", "outline.delete", …) work on the
 * selected items, each as one undoable change of the plan.
 */
#pragma once

#include <gtk/gtk.h>

#include "fita-compare.h"
#include "fita-edit.h"
#include "fita-item-row.h"
#include "fita-item-tree.h"
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_OUTLINE (fita_outline_get_type ())
G_DECLARE_FINAL_TYPE (FitaOutline, fita_outline, FITA, OUTLINE, GtkWidget)

GtkWidget    *fita_outline_new             (void);
FitaPlan     *fita_outline_get_plan        (FitaOutline      *self);
void          fita_outline_set_plan        (FitaOutline      *self,
                                            FitaPlan         *plan);
/* The rows on show: GtkTreeListRows whose items are FitaItemObjects, in a
 * GtkMultiSelection. NULL without a plan. */
GListModel   *fita_outline_get_model       (FitaOutline      *self);
FitaItemTree *fita_outline_get_tree        (FitaOutline      *self);
/* The first selected item (0: none), and how many are selected. */
gint64        fita_outline_get_selected_id (FitaOutline      *self);
guint         fita_outline_get_n_selected  (FitaOutline      *self);
/* The ids of the selected items, in the order they are shown. */
GArray       *fita_outline_get_selected_ids (FitaOutline     *self);
/* Selects only item id, unfolding its parents and scrolling to it. */
gboolean      fita_outline_select_item     (FitaOutline      *self,
                                            gint64            id);
/* Adds item id to the selection (for keyboard-less tests and DnD). */
gboolean      fita_outline_add_to_selection (FitaOutline     *self,
                                            gint64            id);
/* Moves item id before, after or into target, as dropping it there does. */
gboolean      fita_outline_drop_item       (FitaOutline      *self,
                                            gint64            id,
                                            gint64            target_id,
                                            FitaDropPosition  position,
                                            GError          **error);
gboolean      fita_outline_get_search_mode (FitaOutline      *self);
void          fita_outline_set_search_mode (FitaOutline      *self,
                                            gboolean          search_mode);
/* Shows the search bar and puts the keyboard in its entry, keeping the
 * query when it was already searching (Ctrl+F). */
void          fita_outline_focus_search    (FitaOutline      *self);
/* Shows the search bar set to filter (NULL: clears it) and filters now. */
void          fita_outline_set_filter      (FitaOutline      *self,
                                            const FitaFilter *filter);
/* Shows the search bar filtering the items by their change since the year
 * before (the status filter's last choices), FITA_COMPARE_ALL: any. */
void          fita_outline_set_change_filter (FitaOutline    *self,
                                            FitaCompareFilter filter);
/* The year the rows' change badges compare with the year before; 0: the
 * plan's default year (the year followed up). */
gint64        fita_outline_get_year        (FitaOutline      *self);
void          fita_outline_set_year        (FitaOutline      *self,
                                            gint64            year);
/* Whether item id is one the search found. */
gboolean      fita_outline_is_match        (FitaOutline      *self,
                                            gint64            id);
/* Remembers which rows are unfolded, for the next time the file opens. */
void          fita_outline_save_expanded   (FitaOutline      *self);
/* Where that is kept: $XDG_STATE_HOME/fita/expanded.ini */
char         *fita_outline_get_state_path  (void);

G_END_DECLS
