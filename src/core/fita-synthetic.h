/* fita-synthetic.h: a large, deterministic plan for benchmarks and tests. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* An in-memory plan of exactly n_items items in 4 levels, with statuses,
 * progress, years, semesters, budget lines, indicators and follow-ups. The
 * same n gives the same plan. */
FitaPlan *fita_synthetic_plan (guint n_items);

G_END_DECLS
