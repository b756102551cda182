#include "config.h"
#include "fita-export.h"
#include "fita-export-private.h"

#include "fita-columns.h"
#include "fita-money.h"
#include "fita-rollup.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

static const char * const sheet_keys[FITA_EXPORT_N_SHEETS] = { "items", "budget", "indicators", "followup", "lists" };

/* Translators: the names of the sheets of an exported plan */
static const char * const sheet_names[FITA_EXPORT_N_SHEETS] = {
  N_("Items"), N_("Budget"), N_("Indicators"), N_("Follow-up"),
  /* Translators: the sheet of an exported plan that lists its levels,
   * statuses and chapters */
  N_("Lists"),
};

const char *
fita_export_sheet_name (FitaExportSheet sheet, FitaTranslator *translator)
{
  g_return_val_if_fail (sheet < FITA_EXPORT_N_SHEETS, NULL);
  return T_ (translator, sheet_names[sheet]);
}

const char *
fita_export_sheet_key (FitaExportSheet sheet)
{
  g_return_val_if_fail (sheet < FITA_EXPORT_N_SHEETS, NULL);
  return sheet_keys[sheet];
}

int
fita_export_sheet_from_key (const char *key)
{
  for (int i = 0; i < FITA_EXPORT_N_SHEETS && key != NULL; i++)
    if (g_str_equal (sheet_keys[i], key))
      return i;
  return -1;
}

char *
fita_export_cents_text (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", cents < 0 ? "-" : "", magnitude / 100,
                          (guint) (magnitude % 100));
}

char *
fita_export_fraction_text (gint64 hundredths)
{
  guint64 magnitude = hundredths < 0 ? (guint64) (-(hundredths + 1)) + 1 : (guint64) hundredths;
  char *text = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%04u", hundredths < 0 ? "-" : "", magnitude / 10000,
                                (guint) (magnitude % 10000));
  char *end = text + strlen (text) - 1;

  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return text;
}

/* Building the tables */

typedef struct {
  FitaExport *export;
  FitaExportTable *table;
  GArray *cells;
} Rows;

static void
rows_begin (Rows *rows, FitaExport *export, FitaExportSheet sheet, const char *name,
            const FitaExportColumn *columns, guint n_columns)
{
  FitaExportTable *table = &export->tables[sheet];

  table->sheet = sheet;
  table->name = name;
  table->n_columns = n_columns;
  table->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  rows->export = export;
  rows->table = table;
  rows->cells = g_array_new (FALSE, TRUE, sizeof (FitaExportCell));
}

static void
rows_end (Rows *rows)
{
  rows->table->n_rows = rows->cells->len / rows->table->n_columns;
  rows->table->cells = (FitaExportCell *) (void *) g_array_free (rows->cells, FALSE);
}

static void
add_text (Rows *rows, const char *text)
{
  FitaExportCell cell = { text && *text ? FITA_CELL_TEXT : FITA_CELL_EMPTY, 0, text };

  g_array_append_val (rows->cells, cell);
}

/* kind: INTEGER, CENTS or PERCENT; FITA_NONE is an empty cell. */
static void
add_number (Rows *rows, FitaCellKind kind, gint64 number)
{
  FitaExportCell cell = { number == FITA_NONE ? FITA_CELL_EMPTY : kind, number, NULL };

  g_array_append_val (rows->cells, cell);
}

/* Whether an indicator's value reads back as typed when it is a number
 * in a spreadsheet: "12.5", "-3", "0.25"; not "12.50", "007" nor more
 * digits than a spreadsheet keeps. */
static gboolean
is_plain_decimal (const char *text)
{
  const char *p = text;
  guint digits = 0;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p) || (*p == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    {
      const char *fraction = ++p;
      for (; g_ascii_isdigit (*p); p++)
        digits++;
      if (p == fraction || p[-1] == '0')
        return FALSE;
    }
  return *p == '\0' && digits <= 15 && !g_str_equal (text, "-0");
}

/* An indicator's value: a number when it is a plain decimal, otherwise
 * text ("12.50", "> 30", "n/d"), so that it stays as typed. */
static void
add_value (Rows *rows, const char *text)
{
  FitaExportCell cell = { FITA_CELL_DECIMAL, 0, text };

  if (text == NULL || !is_plain_decimal (text))
    {
      add_text (rows, text);
      return;
    }
  g_array_append_val (rows->cells, cell);
}

static const char *
role_words (FitaTranslator *tr, gint64 role)
{
  switch (role)
    {
    case FITA_ROLE_DEFINES: return TC_ (tr, "role", "Defines the basic lines");
    case FITA_ROLE_EXECUTES: return TC_ (tr, "role", "Executes");
    case FITA_ROLE_SUPPORTS: return TC_ (tr, "role", "Supports");
    case FITA_ROLE_OTHER:
    default: return TC_ (tr, "role", "Other");
    }
}

/* "Secretaria tècnica (executa); Comissió tècnica (defineix les línies
 * bàsiques)": the roles in the report's words, as the importer reads them. */
static const char *
who_text (FitaExport *export, FitaPlan *plan, FitaItem *item)
{
  /* "(executa: o proveïdora)": the note after the role, as the importer
   * reads it */
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *r = g_ptr_array_index (who, i);
      FitaAgent *agent = fita_plan_lookup (plan, FITA_TABLE_AGENT, r->agent_id);
      g_autofree char *role = NULL;
      if (agent == NULL)
        continue;
      role = g_utf8_strdown (role_words (export->translator, r->role), -1);
      g_string_append_printf (out, "%s%s (%s%s%s)", out->len ? "; " : "", agent->name, role,
                              r->note != NULL ? ": " : "", r->note != NULL ? r->note : "");
    }
  return out->len ? g_string_chunk_insert (export->strings, out->str) : NULL;
}

static const char *
name_of (FitaPlan *plan, FitaTableId table, gint64 id)
{
  gpointer record = id ? fita_plan_lookup (plan, table, id) : NULL;
  const FitaTable *t = fita_table (table);

  return record ? fita_record_get_text (record, &t->fields[t->name_field]) : NULL;
}

/* A year, or a date when there is one ("2016-05"). */
static void
add_when (Rows *rows, const char *date, gint64 year)
{
  if (date != NULL && *date != '\0')
    add_text (rows, date);
  else
    add_number (rows, FITA_CELL_INTEGER, year);
}

#define TEXT_COLUMN(header) { (header), 0, FALSE, 0 }
#define WRAP_COLUMN(header) { (header), 0, TRUE, 0 }

static void
build_items (FitaExport *export, FitaPlan *plan, GPtrArray *items)
{
  FitaTranslator *tr = export->translator;
  int decimals = (int) CLAMP (export->info->progress_decimals, 0, 2);
  const FitaExportColumn columns[] = {
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_CODE, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_PARENT_CODE, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_LEVEL, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_TITLE, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_STATUS, tr)),
    { fita_column_header (FITA_COLUMN_PROGRESS, tr), decimals, FALSE, 0 },
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_START, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_END, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_WHO, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_OTHER_SERVICES, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_PLANNED_TOTAL, tr)),
    /* Translators: a column of an exported plan: what is planned for an
     * item and the items below it, over every year (not a column the
     * importer reads back) */
    TEXT_COLUMN (T_ (tr, "Planned, all years")),
    /* Translators: a column of an exported plan, as "Planned, all years" */
    TEXT_COLUMN (T_ (tr, "Executed, all years")),
    /* Translators: a column of an exported plan, executed ÷ planned over
     * every year; not only "Execution rate", which importers take for
     * an action's progress ("grau d'execució") */
    { T_ (tr, "Execution rate, all years"), 2, FALSE, 0 },
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_DESCRIPTION, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_SEMESTERS, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_WEIGHT, tr)),
  };
  FitaPlanInfo *info = export->info;
  FitaBudgetSum sum;
  Rows rows;

  rows_begin (&rows, export, FITA_EXPORT_SHEET_ITEMS, fita_export_sheet_name (FITA_EXPORT_SHEET_ITEMS, tr),
              columns, G_N_ELEMENTS (columns));
  /* the plan itself, as the importer reads it back: its title and period */
  fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum);
  add_text (&rows, NULL);
  add_text (&rows, NULL);
  /* Translators: the level of the row of an exported plan that is the
   * plan itself (the importer knows "Pla", "Plan") */
  add_text (&rows, TC_ (tr, "level", "Plan"));
  add_text (&rows, info->title);
  add_text (&rows, NULL);
  add_number (&rows, FITA_CELL_PERCENT, fita_plan_progress_bp (plan, NULL));
  add_number (&rows, FITA_CELL_INTEGER, info->period_start);
  add_number (&rows, FITA_CELL_INTEGER, info->period_end);
  add_text (&rows, NULL);
  add_text (&rows, NULL);
  add_number (&rows, FITA_CELL_CENTS, FITA_NONE);
  add_number (&rows, FITA_CELL_CENTS, sum.planned);
  add_number (&rows, FITA_CELL_CENTS, sum.executed);
  add_number (&rows, FITA_CELL_PERCENT, fita_rate_bp (sum.executed, sum.planned));
  add_text (&rows, info->description);
  add_text (&rows, NULL);
  add_number (&rows, FITA_CELL_INTEGER, FITA_NONE);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      FitaItem *parent = item->parent_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, item->parent_id) : NULL;
      gboolean leaf = fita_plan_list (plan, FITA_TABLE_ITEM, item->rec.id)->len == 0;

      fita_plan_budget_sum (plan, item, FITA_NONE, 0, &sum);
      add_text (&rows, item->code);
      add_text (&rows, parent ? parent->code : NULL);
      add_text (&rows, name_of (plan, FITA_TABLE_LEVEL, item->level_id));
      add_text (&rows, item->title);
      add_text (&rows, name_of (plan, FITA_TABLE_STATUS, item->status_id));
      /* a leaf's own percent (not its status's, which the Lists sheet
       * gives), a parent's worked out */
      add_number (&rows, FITA_CELL_PERCENT, leaf ? item->progress_bp : fita_plan_progress_bp (plan, item));
      add_when (&rows, item->start_date, item->start_year);
      add_when (&rows, item->end_date, item->end_year);
      add_text (&rows, who_text (export, plan, item));
      add_text (&rows, item->other_services);
      add_number (&rows, FITA_CELL_CENTS, item->planned_total_cents);
      add_number (&rows, FITA_CELL_CENTS, sum.planned);
      add_number (&rows, FITA_CELL_CENTS, sum.executed);
      add_number (&rows, FITA_CELL_PERCENT, fita_rate_bp (sum.executed, sum.planned));
      add_text (&rows, item->description);
      add_text (&rows, item->semesters);
      add_number (&rows, FITA_CELL_INTEGER, item->weight == 1 ? FITA_NONE : item->weight);
    }
  rows_end (&rows);
}

static void
build_budget (FitaExport *export, FitaPlan *plan, GPtrArray *items)
{
  FitaTranslator *tr = export->translator;
  const FitaExportColumn columns[] = {
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_CODE, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_YEAR, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_CHAPTER, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_PLANNED, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_EXECUTED, tr)),
  };
  Rows rows;

  rows_begin (&rows, export, FITA_EXPORT_SHEET_BUDGET, fita_export_sheet_name (FITA_EXPORT_SHEET_BUDGET, tr),
              columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
      for (guint l = 0; l < lines->len; l++)
        {
          FitaBudgetLine *line = g_ptr_array_index (lines, l);
          add_text (&rows, item->code);
          add_number (&rows, FITA_CELL_INTEGER, line->year);
          add_text (&rows, name_of (plan, FITA_TABLE_CHAPTER, line->chapter_id));
          add_number (&rows, FITA_CELL_CENTS, line->planned_cents);
          add_number (&rows, FITA_CELL_CENTS, line->executed_cents);
        }
    }
  rows_end (&rows);
}

static void
build_indicators (FitaExport *export, FitaPlan *plan, GPtrArray *items)
{
  FitaTranslator *tr = export->translator;
  const FitaExportColumn columns[] = {
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_CODE, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_INDICATOR, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_INDICATOR_YEAR, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_INDICATOR_VALUE, tr)),
  };
  Rows rows;

  rows_begin (&rows, export, FITA_EXPORT_SHEET_INDICATORS, fita_export_sheet_name (FITA_EXPORT_SHEET_INDICATORS, tr),
              columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      GPtrArray *indicators = fita_plan_list (plan, FITA_TABLE_INDICATOR, item->rec.id);
      for (guint n = 0; n < indicators->len; n++)
        {
          FitaIndicator *indicator = g_ptr_array_index (indicators, n);
          GPtrArray *values = fita_plan_list (plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
          /* an indicator with no values yet still has its row */
          for (guint v = 0; v < MAX (values->len, 1); v++)
            {
              FitaIndicatorValue *value = v < values->len ? g_ptr_array_index (values, v) : NULL;
              if (value == NULL && indicator->pending)
                continue;
              add_text (&rows, item->code);
              add_text (&rows, indicator->name);
              add_number (&rows, FITA_CELL_INTEGER, value ? value->year : FITA_NONE);
              add_value (&rows, value ? value->value : NULL);
            }
          /* "pending evaluation" is a state, not a value: a row of its own */
          if (indicator->pending)
            {
              add_text (&rows, item->code);
              add_text (&rows, indicator->name);
              add_number (&rows, FITA_CELL_INTEGER, FITA_NONE);
              add_text (&rows, T_ (tr, "Pending evaluation"));
            }
        }
    }
  rows_end (&rows);
}

static void
add_followup (Rows *rows, FitaItem *item, FitaFollowup *f)
{
  add_text (rows, item ? item->code : NULL);
  add_number (rows, FITA_CELL_INTEGER, f->year);
  add_text (rows, f->execution);
  add_text (rows, f->strengths);
  add_text (rows, f->weaknesses);
  add_text (rows, f->other);
  add_text (rows, f->adjustments);
  add_text (rows, f->next_steps);
}

static void
build_followup (FitaExport *export, FitaPlan *plan, GPtrArray *items)
{
  FitaTranslator *tr = export->translator;
  const FitaExportColumn columns[] = {
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_CODE, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_YEAR, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_EXECUTION, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_STRENGTHS, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_WEAKNESSES, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_OTHER_REMARKS, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_ADJUSTMENTS, tr)),
    WRAP_COLUMN (fita_column_header (FITA_COLUMN_NEXT_STEPS, tr)),
  };
  GPtrArray *plan_followups = fita_plan_list (plan, FITA_TABLE_FOLLOWUP, 0);
  Rows rows;

  rows_begin (&rows, export, FITA_EXPORT_SHEET_FOLLOWUP, fita_export_sheet_name (FITA_EXPORT_SHEET_FOLLOWUP, tr),
              columns, G_N_ELEMENTS (columns));
  /* the whole plan's first, with no code */
  for (guint f = 0; f < plan_followups->len; f++)
    add_followup (&rows, NULL, g_ptr_array_index (plan_followups, f));
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      GPtrArray *followups = fita_plan_list (plan, FITA_TABLE_FOLLOWUP, item->rec.id);
      for (guint f = 0; f < followups->len; f++)
        add_followup (&rows, item, g_ptr_array_index (followups, f));
    }
  rows_end (&rows);
}

/* The plan's levels, statuses and chapters in its order, a column each,
 * so that an import orders them alike and keeps those no item uses; a
 * status's percent after its name, as the importer reads it. */
static void
build_lists (FitaExport *export, FitaPlan *plan)
{
  FitaTranslator *tr = export->translator;
  const FitaExportColumn columns[] = {
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_LEVEL, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_STATUS, tr)),
    TEXT_COLUMN (fita_column_header (FITA_COLUMN_CHAPTER, tr)),
  };
  GPtrArray *levels = fita_plan_list (plan, FITA_TABLE_LEVEL, 0);
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  GPtrArray *chapters = fita_plan_list (plan, FITA_TABLE_CHAPTER, 0);
  guint n = MAX (levels->len, MAX (statuses->len, chapters->len));
  Rows rows;

  rows_begin (&rows, export, FITA_EXPORT_SHEET_LISTS, fita_export_sheet_name (FITA_EXPORT_SHEET_LISTS, tr),
              columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < n; i++)
    {
      FitaStatus *status = i < statuses->len ? g_ptr_array_index (statuses, i) : NULL;
      const char *status_text = status != NULL ? status->name : NULL;

      if (status != NULL && status->percent != FITA_NONE)
        {
          g_autofree char *percent = fita_percent_format_hundredths (status->percent * 100, 0, export->lang);
          g_autofree char *text = g_strdup_printf ("%s (%s)", status->name, percent);
          status_text = g_string_chunk_insert (export->strings, text);
        }
      add_text (&rows, i < levels->len ? ((FitaLevel *) g_ptr_array_index (levels, i))->name : NULL);
      add_text (&rows, status_text);
      add_text (&rows, i < chapters->len ? ((FitaChapter *) g_ptr_array_index (chapters, i))->name : NULL);
    }
  rows_end (&rows);
}

FitaExportCell *
fita_export_cell (FitaExportTable *table, guint row, guint column)
{
  return &table->cells[row * table->n_columns + column];
}

/* A letter of text is narrower than a digit, the unit of the columns'
 * widths. */
#define LETTER_WIDTH 0.85

/* Digits' widths a cell takes as shown ("120.000,00 €" is 12), its
 * longest line for a text. */
static double
shown_width (FitaExport *export, FitaExportCell *cell)
{
  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
      {
        guint widest = 0;
        for (const char *line = cell->text; line != NULL; line = strchr (line, '\n'))
          {
            const char *end;
            if (*line == '\n')
              line++;
            end = strchr (line, '\n');
            widest = MAX (widest, (guint) g_utf8_strlen (line, end ? end - line : -1));
          }
        return widest * LETTER_WIDTH;
      }
    case FITA_CELL_CENTS:
      {
        g_autofree char *shown = fita_money_format (cell->number, export->lang);
        return (guint) g_utf8_strlen (shown, -1);
      }
    case FITA_CELL_PERCENT:
      return 7;
    case FITA_CELL_INTEGER:
    case FITA_CELL_DECIMAL:
      {
        g_autofree char *shown = cell->text ? g_strdup (cell->text)
                                            : g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
        return (guint) strlen (shown);
      }
    case FITA_CELL_EMPTY:
    default:
      return 0;
    }
}

/* The longest word of a header, which wraps at the spaces between them. */
static double
longest_word (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint longest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    longest = MAX (longest, (guint) g_utf8_strlen (words[i], -1));
  /* bold */
  return longest * LETTER_WIDTH * 1.1;
}

/* How many lines a text takes wrapped in a column (a little more than it
 * needs rather than less: spreadsheets do not all fit the rows' heights
 * to their texts when they open a file, so the exports set them). */
static guint
wrapped_lines (const char *text, double width, double letter)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double room = MAX (width - 2, 1);
  guint lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      double needed = g_utf8_strlen (paragraphs[i], -1) * letter;
      /* what is lost breaking lines between words, and fonts wider
       * than the one the widths are for (DejaVu Sans for Calibri) */
      lines += needed <= room ? 1 : (guint) (needed * 1.25 / room) + 1;
    }
  return lines;
}

/* Widths that fit the content and the longest word of the header (with
 * its filter button), no wider than a reader can take in: long texts
 * wrap at it, and their rows grow. */
static void
fit_widths (FitaExport *export, FitaExportTable *table)
{
  table->lines = g_new0 (guint, table->n_rows + 1);
  table->width = 0;
  for (guint c = 0; c < table->n_columns; c++)
    {
      FitaExportColumn *column = &table->columns[c];
      /* the header on two lines at most, with room for the filter button */
      double widest = MAX (longest_word (column->header),
                           g_utf8_strlen (column->header, -1) * LETTER_WIDTH * 1.1 / 2 + 1) + 3;
      double limit = column->wrap ? 50 : 40;

      for (guint r = 0; r < table->n_rows; r++)
        widest = MAX (widest, shown_width (export, fita_export_cell (table, r, c)));
      column->width = CLAMP (widest + 2, 6, limit);
      table->width += column->width;
      /* the header's words wrap beside the filter button */
      table->lines[0] = MAX (table->lines[0], wrapped_lines (column->header, column->width - 1, LETTER_WIDTH * 1.1));
      for (guint r = 0; r < table->n_rows && column->wrap; r++)
        {
          FitaExportCell *cell = fita_export_cell (table, r, c);
          if (cell->kind == FITA_CELL_TEXT)
            table->lines[r + 1] = MAX (table->lines[r + 1], wrapped_lines (cell->text, column->width, LETTER_WIDTH));
        }
    }
}

FitaExport *
fita_export_new (FitaPlan *plan, const char *lang)
{
  FitaExport *export = g_new0 (FitaExport, 1);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);

  export->info = fita_plan_get_info (plan);
  if (lang == NULL)
    lang = export->info->language;
  export->translator = fita_translator_new (lang);
  export->lang = fita_translator_get_lang (export->translator);
  export->strings = g_string_chunk_new (4096);
  build_items (export, plan, items);
  build_budget (export, plan, items);
  build_indicators (export, plan, items);
  build_followup (export, plan, items);
  build_lists (export, plan);
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    fit_widths (export, &export->tables[t]);
  return export;
}

void
fita_export_free (FitaExport *export)
{
  if (export == NULL)
    return;
  for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
    {
      g_free (export->tables[t].columns);
      g_free (export->tables[t].cells);
      g_free (export->tables[t].lines);
    }
  g_string_chunk_free (export->strings);
  fita_translator_unref (export->translator);
  g_free (export);
}

/* CSV */

/* RFC 4180: quoted when it holds the separator, a quote or a line end,
 * quotes doubled. */
static void
append_field (GString *out, const char *text, char separator)
{
  if (text == NULL)
    return;
  if (strchr (text, separator) || strchr (text, '"') || strchr (text, '\n') || strchr (text, '\r'))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

/* What a cell holds as CSV text: amounts "4702.33" and percents "88.3",
 * in the C locale, the way the importer reads them in any language. */
static char *
cell_text (FitaExportCell *cell)
{
  switch (cell->kind)
    {
    case FITA_CELL_TEXT:
    case FITA_CELL_DECIMAL:
      return g_strdup (cell->text);
    case FITA_CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell->number);
    case FITA_CELL_CENTS:
      return fita_export_cents_text (cell->number);
    case FITA_CELL_PERCENT:
      return fita_hundredths_format (cell->number, -1, "en");
    case FITA_CELL_EMPTY:
    default:
      return NULL;
    }
}

/* No byte order mark: CSV is for programs (scripts, databases, Decidim,
 * Fita's importer), several of which take a BOM for part of the first
 * header. People who open the plan in Excel or LibreOffice get XLSX or
 * ODS, which carry their encoding and their number formats. */
char *
fita_export_csv (FitaPlan *plan, FitaExportSheet sheet, const char *lang)
{
  g_autoptr(FitaExport) export = NULL;
  FitaExportTable *table;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (sheet < FITA_EXPORT_N_SHEETS, NULL);
  export = fita_export_new (plan, lang);
  table = &export->tables[sheet];
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, table->columns[c].header, ',');
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->n_rows; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *text = cell_text (fita_export_cell (table, r, c));
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, text, ',');
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* Decidim */

/* The header of the results CSV that Decidim's accountability component
 * exports and imports: decidim/decidim, the fixture
 * decidim-accountability/spec/fixtures/valid_result.csv (commit
 * dffbf71a05420cfbd8c46761d77dcb9055a4eda8), an export of
 * Decidim::Accountability::ResultSerializer that the importer's own test
 * imports. Of these, Decidim::Accountability::ResultsCsvImporter
 * (app/services/decidim/accountability/results_csv_importer.rb, the 0.28
 * series: commit c728edee4cfed81a853655bc2ac777d55fc080cd) reads id,
 * parent/id, title/LOCALE, description/LOCALE, start_date, end_date,
 * status/id, category/id, progress and proposal_urls; the others are
 * what Decidim itself writes, left for people to read. */
static const char * const decidim_columns[] = {
  "id", "category/id", "category/name/en", "category/name/ca", "category/name/es",
  "scope/id", "scope/name/en", "scope/name/ca", "scope/name/es", "parent/id",
  "title/ca", "title/en", "title/es", "description/ca", "description/en", "description/es",
  "start_date", "end_date", "status/id", "status/key", "status/name/ca", "status/name/en", "status/name/es",
  "progress", "created_at", "url", "component/id", "proposal_urls",
  NULL
};

const char * const *
fita_export_decidim_columns (void)
{
  return decidim_columns;
}

/* "2016" → 2016-01-01 (first) or 2016-12-31 (last); "2016-05" → the
 * month's first or last day; a whole date as it is. NULL if it is none. */
static char *
iso_date (const char *text, gboolean last)
{
  int year = 0, month = 0, day = 0;
  char tail;
  int n = text ? sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) : 0;

  if (n == 1 && strlen (text) == 4)
    {
      month = last ? 12 : 1;
      day = last ? 31 : 1;
    }
  else if (n == 2 && strlen (text) == 7 && month >= 1 && month <= 12)
    day = last ? g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) : 1;
  else if (!(n == 3 && strlen (text) == 10))
    return NULL;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* When an item starts or ends, as a date: its dates, its years, or its
 * first and last ticked semesters. */
static char *
item_date (FitaItem *item, gboolean last)
{
  const char *date = last ? item->end_date : item->start_date;
  gint64 year = last ? item->end_year : item->start_year;
  char *found = date ? iso_date (date, last) : NULL;

  if (found != NULL)
    return found;
  if (year != FITA_NONE)
    return g_strdup_printf ("%04d-%s", (int) year, last ? "12-31" : "01-01");
  if (item->semesters != NULL && *item->semesters != '\0')
    {
      g_auto(GStrv) words = g_strsplit (item->semesters, " ", -1);
      guint n = g_strv_length (words);
      int y, half;
      if (n > 0 && sscanf (words[last ? n - 1 : 0], "%d-%d", &y, &half) == 2 && (half == 1 || half == 2))
        return g_strdup_printf ("%04d-%s", y, last ? (half == 1 ? "06-30" : "12-31") : (half == 1 ? "01-01" : "07-01"));
    }
  return NULL;
}

/* Decidim keeps descriptions as HTML: a paragraph a line. It wants one in
 * the organisation's default language, so an item with none gets its
 * title. */
static char *
html_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      g_string_append (out, "<p>");
      /* HTML's own entities (not XML's &apos;) */
      for (const char *p = lines[i]; *p != '\0'; p++)
        switch (*p)
          {
          case '&': g_string_append (out, "&amp;"); break;
          case '<': g_string_append (out, "&lt;"); break;
          case '>': g_string_append (out, "&gt;"); break;
          case '"': g_string_append (out, "&quot;"); break;
          default: g_string_append_c (out, *p); break;
          }
      g_string_append (out, "</p>");
    }
  return g_string_free (out, FALSE);
}

char *
fita_export_decidim (FitaPlan *plan)
{
  g_autoptr(GPtrArray) items = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);
  items = fita_plan_items_preorder (plan, NULL);
  for (guint c = 0; decidim_columns[c] != NULL; c++)
    g_string_append_printf (out, "%s%s", c ? ";" : "", decidim_columns[c]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      FitaStatus *status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;
      gint64 progress = fita_plan_progress_bp (plan, item);
      /* Fita's plan is in one language: the same words in each of Decidim's */
      g_autofree char *title = item->code && *item->code ? g_strdup_printf ("%s %s", item->code, item->title)
                                                         : g_strdup (item->title);
      g_autofree char *description = html_paragraphs (item->description ? item->description : "");
      g_autofree char *start = item_date (item, FALSE);
      g_autofree char *end = item_date (item, TRUE);
      g_autofree char *percent = progress != FITA_NONE ? fita_hundredths_format (progress, -1, "en") : NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->rec.id);
      g_autofree char *parent = item->parent_id ? g_strdup_printf ("%" G_GINT64_FORMAT, item->parent_id) : NULL;
      const char *values[G_N_ELEMENTS (decidim_columns) - 1] = { NULL };

      if (*description == '\0')
        {
          g_free (description);
          description = html_paragraphs (title);
        }
      values[0] = id;
      values[9] = parent;
      values[10] = values[11] = values[12] = title;
      values[13] = values[14] = values[15] = description;
      values[16] = start;
      values[17] = end;
      /* Decidim's statuses are its own records: named here, for the
       * administrator to match */
      values[20] = values[21] = values[22] = status ? status->name : NULL;
      values[23] = percent;
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          if (c > 0)
            g_string_append_c (out, ';');
          append_field (out, values[c], ';');
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
