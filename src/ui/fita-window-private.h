/* fita-window-private.h: the parts of the window kept in files of their
 * own (fita-window-io.c: copies of the plan, importing and exporting). */
#pragma once

#include "fita-window.h"

G_BEGIN_DECLS

/* win.save-copy, win.save-as, win.import, win.export: for
 * fita_window_class_init. */
void   fita_window_class_add_io_actions (GtkWidgetClass *widget_class);
/* win.new-plan (fita-window-new-plan.c). */
void   fita_window_class_add_new_plan_action (GtkWidgetClass *widget_class);

/* The file chooser's filters for plans, Fita's first. */
void   fita_window_add_plan_filters     (GtkFileChooser *chooser);
/* "Pla ESS 2019/2026" → "Pla ESS 2019-2026.fita" */
char  *fita_window_file_name_for        (const char     *title);
/* file, or file with “.fita” added when its name lacks it. */
GFile *fita_window_with_extension       (GFile          *file);

G_END_DECLS
