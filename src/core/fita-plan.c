/* fita-plan.c: the plan in memory: its records and their indexes, opening,
 * checking and saving a file, and reading. Changes and their history are in
 * fita-plan-changes.c, the edits that make them in fita-plan-edits.c. */
#include "config.h"
#include "fita-plan.h"
#include "fita-i18n.h"
#include "fita-error.h"
#include "fita-money.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (FitaPlan, fita_plan, G_TYPE_OBJECT)

static GPtrArray *empty_list;

static void
fita_plan_finalize (GObject *object)
{
  FitaPlan *self = FITA_PLAN (object);

  g_clear_pointer (&self->store, fita_store_close);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      g_hash_table_unref (self->by_owner[t]);
      g_hash_table_unref (self->by_id[t]);
    }
  g_clear_pointer (&self->current, fita_plan_change_free);
  g_clear_error (&self->change_error);
  g_clear_error (&self->load_error);
  g_free (self->view_closed_at);
  g_free (self->view_reason);
  g_clear_pointer (&self->view_previous, fita_record_free);
  g_array_unref (self->unsorted);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->code_index, g_hash_table_unref);
  g_free (self->author);
  g_free (self->change_source);
  g_clear_pointer (&self->imported_log, g_ptr_array_unref);

  G_OBJECT_CLASS (fita_plan_parent_class)->finalize (object);
}

static void
fita_plan_class_init (FitaPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fita_plan_finalize;
  fita_plan_class_init_changes (object_class);

  empty_list = g_ptr_array_new ();
}

static void
fita_plan_init (FitaPlan *self)
{
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      self->by_id[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, fita_record_free);
      self->by_owner[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
      self->next_id[t] = 1;
    }
  self->unsorted = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  self->undo = g_ptr_array_new_with_free_func (fita_plan_change_free);
  self->redo = g_ptr_array_new_with_free_func (fita_plan_change_free);
}

/* Indexes */

GPtrArray *
fita_plan_owner_list (FitaPlan *self, FitaTableId table, gint64 owner, gboolean create)
{
  GPtrArray *list = g_hash_table_lookup (self->by_owner[table], &owner);

  if (list == NULL && create)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_owner[table], g_memdup2 (&owner, sizeof owner), list);
    }
  return list;
}

void
fita_plan_mark_unsorted (FitaPlan *self, FitaTableId table, gint64 owner)
{
  gint64 pair[2] = { table, owner };

  g_array_append_vals (self->unsorted, pair, 1);
}

void
fita_plan_index_add (FitaPlan *self, gpointer record)
{
  FitaRecord *rec = record;

  g_hash_table_insert (self->by_id[rec->table], &rec->id, record);
  g_ptr_array_add (fita_plan_owner_list (self, rec->table, fita_record_owner (record), TRUE), record);
  if (rec->id >= self->next_id[rec->table])
    self->next_id[rec->table] = rec->id + 1;
}

void
fita_plan_index_unlink (FitaPlan *self, gpointer record)
{
  FitaRecord *rec = record;
  GPtrArray *list = fita_plan_owner_list (self, rec->table, fita_record_owner (record), FALSE);

  if (list != NULL)
    g_ptr_array_remove (list, record);
}

void
fita_plan_adopt_record (FitaPlan *self, gpointer record)
{
  fita_plan_index_add (self, record);
}

int
fita_record_compare_position (gconstpointer a, gconstpointer b)
{
  gint64 pa = fita_record_position (*(gconstpointer *) a);
  gint64 pb = fita_record_position (*(gconstpointer *) b);
  gint64 ia = (*(const FitaRecord **) a)->id;
  gint64 ib = (*(const FitaRecord **) b)->id;

  /* ties (two people adding to one shared list at once) by number */
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

void
fita_plan_sort_unsorted (FitaPlan *self)
{
  for (guint i = 0; i < self->unsorted->len; i++)
    {
      gint64 *pair = &g_array_index (self->unsorted, gint64, i * 2);
      GPtrArray *list = fita_plan_owner_list (self, pair[0], pair[1], FALSE);

      if (list != NULL)
        g_ptr_array_sort (list, fita_record_compare_position);
    }
  g_array_set_size (self->unsorted, 0);
}

/* Construction */

static FitaPlanInfo *
ensure_info (FitaPlan *self)
{
  GPtrArray *list = fita_plan_owner_list (self, FITA_TABLE_PLAN, 0, FALSE);

  if (list != NULL && list->len > 0)
    return g_ptr_array_index (list, 0);
  return NULL;
}

FitaPlan *
fita_plan_new (void)
{
  FitaPlan *self = g_object_new (FITA_TYPE_PLAN, NULL);
  FitaPlanInfo *info = fita_record_new (FITA_TABLE_PLAN, 1);

  /* a new plan is a new identity; a plan read from JSON takes the file's */
  info->uuid = g_uuid_string_random ();
  fita_plan_index_add (self, info);
  return self;
}

static void
add_named (FitaPlan *self, FitaTableId table, const char *name, gint64 position)
{
  gpointer record = fita_plan_new_record (self, table);
  const FitaTable *t = fita_table (table);

  fita_record_set_text (record, &t->fields[t->name_field], name);
  fita_record_set_int (record, &t->fields[t->position_field], position);
  fita_plan_index_add (self, record);
}

FitaPlan *
fita_plan_new_default (const char *title)
{
  return fita_plan_new_default_in (title, NULL);
}

FitaPlan *
fita_plan_new_default_in (const char *title,
                          const char *lang)
{
  FitaPlan *self = fita_plan_new ();
  FitaPlanInfo *info = fita_plan_get_info (self);
  const FitaTable *plan_table = fita_table (FITA_TABLE_PLAN);
  g_autoptr(FitaTranslator) tr = fita_translator_new (lang);
  FitaLevel *level;
  FitaStatus *status;
  GDateTime *now = g_date_time_new_now_local ();
  const char *status_colours[] = { "#9a9996", "#3584e4", "#2ec27e" };
  const gint64 status_percents[] = { 0, FITA_NONE, 100 };

  fita_record_set_text (info, &plan_table->fields[1], title);
  info->followed_year = g_date_time_get_year (now);
  g_date_time_unref (now);
  /* the plan's texts are in the language its lists are named in */
  for (guint i = 0; lang != NULL && i < plan_table->n_fields; i++)
    if (g_str_equal (plan_table->fields[i].name, "language"))
      fita_record_set_text (info, &plan_table->fields[i], fita_translator_get_lang (tr));

  /* Translators: the default names of the levels of a new plan's hierarchy. */
  add_named (self, FITA_TABLE_LEVEL, TC_(tr, "level", "Objective"), 0);
  add_named (self, FITA_TABLE_LEVEL, TC_(tr, "level", "Action"), 1);
  level = g_ptr_array_index (fita_plan_list (self, FITA_TABLE_LEVEL, 0), 1);
  level->depth = 1;

  /* Translators: the default statuses of a new plan's items. */
  add_named (self, FITA_TABLE_STATUS, TC_(tr, "status", "Not started"), 0);
  add_named (self, FITA_TABLE_STATUS, TC_(tr, "status", "In progress"), 1);
  add_named (self, FITA_TABLE_STATUS, TC_(tr, "status", "Done"), 2);
  for (guint i = 0; i < 3; i++)
    {
      status = g_ptr_array_index (fita_plan_list (self, FITA_TABLE_STATUS, 0), i);
      status->percent = status_percents[i];
      fita_record_set_text (status, &fita_table (FITA_TABLE_STATUS)->fields[4], status_colours[i]);
    }

  /* Translators: a budget chapter, as in the Spanish public budget
   * ("Capítol 1" in Catalan, "Capítulo 1" in Spanish). */
  add_named (self, FITA_TABLE_CHAPTER, T_(tr, "Chapter 1. Staff"), 0);
  add_named (self, FITA_TABLE_CHAPTER, T_(tr, "Chapter 2. Goods and services"), 1);
  add_named (self, FITA_TABLE_CHAPTER, T_(tr, "Other chapters"), 2);
  return self;
}


/* A record by its kind and number, when there is no record to name. */
static char *
describe_reference (FitaTableId table, gint64 id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: a record and its name or number, e.g. "item 11.3", "budget line 41" */
  return g_strdup_printf (C_("record", "%s %s"), fita_table_noun (table), number);
}

/* What a record is to an officer, for messages about damage: "item 11.3",
 * "budget line 41". */
static char *
describe_record (gconstpointer record)
{
  const FitaRecord *rec = record;

  if (rec->table == FITA_TABLE_ITEM && ((const FitaItem *) record)->code != NULL &&
      g_utf8_validate (((const FitaItem *) record)->code, -1, NULL))
    /* Translators: a record and its name or number, e.g. "item 11.3", "budget line 41" */
    return g_strdup_printf (C_("record", "%s %s"), fita_table_noun (rec->table), ((const FitaItem *) record)->code);
  return describe_reference (rec->table, rec->id);
}

static void
load_record (gpointer record, gpointer user_data)
{
  FitaPlan *self = user_data;
  FitaRecord *rec = record;
  const char *damage = NULL;

  /* ids are positive (0 means "none") and leave room to number new ones;
   * two records with one id would replace each other, and free one that is
   * still listed */
  if (rec->id <= 0 || rec->id > FITA_MAX_ID)
    damage = _("%s: its number is out of range");
  else if (g_hash_table_contains (self->by_id[rec->table], &rec->id))
    damage = _("two records are numbered as %s");
  if (damage == NULL)
    {
      fita_plan_index_add (self, record);
      return;
    }
  if (self->load_error == NULL)
    {
      g_autofree char *what = describe_record (record);
      g_set_error (&self->load_error, FITA_ERROR, FITA_ERROR_CORRUPT, damage, what);
    }
  fita_record_free (record);
}

/* Every promise the readers rely on, checked once on what was loaded:
 * references and owners that exist, positions 0…n-1 in each list, items
 * and agents that are not inside themselves and not nested too deep, and
 * values within Fita's limits. A file that breaks one is damaged; saying
 * so is the alternative to crashing or showing garbage later. */
gboolean
fita_plan_check_records (FitaPlan *self, GError **error)
{
  g_autoptr(GError) local = NULL;

  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->load_error));
      return FALSE;
    }
  if (g_hash_table_size (self->by_id[FITA_TABLE_PLAN]) != 1)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT, _("it has %u title page records instead of one"),
                   g_hash_table_size (self->by_id[FITA_TABLE_PLAN]));
      return FALSE;
    }
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      GHashTableIter iter;
      gpointer record;

      g_hash_table_iter_init (&iter, self->by_id[t]);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        {
          for (guint f = 0; f < table->n_fields && local == NULL; f++)
            {
              const FitaField *field = &table->fields[f];
              gint64 value = fita_field_is_text (field) ? 0 : fita_record_get_int (record, field);

              if ((field->type == FITA_FIELD_OWNER || field->type == FITA_FIELD_REF) && value != 0 &&
                  fita_plan_lookup (self, field->ref, value) == NULL)
                {
                  g_autofree char *target = describe_reference (field->ref, value);
                  g_set_error (&local, FITA_ERROR, FITA_ERROR_CORRUPT, _("it refers to %s, which does not exist"), target);
                }
              else if (field->type == FITA_FIELD_OWNER && value == 0 && !(field->flags & FITA_FIELD_OPTIONAL_OWNER))
                g_set_error (&local, FITA_ERROR, FITA_ERROR_CORRUPT, _("it belongs to nothing"));
              else if (field->type == FITA_FIELD_POSITION &&
                       (value < 0 || value >= fita_plan_list (self, t, fita_record_owner (record))->len))
                g_set_error (&local, FITA_ERROR, FITA_ERROR_CORRUPT, _("its place in its list is out of order"));
              /* older files may hold negative amounts: check() names them */
              else if (!(field->type == FITA_FIELD_CENTS && value < 0 && value >= -FITA_MAX_CENTS) &&
                       field->type != FITA_FIELD_POSITION &&
                       !fita_field_validate (field, value, fita_field_is_text (field) ? fita_record_get_text (record, field) : NULL, &local))
                g_prefix_error (&local, "%s: ", field->name);
            }
          if (local != NULL)
            {
              g_autofree char *what = describe_record (record);
              g_prefix_error (&local, "%s: ", what);
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
        }
    }

  if (!fita_years_check_records (self, error))
    return FALSE;

  /* nesting: every item and agent reached from the top, none too deep */
  for (FitaTableId t = FITA_TABLE_AGENT; t <= FITA_TABLE_ITEM; t += FITA_TABLE_ITEM - FITA_TABLE_AGENT)
    {
      g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
      g_autoptr(GHashTable) reached = g_hash_table_new (g_int64_hash, g_int64_equal);
      gint64 top[2] = { 0, 0 };
      GHashTableIter iter;
      gpointer record;

      g_array_append_vals (stack, top, 1);
      while (stack->len > 0)
        {
          gint64 *entry = &g_array_index (stack, gint64, (stack->len - 1) * 2);
          gint64 owner = entry[0], depth = entry[1];
          GPtrArray *children = fita_plan_list (self, t, owner);

          g_array_set_size (stack, stack->len - 1);
          if (children->len > 0 && depth >= FITA_MAX_DEPTH)
            {
              g_autofree char *what = describe_record (g_ptr_array_index (children, 0));
              g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                           _("%s: it is nested more than %d levels deep"), what, FITA_MAX_DEPTH);
              return FALSE;
            }
          for (guint i = 0; i < children->len; i++)
            {
              FitaRecord *child = g_ptr_array_index (children, i);
              gint64 next[2] = { child->id, depth + 1 };
              g_hash_table_add (reached, &child->id);
              g_array_append_vals (stack, next, 1);
            }
        }
      if (g_hash_table_size (reached) == g_hash_table_size (self->by_id[t]))
        continue;
      /* what the walk from the top missed hangs from a loop (every owner
       * exists): climb from it until a record comes round again, which is
       * in the loop */
      g_hash_table_iter_init (&iter, self->by_id[t]);
      while (g_hash_table_iter_next (&iter, NULL, &record))
        if (!g_hash_table_contains (reached, &((FitaRecord *) record)->id))
          {
            g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
            FitaRecord *up = record;
            while (g_hash_table_add (seen, &up->id))
              up = fita_plan_lookup (self, t, fita_record_owner (up));
            {
              g_autofree char *what = describe_record (up);
              g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                           _("%s: it is inside itself (the items above it go round in a circle)"), what);
            }
            return FALSE;
          }
    }
  /* lists in order: each position once */
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      GHashTableIter iter;
      gpointer list;

      g_hash_table_iter_init (&iter, self->by_owner[t]);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        for (guint i = 0; i < ((GPtrArray *) list)->len; i++)
          if (fita_record_position (g_ptr_array_index ((GPtrArray *) list, i)) != (gint64) i &&
              fita_table (t)->position_field >= 0)
            {
              g_autofree char *what = describe_record (g_ptr_array_index ((GPtrArray *) list, i));
              g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT, _("%s: two records share its place in its list"), what);
              return FALSE;
            }
    }

  return TRUE;
}

/* A shared plan's lists may have gaps or ties in their positions where
 * two people added to one list at once: read in one order by every client
 * (by position, then by number), and numbered again in memory. */
static void
renumber_all (FitaPlan *self)
{
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      GHashTableIter iter;
      gpointer list;

      if (table->position_field < 0)
        continue;
      g_hash_table_iter_init (&iter, self->by_owner[t]);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        {
          g_ptr_array_sort (list, fita_record_compare_position);
          for (guint i = 0; i < ((GPtrArray *) list)->len; i++)
            fita_record_set_int (g_ptr_array_index ((GPtrArray *) list, i), &table->fields[table->position_field], i);
        }
    }
}

FitaPlan *
fita_plan_open (const char *path, FitaOpenFlags flags, GError **error)
{
  return fita_plan_open_full (path, flags, NULL, error);
}

FitaPlan *
fita_plan_open_full (const char *path, FitaOpenFlags flags, const char *password, GError **error)
{
  g_autoptr(FitaPlan) self = g_object_new (FITA_TYPE_PLAN, NULL);
  g_autoptr(GError) local = NULL;

  self->store = fita_store_open (path,
                                 (flags & FITA_OPEN_READ_ONLY) ? FITA_STORE_OPEN_READ_ONLY : 0,
                                 password, error);
  if (self->store == NULL)
    return NULL;
  if (!fita_store_load (self->store, load_record, self, error))
    return NULL;
  if (fita_store_is_shared (self->store))
    renumber_all (self);
  if (!fita_plan_check_records (self, &local))
    {
      /* Translators: %s says what is wrong, e.g. "item 41: it refers to status 7, which does not exist" */
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                   _("The plan is damaged (%s). Restore it from a backup copy; Fita has not changed it."),
                   local->message);
      return NULL;
    }
  /* a file whose storage is damaged is never written */
  if (!fita_store_is_read_only (self->store) && !fita_store_quick_check (self->store, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean
write_all (FitaPlan *self, FitaStore *store, GError **error)
{
  /* Tables are in dependency order; within a table, owners come before
   * what they own (preorder), so every reference exists when written. */
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      g_autoptr(GPtrArray) queue = g_ptr_array_new ();
      GPtrArray *top = fita_plan_owner_list (self, t, 0, FALSE);

      if (top != NULL)
        g_ptr_array_extend (queue, top, NULL, NULL);
      if (table->owner_field >= 0 && fita_table (table->fields[table->owner_field].ref) != table)
        {
          /* owned by another table: all lists, any order */
          GHashTableIter iter;
          gpointer key, value;
          g_hash_table_iter_init (&iter, self->by_owner[t]);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (*(gint64 *) key != 0)
              g_ptr_array_extend (queue, value, NULL, NULL);
        }
      for (guint i = 0; i < queue->len; i++)
        {
          FitaRecord *rec = g_ptr_array_index (queue, i);
          if (!fita_store_insert (store, rec, error))
            return FALSE;
          if (table->json_self_key != NULL)
            {
              GPtrArray *children = fita_plan_owner_list (self, t, rec->id, FALSE);
              if (children != NULL)
                g_ptr_array_extend (queue, children, NULL, NULL);
            }
        }
    }
  return TRUE;
}

gboolean
fita_plan_save_new (FitaPlan *self, const char *path, GError **error)
{
  FitaStore *store;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  store = fita_store_create (path, NULL, error);
  if (store == NULL)
    return FALSE;
  if (!fita_store_begin (store, error) ||
      !write_all (self, store, error) ||
      !fita_plan_write_imported_log (self, store, error) ||
      /* Translators: the change log's entry for a plan written to a new file */
      !fita_plan_log_change (self, store, NULL, _("Create Plan"), error) ||
      !fita_store_commit (store, error))
    {
      fita_store_rollback (store);
      fita_store_close (store);
      g_remove (path);
      return FALSE;
    }
  g_clear_pointer (&self->store, fita_store_close);
  self->store = store;
  /* the file holds it now */
  g_clear_pointer (&self->imported_log, g_ptr_array_unref);
  return TRUE;
}

/* Writes the whole plan, with its change log, to a new store at location
 * (a file, or a plan on a server). */
static gboolean
write_copy (FitaPlan *self, const char *location, GError **error)
{
  FitaStore *store = fita_store_create (location, NULL, error);
  gboolean ok;

  if (store == NULL)
    return FALSE;
  ok = fita_store_begin (store, error) && write_all (self, store, error) &&
       (self->store != NULL ? fita_plan_copy_log (self, store, error)
                            : fita_plan_write_imported_log (self, store, error)) &&
       fita_store_commit (store, error);
  if (!ok)
    fita_store_rollback (store);
  fita_store_close (store);
  if (!ok && !fita_store_location_is_shared (location))
    g_remove (location);
  return ok;
}

gboolean
fita_plan_save_copy (FitaPlan *self, const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  /* A file copies itself (SQLite's backup); an unsaved plan, a shared
   * plan, or a copy onto a server is written record by record. */
  if (self->store == NULL || fita_store_location_is_shared (path))
    return write_copy (self, path, error);
  if (fita_store_backup (self->store, path, &local))
    return TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return write_copy (self, path, error);
}

char *
fita_plan_save_snapshot (FitaPlan *self, GError **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  folder = g_dir_make_tmp ("fita-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  path = g_build_filename (folder, "snapshot.fita", NULL);
  if (!fita_plan_save_copy (self, path, error))
    {
      g_unlink (path);
      g_rmdir (folder);
      return NULL;
    }
  return g_steal_pointer (&path);
}

void
fita_plan_remove_snapshot (const char *snapshot)
{
  g_autofree char *folder = NULL;

  if (snapshot == NULL)
    return;
  folder = g_path_get_dirname (snapshot);
  g_unlink (snapshot);
  g_rmdir (folder);
}

void
fita_plan_close (FitaPlan *self)
{
  g_clear_pointer (&self->store, fita_store_close);
}

const char *
fita_plan_get_path (FitaPlan *self)
{
  return self->store ? fita_store_get_path (self->store) : NULL;
}

gboolean
fita_plan_is_read_only (FitaPlan *self)
{
  return self->view_year != 0 || (self->store != NULL && fita_store_is_read_only (self->store));
}

const char *
fita_plan_get_read_only_reason (FitaPlan *self)
{
  if (self->view_year != 0)
    return self->view_reason;
  return self->store ? fita_store_get_read_only_reason (self->store) : NULL;
}

gboolean
fita_plan_was_recovered (FitaPlan *self)
{
  return self->store != NULL && fita_store_was_recovered (self->store);
}

const char *
fita_plan_get_backup_path (FitaPlan *self)
{
  return self->store ? fita_store_get_backup_path (self->store) : NULL;
}

guint64
fita_plan_get_generation (FitaPlan *self)
{
  return self->generation;
}

/* Reading */

FitaPlanInfo *
fita_plan_get_info (FitaPlan *self)
{
  return ensure_info (self);
}

char *
fita_format_years (gint64 start, gint64 end, FitaTranslator *tr)
{
  if (start != FITA_NONE && end != FITA_NONE && start != end)
    /* Translators: the years a plan or an item covers, e.g. "2019–2026" */
    return g_strdup_printf (TC_ (tr, "period of years", "%d–%d"), (int) start, (int) end);
  if (start != FITA_NONE || end != FITA_NONE)
    return g_strdup_printf ("%" G_GINT64_FORMAT, start != FITA_NONE ? start : end);
  return NULL;
}

char *
fita_plan_format_period (FitaPlan *self)
{
  FitaPlanInfo *info = fita_plan_get_info (self);

  return fita_format_years (info->period_start, info->period_end, NULL);
}

gint64
fita_plan_default_year (FitaPlan *self)
{
  FitaPlanInfo *info = fita_plan_get_info (self);
  gint64 start = info->period_start, end = info->period_end;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 year = info->followed_year;

  /* a period written backwards still has a first and a last year */
  if (start != FITA_NONE && end != FITA_NONE && start > end)
    {
      gint64 swap = start;
      start = end;
      end = swap;
    }
  if (year == FITA_NONE || (start != FITA_NONE && year < start) || (end != FITA_NONE && year > end))
    {
      year = g_date_time_get_year (now);
      if (end != FITA_NONE && year > end)
        year = end;
      if (start != FITA_NONE && year < start)
        year = start;
    }
  return year;
}

gpointer
fita_plan_lookup (FitaPlan *self, FitaTableId table, gint64 id)
{
  return g_hash_table_lookup (self->by_id[table], &id);
}

GPtrArray *
fita_plan_list (FitaPlan *self, FitaTableId table, gint64 owner)
{
  GPtrArray *list;

  /* in the middle of a change, lists are put back in order when read */
  if (self->unsorted->len > 0)
    fita_plan_sort_unsorted (self);
  list = fita_plan_owner_list (self, table, owner, FALSE);

  return list ? list : empty_list;
}

guint
fita_plan_count (FitaPlan *self, FitaTableId table)
{
  return g_hash_table_size (self->by_id[table]);
}

gpointer
fita_plan_find_by_name (FitaPlan *self, FitaTableId table, const char *name)
{
  const FitaTable *t = fita_table (table);
  GHashTableIter iter;
  gpointer record;

  g_return_val_if_fail (t->name_field >= 0, NULL);
  g_hash_table_iter_init (&iter, self->by_id[table]);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    if (g_strcmp0 (fita_record_get_text (record, &t->fields[t->name_field]), name) == 0)
      return record;
  return NULL;
}

FitaItem *
fita_plan_find_item (FitaPlan *self, const char *code)
{
  if (self->code_index == NULL)
    {
      GHashTableIter iter;
      FitaItem *item;

      /* its own copies of the codes: a change frees the old ones */
      self->code_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, self->by_id[FITA_TABLE_ITEM]);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &item))
        if (item->code != NULL)
          g_hash_table_insert (self->code_index, g_strdup (item->code), item);
    }
  return code ? g_hash_table_lookup (self->code_index, code) : NULL;
}

static void
preorder (FitaPlan *self, gint64 owner, GPtrArray *out)
{
  GPtrArray *children = fita_plan_list (self, FITA_TABLE_ITEM, owner);

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *child = g_ptr_array_index (children, i);
      g_ptr_array_add (out, child);
      preorder (self, child->rec.id, out);
    }
}

GPtrArray *
fita_plan_items_preorder (FitaPlan *self, FitaItem *root)
{
  GPtrArray *out = g_ptr_array_new ();

  if (root != NULL)
    g_ptr_array_add (out, root);
  preorder (self, root ? root->rec.id : 0, out);
  return out;
}

guint
fita_plan_item_depth (FitaPlan *self, FitaItem *item)
{
  guint depth = 0;

  while (item != NULL && item->parent_id != 0)
    {
      item = fita_plan_lookup (self, FITA_TABLE_ITEM, item->parent_id);
      depth++;
    }
  return depth;
}

gboolean
fita_plan_item_is_leaf (FitaPlan *self, FitaItem *item)
{
  return fita_plan_list (self, FITA_TABLE_ITEM, item->rec.id)->len == 0;
}

gpointer
fita_plan_new_record (FitaPlan *self, FitaTableId table)
{
  gint64 id = 0;

  /* In a shared plan others add records too: the server numbers them. If
   * it cannot be reached, the record's change fails to be written anyway. */
  if (self->store != NULL)
    id = fita_store_allocate_id (self->store, table, NULL);
  if (id > 0)
    {
      self->next_id[table] = MAX (self->next_id[table], id + 1);
      return fita_record_new (table, id);
    }
  return fita_record_new (table, self->next_id[table]++);
}

FitaStore *
fita_plan_get_store (FitaPlan *self)
{
  return self->store;
}
