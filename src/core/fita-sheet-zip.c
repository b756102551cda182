#include "config.h"
#include "fita-sheet-zip.h"
#include "fita-sheet-zip-private.h"

#include "fita-error.h"
#include "fita-schema.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unzip.h>

/* Errors */

void
fita_zip_set_damaged (GError **error, const char *part, const char *reason)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
               /* Translators: the first %s is a part inside the file
                * ("xl/worksheets/sheet1.xml"), the second what is wrong with it */
               _("The spreadsheet is damaged (%s: %s). Open it in a spreadsheet program, save it again and retry."),
               part, reason);
}

void
fita_zip_set_too_big (GError **error)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("The spreadsheet unpacks to more than %d MB, far more than any plan’s table: it may be damaged or made to exhaust the computer’s memory. Copy the table you need into a new file and import that."),
               FITA_SHEET_MAX_UNZIPPED / (1024 * 1024));
}

/* "AB12" */
char *
fita_sheet_cell_name (guint row, guint column)
{
  char letters[8];
  int n = 0;

  for (guint c = column + 1; c > 0 && n < 7; c = (c - 1) / 26)
    letters[n++] = (char) ('A' + (c - 1) % 26);
  {
    GString *out = g_string_new (NULL);
    while (n > 0)
      g_string_append_c (out, letters[--n]);
    g_string_append_printf (out, "%u", row);
    return g_string_free (out, FALSE);
  }
}

/* Cell values as text */

/* A number as people and the importer read it: C locale, no exponent,
 * 15 significant digits as spreadsheets keep them, so that the double
 * nearest to 4702.33 reads "4702.33" and every amount in cents up to
 * FITA_MAX_CENTS comes back exact. NULL for infinities and NaN. */
char *
fita_sheet_number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[20];
  int n = 0, exponent;
  const char *p = buffer;
  GString *out;

  if (!isfinite (value))
    return NULL;
  if (value == 0)
    return g_strdup ("0");
  g_ascii_formatd (buffer, sizeof buffer, "%.14e", value);
  out = g_string_new (NULL);
  if (*p == '-')
    {
      g_string_append_c (out, '-');
      p++;
    }
  for (; *p != '\0' && *p != 'e' && n < (int) sizeof digits; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  exponent = *p == 'e' ? atoi (p + 1) : 0;
  while (n > 1 && digits[n - 1] == '0')
    n--;
  if (exponent < 0)
    {
      g_string_append (out, "0.");
      for (int i = exponent + 1; i < 0; i++)
        g_string_append_c (out, '0');
      g_string_append_len (out, digits, n);
    }
  else
    {
      for (int i = 0; i <= exponent; i++)
        g_string_append_c (out, i < n ? digits[i] : '0');
      if (n > exponent + 1)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, digits + exponent + 1, n - exponent - 1);
        }
    }
  return g_string_free (out, FALSE);
}

/* A fraction shown as a percentage: 0.883 → "88.3%". */
char *
fita_sheet_percent_text (double value)
{
  g_autofree char *number = fita_sheet_number_text (value * 100);

  return number ? g_strconcat (number, "%", NULL) : NULL;
}

/* Line ends as "\n", and NFC. */
char *
fita_sheet_tidy_text (const char *text, gsize length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }
  {
    char *normal = g_utf8_normalize (out->str, (gssize) out->len, G_NORMALIZE_NFC);
    if (normal == NULL)
      {
        g_autofree char *valid = g_utf8_make_valid (out->str, (gssize) out->len);
        normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
      }
    g_string_free (out, TRUE);
    return normal;
  }
}

/* Building the sheet */


void
fita_sheet_builder_init (FitaSheetBuilder *b, const char *name)
{
  b->sheet = fita_sheet_new (name);
  b->cells = g_ptr_array_new_with_free_func (g_free);
  b->n_cells = b->n_bytes = b->row_bytes = 0;
}

void
fita_sheet_builder_clear (FitaSheetBuilder *b)
{
  g_clear_pointer (&b->sheet, fita_sheet_free);
  g_clear_pointer (&b->cells, g_ptr_array_unref);
}

FitaSheet *
fita_sheet_builder_finish (FitaSheetBuilder *b)
{
  FitaSheet *sheet = g_steal_pointer (&b->sheet);

  fita_sheet_builder_clear (b);
  return sheet;
}

static void
set_too_many_cells (GError **error, const char *sheet)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("The sheet “%s” holds more than %d cells or %d MB of text, far more than any plan’s table. Copy the table you need into a new file and import that."),
               sheet, FITA_SHEET_MAX_ZIP_CELLS, FITA_SHEET_MAX_TEXT / (1024 * 1024));
}

void
fita_sheet_set_too_many_columns (GError **error, const char *sheet)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("The sheet “%s” has text beyond column %d, more than a spreadsheet holds; it may be damaged. Open it in a spreadsheet program and save it again."),
               sheet, FITA_SHEET_MAX_COLUMN_NUMBER);
}

/* Sets the cell of the row being read; text is taken, and made tidy
 * unless it is already. */
gboolean
fita_sheet_builder_set (FitaSheetBuilder *b, guint row, guint column, char *text, gboolean tidy, GError **error)
{
  g_autofree char *owned = text;
  char *value;

  if (owned == NULL || *owned == '\0')
    return TRUE;
  if (column >= FITA_SHEET_MAX_COLUMN_NUMBER)
    {
      fita_sheet_set_too_many_columns (error, b->sheet->name);
      return FALSE;
    }
  value = tidy ? fita_sheet_tidy_text (owned, strlen (owned)) : g_steal_pointer (&owned);
  if (strlen (value) > FITA_MAX_TEXT)
    {
      g_autofree char *where = fita_sheet_cell_name (row, column);
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("Sheet “%s”, cell %s: it holds more than %d bytes of text, more than Fita keeps in one field. Shorten it and try again."),
                   b->sheet->name, where, FITA_MAX_TEXT);
      g_free (value);
      return FALSE;
    }
  b->row_bytes += strlen (value);
  if (b->n_bytes + b->row_bytes > FITA_SHEET_MAX_TEXT)
    {
      set_too_many_cells (error, b->sheet->name);
      g_free (value);
      return FALSE;
    }
  while (b->cells->len <= column)
    g_ptr_array_add (b->cells, NULL);
  g_free (g_ptr_array_index (b->cells, column));
  b->cells->pdata[column] = value;
  return TRUE;
}

/* Ends the row being read, kept repeat times (ODS repeats rows) from row
 * on, unless it holds no text at all. */
gboolean
fita_sheet_builder_end_row (FitaSheetBuilder *b, guint row, guint repeat, GError **error)
{
  guint n = b->cells->len;
  guint64 bytes = 0;

  b->row_bytes = 0;
  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    bytes += g_ptr_array_index (b->cells, i) ? strlen (g_ptr_array_index (b->cells, i)) : 0;
  for (guint k = 0; k < repeat; k++)
    {
      GStrv cells;

      if ((guint64) row + k > FITA_SHEET_MAX_ROW_NUMBER)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("The sheet “%s” has text beyond row %d, more than a spreadsheet holds; it may be damaged. Open it in a spreadsheet program and save it again."),
                       b->sheet->name, FITA_SHEET_MAX_ROW_NUMBER);
          return FALSE;
        }
      if (b->n_cells + n > FITA_SHEET_MAX_ZIP_CELLS || b->n_bytes + bytes > FITA_SHEET_MAX_TEXT)
        {
          set_too_many_cells (error, b->sheet->name);
          return FALSE;
        }
      cells = g_new (char *, n + 1);
      for (guint i = 0; i < n; i++)
        cells[i] = g_strdup (g_ptr_array_index (b->cells, i) ? g_ptr_array_index (b->cells, i) : "");
      cells[n] = NULL;
      fita_sheet_add_row (b->sheet, row + k, cells);
      b->n_cells += n;
      b->n_bytes += bytes;
    }
  g_ptr_array_set_size (b->cells, 0);
  b->row_bytes = 0;
  return TRUE;
}

/* The archive and its XML parts */


gboolean
fita_zip_open (FitaZip *archive, const char *path, const char *kind, GError **error)
{
  struct stat st;
  int fd;

  memset (archive, 0, sizeof *archive);
  /* a FIFO must not block the reader, nor a device feed it for ever */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int code = errno;
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("It cannot be read: %s."), g_strerror (code));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("It is not an ordinary file (a folder, a device or a pipe); choose a file."));
      return FALSE;
    }
  close (fd);
  archive->zip = unzOpen64 (path);
  if (archive->zip == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   /* Translators: %s is XLSX or ODS */
                   _("It is not an %s spreadsheet (it is not a zip archive, or a damaged one). Save the table from your spreadsheet program as %s and try again."),
                   kind, kind);
      return FALSE;
    }
  return TRUE;
}

void
fita_zip_close (FitaZip *archive)
{
  if (archive->zip != NULL)
    unzClose (archive->zip);
  archive->zip = NULL;
  g_clear_pointer (&archive->xml_error, g_free);
}

gboolean
fita_zip_has (FitaZip *archive, const char *name)
{
  return unzLocateFile (archive->zip, name, 2) == UNZ_OK;
}

static int
entry_read (void *context, char *buffer, int length)
{
  FitaZip *archive = context;
  int n;

  if (archive->too_big || archive->zip_status < 0)
    return -1;
  n = unzReadCurrentFile (archive->zip, buffer, (unsigned) length);
  if (n < 0)
    {
      archive->zip_status = n;
      return -1;
    }
  archive->unpacked += (guint64) n;
  if (archive->unpacked > FITA_SHEET_MAX_UNZIPPED)
    {
      archive->too_big = TRUE;
      return -1;
    }
  return n;
}

static int
entry_close (void *context)
{
  return 0;
}

#if LIBXML_VERSION >= 21200
static void
xml_error_handler (void *data, const xmlError *e)
#else
static void
xml_error_handler (void *data, xmlErrorPtr e)
#endif
{
  FitaZip *archive = data;

  if (archive->xml_error == NULL && e->level >= XML_ERR_ERROR)
    {
      archive->xml_error = g_strchomp (g_strdup (e->message ? e->message : "?"));
      archive->xml_line = e->line;
    }
}

/* What libxml2 says outside a parser's context (a document in an
 * encoding it cannot convert), which would go to the standard error. */
static void G_GNUC_PRINTF (2, 3)
generic_error_handler (void *data, const char *format, ...)
{
  FitaZip *archive = data;
  va_list args;

  if (archive->xml_error != NULL)
    return;
  va_start (args, format);
  archive->xml_error = g_strchomp (g_strdup_vprintf (format, args));
  va_end (args);
}

/* Opens a part of the archive for reading as XML. A part that is not
 * there is an error if required; otherwise *reader is NULL. */
gboolean
fita_zip_xml_open (FitaZip *archive, const char *name, gboolean required, xmlTextReaderPtr *reader, GError **error)
{
  unz_file_info64 info;

  *reader = NULL;
  if (!fita_zip_has (archive, name))
    {
      if (required)
        fita_zip_set_damaged (error, name, _("it is missing"));
      return !required;
    }
  if (unzGetCurrentFileInfo64 (archive->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    {
      fita_zip_set_damaged (error, name, _("it cannot be unpacked"));
      return FALSE;
    }
  if (info.flag & 1)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The spreadsheet is protected with a password. Save a copy without the password and import that."));
      return FALSE;
    }
  if (unzOpenCurrentFile (archive->zip) != UNZ_OK)
    {
      fita_zip_set_damaged (error, name, _("it cannot be unpacked"));
      return FALSE;
    }
  g_clear_pointer (&archive->xml_error, g_free);
  archive->zip_status = 0;
  /* no network, no entities expanded, no DTD loaded */
  *reader = xmlReaderForIO (entry_read, entry_close, archive, name, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
  if (*reader == NULL)
    {
      unzCloseCurrentFile (archive->zip);
      fita_zip_set_damaged (error, name, _("it cannot be read"));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (*reader, xml_error_handler, archive);
  archive->generic_error = xmlGenericError;
  archive->generic_error_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (archive, generic_error_handler);
  return TRUE;
}

/* Frees the reader, given the last status of xmlTextReaderRead (1: the
 * caller stopped, 0: the end, -1: an error), and says what went wrong
 * reading the part. error NULL: the caller has failed already. A part
 * left before its end is still unpacked to its end, unparsed, so that
 * its checksum is checked. */
gboolean
fita_zip_xml_close (FitaZip *archive, xmlTextReaderPtr reader, int status, const char *name, GError **error)
{
  int closed;

  xmlFreeTextReader (reader);
  xmlSetGenericErrorFunc (archive->generic_error_context, archive->generic_error);
  if (status == 1 && error != NULL)
    {
      char buffer[16384];
      int n;
      while ((n = entry_read (archive, buffer, sizeof buffer)) > 0)
        ;
      if (n == 0)
        status = 0;
    }
  closed = unzCloseCurrentFile (archive->zip);
  if (archive->too_big)
    fita_zip_set_too_big (error);
  else if (archive->zip_status < 0)
    fita_zip_set_damaged (error, name, _("it cannot be unpacked"));
  else if (status < 0)
    {
      g_autofree char *reason = archive->xml_line > 0
        ? g_strdup_printf (_("line %d: %s"), archive->xml_line, archive->xml_error ? archive->xml_error : "?")
        : g_strdup (archive->xml_error ? archive->xml_error : "?");
      fita_zip_set_damaged (error, name, reason);
    }
  else if (status == 0 && closed == UNZ_CRCERROR)
    fita_zip_set_damaged (error, name, _("its checksum is wrong"));
  else
    return TRUE;
  return FALSE;
}

/* Reading XML */

gboolean
fita_xml_is_element (xmlTextReaderPtr reader, const char *ns, const char *local)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local) == 0 &&
         (ns == NULL || g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), ns) == 0);
}

gboolean
fita_xml_is_end (xmlTextReaderPtr reader, const char *ns, const char *local)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), local) == 0 &&
         (ns == NULL || g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), ns) == 0);
}

gboolean
fita_xml_is_text (xmlTextReaderPtr reader)
{
  int type = xmlTextReaderNodeType (reader);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* An attribute by local name (any namespace, or the one given). */
char *
fita_xml_attribute (xmlTextReaderPtr reader, const char *ns, const char *local)
{
  xmlChar *value = ns ? xmlTextReaderGetAttributeNs (reader, BAD_CAST local, BAD_CAST ns)
                      : xmlTextReaderGetAttribute (reader, BAD_CAST local);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* A whole number from 1 to max; 0 if it is not one. */
guint
fita_sheet_parse_count (const char *text, guint max)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return 0;
  value = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || value == 0 || value > max)
    return 0;
  return (guint) value;
}

gboolean
fita_sheet_text_too_long (GString *text, GError **error, const char *sheet, guint row, guint column)
{
  g_autofree char *where = NULL;

  /* before tidying, which never makes text much shorter */
  if (text->len <= (gsize) FITA_MAX_TEXT * 2)
    return FALSE;
  where = fita_sheet_cell_name (row, column);
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("Sheet “%s”, cell %s: it holds more than %d bytes of text, more than Fita keeps in one field. Shorten it and try again."),
               sheet, where, FITA_MAX_TEXT);
  return TRUE;
}

void
fita_sheet_set_no_sheet (GError **error, const char *wanted, GPtrArray *names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      /* Translators: a sheet's name in a list of them */
      g_string_append_printf (list, C_("quoted name", "“%s”"), (const char *) g_ptr_array_index (names, i));
    }
  g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
               /* Translators: the second %s is a list of names: “Elements”, “Pressupost” */
               _("The spreadsheet has no sheet “%s”. Its sheets are: %s."), wanted, list->str);
}

/* The sheet named (exactly, or else whatever the case), or the first. */
gboolean
fita_sheet_name_matches (const char *name, const char *wanted)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_str_equal (name, wanted))
    return TRUE;
  a = g_utf8_casefold (name, -1);
  b = g_utf8_casefold (wanted, -1);
  return g_str_equal (a, b);
}

int
fita_sheet_find (GPtrArray *names, const char *wanted)
{
  if (wanted == NULL)
    return names->len > 0 ? 0 : -1;
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), wanted))
      return (int) i;
  {
    g_autofree char *folded = g_utf8_casefold (wanted, -1);
    for (guint i = 0; i < names->len; i++)
      {
        g_autofree char *name = g_utf8_casefold (g_ptr_array_index (names, i), -1);
        if (g_str_equal (name, folded))
          return (int) i;
      }
  }
  return -1;
}

gboolean
fita_sheet_zip_is_ods (const char *path, GError **error)
{
  FitaZip zip;
  gboolean ods;

  if (!fita_zip_open (&zip, path, "XLSX", error))
    return FALSE;
  ods = fita_zip_has (&zip, "content.xml");
  fita_zip_close (&zip);
  return ods;
}

GStrv
fita_sheet_list_sheets (const char *path, GError **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ods;

  g_return_val_if_fail (path != NULL, NULL);
  ods = fita_sheet_zip_is_ods (path, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  names = ods ? fita_sheet_ods_names (path, error) : fita_sheet_xlsx_names (path, error);
  if (names == NULL)
    return NULL;
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
