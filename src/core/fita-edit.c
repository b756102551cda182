#include "config.h"
#include "fita-edit.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* Codes */

typedef enum { STYLE_NUMBER, STYLE_ROMAN } Style;

typedef struct {
  char *prefix;   /* what stands between the parent's code and the number */
  Style style;
} Pattern;

static gboolean
is_roman (const char *text, gsize length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (strchr ("IVXLC", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

static char *
roman (guint n)
{
  static const struct { guint value; const char *numeral; } table[] = {
    { 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" }, { 10, "X" },
    { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (n >= table[i].value)
      {
        g_string_append (out, table[i].numeral);
        n -= table[i].value;
      }
  return g_string_free (out, FALSE);
}

/* Reads the pattern off an existing sibling's code; FALSE if it has none. */
static gboolean
read_pattern (const char *parent_code, const char *code, Pattern *pattern)
{
  const char *tail = code;
  gsize length, digits = 0, numerals = 0;

  if (code == NULL)
    return FALSE;
  if (parent_code != NULL && g_str_has_prefix (code, parent_code))
    tail = code + strlen (parent_code);
  else if (parent_code != NULL)
    return FALSE;

  length = strlen (tail);
  while (digits < length && g_ascii_isdigit (tail[length - 1 - digits]))
    digits++;
  if (digits > 0)
    {
      pattern->prefix = g_strndup (tail, length - digits);
      pattern->style = STYLE_NUMBER;
      return TRUE;
    }
  while (numerals < length && strchr ("IVXLC", tail[length - 1 - numerals]))
    numerals++;
  if (numerals > 0 && is_roman (tail + length - numerals, numerals) &&
      (numerals == length || !g_ascii_isalpha (tail[length - numerals - 1])))
    {
      pattern->prefix = g_strndup (tail, length - numerals);
      pattern->style = STYLE_ROMAN;
      return TRUE;
    }
  return FALSE;
}

static char *
make_code (const char *parent_code, const Pattern *pattern, guint n)
{
  g_autofree char *number = pattern->style == STYLE_ROMAN ? roman (n) : g_strdup_printf ("%u", n);

  return g_strconcat (parent_code ? parent_code : "", pattern->prefix, number, NULL);
}

/* The pattern of the list under parent: from the first sibling whose code
 * fits, else "PARENT.n" (or "n" at the top). */
static void
list_pattern (FitaPlan *plan, gint64 parent_id, const char *parent_code, Pattern *pattern)
{
  GPtrArray *siblings = fita_plan_list (plan, FITA_TABLE_ITEM, parent_id);

  for (guint i = 0; i < siblings->len; i++)
    if (read_pattern (parent_code, ((FitaItem *) g_ptr_array_index (siblings, i))->code, pattern))
      return;
  pattern->prefix = g_strdup (parent_code ? "." : "");
  pattern->style = STYLE_NUMBER;
}

/* The number in code under the pattern, or 0. */
static guint
number_in (const char *parent_code, const Pattern *pattern, const char *code)
{
  gsize skip = (parent_code ? strlen (parent_code) : 0) + strlen (pattern->prefix);
  const char *tail;

  if (code == NULL || strlen (code) <= skip ||
      (parent_code && !g_str_has_prefix (code, parent_code)) ||
      strncmp (code + (parent_code ? strlen (parent_code) : 0), pattern->prefix, strlen (pattern->prefix)) != 0)
    return 0;
  tail = code + skip;
  if (pattern->style == STYLE_NUMBER)
    return strspn (tail, "0123456789") == strlen (tail) ? (guint) atoi (tail) : 0;
  for (guint n = 1; n < 200; n++)
    {
      g_autofree char *numeral = roman (n);
      if (g_str_equal (numeral, tail))
        return n;
    }
  return 0;
}

char *
fita_plan_suggest_code (FitaPlan *plan, gint64 parent_id, guint index)
{
  FitaItem *parent = parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, parent_id) : NULL;
  GPtrArray *siblings = fita_plan_list (plan, FITA_TABLE_ITEM, parent_id);
  const char *parent_code = parent ? parent->code : NULL;
  Pattern pattern;
  guint number = index + 1;
  char *code;

  if (parent != NULL && parent->code == NULL)
    return NULL;
  list_pattern (plan, parent_id, parent_code, &pattern);
  /* one more than the item before it: after "O3" comes "O4", even when the
   * plan's excerpt starts at 3 */
  if (index > 0 && index <= siblings->len)
    {
      guint before = number_in (parent_code, &pattern,
                                ((FitaItem *) g_ptr_array_index (siblings, index - 1))->code);
      if (before > 0)
        number = before + 1;
    }
  code = make_code (parent_code, &pattern, number);
  g_free (pattern.prefix);
  /* never suggest a code that is taken */
  if (fita_plan_find_item (plan, code) != NULL)
    g_clear_pointer (&code, g_free);
  return code;
}

/* Renumbers the list under parent, whose code was old_parent_code before
 * this renumbering began: the pattern is read in the old codes. */
static gboolean
renumber_list (FitaPlan *plan, gint64 parent_id, const char *old_parent_code, GError **error)
{
  FitaItem *parent = parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, parent_id) : NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_copy (fita_plan_list (plan, FITA_TABLE_ITEM, parent_id), NULL, NULL);
  g_autofree char *parent_code = parent ? g_strdup (parent->code) : NULL;
  Pattern pattern;
  gboolean ok = TRUE;

  if (parent != NULL && parent->code == NULL)
    return TRUE;  /* nothing to follow */
  list_pattern (plan, parent_id, old_parent_code, &pattern);
  for (guint i = 0; i < children->len && ok; i++)
    {
      FitaItem *child = g_ptr_array_index (children, i);
      g_autofree char *old_code = g_strdup (child->code);
      g_autofree char *code = make_code (parent_code, &pattern, i + 1);
      ok = fita_plan_set_text (plan, child, "code", code, error) &&
           renumber_list (plan, child->rec.id, old_code, error);
    }
  g_free (pattern.prefix);
  return ok;
}

gboolean
fita_plan_renumber (FitaPlan *plan, gint64 parent_id, GError **error)
{
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Renumber Codes"));
  {
    FitaItem *parent = parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, parent_id) : NULL;
    renumber_list (plan, parent_id, parent ? parent->code : NULL, NULL);
  }
  return fita_plan_end (plan, error);
}

/* Structure */

static gint64
level_for_depth (FitaPlan *plan, guint depth, gint64 sibling_level)
{
  GPtrArray *levels = fita_plan_list (plan, FITA_TABLE_LEVEL, 0);

  if (sibling_level != 0)
    return sibling_level;
  for (guint i = 0; i < levels->len; i++)
    if (((FitaLevel *) g_ptr_array_index (levels, i))->depth == depth)
      return ((FitaRecord *) g_ptr_array_index (levels, i))->id;
  return 0;
}

FitaItem *
fita_plan_add_item (FitaPlan *plan, gint64 parent_id, int index, const char *title, GError **error)
{
  GPtrArray *siblings = fita_plan_list (plan, FITA_TABLE_ITEM, parent_id);
  FitaItem *parent = parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, parent_id) : NULL;
  FitaItem *item = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  gint64 id = item->rec.id;
  guint depth = parent ? fita_plan_item_depth (plan, parent) + 1 : 0;

  if (index < 0 || (guint) index > siblings->len)
    index = siblings->len;
  item->code = fita_plan_suggest_code (plan, parent_id, index);
  item->title = g_strdup (title && *title ? title : NULL);
  item->level_id = level_for_depth (plan, depth,
                                    siblings->len ? ((FitaItem *) g_ptr_array_index (siblings, 0))->level_id : 0);

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Add Item"));
  /* a leaf that gets children derives its progress from them from now on */
  if (parent != NULL && parent->progress_bp != FITA_NONE)
    fita_plan_set_int (plan, parent, "progress", FITA_NONE, NULL);
  fita_plan_insert (plan, item, parent_id, index, NULL);
  if (!fita_plan_end (plan, error))
    return NULL;
  return fita_plan_lookup (plan, FITA_TABLE_ITEM, id);
}

/* Copies record and everything that belongs to it under new_owner. */
static gpointer
copy_deep (FitaPlan *plan, gpointer record, gint64 new_owner, int index, GError **error)
{
  FitaRecord *rec = record;
  FitaRecord *copy = fita_record_copy (record);
  FitaRecord *fresh = fita_plan_new_record (plan, rec->table);
  gint64 old_id = rec->id;

  copy->id = fresh->id;
  fita_record_free (fresh);
  if (!fita_plan_insert (plan, copy, new_owner, index, error))
    return NULL;
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *child = fita_table (t);
      if (child->owner_field >= 0 && child->fields[child->owner_field].ref == rec->table)
        {
          g_autoptr(GPtrArray) owned = g_ptr_array_copy (fita_plan_list (plan, t, old_id), NULL, NULL);
          for (guint i = 0; i < owned->len; i++)
            if (copy_deep (plan, g_ptr_array_index (owned, i), copy->id, -1, error) == NULL)
              return NULL;
        }
    }
  return fita_plan_lookup (plan, copy->table, copy->id);
}

/* Grafting another plan's items */

typedef struct {
  FitaPlan *plan;
  FitaPlan *source;
  GHashTable *refs[FITA_N_TABLES];   /* source id → plan id */
  guint n_items;
} Graft;

/* The plan's record that stands for source's record id of table: the one
 * of the same name, or a copy of it added at the end of the plan's list. */
static gint64
graft_ref (Graft *g, FitaTableId table, gint64 id, GError **error)
{
  const FitaTable *t = fita_table (table);
  gpointer found, record;
  const char *name;
  FitaRecord *copy;
  gint64 mapped;

  if (id == 0)
    return 0;
  if (g->refs[table] == NULL)
    g->refs[table] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if ((found = g_hash_table_lookup (g->refs[table], &id)) != NULL)
    return *(gint64 *) found;

  record = fita_plan_lookup (g->source, table, id);
  name = record && t->name_field >= 0 ? fita_record_get_text (record, &t->fields[t->name_field]) : NULL;
  if (name == NULL)
    return 0;
  if ((found = fita_plan_find_by_name (g->plan, table, name)) != NULL)
    mapped = ((FitaRecord *) found)->id;
  else
    {
      FitaRecord *fresh = fita_plan_new_record (g->plan, table);

      copy = fita_record_copy (record);
      copy->id = mapped = fresh->id;
      fita_record_free (fresh);
      /* its own references (none in the lists today) are not followed */
      for (guint f = 0; f < t->n_fields; f++)
        if (t->fields[f].type == FITA_FIELD_REF)
          fita_record_set_int (copy, &t->fields[f], 0);
      if (!fita_plan_insert (g->plan, copy, 0, -1, error))
        return -1;
    }
  {
    gint64 *key = g_new (gint64, 2);
    key[0] = id;
    key[1] = mapped;
    /* key and value in one block, freed with the key */
    g_hash_table_insert (g->refs[table], key, key + 1);
  }
  return mapped;
}

/* Copies source's record, everything that belongs to it, under owner in
 * the plan. */
/* depth: the item's depth in the plan, for an item with no level. */
static gboolean
graft_record (Graft *g, gpointer record, gint64 owner, int index, guint depth, GError **error)
{
  FitaRecord *rec = record;
  const FitaTable *t = fita_table (rec->table);
  FitaRecord *copy = fita_record_copy (record);
  FitaRecord *fresh = fita_plan_new_record (g->plan, rec->table);

  copy->id = fresh->id;
  fita_record_free (fresh);
  for (guint f = 0; f < t->n_fields; f++)
    if (t->fields[f].type == FITA_FIELD_REF)
      {
        gint64 mapped = graft_ref (g, t->fields[f].ref, fita_record_get_int (record, &t->fields[f]), error);
        if (mapped < 0)
          {
            fita_record_free (copy);
            return FALSE;
          }
        fita_record_set_int (copy, &t->fields[f], mapped);
      }
  if (rec->table == FITA_TABLE_ITEM)
    {
      FitaItem *item = (FitaItem *) copy;
      GPtrArray *siblings = fita_plan_list (g->plan, FITA_TABLE_ITEM, owner);
      /* an item the table gave no level takes the plan's at its depth,
       * as an item added there would */
      if (item->level_id == 0)
        item->level_id = level_for_depth (g->plan, depth,
                                          siblings->len ? ((FitaItem *) g_ptr_array_index (siblings, 0))->level_id : 0);
      g->n_items++;
    }
  if (!fita_plan_insert (g->plan, copy, owner, index, error))
    return FALSE;

  for (guint c = 0; c < FITA_N_TABLES; c++)
    {
      const FitaTable *child = fita_table (c);
      if (child->owner_field >= 0 && child->fields[child->owner_field].ref == rec->table)
        {
          GPtrArray *owned = fita_plan_list (g->source, c, rec->id);
          for (guint i = 0; i < owned->len; i++)
            if (!graft_record (g, g_ptr_array_index (owned, i), copy->id, -1, depth + 1, error))
              return FALSE;
        }
    }
  return TRUE;
}

static guint
deepest (FitaPlan *plan)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  guint depth = 0;

  for (guint i = 0; i < items->len; i++)
    depth = MAX (depth, fita_plan_item_depth (plan, g_ptr_array_index (items, i)) + 1);
  return depth;
}

/* Every code of source that plan has already, or NULL. */
static char *
clashing_codes (FitaPlan *plan, FitaPlan *source, guint *n_clashes)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (source, NULL);
  g_autoptr(GString) codes = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      if (item->code == NULL || fita_plan_find_item (plan, item->code) == NULL)
        continue;
      /* a long list names the first ones, and how many there are */
      if (n++ < 20)
        g_string_append_printf (codes, "%s%s", codes->len ? ", " : "", item->code);
    }
  *n_clashes = n;
  return n ? g_string_free (g_steal_pointer (&codes), FALSE) : NULL;
}

gboolean
fita_plan_graft (FitaPlan *plan, gint64 parent_id, int index, FitaPlan *source, const char *label,
                 guint *n_items, GError **error)
{
  FitaItem *parent = parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, parent_id) : NULL;
  GPtrArray *tops = fita_plan_list (source, FITA_TABLE_ITEM, 0);
  guint depth = parent ? fita_plan_item_depth (plan, parent) + 1 : 0;
  g_autofree char *clashes = NULL;
  Graft g = { plan, source, { NULL }, 0 };
  guint n_clashes = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (plan != source, FALSE);
  if (n_items != NULL)
    *n_items = 0;
  if (parent_id != 0 && parent == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("The item to import under is no longer in the plan."));
      return FALSE;
    }
  if ((clashes = clashing_codes (plan, source, &n_clashes)) != NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_EXISTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The plan already has %u item with a code of the table: %s. Change the code in the table, or import into a new plan.",
                                "The plan already has %u items with codes of the table: %s. Change the codes in the table, or import into a new plan.",
                                n_clashes),
                   n_clashes, clashes);
      return FALSE;
    }
  if (depth + deepest (source) > FITA_MAX_DEPTH)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The items would be more than %d levels deep. Import them higher up in the plan."), FITA_MAX_DEPTH);
      return FALSE;
    }
  if (index < 0 || (guint) index > fita_plan_list (plan, FITA_TABLE_ITEM, parent_id)->len)
    index = fita_plan_list (plan, FITA_TABLE_ITEM, parent_id)->len;

  fita_plan_begin (plan, label);
  /* a leaf that gets children derives its progress from them from now on */
  if (parent != NULL && parent->progress_bp != FITA_NONE && tops->len > 0)
    ok = fita_plan_set_int (plan, parent, "progress", FITA_NONE, error);
  for (guint i = 0; ok && i < tops->len; i++)
    ok = graft_record (&g, g_ptr_array_index (tops, i), parent_id, index + (int) i, depth, error);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    if (g.refs[t] != NULL)
      g_hash_table_unref (g.refs[t]);
  if (!ok)
    {
      fita_plan_cancel (plan);
      return FALSE;
    }
  if (!fita_plan_end (plan, error))
    return FALSE;
  if (n_items != NULL)
    *n_items = g.n_items;
  return TRUE;
}

FitaItem *
fita_plan_duplicate_item (FitaPlan *plan, FitaItem *item, GError **error)
{
  FitaItem *copy;
  gint64 id = 0;
  g_autofree char *code = NULL;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Duplicate Item"));
  copy = copy_deep (plan, item, item->parent_id, item->position + 1, NULL);
  if (copy != NULL)
    {
      id = copy->rec.id;
      /* the next code after the last of the list */
      code = fita_plan_suggest_code (plan, item->parent_id,
                                     fita_plan_list (plan, FITA_TABLE_ITEM, item->parent_id)->len);
      /* codes stay unique: the copy takes the next free one, or none */
      fita_plan_set_text (plan, copy, "code", code, NULL);
    }
  if (!fita_plan_end (plan, error))
    return NULL;
  return fita_plan_lookup (plan, FITA_TABLE_ITEM, id);
}

gboolean
fita_plan_indent_item (FitaPlan *plan, FitaItem *item, GError **error)
{
  GPtrArray *siblings = fita_plan_list (plan, FITA_TABLE_ITEM, item->parent_id);
  FitaItem *above;

  if (item->position == 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The first item of a list cannot be indented: there is no item above it to go under."));
      return FALSE;
    }
  above = g_ptr_array_index (siblings, item->position - 1);
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Indent Item"));
  if (above->progress_bp != FITA_NONE)
    fita_plan_set_int (plan, above, "progress", FITA_NONE, NULL);
  fita_plan_move (plan, item, above->rec.id, -1, NULL);
  return fita_plan_end (plan, error);
}

gboolean
fita_plan_outdent_item (FitaPlan *plan, FitaItem *item, GError **error)
{
  FitaItem *parent = item->parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, item->parent_id) : NULL;

  if (parent == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The item is already at the top of the plan."));
      return FALSE;
    }
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Outdent Item"));
  fita_plan_move (plan, item, parent->parent_id, parent->position + 1, NULL);
  return fita_plan_end (plan, error);
}

gboolean
fita_plan_shift_item (FitaPlan *plan, FitaItem *item, int delta, GError **error)
{
  GPtrArray *siblings = fita_plan_list (plan, FITA_TABLE_ITEM, item->parent_id);
  gint64 target = item->position + delta;

  if (target < 0 || target >= siblings->len)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   delta < 0 ? _("The item is already the first of its list.")
                             : _("The item is already the last of its list."));
      return FALSE;
    }
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Move Item"));
  /* moving down past the next sibling: its index counts the item itself */
  fita_plan_move (plan, item, item->parent_id, delta > 0 ? target + 1 : target, NULL);
  return fita_plan_end (plan, error);
}

/* Search */

static char *
fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  GString *out = g_string_sized_new (strlen (folded));

  /* drop the accents, so "accio" finds "Acció" */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gint64
year_of (const char *date)
{
  return date != NULL ? g_ascii_strtoll (date, NULL, 10) : FITA_NONE;
}

gboolean
fita_item_in_year (FitaItem *item, gint64 year)
{
  gint64 start = item->start_year != FITA_NONE ? item->start_year : year_of (item->start_date);
  gint64 end = item->end_year != FITA_NONE ? item->end_year : year_of (item->end_date);

  if (fita_semesters_contains (item->semesters, year, 1) || fita_semesters_contains (item->semesters, year, 2))
    return TRUE;
  if (start == FITA_NONE && end == FITA_NONE)
    return FALSE;
  if (start == FITA_NONE)
    start = end;
  if (end == FITA_NONE)
    end = start;
  return start <= year && year <= end;
}

static gboolean
has_agent (FitaPlan *plan, FitaItem *item, gint64 agent_id)
{
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);

  for (guint i = 0; i < who->len; i++)
    if (((FitaResponsibility *) g_ptr_array_index (who, i))->agent_id == agent_id)
      return TRUE;
  return FALSE;
}

GHashTable *
fita_plan_search (FitaPlan *plan, const FitaFilter *filter, GHashTable **visible)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autofree char *needle = filter->text && *filter->text ? fold (filter->text) : NULL;
  GHashTable *matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable *shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);

      if (needle != NULL)
        {
          g_autofree char *code = fold (item->code);
          g_autofree char *title = fold (item->title);
          if (strstr (code, needle) == NULL && strstr (title, needle) == NULL)
            continue;
        }
      if (filter->status_id != 0 && item->status_id != filter->status_id)
        continue;
      if (filter->agent_id != 0 && !has_agent (plan, item, filter->agent_id))
        continue;
      if (filter->year != FITA_NONE && !fita_item_in_year (item, filter->year))
        continue;

      g_hash_table_add (matches, g_memdup2 (&item->rec.id, sizeof (gint64)));
      for (FitaItem *up = item; up != NULL;
           up = up->parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, up->parent_id) : NULL)
        {
          if (g_hash_table_contains (shown, &up->rec.id))
            break;
          g_hash_table_add (shown, g_memdup2 (&up->rec.id, sizeof (gint64)));
        }
    }
  if (visible != NULL)
    *visible = shown;
  else
    g_hash_table_unref (shown);
  return matches;
}

/* Cells by year */

FitaBudgetLine *
fita_plan_find_budget_line (FitaPlan *plan, gint64 item_id, gint64 year, gint64 chapter_id)
{
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item_id);

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      if (line->year == year && line->chapter_id == chapter_id)
        return line;
    }
  return NULL;
}

/* Index at which a new line for year/chapter keeps the list in year order. */
static int
budget_index (FitaPlan *plan, gint64 item_id, gint64 year, gint64 chapter_id)
{
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item_id);
  GPtrArray *chapters = fita_plan_list (plan, FITA_TABLE_CHAPTER, 0);
  FitaChapter *chapter = chapter_id ? fita_plan_lookup (plan, FITA_TABLE_CHAPTER, chapter_id) : NULL;
  gint64 order = chapter ? chapter->position : chapters->len;

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      FitaChapter *other = line->chapter_id ? fita_plan_lookup (plan, FITA_TABLE_CHAPTER, line->chapter_id) : NULL;
      gint64 other_order = other ? other->position : chapters->len;
      if (line->year > year || (line->year == year && other_order > order))
        return i;
    }
  return -1;
}

gboolean
fita_plan_set_budget (FitaPlan *plan, gint64 item_id, gint64 year, gint64 chapter_id,
                      gint64 planned_cents, gint64 executed_cents, GError **error)
{
  FitaBudgetLine *line = fita_plan_find_budget_line (plan, item_id, year, chapter_id);

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Edit Budget"));
  if (line == NULL && (planned_cents != FITA_NONE || executed_cents != FITA_NONE))
    {
      line = fita_plan_new_record (plan, FITA_TABLE_BUDGET_LINE);
      line->year = year;
      line->chapter_id = chapter_id;
      line->planned_cents = planned_cents;
      line->executed_cents = executed_cents;
      fita_plan_insert (plan, line, item_id, budget_index (plan, item_id, year, chapter_id), NULL);
    }
  else if (line != NULL && planned_cents == FITA_NONE && executed_cents == FITA_NONE)
    fita_plan_delete (plan, line, NULL);
  else if (line != NULL)
    {
      fita_plan_set_int (plan, line, "planned_cents", planned_cents, NULL);
      fita_plan_set_int (plan, line, "executed_cents", executed_cents, NULL);
    }
  return fita_plan_end (plan, error);
}

/* Records kept one per year in their owner's list (follow-ups, indicator
 * values): the one for year, and where a new one keeps the list in order. */
static gpointer
find_by_year (FitaPlan *plan, FitaTableId table, gint64 owner, gint64 year, guint *index)
{
  const FitaTable *t = fita_table (table);
  const FitaField *field = &t->fields[fita_table_field_index (t, "year")];
  GPtrArray *list = fita_plan_list (plan, table, owner);
  guint i = 0;

  for (; i < list->len; i++)
    {
      gint64 other = fita_record_get_int (g_ptr_array_index (list, i), field);
      if (other == year)
        return g_ptr_array_index (list, i);
      if (other > year)
        break;
    }
  if (index)
    *index = i;
  return NULL;
}

FitaFollowup *
fita_plan_find_followup (FitaPlan *plan, gint64 item_id, gint64 year)
{
  return find_by_year (plan, FITA_TABLE_FOLLOWUP, item_id, year, NULL);
}

static gboolean
followup_is_empty (FitaFollowup *followup)
{
  return !followup->execution && !followup->strengths && !followup->weaknesses &&
         !followup->other && !followup->adjustments && !followup->next_steps;
}

gboolean
fita_plan_set_followup (FitaPlan *plan, gint64 item_id, gint64 year, const char *field,
                        const char *text, GError **error)
{
  guint index = 0;
  FitaFollowup *followup = find_by_year (plan, FITA_TABLE_FOLLOWUP, item_id, year, &index);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (followup == NULL && text == NULL)
    return TRUE;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Edit Follow-up"));
  if (followup == NULL)
    {
      gint64 id;
      followup = fita_plan_new_record (plan, FITA_TABLE_FOLLOWUP);
      followup->year = year;
      id = followup->rec.id;
      fita_plan_insert (plan, followup, item_id, index, NULL);
      followup = fita_plan_lookup (plan, FITA_TABLE_FOLLOWUP, id);
    }
  if (followup != NULL && fita_plan_set_text (plan, followup, field, text, NULL) && followup_is_empty (followup))
    fita_plan_delete (plan, followup, NULL);
  return fita_plan_end (plan, error);
}

FitaIndicatorValue *
fita_plan_find_indicator_value (FitaPlan *plan, gint64 indicator_id, gint64 year)
{
  return find_by_year (plan, FITA_TABLE_INDICATOR_VALUE, indicator_id, year, NULL);
}

gboolean
fita_plan_set_indicator_value (FitaPlan *plan, gint64 indicator_id, gint64 year,
                               const char *value, const char *observations, GError **error)
{
  guint index = 0;
  FitaIndicatorValue *cell = find_by_year (plan, FITA_TABLE_INDICATOR_VALUE, indicator_id, year, &index);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (observations != NULL && *observations == '\0')
    observations = NULL;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Edit Indicator"));
  if (cell == NULL && (value != NULL || observations != NULL))
    {
      cell = fita_plan_new_record (plan, FITA_TABLE_INDICATOR_VALUE);
      cell->year = year;
      cell->value = g_strdup (value);
      cell->observations = g_strdup (observations);
      fita_plan_insert (plan, cell, indicator_id, index, NULL);
    }
  else if (cell != NULL && value == NULL && observations == NULL)
    fita_plan_delete (plan, cell, NULL);
  else if (cell != NULL)
    {
      fita_plan_set_text (plan, cell, "value", value, NULL);
      fita_plan_set_text (plan, cell, "observations", observations, NULL);
    }
  return fita_plan_end (plan, error);
}
