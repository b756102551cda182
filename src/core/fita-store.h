/* fita-store.h: the one place that speaks SQL.
 *
 * A FitaStore is an open plan: a .fita file (SQLite), or a shared plan on a
 * PostgreSQL server, named by a URI such as
 * postgresql://fita.example.org/plans?plan=terrassa-ess. It creates,
 * validates, migrates, locks, loads and writes; the in-memory model
 * (FitaPlan) calls it for every change and does not know which it has.
 */
#pragma once

#include <glib.h>
#include "fita-log.h"
#include "fita-plan.h"
#include "fita-schema.h"

G_BEGIN_DECLS

/* The schema version this Fita writes (PRAGMA user_version). */
#define FITA_SCHEMA_VERSION 5
/* 'F','i','t','a' (PRAGMA application_id) */
#define FITA_APPLICATION_ID 0x46697461

typedef struct _FitaStore FitaStore;

typedef void (*FitaStoreLoadFunc) (gpointer record, gpointer user_data);

typedef enum {
  FITA_STORE_OPEN_DEFAULT = 0,
  FITA_STORE_OPEN_READ_ONLY = 1 << 0,  /* never write, even if we could */
} FitaStoreOpenFlags;

/* A record changed by someone else (record: as it is now, owned by the
 * callee) or deleted (record NULL). */
typedef void (*FitaStoreChangeFunc) (FitaTableId table, gint64 id, gpointer record, gpointer user_data);

typedef enum {
  FITA_STORE_EVENT_CHANGED,       /* someone else changed the plan: read the changes */
  FITA_STORE_EVENT_DISCONNECTED,  /* the connection to the server was lost */
  FITA_STORE_EVENT_RECONNECTED,   /* … and is back: read the changes made meanwhile */
} FitaStoreEvent;
typedef void (*FitaStoreWatchFunc) (FitaStore *store, FitaStoreEvent event, gpointer user_data);

/* location: a file's path, or a shared plan's URI; password: for a server
 * that asks for one, or NULL (then libpq's PGPASSWORD or ~/.pgpass). */
FitaStore  *fita_store_open        (const char          *location,
                                    FitaStoreOpenFlags   flags,
                                    const char          *password,
                                    GError             **error);
/* A new file (which must not exist), or a new plan on a server (whose name
 * must be free). */
FitaStore  *fita_store_create      (const char          *location,
                                    const char          *password,
                                    GError             **error);
void        fita_store_close       (FitaStore           *store);

/* Whether location names a shared plan (a postgresql:// or postgres://
 * URI) rather than a file. */
gboolean    fita_store_location_is_shared (const char   *location);
const char *fita_store_get_path    (FitaStore           *store);
gboolean    fita_store_is_shared   (FitaStore           *store);
/* A shared plan: whether the connection is up; a file always is. */
gboolean    fita_store_is_connected (FitaStore          *store);
/* A shared plan: what the server lets this user do, the agent whose items
 * a service follows up, and the user (the PostgreSQL role). A file: all,
 * NULL and NULL. */
FitaAccess  fita_store_get_access  (FitaStore           *store);
const char *fita_store_get_access_agent (FitaStore      *store);
const char *fita_store_get_user    (FitaStore           *store);
gboolean    fita_store_is_read_only (FitaStore          *store);
/* Why the file was opened read-only, for a person to read; NULL if writable. */
const char *fita_store_get_read_only_reason (FitaStore  *store);
/* The file was upgraded from an older version when opened; the copy taken before. */
const char *fita_store_get_backup_path (FitaStore       *store);
/* SQLite's quick check of the file's storage (a few milliseconds for a
 * large plan): run before a plan may be written, so that a damaged file
 * never is. */
gboolean    fita_store_quick_check    (FitaStore       *store,
                                       GError         **error);
/* Whether opening rolled back a change that a program left half-made when
 * it stopped (a hot journal). */
gboolean    fita_store_was_recovered  (FitaStore       *store);

gboolean    fita_store_load        (FitaStore           *store,
                                    FitaStoreLoadFunc    func,
                                    gpointer             user_data,
                                    GError             **error);

gboolean    fita_store_begin       (FitaStore           *store,
                                    GError             **error);
/* On failure the transaction is rolled back: the file is as it was at
 * fita_store_begin, and a new transaction may begin. */
gboolean    fita_store_commit      (FitaStore           *store,
                                    GError             **error);
void        fita_store_rollback    (FitaStore           *store);

gboolean    fita_store_insert      (FitaStore           *store,
                                    gconstpointer        record,
                                    GError             **error);
gboolean    fita_store_update      (FitaStore           *store,
                                    gconstpointer        record,
                                    guint                field,
                                    GError             **error);
gboolean    fita_store_delete      (FitaStore           *store,
                                    FitaTableId          table,
                                    gint64               id,
                                    GError             **error);

/* The change log (fita-log.h): write one change, inside the change's own
 * transaction; read changes into changes (of FitaLogChange), newest first,
 * all of them or those with entries of item_id (with only those), at most
 * limit (0: all). */
gboolean    fita_store_write_log   (FitaStore           *store,
                                    const FitaLogChange *change,
                                    GError             **error);
gboolean    fita_store_read_log    (FitaStore           *store,
                                    gint64               item_id,
                                    guint                limit,
                                    GPtrArray           *changes,
                                    GError             **error);

/* A consistent copy of a file, written atomically; FALSE with no error
 * where the store cannot copy itself (a shared plan): then the plan writes
 * its records to a new store. */
gboolean    fita_store_backup      (FitaStore           *store,
                                    const char          *dest_path,
                                    GError             **error);

/* The number of a new record, for a store that others add records to at
 * the same time (a shared plan); 0, with no error, where the plan numbers
 * its records itself. */
gint64      fita_store_allocate_id (FitaStore           *store,
                                    FitaTableId          table,
                                    GError             **error);
/* What others changed since the plan was loaded or the changes were last
 * read, record by record, as of one moment. Nothing for a file. */
gboolean    fita_store_read_changes (FitaStore          *store,
                                     FitaStoreChangeFunc  func,
                                     gpointer             user_data,
                                     GError             **error);
/* Tells func, on the thread-default main context, when others change the
 * plan and when the connection is lost and back (the store reconnects by
 * itself). Nothing for a file. */
void        fita_store_watch       (FitaStore           *store,
                                    FitaStoreWatchFunc   func,
                                    gpointer             user_data);
/* SQLite's own integrity check; each problem found is added to problems. */
gboolean    fita_store_check_integrity (FitaStore       *store,
                                    GPtrArray           *problems,
                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaStore, fita_store_close)

G_END_DECLS

G_BEGIN_DECLS
/* For tests of the migration machinery only: pretend this Fita writes
 * schema `version`, reached from FITA_SCHEMA_VERSION by `steps` (SQL, one
 * per version). NULL steps restores the real schema. */
void fita_store_override_schema_for_tests (gint64 version, const char * const *steps);
/* For tests of a file kept busy by another program: wait `milliseconds` for
 * its locks, in stores opened from now on, instead of the real timeout, so
 * that a test need not wait seconds for SQLITE_BUSY. 0 restores it. */
void fita_store_override_busy_timeout_for_tests (guint milliseconds);
G_END_DECLS
