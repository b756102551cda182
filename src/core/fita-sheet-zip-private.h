/* fita-sheet-zip-private.h: what the XLSX and ODS readers share: the zip
 * archive with its bound on what it unpacks, its XML parts, the sheet
 * being built with its bounds, and cell values as text. */
#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>
#include <unzip.h>

#include "fita-sheet.h"

G_BEGIN_DECLS

/* Sheets, relationships, number formats and cell styles kept from one
 * file: far more than any has, few enough that a file made of nothing
 * else cannot exhaust memory. */
#define FITA_SHEET_MAX_LIST 65536

typedef struct {
  unzFile zip;
  guint64 unpacked;      /* bytes, against FITA_SHEET_MAX_UNZIPPED */
  gboolean too_big;
  int zip_status;        /* a failed read's, or 0 */
  char *xml_error;       /* the parser's first complaint */
  int xml_line;
  xmlGenericErrorFunc generic_error;  /* the thread's own, while a part is read */
  void *generic_error_context;
} FitaZip;

/* kind: "XLSX" or "ODS", for the message when it is not a zip. */
gboolean  fita_zip_open        (FitaZip           *zip,
                                const char        *path,
                                const char        *kind,
                                GError           **error);
void      fita_zip_close       (FitaZip           *zip);
gboolean  fita_zip_has         (FitaZip           *zip,
                                const char        *name);
/* Opens a part for reading as XML. A part that is not there is an error
 * if required; otherwise *reader is NULL. */
gboolean  fita_zip_xml_open    (FitaZip           *zip,
                                const char        *name,
                                gboolean           required,
                                xmlTextReaderPtr  *reader,
                                GError           **error);
/* Frees the reader, given the last status of xmlTextReaderRead (1: the
 * caller stopped, 0: the end, -1: an error), and says what went wrong
 * reading the part. error NULL: the caller has failed already. */
gboolean  fita_zip_xml_close   (FitaZip           *zip,
                                xmlTextReaderPtr   reader,
                                int                status,
                                const char        *name,
                                GError           **error);
void      fita_zip_set_damaged (GError           **error,
                                const char        *part,
                                const char        *reason);
void      fita_zip_set_too_big (GError           **error);

gboolean  fita_xml_is_element  (xmlTextReaderPtr   reader,
                                const char        *ns,
                                const char        *local);
gboolean  fita_xml_is_end      (xmlTextReaderPtr   reader,
                                const char        *ns,
                                const char        *local);
gboolean  fita_xml_is_text     (xmlTextReaderPtr   reader);
/* By local name, in any namespace (ns NULL) or in ns. */
char     *fita_xml_attribute   (xmlTextReaderPtr   reader,
                                const char        *ns,
                                const char        *local);

typedef struct {
  FitaSheet *sheet;
  GPtrArray *cells;      /* the row being read: char* (tidy), NULL for empty */
  guint64 n_cells;       /* kept so far */
  guint64 n_bytes;
  guint64 row_bytes;     /* of the row being read */
} FitaSheetBuilder;

void       fita_sheet_builder_init    (FitaSheetBuilder *b,
                                       const char       *name);
void       fita_sheet_builder_clear   (FitaSheetBuilder *b);
FitaSheet *fita_sheet_builder_finish  (FitaSheetBuilder *b);
/* Sets a cell of the row being read; text is taken, and made tidy
 * unless it is already. */
gboolean   fita_sheet_builder_set     (FitaSheetBuilder *b,
                                       guint             row,
                                       guint             column,
                                       char             *text,
                                       gboolean          tidy,
                                       GError          **error);
/* Ends the row being read, kept repeat times from row on, unless it
 * holds no text at all. */
gboolean   fita_sheet_builder_end_row (FitaSheetBuilder *b,
                                       guint             row,
                                       guint             repeat,
                                       GError          **error);
void       fita_sheet_set_too_many_columns (GError     **error,
                                       const char       *sheet);
/* Whether text (not yet tidy) is too long for a cell; says so if it is. */
gboolean   fita_sheet_text_too_long   (GString          *text,
                                       GError          **error,
                                       const char       *sheet,
                                       guint             row,
                                       guint             column);

/* "AB12" (column from 0, row from 1) */
char      *fita_sheet_cell_name       (guint             row,
                                       guint             column);
/* 4702.33 → "4702.33": C locale, no exponent, 15 significant digits. */
char      *fita_sheet_number_text     (double            value);
/* 0.883 → "88.3%" */
char      *fita_sheet_percent_text    (double            value);
/* Line ends as "\n", and NFC. */
char      *fita_sheet_tidy_text       (const char       *text,
                                       gsize             length);
/* A whole number from 1 to max; 0 if it is not one. */
guint      fita_sheet_parse_count     (const char       *text,
                                       guint             max);

/* Whether name is the sheet wanted: the same, whatever the case. */
gboolean   fita_sheet_name_matches    (const char       *name,
                                       const char       *wanted);
/* The index of the sheet named (exactly, or else whatever the case) in
 * names, or of the first one when wanted is NULL; -1 if none. */
int        fita_sheet_find            (GPtrArray        *names,
                                       const char       *wanted);
void       fita_sheet_set_no_sheet    (GError          **error,
                                       const char       *wanted,
                                       GPtrArray        *names);

/* Given each sheet of a workbook in turn, read whole, to keep (it takes
 * the sheet) or free; FALSE, with error set, stops the reading. */
typedef gboolean (*FitaSheetEach) (FitaSheet  *sheet,
                                   guint       index,
                                   gpointer    data,
                                   GError    **error);
/* Reads every sheet in order, in one pass over the file, handing each to
 * each as it is read: only one sheet at a time is held besides those
 * kept. FALSE if the file, a sheet of it, or each fails. */
gboolean   fita_sheet_xlsx_read_each  (const char       *path,
                                       FitaSheetEach     each,
                                       gpointer          data,
                                       GError          **error);
gboolean   fita_sheet_ods_read_each   (const char       *path,
                                       FitaSheetEach     each,
                                       gpointer          data,
                                       GError          **error);
/* Whether a zip archive is an ODS (content.xml) rather than an XLSX. */
gboolean   fita_sheet_zip_is_ods      (const char       *path,
                                       GError          **error);

/* The sheets' names, for fita_sheet_list_sheets(). */
GPtrArray *fita_sheet_xlsx_names      (const char       *path,
                                       GError          **error);
GPtrArray *fita_sheet_ods_names       (const char       *path,
                                       GError          **error);

G_END_DECLS
