/* fita-test-import.h: what the import tests share: a table given as CSV
 * text imported (or refused, with its problems) as fita-cli imports it,
 * and a plan's records found by what an officer sees of them. */
#pragma once

#include "fita-import.h"
#include "fita-test-util.h"

G_BEGIN_DECLS

/* Seed 000's mapping: the programme the sub-actions go under, and the
 * name its table gives their level. */
#define UNDER_11 "{\"under\": {\"code\": \"11\", \"title\": \"ESS als barris\", \"level\": \"Programa\"}, " \
                 "\"levels\": {\"Actuacions\": \"Actuació\"}}"

FitaPlan         *import_text    (const char        *text,
                                  const char        *mapping_json,
                                  FitaImportReport **report,
                                  GError           **error);
/* A table imported with no problem. */
FitaPlan         *imported       (const char        *text,
                                  const char        *mapping_json);
/* A refused table: no plan, an error that lists the problems, a report. */
FitaImportReport *refused        (const char        *text,
                                  const char        *mapping_json);
gboolean          has_problem    (GPtrArray         *list,
                                  guint              line,
                                  const char        *code,
                                  const char        *fragment);
/* Fails, listing the report's problems, unless one is on line, of the
 * item code (or none), and says fragment. */
void              assert_problem (FitaImportReport  *report,
                                  guint              line,
                                  const char        *code,
                                  const char        *fragment);
/* The name of a level, status, chapter or agent, or NULL for id 0. */
const char       *name_of        (FitaPlan          *plan,
                                  FitaTableId        table,
                                  gint64             id);
const char       *parent_code    (FitaPlan          *plan,
                                  FitaItem          *child);

G_END_DECLS
