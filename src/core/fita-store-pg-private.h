/* fita-store-pg-private.h: what the parts of the PostgreSQL store share:
 * fita-store-pg.c (connecting, errors, statements, watching and
 * reconnecting), fita-store-pg-records.c (the plan's records, others'
 * changes, the change log) and fita-store-pg-schema.c (Fita's schema in a
 * database, a plan's tables and who may do what: fita-server.h).
 *
 * How a database holds plans: Fita's schema "fita" has the catalogue
 * (fita.meta: its version; fita.plan: one row a plan, with its revision;
 * fita.access: who may do what with which plan) and the functions the
 * plans' triggers and policies call. Each plan has a schema of its own,
 * fita_plan_N (N: its number in fita.plan), with the same tables as a
 * .fita file, each with a version column. A transaction that changes a
 * plan takes the plan's next revision from its row in fita.plan, whose
 * lock it holds to its end, and stamps every row it changes with it:
 * revisions follow commits, so "what changed since revision R" is every row
 * whose version is above R (and the deleted ones, whose tombstones are kept
 * in fita_plan_N.deleted).
 * A committed change notifies the channel fita_plan_N.
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>
#include "fita-store-private.h"
#include "fita-server.h"

G_BEGIN_DECLS

typedef struct _FitaPgStore FitaPgStore;

struct _FitaPgStore {
  FitaStore base;
  PGconn *conn;
  /* what it connects with, for connecting again */
  char **keywords;
  char **values;
  char *plan_name;
  gint64 plan_id;
  char *schema;                 /* "fita_plan_N" */
  char *owner;                  /* the role that made the plan */

  GHashTable *prepared;         /* SQL → its statement's name, on this connection */
  guint n_prepared;
  char *insert_sql[FITA_N_TABLES];
  char *select_sql[FITA_N_TABLES];
  char *changed_sql[FITA_N_TABLES];
  char **update_sql[FITA_N_TABLES];
  char *delete_sql[FITA_N_TABLES];

  gint64 revision;              /* the plan's revision last read */
  gint64 transaction_revision;  /* the one the open transaction makes */
  GHashTable *versions;         /* record key → its version as last read or written */
  GArray *pending_versions;     /* (key, version) pairs written in the open transaction */
  gboolean in_transaction;
  gboolean creating;            /* made by fita_store_create: its transaction is open */

  /* watching (fita_store_watch) */
  FitaStoreWatchFunc watch_func;
  gpointer watch_data;
  GMainContext *context;
  GSource *socket_source;
  GSource *retry_source;
  GSource *notify_source;
  GCancellable *cancellable;
};

#define FITA_PG_STORE(s) ((FitaPgStore *) (s))

/* fita-store-pg.c */
/* Splits a shared plan's location into what libpq connects with and the
 * plan's name (NULL if the URI names none). */
gboolean  fita_pg_parse_location   (const char   *location,
                                    const char   *password,
                                    char       ***keywords,
                                    char       ***values,
                                    char        **plan_name,
                                    GError      **error);
PGconn   *fita_pg_connect          (char        **keywords,
                                    char        **values,
                                    gboolean      has_password,
                                    GError      **error);
/* Runs sql (prepared once on this connection) with n text parameters
 * (NULL: SQL NULL); the result, which the caller clears, or NULL with
 * error set. */
PGresult *fita_pg_exec             (FitaPgStore  *store,
                                    const char   *sql,
                                    int           n,
                                    const char  *const *params,
                                    GError      **error);
/* Runs sql that takes no parameters and returns nothing (DDL, BEGIN…). */
gboolean  fita_pg_run              (PGconn       *conn,
                                    const char   *sql,
                                    GError      **error);
/* Sets error from a failed result (or connection); FALSE. */
gboolean  fita_pg_set_error        (FitaPgStore  *store,
                                    PGconn       *conn,
                                    const PGresult *result,
                                    GError      **error);
/* The server refused a change by its rules: says what the user may change. */
gboolean  fita_pg_set_permission_error (FitaPgStore *store,
                                    GError      **error);
/* The connection was found lost while working: says so, and reconnects
 * if the store is watched. */
void      fita_pg_connection_lost  (FitaPgStore  *store);
/* Reads the catalogue's version: FALSE with error for a database without
 * Fita's schema, or of another version than this Fita's (unless
 * for_migration, which accepts an older or missing one: *version 0). */
gboolean  fita_pg_check_catalogue  (PGconn       *conn,
                                    gboolean      for_migration,
                                    int          *version,
                                    GError      **error);
gint64    fita_pg_result_int       (const PGresult *result,
                                    int           row,
                                    int           column);

/* fita-store-pg-records.c */
gboolean  fita_pg_load             (FitaStore    *store,
                                    FitaStoreLoadFunc func,
                                    gpointer      user_data,
                                    GError      **error);
gboolean  fita_pg_insert           (FitaStore    *store,
                                    gconstpointer record,
                                    GError      **error);
gboolean  fita_pg_update           (FitaStore    *store,
                                    gconstpointer record,
                                    guint         field,
                                    GError      **error);
gboolean  fita_pg_delete           (FitaStore    *store,
                                    FitaTableId   table,
                                    gint64        id,
                                    GError      **error);
gboolean  fita_pg_read_changes     (FitaStore    *store,
                                    FitaStoreChangeFunc func,
                                    gpointer      user_data,
                                    GError      **error);
gboolean  fita_pg_write_log        (FitaStore    *store,
                                    const FitaLogChange *change,
                                    GError      **error);
gboolean  fita_pg_read_log         (FitaStore    *store,
                                    gint64        item_id,
                                    guint         limit,
                                    GPtrArray    *changes,
                                    GError      **error);
/* Versions written in the transaction become the known ones (commit) or
 * are forgotten (rollback). */
void      fita_pg_settle_versions  (FitaPgStore  *store,
                                    gboolean      committed);

/* fita-store-pg-schema.c */
/* Creates the plan's schema, tables, triggers and policies, in the open
 * transaction, for plan number plan_id. */
gboolean  fita_pg_create_plan_schema (PGconn     *conn,
                                      gint64      plan_id,
                                      GError    **error);

G_END_DECLS
