/* test-timeline-table: the Timeline page's table under Xvfb: a check box
 * per item and semester, ticked as the plan is; ticking one changes the
 * file and undoes; the arrows move between cells; read-only plans; a
 * plan of 20 000 items; and the canvas's summary for screen readers. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-examples.h"
#include "fita-synthetic.h"
#include "fita-timeline-page.h"
#include "fita-timeline-table.h"
#include "fita-timeline-view.h"
#include "fita-application.h"
#include "fita-ui-test.h"

typedef struct {
  GtkWindow *window;
  FitaTimelinePage *page;
  FitaTimelineTable *table;
  FitaPlan *plan;
  char *path;
} Fixture;

static void
open_copy (Fixture *f, FitaPlan *example, const char *name)
{
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  f->path = g_strdup_printf ("%s/table-%s.fita", g_get_user_cache_dir (), name);
  g_remove (f->path);
  fita_plan_save_new (example, f->path, &error);
  g_assert_no_error (error);
  /* let go of the new file, so this test's plan is its only editor */
  fita_plan_close (example);
  f->plan = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 720);
  f->page = FITA_TIMELINE_PAGE (fita_timeline_page_new ());
  f->table = fita_timeline_page_get_table (f->page);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  fita_timeline_page_set_plan (f->page, f->plan);
  gtk_window_present (f->window);
  settle ();
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) example = fita_example_load (data, &error);

  g_assert_no_error (error);
  open_copy (f, example, data);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->plan);
  g_remove (f->path);
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

static void
show_table (Fixture *f)
{
  GtkToggleButton *button = fita_timeline_page_get_table_button (f->page);

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_toggle_button_set_active (button, TRUE);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->table)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fita_timeline_page_get_view (f->page))));
}

static GtkWidget *
cell (Fixture *f, const char *code, int year, int half)
{
  FitaItem *item = fita_plan_find_item (f->plan, code);

  g_assert_nonnull (item);
  return fita_timeline_table_get_cell (f->table, item->rec.id, year, half);
}

static gboolean
is_label_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static void
test_cells (Fixture *f, gconstpointer data)
{
  g_autofree char *before = semesters_in_file (f, "I.1.1");
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *label = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (f->plan, NULL);
  FitaItem *item;
  GtkWidget *check;

  show_table (f);
  /* a column per semester, headed "2017 / 1" … "2019 / 2" */
  g_assert_nonnull (find_descendant (GTK_WIDGET (f->table), is_label_text, "2017 / 1"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (f->table), is_label_text, "2019 / 2"));
  g_assert_null (find_descendant (GTK_WIDGET (f->table), is_label_text, "2020 / 1"));

  /* every cell on screen is ticked as the plan is */
  for (guint i = 0; i < items->len; i++)
    for (int year = 2017; year <= 2019; year++)
      for (int half = 1; half <= 2; half++)
        {
          item = g_ptr_array_index (items, i);
          check = fita_timeline_table_get_cell (f->table, item->rec.id, year, half);
          if (check != NULL)
            g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==,
                             fita_semesters_contains (item->semesters, year, half));
        }
  item = fita_plan_find_item (f->plan, "I.1.3");
  check = cell (f, "I.1.3", 2018, 1);
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_sensitive (check));
  /* named for a screen reader: the item and the semester */
  label = g_strdup_printf ("I.1.3 %s, 2018 1st semester", item->title);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  /* ticking a box changes the file, undoably */
  g_assert_false (fita_semesters_contains (before, 2019, 1));
  check = cell (f, "I.1.1", 2019, 1);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_activate (check);
  after = semesters_in_file (f, "I.1.1");
  g_assert_true (fita_semesters_contains (after, 2019, 1));
  g_assert_cmpstr (fita_plan_get_undo_label (f->plan), ==, "Tick Semester");
  /* the box stands for the same item and semester after the change */
  check = cell (f, "I.1.1", 2019, 1);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  settle ();
  shot = save_screenshot (GTK_WIDGET (f->window), "timeline-table-xmess");
  assert_png (shot, 1100, 700);

  g_assert_true (fita_plan_undo (f->plan, NULL));
  undone = semesters_in_file (f, "I.1.1");
  g_assert_cmpstr (undone, ==, before);
  check = cell (f, "I.1.1", 2019, 1);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* a change made elsewhere (the canvas, undo) shows in the table */
  g_assert_true (fita_plan_redo (f->plan, NULL));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (cell (f, "I.1.1", 2019, 1))));

  /* a semester past the years shown adds their columns, and undoing it
   * takes them away again */
  fita_plan_begin (f->plan, "Later");
  g_assert_true (fita_plan_set_text (f->plan, fita_plan_find_item (f->plan, "I.1.2"), "semesters", "2021-1", NULL));
  g_assert_true (fita_plan_end (f->plan, NULL));
  settle ();
  g_assert_nonnull (find_descendant (GTK_WIDGET (f->table), is_label_text, "2021 / 1"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (cell (f, "I.1.2", 2021, 1))));
  g_assert_true (fita_plan_undo (f->plan, NULL));
  settle ();
  g_assert_null (find_descendant (GTK_WIDGET (f->table), is_label_text, "2021 / 1"));
  g_assert_null (cell (f, "I.1.2", 2021, 1));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (cell (f, "I.1.2", 2018, 1))));
}

static GtkWidget *
focused_cell (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  while (focus != NULL && !GTK_IS_CHECK_BUTTON (focus))
    focus = gtk_widget_get_parent (focus);
  return focus;
}

static gboolean
has_focused_cell (gpointer data)
{
  return focused_cell (data) != NULL;
}

static void
test_keyboard (Fixture *f, gconstpointer data)
{
  FitaTimelineView *view = fita_timeline_page_get_view (f->page);
  gint64 i12 = fita_plan_find_item (f->plan, "I.1.2")->rec.id;
  gint64 i13 = fita_plan_find_item (f->plan, "I.1.3")->rec.id;

  /* the item selected on the canvas is the one focused in the table */
  fita_timeline_view_set_selected (view, i12);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  show_table (f);
  g_assert_true (wait_until (has_focused_cell, f));
  settle ();
  g_assert_true (focused_cell (f) == fita_timeline_table_get_cell (f->table, i12, 2017, 1));
  g_assert_cmpint (fita_timeline_table_get_selected (f->table), ==, i12);

  /* Right: the next semester; Down: the same semester of the next row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "timeline-table.move", "(ii)", 1, 0));
  g_assert_true (focused_cell (f) == fita_timeline_table_get_cell (f->table, i12, 2017, 2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->table), "timeline-table.move", "(ii)", 0, 1));
  g_assert_true (focused_cell (f) == fita_timeline_table_get_cell (f->table, i13, 2017, 2));
  /* and the canvas follows the row */
  g_assert_cmpint (fita_timeline_table_get_selected (f->table), ==, i13);
  g_assert_cmpint (fita_timeline_view_get_selected (view), ==, i13);

  /* back to the chart: the row selected there too */
  gtk_toggle_button_set_active (fita_timeline_page_get_table_button (f->page), FALSE);
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (fita_timeline_view_get_selected (view), ==, i13);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) second = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_autofree char *before = semesters_in_file (f, "I.1.1");
  g_autofree char *after = NULL;
  GtkWidget *check;

  g_assert_true (fita_plan_is_read_only (second));
  fita_timeline_page_set_plan (f->page, second);
  show_table (f);
  check = fita_timeline_table_get_cell (f->table, fita_plan_find_item (second, "I.1.1")->rec.id, 2019, 1);
  g_assert_nonnull (check);
  g_assert_false (gtk_widget_get_sensitive (check));
  /* even if it is made active, the plan stays as it was */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  after = semesters_in_file (f, "I.1.1");
  g_assert_cmpstr (after, ==, before);
  fita_timeline_page_set_plan (f->page, NULL);
}

/* The canvas tells a screen reader what it shows, and then the row
 * selected. */
static void
test_summary (Fixture *f, gconstpointer data)
{
  FitaTimelineView *view = fita_timeline_page_get_view (f->page);
  FitaTimeline *timeline = fita_timeline_view_get_timeline (view);
  g_autofree char *summary = fita_timeline_get_summary (timeline);
  g_autofree char *described = NULL;
  g_autofree char *both = NULL;
  FitaItem *item = fita_plan_find_item (f->plan, "I.1.3");

  g_assert_true (g_str_has_prefix (summary, "Timeline of "));
  g_assert_nonnull (strstr (summary, " from 2017 to 2019, by semester; "));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  fita_timeline_view_set_selected (view, item->rec.id);
  described = fita_timeline_describe_item (timeline, item);
  both = g_strdup_printf ("%s %s", summary, described);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, both);
}

/* 20 000 items: the table shows, and a tick comes back, in well under
 * the time a person waits. */
static void
test_large (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(FitaPlan) synthetic = fita_synthetic_plan (20000);
  g_autoptr(GPtrArray) items = NULL;
  FitaItem *first;
  GtkWidget *check = NULL;
  gint64 start;
  double ms;
  int year;

  open_copy (f, synthetic, "synthetic-20000");
  items = fita_plan_items_preorder (f->plan, NULL);
  first = g_ptr_array_index (items, 0);
  fita_timeline_get_years (fita_timeline_view_get_timeline (fita_timeline_page_get_view (f->page)), &year, NULL);

  start = g_get_monotonic_time ();
  gtk_toggle_button_set_active (fita_timeline_page_get_table_button (f->page), TRUE);
  while (check == NULL && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, TRUE);
      check = fita_timeline_table_get_cell (f->table, first->rec.id, year, 1);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("Timeline table, 20 000 items: first cells %.1f ms after Show as Table", ms);
  g_assert_nonnull (check);
  g_assert_cmpfloat (ms, <, 5000);

  start = g_get_monotonic_time ();
  gtk_widget_activate (check);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("Timeline table, 20 000 items: a tick in %.1f ms", ms);
  g_assert_true (fita_semesters_contains (fita_plan_find_item (f->plan, first->code)->semesters, year, 1) ==
                 gtk_check_button_get_active (GTK_CHECK_BUTTON (fita_timeline_table_get_cell (f->table, first->rec.id, year, 1))));
  g_assert_cmpfloat (ms, <, 5000);
  teardown (f, NULL);
}

static gboolean
export_done (gpointer data)
{
  return !fita_timeline_page_is_exporting (data);
}

static char *
read_head (const char *path, gsize n)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, n);
  return g_strndup (contents, n);
}

/* The page's export: PDF pages and a PNG of the plan as shown, written in
 * a thread from a snapshot; a plan too tall for one PNG in tiles, said in
 * a dialog; the plan's own file never touched. */
static void
test_export (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(FitaPlan) synthetic = fita_synthetic_plan (400);
  g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "export-timeline.pdf", NULL);
  g_autofree char *png = g_build_filename (g_get_user_cache_dir (), "export-timeline.png", NULL);
  g_autofree char *first_tile = g_build_filename (g_get_user_cache_dir (), "export-timeline-001.png", NULL);
  g_autofree char *second_tile = g_build_filename (g_get_user_cache_dir (), "export-timeline-002.png", NULL);
  g_autofree char *before = NULL, *after = NULL, *head = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_windows;

  open_copy (f, synthetic, "synthetic-400");
  g_assert_true (g_file_get_contents (f->path, &before, NULL, NULL));

  fita_timeline_page_export (f->page, pdf);
  g_assert_true (fita_timeline_page_is_exporting (f->page));
  g_assert_true (wait_until (export_done, f->page));
  head = read_head (pdf, 5);
  g_assert_cmpstr (head, ==, "%PDF-");
  g_clear_pointer (&head, g_free);

  /* 400 rows are too tall for one PNG: tiles, and a dialog says so */
  n_windows = g_list_model_get_n_items (toplevels);
  fita_timeline_page_export (f->page, png);
  g_assert_true (wait_until (export_done, f->page));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  head = read_head (first_tile, 8);
  g_assert_cmpmem (head, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_true (g_file_test (second_tile, G_FILE_TEST_EXISTS));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          g_autofree char *shot = save_screenshot (GTK_WIDGET (window), "timeline-export-tiles");
          g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), ==, "Timeline Exported in Parts");
          gtk_window_destroy (window);
          break;
        }
    }

  g_assert_true (g_file_get_contents (f->path, &after, NULL, NULL));
  g_assert_true (g_strcmp0 (before, after) == 0);
  g_remove (pdf);
  for (guint n = 1;; n++)
    {
      g_autofree char *name = g_strdup_printf ("export-timeline-%03u.png", n);
      g_autofree char *tile = g_build_filename (g_get_user_cache_dir (), name, NULL);
      if (g_remove (tile) != 0)
        break;
    }
  teardown (f, NULL);
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  /* accessible properties to read (GTK_A11Y=none keeps none) */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  fita_application_init_i18n ();
  adw_init ();
  g_test_add ("/ui/timeline-table/cells", Fixture, "xmess-2017-2019", setup, test_cells, teardown);
  g_test_add ("/ui/timeline-table/keyboard", Fixture, "xmess-2017-2019", setup, test_keyboard, teardown);
  g_test_add ("/ui/timeline-table/read-only", Fixture, "xmess-2017-2019", setup, test_read_only, teardown);
  g_test_add ("/ui/timeline-table/summary", Fixture, "xmess-2017-2019", setup, test_summary, teardown);
  g_test_add_func ("/ui/timeline-table/large", test_large);
  g_test_add_func ("/ui/timeline-table/export", test_export);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
