/* Update forms: which items go to which agent, what a form holds, and the
 * key that ties its rows to the plan. The writers are in
 * fita-forms-xlsx.c and fita-forms-ods.c. */
#include "config.h"
#include "fita-forms.h"
#include "fita-forms-private.h"

#include "fita-edit.h"
#include "fita-error.h"
#include "fita-money.h"
#include "fita-years.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define KEY_PREFIX "fita-form 1"
#define DIGEST_LENGTH 16

/* Agents */

static void
collect_agents (FitaPlan *plan, gint64 owner, GHashTable *responsible, GPtrArray *out, guint depth)
{
  GPtrArray *list = fita_plan_list (plan, FITA_TABLE_AGENT, owner);

  if (depth > FITA_MAX_DEPTH)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (list, i);
      if (g_hash_table_contains (responsible, &agent->rec.id))
        g_ptr_array_add (out, agent);
      collect_agents (plan, agent->rec.id, responsible, out, depth + 1);
    }
}

static void
collect_all_agents (FitaPlan *plan, gint64 owner, GHashTable *by_name, guint depth)
{
  GPtrArray *list = fita_plan_list (plan, FITA_TABLE_AGENT, owner);

  if (depth > FITA_MAX_DEPTH)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (list, i);
      if (agent->name != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (agent->name, -1);
          char *key = g_utf8_normalize (g_strstrip (folded), -1, G_NORMALIZE_ALL_COMPOSE);
          if (key != NULL && !g_hash_table_contains (by_name, key))
            g_hash_table_insert (by_name, key, agent);
          else
            g_free (key);
        }
      collect_all_agents (plan, agent->rec.id, by_name, depth + 1);
    }
}

/* Adds to answering the ids of the agents who answer for item: those
 * responsible for it in any role; for an item no agent is responsible for,
 * the plan's agents named in its other services ("Servei A; Servei B"), as
 * in the follow-up sheets that name only the services involved. by_name:
 * the plan's agents by folded name. */
static void
add_answering (FitaPlan *plan, FitaItem *item, GHashTable *by_name, GHashTable *answering)
{
  GPtrArray *roles = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  gboolean any = FALSE;

  for (guint r = 0; r < roles->len; r++)
    {
      FitaResponsibility *role = g_ptr_array_index (roles, r);
      if (role->agent_id != 0)
        {
          g_hash_table_add (answering, &role->agent_id);
          any = TRUE;
        }
    }
  if (any || item->other_services == NULL)
    return;

  g_auto(GStrv) names = g_strsplit_set (item->other_services, ",;\n", -1);
  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *folded = g_utf8_casefold (g_strstrip (names[n]), -1);
      g_autofree char *key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
      FitaAgent *agent = key != NULL ? g_hash_table_lookup (by_name, key) : NULL;
      if (agent != NULL)
        g_hash_table_add (answering, &agent->rec.id);
    }
}

static GHashTable *
agents_by_name (FitaPlan *plan)
{
  GHashTable *by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_all_agents (plan, 0, by_name, 0);
  return by_name;
}

GPtrArray *
fita_forms_agents (FitaPlan *plan)
{
  g_autoptr(GHashTable) responsible = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_name = agents_by_name (plan);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    add_answering (plan, g_ptr_array_index (items, i), by_name, responsible);
  collect_agents (plan, 0, responsible, out, 0);
  return out;
}

GPtrArray *
fita_forms_items (FitaPlan *plan, FitaAgent *agent)
{
  g_autoptr(GHashTable) by_name = agents_by_name (plan);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autoptr(GHashTable) answering = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      g_hash_table_remove_all (answering);
      add_answering (plan, item, by_name, answering);
      if (g_hash_table_contains (answering, &agent->rec.id))
        g_ptr_array_add (out, item);
    }
  return out;
}

GHashTable *
fita_forms_count_items (FitaPlan *plan)
{
  g_autoptr(GHashTable) by_name = agents_by_name (plan);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autoptr(GHashTable) answering = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_remove_all (answering);
      add_answering (plan, g_ptr_array_index (items, i), by_name, answering);
      g_hash_table_iter_init (&iter, answering);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
          g_hash_table_insert (counts, g_memdup2 (id, sizeof (gint64)), GUINT_TO_POINTER (n + 1));
        }
    }
  return counts;
}

gint64
fita_forms_default_year (FitaPlan *plan)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);

  return info->followed_year != FITA_NONE ? info->followed_year : fita_plan_default_year (plan);
}

char *
fita_forms_file_name (gint64 year, const char *agent_name, FitaFormsFormat format)
{
  g_autofree char *safe = g_strdup (agent_name ? agent_name : "");
  char *name;

  /* characters no file system or archive takes in a name */
  for (char *p = safe; *p != '\0'; p++)
    if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      *p = '_';
  g_strstrip (safe);
  /* a name of dots is the folder itself or its parent */
  while (safe[0] == '.')
    safe[0] = '_';
  if (g_utf8_strlen (safe, -1) > 100)
    {
      char *cut = g_utf8_substring (safe, 0, 100);
      g_free (safe);
      safe = cut;
    }
  name = g_strdup_printf ("%" G_GINT64_FORMAT " - %s.%s", year, safe,
                          format == FITA_FORMS_XLSX ? "xlsx" : "ods");
  return name;
}

/* What a row holds, as sent */

static gint64
executed_cents (FitaPlan *plan, FitaItem *item, gint64 year, gint64 chapter)
{
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  gint64 sum = FITA_NONE;

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      if (line->year == year && line->chapter_id == chapter && line->executed_cents != FITA_NONE)
        sum = (sum == FITA_NONE ? 0 : sum) + line->executed_cents;
    }
  return sum;
}

static void
append_field (GString *out, const char *name, const char *value)
{
  /* lengths first: no text can pass for another split differently */
  g_string_append_printf (out, "%s:%" G_GSIZE_FORMAT ":%s\n", name, value ? strlen (value) : 0, value ? value : "");
}

static void
append_tidy (GString *out, const char *name, const char *value)
{
  g_autofree char *tidy = fita_form_tidy (value);

  append_field (out, name, tidy);
}

static void
sent_free (gpointer data)
{
  FitaFormSent *sent = data;

  g_free (sent->name);
  g_free (sent->text);
  g_free (sent);
}

static void
add_sent (GPtrArray *out, char *name, char *text)
{
  FitaFormSent *sent = g_new (FitaFormSent, 1);

  sent->name = name;
  sent->text = text && *text ? text : (g_free (text), NULL);
  g_ptr_array_add (out, sent);
}

static char *
number_text (gint64 value)
{
  return value == FITA_NONE ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

GPtrArray *
fita_form_sent_new (void)
{
  return g_ptr_array_new_with_free_func (sent_free);
}

void
fita_form_sent_add (GPtrArray *sent, const char *name, const char *text)
{
  add_sent (sent, g_strdup (name), g_strdup (text));
}

char *
fita_form_executed_name (gint64 chapter_id)
{
  return g_strdup_printf ("executed %" G_GINT64_FORMAT, chapter_id);
}

GPtrArray *
fita_form_sent_values (FitaPlan *plan, FitaTableId table, gint64 id, gint64 year)
{
  GPtrArray *out = fita_form_sent_new ();

  if (table == FITA_TABLE_ITEM)
    {
      FitaItem *item = fita_plan_lookup (plan, FITA_TABLE_ITEM, id);
      FitaStatus *status = item && item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;
      FitaFollowup *followup = item ? fita_plan_find_followup (plan, item->rec.id, year) : NULL;
      GPtrArray *chapters = fita_plan_list (plan, FITA_TABLE_CHAPTER, 0);

      add_sent (out, g_strdup ("status"), g_strdup (status ? status->name : NULL));
      add_sent (out, g_strdup ("progress"), number_text (item ? item->progress_bp : FITA_NONE));
      for (guint c = 0; c < chapters->len; c++)
        {
          FitaChapter *chapter = g_ptr_array_index (chapters, c);
          add_sent (out, fita_form_executed_name (chapter->rec.id),
                    number_text (item ? executed_cents (plan, item, year, chapter->rec.id) : FITA_NONE));
        }
      add_sent (out, g_strdup ("execution"), g_strdup (followup ? followup->execution : NULL));
      add_sent (out, g_strdup ("strengths"), g_strdup (followup ? followup->strengths : NULL));
      add_sent (out, g_strdup ("weaknesses"), g_strdup (followup ? followup->weaknesses : NULL));
      add_sent (out, g_strdup ("next_steps"), g_strdup (followup ? followup->next_steps : NULL));
    }
  else
    {
      FitaIndicator *indicator = fita_plan_lookup (plan, FITA_TABLE_INDICATOR, id);
      FitaIndicatorValue *value = indicator ? fita_plan_find_indicator_value (plan, indicator->rec.id, year) : NULL;

      add_sent (out, g_strdup ("value"), g_strdup (value ? value->value : NULL));
    }
  return out;
}

char *
fita_form_tidy (const char *text)
{
  g_autofree char *nfc = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = nfc; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n')
        {
          /* a line end of any kind, the spaces before it and the blank
           * lines after it: writers and spreadsheets differ in them (a
           * "\r\n" comes back from an ODS as two paragraphs) */
          while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
            g_string_truncate (out, out->len - 1);
          while (p[1] == '\r' || p[1] == '\n' || p[1] == ' ' || p[1] == '\t')
            p++;
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_c (out, *p);
    }
  g_strstrip (out->str);
  if (out->str[0] == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

char *
fita_form_digest (const char *uuid, gint64 year, FitaTableId table, gint64 id,
                  const char *agent, const char *code, GPtrArray *sent)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *year_text = number_text (year);
  g_autofree char *id_text = number_text (id);
  g_autofree char *sum = NULL;

  append_field (out, "plan", uuid);
  append_field (out, "year", year_text);
  append_field (out, "table", fita_table (table)->name);
  append_field (out, "id", id_text);
  /* as a spreadsheet gives the texts back: a form is not "edited" by a
   * program that writes line ends or composed accents its own way */
  append_tidy (out, "agent", agent);
  append_tidy (out, "code", code);
  for (guint i = 0; i < sent->len; i++)
    {
      FitaFormSent *field = g_ptr_array_index (sent, i);
      append_tidy (out, field->name, field->text);
    }
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, out->str, out->len);
  return g_strndup (sum, DIGEST_LENGTH);
}

/* The code a row of the record shows: an item's own, an indicator's item's. */
static const char *
row_code (FitaPlan *plan, FitaTableId table, gint64 id)
{
  FitaItem *item = NULL;

  if (table == FITA_TABLE_ITEM)
    item = fita_plan_lookup (plan, FITA_TABLE_ITEM, id);
  else
    {
      FitaIndicator *indicator = fita_plan_lookup (plan, FITA_TABLE_INDICATOR, id);
      item = indicator ? fita_plan_lookup (plan, FITA_TABLE_ITEM, indicator->item_id) : NULL;
    }
  return item ? item->code : NULL;
}

char *
fita_forms_row_digest (FitaPlan *plan, const char *agent, FitaTableId table, gint64 id, gint64 year)
{
  g_autoptr(GPtrArray) sent = fita_form_sent_values (plan, table, id, year);

  return fita_form_digest (fita_plan_get_info (plan)->uuid, year, table, id, agent,
                           row_code (plan, table, id), sent);
}

/* Keys */

char *
fita_form_key_to_string (const FitaFormKey *key)
{
  return g_strdup_printf (KEY_PREFIX ";%s;%" G_GINT64_FORMAT ";%s;%" G_GINT64_FORMAT ";%s",
                          key->plan_uuid, key->year, fita_table (key->table)->name, key->id, key->digest);
}

static gboolean
parse_whole (const char *text, gint64 min, gint64 max, gint64 *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

FitaFormKey *
fita_form_key_parse (const char *text)
{
  g_auto(GStrv) parts = text ? g_strsplit (text, ";", -1) : NULL;
  g_autoptr(FitaFormKey) key = g_new0 (FitaFormKey, 1);

  if (parts == NULL || g_strv_length (parts) != 6 || !g_str_equal (parts[0], KEY_PREFIX) ||
      !g_uuid_string_is_valid (parts[1]) ||
      !parse_whole (parts[2], FITA_MIN_YEAR, FITA_MAX_YEAR, &key->year) ||
      !parse_whole (parts[4], 1, FITA_MAX_ID, &key->id) ||
      strlen (parts[5]) != DIGEST_LENGTH || strspn (parts[5], "0123456789abcdef") != DIGEST_LENGTH)
    return NULL;
  if (g_str_equal (parts[3], fita_table (FITA_TABLE_ITEM)->name))
    key->table = FITA_TABLE_ITEM;
  else if (g_str_equal (parts[3], fita_table (FITA_TABLE_INDICATOR)->name))
    key->table = FITA_TABLE_INDICATOR;
  else
    return NULL;
  key->plan_uuid = g_strdup (parts[1]);
  key->digest = g_strdup (parts[5]);
  return g_steal_pointer (&key);
}

void
fita_form_key_free (FitaFormKey *key)
{
  if (key == NULL)
    return;
  g_free (key->plan_uuid);
  g_free (key->digest);
  g_free (key);
}

/* The form */

guint
fita_form_row_lines (FitaFormSheet *sheet, int row)
{
  guint most = 1;

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      FitaFormColumn *column = &sheet->columns[c];
      double width = MAX (column->width, 1);
      const char *text = NULL;
      guint lines = 0;

      if (column->hidden)
        continue;
      if (row < 0)
        text = column->header;   /* headers wrap */
      else if (column->wrap && fita_form_cell (sheet, (guint) row, c)->kind == FITA_CELL_TEXT)
        text = fita_form_cell (sheet, (guint) row, c)->text;
      for (const char *start = text; start != NULL && lines < FITA_FORM_MAX_LINES; )
        {
          const char *end = strchr (start, '\n');
          glong length = g_utf8_strlen (start, end ? end - start : -1);
          lines += MAX (1, (guint) ceil (length / width));
          start = end ? end + 1 : NULL;
        }
      most = MAX (most, lines);
    }
  return MIN (most, FITA_FORM_MAX_LINES);
}

FitaExportCell *
fita_form_cell (FitaFormSheet *sheet, guint row, guint column)
{
  g_assert (row < sheet->n_rows && column < sheet->n_columns);
  return &sheet->cells[row * sheet->n_columns + column];
}

static void
sheet_init (FitaFormSheet *sheet, const char *name, guint n_columns, guint n_rows)
{
  sheet->name = name;
  sheet->n_columns = n_columns;
  sheet->columns = g_new0 (FitaFormColumn, n_columns);
  sheet->n_rows = n_rows;
  sheet->cells = g_new0 (FitaExportCell, (gsize) n_columns * MAX (n_rows, 1));
}

static void
set_column (FitaFormSheet *sheet, guint column, const char *header, double width, gboolean editable)
{
  sheet->columns[column].header = header;
  sheet->columns[column].width = width;
  sheet->columns[column].editable = editable;
}

static const char *
keep (FitaForm *form, const char *text)
{
  return text ? g_string_chunk_insert (form->strings, text) : NULL;
}

static const char *
keep_owned (FitaForm *form, char *text)
{
  const char *kept = keep (form, text);

  g_free (text);
  return kept;
}

static void
set_text (FitaForm *form, FitaFormSheet *sheet, guint row, guint column, const char *text)
{
  FitaExportCell *cell = fita_form_cell (sheet, row, column);

  if (text == NULL || *text == '\0')
    return;
  cell->kind = FITA_CELL_TEXT;
  cell->text = keep (form, text);
}

static void
set_cents (FitaFormSheet *sheet, guint row, guint column, gint64 cents)
{
  FitaExportCell *cell = fita_form_cell (sheet, row, column);

  if (cents == FITA_NONE)
    return;
  cell->kind = FITA_CELL_CENTS;
  cell->number = cents;
}

/* A number as it was typed, when it is one ("12.5"); otherwise text. */
static void
set_value (FitaForm *form, FitaFormSheet *sheet, guint row, guint column, const char *value)
{
  char *end = NULL;

  if (value == NULL || *value == '\0')
    return;
  g_ascii_strtod (value, &end);
  if (end != value && *end == '\0' && strspn (value, "-0123456789.") == strlen (value))
    {
      FitaExportCell *cell = fita_form_cell (sheet, row, column);
      cell->kind = FITA_CELL_DECIMAL;
      cell->text = keep (form, value);
    }
  else
    set_text (form, sheet, row, column, value);
}

/* hundredths of a percent as the percent people write: 8830 → "88.3" */
static const char *
percent_text (FitaForm *form, gint64 bp)
{
  /* a fraction of hundredths of a percent is the percent itself */
  return keep_owned (form, fita_export_fraction_text (bp * 100));
}

static const char *
key_text (FitaForm *form, FitaPlan *plan, FitaTableId table, gint64 id, gint64 year)
{
  g_autofree char *digest = fita_forms_row_digest (plan, form->agent, table, id, year);
  FitaFormKey key = { fita_plan_get_info (plan)->uuid, year, table, id, digest };

  return keep_owned (form, fita_form_key_to_string (&key));
}

static void
make_instructions (FitaForm *form, FitaPlan *plan, FitaAgent *agent, gint64 year, guint n_items)
{
  FitaTranslator *tr = form->translator;
  FitaFormSheet *sheet = &form->sheets[FITA_FORM_INSTRUCTIONS];
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autofree char *example = fita_money_format (470233, form->lang);
  const char *lines[] = {
    keep_owned (form, g_strdup_printf (T_(tr, "Plan: %s"), info->title ? info->title : "")),
    keep_owned (form, g_strdup_printf (T_(tr, "Year: %d"), (int) year)),
    keep_owned (form, g_strdup_printf (T_(tr, "Responsible: %s"), agent->name)),
    keep_owned (form, g_strdup_printf (TN_(tr, "This form holds the %u item your service is responsible for.",
                                           "This form holds the %u items your service is responsible for.", n_items),
                                       n_items)),
    "",
    keep_owned (form, g_strdup_printf (T_(tr, "On the sheet “%s”, fill in for each item how it stands at the end of %d"
                                              ": its status (choose it from the list), its percent done, the amount executed "
                                              "in %d in each budget chapter, and the follow-up texts "
                                              "(execution, strengths, weaknesses, next steps)."),
                                       form->sheets[FITA_FORM_ITEMS].name, (int) year, (int) year)),
    keep_owned (form, g_strdup_printf (T_(tr, "On the sheet “%s”, write each indicator's value for %d."),
                                       form->sheets[FITA_FORM_INDICATORS].name, (int) year)),
    T_(tr, "The cells hold the plan's current values: change only what has changed, and leave a cell empty when there is nothing to say."),
    "",
    T_(tr, "Percent: a number from 0 to 100, without the percent sign (e.g. 75)."),
    keep_owned (form, g_strdup_printf (T_(tr, "Amounts: in euros, as your spreadsheet writes numbers (e.g. %s)."), example)),
    "",
    T_(tr, "Do not change the grey columns, the order of the rows or the hidden key: they tie each row to its item in the plan. Do not add or delete rows."),
    T_(tr, "When you have finished, save the file in the same format and send it back to whoever sent it to you."),
  };

  sheet_init (sheet, T_(tr, "Instructions"), 1, G_N_ELEMENTS (lines));
  /* Translators: the header of the only column of an update form's instructions sheet */
  /* as wide as an A4 page in portrait holds */
  set_column (sheet, 0, keep (form, info->title ? info->title : T_(tr, "Update form")), 90, FALSE);
  sheet->columns[0].wrap = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    set_text (form, sheet, i, 0, lines[i]);
}

static void
make_items (FitaForm *form, FitaPlan *plan, GPtrArray *items, gint64 year)
{
  FitaTranslator *tr = form->translator;
  FitaFormSheet *sheet = &form->sheets[FITA_FORM_ITEMS];
  GPtrArray *chapters = fita_plan_list (plan, FITA_TABLE_CHAPTER, 0);
  guint n_columns = 5 + chapters->len + 4 + 1;
  guint c = 0;

  /* Translators: the name of the sheet of an update form that lists the items to fill in */
  sheet_init (sheet, T_(tr, "Items"), n_columns, items->len);
  set_column (sheet, c++, T_(tr, "Code"), 10, FALSE);
  set_column (sheet, c++, T_(tr, "Title"), 40, FALSE);
  sheet->columns[c - 1].wrap = TRUE;
  set_column (sheet, c++, T_(tr, "Level"), 14, FALSE);
  set_column (sheet, c++, keep_owned (form, g_strdup_printf (T_(tr, "Status %d"), (int) year)), 18, TRUE);
  sheet->columns[c - 1].statuses = TRUE;
  set_column (sheet, c++, keep_owned (form, g_strdup_printf (T_(tr, "Percent %d (0-100)"), (int) year)), 12, TRUE);
  for (guint i = 0; i < chapters->len; i++)
    {
      FitaChapter *chapter = g_ptr_array_index (chapters, i);
      /* Translators: a column of an update form: the amount executed in a year in a budget chapter */
      set_column (sheet, c++, keep_owned (form, g_strdup_printf (T_(tr, "Executed %d: %s"), (int) year, chapter->name)),
                  16, TRUE);
    }
  set_column (sheet, c++, T_(tr, "Execution"), 40, TRUE);
  set_column (sheet, c++, T_(tr, "Strengths"), 30, TRUE);
  set_column (sheet, c++, T_(tr, "Weaknesses"), 30, TRUE);
  set_column (sheet, c++, T_(tr, "Next steps"), 30, TRUE);
  for (guint i = c - 4; i < c; i++)
    sheet->columns[i].wrap = TRUE;
  /* Translators: the hidden column of an update form that ties each row to the plan */
  set_column (sheet, c++, T_(tr, "Key"), 20, FALSE);
  sheet->columns[c - 1].hidden = TRUE;
  g_assert (c == n_columns);

  for (guint r = 0; r < items->len; r++)
    {
      FitaItem *item = g_ptr_array_index (items, r);
      FitaLevel *level = item->level_id ? fita_plan_lookup (plan, FITA_TABLE_LEVEL, item->level_id) : NULL;
      FitaStatus *status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;
      FitaFollowup *followup = fita_plan_find_followup (plan, item->rec.id, year);

      c = 0;
      set_text (form, sheet, r, c++, item->code);
      set_text (form, sheet, r, c++, item->title);
      set_text (form, sheet, r, c++, level ? level->name : NULL);
      set_text (form, sheet, r, c++, status ? status->name : NULL);
      if (item->progress_bp != FITA_NONE)
        {
          FitaExportCell *cell = fita_form_cell (sheet, r, c);
          cell->kind = FITA_CELL_DECIMAL;
          cell->text = percent_text (form, item->progress_bp);
        }
      c++;
      for (guint i = 0; i < chapters->len; i++)
        set_cents (sheet, r, c++, executed_cents (plan, item, year, ((FitaChapter *) g_ptr_array_index (chapters, i))->rec.id));
      set_text (form, sheet, r, c++, followup ? followup->execution : NULL);
      set_text (form, sheet, r, c++, followup ? followup->strengths : NULL);
      set_text (form, sheet, r, c++, followup ? followup->weaknesses : NULL);
      set_text (form, sheet, r, c++, followup ? followup->next_steps : NULL);
      set_text (form, sheet, r, c++, key_text (form, plan, FITA_TABLE_ITEM, item->rec.id, year));
    }
}

static void
make_indicators (FitaForm *form, FitaPlan *plan, GPtrArray *items, gint64 year)
{
  FitaTranslator *tr = form->translator;
  FitaFormSheet *sheet = &form->sheets[FITA_FORM_INDICATORS];
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
  guint c = 0;

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_extend (indicators, fita_plan_list (plan, FITA_TABLE_INDICATOR, ((FitaItem *) g_ptr_array_index (items, i))->rec.id),
                        NULL, NULL);
  /* Translators: the name of the sheet of an update form with the indicators' values */
  sheet_init (sheet, T_(tr, "Indicators"), 6, indicators->len);
  set_column (sheet, c++, T_(tr, "Code"), 10, FALSE);
  set_column (sheet, c++, T_(tr, "Indicator"), 40, FALSE);
  sheet->columns[c - 1].wrap = TRUE;
  set_column (sheet, c++, T_(tr, "Unit"), 12, FALSE);
  set_column (sheet, c++, T_(tr, "Target"), 16, FALSE);
  set_column (sheet, c++, keep_owned (form, g_strdup_printf (T_(tr, "Value %d"), (int) year)), 14, TRUE);
  set_column (sheet, c++, T_(tr, "Key"), 20, FALSE);
  sheet->columns[c - 1].hidden = TRUE;

  for (guint r = 0; r < indicators->len; r++)
    {
      FitaIndicator *indicator = g_ptr_array_index (indicators, r);
      FitaItem *item = fita_plan_lookup (plan, FITA_TABLE_ITEM, indicator->item_id);
      FitaIndicatorValue *value = fita_plan_find_indicator_value (plan, indicator->rec.id, year);

      set_text (form, sheet, r, 0, item ? item->code : NULL);
      set_text (form, sheet, r, 1, indicator->name);
      set_text (form, sheet, r, 2, indicator->unit);
      set_text (form, sheet, r, 3, indicator->target);
      set_value (form, sheet, r, 4, value ? value->value : NULL);
      set_text (form, sheet, r, 5, key_text (form, plan, FITA_TABLE_INDICATOR, indicator->rec.id, year));
    }
}

/* The hidden sheet: for each keyed row, its sheet, its row number and its
 * key, so that a merge can tell a row moved or deleted from one left in
 * place; the agent and code it was sent for; and each field's value as
 * sent (as text: a status's name, hundredths of a percent, cents, the
 * text), so that a merge can tell a change made in the form from one made
 * in the plan since (docs/YEARS.md). The key's digest covers all of them.
 * The columns are named by the program, in every language: a merge finds
 * them by their names. */
static void
make_key (FitaForm *form, FitaPlan *plan, gint64 year)
{
  FitaFormSheet *sheet = &form->sheets[FITA_FORM_KEY];
  FitaFormSheetId keyed[] = { FITA_FORM_ITEMS, FITA_FORM_INDICATORS };
  g_autoptr(GPtrArray) names = fita_form_sent_values (plan, FITA_TABLE_ITEM, 0, year);
  guint n_rows = 0, r = 0, n_columns;

  for (guint k = 0; k < G_N_ELEMENTS (keyed); k++)
    n_rows += form->sheets[keyed[k]].n_rows;
  n_columns = FITA_FORM_KEY_N_FIXED + names->len + 1;
  /* the sheet's name is the program's, in every language: a merge finds it by it */
  sheet_init (sheet, FITA_FORM_KEY_SHEET, n_columns, n_rows);
  sheet->hidden = TRUE;
  set_column (sheet, 0, "sheet", 16, FALSE);
  set_column (sheet, 1, "row", 6, FALSE);
  set_column (sheet, 2, "key", 60, FALSE);
  set_column (sheet, 3, "agent", 20, FALSE);
  set_column (sheet, 4, "code", 10, FALSE);
  for (guint i = 0; i < names->len; i++)
    set_column (sheet, FITA_FORM_KEY_N_FIXED + i, keep (form, ((FitaFormSent *) g_ptr_array_index (names, i))->name), 12, FALSE);
  set_column (sheet, n_columns - 1, "value", 12, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (keyed); k++)
    {
      FitaFormSheet *from = &form->sheets[keyed[k]];
      for (guint i = 0; i < from->n_rows; i++, r++)
        {
          FitaExportCell *cell = fita_form_cell (sheet, r, 1);
          const char *key_text = fita_form_cell (from, i, from->n_columns - 1)->text;
          g_autoptr(FitaFormKey) key = fita_form_key_parse (key_text);
          g_autoptr(GPtrArray) sent = fita_form_sent_values (plan, key->table, key->id, year);

          set_text (form, sheet, r, 0, from->name);
          cell->kind = FITA_CELL_INTEGER;
          cell->number = i + 2;   /* as spreadsheets number rows, below the header */
          set_text (form, sheet, r, 2, key_text);
          set_text (form, sheet, r, 3, form->agent);
          set_text (form, sheet, r, 4, row_code (plan, key->table, key->id));
          for (guint f = 0; f < sent->len; f++)
            {
              FitaFormSent *field = g_ptr_array_index (sent, f);
              guint column = key->table == FITA_TABLE_ITEM ? FITA_FORM_KEY_N_FIXED + f : n_columns - 1;
              set_text (form, sheet, r, column, field->text);
            }
        }
    }
}

FitaForm *
fita_form_new (FitaPlan *plan, FitaAgent *agent, gint64 year)
{
  FitaForm *form = g_new0 (FitaForm, 1);
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autoptr(GPtrArray) items = fita_forms_items (plan, agent);
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  const char **names = g_new0 (const char *, statuses->len + 1);

  form->translator = fita_translator_new (info->language);
  form->lang = fita_translator_get_lang (form->translator);
  form->strings = g_string_chunk_new (4096);
  form->owned = g_ptr_array_new_with_free_func (g_free);
  form->title = keep (form, info->title);
  form->agent = keep (form, agent->name);
  for (guint i = 0; i < statuses->len; i++)
    names[i] = keep (form, ((FitaStatus *) g_ptr_array_index (statuses, i))->name);
  form->statuses = names;
  g_ptr_array_add (form->owned, names);

  /* the items' and indicators' sheets first: the instructions name them */
  make_items (form, plan, items, year);
  make_indicators (form, plan, items, year);
  make_instructions (form, plan, agent, year, items->len);
  make_key (form, plan, year);
  return form;
}

void
fita_form_free (FitaForm *form)
{
  if (form == NULL)
    return;
  for (guint s = 0; s < FITA_FORM_N_SHEETS; s++)
    {
      g_free (form->sheets[s].columns);
      g_free (form->sheets[s].cells);
    }
  g_clear_pointer (&form->translator, fita_translator_unref);
  g_string_chunk_free (form->strings);
  g_ptr_array_unref (form->owned);
  g_free (form);
}

gboolean
fita_forms_check_year (FitaPlan *plan, gint64 year, GError **error)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);

  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);

  if (year < FITA_MIN_YEAR || year > FITA_MAX_YEAR)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, year);
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("%s is not a year Fita can follow up; give one from %d to %d."),
                   number, FITA_MIN_YEAR, FITA_MAX_YEAR);
      return FALSE;
    }
  if ((info->period_start != FITA_NONE && year < info->period_start) ||
      (info->period_end != FITA_NONE && year > info->period_end))
    {
      g_autofree char *period = fita_plan_format_period (plan);
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   /* Translators: %d is a year, %s the plan's period, e.g. "2019–2026" */
                   _("%d is outside the plan's period (%s): make the forms for one of its years."),
                   (int) year, period);
      return FALSE;
    }
  if (fita_plan_is_year_closed (plan, year))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("%d is closed: its figures can no longer change, so no answer could be merged. "
                     "Make the forms for the year followed up, or reopen %d first."),
                   (int) year, (int) year);
      return FALSE;
    }
  return TRUE;
}

gboolean
fita_forms_write (FitaPlan *plan, FitaAgent *agent, gint64 year, FitaFormsFormat format,
                  const char *path, const char *input, GError **error)
{
  g_autoptr(FitaForm) form = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (agent != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  items = fita_forms_items (plan, agent);
  if (items->len == 0)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“%s” is responsible for no item of the plan: there is no form to make for it."), agent->name);
      return FALSE;
    }
  if (!fita_forms_check_year (plan, year, error))
    return FALSE;
  form = fita_form_new (plan, agent, year);
  return format == FITA_FORMS_XLSX ? fita_form_write_xlsx (form, path, input, error)
                                   : fita_form_write_ods (form, path, input, error);
}
