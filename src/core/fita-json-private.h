/* fita-json-private.h: what fita-json.c (the plan's records) and
 * fita-json-history.c (its change log and years closed) share. */
#pragma once

#include <json-glib/json-glib.h>
#include "fita-json.h"

G_BEGIN_DECLS

/* Export: written by hand, keys in schema order, two-space indent */
typedef struct {
  GString *out;
  FitaPlan *plan;
} FitaJsonWriter;

void      fita_json_write_string   (GString          *out,
                                    const char       *text);
/* a new line indented to level */
void      fita_json_indent         (FitaJsonWriter   *w,
                                    int               level);
/* `"key": ` on a new line, after a comma unless *first */
void      fita_json_write_key      (FitaJsonWriter   *w,
                                    const char       *key,
                                    int               level,
                                    gboolean         *first);

/* Import: every problem noted, with where it is, before any is reported */
typedef struct {
  FitaPlan *plan;
  GHashTable *names[FITA_N_TABLES];   /* name → record, for references */
  GHashTable *codes;                  /* item code → where it was first used */
  GString *path;                      /* where we are, for messages */
  const char *code;                   /* the code of the item we are in, or NULL */
  gint64 year;                        /* the year of the record we are in, or FITA_NONE */
  GPtrArray *problems;                /* the first messages */
  guint n_problems;                   /* all of them */
} FitaJsonReader;

void      fita_json_problem        (FitaJsonReader   *r,
                                    const char       *format,
                                    ...) G_GNUC_PRINTF (2, 3);
/* A plan from a parsed JSON document; source names it in messages (or NULL). */
FitaPlan *fita_json_import_root    (JsonNode         *root,
                                    const char       *source,
                                    GError          **error);

/* fita-json-history.c */

/* `"change_log": [ … ]`, oldest change first, if the plan has one */
void      fita_json_write_change_log (FitaJsonWriter *w,
                                      int             level,
                                      gboolean       *first);
/* A document field (a closure's snapshot) as the JSON object it holds */
void      fita_json_write_document (FitaJsonWriter   *w,
                                    const char       *text,
                                    int               level);
/* Reads the "change_log" list into the plan (after its items, which its
 * entries name by code). */
void      fita_json_read_change_log (FitaJsonReader  *r,
                                     JsonNode        *node);
/* A document field from its JSON (a nested plan, or a plan's JSON as
 * text, as version 2 wrote it), as the plan's JSON without history:
 * NULL, and *wrong set, if it is not a plan Fita can read. */
char     *fita_json_read_document  (JsonNode         *node,
                                    const char       *key,
                                    char            **wrong);

G_END_DECLS
