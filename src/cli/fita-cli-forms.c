/* fita-cli forms: the update forms of a year, one spreadsheet for each
 * responsible agent (or a chosen one), written to a folder; the paths
 * written, one a line.
 *
 * Exit status: 2 for bad usage (an unknown agent, a format other than ods
 * or xlsx, no --out) or a folder or file that cannot be written; 1 when
 * the plan has no form to make (an agent with no item, no responsible
 * agent at all) or refuses the year (outside its period, or closed). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "fita-cli-private.h"
#include "fita-forms.h"

int
cmd_forms (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *agent_name = NULL;
  int year_option = 0;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("The format: ods or xlsx"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, N_("The folder to write the forms to (made if missing)"), N_("DIR") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year_option, N_("The year to gather (default: the year the plan follows up)"), N_("YEAR") },
    { "agent", 'a', 0, G_OPTION_ARG_STRING, &agent_name, N_("Only this agent’s form (default: every responsible agent’s)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE — write the update forms of a year, one spreadsheet for each responsible agent"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  FitaFormsFormat kind;
  gint64 year;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("forms takes one FILE"));
  if (format == NULL || !g_strv_contains ((const char * const[]) { "ods", "xlsx", NULL }, format))
    return fail_usage (context, _("--format must be ods or xlsx"));
  if (out_dir == NULL)
    return fail_usage (context, _("the forms are written to a folder: give --out DIR"));
  if (year_option != 0 && (year_option < FITA_MIN_YEAR || year_option > FITA_MAX_YEAR))
    return fail_usage (context, _("--year must be a year such as 2025"));
  kind = g_str_equal (format, "xlsx") ? FITA_FORMS_XLSX : FITA_FORMS_ODS;
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  year = year_option != 0 ? year_option : fita_forms_default_year (plan);

  if (agent_name != NULL)
    {
      FitaAgent *agent = fita_plan_find_by_name (plan, FITA_TABLE_AGENT, agent_name);
      g_autoptr(GPtrArray) items = NULL;

      if (agent == NULL)
        {
          g_printerr (_("fita-cli: %s: there is no agent named “%s”\n"), argv[1], agent_name);
          return EXIT_USAGE;
        }
      items = fita_forms_items (plan, agent);
      if (items->len == 0)
        {
          g_printerr (_("fita-cli: %s: “%s” is responsible for no item: there is no form to make\n"), argv[1], agent_name);
          return EXIT_PROBLEMS;
        }
      agents = g_ptr_array_new ();
      g_ptr_array_add (agents, agent);
    }
  else
    agents = fita_forms_agents (plan);
  if (agents->len == 0)
    {
      g_printerr (_("fita-cli: %s: no agent is responsible for any item: there is no form to make\n"), argv[1]);
      return EXIT_PROBLEMS;
    }

  /* refused before anything is made */
  {
    g_autoptr(GError) error = NULL;
    if (!fita_forms_check_year (plan, year, &error))
      {
        fail_file (argv[1], error);
        return EXIT_PROBLEMS;
      }
  }
  /* made all the same (to send ahead, say), but not mergeable until then */
  if (year != fita_forms_default_year (plan))
    g_printerr (_("fita-cli: %s: note: the plan follows up %d; the answers to forms for %d can be merged only once %d is the year followed up.\n"),
                argv[1], (int) fita_forms_default_year (plan), (int) year, (int) year);
  if (g_mkdir_with_parents (out_dir, 0777) != 0)
    {
      int code = errno;
      g_printerr (_("fita-cli: %s: the folder could not be made: %s. Choose another folder.\n"), out_dir, g_strerror (code));
      return EXIT_USAGE;
    }
  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      g_autofree char *name = fita_forms_file_name (year, agent->name, kind);
      char *path = g_build_filename (out_dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (paths, path);
      /* two agents whose names differ only in characters a file name cannot hold */
      for (guint j = 0; j + 1 < paths->len; j++)
        if (g_str_equal (g_ptr_array_index (paths, j), path))
          {
            g_autofree char *numbered = g_strdup_printf ("%" G_GINT64_FORMAT " - %s", agent->rec.id, name);
            g_ptr_array_index (paths, paths->len - 1) = g_build_filename (out_dir, numbered, NULL);
            g_free (path);
            path = g_ptr_array_index (paths, paths->len - 1);
            break;
          }
      if (!fita_forms_write (plan, agent, year, kind, path, argv[1], &error))
        return fail_file (path, error);
      g_print ("%s\n", path);
    }
  return 0;
}
