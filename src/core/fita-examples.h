/* fita-examples.h: the example plans that ship with Fita (data/examples),
 * built into the program and loaded through the same JSON importer. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* NULL-terminated names, e.g. "terrassa-ess-2019-2026". Free with g_strfreev. */
char     **fita_examples_list (void);
/* A new in-memory plan with the example's content. */
FitaPlan  *fita_example_load  (const char  *name,
                               GError     **error);

G_END_DECLS
