/* Fita's own PDF writer (fita-pdf.c): the same drawing on it and on cairo's
 * PDF surface looks the same and gives the same text when poppler reads
 * both; its cross-reference table is exact; what it cannot embed, it
 * refuses, and the timeline's export then falls back to cairo. */
#include "fita-pdf.h"
#include "fita-canvas.h"
#include "fita-error.h"
#include "fita-text.h"
#include "fita-timeline.h"
#include "fita-timeline-export.h"
#include "fita-test-util.h"

#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#define WIDTH 420
#define HEIGHT 300

static const char *cell = "Pla d’acció 2017–2019: 1.234,56 € (48 %)";
static const char *long_title = "Eines i metodologies de diagnosi i mapeig: recopilar metodologies disponibles";

/* shapes, text by fita-text and by Pango (shaped right to left, too) */
static void
draw_sample (FitaCanvas *canvas, const char *font)
{
  cairo_t *cr = fita_canvas_get_context (canvas);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *desc = pango_font_description_from_string (font);
  FitaText *text;
  FitaTextFit fit;

  pango_context_set_round_glyph_positions (context, FALSE);
  text = fita_text_new (context);

  fita_canvas_set_source_rgba (canvas, 0.9, 0.2, 0.1, 1);
  fita_canvas_rectangle (canvas, 10, 10, 100, 40);
  fita_canvas_fill (canvas);
  fita_canvas_set_source_rgba (canvas, 0.1, 0.3, 0.9, 0.5);
  fita_canvas_rectangle (canvas, 60, 20, 100, 40);
  fita_canvas_fill (canvas);
  /* a rounded bar and a diamond */
  fita_canvas_set_source_rgba (canvas, 0.2, 0.7, 0.3, 1);
  fita_canvas_new_sub_path (canvas);
  fita_canvas_arc (canvas, 200, 30, 20, G_PI / 2, 3 * G_PI / 2);
  fita_canvas_arc (canvas, 300, 30, 20, -G_PI / 2, G_PI / 2);
  fita_canvas_close_path (canvas);
  fita_canvas_fill (canvas);
  fita_canvas_move_to (canvas, 360, 10);
  fita_canvas_rel_line_to (canvas, 20, 20);
  fita_canvas_rel_line_to (canvas, -20, 20);
  fita_canvas_rel_line_to (canvas, -20, -20);
  fita_canvas_close_path (canvas);
  fita_canvas_fill (canvas);
  /* strokes of two widths, in a clip, under a scale */
  fita_canvas_save (canvas);
  fita_canvas_rectangle (canvas, 10, 70, 200, 30);
  fita_canvas_clip (canvas);
  fita_canvas_translate (canvas, 10, 70);
  fita_canvas_scale (canvas, 2, 1);
  fita_canvas_set_source_rgba (canvas, 0, 0, 0, 1);
  fita_canvas_set_line_width (canvas, 3);
  fita_canvas_move_to (canvas, 0, 15);
  fita_canvas_line_to (canvas, 200, 15);
  fita_canvas_stroke (canvas);
  fita_canvas_restore (canvas);
  fita_canvas_move_to (canvas, 250, 85);
  fita_canvas_line_to (canvas, 400, 85);
  fita_canvas_stroke (canvas);

  /* text: a cell, a title shortened with an ellipsis, a paragraph */
  fita_canvas_set_source_rgba (canvas, 0.1, 0.1, 0.1, 1);
  g_assert_true (fita_text_draw (text, canvas, desc, cell, 10, 110, 400, FITA_TEXT_LEFT, FALSE));
  g_assert_true (fita_text_fit (text, desc, long_title, 200, &fit));
  g_assert_true (fit.ellipsis);
  fita_text_show_fit (text, canvas, desc, long_title, &fit, 10, 135);
  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, 300 * PANGO_SCALE);
  pango_layout_set_text (layout, "Economia social i solidària — مرحبا بالعالم — Ελληνικά", -1);
  fita_canvas_set_source_rgba (canvas, 0.2, 0.2, 0.6, 1);
  fita_canvas_show_layout (canvas, layout, 10, 160);

  fita_text_free (text);
  pango_font_description_free (desc);
  g_object_unref (context);
}

static GBytes *
sample_with_fita (const char *font, GError **error)
{
  FitaOutput *output = fita_output_new_temporary (NULL);
  FitaPdf *pdf = fita_pdf_new (output);
  g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_pdf (pdf);
  gboolean done;

  fita_pdf_set_title (pdf, "Mostra «Fita»");
  fita_pdf_begin_page (pdf, WIDTH, HEIGHT);
  draw_sample (canvas, font);
  fita_pdf_end_page (pdf);
  fita_pdf_begin_page (pdf, WIDTH, HEIGHT);
  fita_pdf_end_page (pdf);
  done = fita_pdf_finish (pdf, error);
  fita_pdf_free (pdf);
  if (!done)
    {
      fita_output_abort (output);
      return NULL;
    }
  return fita_output_steal_bytes (output, error);
}

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
sample_with_cairo (const char *font)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, bytes, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_cairo (cr);

  draw_sample (canvas, font);
  cairo_show_page (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static cairo_surface_t *
render (PopplerDocument *document, int index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH * 2, HEIGHT * 2);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* Every entry of the cross-reference table points at its object. */
static void
check_xref (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* the file's tail is text */
  g_autofree char *tail = g_strndup (data + size - MIN (size, 64), MIN (size, 64));
  const char *startxref = g_strrstr (tail, "startxref");
  guint64 xref;
  guint first, n;
  const char *p;

  g_assert_nonnull (startxref);
  xref = g_ascii_strtoull (startxref + 10, NULL, 10);
  g_assert_true (g_str_has_prefix (data + xref, "xref\n"));
  g_assert_cmpint (sscanf (data + xref + 5, "%u %u", &first, &n), ==, 2);
  g_assert_cmpuint (first, ==, 0);
  p = strchr (data + xref + 5, '\n') + 1;
  for (guint i = 0; i < n; i++, p += 20)
    {
      g_autofree char *header = g_strdup_printf ("%u 0 obj", i);
      guint64 offset = g_ascii_strtoull (p, NULL, 10);

      g_assert_true (p[17] == 'n' || p[17] == 'f');
      g_assert_true (p[18] == ' ' && p[19] == '\n');
      if (p[17] == 'n')
        g_assert_true (g_str_has_prefix (data + offset, header));
    }
  g_assert_true (g_str_has_prefix (p, "trailer"));
}

/* Each character of the Latin and Greek text where the other has it */
static void
compare_layouts (PopplerPage *a, PopplerPage *b)
{
  g_autofree char *text_a = poppler_page_get_text (a);
  PopplerRectangle *boxes_a = NULL, *boxes_b = NULL;
  guint n_a = 0, n_b = 0, compared = 0;
  const char *p = text_a;

  g_assert_true (poppler_page_get_text_layout (a, &boxes_a, &n_a));
  g_assert_true (poppler_page_get_text_layout (b, &boxes_b, &n_b));
  /* up to the Arabic, which cairo extracts otherwise */
  for (guint i = 0; i < MIN (n_a, n_b) && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x202a && c <= 0x202e))
        break;
      if (c == '\n' || c == ' ')
        continue;
      g_assert_cmpfloat (fabs (boxes_a[i].x1 - boxes_b[i].x1), <, 0.5);
      g_assert_cmpfloat (fabs (boxes_a[i].y1 - boxes_b[i].y1), <, 0.5);
      g_assert_cmpfloat (fabs (boxes_a[i].x2 - boxes_b[i].x2), <, 0.5);
      compared++;
    }
  g_assert_cmpuint (compared, >, 100);
  g_free (boxes_a);
  g_free (boxes_b);
}

/* text without Arabic letters and bidirectional embeddings */
static char *
without_arabic (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!(c >= 0x600 && c <= 0x6ff) && !(c >= 0x202a && c <= 0x202e))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static void
test_same_as_cairo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ours = sample_with_fita ("DejaVu Sans 11", &error);
  g_autoptr(GBytes) theirs = sample_with_cairo ("DejaVu Sans 11");
  PopplerDocument *a, *b;
  PopplerPage *page_a, *page_b;
  g_autofree char *text_a = NULL, *text_b = NULL, *title = NULL;
  cairo_surface_t *image_a, *image_b;
  int stride, differ = 0;
  double width, height;

  g_assert_no_error (error);
  check_xref (ours);
  a = open_pdf (ours);
  b = open_pdf (theirs);
  g_assert_cmpint (poppler_document_get_n_pages (a), ==, 2);
  page_a = poppler_document_get_page (a, 0);
  poppler_page_get_size (page_a, &width, &height);
  g_assert_cmpfloat (width, ==, WIDTH);
  g_assert_cmpfloat (height, ==, HEIGHT);
  title = poppler_document_get_title (a);
  g_assert_cmpstr (title, ==, "Mostra «Fita»");

  /* the text, as a reader extracts it: the whole title behind its ellipsis */
  page_b = poppler_document_get_page (b, 0);
  text_a = poppler_page_get_text (page_a);
  text_b = poppler_page_get_text (page_b);
  g_assert_nonnull (strstr (text_a, cell));
  g_assert_nonnull (strstr (text_a, long_title));
  g_assert_nonnull (strstr (text_a, "Economia social i solidària"));
  g_assert_nonnull (strstr (text_a, "Ελληνικά"));
  /* Arabic words whole, in their logical order (cairo's PDF gives each
   * letter on its own, backwards), and the rest as cairo's */
  g_assert_nonnull (strstr (text_a, "مرحبا"));
  g_assert_nonnull (strstr (text_a, "بالعالم"));
  {
    g_autofree char *latin_a = without_arabic (text_a), *latin_b = without_arabic (text_b);
    g_assert_cmpstr (latin_a, ==, latin_b);
  }

  /* the shapes: the same but for antialiasing */
  image_a = render (a, 0);
  image_b = render (b, 0);
  stride = cairo_image_surface_get_stride (image_a);
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < WIDTH * 2; x++)
      {
        const guint8 *pa = cairo_image_surface_get_data (image_a) + y * stride + x * 4;
        const guint8 *pb = cairo_image_surface_get_data (image_b) + y * stride + x * 4;

        for (int c = 0; c < 3; c++)
          if (abs (pa[c] - pb[c]) > 64)
            {
              differ++;
              break;
            }
      }
  if (g_getenv ("FITA_TEST_PICTURES") != NULL)
    {
      g_autofree char *ours_png = g_build_filename (g_getenv ("FITA_TEST_PICTURES"), "pdf-fita.png", NULL);
      g_autofree char *cairo_png = g_build_filename (g_getenv ("FITA_TEST_PICTURES"), "pdf-cairo.png", NULL);
      g_autofree char *ours_pdf = g_build_filename (g_getenv ("FITA_TEST_PICTURES"), "pdf-fita.pdf", NULL);
      g_autofree char *cairo_pdf = g_build_filename (g_getenv ("FITA_TEST_PICTURES"), "pdf-cairo.pdf", NULL);
      g_file_set_contents (ours_pdf, g_bytes_get_data (ours, NULL), g_bytes_get_size (ours), NULL);
      g_file_set_contents (cairo_pdf, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs), NULL);
      cairo_surface_write_to_png (image_a, ours_png);
      cairo_surface_write_to_png (image_b, cairo_png);
    }
  g_assert_cmpint (differ, <, 100);
  /* the text where cairo puts it, within half a point (cairo rounds the
   * widths it writes to thousandths of an em, and its glyphs drift by up
   * to that; this writer writes them as the font has them) */
  compare_layouts (page_a, page_b);
  /* and not blank */
  {
    const guint8 *red = cairo_image_surface_get_data (image_a) + 40 * stride + 40 * 4;
    g_assert_cmpint (red[2], >, 200);   /* the red rectangle at 20, 20 */
    g_assert_cmpint (red[0], <, 60);
  }
  cairo_surface_destroy (image_a);
  cairo_surface_destroy (image_b);
  g_object_unref (page_a);
  g_object_unref (page_b);
  g_object_unref (a);
  g_object_unref (b);
}

static void
test_unsupported_font (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Cantarell has CFF outlines, which this writer does not embed */
  bytes = sample_with_fita ("Cantarell 11", &error);
  g_assert_null (bytes);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_UNSUPPORTED);
}

/* The timeline's export: Fita's writer by default, cairo's when the font
 * cannot be embedded; both with every page and the same text. */
static void
test_timeline_fallback (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *ours = g_build_filename (dir, "ours.pdf", NULL);
  g_autofree char *theirs = g_build_filename (dir, "theirs.pdf", NULL);
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (plan, NULL);
  FitaTimelineExportOptions options = { FITA_PAPER_A4 };
  g_autoptr(GError) error = NULL;
  PopplerDocument *a, *b;
  g_autofree char *uri_a = g_filename_to_uri (ours, NULL, NULL), *uri_b = g_filename_to_uri (theirs, NULL, NULL);
  g_autofree char *producer_a = NULL, *producer_b = NULL;

  fita_timeline_set_show_who (timeline, TRUE);
  g_assert_true (fita_timeline_export (timeline, ours, NULL, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  fita_timeline_set_font (timeline, "Cantarell 9");
  g_assert_true (fita_timeline_export (timeline, theirs, NULL, &options, NULL, NULL, &error));
  g_assert_no_error (error);

  a = poppler_document_new_from_file (uri_a, NULL, &error);
  g_assert_no_error (error);
  b = poppler_document_new_from_file (uri_b, NULL, &error);
  g_assert_no_error (error);
  producer_a = poppler_document_get_producer (a);
  producer_b = poppler_document_get_producer (b);
  g_assert_cmpstr (producer_a, ==, "Fita");
  g_assert_nonnull (strstr (producer_b, "cairo"));
  g_assert_cmpint (poppler_document_get_n_pages (a), >=, 2);
  for (int i = 0; i < poppler_document_get_n_pages (a); i++)
    {
      PopplerPage *page = poppler_document_get_page (a, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, poppler_document_get_n_pages (a));

      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, "Pla de treball 2017-2019"));
      if (i == 0)
        /* a title cut short in its column, extracted whole */
        g_assert_nonnull (strstr (text, "Eines i metodologies de diagnosi i mapeig: recopilar metodologies "
                                        "disponibles que permetin fer mapeig."));
      g_object_unref (page);
    }
  g_object_unref (a);
  g_object_unref (b);
}

/* Any text, valid UTF-8 or not, in any script, through fita-text and
 * Pango onto the writer: a PDF that poppler reads, with every page, or the
 * refusal that sends the document to cairo; never a crash nor a bad file. */
static void
test_any_text (void)
{
  /* ranges of the scripts DejaVu Sans and Bold have (with marks to
   * combine), then others, some of which no font here may have (a control
   * character Pango draws as a box with its code, a currency sign only
   * Cantarell has: cairo only) */
  static const gunichar ranges[][2] = {
    { 0x20, 0x7e }, { 0xa0, 0x17f }, { 0x3b1, 0x3c9 }, { 0x410, 0x44f }, { 0x5d0, 0x5ea }, { 0x627, 0x63a },
    { 0x2010, 0x2027 }, { 0x300, 0x34e },
    { 0x900, 0x97f }, { 0x2000, 0x206f }, { 0x20a0, 0x20bf }, { 0x4e00, 0x4e40 }, { 0x1f600, 0x1f640 },
    { 0x1, 0x1f },
  };
  const int n_covered = 8;
  int written = 0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

  for (int doc = 0; doc < 40; doc++)
    {
      FitaOutput *output = fita_output_new_temporary (NULL);
      FitaPdf *pdf = fita_pdf_new (output);
      g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_pdf (pdf);
      PangoContext *context = pango_cairo_create_context (fita_pdf_get_context (pdf));
      FitaText *text = fita_text_new (context);
      PangoFontDescription *font = pango_font_description_from_string (doc % 2 ? "Sans 9" : "Sans Bold 12");
      PangoLayout *layout = pango_layout_new (context);
      g_autoptr(GError) error = NULL;
      gboolean done;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, 200 * PANGO_SCALE);
      for (int page = 0; page < 3; page++)
        {
          fita_pdf_begin_page (pdf, 300, 400);
          fita_canvas_tag_begin (canvas, "P", NULL, NULL);
          for (int line = 0; line < 8; line++)
            {
              GString *t = g_string_new (NULL);
              int n = g_test_rand_int_range (0, 30);

              for (int i = 0; i < n; i++)
                {
                  int r = g_test_rand_int_range (0, doc % 3 == 0 ? (int) G_N_ELEMENTS (ranges) : n_covered);
                  g_string_append_unichar (t, g_test_rand_int_range (ranges[r][0], ranges[r][1] + 1));
                }
              if (g_test_rand_bit ())
                g_string_append_c (t, (char) g_test_rand_int_range (0x80, 0x100));   /* invalid UTF-8 */
              fita_text_draw (text, canvas, font, t->str, 10, line * 40, 120, FITA_TEXT_LEFT, TRUE);
              if (g_utf8_validate (t->str, -1, NULL))
                {
                  pango_layout_set_text (layout, t->str, -1);
                  fita_canvas_show_layout (canvas, layout, 10, line * 40 + 20);
                }
              g_string_free (t, TRUE);
            }
          fita_canvas_tag_end (canvas, "P");
          fita_pdf_end_page (pdf);
        }
      done = fita_pdf_finish (pdf, &error);
      fita_pdf_free (pdf);
      if (done)
        {
          g_autoptr(GBytes) bytes = fita_output_steal_bytes (output, &error);
          PopplerDocument *document;

          g_assert_no_error (error);
          check_xref (bytes);
          document = open_pdf (bytes);
          g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);
          for (int i = 0; i < 3; i++)
            {
              PopplerPage *p = poppler_document_get_page (document, i);
              g_free (poppler_page_get_text (p));
              g_object_unref (p);
            }
          g_object_unref (document);
          written++;
        }
      else
        {
          g_assert_error (error, FITA_ERROR, FITA_ERROR_UNSUPPORTED);
          fita_output_abort (output);
        }
      g_object_unref (layout);
      pango_font_description_free (font);
      fita_text_free (text);
      g_object_unref (context);
    }
  /* the scripts of the fonts at hand are written */
  g_assert_cmpint (written, >=, 26);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/same-as-cairo", test_same_as_cairo);
  g_test_add_func ("/pdf/unsupported-font", test_unsupported_font);
  g_test_add_func ("/pdf/timeline-fallback", test_timeline_fallback);
  g_test_add_func ("/pdf/any-text", test_any_text);
  return g_test_run ();
}
