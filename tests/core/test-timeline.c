/* The timeline's layout and drawing, on the XMESS work plan and Terrassa. */
#include "fita-timeline.h"
#include "fita-synthetic.h"
#include "fita-test-util.h"

#include <math.h>
#include <string.h>

static void
test_dates (void)
{
  double start, end;

  g_assert_true (fita_date_to_time ("2018", &start, &end));
  g_assert_cmpfloat (start, ==, 2018);
  g_assert_cmpfloat (end, ==, 2019);
  g_assert_true (fita_date_to_time ("2018-07", &start, &end));
  g_assert_cmpfloat_with_epsilon (start, 2018.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 2018 + 7 / 12.0, 1e-9);
  g_assert_true (fita_date_to_time ("2018-07-01", &start, &end));
  g_assert_cmpfloat_with_epsilon (start, 2018.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (end - start, 1 / (12.0 * 31), 1e-9);
  g_assert_false (fita_date_to_time ("2018-13", &start, &end));
  g_assert_false (fita_date_to_time ("juny", &start, &end));
  g_assert_false (fita_date_to_time (NULL, &start, &end));
}

static void
test_spans (void)
{
  g_autoptr(FitaPlan) ess = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTimeline) t1 = fita_timeline_new (ess, NULL);
  g_autoptr(FitaTimeline) t2 = fita_timeline_new (xmess, NULL);
  double start, end;
  gboolean milestone;
  int first, last;

  /* an actuació with only an end year is a one-year bar */
  g_assert_true (fita_timeline_item_span (t1, fita_plan_find_item (ess, "11.1"), &start, &end, &milestone));
  g_assert_cmpfloat (start, ==, 2024);
  g_assert_cmpfloat (end, ==, 2025);
  g_assert_false (milestone);
  /* not scheduled at all */
  g_assert_false (fita_timeline_item_span (t1, fita_plan_find_item (ess, "11.3"), NULL, NULL, NULL));
  /* the programme sums up its actions */
  g_assert_true (fita_timeline_item_span (t1, fita_plan_find_item (ess, "11"), &start, &end, NULL));
  g_assert_cmpfloat (start, ==, 2024);
  g_assert_cmpfloat (end, ==, 2025);
  /* the columns cover the period of validity */
  fita_timeline_get_years (t1, &first, &last);
  g_assert_cmpint (first, ==, 2019);
  g_assert_cmpint (last, ==, 2026);
  g_assert_cmpint (fita_timeline_get_zoom (t1), ==, FITA_ZOOM_YEAR);

  /* XMESS: semesters; an objective spans its actions' cells */
  g_assert_cmpint (fita_timeline_get_zoom (t2), ==, FITA_ZOOM_SEMESTER);
  g_assert_true (fita_timeline_item_span (t2, fita_plan_find_item (xmess, "III.3"), &start, &end, NULL));
  g_assert_cmpfloat (start, ==, 2017);
  g_assert_cmpfloat (end, ==, 2018.5);
  g_assert_cmpuint (fita_timeline_get_n_rows (t2), ==, 3 + 7 + 34);
}

static void
test_milestones (void)
{
  g_autoptr(FitaPlan) plan = fita_plan_new_default ("Fites");
  FitaItem *item = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  g_autoptr(FitaTimeline) timeline = NULL;
  double start, end;
  gboolean milestone;

  item->code = g_strdup ("1");
  item->start_date = g_strdup ("2024-03-15");
  fita_plan_adopt_record (plan, item);
  timeline = fita_timeline_new (plan, NULL);
  g_assert_true (fita_timeline_item_span (timeline, item, &start, &end, &milestone));
  g_assert_true (milestone);
  fita_plan_set_text (plan, item, "end_date", "2024-03-15", NULL);
  g_assert_true (fita_timeline_item_span (timeline, item, &start, &end, &milestone));
  g_assert_true (milestone);
  fita_plan_set_text (plan, item, "end_date", "2024-06", NULL);
  g_assert_true (fita_timeline_item_span (timeline, item, &start, &end, &milestone));
  g_assert_false (milestone);
  g_assert_cmpfloat_with_epsilon (end, 2024.5, 1e-9);
}

static void
test_geometry_and_snap (void)
{
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (xmess, NULL);
  double x = fita_timeline_x_for_time (timeline, 2018.5);
  double width, height;

  g_assert_cmpfloat_with_epsilon (fita_timeline_time_at_x (timeline, x), 2018.5, 1e-9);
  g_assert_cmpfloat (fita_timeline_x_for_time (timeline, 2017), ==, fita_timeline_get_chart_left (timeline));
  g_assert_cmpfloat (fita_timeline_snap (timeline, 2018.3), ==, 2018.5);
  g_assert_cmpfloat (fita_timeline_snap (timeline, 2018.2), ==, 2018);
  fita_timeline_set_zoom (timeline, FITA_ZOOM_YEAR);
  g_assert_cmpfloat (fita_timeline_snap (timeline, 2018.4), ==, 2018);
  fita_timeline_set_zoom (timeline, FITA_ZOOM_QUARTER);
  g_assert_cmpfloat (fita_timeline_snap (timeline, 2018.3), ==, 2018.25);
  fita_timeline_set_zoom (timeline, FITA_ZOOM_MONTH);
  g_assert_cmpfloat_with_epsilon (fita_timeline_snap (timeline, 2018.3), 2018 + 4 / 12.0, 1e-9);

  fita_timeline_get_size (timeline, &width, &height);
  g_assert_cmpfloat (height, ==, fita_timeline_get_header_height (timeline) + 44 * fita_timeline_get_row_height (timeline));
  g_assert_cmpfloat (width, >, fita_timeline_get_chart_left (timeline) + 3 * 12 * 20);
}

static void
test_hit (void)
{
  g_autoptr(FitaPlan) ess = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (ess, NULL);
  double header = fita_timeline_get_header_height (timeline);
  double h = fita_timeline_get_row_height (timeline);
  double y = header + 3 * h + h / 2;   /* row 3: 11.1, 2024 */
  double x0 = fita_timeline_x_for_time (timeline, 2024);
  double x1 = fita_timeline_x_for_time (timeline, 2025);
  FitaTimelineHit hit;

  g_assert_true (fita_timeline_hit (timeline, (x0 + x1) / 2, y, 0, 0, 0, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_BAR);
  g_assert_cmpstr (hit.item->code, ==, "11.1");
  g_assert_cmpint (hit.year, ==, 2024);
  g_assert_true (fita_timeline_hit (timeline, x0 + 1, y, 0, 0, 0, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_BAR_START);
  g_assert_true (fita_timeline_hit (timeline, x1 - 2, y, 0, 0, 0, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_BAR_END);
  g_assert_true (fita_timeline_hit (timeline, 20, y, 0, 0, 0, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_LABEL);
  g_assert_true (fita_timeline_hit (timeline, x0 - 40, y, 0, 0, 0, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_EMPTY);
  g_assert_true (fita_timeline_hit (timeline, x0, 2, 0, 0, 0, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_HEADER);
  g_assert_false (fita_timeline_hit (timeline, x0, header + 100 * h, 0, 0, 0, &hit));

  /* with a sticky header scrolled down by 2 rows, the same item is 2 rows up */
  g_assert_true (fita_timeline_hit (timeline, (x0 + x1) / 2, y, 0, 2 * h,
                                    FITA_TIMELINE_STICKY_HEADER, &hit));
  g_assert_cmpstr (hit.item->code, ==, "11.1");
}

static void
test_describe (void)
{
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaPlan) ess = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaTranslator) en = fita_translator_new ("en");
  g_autoptr(FitaTimeline) t1 = fita_timeline_new (xmess, en);
  g_autoptr(FitaTimeline) t2 = fita_timeline_new (ess, en);
  g_autofree char *a = fita_timeline_describe_item (t1, fita_plan_find_item (xmess, "I.1.3"));
  g_autofree char *b = fita_timeline_describe_item (t2, fita_plan_find_item (ess, "11.1"));
  g_autofree char *c = fita_timeline_describe_item (t2, fita_plan_find_item (ess, "11.3"));

  g_assert_true (g_str_has_prefix (a, "I.1.3 Compartir informes"));
  g_assert_nonnull (strstr (a, ": 2017 1st semester to 2019 1st semester"));
  g_assert_cmpstr (b, ==, "11.1 Radiografia d'agents i antenes dels barris: 2024, 30%");
  g_assert_cmpstr (c, ==, "11.3 Tallers generació idees àmbit ESS: not scheduled, 0%");
}

/* What a screen reader hears of the whole timeline. */
static void
test_summary (void)
{
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTranslator) en = fita_translator_new ("en");
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (xmess, en);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (xmess, NULL);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *all = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *single = NULL;
  guint scheduled = 0;
  int first, last;

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      if (item->semesters != NULL || item->start_year != FITA_NONE || item->end_year != FITA_NONE ||
          item->start_date != NULL || item->end_date != NULL)
        scheduled++;
    }
  g_assert_cmpuint (scheduled, >, 0);
  fita_timeline_set_zoom (timeline, FITA_ZOOM_SEMESTER);
  fita_timeline_get_years (timeline, &first, &last);
  g_assert_cmpint (first, ==, 2017);
  g_assert_cmpint (last, ==, 2019);
  all = fita_timeline_get_summary (timeline);
  expected = g_strdup_printf ("Timeline of %u items from 2017 to 2019, by semester; %u scheduled.", items->len, scheduled);
  g_assert_cmpstr (all, ==, expected);

  /* one row: singular, and the years are those of the plan's period */
  g_ptr_array_add (one, fita_plan_find_item (xmess, "I.1.3"));
  fita_timeline_set_rows (timeline, one);
  fita_timeline_set_zoom (timeline, FITA_ZOOM_YEAR);
  single = fita_timeline_get_summary (timeline);
  g_assert_cmpstr (single, ==, "Timeline of 1 item from 2017 to 2019, by year; 1 scheduled.");
}

/* The "who" column: responsibilities, or else the other services the plan
 * names (Terrassa's actions name only those). */
static void
test_describe_who (void)
{
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaPlan) ess = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaTranslator) en = fita_translator_new ("en");
  g_autoptr(FitaTimeline) t1 = fita_timeline_new (xmess, en);
  g_autoptr(FitaTimeline) t2 = fita_timeline_new (ess, en);
  FitaItem *with_agents = NULL;
  g_autofree char *services = fita_timeline_describe_who (t2, fita_plan_find_item (ess, "11.1"));
  g_autofree char *programme = fita_timeline_describe_who (t2, fita_plan_find_item (ess, "11"));
  g_autofree char *agents = NULL;
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (xmess, NULL);

  g_assert_cmpuint (fita_plan_count (ess, FITA_TABLE_RESPONSIBILITY), ==, 0);
  g_assert_cmpstr (services, ==, "Servei d'Emprenedoria i Economia Social");
  /* nothing named, nothing said */
  g_assert_cmpstr (programme, ==, "");

  /* responsibilities come first, as before */
  for (guint i = 0; i < items->len && with_agents == NULL; i++)
    if (fita_plan_list (xmess, FITA_TABLE_RESPONSIBILITY, ((FitaItem *) g_ptr_array_index (items, i))->rec.id)->len > 0)
      with_agents = g_ptr_array_index (items, i);
  g_assert_nonnull (with_agents);
  agents = fita_timeline_describe_who (t1, with_agents);
  g_assert_nonnull (strchr (agents, ':'));
}

static guint32
pixel (cairo_surface_t *surface, double x, double y)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + (int) y * stride + (int) x * 4) & 0xffffff;
}

/* Renders the whole XMESS plan and checks that ticked semester cells are
 * filled with the bar colour and unticked ones are not. */
static void
test_image (void)
{
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (xmess, NULL);
  double width, height, header, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint row_111 = 2, row_113 = 4;      /* I, I.1, I.1.1, I.1.2, I.1.3 */
  FitaItem *i111 = fita_plan_find_item (xmess, "I.1.1");
  FitaItem *i113 = fita_plan_find_item (xmess, "I.1.3");
  const char *dir = g_getenv ("FITA_SCREENSHOT_DIR");

  fita_timeline_set_show_who (timeline, TRUE);
  fita_timeline_set_today (timeline, 2018, 3, 1);
  fita_timeline_get_size (timeline, &width, &height);
  header = fita_timeline_get_header_height (timeline);
  h = fita_timeline_get_row_height (timeline);
  g_assert_true (fita_timeline_get_row (timeline, row_111) == i111);
  g_assert_true (fita_timeline_get_row (timeline, row_113) == i113);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  fita_timeline_draw (timeline, cr, 0, 0, width, height, FITA_TIMELINE_DRAW_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "timeline-xmess.png", NULL);
      cairo_surface_write_to_png (surface, path);
    }

  for (int year = 2017; year <= 2019; year++)
    for (int half = 1; half <= 2; half++)
      {
        double x = fita_timeline_x_for_time (timeline, year + (half - 0.5) * 0.5);
        const guint32 bar = 0x3584e4 & 0xffffff;
        for (guint r = 0; r < 2; r++)
          {
            FitaItem *item = r ? i113 : i111;
            double y = header + (r ? row_113 : row_111) * h + h / 2;
            guint32 colour = pixel (surface, x, y);
            /* the cell is painted at 85 % over the row: close to the accent */
            gboolean filled = ABS ((int) ((colour >> 16) & 0xff) - (int) ((bar >> 16) & 0xff)) < 40 &&
                              ABS ((int) (colour & 0xff) - (int) (bar & 0xff)) < 40;
            g_assert_cmpint (filled, ==, fita_semesters_contains (item->semesters, year, half));
          }
      }
  /* the today line (March 2018) is red */
  {
    double x = fita_timeline_x_for_time (timeline, 2018 + 2 / 12.0);
    guint32 colour = pixel (surface, x, header + 10 * h + h / 2);
    g_assert_cmpuint ((colour >> 16) & 0xff, >, 0xc0);
    g_assert_cmpuint (colour & 0xff, <, 0x60);
  }
  cairo_surface_destroy (surface);
}

static gboolean
cell_filled (cairo_surface_t *surface, double x, double y)
{
  const guint32 bar = 0x3584e4;
  guint32 colour = pixel (surface, x, y);

  return ABS ((int) ((colour >> 16) & 0xff) - (int) ((bar >> 16) & 0xff)) < 40 &&
         ABS ((int) (colour & 0xff) - (int) (bar & 0xff)) < 40;
}

/* What a row draws is kept from one drawing to the next (its ticked
 * semesters read once): a change to the plan is drawn all the same. */
static void
test_redraw_after_change (void)
{
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (xmess, NULL);
  FitaItem *i111 = fita_plan_find_item (xmess, "I.1.1");
  double width, height, x, y;
  cairo_surface_t *surface;
  int year = 2019, half = 2;

  fita_timeline_get_size (timeline, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
  x = fita_timeline_x_for_time (timeline, year + (half - 0.5) * 0.5);
  y = fita_timeline_get_header_height (timeline) + 2.5 * fita_timeline_get_row_height (timeline);
  g_assert_true (fita_timeline_get_row (timeline, 2) == i111);

  for (int round = 0; round < 2; round++)
    {
      gboolean ticked = fita_semesters_contains (i111->semesters, year, half);
      g_autofree char *toggled = fita_semesters_toggle (i111->semesters, year, half);
      cairo_t *cr = cairo_create (surface);

      fita_timeline_draw (timeline, cr, 0, 0, width, height, FITA_TIMELINE_DRAW_DEFAULT);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_assert_cmpint (cell_filled (surface, x, y), ==, ticked);

      g_assert_true (fita_plan_set_text (xmess, i111, "semesters", toggled, NULL));
      g_assert_cmpint (fita_semesters_contains (i111->semesters, year, half), !=, ticked);
      cr = cairo_create (surface);
      fita_timeline_draw (timeline, cr, 0, 0, width, height, FITA_TIMELINE_DRAW_DEFAULT);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_assert_cmpint (cell_filled (surface, x, y), !=, ticked);
    }
  cairo_surface_destroy (surface);
}

/* Drawing a viewport costs what the viewport shows: a plan 100 times
 * larger draws the same rows. */
static void
test_virtual (void)
{
  g_autoptr(FitaPlan) plan = fita_synthetic_plan (2000);
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (plan, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
  cairo_t *cr = cairo_create (surface);
  double width, height;

  fita_timeline_get_size (timeline, &width, &height);
  g_assert_cmpfloat (height, >, 2000 * fita_timeline_get_row_height (timeline));
  /* the bottom of the canvas: the last rows, with the header stuck on top */
  fita_timeline_draw (timeline, cr, 0, height - 400, 800, 400,
                      FITA_TIMELINE_STICKY_HEADER | FITA_TIMELINE_STICKY_LABELS);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline/dates", test_dates);
  g_test_add_func ("/timeline/spans", test_spans);
  g_test_add_func ("/timeline/milestones", test_milestones);
  g_test_add_func ("/timeline/geometry-and-snap", test_geometry_and_snap);
  g_test_add_func ("/timeline/hit", test_hit);
  g_test_add_func ("/timeline/describe", test_describe);
  g_test_add_func ("/timeline/describe-who", test_describe_who);
  g_test_add_func ("/timeline/summary", test_summary);
  g_test_add_func ("/timeline/image", test_image);
  g_test_add_func ("/timeline/virtual", test_virtual);
  g_test_add_func ("/timeline/redraw-after-change", test_redraw_after_change);
  return g_test_run ();
}
