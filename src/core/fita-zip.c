/* fita-zip.c: writing a zip package (fita-zip.h). */
#include "config.h"
#include "fita-zip.h"
#include "fita-error.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <zip.h>

static gboolean
add_part (zipFile zip, const FitaZipPart *part, int *code)
{
  /* a fixed date: the same plan gives the same bytes */
  zip_fileinfo info = { { 0, 0, 0, 1, 0, 1980 }, 0, 0, 0 };
  gsize length = part->length == (gsize) -1 ? strlen (part->data) : part->length;
  const char *data = part->data;
  int status;

  errno = 0;
  status = zipOpenNewFileInZip4_64 (zip, part->name, &info, NULL, 0, NULL, 0, NULL,
                                    part->stored ? 0 : Z_DEFLATED, part->stored ? 0 : Z_DEFAULT_COMPRESSION, 0,
                                    -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, NULL, 0, 0, 0, 0);
  for (gsize done = 0; status == ZIP_OK && done < length; done += MIN (length - done, 1 << 20))
    status = zipWriteInFileInZip (zip, data + done, (unsigned) MIN (length - done, 1 << 20));
  if (status == ZIP_OK)
    status = zipCloseFileInZip (zip);
  if (status != ZIP_OK && *code == 0)
    *code = errno ? errno : EIO;
  return status == ZIP_OK;
}

gboolean
fita_zip_write (const char *path, const FitaZipPart *parts, guint n_parts, GError **error)
{
  zipFile zip;
  int code = 0;

  errno = 0;
  zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  if (zip == NULL)
    code = errno ? errno : EIO;
  else
    {
      gboolean ok = TRUE;

      for (guint i = 0; ok && i < n_parts; i++)
        ok = add_part (zip, &parts[i], &code);
      errno = 0;
      if (zipClose (zip, NULL) != ZIP_OK && code == 0)
        code = errno ? errno : EIO;
    }
  if (code != 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   /* Translators: %s is the system's reason, e.g. "No space left on device" */
                   _("It could not be written: %s. Nothing was replaced; free some space or choose another folder."),
                   g_strerror (code));
      return FALSE;
    }
  return TRUE;
}
