/* fita-item-editor.c: STUB, to be written. */
#include "config.h"
#include "fita-item-editor.h"

#include <glib/gi18n.h>

struct _FitaItemEditor
{
  AdwBin parent_instance;
  FitaPlan *plan;
  gint64 item_id;
  int year;
};

G_DEFINE_FINAL_TYPE (FitaItemEditor, fita_item_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ITEM_ID,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fita_item_editor_dispose (GObject *object)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR);
  G_OBJECT_CLASS (fita_item_editor_parent_class)->dispose (object);
}

static void
fita_item_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_item_editor_set_plan (self, g_value_get_object (value));
      break;
    case PROP_ITEM_ID:
      fita_item_editor_set_item_id (self, g_value_get_int64 (value));
      break;
    case PROP_YEAR:
      fita_item_editor_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_editor_class_init (FitaItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_dispose;
  object_class->get_property = fita_item_editor_get_property;
  object_class->set_property = fita_item_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor.ui");
}

static void
fita_item_editor_init (FitaItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fita_item_editor_new (void)
{
  return g_object_new (FITA_TYPE_ITEM_EDITOR, NULL);
}

FitaPlan *
fita_item_editor_get_plan (FitaItemEditor *self)
{
  return self->plan;
}

void
fita_item_editor_set_plan (FitaItemEditor *self, FitaPlan *plan)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));

  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

gint64
fita_item_editor_get_item_id (FitaItemEditor *self)
{
  return self->item_id;
}

void
fita_item_editor_set_item_id (FitaItemEditor *self, gint64 item_id)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));

  if (self->item_id == item_id)
    return;
  self->item_id = item_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

int
fita_item_editor_get_year (FitaItemEditor *self)
{
  return self->year;
}

void
fita_item_editor_set_year (FitaItemEditor *self, int year)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));

  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

void
fita_item_editor_focus_title (FitaItemEditor *self)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));
}
