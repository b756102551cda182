/* fita-store-sqlite-log.c: the change log's SQL (fita-log.h): a change and its
 * entries written in the change's own transaction, and read back newest
 * first, all of them or an item's. */
#include "config.h"
#include "fita-store-sqlite-private.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
fita_sqlite_store_write_log (FitaStore *base, const FitaLogChange *change, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  sqlite3_stmt *stmt;
  sqlite3_stmt *entry_stmt;
  gint64 change_id;

  if (!fita_sqlite_store_check_writable (store, error))
    return FALSE;
  stmt = fita_sqlite_store_prepare (store, &store->log_change_stmt,
                  "INSERT INTO change_log (at, author, source, label) VALUES (?1, ?2, ?3, ?4)", error);
  entry_stmt = fita_sqlite_store_prepare (store, &store->log_entry_stmt,
                        "INSERT INTO change_log_entry (change_id, position, action, table_name, record_id,"
                        " item_id, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  if (stmt == NULL || entry_stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->author ? change->author : "", -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, change->source);
  bind_text_or_null (stmt, 4, change->label);
  if (!fita_sqlite_store_run (store, stmt, error))
    return FALSE;
  change_id = sqlite3_last_insert_rowid (store->db);

  for (guint i = 0; change->entries != NULL && i < change->entries->len; i++)
    {
      const FitaLogEntry *entry = g_ptr_array_index (change->entries, i);

      sqlite3_bind_int64 (entry_stmt, 1, change_id);
      sqlite3_bind_int64 (entry_stmt, 2, i);
      sqlite3_bind_text (entry_stmt, 3, fita_log_kind_keyword (entry->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (entry_stmt, 4, entry->table, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (entry_stmt, 5, entry->record);
      if (entry->item != 0)
        sqlite3_bind_int64 (entry_stmt, 6, entry->item);
      else
        sqlite3_bind_null (entry_stmt, 6);
      bind_text_or_null (entry_stmt, 7, entry->field);
      bind_text_or_null (entry_stmt, 8, entry->old_value);
      bind_text_or_null (entry_stmt, 9, entry->new_value);
      if (!fita_sqlite_store_run (store, entry_stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
read_log_entries (FitaSqliteStore *store, FitaLogChange *change, gint64 item_id, GError **error)
{
  sqlite3_stmt *stmt = fita_sqlite_store_prepare (store, &store->log_read_entries_stmt,
                                "SELECT action, table_name, record_id, item_id, field, old_value, new_value"
                                " FROM change_log_entry WHERE change_id = ?1 AND (?2 = 0 OR item_id = ?2)"
                                " ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->id);
  sqlite3_bind_int64 (stmt, 2, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FitaLogEntry *entry = fita_log_entry_new ();

      g_ptr_array_add (change->entries, entry);
      if (!fita_log_kind_parse ((const char *) sqlite3_column_text (stmt, 0), &entry->kind))
        {
          sqlite3_reset (stmt);
          g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                       _("The plan's change log is damaged (an entry of an unknown kind). Restore it from a backup copy."));
          return FALSE;
        }
      entry->table = column_text (stmt, 1);
      entry->record = sqlite3_column_int64 (stmt, 2);
      entry->item = sqlite3_column_int64 (stmt, 3);
      entry->field = column_text (stmt, 4);
      entry->old_value = column_text (stmt, 5);
      entry->new_value = column_text (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fita_sqlite_store_set_sqlite_error (error, store->db, rc);
  return TRUE;
}

gboolean
fita_sqlite_store_read_log (FitaStore *base, gint64 item_id, guint limit, GPtrArray *changes, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  /* An item's changes are found newest first through the entries' index,
   * not by walking the whole log back to its oldest change. */
  sqlite3_stmt *stmt = item_id == 0
    ? fita_sqlite_store_prepare (store, &store->log_read_stmt,
               "SELECT id, at, author, source, label FROM change_log ORDER BY id DESC LIMIT ?2", error)
    : fita_sqlite_store_prepare (store, &store->log_read_item_stmt,
               "SELECT id, at, author, source, label FROM change_log WHERE id IN"
               " (SELECT change_id FROM change_log_entry WHERE item_id = ?1"
               "  GROUP BY change_id ORDER BY change_id DESC LIMIT ?2)"
               " ORDER BY id DESC", error);
  guint first = changes->len;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (item_id != 0)
    sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FitaLogChange *change = fita_log_change_new ();

      change->id = sqlite3_column_int64 (stmt, 0);
      change->at = column_text (stmt, 1);
      change->author = column_text (stmt, 2);
      change->source = column_text (stmt, 3);
      change->label = column_text (stmt, 4);
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fita_sqlite_store_set_sqlite_error (error, store->db, rc);
  /* the entries once the changes' statement is done with */
  for (guint i = first; i < changes->len; i++)
    if (!read_log_entries (store, g_ptr_array_index (changes, i), item_id, error))
      return FALSE;
  return TRUE;
}
