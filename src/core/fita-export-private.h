/* fita-export-private.h: the plan as the tables every export writes, so
 * that XLSX, ODS and CSV hold the same cells. */
#pragma once

#include "fita-export.h"
#include "fita-i18n.h"
#include "fita-output.h"

G_BEGIN_DECLS

typedef enum {
  FITA_CELL_EMPTY,
  FITA_CELL_TEXT,
  FITA_CELL_INTEGER,    /* a year, a weight */
  FITA_CELL_CENTS,      /* money */
  FITA_CELL_PERCENT,    /* hundredths of a percent: 8830 is 88.3 % */
  FITA_CELL_DECIMAL,    /* a decimal number kept as typed ("12.5"): an indicator's value */
} FitaCellKind;

typedef struct {
  FitaCellKind kind;
  gint64 number;        /* INTEGER, CENTS, PERCENT */
  const char *text;     /* TEXT, DECIMAL */
} FitaExportCell;

typedef struct {
  const char *header;   /* in the export's language */
  int decimals;         /* PERCENT: shown with as many */
  gboolean wrap;        /* long texts, wrapped in their width */
  double width;         /* in characters, to fit the content */
} FitaExportColumn;

typedef struct {
  FitaExportSheet sheet;
  const char *name;     /* the sheet's name, in the export's language */
  guint n_columns;
  FitaExportColumn *columns;
  guint n_rows;         /* below the header */
  FitaExportCell *cells; /* [row * n_columns + column] */
  guint *lines;         /* [0]: the header's, [1 + row]: the row's lines of wrapped text */
  double width;         /* of all the columns, in characters */
} FitaExportTable;

typedef struct {
  FitaTranslator *translator;
  const char *lang;
  FitaPlanInfo *info;
  FitaExportTable tables[FITA_EXPORT_N_SHEETS];
  GStringChunk *strings; /* texts made for the export */
} FitaExport;

FitaExport *fita_export_new     (FitaPlan   *plan,
                                 const char *lang);
/* The sheet's name, in the translator's language: "Elements", "Llistes". */
const char *fita_export_sheet_name (FitaExportSheet  sheet,
                                 FitaTranslator  *translator);
void        fita_export_free    (FitaExport *export);
FitaExportCell *fita_export_cell (FitaExportTable *table,
                                 guint       row,
                                 guint       column);
/* "4702.33", "-0.05": cents as a decimal number, exactly. */
char       *fita_export_cents_text (gint64   cents);
/* 8830 → "0.883": hundredths of a percent as a fraction, exactly. */
char       *fita_export_fraction_text (gint64 hundredths);

/* A text as an XLSX cell can hold it (cut to Excel's longest). */
char       *fita_export_xlsx_cell_string (const char *text);
void        fita_export_ods_append_escaped (GString    *out,
                                 const char *text,
                                 gssize      length);
/* A text as ODF paragraphs: a line each, tabs and runs of spaces kept
 * (ODF collapses plain ones). */
void        fita_export_ods_append_paragraphs (GString    *out,
                                 const char *text);
/* The namespaces an ODS spreadsheet's parts declare (a writer adds its
 * own and office:version). */
#define FITA_ODS_XMLNS \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

/* One file inside an ODS package: its name and its text. */
typedef struct {
  const char *name;
  const char *data;
} FitaOdsPart;

/* Writes an ODS package to the output's temporary file: the mimetype
 * first (stored, where readers look for it), the parts in their order,
 * then a manifest that lists them. Fails with the system's reason. */
gboolean    fita_export_ods_write_package (FitaOutput        *output,
                                 const FitaOdsPart *parts,
                                 guint              n_parts,
                                 GError           **error);

/* The format of a sheet's header row (an lxw_format of workbook): bold
 * on grey, wrapped, a line below. */
gpointer    fita_export_xlsx_header_format (gpointer workbook);
/* Makes a workbook's sheets: workbook is an lxw_workbook; returns an
 * lxw_error. */
typedef int (*FitaXlsxFill) (gpointer workbook,
                             gpointer user_data);
/* Writes a workbook to the output's temporary file, the sheets made by
 * fill in the C locale (libxlsxwriter prints its numbers with printf).
 * constant_memory: rows written out as they are made, in order. Fails
 * with libxlsxwriter's reason. */
gboolean    fita_export_xlsx_write_workbook (FitaOutput   *output,
                                 gboolean      constant_memory,
                                 FitaXlsxFill  fill,
                                 gpointer      user_data,
                                 GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaExport, fita_export_free)

G_END_DECLS
