/* The paged timeline's arithmetic: rows per page, pages, never a row cut,
 * the ranges of rows and years, the names of tiles. */
#include "fita-timeline-export.h"
#include "fita-error.h"
#include "fita-synthetic.h"
#include "fita-test-util.h"

#include <math.h>

static void
test_rows_per_page (void)
{
  /* 500 high, a header of 40 and rows of 20: 23 whole rows (460) */
  g_assert_cmpuint (fita_timeline_rows_per_page (500, 40, 20), ==, 23);
  /* exactly full */
  g_assert_cmpuint (fita_timeline_rows_per_page (480, 40, 20), ==, 22);
  /* a row that does not fit still makes progress */
  g_assert_cmpuint (fita_timeline_rows_per_page (30, 40, 20), ==, 1);
  g_assert_cmpuint (fita_timeline_page_count (0, 23), ==, 1);
  g_assert_cmpuint (fita_timeline_page_count (23, 23), ==, 1);
  g_assert_cmpuint (fita_timeline_page_count (24, 23), ==, 2);
  g_assert_cmpuint (fita_timeline_page_count (100000, 22), ==, 4546);
}

static void
test_ranges (void)
{
  guint from, to;
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_timeline_parse_range ("3:40", &from, &to, NULL));
  g_assert_cmpuint (from, ==, 3);
  g_assert_cmpuint (to, ==, 40);
  g_assert_true (fita_timeline_parse_range (":40", &from, &to, NULL));
  g_assert_cmpuint (from, ==, 0);
  g_assert_true (fita_timeline_parse_range ("7:", &from, &to, NULL));
  g_assert_cmpuint (to, ==, 0);
  g_assert_true (fita_timeline_parse_range ("7", &from, &to, NULL));
  g_assert_cmpuint (from, ==, 7);
  g_assert_cmpuint (to, ==, 7);
  g_assert_false (fita_timeline_parse_range ("0:3", &from, &to, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
  g_assert_false (fita_timeline_parse_range ("9:3", &from, &to, NULL));
  g_assert_false (fita_timeline_parse_range ("1-3", &from, &to, NULL));
  g_assert_false (fita_timeline_parse_range (":", &from, &to, NULL));
  g_assert_false (fita_timeline_parse_range ("", &from, &to, NULL));
}

static void
test_paging (void)
{
  g_autoptr(FitaPlan) plan = fita_synthetic_plan (2000);
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (plan, NULL);
  FitaTimelineExportOptions a4 = { FITA_PAPER_A4 };
  FitaTimelineExportOptions a3 = { FITA_PAPER_A3 };
  FitaTimelineExportOptions bad = { FITA_PAPER_A4, .first_row = 10, .last_row = 2001 };
  FitaTimelinePaging p4, p3;
  g_autoptr(GError) error = NULL;
  double usable, header = fita_timeline_get_header_height (timeline), row = fita_timeline_get_row_height (timeline);
  int first, last;

  g_assert_true (fita_timeline_paging_compute (timeline, &a4, &p4, NULL));
  g_assert_true (fita_timeline_paging_compute (timeline, &a3, &p3, NULL));
  /* landscape */
  g_assert_cmpfloat (p4.page_width, >, p4.page_height);
  g_assert_cmpfloat (fabs (p4.page_width - 841.89), <, 0.1);
  g_assert_cmpfloat (fabs (p3.page_width - 1190.55), <, 0.1);
  g_assert_cmpuint (p4.n_rows, ==, 2000);
  /* whole rows: what a page holds fits its height, one more would not */
  usable = p4.page_height - 2 * p4.margin - p4.title_height - p4.footer_height;
  g_assert_cmpfloat ((header + p4.rows_per_page * row) * p4.scale, <=, usable + 1e-6);
  g_assert_cmpfloat ((header + (p4.rows_per_page + 1) * row) * p4.scale, >, usable);
  g_assert_cmpuint (p4.n_bands, ==, (2000 + p4.rows_per_page - 1) / p4.rows_per_page);
  g_assert_cmpuint (p4.n_pages, ==, p4.n_bands * p4.n_strips);
  /* the years, whole, across the strips */
  fita_timeline_get_years (timeline, &first, &last);
  g_assert_cmpuint (p4.n_strips * p4.years_per_strip, >=, (guint) (last - first + 1));
  g_assert_cmpuint ((p4.n_strips - 1) * p4.years_per_strip, <, (guint) (last - first + 1));
  g_assert_cmpfloat (p4.scale, >=, FITA_TIMELINE_MIN_PAGE_SCALE - 1e-9);
  g_assert_cmpuint (p3.n_pages, <, p4.n_pages);

  g_assert_false (fita_timeline_paging_compute (timeline, &bad, &p4, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
}

static void
test_tile_names (void)
{
  g_autofree char *a = fita_timeline_tile_path ("/tmp/x.y/t.png", 0, 12);
  g_autofree char *b = fita_timeline_tile_path ("t.svg", 1233, 1234);
  g_autofree char *c = fita_timeline_tile_path ("dir.d/t", 4, 5);

  g_assert_cmpstr (a, ==, "/tmp/x.y/t-001.png");
  g_assert_cmpstr (b, ==, "t-1234.svg");
  g_assert_cmpstr (c, ==, "dir.d/t-005");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/timeline-export/rows-per-page", test_rows_per_page);
  g_test_add_func ("/timeline-export/ranges", test_ranges);
  g_test_add_func ("/timeline-export/paging", test_paging);
  g_test_add_func ("/timeline-export/tile-names", test_tile_names);
  return g_test_run ();
}
