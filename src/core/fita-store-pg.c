/* fita-store-pg.c: a shared plan on a PostgreSQL server. */
#include "config.h"
#include "fita-store-private.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>

FitaStore *
fita_pg_store_open (const char *uri, FitaStoreOpenFlags flags, const char *password, GError **error)
{
  (void) uri; (void) flags; (void) password;
  g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION, "not yet");
  return NULL;
}

FitaStore *
fita_pg_store_create (const char *uri, const char *password, GError **error)
{
  (void) uri; (void) password;
  g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION, "not yet");
  return NULL;
}
