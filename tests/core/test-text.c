/* test-text.c: plain text laid out without Pango's shaping (fita-text.h),
 * against what Pango makes of the same text. */
#include "config.h"
#include "fita-text.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  cairo_surface_t *surface;
  cairo_t *cr;
  FitaCanvas *canvas;
  PangoContext *context;
  PangoFontDescription *font;
  FitaText *text;
} Fixture;

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* as the reports are set up: a PDF page, glyphs not rounded */
static void
setup (Fixture *f, gconstpointer data)
{
  f->surface = cairo_pdf_surface_create_for_stream (discard, NULL, 595, 842);
  f->cr = cairo_create (f->surface);
  f->canvas = fita_canvas_new_for_cairo (f->cr);
  f->context = pango_cairo_create_context (f->cr);
  pango_context_set_round_glyph_positions (f->context, FALSE);
  f->font = pango_font_description_from_string ("Sans 9.5");
  f->text = fita_text_new (f->context);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  fita_text_free (f->text);
  pango_font_description_free (f->font);
  g_object_unref (f->context);
  fita_canvas_free (f->canvas);
  cairo_destroy (f->cr);
  cairo_surface_destroy (f->surface);
}

static int
pango_lines (Fixture *f, const char *s, double width, int *height)
{
  PangoLayout *layout = pango_layout_new (f->context);
  int lines;

  pango_layout_set_font_description (layout, f->font);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_text (layout, s, -1);
  lines = pango_layout_get_line_count (layout);
  if (height != NULL)
    pango_layout_get_size (layout, NULL, height);
  g_object_unref (layout);
  return lines;
}

static double
pango_width (Fixture *f, const char *s)
{
  PangoLayout *layout = pango_layout_new (f->context);
  int width;

  pango_layout_set_font_description (layout, f->font);
  pango_layout_set_text (layout, s, -1);
  pango_layout_get_size (layout, &width, NULL);
  g_object_unref (layout);
  return width / (double) PANGO_SCALE;
}

/* What needs Pango is refused; what does not is taken. */
static void
test_coverage (Fixture *f, gconstpointer data)
{
  const char *taken[] = { "Acció 12.345,67 €", "1.1  Objectiu", "Ñandú — «cita» 50 %", "Ελλάδα", "Москва",
                          "", "a\nb" };
  const char *refused[] = { "a\tb", "مرحبا", "e\xcc\x81", "שלום", "नमस्ते", "x\xc2\xad" "y", "\xff\xfe", "a\xe2\x80\x8b" "b" };
  double width;
  guint n;
  double widest, height;

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    g_assert_true (fita_text_measure (f->text, f->font, taken[i], 100, TRUE, &n, &widest, &height));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refused: %s", refused[i]);
      g_assert_false (fita_text_measure (f->text, f->font, refused[i], 100, TRUE, &n, &widest, &height));
      g_assert_false (fita_text_draw (f->text, f->canvas, f->font, refused[i], 0, 0, 100, FITA_TEXT_LEFT, TRUE));
    }
  /* a width is of one line */
  g_assert_false (fita_text_width (f->text, f->font, "a\nb", -1, &width));
  g_assert_true (fita_text_width (f->text, f->font, "a\nb", 1, &width));
  g_assert_cmpfloat (width, >, 0);
}

/* A line is as wide as Pango makes it, kerning included; one line's height
 * is Pango's, and n lines take n times it. */
static void
test_metrics (Fixture *f, gconstpointer data)
{
  const char *lines[] = { "Actuació sintètica 1.1.3.11 per a la planificació del territori",
                          "266.202.452,30 €", "Pla d'Acció Municipal de l'Economia Social i Solidària",
                          "WAVE Tower", "100 %" };
  int pango_height;
  guint n;
  double widest, height;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double mine, theirs = pango_width (f, lines[i]);

      g_assert_true (fita_text_width (f->text, f->font, lines[i], -1, &mine));
      g_test_message ("%s: %.2f against Pango's %.2f", lines[i], mine, theirs);
      g_assert_cmpfloat (fabs (mine - theirs), <=, 0.1);
    }
  pango_lines (f, "Àg", -1, &pango_height);
  g_assert_cmpfloat_with_epsilon (fita_text_line_height (f->text, f->font), pango_height / (double) PANGO_SCALE, 1e-9);
  g_assert_true (fita_text_measure (f->text, f->font, "un\ndos\n", -1, FALSE, &n, &widest, &height));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (n, ==, (guint) pango_lines (f, "un\ndos\n", -1, NULL));
  g_assert_cmpfloat_with_epsilon (height, 3 * fita_text_line_height (f->text, f->font), 1e-9);
}

/* Lines break at spaces, as Pango breaks them, at widths where every
 * word fits and that are not a hair away from a line's end. */
static void
test_breaking (Fixture *f, gconstpointer data)
{
  const char *texts[] = {
    "Impulsar la contractació pública responsable amb clàusules socials i ambientals a tots els departaments",
    "Actuació sintètica 5.7.7.7 per a la planificació del territori",
    "Comissió tècnica (defineix les línies bàsiques) i Consell assessor",
  };
  guint checked = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double width = 60; width <= 400; width += 7)
      {
        guint n;
        double widest, height;
        gboolean near = FALSE;
        char **words = g_strsplit (texts[t], " ", -1);
        double line = 0, space, longest = 0;

        /* skip widths where a line would end within 2 pt of the width */
        fita_text_width (f->text, f->font, " ", 1, &space);
        for (guint w = 0; words[w] != NULL; w++)
          {
            double word;
            fita_text_width (f->text, f->font, words[w], -1, &word);
            longest = MAX (longest, word);
            if (line > 0 && line + space + word > width)
              line = word;
            else
              line += (line > 0 ? space : 0) + word;
            near = near || fabs (line - width) < 2;
          }
        g_strfreev (words);
        if (near || longest > width)
          continue;
        g_assert_true (fita_text_measure (f->text, f->font, texts[t], width, TRUE, &n, &widest, &height));
        g_assert_cmpfloat (widest, <=, width);
        g_assert_cmpuint (n, ==, (guint) pango_lines (f, texts[t], width, NULL));
        checked++;
      }
  g_assert_cmpuint (checked, >, 50);
}

/* Before closing punctuation a line does not break, even after a space. */
static void
test_glued (Fixture *f, gconstpointer data)
{
  double word, space, colon;
  guint n;
  double widest, height;

  fita_text_width (f->text, f->font, "paraula", -1, &word);
  fita_text_width (f->text, f->font, " ", -1, &space);
  fita_text_width (f->text, f->font, ":", -1, &colon);
  g_assert_true (fita_text_measure (f->text, f->font, "paraula :", word + 1, FALSE, &n, &widest, &height));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (widest, word + space + colon, 1e-9);
  g_assert_true (fita_text_measure (f->text, f->font, "paraula paraula", word + 1, TRUE, &n, &widest, &height));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat_with_epsilon (widest, word, 1e-9);
}

/* A word wider than the width is broken between characters (never the
 * figures, which are not given break_words), a character at least a line. */
static void
test_long_words (Fixture *f, gconstpointer data)
{
  const char *word = "Desenvolupament";
  double whole;
  guint n;
  double widest, height;

  fita_text_width (f->text, f->font, word, -1, &whole);
  g_assert_true (fita_text_measure (f->text, f->font, word, whole / 3 + 1, TRUE, &n, &widest, &height));
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (n, <=, 4);
  g_assert_cmpfloat (widest, <=, whole / 3 + 1);
  g_assert_true (fita_text_measure (f->text, f->font, "195.193.711,67\xc2\xa0€", 10, FALSE, &n, &widest, &height));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (fita_text_measure (f->text, f->font, "WWW", 1, TRUE, &n, &widest, &height));
  g_assert_cmpuint (n, ==, 3);
}

/* Drawn where it is measured: right-aligned text ends at the width, and
 * what is drawn is found again in the picture. */
static void
test_draw (Fixture *f, gconstpointer data)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 60);
  cairo_t *cr = cairo_create (image);
  g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_cairo (cr);
  PangoContext *context = pango_cairo_create_context (cr);
  FitaText *text;
  double width;
  int first = -1, last = -1, stride = cairo_image_surface_get_stride (image);
  guchar *pixels;

  pango_context_set_round_glyph_positions (context, FALSE);
  text = fita_text_new (context);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  g_assert_true (fita_text_width (text, f->font, "12.345,67 €", -1, &width));
  g_assert_true (fita_text_draw (text, canvas, f->font, "12.345,67 €", 10, 10, 280, FITA_TEXT_RIGHT, FALSE));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  for (int x = 0; x < 300; x++)
    for (int y = 0; y < 60; y++)
      if ((*(guint32 *) (gpointer) (pixels + y * stride + 4 * x) & 0xff) < 128)
        {
          if (first < 0)
            first = x;
          last = x;
        }
  g_test_message ("ink from %d to %d, text %.1f wide", first, last, width);
  g_assert_cmpint (last, <=, 290);
  g_assert_cmpint (last, >=, 285);
  g_assert_cmpint (first, >=, (int) (290 - width) - 1);
  g_assert_cmpint (first, <=, (int) (290 - width) + 3);
  fita_text_free (text);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

/* An item indented under its parent (em spaces before its code) goes on
 * at its indent on the lines its title wraps to; the first line is where
 * Pango would put it. */
static void
test_hanging (Fixture *f, gconstpointer data)
{
  const char *item = "\xe2\x80\x83\xe2\x80\x83" "1.1.2  Actuació sintètica per a la planificació del territori";
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 120);
  cairo_t *cr = cairo_create (image);
  g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_cairo (cr);
  PangoContext *context = pango_cairo_create_context (cr);
  FitaText *text;
  double hang, line, widest, height;
  guint n;
  int stride = cairo_image_surface_get_stride (image), left[4] = { -1, -1, -1, -1 };
  guchar *pixels;

  pango_context_set_round_glyph_positions (context, FALSE);
  text = fita_text_new (context);
  g_assert_true (fita_text_width (text, f->font, "\xe2\x80\x83\xe2\x80\x83", -1, &hang));
  line = fita_text_line_height (text, f->font);
  g_assert_true (fita_text_measure (text, f->font, item, 150, TRUE, &n, &widest, &height));
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpfloat (widest, <=, 150);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  g_assert_true (fita_text_draw (text, canvas, f->font, item, 10, 5, 150, FITA_TEXT_LEFT, TRUE));
  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  for (guint l = 0; l < MIN (n, 4); l++)
    for (int y = (int) (5 + l * line + 2); y < (int) (5 + (l + 1) * line - 2) && y < 120; y++)
      for (int x = 0; x < 200; x++)
        if ((*(guint32 *) (gpointer) (pixels + y * stride + 4 * x) & 0xff) < 128)
          {
            if (left[l] < 0 || x < left[l])
              left[l] = x;
            break;
          }
  g_test_message ("indent %.1f; lines begin at %d, %d", hang, left[0], left[1]);
  /* the first line's ink after its spaces, the next at the same indent */
  g_assert_cmpint (left[0], >=, (int) (10 + hang) - 1);
  g_assert_cmpint (abs (left[1] - left[0]), <=, 2);
  /* a word the indent leaves no room for starts its line at the edge,
   * whole, rather than be broken */
  {
    double word;
    g_autofree char *deep = g_strconcat ("\xe2\x80\x83\xe2\x80\x83", "1.1 Desenvolupament", NULL);

    g_assert_true (fita_text_width (text, f->font, "Desenvolupament", -1, &word));
    g_assert_true (fita_text_measure (text, f->font, deep, word + 1, TRUE, &n, &widest, &height));
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpfloat (widest, <=, word + 1);
  }
  /* no indent where words may not break (figures), nor with no width */
  g_assert_true (fita_text_measure (text, f->font, item, -1, TRUE, &n, &widest, &height));
  g_assert_cmpuint (n, ==, 1);
  fita_text_free (text);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
}

/* Any text, valid UTF-8 or not, of any characters and widths: refused or
 * laid out, never a line wider than the width when words may break, and
 * drawn as measured (run under ASan in CI). */
static void
test_any_text (Fixture *f, gconstpointer data)
{
  static const char *const pieces[] = { "a", "W", " ", "  ", "\n", "é", "€", "\xc2\xa0", "…", ":", ")", "1.234,5",
                                        "\t", "\xd9\x85", "\xcc\x81", "\xff", "\xe2\x80", "Actuació", "—", "/" };
  GRand *rand = g_rand_new_with_seed (18);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 30), lines;
      double width = g_rand_double_range (rand, -5, 200), widest, height;
      gboolean words = g_rand_boolean (rand);

      for (guint k = 0; k < n; k++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (fita_text_measure (f->text, f->font, s->str, width, words, &lines, &widest, &height))
        {
          FitaTextFit fit;

          g_assert_cmpuint (lines, >=, 1);
          g_assert_cmpfloat_with_epsilon (height, lines * fita_text_line_height (f->text, f->font), 1e-6);
          if (words && width > 0 && lines > 1)
            g_assert_cmpfloat (widest, <=, MAX (width, 20) + 1e-6);
          g_assert_true (fita_text_draw (f->text, f->canvas, f->font, s->str, 0, 0, width, FITA_TEXT_CENTER, words));
          if (strchr (s->str, '\n') == NULL)
            {
              g_assert_true (fita_text_fit (f->text, f->font, s->str, width, &fit));
              g_assert_cmpuint (fit.length, <=, s->len);
              if (width > 0 && fit.ellipsis)
                g_assert_cmpfloat (fit.width, <=, MAX (width, 20));
              fita_text_show_fit (f->text, f->canvas, f->font, s->str, &fit, 0, 0);
            }
        }
      else
        g_assert_false (fita_text_draw (f->text, f->canvas, f->font, s->str, 0, 0, width, FITA_TEXT_LEFT, words));
    }
  g_assert_cmpint (cairo_status (f->cr), ==, CAIRO_STATUS_SUCCESS);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/text/coverage", Fixture, NULL, setup, test_coverage, teardown);
  g_test_add ("/text/metrics", Fixture, NULL, setup, test_metrics, teardown);
  g_test_add ("/text/breaking", Fixture, NULL, setup, test_breaking, teardown);
  g_test_add ("/text/glued", Fixture, NULL, setup, test_glued, teardown);
  g_test_add ("/text/long-words", Fixture, NULL, setup, test_long_words, teardown);
  g_test_add ("/text/draw", Fixture, NULL, setup, test_draw, teardown);
  g_test_add ("/text/hanging", Fixture, NULL, setup, test_hanging, teardown);
  g_test_add ("/text/any-text", Fixture, NULL, setup, test_any_text, teardown);
  return g_test_run ();
}
