/* fita-governance-page.c: STUB, to be written. */
#include "config.h"
#include "fita-governance-page.h"

#include <glib/gi18n.h>

struct _FitaGovernancePage
{
  AdwBin parent_instance;
  FitaPlan *plan;
};

G_DEFINE_FINAL_TYPE (FitaGovernancePage, fita_governance_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fita_governance_page_dispose (GObject *object)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_GOVERNANCE_PAGE);
  G_OBJECT_CLASS (fita_governance_page_parent_class)->dispose (object);
}

static void
fita_governance_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (object);

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
fita_governance_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaGovernancePage *self = FITA_GOVERNANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_governance_page_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_governance_page_class_init (FitaGovernancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_governance_page_dispose;
  object_class->get_property = fita_governance_page_get_property;
  object_class->set_property = fita_governance_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-governance-page.ui");
}

static void
fita_governance_page_init (FitaGovernancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fita_governance_page_new (void)
{
  return g_object_new (FITA_TYPE_GOVERNANCE_PAGE, NULL);
}

FitaPlan *
fita_governance_page_get_plan (FitaGovernancePage *self)
{
  return self->plan;
}

void
fita_governance_page_set_plan (FitaGovernancePage *self, FitaPlan *plan)
{
  g_return_if_fail (FITA_IS_GOVERNANCE_PAGE (self));

  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
