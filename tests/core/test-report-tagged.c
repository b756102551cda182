/* fita_report_tag_pdf: what cairo 1.16 cannot write into a tagged PDF,
 * appended after it; and its refusals, which leave the PDF as it was. */
#include "fita-report-private.h"

#include <cairo-pdf.h>
#include <string.h>

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF as the reports' layout tags it: a running header (in the sentinel
 * Private), a heading, a figure, a table with a heading row and a labelled
 * row; untagged, no tag at all. */
static GByteArray *
make_pdf (gboolean tagged)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, bytes, 200, 200);
  cairo_t *cr = cairo_create (surface);
  const char *const tags[] = { "TH", "TH", "TR", "TH", "TD", "TR" };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Informe");
  cairo_set_font_size (cr, 10);
  if (tagged)
    {
      cairo_tag_begin (cr, "Document", NULL);
      cairo_tag_begin (cr, "Private", NULL);
    }
  cairo_move_to (cr, 10, 8);
  cairo_show_text (cr, "Pla · Ajuntament");
  if (tagged)
    {
      cairo_tag_end (cr, "Private");
      cairo_tag_begin (cr, "H1", NULL);
    }
  cairo_move_to (cr, 10, 20);
  cairo_show_text (cr, "Informe");
  if (tagged)
    {
      cairo_tag_end (cr, "H1");
      cairo_tag_begin (cr, "Figure", NULL);
    }
  cairo_rectangle (cr, 10, 30, 50, 20);
  cairo_fill (cr);
  if (tagged)
    {
      cairo_tag_end (cr, "Figure");
      cairo_tag_begin (cr, "Table", NULL);
      cairo_tag_begin (cr, "TR", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        if (strcmp (tags[i], "TR") == 0)
          {
            cairo_tag_end (cr, "TR");
            if (i + 1 < G_N_ELEMENTS (tags))
              cairo_tag_begin (cr, "TR", NULL);
          }
        else
          {
            cairo_tag_begin (cr, tags[i], NULL);
            cairo_move_to (cr, 10 + 40 * i, 80);
            cairo_show_text (cr, "x");
            cairo_tag_end (cr, tags[i]);
          }
      cairo_tag_end (cr, "Table");
      cairo_tag_end (cr, "Document");
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return bytes;
}

static gboolean
holds (GByteArray *bytes, gsize from, const char *text)
{
  gsize n = strlen (text);

  for (gsize i = from; i + n <= bytes->len; i++)
    if (memcmp (bytes->data + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_added (void)
{
  g_autoptr(GByteArray) pdf = make_pdf (TRUE);
  g_autoptr(GByteArray) again = make_pdf (TRUE);
  g_autoptr(GByteArray) before = g_byte_array_new ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gsize cairo_length = pdf->len;

  g_byte_array_append (before, pdf->data, pdf->len);
  g_ptr_array_add (alts, (gpointer) "Gràfic: 10 %");
  g_assert_true (fita_report_tag_pdf (pdf, "ca", alts, "CCR", &error));
  g_assert_no_error (error);

  /* cairo's bytes as they were, the update after them */
  g_assert_cmpuint (pdf->len, >, cairo_length);
  g_assert_true (memcmp (pdf->data, before->data, cairo_length) == 0);
  g_assert_true (holds (pdf, cairo_length, "/Lang (ca-ES)"));
  g_assert_true (holds (pdf, cairo_length, "/ViewerPreferences << /DisplayDocTitle true >>"));
  /* "Gràfic: 10 %" in UTF-16BE */
  g_assert_true (holds (pdf, cairo_length, "/Alt <FEFF0047007200E0006600690063003A00200031003000200025>"));
  g_assert_true (holds (pdf, cairo_length, "/A << /O /Table /Scope /Column >>"));
  g_assert_true (holds (pdf, cairo_length, "/A << /O /Table /Scope /Row >>"));
  /* the running header: out of the ParentTree (and of the Document's /K,
   * and its marked content an /Artifact, in the compressed page) */
  g_assert_true (holds (pdf, cairo_length, "\n  null\n"));
  g_assert_true (holds (pdf, cairo_length, "/Filter /FlateDecode\n>>\nstream\n"));
  g_assert_true (holds (pdf, cairo_length, "   /Prev "));
  g_assert_true (holds (pdf, pdf->len - 6, "%%EOF\n"));

  /* the same PDF, the same update: reports stay deterministic */
  g_assert_true (fita_report_tag_pdf (again, "ca", alts, "CCR", NULL));
  g_assert_cmpmem (pdf->data, pdf->len, again->data, again->len);
}

static void
test_refused (void)
{
  g_autoptr(GByteArray) untagged = make_pdf (FALSE);
  g_autoptr(GByteArray) tagged = make_pdf (TRUE);
  g_autoptr(GBytes) untagged_before = g_bytes_new (untagged->data, untagged->len);
  g_autoptr(GBytes) tagged_before = g_bytes_new (tagged->data, tagged->len);
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  /* no structure tree: nothing to add to */
  g_assert_false (fita_report_tag_pdf (untagged, "en", alts, "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpmem (untagged->data, untagged->len, g_bytes_get_data (untagged_before, NULL),
                   g_bytes_get_size (untagged_before));

  /* a figure with no text for it, or headings that are not those drawn */
  g_assert_false (fita_report_tag_pdf (tagged, "en", alts, "CCR", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_ptr_array_add (alts, (gpointer) "Chart");
  g_assert_false (fita_report_tag_pdf (tagged, "en", alts, "CC", &error));
  g_assert_nonnull (error);
  g_assert_cmpmem (tagged->data, tagged->len, g_bytes_get_data (tagged_before, NULL),
                   g_bytes_get_size (tagged_before));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-tagged/added", test_added);
  g_test_add_func ("/report-tagged/refused", test_refused);
  return g_test_run ();
}
