/* fita-pdf.c: Fita's own PDF writer (see fita-pdf.h) */
#include "config.h"
#include "fita-pdf.h"
#include "fita-error.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zlib.h>

#ifndef COMPRESSION
#define COMPRESSION 1
#endif

/* the first objects, numbered before anything else */
enum {
  OBJ_CATALOG = 1,
  OBJ_PAGES,
  OBJ_RESOURCES,
  OBJ_INFO,
  N_FIRST_OBJECTS
};

/* A font file, embedded once as a subset of the glyphs the document shows */
typedef struct {
  hb_face_t *face;
  hb_font_t *metrics;        /* advances in font units */
  guint upem;
  guint n_glyphs;
  float *widths;             /* per glyph, in thousandths of the size; NAN: not looked up */
  guint8 *used;               /* per glyph: 1 if shown */
  gunichar *unicode;         /* per glyph, the one character it shows (ToUnicode); 0: none yet */
  int object;                /* the Type0 font */
  char name[12];             /* its resource name */
} PdfFace;

/* A PangoFont: a face at a size */
typedef struct {
  PdfFace *face;             /* NULL: a font this writer cannot embed */
  double size;
} PdfFont;

enum { MARK_NONE, MARK_ARTIFACT, MARK_ELEMENT };

/* A structure element being laid out: written when it ends */
typedef struct {
  int object;
  int parent;
  char role[24];             /* a standard structure type */
  char *alt;
  const char *scope;
  int page;                  /* of its first marked content */
  GString *kids;
} Element;

typedef struct {
  char *title;
  int parent;                /* its index + 1, 0: at the top */
  int page;
  double y;                  /* in the PDF's coordinates */
  int first, last, next, prev;
  int count;
  int object;
} OutlineEntry;

/* The graphics state as asked for (cairo's) and as written (the PDF's) */
typedef struct {
  double source[4];          /* r, g, b, alpha */
  double line_width;
  gboolean fill_known, stroke_known;
  double fill[3], stroke[3];
  double alpha;              /* of the ExtGState in force */
  double written_width;
  char dash[64];             /* as asked for and as written: "[4 3] 0" */
  char written_dash[64];
} State;

typedef struct {
  GString *bytes;            /* bytes to write, or a stream's data */
  GArray *starts;            /* Start: where objects begin in bytes */
  int stream;                /* > 0: bytes are this stream object's data, to deflate */
  char *entries;             /* the stream's dictionary entries, besides its length and filter */
} Job;

typedef struct {
  int object;
  gsize at;
} Start;

struct _FitaPdf {
  FitaOutput *output;
  guint64 offset;            /* bytes written (by the writer) */
  GArray *offsets;           /* guint64, by object number; 0: not written yet (the writer's) */
  int n_objects;             /* numbered so far */
  GThread *thread;           /* the writer */
  GAsyncQueue *jobs;         /* Job, for it; the FitaPdf itself: stop */
  GAsyncQueue *tokens;       /* one for each job it may be given more */
  Job *batch;                /* what is being written, not handed over yet */
  GArray *kids;              /* int: the pages' objects */
  char *title;
  char *language;
  GString *scratch;          /* for formatting what is written */

  /* the page being drawn */
  gboolean in_page;
  double page_width, page_height;
  GString *content;
  GString *path;             /* the path being built: written when it is painted */
  gboolean has_point;
  double x, y;               /* the current point */
  double start_x, start_y;   /* of the current sub-path */
  GArray *states;            /* State; the last is in force */
  cairo_t *context;          /* for measuring, its matrix following the page's */

  GHashTable *fonts;         /* PangoFont → PdfFont */
  PangoFont *last_font;      /* the last looked up, and its PdfFont */
  PdfFont *last;
  GHashTable *faces;         /* hb_face_t → PdfFace */
  GPtrArray *face_order;     /* PdfFace, in the order they were first used */
  GArray *alphas;            /* double: the alphas of the ExtGStates /a0, /a1… */
  gboolean unsupported;
  guchar *compressed;

  /* the structure tree, once a tag is begun */
  gboolean tagged;
  int struct_root;           /* its object */
  GString *root_kids;
  GPtrArray *open;           /* Element: the elements begun and not ended, innermost last */
  GPtrArray *spare;          /* Element: ended, to be used again */
  int artifacts;             /* artifact_begin()s not yet ended */
  int marked;                /* MARK_*: the marked content open in the page's stream */
  gpointer marked_element;   /* the Element it is content of */
  int page;                  /* the page's object, from its beginning */
  int next_mcid;             /* on the page */
  GString *page_parents;     /* the element of each MCID of the page */
  GString *annotations;      /* the page's links */
  int next_key;              /* in the parent tree: of each page, then of each link */
  GString *parent_tree;      /* its /Nums */
  GArray *outline;           /* OutlineEntry */
  char *author, *creator, *created;
  gsize compressed_size;
};

/* Writing: in a thread of its own, which compresses the pages' streams
 * and writes everything in order while the next page is drawn. What is
 * written goes to it in batches (jobs): bytes with where objects begin in
 * them, or a stream to compress. */

/* jobs queued at most: the pages drawn ahead of the writer */
#define MAX_JOBS 16
/* a batch of bytes is handed over when it is this big */
#define BATCH_SIZE (64 * 1024)

static Job *
job_new (void)
{
  Job *job = g_new0 (Job, 1);

  job->bytes = g_string_sized_new (BATCH_SIZE + 1024);
  job->starts = g_array_new (FALSE, FALSE, sizeof (Start));
  return job;
}

static void
job_free (Job *job)
{
  g_string_free (job->bytes, TRUE);
  g_array_unref (job->starts);
  g_free (job->entries);
  g_free (job);
}

static void
written (FitaPdf *pdf, const void *data, gsize length)
{
  if (length == 0)
    return;
  fita_output_write (pdf->output, data, length, NULL);
  pdf->offset += length;
}

static void
written_at (FitaPdf *pdf, int object)
{
  if ((guint) object >= pdf->offsets->len)
    g_array_set_size (pdf->offsets, object + 1);
  g_array_index (pdf->offsets, guint64, object) = pdf->offset;
}

/* Writes what job holds, and frees it */
static void
write_job (FitaPdf *pdf, Job *job)
{
      if (job->stream > 0)
        {
          uLongf size = compressBound (job->bytes->len);
          char head[256];
          int n;

          if (size > pdf->compressed_size)
            {
              g_free (pdf->compressed);
              pdf->compressed = g_malloc (size);
              pdf->compressed_size = size;
            }
          if (compress2 (pdf->compressed, &size, (const Bytef *) job->bytes->str, job->bytes->len, COMPRESSION)
              != Z_OK)
            size = 0;
          written_at (pdf, job->stream);
          n = g_snprintf (head, sizeof head, "%d 0 obj\n<< /Length %lu /Filter /FlateDecode %s >>\nstream\n",
                          job->stream, (unsigned long) size, job->entries ? job->entries : "");
          written (pdf, head, MIN (n, (int) sizeof head - 1));
          written (pdf, pdf->compressed, size);
          written (pdf, "\nendstream\nendobj\n", 18);
        }
      else
        {
          gsize at = 0;

          for (guint i = 0; i < job->starts->len; i++)
            {
              Start *start = &g_array_index (job->starts, Start, i);

              written (pdf, job->bytes->str + at, start->at - at);
              at = start->at;
              written_at (pdf, start->object);
            }
          written (pdf, job->bytes->str + at, job->bytes->len - at);
        }
      job_free (job);
}

static gpointer
writer (gpointer data)
{
  FitaPdf *pdf = data;
  Job *job;

  while ((job = g_async_queue_pop (pdf->jobs)) != (Job *) pdf)
    {
      write_job (pdf, job);
      g_async_queue_push (pdf->tokens, GINT_TO_POINTER (1));
    }
  return NULL;
}

static void
hand_over (FitaPdf *pdf, Job *job)
{
  if (pdf->thread == NULL)
    {
      write_job (pdf, job);
      return;
    }
  g_async_queue_pop (pdf->tokens);
  g_async_queue_push (pdf->jobs, job);
}

static void
flush_batch (FitaPdf *pdf)
{
  if (pdf->batch->bytes->len == 0 && pdf->batch->starts->len == 0)
    return;
  hand_over (pdf, pdf->batch);
  pdf->batch = job_new ();
}

/* Waits for the writer to write all it was given, and stops it */
static void
stop_writer (FitaPdf *pdf)
{
  if (pdf->thread == NULL)
    return;
  flush_batch (pdf);
  g_async_queue_push (pdf->jobs, pdf);
  g_thread_join (pdf->thread);
  pdf->thread = NULL;
}

static void
out (FitaPdf *pdf, const void *data, gsize length)
{
  if (pdf->thread == NULL)
    {
      written (pdf, data, length);
      return;
    }
  g_string_append_len (pdf->batch->bytes, data, length);
  if (pdf->batch->bytes->len >= BATCH_SIZE)
    flush_batch (pdf);
}

static void G_GNUC_PRINTF (2, 3)
outf (FitaPdf *pdf, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_string_vprintf (pdf->scratch, format, args);
  va_end (args);
  out (pdf, pdf->scratch->str, pdf->scratch->len);
}

static int
new_object (FitaPdf *pdf)
{
  return ++pdf->n_objects;
}

static void integer (GString *s, gint64 v, gboolean space);

static void
begin_object (FitaPdf *pdf, int object)
{
  if (pdf->thread == NULL)
    written_at (pdf, object);
  else
    {
      Start start = { object, pdf->batch->bytes->len };
      g_array_append_val (pdf->batch->starts, start);
    }
  g_string_set_size (pdf->scratch, 0);
  integer (pdf->scratch, object, FALSE);
  g_string_append_len (pdf->scratch, " 0 obj\n", 7);
  out (pdf, pdf->scratch->str, pdf->scratch->len);
}

static void
end_object (FitaPdf *pdf)
{
  out (pdf, "endobj\n", 7);
}

/* A stream object: dictionary entries (without << >>), then data deflated */
static void
write_stream (FitaPdf *pdf, int object, const char *entries, const void *data, gsize length)
{
  Job *job = g_new0 (Job, 1);

  flush_batch (pdf);
  job->bytes = g_string_new_len (data, length);
  job->starts = g_array_new (FALSE, FALSE, sizeof (Start));
  job->stream = object;
  job->entries = g_strdup (entries);
  hand_over (pdf, job);
}

/* A whole number, and a space if space */
static void
integer (GString *s, gint64 v, gboolean space)
{
  char buffer[24];
  char *p = buffer + sizeof buffer;
  gboolean negative = v < 0;
  guint64 u = negative ? (guint64) -v : (guint64) v;

  if (space)
    *--p = ' ';
  do
    {
      *--p = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u > 0);
  if (negative)
    *--p = '-';
  g_string_append_len (s, p, buffer + sizeof buffer - p);
}

/* "N 0 R " */
static void
reference (GString *s, int object)
{
  integer (s, object, FALSE);
  g_string_append_len (s, " 0 R ", 5);
}

/* Numbers: to a thousandth, no exponent, no trailing zeros, a space
 * after; written at out (32 bytes are enough), their length returned */
static int
format_number (char *out, double v)
{
  char buffer[32];
  char *p = buffer + sizeof buffer;
  gint64 i, fraction, whole;
  gboolean negative;
  int n;

  if (!isfinite (v))
    v = 0;
  i = (gint64) llround (v * 1000);
  negative = i < 0;
  if (negative)
    i = -i;
  whole = i / 1000;
  fraction = i % 1000;
  *--p = ' ';
  if (fraction != 0)
    {
      gboolean any = FALSE;
      for (int digits = 0; digits < 3; digits++)
        {
          int d = (int) (fraction % 10);
          fraction /= 10;
          if (d != 0 || any)
            {
              *--p = (char) ('0' + d);
              any = TRUE;
            }
        }
      *--p = '.';
    }
  do
    {
      *--p = (char) ('0' + whole % 10);
      whole /= 10;
    }
  while (whole > 0);
  if (negative)
    *--p = '-';
  n = (int) (buffer + sizeof buffer - p);
  memcpy (out, p, n);
  return n;
}

static void
number (GString *s, double v)
{
  char buffer[32];

  g_string_append_len (s, buffer, format_number (buffer, v));
}

static void
numbers (GString *s, int n, const double *v)
{
  for (int i = 0; i < n; i++)
    number (s, v[i]);
}

/* four hexadecimal digits */
static void
hex16 (GString *s, guint value)
{
  static const char digits[] = "0123456789ABCDEF";
  char hex[4] = { digits[(value >> 12) & 15], digits[(value >> 8) & 15], digits[(value >> 4) & 15],
                  digits[value & 15] };

  g_string_append_len (s, hex, 4);
}

void
fita_pdf_append_text_string (GString *s, const char *utf8, gssize length)
{
  g_string_append (s, "<FEFF");
  for (const char *p = utf8, *end = utf8 + (length < 0 ? (gssize) strlen (utf8) : length); p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c >= 0x10000)
        {
          hex16 (s, 0xd800 + ((c - 0x10000) >> 10));
          hex16 (s, 0xdc00 + ((c - 0x10000) & 0x3ff));
        }
      else
        hex16 (s, c);
      p = g_utf8_next_char (p);
    }
  g_string_append_c (s, '>');
}

/* The document */

static void face_free (gpointer data);

static void
element_free (gpointer data)
{
  Element *e = data;

  g_free (e->alt);
  g_string_free (e->kids, TRUE);
  g_free (e);
}

static void close_marked (FitaPdf *pdf);
static void mark (FitaPdf *pdf);

FitaPdf *
fita_pdf_new (FitaOutput *output)
{
  FitaPdf *pdf = g_new0 (FitaPdf, 1);
  cairo_surface_t *surface;

  pdf->output = output;
  pdf->offsets = g_array_new (FALSE, TRUE, sizeof (guint64));
  pdf->n_objects = N_FIRST_OBJECTS - 1;
  pdf->kids = g_array_new (FALSE, FALSE, sizeof (int));
  pdf->scratch = g_string_sized_new (256);
  pdf->content = g_string_sized_new (64 * 1024);
  pdf->path = g_string_sized_new (1024);
  pdf->states = g_array_new (FALSE, FALSE, sizeof (State));
  pdf->fonts = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  pdf->faces = g_hash_table_new (g_direct_hash, g_direct_equal);
  pdf->face_order = g_ptr_array_new_with_free_func (face_free);
  pdf->alphas = g_array_new (FALSE, FALSE, sizeof (double));
  pdf->open = g_ptr_array_new ();
  pdf->spare = g_ptr_array_new_with_free_func (element_free);
  pdf->page_parents = g_string_new (NULL);
  pdf->annotations = g_string_new (NULL);
  pdf->parent_tree = g_string_new (NULL);
  pdf->root_kids = g_string_new (NULL);
  pdf->outline = g_array_new (FALSE, TRUE, sizeof (OutlineEntry));
  /* text measured as on cairo's PDF surface (its font options: no
   * hinting, no metrics rounded to pixels), on one that writes nothing */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 1, 1);
  pdf->context = cairo_create (surface);
  cairo_surface_destroy (surface);
  /* the header, with bytes above 127 that say it is binary */
  out (pdf, "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", 15);
  pdf->batch = job_new ();
  pdf->jobs = g_async_queue_new ();
  pdf->tokens = g_async_queue_new ();
  for (int i = 0; i < MAX_JOBS; i++)
    g_async_queue_push (pdf->tokens, GINT_TO_POINTER (1));
  pdf->thread = g_thread_new ("fita-pdf", writer, pdf);
  return pdf;
}

static void
face_free (gpointer data)
{
  PdfFace *face = data;

  hb_face_destroy (face->face);
  hb_font_destroy (face->metrics);
  g_free (face->used);
  g_free (face->unicode);
  g_free (face->widths);
  g_free (face);
}

void
fita_pdf_free (FitaPdf *pdf)
{
  if (pdf == NULL)
    return;
  stop_writer (pdf);
  job_free (pdf->batch);
  g_async_queue_unref (pdf->jobs);
  g_async_queue_unref (pdf->tokens);
  g_array_unref (pdf->offsets);
  g_array_unref (pdf->kids);
  g_free (pdf->title);
  g_free (pdf->language);
  g_string_free (pdf->scratch, TRUE);
  g_string_free (pdf->content, TRUE);
  g_string_free (pdf->path, TRUE);
  g_array_unref (pdf->states);
  cairo_destroy (pdf->context);
  g_hash_table_unref (pdf->fonts);
  g_hash_table_unref (pdf->faces);
  g_ptr_array_unref (pdf->face_order);
  g_array_unref (pdf->alphas);
  g_free (pdf->compressed);
  g_ptr_array_extend_and_steal (pdf->spare, g_steal_pointer (&pdf->open));
  g_ptr_array_unref (pdf->spare);
  g_string_free (pdf->page_parents, TRUE);
  g_string_free (pdf->annotations, TRUE);
  g_string_free (pdf->parent_tree, TRUE);
  g_string_free (pdf->root_kids, TRUE);
  for (guint i = 0; i < pdf->outline->len; i++)
    g_free (g_array_index (pdf->outline, OutlineEntry, i).title);
  g_array_unref (pdf->outline);
  g_free (pdf->author);
  g_free (pdf->creator);
  g_free (pdf->created);
  g_free (pdf);
}

void
fita_pdf_set_title (FitaPdf *pdf, const char *title)
{
  g_free (pdf->title);
  pdf->title = g_strdup (title);
}

void
fita_pdf_set_language (FitaPdf *pdf, const char *language)
{
  g_free (pdf->language);
  pdf->language = g_strdup (language);
}

cairo_t *
fita_pdf_get_context (FitaPdf *pdf)
{
  return pdf->context;
}

static State *
state (FitaPdf *pdf)
{
  return &g_array_index (pdf->states, State, pdf->states->len - 1);
}

void
fita_pdf_begin_page (FitaPdf *pdf, double width, double height)
{
  /* what a new cairo_t and a PDF page start with: black, opaque; cairo's
   * line width 2, the PDF's 1 */
  State initial = { { 0, 0, 0, 1 }, 2.0, TRUE, TRUE, { 0, 0, 0 }, { 0, 0, 0 }, 1.0, 1.0, "[] 0", "[] 0" };

  g_return_if_fail (!pdf->in_page);
  pdf->in_page = TRUE;
  pdf->page = new_object (pdf);
  pdf->next_mcid = 0;
  pdf->marked = MARK_NONE;
  g_string_set_size (pdf->page_parents, 0);
  g_string_set_size (pdf->annotations, 0);
  pdf->page_width = width;
  pdf->page_height = height;
  g_string_set_size (pdf->content, 0);
  g_string_set_size (pdf->path, 0);
  pdf->has_point = FALSE;
  g_array_set_size (pdf->states, 0);
  g_array_append_val (pdf->states, initial);
  cairo_identity_matrix (pdf->context);
  /* y down from the top left, as in cairo */
  g_string_append (pdf->content, "1 0 0 -1 0 ");
  number (pdf->content, height);
  g_string_append (pdf->content, "cm\n");
}

void
fita_pdf_end_page (FitaPdf *pdf)
{
  int contents, page = pdf->page, parents = 0;

  g_return_if_fail (pdf->in_page);
  close_marked (pdf);
  while (pdf->states->len > 1)
    fita_pdf_restore (pdf);
  pdf->in_page = FALSE;
  contents = new_object (pdf);
  write_stream (pdf, contents, NULL, pdf->content->str, pdf->content->len);
  if (pdf->tagged)
    {
      /* the elements of its marked content, by MCID */
      parents = new_object (pdf);
      begin_object (pdf, parents);
      outf (pdf, "[%s]\n", pdf->page_parents->str);
      end_object (pdf);
    }
  begin_object (pdf, page);
  g_string_assign (pdf->scratch, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ");
  number (pdf->scratch, pdf->page_width);
  number (pdf->scratch, pdf->page_height);
  g_string_append_printf (pdf->scratch, "] /Resources %d 0 R /Contents %d 0 R", OBJ_RESOURCES, contents);
  if (pdf->tagged)
    {
      int key = pdf->next_key++;

      g_string_append_printf (pdf->scratch, " /StructParents %d", key);
      g_string_append_printf (pdf->parent_tree, "%d %d 0 R ", key, parents);
    }
  if (pdf->annotations->len > 0)
    g_string_append_printf (pdf->scratch, " /Annots [%s] /Tabs /S", pdf->annotations->str);
  g_string_append (pdf->scratch, " >>\n");
  out (pdf, pdf->scratch->str, pdf->scratch->len);
  end_object (pdf);
  g_array_append_val (pdf->kids, page);
}

/* Structure */

static void
close_marked (FitaPdf *pdf)
{
  if (pdf->marked != MARK_NONE)
    g_string_append (pdf->content, "EMC\n");
  pdf->marked = MARK_NONE;
  pdf->marked_element = NULL;
}

/* What is about to be drawn marked as the content of the element being
 * laid out, or as an artifact (in none, or in an artifact) */
static void
mark (FitaPdf *pdf)
{
  Element *e;

  if (!pdf->tagged || !pdf->in_page)
    return;
  e = pdf->artifacts == 0 && pdf->open->len > 0 ? g_ptr_array_index (pdf->open, pdf->open->len - 1) : NULL;
  if (e == NULL)
    {
      if (pdf->marked == MARK_ARTIFACT)
        return;
      close_marked (pdf);
      g_string_append (pdf->content, "/Artifact BMC\n");
      pdf->marked = MARK_ARTIFACT;
      return;
    }
  if (pdf->marked == MARK_ELEMENT && pdf->marked_element == e)
    return;
  close_marked (pdf);
  g_string_append_c (pdf->content, '/');
  g_string_append (pdf->content, e->role);
  g_string_append_len (pdf->content, " << /MCID ", 10);
  integer (pdf->content, pdf->next_mcid, FALSE);
  g_string_append_len (pdf->content, " >> BDC\n", 8);
  reference (pdf->page_parents, e->object);
  if (e->page == 0)
    e->page = pdf->page;
  if (e->page == pdf->page)
    integer (e->kids, pdf->next_mcid, TRUE);
  else
    g_string_append_printf (e->kids, "<< /Type /MCR /Pg %d 0 R /MCID %d >> ", pdf->page, pdf->next_mcid);
  pdf->next_mcid++;
  pdf->marked = MARK_ELEMENT;
  pdf->marked_element = e;
}

void
fita_pdf_tag_begin (FitaPdf *pdf, const char *role, const char *alt, const char *scope)
{
  Element *e;
  Element *parent = pdf->open->len > 0 ? g_ptr_array_index (pdf->open, pdf->open->len - 1) : NULL;

  /* a report has one for each of its cells: ended ones are used again */
  if (pdf->spare->len > 0)
    e = g_ptr_array_steal_index (pdf->spare, pdf->spare->len - 1);
  else
    {
      e = g_new0 (Element, 1);
      e->kids = g_string_new (NULL);
    }

  close_marked (pdf);
  if (!pdf->tagged)
    {
      pdf->tagged = TRUE;
      pdf->struct_root = new_object (pdf);
    }
  e->object = new_object (pdf);
  e->parent = parent ? parent->object : pdf->struct_root;
  g_strlcpy (e->role, role, sizeof e->role);
  e->alt = g_strdup (alt);
  e->scope = scope;
  e->page = 0;
  g_string_truncate (e->kids, 0);
  reference (parent ? parent->kids : pdf->root_kids, e->object);
  g_ptr_array_add (pdf->open, e);
}

void
fita_pdf_tag_end (FitaPdf *pdf)
{
  Element *e;
  GString *s = pdf->scratch;

  g_return_if_fail (pdf->open->len > 0);
  close_marked (pdf);
  e = g_ptr_array_steal_index (pdf->open, pdf->open->len - 1);
  begin_object (pdf, e->object);
  g_string_assign (s, "<< /Type /StructElem /S /");
  g_string_append (s, e->role);
  g_string_append_len (s, " /P ", 4);
  reference (s, e->parent);
  if (e->page != 0)
    {
      g_string_append_len (s, "/Pg ", 4);
      reference (s, e->page);
    }
  g_string_append_len (s, "/K [", 4);
  g_string_append_len (s, e->kids->str, e->kids->len);
  g_string_append_c (s, ']');
  if (e->alt != NULL)
    {
      g_string_append (s, " /Alt ");
      fita_pdf_append_text_string (s, e->alt, -1);
    }
  if (e->scope != NULL)
    g_string_append_printf (s, " /A << /O /Table /Scope /%s >>", e->scope);
  g_string_append (s, " >>\n");
  out (pdf, s->str, s->len);
  end_object (pdf);
  g_clear_pointer (&e->alt, g_free);
  g_ptr_array_add (pdf->spare, e);
}

void
fita_pdf_artifact_begin (FitaPdf *pdf)
{
  close_marked (pdf);
  pdf->artifacts++;
}

void
fita_pdf_artifact_end (FitaPdf *pdf)
{
  g_return_if_fail (pdf->artifacts > 0);
  close_marked (pdf);
  pdf->artifacts--;
}

/* a rectangle of user space on the page, in the PDF's coordinates */
static void
page_rectangle (FitaPdf *pdf, double x, double y, double width, double height, double r[4])
{
  double xs[4] = { x, x + width, x, x + width }, ys[4] = { y, y, y + height, y + height };

  r[0] = r[1] = G_MAXDOUBLE;
  r[2] = r[3] = -G_MAXDOUBLE;
  for (int i = 0; i < 4; i++)
    {
      cairo_user_to_device (pdf->context, &xs[i], &ys[i]);
      ys[i] = pdf->page_height - ys[i];
      r[0] = MIN (r[0], xs[i]);
      r[1] = MIN (r[1], ys[i]);
      r[2] = MAX (r[2], xs[i]);
      r[3] = MAX (r[3], ys[i]);
    }
}

void
fita_pdf_link (FitaPdf *pdf, const char *uri, double x, double y, double width, double height)
{
  int annotation = new_object (pdf);
  double r[4];
  GString *s = g_string_new (NULL);
  Element *e = pdf->open->len > 0 ? g_ptr_array_index (pdf->open, pdf->open->len - 1) : NULL;

  g_return_if_fail (pdf->in_page);
  page_rectangle (pdf, x, y, width, height, r);
  g_string_assign (s, "<< /Type /Annot /Subtype /Link /Rect [");
  numbers (s, 4, r);
  g_string_append (s, "] /Border [0 0 0] /A << /S /URI /URI (");
  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (s, '\\');
      if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
        g_string_append_printf (s, "%%%02X", (guchar) *p);
      else
        g_string_append_c (s, *p);
    }
  g_string_append (s, ") >>");
  if (e != NULL && pdf->tagged)
    {
      int key = pdf->next_key++;

      g_string_append_printf (s, " /StructParent %d", key);
      g_string_append_printf (pdf->parent_tree, "%d %d 0 R ", key, e->object);
      g_string_append_printf (e->kids, "<< /Type /OBJR /Obj %d 0 R /Pg %d 0 R >> ", annotation, pdf->page);
    }
  g_string_append (s, " >>\n");
  begin_object (pdf, annotation);
  out (pdf, s->str, s->len);
  end_object (pdf);
  g_string_free (s, TRUE);
  g_string_append_printf (pdf->annotations, "%d 0 R ", annotation);
}

int
fita_pdf_add_outline (FitaPdf *pdf, int parent, const char *title, double y)
{
  OutlineEntry entry = { g_strdup (title), parent, pdf->page, 0 };
  double x = 0;

  g_return_val_if_fail (pdf->in_page, 0);
  g_return_val_if_fail (parent >= 0 && (guint) parent <= pdf->outline->len, 0);
  cairo_user_to_device (pdf->context, &x, &y);
  entry.y = pdf->page_height - y;
  g_array_append_val (pdf->outline, entry);
  return (int) pdf->outline->len;
}

void
fita_pdf_set_metadata (FitaPdf *pdf, const char *author, const char *creator, const char *created)
{
  g_free (pdf->author);
  g_free (pdf->creator);
  g_free (pdf->created);
  pdf->author = g_strdup (author);
  pdf->creator = g_strdup (creator);
  pdf->created = g_strdup (created);
}

/* The outline's entries, linked to each other, and its root's object */
static int
write_outline (FitaPdf *pdf)
{
  GArray *o = pdf->outline;
  int root = new_object (pdf), first = 0, last = 0, count = 0;
  GString *s = pdf->scratch;

  for (guint i = 0; i < o->len; i++)
    g_array_index (o, OutlineEntry, i).object = new_object (pdf);
  /* each entry after its parent's last child */
  for (guint i = 0; i < o->len; i++)
    {
      OutlineEntry *e = &g_array_index (o, OutlineEntry, i);
      int *parent_first = e->parent ? &g_array_index (o, OutlineEntry, e->parent - 1).first : &first;
      int *parent_last = e->parent ? &g_array_index (o, OutlineEntry, e->parent - 1).last : &last;

      if (*parent_last != 0)
        {
          g_array_index (o, OutlineEntry, *parent_last - 1).next = (int) i + 1;
          e->prev = *parent_last;
        }
      else
        *parent_first = (int) i + 1;
      *parent_last = (int) i + 1;
      if (e->parent)
        g_array_index (o, OutlineEntry, e->parent - 1).count++;
      else
        count++;
    }
  for (guint i = 0; i < o->len; i++)
    {
      OutlineEntry *e = &g_array_index (o, OutlineEntry, i);
#define REF(index) ((index) ? g_array_index (o, OutlineEntry, (index) - 1).object : 0)
      /* (begin_object writes through the scratch string: first) */
      begin_object (pdf, e->object);
      g_string_assign (s, "<< /Title ");
      fita_pdf_append_text_string (s, e->title, -1);
      g_string_append_printf (s, " /Parent %d 0 R", e->parent ? REF (e->parent) : root);
      if (e->prev)
        g_string_append_printf (s, " /Prev %d 0 R", REF (e->prev));
      if (e->next)
        g_string_append_printf (s, " /Next %d 0 R", REF (e->next));
      if (e->first)
        g_string_append_printf (s, " /First %d 0 R /Last %d 0 R /Count %d", REF (e->first), REF (e->last),
                                e->count);
      g_string_append_printf (s, " /Dest [%d 0 R /XYZ 0 ", e->page);
      number (s, e->y);
      g_string_append (s, "0] >>\n");
#undef REF
      out (pdf, s->str, s->len);
      end_object (pdf);
    }
  begin_object (pdf, root);
  if (first)
    outf (pdf, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>\n",
          g_array_index (o, OutlineEntry, first - 1).object, g_array_index (o, OutlineEntry, last - 1).object, count);
  else
    outf (pdf, "<< /Type /Outlines /Count 0 >>\n");
  end_object (pdf);
  return root;
}

/* The graphics state */

void
fita_pdf_save (FitaPdf *pdf)
{
  State copy = *state (pdf);

  close_marked (pdf);
  g_array_append_val (pdf->states, copy);
  g_string_append (pdf->content, "q\n");
  cairo_save (pdf->context);
}

void
fita_pdf_restore (FitaPdf *pdf)
{
  if (pdf->states->len <= 1)
    return;
  close_marked (pdf);
  g_array_set_size (pdf->states, pdf->states->len - 1);
  g_string_append (pdf->content, "Q\n");
  cairo_restore (pdf->context);
}

static void
transform (FitaPdf *pdf, double a, double b, double c, double d, double e, double f)
{
  double m[6] = { a, b, c, d, e, f };

  numbers (pdf->content, 6, m);
  g_string_append (pdf->content, "cm\n");
}

void
fita_pdf_translate (FitaPdf *pdf, double x, double y)
{
  if (x == 0 && y == 0)
    return;
  transform (pdf, 1, 0, 0, 1, x, y);
  cairo_translate (pdf->context, x, y);
}

void
fita_pdf_scale (FitaPdf *pdf, double sx, double sy)
{
  if (sx == 1 && sy == 1)
    return;
  transform (pdf, sx, 0, 0, sy, 0, 0);
  cairo_scale (pdf->context, sx, sy);
}

void
fita_pdf_set_source_rgba (FitaPdf *pdf, double red, double green, double blue, double alpha)
{
  State *s = state (pdf);

  s->source[0] = CLAMP (red, 0, 1);
  s->source[1] = CLAMP (green, 0, 1);
  s->source[2] = CLAMP (blue, 0, 1);
  s->source[3] = CLAMP (alpha, 0, 1);
}

void
fita_pdf_set_dash (FitaPdf *pdf, const double *dashes, int n_dashes, double offset)
{
  GString *d = g_string_new ("[");
  State *s = state (pdf);

  for (int i = 0; i < n_dashes && i < 6; i++)
    number (d, dashes[i]);
  g_string_append (d, "] ");
  number (d, offset);
  g_string_truncate (d, d->len - 1);
  g_strlcpy (s->dash, d->str, sizeof s->dash);
  g_string_free (d, TRUE);
}

void
fita_pdf_set_line_width (FitaPdf *pdf, double width)
{
  state (pdf)->line_width = width;
}

/* the source's alpha as an ExtGState, if it is not the one in force */
static void
use_alpha (FitaPdf *pdf, State *s)
{
  guint i;

  if (s->alpha == s->source[3])
    return;
  for (i = 0; i < pdf->alphas->len; i++)
    if (g_array_index (pdf->alphas, double, i) == s->source[3])
      break;
  if (i == pdf->alphas->len)
    g_array_append_val (pdf->alphas, s->source[3]);
  g_string_append_printf (pdf->content, "/a%u gs\n", i);
  s->alpha = s->source[3];
}

static void
use_fill (FitaPdf *pdf)
{
  State *s = state (pdf);

  use_alpha (pdf, s);
  if (s->fill_known && memcmp (s->fill, s->source, sizeof s->fill) == 0)
    return;
  numbers (pdf->content, 3, s->source);
  g_string_append (pdf->content, "rg\n");
  memcpy (s->fill, s->source, sizeof s->fill);
  s->fill_known = TRUE;
}

static void
use_stroke (FitaPdf *pdf)
{
  State *s = state (pdf);

  use_alpha (pdf, s);
  if (!s->stroke_known || memcmp (s->stroke, s->source, sizeof s->stroke) != 0)
    {
      numbers (pdf->content, 3, s->source);
      g_string_append (pdf->content, "RG\n");
      memcpy (s->stroke, s->source, sizeof s->stroke);
      s->stroke_known = TRUE;
    }
  if (strcmp (s->dash, s->written_dash) != 0)
    {
      g_string_append_printf (pdf->content, "%s d\n", s->dash);
      memcpy (s->written_dash, s->dash, sizeof s->dash);
    }
  if (s->written_width != s->line_width)
    {
      number (pdf->content, s->line_width);
      g_string_append (pdf->content, "w\n");
      s->written_width = s->line_width;
    }
}

/* Paths */

static void
path_op (FitaPdf *pdf, int n, const double *v, const char *op)
{
  numbers (pdf->path, n, v);
  g_string_append (pdf->path, op);
}

void
fita_pdf_move_to (FitaPdf *pdf, double x, double y)
{
  double v[2] = { x, y };

  path_op (pdf, 2, v, "m\n");
  pdf->has_point = TRUE;
  pdf->x = pdf->start_x = x;
  pdf->y = pdf->start_y = y;
}

void
fita_pdf_line_to (FitaPdf *pdf, double x, double y)
{
  double v[2] = { x, y };

  if (!pdf->has_point)
    {
      fita_pdf_move_to (pdf, x, y);
      return;
    }
  path_op (pdf, 2, v, "l\n");
  pdf->x = x;
  pdf->y = y;
}

void
fita_pdf_rel_line_to (FitaPdf *pdf, double dx, double dy)
{
  if (!pdf->has_point)
    return;   /* cairo: an error, and nothing drawn */
  fita_pdf_line_to (pdf, pdf->x + dx, pdf->y + dy);
}

void
fita_pdf_curve_to (FitaPdf *pdf, double x1, double y1, double x2, double y2, double x3, double y3)
{
  double v[6] = { x1, y1, x2, y2, x3, y3 };

  if (!pdf->has_point)
    fita_pdf_move_to (pdf, x1, y1);
  path_op (pdf, 6, v, "c\n");
  pdf->x = x3;
  pdf->y = y3;
}

/* as cairo_arc: a line from the current point to the arc's start, then the
 * arc as Bézier curves of at most a quarter turn each */
void
fita_pdf_arc (FitaPdf *pdf, double xc, double yc, double radius, double angle1, double angle2)
{
  int segments;
  double step;

  while (angle2 < angle1)
    angle2 += 2 * G_PI;
  fita_pdf_line_to (pdf, xc + radius * cos (angle1), yc + radius * sin (angle1));
  if (radius <= 0 || angle2 == angle1)
    return;
  segments = (int) ceil ((angle2 - angle1) / (G_PI / 2) - 1e-9);
  step = (angle2 - angle1) / segments;
  for (int i = 0; i < segments; i++)
    {
      double a = angle1 + i * step, b = a + step;
      double h = 4.0 / 3.0 * tan (step / 4) * radius;

      fita_pdf_curve_to (pdf,
                         xc + radius * cos (a) - h * sin (a), yc + radius * sin (a) + h * cos (a),
                         xc + radius * cos (b) + h * sin (b), yc + radius * sin (b) - h * cos (b),
                         xc + radius * cos (b), yc + radius * sin (b));
    }
}

void
fita_pdf_rectangle (FitaPdf *pdf, double x, double y, double width, double height)
{
  double v[4] = { x, y, width, height };

  path_op (pdf, 4, v, "re\n");
  pdf->has_point = TRUE;
  pdf->x = pdf->start_x = x;
  pdf->y = pdf->start_y = y;
}

void
fita_pdf_close_path (FitaPdf *pdf)
{
  if (!pdf->has_point)
    return;
  g_string_append (pdf->path, "h\n");
  pdf->x = pdf->start_x;
  pdf->y = pdf->start_y;
}

void
fita_pdf_new_sub_path (FitaPdf *pdf)
{
  pdf->has_point = FALSE;
}

gboolean
fita_pdf_has_current_point (FitaPdf *pdf)
{
  return pdf->has_point;
}

/* writes the path with the operator that paints it, and forgets it */
static void
paint_path (FitaPdf *pdf, const char *op)
{
  if (pdf->path->len > 0)
    {
      if (op[0] != 'W')
        mark (pdf);
      g_string_append_len (pdf->content, pdf->path->str, pdf->path->len);
      g_string_append (pdf->content, op);
    }
  g_string_set_size (pdf->path, 0);
  pdf->has_point = FALSE;
}

void
fita_pdf_fill (FitaPdf *pdf)
{
  if (pdf->path->len > 0)
    use_fill (pdf);
  paint_path (pdf, "f\n");
}

void
fita_pdf_stroke (FitaPdf *pdf)
{
  if (pdf->path->len > 0)
    use_stroke (pdf);
  paint_path (pdf, "S\n");
}

void
fita_pdf_clip (FitaPdf *pdf)
{
  paint_path (pdf, "W n\n");
}

void
fita_pdf_paint (FitaPdf *pdf)
{
  /* a rectangle far beyond any page, in user space */
  g_string_set_size (pdf->path, 0);
  fita_pdf_rectangle (pdf, -1e5, -1e5, 2e5, 2e5);
  fita_pdf_fill (pdf);
}

/* Fonts */

static PdfFace *
face_for (FitaPdf *pdf, hb_face_t *hb_face)
{
  PdfFace *face = g_hash_table_lookup (pdf->faces, hb_face);

  if (face != NULL)
    return face;
  face = g_new0 (PdfFace, 1);
  face->face = hb_face_reference (hb_face);
  face->metrics = hb_font_create (hb_face);
  face->upem = hb_face_get_upem (hb_face);
  hb_font_set_scale (face->metrics, (int) face->upem, (int) face->upem);
  face->n_glyphs = hb_face_get_glyph_count (hb_face);
  face->widths = g_new (float, MAX (face->n_glyphs, 1));
  for (guint i = 0; i < face->n_glyphs; i++)
    face->widths[i] = NAN;
  face->used = g_new0 (guint8, MAX (face->n_glyphs, 1));
  face->unicode = g_new0 (gunichar, MAX (face->n_glyphs, 1));
  face->object = new_object (pdf);
  g_snprintf (face->name, sizeof face->name, "F%u", pdf->face_order->len);
  g_hash_table_insert (pdf->faces, hb_face, face);
  g_ptr_array_add (pdf->face_order, face);
  return face;
}

static gboolean
embeddable (PangoFont *font, double *size)
{
  hb_font_t *hb = pango_font_get_hb_font (font);
  hb_face_t *face;
  cairo_scaled_font_t *scaled;
  cairo_font_face_t *cairo_face;
  cairo_matrix_t matrix;
  unsigned int n_coords = 0;
  const int *coords;
  hb_blob_t *glyf;
  gboolean outlines;

  if (hb == NULL || !PANGO_IS_CAIRO_FONT (font))
    return FALSE;
  face = hb_font_get_face (hb);
  /* TrueType outlines (CFF would need a font program of its own kind) */
  glyf = hb_face_reference_table (face, HB_TAG ('g', 'l', 'y', 'f'));
  outlines = hb_blob_get_length (glyf) > 0;
  hb_blob_destroy (glyf);
  if (!outlines)
    return FALSE;
  /* the default instance of a variable font only */
  coords = hb_font_get_var_coords_normalized (hb, &n_coords);
  for (unsigned int i = 0; i < n_coords; i++)
    if (coords[i] != 0)
      return FALSE;
  /* drawn as cairo would: at a size, not slanted nor made bold by it */
  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  if (scaled == NULL || cairo_scaled_font_status (scaled) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  cairo_scaled_font_get_font_matrix (scaled, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy || matrix.xx <= 0)
    return FALSE;
  cairo_face = cairo_scaled_font_get_font_face (scaled);
  if (cairo_font_face_get_type (cairo_face) == CAIRO_FONT_TYPE_FT &&
      cairo_ft_font_face_get_synthesize (cairo_face) != 0)
    return FALSE;
  *size = matrix.xx;
  return TRUE;
}

static PdfFont *
font_for (FitaPdf *pdf, PangoFont *font)
{
  PdfFont *f;
  double size;

  if (font == pdf->last_font)
    return pdf->last;
  f = g_hash_table_lookup (pdf->fonts, font);
  pdf->last_font = font;
  if (f != NULL)
    return pdf->last = f;
  f = g_new0 (PdfFont, 1);
  if (embeddable (font, &size))
    {
      f->face = face_for (pdf, hb_font_get_face (pango_font_get_hb_font (font)));
      f->size = size;
    }
  g_hash_table_insert (pdf->fonts, g_object_ref (font), f);
  return pdf->last = f;
}

/* a glyph's advance in thousandths of the size */
static double
glyph_width (PdfFace *face, guint glyph)
{
  if (glyph >= face->n_glyphs)
    return 0;
  if (isnan (face->widths[glyph]))
    face->widths[glyph] = hb_font_get_glyph_h_advance (face->metrics, glyph) * 1000.0 / face->upem;
  return face->widths[glyph];
}

/* Text */

/* One cluster: its glyphs and the text they show */
typedef struct {
  const char *text;
  int length;
  int n_glyphs;
} Piece;

/* Glyphs are written into buf, and buf into the page's content when it
 * fills up or the run ends */
typedef struct {
  FitaPdf *pdf;
  PdfFont *font;
  gboolean in_array;         /* a TJ array is open */
  gboolean in_hex;           /* and a string of glyphs in it */
  gboolean positioned;
  double pen_x, y;           /* where the next glyph goes unless told */
  int n;
  char buf[1024];
} TextRun;

static void
flush_run (TextRun *r)
{
  g_string_append_len (r->pdf->content, r->buf, r->n);
  r->n = 0;
}

static void
run_append (TextRun *r, const char *s, int n)
{
  memcpy (r->buf + r->n, s, n);
  r->n += n;
}

static void
close_hex (TextRun *r)
{
  if (r->in_hex)
    r->buf[r->n++] = '>';
  r->in_hex = FALSE;
}

static void
close_array (TextRun *r)
{
  close_hex (r);
  if (r->in_array)
    run_append (r, "]TJ\n", 4);
  r->in_array = FALSE;
  flush_run (r);
}

static void
show_glyph (TextRun *r, const cairo_glyph_t *g)
{
  static const char digits[] = "0123456789ABCDEF";
  double size = r->font->size;
  guint index = (guint) g->index;

  if (r->n > (int) sizeof r->buf - 256)
    {
      /* a string or an array may go on over the flush */
      flush_run (r);
    }
  if (!r->positioned || fabs (g->y - r->y) > 1e-4)
    {
      close_array (r);
      run_append (r, "1 0 0 -1 ", 9);
      r->n += format_number (r->buf + r->n, g->x);
      r->n += format_number (r->buf + r->n, g->y);
      run_append (r, "Tm\n", 3);
      r->positioned = TRUE;
      r->pen_x = g->x;
      r->y = g->y;
    }
  if (!r->in_array)
    {
      r->buf[r->n++] = '[';
      r->in_array = TRUE;
    }
  if (fabs (g->x - r->pen_x) > 5e-4)
    {
      /* kerning, or any other place than the advances put it */
      close_hex (r);
      r->n += format_number (r->buf + r->n, -(g->x - r->pen_x) * 1000 / size);
    }
  if (!r->in_hex)
    {
      r->buf[r->n++] = '<';
      r->in_hex = TRUE;
    }
  r->buf[r->n++] = digits[(index >> 12) & 15];
  r->buf[r->n++] = digits[(index >> 8) & 15];
  r->buf[r->n++] = digits[(index >> 4) & 15];
  r->buf[r->n++] = digits[index & 15];
  if (index < r->font->face->n_glyphs)
    r->font->face->used[index] = 1;
  r->pen_x = g->x + glyph_width (r->font->face, index) * size / 1000;
}

/* whether text is one character that the glyph may stand for in the
 * ToUnicode map (the first it stood for, or none yet) */
static gboolean
maps_to (PdfFace *face, guint glyph, const char *text, int length)
{
  gunichar c, known;

  if (length == 1 && (guchar) text[0] < 0x80)
    c = (guchar) text[0];     /* most text */
  else if (length <= 0 || g_utf8_next_char (text) != text + length)
    return FALSE;
  else
    c = g_utf8_get_char_validated (text, length);
  if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
    return FALSE;
  if (glyph >= face->n_glyphs)
    return FALSE;
  known = face->unicode[glyph];
  if (known == 0)
    {
      face->unicode[glyph] = c;
      return TRUE;
    }
  return known == c;
}

static void
show_pieces (FitaPdf *pdf, PdfFont *font, const cairo_glyph_t *glyphs, int n_glyphs, const Piece *pieces,
             int n_pieces)
{
  TextRun r = { pdf, font, FALSE, FALSE, FALSE, 0, 0, 0, { 0 } };
  int g = 0;

  mark (pdf);
  use_fill (pdf);
  g_string_append_len (pdf->content, "BT\n/", 4);
  g_string_append (pdf->content, font->face->name);
  g_string_append_c (pdf->content, ' ');
  number (pdf->content, font->size);
  g_string_append (pdf->content, "Tf\n");
  for (int i = 0; i < n_pieces && g < n_glyphs; i++)
    {
      const Piece *p = &pieces[i];
      int n = MIN (p->n_glyphs, n_glyphs - g);
      gboolean plain = n == 1 && maps_to (font->face, (guint) glyphs[g].index, p->text, p->length);

      if (!plain)
        {
          /* the text these glyphs stand for, said in full */
          close_array (&r);
          g_string_append (pdf->content, "/Span << /ActualText ");
          fita_pdf_append_text_string (pdf->content, p->text, p->length);
          g_string_append (pdf->content, " >> BDC\n");
        }
      for (int j = 0; j < n; j++)
        show_glyph (&r, &glyphs[g + j]);
      if (!plain)
        {
          close_array (&r);
          g_string_append (pdf->content, "EMC\n");
        }
      g += n;
    }
  close_array (&r);
  g_string_append (pdf->content, "ET\n");
}

void
fita_pdf_show_glyphs (FitaPdf *pdf, PangoFont *font, const char *utf8, int utf8_length, const cairo_glyph_t *glyphs,
                      int n_glyphs, const cairo_text_cluster_t *clusters, int n_clusters)
{
  PdfFont *f = font_for (pdf, font);
  Piece stack[64];
  Piece *pieces = n_clusters <= 64 ? stack : g_new (Piece, n_clusters);
  const char *p = utf8;

  if (utf8_length < 0)
    utf8_length = (int) strlen (utf8);
  if (f->face == NULL)
    pdf->unsupported = TRUE;
  else if (n_glyphs > 0)
    {
      for (int i = 0; i < n_clusters; i++)
        {
          pieces[i] = (Piece) { p, MIN (clusters[i].num_bytes, (int) (utf8 + utf8_length - p)),
                                clusters[i].num_glyphs };
          p += pieces[i].length;
        }
      show_pieces (pdf, f, glyphs, n_glyphs, pieces, n_clusters);
    }
  if (pieces != stack)
    g_free (pieces);
}

/* a run of a layout: its glyphs placed, and clusters from Pango's */
void
fita_pdf_show_glyph_item (FitaPdf *pdf, const char *text, PangoGlyphItem *run, double x, double y)
{
  PangoGlyphString *glyphs = run->glyphs;
  PangoItem *item = run->item;
  PdfFont *f = font_for (pdf, item->analysis.font);
  gboolean rtl = item->analysis.level % 2 != 0;
  g_autofree cairo_glyph_t *placed = g_new (cairo_glyph_t, MAX (glyphs->num_glyphs, 1));
  g_autofree Piece *pieces = g_new (Piece, MAX (glyphs->num_glyphs, 1));
  int n_placed = 0, n_pieces = 0;
  int at = 0;

  if (f->face == NULL)
    {
      pdf->unsupported = TRUE;
      return;
    }
  for (int i = 0; i < glyphs->num_glyphs; )
    {
      int cluster = glyphs->log_clusters[i];
      int end_glyph = i, end_byte;
      int drawn = 0;

      while (end_glyph < glyphs->num_glyphs && glyphs->log_clusters[end_glyph] == cluster)
        end_glyph++;
      /* the cluster's text ends where the next one in logical order starts */
      if (!rtl)
        end_byte = end_glyph < glyphs->num_glyphs ? glyphs->log_clusters[end_glyph] : item->length;
      else
        end_byte = i > 0 ? glyphs->log_clusters[i - 1] : item->length;
      for (int j = i; j < end_glyph; j++)
        {
          PangoGlyphInfo *info = &glyphs->glyphs[j];

          if (info->glyph == PANGO_GLYPH_EMPTY)
            ;   /* a character with nothing to draw: a line's end, a joiner */
          else if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) || info->glyph >= f->face->n_glyphs)
            pdf->unsupported = TRUE;   /* cairo draws a box with its code */
          else
            {
              placed[n_placed++] = (cairo_glyph_t) {
                info->glyph,
                x + (at + info->geometry.x_offset) / (double) PANGO_SCALE,
                y + info->geometry.y_offset / (double) PANGO_SCALE };
              drawn++;
            }
          at += info->geometry.width;
        }
      if (drawn > 0)
        pieces[n_pieces++] = (Piece) { text + item->offset + cluster, MAX (0, end_byte - cluster), drawn };
      i = end_glyph;
    }
  if (n_placed > 0)
    show_pieces (pdf, f, placed, n_placed, pieces, n_pieces);
}


/* The end: fonts, resources, pages, catalog */

static void
face_name (PdfFace *face, hb_set_t *used, char *name, gsize size)
{
  char buffer[64];
  unsigned int length = sizeof buffer;
  guint32 hash = 5381;
  hb_codepoint_t glyph = HB_SET_VALUE_INVALID;
  GString *s = g_string_new (NULL);

  /* the subset's tag: six capitals that depend on the glyphs */
  while (hb_set_next (used, &glyph))
    hash = hash * 33 + glyph;
  for (int i = 0; i < 6; i++)
    {
      g_string_append_c (s, (char) ('A' + hash % 26));
      hash /= 26;
    }
  g_string_append_c (s, '+');
  if (hb_ot_name_get_utf8 (face->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, buffer) == 0)
    g_strlcpy (buffer, "Font", sizeof buffer);
  for (const char *p = buffer; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (s, *p);
  g_strlcpy (name, s->str, size);
  g_string_free (s, TRUE);
}

static int
table_int16 (hb_face_t *face, hb_tag_t tag, guint offset)
{
  hb_blob_t *blob = hb_face_reference_table (face, tag);
  unsigned int length = 0;
  const char *data = hb_blob_get_data (blob, &length);
  int value = 0;

  if (data != NULL && offset + 2 <= length)
    value = (gint16) (((guint8) data[offset] << 8) | (guint8) data[offset + 1]);
  hb_blob_destroy (blob);
  return value;
}

static void
write_face (FitaPdf *pdf, PdfFace *face)
{
  int descendant = new_object (pdf), descriptor = new_object (pdf), file = new_object (pdf);
  int to_unicode = new_object (pdf);
  char name[96];
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *subset = NULL;
  hb_blob_t *blob = NULL;
  const char *data = NULL;
  unsigned int length = 0;
  hb_codepoint_t glyph = HB_SET_VALUE_INVALID;
  double scale = 1000.0 / face->upem;
  hb_position_t ascender = 0, descender = 0, cap_height = 0;
  GString *s = g_string_new (NULL);
  guint n_maps = 0;
  gboolean open = FALSE;
  hb_codepoint_t previous = 0;
  hb_set_t *used = hb_set_create ();

  for (guint i = 0; i < face->n_glyphs; i++)
    if (face->used[i])
      hb_set_add (used, i);
  face_name (face, used, name, sizeof name);
  /* the font program: the glyphs shown, kept at their ids */
  if (input != NULL)
    {
      hb_set_t *drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);

      hb_set_union (hb_subset_input_glyph_set (input), used);
      hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_RETAIN_GIDS);
      hb_set_add (drop, HB_TAG ('G', 'S', 'U', 'B'));
      hb_set_add (drop, HB_TAG ('G', 'P', 'O', 'S'));
      hb_set_add (drop, HB_TAG ('G', 'D', 'E', 'F'));
      hb_set_add (drop, HB_TAG ('k', 'e', 'r', 'n'));
      subset = hb_subset_or_fail (face->face, input);
      hb_subset_input_destroy (input);
    }
  if (subset != NULL)
    {
      blob = hb_face_reference_blob (subset);
      data = hb_blob_get_data (blob, &length);
    }
  if (length == 0)
    {
      /* the whole font, if the subsetter failed */
      hb_blob_destroy (blob);
      blob = hb_face_reference_blob (face->face);
      data = hb_blob_get_data (blob, &length);
    }
  g_string_printf (s, "/Length1 %u", length);
  write_stream (pdf, file, s->str, data, length);
  hb_blob_destroy (blob);
  hb_face_destroy (subset);

  hb_ot_metrics_get_position (face->metrics, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascender);
  hb_ot_metrics_get_position (face->metrics, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descender);
  if (!hb_ot_metrics_get_position (face->metrics, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height))
    cap_height = ascender;
  begin_object (pdf, descriptor);
  g_string_printf (s, "<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [", name);
  number (s, table_int16 (face->face, HB_TAG ('h', 'e', 'a', 'd'), 36) * scale);
  number (s, table_int16 (face->face, HB_TAG ('h', 'e', 'a', 'd'), 38) * scale);
  number (s, table_int16 (face->face, HB_TAG ('h', 'e', 'a', 'd'), 40) * scale);
  number (s, table_int16 (face->face, HB_TAG ('h', 'e', 'a', 'd'), 42) * scale);
  g_string_append (s, "] /ItalicAngle ");
  number (s, table_int16 (face->face, HB_TAG ('p', 'o', 's', 't'), 4));
  g_string_append (s, "/Ascent ");
  number (s, ascender * scale);
  g_string_append (s, "/Descent ");
  number (s, descender * scale);
  g_string_append (s, "/CapHeight ");
  number (s, cap_height * scale);
  g_string_append_printf (s, "/StemV 80 /FontFile2 %d 0 R >>\n", file);
  out (pdf, s->str, s->len);
  end_object (pdf);

  begin_object (pdf, descendant);
  g_string_printf (s, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s "
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                      "/FontDescriptor %d 0 R /CIDToGIDMap /Identity /W [", name, descriptor);
  while (hb_set_next (used, &glyph))
    {
      if (!open || glyph != previous + 1)
        {
          if (open)
            g_string_append (s, "] ");
          g_string_append_printf (s, "%u [", glyph);
          open = TRUE;
        }
      number (s, glyph_width (face, glyph));
      previous = glyph;
    }
  if (open)
    g_string_append (s, "]");
  g_string_append (s, "] >>\n");
  out (pdf, s->str, s->len);
  end_object (pdf);

  begin_object (pdf, face->object);
  outf (pdf, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
             "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\n", name, descendant, to_unicode);
  end_object (pdf);

  /* ToUnicode: each glyph's character, a hundred to a block */
  g_string_assign (s, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  glyph = HB_SET_VALUE_INVALID;
  {
    GString *block = g_string_new (NULL);

    while (hb_set_next (used, &glyph))
      {
        gunichar c = glyph < face->n_glyphs ? face->unicode[glyph] : 0;
        gunichar2 utf16[2];
        int n;

        if (c == 0 || glyph > 0xffff)
          continue;
        if (c >= 0x10000)
          {
            utf16[0] = (gunichar2) (0xd800 + ((c - 0x10000) >> 10));
            utf16[1] = (gunichar2) (0xdc00 + ((c - 0x10000) & 0x3ff));
            n = 2;
          }
        else
          {
            utf16[0] = (gunichar2) c;
            n = 1;
          }
        g_string_append_printf (block, "<%04X> <%04X", glyph, utf16[0]);
        if (n == 2)
          g_string_append_printf (block, "%04X", utf16[1]);
        g_string_append (block, ">\n");
        if (++n_maps == 100)
          {
            g_string_append_printf (s, "100 beginbfchar\n%sendbfchar\n", block->str);
            g_string_set_size (block, 0);
            n_maps = 0;
          }
      }
    if (n_maps > 0)
      g_string_append_printf (s, "%u beginbfchar\n%sendbfchar\n", n_maps, block->str);
    g_string_free (block, TRUE);
  }
  g_string_append (s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  write_stream (pdf, to_unicode, NULL, s->str, s->len);
  g_string_free (s, TRUE);
  hb_set_destroy (used);
}

gboolean
fita_pdf_finish (FitaPdf *pdf, GError **error)
{
  GString *s = g_string_new (NULL);
  guint64 xref;
  guint n_objects;
  int outline = 0;
  g_autoptr(GChecksum) id = g_checksum_new (G_CHECKSUM_MD5);

  if (pdf->in_page)
    fita_pdf_end_page (pdf);
  if (pdf->unsupported)
    {
      g_string_free (s, TRUE);
      /* not for the user: the caller draws the document with cairo instead */
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_UNSUPPORTED, "text in a font this writer cannot embed");
      return FALSE;
    }
  for (guint i = 0; i < pdf->face_order->len; i++)
    write_face (pdf, g_ptr_array_index (pdf->face_order, i));

  begin_object (pdf, OBJ_RESOURCES);
  g_string_assign (s, "<< /Font <<");
  for (guint i = 0; i < pdf->face_order->len; i++)
    {
      PdfFace *face = g_ptr_array_index (pdf->face_order, i);
      g_string_append_printf (s, " /%s %d 0 R", face->name, face->object);
    }
  g_string_append (s, " >> /ExtGState <<");
  for (guint i = 0; i < pdf->alphas->len; i++)
    {
      g_string_append_printf (s, " /a%u << /ca ", i);
      number (s, g_array_index (pdf->alphas, double, i));
      g_string_append (s, "/CA ");
      number (s, g_array_index (pdf->alphas, double, i));
      g_string_append (s, ">>");
    }
  g_string_append (s, " >> >>\n");
  out (pdf, s->str, s->len);
  end_object (pdf);

  begin_object (pdf, OBJ_PAGES);
  g_string_printf (s, "<< /Type /Pages /Count %u /Kids [", pdf->kids->len);
  for (guint i = 0; i < pdf->kids->len; i++)
    g_string_append_printf (s, "%d 0 R ", g_array_index (pdf->kids, int, i));
  g_string_append (s, "] >>\n");
  out (pdf, s->str, s->len);
  end_object (pdf);

  if (pdf->tagged)
    {
      int parent_tree = new_object (pdf);

      while (pdf->open->len > 0)
        fita_pdf_tag_end (pdf);
      begin_object (pdf, parent_tree);
      outf (pdf, "<< /Nums [%s] >>\n", pdf->parent_tree->str);
      end_object (pdf);
      begin_object (pdf, pdf->struct_root);
      outf (pdf, "<< /Type /StructTreeRoot /K [%s] /ParentTree %d 0 R /ParentTreeNextKey %d >>\n",
            pdf->root_kids->str, parent_tree, pdf->next_key);
      end_object (pdf);
    }
  if (pdf->outline->len > 0)
    outline = write_outline (pdf);

  begin_object (pdf, OBJ_INFO);
  g_string_assign (s, "<< /Producer (Fita)");
  if (pdf->title != NULL && *pdf->title != '\0')
    {
      g_string_append (s, " /Title ");
      fita_pdf_append_text_string (s, pdf->title, -1);
    }
  if (pdf->author != NULL && *pdf->author != '\0')
    {
      g_string_append (s, " /Author ");
      fita_pdf_append_text_string (s, pdf->author, -1);
    }
  if (pdf->creator != NULL && *pdf->creator != '\0')
    {
      g_string_append (s, " /Creator ");
      fita_pdf_append_text_string (s, pdf->creator, -1);
    }
  if (pdf->created != NULL && strlen (pdf->created) >= 19)
    {
      /* D:YYYYMMDDHHmmSS from YYYY-MM-DDTHH:MM:SS */
      const char *c = pdf->created;
      g_string_append_printf (s, " /CreationDate (D:%.4s%.2s%.2s%.2s%.2s%.2s)", c, c + 5, c + 8, c + 11, c + 14,
                              c + 17);
    }
  g_string_append (s, " >>\n");
  out (pdf, s->str, s->len);
  end_object (pdf);

  begin_object (pdf, OBJ_CATALOG);
  g_string_printf (s, "<< /Type /Catalog /Pages %d 0 R", OBJ_PAGES);
  if (pdf->tagged)
    g_string_append_printf (s, " /StructTreeRoot %d 0 R /MarkInfo << /Marked true >>", pdf->struct_root);
  if (outline != 0)
    g_string_append_printf (s, " /Outlines %d 0 R", outline);
  if (pdf->language != NULL && *pdf->language != '\0')
    {
      /* a language tag is ASCII: a literal string */
      g_string_append (s, " /Lang (");
      for (const char *p = pdf->language; *p != '\0'; p++)
        if (g_ascii_isalnum (*p) || *p == '-')
          g_string_append_c (s, *p);
      g_string_append_c (s, ')');
    }
  if (pdf->title != NULL && *pdf->title != '\0')
    g_string_append (s, " /ViewerPreferences << /DisplayDocTitle true >>");
  g_string_append (s, " >>\n");
  out (pdf, s->str, s->len);
  end_object (pdf);

  /* the cross-reference table: 20 bytes an object */
  /* all written: the offsets are known */
  stop_writer (pdf);
  xref = pdf->offset;
  n_objects = pdf->n_objects + 1;
  g_array_set_size (pdf->offsets, MAX (pdf->offsets->len, n_objects));
  g_string_printf (s, "xref\n0 %u\n0000000000 65535 f \n", n_objects);
  out (pdf, s->str, s->len);
  /* twenty bytes an object, ten digits of its offset first */
  g_string_set_size (s, (gsize) (n_objects - 1) * 20);
  for (guint i = 1; i < n_objects; i++)
    {
      guint64 offset = g_array_index (pdf->offsets, guint64, i);
      char *entry = s->str + (gsize) (i - 1) * 20;

      if (offset == 0)
        memcpy (entry, "0000000000 65535 f \n", 20);
      else
        {
          for (int d = 9; d >= 0; d--, offset /= 10)
            entry[d] = (char) ('0' + offset % 10);
          memcpy (entry + 10, " 00000 n \n", 10);
        }
    }
  out (pdf, s->str, s->len);
  g_checksum_update (id, (const guchar *) (pdf->title ? pdf->title : ""), -1);
  g_checksum_update (id, (const guchar *) &xref, sizeof xref);
  outf (pdf, "trailer\n<< /Size %u /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%" G_GUINT64_FORMAT
        "\n%%%%EOF\n", n_objects, OBJ_CATALOG, OBJ_INFO, g_checksum_get_string (id), g_checksum_get_string (id),
        xref);
  g_string_free (s, TRUE);
  return fita_output_check (pdf->output, error);
}
