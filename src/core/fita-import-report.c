#include "config.h"
#include "fita-import-report.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* Enough to fix a table in one go; the report keeps them all. */
#define MAX_LISTED 100

static void
problem_free (gpointer data)
{
  FitaImportProblem *problem = data;

  g_free (problem->code);
  g_free (problem->message);
  g_free (problem->sheet);
  g_free (problem);
}

static void
level_count_free (gpointer data)
{
  FitaImportLevelCount *count = data;

  g_free (count->name);
  g_free (count);
}

FitaImportReport *
fita_import_report_new (void)
{
  FitaImportReport *report = g_new0 (FitaImportReport, 1);

  report->levels = g_ptr_array_new_with_free_func (level_count_free);
  report->problems = g_ptr_array_new_with_free_func (problem_free);
  report->notes = g_ptr_array_new_with_free_func (problem_free);
  return report;
}

void
fita_import_report_free (FitaImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->levels);
  g_ptr_array_unref (report->problems);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

static void
add_problems (JsonBuilder *builder, const char *key, GPtrArray *list)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; i < list->len; i++)
    {
      FitaImportProblem *problem = g_ptr_array_index (list, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      if (problem->line > 0)
        json_builder_add_int_value (builder, problem->line);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "code");
      if (problem->code != NULL)
        json_builder_add_string_value (builder, problem->code);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      if (problem->sheet != NULL)
        {
          json_builder_set_member_name (builder, "sheet");
          json_builder_add_string_value (builder, problem->sheet);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
fita_import_report_to_json (FitaImportReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_add_int_value (builder, report->n_items);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->levels->len; i++)
    {
      FitaImportLevelCount *count = g_ptr_array_index (report->levels, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      if (count->name != NULL)
        json_builder_add_string_value (builder, count->name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, count->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_problems (builder, "problems", report->problems);
  add_problems (builder, "notes", report->notes);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  return g_strconcat (json, "\n", NULL);
}

char *
fita_import_problem_format (const FitaImportProblem *problem, const FitaSheet *sheet)
{
  /* a spreadsheet's rows are rows; a CSV's are lines of the file */
  gboolean rows = sheet != NULL && sheet->name != NULL;

  if (problem->line == 0)
    return problem->code != NULL ? g_strdup_printf ("%s: %s", problem->code, problem->message)
                                 : g_strdup (problem->message);
  if (problem->sheet != NULL && problem->code != NULL)
    /* Translators: where a problem of a table read from several sheets is:
     * the sheet, its row, the item's code, what is wrong */
    return g_strdup_printf (_("%s, row %u (%s): %s"), problem->sheet, problem->line, problem->code, problem->message);
  if (problem->sheet != NULL)
    /* Translators: the sheet, its row, what is wrong */
    return g_strdup_printf (_("%s, row %u: %s"), problem->sheet, problem->line, problem->message);
  if (problem->code != NULL)
    /* Translators: where a problem of an imported table is: its line, the item's code, what is wrong */
    return g_strdup_printf (rows ? _("row %u (%s): %s") : _("line %u (%s): %s"),
                            problem->line, problem->code, problem->message);
  return g_strdup_printf (rows ? _("row %u: %s") : _("line %u: %s"), problem->line, problem->message);
}

void
fita_import_report_set_error (FitaImportReport *report, const FitaSheet *sheet, GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint n = report->problems->len;

  g_string_printf (message,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The table has %u problem; nothing was imported:",
                                "The table has %u problems; nothing was imported:", n),
                   n);
  for (guint i = 0; i < MIN (n, MAX_LISTED); i++)
    {
      g_autofree char *line = fita_import_problem_format (g_ptr_array_index (report->problems, i), sheet);
      g_string_append_printf (message, "\n%s", line);
    }
  if (n > MAX_LISTED)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE, "… and %u more problem", "… and %u more problems",
                                           n - MAX_LISTED),
                              n - MAX_LISTED);
    }
  g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID, message->str);
}

