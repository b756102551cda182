/* fita-cli-private.h: what fita-cli's commands, in their files, share. */
#pragma once

#include <glib.h>
#include "fita-plan.h"

#define EXIT_PROBLEMS 1
#define EXIT_USAGE 2

/* "fita-cli: FILE: message"; returns EXIT_USAGE. */
int       fail_file     (const char      *file,
                         const GError    *error);
/* "fita-cli: message", then the command's help; returns EXIT_USAGE. */
int       fail_usage    (GOptionContext  *context,
                         const char      *message);
/* Parses options; on --help prints and exits 0, on errors sets *status. */
gboolean  parse_options (GOptionContext  *context,
                         int             *argc,
                         char          ***argv,
                         int             *status);
FitaPlan *open_plan     (const char      *file,
                         FitaOpenFlags    flags,
                         int             *status);

int       cmd_export    (int              argc,
                         char           **argv);
