#include "config.h"
#include "fita-json.h"
#include "fita-json-private.h"
#include "fita-error.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* the largest JSON plan read: far beyond any council's */
#define FITA_MAX_IMPORT (256 << 20)

/* Export: written by hand rather than with JsonGenerator, to control the
 * layout (keys in schema order, two-space indent) so files diff well. */

void
fita_json_write_string (GString *out, const char *text)
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

void
fita_json_indent (FitaJsonWriter *w, int level)
{
  g_string_append_c (w->out, '\n');
  for (int i = 0; i < level; i++)
    g_string_append (w->out, "  ");
}

static void write_object (FitaJsonWriter *w, gconstpointer record, int level);

/* Writes `"key": [ … ]` for the records of a list, if any; *first tracks commas. */
static void
write_list (FitaJsonWriter *w, const char *key, GPtrArray *list, int level, gboolean *first)
{
  if (list->len == 0)
    return;
  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  fita_json_indent (w, level);
  fita_json_write_string (w->out, key);
  g_string_append (w->out, ": [");
  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        g_string_append_c (w->out, ',');
      fita_json_indent (w, level + 1);
      write_object (w, g_ptr_array_index (list, i), level + 1);
    }
  fita_json_indent (w, level);
  g_string_append_c (w->out, ']');
}

void
fita_json_write_key (FitaJsonWriter *w, const char *key, int level, gboolean *first)
{
  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  fita_json_indent (w, level);
  fita_json_write_string (w->out, key);
  g_string_append (w->out, ": ");
}

static void
write_fields (FitaJsonWriter *w, gconstpointer record, int level, gboolean *first)
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
              fita_json_write_key (w, field->name, level, first);
              if (field->flags & FITA_FIELD_DOCUMENT)
                fita_json_write_document (w, text, level);
              else
                fita_json_write_string (w->out, text);
            }
          break;
        case FITA_FIELD_SEMESTERS:
          if ((text = fita_record_get_text (record, field)) != NULL)
            {
              g_auto(GStrv) words = g_strsplit (text, " ", -1);
              fita_json_write_key (w, field->name, level, first);
              g_string_append_c (w->out, '[');
              for (guint i = 0; words[i]; i++)
                {
                  if (i > 0)
                    g_string_append (w->out, ", ");
                  fita_json_write_string (w->out, words[i]);
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
              fita_json_write_key (w, key, level, first);
              fita_json_write_string (w->out, fita_record_get_text (target, &ref->fields[ref->name_field]));
            }
          break;
        case FITA_FIELD_ENUM:
          fita_json_write_key (w, field->name, level, first);
          fita_json_write_string (w->out, field->keywords[fita_record_get_int (record, field)]);
          break;
        case FITA_FIELD_BOOL:
          if (fita_record_get_int (record, field))
            {
              fita_json_write_key (w, field->name, level, first);
              g_string_append (w->out, "true");
            }
          break;
        case FITA_FIELD_INT:
        case FITA_FIELD_CENTS:
          value = fita_record_get_int (record, field);
          if (value != FITA_NONE && value != field->default_value)
            {
              fita_json_write_key (w, field->name, level, first);
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
write_object (FitaJsonWriter *w, gconstpointer record, int level)
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
  fita_json_indent (w, level);
  g_string_append_c (w->out, '}');
}

char *
fita_json_export_with (FitaPlan *plan, FitaJsonExportFlags flags)
{
  FitaJsonWriter w = { g_string_new ("{"), plan };
  gboolean first = FALSE;

  fita_json_indent (&w, 1);
  g_string_append_printf (w.out, "\"format\": \"fita\",");
  fita_json_indent (&w, 1);
  g_string_append_printf (w.out, "\"format_version\": %d,", FITA_JSON_FORMAT_VERSION);
  fita_json_indent (&w, 1);
  g_string_append (w.out, "\"plan\": ");
  write_object (&w, fita_plan_get_info (plan), 1);

  for (guint t = FITA_TABLE_PLAN + 1; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      if (t == FITA_TABLE_YEAR_CLOSURE && (flags & FITA_JSON_EXPORT_WITHOUT_CLOSURES))
        continue;
      if (table->owner_field < 0 || (table->fields[table->owner_field].flags & FITA_FIELD_OPTIONAL_OWNER))
        write_list (&w, table->json_key, fita_plan_list (plan, t, 0), 1, &first);
    }
  if (flags & FITA_JSON_EXPORT_CHANGE_LOG)
    fita_json_write_change_log (&w, 1, &first);
  g_string_append (w.out, "\n}\n");
  return g_string_free (w.out, FALSE);
}

char *
fita_json_export (FitaPlan *plan)
{
  return fita_json_export_with (plan, FITA_JSON_EXPORT_DEFAULT);
}

/* Import. A problem does not stop the reading: the value or entry at fault
 * is left out and the reading goes on, so that one import lists every
 * problem in the file; the plan is kept only if there were none. */

/* Enough to fix a file in one go; beyond it, the rest are only counted. */
#define MAX_PROBLEMS 100

/* Notes a problem where the reader is: the JSON path, then the item's code
 * and the record's year when known, since that is how officers find it. */
void
fita_json_problem (FitaJsonReader *r, const char *format, ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GString) where = NULL;
  va_list args;

  if (r->n_problems++ >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  where = g_string_new (r->path->str);
  if (r->code != NULL && r->year != FITA_NONE)
    g_string_append_printf (where, " (%s, %d)", r->code, (int) r->year);
  else if (r->code != NULL)
    g_string_append_printf (where, " (%s)", r->code);
  else if (r->year != FITA_NONE)
    g_string_append_printf (where, " (%d)", (int) r->year);
  g_ptr_array_add (r->problems, where->len > 0 ? g_strdup_printf ("%s: %s", where->str, message)
                                               : g_steal_pointer (&message));
}

/* A value's problem told by its key: “progress”: 130 is not a percentage… */
static char *
value_problem (const char *key, const char *message)
{
  /* Translators: a key of the JSON file, then what is wrong with its value */
  return g_strdup_printf (_("“%s”: %s"), key, message);
}

static char *
not_a_percentage (const char *key, const char *number)
{
  g_autofree char *message = g_strdup_printf (_("%s is not a percentage: use a number from 0 to 100."), number);

  return value_problem (key, message);
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

/* Turns a JSON value into what field holds (*value, or *text for text and
 * semesters). Returns NULL, or what is wrong with the value. */
static char *
parse_value (FitaJsonReader *r, const char *key, JsonNode *node, const FitaField *field, gint64 *value, char **text)
{
  g_autoptr(GError) local = NULL;

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
      if (field->flags & FITA_FIELD_DOCUMENT)
        {
          char *wrong = NULL;
          *text = fita_json_read_document (node, key, &wrong);
          return wrong;
        }
      if (!node_is (node, G_TYPE_STRING))
        return g_strdup_printf (_("“%s” must be text, not %s"), key, node_type_name (node));
      *text = g_strdup (json_node_get_string (node));
      return NULL;
    case FITA_FIELD_SEMESTERS:
      {
        JsonArray *array;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return g_strdup_printf (_("“%s” must be a list like [\"2018-1\", \"2018-2\"]"), key);
        array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *word = json_array_get_element (array, i);
            int year, half;
            if (!node_is (word, G_TYPE_STRING))
              return g_strdup_printf (_("“%s” must be a list of texts like \"2018-1\""), key);
            if (!fita_semesters_validate (json_node_get_string (word), &local))
              return value_problem (key, local->message);
            sscanf (json_node_get_string (word), "%d-%d", &year, &half);
            /* toggling a new word into the set keeps it sorted and unique */
            if (!fita_semesters_contains (*text, year, half))
              {
                char *next = fita_semesters_toggle (*text, year, half);
                g_free (*text);
                *text = next;
              }
          }
      }
      return NULL;
    case FITA_FIELD_REF:
      {
        FitaRecord *target;
        if (!node_is (node, G_TYPE_STRING))
          /* Translators: “status” must be the name of: status */
          return g_strdup_printf (_("“%s” must be a name (of: %s)"), key, fita_table_noun (field->ref));
        target = g_hash_table_lookup (r->names[field->ref], json_node_get_string (node));
        if (target == NULL)
          /* Translators: there is no record of this kind (%s: "agent", "status"…) with this name */
          return g_strdup_printf (_("there is no %s named “%s” in the plan"),
                                  fita_table_noun (field->ref), json_node_get_string (node));
        *value = target->id;
      }
      return NULL;
    case FITA_FIELD_ENUM:
      if (!node_is (node, G_TYPE_STRING) ||
          (*value = fita_keyword_index (field->keywords, json_node_get_string (node))) < 0)
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) field->keywords);
          return g_strdup_printf (_("“%s” must be one of: %s"), key, choices);
        }
      return NULL;
    case FITA_FIELD_BOOL:
      if (!node_is (node, G_TYPE_BOOLEAN))
        return g_strdup_printf (_("“%s” must be true or false"), key);
      *value = json_node_get_boolean (node);
      return NULL;
    case FITA_FIELD_INT:
      if ((field->flags & FITA_FIELD_HUNDREDTHS) && node_is (node, G_TYPE_DOUBLE))
        {
          /* a decimal percent, kept exactly to hundredths */
          double percent = json_node_get_double (node);
          double hundredths = percent * 100;
          if (!(percent >= -1e9 && percent <= 1e9))
            {
              char number[G_ASCII_DTOSTR_BUF_SIZE];
              return not_a_percentage (key, g_ascii_formatd (number, sizeof number, "%g", percent));
            }
          if (fabs (hundredths - round (hundredths)) > 1e-6)
            return g_strdup_printf (_("“%s” has more than two decimals (%g): percentages are kept to hundredths"),
                                    key, percent);
          *value = (gint64) round (hundredths);
          return NULL;
        }
      if ((field->flags & FITA_FIELD_HUNDREDTHS) && node_is (node, G_TYPE_INT64))
        {
          gint64 percent = json_node_get_int (node);
          /* too large to hold in hundredths; smaller ones the validator names */
          if (ABS (percent) > G_MAXINT32)
            {
              g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, percent);
              return not_a_percentage (key, number);
            }
          *value = percent * 100;
          return NULL;
        }
      G_GNUC_FALLTHROUGH;
    case FITA_FIELD_CENTS:
      if (!node_is (node, G_TYPE_INT64))
        return g_strdup_printf (field->type == FITA_FIELD_CENTS
                                ? _("“%s” must be a whole number of cents, not %s")
                                : _("“%s” must be a whole number, not %s"),
                                key, node_type_name (node));
      *value = json_node_get_int (node);
      return NULL;
    case FITA_FIELD_ID:
    case FITA_FIELD_OWNER:
    case FITA_FIELD_POSITION:
      break;
    }
  return g_strdup_printf (_("unknown key “%s”"), key);
}

/* Reads one value into record; a value that breaks the rules is noted and
 * left out, the field keeping its default. */
static void
read_field (FitaJsonReader *r, const char *key, JsonNode *node, gpointer record, const FitaField *field)
{
  gboolean is_text = fita_field_is_text (field);
  g_autofree char *text = NULL;
  gint64 value = field->default_value;
  g_autofree char *wrong = NULL;
  g_autoptr(GError) invalid = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return;  /* the default: no value */

  wrong = parse_value (r, key, node, field, &value, &text);
  if (wrong == NULL && !fita_field_validate (field, value, text, &invalid))
    wrong = value_problem (key, invalid->message);
  if (wrong != NULL)
    fita_json_problem (r, "%s", wrong);
  else if (is_text)
    fita_record_set_text (record, field, text);
  else
    fita_record_set_int (record, field, value);
}

/* A required text that is not there at all; one that is there but wrong
 * was noted when it was read. */
static gboolean
is_missing (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static void read_record (FitaJsonReader *r, JsonObject *object, gpointer record);

static void
read_list (FitaJsonReader *r, const char *key, JsonNode *node, FitaTableId t, gint64 owner)
{
  const FitaTable *table = fita_table (t);
  const char *outer_code = r->code;
  gint64 outer_year = r->year;
  gsize path_len = r->path->len;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fita_json_problem (r, _("“%s” must be a list"), key);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      g_string_append_printf (r->path, "%s%s[%u]", path_len ? "." : "", key, i);
      /* an entry is named by its own code and year, not its owner's:
       * a child item is not its parent, but a budget line is its item's */
      if (t == FITA_TABLE_ITEM)
        r->code = NULL;
      r->year = FITA_NONE;
      if (JSON_NODE_HOLDS_OBJECT (element))
        {
          gpointer record = fita_plan_new_record (r->plan, t);

          if (table->owner_field >= 0)
            fita_record_set_int (record, &table->fields[table->owner_field], owner);
          if (table->position_field >= 0)
            fita_record_set_int (record, &table->fields[table->position_field], i);
          read_record (r, json_node_get_object (element), record);
        }
      else
        fita_json_problem (r, _("each entry must be an object {…}"));
      r->code = outer_code;
      r->year = outer_year;
      g_string_truncate (r->path, path_len);
    }
}

/* Reads the fields of an object into record, adopts it into the plan, then
 * reads what is nested in it. */
static void
read_record (FitaJsonReader *r, JsonObject *object, gpointer record)
{
  FitaRecord *rec = record;
  const FitaTable *table = fita_table (rec->table);
  /* What names the record in messages is read first, so that the problems
   * with the other fields can name it: an item's code, a line's year. */
  int code_field = rec->table == FITA_TABLE_ITEM ? fita_table_field_index (table, "code") : -1;
  int year_field = fita_table_field_index (table, "year");
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) nested = g_ptr_array_new ();
  JsonNode *node;

  if (code_field >= 0 && (node = json_object_get_member (object, "code")) != NULL)
    {
      read_field (r, "code", node, record, &table->fields[code_field]);
      r->code = fita_record_get_text (record, &table->fields[code_field]);
    }
  if (year_field >= 0 && (node = json_object_get_member (object, "year")) != NULL)
    {
      read_field (r, "year", node, record, &table->fields[year_field]);
      r->year = fita_record_get_int (record, &table->fields[year_field]);
    }

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      int f = fita_table_field_index (table, key);
      g_autofree char *as_ref = g_strconcat (key, "_id", NULL);
      int ref = fita_table_field_index (table, as_ref);

      node = json_object_get_member (object, key);
      if (f >= 0 && (f == code_field || f == year_field))
        continue;  /* read above */
      if (f >= 0 && table->fields[f].type != FITA_FIELD_REF)
        read_field (r, key, node, record, &table->fields[f]);
      else if (f < 0 && ref >= 0 && table->fields[ref].type == FITA_FIELD_REF)
        read_field (r, key, node, record, &table->fields[ref]);
      else
        g_ptr_array_add (nested, (gpointer) key);
    }

  for (guint f = 0; f < table->n_fields; f++)
    if ((table->fields[f].flags & FITA_FIELD_REQUIRED) && is_missing (object, table->fields[f].name))
      fita_json_problem (r, _("“%s” is required"), table->fields[f].name);

  if (table->name_field >= 0)
    {
      const char *name = fita_record_get_text (record, &table->fields[table->name_field]);
      if (name != NULL && g_hash_table_contains (r->names[rec->table], name))
        fita_json_problem (r, _("the name “%s” is used twice; names must be unique"), name);
      else if (name != NULL)
        g_hash_table_insert (r->names[rec->table], (gpointer) name, record);
    }

  /* A code names one item (fita-cli set and stats find items by it), so a
   * file that gives two items the same one is refused here rather than
   * left for fita-cli check to find afterwards. */
  if (code_field >= 0 && r->code != NULL)
    {
      const char *first = g_hash_table_lookup (r->codes, r->code);
      if (first != NULL)
        fita_json_problem (r, _("the code “%s” is already used by %s; give each item its own code"), r->code, first);
      else
        g_hash_table_insert (r->codes, (gpointer) r->code, g_strdup (r->path->str));
    }

  /* Adopted even with problems, so that what is nested in it is read too;
   * a plan with problems is never kept. */
  fita_plan_adopt_record (r->plan, record);

  for (guint i = 0; i < nested->len; i++)
    {
      const char *key = g_ptr_array_index (nested, i);
      gboolean found = FALSE;

      node = json_object_get_member (object, key);
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
              read_list (r, key, node, t, rec->id);
            }
        }
      if (!found)
        fita_json_problem (r, _("unknown key “%s”"), key);
    }
}

/* The plan record is made by fita_plan_new(); fill it in place. */
static void
read_plan_info (FitaJsonReader *r, JsonObject *object)
{
  FitaPlanInfo *info = fita_plan_get_info (r->plan);
  const FitaTable *table = fita_table (FITA_TABLE_PLAN);
  g_autoptr(GList) keys = json_object_get_members (object);

  g_string_assign (r->path, "plan");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      int f = fita_table_field_index (table, l->data);
      /* field 0 is the record's id, which a file does not choose */
      if (f < 1)
        fita_json_problem (r, _("unknown key “%s”"), (char *) l->data);
      else
        read_field (r, l->data, json_object_get_member (object, l->data), info, &table->fields[f]);
    }
  if (is_missing (object, "title"))
    fita_json_problem (r, _("“%s” is required"), "title");
  /* the plan's identity, which its update forms carry: a plan without one
   * (or with one refused above) gets a new one */
  if (info->uuid == NULL || *info->uuid == '\0')
    {
      g_free (info->uuid);
      info->uuid = g_uuid_string_random ();
    }
  g_string_truncate (r->path, 0);
}

/* One error that lists every problem, a line each, after a line that
 * says how many there are and that nothing was imported. */
static void
set_problems_error (FitaJsonReader *r, const char *source, GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  if (source != NULL)
    g_string_printf (message,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The plan in %s has %u problem; nothing was imported:",
                                  "The plan in %s has %u problems; nothing was imported:",
                                  r->n_problems),
                     source, r->n_problems);
  else
    g_string_printf (message,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The plan has %u problem; nothing was imported:",
                                  "The plan has %u problems; nothing was imported:",
                                  r->n_problems),
                     r->n_problems);
  for (guint i = 0; i < r->problems->len; i++)
    g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (r->problems, i));
  if (r->n_problems > r->problems->len)
    {
      guint more = r->n_problems - r->problems->len;
      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more problem", "… and %u more problems", more),
                              more);
    }
  g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID, message->str);
}

FitaPlan *
fita_json_import_root (JsonNode *root, const char *source, GError **error)
{
  g_autoptr(FitaPlan) plan = fita_plan_new ();
  FitaJsonReader r = { plan };
  JsonObject *object;
  JsonNode *node;
  g_autoptr(GList) members = NULL;
  gboolean ok;

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
  r.year = FITA_NONE;
  r.problems = g_ptr_array_new_with_free_func (g_free);
  r.codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    r.names[t] = g_hash_table_new (g_str_hash, g_str_equal);

  read_plan_info (&r, json_node_get_object (node));

  /* Top-level lists, in the order that lets references resolve. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      gboolean known = g_str_equal (key, "format") || g_str_equal (key, "format_version") ||
                       g_str_equal (key, "plan") || g_str_equal (key, "change_log");
      for (guint t = FITA_TABLE_PLAN + 1; t < FITA_N_TABLES && !known; t++)
        {
          const FitaTable *table = fita_table (t);
          if ((table->owner_field < 0 || (table->fields[table->owner_field].flags & FITA_FIELD_OPTIONAL_OWNER)) &&
              g_str_equal (table->json_key, key))
            known = TRUE;
        }
      if (!known)
        fita_json_problem (&r, _("unknown key “%s”"), key);
    }
  for (guint t = FITA_TABLE_PLAN + 1; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);
      if (table->owner_field >= 0 && !(table->fields[table->owner_field].flags & FITA_FIELD_OPTIONAL_OWNER))
        continue;
      node = json_object_get_member (object, table->json_key);
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        read_list (&r, table->json_key, node, t, 0);
    }
  /* after the items, which its entries name */
  node = json_object_get_member (object, "change_log");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    fita_json_read_change_log (&r, node);

  ok = r.n_problems == 0;
  if (!ok)
    set_problems_error (&r, source, error);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    g_hash_table_unref (r.names[t]);
  g_hash_table_unref (r.codes);
  g_ptr_array_unref (r.problems);
  g_string_free (r.path, TRUE);
  return ok ? g_steal_pointer (&plan) : NULL;
}

/* source: how to name the file in messages, or NULL */
/* What the parser cannot be trusted with, found before it runs: how deeply
 * brackets nest (it recurses once per level, so thousands would overflow
 * the stack), whole numbers too long for 64 bits (it wraps them,
 * 18446744073709551621 becoming -1, or makes them "no value"), and \u0000
 * in a text (which it silently cuts the text at). */
typedef struct {
  guint depth;
  gsize long_number;      /* offset of the first such number, or G_MAXSIZE */
  gsize long_number_key;  /* offset of the key before it, or G_MAXSIZE */
  gsize nul;              /* offset of the first \u0000, which the parser would cut the text at */
  gsize nul_key;
} Scan;

static void
scan_json (const char *data, gsize length, Scan *scan)
{
  guint depth = 0;
  gsize last_string = G_MAXSIZE;

  scan->depth = 0;
  scan->long_number = scan->long_number_key = scan->nul = scan->nul_key = G_MAXSIZE;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (c == '"')
        {
          gsize start = i;
          for (i++; i < length && data[i] != '"'; i++)
            if (data[i] == '\\')
              {
                if (i + 5 < length && memcmp (data + i, "\\u0000", 6) == 0 && scan->nul == G_MAXSIZE)
                  {
                    scan->nul = i;
                    scan->nul_key = last_string;
                  }
                i++;
              }
          last_string = start;
        }
      else if (c == '{' || c == '[')
        {
          depth++;
          scan->depth = MAX (scan->depth, depth);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
      else if (g_ascii_isdigit (c) || c == '-')
        {
          gsize start = i, digits = 0;
          if (c == '-')
            i++;
          for (; i < length && g_ascii_isdigit (data[i]); i++)
            digits++;
          /* 10¹⁸ and beyond: past every limit, and near 64 bits */
          if (digits > 18 && (i >= length || (data[i] != '.' && data[i] != 'e' && data[i] != 'E')) &&
              scan->long_number == G_MAXSIZE)
            {
              scan->long_number = start;
              scan->long_number_key = last_string;
            }
          i--;
        }
    }
}

static FitaPlan *
import_data (const char *data, gssize length, const char *source, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  gsize blank = 0;
  Scan scan;

  while (blank < size && g_ascii_isspace (data[blank]))
    blank++;
  if (blank == size)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This JSON is not a Fita plan: it is empty."));
      return NULL;
    }
  scan_json (data, size, &scan);
  /* an item holds its children two brackets deeper: {"children": [{…}]};
   * a year closure's snapshot is a plan three deeper:
   * {"year_closures": [{"snapshot": {…}}]} */
  if (scan.depth > 2 * FITA_MAX_DEPTH + 8 + 3)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This plan is nested too deeply: a plan has at most %d levels of items."), FITA_MAX_DEPTH);
      return NULL;
    }
  if (scan.nul != G_MAXSIZE || scan.long_number != G_MAXSIZE)
    {
      gboolean nul = scan.nul != G_MAXSIZE;
      gsize at = nul ? scan.nul : scan.long_number;
      gsize key_at = nul ? scan.nul_key : scan.long_number_key;
      g_autofree char *key = NULL;
      g_autofree char *number = NULL;
      gsize end;
      /* data need not end in a NUL: every span is bounded by size */
      for (end = key_at != G_MAXSIZE ? key_at + 1 : size; end < size && data[end] != '"'; end++)
        ;
      key = key_at != G_MAXSIZE ? g_strndup (data + key_at + 1, end - key_at - 1) : g_strdup ("");
      for (end = at; end < size && (g_ascii_isdigit (data[end]) || data[end] == '-'); end++)
        ;
      number = g_strndup (data + at, end - at);
      guint line = 1;
      for (gsize i = 0; i < at; i++)
        line += data[i] == '\n';
      if (!g_utf8_validate (key, -1, NULL))
        *key = '\0';
      if (nul)
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                     _("“%s”: the text holds a control character (\\u0000), on line %u; remove it."), key, line);
      else
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                     _("“%s”: %s, on line %u, is far larger than any figure Fita keeps; check it."), key, number, line);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                   _("This is not valid JSON: %s"), local->message);
      return NULL;
    }
  /* only comments or nothing: json-glib gives no root */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This JSON is not a Fita plan: it is empty."));
      return NULL;
    }
  if (!(plan = fita_json_import_root (json_parser_get_root (parser), source, error)))
    return NULL;
  if (!fita_plan_check_records (plan, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("This plan cannot be imported: %s."), local->message);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

FitaPlan *
fita_json_import (const char *data, gssize length, GError **error)
{
  return import_data (data, length, NULL, error);
}

FitaPlan *
fita_json_import_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *source = NULL;
  gsize length;
  g_autoptr(GError) local = NULL;

  GStatBuf st;

  /* a pipe or a device would block or never end */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("It is not an ordinary file (a folder, a device or a pipe); choose a file."));
      return NULL;
    }
  if (g_stat (path, &st) == 0 && st.st_size > FITA_MAX_IMPORT)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The file is too large to be a plan (more than %d MB)."), FITA_MAX_IMPORT >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, "%s", local->message);
      return NULL;
    }
  source = g_filename_display_name (path);
  return import_data (data, length, source, error);
}
