/* fita-import-values.c: what a row adds to an item beside its own fields:
 * budget amounts by year and chapter, indicator values, and the year's
 * follow-up texts (and the whole plan's, on a row of no item). */
#include "config.h"
#include "fita-import.h"
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-import-private.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
value_free (gpointer data)
{
  FitaImportValue *value = data;

  g_free (value->value);
  g_free (value);
}

void
fita_import_add_chapter (FitaImportState *imp, const char *name)
{
  char *key;

  if (g_hash_table_contains (imp->chapter_keys, name))
    return;
  key = fita_import_name_key (name);
  if (!g_hash_table_contains (imp->chapter_keys, key))
    g_ptr_array_add (imp->chapters, g_strdup (name));
  g_hash_table_add (imp->chapter_keys, key);
  g_hash_table_add (imp->chapter_keys, g_strdup (name));
}

static void
set_amount (FitaImportState *imp, FitaImportEntry *entry, gint64 year, const char *chapter, gboolean executed, gint64 cents, guint line)
{
  FitaImportBudget *budget = NULL;
  gint64 *slot;
  guint *at;

  for (guint i = 0; i < entry->budget->len && budget == NULL; i++)
    {
      FitaImportBudget *b = g_ptr_array_index (entry->budget, i);
      if (b->year == year && fita_import_same_name (b->chapter, chapter))
        budget = b;
    }
  if (budget == NULL)
    {
      budget = g_new0 (FitaImportBudget, 1);
      budget->year = year;
      budget->chapter = g_strdup (chapter);
      budget->planned = budget->executed = FITA_NONE;
      g_ptr_array_add (entry->budget, budget);
    }
  if (chapter != NULL)
    fita_import_add_chapter (imp, chapter);
  if (cents == FITA_NONE)
    return;
  slot = executed ? &budget->executed : &budget->planned;
  at = executed ? &budget->executed_line : &budget->planned_line;
  if (*slot != FITA_NONE)
    {
      const char *which = chapter != NULL ? chapter : _("no chapter");
      if (executed)
        fita_import_problem (imp, line, entry->code, _("the executed amount of %d (%s) is given twice, here and on line %u; give it once"),
                             (int) year, which, *at);
      else
        fita_import_problem (imp, line, entry->code, _("the planned amount of %d (%s) is given twice, here and on line %u; give it once"),
                             (int) year, which, *at);
      return;
    }
  *slot = cents;
  *at = line;
}

/* The language to read a number of a cell in. A spreadsheet's numbers
 * reach the importer as its readers write them, in the C locale: "1.375"
 * is a number cell's one and three eighths (typed in Catalan, 1.375 would
 * have become the number 1375), not Catalan's thousand three hundred and
 * seventy-five. */
static const char *
number_lang (FitaImportState *imp, const char *text)
{
  const char *p = text + (*text == '-');
  gsize digits = strspn (p, "0123456789");

  if (imp->sheet->name != NULL && digits > 0 && p[digits] == '.' && p[digits + 1] != '\0' &&
      strspn (p + digits + 1, "0123456789") == strlen (p + digits + 1))
    return "en";
  return imp->lang;
}

static void
read_indicator (FitaImportState *imp, FitaImportSection *section, FitaImportEntry *entry, GStrv cells, guint line, gint64 row_year)
{
  int name_column = section->first[FITA_COLUMN_INDICATOR];
  int value_column = section->first[FITA_COLUMN_INDICATOR_VALUE];
  int year_column = section->first[FITA_COLUMN_INDICATOR_YEAR];
  const char *name = name_column >= 0 ? cells[name_column] : "";
  const char *text = value_column >= 0 ? cells[value_column] : "";
  FitaImportIndicator *indicator = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *value = NULL;
  gboolean pending;
  gint64 year = row_year;
  FitaImportValue *kept;

  if (*name != '\0' && fita_import_valid_text (imp, line, entry->code, &section->columns[name_column], name))
    {
      for (guint i = 0; i < entry->indicators->len && indicator == NULL; i++)
        if (g_str_equal (((FitaImportIndicator *) g_ptr_array_index (entry->indicators, i))->name, name))
          indicator = g_ptr_array_index (entry->indicators, i);
      if (indicator == NULL)
        {
          indicator = g_new0 (FitaImportIndicator, 1);
          indicator->name = g_strdup (name);
          indicator->values = g_ptr_array_new_with_free_func (value_free);
          g_ptr_array_add (entry->indicators, indicator);
        }
    }
  if (*text == '\0')
    return;
  /* a row below an indicator's own gives another of its values */
  if (indicator == NULL && *name == '\0' && entry->indicators->len > 0)
    indicator = g_ptr_array_index (entry->indicators, entry->indicators->len - 1);
  if (indicator == NULL)
    {
      if (*name == '\0')
        fita_import_problem (imp, line, entry->code,
                             _("the indicator value “%s” belongs to no indicator: name the indicator in its column"), text);
      return;
    }
  if (!fita_cell_parse_indicator_value (text, number_lang (imp, text), &value, &pending, &local))
    {
      fita_import_cell_problem (imp, line, entry->code, &section->columns[value_column], local);
      return;
    }
  if (pending)
    {
      indicator->pending = TRUE;
      return;
    }
  if (year_column >= 0)
    {
      year = FITA_NONE;
      if (*cells[year_column] != '\0' && !fita_cell_parse_year (cells[year_column], TRUE, &year, &local))
        {
          fita_import_cell_problem (imp, line, entry->code, &section->columns[year_column], local);
          return;
        }
    }
  if (year == FITA_NONE)
    {
      fita_import_problem (imp, line, entry->code, _("the value %s of the indicator “%s” has no year: give its year"),
                           value, indicator->name);
      return;
    }
  for (guint i = 0; i < indicator->values->len; i++)
    if (((FitaImportValue *) g_ptr_array_index (indicator->values, i))->year == year)
      {
        fita_import_problem (imp, line, entry->code, _("the indicator “%s” has two values for %d, here and on line %u; give one"),
                             indicator->name, (int) year, ((FitaImportValue *) g_ptr_array_index (indicator->values, i))->line);
        return;
      }
  kept = g_new0 (FitaImportValue, 1);
  kept->year = year;
  kept->value = g_steal_pointer (&value);
  kept->line = line;
  g_ptr_array_add (indicator->values, kept);
}

/* The follow-up texts of the row, of its year, added to the follow-up of
 * that year of entry, or of the whole plan when entry is NULL. year:
 * the row's (FITA_NONE: it gives none). */
/* The first column of follow-up text the row fills, or -1. */
static int
followup_given (FitaImportSection *section, GStrv cells)
{
  for (int k = 0; k < FITA_IMPORT_N_FOLLOWUP; k++)
    {
      int j = section->first[FITA_COLUMN_EXECUTION + k];
      if (j >= 0 && *cells[j] != '\0')
        return j;
    }
  return -1;
}

static void
read_followup (FitaImportState *imp, FitaImportSection *section, FitaImportEntry *entry, GStrv cells, guint line,
               gint64 year)
{
  GPtrArray *list = entry != NULL ? entry->followups : imp->plan_followups;
  const char *code = entry != NULL ? entry->code : NULL;
  FitaImportFollowup *followup = NULL;
  int given = followup_given (section, cells);

  if (given < 0)
    return;
  if (year == FITA_NONE)
    {
      fita_import_problem (imp, line, code, _("“%s”: a follow-up is of a year, and the row gives none; fill in its year"),
                           section->columns[given].header != NULL ? section->columns[given].header : "");
      return;
    }
  if (!fita_import_valid_value (imp, line, code, &section->columns[section->first[FITA_COLUMN_YEAR]], FITA_TABLE_FOLLOWUP, "year", year))
    return;
  for (guint i = 0; i < list->len && followup == NULL; i++)
    if (((FitaImportFollowup *) g_ptr_array_index (list, i))->year == year)
      followup = g_ptr_array_index (list, i);
  if (followup == NULL)
    {
      followup = g_new0 (FitaImportFollowup, 1);
      followup->year = year;
      g_ptr_array_add (list, followup);
    }
  for (int k = 0; k < FITA_IMPORT_N_FOLLOWUP; k++)
    {
      int j = section->first[FITA_COLUMN_EXECUTION + k];
      if (j < 0 || *cells[j] == '\0' || !fita_import_valid_text (imp, line, code, &section->columns[j], cells[j]))
        continue;
      if (followup->texts[k] != NULL)
        {
          fita_import_problem (imp, line, code, _("“%s” of the follow-up of %d is given twice, here and on line %u; give it once"),
                               section->columns[j].header != NULL ? section->columns[j].header : "", (int) year,
                               followup->lines[k]);
          continue;
        }
      followup->texts[k] = g_strdup (cells[j]);
      followup->lines[k] = line;
    }
}

/* The follow-up texts of a row of no item: the whole plan's. */
void
fita_import_plan_followup (FitaImportState *imp, FitaImportSection *section, GStrv cells, guint line)
{
  int year_column = section->first[FITA_COLUMN_YEAR];
  gint64 year = FITA_NONE;
  g_autoptr(GError) local = NULL;

  /* the year is read for amounts too, and said wrong there once */
  if (followup_given (section, cells) < 0)
    return;
  if (year_column >= 0 && *cells[year_column] != '\0' &&
      !fita_cell_parse_year (cells[year_column], TRUE, &year, &local))
    {
      fita_import_cell_problem (imp, line, NULL, &section->columns[year_column], local);
      return;
    }
  read_followup (imp, section, NULL, cells, line, year);
}

/* Amounts and indicator values of the row, added to entry. */
void
fita_import_read_amounts (FitaImportState *imp, FitaImportSection *section, FitaImportEntry *entry, GStrv cells, guint line)
{
  int year_column = section->first[FITA_COLUMN_YEAR];
  int chapter_column = section->first[FITA_COLUMN_CHAPTER];
  const char *chapter = NULL;
  gint64 year = FITA_NONE;
  gboolean amounts = FALSE;
  g_autoptr(GError) local = NULL;

  if (year_column >= 0 && *cells[year_column] != '\0' &&
      !fita_cell_parse_year (cells[year_column], TRUE, &year, &local))
    {
      /* amounts of an unknown year would land in the wrong one */
      fita_import_cell_problem (imp, line, entry->code, &section->columns[year_column], local);
      return;
    }
  if (chapter_column >= 0 && *cells[chapter_column] != '\0' &&
      fita_import_valid_text (imp, line, entry->code, &section->columns[chapter_column], cells[chapter_column]))
    chapter = cells[chapter_column];

  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaImportColumn *column = &section->columns[j];
      gboolean executed = column->column == FITA_COLUMN_EXECUTED;
      gint64 cents, at_year;

      g_clear_error (&local);
      if ((column->column != FITA_COLUMN_PLANNED && !executed) || *cells[j] == '\0')
        continue;
      if (!fita_money_parse (cells[j], imp->lang, &cents, &local))
        {
          fita_import_cell_problem (imp, line, entry->code, column, local);
          continue;
        }
      /* "- €" and an empty cell: no amount, which is not 0 € */
      if (cents == FITA_NONE ||
          !fita_import_valid_value (imp, line, entry->code, column, FITA_TABLE_BUDGET_LINE,
                        executed ? "executed_cents" : "planned_cents", cents))
        continue;
      at_year = column->year != FITA_NONE ? column->year : year;
      amounts = TRUE;
      if (at_year == FITA_NONE && !executed && year_column < 0 && column->chapter == NULL && chapter == NULL)
        {
          /* with no year anywhere, a planned amount is for the whole period */
          if (entry->planned_total != FITA_NONE)
            fita_import_problem (imp, line, entry->code, _("the planned total is given twice, here and on line %u; give it once"),
                                 entry->planned_total_line);
          entry->planned_total = cents;
          entry->planned_total_line = line;
        }
      else if (at_year == FITA_NONE)
        fita_import_problem (imp, line, entry->code,
                             _("“%s”: the amount %s has no year: fill in the row's year, or head the column with its year (“Executat 2023”)"),
                             column->header != NULL ? column->header : "", cells[j]);
      else
        set_amount (imp, entry, at_year, column->chapter != NULL ? column->chapter : chapter, executed, cents, line);
    }
  /* a row that names a year and a chapter makes its budget line, with
   * amounts or not yet ("- €") */
  if (!amounts && year != FITA_NONE && chapter != NULL)
    set_amount (imp, entry, year, chapter, FALSE, FITA_NONE, line);
  read_indicator (imp, section, entry, cells, line, year);
  read_followup (imp, section, entry, cells, line, year);
}

