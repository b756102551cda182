#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* A fresh temporary directory for one test, removed at exit. */
char     *fita_test_tmpdir        (void);
/* SHA-256 of a file's bytes, to prove a file was not changed. */
char     *fita_test_checksum      (const char *path);
/* Writes a built-in example to dir/name.fita and returns the path. */
char     *fita_test_example_file  (const char *dir,
                                   const char *name);
FitaPlan *fita_test_example       (const char *name);
/* A built-in example written to a file in a directory of its own and
 * opened there, for a test's fixture. */
typedef struct {
  char     *dir;
  char     *path;
  FitaPlan *plan;
} FitaTestPlanFile;

void      fita_test_plan_file_open  (FitaTestPlanFile *file,
                                     const char       *name);
void      fita_test_plan_file_close (FitaTestPlanFile *file);
/* A part of a zip archive (an .xlsx or .ods file), as text. */
char     *fita_test_zip_part      (const char *path,
                                   const char *name);
/* The item of that code, which must exist. */
FitaItem *fita_test_item          (FitaPlan   *plan,
                                   const char *code);
/* The agent (service, body…) of that name, which must exist. */
FitaAgent *fita_test_agent        (FitaPlan   *plan,
                                   const char *name);
/* The id of the plan's chapter at index (in the plan's order). */
gint64    fita_test_chapter_id    (FitaPlan   *plan,
                                   guint       index);
/* A plan imported from JSON that must import. */
FitaPlan *fita_test_plan_from_json (const char *json);

G_END_DECLS
