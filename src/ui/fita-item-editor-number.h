/* fita-item-editor-number.h: a number of the item editor (a percentage,
 * a year, a weight) that may also be "none": a spin button, an optional
 * slider and a button that clears the value. Whole numbers, or numbers
 * with two decimals kept in hundredths (a progress of 88,3 % is 8830). */
#pragma once

#include <gtk/gtk.h>
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_ITEM_EDITOR_NUMBER (fita_item_editor_number_get_type ())
G_DECLARE_FINAL_TYPE (FitaItemEditorNumber, fita_item_editor_number, FITA, ITEM_EDITOR_NUMBER, GtkWidget)

/* allow_none: whether the value may be cleared to FITA_NONE. with_scale:
 * a slider beside the spin button, on the same value. */
GtkWidget     *fita_item_editor_number_new       (int                   lower,
                                                  int                   upper,
                                                  gboolean              allow_none,
                                                  gboolean              with_scale);
/* label: what the number is ("Progress"), for screen readers and tooltips. */
void           fita_item_editor_number_set_label (FitaItemEditorNumber *self,
                                                  const char           *label);
/* A unit shown after the number ("%"). */
void           fita_item_editor_number_set_unit  (FitaItemEditorNumber *self,
                                                  const char           *unit);
/* Binds the number to field of the record (table, id) with fita-field:
 * it shows the plan's value, and saves the one the person settles on as
 * one undoable change called undo_label. */
void           fita_item_editor_number_bind      (FitaItemEditorNumber *self,
                                                  FitaPlan             *plan,
                                                  FitaTableId           table,
                                                  gint64                id,
                                                  const char           *field,
                                                  const char           *undo_label);
/* Where the spin button rests when the value is none (a number that cannot
 * be none shows it as its value), for the values the binding shows. */
void           fita_item_editor_number_set_fallback (FitaItemEditorNumber *self,
                                                  gint64                fallback);
/* Shows value (FITA_NONE: none, with the spin button resting on fallback),
 * unless the person is changing it; force shows it anyway. */
void           fita_item_editor_number_set_value (FitaItemEditorNumber *self,
                                                  gint64                value,
                                                  gint64                fallback,
                                                  gboolean              force);
gint64         fita_item_editor_number_get_value (FitaItemEditorNumber *self);
/* Hundredths: the values set, got and committed are hundredths of what is
 * shown (8830 shows as "88,3"), typed with a comma or a point and at most
 * two decimals; read as a percent, so for ranges within 0 to 100. */
void           fita_item_editor_number_set_hundredths (FitaItemEditorNumber *self,
                                                  gboolean              hundredths);
GtkSpinButton *fita_item_editor_number_get_spin  (FitaItemEditorNumber *self);
GtkWidget     *fita_item_editor_number_get_clear_button (FitaItemEditorNumber *self);
/* Saves the value now if the person changed it. */
void           fita_item_editor_number_flush     (FitaItemEditorNumber *self);

G_END_DECLS
