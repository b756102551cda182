/* fita-accessible.h: what GTK 4.8 leaves unnamed for screen readers, named
 * once for the whole app. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* From then on, the button inside every drop-down, colour button and menu
 * button (which GTK 4.8 leaves to be read as "GtkToggleButton") is labelled
 * by the control it belongs to, so a screen reader that lands on it reads
 * the control's name; and a menu button with nothing else to name it is
 * named by its tooltip. Call once, after gtk_init(). */
void fita_accessible_init (void);

G_END_DECLS
