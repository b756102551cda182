/* What a change alters (fita_changes_get_effects), decided once in the core
 * for every view: one test for each effect, with the changes that have it
 * and those, close to them, that do not. */
#include "fita-edit.h"
#include "fita-plan.h"
#include "fita-test-util.h"

typedef struct {
  FitaPlan *plan;
  FitaChangesEffects effects;
  guint changed;
} Fixture;

static void
on_changed (FitaPlan *plan, FitaChanges *changes, Fixture *f)
{
  f->effects = fita_changes_get_effects (changes);
  f->changed++;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->plan = fita_test_example ("terrassa-ess-2019-2026");
  g_signal_connect (f->plan, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->plan);
}

/* Runs step (which may fail into ERR), as exactly one change; its effects
 * are then in f->effects. */
#define EFFECTS_OF(f, step) \
  G_STMT_START { \
    guint before_ = (f)->changed; \
    g_autoptr(GError) error_ = NULL; \
    g_assert_true (step); \
    g_assert_no_error (error_); \
    g_assert_cmpuint ((f)->changed, ==, before_ + 1); \
  } G_STMT_END
#define ERR (&error_)

static FitaStatus *
first_status (FitaPlan *plan)
{
  return g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_STATUS, 0), 0);
}

/* A status the item has not. */
static FitaStatus *
other_status (FitaPlan *plan,
              FitaItem *item)
{
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);

  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatus *status = g_ptr_array_index (statuses, i);

      if (status->rec.id != item->status_id)
        return status;
    }
  g_assert_not_reached ();
}

/* The figures a roll-up reads: a leaf's own percent or its status's, the
 * weights, the tree's shape and the plan's rule. */
static void
test_progress (Fixture *f, gconstpointer data)
{
  FitaItem *item = fita_plan_find_item (f->plan, "11.3");
  FitaPlanInfo *info = fita_plan_get_info (f->plan);

  EFFECTS_OF (f, fita_plan_set_int (f->plan, item, "progress", 5000, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PROGRESS);
  /* undoing a change means what the change meant */
  EFFECTS_OF (f, fita_plan_undo (f->plan, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PROGRESS);
  EFFECTS_OF (f, fita_plan_set_int (f->plan, item, "weight", 3, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PROGRESS);
  EFFECTS_OF (f, fita_plan_set_int (f->plan, item, "status_id", other_status (f->plan, item)->rec.id, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PROGRESS);
  EFFECTS_OF (f, fita_plan_set_int (f->plan, first_status (f->plan), "percent", 10, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PROGRESS);
  EFFECTS_OF (f, fita_plan_set_int (f->plan, info, "progress_decimals", 1, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PROGRESS);

  /* an item's own words alter nothing anyone else shows, but its name */
  EFFECTS_OF (f, fita_plan_set_text (f->plan, item, "title", "Tallers d'idees", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_NAMES);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, item, "code", "11.9", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_NAMES);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, item, "description", "Tallers per barris", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, item, "other_services", "Servei d'Ocupació", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, info, "title", "Un altre pla", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
}

/* The amounts, their years and chapters, and the planned totals. */
static void
test_budgets (Fixture *f, gconstpointer data)
{
  FitaItem *item = fita_plan_find_item (f->plan, "11.3");
  FitaPlanInfo *info = fita_plan_get_info (f->plan);

  EFFECTS_OF (f, fita_plan_set_budget (f->plan, item->rec.id, 2024, 0, 150000, 100000, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_BUDGETS);
  EFFECTS_OF (f, fita_plan_set_int (f->plan, item, "planned_total_cents", 900000, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_BUDGETS);
  /* the period's years are the budget's columns, and the years offered */
  EFFECTS_OF (f, fita_plan_set_int (f->plan, info, "period_end", info->period_end + 1, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_BUDGETS | FITA_CHANGES_ALTER_PERIOD);
}

/* Which items there are and where: added, deleted, moved. */
static void
test_tree (Fixture *f, gconstpointer data)
{
  FitaItem *programme = fita_plan_find_item (f->plan, "11");
  FitaItem *added;

  /* an item coming or going takes its progress and its amounts with it */
  EFFECTS_OF (f, (added = fita_plan_add_item (f->plan, programme->rec.id, -1, "Nova actuació", ERR)) != NULL);
  g_assert_cmpint (f->effects, ==,
                   FITA_CHANGES_ALTER_TREE | FITA_CHANGES_ALTER_PROGRESS | FITA_CHANGES_ALTER_BUDGETS |
                   FITA_CHANGES_ALTER_ITEM_NAMES | FITA_CHANGES_ALTER_ITEM_LEVELS);
  EFFECTS_OF (f, fita_plan_undo (f->plan, ERR));
  g_assert_cmpint (f->effects, ==,
                   FITA_CHANGES_ALTER_TREE | FITA_CHANGES_ALTER_PROGRESS | FITA_CHANGES_ALTER_BUDGETS |
                   FITA_CHANGES_ALTER_ITEM_NAMES | FITA_CHANGES_ALTER_ITEM_LEVELS);

  /* another level: views grouped or cut by level follow */
  EFFECTS_OF (f, fita_plan_set_int (f->plan, fita_plan_find_item (f->plan, "11.1"), "level_id",
                                    fita_plan_find_item (f->plan, "11")->level_id, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LEVELS);

  /* among its siblings: the same figures, in another place */
  EFFECTS_OF (f, fita_plan_shift_item (f->plan, fita_plan_find_item (f->plan, "11.2"), -1, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_TREE);

  /* under another parent: its figures go with it */
  EFFECTS_OF (f, fita_plan_indent_item (f->plan, fita_plan_find_item (f->plan, "11.4"), ERR));
  g_assert_cmpint (f->effects & FITA_CHANGES_ALTER_TREE, !=, 0);
  g_assert_cmpint (f->effects & FITA_CHANGES_ALTER_PROGRESS, !=, 0);
  g_assert_cmpint (f->effects & FITA_CHANGES_ALTER_BUDGETS, !=, 0);

  EFFECTS_OF (f, fita_plan_delete (f->plan, fita_plan_find_item (f->plan, "11.5"), ERR));
  g_assert_cmpint (f->effects & FITA_CHANGES_ALTER_TREE, !=, 0);
}

/* The levels, statuses and agents every item that refers to one shows, or
 * is given from a list of. */
static void
test_item_labels (Fixture *f, gconstpointer data)
{
  FitaStatus *status = first_status (f->plan);
  FitaLevel *level = g_ptr_array_index (fita_plan_list (f->plan, FITA_TABLE_LEVEL, 0), 0);
  FitaAgent *agent = g_ptr_array_index (fita_plan_list (f->plan, FITA_TABLE_AGENT, 0), 0);
  FitaStatus *added = fita_plan_new_record (f->plan, FITA_TABLE_STATUS);

  EFFECTS_OF (f, fita_plan_set_text (f->plan, status, "name", "Començat", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LABELS);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, status, "colour", "#ff7800", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LABELS);
  EFFECTS_OF (f, fita_plan_move (f->plan, status, 0, -1, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LABELS);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, level, "name", "Eix", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LABELS);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, agent, "name", "Regidoria d'Economia", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LABELS);

  /* a status that comes or goes takes its items' figure with it */
  added->name = g_strdup ("Aturat");
  EFFECTS_OF (f, fita_plan_insert (f->plan, added, 0, -1, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_ITEM_LABELS | FITA_CHANGES_ALTER_PROGRESS);

  /* what no row nor list shows */
  EFFECTS_OF (f, fita_plan_set_text (f->plan, status, "description", "Ja ha començat", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, level, "description", "El primer nivell", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, agent, "description", "Qui impulsa el pla", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
}

/* The years the plan covers and the year it follows up. */
static void
test_period (Fixture *f, gconstpointer data)
{
  FitaPlanInfo *info = fita_plan_get_info (f->plan);

  EFFECTS_OF (f, fita_plan_set_int (f->plan, info, "followed_year", 2021, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PERIOD);
  EFFECTS_OF (f, fita_plan_set_int (f->plan, info, "period_start", info->period_start - 1, ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_PERIOD | FITA_CHANGES_ALTER_BUDGETS);
  EFFECTS_OF (f, fita_plan_set_text (f->plan, info, "followup_period", "Primer semestre", ERR));
  g_assert_cmpint (f->effects, ==, FITA_CHANGES_ALTER_NOTHING);
}

/* One change of many steps means all that its steps mean. */
static void
test_grouped (Fixture *f, gconstpointer data)
{
  FitaItem *item = fita_plan_find_item (f->plan, "11.3");
  g_autoptr(GError) error = NULL;

  fita_plan_begin (f->plan, "Several");
  fita_plan_set_int (f->plan, item, "progress", 2500, NULL);
  fita_plan_set_text (f->plan, first_status (f->plan), "name", "Pendent", NULL);
  fita_plan_set_int (f->plan, fita_plan_get_info (f->plan), "followed_year", 2023, NULL);
  g_assert_true (fita_plan_end (f->plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpint (f->effects, ==,
                   FITA_CHANGES_ALTER_PROGRESS | FITA_CHANGES_ALTER_ITEM_LABELS | FITA_CHANGES_ALTER_PERIOD);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/changes-effects/progress", Fixture, NULL, setup, test_progress, teardown);
  g_test_add ("/changes-effects/budgets", Fixture, NULL, setup, test_budgets, teardown);
  g_test_add ("/changes-effects/tree", Fixture, NULL, setup, test_tree, teardown);
  g_test_add ("/changes-effects/item-labels", Fixture, NULL, setup, test_item_labels, teardown);
  g_test_add ("/changes-effects/period", Fixture, NULL, setup, test_period, teardown);
  g_test_add ("/changes-effects/grouped", Fixture, NULL, setup, test_grouped, teardown);
  return g_test_run ();
}
