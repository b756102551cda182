/* The JSON format: lossless both ways, and clear errors for bad input. */
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-json.h"
#include "fita-log.h"
#include "fita-years.h"
#include "fita-rollup.h"
#include "fita-test-util.h"

#include <string.h>

/* A plan's JSON written from the file a JSON was imported into is the
 * JSON it was imported from, with one more change at the end of its log:
 * the file's creation. */
static void
assert_json_and_creation (const char *json, const char *from_file)
{
  g_autofree char *prefix = g_strndup (json, strlen (json) - strlen ("\n}\n"));
  const char *rest;
  guint changes = 0;

  if (strstr (json, "\n  \"change_log\": [") != NULL)
    prefix[strlen (prefix) - strlen ("\n  ]")] = '\0';
  g_assert_true (g_str_has_prefix (from_file, prefix));
  rest = from_file + strlen (prefix);
  for (const char *at = rest; (at = strstr (at, "\"at\": ")) != NULL; at++)
    changes++;
  g_assert_cmpuint (changes, ==, 1);
  g_assert_nonnull (strstr (rest, "\"label\": \"Create Plan\""));
}

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

static GPtrArray *
read_log (FitaPlan *plan, const char *code)
{
  g_autoptr(GError) error = NULL;
  FitaItem *item = code ? fita_plan_find_item (plan, code) : NULL;
  GPtrArray *changes = fita_plan_read_log (plan, item ? item->rec.id : 0, 0, &error);

  g_assert_no_error (error);
  return changes;
}

/* The same changes (the newest first of each list), entry for entry;
 * skip: how many of the newest of b to pass over. */
static void
assert_same_changes (GPtrArray *a, GPtrArray *b, guint skip)
{
  g_assert_cmpuint (a->len + skip, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      FitaLogChange *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i + skip);
      g_assert_cmpstr (x->at, ==, y->at);
      g_assert_cmpstr (x->author, ==, y->author);
      g_assert_cmpstr (x->source, ==, y->source);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpuint (x->entries->len, ==, y->entries->len);
      for (guint e = 0; e < x->entries->len; e++)
        {
          FitaLogEntry *p = g_ptr_array_index (x->entries, e), *q = g_ptr_array_index (y->entries, e);
          g_assert_cmpint (p->kind, ==, q->kind);
          g_assert_cmpstr (p->table, ==, q->table);
          g_assert_cmpstr (p->field, ==, q->field);
          g_assert_cmpstr (p->old_value, ==, q->old_value);
          g_assert_cmpstr (p->new_value, ==, q->new_value);
          g_assert_cmpint (p->item != 0, ==, q->item != 0);
        }
    }
}

/* Version 3 carries the plan's history: its change log (every change, its
 * entries naming their item by code) and its years closed (each snapshot a
 * nested plan without history). Export → import → export gives the same
 * bytes; the imported plan's log, whole or of one item, is the file's; the
 * file it is saved to starts with it, then its own creation. */
static void
test_history (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = fita_test_example_file (dir, "terrassa-ess-2019-2026");
  g_autofree char *copy_path = g_build_filename (dir, "copy.fita", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);
  g_autoptr(FitaPlan) imported = NULL;
  g_autoptr(FitaPlan) reopened = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *bare = NULL;
  FitaItem *item = fita_plan_find_item (plan, "11.1");
  FitaChapter *chapter = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_CHAPTER, 0), 0);
  FitaLink *link;
  const char *item_codes[] = { NULL, "11.1", "11.5" };

  g_assert_no_error (error);
  fita_plan_set_author (plan, "Anna Puig");
  fita_plan_set_change_source (plan, "Servei d'Emprenedoria");
  g_assert_true (fita_plan_set_int (plan, item, "progress", 5550, &error));
  fita_plan_set_change_source (plan, NULL);
  g_assert_true (fita_plan_set_text (plan, item, "notes", "Línia 1\nLínia \"2\"", &error));
  g_assert_true (fita_plan_set_budget (plan, item->rec.id, 2024, chapter->rec.id, 150000, 2500, &error));
  link = fita_plan_new_record (plan, FITA_TABLE_LINK);
  link->url = g_strdup ("https://example.org/");
  g_assert_true (fita_plan_insert (plan, link, item->rec.id, -1, &error));
  g_assert_true (fita_plan_delete (plan, link, &error));
  g_assert_true (fita_plan_close_year (plan, 2024, "Montse", &error));
  g_assert_true (fita_plan_set_int (plan, fita_plan_find_item (plan, "11.5"), "progress", 9000, &error));
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_no_error (error);

  json = fita_json_export_with (plan, FITA_JSON_EXPORT_CHANGE_LOG);
  g_assert_nonnull (strstr (json, "\n  \"change_log\": [\n    {\n      \"at\": "));
  g_assert_nonnull (strstr (json, "\"author\": \"Anna Puig\",\n      \"source\": \"Servei d'Emprenedoria\""));
  g_assert_nonnull (strstr (json, "{\"kind\": \"updated\", \"table\": \"item\", \"item\": \"11.1\", "
                                  "\"field\": \"progress\", \"old\": \"30\", \"new\": \"55.5\"}"));
  g_assert_nonnull (strstr (json, "\"new\": \"Línia 1\\nLínia \\\"2\\\"\"}"));
  g_assert_nonnull (strstr (json, "\"label\": \"Close 2024\""));
  g_assert_nonnull (strstr (json, "\"closed_by\": \"Montse\",\n      \"snapshot\": {\n        \"format\": \"fita\""));
  /* the log tells of a closure, not the plan it kept */
  g_assert_cmpint (strstr (json, "\"change_log\"") - json, >, strstr (json, "\"year_closures\"") - json);
  g_assert_null (strstr (strstr (json, "\"change_log\""), "\"format\""));

  imported = fita_json_import (json, -1, &error);
  g_assert_no_error (error);
  again = fita_json_export_with (imported, FITA_JSON_EXPORT_CHANGE_LOG);
  g_assert_cmpstr (again, ==, json);
  for (guint i = 0; i < G_N_ELEMENTS (item_codes); i++)
    {
      g_autoptr(GPtrArray) a = read_log (plan, item_codes[i]);
      g_autoptr(GPtrArray) b = read_log (imported, item_codes[i]);
      g_assert_cmpuint (a->len, >, 0);
      assert_same_changes (a, b, 0);
    }
  {
    g_autoptr(GError) local = NULL;
    g_autoptr(GPtrArray) two = fita_plan_read_log (imported, 0, 2, &local);
    g_assert_no_error (local);
    g_assert_cmpuint (two->len, ==, 2);
    g_assert_cmpstr (((FitaLogChange *) g_ptr_array_index (two, 0))->label, ==, "Undo");
  }

  /* the plan's records: its closures, not its log */
  bare = fita_json_export (plan);
  g_assert_null (strstr (bare, "change_log"));
  g_assert_nonnull (strstr (bare, "year_closures"));
  g_clear_pointer (&bare, g_free);
  /* without closures: what a closure keeps */
  bare = fita_json_export_with (plan, FITA_JSON_EXPORT_WITHOUT_CLOSURES);
  g_assert_null (strstr (bare, "change_log"));
  g_assert_null (strstr (bare, "year_closures"));

  g_assert_true (fita_plan_save_new (imported, copy_path, &error));
  g_clear_object (&imported);
  reopened = fita_plan_open (copy_path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (item_codes); i++)
    {
      g_autoptr(GPtrArray) a = read_log (plan, item_codes[i]);
      g_autoptr(GPtrArray) b = read_log (reopened, item_codes[i]);
      assert_same_changes (a, b, item_codes[i] == NULL ? 1 : 0);
      if (item_codes[i] == NULL)
        g_assert_cmpstr (((FitaLogChange *) g_ptr_array_index (b, 0))->label, ==, "Create Plan");
    }
  g_clear_pointer (&again, g_free);
  again = fita_json_export_with (reopened, FITA_JSON_EXPORT_CHANGE_LOG);
  assert_json_and_creation (json, again);
}

/* Versions 1 and 2 still import: whole percents, and a closure's snapshot
 * as text, which version 3 writes as the nested plan it is. */
static void
test_older_versions (void)
{
  const char *v1 = "{\"format\": \"fita\", \"format_version\": 1, \"plan\": {\"title\": \"T\"},"
                   " \"items\": [{\"code\": \"A\", \"progress\": 40}]}";
  const char *v2 = "{\"format\": \"fita\", \"format_version\": 2, \"plan\": {\"title\": \"T\", \"followed_year\": 2024},"
                   " \"items\": [{\"code\": \"A\", \"progress\": 40.5}],"
                   " \"year_closures\": [{\"year\": 2023, \"closed_at\": \"2024-01-10T09:00:00Z\","
                   " \"snapshot\": \"{\\\"format\\\": \\\"fita\\\", \\\"format_version\\\": 2,"
                   " \\\"plan\\\": {\\\"title\\\": \\\"T\\\"}, \\\"items\\\": [{\\\"code\\\": \\\"A\\\", \\\"progress\\\": 20}]}\"}]}";
  g_autoptr(FitaPlan) one = fita_test_plan_from_json (v1);
  g_autoptr(FitaPlan) two = fita_test_plan_from_json (v2);
  g_autoptr(FitaPlan) view = NULL;
  g_autoptr(FitaPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  g_assert_cmpint (fita_plan_find_item (one, "A")->progress_bp, ==, 4000);
  g_assert_cmpint (fita_plan_find_item (two, "A")->progress_bp, ==, 4050);
  view = fita_plan_open_year (two, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fita_plan_find_item (view, "A")->progress_bp, ==, 2000);
  json = fita_json_export (two);
  g_assert_nonnull (strstr (json, "\"snapshot\": {\n        \"format\": \"fita\",\n        \"format_version\": 3,"));
  again = fita_json_import (json, -1, &error);
  g_assert_no_error (error);
  json_again = fita_json_export (again);
  g_assert_cmpstr (json_again, ==, json);
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
  g_autoptr(FitaPlan) plan = fita_json_import ("{\"plan\": {\"title\": \"Pla mínim\", "
                                                "\"uuid\": \"0b6e3f0a-5d1c-4c36-9a53-2f1b0e7c8d41\"}}", -1, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Pla mínim");
  json = fita_json_export (plan);
  g_assert_cmpstr (json, ==,
                   "{\n  \"format\": \"fita\",\n  \"format_version\": 3,\n  \"plan\": {\n"
                   "    \"title\": \"Pla mínim\",\n    \"progress_rule\": \"children\",\n"
                   "    \"progress_missing\": \"skip\",\n"
                   "    \"uuid\": \"0b6e3f0a-5d1c-4c36-9a53-2f1b0e7c8d41\"\n  }\n}\n");
}

/* The uuid is the plan's identity, which its update forms carry: a JSON
 * keeps it, one without any gets a new random one, each import its own. */
static void
test_uuid (void)
{
  g_autoptr(FitaPlan) first = fita_test_plan_from_json ("{\"plan\": {\"title\": \"T\"}}");
  g_autoptr(FitaPlan) second = fita_test_plan_from_json ("{\"format_version\": 1, \"plan\": {\"title\": \"T\"}}");
  g_autoptr(FitaPlan) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = fita_json_export (first);

  g_assert_true (g_uuid_string_is_valid (fita_plan_get_info (first)->uuid));
  g_assert_true (g_uuid_string_is_valid (fita_plan_get_info (second)->uuid));
  g_assert_cmpstr (fita_plan_get_info (first)->uuid, !=, fita_plan_get_info (second)->uuid);
  kept = fita_json_import (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fita_plan_get_info (kept)->uuid, ==, fita_plan_get_info (first)->uuid);
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
    { "{\"plan\": {\"title\": \"T\", \"uuid\": \"plan-1\"}}", FITA_ERROR_INVALID, "plan: “uuid”: “plan-1” is not a UUID" },
    { "{\"plan\": {\"title\": \"T\", \"uuid\": 7}}", FITA_ERROR_INVALID, "plan: “uuid” must be text" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": {}}", FITA_ERROR_INVALID, "“change_log” must be a list" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [7]}", FITA_ERROR_INVALID, "change_log[0]: each entry must be an object" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"author\": \"A\"}]}",
      FITA_ERROR_INVALID, "change_log[0]: “at” must be a time such as 2026-12-07T08:10:00Z" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"ahir\"}]}",
      FITA_ERROR_INVALID, "change_log[0]: “at” must be a time" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", \"who\": \"A\"}]}",
      FITA_ERROR_INVALID, "change_log[0]: unknown key “who”" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", \"entries\": 3}]}",
      FITA_ERROR_INVALID, "change_log[0]: “entries” must be a list" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", "
      "\"entries\": [{\"kind\": \"moved\", \"table\": \"item\", \"record\": 1}]}]}",
      FITA_ERROR_INVALID, "change_log[0].entries[0]: “kind” must be one of: inserted, updated, deleted" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", "
      "\"entries\": [{\"kind\": \"updated\", \"table\": \"items\", \"record\": 1}]}]}",
      FITA_ERROR_INVALID, "change_log[0].entries[0]: “table” must name a table of the plan" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", "
      "\"entries\": [{\"kind\": \"updated\", \"table\": \"item\", \"item\": \"9\"}]}]}",
      FITA_ERROR_INVALID, "change_log[0].entries[0]: there is no item with the code “9” in the plan" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", "
      "\"entries\": [{\"kind\": \"updated\", \"table\": \"item\", \"record\": -2}]}]}",
      FITA_ERROR_INVALID, "change_log[0].entries[0]: “record” must be a whole number" },
    { "{\"plan\": {\"title\": \"T\"}, \"change_log\": [{\"at\": \"2026-12-07T08:10:00Z\", "
      "\"entries\": [{\"kind\": \"updated\", \"table\": \"item\", \"record\": 1, \"new\": 5}]}]}",
      FITA_ERROR_INVALID, "change_log[0].entries[0]: “new” must be text" },
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
  g_test_add_func ("/json/uuid", test_uuid);
  g_test_add_func ("/json/history", test_history);
  g_test_add_func ("/json/older-versions", test_older_versions);
  g_test_add_func ("/json/semesters-normalised", test_semesters_normalised);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/every-problem", test_every_problem);
  g_test_add_func ("/json/duplicate-code", test_duplicate_code);
  g_test_add_func ("/json/problems-not-repeated", test_problems_not_repeated);
  g_test_add_func ("/json/problems-capped", test_problems_capped);
  g_test_add_func ("/json/problems-in-file", test_problems_in_file);
  return g_test_run ();
}
