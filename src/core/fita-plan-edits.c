/* fita-plan-edits.c: the edits a caller makes to a plan (set a field,
 * insert, delete, move), checked before they run and made of the steps
 * of one change (fita-plan-changes.c). */
#include "config.h"
#include "fita-plan.h"
#include "fita-error.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>

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
  fita_plan_record_op (self, op, NULL);
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
    return fita_plan_refuse (self, local, error);
  if (fita_field_is_text (field))
    {
      g_set_error (&local, FITA_ERROR, FITA_ERROR_INVALID, _("The %s is text, not a number."), name);
      return fita_plan_refuse (self, local, error);
    }
  if (field->type == FITA_FIELD_REF && value != 0 &&
      fita_plan_lookup (self, field->ref, value) == NULL)
    {
      g_set_error (&local, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("The %s refers to a record that does not exist."), name);
      return fita_plan_refuse (self, local, error);
    }
  if (!fita_field_validate (field, value, NULL, &local))
    {
      prefix_with_record (self, record, fita_record_owner (record), &local);
      return fita_plan_refuse (self, local, error);
    }
  if (fita_record_get_int (record, field) == value)
    return TRUE;

  op = set_op (record, index);
  op->old_int = fita_record_get_int (record, field);
  op->new_int = value;
  return self->depth > 0 ? fita_plan_record_op (self, op, error) : run_single (self, op, error);
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
    return fita_plan_refuse (self, local, error);
  if (!fita_field_is_text (field))
    {
      g_set_error (&local, FITA_ERROR, FITA_ERROR_INVALID, _("The %s is a number, not text."), name);
      return fita_plan_refuse (self, local, error);
    }
  if (value != NULL && *value == '\0')
    value = NULL;
  if (field->type == FITA_FIELD_SEMESTERS)
    value = normalised = fita_semesters_normalise (value);
  if (!fita_field_validate (field, 0, value, &local))
    return fita_plan_refuse (self, local, error);
  if (g_strcmp0 (fita_record_get_text (record, field), value) == 0)
    return TRUE;

  op = set_op (record, index);
  op->old_text = g_strdup (fita_record_get_text (record, field));
  op->new_text = g_strdup (value);
  return self->depth > 0 ? fita_plan_record_op (self, op, error) : run_single (self, op, error);
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
  return fita_plan_record_op (self, op, error);
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
  g_ptr_array_sort (list, fita_record_compare_position);
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
                                fita_field_is_text (field) ? 0 : fita_record_get_int (record, field),
                                fita_field_is_text (field) ? fita_record_get_text (record, field) : NULL,
                                &local))
        {
          prefix_with_record (self, record, owner, &local);
          fita_record_free (record);
          return fita_plan_refuse (self, local, error);
        }
    }
  if (!check_owner (self, table, owner, &local))
    {
      fita_record_free (record);
      return fita_plan_refuse (self, local, error);
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
  fita_plan_record_op (self, op, NULL);
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
    if (fita_plan_record_op (self, op, NULL))
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
      return fita_plan_refuse (self, local, error);
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
    return fita_plan_refuse (self, local, error);
  if (table->owner_field >= 0 && table->fields[table->owner_field].ref == rec->table)
    for (gint64 a = new_owner; a != 0; a = fita_record_owner (fita_plan_lookup (self, rec->table, a)))
      if (a == rec->id)
        {
          g_set_error (&local, FITA_ERROR, FITA_ERROR_INVALID, _("An item cannot be moved inside itself."));
          return fita_plan_refuse (self, local, error);
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
  fita_plan_sort_unsorted (self);
  renumber (self, rec->table, old_owner, NULL);
  fita_plan_sort_unsorted (self);
  if (table->owner_field >= 0 && new_owner != old_owner)
    {
      set_structural (self, record, table->owner_field, new_owner, NULL);
      fita_plan_sort_unsorted (self);
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
