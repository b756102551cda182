#include "config.h"
#include "fita-sheet-zip.h"
#include "fita-sheet-zip-private.h"

#include "fita-error.h"
#include "fita-schema.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#define ODF_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define ODF_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODF_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define ODF_DRAW "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

/* ODS */

/* Appends the text of the current element (a <table:table-cell>): its
 * paragraphs one a line, white space collapsed as ODF says, <text:s>,
 * <text:tab> and <text:line-break> kept; comments and drawings left out. */
static int
ods_read_text (xmlTextReaderPtr reader, GString *text, gboolean *too_long)
{
  int depth = xmlTextReaderDepth (reader);
  gboolean paragraphs = FALSE, space = TRUE;
  int status;

  if (xmlTextReaderIsEmptyElement (reader))
    return xmlTextReaderRead (reader);
  status = xmlTextReaderRead (reader);
  while (status == 1 && xmlTextReaderDepth (reader) > depth)
    {
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);

      if (text->len > (gsize) FITA_MAX_TEXT * 2)
        {
          *too_long = TRUE;
          return 1;
        }
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
          (fita_xml_is_element (reader, ODF_OFFICE, "annotation") || g_strcmp0 (ns, ODF_DRAW) == 0 ||
           fita_xml_is_element (reader, ODF_TEXT, "note") || fita_xml_is_element (reader, ODF_TABLE, "table")))
        {
          status = xmlTextReaderNext (reader);
          continue;
        }
      if (fita_xml_is_element (reader, ODF_TEXT, "p") || fita_xml_is_element (reader, ODF_TEXT, "h"))
        {
          if (paragraphs)
            g_string_append_c (text, '\n');
          paragraphs = TRUE;
          space = TRUE;
        }
      else if (fita_xml_is_element (reader, ODF_TEXT, "s"))
        {
          g_autofree char *count = fita_xml_attribute (reader, ODF_TEXT, "c");
          guint n = count ? fita_sheet_parse_count (count, FITA_MAX_TEXT) : 1;
          for (guint i = 0; i < MAX (n, 1); i++)
            g_string_append_c (text, ' ');
        }
      else if (fita_xml_is_element (reader, ODF_TEXT, "tab"))
        g_string_append_c (text, '\t');
      else if (fita_xml_is_element (reader, ODF_TEXT, "line-break"))
        g_string_append_c (text, '\n');
      else if (fita_xml_is_text (reader))
        {
          for (const char *p = (const char *) xmlTextReaderConstValue (reader); *p != '\0'; p++)
            {
              gboolean white = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
              if (white && space)
                continue;
              g_string_append_c (text, white ? ' ' : *p);
              space = white;
            }
        }
      status = xmlTextReaderRead (reader);
    }
  return status;
}

/* The text of a cell from its value type: the value, not what it shows
 * ("4702.33", not "4.702,33 €"); NULL when it is what the cell shows. */
static char *
ods_value_text (xmlTextReaderPtr reader)
{
  g_autofree char *type = fita_xml_attribute (reader, ODF_OFFICE, "value-type");

  if (type == NULL)
    return NULL;
  if (g_str_equal (type, "float") || g_str_equal (type, "currency") || g_str_equal (type, "percentage"))
    {
      g_autofree char *value = fita_xml_attribute (reader, ODF_OFFICE, "value");
      char *end = NULL;
      double number = value ? g_ascii_strtod (value, &end) : 0;
      if (value == NULL || end == value || *end != '\0')
        return NULL;
      return g_str_equal (type, "percentage") ? fita_sheet_percent_text (number) : fita_sheet_number_text (number);
    }
  if (g_str_equal (type, "date"))
    {
      char *value = fita_xml_attribute (reader, ODF_OFFICE, "date-value");
      if (value != NULL && g_str_has_suffix (value, "T00:00:00"))
        value[strlen (value) - strlen ("T00:00:00")] = '\0';
      else if (value != NULL && strlen (value) > 10 && value[10] == 'T')
        value[10] = ' ';
      return value;
    }
  if (g_str_equal (type, "boolean"))
    {
      g_autofree char *value = fita_xml_attribute (reader, ODF_OFFICE, "boolean-value");
      return value ? g_strdup (g_str_equal (value, "true") ? "TRUE" : "FALSE") : NULL;
    }
  if (g_str_equal (type, "string"))
    return fita_xml_attribute (reader, ODF_OFFICE, "string-value");
  return NULL;
}

/* Reads the rows of the table the reader is on, up to its end. */
static int
ods_read_table (xmlTextReaderPtr reader, FitaSheetBuilder *b, GError **error, gboolean *failed)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  int depth = xmlTextReaderDepth (reader);
  guint row = 1, row_repeat = 1, column = 0;
  gboolean in_row = FALSE;
  int status;

  status = xmlTextReaderRead (reader);
  while (status == 1 && xmlTextReaderDepth (reader) > depth)
    {
      if (fita_xml_is_element (reader, ODF_TABLE, "table-row"))
        {
          g_autofree char *repeat = fita_xml_attribute (reader, ODF_TABLE, "number-rows-repeated");
          /* trailing empty rows come repeated by the million: counted, not made */
          row_repeat = MAX (fita_sheet_parse_count (repeat, FITA_SHEET_MAX_ROW_NUMBER), 1);
          column = 0;
          if (xmlTextReaderIsEmptyElement (reader))
            row = (guint) MIN ((guint64) row + row_repeat, (guint64) FITA_SHEET_MAX_ROW_NUMBER + 1);
          else
            in_row = TRUE;
        }
      else if (in_row && fita_xml_is_end (reader, ODF_TABLE, "table-row"))
        {
          if (!fita_sheet_builder_end_row (b, row, row_repeat, error))
            {
              *failed = TRUE;
              return 1;
            }
          row = (guint) MIN ((guint64) row + row_repeat, (guint64) FITA_SHEET_MAX_ROW_NUMBER + 1);
          in_row = FALSE;
        }
      else if (in_row && (fita_xml_is_element (reader, ODF_TABLE, "table-cell") ||
                          fita_xml_is_element (reader, ODF_TABLE, "covered-table-cell")))
        {
          g_autofree char *repeat = fita_xml_attribute (reader, ODF_TABLE, "number-columns-repeated");
          guint n = MAX (fita_sheet_parse_count (repeat, FITA_SHEET_MAX_COLUMN_NUMBER), 1);
          /* the attributes first: reading the text moves the reader on */
          g_autofree char *value = ods_value_text (reader);
          gboolean too_long = FALSE;
          g_autofree char *text = NULL;

          g_string_truncate (shown, 0);
          status = ods_read_text (reader, shown, &too_long);
          if (too_long || (value != NULL && strlen (value) > (gsize) FITA_MAX_TEXT * 2))
            {
              g_string_set_size (shown, (gsize) FITA_MAX_TEXT * 2 + 1);
              fita_sheet_text_too_long (shown, error, b->sheet->name, row, column);
              *failed = TRUE;
              return 1;
            }
          text = fita_sheet_tidy_text (value != NULL ? value : shown->str, strlen (value != NULL ? value : shown->str));
          for (guint i = 0; i < n && *text != '\0'; i++)
            if (!fita_sheet_builder_set (b, row, column + i, g_strdup (text), FALSE, error))
              {
                *failed = TRUE;
                return 1;
              }
          column = MIN (column + n, (guint) FITA_SHEET_MAX_COLUMN_NUMBER + 1);
          continue;
        }
      status = xmlTextReaderRead (reader);
    }
  return status;
}

/* Reads content.xml up to the table wanted (NULL: the first), into b;
 * with b NULL, every table's name into names; with each, every table,
 * handed to each as it is read. */
static gboolean
ods_read (const char *path, const char *wanted, FitaSheetBuilder *b, GPtrArray *names,
          FitaSheetEach each, gpointer data, GError **error)
{
  FitaZip archive;
  xmlTextReaderPtr reader;
  gboolean failed = FALSE, found = FALSE;
  guint index = 0;
  int status;

  if (!fita_zip_open (&archive, path, "ODS", error))
    return FALSE;
  if (!fita_zip_xml_open (&archive, "content.xml", TRUE, &reader, error))
    {
      fita_zip_close (&archive);
      return FALSE;
    }
  status = xmlTextReaderRead (reader);
  while (status == 1 && (each != NULL || !found))
    {
      if (fita_xml_is_element (reader, ODF_TABLE, "table"))
        {
          g_autofree char *name = fita_xml_attribute (reader, ODF_TABLE, "name");
          if (name == NULL)
            name = g_strdup_printf ("%u", names->len + 1);
          if (names->len < FITA_SHEET_MAX_LIST)
            g_ptr_array_add (names, g_strdup (name));
          if (each != NULL)
            {
              FitaSheetBuilder one = { 0 };
              gboolean empty = xmlTextReaderIsEmptyElement (reader);
              fita_sheet_builder_init (&one, name);
              if (!empty)
                status = ods_read_table (reader, &one, error, &failed);
              /* a parser's error is said when content.xml is closed */
              if (failed || status < 0)
                {
                  fita_sheet_builder_clear (&one);
                  break;
                }
              found = TRUE;
              if (!each (fita_sheet_builder_finish (&one), index++, data, error))
                {
                  failed = TRUE;
                  break;
                }
              /* past the table, or past its end */
              if (status == 1)
                status = empty ? xmlTextReaderNext (reader) : xmlTextReaderRead (reader);
              continue;
            }
          if (b != NULL && (wanted == NULL || fita_sheet_name_matches (name, wanted)))
            {
              found = TRUE;
              fita_sheet_builder_init (b, name);
              if (!xmlTextReaderIsEmptyElement (reader))
                status = ods_read_table (reader, b, error, &failed);
              break;
            }
          /* another table: skipped whole */
          status = xmlTextReaderNext (reader);
          continue;
        }
      status = xmlTextReaderRead (reader);
    }
  if (failed)
    fita_zip_xml_close (&archive, reader, 1, "content.xml", NULL);
  else if (!fita_zip_xml_close (&archive, reader, status, "content.xml", error))
    failed = TRUE;
  fita_zip_close (&archive);
  if (!failed && (b != NULL || each != NULL) && !found)
    {
      if (wanted != NULL)
        fita_sheet_set_no_sheet (error, wanted, names);
      else
        fita_zip_set_damaged (error, "content.xml", _("it holds no sheets"));
      failed = TRUE;
    }
  return !failed;
}

FitaSheet *
fita_sheet_read_ods (const char *path, const char *sheet_name, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  FitaSheetBuilder b = { 0 };

  g_return_val_if_fail (path != NULL, NULL);
  if (!ods_read (path, sheet_name, &b, names, NULL, NULL, error))
    {
      fita_sheet_builder_clear (&b);
      return NULL;
    }
  return fita_sheet_builder_finish (&b);
}


GPtrArray *
fita_sheet_ods_names (const char *path, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (!ods_read (path, NULL, NULL, names, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&names);
}

gboolean
fita_sheet_ods_read_each (const char *path, FitaSheetEach each, gpointer data, GError **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  return ods_read (path, NULL, NULL, names, each, data, error);
}
