/* fita-store.c: the one interface of the stores (fita-store.h), over the
 * backend each location names: a .fita file (fita-store-sqlite.c) or a
 * plan on a PostgreSQL server (fita-store-pg.c). */
#include "config.h"
#include "fita-store-private.h"

#include <string.h>

gboolean
fita_store_location_is_shared (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"));
}

FitaStore *
fita_store_open (const char *location, FitaStoreOpenFlags flags, const char *password, GError **error)
{
  if (fita_store_location_is_shared (location))
    return fita_pg_store_open (location, flags, password, error);
  return fita_sqlite_store_open (location, flags, error);
}

FitaStore *
fita_store_create (const char *location, const char *password, GError **error)
{
  if (fita_store_location_is_shared (location))
    return fita_pg_store_create (location, password, error);
  return fita_sqlite_store_create (location, error);
}

void
fita_store_append_column (GString *sql, const FitaField *field, const char *integer, const char *prefix)
{
  g_string_append_printf (sql, "  %s ", field->name);
  switch (field->type)
    {
    case FITA_FIELD_ID:
      g_string_append_printf (sql, "%s PRIMARY KEY", integer);
      break;
    case FITA_FIELD_OWNER:
      g_string_append_printf (sql, "%s%s REFERENCES %s%s (id)", integer,
                              (field->flags & FITA_FIELD_OPTIONAL_OWNER) ? "" : " NOT NULL",
                              prefix, fita_table (field->ref)->name);
      break;
    case FITA_FIELD_POSITION:
      g_string_append_printf (sql, "%s NOT NULL DEFAULT 0", integer);
      break;
    case FITA_FIELD_REF:
      g_string_append_printf (sql, "%s REFERENCES %s%s (id)", integer, prefix, fita_table (field->ref)->name);
      break;
    case FITA_FIELD_INT:
    case FITA_FIELD_CENTS:
      g_string_append (sql, integer);
      break;
    case FITA_FIELD_BOOL:
      g_string_append_printf (sql, "%s NOT NULL DEFAULT 0 CHECK (%s IN (0, 1))", integer, field->name);
      break;
    case FITA_FIELD_ENUM:
      g_string_append_printf (sql, "TEXT NOT NULL CHECK (%s IN (", field->name);
      for (guint k = 0; field->keywords[k] != NULL; k++)
        g_string_append_printf (sql, "%s'%s'", k ? ", " : "", field->keywords[k]);
      g_string_append (sql, "))");
      break;
    case FITA_FIELD_TEXT:
    case FITA_FIELD_SEMESTERS:
      if (field->flags & FITA_FIELD_REQUIRED)
        g_string_append_printf (sql, "TEXT NOT NULL CHECK (%s <> '')", field->name);
      else
        g_string_append (sql, "TEXT");
      break;
    }
}

void
fita_store_free_base (FitaStore *store)
{
  g_free (store->location);
  g_free (store->read_only_reason);
  g_free (store->backup_path);
  g_free (store->access_agent);
  g_free (store->user);
  g_free (store);
}

void
fita_store_close (FitaStore *store)
{
  if (store != NULL)
    store->klass->close (store);
}

const char *
fita_store_get_path (FitaStore *store)
{
  return store->location;
}

gboolean
fita_store_is_read_only (FitaStore *store)
{
  return store->read_only;
}

const char *
fita_store_get_read_only_reason (FitaStore *store)
{
  return store->read_only_reason;
}

const char *
fita_store_get_backup_path (FitaStore *store)
{
  return store->backup_path;
}

gboolean
fita_store_was_recovered (FitaStore *store)
{
  return store->recovered;
}

gboolean
fita_store_is_shared (FitaStore *store)
{
  return store->shared;
}

gboolean
fita_store_is_connected (FitaStore *store)
{
  return !store->shared || store->connected;
}

FitaAccess
fita_store_get_access (FitaStore *store)
{
  return store->access;
}

const char *
fita_store_get_access_agent (FitaStore *store)
{
  return store->access_agent;
}

const char *
fita_store_get_user (FitaStore *store)
{
  return store->user;
}

gboolean
fita_store_quick_check (FitaStore *store, GError **error)
{
  return store->klass->quick_check (store, error);
}

gboolean
fita_store_load (FitaStore *store, FitaStoreLoadFunc func, gpointer user_data, GError **error)
{
  return store->klass->load (store, func, user_data, error);
}

gboolean
fita_store_begin (FitaStore *store, GError **error)
{
  return store->klass->begin (store, error);
}

gboolean
fita_store_commit (FitaStore *store, GError **error)
{
  return store->klass->commit (store, error);
}

void
fita_store_rollback (FitaStore *store)
{
  store->klass->rollback (store);
}

gboolean
fita_store_insert (FitaStore *store, gconstpointer record, GError **error)
{
  return store->klass->insert (store, record, error);
}

gboolean
fita_store_update (FitaStore *store, gconstpointer record, guint field, GError **error)
{
  return store->klass->update (store, record, field, error);
}

gboolean
fita_store_delete (FitaStore *store, FitaTableId table, gint64 id, GError **error)
{
  return store->klass->delete (store, table, id, error);
}

gboolean
fita_store_write_log (FitaStore *store, const FitaLogChange *change, GError **error)
{
  return store->klass->write_log (store, change, error);
}

gboolean
fita_store_read_log (FitaStore *store, gint64 item_id, guint limit, GPtrArray *changes, GError **error)
{
  return store->klass->read_log (store, item_id, limit, changes, error);
}

gboolean
fita_store_check_integrity (FitaStore *store, GPtrArray *problems, GError **error)
{
  return store->klass->check_integrity (store, problems, error);
}

gboolean
fita_store_backup (FitaStore *store, const char *dest_path, GError **error)
{
  if (store->klass->backup == NULL)
    return FALSE;
  return store->klass->backup (store, dest_path, error);
}

gint64
fita_store_allocate_id (FitaStore *store, FitaTableId table, GError **error)
{
  if (store->klass->allocate_id == NULL)
    return 0;
  return store->klass->allocate_id (store, table, error);
}

gboolean
fita_store_read_changes (FitaStore *store, FitaStoreChangeFunc func, gpointer user_data, GError **error)
{
  if (store->klass->read_changes == NULL)
    return TRUE;
  return store->klass->read_changes (store, func, user_data, error);
}

void
fita_store_watch (FitaStore *store, FitaStoreWatchFunc func, gpointer user_data)
{
  if (store->klass->watch != NULL)
    store->klass->watch (store, func, user_data);
}
