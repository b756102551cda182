/* fita-json.h: the plan as JSON (docs/FORMAT.md), both ways, losslessly. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* 2: percents may have decimals ("progress": 88.3);
 * 3: the plan's uuid, its change log and its years closed, each closure's
 * snapshot a nested plan. Versions 1 and 2 are read too. */
#define FITA_JSON_FORMAT_VERSION 3

typedef enum {
  /* the plan's records, its years closed among them: what the plan is */
  FITA_JSON_EXPORT_DEFAULT = 0,
  /* and the change log, which a file of the plan carries (fita-cli
   * export, the app's Export): who changed what, oldest change first */
  FITA_JSON_EXPORT_CHANGE_LOG = 1 << 0,
  /* without the years closed: with no change log either, what a year
   * closure keeps of the plan, so that a snapshot never holds the
   * snapshots of earlier years nor a log that grows with every one */
  FITA_JSON_EXPORT_WITHOUT_CLOSURES = 1 << 1,
} FitaJsonExportFlags;

/* The plan's records (FITA_JSON_EXPORT_DEFAULT). */
char     *fita_json_export      (FitaPlan    *plan);
/* A change log that cannot be read is left out, with a warning. */
char     *fita_json_export_with (FitaPlan    *plan,
                                 FitaJsonExportFlags flags);
/* A new plan, in memory (not yet attached to a file), with the change log
 * the JSON holds: fita_plan_read_log() reads it, and the file the plan is
 * first saved to (fita_plan_save_new) starts with it. A JSON without a
 * uuid gets a new random one. */
FitaPlan *fita_json_import      (const char  *data,
                                 gssize       length,
                                 GError     **error);
FitaPlan *fita_json_import_file (const char  *path,
                                 GError     **error);

G_END_DECLS
