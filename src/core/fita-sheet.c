#include "config.h"
#include "fita-sheet.h"
#include "fita-error.h"
#include "fita-schema.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static void
row_free (gpointer data)
{
  FitaSheetRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

FitaSheet *
fita_sheet_new (const char *name)
{
  FitaSheet *sheet = g_new0 (FitaSheet, 1);

  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  sheet->sheets = g_ptr_array_new_with_free_func (g_free);
  if (name != NULL)
    g_ptr_array_add (sheet->sheets, g_strdup (name));
  return sheet;
}

void
fita_sheet_free (FitaSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_ptr_array_unref (sheet->sheets);
  g_free (sheet);
}

/* Text with no character from U+0300 on (where combining marks begin) is
 * NFC already: Catalan and Spanish typed composed, which is most cells. */
static gboolean
surely_nfc (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0xcc)
      return FALSE;
  return TRUE;
}

void
fita_sheet_add_row (FitaSheet *sheet, guint line, GStrv cells)
{
  FitaSheetRow *row = g_new0 (FitaSheetRow, 1);

  for (guint i = 0; cells[i] != NULL; i++)
    if (!surely_nfc (cells[i]))
      {
        /* NULL only for text that is not UTF-8, which readers never give */
        char *composed = g_utf8_normalize (cells[i], -1, G_NORMALIZE_NFC);
        if (composed != NULL)
          {
            g_free (cells[i]);
            cells[i] = composed;
          }
      }
  row->line = line;
  row->cells = cells;
  row->sheet = sheet->sheets->len > 0 ? sheet->sheets->len - 1 : 0;
  g_ptr_array_add (sheet->rows, row);
}

void
fita_sheet_append (FitaSheet *sheet, FitaSheet *other)
{
  guint first;

  g_return_if_fail (sheet != NULL && other != NULL && sheet != other);
  /* a table with no name (CSV) is still a sheet of its own */
  if (sheet->sheets->len == 0)
    g_ptr_array_add (sheet->sheets, g_strdup (""));
  if (other->sheets->len == 0)
    g_ptr_array_add (other->sheets, g_strdup (""));
  first = sheet->sheets->len;
  for (guint i = 0; i < other->sheets->len; i++)
    g_ptr_array_add (sheet->sheets, g_strdup (g_ptr_array_index (other->sheets, i)));
  /* the rows move: other no longer frees them */
  g_ptr_array_set_free_func (other->rows, NULL);
  for (guint i = 0; i < other->rows->len; i++)
    {
      FitaSheetRow *row = g_ptr_array_index (other->rows, i);
      row->sheet += first;
      g_ptr_array_add (sheet->rows, row);
    }
  fita_sheet_free (other);
}

const char *
fita_sheet_row_sheet_name (const FitaSheet *sheet, const FitaSheetRow *row)
{
  return row->sheet < sheet->sheets->len ? g_ptr_array_index (sheet->sheets, row->sheet) : NULL;
}

guint
fita_sheet_row_length (const FitaSheetRow *row)
{
  return g_strv_length (row->cells);
}

/* The physical line of a byte: LF, CRLF and a lone CR each end one. */
static guint
line_at (const char *text, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
      line++;
  return line;
}

/* The text as UTF-8: a BOM says UTF-8 or UTF-16; otherwise bytes that are
 * not valid UTF-8 are Windows-1252, which Excel writes on Windows. */
static char *
decode (const char *data, gsize length, gsize *out_length, GError **error)
{
  g_autoptr(GError) local = NULL;
  const char *nul;
  char *text = NULL;
  gsize read = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;
  else if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      const char *charset = data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
      text = g_convert (data + 2, length - 2, "UTF-8", charset, NULL, out_length, NULL);
      if (text == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                       _("The file begins as UTF-16 text but is not: save the table again as CSV (UTF-8)."));
          return NULL;
        }
    }

  if (text == NULL && g_utf8_validate_len (data, length, NULL))
    {
      text = g_strndup (data, length);
      *out_length = length;
    }
  else if (text == NULL && memchr (data, '\0', length) == NULL)
    {
      text = g_convert (data, length, "UTF-8", "WINDOWS-1252", &read, out_length, &local);
      if (text == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                       _("Line %u is neither UTF-8 nor Windows-1252 text: save the table as CSV (UTF-8) and try again."),
                       line_at (data, MIN (read, length)));
          return NULL;
        }
    }
  /* a NUL would cut a cell short, and means a binary file */
  nul = text != NULL ? memchr (text, '\0', *out_length) : memchr (data, '\0', length);
  if (nul != NULL)
    {
      const char *where = text != NULL ? text : data;
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                   _("Line %u holds a NUL byte: this is not a text table. Is it a spreadsheet? Choose its format, or save it as CSV."),
                   line_at (where, nul - where));
      g_free (text);
      return NULL;
    }
  return text;
}

/* The delimiter that splits most of the first lines into the same number
 * of cells (lines of text above a table have none); a tab first, then a
 * semicolon (Excel in Catalan and Spanish, where the comma is the decimal
 * sign), then a comma. */
static char
detect_delimiter (const char *text, gsize length)
{
  static const char candidates[] = { '\t', ';', ',' };
  char best = ',';
  guint best_score = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint counts[20], records = 0, count = 0, score = 0;
      gboolean quoted = FALSE, blank = TRUE;

      for (gsize i = 0; i <= length && records < G_N_ELEMENTS (counts); i++)
        {
          char ch = i < length ? text[i] : '\n';
          if (ch == '"')
            quoted = !quoted;
          else if (!quoted && ch == candidates[c])
            count++;
          if (!quoted && (ch == '\n' || ch == '\r'))
            {
              if (!blank)
                counts[records++] = count;
              count = 0;
              blank = TRUE;
            }
          else if (ch != ' ')
            blank = FALSE;
        }
      /* the most frequent number of cells, other than one */
      for (guint r = 0; r < records; r++)
        {
          guint same = 0;
          for (guint k = 0; k < records && counts[r] > 0; k++)
            same += counts[k] == counts[r];
          score = MAX (score, same);
        }
      if (score > best_score)
        {
          best = candidates[c];
          best_score = score;
        }
    }
  return best;
}

static gboolean
cell_too_long (gsize length, guint line, GError **error)
{
  if (length <= FITA_MAX_TEXT)
    return FALSE;
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("Line %u: a cell is longer than %d bytes; keep long documents as links."), line, FITA_MAX_TEXT);
  return TRUE;
}

static gboolean
parse (FitaSheet *sheet, const char *text, gsize length, char delimiter, GError **error)
{
  const char *p = text, *end = text + length;
  guint line = 1;
  gsize n_cells = 0;

  while (p < end)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      guint row_line = line;

      for (;;)
        {
          const char *q;
          char *cell;

          if (p < end && *p == '"')
            {
              g_autoptr(GString) quoted = g_string_new (NULL);
              guint quote_line = line;

              for (p++;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                                   _("Line %u: a quoted cell opened here is never closed (a \" is missing)."),
                                   quote_line);
                      return FALSE;
                    }
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (quoted, '"');
                      p += 2;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else if (*p == '\r' || *p == '\n')
                    {
                      /* a line end inside a cell is kept as LF, and counted */
                      p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
                      g_string_append_c (quoted, '\n');
                      line++;
                    }
                  else
                    {
                      for (q = p; q < end && *q != '"' && *q != '\r' && *q != '\n'; q++)
                        ;
                      g_string_append_len (quoted, p, q - p);
                      p = q;
                    }
                  if (cell_too_long (quoted->len, line, error))
                    return FALSE;
                }
              /* text after the closing quote is kept, as spreadsheets do */
              for (q = p; q < end && *q != delimiter && *q != '\r' && *q != '\n'; q++)
                ;
              g_string_append_len (quoted, p, q - p);
              p = q;
              cell = g_string_free (g_steal_pointer (&quoted), FALSE);
            }
          else
            {
              for (q = p; q < end && *q != delimiter && *q != '\r' && *q != '\n'; q++)
                ;
              cell = g_strndup (p, q - p);
              p = q;
            }
          if (cell_too_long (strlen (cell), line, error))
            {
              g_free (cell);
              return FALSE;
            }
          /* Excel and LibreOffice write '0012 or '=A1 to keep a cell as text */
          if (cell[0] == '\'')
            memmove (cell, cell + 1, strlen (cell));
          g_ptr_array_add (cells, cell);
          if (cells->len > FITA_SHEET_MAX_COLUMNS)
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                           _("Line %u has more than %d cells: this is not a table of a plan."),
                           row_line, FITA_SHEET_MAX_COLUMNS);
              return FALSE;
            }
          if (p < end && *p == delimiter)
            {
              p++;
              continue;
            }
          break;
        }
      if (p < end)
        {
          p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
          line++;
        }

      n_cells += cells->len;
      if (sheet->rows->len >= FITA_SHEET_MAX_ROWS || n_cells > FITA_SHEET_MAX_CELLS)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       sheet->rows->len >= FITA_SHEET_MAX_ROWS
                       ? _("The table has more than %d rows; split it into smaller ones.")
                       : _("The table has more than %d cells; split it into smaller ones."),
                       sheet->rows->len >= FITA_SHEET_MAX_ROWS ? FITA_SHEET_MAX_ROWS : FITA_SHEET_MAX_CELLS);
          return FALSE;
        }
      g_ptr_array_add (cells, NULL);
      fita_sheet_add_row (sheet, row_line, (GStrv) g_ptr_array_steal (cells, NULL));
    }
  return TRUE;
}

FitaSheet *
fita_sheet_read_csv (const char *data, gsize length, char delimiter, GError **error)
{
  g_autoptr(FitaSheet) sheet = NULL;
  g_autofree char *text = NULL;
  gsize text_length = 0;

  g_return_val_if_fail (delimiter != '"' && delimiter != '\n' && delimiter != '\r', NULL);

  if (length > FITA_SHEET_MAX_BYTES)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The file is too large to be a plan (more than %d MB)."), FITA_SHEET_MAX_BYTES >> 20);
      return NULL;
    }
  if (!(text = decode (data, length, &text_length, error)))
    return NULL;
  if (delimiter == 0)
    delimiter = detect_delimiter (text, text_length);
  sheet = fita_sheet_new (NULL);
  if (!parse (sheet, text, text_length, delimiter, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

FitaSheet *
fita_sheet_read_file (const char *path, const char *format, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  GStatBuf st;
  char delimiter;

  if (g_strcmp0 (format, "csv") == 0)
    delimiter = 0;
  else if (g_strcmp0 (format, "tsv") == 0)
    delimiter = '\t';
  else
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“%s” is not a table format Fita reads: use csv or tsv."), format ? format : "");
      return NULL;
    }

  /* a pipe or a device would block or never end */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("It is not an ordinary file (a folder, a device or a pipe); choose a file."));
      return NULL;
    }
  if (g_stat (path, &st) == 0 && st.st_size > FITA_SHEET_MAX_BYTES)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The file is too large to be a plan (more than %d MB)."), FITA_SHEET_MAX_BYTES >> 20);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, "%s", local->message);
      return NULL;
    }
  return fita_sheet_read_csv (data, length, delimiter, error);
}
