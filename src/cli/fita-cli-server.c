/* fita-cli-server.c: shared plans on a PostgreSQL server: setting up a
 * database (server init, migrate, grant, plans) and copying a plan between
 * a file and a server (push, pull). Every other command that takes a FILE
 * takes a shared plan's address too. Passwords come from libpq's
 * PGPASSWORD or ~/.pgpass, never from the command line. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-cli-private.h"
#include "fita-error.h"
#include "fita-server.h"

static int
server_migrate (int argc, char **argv, gboolean init)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (init ? _("URI — set up a PostgreSQL database to hold shared plans")
                               : _("URI — bring Fita's schema in a database up to date with this Fita"));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int status = 0;
  guint steps;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("takes one URI, such as postgresql://server/database"));
  if (!fita_location_is_shared (argv[1]))
    return fail_usage (context, _("URI must be a PostgreSQL address: postgresql://server/database"));
  shown = fita_location_display (argv[1]);
  if (!fita_server_migrate (argv[1], NULL, &steps, &error))
    return fail_file (shown, error);
  if (steps == 0)
    g_printerr (_("fita-cli: %s: the database is up to date (version %d); nothing was changed\n"),
                shown, FITA_SERVER_SCHEMA_VERSION);
  else
    g_printerr (_("fita-cli: %s: the database holds Fita's schema, version %d\n"), shown, FITA_SERVER_SCHEMA_VERSION);
  return 0;
}

static int
server_init (int argc, char **argv)
{
  return server_migrate (argc, argv, TRUE);
}

static int
server_upgrade (int argc, char **argv)
{
  return server_migrate (argc, argv, FALSE);
}

static int
server_grant (int argc, char **argv)
{
  g_autofree char *agent = NULL;
  gboolean coordinator = FALSE, reader = FALSE;
  GOptionEntry entries[] = {
    { "agent", 'a', 0, G_OPTION_ARG_STRING, &agent, N_("A service: it updates the follow-up of the items this agent answers for"), N_("NAME") },
    { "coordinator", 'c', 0, G_OPTION_ARG_NONE, &coordinator, N_("A coordinator: changes everything"), NULL },
    { "reader", 'r', 0, G_OPTION_ARG_NONE, &reader, N_("A reader: reads the plan, changes nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("URI ROLE — give a PostgreSQL role access to the shared plan the URI names"));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  FitaAccess access;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return fail_usage (context, _("server grant takes a URI with ?plan=NAME and a ROLE"));
  if (!fita_location_is_shared (argv[1]))
    return fail_usage (context, _("URI must be a shared plan's address: postgresql://server/database?plan=NAME"));
  if ((agent != NULL) + coordinator + reader != 1)
    return fail_usage (context, _("give one of --agent NAME, --coordinator or --reader"));
  access = coordinator ? FITA_ACCESS_ALL : reader ? FITA_ACCESS_READ : FITA_ACCESS_FOLLOW_UP;
  shown = fita_location_display (argv[1]);
  if (!fita_server_grant (argv[1], NULL, argv[2], access, agent, &error))
    return fail_file (shown, error);
  if (access == FITA_ACCESS_ALL)
    g_printerr (_("fita-cli: %s: %s coordinates the plan: they may change everything\n"), shown, argv[2]);
  else if (access == FITA_ACCESS_READ)
    g_printerr (_("fita-cli: %s: %s reads the plan and may change nothing\n"), shown, argv[2]);
  else
    g_printerr (_("fita-cli: %s: %s updates the follow-up of the items %s answers for\n"), shown, argv[2], agent);
  return 0;
}

static int
server_plans (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("URI — list the shared plans a database holds"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *shown = NULL;
  int status = 0;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || !fita_location_is_shared (argv[1]))
    return fail_usage (context, _("server plans takes one URI, such as postgresql://server/database"));
  shown = fita_location_display (argv[1]);
  if (!(names = fita_server_list_plans (argv[1], NULL, &error)))
    return fail_file (shown, error);
  for (guint i = 0; i < names->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (names, i));
  return 0;
}

static int
server_drop (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("URI — delete the shared plan the URI names, with its history"));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int status = 0;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || !fita_location_is_shared (argv[1]))
    return fail_usage (context, _("server drop takes one URI with ?plan=NAME"));
  shown = fita_location_display (argv[1]);
  if (!fita_server_drop_plan (argv[1], NULL, &error))
    return fail_file (shown, error);
  g_printerr (_("fita-cli: %s: the plan was deleted from the server\n"), shown);
  return 0;
}

int
cmd_server (int argc, char **argv)
{
  static const struct {
    const char *name;
    int (*func) (int argc, char **argv);
  } actions[] = {
    { "init", server_init },
    { "migrate", server_upgrade },
    { "grant", server_grant },
    { "plans", server_plans },
    { "drop", server_drop },
  };

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: fita-cli server init URI | migrate URI | grant URI ROLE (--agent NAME | --coordinator | --reader) | plans URI | drop URI"));
      return 0;
    }
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (argv[1], actions[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("fita-cli server %s", actions[i].name);
        g_set_prgname (prgname);
        return actions[i].func (argc - 1, argv + 1);
      }
  return fail_usage (NULL, _("server takes init, migrate, grant, plans or drop: fita-cli server init URI, fita-cli server migrate URI, fita-cli server grant URI ROLE --agent NAME|--coordinator|--reader, fita-cli server plans URI, fita-cli server drop URI"));
}

/* push and pull: the whole plan, its log and its closed years, from one
 * place to a new one (the same round trip as the JSON format). */
static int
copy_plan (int argc, char **argv, gboolean push)
{
  g_autoptr(GOptionContext) context =
    g_option_context_new (push ? _("FILE URI — copy a plan from a file to a new shared plan on a server")
                               : _("URI FILE — copy a shared plan to a new file"));
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *from = NULL, *to = NULL;
  int status = 0;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return fail_usage (context, push ? _("push takes a FILE and a URI") : _("pull takes a URI and a FILE"));
  if (fita_location_is_shared (argv[1]) == push || fita_location_is_shared (argv[2]) != push)
    return fail_usage (context, push ? _("push copies a FILE to a URI: postgresql://server/database?plan=NAME")
                                     : _("pull copies a URI (postgresql://server/database?plan=NAME) to a FILE"));
  from = fita_location_display (argv[1]);
  to = fita_location_display (argv[2]);
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (!fita_plan_save_copy (plan, argv[2], &error))
    return fail_file (to, error);
  g_printerr (_("fita-cli: %s: copied to %s\n"), from, to);
  return 0;
}

int
cmd_push (int argc, char **argv)
{
  return copy_plan (argc, argv, TRUE);
}

int
cmd_pull (int argc, char **argv)
{
  return copy_plan (argc, argv, FALSE);
}
