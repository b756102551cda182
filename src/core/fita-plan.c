#include "config.h"
#include "fita-plan.h"
#include "fita-error.h"
#include "fita-money.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

typedef enum { OP_SET, OP_INSERT, OP_DELETE } OpKind;

/* One step of a change, with what it takes to undo it. */
typedef struct {
  OpKind kind;
  FitaTableId table;
  gint64 id;
  guint field;                 /* OP_SET */
  gint64 old_int, new_int;     /* OP_SET, scalar fields */
  char *old_text, *new_text;   /* OP_SET, text fields */
  gpointer snapshot;           /* OP_INSERT/OP_DELETE: the record as it is in the plan */
} Op;

typedef struct {
  char *label;
  GPtrArray *ops;              /* of Op */
} Change;

struct _FitaPlan {
  GObject parent_instance;

  FitaStore *store;
  GHashTable *by_id[FITA_N_TABLES];     /* id → record, owned */
  GHashTable *by_owner[FITA_N_TABLES];  /* owner id → GPtrArray of records */
  gint64 next_id[FITA_N_TABLES];
  guint64 generation;

  /* the change being made */
  guint depth;
  Change *current;
  GError *change_error;
  gboolean in_transaction;
  GArray *unsorted;                     /* (table, owner) pairs to re-sort */

  GPtrArray *undo;                      /* of Change */
  GPtrArray *redo;
  /* what the history properties last said, to notify only real changes */
  Change *undo_top, *redo_top;

  GHashTable *code_index;               /* code → item; dropped by any change to items */
  GError *load_error;                   /* the first damage seen while loading */
};

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FitaPlan, fita_plan, G_TYPE_OBJECT)

static GPtrArray *empty_list;

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->old_text);
  g_free (op->new_text);
  fita_record_free (op->snapshot);
  g_free (op);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  if (change == NULL)
    return;
  g_free (change->label);
  g_ptr_array_unref (change->ops);
  g_free (change);
}

static Change *
change_new (const char *label)
{
  Change *change = g_new0 (Change, 1);

  change->label = g_strdup (label);
  change->ops = g_ptr_array_new_with_free_func (op_free);
  return change;
}

static gboolean
field_is_text (const FitaField *field)
{
  return field->type == FITA_FIELD_TEXT || field->type == FITA_FIELD_SEMESTERS;
}

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
  g_clear_pointer (&self->current, change_free);
  g_clear_error (&self->change_error);
  g_clear_error (&self->load_error);
  g_array_unref (self->unsorted);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->code_index, g_hash_table_unref);

  G_OBJECT_CLASS (fita_plan_parent_class)->finalize (object);
}

static void
fita_plan_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaPlan *self = FITA_PLAN (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fita_plan_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, fita_plan_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, fita_plan_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, fita_plan_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_plan_class_init (FitaPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fita_plan_finalize;
  object_class->get_property = fita_plan_get_property;

  /* The history, for Undo and Redo buttons to bind: notified only when
   * what they say changes, after the stacks took the change. */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  empty_list = g_ptr_array_new ();

  /**
   * FitaPlan::changed:
   * @changes: (type gpointer): what changed, a #FitaChanges valid during
   *   the emission
   *
   * Emitted after a change (or its undo/redo) was made and saved.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
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
  self->undo = g_ptr_array_new_with_free_func (change_free);
  self->redo = g_ptr_array_new_with_free_func (change_free);
}

/* Indexes */

static GPtrArray *
owner_list (FitaPlan *self, FitaTableId table, gint64 owner, gboolean create)
{
  GPtrArray *list = g_hash_table_lookup (self->by_owner[table], &owner);

  if (list == NULL && create)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_owner[table], g_memdup2 (&owner, sizeof owner), list);
    }
  return list;
}

static void
mark_unsorted (FitaPlan *self, FitaTableId table, gint64 owner)
{
  gint64 pair[2] = { table, owner };

  g_array_append_vals (self->unsorted, pair, 1);
}

static void
index_add (FitaPlan *self, gpointer record)
{
  FitaRecord *rec = record;

  g_hash_table_insert (self->by_id[rec->table], &rec->id, record);
  g_ptr_array_add (owner_list (self, rec->table, fita_record_owner (record), TRUE), record);
  if (rec->id >= self->next_id[rec->table])
    self->next_id[rec->table] = rec->id + 1;
}

static void
index_unlink (FitaPlan *self, gpointer record)
{
  FitaRecord *rec = record;
  GPtrArray *list = owner_list (self, rec->table, fita_record_owner (record), FALSE);

  if (list != NULL)
    g_ptr_array_remove (list, record);
}

void
fita_plan_adopt_record (FitaPlan *self, gpointer record)
{
  index_add (self, record);
}

static int
compare_position (gconstpointer a, gconstpointer b)
{
  gint64 pa = fita_record_position (*(gconstpointer *) a);
  gint64 pb = fita_record_position (*(gconstpointer *) b);

  return pa < pb ? -1 : pa > pb;
}

static void
sort_unsorted (FitaPlan *self)
{
  for (guint i = 0; i < self->unsorted->len; i++)
    {
      gint64 *pair = &g_array_index (self->unsorted, gint64, i * 2);
      GPtrArray *list = owner_list (self, pair[0], pair[1], FALSE);

      if (list != NULL)
        g_ptr_array_sort (list, compare_position);
    }
  g_array_set_size (self->unsorted, 0);
}

/* Construction */

static FitaPlanInfo *
ensure_info (FitaPlan *self)
{
  GPtrArray *list = owner_list (self, FITA_TABLE_PLAN, 0, FALSE);

  if (list != NULL && list->len > 0)
    return g_ptr_array_index (list, 0);
  return NULL;
}

FitaPlan *
fita_plan_new (void)
{
  FitaPlan *self = g_object_new (FITA_TYPE_PLAN, NULL);
  FitaPlanInfo *info = fita_record_new (FITA_TABLE_PLAN, 1);

  index_add (self, info);
  return self;
}

static void
add_named (FitaPlan *self, FitaTableId table, const char *name, gint64 position)
{
  gpointer record = fita_plan_new_record (self, table);
  const FitaTable *t = fita_table (table);

  fita_record_set_text (record, &t->fields[t->name_field], name);
  fita_record_set_int (record, &t->fields[t->position_field], position);
  index_add (self, record);
}

FitaPlan *
fita_plan_new_default (const char *title)
{
  FitaPlan *self = fita_plan_new ();
  FitaPlanInfo *info = fita_plan_get_info (self);
  FitaLevel *level;
  FitaStatus *status;
  GDateTime *now = g_date_time_new_now_local ();
  const char *status_colours[] = { "#9a9996", "#3584e4", "#2ec27e" };
  const gint64 status_percents[] = { 0, FITA_NONE, 100 };

  fita_record_set_text (info, &fita_table (FITA_TABLE_PLAN)->fields[1], title);
  info->followed_year = g_date_time_get_year (now);
  g_date_time_unref (now);

  /* Translators: the default names of the levels of a new plan's hierarchy. */
  add_named (self, FITA_TABLE_LEVEL, C_("level", "Objective"), 0);
  add_named (self, FITA_TABLE_LEVEL, C_("level", "Action"), 1);
  level = g_ptr_array_index (fita_plan_list (self, FITA_TABLE_LEVEL, 0), 1);
  level->depth = 1;

  /* Translators: the default statuses of a new plan's items. */
  add_named (self, FITA_TABLE_STATUS, C_("status", "Not started"), 0);
  add_named (self, FITA_TABLE_STATUS, C_("status", "In progress"), 1);
  add_named (self, FITA_TABLE_STATUS, C_("status", "Done"), 2);
  for (guint i = 0; i < 3; i++)
    {
      status = g_ptr_array_index (fita_plan_list (self, FITA_TABLE_STATUS, 0), i);
      status->percent = status_percents[i];
      fita_record_set_text (status, &fita_table (FITA_TABLE_STATUS)->fields[4], status_colours[i]);
    }

  /* Translators: a budget chapter, as in the Spanish public budget
   * ("Capítol 1" in Catalan, "Capítulo 1" in Spanish). */
  add_named (self, FITA_TABLE_CHAPTER, _("Chapter 1. Staff"), 0);
  add_named (self, FITA_TABLE_CHAPTER, _("Chapter 2. Goods and services"), 1);
  add_named (self, FITA_TABLE_CHAPTER, _("Other chapters"), 2);
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
      index_add (self, record);
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
              gint64 value = field_is_text (field) ? 0 : fita_record_get_int (record, field);

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
                       !fita_field_validate (field, value, field_is_text (field) ? fita_record_get_text (record, field) : NULL, &local))
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

FitaPlan *
fita_plan_open (const char *path, FitaOpenFlags flags, GError **error)
{
  g_autoptr(FitaPlan) self = g_object_new (FITA_TYPE_PLAN, NULL);
  g_autoptr(GError) local = NULL;

  self->store = fita_store_open (path,
                                 (flags & FITA_OPEN_READ_ONLY) ? FITA_STORE_OPEN_READ_ONLY : 0,
                                 error);
  if (self->store == NULL)
    return NULL;
  if (!fita_store_load (self->store, load_record, self, error))
    return NULL;
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
      GPtrArray *top = owner_list (self, t, 0, FALSE);

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
              GPtrArray *children = owner_list (self, t, rec->id, FALSE);
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

  store = fita_store_create (path, error);
  if (store == NULL)
    return FALSE;
  if (!fita_store_begin (store, error) ||
      !write_all (self, store, error) ||
      !fita_store_commit (store, error))
    {
      fita_store_rollback (store);
      fita_store_close (store);
      g_remove (path);
      return FALSE;
    }
  g_clear_pointer (&self->store, fita_store_close);
  self->store = store;
  return TRUE;
}

gboolean
fita_plan_save_copy (FitaPlan *self, const char *path, GError **error)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (self->store == NULL)
    {
      /* An unsaved plan: write it out through a temporary attachment. */
      FitaStore *store = fita_store_create (path, error);
      gboolean ok;
      if (store == NULL)
        return FALSE;
      ok = fita_store_begin (store, error) && write_all (self, store, error) &&
           fita_store_commit (store, error);
      fita_store_close (store);
      if (!ok)
        g_remove (path);
      return ok;
    }
  return fita_store_backup (self->store, path, error);
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
  return self->store != NULL && fita_store_is_read_only (self->store);
}

const char *
fita_plan_get_read_only_reason (FitaPlan *self)
{
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
    sort_unsorted (self);
  list = owner_list (self, table, owner, FALSE);

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
  return fita_record_new (table, self->next_id[table]++);
}

/* Applying steps */

static gboolean
apply_op (FitaPlan *self, Op *op, gboolean forward, gboolean write, GError **error)
{
  OpKind kind = op->kind;
  const FitaTable *table = fita_table (op->table);
  gpointer record;

  if (!forward && kind != OP_SET)
    kind = kind == OP_INSERT ? OP_DELETE : OP_INSERT;
  if (op->table == FITA_TABLE_ITEM)
    g_clear_pointer (&self->code_index, g_hash_table_unref);

  switch (kind)
    {
    case OP_SET:
      {
        const FitaField *field = &table->fields[op->field];
        gboolean moves = (int) op->field == table->owner_field || (int) op->field == table->position_field;
        gint64 old_owner;

        record = fita_plan_lookup (self, op->table, op->id);
        g_assert (record != NULL);
        old_owner = fita_record_owner (record);
        if (moves)
          index_unlink (self, record);
        if (field_is_text (field))
          fita_record_set_text (record, field, forward ? op->new_text : op->old_text);
        else
          fita_record_set_int (record, field, forward ? op->new_int : op->old_int);
        if (moves)
          {
            g_ptr_array_add (owner_list (self, op->table, fita_record_owner (record), TRUE), record);
            mark_unsorted (self, op->table, fita_record_owner (record));
            mark_unsorted (self, op->table, old_owner);
          }
        if (write && !fita_store_update (self->store, record, op->field, error))
          {
            /* put it back as it was */
            if (moves)
              index_unlink (self, record);
            if (field_is_text (field))
              fita_record_set_text (record, field, forward ? op->old_text : op->new_text);
            else
              fita_record_set_int (record, field, forward ? op->old_int : op->new_int);
            if (moves)
              g_ptr_array_add (owner_list (self, op->table, old_owner, TRUE), record);
            return FALSE;
          }
        return TRUE;
      }
    case OP_INSERT:
      if (write && !fita_store_insert (self->store, op->snapshot, error))
        return FALSE;
      record = fita_record_copy (op->snapshot);
      index_add (self, record);
      mark_unsorted (self, op->table, fita_record_owner (record));
      return TRUE;
    case OP_DELETE:
      if (write && !fita_store_delete (self->store, op->table, op->id, error))
        return FALSE;
      record = fita_plan_lookup (self, op->table, op->id);
      g_assert (record != NULL);
      index_unlink (self, record);
      g_hash_table_remove (self->by_id[op->table], &op->id);
      return TRUE;
    }
  g_assert_not_reached ();
}

/* Undoes, in memory only, the steps of the current change already applied:
 * the file is put back by the transaction's rollback. */
static void
revert_current (FitaPlan *self)
{
  GPtrArray *ops = self->current->ops;

  for (guint i = ops->len; i > 0; i--)
    apply_op (self, g_ptr_array_index (ops, i - 1), FALSE, FALSE, NULL);
  g_ptr_array_set_size (ops, 0);
  sort_unsorted (self);
}

void
fita_plan_begin (FitaPlan *self, const char *label)
{
  g_return_if_fail (FITA_IS_PLAN (self));

  if (self->depth++ > 0)
    return;
  self->current = change_new (label);
  g_clear_error (&self->change_error);
  self->in_transaction = FALSE;
}

static void
fail_current (FitaPlan *self, GError *error)
{
  if (self->in_transaction)
    fita_store_rollback (self->store);
  self->in_transaction = FALSE;
  revert_current (self);
  self->change_error = error;
}

/* Runs one step as part of the current change; takes op. */
static gboolean
record_op (FitaPlan *self, Op *op, GError **error)
{
  GError *local = NULL;

  g_assert (self->depth > 0);
  if (self->change_error != NULL)
    {
      op_free (op);
      if (error)
        *error = g_error_copy (self->change_error);
      return FALSE;
    }
  if (self->store != NULL && !self->in_transaction)
    {
      if (!fita_store_begin (self->store, &local))
        {
          op_free (op);
          fail_current (self, local);
          if (error)
            *error = g_error_copy (local);
          return FALSE;
        }
      self->in_transaction = TRUE;
    }
  if (!apply_op (self, op, TRUE, self->store != NULL, &local))
    {
      op_free (op);
      fail_current (self, local);
      if (error)
        *error = g_error_copy (local);
      return FALSE;
    }
  g_ptr_array_add (self->current->ops, op);
  return TRUE;
}

/* A step refused before it ran (a bad value, a missing record) fails the
 * whole change it is part of, like a step that failed to write. */
static gboolean
refuse (FitaPlan *self, GError *local, GError **error)
{
  if (self->depth > 0 && self->change_error == NULL)
    fail_current (self, g_error_copy (local));
  g_propagate_error (error, local);
  return FALSE;
}

struct _FitaChanges {
  FitaPlan *plan;
  GPtrArray *ops;
};

static void
finish_change (FitaPlan *self, Change *change)
{
  FitaChanges changes = { self, change->ops };

  sort_unsorted (self);
  self->generation++;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, &changes);
}

guint
fita_changes_get_length (const FitaChanges *changes)
{
  return changes->ops->len;
}

void
fita_changes_get (const FitaChanges *changes,
                  guint               index,
                  FitaTableId        *table,
                  gint64             *id,
                  FitaChangeKind     *kind,
                  const char        **field)
{
  Op *op = g_ptr_array_index (changes->ops, index);

  if (table)
    *table = op->table;
  if (id)
    *id = op->id;
  if (kind)
    *kind = op->kind == OP_SET ? FITA_CHANGE_UPDATED : op->kind == OP_INSERT ? FITA_CHANGE_INSERTED : FITA_CHANGE_DELETED;
  if (field)
    *field = op->kind == OP_SET ? fita_table (op->table)->fields[op->field].name : NULL;
}

gboolean
fita_changes_touches (const FitaChanges *changes, FitaTableId table)
{
  for (guint i = 0; i < changes->ops->len; i++)
    if (((Op *) g_ptr_array_index (changes->ops, i))->table == table)
      return TRUE;
  return FALSE;
}

gboolean
fita_changes_list_changed (const FitaChanges *changes, FitaTableId table, gint64 owner)
{
  const FitaTable *t = fita_table (table);

  for (guint i = 0; i < changes->ops->len; i++)
    {
      Op *op = g_ptr_array_index (changes->ops, i);
      gpointer record;

      if (op->table != table)
        continue;
      if (op->kind != OP_SET)
        {
          if (fita_record_owner (op->snapshot) == owner)
            return TRUE;
          continue;
        }
      if ((int) op->field == t->owner_field && (op->old_int == owner || op->new_int == owner))
        return TRUE;
      if ((int) op->field == t->position_field &&
          (record = fita_plan_lookup (changes->plan, table, op->id)) != NULL &&
          fita_record_owner (record) == owner)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_field (const Op *op, const char *const *names)
{
  const char *name = fita_table (op->table)->fields[op->field].name;

  return g_strv_contains (names, name);
}

FitaChangesEffects
fita_changes_get_effects (const FitaChanges *changes)
{
  /* the fields a roll-up reads: a leaf's own figure or its status's, the
   * weights, the tree's shape and the plan's rule */
  static const char *const item_progress[] = { "parent_id", "status_id", "progress", "weight", NULL };
  static const char *const status_progress[] = { "percent", NULL };
  static const char *const plan_progress[] = { "progress_rule", "progress_missing", "progress_decimals", NULL };
  /* and those the budget tables read: the tree, the planned totals, the
   * years of the period */
  static const char *const item_budgets[] = { "parent_id", "planned_total_cents", NULL };
  static const char *const plan_budgets[] = { "period_start", "period_end", NULL };
  FitaChangesEffects effects = FITA_CHANGES_ALTER_NOTHING;

  g_return_val_if_fail (changes != NULL, FITA_CHANGES_ALTER_NOTHING);

  for (guint i = 0; i < changes->ops->len; i++)
    {
      const Op *op = g_ptr_array_index (changes->ops, i);
      gboolean set = op->kind == OP_SET;

      switch (op->table)
        {
        case FITA_TABLE_ITEM:
          if (!set || is_field (op, item_progress))
            effects |= FITA_CHANGES_ALTER_PROGRESS;
          if (!set || is_field (op, item_budgets))
            effects |= FITA_CHANGES_ALTER_BUDGETS;
          break;
        case FITA_TABLE_STATUS:
          /* a status that comes or goes takes its items' figure with it */
          if (!set || is_field (op, status_progress))
            effects |= FITA_CHANGES_ALTER_PROGRESS;
          break;
        case FITA_TABLE_BUDGET_LINE:
        case FITA_TABLE_CHAPTER:
          effects |= FITA_CHANGES_ALTER_BUDGETS;
          break;
        case FITA_TABLE_PLAN:
          if (set && is_field (op, plan_progress))
            effects |= FITA_CHANGES_ALTER_PROGRESS;
          if (set && is_field (op, plan_budgets))
            effects |= FITA_CHANGES_ALTER_BUDGETS;
          break;
        default:
          break;
        }
    }
  return effects;
}

/* What becomes of a change that succeeds, done before "changed" is emitted
 * so that handlers see the undo and redo stacks as they now are. */
typedef struct {
  GPtrArray *history;      /* where the change goes (the undo stack), or NULL */
  gboolean clear_redo;     /* a new change: nothing left to redo */
  Change *moved;           /* undo/redo: the change that moves from one stack… */
  GPtrArray *moved_to;     /* …to the other */
} Landing;

static Change *
top_of (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

/* Notifies the history properties that the stacks' last moves changed. */
static void
notify_history (FitaPlan *self)
{
  Change *undo_top = top_of (self->undo);
  Change *redo_top = top_of (self->redo);

  if (undo_top == self->undo_top && redo_top == self->redo_top)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if ((undo_top == NULL) != (self->undo_top == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if ((redo_top == NULL) != (self->redo_top == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (undo_top != self->undo_top)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (redo_top != self->redo_top)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  self->undo_top = undo_top;
  self->redo_top = redo_top;
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
end_change (FitaPlan *self, const Landing *landing, GError **error)
{
  Change *change;

  g_return_val_if_fail (self->depth > 0, FALSE);
  if (--self->depth > 0)
    {
      if (self->change_error != NULL)
        {
          g_propagate_error (error, g_error_copy (self->change_error));
          return FALSE;
        }
      return TRUE;
    }

  if (self->in_transaction)
    {
      GError *local = NULL;
      /* A commit that fails is rolled back by the store; the memory is put
       * back as for a step that failed. */
      self->in_transaction = FALSE;
      if (!fita_store_commit (self->store, &local))
        fail_current (self, local);
    }
  change = g_steal_pointer (&self->current);
  if (self->change_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->change_error));
      change_free (change);
      return FALSE;
    }
  if (landing->history != NULL && change->ops->len > 0)
    g_ptr_array_add (landing->history, change);
  if (landing->clear_redo && change->ops->len > 0)
    g_ptr_array_set_size (self->redo, 0);
  if (landing->moved != NULL)
    g_ptr_array_add (landing->moved_to, landing->moved);
  notify_history (self);
  if (change->ops->len > 0)
    finish_change (self, change);
  if (landing->history == NULL || change->ops->len == 0)
    change_free (change);
  return TRUE;
}

gboolean
fita_plan_end (FitaPlan *self, GError **error)
{
  Landing landing = { self->undo, TRUE, NULL, NULL };

  return end_change (self, &landing, error);
}

void
fita_plan_cancel (FitaPlan *self)
{
  g_autoptr(GError) ignored = NULL;

  g_return_if_fail (self->depth > 0);
  if (self->change_error == NULL)
    fail_current (self, g_error_new_literal (FITA_ERROR, FITA_ERROR_INVALID, "cancelled"));
  fita_plan_end (self, &ignored);
}

/* Public changes */

static const FitaField *
settable_field (gpointer record, const char *name, guint *index, GError **error)
{
  const FitaTable *table = fita_table (((FitaRecord *) record)->table);
  int f = fita_table_field_index (table, name);

  if (f < 0 || table->fields[f].type == FITA_FIELD_ID ||
      table->fields[f].type == FITA_FIELD_OWNER || table->fields[f].type == FITA_FIELD_POSITION)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“%s” is not a field that can be set here."), name);
      return NULL;
    }
  *index = f;
  return &table->fields[f];
}

/* A step that sets one field of record; the caller fills in the values. */
static Op *
set_op (gpointer record, guint field)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_SET;
  op->table = ((FitaRecord *) record)->table;
  op->id = ((FitaRecord *) record)->id;
  op->field = field;
  return op;
}

/* Which item (and year) a refused value belongs to, so that a message about
 * a budget cell reads "11.3, 2025: …". */
static void
prefix_with_record (FitaPlan *self, gconstpointer record, gint64 owner, GError **error)
{
  const FitaRecord *rec = record;
  FitaItem *item = NULL;
  gint64 year = FITA_NONE;

  if (rec->table == FITA_TABLE_ITEM)
    item = (FitaItem *) record;
  else if (rec->table == FITA_TABLE_BUDGET_LINE)
    {
      item = fita_plan_lookup (self, FITA_TABLE_ITEM, owner);
      year = ((const FitaBudgetLine *) record)->year;
    }
  if (item == NULL || item->code == NULL)
    return;
  if (year != FITA_NONE)
    /* Translators: an item's code and a year, before a message about a budget amount */
    g_prefix_error (error, _("%s, %d: "), item->code, (int) year);
  else
    g_prefix_error (error, "%s: ", item->code);
}

static gboolean
run_single (FitaPlan *self, Op *op, GError **error)
{
  gboolean ok;

  fita_plan_begin (self, NULL);
  record_op (self, op, NULL);
  ok = fita_plan_end (self, error);
  return ok;
}

gboolean
fita_plan_set_int (FitaPlan *self, gpointer record, const char *name, gint64 value, GError **error)
{
  const FitaField *field;
  GError *local = NULL;
  guint index;
  Op *op;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (!(field = settable_field (record, name, &index, &local)))
    return refuse (self, local, error);
  if (field_is_text (field))
    {
      g_set_error (&local, FITA_ERROR, FITA_ERROR_INVALID, _("The %s is text, not a number."), name);
      return refuse (self, local, error);
    }
  if (field->type == FITA_FIELD_REF && value != 0 &&
      fita_plan_lookup (self, field->ref, value) == NULL)
    {
      g_set_error (&local, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("The %s refers to a record that does not exist."), name);
      return refuse (self, local, error);
    }
  if (!fita_field_validate (field, value, NULL, &local))
    {
      prefix_with_record (self, record, fita_record_owner (record), &local);
      return refuse (self, local, error);
    }
  if (fita_record_get_int (record, field) == value)
    return TRUE;

  op = set_op (record, index);
  op->old_int = fita_record_get_int (record, field);
  op->new_int = value;
  return self->depth > 0 ? record_op (self, op, error) : run_single (self, op, error);
}

gboolean
fita_plan_set_text (FitaPlan *self, gpointer record, const char *name, const char *value, GError **error)
{
  g_autofree char *normalised = NULL;
  const FitaField *field;
  GError *local = NULL;
  guint index;
  Op *op;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (!(field = settable_field (record, name, &index, &local)))
    return refuse (self, local, error);
  if (!field_is_text (field))
    {
      g_set_error (&local, FITA_ERROR, FITA_ERROR_INVALID, _("The %s is a number, not text."), name);
      return refuse (self, local, error);
    }
  if (value != NULL && *value == '\0')
    value = NULL;
  if (field->type == FITA_FIELD_SEMESTERS)
    value = normalised = fita_semesters_normalise (value);
  if (!fita_field_validate (field, 0, value, &local))
    return refuse (self, local, error);
  if (g_strcmp0 (fita_record_get_text (record, field), value) == 0)
    return TRUE;

  op = set_op (record, index);
  op->old_text = g_strdup (fita_record_get_text (record, field));
  op->new_text = g_strdup (value);
  return self->depth > 0 ? record_op (self, op, error) : run_single (self, op, error);
}

static gboolean
set_structural (FitaPlan *self, gpointer record, int field, gint64 value, GError **error)
{
  const FitaTable *table = fita_table (((FitaRecord *) record)->table);
  Op *op;

  if (fita_record_get_int (record, &table->fields[field]) == value)
    return TRUE;
  op = set_op (record, field);
  op->old_int = fita_record_get_int (record, &table->fields[field]);
  op->new_int = value;
  return record_op (self, op, error);
}

/* Gives the records of a list positions 0, 1, 2… from `from` on. */
static gboolean
renumber (FitaPlan *self, FitaTableId table, gint64 owner, GError **error)
{
  const FitaTable *t = fita_table (table);
  g_autoptr(GPtrArray) list = NULL;

  if (t->position_field < 0)
    return TRUE;
  list = g_ptr_array_copy (fita_plan_list (self, table, owner), NULL, NULL);
  g_ptr_array_sort (list, compare_position);
  for (guint i = 0; i < list->len; i++)
    if (!set_structural (self, g_ptr_array_index (list, i), t->position_field, i, error))
      return FALSE;
  return TRUE;
}

/* Makes room at index in a list: positions index… move up by one. */
static gboolean
open_gap (FitaPlan *self, FitaTableId table, gint64 owner, guint index, GError **error)
{
  const FitaTable *t = fita_table (table);
  g_autoptr(GPtrArray) list = g_ptr_array_copy (fita_plan_list (self, table, owner), NULL, NULL);

  for (guint i = list->len; i > index; i--)
    if (!set_structural (self, g_ptr_array_index (list, i - 1), t->position_field, i, error))
      return FALSE;
  return TRUE;
}

static gboolean
check_owner (FitaPlan *self, const FitaTable *table, gint64 owner, GError **error)
{
  const FitaField *field;

  if (table->owner_field < 0)
    {
      if (owner != 0)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("These records belong to the plan itself."));
          return FALSE;
        }
      return TRUE;
    }
  field = &table->fields[table->owner_field];
  if (owner == 0 && !(field->flags & FITA_FIELD_OPTIONAL_OWNER))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("This record must belong to another one."));
      return FALSE;
    }
  if (owner != 0 && fita_plan_lookup (self, field->ref, owner) == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("The record it should belong to does not exist."));
      return FALSE;
    }
  return TRUE;
}

gboolean
fita_plan_insert (FitaPlan *self, gpointer record, gint64 owner, int index, GError **error)
{
  const FitaTable *table = fita_table (((FitaRecord *) record)->table);
  GError *local = NULL;
  gboolean ok;
  guint len;
  Op *op;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  for (guint f = 0; f < table->n_fields; f++)
    {
      const FitaField *field = &table->fields[f];
      if (!fita_field_validate (field,
                                field_is_text (field) ? 0 : fita_record_get_int (record, field),
                                field_is_text (field) ? fita_record_get_text (record, field) : NULL,
                                &local))
        {
          prefix_with_record (self, record, owner, &local);
          fita_record_free (record);
          return refuse (self, local, error);
        }
    }
  if (!check_owner (self, table, owner, &local))
    {
      fita_record_free (record);
      return refuse (self, local, error);
    }

  len = fita_plan_list (self, table->id, owner)->len;
  if (index < 0 || (guint) index > len)
    index = len;
  if (table->owner_field >= 0)
    fita_record_set_int (record, &table->fields[table->owner_field], owner);
  if (table->position_field >= 0)
    fita_record_set_int (record, &table->fields[table->position_field], index);

  fita_plan_begin (self, NULL);
  if (table->position_field >= 0)
    open_gap (self, table->id, owner, index, NULL);
  op = g_new0 (Op, 1);
  op->kind = OP_INSERT;
  op->table = table->id;
  op->id = ((FitaRecord *) record)->id;
  op->snapshot = record;
  record_op (self, op, NULL);
  ok = fita_plan_end (self, error);
  return ok;
}

static void
delete_recursive (FitaPlan *self, gpointer record)
{
  FitaRecord *rec = record;

  /* what belongs to it */
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      if (table->owner_field >= 0 && table->fields[table->owner_field].ref == rec->table)
        {
          g_autoptr(GPtrArray) owned = g_ptr_array_copy (fita_plan_list (self, t, rec->id), NULL, NULL);
          for (guint i = owned->len; i > 0; i--)
            delete_recursive (self, g_ptr_array_index (owned, i - 1));
        }
    }

  /* what refers to it */
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      for (guint f = 0; f < table->n_fields; f++)
        if (table->fields[f].type == FITA_FIELD_REF && table->fields[f].ref == rec->table)
          {
            g_autoptr(GPtrArray) refs = g_ptr_array_new ();
            GHashTableIter iter;
            gpointer other;
            g_hash_table_iter_init (&iter, self->by_id[t]);
            while (g_hash_table_iter_next (&iter, NULL, &other))
              if (fita_record_get_int (other, &table->fields[f]) == rec->id)
                g_ptr_array_add (refs, other);
            for (guint i = 0; i < refs->len; i++)
              {
                /* A responsibility or actor without its agent means nothing. */
                if (t == FITA_TABLE_RESPONSIBILITY || t == FITA_TABLE_PROCESS_ACTOR)
                  delete_recursive (self, g_ptr_array_index (refs, i));
                else
                  set_structural (self, g_ptr_array_index (refs, i), f, 0, NULL);
              }
          }
    }

  {
    Op *op = g_new0 (Op, 1);
    gint64 owner = fita_record_owner (record);
    op->kind = OP_DELETE;
    op->table = rec->table;
    op->id = rec->id;
    op->snapshot = fita_record_copy (record);
    if (record_op (self, op, NULL))
      renumber (self, op->table, owner, NULL);
  }
}

gboolean
fita_plan_delete (FitaPlan *self, gpointer record, GError **error)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (((FitaRecord *) record)->table == FITA_TABLE_PLAN)
    {
      GError *local = g_error_new (FITA_ERROR, FITA_ERROR_INVALID, _("The plan itself cannot be deleted."));
      return refuse (self, local, error);
    }
  fita_plan_begin (self, NULL);
  delete_recursive (self, record);
  return fita_plan_end (self, error);
}

gboolean
fita_plan_move (FitaPlan *self, gpointer record, gint64 new_owner, int index, GError **error)
{
  FitaRecord *rec = record;
  const FitaTable *table = fita_table (rec->table);
  gint64 old_owner = fita_record_owner (record);
  GError *local = NULL;
  GPtrArray *list;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (!check_owner (self, table, new_owner, &local))
    return refuse (self, local, error);
  if (table->owner_field >= 0 && table->fields[table->owner_field].ref == rec->table)
    for (gint64 a = new_owner; a != 0; a = fita_record_owner (fita_plan_lookup (self, rec->table, a)))
      if (a == rec->id)
        {
          g_set_error (&local, FITA_ERROR, FITA_ERROR_INVALID, _("An item cannot be moved inside itself."));
          return refuse (self, local, error);
        }

  list = fita_plan_list (self, rec->table, new_owner);
  if (index < 0 || (guint) index > list->len)
    index = list->len;
  if (new_owner == old_owner && (guint) index > fita_record_position (record))
    index--; /* the record leaves its old place first */
  if (new_owner == old_owner && index == fita_record_position (record))
    return TRUE;

  fita_plan_begin (self, NULL);
  /* Park it at the end of its old list, then make room in the new one. */
  set_structural (self, record, table->position_field, G_MAXINT32, NULL);
  sort_unsorted (self);
  renumber (self, rec->table, old_owner, NULL);
  sort_unsorted (self);
  if (table->owner_field >= 0 && new_owner != old_owner)
    {
      set_structural (self, record, table->owner_field, new_owner, NULL);
      sort_unsorted (self);
    }
  {
    g_autoptr(GPtrArray) others = g_ptr_array_copy (fita_plan_list (self, rec->table, new_owner), NULL, NULL);
    g_ptr_array_remove (others, record);
    for (guint i = others->len; i > (guint) index; i--)
      set_structural (self, g_ptr_array_index (others, i - 1), table->position_field, i, NULL);
  }
  set_structural (self, record, table->position_field, index, NULL);
  return fita_plan_end (self, error);
}

/* History */

gboolean
fita_plan_can_undo (FitaPlan *self)
{
  return self->undo->len > 0;
}

gboolean
fita_plan_can_redo (FitaPlan *self)
{
  return self->redo->len > 0;
}

const char *
fita_plan_get_undo_label (FitaPlan *self)
{
  return self->undo->len ? ((Change *) g_ptr_array_index (self->undo, self->undo->len - 1))->label : NULL;
}

const char *
fita_plan_get_redo_label (FitaPlan *self)
{
  return self->redo->len ? ((Change *) g_ptr_array_index (self->redo, self->redo->len - 1))->label : NULL;
}

static gboolean
replay (FitaPlan *self, GPtrArray *from, GPtrArray *to, gboolean forward, GError **error)
{
  Change *change;

  if (from->len == 0)
    return TRUE;
  change = g_ptr_array_steal_index (from, from->len - 1);

  fita_plan_begin (self, change->label);
  for (guint i = 0; i < change->ops->len; i++)
    {
      Op *op = g_ptr_array_index (change->ops, forward ? i : change->ops->len - 1 - i);
      Op *copy = g_new0 (Op, 1);
      GError *local = NULL;

      /* The undo of a step is the same step run backwards: record it with
       * its sides swapped so that the new change runs forwards. */
      copy->kind = forward ? op->kind : (op->kind == OP_SET ? OP_SET : op->kind == OP_INSERT ? OP_DELETE : OP_INSERT);
      copy->table = op->table;
      copy->id = op->id;
      copy->field = op->field;
      copy->old_int = forward ? op->old_int : op->new_int;
      copy->new_int = forward ? op->new_int : op->old_int;
      copy->old_text = g_strdup (forward ? op->old_text : op->new_text);
      copy->new_text = g_strdup (forward ? op->new_text : op->old_text);
      if (op->snapshot)
        copy->snapshot = fita_record_copy (op->snapshot);
      if (!record_op (self, copy, &local))
        {
          g_error_free (local);
          break;
        }
    }
  {
    Landing landing = { NULL, FALSE, change, to };
    if (!end_change (self, &landing, error))
      {
        g_ptr_array_add (from, change);
        notify_history (self);
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
fita_plan_undo (FitaPlan *self, GError **error)
{
  return replay (self, self->undo, self->redo, FALSE, error);
}

gboolean
fita_plan_redo (FitaPlan *self, GError **error)
{
  return replay (self, self->redo, self->undo, TRUE, error);
}

FitaStore *
fita_plan_get_store (FitaPlan *self)
{
  return self->store;
}
