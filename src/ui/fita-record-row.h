/* fita-record-row.h: a row of a page's list that edits one record (a
 * member of a body, a phase of a process…): the record's fields, each
 * bound with fita_field_bind, laid out as its shape says, with buttons
 * that move and remove it. The Governance and Participation pages give a
 * shape per list and let fita_record_rows_sync keep the rows in step with
 * the plan. */
#pragma once

#include <adwaita.h>
#include "fita-field.h"
#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_RECORD_FIELD_HEADING = 1 << 0,   /* the record's name, in bold */
  FITA_RECORD_FIELD_NUMERIC = 1 << 1,   /* a figure: digits, to the right */
} FitaRecordFieldFlags;

/* One field of the row. The texts are marked with N_() (the prefix with
 * NC_()) and translated when the row is made. */
typedef struct {
  const char           *field;
  FitaFieldEditorKind   kind;           /* LINE, NUMBER: an entry; PARAGRAPH(S): a text view */
  const char           *name;           /* its accessible label; a text view's placeholder */
  const char           *placeholder;    /* an entry's placeholder, or NULL */
  const char           *name_of;        /* its accessible label once the record is named,
                                         * "Role of %s", or NULL to keep name */
  const char           *undo_label;
  const char           *prefix_context; /* a dim word before it on its line ("From"), */
  const char           *prefix;         /* or NULL */
  int                   width_chars;    /* of an entry; 0 for GTK's */
  int                   column;         /* its place in the row's grid; fields */
  int                   row;            /* with a prefix share a line there */
  int                   width;
  FitaRecordFieldFlags  flags;
} FitaRecordField;

typedef struct {
  FitaTableId            table;
  const char            *title_field;   /* names the record to the buttons and labels */
  const FitaRecordField *fields;
  guint                  n_fields;
  int                    buttons_column; /* where the move and remove buttons go */
  int                    buttons_row;
  int                    buttons_height;
} FitaRecordShape;

#define FITA_TYPE_RECORD_ROW (fita_record_row_get_type ())
G_DECLARE_FINAL_TYPE (FitaRecordRow, fita_record_row, FITA, RECORD_ROW, GtkListBoxRow)

/* The row of record id of shape->table, whose refusals show in error_label. */
GtkWidget  *fita_record_row_new        (const FitaRecordShape *shape,
                                        FitaPlan              *plan,
                                        gint64                 id,
                                        GtkLabel              *error_label);
gint64      fita_record_row_get_record_id (FitaRecordRow      *self);
FitaPlan   *fita_record_row_get_plan   (FitaRecordRow         *self);
/* The record's name (its shape's title field), as last updated. */
const char *fita_record_row_get_title  (FitaRecordRow         *self);
/* Reads the record's name again, and where the row stands in its list. */
void        fita_record_row_update     (FitaRecordRow         *self,
                                        guint                  index,
                                        guint                  n_rows,
                                        gboolean               read_only);

/* Makes list show a row of shape for each of records, in order. */
void        fita_record_rows_sync      (GtkListBox            *list,
                                        const FitaRecordShape *shape,
                                        FitaPlan              *plan,
                                        GPtrArray             *records,
                                        GtkLabel              *error_label);
/* Adds record below parent as one change called label, and moves the
 * keyboard to its field in its new row, found below within, to type over. */
gboolean    fita_record_rows_add       (GtkWidget             *within,
                                        FitaPlan              *plan,
                                        gpointer               record,
                                        gint64                 parent,
                                        const char            *label,
                                        const char            *field,
                                        GError               **error);

/* What a page does just before a confirmed removal of record id (picks
 * what to show next). */
typedef void (*FitaRecordRemoving) (GtkWidget *page,
                                    gint64     id);
/* Removes record (table, id) of the plan page shows (its "plan"), with all
 * it owns, as one change called label; first asks, with heading and body
 * and a "Delete" answer, when body is not NULL. A refusal shows in toasts. */
void        fita_record_rows_remove    (GtkWidget             *page,
                                        AdwToastOverlay       *toasts,
                                        FitaTableId            table,
                                        gint64                 id,
                                        const char            *label,
                                        const char            *heading,
                                        const char            *body,
                                        FitaRecordRemoving     removing);

G_END_DECLS
