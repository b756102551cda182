/* The plan's history in its JSON (docs/FORMAT.md, version 3): the change
 * log, oldest change first, and each year closure's snapshot as the
 * nested plan it is. */
#include "config.h"
#include "fita-json-private.h"
#include "fita-error.h"
#include "fita-log.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Export */

static void
write_member (GString *out, const char *key, const char *value, gboolean *first)
{
  if (value == NULL)
    return;
  g_string_append (out, *first ? "" : ", ");
  *first = FALSE;
  fita_json_write_string (out, key);
  g_string_append (out, ": ");
  fita_json_write_string (out, value);
}

/* One entry on one line. The item is named by its code, as the rest of the
 * file names it, so that it is found again in the plan the file makes; the
 * record's number is the file's own (an item named by code needs none). */
static void
write_entry (FitaJsonWriter *w, const FitaLogEntry *entry)
{
  FitaItem *item = entry->item ? fita_plan_lookup (w->plan, FITA_TABLE_ITEM, entry->item) : NULL;
  const char *code = item != NULL && item->code != NULL && *item->code != '\0' ? item->code : NULL;
  gboolean first = TRUE;

  g_string_append_c (w->out, '{');
  write_member (w->out, "kind", fita_log_kind_keyword (entry->kind), &first);
  write_member (w->out, "table", entry->table, &first);
  if (code == NULL || g_strcmp0 (entry->table, fita_table (FITA_TABLE_ITEM)->name) != 0)
    g_string_append_printf (w->out, ", \"record\": %" G_GINT64_FORMAT, entry->record);
  write_member (w->out, "item", code, &first);
  write_member (w->out, "field", entry->field, &first);
  write_member (w->out, "old", entry->old_value, &first);
  write_member (w->out, "new", entry->new_value, &first);
  g_string_append_c (w->out, '}');
}

static void
write_change (FitaJsonWriter *w, const FitaLogChange *change, int level)
{
  gboolean first = TRUE;

  g_string_append_c (w->out, '{');
  fita_json_write_key (w, "at", level + 1, &first);
  fita_json_write_string (w->out, change->at ? change->at : "");
  fita_json_write_key (w, "author", level + 1, &first);
  fita_json_write_string (w->out, change->author ? change->author : "");
  if (change->source != NULL)
    {
      fita_json_write_key (w, "source", level + 1, &first);
      fita_json_write_string (w->out, change->source);
    }
  if (change->label != NULL)
    {
      fita_json_write_key (w, "label", level + 1, &first);
      fita_json_write_string (w->out, change->label);
    }
  if (change->entries->len > 0)
    {
      fita_json_write_key (w, "entries", level + 1, &first);
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < change->entries->len; i++)
        {
          if (i > 0)
            g_string_append_c (w->out, ',');
          fita_json_indent (w, level + 2);
          write_entry (w, g_ptr_array_index (change->entries, i));
        }
      fita_json_indent (w, level + 1);
      g_string_append_c (w->out, ']');
    }
  fita_json_indent (w, level);
  g_string_append_c (w->out, '}');
}

void
fita_json_write_change_log (FitaJsonWriter *w, int level, gboolean *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = fita_plan_read_log (w->plan, 0, 0, &error);

  if (changes == NULL)
    {
      /* the plan itself is whole: export it, and say what is missing */
      g_warning ("The change log is left out of the JSON: %s", error->message);
      return;
    }
  if (changes->len == 0)
    return;
  fita_json_write_key (w, "change_log", level, first);
  g_string_append_c (w->out, '[');
  /* read newest first; written in the order they were made */
  for (guint i = changes->len; i > 0; i--)
    {
      if (i < changes->len)
        g_string_append_c (w->out, ',');
      fita_json_indent (w, level + 1);
      write_change (w, g_ptr_array_index (changes, i - 1), level + 1);
    }
  fita_json_indent (w, level);
  g_string_append_c (w->out, ']');
}

/* A snapshot is the plan's JSON as Fita wrote it: written as the object it
 * is, indented to its place. Raw line breaks in valid JSON are only
 * layout (a text's are escaped), so indenting after each one keeps it
 * the same document. Text that is not a JSON object stays text. */
void
fita_json_write_document (FitaJsonWriter *w, const char *text, int level)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = strlen (text);

  if (!json_parser_load_from_data (parser, text, (gssize) length, NULL) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fita_json_write_string (w->out, text);
      return;
    }
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n')
        fita_json_indent (w, level);
      else
        g_string_append_c (w->out, text[i]);
    }
}

/* Import */

static const char * const change_keys[] = { "at", "author", "source", "label", "entries", NULL };
static const char * const entry_keys[] = { "kind", "table", "record", "item", "field", "old", "new", NULL };

/* A text member: *text set (NULL for none or null); FALSE, with a
 * problem noted, if it is not text. */
static gboolean
read_text (FitaJsonReader *r, JsonObject *object, const char *key, char **text)
{
  JsonNode *node = json_object_get_member (object, key);

  *text = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fita_json_problem (r, _("“%s” must be text"), key);
      return FALSE;
    }
  *text = g_strdup (json_node_get_string (node));
  return TRUE;
}

static void
check_keys (FitaJsonReader *r, JsonObject *object, const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      fita_json_problem (r, _("unknown key “%s”"), (char *) l->data);
}

static gboolean
is_table_name (const char *name)
{
  for (guint t = 0; t < FITA_N_TABLES; t++)
    if (g_strcmp0 (fita_table (t)->name, name) == 0)
      return TRUE;
  return FALSE;
}

static FitaLogEntry *
read_entry (FitaJsonReader *r, JsonObject *object, GHashTable *items)
{
  g_autoptr(FitaLogEntry) entry = fita_log_entry_new ();
  g_autofree char *kind = NULL;
  g_autofree char *code = NULL;
  JsonNode *record = json_object_get_member (object, "record");
  gboolean ok = TRUE;

  check_keys (r, object, entry_keys);
  ok &= read_text (r, object, "kind", &kind);
  if (ok && (kind == NULL || !fita_log_kind_parse (kind, &entry->kind)))
    {
      fita_json_problem (r, _("“%s” must be one of: %s"), "kind", "inserted, updated, deleted");
      ok = FALSE;
    }
  ok &= read_text (r, object, "table", &entry->table);
  if (ok && !is_table_name (entry->table))
    {
      fita_json_problem (r, _("“%s” must name a table of the plan, such as “item” or “budget_line”"), "table");
      ok = FALSE;
    }
  ok &= read_text (r, object, "field", &entry->field);
  ok &= read_text (r, object, "old", &entry->old_value);
  ok &= read_text (r, object, "new", &entry->new_value);
  ok &= read_text (r, object, "item", &code);
  if (code != NULL)
    {
      FitaItem *item = g_hash_table_lookup (items, code);
      if (item == NULL)
        {
          fita_json_problem (r, _("there is no item with the code “%s” in the plan"), code);
          ok = FALSE;
        }
      else
        entry->item = item->rec.id;
    }
  if (record != NULL && !JSON_NODE_HOLDS_NULL (record))
    {
      if (!JSON_NODE_HOLDS_VALUE (record) || json_node_get_value_type (record) != G_TYPE_INT64 ||
          json_node_get_int (record) < 0)
        {
          fita_json_problem (r, _("“%s” must be a whole number, not %s"), "record",
                             JSON_NODE_HOLDS_VALUE (record) ? g_type_name (json_node_get_value_type (record))
                                                            : json_node_type_name (record));
          ok = FALSE;
        }
      else
        entry->record = json_node_get_int (record);
    }
  else if (entry->item != 0 && g_strcmp0 (entry->table, fita_table (FITA_TABLE_ITEM)->name) == 0)
    /* an item's own entry is named by its code */
    entry->record = entry->item;
  return ok ? g_steal_pointer (&entry) : NULL;
}

static FitaLogChange *
read_change (FitaJsonReader *r, JsonObject *object, GHashTable *items)
{
  g_autoptr(FitaLogChange) change = fita_log_change_new ();
  g_autoptr(GDateTime) when = NULL;
  JsonNode *node;
  gsize path_len = r->path->len;
  gboolean ok = TRUE;

  check_keys (r, object, change_keys);
  ok &= read_text (r, object, "at", &change->at);
  if (ok && (change->at == NULL || !(when = g_date_time_new_from_iso8601 (change->at, NULL))))
    {
      fita_json_problem (r, _("“%s” must be a time such as 2026-12-07T08:10:00Z"), "at");
      ok = FALSE;
    }
  ok &= read_text (r, object, "author", &change->author);
  ok &= read_text (r, object, "source", &change->source);
  ok &= read_text (r, object, "label", &change->label);

  node = json_object_get_member (object, "entries");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_ARRAY (node))
    {
      fita_json_problem (r, _("“%s” must be a list"), "entries");
      return NULL;
    }
  for (guint i = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);
      FitaLogEntry *entry = NULL;

      g_string_append_printf (r->path, ".entries[%u]", i);
      if (JSON_NODE_HOLDS_OBJECT (element))
        entry = read_entry (r, json_node_get_object (element), items);
      else
        fita_json_problem (r, _("each entry must be an object {…}"));
      if (entry != NULL)
        g_ptr_array_add (change->entries, entry);
      else
        ok = FALSE;
      g_string_truncate (r->path, path_len);
    }
  return ok ? g_steal_pointer (&change) : NULL;
}

void
fita_json_read_change_log (FitaJsonReader *r, JsonNode *node)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_log_change_free);
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = fita_plan_items_preorder (r->plan, NULL);
  JsonArray *array;

  g_string_assign (r->path, "change_log");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fita_json_problem (r, _("“%s” must be a list"), "change_log");
      g_string_truncate (r->path, 0);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      FitaItem *item = g_ptr_array_index (all, i);
      if (item->code != NULL && *item->code != '\0')
        g_hash_table_insert (items, item->code, item);
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      g_string_printf (r->path, "change_log[%u]", i);
      if (JSON_NODE_HOLDS_OBJECT (element))
        {
          FitaLogChange *change = read_change (r, json_node_get_object (element), items);
          if (change != NULL)
            g_ptr_array_add (changes, change);
        }
      else
        fita_json_problem (r, _("each entry must be an object {…}"));
    }
  g_string_truncate (r->path, 0);
  fita_plan_set_imported_log (r->plan, g_steal_pointer (&changes));
}

/* A snapshot is read as the plan it is and kept as Fita writes that plan
 * without history: the same document whether it came nested (version 3)
 * or as text (version 2), and never a log or closures inside it. */
char *
fita_json_read_document (JsonNode *node, const char *key, char **wrong)
{
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    plan = fita_json_import (json_node_get_string (node), -1, &error);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      plan = fita_json_import_root (node, NULL, &error);
      if (plan != NULL && !fita_plan_check_records (plan, &error))
        g_clear_object (&plan);
    }
  else
    {
      *wrong = g_strdup_printf (_("“%s” must be a plan, an object {…}"), key);
      return NULL;
    }
  if (plan == NULL)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
      g_autofree char *flat = g_strjoinv (" ", lines);
      /* Translators: %s: the key ("snapshot"), then what is wrong with the plan it holds */
      *wrong = g_strdup_printf (_("“%s” is not a plan Fita can read: %s"), key, flat);
      return NULL;
    }
  return fita_json_export_with (plan, FITA_JSON_EXPORT_WITHOUT_CLOSURES);
}
