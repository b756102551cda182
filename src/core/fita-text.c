/* fita-text.c: plain text without Pango's shaping (see fita-text.h). */
#include "config.h"
#include "fita-text.h"
#include "fita-canvas.h"

#include <hb.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

/* Characters below this are looked up in a table, the others in a hash. */
#define LOW 0x600

/* "…" */
#define ELLIPSIS 0x2026

enum { UNKNOWN, NONE, FOUND };

typedef struct {
  gunichar c;
  guint32 glyph;
  guint8 state;
  double advance;
} Glyph;

/* Pairs of characters below this are kerned from a table, the others
 * from a hash. */
#define PAIRS 0x220

/* A character's row and column in the table of pairs: Latin-1 and Latin
 * Extended-A, general punctuation (dashes, quotes, the ellipsis) and
 * currency signs (€); -1 for the others. */
static inline int
pair_index (gunichar c)
{
  if (c < 0x180)
    return (int) c;
  if (c >= 0x2000 && c < 0x2080)
    return 0x180 + (int) (c - 0x2000);
  if (c >= 0x20a0 && c < 0x20c0)
    return 0x200 + (int) (c - 0x20a0);
  return -1;
}

typedef struct {
  PangoFontDescription *desc;
  cairo_scaled_font_t *scaled;   /* NULL: a font this engine cannot use */
  hb_font_t *hb;                 /* owned by font */
  PangoFont *font;
  double height, ascent;
  Glyph low[LOW];
  Glyph punctuation[0x100];      /* U+2000 to U+20FF: dashes, quotes, the ellipsis, currency */
  GHashTable *high;              /* codepoint → Glyph */
  float *pairs;                  /* PAIRS × PAIRS kerning, NAN: not known yet */
  GHashTable *other_pairs;       /* the others: (a << 21 | b) → Pair */
  hb_buffer_t *buffer;
} Font;

typedef struct {
  gint64 key;
  double kern;
} Pair;

struct _FitaText {
  PangoContext *context;
  GPtrArray *fonts;
  Font *last;
  GArray *glyphs;                /* cairo_glyph_t, of the line being drawn */
  GArray *clusters;              /* cairo_text_cluster_t */
};

static void
font_free (gpointer data)
{
  Font *f = data;

  g_clear_pointer (&f->high, g_hash_table_unref);
  g_clear_pointer (&f->other_pairs, g_hash_table_unref);
  g_clear_pointer (&f->buffer, hb_buffer_destroy);
  g_free (f->pairs);
  g_clear_pointer (&f->scaled, cairo_scaled_font_destroy);
  g_clear_object (&f->font);
  pango_font_description_free (f->desc);
  g_free (f);
}

FitaText *
fita_text_new (PangoContext *context)
{
  FitaText *text = g_new0 (FitaText, 1);

  text->context = g_object_ref (context);
  text->fonts = g_ptr_array_new_with_free_func (font_free);
  text->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  text->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  return text;
}

void
fita_text_free (FitaText *text)
{
  if (text == NULL)
    return;
  g_ptr_array_unref (text->fonts);
  g_array_unref (text->glyphs);
  g_array_unref (text->clusters);
  g_object_unref (text->context);
  g_free (text);
}

static Font *
font_new (FitaText *text, const PangoFontDescription *desc)
{
  Font *f = g_new0 (Font, 1);
  PangoFont *font = pango_context_load_font (text->context, desc);
  PangoLayout *layout;
  int height;

  f->desc = pango_font_description_copy (desc);
  f->high = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  f->other_pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  f->pairs = g_new (float, PAIRS * PAIRS);
  for (guint i = 0; i < PAIRS * PAIRS; i++)
    f->pairs[i] = NAN;
  f->buffer = hb_buffer_create ();
  if (font == NULL)
    return f;
  f->font = font;
  if (PANGO_IS_CAIRO_FONT (font))
    {
      f->scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
      f->hb = pango_font_get_hb_font (font);
      if (f->scaled == NULL || cairo_scaled_font_status (f->scaled) != CAIRO_STATUS_SUCCESS || f->hb == NULL)
        f->scaled = NULL;
      else
        cairo_scaled_font_reference (f->scaled);
    }
  /* a line's height and baseline, as Pango lays a line of this font out */
  layout = pango_layout_new (text->context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Àg", -1);
  pango_layout_get_size (layout, NULL, &height);
  f->height = height / (double) PANGO_SCALE;
  f->ascent = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;
  g_object_unref (layout);
  return f;
}

static Font *
font_of (FitaText *text, const PangoFontDescription *desc)
{
  Font *f;

  if (text->last != NULL && pango_font_description_equal (text->last->desc, desc))
    return text->last;
  for (guint i = 0; i < text->fonts->len; i++)
    {
      f = g_ptr_array_index (text->fonts, i);
      if (pango_font_description_equal (f->desc, desc))
        return text->last = f;
    }
  f = font_new (text, desc);
  g_ptr_array_add (text->fonts, f);
  return text->last = f;
}

/* Characters of the simple scripts, which need no shaping: Latin, Greek,
 * Cyrillic, punctuation, currency, letterlike symbols, arrows,
 * mathematical operators and geometric shapes, spaces of set widths; no
 * controls, tabs, soft hyphens, marks to combine nor zero-width
 * characters. */
static gboolean
simple_char (gunichar c)
{
  if (c < 0x20)
    return FALSE;
  if (c < 0x7f)
    return TRUE;
  if (c < 0xa0 || c == 0xad)
    return FALSE;
  if (c < 0x300)
    return TRUE;
  if (c < 0x370)
    return FALSE;
  if (c < 0x483)
    return TRUE;
  if (c < 0x48a)
    return FALSE;
  if (c < 0x530)
    return TRUE;
  return (c >= 0x1e00 && c < 0x200b) || (c >= 0x2010 && c < 0x2028) || (c >= 0x2030 && c < 0x205f)
         || (c >= 0x20a0 && c < 0x20d0) || (c >= 0x2100 && c < 0x2300) || (c >= 0x25a0 && c < 0x2600);
}

static const Glyph *
glyph_of (Font *f, gunichar c)
{
  Glyph *g;

  if (c < LOW)
    g = &f->low[c];
  else if (c >= 0x2000 && c < 0x2100)
    g = &f->punctuation[c - 0x2000];
  else
    {
      g = g_hash_table_lookup (f->high, GUINT_TO_POINTER (c));
      if (g == NULL)
        {
          g = g_new0 (Glyph, 1);
          g_hash_table_insert (f->high, GUINT_TO_POINTER (c), g);
        }
    }
  if (g->state == UNKNOWN)
    {
      hb_codepoint_t glyph;

      g->state = NONE;
      if (f->scaled != NULL && simple_char (c) && hb_font_get_nominal_glyph (f->hb, c, &glyph) && glyph != 0)
        {
          cairo_glyph_t one = { glyph, 0, 0 };
          cairo_text_extents_t extents;

          cairo_scaled_font_glyph_extents (f->scaled, &one, 1, &extents);
          g->c = c;
          g->glyph = glyph;
          g->advance = extents.x_advance;
          g->state = FOUND;
        }
    }
  return g;
}

/* The glyph of the character at *p, and p moved past it; NULL when none. */
static inline const Glyph *
next_glyph (Font *f, const char **p)
{
  const guchar *s = (const guchar *) *p;
  gunichar c;

  if (*s < 0x80)
    {
      *p += 1;
      c = *s;
    }
  else
    {
      c = g_utf8_get_char_validated (*p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return NULL;
      *p = g_utf8_next_char (*p);
    }
  return glyph_of (f, c);
}

/* How much nearer (below 0) or further b goes after a than their advances
 * say, as HarfBuzz positions the pair (the font's kerning); nothing next
 * to a space, where lines break. */
static double
shape_pair (Font *f, const Glyph *a, const Glyph *b)
{
  static hb_feature_t features[2];
  static gsize once;
  hb_codepoint_t pair[2] = { a->c, b->c };
  hb_glyph_position_t *positions;
  hb_glyph_info_t *infos;
  unsigned int n;
  hb_position_t alone;

  if (g_once_init_enter (&once))
    {
      /* no ligatures, as the reports draw none */
      hb_feature_from_string ("liga=0", -1, &features[0]);
      hb_feature_from_string ("clig=0", -1, &features[1]);
      g_once_init_leave (&once, 1);
    }
  hb_buffer_clear_contents (f->buffer);
  hb_buffer_add_codepoints (f->buffer, pair, 2, 0, 2);
  hb_buffer_guess_segment_properties (f->buffer);
  hb_shape (f->hb, f->buffer, features, G_N_ELEMENTS (features));
  infos = hb_buffer_get_glyph_infos (f->buffer, &n);
  positions = hb_buffer_get_glyph_positions (f->buffer, NULL);
  if (n != 2 || infos[0].codepoint != a->glyph || infos[1].codepoint != b->glyph)
    return 0;
  alone = hb_font_get_glyph_h_advance (f->hb, a->glyph);
  if (alone == 0)
    return 0;
  /* in the font's units for HarfBuzz, turned into points by the first
   * glyph's advance in both */
  return (positions[0].x_advance - alone) * a->advance / alone;
}

static inline double
kern (Font *f, const Glyph *a, const Glyph *b)
{
  int ia, ib;

  if (a == NULL || a->c == ' ' || b->c == ' ')
    return 0;
  ia = pair_index (a->c);
  ib = pair_index (b->c);
  if (ia >= 0 && ib >= 0)
    {
      float *known = &f->pairs[ia * PAIRS + ib];

      if (isnan (*known))
        *known = (float) shape_pair (f, a, b);
      return *known;
    }
  else
    {
      gint64 key = (gint64) a->c << 21 | b->c;
      Pair *pair = g_hash_table_lookup (f->other_pairs, &key);

      if (pair == NULL)
        {
          pair = g_new (Pair, 1);
          pair->key = key;
          pair->kern = shape_pair (f, a, b);
          g_hash_table_insert (f->other_pairs, &pair->key, pair);
        }
      return pair->kern;
    }
}

/* Whether every character of s (to end, or its NUL) has its glyph; and
 * the width of s on one line, when it has no line break (else -1). */
static gboolean
covered (Font *f, const char *s, const char *end, double *natural)
{
  const char *p = s;
  const Glyph *previous = NULL;
  double width = 0;

  if (f->scaled == NULL)
    return FALSE;
  while (end != NULL ? p < end : *p != '\0')
    {
      const Glyph *g;

      if (*p == '\n')
        {
          width = -G_MAXDOUBLE;
          previous = NULL;
          p++;
          continue;
        }
      g = next_glyph (f, &p);
      if (g == NULL || g->state != FOUND)
        return FALSE;
      width += kern (f, previous, g) + g->advance;
      previous = g;
    }
  if (natural != NULL)
    *natural = MAX (width, -1);
  return TRUE;
}

gboolean
fita_text_width (FitaText *text, const PangoFontDescription *font, const char *s, gssize length, double *width)
{
  Font *f = font_of (text, font);
  const char *end = s + (length < 0 ? (gssize) strlen (s) : length);

  return covered (f, s, end, width) && *width >= 0;
}

double
fita_text_line_height (FitaText *text, const PangoFontDescription *font)
{
  return font_of (text, font)->height;
}

/* Lines */

/* indent: where the line starts, after the first of a paragraph that
 * begins with spaces (see break_lines) */
typedef void (*LineFunc) (Font *f, const char *start, const char *end, double width, double indent,
                          gpointer data);

gboolean
fita_text_glued_to_previous (char c)
{
  return c != '\0' && strchr (")]}!?,.;:/", c) != NULL;
}

/* The width of the spaces s begins with (ASCII's, and U+2000 to U+200A,
 * which the reports indent an outline's levels with). */
static double
leading_spaces (Font *f, const char *s)
{
  double width = 0;

  while (*s == ' ' || ((guchar) s[0] == 0xe2 && (guchar) s[1] == 0x80 && (guchar) s[2] >= 0x80 && (guchar) s[2] <= 0x8a))
    width += next_glyph (f, &s)->advance;
  return width;
}

/* Breaks s into lines no wider than width (≤ 0: at its line breaks
 * only), each given to func without the spaces it was broken at. A
 * paragraph that begins with spaces (an item indented under its parent)
 * goes on at that indent on its next lines, when words may break and it
 * is less than half the width: the outline's shape survives a wrap. */
static void
break_lines (Font *f, const char *s, double width, gboolean break_words, LineFunc func, gpointer data)
{
  double space = glyph_of (f, ' ')->advance;
  const char *p = s;

  for (;;)
    {
      const char *line_start = p, *line_end = p;
      double line = 0, hang = break_words && width > 0 ? leading_spaces (f, p) : 0, indent = 0, room = width;
      gboolean empty = TRUE;

      if (hang >= width / 2)
        hang = 0;

      while (*p != '\0' && *p != '\n')
        {
          const char *word, *q;
          const Glyph *previous = NULL;
          double spaces = 0, wide = 0;

          while (*p == ' ')
            {
              spaces += space;
              p++;
            }
          /* a word runs to the next space that a line may break at */
          word = p;
          for (q = p; *q != '\0' && *q != '\n';)
            {
              if (*q == ' ' && !fita_text_glued_to_previous (q[strspn (q, " ")]))
                break;
              const Glyph *g = next_glyph (f, &q);

              wide += kern (f, previous, g) + g->advance;
              previous = g;
            }
          if (q == word)
            {
              /* spaces that end the paragraph */
              p = q;
              break;
            }
          if (!empty && width > 0 && line + spaces + wide > room)
            {
              func (f, line_start, line_end, line, indent, data);
              line_start = word;
              line = spaces = 0;
              indent = hang;
              room = width - hang;
              empty = TRUE;
            }
          if (empty && indent > 0 && line + spaces + wide > room && line + spaces + wide <= width)
            {
              /* a word the indent leaves no room for: this line at the edge */
              indent = 0;
              room = width;
            }
          if (empty && break_words && width > 0 && line + spaces + wide > room)
            {
              /* a word wider than a line: broken between characters, a
               * character at least on each line */
              const char *r = word, *from = line_start;
              double at = line + spaces;

              previous = NULL;
              while (r < q)
                {
                  const char *after = r;
                  const Glyph *g = next_glyph (f, &after);
                  double advance = kern (f, previous, g) + g->advance;

                  if (at + advance > room && r > from)
                    {
                      func (f, from, r, at, indent, data);
                      from = r;
                      at = 0;
                      indent = hang;
                      room = width - hang;
                      advance = g->advance;
                    }
                  at += advance;
                  previous = g;
                  r = after;
                }
              line_start = from;
              line = at;
            }
          else
            line += spaces + wide;
          line_end = q;
          empty = FALSE;
          p = q;
        }
      func (f, line_start, line_end, line, indent, data);
      if (*p != '\n')
        break;
      p++;
    }
}

typedef struct {
  guint n;
  double widest;
} Measure;

static void
measure_line (Font *f, const char *start, const char *end, double width, double indent, gpointer data)
{
  Measure *m = data;

  m->n++;
  m->widest = MAX (m->widest, indent + width);
}

gboolean
fita_text_measure (FitaText *text, const PangoFontDescription *font, const char *s, double width,
                   gboolean break_words, guint *n_lines, double *widest, double *height)
{
  Font *f = font_of (text, font);
  Measure m = { 0, 0 };
  double natural;

  if (!covered (f, s, NULL, &natural))
    return FALSE;
  /* most cells: one line that fits */
  if (natural >= 0 && (width <= 0 || natural <= width))
    m = (Measure) { 1, natural };
  else
    break_lines (f, s, width, break_words, measure_line, &m);
  *n_lines = m.n;
  *widest = m.widest;
  *height = m.n * f->height;
  return TRUE;
}

typedef struct {
  FitaText *text;
  FitaCanvas *canvas;
  double x, y, width;
  FitaTextAlign align;
  const char *elided_end;   /* not NULL: an ellipsis after the line stands for the text up to here */
} Draw;

static void
draw_line (Font *f, const char *start, const char *end, double width, double indent, gpointer data)
{
  Draw *d = data;
  double x = d->x + indent;
  const char *p = start;
  const Glyph *previous = NULL;

  if (d->align == FITA_TEXT_RIGHT)
    x += d->width - indent - width;
  else if (d->align == FITA_TEXT_CENTER)
    x += (d->width - indent - width) / 2;
  g_array_set_size (d->text->glyphs, 0);
  g_array_set_size (d->text->clusters, 0);
  while (p < end)
    {
      const char *from = p;
      const Glyph *g = next_glyph (f, &p);
      cairo_glyph_t glyph;
      cairo_text_cluster_t cluster = { (int) (p - from), 1 };

      x += kern (f, previous, g);
      glyph = (cairo_glyph_t) { g->glyph, x, d->y + f->ascent };
      g_array_append_val (d->text->glyphs, glyph);
      g_array_append_val (d->text->clusters, cluster);
      x += g->advance;
      previous = g;
    }
  if (d->elided_end != NULL)
    {
      /* one cluster: the ellipsis is read as the text it stands for */
      const Glyph *g = glyph_of (f, ELLIPSIS);
      cairo_glyph_t glyph = { g->glyph, x + kern (f, previous, g), d->y + f->ascent };
      cairo_text_cluster_t cluster = { (int) (d->elided_end - end), 1 };

      g_array_append_val (d->text->glyphs, glyph);
      g_array_append_val (d->text->clusters, cluster);
      end = d->elided_end;
    }
  if (d->text->glyphs->len > 0)
    fita_canvas_show_glyphs (d->canvas, f->font, start, (int) (end - start),
                             (cairo_glyph_t *) (gpointer) d->text->glyphs->data, (int) d->text->glyphs->len,
                             (cairo_text_cluster_t *) (gpointer) d->text->clusters->data,
                             (int) d->text->clusters->len);
  d->y += f->height;
}

gboolean
fita_text_draw (FitaText *text, FitaCanvas *canvas, const PangoFontDescription *font, const char *s, double x,
                double y, double width, FitaTextAlign align, gboolean break_words)
{
  Font *f = font_of (text, font);
  Draw d = { text, canvas, x, y, width, align, NULL };
  double natural;

  if (!covered (f, s, NULL, &natural))
    return FALSE;
  if (natural >= 0 && (width <= 0 || natural <= width))
    {
      /* most cells: one line that fits */
      if (width <= 0)
        d.width = natural;
      draw_line (f, s, s + strlen (s), natural, 0, &d);
      return TRUE;
    }
  if (width <= 0 && align != FITA_TEXT_LEFT)
    {
      /* aligned in the widest line, as Pango aligns a layout of no width */
      Measure m = { 0, 0 };

      break_lines (f, s, width, FALSE, measure_line, &m);
      d.width = m.widest;
    }
  break_lines (f, s, width, break_words, draw_line, &d);
  return TRUE;
}

void
fita_text_draw_line (FitaText *text, FitaCanvas *canvas, const PangoFontDescription *font, const char *s, double x,
                     double y, double width, FitaTextAlign align, double natural)
{
  Font *f = font_of (text, font);
  Draw d = { text, canvas, x, y, width > 0 ? width : natural, align, NULL };

  draw_line (f, s, s + strlen (s), natural, 0, &d);
}

gboolean
fita_text_fit (FitaText *text, const PangoFontDescription *font, const char *s, double width, FitaTextFit *fit)
{
  Font *f = font_of (text, font);
  const Glyph *ellipsis, *previous = NULL;
  const char *p = s, *kept = s;
  double natural, at = 0, kept_width = 0;

  if (!covered (f, s, NULL, &natural) || natural < 0)
    return FALSE;
  if (width <= 0 || natural <= width)
    {
      *fit = (FitaTextFit) { strlen (s), FALSE, natural };
      return TRUE;
    }
  ellipsis = glyph_of (f, ELLIPSIS);
  if (ellipsis->state != FOUND)
    return FALSE;
  /* the most whole characters that fit with the ellipsis, no space last */
  while (*p != '\0')
    {
      const Glyph *g = next_glyph (f, &p);

      at += kern (f, previous, g) + g->advance;
      previous = g;
      if (at + kern (f, g, ellipsis) + ellipsis->advance > width)
        break;
      if (g->c != ' ')
        {
          kept = p;
          kept_width = at + kern (f, g, ellipsis);
        }
    }
  *fit = (FitaTextFit) { kept - s, TRUE, kept_width + ellipsis->advance };
  return TRUE;
}

void
fita_text_show_fit (FitaText *text, FitaCanvas *canvas, const PangoFontDescription *font, const char *s,
                    const FitaTextFit *fit, double x, double y)
{
  Font *f = font_of (text, font);
  Draw d = { text, canvas, x, y, fit->width, FITA_TEXT_LEFT, fit->ellipsis ? s + strlen (s) : NULL };

  draw_line (f, s, s + fit->length, fit->width, 0, &d);
}
