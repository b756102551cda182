#include "config.h"
#include "fita-output.h"
#include "fita-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_SUFFIX ".fita-part"
/* Small writes (cairo writes a PDF a line at a time) are gathered into
 * writes of this size. */
#define BUFFER_SIZE (64 * 1024)

struct _FitaOutput {
  char *path;        /* the target, symbolic links resolved; NULL: a temporary output */
  char *temp;        /* NULL: a temporary output, unlinked at once */
  int fd;            /* -1 until the first write */
  mode_t mode;       /* the old target's, kept */
  gboolean has_mode;
  int error;         /* the first failed write's errno */
  guint64 length;    /* written so far, the buffer included */
  guint8 *buffer;    /* what is not written yet: BUFFER_SIZE bytes, or NULL */
  gsize buffered;
};

static void
set_io_error (GError **error, int code)
{
  if (code == ENOSPC || code == EDQUOT)
    g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                 /* Translators: %s is the system's reason, e.g. "No space left on device" */
                 _("It could not be written: %s. Nothing was replaced; free some space or choose another folder."),
                 g_strerror (code));
  else
    g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                 /* Translators: %s is the system's reason, e.g. "Permission denied" */
                 _("It could not be written: %s. Nothing was replaced; choose a folder you may write to."),
                 g_strerror (code));
}

/* Follows symbolic links to the file that gets the content (which may not
 * exist yet). */
static char *
resolve_links (const char *path, GError **error)
{
  g_autofree char *current = g_strdup (path);

  for (int hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if (!(target = g_file_read_link (current, NULL)))
        break;
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, target, NULL);
          g_free (target);
          target = g_steal_pointer (&joined);
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("It is a symbolic link that leads nowhere (or in a circle); choose another name."));
  return NULL;
}

/* Temporary files of runs that were killed before they finished: named
 * ".NAME.PID.fita-part" (or ".NAME.import-PID" by Fita 0.1), with their
 * SQLite journal, removed once their process is gone. */
static void
remove_stale_temps (const char *dir, const char *base)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      const char *rest;
      char *end = NULL;
      gint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      rest = name + strlen (prefix);
      if (g_str_has_prefix (rest, "import-"))
        rest += strlen ("import-");
      pid = g_ascii_strtoll (rest, &end, 10);
      /* with what SQLite may have left beside a plan being written */
      if (end == rest || pid <= 0 || pid > G_MAXINT ||
          !(g_str_equal (end, TEMP_SUFFIX) || g_str_equal (end, TEMP_SUFFIX "-journal") ||
            *end == '\0' || g_str_equal (end, "-journal")))
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      {
        g_autofree char *stale = g_build_filename (dir, name, NULL);
        g_unlink (stale);
      }
    }
}

FitaOutput *
fita_output_open (const char *path, const char *input, GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  FitaOutput *output;
  struct stat st;

  if (!(target = resolve_links (path, error)))
    return NULL;
  if (stat (target, &st) == 0)
    {
      struct stat in;
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("It is not an ordinary file (a folder, a device or a pipe); choose a file name."));
          return NULL;
        }
      if (input != NULL && stat (input, &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("It is the file being read; writing there would replace it. Choose another name."));
          return NULL;
        }
    }

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  remove_stale_temps (dir, base);

  output = g_new0 (FitaOutput, 1);
  output->path = g_steal_pointer (&target);
  output->temp = g_strdup_printf ("%s/.%s.%d" TEMP_SUFFIX, dir, base, (int) getpid ());
  output->fd = -1;
  if (stat (output->path, &st) == 0)
    {
      output->mode = st.st_mode & 07777;
      output->has_mode = TRUE;
    }
  g_unlink (output->temp);
  return output;
}

static gboolean flush (FitaOutput *output);

const char *
fita_output_get_temp_path (FitaOutput *output)
{
  flush (output);
  return output->temp;
}

const char *
fita_output_get_path (FitaOutput *output)
{
  return output->path;
}

static gboolean
ensure_open (FitaOutput *output)
{
  if (output->fd >= 0)
    return TRUE;
  /* read too: a report reads back what cairo wrote (fita_output_get_fd) */
  output->fd = g_open (output->temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (output->fd < 0)
    {
      output->error = errno;
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_through (FitaOutput *output, const void *data, gsize length)
{
  const char *p = data;

  while (length > 0)
    {
      ssize_t n = write (output->fd, p, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          output->error = n < 0 ? errno : EIO;
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Writes what the buffer holds. */
static gboolean
flush (FitaOutput *output)
{
  gsize n = output->buffered;

  if (output->error != 0)
    return FALSE;
  if (n == 0)
    return TRUE;
  output->buffered = 0;
  return write_through (output, output->buffer, n);
}

static gboolean
write_all (FitaOutput *output, const void *data, gsize length)
{
  if (output->error != 0 || !ensure_open (output))
    return FALSE;
  output->length += length;
  if (output->buffered + length <= BUFFER_SIZE)
    {
      if (output->buffer == NULL)
        output->buffer = g_malloc (BUFFER_SIZE);
      if (length > 0)
        memcpy (output->buffer + output->buffered, data, length);
      output->buffered += length;
      return TRUE;
    }
  return flush (output) && write_through (output, data, length);
}

gboolean
fita_output_write (FitaOutput *output, const void *data, gsize length, GError **error)
{
  if (!write_all (output, data, length))
    {
      set_io_error (error, output->error);
      return FALSE;
    }
  return TRUE;
}

cairo_status_t
fita_output_cairo_write (void *closure, const unsigned char *data, unsigned int length)
{
  return write_all (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
fita_output_check (FitaOutput *output, GError **error)
{
  if (output->error == 0)
    return TRUE;
  set_io_error (error, output->error);
  return FALSE;
}

int
fita_output_get_errno (FitaOutput *output)
{
  return output->error;
}

guint64
fita_output_get_length (FitaOutput *output)
{
  return output->length;
}

int
fita_output_get_fd (FitaOutput *output)
{
  if (!flush (output) || output->fd < 0)
    return -1;
  return output->fd;
}

gboolean
fita_output_truncate (FitaOutput *output, guint64 length)
{
  if (!flush (output) || output->fd < 0 || length > output->length)
    return FALSE;
  if (ftruncate (output->fd, (off_t) length) != 0 || lseek (output->fd, (off_t) length, SEEK_SET) < 0)
    {
      output->error = errno;
      return FALSE;
    }
  output->length = length;
  return TRUE;
}

FitaOutput *
fita_output_new_temporary (GError **error)
{
  g_autofree char *name = NULL;
  FitaOutput *output;
  int fd = g_file_open_tmp ("fita-XXXXXX", &name, error);

  if (fd < 0)
    return NULL;
  /* nothing to clean up after, whatever happens */
  g_unlink (name);
  fcntl (fd, F_SETFD, FD_CLOEXEC);
  output = g_new0 (FitaOutput, 1);
  output->fd = fd;
  return output;
}

GBytes *
fita_output_steal_bytes (FitaOutput *output, GError **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (output->path == NULL, NULL);
  if (!flush (output) || !fita_output_check (output, error))
    {
      fita_output_abort (output);
      return NULL;
    }
  /* mapped: pages the kernel may drop and read again, not a copy */
  if ((mapped = g_mapped_file_new_from_fd (output->fd, FALSE, error)) != NULL)
    bytes = g_mapped_file_get_bytes (mapped);
  fita_output_abort (output);
  return bytes;
}

static void
output_free (FitaOutput *output)
{
  if (output->fd >= 0)
    close (output->fd);
  g_free (output->path);
  g_free (output->temp);
  g_free (output->buffer);
  g_free (output);
}

gboolean
fita_output_commit (FitaOutput *output, GError **error)
{
  int code;

  g_return_val_if_fail (output->path != NULL, FALSE);
  flush (output);
  code = output->error;
  /* a writer that wrote by path (SQLite) left the file for us to flush;
   * one that wrote nothing leaves an empty file */
  if (code == 0 && output->fd < 0)
    {
      output->fd = g_open (output->temp, O_RDONLY | O_CLOEXEC, 0);
      if (output->fd < 0)
        code = errno == ENOENT && ensure_open (output) ? 0 : output->error ? output->error : errno;
    }
  if (code == 0 && output->has_mode && fchmod (output->fd, output->mode) != 0)
    code = errno;
  if (code == 0 && fsync (output->fd) != 0)
    code = errno;
  if (output->fd >= 0 && close (output->fd) != 0 && code == 0)
    code = errno;
  output->fd = -1;
  if (code == 0 && g_rename (output->temp, output->path) != 0)
    code = errno;
  if (code != 0)
    {
      g_unlink (output->temp);
      set_io_error (error, code);
      output_free (output);
      return FALSE;
    }
  {
    /* the rename itself reaches the disk with the folder */
    g_autofree char *dir = g_path_get_dirname (output->path);
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (dir_fd >= 0)
      {
        fsync (dir_fd);
        close (dir_fd);
      }
  }
  output_free (output);
  return TRUE;
}

void
fita_output_abort (FitaOutput *output)
{
  if (output == NULL)
    return;
  if (output->fd >= 0)
    {
      close (output->fd);
      output->fd = -1;
    }
  if (output->temp != NULL)
    g_unlink (output->temp);
  output_free (output);
}

gboolean
fita_output_write_file (const char *path, const char *input, const void *data, gsize length, GError **error)
{
  g_autoptr(FitaOutput) output = fita_output_open (path, input, error);

  return output != NULL && fita_output_write (output, data, length, error) &&
         fita_output_commit (g_steal_pointer (&output), error);
}

gboolean
fita_write_stdout (const char *data, gsize length, GError **error)
{
  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0 || ferror (stdout))
    {
      int code = errno ? errno : EIO;
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO,
                   _("The standard output could not be written: %s."), g_strerror (code));
      return FALSE;
    }
  return TRUE;
}
