/* fita-merge-private.h: what fita-merge.c and fita-merge-rows.c share: the
 * rows of a merge as the comparison makes them and the apply step reads
 * them. */
#pragma once

#include "fita-merge.h"

G_BEGIN_DECLS

/* What a field of a form changes, to apply it. */
typedef enum {
  FITA_MERGE_STATUS,      /* the item's status: number = status id (0: none) */
  FITA_MERGE_PROGRESS,    /* the item's progress: number = hundredths (FITA_NONE) */
  FITA_MERGE_EXECUTED,    /* executed in year in chapter: number = cents (FITA_NONE) */
  FITA_MERGE_FOLLOWUP,    /* a follow-up text of year: text_field, text */
  FITA_MERGE_VALUE,       /* an indicator's value in year: text */
} FitaMergeKind;

typedef struct {
  FitaMergeKind kind;
  gint64 record_id;        /* the item, or the indicator for VALUE */
  gint64 chapter_id;       /* EXECUTED */
  const char *text_field;  /* FOLLOWUP: "execution", "strengths", … (static) */
  gint64 number;           /* the form's value */
  char *text;              /* the form's value (NULL: none) */
} FitaMergeTarget;

/* fita-merge-values.c */

/* What a field of a form is: its kind, key and label for people. */
typedef struct {
  FitaMergeKind kind;
  const char *text_field;  /* FOLLOWUP */
  gint64 chapter_id;       /* EXECUTED */
  char *key;
  char *label;
} FitaMergeFieldInfo;

/* The field named as the key sheet names it ("status", "executed 3"…) of
 * the record (an item, or an indicator for its "value"); FALSE for a name
 * no form has. */
gboolean          fita_merge_field_info   (FitaPlan         *plan,
                                           FitaTableId       table,
                                           gint64            id,
                                           const char       *name,
                                           FitaMergeFieldInfo *info);
void              fita_merge_field_info_clear (FitaMergeFieldInfo *info);
/* The form's cell read as the field's value: *canonical as the key sheet
 * writes values as sent, and the target to apply; FALSE with *reason when
 * the value is out of range or not one of the field's. lang: how people
 * write numbers in the plan's language. */
gboolean          fita_merge_parse_cell   (FitaPlan         *plan,
                                           const char       *lang,
                                           const FitaMergeFieldInfo *info,
                                           const char       *cell,
                                           char            **canonical,
                                           FitaMergeTarget  *target,
                                           char            **reason);
/* Two values as the key sheet holds them, compared as spreadsheets give
 * texts back (fita_form_tidy()). */
gboolean          fita_merge_same         (const char       *a,
                                           const char       *b);
/* A value as the key sheet holds it, for people in lang ("45,5 %",
 * "1.250,75 €", the text); NULL for none. */
char             *fita_merge_display      (const char       *lang,
                                           FitaMergeKind     kind,
                                           const char       *canonical);

/* fita-merge-rows.c */

FitaMergeField   *fita_merge_field_new    (const char       *key,
                                           const char       *label,
                                           const char       *plan_text,
                                           const char       *form_text,
                                           const char       *sent_text,
                                           gboolean          conflict,
                                           const FitaMergeTarget *target);
const FitaMergeTarget *fita_merge_field_get_target (FitaMergeField *field);

FitaMergeItem    *fita_merge_item_new     (gint64            id,
                                           const char       *code,
                                           const char       *title);
/* Takes field. */
void              fita_merge_item_add     (FitaMergeItem    *item,
                                           FitaMergeField   *field);

FitaMergeRefusal *fita_merge_refusal_new  (const char       *sheet,
                                           guint             row,
                                           const char       *code,
                                           const char       *reason);

G_END_DECLS
