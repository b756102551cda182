/* Reports as PDF: every kind on the examples, links, cancellation. */
#include "fita-error.h"
#include "fita-json.h"
#include "fita-report.h"
#include "fita-test-util.h"

#include <string.h>

static gboolean
contains (GBytes *bytes, const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* a PDF holds NUL bytes: search the whole of it */
  return memmem (data, size, text, strlen (text)) != NULL;
}

static void
check_pdf (GBytes *pdf)
{
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 2000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);
  /* fonts are embedded: cairo writes them as font files */
  g_assert_true (contains (pdf, "/FontFile"));
}

static void
test_every_kind (void)
{
  struct { const char *example; FitaReportKind kind; const char *item; } cases[] = {
    { "terrassa-ess-2019-2026", FITA_REPORT_SHEET, "11" },
    { "terrassa-ess-2019-2026", FITA_REPORT_ANNUAL, NULL },
    { "terrassa-serveis-socials-2023-2027", FITA_REPORT_ANNUAL, NULL },
    { "barcelona-espai-ess", FITA_REPORT_ANNUAL, NULL },
    { "xmess-2017-2019", FITA_REPORT_WORKPLAN, NULL },
    { "barcelona-impulsem-2016-2021", FITA_REPORT_PARTICIPATION, NULL },
    { "terrassa-ess-2019-2026", FITA_REPORT_PARTICIPATION, NULL },   /* none: says so */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FitaPlan) plan = fita_test_example (cases[i].example);
      FitaReportOptions options = { cases[i].kind, 0, FITA_NONE, "ca" };
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;

      if (cases[i].item)
        options.item_id = fita_plan_find_item (plan, cases[i].item)->rec.id;
      pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      check_pdf (pdf);
    }
}

static void
test_sheet_needs_item (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, FITA_NONE, "en" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);

  g_assert_null (pdf);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
}

static void
test_links_are_clickable (void)
{
  const char *json =
    "{\"plan\": {\"title\": \"Pla\", \"organisation\": \"Ajuntament\"},"
    " \"items\": [{\"code\": \"1\", \"title\": \"Programa\","
    "   \"links\": [{\"title\": \"Memòria 2024\", \"url\": \"https://example.org/memoria-2024.pdf\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, 2024, "ca" };
  g_autoptr(GBytes) pdf = NULL;

  g_assert_no_error (error);
  options.item_id = fita_plan_find_item (plan, "1")->rec.id;
  pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  check_pdf (pdf);
  /* a link annotation that opens the address */
  g_assert_true (contains (pdf, "/URI (https://example.org/memoria-2024.pdf)"));
}

static void
on_progress (double fraction, gpointer data)
{
  GCancellable *cancellable = data;

  /* the person changes their mind half way */
  if (fraction >= 0.5)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-serveis-socials-2023-2027");
  FitaReportOptions options = { FITA_REPORT_ANNUAL, 0, FITA_NONE, "es" };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fita_report_render (plan, &options, cancellable, on_progress, cancellable, &error);

  g_assert_null (pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_write_atomic (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "informe.pdf", NULL);
  g_autoptr(FitaPlan) plan = fita_test_example ("barcelona-impulsem-2016-2021");
  FitaReportOptions options = { FITA_REPORT_PARTICIPATION, 0, FITA_NONE, "ca" };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_true (fita_report_write (plan, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &data, NULL, NULL);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* an unwritable place: an error, nothing half-written */
  g_assert_false (fita_report_write (plan, &options, "/nonexistent/dir/informe.pdf", NULL, NULL, NULL, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_IO);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/every-kind", test_every_kind);
  g_test_add_func ("/report/sheet-needs-item", test_sheet_needs_item);
  g_test_add_func ("/report/links", test_links_are_clickable);
  g_test_add_func ("/report/cancel", test_cancel);
  g_test_add_func ("/report/write", test_write_atomic);
  return g_test_run ();
}
