/* fita-json.h: the plan as JSON (docs/FORMAT.md), both ways, losslessly. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* 2: percents may have decimals ("progress": 88.3); version 1 is read too */
#define FITA_JSON_FORMAT_VERSION 2

char     *fita_json_export      (FitaPlan    *plan);
/* The same without the years closed: what a year closure keeps of the plan
 * (a snapshot never holds the snapshots of earlier years). */
char     *fita_json_export_without_closures (FitaPlan *plan);
/* A new plan, in memory (not yet attached to a file). */
FitaPlan *fita_json_import      (const char  *data,
                                 gssize       length,
                                 GError     **error);
FitaPlan *fita_json_import_file (const char  *path,
                                 GError     **error);

G_END_DECLS
