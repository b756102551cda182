/* fita-cli.h: what the commands of fita-cli, in several files, share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EXIT_PROBLEMS 1
#define EXIT_USAGE 2

/* Prints "fita-cli: FILE: message", the later lines of the message (a
 * list of problems, one a line) indented under the first; returns 2. */
int      fail_file     (const char      *file,
                        const GError    *error);
/* Prints the message and, with a context, the command's help; returns 2. */
int      fail_usage    (GOptionContext  *context,
                        const char      *message);
/* Parses options; on --help prints and exits 0, on errors sets *status to 2. */
gboolean parse_options (GOptionContext  *context,
                        int             *argc,
                        char          ***argv,
                        int             *status);

/* fita-cli-import.c */
int      cmd_import    (int              argc,
                        char           **argv);
/* Milliseconds to read and import a table of n_rows rows, for bench. */
double   bench_import  (guint            n_rows,
                        GError         **error);

G_END_DECLS
