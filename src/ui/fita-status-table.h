/* fita-status-table.h: how many items have each status, as a group of
 * rows: "En curs  115 of 161 (71 %)", in the plan's status order, then the
 * items with no status. For the whole plan (the Plan page) or the items
 * below one (the item editor). */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_STATUS_TABLE (fita_status_table_get_type ())
G_DECLARE_FINAL_TYPE (FitaStatusTable, fita_status_table, FITA, STATUS_TABLE, AdwPreferencesGroup)

GtkWidget *fita_status_table_new    (void);
/* Counts the items with nothing below them in scope (NULL: the whole
 * plan) again; plan NULL empties the table. Hidden when there is nothing
 * to count. */
void       fita_status_table_update (FitaStatusTable *self,
                                     FitaPlan        *plan,
                                     FitaItem        *scope);
/* What each row says, as read to a screen reader: "En curs: 115 of 161
 * (71 %)". For tests. */
GStrv      fita_status_table_dup_rows (FitaStatusTable *self);

G_END_DECLS
