/* fita-shared-banner.c: see fita-shared-banner.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-shared-banner.h"

struct _FitaSharedBanner
{
  AdwBin        parent_instance;

  FitaPlan     *plan;
  GSignalGroup *plan_signals;
  gboolean      lost;

  /* Template widgets */
  GtkRevealer  *revealer;
  GtkLabel     *label;
  GtkSpinner   *spinner;
  GtkWidget    *note_bar;
  GtkLabel     *note_label;
};

G_DEFINE_FINAL_TYPE (FitaSharedBanner, fita_shared_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

enum {
  RECONNECTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
fita_shared_banner_set_connected (FitaSharedBanner *self,
                                  gboolean          connected)
{
  g_return_if_fail (FITA_IS_SHARED_BANNER (self));

  if (self->lost == !connected)
    return;
  self->lost = !connected;
  /* Shown at once, without waiting for the slide: the officer must not
   * type a change in the meantime believing it saved. */
  gtk_revealer_set_transition_duration (self->revealer, self->lost ? 0 : 250);
  gtk_revealer_set_reveal_child (self->revealer, self->lost);
  if (self->lost)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  if (!self->lost)
    g_signal_emit (self, signals [RECONNECTED], 0);
}

static void
update_note (FitaSharedBanner *self)
{
  const char *agent = self->plan != NULL ? fita_plan_get_access_agent (self->plan) : NULL;
  gboolean follow_up = self->plan != NULL && fita_plan_is_shared (self->plan) &&
                       fita_plan_get_access (self->plan) == FITA_ACCESS_FOLLOW_UP;

  gtk_widget_set_visible (self->note_bar, follow_up);
  if (follow_up)
    {
      g_autofree char *note = NULL;

      if (agent != NULL && agent[0] != '\0')
        /* Translators: the note over a shared plan opened by a service;
         * %s is the service (an agent of the plan), "Servei d'Esports" */
        note = g_strdup_printf (_("You can update the follow-up of the items of %s: their status, progress, executed amounts, indicator values and follow-up texts. The rest is shown as it is."), agent);
      else
        note = g_strdup (_("You can update the follow-up of the items your service answers for. The rest is shown as it is."));
      gtk_label_set_label (self->note_label, note);
    }
}

static void
connected_cb (FitaSharedBanner *self)
{
  fita_shared_banner_set_connected (self, self->plan == NULL || fita_plan_get_connected (self->plan));
}

void
fita_shared_banner_set_plan (FitaSharedBanner *self,
                             FitaPlan         *plan)
{
  g_return_if_fail (FITA_IS_SHARED_BANNER (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  g_signal_group_set_target (self->plan_signals, plan);
  /* Another plan starts as it is: no "reconnected" for it. */
  self->lost = plan != NULL && !fita_plan_get_connected (plan);
  gtk_revealer_set_transition_duration (self->revealer, 0);
  gtk_revealer_set_reveal_child (self->revealer, self->lost);
  update_note (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

FitaPlan *
fita_shared_banner_get_plan (FitaSharedBanner *self)
{
  g_return_val_if_fail (FITA_IS_SHARED_BANNER (self), NULL);

  return self->plan;
}

gboolean
fita_shared_banner_is_lost (FitaSharedBanner *self)
{
  g_return_val_if_fail (FITA_IS_SHARED_BANNER (self), FALSE);

  return self->lost && gtk_revealer_get_reveal_child (self->revealer);
}

const char *
fita_shared_banner_get_text (FitaSharedBanner *self)
{
  g_return_val_if_fail (FITA_IS_SHARED_BANNER (self), NULL);

  return gtk_label_get_label (self->label);
}

const char *
fita_shared_banner_get_note (FitaSharedBanner *self)
{
  g_return_val_if_fail (FITA_IS_SHARED_BANNER (self), NULL);

  return gtk_widget_get_visible (self->note_bar) ? gtk_label_get_label (self->note_label) : NULL;
}

static void
fita_shared_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FitaSharedBanner *self = FITA_SHARED_BANNER (object);

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
fita_shared_banner_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FitaSharedBanner *self = FITA_SHARED_BANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_shared_banner_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_shared_banner_dispose (GObject *object)
{
  FitaSharedBanner *self = FITA_SHARED_BANNER (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);
  /* The bin's child is a template child: unparented once, by the bin. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), FITA_TYPE_SHARED_BANNER);

  G_OBJECT_CLASS (fita_shared_banner_parent_class)->dispose (object);
}

static void
fita_shared_banner_class_init (FitaSharedBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_shared_banner_dispose;
  object_class->get_property = fita_shared_banner_get_property;
  object_class->set_property = fita_shared_banner_set_property;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The connection lost came back (the plan has read what changed
   * meanwhile). */
  signals [RECONNECTED] =
    g_signal_new ("reconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-shared-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaSharedBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedBanner, label);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedBanner, spinner);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedBanner, note_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaSharedBanner, note_label);
}

static void
fita_shared_banner_init (FitaSharedBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::connected", G_CALLBACK (connected_cb), self);
}
