/* fita-merge-values.c: what a cell of a filled form means: a status, a
 * percent, an amount, a text or an indicator's value, read as Fita reads
 * them anywhere else and checked by the plan's own rules (fita-validate.c);
 * and the values as people read them. */
#include "config.h"
#include "fita-merge-private.h"

#include "fita-cell.h"
#include "fita-forms-private.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

gboolean
fita_merge_same (const char *a, const char *b)
{
  g_autofree char *ta = fita_form_tidy (a);
  g_autofree char *tb = fita_form_tidy (b);

  return g_strcmp0 (ta, tb) == 0;
}

/* A number as the sheet readers write one: "4702.33", "-12". */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return *p == '\0';
}

static const FitaField *
field_of (FitaTableId table, const char *name)
{
  const FitaTable *t = fita_table (table);
  int index = fita_table_field_index (t, name);

  g_assert (index >= 0);
  return &t->fields[index];
}

static FitaStatus *
find_status (FitaPlan *plan, const char *name)
{
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  g_autofree char *folded = fita_cell_fold (name);

  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((FitaStatus *) g_ptr_array_index (statuses, i))->name, name))
      return g_ptr_array_index (statuses, i);
  for (guint i = 0; i < statuses->len; i++)
    {
      g_autofree char *other = fita_cell_fold (((FitaStatus *) g_ptr_array_index (statuses, i))->name);
      if (g_str_equal (other, folded))
        return g_ptr_array_index (statuses, i);
    }
  return NULL;
}

static char *
status_list (FitaPlan *plan)
{
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, ((FitaStatus *) g_ptr_array_index (statuses, i))->name);
    }
  return g_string_free (out, FALSE);
}

void
fita_merge_field_info_clear (FitaMergeFieldInfo *f)
{
  g_free (f->key);
  g_free (f->label);
}

gboolean
fita_merge_field_info (FitaPlan *plan, FitaTableId table, gint64 id, const char *name, FitaMergeFieldInfo *f)
{
  static const struct { const char *name; const char *label; } texts[] = {
    { "execution", N_("Execution") }, { "strengths", N_("Strengths") },
    { "weaknesses", N_("Weaknesses") }, { "next_steps", N_("Next steps") },
  };

  memset (f, 0, sizeof *f);
  if (table == FITA_TABLE_INDICATOR)
    {
      FitaIndicator *indicator = fita_plan_lookup (plan, FITA_TABLE_INDICATOR, id);
      f->kind = FITA_MERGE_VALUE;
      f->key = g_strdup_printf ("indicator:%s", indicator->name ? indicator->name : "");
      /* Translators: a field a merged form changes: an indicator's value */
      f->label = g_strdup_printf (_("Indicator: %s"), indicator->name ? indicator->name : "");
      return TRUE;
    }
  if (g_str_equal (name, "status"))
    {
      f->kind = FITA_MERGE_STATUS;
      f->key = g_strdup ("status");
      f->label = g_strdup (_("Status"));
      return TRUE;
    }
  if (g_str_equal (name, "progress"))
    {
      f->kind = FITA_MERGE_PROGRESS;
      f->key = g_strdup ("progress");
      f->label = g_strdup (_("Percent"));
      return TRUE;
    }
  if (g_str_has_prefix (name, "executed "))
    {
      guint64 chapter_id;
      FitaChapter *chapter;

      if (!g_ascii_string_to_unsigned (name + strlen ("executed "), 10, 1, FITA_MAX_ID, &chapter_id, NULL))
        return FALSE;
      chapter = fita_plan_lookup (plan, FITA_TABLE_CHAPTER, (gint64) chapter_id);
      f->kind = FITA_MERGE_EXECUTED;
      f->chapter_id = (gint64) chapter_id;
      f->key = g_strdup_printf ("executed:%s", chapter ? chapter->name : "");
      /* Translators: a field a merged form changes: the amount executed in a budget chapter */
      f->label = g_strdup_printf (_("Executed: %s"), chapter ? chapter->name : "");
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (name, texts[i].name))
      {
        f->kind = FITA_MERGE_FOLLOWUP;
        f->text_field = texts[i].name;
        f->key = g_strdup (texts[i].name);
        f->label = g_strdup (_(texts[i].label));
        return TRUE;
      }
  return FALSE;
}

/* A text as written in a cell: NFC, "\n" line ends, no white space
 * around. */
static char *
paragraphs (const char *cell)
{
  g_autofree char *nfc = g_utf8_normalize (cell, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfc ? nfc : ""; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
    }
  g_strstrip (out->str);
  return g_string_free (out, FALSE);
}

gboolean
fita_merge_parse_cell (FitaPlan *plan, const char *lang, const FitaMergeFieldInfo *f, const char *cell,
                       char **canonical, FitaMergeTarget *target, char **reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fita_form_tidy (cell);

  target->kind = f->kind;
  target->chapter_id = f->chapter_id;
  target->text_field = f->text_field;
  target->number = FITA_NONE;
  target->text = NULL;
  *canonical = NULL;
  switch (f->kind)
    {
    case FITA_MERGE_STATUS:
      {
        FitaStatus *status = text ? find_status (plan, text) : NULL;
        if (text != NULL && status == NULL)
          {
            g_autofree char *list = status_list (plan);
            *reason = g_strdup_printf (_("“%s” is not one of the plan’s statuses (%s): choose one from the list."), text, list);
            return FALSE;
          }
        target->number = status ? status->rec.id : 0;
        *canonical = g_strdup (status ? status->name : NULL);
        return TRUE;
      }
    case FITA_MERGE_PROGRESS:
      if (text != NULL)
        {
          if (!fita_percent_parse_hundredths (text, &target->number, &error) ||
              !fita_field_validate (field_of (FITA_TABLE_ITEM, "progress"), target->number, NULL, &error))
            {
              *reason = g_strdup (error->message);
              return FALSE;
            }
          *canonical = g_strdup_printf ("%" G_GINT64_FORMAT, target->number);
        }
      return TRUE;
    case FITA_MERGE_EXECUTED:
      if (text != NULL)
        {
          if (fita_plan_lookup (plan, FITA_TABLE_CHAPTER, f->chapter_id) == NULL)
            {
              *reason = g_strdup (_("This budget chapter is no longer in the plan: make a new form."));
              return FALSE;
            }
          /* a number cell comes as "4702.33"; text typed as a person writes it */
          if (!fita_money_parse (text, is_plain_number (text) ? "en" : lang, &target->number, &error) ||
              !fita_field_validate (field_of (FITA_TABLE_BUDGET_LINE, "executed_cents"), target->number, NULL, &error))
            {
              *reason = g_strdup (error->message);
              return FALSE;
            }
          *canonical = target->number == FITA_NONE ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, target->number);
        }
      return TRUE;
    case FITA_MERGE_FOLLOWUP:
      {
        /* kept as written, paragraphs and all; compared tidied */
        g_autofree char *written = text != NULL ? paragraphs (cell) : NULL;
        if (written != NULL && !fita_field_validate (field_of (FITA_TABLE_FOLLOWUP, f->text_field), 0, written, &error))
          {
            *reason = g_strdup (error->message);
            return FALSE;
          }
        target->text = g_strdup (written);
        *canonical = g_steal_pointer (&written);
        return TRUE;
      }
    case FITA_MERGE_VALUE:
      if (text != NULL)
        {
          g_autofree char *value = NULL;
          gboolean pending = FALSE;
          if (!fita_cell_parse_indicator_value (text, is_plain_number (text) ? "en" : lang, &value, &pending, &error) ||
              pending || value == NULL ||
              !fita_field_validate (field_of (FITA_TABLE_INDICATOR_VALUE, "value"), 0, value, &error))
            {
              *reason = error ? g_strdup (error->message)
                              : g_strdup_printf (_("“%s” is not a number: write the indicator’s value, or leave the cell empty."), text);
              return FALSE;
            }
          target->text = g_strdup (value);
          *canonical = g_steal_pointer (&value);
        }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

char *
fita_merge_display (const char *lang, FitaMergeKind kind, const char *canonical)
{
  g_autofree char *text = fita_form_tidy (canonical);
  gint64 number;

  if (text == NULL)
    return NULL;
  if (kind == FITA_MERGE_PROGRESS || kind == FITA_MERGE_EXECUTED)
    {
      if (!g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, &number, NULL))
        return g_steal_pointer (&text);
      return kind == FITA_MERGE_PROGRESS ? fita_percent_format_hundredths (number, -1, lang)
                                         : fita_money_format (number, lang);
    }
  return paragraphs (canonical);
}

