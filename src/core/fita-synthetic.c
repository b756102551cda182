#include "config.h"
#include "fita-synthetic.h"

typedef struct {
  FitaPlan *plan;
  guint32 seed;
  guint made;
  guint target;
  guint fanout;
  gint64 levels[4];
  gint64 statuses[3];
  gint64 chapters[3];
} Builder;

static guint32
next_random (Builder *b)
{
  /* a fixed LCG: the same plan on every machine */
  b->seed = b->seed * 1664525u + 1013904223u;
  return b->seed >> 8;
}

static gpointer
named (Builder *b, FitaTableId table, const char *name, gint64 position)
{
  const FitaTable *t = fita_table (table);
  gpointer record = fita_plan_new_record (b->plan, table);

  fita_record_set_text (record, &t->fields[t->name_field], name);
  fita_record_set_int (record, &t->fields[t->position_field], position);
  fita_plan_adopt_record (b->plan, record);
  return record;
}

static void
add_details (Builder *b, FitaItem *item, gboolean leaf)
{
  guint32 r = next_random (b);
  gint64 start = 2020 + r % 4;

  item->start_year = start;
  item->end_year = start + 1 + (r >> 4) % 3;
  if (!leaf)
    return;

  item->status_id = b->statuses[r % 3];
  item->progress_bp = r % 3 == 0 ? 0 : r % 3 == 2 ? 10000 : (r >> 8) % 10000;
  {
    g_autofree char *semesters = g_strdup_printf ("%" G_GINT64_FORMAT "-%u %" G_GINT64_FORMAT "-2",
                                                  start, 1 + (r >> 12) % 2, start + 1);
    item->semesters = g_steal_pointer (&semesters);
  }

  for (guint y = 0; y < 2; y++)
    {
      FitaBudgetLine *line = fita_plan_new_record (b->plan, FITA_TABLE_BUDGET_LINE);
      line->item_id = item->rec.id;
      line->position = y;
      line->year = start + y;
      line->chapter_id = b->chapters[(r >> (y + 3)) % 3];
      line->planned_cents = 100000 + next_random (b) % 5000000;
      line->executed_cents = y == 0 ? line->planned_cents * (next_random (b) % 120) / 100 : FITA_NONE;
      fita_plan_adopt_record (b->plan, line);
    }

  if (item->rec.id % 10 == 0)
    {
      FitaIndicator *indicator = fita_plan_new_record (b->plan, FITA_TABLE_INDICATOR);
      indicator->item_id = item->rec.id;
      indicator->kind = (r >> 5) % 2;
      indicator->name = g_strdup_printf ("Indicador %" G_GINT64_FORMAT, item->rec.id);
      indicator->pending = (r >> 6) % 2;
      fita_plan_adopt_record (b->plan, indicator);
      for (guint v = 0; v < 2; v++)
        {
          FitaIndicatorValue *value = fita_plan_new_record (b->plan, FITA_TABLE_INDICATOR_VALUE);
          value->indicator_id = indicator->rec.id;
          value->position = v;
          value->year = start + v;
          value->value = g_strdup_printf ("%u", next_random (b) % 1000);
          fita_plan_adopt_record (b->plan, value);
        }
    }
  if (item->rec.id % 25 == 0)
    {
      FitaFollowup *followup = fita_plan_new_record (b->plan, FITA_TABLE_FOLLOWUP);
      followup->item_id = item->rec.id;
      followup->year = start;
      followup->execution = g_strdup ("S'han fet les primeres sessions amb els agents del territori.");
      followup->next_steps = g_strdup ("Continuar el treball amb els serveis municipals.");
      fita_plan_adopt_record (b->plan, followup);
    }
}

static void
build (Builder *b, gint64 parent, const char *parent_code, guint depth)
{
  guint count = b->fanout;

  for (guint i = 0; i < count && b->made < b->target; i++)
    {
      FitaItem *item = fita_plan_new_record (b->plan, FITA_TABLE_ITEM);
      gboolean leaf;

      item->parent_id = parent;
      item->position = i;
      item->level_id = b->levels[depth];
      item->code = parent_code ? g_strdup_printf ("%s.%u", parent_code, i + 1) : g_strdup_printf ("%u", i + 1);
      item->title = g_strdup_printf ("Actuació sintètica %s per a la planificació del territori", item->code);
      fita_plan_adopt_record (b->plan, item);
      b->made++;
      /* the last level, or the last items of the target, are leaves */
      leaf = depth == 3 || b->made >= b->target;
      add_details (b, item, leaf);
      if (depth < 3)
        build (b, item->rec.id, item->code, depth + 1);
    }
}

FitaPlan *
fita_synthetic_plan (guint n_items)
{
  FitaPlan *plan = fita_plan_new ();
  FitaPlanInfo *info = fita_plan_get_info (plan);
  Builder b = { plan, 20190101u, 0, n_items, 1, { 0 }, { 0 }, { 0 } };
  const char *level_names[] = { "Eix", "Objectiu", "Acció", "Actuació" };
  const char *status_names[] = { "No iniciat", "En curs", "Acabat" };
  const gint64 status_percents[] = { 0, FITA_NONE, 100 };
  const char *chapter_names[] = { "Capítol 1", "Capítol 2", "Capítol 4" };

  info->title = g_strdup_printf ("Pla sintètic de %u elements", n_items);
  info->organisation = g_strdup ("Ajuntament de Prova");
  info->period_start = 2020;
  info->period_end = 2027;
  info->followed_year = 2023;
  info->language = g_strdup ("ca");

  for (guint i = 0; i < 4; i++)
    {
      FitaLevel *level = named (&b, FITA_TABLE_LEVEL, level_names[i], i);
      level->depth = i;
      b.levels[i] = level->rec.id;
    }
  for (guint i = 0; i < 3; i++)
    {
      FitaStatus *status = named (&b, FITA_TABLE_STATUS, status_names[i], i);
      status->percent = status_percents[i];
      b.statuses[i] = status->rec.id;
      b.chapters[i] = ((FitaRecord *) named (&b, FITA_TABLE_CHAPTER, chapter_names[i], i))->id;
    }

  /* fan-out so that f + f² + f³ + f⁴ ≥ n: a balanced four-level tree */
  while (b.fanout + b.fanout * b.fanout + b.fanout * b.fanout * b.fanout +
         b.fanout * b.fanout * b.fanout * b.fanout < n_items)
    b.fanout++;
  while (b.made < b.target)
    build (&b, 0, NULL, 0);
  return plan;
}

typedef struct {
  GString *out;
  guint32 seed;
  guint rows;
  guint target;
  guint fanout;
} Table;

static guint32
table_random (Table *t)
{
  t->seed = t->seed * 1664525u + 1013904223u;
  return t->seed >> 8;
}

static void
table_rows (Table *t, const char *parent_code, guint depth)
{
  static const char * const levels[] = { "Eix", "Objectiu", "Acció", "Actuació" };
  static const char * const statuses[] = { "No iniciat (0 %)", "En curs (%u %%)", "Acabat (100 %)" };

  for (guint i = 0; i < t->fanout && t->rows < t->target; i++)
    {
      g_autofree char *code = parent_code ? g_strdup_printf ("%s.%u", parent_code, i + 1) : g_strdup_printf ("%u", i + 1);
      guint32 r = table_random (t);
      guint start = 2020 + r % 4;
      gboolean leaf = depth == 3 || t->rows + 1 >= t->target;

      g_string_append_printf (t->out, "%s;%s;\"Actuació sintètica %s; per a la planificació del territori\";",
                              code, levels[depth], code);
      if (leaf)
        {
          g_autofree char *status = g_strdup_printf (statuses[r % 3], (r >> 8) % 99 + 1);
          g_string_append_printf (t->out,
                                  "%s;;%u;%u;%u 1r semestre, %u-2;\"Secretaria tècnica (executa); Comissió tècnica (defineix)\";"
                                  "%u;Capítol 1;%u.%03u,%02u €;%s\r\n",
                                  status, start, start + 1, start, start + 1, start,
                                  1 + (r >> 4) % 90, (r >> 6) % 1000, (r >> 3) % 100, r % 2 ? "4.702,33 €" : "- €");
        }
      else
        g_string_append_printf (t->out, ";;%u;%u;;;;;;\r\n", start, start + 3);
      t->rows++;
      /* an action's next year, on a row of its own */
      if (leaf && t->rows < t->target)
        {
          g_string_append_printf (t->out, "%s;;;;;;;;;%u;Capítol 2;%u,00 €;\r\n", code, start + 1, 100 + (r >> 5) % 900);
          t->rows++;
        }
      if (!leaf)
        table_rows (t, code, depth + 1);
    }
}

char *
fita_synthetic_table (guint n_rows)
{
  Table t = { g_string_new ("Codi;Nivell;Títol;Estat;Percentatge;Any d'inici;Any de final;Semestres;Qui;"
                            "Any;Capítol;Previst;Executat\r\n"),
              20190101u, 0, n_rows, 1 };

  /* fan-out so that the four levels hold the rows, leaves taking two */
  while (t.fanout + t.fanout * t.fanout + t.fanout * t.fanout * t.fanout +
         2 * t.fanout * t.fanout * t.fanout * t.fanout < n_rows)
    t.fanout++;
  table_rows (&t, NULL, 0);
  return g_string_free (t.out, FALSE);
}
