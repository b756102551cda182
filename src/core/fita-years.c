/* fita-years.c: closing and reopening years, the locks on closed years,
 * and views of a closed year (docs/YEARS.md).
 *
 * A closure is a record of the plan (FITA_TABLE_YEAR_CLOSURE), so it is
 * loaded with the plan, written in the same transaction as the change of
 * followed year that goes with it, undone and redone like any change, and
 * kept by the JSON export; its snapshot is the plan's JSON without the
 * closures and the change log. */
#include "config.h"
#include "fita-years.h"
#include "fita-error.h"
#include "fita-json.h"
#include "fita-plan-private.h"

#include <glib/gi18n-lib.h>

static gint64
last_closed_year (FitaPlan *self)
{
  GHashTableIter iter;
  gpointer record;
  gint64 last = 0;

  g_hash_table_iter_init (&iter, self->by_id[FITA_TABLE_YEAR_CLOSURE]);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    last = MAX (last, ((FitaYearClosure *) record)->year);
  return last;
}

FitaYearClosure *
fita_plan_get_closure (FitaPlan *self, gint64 year)
{
  GHashTableIter iter;
  gpointer record;

  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  g_hash_table_iter_init (&iter, self->by_id[FITA_TABLE_YEAR_CLOSURE]);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    if (((FitaYearClosure *) record)->year == year)
      return record;
  return NULL;
}

gboolean
fita_plan_is_year_closed (FitaPlan *self, gint64 year)
{
  return year != FITA_NONE && fita_plan_get_closure (self, year) != NULL;
}

static int
compare_years (gconstpointer a, gconstpointer b)
{
  gint64 ya = *(const gint64 *) a, yb = *(const gint64 *) b;

  return ya < yb ? -1 : ya > yb;
}

GArray *
fita_plan_get_closed_years (FitaPlan *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer record;

  g_return_val_if_fail (FITA_IS_PLAN (self), years);

  g_hash_table_iter_init (&iter, self->by_id[FITA_TABLE_YEAR_CLOSURE]);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    g_array_append_val (years, ((FitaYearClosure *) record)->year);
  g_array_sort (years, compare_years);
  return years;
}

gint64
fita_plan_get_view_year (FitaPlan *self)
{
  g_return_val_if_fail (FITA_IS_PLAN (self), 0);
  return self->view_year;
}

/* The locks */

static gboolean
refuse_closed (gint64 year, GError **error)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_YEAR_CLOSED,
               /* Translators: %d is a year */
               _("%d is closed: reopen it to change its figures."), (int) year);
  return FALSE;
}

static gint64
year_of (gconstpointer record)
{
  switch (((const FitaRecord *) record)->table)
    {
    case FITA_TABLE_BUDGET_LINE:
      return ((const FitaBudgetLine *) record)->year;
    case FITA_TABLE_INDICATOR_VALUE:
      return ((const FitaIndicatorValue *) record)->year;
    case FITA_TABLE_FOLLOWUP:
      return ((const FitaFollowup *) record)->year;
    default:
      return FITA_NONE;
    }
}

gboolean
fita_years_check_op (FitaPlan *self, const Op *op, GError **error)
{
  const FitaTable *table = fita_table (op->table);
  gconstpointer record;

  if (self->view_year != 0)
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_READ_ONLY, self->view_reason);
      return FALSE;
    }
  if (g_hash_table_size (self->by_id[FITA_TABLE_YEAR_CLOSURE]) == 0)
    return TRUE;

  switch (op->table)
    {
    case FITA_TABLE_YEAR_CLOSURE:
      /* added and removed whole by closing and reopening, never edited */
      if (op->kind == OP_SET)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_YEAR_CLOSED,
                       _("A year's closure cannot be changed: reopen the year and close it again."));
          return FALSE;
        }
      return TRUE;
    case FITA_TABLE_PLAN:
      /* the followed year's live values are never a closed year's */
      if (op->kind == OP_SET && g_str_equal (table->fields[op->field].name, "followed_year") &&
          op->new_int != FITA_NONE && op->new_int <= last_closed_year (self))
        {
          gint64 last = last_closed_year (self);
          g_set_error (error, FITA_ERROR, FITA_ERROR_YEAR_CLOSED,
                       /* Translators: %d are years: the last year closed, and the year after it */
                       _("%d is closed: the year followed up must be %d or later. Reopen %d to follow it up again."),
                       (int) last, (int) last + 1, (int) last);
          return FALSE;
        }
      return TRUE;
    case FITA_TABLE_BUDGET_LINE:
    case FITA_TABLE_INDICATOR_VALUE:
    case FITA_TABLE_FOLLOWUP:
      if (op->kind == OP_SET && (int) op->field == table->position_field)
        return TRUE;  /* the order of the lines says nothing of a year */
      record = op->kind == OP_SET ? fita_plan_lookup (self, op->table, op->id) : op->snapshot;
      if (record != NULL && fita_plan_is_year_closed (self, year_of (record)))
        return refuse_closed (year_of (record), error);
      if (op->kind == OP_SET && g_str_equal (table->fields[op->field].name, "year") &&
          fita_plan_is_year_closed (self, op->new_int))
        return refuse_closed (op->new_int, error);
      return TRUE;
    default:
      return TRUE;
    }
}

gboolean
fita_years_check_records (FitaPlan *self, GError **error)
{
  g_autoptr(GHashTable) years = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer record;

  g_hash_table_iter_init (&iter, self->by_id[FITA_TABLE_YEAR_CLOSURE]);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    {
      FitaYearClosure *closure = record;
      if (closure->year == FITA_NONE)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT, _("a year closure has no year"));
          return FALSE;
        }
      if (!g_hash_table_add (years, &closure->year))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT, _("%d is closed twice"), (int) closure->year);
          return FALSE;
        }
    }
  return TRUE;
}

/* Closing and reopening */

static gboolean
refuse (FitaPlan *self, GError **error, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (FitaPlan *self, GError **error, const char *format, ...)
{
  va_list args;
  GError *local;

  va_start (args, format);
  local = g_error_new_valist (FITA_ERROR, FITA_ERROR_INVALID, format, args);
  va_end (args);
  return fita_plan_refuse (self, local, error);
}

static char *
closing_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
fita_plan_close_year (FitaPlan *self, gint64 year, const char *who, GError **error)
{
  FitaPlanInfo *info;
  FitaYearClosure *closure;
  g_autofree char *label = NULL;
  gint64 last;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  info = fita_plan_get_info (self);
  last = last_closed_year (self);
  if (self->view_year != 0)
    return refuse (self, error, "%s", self->view_reason);
  if (year < FITA_MIN_YEAR || year > FITA_MAX_YEAR)
    {
      char number[32];
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, year);
      return refuse (self, error, _("%s is not a year Fita can plan: use one from %d to %d."),
                     number, FITA_MIN_YEAR, FITA_MAX_YEAR);
    }
  if (fita_plan_is_year_closed (self, year))
    return refuse (self, error, _("%d is already closed."), (int) year);
  if (year < last)
    return refuse (self, error, _("%d cannot be closed: a later year, %d, is already closed."),
                   (int) year, (int) last);
  if (info->period_end != FITA_NONE && year > info->period_end)
    return refuse (self, error, _("%d cannot be closed: the plan's period ends in %d."),
                   (int) year, (int) info->period_end);
  if (info->period_start != FITA_NONE && year < info->period_start)
    return refuse (self, error, _("%d cannot be closed: the plan's period begins in %d."),
                   (int) year, (int) info->period_start);
  /* The year closed is the year followed up: the live figures are its
   * figures. Years before the first one closed need not be closed (a plan
   * begun in Fita in its sixth year has no figures of the first five). */
  if (info->followed_year != FITA_NONE && year != info->followed_year)
    return refuse (self, error, _("%d cannot be closed: the year followed up is %d, and the figures are its figures. Close %d, or follow up %d first."),
                   (int) year, (int) info->followed_year, (int) info->followed_year, (int) year);
  /* with no year followed up, years are closed in order */
  if (info->followed_year == FITA_NONE && last != 0 && year > last + 1)
    return refuse (self, error, _("%d cannot be closed before %d: close the years in order."),
                   (int) year, (int) (last + 1));

  closure = fita_plan_new_record (self, FITA_TABLE_YEAR_CLOSURE);
  closure->year = year;
  closure->closed_at = closing_time ();
  closure->closed_by = who != NULL && *who != '\0' ? g_strdup (who) : NULL;
  closure->snapshot = fita_json_export_with (self, FITA_JSON_EXPORT_WITHOUT_CLOSURES);

  /* Translators: the name of a change in the Undo menu; %d is a year */
  label = g_strdup_printf (_("Close %d"), (int) year);
  fita_plan_begin (self, label);
  /* the followed year first: the lock keeps it past the years closed */
  if (year + 1 <= FITA_MAX_YEAR)
    fita_plan_set_int (self, info, "followed_year", year + 1, NULL);
  fita_plan_insert (self, closure, 0, -1, NULL);
  return fita_plan_end (self, error);
}

gboolean
fita_plan_reopen_year (FitaPlan *self, gint64 year, GError **error)
{
  FitaYearClosure *closure;
  g_autofree char *label = NULL;
  gint64 last;

  g_return_val_if_fail (FITA_IS_PLAN (self), FALSE);

  if (self->view_year != 0)
    return refuse (self, error, "%s", self->view_reason);
  closure = fita_plan_get_closure (self, year);
  if (closure == NULL)
    return refuse (self, error, _("%d is not closed."), (int) year);
  last = last_closed_year (self);
  if (year != last)
    return refuse (self, error, _("%d cannot be reopened while a later year, %d, is closed: reopen %d first."),
                   (int) year, (int) last, (int) last);

  /* Translators: the name of a change in the Undo menu; %d is a year */
  label = g_strdup_printf (_("Reopen %d"), (int) year);
  fita_plan_begin (self, label);
  fita_plan_delete (self, closure, NULL);
  fita_plan_set_int (self, fita_plan_get_info (self), "followed_year", year, NULL);
  return fita_plan_end (self, error);
}

/* Views of a year */

FitaPlan *
fita_plan_open_year (FitaPlan *self, gint64 year, GError **error)
{
  FitaYearClosure *closure;
  g_autoptr(GError) local = NULL;
  FitaPlan *view;

  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  closure = fita_plan_get_closure (self, year);
  if (closure == NULL || self->view_year == year)
    return g_object_ref (self);

  view = fita_json_import (closure->snapshot, -1, &local);
  if (view == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_CORRUPT,
                   _("The plan as it stood in %d cannot be read (%s). Restore the plan from a backup copy."),
                   (int) year, local->message);
      return NULL;
    }
  /* the year it shows, whatever year was followed when it was closed */
  fita_plan_get_info (view)->followed_year = year;
  view->view_year = year;
  view->view_closed_at = g_strdup (closure->closed_at);
  view->view_reason = g_strdup_printf (_("This is the plan as it stood when %d was closed: it cannot be changed. Reopen %d to change its figures."),
                                       (int) year, (int) year);
  return view;
}

GDateTime *
fita_plan_get_document_time (FitaPlan *self)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  g_return_val_if_fail (FITA_IS_PLAN (self), NULL);

  if (self->view_closed_at != NULL)
    {
      GDateTime *closed = g_date_time_new_from_iso8601 (self->view_closed_at, NULL);
      if (closed != NULL)
        {
          GDateTime *utc = g_date_time_to_utc (closed);
          g_date_time_unref (closed);
          return utc;
        }
    }
  if (epoch != NULL)
    return g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  return g_date_time_new_now_utc ();
}
