#include "config.h"
#include "fita-timeline-edit.h"
#include "fita-change-error.h"

#include <glib/gi18n.h>

gboolean
fita_timeline_may_tick (FitaPlan *plan, FitaItem *item)
{
  if (plan == NULL || item == NULL || fita_plan_is_read_only (plan))
    return FALSE;
  /* a service following up a shared plan changes only what is its own */
  return fita_plan_get_access (plan) != FITA_ACCESS_FOLLOW_UP ||
         fita_plan_may_change (plan, FITA_TABLE_ITEM, item->rec.id, "semesters");
}

gboolean
fita_timeline_tick (GtkWidget *widget, FitaPlan *plan, FitaItem *item, int year, int half)
{
  g_autofree char *semesters = fita_semesters_toggle (item->semesters, year, half);
  g_autoptr(GError) error = NULL;

  /* Translators: the name of an undoable change: ticking a semester in the timeline */
  fita_plan_begin (plan, _("Tick Semester"));
  fita_plan_set_text (plan, item, "semesters", semesters, NULL);
  if (fita_plan_end (plan, &error))
    return TRUE;
  /* someone else's change first, or the server's refusal: said; anything
   * else just refused */
  if (!fita_change_error_show (widget, plan, error, NULL))
    gtk_widget_error_bell (widget);
  return FALSE;
}
