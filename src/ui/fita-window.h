/* fita-window.h: a window showing one plan, or the welcome page when it has
 * none. */
#pragma once

#include <adwaita.h>

#include "fita-outline.h"
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_WINDOW (fita_window_get_type ())
G_DECLARE_FINAL_TYPE (FitaWindow, fita_window, FITA, WINDOW, AdwApplicationWindow)

FitaWindow  *fita_window_new         (GtkApplication *application);
FitaPlan    *fita_window_get_plan    (FitaWindow     *self);
void         fita_window_set_plan    (FitaWindow     *self,
                                      FitaPlan       *plan);
FitaOutline *fita_window_get_outline (FitaWindow     *self);
/* A message dialog over the window, for something that went wrong. */
void         fita_window_show_error  (FitaWindow     *self,
                                      const char     *heading,
                                      const char     *message);

G_END_DECLS
