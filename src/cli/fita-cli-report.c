/* fita-cli report: a follow-up report as PDF, ODT or DOCX (by the suffix
 * of --out), or the sheets of every item of a level into a folder. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-cli-private.h"
#include "fita-i18n.h"
#include "fita-report.h"

/* report --kind sheet --level NAME --out FOLDER [--format pdf|odt|docx]:
 * one file per item of the level, named by its item; their paths on
 * stdout, one a line. */
static int
report_sheets_of_level (FitaPlan *plan, const char *file, const char *level_name, int year, const char *lang,
                        FitaReportFormat format, const char *folder)
{
  FitaLevel *level = fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, level_name);
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, year ? year : FITA_NONE, lang };
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;

  if (level == NULL)
    {
      g_printerr (_("fita-cli: %s: the plan has no level named “%s”\n"), file, level_name);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < items->len; i++)
    if (((FitaItem *) g_ptr_array_index (items, i))->level_id == level->rec.id)
      g_array_append_val (ids, ((FitaItem *) g_ptr_array_index (items, i))->rec.id);
  if (ids->len == 0)
    {
      g_printerr (_("fita-cli: %s: no item is of the level “%s”\n"), file, level_name);
      return EXIT_USAGE;
    }
  paths = fita_report_write_sheets (plan, &options, format, (gint64 *) ids->data, ids->len, folder, NULL, NULL, NULL, &error);
  if (paths == NULL)
    return fail_file (folder, error);
  for (guint i = 0; i < paths->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (paths, i));
  return 0;
}

int
cmd_report (int argc, char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *code = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *level_name_option = NULL;
  g_autofree char *format_name = NULL;
  int year = 0;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("sheet, annual, workplan or participation"), N_("KIND") },
    { "item", 'i', 0, G_OPTION_ARG_STRING, &code, N_("The item of a follow-up sheet"), N_("CODE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_name_option,
      N_("A follow-up sheet for every item of this level, one file each, into the folder --out names"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("With --level: the sheets' format, pdf (the default), odt or docx"), N_("FORMAT") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("The year followed up (default: the plan's); a closed year's report is made from the plan as it was closed"), N_("YEAR") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the report: ca, es or en (default: the plan's)"), N_("LANG") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .pdf, or .odt or .docx for a word processor"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write a follow-up report as PDF, ODT or DOCX"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  FitaReportOptions options = { 0, 0, FITA_NONE, NULL };
  FitaReportFormat format = FITA_REPORT_FORMAT_PDF;
  gint64 kind;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL || kind_name == NULL)
    return fail_usage (context, _("report takes a FILE, --kind KIND and --out FILE.pdf"));
  if ((kind = fita_keyword_index (fita_report_kind_keywords, kind_name)) < 0)
    return fail_usage (context, _("--kind must be sheet, annual, workplan or participation"));
  if (lang != NULL && !g_str_equal (lang, "ca") && !g_str_equal (lang, "es") && !g_str_equal (lang, "en"))
    return fail_usage (context, _("--lang must be ca, es or en"));
  if (level_name_option != NULL && (kind != FITA_REPORT_SHEET || code != NULL))
    return fail_usage (context, _("--level is for follow-up sheets (--kind sheet), instead of --item"));
  if (format_name != NULL && level_name_option == NULL)
    return fail_usage (context, _("--format is for the sheets of a level (--level); a single report's format is its file's suffix"));
  if (format_name != NULL)
    {
      g_autofree char *suffix = g_strconcat (".", format_name, NULL);
      for (format = 0; format < FITA_N_REPORT_FORMATS; format++)
        if (g_ascii_strcasecmp (suffix, fita_report_format_suffixes[format]) == 0)
          break;
      if (format == FITA_N_REPORT_FORMATS)
        return fail_usage (context, _("--format must be pdf, odt or docx"));
    }
  if (level_name_option == NULL && !fita_report_format_for_path (output, &format))
    return fail_usage (context, _("the output must end in .pdf, .odt or .docx"));
  if (kind == FITA_REPORT_SHEET && code == NULL && level_name_option == NULL)
    return fail_usage (context, _("a follow-up sheet needs --item CODE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (!(plan = plan_of_year (plan, argv[1], year, &status)))
    return status;
  if (level_name_option != NULL)
    return report_sheets_of_level (plan, argv[1], level_name_option, year, lang, format, output);
  if (code != NULL)
    {
      FitaItem *item = find_item (plan, argv[1], code, &status);
      if (item == NULL)
        return status;
      options.item_id = item->rec.id;
    }
  options.kind = kind;
  options.year = year ? year : FITA_NONE;
  options.lang = lang;
  if (!fita_report_write (plan, &options, output, NULL, NULL, NULL, &error))
    return fail_file (output, error);
  return 0;
}
