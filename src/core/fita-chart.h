/* fita-chart.h: the budget charts, drawn on a cairo_t: one routine per
 * chart, shared by the Budget page, the reports and `fita-cli chart`. */
#pragma once

#include "fita-canvas.h"
#include <cairo.h>
#include "fita-i18n.h"
#include "fita-plan.h"
#include "fita-timeline.h"

G_BEGIN_DECLS

typedef enum {
  FITA_CHART_PLANNED_EXECUTED,   /* per year: planned and executed side by side */
  FITA_CHART_STACKED,            /* per year: executed stacked by chapter, planned as an outline */
  FITA_CHART_EXECUTION_RATE,     /* per item below the scope: executed / planned */
  FITA_CHART_CUMULATIVE,         /* executed, summed year after year, against the planned total */
  FITA_CHART_CHAPTERS,           /* share of each budget chapter */
  FITA_N_CHARTS
} FitaChartKind;

extern const char * const fita_chart_kind_keywords[];

typedef struct {
  FitaRgba text;
  FitaRgba dim_text;
  FitaRgba background;
  FitaRgba grid;
  FitaRgba planned;
  FitaRgba executed;
  FitaRgba series[7];     /* chapters, in order; colour-blind safe */
} FitaChartPalette;

typedef struct _FitaChart FitaChart;

/* The palette charts are drawn in unless told otherwise: dark text on
 * white, as printed (the reports, `fita-cli chart`). */
const FitaChartPalette *fita_chart_light_palette (void);

/* scope NULL: the whole plan; year FITA_NONE: every year. */
FitaChart   *fita_chart_new         (FitaPlan               *plan,
                                     FitaChartKind           kind,
                                     FitaItem               *scope,
                                     gint64                  year,
                                     FitaTranslator         *translator);
void         fita_chart_free        (FitaChart              *chart);
void         fita_chart_set_palette (FitaChart              *chart,
                                     const FitaChartPalette *palette);
void         fita_chart_set_font    (FitaChart              *chart,
                                     const char             *font);
/* The chart's title, in its language. */
const char  *fita_chart_get_title   (FitaChart              *chart);
/* Whether there is anything to draw (else the chart says so). */
gboolean     fita_chart_has_data    (FitaChart              *chart);
void         fita_chart_draw        (FitaChart              *chart,
                                     cairo_t                *cr,
                                     double                  width,
                                     double                  height);
/* The same on a FitaCanvas (a report's page on Fita's own PDF writer). */
void         fita_chart_draw_on     (FitaChart              *chart,
                                     FitaCanvas             *canvas,
                                     double                  width,
                                     double                  height);
/* The exact figures under (x, y) in the last drawing, for a tooltip. */
char        *fita_chart_describe_at (FitaChart              *chart,
                                     double                  x,
                                     double                  y);
/* The figures the chart draws, as a table in the chart's language: a
 * GPtrArray of rows, each a NULL-terminated array of cell texts, the first
 * row the headings ("Year", "Planned", "Executed", "Execution rate"…). A
 * row per bar or point (years, items, chapters), and for the yearly chart
 * the whole period's totals; only the headings without data. */
GPtrArray   *fita_chart_get_table   (FitaChart              *chart);
/* The same table as text: tab-separated cells, a line a row, headings first. */
char        *fita_chart_get_table_text (FitaChart           *chart);
/* What the chart shows, for a screen reader or a figure's alternative
 * text: its title, "Executed 12.223,69 € of 120.000,00 € planned,
 * 10,19 %." and each row of its table in a sentence. */
char        *fita_chart_get_summary (FitaChart              *chart);
/* A step for axis ticks at round amounts: 1, 2, 2.5 or 5 × 10ⁿ cents, so
 * that about `ticks` of them cover max. */
gint64       fita_chart_nice_step   (gint64                  max,
                                     int                     ticks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaChart, fita_chart_free)

G_END_DECLS
