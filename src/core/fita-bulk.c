#include "config.h"
#include "fita-bulk.h"
#include "fita-error.h"

#include <glib/gi18n-lib.h>

static FitaItem *
item_at (FitaPlan     *plan,
         const GArray *item_ids,
         guint         i)
{
  return fita_plan_lookup (plan, FITA_TABLE_ITEM, g_array_index (item_ids, gint64, i));
}

gboolean
fita_bulk_set_status (FitaPlan     *plan,
                      const GArray *item_ids,
                      gint64        status_id,
                      GError      **error)
{
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (item_ids != NULL, FALSE);

  if (status_id != 0 && fita_plan_lookup (plan, FITA_TABLE_STATUS, status_id) == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("The status is no longer in the plan."));
      return FALSE;
    }

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Set Status"));
  for (guint i = 0; i < item_ids->len; i++)
    {
      FitaItem *item = item_at (plan, item_ids, i);

      if (item != NULL)
        fita_plan_set_int (plan, item, "status_id", status_id, NULL);
    }

  return fita_plan_end (plan, error);
}

static gboolean
executes (FitaPlan *plan,
          FitaItem *item,
          gint64    agent_id)
{
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id);

  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *responsibility = g_ptr_array_index (who, i);

      if (responsibility->agent_id == agent_id && responsibility->role == FITA_ROLE_EXECUTES)
        return TRUE;
    }

  return FALSE;
}

gboolean
fita_bulk_add_executor (FitaPlan     *plan,
                        const GArray *item_ids,
                        gint64        agent_id,
                        GError      **error)
{
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (item_ids != NULL, FALSE);

  if (fita_plan_lookup (plan, FITA_TABLE_AGENT, agent_id) == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("The agent is no longer in the plan."));
      return FALSE;
    }

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Set Responsible"));
  for (guint i = 0; i < item_ids->len; i++)
    {
      FitaItem *item = item_at (plan, item_ids, i);
      FitaResponsibility *responsibility;

      if (item == NULL || executes (plan, item, agent_id))
        continue;

      responsibility = fita_plan_new_record (plan, FITA_TABLE_RESPONSIBILITY);
      responsibility->agent_id = agent_id;
      responsibility->role = FITA_ROLE_EXECUTES;
      fita_plan_insert (plan, responsibility, item->rec.id, -1, NULL);
    }

  return fita_plan_end (plan, error);
}

gboolean
fita_bulk_set_years (FitaPlan     *plan,
                     const GArray *item_ids,
                     gint64        start_year,
                     gint64        end_year,
                     GError      **error)
{
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (item_ids != NULL, FALSE);

  if (start_year > end_year)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   /* Translators: when setting the years of items */
                   _("The start year, %d, comes after the end year, %d."), (int)start_year, (int)end_year);
      return FALSE;
    }

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, _("Set Years"));
  for (guint i = 0; i < item_ids->len; i++)
    {
      FitaItem *item = item_at (plan, item_ids, i);

      if (item == NULL)
        continue;
      fita_plan_set_int (plan, item, "start_year", start_year, NULL);
      fita_plan_set_int (plan, item, "end_year", end_year, NULL);
    }

  return fita_plan_end (plan, error);
}

gboolean
fita_bulk_delete (FitaPlan     *plan,
                  const GArray *item_ids,
                  GError      **error)
{
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (item_ids != NULL, FALSE);

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (plan, g_dngettext (GETTEXT_PACKAGE, "Delete Item", "Delete Items", item_ids->len));
  for (guint i = 0; i < item_ids->len; i++)
    {
      /* Deleting an item deletes what is below it, perhaps in the ids too:
       * those are gone by the time their turn comes. */
      FitaItem *item = item_at (plan, item_ids, i);

      if (item != NULL)
        fita_plan_delete (plan, item, NULL);
    }

  return fita_plan_end (plan, error);
}
