/* fita_report_tag_pdf: what cairo 1.16 cannot write into a tagged PDF,
 * appended after it; and its refusals, which leave the PDF as it was. */
#include "fita-report-private.h"
#include "fita-output.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
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
/* The PDF drawn on cr, once its surface is finished. */
static GByteArray *
pdf_done (cairo_t *cr, cairo_surface_t *surface, GByteArray *bytes)
{
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return bytes;
}

static GByteArray *
make_pdf (gboolean tagged)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, bytes, 200, 200);
  cairo_t *cr = cairo_create (surface);
  const char *const tags[] = { "TH", "TH", "TR", "TH", "TD", "TR" };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Informe");
  /* not the second it is made in: two made one after the other are the same */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-05-01T10:00:00");
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
  return pdf_done (cr, surface, bytes);
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

/* Many pages, each with its running header, heading and table: a PDF of
 * some megabytes, whose structure tree (after the pages) and ParentTree
 * are larger than what the tagging of a file reads at a time. */
static GByteArray *
make_long_pdf (guint n_pages)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, bytes, 400, 600);
  cairo_t *cr = cairo_create (surface);

  cairo_set_font_size (cr, 6);
  cairo_tag_begin (cr, "Document", NULL);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *heading = g_strdup_printf ("Pàgina %u", p + 1);

      cairo_tag_begin (cr, "Private", NULL);
      cairo_move_to (cr, 10, 8);
      cairo_show_text (cr, "Pla · Ajuntament");
      cairo_tag_end (cr, "Private");
      cairo_tag_begin (cr, "H1", NULL);
      cairo_move_to (cr, 10, 20);
      cairo_show_text (cr, heading);
      cairo_tag_end (cr, "H1");
      cairo_tag_begin (cr, "Table", NULL);
      for (guint r = 0; r < 60; r++)
        {
          cairo_tag_begin (cr, "TR", NULL);
          for (guint c = 0; c < 4; c++)
            {
              g_autofree char *text = g_strdup_printf ("%u·%u·%u", p, r, c);
              cairo_tag_begin (cr, "TD", NULL);
              cairo_move_to (cr, 10 + 90 * c, 30 + 9 * r);
              cairo_show_text (cr, text);
              cairo_tag_end (cr, "TD");
            }
          cairo_tag_end (cr, "TR");
        }
      cairo_tag_end (cr, "Table");
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  return pdf_done (cr, surface, bytes);
}

/* cairo's PDF written into an output and tagged there: the very bytes of
 * the PDF tagged in memory; and a refusal cuts the file back to cairo's. */
static void
test_in_a_file (void)
{
  g_autoptr(GByteArray) pdf = make_long_pdf (300);
  g_autoptr(GByteArray) in_memory = g_byte_array_new ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fita-tagged-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "informe.pdf", NULL);
  g_autofree char *written = NULL;
  gsize length = 0;
  FitaOutput *output;

  g_assert_cmpuint (pdf->len, >, 2 * 1024 * 1024);
  g_byte_array_append (in_memory, pdf->data, pdf->len);
  g_assert_true (fita_report_tag_pdf (in_memory, "es", alts, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (in_memory->len, >, pdf->len);

  output = fita_output_open (path, NULL, &error);
  g_assert_no_error (error);
  /* in pieces, as cairo writes */
  for (gsize at = 0; at < pdf->len; at += 1000)
    g_assert_cmpint (fita_output_cairo_write (output, pdf->data + at, MIN (1000, pdf->len - at)), ==,
                     CAIRO_STATUS_SUCCESS);
  g_assert_true (fita_report_tag_pdf_output (output, "es", alts, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fita_output_get_length (output), ==, in_memory->len);
  g_assert_true (fita_output_commit (output, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, in_memory->data, in_memory->len);
  g_clear_pointer (&written, g_free);

  /* headings that are not those drawn: refused, the file as cairo wrote it */
  output = fita_output_open (path, NULL, &error);
  g_assert_true (fita_output_write (output, pdf->data, pdf->len, &error));
  g_assert_false (fita_report_tag_pdf_output (output, "es", alts, "C", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (fita_output_commit (output, &error));
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, pdf->data, pdf->len);

  g_unlink (path);
  g_rmdir (dir);
}

/* A temporary output: read back as bytes, cut back, nothing left behind. */
static void
test_temporary_output (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) expected = g_byte_array_new ();
  FitaOutput *output = fita_output_new_temporary (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *line = g_strdup_printf ("line %u\n", i);
      g_assert_true (fita_output_write (output, line, strlen (line), &error));
      g_byte_array_append (expected, (const guint8 *) line, strlen (line));
    }
  g_assert_cmpuint (fita_output_get_length (output), ==, expected->len);
  g_assert_cmpint (fita_output_get_fd (output), >=, 0);
  g_assert_true (fita_output_write (output, "more", 4, &error));
  g_assert_true (fita_output_truncate (output, expected->len));
  g_assert_false (fita_output_truncate (output, expected->len + 1));
  g_assert_true (fita_output_write (output, "end", 3, &error));
  g_byte_array_append (expected, (const guint8 *) "end", 3);
  g_assert_true (fita_output_check (output, &error));
  g_assert_cmpint (fita_output_get_errno (output), ==, 0);
  bytes = fita_output_steal_bytes (output, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected->data, expected->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-tagged/added", test_added);
  g_test_add_func ("/report-tagged/refused", test_refused);
  g_test_add_func ("/report-tagged/in-a-file", test_in_a_file);
  g_test_add_func ("/report-tagged/temporary-output", test_temporary_output);
  return g_test_run ();
}
