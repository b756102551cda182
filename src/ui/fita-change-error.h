/* fita-change-error.h: a change refused because a shared plan has other
 * people and a server behind it, shown the way each case calls for:
 * - FITA_ERROR_CONFLICT: someone else changed the same thing first (the
 *   plan already shows their version): "Someone else changed this", with
 *   the two values when the widget knows them, Take Theirs and Keep Mine;
 * - FITA_ERROR_PERMISSION: the server's refusal, in the core's words
 *   (which name what the user may change).
 * A lost connection is not taken care of here: the window's banner says
 * it (fita-shared-banner.h), and the widget keeps the change marked as not
 * saved, as for any other refusal. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

/* Called once the person has answered (the plan then holds what stays),
 * with the widget whose change was refused if it is still there: to show
 * the plan's value again. */
typedef void (*FitaChangeSettled) (GtkWidget *widget);

/* Shows error over widget's window when it is one of the cases above,
 * and returns TRUE (the caller shows nothing more); FALSE for any other
 * error, for the caller to show its usual way. */
gboolean fita_change_error_show        (GtkWidget         *widget,
                                        FitaPlan          *plan,
                                        const GError      *error,
                                        FitaChangeSettled  settled);
/* The same, showing the person's value (mine) and the one the plan has
 * now (theirs) in a conflict; either may be NULL. */
gboolean fita_change_error_show_values (GtkWidget         *widget,
                                        FitaPlan          *plan,
                                        const GError      *error,
                                        const char        *mine,
                                        const char        *theirs,
                                        FitaChangeSettled  settled);

/* Someone else's change arrived while the person was typing over the same
 * value: the same question, before anything is saved; keep_mine says the
 * answer. */
typedef void (*FitaChangeChoice) (GtkWidget *widget,
                                  gboolean   keep_mine);
void     fita_change_error_ask         (GtkWidget         *widget,
                                        const char        *mine,
                                        const char        *theirs,
                                        FitaChangeChoice   choice);

G_END_DECLS
