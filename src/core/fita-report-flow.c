/* fita-report-flow.c: what the ODT and DOCX writers share: the body's XML
 * writer, the pictures and the zip package (see fita-report-flow.h). */
#include "config.h"
#include "fita-report-flow.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A4 in points */
#define A4_WIDTH 595.28
#define A4_HEIGHT 841.89

FitaDocFlow *
fita_doc_flow_new (const FitaDocFlowClass *klass, const char *lang, const char *title, gboolean landscape)
{
  FitaDocFlow *flow = g_new0 (FitaDocFlow, 1);

  flow->klass = klass;
  flow->lang = g_strdup (lang);
  flow->title = g_strdup (title ? title : "");
  flow->landscape = landscape;
  flow->page_width = landscape ? A4_HEIGHT : A4_WIDTH;
  flow->page_height = landscape ? A4_WIDTH : A4_HEIGHT;
  flow->margin = 56;
  flow->pictures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  flow->extra = g_string_new (NULL);
  flow->body = xmlBufferCreate ();
  flow->w = xmlNewTextWriterMemory (flow->body, 0);
  /* line breaks between elements: a validator's errors then name a line */
  xmlTextWriterSetIndent (flow->w, 1);
  xmlTextWriterSetIndentString (flow->w, BAD_CAST "");
  return flow;
}

void
fita_doc_flow_add_pictures (FitaDocFlow *flow, const char *folder, GArray *parts, GPtrArray *names)
{
  for (guint i = 0; i < flow->pictures->len; i++)
    {
      GBytes *png = g_ptr_array_index (flow->pictures, i);
      char *name = g_strdup_printf ("%s/picture%u.png", folder, i + 1);
      FitaZipPart part = { name, g_bytes_get_data (png, NULL), g_bytes_get_size (png), FALSE };
      g_ptr_array_add (names, name);
      g_array_append_val (parts, part);
    }
}

void
fita_doc_flow_free (FitaDocFlow *flow)
{
  if (flow == NULL)
    return;
  g_clear_pointer (&flow->w, xmlFreeTextWriter);
  g_clear_pointer (&flow->body, xmlBufferFree);
  g_clear_pointer (&flow->pictures, g_ptr_array_unref);
  if (flow->extra != NULL)
    g_string_free (flow->extra, TRUE);
  g_free (flow->lang);
  g_free (flow->title);
  g_free (flow->header);
  g_free (flow->page_format);
  g_free (flow);
}

const char *
fita_doc_flow_country (FitaDocFlow *flow)
{
  return g_str_equal (flow->lang, "en") ? "GB" : "ES";
}

void
fita_doc_flow_set_running (FitaDocFlow *flow, const char *header, const char *page_format)
{
  g_free (flow->header);
  g_free (flow->page_format);
  flow->header = g_strdup (header);
  flow->page_format = g_strdup (page_format);
}

char **
fita_doc_flow_page_words (FitaDocFlow *flow)
{
  g_auto(GStrv) words = NULL;

  if (flow->page_format == NULL)
    return NULL;
  /* a translation may put its numbers in either order ("%2$d"): then
   * there is no footer rather than the wrong numbers */
  words = g_strsplit (flow->page_format, "%d", -1);
  if (g_strv_length (words) != 3 || strchr (words[0], '%') || strchr (words[1], '%') || strchr (words[2], '%'))
    return NULL;
  return g_steal_pointer (&words);
}

xmlTextWriterPtr
fita_doc_flow_part_begin (xmlBufferPtr *buffer)
{
  xmlTextWriterPtr w;

  *buffer = xmlBufferCreate ();
  w = xmlNewTextWriterMemory (*buffer, 0);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "");
  xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL);
  return w;
}

char *
fita_doc_flow_part_end (xmlTextWriterPtr w, xmlBufferPtr buffer)
{
  char *text;

  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  text = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return text;
}

