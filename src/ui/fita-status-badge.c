#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fita-status-badge.h"

struct _FitaStatusBadge
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  char      *name;
  char      *colour_text;
  GdkRGBA    colour;
  guint      has_colour : 1;
};

G_DEFINE_FINAL_TYPE (FitaStatusBadge, fita_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOUR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* WCAG relative luminance of one sRGB channel. */
static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Whether black text reads better than white on colour (WCAG contrast). */
static gboolean
prefers_dark_text (const GdkRGBA *colour)
{
  double l = 0.2126 * linear_channel (colour->red)
           + 0.7152 * linear_channel (colour->green)
           + 0.0722 * linear_channel (colour->blue);

  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05);
}

static void
fita_status_badge_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FitaStatusBadge *self = (FitaStatusBadge *)widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect pill;
  GdkRGBA colour;

  if (self->has_colour)
    {
      colour = self->colour;
    }
  else
    {
      /* No colour of its own: a faint tint of the text colour, as
       * libadwaita does for neutral pills. */
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
      colour.alpha *= 0.15;
    }

  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &colour, &pill.bounds);
  gtk_snapshot_pop (snapshot);

  GTK_WIDGET_CLASS (fita_status_badge_parent_class)->snapshot (widget, snapshot);
}

static void
fita_status_badge_dispose (GObject *object)
{
  FitaStatusBadge *self = (FitaStatusBadge *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->colour_text, g_free);

  G_OBJECT_CLASS (fita_status_badge_parent_class)->dispose (object);
}

static void
fita_status_badge_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FitaStatusBadge *self = FITA_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_status_badge_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FitaStatusBadge *self = FITA_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      fita_status_badge_set_status (self, g_value_get_string (value), self->colour_text);
      break;

    case PROP_COLOUR:
      fita_status_badge_set_status (self, self->name, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_status_badge_class_init (FitaStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_status_badge_dispose;
  object_class->get_property = fita_status_badge_get_property;
  object_class->set_property = fita_status_badge_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->snapshot = fita_status_badge_snapshot;

  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fita_status_badge_init (FitaStatusBadge *self)
{
  self->label = g_object_new (GTK_TYPE_LABEL,
                              "ellipsize", PANGO_ELLIPSIZE_END,
                              "max-width-chars", 14,
                              NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
fita_status_badge_new (void)
{
  return g_object_new (FITA_TYPE_STATUS_BADGE, NULL);
}

void
fita_status_badge_set_status (FitaStatusBadge *self,
                              const char      *name,
                              const char      *colour)
{
  g_autofree char *accessible = NULL;
  gboolean name_changed, colour_changed;

  g_return_if_fail (FITA_IS_STATUS_BADGE (self));

  name_changed = g_strcmp0 (self->name, name) != 0;
  colour_changed = g_strcmp0 (self->colour_text, colour) != 0;
  if (!name_changed && !colour_changed)
    return;

  if (name_changed)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      gtk_label_set_label (GTK_LABEL (self->label), name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
      /* Translators: what a screen reader says of the status pill of an
       * item: "Status: En curs" */
      accessible = name != NULL ? g_strdup_printf (_("Status: %s"), name) : NULL;
      if (accessible != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                        -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }

  if (colour_changed)
    {
      g_free (self->colour_text);
      self->colour_text = g_strdup (colour);
      self->has_colour = colour != NULL && gdk_rgba_parse (&self->colour, colour);
      /* The text colour is chosen against an opaque pill. */
      self->colour.alpha = 1.0;
      gtk_widget_remove_css_class (GTK_WIDGET (self), "dark-text");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "light-text");
      if (self->has_colour)
        gtk_widget_add_css_class (GTK_WIDGET (self),
                                  prefers_dark_text (&self->colour) ? "dark-text" : "light-text");
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
  if (colour_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLOUR]);
}

gboolean
fita_status_badge_get_dark_text (FitaStatusBadge *self)
{
  g_return_val_if_fail (FITA_IS_STATUS_BADGE (self), FALSE);

  return gtk_widget_has_css_class (GTK_WIDGET (self), "dark-text");
}
