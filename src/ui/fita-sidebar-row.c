/* fita-sidebar-row.c: a row of a page's sidebar: its labels are bound to
 * its title and subtitle in fita-sidebar-row.ui, and a screen reader gets
 * the same name, description and depth. */
#include "config.h"
#include "fita-sidebar-row.h"

#include "fita-plan-editor-lists.h"

struct _FitaSidebarRow
{
  GtkListBoxRow parent_instance;

  char *title;
  char *subtitle;
  guint depth;
  int max_width_chars;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (FitaSidebarRow, fita_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DEPTH,
  PROP_MAX_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (FitaSidebarRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->subtitle ? self->subtitle : "",
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) self->depth + 1,
                                  -1);
}

static gboolean
set_text (char       **text,
          const char  *value)
{
  if (g_strcmp0 (*text, value) == 0)
    return FALSE;
  g_free (*text);
  *text = g_strdup (value);
  return TRUE;
}

void
fita_sidebar_row_set_title (FitaSidebarRow *self,
                            const char     *title)
{
  g_return_if_fail (FITA_IS_SIDEBAR_ROW (self));

  if (!set_text (&self->title, title))
    return;
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
fita_sidebar_row_get_title (FitaSidebarRow *self)
{
  g_return_val_if_fail (FITA_IS_SIDEBAR_ROW (self), NULL);

  return self->title;
}

void
fita_sidebar_row_set_subtitle (FitaSidebarRow *self,
                               const char     *subtitle)
{
  g_return_if_fail (FITA_IS_SIDEBAR_ROW (self));

  if (!set_text (&self->subtitle, subtitle))
    return;
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

const char *
fita_sidebar_row_get_subtitle (FitaSidebarRow *self)
{
  g_return_val_if_fail (FITA_IS_SIDEBAR_ROW (self), NULL);

  return self->subtitle;
}

void
fita_sidebar_row_set_depth (FitaSidebarRow *self,
                            guint           depth)
{
  g_return_if_fail (FITA_IS_SIDEBAR_ROW (self));

  if (self->depth == depth)
    return;
  self->depth = depth;
  /* Deeper than four levels would leave no room for the name. */
  gtk_widget_set_margin_start (self->box, 6 + 18 * MIN (depth, 4));
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
}

guint
fita_sidebar_row_get_depth (FitaSidebarRow *self)
{
  g_return_val_if_fail (FITA_IS_SIDEBAR_ROW (self), 0);

  return self->depth;
}

static void
fita_sidebar_row_finalize (GObject *object)
{
  FitaSidebarRow *self = FITA_SIDEBAR_ROW (object);

  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (fita_sidebar_row_parent_class)->finalize (object);
}

static void
fita_sidebar_row_dispose (GObject *object)
{
  /* The row's child is a template child too: let the row drop it first,
   * or disposing the template would unparent it behind the row's back. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), FITA_TYPE_SIDEBAR_ROW);
  G_OBJECT_CLASS (fita_sidebar_row_parent_class)->dispose (object);
}

static void
fita_sidebar_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaSidebarRow *self = FITA_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_width_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_sidebar_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaSidebarRow *self = FITA_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fita_sidebar_row_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      fita_sidebar_row_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_DEPTH:
      fita_sidebar_row_set_depth (self, g_value_get_uint (value));
      break;
    case PROP_MAX_WIDTH_CHARS:
      if (self->max_width_chars != g_value_get_int (value))
        {
          self->max_width_chars = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_sidebar_row_class_init (FitaSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = fita_sidebar_row_finalize;
  object_class->dispose = fita_sidebar_row_dispose;
  object_class->get_property = fita_sidebar_row_get_property;
  object_class->set_property = fita_sidebar_row_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, -1, G_MAXINT, 24,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaSidebarRow, box);
}

static void
fita_sidebar_row_init (FitaSidebarRow *self)
{
  self->max_width_chars = 24;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_accessible (self);
}

GtkWidget *
fita_sidebar_row_new (gint64 id,
                      int    max_width_chars)
{
  GtkWidget *row = g_object_new (FITA_TYPE_SIDEBAR_ROW,
                                 "max-width-chars", max_width_chars,
                                 NULL);

  fita_row_set_id (row, id);
  return row;
}
