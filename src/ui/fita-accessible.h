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
 * - a button with a mnemonic is named by its label as shown ("Pla nou…"),
 *   not as written, which a screen reader reads "Pla _nou… Pla nou…";
 * - the button inside a drop-down, colour button or menu button, read as
 *   "GtkToggleButton", is labelled by the control it belongs to;
 * - a menu button is named by its label as shown, or its button
 *   content's, or else by its tooltip. */
void fita_accessible_fix_tree (GtkWidget *root);

G_END_DECLS
