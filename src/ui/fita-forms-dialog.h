/* fita-forms-dialog.h: Make Update Forms…: the year, the service (every
 * responsible one, or one), the format and the folder; then one form a
 * service, written in a thread from a snapshot of the plan
 * (fita-forms.h), and a toast that offers to open the folder. */
#pragma once

#include <adwaita.h>

#include "fita-forms.h"
#include "fita-window.h"

G_BEGIN_DECLS

#define FITA_TYPE_FORMS_DIALOG (fita_forms_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FitaFormsDialog, fita_forms_dialog, FITA, FORMS_DIALOG, AdwWindow)

/* A dialog over window, for its plan, which must be open. */
FitaFormsDialog *fita_forms_dialog_new         (FitaWindow       *window);

gint64           fita_forms_dialog_get_year    (FitaFormsDialog  *self);
void             fita_forms_dialog_set_year    (FitaFormsDialog  *self,
                                                gint64            year);
/* The agent whose form is made; 0: every responsible agent's. */
gint64           fita_forms_dialog_get_agent   (FitaFormsDialog  *self);
gboolean         fita_forms_dialog_set_agent   (FitaFormsDialog  *self,
                                                gint64            agent_id);
FitaFormsFormat  fita_forms_dialog_get_format  (FitaFormsDialog  *self);
void             fita_forms_dialog_set_format  (FitaFormsDialog  *self,
                                                FitaFormsFormat   format);
/* The folder the forms go to (the plan's own folder at first). */
GFile           *fita_forms_dialog_get_folder  (FitaFormsDialog  *self);
void             fita_forms_dialog_set_folder  (FitaFormsDialog  *self,
                                                GFile            *folder);

/* Writes the forms, as the Make Forms button does: in a thread; then the
 * dialog closes and the window shows a toast, or the dialog shows what
 * went wrong. notify::writing says when it is done. */
void             fita_forms_dialog_write       (FitaFormsDialog  *self);
gboolean         fita_forms_dialog_get_writing (FitaFormsDialog  *self);

G_END_DECLS
