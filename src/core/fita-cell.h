/* fita-cell.h: what a cell of an imported table holds, read as officers
 * write it in Catalan, Spanish or English: years, dates, semesters, a
 * status with its percent, who does what, indicator values, grid marks.
 * Money and percents are read by fita-money.h. */
#pragma once

#include <glib.h>
#include "fita-schema.h"

G_BEGIN_DECLS

/* "Any d'inici", "AÑO  de inicio", "Títol:" → "any d inici", "ano de
 * inicio", "titol": lower case, no accents, "l·l" as "ll", words joined by
 * one space; for comparing words whatever their spelling. */
char     *fita_cell_fold            (const char  *text);

/* A year from 1900 to 2200 written alone ("2024"), or, with in_label, the
 * one year of a label ("Pressupost executat 2023", "Exercici 2024"). */
gboolean  fita_cell_parse_year      (const char  *text,
                                     gboolean     in_label,
                                     gint64      *year,
                                     GError     **error);
/* When something starts or ends: a year ("2024": *year, *date NULL) or a
 * date as "15/03/2024", "15-03-2024", "15.03.2024", "2024-03-15",
 * "03/2024" or "2024-03" (*date in ISO: "2024-03-15", "2024-03";
 * *year FITA_NONE). */
gboolean  fita_cell_parse_when      (const char  *text,
                                     gint64      *year,
                                     char       **date,
                                     GError     **error);
/* Semesters as "2018-1", "S1 2018", "2018 1r semestre", "1er semestre
 * 2018", "H2 2019", or a year for both of its halves; several separated by
 * commas, semicolons, slashes, "+" or lines. A semester without a year
 * ("2on semestre") takes default_year (FITA_NONE: it is an error). The
 * result is Fita's list, sorted and once each: "2018-1 2018-2". */
gboolean  fita_cell_parse_semesters (const char  *text,
                                     gint64       default_year,
                                     char       **semesters,
                                     GError     **error);
/* A status that carries its percent, "En curs (30 %)": *name "En curs"
 * and *progress_bp 3000; "En curs": no percent (FITA_NONE); "30 %": no
 * name (NULL), only the percent. */
gboolean  fita_cell_parse_status    (const char  *text,
                                     char       **name,
                                     gint64      *progress_bp,
                                     GError     **error);
/* A whole number with no sign ("3"), for weights. */
gboolean  fita_cell_parse_whole     (const char  *text,
                                     gint64      *value,
                                     GError     **error);
/* An indicator's value as Fita keeps it, a decimal number with a point:
 * "4", "4,5" → "4.5", "1.234,5" → "1234.5", and "1.373" → "1373" in a
 * language (lang) that groups digits with a point; or "pending evaluation"
 * in any of the three languages (*pending TRUE, *value NULL). */
gboolean  fita_cell_parse_indicator_value (const char *text,
                                     const char  *lang,
                                     char       **value,
                                     gboolean    *pending,
                                     GError     **error);
/* Whether a cell of a grid (a semester column of a work plan) is ticked:
 * any mark ("x", "✓", "•", "sí") but "", "-", "no" and "0". */
gboolean  fita_cell_is_mark         (const char  *text);

/* One "who" of an item: an agent, its role, and what else was said. */
typedef struct {
  char *agent;
  FitaRole role;
  char *note;
} FitaCellWho;

void      fita_cell_who_free        (FitaCellWho *who);
/* "Secretaria tècnica (executa); Comissió tècnica (defineix)", or as work
 * plans write it, "- Línies bàsiques: comissió tècnica - Execució:
 * secretaria tècnica", into FitaCellWho entries. Role words in Catalan,
 * Spanish or English (defineix/define/defines, executa/ejecuta/executes,
 * dona suport/apoya/supports, altre/otro/other); another word makes the
 * role "other" with the word as its note; an agent named with no role
 * executes. With roles in parentheses each part (up to ";", a line end or
 * "),") names one agent; otherwise lists ("a, b i c") are split. Agents'
 * names begin with a capital letter. Never NULL. */
GPtrArray *fita_cell_parse_who      (const char  *text);

G_END_DECLS
