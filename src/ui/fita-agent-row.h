/* fita-agent-row.h: a row that names an agent in a list of a page (a
 * body's working groups, a process's key actors), with buttons that move
 * and remove the record of the list, and an arrow when it leads to the
 * agent. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_AGENT_ROW (fita_agent_row_get_type ())
G_DECLARE_FINAL_TYPE (FitaAgentRow, fita_agent_row, FITA, AGENT_ROW, AdwActionRow)

/* The row of record (table, id): an agent, or a record that refers to
 * one; browsable rows are activated to show the agent. */
GtkWidget  *fita_agent_row_new    (FitaTableId   table,
                                   gint64        id,
                                   gboolean      browsable);
/* Shows agent (NULL: one the plan no longer has) with subtitle, at index
 * of n_rows. */
void        fita_agent_row_update (FitaAgentRow *self,
                                   FitaAgent    *agent,
                                   const char   *subtitle,
                                   guint         index,
                                   guint         n_rows,
                                   gboolean      read_only);
gboolean    fita_agent_row_get_browsable (FitaAgentRow *self);

/* What kind of agent it is, as the pages name it: "Body", "Service"… */
const char *fita_agent_kind_name  (FitaAgentKind kind);

G_END_DECLS
