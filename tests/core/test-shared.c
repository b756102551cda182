/* Shared plans on a real PostgreSQL 15 server, started by
 * tests/pg/pgcluster.py: the schema, copies both ways, two clients at once,
 * live updates, a server that dies and comes back, who may do what, a
 * wrong password and a server that cannot prove who it is. */
#include "config.h"
#include <glib/gstdio.h>
#include <string.h>

#include "fita-error.h"
#include "fita-json.h"
#include "fita-log.h"
#include "fita-plan.h"
#include "fita-server.h"
#include "fita-test-util.h"

static const char *base_uri;   /* the database: postgresql:///fita?host=…&port=…&user=fita_admin */
static guint plan_counter;

/* Runs pgcluster.py with these arguments; TRUE if it succeeded. */
static gboolean
pgcluster (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, (gpointer) g_getenv ("FITA_TEST_PGCLUSTER_PY"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("pgcluster.py: %s", error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
need_server (void)
{
  if (base_uri == NULL)
    {
      g_test_skip ("no PostgreSQL server (run through tests/pg/pgcluster.py)");
      return FALSE;
    }
  return TRUE;
}

/* A URI for a role on the test server, and a plan. */
static char *
uri_as (const char *role, const char *plan)
{
  return g_strdup_printf ("postgresql:///fita?host=%s&port=%s&user=%s&plan=%s",
                          g_getenv ("FITA_TEST_PG_HOST"), g_getenv ("FITA_TEST_PG_PORT"), role, plan);
}

/* Pushes a plan to a new plan of its own on the server; its URI as fita_admin. */
static char *
push_plan (FitaPlan *plan, const char *example, char **plan_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("p%u-%s", ++plan_counter, example);
  char *uri = uri_as ("fita_admin", name);

  g_assert_true (fita_plan_save_copy (plan, uri, &error));
  g_assert_no_error (error);
  if (plan_name)
    *plan_name = g_steal_pointer (&name);
  return uri;
}

static char *
push_example (const char *example, char **plan_name)
{
  g_autoptr(FitaPlan) plan = fita_test_example (example);

  return push_plan (plan, example, plan_name);
}

static FitaPlan *
open_ok (const char *uri)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_plan_open (uri, FITA_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
test_migrate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *postgres_db = NULL;
  guint steps = 99;

  if (!need_server ())
    return;
  /* again: nothing to do */
  g_assert_true (fita_server_migrate (base_uri, NULL, &steps, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steps, ==, 0);

  /* a database from a newer Fita is refused, by migrate and by open */
  uri = push_example ("xmess-2017-2019", NULL);
  g_assert_true (pgcluster ("psql", "fita_admin", "UPDATE fita.meta SET schema_version = 99", NULL));
  g_assert_false (fita_server_migrate (base_uri, NULL, &steps, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_null (fita_plan_open (uri, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_true (pgcluster ("psql", "fita_admin", "UPDATE fita.meta SET schema_version = 1", NULL));

  /* a database without Fita's schema */
  postgres_db = g_strdup_printf ("postgresql:///postgres?host=%s&port=%s&user=fita_admin&plan=x",
                                 g_getenv ("FITA_TEST_PG_HOST"), g_getenv ("FITA_TEST_PG_PORT"));
  g_assert_null (fita_plan_open (postgres_db, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_PLAN);
  g_assert_nonnull (strstr (error->message, "server init"));
  g_clear_error (&error);
  /* where the schema cannot be made, nothing of it is left */
  g_assert_false (fita_server_migrate (postgres_db, NULL, &steps, &error));
  g_assert_nonnull (strstr (error->message, "nothing was changed"));
  g_clear_error (&error);
  g_assert_null (fita_plan_open (postgres_db, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_PLAN);
}

static void
test_round_trip (void)
{
  const char *examples[] = { "terrassa-ess-2019-2026", "xmess-2017-2019", "barcelona-espai-ess",
                             "barcelona-impulsem-2016-2021", "terrassa-serveis-socials-2023-2027" };

  if (!need_server ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(FitaPlan) original = fita_test_example (examples[i]);
      g_autofree char *uri = push_plan (original, examples[i], NULL);
      g_autoptr(FitaPlan) shared = open_ok (uri);
      g_autofree char *dir = fita_test_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "pulled.fita", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaPlan) pulled = NULL;
      g_autofree char *want = fita_json_export (original);
      g_autofree char *got_shared = fita_json_export (shared);
      g_autofree char *got_pulled = NULL;

      /* whole documents: compared quietly, told apart if they differ */
      g_assert_true (g_str_equal (got_shared, want));
      g_assert_true (fita_plan_save_copy (shared, path, &error));
      g_assert_no_error (error);
      pulled = open_ok (path);
      got_pulled = fita_json_export (pulled);
      g_assert_true (g_str_equal (got_pulled, want));
    }
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *no_plan = NULL;
  g_autofree char *missing = uri_as ("fita_admin", "no-such-plan");
  g_autoptr(FitaPlan) plan = NULL;

  if (!need_server ())
    return;
  g_free (push_example ("xmess-2017-2019", NULL));
  g_assert_null (fita_plan_open (missing, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "xmess-2017-2019"));
  g_clear_error (&error);

  no_plan = g_strdup (base_uri);
  g_assert_null (fita_plan_open (no_plan, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);

  /* a name already taken */
  plan = fita_test_example ("xmess-2017-2019");
  {
    g_autofree char *name = g_strdup_printf ("p%u-xmess-2017-2019", plan_counter);
    g_autofree char *taken = uri_as ("fita_admin", name);
    g_assert_false (fita_plan_save_copy (plan, taken, &error));
    g_assert_error (error, FITA_ERROR, FITA_ERROR_EXISTS);
    g_clear_error (&error);
  }
  /* the address shown to people has no password */
  {
    g_autofree char *shown = fita_location_display ("postgresql://anna:secret@db.example.org/plans?plan=a&password=x");
    g_assert_cmpstr (shown, ==, "postgresql://anna@db.example.org/plans?plan=a");
  }
}

static FitaItem *
item (FitaPlan *plan, const char *code)
{
  return fita_test_item (plan, code);
}

static void
count_remote (FitaPlan *plan, FitaChanges *changes, gpointer user_data)
{
  if (fita_changes_is_remote (changes))
    (*(guint *) user_data)++;
}

static void
test_two_clients (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FitaPlan) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;
  guint remote = 0;

  if (!need_server ())
    return;
  uri = push_example ("xmess-2017-2019", NULL);
  a = open_ok (uri);
  b = open_ok (uri);
  g_signal_connect (b, "changed", G_CALLBACK (count_remote), &remote);

  /* one client's change, read by the other */
  g_assert_true (fita_plan_set_int (a, item (a, "I.1.1"), "progress", 4000, &error));
  g_assert_no_error (error);
  g_assert_true (fita_plan_refresh (b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item (b, "I.1.1")->progress_bp, ==, 4000);
  g_assert_cmpuint (remote, ==, 1);
  /* nothing new: nothing emitted */
  g_assert_true (fita_plan_refresh (b, &error));
  g_assert_cmpuint (remote, ==, 1);

  /* two fields of one record in one change */
  fita_plan_begin (a, "Two");
  fita_plan_set_int (a, item (a, "I.1.2"), "progress", 1000, NULL);
  fita_plan_set_text (a, item (a, "I.1.2"), "notes", "both", NULL);
  g_assert_true (fita_plan_end (a, &error));
  g_assert_no_error (error);

  /* different records at once: both kept */
  g_assert_true (fita_plan_set_int (b, item (b, "I.1.3"), "progress", 3000, &error));
  g_assert_no_error (error);
  g_assert_true (fita_plan_refresh (a, &error));
  g_assert_true (fita_plan_refresh (b, &error));
  g_assert_cmpint (item (a, "I.1.3")->progress_bp, ==, 3000);
  g_assert_cmpint (item (b, "I.1.2")->progress_bp, ==, 1000);
  g_assert_cmpstr (item (b, "I.1.2")->notes, ==, "both");

  /* the same field: the second is refused, never overwrites */
  g_assert_true (fita_plan_set_int (a, item (a, "I.1.4"), "progress", 5000, &error));
  g_assert_false (fita_plan_set_int (b, item (b, "I.1.4"), "progress", 7000, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONFLICT);
  g_clear_error (&error);
  /* b shows theirs, and keeps its own on request */
  g_assert_cmpint (item (b, "I.1.4")->progress_bp, ==, 5000);
  g_assert_true (fita_plan_has_conflict (b));
  g_assert_true (fita_plan_keep_mine (b, &error));
  g_assert_no_error (error);
  g_assert_false (fita_plan_has_conflict (b));
  g_assert_cmpint (item (b, "I.1.4")->progress_bp, ==, 7000);
  g_assert_true (fita_plan_refresh (a, &error));
  g_assert_cmpint (item (a, "I.1.4")->progress_bp, ==, 7000);

  /* … or takes theirs */
  g_assert_true (fita_plan_set_text (a, item (a, "I.1.5"), "notes", "from a", &error));
  g_assert_false (fita_plan_set_text (b, item (b, "I.1.5"), "notes", "from b", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONFLICT);
  g_clear_error (&error);
  fita_plan_take_theirs (b);
  g_assert_false (fita_plan_has_conflict (b));
  g_assert_cmpstr (item (b, "I.1.5")->notes, ==, "from a");

  /* an undo that would overwrite what someone else did since is refused */
  g_assert_true (fita_plan_set_int (a, item (a, "I.1.6"), "progress", 1000, &error));
  g_assert_true (fita_plan_refresh (b, &error));
  g_assert_true (fita_plan_set_int (b, item (b, "I.1.6"), "progress", 2000, &error));
  g_assert_false (fita_plan_undo (a, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (item (a, "I.1.6")->progress_bp, ==, 2000);
}

static void
test_records_come_and_go (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL, *dir = NULL;
  g_autoptr(FitaPlan) a = NULL, b = NULL, again = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *parent;
  FitaItem *new_a, *new_b;
  GPtrArray *children;
  gint64 id_a, id_b;

  if (!need_server ())
    return;
  uri = push_example ("xmess-2017-2019", NULL);
  a = open_ok (uri);
  b = open_ok (uri);

  /* both add an item at the end of the same list, neither having seen the
   * other's: both are kept, numbered by the server, in the same order for all */
  parent = item (a, "I.1");
  new_a = fita_plan_new_record (a, FITA_TABLE_ITEM);
  new_a->parent_id = parent->rec.id;
  new_a->code = g_strdup ("I.1.90");
  new_a->title = g_strdup ("Added by a");
  id_a = new_a->rec.id;
  g_assert_true (fita_plan_insert (a, new_a, parent->rec.id, -1, &error));
  g_assert_no_error (error);
  parent = item (b, "I.1");
  new_b = fita_plan_new_record (b, FITA_TABLE_ITEM);
  new_b->parent_id = parent->rec.id;
  new_b->code = g_strdup ("I.1.91");
  new_b->title = g_strdup ("Added by b");
  id_b = new_b->rec.id;
  g_assert_cmpint (id_a, !=, id_b);
  g_assert_true (fita_plan_insert (b, new_b, parent->rec.id, -1, &error));
  g_assert_no_error (error);
  fita_plan_refresh (a, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_refresh (b, &error));
  g_assert_no_error (error);
  children = fita_plan_list (a, FITA_TABLE_ITEM, item (a, "I.1")->rec.id);
  g_assert_cmpint (((FitaRecord *) g_ptr_array_index (children, children->len - 2))->id, ==, id_a);
  g_assert_cmpint (((FitaRecord *) g_ptr_array_index (children, children->len - 1))->id, ==, id_b);
  children = fita_plan_list (b, FITA_TABLE_ITEM, item (b, "I.1")->rec.id);
  g_assert_cmpint (((FitaRecord *) g_ptr_array_index (children, children->len - 2))->id, ==, id_a);
  g_assert_cmpint (((FitaRecord *) g_ptr_array_index (children, children->len - 1))->id, ==, id_b);
  /* a new client reads the same plan, and its checks pass */
  again = open_ok (uri);
  g_assert_nonnull (fita_plan_find_item (again, "I.1.91"));

  /* a deletion reaches the other client */
  g_assert_true (fita_plan_delete (a, item (a, "I.1.90"), &error));
  g_assert_no_error (error);
  g_assert_true (fita_plan_refresh (b, &error));
  g_assert_null (fita_plan_find_item (b, "I.1.90"));
  g_assert_null (fita_plan_lookup (b, FITA_TABLE_ITEM, id_a));
  /* and a change to what the other deleted is a conflict, not a crash */
  g_assert_true (fita_plan_delete (a, item (a, "I.1.91"), &error));
  g_assert_false (fita_plan_set_text (b, item (b, "I.1.91"), "notes", "too late", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONFLICT);
  g_assert_null (fita_plan_find_item (b, "I.1.91"));
  fita_plan_take_theirs (b);

  /* the plan as the server has it is a valid file */
  dir = fita_test_tmpdir ();
  path = g_build_filename (dir, "copy.fita", NULL);
  g_clear_error (&error);
  g_assert_true (fita_plan_save_copy (b, path, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = open_ok (path);
}

typedef struct {
  guint remote;
  gboolean seen;
} Watch;

static void
on_remote (FitaPlan *plan, FitaChanges *changes, gpointer user_data)
{
  Watch *watch = user_data;

  if (fita_changes_is_remote (changes))
    {
      watch->remote++;
      watch->seen = TRUE;
    }
}

/* Iterates the main context until *flag or seconds passed. */
static gboolean
wait_for (gboolean *flag, guint seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  return *flag;
}

static void
on_connected (FitaPlan *plan, GParamSpec *pspec, gpointer user_data)
{
  gboolean *want = user_data;

  want[1] = fita_plan_get_connected (plan) == want[0];
}

static void
test_live_and_reconnect (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FitaPlan) a = NULL, b = NULL, c = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  gboolean connected[2] = { FALSE, FALSE };
  gint64 start;

  if (!need_server ())
    return;
  uri = push_example ("xmess-2017-2019", NULL);
  a = open_ok (uri);
  b = open_ok (uri);
  fita_plan_watch (b);
  g_signal_connect (b, "changed", G_CALLBACK (on_remote), &watch);
  g_signal_connect (b, "notify::connected", G_CALLBACK (on_connected), connected);

  /* live: seen without asking, from another client in this process… */
  start = g_get_monotonic_time ();
  g_assert_true (fita_plan_set_int (a, item (a, "II.1.1"), "progress", 2500, &error));
  g_assert_true (wait_for (&watch.seen, 10));
  g_test_message ("a change was seen by the other client after %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (item (b, "II.1.1")->progress_bp, ==, 2500);

  /* … and from another process (fita-cli) */
  {
    const char *argv[] = { g_getenv ("FITA_TEST_CLI"), "set", uri, "II.1.3", "progress=35", NULL };
    int status;
    watch.seen = FALSE;
    start = g_get_monotonic_time ();
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (wait_for (&watch.seen, 10));
    g_test_message ("a change made by fita-cli was seen %.1f ms after it was started",
                    (g_get_monotonic_time () - start) / 1000.0);
    g_assert_cmpint (item (b, "II.1.3")->progress_bp, ==, 3500);
  }

  /* the server dies: said at once, edits refused and not kept */
  g_assert_true (pgcluster ("kill", NULL));
  g_assert_true (wait_for (&connected[1], 10));
  g_assert_false (fita_plan_get_connected (b));
  g_assert_false (fita_plan_set_int (b, item (b, "II.1.2"), "progress", 9900, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONNECTION);
  g_clear_error (&error);
  g_assert_cmpint (item (b, "II.1.2")->progress_bp, !=, 9900);
  g_assert_false (fita_plan_set_int (a, item (a, "II.1.2"), "progress", 9900, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONNECTION);
  g_clear_error (&error);

  /* it comes back: someone changes the plan meanwhile, and b shows it
   * once it has reconnected by itself */
  g_assert_true (pgcluster ("start", NULL));
  c = open_ok (uri);
  g_assert_true (fita_plan_set_text (c, item (c, "II.1.2"), "notes", "while you were away", &error));
  g_assert_no_error (error);
  connected[0] = TRUE;
  connected[1] = FALSE;
  g_assert_true (wait_for (&connected[1], 15));
  watch.seen = FALSE;
  if (g_strcmp0 (item (b, "II.1.2")->notes, "while you were away") != 0)
    g_assert_true (wait_for (&watch.seen, 10));
  g_assert_cmpstr (item (b, "II.1.2")->notes, ==, "while you were away");
  /* and may change it again */
  g_assert_true (fita_plan_set_int (b, item (b, "II.1.2"), "progress", 9900, &error));
  g_assert_no_error (error);
}

static void
test_access (void)
{
  g_autofree char *name = NULL;
  g_autofree char *admin = NULL, *jordi = NULL, *marta = NULL, *nobody = NULL;
  g_autoptr(FitaPlan) service = NULL, reader = NULL, check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  FitaLogChange *last;

  if (!need_server ())
    return;
  admin = push_example ("xmess-2017-2019", &name);
  pgcluster ("psql", "fita_admin", "CREATE ROLE jordi LOGIN; CREATE ROLE marta LOGIN; CREATE ROLE nobody LOGIN", NULL);
  g_assert_true (fita_server_grant (admin, NULL, "jordi", FITA_ACCESS_FOLLOW_UP, "Comissió promotora", &error));
  g_assert_no_error (error);
  g_assert_true (fita_server_grant (admin, NULL, "marta", FITA_ACCESS_READ, NULL, &error));
  g_assert_no_error (error);
  /* no such agent, no such role */
  g_assert_false (fita_server_grant (admin, NULL, "marta", FITA_ACCESS_FOLLOW_UP, "Nobody Such", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (fita_server_grant (admin, NULL, "ghost", FITA_ACCESS_READ, NULL, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a service: the follow-up of its own items, nothing else */
  jordi = uri_as ("jordi", name);
  service = open_ok (jordi);
  g_assert_cmpint (fita_plan_get_access (service), ==, FITA_ACCESS_FOLLOW_UP);
  g_assert_cmpstr (fita_plan_get_access_agent (service), ==, "Comissió promotora");
  g_assert_cmpstr (fita_plan_get_user (service), ==, "jordi");
  g_assert_true (fita_plan_may_change (service, FITA_TABLE_ITEM, item (service, "III.3.1")->rec.id, "progress"));
  g_assert_false (fita_plan_may_change (service, FITA_TABLE_ITEM, item (service, "III.3.1")->rec.id, "title"));
  g_assert_false (fita_plan_may_change (service, FITA_TABLE_ITEM, item (service, "I.1.1")->rec.id, "progress"));
  g_assert_true (fita_plan_set_int (service, item (service, "III.3.1"), "progress", 5500, &error));
  g_assert_no_error (error);
  g_assert_false (fita_plan_set_int (service, item (service, "I.1.1"), "progress", 1000, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "Comissió promotora"));
  g_clear_error (&error);
  g_assert_cmpint (item (service, "I.1.1")->progress_bp, ==, FITA_NONE);
  g_assert_false (fita_plan_set_text (service, item (service, "III.3.1"), "title", "Renamed", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PERMISSION);
  g_clear_error (&error);

  /* the log names the role, as the server knows it */
  log = fita_plan_read_log (service, 0, 1, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (log, 0);
  g_assert_cmpstr (last->author, ==, "jordi");

  /* a reader reads */
  marta = uri_as ("marta", name);
  reader = open_ok (marta);
  g_assert_true (fita_plan_is_read_only (reader));
  g_assert_cmpint (fita_plan_get_access (reader), ==, FITA_ACCESS_READ);
  g_assert_false (fita_plan_set_int (reader, item (reader, "I.1.1"), "progress", 1000, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* someone without access does not get in */
  nobody = uri_as ("nobody", name);
  g_assert_null (fita_plan_open (nobody, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PERMISSION);
  g_clear_error (&error);

  /* and the server kept to it */
  check = open_ok (admin);
  g_assert_cmpint (item (check, "III.3.1")->progress_bp, ==, 5500);
  g_assert_cmpint (item (check, "I.1.1")->progress_bp, ==, FITA_NONE);
  g_assert_cmpstr (item (check, "III.3.1")->title, !=, "Renamed");
}

static void
test_password_and_tls (void)
{
  g_autofree char *name = NULL;
  g_autofree char *admin = NULL, *pw = NULL, *tls = NULL, *tls_wrong = NULL, *tls_right = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_server ())
    return;
  admin = push_example ("xmess-2017-2019", &name);
  g_assert_true (fita_server_grant (admin, NULL, g_getenv ("FITA_TEST_PG_PASSWORD_USER"), FITA_ACCESS_READ, NULL, &error));
  g_assert_no_error (error);

  pw = uri_as (g_getenv ("FITA_TEST_PG_PASSWORD_USER"), name);
  g_assert_null (fita_plan_open_full (pw, FITA_OPEN_DEFAULT, NULL, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PASSWORD);
  g_clear_error (&error);
  g_assert_null (fita_plan_open_full (pw, FITA_OPEN_DEFAULT, "wrong-password", &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "refused"));
  g_clear_error (&error);
  plan = fita_plan_open_full (pw, FITA_OPEN_DEFAULT, g_getenv ("FITA_TEST_PG_PASSWORD"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_clear_object (&plan);

  /* over TCP the server must prove who it is: by default against the
   * system's authorities (which do not know the test's own), or the one
   * the address names */
  tls = g_strdup_printf ("postgresql://localhost:%s/fita?user=fita_admin&plan=%s", g_getenv ("FITA_TEST_PG_TLS_PORT"), name);
  g_assert_null (fita_plan_open (tls, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONNECTION);
  g_assert_nonnull (strstr (error->message, "prove who it is"));
  g_clear_error (&error);
  tls_wrong = g_strdup_printf ("%s&sslrootcert=%s", tls, g_getenv ("FITA_TEST_PG_WRONG_CA"));
  g_assert_null (fita_plan_open (tls_wrong, FITA_OPEN_DEFAULT, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_CONNECTION);
  g_clear_error (&error);
  tls_right = g_strdup_printf ("%s&sslrootcert=%s", tls, g_getenv ("FITA_TEST_PG_TLS_CA"));
  plan = fita_plan_open (tls_right, FITA_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  base_uri = g_getenv ("FITA_TEST_PG_URI");
  if (base_uri != NULL)
    {
      g_autoptr(GError) error = NULL;
      guint steps = 0;
      if (!fita_server_migrate (base_uri, NULL, &steps, &error))
        g_error ("server init: %s", error->message);
      g_assert_cmpuint (steps, ==, FITA_SERVER_SCHEMA_VERSION);
    }

  g_test_add_func ("/shared/migrate", test_migrate);
  g_test_add_func ("/shared/round-trip", test_round_trip);
  g_test_add_func ("/shared/errors", test_errors);
  g_test_add_func ("/shared/two-clients", test_two_clients);
  g_test_add_func ("/shared/records-come-and-go", test_records_come_and_go);
  g_test_add_func ("/shared/access", test_access);
  g_test_add_func ("/shared/password-and-tls", test_password_and_tls);
  /* last: it stops and starts the server */
  g_test_add_func ("/shared/live-and-reconnect", test_live_and_reconnect);
  return g_test_run ();
}
