/* fita-server.h: a PostgreSQL database that holds shared plans, as its
 * keeper sets it up: the schema Fita keeps there, and who may do what with
 * each plan (enforced by the server: roles and row-level security).
 *
 * uri: postgresql://host/database (?plan=NAME where a plan is meant);
 * password: for a server that asks for one, or NULL (then libpq's
 * PGPASSWORD or ~/.pgpass). */
#pragma once

#include <glib.h>
#include "fita-plan.h"

G_BEGIN_DECLS

/* The version of the schema this Fita keeps in a database (fita.meta). */
#define FITA_SERVER_SCHEMA_VERSION 1

/* Creates Fita's schema in an empty database, or brings an older one up
 * to date (the same thing: both run the steps the database lacks, in one
 * transaction, and do nothing when there are none). *steps: how many ran.
 * Refuses a database from a newer Fita. */
gboolean fita_server_migrate (const char  *uri,
                              const char  *password,
                              guint       *steps,
                              GError     **error);

/* Gives role (an existing PostgreSQL role) access to the plan the URI
 * names: FITA_ACCESS_ALL (a coordinator), FITA_ACCESS_FOLLOW_UP (a
 * service: the follow-up of the items agent answers for) or
 * FITA_ACCESS_READ; replaces what it had. */
gboolean fita_server_grant   (const char  *uri,
                              const char  *password,
                              const char  *role,
                              FitaAccess   access,
                              const char  *agent,
                              GError     **error);

/* Deletes the plan the URI names from the server, with its history. */
gboolean fita_server_drop_plan (const char  *uri,
                                const char  *password,
                                GError     **error);

/* The names of the plans the database holds (a new array of strings). */
GPtrArray *fita_server_list_plans (const char  *uri,
                                   const char  *password,
                                   GError     **error);

G_END_DECLS
