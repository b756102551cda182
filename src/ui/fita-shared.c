/* fita-shared.c: see fita-shared.h. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "fita-error.h"
#include "fita-plan.h"
#include "fita-shared.h"

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

char *
fita_shared_compose_location (const char  *server,
                              const char  *database,
                              const char  *plan,
                              const char  *user,
                              GError     **error)
{
  g_autofree char *s = stripped (server);
  g_autofree char *d = stripped (database);
  g_autofree char *p = stripped (plan);
  g_autofree char *u = stripped (user);
  g_autofree char *escaped_plan = NULL;
  g_autofree char *escaped_database = NULL;
  g_autofree char *escaped_user = NULL;

  if (fita_location_is_shared (s))
    {
      g_autofree char *named = fita_shared_plan_name (s);

      if (named != NULL || is_blank (p))
        return g_steal_pointer (&s);
      escaped_plan = g_uri_escape_string (p, NULL, FALSE);
      return g_strdup_printf ("%s%splan=%s", s, strchr (s, '?') != NULL ? "&" : "?", escaped_plan);
    }

  if (is_blank (s))
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID,
                           _("Type the name of the server, such as fita.example.org."));
      return NULL;
    }
  if (strpbrk (s, "/?@ ") != NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("“%s” is not the name of a server. Type a name such as fita.example.org, or a whole address that starts with postgresql://."), s);
      return NULL;
    }
  if (is_blank (d))
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID,
                           _("Type the name of the database that holds the plans, such as plans."));
      return NULL;
    }
  if (is_blank (p))
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID,
                           _("Type the name of the plan, such as terrassa-ess."));
      return NULL;
    }

  escaped_database = g_uri_escape_string (d, NULL, FALSE);
  escaped_plan = g_uri_escape_string (p, NULL, FALSE);
  if (is_blank (u))
    return g_strdup_printf ("postgresql://%s/%s?plan=%s", s, escaped_database, escaped_plan);
  escaped_user = g_uri_escape_string (u, NULL, FALSE);
  return g_strdup_printf ("postgresql://%s@%s/%s?plan=%s", escaped_user, s, escaped_database, escaped_plan);
}

/* The parameters of a location's query ("plan", "host", …), or NULL. */
static GHashTable *
query_params (const char *location)
{
  const char *query = location != NULL ? strchr (location, '?') : NULL;

  if (query == NULL)
    return NULL;
  return g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
}

char *
fita_shared_plan_name (const char *location)
{
  g_autoptr(GHashTable) params = query_params (location);
  const char *plan = params != NULL ? g_hash_table_lookup (params, "plan") : NULL;

  return is_blank (plan) ? NULL : g_strdup (plan);
}

char *
fita_shared_server_name (const char *location)
{
  g_autoptr(GHashTable) params = query_params (location);
  g_autoptr(GUri) uri = g_uri_parse (location, G_URI_FLAGS_NON_DNS, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (is_blank (host) && params != NULL)
    host = g_hash_table_lookup (params, "host");
  /* no host, or a folder: the server's Unix socket */
  if (is_blank (host) || host[0] == '/')
    /* Translators: where a shared plan is when its server runs on the
     * officer's own computer, as in "terrassa-ess on this computer" */
    return g_strdup (_("this computer"));
  return g_strdup (host);
}

char *
fita_shared_describe_location (const char *location)
{
  g_autofree char *plan = fita_shared_plan_name (location);
  g_autofree char *server = fita_shared_server_name (location);

  /* Translators: a shared plan and the server that keeps it:
   * "terrassa-ess on fita.example.org" */
  return g_strdup_printf (_("%s on %s"), plan != NULL ? plan : _("Unnamed plan"), server);
}

/* Passwords */

static const SecretSchema *
shared_plan_schema (void)
{
  static const SecretSchema schema = {
    "cat.fita.Fita.SharedPlan", SECRET_SCHEMA_NONE,
    {
      { "location", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

char *
fita_shared_lookup_password (const char   *location,
                             GCancellable *cancellable)
{
  g_autofree char *display = fita_location_display (location);
  g_autoptr(GError) error = NULL;
  char *secret;
  char *password;

  secret = secret_password_lookup_sync (shared_plan_schema (), cancellable, &error,
                                        "location", display, NULL);
  if (error != NULL)
    g_debug ("No password from the keyring for %s: %s", display, error->message);
  if (secret == NULL)
    return NULL;
  /* libsecret's copy is wiped when freed: ours is an ordinary string */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

static void
password_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree char *display = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_debug ("The password for %s was not kept in the keyring: %s", display, error->message);
}

void
fita_shared_store_password (const char *location,
                            const char *password)
{
  g_autofree char *display = fita_location_display (location);
  g_autofree char *description = fita_shared_describe_location (location);
  /* Translators: the name of a password in the keyring (Passwords and
   * Keys); %s is a shared plan and its server, "terrassa-ess on
   * fita.example.org" */
  g_autofree char *label = g_strdup_printf (_("Fita: shared plan %s"), description);

  secret_password_store (shared_plan_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         NULL, password_stored_cb, g_strdup (display),
                         "location", display, NULL);
}

static void
password_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("The keyring's password was not forgotten: %s", error->message);
}

void
fita_shared_forget_password (const char *location)
{
  g_autofree char *display = fita_location_display (location);

  secret_password_clear (shared_plan_schema (), NULL, password_cleared_cb, NULL,
                         "location", display, NULL);
}
