/* fita-output.h: every file Fita writes (exports, pictures, reports, new
 * plans) is written atomically: into a temporary file beside it, flushed to
 * disk, then renamed over the target. A failed or interrupted write leaves
 * the old file (or none) in place, never a truncated one.
 *
 * The target may not be a special file (a device, a FIFO, a folder) nor the
 * file being read (the plan itself); a symbolic link is written through, so
 * the link stays and its target gets the new content. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _FitaOutput FitaOutput;

/* input: the file the output is made from (or NULL), which it may not
 * replace. Also removes temporary files that earlier runs, killed before
 * they finished, left beside the target. */
FitaOutput  *fita_output_open       (const char   *path,
                                     const char   *input,
                                     GError      **error);
/* Where the content goes until it is committed (for writers that want a
 * path, like SQLite). */
const char  *fita_output_get_temp_path (FitaOutput *output);
const char  *fita_output_get_path   (FitaOutput   *output);
gboolean     fita_output_write      (FitaOutput   *output,
                                     const void   *data,
                                     gsize         length,
                                     GError      **error);
/* For cairo's *_for_stream surfaces: closure is the FitaOutput. A failed
 * write is kept and reported by fita_output_commit(). */
cairo_status_t fita_output_cairo_write (void                *closure,
                                     const unsigned char *data,
                                     unsigned int         length);
/* Flushes, closes and renames the temporary file over the target; on
 * failure the target is left as it was. Frees output either way. */
gboolean     fita_output_commit     (FitaOutput   *output,
                                     GError      **error);
/* Removes the temporary file; the target is left as it was. */
void         fita_output_abort      (FitaOutput   *output);

/* Opens, writes data and commits: a whole file written atomically. */
gboolean     fita_output_write_file (const char  *path,
                                     const char   *input,
                                     const void   *data,
                                     gsize         length,
                                     GError      **error);

/* Writes all of data to the standard output and checks that it got there
 * (a full disk, a closed pipe). */
gboolean     fita_write_stdout      (const char   *data,
                                     gsize         length,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaOutput, fita_output_abort)

G_END_DECLS
