#include "config.h"
#include "fita-schema.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char * const fita_progress_rule_keywords[] = { "children", "leaves", "weighted", NULL };
const char * const fita_missing_rule_keywords[] = { "skip", "zero", NULL };
const char * const fita_agent_kind_keywords[] = { "organisation", "body", "service", "person", "group", NULL };
const char * const fita_role_keywords[] = { "defines", "executes", "supports", "other", NULL };
const char * const fita_indicator_kind_keywords[] = { "result", "impact", NULL };

#define ID(S)             { "id", FITA_FIELD_ID, offsetof (S, rec.id), 0, NULL, 0, 0 }
#define OWNER(S, m, T, f) { #m, FITA_FIELD_OWNER, offsetof (S, m), T, NULL, 0, f }
#define POSITION(S)       { "position", FITA_FIELD_POSITION, offsetof (S, position), 0, NULL, 0, 0 }
#define REF(S, m, T)      { #m, FITA_FIELD_REF, offsetof (S, m), T, NULL, 0, 0 }
#define INT(S, m)         { #m, FITA_FIELD_INT, offsetof (S, m), 0, NULL, FITA_NONE, 0 }
#define INT_D(S, m, d)    { #m, FITA_FIELD_INT, offsetof (S, m), 0, NULL, d, 0 }
#define CENTS(S, m)       { #m, FITA_FIELD_CENTS, offsetof (S, m), 0, NULL, FITA_NONE, 0 }
#define BOOL(S, m)        { #m, FITA_FIELD_BOOL, offsetof (S, m), 0, NULL, 0, 0 }
#define ENUM(S, m, k)     { #m, FITA_FIELD_ENUM, offsetof (S, m), 0, k, 0, 0 }
#define TEXT(S, m)        { #m, FITA_FIELD_TEXT, offsetof (S, m), 0, NULL, 0, 0 }
#define TEXT_R(S, m)      { #m, FITA_FIELD_TEXT, offsetof (S, m), 0, NULL, 0, FITA_FIELD_REQUIRED }
#define SEMESTERS(S, m)   { #m, FITA_FIELD_SEMESTERS, offsetof (S, m), 0, NULL, 0, 0 }

static const FitaField plan_fields[] = {
  ID (FitaPlanInfo),
  TEXT_R (FitaPlanInfo, title),
  TEXT (FitaPlanInfo, organisation),
  TEXT (FitaPlanInfo, description),
  INT (FitaPlanInfo, period_start),
  INT (FitaPlanInfo, period_end),
  INT (FitaPlanInfo, followed_year),
  TEXT (FitaPlanInfo, followup_period),
  TEXT (FitaPlanInfo, report_date),
  TEXT (FitaPlanInfo, language),
  ENUM (FitaPlanInfo, progress_rule, fita_progress_rule_keywords),
  ENUM (FitaPlanInfo, progress_missing, fita_missing_rule_keywords),
  INT_D (FitaPlanInfo, progress_decimals, 0),
  TEXT (FitaPlanInfo, uuid),
};

static const FitaField level_fields[] = {
  ID (FitaLevel), POSITION (FitaLevel),
  TEXT_R (FitaLevel, name),
  INT_D (FitaLevel, depth, 0),
  TEXT (FitaLevel, description),
};

static const FitaField status_fields[] = {
  ID (FitaStatus), POSITION (FitaStatus),
  TEXT_R (FitaStatus, name),
  INT (FitaStatus, percent),
  TEXT (FitaStatus, colour),
  TEXT (FitaStatus, description),
};

static const FitaField chapter_fields[] = {
  ID (FitaChapter), POSITION (FitaChapter),
  TEXT_R (FitaChapter, name),
  TEXT (FitaChapter, description),
};

static const FitaField agent_fields[] = {
  ID (FitaAgent),
  OWNER (FitaAgent, parent_id, FITA_TABLE_AGENT, FITA_FIELD_OPTIONAL_OWNER),
  POSITION (FitaAgent),
  TEXT_R (FitaAgent, name),
  ENUM (FitaAgent, kind, fita_agent_kind_keywords),
  TEXT (FitaAgent, description),
};

static const FitaField agent_function_fields[] = {
  ID (FitaAgentFunction),
  OWNER (FitaAgentFunction, agent_id, FITA_TABLE_AGENT, 0),
  POSITION (FitaAgentFunction),
  TEXT_R (FitaAgentFunction, text),
};

static const FitaField agent_member_fields[] = {
  ID (FitaAgentMember),
  OWNER (FitaAgentMember, agent_id, FITA_TABLE_AGENT, 0),
  POSITION (FitaAgentMember),
  TEXT_R (FitaAgentMember, name),
  TEXT (FitaAgentMember, role),
};

static const FitaField item_fields[] = {
  ID (FitaItem),
  OWNER (FitaItem, parent_id, FITA_TABLE_ITEM, FITA_FIELD_OPTIONAL_OWNER),
  POSITION (FitaItem),
  TEXT (FitaItem, code),
  TEXT (FitaItem, title),
  REF (FitaItem, level_id, FITA_TABLE_LEVEL),
  TEXT (FitaItem, description),
  REF (FitaItem, status_id, FITA_TABLE_STATUS),
  /* kept exactly, in hundredths: councils publish "88,3 %" */
  { "progress", FITA_FIELD_INT, offsetof (FitaItem, progress_bp), 0, NULL, FITA_NONE, FITA_FIELD_HUNDREDTHS },
  INT_D (FitaItem, weight, 1),
  INT (FitaItem, start_year),
  INT (FitaItem, end_year),
  TEXT (FitaItem, start_date),
  TEXT (FitaItem, end_date),
  SEMESTERS (FitaItem, semesters),
  TEXT (FitaItem, other_services),
  TEXT (FitaItem, notes),
  CENTS (FitaItem, planned_total_cents),
};

static const FitaField responsibility_fields[] = {
  ID (FitaResponsibility),
  OWNER (FitaResponsibility, item_id, FITA_TABLE_ITEM, 0),
  POSITION (FitaResponsibility),
  REF (FitaResponsibility, agent_id, FITA_TABLE_AGENT),
  ENUM (FitaResponsibility, role, fita_role_keywords),
  TEXT (FitaResponsibility, note),
};

static const FitaField budget_line_fields[] = {
  ID (FitaBudgetLine),
  OWNER (FitaBudgetLine, item_id, FITA_TABLE_ITEM, 0),
  POSITION (FitaBudgetLine),
  INT (FitaBudgetLine, year),
  REF (FitaBudgetLine, chapter_id, FITA_TABLE_CHAPTER),
  CENTS (FitaBudgetLine, planned_cents),
  CENTS (FitaBudgetLine, executed_cents),
};

static const FitaField indicator_fields[] = {
  ID (FitaIndicator),
  OWNER (FitaIndicator, item_id, FITA_TABLE_ITEM, 0),
  POSITION (FitaIndicator),
  ENUM (FitaIndicator, kind, fita_indicator_kind_keywords),
  TEXT_R (FitaIndicator, name),
  TEXT (FitaIndicator, unit),
  TEXT (FitaIndicator, target),
  BOOL (FitaIndicator, pending),
  TEXT (FitaIndicator, observations),
};

static const FitaField indicator_value_fields[] = {
  ID (FitaIndicatorValue),
  OWNER (FitaIndicatorValue, indicator_id, FITA_TABLE_INDICATOR, 0),
  POSITION (FitaIndicatorValue),
  INT (FitaIndicatorValue, year),
  TEXT (FitaIndicatorValue, value),
  TEXT (FitaIndicatorValue, observations),
};

static const FitaField followup_fields[] = {
  ID (FitaFollowup),
  OWNER (FitaFollowup, item_id, FITA_TABLE_ITEM, FITA_FIELD_OPTIONAL_OWNER),
  POSITION (FitaFollowup),
  INT (FitaFollowup, year),
  TEXT (FitaFollowup, execution),
  TEXT (FitaFollowup, strengths),
  TEXT (FitaFollowup, weaknesses),
  TEXT (FitaFollowup, other),
  TEXT (FitaFollowup, adjustments),
  TEXT (FitaFollowup, next_steps),
};

static const FitaField link_fields[] = {
  ID (FitaLink),
  OWNER (FitaLink, item_id, FITA_TABLE_ITEM, 0),
  POSITION (FitaLink),
  TEXT (FitaLink, title),
  TEXT_R (FitaLink, url),
};

static const FitaField process_fields[] = {
  ID (FitaProcess), POSITION (FitaProcess),
  TEXT_R (FitaProcess, name),
  TEXT (FitaProcess, description),
  TEXT (FitaProcess, problem),
  TEXT (FitaProcess, objectives),
  REF (FitaProcess, state_id, FITA_TABLE_STATUS),
  TEXT (FitaProcess, start_date),
  TEXT (FitaProcess, end_date),
  TEXT (FitaProcess, budget_note),
};

static const FitaField process_phase_fields[] = {
  ID (FitaProcessPhase),
  OWNER (FitaProcessPhase, process_id, FITA_TABLE_PROCESS, 0),
  POSITION (FitaProcessPhase),
  TEXT_R (FitaProcessPhase, name),
  TEXT (FitaProcessPhase, start_date),
  TEXT (FitaProcessPhase, end_date),
  TEXT (FitaProcessPhase, description),
};

static const FitaField process_dimension_fields[] = {
  ID (FitaProcessDimension),
  OWNER (FitaProcessDimension, process_id, FITA_TABLE_PROCESS, 0),
  POSITION (FitaProcessDimension),
  TEXT_R (FitaProcessDimension, name),
  INT (FitaProcessDimension, sessions),
  INT (FitaProcessDimension, participants),
  INT (FitaProcessDimension, contributions),
  INT (FitaProcessDimension, proposals),
};

static const FitaField process_count_fields[] = {
  ID (FitaProcessCount),
  OWNER (FitaProcessCount, process_id, FITA_TABLE_PROCESS, 0),
  POSITION (FitaProcessCount),
  TEXT_R (FitaProcessCount, label),
  INT (FitaProcessCount, count),
  TEXT (FitaProcessCount, unit),
};

static const FitaField process_actor_fields[] = {
  ID (FitaProcessActor),
  OWNER (FitaProcessActor, process_id, FITA_TABLE_PROCESS, 0),
  POSITION (FitaProcessActor),
  REF (FitaProcessActor, agent_id, FITA_TABLE_AGENT),
};

static const FitaField year_closure_fields[] = {
  ID (FitaYearClosure),
  INT (FitaYearClosure, year),
  TEXT_R (FitaYearClosure, closed_at),
  TEXT (FitaYearClosure, closed_by),
  { "snapshot", FITA_FIELD_TEXT, offsetof (FitaYearClosure, snapshot), 0, NULL, 0,
    FITA_FIELD_REQUIRED | FITA_FIELD_DOCUMENT },
};

#define TABLE(ID_, name_, key_, self_, S, fields_) \
  { ID_, name_, key_, self_, sizeof (S), fields_, G_N_ELEMENTS (fields_), -1, -1, -1 }

static FitaTable tables[FITA_N_TABLES] = {
  TABLE (FITA_TABLE_PLAN, "plan", "plan", NULL, FitaPlanInfo, plan_fields),
  TABLE (FITA_TABLE_LEVEL, "level", "levels", NULL, FitaLevel, level_fields),
  TABLE (FITA_TABLE_STATUS, "status", "statuses", NULL, FitaStatus, status_fields),
  TABLE (FITA_TABLE_CHAPTER, "chapter", "chapters", NULL, FitaChapter, chapter_fields),
  TABLE (FITA_TABLE_AGENT, "agent", "agents", "groups", FitaAgent, agent_fields),
  TABLE (FITA_TABLE_AGENT_FUNCTION, "agent_function", "functions", NULL, FitaAgentFunction, agent_function_fields),
  TABLE (FITA_TABLE_AGENT_MEMBER, "agent_member", "members", NULL, FitaAgentMember, agent_member_fields),
  TABLE (FITA_TABLE_ITEM, "item", "items", "children", FitaItem, item_fields),
  TABLE (FITA_TABLE_RESPONSIBILITY, "responsibility", "responsibilities", NULL, FitaResponsibility, responsibility_fields),
  TABLE (FITA_TABLE_BUDGET_LINE, "budget_line", "budget", NULL, FitaBudgetLine, budget_line_fields),
  TABLE (FITA_TABLE_INDICATOR, "indicator", "indicators", NULL, FitaIndicator, indicator_fields),
  TABLE (FITA_TABLE_INDICATOR_VALUE, "indicator_value", "values", NULL, FitaIndicatorValue, indicator_value_fields),
  TABLE (FITA_TABLE_FOLLOWUP, "followup", "followups", NULL, FitaFollowup, followup_fields),
  TABLE (FITA_TABLE_LINK, "link", "links", NULL, FitaLink, link_fields),
  TABLE (FITA_TABLE_PROCESS, "process", "processes", NULL, FitaProcess, process_fields),
  TABLE (FITA_TABLE_PROCESS_PHASE, "process_phase", "phases", NULL, FitaProcessPhase, process_phase_fields),
  TABLE (FITA_TABLE_PROCESS_DIMENSION, "process_dimension", "dimensions", NULL, FitaProcessDimension, process_dimension_fields),
  TABLE (FITA_TABLE_PROCESS_COUNT, "process_count", "counts", NULL, FitaProcessCount, process_count_fields),
  TABLE (FITA_TABLE_PROCESS_ACTOR, "process_actor", "actors", NULL, FitaProcessActor, process_actor_fields),
  TABLE (FITA_TABLE_YEAR_CLOSURE, "year_closure", "year_closures", NULL, FitaYearClosure, year_closure_fields),
};

const FitaTable *
fita_table (FitaTableId id)
{
  static gsize initialised = 0;

  g_return_val_if_fail (id < FITA_N_TABLES, NULL);

  if (g_once_init_enter (&initialised))
    {
      for (guint t = 0; t < FITA_N_TABLES; t++)
        for (guint f = 0; f < tables[t].n_fields; f++)
          {
            const FitaField *field = &tables[t].fields[f];
            if (field->type == FITA_FIELD_OWNER)
              tables[t].owner_field = f;
            else if (field->type == FITA_FIELD_POSITION)
              tables[t].position_field = f;
          }
      /* Records that others refer to are named uniquely: that name is how
       * references read in JSON and in the interface. */
      for (guint t = 0; t < FITA_N_TABLES; t++)
        for (guint f = 0; f < tables[t].n_fields; f++)
          if (tables[t].fields[f].type == FITA_FIELD_REF)
            {
              FitaTable *target = &tables[tables[t].fields[f].ref];
              for (guint g = 0; g < target->n_fields; g++)
                if (g_str_equal (target->fields[g].name, "name"))
                  target->name_field = g;
            }
      g_once_init_leave (&initialised, 1);
    }

  return &tables[id];
}

static const char * const nouns[FITA_N_TABLES] = {
    /* Translators: kinds of records, in messages about a damaged plan
     * ("the status 3 does not exist") */
    N_("plan"), N_("level"), N_("status"), N_("budget chapter"), N_("agent"), N_("function of an agent"),
    N_("member of an agent"), N_("item"), N_("responsibility"), N_("budget line"), N_("indicator"),
    N_("indicator value"), N_("follow-up"), N_("link"), N_("participatory process"), N_("phase"),
    N_("dimension"), N_("count"), N_("actor"), N_("year closure"),
};

const char *
fita_table_noun (FitaTableId id)
{
  g_return_val_if_fail (id < FITA_N_TABLES, "");
  return _(nouns[id]);
}

int
fita_table_field_index (const FitaTable *table, const char *name)
{
  for (guint f = 0; f < table->n_fields; f++)
    if (g_str_equal (table->fields[f].name, name))
      return f;
  return -1;
}

gint64
fita_keyword_index (const char * const *keywords, const char *word)
{
  for (gint64 i = 0; keywords[i] != NULL; i++)
    if (word != NULL && g_str_equal (keywords[i], word))
      return i;
  return -1;
}

gboolean
fita_field_is_text (const FitaField *field)
{
  return field->type == FITA_FIELD_TEXT || field->type == FITA_FIELD_SEMESTERS;
}

gint64
fita_record_get_int (gconstpointer record, const FitaField *field)
{
  g_assert (!fita_field_is_text (field));
  return *(const gint64 *) ((const char *) record + field->offset);
}

const char *
fita_record_get_text (gconstpointer record, const FitaField *field)
{
  g_assert (fita_field_is_text (field));
  return *(char * const *) ((const char *) record + field->offset);
}

void
fita_record_set_int (gpointer record, const FitaField *field, gint64 value)
{
  g_assert (!fita_field_is_text (field));
  *(gint64 *) ((char *) record + field->offset) = value;
}

void
fita_record_set_text (gpointer record, const FitaField *field, const char *value)
{
  char **slot = (char **) ((char *) record + field->offset);

  g_assert (fita_field_is_text (field));
  if (*slot == value)
    return;
  g_free (*slot);
  /* Empty text and no text are the same thing: keep one representation. */
  *slot = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
}

gint64
fita_record_owner (gconstpointer record)
{
  const FitaTable *table = fita_table (((const FitaRecord *) record)->table);

  if (table->owner_field < 0)
    return 0;
  return fita_record_get_int (record, &table->fields[table->owner_field]);
}

gint64
fita_record_position (gconstpointer record)
{
  const FitaTable *table = fita_table (((const FitaRecord *) record)->table);

  if (table->position_field < 0)
    return 0;
  return fita_record_get_int (record, &table->fields[table->position_field]);
}

gpointer
fita_record_new (FitaTableId table_id, gint64 id)
{
  const FitaTable *table = fita_table (table_id);
  FitaRecord *record = g_malloc0 (table->size);

  record->table = table_id;
  record->id = id;
  for (guint f = 0; f < table->n_fields; f++)
    {
      const FitaField *field = &table->fields[f];
      switch (field->type)
        {
        case FITA_FIELD_INT:
        case FITA_FIELD_CENTS:
        case FITA_FIELD_BOOL:
        case FITA_FIELD_ENUM:
          fita_record_set_int (record, field, field->default_value);
          break;
        case FITA_FIELD_ID:
        case FITA_FIELD_OWNER:
        case FITA_FIELD_POSITION:
        case FITA_FIELD_REF:
        case FITA_FIELD_TEXT:
        case FITA_FIELD_SEMESTERS:
          break;
        }
    }
  return record;
}

gpointer
fita_record_copy (gconstpointer source)
{
  const FitaTable *table = fita_table (((const FitaRecord *) source)->table);
  gpointer copy = g_memdup2 (source, table->size);

  for (guint f = 0; f < table->n_fields; f++)
    if (fita_field_is_text (&table->fields[f]))
      {
        char **slot = (char **) ((char *) copy + table->fields[f].offset);
        *slot = g_strdup (*slot);
      }
  return copy;
}

void
fita_record_free (gpointer record)
{
  const FitaTable *table;

  if (record == NULL)
    return;
  table = fita_table (((FitaRecord *) record)->table);
  for (guint f = 0; f < table->n_fields; f++)
    if (fita_field_is_text (&table->fields[f]))
      g_free (*(char **) ((char *) record + table->fields[f].offset));
  g_free (record);
}

/* Semesters: "2017-1 2017-2 2018-1", sorted, unique. */

static gboolean
parse_semester (const char *word, int *year, int *half)
{
  char *end = NULL;
  gint64 y = g_ascii_strtoll (word, &end, 10);

  if (end == word || end[0] != '-' || (end[1] != '1' && end[1] != '2') || end[2] != '\0')
    return FALSE;
  if (y < FITA_MIN_YEAR || y > FITA_MAX_YEAR)
    return FALSE;
  *year = (int) y;
  *half = end[1] - '0';
  return TRUE;
}

gboolean
fita_semesters_validate (const char *semesters, GError **error)
{
  g_auto(GStrv) words = NULL;

  if (semesters == NULL)
    return TRUE;
  words = g_strsplit (semesters, " ", -1);
  for (guint i = 0, previous = 0; words[i] != NULL; i++)
    {
      int year, half;
      if (!parse_semester (words[i], &year, &half))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                       /* Translators: a half-year of a plan's calendar, "2018-1" = 1st semester 2018 */
                       _("“%s” is not a semester; write YEAR-1 or YEAR-2, e.g. 2018-1"),
                       words[i]);
          return FALSE;
        }
      /* kept sorted and once each, so that a list reads and compares alike */
      if ((guint) (year * 2 + half) <= previous)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                       _("The semesters are out of order or repeated at “%s”; list each once, from the earliest."),
                       words[i]);
          return FALSE;
        }
      previous = (guint) (year * 2 + half);
    }
  return TRUE;
}

char *
fita_semesters_normalise (const char *semesters)
{
  g_auto(GStrv) words = semesters ? g_strsplit_set (semesters, " ,;", -1) : NULL;
  char *set = NULL;

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      int year, half;
      if (*words[i] == '\0')
        continue;
      if (!parse_semester (words[i], &year, &half))
        {
          /* left as it is: validation names the bad word */
          g_free (set);
          return g_strdup (semesters);
        }
      if (!fita_semesters_contains (set, year, half))
        {
          char *next = fita_semesters_toggle (set, year, half);
          g_free (set);
          set = next;
        }
    }
  return set;
}

gboolean
fita_semesters_contains (const char *semesters, int year, int half)
{
  char word[16];
  const char *p;
  gsize len;

  if (semesters == NULL)
    return FALSE;
  len = g_snprintf (word, sizeof word, "%d-%d", year, half);
  for (p = strstr (semesters, word); p != NULL; p = strstr (p + 1, word))
    if ((p == semesters || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
      return TRUE;
  return FALSE;
}

static int
compare_semester (gconstpointer a, gconstpointer b)
{
  /* Stored semesters are valid, but fita_semesters_toggle takes any text:
   * a word that is not a semester sorts first, not by whatever was on the
   * stack. */
  int ya = 0, ha = 0, yb = 0, hb = 0;

  parse_semester (*(const char * const *) a, &ya, &ha);
  parse_semester (*(const char * const *) b, &yb, &hb);
  return (ya * 2 + ha) - (yb * 2 + hb);
}

char *
fita_semesters_toggle (const char *semesters, int year, int half)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) old = semesters ? g_strsplit (semesters, " ", -1) : NULL;
  g_autofree char *word = g_strdup_printf ("%d-%d", year, half);
  gboolean found = FALSE;

  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    {
      if (g_str_equal (old[i], word))
        found = TRUE;
      else if (*old[i] != '\0')
        g_ptr_array_add (words, g_strdup (old[i]));
    }
  if (!found)
    g_ptr_array_add (words, g_steal_pointer (&word));
  if (words->len == 0)
    return NULL;
  g_ptr_array_sort (words, compare_semester);
  g_ptr_array_add (words, NULL);
  return g_strjoinv (" ", (char **) words->pdata);
}
