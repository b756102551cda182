/* fita-window-forms.h: the window's part in the yearly round of update
 * forms: Make Update Forms… (fita-forms-dialog.h) and Merge an Answered
 * Form… (fita-merge-dialog.h). */
#pragma once

#include "fita-window.h"

G_BEGIN_DECLS

/* Adds win.make-forms, win.merge-form and win.open-folder (a folder's
 * URI, as the toasts open it) to window, and takes update forms dropped
 * on it to the merge screen; for fita_window_init. */
void        fita_window_init_forms  (FitaWindow *window);

/* Opens the merge screen over window for the answered form file, which
 * it reads in a thread; returns it. */
GtkWindow  *fita_window_merge_form  (FitaWindow *window,
                                     GFile      *file);

/* Whether file is an update form Fita made (it reads it), to open it
 * with the merge screen rather than as a table to import. */
gboolean    fita_file_is_update_form (GFile     *file);

G_END_DECLS
