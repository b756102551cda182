/* fita-report-flow.h: the reports as flowing, editable documents (ODT,
 * DOCX) rather than pages.
 *
 * The report content files lay a report out through FitaDoc and do not know
 * what they feed. With doc->flow set, fita-report-layout.c hands each
 * heading, paragraph, link, picture and table to a FitaDocFlow instead of
 * placing it on a page: fita-report-odt.c and fita-report-docx.c build the
 * XML with libxml2's xmlTextWriter and zip it with minizip. Pictures are
 * drawn by the same callbacks as in the PDF, onto a PNG at 150 dpi. */
#pragma once

#include <libxml/xmlwriter.h>

#include "fita-report-private.h"
#include "fita-zip.h"

G_BEGIN_DECLS

/* What the PDF's fonts become: paragraph styles of the document */
typedef enum {
  FITA_DOC_FLOW_BODY,
  FITA_DOC_FLOW_BOLD,
  FITA_DOC_FLOW_SMALL,
  FITA_DOC_FLOW_SUBTITLE,
} FitaDocFlowStyle;

typedef struct _FitaDocFlow FitaDocFlow;

typedef struct {
  /* the big title of a title page */
  void     (*title)     (FitaDocFlow *flow, const char *text);
  /* level 1 to 3 */
  void     (*heading)   (FitaDocFlow *flow, int level, const char *text);
  /* one paragraph, no line breaks */
  void     (*paragraph) (FitaDocFlow *flow, const char *text, FitaDocFlowStyle style);
  void     (*link)      (FitaDocFlow *flow, const char *title, const char *url);
  /* the PNG flow->pictures[index], width × height in points */
  void     (*picture)   (FitaDocFlow *flow, guint index, double width, double height, const char *alt);
  void     (*table)     (FitaDocFlow *flow, FitaDocTable *table);
  /* what follows starts a new page (the annual report's title page) */
  void     (*page_break) (FitaDocFlow *flow);
  /* the whole package into path (a new file) */
  gboolean (*write)     (FitaDocFlow *flow, const char *path, GError **error);
} FitaDocFlowClass;

struct _FitaDocFlow {
  const FitaDocFlowClass *klass;
  char *lang;                 /* "ca", "es", "en" */
  char *title;                /* the document's title, for its metadata */
  char *header;               /* the running header: the plan and its organisation */
  char *page_format;          /* the footer, "Page %d of %d", in the report's language */
  gboolean landscape;
  double page_width, page_height, margin;   /* in points */
  GPtrArray *pictures;        /* of GBytes, PNG */
  xmlBufferPtr body;          /* the body's XML, written as the report goes */
  xmlTextWriterPtr w;
  GString *extra;             /* ODT: the tables' automatic styles; DOCX: the links' relationships */
  guint n_tables, n_links;
};

FitaDocFlow *fita_doc_flow_new_odt    (const char *lang, const char *title, gboolean landscape);
FitaDocFlow *fita_doc_flow_new_docx   (const char *lang, const char *title, gboolean landscape);
void         fita_doc_flow_free       (FitaDocFlow *flow);

/* For the writers: a new flow with its body writer set up; the pictures
 * as parts folder/pictureN.png of the package (names: the names made, to
 * free; the package is written with fita_zip_write); the country of a
 * language ("ES" for ca and es, "GB" for en). */
FitaDocFlow *fita_doc_flow_new        (const FitaDocFlowClass *klass, const char *lang,
                                       const char *title, gboolean landscape);
void         fita_doc_flow_add_pictures (FitaDocFlow *flow, const char *folder, GArray *parts,
                                         GPtrArray *names);
const char  *fita_doc_flow_country    (FitaDocFlow *flow);
/* The running header and footer, as the PDF's pages have them: header's
 * text, and page_format ("Page %d of %d") with the page's number and the
 * number of pages as the word processor's fields. */
void         fita_doc_flow_set_running (FitaDocFlow *flow, const char *header, const char *page_format);
/* The footer's words around its two numbers: "Page ", " of ", "" (to
 * free with g_strfreev); NULL when page_format is not two numbers. */
char       **fita_doc_flow_page_words (FitaDocFlow *flow);
/* Writes a whole small XML part with its own writer: begin returns it,
 * end frees it and returns the text. */
xmlTextWriterPtr fita_doc_flow_part_begin (xmlBufferPtr *buffer);
char            *fita_doc_flow_part_end   (xmlTextWriterPtr w, xmlBufferPtr buffer);
/* Shorthands for the writers */
#define FLOW_START(w, name) xmlTextWriterStartElement ((w), BAD_CAST (name))
#define FLOW_END(w) xmlTextWriterEndElement (w)
#define FLOW_ATTR(w, name, value) xmlTextWriterWriteAttribute ((w), BAD_CAST (name), BAD_CAST (value))
#define FLOW_TEXT(w, text) xmlTextWriterWriteString ((w), BAD_CAST (text))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaDocFlow, fita_doc_flow_free)

G_END_DECLS
