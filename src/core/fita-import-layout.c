#include "config.h"
#include "fita-import-private.h"
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-money.h"
#include "fita-schema.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How many rows are searched for the header when none is named: a title
 * and a few lines of text above a table are common. */
#define HEADER_SEARCH 20
#define MAX_HEADER 100

GStrv
fita_import_row_cells (const FitaSheetRow *row, guint n)
{
  GStrv cells = g_new0 (char *, n + 1);
  gboolean ended = FALSE;

  for (guint i = 0; i < n; i++)
    {
      ended = ended || row->cells[i] == NULL;
      cells[i] = g_strstrip (g_strdup (ended ? "" : row->cells[i]));
    }
  return cells;
}

gboolean
fita_import_row_is_blank (const FitaSheetRow *row)
{
  for (guint i = 0; row->cells[i] != NULL; i++)
    for (const char *p = row->cells[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

static gboolean
folded_has_word (const char *folded, const char * const *words)
{
  g_auto(GStrv) parts = g_strsplit (folded, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    for (guint w = 0; words[w] != NULL; w++)
      if (g_str_equal (parts[i], words[w]))
        return TRUE;
  return FALSE;
}

static const char * const chapter_words[] = { "capitol", "capitols", "capitulo", "capitulos", "chapter", "chapters",
                                              "cap", NULL };
static const char * const executed_words[] = { "executat", "executada", "executats", "ejecutado", "ejecutada",
                                               "ejecutados", "executed", "spent", "despesa", "gasto", NULL };
/* words that say what an amount is, not which chapter it is of */
static const char * const amount_words[] = { "pressupost", "previst", "prevista", "executat", "executada", "import",
                                             "despesa", "presupuesto", "previsto", "ejecutado", "ejecutada",
                                             "importe", "gasto", "planned", "executed", "budget", "spent", "amount",
                                             NULL };

static gboolean
is_bare_year (const char *text)
{
  gsize length = strlen (text);

  if (length != 4)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "Pla de treball 2017-2019" → "Pla de treball": a header without the
 * years and periods that say when, for guessing what it holds. */
static char *
strip_years (const char *header)
{
  GString *out = g_string_new (NULL);

  for (const char *p = header; *p != '\0';)
    {
      gsize run = 0;
      while (g_ascii_isdigit (p[run]))
        run++;
      if (run == 4)
        {
          p += run;
          /* "2017-2019", "2017/19" */
          while (*p == '-' || *p == '/' || g_ascii_isdigit (*p) || g_str_has_prefix (p, "–"))
            p += g_str_has_prefix (p, "–") ? strlen ("–") : 1;
          continue;
        }
      if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static guint
count_words (const char *folded)
{
  guint n = *folded != '\0';

  for (const char *p = folded; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* A semester header of a work plan's grid: "2018 1er Semestre", not a
 * year alone. */
static gboolean
is_semester_header (const char *header)
{
  g_autofree char *semesters = NULL;

  return !is_bare_year (header) && fita_cell_parse_semesters (header, FITA_NONE, &semesters, NULL) &&
         semesters != NULL;
}

/* A label under a year in a second header row: "1er Semestre". */
static gboolean
is_semester_label (const char *cell)
{
  g_autofree char *with_year = NULL;
  g_autofree char *without = NULL;

  return !fita_cell_parse_semesters (cell, FITA_NONE, &without, NULL) &&
         fita_cell_parse_semesters (cell, 2000, &with_year, NULL) && with_year != NULL;
}

/* fita_column_guess, asked once for each text: it reads the catalogues of
 * three languages each time a header names no column, and a wide sheet
 * asks for the same words again and again. */
static FitaColumn
known_column (GHashTable *known, const char *text)
{
  gpointer column;

  if (!g_hash_table_lookup_extended (known, text, NULL, &column))
    {
      column = GINT_TO_POINTER (fita_column_guess (text));
      g_hash_table_insert (known, g_strdup (text), column);
    }
  return GPOINTER_TO_INT (column);
}

/* What a header names, from its words alone, or with cells (the column's
 * non-empty cells) also from what it holds. */
static FitaColumn
guess_column (GHashTable *known, const char *header, gboolean executed, GPtrArray *cells, const char *lang)
{
  g_autofree char *folded = fita_cell_fold (header);
  g_autofree char *stripped = NULL;
  g_autofree char *stripped_folded = NULL;
  FitaColumn column;
  gint64 year;

  /* a header is a few words; a long cell is text, not a header */
  if (strlen (header) > MAX_HEADER)
    return FITA_COLUMN_NONE;
  if ((column = known_column (known, header)) != FITA_COLUMN_NONE)
    return column;
  if (is_bare_year (header))
    {
      /* years heading amounts, or a timeline's marks */
      gboolean amounts = cells != NULL && cells->len > 0;
      for (guint i = 0; amounts && i < cells->len; i++)
        {
          gint64 cents;
          amounts = fita_money_parse (g_ptr_array_index (cells, i), lang, &cents, NULL) && cents != FITA_NONE;
        }
      return cells == NULL ? FITA_COLUMN_NONE : amounts ? FITA_COLUMN_PLANNED : FITA_COLUMN_SEMESTERS;
    }
  if (is_semester_header (header))
    return FITA_COLUMN_SEMESTERS;
  if (folded_has_word (folded, chapter_words))
    return executed ? FITA_COLUMN_EXECUTED : FITA_COLUMN_PLANNED;
  stripped = strip_years (header);
  if (fita_cell_parse_year (header, TRUE, &year, NULL))
    {
      column = known_column (known, stripped);
      if (column == FITA_COLUMN_PLANNED || column == FITA_COLUMN_EXECUTED)
        return column;
    }
  if (cells != NULL && cells->len > 0)
    {
      /* "Pressupost executat 2023": the year of each row */
      gboolean years = TRUE;
      for (guint i = 0; years && i < cells->len; i++)
        years = fita_cell_parse_year (g_ptr_array_index (cells, i), TRUE, &year, NULL);
      if (years)
        return FITA_COLUMN_YEAR;
    }
  /* "PROPOSTES D'ACCIONS 2017-2019", "Objectius del pla": short headers
   * whose words, or whose first word, name a column */
  stripped_folded = fita_cell_fold (stripped);
  if (count_words (stripped_folded) > 6)
    return FITA_COLUMN_NONE;
  if ((column = known_column (known, stripped)) != FITA_COLUMN_NONE)
    return column;
  if (strchr (stripped_folded, ' ') != NULL)
    {
      g_autofree char *first = g_strndup (stripped_folded, strchr (stripped_folded, ' ') - stripped_folded);
      if (known_column (known, first) == FITA_COLUMN_TITLE)
        return FITA_COLUMN_TITLE;
    }
  return FITA_COLUMN_NONE;
}

/* Whether a row heads a table: at least min of its cells, and half of
 * them, name a column. */
static gboolean
looks_like_header (GHashTable *known, const FitaSheetRow *row, guint min)
{
  guint filled = 0, named = 0;
  g_auto(GStrv) cells = fita_import_row_cells (row, fita_sheet_row_length (row));

  for (guint i = 0; cells[i] != NULL; i++)
    if (*cells[i] != '\0')
      {
        filled++;
        named += guess_column (known, cells[i], FALSE, NULL, NULL) != FITA_COLUMN_NONE;
      }
  return named >= min && named * 2 >= filled;
}

/* A second header row that names the semesters under the years. */
static gboolean
is_semester_row (const FitaSheetRow *row)
{
  g_auto(GStrv) cells = fita_import_row_cells (row, fita_sheet_row_length (row));
  guint labels = 0;

  for (guint i = 0; cells[i] != NULL; i++)
    if (*cells[i] != '\0')
      {
        if (!is_semester_label (cells[i]))
          return FALSE;
        labels++;
      }
  return labels > 0;
}

/* Whether two cells are the same text, spaces around aside. */
static gboolean
same_cell (const char *a, const char *b)
{
  gsize n, m;

  while (g_ascii_isspace (*a))
    a++;
  while (g_ascii_isspace (*b))
    b++;
  n = strlen (a);
  m = strlen (b);
  while (n > 0 && g_ascii_isspace (a[n - 1]))
    n--;
  while (m > 0 && g_ascii_isspace (b[m - 1]))
    m--;
  return n == m && memcmp (a, b, n) == 0;
}

/* Run on every row (is it the header again?): compares in place. */
static gboolean
same_row (const FitaSheetRow *a, const FitaSheetRow *b)
{
  guint n = fita_sheet_row_length (a), m = fita_sheet_row_length (b);

  for (guint i = 0; i < MAX (n, m); i++)
    if (!same_cell (i < n ? a->cells[i] : "", i < m ? b->cells[i] : ""))
      return FALSE;
  return TRUE;
}

/* A header's text: its cells joined by one space, lines and runs of
 * spaces made one space. */
static char *
header_text (const char *top, const char *sub)
{
  g_autofree char *joined = g_strjoin (" ", top, sub, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = joined; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
    else if (out->len > 0 && out->str[out->len - 1] != ' ')
      g_string_append_c (out, ' ');
  g_strchomp (out->str);
  if (*out->str == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static FitaImportSection *
section_new (FitaSheet *sheet, guint index, guint header_rows)
{
  FitaImportSection *section = g_new0 (FitaImportSection, 1);
  const FitaSheetRow *top = g_ptr_array_index (sheet->rows, index);
  const FitaSheetRow *sub = header_rows == 2 ? g_ptr_array_index (sheet->rows, index + 1) : NULL;
  guint n = MAX (fita_sheet_row_length (top), sub != NULL ? fita_sheet_row_length (sub) : 0);
  g_auto(GStrv) tops = fita_import_row_cells (top, n);
  g_auto(GStrv) subs = sub != NULL ? fita_import_row_cells (sub, n) : NULL;
  const char *carried = "";

  section->header_index = index;
  section->header_rows = header_rows;
  section->sheet = top->sheet;
  section->n_columns = n;
  section->columns = g_new0 (FitaImportColumn, n);
  for (guint j = 0; j < n; j++)
    {
      /* a year over two semesters is one merged cell: it heads both */
      if (*tops[j] != '\0')
        carried = tops[j];
      section->columns[j].header = header_text (subs != NULL && *tops[j] == '\0' && *subs[j] != '\0' ? carried : tops[j],
                                                subs != NULL ? subs[j] : NULL);
    }
  return section;
}

static void
section_free (gpointer data)
{
  FitaImportSection *section = data;

  for (guint j = 0; j < section->n_columns; j++)
    {
      g_free (section->columns[j].header);
      g_free (section->columns[j].chapter);
      g_free (section->columns[j].semesters);
      g_free (section->columns[j].level);
    }
  g_free (section->columns);
  g_free (section);
}

void
fita_import_layout_free (FitaImportLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->sections);
  g_free (layout->row_section);
  g_free (layout);
}

/* "Executat Capítol 1 2023" → "Capítol 1": the chapter an amount column's
 * header names, without the words that say what the amount is. */
static char *
chapter_name (const char *header)
{
  g_auto(GStrv) words = g_strsplit (header, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean leading = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = fita_cell_fold (words[i]);
      if (is_bare_year (words[i]) || *words[i] == '\0' ||
          (leading && folded_has_word (folded, amount_words)))
        continue;
      leading = FALSE;
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

/* What the header says beyond the kind of its column: a year, a chapter,
 * the semesters of a grid, the level of a title column. */
static void
derive (FitaImportColumn *column, FitaImportMapping *mapping)
{
  g_autofree char *folded = fita_cell_fold (column->header);
  gint64 year;

  column->year = FITA_NONE;
  switch (column->column)
    {
    case FITA_COLUMN_PLANNED:
    case FITA_COLUMN_EXECUTED:
      if (fita_cell_parse_year (column->header, TRUE, &year, NULL))
        column->year = year;
      if (folded_has_word (folded, chapter_words))
        column->chapter = chapter_name (column->header);
      break;
    case FITA_COLUMN_SEMESTERS:
      fita_cell_parse_semesters (column->header, FITA_NONE, &column->semesters, NULL);
      break;
    case FITA_COLUMN_TITLE:
      column->level = g_strdup (fita_import_mapping_get_level (mapping, column->header));
      break;
    default:
      break;
    }
}

static gboolean
is_list_column (FitaColumn column)
{
  return column == FITA_COLUMN_LEVEL || column == FITA_COLUMN_STATUS || column == FITA_COLUMN_CHAPTER;
}

static gboolean
is_detail_column (FitaColumn column)
{
  return column == FITA_COLUMN_YEAR || column == FITA_COLUMN_CHAPTER || column == FITA_COLUMN_PLANNED ||
         column == FITA_COLUMN_EXECUTED || column == FITA_COLUMN_INDICATOR ||
         column == FITA_COLUMN_INDICATOR_VALUE || column == FITA_COLUMN_INDICATOR_YEAR ||
         (column >= FITA_COLUMN_EXECUTION && column <= FITA_COLUMN_NEXT_STEPS);
}

/* A table of the plan's lists has no column that is not one: a table of
 * items always has a code or a title. */
static gboolean
is_lists (FitaImportSection *section)
{
  guint lists = 0;

  for (guint j = 0; j < section->n_columns; j++)
    {
      if (!is_list_column (section->columns[j].column))
        return FALSE;
      lists++;
    }
  return lists > 0;
}

static void
resolve (FitaImportLayout *layout, guint s, FitaImportMapping *mapping, FitaSheet *sheet, GHashTable *known)
{
  FitaImportSection *section = g_ptr_array_index (layout->sections, s);
  const char *lang = fita_import_mapping_get_language (mapping);

  for (guint j = 0; j < section->n_columns; j++)
    if (section->columns[j].header != NULL)
      {
        g_autofree char *folded = fita_cell_fold (section->columns[j].header);
        section->executed = section->executed || folded_has_word (folded, executed_words);
      }
  for (int c = 0; c < FITA_N_COLUMNS; c++)
    section->first[c] = -1;

  for (guint j = 0; j < section->n_columns; j++)
    {
      FitaImportColumn *column = &section->columns[j];
      FitaColumn kind = FITA_COLUMN_NONE;

      if (column->header != NULL && !fita_import_mapping_get_column (mapping, column->header, &kind))
        {
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          /* the cells below are read only when the header's words do not tell */
          if (known_column (known, column->header) == FITA_COLUMN_NONE)
            for (guint r = 0; r < sheet->rows->len; r++)
              {
                const FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
                if (layout->row_section[r] == (int) s && fita_sheet_row_length (row) > j)
                  {
                    char *cell = g_strstrip (g_strdup (row->cells[j]));
                    if (*cell != '\0')
                      g_ptr_array_add (cells, cell);
                    else
                      g_free (cell);
                  }
              }
          kind = guess_column (known, column->header, section->executed, cells, lang ? lang : "ca");
          fita_import_mapping_set_column (mapping, column->header, kind);
        }
      column->column = kind;
      if (column->header != NULL)
        derive (column, mapping);
      if (kind != FITA_COLUMN_NONE)
        {
          if (section->first[kind] < 0)
            section->first[kind] = (int) j;
          section->count[kind]++;
        }
    }
  section->lists = is_lists (section);
}

/* The first row of rows [from, to) that looks like a header, among the
 * first non-blank ones; or else the first non-blank row; or G_MAXUINT. */
static guint
find_header (GHashTable *known, FitaSheet *sheet, guint from, guint to)
{
  guint searched = 0, first = G_MAXUINT;

  for (guint i = from; i < to && searched < HEADER_SEARCH; i++)
    if (!fita_import_row_is_blank (g_ptr_array_index (sheet->rows, i)))
      {
        first = MIN (first, i);
        searched++;
        if (looks_like_header (known, g_ptr_array_index (sheet->rows, i), 1))
          return i;
      }
  return first;
}

/* The tables of rows [start, to), one sheet's, start its header. */
static void
find_sections (FitaImportLayout *layout, GHashTable *known, FitaSheet *sheet, guint start, guint to)
{
  FitaImportSection *current = NULL;
  gboolean after_blank = FALSE;

  for (guint i = start; i < to;)
    {
      const FitaSheetRow *row = g_ptr_array_index (sheet->rows, i);

      if (fita_import_row_is_blank (row))
        {
          after_blank = TRUE;
          i++;
          continue;
        }
      /* a header repeated on each page or part of the table */
      if (current != NULL && same_row (row, g_ptr_array_index (sheet->rows, current->header_index)))
        {
          i++;
          if (current->header_rows == 2 && i < to &&
              same_row (g_ptr_array_index (sheet->rows, i), g_ptr_array_index (sheet->rows, current->header_index + 1)))
            i++;
          after_blank = FALSE;
          continue;
        }
      if (current == NULL || (after_blank && looks_like_header (known, row, 2)))
        {
          guint rows = i + 1 < to && is_semester_row (g_ptr_array_index (sheet->rows, i + 1)) ? 2 : 1;
          current = section_new (sheet, i, rows);
          g_ptr_array_add (layout->sections, current);
          i += rows;
          after_blank = FALSE;
          continue;
        }
      layout->row_section[i++] = (int) layout->sections->len - 1;
      after_blank = FALSE;
    }
}

FitaImportLayout *
fita_import_layout_new (FitaImportMapping *mapping, FitaSheet *sheet, GError **error)
{
  g_autoptr(FitaImportLayout) layout = g_new0 (FitaImportLayout, 1);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = sheet->rows->len;
  guint header_row = fita_import_mapping_get_header_row (mapping);
  guint start, end, i;

  layout->sections = g_ptr_array_new_with_free_func (section_free);
  layout->row_section = g_new (int, MAX (n, 1));
  for (i = 0; i < n; i++)
    layout->row_section[i] = -1;

  /* the first sheet's rows: all of a CSV's */
  for (end = 0; end < n && ((FitaSheetRow *) g_ptr_array_index (sheet->rows, end))->sheet ==
                           (n > 0 ? ((FitaSheetRow *) g_ptr_array_index (sheet->rows, 0))->sheet : 0); end++)
    ;
  if (header_row > 0)
    {
      if (header_row > end || fita_import_row_is_blank (g_ptr_array_index (sheet->rows, header_row - 1)))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("Row %u of the table is missing or empty, so it cannot head the table; change “header_row” in the mapping."),
                       header_row);
          return NULL;
        }
      start = header_row - 1;
    }
  else
    start = find_header (known, sheet, 0, end);
  if (start == G_MAXUINT)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The table is empty: no row has any text."));
      return NULL;
    }
  find_sections (layout, known, sheet, start, end);

  /* each later sheet is a table of its own, under its own header */
  while (end < n)
    {
      guint from = end, of = ((FitaSheetRow *) g_ptr_array_index (sheet->rows, from))->sheet;
      while (end < n && ((FitaSheetRow *) g_ptr_array_index (sheet->rows, end))->sheet == of)
        end++;
      if ((start = find_header (known, sheet, from, end)) != G_MAXUINT)
        find_sections (layout, known, sheet, start, end);
    }

  for (i = 0; i < layout->sections->len; i++)
    resolve (layout, i, mapping, sheet, known);
  return g_steal_pointer (&layout);
}

FitaImportTableKind
fita_import_table_kind (FitaSheet *sheet)
{
  g_autoptr(FitaImportMapping) mapping = fita_import_mapping_new ();
  g_autoptr(FitaImportLayout) layout = fita_import_layout_new (mapping, sheet, NULL);
  gboolean details = layout != NULL && layout->sections->len > 0;
  gboolean lists = details;

  for (guint s = 0; layout != NULL && s < layout->sections->len; s++)
    {
      FitaImportSection *section = g_ptr_array_index (layout->sections, s);
      guint found = 0;

      lists = lists && section->lists;
      details = details && section->first[FITA_COLUMN_CODE] >= 0 && section->count[FITA_COLUMN_CODE] == 1;
      for (guint j = 0; details && j < section->n_columns; j++)
        {
          FitaColumn column = section->columns[j].column;
          /* columns it does not know are not read, as in any table */
          if (column == FITA_COLUMN_CODE || column == FITA_COLUMN_NONE)
            continue;
          details = is_detail_column (column);
          found++;
        }
      details = details && found > 0;
    }
  return details ? FITA_IMPORT_TABLE_DETAILS : lists ? FITA_IMPORT_TABLE_LISTS : FITA_IMPORT_TABLE_OTHER;
}
