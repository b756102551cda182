/* The JSON format: lossless both ways, and clear errors for bad input. */
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-json.h"
#include "fita-rollup.h"
#include "fita-test-util.h"

#include <string.h>

static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.fita", NULL);
  g_autoptr(FitaPlan) plan = fita_test_example (name);
  g_autofree char *first = fita_json_export (plan);
  g_autoptr(FitaPlan) again = NULL;
  g_autoptr(FitaPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  /* export → import → export */
  again = fita_json_import (first, -1, &error);
  g_assert_no_error (error);
  second = fita_json_export (again);
  g_assert_cmpstr (first, ==, second);

  /* and through a .fita file */
  g_assert_true (fita_plan_save_new (again, path, &error));
  g_assert_no_error (error);
  stored = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  third = fita_json_export (stored);
  g_assert_cmpstr (first, ==, third);
}

static void
test_no_amount_is_not_zero (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autofree char *json = fita_json_export (plan);
  FitaItem *programme = fita_plan_find_item (plan, "11");
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, programme->rec.id);
  gboolean zero_found = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);
      if (line->year == 2019)
        {
          g_assert_cmpint (line->executed_cents, ==, 0);
          g_assert_cmpint (line->planned_cents, ==, FITA_NONE);
          zero_found = TRUE;
        }
    }
  g_assert_true (zero_found);
  g_assert_nonnull (strstr (json, "\"executed_cents\": 0"));
  g_assert_nonnull (strstr (json, "\"executed_cents\": 470233"));
  g_assert_nonnull (strstr (json, "\"planned_total_cents\": 12000000"));
}

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import ("{\"plan\": {\"title\": \"Pla mínim\"}}", -1, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Pla mínim");
  json = fita_json_export (plan);
  g_assert_cmpstr (json, ==,
                   "{\n  \"format\": \"fita\",\n  \"format_version\": 2,\n  \"plan\": {\n"
                   "    \"title\": \"Pla mínim\",\n    \"progress_rule\": \"children\",\n"
                   "    \"progress_missing\": \"skip\"\n  }\n}\n");
}

static void
test_semesters_normalised (void)
{
  const char *json =
    "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"code\": \"A\", \"semesters\": [\"2018-2\", \"2017-1\", \"2018-2\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_find_item (plan, "A")->semesters, ==, "2017-1 2018-2");
  g_assert_true (fita_semesters_contains (fita_plan_find_item (plan, "A")->semesters, 2018, 2));
  g_assert_false (fita_semesters_contains (fita_plan_find_item (plan, "A")->semesters, 2018, 1));
}

static void
test_errors (void)
{
  struct { const char *json; int code; const char *words; } cases[] = {
    { "{\"plan\": ", FITA_ERROR_PARSE, "not valid JSON" },
    { "[1, 2]", FITA_ERROR_INVALID, "one object" },
    { "{\"format\": \"excel\", \"plan\": {\"title\": \"T\"}}", FITA_ERROR_INVALID, "format" },
    { "{\"format_version\": 7, \"plan\": {\"title\": \"T\"}}", FITA_ERROR_NEWER_VERSION, "newer" },
    { "{\"items\": []}", FITA_ERROR_INVALID, "no “plan”" },
    { "{\"plan\": {}}", FITA_ERROR_INVALID, "plan: “title” is required" },
    { "{\"plan\": {\"title\": \"T\", \"titel\": \"x\"}}", FITA_ERROR_INVALID, "plan: unknown key “titel”" },
    { "{\"plan\": {\"title\": \"T\"}, \"itmes\": []}", FITA_ERROR_INVALID, "unknown key “itmes”" },
    { "{\"plan\": {\"title\": \"T\", \"period_start\": \"2019\"}}", FITA_ERROR_INVALID, "“period_start” must be a whole number" },
    { "{\"plan\": {\"title\": \"T\", \"period_start\": 19}}", FITA_ERROR_INVALID, "not a year" },
    { "{\"plan\": {\"title\": \"T\", \"progress_rule\": \"median\"}}", FITA_ERROR_INVALID, "children, leaves, weighted" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"code\": \"A\", \"children\": [{\"code\": \"A.1\", \"progress\": 130}]}]}",
      FITA_ERROR_INVALID, "items[0].children[0] (A.1): “progress”: 130 is not a percentage" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"progress\": 50000000000}]}",
      FITA_ERROR_INVALID, "items[0]: “progress”: 50000000000 is not a percentage" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"code\": \"A\", \"status\": \"Fet\"}]}",
      FITA_ERROR_INVALID, "items[0] (A): there is no status named “Fet”" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"budget\": [{\"year\": 2023, \"executed_cents\": 4702.33}]}]}",
      FITA_ERROR_INVALID, "items[0].budget[0] (2023): “executed_cents” must be a whole number of cents" },
    { "{\"plan\": {\"title\": \"T\"}, \"levels\": [{\"name\": \"Eix\"}, {\"name\": \"Eix\"}]}",
      FITA_ERROR_INVALID, "levels[1]: the name “Eix” is used twice" },
    { "{\"plan\": {\"title\": \"T\"}, \"statuses\": [{\"name\": \"Fet\", \"colour\": \"green\"}]}",
      FITA_ERROR_INVALID, "not a colour" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"semesters\": [\"2018-S1\"]}]}",
      FITA_ERROR_INVALID, "not a semester" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"id\": 4}]}", FITA_ERROR_INVALID, "unknown key “id”" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [3]}", FITA_ERROR_INVALID, "object" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"indicators\": [{\"name\": \"N\", \"values\": [{\"value\": \"molts\"}]}]}]}",
      FITA_ERROR_INVALID, "items[0].indicators[0].values[0]: “value”: “molts” is not a number" },
    { "{\"plan\": {\"title\": \"T\"}, \"items\": [{\"links\": [{\"title\": \"Web\"}]}]}",
      FITA_ERROR_INVALID, "items[0].links[0]: “url” is required" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaPlan) plan = fita_json_import (cases[i].json, -1, &error);
      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (plan);
      g_assert_error (error, FITA_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].words);
    }
}

/* The lines of an import's error after its first, which says how many. */
static GStrv
problem_lines (const GError *error, const char *first)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

  g_assert_cmpstr (lines[0], ==, first);
  return g_strdupv (lines + 1);
}

/* One import lists every problem, each where it is (the JSON path) and
 * with the item's code, and a budget line's year, however the keys are
 * ordered. */
static void
test_every_problem (void)
{
  const char *json =
    "{\"plan\": {\"title\": \"T\"}, \"statuses\": [{\"name\": \"En curs\"}], \"items\": ["
    " {\"code\": \"11\", \"children\": [{\"code\": \"11.1\"}, {\"code\": \"11.2\"},"
    "   {\"progress\": 130, \"code\": \"11.3\"}]},"
    " {\"code\": \"7.2\", \"budget\": [{\"planned_cents\": -100, \"year\": 2022}]},"
    " {\"code\": \"8\", \"status\": \"Fet\", \"indicators\": [{\"name\": \"N\", \"values\": [{\"year\": 2024, \"value\": \"molts\"}]}]}]}";
  static const char * const expected[] = {
    "items[0].children[2] (11.3): “progress”: 130 is not a percentage: use a number from 0 to 100.",
    "items[1].budget[0] (7.2, 2022): “planned_cents”: An amount may not be negative (-€1.00): enter what is planned or executed, or leave it empty.",
    "items[2] (8): there is no status named “Fet” in the plan",
    "items[2].indicators[0].values[0] (8, 2024): “value”: “molts” is not a number.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  lines = problem_lines (error, "The plan has 4 problems; nothing was imported:");
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (lines[i], ==, expected[i]);
}

/* Two items with one code are refused, naming both. */
static void
test_duplicate_code (void)
{
  const char *json =
    "{\"plan\": {\"title\": \"T\"}, \"items\": ["
    " {\"code\": \"11\", \"children\": [{\"code\": \"11.1\"}, {\"code\": \"11.2\"}, {\"code\": \"11.3\"}]},"
    " {\"code\": \"11.3\"}, {\"title\": \"no code\"}, {\"title\": \"no code either\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  lines = problem_lines (error, "The plan has 1 problem; nothing was imported:");
  g_assert_cmpstr (lines[0], ==, "items[1] (11.3): the code “11.3” is already used by items[0].children[2]; give each item its own code");
}

/* A value of the wrong kind is one problem, not also a missing one; a bad
 * entry does not stop the ones after it, nor do the references to a record
 * with a bad value fail. */
static void
test_problems_not_repeated (void)
{
  const char *json =
    "{\"plan\": {\"title\": 5}, \"statuses\": [{\"name\": \"Fet\", \"colour\": \"green\"}, 4, {\"name\": \"\"}],"
    " \"items\": [{\"code\": \"A\", \"status\": \"Fet\", \"budget\": 7}]}";
  static const char * const expected[] = {
    "plan: “title” must be text, not a number",
    "statuses[0]: “colour”: “green” is not a colour: write #rrggbb.",
    "statuses[1]: each entry must be an object {…}",
    "statuses[2]: “name”: The name may not be empty.",
    "items[0] (A): “budget” must be a list",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (plan);
  lines = problem_lines (error, "The plan has 5 problems; nothing was imported:");
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (lines[i], ==, expected[i]);
}

/* A file with very many problems lists the first hundred and counts the rest. */
static void
test_problems_capped (void)
{
  g_autoptr(GString) json = g_string_new ("{\"plan\": {\"title\": \"T\"}, \"items\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (json, "%s{\"code\": \"%u\", \"weight\": -1}", i ? ", " : "", i);
  g_string_append (json, "]}");
  plan = fita_json_import (json->str, -1, &error);

  g_assert_null (plan);
  lines = problem_lines (error, "The plan has 250 problems; nothing was imported:");
  g_assert_cmpuint (g_strv_length (lines), ==, 101);
  g_assert_cmpstr (lines[0], ==, "items[0] (0): “weight”: The weight may not be negative.");
  g_assert_cmpstr (lines[99], ==, "items[99] (99): “weight”: The weight may not be negative.");
  g_assert_cmpstr (lines[100], ==, "… and 150 more problems");
}

/* From a file, the first line names it. */
static void
test_problems_in_file (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "pla.json", NULL);
  g_autofree char *first = g_strdup_printf ("The plan in %s has 2 problems; nothing was imported:", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (path, "{\"plan\": {\"title\": \"T\", \"titel\": \"x\"}, \"itmes\": []}", -1, &error));
  plan = fita_json_import_file (path, &error);
  g_assert_null (plan);
  lines = problem_lines (error, first);
  g_assert_cmpstr (lines[0], ==, "plan: unknown key “titel”");
  g_assert_cmpstr (lines[1], ==, "unknown key “itmes”");
}

int
main (int argc, char **argv)
{
  g_auto(GStrv) names = fita_examples_list ();

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpuint (g_strv_length (names), ==, 5);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/round-trip/%s", names[i]);
      g_test_add_data_func_full (path, g_strdup (names[i]), test_round_trip, g_free);
    }
  g_test_add_func ("/json/no-amount-is-not-zero", test_no_amount_is_not_zero);
  g_test_add_func ("/json/minimal", test_minimal);
  g_test_add_func ("/json/semesters-normalised", test_semesters_normalised);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/every-problem", test_every_problem);
  g_test_add_func ("/json/duplicate-code", test_duplicate_code);
  g_test_add_func ("/json/problems-not-repeated", test_problems_not_repeated);
  g_test_add_func ("/json/problems-capped", test_problems_capped);
  g_test_add_func ("/json/problems-in-file", test_problems_in_file);
  return g_test_run ();
}
