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

struct _FitaOutput {
  char *path;        /* the target, symbolic links resolved */
  char *temp;
  int fd;            /* -1 until the first write */
  mode_t mode;       /* the old target's, kept */
  gboolean has_mode;
  int error;         /* the first failed write's errno */
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

const char *
fita_output_get_temp_path (FitaOutput *output)
{
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
  output->fd = g_open (output->temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (output->fd < 0)
    {
      output->error = errno;
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (FitaOutput *output, const void *data, gsize length)
{
  const char *p = data;

  if (output->error != 0 || !ensure_open (output))
    return FALSE;
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

static void
output_free (FitaOutput *output)
{
  if (output->fd >= 0)
    close (output->fd);
  g_free (output->path);
  g_free (output->temp);
  g_free (output);
}

gboolean
fita_output_commit (FitaOutput *output, GError **error)
{
  int code = output->error;

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
