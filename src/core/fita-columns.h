/* fita-columns.h: the columns of a plan as a table, shared by the importer
 * (CSV, TSV, ODS, XLSX: each column of the source is mapped to one of
 * these) and the exporters (which head their columns with the same names,
 * so that an export imports back as it was). */
#pragma once

#include <glib.h>
#include "fita-i18n.h"

G_BEGIN_DECLS

typedef enum {
  FITA_COLUMN_NONE = -1,         /* a column that is not imported */
  FITA_COLUMN_CODE,
  FITA_COLUMN_PARENT_CODE,
  FITA_COLUMN_LEVEL,
  FITA_COLUMN_TITLE,
  FITA_COLUMN_DESCRIPTION,
  FITA_COLUMN_STATUS,
  FITA_COLUMN_PROGRESS,          /* percent, "88,3 %" */
  FITA_COLUMN_START,             /* a year or a date */
  FITA_COLUMN_END,
  FITA_COLUMN_SEMESTERS,
  FITA_COLUMN_WHO,               /* "Agent (role); Agent (role)" */
  FITA_COLUMN_OTHER_SERVICES,
  FITA_COLUMN_WEIGHT,
  FITA_COLUMN_PLANNED_TOTAL,     /* the item's planned total for the period */
  FITA_COLUMN_YEAR,              /* of the budget amounts on the row */
  FITA_COLUMN_CHAPTER,
  FITA_COLUMN_PLANNED,
  FITA_COLUMN_EXECUTED,
  FITA_COLUMN_INDICATOR,         /* indicator name */
  FITA_COLUMN_INDICATOR_VALUE,
  FITA_COLUMN_INDICATOR_YEAR,
  /* the texts of a follow-up (FitaFollowup), of the year in the year
   * column; on a row with no item, the whole plan's */
  FITA_COLUMN_EXECUTION,         /* notes on execution */
  FITA_COLUMN_STRENGTHS,
  FITA_COLUMN_WEAKNESSES,
  FITA_COLUMN_OTHER_REMARKS,
  FITA_COLUMN_ADJUSTMENTS,
  FITA_COLUMN_NEXT_STEPS,
  FITA_N_COLUMNS
} FitaColumn;

/* The column's key in a saved mapping (JSON): "code", "parent_code"… */
const char *fita_column_key        (FitaColumn      column);
FitaColumn  fita_column_from_key   (const char     *key);
/* The header an export gives the column, in the translator's language
 * (NULL: the interface's): "Codi", "Código", "Code". */
const char *fita_column_header     (FitaColumn      column,
                                    FitaTranslator *translator);
/* The column a header names, in Catalan, Spanish or English, as officers
 * write them ("Codi", "Títol", "Estat", "Pressupost previst", "Executat",
 * "Any d'inici"…), case, accents and spacing aside; FITA_COLUMN_NONE when
 * it names none. */
FitaColumn  fita_column_guess      (const char     *header);

G_END_DECLS
