/* fita-shared.h: shared plans as the app deals with them: where one is
 * (a postgresql:// URI made from what a person types, and put back into
 * words for titles and lists) and its password, kept in the GNOME
 * keyring (libsecret), never in settings, files or the recent list. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* postgresql://USER@SERVER/DATABASE?plan=PLAN from the fields of the Open
 * Shared Plan dialog (user may be empty: libpq's default). A whole URI
 * typed as the server is taken as it is, with plan added when it has
 * none. NULL with an error that says what is missing. */
char     *fita_shared_compose_location   (const char    *server,
                                          const char    *database,
                                          const char    *plan,
                                          const char    *user,
                                          GError       **error);
/* The plan's name in a location (its "plan" parameter), or NULL. */
char     *fita_shared_plan_name          (const char    *location);
/* The server of a location for people: its host, or "this computer" for
 * a local socket. */
char     *fita_shared_server_name        (const char    *location);
/* "terrassa-ess on fita.example.org" */
char     *fita_shared_describe_location  (const char    *location);

/* The password kept for location (looked up by its display form), or
 * NULL when there is none or no keyring. Blocks: call it in a thread. */
char     *fita_shared_lookup_password    (const char    *location,
                                          GCancellable  *cancellable);
/* Keeps password for location in the keyring; without one, nothing
 * happens (nor is anyone warned: the password is asked each time). */
void      fita_shared_store_password     (const char    *location,
                                          const char    *password);
/* Forgets the password kept for location, if any. */
void      fita_shared_forget_password    (const char    *location);

G_END_DECLS
