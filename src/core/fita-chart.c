#include "config.h"
#include "fita-chart.h"
#include "fita-canvas.h"
#include "fita-budget.h"
#include "fita-money.h"
#include "fita-rollup.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

const char * const fita_chart_kind_keywords[] = {
  "planned-executed", "stacked", "execution-rate", "cumulative", "chapters", NULL
};

/* Okabe–Ito: distinguishable with every common colour-vision deficiency. */
static const FitaChartPalette light_palette = {
  .text = { 0.14, 0.12, 0.19, 1 },
  .dim_text = { 0.37, 0.36, 0.40, 1 },
  .background = { 1, 1, 1, 1 },
  .grid = { 0.85, 0.85, 0.87, 1 },
  .planned = { 0.337, 0.706, 0.914, 1 },    /* sky blue */
  .executed = { 0.0, 0.447, 0.698, 1 },     /* blue */
  .series = {
    { 0.0, 0.447, 0.698, 1 },      /* blue */
    { 0.902, 0.624, 0.0, 1 },      /* orange */
    { 0.0, 0.620, 0.451, 1 },      /* bluish green */
    { 0.800, 0.475, 0.655, 1 },    /* reddish purple */
    { 0.835, 0.369, 0.0, 1 },      /* vermillion */
    { 0.337, 0.706, 0.914, 1 },    /* sky blue */
    { 0.941, 0.894, 0.259, 1 },    /* yellow */
  },
};

const FitaChartPalette *
fita_chart_light_palette (void)
{
  return &light_palette;
}

typedef struct {
  double x, y, width, height;
  char *text;
} Region;

typedef struct {
  char *label;
  gint64 planned, executed;
} Bar;

struct _FitaChart {
  FitaPlan *plan;
  FitaChartKind kind;
  gint64 scope_id;
  gint64 year;
  FitaTranslator *translator;
  FitaChartPalette palette;
  char *font;
  char *title;
  FitaBudgetTable *table;
  GArray *bars;          /* of Bar: items for the rate chart */
  GArray *regions;       /* of Region, from the last drawing */
};

static void
bar_clear (gpointer data)
{
  g_free (((Bar *) data)->label);
}

static void
region_clear (gpointer data)
{
  g_free (((Region *) data)->text);
}

static const char *
chart_title (FitaChartKind kind, FitaTranslator *tr)
{
  switch (kind)
    {
    /* Translators: titles of the budget charts */
    case FITA_CHART_PLANNED_EXECUTED: return T_ (tr, "Planned and executed budget by year");
    case FITA_CHART_STACKED: return T_ (tr, "Executed budget by year and chapter");
    case FITA_CHART_EXECUTION_RATE: return T_ (tr, "Budget execution rate");
    case FITA_CHART_CUMULATIVE: return T_ (tr, "Cumulative execution against the planned total");
    case FITA_CHART_CHAPTERS: return T_ (tr, "Executed budget by chapter");
    case FITA_N_CHARTS:
    default: return "";
    }
}

static void
add_rate_bars (FitaChart *self, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      FitaBudgetSum sum;
      Bar bar = { NULL, 0, 0 };

      fita_plan_budget_sum (self->plan, item, self->year, 0, &sum);
      if (sum.planned == FITA_NONE && sum.executed == FITA_NONE)
        continue;
      bar.label = g_strdup_printf ("%s%s%s", item->code ? item->code : "", item->code ? " " : "",
                                   item->title ? item->title : "");
      bar.planned = sum.planned;
      bar.executed = sum.executed;
      g_array_append_val (self->bars, bar);
    }
}

FitaChart *
fita_chart_new (FitaPlan *plan, FitaChartKind kind, FitaItem *scope, gint64 year, FitaTranslator *tr)
{
  FitaChart *self = g_new0 (FitaChart, 1);

  self->plan = g_object_ref (plan);
  self->kind = kind;
  self->scope_id = scope ? scope->rec.id : 0;
  self->year = year;
  self->translator = tr ? fita_translator_ref (tr) : NULL;
  self->palette = light_palette;
  self->font = g_strdup ("Sans 9");
  self->table = fita_budget_table_new (plan, scope);
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_array_set_clear_func (self->regions, region_clear);

  if (year != FITA_NONE)
    {
      g_autofree char *y = g_strdup_printf ("%d", (int) year);
      /* Translators: a chart's title for one year, "Budget execution rate, 2024" */
      self->title = g_strdup_printf (T_ (tr, "%s, %s"), chart_title (kind, tr), y);
    }
  else
    self->title = g_strdup (chart_title (kind, tr));

  if (kind == FITA_CHART_EXECUTION_RATE)
    {
      /* the items directly below the scope; if none of them has a budget,
       * the scope itself */
      add_rate_bars (self, fita_plan_list (plan, FITA_TABLE_ITEM, self->scope_id));
      if (self->bars->len == 0 && scope != NULL)
        {
          g_autoptr(GPtrArray) alone = g_ptr_array_new ();
          g_ptr_array_add (alone, scope);
          add_rate_bars (self, alone);
        }
    }
  return self;
}

void
fita_chart_free (FitaChart *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->regions);
  g_array_unref (self->bars);
  fita_budget_table_free (self->table);
  g_clear_pointer (&self->translator, fita_translator_unref);
  g_object_unref (self->plan);
  g_free (self->font);
  g_free (self->title);
  g_free (self);
}

void
fita_chart_set_palette (FitaChart *self, const FitaChartPalette *palette)
{
  self->palette = palette ? *palette : light_palette;
}

void
fita_chart_set_font (FitaChart *self, const char *font)
{
  g_free (self->font);
  self->font = g_strdup (font);
}

const char *
fita_chart_get_title (FitaChart *self)
{
  return self->title;
}

gint64
fita_chart_nice_step (gint64 max, int ticks)
{
  double raw, magnitude, fraction, nice;

  if (max <= 0 || ticks < 1)
    return 100;
  raw = (double) max / ticks;
  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return MAX (1, (gint64) llround (nice * magnitude));
}

static gint64
value (gint64 amount)
{
  return amount == FITA_NONE ? 0 : amount;
}

gboolean
fita_chart_has_data (FitaChart *self)
{
  if (self->kind == FITA_CHART_EXECUTION_RATE)
    return self->bars->len > 0;
  return self->table->total.planned != FITA_NONE || self->table->total.executed != FITA_NONE;
}

/* Drawing */

typedef struct {
  FitaChart *self;
  FitaCanvas *canvas;
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  const char *lang;
} Painter;

static void
set_colour (FitaCanvas *canvas, const FitaRgba *c)
{
  fita_canvas_set_source_rgba (canvas, c->red, c->green, c->blue, c->alpha);
}

/* Patterns: no series is told from another by its colour alone. Planned
 * amounts are hatched outlines, executed ones solid; the chapters, in
 * order, each a texture of their own over their colour. */
typedef enum {
  FILL_SOLID,
  FILL_DIAGONAL,
  FILL_HORIZONTAL,
  FILL_BACK_DIAGONAL,
  FILL_DOTS,
  FILL_VERTICAL,
  FILL_CROSS,
  FILL_PLANNED,          /* a light tint, hatched, with an outline */
  FILL_DASHED_OUTLINE,   /* the stacked chart's planned amount: only a dashed outline */
} FillStyle;

static const FillStyle series_fills[7] = {
  FILL_SOLID, FILL_DIAGONAL, FILL_HORIZONTAL, FILL_BACK_DIAGONAL, FILL_DOTS, FILL_VERTICAL, FILL_CROSS,
};

#define HATCH_SPACING 5.5

static void
hatch (FitaCanvas *canvas, double x, double y, double w, double h, FillStyle style)
{
  switch (style)
    {
    case FILL_DIAGONAL:
    case FILL_PLANNED:
    case FILL_CROSS:
      for (double d = -h; d < w; d += HATCH_SPACING)
        {
          fita_canvas_move_to (canvas, x + d, y + h);
          fita_canvas_line_to (canvas, x + d + h, y);
        }
      if (style != FILL_CROSS)
        break;
      G_GNUC_FALLTHROUGH;
    case FILL_BACK_DIAGONAL:
      for (double d = -h; d < w; d += HATCH_SPACING)
        {
          fita_canvas_move_to (canvas, x + d, y);
          fita_canvas_line_to (canvas, x + d + h, y + h);
        }
      break;
    case FILL_HORIZONTAL:
      for (double yy = y + HATCH_SPACING / 2; yy < y + h; yy += HATCH_SPACING)
        {
          fita_canvas_move_to (canvas, x, yy);
          fita_canvas_line_to (canvas, x + w, yy);
        }
      break;
    case FILL_VERTICAL:
      for (double xx = x + HATCH_SPACING / 2; xx < x + w; xx += HATCH_SPACING)
        {
          fita_canvas_move_to (canvas, xx, y);
          fita_canvas_line_to (canvas, xx, y + h);
        }
      break;
    case FILL_DOTS:
      for (double yy = y + HATCH_SPACING / 2; yy < y + h; yy += HATCH_SPACING)
        for (double xx = x + HATCH_SPACING / 2; xx < x + w; xx += HATCH_SPACING)
          {
            fita_canvas_new_sub_path (canvas);
            fita_canvas_arc (canvas, xx, yy, 1.1, 0, 2 * G_PI);
          }
      fita_canvas_fill (canvas);
      return;
    case FILL_SOLID:
    case FILL_DASHED_OUTLINE:
    default:
      return;
    }
  fita_canvas_stroke (canvas);
}

/* A box filled in colour with style's texture. */
static void
fill_box (FitaCanvas *canvas, double x, double y, double w, double h, const FitaRgba *colour, FillStyle style,
          const FitaRgba *outline)
{
  if (w <= 0 || h <= 0)
    return;
  fita_canvas_save (canvas);
  fita_canvas_set_dash (canvas, NULL, 0, 0);
  if (style == FILL_DASHED_OUTLINE)
    {
      fita_canvas_rectangle (canvas, x + 0.5, y + 0.5, w - 1, h - 1);
      set_colour (canvas, outline);
      fita_canvas_set_line_width (canvas, 1);
      fita_canvas_set_dash (canvas, (double[]) { 4, 3 }, 2, 0);
      fita_canvas_stroke (canvas);
      fita_canvas_restore (canvas);
      return;
    }
  fita_canvas_rectangle (canvas, x, y, w, h);
  if (style == FILL_PLANNED)
    fita_canvas_set_source_rgba (canvas, colour->red, colour->green, colour->blue, colour->alpha * 0.3);
  else
    set_colour (canvas, colour);
  fita_canvas_fill (canvas);
  /* the texture, inside the box */
  fita_canvas_save (canvas);
  fita_canvas_rectangle (canvas, x, y, w, h);
  fita_canvas_clip (canvas);
  fita_canvas_set_line_width (canvas, 1.2);
  if (style == FILL_PLANNED)
    set_colour (canvas, outline);
  else
    {
      /* light lines on a dark colour, dark ones on a light colour */
      double luma = 0.2126 * colour->red + 0.7152 * colour->green + 0.0722 * colour->blue;
      fita_canvas_set_source_rgba (canvas, luma < 0.5 ? 1 : 0, luma < 0.5 ? 1 : 0, luma < 0.5 ? 1 : 0,
                                   luma < 0.5 ? 0.6 : 0.4);
    }
  hatch (canvas, x, y, w, h, style);
  fita_canvas_restore (canvas);
  if (style == FILL_PLANNED)
    {
      fita_canvas_rectangle (canvas, x + 0.75, y + 0.75, w - 1.5, h - 1.5);
      set_colour (canvas, outline);
      fita_canvas_set_line_width (canvas, 1.5);
      fita_canvas_stroke (canvas);
    }
  fita_canvas_restore (canvas);
}

/* Draws text with its left (align 0), centre (0.5) or right (1) at x and its
 * vertical middle at y; returns its width. */
static double
text_at (Painter *p, const char *text, double x, double y, double align, gboolean bold,
         const FitaRgba *colour, double max_width)
{
  int width, height;

  pango_layout_set_font_description (p->layout, bold ? p->bold : p->font);
  pango_layout_set_width (p->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_size (p->layout, &width, &height);
  set_colour (p->canvas, colour);
  fita_canvas_show_layout (p->canvas, p->layout, x - width * align, y - height / 2.0);
  return width;
}

static double
text_size (Painter *p, const char *text, double *height)
{
  int w, h;

  pango_layout_set_font_description (p->layout, p->font);
  pango_layout_set_width (p->layout, -1);
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_size (p->layout, &w, &h);
  if (height)
    *height = h;
  return w;
}

static void
add_region (FitaChart *self, double x, double y, double w, double h, char *text)
{
  Region region = { x, y, w, h, text };

  g_array_append_val (self->regions, region);
}

static char *
amounts_text (Painter *p, const char *label, gint64 planned, gint64 executed)
{
  g_autofree char *a = fita_money_format (planned, p->lang);
  g_autofree char *b = fita_money_format (executed, p->lang);
  gint64 rate = fita_rate_bp (executed, planned);
  g_autofree char *r = rate != FITA_NONE ? fita_percent_format_bp (rate, p->lang) : g_strdup ("—");

  /* Translators: a chart's tooltip: "2024 — planned: 120.000,00 €, executed: 7.521,36 €, rate: 6,27 %" */
  return g_strdup_printf (T_ (p->self->translator, "%s — planned: %s, executed: %s, rate: %s"), label, a, b, r);
}

typedef struct {
  double left, top, right, bottom;   /* the plotting area */
  gint64 max, step;
} Axis;

/* A vertical money axis with round ticks; fills in axis->left. */
static void
draw_money_axis (Painter *p, Axis *axis)
{
  FitaChart *self = p->self;
  FitaCanvas *canvas = p->canvas;
  double label_width = 0;

  if (axis->max <= 0)
    axis->max = 100000;
  axis->step = fita_chart_nice_step (axis->max, 5);
  axis->max = ((axis->max + axis->step - 1) / axis->step) * axis->step;

  for (gint64 tick = 0; tick <= axis->max; tick += axis->step)
    {
      g_autofree char *label = fita_money_format_short (tick, p->lang);
      label_width = MAX (label_width, text_size (p, label, NULL));
    }
  axis->left += label_width + 8;

  fita_canvas_set_line_width (canvas, 1);
  for (gint64 tick = 0; tick <= axis->max; tick += axis->step)
    {
      double y = floor (axis->bottom - (axis->bottom - axis->top) * tick / (double) axis->max) + 0.5;
      g_autofree char *label = fita_money_format_short (tick, p->lang);
      set_colour (canvas, &self->palette.grid);
      fita_canvas_move_to (canvas, axis->left, y);
      fita_canvas_line_to (canvas, axis->right, y);
      fita_canvas_stroke (canvas);
      text_at (p, label, axis->left - 6, y, 1, FALSE, &self->palette.dim_text, -1);
    }
}

static double
y_for (Axis *axis, gint64 amount)
{
  return axis->bottom - (axis->bottom - axis->top) * value (amount) / (double) axis->max;
}

/* Draws the legend from (x, y), wrapping before right, each swatch in its
 * series' colour and pattern; returns the lines used. */
static int
legend (Painter *p, double x, double y, double right, const char **labels, const FitaRgba **colours,
        const FillStyle *styles, guint n)
{
  double start = x, line_height;
  int lines = 1;

  text_size (p, "Àg", &line_height);
  for (guint i = 0; i < n; i++)
    {
      double width = 20 + text_size (p, labels[i], NULL) + 16;
      if (x > start && x + width > right)
        {
          x = start;
          y += line_height * 1.3;
          lines++;
        }
      fill_box (p->canvas, x, y - 6, 15, 12, colours[i], styles[i],
                styles[i] == FILL_PLANNED ? &p->self->palette.executed : &p->self->palette.text);
      text_at (p, labels[i], x + 20, y, 0, FALSE, &p->self->palette.text, -1);
      x += width;
    }
  return lines;
}

static void
draw_years (Painter *p, Axis *axis, gboolean stacked)
{
  FitaChart *self = p->self;
  FitaBudgetTable *t = self->table;
  FitaCanvas *canvas = p->canvas;
  int first = self->year != FITA_NONE ? (int) self->year : t->first_year;
  int last = self->year != FITA_NONE ? (int) self->year : t->last_year;
  int n = last - first + 1;
  double slot, x;

  axis->max = 0;
  for (int y = first; y <= last; y++)
    {
      FitaBudgetSum sum = fita_budget_table_year (t, y);
      axis->max = MAX (axis->max, MAX (value (sum.planned), value (sum.executed)));
    }
  draw_money_axis (p, axis);
  slot = (axis->right - axis->left) / n;

  for (int y = first; y <= last; y++)
    {
      FitaBudgetSum sum = fita_budget_table_year (t, y);
      char label[8];
      g_snprintf (label, sizeof label, "%d", y);
      x = axis->left + (y - first) * slot;
      text_at (p, label, x + slot / 2, axis->bottom + 12, 0.5, FALSE, &self->palette.text, -1);

      if (!stacked)
        {
          double w = MIN (slot * 0.34, 48);
          double cx = x + slot / 2;
          if (sum.planned != FITA_NONE)
            {
              fill_box (canvas, cx - w - 1, y_for (axis, sum.planned), w, axis->bottom - y_for (axis, sum.planned),
                        &self->palette.planned, FILL_PLANNED, &self->palette.executed);
            }
          if (sum.executed != FITA_NONE)
            {
              fill_box (canvas, cx + 1, y_for (axis, sum.executed), w, axis->bottom - y_for (axis, sum.executed),
                        &self->palette.executed, FILL_SOLID, NULL);
            }
        }
      else
        {
          double w = MIN (slot * 0.55, 64);
          double cx = x + slot / 2, base = axis->bottom;
          for (guint c = 0; c < t->n_chapters; c++)
            {
              FitaBudgetSum *cell = fita_budget_table_cell (t, y, c);
              double top;
              if (value (cell->executed) == 0)
                continue;
              top = base - (axis->bottom - axis->top) * value (cell->executed) / (double) axis->max;
              fill_box (canvas, cx - w / 2, top, w, base - top, &self->palette.series[c % 7], series_fills[c % 7], NULL);
              base = top;
            }
          if (sum.planned != FITA_NONE)
            {
              fita_canvas_rectangle (canvas, cx - w / 2 - 3.5, y_for (axis, sum.planned) + 0.5, w + 7, axis->bottom - y_for (axis, sum.planned) - 0.5);
              set_colour (canvas, &self->palette.text);
              fita_canvas_set_line_width (canvas, 1);
              fita_canvas_set_dash (canvas, (double[]) { 4, 3 }, 2, 0);
              fita_canvas_stroke (canvas);
              fita_canvas_set_dash (canvas, NULL, 0, 0);
            }
        }
      add_region (self, x, axis->top, slot, axis->bottom - axis->top, amounts_text (p, label, sum.planned, sum.executed));
    }
}

static void
draw_rates (Painter *p, Axis *axis)
{
  FitaChart *self = p->self;
  FitaCanvas *canvas = p->canvas;
  double label_width = 0, row, scale_max = 100;
  guint n = self->bars->len;

  for (guint i = 0; i < n; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      gint64 rate = fita_rate_bp (bar->executed, bar->planned);
      label_width = MAX (label_width, MIN (text_size (p, bar->label, NULL), (axis->right - axis->left) * 0.4));
      if (rate != FITA_NONE)
        scale_max = MAX (scale_max, rate / 100.0);
    }
  scale_max = ceil (scale_max / 25) * 25;
  axis->left += label_width + 10;
  row = MIN (34, (axis->bottom - axis->top) / MAX (1, n));

  /* percent grid */
  for (int pct = 0; pct <= scale_max; pct += 25)
    {
      double x = floor (axis->left + (axis->right - axis->left - 60) * pct / scale_max) + 0.5;
      g_autofree char *label = fita_percent_format (pct, p->lang);
      set_colour (canvas, pct == 100 ? &self->palette.text : &self->palette.grid);
      fita_canvas_set_line_width (canvas, pct == 100 ? 1.5 : 1);
      fita_canvas_move_to (canvas, x, axis->top);
      fita_canvas_line_to (canvas, x, axis->top + row * n);
      fita_canvas_stroke (canvas);
      text_at (p, label, x, axis->top + row * n + 10, 0.5, FALSE, &self->palette.dim_text, -1);
    }

  for (guint i = 0; i < n; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      gint64 rate = fita_rate_bp (bar->executed, bar->planned);
      double top = axis->top + i * row;
      double cy = top + row / 2;
      text_at (p, bar->label, axis->left - 10, cy, 1, FALSE, &self->palette.text, label_width);
      if (rate != FITA_NONE)
        {
          double w = (axis->right - axis->left - 60) * (rate / 100.0) / scale_max;
          g_autofree char *text = fita_percent_format_bp (rate, p->lang);
          /* above 100 %: another colour and hatched, besides the figure */
          fill_box (canvas, axis->left, top + row * 0.2, w, row * 0.6,
                    rate > 10000 ? &self->palette.series[4] : &self->palette.executed,
                    rate > 10000 ? FILL_DIAGONAL : FILL_SOLID, NULL);
          text_at (p, text, axis->left + w + 6, cy, 0, FALSE, &self->palette.text, -1);
        }
      else
        /* Translators: an item with execution but nothing planned: no rate */
        text_at (p, T_ (self->translator, "nothing planned"), axis->left + 6, cy, 0, FALSE, &self->palette.dim_text, -1);
      add_region (self, axis->left - label_width - 10, top, axis->right - axis->left + label_width + 10, row,
                  amounts_text (p, bar->label, bar->planned, bar->executed));
    }
}

static void
draw_cumulative (Painter *p, Axis *axis)
{
  FitaChart *self = p->self;
  FitaBudgetTable *t = self->table;
  FitaCanvas *canvas = p->canvas;
  gint64 total = t->total.planned;
  gint64 running = 0;
  int n = t->last_year - t->first_year + 1;
  double slot;

  axis->max = value (total);
  for (int y = t->first_year; y <= t->last_year; y++)
    running += value (fita_budget_table_year (t, y).executed);
  axis->max = MAX (axis->max, running);
  draw_money_axis (p, axis);
  slot = (axis->right - axis->left) / n;

  if (total != FITA_NONE)
    {
      double y = floor (y_for (axis, total)) + 0.5;
      g_autofree char *amount = fita_money_format (total, p->lang);
      g_autofree char *label = g_strdup_printf ("%s: %s", T_ (self->translator, "Planned total"), amount);
      set_colour (canvas, &self->palette.series[1]);
      fita_canvas_set_line_width (canvas, 2);
      fita_canvas_set_dash (canvas, (double[]) { 6, 4 }, 2, 0);
      fita_canvas_move_to (canvas, axis->left, y);
      fita_canvas_line_to (canvas, axis->right, y);
      fita_canvas_stroke (canvas);
      fita_canvas_set_dash (canvas, NULL, 0, 0);
      text_at (p, label, axis->right, y - 10, 1, TRUE, &self->palette.text, -1);
    }

  running = 0;
  fita_canvas_set_line_width (canvas, 2.5);
  set_colour (canvas, &self->palette.executed);
  fita_canvas_move_to (canvas, axis->left, axis->bottom);
  for (int y = t->first_year; y <= t->last_year; y++)
    {
      running += value (fita_budget_table_year (t, y).executed);
      fita_canvas_line_to (canvas, axis->left + (y - t->first_year + 1) * slot, y_for (axis, running));
    }
  fita_canvas_stroke (canvas);

  running = 0;
  for (int y = t->first_year; y <= t->last_year; y++)
    {
      double x = axis->left + (y - t->first_year + 1) * slot;
      char label[8];
      g_snprintf (label, sizeof label, "%d", y);
      running += value (fita_budget_table_year (t, y).executed);
      fita_canvas_arc (canvas, x, y_for (axis, running), 3.5, 0, 2 * G_PI);
      set_colour (canvas, &self->palette.executed);
      fita_canvas_fill (canvas);
      text_at (p, label, x - slot / 2, axis->bottom + 12, 0.5, FALSE, &self->palette.text, -1);
      add_region (self, x - slot, axis->top, slot, axis->bottom - axis->top,
                  amounts_text (p, label, total, running));
    }
}

static void
draw_chapters (Painter *p, Axis *axis)
{
  FitaChart *self = p->self;
  FitaBudgetTable *t = self->table;
  FitaCanvas *canvas = p->canvas;
  gint64 all = 0, max = 0;
  double label_width = 0, row;
  guint shown = 0;
  GPtrArray *chapters = fita_plan_list (self->plan, FITA_TABLE_CHAPTER, 0);

  for (guint c = 0; c < t->n_chapters; c++)
    {
      FitaBudgetSum sum = self->year != FITA_NONE ? *fita_budget_table_cell (t, (int) self->year, c)
                                                  : fita_budget_table_chapter (t, c);
      all += value (sum.executed);
      max = MAX (max, value (sum.executed));
    }
  for (guint c = 0; c < chapters->len; c++)
    label_width = MAX (label_width, MIN (text_size (p, ((FitaChapter *) g_ptr_array_index (chapters, c))->name, NULL),
                                         (axis->right - axis->left) * 0.45));
  axis->left += label_width + 10;
  row = MIN (34, (axis->bottom - axis->top) / MAX (1, t->n_chapters));

  for (guint c = 0; c < t->n_chapters; c++)
    {
      FitaBudgetSum sum = self->year != FITA_NONE ? *fita_budget_table_cell (t, (int) self->year, c)
                                                  : fita_budget_table_chapter (t, c);
      const char *name = c < chapters->len ? ((FitaChapter *) g_ptr_array_index (chapters, c))->name
                                           : T_ (self->translator, "No chapter");
      double top = axis->top + shown * row, cy = top + row / 2;
      if (c == t->n_chapters - 1 && sum.executed == FITA_NONE && sum.planned == FITA_NONE)
        continue;
      text_at (p, name, axis->left - 10, cy, 1, FALSE, &self->palette.text, label_width);
      if (max > 0 && value (sum.executed) > 0)
        {
          double w = (axis->right - axis->left - 150) * value (sum.executed) / (double) max;
          g_autofree char *amount = fita_money_format (sum.executed, p->lang);
          g_autofree char *share = fita_percent_format_bp (fita_rate_bp (sum.executed, all), p->lang);
          g_autofree char *text = g_strdup_printf ("%s (%s)", amount, share);
          fill_box (canvas, axis->left, top + row * 0.2, w, row * 0.6, &self->palette.series[c % 7],
                    series_fills[c % 7], NULL);
          text_at (p, text, axis->left + w + 6, cy, 0, FALSE, &self->palette.text, -1);
        }
      else
        text_at (p, "-", axis->left + 4, cy, 0, FALSE, &self->palette.dim_text, -1);
      add_region (self, axis->left - label_width - 10, top, axis->right - axis->left + label_width + 10, row,
                  amounts_text (p, name, sum.planned, sum.executed));
      shown++;
    }
}

void
fita_chart_draw (FitaChart *self, cairo_t *cr, double width, double height)
{
  g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_cairo (cr);

  fita_chart_draw_on (self, canvas, width, height);
}

void
fita_chart_draw_on (FitaChart *self, FitaCanvas *canvas, double width, double height)
{
  Painter p = { self, canvas, NULL, NULL, NULL, fita_translator_get_lang (self->translator) };
  double line, title_height;
  Axis axis;

  g_array_set_size (self->regions, 0);
  fita_canvas_save (canvas);
  p.layout = pango_cairo_create_layout (fita_canvas_get_context (canvas));
  p.font = pango_font_description_from_string (self->font);
  p.bold = pango_font_description_copy (p.font);
  pango_font_description_set_weight (p.bold, PANGO_WEIGHT_BOLD);
  pango_layout_set_ellipsize (p.layout, PANGO_ELLIPSIZE_END);
  /* no ligatures, as in the reports' text: in a PDF each letter is then a
   * glyph of its own, which text extraction and screen readers read right */
  {
    PangoAttrList *attributes = pango_attr_list_new ();
    pango_attr_list_insert (attributes, pango_attr_font_features_new ("liga 0, clig 0"));
    pango_layout_set_attributes (p.layout, attributes);
    pango_attr_list_unref (attributes);
  }

  set_colour (canvas, &self->palette.background);
  fita_canvas_rectangle (canvas, 0, 0, width, height);
  fita_canvas_fill (canvas);

  text_size (&p, "Àg", &line);
  title_height = line * 1.6;
  text_at (&p, self->title, 12, title_height / 2 + 4, 0, TRUE, &self->palette.text, width - 24);

  axis.left = 12;
  axis.right = width - 16;
  axis.top = title_height + line * 2.2;
  axis.bottom = height - line * 2.2;

  if (!fita_chart_has_data (self))
    text_at (&p, T_ (self->translator, "No budget amounts yet"), width / 2, (axis.top + axis.bottom) / 2, 0.5,
             FALSE, &self->palette.dim_text, -1);
  else
    switch (self->kind)
      {
      case FITA_CHART_PLANNED_EXECUTED:
      case FITA_CHART_STACKED:
        {
          const char *labels[] = { T_ (self->translator, "Planned"), T_ (self->translator, "Executed") };
          gboolean stacked = self->kind == FITA_CHART_STACKED;
          int lines;
          if (!stacked)
            {
              const FitaRgba *colours[] = { &self->palette.planned, &self->palette.executed };
              const FillStyle styles[] = { FILL_PLANNED, FILL_SOLID };
              FitaBudgetSum whole = self->table->total;
              lines = legend (&p, 12, title_height + line, width - 16, labels, colours, styles, 2);
              /* a plan budgeted for the whole period, not year by year */
              if (whole.planned != FITA_NONE && self->year == FITA_NONE)
                {
                  gboolean yearly = FALSE;
                  for (int y = self->table->first_year; y <= self->table->last_year; y++)
                    yearly |= fita_budget_table_year (self->table, y).planned != FITA_NONE;
                  if (!yearly)
                    {
                      g_autofree char *amount = fita_money_format (whole.planned, p.lang);
                      g_autofree char *note = g_strdup_printf (T_ (self->translator, "Planned for the whole period: %s"), amount);
                      text_at (&p, note, width - 16, title_height + line, 1, FALSE, &self->palette.dim_text, -1);
                    }
                }
            }
          else
            {
              GPtrArray *chapters = fita_plan_list (self->plan, FITA_TABLE_CHAPTER, 0);
              g_autofree const char **names = g_new0 (const char *, chapters->len + 1);
              g_autofree const FitaRgba **colours = g_new0 (const FitaRgba *, chapters->len + 1);
              g_autofree FillStyle *styles = g_new0 (FillStyle, chapters->len + 1);
              names[0] = labels[0];
              colours[0] = &self->palette.text;
              styles[0] = FILL_DASHED_OUTLINE;
              for (guint c = 0; c < chapters->len && c < 6; c++)
                {
                  names[c + 1] = ((FitaChapter *) g_ptr_array_index (chapters, c))->name;
                  colours[c + 1] = &self->palette.series[c % 7];
                  styles[c + 1] = series_fills[c % 7];
                }
              lines = legend (&p, 12, title_height + line, width - 16, names, colours, styles, MIN (chapters->len, 6) + 1);
            }
          axis.top += (lines - 1) * line * 1.3;
          draw_years (&p, &axis, stacked);
        }
        break;
      case FITA_CHART_EXECUTION_RATE:
        draw_rates (&p, &axis);
        break;
      case FITA_CHART_CUMULATIVE:
        draw_cumulative (&p, &axis);
        break;
      case FITA_CHART_CHAPTERS:
        draw_chapters (&p, &axis);
        break;
      case FITA_N_CHARTS:
      default:
        break;
      }

  pango_font_description_free (p.font);
  pango_font_description_free (p.bold);
  g_object_unref (p.layout);
  fita_canvas_restore (canvas);
}

char *
fita_chart_describe_at (FitaChart *self, double x, double y)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *r = &g_array_index (self->regions, Region, i);
      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return g_strdup (r->text);
    }
  return NULL;
}

/* The figures as a table, and in a sentence */

static char **
row_new (GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  return (char **) g_ptr_array_free (cells, FALSE);
}

static GPtrArray *
cells_new (const char *label)
{
  GPtrArray *cells = g_ptr_array_new ();

  g_ptr_array_add (cells, g_strdup (label));
  return cells;
}

static void
add_money (GPtrArray *cells, gint64 cents, const char *lang)
{
  g_ptr_array_add (cells, fita_money_format (cents, lang));
}

static void
add_rate (GPtrArray *cells, gint64 part, gint64 whole, const char *lang)
{
  g_ptr_array_add (cells, fita_percent_format_bp (fita_rate_bp (part, whole), lang));
}

/* Planned, executed and their rate, as in the tooltips. */
static char **
amounts_row (const char *label, FitaBudgetSum sum, const char *lang)
{
  GPtrArray *cells = cells_new (label);

  add_money (cells, sum.planned, lang);
  add_money (cells, sum.executed, lang);
  add_rate (cells, sum.executed, sum.planned, lang);
  return row_new (cells);
}

static char **
headings_row (FitaTranslator *tr, const char *first, const char *second, const char *third, const char *fourth)
{
  const char *headings[] = { T_ (tr, first), T_ (tr, second), T_ (tr, third), T_ (tr, fourth), NULL };

  return g_strdupv ((char **) headings);
}

static gboolean
chapter_shown (FitaBudgetTable *t, guint c, FitaBudgetSum sum)
{
  /* the "no chapter" row only when something is in it, as drawn */
  return c < t->n_chapters - 1 || sum.executed != FITA_NONE || sum.planned != FITA_NONE;
}

static void
years_table (FitaChart *self, GPtrArray *rows, const char *lang)
{
  FitaBudgetTable *t = self->table;
  FitaTranslator *tr = self->translator;
  int first = self->year != FITA_NONE ? (int) self->year : t->first_year;
  int last = self->year != FITA_NONE ? (int) self->year : t->last_year;

  g_ptr_array_add (rows, headings_row (tr, N_("Year"), N_("Planned"), N_("Executed"), N_("Execution rate")));
  for (int y = first; y <= last; y++)
    {
      char label[8];
      g_snprintf (label, sizeof label, "%d", y);
      g_ptr_array_add (rows, amounts_row (label, fita_budget_table_year (t, y), lang));
    }
  /* the whole period, with what is planned for it and not for a year */
  if (self->year == FITA_NONE)
    g_ptr_array_add (rows, amounts_row (T_ (tr, "Total"), t->total, lang));
}

static void
stacked_table (FitaChart *self, GPtrArray *rows, const char *lang)
{
  FitaBudgetTable *t = self->table;
  FitaTranslator *tr = self->translator;
  GPtrArray *chapters = fita_plan_list (self->plan, FITA_TABLE_CHAPTER, 0);
  int first = self->year != FITA_NONE ? (int) self->year : t->first_year;
  int last = self->year != FITA_NONE ? (int) self->year : t->last_year;
  GPtrArray *headings = cells_new (T_ (tr, "Year"));
  g_autofree gboolean *shown = g_new0 (gboolean, t->n_chapters);

  g_ptr_array_add (headings, g_strdup (T_ (tr, "Planned")));
  for (guint c = 0; c < t->n_chapters; c++)
    {
      for (int y = first; y <= last; y++)
        shown[c] |= chapter_shown (t, c, *fita_budget_table_cell (t, y, c));
      if (shown[c])
        g_ptr_array_add (headings, g_strdup (c < chapters->len ? ((FitaChapter *) g_ptr_array_index (chapters, c))->name
                                                               : T_ (tr, "No chapter")));
    }
  g_ptr_array_add (headings, g_strdup (T_ (tr, "Executed")));
  g_ptr_array_add (rows, row_new (headings));
  for (int y = first; y <= last; y++)
    {
      FitaBudgetSum sum = fita_budget_table_year (t, y);
      char label[8];
      GPtrArray *cells;

      g_snprintf (label, sizeof label, "%d", y);
      cells = cells_new (label);
      add_money (cells, sum.planned, lang);
      for (guint c = 0; c < t->n_chapters; c++)
        if (shown[c])
          add_money (cells, fita_budget_table_cell (t, y, c)->executed, lang);
      add_money (cells, sum.executed, lang);
      g_ptr_array_add (rows, row_new (cells));
    }
}

static void
rates_table (FitaChart *self, GPtrArray *rows, const char *lang)
{
  g_ptr_array_add (rows, headings_row (self->translator, N_("Item"), N_("Planned"), N_("Executed"), N_("Execution rate")));
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      FitaBudgetSum sum = { .planned = bar->planned, .executed = bar->executed };
      g_ptr_array_add (rows, amounts_row (bar->label, sum, lang));
    }
}

static void
cumulative_table (FitaChart *self, GPtrArray *rows, const char *lang)
{
  FitaBudgetTable *t = self->table;
  gint64 running = 0;

  /* Translators: a column of the cumulative chart's table: executed up to that year */
  g_ptr_array_add (rows, headings_row (self->translator, N_("Year"), N_("Executed"), N_("Executed so far"),
                                       N_("Execution rate")));
  for (int y = t->first_year; y <= t->last_year; y++)
    {
      gint64 executed = fita_budget_table_year (t, y).executed;
      char label[8];
      GPtrArray *cells;

      g_snprintf (label, sizeof label, "%d", y);
      running += value (executed);
      cells = cells_new (label);
      add_money (cells, executed, lang);
      add_money (cells, running, lang);
      /* of the planned total, the line the chart draws */
      add_rate (cells, running, t->total.planned, lang);
      g_ptr_array_add (rows, row_new (cells));
    }
}

static void
chapters_table (FitaChart *self, GPtrArray *rows, const char *lang)
{
  FitaBudgetTable *t = self->table;
  FitaTranslator *tr = self->translator;
  GPtrArray *chapters = fita_plan_list (self->plan, FITA_TABLE_CHAPTER, 0);
  gint64 all = 0;

  g_ptr_array_add (rows, headings_row (tr, N_("Chapter"), N_("Planned"), N_("Executed"), N_("Share")));
  for (guint c = 0; c < t->n_chapters; c++)
    {
      FitaBudgetSum sum = self->year != FITA_NONE ? *fita_budget_table_cell (t, (int) self->year, c)
                                                  : fita_budget_table_chapter (t, c);
      all += value (sum.executed);
    }
  for (guint c = 0; c < t->n_chapters; c++)
    {
      FitaBudgetSum sum = self->year != FITA_NONE ? *fita_budget_table_cell (t, (int) self->year, c)
                                                  : fita_budget_table_chapter (t, c);
      GPtrArray *cells;

      if (!chapter_shown (t, c, sum))
        continue;
      cells = cells_new (c < chapters->len ? ((FitaChapter *) g_ptr_array_index (chapters, c))->name
                                           : T_ (tr, "No chapter"));
      add_money (cells, sum.planned, lang);
      add_money (cells, sum.executed, lang);
      add_rate (cells, sum.executed, all, lang);
      g_ptr_array_add (rows, row_new (cells));
    }
}

GPtrArray *
fita_chart_get_table (FitaChart *self)
{
  const char *lang = fita_translator_get_lang (self->translator);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  switch (self->kind)
    {
    case FITA_CHART_PLANNED_EXECUTED:
      years_table (self, rows, lang);
      break;
    case FITA_CHART_STACKED:
      stacked_table (self, rows, lang);
      break;
    case FITA_CHART_EXECUTION_RATE:
      rates_table (self, rows, lang);
      break;
    case FITA_CHART_CUMULATIVE:
      cumulative_table (self, rows, lang);
      break;
    case FITA_CHART_CHAPTERS:
      chapters_table (self, rows, lang);
      break;
    case FITA_N_CHARTS:
    default:
      break;
    }
  if (!fita_chart_has_data (self))
    g_ptr_array_set_size (rows, MIN (rows->len, 1));
  return rows;
}

char *
fita_chart_get_table_text (FitaChart *self)
{
  g_autoptr(GPtrArray) rows = fita_chart_get_table (self);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          /* a tab or a line end inside a name would split its cell */
          g_autofree char *cell = g_strdelimit (g_strdup (cells[c]), "\t\r\n", ' ');
          if (c > 0)
            g_string_append_c (text, '\t');
          g_string_append (text, cell);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

char *
fita_chart_get_summary (FitaChart *self)
{
  FitaTranslator *tr = self->translator;
  const char *lang = fita_translator_get_lang (tr);
  g_autoptr(GPtrArray) rows = fita_chart_get_table (self);
  FitaBudgetSum whole = self->year != FITA_NONE ? fita_budget_table_year (self->table, (int) self->year)
                                                : self->table->total;
  GString *text = g_string_new (self->title);

  g_string_append (text, ". ");
  if (!fita_chart_has_data (self))
    {
      g_string_append (text, T_ (tr, "No budget amounts yet"));
      g_string_append_c (text, '.');
      return g_string_free (text, FALSE);
    }
  {
    g_autofree char *executed = fita_money_format (whole.executed, lang);
    g_autofree char *planned = fita_money_format (whole.planned, lang);
    g_autofree char *rate = fita_percent_format_bp (fita_rate_bp (whole.executed, whole.planned), lang);
    /* Translators: a chart's summary for screen readers: "Executed 12.223,69 € of 120.000,00 € planned, 10,19 %" */
    g_string_append_printf (text, T_ (tr, "Executed %s of %s planned, %s."), executed, planned, rate);
  }
  /* then each row of the table with figures: "2024 — Planned: 20.000,00 €,
   * Executed: …"; what is not known is left unsaid */
  {
    g_autofree char *no_money = fita_money_format (FITA_NONE, lang);
    g_autofree char *no_rate = fita_percent_format_bp (FITA_NONE, lang);
    char **headings = g_ptr_array_index (rows, 0);

    for (guint i = 1; i < rows->len; i++)
      {
        char **cells = g_ptr_array_index (rows, i);
        guint said = 0;

        for (guint c = 1; cells[c] != NULL && headings[c] != NULL; c++)
          {
            if (g_str_equal (cells[c], no_money) || g_str_equal (cells[c], no_rate))
              continue;
            g_string_append_printf (text, said == 0 ? " %s — " : ", ", cells[0]);
            g_string_append_printf (text, "%s: %s", headings[c], cells[c]);
            said++;
          }
        if (said > 0)
          g_string_append_c (text, '.');
      }
  }
  return g_string_free (text, FALSE);
}
