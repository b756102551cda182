/* fita-forms-private.h: an update form as the sheets its writers (ODS,
 * XLSX) lay out alike. */
#pragma once

#include "fita-forms.h"
#include "fita-export-private.h"

G_BEGIN_DECLS

typedef enum {
  FITA_FORM_INSTRUCTIONS,
  FITA_FORM_ITEMS,
  FITA_FORM_INDICATORS,
  FITA_FORM_KEY,
  FITA_FORM_N_SHEETS
} FitaFormSheetId;

typedef struct {
  const char *header;
  double width;              /* in characters */
  gboolean editable;         /* a cell to fill; the others are locked and grey */
  gboolean hidden;           /* the key */
  gboolean wrap;             /* long texts */
  gboolean statuses;         /* chosen from the plan's statuses */
} FitaFormColumn;

typedef struct {
  const char *name;
  gboolean hidden;
  guint n_columns;
  FitaFormColumn *columns;
  guint n_rows;              /* below the header */
  FitaExportCell *cells;     /* [row * n_columns + column] */
} FitaFormSheet;

typedef struct {
  FitaTranslator *translator;
  const char *lang;
  const char *title;
  const char *agent;             /* the responsible agent's name */
  const char * const *statuses;  /* the plan's statuses' names, NULL-terminated */
  FitaFormSheet sheets[FITA_FORM_N_SHEETS];
  GStringChunk *strings;
  GPtrArray *owned;
} FitaForm;

/* The key sheet (see make_key() in fita-forms.c): its name, and its
 * columns "sheet", "row", "key", "agent", "code", then the fields of an
 * item's row as sent, then an indicator's "value". */
#define FITA_FORM_KEY_SHEET "fita-key"
#define FITA_FORM_KEY_N_FIXED 5

/* A field of a row as sent: its name in the key sheet ("status",
 * "progress", "executed CHAPTER-ID", "execution", "strengths",
 * "weaknesses", "next_steps"; an indicator's "value") and its value as
 * text (a status's name, hundredths of a percent, cents, the text; NULL
 * for none). */
typedef struct {
  char *name;
  char *text;
} FitaFormSent;

/* An empty array of FitaFormSent, which frees them. */
GPtrArray      *fita_form_sent_new  (void);
/* Adds a copy of name and text ("" is NULL). */
void            fita_form_sent_add  (GPtrArray  *sent,
                                     const char *name,
                                     const char *text);
/* What the plan holds for the record in year, as a form sends it: the
 * fields of an item (with id 0: their names, every value NULL) or an
 * indicator's value. */
GPtrArray      *fita_form_sent_values (FitaPlan   *plan,
                                     FitaTableId table,
                                     gint64      id,
                                     gint64      year);
/* "executed 12": the name of the executed amount in chapter 12. */
char           *fita_form_executed_name (gint64 chapter_id);
/* A value as forms compare it: NFC, one "\n" for any line ends and blank
 * lines, no white space at the ends of lines nor around; NULL for
 * nothing. */
char           *fita_form_tidy      (const char *text);
/* The digest a key holds: of the plan, year, record, agent, the row's
 * code and its fields as sent, each tidied (fita_form_tidy()). 16
 * hexadecimal digits. */
char           *fita_form_digest    (const char *uuid,
                                     gint64      year,
                                     FitaTableId table,
                                     gint64      id,
                                     const char *agent,
                                     const char *code,
                                     GPtrArray  *sent);

FitaForm       *fita_form_new       (FitaPlan  *plan,
                                     FitaAgent *agent,
                                     gint64     year);
void            fita_form_free      (FitaForm  *form);
FitaExportCell *fita_form_cell      (FitaFormSheet *sheet,
                                     guint      row,
                                     guint      column);

/* fita-forms-xlsx.c, fita-forms-ods.c: path written through a FitaOutput */
gboolean        fita_form_write_xlsx (FitaForm   *form,
                                      const char *path,
                                      const char *input,
                                      GError    **error);
gboolean        fita_form_write_ods  (FitaForm   *form,
                                      const char *path,
                                      const char *input,
                                      GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaForm, fita_form_free)

G_END_DECLS
