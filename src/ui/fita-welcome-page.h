/* fita-welcome-page.h: what a window without a plan shows: New Plan,
 * Open, the plans opened lately and the example plans. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FITA_TYPE_WELCOME_PAGE (fita_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaWelcomePage, fita_welcome_page, FITA, WELCOME_PAGE, AdwBin)

GtkWidget *fita_welcome_page_new     (void);
/* Reads the recent plans again (the page does it itself when shown and
 * when the list of recent files changes). */
void       fita_welcome_page_refresh (FitaWelcomePage *self);

G_END_DECLS
