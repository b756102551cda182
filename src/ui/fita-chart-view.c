/* fita-chart-view.c: a FitaChart drawn with gtk_snapshot_append_cairo. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fita-chart-view.h"

struct _FitaChartView
{
  GtkWidget      parent_instance;

  FitaPlan      *plan;
  GSignalGroup  *plan_signals;
  FitaChartKind  kind;
  gint64         item_id;
  gint64         year;

  FitaChart     *chart;          /* NULL when it must be made again */
  double         draw_ms;
};

enum { PROP_0, PROP_PLAN, PROP_KIND, PROP_ITEM_ID, PROP_YEAR, N_PROPS };

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FitaChartView, fita_chart_view, GTK_TYPE_WIDGET)

static void
invalidate (FitaChartView *self)
{
  g_clear_pointer (&self->chart, fita_chart_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The chart's title, and what it shows in words with each of its figures
 * (fita_chart_get_summary()), for screen readers. */
static void
describe (FitaChartView *self)
{
  g_autofree char *summary = fita_chart_get_summary (self->chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fita_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

FitaChart *
fita_chart_view_get_chart (FitaChartView *self)
{
  FitaItem *item;

  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), NULL);

  if (self->plan == NULL)
    return NULL;
  if (self->chart != NULL)
    return self->chart;
  item = self->item_id ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id) : NULL;
  self->chart = fita_chart_new (self->plan, self->kind, item, self->year, NULL);
  describe (self);
  return self->chart;
}

static FitaRgba
rgba (const GdkRGBA *c, double alpha)
{
  return (FitaRgba) { c->red, c->green, c->blue, c->alpha * alpha };
}

/* Colours from the style, so light, dark and high contrast all read. */
static void
update_palette (FitaChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  FitaChartPalette palette;
  GdkRGBA fg, bg;
  /* Okabe–Ito, colour-blind safe, as the printed charts; a touch lighter
   * in the dark so the bars stand out from the background */
  static const FitaRgba series[2][7] = {
    { { 0.0, 0.447, 0.698, 1 }, { 0.902, 0.624, 0.0, 1 }, { 0.0, 0.620, 0.451, 1 },
      { 0.800, 0.475, 0.655, 1 }, { 0.835, 0.369, 0.0, 1 }, { 0.337, 0.706, 0.914, 1 },
      { 0.941, 0.894, 0.259, 1 } },
    { { 0.20, 0.58, 0.85, 1 }, { 0.95, 0.70, 0.15, 1 }, { 0.15, 0.75, 0.58, 1 },
      { 0.88, 0.58, 0.76, 1 }, { 0.95, 0.50, 0.20, 1 }, { 0.55, 0.80, 0.95, 1 },
      { 0.95, 0.90, 0.40, 1 } },
  };

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "view_bg_color", &bg))
    bg = dark ? (GdkRGBA) { 0.12, 0.12, 0.12, 1 } : (GdkRGBA) { 1, 1, 1, 1 };

  palette.text = rgba (&fg, 1);
  palette.dim_text = rgba (&fg, contrast ? 0.9 : 0.7);
  palette.background = rgba (&bg, 1);
  palette.grid = rgba (&fg, contrast ? 0.5 : 0.15);
  palette.planned = dark ? series[1][5] : series[0][5];
  palette.executed = dark ? series[1][0] : series[0][0];
  for (guint i = 0; i < G_N_ELEMENTS (palette.series); i++)
    palette.series[i] = series[dark ? 1 : 0][i];
  fita_chart_set_palette (self->chart, &palette);
}

static void
update_font (FitaChartView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));

  fita_chart_set_font (self->chart, font);
}

static void
fita_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  FitaChartView *self = FITA_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gint64 start;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || fita_chart_view_get_chart (self) == NULL)
    return;
  start = g_get_monotonic_time ();
  update_palette (self);
  update_font (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fita_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
  self->draw_ms = (g_get_monotonic_time () - start) / 1000.0;
}

static void
fita_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* room for a title, a legend, an axis and a few bars */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 260;
}

static gboolean
fita_chart_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  FitaChartView *self = FITA_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (keyboard_mode)
    {
      /* no pointer: the whole summary */
      FitaChart *chart = fita_chart_view_get_chart (self);
      if (chart == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, fita_chart_get_title (chart));
      return TRUE;
    }
  text = fita_chart_view_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

char *
fita_chart_view_describe_at (FitaChartView *self,
                             double         x,
                             double         y)
{
  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), NULL);

  /* the regions are those of the last drawing, which is what is on screen */
  if (self->chart == NULL)
    return NULL;
  return fita_chart_describe_at (self->chart, x, y);
}

static void
on_plan_changed (FitaPlan      *plan,
                 FitaChanges   *changes,
                 FitaChartView *self)
{
  /* the figures, and the items' codes and titles the bars are named by */
  if ((fita_changes_get_effects (changes) & (FITA_CHANGES_ALTER_BUDGETS | FITA_CHANGES_ALTER_ITEM_NAMES)) != 0)
    invalidate (self);
}

static void
on_style_changed (FitaChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
fita_chart_view_dispose (GObject *object)
{
  FitaChartView *self = FITA_CHART_VIEW (object);

  fita_chart_view_set_plan (self, NULL);
  g_clear_object (&self->plan_signals);

  G_OBJECT_CLASS (fita_chart_view_parent_class)->dispose (object);
}

static void
fita_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FitaChartView *self = FITA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    case PROP_YEAR:
      g_value_set_int64 (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FitaChartView *self = FITA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_chart_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      fita_chart_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_ITEM_ID:
      fita_chart_view_set_item_id (self, g_value_get_int64 (value));
      break;
    case PROP_YEAR:
      fita_chart_view_set_year (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_chart_view_class_init (FitaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_chart_view_dispose;
  object_class->get_property = fita_chart_view_get_property;
  object_class->set_property = fita_chart_view_set_property;

  widget_class->snapshot = fita_chart_view_snapshot;
  widget_class->measure = fita_chart_view_measure;
  widget_class->query_tooltip = fita_chart_view_query_tooltip;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, FITA_N_CHARTS - 1, FITA_CHART_PLANNED_EXECUTED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int64 ("year", NULL, NULL, G_MININT64, G_MAXINT64, FITA_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the chart is to be made again: other figures, or another chart */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fita_chart_view_init (FitaChartView *self)
{
  self->kind = FITA_CHART_PLANNED_EXECUTED;
  self->year = FITA_NONE;
  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect (self->plan_signals, "changed", G_CALLBACK (on_plan_changed), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* the colours come from the style: redraw when it changes */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
fita_chart_view_new (void)
{
  return g_object_new (FITA_TYPE_CHART_VIEW, NULL);
}

FitaPlan *
fita_chart_view_get_plan (FitaChartView *self)
{
  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), NULL);

  return self->plan;
}

void
fita_chart_view_set_plan (FitaChartView *self,
                          FitaPlan      *plan)
{
  g_return_if_fail (FITA_IS_CHART_VIEW (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  self->item_id = 0;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

FitaChartKind
fita_chart_view_get_kind (FitaChartView *self)
{
  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), FITA_CHART_PLANNED_EXECUTED);

  return self->kind;
}

void
fita_chart_view_set_kind (FitaChartView *self,
                          FitaChartKind  kind)
{
  g_return_if_fail (FITA_IS_CHART_VIEW (self));
  g_return_if_fail (kind < FITA_N_CHARTS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
fita_chart_view_get_item_id (FitaChartView *self)
{
  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), 0);

  return self->item_id;
}

void
fita_chart_view_set_item_id (FitaChartView *self,
                             gint64         item_id)
{
  g_return_if_fail (FITA_IS_CHART_VIEW (self));

  if (self->item_id == item_id)
    return;
  self->item_id = item_id;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

gint64
fita_chart_view_get_year (FitaChartView *self)
{
  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), FITA_NONE);

  return self->year;
}

void
fita_chart_view_set_year (FitaChartView *self,
                          gint64         year)
{
  g_return_if_fail (FITA_IS_CHART_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

double
fita_chart_view_get_draw_ms (FitaChartView *self)
{
  g_return_val_if_fail (FITA_IS_CHART_VIEW (self), 0);

  return self->draw_ms;
}
