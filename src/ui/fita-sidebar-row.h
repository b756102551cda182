/* fita-sidebar-row.h: a row of a page's sidebar (a body, a participatory
 * process): its name, a line about it, indented by its depth. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FITA_TYPE_SIDEBAR_ROW (fita_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (FitaSidebarRow, fita_sidebar_row, FITA, SIDEBAR_ROW, GtkListBoxRow)

/* The row of record id, its name wrapping at max_width_chars. */
GtkWidget  *fita_sidebar_row_new       (gint64          id,
                                        int             max_width_chars);
void        fita_sidebar_row_set_title    (FitaSidebarRow *self,
                                           const char     *title);
const char *fita_sidebar_row_get_title    (FitaSidebarRow *self);
void        fita_sidebar_row_set_subtitle (FitaSidebarRow *self,
                                           const char     *subtitle);
const char *fita_sidebar_row_get_subtitle (FitaSidebarRow *self);
/* Working groups sit under their body: depth 1, 2… */
void        fita_sidebar_row_set_depth    (FitaSidebarRow *self,
                                           guint           depth);
guint       fita_sidebar_row_get_depth    (FitaSidebarRow *self);

G_END_DECLS
