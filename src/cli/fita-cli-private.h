/* fita-cli-private.h: what fita-cli's commands, in their files, share. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "fita-plan.h"

#define EXIT_PROBLEMS 1
#define EXIT_USAGE 2

/* Prints "fita-cli: FILE: message", the later lines of the message (a
 * list of problems, one a line) indented under the first; returns 2. */
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
/* The item of that code, or NULL having said that the file has none and
 * set *status. */
FitaItem *find_item     (FitaPlan        *plan,
                         const char      *file,
                         const char      *code,
                         int             *status);

/* The option --author NAME of the commands that change a plan: who made
 * the change, for the plan's change log; NULL: the login's real name. */
#define AUTHOR_OPTION(variable) \
  { "author", 0, 0, G_OPTION_ARG_STRING, &(variable), \
    N_("Who makes the change, as the plan's change log names them (default: your name)"), N_("NAME") }

/* Appends text, cut to at most max characters with "…" as the last. */
void      append_cut       (GString       *out,
                            const char    *text,
                            guint          max);

/* JSON output: FITA_NONE is null; a measure is rounded to its decimals
 * (none: an integer); the document goes to stdout on one line. */
void      json_add_int     (JsonBuilder   *builder,
                            const char    *member,
                            gint64         value);
/* A text that may be missing: null. */
void      json_add_text_or_null (JsonBuilder *builder,
                            const char    *member,
                            const char    *text);
void      json_add_boolean (JsonBuilder   *builder,
                            const char    *member,
                            gboolean       value);
void      json_add_measure (JsonBuilder   *builder,
                            const char    *member,
                            double         value,
                            int            decimals);
void      json_print       (JsonBuilder   *builder);

/* fita-cli-bench.c */
int       cmd_bench     (int              argc,
                         char           **argv);
/* fita-cli-bench-server.c: bench --server, on a new plan in the database
 * server names, dropped at the end; watch: the load's clients follow
 * others' changes between their edits, as the app does. */
int       bench_server  (const char      *server,
                         int              n_items,
                         int              n_clients,
                         int              n_edits,
                         gboolean         watch,
                         gboolean         json);
/* fita-cli-compare.c */
int       cmd_compare   (int              argc,
                         char           **argv);
/* fita-cli-export.c */
int       cmd_export    (int              argc,
                         char           **argv);
/* fita-cli-report.c */
int       cmd_report    (int              argc,
                         char           **argv);
/* fita-cli-log.c */
int       cmd_log       (int              argc,
                         char           **argv);
/* fita-cli-years.c */
int       cmd_server    (int              argc,
                         char           **argv);
int       cmd_push      (int              argc,
                         char           **argv);
int       cmd_pull      (int              argc,
                         char           **argv);
int       cmd_year      (int              argc,
                         char           **argv);
/* The plan as it stood at the end of year (for a closed year, from its
 * closure; 0: plan itself); takes plan. NULL having said why and set
 * *status. */
FitaPlan *plan_of_year  (FitaPlan        *plan,
                         const char      *file,
                         int              year,
                         int             *status);
/* fita-cli-forms.c */
int       cmd_forms     (int              argc,
                         char           **argv);
/* fita-cli-merge.c */
int       cmd_merge     (int              argc,
                         char           **argv);
/* fita-cli-import.c */
int       cmd_import    (int              argc,
                         char           **argv);
/* Milliseconds to read and import a table of n_rows rows, for bench. */
double    bench_import  (guint            n_rows,
                         GError         **error);
/* Milliseconds to read a table file (a workbook: every sheet that adds to
 * the first) and import it, for bench. */
double    bench_import_file (const char  *path,
                         GError         **error);
