/* The .fita loader on files damaged value by value: the input is read as a
 * list of changes to the rows of an example plan (any table, any column,
 * any row: another number, NULL, text, another row's id), written with
 * SQLite behind Fita's back with its checks off, as a hand edit, a buggy
 * tool or a bad disk would. Every reference, position and required value
 * that loading trusts gets tried, far faster than by flipping bytes. */
#include "config.h"
#include "fuzz.h"

#include "fita-examples.h"
#include "fita-schema.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

static GBytes *base;   /* the example plan's file */

static void
make_base (void)
{
  g_autofree char *path = g_build_filename (fita_fuzz_tmpdir (), "base.fita", NULL);
  g_autoptr(FitaPlan) plan = fita_example_load ("xmess-2017-2019", NULL);
  g_autofree char *data = NULL;
  gsize size;

  /* a small plan, with a few of everything the others have */
  g_assert (plan != NULL);
  g_assert (fita_plan_save_new (plan, path, NULL));
  g_clear_object (&plan);
  g_assert (g_file_get_contents (path, &data, &size, NULL));
  base = g_bytes_new_take (g_steal_pointer (&data), size);
  g_unlink (path);
}

typedef struct {
  const uint8_t *p;
  size_t left;
} Input;

static guint8
take (Input *in)
{
  if (in->left == 0)
    return 0;
  in->left--;
  return *in->p++;
}

static gint64
take_int (Input *in)
{
  static const gint64 interesting[] = {
    0, 1, -1, 2, 3, 100, 101, 10000, 10001, 1900, 2200, 9999,
    G_MAXINT32, G_MININT32, G_MAXINT64, G_MININT64, G_MININT64 + 1, G_MAXINT64 / 100,
  };
  guint8 kind = take (in);

  if (kind < 128)
    return interesting[kind % G_N_ELEMENTS (interesting)];
  {
    guint64 value = 0;
    for (int i = 0; i < 8; i++)
      value = (value << 8) | take (in);
    return (gint64) value;
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = g_build_filename (fita_fuzz_tmpdir (), "rows.fita", NULL);
  Input in = { data, size };
  sqlite3 *db;

  if (base == NULL)
    make_base ();
  g_assert (g_file_set_contents (path, g_bytes_get_data (base, NULL), (gssize) g_bytes_get_size (base), NULL));
  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; BEGIN", NULL, NULL, NULL);

  for (int ops = 0; in.left > 0 && ops < 32; ops++)
    {
      const FitaTable *table = fita_table (take (&in) % FITA_N_TABLES);
      const FitaField *field = &table->fields[take (&in) % table->n_fields];
      guint8 row = take (&in) % 64;
      guint8 kind = take (&in) % 5;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (kind == 4)
        /* a copy of a row: the same id twice, or the same position */
        sql = g_strdup_printf ("INSERT INTO %s SELECT * FROM %s LIMIT 1 OFFSET ?1", table->name, table->name);
      else if (kind == 3)
        /* another row's id: cycles, self-references, wrong targets */
        sql = g_strdup_printf ("UPDATE %s SET %s = (SELECT id FROM %s LIMIT 1 OFFSET ?2) "
                               "WHERE rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET ?1)",
                               table->name, field->name,
                               fita_table (field->ref)->name, table->name);
      else
        sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET ?1)",
                               table->name, field->name, table->name);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_int (stmt, 1, row);
      switch (kind)
        {
        case 0:
        case 1:
          sqlite3_bind_int64 (stmt, 2, take_int (&in));
          break;
        case 2:
          {
            guint8 len = take (&in) % 16;
            char text[16];
            for (guint i = 0; i < len; i++)
              text[i] = (char) take (&in);
            if (len == 0)
              sqlite3_bind_null (stmt, 2);
            else
              sqlite3_bind_text (stmt, 2, text, len, SQLITE_TRANSIENT);
          }
          break;
        case 3:
          sqlite3_bind_int (stmt, 2, take (&in) % 64);
          break;
        default:
          break;
        }
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);

  fita_fuzz_open (path);
  g_unlink (path);
  return 0;
}
