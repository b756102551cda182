/* fita-report-tagged.c: what a tagged PDF needs and cairo 1.16 cannot
 * write, added after it (see fita-report-private.h).
 *
 * Cairo writes every object uncompressed, one "N 0 obj" to a line, its
 * dictionary's entries one to a line, and a classic xref table and trailer
 * at the end. New versions of the catalog, the Figure and the TH structure
 * elements are appended as an incremental update (a PDF reader takes the
 * last version of an object), so cairo's bytes stay as they were and the
 * result is as deterministic as they are. Anything not laid out that way
 * is refused rather than guessed at.
 */
#include "config.h"
#include "fita-report-private.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* Where needle is in data[from, to), or -1. (Binary data: no strstr.) */
static gssize
find (const GByteArray *data, gsize from, gsize to, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= to; i++)
    if (data->data[i] == (guint8) needle[0] && memcmp (data->data + i, needle, n) == 0)
      return i;
  return -1;
}

static gssize
find_last (const GByteArray *data, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = data->len >= n ? data->len - n + 1 : 0; i-- > 0;)
    if (memcmp (data->data + i, needle, n) == 0)
      return i;
  return -1;
}

/* The number after key in data[from, to), or -1. */
static gint64
number_after (const GByteArray *data, gsize from, gsize to, const char *key)
{
  gssize at = find (data, from, to, key);
  g_autofree char *digits = NULL;
  gsize start, end;

  if (at < 0)
    return -1;
  start = end = at + strlen (key);
  while (end < to && g_ascii_isdigit (data->data[end]))
    end++;
  if (end == start)
    return -1;
  digits = g_strndup ((const char *) data->data + start, end - start);
  return g_ascii_strtoll (digits, NULL, 10);
}

typedef struct {
  gint64 number;
  gsize start, end;    /* the dictionary: from "<<" to just after its last ">>" */
} PdfObject;

/* Object number's dictionary, at its first definition (cairo defines each
 * once). */
static gboolean
find_object (const GByteArray *data, gint64 number, PdfObject *object)
{
  g_autofree char *head = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj\n<<", number);
  gssize at = find (data, 0, data->len, head), end;

  if (at < 0)
    return FALSE;
  end = find (data, at, data->len, ">>\nendobj\n");
  if (end < 0)
    return FALSE;
  object->number = number;
  object->start = at + strlen (head) - 2;
  object->end = end + 2;
  return TRUE;
}

/* The object's dictionary with entries added before its closing ">>". */
static void
append_object (GByteArray *update, GArray *numbers, GArray *offsets, gsize base, const GByteArray *data,
               const PdfObject *object, const char *entries)
{
  g_autofree char *head = g_strdup_printf ("%" G_GINT64_FORMAT " 0 obj\n", object->number);
  gsize offset = base + update->len;

  g_array_append_val (numbers, object->number);
  g_array_append_val (offsets, offset);
  g_byte_array_append (update, (const guint8 *) head, strlen (head));
  g_byte_array_append (update, data->data + object->start, object->end - 2 - object->start);
  g_byte_array_append (update, (const guint8 *) entries, strlen (entries));
  g_byte_array_append (update, (const guint8 *) ">>\nendobj\n", 10);
}

/* A PDF text string: UTF-16BE with its byte order mark, in hex. */
static char *
pdf_text_string (const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  GString *out = g_string_new ("<FEFF");

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

static const char *
pdf_language (const char *lang)
{
  if (g_strcmp0 (lang, "ca") == 0)
    return "ca-ES";
  if (g_strcmp0 (lang, "es") == 0)
    return "es-ES";
  if (g_strcmp0 (lang, "en") == 0)
    return "en-GB";
  return lang;
}

static gboolean
refuse (GError **error, const char *why)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
               _("The report's accessibility information could not be added: %s."), why);
  return FALSE;
}

/* The structure elements of type (for example "/S /TH\n"), in the order of
 * their object numbers: cairo numbers them in the order they were begun. */
static GArray *
struct_elements (const GByteArray *data, const char *type)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  gsize at = 0;
  gssize elem;

  while ((elem = find (data, at, data->len, " 0 obj\n<< /Type /StructElem\n")) >= 0)
    {
      gsize line = elem;
      PdfObject object;
      gssize end = find (data, elem, data->len, ">>\nendobj\n");

      if (end < 0)
        break;
      while (line > 0 && data->data[line - 1] != '\n')
        line--;
      object.number = g_ascii_strtoll ((const char *) data->data + line, NULL, 10);
      object.start = elem + 7;
      object.end = end + 2;
      if (find (data, object.start, object.end, type) >= 0)
        g_array_append_val (found, object);
      at = end;
    }
  return found;
}

static int
compare_objects (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const PdfObject *) a)->number, y = ((const PdfObject *) b)->number;

  return x < y ? -1 : x > y;
}

gboolean
fita_report_tag_pdf (GByteArray *pdf, const char *lang, GPtrArray *alts, const char *scopes, GError **error)
{
  gssize trailer = find_last (pdf, "\ntrailer\n");
  gint64 size, root, info, prev;
  PdfObject catalog;
  g_autoptr(GArray) figures = NULL, headers = NULL, all = NULL, numbers = NULL, offsets = NULL;
  g_autoptr(GByteArray) update = NULL;
  g_autofree char *catalog_entries = NULL;
  g_autoptr(GString) xref = NULL;
  gsize base;

  if (trailer < 0)
    return refuse (error, "no trailer");
  size = number_after (pdf, trailer, pdf->len, "/Size ");
  root = number_after (pdf, trailer, pdf->len, "/Root ");
  info = number_after (pdf, trailer, pdf->len, "/Info ");
  prev = number_after (pdf, trailer, pdf->len, "startxref\n");
  if (size < 0 || root < 0 || prev < 0 || !find_object (pdf, root, &catalog)
      || find (pdf, catalog.start, catalog.end, "/StructTreeRoot ") < 0)
    return refuse (error, "not a tagged PDF as cairo writes it");

  figures = struct_elements (pdf, "   /S /Figure\n");
  headers = struct_elements (pdf, "   /S /TH\n");
  g_array_sort (figures, compare_objects);
  g_array_sort (headers, compare_objects);
  if (figures->len != alts->len || headers->len != strlen (scopes))
    return refuse (error, "its figures or table headings are not those drawn");

  update = g_byte_array_new ();
  numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  base = pdf->len + (pdf->len > 0 && pdf->data[pdf->len - 1] != '\n');

  /* in order of object number, for the xref's subsections */
  all = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  g_array_append_val (all, catalog);
  g_array_append_vals (all, figures->data, figures->len);
  g_array_append_vals (all, headers->data, headers->len);
  g_array_sort (all, compare_objects);
  catalog_entries = g_strdup_printf ("   /Lang (%s)\n   /ViewerPreferences << /DisplayDocTitle true >>\n",
                                     pdf_language (lang));
  for (guint i = 0; i < all->len; i++)
    {
      const PdfObject *object = &g_array_index (all, PdfObject, i);
      g_autofree char *entries = NULL;

      if (object->number == root)
        entries = g_strdup (catalog_entries);
      for (guint f = 0; entries == NULL && f < figures->len; f++)
        if (g_array_index (figures, PdfObject, f).number == object->number)
          {
            g_autofree char *alt = pdf_text_string (g_ptr_array_index (alts, f));
            entries = g_strdup_printf ("   /Alt %s\n", alt);
          }
      for (guint h = 0; entries == NULL && h < headers->len; h++)
        if (g_array_index (headers, PdfObject, h).number == object->number)
          entries = g_strdup_printf ("   /A << /O /Table /Scope /%s >>\n", scopes[h] == 'R' ? "Row" : "Column");
      append_object (update, numbers, offsets, base, pdf, object, entries);
    }

  xref = g_string_new ("xref\n");
  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (xref, "%" G_GINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                            g_array_index (numbers, gint64, i), g_array_index (offsets, gsize, i));
  g_string_append_printf (xref, "trailer\n<< /Size %" G_GINT64_FORMAT "\n   /Root %" G_GINT64_FORMAT " 0 R\n",
                          size, root);
  if (info >= 0)
    g_string_append_printf (xref, "   /Info %" G_GINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (xref, "   /Prev %" G_GINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, base + update->len);

  if (base > pdf->len)
    g_byte_array_append (pdf, (const guint8 *) "\n", 1);
  g_byte_array_append (pdf, update->data, update->len);
  g_byte_array_append (pdf, (const guint8 *) xref->str, xref->len);
  return TRUE;
}
