/* fita-edit.h: the edits an officer makes on the plan tree, each one
 * undoable change: add, duplicate, indent/outdent, renumber codes; and the
 * search that filters the tree. */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* The code the next item at index under parent would get, following the
 * pattern of its siblings ("11.6", "O3.A2", "IV"); NULL if none fits. */
char      *fita_plan_suggest_code   (FitaPlan    *plan,
                                     gint64       parent_id,
                                     guint        index);
/* A new item under parent at index (-1: last), at the level that belongs at
 * that depth, with a suggested code and the given title. */
FitaItem  *fita_plan_add_item       (FitaPlan    *plan,
                                     gint64       parent_id,
                                     int          index,
                                     const char  *title,
                                     GError     **error);
/* A copy of item with everything below and belonging to it, placed right
 * after it. */
FitaItem  *fita_plan_duplicate_item (FitaPlan    *plan,
                                     FitaItem    *item,
                                     GError     **error);
/* Copies every item of source (with all that belongs to them: who,
 * budget lines, indicators, follow-ups, links) into plan under parent
 * (0: the top level) at index (-1: last), as one undoable change labelled
 * label. The levels, statuses, chapters and agents they refer to are the
 * plan's of the same name, added at the end of the plan's lists when the
 * plan has none of that name. Refused, with nothing changed, when a code
 * of source is already in plan (every one named) or the items would go
 * deeper than FITA_MAX_DEPTH. The plan's own title, period and follow-up
 * in source are not copied. *n_items (may be NULL): the items added. */
gboolean   fita_plan_graft          (FitaPlan    *plan,
                                     gint64       parent_id,
                                     int          index,
                                     FitaPlan    *source,
                                     const char  *label,
                                     guint       *n_items,
                                     GError     **error);
/* Makes item the last child of the sibling above it. */
gboolean   fita_plan_indent_item    (FitaPlan    *plan,
                                     FitaItem    *item,
                                     GError     **error);
/* Makes item the next sibling of its parent. */
gboolean   fita_plan_outdent_item   (FitaPlan    *plan,
                                     FitaItem    *item,
                                     GError     **error);
/* Moves item one place up (-1) or down (+1) among its siblings. */
gboolean   fita_plan_shift_item     (FitaPlan    *plan,
                                     FitaItem    *item,
                                     int          delta,
                                     GError     **error);
/* Gives the items below parent (0: the top level), and all their
 * descendants, codes that follow the plan's pattern: 1, 2… under "11" are
 * "11.1", "11.2"…; "O3.A1" is followed by "O3.A2". */
gboolean   fita_plan_renumber       (FitaPlan    *plan,
                                     gint64       parent_id,
                                     GError     **error);

/* Cells that the editor shows by year: each getter returns NULL when there
 * is no record yet; each setter creates the record when needed and removes it
 * when nothing is left in it, as one undoable change. */
FitaBudgetLine     *fita_plan_find_budget_line (FitaPlan   *plan,
                                                gint64      item_id,
                                                gint64      year,
                                                gint64      chapter_id);
/* planned and executed in cents, FITA_NONE for "no amount". */
gboolean            fita_plan_set_budget       (FitaPlan   *plan,
                                                gint64      item_id,
                                                gint64      year,
                                                gint64      chapter_id,
                                                gint64      planned_cents,
                                                gint64      executed_cents,
                                                GError    **error);
/* item_id 0: the follow-up of the whole plan. */
FitaFollowup       *fita_plan_find_followup    (FitaPlan   *plan,
                                                gint64      item_id,
                                                gint64      year);
/* field: "execution", "strengths", "weaknesses", "other", "adjustments", "next_steps". */
gboolean            fita_plan_set_followup     (FitaPlan   *plan,
                                                gint64      item_id,
                                                gint64      year,
                                                const char *field,
                                                const char *text,
                                                GError    **error);
FitaIndicatorValue *fita_plan_find_indicator_value (FitaPlan *plan,
                                                gint64      indicator_id,
                                                gint64      year);
/* value: a decimal number as text ("4", "12.5"), or NULL/"" for none. */
gboolean            fita_plan_set_indicator_value (FitaPlan *plan,
                                                gint64      indicator_id,
                                                gint64      year,
                                                const char *value,
                                                const char *observations,
                                                GError    **error);

typedef struct {
  const char *text;     /* in code or title, ignoring case and accents; NULL: any */
  gint64 agent_id;      /* responsible agent; 0: any */
  gint64 status_id;     /* 0: any */
  gint64 year;          /* scheduled in this year; FITA_NONE: any */
} FitaFilter;

/* The ids of the items that match (as keys of the returned set), and in
 * *visible those plus their ancestors, so the tree stays readable. */
GHashTable *fita_plan_search        (FitaPlan         *plan,
                                     const FitaFilter *filter,
                                     GHashTable      **visible);
/* Whether item is scheduled in year, by its years, dates or semesters. */
gboolean   fita_item_in_year        (FitaItem    *item,
                                     gint64       year);

G_END_DECLS
