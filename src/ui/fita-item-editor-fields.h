/* fita-item-editor-fields.h: what the sections of the item editor share
 * besides the field binding (fita-field.h) and the lists of records
 * (fita_list_box_sync): labelled text areas, drop-downs of the plan's
 * records, and reading FitaChanges. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

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
