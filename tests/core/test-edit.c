/* Tree edits (add, duplicate, indent, renumber) and search. */
#include <string.h>

#include "fita-edit.h"
#include "fita-error.h"
#include "fita-json.h"
#include "fita-rollup.h"
#include "fita-test-util.h"

static void
test_suggest_code (void)
{
  g_autoptr(FitaPlan) ess = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autoptr(FitaPlan) social = fita_test_example ("terrassa-serveis-socials-2023-2027");
  struct { FitaPlan *plan; const char *parent; guint index; const char *code; } cases[] = {
    { ess, "11", 5, "11.6" },
    { ess, "O3", 1, "O3.A2" },
    { ess, NULL, 1, "O4" },
    { xmess, NULL, 3, "IV" },
    { xmess, "I", 2, "I.3" },
    { xmess, "I.1", 3, NULL },      /* "I.1.4" is taken */
    { xmess, "III.3", 2, "III.3.3" },
    { social, "ETAC 5", 7, "ETAC 5.8" },
    { social, "11.1", 0, NULL },     /* no such parent: none */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FitaItem *parent = cases[i].parent ? fita_plan_find_item (cases[i].plan, cases[i].parent) : NULL;
      g_autofree char *code = NULL;
      if (cases[i].parent != NULL && parent == NULL)
        continue;
      code = fita_plan_suggest_code (cases[i].plan, parent ? parent->rec.id : 0, cases[i].index);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
  /* a code that exists is never suggested */
  {
    g_autofree char *code = fita_plan_suggest_code (ess, fita_plan_find_item (ess, "11")->rec.id, 2);
    g_assert_null (code);
  }
}

static void
test_add_item (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, NULL);
  FitaItem *leaf = fita_plan_find_item (plan, "11.5");
  g_autoptr(GError) error = NULL;
  FitaItem *added, *child;

  added = fita_plan_add_item (plan, leaf->parent_id, -1, "Mapa d'iniciatives", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->code, ==, "11.6");
  g_assert_cmpint (added->level_id, ==, leaf->level_id);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Add Item");

  /* a child under a leaf: the leaf's entered percent gives way to the derived one */
  g_assert_cmpint (leaf->progress_bp, ==, 2000);
  child = fita_plan_add_item (plan, leaf->rec.id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (child->code, ==, "11.5.1");
  g_assert_cmpint (leaf->progress_bp, ==, FITA_NONE);
  g_assert_cmpint (fita_plan_progress (plan, leaf), ==, -1);
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_cmpint (leaf->progress_bp, ==, 2000);
  g_assert_null (fita_plan_find_item (plan, "11.5.1"));
}

static void
test_duplicate (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, NULL);
  g_autofree char *before = fita_json_export (plan);
  FitaItem *action = fita_plan_find_item (plan, "O3.A1");
  g_autoptr(GError) error = NULL;
  FitaItem *copy;

  copy = fita_plan_duplicate_item (plan, action, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->code, ==, "O3.A2");
  /* a copy in the middle of a list takes the next free code at its end */
  {
    FitaItem *second = fita_plan_duplicate_item (plan, fita_plan_find_item (plan, "11.2"), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (second->code, ==, "11.6");
    g_assert_true (fita_plan_undo (plan, &error));
  }
  g_assert_cmpstr (copy->title, ==, action->title);
  g_assert_cmpint (copy->position, ==, action->position + 1);
  /* everything below came along: programme, five actions, budget, indicators */
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 15);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_BUDGET_LINE), ==, 6);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_INDICATOR_VALUE), ==, 4);
  {
    FitaBudgetSum a, b;
    fita_plan_budget_sum (plan, action, FITA_NONE, 0, &a);
    fita_plan_budget_sum (plan, copy, FITA_NONE, 0, &b);
    g_assert_cmpint (a.executed, ==, b.executed);
    g_assert_cmpint (b.planned, ==, 12000000);
  }
  g_assert_cmpint (fita_plan_progress (plan, copy), ==, 12);
  g_assert_true (fita_plan_undo (plan, &error));
  {
    g_autofree char *after = fita_json_export (plan);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_indent_outdent_shift (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  FitaItem *item = fita_plan_find_item (plan, "I.1.3");
  FitaItem *above = fita_plan_find_item (plan, "I.1.2");
  FitaItem *objective = fita_plan_find_item (plan, "I.1");
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_indent_item (plan, item, &error));
  g_assert_cmpint (item->parent_id, ==, above->rec.id);
  g_assert_true (fita_plan_outdent_item (plan, item, &error));
  g_assert_cmpint (item->parent_id, ==, objective->rec.id);
  g_assert_cmpint (item->position, ==, 2);
  g_assert_true (fita_plan_outdent_item (plan, item, &error));
  g_assert_cmpint (item->parent_id, ==, fita_plan_find_item (plan, "I")->rec.id);
  g_assert_cmpint (item->position, ==, 1);   /* right after I.1 */

  g_assert_true (fita_plan_shift_item (plan, item, -1, &error));
  g_assert_cmpint (item->position, ==, 0);
  g_assert_false (fita_plan_shift_item (plan, item, -1, &error));
  g_clear_error (&error);
  g_assert_true (fita_plan_shift_item (plan, item, +1, &error));
  g_assert_cmpint (item->position, ==, 1);
  g_assert_false (fita_plan_indent_item (plan, fita_plan_find_item (plan, "I"), &error));
  g_clear_error (&error);
  g_assert_false (fita_plan_outdent_item (plan, fita_plan_find_item (plan, "I"), &error));
}

static void
test_renumber (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  FitaItem *objective = fita_plan_find_item (plan, "I.1");
  FitaItem *third = fita_plan_find_item (plan, "I.1.3");
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_move (plan, third, objective->rec.id, 0, &error));
  g_assert_true (fita_plan_renumber (plan, objective->rec.id, &error));
  g_assert_cmpstr (third->code, ==, "I.1.1");
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_ITEM, objective->rec.id), 1))->code, ==, "I.1.2");
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Renumber Codes");

  /* renumbering the top renames the whole tree below */
  g_assert_true (fita_plan_move (plan, fita_plan_find_item (plan, "III"), 0, 0, &error));
  g_assert_true (fita_plan_renumber (plan, 0, &error));
  g_assert_cmpstr (((FitaItem *) g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_ITEM, 0), 0))->code, ==, "I");
  g_assert_nonnull (fita_plan_find_item (plan, "I.3.2"));    /* was III.3.2 */
  g_assert_nonnull (fita_plan_find_item (plan, "III.2.5"));  /* was II.2.5 */
  g_assert_null (fita_plan_find_item (plan, "III.3.1"));
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_nonnull (fita_plan_find_item (plan, "III.3.1"));
}

static guint
count (GHashTable *set)
{
  return g_hash_table_size (set);
}

static void
test_search (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("xmess-2017-2019");
  FitaFilter filter = { NULL, 0, 0, FITA_NONE };
  g_autoptr(GHashTable) visible = NULL;
  g_autoptr(GHashTable) matches = NULL;
  FitaAgent *commission = fita_plan_find_by_name (plan, FITA_TABLE_AGENT, "Comissió executiva");

  filter.text = "PLA DE COMUNICACIO";   /* any case, no accents: "pla de comunicació" */
  matches = fita_plan_search (plan, &filter, &visible);
  g_assert_true (g_hash_table_contains (matches, &fita_plan_find_item (plan, "III.1.1")->rec.id));
  g_assert_true (g_hash_table_contains (matches, &fita_plan_find_item (plan, "III.1.2")->rec.id));
  g_assert_false (g_hash_table_contains (matches, &fita_plan_find_item (plan, "III.1.3")->rec.id));
  g_clear_pointer (&matches, g_hash_table_unref);
  g_clear_pointer (&visible, g_hash_table_unref);

  filter.text = "COMPARTIR INFORMES";
  matches = fita_plan_search (plan, &filter, &visible);
  g_assert_cmpuint (count (matches), ==, 1);
  g_assert_true (g_hash_table_contains (matches, &fita_plan_find_item (plan, "I.1.3")->rec.id));
  /* its parents stay visible */
  g_assert_cmpuint (count (visible), ==, 3);
  g_assert_true (g_hash_table_contains (visible, &fita_plan_find_item (plan, "I")->rec.id));
  g_clear_pointer (&matches, g_hash_table_unref);
  g_clear_pointer (&visible, g_hash_table_unref);

  filter.text = "III.3.";
  matches = fita_plan_search (plan, &filter, NULL);
  g_assert_cmpuint (count (matches), ==, 2);
  g_clear_pointer (&matches, g_hash_table_unref);

  filter.text = NULL;
  g_assert_nonnull (commission);
  filter.agent_id = commission->rec.id;
  matches = fita_plan_search (plan, &filter, NULL);
  g_assert_cmpuint (count (matches), >=, 5);
  g_assert_true (g_hash_table_contains (matches, &fita_plan_find_item (plan, "II.2.1")->rec.id));
  g_assert_false (g_hash_table_contains (matches, &fita_plan_find_item (plan, "I.1.1")->rec.id));
  g_clear_pointer (&matches, g_hash_table_unref);

  filter.agent_id = 0;
  filter.year = 2030;
  matches = fita_plan_search (plan, &filter, NULL);
  g_assert_cmpuint (count (matches), ==, 0);
  g_clear_pointer (&matches, g_hash_table_unref);
  filter.year = 2017;
  matches = fita_plan_search (plan, &filter, NULL);
  g_assert_true (g_hash_table_contains (matches, &fita_plan_find_item (plan, "I.1.1")->rec.id));
}

static void
test_in_year (void)
{
  FitaItem item = { { FITA_TABLE_ITEM, 1 }, 0 };

  item.start_year = FITA_NONE;
  item.end_year = 2024;
  g_assert_true (fita_item_in_year (&item, 2024));
  g_assert_false (fita_item_in_year (&item, 2023));
  item.start_year = 2020;
  g_assert_true (fita_item_in_year (&item, 2022));
  item.start_year = item.end_year = FITA_NONE;
  item.start_date = (char *) "2016";
  item.end_date = (char *) "2021-06-30";
  g_assert_true (fita_item_in_year (&item, 2021));
  g_assert_false (fita_item_in_year (&item, 2022));
  item.start_date = item.end_date = NULL;
  item.semesters = (char *) "2018-2";
  g_assert_true (fita_item_in_year (&item, 2018));
  g_assert_false (fita_item_in_year (&item, 2019));
}

static void
test_cells (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, NULL);
  FitaItem *programme = fita_plan_find_item (plan, "11");
  FitaChapter *staff = fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, "Capítol 1");
  FitaIndicator *workshops = NULL;
  FitaBudgetSum sum;
  GPtrArray *lines;
  g_autoptr(GError) error = NULL;

  /* a new cell, planned only */
  g_assert_null (fita_plan_find_budget_line (plan, programme->rec.id, 2025, staff->rec.id));
  g_assert_true (fita_plan_set_budget (plan, programme->rec.id, 2025, staff->rec.id, 1500000, FITA_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_budget_line (plan, programme->rec.id, 2025, staff->rec.id)->planned_cents, ==, 1500000);
  lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, programme->rec.id);
  g_assert_cmpint (((FitaBudgetLine *) g_ptr_array_index (lines, lines->len - 1))->year, ==, 2025);
  /* executed 0 is an amount: the line stays */
  g_assert_true (fita_plan_set_budget (plan, programme->rec.id, 2025, staff->rec.id, FITA_NONE, 0, &error));
  g_assert_nonnull (fita_plan_find_budget_line (plan, programme->rec.id, 2025, staff->rec.id));
  /* nothing left: the line goes */
  g_assert_true (fita_plan_set_budget (plan, programme->rec.id, 2025, staff->rec.id, FITA_NONE, FITA_NONE, &error));
  g_assert_null (fita_plan_find_budget_line (plan, programme->rec.id, 2025, staff->rec.id));
  fita_plan_budget_sum (plan, programme, FITA_NONE, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 1222369);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Edit Budget");

  /* follow-up of a year that has none yet */
  g_assert_null (fita_plan_find_followup (plan, programme->rec.id, 2025));
  g_assert_true (fita_plan_set_followup (plan, programme->rec.id, 2025, "next_steps", "Pla de treball amb accions concretes", &error));
  g_assert_cmpstr (fita_plan_find_followup (plan, programme->rec.id, 2025)->next_steps, ==, "Pla de treball amb accions concretes");
  g_assert_true (fita_plan_set_followup (plan, programme->rec.id, 2025, "next_steps", "", &error));
  g_assert_null (fita_plan_find_followup (plan, programme->rec.id, 2025));
  g_assert_false (fita_plan_set_followup (plan, programme->rec.id, 2025, "nonsense", "x", &error));
  g_clear_error (&error);
  g_assert_null (fita_plan_find_followup (plan, programme->rec.id, 2025));

  /* an indicator's value for a year */
  for (guint i = 0; i < fita_plan_list (plan, FITA_TABLE_INDICATOR, programme->rec.id)->len; i++)
    {
      FitaIndicator *indicator = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_INDICATOR, programme->rec.id), i);
      if (g_str_equal (indicator->name, "Nombre de tallers realitzats"))
        workshops = indicator;
    }
  g_assert_nonnull (workshops);
  g_assert_cmpstr (fita_plan_find_indicator_value (plan, workshops->rec.id, 2024)->value, ==, "4");
  g_assert_true (fita_plan_set_indicator_value (plan, workshops->rec.id, 2025, "7", NULL, &error));
  g_assert_cmpstr (fita_plan_find_indicator_value (plan, workshops->rec.id, 2025)->value, ==, "7");
  g_assert_false (fita_plan_set_indicator_value (plan, workshops->rec.id, 2025, "set", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpstr (fita_plan_find_indicator_value (plan, workshops->rec.id, 2025)->value, ==, "7");
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_null (fita_plan_find_indicator_value (plan, workshops->rec.id, 2025));
}

/* Another plan's items go under an item as one change, their lists
 * matched by name; a clash of codes refuses all of it. */
static void
test_graft (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, NULL);
  g_autoptr(FitaPlan) source = fita_test_example ("xmess-2017-2019");
  g_autofree char *before = fita_json_export (plan);
  FitaItem *programme = fita_plan_find_item (plan, "11");
  guint items = fita_plan_count (plan, FITA_TABLE_ITEM);
  guint lines = fita_plan_count (plan, FITA_TABLE_BUDGET_LINE);
  guint agents = fita_plan_count (plan, FITA_TABLE_AGENT);
  guint n = 0;
  g_autoptr(GError) error = NULL;
  FitaItem *top, *copied, *original;

  g_assert_true (fita_plan_graft (plan, programme->rec.id, 1, source, "Import", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, fita_plan_count (source, FITA_TABLE_ITEM));
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, items + n);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_BUDGET_LINE), ==,
                    lines + fita_plan_count (source, FITA_TABLE_BUDGET_LINE));
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Import");

  /* the source's first item is the programme's second child */
  top = fita_plan_list (plan, FITA_TABLE_ITEM, programme->rec.id)->pdata[1];
  g_assert_cmpstr (top->code, ==, "I");
  copied = fita_plan_find_item (plan, "I.1.3");
  original = fita_plan_find_item (source, "I.1.3");
  g_assert_cmpstr (copied->title, ==, original->title);
  g_assert_cmpstr (copied->semesters, ==, original->semesters);
  g_assert_cmpint (copied->progress_bp, ==, original->progress_bp);
  /* references by name: the plan's record of that name */
  {
    const char *names[] = { "level", "status" };
    gint64 ids[][2] = { { copied->level_id, original->level_id }, { copied->status_id, original->status_id } };
    FitaTableId tables[] = { FITA_TABLE_LEVEL, FITA_TABLE_STATUS };
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        FitaLevel *mine = fita_plan_lookup (plan, tables[i], ids[i][0]);
        FitaLevel *theirs = fita_plan_lookup (source, tables[i], ids[i][1]);
        g_test_message ("%s", names[i]);
        g_assert_true ((mine == NULL) == (theirs == NULL));
        if (mine != NULL)
          g_assert_cmpstr (mine->name, ==, theirs->name);
      }
  }
  /* the agents it names are the plan's, added once each */
  {
    GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, copied->rec.id);
    GPtrArray *was = fita_plan_list (source, FITA_TABLE_RESPONSIBILITY, original->rec.id);
    g_assert_cmpuint (who->len, ==, was->len);
    g_assert_cmpuint (who->len, >, 0);
    for (guint i = 0; i < who->len; i++)
      {
        FitaResponsibility *r = who->pdata[i], *o = was->pdata[i];
        FitaAgent *a = fita_plan_lookup (plan, FITA_TABLE_AGENT, r->agent_id);
        FitaAgent *b = fita_plan_lookup (source, FITA_TABLE_AGENT, o->agent_id);
        g_assert_nonnull (a);
        g_assert_cmpstr (a->name, ==, b->name);
        g_assert_cmpint (r->role, ==, o->role);
      }
    g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_AGENT), >, agents);
  }
  /* the roll-up sees the new branch */
  {
    FitaBudgetSum sum;
    fita_plan_budget_sum (plan, top, FITA_NONE, 0, &sum);
    FitaBudgetSum was;
    fita_plan_budget_sum (source, fita_plan_find_item (source, "I"), FITA_NONE, 0, &was);
    g_assert_cmpint (sum.planned, ==, was.planned);
    g_assert_cmpint (sum.executed, ==, was.executed);
  }
  /* one undo takes all of it back, the lists it added too; redo brings it again */
  {
    g_autofree char *now = fita_json_export (plan);
    g_autofree char *after = NULL;
    g_autofree char *redone = NULL;
    g_autoptr(FitaPlan) reopened = NULL;
    g_autofree char *again = NULL;

    g_assert_true (fita_plan_undo (plan, &error));
    after = fita_json_export (plan);
    g_assert_cmpstr (after, ==, before);
    g_assert_true (fita_plan_redo (plan, &error));
    redone = fita_json_export (plan);
    g_assert_cmpstr (redone, ==, now);
    /* and it is in the file */
    reopened = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    again = fita_json_export (reopened);
    g_assert_cmpstr (again, ==, now);
    g_assert_true (fita_plan_undo (plan, &error));
  }

  /* the same items again clash by code: refused, every code named, nothing changed */
  {
    g_autoptr(FitaPlan) self_copy = fita_test_example ("terrassa-ess-2019-2026");
    g_autofree char *after = NULL;
    g_assert_false (fita_plan_graft (plan, 0, -1, self_copy, "Import", &n, &error));
    g_assert_error (error, FITA_ERROR, FITA_ERROR_EXISTS);
    g_assert_nonnull (strstr (error->message, "O3.A1"));
    g_assert_nonnull (strstr (error->message, "11.5"));
    g_assert_cmpuint (n, ==, 0);
    g_clear_error (&error);
    after = fita_json_export (plan);
    g_assert_cmpstr (after, ==, before);
  }
  /* the next change works */
  g_assert_true (fita_plan_graft (plan, 0, -1, source, "Import", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (((FitaItem *) fita_plan_list (plan, FITA_TABLE_ITEM, 0)->pdata[fita_plan_list (plan, FITA_TABLE_ITEM, 0)->len - 1])->code, ==, "III");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edit/suggest-code", test_suggest_code);
  g_test_add_func ("/edit/add-item", test_add_item);
  g_test_add_func ("/edit/duplicate", test_duplicate);
  g_test_add_func ("/edit/graft", test_graft);
  g_test_add_func ("/edit/indent-outdent-shift", test_indent_outdent_shift);
  g_test_add_func ("/edit/renumber", test_renumber);
  g_test_add_func ("/edit/search", test_search);
  g_test_add_func ("/edit/in-year", test_in_year);
  g_test_add_func ("/edit/cells", test_cells);
  return g_test_run ();
}
