/* fita-budget-cell.h: an amount in the Budget page's table. It shows the
 * amount as text, marks it with a warning and says why, and when editable
 * turns into a text field on Enter, F2, a double click or typing a digit:
 * Enter or leaving the field commits, Escape gives up. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FITA_TYPE_BUDGET_CELL (fita_budget_cell_get_type ())
G_DECLARE_FINAL_TYPE (FitaBudgetCell, fita_budget_cell, FITA, BUDGET_CELL, GtkWidget)

GtkWidget   *fita_budget_cell_new            (void);

/* Which column of the page the cell is in, and the list item it shows. */
void         fita_budget_cell_set_column     (FitaBudgetCell *self,
                                              guint           column);
guint        fita_budget_cell_get_column     (FitaBudgetCell *self);
void         fita_budget_cell_set_list_item  (FitaBudgetCell *self,
                                              GtkListItem    *list_item);
GtkListItem *fita_budget_cell_get_list_item  (FitaBudgetCell *self);

/* text: what is shown; edit_text: what editing starts from. */
void         fita_budget_cell_set_text       (FitaBudgetCell *self,
                                              const char     *text,
                                              const char     *edit_text);
const char  *fita_budget_cell_get_text       (FitaBudgetCell *self);
void         fita_budget_cell_set_editable   (FitaBudgetCell *self,
                                              gboolean        editable);
gboolean     fita_budget_cell_get_editable   (FitaBudgetCell *self);
/* A reason to look at the amount (shown with an icon), or NULL. */
void         fita_budget_cell_set_warning    (FitaBudgetCell *self,
                                              const char     *reason);
const char  *fita_budget_cell_get_warning    (FitaBudgetCell *self);
/* What else the tooltip says (why the cell cannot be edited), or NULL. */
void         fita_budget_cell_set_note       (FitaBudgetCell *self,
                                              const char     *note);
/* Why the typed text was not saved, or NULL; it stays until the next edit. */
void         fita_budget_cell_set_error      (FitaBudgetCell *self,
                                              const char     *message);
const char  *fita_budget_cell_get_error      (FitaBudgetCell *self);
/* The tooltip as it stands: error, warning, note. */
char        *fita_budget_cell_dup_tooltip    (FitaBudgetCell *self);

/* The text field, focused, holding the amount; NULL if not editable. */
GtkEditable *fita_budget_cell_start_editing  (FitaBudgetCell *self);
gboolean     fita_budget_cell_is_editing     (FitaBudgetCell *self);
/* Commits the text (as Enter does) or gives it up (as Escape does). */
void         fita_budget_cell_stop_editing   (FitaBudgetCell *self,
                                              gboolean        commit);

G_END_DECLS
