/* fita-store-pg-schema.c: Fita's schema in a PostgreSQL database (made and
 * brought up to date by fita_server_migrate), each plan's own schema, and
 * who may do what with a plan (fita_server_grant), as the server enforces
 * it: grants, row-level security policies and a trigger that keeps a
 * service to the follow-up columns. See fita-store-pg-private.h for how a
 * database holds plans. */
#include "config.h"
#include "fita-store-pg-private.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The steps from each version of Fita's schema to the next: index 0 makes
 * version 1 in a database that has none. Each runs in the migration's one
 * transaction. */
static const char *const server_steps[] = {
  /* 0 → 1: the catalogue, and the functions the plans' triggers and
   * policies call */
  "CREATE SCHEMA fita;\n"
  "CREATE TABLE fita.meta (schema_version integer NOT NULL);\n"
  "INSERT INTO fita.meta VALUES (0);\n"
  "CREATE TABLE fita.plan (\n"
  "  id serial PRIMARY KEY,\n"
  "  name text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),\n"
  "  revision bigint NOT NULL DEFAULT 0,\n"
  "  owner name NOT NULL DEFAULT current_user,\n"
  "  created_at timestamptz NOT NULL DEFAULT now ()\n"
  ");\n"
  "CREATE TABLE fita.access (\n"
  "  plan_id integer NOT NULL REFERENCES fita.plan (id) ON DELETE CASCADE,\n"
  "  role name NOT NULL,\n"
  "  kind text NOT NULL CHECK (kind IN ('coordinator', 'service', 'reader')),\n"
  "  agent text CHECK ((kind = 'service') = (agent IS NOT NULL)),\n"
  "  PRIMARY KEY (plan_id, role)\n"
  ");\n"
  "GRANT USAGE ON SCHEMA fita TO PUBLIC;\n"
  "GRANT SELECT ON fita.meta, fita.plan, fita.access TO PUBLIC;\n"
  /* each role sees its own access, and a plan's owner all of the plan's */
  "ALTER TABLE fita.access ENABLE ROW LEVEL SECURITY;\n"
  "CREATE POLICY own ON fita.access FOR SELECT USING (role = current_user OR\n"
  "  EXISTS (SELECT 1 FROM fita.plan p WHERE p.id = plan_id AND p.owner = current_user));\n"
  /* what a role may do with a plan: the plan's owner coordinates it */
  "CREATE FUNCTION fita.access_kind (p integer, r name) RETURNS text\n"
  "LANGUAGE sql STABLE SET search_path = pg_catalog AS $$\n"
  "  SELECT CASE WHEN EXISTS (SELECT 1 FROM fita.plan WHERE id = p AND owner = r) THEN 'coordinator'\n"
  "  ELSE (SELECT kind FROM fita.access WHERE plan_id = p AND role = r) END $$;\n"
  "CREATE FUNCTION fita.access_agent (p integer, r name) RETURNS text\n"
  "LANGUAGE sql STABLE SET search_path = pg_catalog AS $$\n"
  "  SELECT agent FROM fita.access WHERE plan_id = p AND role = r AND kind = 'service' $$;\n"
  /* the revision of the plan that the open transaction makes: the plan's
   * next, taken once (its row then stays locked to the end of the
   * transaction, so that revisions follow commits) and kept for the
   * transaction's other rows */
  "CREATE FUNCTION fita.revision (p integer) RETURNS bigint\n"
  "LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$\n"
  "DECLARE r text := current_setting ('fita.revision_' || p, true);\n"
  "BEGIN\n"
  "  IF r IS NULL OR r = '' THEN\n"
  "    UPDATE fita.plan SET revision = revision + 1 WHERE id = p RETURNING revision INTO r;\n"
  "    PERFORM set_config ('fita.revision_' || p, r, true);\n"
  "  END IF;\n"
  "  RETURN r::bigint;\n"
  "END $$;\n"
  "CREATE FUNCTION fita.stamp () RETURNS trigger\n"
  "LANGUAGE plpgsql SET search_path = pg_catalog AS $$\n"
  "BEGIN NEW.version := fita.revision (TG_ARGV[0]::integer); RETURN NEW; END $$;\n"
  "CREATE FUNCTION fita.tombstone () RETURNS trigger\n"
  "LANGUAGE plpgsql SET search_path = pg_catalog AS $$\n"
  "BEGIN\n"
  "  EXECUTE format ('INSERT INTO %I.deleted (table_name, record_id, version) VALUES ($1, $2, $3)', TG_TABLE_SCHEMA)\n"
  "    USING TG_TABLE_NAME::text, OLD.id, fita.revision (TG_ARGV[0]::integer);\n"
  "  RETURN OLD;\n"
  "END $$;\n"
  "CREATE FUNCTION fita.notify () RETURNS trigger\n"
  "LANGUAGE plpgsql SET search_path = pg_catalog AS $$\n"
  "BEGIN PERFORM pg_notify ('fita_plan_' || TG_ARGV[0], ''); RETURN NULL; END $$;\n"
  /* anyone but a coordinator changes only the columns named after the plan */
  "CREATE FUNCTION fita.guard () RETURNS trigger\n"
  "LANGUAGE plpgsql SET search_path = pg_catalog AS $$\n"
  "DECLARE allowed text[] := TG_ARGV[1:TG_NARGS - 1] || ARRAY['version'];\n"
  "BEGIN\n"
  "  IF fita.access_kind (TG_ARGV[0]::integer, current_user) = 'coordinator' THEN RETURN NEW; END IF;\n"
  "  IF (to_jsonb (NEW) - allowed) IS DISTINCT FROM (to_jsonb (OLD) - allowed) THEN\n"
  "    RAISE EXCEPTION 'fita: % may change only % of %', current_user,\n"
  "      array_to_string (TG_ARGV[1:TG_NARGS - 1], ', '), TG_TABLE_NAME\n"
  "      USING ERRCODE = 'insufficient_privilege';\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  /* the change log says who and when as the server knows it; a plan
   * copied to the server by its owner keeps its log */
  "CREATE FUNCTION fita.sign () RETURNS trigger\n"
  "LANGUAGE plpgsql SET search_path = pg_catalog AS $$\n"
  "BEGIN\n"
  "  IF NEW.author IS NULL OR NEW.at IS NULL OR\n"
  "     NOT EXISTS (SELECT 1 FROM fita.plan WHERE id = TG_ARGV[0]::integer AND owner = current_user) THEN\n"
  "    NEW.author := current_user;\n"
  "    NEW.at := to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"');\n"
  "  END IF;\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  /* gives a role access to a plan, replacing what it had */
  "CREATE FUNCTION fita.grant_access (plan_name text, r name, k text, a text) RETURNS void\n"
  "LANGUAGE plpgsql SET search_path = pg_catalog AS $$\n"
  "DECLARE p integer; s text;\n"
  "BEGIN\n"
  "  SELECT id INTO p FROM fita.plan WHERE name = plan_name;\n"
  "  s := 'fita_plan_' || p;\n"
  "  EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', s, r);\n"
  "  EXECUTE format ('GRANT USAGE ON SCHEMA %I TO %I', s, r);\n"
  "  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', s, r);\n"
  "  IF k <> 'reader' THEN\n"
  "    EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', s, r);\n"
  "    EXECUTE format ('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s, r);\n"
  "  END IF;\n"
  "  INSERT INTO fita.access (plan_id, role, kind, agent) VALUES (p, r, k, a)\n"
  "    ON CONFLICT (plan_id, role) DO UPDATE SET kind = EXCLUDED.kind, agent = EXCLUDED.agent;\n"
  "END $$;\n",
};

/* Fields a service may change in each table it may update (NULL: none). */
static const char *const *
follow_up_columns (FitaTableId table)
{
  static const char *const item[] = { "status_id", "progress", NULL };
  static const char *const budget_line[] = { "executed_cents", NULL };

  switch (table)
    {
    case FITA_TABLE_ITEM:
      return item;
    case FITA_TABLE_BUDGET_LINE:
      return budget_line;
    default:
      return NULL;
    }
}

/* The policies of a table: everyone with access reads; coordinators
 * change everything; a service changes the follow-up of the items its
 * agent answers for. */
static void
append_policies (GString *sql, const char *s, gint64 p, FitaTableId t)
{
  const char *name = fita_table (t)->name;
  const char *const *columns = follow_up_columns (t);

  g_string_append_printf (sql,
    "ALTER TABLE %s.%s ENABLE ROW LEVEL SECURITY;\n"
    "CREATE POLICY read ON %s.%s FOR SELECT USING (fita.access_kind (%" G_GINT64_FORMAT ", current_user) IS NOT NULL);\n"
    "CREATE POLICY coordinate ON %s.%s FOR ALL USING (fita.access_kind (%" G_GINT64_FORMAT ", current_user) = 'coordinator')"
    " WITH CHECK (fita.access_kind (%" G_GINT64_FORMAT ", current_user) = 'coordinator');\n",
    s, name, s, name, p, s, name, p, p);
  if (columns != NULL)
    {
      GString *list = g_string_new (NULL);
      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (list, ", '%s'", columns[c]);
      g_string_append_printf (sql,
        "CREATE TRIGGER a_guard BEFORE UPDATE ON %s.%s FOR EACH ROW EXECUTE FUNCTION fita.guard ('%" G_GINT64_FORMAT "'%s);\n",
        s, name, p, list->str);
      g_string_free (list, TRUE);
    }
  switch (t)
    {
    case FITA_TABLE_ITEM:
      g_string_append_printf (sql,
        "CREATE POLICY follow_up ON %s.item FOR UPDATE USING (%s.answers_for (id, current_user))"
        " WITH CHECK (%s.answers_for (id, current_user));\n", s, s, s);
      break;
    case FITA_TABLE_BUDGET_LINE:
      g_string_append_printf (sql,
        "CREATE POLICY follow_up ON %s.budget_line FOR UPDATE USING (%s.answers_for (item_id, current_user))"
        " WITH CHECK (%s.answers_for (item_id, current_user));\n"
        "CREATE POLICY follow_up_new ON %s.budget_line FOR INSERT"
        " WITH CHECK (%s.answers_for (item_id, current_user) AND planned_cents IS NULL);\n", s, s, s, s, s);
      break;
    case FITA_TABLE_FOLLOWUP:
      g_string_append_printf (sql,
        "CREATE POLICY follow_up ON %s.followup FOR ALL USING (item_id IS NOT NULL AND %s.answers_for (item_id, current_user))"
        " WITH CHECK (item_id IS NOT NULL AND %s.answers_for (item_id, current_user));\n", s, s, s);
      break;
    case FITA_TABLE_INDICATOR_VALUE:
      g_string_append_printf (sql,
        "CREATE POLICY follow_up ON %s.indicator_value FOR ALL"
        " USING (%s.answers_for ((SELECT item_id FROM %s.indicator i WHERE i.id = indicator_id), current_user))"
        " WITH CHECK (%s.answers_for ((SELECT item_id FROM %s.indicator i WHERE i.id = indicator_id), current_user));\n",
        s, s, s, s, s);
      break;
    default:
      break;
    }
}

gboolean
fita_pg_create_plan_schema (PGconn *conn, gint64 p, GError **error)
{
  g_autofree char *s = g_strdup_printf ("fita_plan_%" G_GINT64_FORMAT, p);
  g_autofree char *prefix = g_strconcat (s, ".", NULL);
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "CREATE SCHEMA %s;\nCREATE SEQUENCE %s.record_id;\n", s, s);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    {
      const FitaTable *table = fita_table (t);

      g_string_append_printf (sql, "CREATE TABLE %s.%s (\n", s, table->name);
      for (guint f = 0; f < table->n_fields; f++)
        {
          fita_store_append_column (sql, &table->fields[f], "bigint", prefix);
          g_string_append (sql, ",\n");
        }
      if (table->name_field >= 0)
        g_string_append_printf (sql, "  UNIQUE (%s),\n", table->fields[table->name_field].name);
      g_string_append (sql, "  version bigint NOT NULL DEFAULT 0\n);\n");
      g_string_append_printf (sql, "CREATE INDEX ON %s.%s (version);\n", s, table->name);
      if (table->owner_field >= 0)
        g_string_append_printf (sql, "CREATE INDEX ON %s.%s (%s, position);\n",
                                s, table->name, table->fields[table->owner_field].name);
      g_string_append_printf (sql,
        "CREATE TRIGGER b_stamp BEFORE INSERT OR UPDATE ON %s.%s FOR EACH ROW EXECUTE FUNCTION fita.stamp ('%" G_GINT64_FORMAT "');\n"
        "CREATE TRIGGER c_tombstone AFTER DELETE ON %s.%s FOR EACH ROW EXECUTE FUNCTION fita.tombstone ('%" G_GINT64_FORMAT "');\n"
        "CREATE TRIGGER d_notify AFTER INSERT OR UPDATE OR DELETE ON %s.%s FOR EACH STATEMENT EXECUTE FUNCTION fita.notify ('%" G_GINT64_FORMAT "');\n",
        s, table->name, p, s, table->name, p, s, table->name, p);
    }
  g_string_append_printf (sql,
    "CREATE UNIQUE INDEX ON %s.budget_line (item_id, year, chapter_id);\n"
    "CREATE INDEX ON %s.item (code);\n"
    "CREATE UNIQUE INDEX ON %s.year_closure (year);\n"
    "CREATE TABLE %s.deleted (table_name text NOT NULL, record_id bigint NOT NULL, version bigint NOT NULL);\n"
    "CREATE INDEX ON %s.deleted (version);\n"
    "CREATE TABLE %s.change_log (\n"
    "  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
    "  at text NOT NULL,\n"
    "  author text NOT NULL,\n"
    "  source text,\n"
    "  label text\n"
    ");\n"
    "CREATE TABLE %s.change_log_entry (\n"
    "  change_id bigint NOT NULL REFERENCES %s.change_log (id),\n"
    "  position integer NOT NULL,\n"
    "  action text NOT NULL CHECK (action IN ('inserted', 'updated', 'deleted')),\n"
    "  table_name text NOT NULL,\n"
    "  record_id bigint NOT NULL,\n"
    "  item_id bigint,\n"
    "  field text,\n"
    "  old_value text,\n"
    "  new_value text,\n"
    "  PRIMARY KEY (change_id, position)\n"
    ");\n"
    "CREATE INDEX ON %s.change_log_entry (item_id, change_id);\n"
    "CREATE TRIGGER a_sign BEFORE INSERT ON %s.change_log FOR EACH ROW EXECUTE FUNCTION fita.sign ('%" G_GINT64_FORMAT "');\n",
    s, s, s, s, s, s, s, s, s, s, p);
  /* the items a service's agent answers for, by the rule the update forms
   * follow: those it is responsible for; for an item no agent is
   * responsible for, those whose other services name it */
  g_string_append_printf (sql,
    "CREATE FUNCTION %s.answers_for (item bigint, r name) RETURNS boolean\n"
    "LANGUAGE sql STABLE SET search_path = pg_catalog AS $$\n"
    "  SELECT fita.access_kind (%" G_GINT64_FORMAT ", r) = 'service' AND (\n"
    "    EXISTS (SELECT 1 FROM %s.responsibility re JOIN %s.agent a ON a.id = re.agent_id\n"
    "            WHERE re.item_id = item AND lower (a.name) = lower (fita.access_agent (%" G_GINT64_FORMAT ", r)))\n"
    "    OR (NOT EXISTS (SELECT 1 FROM %s.responsibility re WHERE re.item_id = item AND re.agent_id IS NOT NULL)\n"
    "        AND EXISTS (SELECT 1 FROM %s.item i, regexp_split_to_table (i.other_services, '[,;\\n]') o (name)\n"
    "                    WHERE i.id = item AND lower (btrim (o.name)) = lower (fita.access_agent (%" G_GINT64_FORMAT ", r))))) $$;\n",
    s, p, s, s, p, s, s, p);
  for (guint t = 0; t < FITA_N_TABLES; t++)
    append_policies (sql, s, p, t);
  /* the log: read by all who may read the plan, written by all who may
   * change it, changed by none */
  g_string_append_printf (sql,
    "ALTER TABLE %s.change_log ENABLE ROW LEVEL SECURITY;\n"
    "ALTER TABLE %s.change_log_entry ENABLE ROW LEVEL SECURITY;\n"
    "CREATE POLICY read ON %s.change_log FOR SELECT USING (fita.access_kind (%" G_GINT64_FORMAT ", current_user) IS NOT NULL);\n"
    "CREATE POLICY read ON %s.change_log_entry FOR SELECT USING (fita.access_kind (%" G_GINT64_FORMAT ", current_user) IS NOT NULL);\n"
    "CREATE POLICY write ON %s.change_log FOR INSERT WITH CHECK (fita.access_kind (%" G_GINT64_FORMAT ", current_user) IN ('coordinator', 'service'));\n"
    "CREATE POLICY write ON %s.change_log_entry FOR INSERT WITH CHECK (fita.access_kind (%" G_GINT64_FORMAT ", current_user) IN ('coordinator', 'service'));\n",
    s, s, s, p, s, p, s, p, s, p);
  return fita_pg_run (conn, sql->str, error);
}

/* fita-server.h */

static PGconn *
connect_server (const char *uri, const char *password, char **plan_name, GError **error)
{
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) values = NULL;

  if (!fita_pg_parse_location (uri, password, &keywords, &values, plan_name, error))
    return NULL;
  return fita_pg_connect (keywords, values, password != NULL, error);
}

gboolean
fita_server_migrate (const char *uri, const char *password, guint *steps, GError **error)
{
  g_autofree char *plan_name = NULL;
  g_autofree char *set_version = NULL;
  PGconn *conn = connect_server (uri, password, &plan_name, error);
  int version;

  if (steps != NULL)
    *steps = 0;
  if (conn == NULL)
    return FALSE;
  /* one migration at a time, all of it or nothing */
  if (!fita_pg_run (conn, "BEGIN", error) ||
      !fita_pg_run (conn, "SELECT pg_advisory_xact_lock (1181316193)", error) ||
      !fita_pg_check_catalogue (conn, TRUE, &version, error))
    {
      PQfinish (conn);
      return FALSE;
    }
  for (int v = version; v < FITA_SERVER_SCHEMA_VERSION; v++)
    if (!fita_pg_run (conn, server_steps[v], error))
      {
        g_prefix_error (error, _("The database could not be set up for Fita; nothing was changed. "));
        PQfinish (conn);
        return FALSE;
      }
  set_version = g_strdup_printf ("UPDATE fita.meta SET schema_version = %d", FITA_SERVER_SCHEMA_VERSION);
  if (!fita_pg_run (conn, set_version, error) || !fita_pg_run (conn, "COMMIT", error))
    {
      PQfinish (conn);
      return FALSE;
    }
  PQfinish (conn);
  if (steps != NULL)
    *steps = FITA_SERVER_SCHEMA_VERSION - version;
  return TRUE;
}

/* Runs a query with parameters on a connection of its own; the result or
 * NULL with error. */
static PGresult *
query (PGconn *conn, const char *sql, int n, const char *const *params, GError **error)
{
  PGresult *result = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      fita_pg_set_error (NULL, conn, result, error);
      PQclear (result);
      return NULL;
    }
  return result;
}

GPtrArray *
fita_server_list_plans (const char *uri, const char *password, GError **error)
{
  g_autofree char *plan_name = NULL;
  PGconn *conn = connect_server (uri, password, &plan_name, error);
  PGresult *result;
  GPtrArray *names;
  int version;

  if (conn == NULL)
    return NULL;
  if (!fita_pg_check_catalogue (conn, FALSE, &version, error) ||
      (result = query (conn, "SELECT name FROM fita.plan ORDER BY name", 0, NULL, error)) == NULL)
    {
      PQfinish (conn);
      return NULL;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  for (int r = 0; r < PQntuples (result); r++)
    g_ptr_array_add (names, g_strdup (PQgetvalue (result, r, 0)));
  PQclear (result);
  PQfinish (conn);
  return names;
}

gboolean
fita_server_grant (const char *uri, const char *password, const char *role,
                   FitaAccess access, const char *agent, GError **error)
{
  static const char *const kinds[] = { "coordinator", "service", "reader" };
  g_autofree char *plan_name = NULL;
  PGconn *conn = connect_server (uri, password, &plan_name, error);
  const char *params[4];
  PGresult *result;
  int version;
  gboolean ok = FALSE;

  if (conn == NULL)
    return FALSE;
  if (!fita_pg_check_catalogue (conn, FALSE, &version, error))
    goto out;
  if (plan_name == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The address names no plan. Add the plan's name to it, as in postgresql://server/database?plan=name."));
      goto out;
    }
  params[0] = plan_name;
  params[1] = role;
  if ((result = query (conn, "SELECT (SELECT id FROM fita.plan WHERE name = $1),"
                             " EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2)", 2, params, error)) == NULL)
    goto out;
  if (PQgetisnull (result, 0, 0))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("There is no plan “%s” on this server."), plan_name);
      PQclear (result);
      goto out;
    }
  if (!g_str_equal (PQgetvalue (result, 0, 1), "t"))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("There is no role “%s” on the server. Create it first, e.g. CREATE ROLE %s LOGIN PASSWORD '…'."),
                   role, role);
      PQclear (result);
      goto out;
    }
  if (access == FITA_ACCESS_FOLLOW_UP)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM fita_plan_%s.agent WHERE lower (name) = lower ($1))",
                                              PQgetvalue (result, 0, 0));
      PGresult *found;
      params[0] = agent;
      found = query (conn, sql, 1, params, error);
      if (found == NULL)
        {
          PQclear (result);
          goto out;
        }
      if (!g_str_equal (PQgetvalue (found, 0, 0), "t"))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                       _("The plan “%s” has no agent named “%s”. Give the name of a service as the plan lists it."),
                       plan_name, agent);
          PQclear (found);
          PQclear (result);
          goto out;
        }
      PQclear (found);
    }
  PQclear (result);
  params[0] = plan_name;
  params[1] = role;
  params[2] = kinds[access];
  params[3] = access == FITA_ACCESS_FOLLOW_UP ? agent : NULL;
  result = query (conn, "SELECT fita.grant_access ($1, $2, $3, $4)", 4, params, error);
  if (result != NULL)
    {
      PQclear (result);
      ok = TRUE;
    }
out:
  PQfinish (conn);
  return ok;
}

gboolean
fita_server_drop_plan (const char *uri, const char *password, GError **error)
{
  g_autofree char *plan_name = NULL;
  PGconn *conn = connect_server (uri, password, &plan_name, error);
  const char *params[1];
  PGresult *result;
  gboolean ok = FALSE;
  int version;

  if (conn == NULL)
    return FALSE;
  if (!fita_pg_check_catalogue (conn, FALSE, &version, error) || !fita_pg_run (conn, "BEGIN", error))
    goto out;
  params[0] = plan_name;
  result = query (conn, "DELETE FROM fita.plan WHERE name = $1 RETURNING id", 1, params, error);
  if (result == NULL)
    goto out;
  if (PQntuples (result) == 0)
    g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("There is no plan “%s” on this server."),
                 plan_name ? plan_name : "");
  else
    {
      g_autofree char *sql = g_strdup_printf ("DROP SCHEMA fita_plan_%s CASCADE", PQgetvalue (result, 0, 0));
      ok = fita_pg_run (conn, sql, error) && fita_pg_run (conn, "COMMIT", error);
    }
  PQclear (result);
out:
  PQfinish (conn);
  return ok;
}
