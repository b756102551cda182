/* test-timeline-view: the timeline canvas under Xvfb: ticking semesters by
 * pointer and keyboard, dragging bars, zooming; each change in the file. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-examples.h"
#include "fita-timeline-page.h"
#include "fita-timeline-view.h"
#include "fita-application.h"
#include "fita-ui-test.h"

typedef struct {
  GtkWindow *window;
  FitaTimelineView *view;
  FitaPlan *plan;
  char *path;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) example = fita_example_load (data, &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_assert_no_error (error);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  f->path = g_strdup_printf ("%s/%s.fita", g_get_user_cache_dir (), (const char *) data);
  g_remove (f->path);
  fita_plan_save_new (example, f->path, &error);
  g_assert_no_error (error);
  /* let go of the new file, so this test's plan is its only editor */
  fita_plan_close (example);
  f->plan = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 720);
  f->view = FITA_TIMELINE_VIEW (fita_timeline_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, scroller);
  fita_timeline_view_set_plan (f->view, f->plan);
  gtk_window_present (f->window);
  settle ();
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->plan);
  g_free (f->path);
}

/* The item as a fresh reader of the file sees it. */
static char *
semesters_in_file (Fixture *f, const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) reader = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return g_strdup (fita_plan_find_item (reader, code)->semesters);
}

static gint64
year_in_file (Fixture *f, const char *code, const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) reader = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);
  FitaItem *item;

  g_assert_no_error (error);
  item = fita_plan_find_item (reader, code);
  return g_str_equal (field, "start") ? item->start_year : item->end_year;
}

static double
scrolled (Fixture *f, gboolean horizontal)
{
  GtkAdjustment *adjustment = horizontal ? gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view))
                                         : gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));

  return adjustment ? gtk_adjustment_get_value (adjustment) : 0;
}

/* Where, in the widget (as scrolled), a cell of an item's row is. */
static void
cell_centre (Fixture *f, const char *code, double t, double *x, double *y)
{
  FitaTimeline *timeline = fita_timeline_view_get_timeline (f->view);
  FitaItem *item = fita_plan_find_item (fita_timeline_view_get_plan (f->view), code);

  for (guint r = 0; r < fita_timeline_get_n_rows (timeline); r++)
    if (fita_timeline_get_row (timeline, r) == item)
      {
        *x = fita_timeline_x_for_time (timeline, t) - scrolled (f, TRUE);
        *y = fita_timeline_get_header_height (timeline) + (r + 0.5) * fita_timeline_get_row_height (timeline) -
             scrolled (f, FALSE);
        return;
      }
  g_assert_not_reached ();
}

static void
test_tick_by_pointer (Fixture *f, gconstpointer data)
{
  double x, y;
  g_autofree char *before = semesters_in_file (f, "I.1.1");
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *shot = NULL;

  g_assert_false (fita_semesters_contains (before, 2019, 1));
  cell_centre (f, "I.1.1", 2019.25, &x, &y);
  fita_timeline_view_drag (f->view, x, y, x, y);
  after = semesters_in_file (f, "I.1.1");
  g_assert_true (fita_semesters_contains (after, 2019, 1));
  g_assert_cmpint (fita_timeline_view_get_selected (f->view), ==, fita_plan_find_item (f->plan, "I.1.1")->rec.id);
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "timeline-xmess");
  assert_png (shot, 1100, 700);

  g_assert_true (fita_plan_undo (f->plan, NULL));
  undone = semesters_in_file (f, "I.1.1");
  g_assert_cmpstr (undone, ==, before);
}

static void
test_tick_by_keyboard (Fixture *f, gconstpointer data)
{
  int year, half;
  g_autofree char *after = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  fita_timeline_view_set_selected (f->view, fita_plan_find_item (f->plan, "I.1.2")->rec.id);
  /* Right from the first semester: 2017 2nd semester */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "(ii)", 1, 0));
  fita_timeline_view_get_cursor (f->view, &year, &half);
  g_assert_cmpint (year, ==, 2017);
  g_assert_cmpint (half, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.toggle", NULL));
  after = semesters_in_file (f, "I.1.2");
  g_assert_true (fita_semesters_contains (after, 2017, 2));
  /* Down moves to the next row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "(ii)", 0, 1));
  g_assert_cmpint (fita_timeline_view_get_selected (f->view), ==, fita_plan_find_item (f->plan, "I.1.3")->rec.id);
}

/* A semester inside an action's own bar is ticked by the first click, as
 * the hint says (Terrassa's 11.1 runs through 2024 and ticks nothing). */
static void
test_tick_in_bar (Fixture *f, gconstpointer data)
{
  FitaTimeline *timeline = fita_timeline_view_get_timeline (f->view);
  FitaItem *item = fita_plan_find_item (f->plan, "11.1");
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *shot = NULL;
  FitaTimelineHit hit;
  double x, y;

  g_assert_null (item->semesters);
  /* the scale Terrassa opens at */
  g_assert_cmpint (fita_timeline_view_get_zoom (f->view), ==, FITA_ZOOM_YEAR);
  cell_centre (f, "11.1", 2024.75, &x, &y);
  /* it is the bar that is under the pointer */
  g_assert_true (fita_timeline_hit (timeline, x + scrolled (f, TRUE), y + scrolled (f, FALSE),
                                    scrolled (f, TRUE), scrolled (f, FALSE),
                                    FITA_TIMELINE_STICKY_HEADER | FITA_TIMELINE_STICKY_LABELS, &hit));
  g_assert_cmpint (hit.part, ==, FITA_TIMELINE_HIT_BAR);
  /* what the click gesture calls: a drag that went nowhere */
  fita_timeline_view_drag (f->view, x, y, x + 1, y);
  after = semesters_in_file (f, "11.1");
  g_assert_cmpstr (after, ==, "2024-2");
  g_assert_cmpint (fita_timeline_view_get_selected (f->view), ==, item->rec.id);
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "timeline-terrassa-ticked");
  assert_png (shot, 1100, 700);

  /* a second click takes it back */
  fita_timeline_view_drag (f->view, x, y, x, y);
  undone = semesters_in_file (f, "11.1");
  g_assert_null (undone);
}

/* The keyboard cursor starts on a semester in view, not under the labels
 * of a timeline opened on its followed year. */
static void
test_cursor_starts_visible (Fixture *f, gconstpointer data)
{
  FitaTimeline *timeline = fita_timeline_view_get_timeline (f->view);
  int year, half, start;
  double x0;

  /* scrolled as the window opens a plan on its followed year, 2024, with
   * a little of the year before in view */
  fita_timeline_view_set_zoom (f->view, FITA_ZOOM_SEMESTER);
  settle ();
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view)),
                            fita_timeline_x_for_time (timeline, 2023.5) - fita_timeline_get_chart_left (timeline));
  g_assert_cmpfloat (scrolled (f, TRUE), >, 0);
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "(ii)", 0, 0));
  fita_timeline_view_get_cursor (f->view, &year, &half);
  x0 = fita_timeline_x_for_time (timeline, year + (half - 1) * 0.5) - scrolled (f, TRUE);
  g_assert_cmpfloat (x0, >=, fita_timeline_get_chart_left (timeline) - 0.5);
  g_assert_cmpfloat (x0, <, gtk_widget_get_width (GTK_WIDGET (f->view)));
  /* the first semester in view: the one before it is not */
  g_assert_cmpfloat (x0 - (fita_timeline_x_for_time (timeline, 0.5) - fita_timeline_x_for_time (timeline, 0)), <,
                     fita_timeline_get_chart_left (timeline) - 0.5);
  start = year * 2 + half;

  /* Left goes back, scrolling so that the cursor stays in view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "(ii)", -1, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "(ii)", -1, 0));
  fita_timeline_view_get_cursor (f->view, &year, &half);
  g_assert_cmpint (year * 2 + half, ==, start - 2);
  x0 = fita_timeline_x_for_time (timeline, year + (half - 1) * 0.5) - scrolled (f, TRUE);
  g_assert_cmpfloat (x0, >=, fita_timeline_get_chart_left (timeline) - 0.5);
  settle ();
  {
    g_autofree char *shot = save_screenshot (GTK_WIDGET (f->window), "timeline-terrassa-cursor");
    assert_png (shot, 1100, 700);
  }
}

/* With the "who" column on, Terrassa's actions show the other services
 * they name, having no responsibilities. */
static void
test_who_other_services (Fixture *f, gconstpointer data)
{
  FitaTimeline *timeline = fita_timeline_view_get_timeline (f->view);
  g_autofree char *who = NULL;
  g_autofree char *shot = NULL;

  fita_timeline_view_set_show_who (f->view, TRUE);
  who = fita_timeline_describe_who (timeline, fita_plan_find_item (f->plan, "11.2"));
  g_assert_cmpstr (who, ==, "Servei d'Emprenedoria i Economia Social");
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "timeline-terrassa-who");
  assert_png (shot, 1100, 700);
}

static void
test_drag_bars (Fixture *f, gconstpointer data)
{
  FitaTimeline *timeline = fita_timeline_view_get_timeline (f->view);
  double year_width = fita_timeline_x_for_time (timeline, 1) - fita_timeline_x_for_time (timeline, 0);
  double x, y;

  /* 11.1 is a one-year bar, 2024: move it one year later */
  cell_centre (f, "11.1", 2024.5, &x, &y);
  fita_timeline_view_drag (f->view, x, y, x + year_width, y);
  g_assert_cmpint (year_in_file (f, "11.1", "start"), ==, 2025);
  g_assert_cmpint (year_in_file (f, "11.1", "end"), ==, 2025);
  /* stretch its end to 2026 */
  cell_centre (f, "11.1", 2026.0, &x, &y);
  fita_timeline_view_drag (f->view, x - 1, y, x - 1 + year_width, y);
  g_assert_cmpint (year_in_file (f, "11.1", "end"), ==, 2026);
  /* both are undoable, one by one */
  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_cmpint (year_in_file (f, "11.1", "end"), ==, 2025);
  g_assert_true (fita_plan_undo (f->plan, NULL));
  g_assert_cmpint (year_in_file (f, "11.1", "end"), ==, 2024);
}

static void
test_zoom_and_dark (Fixture *f, gconstpointer data)
{
  g_autofree char *shot = NULL;

  g_assert_cmpint (fita_timeline_view_get_zoom (f->view), ==, FITA_ZOOM_SEMESTER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.zoom", "i", 1));
  g_assert_cmpint (fita_timeline_view_get_zoom (f->view), ==, FITA_ZOOM_QUARTER);
  fita_timeline_view_set_zoom (f->view, FITA_ZOOM_YEAR);
  fita_timeline_view_set_show_who (f->view, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "timeline-xmess-dark");
  assert_png (shot, 1100, 700);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) second = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_autofree char *before = semesters_in_file (f, "I.1.1");
  g_autofree char *after = NULL;
  double x, y;

  g_assert_true (fita_plan_is_read_only (second));
  fita_timeline_view_set_plan (f->view, second);
  cell_centre (f, "I.1.1", 2019.25, &x, &y);
  fita_timeline_view_drag (f->view, x, y, x, y);
  after = semesters_in_file (f, "I.1.1");
  g_assert_cmpstr (after, ==, before);
  fita_timeline_view_set_plan (f->view, NULL);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The page's "plan" can be bound; it follows that plan's changes and lets
 * go of it entirely. */
static void
test_page_plan_property (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load ("terrassa-ess-2019-2026", &error);
  g_autoptr(GObject) holder = g_object_ref_sink (g_object_new (FITA_TYPE_TIMELINE_PAGE, NULL));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  FitaTimelinePage *page = FITA_TIMELINE_PAGE (fita_timeline_page_new ());
  FitaTimeline *timeline;
  guint notified = 0, rows;
  guint changed = g_signal_lookup ("changed", FITA_TYPE_PLAN);

  g_assert_no_error (error);
  gtk_window_set_default_size (window, 1200, 720);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_signal_connect (page, "notify::plan", G_CALLBACK (count_notify), &notified);
  g_object_bind_property (holder, "plan", page, "plan", G_BINDING_DEFAULT);
  g_object_set (holder, "plan", plan, NULL);
  g_assert_true (fita_timeline_page_get_plan (page) == plan);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (page, "plan", plan, NULL);
  g_assert_cmpuint (notified, ==, 1);
  settle ();

  /* an item added shows as a row */
  timeline = fita_timeline_view_get_timeline (fita_timeline_page_get_view (page));
  rows = fita_timeline_get_n_rows (timeline);
  g_assert_nonnull (fita_plan_add_item (plan, fita_plan_find_item (plan, "11")->rec.id, -1, "Nova actuació", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fita_timeline_get_n_rows (timeline), ==, rows + 1);

  g_object_set (holder, "plan", NULL, NULL);
  g_assert_null (fita_timeline_page_get_plan (page));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (g_signal_has_handler_pending (plan, changed, 0, FALSE));
  gtk_window_destroy (window);
}

static gboolean
has_label (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load ("xmess-2017-2019", &error);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  FitaTimelinePage *page = FITA_TIMELINE_PAGE (fita_timeline_page_new ());
  g_autofree char *shot = NULL;

  gtk_window_set_default_size (window, 1200, 720);
  gtk_window_set_child (window, GTK_WIDGET (page));
  fita_timeline_page_set_plan (page, plan);
  gtk_window_present (window);
  settle ();
  /* XMESS ticks semesters: the page opens at that scale */
  g_assert_cmpint (fita_timeline_view_get_zoom (fita_timeline_page_get_view (page)), ==, FITA_ZOOM_SEMESTER);
  shot = save_screenshot (GTK_WIDGET (window), "timeline-page");
  assert_png (shot, 1100, 700);
  /* the hint says what a click does at the scale shown: at Years, no
   * semester is drawn to click */
  g_assert_nonnull (find_descendant (GTK_WIDGET (page), has_label, "Click or press Space on a semester to tick it; drag a bar to move it"));
  fita_timeline_view_set_zoom (fita_timeline_page_get_view (page), FITA_ZOOM_YEAR);
  g_assert_null (find_descendant (GTK_WIDGET (page), has_label, "Click or press Space on a semester to tick it; drag a bar to move it"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (page), has_label, "Drag a bar to move it; semesters are ticked on the Semesters scale"));
  gtk_window_destroy (window);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  fita_application_init_i18n ();
  adw_init ();
  g_test_add ("/ui/timeline/tick-by-pointer", Fixture, "xmess-2017-2019", setup, test_tick_by_pointer, teardown);
  g_test_add ("/ui/timeline/tick-by-keyboard", Fixture, "xmess-2017-2019", setup, test_tick_by_keyboard, teardown);
  g_test_add ("/ui/timeline/tick-in-bar", Fixture, "terrassa-ess-2019-2026", setup, test_tick_in_bar, teardown);
  g_test_add ("/ui/timeline/cursor-starts-visible", Fixture, "terrassa-ess-2019-2026", setup,
              test_cursor_starts_visible, teardown);
  g_test_add ("/ui/timeline/who-other-services", Fixture, "terrassa-ess-2019-2026", setup,
              test_who_other_services, teardown);
  g_test_add ("/ui/timeline/drag-bars", Fixture, "terrassa-ess-2019-2026", setup, test_drag_bars, teardown);
  g_test_add ("/ui/timeline/zoom-and-dark", Fixture, "xmess-2017-2019", setup, test_zoom_and_dark, teardown);
  g_test_add ("/ui/timeline/read-only", Fixture, "xmess-2017-2019", setup, test_read_only, teardown);
  g_test_add_func ("/ui/timeline/page", test_page);
  g_test_add_func ("/ui/timeline/page-plan-property", test_page_plan_property);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
