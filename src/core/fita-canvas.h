/* fita-canvas.h: what Fita draws on: a cairo context (the screen, PNG,
 * SVG, cairo's PDF) or a page of Fita's own PDF writer (fita-pdf.h), with
 * the same calls. The drawing routines that make long documents (the
 * timeline's pages, the reports' text) draw on a canvas, so that each can
 * be written by either. */
#pragma once

#include "fita-pdf.h"

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _FitaCanvas FitaCanvas;

/* Neither takes cr or pdf from its owner. */
FitaCanvas *fita_canvas_new_for_cairo (cairo_t  *cr);
FitaCanvas *fita_canvas_new_for_pdf   (FitaPdf  *pdf);
void        fita_canvas_free          (FitaCanvas *canvas);

/* The cairo context drawn on, or, for a PDF, the one to measure text with
 * (see fita_pdf_get_context()). */
cairo_t    *fita_canvas_get_context   (FitaCanvas *canvas);

void        fita_canvas_save          (FitaCanvas *canvas);
void        fita_canvas_restore       (FitaCanvas *canvas);
void        fita_canvas_translate     (FitaCanvas *canvas, double x, double y);
void        fita_canvas_scale         (FitaCanvas *canvas, double sx, double sy);
void        fita_canvas_set_source_rgba (FitaCanvas *canvas, double red, double green, double blue,
                                       double alpha);
void        fita_canvas_set_line_width (FitaCanvas *canvas, double width);
void        fita_canvas_set_dash      (FitaCanvas *canvas, const double *dashes, int n_dashes, double offset);
void        fita_canvas_move_to       (FitaCanvas *canvas, double x, double y);
void        fita_canvas_line_to       (FitaCanvas *canvas, double x, double y);
void        fita_canvas_rel_line_to   (FitaCanvas *canvas, double dx, double dy);
void        fita_canvas_arc           (FitaCanvas *canvas, double xc, double yc, double radius,
                                       double angle1, double angle2);
void        fita_canvas_rectangle     (FitaCanvas *canvas, double x, double y, double width, double height);
void        fita_canvas_close_path    (FitaCanvas *canvas);
void        fita_canvas_new_sub_path  (FitaCanvas *canvas);
gboolean    fita_canvas_has_current_point (FitaCanvas *canvas);
void        fita_canvas_fill          (FitaCanvas *canvas);
void        fita_canvas_stroke        (FitaCanvas *canvas);
void        fita_canvas_clip          (FitaCanvas *canvas);
void        fita_canvas_paint         (FitaCanvas *canvas);
/* glyphs of font, as cairo_show_text_glyphs draws them */
void        fita_canvas_show_glyphs   (FitaCanvas *canvas, PangoFont *font, const char *utf8, int utf8_length,
                                       const cairo_glyph_t *glyphs, int n_glyphs,
                                       const cairo_text_cluster_t *clusters, int n_clusters);
/* layout, its top left at x, y (on Fita's writer run by run: no underlines nor backgrounds) */
void        fita_canvas_show_layout   (FitaCanvas *canvas, PangoLayout *layout, double x, double y);
/* a run of a layout, its baseline's origin at x, y */
void        fita_canvas_show_glyph_item (FitaCanvas *canvas, const char *text, PangoGlyphItem *glyph_item,
                                       double x, double y);

/* Structure, for a tagged PDF (see fita-pdf.h). On cairo: its tags, and
 * an artifact in the tag "Private", which fita-report-tagged.c makes an
 * artifact after; alt and scope are left to it. */
void        fita_canvas_tag_begin     (FitaCanvas *canvas, const char *role, const char *alt, const char *scope);
void        fita_canvas_tag_end       (FitaCanvas *canvas, const char *role);
void        fita_canvas_artifact_begin (FitaCanvas *canvas);
void        fita_canvas_artifact_end  (FitaCanvas *canvas);
/* A Link element to uri: what is drawn between is its text; the end says
 * where it is. */
void        fita_canvas_link_begin    (FitaCanvas *canvas, const char *uri);
void        fita_canvas_link_end      (FitaCanvas *canvas, const char *uri, double x, double y, double width,
                                       double height);
/* An outline entry to x, y under parent (0: at the top); its id */
int         fita_canvas_add_outline   (FitaCanvas *canvas, int parent, const char *title, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaCanvas, fita_canvas_free)

G_END_DECLS
