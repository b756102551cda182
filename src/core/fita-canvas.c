/* fita-canvas.c: one set of drawing calls for cairo and fita-pdf */
#include "config.h"
#include "fita-canvas.h"

#include <cairo-pdf.h>
#include <hb.h>
#include <pango/pangocairo.h>

struct _FitaCanvas {
  cairo_t *cr;     /* one or the other */
  FitaPdf *pdf;
  int n_dests;     /* cairo's named destinations so far */
};

FitaCanvas *
fita_canvas_new_for_cairo (cairo_t *cr)
{
  FitaCanvas *canvas = g_new0 (FitaCanvas, 1);

  canvas->cr = cr;
  return canvas;
}

FitaCanvas *
fita_canvas_new_for_pdf (FitaPdf *pdf)
{
  FitaCanvas *canvas = g_new0 (FitaCanvas, 1);

  canvas->pdf = pdf;
  return canvas;
}

void
fita_canvas_free (FitaCanvas *canvas)
{
  g_free (canvas);
}

cairo_t *
fita_canvas_get_context (FitaCanvas *canvas)
{
  return canvas->cr ? canvas->cr : fita_pdf_get_context (canvas->pdf);
}

/* each call: cairo's, or the writer's of the same name */
#define DISPATCH(name, ...) \
  G_STMT_START { \
    if (canvas->cr) \
      cairo_##name (canvas->cr, ##__VA_ARGS__); \
    else \
      fita_pdf_##name (canvas->pdf, ##__VA_ARGS__); \
  } G_STMT_END

void fita_canvas_save (FitaCanvas *canvas) { DISPATCH (save); }
void fita_canvas_restore (FitaCanvas *canvas) { DISPATCH (restore); }
void fita_canvas_translate (FitaCanvas *canvas, double x, double y) { DISPATCH (translate, x, y); }
void fita_canvas_scale (FitaCanvas *canvas, double sx, double sy) { DISPATCH (scale, sx, sy); }
void fita_canvas_set_line_width (FitaCanvas *canvas, double width) { DISPATCH (set_line_width, width); }
void fita_canvas_move_to (FitaCanvas *canvas, double x, double y) { DISPATCH (move_to, x, y); }
void fita_canvas_line_to (FitaCanvas *canvas, double x, double y) { DISPATCH (line_to, x, y); }
void fita_canvas_rel_line_to (FitaCanvas *canvas, double dx, double dy) { DISPATCH (rel_line_to, dx, dy); }
void fita_canvas_close_path (FitaCanvas *canvas) { DISPATCH (close_path); }
void fita_canvas_new_sub_path (FitaCanvas *canvas) { DISPATCH (new_sub_path); }
void fita_canvas_fill (FitaCanvas *canvas) { DISPATCH (fill); }
void fita_canvas_stroke (FitaCanvas *canvas) { DISPATCH (stroke); }
void fita_canvas_clip (FitaCanvas *canvas) { DISPATCH (clip); }
void fita_canvas_paint (FitaCanvas *canvas) { DISPATCH (paint); }

void
fita_canvas_set_source_rgba (FitaCanvas *canvas, double red, double green, double blue, double alpha)
{
  DISPATCH (set_source_rgba, red, green, blue, alpha);
}

void
fita_canvas_arc (FitaCanvas *canvas, double xc, double yc, double radius, double angle1, double angle2)
{
  DISPATCH (arc, xc, yc, radius, angle1, angle2);
}

void
fita_canvas_rectangle (FitaCanvas *canvas, double x, double y, double width, double height)
{
  DISPATCH (rectangle, x, y, width, height);
}

gboolean
fita_canvas_has_current_point (FitaCanvas *canvas)
{
  return canvas->cr ? cairo_has_current_point (canvas->cr) : fita_pdf_has_current_point (canvas->pdf);
}

void
fita_canvas_show_glyphs (FitaCanvas *canvas, PangoFont *font, const char *utf8, int utf8_length,
                         const cairo_glyph_t *glyphs, int n_glyphs, const cairo_text_cluster_t *clusters,
                         int n_clusters)
{
  if (canvas->pdf)
    {
      fita_pdf_show_glyphs (canvas->pdf, font, utf8, utf8_length, glyphs, n_glyphs, clusters, n_clusters);
      return;
    }
  cairo_set_scaled_font (canvas->cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
  cairo_show_text_glyphs (canvas->cr, utf8, utf8_length, glyphs, n_glyphs, clusters, n_clusters, 0);
}

void
fita_canvas_show_layout (FitaCanvas *canvas, PangoLayout *layout, double x, double y)
{
  PangoLayoutIter *iter;
  const char *text;

  if (canvas->cr)
    {
      cairo_move_to (canvas->cr, x, y);
      pango_cairo_show_layout (canvas->cr, layout);
      return;
    }
  /* on Fita's writer: run by run, each as fita_canvas_show_glyph_item draws it */
  iter = pango_layout_get_iter (layout);
  text = pango_layout_get_text (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      fita_canvas_show_glyph_item (canvas, text, run, x + logical.x / (double) PANGO_SCALE,
                                   y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

void
fita_canvas_set_dash (FitaCanvas *canvas, const double *dashes, int n_dashes, double offset)
{
  DISPATCH (set_dash, dashes, n_dashes, offset);
}

/* A run as it is drawn: a line end's empty glyph for a space becomes the
 * font's space glyph, with no width, so that the space is extracted; else
 * cairo marks the cluster with a nested /ActualText span, and poppler
 * 22.12 ends a tagged element's text at the span's end (and Fita's writer
 * would leave the space out). */
void
fita_canvas_show_glyph_item (FitaCanvas *canvas, const char *text, PangoGlyphItem *glyph_item, double x, double y)
{
  PangoGlyphItem *copy = pango_glyph_item_copy (glyph_item);
  PangoGlyphString *glyphs = copy->glyphs;

  for (int i = 0; i < glyphs->num_glyphs; i++)
    if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY
        && g_ascii_isspace (text[copy->item->offset + glyphs->log_clusters[i]]))
      {
        hb_codepoint_t space;

        if (hb_font_get_nominal_glyph (pango_font_get_hb_font (copy->item->analysis.font), ' ', &space))
          {
            glyphs->glyphs[i].glyph = space;
            glyphs->glyphs[i].geometry.width = 0;
          }
      }
  if (canvas->pdf)
    fita_pdf_show_glyph_item (canvas->pdf, text, copy, x, y);
  else
    {
      cairo_move_to (canvas->cr, x, y);
      pango_cairo_show_glyph_item (canvas->cr, text, copy);
    }
  pango_glyph_item_free (copy);
}

void
fita_canvas_tag_begin (FitaCanvas *canvas, const char *role, const char *alt, const char *scope)
{
  if (canvas->pdf)
    fita_pdf_tag_begin (canvas->pdf, role, alt, scope);
  else
    cairo_tag_begin (canvas->cr, role, NULL);
}

void
fita_canvas_tag_end (FitaCanvas *canvas, const char *role)
{
  if (canvas->pdf)
    fita_pdf_tag_end (canvas->pdf);
  else
    cairo_tag_end (canvas->cr, role);
}

void
fita_canvas_artifact_begin (FitaCanvas *canvas)
{
  if (canvas->pdf)
    fita_pdf_artifact_begin (canvas->pdf);
  else
    cairo_tag_begin (canvas->cr, "Private", NULL);
}

void
fita_canvas_artifact_end (FitaCanvas *canvas)
{
  if (canvas->pdf)
    fita_pdf_artifact_end (canvas->pdf);
  else
    cairo_tag_end (canvas->cr, "Private");
}

void
fita_canvas_link_begin (FitaCanvas *canvas, const char *uri)
{
  GString *quoted;

  if (canvas->pdf)
    {
      fita_pdf_tag_begin (canvas->pdf, "Link", NULL, NULL);
      return;
    }
  /* cairo's attribute syntax: quote ' and \ in the URI */
  quoted = g_string_new ("uri='");
  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');
  cairo_tag_begin (canvas->cr, CAIRO_TAG_LINK, quoted->str);
  g_string_free (quoted, TRUE);
}

void
fita_canvas_link_end (FitaCanvas *canvas, const char *uri, double x, double y, double width, double height)
{
  if (canvas->pdf)
    {
      fita_pdf_link (canvas->pdf, uri, x, y, width, height);
      fita_pdf_tag_end (canvas->pdf);
      return;
    }
  cairo_tag_end (canvas->cr, CAIRO_TAG_LINK);
}

int
fita_canvas_add_outline (FitaCanvas *canvas, int parent, const char *title, double x, double y)
{
  g_autofree char *dest = NULL, *link = NULL;

  if (canvas->pdf)
    return fita_pdf_add_outline (canvas->pdf, parent, title, y);
  /* a named destination where the entry goes */
  canvas->n_dests++;
  dest = g_strdup_printf ("name='d%d' x=%g y=%g", canvas->n_dests, x, y);
  link = g_strdup_printf ("dest='d%d'", canvas->n_dests);
  cairo_tag_begin (canvas->cr, CAIRO_TAG_DEST, dest);
  cairo_tag_end (canvas->cr, CAIRO_TAG_DEST);
  return cairo_pdf_surface_add_outline (cairo_get_target (canvas->cr), parent, title, link, 0);
}
