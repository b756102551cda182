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
#include "fita-output.h"
#include "fita-pdf.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Bytes read: cairo's PDF (in memory, or its file mapped), an object's
 * body, a page's stream. */
typedef struct {
  const guint8 *data;
  gsize len;
  gboolean mapped;     /* a file's mapping, whose pages may be given back (release) */
} PdfData;

static PdfData
view (const GByteArray *bytes)
{
  return (PdfData) { bytes->data, bytes->len, FALSE };
}

/* Gives back the pages of a mapped PDF read so far, [0, to): the kernel
 * reads them again if they are needed, so that reading a large report
 * through does not hold all of it at once. */
static void
release (const PdfData *pdf, gsize to)
{
#ifdef MADV_DONTNEED
  gsize page = (gsize) sysconf (_SC_PAGESIZE);

  to = MIN (to, pdf->len);
  if (pdf->mapped && page > 0 && to >= page)
    madvise ((void *) pdf->data, to - to % page, MADV_DONTNEED);
#endif
}

/* Every so much read through a mapped PDF, what is behind is given back. */
#define RELEASE_EVERY (1024 * 1024)

static void
read_through (const PdfData *pdf, gsize at, gsize *released)
{
  if (pdf->mapped && at > *released + RELEASE_EVERY)
    {
      release (pdf, at);
      *released = at;
    }
}

/* For reads here and there (the objects of the structure tree, which is
 * most of a large report's file after its pages): all given back every so
 * many. */
static void
read_here_and_there (const PdfData *pdf, guint *count)
{
  if (pdf->mapped && ++*count % 256 == 0)
    release (pdf, pdf->len);
}

/* Where needle is in data[from, to), or -1. (Binary data: no strstr.) */
static gssize
find (const PdfData *data, gsize from, gsize to, const char *needle)
{
  gsize n = strlen (needle);
  const guint8 *at;

  if (from >= to || to - from < n)
    return -1;
  at = memmem (data->data + from, to - from, needle, n);
  return at != NULL ? at - data->data : -1;
}

/* How much a search that may read far (scan) reads at a time. */
#define SCAN_WINDOW (256 * 1024)

/* find, for a search that may read far through the PDF (cairo writes the
 * structure tree after all the pages): a window at a time, what it has
 * read of a mapped PDF given back as it goes. */
static gssize
scan (const PdfData *data, gsize from, gsize to, const char *needle, gsize *released)
{
  gsize n = strlen (needle);

  g_assert (n > 0 && n < SCAN_WINDOW);
  for (gsize start = from; start < to;)
    {
      gsize end = MIN (to, start + SCAN_WINDOW);
      gssize at = find (data, start, end, needle);

      if (at >= 0 || end == to)
        return at;
      /* a needle across the window's end is found in the next one */
      start = end - (n - 1);
      read_through (data, start, released);
    }
  return -1;
}

static gssize
find_last (const PdfData *data, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = data->len >= n ? data->len - n + 1 : 0; i-- > 0;)
    if (memcmp (data->data + i, needle, n) == 0)
      return i;
  return -1;
}

/* The number after key in data[from, to), or -1. */
static gint64
number_after (const PdfData *data, gsize from, gsize to, const char *key)
{
  gssize at = find (data, from, to, key);
  g_autofree char *digits = NULL;
  gsize start, end;

  if (at < 0)
    return -1;
  start = at + strlen (key);
  while (start < to && data->data[start] == ' ')
    start++;
  end = start;
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

/* Where each object begins, from cairo's cross-reference table: objects are
 * found at once rather than searched for from the start of the file (which,
 * for every page of a report of thousands, made the pass quadratic). */
typedef struct {
  const PdfData *pdf;
  GArray *offsets;     /* gsize by object number; 0: not in use */
} PdfIndex;

static gboolean
index_read (PdfIndex *index, const PdfData *pdf, gint64 xref, gint64 size)
{
  const char *p, *end = (const char *) pdf->data + pdf->len;

  index->pdf = pdf;
  /* as many as the trailer's /Size says: not grown by doubling */
  index->offsets = g_array_sized_new (FALSE, TRUE, sizeof (gsize), (guint) CLAMP (size, 0, 1 << 24));
  if (xref < 0 || (gsize) xref + 5 > pdf->len || memcmp (pdf->data + xref, "xref\n", 5) != 0)
    return FALSE;
  p = (const char *) pdf->data + xref + 5;
  /* subsections "first count", then count entries of 20 bytes */
  while (p < end && g_ascii_isdigit (*p))
    {
      char *next;
      guint64 first = g_ascii_strtoull (p, &next, 10);
      guint64 count = next < end && *next == ' ' ? g_ascii_strtoull (next + 1, &next, 10) : 0;

      if (next >= end || *next != '\n' || count == 0 || first + count > G_MAXINT32)
        return FALSE;
      p = next + 1;
      if ((guint64) (end - p) < count * 20)
        return FALSE;
      if (index->offsets->len < first + count)
        g_array_set_size (index->offsets, first + count);
      for (guint64 i = 0; i < count; i++, p += 20)
        if (p[17] == 'n')
          g_array_index (index->offsets, gsize, first + i) = g_ascii_strtoull (p, NULL, 10);
    }
  return index->offsets->len > 0;
}

static void
index_clear (PdfIndex *index)
{
  g_clear_pointer (&index->offsets, g_array_unref);
}

/* Where object number begins ("N 0 obj\n"), or -1. */
static gssize
index_find (const PdfIndex *index, gint64 number)
{
  g_autofree char *head = NULL;
  gsize at;

  if (number <= 0 || (guint64) number >= index->offsets->len)
    return -1;
  at = g_array_index (index->offsets, gsize, number);
  head = g_strdup_printf ("%" G_GINT64_FORMAT " 0 obj\n", number);
  if (at == 0 || at + strlen (head) > index->pdf->len || memcmp (index->pdf->data + at, head, strlen (head)) != 0)
    return -1;
  return at;
}

/* Object number's dictionary. */
static gboolean
find_object (const PdfIndex *index, gint64 number, PdfObject *object)
{
  const PdfData *data = index->pdf;
  gssize at = index_find (index, number), end;

  if (at < 0 || (at = find (data, at, MIN (data->len, (gsize) at + 32), " obj\n<<")) < 0)
    return FALSE;
  end = find (data, at, data->len, ">>\nendobj\n");
  if (end < 0)
    return FALSE;
  object->number = number;
  object->start = at + strlen (" obj\n");
  object->end = end + 2;
  return TRUE;
}

static void splice (GByteArray *body, gsize at, gsize n, const char *text);

/* Adds entries to the end of an updated object's dictionary. */
static void
add_entries (GByteArray *body, const char *entries)
{
  g_assert (body->len >= 2);
  splice (body, body->len - 2, 0, entries);
}

const char *
fita_report_pdf_language (const char *lang)
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
struct_elements (const PdfData *data, const char *type)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  gsize at = 0, released = 0;
  guint reads = 0;
  gssize elem;

  while ((elem = scan (data, at, data->len, " 0 obj\n<< /Type /StructElem\n", &released)) >= 0)
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
      read_through (data, at, &released);
      read_here_and_there (data, &reads);
    }
  release (data, data->len);
  return found;
}

/* data through converter (zlib, one way or the other); NULL if it fails. */
static GBytes *
convert (GConverter *converter, const guint8 *data, gsize length)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, converter);

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
      || !g_output_stream_close (stream, NULL, NULL))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Where the update goes, after cairo's PDF: into a file (its FitaOutput),
 * gathered in bytes and written every so much; or, for a PDF in memory,
 * into bytes put after it at the end. */
typedef struct {
  FitaOutput *output;  /* or NULL */
  GByteArray *bytes;
  gsize length;        /* the PDF's length with what was added so far */
  guint8 last;         /* its last byte */
} PdfOut;

#define OUT_FLUSH (1024 * 1024)

static void
out_flush (PdfOut *out)
{
  if (out->output != NULL && out->bytes->len > 0)
    {
      /* a failed write is kept by the output, and said by whoever commits it */
      fita_output_write (out->output, out->bytes->data, out->bytes->len, NULL);
      g_byte_array_set_size (out->bytes, 0);
    }
}

static void
out_append (PdfOut *out, const void *data, gsize n)
{
  if (n == 0)
    return;
  g_byte_array_append (out->bytes, data, n);
  out->length += n;
  out->last = ((const guint8 *) data)[n - 1];
  if (out->bytes->len >= OUT_FLUSH)
    out_flush (out);
}

static void
out_append_text (PdfOut *out, const char *text)
{
  out_append (out, text, strlen (text));
}

/* An object in its new version: its number and all between "N 0 obj\n"
 * and "\nendobj". */
typedef struct {
  gint64 number;
  GByteArray *body;
  gssize written;      /* where it was already written after the file (a page's stream); -1: not yet */
} PdfUpdate;

static void
clear_update (gpointer data)
{
  g_byte_array_unref (((PdfUpdate *) data)->body);
}

/* The objects updated, found by number at once */
typedef struct {
  GArray *list;        /* of PdfUpdate */
  GHashTable *by_number;   /* number → index in list + 1 */
  PdfOut *out;         /* after the PDF: the pages' new streams, written as they are made, then the rest */
} PdfUpdates;

static void
updates_init (PdfUpdates *updates)
{
  updates->list = g_array_new (FALSE, FALSE, sizeof (PdfUpdate));
  g_array_set_clear_func (updates->list, clear_update);
  updates->by_number = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
updates_clear (PdfUpdates *updates)
{
  g_clear_pointer (&updates->by_number, g_hash_table_unref);
  g_clear_pointer (&updates->list, g_array_unref);
}

/* The new version of object number, begun as data[start, end) if new. The
 * pointer holds until the next call. */
static PdfUpdate *
update_of (PdfUpdates *updates, const PdfData *data, gint64 number, gsize start, gsize end)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (updates->by_number, &number));
  PdfUpdate update;

  if (index > 0)
    return &g_array_index (updates->list, PdfUpdate, index - 1);
  update.number = number;
  update.written = -1;
  update.body = g_byte_array_new ();
  g_byte_array_append (update.body, data->data + start, end - start);
  g_array_append_val (updates->list, update);
  g_hash_table_insert (updates->by_number, g_memdup2 (&number, sizeof number), GUINT_TO_POINTER (updates->list->len));
  return &g_array_index (updates->list, PdfUpdate, updates->list->len - 1);
}

/* Replaces n bytes at at by text. */
static void
splice (GByteArray *body, gsize at, gsize n, const char *text)
{
  g_autoptr(GByteArray) tail = g_byte_array_new ();

  g_byte_array_append (tail, body->data + at + n, body->len - at - n);
  g_byte_array_set_size (body, at);
  g_byte_array_append (body, (const guint8 *) text, strlen (text));
  g_byte_array_append (body, tail->data, tail->len);
}

/* Each reference "N 0 R" in body to an object of drop (a set of gint64)
 * becomes instead (in one pass); counts in counted (number → times). */
static void
drop_references (GByteArray *body, GHashTable *drop, const char *instead, GHashTable *counted)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (body->len);
  PdfData data = view (body);    /* body is not changed until the end */
  gsize copied = 0;
  gssize ref;
  gsize at = 0;

  while ((ref = find (&data, at, body->len, " 0 R")) >= 0)
    {
      gsize digits = ref;
      gint64 number;

      at = ref + 4;
      while (digits > 0 && g_ascii_isdigit (body->data[digits - 1]))
        digits--;
      if (digits == (gsize) ref || (digits > 0 && body->data[digits - 1] != ' ' && body->data[digits - 1] != '['
                                    && body->data[digits - 1] != '\n'))
        continue;
      number = g_ascii_strtoll ((const char *) body->data + digits, NULL, 10);
      if (!g_hash_table_contains (drop, &number))
        continue;
      g_byte_array_append (out, body->data + copied, digits - copied);
      g_byte_array_append (out, (const guint8 *) instead, strlen (instead));
      copied = at;
      g_hash_table_insert (counted, g_hash_table_lookup (drop, &number),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counted, g_hash_table_lookup (drop, &number))) + 1));
    }
  if (copied == 0)
    return;
  g_byte_array_append (out, body->data + copied, body->len - copied);
  g_byte_array_set_size (body, 0);
  g_byte_array_append (body, out->data, out->len);
}

/* The page's content stream with the marked content of the running header
 * and footer as /Artifact, compressed (*packed; NULL when it has none);
 * FALSE if it is not as cairo writes it. Reads the PDF only: pages are
 * done in several threads (page_artifacts). */
static gboolean
page_stream (const PdfIndex *index, gint64 contents, GBytes **packed_out)
{
  const PdfData *pdf = index->pdf;
  PdfData view_of_text;
  g_autoptr(GZlibDecompressor) inflate = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GZlibCompressor) deflate = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, -1);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GByteArray) text = g_byte_array_new ();
  gssize stream_at = index_find (index, contents), data_at, length_at, mcid;
  gint64 length_object, length;
  guint replaced = 0;
  gsize from = 0;

  *packed_out = NULL;
  if (stream_at < 0)
    return FALSE;
  length_object = number_after (pdf, stream_at, MIN (pdf->len, (gsize) stream_at + 64), "<< /Length ");
  data_at = find (pdf, stream_at, MIN (pdf->len, (gsize) stream_at + 256), ">>\nstream\n");
  if (length_object < 0 || data_at < 0 || find (pdf, stream_at, data_at, "   /Filter /FlateDecode\n") < 0)
    return FALSE;
  data_at += strlen (">>\nstream\n");
  length_at = index_find (index, length_object);
  if (length_at < 0)
    return FALSE;
  length = number_after (pdf, length_at, MIN (pdf->len, (gsize) length_at + 64), " 0 obj\n");
  if (length <= 0 || (gsize) (data_at + length) > pdf->len)
    return FALSE;

  plain = convert (G_CONVERTER (inflate), pdf->data + data_at, length);
  if (plain == NULL)
    return FALSE;
  g_byte_array_append (text, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  /* text changes as it is read: seen afresh each time round */
  while ((view_of_text = view (text), mcid = find (&view_of_text, from, text->len, "/Private << /MCID ")) >= 0)
    {
      gssize bdc = find (&view_of_text, mcid, MIN (text->len, (gsize) mcid + 64), " >> BDC");

      if (bdc < 0)
        return FALSE;
      splice (text, mcid, bdc + strlen (" >> BDC") - mcid, "/Artifact BMC");
      from = mcid + strlen ("/Artifact BMC");
      replaced++;
    }
  if (replaced == 0)
    return TRUE;
  packed = convert (G_CONVERTER (deflate), text->data, text->len);
  if (packed == NULL)
    return FALSE;
  *packed_out = g_steal_pointer (&packed);
  return TRUE;
}

typedef struct {
  const PdfIndex *index;
  GArray *contents;     /* gint64: each page's content stream */
  GBytes **packed;      /* by page: its new stream, NULL if none */
  gint failed;
  gint next;            /* the next page to do (atomic) */
  gint end;             /* the end of the batch */
} PageWork;

static gpointer
page_worker (gpointer data)
{
  PageWork *work = data;
  gint i;

  while ((i = g_atomic_int_add (&work->next, 1)) < work->end)
    if (!page_stream (work->index, g_array_index (work->contents, gint64, i), &work->packed[i]))
      g_atomic_int_set (&work->failed, 1);
  return NULL;
}

/* How many pages are done at a time: their new streams are written after
 * the file before the next ones are made, so that few are held at once. */
#define PAGE_BATCH 64

/* Every page's content stream with its running header and footer as
 * /Artifact: inflated and deflated again, which is most of the pass, in as
 * many threads as there are processors (up to 4); the updates are written
 * in the order of the pages, so the file is the same however many. */
static gboolean
page_artifacts (const PdfIndex *index, GArray *contents, PdfUpdates *updates)
{
  PageWork work = { index, contents, g_new0 (GBytes *, MAX (contents->len, 1)), 0, 0, 0 };
  PdfOut *out = updates->out;
  guint n_threads = MIN (MAX (g_get_num_processors (), 1), 4) - 1;

  if (out->length > 0 && out->last != '\n')
    out_append_text (out, "\n");
  for (guint first = 0; first < contents->len && !work.failed; first += PAGE_BATCH)
    {
      GThread *threads[3] = { NULL };
      guint n = MIN (n_threads, (contents->len - first) / 8);

      work.next = first;
      work.end = MIN (contents->len, first + PAGE_BATCH);
      for (guint t = 0; t < n; t++)
        threads[t] = g_thread_new ("fita-tag", page_worker, &work);
      page_worker (&work);
      for (guint t = 0; t < n; t++)
        g_thread_join (threads[t]);
      for (guint i = first; i < (guint) work.end; i++)
        {
          GBytes *packed = g_steal_pointer (&work.packed[i]);
          g_autofree char *head = NULL;
          gint64 number = g_array_index (contents, gint64, i);
          PdfUpdate *update;

          if (packed == NULL)
            continue;
          if (!work.failed)
            {
              /* written at once, in the order of the pages: the same file however many threads */
              update = update_of (updates, index->pdf, number, 0, 0);
              update->written = out->length;
              head = g_strdup_printf ("%" G_GINT64_FORMAT " 0 obj\n<< /Length %" G_GSIZE_FORMAT
                                      "\n   /Filter /FlateDecode\n>>\nstream\n", number, g_bytes_get_size (packed));
              out_append_text (out, head);
              out_append (out, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
              out_append_text (out, "\nendstream\nendobj\n");
            }
          g_bytes_unref (packed);
        }
      /* the batch's streams were read: given back */
      release (index->pdf, index->pdf->len);
    }
  g_free (work.packed);
  return !work.failed;
}

/* The running header and footer are drawn in the sentinel tag Private
 * (cairo 1.16 has no Artifact): their marked content becomes /Artifact,
 * and their elements leave the structure tree (their parent's /K and the
 * ParentTree). Each object is read and rewritten once, however many pages. */
static gboolean
furniture_to_artifacts (const PdfIndex *index, const PdfObject *catalog, PdfUpdates *updates, GError **error)
{
  const PdfData *pdf = index->pdf;
  g_autoptr(GArray) privates = struct_elements (pdf, "   /S /Private\n");
  g_autoptr(GHashTable) drop = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) in_k = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) in_tree = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;
  guint reads = 0;
  PdfObject root, nums;
  gsize at = 0, released = 0;
  gssize page, ref;

  if (privates->len == 0)
    return TRUE;
  if (!find_object (index, number_after (pdf, catalog->start, catalog->end, "/StructTreeRoot "), &root)
      || !find_object (index, number_after (pdf, root.start, root.end, "/ParentTree "), &nums))
    return refuse (error, "no parent tree");

  /* the elements to drop (keys point into privates, which does not grow),
   * and their parents */
  for (guint i = 0; i < privates->len; i++)
    {
      PdfObject *private = &g_array_index (privates, PdfObject, i);
      gint64 parent = number_after (pdf, private->start, private->end, "/P ");

      if (parent < 0)
        return refuse (error, "a running header with no parent");
      g_hash_table_insert (drop, &private->number, &private->number);
      g_hash_table_add (parents, g_memdup2 (&parent, sizeof parent));
      read_here_and_there (pdf, &reads);
    }

  /* out of their parents' /K */
  g_hash_table_iter_init (&iter, parents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 parent = *(gint64 *) key;
      PdfObject parent_object;

      if (!find_object (index, parent, &parent_object))
        return refuse (error, "a running header with no parent");
      drop_references (update_of (updates, pdf, parent, parent_object.start, parent_object.end)->body,
                       drop, " ", in_k);
      read_here_and_there (pdf, &reads);
    }

  /* null in the ParentTree's arrays, each array rewritten once */
  at = nums.start;
  while ((ref = find (pdf, at, nums.end, " 0 R\n")) >= 0)
    {
      gsize digits = ref;
      gint64 array;
      gssize array_at, array_end;
      guint before = g_hash_table_size (in_tree);
      g_autoptr(GByteArray) body = g_byte_array_new ();

      while (digits > nums.start && g_ascii_isdigit (pdf->data[digits - 1]))
        digits--;
      array = g_ascii_strtoll ((const char *) pdf->data + digits, NULL, 10);
      at = ref + 4;
      if ((array_at = index_find (index, array)) < 0
          || (array_at = find (pdf, array_at, MIN (pdf->len, (gsize) array_at + 32), " obj\n[")) < 0
          || (array_end = find (pdf, array_at, pdf->len, "]\nendobj\n")) < 0)
        continue;
      array_at += strlen (" obj\n");
      read_here_and_there (pdf, &reads);
      g_byte_array_append (body, pdf->data + array_at, array_end + 1 - array_at);
      drop_references (body, drop, "null", in_tree);
      if (g_hash_table_size (in_tree) != before)
        {
          PdfUpdate *update = update_of (updates, pdf, array, 0, 0);
          g_byte_array_append (update->body, body->data, body->len);
        }
    }

  /* each dropped exactly once from each */
  for (guint i = 0; i < privates->len; i++)
    {
      gint64 *number = &g_array_index (privates, PdfObject, i).number;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (in_k, number)) != 1)
        return refuse (error, "a running header not in its parent's /K");
      if (GPOINTER_TO_UINT (g_hash_table_lookup (in_tree, number)) != 1)
        return refuse (error, "a running header not in the parent tree");
    }

  at = 0;
  while ((page = scan (pdf, at, pdf->len, " 0 obj\n<< /Type /Page %", &released)) >= 0)
    {
      gssize end = find (pdf, page, pdf->len, ">>\nendobj\n");
      gint64 contents = end < 0 ? -1 : number_after (pdf, page, end, "/Contents ");

      if (contents < 0)
        return refuse (error, "page contents not as cairo writes them");
      g_array_append_val (pages, contents);
      at = end;
      read_through (pdf, at, &released);
    }
  release (pdf, pdf->len);
  if (!page_artifacts (index, pages, updates))
    return refuse (error, "page contents not as cairo writes them");
  return TRUE;
}

static int
compare_objects (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const PdfObject *) a)->number, y = ((const PdfObject *) b)->number;

  return x < y ? -1 : x > y;
}

static int
compare_updates (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const PdfUpdate *) a)->number, y = ((const PdfUpdate *) b)->number;

  return x < y ? -1 : x > y;
}

static gboolean
tag (const PdfData *pdf, const char *lang, GPtrArray *alts, const char *scopes, PdfIndex *index, PdfUpdates *updates,
     GError **error)
{
  gssize trailer = find_last (pdf, "\ntrailer\n");
  gint64 size, root, info, prev;
  PdfObject catalog;
  g_autoptr(GArray) figures = NULL, headers = NULL;
  g_autofree char *catalog_entries = NULL;
  g_autoptr(GString) xref = NULL;
  PdfOut *out = updates->out;

  if (trailer < 0)
    return refuse (error, "no trailer");
  size = number_after (pdf, trailer, pdf->len, "/Size ");
  root = number_after (pdf, trailer, pdf->len, "/Root ");
  info = number_after (pdf, trailer, pdf->len, "/Info ");
  prev = number_after (pdf, trailer, pdf->len, "startxref\n");
  if (size < 0 || root < 0 || prev < 0 || !index_read (index, pdf, prev, size) || !find_object (index, root, &catalog)
      || find (pdf, catalog.start, catalog.end, "/StructTreeRoot ") < 0)
    return refuse (error, "not a tagged PDF as cairo writes it");

  figures = struct_elements (pdf, "   /S /Figure\n");
  headers = struct_elements (pdf, "   /S /TH\n");
  g_array_sort (figures, compare_objects);
  g_array_sort (headers, compare_objects);
  if (figures->len != alts->len || headers->len != strlen (scopes))
    return refuse (error, "its figures or table headings are not those drawn");

  catalog_entries = g_strdup_printf ("   /Lang (%s)\n   /ViewerPreferences << /DisplayDocTitle true >>\n",
                                     fita_report_pdf_language (lang));
  add_entries (update_of (updates, pdf, root, catalog.start, catalog.end)->body, catalog_entries);
  for (guint f = 0; f < figures->len; f++)
    {
      const PdfObject *object = &g_array_index (figures, PdfObject, f);
      g_autoptr(GString) entries = g_string_new ("   /Alt ");

      fita_pdf_append_text_string (entries, g_ptr_array_index (alts, f), -1);
      g_string_append_c (entries, '\n');
      add_entries (update_of (updates, pdf, object->number, object->start, object->end)->body, entries->str);
    }
  for (guint h = 0; h < headers->len; h++)
    {
      const PdfObject *object = &g_array_index (headers, PdfObject, h);
      g_autofree char *entries = g_strdup_printf ("   /A << /O /Table /Scope /%s >>\n",
                                                  scopes[h] == 'R' ? "Row" : "Column");

      add_entries (update_of (updates, pdf, object->number, object->start, object->end)->body, entries);
    }
  if (!furniture_to_artifacts (index, &catalog, updates, error))
    return FALSE;

  /* in order of object number, one xref subsection each */
  g_array_sort (updates->list, compare_updates);
  /* written straight after the file, each object's body freed once
   * written: the pages' streams are not held twice */
  if (out->length > 0 && out->last != '\n')
    out_append_text (out, "\n");
  xref = g_string_new ("xref\n");
  for (guint i = 0; i < updates->list->len; i++)
    {
      PdfUpdate *object = &g_array_index (updates->list, PdfUpdate, i);
      g_autofree char *head = g_strdup_printf ("%" G_GINT64_FORMAT " 0 obj\n", object->number);

      g_string_append_printf (xref, "%" G_GINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                              object->number, object->written >= 0 ? (gsize) object->written : out->length);
      if (object->written >= 0)
        continue;
      out_append_text (out, head);
      out_append (out, object->body->data, object->body->len);
      out_append_text (out, "\nendobj\n");
      g_byte_array_unref (object->body);
      object->body = g_byte_array_new ();
    }
  g_string_append_printf (xref, "trailer\n<< /Size %" G_GINT64_FORMAT "\n   /Root %" G_GINT64_FORMAT " 0 R\n",
                          size, root);
  if (info >= 0)
    g_string_append_printf (xref, "   /Info %" G_GINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (xref, "   /Prev %" G_GINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, out->length);

  out_append (out, xref->str, xref->len);
  return TRUE;
}

/* Tags pdf, writing the update into out. */
static gboolean
tag_into (const PdfData *pdf, PdfOut *out, const char *lang, GPtrArray *alts, const char *scopes, GError **error)
{
  PdfIndex index = { 0 };
  PdfUpdates updates;
  gboolean done;

  updates_init (&updates);
  updates.out = out;
  out->length = pdf->len;
  out->last = pdf->len > 0 ? pdf->data[pdf->len - 1] : 0;
  done = tag (pdf, lang, alts, scopes, &index, &updates, error);
  updates_clear (&updates);
  index_clear (&index);
  return done;
}

gboolean
fita_report_tag_pdf (GByteArray *pdf, const char *lang, GPtrArray *alts, const char *scopes, GError **error)
{
  g_autoptr(GByteArray) update = g_byte_array_new ();
  PdfData data = view (pdf);
  PdfOut out = { NULL, update, 0, 0 };

  /* as cairo wrote it, should it not be tagged */
  if (!tag_into (&data, &out, lang, alts, scopes, error))
    return FALSE;
  g_byte_array_append (pdf, update->data, update->len);
  return TRUE;
}

gboolean
fita_report_tag_pdf_output (FitaOutput *output, const char *lang, GPtrArray *alts, const char *scopes,
                            GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GMappedFile) mapped = NULL;
  guint64 length = fita_output_get_length (output);
  int fd = fita_output_get_fd (output);
  PdfOut out = { output, buffer, 0, 0 };
  PdfData data;
  gboolean done;

  if (fd < 0)
    return fita_output_check (output, error) ? refuse (error, "nothing written") : FALSE;
  if (!(mapped = g_mapped_file_new_from_fd (fd, FALSE, NULL)) || g_mapped_file_get_length (mapped) != length)
    return refuse (error, "it could not be read back");
  data = (PdfData) { (const guint8 *) g_mapped_file_get_contents (mapped), length, TRUE };
  done = tag_into (&data, &out, lang, alts, scopes, error);
  out_flush (&out);
  /* as cairo wrote it, should it not be tagged */
  if (!done)
    fita_output_truncate (output, length);
  return done && fita_output_check (output, error);
}
