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
/* An output with no name, for what is read back rather than kept: an
 * unlinked file in the temporary folder (g_get_tmp_dir()), so that a large
 * result need not be held in memory while it is made. Finished with
 * fita_output_steal_bytes() (or fita_output_abort()), never committed. */
FitaOutput  *fita_output_new_temporary (GError    **error);
/* A temporary output's content as bytes mapped from its file (pages the
 * kernel may drop and read again); NULL with the error of a failed write.
 * Frees output either way. */
GBytes      *fita_output_steal_bytes (FitaOutput  *output,
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
/* FALSE, with its error, if a write failed. */
gboolean     fita_output_check      (FitaOutput   *output,
                                     GError      **error);
/* The first failed write's errno, or 0. */
int          fita_output_get_errno  (FitaOutput   *output);
/* How many bytes were written so far. */
guint64      fita_output_get_length (FitaOutput   *output);
/* The temporary file, open for reading and writing and positioned at its
 * end, all that was written in it (for reading back what was written, say
 * through a GMappedFile, before writing more); -1 if a write failed or,
 * for an output to a path, nothing was written yet. */
int          fita_output_get_fd     (FitaOutput   *output);
/* Cuts what was written back to its first length bytes (to take back an
 * addition); FALSE if it cannot. */
gboolean     fita_output_truncate   (FitaOutput   *output,
                                     guint64       length);
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
