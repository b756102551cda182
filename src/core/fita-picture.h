/* fita-picture.h: writes one of the core's drawings (timeline, chart) to a
 * PNG, SVG or PDF file, picked by the file's suffix. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "fita-output.h"

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

/* Ends a picture drawn on surface (destroyed) into output (committed, or
 * aborted on an error): as PNG when png, else the PDF or SVG the surface
 * writes to output. */
gboolean fita_picture_finish (cairo_surface_t *surface,
                              FitaOutput      *output,
                              gboolean         png,
                              GError         **error);

G_END_DECLS
