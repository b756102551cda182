/* fita-plan-shared.c: what a plan on a server has that a file has not:
 * others' changes applied as they come, the connection's state, what the
 * user may change, and a change refused because someone else changed the
 * same records first. */
#include "config.h"
#include "fita-plan.h"
#include "fita-error.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

gboolean
fita_location_is_shared (const char *location)
{
  return fita_store_location_is_shared (location);
}

/* Drops "password=…" from a URI's query. */
static void
drop_password_parameter (GString *uri)
{
  char *query = strchr (uri->str, '?');
  g_auto(GStrv) params = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);

  if (query == NULL)
    return;
  params = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    if (!g_str_has_prefix (params[i], "password="))
      g_string_append_printf (kept, "%s%s", kept->len ? "&" : "", params[i]);
  g_string_truncate (uri, query - uri->str);
  if (kept->len > 0)
    g_string_append_printf (uri, "?%s", kept->str);
}

char *
fita_location_display (const char *location)
{
  GString *uri;
  const char *authority, *end, *at, *colon;

  if (!fita_location_is_shared (location))
    return g_strdup (location);
  uri = g_string_new (location);
  authority = strstr (uri->str, "://") + 3;
  end = authority + strcspn (authority, "/?");
  /* user:password@host: the last @ before the path ends the user's part */
  at = g_strrstr_len (authority, end - authority, "@");
  colon = at ? memchr (authority, ':', at - authority) : NULL;
  if (colon != NULL)
    g_string_erase (uri, colon - uri->str, at - colon);
  drop_password_parameter (uri);
  return g_string_free (uri, FALSE);
}

gboolean
fita_plan_is_shared (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  return self->store != NULL && fita_store_is_shared (self->store);
}

gboolean
fita_plan_get_connected (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  return self->store == NULL || fita_store_is_connected (self->store);
}

FitaAccess
fita_plan_get_access (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), FITA_ACCESS_READ);

  if (fita_plan_is_read_only (self))
    return FITA_ACCESS_READ;
  return self->store ? fita_store_get_access (self->store) : FITA_ACCESS_ALL;
}

const char *
fita_plan_get_access_agent (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  return self->store ? fita_store_get_access_agent (self->store) : NULL;
}

const char *
fita_plan_get_user (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  return self->store ? fita_store_get_user (self->store) : NULL;
}

static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *fa = NULL, *fb = NULL, *na = NULL, *nb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  na = g_utf8_normalize (fa, -1, G_NORMALIZE_ALL_COMPOSE);
  nb = g_utf8_normalize (fb, -1, G_NORMALIZE_ALL_COMPOSE);
  return na != NULL && nb != NULL && strcmp (na, nb) == 0;
}

/* Whether agent answers for item, by the rule the server enforces (and
 * the update forms follow): an agent responsible for it in any role; for
 * an item no agent is responsible for, an agent named in its other
 * services. */
static gboolean
item_answered_by (FitaPlan *self, gint64 item_id, const char *agent)
{
  FitaItem *item = fita_plan_lookup (self, FITA_TABLE_ITEM, item_id);
  GPtrArray *roles;
  gboolean any = FALSE;
  g_auto(GStrv) names = NULL;

  if (item == NULL)
    return FALSE;
  roles = fita_plan_list (self, FITA_TABLE_RESPONSIBILITY, item_id);
  for (guint r = 0; r < roles->len; r++)
    {
      FitaResponsibility *role = g_ptr_array_index (roles, r);
      FitaAgent *who = role->agent_id ? fita_plan_lookup (self, FITA_TABLE_AGENT, role->agent_id) : NULL;
      if (who == NULL)
        continue;
      any = TRUE;
      if (same_name (who->name, agent))
        return TRUE;
    }
  if (any || item->other_services == NULL)
    return FALSE;
  names = g_strsplit_set (item->other_services, ",;\n", -1);
  for (guint n = 0; names[n] != NULL; n++)
    if (same_name (g_strstrip (names[n]), agent))
      return TRUE;
  return FALSE;
}

/* The item a follow-up record belongs to, or 0. */
static gint64
follow_up_item (FitaPlan *self, FitaTableId table, gint64 id)
{
  gpointer record = fita_plan_lookup (self, table, id);

  if (record == NULL)
    return 0;
  switch (table)
    {
    case FITA_TABLE_ITEM:
      return id;
    case FITA_TABLE_BUDGET_LINE:
      return ((FitaBudgetLine *) record)->item_id;
    case FITA_TABLE_FOLLOWUP:
      return ((FitaFollowup *) record)->item_id;
    case FITA_TABLE_INDICATOR_VALUE:
      {
        FitaIndicator *indicator = fita_plan_lookup (self, FITA_TABLE_INDICATOR,
                                                     ((FitaIndicatorValue *) record)->indicator_id);
        return indicator ? indicator->item_id : 0;
      }
    default:
      return 0;
    }
}

gboolean
fita_plan_may_change (FitaPlan *self, FitaTableId table, gint64 id, const char *field)
{
  static const char *const item_fields[] = { "status_id", "progress", NULL };
  static const char *const line_fields[] = { "executed_cents", NULL };

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  switch (fita_plan_get_access (self))
    {
    case FITA_ACCESS_ALL:
      return TRUE;
    case FITA_ACCESS_READ:
      return FALSE;
    case FITA_ACCESS_FOLLOW_UP:
      break;
    }
  switch (table)
    {
    case FITA_TABLE_ITEM:
      if (field == NULL || !g_strv_contains (item_fields, field))
        return FALSE;
      break;
    case FITA_TABLE_BUDGET_LINE:
      if (field == NULL || !g_strv_contains (line_fields, field))
        return FALSE;
      break;
    case FITA_TABLE_FOLLOWUP:
    case FITA_TABLE_INDICATOR_VALUE:
      break;
    default:
      return FALSE;
    }
  return item_answered_by (self, follow_up_item (self, table, id), fita_plan_get_access_agent (self));
}

/* Others' changes */

typedef struct {
  FitaTableId table;
  gint64 id;
  gpointer record;    /* as it is now; NULL: deleted */
} RemoteRecord;

static void
collect_remote (FitaTableId table, gint64 id, gpointer record, gpointer user_data)
{
  RemoteRecord remote = { table, id, record };

  g_array_append_val ((GArray *) user_data, remote);
}

/* The steps that make record as remote is; applied, and added to ops. */
static void
apply_remote (FitaPlan *self, RemoteRecord *remote, GPtrArray *ops)
{
  const FitaTable *table = fita_table (remote->table);
  gpointer record = fita_plan_lookup (self, remote->table, remote->id);
  Op *op;

  if (remote->record == NULL)
    {
      if (record == NULL)
        return;
      op = g_new0 (Op, 1);
      op->kind = OP_DELETE;
      op->table = remote->table;
      op->id = remote->id;
      op->snapshot = fita_record_copy (record);
      fita_plan_apply_op (self, op, TRUE, FALSE, NULL);
      g_ptr_array_add (ops, op);
      return;
    }
  if (record == NULL)
    {
      op = g_new0 (Op, 1);
      op->kind = OP_INSERT;
      op->table = remote->table;
      op->id = remote->id;
      op->snapshot = fita_record_copy (remote->record);
      fita_plan_apply_op (self, op, TRUE, FALSE, NULL);
      g_ptr_array_add (ops, op);
      return;
    }
  for (guint f = 0; f < table->n_fields; f++)
    {
      const FitaField *field = &table->fields[f];

      if (field->type == FITA_FIELD_ID)
        continue;
      op = g_new0 (Op, 1);
      op->kind = OP_SET;
      op->table = remote->table;
      op->id = remote->id;
      op->field = f;
      if (fita_field_is_text (field))
        {
          if (g_strcmp0 (fita_record_get_text (record, field), fita_record_get_text (remote->record, field)) == 0)
            {
              fita_plan_op_free (op);
              continue;
            }
          op->old_text = g_strdup (fita_record_get_text (record, field));
          op->new_text = g_strdup (fita_record_get_text (remote->record, field));
        }
      else
        {
          op->old_int = fita_record_get_int (record, field);
          op->new_int = fita_record_get_int (remote->record, field);
          if (op->old_int == op->new_int)
            {
              fita_plan_op_free (op);
              continue;
            }
        }
      fita_plan_apply_op (self, op, TRUE, FALSE, NULL);
      g_ptr_array_add (ops, op);
    }
}

/* Positions as the server has them may have gaps or ties where two people
 * added to one list at once: every client reads them in the same order
 * (by position, then by number) and numbers them again, in memory. */
static void
renumber_lists (FitaPlan *self, GPtrArray *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);
      const FitaTable *table = fita_table (op->table);
      gpointer record = fita_plan_lookup (self, op->table, op->id);
      GPtrArray *list;

      if (table->position_field < 0)
        continue;
      list = fita_plan_owner_list (self, op->table,
                                   record ? fita_record_owner (record) : fita_record_owner (op->snapshot), FALSE);
      if (list == NULL)
        continue;
      g_ptr_array_sort (list, fita_record_compare_position);
      for (guint p = 0; p < list->len; p++)
        fita_record_set_int (g_ptr_array_index (list, p), &table->fields[table->position_field], p);
    }
}

static void
free_remote (gpointer data)
{
  fita_record_free (((RemoteRecord *) data)->record);
}

gboolean
fita_plan_refresh (FitaPlan *self, GError **error)
{
  g_autoptr(GArray) remote = NULL;
  g_autoptr(GPtrArray) ops = NULL;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (self->store == NULL || !fita_store_is_shared (self->store) || self->depth > 0)
    return TRUE;
  remote = g_array_new (FALSE, FALSE, sizeof (RemoteRecord));
  g_array_set_clear_func (remote, free_remote);
  if (!fita_store_read_changes (self->store, collect_remote, remote, error))
    return FALSE;
  if (remote->len == 0)
    return TRUE;

  ops = g_ptr_array_new_with_free_func (fita_plan_op_free);
  /* inserted and changed records first, in the order of the tables (the
   * order records depend on each other in), then those deleted */
  for (guint i = 0; i < remote->len; i++)
    if (g_array_index (remote, RemoteRecord, i).record != NULL)
      apply_remote (self, &g_array_index (remote, RemoteRecord, i), ops);
  for (guint i = remote->len; i > 0; i--)
    if (g_array_index (remote, RemoteRecord, i - 1).record == NULL)
      apply_remote (self, &g_array_index (remote, RemoteRecord, i - 1), ops);
  if (ops->len == 0)
    return TRUE;
  renumber_lists (self, ops);
  fita_plan_emit_changed (self, ops, TRUE);
  return TRUE;
}

static void
on_store_event (FitaStore *store, FitaStoreEvent event, gpointer user_data)
{
  FitaPlan *self = user_data;
  g_autoptr(GError) error = NULL;

  switch (event)
    {
    case FITA_STORE_EVENT_CHANGED:
      if (!fita_plan_refresh (self, &error))
        g_debug ("Others' changes could not be read: %s", error->message);
      break;
    case FITA_STORE_EVENT_DISCONNECTED:
      fita_plan_notify_connected (self);
      break;
    case FITA_STORE_EVENT_RECONNECTED:
      fita_plan_notify_connected (self);
      if (!fita_plan_refresh (self, &error))
        g_debug ("Others' changes could not be read: %s", error->message);
      break;
    }
}

void
fita_plan_watch (FitaPlan *self)
{
  g_return_if_fail (FITA_IS_PLAN (self));

  if (self->store == NULL || self->watching || !fita_store_is_shared (self->store))
    return;
  self->watching = TRUE;
  fita_store_watch (self->store, on_store_event, self);
}

/* Conflicts */

void
fita_plan_keep_conflict (FitaPlan *self, Change *change, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_clear_pointer (&self->conflicted, fita_plan_change_free);
  self->conflicted = change;
  /* show theirs: what the refused change ran into */
  if (!fita_plan_refresh (self, &local))
    g_debug ("Others' changes could not be read: %s", local->message);
  if (error != NULL && *error != NULL && g_error_matches (*error, FITA_ERROR, FITA_ERROR_CONFLICT))
    g_prefix_error (error, "%s ", _("Someone else changed the same thing at the same time; the plan now shows their version."));
}

gboolean
fita_plan_has_conflict (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  return self->conflicted != NULL;
}

void
fita_plan_take_theirs (FitaPlan *self)
{
  g_return_if_fail (FITA_IS_PLAN (self));

  g_clear_pointer (&self->conflicted, fita_plan_change_free);
}

/* A refused step made again on top of what the plan holds now: a field
 * set from whatever it is now; a record added if it is not there, deleted
 * if it still is. NULL: nothing left to do. */
static Op *
again (FitaPlan *self, const Op *op)
{
  gpointer record = fita_plan_lookup (self, op->table, op->id);
  Op *copy;

  if ((op->kind == OP_INSERT) == (record != NULL))
    return NULL;
  copy = g_new0 (Op, 1);
  copy->kind = op->kind;
  copy->table = op->table;
  copy->id = op->id;
  copy->field = op->field;
  switch (op->kind)
    {
    case OP_SET:
      {
        const FitaField *field = &fita_table (op->table)->fields[op->field];
        if (fita_field_is_text (field))
          copy->old_text = g_strdup (fita_record_get_text (record, field));
        else
          copy->old_int = fita_record_get_int (record, field);
        copy->new_int = op->new_int;
        copy->new_text = g_strdup (op->new_text);
        break;
      }
    case OP_INSERT:
      copy->snapshot = fita_record_copy (op->snapshot);
      break;
    case OP_DELETE:
      copy->snapshot = fita_record_copy (record);
      break;
    }
  return copy;
}

gboolean
fita_plan_keep_mine (FitaPlan *self, GError **error)
{
  Change *change;
  gboolean ok = TRUE;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  change = g_steal_pointer (&self->conflicted);
  if (change == NULL)
    return TRUE;
  fita_plan_begin (self, change->label);
  for (guint i = 0; ok && i < change->refused->len; i++)
    {
      Op *op = again (self, g_ptr_array_index (change->refused, i));
      if (op != NULL)
        ok = fita_plan_record_op (self, op, NULL);
    }
  fita_plan_change_free (change);
  return fita_plan_end (self, error);
}
