/* fita-store.h: the one place that speaks SQL.
 *
 * A FitaStore is an open .fita file. It creates, validates, migrates, locks,
 * loads and writes; the in-memory model (FitaPlan) calls it for every change.
 */
#pragma once

#include <glib.h>
#include "fita-log.h"
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

FitaStore  *fita_store_open        (const char          *path,
                                    FitaStoreOpenFlags   flags,
                                    GError             **error);
FitaStore  *fita_store_create      (const char          *path,
                                    GError             **error);
void        fita_store_close       (FitaStore           *store);

const char *fita_store_get_path    (FitaStore           *store);
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

gboolean    fita_store_backup      (FitaStore           *store,
                                    const char          *dest_path,
                                    GError             **error);
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
