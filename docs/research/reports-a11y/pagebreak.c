/* a paragraph that crosses a page break while the running header/footer is drawn:
   A: footer/header drawn while the leaf P is open (untagged furniture lands inside P's marked content)
   B: furniture inside a "Private" child of the open P -> P becomes a non-leaf: its own text is unmarked
   C: P > Span (page 1 part), Private, Span (page 2 part) */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>
static void text (cairo_t *cr, double y, const char *s)
{ PangoLayout *l = pango_cairo_create_layout (cr); pango_layout_set_text (l, s, -1);
  cairo_move_to (cr, 56, y); pango_cairo_show_layout (cr, l); g_object_unref (l); }
int main (int argc, char **argv)
{
  const char *m = argv[1]; char out[64]; snprintf (out, sizeof out, "/tmp/r17/pb-%s.pdf", m);
  cairo_surface_t *s = cairo_pdf_surface_create (out, 595, 842);
  cairo_t *cr = cairo_create (s);
  int furniture_tag = strcmp (m, "A") != 0, spans = !strcmp (m, "C");
  cairo_tag_begin (cr, "Document", NULL);
  cairo_tag_begin (cr, "P", NULL);
  if (spans) cairo_tag_begin (cr, "Span", NULL);
  text (cr, 780, "opening half of the paragraph,");
  if (spans) cairo_tag_end (cr, "Span");
  if (furniture_tag) cairo_tag_begin (cr, "Private", NULL);
  text (cr, 820, "Page 1 of 2");
  cairo_show_page (cr);
  text (cr, 20, "Running header");
  if (furniture_tag) cairo_tag_end (cr, "Private");
  if (spans) cairo_tag_begin (cr, "Span", NULL);
  text (cr, 60, "second half of the paragraph.");
  if (spans) cairo_tag_end (cr, "Span");
  cairo_tag_end (cr, "P");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr); cairo_surface_finish (s);
  printf ("%s: %s\n", m, cairo_status_to_string (cairo_surface_status (s)));
  cairo_surface_destroy (s); return 0;
}
