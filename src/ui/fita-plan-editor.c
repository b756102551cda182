/* fita-plan-editor.c: STUB, to be written. */
#include "config.h"
#include "fita-plan-editor.h"

#include <glib/gi18n.h>

struct _FitaPlanEditor
{
  AdwBin parent_instance;
  FitaPlan *plan;
};

G_DEFINE_FINAL_TYPE (FitaPlanEditor, fita_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fita_plan_editor_dispose (GObject *object)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_PLAN_EDITOR);
  G_OBJECT_CLASS (fita_plan_editor_parent_class)->dispose (object);
}

static void
fita_plan_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_plan_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaPlanEditor *self = FITA_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_plan_editor_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_plan_editor_class_init (FitaPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_plan_editor_dispose;
  object_class->get_property = fita_plan_editor_get_property;
  object_class->set_property = fita_plan_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-plan-editor.ui");
}

static void
fita_plan_editor_init (FitaPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fita_plan_editor_new (void)
{
  return g_object_new (FITA_TYPE_PLAN_EDITOR, NULL);
}

FitaPlan *
fita_plan_editor_get_plan (FitaPlanEditor *self)
{
  return self->plan;
}

void
fita_plan_editor_set_plan (FitaPlanEditor *self, FitaPlan *plan)
{
  g_return_if_fail (FITA_IS_PLAN_EDITOR (self));

  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
