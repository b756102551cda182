/* fita-preferences-window.h: the settings of Fita that are not a plan's:
 * the language of new reports and the timeline's starting zoom. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FITA_TYPE_PREFERENCES_WINDOW (fita_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FitaPreferencesWindow, fita_preferences_window, FITA, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* settings: the cat.fita.Fita settings; NULL leaves the rows insensitive. */
GtkWidget *fita_preferences_window_new (GSettings *settings);

G_END_DECLS
