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
