/* fita-participation-table.h: the participation figures of a process by
 * dimension, each cell bound to its field, with their totals. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"
#include "fita-rollup.h"

G_BEGIN_DECLS

#define FITA_TYPE_PARTICIPATION_TABLE (fita_participation_table_get_type ())
G_DECLARE_FINAL_TYPE (FitaParticipationTable, fita_participation_table, FITA, PARTICIPATION_TABLE, AdwBin)

GtkWidget *fita_participation_table_new (void);
/* Shows dimensions (records of plan), one row each; the grid is made anew
 * only when they are others or in another order, and the typing and the
 * keyboard focus in it go on in the new one. */
void       fita_participation_table_show (FitaParticipationTable  *self,
                                          FitaPlan                *plan,
                                          GPtrArray               *dimensions,
                                          gboolean                 read_only);
void       fita_participation_table_set_totals (FitaParticipationTable  *self,
                                                const FitaParticipation *totals);
/* Where the plan's refusals of the cells' changes are shown. */
void       fita_participation_table_set_error_label (FitaParticipationTable *self,
                                                     GtkLabel               *label);

G_END_DECLS
