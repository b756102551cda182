/* cairo 1.16 tagged-PDF experiment. cc tagtest.c $(pkg-config --cflags --libs cairo pangocairo) */
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

static void text (cairo_t *cr, double x, double y, const char *s, int size)
{
  PangoLayout *l = pango_cairo_create_layout (cr);
  char font[32]; snprintf (font, sizeof font, "Sans %d", size);
  PangoFontDescription *fd = pango_font_description_from_string (font);
  pango_layout_set_font_description (l, fd);
  pango_layout_set_text (l, s, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, l);
  pango_font_description_free (fd);
  g_object_unref (l);
}

static void report (cairo_t *cr, const char *what)
{
  printf ("%-50s -> %s\n", what, cairo_status_to_string (cairo_status (cr)));
}

int main (int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "full";
  char out[256]; snprintf (out, sizeof out, "/tmp/r17/tag-%s.pdf", mode);
  cairo_surface_t *s = cairo_pdf_surface_create (out, 595, 842);
  cairo_pdf_surface_restrict_to_version (s, CAIRO_PDF_VERSION_1_5);   /* as Fita does */
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_TITLE, "Informe anual 2026");
  cairo_t *cr = cairo_create (s);

  if (!strcmp (mode, "artifact")) {           /* arbitrary / non-standard names */
    cairo_tag_begin (cr, "Document", NULL);
    cairo_tag_begin (cr, "Artifact", NULL); report (cr, "cairo_tag_begin(\"Artifact\")");
    text (cr, 56, 20, "header", 8);
    cairo_tag_end (cr, "Artifact"); cairo_tag_end (cr, "Document");
    cairo_show_page (cr); report (cr, "after show_page");
    cairo_destroy (cr); cairo_surface_finish (s);
    printf ("surface status after finish: %s\n", cairo_status_to_string (cairo_surface_status (s)));
    return 0;
  }
  if (!strcmp (mode, "custom")) {
    cairo_tag_begin (cr, "Document", NULL);
    cairo_tag_begin (cr, "Chart", NULL); report (cr, "cairo_tag_begin(\"Chart\")"); text (cr, 56, 60, "chart text", 10);
    cairo_tag_end (cr, "Chart"); cairo_tag_end (cr, "Document");
    cairo_show_page (cr); report (cr, "after show_page");
    cairo_destroy (cr); cairo_surface_finish (s);
    printf ("surface status after finish: %s\n", cairo_status_to_string (cairo_surface_status (s)));
    return 0;
  }
  if (!strcmp (mode, "badattr")) {            /* attribute syntax errors on a structure tag? */
    cairo_tag_begin (cr, "Document", NULL);
    cairo_tag_begin (cr, "Figure", "this is not ' valid"); report (cr, "Figure with malformed attributes");
    cairo_tag_end (cr, "Figure");
    cairo_tag_end (cr, "Document");
    cairo_destroy (cr); cairo_surface_finish (s);
    printf ("surface status after finish: %s\n", cairo_status_to_string (cairo_surface_status (s)));
    return 0;
  }
  int nodoc = !strcmp (mode, "nodoc");

  /* running header drawn BEFORE/OUTSIDE any tag */
  text (cr, 56, 20, "Pla estrategic de Exemple · Ajuntament (running header)", 8);

  if (!nodoc) { cairo_tag_begin (cr, "Document", NULL); report (cr, "Document"); }
  cairo_tag_begin (cr, "H1", NULL); text (cr, 56, 60, "Informe anual 2026", 20); cairo_tag_end (cr, "H1");
  cairo_tag_begin (cr, "H2", NULL); text (cr, 56, 100, "Resum", 14); cairo_tag_end (cr, "H2");
  cairo_tag_begin (cr, "P", "Lang='ca' ActualText='x'"); report (cr, "P with Lang= ActualText= attributes");
  text (cr, 56, 125, "Aquest informe resumeix l'execucio del pla.", 10); cairo_tag_end (cr, "P");

  cairo_tag_begin (cr, "Table", "Summary='Execucio'");
  /* content drawn directly inside Table (a non-leaf node) */
  cairo_rectangle (cr, 56, 150, 400, 1); cairo_fill (cr);
  text (cr, 56, 152, "text drawn inside Table but not in a cell", 8);
  const char *rows[3][3] = {{"Accio","Previst","Executat"},{"A1","120.000,00 €","12.223,69 €"},{"A2","5.000,00 €","5.000,00 €"}};
  for (int r = 0; r < 3; r++) {
    cairo_tag_begin (cr, "TR", NULL);
    for (int c = 0; c < 3; c++) {
      const char *cell = r == 0 ? "TH" : "TD";
      cairo_tag_begin (cr, cell, r == 0 ? "Scope='Column'" : NULL);
      text (cr, 56 + c * 130, 170 + r * 18, rows[r][c], 10);
      cairo_tag_end (cr, cell);
    }
    cairo_tag_end (cr, "TR");
  }
  cairo_tag_end (cr, "Table");
  report (cr, "Table/TR/TH(Scope=)/TD");

  cairo_tag_begin (cr, "Figure", "alt='Executat 12.223,69 € de 120.000,00 € previstos, 10,19 %' Alt='same' bbox=[56 240 300 100]");
  report (cr, "Figure with alt=/Alt=/bbox= attributes");
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_rectangle (cr, 56, 240, 30, 100); cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_tag_end (cr, "Figure");

  cairo_tag_begin (cr, "Figure", NULL);      /* figure with a visible caption inside */
  cairo_rectangle (cr, 300, 240, 30, 60); cairo_fill (cr);
  cairo_tag_begin (cr, "Caption", NULL);
  text (cr, 300, 305, "Grafic: executat 10,19 %", 8);
  cairo_tag_end (cr, "Caption");
  cairo_tag_end (cr, "Figure");

  cairo_tag_begin (cr, CAIRO_TAG_LINK, "uri='https://example.org/pla'");
  text (cr, 56, 360, "https://example.org/pla", 10);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  report (cr, "Link uri=");

  if (!nodoc) cairo_tag_end (cr, "Document");
  /* running footer after the Document closed */
  text (cr, 56, 820, "Pagina 1 de 1 (running footer)", 8);
  report (cr, "end");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (s);
  printf ("surface status after finish: %s\n", cairo_status_to_string (cairo_surface_status (s)));
  cairo_surface_destroy (s);
  return 0;
}
