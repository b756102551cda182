/* Roll-ups against the figures of the seed documents (DOMAIN.md). */
#include "fita-rollup.h"
#include "fita-edit.h"
#include "fita-money.h"
#include "fita-test-util.h"

#include <string.h>

#define NBSP "\xc2\xa0"

static guint
level_count (FitaPlan *plan, GArray *counts, const char *name)
{
  FitaLevel *level = fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, name);

  g_assert_nonnull (level);
  return g_array_index (counts, guint, level->position);
}

static void
test_terrassa_ess (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaItem *programme = fita_plan_find_item (plan, "11");
  FitaChapter *cofunding = fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, "Capítol 2. Cofinançament de personal");
  FitaBudgetSum sum;
  g_autoptr(GArray) counts = NULL;
  guint n;

  g_assert_nonnull (programme);
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_ITEM, programme->rec.id)->len, ==, 5);
  /* the mean of 30, 10, 0, 0 and 20 */
  g_assert_cmpint (fita_plan_progress (plan, programme), ==, 12);
  g_assert_cmpint (fita_plan_progress_bp (plan, programme), ==, 1200);
  g_assert_cmpint (fita_plan_progress (plan, fita_plan_find_item (plan, "O3")), ==, 12);

  fita_plan_budget_sum (plan, programme, FITA_NONE, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 1222369);
  g_assert_cmpint (sum.planned, ==, 12000000);
  g_assert_cmpint (fita_rate_bp (sum.executed, sum.planned), ==, 1019);

  /* the whole plan reads the same through its parents */
  fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 1222369);
  g_assert_cmpint (sum.planned, ==, 12000000);

  fita_plan_budget_sum (plan, programme, 2023, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 470233);
  g_assert_cmpint (sum.planned, ==, FITA_NONE);
  fita_plan_budget_sum (plan, programme, 2024, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 752136);
  /* "0 €" in 2019 is an amount; 2020 has none */
  fita_plan_budget_sum (plan, programme, 2019, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 0);
  fita_plan_budget_sum (plan, programme, 2020, 0, &sum);
  g_assert_cmpint (sum.executed, ==, FITA_NONE);
  g_assert_nonnull (cofunding);
  fita_plan_budget_sum (plan, programme, FITA_NONE, cofunding->rec.id, &sum);
  g_assert_cmpint (sum.executed, ==, 470233);

  counts = fita_plan_count_levels (plan, NULL, &n);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (level_count (plan, counts, "Actuació"), ==, 5);
}

static void
test_terrassa_social_services (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-serveis-socials-2023-2027");
  g_autoptr(GArray) counts = fita_plan_count_levels (plan, NULL, NULL);
  FitaItem *etac = fita_plan_find_item (plan, "ETAC 2023");
  g_autoptr(GArray) etac_counts = NULL;
  guint per_axis[3] = { 0, 0, 0 };
  guint lines_per_axis[3] = { 0, 0, 0 };
  const guint objectives[] = { 7, 3, 8 };
  const guint lines[] = { 10, 9, 14 };
  GPtrArray *axes = fita_plan_list (plan, FITA_TABLE_ITEM, 0);
  FitaLevel *objective = fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, "Objectiu");
  FitaLevel *line = fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, "Línia d'actuació");

  g_assert_cmpuint (level_count (plan, counts, "Eix"), ==, 3);
  g_assert_cmpuint (level_count (plan, counts, "Objectiu"), ==, 18);
  g_assert_cmpuint (level_count (plan, counts, "Línia d'actuació"), ==, 33);
  g_assert_cmpuint (axes->len, ==, 3);
  for (guint a = 0; a < 3; a++)
    {
      GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, ((FitaItem *) g_ptr_array_index (axes, a))->rec.id);
      for (guint c = 0; c < children->len; c++)
        {
          FitaItem *child = g_ptr_array_index (children, c);
          per_axis[a] += child->level_id == objective->rec.id;
          lines_per_axis[a] += child->level_id == line->rec.id;
        }
      g_assert_cmpuint (per_axis[a], ==, objectives[a]);
      g_assert_cmpuint (lines_per_axis[a], ==, lines[a]);
    }

  g_assert_nonnull (etac);
  etac_counts = fita_plan_count_levels (plan, etac, NULL);
  g_assert_cmpuint (level_count (plan, etac_counts, "Objectiu del pla d'acció"), ==, 5);
  g_assert_cmpuint (level_count (plan, etac_counts, "Acció del pla d'acció"), ==, 19);
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_ITEM, fita_plan_find_item (plan, "ETAC 5")->rec.id)->len, ==, 7);
}

static void
test_impulsem (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("barcelona-impulsem-2016-2021");
  FitaParticipation p;
  GPtrArray *processes = fita_plan_list (plan, FITA_TABLE_PROCESS, 0);
  GPtrArray *dimensions;
  FitaStatus *state;

  fita_plan_participation (plan, NULL, &p);
  g_assert_cmpint (p.sessions, ==, 34);
  g_assert_cmpint (p.participants, ==, 799);
  g_assert_cmpint (p.contributions, ==, 1373);
  g_assert_cmpint (p.proposals, ==, 780);

  g_assert_cmpuint (processes->len, ==, 1);
  dimensions = fita_plan_list (plan, FITA_TABLE_PROCESS_DIMENSION, ((FitaRecord *) g_ptr_array_index (processes, 0))->id);
  g_assert_cmpuint (dimensions->len, ==, 3);
  g_assert_cmpint (((FitaProcessDimension *) g_ptr_array_index (dimensions, 0))->sessions, ==, 13);
  g_assert_cmpint (((FitaProcessDimension *) g_ptr_array_index (dimensions, 1))->participants, ==, 168);
  g_assert_cmpint (((FitaProcessDimension *) g_ptr_array_index (dimensions, 2))->proposals, ==, 10);

  /* the three states the seed defines */
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_STATUS), ==, 3);
  state = fita_plan_lookup (plan, FITA_TABLE_STATUS, ((FitaProcess *) g_ptr_array_index (processes, 0))->state_id);
  g_assert_cmpstr (state->name, ==, "En curs");
  g_assert_nonnull (state->description);
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_ITEM, fita_plan_find_item (plan, "O1")->rec.id)->len, ==, 7);
}

static void
test_xmess (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  g_autoptr(GArray) counts = fita_plan_count_levels (plan, NULL, NULL);
  const char *objectives[] = { "I.1", "I.2", "II.1", "II.2", "III.1", "III.2", "III.3" };
  const guint actions[] = { 8, 5, 5, 5, 6, 3, 2 };
  FitaItem *compartir = fita_plan_find_item (plan, "I.1.3");
  GPtrArray *who;

  g_assert_cmpuint (level_count (plan, counts, "Línia estratègica"), ==, 3);
  g_assert_cmpuint (level_count (plan, counts, "Objectiu"), ==, 7);
  g_assert_cmpuint (level_count (plan, counts, "Acció"), ==, 34);
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    {
      FitaItem *objective = fita_plan_find_item (plan, objectives[i]);
      g_assert_nonnull (objective);
      g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_ITEM, objective->rec.id)->len, ==, actions[i]);
    }

  /* "QUI?": basic lines by the technical commission, execution by the secretariat */
  g_assert_nonnull (compartir);
  g_assert_true (g_str_has_prefix (compartir->title, "Compartir informes"));
  who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, compartir->rec.id);
  g_assert_cmpuint (who->len, ==, 2);
  g_assert_cmpint (((FitaResponsibility *) g_ptr_array_index (who, 0))->role, ==, FITA_ROLE_DEFINES);
  g_assert_cmpint (((FitaResponsibility *) g_ptr_array_index (who, 1))->role, ==, FITA_ROLE_EXECUTES);
  g_assert_nonnull (compartir->semesters);
}

static void
test_espai_ess (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("barcelona-espai-ess");
  GPtrArray *top = fita_plan_list (plan, FITA_TABLE_AGENT, 0);
  FitaAgent *ambit = NULL;

  for (guint i = 0; i < top->len; i++)
    if (((FitaAgent *) g_ptr_array_index (top, i))->kind == FITA_AGENT_BODY)
      ambit = g_ptr_array_index (top, i);
  g_assert_nonnull (ambit);
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_AGENT_FUNCTION, ambit->rec.id)->len, ==, 3);
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_AGENT_MEMBER, ambit->rec.id)->len, ==, 4);
  /* the motor group and the working groups sit inside it */
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_AGENT, ambit->rec.id)->len, ==, 2);
}

/* A small plan built by hand to exercise each progress rule. */
static FitaPlan *
rule_plan (FitaItem **root_out)
{
  FitaPlan *plan = fita_plan_new ();
  FitaItem *root = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  FitaItem *mid = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  const gint64 leaf_values[] = { 100, 0, FITA_NONE };  /* under mid */
  const gint64 leaf_weights[] = { 1, 1, 1 };

  fita_plan_get_info (plan)->title = g_strdup ("Regles");
  root->code = g_strdup ("R");
  fita_plan_adopt_record (plan, root);
  mid->parent_id = root->rec.id;
  mid->code = g_strdup ("R.1");
  mid->weight = 3;
  fita_plan_adopt_record (plan, mid);
  for (guint i = 0; i < 3; i++)
    {
      FitaItem *leaf = fita_plan_new_record (plan, FITA_TABLE_ITEM);
      leaf->parent_id = mid->rec.id;
      leaf->position = i;
      leaf->progress_bp = leaf_values[i] == FITA_NONE ? FITA_NONE : leaf_values[i] * 100;
      leaf->weight = leaf_weights[i];
      fita_plan_adopt_record (plan, leaf);
    }
  {
    FitaItem *leaf = fita_plan_new_record (plan, FITA_TABLE_ITEM);
    leaf->parent_id = root->rec.id;
    leaf->position = 1;
    leaf->progress_bp = 2000;
    fita_plan_adopt_record (plan, leaf);
  }
  *root_out = root;
  return plan;
}

static void
test_rules (void)
{
  FitaItem *root;
  g_autoptr(FitaPlan) plan = rule_plan (&root);
  FitaPlanInfo *info = fita_plan_get_info (plan);
  FitaItem *mid = fita_plan_find_item (plan, "R.1");

  /* children, skip: mid = (100+0)/2 = 50; root = (50+20)/2 = 35 */
  g_assert_cmpint (fita_plan_progress (plan, mid), ==, 50);
  g_assert_cmpint (fita_plan_progress (plan, root), ==, 35);

  /* children, zero: mid = 100/3 = 33,33; root = (33,33+20)/2 = 26,67 → 27 */
  fita_plan_set_int (plan, info, "progress_missing", FITA_MISSING_ZERO, NULL);
  g_assert_cmpint (fita_plan_progress_bp (plan, mid), ==, 3333);
  g_assert_cmpint (fita_plan_progress (plan, root), ==, 27);

  /* leaves, zero: each action once: (100+0+0+20)/4 = 30 */
  fita_plan_set_int (plan, info, "progress_rule", FITA_PROGRESS_LEAVES, NULL);
  g_assert_cmpint (fita_plan_progress (plan, root), ==, 30);
  /* leaves, skip: (100+0+20)/3 = 40 */
  fita_plan_set_int (plan, info, "progress_missing", FITA_MISSING_SKIP, NULL);
  g_assert_cmpint (fita_plan_progress (plan, root), ==, 40);

  /* weighted, skip: mid 50 (weight 3), leaf 20 (weight 1) → 170/4 = 42,5 → 43 */
  fita_plan_set_int (plan, info, "progress_rule", FITA_PROGRESS_WEIGHTED, NULL);
  g_assert_cmpint (fita_plan_progress (plan, root), ==, 43);
  g_assert_cmpint (fita_plan_progress_bp (plan, root), ==, 4250);

  {
    g_autofree char *rule = fita_plan_describe_progress_rule (plan);
    g_assert_nonnull (strstr (rule, "weight"));
  }
}

static void
test_status_default_percent (void)
{
  g_autoptr(FitaPlan) plan = fita_plan_new_default ("Pla");
  FitaStatus *done = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_STATUS, 0), 2);
  FitaItem *parent = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  FitaItem *leaf = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  FitaItem *other = fita_plan_new_record (plan, FITA_TABLE_ITEM);

  fita_plan_adopt_record (plan, parent);
  leaf->parent_id = parent->rec.id;
  fita_plan_adopt_record (plan, leaf);
  other->parent_id = parent->rec.id;
  other->position = 1;
  fita_plan_adopt_record (plan, other);

  /* nothing known yet */
  g_assert_cmpint (fita_plan_progress (plan, parent), ==, -1);
  /* a leaf marked done with no percent counts as its status' 100 % */
  g_assert_true (fita_plan_set_int (plan, leaf, "status_id", done->rec.id, NULL));
  g_assert_cmpint (fita_plan_progress (plan, leaf), ==, 100);
  g_assert_cmpint (fita_plan_progress (plan, parent), ==, 100);
  g_assert_true (fita_plan_set_int (plan, other, "progress", 0, NULL));
  g_assert_cmpint (fita_plan_progress (plan, parent), ==, 50);
}

/* The whole plan's figure follows the plan's rule, as every parent's does:
 * a second top-level item that is itself a leaf makes the rules differ. */
static void
test_plan_level (void)
{
  FitaItem *root;
  g_autoptr(FitaPlan) plan = rule_plan (&root);
  FitaPlanInfo *info = fita_plan_get_info (plan);
  FitaItem *lone = fita_plan_new_record (plan, FITA_TABLE_ITEM);

  lone->code = g_strdup ("S");
  lone->position = 1;
  lone->progress_bp = 9583;   /* 95,83 % */
  lone->weight = 2;
  fita_plan_adopt_record (plan, lone);
  fita_plan_rollup (plan);

  /* children: R = 35 %, S = 95,83 % → (3500 + 9583) / 2 = 6541,5 → 6542 */
  g_assert_cmpint (fita_plan_progress_bp (plan, NULL), ==, 6542);
  g_assert_cmpint (fita_plan_progress (plan, NULL), ==, 65);
  /* leaves: 100, 0, 20, 95,83 → 21583 / 4 = 5395,75 → 5396 */
  fita_plan_set_int (plan, info, "progress_rule", FITA_PROGRESS_LEAVES, NULL);
  g_assert_cmpint (fita_plan_progress_bp (plan, NULL), ==, 5396);
  /* weighted: R (1) 42,5 %, S (2) 95,83 % → (4250 + 19166) / 3 = 7805,33 → 7805 */
  fita_plan_set_int (plan, info, "progress_rule", FITA_PROGRESS_WEIGHTED, NULL);
  g_assert_cmpint (fita_plan_progress_bp (plan, root), ==, 4250);
  g_assert_cmpint (fita_plan_progress_bp (plan, NULL), ==, 7805);

  /* shown with the plan's decimals, half up */
  {
    g_autofree char *none = fita_plan_format_progress (plan, NULL, "ca");
    g_autofree char *one = NULL;
    g_autofree char *two = NULL;
    g_assert_cmpstr (none, ==, "78" NBSP "%");
    fita_plan_set_int (plan, info, "progress_decimals", 1, NULL);
    one = fita_plan_format_progress (plan, NULL, "ca");
    g_assert_cmpstr (one, ==, "78,1" NBSP "%");
    fita_plan_set_int (plan, info, "progress_decimals", 2, NULL);
    two = fita_plan_format_progress (plan, lone, "en");
    g_assert_cmpstr (two, ==, "95.83%");
    g_assert_false (fita_plan_set_int (plan, info, "progress_decimals", 3, NULL));
  }
}

/* Unknown is not zero: no percent anywhere is "not known", whatever the
 * rule for missing percents; an empty plan has no figure. */
static void
test_unknown (void)
{
  g_autoptr(FitaPlan) plan = fita_plan_new_default ("Pla");
  FitaPlanInfo *info = fita_plan_get_info (plan);
  FitaItem *parent = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  FitaItem *leaf = fita_plan_new_record (plan, FITA_TABLE_ITEM);
  FitaBudgetSum sum;

  g_assert_cmpint (fita_plan_progress_bp (plan, NULL), ==, FITA_NONE);
  fita_plan_adopt_record (plan, parent);
  leaf->parent_id = parent->rec.id;
  fita_plan_adopt_record (plan, leaf);
  for (int missing = FITA_MISSING_SKIP; missing <= FITA_MISSING_ZERO; missing++)
    {
      g_autofree char *shown = NULL;
      fita_plan_set_int (plan, info, "progress_missing", missing, NULL);
      g_assert_cmpint (fita_plan_progress_bp (plan, parent), ==, FITA_NONE);
      g_assert_cmpint (fita_plan_progress_bp (plan, NULL), ==, FITA_NONE);
      shown = fita_plan_format_progress (plan, parent, "ca");
      g_assert_cmpstr (shown, ==, "—");
    }
  /* planned but nothing executed known: no rate */
  g_assert_true (fita_plan_set_budget (plan, leaf->rec.id, 2025, 0, 500000, FITA_NONE, NULL));
  fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum);
  g_assert_cmpint (sum.planned, ==, 500000);
  g_assert_cmpint (sum.executed, ==, FITA_NONE);
  g_assert_cmpint (fita_rate_bp (sum.executed, sum.planned), ==, FITA_NONE);
  {
    g_autofree char *rate = fita_percent_format_bp (fita_rate_bp (sum.executed, sum.planned), "ca");
    g_assert_cmpstr (rate, ==, "—");
  }
}

static void
test_statuses (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaItem *programme = fita_plan_find_item (plan, "11");
  FitaLevel *programmes = fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, "Programa");
  g_autoptr(GArray) leaves = NULL;
  g_autoptr(GArray) by_level = NULL;
  guint counted;

  /* 11.1 En curs, 11.2 En curs, 11.3 No iniciat, 11.4 No iniciat, 11.5 En curs */
  leaves = fita_plan_count_statuses (plan, programme, NULL, &counted);
  g_assert_cmpuint (counted, ==, 5);
  g_assert_cmpuint (leaves->len, ==, 3);
  g_assert_cmpstr (g_array_index (leaves, FitaStatusCount, 0).status->name, ==, "No iniciat");
  g_assert_cmpuint (g_array_index (leaves, FitaStatusCount, 0).count, ==, 2);
  g_assert_cmpint (g_array_index (leaves, FitaStatusCount, 0).share_bp, ==, 4000);
  g_assert_cmpuint (g_array_index (leaves, FitaStatusCount, 1).count, ==, 3);
  g_assert_cmpuint (g_array_index (leaves, FitaStatusCount, 2).count, ==, 0);
  g_assert_cmpint (g_array_index (leaves, FitaStatusCount, 2).share_bp, ==, 0);

  /* the programme itself has no status: counted as "none" */
  by_level = fita_plan_count_statuses (plan, NULL, programmes, &counted);
  g_assert_cmpuint (counted, ==, 1);
  g_assert_cmpuint (by_level->len, ==, 4);
  g_assert_null (g_array_index (by_level, FitaStatusCount, 3).status);
  g_assert_cmpuint (g_array_index (by_level, FitaStatusCount, 3).count, ==, 1);
  g_assert_cmpint (g_array_index (by_level, FitaStatusCount, 3).share_bp, ==, 10000);
}

/* An action added under a programme with its own planned total: the total
 * is the envelope, and total = what is in years + what is not. */
static void
test_envelope (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaItem *programme = fita_plan_find_item (plan, "11");
  FitaItem *action = fita_plan_find_item (plan, "11.5");
  FitaBudgetEnvelope e;

  g_assert_true (fita_plan_set_budget (plan, action->rec.id, 2025, 0, 500000, 123456, NULL));
  fita_plan_budget_envelope (plan, programme, &e);
  g_assert_cmpint (e.total, ==, 12000000);
  g_assert_cmpint (e.in_years, ==, 500000);
  g_assert_cmpint (e.not_in_years, ==, 11500000);
  g_assert_cmpint (e.parts, ==, 500000);
  g_assert_false (e.over);

  /* a part larger than its whole */
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.4"), "planned_total_cents", 13000000, NULL));
  fita_plan_budget_envelope (plan, programme, &e);
  g_assert_cmpint (e.parts, ==, 13500000);
  g_assert_true (e.over);
  g_assert_cmpint (e.in_years, ==, 500000);
  g_assert_cmpint (e.not_in_years, ==, 11500000);

  /* the whole plan: the sum of its top-level totals */
  fita_plan_budget_envelope (plan, NULL, &e);
  g_assert_cmpint (e.total, ==, 12000000);
  g_assert_false (e.over);

  /* negative amounts are refused, naming the item and the year */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (fita_plan_set_budget (plan, action->rec.id, 2026, 0, -1, FITA_NONE, &error));
    g_assert_nonnull (strstr (error->message, "11.5, 2026"));
    g_assert_null (fita_plan_find_budget_line (plan, action->rec.id, 2026, 0));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rollup/seed-000-terrassa-ess", test_terrassa_ess);
  g_test_add_func ("/rollup/seed-001-terrassa-social-services", test_terrassa_social_services);
  g_test_add_func ("/rollup/seed-002-espai-ess", test_espai_ess);
  g_test_add_func ("/rollup/seed-003-impulsem", test_impulsem);
  g_test_add_func ("/rollup/seed-004-xmess", test_xmess);
  g_test_add_func ("/rollup/rules", test_rules);
  g_test_add_func ("/rollup/status-default-percent", test_status_default_percent);
  g_test_add_func ("/rollup/plan-level", test_plan_level);
  g_test_add_func ("/rollup/unknown", test_unknown);
  g_test_add_func ("/rollup/statuses", test_statuses);
  g_test_add_func ("/rollup/envelope", test_envelope);
  return g_test_run ();
}
