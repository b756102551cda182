/* fita-cli compare: what changed in a year since the year before was
 * closed, item by item (fita-compare.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-cli-private.h"
#include "fita-compare.h"
#include "fita-money.h"

/* characters of a title shown in the table */
#define MAX_TITLE_SHOWN 36

/* text padded with spaces to width characters (cut with … beyond it);
 * width 0: as it is */
static void
append_cell (GString *line, const char *text, guint width)
{
  glong length = g_utf8_strlen (text, -1);

  if (width == 0)
    {
      g_string_append (line, text);
      return;
    }
  append_cut (line, text, width);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (line, ' ');
}

static char *
status_text (FitaComparison *comparison, const FitaItemChange *change)
{
  const char *none = C_("no value", "—");
  const char *after = change->status_after != NULL ? change->status_after : none;

  if (change->item == NULL)
    /* Translators: in fita-cli compare, an item removed since the year before */
    return g_strdup (_("removed"));
  if (change->is_new)
    /* Translators: in fita-cli compare, an item new this year: "new (En curs)" */
    return g_strdup_printf (_("new (%s)"), after);
  if (!change->status_changed)
    return g_strdup (after);
  return g_strdup_printf ("%s → %s", change->status_before != NULL ? change->status_before : none, after);
}

static char *
executed_text (const FitaItemChange *change, const char *lang)
{
  gint64 before = change->total_before.executed, after = change->total_after.executed;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *by = NULL;

  if (before == after || change->item == NULL || change->before == NULL)
    return g_strdup ("");
  from = fita_money_format (before, lang);
  to = fita_money_format (after, lang);
  if (before == FITA_NONE || after == FITA_NONE)
    return g_strdup_printf ("%s → %s", from, to);
  by = fita_money_format (ABS (after - before), lang);
  return g_strdup_printf ("%s → %s (%s%s)", from, to, after > before ? "+" : "\u2212", by);
}

static void
print_table (FitaComparison *comparison, FitaCompareFilter filter)
{
  const char *lang = fita_lang_from_locale ();
  const FitaComparisonCounts *counts = fita_comparison_get_counts (comparison);
  gint64 year = fita_comparison_get_year (comparison);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint widths[5] = { 0 };
  const char *heads[5] = {
    /* Translators: headings of the columns of fita-cli compare */
    _("Code"), _("Title"), _("Progress"), _("Status"), _("Executed"),
  };

  if (fita_comparison_has_previous (comparison))
    /* Translators: the first line of fita-cli compare; %d are years */
    g_print (_("%d compared with %d as it was closed\n"), (int) year, (int) year - 1);
  else
    /* Translators: fita-cli compare, with no closure of the year before; %d are years */
    g_print (_("%d is not closed: there is nothing to compare %d with.\n"), (int) year - 1, (int) year);

  for (guint i = 0; i < fita_comparison_get_length (comparison); i++)
    {
      const FitaItemChange *change = fita_comparison_get (comparison, i);
      FitaItem *item = change->item != NULL ? change->item : change->before;
      char **cells;

      if (filter != FITA_COMPARE_ALL && !fita_item_change_matches (change, filter))
        continue;
      cells = g_new0 (char *, 6);
      cells[0] = g_strdup (item->code != NULL ? item->code : "");
      cells[1] = g_strdup (item->title != NULL ? item->title : "");
      cells[2] = fita_comparison_format_progress (comparison, change, lang, NULL);
      cells[3] = status_text (comparison, change);
      cells[4] = executed_text (change, lang);
      for (guint c = 0; c < 5; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (cells[c], -1));
      g_ptr_array_add (rows, cells);
    }
  for (guint c = 0; c < 5; c++)
    widths[c] = MAX (widths[c], (guint) g_utf8_strlen (heads[c], -1));
  widths[1] = MIN (widths[1], MAX_TITLE_SHOWN);

  g_ptr_array_insert (rows, 0, g_strdupv ((char **) (const char *[]) { heads[0], heads[1], heads[2], heads[3], heads[4], NULL }));
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < 5; c++)
        {
          append_cell (line, cells[c], c < 4 ? widths[c] : 0);
          if (c < 4)
            g_string_append (line, "  ");
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }

  /* Translators: the last line of fita-cli compare: "9 items: 6 changed, 3 not updated, 2 late; 1 new, 1 removed" */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u item: %u changed, %u not updated, %u late; %u new, %u removed\n",
                        "%u items: %u changed, %u not updated, %u late; %u new, %u removed\n", counts->items),
           counts->items, counts->changed, counts->no_update, counts->late, counts->added, counts->removed);
}

static void
print_json (FitaComparison *comparison, FitaCompareFilter filter)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const FitaComparisonCounts *counts = fita_comparison_get_counts (comparison);
  gint64 year = fita_comparison_get_year (comparison);

  json_builder_begin_object (builder);
  json_add_int (builder, "year", year);
  json_add_int (builder, "previous_year", fita_comparison_has_previous (comparison) ? year - 1 : FITA_NONE);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  json_add_int (builder, "items", counts->items);
  json_add_int (builder, "changed", counts->changed);
  json_add_int (builder, "no_update", counts->no_update);
  json_add_int (builder, "late", counts->late);
  json_add_int (builder, "newly_late", counts->newly_late);
  json_add_int (builder, "status_changed", counts->status_changed);
  json_add_int (builder, "progress_moved", counts->progress_moved);
  json_add_int (builder, "new", counts->added);
  json_add_int (builder, "removed", counts->removed);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fita_comparison_get_length (comparison); i++)
    {
      const FitaItemChange *change = fita_comparison_get (comparison, i);
      FitaItem *item = change->item != NULL ? change->item : change->before;

      if (filter != FITA_COMPARE_ALL && !fita_item_change_matches (change, filter))
        continue;
      json_builder_begin_object (builder);
      json_add_text_or_null (builder, "code", item->code);
      json_add_text_or_null (builder, "title", item->title);
      json_add_int (builder, "progress_bp_before", change->progress_bp_before);
      json_add_int (builder, "progress_bp_after", change->progress_bp_after);
      json_add_int (builder, "progress_change_bp", change->progress_change_bp);
      json_add_text_or_null (builder, "status_before", change->status_before);
      json_add_text_or_null (builder, "status_after", change->status_after);
      json_add_int (builder, "executed_cents_before", change->total_before.executed);
      json_add_int (builder, "executed_cents_after", change->total_after.executed);
      json_add_int (builder, "year_planned_cents_before", change->year_before.planned);
      json_add_int (builder, "year_planned_cents_after", change->year_after.planned);
      json_add_int (builder, "year_executed_cents_before", change->year_before.executed);
      json_add_int (builder, "year_executed_cents_after", change->year_after.executed);
      json_add_boolean (builder, "status_changed", change->status_changed);
      json_add_boolean (builder, "values_changed", change->values_changed);
      json_add_boolean (builder, "texts_changed", change->texts_changed);
      json_add_boolean (builder, "changed", change->changed);
      json_add_boolean (builder, "no_update", change->no_update);
      json_add_boolean (builder, "late", change->late);
      json_add_boolean (builder, "new", change->is_new);
      json_add_boolean (builder, "removed", change->item == NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_print (builder);
}

int
cmd_compare (int argc, char **argv)
{
  int year = 0;
  g_autofree char *filter_name = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year to compare with the one before (default: the year followed up)"), N_("YEAR") },
    { "filter", 'f', 0, G_OPTION_ARG_STRING, &filter_name, N_("Only the items changed this year, with no update this year, or late"), N_("changed|no-update|late") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — what changed in a year since the year before was closed, item by item"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(FitaComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  FitaCompareFilter filter = FITA_COMPARE_ALL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("compare takes one FILE"));
  if (filter_name != NULL)
    {
      gint64 index = fita_keyword_index (fita_compare_filter_keywords, filter_name);
      if (index <= 0)
        return fail_usage (context, _("--filter takes changed, no-update or late"));
      filter = (FitaCompareFilter) index;
    }
  if (year != 0 && (year < FITA_MIN_YEAR || year > FITA_MAX_YEAR))
    return fail_usage (context, _("--year takes a year, as 2024"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (!(comparison = fita_comparison_new (plan, year != 0 ? year : FITA_NONE, &error)))
    return fail_file (argv[1], error);

  if (json)
    print_json (comparison, filter);
  else
    print_table (comparison, filter);
  return 0;
}
