/* fita-cli export: the plan as JSON (lossless, the format Fita imports),
 * CSV, XLSX, ODS, or the results CSV of Decidim's accountability. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-cli-private.h"
#include "fita-export.h"
#include "fita-json.h"
#include "fita-output.h"

static const char * const formats[] = { "json", "csv", "xlsx", "ods", "decidim", NULL };

/* Writes text to path (atomically, never over input), or with path NULL
 * to the standard output. */
static int
write_text (const char *text, const char *path, const char *input)
{
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      if (!fita_output_write_file (path, input, text, strlen (text), &error))
        return fail_file (path, error);
    }
  else if (!fita_write_stdout (text, strlen (text), &error))
    return fail_file (input, error);
  return 0;
}

/* "plan.csv" → "plan-budget.csv" */
static char *
sibling_path (const char *path, const char *key)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    {
      *dot = '\0';
      name = g_strdup_printf ("%s-%s.%s", base, key, dot + 1);
    }
  else
    name = g_strdup_printf ("%s-%s", base, key);
  return g_build_filename (dir, name, NULL);
}

/* CSV without --sheet: the items to OUT and the budget beside it, both
 * written before either replaces an older file. */
static int
write_items_and_budget (FitaPlan *plan, const char *lang, const char *path, const char *input)
{
  g_autofree char *items = fita_export_csv (plan, FITA_EXPORT_SHEET_ITEMS, lang);
  g_autofree char *budget = fita_export_csv (plan, FITA_EXPORT_SHEET_BUDGET, lang);
  g_autofree char *budget_path = sibling_path (path, fita_export_sheet_key (FITA_EXPORT_SHEET_BUDGET));
  g_autoptr(FitaOutput) first = NULL;
  g_autoptr(FitaOutput) second = NULL;
  g_autoptr(GError) error = NULL;

  if (!(first = fita_output_open (path, input, &error)) ||
      !fita_output_write (first, items, strlen (items), &error))
    return fail_file (path, error);
  if (!(second = fita_output_open (budget_path, input, &error)) ||
      !fita_output_write (second, budget, strlen (budget), &error))
    return fail_file (budget_path, error);
  if (!fita_output_commit (g_steal_pointer (&first), &error))
    return fail_file (path, error);
  if (!fita_output_commit (g_steal_pointer (&second), &error))
    return fail_file (budget_path, error);
  return 0;
}

int
cmd_export (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *sheet_key = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("The format: json, csv, xlsx, ods or decidim"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file instead of the standard output"), N_("OUT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("csv, xlsx, ods: the language of the headers and sheets, ca, es or en (default: the plan’s)"), N_("LANG") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_key,
      N_("csv: the one table to write, items, budget, indicators, followup or lists (default: the items to OUT and the budget to OUT-budget.csv)"),
      N_("SHEET") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — export the whole plan"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int sheet = -1;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("export takes one FILE"));
  if (format == NULL || !g_strv_contains (formats, format))
    return fail_usage (context, _("--format must be json, csv, xlsx, ods or decidim"));
  if (lang != NULL && (!g_strv_contains ((const char * const[]) { "ca", "es", "en", NULL }, lang) ||
                       g_str_equal (format, "json") || g_str_equal (format, "decidim")))
    return fail_usage (context, _("--lang must be ca, es or en, for csv, xlsx or ods"));
  if (sheet_key != NULL && ((sheet = fita_export_sheet_from_key (sheet_key)) < 0 || !g_str_equal (format, "csv")))
    return fail_usage (context, _("--sheet must be items, budget, indicators, followup or lists, for csv"));
  if ((g_str_equal (format, "xlsx") || g_str_equal (format, "ods")) && output == NULL)
    return fail_usage (context, _("a spreadsheet is written to a file: give -o FILE"));
  if (g_str_equal (format, "csv") && sheet < 0 && output == NULL)
    return fail_usage (context, _("csv without --sheet writes two files (the items and the budget): give -o FILE, or --sheet"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;

  if (g_str_equal (format, "xlsx") || g_str_equal (format, "ods"))
    {
      gboolean ok = g_str_equal (format, "xlsx") ? fita_export_xlsx (plan, lang, output, argv[1], &error)
                                                 : fita_export_ods (plan, lang, output, argv[1], &error);
      return ok ? 0 : fail_file (output, error);
    }
  if (g_str_equal (format, "csv") && sheet < 0)
    return write_items_and_budget (plan, lang, output, argv[1]);
  if (g_str_equal (format, "csv"))
    text = fita_export_csv (plan, sheet, lang);
  else if (g_str_equal (format, "decidim"))
    text = fita_export_decidim (plan);
  else
    /* the whole plan, its history with it */
    text = fita_json_export_with (plan, FITA_JSON_EXPORT_CHANGE_LOG);
  return write_text (text, output, argv[1]);
}
