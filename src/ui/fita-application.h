/* fita-application.h: the Fita application: opens plans in windows. */
#pragma once

#include <adwaita.h>

#include "fita-window.h"

G_BEGIN_DECLS

#define FITA_TYPE_APPLICATION (fita_application_get_type ())
G_DECLARE_FINAL_TYPE (FitaApplication, fita_application, FITA, APPLICATION, AdwApplication)

FitaApplication *fita_application_new          (void);
/* Shows the plan in file: in the window that already shows it, else in
 * window if that one shows nothing (NULL: any window that shows nothing),
 * else in a new window. When it cannot be opened, says why over window. */
void             fita_application_open_file    (FitaApplication *self,
                                                GFile           *file,
                                                FitaWindow      *window);
/* Opens the user's copy of a built-in example, making it first if needed. */
void             fita_application_open_example (FitaApplication *self,
                                                const char      *name,
                                                FitaWindow      *window);
/* Where the copy of an example lives: Fita/NAME.fita in the user's
 * Documents folder, or in the home folder when there is none. */
char            *fita_application_get_example_path (const char  *name);
/* Opens the shared plan at location (a postgresql:// URI): brings up the
 * window that already shows it, or connects through the Open Shared Plan
 * dialog over window (asking for a password when the server wants one). */
void             fita_application_open_shared  (FitaApplication *self,
                                                const char      *location,
                                                FitaWindow      *window);
/* Shows plan, just opened, as fita_application_open_file does: in window
 * if that one shows nothing, else in an empty window or a new one; lists
 * it among the recent plans. */
void             fita_application_show_opened_plan (FitaApplication *self,
                                                    FitaPlan        *plan,
                                                    FitaWindow      *window);
/* Lists plan (which has a file, or is shared: then by its location
 * without any password) among the recent plans. */
void             fita_application_add_recent   (FitaPlan        *plan);
/* The cat.fita.Fita settings; NULL when the schema is not installed. */
GSettings       *fita_application_get_settings (FitaApplication *self);
/* A new plan with the default levels and statuses, saved as file (which
 * it replaces), shown in window if that one shows nothing, else in an
 * empty window or a new one. */
gboolean         fita_application_create_plan  (FitaApplication  *self,
                                                const char       *title,
                                                GFile            *file,
                                                FitaWindow       *window,
                                                GError          **error);
/* The same for a plan running from start_year to end_year (FITA_NONE:
 * not said) whose texts are in language ("ca", "es", "en"; NULL: not
 * said). */
gboolean         fita_application_create_plan_full (FitaApplication  *self,
                                                    const char       *title,
                                                    gint64            start_year,
                                                    gint64            end_year,
                                                    const char       *language,
                                                    GFile            *file,
                                                    FitaWindow       *window,
                                                    GError          **error);

/* Binds Fita's translations (FITA_LOCALEDIR, or where they are installed)
 * and the user's locale: for main() and for the tests. */
/* Saves plan (one in memory, made by an import, say) as file, replacing
 * it when it exists, and shows it in window, or in a window that shows
 * nothing, or a new one. */
gboolean         fita_application_save_new_plan (FitaApplication  *self,
                                                 FitaPlan         *plan,
                                                 GFile            *file,
                                                 FitaWindow       *window,
                                                 GError          **error);
void fita_application_init_i18n (void);

G_END_DECLS
