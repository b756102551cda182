#include "config.h"
#include "fita-sheet-zip.h"
#include "fita-sheet-zip-private.h"

#include "fita-error.h"
#include "fita-schema.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

/* A spreadsheet's day number (1 = 1900-01-01, or 1904-01-02 in the 1904
 * system) as "2016-05-12", with the time of day when it has one; NULL
 * out of the years spreadsheets can show. */
static char *
date_text (double serial, gboolean date1904)
{
  double days = floor (serial);
  gint64 seconds;
  g_autoptr(GDate) date = NULL;
  char text[32];

  if (!(serial >= 1 && serial < 2958466))
    return NULL;
  seconds = (gint64) llround ((serial - days) * 86400);
  if (seconds >= 86400)
    {
      days += 1;
      seconds = 0;
    }
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days < 60)
    /* Excel counts a 29 February 1900 that never was (day 60) */
    date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
  else if (days == 60)
    return NULL;
  else
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  if (!g_date_valid (date))
    return NULL;
  g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  if (seconds != 0)
    return g_strdup_printf ("%s %02d:%02d:%02d", text, (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup (text);
}

/* An attribute with a namespace prefix, whatever the prefix ("r:id"). */
static char *
prefixed_attribute (xmlTextReaderPtr reader, const char *local)
{
  char *found = NULL;

  while (found == NULL && xmlTextReaderMoveToNextAttribute (reader) == 1)
    if (xmlTextReaderConstPrefix (reader) != NULL &&
        g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local) == 0)
      found = g_strdup ((const char *) xmlTextReaderConstValue (reader));
  xmlTextReaderMoveToElement (reader);
  return found;
}

/* XLSX */

typedef enum { NUMBER_PLAIN, NUMBER_PERCENT, NUMBER_DATE } NumberKind;

typedef struct {
  char *name;
  char *part;
} XlsxSheetRef;

typedef struct {
  FitaZip archive;
  GPtrArray *sheets;     /* of XlsxSheetRef, in the workbook's order */
  char *shared_part;
  char *styles_part;
  gboolean date1904;
  GPtrArray *strings;    /* shared strings, tidy */
  GByteArray *xf_kinds;  /* NumberKind of each cell style */
} Xlsx;

static void
sheet_ref_free (gpointer data)
{
  XlsxSheetRef *ref = data;

  g_free (ref->name);
  g_free (ref->part);
  g_free (ref);
}

static void
xlsx_clear (Xlsx *x)
{
  fita_zip_close (&x->archive);
  g_clear_pointer (&x->sheets, g_ptr_array_unref);
  g_clear_pointer (&x->shared_part, g_free);
  g_clear_pointer (&x->styles_part, g_free);
  g_clear_pointer (&x->strings, g_ptr_array_unref);
  g_clear_pointer (&x->xf_kinds, g_byte_array_unref);
}

/* A relationship's target as a part name: "worksheets/sheet1.xml" from
 * "xl" → "xl/worksheets/sheet1.xml"; "/xl/styles.xml" → "xl/styles.xml". */
static char *
resolve_part (const char *base_dir, const char *target)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  joined = target[0] == '/' ? g_strdup (target + 1)
         : *base_dir ? g_strconcat (base_dir, "/", target, NULL) : g_strdup (target);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (*segments[i] == '\0' || g_str_equal (segments[i], "."))
        continue;
      if (g_str_equal (segments[i], ".."))
        {
          if (kept->len > 0)
            g_ptr_array_set_size (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

typedef struct {
  char *id;
  char *type;
  char *target;     /* resolved */
} Relationship;

static void
relationship_free (gpointer data)
{
  Relationship *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

/* The relationships of a part (an empty list if it has none). */
static GPtrArray *
read_relationships (FitaZip *archive, const char *rels, const char *base_dir, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (relationship_free);
  xmlTextReaderPtr reader;
  int status;

  if (!fita_zip_xml_open (archive, rels, FALSE, &reader, error))
    return NULL;
  if (reader == NULL)
    return g_steal_pointer (&list);
  while ((status = xmlTextReaderRead (reader)) == 1)
    if (fita_xml_is_element (reader, NULL, "Relationship"))
      {
        g_autofree char *mode = fita_xml_attribute (reader, NULL, "TargetMode");
        g_autofree char *target = fita_xml_attribute (reader, NULL, "Target");
        Relationship *r;

        if (target == NULL || g_strcmp0 (mode, "External") == 0 || list->len >= FITA_SHEET_MAX_LIST)
          continue;
        r = g_new0 (Relationship, 1);
        r->id = fita_xml_attribute (reader, NULL, "Id");
        r->type = fita_xml_attribute (reader, NULL, "Type");
        r->target = resolve_part (base_dir, target);
        g_ptr_array_add (list, r);
      }
  if (!fita_zip_xml_close (archive, reader, status, rels, error))
    return NULL;
  return g_steal_pointer (&list);
}

static const Relationship *
find_relationship (GPtrArray *list, const char *id, const char *type_suffix)
{
  for (guint i = 0; i < list->len; i++)
    {
      const Relationship *r = g_ptr_array_index (list, i);
      if (id != NULL ? g_strcmp0 (r->id, id) == 0 : (r->type != NULL && g_str_has_suffix (r->type, type_suffix)))
        return r;
    }
  return NULL;
}

/* Opens the workbook: its sheets and the parts they need. */
static gboolean
xlsx_open (Xlsx *x, const char *path, GError **error)
{
  g_autoptr(GPtrArray) root = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *workbook = NULL;
  g_autofree char *base = NULL;
  g_autofree char *workbook_rels = NULL;
  xmlTextReaderPtr reader;
  const Relationship *r;
  int status;

  memset (x, 0, sizeof *x);
  x->sheets = g_ptr_array_new_with_free_func (sheet_ref_free);
  if (!fita_zip_open (&x->archive, path, "XLSX", error))
    return FALSE;
  if (!(root = read_relationships (&x->archive, "_rels/.rels", "", error)))
    return FALSE;
  r = find_relationship (root, NULL, "/officeDocument");
  workbook = g_strdup (r ? r->target : "xl/workbook.xml");
  base = g_path_get_dirname (workbook);
  if (g_str_equal (base, "."))
    {
      g_free (base);
      base = g_strdup ("");
    }
  {
    g_autofree char *name = g_path_get_basename (workbook);
    workbook_rels = *base ? g_strdup_printf ("%s/_rels/%s.rels", base, name) : g_strdup_printf ("_rels/%s.rels", name);
  }
  if (!(rels = read_relationships (&x->archive, workbook_rels, base, error)))
    return FALSE;
  if ((r = find_relationship (rels, NULL, "/sharedStrings")))
    x->shared_part = g_strdup (r->target);
  if ((r = find_relationship (rels, NULL, "/styles")))
    x->styles_part = g_strdup (r->target);

  if (!fita_zip_xml_open (&x->archive, workbook, TRUE, &reader, error))
    return FALSE;
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      if (fita_xml_is_element (reader, NULL, "workbookPr"))
        {
          g_autofree char *date1904 = fita_xml_attribute (reader, NULL, "date1904");
          x->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (fita_xml_is_element (reader, NULL, "sheet") && x->sheets->len < FITA_SHEET_MAX_LIST)
        {
          XlsxSheetRef *ref = g_new0 (XlsxSheetRef, 1);
          ref->name = fita_xml_attribute (reader, NULL, "name");
          if (ref->name == NULL)
            ref->name = g_strdup_printf ("%u", x->sheets->len + 1);
          g_ptr_array_add (ids, prefixed_attribute (reader, "id"));
          g_ptr_array_add (x->sheets, ref);
        }
    }
  if (!fita_zip_xml_close (&x->archive, reader, status, workbook, error))
    return FALSE;
  for (guint i = 0; i < x->sheets->len; i++)
    {
      XlsxSheetRef *ref = g_ptr_array_index (x->sheets, i);
      const char *id = g_ptr_array_index (ids, i);
      if (id != NULL && (r = find_relationship (rels, id, NULL)))
        ref->part = g_strdup (r->target);
    }
  return TRUE;
}

/* What a number format shows: a percentage ("0.0%"), a date
 * ("DD/MM/YYYY", "d mmm yy") or a plain number. Quoted text, [colours],
 * \escapes and _ or * padding do not count. */
static NumberKind
classify_format (const char *code)
{
  gboolean date = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          while (p[1] != '\0' && p[1] != '"')
            p++;
          if (p[1] == '"')
            p++;
          break;
        case '[':
          while (p[1] != '\0' && p[1] != ']')
            p++;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;
        case '%':
          return NUMBER_PERCENT;
        case 'y': case 'Y': case 'd': case 'D':
          date = TRUE;
          break;
        default:
          break;
        }
    }
  return date ? NUMBER_DATE : NUMBER_PLAIN;
}

static NumberKind
builtin_format (guint id)
{
  if (id == 9 || id == 10)
    return NUMBER_PERCENT;
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return NUMBER_DATE;
  return NUMBER_PLAIN;
}

static gboolean
xlsx_read_styles (Xlsx *x, GError **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  xmlTextReaderPtr reader;
  gboolean in_xfs = FALSE;
  int status;

  x->xf_kinds = g_byte_array_new ();
  if (x->styles_part == NULL)
    return TRUE;
  if (!fita_zip_xml_open (&x->archive, x->styles_part, FALSE, &reader, error))
    return FALSE;
  if (reader == NULL)
    return TRUE;
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      if (fita_xml_is_element (reader, NULL, "numFmt"))
        {
          g_autofree char *id = fita_xml_attribute (reader, NULL, "numFmtId");
          g_autofree char *code = fita_xml_attribute (reader, NULL, "formatCode");
          guint n = fita_sheet_parse_count (id, G_MAXINT);
          if (n > 0 && code != NULL && g_hash_table_size (custom) < FITA_SHEET_MAX_LIST)
            g_hash_table_insert (custom, GUINT_TO_POINTER (n), GUINT_TO_POINTER (classify_format (code) + 1));
        }
      else if (fita_xml_is_element (reader, NULL, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (fita_xml_is_end (reader, NULL, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && fita_xml_is_element (reader, NULL, "xf") && x->xf_kinds->len < FITA_SHEET_MAX_LIST)
        {
          g_autofree char *id = fita_xml_attribute (reader, NULL, "numFmtId");
          guint n = id && g_str_equal (id, "0") ? 0 : fita_sheet_parse_count (id, G_MAXINT);
          gpointer kind = g_hash_table_lookup (custom, GUINT_TO_POINTER (n));
          guint8 value = kind ? (guint8) (GPOINTER_TO_UINT (kind) - 1) : (guint8) builtin_format (n);
          g_byte_array_append (x->xf_kinds, &value, 1);
        }
    }
  return fita_zip_xml_close (&x->archive, reader, status, x->styles_part, error);
}

/* Text as OOXML escapes what XML cannot carry: "_x000D_" is a carriage
 * return, "_x005F_" an underscore. */
static void
decode_escapes (GString *text)
{
  GString *out;

  if (strstr (text->str, "_x") == NULL)
    return;
  out = g_string_sized_new (text->len);
  for (gsize i = 0; i < text->len; i++)
    {
      const char *p = text->str + i;
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) (g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8 |
                                   g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]));
          /* no NUL in a C string, nor half of a surrogate pair */
          g_string_append_unichar (out, c == 0 || !g_unichar_validate (c) ? 0xfffd : c);
          i += 6;
        }
      else
        g_string_append_c (out, *p);
    }
  g_string_assign (text, out->str);
  g_string_free (out, TRUE);
}

/* Appends the text of the current element, a <si> or an <is>: its <t>,
 * directly or in rich text runs <r>, but not the phonetic guides <rPh>. */
static int
read_rich_text (xmlTextReaderPtr reader, GString *text, gboolean *too_long)
{
  int depth = xmlTextReaderDepth (reader);
  gboolean in_t = FALSE;
  int status;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;
  status = xmlTextReaderRead (reader);
  while (status == 1 && xmlTextReaderDepth (reader) > depth)
    {
      if (fita_xml_is_element (reader, NULL, "rPh"))
        {
          status = xmlTextReaderNext (reader);
          continue;
        }
      if (fita_xml_is_element (reader, NULL, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (fita_xml_is_end (reader, NULL, "t"))
        in_t = FALSE;
      else if (in_t && fita_xml_is_text (reader))
        {
          g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
          if (text->len > (gsize) FITA_MAX_TEXT * 2)
            {
              *too_long = TRUE;
              return 1;
            }
        }
      status = xmlTextReaderRead (reader);
    }
  decode_escapes (text);
  return status;
}

static gboolean
xlsx_read_strings (Xlsx *x, GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr reader;
  gboolean too_long = FALSE, too_many = FALSE;
  int status;

  x->strings = g_ptr_array_new_with_free_func (g_free);
  if (x->shared_part == NULL)
    return TRUE;
  if (!fita_zip_xml_open (&x->archive, x->shared_part, FALSE, &reader, error))
    return FALSE;
  if (reader == NULL)
    return TRUE;
  status = xmlTextReaderRead (reader);
  while (status == 1 && !too_long && !too_many)
    {
      if (fita_xml_is_element (reader, NULL, "si"))
        {
          /* texts are shared by cells: no more of them than cells */
          if (x->strings->len >= FITA_SHEET_MAX_ZIP_CELLS)
            {
              too_many = TRUE;
              break;
            }
          g_string_truncate (text, 0);
          status = read_rich_text (reader, text, &too_long);
          g_ptr_array_add (x->strings, fita_sheet_tidy_text (text->str, text->len));
          continue;
        }
      status = xmlTextReaderRead (reader);
    }
  if (too_long || too_many)
    {
      if (too_long)
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                     _("The spreadsheet holds a text of more than %d bytes, more than Fita keeps in one field. Shorten it and try again."),
                     FITA_MAX_TEXT);
      else
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                     _("The spreadsheet holds more than %d texts, far more than any plan’s table. Copy the table you need into a new file and import that."),
                     FITA_SHEET_MAX_ZIP_CELLS);
      fita_zip_xml_close (&x->archive, reader, 1, x->shared_part, NULL);
      return FALSE;
    }
  return fita_zip_xml_close (&x->archive, reader, status, x->shared_part, error);
}

/* The text of a cell, from its type (t), style (s) and value. */
static char *
xlsx_cell_text (Xlsx *x, const char *type, const char *style, GString *value, GString *rich,
                gboolean has_value, const char *sheet, guint row, guint column, GError **error)
{
  if (type == NULL || g_str_equal (type, "n"))
    {
      char *end = NULL;
      double number;
      guint s = style ? fita_sheet_parse_count (style, G_MAXINT) : 0;
      NumberKind kind = s < x->xf_kinds->len ? x->xf_kinds->data[s] : NUMBER_PLAIN;
      char *text = NULL;

      if (!has_value || value->len == 0)
        return NULL;
      g_strstrip (value->str);
      number = g_ascii_strtod (value->str, &end);
      if (end == value->str || *end != '\0' || !isfinite (number))
        {
          g_autofree char *where = fita_sheet_cell_name (row, column);
          g_autofree char *reason = g_strdup_printf (_("cell %s holds “%.40s”, which is not a number"), where, value->str);
          fita_zip_set_damaged (error, sheet, reason);
          return NULL;
        }
      if (kind == NUMBER_PERCENT)
        text = fita_sheet_percent_text (number);
      else if (kind == NUMBER_DATE)
        text = date_text (number, x->date1904);
      return text ? text : fita_sheet_number_text (number);
    }
  if (g_str_equal (type, "s"))
    {
      guint64 index;
      char *end = NULL;

      g_strstrip (value->str);
      index = g_ascii_strtoull (value->str, &end, 10);
      if (!has_value || end == value->str || *end != '\0' || index >= x->strings->len)
        {
          g_autofree char *where = fita_sheet_cell_name (row, column);
          g_autofree char *reason = g_strdup_printf (_("cell %s refers to a text that is not there"), where);
          fita_zip_set_damaged (error, sheet, reason);
          return NULL;
        }
      return g_strdup (g_ptr_array_index (x->strings, index));
    }
  if (g_str_equal (type, "inlineStr"))
    return g_strdup (rich->str);
  if (g_str_equal (type, "b"))
    return has_value ? g_strdup (g_str_equal (g_strstrip (value->str), "0") ? "FALSE" : "TRUE") : NULL;
  /* "str" (a formula's text), "e" (an error: "#N/A"), "d" (ISO date) */
  decode_escapes (value);
  return g_strdup (value->str);
}

typedef struct {
  Xlsx *x;
  FitaSheetBuilder *b;
  const char *part;
  guint row;
  int column;           /* the last cell's, -1 before the first */
  /* the cell being read */
  char *type, *style;
  GString *value, *rich;
  gboolean has_value, in_v;
  guint cell_row, cell_column;
} XlsxCell;

static gboolean
xlsx_end_cell (XlsxCell *c, GError **error)
{
  char *text;
  GError *local = NULL;

  if (fita_sheet_text_too_long (c->value, error, c->b->sheet->name, c->cell_row, c->cell_column))
    return FALSE;
  text = xlsx_cell_text (c->x, c->type, c->style, c->value, c->rich, c->has_value, c->part,
                         c->cell_row, c->cell_column, &local);
  g_clear_pointer (&c->type, g_free);
  g_clear_pointer (&c->style, g_free);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return fita_sheet_builder_set (c->b, c->cell_row, c->cell_column, text, TRUE, error);
}

/* "C5" → column 2 (the row is the <row>'s); beyond the last column,
 * *column is FITA_SHEET_MAX_COLUMN_NUMBER. */
static gboolean
parse_column (const char *ref, guint *column)
{
  guint c = 0;
  const char *p = ref;

  while (g_ascii_isalpha (*p))
    {
      c = MIN (c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1), (guint) FITA_SHEET_MAX_COLUMN_NUMBER + 1);
      p++;
    }
  if (p == ref || (*p != '\0' && !g_ascii_isdigit (*p)))
    return FALSE;
  *column = c - 1;
  return TRUE;
}

static gboolean
xlsx_read_sheet (Xlsx *x, XlsxSheetRef *ref, FitaSheetBuilder *b, GError **error)
{
  XlsxCell c = { x, b, ref->part, 0, -1, NULL, NULL, g_string_new (NULL), g_string_new (NULL), FALSE, FALSE, 0, 0 };
  xmlTextReaderPtr reader;
  gboolean ok = TRUE, in_row = FALSE, too_long = FALSE;
  int status;

  if (!fita_zip_xml_open (&x->archive, ref->part, TRUE, &reader, error))
    {
      g_string_free (c.value, TRUE);
      g_string_free (c.rich, TRUE);
      return FALSE;
    }
  status = xmlTextReaderRead (reader);
  while (ok && status == 1)
    {
      if (fita_xml_is_element (reader, NULL, "row"))
        {
          g_autofree char *r = fita_xml_attribute (reader, NULL, "r");
          guint row = r ? fita_sheet_parse_count (r, FITA_SHEET_MAX_ROW_NUMBER) : c.row + 1;
          if (row == 0 || row <= c.row)
            {
              ok = FALSE;
              fita_zip_set_damaged (error, ref->part, row == 0 && r && fita_sheet_parse_count (r, G_MAXINT) > 0
                           ? _("it has more rows than a spreadsheet holds") : _("its rows are out of order"));
              break;
            }
          c.row = row;
          c.column = -1;
          in_row = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (fita_xml_is_end (reader, NULL, "row"))
        {
          ok = fita_sheet_builder_end_row (b, c.row, 1, error);
          in_row = FALSE;
        }
      else if (in_row && fita_xml_is_element (reader, NULL, "c"))
        {
          g_autofree char *r = fita_xml_attribute (reader, NULL, "r");
          guint column = (guint) (c.column + 1);
          if (r != NULL && !parse_column (r, &column))
            {
              ok = FALSE;
              fita_zip_set_damaged (error, ref->part, _("a cell’s reference is not valid"));
              break;
            }
          if (column >= FITA_SHEET_MAX_COLUMN_NUMBER)
            {
              ok = FALSE;
              fita_sheet_set_too_many_columns (error, b->sheet->name);
              break;
            }
          if ((int) column <= c.column)
            {
              ok = FALSE;
              fita_zip_set_damaged (error, ref->part, _("its cells are out of order"));
              break;
            }
          c.column = (int) column;
          c.cell_row = c.row;
          c.cell_column = column;
          /* a cell inside a cell (no spreadsheet writes one) replaces it */
          g_free (c.type);
          g_free (c.style);
          c.type = fita_xml_attribute (reader, NULL, "t");
          c.style = fita_xml_attribute (reader, NULL, "s");
          g_string_truncate (c.value, 0);
          g_string_truncate (c.rich, 0);
          c.has_value = FALSE;
          if (xmlTextReaderIsEmptyElement (reader))
            ok = xlsx_end_cell (&c, error);
        }
      else if (in_row && fita_xml_is_element (reader, NULL, "v"))
        {
          c.has_value = TRUE;
          c.in_v = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (fita_xml_is_end (reader, NULL, "v"))
        c.in_v = FALSE;
      else if (c.in_v && fita_xml_is_text (reader))
        {
          g_string_append (c.value, (const char *) xmlTextReaderConstValue (reader));
          if (fita_sheet_text_too_long (c.value, error, b->sheet->name, c.cell_row, c.cell_column))
            ok = FALSE;
        }
      else if (in_row && fita_xml_is_element (reader, NULL, "is"))
        {
          status = read_rich_text (reader, c.rich, &too_long);
          if (too_long)
            {
              g_string_set_size (c.value, (gsize) FITA_MAX_TEXT * 2 + 1);
              ok = !fita_sheet_text_too_long (c.value, error, b->sheet->name, c.cell_row, c.cell_column);
            }
          continue;
        }
      else if (in_row && fita_xml_is_end (reader, NULL, "c"))
        ok = xlsx_end_cell (&c, error);
      status = xmlTextReaderRead (reader);
    }
  g_string_free (c.value, TRUE);
  g_string_free (c.rich, TRUE);
  g_free (c.type);
  g_free (c.style);
  if (!ok)
    {
      fita_zip_xml_close (&x->archive, reader, 1, ref->part, NULL);
      return FALSE;
    }
  return fita_zip_xml_close (&x->archive, reader, status, ref->part, error);
}

static GPtrArray *
xlsx_names (Xlsx *x)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < x->sheets->len; i++)
    g_ptr_array_add (names, ((XlsxSheetRef *) g_ptr_array_index (x->sheets, i))->name);
  return names;
}

/* Reads the sheet at index of the open workbook whole. */
static FitaSheet *
xlsx_read_index (Xlsx *x, guint index, GError **error)
{
  XlsxSheetRef *ref = g_ptr_array_index (x->sheets, index);
  FitaSheetBuilder b = { 0 };

  if (ref->part == NULL)
    {
      fita_zip_set_damaged (error, "xl/workbook.xml", _("it does not say where one of its sheets is"));
      return NULL;
    }
  fita_sheet_builder_init (&b, ref->name);
  if (!xlsx_read_sheet (x, ref, &b, error))
    {
      fita_sheet_builder_clear (&b);
      return NULL;
    }
  return fita_sheet_builder_finish (&b);
}

FitaSheet *
fita_sheet_read_xlsx (const char *path, const char *sheet_name, GError **error)
{
  g_autoptr(GPtrArray) names = NULL;
  FitaSheet *sheet = NULL;
  Xlsx x;
  int index;

  g_return_val_if_fail (path != NULL, NULL);
  if (!xlsx_open (&x, path, error))
    {
      xlsx_clear (&x);
      return NULL;
    }
  names = xlsx_names (&x);
  if ((index = fita_sheet_find (names, sheet_name)) < 0)
    {
      if (sheet_name != NULL)
        fita_sheet_set_no_sheet (error, sheet_name, names);
      else
        fita_zip_set_damaged (error, "xl/workbook.xml", _("it lists no sheets"));
    }
  else if (((XlsxSheetRef *) g_ptr_array_index (x.sheets, index))->part == NULL)
    fita_zip_set_damaged (error, "xl/workbook.xml", _("it does not say where one of its sheets is"));
  else if (xlsx_read_styles (&x, error) && xlsx_read_strings (&x, error))
    sheet = xlsx_read_index (&x, (guint) index, error);
  xlsx_clear (&x);
  return sheet;
}

gboolean
fita_sheet_xlsx_read_each (const char *path, FitaSheetEach each, gpointer data, GError **error)
{
  Xlsx x;
  gboolean ok;

  if (!xlsx_open (&x, path, error))
    {
      xlsx_clear (&x);
      return FALSE;
    }
  if (x.sheets->len == 0)
    {
      fita_zip_set_damaged (error, "xl/workbook.xml", _("it lists no sheets"));
      xlsx_clear (&x);
      return FALSE;
    }
  /* the styles and the shared strings once, for every sheet */
  ok = xlsx_read_styles (&x, error) && xlsx_read_strings (&x, error);
  for (guint i = 0; ok && i < x.sheets->len; i++)
    {
      FitaSheet *sheet = xlsx_read_index (&x, i, error);
      ok = sheet != NULL && each (sheet, i, data, error);
    }
  xlsx_clear (&x);
  return ok;
}


GPtrArray *
fita_sheet_xlsx_names (const char *path, GError **error)
{
  GPtrArray *names;
  Xlsx x;

  if (!xlsx_open (&x, path, error))
    {
      xlsx_clear (&x);
      return NULL;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < x.sheets->len; i++)
    g_ptr_array_add (names, g_strdup (((XlsxSheetRef *) g_ptr_array_index (x.sheets, i))->name));
  xlsx_clear (&x);
  return names;
}
