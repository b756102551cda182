/* test-shared.c: shared plans in the app (issue 16): the Open Shared Plan
 * dialog (the address it makes, connecting, a password asked for), shared
 * plans in the recent list, a conflict's and a refusal's dialogs, the
 * banner of a lost connection; and, against the throwaway PostgreSQL
 * cluster of tests/pg/pgcluster.py (FITA_TEST_PG_URI), a plan pushed to
 * the server and opened in a window: another person's change shown live
 * without losing the selection, a conflicting edit answered both ways, the
 * server killed and started again, a service's fields and refusals. */
#include "config.h"

#include <string.h>

#include "fita-change-error.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-field.h"
#include "fita-item-object.h"
#include "fita-plan-editor.h"
#include "fita-server.h"
#include "fita-shared.h"
#include "fita-shared-banner.h"
#include "fita-shared-dialog.h"
#include "fita-window-test.h"

/* The address and the dialog */

static void
assert_composed (const char *server,
                 const char *database,
                 const char *plan,
                 const char *user,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = fita_shared_compose_location (server, database, plan, user, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (location, ==, expected);
}

static void
assert_refused (const char *server,
                const char *database,
                const char *plan,
                const char *word)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = fita_shared_compose_location (server, database, plan, NULL, &error);

  g_assert_null (location);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, word));
}

static void
test_compose (void)
{
  g_autofree char *described = NULL;
  g_autofree char *local = NULL;

  assert_composed ("fita.example.org", "plans", "terrassa-ess", "jordi",
                   "postgresql://jordi@fita.example.org/plans?plan=terrassa-ess");
  /* spaces around go, a port stays, no user is libpq's default user */
  assert_composed (" fita.example.org:5433 ", " plans ", "pla d’acció", "",
                   "postgresql://fita.example.org:5433/plans?plan=pla%20d%E2%80%99acci%C3%B3");
  /* a whole address pasted as the server is taken as it is … */
  assert_composed ("postgresql://jordi@fita.example.org/plans?plan=terrassa-ess", "", "", "",
                   "postgresql://jordi@fita.example.org/plans?plan=terrassa-ess");
  /* … with the plan added when it names none */
  assert_composed ("postgresql:///fita?host=/tmp/pg&port=5432", "ignored", "terrassa-ess", "",
                   "postgresql:///fita?host=/tmp/pg&port=5432&plan=terrassa-ess");
  assert_composed ("postgresql://fita.example.org/plans", "", "terrassa-ess", "",
                   "postgresql://fita.example.org/plans?plan=terrassa-ess");

  assert_refused ("", "plans", "terrassa-ess", "server");
  assert_refused ("fita example", "plans", "terrassa-ess", "not the name of a server");
  assert_refused ("fita.example.org", "", "terrassa-ess", "database");
  assert_refused ("fita.example.org", "plans", " ", "plan");

  described = fita_shared_describe_location ("postgresql://jordi@fita.example.org/plans?plan=terrassa-ess");
  g_assert_cmpstr (described, ==, "terrassa-ess on fita.example.org");
  local = fita_shared_describe_location ("postgresql:///fita?host=/tmp/pg&port=5432&plan=x");
  g_assert_cmpstr (local, ==, "x on this computer");
}

static FitaSharedDialog *
find_shared_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (FITA_IS_SHARED_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return FITA_SHARED_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_shared_dialog (gpointer data)
{
  return find_shared_dialog () != NULL;
}

static gboolean
has_no_shared_dialog (gpointer data)
{
  return find_shared_dialog () == NULL;
}

static gboolean
done_connecting (gpointer dialog)
{
  return !fita_shared_dialog_is_connecting (dialog);
}

static char *
dialog_location (FitaSharedDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  char *location = fita_shared_dialog_get_location (dialog, &error);

  g_assert_no_error (error);
  return location;
}

static void
test_dialog (void)
{
  FitaWindow *window = fita_window_new (GTK_APPLICATION (app));
  FitaSharedDialog *dialog;
  g_autofree char *location = NULL;
  g_autofree char *again = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *shot = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (is_drawn, window));

  /* File › Open Shared Plan… (and Ctrl+Shift+O) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-shared-plan", NULL));
  g_assert_true (wait_until (has_shared_dialog, NULL));
  dialog = find_shared_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  fita_shared_dialog_set_fields (dialog, "fita.example.org", "plans", "terrassa-ess", "jordi");
  location = dialog_location (dialog);
  g_assert_cmpstr (location, ==, "postgresql://jordi@fita.example.org/plans?plan=terrassa-ess");
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  shot = save_screenshot (GTK_WIDGET (dialog), "shared-dialog");
  assert_png (shot, 300, 200);

  /* a location from the recent list goes back into the fields, never
   * with its password */
  fita_shared_dialog_set_location (dialog, "postgresql://jordi:secret@fita.example.org:5433/plans?plan=terrassa-ess");
  again = dialog_location (dialog);
  g_assert_cmpstr (again, ==, "postgresql://jordi@fita.example.org:5433/plans?plan=terrassa-ess");
  fita_shared_dialog_set_location (dialog, "postgresql:///fita?host=/tmp/pg&plan=x");
  whole = dialog_location (dialog);
  g_assert_cmpstr (whole, ==, "postgresql:///fita?host=/tmp/pg&plan=x");

  /* what is missing is said, nothing is tried */
  fita_shared_dialog_set_fields (dialog, "fita.example.org", "", "terrassa-ess", NULL);
  fita_shared_dialog_connect (dialog);
  g_assert_false (fita_shared_dialog_is_connecting (dialog));
  g_assert_nonnull (strstr (fita_shared_dialog_get_error (dialog), "database"));

  /* a server that cannot be reached: said in the dialog, which stays */
  fita_shared_dialog_set_fields (dialog, "fita.invalid", "plans", "terrassa-ess", "jordi");
  g_assert_null (fita_shared_dialog_get_error (dialog));
  fita_shared_dialog_connect (dialog);
  g_assert_true (fita_shared_dialog_is_connecting (dialog));
  g_assert_true (wait_until (done_connecting, dialog));
  g_assert_nonnull (fita_shared_dialog_get_error (dialog));
  g_assert_null (fita_window_get_plan (window));
  settle ();
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (dialog), "shared-dialog-error");
  assert_png (shot, 300, 200);

  /* a server that never answers: the spinner, and Cancel stops waiting */
  {
    g_autoptr(GSocketListener) listener = g_socket_listener_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *server = NULL;
    guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

    g_assert_no_error (error);
    server = g_strdup_printf ("127.0.0.1:%u", port);
    fita_shared_dialog_set_fields (dialog, server, "plans", "terrassa-ess", "jordi");
    fita_shared_dialog_connect (dialog);
    settle ();
    g_assert_true (fita_shared_dialog_is_connecting (dialog));
    g_free (shot);
    shot = save_screenshot (GTK_WIDGET (dialog), "shared-dialog-connecting");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "shared.cancel", NULL));
    g_assert_false (fita_shared_dialog_is_connecting (dialog));
    g_assert_null (fita_shared_dialog_get_error (dialog));
    g_assert_nonnull (find_shared_dialog ());
    settle ();
    g_assert_null (fita_window_get_plan (window));
  }

  /* Cancel (or Escape) closes it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "shared.cancel", NULL));
  g_assert_true (wait_until (has_no_shared_dialog, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (wait_until (no_windows, NULL));
}

/* The recent list */

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
shows_row_titled (gpointer data)
{
  gpointer *args = data;

  return find_descendant (args[0], is_row_titled, args[1]) != NULL;
}

static void
add_recent (const char *uri,
            const char *title)
{
  GtkRecentData data = {
    .display_name = (char *) title,
    .mime_type = (char *) "application/x-fita",
    .app_name = (char *) "Fita",
    .app_exec = (char *) "fita %u",
    .is_private = TRUE,
  };

  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data));
}

static void
test_recent (void)
{
  const char *uri = "postgresql://jordi@fita.invalid/plans?plan=terrassa-ess";
  FitaWindow *window;
  GtkWidget *row, *secret_row;
  gpointer wait_data[2];
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GVariant) secret_target = NULL;
  FitaSharedDialog *dialog;
  g_autofree char *location = NULL;
  g_autofree char *shot = NULL;

  add_recent (uri, "Pla ESS on the server");
  /* a location with a password in it (typed by hand, say) is listed
   * without it */
  add_recent ("postgresql://jordi:secret@fita.invalid/plans?plan=other", "Another shared plan");

  window = fita_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  wait_data[0] = window;
  wait_data[1] = (gpointer) "Pla ESS on the server";
  g_assert_true (wait_until (shows_row_titled, wait_data));
  wait_data[1] = (gpointer) "Another shared plan";
  g_assert_true (wait_until (shows_row_titled, wait_data));

  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "welcome-shared-recent");
  assert_png (shot, 600, 400);

  row = find_descendant (GTK_WIDGET (window), is_row_titled, "Pla ESS on the server");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "terrassa-ess on fita.invalid");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-shared");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
  g_variant_ref (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  secret_row = find_descendant (GTK_WIDGET (window), is_row_titled, "Another shared plan");
  secret_target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (secret_row));
  g_variant_ref (secret_target);
  g_assert_null (strstr (g_variant_get_string (secret_target, NULL), "secret"));

  /* reopening goes through the dialog, filled in, connecting at once */
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (wait_until (has_shared_dialog, NULL));
  dialog = find_shared_dialog ();
  location = dialog_location (dialog);
  g_assert_cmpstr (location, ==, uri);
  g_assert_true (wait_until (done_connecting, dialog));
  g_assert_nonnull (fita_shared_dialog_get_error (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (has_no_shared_dialog, NULL));

  /* "fita postgresql://…" goes the same way */
  {
    g_autoptr(GFile) file = g_file_new_for_uri ("postgresql://jordi@fita.invalid/plans?plan=cli");
    g_autofree char *opened = NULL;

    g_application_open (G_APPLICATION (app), &file, 1, "");
    g_assert_true (wait_until (has_shared_dialog, NULL));
    dialog = find_shared_dialog ();
    opened = dialog_location (dialog);
    g_assert_cmpstr (opened, ==, "postgresql://jordi@fita.invalid/plans?plan=cli");
    g_assert_true (wait_until (done_connecting, dialog));
    gtk_window_close (GTK_WINDOW (dialog));
    g_assert_true (wait_until (has_no_shared_dialog, NULL));
  }

  gtk_recent_manager_purge_items (gtk_recent_manager_get_default (), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (wait_until (no_windows, NULL));
}

/* A conflict's and a refusal's dialogs, driven by an error made here */

static guint settled;

static void
count_settled (GtkWidget *widget)
{
  settled++;
}

static AdwMessageDialog *
wait_for_message_dialog (const char *heading)
{
  AdwMessageDialog *dialog;

  g_assert_true (wait_until (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

static void
test_change_errors (void)
{
  FitaWindow *window = open_terrassa ("change-errors.fita", NULL);
  GtkWidget *outline = GTK_WIDGET (fita_window_get_outline (window));
  FitaPlan *plan = fita_window_get_plan (window);
  g_autoptr(GError) conflict = g_error_new_literal (FITA_ERROR, FITA_ERROR_CONFLICT,
                                                     "Someone else changed the same thing at the same time; the plan now shows their version. The title of 11.2 is now “Theirs”.");
  g_autoptr(GError) permission = g_error_new_literal (FITA_ERROR, FITA_ERROR_PERMISSION,
                                                       "You may change only the follow-up of the items of Servei d’Esports.");
  g_autoptr(GError) connection = g_error_new_literal (FITA_ERROR, FITA_ERROR_CONNECTION,
                                                       "The connection to the server was lost.");
  g_autoptr(GError) other = g_error_new_literal (FITA_ERROR, FITA_ERROR_INVALID, "Not a date.");
  AdwMessageDialog *dialog;
  g_autofree char *shot = NULL;

  settled = 0;
  g_assert_true (fita_change_error_show (outline, plan, conflict, count_settled));
  dialog = wait_for_message_dialog ("Someone Else Changed This");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, conflict->message);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "theirs");
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  shot = save_screenshot (GTK_WIDGET (dialog), "conflict-dialog");
  assert_png (shot, 200, 100);
  respond (dialog, "_Take Theirs");
  g_assert_cmpuint (settled, ==, 1);
  g_assert_false (fita_plan_has_conflict (plan));

  g_assert_true (fita_change_error_show (outline, plan, conflict, count_settled));
  dialog = wait_for_message_dialog ("Someone Else Changed This");
  respond (dialog, "_Keep Mine");
  g_assert_cmpuint (settled, ==, 2);

  g_assert_true (fita_change_error_show (outline, plan, permission, count_settled));
  dialog = wait_for_message_dialog ("You Cannot Change This");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, permission->message);
  close_message_dialog (dialog);
  g_assert_cmpuint (settled, ==, 3);

  /* the banner says a lost connection; anything else is the caller's */
  g_assert_false (fita_change_error_show (outline, plan, connection, count_settled));
  g_assert_false (fita_change_error_show (outline, plan, other, count_settled));
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (settled, ==, 3);

  close_all_windows ();
}

/* The banner of a lost connection, driven as the plan's "connected" would */

static void
count_reconnected (FitaSharedBanner *banner,
                   guint            *count)
{
  (*count)++;
}

static void
test_banner (void)
{
  FitaWindow *window = open_terrassa ("banner.fita", NULL);
  FitaSharedBanner *banner = fita_window_get_shared_banner (window);
  g_autofree char *shot = NULL;
  guint reconnected = 0;

  /* a file: nothing */
  g_assert_true (fita_shared_banner_get_plan (banner) == fita_window_get_plan (window));
  g_assert_false (fita_shared_banner_is_lost (banner));
  g_assert_null (fita_shared_banner_get_note (banner));

  g_signal_connect (banner, "reconnected", G_CALLBACK (count_reconnected), &reconnected);
  fita_shared_banner_set_connected (banner, FALSE);
  /* at once, without waiting for a slide */
  g_assert_true (fita_shared_banner_is_lost (banner));
  g_assert_cmpstr (fita_shared_banner_get_text (banner), ==,
                   "The connection to the server was lost. Changes cannot be saved until Fita reconnects; it is trying.");
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "connection-lost");
  assert_png (shot, 600, 400);

  fita_shared_banner_set_connected (banner, TRUE);
  g_assert_false (fita_shared_banner_is_lost (banner));
  g_assert_cmpuint (reconnected, ==, 1);
  /* told once */
  fita_shared_banner_set_connected (banner, TRUE);
  g_assert_cmpuint (reconnected, ==, 1);

  close_all_windows ();
}

/* Against a server */

static char *
pg_location (const char *plan,
             const char *user)
{
  const char *uri = g_getenv ("FITA_TEST_PG_URI");
  g_autoptr(GString) location = g_string_new (uri);

  if (user != NULL)
    g_string_replace (location, "user=fita_admin", user, 1);
  g_string_append_printf (location, "&plan=%s", plan);
  return g_string_free (g_steal_pointer (&location), FALSE);
}

static void
pgcluster (const char *command,
           const char *role,
           const char *sql)
{
  const char *script = g_getenv ("FITA_PGCLUSTER");
  const char *argv[] = { "python3", script, command, role, sql, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (script);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

/* A database with Fita's schema, or a skip saying why there is none. */
static gboolean
server_ready (void)
{
  g_autoptr(GError) error = NULL;
  guint steps = 0;

  if (g_getenv ("FITA_TEST_PG_URI") == NULL)
    {
      g_test_skip ("no PostgreSQL server: run through tests/pg/pgcluster.py");
      return FALSE;
    }
  if (!fita_server_migrate (g_getenv ("FITA_TEST_PG_URI"), NULL, &steps, &error))
    {
      g_autofree char *why = g_strdup_printf ("the server cannot be set up: %s", error->message);

      g_test_skip (why);
      return FALSE;
    }
  return TRUE;
}

/* The Terrassa example pushed to the server as name, with extra items
 * at its end (enough for the outline to scroll). */
static void
push_terrassa_with (const char *name,
                    guint       extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load (TERRASSA, &error);
  g_autofree char *location = pg_location (name, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < extra; i++)
    {
      FitaItem *item = fita_plan_new_record (plan, FITA_TABLE_ITEM);
      g_autofree char *code = g_strdup_printf ("X%u", i + 1);

      fita_plan_begin (plan, "Add Item");
      g_assert_true (fita_plan_insert (plan, item, 0, -1, &error));
      fita_plan_set_text (plan, item, "code", code, NULL);
      fita_plan_set_text (plan, item, "title", "An item more", NULL);
      g_assert_true (fita_plan_end (plan, &error));
      g_assert_no_error (error);
    }
  g_assert_true (fita_plan_save_copy (plan, location, &error));
  g_assert_no_error (error);
}

static void
push_terrassa (const char *name)
{
  push_terrassa_with (name, 0);
}

static FitaWindow *
find_window_with_location (const char *location)
{
  g_autofree char *wanted = fita_location_display (location);

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      FitaPlan *plan = FITA_IS_WINDOW (l->data) ? fita_window_get_plan (l->data) : NULL;
      g_autofree char *shown = plan != NULL ? fita_location_display (fita_plan_get_path (plan)) : NULL;

      if (g_strcmp0 (shown, wanted) == 0)
        return l->data;
    }
  return NULL;
}

static gboolean
shows_location (gpointer location)
{
  return find_window_with_location (location) != NULL;
}

/* Opens location in a window through the Open Shared Plan dialog. */
static FitaWindow *
open_shared (const char *location)
{
  FitaWindow *window;

  fita_application_open_shared (app, location, NULL);
  g_assert_true (wait_until (shows_location, (gpointer) location));
  window = find_window_with_location (location);
  wait_for_row (window, "11.5");
  g_assert_true (wait_until (has_no_shared_dialog, NULL));
  return window;
}

typedef struct {
  FitaWindow *window;
  const char *code;
  const char *title;
} TitleShown;

/* The title of code's row in the outline's model (its row may be
 * scrolled away), or NULL. */
static const char *
outline_title (FitaWindow *window,
               const char *code)
{
  GListModel *model = G_LIST_MODEL (fita_outline_get_model (fita_window_get_outline (window)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (FITA_IS_ITEM_OBJECT (item) && g_strcmp0 (fita_item_object_get_code (FITA_ITEM_OBJECT (item)), code) == 0)
        return fita_item_object_get_title (FITA_ITEM_OBJECT (item));
    }
  return NULL;
}

static gboolean
shows_title (gpointer data)
{
  TitleShown *shown = data;
  FitaItem *item = fita_plan_find_item (fita_window_get_plan (shown->window), shown->code);

  return item != NULL && g_strcmp0 (item->title, shown->title) == 0 &&
         g_strcmp0 (outline_title (shown->window, shown->code), shown->title) == 0;
}

/* Another person's change: a FitaPlan of its own on the same location. */
static void
set_title_elsewhere (FitaPlan   *other,
                     const char *code,
                     const char *title)
{
  g_autoptr(GError) error = NULL;
  FitaItem *item;

  g_assert_true (fita_plan_refresh (other, &error));
  g_assert_no_error (error);
  item = fita_plan_find_item (other, code);
  g_assert_nonnull (item);
  fita_plan_begin (other, "Edit Title");
  fita_plan_set_text (other, item, "title", title, NULL);
  g_assert_true (fita_plan_end (other, &error));
  g_assert_no_error (error);
}

static GtkWidget *
title_field (FitaWindow *window,
             const char *code)
{
  GtkWidget *field = fita_field_find (GTK_WIDGET (fita_window_get_item_editor (window)),
                                      FITA_TABLE_ITEM, id_of (window, code), "title");

  g_assert_nonnull (field);
  return field;
}

static gboolean
is_bound_to (GtkWidget     *widget,
             gconstpointer  field)
{
  return fita_field_is_bound (widget) && g_strcmp0 (fita_field_get_name (widget), field) == 0;
}

static gboolean
is_shown_list (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
scrolls (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 20;
}

static gboolean
no_item_shown (gpointer window)
{
  return fita_item_editor_get_item_id (fita_window_get_item_editor (window)) == 0 &&
         find_descendant (window, is_row_of, "11.5") == NULL;
}

static gboolean
is_lost (gpointer window)
{
  return fita_shared_banner_is_lost (fita_window_get_shared_banner (window));
}

static gboolean
is_back (gpointer window)
{
  return !is_lost (window);
}

static void
test_live (void)
{
  g_autofree char *location = pg_location ("terrassa-live", NULL);
  g_autoptr(FitaPlan) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  FitaWindow *window;
  FitaOutline *outline;
  GtkWidget *field;
  AdwMessageDialog *dialog;
  TitleShown shown;
  const char *subtitle;
  GtkAdjustment *scroll;
  double scrolled;
  gint64 selected, start;

  if (!server_ready ())
    return;
  push_terrassa_with ("terrassa-live", 30);
  window = open_shared (location);
  outline = fita_window_get_outline (window);
  g_assert_true (fita_plan_is_shared (fita_window_get_plan (window)));
  /* which plan, on which server, as whom */
  subtitle = adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE)));
  g_assert_cmpstr (subtitle, ==, "terrassa-live on this computer — fita_admin");

  select_code (window, "11.2");
  selected = fita_outline_get_selected_id (outline);
  /* scrolled to the end of the outline */
  scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find_descendant (GTK_WIDGET (outline), is_shown_list, NULL)));
  g_assert_true (wait_until (scrolls, scroll));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll));
  settle ();
  scrolled = gtk_adjustment_get_value (scroll);
  g_assert_cmpfloat (scrolled, >, 0);

  /* someone else's change shows within a second, the selection and the
   * scroll stay */
  other = fita_plan_open_full (location, FITA_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  set_title_elsewhere (other, "11.3", "Changed by someone else");
  shown = (TitleShown) { window, "11.3", "Changed by someone else" };
  g_assert_true (wait_until (shows_title, &shown));
  g_test_message ("another person's change shown after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, selected);
  settle ();
  /* scrolled to the end, it stays at the end, however the rows above
   * changed height (the title changed, on one line where it took two, and
   * the list view refines its guesses of rows' heights as it draws them);
   * or within a row of where it was */
  {
    GtkListView *list = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (outline), is_shown_list, NULL));
    guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
    double row = gtk_adjustment_get_upper (scroll) / MAX (n_rows, 1);
    g_test_message ("scrolled %.0f, now %.0f, a row %.0f", scrolled, gtk_adjustment_get_value (scroll), row);
    double end = gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll);
    if (ABS (gtk_adjustment_get_value (scroll) - end) >= 1)
      g_assert_cmpfloat (ABS (gtk_adjustment_get_value (scroll) - scrolled), <, row);
  }
  /* others' changes are not undone here */
  g_assert_false (fita_plan_can_undo (fita_window_get_plan (window)));
  gtk_adjustment_set_value (scroll, 0);
  settle ();
  shot = save_screenshot (GTK_WIDGET (window), "shared-window");

  /* the same title changed here and there at once: the conflict's dialog;
   * Take Theirs */
  field = title_field (window, "11.2");
  set_title_elsewhere (other, "11.2", "Theirs");
  gtk_editable_set_text (GTK_EDITABLE (field), "Mine");
  g_assert_false (fita_field_commit (field));
  dialog = wait_for_message_dialog ("Someone Else Changed This");
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (dialog), "conflict-dialog-live");
  respond (dialog, "_Take Theirs");
  shown = (TitleShown) { window, "11.2", "Theirs" };
  g_assert_true (wait_until (shows_title, &shown));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "Theirs");
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, selected);

  /* again; Keep Mine */
  set_title_elsewhere (other, "11.2", "Theirs again");
  gtk_editable_set_text (GTK_EDITABLE (field), "Mine again");
  g_assert_false (fita_field_commit (field));
  dialog = wait_for_message_dialog ("Someone Else Changed This");
  respond (dialog, "_Keep Mine");
  shown = (TitleShown) { window, "11.2", "Mine again" };
  g_assert_true (wait_until (shows_title, &shown));
  g_assert_true (fita_plan_refresh (other, &error));
  g_assert_cmpstr (fita_plan_find_item (other, "11.2")->title, ==, "Mine again");

  /* typing while someone else changes the same title: the typing stays;
   * saving it asks first */
  gtk_widget_grab_focus (field);
  gtk_editable_set_text (GTK_EDITABLE (field), "Typed here");
  set_title_elsewhere (other, "11.2", "Changed there");
  shown = (TitleShown) { window, "11.2", "Changed there" };
  g_assert_true (wait_until (shows_title, &shown));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "Typed here");
  g_assert_false (fita_field_commit (field));
  dialog = wait_for_message_dialog ("Someone Else Changed This");
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (dialog), "typed-over-dialog");
  respond (dialog, "_Keep Mine");
  shown = (TitleShown) { window, "11.2", "Typed here" };
  g_assert_true (wait_until (shows_title, &shown));
  g_assert_true (fita_plan_refresh (other, &error));
  g_assert_cmpstr (fita_plan_find_item (other, "11.2")->title, ==, "Typed here");

  /* an undo here while typing is no one else's change: nothing asked */
  gtk_editable_set_text (GTK_EDITABLE (field), "Saved here");
  g_assert_true (fita_field_commit (field));
  gtk_widget_grab_focus (field);
  gtk_editable_set_text (GTK_EDITABLE (field), "Typed after");
  g_assert_true (fita_plan_undo (fita_window_get_plan (window), &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, "Typed after");
  g_assert_true (fita_field_commit (field));
  g_assert_null (find_message_dialog ());
  shown = (TitleShown) { window, "11.2", "Typed after" };
  g_assert_true (wait_until (shows_title, &shown));

  /* the item being edited deleted elsewhere: the editor lets it go */
  select_code (window, "11.5");
  g_assert_cmpint (fita_item_editor_get_item_id (fita_window_get_item_editor (window)), ==, id_of (window, "11.5"));
  fita_plan_begin (other, "Delete");
  fita_plan_delete (other, fita_plan_find_item (other, "11.5"), NULL);
  g_assert_true (fita_plan_end (other, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (no_item_shown, window));
  g_assert_null (find_descendant (GTK_WIDGET (window), is_row_of, "11.5"));
  select_code (window, "11.2");

  /* the server goes: the banner, at once; an edit is refused, not shown
   * as saved */
  g_clear_object (&other);
  pgcluster ("kill", NULL, NULL);
  g_assert_true (wait_until (is_lost, window));
  settle ();
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (window), "connection-lost-live");
  gtk_editable_set_text (GTK_EDITABLE (field), "Typed offline");
  g_assert_false (fita_field_commit (field));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  g_assert_cmpstr (fita_plan_find_item (fita_window_get_plan (window), "11.2")->title, ==, "Typed after");

  /* back: what changed meanwhile shows */
  pgcluster ("start", NULL, NULL);
  other = fita_plan_open_full (location, FITA_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  set_title_elsewhere (other, "11.4", "Changed while Fita was away");
  g_assert_true (wait_until (is_back, window));
  shown = (TitleShown) { window, "11.4", "Changed while Fita was away" };
  g_assert_true (wait_until (shows_title, &shown));

  close_all_windows ();
}

/* The Terrassa example's one service, which answers for the actions
 * 11.1–11.5 (their other services name it) and not for the objective O3. */
static char *
service_of (FitaPlan *plan)
{
  GPtrArray *agents = fita_plan_list (plan, FITA_TABLE_AGENT, 0);

  g_assert_cmpuint (agents->len, >, 0);
  return g_strdup (((FitaAgent *) g_ptr_array_index (agents, 0))->name);
}

typedef struct {
  FitaPlan   *a;
  FitaPlan   *b;
  const char *code;
} SameStatus;

static gboolean
same_status (gpointer data)
{
  SameStatus *same = data;

  return fita_plan_find_item (same->a, same->code)->status_id ==
         fita_plan_find_item (same->b, same->code)->status_id;
}

static void
test_service (void)
{
  g_autofree char *admin = pg_location ("terrassa-service", NULL);
  g_autofree char *location = pg_location ("terrassa-service", "user=fita_service");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) example = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *agent = NULL;
  g_autofree char *subtitle = NULL;
  const char *own_code = "11.2";
  FitaWindow *window;
  FitaPlan *plan;
  GtkWidget *field, *editor, *status, *coordinator_title;
  AdwMessageDialog *dialog;
  FitaWindow *coordinator;
  SameStatus same;
  TitleShown shown;
  guint selected;
  gint64 status_before;

  if (!server_ready ())
    return;
  push_terrassa ("terrassa-service");
  example = fita_example_load (TERRASSA, &error);
  agent = service_of (example);
  pgcluster ("psql", "fita_admin", "CREATE ROLE fita_service LOGIN");
  g_assert_true (fita_server_grant (admin, NULL, "fita_service", FITA_ACCESS_FOLLOW_UP, agent, &error));
  g_assert_no_error (error);

  window = open_shared (location);
  plan = fita_window_get_plan (window);
  g_assert_cmpint (fita_plan_get_access (plan), ==, FITA_ACCESS_FOLLOW_UP);
  g_assert_nonnull (fita_shared_banner_get_note (fita_window_get_shared_banner (window)));
  g_assert_nonnull (strstr (fita_shared_banner_get_note (fita_window_get_shared_banner (window)), agent));

  /* which plan, as whom, following up whose items */
  subtitle = g_strdup_printf ("terrassa-service on this computer — fita_service, following up %s", agent);
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (find_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE))),
                   ==, subtitle);

  /* items are not added, moved or deleted by a service */
  g_assert_false (gtk_widget_is_sensitive (find_descendant (GTK_WIDGET (fita_window_get_outline (window)), has_icon, "list-add-symbolic")));

  /* nor changes the plan's properties */
  {
    GtkWidget *plan_title = find_descendant (find_of_type (GTK_WIDGET (window), FITA_TYPE_PLAN_EDITOR),
                                             is_bound_to, "title");

    g_assert_nonnull (plan_title);
    g_assert_false (gtk_widget_get_sensitive (plan_title) && gtk_editable_get_editable (GTK_EDITABLE (plan_title)));
  }

  /* another's item: its status insensitive too */
  editor = GTK_WIDGET (fita_window_get_item_editor (window));
  select_code (window, "O3");
  settle ();
  g_assert_false (gtk_widget_get_sensitive (fita_field_find (editor, FITA_TABLE_ITEM, id_of (window, "O3"), "status_id")));
  g_assert_false (gtk_widget_get_sensitive (title_field (window, "O3")));

  /* its own item: the title insensitive (not hidden), the status not */
  select_code (window, own_code);
  settle ();
  field = title_field (window, own_code);
  g_assert_true (gtk_widget_get_visible (field));
  g_assert_false (gtk_widget_get_sensitive (field));
  g_assert_true (gtk_widget_get_sensitive (fita_field_find (editor, FITA_TABLE_ITEM, id_of (window, own_code), "status_id")));
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (window), "shared-service");

  /* the server refuses what the app would not let through: its message */
  gtk_editable_set_text (GTK_EDITABLE (field), "A title a service may not give");
  g_assert_false (fita_field_commit (field));
  dialog = wait_for_message_dialog ("You Cannot Change This");
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_true (wait_until (is_drawn, dialog));
  settle ();
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (dialog), "permission-refused");
  close_message_dialog (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, fita_plan_find_item (plan, own_code)->title);

  /* two windows, two roles, one plan: the coordinator sees the service's
   * status at once, and the service the coordinator's title */
  coordinator = open_shared (admin);
  g_assert_true (coordinator != window);
  select_code (coordinator, own_code);
  status = fita_field_find (editor, FITA_TABLE_ITEM, id_of (window, own_code), "status_id");
  g_object_get (status, "selected", &selected, NULL);
  status_before = fita_plan_find_item (plan, own_code)->status_id;
  g_object_set (status, "selected", selected == 1 ? 2u : 1u, NULL);
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (fita_plan_find_item (plan, own_code)->status_id, !=, status_before);
  same.a = fita_window_get_plan (window);
  same.b = fita_window_get_plan (coordinator);
  same.code = own_code;
  g_assert_true (wait_until (same_status, &same));
  coordinator_title = title_field (coordinator, own_code);
  gtk_editable_set_text (GTK_EDITABLE (coordinator_title), "Retitled by the coordinator");
  g_assert_true (fita_field_commit (coordinator_title));
  shown = (TitleShown) { window, own_code, "Retitled by the coordinator" };
  g_assert_true (wait_until (shows_title, &shown));
  settle ();
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (coordinator), "two-roles-coordinator");
  g_free (shot);
  shot = save_screenshot (GTK_WIDGET (window), "two-roles-service");

  close_all_windows ();
}

static void
test_password (void)
{
  const char *user = g_getenv ("FITA_TEST_PG_PASSWORD_USER");
  const char *password = g_getenv ("FITA_TEST_PG_PASSWORD");
  g_autofree char *admin = pg_location ("terrassa-password", NULL);
  g_autofree char *user_param = NULL;
  g_autofree char *location = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *prompt;
  GtkWidget *entry;
  FitaWindow *window;

  if (!server_ready ())
    return;
  if (user == NULL || password == NULL)
    {
      g_test_skip ("pgcluster.py gave no user with a password");
      return;
    }
  user_param = g_strdup_printf ("user=%s", user);
  location = pg_location ("terrassa-password", user_param);
  push_terrassa ("terrassa-password");
  g_assert_true (fita_server_grant (admin, NULL, user, FITA_ACCESS_READ, NULL, &error));
  g_assert_no_error (error);

  fita_application_open_shared (app, location, NULL);
  /* no keyring here (no session bus): asked, without a warning */
  prompt = wait_for_message_dialog ("Password Needed");
  entry = find_of_type (GTK_WIDGET (prompt), GTK_TYPE_PASSWORD_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong-password");
  respond (prompt, "C_onnect");
  /* refused: asked again, saying so */
  prompt = wait_for_message_dialog ("Password Needed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (prompt), "did not accept"));
  entry = find_of_type (GTK_WIDGET (prompt), GTK_TYPE_PASSWORD_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), password);
  respond (prompt, "C_onnect");
  g_assert_true (wait_until (shows_location, location));
  window = find_window_with_location (location);
  /* a reader: read-only, as a file can be */
  g_assert_true (fita_plan_is_read_only (fita_window_get_plan (window)));
  g_assert_null (find_message_dialog ());

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/shared/compose", test_compose);
  g_test_add_func ("/ui/shared/dialog", test_dialog);
  g_test_add_func ("/ui/shared/recent", test_recent);
  g_test_add_func ("/ui/shared/change-errors", test_change_errors);
  g_test_add_func ("/ui/shared/banner", test_banner);
  g_test_add_func ("/ui/shared/server/live", test_live);
  g_test_add_func ("/ui/shared/server/service", test_service);
  g_test_add_func ("/ui/shared/server/password", test_password);

  return run_app_tests ();
}
