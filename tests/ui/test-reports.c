/* test-reports: the Reports page makes reports in the background and
 * previews them with poppler. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unzip.h>

#include "fita-edit.h"
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

/* The file name offered names the sheet's item: the sheets of two
 * programmes do not overwrite each other. */
static void
test_file_name (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_plan_find_item (f->plan, "11");
  FitaItem *action = fita_plan_find_item (f->plan, "11.2");
  g_autofree char *sheet = NULL;
  g_autofree char *other = NULL;
  g_autofree char *annual = NULL;

  fita_reports_page_generate (f->page, FITA_REPORT_SHEET, programme->rec.id, 2024, "ca");
  g_assert_true (wait_until (report_shown, f));
  sheet = fita_reports_page_get_file_name (f->page);
  g_assert_true (g_str_has_suffix (sheet, " 11 - ESS als barris - 2024.pdf"));
  fita_reports_page_generate (f->page, FITA_REPORT_SHEET, action->rec.id, 2024, "ca");
  g_assert_true (wait_until (report_shown, f));
  other = fita_reports_page_get_file_name (f->page);
  g_assert_true (g_str_has_suffix (other, " 11.2 - Disseny acció amb agents del territori - 2024.pdf"));
  fita_reports_page_generate (f->page, FITA_REPORT_ANNUAL, 0, 2024, "ca");
  g_assert_true (wait_until (report_shown, f));
  annual = fita_reports_page_get_file_name (f->page);
  g_assert_true (g_str_has_suffix (annual, " 2024.pdf"));
  g_assert_null (strstr (annual, "11"));
}

static gboolean
not_busy (gpointer data)
{
  Fixture *f = data;

  return !fita_reports_page_is_busy (f->page);
}

static GtkWidget *
find_by_action (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sheets of every item of a level in one go: one PDF each, in a folder. */
static void
test_sheets_of_a_level (Fixture *f, gconstpointer data)
{
  FitaItem *action = fita_plan_find_item (f->plan, "11.1");
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "fitxes", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  g_autofree char *shot = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.generate", NULL));
  g_assert_true (wait_until (not_busy, f));
  /* the button shows with sheets only */
  g_assert_false (gtk_widget_is_visible (find_by_action (GTK_WIDGET (f->page), "reports.save-sheets")));
  fita_reports_page_save_sheets (f->page, action->rec.id, 2024, "ca", folder);
  g_assert_true (fita_reports_page_is_busy (f->page));
  g_assert_true (wait_until (not_busy, f));
  g_test_message ("%s", fita_reports_page_get_status (f->page));
  g_assert_true (gtk_widget_is_visible (find_by_action (GTK_WIDGET (f->page), "reports.save-sheets")));
  g_assert_nonnull (strstr (fita_reports_page_get_status (f->page), "fitxes"));
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, ==, 5);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *code = g_strdup_printf (" 11.%u - ", i);
      gboolean found = FALSE;
      for (guint j = 0; j < names->len; j++)
        found |= strstr (g_ptr_array_index (names, j), code) != NULL &&
                 g_str_has_suffix (g_ptr_array_index (names, j), " - 2024.pdf");
      g_assert_true (found);
    }
  shot = save_screenshot (GTK_WIDGET (f->window), "reports-sheets-of-a-level");
  assert_png (shot, 1000, 700);
  remove_tree (folder);

  /* in the format chosen for saving: the sheets for a word processor */
  fita_reports_page_set_format (f->page, FITA_REPORT_FORMAT_DOCX);
  fita_reports_page_save_sheets (f->page, action->rec.id, 2024, "ca", folder);
  g_assert_true (wait_until (not_busy, f));
  g_ptr_array_set_size (names, 0);
  g_dir_close (dir);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (g_str_has_suffix (name, " - 2024.docx"));
      g_ptr_array_add (names, g_strdup (name));
    }
  g_assert_cmpuint (names->len, ==, 5);
  fita_reports_page_set_format (f->page, FITA_REPORT_FORMAT_PDF);
  remove_tree (folder);
}

/* One part of a zip file (an ODT's content.xml, a DOCX's word/document.xml). */
static char *
zip_part (const char *path, const char *name)
{
  unzFile zip = unzOpen64 (path);
  g_autoptr(GString) out = g_string_new (NULL);
  char buffer[65536];
  int n;

  g_assert_nonnull (zip);
  g_assert_cmpint (unzLocateFile (zip, name, 1), ==, UNZ_OK);
  g_assert_cmpint (unzOpenCurrentFile (zip), ==, UNZ_OK);
  while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  g_assert_cmpint (n, ==, 0);
  unzCloseCurrentFile (zip);
  unzClose (zip);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The page saves the chosen report as PDF, ODT or DOCX: the offered name
 * follows the format, a name without a suffix takes the chosen format's,
 * and a suffix chooses the format. */
static void
test_save_formats (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_plan_find_item (f->plan, "11");
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "informes", NULL);
  g_autofree char *pdf_path = g_build_filename (folder, "fitxa.pdf", NULL);
  g_autofree char *odt_stem = g_build_filename (folder, "fitxa", NULL);
  g_autofree char *odt_path = g_build_filename (folder, "fitxa.odt", NULL);
  g_autofree char *docx_path = g_build_filename (folder, "fitxa.docx", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *mimetype = NULL;
  g_autofree char *content = NULL;
  g_autofree char *document = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (fita_reports_page_get_format (f->page), ==, FITA_REPORT_FORMAT_PDF);

  /* PDF with no preview yet: made in the background */
  fita_reports_page_save (f->page, pdf_path);
  g_assert_true (fita_reports_page_is_busy (f->page));
  g_assert_true (wait_until (not_busy, f));
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (length > 4 && memcmp (pdf, "%PDF", 4) == 0);
  g_clear_pointer (&pdf, g_free);
  g_assert_cmpint (g_remove (pdf_path), ==, 0);

  fita_reports_page_generate (f->page, FITA_REPORT_SHEET, programme->rec.id, 2024, "ca");
  g_assert_true (wait_until (report_shown, f));

  /* PDF: the preview's bytes */
  fita_reports_page_save (f->page, pdf_path);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_true (length > 4 && memcmp (pdf, "%PDF", 4) == 0);
  g_assert_nonnull (strstr (fita_reports_page_get_status (f->page), "fitxa.pdf"));

  /* ODT: chosen on the page, the suffix added */
  fita_reports_page_set_format (f->page, FITA_REPORT_FORMAT_ODT);
  name = fita_reports_page_get_file_name (f->page);
  g_assert_true (g_str_has_suffix (name, " 11 - ESS als barris - 2024.odt"));
  g_clear_pointer (&name, g_free);
  fita_reports_page_save (f->page, odt_stem);
  g_assert_true (fita_reports_page_is_busy (f->page));
  g_assert_true (wait_until (not_busy, f));
  g_test_message ("%s", fita_reports_page_get_status (f->page));
  g_assert_nonnull (strstr (fita_reports_page_get_status (f->page), "fitxa.odt"));
  mimetype = zip_part (odt_path, "mimetype");
  g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.text");
  content = zip_part (odt_path, "content.xml");
  g_assert_nonnull (strstr (content, "<text:h"));
  g_assert_nonnull (strstr (content, "12.223,69"));

  /* DOCX: named by its suffix, whatever was chosen */
  fita_reports_page_save (f->page, docx_path);
  g_assert_true (wait_until (not_busy, f));
  g_assert_cmpint (fita_reports_page_get_format (f->page), ==, FITA_REPORT_FORMAT_DOCX);
  name = fita_reports_page_get_file_name (f->page);
  g_assert_true (g_str_has_suffix (name, " 2024.docx"));
  document = zip_part (docx_path, "word/document.xml");
  g_assert_nonnull (strstr (document, "<w:tbl"));
  g_assert_nonnull (strstr (document, "12.223,69"));
  g_assert_nonnull (strstr (fita_reports_page_get_status (f->page), "fitxa.docx"));
  g_assert_false (g_file_test (odt_stem, G_FILE_TEST_EXISTS));

  remove_tree (folder);
}

typedef struct {
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, ItemsChanged *changed)
{
  changed->calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static guint
row_of (GListModel *items, const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (items), i), prefix))
      return i;
  return G_MAXUINT;
}

/* The item list follows the plan without being rebuilt at every edit: a
 * title edit changes its row only; other fields leave it alone; a new item
 * rebuilds it. */
static void
test_item_list_follows_edits (Fixture *f, gconstpointer data)
{
  GListModel *items = fita_reports_page_get_items (f->page);
  FitaItem *action = fita_plan_find_item (f->plan, "11.2");
  guint n = g_list_model_get_n_items (items);
  guint row = row_of (items, "11.2 ");
  ItemsChanged changed = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (row, <, n);
  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed), &changed);

  g_assert_true (fita_plan_set_text (f->plan, action, "title", "Disseny amb els barris", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, row);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), row), ==, "11.2 Disseny amb els barris");

  fita_plan_set_int (f->plan, action, "progress", 5000, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_set_text (f->plan, action, "notes", "Amb les entitats", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 1);

  g_assert_nonnull (fita_plan_add_item (f->plan, fita_plan_find_item (f->plan, "11")->rec.id, -1, "Nova actuació", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n + 1);
  g_assert_cmpuint (row_of (items, "11.6 Nova actuació"), <, n + 1);

  /* moved: the list is in the plan's order again */
  g_assert_true (fita_plan_move (f->plan, fita_plan_find_item (f->plan, "11.6"), fita_plan_find_item (f->plan, "11")->rec.id,
                                 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 3);
  g_assert_cmpuint (row_of (items, "11.6 Nova actuació"), ==, row_of (items, "11 ") + 1);

  g_signal_handlers_disconnect_by_func (items, on_items_changed, &changed);
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
  g_test_add ("/ui/reports/file-name", Fixture, "terrassa-ess-2019-2026", setup, test_file_name, teardown);
  g_test_add ("/ui/reports/save-formats", Fixture, "terrassa-ess-2019-2026", setup, test_save_formats, teardown);
  g_test_add ("/ui/reports/sheets-of-a-level", Fixture, "terrassa-ess-2019-2026", setup, test_sheets_of_a_level,
              teardown);
  g_test_add ("/ui/reports/item-list-follows-edits", Fixture, "terrassa-ess-2019-2026", setup,
              test_item_list_follows_edits, teardown);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
