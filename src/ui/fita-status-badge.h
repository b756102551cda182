/* fita-status-badge.h: a status name on a pill of the status' colour. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FITA_TYPE_STATUS_BADGE (fita_status_badge_get_type ())
G_DECLARE_FINAL_TYPE (FitaStatusBadge, fita_status_badge, FITA, STATUS_BADGE, GtkWidget)

GtkWidget *fita_status_badge_new        (void);
/* colour is "#rrggbb" (or any CSS colour); NULL or unreadable gives a
 * neutral pill. */
void       fita_status_badge_set_status (FitaStatusBadge *self,
                                         const char      *name,
                                         const char      *colour);
/* TRUE when the text is drawn dark, for a light colour. */
gboolean   fita_status_badge_get_dark_text (FitaStatusBadge *self);

G_END_DECLS
