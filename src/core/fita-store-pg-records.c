/* fita-store-pg-records.c: a shared plan's records on the server: loading
 * them as of one moment, writing a change only over the version it was
 * made against (no lost update), reading what others changed since, and
 * the change log. */
#include "config.h"
#include "fita-store-pg-private.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gint64
record_key (FitaTableId table, gint64 id)
{
  return id * FITA_N_TABLES + table;
}

/* The version this client last read or wrote, in the open transaction
 * too (a change that sets two fields of one record). */
static gint64
known_version (FitaPgStore *store, FitaTableId table, gint64 id)
{
  gint64 key = record_key (table, id);
  gint64 *version;

  for (guint i = store->pending_versions->len; i > 0; i--)
    {
      gint64 *pair = &g_array_index (store->pending_versions, gint64, (i - 1) * 2);
      if (pair[0] == key)
        return pair[1];
    }
  version = g_hash_table_lookup (store->versions, &key);

  return version ? *version : -1;
}

static void
set_known_version (FitaPgStore *store, FitaTableId table, gint64 id, gint64 version)
{
  gint64 key = record_key (table, id);

  g_hash_table_insert (store->versions, g_memdup2 (&key, sizeof key), g_memdup2 (&version, sizeof version));
}

/* A version written in the open transaction, known once it commits. */
static void
write_version (FitaPgStore *store, FitaTableId table, gint64 id, gint64 version)
{
  gint64 pair[2] = { record_key (table, id), version };

  g_array_append_vals (store->pending_versions, pair, 1);
}

void
fita_pg_settle_versions (FitaPgStore *store, gboolean committed)
{
  for (guint i = 0; committed && i < store->pending_versions->len; i++)
    {
      gint64 *pair = &g_array_index (store->pending_versions, gint64, i * 2);
      if (pair[1] < 0)
        g_hash_table_remove (store->versions, &pair[0]);
      else
        g_hash_table_insert (store->versions, g_memdup2 (&pair[0], sizeof pair[0]),
                             g_memdup2 (&pair[1], sizeof pair[1]));
    }
  g_array_set_size (store->pending_versions, 0);
}

/* Values as text */

static char *
field_text (gconstpointer record, const FitaField *field)
{
  gint64 value;

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
    case FITA_FIELD_SEMESTERS:
      return g_strdup (fita_record_get_text (record, field));
    case FITA_FIELD_ENUM:
      return g_strdup (field->keywords[fita_record_get_int (record, field)]);
    case FITA_FIELD_OWNER:
    case FITA_FIELD_REF:
      value = fita_record_get_int (record, field);
      return value == 0 ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value);
    case FITA_FIELD_INT:
    case FITA_FIELD_CENTS:
      value = fita_record_get_int (record, field);
      return value == FITA_NONE ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value);
    case FITA_FIELD_ID:
    case FITA_FIELD_POSITION:
    case FITA_FIELD_BOOL:
      return g_strdup_printf ("%" G_GINT64_FORMAT, fita_record_get_int (record, field));
    }
  g_assert_not_reached ();
}

static gboolean
read_value (const PGresult *result, int row, int column, gpointer record, const FitaField *field, GError **error)
{
  gboolean is_null = PQgetisnull (result, row, column);
  const char *text = is_null ? NULL : PQgetvalue (result, row, column);
  gint64 value;

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
    case FITA_FIELD_SEMESTERS:
      fita_record_set_text (record, field, text);
      return TRUE;
    case FITA_FIELD_ENUM:
      value = fita_keyword_index (field->keywords, text);
      if (value < 0)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                       _("The plan is damaged: “%s” is not a valid %s."), text ? text : "", field->name);
          return FALSE;
        }
      fita_record_set_int (record, field, value);
      return TRUE;
    case FITA_FIELD_OWNER:
    case FITA_FIELD_REF:
      fita_record_set_int (record, field, is_null ? 0 : g_ascii_strtoll (text, NULL, 10));
      return TRUE;
    case FITA_FIELD_INT:
    case FITA_FIELD_CENTS:
      fita_record_set_int (record, field, is_null ? FITA_NONE : g_ascii_strtoll (text, NULL, 10));
      return TRUE;
    case FITA_FIELD_ID:
    case FITA_FIELD_POSITION:
    case FITA_FIELD_BOOL:
      fita_record_set_int (record, field, is_null ? 0 : g_ascii_strtoll (text, NULL, 10));
      return TRUE;
    }
  g_assert_not_reached ();
}

/* The record in a row of "SELECT fields…, version", or NULL. */
static gpointer
read_record (const PGresult *result, int row, FitaTableId t, gint64 *version, GError **error)
{
  const FitaTable *table = fita_table (t);
  gpointer record = fita_record_new (t, 0);

  for (guint f = 0; f < table->n_fields; f++)
    if (!read_value (result, row, f, record, &table->fields[f], error))
      {
        fita_record_free (record);
        return NULL;
      }
  *version = fita_pg_result_int (result, row, table->n_fields);
  return record;
}

/* Statements, made once a table */

static void
append_fields (GString *sql, const FitaTable *table)
{
  for (guint f = 0; f < table->n_fields; f++)
    g_string_append_printf (sql, "%s%s", f ? ", " : "", table->fields[f].name);
}

static const char *
select_sql (FitaPgStore *store, FitaTableId t, gboolean changed)
{
  char **slot = changed ? &store->changed_sql[t] : &store->select_sql[t];

  if (*slot == NULL)
    {
      const FitaTable *table = fita_table (t);
      GString *sql = g_string_new ("SELECT ");
      append_fields (sql, table);
      g_string_append_printf (sql, ", version FROM %s.%s", store->schema, table->name);
      if (changed)
        g_string_append (sql, " WHERE version > $1");
      g_string_append (sql, " ORDER BY ");
      if (table->owner_field >= 0)
        g_string_append_printf (sql, "%s, ", table->fields[table->owner_field].name);
      if (table->position_field >= 0)
        g_string_append (sql, "position, ");
      g_string_append (sql, "id");
      *slot = g_string_free (sql, FALSE);
    }
  return *slot;
}

static gboolean
read_only_transaction (FitaPgStore *store, gint64 *revision, GError **error)
{
  g_autofree char *plan = g_strdup_printf ("%" G_GINT64_FORMAT, store->plan_id);
  const char *params[1] = { plan };
  PGresult *result;

  if (!fita_pg_run (store->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    {
      if (PQstatus (store->conn) == CONNECTION_BAD)
        fita_pg_connection_lost (store);
      return FALSE;
    }
  result = fita_pg_exec (store, "SELECT revision FROM fita.plan WHERE id = $1", 1, params, error);
  if (result == NULL)
    {
      PQclear (PQexec (store->conn, "ROLLBACK"));
      return FALSE;
    }
  if (PQntuples (result) != 1)
    {
      PQclear (result);
      PQclear (PQexec (store->conn, "ROLLBACK"));
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("The plan “%s” is no longer on the server."), store->plan_name);
      return FALSE;
    }
  *revision = fita_pg_result_int (result, 0, 0);
  PQclear (result);
  return TRUE;
}

gboolean
fita_pg_load (FitaStore *base, FitaStoreLoadFunc func, gpointer user_data, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  gint64 revision;

  if (!read_only_transaction (store, &revision, error))
    return FALSE;
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      PGresult *result = fita_pg_exec (store, select_sql (store, t, FALSE), 0, NULL, error);
      int rows;

      if (result == NULL)
        {
          PQclear (PQexec (store->conn, "ROLLBACK"));
          return FALSE;
        }
      rows = PQntuples (result);
      for (int r = 0; r < rows; r++)
        {
          gint64 version;
          gpointer record = read_record (result, r, t, &version, error);
          if (record == NULL)
            {
              PQclear (result);
              PQclear (PQexec (store->conn, "ROLLBACK"));
              return FALSE;
            }
          set_known_version (store, t, ((FitaRecord *) record)->id, version);
          func (record, user_data);
        }
      PQclear (result);
    }
  store->revision = revision;
  return fita_pg_run (store->conn, "COMMIT", error);
}

gboolean
fita_pg_read_changes (FitaStore *base, FitaStoreChangeFunc func, gpointer user_data, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autofree char *since = g_strdup_printf ("%" G_GINT64_FORMAT, store->revision);
  const char *params[1] = { since };
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *deleted_sql = NULL;
  PGresult *result;
  gint64 revision;

  if (store->in_transaction)
    return TRUE;
  if (!store->base.connected)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION, _("The connection to the server is lost."));
      return FALSE;
    }
  if (!read_only_transaction (store, &revision, error))
    return FALSE;
  if (revision == store->revision)
    return fita_pg_run (store->conn, "COMMIT", error);

  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      int rows;

      result = fita_pg_exec (store, select_sql (store, t, TRUE), 1, params, error);
      if (result == NULL)
        {
          PQclear (PQexec (store->conn, "ROLLBACK"));
          return FALSE;
        }
      rows = PQntuples (result);
      for (int r = 0; r < rows; r++)
        {
          gint64 version, id, key;
          gpointer record = read_record (result, r, t, &version, error);
          if (record == NULL)
            {
              PQclear (result);
              PQclear (PQexec (store->conn, "ROLLBACK"));
              return FALSE;
            }
          id = ((FitaRecord *) record)->id;
          key = record_key (t, id);
          g_hash_table_add (present, g_memdup2 (&key, sizeof key));
          /* this client's own changes are known already */
          if (known_version (store, t, id) == version)
            {
              fita_record_free (record);
              continue;
            }
          set_known_version (store, t, id, version);
          func (t, id, record, user_data);
        }
      PQclear (result);
    }

  deleted_sql = g_strdup_printf ("SELECT table_name, record_id FROM %s.deleted WHERE version > $1 ORDER BY version",
                                 store->schema);
  result = fita_pg_exec (store, deleted_sql, 1, params, error);
  if (result == NULL)
    {
      PQclear (PQexec (store->conn, "ROLLBACK"));
      return FALSE;
    }
  for (int r = 0; r < PQntuples (result); r++)
    {
      const char *name = PQgetvalue (result, r, 0);
      gint64 id = fita_pg_result_int (result, r, 1);

      for (guint t = 0; t < FITA_N_TABLES; t++)
        {
          gint64 key = record_key (t, id);
          if (!g_str_equal (fita_table (t)->name, name) || g_hash_table_contains (present, &key))
            continue;
          g_hash_table_remove (store->versions, &key);
          func (t, id, NULL, user_data);
        }
    }
  PQclear (result);
  store->revision = revision;
  return fita_pg_run (store->conn, "COMMIT", error);
}

/* Writing */

static gboolean
check_writing (FitaPgStore *store, GError **error)
{
  if (store->base.read_only)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY, "%s", store->base.read_only_reason);
      return FALSE;
    }
  g_return_val_if_fail (store->in_transaction, FALSE);
  return TRUE;
}

gboolean
fita_pg_insert (FitaStore *base, gconstpointer record, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  FitaTableId t = ((const FitaRecord *) record)->table;
  const FitaTable *table = fita_table (t);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  PGresult *result;

  if (!check_writing (store, error))
    return FALSE;
  if (store->insert_sql[t] == NULL)
    {
      GString *sql = g_string_new (NULL);
      g_string_append_printf (sql, "INSERT INTO %s.%s (", store->schema, table->name);
      append_fields (sql, table);
      g_string_append (sql, ") VALUES (");
      for (guint f = 0; f < table->n_fields; f++)
        g_string_append_printf (sql, "%s$%u", f ? ", " : "", f + 1);
      g_string_append (sql, ") RETURNING version");
      store->insert_sql[t] = g_string_free (sql, FALSE);
    }
  for (guint f = 0; f < table->n_fields; f++)
    g_ptr_array_add (params, field_text (record, &table->fields[f]));
  result = fita_pg_exec (store, store->insert_sql[t], table->n_fields, (const char *const *) params->pdata, error);
  if (result == NULL)
    return FALSE;
  write_version (store, t, ((const FitaRecord *) record)->id, fita_pg_result_int (result, 0, 0));
  PQclear (result);
  return TRUE;
}

/* A write that touched no row: the record was changed or deleted by
 * someone else since it was read, or the server's policies hide it from
 * this user's changes. */
static gboolean
explain_untouched (FitaPgStore *store, FitaTableId t, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s.%s WHERE id = $1", store->schema, fita_table (t)->name);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[1] = { id_text };
  PGresult *result = fita_pg_exec (store, sql, 1, params, error);
  gboolean conflict;

  if (result == NULL)
    return FALSE;
  conflict = PQntuples (result) == 0 || fita_pg_result_int (result, 0, 0) != known_version (store, t, id);
  PQclear (result);
  if (conflict)
    g_set_error (error, FITA_ERROR, FITA_ERROR_CONFLICT,
                 _("Someone else changed or deleted this in the meantime, so the change was not made."));
  else
    fita_pg_set_permission_error (store, error);
  return FALSE;
}

gboolean
fita_pg_update (FitaStore *base, gconstpointer record, guint field, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  FitaTableId t = ((const FitaRecord *) record)->table;
  const FitaTable *table = fita_table (t);
  gint64 id = ((const FitaRecord *) record)->id;
  g_autofree char *value = NULL, *id_text = NULL, *version = NULL;
  const char *params[3];
  PGresult *result;
  gboolean touched;

  if (!check_writing (store, error))
    return FALSE;
  if (store->update_sql[t] == NULL)
    store->update_sql[t] = g_new0 (char *, table->n_fields);
  if (store->update_sql[t][field] == NULL)
    store->update_sql[t][field] = g_strdup_printf ("UPDATE %s.%s SET %s = $1 WHERE id = $2 AND version = $3 RETURNING version",
                                                   store->schema, table->name, table->fields[field].name);
  value = field_text (record, &table->fields[field]);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  version = g_strdup_printf ("%" G_GINT64_FORMAT, known_version (store, t, id));
  params[0] = value;
  params[1] = id_text;
  params[2] = version;
  result = fita_pg_exec (store, store->update_sql[t][field], 3, params, error);
  if (result == NULL)
    return FALSE;
  touched = PQntuples (result) == 1;
  if (touched)
    write_version (store, t, id, fita_pg_result_int (result, 0, 0));
  PQclear (result);
  return touched || explain_untouched (store, t, id, error);
}

gboolean
fita_pg_delete (FitaStore *base, FitaTableId t, gint64 id, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, known_version (store, t, id));
  const char *params[2] = { id_text, version };
  PGresult *result;
  gboolean touched;

  if (!check_writing (store, error))
    return FALSE;
  if (store->delete_sql[t] == NULL)
    store->delete_sql[t] = g_strdup_printf ("DELETE FROM %s.%s WHERE id = $1 AND version = $2 RETURNING id",
                                            store->schema, fita_table (t)->name);
  result = fita_pg_exec (store, store->delete_sql[t], 2, params, error);
  if (result == NULL)
    return FALSE;
  touched = PQntuples (result) == 1;
  PQclear (result);
  if (touched)
    write_version (store, t, id, -1);
  return touched || explain_untouched (store, t, id, error);
}

/* The change log */

gboolean
fita_pg_write_log (FitaStore *base, const FitaLogChange *change, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autofree char *change_sql = g_strdup_printf ("INSERT INTO %s.change_log (at, author, source, label)"
                                                 " VALUES ($1, $2, $3, $4) RETURNING id", store->schema);
  g_autofree char *entry_sql = g_strdup_printf ("INSERT INTO %s.change_log_entry (change_id, position, action, table_name,"
                                                " record_id, item_id, field, old_value, new_value)"
                                                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", store->schema);
  g_autofree char *change_id = NULL;
  const char *params[9];
  PGresult *result;

  if (!check_writing (store, error))
    return FALSE;
  /* A change made on the server is logged as made by the PostgreSQL role,
   * now, as the server's trigger writes it; a plan copied to the server
   * keeps its log as it was. */
  params[0] = store->creating ? change->at : NULL;
  params[1] = store->creating ? change->author : NULL;
  params[2] = change->source;
  params[3] = change->label;
  result = fita_pg_exec (store, change_sql, 4, params, error);
  if (result == NULL)
    return FALSE;
  change_id = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);

  for (guint i = 0; change->entries != NULL && i < change->entries->len; i++)
    {
      const FitaLogEntry *entry = g_ptr_array_index (change->entries, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *record = g_strdup_printf ("%" G_GINT64_FORMAT, entry->record);
      g_autofree char *item = entry->item ? g_strdup_printf ("%" G_GINT64_FORMAT, entry->item) : NULL;

      params[0] = change_id;
      params[1] = position;
      params[2] = fita_log_kind_keyword (entry->kind);
      params[3] = entry->table;
      params[4] = record;
      params[5] = item;
      params[6] = entry->field;
      params[7] = entry->old_value;
      params[8] = entry->new_value;
      result = fita_pg_exec (store, entry_sql, 9, params, error);
      if (result == NULL)
        return FALSE;
      PQclear (result);
    }
  return TRUE;
}

static char *
value_or_null (const PGresult *result, int row, int column)
{
  return PQgetisnull (result, row, column) ? NULL : g_strdup (PQgetvalue (result, row, column));
}

gboolean
fita_pg_read_log (FitaStore *base, gint64 item_id, guint limit, GPtrArray *changes, GError **error)
{
  FitaPgStore *store = FITA_PG_STORE (base);
  g_autofree char *changes_sql = g_strdup_printf (
    "SELECT id, at, author, source, label FROM %s.change_log"
    " WHERE $1 = 0 OR id IN (SELECT change_id FROM %s.change_log_entry WHERE item_id = $1)"
    " ORDER BY id DESC LIMIT $2", store->schema, store->schema);
  g_autofree char *entries_sql = g_strdup_printf (
    "SELECT change_id, action, table_name, record_id, item_id, field, old_value, new_value"
    " FROM %s.change_log_entry WHERE change_id = ANY ($1::bigint[]) AND ($2 = 0 OR item_id = $2)"
    " ORDER BY change_id, position", store->schema);
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
  g_autofree char *most = limit > 0 ? g_strdup_printf ("%u", limit) : NULL;
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *params[2] = { item, most };
  guint first = changes->len;
  PGresult *result = fita_pg_exec (store, changes_sql, 2, params, error);

  if (result == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (result); r++)
    {
      FitaLogChange *change = fita_log_change_new ();

      change->id = fita_pg_result_int (result, r, 0);
      change->at = value_or_null (result, r, 1);
      change->author = value_or_null (result, r, 2);
      change->source = value_or_null (result, r, 3);
      change->label = value_or_null (result, r, 4);
      g_ptr_array_add (changes, change);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, r ? "," : "", change->id);
    }
  PQclear (result);
  g_string_append_c (ids, '}');
  for (guint i = first; i < changes->len; i++)
    {
      FitaLogChange *change = g_ptr_array_index (changes, i);
      g_hash_table_insert (by_id, &change->id, change);
    }

  params[0] = ids->str;
  params[1] = item;
  result = fita_pg_exec (store, entries_sql, 2, params, error);
  if (result == NULL)
    return FALSE;
  for (int r = 0; r < PQntuples (result); r++)
    {
      gint64 change_id = fita_pg_result_int (result, r, 0);
      FitaLogChange *change = g_hash_table_lookup (by_id, &change_id);
      FitaLogEntry *entry;

      if (change == NULL)
        continue;
      entry = fita_log_entry_new ();
      g_ptr_array_add (change->entries, entry);
      if (!fita_log_kind_parse (PQgetvalue (result, r, 1), &entry->kind))
        {
          PQclear (result);
          g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                       _("The plan's change log is damaged (an entry of an unknown kind)."));
          return FALSE;
        }
      entry->table = value_or_null (result, r, 2);
      entry->record = fita_pg_result_int (result, r, 3);
      entry->item = PQgetisnull (result, r, 4) ? 0 : fita_pg_result_int (result, r, 4);
      entry->field = value_or_null (result, r, 5);
      entry->old_value = value_or_null (result, r, 6);
      entry->new_value = value_or_null (result, r, 7);
    }
  PQclear (result);
  return TRUE;
}
