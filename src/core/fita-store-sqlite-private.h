/* fita-store-sqlite-private.h: what fita-store-sqlite.c (the file, its
 * records) and fita-store-sqlite-log.c (its change log) share: the store of
 * a .fita file. */
#pragma once

#include <sqlite3.h>
#include "fita-store-private.h"

G_BEGIN_DECLS

typedef struct _FitaSqliteStore FitaSqliteStore;

struct _FitaSqliteStore {
  FitaStore base;
  sqlite3 *db;
  int lock_fd;
  sqlite3_stmt *begin_stmt;
  sqlite3_stmt *commit_stmt;
  sqlite3_stmt *rollback_stmt;
  sqlite3_stmt *insert_stmt[FITA_N_TABLES];
  sqlite3_stmt *delete_stmt[FITA_N_TABLES];
  sqlite3_stmt **update_stmt[FITA_N_TABLES];
  sqlite3_stmt *log_change_stmt;
  sqlite3_stmt *log_entry_stmt;
  sqlite3_stmt *log_read_stmt;
  sqlite3_stmt *log_read_item_stmt;
  sqlite3_stmt *log_read_entries_stmt;
};

/* The change log: not records of the plan (fita-log.h), so not described
 * in fita-schema.c. An entry names the item its record belongs to, so that
 * an item's history is found even for records since deleted. IF NOT
 * EXISTS: the same SQL creates it in a new file and adds it to an older
 * one. */
#define LOG_SCHEMA_SQL \
  "CREATE TABLE IF NOT EXISTS change_log (\n" \
  "  id INTEGER PRIMARY KEY,\n" \
  "  at TEXT NOT NULL,\n" \
  "  author TEXT NOT NULL,\n" \
  "  source TEXT,\n" \
  "  label TEXT\n" \
  ");\n" \
  "CREATE TABLE IF NOT EXISTS change_log_entry (\n" \
  "  change_id INTEGER NOT NULL REFERENCES change_log (id),\n" \
  "  position INTEGER NOT NULL,\n" \
  "  action TEXT NOT NULL CHECK (action IN ('inserted', 'updated', 'deleted')),\n" \
  "  table_name TEXT NOT NULL,\n" \
  "  record_id INTEGER NOT NULL,\n" \
  "  item_id INTEGER,\n" \
  "  field TEXT,\n" \
  "  old_value TEXT,\n" \
  "  new_value TEXT,\n" \
  "  PRIMARY KEY (change_id, position)\n" \
  ");\n" \
  "CREATE INDEX IF NOT EXISTS change_log_entry_by_item ON change_log_entry (item_id, change_id);\n"

/* Sets error from SQLite's last error on db; returns FALSE. */
gboolean      fita_sqlite_store_set_sqlite_error (GError       **error,
                                           sqlite3       *db,
                                           int            rc);
/* The statement in *slot, prepared once (persistent) and reused. */
sqlite3_stmt *fita_sqlite_store_prepare          (FitaSqliteStore     *store,
                                           sqlite3_stmt **slot,
                                           const char    *sql,
                                           GError       **error);
/* Runs a statement that writes, or begins or ends a transaction. */
gboolean      fita_sqlite_store_run              (FitaSqliteStore     *store,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
/* FALSE, with the reason, for a file opened read-only. */
gboolean      fita_sqlite_store_check_writable   (FitaSqliteStore     *store,
                                           GError       **error);

gboolean      fita_sqlite_store_write_log (FitaStore           *store,
                                           const FitaLogChange *change,
                                           GError             **error);
gboolean      fita_sqlite_store_read_log  (FitaStore           *store,
                                           gint64               item_id,
                                           guint                limit,
                                           GPtrArray           *changes,
                                           GError             **error);

G_END_DECLS
