/* fita-store-private.h: what every kind of store is made of.
 *
 * A FitaStore is one of two backends behind the one interface of
 * fita-store.h: a .fita file (fita-store-sqlite.c) or a plan on a
 * PostgreSQL server (fita-store-pg.c). Each begins with this base and
 * fills in a FitaStoreClass; fita-store.c calls through it.
 */
#pragma once

#include "fita-store.h"

G_BEGIN_DECLS

typedef struct {
  void     (*close)           (FitaStore *store);
  gboolean (*quick_check)     (FitaStore *store, GError **error);
  gboolean (*load)            (FitaStore *store, FitaStoreLoadFunc func, gpointer user_data, GError **error);
  gboolean (*begin)           (FitaStore *store, GError **error);
  gboolean (*commit)          (FitaStore *store, GError **error);
  void     (*rollback)        (FitaStore *store);
  gboolean (*insert)          (FitaStore *store, gconstpointer record, GError **error);
  gboolean (*update)          (FitaStore *store, gconstpointer record, guint field, GError **error);
  gboolean (*delete)          (FitaStore *store, FitaTableId table, gint64 id, GError **error);
  gboolean (*write_log)       (FitaStore *store, const FitaLogChange *change, GError **error);
  gboolean (*read_log)        (FitaStore *store, gint64 item_id, guint limit, GPtrArray *changes, GError **error);
  gboolean (*check_integrity) (FitaStore *store, GPtrArray *problems, GError **error);
  /* Optional: NULL where the backend has no such thing. */
  gboolean (*backup)          (FitaStore *store, const char *dest_path, GError **error);
  gint64   (*allocate_id)     (FitaStore *store, FitaTableId table, GError **error);
  gboolean (*read_changes)    (FitaStore *store, FitaStoreChangeFunc func, gpointer user_data, GError **error);
  void     (*watch)           (FitaStore *store, FitaStoreWatchFunc func, gpointer user_data);
} FitaStoreClass;

struct _FitaStore {
  const FitaStoreClass *klass;
  char *location;          /* the file's path, or the shared plan's URI */
  char *read_only_reason;  /* why it may not be written, for people; NULL if it may */
  char *backup_path;
  gboolean read_only;
  gboolean recovered;      /* a change interrupted by a crash was rolled back on opening */
  gboolean shared;
  gboolean connected;
  FitaAccess access;
  char *access_agent;
  char *user;
};

/* A field's column in CREATE TABLE, from its description (fita-schema.c):
 * integer, the SQL type of whole numbers; prefix, before the names of the
 * tables it refers to ("" or "schema."). */
void       fita_store_append_column  (GString            *sql,
                                      const FitaField    *field,
                                      const char         *integer,
                                      const char         *prefix);
/* Frees the base's own fields (each backend's close calls it last). */
void       fita_store_free_base      (FitaStore          *store);

FitaStore *fita_sqlite_store_open    (const char         *path,
                                      FitaStoreOpenFlags  flags,
                                      GError            **error);
FitaStore *fita_sqlite_store_create  (const char         *path,
                                      GError            **error);
FitaStore *fita_pg_store_open        (const char         *uri,
                                      FitaStoreOpenFlags  flags,
                                      const char         *password,
                                      GError            **error);
FitaStore *fita_pg_store_create      (const char         *uri,
                                      const char         *password,
                                      GError            **error);

G_END_DECLS
