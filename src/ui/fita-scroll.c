#include "config.h"
#include "fita-scroll.h"

void
fita_scroll_init (FitaScroll  *scroll,
                  GtkWidget   *widget,
                  guint        first_prop,
                  GCallback    changed,
                  void       (*configure) (GtkWidget *widget))
{
  scroll->widget = widget;
  scroll->first_prop = first_prop;
  scroll->changed = changed;
  scroll->configure = configure;
}

void
fita_scroll_override_properties (GObjectClass *object_class,
                                 guint         first_prop)
{
  g_object_class_override_property (object_class, first_prop + FITA_SCROLL_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, first_prop + FITA_SCROLL_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, first_prop + FITA_SCROLL_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, first_prop + FITA_SCROLL_VSCROLL_POLICY, "vscroll-policy");
}

static void
set_adjustment (FitaScroll     *scroll,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, scroll->changed, scroll->widget);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    return;
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", scroll->changed, scroll->widget);
  if (scroll->configure != NULL)
    scroll->configure (scroll->widget);
}

gboolean
fita_scroll_get_property (FitaScroll *scroll,
                          guint       prop_id,
                          GValue     *value)
{
  switch ((int) prop_id - (int) scroll->first_prop)
    {
    case FITA_SCROLL_HADJUSTMENT:
      g_value_set_object (value, scroll->hadjustment);
      return TRUE;
    case FITA_SCROLL_VADJUSTMENT:
      g_value_set_object (value, scroll->vadjustment);
      return TRUE;
    case FITA_SCROLL_HSCROLL_POLICY:
      g_value_set_enum (value, scroll->hscroll_policy);
      return TRUE;
    case FITA_SCROLL_VSCROLL_POLICY:
      g_value_set_enum (value, scroll->vscroll_policy);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
fita_scroll_set_property (FitaScroll   *scroll,
                          guint         prop_id,
                          const GValue *value)
{
  switch ((int) prop_id - (int) scroll->first_prop)
    {
    case FITA_SCROLL_HADJUSTMENT:
      set_adjustment (scroll, &scroll->hadjustment, g_value_get_object (value));
      return TRUE;
    case FITA_SCROLL_VADJUSTMENT:
      set_adjustment (scroll, &scroll->vadjustment, g_value_get_object (value));
      return TRUE;
    case FITA_SCROLL_HSCROLL_POLICY:
      scroll->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (scroll->widget);
      return TRUE;
    case FITA_SCROLL_VSCROLL_POLICY:
      scroll->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (scroll->widget);
      return TRUE;
    default:
      return FALSE;
    }
}

double
fita_scroll_get_x (FitaScroll *scroll)
{
  return scroll->hadjustment != NULL ? gtk_adjustment_get_value (scroll->hadjustment) : 0;
}

double
fita_scroll_get_y (FitaScroll *scroll)
{
  return scroll->vadjustment != NULL ? gtk_adjustment_get_value (scroll->vadjustment) : 0;
}

void
fita_scroll_clear (FitaScroll *scroll)
{
  set_adjustment (scroll, &scroll->hadjustment, NULL);
  set_adjustment (scroll, &scroll->vadjustment, NULL);
}
