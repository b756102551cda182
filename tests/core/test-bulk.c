/* Editing many items at once: each edit one undoable change. */
#include "fita-bulk.h"
#include "fita-error.h"
#include "fita-test-util.h"

static GArray *
ids_of (FitaPlan          *plan,
        const char * const *codes)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; codes[i] != NULL; i++)
    {
      FitaItem *item = fita_plan_find_item (plan, codes[i]);

      g_assert_nonnull (item);
      g_array_append_val (ids, item->rec.id);
    }

  return ids;
}

static void
test_bulk_status (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  const char * const codes[] = { "11.1", "11.3", NULL };
  g_autoptr(GArray) ids = ids_of (plan, codes);
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  FitaStatus *status = g_ptr_array_index (statuses, statuses->len - 1);
  gint64 before = fita_plan_find_item (plan, "11.1")->status_id;
  g_autoptr(GError) error = NULL;
  gint64 gone = 999999;

  /* an id no longer in the plan is skipped */
  g_array_append_val (ids, gone);
  g_assert_true (fita_bulk_set_status (plan, ids, status->rec.id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->status_id, ==, status->rec.id);
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->status_id, ==, status->rec.id);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Set Status");

  /* one change: one undo brings both back */
  g_assert_true (fita_plan_undo (plan, NULL));
  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->status_id, ==, before);
  g_assert_false (fita_plan_can_undo (plan));

  /* no status at all */
  g_assert_true (fita_bulk_set_status (plan, ids, 0, NULL));
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->status_id, ==, 0);

  /* a status that is not in the plan changes nothing */
  g_assert_false (fita_bulk_set_status (plan, ids, gone, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->status_id, ==, 0);
}

static guint
n_executors (FitaPlan *plan,
             FitaItem *item,
             gint64    agent_id)
{
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);
  guint n = 0;

  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *responsibility = g_ptr_array_index (who, i);

      if (responsibility->agent_id == agent_id && responsibility->role == FITA_ROLE_EXECUTES)
        n++;
    }

  return n;
}

static void
test_bulk_executor (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  const char * const codes[] = { "11.1", "11.2", NULL };
  g_autoptr(GArray) ids = ids_of (plan, codes);
  FitaAgent *agent = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_AGENT, 0), 0);
  FitaItem *first = fita_plan_find_item (plan, "11.1");
  FitaItem *second = fita_plan_find_item (plan, "11.2");
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_bulk_add_executor (plan, ids, agent->rec.id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_executors (plan, first, agent->rec.id), ==, 1);
  g_assert_cmpuint (n_executors (plan, second, agent->rec.id), ==, 1);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Set Responsible");

  /* again: still one responsibility each, not two */
  g_assert_true (fita_bulk_add_executor (plan, ids, agent->rec.id, NULL));
  g_assert_cmpuint (n_executors (plan, first, agent->rec.id), ==, 1);

  g_assert_false (fita_bulk_add_executor (plan, ids, 999999, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
}

static void
test_bulk_years (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  const char * const codes[] = { "11.1", "11.3", NULL };
  g_autoptr(GArray) ids = ids_of (plan, codes);
  FitaItem *item = fita_plan_find_item (plan, "11.3");
  gint64 start = item->start_year, end = item->end_year;
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_bulk_set_years (plan, ids, 2021, 2023, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (plan, "11.1")->start_year, ==, 2021);
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->end_year, ==, 2023);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Set Years");
  g_assert_true (fita_plan_undo (plan, NULL));
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->start_year, ==, start);
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->end_year, ==, end);

  /* start after end: refused, nothing changed, nothing to undo */
  g_assert_false (fita_bulk_set_years (plan, ids, 2024, 2022, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_nonnull (g_strstr_len (error->message, -1, "2024"));
  g_assert_cmpint (fita_plan_find_item (plan, "11.3")->start_year, ==, start);
  g_assert_false (fita_plan_can_undo (plan));
}

static void
test_bulk_delete (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  /* a parent and one of its children: the child goes with the parent */
  const char * const codes[] = { "11", "11.2", "O3", NULL };
  g_autoptr(GArray) ids = ids_of (plan, codes);
  guint n = fita_plan_count (plan, FITA_TABLE_ITEM);
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_bulk_delete (plan, ids, &error));
  g_assert_no_error (error);
  g_assert_null (fita_plan_find_item (plan, "11"));
  g_assert_null (fita_plan_find_item (plan, "11.2"));
  g_assert_null (fita_plan_find_item (plan, "O3"));
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), <, n);
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Delete Items");

  g_assert_true (fita_plan_undo (plan, NULL));
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, n);
  g_assert_nonnull (fita_plan_find_item (plan, "11.2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bulk/status", test_bulk_status);
  g_test_add_func ("/bulk/executor", test_bulk_executor);
  g_test_add_func ("/bulk/years", test_bulk_years);
  g_test_add_func ("/bulk/delete", test_bulk_delete);

  return g_test_run ();
}
