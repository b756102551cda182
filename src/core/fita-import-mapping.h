/* fita-import-mapping.h: how the columns of a table are read into a plan.
 *
 * A mapping names, for each header of a table, the column of a plan it
 * holds (fita-columns.h); a header it does not name is guessed from its
 * words and the cells below it. It is kept as JSON, keyed by header text,
 * so that the next table headed alike is read alike:
 *
 *   {"columns": {"Codi": "code", "Actuacions": "title", "Total": null},
 *    "levels": {"Actuacions": "Actuació"},
 *    "header_row": 1, "language": "ca",
 *    "under": {"code": "11", "title": "ESS als barris", "level": "Programa"}}
 *
 * "levels" names the level of the items of a title column whose cells do
 * not name one; "header_row" is the row that heads the table (1 is the
 * first; by default the first row that looks like a header; of a
 * workbook's sheets read together, the first sheet's); "language"
 * is how amounts are written ("ca", "es", "en"; by default Catalan's
 * 4.702,33); "under" is an item that the table's top rows go under, made
 * by the import (a programme whose actions the table lists). */
#pragma once

#include <glib.h>
#include "fita-columns.h"
#include "fita-sheet.h"

G_BEGIN_DECLS

typedef struct _FitaImportMapping FitaImportMapping;

FitaImportMapping *fita_import_mapping_new        (void);
void               fita_import_mapping_free       (FitaImportMapping *mapping);
/* A mapping saved as JSON (see above); the error names what is wrong. */
FitaImportMapping *fita_import_mapping_load       (const char        *data,
                                                   gsize              length,
                                                   GError           **error);
char              *fita_import_mapping_to_json    (FitaImportMapping *mapping);

guint       fita_import_mapping_get_header_row    (FitaImportMapping *mapping);
void        fita_import_mapping_set_header_row    (FitaImportMapping *mapping,
                                                   guint              row);
/* "ca", "es", "en", or NULL (Catalan's way). */
const char *fita_import_mapping_get_language      (FitaImportMapping *mapping);
void        fita_import_mapping_set_language      (FitaImportMapping *mapping,
                                                   const char        *lang);
/* The item the table goes under; all NULL: none. */
void        fita_import_mapping_get_under         (FitaImportMapping *mapping,
                                                   const char       **code,
                                                   const char       **title,
                                                   const char       **level);
void        fita_import_mapping_set_under         (FitaImportMapping *mapping,
                                                   const char        *code,
                                                   const char        *title,
                                                   const char        *level);

/* The headers the mapping names, in the order they were named or met. */
guint       fita_import_mapping_get_n_headers     (FitaImportMapping *mapping);
const char *fita_import_mapping_get_header        (FitaImportMapping *mapping,
                                                   guint              index);
/* FALSE when the mapping does not name the header (it will be guessed). */
gboolean    fita_import_mapping_get_column        (FitaImportMapping *mapping,
                                                   const char        *header,
                                                   FitaColumn        *column);
/* FITA_COLUMN_NONE: the column is not read. */
void        fita_import_mapping_set_column        (FitaImportMapping *mapping,
                                                   const char        *header,
                                                   FitaColumn         column);
const char *fita_import_mapping_get_level         (FitaImportMapping *mapping,
                                                   const char        *header);
void        fita_import_mapping_set_level         (FitaImportMapping *mapping,
                                                   const char        *header,
                                                   const char        *level);

/* Finds the headers of sheet (a table may hold several, one after another)
 * and names the column of each that the mapping does not name yet, as the
 * import would read it. Fails only on a table with no header. */
gboolean    fita_import_mapping_guess             (FitaImportMapping *mapping,
                                                   FitaSheet         *sheet,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaImportMapping, fita_import_mapping_free)

G_END_DECLS
