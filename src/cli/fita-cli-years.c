/* fita-cli year: close, reopen and list the plan's years (docs/YEARS.md);
 * and the plan as it stood at the end of a year, for stats, show and
 * report --year. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "fita-cli-private.h"
#include "fita-error.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-years.h"

FitaPlan *
plan_of_year (FitaPlan *plan, const char *file, int year, int *status)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *view;

  if (year == 0)
    return plan;
  view = fita_plan_open_year (plan, year, &error);
  g_object_unref (plan);
  if (view == NULL)
    *status = fail_file (file, error);
  return view;
}

/* A year as the command line gives it. */
static gboolean
parse_year (const char *text, gint64 *year)
{
  char *end = NULL;
  gint64 value = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0' || value < FITA_MIN_YEAR || value > FITA_MAX_YEAR)
    return FALSE;
  *year = value;
  return TRUE;
}

/* A refusal by the rules of years (out of order, not closed…) is the
 * plan's answer, not a misuse: 1; what keeps the file from being read or
 * written: 2. */
static int
fail_year (const char *file, const GError *error)
{
  int status = fail_file (file, error);

  if (error->domain == FITA_ERROR &&
      (error->code == FITA_ERROR_INVALID || error->code == FITA_ERROR_YEAR_CLOSED))
    return EXIT_PROBLEMS;
  return status;
}

static FitaPlan *
open_writable (const char *file, int *status)
{
  FitaPlan *plan = open_plan (file, FITA_OPEN_DEFAULT, status);

  if (plan != NULL && fita_plan_is_read_only (plan))
    {
      g_printerr ("fita-cli: %s: %s\n", file, fita_plan_get_read_only_reason (plan));
      g_object_unref (plan);
      *status = EXIT_USAGE;
      return NULL;
    }
  return plan;
}

static int
year_close (int argc, char **argv)
{
  g_autofree char *author = NULL;
  GOptionEntry entries[] = {
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_("Who closes the year (default: your name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE YEAR — close a year: keep the plan as it stands for it"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(FitaPlan) view = NULL;
  g_autoptr(GError) error = NULL;
  const char *lang = fita_lang_from_locale ();
  g_autofree char *progress = NULL;
  g_autofree char *executed = NULL;
  FitaYearClosure *closure;
  FitaBudgetSum sum;
  gint64 year;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return fail_usage (context, _("year close takes a FILE and a YEAR"));
  if (!parse_year (argv[2], &year))
    return fail_usage (context, _("YEAR must be a year, such as 2024"));
  if (!(plan = open_writable (argv[1], &status)))
    return status;
  /* the change log names who closed it too */
  fita_plan_set_author (plan, author);
  if (!fita_plan_close_year (plan, year, fita_plan_get_author (plan), &error))
    return fail_year (argv[1], error);

  /* the summary, from what was kept */
  closure = fita_plan_get_closure (plan, year);
  if (!(view = fita_plan_open_year (plan, year, &error)))
    return fail_file (argv[1], error);
  fita_plan_budget_sum (view, NULL, year, 0, &sum);
  progress = fita_plan_format_progress (view, NULL, lang);
  executed = fita_money_format (sum.executed, lang);
  /* Translators: after closing a year: the year, when and by whom, the
   * number of items, the plan's progress, the amount executed that year */
  g_print (_("%d closed on %s by %s: %u items, progress %s, executed in %d: %s.\n"),
           (int) year, closure->closed_at, closure->closed_by ? closure->closed_by : "—",
           fita_plan_count (view, FITA_TABLE_ITEM), progress, (int) year, executed);
  g_print (_("The year followed up is now %d.\n"), (int) fita_plan_get_info (plan)->followed_year);
  return 0;
}

static int
year_reopen (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE YEAR — reopen the last year closed"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 year;
  int status = 0;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return fail_usage (context, _("year reopen takes a FILE and a YEAR"));
  if (!parse_year (argv[2], &year))
    return fail_usage (context, _("YEAR must be a year, such as 2024"));
  if (!(plan = open_writable (argv[1], &status)))
    return status;
  if (!fita_plan_reopen_year (plan, year, &error))
    return fail_year (argv[1], error);
  g_printerr (_("fita-cli: %s: %d was reopened: the plan as it stood when it was closed is gone, and its figures can be changed again. The year followed up is %d again; the status and progress entered since are %d's.\n"),
              argv[1], (int) year, (int) year, (int) year);
  return 0;
}

static int
year_list (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — list the years closed and the year followed up"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GArray) years = NULL;
  gint64 followed;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("year list takes one FILE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;

  years = fita_plan_get_closed_years (plan);
  followed = fita_plan_get_info (plan)->followed_year;
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_int (builder, "followed_year", followed);
      json_builder_set_member_name (builder, "closed");
      json_builder_begin_array (builder);
      for (guint i = 0; i < years->len; i++)
        {
          FitaYearClosure *closure = fita_plan_get_closure (plan, g_array_index (years, gint64, i));
          json_builder_begin_object (builder);
          json_add_int (builder, "year", closure->year);
          json_builder_set_member_name (builder, "closed_at");
          json_builder_add_string_value (builder, closure->closed_at);
          json_add_text_or_null (builder, "closed_by", closure->closed_by);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_print (builder);
      return 0;
    }
  for (guint i = 0; i < years->len; i++)
    {
      FitaYearClosure *closure = fita_plan_get_closure (plan, g_array_index (years, gint64, i));
      if (closure->closed_by != NULL)
        /* Translators: a year closed, when, and by whom */
        g_print (_("%d  closed on %s by %s\n"), (int) closure->year, closure->closed_at, closure->closed_by);
      else
        /* Translators: a year closed, and when */
        g_print (_("%d  closed on %s\n"), (int) closure->year, closure->closed_at);
    }
  if (followed != FITA_NONE)
    /* Translators: the year whose figures are being entered */
    g_print (_("%d  followed up\n"), (int) followed);
  return 0;
}

int
cmd_year (int argc, char **argv)
{
  static const struct {
    const char *name;
    int (*func) (int argc, char **argv);
  } actions[] = {
    { "close", year_close },
    { "reopen", year_reopen },
    { "list", year_list },
  };

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: fita-cli year close FILE YEAR [--author NAME] | reopen FILE YEAR | list FILE [--json]"));
      return 0;
    }
  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (argv[1], actions[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("fita-cli year %s", actions[i].name);
        g_set_prgname (prgname);
        return actions[i].func (argc - 1, argv + 1);
      }
  return fail_usage (NULL, _("year takes close, reopen or list: fita-cli year close FILE YEAR [--author NAME], fita-cli year reopen FILE YEAR, fita-cli year list FILE [--json]"));
}
