/* fita-cli import: a new plan from JSON, or from a table (CSV, TSV, ODS,
 * XLSX). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-cli-private.h"
#include "fita-error.h"
#include "fita-import.h"
#include "fita-sheet-zip.h"
#include "fita-json.h"
#include "fita-output.h"
#include "fita-synthetic.h"

/* a mapping is a few headers; anything larger is not one */
#define MAX_MAPPING (1 << 20)

static FitaImportMapping *
read_mapping (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length > MAX_MAPPING)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The mapping is too large (more than 1 MB); is it a mapping?"));
      return NULL;
    }
  return fita_import_mapping_load (data, length, error);
}

/* What a dry run would make, for people: the items by level, then the
 * notes and problems. */
static void
print_summary (const char *source, FitaImportReport *report)
{
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u item would be made; nothing was written.\n",
                        "%s: %u items would be made; nothing was written.\n", report->n_items),
           source, report->n_items);
  for (guint i = 0; i < report->levels->len; i++)
    {
      FitaImportLevelCount *count = g_ptr_array_index (report->levels, i);
      g_print ("  %s: %u\n", count->name != NULL ? count->name : _("(no level)"), count->count);
    }
}

static void
print_notes (const char *source, FitaImportReport *report, FitaSheet *sheet)
{
  for (guint i = 0; i < report->notes->len; i++)
    {
      g_autofree char *note = fita_import_problem_format (g_ptr_array_index (report->notes, i), sheet);
      g_printerr ("fita-cli: %s: %s\n", source, note);
    }
}

/* The plan's title when the table names none: the file's name, without
 * its folder and extension. */
static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (base);
  char *dot = strrchr (display, '.');

  if (dot != NULL && dot != display)
    *dot = '\0';
  return g_steal_pointer (&display);
}

static gboolean
save_plan (FitaPlan *plan, const char *file, const char *source, const char *author, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;
  g_autofree char *base = g_path_get_basename (source);
  g_autofree char *from = g_filename_display_name (base);

  /* the change log says who made the plan, and from which file */
  fita_plan_set_author (plan, author);
  fita_plan_set_change_source (plan, from);

  /* A new shared plan is made in one transaction on its server; a file is
   * built beside the target and renamed over it: a failed import leaves
   * no half-written plan, and --force never loses the old one early. */
  if (fita_location_is_shared (file))
    {
      gboolean ok = fita_plan_save_new (plan, file, error);
      fita_plan_close (plan);
      fita_plan_set_change_source (plan, NULL);
      return ok;
    }
  if (!(output = fita_output_open (file, source, error)) ||
      !fita_plan_save_new (plan, fita_output_get_temp_path (output), error))
    return FALSE;
  fita_plan_close (plan);
  fita_plan_set_change_source (plan, NULL);
  return fita_output_commit (g_steal_pointer (&output), error);
}

/* The format a SOURCE's suffix says, when --format is not given. */
static const char *
format_of (const char *source)
{
  static const char * const formats[] = { "json", "csv", "tsv", "ods", "xlsx", NULL };
  const char *dot = strrchr (source, '.');
  g_autofree char *suffix = dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL ? g_ascii_strdown (dot + 1, -1) : NULL;

  for (guint i = 0; suffix != NULL && formats[i] != NULL; i++)
    if (g_str_equal (suffix, formats[i]))
      return formats[i];
  return NULL;
}

static int
import_table (const char *file, const char *source, const char *format, const char *sheet_name,
              const char *mapping_path, const char *save_mapping, gboolean dry_run, gboolean json,
              const char *author)
{
  g_autoptr(FitaSheet) sheet = NULL;
  g_autoptr(FitaImportMapping) mapping = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *title = title_from_path (source);

  /* a workbook's first sheet, with the sheets that add to its items,
   * unless --sheet names one */
  if (!(sheet = fita_sheet_read_path (source, format, sheet_name, &error)))
    return fail_file (source, error);
  if (mapping_path != NULL && !(mapping = read_mapping (mapping_path, &error)))
    return fail_file (mapping_path, error);
  if (mapping == NULL)
    mapping = fita_import_mapping_new ();

  plan = fita_import_sheet (sheet, mapping, title, &report, &refused);
  /* written even when the table is refused: it is what to fix the
   * columns in */
  if (save_mapping != NULL)
    {
      g_autofree char *text = fita_import_mapping_to_json (mapping);
      if (!fita_output_write_file (save_mapping, source, text, strlen (text), &error))
        return fail_file (save_mapping, error);
    }
  if (json)
    {
      g_autofree char *text = fita_import_report_to_json (report);
      if (!fita_write_stdout (text, strlen (text), &error))
        return fail_file (source, error);
    }
  else if (dry_run)
    print_summary (source, report);
  print_notes (source, report, sheet);
  if (plan == NULL)
    return fail_file (source, refused);
  if (!dry_run && !save_plan (plan, file, source, author, &error))
    return fail_file (file, error);
  return 0;
}

int
cmd_import (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *save_mapping = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *author = NULL;
  gboolean force = FALSE, dry_run = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("The format of SOURCE: json, csv, tsv, ods or xlsx (by default, as its name ends)"), N_("FORMAT") },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet,
      N_("The one sheet of a spreadsheet to read (by default the first, with the sheets that add to its items)"), N_("NAME") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { "mapping", 'm', 0, G_OPTION_ARG_FILENAME, &mapping, N_("Read the table's columns as this saved mapping says"), N_("MAP.json") },
    { "save-mapping", 0, 0, G_OPTION_ARG_FILENAME, &save_mapping, N_("Save how the table's columns were read, to edit and use again"), N_("MAP.json") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would be made, and every problem, but write no plan"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what was or would be made, and the problems, as JSON"), NULL },
    AUTHOR_OPTION (author),
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE SOURCE — make a new plan FILE from SOURCE"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean table;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("A table has a header row; its columns are guessed from their headers (Codi, Codi pare, Nivell, Títol, "
      "Estat, Percentatge, Any d'inici, Any de final, Semestres, Qui, Any, Capítol, Previst, Executat…, "
      "in Catalan, Spanish or English) unless --mapping names them. Every problem is listed with its line, "
      "and nothing is written unless there are none."));
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return fail_usage (context, _("import takes a FILE to create and a SOURCE to read"));
  if (format == NULL && format_of (argv[2]) == NULL)
    return fail_usage (context, _("give --format json, csv, tsv, ods or xlsx: SOURCE’s name does not end in one of them"));
  if (format == NULL)
    format = g_strdup (format_of (argv[2]));
  table = g_strcmp0 (format, "csv") == 0 || g_strcmp0 (format, "tsv") == 0 ||
          g_strcmp0 (format, "ods") == 0 || g_strcmp0 (format, "xlsx") == 0;
  if (!table && g_strcmp0 (format, "json") != 0)
    return fail_usage (context, _("--format json, csv, tsv, ods or xlsx is required"));
  if (!table && (mapping != NULL || save_mapping != NULL || dry_run || json || sheet != NULL))
    return fail_usage (context, _("--mapping, --save-mapping, --sheet, --dry-run and --json are for tables (csv, tsv, ods, xlsx)"));
  if (!dry_run && !force && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("fita-cli: %s: the file already exists; choose a new name, or use --force to replace it\n"), argv[1]);
      return EXIT_USAGE;
    }
  if (table)
    return import_table (argv[1], argv[2], format, sheet, mapping, save_mapping, dry_run, json, author);

  if (!(plan = fita_json_import_file (argv[2], &error)))
    return fail_file (argv[2], error);
  if (!save_plan (plan, argv[1], argv[2], author, &error))
    return fail_file (argv[1], error);
  return 0;
}

double
bench_import (guint n_rows, GError **error)
{
  g_autofree char *csv = fita_synthetic_table (n_rows);
  g_autoptr(FitaSheet) sheet = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!(sheet = fita_sheet_read_csv (csv, strlen (csv), 0, error)) ||
      !(plan = fita_import_sheet (sheet, NULL, "bench", NULL, error)))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

double
bench_import_file (const char *path, GError **error)
{
  g_autoptr(FitaSheet) sheet = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!(sheet = fita_sheet_read_path (path, NULL, NULL, error)) ||
      !(plan = fita_import_sheet (sheet, NULL, "bench", NULL, error)))
    return -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}
