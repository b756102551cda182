/* test-reports: the Reports page makes reports in the background and
 * previews them with poppler. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-examples.h"
#include "fita-pdf-view.h"
#include "fita-reports-page.h"
#include "fita-application.h"
#include "fita-ui-test.h"

static char *
save_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load (name, &error);
  char *path = g_strdup_printf ("%s/%s.fita", g_get_user_cache_dir (), name);

  g_assert_no_error (error);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_remove (path);
  fita_plan_save_new (plan, path, &error);
  g_assert_no_error (error);
  return path;
}

typedef struct {
  GtkWindow *window;
  FitaReportsPage *page;
  FitaPlan *plan;
  char *path;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->path = save_example (data);
  f->plan = fita_plan_open (f->path, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 760);
  f->page = FITA_REPORTS_PAGE (fita_reports_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  fita_reports_page_set_plan (f->page, f->plan);
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

static gboolean
report_shown (gpointer data)
{
  Fixture *f = data;
  FitaPdfView *view = FITA_PDF_VIEW (fita_reports_page_get_view (f->page));

  return !fita_reports_page_is_busy (f->page) && fita_pdf_view_get_n_pages (view) > 0 &&
         fita_pdf_view_get_n_rendered (view) > 0 && fita_reports_page_get_preview_ms (f->page) >= 0;
}

static char *
flat (char *text)
{
  /* no-break spaces as spaces, so figures read as written */
  GString *out = g_string_new (NULL);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x00a0 ? ' ' : c);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

static void
test_sheet (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_plan_find_item (f->plan, "11");
  FitaPdfView *view = FITA_PDF_VIEW (fita_reports_page_get_view (f->page));
  g_autofree char *all = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *shot = NULL;

  fita_reports_page_generate (f->page, FITA_REPORT_SHEET, programme->rec.id, 2024, "ca");
  g_assert_true (fita_reports_page_is_busy (f->page));
  g_assert_true (wait_until (report_shown, f));
  g_test_message ("first page on screen %.1f ms after the report was ready", fita_reports_page_get_preview_ms (f->page));
  g_assert_cmpint (fita_pdf_view_get_n_pages (view), >=, 2);
  for (int p = 0; p < fita_pdf_view_get_n_pages (view); p++)
    {
      g_autofree char *page = flat (fita_pdf_view_get_page_text (view, p));
      g_string_append (text, page);
    }
  all = g_string_free (text, FALSE);
  g_assert_nonnull (strstr (all, "12.223,69 €"));
  g_assert_nonnull (strstr (all, "120.000,00 €"));
  g_assert_nonnull (strstr (all, "10,19 %"));

  /* only the pages in view were drawn */
  g_assert_cmpuint (fita_pdf_view_get_n_rendered (view), <=, 3);
  shot = save_screenshot (GTK_WIDGET (f->window), "reports-sheet");
  assert_png (shot, 1000, 700);

  /* zoom and page navigation */
  fita_pdf_view_set_zoom_mode (view, FITA_PDF_ZOOM_FIT_PAGE);
  settle ();
  g_assert_cmpfloat (fita_pdf_view_get_zoom (view), <, 1.0);
  fita_pdf_view_set_zoom (view, 1.5);
  g_assert_cmpint (fita_pdf_view_get_zoom_mode (view), ==, FITA_PDF_ZOOM_FREE);
  fita_pdf_view_set_page (view, 1);
  settle ();
  g_assert_cmpint (fita_pdf_view_get_page (view), ==, 1);
}

static void
test_annual_keeps_window_free (Fixture *f, gconstpointer data)
{
  FitaPdfView *view = FITA_PDF_VIEW (fita_reports_page_get_view (f->page));
  FitaItem *axis = fita_plan_find_item (f->plan, "1");
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;

  fita_reports_page_generate (f->page, FITA_REPORT_ANNUAL, 0, 2023, "en");
  /* editing goes on while the report is made */
  g_assert_true (fita_plan_set_text (f->plan, axis, "title", "El personal professional", &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (report_shown, f));
  first = flat (fita_pdf_view_get_page_text (view, 0));
  g_assert_nonnull (strstr (first, "Follow-up report 2023"));
  g_assert_cmpint (fita_pdf_view_get_n_pages (view), >=, 6);
  g_autofree char *shot = save_screenshot (GTK_WIDGET (f->window), "reports-annual");
  assert_png (shot, 1000, 700);
}

static void
test_sheet_needs_item (Fixture *f, gconstpointer data)
{
  fita_reports_page_generate (f->page, FITA_REPORT_SHEET, 0, 2024, "ca");
  g_assert_false (fita_reports_page_is_busy (f->page));
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  gtk_test_init (&argc, &argv, NULL);
  fita_application_init_i18n ();
  adw_init ();
  g_test_add ("/ui/reports/sheet", Fixture, "terrassa-ess-2019-2026", setup, test_sheet, teardown);
  g_test_add ("/ui/reports/annual", Fixture, "terrassa-serveis-socials-2023-2027", setup,
              test_annual_keeps_window_free, teardown);
  g_test_add ("/ui/reports/sheet-needs-item", Fixture, "terrassa-ess-2019-2026", setup, test_sheet_needs_item, teardown);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
