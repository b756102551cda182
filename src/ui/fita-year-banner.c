/* fita-year-banner.c: see fita-year-banner.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-year-banner.h"
#include "fita-years.h"

struct _FitaYearBanner
{
  AdwBin       parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkWidget   *button;
};

G_DEFINE_FINAL_TYPE (FitaYearBanner, fita_year_banner, ADW_TYPE_BIN)

char *
fita_year_format_closing_date (const char *closed_at)
{
  g_autoptr(GDateTime) utc = closed_at != NULL ? g_date_time_new_from_iso8601 (closed_at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (closed_at != NULL ? closed_at : "");
  /* Translators: the date a year was closed, as g_date_time_format()
   * writes it: "7 December 2026"; "%-d %B de %Y" in Catalan */
  return g_date_time_format (local, C_("closing date", "%-d %B %Y"));
}

static void
ensure_style (FitaYearBanner *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "fita-year-banner-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/cat/fita/Fita/fita-year-banner.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fita-year-banner-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
fita_year_banner_dispose (GObject *object)
{
  /* The bin's child is a template child: unparented once, by the bin. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), FITA_TYPE_YEAR_BANNER);

  G_OBJECT_CLASS (fita_year_banner_parent_class)->dispose (object);
}

static void
fita_year_banner_class_init (FitaYearBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_year_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-year-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaYearBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, FitaYearBanner, label);
  gtk_widget_class_bind_template_child (widget_class, FitaYearBanner, button);
}

static void
fita_year_banner_init (FitaYearBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
fita_year_banner_show (FitaYearBanner *self,
                       FitaPlan       *plan,
                       int             year)
{
  FitaYearClosure *closure;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *back = NULL;
  gint64 followed;

  g_return_if_fail (FITA_IS_YEAR_BANNER (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  closure = plan != NULL && year != 0 ? fita_plan_get_closure (plan, year) : NULL;
  /* Hidden at once: the pages below take the room back without a slide. */
  gtk_widget_set_visible (GTK_WIDGET (self), closure != NULL);
  gtk_revealer_set_reveal_child (self->revealer, closure != NULL);
  if (closure == NULL)
    return;

  date = fita_year_format_closing_date (closure->closed_at);
  if (closure->closed_by != NULL && closure->closed_by[0] != '\0')
    /* Translators: the banner over a closed year: the year (twice), the
     * date it was closed and who closed it */
    text = g_strdup_printf (_("You are looking at the plan as it stood when %d was closed (on %s, by %s). It cannot be changed."),
                            year, date, closure->closed_by);
  else
    /* Translators: the banner over a closed year: the year and the date it
     * was closed */
    text = g_strdup_printf (_("You are looking at the plan as it stood when %d was closed (on %s). It cannot be changed."),
                            year, date);
  gtk_label_set_label (self->label, text);

  followed = fita_plan_get_info (plan)->followed_year;
  if (followed != FITA_NONE)
    /* Translators: the button of the banner over a closed year: back to
     * the year whose figures are being entered */
    back = g_strdup_printf (_("_Back to %d"), (int) followed);
  else
    back = g_strdup (_("_Back to the Current Figures"));
  gtk_button_set_label (GTK_BUTTON (self->button), back);
  gtk_widget_set_tooltip_text (self->button, _("Show the plan as it is now, which can be changed"));
}

gboolean
fita_year_banner_is_shown (FitaYearBanner *self)
{
  g_return_val_if_fail (FITA_IS_YEAR_BANNER (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self)) && gtk_revealer_get_reveal_child (self->revealer);
}

const char *
fita_year_banner_get_text (FitaYearBanner *self)
{
  g_return_val_if_fail (FITA_IS_YEAR_BANNER (self), NULL);

  return gtk_label_get_label (self->label);
}

GtkWidget *
fita_year_banner_get_button (FitaYearBanner *self)
{
  g_return_val_if_fail (FITA_IS_YEAR_BANNER (self), NULL);

  return self->button;
}
