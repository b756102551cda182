/* fita-merge.c: answers in (fita-merge.h): a filled update form read,
 * checked row by row against its hidden key, compared three ways (form,
 * as sent, plan) and applied as one undoable change. The key sheet is
 * made by fita-forms.c (make_key()). */
#include "config.h"
#include "fita-merge.h"
#include "fita-merge-private.h"

#include "fita-edit.h"
#include "fita-enums.h"
#include "fita-error.h"
#include "fita-forms.h"
#include "fita-forms-private.h"
#include "fita-money.h"
#include "fita-sheet.h"
#include "fita-sheet-zip.h"
#include "fita-years.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The columns of an item's row before its fields: code, title, level. */
#define ITEM_FIRST_FIELD 3
/* An indicator's row: code, indicator, unit, target, value, key. */
#define INDICATOR_VALUE_COLUMN 4

struct _FitaMerge {
  GObject parent_instance;
  char *path;
  FitaSheet *key;          /* the hidden key sheet */
  GHashTable *sheets;      /* name → FitaSheet*: the sheets the key names */
  GHashTable *unreadable;  /* name → why: the sheets the key names that hold what a plan cannot */
  char *agent;
  gint64 year;
  GListStore *items;
  GListStore *refusals;
  guint n_fields;
  guint n_conflicts;
  guint n_undecided;
  gboolean deciding;       /* in fita_merge_decide_conflicts(): one count after */
  gboolean compared;
  gboolean applied;
  guint64 generation;      /* the plan's when compared */
};

G_DEFINE_FINAL_TYPE (FitaMerge, fita_merge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_UNDECIDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fita_merge_finalize (GObject *object)
{
  FitaMerge *self = FITA_MERGE (object);

  g_free (self->path);
  g_clear_pointer (&self->key, fita_sheet_free);
  g_clear_pointer (&self->sheets, g_hash_table_unref);
  g_clear_pointer (&self->unreadable, g_hash_table_unref);
  g_free (self->agent);
  g_clear_object (&self->items);
  g_clear_object (&self->refusals);
  G_OBJECT_CLASS (fita_merge_parent_class)->finalize (object);
}

static void
fita_merge_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaMerge *self = FITA_MERGE (object);

  switch (prop_id)
    {
    case PROP_N_UNDECIDED:
      g_value_set_uint (value, self->n_undecided);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_merge_class_init (FitaMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fita_merge_finalize;
  object_class->get_property = fita_merge_get_property;
  properties[PROP_N_UNDECIDED] =
    g_param_spec_uint ("n-undecided", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fita_merge_init (FitaMerge *self)
{
  self->items = g_list_store_new (FITA_TYPE_MERGE_ITEM);
  self->refusals = g_list_store_new (FITA_TYPE_MERGE_REFUSAL);
  self->sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) fita_sheet_free);
  self->unreadable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->year = FITA_NONE;
}

/* Reading */

static const char *
cell_at (const FitaSheetRow *row, guint column)
{
  return row != NULL && column < fita_sheet_row_length (row) ? row->cells[column] : "";
}

static FitaSheetRow *
row_at_line (FitaSheet *sheet, guint line)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, i);
      if (row->line == line)
        return row;
    }
  return NULL;
}

FitaMerge *
fita_merge_read_file (const char *path, GError **error)
{
  g_autoptr(FitaMerge) self = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FITA_TYPE_MERGE, NULL);
  self->path = g_strdup (path);
  self->key = fita_sheet_read_path (path, NULL, FITA_FORM_KEY_SHEET, &local);
  if (self->key == NULL)
    {
      display = g_filename_display_name (path);
      if (g_error_matches (local, FITA_ERROR, FITA_ERROR_NOT_FOUND))
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                     _("“%s” is not an update form made by Fita: it has no hidden key sheet. Merge the form Fita wrote, filled in."),
                     display);
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Cannot read the form “%s”: "), display);
      return NULL;
    }
  /* the sheets the key names; one missing, or holding what no plan can
   * (a text too long), is a refusal; a damaged file an error */
  for (guint i = 0; i < self->key->rows->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (self->key->rows, i);
      const char *name = cell_at (row, 0);
      g_autoptr(GError) sheet_error = NULL;
      FitaSheet *sheet;

      if (row->line == 1 || *name == '\0' || g_hash_table_contains (self->sheets, name) ||
          g_hash_table_contains (self->unreadable, name))
        continue;
      sheet = fita_sheet_read_path (path, NULL, name, &sheet_error);
      if (sheet != NULL)
        g_hash_table_insert (self->sheets, g_strdup (name), sheet);
      else if (g_error_matches (sheet_error, FITA_ERROR, FITA_ERROR_INVALID))
        g_hash_table_insert (self->unreadable, g_strdup (name), g_strdup (sheet_error->message));
      else if (!g_error_matches (sheet_error, FITA_ERROR, FITA_ERROR_NOT_FOUND))
        {
          display = g_filename_display_name (path);
          g_propagate_prefixed_error (error, g_steal_pointer (&sheet_error), _("Cannot read the form “%s”: "), display);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

/* Comparing: the rows of the key */

typedef struct {
  guint line;              /* in the key sheet */
  const char *sheet;
  guint row;               /* where the key sheet says the row is */
  const char *key_text;
  FitaFormKey *key;        /* NULL: not well formed */
  const char *agent;
  const char *code;
  GPtrArray *sent;         /* FitaFormSent, in the key sheet's order */
  FitaSheetRow *form_row;  /* the row found in its sheet */
} KeyRow;

static void
key_row_free (gpointer data)
{
  KeyRow *k = data;

  fita_form_key_free (k->key);
  g_clear_pointer (&k->sent, g_ptr_array_unref);
  g_free (k);
}

typedef struct {
  FitaMerge *merge;
  FitaPlan *plan;
  const char *lang;         /* the values for people: the interface's language */
  const char *form_lang;    /* numbers typed as text: the plan's language, the form's */
  GPtrArray *rows;          /* KeyRow */
  GPtrArray *item_names;    /* the names of an item's fields, in the key sheet's order (borrowed) */
  guint *item_columns;      /* their columns in the key sheet */
  guint value_column;       /* the key sheet's "value" */
  GHashTable *by_item;      /* item id → FitaMergeItem, borrowed */
} Compare;

static void
refuse (Compare *c, const char *sheet, guint row, const char *code, const char *reason)
{
  g_autoptr(FitaMergeRefusal) refusal = fita_merge_refusal_new (sheet, row, code, reason);

  g_list_store_append (c->merge->refusals, refusal);
}

static void
refuse_whole (Compare *c, const char *reason)
{
  refuse (c, NULL, 0, NULL, reason);
}

static gboolean
parse_line (const char *text, guint *line)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 2, FITA_SHEET_MAX_ROW_NUMBER, &value, NULL))
    return FALSE;
  *line = (guint) value;
  return TRUE;
}

/* The key sheet's columns by name; FALSE if one it needs is gone. */
static gboolean
read_key_header (Compare *c)
{
  static const char * const names[FITA_FORM_KEY_N_FIXED] = { "sheet", "row", "key", "agent", "code" };
  FitaSheetRow *header = row_at_line (c->merge->key, 1);
  guint n = header ? fita_sheet_row_length (header) : 0;

  c->value_column = G_MAXUINT;
  for (guint f = 0; f < FITA_FORM_KEY_N_FIXED; f++)
    if (f >= n || !g_str_equal (header->cells[f], names[f]))
      return FALSE;
  c->item_columns = g_new0 (guint, n);
  c->item_names = g_ptr_array_new ();
  for (guint i = FITA_FORM_KEY_N_FIXED; i < n; i++)
    {
      if (g_str_equal (header->cells[i], "value"))
        c->value_column = i;
      else
        {
          c->item_columns[c->item_names->len] = i;
          g_ptr_array_add (c->item_names, header->cells[i]);
        }
    }
  return c->value_column != G_MAXUINT;
}

static void
read_key_rows (Compare *c)
{
  for (guint i = 0; i < c->merge->key->rows->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (c->merge->key->rows, i);
      KeyRow *k;

      if (row->line == 1)
        continue;
      k = g_new0 (KeyRow, 1);
      k->line = row->line;
      k->sheet = cell_at (row, 0);
      if (!parse_line (cell_at (row, 1), &k->row))
        k->row = 0;
      k->key_text = cell_at (row, 2);
      k->key = fita_form_key_parse (k->key_text);
      k->agent = cell_at (row, 3);
      k->code = cell_at (row, 4);
      k->sent = fita_form_sent_new ();
      if (k->key != NULL && k->key->table == FITA_TABLE_ITEM)
        for (guint f = 0; f < c->item_names->len; f++)
          fita_form_sent_add (k->sent, g_ptr_array_index (c->item_names, f), cell_at (row, c->item_columns[f]));
      else
        fita_form_sent_add (k->sent, "value", cell_at (row, c->value_column));
      g_ptr_array_add (c->rows, k);
    }
}

/* Whether the key is one the form was made with: well formed, of the
 * form's plan and year, and its digest that of the row's values as sent. */
static gboolean
key_is_intact (Compare *c, KeyRow *k, const char *uuid)
{
  g_autofree char *digest = NULL;

  if (k->key == NULL || k->row == 0 || !g_str_equal (k->key->plan_uuid, uuid) ||
      k->key->year != c->merge->year || g_strcmp0 (k->agent, c->merge->agent) != 0)
    return FALSE;
  digest = fita_form_digest (k->key->plan_uuid, k->key->year, k->key->table, k->key->id, k->agent, k->code, k->sent);
  return g_str_equal (digest, k->key->digest);
}

/* The column of a sheet's key: after an item's fields, or an indicator's
 * value. */
static guint
key_column (Compare *c, FitaTableId table)
{
  return table == FITA_TABLE_ITEM ? ITEM_FIRST_FIELD + c->item_names->len : INDICATOR_VALUE_COLUMN + 1;
}

/* A sheet's rows found without scanning it: by line, by the text at a
 * key's column (the first row below the header), by the last cell. */
typedef struct {
  GHashTable *lines;   /* line → FitaSheetRow* */
  GHashTable *texts;   /* text at column → the first row below the header; NULL: not built */
  guint column;        /* of texts */
  GHashTable *last;    /* last cell's text → GPtrArray of rows; NULL: not built */
} SheetIndex;

static void
sheet_index_free (gpointer data)
{
  SheetIndex *index = data;

  g_hash_table_unref (index->lines);
  g_clear_pointer (&index->texts, g_hash_table_unref);
  g_clear_pointer (&index->last, g_hash_table_unref);
  g_free (index);
}

static SheetIndex *
sheet_index_new (FitaSheet *sheet)
{
  SheetIndex *index = g_new0 (SheetIndex, 1);

  index->lines = g_hash_table_new (NULL, NULL);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
      if (!g_hash_table_contains (index->lines, GUINT_TO_POINTER (row->line)))
        g_hash_table_insert (index->lines, GUINT_TO_POINTER (row->line), row);
    }
  return index;
}

/* The first row below the header whose cell at column is text. */
static FitaSheetRow *
sheet_index_find (SheetIndex *index, FitaSheet *sheet, guint column, const char *text)
{
  if (index->texts == NULL || index->column != column)
    {
      g_clear_pointer (&index->texts, g_hash_table_unref);
      index->texts = g_hash_table_new (g_str_hash, g_str_equal);
      index->column = column;
      for (guint r = 0; r < sheet->rows->len; r++)
        {
          FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
          const char *cell = cell_at (row, column);
          if (row->line > 1 && !g_hash_table_contains (index->texts, cell))
            g_hash_table_insert (index->texts, (gpointer) cell, row);
        }
    }
  return g_hash_table_lookup (index->texts, text);
}

/* The rows whose last cell is text, or NULL. */
static GPtrArray *
sheet_index_by_last (SheetIndex *index, FitaSheet *sheet, const char *text)
{
  if (index->last == NULL)
    {
      index->last = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      for (guint r = 0; r < sheet->rows->len; r++)
        {
          FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
          guint length = fita_sheet_row_length (row);
          GPtrArray *rows;
          if (length == 0)
            continue;
          rows = g_hash_table_lookup (index->last, row->cells[length - 1]);
          if (rows == NULL)
            {
              rows = g_ptr_array_new ();
              g_hash_table_insert (index->last, row->cells[length - 1], rows);
            }
          g_ptr_array_add (rows, row);
        }
    }
  return g_hash_table_lookup (index->last, text);
}

/* What checked says of a sheet */
#define SHEET_BAD GINT_TO_POINTER (1)
#define SHEET_GOOD GINT_TO_POINTER (2)

/* Finds each key's row in its sheet: where the key says, or elsewhere
 * (moved), or nowhere (deleted); then the rows no key is for (added). A
 * sheet refused as a whole (gone, unreadable, its columns changed) is
 * refused once, and none of its rows. */
static void
match_rows (Compare *c)
{
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) checked = g_hash_table_new (g_str_hash, g_str_equal);   /* sheet name → SHEET_BAD, SHEET_GOOD */
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, sheet_index_free);
  GHashTableIter iter;
  gpointer name, value;

  g_hash_table_iter_init (&iter, c->merge->sheets);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_hash_table_insert (indexes, name, sheet_index_new (value));

  for (guint i = 0; i < c->rows->len; i++)
    {
      KeyRow *k = g_ptr_array_index (c->rows, i);
      FitaSheet *sheet = g_hash_table_lookup (c->merge->sheets, k->sheet);
      SheetIndex *index = sheet ? g_hash_table_lookup (indexes, k->sheet) : NULL;
      gpointer verdict = g_hash_table_lookup (checked, k->sheet);
      guint column;
      FitaSheetRow *row, *header;

      if (k->key == NULL)
        {
          /* refused already: its row, found by its key, is not an added one */
          GPtrArray *rows = sheet ? sheet_index_by_last (index, sheet, k->key_text) : NULL;
          for (guint r = 0; rows != NULL && r < rows->len; r++)
            g_hash_table_add (used, g_ptr_array_index (rows, r));
          continue;
        }
      if (verdict == SHEET_BAD)
        continue;
      if (sheet == NULL)
        {
          const char *why = g_hash_table_lookup (c->merge->unreadable, k->sheet);
          if (why != NULL)
            refuse (c, k->sheet, 0, NULL, why);
          else
            {
              g_autofree char *reason =
                g_strdup_printf (_("The sheet “%s” was deleted or renamed: give it back its name, or make a new form."), k->sheet);
              refuse_whole (c, reason);
            }
          g_hash_table_insert (checked, (gpointer) k->sheet, SHEET_BAD);
          continue;
        }
      column = key_column (c, k->key->table);
      if (verdict == NULL)
        {
          header = g_hash_table_lookup (index->lines, GUINT_TO_POINTER (1));
          if (header == NULL || fita_sheet_row_length (header) != column + 1)
            {
              g_autofree char *reason =
                g_strdup_printf (_("Columns were added, deleted or moved on the sheet “%s”: a form takes only the columns it was sent with. Put them back, or make a new form."),
                                 k->sheet);
              refuse (c, k->sheet, 1, NULL, reason);
              g_hash_table_insert (checked, (gpointer) k->sheet, SHEET_BAD);
              continue;
            }
          g_hash_table_insert (checked, (gpointer) k->sheet, SHEET_GOOD);
        }
      row = g_hash_table_lookup (index->lines, GUINT_TO_POINTER (k->row));
      if (row == NULL || !g_str_equal (cell_at (row, column), k->key_text))
        {
          row = sheet_index_find (index, sheet, column, k->key_text);
          if (row != NULL)
            {
              g_autofree char *reason =
                g_strdup_printf (_("This row was moved (it was row %u): put the rows back in their order, or make a new form."), k->row);
              refuse (c, k->sheet, row->line, k->code, reason);
              g_hash_table_add (used, row);
            }
          else
            {
              g_autofree char *reason =
                g_strdup_printf (_("The row of %s (row %u) was deleted, or its hidden key: put it back, or make a new form."),
                                 k->code, k->row);
              refuse (c, k->sheet, k->row, k->code, reason);
            }
          continue;
        }
      g_hash_table_add (used, row);
      if (!g_str_equal (cell_at (row, 0), k->code))
        {
          g_autofree char *reason =
            g_strdup_printf (_("The hidden key of this row is that of %s, not of %s: the rows were sorted or moved apart from their key. Put them back in their order."),
                             k->code, cell_at (row, 0));
          refuse (c, k->sheet, row->line, cell_at (row, 0), reason);
          continue;
        }
      k->form_row = row;
    }

  /* rows no key is for, in the sheets the key names (not those refused whole) */
  g_hash_table_iter_init (&iter, c->merge->sheets);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      FitaSheet *sheet = value;
      if (g_hash_table_lookup (checked, name) == SHEET_BAD)
        continue;
      for (guint r = 0; r < sheet->rows->len; r++)
        {
          FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
          if (row->line > 1 && !g_hash_table_contains (used, row))
            refuse (c, name, row->line, *cell_at (row, 0) ? cell_at (row, 0) : NULL,
                    _("This row was added: a form takes only the rows it was sent with. Delete it, or add the item in the plan and make a new form."));
        }
    }
}

/* Checks every row's key; FALSE if the form as a whole is refused. */
static gboolean
check_keys (Compare *c)
{
  FitaMerge *merge = c->merge;
  FitaPlanInfo *info = fita_plan_get_info (c->plan);
  const FitaFormKey *first = NULL;
  gint64 followed = fita_forms_default_year (c->plan);

  for (guint i = 0; i < c->rows->len && first == NULL; i++)
    {
      KeyRow *k = g_ptr_array_index (c->rows, i);
      if (k->key != NULL)
        {
          first = k->key;
          merge->agent = g_strdup (k->agent);
          merge->year = k->key->year;
        }
    }
  if (first == NULL)
    {
      refuse (c, FITA_FORM_KEY_SHEET, 1, NULL,
              _("The hidden key sheet of this form was edited, so its rows can no longer be tied to the plan: make a new form."));
      return FALSE;
    }
  if (info->uuid == NULL || !g_str_equal (first->plan_uuid, info->uuid))
    {
      g_autofree char *reason =
        g_strdup_printf (_("This form was made from another plan, not from “%s”: merge it into the plan it was made from."),
                         info->title ? info->title : "");
      refuse_whole (c, reason);
      return FALSE;
    }
  if (fita_plan_is_year_closed (c->plan, first->year))
    {
      g_autofree char *reason =
        g_strdup_printf (_("This form is for %d, a year already closed in this plan, whose figures no longer change: reopen %d to merge it."),
                         (int) first->year, (int) first->year);
      refuse_whole (c, reason);
      return FALSE;
    }
  if (first->year != followed)
    {
      g_autofree char *reason =
        g_strdup_printf (_("This form is for %d, but the plan follows up %d: merge only forms for the year followed up, or make new forms."),
                         (int) first->year, (int) followed);
      refuse_whole (c, reason);
      return FALSE;
    }

  for (guint i = 0; i < c->rows->len; i++)
    {
      KeyRow *k = g_ptr_array_index (c->rows, i);
      gboolean exists;

      if (!key_is_intact (c, k, info->uuid))
        {
          refuse (c, FITA_FORM_KEY_SHEET, k->line, *k->code ? k->code : NULL,
                  _("The hidden key of this row was edited, so the row can no longer be tied to its item: make a new form."));
          g_clear_pointer (&k->key, fita_form_key_free);
          continue;
        }
      exists = fita_plan_lookup (c->plan, k->key->table, k->key->id) != NULL;
      if (!exists)
        {
          refuse (c, k->sheet, k->row, k->code,
                  _("The item of this row is no longer in the plan, so its answers cannot be merged: make a new form."));
          g_clear_pointer (&k->key, fita_form_key_free);
        }
    }
  match_rows (c);
  return TRUE;
}

static FitaMergeItem *
merge_item_for (Compare *c, gint64 item_id)
{
  FitaMergeItem *item = g_hash_table_lookup (c->by_item, &item_id);

  if (item == NULL)
    {
      FitaItem *record = fita_plan_lookup (c->plan, FITA_TABLE_ITEM, item_id);
      gint64 *key = g_new (gint64, 1);
      *key = item_id;
      item = fita_merge_item_new (item_id, record ? record->code : NULL, record ? record->title : NULL);
      g_hash_table_insert (c->by_item, key, item);
    }
  return item;
}

/* Compares one row's fields three ways; refuses values out of range. */
static void
compare_row (Compare *c, KeyRow *k, GPtrArray *fields)
{
  FitaMerge *merge = c->merge;
  FitaTableId table = k->key->table;
  g_autoptr(GPtrArray) now = fita_form_sent_values (c->plan, table, k->key->id, merge->year);
  gint64 item_id = k->key->id;

  if (table == FITA_TABLE_INDICATOR)
    item_id = ((FitaIndicator *) fita_plan_lookup (c->plan, FITA_TABLE_INDICATOR, k->key->id))->item_id;
  for (guint f = 0; f < k->sent->len; f++)
    {
      FitaFormSent *sent = g_ptr_array_index (k->sent, f);
      const char *plan_value = NULL;
      guint column = table == FITA_TABLE_ITEM ? ITEM_FIRST_FIELD + f : INDICATOR_VALUE_COLUMN;
      g_autofree char *form_value = NULL, *reason = NULL;
      FitaMergeTarget target = { 0 };
      FitaMergeFieldInfo info;
      gboolean conflict;

      if (!fita_merge_field_info (c->plan, table, k->key->id, sent->name, &info))
        {
          refuse (c, FITA_FORM_KEY_SHEET, k->line, k->code,
                  _("The hidden key of this row was edited, so the row can no longer be tied to its item: make a new form."));
          continue;
        }
      for (guint n = 0; n < now->len; n++)
        if (g_str_equal (((FitaFormSent *) g_ptr_array_index (now, n))->name, sent->name))
          plan_value = ((FitaFormSent *) g_ptr_array_index (now, n))->text;
      if (!fita_merge_parse_cell (c->plan, c->form_lang, &info, cell_at (k->form_row, column), &form_value, &target, &reason))
        {
          /* Translators: a refused value: the column's name, then what is wrong with it */
          g_autofree char *message = g_strdup_printf (_("%s: %s"), info.label, reason);
          refuse (c, k->sheet, k->form_row->line, k->code, message);
        }
      /* three ways: unchanged in the form, or the plan already holds it */
      else if (!fita_merge_same (form_value, sent->text) && !fita_merge_same (form_value, plan_value))
        {
          g_autofree char *plan_text = fita_merge_display (c->lang, info.kind, plan_value);
          g_autofree char *form_text = fita_merge_display (c->lang, info.kind, form_value);
          g_autofree char *sent_text = fita_merge_display (c->lang, info.kind, sent->text);
          FitaMergeField *field;

          conflict = !fita_merge_same (plan_value, sent->text);
          target.record_id = k->key->id;
          field = fita_merge_field_new (info.key, info.label, plan_text, form_text, sent_text, conflict, &target);
          g_ptr_array_add (fields, field);
          g_ptr_array_add (fields, merge_item_for (c, item_id));
        }
      g_free (target.text);
      fita_merge_field_info_clear (&info);
    }
}

/* Where each item's row is among the key's rows: its own, else its
 * first indicator's; item id → rank + 1, made once before sorting. */
static GHashTable *
row_ranks (Compare *c)
{
  /* keys borrowed: the key rows' ids, the plan's indicators' item ids */
  GHashTable *ranks = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < c->rows->len; i++)
    {
      KeyRow *k = g_ptr_array_index (c->rows, i);
      if (k->key != NULL && k->key->table == FITA_TABLE_ITEM && !g_hash_table_contains (ranks, &k->key->id))
        g_hash_table_insert (ranks, &k->key->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < c->rows->len; i++)
    {
      KeyRow *k = g_ptr_array_index (c->rows, i);
      FitaIndicator *indicator = k->key != NULL && k->key->table == FITA_TABLE_INDICATOR
                                 ? fita_plan_lookup (c->plan, FITA_TABLE_INDICATOR, k->key->id) : NULL;
      if (indicator != NULL && !g_hash_table_contains (ranks, &indicator->item_id))
        g_hash_table_insert (ranks, &indicator->item_id, GUINT_TO_POINTER (i + 1));
    }
  return ranks;
}

static guint
row_rank (GHashTable *ranks, gint64 item_id)
{
  gpointer rank = g_hash_table_lookup (ranks, &item_id);

  return rank ? GPOINTER_TO_UINT (rank) - 1 : G_MAXUINT;
}

static int
by_row (gconstpointer a, gconstpointer b, gpointer data)
{
  guint ra = row_rank (data, fita_merge_item_get_id (*(FitaMergeItem **) a));
  guint rb = row_rank (data, fita_merge_item_get_id (*(FitaMergeItem **) b));

  return ra < rb ? -1 : ra > rb;
}

static void
count_undecided (FitaMerge *self)
{
  guint undecided = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(FitaMergeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GListModel *fields = fita_merge_item_get_fields (item);
      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(FitaMergeField) other = g_list_model_get_item (fields, f);
          if (fita_merge_field_get_decision (other) == FITA_MERGE_UNDECIDED)
            undecided++;
        }
    }
  if (undecided != self->n_undecided)
    {
      self->n_undecided = undecided;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNDECIDED]);
    }
}

static void
field_decided (FitaMergeField *field, GParamSpec *pspec, FitaMerge *self)
{
  if (!self->deciding)
    count_undecided (self);
}

void
fita_merge_compare (FitaMerge *self, FitaPlan *plan)
{
  Compare c = { self, plan, fita_lang_from_locale (), NULL, NULL, NULL, NULL, 0, NULL };
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();   /* field, item, field, item… */
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) ranks = NULL;
  guint undecided_before = self->n_undecided;

  g_return_if_fail (FITA_IS_MERGE (self));
  g_return_if_fail (FITA_IS_PLAN (plan));

  g_list_store_remove_all (self->items);
  g_list_store_remove_all (self->refusals);
  g_clear_pointer (&self->agent, g_free);
  self->year = FITA_NONE;
  self->n_fields = self->n_conflicts = self->n_undecided = 0;
  self->compared = TRUE;
  self->applied = FALSE;
  self->generation = fita_plan_get_generation (plan);

  c.form_lang = fita_lang_normalise (fita_plan_get_info (plan)->language ? fita_plan_get_info (plan)->language : "en");
  c.rows = g_ptr_array_new_with_free_func (key_row_free);
  c.by_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  if (!read_key_header (&c))
    refuse (&c, FITA_FORM_KEY_SHEET, 1, NULL,
            _("The hidden key sheet of this form was edited, so its rows can no longer be tied to the plan: make a new form."));
  else
    {
      read_key_rows (&c);
      if (check_keys (&c) && g_list_model_get_n_items (G_LIST_MODEL (self->refusals)) == 0)
        for (guint i = 0; i < c.rows->len; i++)
          compare_row (&c, g_ptr_array_index (c.rows, i), fields);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->refusals)) == 0)
    {
      for (guint i = 0; i < fields->len; i += 2)
        {
          FitaMergeField *field = g_ptr_array_index (fields, i);
          FitaMergeItem *item = g_ptr_array_index (fields, i + 1);
          /* only here are fields added: an item without any is new to order */
          if (g_list_model_get_n_items (fita_merge_item_get_fields (item)) == 0)
            g_ptr_array_add (order, item);
          self->n_fields++;
          if (fita_merge_field_get_conflict (field))
            {
              self->n_conflicts++;
              self->n_undecided++;
              g_signal_connect_object (field, "notify::decision", G_CALLBACK (field_decided), self, 0);
            }
          fita_merge_item_add (item, field);
        }
      /* the items in the form's order, an item with only its indicators
       * changed where its own row is */
      ranks = row_ranks (&c);
      g_ptr_array_sort_with_data (order, by_row, ranks);
      for (guint i = 0; i < order->len; i++)
        g_list_store_append (self->items, g_ptr_array_index (order, i));
    }
  else
    for (guint i = 0; i < fields->len; i += 2)
      g_object_unref (g_ptr_array_index (fields, i));

  g_hash_table_unref (c.by_item);
  g_ptr_array_unref (c.rows);
  g_clear_pointer (&c.item_names, g_ptr_array_unref);
  g_free (c.item_columns);
  if (self->n_undecided != undecided_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNDECIDED]);
}

FitaMerge *
fita_merge_read (FitaPlan *plan, const char *path, GError **error)
{
  FitaMerge *self;

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);
  self = fita_merge_read_file (path, error);
  if (self != NULL)
    fita_merge_compare (self, plan);
  return self;
}

static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  FitaMerge *merge;

  merge = fita_merge_read_file (data, &error);
  if (merge == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, merge, g_object_unref);
}

static void
read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  FitaMerge *merge = g_task_propagate_pointer (G_TASK (result), &error);

  if (merge == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  fita_merge_compare (merge, g_task_get_source_object (task));
  g_task_return_pointer (task, merge, g_object_unref);
}

void
fita_merge_read_async (FitaPlan *plan, const char *path, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;
  g_autoptr(GTask) reading = NULL;

  g_return_if_fail (FITA_IS_PLAN (plan));
  g_return_if_fail (path != NULL);

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, fita_merge_read_async);
  reading = g_task_new (NULL, cancellable, read_done, task);
  g_task_set_task_data (reading, g_strdup (path), g_free);
  g_task_run_in_thread (reading, read_in_thread);
}

FitaMerge *
fita_merge_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What it says */

const char *
fita_merge_get_path (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), NULL);
  return self->path;
}

const char *
fita_merge_get_agent_name (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), NULL);
  return self->agent;
}

gint64
fita_merge_get_year (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), FITA_NONE);
  return self->year;
}

GListModel *
fita_merge_get_refusals (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), NULL);
  return G_LIST_MODEL (self->refusals);
}

gboolean
fita_merge_is_refused (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->refusals)) > 0;
}

GListModel *
fita_merge_get_items (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
fita_merge_get_n_items (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
fita_merge_get_n_fields (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), 0);
  return self->n_fields;
}

guint
fita_merge_get_n_conflicts (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), 0);
  return self->n_conflicts;
}

guint
fita_merge_get_n_undecided (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), 0);
  return self->n_undecided;
}

char *
fita_merge_get_summary (FitaMerge *self)
{
  guint n_refusals, n_items;
  g_autofree char *items = NULL, *fields = NULL, *changes = NULL;

  g_return_val_if_fail (FITA_IS_MERGE (self), NULL);

  n_refusals = g_list_model_get_n_items (G_LIST_MODEL (self->refusals));
  n_items = fita_merge_get_n_items (self);
  if (n_refusals > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The form is refused, so nothing of it is merged: %u problem to fix.",
                               "The form is refused, so nothing of it is merged: %u problems to fix.", n_refusals),
                            n_refusals);
  if (n_items == 0)
    return g_strdup (_("The form changes nothing in the plan."));
  items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The form changes %u item", "The form changes %u items", n_items), n_items);
  fields = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u field", "%u fields", self->n_fields), self->n_fields);
  /* Translators: "The form changes 3 items" and "(7 fields)" */
  changes = g_strdup_printf (_("%s (%s)."), items, fields);
  if (self->n_conflicts == 0)
    return g_steal_pointer (&changes);
  if (self->n_undecided == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u conflict, decided.", "%s %u conflicts, all decided.",
                                         self->n_conflicts),
                            changes, self->n_conflicts);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u conflict, %u still to decide.", "%s %u conflicts, %u still to decide.", self->n_conflicts),
                          changes, self->n_conflicts, self->n_undecided);
}

void
fita_merge_decide_conflicts (FitaMerge *self, FitaMergeDecision decision)
{
  g_return_if_fail (FITA_IS_MERGE (self));
  g_return_if_fail (decision == FITA_MERGE_TAKE_FORM || decision == FITA_MERGE_KEEP_PLAN);

  /* counted once, after: not once for each field decided */
  self->deciding = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(FitaMergeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GListModel *fields = fita_merge_item_get_fields (item);
      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(FitaMergeField) field = g_list_model_get_item (fields, f);
          if (fita_merge_field_get_conflict (field))
            fita_merge_field_set_decision (field, decision);
        }
    }
  self->deciding = FALSE;
  count_undecided (self);
}

gboolean
fita_merge_can_apply (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), FALSE);
  return self->compared && !self->applied && !fita_merge_is_refused (self) && self->n_undecided == 0 &&
         fita_merge_get_n_items (self) > 0;
}

char *
fita_merge_get_label (FitaMerge *self)
{
  g_return_val_if_fail (FITA_IS_MERGE (self), NULL);
  /* Translators: the name of an action that can be undone: merging the update form a service filled in */
  return g_strdup_printf (_("Merge the form of %s"), self->agent ? self->agent : "");
}

/* Applying */

static gboolean
apply_field (FitaPlan *plan, gint64 year, const FitaMergeTarget *t, GError **error)
{
  switch (t->kind)
    {
    case FITA_MERGE_STATUS:
    case FITA_MERGE_PROGRESS:
      {
        FitaItem *item = fita_plan_lookup (plan, FITA_TABLE_ITEM, t->record_id);
        return fita_plan_set_int (plan, item, t->kind == FITA_MERGE_STATUS ? "status_id" : "progress", t->number, error);
      }
    case FITA_MERGE_EXECUTED:
      {
        /* the form holds one amount for the year and chapter: it goes on
         * the first line, the others' executed amounts are cleared */
        GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, t->record_id);
        g_autoptr(GPtrArray) others = g_ptr_array_new ();
        FitaBudgetLine *first = fita_plan_find_budget_line (plan, t->record_id, year, t->chapter_id);
        gint64 planned = first ? first->planned_cents : FITA_NONE;

        for (guint i = 0; i < lines->len; i++)
          {
            FitaBudgetLine *line = g_ptr_array_index (lines, i);
            if (line != first && line->year == year && line->chapter_id == t->chapter_id &&
                line->executed_cents != FITA_NONE)
              g_ptr_array_add (others, GSIZE_TO_POINTER ((gsize) line->rec.id));
          }
        for (guint i = 0; i < others->len; i++)
          {
            gpointer line = fita_plan_lookup (plan, FITA_TABLE_BUDGET_LINE, (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (others, i)));
            if (line && !fita_plan_set_int (plan, line, "executed_cents", FITA_NONE, error))
              return FALSE;
          }
        return fita_plan_set_budget (plan, t->record_id, year, t->chapter_id, planned, t->number, error);
      }
    case FITA_MERGE_FOLLOWUP:
      return fita_plan_set_followup (plan, t->record_id, year, t->text_field, t->text, error);
    case FITA_MERGE_VALUE:
      {
        FitaIndicatorValue *value = fita_plan_find_indicator_value (plan, t->record_id, year);
        return fita_plan_set_indicator_value (plan, t->record_id, year, t->text, value ? value->observations : NULL, error);
      }
    default:
      g_assert_not_reached ();
    }
}

gboolean
fita_merge_apply (FitaMerge *self, FitaPlan *plan, GError **error)
{
  g_autofree char *label = NULL;
  g_autofree char *source = NULL;
  gboolean ok = TRUE;
  guint n_taken = 0;

  g_return_val_if_fail (FITA_IS_MERGE (self), FALSE);
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);

  if (!self->compared || fita_merge_is_refused (self))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The form is refused, so nothing of it can be merged: fix what the refusals say, or make a new form."));
      return FALSE;
    }
  if (self->applied)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("This form has already been merged."));
      return FALSE;
    }
  if (self->n_undecided > 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u conflict is not decided: choose for it the form’s value or the plan’s, then merge.",
                      "%u conflicts are not decided: choose for each the form’s value or the plan’s, then merge.",
                      self->n_undecided),
                   self->n_undecided);
      return FALSE;
    }
  if (fita_plan_get_generation (plan) != self->generation)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The plan has changed since the form was compared with it: compare the form again, then merge."));
      return FALSE;
    }

  label = fita_merge_get_label (self);
  source = g_strdup (fita_plan_get_change_source (plan));
  fita_plan_set_change_source (plan, self->agent);
  fita_plan_begin (plan, label);
  for (guint i = 0; ok && i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(FitaMergeItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GListModel *fields = fita_merge_item_get_fields (item);
      for (guint f = 0; ok && f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(FitaMergeField) field = g_list_model_get_item (fields, f);
          if (fita_merge_field_get_decision (field) != FITA_MERGE_TAKE_FORM)
            continue;
          ok = apply_field (plan, self->year, fita_merge_field_get_target (field), NULL);
          n_taken++;
        }
    }
  /* a step that failed undid the whole change; the plan gives its error */
  ok = fita_plan_end (plan, error) && ok;
  fita_plan_set_change_source (plan, source);
  if (ok)
    {
      self->applied = n_taken > 0;
      self->generation = fita_plan_get_generation (plan);
    }
  return ok;
}
