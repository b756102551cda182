/* fita-years.h: closing and reopening the plan's years, and views of a
 * closed year (docs/YEARS.md).
 *
 * Closing year Y keeps the plan as it stands for Y (a year_closure record
 * holding its lossless JSON) and makes Y + 1 the followed year. From then
 * on the plan refuses any change to Y's budget lines, indicator values and
 * follow-up texts, until Y is reopened. Closing and reopening are each one
 * undoable change: undoing a close reopens the year, undoing a reopen closes
 * it again with the snapshot it had.
 */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* Closes year: years are closed in order (every earlier year of the
 * period closed, or before the period's first year), a year once. who: the
 * person who closes it, or NULL. */
gboolean         fita_plan_close_year       (FitaPlan    *plan,
                                             gint64       year,
                                             const char  *who,
                                             GError     **error);
/* Reopens year, which must be the last year closed: its snapshot is
 * dropped and it becomes the followed year again. */
gboolean         fita_plan_reopen_year      (FitaPlan    *plan,
                                             gint64       year,
                                             GError     **error);
/* The years closed, in order (a new array of gint64). */
GArray          *fita_plan_get_closed_years (FitaPlan    *plan);
gboolean         fita_plan_is_year_closed   (FitaPlan    *plan,
                                             gint64       year);
/* The closure of year, owned by the plan, or NULL if it is not closed. */
FitaYearClosure *fita_plan_get_closure      (FitaPlan    *plan,
                                             gint64       year);
/* The plan as it stood at the end of year: for a closed year, a new
 * read-only plan made from its snapshot (followed year = year); for any
 * other year, plan itself (a new reference). */
FitaPlan        *fita_plan_open_year        (FitaPlan    *plan,
                                             gint64       year,
                                             GError     **error);
/* The closed year a plan from fita_plan_open_year shows, or 0 for a plan
 * that is not a view of a closed year. */
gint64           fita_plan_get_view_year    (FitaPlan    *plan);
/* When a document made from plan is dated: the closing time for a view of
 * a closed year (so that its report is the same every time it is made),
 * otherwise $SOURCE_DATE_EPOCH if set, otherwise now. In UTC. */
GDateTime       *fita_plan_get_document_time (FitaPlan   *plan);

G_END_DECLS
