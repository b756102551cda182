/* fita-cli-bench-server.c: "fita-cli bench --server URI", a shared plan
 * on a PostgreSQL server: pushing and opening it, one client's commits,
 * another client seeing them, and many clients changing it at once, with
 * every edit counted afterwards in the plan's change log. Only the core's
 * API: the bench is one more client. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "fita-cli-private.h"
#include "fita-error.h"
#include "fita-log.h"
#include "fita-server.h"
#include "fita-synthetic.h"

#define EDIT_ROUNDS 1000
#define NOTIFY_ROUNDS 50
/* how long another client may take to see a change before the bench fails */
#define NOTIFY_TIMEOUT_US (10 * G_USEC_PER_SEC)
/* conflicts one edit may meet before the bench calls it a livelock */
#define MAX_RETRIES 1000

typedef struct {
  const char *uri;        /* the plan's */
  int n_items, n_clients, n_edits;
  gboolean load_watch;

  double push_ms, open_ms, edit_median_us, edit_p95_us, notify_ms, notify_p95_ms;
  double load_open_ms, load_seconds, load_p50_us, load_p95_us, verify_ms;
  guint load_conflicts, load_lost, load_duplicated, load_mismatched, load_logged;
} ServerBench;

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median and the 95th percentile (nearest rank) of samples, sorted. */
static void
percentiles (GArray *samples, double *median, double *p95)
{
  guint n = samples->len;

  g_array_sort (samples, compare_doubles);
  if (n == 0)
    {
      *median = *p95 = 0;
      return;
    }
  *median = n % 2 ? g_array_index (samples, double, n / 2)
                  : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
  *p95 = g_array_index (samples, double, MIN (n - 1, (guint) ceil (0.95 * n) - 1));
}

/* One client's commits: single-field edits, each its own change */

static gboolean
measure_edits (ServerBench *bench, FitaPlan *plan, GPtrArray *items, GError **error)
{
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < EDIT_ROUNDS; i++)
    {
      FitaItem *item = g_ptr_array_index (items, (i * 7919u) % items->len);
      g_autofree char *title = g_strdup_printf ("Actuació revisada %u", i);
      gint64 start = g_get_monotonic_time ();
      double us;

      if (!fita_plan_set_text (plan, item, "title", title, error))
        return FALSE;
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (edits, us);
    }
  percentiles (edits, &bench->edit_median_us, &bench->edit_p95_us);
  return TRUE;
}

/* Another client seeing them: a watcher in its own thread and main loop */

typedef struct {
  const char *uri;
  GMutex lock;
  GCond cond;
  GMainContext *context;
  GMainLoop *loop;
  gboolean ready;
  GError *error;
  guint seen;             /* others' changes it was told of */
  gint64 seen_at;
} Watcher;

static void
on_watched_changed (FitaPlan *plan, FitaChanges *changes, gpointer data)
{
  Watcher *watcher = data;
  gint64 now = g_get_monotonic_time ();

  if (!fita_changes_is_remote (changes))
    return;
  g_mutex_lock (&watcher->lock);
  watcher->seen++;
  watcher->seen_at = now;
  g_cond_broadcast (&watcher->cond);
  g_mutex_unlock (&watcher->lock);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
watcher_run (gpointer data)
{
  Watcher *watcher = data;
  g_autoptr(FitaPlan) plan = NULL;
  GError *error = NULL;

  g_main_context_push_thread_default (watcher->context);
  plan = fita_plan_open (watcher->uri, FITA_OPEN_DEFAULT, &error);
  if (plan != NULL)
    {
      fita_plan_watch (plan);
      g_signal_connect (plan, "changed", G_CALLBACK (on_watched_changed), watcher);
    }
  g_mutex_lock (&watcher->lock);
  watcher->ready = TRUE;
  watcher->error = error;
  g_cond_broadcast (&watcher->cond);
  g_mutex_unlock (&watcher->lock);
  if (plan != NULL)
    g_main_loop_run (watcher->loop);
  /* the plan's sources are on this context: gone before it is */
  g_clear_object (&plan);
  g_main_context_pop_thread_default (watcher->context);
  return NULL;
}

/* The median time from just before one client's edit to another's
 * FitaPlan::changed for it. */
static gboolean
measure_notify (ServerBench *bench, FitaPlan *plan, GPtrArray *items, GError **error)
{
  Watcher watcher = { bench->uri };
  g_autoptr(GArray) rounds = g_array_new (FALSE, FALSE, sizeof (double));
  GThread *thread;
  gboolean ok = TRUE;

  g_mutex_init (&watcher.lock);
  g_cond_init (&watcher.cond);
  watcher.context = g_main_context_new ();
  watcher.loop = g_main_loop_new (watcher.context, FALSE);
  thread = g_thread_new ("fita-bench-watcher", watcher_run, &watcher);
  g_mutex_lock (&watcher.lock);
  while (!watcher.ready)
    g_cond_wait (&watcher.cond, &watcher.lock);
  g_mutex_unlock (&watcher.lock);
  if (watcher.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&watcher.error));
      ok = FALSE;
    }

  for (guint i = 0; ok && i < NOTIFY_ROUNDS; i++)
    {
      FitaItem *item = g_ptr_array_index (items, (i * 104729u) % items->len);
      g_autofree char *title = g_strdup_printf ("Actuació vista %u", i);
      gint64 start, deadline;
      guint before;
      double ms;

      g_mutex_lock (&watcher.lock);
      before = watcher.seen;
      g_mutex_unlock (&watcher.lock);
      start = g_get_monotonic_time ();
      if (!fita_plan_set_text (plan, item, "title", title, error))
        {
          ok = FALSE;
          break;
        }
      deadline = start + NOTIFY_TIMEOUT_US;
      g_mutex_lock (&watcher.lock);
      while (watcher.seen == before && g_cond_wait_until (&watcher.cond, &watcher.lock, deadline))
        ;
      ok = watcher.seen != before;
      ms = (watcher.seen_at - start) / 1000.0;
      g_mutex_unlock (&watcher.lock);
      if (!ok)
        g_set_error (error, FITA_ERROR, FITA_ERROR_CONNECTION,
                     _("Another client did not see a committed change within %d seconds."),
                     (int) (NOTIFY_TIMEOUT_US / G_USEC_PER_SEC));
      else
        g_array_append_val (rounds, ms);
    }

  /* from the loop's own context, which it may not be running yet */
  g_main_context_invoke (watcher.context, quit_loop, watcher.loop);
  g_thread_join (thread);
  g_main_loop_unref (watcher.loop);
  g_main_context_unref (watcher.context);
  g_mutex_clear (&watcher.lock);
  g_cond_clear (&watcher.cond);
  percentiles (rounds, &bench->notify_ms, &bench->notify_p95_ms);
  return ok;
}

/* The load: many clients at once, each with its own plan in its own thread */

typedef struct {
  GMutex lock;
  GCond cond;
  guint ready;            /* clients that have opened their plan (or failed to) */
  gboolean go;
  gboolean abort;         /* one could not open it: the others stop too */
} StartLine;

typedef struct {
  const char *uri;
  StartLine *start;
  guint number;
  guint n_edits;
  gboolean watch;         /* follow others' changes between edits, as the app does */
  GArray *item_ids;       /* of gint64, shared, read only */
  GArray *latencies;      /* µs from the first attempt of each edit to its commit */
  guint conflicts;
  gint64 opened_us;
  GError *error;
} LoadClient;

/* Tells the start line this client is ready; waits for the others.
 * FALSE: the load was called off. */
static gboolean
start_line_wait (StartLine *start, gboolean opened)
{
  gboolean go;

  g_mutex_lock (&start->lock);
  start->ready++;
  start->abort |= !opened;
  g_cond_broadcast (&start->cond);
  while (!start->go)
    g_cond_wait (&start->cond, &start->lock);
  go = !start->abort;
  g_mutex_unlock (&start->lock);
  return go;
}

/* Sets the item's notes and commits, making the edit again on top of
 * another client's change as often as it is refused for one. */
static gboolean
land_edit (FitaPlan *plan, gint64 id, const char *value, guint *conflicts, GError **error)
{
  GError *local = NULL;
  gboolean ok;

  ok = fita_plan_set_text (plan, fita_plan_lookup (plan, FITA_TABLE_ITEM, id), "notes", value, &local);
  for (guint retries = 0; !ok && g_error_matches (local, FITA_ERROR, FITA_ERROR_CONFLICT); retries++)
    {
      (*conflicts)++;
      if (retries == MAX_RETRIES)
        {
          g_prefix_error (&local, _("An edit was refused %d times in a row: "), MAX_RETRIES);
          break;
        }
      g_clear_error (&local);
      ok = fita_plan_keep_mine (plan, &local);
    }
  if (!ok)
    g_propagate_error (error, local);
  return ok;
}

static void
load_client_edit (LoadClient *client, FitaPlan *plan, GMainContext *context)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (client->number + 1);

  for (guint e = 0; e < client->n_edits; e++)
    {
      gint64 id = g_array_index (client->item_ids, gint64, g_rand_int_range (rand, 0, client->item_ids->len));
      /* unique to (client, edit): the log must show each exactly once */
      g_autofree char *value = g_strdup_printf ("load c%u e%u", client->number, e);
      gint64 start;
      double us;

      /* what others changed meanwhile, as the app's main loop applies it */
      while (context != NULL && g_main_context_iteration (context, FALSE))
        ;
      start = g_get_monotonic_time ();
      if (!land_edit (plan, id, value, &client->conflicts, &client->error))
        return;
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (client->latencies, us);
    }
}

static gpointer
load_client_run (gpointer data)
{
  LoadClient *client = data;
  GMainContext *context = client->watch ? g_main_context_new () : NULL;
  FitaPlan *plan;
  gint64 start = g_get_monotonic_time ();

  if (context != NULL)
    g_main_context_push_thread_default (context);
  plan = fita_plan_open (client->uri, FITA_OPEN_DEFAULT, &client->error);
  client->opened_us = g_get_monotonic_time () - start;
  if (plan != NULL && context != NULL)
    fita_plan_watch (plan);
  if (start_line_wait (client->start, plan != NULL) && plan != NULL)
    load_client_edit (client, plan, context);
  /* the plan's sources are on the context: gone before it is */
  g_clear_object (&plan);
  if (context != NULL)
    {
      g_main_context_pop_thread_default (context);
      g_main_context_unref (context);
    }
  return NULL;
}

static gboolean
run_load (ServerBench *bench, GArray *item_ids, GError **error)
{
  StartLine start = { 0 };
  g_autofree LoadClient *clients = g_new0 (LoadClient, bench->n_clients);
  g_autofree GThread **threads = g_new0 (GThread *, bench->n_clients);
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 began, opened = 0;
  gboolean ok = TRUE;

  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);
  for (int c = 0; c < bench->n_clients; c++)
    {
      g_autofree char *name = g_strdup_printf ("fita-bench-c%d", c);
      clients[c] = (LoadClient) { bench->uri, &start, c, bench->n_edits, bench->load_watch, item_ids,
                                  g_array_new (FALSE, FALSE, sizeof (double)) };
      threads[c] = g_thread_new (name, load_client_run, &clients[c]);
    }

  /* all at once: once every client has its plan open */
  g_mutex_lock (&start.lock);
  while (start.ready < (guint) bench->n_clients)
    g_cond_wait (&start.cond, &start.lock);
  began = g_get_monotonic_time ();
  start.go = TRUE;
  g_cond_broadcast (&start.cond);
  g_mutex_unlock (&start.lock);
  for (int c = 0; c < bench->n_clients; c++)
    g_thread_join (threads[c]);
  bench->load_seconds = (g_get_monotonic_time () - began) / (double) G_USEC_PER_SEC;

  for (int c = 0; c < bench->n_clients; c++)
    {
      LoadClient *client = &clients[c];

      if (client->error != NULL && ok)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&client->error), _("Client %d: "), c);
          ok = FALSE;
        }
      g_clear_error (&client->error);
      bench->load_conflicts += client->conflicts;
      opened = MAX (opened, client->opened_us);
      g_array_append_vals (latencies, client->latencies->data, client->latencies->len);
      g_array_unref (client->latencies);
    }
  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);
  bench->load_open_ms = opened / 1000.0;
  percentiles (latencies, &bench->load_p50_us, &bench->load_p95_us);
  return ok;
}

/* Counts the load's edits in the change log of a plan opened afresh, and
 * checks every item's notes against the last value logged for it (or,
 * for an item no one changed, against the plan as pushed). */
static gboolean
check_load (ServerBench *bench, FitaPlan *pushed, GError **error)
{
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GHashTable) times_logged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last_notes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) items = NULL;
  gint64 start = g_get_monotonic_time ();

  plan = fita_plan_open (bench->uri, FITA_OPEN_READ_ONLY, error);
  if (plan == NULL)
    return FALSE;
  log = fita_plan_read_log (plan, 0, 0, error);
  if (log == NULL)
    return FALSE;

  for (int c = 0; c < bench->n_clients; c++)
    for (int e = 0; e < bench->n_edits; e++)
      g_hash_table_insert (times_logged, g_strdup_printf ("load c%d e%d", c, e), GUINT_TO_POINTER (0));
  /* newest first: the first value met for an item is its last */
  for (guint i = 0; i < log->len; i++)
    {
      FitaLogChange *change = g_ptr_array_index (log, i);

      for (guint j = 0; j < change->entries->len; j++)
        {
          FitaLogEntry *entry = g_ptr_array_index (change->entries, j);
          gpointer times;

          if (entry->kind != FITA_CHANGE_UPDATED || g_strcmp0 (entry->table, "item") != 0 ||
              g_strcmp0 (entry->field, "notes") != 0)
            continue;
          if (!g_hash_table_contains (last_notes, &entry->record))
            g_hash_table_insert (last_notes, &entry->record, entry->new_value ? entry->new_value : (char *) "");
          if (entry->new_value != NULL &&
              g_hash_table_lookup_extended (times_logged, entry->new_value, NULL, &times))
            {
              bench->load_logged++;
              g_hash_table_replace (times_logged, g_strdup (entry->new_value),
                                    GUINT_TO_POINTER (GPOINTER_TO_UINT (times) + 1));
            }
        }
    }
  {
    GHashTableIter iter;
    gpointer times;

    g_hash_table_iter_init (&iter, times_logged);
    while (g_hash_table_iter_next (&iter, NULL, &times))
      if (GPOINTER_TO_UINT (times) == 0)
        bench->load_lost++;
      else if (GPOINTER_TO_UINT (times) > 1)
        bench->load_duplicated++;
  }

  items = fita_plan_items_preorder (plan, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      const char *last = g_hash_table_lookup (last_notes, &item->rec.id);
      FitaItem *before;

      if (last == NULL)
        {
          before = fita_plan_lookup (pushed, FITA_TABLE_ITEM, item->rec.id);
          last = before ? before->notes : NULL;
        }
      if (g_strcmp0 (last && *last ? last : NULL, item->notes && *item->notes ? item->notes : NULL) != 0)
        bench->load_mismatched++;
    }
  /* the plan has as many items as were pushed */
  bench->load_mismatched += ABS ((int) items->len - bench->n_items);
  bench->verify_ms = (g_get_monotonic_time () - start) / 1000.0;
  return TRUE;
}

/* Everything but setting the database up and dropping the plan. */
static gboolean
run_bench (ServerBench *bench, FitaPlan *pushed, gboolean *pushed_ok, GError **error)
{
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start;

  start = g_get_monotonic_time ();
  *pushed_ok = fita_plan_save_copy (pushed, bench->uri, error);
  if (!*pushed_ok)
    return FALSE;
  bench->push_ms = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  plan = fita_plan_open (bench->uri, FITA_OPEN_DEFAULT, error);
  if (plan == NULL)
    return FALSE;
  bench->open_ms = (g_get_monotonic_time () - start) / 1000.0;

  items = fita_plan_items_preorder (plan, NULL);
  if (!measure_edits (bench, plan, items, error) ||
      !measure_notify (bench, plan, items, error))
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (item_ids, ((FitaItem *) g_ptr_array_index (items, i))->rec.id);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_object (&plan);

  return run_load (bench, item_ids, error) && check_load (bench, pushed, error);
}

static void
print_results (const ServerBench *bench, gboolean json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_int (builder, "items", bench->n_items);
      json_add_measure (builder, "push_ms", bench->push_ms, 0);
      json_add_measure (builder, "open_ms", bench->open_ms, 1);
      json_add_measure (builder, "edit_median_us", bench->edit_median_us, 0);
      json_add_measure (builder, "edit_p95_us", bench->edit_p95_us, 0);
      json_add_measure (builder, "notify_ms", bench->notify_ms, 2);
      json_add_measure (builder, "notify_p95_ms", bench->notify_p95_ms, 2);
      json_add_int (builder, "load_clients", bench->n_clients);
      json_add_int (builder, "load_edits", (gint64) bench->n_clients * bench->n_edits);
      json_add_boolean (builder, "load_watch", bench->load_watch);
      json_add_measure (builder, "load_open_ms", bench->load_open_ms, 0);
      json_add_measure (builder, "load_seconds", bench->load_seconds, 2);
      json_add_measure (builder, "load_commit_p50_us", bench->load_p50_us, 0);
      json_add_measure (builder, "load_commit_p95_us", bench->load_p95_us, 0);
      json_add_int (builder, "load_conflicts", bench->load_conflicts);
      json_add_int (builder, "load_logged", bench->load_logged);
      json_add_int (builder, "load_lost", bench->load_lost);
      json_add_int (builder, "load_duplicated", bench->load_duplicated);
      json_add_int (builder, "load_mismatched", bench->load_mismatched);
      json_add_measure (builder, "verify_ms", bench->verify_ms, 0);
      json_builder_end_object (builder);
      json_print (builder);
      return;
    }
  g_print (_("items %d\npush %.0f ms\nopen %.1f ms\nedit (median) %.0f µs\nedit (95th percentile) %.0f µs\n"
             "another client sees a change (median) %.2f ms, (95th percentile) %.2f ms\n"),
           bench->n_items, bench->push_ms, bench->open_ms, bench->edit_median_us, bench->edit_p95_us,
           bench->notify_ms, bench->notify_p95_ms);
  g_print (_("load: %d clients × %d edits at once in %.2f s (each client opened the plan in at most %.0f ms)\n"
             "load: commit (median) %.0f µs, (95th percentile) %.0f µs, %u conflicts\n"
             "load: %u edits lost, %u logged twice or more, %u items whose notes are not the last logged\n"),
           bench->n_clients, bench->n_edits, bench->load_seconds, bench->load_open_ms,
           bench->load_p50_us, bench->load_p95_us, bench->load_conflicts,
           bench->load_lost, bench->load_duplicated, bench->load_mismatched);
  if (bench->load_watch)
    g_print ("%s\n", _("load: the clients followed each other's changes between their edits"));
}

/* The database's URI with the plan's name. */
static char *
plan_uri (const char *server, const char *name)
{
  return g_strdup_printf ("%s%s%s%s", server, strchr (server, '?') ? "&" : "?", "plan=", name);
}

int
bench_server (const char *server, int n_items, int n_clients, int n_edits, gboolean watch, gboolean json)
{
  ServerBench bench = { NULL, n_items, n_clients, n_edits, watch };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) drop_error = NULL;
  g_autoptr(FitaPlan) pushed = NULL;
  g_autofree char *name = g_strdup_printf ("bench-%d-%08x", (int) getpid (), g_random_int ());
  g_autofree char *uri = plan_uri (server, name);
  g_autofree char *shown = fita_location_display (server);
  gboolean pushed_ok = FALSE;
  int status = 0;
  guint steps;

  if (!fita_server_migrate (server, NULL, &steps, &error))
    return fail_file (server, error);
  bench.uri = uri;
  pushed = fita_synthetic_plan (n_items);
  if (!run_bench (&bench, pushed, &pushed_ok, &error))
    status = fail_file (uri, error);
  /* the plan goes, whatever happened, once it may be there */
  if (!fita_server_drop_plan (uri, NULL, &drop_error) && pushed_ok)
    status = fail_file (uri, drop_error);
  if (status != 0)
    return status;
  print_results (&bench, json);
  if (bench.load_lost || bench.load_duplicated || bench.load_mismatched)
    {
      g_printerr (_("fita-cli: %s: %u edits lost, %u logged more than once, %u items whose notes are not the last logged\n"),
                  shown, bench.load_lost, bench.load_duplicated, bench.load_mismatched);
      return EXIT_PROBLEMS;
    }
  return 0;
}
