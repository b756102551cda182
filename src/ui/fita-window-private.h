/* fita-window-private.h: the parts of the window kept in files of their
 * own (fita-window-io.c: importing and exporting). */
#pragma once

#include "fita-window.h"

G_BEGIN_DECLS

/* win.import, win.export: for fita_window_class_init. */
void fita_window_class_add_io_actions (GtkWidgetClass *widget_class);

G_END_DECLS
