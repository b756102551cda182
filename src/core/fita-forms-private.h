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
  const char * const *statuses;  /* the plan's statuses' names, NULL-terminated */
  FitaFormSheet sheets[FITA_FORM_N_SHEETS];
  GStringChunk *strings;
  GPtrArray *owned;
} FitaForm;

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
