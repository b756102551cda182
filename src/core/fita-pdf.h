/* fita-pdf.h: Fita's own PDF writer, for documents of thousands of pages.
 *
 * cairo's PDF surface records each page, replays it twice (to analyse it,
 * then to write it) and prints each number with snprintf: at 20 000 items
 * that was most of the time a paged timeline took. This writer puts each
 * operation straight into the page's content stream, compresses the page
 * when it ends and writes it to the output, and at the end writes the
 * fonts it used as subsets (HarfBuzz's subsetter, glyph ids kept, so the
 * content streams can show the font's own glyph ids) with a ToUnicode map,
 * so that the text extracts as it was given.
 *
 * Its drawing calls are cairo's, with cairo's meanings (y grows down from
 * the page's top left, a path is consumed by fill, stroke and clip, the
 * source colour's alpha applies to both), so that one drawing routine can
 * target either through FitaCanvas (fita-canvas.h).
 *
 * It embeds TrueType outlines only: text in a font it cannot embed as it is
 * (CFF outlines, a variable font at a named instance, a synthetic bold or
 * slant) makes it refuse the document (FITA_PDF_UNSUPPORTED); the caller
 * then draws it again with cairo, which can.
 */
#pragma once

#include "fita-output.h"

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _FitaPdf FitaPdf;

/* Writes into output (which it does not commit nor free). */
FitaPdf  *fita_pdf_new              (FitaOutput          *output);
/* Frees the writer; the output is left to its owner. */
void      fita_pdf_free             (FitaPdf             *pdf);
void      fita_pdf_set_title        (FitaPdf             *pdf,
                                     const char          *title);
void      fita_pdf_set_language     (FitaPdf             *pdf,
                                     const char          *language);

void      fita_pdf_begin_page       (FitaPdf             *pdf,
                                     double               width,
                                     double               height);
void      fita_pdf_end_page         (FitaPdf             *pdf);

/* A cairo context to measure and lay text out with, whose matrix follows
 * the page's (translate, scale, save, restore) and whose font options are
 * those of cairo's own PDF surface; drawing on it draws nothing. */
cairo_t  *fita_pdf_get_context      (FitaPdf             *pdf);

/* Graphics, as cairo's functions of the same names */
void      fita_pdf_save             (FitaPdf             *pdf);
void      fita_pdf_restore          (FitaPdf             *pdf);
void      fita_pdf_translate        (FitaPdf             *pdf,
                                     double               x,
                                     double               y);
void      fita_pdf_scale            (FitaPdf             *pdf,
                                     double               sx,
                                     double               sy);
void      fita_pdf_set_source_rgba  (FitaPdf             *pdf,
                                     double               red,
                                     double               green,
                                     double               blue,
                                     double               alpha);
void      fita_pdf_set_line_width   (FitaPdf             *pdf,
                                     double               width);
void      fita_pdf_set_dash         (FitaPdf             *pdf,
                                     const double        *dashes,
                                     int                  n_dashes,
                                     double               offset);
void      fita_pdf_move_to          (FitaPdf             *pdf,
                                     double               x,
                                     double               y);
void      fita_pdf_line_to          (FitaPdf             *pdf,
                                     double               x,
                                     double               y);
void      fita_pdf_rel_line_to      (FitaPdf             *pdf,
                                     double               dx,
                                     double               dy);
void      fita_pdf_curve_to         (FitaPdf             *pdf,
                                     double               x1,
                                     double               y1,
                                     double               x2,
                                     double               y2,
                                     double               x3,
                                     double               y3);
void      fita_pdf_arc              (FitaPdf             *pdf,
                                     double               xc,
                                     double               yc,
                                     double               radius,
                                     double               angle1,
                                     double               angle2);
void      fita_pdf_rectangle        (FitaPdf             *pdf,
                                     double               x,
                                     double               y,
                                     double               width,
                                     double               height);
void      fita_pdf_close_path       (FitaPdf             *pdf);
void      fita_pdf_new_sub_path     (FitaPdf             *pdf);
gboolean  fita_pdf_has_current_point (FitaPdf            *pdf);
void      fita_pdf_fill             (FitaPdf             *pdf);
void      fita_pdf_stroke           (FitaPdf             *pdf);
void      fita_pdf_clip             (FitaPdf             *pdf);
/* Fills the page (or the clip) with the source */
void      fita_pdf_paint            (FitaPdf             *pdf);

/* Text: glyphs of font at their positions (the baseline's origin of each),
 * with the UTF-8 text they show and the clusters that tie them to it, as
 * cairo_show_text_glyphs takes them (clusters in the glyphs' order, never
 * backwards). */
void      fita_pdf_show_glyphs      (FitaPdf             *pdf,
                                     PangoFont           *font,
                                     const char          *utf8,
                                     int                  utf8_length,
                                     const cairo_glyph_t *glyphs,
                                     int                  n_glyphs,
                                     const cairo_text_cluster_t *clusters,
                                     int                  n_clusters);

/* A run of a layout, its baseline's origin at x, y, as
 * pango_cairo_show_glyph_item draws it. */
void      fita_pdf_show_glyph_item  (FitaPdf             *pdf,
                                     const char          *text,
                                     PangoGlyphItem      *glyph_item,
                                     double               x,
                                     double               y);

/* Structure: a tagged PDF, once a tag is begun. What is drawn in an
 * element is its content (marked content with an MCID, in the parent
 * tree); what is drawn in none, or between artifact_begin and _end (a
 * running header, a rule), is an artifact. role is a standard structure
 * type (Document, H1, P, Table, TR, TH, TD, Figure, Link…); alt a Figure's
 * alternative text, scope a TH's ("Column" or "Row"), or NULL. */
void      fita_pdf_tag_begin        (FitaPdf             *pdf,
                                     const char          *role,
                                     const char          *alt,
                                     const char          *scope);
void      fita_pdf_tag_end          (FitaPdf             *pdf);
void      fita_pdf_artifact_begin   (FitaPdf             *pdf);
void      fita_pdf_artifact_end     (FitaPdf             *pdf);
/* A link to uri over the rectangle (in user space) on the page, and, in
 * the element being laid out (a Link), its annotation. */
void      fita_pdf_link             (FitaPdf             *pdf,
                                     const char          *uri,
                                     double               x,
                                     double               y,
                                     double               width,
                                     double               height);
/* An entry of the document's outline (bookmarks) to the page at y (user
 * space), under the entry parent (0: at the top); its number, for the
 * entries under it. */
int       fita_pdf_add_outline      (FitaPdf             *pdf,
                                     int                  parent,
                                     const char          *title,
                                     double               y);
/* The document information's author, creator, and date of creation
 * (YYYY-MM-DDTHH:MM:SS). */
void      fita_pdf_set_metadata     (FitaPdf             *pdf,
                                     const char          *author,
                                     const char          *creator,
                                     const char          *created);

/* A PDF text string (UTF-16BE with its byte order mark, in hex) of utf8
 * (length bytes, or -1), appended to s. */
void      fita_pdf_append_text_string (GString           *s,
                                     const char          *utf8,
                                     gssize               length);

/* Writes the fonts, the page tree and the file's end. FALSE with the
 * output's error if a write failed, or FITA_ERROR_UNSUPPORTED if the
 * document has text this writer cannot embed (see above): the output then
 * holds a partial file, to abort or truncate. Frees nothing. */
gboolean  fita_pdf_finish           (FitaPdf             *pdf,
                                     GError             **error);

G_END_DECLS
