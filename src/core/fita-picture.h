/* fita-picture.h: writes one of the core's drawings (timeline, chart) to a
 * PNG, SVG or PDF file, picked by the file's suffix. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef void (*FitaDrawFunc) (cairo_t *cr, double width, double height, gpointer data);

/* width × height in points; scale: pixels per point in a PNG. Written
 * atomically (see fita-output.h); input, if given, is the file the picture
 * is made from, which it may not replace. */
gboolean fita_picture_write (const char   *path,
                             const char   *input,
                             double        width,
                             double        height,
                             double        scale,
                             FitaDrawFunc  draw,
                             gpointer      data,
                             GError      **error);

G_END_DECLS
