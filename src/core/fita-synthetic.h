/* fita-synthetic.h: a large, deterministic plan for benchmarks and tests. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* An in-memory plan of exactly n_items items in 4 levels, with statuses,
 * progress, years, semesters, budget lines, indicators and follow-ups. The
 * same n gives the same plan. */
FitaPlan *fita_synthetic_plan (guint n_items);
/* A CSV table of exactly n_rows rows below its header, as officers keep a
 * plan in a spreadsheet (Catalan headers, ";", amounts like "4.702,33 €",
 * statuses with their percent, who with roles, semesters, and a second row
 * for each action's next year of budget). The same n gives the same table. */
char     *fita_synthetic_table (guint n_rows);

G_END_DECLS
