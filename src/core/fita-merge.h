/* fita-merge.h: answers in: a filled update form (fita-forms.h) merged
 * into the plan (docs/YEARS.md, "Forms out, answers in").
 *
 * A merge is made in two steps, so that the file can be read off the main
 * thread and nothing reaches the plan before the officer confirms:
 *
 *   1. read: fita_merge_read_file() reads the workbook (ODS or XLSX, with
 *      the core's sheet readers) and touches no plan, so it may run in a
 *      GTask's thread; fita_merge_compare() then compares it with the plan
 *      (on the plan's thread). fita_merge_read() does both, and
 *      fita_merge_read_async() reads in a thread and compares when it
 *      finishes, on the caller's main context.
 *   2. apply: once every conflict is decided, fita_merge_apply() makes the
 *      chosen changes as ONE undoable change, labelled "Merge the form of
 *      AGENT", logged with the agent's name as its source (the change
 *      log's "source", fita-log.h) and the plan's author as its author.
 *
 * Three-way rules. The form's hidden key sheet holds, for each row, the
 * values as sent (each field's value when the form was made) and a digest
 * of them. Field by field:
 *   - form = sent:                 nothing (whatever the plan holds now);
 *   - form ≠ sent, plan = sent:    a change (decision: take the form's);
 *   - form ≠ sent, plan = form:    nothing (already done);
 *   - form ≠ sent ≠ plan ≠ form:   a conflict: the field was changed in the
 *     plan since the form was made (by an officer, or by merging another
 *     service's form for an item with two responsible agents); it starts
 *     undecided and must be decided.
 * An empty cell means "no value" (FITA_NONE, no text), never 0.
 *
 * Refusals. A form is refused as a whole, and nothing of it can be
 * applied, when any of these holds; each refusal names the sheet, the row
 * as the spreadsheet numbers it and the item's code, with the reason in
 * plain words: a form of another plan (its uuid), of another year than the
 * one followed up, or of a closed year; an edited key (not well formed,
 * or its digest not that of its values as sent); a row moved (its key not
 * on the row the key sheet says), deleted (a key with no row), or added
 * (a row with no key); a record no longer in the plan; a value out of
 * range (a percent outside 0-100 or with more decimals than Fita keeps, a
 * negative or too large amount, a status not among the plan's, a text too
 * long or with control characters: fita_field_validate()). Values are
 * read as the sheet readers give them (numbers in the C locale) or, typed
 * as text, as people write them in the plan's language; they are shown in
 * the interface's.
 *
 * The lists (fita_merge_get_items(), fita_merge_item_get_fields(),
 * fita_merge_get_refusals()) are GListModels of the GObjects below, for a
 * GtkListView or a GtkListBox; a field's decision is a property, notified,
 * and "n-undecided" on the merge follows it.
 */
#pragma once

#include <gio/gio.h>
#include "fita-plan.h"

G_BEGIN_DECLS

/* What the officer decided for a field. Conflicts start UNDECIDED; plain
 * changes start TAKE_FORM and may be set to KEEP_PLAN to leave them out. */
typedef enum {
  FITA_MERGE_UNDECIDED,
  FITA_MERGE_TAKE_FORM,
  FITA_MERGE_KEEP_PLAN,
} FitaMergeDecision;

/* FITA_TYPE_MERGE_DECISION is in fita-enums.h (glib-mkenums). */

/* One field of one item (or one indicator's value) that the form changes. */
#define FITA_TYPE_MERGE_FIELD (fita_merge_field_get_type ())
G_DECLARE_FINAL_TYPE (FitaMergeField, fita_merge_field, FITA, MERGE_FIELD, GObject)

/* A stable name for scripts and the JSON output: "status", "progress",
 * "executed:CHAPTER" (the chapter's name), "execution", "strengths",
 * "weaknesses", "next_steps", "indicator:NAME" (the indicator's name). */
const char        *fita_merge_field_get_key        (FitaMergeField   *field);
/* For people, translated: "Status", "Percent", "Executed: Chapter 1",
 * "Indicator: Jobs created". */
const char        *fita_merge_field_get_label      (FitaMergeField   *field);
/* The values as text for people ("75", "4,702.33 €", the status's name,
 * the text itself); NULL for no value. */
const char        *fita_merge_field_get_plan_text  (FitaMergeField   *field);
const char        *fita_merge_field_get_form_text  (FitaMergeField   *field);
const char        *fita_merge_field_get_sent_text  (FitaMergeField   *field);
/* Changed in the plan since the form was made, differently from the form. */
gboolean           fita_merge_field_get_conflict   (FitaMergeField   *field);
FitaMergeDecision  fita_merge_field_get_decision   (FitaMergeField   *field);
/* Also the property "decision". UNDECIDED is refused for a field that is
 * not a conflict (it keeps its decision). */
void               fita_merge_field_set_decision   (FitaMergeField   *field,
                                                    FitaMergeDecision decision);

/* The fields the form changes for one item, its indicators' values with
 * them. */
#define FITA_TYPE_MERGE_ITEM (fita_merge_item_get_type ())
G_DECLARE_FINAL_TYPE (FitaMergeItem, fita_merge_item, FITA, MERGE_ITEM, GObject)

gint64             fita_merge_item_get_id          (FitaMergeItem    *item);
const char        *fita_merge_item_get_code        (FitaMergeItem    *item);
const char        *fita_merge_item_get_title       (FitaMergeItem    *item);
/* Of FitaMergeField, in the form's column order; owned by the item. */
GListModel        *fita_merge_item_get_fields      (FitaMergeItem    *item);
guint              fita_merge_item_get_n_conflicts (FitaMergeItem    *item);

/* Why (part of) a form is refused. */
#define FITA_TYPE_MERGE_REFUSAL (fita_merge_refusal_get_type ())
G_DECLARE_FINAL_TYPE (FitaMergeRefusal, fita_merge_refusal, FITA, MERGE_REFUSAL, GObject)

/* The sheet's name as the form names it ("Items", "Indicators", or the
 * key sheet's "fita-key"); NULL for the whole form. */
const char        *fita_merge_refusal_get_sheet    (FitaMergeRefusal *refusal);
/* The row as the spreadsheet numbers it (the header is 1); 0 for the
 * whole sheet (or the whole form). */
guint              fita_merge_refusal_get_row      (FitaMergeRefusal *refusal);
/* The item's code on that row, or NULL. */
const char        *fita_merge_refusal_get_code     (FitaMergeRefusal *refusal);
/* Translated, a sentence saying what is wrong and what to do. */
const char        *fita_merge_refusal_get_reason   (FitaMergeRefusal *refusal);

#define FITA_TYPE_MERGE (fita_merge_get_type ())
G_DECLARE_FINAL_TYPE (FitaMerge, fita_merge, FITA, MERGE, GObject)

/* Reads the form at path (ODS or XLSX, by its suffix or content). Touches
 * no plan: safe in a worker thread. Fails (FITA_ERROR) only when the file
 * cannot be read or is no Fita update form at all (no key sheet); a form
 * that can be read but not merged is read, and its refusals are given by
 * fita_merge_compare(). */
FitaMerge         *fita_merge_read_file            (const char       *path,
                                                    GError          **error);
/* Compares the form with plan: fills the items, fields and refusals (and
 * empties them first if it was compared before). On plan's thread. */
void               fita_merge_compare              (FitaMerge        *merge,
                                                    FitaPlan         *plan);
/* fita_merge_read_file() then fita_merge_compare(). */
FitaMerge         *fita_merge_read                 (FitaPlan         *plan,
                                                    const char       *path,
                                                    GError          **error);
/* Reads in a thread, compares in the callback's main context. */
void               fita_merge_read_async           (FitaPlan         *plan,
                                                    const char       *path,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
FitaMerge         *fita_merge_read_finish          (GAsyncResult     *result,
                                                    GError          **error);

const char        *fita_merge_get_path             (FitaMerge        *merge);
/* The responsible agent the form was made for, as the form names it. */
const char        *fita_merge_get_agent_name       (FitaMerge        *merge);
gint64             fita_merge_get_year             (FitaMerge        *merge);

/* Of FitaMergeRefusal, in the order of the sheets' rows; empty when the
 * form can be merged. */
GListModel        *fita_merge_get_refusals         (FitaMerge        *merge);
gboolean           fita_merge_is_refused           (FitaMerge        *merge);
/* Of FitaMergeItem, in the form's order: only the items the form changes
 * (or conflicts on). Empty when refused. */
GListModel        *fita_merge_get_items            (FitaMerge        *merge);

/* Counts for a summary: items with a change or a conflict, fields changed
 * (conflicts included), conflicts, and conflicts not yet decided (also the
 * property "n-undecided", notified). */
guint              fita_merge_get_n_items          (FitaMerge        *merge);
guint              fita_merge_get_n_fields         (FitaMerge        *merge);
guint              fita_merge_get_n_conflicts      (FitaMerge        *merge);
guint              fita_merge_get_n_undecided      (FitaMerge        *merge);
/* A translated sentence: "3 items changed (7 fields), 1 conflict to
 * decide." / "The form changes nothing." / "The form is refused: …". */
char              *fita_merge_get_summary          (FitaMerge        *merge);
/* Decides every conflict alike (TAKE_FORM or KEEP_PLAN). */
void               fita_merge_decide_conflicts     (FitaMerge        *merge,
                                                    FitaMergeDecision decision);
/* Compared, not refused, every conflict decided, and something to apply. */
gboolean           fita_merge_can_apply            (FitaMerge        *merge);
/* The undo label of the merge: "Merge the form of Servei X". */
char              *fita_merge_get_label            (FitaMerge        *merge);

/* Makes the fields decided TAKE_FORM as one undoable change, with the
 * agent as the change log's source. Fails (FITA_ERROR_INVALID), changing
 * nothing, if the form is refused, a conflict is undecided, or plan
 * changed since the merge was compared (compare it again); or with the
 * plan's error if the change fails (a closed year, a read-only plan).
 * Nothing to apply is not an error: it changes nothing, and no undo step
 * is made. */
gboolean           fita_merge_apply                (FitaMerge        *merge,
                                                    FitaPlan         *plan,
                                                    GError          **error);

G_END_DECLS
