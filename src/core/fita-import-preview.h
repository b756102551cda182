/* fita-import-preview.h: what an import assistant shows of a table before
 * anything is made of it: each column as the importer will read it, with
 * the first values under it. */
#pragma once

#include "fita-import-mapping.h"

G_BEGIN_DECLS

typedef struct {
  char *header;          /* as the table heads it (two header rows joined) */
  FitaColumn column;     /* how it will be read (FITA_COLUMN_NONE: not read) */
  GStrv examples;        /* the first non-empty values under it, at most the number asked */
} FitaImportHeader;

void fita_import_header_free (FitaImportHeader *header);

/* The headers of sheet, each once, in the order they are met (a table
 * may hold several tables, each with its header), with their columns as
 * mapping names them or, for those it does not name, as guessed (and then
 * named in mapping). A new array of FitaImportHeader*; fails like
 * fita_import_mapping_guess(). */
GPtrArray *fita_import_mapping_describe (FitaImportMapping  *mapping,
                                         FitaSheet          *sheet,
                                         guint               max_examples,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaImportHeader, fita_import_header_free)

G_END_DECLS
