#include "config.h"
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-import-private.h"
#include "fita-money.h"
#include "fita-plan-private.h"
#include "fita-rollup.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static FitaImportEntry *
dotted_parent (FitaImportState *imp, FitaImportEntry *entry)
{
  const char *dot;
  g_autofree char *prefix = NULL;
  FitaImportEntry *parent;

  if (entry->code_kind != FITA_IMPORT_CODE_GIVEN || (dot = strrchr (entry->code, '.')) == NULL)
    return NULL;
  prefix = g_strstrip (g_strndup (entry->code, dot - entry->code));
  parent = g_hash_table_lookup (imp->codes, prefix);
  return parent != entry ? parent : NULL;
}

static void
find_parents (FitaImportState *imp)
{
  for (guint i = 0; i < imp->entries->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (imp->entries, i);

      if (entry == imp->root)
        continue;
      fita_import_at (imp, entry->row);
      if (entry->parent_column && entry->parent_code != NULL)
        {
          entry->parent = g_hash_table_lookup (imp->codes, entry->parent_code);
          if (entry->parent == NULL)
            fita_import_problem (imp, entry->line, entry->code,
                                 _("its parent code “%s” is not the code of any item in the table"), entry->parent_code);
        }
      else if (entry->parent_column)
        entry->parent = imp->root;
      else
        {
          entry->parent = dotted_parent (imp, entry);
          if (entry->parent == NULL)
            entry->parent = entry->outline_parent;
        }
    }
}

/* Parent codes that go round ("A" under "B", "B" under "A"): named once
 * each, then cut, so that the rest can be checked. */
static void
break_circles (FitaImportState *imp)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < imp->entries->len; i++)
    {
      FitaImportEntry *up = g_ptr_array_index (imp->entries, i);

      g_ptr_array_set_size (path, 0);
      while (up != NULL && up->state == 0)
        {
          up->state = 1;
          g_ptr_array_add (path, up);
          up = up->parent;
        }
      if (up != NULL && up->state == 1)
        {
          /* up is on the path just walked: the circle is from up round to it */
          g_autoptr(GString) circle = g_string_new (up->code);
          for (FitaImportEntry *e = up->parent; e != up; e = e->parent)
            g_string_append_printf (circle, " → %s", e->code);
          g_string_append_printf (circle, " → %s", up->code);
          fita_import_at (imp, up->row);
          fita_import_problem (imp, up->line, up->code,
                               _("the parent codes go round in a circle (%s); an item cannot be inside itself"),
                               circle->str);
          up->parent = NULL;
        }
      for (guint k = 0; k < path->len; k++)
        ((FitaImportEntry *) g_ptr_array_index (path, k))->state = 2;
    }
}

/* Children in the order of the rows; depths; every item within Fita's
 * nesting limit. */
static GPtrArray *
build_tree (FitaImportState *imp)
{
  GPtrArray *top = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  gboolean told = FALSE;

  for (guint i = 0; i < imp->entries->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (imp->entries, i);
      GPtrArray *siblings = entry->parent != NULL ? entry->parent->children : top;
      entry->place = siblings->len;
      g_ptr_array_add (siblings, entry);
    }
  for (guint i = top->len; i > 0; i--)
    g_ptr_array_add (stack, g_ptr_array_index (top, i - 1));
  while (stack->len > 0)
    {
      FitaImportEntry *entry = g_ptr_array_steal_index (stack, stack->len - 1);
      if (entry->depth >= FITA_MAX_DEPTH)
        {
          fita_import_at (imp, entry->row);
          if (!told)
            fita_import_problem (imp, entry->line, entry->code,
                                 _("it is nested more than %d levels deep; a plan has at most %d levels"),
                                 FITA_MAX_DEPTH, FITA_MAX_DEPTH);
          told = TRUE;
          continue;
        }
      for (guint c = entry->children->len; c > 0; c--)
        {
          FitaImportEntry *child = g_ptr_array_index (entry->children, c - 1);
          child->depth = entry->depth + 1;
          g_ptr_array_add (stack, child);
        }
    }
  return top;
}

static void
preorder (GPtrArray *list, GPtrArray *out)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  for (guint i = list->len; i > 0; i--)
    g_ptr_array_add (stack, g_ptr_array_index (list, i - 1));
  while (stack->len > 0)
    {
      FitaImportEntry *entry = g_ptr_array_steal_index (stack, stack->len - 1);
      g_ptr_array_add (out, entry);
      if (entry->depth + 1 < FITA_MAX_DEPTH)
        for (guint c = entry->children->len; c > 0; c--)
          g_ptr_array_add (stack, g_ptr_array_index (entry->children, c - 1));
    }
}

/* Codes from titles go under their parent's code ("Objectiu 1" under
 * "I" is "I.1"); items with none get their parent's code and their
 * place ("I.1.3"), as renumbering in the app would. */
static void
finish_codes (FitaImportState *imp, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (items, i);
      const char *above = entry->parent != NULL ? entry->parent->code : NULL;

      if (entry->code_kind != FITA_IMPORT_CODE_LOCAL)
        continue;
      if (above != NULL && !(g_str_has_prefix (entry->code, above) && entry->code[strlen (above)] == '.'))
        {
          char *full = g_strdup_printf ("%s.%s", above, entry->code);
          g_free (entry->code);
          entry->code = full;
        }
      if (g_hash_table_contains (imp->codes, entry->code))
        {
          FitaImportEntry *first = g_hash_table_lookup (imp->codes, entry->code);
          fita_import_at (imp, entry->row);
          fita_import_problem (imp, entry->line, entry->code,
                               _("the code “%s” is already used on line %u by another item (“%s”); give each item its own code"),
                               entry->code, first->line, first->title != NULL ? first->title : "");
        }
      else
        g_hash_table_insert (imp->codes, entry->code, entry);
    }
  for (guint i = 0; i < items->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (items, i);
      char *made;

      if (entry->code != NULL || entry->parent == NULL || entry->parent->code == NULL)
        continue;
      made = g_strdup_printf ("%s.%u", entry->parent->code, entry->place + 1);
      if (g_hash_table_contains (imp->codes, made))
        {
          g_free (made);
          continue;
        }
      entry->code = made;
      entry->code_kind = FITA_IMPORT_CODE_MADE;
      g_hash_table_insert (imp->codes, entry->code, entry);
    }
}

/* Progress is worked out on parents from their parts: a percent a table
 * gives a parent is left out (and said so, once the plan is made, unless
 * it is what the parts give: Fita's own exports give it). */
static void
drop_parents_progress (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (items, i);
      if (entry->children->len > 0 && entry->progress_bp != FITA_NONE)
        {
          entry->given_progress = entry->progress_bp;
          entry->progress_bp = FITA_NONE;
        }
    }
}

static void
note_parents_progress (FitaImportState *imp, FitaPlan *plan, GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (items, i);
      g_autofree char *percent = NULL;

      if (entry->given_progress == FITA_NONE ||
          fita_plan_progress_bp (plan, fita_plan_lookup (plan, FITA_TABLE_ITEM, entry->id)) == entry->given_progress)
        continue;
      percent = fita_percent_format_hundredths (entry->given_progress, -1, imp->lang);
      fita_import_at (imp, entry->row);
      fita_import_note (imp, entry->line, entry->code,
                        _("the progress of an item with items below it is worked out from them; the %s given here was left out"),
                        percent);
    }
}

static int
compare_levels (gconstpointer a, gconstpointer b, gpointer data)
{
  const FitaImportLevel *x = *(const FitaImportLevel * const *) a, *y = *(const FitaImportLevel * const *) b;
  GPtrArray *met = data;
  guint i = 0, j = 0;

  if (x->depth != y->depth)
    return x->depth < y->depth ? -1 : 1;
  g_ptr_array_find (met, x, &i);
  g_ptr_array_find (met, y, &j);
  return i < j ? -1 : i > j;
}

/* The plan's levels, each at the depth where it first occurs and named as
 * most rows spell it: in the order a table of the plan's lists gives
 * them, those it does not name after them; otherwise in the order of
 * depth and then of the rows. A level listed that no item has is one
 * deeper than the one listed before it. */
static void
gather_levels (FitaImportState *imp)
{
  g_autoptr(GPtrArray) unlisted = g_ptr_array_new ();

  for (guint i = 0; i < imp->levels->len; i++)
    ((FitaImportLevel *) g_ptr_array_index (imp->levels, i))->depth = -1;
  for (guint i = 0; i < imp->entries->len; i++)
    {
      FitaImportEntry *entry = g_ptr_array_index (imp->entries, i);
      if (entry->level != NULL && entry->level->depth < 0)
        entry->level->depth = entry->depth;
      if (entry->level != NULL)
        entry->level->count++;
    }
  imp->level_order = g_ptr_array_new ();
  for (guint i = 0; i < imp->levels->len; i++)
    {
      FitaImportLevel *level = g_ptr_array_index (imp->levels, i);
      GHashTableIter iter;
      gpointer spelling;
      FitaImportSpelling *seen;
      /* the first spelling, unless another is written more often */
      guint most = ((FitaImportSpelling *) g_hash_table_lookup (level->spellings, level->name))->count;

      if (level->count == 0 && !level->listed)
        continue;
      g_hash_table_iter_init (&iter, level->spellings);
      while (g_hash_table_iter_next (&iter, &spelling, (gpointer *) &seen))
        if (seen->count > most)
          {
            most = seen->count;
            g_free (level->name);
            level->name = g_strdup (spelling);
          }
      g_hash_table_iter_init (&iter, level->spellings);
      while (g_hash_table_iter_next (&iter, &spelling, (gpointer *) &seen))
        {
          g_autofree char *folded = fita_cell_fold (spelling);
          g_autofree char *chosen = fita_cell_fold (level->name);
          if (g_str_equal (folded, chosen))
            continue;
          fita_import_at (imp, seen->row);
          fita_import_note (imp, seen->line, NULL, _("the level written “%s” is taken for “%s”, as most rows write it"),
                            (char *) spelling, level->name);
        }
      if (!level->listed)
        g_ptr_array_add (unlisted, level);
    }
  for (guint i = 0; i < imp->listed_levels->len; i++)
    {
      FitaImportLevel *level = g_ptr_array_index (imp->listed_levels, i);
      if (level->depth < 0)
        level->depth = i > 0 ? ((FitaImportLevel *) g_ptr_array_index (imp->listed_levels, i - 1))->depth + 1 : 0;
      level->depth = MIN (level->depth, FITA_MAX_DEPTH - 1);
      g_ptr_array_add (imp->level_order, level);
    }
  g_ptr_array_sort_with_data (unlisted, compare_levels, imp->levels);
  g_ptr_array_extend (imp->level_order, unlisted, NULL, NULL);
}

static void
fill_report (FitaImportState *imp, GPtrArray *items)
{
  GPtrArray *levels = imp->level_order;
  guint unnamed = 0;

  imp->report->n_items = items->len;
  for (guint i = 0; i < levels->len; i++)
    {
      FitaImportLevel *level = g_ptr_array_index (levels, i);
      FitaImportLevelCount *count = g_new0 (FitaImportLevelCount, 1);
      count->name = g_strdup (level->name);
      count->count = level->count;
      g_ptr_array_add (imp->report->levels, count);
    }
  for (guint i = 0; i < items->len; i++)
    unnamed += ((FitaImportEntry *) g_ptr_array_index (items, i))->level == NULL;
  if (unnamed > 0)
    {
      FitaImportLevelCount *count = g_new0 (FitaImportLevelCount, 1);
      count->count = unnamed;
      g_ptr_array_add (imp->report->levels, count);
    }
}

/* Making the plan */

/* A record of a list of named records (status, chapter, agent), made the
 * first time its name is met. */
static gint64
named_record (FitaPlan *plan, GHashTable *ids, FitaTableId table, const char *name)
{
  const FitaTable *t = fita_table (table);
  g_autofree char *key = NULL;
  gpointer record;
  gint64 id;

  if (name == NULL)
    return 0;
  /* the name as written first: most rows write it alike, and a folded
   * name is its own fold, so both kinds of key can share the table */
  if ((id = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, name))) != 0)
    return id;
  key = fita_import_name_key (name);
  if ((id = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, key))) == 0)
    {
      record = fita_plan_new_record (plan, table);
      fita_record_set_text (record, &t->fields[t->name_field], name);
      fita_record_set_int (record, &t->fields[t->position_field], fita_plan_count (plan, table));
      fita_plan_adopt_record (plan, record);
      id = ((FitaRecord *) record)->id;
      g_hash_table_insert (ids, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
    }
  g_hash_table_insert (ids, g_strdup (name), GSIZE_TO_POINTER (id));
  return id;
}

static void
make_followups (FitaPlan *plan, gint64 item_id, GPtrArray *followups)
{
  for (guint i = 0; i < followups->len; i++)
    {
      FitaImportFollowup *staged = g_ptr_array_index (followups, i);
      FitaFollowup *followup = fita_plan_new_record (plan, FITA_TABLE_FOLLOWUP);
      char **texts[FITA_IMPORT_N_FOLLOWUP] = { &followup->execution, &followup->strengths, &followup->weaknesses,
                                              &followup->other, &followup->adjustments, &followup->next_steps };
      followup->item_id = item_id;
      followup->position = i;
      followup->year = staged->year;
      for (guint k = 0; k < FITA_IMPORT_N_FOLLOWUP; k++)
        *texts[k] = g_strdup (staged->texts[k]);
      fita_plan_adopt_record (plan, followup);
    }
}

static void
make_item (FitaPlan *plan, FitaImportEntry *entry, GHashTable **ids)
{
  FitaItem *item = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  guint position = 0;

  entry->id = item->rec.id;
  item->parent_id = entry->parent != NULL ? entry->parent->id : 0;
  item->position = entry->place;
  item->code = g_strdup (entry->code);
  item->title = g_strdup (entry->title);
  item->level_id = entry->level != NULL ? entry->level->id : 0;
  item->description = g_strdup (entry->description);
  item->status_id = named_record (plan, ids[FITA_TABLE_STATUS], FITA_TABLE_STATUS, entry->status);
  item->progress_bp = entry->progress_bp;
  item->weight = entry->weight;
  item->start_year = entry->start_year;
  item->end_year = entry->end_year;
  item->start_date = g_strdup (entry->start_date);
  item->end_date = g_strdup (entry->end_date);
  item->semesters = g_strdup (entry->semesters);
  item->other_services = g_strdup (entry->other_services);
  item->planned_total_cents = entry->planned_total;
  fita_plan_adopt_record (plan, item);

  for (guint i = 0; i < entry->who->len; i++)
    {
      FitaCellWho *who = g_ptr_array_index (entry->who, i);
      gint64 agent = named_record (plan, ids[FITA_TABLE_AGENT], FITA_TABLE_AGENT, who->agent);
      FitaResponsibility *responsibility;
      gboolean again = FALSE;
      /* the same agent in the same role, said twice, is one */
      for (guint k = 0; k < i && !again; k++)
        {
          FitaCellWho *before = g_ptr_array_index (entry->who, k);
          again = before->role == who->role && g_strcmp0 (before->note, who->note) == 0 &&
                  fita_import_same_name (before->agent, who->agent);
        }
      if (again)
        continue;
      responsibility = fita_plan_new_record (plan, FITA_TABLE_RESPONSIBILITY);
      responsibility->item_id = item->rec.id;
      responsibility->position = position++;
      responsibility->agent_id = agent;
      responsibility->role = who->role;
      responsibility->note = g_strdup (who->note);
      fita_plan_adopt_record (plan, responsibility);
    }
  for (guint i = 0; i < entry->budget->len; i++)
    {
      FitaImportBudget *budget = g_ptr_array_index (entry->budget, i);
      FitaBudgetLine *line = fita_plan_new_record (plan, FITA_TABLE_BUDGET_LINE);
      line->item_id = item->rec.id;
      line->position = i;
      line->year = budget->year;
      line->chapter_id = named_record (plan, ids[FITA_TABLE_CHAPTER], FITA_TABLE_CHAPTER, budget->chapter);
      line->planned_cents = budget->planned;
      line->executed_cents = budget->executed;
      fita_plan_adopt_record (plan, line);
    }
  for (guint i = 0; i < entry->indicators->len; i++)
    {
      FitaImportIndicator *staged = g_ptr_array_index (entry->indicators, i);
      FitaIndicator *indicator = fita_plan_new_record (plan, FITA_TABLE_INDICATOR);
      indicator->item_id = item->rec.id;
      indicator->position = i;
      indicator->name = g_strdup (staged->name);
      indicator->pending = staged->pending;
      fita_plan_adopt_record (plan, indicator);
      for (guint v = 0; v < staged->values->len; v++)
        {
          FitaImportValue *staged_value = g_ptr_array_index (staged->values, v);
          FitaIndicatorValue *value = fita_plan_new_record (plan, FITA_TABLE_INDICATOR_VALUE);
          value->indicator_id = indicator->rec.id;
          value->position = v;
          value->year = staged_value->year;
          value->value = g_strdup (staged_value->value);
          fita_plan_adopt_record (plan, value);
        }
    }
  make_followups (plan, item->rec.id, entry->followups);
}

/* What a status's name says, in Catalan, Spanish or English (folded): a
 * colour for it, and for the two ends of the way its percent. */
typedef struct {
  const char * const *names;
  const char *colour;
  gint64 percent;          /* FITA_NONE: says none */
} StatusKind;

static const char * const done_names[] = { "acabat", "acabada", "acabades", "acabats", "finalitzat", "finalitzada",
                                           "completat", "completada", "realitzat", "realitzada", "executat",
                                           "executada", "tancat", "tancada", "finalizado", "finalizada",
                                           "terminado", "terminada", "completado", "completada", "realizado",
                                           "realizada", "ejecutado", "ejecutada", "cerrado", "cerrada", "done",
                                           "finished", "completed", "complete", "closed", NULL };
static const char * const not_started_names[] = { "no iniciat", "no iniciada", "sense iniciar", "no comencat",
                                                  "no iniciado", "no iniciada", "sin iniciar", "sin empezar",
                                                  "not started", "not yet started", NULL };
static const char * const going_names[] = { "en curs", "en marxa", "en execucio", "en proces", "iniciat", "iniciada",
                                            "en curso", "en marcha", "en ejecucion", "en proceso", "iniciado",
                                            "in progress", "ongoing", "under way", "started", NULL };
static const char * const late_names[] = { "endarrerit", "endarrerida", "aturat", "aturada", "ajornat", "ajornada",
                                           "retrasado", "retrasada", "aplazado", "aplazada", "parado", "parada",
                                           "delayed", "late", "on hold", "paused", "postponed", NULL };
static const char * const dropped_names[] = { "cancellat", "cancellada", "anullat", "anullada", "descartat",
                                              "descartada", "cancelado", "cancelada", "anulado", "anulada",
                                              "descartado", "descartada", "cancelled", "canceled", "dropped", NULL };

static const StatusKind status_kinds[] = {
  { done_names, "#2ec27e", 100 },
  { not_started_names, "#9a9996", 0 },
  { going_names, "#3584e4", FITA_NONE },
  { late_names, "#e66100", FITA_NONE },
  { dropped_names, "#c01c28", FITA_NONE },
};

/* Statuses as the plans Fita makes have them: a status the table names as
 * finished counts as 100 %, one not started as 0 % (unless a table of the
 * plan's lists says otherwise: n_listed are the first statuses, from it),
 * and those it knows get their colour. */
static void
dress_statuses (FitaPlan *plan, guint n_listed)
{
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);

  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatus *status = g_ptr_array_index (statuses, i);
      g_autofree char *folded = fita_cell_fold (status->name);

      for (guint k = 0; k < G_N_ELEMENTS (status_kinds); k++)
        if (g_strv_contains (status_kinds[k].names, folded))
          {
            if (status->colour == NULL)
              status->colour = g_strdup (status_kinds[k].colour);
            if (i >= n_listed && status->percent == FITA_NONE)
              status->percent = status_kinds[k].percent;
            break;
          }
    }
}

FitaPlan *
fita_import_make_plan (FitaImportState *imp, GPtrArray *items, const char *default_title, GError **error)
{
  GPtrArray *levels = imp->level_order;
  g_autoptr(FitaPlan) plan = fita_plan_new ();
  FitaPlanInfo *info = fita_plan_get_info (plan);
  const char *lang = fita_import_mapping_get_language (imp->mapping);
  GHashTable *ids[FITA_N_TABLES] = { NULL };
  g_autoptr(GError) local = NULL;
  gboolean ok;

  info->title = g_strdup (imp->plan_title != NULL ? imp->plan_title
                          : default_title != NULL && *default_title != '\0' ? default_title : _("Imported plan"));
  info->description = g_strdup (imp->plan_description);
  info->period_start = imp->period_start;
  info->period_end = imp->period_end;
  info->language = g_strdup (lang);

  for (guint i = 0; i < levels->len; i++)
    {
      FitaImportLevel *level = g_ptr_array_index (levels, i);
      FitaLevel *record = fita_plan_new_record (plan, FITA_TABLE_LEVEL);
      record->name = g_strdup (level->name);
      record->depth = level->depth;
      record->position = i;
      fita_plan_adopt_record (plan, record);
      level->id = record->rec.id;
    }
  for (guint t = 0; t < FITA_N_TABLES; t++)
    ids[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* statuses a table of the plan's lists names, in its order, used or not;
   * then the others as items name them */
  for (guint i = 0; i < imp->statuses->len; i++)
    {
      FitaImportStatus *listed = g_ptr_array_index (imp->statuses, i);
      gint64 id = named_record (plan, ids[FITA_TABLE_STATUS], FITA_TABLE_STATUS, listed->name);
      ((FitaStatus *) fita_plan_lookup (plan, FITA_TABLE_STATUS, id))->percent = listed->percent;
    }
  /* chapters in the order of the lists, then of the table's columns and
   * rows, used or not */
  for (guint i = 0; i < imp->chapters->len; i++)
    named_record (plan, ids[FITA_TABLE_CHAPTER], FITA_TABLE_CHAPTER, g_ptr_array_index (imp->chapters, i));
  for (guint i = 0; i < items->len; i++)
    make_item (plan, g_ptr_array_index (items, i), ids);
  make_followups (plan, 0, imp->plan_followups);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    g_hash_table_unref (ids[t]);
  dress_statuses (plan, imp->statuses->len);

  /* the promises every reader relies on; a table that breaks one is a bug
   * of this importer, but is refused all the same */
  ok = fita_plan_check_records (plan, &local);
  if (!ok)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("This plan cannot be imported: %s."), local->message);
      return NULL;
    }
  note_parents_progress (imp, plan, items);
  return g_steal_pointer (&plan);
}

GPtrArray *
fita_import_arrange (FitaImportState *imp)
{
  g_autoptr(GPtrArray) top = NULL;
  GPtrArray *items = g_ptr_array_new ();

  find_parents (imp);
  break_circles (imp);
  top = build_tree (imp);
  preorder (top, items);
  finish_codes (imp, items);
  drop_parents_progress (items);
  gather_levels (imp);
  fill_report (imp, items);
  return items;
}
