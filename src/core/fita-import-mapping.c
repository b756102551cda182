#include "config.h"
#include "fita-import-mapping.h"
#include "fita-error.h"
#include "fita-import-private.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

struct _FitaImportMapping {
  guint header_row;
  char *language;
  char *under_code;
  char *under_title;
  char *under_level;
  GPtrArray *headers;      /* char*, in the order named or met */
  GHashTable *columns;     /* header → FitaColumn */
  GHashTable *levels;      /* header → level name */
};

FitaImportMapping *
fita_import_mapping_new (void)
{
  FitaImportMapping *mapping = g_new0 (FitaImportMapping, 1);

  mapping->headers = g_ptr_array_new_with_free_func (g_free);
  mapping->columns = g_hash_table_new (g_str_hash, g_str_equal);
  mapping->levels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  return mapping;
}

void
fita_import_mapping_free (FitaImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->language);
  g_free (mapping->under_code);
  g_free (mapping->under_title);
  g_free (mapping->under_level);
  g_hash_table_unref (mapping->columns);
  g_hash_table_unref (mapping->levels);
  g_ptr_array_unref (mapping->headers);
  g_free (mapping);
}

/* The mapping's own copy of header, added to the list when new. */
static const char *
intern_header (FitaImportMapping *mapping, const char *header)
{
  for (guint i = 0; i < mapping->headers->len; i++)
    if (g_str_equal (g_ptr_array_index (mapping->headers, i), header))
      return g_ptr_array_index (mapping->headers, i);
  g_ptr_array_add (mapping->headers, g_strdup (header));
  return g_ptr_array_index (mapping->headers, mapping->headers->len - 1);
}

guint
fita_import_mapping_get_header_row (FitaImportMapping *mapping)
{
  return mapping->header_row;
}

void
fita_import_mapping_set_header_row (FitaImportMapping *mapping, guint row)
{
  mapping->header_row = row;
}

const char *
fita_import_mapping_get_language (FitaImportMapping *mapping)
{
  return mapping->language;
}

void
fita_import_mapping_set_language (FitaImportMapping *mapping, const char *lang)
{
  g_free (mapping->language);
  mapping->language = lang != NULL ? g_strdup (fita_lang_normalise (lang)) : NULL;
}

void
fita_import_mapping_get_under (FitaImportMapping *mapping, const char **code, const char **title, const char **level)
{
  *code = mapping->under_code;
  *title = mapping->under_title;
  *level = mapping->under_level;
}

static char *
non_empty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

void
fita_import_mapping_set_under (FitaImportMapping *mapping, const char *code, const char *title, const char *level)
{
  g_free (mapping->under_code);
  g_free (mapping->under_title);
  g_free (mapping->under_level);
  mapping->under_code = non_empty (code);
  mapping->under_title = non_empty (title);
  mapping->under_level = non_empty (level);
}

guint
fita_import_mapping_get_n_headers (FitaImportMapping *mapping)
{
  return mapping->headers->len;
}

const char *
fita_import_mapping_get_header (FitaImportMapping *mapping, guint index)
{
  g_return_val_if_fail (index < mapping->headers->len, NULL);
  return g_ptr_array_index (mapping->headers, index);
}

gboolean
fita_import_mapping_get_column (FitaImportMapping *mapping, const char *header, FitaColumn *column)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (mapping->columns, header, NULL, &value))
    return FALSE;
  *column = GPOINTER_TO_INT (value);
  return TRUE;
}

void
fita_import_mapping_set_column (FitaImportMapping *mapping, const char *header, FitaColumn column)
{
  g_return_if_fail (column >= FITA_COLUMN_NONE && column < FITA_N_COLUMNS);
  g_hash_table_insert (mapping->columns, (gpointer) intern_header (mapping, header), GINT_TO_POINTER (column));
}

const char *
fita_import_mapping_get_level (FitaImportMapping *mapping, const char *header)
{
  return g_hash_table_lookup (mapping->levels, header);
}

void
fita_import_mapping_set_level (FitaImportMapping *mapping, const char *header, const char *level)
{
  const char *key = intern_header (mapping, header);

  if (level != NULL && *level != '\0')
    g_hash_table_insert (mapping->levels, (gpointer) key, g_strdup (level));
  else
    g_hash_table_remove (mapping->levels, key);
}

gboolean
fita_import_mapping_guess (FitaImportMapping *mapping, FitaSheet *sheet, GError **error)
{
  g_autoptr(FitaImportLayout) layout = fita_import_layout_new (mapping, sheet, error);

  return layout != NULL;
}

/* JSON */

char *
fita_import_mapping_to_json (FitaImportMapping *mapping)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint i = 0; i < mapping->headers->len; i++)
    {
      const char *header = g_ptr_array_index (mapping->headers, i);
      FitaColumn column;
      if (!fita_import_mapping_get_column (mapping, header, &column))
        continue;
      json_builder_set_member_name (builder, header);
      if (column == FITA_COLUMN_NONE)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, fita_column_key (column));
    }
  json_builder_end_object (builder);
  if (g_hash_table_size (mapping->levels) > 0)
    {
      json_builder_set_member_name (builder, "levels");
      json_builder_begin_object (builder);
      for (guint i = 0; i < mapping->headers->len; i++)
        {
          const char *header = g_ptr_array_index (mapping->headers, i);
          const char *level = g_hash_table_lookup (mapping->levels, header);
          if (level != NULL)
            {
              json_builder_set_member_name (builder, header);
              json_builder_add_string_value (builder, level);
            }
        }
      json_builder_end_object (builder);
    }
  if (mapping->header_row > 0)
    {
      json_builder_set_member_name (builder, "header_row");
      json_builder_add_int_value (builder, mapping->header_row);
    }
  if (mapping->language != NULL)
    {
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, mapping->language);
    }
  if (mapping->under_code != NULL || mapping->under_title != NULL)
    {
      const char *keys[] = { "code", "title", "level" };
      const char *values[] = { mapping->under_code, mapping->under_title, mapping->under_level };
      json_builder_set_member_name (builder, "under");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        if (values[i] != NULL)
          {
            json_builder_set_member_name (builder, keys[i]);
            json_builder_add_string_value (builder, values[i]);
          }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  return g_strconcat (json, "\n", NULL);
}

/* Nesting beyond what a mapping has is refused before parsing: the
 * parser recurses once per level. */
static guint
nesting (const char *data, gsize length)
{
  guint depth = 0, deepest = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string && data[i] == '\\')
        i++;
      else if (data[i] == '"')
        in_string = !in_string;
      else if (!in_string && (data[i] == '{' || data[i] == '['))
        deepest = MAX (deepest, ++depth);
      else if (!in_string && (data[i] == '}' || data[i] == ']') && depth > 0)
        depth--;
    }
  return deepest;
}

static gboolean
read_texts (JsonNode *node, const char *key, GError **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        goto bad;
    }
  return TRUE;

bad:
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("“%s” must be an object of texts, like {\"Actuacions\": \"Actuació\"}."), key);
  return FALSE;
}

static gboolean
read_columns (FitaImportMapping *mapping, JsonNode *node, GError **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“columns” must be an object of headers and columns, like {\"Codi\": \"code\"}."));
      return FALSE;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      FitaColumn column = FITA_COLUMN_NONE;

      if (!JSON_NODE_HOLDS_NULL (value) &&
          (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
           (column = fita_column_from_key (json_node_get_string (value))) == FITA_COLUMN_NONE))
        {
          g_autoptr(GString) keys = g_string_new (NULL);
          for (int c = 0; c < FITA_N_COLUMNS; c++)
            g_string_append_printf (keys, "%s%s", c > 0 ? ", " : "", fita_column_key (c));
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("“columns”: the column of “%s” must be one of %s, or null to leave it out."),
                       (char *) l->data, keys->str);
          return FALSE;
        }
      fita_import_mapping_set_column (mapping, l->data, column);
    }
  return TRUE;
}

static gboolean
read_member (FitaImportMapping *mapping, const char *key, JsonNode *node, GError **error)
{
  gboolean is_text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;

  if (g_str_equal (key, "columns"))
    return read_columns (mapping, node, error);
  if (g_str_equal (key, "levels"))
    {
      JsonObject *object;
      g_autoptr(GList) members = NULL;
      if (!read_texts (node, key, error))
        return FALSE;
      object = json_node_get_object (node);
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        fita_import_mapping_set_level (mapping, l->data, json_object_get_string_member (object, l->data));
      return TRUE;
    }
  if (g_str_equal (key, "header_row"))
    {
      gint64 row = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
                   ? json_node_get_int (node) : -1;
      if (row < 0 || row > FITA_SHEET_MAX_ROWS)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("“header_row” must be the number of the row that heads the table (1 for the first), or 0 to find it."));
          return FALSE;
        }
      fita_import_mapping_set_header_row (mapping, (guint) row);
      return TRUE;
    }
  if (g_str_equal (key, "language"))
    {
      const char *lang = is_text ? json_node_get_string (node) : "";
      if (g_strcmp0 (lang, "ca") != 0 && g_strcmp0 (lang, "es") != 0 && g_strcmp0 (lang, "en") != 0)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("“language” must be “ca”, “es” or “en”: how the table writes its amounts."));
          return FALSE;
        }
      fita_import_mapping_set_language (mapping, lang);
      return TRUE;
    }
  if (g_str_equal (key, "under"))
    {
      JsonObject *object;
      g_autoptr(GList) members = NULL;
      if (!read_texts (node, key, error))
        return FALSE;
      object = json_node_get_object (node);
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "code") && !g_str_equal (l->data, "title") && !g_str_equal (l->data, "level"))
          {
            g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("“under” holds “code”, “title” and “level”, not “%s”."),
                         (char *) l->data);
            return FALSE;
          }
      fita_import_mapping_set_under (mapping, json_object_get_string_member_with_default (object, "code", NULL),
                                     json_object_get_string_member_with_default (object, "title", NULL),
                                     json_object_get_string_member_with_default (object, "level", NULL));
      if (mapping->under_code == NULL && mapping->under_title == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("“under” must give the item a “code” or a “title”."));
          return FALSE;
        }
      return TRUE;
    }
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("unknown key “%s”"), key);
  return FALSE;
}

FitaImportMapping *
fita_import_mapping_load (const char *data, gsize length, GError **error)
{
  g_autoptr(FitaImportMapping) mapping = fita_import_mapping_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *root;
  JsonObject *object;

  if (nesting (data, length) > 8)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("This is not a mapping: it is nested far deeper than a mapping is."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE, _("This is not valid JSON: %s"), local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("A mapping is one JSON object, like {\"columns\": {\"Codi\": \"code\"}}."));
      return NULL;
    }
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!read_member (mapping, l->data, json_object_get_member (object, l->data), error))
      return NULL;
  return g_steal_pointer (&mapping);
}
