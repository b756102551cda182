/* fita-plan-editor-lists.h: the lists of records that the Plan, Governance
 * and Participation pages edit (levels, statuses, members, phases…): rows
 * kept in step with the plan, the buttons that move and remove them, names
 * that must be unique, what a deletion affects, and numbers as people read
 * them. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"

G_BEGIN_DECLS

/* A whole number with the grouping of lang ("ca", "es", "en"): 1373 is
 * "1.373" in Catalan and Spanish, "1,373" in English; FITA_NONE is "—". */
char      *fita_format_count        (gint64        value,
                                     const char   *lang);
/* Reads "1.373", "1,373", "1 373" or "1373"; empty text is FITA_NONE. */
gboolean   fita_parse_count         (const char   *text,
                                     gint64       *value,
                                     GError      **error);

typedef GtkWidget *(*FitaRowCreate) (gpointer      record,
                                     gpointer      user_data);
typedef void       (*FitaRowUpdate) (GtkWidget    *row,
                                     gpointer      record,
                                     guint         index,
                                     guint         n_rows,
                                     gpointer      user_data);

/* Makes box show one row per record, in order. Rows of records it already
 * shows are kept (and with them the focus and any typing in them); rows of
 * records that are gone are removed; update is called for every row. */
void       fita_list_box_sync       (GtkListBox   *box,
                                     GPtrArray    *records,
                                     FitaRowCreate create,
                                     FitaRowUpdate update,
                                     gpointer      user_data);
void       fita_row_set_id          (GtkWidget    *row,
                                     gint64        id);
gint64     fita_row_get_id          (GtkWidget    *row);
GtkWidget *fita_list_box_find_row   (GtkListBox   *box,
                                     gint64        id);
/* Removes every row of box (its records belong to another plan or item). */
void       fita_list_box_clear      (GtkListBox   *box);

/* Move up, move down and remove buttons for the row of record (table, id),
 * bound to the page's "row.move" ((ixi): table, id, delta) and "row.delete"
 * ((ix): table, id) actions. */
GtkWidget *fita_row_buttons_new     (FitaTableId   table,
                                     gint64        id);
/* Disables moving the first row up and the last one down; name says which
 * row the buttons belong to, for assistive technologies. */
void       fita_row_buttons_update  (GtkWidget    *buttons,
                                     guint         index,
                                     guint         n_rows,
                                     const char   *name,
                                     gboolean      read_only);

/* A name no other record of table has: base, or "base 2", "base 3"… */
char      *fita_unique_name         (FitaPlan     *plan,
                                     FitaTableId   table,
                                     const char   *base);
/* Why name cannot be given to record id of table ("There is already a
 * status called “Acabat”."), or NULL if it can. */
char      *fita_name_taken          (FitaPlan     *plan,
                                     FitaTableId   table,
                                     gint64        id,
                                     const char   *name);

/* How many items refer to the record (a level, a status, a budget chapter
 * through budget lines, an agent through responsibilities). */
guint      fita_count_items_using   (FitaPlan     *plan,
                                     FitaTableId   table,
                                     gint64        id);

/* Moves record (table, id) delta places among its siblings, as one
 * undoable change called label. */
gboolean   fita_record_shift        (FitaPlan     *plan,
                                     FitaTableId   table,
                                     gint64        id,
                                     int           delta,
                                     const char   *label,
                                     GError      **error);
/* Deletes record (table, id) with all it owns, as one change called label. */
gboolean   fita_record_remove       (FitaPlan     *plan,
                                     FitaTableId   table,
                                     gint64        id,
                                     const char   *label,
                                     GError      **error);

/* What moving or removing a record of table is called, as an undoable
 * change ("Move Level", "Remove Member"); the same on every page. */
const char *fita_record_move_label   (FitaTableId   table);
const char *fita_record_remove_label (FitaTableId   table);
/* What the pages' "row.move" ((table, id, delta): "(ixi)") and
 * "row.delete" ((table, id): "(ix)") actions do with their parameter. */
gboolean   fita_row_move            (FitaPlan     *plan,
                                     GVariant     *parameter,
                                     GError      **error);
gboolean   fita_row_remove          (FitaPlan     *plan,
                                     GVariant     *parameter,
                                     GError      **error);
/* What an empty list of the pages shows ("No members"). */
GtkWidget *fita_list_placeholder_new (const char  *text);

typedef void (*FitaConfirmed) (gpointer user_data);

/* Asks with an AdwMessageDialog over widget's window; calls confirmed if
 * the officer chooses the destructive answer, labelled confirm_label. */
void       fita_confirm             (GtkWidget     *widget,
                                     const char    *heading,
                                     const char    *body,
                                     const char    *confirm_label,
                                     FitaConfirmed  confirmed,
                                     gpointer       user_data,
                                     GDestroyNotify destroy);

/* The heading of a group that has a button at its end ("Levels", "Add
 * Level"), for lists that are not AdwPreferencesGroup children. */
GtkWidget *fita_add_button_new      (const char   *label,
                                     const char   *action_name,
                                     GVariant     *target);

G_END_DECLS
