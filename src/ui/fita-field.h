/* fita-field.h: widgets that edit one field of one record.
 *
 * Shared by the item editor and the Plan, Governance and Participation
 * pages. A bound widget shows the field's value, and writes what the
 * officer typed back to the plan as one undoable change, with its own label
 * ("Rename Level"), when they press Enter or leave the widget. It reloads on demand without
 * throwing away what is being typed in it, and shows the plan's refusals
 * (a duplicate name, a date that is not a date) in an error label.
 */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_FIELD_EDITOR_LINE,       /* GtkEditable (GtkEntry, AdwEntryRow): one line of text */
  FITA_FIELD_EDITOR_PARAGRAPH,  /* GtkTextView: one paragraph that wraps; Enter saves */
  FITA_FIELD_EDITOR_PARAGRAPHS, /* GtkTextView: text of several paragraphs */
  FITA_FIELD_EDITOR_NUMBER,     /* GtkEditable: a whole number, "1.373"; empty is none */
  FITA_FIELD_EDITOR_SPIN,       /* GtkSpinButton: a whole number */
  FITA_FIELD_EDITOR_YEAR,       /* GtkSpinButton: a year; its lowest value, 0, is none */
  FITA_FIELD_EDITOR_PERCENT,    /* GtkSpinButton: 0-100; its lowest value, -1, is none */
  FITA_FIELD_EDITOR_CHOICE,     /* AdwComboRow or GtkDropDown: one of a list */
  FITA_FIELD_EDITOR_COLOUR,     /* GtkColorButton: "#rrggbb" */
  FITA_FIELD_EDITOR_INT,        /* any widget that holds a whole number its own way:
                                 * see fita_field_bind_int */
} FitaFieldEditorKind;

/* Binds widget to field of the record (table, id). For the plan-level
 * follow-up, table is FITA_TABLE_FOLLOWUP and id is the year. */
void        fita_field_bind            (GtkWidget           *widget,
                                        FitaFieldEditorKind  kind,
                                        FitaPlan            *plan,
                                        FitaTableId          table,
                                        gint64               id,
                                        const char          *field,
                                        const char          *undo_label);
/* Binds a text widget (LINE, PARAGRAPH, PARAGRAPHS) to a value that is
 * not one field of one record (an indicator's value in a year, an item's
 * follow-up): read gives the plan's text, write saves the person's as one
 * undoable change. The widget behaves as any bound one (saves on Enter or
 * leaving, Escape puts the plan's text back, refusals marked inline); it
 * gets its plan through fita_field_show or fita_field_set_record. */
typedef const char *(*FitaFieldRead)  (GtkWidget   *widget,
                                       gpointer     user_data);
typedef gboolean    (*FitaFieldWrite) (GtkWidget   *widget,
                                       const char  *text,
                                       GError     **error,
                                       gpointer     user_data);
void        fita_field_bind_custom     (GtkWidget           *widget,
                                        FitaFieldEditorKind  kind,
                                        FitaFieldRead        read,
                                        FitaFieldWrite       write,
                                        gpointer             user_data);
/* Binds a widget that shows and takes a whole number its own way (a spin
 * button with a slider and a button that clears it) to field of the record
 * (table, id): set shows the plan's value (FITA_NONE for none; force: even
 * over a change the person has not settled yet), get gives what the widget
 * holds. The widget calls fita_field_commit when the person has settled on
 * a value; a refusal marks it and shows the plan's value again. */
typedef gint64      (*FitaFieldGetInt) (GtkWidget   *widget);
typedef void        (*FitaFieldSetInt) (GtkWidget   *widget,
                                        gint64       value,
                                        gboolean     force);
void        fita_field_bind_int        (GtkWidget           *widget,
                                        FitaPlan            *plan,
                                        FitaTableId          table,
                                        gint64               id,
                                        const char          *field,
                                        const char          *undo_label,
                                        FitaFieldGetInt      get,
                                        FitaFieldSetInt      set);
/* Points a bound widget at another record of the same table, and loads it. */
void        fita_field_set_record      (GtkWidget           *widget,
                                        FitaPlan            *plan,
                                        gint64               id);
/* Shows the field of record id: another record, or force, loads it anew;
 * the same one keeps what the person is typing. editable FALSE makes it
 * read-only. */
void        fita_field_show            (GtkWidget           *widget,
                                        FitaPlan            *plan,
                                        gint64               id,
                                        gboolean             force,
                                        gboolean             editable);
gboolean    fita_field_is_bound        (GtkWidget           *widget);
gint64      fita_field_get_record_id   (GtkWidget           *widget);
const char *fita_field_get_name        (GtkWidget           *widget);

/* The items of a CHOICE editor: labels shown, and the value each stands
 * for: a number (an enum, a record id, 0 for none)… */
void        fita_field_set_choices     (GtkWidget           *widget,
                                        const char * const  *labels,
                                        const gint64        *values,
                                        guint                n_values);
/* … or a text (NULL for none). */
void        fita_field_set_text_choices (GtkWidget          *widget,
                                         const char * const *labels,
                                         const char * const *values,
                                         guint               n_values);

/* The values of a CHOICE editor whose model is given some other way (a
 * drop-down with its own factory): values[i] for item i. */
void        fita_field_set_choice_values (GtkWidget         *widget,
                                          const gint64      *values,
                                          guint              n_values);

/* The choice a CHOICE editor shows when the record's value is none of its
 * choices (not set yet): GTK_INVALID_LIST_POSITION, the default, shows
 * nothing. */
void        fita_field_set_choice_fallback (GtkWidget       *widget,
                                            guint            position);

/* A refusal of a text field's new text before the plan is asked (a code
 * already taken): the message, newly allocated, or NULL to let it through. */
typedef char *(*FitaFieldCheck) (GtkWidget  *widget,
                                 const char *text,
                                 gpointer    user_data);
void        fita_field_set_check       (GtkWidget           *widget,
                                        FitaFieldCheck       check,
                                        gpointer             user_data);
/* widget, or its nearest bound ancestor (the row around a focused text);
 * NULL when neither is bound. */
GtkWidget  *fita_field_find_bound      (GtkWidget           *widget);

/* Where the plan's refusals of this widget's changes are shown. */
void        fita_field_set_error_label (GtkWidget           *widget,
                                        GtkLabel            *label);

/* Shows the field's value, unless the widget holds typing not saved yet. */
void        fita_field_load            (GtkWidget           *widget);
/* Loads every bound widget below root. */
void        fita_field_load_all        (GtkWidget           *root);
/* Saves what the widget holds; FALSE if the plan refused it. */
gboolean    fita_field_commit          (GtkWidget           *widget);
/* Moves the keyboard focus to the widget with all its text selected, to
 * type over a new record's name. */
void        fita_field_focus           (GtkWidget           *widget);
/* Read-only plans: text stays readable and selectable, nothing changes. */
void        fita_field_set_read_only_all (GtkWidget         *root,
                                          gboolean           read_only);
/* Rows of the pages' lists: a plain list row, and the grid inside it. */
GtkWidget  *fita_field_list_row_new    (void);
GtkWidget  *fita_field_row_grid_new    (void);
/* Gives the widget bound to field of record (table, id) below row an
 * accessible label, e.g. "Sessions, Dimensió interna". */
void        fita_field_set_label       (GtkWidget           *row,
                                        FitaTableId          table,
                                        gint64               id,
                                        const char          *field,
                                        const char          *label);
/* The widget below root bound to field of record (table, id), or NULL. */
GtkWidget  *fita_field_find            (GtkWidget           *root,
                                        FitaTableId          table,
                                        gint64               id,
                                        const char          *field);

/* While the pages rebuild their rows, widgets that lose the focus because
 * they move or go away must not save (the plan is in the middle of telling
 * everyone about a change). */
void        fita_field_hold_commits    (void);
void        fita_field_release_commits (void);

/* Around the pages' following someone else's change to a shared plan
 * (FitaPlan::changed with fita_changes_is_remote): a widget that keeps
 * what is being typed over the value changed asks, when it is saved,
 * whether to keep it or take theirs. */
void        fita_field_begin_remote    (void);
void        fita_field_end_remote      (void);

/* A GtkEntry for a grid or a row, labelled for assistive technologies. */
GtkWidget  *fita_field_entry_new       (const char          *placeholder,
                                        const char          *accessible_label);
/* A GtkTextView that looks like an entry (PARAGRAPH or PARAGRAPHS), with
 * accessible_label as its placeholder; *view is the text view to bind, the
 * widget returned (which holds it) goes in the row. */
GtkWidget  *fita_field_text_view_new   (FitaFieldEditorKind  kind,
                                        const char          *accessible_label,
                                        GtkWidget          **view);
/* A boxed-list row with a title above a text view of several paragraphs,
 * in the manner of AdwEntryRow; *view is the text view to bind. */
GtkWidget  *fita_field_text_row_new    (const char          *title,
                                        GtkWidget          **view);
/* A boxed-list row with a title and a widget at its end (a spin button, a
 * colour button); the widget is labelled with the title. */
GtkWidget  *fita_field_control_row_new (const char          *title,
                                        const char          *subtitle,
                                        GtkWidget           *control);

/* Names a drop-down for assistive technologies, and the button inside it
 * that takes the focus. */
void        fita_field_label_drop_down (GtkDropDown         *drop_down,
                                        const char          *label);

/* Loads the pages' style sheet once per display. */
void        fita_field_ensure_style    (void);

G_END_DECLS
