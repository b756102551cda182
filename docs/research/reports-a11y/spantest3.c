/* Option H: keep cluster text (pango_cairo_show_glyph_item) but drop the trailing empty-glyph
   whitespace cluster at each line end, and turn ligatures off -> no nested /Span in the MCID. */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <hb.h>
#define TXT "Un paràgraf prou llarg perquè pango el parteixi en diverses línies: planificació final."
int main (void)
{
  cairo_surface_t *s = cairo_pdf_surface_create ("/tmp/r17/span3.pdf", 595, 842);
  cairo_t *cr = cairo_create (s);
  PangoLayout *l = pango_cairo_create_layout (cr);
  pango_layout_set_width (l, 200 * PANGO_SCALE);
  pango_layout_set_text (l, TXT, -1);
  PangoAttrList *a = pango_attr_list_new ();
  pango_attr_list_insert (a, pango_attr_font_features_new ("liga 0, clig 0"));
  pango_layout_set_attributes (l, a); pango_attr_list_unref (a);
  const char *text = pango_layout_get_text (l);
  cairo_tag_begin (cr, "Document", NULL);
  cairo_tag_begin (cr, "P", NULL);
  PangoLayoutIter *it = pango_layout_get_iter (l);
  do {
    PangoGlyphItem *run = pango_layout_iter_get_run_readonly (it);
    if (!run) continue;
    PangoRectangle r; pango_layout_iter_get_run_extents (it, NULL, &r);
    int base = pango_layout_iter_get_baseline (it);
    PangoGlyphItem *copy = pango_glyph_item_copy (run);
    PangoGlyphString *g = copy->glyphs;
    /* drop trailing glyphs that draw nothing (the line-end space) and their text */
    /* give the empty line-end space cluster the font's real space glyph (zero width):
       one char <-> one glyph, so cairo needs no /ActualText span and the space stays in the text */
    for (int i = 0; i < g->num_glyphs; i++)
      if (g->glyphs[i].glyph == PANGO_GLYPH_EMPTY
          && text[copy->item->offset + g->log_clusters[i]] == ' ') {
        hb_codepoint_t space;
        if (hb_font_get_nominal_glyph (pango_font_get_hb_font (copy->item->analysis.font), ' ', &space))
          g->glyphs[i].glyph = space, g->glyphs[i].geometry.width = 0;
      }
    if (g->num_glyphs > 0) {
      cairo_move_to (cr, 56 + r.x / (double) PANGO_SCALE, 40 + base / (double) PANGO_SCALE);
      pango_cairo_show_glyph_item (cr, text, copy);
    }
    pango_glyph_item_free (copy);
  } while (pango_layout_iter_next_run (it));
  pango_layout_iter_free (it);
  cairo_tag_end (cr, "P");
  cairo_tag_end (cr, "Document");
  g_object_unref (l); cairo_destroy (cr); cairo_surface_destroy (s);
  return 0;
}
