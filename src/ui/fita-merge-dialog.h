/* fita-merge-dialog.h: the merge screen. An answered update form is read
 * in a thread and compared with the plan (fita-merge.h); the screen shows,
 * item by item, each field the form changes (the plan's value → the
 * form's), the conflicts to decide one by one, or why the form is refused
 * (sheet, row and reason). Nothing reaches the plan until Merge, which
 * makes the whole merge one undoable change; Cancel changes nothing. */
#pragma once

#include <adwaita.h>

#include "fita-merge.h"
#include "fita-window.h"

G_BEGIN_DECLS

#define FITA_TYPE_MERGE_DIALOG (fita_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FitaMergeDialog, fita_merge_dialog, FITA, MERGE_DIALOG, AdwWindow)

/* A merge screen over window, for its plan, which must be open. */
FitaMergeDialog *fita_merge_dialog_new         (FitaWindow       *window);
/* Reads the form in a thread (notify::loading says when it is done);
 * then the changes, or why it cannot be read. */
void             fita_merge_dialog_load_file   (FitaMergeDialog  *self,
                                                GFile            *file);
gboolean         fita_merge_dialog_get_loading (FitaMergeDialog  *self);
/* The form as compared with the plan; NULL until read, or if it could
 * not be. */
FitaMerge       *fita_merge_dialog_get_merge   (FitaMergeDialog  *self);
/* Merges, as the Merge button does: one undoable change, then a toast
 * with Undo in the window and the screen closes. */
gboolean         fita_merge_dialog_apply       (FitaMergeDialog  *self,
                                                GError          **error);

G_END_DECLS
