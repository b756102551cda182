/* fita-item-editor-fields.h: what the sections of the item editor share:
 * text fields that save when the person is done with them, labelled text
 * areas, drop-downs of the plan's records, and reading FitaChanges. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

/* Saves text; returns FALSE (after marking the field with
 * fita_editor_text_set_error) when the plan refused it, so the person's
 * text stays there to be corrected. */
typedef gboolean (*FitaEditorCommitFunc) (GtkWidget  *widget,
                                          const char *text,
                                          gpointer    user_data);

/* Makes widget (an AdwEntryRow, a GtkEntry or a GtkTextView) save its text
 * through commit when it is activated (Enter; Ctrl+Enter in a text view) or
 * loses the focus, if the text differs from what the plan holds. Escape puts
 * the plan's text back. */
void        fita_editor_text_bind         (GtkWidget            *widget,
                                           FitaEditorCommitFunc  commit,
                                           gpointer              user_data);
/* Shows the plan's text, unless the person is typing in the field or left
 * refused text in it (their text wins until they are done); force shows it
 * anyway, for another item. */
void        fita_editor_text_show         (GtkWidget            *widget,
                                           const char           *text,
                                           gboolean              force);
char       *fita_editor_text_get          (GtkWidget            *widget);
/* Saves pending typing now (a no-op when there is none). */
void        fita_editor_text_flush        (GtkWidget            *widget);
/* Marks the field as refused with error's message; NULL clears the mark. */
void        fita_editor_text_set_error    (GtkWidget            *widget,
                                           const GError         *error);
/* Sets field of record to text as one change named label; if the plan
 * refuses it, marks widget with the reason and returns FALSE. No record:
 * nothing to save (TRUE). */
gboolean    fita_editor_commit_text       (FitaPlan             *plan,
                                           gpointer              record,
                                           const char           *field,
                                           const char           *label,
                                           const char           *text,
                                           GtkWidget            *widget);
void        fita_editor_text_set_editable (GtkWidget            *widget,
                                           gboolean              editable);
/* widget or its nearest ancestor bound with fita_editor_text_bind. */
GtkWidget  *fita_editor_text_find         (GtkWidget            *widget);

/* Marks any widget as invalid: the "error" style, a tooltip with the
 * message and the accessible invalid state; NULL clears it. */
void        fita_editor_mark_error        (GtkWidget            *widget,
                                           const char           *message);

/* A heading over a framed multi-line GtkTextView (returned in *view), the
 * heading being the view's accessible label. */
GtkWidget  *fita_editor_text_area_new     (const char           *heading,
                                           GtkWidget           **view);

/* The choices of a drop-down of the plan's records: labels, possibly
 * indented (depth) or led by a colour dot ("#rrggbb"), and the id of the
 * record behind each position. */
typedef struct _FitaEditorChoices FitaEditorChoices;

FitaEditorChoices *fita_editor_choices_new    (void);
FitaEditorChoices *fita_editor_choices_ref    (FitaEditorChoices *choices);
void               fita_editor_choices_unref  (FitaEditorChoices *choices);
void               fita_editor_choices_add    (FitaEditorChoices *choices,
                                               gint64             id,
                                               const char        *label,
                                               guint              depth,
                                               const char        *colour);
/* Whether the drop-down's button shortens long choices to fit ("…"). */
void               fita_editor_choices_set_ellipsize (FitaEditorChoices *choices,
                                               gboolean           ellipsize);
guint              fita_editor_choices_get_n  (FitaEditorChoices *choices);
gint64             fita_editor_choices_get_id (FitaEditorChoices *choices,
                                               guint              position);
/* GTK_INVALID_LIST_POSITION when id is not among them. */
guint              fita_editor_choices_find   (FitaEditorChoices *choices,
                                               gint64             id);
/* Gives drop_down these choices (model and item factories). */
void               fita_editor_choices_attach (FitaEditorChoices *choices,
                                               GtkDropDown       *drop_down);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaEditorChoices, fita_editor_choices_unref)

/* Keeps the rows of list in step with records (the plan's records, in
 * order): rows of records that are gone are removed, new ones made with
 * make_row and put in place, and every row is given its record through
 * update_row. Rows are found in rows (record id → row); they are not
 * rebuilt, so what the person is typing in them survives. */
typedef GtkWidget *(*FitaEditorMakeRow)   (gpointer   record,
                                           gpointer   user_data);
typedef void       (*FitaEditorUpdateRow) (GtkWidget *row,
                                           gpointer   record,
                                           gboolean   force,
                                           gpointer   user_data);

GHashTable *fita_editor_rows_new          (void);
void        fita_editor_list_sync         (GtkListBox           *list,
                                           GHashTable           *rows,
                                           GPtrArray            *records,
                                           FitaEditorMakeRow     make_row,
                                           FitaEditorUpdateRow   update_row,
                                           gboolean              force,
                                           gpointer              user_data);
/* Removes every row of rows from list. */
void        fita_editor_rows_clear        (GtkListBox           *list,
                                           GHashTable           *rows);
/* The id of the record a row made by fita_editor_list_sync shows. */
gint64      fita_editor_row_get_id        (GtkWidget            *row);

/* Whether a change touched the record table/id. */
gboolean    fita_editor_changes_touch     (const FitaChanges    *changes,
                                           FitaTableId           table,
                                           gint64                id);

/* The years the editor offers for a plan: its period, or two years either
 * side of the year it follows up (or of this year) when it has none. */
void        fita_editor_shown_years       (FitaPlan             *plan,
                                           int                  *first,
                                           int                  *last);
/* The plan's follow-up year, or this year. */
int         fita_editor_current_year      (FitaPlan             *plan);

/* Shows error in the item editor that holds widget (as a toast). */
void        fita_item_editor_report_error (GtkWidget            *widget,
                                           const GError         *error);

G_END_DECLS
