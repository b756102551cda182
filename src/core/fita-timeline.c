#include "config.h"
#include "fita-timeline.h"
#include "fita-rollup.h"
#include "fita-money.h"
#include "fita-text.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char * const fita_zoom_keywords[] = { "year", "semester", "quarter", "month", NULL };

static const int units_per_year[] = { 1, 2, 4, 12 };
static const double unit_widths[] = { 104, 92, 60, 44 };

typedef struct {
  double start, end;
  gboolean known, milestone;
} Span;

struct _FitaTimeline {
  FitaPlan *plan;
  FitaTranslator *translator;
  FitaZoom zoom;
  GPtrArray *rows;             /* FitaItem *, borrowed from the plan */
  gboolean show_who;
  char *font;
  double label_width;
  double who_width;
  FitaTimelinePalette palette;
  int today_year, today_month, today_day;
  gint64 selected;
  int first_year, last_year;

  /* measured from the font */
  double row_height;
  double line_height;

  /* spans of parents: everything below them, per plan generation */
  GHashTable *summaries;       /* item id → Span */
  guint64 summaries_generation;

  /* text laid out once and drawn again: the header's years and semesters
   * on every page of a paged export and in every frame, a row's labels in
   * each strip of years; in a context of its own, updated from each cairo_t */
  PangoContext *pango_context;
  GHashTable *layouts;         /* "bold|width|align|text" → PangoLayout */
  cairo_matrix_t context_matrix;          /* what it was updated from */
  cairo_font_options_t *context_options;
  /* in print, plain text laid out without Pango (fita-text.h), in that
   * context's fonts: made again when it changes */
  FitaText *text;

  /* what each row draws, worked out once per plan generation, when the row
   * is first drawn: not again for each page, frame or strip of years */
  struct _RowInfo *row_info;   /* one per row */
  guint64 row_info_generation;
};

typedef struct _RowInfo {
  gboolean valid;
  gboolean parent;             /* has items below it */
  gboolean has_colour;         /* its status's colour, else the accent */
  guint depth;
  FitaRgba colour;
  Span own;                    /* own_span */
  gboolean has_summary;        /* a parent: the span of everything below */
  Span summary;
  gint64 progress;
  double *cells;               /* ticked semesters: start, end, start, end… */
  guint n_cells;
  char *who;                   /* fita_timeline_describe_who, once asked */
} RowInfo;

static void row_info_clear (FitaTimeline *self);

/* More than this many texts laid out: begin again (a long plan scrolled) */
#define MAX_LAYOUTS 4096

static const FitaTimelinePalette light_palette = {
  .text = { 0.14, 0.12, 0.19, 1 },
  .dim_text = { 0.37, 0.36, 0.40, 1 },
  .background = { 1, 1, 1, 1 },
  .stripe = { 0.965, 0.965, 0.97, 1 },
  .grid = { 0.87, 0.87, 0.88, 1 },
  .year_grid = { 0.62, 0.62, 0.65, 1 },
  .period = { 0.21, 0.52, 0.89, 0.06 },
  .followed = { 0.96, 0.76, 0.07, 0.16 },
  .today = { 0.88, 0.11, 0.14, 1 },
  .summary = { 0.24, 0.22, 0.27, 1 },
  .selection = { 0.21, 0.52, 0.89, 0.18 },
  .accent = { 0.21, 0.52, 0.89, 1 },
};

const FitaTimelinePalette *
fita_timeline_light_palette (void)
{
  return &light_palette;
}

/* Dates and times */

static int
days_in_month (int year, int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static double
time_of (int year, int month, int day)
{
  return year + (month - 1) / 12.0 + (day - 1) / (12.0 * days_in_month (year, month));
}

gboolean
fita_date_to_time (const char *date, double *start, double *end)
{
  int year = 0, month = 0, day = 0;
  int n;

  if (date == NULL)
    return FALSE;
  n = sscanf (date, "%d-%d-%d", &year, &month, &day);
  if (n < 1 || year < 1000 || year > 9999)
    return FALSE;
  if (n == 1)
    {
      *start = year;
      *end = year + 1;
    }
  else if (n == 2 && month >= 1 && month <= 12)
    {
      *start = time_of (year, month, 1);
      *end = year + month / 12.0;
    }
  else if (n == 3 && g_date_valid_dmy (day, month, year))
    {
      *start = time_of (year, month, day);
      *end = *start + 1.0 / (12.0 * days_in_month (year, month));
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_day (const char *date)
{
  return date != NULL && strlen (date) == 10;
}

/* The bar of an item from its own schedule: dates win over years. */
static Span
own_span (FitaItem *item)
{
  Span span = { 0, 0, FALSE, FALSE };
  double s1, e1, s2, e2;
  gboolean has_start = fita_date_to_time (item->start_date, &s1, &e1);
  gboolean has_end = fita_date_to_time (item->end_date, &s2, &e2);

  if (has_start || has_end)
    {
      span.known = TRUE;
      span.start = has_start ? s1 : s2;
      span.end = has_end ? e2 : e1;
      /* one day, given once or twice: a milestone */
      span.milestone = (has_start != has_end && is_day (has_start ? item->start_date : item->end_date)) ||
                       (has_start && has_end && is_day (item->start_date) &&
                        g_strcmp0 (item->start_date, item->end_date) == 0);
      return span;
    }
  if (item->start_year != FITA_NONE || item->end_year != FITA_NONE)
    {
      span.known = TRUE;
      span.start = item->start_year != FITA_NONE ? item->start_year : item->end_year;
      span.end = (item->end_year != FITA_NONE ? item->end_year : item->start_year) + 1;
    }
  return span;
}

static void
span_add (Span *span, double start, double end)
{
  if (!span->known)
    {
      span->start = start;
      span->end = end;
      span->known = TRUE;
      return;
    }
  span->start = MIN (span->start, start);
  span->end = MAX (span->end, end);
}

/* Calls add with each ticked semester of "2018-1 2018-2 …": its start and
 * end; how many there were. (Read in place: this is done for every item
 * of the plan when a timeline is made.) */
static guint
each_semester (const char *semesters, void (*add) (gpointer, double, double), gpointer data)
{
  const char *p = semesters;
  guint n = 0;

  while (p != NULL && *p != '\0')
    {
      char *end;
      long year, half;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      /* as sscanf ("%d-%d") would read a word */
      year = strtol (p, &end, 10);
      if (end != p && *end == '-')
        {
          const char *q = end + 1;
          half = strtol (q, &end, 10);
          if (end != q)
            {
              add (data, year + (half - 1) * 0.5, year + half * 0.5);
              n++;
            }
        }
      /* on to the next word */
      while (*p != '\0' && *p != ' ')
        p++;
    }
  return n;
}

static void
add_to_span (gpointer data, double start, double end)
{
  span_add (data, start, end);
}

/* Own bar and ticked semesters together. */
static Span
full_span (FitaItem *item)
{
  Span span = own_span (item);

  span.milestone = FALSE;
  each_semester (item->semesters, add_to_span, &span);
  return span;
}

static Span
summary_of (FitaTimeline *self, FitaItem *item)
{
  GPtrArray *children = fita_plan_list (self->plan, FITA_TABLE_ITEM, item->rec.id);
  Span span = full_span (item);

  for (guint i = 0; i < children->len; i++)
    {
      Span below = summary_of (self, g_ptr_array_index (children, i));
      if (below.known)
        span_add (&span, below.start, below.end);
    }
  if (children->len > 0)
    g_hash_table_insert (self->summaries, &item->rec.id, g_memdup2 (&span, sizeof span));
  return span;
}

static GHashTable *
summaries (FitaTimeline *self)
{
  if (self->summaries_generation != fita_plan_get_generation (self->plan) || self->summaries == NULL)
    {
      GPtrArray *roots = fita_plan_list (self->plan, FITA_TABLE_ITEM, 0);
      g_clear_pointer (&self->summaries, g_hash_table_unref);
      self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
      for (guint i = 0; i < roots->len; i++)
        summary_of (self, g_ptr_array_index (roots, i));
      self->summaries_generation = fita_plan_get_generation (self->plan);
    }
  return self->summaries;
}

gboolean
fita_timeline_item_span (FitaTimeline *self, FitaItem *item, double *start, double *end, gboolean *milestone)
{
  Span span;
  Span *summary = g_hash_table_lookup (summaries (self), &item->rec.id);

  span = summary ? *summary : own_span (item);
  if (!span.known)
    return FALSE;
  if (start)
    *start = span.start;
  if (end)
    *end = span.end;
  if (milestone)
    *milestone = span.milestone;
  return TRUE;
}

/* Construction */

static void
measure (FitaTimeline *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (self->font);
  int height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Àg", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  self->line_height = height;
  self->row_height = ceil (height * 1.9);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
compute_years (FitaTimeline *self)
{
  FitaPlanInfo *info = fita_plan_get_info (self->plan);
  Span all = { 0, 0, FALSE, FALSE };

  if (info->period_start != FITA_NONE)
    span_add (&all, info->period_start, info->period_start + 1);
  if (info->period_end != FITA_NONE)
    span_add (&all, info->period_end, info->period_end + 1);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Span span = full_span (g_ptr_array_index (self->rows, i));
      if (span.known)
        span_add (&all, span.start, span.end);
    }
  if (!all.known)
    {
      int year = info->followed_year != FITA_NONE ? (int) info->followed_year : self->today_year;
      span_add (&all, year, year + 1);
    }
  self->first_year = (int) floor (all.start);
  self->last_year = MAX (self->first_year, (int) ceil (all.end) - 1);
}

FitaTimeline *
fita_timeline_new (FitaPlan *plan, FitaTranslator *translator)
{
  FitaTimeline *self = g_new0 (FitaTimeline, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->plan = g_object_ref (plan);
  self->translator = translator ? fita_translator_ref (translator) : NULL;
  self->zoom = fita_timeline_default_zoom (plan);
  self->font = g_strdup ("Sans 9");
  self->label_width = 300;
  self->who_width = 230;
  self->palette = light_palette;
  self->today_year = g_date_time_get_year (now);
  self->today_month = g_date_time_get_month (now);
  self->today_day = g_date_time_get_day_of_month (now);
  self->rows = fita_plan_items_preorder (plan, NULL);
  measure (self);
  compute_years (self);
  return self;
}

void
fita_timeline_free (FitaTimeline *self)
{
  if (self == NULL)
    return;
  row_info_clear (self);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->text, fita_text_free);
  g_clear_object (&self->pango_context);
  g_clear_pointer (&self->context_options, cairo_font_options_destroy);
  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->translator, fita_translator_unref);
  g_object_unref (self->plan);
  g_free (self->font);
  g_free (self);
}

FitaPlan *
fita_timeline_get_plan (FitaTimeline *self)
{
  return self->plan;
}

FitaTranslator *
fita_timeline_get_translator (FitaTimeline *self)
{
  return self->translator;
}

FitaZoom
fita_timeline_default_zoom (FitaPlan *plan)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);

  for (guint i = 0; i < items->len; i++)
    if (((FitaItem *) g_ptr_array_index (items, i))->semesters != NULL)
      return FITA_ZOOM_SEMESTER;
  return FITA_ZOOM_YEAR;
}

void
fita_timeline_set_zoom (FitaTimeline *self, FitaZoom zoom)
{
  self->zoom = zoom;
}

FitaZoom
fita_timeline_get_zoom (FitaTimeline *self)
{
  return self->zoom;
}

void
fita_timeline_set_rows (FitaTimeline *self, GPtrArray *items)
{
  row_info_clear (self);
  g_ptr_array_unref (self->rows);
  self->rows = items ? g_ptr_array_copy (items, NULL, NULL) : fita_plan_items_preorder (self->plan, NULL);
  compute_years (self);
}

guint
fita_timeline_get_n_rows (FitaTimeline *self)
{
  return self->rows->len;
}

FitaItem *
fita_timeline_get_row (FitaTimeline *self, guint row)
{
  return row < self->rows->len ? g_ptr_array_index (self->rows, row) : NULL;
}

void
fita_timeline_set_show_who (FitaTimeline *self, gboolean show)
{
  self->show_who = show;
}

void
fita_timeline_set_font (FitaTimeline *self, const char *font)
{
  g_free (self->font);
  self->font = g_strdup (font);
  if (self->layouts != NULL)
    g_hash_table_remove_all (self->layouts);
  measure (self);
}

void
fita_timeline_set_label_width (FitaTimeline *self, double width)
{
  self->label_width = width;
}

void
fita_timeline_set_palette (FitaTimeline *self, const FitaTimelinePalette *palette)
{
  self->palette = palette ? *palette : light_palette;
}

void
fita_timeline_set_today (FitaTimeline *self, int year, int month, int day)
{
  self->today_year = year;
  self->today_month = month;
  self->today_day = day;
}

void
fita_timeline_set_selected (FitaTimeline *self, gint64 item_id)
{
  self->selected = item_id;
}

void
fita_timeline_get_years (FitaTimeline *self, int *first, int *last)
{
  if (first)
    *first = self->first_year;
  if (last)
    *last = self->last_year;
}

/* Geometry */

double
fita_timeline_get_row_height (FitaTimeline *self)
{
  return self->row_height;
}

double
fita_timeline_get_header_height (FitaTimeline *self)
{
  return ceil (self->line_height * 1.6) * 2;
}

double
fita_timeline_get_chart_left (FitaTimeline *self)
{
  return self->label_width + (self->show_who ? self->who_width : 0);
}

static double
unit_width (FitaTimeline *self)
{
  /* wide enough for the unit's label in this font */
  return ceil (unit_widths[self->zoom] * MAX (1.0, self->line_height / 14.0));
}

static double
year_width (FitaTimeline *self)
{
  return unit_width (self) * units_per_year[self->zoom];
}

void
fita_timeline_get_size (FitaTimeline *self, double *width, double *height)
{
  if (width)
    *width = fita_timeline_get_chart_left (self) + (self->last_year - self->first_year + 1) * year_width (self);
  if (height)
    *height = fita_timeline_get_header_height (self) + self->rows->len * self->row_height;
}

double
fita_timeline_x_for_time (FitaTimeline *self, double t)
{
  return fita_timeline_get_chart_left (self) + (t - self->first_year) * year_width (self);
}

double
fita_timeline_time_at_x (FitaTimeline *self, double x)
{
  return self->first_year + (x - fita_timeline_get_chart_left (self)) / year_width (self);
}

double
fita_timeline_snap (FitaTimeline *self, double t)
{
  int per_year = units_per_year[self->zoom];

  return round (t * per_year) / per_year;
}

/* Words */

const char *
fita_timeline_semester_name (FitaTranslator *tr, int half)
{
  /* Translators: the halves of a year in a plan's calendar; Catalan
   * "1r semestre", Spanish "1.er semestre" */
  return half == 1 ? TC_ (tr, "half of a year", "1st semester") : TC_ (tr, "half of a year", "2nd semester");
}

static const char *
unit_label (FitaTimeline *self, int unit, gboolean short_form)
{
  static const char * const months[] = {
    NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
    NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
    NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
  };
  FitaTranslator *tr = self->translator;

  switch (self->zoom)
    {
    case FITA_ZOOM_SEMESTER:
      if (!short_form)
        return fita_timeline_semester_name (tr, unit + 1);
      /* Translators: short names of the halves of a year ("1r sem.") */
      return unit == 0 ? TC_ (tr, "half of a year", "1st sem.") : TC_ (tr, "half of a year", "2nd sem.");
    case FITA_ZOOM_QUARTER:
      {
        /* Translators: quarters of a year, short ("T1" in Catalan and Spanish) */
        const char *quarters[] = { TC_ (tr, "quarter", "Q1"), TC_ (tr, "quarter", "Q2"),
                                   TC_ (tr, "quarter", "Q3"), TC_ (tr, "quarter", "Q4") };
        return quarters[unit];
      }
    case FITA_ZOOM_MONTH:
      /* Translators: abbreviated month names */
      return TC_ (tr, "month", months[unit]);
    case FITA_ZOOM_YEAR:
    default:
      return NULL;
    }
}

static char *
describe_time (FitaTimeline *self, double t, gboolean end)
{
  int year;
  double within;

  /* an end is exclusive: describe the unit it closes */
  if (end)
    t -= 1e-6;
  year = (int) floor (t);
  within = t - year;
  return g_strdup_printf ("%d %s", year, fita_timeline_semester_name (self->translator, within < 0.5 ? 1 : 2));
}

char *
fita_timeline_describe_item (FitaTimeline *self, FitaItem *item)
{
  FitaTranslator *tr = self->translator;
  const char *lang = fita_translator_get_lang (tr);
  GString *out = g_string_new (NULL);
  gint64 progress = fita_plan_progress_bp (self->plan, item);
  Span span = own_span (item);
  Span cells = { 0, 0, FALSE, FALSE };

  if (item->code)
    g_string_append_printf (out, "%s ", item->code);
  g_string_append (out, item->title ? item->title : "");
  g_string_append (out, ": ");

  if (item->semesters != NULL)
    {
      Span both = full_span (item);
      cells = both;
    }
  if (cells.known)
    {
      g_autofree char *from = describe_time (self, cells.start, FALSE);
      g_autofree char *to = describe_time (self, cells.end, TRUE);
      /* Translators: a span of time, "2018 1st semester to 2019 1st semester" */
      g_string_append_printf (out, T_ (tr, "%s to %s"), from, to);
    }
  else if (span.known && span.milestone)
    g_string_append (out, item->start_date ? item->start_date : item->end_date);
  else if (span.known && (item->start_date || item->end_date))
    g_string_append_printf (out, T_ (tr, "%s to %s"),
                            item->start_date ? item->start_date : "…", item->end_date ? item->end_date : "…");
  else if (span.known)
    {
      int first = (int) span.start, last = (int) span.end - 1;
      if (first == last)
        g_string_append_printf (out, "%d", first);
      else
        {
          g_autofree char *a = g_strdup_printf ("%d", first);
          g_autofree char *b = g_strdup_printf ("%d", last);
          g_string_append_printf (out, T_ (tr, "%s to %s"), a, b);
        }
    }
  else
    g_string_append (out, T_ (tr, "not scheduled"));

  if (progress != FITA_NONE)
    {
      /* with the plan's decimals, as everywhere else: "88,3 %" */
      g_autofree char *percent = fita_plan_format_progress (self->plan, item, lang);
      g_string_append_printf (out, ", %s", percent);
    }
  return g_string_free (out, FALSE);
}

char *
fita_timeline_get_summary (FitaTimeline *self)
{
  FitaTranslator *tr = self->translator;
  guint n = self->rows->len, scheduled = 0;
  g_autofree char *items = NULL;
  g_autofree char *years = NULL;
  g_autofree char *count = NULL;
  const char *scale;

  for (guint i = 0; i < n; i++)
    if (full_span (g_ptr_array_index (self->rows, i)).known)
      scheduled++;
  /* Translators: the start of a timeline's summary for screen readers,
   * "Timeline of 42 items from 2017 to 2019, by semester; 30 scheduled." */
  items = g_strdup_printf (TN_ (tr, "Timeline of %u item", "Timeline of %u items", n), n);
  if (self->first_year == self->last_year)
    /* Translators: the years a timeline covers, when only one: "in 2019" */
    years = g_strdup_printf (T_ (tr, "in %d"), self->first_year);
  else
    /* Translators: the years a timeline covers, "from 2017 to 2019" */
    years = g_strdup_printf (T_ (tr, "from %d to %d"), self->first_year, self->last_year);
  switch (self->zoom)
    {
    /* Translators: the scale of a timeline, in its summary for screen readers */
    case FITA_ZOOM_SEMESTER: scale = T_ (tr, "by semester"); break;
    case FITA_ZOOM_QUARTER: scale = T_ (tr, "by quarter"); break;
    case FITA_ZOOM_MONTH: scale = T_ (tr, "by month"); break;
    case FITA_ZOOM_YEAR:
    default: scale = T_ (tr, "by year"); break;
    }
  /* Translators: how many items of a timeline have a place in time */
  count = g_strdup_printf (TN_ (tr, "%u scheduled", "%u scheduled", scheduled), scheduled);
  /* Translators: a timeline's summary for screen readers: how many items,
   * the years, the scale and how many are scheduled: "Timeline of 42 items
   * from 2017 to 2019, by semester; 30 scheduled." */
  return g_strdup_printf (T_ (tr, "%s %s, %s; %s."), items, years, scale, count);
}

/* Drawing */

static void
set_colour (FitaCanvas *canvas, const FitaRgba *c)
{
  fita_canvas_set_source_rgba (canvas, c->red, c->green, c->blue, c->alpha);
}

static FitaRgba
parse_colour (const char *hex, const FitaRgba *fallback)
{
  FitaRgba c = *fallback;
  unsigned int r, g, b;

  if (hex != NULL && sscanf (hex, "#%02x%02x%02x", &r, &g, &b) == 3)
    {
      c.red = r / 255.0;
      c.green = g / 255.0;
      c.blue = b / 255.0;
      c.alpha = 1;
    }
  return c;
}

/* Shapes gathered by layer and drawn a colour at a time: in a PDF each
 * fill, stroke and change of colour is an operation of its own, and a
 * page of the timeline would otherwise be several for every row. Rows do
 * not overlap, so a layer drawn for all rows at once looks as if each row
 * were drawn in turn, as long as the layers keep a row's order. */

typedef enum {
  SHAPE_RECT,          /* x, y, width, height */
  SHAPE_ROUNDED,       /* x, y, width, height, radius */
  SHAPE_SUMMARY,       /* from, to, y, row height, x of the start or NAN, x of the end or NAN */
  SHAPE_DIAMOND,       /* centre x, centre y, radius */
  SHAPE_LINE,          /* x0, y0, x1, y1 */
  SHAPE_CLIPPED,       /* a rectangle x, y, width, height in the rounded one x, y, a[4], height, a[5] */
} ShapeKind;

typedef struct {
  FitaRgba colour;
  ShapeKind kind;
  gboolean done;
  double a[6];
} Shape;

enum {
  LAYER_CELLS,         /* ticked semesters */
  LAYER_BARS,          /* bars, summaries of parents, milestones */
  LAYER_OUTLINES,      /* the bars' outlines (stroked) */
  LAYER_PROGRESS,      /* progress over bars and summaries */
  N_LAYERS
};

typedef struct {
  PangoLayout *layout;        /* NULL: text, as fit says, by fita-text */
  char *text;
  FitaTextFit fit;
  gboolean bold;
  double x, y;
  FitaRgba colour;
} PendingText;

typedef struct {
  FitaTimeline *self;
  FitaCanvas *canvas;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  PangoAttrList *attributes;
  gboolean exact;             /* FITA_TIMELINE_EXACT: shapes kept inside */
  double chart_left;          /* where the chart begins, in view */
  gboolean overflow;          /* a shape of the chart reaches left of it */
  GArray *layers[N_LAYERS];   /* Shape */
  GArray *fills;              /* Shape: the shapes of one step, drawn at once */
  GArray *texts;              /* PendingText, in print: all text last, in order */
} Painter;

static void
add_shape (GArray *shapes, const FitaRgba *colour, double alpha, ShapeKind kind,
           double a0, double a1, double a2, double a3, double a4, double a5)
{
  Shape shape = { *colour, kind, FALSE, { a0, a1, a2, a3, a4, a5 } };

  if (alpha >= 0)
    shape.colour.alpha = alpha;
  g_array_append_val (shapes, shape);
}

static void
rounded_rectangle (FitaCanvas *canvas, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  fita_canvas_new_sub_path (canvas);
  fita_canvas_arc (canvas, x + w - r, y + r, r, -G_PI / 2, 0);
  fita_canvas_arc (canvas, x + w - r, y + h - r, r, 0, G_PI / 2);
  fita_canvas_arc (canvas, x + r, y + h - r, r, G_PI / 2, G_PI);
  fita_canvas_arc (canvas, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  fita_canvas_close_path (canvas);
}

static void
shape_path (FitaCanvas *canvas, const Shape *s)
{
  const double *a = s->a;

  switch (s->kind)
    {
    case SHAPE_RECT:
      fita_canvas_rectangle (canvas, a[0], a[1], a[2], a[3]);
      break;
    case SHAPE_ROUNDED:
      rounded_rectangle (canvas, a[0], a[1], a[2], a[3], a[4]);
      break;
    case SHAPE_SUMMARY:
      {
        double h = a[3];
        fita_canvas_rectangle (canvas, a[0], a[2], a[1] - a[0], h * 0.16);
        if (!isnan (a[4]))
          {
            fita_canvas_move_to (canvas, a[4], a[2]);
            fita_canvas_rel_line_to (canvas, 0, h * 0.36);
            fita_canvas_rel_line_to (canvas, h * 0.22, -h * 0.2);
            fita_canvas_close_path (canvas);
          }
        if (!isnan (a[5]))
          {
            fita_canvas_move_to (canvas, a[5], a[2]);
            fita_canvas_rel_line_to (canvas, 0, h * 0.36);
            fita_canvas_rel_line_to (canvas, -h * 0.22, -h * 0.2);
            fita_canvas_close_path (canvas);
          }
      }
      break;
    case SHAPE_DIAMOND:
      fita_canvas_move_to (canvas, a[0], a[1] - a[2]);
      fita_canvas_line_to (canvas, a[0] + a[2], a[1]);
      fita_canvas_line_to (canvas, a[0], a[1] + a[2]);
      fita_canvas_line_to (canvas, a[0] - a[2], a[1]);
      fita_canvas_close_path (canvas);
      break;
    case SHAPE_LINE:
      fita_canvas_move_to (canvas, a[0], a[1]);
      fita_canvas_line_to (canvas, a[2], a[3]);
      break;
    case SHAPE_CLIPPED:
    default:
      fita_canvas_rectangle (canvas, a[0], a[1], a[2], a[3]);
      break;
    }
}

static gboolean
same_colour (const FitaRgba *a, const FitaRgba *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* Draws the shapes a colour at a time (the colour set once for them all),
 * and empties the array. cairo 1.16 writes a lone rectangle as one PDF
 * operator, but a path of several as all their corners, and takes longer
 * over a fill or stroke of a path of many parts than over each part filled
 * on its own: each shape is filled (or stroked) by itself, but lines, which
 * it strokes faster together, in one path. */
static void
draw_shapes (FitaCanvas *canvas, GArray *shapes, gboolean stroke)
{
  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *first = &g_array_index (shapes, Shape, i);

      if (first->done)
        continue;
      set_colour (canvas, &first->colour);
      for (guint j = i; j < shapes->len; j++)
        {
          Shape *s = &g_array_index (shapes, Shape, j);
          if (s->done || !same_colour (&s->colour, &first->colour))
            continue;
          s->done = TRUE;
          if (s->kind == SHAPE_CLIPPED)
            {
              /* a progress in a rounded bar, on screen */
              fita_canvas_save (canvas);
              rounded_rectangle (canvas, s->a[0], s->a[1], s->a[4], s->a[3], s->a[5]);
              fita_canvas_clip (canvas);
              fita_canvas_rectangle (canvas, s->a[0], s->a[1], s->a[2], s->a[3]);
              fita_canvas_fill (canvas);
              fita_canvas_restore (canvas);
              continue;
            }
          shape_path (canvas, s);
          if (s->kind == SHAPE_LINE)
            continue;
          if (stroke)
            fita_canvas_stroke (canvas);
          else
            fita_canvas_fill (canvas);
        }
      /* the lines of this colour */
      if (stroke && fita_canvas_has_current_point (canvas))
        fita_canvas_stroke (canvas);
    }
  g_array_set_size (shapes, 0);
}

/* The layouts' context updated from canvas only when its scale or font options
 * differ from the last cairo_t's: pango takes any update as a change, and
 * every layout would be laid out again (each page of a paged export is a
 * new translation of the same scale). */
static void
update_context (FitaTimeline *self, cairo_t *cr)
{
  cairo_matrix_t matrix;
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  if (self->context_options != NULL && cairo_font_options_equal (options, self->context_options) &&
      memcmp (&matrix, &self->context_matrix, sizeof matrix) == 0)
    {
      cairo_font_options_destroy (options);
      return;
    }
  pango_cairo_update_context (cr, self->pango_context);
  g_clear_pointer (&self->text, fita_text_free);
  g_clear_pointer (&self->context_options, cairo_font_options_destroy);
  self->context_options = options;
  self->context_matrix = matrix;
}

/* text laid out with these, from the timeline's cache */
static PangoLayout *
layout_for (Painter *p, const char *text, double width, gboolean bold, PangoAlignment align)
{
  FitaTimeline *self = p->self;
  int pango_width = width > 0 ? (int) (width * PANGO_SCALE) : -1;
  g_autofree char *key = g_strdup_printf ("%d|%d|%d|%s", bold, pango_width, (int) align, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->layouts) >= MAX_LAYOUTS)
    g_hash_table_remove_all (self->layouts);
  layout = pango_layout_new (self->pango_context);
  pango_layout_set_font_description (layout, bold ? p->bold : p->font);
  pango_layout_set_width (layout, pango_width);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_attributes (layout, p->attributes);
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static void
show_text (FitaCanvas *canvas, PangoLayout *layout, double x, double y, const FitaRgba *colour)
{
  set_colour (canvas, colour);
  fita_canvas_show_layout (canvas, layout, x, y);
}

/* Draws text centred on y (in print, at the end, with the rest of the
 * text: a PDF then writes it as one text object); its width as drawn. */
static double
draw_text (Painter *p, const char *text, double x, double y, double width, gboolean bold,
           const FitaRgba *colour, PangoAlignment align)
{
  PangoLayout *layout;
  int text_width, height;
  FitaTextFit fit;

  /* in print, plain text without Pango's shaping, drawn at the end */
  if (p->texts != NULL && fita_text_fit (p->self->text, bold ? p->bold : p->font, text, width, &fit))
    {
      double line = fita_text_line_height (p->self->text, bold ? p->bold : p->font);
      PendingText pending = { NULL, g_strdup (text), fit, bold, x, y - line / 2, *colour };

      if (width > 0 && align == PANGO_ALIGN_CENTER)
        pending.x += (width - fit.width) / 2;
      else if (width > 0 && align == PANGO_ALIGN_RIGHT)
        pending.x += width - fit.width;
      g_array_append_val (p->texts, pending);
      return fit.width;
    }
  layout = layout_for (p, text, width, bold, align);
  pango_layout_get_pixel_size (layout, &text_width, &height);
  if (p->texts != NULL)
    {
      PendingText pending = { g_object_ref (layout), NULL, { 0 }, bold, x, y - height / 2.0, *colour };
      g_array_append_val (p->texts, pending);
    }
  else
    show_text (p->canvas, layout, x, y - height / 2.0, colour);
  return text_width;
}

static void
draw_pending_texts (Painter *p)
{
  for (guint i = 0; p->texts != NULL && i < p->texts->len; i++)
    {
      PendingText *t = &g_array_index (p->texts, PendingText, i);

      if (t->layout == NULL)
        {
          set_colour (p->canvas, &t->colour);
          fita_text_show_fit (p->self->text, p->canvas, t->bold ? p->bold : p->font, t->text, &t->fit, t->x, t->y);
          g_free (t->text);
          continue;
        }
      show_text (p->canvas, t->layout, t->x, t->y, &t->colour);
      g_object_unref (t->layout);
    }
  if (p->texts != NULL)
    g_array_set_size (p->texts, 0);
}

static double
text_width (Painter *p, const char *text, gboolean bold)
{
  int width;
  double drawn;

  if (p->texts != NULL && fita_text_width (p->self->text, bold ? p->bold : p->font, text, -1, &drawn))
    return drawn;
  pango_layout_get_pixel_size (layout_for (p, text, -1, bold, PANGO_ALIGN_LEFT), &width, NULL);
  return width;
}

static const char *
role_label (FitaTranslator *tr, gint64 role)
{
  switch (role)
    {
    /* Translators: who does what in a work plan ("QUI?"): the body that
     * sets the basic lines, the one that executes, the one that supports */
    case FITA_ROLE_DEFINES: return TC_ (tr, "responsibility", "Basic lines");
    case FITA_ROLE_EXECUTES: return TC_ (tr, "responsibility", "Execution");
    case FITA_ROLE_SUPPORTS: return TC_ (tr, "responsibility", "Support");
    default: return TC_ (tr, "responsibility", "Other");
    }
}

char *
fita_timeline_describe_who (FitaTimeline *self, FitaItem *item)
{
  GPtrArray *who = fita_plan_list (self->plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *r = g_ptr_array_index (who, i);
      FitaAgent *agent = fita_plan_lookup (self->plan, FITA_TABLE_AGENT, r->agent_id);
      if (agent == NULL)
        continue;
      g_string_append_printf (out, "%s%s: %s", out->len ? " · " : "", role_label (self->translator, r->role), agent->name);
    }
  /* plans that name no responsible body often name the services involved:
   * they are who there is to call */
  if (out->len == 0 && item->other_services != NULL)
    {
      g_autofree char *services = g_strstrip (g_strdup (item->other_services));

      g_strdelimit (services, "\n\r\t", ' ');
      g_string_append (out, services);
    }
  return g_string_free (out, FALSE);
}

/* What rows draw */

static void
row_info_clear (FitaTimeline *self)
{
  if (self->row_info == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      g_free (self->row_info[i].cells);
      g_free (self->row_info[i].who);
    }
  g_clear_pointer (&self->row_info, g_free);
}

static void
add_cell (gpointer data, double start, double end)
{
  RowInfo *info = data;

  info->cells[2 * info->n_cells] = start;
  info->cells[2 * info->n_cells + 1] = end;
  info->n_cells++;
}

static RowInfo *
row_info (FitaTimeline *self, guint row)
{
  FitaItem *item = g_ptr_array_index (self->rows, row);
  RowInfo *info;

  if (self->row_info != NULL && self->row_info_generation != fita_plan_get_generation (self->plan))
    row_info_clear (self);
  if (self->row_info == NULL)
    {
      self->row_info = g_new0 (RowInfo, MAX (1, self->rows->len));
      self->row_info_generation = fita_plan_get_generation (self->plan);
    }
  info = &self->row_info[row];
  if (!info->valid)
    {
      FitaStatus *status = item->status_id ? fita_plan_lookup (self->plan, FITA_TABLE_STATUS, item->status_id) : NULL;
      static const FitaRgba none = { 0, 0, 0, -1 };
      Span *summary = g_hash_table_lookup (summaries (self), &item->rec.id);

      info->colour = parse_colour (status ? status->colour : NULL, &none);
      info->has_colour = info->colour.alpha >= 0;
      info->parent = fita_plan_list (self->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0;
      info->depth = fita_plan_item_depth (self->plan, item);
      info->own = own_span (item);
      info->has_summary = summary != NULL;
      if (summary != NULL)
        info->summary = *summary;
      info->progress = fita_plan_progress_bp (self->plan, item);
      if (item->semesters != NULL)
        {
          info->cells = g_new (double, 2 * (strlen (item->semesters) / 2 + 1));
          each_semester (item->semesters, add_cell, info);
        }
      info->valid = TRUE;
    }
  return info;
}

static const char *
row_who (FitaTimeline *self, guint row)
{
  RowInfo *info = row_info (self, row);

  if (info->who == NULL)
    info->who = fita_timeline_describe_who (self, g_ptr_array_index (self->rows, row));
  return info->who;
}

static void
draw_row_chart (Painter *p, guint row, double top, double chart_left, double right)
{
  FitaTimeline *self = p->self;
  FitaItem *item = g_ptr_array_index (self->rows, row);
  RowInfo *info = row_info (self, row);
  double h = self->row_height;
  const FitaRgba *colour = info->has_colour ? &info->colour : &self->palette.accent;
  gint64 progress = info->progress;

  /* ticked semesters: filled cells, as in the XMESS grid */
  for (guint i = 0; i < info->n_cells; i++)
    {
      double x0 = fita_timeline_x_for_time (self, info->cells[2 * i]);
      double x1 = fita_timeline_x_for_time (self, info->cells[2 * i + 1]);
      if (x1 <= chart_left || x0 >= right)
        continue;
      /* in print, square corners: a third of the PDF's size otherwise,
       * and too small to see */
      if (p->exact)
        add_shape (p->layers[LAYER_CELLS], colour, 0.85, SHAPE_RECT, x0 + 2, top + 4, x1 - x0 - 4, h - 8, 0, 0);
      else
        add_shape (p->layers[LAYER_CELLS], colour, 0.85, SHAPE_ROUNDED, x0 + 2, top + 4, x1 - x0 - 4, h - 8, 3, 0);
    }

  if (info->has_summary && info->summary.known)
    {
      /* a parent: a summary bracket over everything below */
      double x0 = fita_timeline_x_for_time (self, info->summary.start);
      double x1 = fita_timeline_x_for_time (self, info->summary.end);
      double y = top + h * 0.38;
      /* in print, only the part inside the page */
      double from = p->exact ? MAX (x0, chart_left) : x0;
      double to = p->exact ? MIN (x1, right) : x1;
      double done = progress != FITA_NONE ? x0 + (x1 - x0) * progress / 10000.0 : x0;

      if (to <= from)
        return;
      add_shape (p->layers[LAYER_BARS], &self->palette.summary, -1, SHAPE_SUMMARY, from, to, y, h,
                 !p->exact || x0 >= chart_left ? x0 : NAN, !p->exact || x1 <= right ? x1 : NAN);
      if (p->exact)
        done = MIN (done, right);
      if (progress != FITA_NONE && done > from)
        add_shape (p->layers[LAYER_PROGRESS], &self->palette.accent, -1, SHAPE_RECT,
                   from, y + h * 0.16, done - from, h * 0.06, 0, 0);
      return;
    }

  {
    Span span = info->own;
    double x0, x1, y = top + h * 0.28, bh = h * 0.44;

    if (!span.known)
      return;
    x0 = fita_timeline_x_for_time (self, span.start);
    x1 = fita_timeline_x_for_time (self, span.end);
    if (p->exact && (x1 <= chart_left || x0 >= right || (span.milestone && x0 < chart_left)))
      return;
    if (span.milestone)
      {
        add_shape (p->layers[LAYER_BARS], colour, -1, SHAPE_DIAMOND, x0, top + h / 2, h * 0.28, 0, 0, 0);
        return;
      }
    if (item->semesters != NULL)
      {
        /* with ticked cells, the bar is a thin line under them */
        y = top + h - 5;
        bh = 2;
      }
    if (p->exact)
      {
        /* the bar cut at the page's edges, its progress as drawn whole */
        double end = x0 + 1 + (x1 - x0 - 2) * MAX (0, progress) / 10000.0;
        x0 = MAX (x0, chart_left - 1);
        x1 = MIN (x1, right + 1);
        if (progress != FITA_NONE)
          progress = end <= x0 + 1 ? 0 : (gint64) MIN (10000, (end - x0 - 1) / MAX (1e-9, x1 - x0 - 2) * 10000.0);
      }
    if (p->exact)
      {
        add_shape (p->layers[LAYER_BARS], colour, 0.28, SHAPE_RECT, x0 + 1, y, x1 - x0 - 2, bh, 0, 0);
        add_shape (p->layers[LAYER_OUTLINES], colour, 0.9, SHAPE_RECT, x0 + 1, y, x1 - x0 - 2, bh, 0, 0);
      }
    else
      {
        add_shape (p->layers[LAYER_BARS], colour, 0.28, SHAPE_ROUNDED, x0 + 1, y, x1 - x0 - 2, bh, bh / 3, 0);
        add_shape (p->layers[LAYER_OUTLINES], colour, 0.9, SHAPE_ROUNDED, x0 + 1, y, x1 - x0 - 2, bh, bh / 3, 0);
      }
    if (progress != FITA_NONE && progress > 0)
      {
        double width = (x1 - x0 - 2) * progress / 10000.0;
        /* square in print: no clip needed */
        if (p->exact)
          add_shape (p->layers[LAYER_PROGRESS], colour, -1, SHAPE_RECT, x0 + 1, y, width, bh, 0, 0);
        else
          add_shape (p->layers[LAYER_PROGRESS], colour, -1, SHAPE_CLIPPED, x0 + 1, y, width, bh, x1 - x0 - 2, bh / 3);
      }
  }
}

/* Whether any shape reaches into the labels' column (their backgrounds
 * then drawn over it); a bar's outline only by half its width, under the
 * line that closes the column. */
static void
check_overflow (Painter *p)
{
  for (int i = 0; i < N_LAYERS && !p->overflow; i++)
    for (guint j = 0; j < p->layers[i]->len && !p->overflow; j++)
      {
        const Shape *s = &g_array_index (p->layers[i], Shape, j);
        double left = s->a[0];

        if (s->kind == SHAPE_DIAMOND)
          left = s->a[0] - s->a[2];
        else if (s->kind == SHAPE_SUMMARY && !isnan (s->a[5]))
          left = MIN (s->a[0], s->a[5] - s->a[3] * 0.22);
        p->overflow = left < p->chart_left;
      }
}

static void
draw_layers (Painter *p)
{
  check_overflow (p);
  draw_shapes (p->canvas, p->layers[LAYER_CELLS], FALSE);
  draw_shapes (p->canvas, p->layers[LAYER_BARS], FALSE);
  fita_canvas_set_line_width (p->canvas, 1);
  draw_shapes (p->canvas, p->layers[LAYER_OUTLINES], TRUE);
  draw_shapes (p->canvas, p->layers[LAYER_PROGRESS], FALSE);
}

static void
draw_grid (Painter *p, double top, double bottom, double chart_left, double right)
{
  FitaTimeline *self = p->self;
  FitaPlanInfo *info = fita_plan_get_info (self->plan);
  FitaCanvas *canvas = p->canvas;
  int per_year = units_per_year[self->zoom];

  /* the period of validity, the year followed up */
  if (info->period_start != FITA_NONE && info->period_end != FITA_NONE)
    {
      double x0 = MAX (chart_left, fita_timeline_x_for_time (self, info->period_start));
      double x1 = MIN (right, fita_timeline_x_for_time (self, info->period_end + 1));
      set_colour (canvas, &self->palette.period);
      fita_canvas_rectangle (canvas, x0, top, MAX (0, x1 - x0), bottom - top);
      fita_canvas_fill (canvas);
    }
  if (info->followed_year != FITA_NONE)
    {
      double x0 = MAX (chart_left, fita_timeline_x_for_time (self, info->followed_year));
      double x1 = MIN (right, fita_timeline_x_for_time (self, info->followed_year + 1));
      set_colour (canvas, &self->palette.followed);
      fita_canvas_rectangle (canvas, x0, top, MAX (0, x1 - x0), bottom - top);
      fita_canvas_fill (canvas);
    }

  /* the lines of years, and of their units: a stroke for each kind */
  for (int year = self->first_year; year <= self->last_year + 1; year++)
    for (int unit = 0; unit < per_year; unit++)
      {
        double x = floor (fita_timeline_x_for_time (self, year + (double) unit / per_year)) + 0.5;
        if (x < chart_left || x > right)
          continue;
        add_shape (p->fills, unit == 0 ? &self->palette.year_grid : &self->palette.grid, -1, SHAPE_LINE,
                   x, top, x, bottom, 0, 0);
        if (year > self->last_year)
          break;
      }
  fita_canvas_set_line_width (canvas, 1);
  draw_shapes (canvas, p->fills, TRUE);
}

static void
draw_today (Painter *p, double top, double bottom, double chart_left, double right)
{
  FitaTimeline *self = p->self;
  double t = time_of (self->today_year, self->today_month, self->today_day);
  double x = fita_timeline_x_for_time (self, t);

  if (t < self->first_year || t > self->last_year + 1 || x < chart_left || x > right)
    return;
  p->overflow = p->overflow || x - 1 < chart_left;
  set_colour (p->canvas, &self->palette.today);
  fita_canvas_set_line_width (p->canvas, 2);
  fita_canvas_move_to (p->canvas, x, top);
  fita_canvas_line_to (p->canvas, x, bottom);
  fita_canvas_stroke (p->canvas);
}

static void
draw_header (Painter *p, double top, double chart_left, double left_edge, double right)
{
  FitaTimeline *self = p->self;
  FitaCanvas *canvas = p->canvas;
  double line = fita_timeline_get_header_height (self) / 2;
  int per_year = units_per_year[self->zoom];
  double uw = unit_width (self);

  set_colour (canvas, &self->palette.background);
  fita_canvas_rectangle (canvas, left_edge, top, right - left_edge, line * 2);
  fita_canvas_fill (canvas);

  for (int year = self->first_year; year <= self->last_year; year++)
    {
      double x0 = fita_timeline_x_for_time (self, year);
      double x1 = fita_timeline_x_for_time (self, year + 1);
      char label[8];
      /* (a year only touching the view is not in it) */
      if (x1 <= chart_left + 0.5 || x0 >= right - 0.5)
        continue;
      g_snprintf (label, sizeof label, "%d", year);
      /* the year over the part of it in view: a year scrolled half under
       * the item column still says "2021", not "ʼ21" */
      {
        double from = MAX (x0, chart_left);
        double width = x1 - from;
        double needed = text_width (p, label, TRUE) + 6;

        if (width < needed)
          from = x1 - needed, width = needed;
        draw_text (p, label, from, top + line / 2, width, TRUE, &self->palette.text, PANGO_ALIGN_CENTER);
      }
      for (int unit = 0; per_year > 1 && unit < per_year; unit++)
        {
          double ux = x0 + unit * uw;
          const char *name = unit_label (self, unit, FALSE);
          if (text_width (p, name, FALSE) > uw - 6)
            name = unit_label (self, unit, TRUE);
          draw_text (p, name, ux + 3, top + line * 1.5, uw - 6, FALSE, &self->palette.dim_text, PANGO_ALIGN_CENTER);
        }
    }
  set_colour (canvas, &self->palette.year_grid);
  fita_canvas_set_line_width (canvas, 1);
  fita_canvas_move_to (canvas, left_edge, floor (top + line * 2) - 0.5);
  fita_canvas_line_to (canvas, right, floor (top + line * 2) - 0.5);
  fita_canvas_stroke (canvas);
}

/* The labels of rows [first, last), and with corner, the headings above
 * them at header_top. */
static void
draw_labels (Painter *p, guint first, guint last, double top_of_first, double left, double header_top,
             gboolean corner)
{
  FitaTimeline *self = p->self;
  FitaCanvas *canvas = p->canvas;
  double h = self->row_height;
  double column = self->label_width;
  double line = fita_timeline_get_header_height (self) / 2;

  /* the rows' backgrounds (in print, drawn with the chart's stripes
   * unless a shape of the chart came over the column), then their words */
  for (guint r = first; r < last && (!p->exact || p->overflow); r++)
    {
      FitaItem *item = g_ptr_array_index (self->rows, r);
      add_shape (p->fills, item->rec.id == self->selected ? &self->palette.selection :
                           (r % 2) ? &self->palette.stripe : &self->palette.background,
                 -1, SHAPE_RECT, left, top_of_first + (r - first) * h, fita_timeline_get_chart_left (self), h, 0, 0);
    }
  draw_shapes (canvas, p->fills, FALSE);

  for (guint r = first; r < last; r++)
    {
      FitaItem *item = g_ptr_array_index (self->rows, r);
      RowInfo *info = row_info (self, r);
      double top = top_of_first + (r - first) * h;
      double indent = 8 + info->depth * 14;
      double code_width = 0;

      if (item->code)
        code_width = draw_text (p, item->code, left + indent, top + h / 2, -1, TRUE, &self->palette.text,
                                PANGO_ALIGN_LEFT) + 8;
      draw_text (p, item->title ? item->title : "", left + indent + code_width, top + h / 2,
                 MAX (10, column - indent - code_width - 8), info->parent, &self->palette.text, PANGO_ALIGN_LEFT);

      if (self->show_who)
        draw_text (p, row_who (self, r), left + column + 6, top + h / 2, self->who_width - 12, FALSE,
                   &self->palette.dim_text, PANGO_ALIGN_LEFT);
    }

  if (corner)
    {
      /* the corner above the labels */
      set_colour (canvas, &self->palette.background);
      fita_canvas_rectangle (canvas, left, header_top, fita_timeline_get_chart_left (self), line * 2);
      fita_canvas_fill (canvas);
      /* Translators: column headings of the timeline: the items, and who does them */
      draw_text (p, T_ (self->translator, "Item"), left + 8, header_top + line * 1.5, column - 16, TRUE,
                 &self->palette.dim_text, PANGO_ALIGN_LEFT);
      if (self->show_who)
        draw_text (p, T_ (self->translator, "Who"), left + column + 6, header_top + line * 1.5,
                   self->who_width - 12, TRUE, &self->palette.dim_text, PANGO_ALIGN_LEFT);
    }
  set_colour (canvas, &self->palette.year_grid);
  fita_canvas_set_line_width (canvas, 1);
  fita_canvas_move_to (canvas, left + fita_timeline_get_chart_left (self) - 0.5, header_top);
  fita_canvas_line_to (canvas, left + fita_timeline_get_chart_left (self) - 0.5, top_of_first + (last - first) * h);
  if (corner)
    {
      fita_canvas_move_to (canvas, left, floor (header_top + line * 2) - 0.5);
      fita_canvas_line_to (canvas, left + fita_timeline_get_chart_left (self), floor (header_top + line * 2) - 0.5);
    }
  fita_canvas_stroke (canvas);
}

void
fita_timeline_draw (FitaTimeline *self, cairo_t *cr, double x, double y, double width, double height,
                    FitaTimelineDrawFlags flags)
{
  g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_cairo (cr);

  fita_timeline_draw_on (self, canvas, x, y, width, height, flags);
}

void
fita_timeline_draw_on (FitaTimeline *self, FitaCanvas *canvas, double x, double y, double width, double height,
                       FitaTimelineDrawFlags flags)
{
  Painter p = { self, canvas, NULL, NULL, NULL, (flags & FITA_TIMELINE_EXACT) != 0, 0, FALSE, { NULL }, NULL, NULL };
  double header = fita_timeline_get_header_height (self);
  double h = self->row_height;
  double chart_left = fita_timeline_get_chart_left (self);
  double header_top = (flags & FITA_TIMELINE_STICKY_HEADER) ? y : 0;
  double rows_top = header;           /* canvas y of row 0 */
  double visible_top = y + ((flags & FITA_TIMELINE_STICKY_HEADER) ? header : 0);
  double labels_left = (flags & FITA_TIMELINE_STICKY_LABELS) ? x : 0;
  double chart_visible_left = (flags & FITA_TIMELINE_STICKY_LABELS) ? x + chart_left : chart_left;
  guint first, last;

  fita_canvas_save (canvas);
  fita_canvas_translate (canvas, -x, -y);
  if (!p.exact)
    {
      fita_canvas_rectangle (canvas, x, y, width, height);
      fita_canvas_clip (canvas);
    }

  if (self->pango_context == NULL)
    {
      self->pango_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }
  /* the cairo_t's font options and scale (its layouts then laid out again
   * only if they changed); in print, the font's own advances: glyphs
   * rounded to whole pixels make the PDF position each one apart, a good
   * part of its size */
  update_context (self, fita_canvas_get_context (canvas));
  pango_context_set_round_glyph_positions (self->pango_context, !p.exact);
  if (p.exact && self->text == NULL)
    self->text = fita_text_new (self->pango_context);
  p.font = pango_font_description_from_string (self->font);
  p.bold = pango_font_description_copy (p.font);
  pango_font_description_set_weight (p.bold, PANGO_WEIGHT_BOLD);
  /* no ligatures, as in the reports' text (each letter its own glyph in a PDF) */
  p.attributes = pango_attr_list_new ();
  pango_attr_list_insert (p.attributes, pango_attr_font_features_new ("liga 0, clig 0"));
  for (int i = 0; i < N_LAYERS; i++)
    p.layers[i] = g_array_new (FALSE, FALSE, sizeof (Shape));
  p.fills = g_array_new (FALSE, FALSE, sizeof (Shape));
  /* in print nothing is clipped and text covers no shape: all of it last */
  if (p.exact)
    p.texts = g_array_new (FALSE, FALSE, sizeof (PendingText));

  set_colour (canvas, &self->palette.background);
  if (p.exact)
    {
      fita_canvas_rectangle (canvas, x, y, width, height);
      fita_canvas_fill (canvas);
    }
  else
    fita_canvas_paint (canvas);

  /* only the rows in view (in print, whole rows) */
  first = visible_top > rows_top ? (guint) ((visible_top - rows_top) / h + (p.exact ? 0.5 : 0)) : 0;
  if (p.exact)
    last = MIN (self->rows->len, (guint) MAX (0, floor ((y + height - rows_top) / h + 1e-6)));
  else
    last = MIN (self->rows->len, (guint) ceil ((y + height - rows_top) / h) + 1);
  if (first > last)
    first = last;

  /* row stripes across the chart (in print, across the labels too: what
   * the labels' backgrounds would be, unless the chart comes over them) */
  p.chart_left = chart_visible_left;
  for (guint r = first; r < last; r++)
    {
      FitaItem *item = g_ptr_array_index (self->rows, r);
      double from = p.exact ? labels_left : chart_visible_left;
      if (item->rec.id == self->selected || r % 2)
        add_shape (p.fills, item->rec.id == self->selected ? &self->palette.selection : &self->palette.stripe, -1,
                   SHAPE_RECT, from, rows_top + r * h, x + width - from, h, 0, 0);
    }
  draw_shapes (canvas, p.fills, FALSE);

  fita_canvas_save (canvas);
  if (!p.exact)
    {
      fita_canvas_rectangle (canvas, chart_visible_left, visible_top, x + width - chart_visible_left, y + height - visible_top);
      fita_canvas_clip (canvas);
    }
  draw_grid (&p, visible_top, y + height, chart_visible_left, x + width);
  for (guint r = first; r < last; r++)
    draw_row_chart (&p, r, rows_top + r * h, chart_visible_left, x + width);
  draw_layers (&p);
  draw_today (&p, visible_top, y + height, chart_visible_left, x + width);
  fita_canvas_restore (canvas);

  /* labels, then the header over everything */
  fita_canvas_save (canvas);
  if (!p.exact)
    {
      fita_canvas_rectangle (canvas, labels_left, visible_top, chart_left, y + height - visible_top);
      fita_canvas_clip (canvas);
    }
  draw_labels (&p, first, last, rows_top + first * h, labels_left, p.exact ? header_top : -1e6, FALSE);
  fita_canvas_restore (canvas);

  draw_header (&p, header_top, chart_visible_left, chart_visible_left, x + width);
  {
    /* the corner: headings of the label columns */
    fita_canvas_save (canvas);
    if (!p.exact)
      {
        fita_canvas_rectangle (canvas, labels_left, header_top, chart_left, header);
        fita_canvas_clip (canvas);
      }
    draw_labels (&p, 0, 0, p.exact ? header_top + header : rows_top, labels_left, header_top, TRUE);
    fita_canvas_restore (canvas);
  }
  draw_pending_texts (&p);

  for (int i = 0; i < N_LAYERS; i++)
    g_array_unref (p.layers[i]);
  g_array_unref (p.fills);
  if (p.texts != NULL)
    g_array_unref (p.texts);
  pango_font_description_free (p.font);
  pango_font_description_free (p.bold);
  pango_attr_list_unref (p.attributes);
  fita_canvas_restore (canvas);
}

gboolean
fita_timeline_hit (FitaTimeline *self, double x, double y, double viewport_x, double viewport_y,
                   FitaTimelineDrawFlags flags, FitaTimelineHit *hit)
{
  double header = fita_timeline_get_header_height (self);
  double chart_left = fita_timeline_get_chart_left (self);
  double header_top = (flags & FITA_TIMELINE_STICKY_HEADER) ? viewport_y : 0;
  double labels_right = ((flags & FITA_TIMELINE_STICKY_LABELS) ? viewport_x : 0) + chart_left;
  double grab = 5;
  int row;
  Span span;
  FitaItem *item;

  memset (hit, 0, sizeof *hit);
  hit->row = -1;
  /* sticky labels cover the chart; they do not move it */
  hit->time = fita_timeline_time_at_x (self, x);
  hit->year = (int) floor (hit->time);
  hit->half = hit->time - hit->year < 0.5 ? 1 : 2;

  if (y >= header_top && y < header_top + header)
    {
      hit->part = FITA_TIMELINE_HIT_HEADER;
      return TRUE;
    }
  row = (int) floor ((y - header) / self->row_height);
  if (y < header || row < 0 || (guint) row >= self->rows->len)
    return FALSE;
  item = g_ptr_array_index (self->rows, row);
  hit->row = row;
  hit->item = item;
  if (x < labels_right)
    {
      hit->part = FITA_TIMELINE_HIT_LABEL;
      return TRUE;
    }

  span = own_span (item);
  if (span.known && g_hash_table_lookup (summaries (self), &item->rec.id) == NULL)
    {
      double x0 = fita_timeline_x_for_time (self, span.start);
      double x1 = fita_timeline_x_for_time (self, span.end);
      if (fabs (x - x0) <= grab)
        hit->part = FITA_TIMELINE_HIT_BAR_START;
      else if (fabs (x - x1) <= grab)
        hit->part = FITA_TIMELINE_HIT_BAR_END;
      else if (x > x0 && x < x1 && item->semesters == NULL)
        hit->part = FITA_TIMELINE_HIT_BAR;
      if (hit->part != FITA_TIMELINE_HIT_NONE)
        return TRUE;
    }
  if (self->zoom == FITA_ZOOM_SEMESTER || item->semesters != NULL)
    hit->part = FITA_TIMELINE_HIT_CELL;
  else
    hit->part = FITA_TIMELINE_HIT_EMPTY;
  return TRUE;
}
