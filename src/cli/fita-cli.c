/* fita-cli: Fita's core, headless.
 *
 * Exit status: 0 success; 1 "check" found problems, or "year" refused by
 * the rules of years (closed in order, reopened from the last); 2 bad
 * usage, or a file that cannot be opened, read or written. Errors go to stderr as
 * "fita-cli: FILE: message"; a message of several lines (an import's list
 * of problems) goes on in lines indented by two spaces.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fita-chart.h"
#include "fita-check.h"
#include "fita-cli-private.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-money.h"
#include "fita-output.h"
#include "fita-picture.h"
#include "fita-rollup.h"
#include "fita-timeline.h"
#include "fita-timeline-export.h"

typedef int (*CommandFunc) (int argc, char **argv);

/* The later lines of a message (an import's list of problems, one a line)
 * are indented under the first, which names the file. */
int
fail_file (const char *file, const GError *error)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  g_autofree char *message = g_strjoinv ("\n  ", lines);
  /* a shared plan's address without its password */
  g_autofree char *shown = fita_location_display (file);

  if (g_error_matches (error, FITA_ERROR, FITA_ERROR_PASSWORD))
    g_printerr ("fita-cli: %s: %s %s\n", shown, message,
                _("Give the password in PGPASSWORD or in ~/.pgpass; fita-cli never takes it on its command line."));
  else
    g_printerr ("fita-cli: %s: %s\n", shown, message);
  return EXIT_USAGE;
}

int
fail_usage (GOptionContext *context, const char *message)
{
  g_printerr ("fita-cli: %s\n", message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
    }
  return EXIT_USAGE;
}

/* Parses options; on --help prints and exits 0, on errors exits 2. */
gboolean
parse_options (GOptionContext *context, int *argc, char ***argv, int *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = fail_usage (NULL, error->message);
      return FALSE;
    }
  return TRUE;
}

FitaPlan *
open_plan (const char *file, FitaOpenFlags flags, int *status)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_plan_open (file, flags, &error);

  if (plan == NULL)
    *status = fail_file (file, error);
  else if (fita_plan_was_recovered (plan))
    g_printerr (_("fita-cli: %s: a change that a program left half-made when it stopped was undone; the plan is as it was after its last complete change\n"),
                file);
  return plan;
}

FitaItem *
find_item (FitaPlan *plan, const char *file, const char *code, int *status)
{
  FitaItem *item = fita_plan_find_item (plan, code);

  if (item == NULL)
    {
      g_printerr (_("fita-cli: %s: there is no item with code “%s”\n"), file, code);
      *status = EXIT_USAGE;
    }
  return item;
}

void
append_cut (GString *out, const char *text, guint max)
{
  if (g_utf8_strlen (text, -1) > (glong) max)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, max - 1);
      g_string_append_printf (out, "%s…", cut);
    }
  else
    g_string_append (out, text);
}

/* Text as a JSON string: a missing text is the empty string. */
static void
json_add_text (JsonBuilder *builder, const char *member, const char *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text ? text : "");
}

/* A text that may be missing: null. */
void
json_add_text_or_null (JsonBuilder *builder, const char *member, const char *text)
{
  json_builder_set_member_name (builder, member);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

void
json_add_boolean (JsonBuilder *builder, const char *member, gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* FITA_NONE is null. */
void
json_add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  if (value == FITA_NONE)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

/* A measure to a number of decimals, as it always was printed: rounded to
 * them, so that it reads back as the same number; no decimals, an integer. */
void
json_add_measure (JsonBuilder *builder, const char *member, double value, int decimals)
{
  json_builder_set_member_name (builder, member);
  if (decimals == 0)
    json_builder_add_int_value (builder, (gint64) round (value));
  else
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *format = g_strdup_printf ("%%.%df", decimals);
      json_builder_add_double_value (builder, g_ascii_strtod (g_ascii_formatd (text, sizeof text, format, value), NULL));
    }
}

/* The document on stdout, on one line. */
void
json_print (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* example */

static int
cmd_example (int argc, char **argv)
{
  gboolean list = FALSE;
  g_autofree char *author = NULL;
  GOptionEntry entries[] = {
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the example plans"), NULL },
    AUTHOR_OPTION (author),
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME FILE — write an example plan to a new .fita file"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (list)
    {
      g_auto(GStrv) names = fita_examples_list ();
      for (guint i = 0; names[i]; i++)
        g_print ("%s\n", names[i]);
      return 0;
    }
  if (argc != 3)
    return fail_usage (context, _("example takes a NAME and a FILE, or --list"));

  plan = fita_example_load (argv[1], &error);
  if (plan == NULL)
    {
      g_printerr ("fita-cli: %s: %s %s\n", argv[1], error->message,
                  _("See the list with “fita-cli example --list”."));
      return EXIT_USAGE;
    }
  fita_plan_set_author (plan, author);
  if (!fita_plan_save_new (plan, argv[2], &error))
    return fail_file (argv[2], error);
  return 0;
}

/* new */

static int
cmd_new (int argc, char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *author = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The plan's title"), N_("TITLE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Language of the plan's texts, and of its levels, statuses and chapters: ca, es or en (default: the interface's)"), N_("LANG") },
    AUTHOR_OPTION (author),
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — create a new, empty plan"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || title == NULL || *title == '\0')
    return fail_usage (context, _("new takes a FILE and --title TITLE"));
  if (lang != NULL && !g_str_equal (lang, "ca") && !g_str_equal (lang, "es") && !g_str_equal (lang, "en"))
    return fail_usage (context, _("--lang must be ca, es or en"));

  plan = fita_plan_new_default_in (title, lang);
  fita_plan_set_author (plan, author);
  if (!fita_plan_save_new (plan, argv[1], &error))
    return fail_file (argv[1], error);
  return 0;
}

/* show */

static const char *
status_name (FitaPlan *plan, FitaItem *item)
{
  FitaStatus *status = item->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, item->status_id) : NULL;

  return status ? status->name : NULL;
}

static const char *
level_name (FitaPlan *plan, FitaItem *item)
{
  FitaLevel *level = item->level_id ? fita_plan_lookup (plan, FITA_TABLE_LEVEL, item->level_id) : NULL;

  return level ? level->name : NULL;
}

static void
show_text (FitaPlan *plan, gint64 parent, guint depth, const char *lang)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, parent);

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *item = g_ptr_array_index (children, i);
      const char *status = status_name (plan, item);
      g_autofree char *percent = fita_plan_format_progress (plan, item, lang);

      g_print ("%*s%s%s%s", depth * 2, "", item->code ? item->code : "", item->code ? "  " : "",
               item->title ? item->title : "");
      if (status)
        g_print ("  [%s]", status);
      g_print ("  %s\n", percent);
      show_text (plan, item->rec.id, depth + 1, lang);
    }
}

static void
show_json (FitaPlan *plan, gint64 parent, JsonBuilder *builder)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, parent);

  json_builder_begin_array (builder);
  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *item = g_ptr_array_index (children, i);
      int progress = fita_plan_progress (plan, item);

      json_builder_begin_object (builder);
      json_add_text (builder, "code", item->code);
      json_add_text (builder, "title", item->title);
      json_add_text_or_null (builder, "level", level_name (plan, item));
      json_add_text_or_null (builder, "status", status_name (plan, item));
      json_add_int (builder, "progress", progress >= 0 ? progress : FITA_NONE);
      json_add_int (builder, "progress_bp", fita_plan_progress_bp (plan, item));
      json_builder_set_member_name (builder, "children");
      show_json (plan, item->rec.id, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
cmd_show (int argc, char **argv)
{
  gboolean json = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The plan as it stood at the end of this year (a closed year's as it was closed)"), N_("YEAR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — show the plan's tree"));
  g_autoptr(FitaPlan) plan = NULL;
  FitaPlanInfo *info;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("show takes one FILE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (!(plan = plan_of_year (plan, argv[1], year, &status)))
    return status;

  info = fita_plan_get_info (plan);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *rule = fita_plan_describe_progress_rule (plan);

      json_builder_begin_object (builder);
      json_add_text (builder, "title", info->title);
      json_add_text (builder, "organisation", info->organisation);
      json_add_int (builder, "period_start", info->period_start);
      json_add_int (builder, "period_end", info->period_end);
      json_add_int (builder, "followed_year", info->followed_year);
      json_add_text (builder, "progress_rule", rule);
      json_builder_set_member_name (builder, "items");
      show_json (plan, 0, builder);
      json_builder_end_object (builder);
      json_print (builder);
    }
  else
    {
      const char *lang = fita_lang_from_locale ();
      g_autofree char *rule = fita_plan_describe_progress_rule (plan);
      g_print ("%s\n", info->title);
      if (info->organisation)
        g_print ("%s\n", info->organisation);
      g_autofree char *period = fita_plan_format_period (plan);
      if (period != NULL)
        /* Translators: the plan's period of validity, e.g. "Period: 2019–2026" */
        g_print (_("Period: %s\n"), period);
      /* Translators: how the percents of parent items are derived */
      g_print (_("Progress: %s\n"), rule);
      g_print ("\n");
      show_text (plan, 0, 0, lang);
    }
  return 0;
}

/* stats */

static void
json_add_statuses (JsonBuilder *builder, GArray *statuses)
{
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatusCount *count = &g_array_index (statuses, FitaStatusCount, i);
      json_builder_begin_object (builder);
      json_add_text_or_null (builder, "name", count->status ? count->status->name : NULL);
      json_add_int (builder, "count", count->count);
      json_add_int (builder, "share_bp", count->share_bp);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
cmd_stats (int argc, char **argv)
{
  g_autofree char *code = NULL;
  g_autofree char *level_name_option = NULL;
  int year = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "item", 'i', 0, G_OPTION_ARG_STRING, &code, N_("Only the item with this code and what is below it"), N_("CODE") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("The plan as it stood at the end of this year (a closed year's as it was closed), with only this year's budget"), N_("YEAR") },
    { "level", 'l', 0, G_OPTION_ARG_STRING, &level_name_option, N_("Count statuses over the items of this level instead of the leaves"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — figures of the plan or of one item"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) statuses = NULL;
  GPtrArray *levels;
  FitaItem *item = NULL;
  FitaLevel *level = NULL;
  FitaBudgetSum sum;
  guint n_items = 0, n_counted = 0;
  int status = 0;
  gint64 progress_bp, progress, rate;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("stats takes one FILE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (!(plan = plan_of_year (plan, argv[1], year, &status)))
    return status;
  if (code != NULL && (item = find_item (plan, argv[1], code, &status)) == NULL)
    return status;
  if (level_name_option != NULL &&
      (level = fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, level_name_option)) == NULL)
    {
      g_printerr (_("fita-cli: %s: the plan has no level named “%s”\n"), argv[1], level_name_option);
      return EXIT_USAGE;
    }

  counts = fita_plan_count_levels (plan, item, &n_items);
  statuses = fita_plan_count_statuses (plan, item, level, &n_counted);
  levels = fita_plan_list (plan, FITA_TABLE_LEVEL, 0);
  fita_plan_budget_sum (plan, item, year ? year : FITA_NONE, 0, &sum);
  /* item NULL: the whole plan, by the plan's own rule */
  progress_bp = fita_plan_progress_bp (plan, item);
  progress = fita_plan_progress_rounded (plan, item, 0);
  rate = fita_rate_bp (sum.executed, sum.planned);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_add_int (builder, "items", n_items);
      json_builder_set_member_name (builder, "levels");
      json_builder_begin_array (builder);
      for (guint i = 0; i < levels->len; i++)
        {
          FitaLevel *l = g_ptr_array_index (levels, i);
          json_builder_begin_object (builder);
          json_add_text (builder, "name", l->name);
          json_add_int (builder, "count", g_array_index (counts, guint, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_add_int (builder, "progress", progress);
      json_add_int (builder, "progress_bp", progress_bp);
      json_add_int (builder, "planned_cents", sum.planned);
      json_add_int (builder, "executed_cents", sum.executed);
      json_add_int (builder, "execution_rate_bp", rate);
      if (!year)
        {
          /* the total reconciles: what the year columns add up to, and the rest */
          FitaBudgetEnvelope envelope;
          fita_plan_budget_envelope (plan, item, &envelope);
          json_add_int (builder, "planned_in_years_cents", envelope.in_years);
          json_add_int (builder, "planned_not_in_years_cents", envelope.not_in_years);
        }
      json_add_statuses (builder, statuses);
      if (fita_plan_count (plan, FITA_TABLE_PROCESS) > 0)
        {
          FitaParticipation p;
          fita_plan_participation (plan, NULL, &p);
          json_builder_set_member_name (builder, "participation");
          json_builder_begin_object (builder);
          json_add_int (builder, "sessions", p.sessions);
          json_add_int (builder, "participants", p.participants);
          json_add_int (builder, "contributions", p.contributions);
          json_add_int (builder, "proposals", p.proposals);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_print (builder);
    }
  else
    {
      const char *lang = fita_lang_from_locale ();
      g_autofree char *planned = fita_money_format (sum.planned, lang);
      g_autofree char *executed = fita_money_format (sum.executed, lang);
      g_autofree char *rate_text = fita_percent_format_bp (rate, lang);
      g_autofree char *progress_text = fita_plan_format_progress (plan, item, lang);
      g_print (_("Items: %u\n"), n_items);
      for (guint i = 0; i < levels->len; i++)
        g_print ("  %s: %u\n", ((FitaLevel *) g_ptr_array_index (levels, i))->name, g_array_index (counts, guint, i));
      g_print (_("Progress: %s\n"), progress_text);
      g_print (_("Planned: %s\nExecuted: %s\nExecution rate: %s\n"), planned, executed, rate_text);
      if (n_counted > 0)
        {
          /* Translators: before the counts of items by status */
          g_print (_("By status:\n"));
          for (guint i = 0; i < statuses->len; i++)
            {
              FitaStatusCount *count = &g_array_index (statuses, FitaStatusCount, i);
              g_autofree char *share = fita_plan_format_share (plan, count->count, n_counted, lang);
              /* Translators: an item count by status: "  En curs: 3 of 5 (60 %)" */
              g_print (_("  %s: %u of %u (%s)\n"), count->status ? count->status->name : _("No status"),
                       count->count, n_counted, share);
            }
        }
    }
  return 0;
}

/* set */

/* planned.YEAR[.CHAPTER]=AMOUNT or executed.YEAR[.CHAPTER]=AMOUNT: one budget
 * cell of the item ("" or "- €": no amount). */
static gboolean
set_budget (FitaPlan *plan, FitaItem *item, const char *key, const char *value, GError **error)
{
  gboolean planned = g_str_has_prefix (key, "planned.");
  const char *rest = key + (planned ? strlen ("planned.") : strlen ("executed."));
  g_auto(GStrv) parts = g_strsplit (rest, ".", 2);
  FitaChapter *chapter = NULL;
  FitaBudgetLine *line;
  gint64 year, cents;
  char *end = NULL;

  year = g_ascii_strtoll (parts[0], &end, 10);
  if (end == parts[0] || *end != '\0')
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                   _("“%s”: write planned.YEAR or executed.YEAR, optionally followed by .CHAPTER"), key);
      return FALSE;
    }
  if (parts[1] != NULL && (chapter = fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, parts[1])) == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("the plan has no budget chapter named “%s”"), parts[1]);
      return FALSE;
    }
  if (!fita_money_parse (value, fita_lang_from_locale (), &cents, error))
    return FALSE;
  line = fita_plan_find_budget_line (plan, item->rec.id, year, chapter ? chapter->rec.id : 0);
  return fita_plan_set_budget (plan, item->rec.id, year, chapter ? chapter->rec.id : 0,
                               planned ? cents : line ? line->planned_cents : FITA_NONE,
                               planned ? (line ? line->executed_cents : FITA_NONE) : cents,
                               error);
}

static gboolean
set_one (FitaPlan *plan, FitaItem *item, const char *key, const char *value, GError **error)
{
  const char *lang = fita_lang_from_locale ();

  if (g_str_equal (key, "status"))
    {
      FitaStatus *status = *value ? fita_plan_find_by_name (plan, FITA_TABLE_STATUS, value) : NULL;
      if (*value && status == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("the plan has no status named “%s”"), value);
          return FALSE;
        }
      return fita_plan_set_int (plan, item, "status_id", status ? status->rec.id : 0, error);
    }
  if (g_str_equal (key, "level"))
    {
      FitaLevel *level = *value ? fita_plan_find_by_name (plan, FITA_TABLE_LEVEL, value) : NULL;
      if (*value && level == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND, _("the plan has no level named “%s”"), value);
          return FALSE;
        }
      return fita_plan_set_int (plan, item, "level_id", level ? level->rec.id : 0, error);
    }
  if (g_str_equal (key, "progress"))
    {
      gint64 percent = FITA_NONE;
      if (*value && !fita_percent_parse_hundredths (value, &percent, error))
        return FALSE;
      if (percent != FITA_NONE && !fita_plan_item_is_leaf (plan, item))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("“%s” has items below it: its progress is derived from them, not entered"),
                       item->code);
          return FALSE;
        }
      return fita_plan_set_int (plan, item, "progress", percent, error);
    }
  if (g_str_equal (key, "start") || g_str_equal (key, "end") ||
      g_str_equal (key, "start_year") || g_str_equal (key, "end_year") || g_str_equal (key, "weight"))
    {
      g_autofree char *field = g_str_has_suffix (key, "_year") || g_str_equal (key, "weight")
        ? g_strdup (key) : g_strconcat (key, "_year", NULL);
      gint64 number = FITA_NONE;
      char *end = NULL;
      if (*value)
        {
          number = g_ascii_strtoll (value, &end, 10);
          if (end == value || *end != '\0')
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE, _("“%s” is not a whole number"), value);
              return FALSE;
            }
        }
      return fita_plan_set_int (plan, item, field, number, error);
    }
  if (g_str_has_prefix (key, "planned.") || g_str_has_prefix (key, "executed."))
    return set_budget (plan, item, key, value, error);
  if (g_str_equal (key, "planned_total"))
    {
      gint64 cents;
      if (!fita_money_parse (value, lang, &cents, error))
        return FALSE;
      return fita_plan_set_int (plan, item, "planned_total_cents", cents, error);
    }
  if (g_str_equal (key, "semesters"))
    /* "2024-2,2024-1" or "2024-1 2024-2": the plan keeps them sorted */
    return fita_plan_set_text (plan, item, "semesters", value, error);
  if (g_str_equal (key, "title") || g_str_equal (key, "code") || g_str_equal (key, "description") ||
      g_str_equal (key, "notes") || g_str_equal (key, "other_services") ||
      g_str_equal (key, "start_date") || g_str_equal (key, "end_date"))
    {
      if (g_str_equal (key, "code") && *value && fita_plan_find_item (plan, value) != NULL &&
          fita_plan_find_item (plan, value) != item)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("another item already has the code “%s”"), value);
          return FALSE;
        }
      return fita_plan_set_text (plan, item, key, value, error);
    }
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("unknown key “%s”; use title, code, description, status, progress, start, end, level, weight, semesters, planned_total, planned.YEAR, executed.YEAR, start_date, end_date, other_services or notes"),
               key);
  return FALSE;
}

static int
cmd_set (int argc, char **argv)
{
  g_autofree char *author = NULL;
  GOptionEntry entries[] = {
    AUTHOR_OPTION (author),
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE CODE KEY=VALUE… — change an item (all changes in one step)"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autofree char *label = NULL;
  FitaItem *item;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 4)
    return fail_usage (context, _("set takes a FILE, an item CODE and at least one KEY=VALUE"));
  for (int i = 3; i < argc; i++)
    if (strchr (argv[i], '=') == NULL)
      return fail_usage (context, _("each change must be written KEY=VALUE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_DEFAULT, &status)))
    return status;
  if (fita_plan_is_read_only (plan))
    {
      g_printerr ("fita-cli: %s: %s\n", argv[1], fita_plan_get_read_only_reason (plan));
      return EXIT_USAGE;
    }
  if ((item = find_item (plan, argv[1], argv[2], &status)) == NULL)
    return status;

  for (int i = 3; i < argc; i++)
    g_string_append_printf (keys, "%s%.*s", i > 3 ? ", " : "", (int) (strchr (argv[i], '=') - argv[i]), argv[i]);
  /* Translators: the change log's name for a change made by fita-cli set; %s: the keys set, "progress, status" */
  label = g_strdup_printf (_("Set %s"), keys->str);
  fita_plan_set_author (plan, author);
  fita_plan_begin (plan, label);
  for (int i = 3; i < argc && error == NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (argv[i], "=", 2);
      set_one (plan, item, pair[0], pair[1], &error);
    }
  if (error != NULL)
    {
      fita_plan_cancel (plan);
      return fail_file (argv[1], error);
    }
  if (!fita_plan_end (plan, &error))
    return fail_file (argv[1], error);
  return 0;
}

/* check */

static int
cmd_check (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — check the plan's integrity and rules"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("check takes one FILE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (!fita_plan_check (plan, problems, &error))
    return fail_file (argv[1], error);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s: %s\n", argv[1], (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u problem found\n", "%u problems found\n", problems->len),
                  problems->len);
      return EXIT_PROBLEMS;
    }
  g_print (_("%s: no problems found\n"), argv[1]);
  return 0;
}

static int
cmd_timeline (int argc, char **argv)
{
  g_autofree char *zoom_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *code = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *rows_text = NULL;
  g_autofree char *years_text = NULL;
  gboolean who = FALSE, portrait = FALSE, tiles = FALSE;
  double scale = 1;
  GOptionEntry entries[] = {
    { "zoom", 'z', 0, G_OPTION_ARG_STRING, &zoom_name, N_("year, semester, quarter or month (default: the plan's)"), N_("ZOOM") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .pdf (pages), .png or .svg (one picture, or tiles if too tall)"), N_("FILE") },
    { "item", 'i', 0, G_OPTION_ARG_STRING, &code, N_("Only this item and what is below it"), N_("CODE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the labels: ca, es or en"), N_("LANG") },
    { "who", 'w', 0, G_OPTION_ARG_NONE, &who, N_("Show who does each item"), NULL },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per point in a PNG (default 1)"), N_("SCALE") },
    { "page", 'p', 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper of a PDF's pages: a4 or a3 (default a4, landscape)"), N_("PAPER") },
    { "portrait", 0, 0, G_OPTION_ARG_NONE, &portrait, N_("PDF pages upright rather than landscape"), NULL },
    { "rows", 'r', 0, G_OPTION_ARG_STRING, &rows_text,
      N_("Only these rows, counted from 1 in the timeline's order (FROM:TO, FROM: or :TO)"), N_("FROM:TO") },
    { "years", 'y', 0, G_OPTION_ARG_STRING, &years_text, N_("Only these years (FROM:TO, FROM: or :TO)"), N_("FROM:TO") },
    { "tiles", 't', 0, G_OPTION_ARG_NONE, &tiles,
      N_("PNG or SVG: tiles FILE-001.png, FILE-002.png… even when one picture would do"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — draw the plan's timeline"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(FitaTimeline) timeline = NULL;
  g_autoptr(FitaTranslator) translator = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  FitaTimelineExportOptions options = { 0 };
  guint from_year = 0, to_year = 0;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("A PDF has as many pages as the plan needs, each with the header of years and the column of items, "
      "whole rows and \"Page N of M\"; the chart is scaled to the page's width, or its years are split across "
      "pages when it would be too small to read. A PNG or SVG taller than 8000 pixels is written as tiles "
      "FILE-001.png, FILE-002.png…, each with the header; the files written are printed, one a line."));
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL)
    return fail_usage (context, _("timeline takes a FILE and --out PICTURE"));
  if (zoom_name != NULL && fita_keyword_index (fita_zoom_keywords, zoom_name) < 0)
    return fail_usage (context, _("--zoom must be year, semester, quarter or month"));
  if (scale <= 0 || scale > 8)
    return fail_usage (context, _("--scale must be between 0 and 8"));
  if (paper_name != NULL && fita_keyword_index (fita_paper_keywords, paper_name) < 0)
    return fail_usage (context, _("--page must be a4 or a3"));
  if (rows_text != NULL && !fita_timeline_parse_range (rows_text, &options.first_row, &options.last_row, &error))
    return fail_usage (context, error->message);
  if (years_text != NULL && !fita_timeline_parse_range (years_text, &from_year, &to_year, &error))
    return fail_usage (context, error->message);
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;

  translator = fita_translator_new (lang ? lang : fita_lang_from_locale ());
  timeline = fita_timeline_new (plan, translator);
  if (code != NULL)
    {
      FitaItem *item = find_item (plan, argv[1], code, &status);
      g_autoptr(GPtrArray) rows = NULL;
      if (item == NULL)
        return status;
      rows = fita_plan_items_preorder (plan, item);
      fita_timeline_set_rows (timeline, rows);
    }
  if (zoom_name != NULL)
    fita_timeline_set_zoom (timeline, fita_keyword_index (fita_zoom_keywords, zoom_name));
  fita_timeline_set_show_who (timeline, who);
  options.paper = paper_name ? fita_keyword_index (fita_paper_keywords, paper_name) : FITA_PAPER_A4;
  options.portrait = portrait;
  options.first_year = (int) from_year;
  options.last_year = (int) to_year;
  options.scale = scale;
  options.tiles = tiles;
  if (!fita_timeline_export (timeline, output, argv[1], &options, files, NULL, &error))
    return fail_file (output, error);
  /* tiles: the names a script cannot guess */
  if (files->len > 1 || (files->len == 1 && g_strcmp0 (g_ptr_array_index (files, 0), output) != 0))
    for (guint i = 0; i < files->len; i++)
      g_print ("%s\n", (char *) g_ptr_array_index (files, i));
  return 0;
}

static void
draw_chart (cairo_t *cr, double width, double height, gpointer data)
{
  fita_chart_draw (data, cr, width, height);
}

static int
cmd_chart (int argc, char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *code = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *kinds = g_strjoinv (", ", (char **) fita_chart_kind_keywords);
  g_autofree char *description = g_strdup_printf ("kinds: %s", kinds);
  int year = 0, width = 800, height = 480;
  double scale = 1;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("Which chart (see the list of kinds below)"), N_("KIND") },
    { "item", 'i', 0, G_OPTION_ARG_STRING, &code, N_("Only this item and what is below it"), N_("CODE") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Only this year"), N_("YEAR") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The picture to write: .png, .svg or .pdf"), N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the labels: ca, es or en"), N_("LANG") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in points (default 800)"), N_("WIDTH") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in points (default 480)"), N_("HEIGHT") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixels per point in a PNG (default 1)"), N_("SCALE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — draw a budget chart"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(FitaChart) chart = NULL;
  g_autoptr(FitaTranslator) translator = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *item = NULL;
  gint64 kind;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* the kinds, on one line that scripts can read */
  g_option_context_set_description (context, description);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 || output == NULL || kind_name == NULL)
    return fail_usage (context, _("chart takes a FILE, --kind KIND and --out PICTURE"));
  if ((kind = fita_keyword_index (fita_chart_kind_keywords, kind_name)) < 0)
    return fail_usage (context, _("unknown --kind; the kinds are listed below"));
  if (width < 100 || height < 100 || width > 10000 || height > 10000 || scale <= 0 || scale > 8)
    return fail_usage (context, _("--width and --height go from 100 to 10000, --scale up to 8"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (code != NULL && (item = find_item (plan, argv[1], code, &status)) == NULL)
    return status;
  translator = fita_translator_new (lang ? lang : fita_lang_from_locale ());
  chart = fita_chart_new (plan, kind, item, year ? year : FITA_NONE, translator);
  if (!fita_picture_write (output, argv[1], width, height, scale, draw_chart, chart, &error))
    return fail_file (output, error);
  return 0;
}


static const struct {
  const char *name;
  CommandFunc func;
  const char *summary;
} commands[] = {
  { "example", cmd_example, N_("Write one of the example plans to a file, or list them") },
  { "new", cmd_new, N_("Create a new, empty plan") },
  { "show", cmd_show, N_("Show the plan's tree with status and progress") },
  { "stats", cmd_stats, N_("Figures of the plan or of one item: counts, progress, budget") },
  { "set", cmd_set, N_("Change fields of an item") },
  { "log", cmd_log, N_("Who changed what in the plan, and when") },
  { "forms", cmd_forms, N_("Write the update forms of a year, one spreadsheet for each responsible agent") },
  { "merge", cmd_merge, N_("Merge an update form a service filled in: its changes, conflicts and refusals") },
  { "check", cmd_check, N_("Check the plan's integrity and rules") },
  { "export", cmd_export, N_("Export the plan as JSON, CSV, XLSX, ODS or for Decidim") },
  { "import", cmd_import, N_("Make a new plan from JSON") },
  { "report", cmd_report, N_("Write a follow-up report as PDF, ODT or DOCX") },
  { "year", cmd_year, N_("Close or reopen a year, or list the years closed") },
  { "compare", cmd_compare, N_("What changed in a year since the year before, item by item") },
  { "chart", cmd_chart, N_("Draw a budget chart to a PNG, SVG or PDF file") },
  { "timeline", cmd_timeline, N_("Draw the plan's timeline to a PNG, SVG or PDF file") },
  { "bench", cmd_bench, N_("Measure speed and memory on a synthetic plan") },
  { "server", cmd_server, N_("Set up a PostgreSQL database for shared plans, and who may do what") },
  { "push", cmd_push, N_("Copy a plan from a file to a new shared plan on a server") },
  { "pull", cmd_pull, N_("Copy a shared plan to a new file") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: fita-cli COMMAND [OPTION…] — follow up strategic plans"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("“fita-cli COMMAND --help” tells more; “fita-cli --version” prints the version."));
}

/* Text from a plan may hold control characters (an ESC sequence retitles
 * or clears a terminal): what fita-cli prints for people shows each as
 * U+FFFD instead. JSON output is escaped already. */
static void
print_safely (FILE *stream, const char *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *next = (c == (gunichar) -1 || c == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);
      if (c == (gunichar) -1 || c == (gunichar) -2 ||
          (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0))
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
  fputs (out->str, stream);
  fflush (stream);
}

static void
print_to_stdout (const char *text)
{
  print_safely (stdout, text);
}

static void
print_to_stderr (const char *text)
{
  print_safely (stderr, text);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FITA_LOCALEDIR") ? g_getenv ("FITA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("fita-cli");
  g_set_print_handler (print_to_stdout);
  g_set_printerr_handler (print_to_stderr);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("fita-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("fita-cli %s", argv[1]);
        int status;
        g_set_prgname (prgname);
        status = commands[i].func (argc - 1, argv + 1);
        /* what was printed must have arrived: a full disk, a closed pipe */
        if ((fflush (stdout) != 0 || ferror (stdout)) && status == 0)
          {
            g_printerr (_("fita-cli: the standard output could not be written: %s\n"), g_strerror (errno));
            return EXIT_USAGE;
          }
        return status;
      }
  g_printerr (_("fita-cli: unknown command “%s”\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
