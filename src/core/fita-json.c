#include "config.h"
#include "fita-json.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Export: written by hand rather than with JsonGenerator, to control the
 * layout (keys in schema order, two-space indent) so files diff well. */

static void
write_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* A percent kept in hundredths, as the decimal number people write:
 * 8830 → 88.3, 9583 → 95.83, 3000 → 30. */
static void
write_hundredths (GString *out, gint64 bp)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT, bp / 100);
  if (bp % 100 != 0)
    g_string_append_printf (out, bp % 10 == 0 ? ".%d" : ".%02d",
                            (int) (bp % 10 == 0 ? bp % 100 / 10 : bp % 100));
}

typedef struct {
  GString *out;
  FitaPlan *plan;
} Writer;

static void
indent (Writer *w, int level)
{
  g_string_append_c (w->out, '\n');
  for (int i = 0; i < level; i++)
    g_string_append (w->out, "  ");
}

static void write_object (Writer *w, gconstpointer record, int level);

/* Writes `"key": [ … ]` for the records of a list, if any; *first tracks commas. */
static void
write_list (Writer *w, const char *key, GPtrArray *list, int level, gboolean *first)
{
  if (list->len == 0)
    return;
  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  indent (w, level);
  write_string (w->out, key);
  g_string_append (w->out, ": [");
  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_string_append_c (w->out, ',');
      indent (w, level + 1);
      write_object (w, g_ptr_array_index (list, i), level + 1);
    }
  indent (w, level);
  g_string_append_c (w->out, ']');
}

static void
write_key (Writer *w, const char *key, int level, gboolean *first)
{
  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  indent (w, level);
  write_string (w->out, key);
  g_string_append (w->out, ": ");
}

static void
write_fields (Writer *w, gconstpointer record, int level, gboolean *first)
{
  const FitaTable *table = fita_table (((const FitaRecord *) record)->table);

  for (guint f = 0; f < table->n_fields; f++)
    {
      const FitaField *field = &table->fields[f];
      const char *text;
      gint64 value;

      switch (field->type)
        {
        case FITA_FIELD_ID:
        case FITA_FIELD_OWNER:
        case FITA_FIELD_POSITION:
          break;
        case FITA_FIELD_TEXT:
          if ((text = fita_record_get_text (record, field)) != NULL)
            {
              write_key (w, field->name, level, first);
              write_string (w->out, text);
            }
          break;
        case FITA_FIELD_SEMESTERS:
          if ((text = fita_record_get_text (record, field)) != NULL)
            {
              g_auto(GStrv) words = g_strsplit (text, " ", -1);
              write_key (w, field->name, level, first);
              g_string_append_c (w->out, '[');
              for (guint i = 0; words[i]; i++)
                {
                  if (i > 0)
                    g_string_append (w->out, ", ");
                  write_string (w->out, words[i]);
                }
              g_string_append_c (w->out, ']');
            }
          break;
        case FITA_FIELD_REF:
          if ((value = fita_record_get_int (record, field)) != 0)
            {
              const FitaTable *ref = fita_table (field->ref);
              gconstpointer target = fita_plan_lookup (w->plan, field->ref, value);
              g_autofree char *key = NULL;
              /* "level_id" is written "level": it holds a name, not an id */
              key = g_str_has_suffix (field->name, "_id")
                ? g_strndup (field->name, strlen (field->name) - 3) : g_strdup (field->name);
              write_key (w, key, level, first);
              write_string (w->out, fita_record_get_text (target, &ref->fields[ref->name_field]));
            }
          break;
        case FITA_FIELD_ENUM:
          write_key (w, field->name, level, first);
          write_string (w->out, field->keywords[fita_record_get_int (record, field)]);
          break;
        case FITA_FIELD_BOOL:
          if (fita_record_get_int (record, field))
            {
              write_key (w, field->name, level, first);
              g_string_append (w->out, "true");
            }
          break;
        case FITA_FIELD_INT:
        case FITA_FIELD_CENTS:
          value = fita_record_get_int (record, field);
          if (value != FITA_NONE && value != field->default_value)
            {
              write_key (w, field->name, level, first);
              if (field->flags & FITA_FIELD_HUNDREDTHS)
                write_hundredths (w->out, value);
              else
                g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
            }
          break;
        }
    }
}

static void
write_object (Writer *w, gconstpointer record, int level)
{
  const FitaRecord *rec = record;
  const FitaTable *table = fita_table (rec->table);
  gboolean first = TRUE;

  g_string_append_c (w->out, '{');
  write_fields (w, record, level + 1, &first);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *child = fita_table (t);
      if (t != rec->table && child->owner_field >= 0 && child->fields[child->owner_field].ref == rec->table)
        write_list (w, child->json_key, fita_plan_list (w->plan, t, rec->id), level + 1, &first);
    }
  if (table->json_self_key != NULL)
    write_list (w, table->json_self_key, fita_plan_list (w->plan, rec->table, rec->id), level + 1, &first);
  indent (w, level);
  g_string_append_c (w->out, '}');
}

char *
fita_json_export (FitaPlan *plan)
{
  Writer w = { g_string_new ("{"), plan };
  gboolean first = FALSE;

  indent (&w, 1);
  g_string_append_printf (w.out, "\"format\": \"fita\",");
  indent (&w, 1);
  g_string_append_printf (w.out, "\"format_version\": %d,", FITA_JSON_FORMAT_VERSION);
  indent (&w, 1);
  g_string_append (w.out, "\"plan\": ");
  write_object (&w, fita_plan_get_info (plan), 1);

  for (guint t = FITA_TABLE_PLAN + 1; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      if (table->owner_field < 0 || (table->fields[table->owner_field].flags & FITA_FIELD_OPTIONAL_OWNER))
        write_list (&w, table->json_key, fita_plan_list (plan, t, 0), 1, &first);
    }
  g_string_append (w.out, "\n}\n");
  return g_string_free (w.out, FALSE);
}

gboolean
fita_json_export_file (FitaPlan *plan, const char *path, GError **error)
{
  g_autofree char *json = fita_json_export (plan);
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents (path, json, -1, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/* Import */

typedef struct {
  FitaPlan *plan;
  GHashTable *names[FITA_N_TABLES];   /* name → record, for references */
  GString *path;                      /* where we are, for messages */
} Reader;

static gboolean
fail (Reader *r, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader *r, GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, "%s: %s", r->path->str, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("a list");
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("text");
        case G_TYPE_BOOLEAN: return _("true/false");
        case G_TYPE_DOUBLE: return _("a decimal number");
        default: return _("a number");
        }
    }
}

static gboolean
node_is (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean read_record (Reader *r, JsonObject *object, gpointer record, GError **error);

static gboolean
read_field (Reader *r, const char *key, JsonNode *node, gpointer record, const FitaField *field, GError **error)
{
  GError *local = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;  /* the default: no value */

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
      if (!node_is (node, G_TYPE_STRING))
        return fail (r, error, _("“%s” must be text, not %s"), key, node_type_name (node));
      fita_record_set_text (record, field, json_node_get_string (node));
      break;
    case FITA_FIELD_SEMESTERS:
      {
        JsonArray *array;
        g_autofree char *set = NULL;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (r, error, _("“%s” must be a list like [\"2018-1\", \"2018-2\"]"), key);
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *word = json_array_get_element (array, i);
            int year, half;
            if (!node_is (word, G_TYPE_STRING))
              return fail (r, error, _("“%s” must be a list of texts like \"2018-1\""), key);
            if (!fita_semesters_validate (json_node_get_string (word), &local))
              {
                fail (r, error, "%s", local->message);
                g_error_free (local);
                return FALSE;
              }
            sscanf (json_node_get_string (word), "%d-%d", &year, &half);
            /* toggling a new word into the set keeps it sorted and unique */
            if (!fita_semesters_contains (set, year, half))
              {
                char *next = fita_semesters_toggle (set, year, half);
                g_free (set);
                set = next;
              }
          }
        fita_record_set_text (record, field, set);
      }
      return TRUE;
    case FITA_FIELD_REF:
      {
        gpointer target;
        if (!node_is (node, G_TYPE_STRING))
          return fail (r, error, _("“%s” must be the name of a %s"), key, fita_table (field->ref)->name);
        target = g_hash_table_lookup (r->names[field->ref], json_node_get_string (node));
        if (target == NULL)
          return fail (r, error, _("there is no %s named “%s” in the plan"),
                       fita_table (field->ref)->name, json_node_get_string (node));
        fita_record_set_int (record, field, ((FitaRecord *) target)->id);
      }
      return TRUE;
    case FITA_FIELD_ENUM:
      {
        gint64 index;
        if (!node_is (node, G_TYPE_STRING) ||
            (index = fita_keyword_index (field->keywords, json_node_get_string (node))) < 0)
          {
            g_autofree char *choices = g_strjoinv (", ", (char **) field->keywords);
            return fail (r, error, _("“%s” must be one of: %s"), key, choices);
          }
        fita_record_set_int (record, field, index);
      }
      return TRUE;
    case FITA_FIELD_BOOL:
      if (!node_is (node, G_TYPE_BOOLEAN))
        return fail (r, error, _("“%s” must be true or false"), key);
      fita_record_set_int (record, field, json_node_get_boolean (node));
      return TRUE;
    case FITA_FIELD_INT:
      if ((field->flags & FITA_FIELD_HUNDREDTHS) && node_is (node, G_TYPE_DOUBLE))
        {
          /* a decimal percent, kept exactly to hundredths */
          double percent = json_node_get_double (node);
          double hundredths = percent * 100;
          if (!(percent >= -1e9 && percent <= 1e9))
            return fail (r, error, _("%g is not a percentage: use a number from 0 to 100."), percent);
          if (fabs (hundredths - round (hundredths)) > 1e-6)
            return fail (r, error, _("“%s” has more than two decimals (%g): percentages are kept to hundredths"),
                         key, percent);
          fita_record_set_int (record, field, (gint64) round (hundredths));
          break;
        }
      if ((field->flags & FITA_FIELD_HUNDREDTHS) && node_is (node, G_TYPE_INT64))
        {
          gint64 percent = json_node_get_int (node);
          /* out of range: the validator below names it */
          fita_record_set_int (record, field, ABS (percent) <= G_MAXINT32 ? percent * 100 : -1);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case FITA_FIELD_CENTS:
      if (!node_is (node, G_TYPE_INT64))
        return fail (r, error, field->type == FITA_FIELD_CENTS
                     ? _("“%s” must be a whole number of cents, not %s")
                     : _("“%s” must be a whole number, not %s"),
                     key, node_type_name (node));
      fita_record_set_int (record, field, json_node_get_int (node));
      break;
    case FITA_FIELD_ID:
    case FITA_FIELD_OWNER:
    case FITA_FIELD_POSITION:
      return fail (r, error, _("unknown key “%s”"), key);
    }

  if (!fita_field_validate (field,
                            field->type == FITA_FIELD_TEXT ? 0 : fita_record_get_int (record, field),
                            field->type == FITA_FIELD_TEXT ? fita_record_get_text (record, field) : NULL,
                            &local))
    {
      fail (r, error, "%s", local->message);
      g_error_free (local);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_list (Reader *r, const char *key, JsonNode *node, FitaTableId t, gint64 owner, GError **error)
{
  const FitaTable *table = fita_table (t);
  JsonArray *array;
  gsize path_len = r->path->len;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, error, _("“%s” must be a list"), key);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer record = fita_plan_new_record (r->plan, t);

      g_string_append_printf (r->path, "%s%s[%u]", r->path->len ? "." : "", key, i);
      if (table->owner_field >= 0)
        fita_record_set_int (record, &table->fields[table->owner_field], owner);
      if (table->position_field >= 0)
        fita_record_set_int (record, &table->fields[table->position_field], i);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fita_record_free (record);
          return fail (r, error, _("each entry must be an object {…}"));
        }
      if (!read_record (r, json_node_get_object (element), record, error))
        return FALSE;
      g_string_truncate (r->path, path_len);
    }
  return TRUE;
}

/* Reads the fields of an object into record, adopts it into the plan, then
 * reads what is nested in it. On failure the record is freed or adopted. */
static gboolean
read_record (Reader *r, JsonObject *object, gpointer record, GError **error)
{
  FitaRecord *rec = record;
  const FitaTable *table = fita_table (rec->table);
  g_autoptr(GList) members = json_object_get_members (object);
  GPtrArray *nested = g_ptr_array_new ();
  gboolean ok = TRUE;

  for (GList *l = members; l != NULL && ok; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);
      int f = fita_table_field_index (table, key);
      g_autofree char *as_ref = g_strconcat (key, "_id", NULL);
      int ref = fita_table_field_index (table, as_ref);

      if (f >= 0 && table->fields[f].type != FITA_FIELD_REF)
        ok = read_field (r, key, node, record, &table->fields[f], error);
      else if (f < 0 && ref >= 0 && table->fields[ref].type == FITA_FIELD_REF)
        ok = read_field (r, key, node, record, &table->fields[ref], error);
      else
        g_ptr_array_add (nested, (gpointer) key);
    }

  if (ok)
    for (guint f = 0; f < table->n_fields; f++)
      if ((table->fields[f].flags & FITA_FIELD_REQUIRED) &&
          fita_record_get_text (record, &table->fields[f]) == NULL)
        {
          ok = fail (r, error, _("“%s” is required"), table->fields[f].name);
          break;
        }

  if (ok && table->name_field >= 0)
    {
      const char *name = fita_record_get_text (record, &table->fields[table->name_field]);
      if (g_hash_table_contains (r->names[rec->table], name))
        ok = fail (r, error, _("the name “%s” is used twice; names must be unique"), name);
      else
        g_hash_table_insert (r->names[rec->table], (gpointer) name, record);
    }

  if (!ok)
    {
      fita_record_free (record);
      g_ptr_array_unref (nested);
      return FALSE;
    }
  fita_plan_adopt_record (r->plan, record);

  for (guint i = 0; i < nested->len && ok; i++)
    {
      const char *key = g_ptr_array_index (nested, i);
      JsonNode *node = json_object_get_member (object, key);
      gboolean found = FALSE;

      for (guint t = 0; t < FITA_N_TABLES && !found; t++)
        {
          const FitaTable *child = fita_table (t);
          gboolean is_self = (t == rec->table && g_strcmp0 (child->json_self_key, key) == 0);
          gboolean is_child = (t != rec->table && child->owner_field >= 0 &&
                               child->fields[child->owner_field].ref == rec->table &&
                               g_str_equal (child->json_key, key));
          if (is_self || is_child)
            {
              found = TRUE;
              ok = read_list (r, key, node, t, rec->id, error);
            }
        }
      if (!found)
        ok = fail (r, error, _("unknown key “%s”"), key);
    }
  g_ptr_array_unref (nested);
  return ok;
}

static FitaPlan *
import_root (JsonNode *root, GError **error)
{
  g_autoptr(FitaPlan) plan = fita_plan_new ();
  Reader r = { plan };
  JsonObject *object;
  JsonNode *node;
  g_autoptr(GList) members = NULL;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This JSON is not a Fita plan: it must be one object {…}."));
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node != NULL && (!node_is (node, G_TYPE_STRING) || g_strcmp0 (json_node_get_string (node), "fita") != 0))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This JSON is not a Fita plan (“format” is not “fita”)."));
      return NULL;
    }
  node = json_object_get_member (object, "format_version");
  if (node != NULL && (!node_is (node, G_TYPE_INT64) || json_node_get_int (node) > FITA_JSON_FORMAT_VERSION))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NEWER_VERSION,
                   _("This plan was exported by a newer version of Fita, or its “format_version” is not a number. Update Fita to import it."));
      return NULL;
    }
  if (node != NULL && json_node_get_int (node) < 1)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This JSON is not a Fita plan: its “format_version” must be 1 or more."));
      return NULL;
    }
  node = json_object_get_member (object, "plan");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This JSON is not a Fita plan: it has no “plan” object with the plan's title."));
      return NULL;
    }

  r.path = g_string_new (NULL);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    r.names[t] = g_hash_table_new (g_str_hash, g_str_equal);

  /* The plan record is made by fita_plan_new(); fill it in place. */
  g_string_assign (r.path, "plan");
  {
    FitaPlanInfo *info = fita_plan_get_info (plan);
    const FitaTable *table = fita_table (FITA_TABLE_PLAN);
    JsonObject *plan_object = json_node_get_object (node);
    g_autoptr(GList) keys = json_object_get_members (plan_object);
    for (GList *l = keys; l && ok; l = l->next)
      {
        int f = fita_table_field_index (table, l->data);
        if (f < 1)
          ok = fail (&r, error, _("unknown key “%s”"), (char *) l->data);
        else
          ok = read_field (&r, l->data, json_object_get_member (plan_object, l->data), info, &table->fields[f], error);
      }
    if (ok && info->title == NULL)
      ok = fail (&r, error, _("“%s” is required"), "title");
  }
  g_string_truncate (r.path, 0);

  /* Top-level lists, in the order that lets references resolve. */
  members = json_object_get_members (object);
  for (GList *l = members; l && ok; l = l->next)
    {
      const char *key = l->data;
      gboolean known = g_str_equal (key, "format") || g_str_equal (key, "format_version") ||
                       g_str_equal (key, "plan");
      for (guint t = FITA_TABLE_PLAN + 1; t < FITA_N_TABLES && !known; t++)
        {
          const FitaTable *table = fita_table (t);
          if ((table->owner_field < 0 || (table->fields[table->owner_field].flags & FITA_FIELD_OPTIONAL_OWNER)) &&
              g_str_equal (table->json_key, key))
            known = TRUE;
        }
      if (!known)
        ok = fail (&r, error, _("unknown key “%s”"), key);
    }
  for (guint t = FITA_TABLE_PLAN + 1; t < FITA_N_TABLES && ok; t++)
    {
      const FitaTable *table = fita_table (t);
      if (table->owner_field >= 0 && !(table->fields[table->owner_field].flags & FITA_FIELD_OPTIONAL_OWNER))
        continue;
      node = json_object_get_member (object, table->json_key);
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        ok = read_list (&r, table->json_key, node, t, 0, error);
    }

  for (guint t = 0; t < FITA_N_TABLES; t++)
    g_hash_table_unref (r.names[t]);
  g_string_free (r.path, TRUE);
  return ok ? g_steal_pointer (&plan) : NULL;
}

FitaPlan *
fita_json_import (const char *data, gssize length, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                   _("This is not valid JSON: %s"), local->message);
      return NULL;
    }
  return import_root (json_parser_get_root (parser), error);
}

FitaPlan *
fita_json_import_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, "%s", local->message);
      return NULL;
    }
  return fita_json_import (data, length, error);
}
