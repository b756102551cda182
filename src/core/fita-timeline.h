/* fita-timeline.h: the Gantt-like semester timeline of a plan, drawn on a
 * cairo_t. One routine for the widget (via gtk_snapshot_append_cairo), the
 * work-plan report and `fita-cli timeline`. The canvas is virtual: drawing
 * a viewport costs in proportion to the rows it shows, not to the plan.
 *
 * Time is measured in fractional years: t = 2018.5 is 1 July 2018. Months
 * are equal twelfths, so semester, quarter and month columns line up.
 */
#pragma once

#include "fita-canvas.h"
#include <cairo.h>
#include "fita-i18n.h"
#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_ZOOM_YEAR,
  FITA_ZOOM_SEMESTER,
  FITA_ZOOM_QUARTER,
  FITA_ZOOM_MONTH,
} FitaZoom;

extern const char * const fita_zoom_keywords[];   /* "year", "semester", … */

typedef struct {
  double red, green, blue, alpha;
} FitaRgba;

/* Colours, so the widget can follow light, dark and high-contrast styles. */
typedef struct {
  FitaRgba text;
  FitaRgba dim_text;
  FitaRgba background;
  FitaRgba stripe;
  FitaRgba grid;
  FitaRgba year_grid;
  FitaRgba period;       /* shading of the plan's period of validity */
  FitaRgba followed;     /* the year being followed up */
  FitaRgba today;
  FitaRgba summary;      /* parents' spans */
  FitaRgba selection;
  FitaRgba accent;       /* bars of items with no status colour */
} FitaTimelinePalette;

typedef enum {
  FITA_TIMELINE_DRAW_DEFAULT = 0,
  FITA_TIMELINE_STICKY_HEADER = 1 << 0,  /* header at the viewport's top */
  FITA_TIMELINE_STICKY_LABELS = 1 << 1,  /* labels (and "who") at its left */
  /* for print: the viewport holds whole rows (and, with sticky labels,
   * begins and ends at the edges of years); nothing is drawn outside it
   * and nothing is clipped, since a PDF repeats a clip for every shape */
  FITA_TIMELINE_EXACT = 1 << 2,
} FitaTimelineDrawFlags;

typedef enum {
  FITA_TIMELINE_HIT_NONE,
  FITA_TIMELINE_HIT_HEADER,
  FITA_TIMELINE_HIT_LABEL,
  FITA_TIMELINE_HIT_EMPTY,      /* a row, where nothing is drawn */
  FITA_TIMELINE_HIT_BAR,
  FITA_TIMELINE_HIT_BAR_START,  /* the left end: drag to change the start */
  FITA_TIMELINE_HIT_BAR_END,
  FITA_TIMELINE_HIT_CELL,       /* a semester cell (ticked or not) */
} FitaTimelineHitPart;

typedef struct {
  FitaTimelineHitPart part;
  int row;                      /* -1 if none */
  FitaItem *item;
  double time;                  /* t at the pointer */
  int year, half;               /* the semester under the pointer */
} FitaTimelineHit;

typedef struct _FitaTimeline FitaTimeline;

/* translator: the language of labels; NULL for the UI's. */
FitaTimeline *fita_timeline_new          (FitaPlan                  *plan,
                                          FitaTranslator            *translator);
void          fita_timeline_free         (FitaTimeline              *timeline);
FitaPlan     *fita_timeline_get_plan     (FitaTimeline              *timeline);
/* The language of its labels (NULL: the UI's). */
FitaTranslator *fita_timeline_get_translator (FitaTimeline          *timeline);

void          fita_timeline_set_zoom     (FitaTimeline              *timeline,
                                          FitaZoom                   zoom);
FitaZoom      fita_timeline_get_zoom     (FitaTimeline              *timeline);
/* The zoom the plan calls for: semesters when any item ticks them. */
FitaZoom      fita_timeline_default_zoom (FitaPlan                  *plan);
/* The rows, in order (FitaItem pointers, copied); NULL: every item. */
void          fita_timeline_set_rows     (FitaTimeline              *timeline,
                                          GPtrArray                 *items);
guint         fita_timeline_get_n_rows   (FitaTimeline              *timeline);
FitaItem     *fita_timeline_get_row      (FitaTimeline              *timeline,
                                          guint                      row);
void          fita_timeline_set_show_who (FitaTimeline              *timeline,
                                          gboolean                   show);
void          fita_timeline_set_font     (FitaTimeline              *timeline,
                                          const char                *font);
void          fita_timeline_set_label_width (FitaTimeline           *timeline,
                                          double                     width);
void          fita_timeline_set_palette  (FitaTimeline              *timeline,
                                          const FitaTimelinePalette *palette);
/* The colours it has unless told otherwise: those of reports and pictures. */
const FitaTimelinePalette *fita_timeline_light_palette (void);
void          fita_timeline_set_today    (FitaTimeline              *timeline,
                                          int                        year,
                                          int                        month,
                                          int                        day);
void          fita_timeline_set_selected (FitaTimeline              *timeline,
                                          gint64                     item_id);
/* The years the columns cover, from the plan's period and its items. */
void          fita_timeline_get_years    (FitaTimeline              *timeline,
                                          int                       *first,
                                          int                       *last);

/* Geometry of the whole canvas, in pixels at scale 1. */
void          fita_timeline_get_size     (FitaTimeline              *timeline,
                                          double                    *width,
                                          double                    *height);
double        fita_timeline_get_row_height    (FitaTimeline         *timeline);
double        fita_timeline_get_header_height (FitaTimeline         *timeline);
/* Where the time columns begin (after labels and "who"). */
double        fita_timeline_get_chart_left    (FitaTimeline         *timeline);
double        fita_timeline_x_for_time   (FitaTimeline              *timeline,
                                          double                     t);
double        fita_timeline_time_at_x    (FitaTimeline              *timeline,
                                          double                     x);
/* The nearest boundary of the zoom's unit (year, semester, quarter, month). */
double        fita_timeline_snap         (FitaTimeline              *timeline,
                                          double                     t);

/* Draws the part [x, x + width] × [y, y + height] of the canvas with its
 * top-left corner at cr's origin. */
void          fita_timeline_draw         (FitaTimeline              *timeline,
                                          cairo_t                   *cr,
                                          double                     x,
                                          double                     y,
                                          double                     width,
                                          double                     height,
                                          FitaTimelineDrawFlags      flags);
/* The same on a FitaCanvas (a page of Fita's own PDF writer, say). */
void          fita_timeline_draw_on      (FitaTimeline              *timeline,
                                          FitaCanvas                *canvas,
                                          double                     x,
                                          double                     y,
                                          double                     width,
                                          double                     height,
                                          FitaTimelineDrawFlags      flags);
/* What is at canvas point (x, y), as drawn with the same flags for a
 * viewport at (viewport_x, viewport_y). */
gboolean      fita_timeline_hit          (FitaTimeline              *timeline,
                                          double                     x,
                                          double                     y,
                                          double                     viewport_x,
                                          double                     viewport_y,
                                          FitaTimelineDrawFlags      flags,
                                          FitaTimelineHit           *hit);

/* The span an item's bar covers (years or dates), or for a parent the span
 * of everything below it; FALSE if it has none. */
gboolean      fita_timeline_item_span    (FitaTimeline              *timeline,
                                          FitaItem                  *item,
                                          double                    *start,
                                          double                    *end,
                                          gboolean                  *milestone);
/* "I.1.3 Compartir informes…: 2018 1r semestre to 2019 1r semestre, 40 %" */
char         *fita_timeline_describe_item (FitaTimeline             *timeline,
                                          FitaItem                  *item);
/* For screen readers, what the timeline shows: "Timeline of 42 items from
 * 2017 to 2019, by semester; 30 scheduled." An item is scheduled when it
 * has years, dates or ticked semesters of its own. */
char         *fita_timeline_get_summary  (FitaTimeline             *timeline);
/* "Basic lines: Comissió tècnica · Execution: Secretaria tècnica": who
 * does the item, in the timeline's language; with no responsibilities,
 * the other services involved, as the plan names them. */
char         *fita_timeline_describe_who (FitaTimeline             *timeline,
                                          FitaItem                 *item);
/* The translated name of a half-year, "1r semestre" / "2n semestre". */
const char   *fita_timeline_semester_name (FitaTranslator          *translator,
                                          int                        half);

/* A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" as times: where it begins and
 * where it ends (exclusive). FALSE if it is not a date. */
gboolean      fita_date_to_time          (const char                *date,
                                          double                    *start,
                                          double                    *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaTimeline, fita_timeline_free)

G_END_DECLS
