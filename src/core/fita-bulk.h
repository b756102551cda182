/* fita-bulk.h: editing many items at once. Each function is one undoable
 * change of the plan, and leaves the plan as it was when it fails. Ids of
 * items no longer in the plan are skipped.
 */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* Gives every item status_id (0: no status). */
gboolean fita_bulk_set_status      (FitaPlan     *plan,
                                    const GArray *item_ids,
                                    gint64        status_id,
                                    GError      **error);
/* Makes agent_id execute every item; items it already executes keep their
 * one responsibility, not two. */
gboolean fita_bulk_add_executor    (FitaPlan     *plan,
                                    const GArray *item_ids,
                                    gint64        agent_id,
                                    GError      **error);
/* Sets every item's years to start…end; refused when start comes after
 * end. */
gboolean fita_bulk_set_years       (FitaPlan     *plan,
                                    const GArray *item_ids,
                                    gint64        start_year,
                                    gint64        end_year,
                                    GError      **error);
/* Deletes every item, with all that is below it (which may be among the
 * ids too). */
gboolean fita_bulk_delete          (FitaPlan     *plan,
                                    const GArray *item_ids,
                                    GError      **error);

G_END_DECLS
