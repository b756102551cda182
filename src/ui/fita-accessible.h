/* fita-accessible.h: what GTK 4.8 leaves unnamed, or names wrongly, for
 * screen readers, put right in one place for the whole app. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Puts right, from then on, every widget as it is realized (see
 * fita_accessible_fix_tree()). Call once, after gtk_init(). */
void fita_accessible_init     (void);
/* Puts right root and every widget below it, realized or not (the pages
 * of a stack that are not shown are read too):
 * - a widget with a mnemonic label (a button's own, or one beside it) is
 *   named by that label as shown, once: not "Pla _nou… Pla nou…";
 * - the button inside a drop-down, colour button or menu button, read as
 *   "GtkToggleButton", is labelled by the control it belongs to;
 * - a menu button is named by its label as shown, or its button
 *   content's, or else by its tooltip;
 * - the control of an action row is named by the row's title, once, and
 *   so is the button inside it if it is a drop-down; a drop-down
 *   elsewhere by its tooltip. */
void fita_accessible_fix_tree (GtkWidget *root);
/* Names the list row that holds child (a factory's widget in a list
 * view or a drop-down's list): GTK 4.8 reads a row by its own name only,
 * and gives it none. Call on bind, with the item's name. */
void fita_accessible_name_list_row (GtkWidget  *child,
                                    const char *name);

G_END_DECLS
