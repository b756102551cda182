/* fita-check.h: integrity and domain rules of a plan. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* Adds to problems (strings) every rule the plan breaks, storage included.
 * FALSE only when the check itself could not run. */
gboolean fita_plan_check (FitaPlan   *plan,
                          GPtrArray  *problems,
                          GError    **error);

G_END_DECLS
