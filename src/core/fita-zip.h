/* fita-zip.h: writing a zip package (ODS, ODT, DOCX): its parts in order,
 * with a fixed date, so that the same content gives the same bytes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;
  const void *data;
  gsize length;               /* -1: a string */
  gboolean stored;            /* not compressed (ODF's mimetype) */
} FitaZipPart;

/* Writes the parts into a new zip file at path; fails with the system's
 * reason (FITA_ERROR_IO). */
gboolean fita_zip_write (const char        *path,
                         const FitaZipPart *parts,
                         guint              n_parts,
                         GError           **error);

G_END_DECLS
