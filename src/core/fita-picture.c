#include "config.h"
#include "fita-picture.h"
#include "fita-error.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

gboolean
fita_picture_write (const char *path, double width, double height, double scale, FitaDrawFunc draw,
                    gpointer data, GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean png = g_str_has_suffix (path, ".png");

  if (png)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else if (g_str_has_suffix (path, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (path, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The picture's name must end in .png, .svg or .pdf."));
      return FALSE;
    }
  cr = cairo_create (surface);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The picture could not be written: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
