/* fita-plan-changes.c: how a change to a plan is made and kept: its steps
 * applied in memory and written in one transaction, or all put back; the
 * undo and redo stacks; and what a change did, for FitaPlan::changed
 * (FitaChanges, fita_changes_get_effects). */
#include "config.h"
#include "fita-plan.h"
#include "fita-error.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_CONNECTED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

void
fita_plan_op_free (gpointer data)
{
  Op *op = data;

  g_free (op->old_text);
  g_free (op->new_text);
  fita_record_free (op->snapshot);
  g_free (op);
}

void
fita_plan_change_free (gpointer data)
{
  Change *change = data;

  if (change == NULL)
    return;
  g_free (change->label);
  g_ptr_array_unref (change->ops);
  g_ptr_array_unref (change->refused);
  g_free (change);
}

static Change *
change_new (const char *label)
{
  Change *change = g_new0 (Change, 1);

  change->label = g_strdup (label);
  change->ops = g_ptr_array_new_with_free_func (fita_plan_op_free);
  change->refused = g_ptr_array_new_with_free_func (fita_plan_op_free);
  return change;
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
    case PROP_CONNECTED:
      g_value_set_boolean (value, fita_plan_get_connected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The history properties and the "changed" signal: called by the class's
 * own class_init. */
void
fita_plan_class_init_changes (GObjectClass *object_class)
{
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
  /* A shared plan's connection to its server (fita_plan_watch). */
  properties[PROP_CONNECTED] =
    g_param_spec_boolean ("connected", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FitaPlan::changed:
   * @changes: (type gpointer): what changed, a #FitaChanges valid during
   *   the emission
   *
   * Emitted after a change (or its undo/redo) was made and saved.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

void
fita_plan_notify_connected (FitaPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

/* Applying steps */

/* Whether a record holds what a step changes it from: in a shared plan
 * someone else may have changed it since the step was made (an undo, a
 * redo, a change kept against theirs), and a step never overwrites what
 * it did not see. */
static gboolean
op_expects (const Op *op, gconstpointer record, gboolean forward)
{
  const FitaField *field = &fita_table (op->table)->fields[op->field];

  if (fita_field_is_text (field))
    return g_strcmp0 (fita_record_get_text (record, field), forward ? op->old_text : op->new_text) == 0;
  return fita_record_get_int (record, field) == (forward ? op->old_int : op->new_int);
}

static gboolean
set_conflict (GError **error)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_CONFLICT,
               _("Someone else changed this in the meantime, so the change was not made."));
  return FALSE;
}

gboolean
fita_plan_apply_op (FitaPlan *self, Op *op, gboolean forward, gboolean write, GError **error)
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
        if (write && (record == NULL || !op_expects (op, record, forward)))
          return set_conflict (error);
        g_assert (record != NULL);
        old_owner = fita_record_owner (record);
        if (moves)
          fita_plan_index_unlink (self, record);
        if (fita_field_is_text (field))
          fita_record_set_text (record, field, forward ? op->new_text : op->old_text);
        else
          fita_record_set_int (record, field, forward ? op->new_int : op->old_int);
        if (moves)
          {
            g_ptr_array_add (fita_plan_owner_list (self, op->table, fita_record_owner (record), TRUE), record);
            fita_plan_mark_unsorted (self, op->table, fita_record_owner (record));
            fita_plan_mark_unsorted (self, op->table, old_owner);
          }
        if (write && !fita_store_update (self->store, record, op->field, error))
          {
            /* put it back as it was */
            if (moves)
              fita_plan_index_unlink (self, record);
            if (fita_field_is_text (field))
              fita_record_set_text (record, field, forward ? op->old_text : op->new_text);
            else
              fita_record_set_int (record, field, forward ? op->old_int : op->new_int);
            if (moves)
              g_ptr_array_add (fita_plan_owner_list (self, op->table, old_owner, TRUE), record);
            return FALSE;
          }
        return TRUE;
      }
    case OP_INSERT:
      if (write && fita_plan_lookup (self, op->table, op->id) != NULL)
        return set_conflict (error);
      if (write && !fita_store_insert (self->store, op->snapshot, error))
        return FALSE;
      record = fita_record_copy (op->snapshot);
      fita_plan_index_add (self, record);
      fita_plan_mark_unsorted (self, op->table, fita_record_owner (record));
      return TRUE;
    case OP_DELETE:
      if (write && fita_plan_lookup (self, op->table, op->id) == NULL)
        return set_conflict (error);
      if (write && !fita_store_delete (self->store, op->table, op->id, error))
        return FALSE;
      record = fita_plan_lookup (self, op->table, op->id);
      g_assert (record != NULL);
      fita_plan_index_unlink (self, record);
      g_hash_table_remove (self->by_id[op->table], &op->id);
      return TRUE;
    }
  g_assert_not_reached ();
}

/* Undoes, in memory only, the steps of the current change already applied:
 * the file is put back by the transaction's rollback. The steps are kept
 * as the change's refused ones, for a change to keep against someone
 * else's (fita_plan_keep_mine). */
static void
revert_current (FitaPlan *self)
{
  GPtrArray *ops = self->current->ops;

  for (guint i = ops->len; i > 0; i--)
    fita_plan_apply_op (self, g_ptr_array_index (ops, i - 1), FALSE, FALSE, NULL);
  for (guint i = 0; i < ops->len; i++)
    g_ptr_array_insert (self->current->refused, (int) i, g_ptr_array_index (ops, i));
  g_free (g_ptr_array_steal (ops, NULL));
  fita_plan_sort_unsorted (self);
}

/* A step that was not made, kept with the change's refused ones. */
static void
refuse_op (FitaPlan *self, Op *op)
{
  g_ptr_array_add (self->current->refused, op);
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
gboolean
fita_plan_record_op (FitaPlan *self, Op *op, GError **error)
{
  GError *local = NULL;

  g_assert (self->depth > 0);
  if (self->change_error != NULL)
    {
      refuse_op (self, op);
      if (error)
        *error = g_error_copy (self->change_error);
      return FALSE;
    }
  /* the one place every step passes, undo and redo included */
  if (!fita_years_check_op (self, op, &local))
    {
      fail_current (self, local);
      refuse_op (self, op);
      if (error)
        *error = g_error_copy (local);
      return FALSE;
    }
  if (self->store != NULL && !self->in_transaction)
    {
      if (!fita_store_begin (self->store, &local))
        {
          refuse_op (self, op);
          fail_current (self, local);
          if (error)
            *error = g_error_copy (local);
          return FALSE;
        }
      self->in_transaction = TRUE;
    }
  if (!fita_plan_apply_op (self, op, TRUE, self->store != NULL, &local))
    {
      fail_current (self, local);
      refuse_op (self, op);
      if (error)
        *error = g_error_copy (local);
      return FALSE;
    }
  g_ptr_array_add (self->current->ops, op);
  return TRUE;
}

/* A step refused before it ran (a bad value, a missing record) fails the
 * whole change it is part of, like a step that failed to write. */
gboolean
fita_plan_refuse (FitaPlan *self, GError *local, GError **error)
{
  if (self->depth > 0 && self->change_error == NULL)
    fail_current (self, g_error_copy (local));
  g_propagate_error (error, local);
  return FALSE;
}

struct _FitaChanges {
  FitaPlan *plan;
  GPtrArray *ops;
  gboolean remote;
};

void
fita_plan_emit_changed (FitaPlan *self, GPtrArray *ops, gboolean remote)
{
  FitaChanges changes = { self, ops, remote };

  fita_plan_sort_unsorted (self);
  self->generation++;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, &changes);
}

static void
finish_change (FitaPlan *self, Change *change)
{
  fita_plan_emit_changed (self, change->ops, FALSE);
}

gboolean
fita_changes_is_remote (const FitaChanges *changes)
{
  return changes->remote;
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
  /* where an item is */
  static const char *const item_tree[] = { "parent_id", "position", NULL };
  /* what an item is called, and at which level */
  static const char *const item_names[] = { "code", "title", NULL };
  static const char *const item_levels[] = { "level_id", NULL };
  /* what a level, status or agent is shown as, and where in its list */
  static const char *const labels[] = { "name", "colour", "position", "parent_id", NULL };
  static const char *const plan_period[] = { "period_start", "period_end", "followed_year", NULL };
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
          if (!set || is_field (op, item_tree))
            effects |= FITA_CHANGES_ALTER_TREE;
          if (!set || is_field (op, item_names))
            effects |= FITA_CHANGES_ALTER_ITEM_NAMES;
          if (!set || is_field (op, item_levels))
            effects |= FITA_CHANGES_ALTER_ITEM_LEVELS;
          break;
        case FITA_TABLE_STATUS:
          /* a status that comes or goes takes its items' figure with it */
          if (!set || is_field (op, status_progress))
            effects |= FITA_CHANGES_ALTER_PROGRESS;
          if (!set || is_field (op, labels))
            effects |= FITA_CHANGES_ALTER_ITEM_LABELS;
          break;
        case FITA_TABLE_LEVEL:
        case FITA_TABLE_AGENT:
          if (!set || is_field (op, labels))
            effects |= FITA_CHANGES_ALTER_ITEM_LABELS;
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
          if (set && is_field (op, plan_period))
            effects |= FITA_CHANGES_ALTER_PERIOD;
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

/* What the log calls a change: its own label, or for an undo or a redo,
 * the undo or redo of the change it replays. */
static char *
log_label (FitaPlan *self, const Landing *landing)
{
  const char *label = self->current->label;

  if (landing->moved == NULL)
    return g_strdup (label);
  if (landing->moved_to == self->redo)
    /* Translators: the change log's name for undoing a change, e.g. "Undo Set Progress" */
    return label ? g_strdup_printf (_("Undo %s"), label) : g_strdup (_("Undo"));
  /* Translators: the change log's name for redoing a change, e.g. "Redo Set Progress" */
  return label ? g_strdup_printf (_("Redo %s"), label) : g_strdup (_("Redo"));
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
      g_autofree char *label = log_label (self, landing);
      /* The log is written in the change's transaction: a change is kept
       * with its entry in the log or not at all. A commit that fails is
       * rolled back by the store; the memory is put back as for a step
       * that failed. */
      if (self->current->ops->len > 0 &&
          !fita_plan_log_change (self, self->store, self->current, label, &local))
        fail_current (self, local);
      else
        {
          self->in_transaction = FALSE;
          if (!fita_store_commit (self->store, &local))
            fail_current (self, local);
        }
    }
  change = g_steal_pointer (&self->current);
  if (self->change_error != NULL)
    {
      gboolean conflict = g_error_matches (self->change_error, FITA_ERROR, FITA_ERROR_CONFLICT);
      g_propagate_error (error, g_steal_pointer (&self->change_error));
      if (conflict && change->refused->len > 0 && landing->moved == NULL)
        fita_plan_keep_conflict (self, change, error);
      else
        {
          fita_plan_change_free (change);
          /* an undo or redo that ran into someone else's change: show theirs */
          if (conflict && !fita_plan_refresh (self, NULL))
            g_debug ("Others' changes could not be read");
        }
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
    fita_plan_change_free (change);
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

/* Who and from where, for the change log */

void
fita_plan_set_author (FitaPlan *self, const char *author)
{
  g_return_if_fail (FITA_IS_PLAN (self));

  g_free (self->author);
  self->author = author && *author ? g_strdup (author) : NULL;
}

const char *
fita_plan_get_author (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  if (self->author == NULL)
    {
      const char *name = g_get_real_name ();
      /* GLib's word for a name it could not find says nothing in a log */
      return name == NULL || *name == '\0' || g_str_equal (name, "Unknown") ? g_get_user_name () : name;
    }
  return self->author;
}

void
fita_plan_set_change_source (FitaPlan *self, const char *source)
{
  g_return_if_fail (FITA_IS_PLAN (self));

  g_free (self->change_source);
  self->change_source = source && *source ? g_strdup (source) : NULL;
}

const char *
fita_plan_get_change_source (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  return self->change_source;
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
      if (!fita_plan_record_op (self, copy, &local))
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
