/* fita-forms.h: update forms, one spreadsheet per responsible agent and
 * year, that a service fills in and sends back (docs/YEARS.md).
 *
 * A form holds only the agent's items: their code, title and level
 * (locked), and the fields to fill for the year, pre-filled with the
 * plan's values: status, percent, the executed amount of each budget
 * chapter, the follow-up texts, and (on their own sheet) the indicators'
 * values. A hidden key ties each row to the plan (its uuid), the year, the
 * record and a digest of the row's values as sent; a hidden sheet holds
 * those values, so that a merge (fita-merge.h) can tell a change made in
 * the form from one made in the plan since. */
#pragma once

#include <glib.h>
#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_FORMS_ODS,
  FITA_FORMS_XLSX,
} FitaFormsFormat;

/* The key of a row, as the hidden column and sheet hold it:
 * "fita-form 1;UUID;YEAR;TABLE;ID;DIGEST". */
typedef struct {
  char *plan_uuid;
  gint64 year;
  FitaTableId table;      /* FITA_TABLE_ITEM or FITA_TABLE_INDICATOR */
  gint64 id;
  char *digest;
} FitaFormKey;

/* The agents who answer for at least one item, in the agents' order
 * (parents before their groups). An item's form goes to the agents
 * responsible for it in any role; an item no agent is responsible for goes
 * to the plan's agents named in its other services (separated by commas,
 * semicolons or lines; names compared ignoring case). A new array; the
 * agents are the plan's. */
GPtrArray  *fita_forms_agents        (FitaPlan        *plan);
/* How many items each agent answers for (see fita_forms_agents), in one
 * pass over the plan: agent id (gint64 *) → count (GUINT_TO_POINTER). A
 * new table. */
GHashTable *fita_forms_count_items   (FitaPlan        *plan);
/* The items agent answers for (see fita_forms_agents), in the plan's order.
 * A new array; the items are the plan's. */
GPtrArray  *fita_forms_items         (FitaPlan        *plan,
                                      FitaAgent       *agent);
/* The year forms are made for when none is given: the followed year, or
 * the plan's default year when it has none. */
gint64      fita_forms_default_year  (FitaPlan        *plan);

/* "2025 - Servei de Promoció Econòmica.ods", safe as a file name on any
 * system. */
char       *fita_forms_file_name     (gint64           year,
                                      const char      *agent_name,
                                      FitaFormsFormat  format);

/* Whether forms can be made for year: one Fita can follow up, within the
 * plan's period (when it has one) and not closed (its figures can no
 * longer change, so no answer could be merged). */
gboolean    fita_forms_check_year    (FitaPlan        *plan,
                                      gint64           year,
                                      GError         **error);

/* Writes agent's form for year to path (replaced atomically; input: the
 * plan's file, which it may not replace). Fails if the agent has no
 * items, or for a year fita_forms_check_year() refuses. */
gboolean    fita_forms_write         (FitaPlan        *plan,
                                      FitaAgent       *agent,
                                      gint64           year,
                                      FitaFormsFormat  format,
                                      const char      *path,
                                      const char      *input,
                                      GError         **error);

/* The digest of what a form row for agent holds for the record in year:
 * of an item's status, percent, executed amounts and follow-up texts, or
 * of an indicator's value, with the row's agent and code. Hexadecimal, 16
 * digits. */
char       *fita_forms_row_digest    (FitaPlan        *plan,
                                      const char      *agent,
                                      FitaTableId      table,
                                      gint64           id,
                                      gint64           year);
char       *fita_form_key_to_string  (const FitaFormKey *key);
/* NULL unless text is a well-formed key. */
FitaFormKey *fita_form_key_parse     (const char      *text);
void        fita_form_key_free       (FitaFormKey     *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaFormKey, fita_form_key_free)

G_END_DECLS
