#include "config.h"
#include "fita-import.h"
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-import-private.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What is read is staged first (fita-import-private.h) and made into
 * records only when the whole table is read and found right: a refused
 * import leaves nothing half-made. */

static void
budget_free (gpointer data)
{
  FitaImportBudget *budget = data;

  g_free (budget->chapter);
  g_free (budget);
}

static void
indicator_free (gpointer data)
{
  FitaImportIndicator *indicator = data;

  g_free (indicator->name);
  g_ptr_array_unref (indicator->values);
  g_free (indicator);
}

static void
followup_free (gpointer data)
{
  FitaImportFollowup *followup = data;

  for (guint i = 0; i < FITA_IMPORT_N_FOLLOWUP; i++)
    g_free (followup->texts[i]);
  g_free (followup);
}

static void
status_free (gpointer data)
{
  FitaImportStatus *status = data;

  g_free (status->name);
  g_free (status);
}

static void
entry_free (gpointer data)
{
  FitaImportEntry *entry = data;

  g_free (entry->code);
  g_free (entry->parent_code);
  g_free (entry->title);
  g_free (entry->description);
  g_free (entry->status);
  g_free (entry->other_services);
  g_free (entry->start_date);
  g_free (entry->end_date);
  g_free (entry->semesters);
  g_ptr_array_unref (entry->children);
  g_ptr_array_unref (entry->who);
  g_ptr_array_unref (entry->budget);
  g_ptr_array_unref (entry->indicators);
  g_ptr_array_unref (entry->followups);
  g_free (entry);
}

static FitaImportEntry *
entry_new (FitaImportState *imp, const FitaSheetRow *row, FitaImportSection *section)
{
  FitaImportEntry *entry = g_new0 (FitaImportEntry, 1);

  entry->line = row != NULL ? row->line : 0;
  entry->row = row;
  entry->section = section;
  entry->progress_bp = entry->given_progress = entry->start_year = entry->end_year = entry->planned_total = FITA_NONE;
  entry->weight = 1;
  entry->children = g_ptr_array_new ();
  entry->who = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_cell_who_free);
  entry->budget = g_ptr_array_new_with_free_func (budget_free);
  entry->indicators = g_ptr_array_new_with_free_func (indicator_free);
  entry->followups = g_ptr_array_new_with_free_func (followup_free);
  g_ptr_array_add (imp->entries, entry);
  return entry;
}

char *
fita_import_name_key (const char *name)
{
  return fita_cell_fold (name);
}

gboolean
fita_import_same_name (const char *a, const char *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_str_equal (a, b))
    return TRUE;
  x = fita_import_name_key (a);
  y = fita_import_name_key (b);
  return g_str_equal (x, y);
}

/* Problems */

/* A problem of a row names the row's sheet when the table was read from
 * several: a row number alone would not say which. */
static void
add_to (FitaImportState *imp, GPtrArray *list, guint line, const char *code, char *message)
{
  FitaImportProblem *problem = g_new0 (FitaImportProblem, 1);

  problem->line = line;
  problem->code = g_strdup (code);
  problem->message = message;
  if (line > 0 && imp->at != NULL && imp->sheet->sheets->len > 1)
    problem->sheet = g_strdup (fita_sheet_row_sheet_name (imp->sheet, imp->at));
  g_ptr_array_add (list, problem);
}

void
fita_import_at (FitaImportState *imp, const FitaSheetRow *row)
{
  imp->at = row;
}

void
fita_import_problem (FitaImportState *imp, guint line, const char *code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  add_to (imp, imp->report->problems, line, code, g_strdup_vprintf (format, args));
  va_end (args);
}

void
fita_import_note (FitaImportState *imp, guint line, const char *code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  add_to (imp, imp->report->notes, line, code, g_strdup_vprintf (format, args));
  va_end (args);
}


static void
level_free (gpointer data)
{
  FitaImportLevel *level = data;

  g_free (level->name);
  g_free (level->folded);
  g_hash_table_unref (level->spellings);
  g_free (level);
}

/* Edits from a to b, up to limit (then limit + 1). */
static guint
distance (const char *a, const char *b, guint limit)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = NULL;

  if ((n > m ? n - m : m - n) > limit || n > 200 || m > 200)
    return limit + 1;
  row = g_new (guint, m + 1);
  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];
      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = above;
        }
    }
  return MIN (row[m], limit + 1);
}

/* The level a row names, one whatever its case and accents, and whatever
 * a slip of one or two letters ("Línia estratègia" beside "Línia
 * estratègica"), so that one typing error does not make a new level and
 * move every row below it. */
static FitaImportLevel *
level_for (FitaImportState *imp, const char *name, guint line, gboolean exact)
{
  g_autofree char *folded = NULL;
  FitaImportLevel *level = NULL;
  FitaImportSpelling *spelling;

  if (name == NULL || *name == '\0')
    return NULL;
  folded = fita_cell_fold (name);
  level = g_hash_table_lookup (imp->level_folds, folded);
  /* a plan has a handful of levels; a table that names hundreds is not
   * spelling one differently */
  for (guint i = 0; !exact && level == NULL && i < imp->levels->len && imp->levels->len < 100; i++)
    {
      FitaImportLevel *known = g_ptr_array_index (imp->levels, i);
      guint limit = MIN (strlen (known->folded), strlen (folded)) >= 8 ? 2 : 1;
      if (distance (known->folded, folded, limit) <= limit)
        level = known;
    }
  if (level == NULL)
    {
      level = g_new0 (FitaImportLevel, 1);
      level->name = g_strdup (name);
      level->folded = g_steal_pointer (&folded);
      level->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (imp->levels, level);
      g_hash_table_insert (imp->level_folds, level->folded, level);
    }
  if ((spelling = g_hash_table_lookup (level->spellings, name)) == NULL)
    {
      spelling = g_new0 (FitaImportSpelling, 1);
      spelling->line = line;
      spelling->row = imp->at;
      g_hash_table_insert (level->spellings, g_strdup (name), spelling);
    }
  spelling->count++;
  return level;
}

/* A cell that could not be read, named by its column's header. */
void
fita_import_cell_problem (FitaImportState *imp, guint line, const char *code, const FitaImportColumn *column, const GError *error)
{
  if (column != NULL && column->header != NULL)
    /* Translators: a column's header, then what is wrong with its cell */
    fita_import_problem (imp, line, code, _("“%s”: %s"), column->header, error->message);
  else
    fita_import_problem (imp, line, code, "%s", error->message);
}

gboolean
fita_import_valid_text (FitaImportState *imp, guint line, const char *code, const FitaImportColumn *column, const char *text)
{
  g_autoptr(GError) local = NULL;

  if (fita_text_validate (text, &local))
    return TRUE;
  fita_import_cell_problem (imp, line, code, column, local);
  return FALSE;
}

/* Checks a value against the limits of a field of a table (negative
 * amounts, years Fita cannot plan…). */
gboolean
fita_import_valid_value (FitaImportState *imp, guint line, const char *code, const FitaImportColumn *column,
             FitaTableId table, const char *field, gint64 value)
{
  const FitaTable *t = fita_table (table);
  g_autoptr(GError) local = NULL;

  if (fita_field_validate (&t->fields[fita_table_field_index (t, field)], value, NULL, &local))
    return TRUE;
  fita_import_cell_problem (imp, line, code, column, local);
  return FALSE;
}

/* Titles that name their level and code: "Línia estratègica I. AJUDAR…",
 * "Objectiu: O3 - Fomentar…", "11. ESS als barris". */

/* "O3", "A12", "11", "IV": the length of one part of a code at p, ending
 * at a space or a sign, or 0. */
static gsize
code_segment (const char *p)
{
  gsize n = strspn (p, "IVXLC"), letters = 0, digits = 0;

  if (n > 0 && (guchar) p[n] < 0x80 && !g_ascii_isalnum (p[n]))
    return n;
  n = 0;
  while (g_ascii_isalpha (p[n]) && letters < 3)
    n++, letters++;
  while (g_ascii_isdigit (p[n]) && digits < 4)
    n++, digits++;
  return digits > 0 && (guchar) p[n] < 0x80 && !g_ascii_isalnum (p[n]) ? n : 0;
}

/* Splits text into *level (if allow_level), *code and *title; FALSE if it
 * is not written so. */
static gboolean
split_title (const char *text, gboolean allow_level, char **level, char **code, char **title)
{
  const char *p = text, *level_end = text;
  guint words = 0;
  g_autoptr(GString) found = g_string_new (NULL);
  gsize n;

  /* up to three words of letters, the first a capital: "Línia estratègica" */
  while (allow_level && words < 3)
    {
      const char *q = p;
      guint letters = 0;
      if (code_segment (q) > 0)
        break;
      while (*q != '\0')
        {
          gunichar c = g_utf8_get_char (q);
          if (!(g_unichar_isalpha (c) || c == '\'' || c == 0x2019 || c == 0x00b7))
            break;
          if (letters == 0 && words == 0 && !g_unichar_isupper (c))
            return FALSE;
          letters++;
          q = g_utf8_next_char (q);
        }
      if (letters < 2)
        break;
      words++;
      level_end = q;
      p = q;
      if (*p == ':')
        p++;
      while (*p == ' ')
        p++;
    }
  /* the code: parts joined by points, "O3. A1" read "O3.A1" */
  while ((n = code_segment (p)) > 0)
    {
      const char *after = p + n, *next;
      gsize m;
      g_string_append_len (found, p, n);
      p = after;
      if (*after != '.')
        break;
      next = after + 1 + (after[1] == ' ');
      if ((m = code_segment (next)) == 0 ||
          !(next[m] == ' ' || next[m] == '.' || next[m] == ':' || next[m] == '\0'))
        break;
      g_string_append_c (found, '.');
      p = next;
    }
  if (found->len == 0)
    return FALSE;
  /* then ". ", ": ", " - " or " – " and the title */
  if ((*p == '.' || *p == ':') && p[1] == ' ')
    p += 2;
  else if (g_str_has_prefix (p, " - ") || g_str_has_prefix (p, " – "))
    p += g_str_has_prefix (p, " - ") ? 3 : strlen (" – ");
  else
    return FALSE;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return FALSE;
  *level = words > 0 ? g_strndup (text, level_end - text) : NULL;
  *code = g_string_free (g_steal_pointer (&found), FALSE);
  *title = g_strdup (p);
  return TRUE;
}

/* Whether the titles of a column are written with their level (and code):
 * when most of them are, so that one title that happens to look so
 * ("COVID 19: mesures") is not taken for it. */
static gboolean
titles_are_named (FitaImportState *imp, FitaImportSection *section, guint column, gboolean allow_level)
{
  g_autofree char *key = g_strdup_printf ("%p:%u", (void *) section, column);
  gpointer known;
  guint filled = 0, named = 0;

  if (g_hash_table_lookup_extended (imp->named_titles, key, NULL, &known))
    return GPOINTER_TO_INT (known);
  for (guint r = section->header_index; r < imp->sheet->rows->len; r++)
    {
      const FitaSheetRow *row = g_ptr_array_index (imp->sheet->rows, r);
      g_autofree char *level = NULL;
      g_autofree char *code = NULL;
      g_autofree char *title = NULL;
      g_autofree char *cell = NULL;
      if (imp->layout->sections->pdata[imp->layout->row_section[r] < 0 ? 0 : imp->layout->row_section[r]] != section ||
          imp->layout->row_section[r] < 0 || fita_sheet_row_length (row) <= column)
        continue;
      cell = g_strstrip (g_strdup (row->cells[column]));
      if (*cell == '\0')
        continue;
      filled++;
      named += split_title (cell, allow_level, &level, &code, &title);
    }
  g_hash_table_insert (imp->named_titles, g_steal_pointer (&key), GINT_TO_POINTER (named * 2 > filled));
  return named * 2 > filled;
}

/* The outline */

/* Places entry by the items open above it: after an item of a deeper
 * title column, under the nearest of a shallower one; in the same column,
 * beside an item of its level, or below one of another level (a level met
 * for the first time is a level deeper). */
static void
place (FitaImportState *imp, FitaImportEntry *entry)
{
  GPtrArray *stack = imp->stack;
  FitaImportEntry *top;

  while (stack->len > 0 && ((FitaImportEntry *) g_ptr_array_index (stack, stack->len - 1))->outline > entry->outline)
    g_ptr_array_set_size (stack, stack->len - 1);
  top = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
  if (top != NULL && top->outline == entry->outline)
    {
      int found = -1;
      for (int i = (int) stack->len - 1; entry->level != NULL && i >= 0; i--)
        {
          FitaImportEntry *open = g_ptr_array_index (stack, i);
          if (open->outline != entry->outline)
            break;
          if (open->level == entry->level)
            {
              found = i;
              break;
            }
        }
      if (found >= 0)
        g_ptr_array_set_size (stack, found);
      else if (entry->level == NULL || top->level == NULL)
        g_ptr_array_set_size (stack, stack->len - 1);
    }
  entry->outline_parent = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : imp->root;
  g_ptr_array_add (stack, entry);
}

/* code: the row's, for messages (the item takes it later) */
static FitaImportEntry *
open_item (FitaImportState *imp, FitaImportSection *section, guint outline, int column, const char *text,
           const char *level, const char *code_given, const FitaSheetRow *row)
{
  FitaImportEntry *entry = entry_new (imp, row, section);
  gboolean has_level = section->first[FITA_COLUMN_LEVEL] >= 0;
  gboolean has_code = section->first[FITA_COLUMN_CODE] >= 0;
  g_autofree char *named_level = NULL;
  g_autofree char *code = NULL;

  entry->outline = outline;
  if (text != NULL && (!has_level || !has_code) && titles_are_named (imp, section, column, !has_level) &&
      split_title (text, !has_level, &named_level, &code, &entry->title))
    {
      if (!has_code)
        {
          entry->code = g_steal_pointer (&code);
          entry->code_kind = FITA_IMPORT_CODE_LOCAL;
        }
    }
  else
    entry->title = g_strdup (text);
  if (level == NULL || *level == '\0')
    level = named_level != NULL ? named_level : column >= 0 ? section->columns[column].level : NULL;
  if (entry->code != NULL || (code_given != NULL && *code_given == '\0'))
    code_given = entry->code;
  if (entry->title != NULL)
    fita_import_valid_text (imp, entry->line, code_given, column >= 0 ? &section->columns[column] : NULL, entry->title);
  if (level != NULL && fita_import_valid_text (imp, entry->line, code_given, NULL, level))
    entry->level = level_for (imp, level, entry->line, FALSE);
  place (imp, entry);
  return entry;
}

/* Reading a row */

static gboolean
is_item_column (FitaColumn column)
{
  switch (column)
    {
    case FITA_COLUMN_CODE: case FITA_COLUMN_PARENT_CODE: case FITA_COLUMN_LEVEL: case FITA_COLUMN_TITLE:
    case FITA_COLUMN_DESCRIPTION: case FITA_COLUMN_STATUS: case FITA_COLUMN_PROGRESS: case FITA_COLUMN_START:
    case FITA_COLUMN_END: case FITA_COLUMN_SEMESTERS: case FITA_COLUMN_WHO: case FITA_COLUMN_OTHER_SERVICES:
    case FITA_COLUMN_WEIGHT: case FITA_COLUMN_PLANNED_TOTAL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Kinds of columns a table may have several of; of the others, only the
 * first is read (and a second is a problem). */
static gboolean
may_repeat (FitaColumn column)
{
  return column == FITA_COLUMN_TITLE || column == FITA_COLUMN_PLANNED || column == FITA_COLUMN_EXECUTED ||
         column == FITA_COLUMN_SEMESTERS || column == FITA_COLUMN_WHO || column == FITA_COLUMN_NONE;
}

static gboolean
is_plan_level (const char *text)
{
  static const char * const words[] = { "pla", "plan", "pla estrategic", "plan estrategico", "strategic plan", NULL };
  g_autofree char *folded = fita_cell_fold (text);

  return g_strv_contains (words, folded);
}


/* The row of the plan itself: its title, description and period, and a
 * follow-up of the whole plan. */
static void
read_plan (FitaImportState *imp, FitaImportSection *section, GStrv cells, guint line)
{
  if (imp->plan_line != 0)
    {
      fita_import_problem (imp, line, NULL, _("the plan is named twice, here and on line %u; keep one row for it"), imp->plan_line);
      return;
    }
  imp->plan_line = line;
  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaImportColumn *column = &section->columns[j];
      g_autoptr(GError) local = NULL;
      g_autofree char *date = NULL;
      gint64 year;

      if (*cells[j] == '\0')
        continue;
      if (column->column == FITA_COLUMN_TITLE && imp->plan_title == NULL && fita_import_valid_text (imp, line, NULL, column, cells[j]))
        imp->plan_title = g_strdup (cells[j]);
      else if (column->column == FITA_COLUMN_DESCRIPTION && fita_import_valid_text (imp, line, NULL, column, cells[j]))
        imp->plan_description = g_strdup (cells[j]);
      else if (column->column == FITA_COLUMN_START || column->column == FITA_COLUMN_END)
        {
          if (!fita_cell_parse_when (cells[j], &year, &date, &local))
            fita_import_cell_problem (imp, line, NULL, column, local);
          else
            *(column->column == FITA_COLUMN_START ? &imp->period_start : &imp->period_end) =
              year != FITA_NONE ? year : g_ascii_strtoll (date, NULL, 10);
        }
    }
  fita_import_plan_followup (imp, section, cells, line);
}

/* A row that repeats an item's code may only add amounts and indicator
 * values to it: whatever it says of the item must be what was said. */
static gboolean
repeats (FitaImportState *imp, FitaImportSection *section, FitaImportEntry *entry, GStrv cells, guint line)
{
  const char *code = cells[section->first[FITA_COLUMN_CODE]];

  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaImportColumn *column = &section->columns[j];
      g_auto(GStrv) before = NULL;
      const char *said = "";

      if (!is_item_column (column->column) || column->column == FITA_COLUMN_CODE || *cells[j] == '\0')
        continue;
      if (entry == imp->root)
        {
          fita_import_problem (imp, line, code,
                               _("the code “%s” is the item the table is imported under (“under” in the mapping); give this item another code"),
                               code);
          return FALSE;
        }
      /* what the item's own row had in the column headed alike */
      for (guint k = 0; k < entry->section->n_columns; k++)
        if (entry->section->columns[k].column == column->column &&
            g_strcmp0 (entry->section->columns[k].header, column->header) == 0)
          {
            before = fita_import_row_cells (entry->row, k + 1);
            said = before[k];
            break;
          }
      if (g_str_equal (said, cells[j]))
        continue;
      if (column->column == FITA_COLUMN_TITLE)
        fita_import_problem (imp, line, code,
                             _("the code “%s” is already used on line %u by another item (“%s”); give each item its own code"),
                             code, entry->line, said);
      else
        fita_import_problem (imp, line, code,
                             _("the row repeats the item of line %u with another “%s” (“%s” there, “%s” here); a row that repeats an item may only add amounts and indicator values"),
                             entry->line, column->header, said, cells[j]);
      return FALSE;
    }
  return TRUE;
}

static void
add_semesters (FitaImportEntry *entry, const char *more)
{
  g_autofree char *joined = NULL;
  g_autofree char *merged = NULL;

  if (more == NULL)
    return;
  joined = entry->semesters != NULL ? g_strjoin (" ", entry->semesters, more, NULL) : g_strdup (more);
  /* sorted and once each */
  fita_cell_parse_semesters (joined, FITA_NONE, &merged, NULL);
  g_free (entry->semesters);
  entry->semesters = g_steal_pointer (&merged);
}

static void
set_text (FitaImportState *imp, FitaImportEntry *entry, char **field, const FitaImportColumn *column, const char *text)
{
  if (text != NULL && !fita_import_valid_text (imp, entry->line, entry->code, column, text))
    return;
  g_free (*field);
  *field = g_strdup (text);
}

/* What the row says of the item it opened. */
static void
read_item (FitaImportState *imp, FitaImportSection *section, FitaImportEntry *entry, GStrv cells)
{
  gint64 status_bp = FITA_NONE, column_bp = FITA_NONE;
  guint line = entry->line;

  entry->parent_column = section->first[FITA_COLUMN_PARENT_CODE] >= 0;
  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaImportColumn *column = &section->columns[j];
      const char *cell = cells[j];
      g_autoptr(GError) local = NULL;
      g_autofree char *text = NULL;
      gint64 value;

      if (*cell == '\0' || (!may_repeat (column->column) && (int) j != section->first[column->column]))
        continue;
      switch (column->column)
        {
        case FITA_COLUMN_CODE:
          if (fita_import_valid_text (imp, line, cell, column, cell))
            {
              entry->code = g_strdup (cell);
              entry->code_kind = FITA_IMPORT_CODE_GIVEN;
              g_hash_table_insert (imp->codes, entry->code, entry);
            }
          break;
        case FITA_COLUMN_PARENT_CODE:
          set_text (imp, entry, &entry->parent_code, column, cell);
          break;
        case FITA_COLUMN_DESCRIPTION:
          set_text (imp, entry, &entry->description, column, cell);
          break;
        case FITA_COLUMN_OTHER_SERVICES:
          set_text (imp, entry, &entry->other_services, column, cell);
          break;
        case FITA_COLUMN_STATUS:
          if (!fita_cell_parse_status (cell, &text, &status_bp, &local))
            fita_import_cell_problem (imp, line, entry->code, column, local);
          else if (text != NULL)
            set_text (imp, entry, &entry->status, column, text);
          break;
        case FITA_COLUMN_PROGRESS:
          if (!fita_percent_parse_hundredths (cell, &column_bp, &local))
            fita_import_cell_problem (imp, line, entry->code, column, local);
          break;
        case FITA_COLUMN_START:
        case FITA_COLUMN_END:
          if (!fita_cell_parse_when (cell, &value, &text, &local))
            fita_import_cell_problem (imp, line, entry->code, column, local);
          else if (column->column == FITA_COLUMN_START)
            {
              entry->start_year = value;
              set_text (imp, entry, &entry->start_date, column, text);
            }
          else
            {
              entry->end_year = value;
              set_text (imp, entry, &entry->end_date, column, text);
            }
          break;
        case FITA_COLUMN_SEMESTERS:
          if (column->semesters != NULL)
            add_semesters (entry, fita_cell_is_mark (cell) ? column->semesters : NULL);
          else if (!fita_cell_parse_semesters (cell, FITA_NONE, &text, &local))
            fita_import_cell_problem (imp, line, entry->code, column, local);
          else
            add_semesters (entry, text);
          break;
        case FITA_COLUMN_WHO:
          {
            g_autoptr(GPtrArray) who = fita_cell_parse_who (cell);
            for (guint i = 0; i < who->len; i++)
              {
                FitaCellWho *one = g_ptr_array_index (who, i);
                if (fita_import_valid_text (imp, line, entry->code, column, one->agent) &&
                    (one->note == NULL || fita_import_valid_text (imp, line, entry->code, column, one->note)))
                  g_ptr_array_add (entry->who, g_steal_pointer (&who->pdata[i]));
              }
          }
          break;
        case FITA_COLUMN_WEIGHT:
          if (!fita_cell_parse_whole (cell, &value, &local))
            fita_import_cell_problem (imp, line, entry->code, column, local);
          else if (fita_import_valid_value (imp, line, entry->code, column, FITA_TABLE_ITEM, "weight", value))
            entry->weight = value;
          break;
        case FITA_COLUMN_PLANNED_TOTAL:
          if (!fita_money_parse (cell, imp->lang, &value, &local))
            fita_import_cell_problem (imp, line, entry->code, column, local);
          else if (fita_import_valid_value (imp, line, entry->code, column, FITA_TABLE_ITEM, "planned_total_cents", value))
            {
              entry->planned_total = value;
              entry->planned_total_line = line;
            }
          break;
        default:
          break;
        }
    }
  if (status_bp != FITA_NONE && column_bp != FITA_NONE && status_bp != column_bp)
    {
      g_autofree char *a = fita_percent_format_hundredths (status_bp, -1, imp->lang);
      g_autofree char *b = fita_percent_format_hundredths (column_bp, -1, imp->lang);
      fita_import_problem (imp, line, entry->code, _("the status says %s but the progress column says %s; give one percent"), a, b);
    }
  entry->progress_bp = column_bp != FITA_NONE ? column_bp : status_bp;
}

static gboolean
has_values (FitaImportSection *section, GStrv cells, gboolean item_values)
{
  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaColumn column = section->columns[j].column;
      gboolean row_value = column == FITA_COLUMN_PLANNED || column == FITA_COLUMN_EXECUTED ||
                           column == FITA_COLUMN_INDICATOR || column == FITA_COLUMN_INDICATOR_VALUE;
      if (*cells[j] != '\0' && (item_values ? is_item_column (column) : row_value))
        return TRUE;
    }
  return FALSE;
}

static void
read_row (FitaImportState *imp, FitaImportSection *section, const FitaSheetRow *row)
{
  guint length = fita_sheet_row_length (row);
  g_auto(GStrv) cells = fita_import_row_cells (row, MAX (length, section->n_columns));
  int code_column = section->first[FITA_COLUMN_CODE];
  int level_column = section->first[FITA_COLUMN_LEVEL];
  const char *code = code_column >= 0 ? cells[code_column] : "";
  const char *level = level_column >= 0 ? cells[level_column] : NULL;
  gboolean extra = FALSE;
  FitaImportEntry *target = NULL;
  int deepest = -1;

  fita_import_at (imp, row);
  for (guint j = section->n_columns; j < length; j++)
    extra = extra || *cells[j] != '\0';
  /* a CSV row's fields are counted: one missing or too many means a
   * quote or a separator out of place, and every value after it shifted;
   * a spreadsheet leaves out the empty cells at the end of a row */
  if (extra || (imp->sheet->name == NULL && length < section->n_columns))
    {
      fita_import_problem (imp, row->line, NULL,
                           _("the row has %u fields but the table's header has %u: a field is missing or one too many (a quote or a separator out of place?)"),
                           length, section->n_columns);
      return;
    }
  if (level != NULL && *level != '\0' && is_plan_level (level))
    {
      read_plan (imp, section, cells, row->line);
      return;
    }

  if (*code != '\0' && (target = g_hash_table_lookup (imp->codes, code)) != NULL)
    {
      if (!repeats (imp, section, target, cells, row->line))
        return;
    }
  else if (*code != '\0' && section->sheet > 0 && section->first[FITA_COLUMN_TITLE] < 0)
    {
      /* a later sheet adds details to the first sheet's items; a code it
       * does not know is mistyped, or of an item left out there */
      fita_import_problem (imp, row->line, code,
                           _("no item of the sheet “%s” has the code “%s”; give the code of one of its items"),
                           (const char *) g_ptr_array_index (imp->sheet->sheets, 0), code);
      return;
    }
  else
    {
      guint outline = 0;
      for (guint j = 0; j < section->n_columns; j++)
        if (section->columns[j].column == FITA_COLUMN_TITLE && *cells[j] != '\0')
          deepest = (int) j;
      for (guint j = 0; j < section->n_columns; j++)
        if (section->columns[j].column == FITA_COLUMN_TITLE)
          {
            if (*cells[j] != '\0')
              target = open_item (imp, section, outline, (int) j, cells[j], (int) j == deepest ? level : NULL,
                                  (int) j == deepest ? code : NULL, row);
            outline++;
          }
      if (target == NULL && *code != '\0')
        target = open_item (imp, section, 0, -1, NULL, level, code, row);
      if (target != NULL)
        read_item (imp, section, target, cells);
    }

  if (target == NULL)
    {
      if (has_values (section, cells, TRUE))
        {
          fita_import_note (imp, row->line, NULL, _("the row has no code and no title, so it names no item (a total?); it was left out"));
          return;
        }
      /* follow-up texts on a row of no item are the whole plan's */
      fita_import_plan_followup (imp, section, cells, row->line);
      if (!has_values (section, cells, FALSE))
        return;
      target = imp->current;
      if (target == NULL)
        {
          fita_import_problem (imp, row->line, NULL,
                               _("the amounts on this row belong to no item: give the row a code or a title, or name the item the table belongs to (“under” in the mapping)"));
          return;
        }
    }
  imp->current = target;
  fita_import_read_amounts (imp, section, target, cells, row->line);
}

/* A row of a table of the plan's lists: a level, a status ("En curs",
 * "Acabat (100 %)") and a chapter, each the next of its list. Read before
 * the items, so that the plan's lists are in this order, and hold the
 * names no item uses yet. */
static void
read_lists_row (FitaImportState *imp, FitaImportSection *section, const FitaSheetRow *row)
{
  g_auto(GStrv) cells = fita_import_row_cells (row, MAX (fita_sheet_row_length (row), section->n_columns));

  fita_import_at (imp, row);
  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaImportColumn *column = &section->columns[j];
      g_autoptr(GError) local = NULL;
      g_autofree char *name = NULL;
      gint64 bp = FITA_NONE;

      if (*cells[j] == '\0' || !fita_import_valid_text (imp, row->line, NULL, column, cells[j]))
        continue;
      switch (column->column)
        {
        case FITA_COLUMN_LEVEL:
          {
            /* each name its own level, however close to another */
            FitaImportLevel *level = level_for (imp, cells[j], row->line, TRUE);
            if (!level->listed)
              g_ptr_array_add (imp->listed_levels, level);
            level->listed = TRUE;
          }
          break;
        case FITA_COLUMN_STATUS:
          if (!fita_cell_parse_status (cells[j], &name, &bp, &local))
            fita_import_cell_problem (imp, row->line, NULL, column, local);
          else if (name == NULL)
            fita_import_problem (imp, row->line, NULL, _("“%s”: the status “%s” has no name; write its name before its percent"),
                                 column->header != NULL ? column->header : "", cells[j]);
          else if (bp != FITA_NONE && bp % 100 != 0)
            fita_import_problem (imp, row->line, NULL, _("“%s”: the percent of the status “%s” is a whole number; round it"),
                                 column->header != NULL ? column->header : "", name);
          else
            {
              g_autofree char *key = fita_import_name_key (name);
              FitaImportStatus *status;
              if (g_hash_table_contains (imp->status_keys, key))
                break;
              status = g_new0 (FitaImportStatus, 1);
              status->name = g_steal_pointer (&name);
              status->percent = bp != FITA_NONE ? bp / 100 : FITA_NONE;
              g_ptr_array_add (imp->statuses, status);
              g_hash_table_add (imp->status_keys, g_steal_pointer (&key));
            }
          break;
        case FITA_COLUMN_CHAPTER:
          fita_import_add_chapter (imp, cells[j]);
          break;
        default:
          break;
        }
    }
}

/* Problems in the order of the table (sheet by sheet), as officers fix them. */
static int
compare_lines (gconstpointer a, gconstpointer b, gpointer data)
{
  const FitaImportProblem *p = *(FitaImportProblem * const *) a, *q = *(FitaImportProblem * const *) b;
  FitaSheet *sheet = data;
  guint x = 0, y = 0;

  if (g_strcmp0 (p->sheet, q->sheet) != 0)
    {
      for (guint i = 0; i < sheet->sheets->len; i++)
        {
          if (g_strcmp0 (g_ptr_array_index (sheet->sheets, i), p->sheet) == 0)
            x = i;
          if (g_strcmp0 (g_ptr_array_index (sheet->sheets, i), q->sheet) == 0)
            y = i;
        }
      if (x != y)
        return x < y ? -1 : 1;
    }
  return p->line < q->line ? -1 : p->line > q->line;
}

/* Columns that hold one value of an item read twice would have one win
 * silently: the mapping must choose. */
static void
check_sections (FitaImportState *imp, FitaImportLayout *layout)
{
  for (guint s = 0; s < layout->sections->len; s++)
    {
      FitaImportSection *section = g_ptr_array_index (layout->sections, s);
      const FitaSheetRow *header = g_ptr_array_index (imp->sheet->rows, section->header_index);
      guint line = header->line;

      fita_import_at (imp, header);
      for (int c = 0; c < FITA_N_COLUMNS; c++)
        {
          if (section->count[c] > 1 && !may_repeat (c))
            for (guint j = section->first[c] + 1; j < section->n_columns; j++)
              if ((int) section->columns[j].column == c)
                {
                  fita_import_problem (imp, line, NULL,
                                       _("the columns “%s” and “%s” are both read as “%s”; leave one out in the mapping (null)"),
                                       section->columns[section->first[c]].header, section->columns[j].header,
                                       fita_column_key (c));
                  break;
                }
        }
      /* the chapters the headers name are the plan's, used or not */
      for (guint j = 0; j < section->n_columns; j++)
        if (section->columns[j].chapter != NULL)
          fita_import_add_chapter (imp, section->columns[j].chapter);
    }
  fita_import_at (imp, NULL);
  /* a header given in a saved mapping that this table lacks: misspelt? */
  for (guint h = 0; h < fita_import_mapping_get_n_headers (imp->mapping); h++)
    {
      const char *header = fita_import_mapping_get_header (imp->mapping, h);
      gboolean found = FALSE;
      for (guint s = 0; s < layout->sections->len && !found; s++)
        {
          FitaImportSection *section = g_ptr_array_index (layout->sections, s);
          for (guint j = 0; j < section->n_columns && !found; j++)
            found = g_strcmp0 (section->columns[j].header, header) == 0;
        }
      if (!found)
        fita_import_note (imp, 0, NULL, _("the mapping names a column “%s” that the table does not have"), header);
    }
}

FitaPlan *
fita_import_sheet (FitaSheet *sheet, FitaImportMapping *mapping, const char *default_title,
                   FitaImportReport **report_out, GError **error)
{
  g_autoptr(FitaImportMapping) own = NULL;
  g_autoptr(FitaImportReport) report = fita_import_report_new ();
  g_autoptr(FitaImportLayout) layout = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *under_code, *under_title, *under_level;
  FitaPlan *plan = NULL;
  FitaImportState imp = { 0 };
  int section = -1;

  if (mapping == NULL)
    mapping = own = fita_import_mapping_new ();
  if (!(layout = fita_import_layout_new (mapping, sheet, error)))
    {
      if (report_out != NULL)
        *report_out = g_steal_pointer (&report);
      return NULL;
    }

  imp.sheet = sheet;
  imp.mapping = mapping;
  imp.layout = layout;
  imp.lang = fita_import_mapping_get_language (mapping) ? fita_import_mapping_get_language (mapping) : "ca";
  imp.report = report;
  imp.entries = g_ptr_array_new_with_free_func (entry_free);
  imp.codes = g_hash_table_new (g_str_hash, g_str_equal);
  imp.named_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.chapters = g_ptr_array_new_with_free_func (g_free);
  imp.chapter_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.levels = g_ptr_array_new_with_free_func (level_free);
  imp.level_folds = g_hash_table_new (g_str_hash, g_str_equal);
  imp.stack = g_ptr_array_new ();
  imp.listed_levels = g_ptr_array_new ();
  imp.statuses = g_ptr_array_new_with_free_func (status_free);
  imp.status_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp.plan_followups = g_ptr_array_new_with_free_func (followup_free);
  imp.period_start = imp.period_end = FITA_NONE;

  fita_import_mapping_get_under (mapping, &under_code, &under_title, &under_level);
  if (under_code != NULL || under_title != NULL)
    {
      imp.root = entry_new (&imp, NULL, NULL);
      imp.root->code = g_strdup (under_code);
      imp.root->code_kind = under_code != NULL ? FITA_IMPORT_CODE_GIVEN : FITA_IMPORT_CODE_NONE;
      imp.root->title = g_strdup (under_title);
      imp.root->level = level_for (&imp, under_level, 0, FALSE);
      if (imp.root->code != NULL)
        g_hash_table_insert (imp.codes, imp.root->code, imp.root);
    }
  /* the plan's lists first: their order is the plan's */
  for (guint r = 0; r < sheet->rows->len; r++)
    if (layout->row_section[r] >= 0 &&
        ((FitaImportSection *) g_ptr_array_index (layout->sections, layout->row_section[r]))->lists)
      read_lists_row (&imp, g_ptr_array_index (layout->sections, layout->row_section[r]), g_ptr_array_index (sheet->rows, r));
  check_sections (&imp, layout);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      if (layout->row_section[r] < 0 ||
          ((FitaImportSection *) g_ptr_array_index (layout->sections, layout->row_section[r]))->lists)
        continue;
      /* a new table starts its own outline, under the item it goes under */
      if (layout->row_section[r] != section)
        {
          section = layout->row_section[r];
          imp.current = imp.root;
          g_ptr_array_set_size (imp.stack, 0);
        }
      read_row (&imp, g_ptr_array_index (layout->sections, section), g_ptr_array_index (sheet->rows, r));
    }
  fita_import_at (&imp, NULL);
  if (imp.entries->len == 0 && imp.plan_line == 0)
    fita_import_problem (&imp, 0, NULL, _("The table has no rows below its header: there is nothing to import."));

  items = fita_import_arrange (&imp);
  g_ptr_array_sort_with_data (report->problems, compare_lines, sheet);

  if (report->problems->len > 0)
    fita_import_report_set_error (report, sheet, error);
  else
    plan = fita_import_make_plan (&imp, items, default_title, error);
  g_ptr_array_sort_with_data (report->notes, compare_lines, sheet);

  g_ptr_array_unref (imp.stack);
  g_ptr_array_unref (imp.listed_levels);
  g_ptr_array_unref (imp.statuses);
  g_hash_table_unref (imp.status_keys);
  g_ptr_array_unref (imp.plan_followups);
  g_clear_pointer (&imp.level_order, g_ptr_array_unref);
  g_hash_table_unref (imp.level_folds);
  g_ptr_array_unref (imp.levels);
  g_ptr_array_unref (imp.chapters);
  g_hash_table_unref (imp.chapter_keys);
  g_hash_table_unref (imp.named_titles);
  g_hash_table_unref (imp.codes);
  g_ptr_array_unref (imp.entries);
  g_free (imp.plan_title);
  g_free (imp.plan_description);
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return plan;
}
