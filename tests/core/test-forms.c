/* test-forms.c: update forms out (fita-forms.h): which agents get a form
 * and with which items, the key that ties a row to the plan, the digest
 * of a row as sent, and the ODS and XLSX workbooks as the core's own
 * readers (and their XML) see them. */
#include "config.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-forms.h"
#include "fita-sheet-zip.h"
#include "fita-years.h"
#include "fita-test-util.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

#define UUID "0b6e3f0a-5d1c-4c36-9a53-2f1b0e7c8d41"

/* Three services, one with a working group of its own, a fourth with no
 * item; every role; executed amounts, follow-up texts and an indicator's
 * value in 2024. */
static FitaPlan *
make_plan (const char *lang)
{
  g_autofree char *json = g_strdup_printf (
    "{\"plan\": {\"title\": \"Pla de prova\", \"language\": \"%s\", \"period_start\": 2022, \"period_end\": 2026,"
    "  \"followed_year\": 2024, \"uuid\": \"" UUID "\"},"
    " \"levels\": [{\"name\": \"Eix\"}, {\"name\": \"Acció\", \"depth\": 1}],"
    " \"statuses\": [{\"name\": \"No iniciat\", \"percent\": 0}, {\"name\": \"En curs\"}, {\"name\": \"Acabat\", \"percent\": 100}],"
    " \"chapters\": [{\"name\": \"Capítol 1\"}, {\"name\": \"Capítol 2\"}],"
    " \"agents\": [{\"name\": \"Servei A\", \"kind\": \"service\", \"groups\": [{\"name\": \"Grup A1\", \"kind\": \"group\"}]},"
    "              {\"name\": \"Servei B\", \"kind\": \"service\"}, {\"name\": \"Servei C\", \"kind\": \"service\"}],"
    " \"items\": ["
    "  {\"code\": \"1\", \"title\": \"Primer eix\", \"level\": \"Eix\", \"children\": ["
    "    {\"code\": \"1.1\", \"title\": \"Acció u\", \"level\": \"Acció\", \"status\": \"En curs\", \"progress\": 30,"
    "     \"responsibilities\": [{\"agent\": \"Servei A\", \"role\": \"defines\"}],"
    "     \"budget\": [{\"year\": 2024, \"chapter\": \"Capítol 1\", \"planned_cents\": 500000, \"executed_cents\": 470233},"
    "                 {\"year\": 2023, \"chapter\": \"Capítol 2\", \"executed_cents\": 1000}],"
    "     \"followups\": [{\"year\": 2024, \"execution\": \"Fet a mitges\", \"strengths\": \"Bon equip\"}]},"
    "    {\"code\": \"1.2\", \"title\": \"Acció dos\", \"level\": \"Acció\", \"progress\": 88.3,"
    "     \"responsibilities\": [{\"agent\": \"Servei A\", \"role\": \"executes\"}, {\"agent\": \"Servei B\", \"role\": \"supports\"}],"
    "     \"indicators\": [{\"name\": \"Tallers\", \"unit\": \"tallers\", \"target\": \"10\","
    "                       \"values\": [{\"year\": 2024, \"value\": \"4\"}, {\"year\": 2023, \"value\": \"2\"}]}]},"
    "    {\"code\": \"1.3\", \"title\": \"Acció tres\", \"level\": \"Acció\","
    "     \"responsibilities\": [{\"agent\": \"Servei B\", \"role\": \"other\"}]}]},"
    "  {\"code\": \"2\", \"title\": \"Segon eix\", \"level\": \"Eix\", \"children\": ["
    "    {\"code\": \"2.1\", \"title\": \"Acció del grup\", \"level\": \"Acció\","
    "     \"responsibilities\": [{\"agent\": \"Grup A1\", \"role\": \"executes\"}]}]}]}",
    lang);

  return fita_test_plan_from_json (json);
}

static char *
codes (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", ((FitaItem *) g_ptr_array_index (items, i))->code);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Agents responsible for an item, parents before their groups; each gets
 * the items it holds any role in, in the plan's order. */
static void
test_agents_and_items (void)
{
  g_autoptr(FitaPlan) plan = make_plan ("ca");
  g_autoptr(GPtrArray) agents = fita_forms_agents (plan);
  const struct { const char *agent; const char *items; } expected[] = {
    { "Servei A", "1.1 1.2" },   /* defines, executes */
    { "Grup A1", "2.1" },        /* a group of A: its own form */
    { "Servei B", "1.2 1.3" },   /* supports, other */
    { "Servei C", "" },
  };

  g_assert_cmpuint (agents->len, ==, 3);
  for (guint i = 0; i < agents->len; i++)
    g_assert_cmpstr (((FitaAgent *) g_ptr_array_index (agents, i))->name, ==, expected[i].agent);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) items = fita_forms_items (plan, fita_test_agent (plan, expected[i].agent));
      g_autofree char *list = codes (items);
      g_assert_cmpstr (list, ==, expected[i].items);
    }
  g_assert_cmpint (fita_forms_default_year (plan), ==, 2024);
}

/* An item no one is responsible for goes to the agents named in its other
 * services (as the Terrassa sheets name only the service involved); one
 * with a responsible agent goes to it alone; unknown names are no one. */
static void
test_services_involved (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (
    "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2022, \"period_end\": 2026, \"followed_year\": 2024},"
    " \"agents\": [{\"name\": \"Servei A\"}, {\"name\": \"Servei B\", \"groups\": [{\"name\": \"Grup B1\"}]},"
    "              {\"name\": \"Servei C\"}],"
    " \"items\": ["
    "  {\"code\": \"1\", \"title\": \"U\", \"other_services\": \"servei a ; Grup B1\\nUn servei que no hi és\"},"
    "  {\"code\": \"2\", \"title\": \"Dos\", \"other_services\": \"Servei C\","
    "   \"responsibilities\": [{\"agent\": \"Servei B\", \"role\": \"executes\"}]},"
    "  {\"code\": \"3\", \"title\": \"Tres\", \"other_services\": \"Servei A, Servei C\"},"
    "  {\"code\": \"4\", \"title\": \"Quatre\"}]}");
  g_autoptr(GPtrArray) agents = fita_forms_agents (plan);
  const struct { const char *agent; const char *items; } expected[] = {
    { "Servei A", "1 3" },
    { "Servei B", "2" },
    { "Grup B1", "1" },
    { "Servei C", "3" },
  };

  g_assert_cmpuint (agents->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GPtrArray) items = fita_forms_items (plan, fita_test_agent (plan, expected[i].agent));
      g_autofree char *list = codes (items);
      g_assert_cmpstr (((FitaAgent *) g_ptr_array_index (agents, i))->name, ==, expected[i].agent);
      g_assert_cmpstr (list, ==, expected[i].items);
    }

  /* the counts made in one pass are those of the lists */
  {
    g_autoptr(GHashTable) counts = fita_forms_count_items (plan);

    g_assert_cmpuint (g_hash_table_size (counts), ==, agents->len);
    for (guint i = 0; i < agents->len; i++)
      {
        FitaAgent *a = g_ptr_array_index (agents, i);
        g_autoptr(GPtrArray) items = fita_forms_items (plan, a);
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &a->rec.id)), ==, items->len);
      }
  }
}

static void
test_file_names (void)
{
  struct { gint64 year; const char *agent; FitaFormsFormat format; const char *name; } cases[] = {
    { 2024, "Servei de Promoció Econòmica", FITA_FORMS_ODS, "2024 - Servei de Promoció Econòmica.ods" },
    { 2025, "Àrea d'Acció Social / Serveis", FITA_FORMS_XLSX, "2025 - Àrea d'Acció Social _ Serveis.xlsx" },
    { 2025, "a:b*c?d\"e<f>g|h\\i", FITA_FORMS_ODS, "2025 - a_b_c_d_e_f_g_h_i.ods" },
    { 2025, "..", FITA_FORMS_ODS, "2025 - _..ods" },
    { 2025, "  Servei  ", FITA_FORMS_ODS, "2025 - Servei.ods" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = fita_forms_file_name (cases[i].year, cases[i].agent, cases[i].format);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* A key is printed and read back; anything else is not a key. */
static void
test_key (void)
{
  FitaFormKey key = { (char *) UUID, 2024, FITA_TABLE_ITEM, 12, (char *) "0123456789abcdef" };
  g_autofree char *text = fita_form_key_to_string (&key);
  g_autoptr(FitaFormKey) parsed = fita_form_key_parse (text);
  const char *bad[] = {
    NULL, "", "fita-form 1",
    "fita-form 2;" UUID ";2024;item;12;0123456789abcdef",
    "fita-form 1;" UUID ";2024;item;12;0123456789abcdef;",
    "fita-form 1;" UUID ";2024;item;12",
    "fita-form 1;not-a-uuid;2024;item;12;0123456789abcdef",
    "fita-form 1;" UUID ";24;item;12;0123456789abcdef",
    "fita-form 1;" UUID ";-2024;item;12;0123456789abcdef",
    "fita-form 1;" UUID ";2024;budget_line;12;0123456789abcdef",
    "fita-form 1;" UUID ";2024;item;0;0123456789abcdef",
    "fita-form 1;" UUID ";2024;item;-3;0123456789abcdef",
    "fita-form 1;" UUID ";2024;item;1e3;0123456789abcdef",
    "fita-form 1;" UUID ";2024;item;12;0123456789ABCDEF",
    "fita-form 1;" UUID ";2024;item;12;0123456789abcde",
    "fita-form 1;" UUID ";2024;item;12;0123456789abcdeg",
    " fita-form 1;" UUID ";2024;item;12;0123456789abcdef",
  };

  g_assert_cmpstr (text, ==, "fita-form 1;" UUID ";2024;item;12;0123456789abcdef");
  g_assert_nonnull (parsed);
  g_assert_cmpstr (parsed->plan_uuid, ==, UUID);
  g_assert_cmpint (parsed->year, ==, 2024);
  g_assert_cmpint (parsed->table, ==, FITA_TABLE_ITEM);
  g_assert_cmpint (parsed->id, ==, 12);
  g_assert_cmpstr (parsed->digest, ==, "0123456789abcdef");
  {
    FitaFormKey indicator = { (char *) UUID, 2030, FITA_TABLE_INDICATOR, 7, (char *) "fedcba9876543210" };
    g_autofree char *other = fita_form_key_to_string (&indicator);
    g_autoptr(FitaFormKey) back = fita_form_key_parse (other);
    g_assert_nonnull (back);
    g_assert_cmpint (back->table, ==, FITA_TABLE_INDICATOR);
    g_assert_cmpint (back->id, ==, 7);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(FitaFormKey) refused = fita_form_key_parse (bad[i]);
      if (refused != NULL)
        g_error ("“%s” was read as a key", bad[i]);
    }
}

/* The digest of an item's row changes with every field the form holds
 * for the year, with the agent the row is sent to, and with nothing
 * else. */
static void
test_digest (void)
{
  g_autoptr(FitaPlan) plan = make_plan ("ca");
  FitaItem *one = fita_test_item (plan, "1.1");
  FitaIndicator *indicator = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_INDICATOR, fita_test_item (plan, "1.2")->rec.id), 0);
  FitaChapter *chapter2 = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_CHAPTER, 0), 1);
  FitaStatus *done = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "Acabat");
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *texts[] = { "execution", "strengths", "weaknesses", "next_steps" };
  char *digest;

#define SEEN_NEW(d) G_STMT_START {                                         \
    char *new_ = (d);                                                      \
    for (guint s_ = 0; s_ < seen->len; s_++)                               \
      g_assert_cmpstr (g_ptr_array_index (seen, s_), !=, new_);            \
    g_assert_cmpuint (strlen (new_), ==, 16);                              \
    g_ptr_array_add (seen, new_);                                          \
  } G_STMT_END

  digest = fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024);
  SEEN_NEW (digest);
  /* the same when asked again, and not changed by what the form does not hold */
  g_assert_true (fita_plan_set_text (plan, one, "title", "Un altre títol", &error));
  g_assert_true (fita_plan_set_text (plan, one, "notes", "Notes", &error));
  g_assert_true (fita_plan_set_budget (plan, one->rec.id, 2024, chapter2->rec.id, 90000, FITA_NONE, &error));
  g_assert_true (fita_plan_set_budget (plan, one->rec.id, 2023, chapter2->rec.id, FITA_NONE, 2000, &error));
  g_assert_true (fita_plan_set_followup (plan, one->rec.id, 2024, "adjustments", "Cap", &error));
  g_assert_true (fita_plan_set_followup (plan, one->rec.id, 2023, "execution", "L'any abans", &error));
  g_assert_no_error (error);
  digest = fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024);
  g_assert_cmpstr (digest, ==, g_ptr_array_index (seen, 0));
  g_free (digest);

  /* another agent's row, another digest */
  SEEN_NEW (fita_forms_row_digest (plan, "Servei B", FITA_TABLE_ITEM, one->rec.id, 2024));
  /* another year, another digest */
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2025));
  /* every field of the row */
  g_assert_true (fita_plan_set_int (plan, one, "status_id", done->rec.id, &error));
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024));
  g_assert_true (fita_plan_set_int (plan, one, "progress", 3050, &error));
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024));
  g_assert_true (fita_plan_set_budget (plan, one->rec.id, 2024, chapter2->rec.id, 90000, 100, &error));
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024));
  g_assert_true (fita_plan_set_budget (plan, one->rec.id, 2024, chapter2->rec.id, 90000, 0, &error));
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_true (fita_plan_set_followup (plan, one->rec.id, 2024, texts[i], "Nou text", &error));
      SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_ITEM, one->rec.id, 2024));
    }
  g_assert_no_error (error);

  /* an indicator's row: its value for the year */
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_INDICATOR, indicator->rec.id, 2024));
  g_assert_true (fita_plan_set_indicator_value (plan, indicator->rec.id, 2023, "3", NULL, &error));
  digest = fita_forms_row_digest (plan, "Servei A", FITA_TABLE_INDICATOR, indicator->rec.id, 2024);
  g_assert_cmpstr (digest, ==, g_ptr_array_index (seen, seen->len - 1));
  g_free (digest);
  g_assert_true (fita_plan_set_indicator_value (plan, indicator->rec.id, 2024, "5", NULL, &error));
  SEEN_NEW (fita_forms_row_digest (plan, "Servei A", FITA_TABLE_INDICATOR, indicator->rec.id, 2024));
  g_assert_no_error (error);
#undef SEEN_NEW
}

/* A part of a zip archive, as text. */
static guint
count (const char *text, const char *what)
{
  guint n = 0;

  for (const char *at = text; (at = strstr (at, what)) != NULL; at += strlen (what))
    n++;
  return n;
}

static FitaSheet *
read_sheet (const char *path, FitaFormsFormat format, const char *name)
{
  g_autoptr(GError) error = NULL;
  FitaSheet *sheet = format == FITA_FORMS_XLSX ? fita_sheet_read_xlsx (path, name, &error)
                                               : fita_sheet_read_ods (path, name, &error);

  g_assert_no_error (error);
  return sheet;
}

static const char *
cell (FitaSheet *sheet, guint row, guint column)
{
  FitaSheetRow *r;

  g_assert_cmpuint (row, <, sheet->rows->len);
  r = g_ptr_array_index (sheet->rows, row);
  return column < fita_sheet_row_length (r) ? r->cells[column] : "";
}

/* The sheets the core's readers see, and in the XML what they do not:
 * every sheet protected with only the cells to fill unlocked, the key
 * column and sheet hidden, the status a list of the plan's statuses. */
typedef struct {
  const char *lang;
  const char *items;         /* the sheets' names and two headers, in the plan's language */
  const char *indicators;
  const char *code;
  const char *title;
} Language;

static void
check_form (FitaPlan *plan, const Language *language, FitaFormsFormat format, const char *dir)
{
  FitaAgent *a = fita_test_agent (plan, "Servei A");
  g_autofree char *name = fita_forms_file_name (2024, a->name, format);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sheets = NULL;
  g_autoptr(FitaSheet) items = NULL;
  g_autoptr(FitaSheet) indicators = NULL;
  g_autoptr(FitaSheet) key = NULL;
  g_autoptr(FitaSheet) instructions = NULL;
  const char *statuses[] = { "No iniciat", "En curs", "Acabat" };
  guint n_columns;

  g_assert_true (fita_forms_write (plan, a, 2024, format, path, NULL, &error));
  g_assert_no_error (error);

  sheets = fita_sheet_list_sheets (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheets), ==, 4);
  g_assert_cmpstr (sheets[1], ==, language->items);
  g_assert_cmpstr (sheets[2], ==, language->indicators);
  g_assert_cmpstr (sheets[3], ==, "fita-key");

  /* the items sheet: a header, then only the agent's items */
  items = read_sheet (path, format, sheets[1]);
  g_assert_cmpuint (items->rows->len, ==, 3);
  g_assert_cmpstr (cell (items, 0, 0), ==, language->code);
  g_assert_cmpstr (cell (items, 0, 1), ==, language->title);
  g_assert_nonnull (strstr (cell (items, 0, 5), "2024"));
  g_assert_nonnull (strstr (cell (items, 0, 5), "Capítol 1"));
  g_assert_cmpstr (cell (items, 1, 0), ==, "1.1");
  g_assert_cmpstr (cell (items, 1, 1), ==, "Acció u");
  g_assert_cmpstr (cell (items, 1, 2), ==, "Acció");
  g_assert_cmpstr (cell (items, 1, 3), ==, "En curs");
  g_assert_cmpstr (cell (items, 1, 4), ==, "30");
  g_assert_cmpstr (cell (items, 1, 5), ==, "4702.33");   /* executed in 2024, not planned */
  g_assert_cmpstr (cell (items, 1, 6), ==, "");          /* 2023's amount is not 2024's */
  g_assert_cmpstr (cell (items, 1, 7), ==, "Fet a mitges");
  g_assert_cmpstr (cell (items, 1, 8), ==, "Bon equip");
  g_assert_cmpstr (cell (items, 2, 0), ==, "1.2");
  g_assert_cmpstr (cell (items, 2, 4), ==, "88.3");
  n_columns = fita_sheet_row_length (g_ptr_array_index (items->rows, 0));
  g_assert_cmpuint (n_columns, ==, 5 + 2 + 4 + 1);
  for (guint r = 1; r < items->rows->len; r++)
    {
      FitaItem *it = fita_test_item (plan, cell (items, r, 0));
      g_autoptr(FitaFormKey) parsed = fita_form_key_parse (cell (items, r, n_columns - 1));
      g_autofree char *digest = fita_forms_row_digest (plan, a->name, FITA_TABLE_ITEM, it->rec.id, 2024);
      g_assert_nonnull (parsed);
      g_assert_cmpstr (parsed->plan_uuid, ==, UUID);
      g_assert_cmpint (parsed->year, ==, 2024);
      g_assert_cmpint (parsed->table, ==, FITA_TABLE_ITEM);
      g_assert_cmpint (parsed->id, ==, it->rec.id);
      g_assert_cmpstr (parsed->digest, ==, digest);
    }

  indicators = read_sheet (path, format, sheets[2]);
  g_assert_cmpuint (indicators->rows->len, ==, 2);
  g_assert_cmpstr (cell (indicators, 1, 0), ==, "1.2");
  g_assert_cmpstr (cell (indicators, 1, 1), ==, "Tallers");
  g_assert_cmpstr (cell (indicators, 1, 4), ==, "4");
  g_assert_true (g_str_has_prefix (cell (indicators, 1, 5), "fita-form 1;" UUID ";2024;indicator;"));

  /* the hidden sheet: each keyed row's sheet, row and key */
  key = read_sheet (path, format, "fita-key");
  g_assert_cmpuint (key->rows->len, ==, 1 + 2 + 1);
  g_assert_cmpstr (cell (key, 1, 0), ==, language->items);
  g_assert_cmpstr (cell (key, 1, 1), ==, "2");
  g_assert_cmpstr (cell (key, 1, 2), ==, cell (items, 1, n_columns - 1));
  g_assert_cmpstr (cell (key, 3, 0), ==, language->indicators);
  g_assert_cmpstr (cell (key, 3, 2), ==, cell (indicators, 1, 5));

  instructions = read_sheet (path, format, sheets[0]);
  g_assert_cmpstr (cell (instructions, 0, 0), ==, "Pla de prova");
  g_assert_nonnull (strstr (cell (instructions, 3, 0), "Servei A"));
  g_assert_nonnull (strstr (cell (instructions, 2, 0), "2024"));

  if (format == FITA_FORMS_ODS)
    {
      g_autofree char *content = fita_test_zip_part (path, "content.xml");
      g_autofree char *condition = NULL;
      g_autofree char *mimetype = fita_test_zip_part (path, "mimetype");

      g_assert_cmpstr (mimetype, ==, "application/vnd.oasis.opendocument.spreadsheet");
      /* every table protected; the cells to fill are the only ones unprotected */
      g_assert_cmpuint (count (content, "<table:table "), ==, 4);
      g_assert_cmpuint (count (content, "table:protected=\"true\""), ==, 4);
      g_assert_nonnull (strstr (content, "<style:style style:name=\"ce-lock\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
                                         "<style:table-cell-properties fo:background-color=\"#eeeeec\""));
      g_assert_cmpuint (count (content, "style:cell-protect=\"none\""), ==, 3);
      /* a row: code, title, level locked; status, percent, amounts, texts open; the key locked */
      g_assert_nonnull (strstr (content, "<table:table-row table:style-name=\"ro-1\"><table:table-cell table:style-name=\"ce-lock\" office:value-type=\"string\"><text:p>1.1</text:p>"
                                         "</table:table-cell><table:table-cell table:style-name=\"ce-lockwrap\" office:value-type=\"string\"><text:p>Acció u</text:p>"
                                         "</table:table-cell><table:table-cell table:style-name=\"ce-lock\" office:value-type=\"string\"><text:p>Acció</text:p>"
                                         "</table:table-cell><table:table-cell table:style-name=\"ce-open\" table:content-validation-name=\"val-status\""));
      /* rows as high as their wrapped texts: the items' headers take lines */
      g_assert_nonnull (strstr (content, "<style:style style:name=\"ro-2\" style:family=\"table-row\"><style:table-row-properties "
                                         "style:row-height=\"0.95cm\" style:use-optimal-row-height=\"true\"/>"));
      {
        g_autofree char *table = g_strdup_printf ("<table:table table:name=\"%s\"", language->items);
        const char *header = strstr (strstr (content, table), "<table:table-header-rows><table:table-row table:style-name=\"ro-");
        g_assert_nonnull (header);
        g_assert_cmpint (atoi (header + strlen ("<table:table-header-rows><table:table-row table:style-name=\"ro-")), >=, 2);
      }
      /* the key column collapsed, the key table not shown */
      g_assert_cmpuint (count (content, "table:visibility=\"collapse\""), ==, 2);
      g_assert_nonnull (strstr (content, "<table:table table:name=\"fita-key\" table:style-name=\"ta-hidden\""));
      g_assert_nonnull (strstr (content, "<style:style style:name=\"ta-hidden\" style:family=\"table\"><style:table-properties table:display=\"false\"/>"));
      /* the status column: a list of the plan's statuses, in order */
      condition = g_strdup_printf ("table:condition=\"of:cell-content-is-in-list(&quot;%s&quot;;&quot;%s&quot;;&quot;%s&quot;)\"",
                                   statuses[0], statuses[1], statuses[2]);
      g_assert_nonnull (strstr (content, condition));
      g_assert_cmpuint (count (content, "table:content-validation-name=\"val-status\""), ==, 2);
    }
  else
    {
      g_autofree char *workbook = fita_test_zip_part (path, "xl/workbook.xml");
      g_autofree char *styles = fita_test_zip_part (path, "xl/styles.xml");
      g_autofree char *sheet = fita_test_zip_part (path, "xl/worksheets/sheet2.xml");
      g_autofree char *list = g_strdup_printf ("<formula1>\"%s,%s,%s\"</formula1>", statuses[0], statuses[1], statuses[2]);
      g_autofree char *hidden_column = g_strdup_printf ("<col min=\"%u\" max=\"%u\" width=\"20.7109375\" hidden=\"1\"", n_columns, n_columns);
      g_autoptr(GRegex) unlocked = g_regex_new ("<c r=\"D2\" s=\"(\\d+)\"", 0, 0, NULL);
      g_autoptr(GRegex) locked = g_regex_new ("<c r=\"A2\" s=\"(\\d+)\"", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_auto(GStrv) xfs = NULL;
      g_autofree char *cell_xfs = NULL;
      g_autofree char *index = NULL;

      g_assert_nonnull (strstr (workbook, "<sheet name=\"fita-key\" sheetId=\"4\" state=\"hidden\""));
      for (guint s = 1; s <= 4; s++)
        {
          g_autofree char *part = g_strdup_printf ("xl/worksheets/sheet%u.xml", s);
          g_autofree char *xml = fita_test_zip_part (path, part);
          g_assert_nonnull (strstr (xml, "<sheetProtection sheet=\"1\" "));
        }
      g_assert_nonnull (strstr (sheet, hidden_column));
      /* rows as high as their wrapped texts: the headers take lines */
      g_assert_nonnull (strstr (sheet, "<row r=\"1\" spans=\"1:12\" ht=\""));
      g_assert_nonnull (strstr (sheet, "customHeight=\"1\""));
      g_assert_nonnull (strstr (sheet, "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"D2:D3\">"));
      g_assert_nonnull (strstr (sheet, list));
      /* a cell to fill is unlocked, a code is not */
      cell_xfs = g_strndup (strstr (styles, "<cellXfs"), strstr (styles, "</cellXfs>") - strstr (styles, "<cellXfs"));
      xfs = g_strsplit (cell_xfs, "<xf ", -1);
      g_assert_true (g_regex_match (unlocked, sheet, 0, &match));
      index = g_match_info_fetch (match, 1);
      g_assert_nonnull (strstr (xfs[1 + atoi (index)], "<protection locked=\"0\"/>"));
      g_clear_pointer (&match, g_match_info_free);
      g_clear_pointer (&index, g_free);
      g_assert_true (g_regex_match (locked, sheet, 0, &match));
      index = g_match_info_fetch (match, 1);
      g_assert_null (strstr (xfs[1 + atoi (index)], "locked=\"0\""));
    }
}

static void
test_workbooks (void)
{
  const Language languages[] = {
    { "ca", "Elements", "Indicadors", "Codi", "Títol" },
    { "es", "Elementos", "Indicadores", "Código", "Título" },
    { "en", "Items", "Indicators", "Code", "Title" },
  };
  g_autofree char *dir = fita_test_tmpdir ();

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(FitaPlan) plan = make_plan (languages[l].lang);
      g_autofree char *sub = g_build_filename (dir, languages[l].lang, NULL);

      g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
      check_form (plan, &languages[l], FITA_FORMS_ODS, sub);
      check_form (plan, &languages[l], FITA_FORMS_XLSX, sub);
    }
}

/* No form for an agent with no item, nor for a year Fita cannot follow,
 * nor for a year outside the plan's period or closed; nothing written. */
static void
test_refused (void)
{
  g_autoptr(FitaPlan) plan = make_plan ("ca");
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "form.ods", NULL);
  struct { const char *agent; gint64 year; int code; const char *words; } cases[] = {
    { "Servei C", 2024, FITA_ERROR_INVALID, "“Servei C” is responsible for no item" },
    { "Servei A", 99999, FITA_ERROR_INVALID, "99999 is not a year Fita can follow up" },
    { "Servei A", 2021, FITA_ERROR_INVALID, "2021 is outside the plan's period (2022–2026)" },
    { "Servei A", 2027, FITA_ERROR_INVALID, "2027 is outside the plan's period (2022–2026)" },
    { "Servei A", 2024, FITA_ERROR_INVALID, "2024 is closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      if (strstr (cases[i].words, "closed") != NULL)
        g_assert_true (fita_plan_close_year (plan, 2024, NULL, NULL));
      g_assert_false (fita_forms_write (plan, fita_test_agent (plan, cases[i].agent), cases[i].year, FITA_FORMS_ODS, path, NULL, &error));
      g_assert_error (error, FITA_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].words);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  /* the next year, followed up now, is made */
  g_assert_true (fita_forms_write (plan, fita_test_agent (plan, "Servei A"), 2025, FITA_FORMS_XLSX, path, NULL, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/forms/agents-and-items", test_agents_and_items);
  g_test_add_func ("/forms/services-involved", test_services_involved);
  g_test_add_func ("/forms/file-names", test_file_names);
  g_test_add_func ("/forms/key", test_key);
  g_test_add_func ("/forms/digest", test_digest);
  g_test_add_func ("/forms/workbooks", test_workbooks);
  g_test_add_func ("/forms/refused", test_refused);
  return g_test_run ();
}
