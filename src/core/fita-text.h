/* fita-text.h: lines of plain text laid out and drawn without Pango's
 * shaping, for the long reports.
 *
 * A report of a big plan is tens of thousands of table cells: titles,
 * codes, amounts. Laying each out with a PangoLayout (itemising, shaping
 * with HarfBuzz, breaking lines by Unicode's rules) was most of the time a
 * report took. Text that needs none of that (characters of the simple
 * scripts, each with its own glyph in the font, no tabs, no marks to
 * combine) is laid out here instead: each character's glyph and advance
 * are looked up once per font, lines break at spaces, and a line is drawn
 * as one run of glyphs on a FitaCanvas (fita_canvas_show_glyphs), whose
 * clusters keep the text extractable. Any other text gets FALSE, and the caller uses Pango.
 *
 * Lines break where fita-report-layout.c measures words: at spaces, except
 * before closing punctuation. Glyphs are placed at their advances, with no
 * kerning and no ligatures (reports draw none, see show_run).
 */
#pragma once

#include "fita-canvas.h"

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _FitaText FitaText;

typedef enum {
  FITA_TEXT_LEFT,
  FITA_TEXT_RIGHT,
  FITA_TEXT_CENTER,
} FitaTextAlign;

/* For the fonts of context (a PangoCairo context); not thread-safe: one
 * per document. */
FitaText   *fita_text_new         (PangoContext               *context);
void        fita_text_free        (FitaText                   *text);

/* The width of s (length bytes, or -1) on one line, in points; FALSE when
 * s is not for this engine. */
gboolean    fita_text_width       (FitaText                   *text,
                                   const PangoFontDescription *font,
                                   const char                 *s,
                                   gssize                      length,
                                   double                     *width);
/* The lines s takes at width (≤ 0: only its own line breaks): their
 * number, the widest and the height they take, as a PangoLayout of the
 * same font would (n lines of the font's height). break_words: a word
 * wider than width is broken between characters; else it overflows. */
gboolean    fita_text_measure     (FitaText                   *text,
                                   const PangoFontDescription *font,
                                   const char                 *s,
                                   double                      width,
                                   gboolean                    break_words,
                                   guint                      *n_lines,
                                   double                     *widest,
                                   double                     *height);
/* Draws s as fita_text_measure lays it out, its first line's top at x, y,
 * each line aligned in width, in the current source of cr. */
gboolean    fita_text_draw        (FitaText                   *text,
                                   FitaCanvas                 *canvas,
                                   const PangoFontDescription *font,
                                   const char                 *s,
                                   double                      x,
                                   double                      y,
                                   double                      width,
                                   FitaTextAlign               align,
                                   gboolean                    break_words);
/* Draws s, which fita_text_measure measured as one line of natural
 * width (widest) and which has no line break, as fita_text_draw would,
 * without measuring it again. */
void        fita_text_draw_line   (FitaText                   *text,
                                   FitaCanvas                 *canvas,
                                   const PangoFontDescription *font,
                                   const char                 *s,
                                   double                      x,
                                   double                      y,
                                   double                      width,
                                   FitaTextAlign               align,
                                   double                      natural);
/* A line shortened to width (≤ 0: any) with an ellipsis, as
 * PANGO_ELLIPSIZE_END does: the bytes of s kept before it (all of s, and
 * no ellipsis, when it fits) and the width drawn. */
typedef struct {
  gsize length;
  gboolean ellipsis;
  double width;
} FitaTextFit;

gboolean    fita_text_fit         (FitaText                   *text,
                                   const PangoFontDescription *font,
                                   const char                 *s,
                                   double                      width,
                                   FitaTextFit                *fit);
/* Draws s as fit says, its top left at x, y; the ellipsis is extracted as
 * the whole text it stands for. */
void        fita_text_show_fit    (FitaText                   *text,
                                   FitaCanvas                 *canvas,
                                   const PangoFontDescription *font,
                                   const char                 *s,
                                   const FitaTextFit          *fit,
                                   double                      x,
                                   double                      y);
/* Whether a line may not break before c even after a space (Unicode line
 * breaking, rule LB13: closing brackets and punctuation, "!", "?", "/"):
 * where lines break here, and where fita-report-layout.c measures words. */
gboolean    fita_text_glued_to_previous (char                  c);
/* One line's height of font, as Pango lays it out. */
double      fita_text_line_height (FitaText                   *text,
                                   const PangoFontDescription *font);

G_END_DECLS
