/* fita-store-sqlite.c: the store of a .fita file (SQLite).
 *
 * Durability: a .fita file is a document that may live on a USB stick, a
 * network share or behind the Flatpak document portal. WAL needs a shared
 * memory file beside the database and does not work on network file systems,
 * so the file uses the classic rollback journal (journal_mode=DELETE), whose
 * only companion is a short-lived "-journal" file, with synchronous=FULL so
 * that every committed change is on the disk before the commit returns: it
 * survives kill -9 and power loss. Every change is one transaction.
 *
 * Bad files: a file is first read with a read-only connection and checked
 * (SQLite header, application_id, user_version, size) before anything may
 * write to it, so a file we refuse is left byte for byte as it was.
 */
#include "config.h"
#include "fita-store.h"
#include "fita-store-sqlite-private.h"
#include "fita-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A byte past the range SQLite locks (PENDING_BYTE .. +511): holding a write
 * lock on it says "this plan is open for editing" to any other Fita. */
#define FITA_EDIT_LOCK_OFFSET (0x40000000 + 1024)

static const FitaStoreClass sqlite_store_class;
static gboolean sqlite_backup (FitaStore *base, const char *dest_path, GError **error);
static void sqlite_rollback (FitaStore *base);
static void sqlite_store_free (FitaSqliteStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaSqliteStore, sqlite_store_free)



/* Upgrades from each older schema version to the next one; index 0 upgrades
 * version 1 to 2, and so on. Each is run in the migration's transaction. */
static const char * const real_migrations[] = {
  /* 1 → 2: progress kept in hundredths of a percent; decimals shown */
  "UPDATE item SET progress = progress * 100 WHERE progress IS NOT NULL;"
  "ALTER TABLE plan ADD COLUMN progress_decimals INTEGER;"
  "UPDATE plan SET progress_decimals = 0;",
  /* 2 → 3: who changed what (an older file starts with an empty log) */
  LOG_SCHEMA_SQL,
  /* 3 → 4: years closed, each with the plan as it stood (docs/YEARS.md);
   * none yet, so the live status and percent stay the followed year's.
   * The same table schema_sql () makes from fita-schema.c; IF NOT EXISTS
   * so that it may run after a migration merged beside it, in any order. */
  "CREATE TABLE IF NOT EXISTS year_closure (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  year INTEGER,\n"
  "  closed_at TEXT NOT NULL CHECK (closed_at <> ''),\n"
  "  closed_by TEXT,\n"
  "  snapshot TEXT NOT NULL CHECK (snapshot <> '')\n"
  ");\n"
  "CREATE UNIQUE INDEX IF NOT EXISTS year_closure_by_year ON year_closure (year);",
  /* 4 → 5: the plan's identity, which its update forms carry (a random
   * version 4 UUID) */
  "ALTER TABLE plan ADD COLUMN uuid TEXT;"
  "UPDATE plan SET uuid = lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' ||"
  " substr (hex (randomblob (2)), 2) || '-' || substr ('89ab', 1 + abs (random ()) % 4, 1) ||"
  " substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)));",
  NULL
};
static const char * const *migrations = real_migrations;
static gint64 migrations_from = 1;   /* the version migrations[0] upgrades */
static gint64 schema_version = FITA_SCHEMA_VERSION;

/* How long a connection waits for another program's lock on the file before
 * giving up with SQLITE_BUSY: long enough to outlast another Fita's commit
 * or a reader's short look, short enough not to freeze the window. */
#define FITA_BUSY_TIMEOUT_MS 2000
static int busy_timeout_ms = FITA_BUSY_TIMEOUT_MS;

void
fita_store_override_schema_for_tests (gint64 version, const char * const *steps)
{
  migrations = steps ? steps : real_migrations;
  migrations_from = steps ? FITA_SCHEMA_VERSION : 1;
  schema_version = steps ? version : FITA_SCHEMA_VERSION;
}

void
fita_store_override_busy_timeout_for_tests (guint milliseconds)
{
  busy_timeout_ms = milliseconds ? (int) milliseconds : FITA_BUSY_TIMEOUT_MS;
}

gboolean
fita_sqlite_store_set_sqlite_error (GError **error, sqlite3 *db, int rc)
{
  int primary = rc & 0xff;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_NOTADB:
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_SQLITE,
                   _("This is not a Fita plan (it is not an SQLite database). Open a .fita file, or import your data with “fita-cli import”."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                   _("The plan is damaged (%s). Restore it from a backup copy; Fita has not changed it."),
                   detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY,
                   _("The plan cannot be changed: it is read-only. Save a copy to edit it."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The plan is busy in another program. Try again in a moment."));
      break;
    case SQLITE_FULL:
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The disk is full. Free some space and try again; the last change was not saved."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The change breaks a rule of the plan (%s)."), detail);
      break;
    default:
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The plan could not be read or written (%s)."), detail);
      break;
    }
  return FALSE;
}

static gboolean
exec_sql (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return fita_sqlite_store_set_sqlite_error (error, db, rc);
  return TRUE;
}

static gboolean
query_int (sqlite3 *db, const char *sql, gint64 *value, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return fita_sqlite_store_set_sqlite_error (error, db, rc);
  return TRUE;
}

/* Reads the 100-byte SQLite header ourselves to catch what SQLite would only
 * notice much later: a file cut short (a copy interrupted, a full disk). */
static gboolean
check_header (const char *path, GError **error)
{
  guint8 header[100];
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  struct stat st;
  gssize n;
  int fd;
  guint32 page_size, page_count, change_counter, valid_for;

  /* O_NONBLOCK: a FIFO given as a plan must not block the open */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The file cannot be opened: %s."), g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("This is not a regular file. Choose a .fita file."));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (st.st_size == 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_PLAN,
                   _("The file is empty: it is not a Fita plan. Choose another file, or create a new plan."));
      return FALSE;
    }
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_SQLITE,
                   _("This is not a Fita plan (it is not an SQLite database). Open a .fita file, or import your data with “fita-cli import”."));
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = GUINT32_FROM_BE (*(guint32 *) (header + 28));
  change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
  valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));

  /* With a hot journal beside it, the file may legitimately be half-written:
   * SQLite rolls it back on open. */
  if (change_counter == valid_for && page_count > 0 &&
      (guint64) st.st_size < (guint64) page_count * page_size &&
      !g_file_test (journal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *size = g_format_size_full (st.st_size, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *expected = g_format_size_full ((guint64) page_count * page_size, G_FORMAT_SIZE_LONG_FORMAT);
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                   _("The plan is damaged: the file is shorter than it should be (%s of %s), perhaps from an interrupted copy. Restore it from a backup copy; Fita has not changed it."),
                   size, expected);
      return FALSE;
    }
  return TRUE;
}

/* Reads application_id and user_version and says whether this Fita can use
 * the file; *version is the file's schema version. */
static gboolean
check_identity (sqlite3 *db, gint64 *version, GError **error)
{
  gint64 app_id = 0;

  if (!query_int (db, "PRAGMA application_id", &app_id, error) ||
      !query_int (db, "PRAGMA user_version", version, error))
    return FALSE;

  if (app_id != FITA_APPLICATION_ID)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_PLAN,
                   _("This SQLite database is not a Fita plan. Open a .fita file made with Fita."));
      return FALSE;
    }
  if (*version > schema_version)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NEWER_VERSION,
                   _("The plan was saved by a newer version of Fita (file format %d, this Fita reads up to %d). Update Fita to open it; the file has not been changed."),
                   (int) *version, (int) schema_version);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                   _("The plan is damaged: it has no format version. Restore it from a backup copy; Fita has not changed it."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
configure_connection (sqlite3 *db, gboolean writable, GError **error)
{
  sqlite3_busy_timeout (db, busy_timeout_ms);
  sqlite3_extended_result_codes (db, 1);
  if (!exec_sql (db, "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;", error))
    return FALSE;
  if (writable && !exec_sql (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;", error))
    return FALSE;
  return TRUE;
}

/* Takes the edit lock; FALSE if another Fita holds it. */
static gboolean
take_edit_lock (FitaSqliteStore *store)
{
#ifdef F_OFD_SETLK
  struct flock fl = { 0 };

  store->lock_fd = g_open (store->base.location, O_RDWR | O_CLOEXEC, 0);
  if (store->lock_fd < 0)
    return TRUE;
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = FITA_EDIT_LOCK_OFFSET;
  fl.l_len = 1;
  if (fcntl (store->lock_fd, F_OFD_SETLK, &fl) == 0)
    return TRUE;
  if (errno == EAGAIN || errno == EACCES)
    {
      close (store->lock_fd);
      store->lock_fd = -1;
      return FALSE;
    }
  /* The file system cannot lock (some network shares): go on unlocked. */
#endif
  return TRUE;
}

static gboolean
migrate (FitaSqliteStore *store, gint64 version, GError **error)
{
  g_autofree char *backup = NULL;
  g_autofree char *set_version = NULL;

  if (version == schema_version)
    return TRUE;

  backup = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", store->base.location, version);
  if (!sqlite_backup (&store->base, backup, error))
    {
      g_prefix_error (error, _("The plan could not be upgraded to this version of Fita: a backup copy could not be made first. "));
      return FALSE;
    }

  if (!exec_sql (store->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (gint64 v = version; v < schema_version; v++)
    if (v < migrations_from || migrations[v - migrations_from] == NULL ||
        !exec_sql (store->db, migrations[v - migrations_from], error))
      {
        sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, schema_version);
  if (!exec_sql (store->db, set_version, error) ||
      !exec_sql (store->db, "COMMIT", error))
    {
      sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  store->base.backup_path = g_steal_pointer (&backup);
  return TRUE;
}


static FitaSqliteStore *
store_new (const char *path)
{
  FitaSqliteStore *store = g_new0 (FitaSqliteStore, 1);

  store->base.klass = &sqlite_store_class;

  store->base.location = g_strdup (path);
  store->lock_fd = -1;
  return store;
}

static char *
unwritable_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    return g_strdup (_("You do not have permission to change this file."));
  if (g_access (dir, W_OK) != 0)
    return g_strdup (_("The folder that holds this file is read-only."));
  return NULL;
}

FitaStore *
fita_sqlite_store_open (const char *path, FitaStoreOpenFlags flags, GError **error)
{
  g_autoptr(FitaSqliteStore) store = store_new (path);
  gint64 version = 0;
  int rc;

  if (!check_header (path, error))
    return NULL;

  /* First look with a connection that cannot write. */
  rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    return fita_sqlite_store_set_sqlite_error (error, store->db, rc), NULL;
  sqlite3_extended_result_codes (store->db, 1);
  /* another connection may be committing right now: wait for it */
  sqlite3_busy_timeout (store->db, busy_timeout_ms);
  {
    g_autoptr(GError) local = NULL;
    if (!check_identity (store->db, &version, &local))
      {
        /* A hot journal can only be rolled back by a writer: let it. */
        if (!g_error_matches (local, FITA_ERROR, FITA_ERROR_READ_ONLY))
          {
            g_propagate_error (error, g_steal_pointer (&local));
            return NULL;
          }
        version = -1;
      }
  }

  /* A writer that died mid-change left a hot journal, which only a writer
   * can roll back: when the file may be written, roll it back now (the
   * plan then reads as it was at the last committed change), even for a
   * reading command. */
  if (version < 0 && unwritable_reason (path) == NULL)
    {
      sqlite3 *writer = NULL;
      g_autoptr(GError) local = NULL;
      rc = sqlite3_open_v2 (path, &writer, SQLITE_OPEN_READWRITE, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_busy_timeout (writer, busy_timeout_ms);
          rc = sqlite3_exec (writer, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
        }
      sqlite3_close (writer);
      if (rc == SQLITE_OK && check_identity (store->db, &version, &local))
        store->base.recovered = TRUE;
      else
        version = -1;
    }

  if (flags & FITA_STORE_OPEN_READ_ONLY)
    store->base.read_only_reason = g_strdup (_("The plan was opened read-only."));
  else
    store->base.read_only_reason = unwritable_reason (path);
  if (store->base.read_only_reason == NULL && !take_edit_lock (store))
    store->base.read_only_reason = g_strdup (_("The plan is open for editing in another window or program, so it was opened read-only."));
  store->base.read_only = store->base.read_only_reason != NULL;

  if (!store->base.read_only)
    {
      sqlite3_close (store->db);
      store->db = NULL;
      rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE, NULL);
      if (rc != SQLITE_OK)
        return fita_sqlite_store_set_sqlite_error (error, store->db, rc), NULL;
      sqlite3_extended_result_codes (store->db, 1);
      sqlite3_busy_timeout (store->db, busy_timeout_ms);
      if (!check_identity (store->db, &version, error))
        return NULL;
    }
  else if (version < 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY,
                   _("The plan was left half-saved by a program that stopped, and it cannot be repaired while it is read-only. Open it where you may change it."));
      return NULL;
    }

  if (!configure_connection (store->db, !store->base.read_only, error))
    return NULL;

  if (version < schema_version)
    {
      if (store->base.read_only)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY,
                       _("The plan was saved by an older version of Fita and must be upgraded, but it is read-only. Save a copy where you may change it, or open it with write access."));
          return NULL;
        }
      if (!migrate (store, version, error))
        return NULL;
    }

  return &g_steal_pointer (&store)->base;
}

/* The schema is derived from the record descriptions in fita-schema.c;
 * constraints that span columns are added here. */
static char *
schema_sql (void)
{
  GString *sql = g_string_new (NULL);

  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);

      g_string_append_printf (sql, "CREATE TABLE %s (\n", table->name);
      for (guint f = 0; f < table->n_fields; f++)
        {
          fita_store_append_column (sql, &table->fields[f], "INTEGER", "");
          g_string_append (sql, f + 1 < table->n_fields ? ",\n" : "");
        }
      if (table->name_field >= 0)
        g_string_append_printf (sql, ",\n  UNIQUE (%s)", table->fields[table->name_field].name);
      g_string_append (sql, "\n);\n");
      if (table->owner_field >= 0)
        g_string_append_printf (sql, "CREATE INDEX %s_by_owner ON %s (%s, position);\n",
                                table->name, table->name,
                                table->fields[table->owner_field].name);
    }
  g_string_append (sql,
                   "CREATE UNIQUE INDEX budget_line_cell ON budget_line (item_id, year, chapter_id);\n"
                   "CREATE INDEX item_by_code ON item (code);\n"
                   "CREATE UNIQUE INDEX year_closure_by_year ON year_closure (year);\n"
                   LOG_SCHEMA_SQL);
  return g_string_free (sql, FALSE);
}

FitaStore *
fita_sqlite_store_create (const char *path, GError **error)
{
  g_autoptr(FitaSqliteStore) store = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *pragmas = NULL;
  int fd, rc;

  /* O_EXCL: never overwrite a file someone else just created. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        g_set_error (error, FITA_ERROR, FITA_ERROR_EXISTS,
                     _("A file with this name already exists. Choose another name."));
      else
        g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                     _("The file cannot be created: %s."), g_strerror (saved));
      return NULL;
    }
  close (fd);

  store = store_new (path);
  rc = sqlite3_open_v2 (path, &store->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK || !configure_connection (store->db, TRUE, error) || !take_edit_lock (store))
    {
      if (rc != SQLITE_OK)
        fita_sqlite_store_set_sqlite_error (error, store->db, rc);
      else if (error && !*error)
        g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The new file is in use by another program."));
      g_clear_pointer (&store, sqlite_store_free);
      g_unlink (path);
      return NULL;
    }

  schema = schema_sql ();
  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %" G_GINT64_FORMAT ";",
                             FITA_APPLICATION_ID, schema_version);
  if (!exec_sql (store->db, "BEGIN IMMEDIATE", error) ||
      !exec_sql (store->db, schema, error) ||
      !exec_sql (store->db, pragmas, error) ||
      !exec_sql (store->db, "COMMIT", error))
    {
      g_clear_pointer (&store, sqlite_store_free);
      g_unlink (path);
      return NULL;
    }
  return &g_steal_pointer (&store)->base;
}

static void
sqlite_close (FitaStore *base)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;

  sqlite3_finalize (store->begin_stmt);
  sqlite3_finalize (store->commit_stmt);
  sqlite3_finalize (store->rollback_stmt);
  sqlite3_finalize (store->log_change_stmt);
  sqlite3_finalize (store->log_entry_stmt);
  sqlite3_finalize (store->log_read_stmt);
  sqlite3_finalize (store->log_read_item_stmt);
  sqlite3_finalize (store->log_read_entries_stmt);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      sqlite3_finalize (store->insert_stmt[t]);
      sqlite3_finalize (store->delete_stmt[t]);
      if (store->update_stmt[t] != NULL)
        {
          for (guint f = 0; f < fita_table (t)->n_fields; f++)
            sqlite3_finalize (store->update_stmt[t][f]);
          g_free (store->update_stmt[t]);
        }
    }
  sqlite3_close (store->db);
  /* Only after SQLite let go of the file: closing any descriptor of a file
   * drops the process's POSIX locks on it, SQLite's included. */
  if (store->lock_fd >= 0)
    close (store->lock_fd);
  fita_store_free_base (&store->base);
}

static void
sqlite_store_free (FitaSqliteStore *store)
{
  if (store != NULL)
    sqlite_close (&store->base);
}




static gboolean
sqlite_quick_check (FitaStore *base, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc = sqlite3_prepare_v2 (store->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return fita_sqlite_store_set_sqlite_error (error, store->db, rc);
  if (problem != NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                   _("The plan is damaged (%s). Restore it from a backup copy; Fita has not changed it."),
                   problem);
      return FALSE;
    }
  return TRUE;
}



sqlite3_stmt *
fita_sqlite_store_prepare (FitaSqliteStore *store, sqlite3_stmt **slot, const char *sql, GError **error)
{
  if (*slot == NULL)
    {
      int rc = sqlite3_prepare_v3 (store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
      if (rc != SQLITE_OK)
        {
          fita_sqlite_store_set_sqlite_error (error, store->db, rc);
          return NULL;
        }
    }
  return *slot;
}

/* A change that could not be written to the file: says so, names the file
 * and what to do, as the plan's window shows it as it is. */
static gboolean
set_write_error (FitaSqliteStore *store, int rc, GError **error)
{
  g_autofree char *name = g_filename_display_basename (store->base.location);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The change was not saved: another program is using “%s” and kept Fita from writing to it. Close that program, or wait until it has finished, and make the change again."),
                   name);
      return FALSE;
    case SQLITE_FULL:
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The change was not saved: the disk that holds “%s” is full. Free some space and make the change again."),
                   name);
      return FALSE;
    case SQLITE_IOERR:
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The change was not saved: “%s” could not be written (%s). Check that the disk or network folder that holds it is still there, and make the change again."),
                   name, sqlite3_errmsg (store->db));
      return FALSE;
    default:
      return fita_sqlite_store_set_sqlite_error (error, store->db, rc);
    }
}

/* Runs a statement that writes, or begins or ends a transaction. */
gboolean
fita_sqlite_store_run (FitaSqliteStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_write_error (store, rc, error);
  return TRUE;
}

gboolean
fita_sqlite_store_check_writable (FitaSqliteStore *store, GError **error)
{
  if (store->base.read_only)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY, "%s %s",
                   store->base.read_only_reason, _("Save a copy to make changes."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_begin (FitaStore *base, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  sqlite3_stmt *stmt;

  if (!fita_sqlite_store_check_writable (store, error))
    return FALSE;
  stmt = fita_sqlite_store_prepare (store, &store->begin_stmt, "BEGIN IMMEDIATE", error);
  return stmt != NULL && fita_sqlite_store_run (store, stmt, error);
}

static gboolean
sqlite_commit (FitaStore *base, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  sqlite3_stmt *stmt = fita_sqlite_store_prepare (store, &store->commit_stmt, "COMMIT", error);

  if (stmt != NULL && fita_sqlite_store_run (store, stmt, error))
    return TRUE;
  /* After a full disk or an I/O error SQLite has rolled the transaction back
   * itself, but after SQLITE_BUSY (a reader kept us from writing) it keeps
   * it open to be retried: end it, or the next change cannot begin. */
  sqlite_rollback (&store->base);
  return FALSE;
}

static void
sqlite_rollback (FitaStore *base)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  sqlite3_stmt *stmt = fita_sqlite_store_prepare (store, &store->rollback_stmt, "ROLLBACK", NULL);

  if (stmt != NULL && sqlite3_get_autocommit (store->db) == 0)
    fita_sqlite_store_run (store, stmt, NULL);
}

static void
bind_field (sqlite3_stmt *stmt, int index, gconstpointer record, const FitaField *field)
{
  const char *text;
  gint64 value;

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
    case FITA_FIELD_SEMESTERS:
      text = fita_record_get_text (record, field);
      if (text != NULL)
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, index);
      return;
    case FITA_FIELD_ENUM:
      value = fita_record_get_int (record, field);
      sqlite3_bind_text (stmt, index, field->keywords[value], -1, SQLITE_STATIC);
      return;
    case FITA_FIELD_OWNER:
    case FITA_FIELD_REF:
      value = fita_record_get_int (record, field);
      if (value == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, value);
      return;
    case FITA_FIELD_INT:
    case FITA_FIELD_CENTS:
      value = fita_record_get_int (record, field);
      if (value == FITA_NONE)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, value);
      return;
    case FITA_FIELD_ID:
    case FITA_FIELD_POSITION:
    case FITA_FIELD_BOOL:
      sqlite3_bind_int64 (stmt, index, fita_record_get_int (record, field));
      return;
    }
}

static gboolean
read_field (sqlite3_stmt *stmt, int column, gpointer record, const FitaField *field, GError **error)
{
  gboolean is_null = sqlite3_column_type (stmt, column) == SQLITE_NULL;
  const char *text;
  gint64 value;

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
    case FITA_FIELD_SEMESTERS:
      fita_record_set_text (record, field, (const char *) sqlite3_column_text (stmt, column));
      break;
    case FITA_FIELD_ENUM:
      text = (const char *) sqlite3_column_text (stmt, column);
      value = fita_keyword_index (field->keywords, text);
      if (value < 0)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                       _("The plan is damaged: “%s” is not a valid %s. Restore it from a backup copy."),
                       text ? text : "", field->name);
          return FALSE;
        }
      fita_record_set_int (record, field, value);
      break;
    case FITA_FIELD_OWNER:
    case FITA_FIELD_REF:
      fita_record_set_int (record, field, is_null ? 0 : sqlite3_column_int64 (stmt, column));
      break;
    case FITA_FIELD_INT:
    case FITA_FIELD_CENTS:
      fita_record_set_int (record, field, is_null ? FITA_NONE : sqlite3_column_int64 (stmt, column));
      break;
    case FITA_FIELD_ID:
    case FITA_FIELD_POSITION:
    case FITA_FIELD_BOOL:
      fita_record_set_int (record, field, sqlite3_column_int64 (stmt, column));
      break;
    }
  return TRUE;
}

static gboolean
sqlite_load (FitaStore *base, FitaStoreLoadFunc func, gpointer user_data, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  /* One read transaction, so the whole plan is read as of one moment. */
  if (!exec_sql (store->db, "BEGIN", error))
    return FALSE;

  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      sqlite3_stmt *stmt = NULL;
      int rc;

      for (guint f = 0; f < table->n_fields; f++)
        g_string_append_printf (sql, "%s%s", f ? ", " : "", table->fields[f].name);
      g_string_append_printf (sql, " FROM %s ORDER BY ", table->name);
      if (table->owner_field >= 0)
        g_string_append_printf (sql, "%s, ", table->fields[table->owner_field].name);
      if (table->position_field >= 0)
        g_string_append (sql, "position, ");
      g_string_append (sql, "id");

      rc = sqlite3_prepare_v2 (store->db, sql->str, -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gpointer record = fita_record_new (t, 0);
          for (guint f = 0; f < table->n_fields; f++)
            if (!read_field (stmt, f, record, &table->fields[f], error))
              {
                fita_record_free (record);
                sqlite3_finalize (stmt);
                sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
                return FALSE;
              }
          func (record, user_data);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          fita_sqlite_store_set_sqlite_error (error, store->db, rc);
          sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return exec_sql (store->db, "COMMIT", error);
}

static gboolean
sqlite_insert (FitaStore *base, gconstpointer record, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  FitaTableId t = ((const FitaRecord *) record)->table;
  const FitaTable *table = fita_table (t);
  sqlite3_stmt *stmt = store->insert_stmt[t];

  if (!fita_sqlite_store_check_writable (store, error))
    return FALSE;
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      g_string_append_printf (sql, "INSERT INTO %s (", table->name);
      for (guint f = 0; f < table->n_fields; f++)
        g_string_append_printf (sql, "%s%s", f ? ", " : "", table->fields[f].name);
      g_string_append (sql, ") VALUES (");
      for (guint f = 0; f < table->n_fields; f++)
        g_string_append_printf (sql, "%s?%u", f ? ", " : "", f + 1);
      g_string_append (sql, ")");
      if (!(stmt = fita_sqlite_store_prepare (store, &store->insert_stmt[t], sql->str, error)))
        return FALSE;
    }
  for (guint f = 0; f < table->n_fields; f++)
    bind_field (stmt, f + 1, record, &table->fields[f]);
  return fita_sqlite_store_run (store, stmt, error);
}

static gboolean
sqlite_update (FitaStore *base, gconstpointer record, guint field, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  FitaTableId t = ((const FitaRecord *) record)->table;
  const FitaTable *table = fita_table (t);
  sqlite3_stmt *stmt;

  if (!fita_sqlite_store_check_writable (store, error))
    return FALSE;
  if (store->update_stmt[t] == NULL)
    store->update_stmt[t] = g_new0 (sqlite3_stmt *, table->n_fields);
  stmt = store->update_stmt[t][field];
  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                              table->name, table->fields[field].name);
      if (!(stmt = fita_sqlite_store_prepare (store, &store->update_stmt[t][field], sql, error)))
        return FALSE;
    }
  bind_field (stmt, 1, record, &table->fields[field]);
  sqlite3_bind_int64 (stmt, 2, ((const FitaRecord *) record)->id);
  return fita_sqlite_store_run (store, stmt, error);
}

static gboolean
sqlite_delete (FitaStore *base, FitaTableId t, gint64 id, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  sqlite3_stmt *stmt = store->delete_stmt[t];

  if (!fita_sqlite_store_check_writable (store, error))
    return FALSE;
  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", fita_table (t)->name);
      if (!(stmt = fita_sqlite_store_prepare (store, &store->delete_stmt[t], sql, error)))
        return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  return fita_sqlite_store_run (store, stmt, error);
}

static gboolean
sqlite_backup (FitaStore *base, const char *dest_path, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *name = g_path_get_basename (dest_path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  /* Written beside the destination and renamed over it, so a reader never
   * sees half a copy. */
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The copy cannot be written: %s."), g_strerror (saved));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_exec (dest, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
      backup = sqlite3_backup_init (dest, "main", store->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = sqlite3_backup_finish (backup) == SQLITE_OK && rc == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (dest);
        }
    }
  if (rc != SQLITE_OK)
    {
      fita_sqlite_store_set_sqlite_error (error, dest, rc);
      sqlite3_close (dest);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close (dest);
  if (g_rename (tmp, dest_path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The copy cannot be written: %s."), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_check_integrity (FitaStore *base, GPtrArray *problems, GError **error)
{
  FitaSqliteStore *store = (FitaSqliteStore *) base;
  const char *checks[] = { "PRAGMA integrity_check", "PRAGMA foreign_key_check" };

  for (guint c = 0; c < G_N_ELEMENTS (checks); c++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (store->db, checks[c], -1, &stmt, NULL);

      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (c == 0)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, 0);
              if (g_strcmp0 (text, "ok") != 0)
                g_ptr_array_add (problems, g_strdup_printf (_("Storage: %s"), text));
            }
          else
            g_ptr_array_add (problems,
                             g_strdup_printf (_("Storage: a record in “%s” refers to a missing record in “%s”"),
                                              sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 2)));
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return fita_sqlite_store_set_sqlite_error (error, store->db, rc);
    }
  return TRUE;
}

static const FitaStoreClass sqlite_store_class = {
  .close = sqlite_close,
  .quick_check = sqlite_quick_check,
  .load = sqlite_load,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .insert = sqlite_insert,
  .update = sqlite_update,
  .delete = sqlite_delete,
  .write_log = fita_sqlite_store_write_log,
  .read_log = fita_sqlite_store_read_log,
  .check_integrity = sqlite_check_integrity,
  .backup = sqlite_backup,
};
