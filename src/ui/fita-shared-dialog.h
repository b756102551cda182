/* fita-shared-dialog.h: File › Open Shared Plan…: the server, database,
 * plan and user (or a whole postgresql:// address), then connecting in a
 * thread with a spinner and Cancel, asking for a password when the server
 * wants one (and keeping it in the keyring when the person agrees), and
 * showing the plan in a window. Reopening a shared plan from the recent
 * list comes here too, with the fields filled in. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FITA_TYPE_SHARED_DIALOG (fita_shared_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FitaSharedDialog, fita_shared_dialog, FITA, SHARED_DIALOG, AdwWindow)

/* parent: the window that shows the plan once it is open, if it shows
 * nothing yet. */
FitaSharedDialog *fita_shared_dialog_new           (GtkWindow        *parent);
/* Fills the fields from location (its display form: never a password). */
void              fita_shared_dialog_set_location  (FitaSharedDialog *self,
                                                    const char       *location);
void              fita_shared_dialog_set_fields    (FitaSharedDialog *self,
                                                    const char       *server,
                                                    const char       *database,
                                                    const char       *plan,
                                                    const char       *user);
/* The location the fields name; NULL and an error saying what is missing. */
char             *fita_shared_dialog_get_location  (FitaSharedDialog *self,
                                                    GError          **error);
/* Connects (as the Connect button does). */
void              fita_shared_dialog_connect       (FitaSharedDialog *self);
gboolean          fita_shared_dialog_is_connecting (FitaSharedDialog *self);
/* What went wrong with the last try, or NULL. */
const char       *fita_shared_dialog_get_error     (FitaSharedDialog *self);

G_END_DECLS
