#include "config.h"
#include "fita-pdf-view.h"
#include "fita-scroll.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#define GAP 12.0              /* between pages, in pixels */
#define CACHE_PAGES 12        /* rendered pages kept */

struct _FitaPdfView
{
  GtkWidget parent_instance;

  GBytes *bytes;
  PopplerDocument *document;
  double *widths, *heights;   /* page sizes in points */
  double max_width;
  int n_pages;

  FitaPdfZoomMode mode;
  double zoom;

  FitaScroll scroll;

  GHashTable *textures;       /* page → GdkTexture at the current zoom and scale */
  GQueue recent;              /* pages, most recently used first */
  double texture_zoom;
  guint n_rendered;
};

enum {
  PROP_0,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  N_PROPS,
  /* then GtkScrollable's four: fita-scroll.h */
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (FitaPdfView, fita_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Geometry */

static double
page_top (FitaPdfView *self, int page)
{
  double y = GAP;

  for (int i = 0; i < page; i++)
    y += self->heights[i] * self->zoom + GAP;
  return y;
}

static double
content_height (FitaPdfView *self)
{
  return self->n_pages ? page_top (self, self->n_pages) : 0;
}

static double
content_width (FitaPdfView *self)
{
  return self->max_width * self->zoom + 2 * GAP;
}

static void
compute_zoom (FitaPdfView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom = self->zoom;

  if (self->n_pages == 0 || width <= 0 || height <= 0)
    return;
  if (self->mode == FITA_PDF_ZOOM_FIT_WIDTH)
    zoom = (width - 2 * GAP) / self->max_width;
  else if (self->mode == FITA_PDF_ZOOM_FIT_PAGE)
    zoom = MIN ((width - 2 * GAP) / self->max_width, (height - 2 * GAP) / self->heights[0]);
  zoom = CLAMP (zoom, 0.1, 8.0);
  if (fabs (zoom - self->zoom) > 1e-6)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

static void
configure_adjustments (FitaPdfView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->scroll.hadjustment)
    gtk_adjustment_configure (self->scroll.hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->scroll.hadjustment), 0, MAX (0, content_width (self) - width)),
                              0, MAX (content_width (self), width), width * 0.1, width * 0.9, width);
  if (self->scroll.vadjustment)
    gtk_adjustment_configure (self->scroll.vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->scroll.vadjustment), 0, MAX (0, content_height (self) - height)),
                              0, MAX (content_height (self), height), height * 0.1, height * 0.9, height);
}

/* Rendering */

static void
drop_textures (FitaPdfView *self)
{
  g_hash_table_remove_all (self->textures);
  g_queue_clear (&self->recent);
}

static GdkTexture *
page_texture (FitaPdfView *self, int page)
{
  GdkTexture *texture;
  PopplerPage *pp;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = gtk_widget_get_scale_factor (GTK_WIDGET (self)) * self->zoom;
  int w, h;
  g_autoptr(GBytes) pixels = NULL;

  if (fabs (self->texture_zoom - scale) > 1e-6)
    {
      drop_textures (self);
      self->texture_zoom = scale;
    }
  texture = g_hash_table_lookup (self->textures, GINT_TO_POINTER (page));
  if (texture != NULL)
    {
      g_queue_remove (&self->recent, GINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GINT_TO_POINTER (page));
      return texture;
    }

  w = (int) ceil (self->widths[page] * scale);
  h = (int) ceil (self->heights[page] * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  pp = poppler_document_get_page (self->document, page);
  poppler_page_render (pp, cr);
  g_object_unref (pp);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) cairo_image_surface_get_stride (surface) * h,
                                       (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, pixels,
                                    cairo_image_surface_get_stride (surface));
  g_hash_table_insert (self->textures, GINT_TO_POINTER (page), texture);
  g_queue_push_head (&self->recent, GINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > CACHE_PAGES)
    g_hash_table_remove (self->textures, g_queue_pop_tail (&self->recent));
  self->n_rendered++;
  return texture;
}

static void
fita_pdf_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  FitaPdfView *self = FITA_PDF_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double top = fita_scroll_get_y (&self->scroll);
  double left = fita_scroll_get_x (&self->scroll);
  double y = GAP;

  for (int page = 0; page < self->n_pages; page++)
    {
      double pw = self->widths[page] * self->zoom;
      double ph = self->heights[page] * self->zoom;
      double x = MAX (GAP, (width - pw) / 2) - left;
      double sy = y - top;

      if (sy + ph >= 0 && sy <= height)
        {
          GdkTexture *texture = page_texture (self, page);
          graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, sy, pw, ph);
          GskRoundedRect outline;
          GdkRGBA shadow = { 0, 0, 0, 0.25 };

          gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
          gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 3);
          gtk_snapshot_append_texture (snapshot, texture, &bounds);
        }
      if (sy > height)
        break;
      y += ph + GAP;
    }
}

static void
fita_pdf_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  FitaPdfView *self = FITA_PDF_VIEW (widget);

  compute_zoom (self);
  configure_adjustments (self);
}

static void
on_adjustment_changed (GtkAdjustment *adjustment, FitaPdfView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Zooming with Ctrl+scroll keeps the point under the pointer in place. */
static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, FitaPdfView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->n_pages == 0)
    return FALSE;
  fita_pdf_view_set_zoom (self, self->zoom * (dy < 0 ? 1.1 : 1 / 1.1));
  return TRUE;
}

static void
fita_pdf_view_dispose (GObject *object)
{
  FitaPdfView *self = FITA_PDF_VIEW (object);

  fita_pdf_view_clear (self);
  fita_scroll_clear (&self->scroll);
  G_OBJECT_CLASS (fita_pdf_view_parent_class)->dispose (object);
}

static void
fita_pdf_view_finalize (GObject *object)
{
  FitaPdfView *self = FITA_PDF_VIEW (object);

  g_hash_table_unref (self->textures);
  g_queue_clear (&self->recent);
  G_OBJECT_CLASS (fita_pdf_view_parent_class)->finalize (object);
}

static void
fita_pdf_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaPdfView *self = FITA_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_int (value, self->n_pages);
      break;
    case PROP_PAGE:
      g_value_set_int (value, fita_pdf_view_get_page (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_int (value, self->mode);
      break;
    default:
      if (!fita_scroll_get_property (&self->scroll, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_pdf_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaPdfView *self = FITA_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      fita_pdf_view_set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      fita_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      fita_pdf_view_set_zoom_mode (self, g_value_get_int (value));
      break;
    default:
      if (!fita_scroll_set_property (&self->scroll, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_pdf_view_class_init (FitaPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_pdf_view_dispose;
  object_class->finalize = fita_pdf_view_finalize;
  object_class->get_property = fita_pdf_view_get_property;
  object_class->set_property = fita_pdf_view_set_property;
  widget_class->snapshot = fita_pdf_view_snapshot;
  widget_class->size_allocate = fita_pdf_view_size_allocate;

  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0.1, 8.0, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] = g_param_spec_int ("zoom-mode", NULL, NULL, 0, FITA_PDF_ZOOM_FREE, 0,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  fita_scroll_override_properties (object_class, N_PROPS);

  gtk_widget_class_set_css_name (widget_class, "pdfview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The scroll's configure: the ranges follow the content. */
static void
configure_scroll (GtkWidget *widget)
{
  configure_adjustments (FITA_PDF_VIEW (widget));
}

static void
fita_pdf_view_init (FitaPdfView *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  fita_scroll_init (&self->scroll, GTK_WIDGET (self), N_PROPS,
                    G_CALLBACK (on_adjustment_changed), configure_scroll);

  self->zoom = 1.0;
  self->textures = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  g_queue_init (&self->recent);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Report preview"), -1);
}

GtkWidget *
fita_pdf_view_new (void)
{
  return g_object_new (FITA_TYPE_PDF_VIEW, NULL);
}

void
fita_pdf_view_clear (FitaPdfView *self)
{
  drop_textures (self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->heights, g_free);
  self->n_pages = 0;
  self->max_width = 0;
  self->n_rendered = 0;
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

gboolean
fita_pdf_view_load_bytes (FitaPdfView *self, GBytes *pdf, GError **error)
{
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, error);

  if (document == NULL)
    return FALSE;
  fita_pdf_view_clear (self);
  self->document = document;
  self->bytes = g_bytes_ref (pdf);
  self->n_pages = poppler_document_get_n_pages (document);
  self->widths = g_new0 (double, self->n_pages);
  self->heights = g_new0 (double, self->n_pages);
  for (int i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      poppler_page_get_size (page, &self->widths[i], &self->heights[i]);
      self->max_width = MAX (self->max_width, self->widths[i]);
      g_object_unref (page);
    }
  compute_zoom (self);
  configure_adjustments (self);
  if (self->scroll.vadjustment)
    gtk_adjustment_set_value (self->scroll.vadjustment, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  return TRUE;
}

GBytes *
fita_pdf_view_get_bytes (FitaPdfView *self)
{
  return self->bytes;
}

int
fita_pdf_view_get_n_pages (FitaPdfView *self)
{
  return self->n_pages;
}

int
fita_pdf_view_get_page (FitaPdfView *self)
{
  double top = fita_scroll_get_y (&self->scroll);
  double middle = top + gtk_widget_get_height (GTK_WIDGET (self)) / 3.0;

  for (int page = 0; page < self->n_pages; page++)
    if (page_top (self, page + 1) > middle)
      return page;
  return MAX (0, self->n_pages - 1);
}

void
fita_pdf_view_set_page (FitaPdfView *self, int page)
{
  if (self->n_pages == 0 || self->scroll.vadjustment == NULL)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  gtk_adjustment_set_value (self->scroll.vadjustment, page_top (self, page) - GAP);
}

void
fita_pdf_view_set_zoom_mode (FitaPdfView *self, FitaPdfZoomMode mode)
{
  if (self->mode == mode)
    return;
  self->mode = mode;
  compute_zoom (self);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

FitaPdfZoomMode
fita_pdf_view_get_zoom_mode (FitaPdfView *self)
{
  return self->mode;
}

double
fita_pdf_view_get_zoom (FitaPdfView *self)
{
  return self->zoom;
}

void
fita_pdf_view_set_zoom (FitaPdfView *self, double zoom)
{
  int page = fita_pdf_view_get_page (self);

  zoom = CLAMP (zoom, 0.1, 8.0);
  if (self->mode != FITA_PDF_ZOOM_FREE)
    {
      self->mode = FITA_PDF_ZOOM_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
    }
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  self->zoom = zoom;
  configure_adjustments (self);
  fita_pdf_view_set_page (self, page);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

char *
fita_pdf_view_get_page_text (FitaPdfView *self, int page)
{
  PopplerPage *pp;
  char *text;

  if (page < 0 || page >= self->n_pages)
    return NULL;
  pp = poppler_document_get_page (self->document, page);
  text = poppler_page_get_text (pp);
  g_object_unref (pp);
  return text;
}

guint
fita_pdf_view_get_n_rendered (FitaPdfView *self)
{
  return self->n_rendered;
}
