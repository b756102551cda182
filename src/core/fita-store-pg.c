/* fita-store-pg.c: a shared plan on a PostgreSQL server: connecting,
 * opening and creating a plan, transactions, errors as people read them,
 * and watching for others' changes and for the connection (reconnecting by
 * itself). The records are in fita-store-pg-records.c, the schema in
 * fita-store-pg-schema.c; how a database holds plans is told in
 * fita-store-pg-private.h. */
#include "config.h"
#include "fita-store-pg-private.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <gio/gio.h>
#include <string.h>

static const FitaStoreClass pg_store_class;

/* Locations */

static gboolean
is_local_host (const char *host)
{
  /* no host (the default socket), a socket directory, or an abstract socket */
  return host == NULL || *host == '\0' || host[0] == '/' || host[0] == '@';
}

static void
add_option (GPtrArray *keywords, GPtrArray *values, const char *keyword, const char *value)
{
  g_ptr_array_add (keywords, g_strdup (keyword));
  g_ptr_array_add (values, g_strdup (value));
}

gboolean
fita_pg_parse_location (const char *location, const char *password,
                        char ***keywords_out, char ***values_out, char **plan_name,
                        GError **error)
{
  g_autoptr(GString) uri = g_string_new (NULL);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *query = strchr (location, '?');
  g_autofree char *name = NULL;
  char *message = NULL;
  PQconninfoOption *options;
  const char *host = NULL, *sslmode = NULL, *sslrootcert = NULL;

  /* libpq refuses parameters it does not know: take the plan's name out */
  g_string_append_len (uri, location, query ? query - location : (gssize) strlen (location));
  if (query != NULL)
    {
      g_auto(GStrv) params = g_strsplit (query + 1, "&", -1);
      guint kept = 0;
      for (guint i = 0; params[i] != NULL; i++)
        {
          if (g_str_has_prefix (params[i], "plan="))
            {
              g_free (name);
              name = g_uri_unescape_string (params[i] + 5, NULL);
              continue;
            }
          if (*params[i] == '\0')
            continue;
          g_string_append_printf (uri, "%c%s", kept++ ? '&' : '?', params[i]);
        }
    }

  options = PQconninfoParse (uri->str, &message);
  if (options == NULL)
    {
      g_autofree char *shown = fita_location_display (location);
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“%s” is not a shared plan's address (%s). Write it as postgresql://server/database?plan=name."),
                   shown, message ? g_strstrip (message) : "");
      PQfreemem (message);
      return FALSE;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL)
        continue;
      add_option (keywords, values, o->keyword, o->val);
      if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "sslmode"))
        sslmode = o->val;
      else if (g_str_equal (o->keyword, "sslrootcert"))
        sslrootcert = o->val;
    }
  if (host == NULL)
    host = g_getenv ("PGHOST");
  /* Over the network, the server proves who it is unless the address says
   * otherwise: libpq's own default ("prefer") would let anyone in between
   * read the plan. */
  if (sslmode == NULL && g_getenv ("PGSSLMODE") == NULL && !is_local_host (host))
    {
      g_autofree char *own = g_build_filename (g_get_home_dir (), ".postgresql", "root.crt", NULL);
      add_option (keywords, values, "sslmode", "verify-full");
      /* libpq 15 reads only ~/.postgresql/root.crt: without it, trust the
       * system's certificate authorities */
      if (sslrootcert == NULL && g_getenv ("PGSSLROOTCERT") == NULL &&
          !g_file_test (own, G_FILE_TEST_EXISTS) &&
          g_file_test ("/etc/ssl/certs/ca-certificates.crt", G_FILE_TEST_EXISTS))
        add_option (keywords, values, "sslrootcert", "/etc/ssl/certs/ca-certificates.crt");
    }
  PQconninfoFree (options);
  if (password != NULL)
    add_option (keywords, values, "password", password);
  add_option (keywords, values, "application_name", "Fita");
  if (g_getenv ("PGCONNECT_TIMEOUT") == NULL)
    add_option (keywords, values, "connect_timeout", "10");
  /* a network that silently drops the connection is noticed in seconds */
  add_option (keywords, values, "keepalives_idle", "10");
  add_option (keywords, values, "keepalives_interval", "5");
  add_option (keywords, values, "keepalives_count", "3");
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);

  *keywords_out = (char **) g_ptr_array_steal (keywords, NULL);
  *values_out = (char **) g_ptr_array_steal (values, NULL);
  if (plan_name != NULL)
    *plan_name = g_steal_pointer (&name);
  return TRUE;
}

/* Errors */

static char *
first_line (const char *message)
{
  g_autofree char *copy = g_strdup (message ? message : "");
  char *newline = strchr (copy, '\n');

  if (newline != NULL)
    *newline = '\0';
  if (g_str_has_prefix (copy, "ERROR:  "))
    return g_strdup (g_strstrip (copy + 8));
  return g_strdup (g_strstrip (copy));
}

/* The server's notices ("drop cascades to…") are for its keeper, not for
 * the person using Fita. */
static void
log_notice (void *data, const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

PGconn *
fita_pg_connect (char **keywords, char **values, gboolean has_password, GError **error)
{
  PGconn *conn = PQconnectdbParams ((const char *const *) keywords, (const char *const *) values, 0);
  g_autofree char *why = NULL;

  if (conn != NULL && PQstatus (conn) == CONNECTION_OK)
    {
      PQsetNoticeProcessor (conn, log_notice, NULL);
      return conn;
    }
  why = first_line (conn ? PQerrorMessage (conn) : NULL);
  if (conn != NULL && (PQconnectionNeedsPassword (conn) || strstr (why, "password authentication failed") != NULL))
    {
      if (has_password || strstr (why, "password authentication failed") != NULL)
        g_set_error (error, FITA_ERROR, FITA_ERROR_PASSWORD,
                     _("The server refused the password (%s). Check the user name and the password."), why);
      else
        g_set_error (error, FITA_ERROR, FITA_ERROR_PASSWORD,
                     _("The server asks for a password."));
    }
  else if (strstr (why, "SSL") != NULL || strstr (why, "certificate") != NULL)
    g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION,
                 _("The server could not prove who it is over an encrypted connection (%s). Ask whoever keeps the server for its certificate authority and add sslrootcert=FILE to the address; Fita does not connect to a server it cannot verify unless the address says sslmode=require."),
                 why);
  else
    g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION,
                 _("Fita could not connect to the server (%s). Check the address and that the server is running."), why);
  PQfinish (conn);
  return NULL;
}

static const char *
sqlstate (const PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return state ? state : "";
}

/* What a service may change, for the message of a refused change. */
static char *
describe_access (FitaPgStore *store)
{
  if (store->base.access == FITA_ACCESS_FOLLOW_UP)
    /* Translators: %s is a service of the council, e.g. "Servei d'Emprenedoria" */
    return g_strdup_printf (_("You may change only the follow-up of the items %s answers for: their status, percent, executed amounts, indicator values and follow-up texts."),
                            store->base.access_agent);
  if (store->base.access == FITA_ACCESS_READ)
    return g_strdup (_("You may read this plan but not change it."));
  return g_strdup ("");
}

gboolean
fita_pg_set_permission_error (FitaPgStore *store, GError **error)
{
  g_autofree char *may = describe_access (store);

  g_set_error (error, FITA_ERROR, FITA_ERROR_PERMISSION,
               _("The server refused the change: you may not make it. %s"), may);
  return FALSE;
}

gboolean
fita_pg_set_error (FitaPgStore *store, PGconn *conn, const PGresult *result, GError **error)
{
  const char *state = sqlstate (result);
  g_autofree char *why = first_line (result && PQresultErrorMessage (result)[0]
                                     ? PQresultErrorMessage (result)
                                     : conn ? PQerrorMessage (conn) : NULL);

  /* an error libpq found itself (no SQLSTATE from the server) is the
   * connection's: libpq may not yet call it bad */
  if (conn != NULL && (PQstatus (conn) == CONNECTION_BAD || *state == '\0'))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION,
                   _("The connection to the server was lost (%s): the change was not saved. Fita reconnects by itself."),
                   why);
      if (store != NULL)
        fita_pg_connection_lost (store);
    }
  else if (g_str_equal (state, "42501") && store != NULL)
    fita_pg_set_permission_error (store, error);
  else if (g_str_equal (state, "42501"))
    g_set_error (error, FITA_ERROR, FITA_ERROR_PERMISSION, _("The server refused: you may not do this (%s)."), why);
  else if (g_str_equal (state, "23503") || g_str_equal (state, "23505") ||
           g_str_equal (state, "40001") || g_str_equal (state, "40P01"))
    g_set_error (error, FITA_ERROR, FITA_ERROR_CONFLICT,
                 _("Someone else changed the same records at the same time, so the change was not made."));
  else if (g_str_has_prefix (state, "23"))
    g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The change breaks a rule of the plan (%s)."), why);
  else if (g_str_has_prefix (state, "53") || g_str_has_prefix (state, "57") || g_str_has_prefix (state, "08"))
    g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION,
                 _("The server cannot take the change now (%s). Try again in a moment."), why);
  else
    g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The server could not read or write the plan (%s)."), why);
  return FALSE;
}

/* Statements */

gint64
fita_pg_result_int (const PGresult *result, int row, int column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

gboolean
fita_pg_run (PGconn *conn, const char *sql, GError **error)
{
  PGresult *result = PQexec (conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!ok)
    fita_pg_set_error (NULL, conn, result, error);
  PQclear (result);
  return ok;
}

PGresult *
fita_pg_exec (FitaPgStore *store, const char *sql, int n, const char *const *params, GError **error)
{
  const char *name = g_hash_table_lookup (store->prepared, sql);
  PGresult *result;

  if (PQstatus (store->conn) != CONNECTION_OK)
    {
      fita_pg_set_error (store, store->conn, NULL, error);
      return NULL;
    }
  if (name == NULL)
    {
      g_autofree char *new_name = g_strdup_printf ("fita_%u", ++store->n_prepared);
      result = PQprepare (store->conn, new_name, sql, n, NULL);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        {
          fita_pg_set_error (store, store->conn, result, error);
          PQclear (result);
          return NULL;
        }
      PQclear (result);
      name = new_name;
      g_hash_table_insert (store->prepared, g_strdup (sql), g_steal_pointer (&new_name));
    }
  result = PQexecPrepared (store->conn, name, n, params, NULL, NULL, 0);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      fita_pg_set_error (store, store->conn, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

gboolean
fita_pg_check_catalogue (PGconn *conn, gboolean for_migration, int *version, GError **error)
{
  PGresult *result = PQexec (conn, "SELECT to_regclass ('fita.meta') IS NOT NULL");
  gboolean exists;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      fita_pg_set_error (NULL, conn, result, error);
      PQclear (result);
      return FALSE;
    }
  exists = g_str_equal (PQgetvalue (result, 0, 0), "t");
  PQclear (result);
  *version = 0;
  if (exists)
    {
      result = PQexec (conn, "SELECT schema_version FROM fita.meta");
      if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) != 1)
        {
          fita_pg_set_error (NULL, conn, result, error);
          PQclear (result);
          return FALSE;
        }
      *version = (int) fita_pg_result_int (result, 0, 0);
      PQclear (result);
    }
  if (*version > FITA_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NEWER_VERSION,
                   _("The database was set up by a newer version of Fita (version %d, this Fita knows up to %d). Update Fita to use it; nothing was changed."),
                   *version, FITA_SERVER_SCHEMA_VERSION);
      return FALSE;
    }
  if (for_migration)
    return TRUE;
  if (*version == 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_PLAN,
                   _("This database holds no Fita plans: it has not been set up for them. Whoever keeps it can do so with “fita-cli server init ADDRESS”."));
      return FALSE;
    }
  if (*version < FITA_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_PLAN,
                   _("The database was set up by an older version of Fita. Whoever keeps it must bring it up to date with “fita-cli server migrate ADDRESS”."));
      return FALSE;
    }
  return TRUE;
}

/* Opening and creating */

static FitaPgStore *
store_new (const char *location)
{
  FitaPgStore *store = g_new0 (FitaPgStore, 1);

  store->base.klass = &pg_store_class;
  store->base.location = g_strdup (location);
  store->base.shared = TRUE;
  store->base.connected = TRUE;
  store->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  store->versions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  store->pending_versions = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  return store;
}

static void
drop_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* A source on the context the store is watched from (a thread's own, for
 * a client in a thread). */
static GSource *
add_source (FitaPgStore *store, GSource *source, GSourceFunc func)
{
  g_source_set_callback (source, func, store, NULL);
  g_source_attach (source, store->context);
  return source;
}

static void
pg_close (FitaStore *base)
{
  FitaPgStore *store = FITA_PG_STORE (base);

  if (store->cancellable != NULL)
    g_cancellable_cancel (store->cancellable);
  g_clear_object (&store->cancellable);
  if (store->socket_source != NULL)
    {
      g_source_destroy (store->socket_source);
      g_source_unref (store->socket_source);
    }
  drop_source (&store->retry_source);
  drop_source (&store->notify_source);
  g_clear_pointer (&store->context, g_main_context_unref);
  PQfinish (store->conn);
  g_strfreev (store->keywords);
  g_strfreev (store->values);
  g_free (store->plan_name);
  g_free (store->schema);
  g_free (store->owner);
  g_hash_table_unref (store->prepared);
  g_hash_table_unref (store->versions);
  g_array_unref (store->pending_versions);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      g_free (store->insert_sql[t]);
      g_free (store->select_sql[t]);
      g_free (store->changed_sql[t]);
      g_free (store->delete_sql[t]);
      if (store->update_sql[t] != NULL)
        {
          for (guint f = 0; f < fita_table (t)->n_fields; f++)
            g_free (store->update_sql[t][f]);
          g_free (store->update_sql[t]);
        }
    }
  fita_store_free_base (base);
}

static void
pg_store_free (FitaPgStore *store)
{
  if (store != NULL)
    pg_close (&store->base);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaPgStore, pg_store_free)

/* Connects to the server the location names and checks its catalogue. */
static FitaPgStore *
connect_store (const char *location, const char *password, GError **error)
{
  g_autoptr(FitaPgStore) store = store_new (location);
  PGresult *result;
  int version;

  if (!fita_pg_parse_location (location, password, &store->keywords, &store->values, &store->plan_name, error))
    return NULL;
  if (store->plan_name == NULL || *store->plan_name == '\0')
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The address names no plan. Add the plan's name to it, as in postgresql://server/database?plan=name."));
      return NULL;
    }
  store->conn = fita_pg_connect (store->keywords, store->values, password != NULL, error);
  if (store->conn == NULL || !fita_pg_check_catalogue (store->conn, FALSE, &version, error))
    return NULL;
  result = PQexec (store->conn, "SELECT current_user");
  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    store->base.user = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return g_steal_pointer (&store);
}

/* The plans the server holds, for a message: "a, b, c" or NULL. */
static char *
plan_names (PGconn *conn)
{
  PGresult *result = PQexec (conn, "SELECT string_agg (name, ', ' ORDER BY name) FROM fita.plan");
  char *names = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && !PQgetisnull (result, 0, 0))
    names = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return names;
}

/* Finds the plan and what this user may do with it. */
static gboolean
find_plan (FitaPgStore *store, FitaStoreOpenFlags flags, GError **error)
{
  const char *params[1] = { store->plan_name };
  PGresult *result = fita_pg_exec (store,
                                   "SELECT id, revision, owner, fita.access_kind (id, current_user),"
                                   " fita.access_agent (id, current_user) FROM fita.plan WHERE name = $1",
                                   1, params, error);
  const char *kind;

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_autofree char *names = plan_names (store->conn);
      PQclear (result);
      if (names != NULL)
        g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                     _("There is no plan “%s” on this server. It holds: %s."), store->plan_name, names);
      else
        g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                     _("There is no plan “%s” on this server; it holds none yet."), store->plan_name);
      return FALSE;
    }
  store->plan_id = fita_pg_result_int (result, 0, 0);
  store->schema = g_strdup_printf ("fita_plan_%" G_GINT64_FORMAT, store->plan_id);
  store->owner = g_strdup (PQgetvalue (result, 0, 2));
  kind = PQgetisnull (result, 0, 3) ? NULL : PQgetvalue (result, 0, 3);
  if (kind == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PERMISSION,
                   _("The user “%s” may not open the plan “%s”. Ask its coordinator for access (fita-cli server grant)."),
                   store->base.user, store->plan_name);
      PQclear (result);
      return FALSE;
    }
  if (g_str_equal (kind, "service"))
    {
      store->base.access = FITA_ACCESS_FOLLOW_UP;
      store->base.access_agent = g_strdup (PQgetvalue (result, 0, 4));
    }
  else if (g_str_equal (kind, "reader"))
    store->base.access = FITA_ACCESS_READ;
  PQclear (result);

  if (flags & FITA_STORE_OPEN_READ_ONLY)
    store->base.read_only_reason = g_strdup (_("The plan was opened read-only."));
  else if (store->base.access == FITA_ACCESS_READ)
    store->base.read_only_reason = g_strdup (_("You may read this shared plan but not change it."));
  store->base.read_only = store->base.read_only_reason != NULL;
  return TRUE;
}

FitaStore *
fita_pg_store_open (const char *location, FitaStoreOpenFlags flags, const char *password, GError **error)
{
  g_autoptr(FitaPgStore) store = connect_store (location, password, error);

  if (store == NULL || !find_plan (store, flags, error))
    return NULL;
  return &g_steal_pointer (&store)->base;
}

FitaStore *
fita_pg_store_create (const char *location, const char *password, GError **error)
{
  g_autoptr(FitaPgStore) store = connect_store (location, password, error);
  const char *params[1];
  PGresult *result;

  if (store == NULL)
    return NULL;
  params[0] = store->plan_name;
  /* The plan, its tables and its records in one transaction, left open
   * for the records: a copy that fails leaves nothing behind. */
  if (!fita_pg_run (store->conn, "BEGIN", error))
    return NULL;
  result = fita_pg_exec (store, "INSERT INTO fita.plan (name) VALUES ($1) RETURNING id, owner", 1, params, error);
  if (result == NULL)
    {
      if (error && *error && g_error_matches (*error, FITA_ERROR, FITA_ERROR_CONFLICT))
        {
          g_clear_error (error);
          g_set_error (error, FITA_ERROR, FITA_ERROR_EXISTS,
                       _("There is already a plan “%s” on this server. Choose another name."), store->plan_name);
        }
      else if (error && *error && g_error_matches (*error, FITA_ERROR, FITA_ERROR_INVALID))
        {
          g_clear_error (error);
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("“%s” cannot name a plan: use letters, digits, dots, hyphens and underscores (up to 63)."),
                       store->plan_name);
        }
      return NULL;
    }
  store->plan_id = fita_pg_result_int (result, 0, 0);
  store->owner = g_strdup (PQgetvalue (result, 0, 1));
  PQclear (result);
  store->schema = g_strdup_printf ("fita_plan_%" G_GINT64_FORMAT, store->plan_id);
  if (!fita_pg_create_plan_schema (store->conn, store->plan_id, error))
    return NULL;
  store->creating = TRUE;
  store->in_transaction = TRUE;
  return &g_steal_pointer (&store)->base;
}

/* Transactions */

static gboolean
check_writable (FitaPgStore *store, GError **error)
{
  if (store->base.read_only)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY, "%s", store->base.read_only_reason);
      return FALSE;
    }
  if (!store->base.connected || PQstatus (store->conn) != CONNECTION_OK)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION,
                   _("The connection to the server is lost: the change was not saved. Fita is reconnecting; make the change again once it is back."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_begin (FitaStore *base, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autofree char *plan = NULL;
  const char *params[1];
  PGresult *result;

  if (store->creating)
    return TRUE;
  if (!check_writable (store, error))
    return FALSE;
  if (!fita_pg_run (store->conn, "BEGIN", error))
    {
      if (PQstatus (store->conn) == CONNECTION_BAD)
        fita_pg_connection_lost (store);
      return FALSE;
    }
  store->in_transaction = TRUE;
  /* The plan's lock first: changes to one plan are made one after the
   * other, in the order of their revisions, and never wait on each other
   * in a circle. */
  plan = g_strdup_printf ("%" G_GINT64_FORMAT, store->plan_id);
  params[0] = plan;
  result = fita_pg_exec (store, "SELECT fita.revision ($1)", 1, params, error);
  if (result == NULL)
    {
      base->klass->rollback (base);
      return FALSE;
    }
  store->transaction_revision = fita_pg_result_int (result, 0, 0);
  PQclear (result);
  return TRUE;
}

static void
schedule_notify (FitaPgStore *store);

static gboolean
pg_commit (FitaStore *base, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  PGresult *result;

  if (store->creating)
    {
      /* records keep their numbers: new ones are numbered after them all */
      g_autoptr(GString) sql = g_string_new (NULL);
      g_string_append_printf (sql, "SELECT setval ('%s.record_id', GREATEST (1", store->schema);
      for (guint t = 0; t < FITA_N_TABLES; t++)
        g_string_append_printf (sql, ", (SELECT max (id) FROM %s.%s)", store->schema, fita_table (t)->name);
      g_string_append (sql, "))");
      if (!fita_pg_run (store->conn, sql->str, error))
        {
          base->klass->rollback (base);
          return FALSE;
        }
    }
  result = PQexec (store->conn, "COMMIT");
  store->in_transaction = FALSE;
  store->creating = FALSE;
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      gboolean lost = PQstatus (store->conn) == CONNECTION_BAD;
      fita_pg_set_error (store, store->conn, result, error);
      PQclear (result);
      fita_pg_settle_versions (store, FALSE);
      if (lost && error != NULL && *error != NULL)
        g_prefix_error (error, "%s ", _("The connection was lost while the change was being saved: it may or may not have been kept. Fita shows the plan as the server has it once it is back."));
      PQexec (store->conn, "ROLLBACK");
      return FALSE;
    }
  PQclear (result);
  fita_pg_settle_versions (store, TRUE);
  /* With no one else's change between the last one read and this one,
   * everything up to this one is known: a refresh need not read it back. */
  if (store->transaction_revision == store->revision + 1)
    store->revision = store->transaction_revision;
  /* others' changes that came while this one was being made */
  schedule_notify (store);
  return TRUE;
}

static void
pg_rollback (FitaStore *base)
{
  FitaPgStore *store = FITA_PG_STORE (base);

  if (!store->in_transaction)
    return;
  store->in_transaction = FALSE;
  store->creating = FALSE;
  fita_pg_settle_versions (store, FALSE);
  if (PQstatus (store->conn) == CONNECTION_OK)
    PQclear (PQexec (store->conn, "ROLLBACK"));
}

static gboolean
pg_quick_check (FitaStore *base, GError **error)
{
  /* the server keeps its own storage whole */
  return TRUE;
}

static gboolean
pg_check_integrity (FitaStore *base, GPtrArray *problems, GError **error)
{
  /* and its constraints are checked on every change */
  return TRUE;
}

static gint64
pg_allocate_id (FitaStore *base, FitaTableId table, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autofree char *sql = g_strdup_printf ("SELECT nextval ('%s.record_id')", store->schema);
  PGresult *result;
  gint64 id;

  if (!store->base.connected)
    return 0;
  result = fita_pg_exec (store, sql, 0, NULL, error);
  if (result == NULL)
    return 0;
  id = fita_pg_result_int (result, 0, 0);
  PQclear (result);
  return id;
}

/* Watching: others' changes and the connection */

static gboolean
emit_changed (gpointer data)
{
  FitaPgStore *store = data;

  g_clear_pointer (&store->notify_source, g_source_unref);
  if (store->watch_func != NULL)
    store->watch_func (&store->base, FITA_STORE_EVENT_CHANGED, store->watch_data);
  return G_SOURCE_REMOVE;
}

/* Notifications libpq read while a statement ran are queued, and the
 * socket says nothing more of them: look after every change. */
static void
schedule_notify (FitaPgStore *store)
{
  PGnotify *notify;
  gboolean any = FALSE;

  if (store->watch_func == NULL)
    return;
  while ((notify = PQnotifies (store->conn)) != NULL)
    {
      any = TRUE;
      PQfreemem (notify);
    }
  if (any && store->notify_source == NULL)
    store->notify_source = add_source (store, g_idle_source_new (), emit_changed);
}

static gboolean
on_socket (int fd, GIOCondition condition, gpointer data)
{
  FitaPgStore *store = data;

  if (store->in_transaction)
    return G_SOURCE_CONTINUE;
  if (!PQconsumeInput (store->conn) || PQstatus (store->conn) == CONNECTION_BAD)
    {
      /* the source goes with the connection */
      g_source_unref (g_steal_pointer (&store->socket_source));
      fita_pg_connection_lost (store);
      return G_SOURCE_REMOVE;
    }
  schedule_notify (store);
  return G_SOURCE_CONTINUE;
}

static gboolean
listen_and_watch (FitaPgStore *store, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("LISTEN fita_plan_%" G_GINT64_FORMAT, store->plan_id);

  if (!fita_pg_run (store->conn, sql, error))
    return FALSE;
  store->socket_source = g_unix_fd_source_new (PQsocket (store->conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_static_name (store->socket_source, "[fita] shared plan");
  add_source (store, store->socket_source, G_SOURCE_FUNC (on_socket));
  return TRUE;
}

static void try_reconnect (FitaPgStore *store);

static gboolean
retry (gpointer data)
{
  FitaPgStore *store = data;

  g_clear_pointer (&store->retry_source, g_source_unref);
  try_reconnect (store);
  return G_SOURCE_REMOVE;
}

typedef struct {
  char **keywords;
  char **values;
} Connection;

static void
connection_free (gpointer data)
{
  Connection *connection = data;

  g_strfreev (connection->keywords);
  g_strfreev (connection->values);
  g_free (connection);
}

static void
connect_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Connection *connection = data;
  GError *error = NULL;
  PGconn *conn = fita_pg_connect (connection->keywords, connection->values, FALSE, &error);

  if (conn != NULL)
    g_task_return_pointer (task, conn, (GDestroyNotify) PQfinish);
  else
    g_task_return_error (task, error);
}

static void
connected (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn = g_task_propagate_pointer (G_TASK (result), &error);
  FitaPgStore *store;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      PQfinish (conn);
      return;
    }
  store = data;
  if (conn == NULL)
    {
      store->retry_source = add_source (store, g_timeout_source_new_seconds (2), retry);
      return;
    }
  PQfinish (store->conn);
  store->conn = conn;
  g_hash_table_remove_all (store->prepared);
  if (!listen_and_watch (store, &error))
    {
      store->retry_source = add_source (store, g_timeout_source_new_seconds (2), retry);
      return;
    }
  store->base.connected = TRUE;
  if (store->watch_func != NULL)
    store->watch_func (&store->base, FITA_STORE_EVENT_RECONNECTED, store->watch_data);
}

static void
try_reconnect (FitaPgStore *store)
{
  g_autoptr(GTask) task = g_task_new (NULL, store->cancellable, connected, store);
  Connection *connection = g_new0 (Connection, 1);

  /* the thread's own copy: the store may be closed while it connects */
  connection->keywords = g_strdupv (store->keywords);
  connection->values = g_strdupv (store->values);
  g_task_set_task_data (task, connection, connection_free);
  g_task_set_source_tag (task, try_reconnect);
  g_task_run_in_thread (task, connect_thread);
}

void
fita_pg_connection_lost (FitaPgStore *store)
{
  if (!store->base.connected)
    return;
  store->base.connected = FALSE;
  store->in_transaction = FALSE;
  store->creating = FALSE;
  if (store->socket_source != NULL)
    {
      g_source_destroy (store->socket_source);
      g_clear_pointer (&store->socket_source, g_source_unref);
    }
  if (store->watch_func == NULL)
    return;
  store->watch_func (&store->base, FITA_STORE_EVENT_DISCONNECTED, store->watch_data);
  if (store->retry_source == NULL)
    store->retry_source = add_source (store, g_timeout_source_new (500), retry);
}

static void
pg_watch (FitaStore *base, FitaStoreWatchFunc func, gpointer user_data)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autoptr(GError) error = NULL;

  store->watch_func = func;
  store->watch_data = user_data;
  store->context = g_main_context_ref_thread_default ();
  store->cancellable = g_cancellable_new ();
  if (!listen_and_watch (store, &error))
    fita_pg_connection_lost (store);
}

static const FitaStoreClass pg_store_class = {
  .close = pg_close,
  .quick_check = pg_quick_check,
  .load = fita_pg_load,
  .begin = pg_begin,
  .commit = pg_commit,
  .rollback = pg_rollback,
  .insert = fita_pg_insert,
  .update = fita_pg_update,
  .delete = fita_pg_delete,
  .write_log = fita_pg_write_log,
  .read_log = fita_pg_read_log,
  .check_integrity = pg_check_integrity,
  .allocate_id = pg_allocate_id,
  .read_changes = fita_pg_read_changes,
  .watch = pg_watch,
};
