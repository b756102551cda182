/* fita-timeline-export.c: the timeline as pages of a PDF, or as pictures
 * and tiles of pictures; see fita-timeline-export.h. */
#include "config.h"
#include "fita-timeline-export.h"
#include "fita-error.h"
#include "fita-output.h"
#include "fita-picture.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

const char * const fita_paper_keywords[] = { "a4", "a3", NULL };

/* ISO 216, in points, portrait */
static const double paper_sizes[][2] = {
  { 595.276, 841.89 },
  { 841.89, 1190.551 },
};

guint
fita_timeline_rows_per_page (double usable, double header_height, double row_height)
{
  double rows;

  if (row_height <= 0)
    return 1;
  rows = floor ((usable - header_height) / row_height + 1e-9);
  return rows < 1 ? 1 : rows > G_MAXUINT ? G_MAXUINT : (guint) rows;
}

guint
fita_timeline_page_count (guint n_rows, guint rows_per_page)
{
  if (n_rows == 0 || rows_per_page == 0)
    return 1;
  return n_rows / rows_per_page + (n_rows % rows_per_page ? 1 : 0);
}

static gboolean
parse_number (const char *text, guint *value)
{
  char *end = NULL;
  guint64 n;

  if (*text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  if (!g_ascii_isdigit (*text))
    return FALSE;
  n = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || n == 0 || n > G_MAXINT)
    return FALSE;
  *value = (guint) n;
  return TRUE;
}

gboolean
fita_timeline_parse_range (const char *text, guint *from, guint *to, GError **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *stripped = NULL;
  gboolean ok;

  stripped = g_strstrip (g_strdup (text ? text : ""));
  parts = g_strsplit (stripped, ":", -1);
  if (g_strv_length (parts) == 1)
    {
      ok = *parts[0] != '\0' && parse_number (parts[0], from);
      *to = *from;
    }
  else
    ok = g_strv_length (parts) == 2 && (*parts[0] || *parts[1]) &&
         parse_number (g_strstrip (parts[0]), from) && parse_number (g_strstrip (parts[1]), to);
  if (ok && *from != 0 && *to != 0 && *from > *to)
    ok = FALSE;
  if (!ok)
    {
      /* Translators: %s is what was given, such as "12-40" */
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                   _("“%s” is not a range: give FROM:TO, two whole numbers from 1, the first not greater than the second (either may be left out)."),
                   text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static double
year_width (FitaTimeline *timeline)
{
  return fita_timeline_x_for_time (timeline, 1) - fita_timeline_x_for_time (timeline, 0);
}

/* The rows and years asked for, checked: 0-based first row and count. */
static gboolean
region (FitaTimeline *timeline, const FitaTimelineExportOptions *options, guint *first_row, guint *n_rows,
        int *first_year, int *n_years, GError **error)
{
  guint total = fita_timeline_get_n_rows (timeline);
  guint from = options->first_row ? options->first_row : 1;
  guint to = options->last_row ? options->last_row : total;
  int first, last, from_year, to_year;

  fita_timeline_get_years (timeline, &first, &last);
  if (total == 0 && options->first_row == 0 && options->last_row == 0)
    from = 1, to = 0;
  else if (from < 1 || to > total || from > to)
    {
      if (total == 0)
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The timeline has no rows to choose from."));
      else
        /* Translators: the rows asked for (--rows FROM:TO) do not exist */
        g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                     _("Rows %u to %u are not in the timeline: its rows go from 1 to %u."), from, to, total);
      return FALSE;
    }
  from_year = options->first_year ? options->first_year : first;
  to_year = options->last_year ? options->last_year : last;
  if (from_year < first || to_year > last || from_year > to_year)
    {
      /* Translators: the years asked for (--years FROM:TO) are not all in the timeline */
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("Years %d to %d are not in the timeline: its years go from %d to %d."),
                   from_year, to_year, first, last);
      return FALSE;
    }
  *first_row = from - 1;
  *n_rows = to + 1 - from;
  *first_year = from_year;
  *n_years = to_year - from_year + 1;
  return TRUE;
}

gboolean
fita_timeline_paging_compute (FitaTimeline *timeline, const FitaTimelineExportOptions *options,
                              FitaTimelinePaging *paging, GError **error)
{
  double usable_width, usable_height, chart_left, yw, fit;
  FitaPaper paper = options->paper <= FITA_PAPER_A3 ? options->paper : FITA_PAPER_A4;

  memset (paging, 0, sizeof *paging);
  if (!region (timeline, options, &paging->first_row, &paging->n_rows, &paging->first_year, &paging->n_years, error))
    return FALSE;
  paging->page_width = paper_sizes[paper][options->portrait ? 0 : 1];
  paging->page_height = paper_sizes[paper][options->portrait ? 1 : 0];
  paging->margin = 28;           /* about 1 cm */
  paging->title_height = 20;
  paging->footer_height = 18;
  usable_width = paging->page_width - 2 * paging->margin;
  usable_height = paging->page_height - 2 * paging->margin - paging->title_height - paging->footer_height;

  chart_left = fita_timeline_get_chart_left (timeline);
  yw = year_width (timeline);
  fit = MIN (1.0, usable_width / (chart_left + paging->n_years * yw));
  if (fit >= FITA_TIMELINE_MIN_PAGE_SCALE)
    {
      /* the whole width on each page */
      paging->years_per_strip = paging->n_years;
      paging->n_strips = 1;
      paging->scale = fit;
    }
  else
    {
      /* as many whole years as fit at the smallest scale, then as evenly
       * as the strips allow, and the scale that fills the page with them */
      double years = floor ((usable_width / FITA_TIMELINE_MIN_PAGE_SCALE - chart_left) / yw);
      guint per_strip = years < 1 ? 1 : (guint) years;

      paging->n_strips = fita_timeline_page_count (paging->n_years, per_strip);
      paging->years_per_strip = fita_timeline_page_count (paging->n_years, paging->n_strips);
      paging->scale = MIN (1.0, usable_width / (chart_left + paging->years_per_strip * yw));
    }
  paging->rows_per_page = fita_timeline_rows_per_page (usable_height / paging->scale,
                                                       fita_timeline_get_header_height (timeline),
                                                       fita_timeline_get_row_height (timeline));
  paging->n_bands = fita_timeline_page_count (paging->n_rows, paging->rows_per_page);
  paging->n_pages = paging->n_bands * paging->n_strips;
  return TRUE;
}

char *
fita_timeline_tile_path (const char *path, guint index, guint n_tiles)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);
  int digits = MAX (3, (int) floor (log10 (MAX (1, n_tiles))) + 1);
  g_autofree char *stem = NULL;

  if (dot == NULL || (slash != NULL && dot < slash))
    dot = path + strlen (path);
  stem = g_strndup (path, dot - path);
  return g_strdup_printf ("%s-%0*u%s", stem, digits, index + 1, dot);
}

/* The part of the canvas with rows [row, row + n_rows) and years
 * [year, year + n_years), at the origin, the header and labels on it. */
static void
draw_region (FitaTimeline *timeline, FitaCanvas *canvas, guint row, guint n_rows, int year, int n_years)
{
  double chart_left = fita_timeline_get_chart_left (timeline);
  double x = fita_timeline_x_for_time (timeline, year) - chart_left;
  double width = chart_left + n_years * year_width (timeline);
  double height = fita_timeline_get_header_height (timeline) + n_rows * fita_timeline_get_row_height (timeline);

  fita_timeline_draw_on (timeline, canvas, x, row * fita_timeline_get_row_height (timeline), width, height,
                         FITA_TIMELINE_STICKY_HEADER | FITA_TIMELINE_STICKY_LABELS | FITA_TIMELINE_EXACT);
}

/* A layout of the page's furniture: the font, width and alignment set once
 * (each change lays it out again) */
static PangoLayout *
furniture_layout (cairo_t *cr, const char *font, double width, PangoAlignment align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_font_description_free (description);
  return layout;
}

/* The pages, on Fita's own PDF writer (pdf) or on cairo's (cr) */
static gboolean
draw_pages (FitaTimeline *timeline, FitaPdf *pdf, cairo_t *cr, const FitaTimelinePaging *pg, const char *title,
            GCancellable *cancellable, GError **error)
{
  g_autoptr(FitaCanvas) canvas = pdf ? fita_canvas_new_for_pdf (pdf) : fita_canvas_new_for_cairo (cr);
  FitaTranslator *tr = fita_timeline_get_translator (timeline);
  const FitaTimelinePalette *palette = fita_timeline_light_palette ();
  PangoLayout *title_layout, *footer_layout;
  gboolean done = TRUE;
  guint page = 0;

  /* the title, the same on every page, laid out once */
  title_layout = furniture_layout (fita_canvas_get_context (canvas), "Sans Bold 10",
                                   pg->page_width - 2 * pg->margin, PANGO_ALIGN_LEFT);
  pango_layout_set_text (title_layout, title, -1);
  footer_layout = furniture_layout (fita_canvas_get_context (canvas), "Sans 8", pg->page_width - 2 * pg->margin,
                                    PANGO_ALIGN_CENTER);

  for (guint band = 0; done && band < pg->n_bands; band++)
    for (guint strip = 0; done && strip < pg->n_strips; strip++)
      {
        guint row = pg->first_row + band * pg->rows_per_page;
        guint n_rows = MIN (pg->rows_per_page, pg->first_row + pg->n_rows - row);
        int year = pg->first_year + (int) (strip * pg->years_per_strip);
        int n_years = MIN ((int) pg->years_per_strip, pg->first_year + pg->n_years - year);
        g_autofree char *footer = NULL;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          {
            done = FALSE;
            break;
          }
        page++;
        if (pdf)
          fita_pdf_begin_page (pdf, pg->page_width, pg->page_height);
        fita_canvas_save (canvas);
        fita_canvas_translate (canvas, pg->margin, pg->margin + pg->title_height);
        fita_canvas_scale (canvas, pg->scale, pg->scale);
        draw_region (timeline, canvas, row, n_rows, year, n_years);
        fita_canvas_restore (canvas);

        fita_canvas_set_source_rgba (canvas, palette->text.red, palette->text.green, palette->text.blue, 1);
        fita_canvas_show_layout (canvas, title_layout, pg->margin, pg->margin);
        fita_canvas_set_source_rgba (canvas, palette->dim_text.red, palette->dim_text.green, palette->dim_text.blue,
                                     1);
        /* Translators: the footer of each page of the exported timeline */
        footer = g_strdup_printf (T_ (tr, "Page %u of %u"), page, pg->n_pages);
        pango_layout_set_text (footer_layout, footer, -1);
        fita_canvas_show_layout (canvas, footer_layout, pg->margin, pg->page_height - pg->margin - pg->footer_height + 6);
        if (pdf)
          fita_pdf_end_page (pdf);
        else
          cairo_show_page (cr);
      }
  g_object_unref (title_layout);
  g_object_unref (footer_layout);
  return done;
}

/* The paged PDF: written by Fita's own writer, or by cairo if the plan has
 * text in a font that it cannot embed */
static gboolean
write_pdf (FitaTimeline *timeline, const char *path, const char *input, const FitaTimelineExportOptions *options,
           GCancellable *cancellable, GError **error)
{
  FitaTimelinePaging pg;
  FitaPlanInfo *info = fita_plan_get_info (fita_timeline_get_plan (timeline));
  const char *title = options->title ? options->title : info->title ? info->title : "";
  g_autoptr(GError) local = NULL;
  FitaOutput *output;
  FitaPdf *pdf;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean done;

  if (!fita_timeline_paging_compute (timeline, options, &pg, error))
    return FALSE;
  if (!(output = fita_output_open (path, input, error)))
    return FALSE;

  pdf = fita_pdf_new (output);
  fita_pdf_set_title (pdf, title);
  done = draw_pages (timeline, pdf, NULL, &pg, title, cancellable, &local) && fita_pdf_finish (pdf, &local);
  fita_pdf_free (pdf);
  if (done)
    return fita_output_commit (output, error);
  if (!g_error_matches (local, FITA_ERROR, FITA_ERROR_UNSUPPORTED) || !fita_output_truncate (output, 0))
    {
      fita_output_abort (output);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (fita_output_cairo_write, output, pg.page_width, pg.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  done = draw_pages (timeline, NULL, cr, &pg, title, cancellable, error);
  cairo_destroy (cr);
  if (!done)
    {
      /* it writes its end to the output: before that goes */
      cairo_surface_destroy (surface);
      fita_output_abort (output);
      return FALSE;
    }
  return fita_picture_finish (surface, output, FALSE, error);
}

static gboolean
write_pictures (FitaTimeline *timeline, const char *path, const char *input, const FitaTimelineExportOptions *options,
                GPtrArray *files, GCancellable *cancellable, GError **error)
{
  gboolean png = g_str_has_suffix (path, ".png");
  double scale = png && options->scale > 0 ? options->scale : 1;
  double header = fita_timeline_get_header_height (timeline);
  double row_height = fita_timeline_get_row_height (timeline);
  double limit = FITA_TIMELINE_MAX_TILE / scale;   /* in points */
  guint first_row, n_rows, per_tile, n_tiles;
  int first_year, n_years;
  double width;
  gboolean tiles;

  if (!region (timeline, options, &first_row, &n_rows, &first_year, &n_years, error))
    return FALSE;
  width = fita_timeline_get_chart_left (timeline) + n_years * year_width (timeline);
  if (png && ceil (width * scale) > FITA_TIMELINE_MAX_PIXELS)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The picture would be %.0f pixels wide, more than a PNG can be: choose fewer years, a smaller zoom or scale, or a PDF."),
                   ceil (width * scale));
      return FALSE;
    }
  tiles = options->tiles || header + n_rows * row_height > limit;
  per_tile = tiles ? fita_timeline_rows_per_page (limit, header, row_height) : MAX (n_rows, 1);
  n_tiles = fita_timeline_page_count (n_rows, per_tile);

  for (guint tile = 0; tile < n_tiles; tile++)
    {
      g_autofree char *name = tiles ? fita_timeline_tile_path (path, tile, n_tiles) : g_strdup (path);
      guint row = first_row + tile * per_tile;
      guint rows = MIN (per_tile, first_row + n_rows - row);
      double height = header + rows * row_height;
      FitaOutput *output;
      cairo_surface_t *surface;
      cairo_t *cr;
      FitaCanvas *canvas;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!(output = fita_output_open (name, input, error)))
        return FALSE;
      if (png)
        {
          surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                                (int) ceil (height * scale));
          cairo_surface_set_device_scale (surface, scale, scale);
        }
      else
        surface = cairo_svg_surface_create_for_stream (fita_output_cairo_write, output, width, height);
      cr = cairo_create (surface);
      canvas = fita_canvas_new_for_cairo (cr);
      draw_region (timeline, canvas, row, rows, first_year, n_years);
      fita_canvas_free (canvas);
      cairo_destroy (cr);
      if (!fita_picture_finish (surface, output, png, error))
        return FALSE;
      if (files)
        g_ptr_array_add (files, g_steal_pointer (&name));
    }
  return TRUE;
}

gboolean
fita_timeline_export (FitaTimeline *timeline, const char *path, const char *input,
                      const FitaTimelineExportOptions *options, GPtrArray *files, GCancellable *cancellable,
                      GError **error)
{
  FitaTimelineExportOptions defaults = { 0 };

  if (options == NULL)
    options = &defaults;
  if (g_str_has_suffix (path, ".pdf"))
    {
      if (!write_pdf (timeline, path, input, options, cancellable, error))
        return FALSE;
      if (files)
        g_ptr_array_add (files, g_strdup (path));
      return TRUE;
    }
  if (g_str_has_suffix (path, ".png") || g_str_has_suffix (path, ".svg"))
    return write_pictures (timeline, path, input, options, files, cancellable, error);
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The picture's name must end in .png, .svg or .pdf."));
  return FALSE;
}
