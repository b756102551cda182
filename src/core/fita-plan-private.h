/* fita-plan-private.h: for the core's own modules, not the UI or CLI. */
#pragma once

#include "fita-plan.h"
#include "fita-store.h"

G_BEGIN_DECLS

FitaStore *fita_plan_get_store (FitaPlan *plan);
/* The promises every reader relies on (see fita_plan_open); for plans
 * built by the importer too. */
gboolean   fita_plan_check_records (FitaPlan *plan, GError **error);

G_END_DECLS
