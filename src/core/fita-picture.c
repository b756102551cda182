#include "config.h"
#include "fita-picture.h"
#include "fita-error.h"
#include "fita-output.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

gboolean
fita_picture_write (const char *path, const char *input, double width, double height, double scale,
                    FitaDrawFunc draw, gpointer data, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (path, ".png");

  if (!png && !g_str_has_suffix (path, ".svg") && !g_str_has_suffix (path, ".pdf"))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The picture's name must end in .png, .svg or .pdf."));
      return FALSE;
    }
  if (!(output = fita_output_open (path, input, error)))
    return FALSE;
  if (png)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
    }
  else if (g_str_has_suffix (path, ".svg"))
    surface = cairo_svg_surface_create_for_stream (fita_output_cairo_write, output, width, height);
  else
    surface = cairo_pdf_surface_create_for_stream (fita_output_cairo_write, output, width, height);
  cr = cairo_create (surface);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  return fita_picture_finish (surface, g_steal_pointer (&output), png, error);
}

gboolean
fita_picture_finish (cairo_surface_t *surface, FitaOutput *output, gboolean png, GError **error)
{
  cairo_status_t status;

  cairo_surface_flush (surface);
  if (png)
    status = cairo_surface_write_to_png_stream (surface, fita_output_cairo_write, output);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The picture could not be drawn: %s."),
                   cairo_status_to_string (status));
      fita_output_abort (output);
      return FALSE;
    }
  /* a write error is the output's to report, with its reason */
  return fita_output_commit (output, error);
}
