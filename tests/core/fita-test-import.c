/* fita-test-import.c: what the import tests share (fita-test-import.h). */
#include "fita-error.h"
#include "fita-test-import.h"

#include <string.h>

FitaPlan *
import_text (const char *text, const char *mapping_json, FitaImportReport **report, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, strlen (text), 0, &local);
  g_autoptr(FitaImportMapping) mapping = NULL;

  g_assert_no_error (local);
  if (mapping_json != NULL)
    {
      mapping = fita_import_mapping_load (mapping_json, strlen (mapping_json), &local);
      g_assert_no_error (local);
    }
  return fita_import_sheet (sheet, mapping, "Prova", report, error);
}

FitaPlan *
imported (const char *text, const char *mapping_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  FitaPlan *plan = import_text (text, mapping_json, &report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return plan;
}

/* A refused table: no plan, an error that lists the problems, a report. */
FitaImportReport *
refused (const char *text, const char *mapping_json)
{
  g_autoptr(GError) error = NULL;
  FitaImportReport *report = NULL;
  g_autoptr(FitaPlan) plan = import_text (text, mapping_json, &report, &error);

  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_true (strstr (error->message, "nothing was imported") != NULL);
  g_assert_cmpuint (report->problems->len, >, 0);
  return report;
}

gboolean
has_problem (GPtrArray *list, guint line, const char *code, const char *fragment)
{
  for (guint i = 0; i < list->len; i++)
    {
      FitaImportProblem *problem = g_ptr_array_index (list, i);
      if (problem->line == line && g_strcmp0 (problem->code, code) == 0 && strstr (problem->message, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

void
assert_problem (FitaImportReport *report, guint line, const char *code, const char *fragment)
{
  if (!has_problem (report->problems, line, code, fragment))
    {
      for (guint i = 0; i < report->problems->len; i++)
        {
          FitaImportProblem *problem = g_ptr_array_index (report->problems, i);
          g_printerr ("%u %s %s\n", problem->line, problem->code, problem->message);
        }
      g_error ("no problem on line %u (%s) with “%s”", line, code, fragment);
    }
}

const char *
name_of (FitaPlan *plan, FitaTableId table, gint64 id)
{
  const FitaTable *t = fita_table (table);
  gpointer record = id != 0 ? fita_plan_lookup (plan, table, id) : NULL;

  return record != NULL ? fita_record_get_text (record, &t->fields[t->name_field]) : NULL;
}

const char *
parent_code (FitaPlan *plan, FitaItem *child)
{
  FitaItem *parent = child->parent_id != 0 ? fita_plan_lookup (plan, FITA_TABLE_ITEM, child->parent_id) : NULL;

  return parent != NULL ? parent->code : NULL;
}
