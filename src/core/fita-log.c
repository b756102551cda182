/* fita-log.c: who changed what. A change about to be committed is turned
 * into a FitaLogChange (values as text, each entry tied to its item) and
 * written by the store in the change's transaction; reading goes through
 * the store too. */
#include "config.h"
#include "fita-log.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const kind_keywords[] = { "inserted", "updated", "deleted", NULL };

FitaLogChange *
fita_log_change_new (void)
{
  FitaLogChange *change = g_new0 (FitaLogChange, 1);

  change->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_log_entry_free);
  return change;
}

void
fita_log_change_free (FitaLogChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change->author);
  g_free (change->source);
  g_free (change->label);
  g_ptr_array_unref (change->entries);
  g_free (change);
}

FitaLogEntry *
fita_log_entry_new (void)
{
  return g_new0 (FitaLogEntry, 1);
}

void
fita_log_entry_free (FitaLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->table);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

const char *
fita_log_kind_keyword (FitaChangeKind kind)
{
  g_return_val_if_fail (kind <= FITA_CHANGE_DELETED, NULL);
  return kind_keywords[kind];
}

gboolean
fita_log_kind_parse (const char *keyword, FitaChangeKind *kind)
{
  gint64 index = keyword ? fita_keyword_index (kind_keywords, keyword) : -1;

  if (index < 0)
    return FALSE;
  *kind = (FitaChangeKind) index;
  return TRUE;
}

/* A record of the change being logged: in the plan, or as a step of the
 * change saw it (a record the change removed). */
typedef struct {
  FitaPlan *plan;
  GHashTable *snapshots;   /* "table:id" → record, not owned */
} Context;

static gconstpointer
find_record (Context *ctx, FitaTableId table, gint64 id)
{
  gconstpointer record = fita_plan_lookup (ctx->plan, table, id);
  g_autofree char *key = NULL;

  if (record != NULL)
    return record;
  key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, table, id);
  return g_hash_table_lookup (ctx->snapshots, key);
}

/* The item a record is, or belongs to; 0 for none (the plan's own). */
static gint64
item_of (Context *ctx, FitaTableId table, gconstpointer record)
{
  switch (table)
    {
    case FITA_TABLE_ITEM:
      return ((const FitaRecord *) record)->id;
    case FITA_TABLE_RESPONSIBILITY:
    case FITA_TABLE_BUDGET_LINE:
    case FITA_TABLE_INDICATOR:
    case FITA_TABLE_FOLLOWUP:
    case FITA_TABLE_LINK:
      return fita_record_owner (record);
    case FITA_TABLE_INDICATOR_VALUE:
      {
        gconstpointer indicator = find_record (ctx, FITA_TABLE_INDICATOR, fita_record_owner (record));
        return indicator ? fita_record_owner (indicator) : 0;
      }
    default:
      return 0;
    }
}

/* How another record is named: an item by its code, others by their name. */
static char *
name_of (Context *ctx, FitaTableId table, gint64 id)
{
  gconstpointer record = find_record (ctx, table, id);
  const FitaTable *t = fita_table (table);

  if (record != NULL && table == FITA_TABLE_ITEM && ((const FitaItem *) record)->code != NULL)
    return g_strdup (((const FitaItem *) record)->code);
  if (record != NULL && t->name_field >= 0 && fita_record_get_text (record, &t->fields[t->name_field]) != NULL)
    return g_strdup (fita_record_get_text (record, &t->fields[t->name_field]));
  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

/* A value as text, written as in JSON: NULL for none. */
static char *
format_value (Context *ctx, const FitaField *field, gint64 number, const char *text)
{
  switch (field->type)
    {
    case FITA_FIELD_TEXT:
    case FITA_FIELD_SEMESTERS:
      return g_strdup (text);
    case FITA_FIELD_ENUM:
      return g_strdup (field->keywords[number]);
    case FITA_FIELD_BOOL:
      return g_strdup (number ? "true" : "false");
    case FITA_FIELD_OWNER:
    case FITA_FIELD_REF:
      return number != 0 ? name_of (ctx, field->ref, number) : NULL;
    case FITA_FIELD_CENTS:
      if (number == FITA_NONE)
        return NULL;
      return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", number < 0 ? "-" : "",
                              ABS (number) / 100, (int) (ABS (number) % 100));
    case FITA_FIELD_INT:
      if (number == FITA_NONE)
        return NULL;
      if (field->flags & FITA_FIELD_HUNDREDTHS)
        {
          g_autofree char *text2 = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", number / 100, (int) (number % 100));
          /* 5000 → "50", 8830 → "88.3" */
          char *end = text2 + strlen (text2) - 1;
          while (*end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
          return g_steal_pointer (&text2);
        }
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    case FITA_FIELD_ID:
    case FITA_FIELD_POSITION:
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }
  return NULL;
}

static char *
format_field (Context *ctx, gconstpointer record, const FitaField *field)
{
  if (fita_field_is_text (field))
    return format_value (ctx, field, 0, fita_record_get_text (record, field));
  return format_value (ctx, field, fita_record_get_int (record, field), NULL);
}

/* What a record added or removed was: an item's code and title, another's
 * name, or its fields. */
static char *
describe_record (Context *ctx, FitaTableId table, gconstpointer record)
{
  const FitaTable *t = fita_table (table);
  g_autoptr(GString) text = g_string_new (NULL);

  if (table == FITA_TABLE_ITEM)
    {
      const FitaItem *item = record;
      return g_strjoin (item->code && item->title ? " " : "",
                        item->code ? item->code : "", item->title ? item->title : "", NULL);
    }
  if (t->name_field >= 0)
    return format_field (ctx, record, &t->fields[t->name_field]);
  for (guint f = 0; f < t->n_fields; f++)
    {
      const FitaField *field = &t->fields[f];
      g_autofree char *value = NULL;

      /* a whole document (a closure's snapshot) is the plan itself, not
       * what a person reads in the log, and would grow it by a plan a year */
      if (field->type == FITA_FIELD_ID || field->type == FITA_FIELD_OWNER || field->type == FITA_FIELD_POSITION ||
          (field->flags & FITA_FIELD_DOCUMENT))
        continue;
      value = format_field (ctx, record, field);
      if (value != NULL && *value != '\0')
        g_string_append_printf (text, "%s%s: %s", text->len ? "; " : "", field->name, value);
    }
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static FitaLogEntry *
entry_of (Context *ctx, const Op *op)
{
  const FitaTable *table = fita_table (op->table);
  FitaLogEntry *entry = fita_log_entry_new ();
  gconstpointer record = op->kind == OP_SET ? find_record (ctx, op->table, op->id) : op->snapshot;

  entry->table = g_strdup (table->name);
  entry->record = op->id;
  entry->item = record ? item_of (ctx, op->table, record) : 0;
  switch (op->kind)
    {
    case OP_SET:
      {
        const FitaField *field = &table->fields[op->field];
        entry->kind = FITA_CHANGE_UPDATED;
        entry->field = g_strdup (field->name);
        entry->old_value = format_value (ctx, field, op->old_int, op->old_text);
        entry->new_value = format_value (ctx, field, op->new_int, op->new_text);
        break;
      }
    case OP_INSERT:
      entry->kind = FITA_CHANGE_INSERTED;
      entry->new_value = describe_record (ctx, op->table, op->snapshot);
      break;
    case OP_DELETE:
      entry->kind = FITA_CHANGE_DELETED;
      entry->old_value = describe_record (ctx, op->table, op->snapshot);
      break;
    }
  return entry;
}

gboolean
fita_plan_log_change (FitaPlan *self, FitaStore *store, Change *change, const char *label, GError **error)
{
  g_autoptr(FitaLogChange) logged = fita_log_change_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GHashTable) snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Context ctx = { self, snapshots };

  for (guint i = 0; change != NULL && i < change->ops->len; i++)
    {
      const Op *op = g_ptr_array_index (change->ops, i);
      if (op->snapshot != NULL)
        g_hash_table_insert (snapshots, g_strdup_printf ("%d:%" G_GINT64_FORMAT, op->table, op->id), op->snapshot);
    }
  logged->at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  logged->author = g_strdup (fita_plan_get_author (self));
  logged->source = g_strdup (fita_plan_get_change_source (self));
  logged->label = g_strdup (label);
  for (guint i = 0; change != NULL && i < change->ops->len; i++)
    g_ptr_array_add (logged->entries, entry_of (&ctx, g_ptr_array_index (change->ops, i)));
  return fita_store_write_log (store, logged, error);
}

void
fita_plan_set_imported_log (FitaPlan *self, GPtrArray *changes)
{
  g_clear_pointer (&self->imported_log, g_ptr_array_unref);
  self->imported_log = changes;
}

gboolean
fita_plan_write_imported_log (FitaPlan *self, FitaStore *store, GError **error)
{
  for (guint i = 0; self->imported_log != NULL && i < self->imported_log->len; i++)
    if (!fita_store_write_log (store, g_ptr_array_index (self->imported_log, i), error))
      return FALSE;
  return TRUE;
}

gboolean
fita_plan_copy_log (FitaPlan *self, FitaStore *store, GError **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_log_change_free);

  if (!fita_store_read_log (self->store, 0, 0, changes, error))
    return FALSE;
  /* read newest first, written oldest first */
  for (guint i = changes->len; i > 0; i--)
    if (!fita_store_write_log (store, g_ptr_array_index (changes, i - 1), error))
      return FALSE;
  return TRUE;
}

/* A copy of change with only the entries of item_id (all of them for 0);
 * NULL if it has none of them. */
static FitaLogChange *
copy_change (const FitaLogChange *change, gint64 item_id)
{
  g_autoptr(FitaLogChange) copy = fita_log_change_new ();

  copy->id = change->id;
  copy->at = g_strdup (change->at);
  copy->author = g_strdup (change->author);
  copy->source = g_strdup (change->source);
  copy->label = g_strdup (change->label);
  for (guint i = 0; i < change->entries->len; i++)
    {
      const FitaLogEntry *entry = g_ptr_array_index (change->entries, i);
      FitaLogEntry *kept;

      if (item_id != 0 && entry->item != item_id)
        continue;
      kept = fita_log_entry_new ();
      kept->kind = entry->kind;
      kept->table = g_strdup (entry->table);
      kept->record = entry->record;
      kept->item = entry->item;
      kept->field = g_strdup (entry->field);
      kept->old_value = g_strdup (entry->old_value);
      kept->new_value = g_strdup (entry->new_value);
      g_ptr_array_add (copy->entries, kept);
    }
  if (item_id != 0 && copy->entries->len == 0)
    return NULL;
  return g_steal_pointer (&copy);
}

GPtrArray *
fita_plan_read_log (FitaPlan *plan, gint64 item_id, guint limit, GError **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_log_change_free);
  FitaStore *store;

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);

  store = fita_plan_get_store (plan);
  if (store != NULL && !fita_store_read_log (store, item_id, limit, changes, error))
    return NULL;
  /* a plan not in a file: the log its JSON brought, newest first */
  for (guint i = plan->imported_log ? plan->imported_log->len : 0;
       store == NULL && i > 0 && (limit == 0 || changes->len < limit); i--)
    {
      FitaLogChange *copy = copy_change (g_ptr_array_index (plan->imported_log, i - 1), item_id);
      if (copy != NULL)
        g_ptr_array_add (changes, copy);
    }
  return g_steal_pointer (&changes);
}

char *
fita_log_format_time (const char *at)
{
  g_autoptr(GDateTime) utc = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (at ? at : "");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
