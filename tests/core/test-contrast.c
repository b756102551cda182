/* Text contrast as printed: every text colour of the reports and of the
 * charts' light palette against what it is drawn over, by WCAG 2.x (AA:
 * 4.5:1 for text, 3:1 only for large text, 18 pt or bold 14 pt). */
#include "fita-chart.h"
#include "fita-timeline.h"
#include "fita-report-private.h"

#include <math.h>

/* WCAG 2.x relative luminance of an sRGB colour */
static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const FitaRgba *c)
{
  return 0.2126 * channel (c->red) + 0.7152 * channel (c->green) + 0.0722 * channel (c->blue);
}

static double
contrast (const FitaRgba *a, const FitaRgba *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

typedef struct {
  const char *what;
  const FitaRgba *text;
  const char *over;
  const FitaRgba *background;
  gboolean large;
} Pair;

static void
check (const Pair *pairs, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      double ratio = contrast (pairs[i].text, pairs[i].background);
      double needed = pairs[i].large ? 3.0 : 4.5;

      /* drawn opaque: an alpha would lower the contrast the ratio says */
      g_assert_cmpfloat (pairs[i].text->alpha, ==, 1.0);
      g_assert_cmpfloat (pairs[i].background->alpha, ==, 1.0);
      g_test_message ("%s over %s: %.2f:1", pairs[i].what, pairs[i].over, ratio);
      if (ratio < needed)
        g_error ("%s over %s: %.2f:1, below %.1f:1", pairs[i].what, pairs[i].over, ratio, needed);
    }
}

/* colour, with its alpha, painted over an opaque background */
static FitaRgba
over (const FitaRgba *colour, const FitaRgba *background)
{
  double a = colour->alpha;

  return (FitaRgba) { colour->red * a + background->red * (1 - a), colour->green * a + background->green * (1 - a),
                      colour->blue * a + background->blue * (1 - a), 1 };
}

static void
test_formula (void)
{
  const FitaRgba black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, grey = { 0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0, 1 };

  g_assert_cmpfloat_with_epsilon (contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (&white, &white), 1.0, 1e-9);
  /* #767676, the lightest grey that passes AA on white */
  g_assert_cmpfloat_with_epsilon (contrast (&grey, &white), 4.54, 0.01);
}

static void
test_reports (void)
{
  const FitaDocColours *c = fita_doc_colours ();
  /* body text, dim text (notes, the running header and footer) and the
   * accent (headings, links, the title) over the page; table cells in ink
   * over the heading row's shading and the alternate rows, and the dim and
   * accent tones there too, should a table ever use them */
  const Pair pairs[] = {
    { "ink", &c->ink, "page", &c->page, FALSE },
    { "dim", &c->dim, "page", &c->page, FALSE },
    { "accent", &c->accent, "page", &c->page, FALSE },
    { "ink", &c->ink, "heading row", &c->head_fill, FALSE },
    { "dim", &c->dim, "heading row", &c->head_fill, FALSE },
    { "accent", &c->accent, "heading row", &c->head_fill, FALSE },
    { "ink", &c->ink, "alternate row", &c->zebra, FALSE },
    { "dim", &c->dim, "alternate row", &c->zebra, FALSE },
    { "accent", &c->accent, "alternate row", &c->zebra, FALSE },
  };

  check (pairs, G_N_ELEMENTS (pairs));
}

static void
test_charts (void)
{
  const FitaChartPalette *p = fita_chart_light_palette ();
  const FitaDocColours *c = fita_doc_colours ();
  /* a chart's titles, labels and legend in text, its axes and notes in
   * dim text, over its background; and its background is the page's, so
   * a chart in a report reads the same */
  const Pair pairs[] = {
    { "chart text", &p->text, "chart background", &p->background, FALSE },
    { "chart dim text", &p->dim_text, "chart background", &p->background, FALSE },
    { "chart text", &p->text, "page", &c->page, FALSE },
    { "chart dim text", &p->dim_text, "page", &c->page, FALSE },
  };

  check (pairs, G_N_ELEMENTS (pairs));
}

/* The timeline as the work plan's calendar and the exported pictures draw
 * it: labels, "who" and the years' heading in text and dim text, over the
 * rows (plain and striped), the selected row, and the shading of the
 * plan's period and of the year followed up (translucent, so composited). */
static void
test_timeline (void)
{
  const FitaTimelinePalette *p = fita_timeline_light_palette ();
  FitaRgba selected = over (&p->selection, &p->stripe);
  FitaRgba period = over (&p->period, &p->stripe);
  FitaRgba followed = over (&p->followed, &period);
  const FitaRgba *texts[] = { &p->text, &p->dim_text };
  const char *text_names[] = { "timeline text", "timeline dim text" };
  const FitaRgba *grounds[] = { &p->background, &p->stripe, &selected, &period, &followed };
  const char *ground_names[] = { "background", "stripe", "selected row", "period", "year followed" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint g = 0; g < G_N_ELEMENTS (grounds); g++)
      {
        const Pair pair = { text_names[t], texts[t], ground_names[g], grounds[g], FALSE };
        check (&pair, 1);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/contrast/formula", test_formula);
  g_test_add_func ("/contrast/reports", test_reports);
  g_test_add_func ("/contrast/timeline", test_timeline);
  g_test_add_func ("/contrast/charts", test_charts);
  return g_test_run ();
}
