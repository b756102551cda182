/* fita-pdf-view.h: a PDF previewed with poppler: continuous pages, zoom to
 * fit the width or the page or by percent, page navigation. Only the pages
 * in view are rendered. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  FITA_PDF_ZOOM_FIT_WIDTH,
  FITA_PDF_ZOOM_FIT_PAGE,
  FITA_PDF_ZOOM_FREE,
} FitaPdfZoomMode;

#define FITA_TYPE_PDF_VIEW (fita_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (FitaPdfView, fita_pdf_view, FITA, PDF_VIEW, GtkWidget)

GtkWidget      *fita_pdf_view_new           (void);
/* Shows the PDF in bytes; FALSE (and nothing shown) if it cannot be read. */
gboolean        fita_pdf_view_load_bytes    (FitaPdfView     *self,
                                             GBytes          *pdf,
                                             GError         **error);
void            fita_pdf_view_clear         (FitaPdfView     *self);
GBytes         *fita_pdf_view_get_bytes     (FitaPdfView     *self);
int             fita_pdf_view_get_n_pages   (FitaPdfView     *self);
/* 0-based: the page at the top of the view. */
int             fita_pdf_view_get_page      (FitaPdfView     *self);
void            fita_pdf_view_set_page      (FitaPdfView     *self,
                                             int              page);
void            fita_pdf_view_set_zoom_mode (FitaPdfView     *self,
                                             FitaPdfZoomMode  mode);
FitaPdfZoomMode fita_pdf_view_get_zoom_mode (FitaPdfView     *self);
/* 1.0 is 100 % (a point is a pixel at scale 1). */
double          fita_pdf_view_get_zoom      (FitaPdfView     *self);
void            fita_pdf_view_set_zoom      (FitaPdfView     *self,
                                             double           zoom);
/* The text of a page, for tests and accessibility. */
char           *fita_pdf_view_get_page_text (FitaPdfView     *self,
                                             int              page);
/* Number of pages rendered so far (pages are rendered only when seen). */
guint           fita_pdf_view_get_n_rendered (FitaPdfView    *self);

G_END_DECLS
