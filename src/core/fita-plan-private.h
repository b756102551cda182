/* fita-plan-private.h: for the core's own modules, not the UI or CLI. */
#pragma once

#include "fita-plan.h"
#include "fita-store.h"

G_BEGIN_DECLS

FitaStore *fita_plan_get_store (FitaPlan *plan);

G_END_DECLS
