/* Importing plans from tables: the seeds' own tables, every value form,
 * the hierarchy however a table gives it, every refusal (all at once, with
 * their lines, and their sheets), mappings, follow-ups, the plan's lists,
 * and exports headed in Catalan, Spanish and English that import back as
 * they were: a table of the test's own, and Fita's XLSX, ODS and CSV. */
#include "fita-error.h"
#include "fita-export.h"
#include "fita-i18n.h"
#include "fita-json.h"
#include "fita-import.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-test-util.h"

#include <string.h>

static FitaPlan *
import_text (const char *text, const char *mapping_json, FitaImportReport **report, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, strlen (text), 0, &local);
  g_autoptr(FitaImportMapping) mapping = NULL;

  g_assert_no_error (local);
  if (mapping_json != NULL)
    {
      mapping = fita_import_mapping_load (mapping_json, strlen (mapping_json), &local);
      g_assert_no_error (local);
    }
  return fita_import_sheet (sheet, mapping, "Prova", report, error);
}

static FitaPlan *
imported (const char *text, const char *mapping_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  FitaPlan *plan = import_text (text, mapping_json, &report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return plan;
}

/* A refused table: no plan, an error that lists the problems, a report. */
static FitaImportReport *
refused (const char *text, const char *mapping_json)
{
  g_autoptr(GError) error = NULL;
  FitaImportReport *report = NULL;
  g_autoptr(FitaPlan) plan = import_text (text, mapping_json, &report, &error);

  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_true (strstr (error->message, "nothing was imported") != NULL);
  g_assert_cmpuint (report->problems->len, >, 0);
  return report;
}

static gboolean
has_problem (GPtrArray *list, guint line, const char *code, const char *fragment)
{
  for (guint i = 0; i < list->len; i++)
    {
      FitaImportProblem *problem = g_ptr_array_index (list, i);
      if (problem->line == line && g_strcmp0 (problem->code, code) == 0 && strstr (problem->message, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
assert_problem (FitaImportReport *report, guint line, const char *code, const char *fragment)
{
  if (!has_problem (report->problems, line, code, fragment))
    {
      for (guint i = 0; i < report->problems->len; i++)
        {
          FitaImportProblem *problem = g_ptr_array_index (report->problems, i);
          g_printerr ("%u %s %s\n", problem->line, problem->code, problem->message);
        }
      g_error ("no problem on line %u (%s) with “%s”", line, code, fragment);
    }
}

static FitaItem *
item (FitaPlan *plan, const char *code)
{
  FitaItem *found = fita_plan_find_item (plan, code);

  g_assert_nonnull (found);
  return found;
}

static const char *
name_of (FitaPlan *plan, FitaTableId table, gint64 id)
{
  const FitaTable *t = fita_table (table);
  gpointer record = id != 0 ? fita_plan_lookup (plan, table, id) : NULL;

  return record != NULL ? fita_record_get_text (record, &t->fields[t->name_field]) : NULL;
}

static const char *
parent_code (FitaPlan *plan, FitaItem *child)
{
  FitaItem *parent = child->parent_id != 0 ? fita_plan_lookup (plan, FITA_TABLE_ITEM, child->parent_id) : NULL;

  return parent != NULL ? parent->code : NULL;
}

static guint
children (FitaPlan *plan, FitaItem *parent)
{
  return fita_plan_list (plan, FITA_TABLE_ITEM, parent != NULL ? parent->rec.id : 0)->len;
}

/* The seeds */

static char *
seed_text (const char *name)
{
  g_autofree char *text = NULL;
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "seeds", name, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return g_steal_pointer (&text);
}

/* The table of a seed that starts with the line beginning with start, up
 * to the first empty line. */
static char *
seed_table (const char *seed, const char *start)
{
  const char *from = strstr (seed, start);
  const char *to;

  g_assert_nonnull (from);
  to = strstr (from, "\n\n");
  return g_strndup (from, to != NULL ? (gsize) (to - from) + 1 : strlen (from));
}

#define UNDER_11 "{\"under\": {\"code\": \"11\", \"title\": \"ESS als barris\", \"level\": \"Programa\"}, " \
                 "\"levels\": {\"Actuacions\": \"Actuació\"}}"

/* Seed 000: the programme's sub-actions and its executed budget, as the
 * follow-up sheet has them one after the other, imported as they are. */
static void
test_seed_000 (void)
{
  g_autofree char *seed = seed_text ("000_736048d532a00a6c.txt");
  g_autofree char *actions = seed_table (seed, "Actuacions\t");
  g_autofree char *budget = seed_table (seed, "Pressupost executat 2019-2026\t");
  g_autofree char *both = g_strconcat (actions, "\n", budget, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = import_text (both, UNDER_11, &report, &error);
  static const char * const titles[] = { "Radiografia d'agents i antenes dels barris", "Disseny acció amb agents del territori",
                                         "Tallers generació idees àmbit ESS", "Tallers de formació en emprenedoria",
                                         "Formació agents específics barris" };
  static const gint64 progress[] = { 3000, 1000, 0, 0, 2000 };
  static const char * const chapters[] = { "Capítol 1", "Capítol 2. Cofinançament de personal", "Capítol 2. Altres conceptes",
                                           "Altres (Capítol, 4, 6 o altres)" };
  FitaItem *programme;
  FitaBudgetSum sum;
  GPtrArray *lines;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  programme = item (plan, "11");
  g_assert_cmpstr (programme->title, ==, "ESS als barris");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, programme->level_id), ==, "Programa");
  g_assert_cmpuint (children (plan, programme), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("11.%u", i + 1);
      FitaItem *action = item (plan, code);
      g_assert_cmpstr (action->title, ==, titles[i]);
      g_assert_cmpint (action->progress_bp, ==, progress[i]);
      g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, action->level_id), ==, "Actuació");
      g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, action->status_id), ==, progress[i] > 0 ? "En curs" : "No iniciat");
      g_assert_cmpint (action->end_year, ==, progress[i] > 0 ? 2024 : FITA_NONE);
      g_assert_cmpint (action->start_year, ==, FITA_NONE);
      g_assert_cmpstr (action->other_services, ==, "Servei d'Emprenedoria i Economia Social");
    }
  /* the mean of 30, 10, 0, 0 and 20 */
  g_assert_cmpint (fita_plan_progress (plan, programme), ==, 12);
  g_assert_cmpint (fita_plan_progress (plan, NULL), ==, 12);

  for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
    g_assert_cmpstr (((FitaChapter *) g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_CHAPTER, 0), i))->name, ==,
                     chapters[i]);
  fita_plan_budget_sum (plan, programme, FITA_NONE, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 470233 + 752136);
  fita_plan_budget_sum (plan, programme, 2023, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 470233);
  fita_plan_budget_sum (plan, programme, 2024, 0, &sum);
  g_assert_cmpint (sum.executed, ==, 752136);
  /* "0 €" in 2019 is an amount; "- €" everywhere else is none */
  lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, programme->rec.id);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpint (((FitaBudgetLine *) g_ptr_array_index (lines, 0))->year, ==, 2019);
  g_assert_cmpint (((FitaBudgetLine *) g_ptr_array_index (lines, 0))->executed_cents, ==, 0);
  g_assert_cmpint (((FitaBudgetLine *) g_ptr_array_index (lines, 0))->planned_cents, ==, FITA_NONE);
  fita_plan_budget_sum (plan, programme, 2020, 0, &sum);
  g_assert_cmpint (sum.executed, ==, FITA_NONE);

  /* the sheet's total row names no item: left out, and said so */
  g_assert_true (has_problem (report->notes, 7, NULL, "no code and no title"));
  g_assert_cmpuint (report->n_items, ==, 6);
}

/* The sub-action table alone, with nothing said of it: five actions whose
 * mean is the plan's 12 %. */
static void
test_seed_000_alone (void)
{
  g_autofree char *seed = seed_text ("000_736048d532a00a6c.txt");
  g_autofree char *actions = seed_table (seed, "Actuacions\t");
  g_autoptr(FitaPlan) plan = imported (actions, NULL);

  g_assert_cmpuint (children (plan, NULL), ==, 5);
  g_assert_cmpint (fita_plan_progress (plan, NULL), ==, 12);
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Prova");
}

/* Seed 004: the XMESS work plan, to the end of the seed: three tables,
 * each with its header twice over (years, then semesters under them),
 * lines and objectives named in the titles, actions beside them, who does
 * what in "QUI?". */
static void
test_seed_004 (void)
{
  g_autofree char *seed = seed_text ("004_7e7809804a2c3889.txt");
  const char *from = strstr (seed, "OBJECTIUS PLA DE TREBALL");
  g_autofree char *table = g_strconcat (from, "\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = import_text (table, "{\"levels\": {\"PROPOSTES D'ACCIONS 2017-2019\": \"Acció\"}}",
                                          &report, &error);
  static const char * const lines[] = { "I", "II", "III" };
  static const guint objectives[] = { 2, 2, 3 };
  static const guint actions[][3] = { { 8, 5 }, { 5, 5 }, { 6, 3, 2 } };
  GPtrArray *who;
  guint n_actions = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (children (plan, NULL), ==, 3);
  for (guint l = 0; l < 3; l++)
    {
      FitaItem *line = item (plan, lines[l]);
      g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, line->level_id), ==, "Línia estratègica");
      g_assert_cmpuint (children (plan, line), ==, objectives[l]);
      for (guint o = 0; o < objectives[l]; o++)
        {
          g_autofree char *code = g_strdup_printf ("%s.%u", lines[l], o + 1);
          FitaItem *objective = item (plan, code);
          g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, objective->level_id), ==, "Objectiu");
          g_assert_cmpuint (children (plan, objective), ==, actions[l][o]);
          for (guint a = 0; a < actions[l][o]; a++)
            {
              g_autofree char *action_code = g_strdup_printf ("%s.%u", code, a + 1);
              FitaItem *action = item (plan, action_code);
              g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, action->level_id), ==, "Acció");
              g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, action->rec.id)->len, >, 0);
              n_actions++;
            }
        }
    }
  g_assert_cmpuint (n_actions, ==, 34);
  g_assert_cmpstr (item (plan, "I")->title, ==, "AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI");
  g_assert_cmpstr (item (plan, "II.2")->title, ==,
                   "Relacionar-se amb els actors i xarxes representatives a escala nacional i internacional de l'ESS");

  /* "- Línies bàsiques: comissió tècnica - Execució: secretaria tècnica" */
  who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item (plan, "I.1.1")->rec.id);
  g_assert_cmpuint (who->len, ==, 2);
  g_assert_cmpstr (name_of (plan, FITA_TABLE_AGENT, ((FitaResponsibility *) who->pdata[0])->agent_id), ==, "Comissió tècnica");
  g_assert_cmpint (((FitaResponsibility *) who->pdata[0])->role, ==, FITA_ROLE_DEFINES);
  g_assert_cmpstr (name_of (plan, FITA_TABLE_AGENT, ((FitaResponsibility *) who->pdata[1])->agent_id), ==, "Secretaria tècnica");
  g_assert_cmpint (((FitaResponsibility *) who->pdata[1])->role, ==, FITA_ROLE_EXECUTES);
  /* "… - Suport: secretaria tècnica" */
  who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item (plan, "III.3.1")->rec.id);
  g_assert_cmpint (((FitaResponsibility *) who->pdata[who->len - 1])->role, ==, FITA_ROLE_SUPPORTS);
  /* one body, however a row capitalises it */
  g_assert_nonnull (fita_plan_find_by_name (plan, FITA_TABLE_AGENT, "Comissió executiva"));

  /* the first line's level is misspelt ("Línia estratègia"): the same level */
  g_assert_true (has_problem (report->notes, 3, NULL, "Línia estratègia"));
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_LEVEL), ==, 3);
}

/* Values as officers write them */

static void
test_money (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Any;Previst;Executat\n"
                                       "1;Un;2023;4.702,33 €;4702.33\n"
                                       "2;Dos;2023;- €;\n"
                                       "3;Tres;2023;0,00 €;0 €\n"
                                       "4;Quatre;2023;\"120.000,00 €\";€4,702.33\n", NULL);
  FitaBudgetLine *line;

  line = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item (plan, "1")->rec.id), 0);
  g_assert_cmpint (line->planned_cents, ==, 470233);
  g_assert_cmpint (line->executed_cents, ==, 470233);
  /* "- €" and an empty cell are no amount: no budget line at all */
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item (plan, "2")->rec.id)->len, ==, 0);
  /* 0 € is an amount */
  line = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item (plan, "3")->rec.id), 0);
  g_assert_cmpint (line->planned_cents, ==, 0);
  g_assert_cmpint (line->executed_cents, ==, 0);
  line = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, item (plan, "4")->rec.id), 0);
  g_assert_cmpint (line->planned_cents, ==, 12000000);
  g_assert_cmpint (line->executed_cents, ==, 470233);
}

/* Amount columns headed by their year or their chapter; planned amounts
 * with no year anywhere are the item's total for the period. */
static void
test_money_columns (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi,Títol,Pressupost,Previst 2024,Executat 2024\n"
                                       "1,Un,\"12.000,00 €\",\"1.000 €\",\"500,5 €\"\n", NULL);
  g_autoptr(FitaImportReport) chapter = refused ("Codi,Títol,Capítol 1\n1,Un,20 €\n", NULL);
  FitaItem *one = item (plan, "1");
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, one->rec.id);
  FitaBudgetLine *year = g_ptr_array_index (lines, 0);

  g_assert_cmpint (one->planned_total_cents, ==, 1200000);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpint (year->year, ==, 2024);
  g_assert_cmpint (year->planned_cents, ==, 100000);
  g_assert_cmpint (year->executed_cents, ==, 50050);
  /* an amount of a chapter needs its year */
  assert_problem (chapter, 2, "1", "“Capítol 1”: the amount 20 € has no year");
}

static void
test_percents (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Estat;Percentatge\n"
                                       "1;Un;;30 %\n2;Dos;;30%\n3;Tres;;30\xc2\xa0%\n4;Quatre;;88,3 %\n"
                                       "5;Cinc;En curs (30 %);\n6;Sis;No iniciat (0 %);\n7;Set;Acabat;100\n"
                                       "8;Vuit;En curs (30 %);30 %\n9;Nou;;\n", NULL);
  static const gint64 expected[] = { 3000, 3000, 3000, 8830, 3000, 0, 10000, 3000, FITA_NONE };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *code = g_strdup_printf ("%u", i + 1);
      g_assert_cmpint (item (plan, code)->progress_bp, ==, expected[i]);
    }
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, item (plan, "5")->status_id), ==, "En curs");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, item (plan, "6")->status_id), ==, "No iniciat");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, item (plan, "7")->status_id), ==, "Acabat");
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_STATUS), ==, 3);
}

static void
test_when (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Any d'inici;Any de final;Semestres\n"
                                       "1;Un;2018;2019;\"2018 1r semestre, S2 2018; 2019-1\"\n"
                                       "2;Dos;15/03/2018;31/12/2019;2017\n"
                                       "3;Tres;03/2018;2019-06;\n", NULL);
  FitaItem *one = item (plan, "1"), *two = item (plan, "2"), *three = item (plan, "3");

  g_assert_cmpint (one->start_year, ==, 2018);
  g_assert_cmpint (one->end_year, ==, 2019);
  g_assert_cmpstr (one->semesters, ==, "2018-1 2018-2 2019-1");
  g_assert_cmpstr (two->start_date, ==, "2018-03-15");
  g_assert_cmpstr (two->end_date, ==, "2019-12-31");
  g_assert_cmpint (two->start_year, ==, FITA_NONE);
  g_assert_cmpstr (two->semesters, ==, "2017-1 2017-2");
  g_assert_cmpstr (three->start_date, ==, "2018-03");
  g_assert_cmpstr (three->end_date, ==, "2019-06");
}

/* A work plan's grid: years over semesters in two header rows, a mark
 * ticks the column's semesters. */
static void
test_grid (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi\tAcció\t2017\t2018\t\t2019\n"
                                       "\t\t\t1r semestre\t2n semestre\t1r semestre\n"
                                       "1\tUn\tx\t\tX\t\n"
                                       "2\tDos\t\t✓\t-\tsí\n", NULL);

  g_assert_cmpstr (item (plan, "1")->semesters, ==, "2017-1 2017-2 2018-2");
  g_assert_cmpstr (item (plan, "2")->semesters, ==, "2018-1 2019-1");
}

static void
test_text (void)
{
  /* "l·l" and accents composed or decomposed are one: stored as NFC; a
   * name is one whatever its case and accents, and keeps its first spelling */
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Estat;Qui\n"
                                       "1;Col·laboracio\xcc\x81;En curs;comissio\xcc\x81 te\xcc\x80" "cnica (executa)\n"
                                       "2;Acció;en curs;\"Comissió tècnica (defineix); Secretaria tècnica (dona suport)\"\n"
                                       "3;Altra;EN CURS;COMISSIO TECNICA (executa)\n", NULL);
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item (plan, "2")->rec.id);

  g_assert_cmpstr (item (plan, "1")->title, ==, "Col·laboració");
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_STATUS), ==, 1);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_AGENT), ==, 2);
  g_assert_cmpstr (name_of (plan, FITA_TABLE_AGENT, ((FitaResponsibility *) who->pdata[0])->agent_id), ==, "Comissió tècnica");
  g_assert_cmpint (((FitaResponsibility *) who->pdata[1])->role, ==, FITA_ROLE_SUPPORTS);
}

/* The tree */

/* A parent-code column places each item, its code no prefix of its
 * parent's, its parent before or after it. */
static void
test_parent_column (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Codi pare;Títol\n"
                                       "A1;O3;Acció\nO3;;Objectiu\nX;A1;Actuació\nY;;Altre\n", NULL);

  g_assert_cmpstr (parent_code (plan, item (plan, "A1")), ==, "O3");
  g_assert_cmpstr (parent_code (plan, item (plan, "X")), ==, "A1");
  g_assert_null (parent_code (plan, item (plan, "O3")));
  g_assert_cmpuint (children (plan, NULL), ==, 2);
}

static void
test_dotted_codes (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi,Títol\n1,Un\n1.1,U u\n1.1.1,U u u\n1.2,U d\nO3,Objectiu\nO3.A1,Acció\n"
                                       "2.1,Sense pare\n", NULL);

  g_assert_cmpstr (parent_code (plan, item (plan, "1.1.1")), ==, "1.1");
  g_assert_cmpstr (parent_code (plan, item (plan, "1.2")), ==, "1");
  g_assert_cmpstr (parent_code (plan, item (plan, "O3.A1")), ==, "O3");
  g_assert_null (parent_code (plan, item (plan, "2.1")));
  g_assert_cmpuint (children (plan, item (plan, "1")), ==, 2);
}

/* A level column: a level met for the first time is one deeper; one met
 * before goes back to its place. Levels get the depth where they occur. */
static void
test_level_column (void)
{
  g_autoptr(FitaPlan) plan = imported ("Nivell;Codi;Títol\n"
                                       "Eix;E1;Primer\nObjectiu;O1;Un\nAcció;A1;Fer\nAcció;A2;Desfer\nObjectiu;O2;Dos\n"
                                       "Eix;E2;Segon\nObjectiu;O3;Tres\n", NULL);
  GPtrArray *levels = fita_plan_list (plan, FITA_TABLE_LEVEL, 0);

  g_assert_cmpstr (parent_code (plan, item (plan, "A2")), ==, "O1");
  g_assert_cmpstr (parent_code (plan, item (plan, "O2")), ==, "E1");
  g_assert_cmpstr (parent_code (plan, item (plan, "O3")), ==, "E2");
  g_assert_cmpuint (levels->len, ==, 3);
  g_assert_cmpstr (((FitaLevel *) levels->pdata[2])->name, ==, "Acció");
  g_assert_cmpint (((FitaLevel *) levels->pdata[2])->depth, ==, 2);
}

/* Titles in several columns, left to right a level deeper; codes in the
 * titles; items with none get their parent's code and their place. */
static void
test_outline (void)
{
  g_autoptr(FitaPlan) plan = imported ("Objectiu;Acció;Qui\n"
                                       "Objectiu 1. Diagnosi;Mapeig;Servei (executa)\n;Entrevistes;\n"
                                       "Objectiu 2. Formació;Tallers;\n", NULL);

  g_assert_cmpstr (item (plan, "1")->title, ==, "Diagnosi");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, item (plan, "1")->level_id), ==, "Objectiu");
  g_assert_cmpstr (item (plan, "1.2")->title, ==, "Entrevistes");
  g_assert_cmpstr (item (plan, "2.1")->title, ==, "Tallers");
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, item (plan, "1.1")->rec.id)->len, ==, 1);
}

/* A row whose level is the plan's names the plan and its period. */
static void
test_plan_row (void)
{
  g_autoptr(FitaPlan) plan = imported ("Nivell;Codi;Títol;Inici;Final\n"
                                       "Pla;;Pla de barris 2025-2028;2025;2028\n"
                                       "Eix;1;Habitatge;2025;2026\n", NULL);
  FitaPlanInfo *info = fita_plan_get_info (plan);

  g_assert_cmpstr (info->title, ==, "Pla de barris 2025-2028");
  g_assert_cmpint (info->period_start, ==, 2025);
  g_assert_cmpint (info->period_end, ==, 2028);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 1);
}

/* Rows that repeat an item's code add budget lines and indicator values
 * to it, restating its title or not; they make no second item. */
static void
test_repeated_rows (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Any;Capítol;Previst;Executat;Indicador;Valor\n"
                                       "1;Un;2023;Capítol 1;1.000 €;900 €;Tallers;4\n"
                                       "1;;2024;Capítol 1;2.000 €;;;6\n"
                                       "1;Un;2024;Capítol 2;500 €;;Persones;Pendent d'avaluar\n"
                                       ";;2025;Capítol 2;700 €;;;\n", NULL);
  FitaItem *one = item (plan, "1");
  GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, one->rec.id);
  GPtrArray *indicators = fita_plan_list (plan, FITA_TABLE_INDICATOR, one->rec.id);
  FitaIndicator *workshops = g_ptr_array_index (indicators, 0);
  GPtrArray *values = fita_plan_list (plan, FITA_TABLE_INDICATOR_VALUE, workshops->rec.id);

  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 1);
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpint (((FitaBudgetLine *) lines->pdata[3])->year, ==, 2025);
  g_assert_cmpuint (indicators->len, ==, 2);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpstr (((FitaIndicatorValue *) values->pdata[1])->value, ==, "6");
  g_assert_cmpint (((FitaIndicatorValue *) values->pdata[1])->year, ==, 2024);
  g_assert_true (((FitaIndicator *) indicators->pdata[1])->pending);
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_CHAPTER), ==, 2);
}

/* Refusals: every problem at once, each with its line and code */
static void
test_refusals (void)
{
  g_autoptr(FitaImportReport) report = refused (
    "Codi;Codi pare;Títol;Estat;Percentatge;Any;Previst;Executat;Any d'inici\n"  /* 1 */
    "1;;Un;;;;;;\n"                                                               /* 2 */
    "1;;Un altre;;;;;;\n"                                                         /* 3: duplicate code */
    "2;99;Dos;;;;;;\n"                                                            /* 4: missing parent */
    "3;;Tres;;;2023;quatre euros;;\n"                                             /* 5: unreadable amount */
    "4;;Quatre;;130 %;;;;\n"                                                      /* 6: percent out of range */
    "5;6;Cinc;;;;;;\n"                                                            /* 7: a circle */
    "6;5;Sis;;;;;;\n"                                                             /* 8 */
    "7;;Set;;;;1.000 €;;\n"                                                       /* 9: amount with no year */
    "8;;Vuit;;;2023;1.000 €;;\n"                                                  /* 10 */
    "8;;;;;2023;2.000 €;;\n"                                                      /* 11: given twice */
    "9;;Nou;En curs (30 %);40 %;;;;\n"                                            /* 12: two percents */
    "10;;Deu;;;;;;\n"                                                             /* 13 */
    "10;;;Acabat;;;;;\n"                                                          /* 14: a repeat with another value */
    "11;;Onze;;;;;;;x\n"                                                          /* 15: one field too many */
    "12;;Dotze\n"                                                                 /* 16: fields missing */
    "13;;Tretze;;;1850;1 €;;\n"                                                   /* 17: a year Fita cannot plan */
    "14;;Catorze;;;2023;-5 €;;\n"                                                 /* 18: negative */
    "15;;Quinze;;;;;;31/02/2024\n"                                                /* 19: no such date */
    "16;;Setze\x01;;;;;;\n",                                                      /* 20: a control character */
    NULL);

  assert_problem (report, 3, "1", "already used on line 2");
  assert_problem (report, 4, "2", "parent code “99”");
  assert_problem (report, 5, "3", "not an amount");
  assert_problem (report, 6, "4", "not a percentage");
  g_assert_true (has_problem (report->problems, 7, "5", "circle") || has_problem (report->problems, 8, "6", "circle"));
  assert_problem (report, 9, "7", "has no year");
  assert_problem (report, 11, "8", "given twice, here and on line 10");
  assert_problem (report, 12, "9", "the status says");
  assert_problem (report, 14, "10", "repeats the item of line 13");
  assert_problem (report, 15, NULL, "fields");
  assert_problem (report, 16, NULL, "fields");
  assert_problem (report, 17, "13", "1900");
  assert_problem (report, 18, "14", "negative");
  assert_problem (report, 19, "15", "not a year or a date");
  assert_problem (report, 20, "16", "control character");
  g_assert_cmpuint (report->problems->len, ==, 15);
}

static void
test_refusals_table (void)
{
  g_autoptr(FitaImportReport) amounts = refused ("Any;Executat\n2023;1.000 €\n", NULL);
  g_autoptr(FitaImportReport) columns = refused ("Codi;Títol;Codi\n1;Un;2\n", NULL);
  g_autoptr(FitaImportReport) empty = refused ("Codi;Títol\n\n", NULL);
  g_autoptr(FitaImportReport) value = refused ("Codi;Títol;Indicador;Valor;Any de l'indicador\n1;Un;Tallers;4;\n"
                                               "2;Dos;;5;2024\n", NULL);
  g_autoptr(FitaImportReport) under = refused ("Codi;Títol\n11;Un altre\n", UNDER_11);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) blank = fita_sheet_read_csv ("\n\n", 2, 0, NULL);

  assert_problem (amounts, 2, NULL, "belong to no item");
  assert_problem (columns, 1, NULL, "both read as “code”");
  assert_problem (empty, 0, NULL, "nothing to import");
  assert_problem (value, 2, "1", "has no year");
  assert_problem (value, 3, "2", "belongs to no indicator");
  assert_problem (under, 2, "11", "imported under");
  g_assert_null (fita_import_sheet (blank, NULL, NULL, NULL, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
}

/* A chain of parent codes deeper than a plan may be. */
static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("Codi;Codi pare;Títol\n");
  g_autoptr(FitaImportReport) report = NULL;

  for (guint i = 0; i < FITA_MAX_DEPTH + 2; i++)
    g_string_append_printf (text, "c%u;%s%u;Nivell %u\n", i, i > 0 ? "c" : "", i > 0 ? i - 1 : 0, i);
  g_string_replace (text, ";0;", ";;", 1);
  report = refused (text->str, NULL);
  assert_problem (report, FITA_MAX_DEPTH + 2, "c64", "more than 64 levels");
}

/* The error lists the first 100 problems and counts the rest. */
static void
test_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("Codi;Títol;Percentatge\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(FitaPlan) plan = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (text, "%u;Acció;200 %%\n", i);
  plan = import_text (text->str, NULL, &report, &error);
  g_assert_null (plan);
  g_assert_cmpuint (report->problems->len, ==, 150);
  g_assert_true (g_str_has_prefix (error->message, "The table has 150 problems; nothing was imported:\nline 2 (0): "));
  g_assert_true (g_str_has_suffix (error->message, "… and 50 more problems"));
}

/* Mappings */

static void
test_mapping (void)
{
  g_autoptr(FitaImportMapping) mapping = fita_import_mapping_new ();
  g_autoptr(FitaImportMapping) again = NULL;
  g_autoptr(FitaImportReport) report = NULL;
  static const char text[] = "Ref;Nom;Cosa;Previst 2024\n1;Un;x;\"1,500\"\n";
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, sizeof text - 1, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *json = NULL;
  FitaColumn column;

  g_assert_true (fita_import_mapping_guess (mapping, sheet, &error));
  g_assert_cmpuint (fita_import_mapping_get_n_headers (mapping), ==, 4);
  g_assert_true (fita_import_mapping_get_column (mapping, "Ref", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_CODE);
  g_assert_true (fita_import_mapping_get_column (mapping, "Cosa", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_NONE);
  g_assert_true (fita_import_mapping_get_column (mapping, "Previst 2024", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_PLANNED);

  /* chosen rather than guessed; amounts written the English way */
  fita_import_mapping_set_column (mapping, "Cosa", FITA_COLUMN_DESCRIPTION);
  fita_import_mapping_set_language (mapping, "en");
  fita_import_mapping_set_level (mapping, "Nom", "Acció");
  fita_import_mapping_set_under (mapping, "P", "Programa de prova", NULL);
  json = fita_import_mapping_to_json (mapping);
  again = fita_import_mapping_load (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (fita_import_mapping_get_column (again, "Cosa", &column));
  g_assert_cmpint (column, ==, FITA_COLUMN_DESCRIPTION);
  g_assert_cmpstr (fita_import_mapping_get_language (again), ==, "en");
  g_assert_cmpstr (fita_import_mapping_get_level (again, "Nom"), ==, "Acció");

  fita_import_mapping_set_column (again, "Codi", FITA_COLUMN_CODE);
  plan = fita_import_sheet (sheet, again, NULL, &report, &error);
  g_assert_no_error (error);
  /* a header the mapping names but the table lacks is said */
  g_assert_true (has_problem (report->notes, 0, NULL, "“Codi” that the table does not have"));
  g_assert_cmpstr (item (plan, "1")->description, ==, "x");
  g_assert_cmpstr (parent_code (plan, item (plan, "1")), ==, "P");
  g_assert_cmpint (((FitaBudgetLine *) g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE,
                                                                          item (plan, "1")->rec.id), 0))->planned_cents,
                   ==, 150000);
  g_assert_cmpstr (fita_plan_get_info (plan)->language, ==, "en");
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Imported plan");
}

/* A header row below lines of text is found; or named by its number. */
static void
test_header_row (void)
{
  static const char text[] = "Pla de treball\n\nCodi;Títol\n1;Un\n";
  g_autoptr(FitaPlan) found = imported (text, NULL);
  g_autoptr(FitaImportReport) report = refused (text, "{\"header_row\": 4}");
  g_autoptr(FitaImportMapping) beyond = fita_import_mapping_load ("{\"header_row\": 9}", 17, NULL);
  g_autoptr(FitaSheet) sheet = fita_sheet_read_csv (text, sizeof text - 1, 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (item (found, "1")->title, ==, "Un");
  /* row 4 as the header leaves nothing below it */
  assert_problem (report, 0, NULL, "nothing to import");
  g_assert_false (fita_import_mapping_guess (beyond, sheet, &error));
  g_assert_true (strstr (error->message, "header_row") != NULL);
}

static void
test_mapping_refusals (void)
{
  static const char * const wrong[] = {
    "[]", "{", "{\"columns\": {\"Codi\": \"cde\"}}", "{\"columns\": []}", "{\"columns\": {\"Codi\": 3}}",
    "{\"levels\": {\"Acció\": 3}}", "{\"header_row\": -1}", "{\"header_row\": \"2\"}", "{\"language\": \"fr\"}",
    "{\"under\": {\"level\": \"Programa\"}}", "{\"under\": {\"code\": \"1\", \"colour\": \"x\"}}", "{\"under\": \"11\"}",
    "{\"cols\": {}}", "{\"columns\": {\"a\": [[[[[[[[[[1]]]]]]]]]]}}", NULL };

  for (guint i = 0; wrong[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaImportMapping) mapping = fita_import_mapping_load (wrong[i], strlen (wrong[i]), &error);
      g_assert_null (mapping);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* Exports headed in Catalan, Spanish or English import back */

static const char *
role_word (FitaRole role, const char *lang)
{
  static const char * const words[][4] = {
    { "defineix", "executa", "dona suport", "altre" },
    { "define", "ejecuta", "apoya", "otro" },
    { "defines", "executes", "supports", "other" },
  };

  return words[g_str_equal (lang, "ca") ? 0 : g_str_equal (lang, "es") ? 1 : 2][role];
}

static void
add_cell (GString *out, int column, const char *text)
{
  if (column > 0)
    g_string_append_c (out, ';');
  if (text != NULL && strpbrk (text, ";\"\n") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (out, "\"%s\"", escaped);
    }
  else if (text != NULL)
    g_string_append (out, text);
}

/* A plan as a table, one column of each kind headed as an export heads
 * it: a row for the plan, one for each item, one more for each budget line
 * and indicator value. A test's small exporter, not Fita's. */
static char *
plan_to_table (FitaPlan *plan, const char *lang)
{
  g_autoptr(FitaTranslator) translator = fita_translator_new (lang);
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  FitaPlanInfo *info = fita_plan_get_info (plan);
  GString *out = g_string_new (NULL);
  g_autofree char *period_start = g_strdup_printf ("%d", (int) info->period_start);
  g_autofree char *period_end = g_strdup_printf ("%d", (int) info->period_end);
  char *row[FITA_N_COLUMNS];

  for (int c = 0; c < FITA_N_COLUMNS; c++)
    add_cell (out, c, fita_column_header (c, translator));
  g_string_append_c (out, '\n');

#define ROW(...) G_STMT_START { \
    memset (row, 0, sizeof row); \
    __VA_ARGS__; \
    for (int c = 0; c < FITA_N_COLUMNS; c++) \
      add_cell (out, c, row[c]); \
    g_string_append_c (out, '\n'); \
  } G_STMT_END

  ROW (row[FITA_COLUMN_LEVEL] = g_str_equal (lang, "ca") ? "Pla" : "Plan";
       row[FITA_COLUMN_TITLE] = info->title;
       row[FITA_COLUMN_START] = info->period_start != FITA_NONE ? period_start : NULL;
       row[FITA_COLUMN_END] = info->period_end != FITA_NONE ? period_end : NULL);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *it = g_ptr_array_index (items, i);
      GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, it->rec.id);
      GPtrArray *lines = fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, it->rec.id);
      GPtrArray *indicators = fita_plan_list (plan, FITA_TABLE_INDICATOR, it->rec.id);
      g_autoptr(GString) agents = g_string_new (NULL);
      g_autofree char *progress = fita_percent_format_hundredths (it->progress_bp, -1, lang);
      g_autofree char *start = it->start_year != FITA_NONE ? g_strdup_printf ("%d", (int) it->start_year) : g_strdup (it->start_date);
      g_autofree char *end = it->end_year != FITA_NONE ? g_strdup_printf ("%d", (int) it->end_year) : g_strdup (it->end_date);
      g_autofree char *weight = g_strdup_printf ("%d", (int) it->weight);
      g_autofree char *total = fita_money_format (it->planned_total_cents, lang);

      for (guint w = 0; w < who->len; w++)
        {
          FitaResponsibility *r = g_ptr_array_index (who, w);
          g_string_append_printf (agents, "%s%s (%s%s%s)", w > 0 ? "; " : "", name_of (plan, FITA_TABLE_AGENT, r->agent_id),
                                  role_word (r->role, lang), r->note != NULL ? ": " : "", r->note != NULL ? r->note : "");
        }
      ROW (row[FITA_COLUMN_CODE] = it->code;
           row[FITA_COLUMN_PARENT_CODE] = (char *) parent_code (plan, it);
           row[FITA_COLUMN_LEVEL] = (char *) name_of (plan, FITA_TABLE_LEVEL, it->level_id);
           row[FITA_COLUMN_TITLE] = it->title;
           row[FITA_COLUMN_DESCRIPTION] = it->description;
           row[FITA_COLUMN_STATUS] = (char *) name_of (plan, FITA_TABLE_STATUS, it->status_id);
           row[FITA_COLUMN_PROGRESS] = it->progress_bp != FITA_NONE ? progress : NULL;
           row[FITA_COLUMN_START] = start;
           row[FITA_COLUMN_END] = end;
           row[FITA_COLUMN_SEMESTERS] = it->semesters;
           row[FITA_COLUMN_WHO] = agents->str;
           row[FITA_COLUMN_OTHER_SERVICES] = it->other_services;
           row[FITA_COLUMN_WEIGHT] = weight;
           row[FITA_COLUMN_PLANNED_TOTAL] = it->planned_total_cents != FITA_NONE ? total : NULL);
      for (guint b = 0; b < lines->len; b++)
        {
          FitaBudgetLine *line = g_ptr_array_index (lines, b);
          g_autofree char *year = g_strdup_printf ("%d", (int) line->year);
          g_autofree char *planned = line->planned_cents != FITA_NONE ? fita_money_format (line->planned_cents, lang) : NULL;
          g_autofree char *executed = line->executed_cents != FITA_NONE ? fita_money_format (line->executed_cents, lang) : NULL;
          ROW (row[FITA_COLUMN_CODE] = it->code;
               row[FITA_COLUMN_YEAR] = year;
               row[FITA_COLUMN_CHAPTER] = (char *) name_of (plan, FITA_TABLE_CHAPTER, line->chapter_id);
               row[FITA_COLUMN_PLANNED] = planned;
               row[FITA_COLUMN_EXECUTED] = executed);
        }
      for (guint n = 0; n < indicators->len; n++)
        {
          FitaIndicator *indicator = g_ptr_array_index (indicators, n);
          GPtrArray *values = fita_plan_list (plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
          if (indicator->pending)
            ROW (row[FITA_COLUMN_CODE] = it->code;
                 row[FITA_COLUMN_INDICATOR] = indicator->name;
                 row[FITA_COLUMN_INDICATOR_VALUE] = g_str_equal (lang, "en") ? "pending evaluation" : "Pendent d'avaluar");
          for (guint v = 0; v < values->len; v++)
            {
              FitaIndicatorValue *value = g_ptr_array_index (values, v);
              g_autofree char *year = g_strdup_printf ("%d", (int) value->year);
              ROW (row[FITA_COLUMN_CODE] = it->code;
                   row[FITA_COLUMN_INDICATOR] = indicator->name;
                   row[FITA_COLUMN_INDICATOR_VALUE] = value->value;
                   row[FITA_COLUMN_INDICATOR_YEAR] = year);
            }
        }
    }
#undef ROW
  return g_string_free (out, FALSE);
}

static void
assert_same_list (FitaPlan *a, FitaItem *x, FitaPlan *b, FitaItem *y, FitaTableId table)
{
  /* x NULL: the plan's own (follow-ups) */
  GPtrArray *one = fita_plan_list (a, table, x != NULL ? x->rec.id : 0);
  GPtrArray *two = fita_plan_list (b, table, y != NULL ? y->rec.id : 0);

  g_assert_cmpuint (one->len, ==, two->len);
  for (guint i = 0; i < one->len; i++)
    {
      if (table == FITA_TABLE_RESPONSIBILITY)
        {
          FitaResponsibility *r = one->pdata[i], *s = two->pdata[i];
          g_assert_cmpstr (name_of (a, FITA_TABLE_AGENT, r->agent_id), ==, name_of (b, FITA_TABLE_AGENT, s->agent_id));
          g_assert_cmpint (r->role, ==, s->role);
          g_assert_cmpstr (r->note, ==, s->note);
        }
      else if (table == FITA_TABLE_BUDGET_LINE)
        {
          FitaBudgetLine *r = one->pdata[i], *s = two->pdata[i];
          g_assert_cmpint (r->year, ==, s->year);
          g_assert_cmpstr (name_of (a, FITA_TABLE_CHAPTER, r->chapter_id), ==, name_of (b, FITA_TABLE_CHAPTER, s->chapter_id));
          g_assert_cmpint (r->planned_cents, ==, s->planned_cents);
          g_assert_cmpint (r->executed_cents, ==, s->executed_cents);
        }
      else if (table == FITA_TABLE_FOLLOWUP)
        {
          FitaFollowup *r = one->pdata[i], *s = two->pdata[i];
          g_assert_cmpint (r->year, ==, s->year);
          g_assert_cmpstr (r->execution, ==, s->execution);
          g_assert_cmpstr (r->strengths, ==, s->strengths);
          g_assert_cmpstr (r->weaknesses, ==, s->weaknesses);
          g_assert_cmpstr (r->other, ==, s->other);
          g_assert_cmpstr (r->adjustments, ==, s->adjustments);
          g_assert_cmpstr (r->next_steps, ==, s->next_steps);
        }
      else
        {
          FitaIndicator *r = one->pdata[i], *s = two->pdata[i];
          GPtrArray *u = fita_plan_list (a, FITA_TABLE_INDICATOR_VALUE, r->rec.id);
          GPtrArray *v = fita_plan_list (b, FITA_TABLE_INDICATOR_VALUE, s->rec.id);
          g_assert_cmpstr (r->name, ==, s->name);
          g_assert_cmpint (r->pending, ==, s->pending);
          g_assert_cmpuint (u->len, ==, v->len);
          for (guint k = 0; k < u->len; k++)
            {
              g_assert_cmpint (((FitaIndicatorValue *) u->pdata[k])->year, ==, ((FitaIndicatorValue *) v->pdata[k])->year);
              g_assert_cmpstr (((FitaIndicatorValue *) u->pdata[k])->value, ==, ((FitaIndicatorValue *) v->pdata[k])->value);
            }
        }
    }
}

static void
test_round_trip (void)
{
  static const char * const examples[] = { "terrassa-ess-2019-2026", "terrassa-serveis-socials-2023-2027",
                                           "xmess-2017-2019", "barcelona-impulsem-2016-2021" };
  static const char * const langs[] = { "ca", "es", "en" };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(FitaPlan) plan = fita_test_example (examples[e]);
        g_autofree char *table = plan_to_table (plan, langs[l]);
        g_autoptr(FitaPlan) back = imported (table, NULL);
        g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
        g_autoptr(GPtrArray) again = fita_plan_items_preorder (back, NULL);

        g_test_message ("%s in %s", examples[e], langs[l]);
        g_assert_cmpstr (fita_plan_get_info (back)->title, ==, fita_plan_get_info (plan)->title);
        g_assert_cmpint (fita_plan_get_info (back)->period_start, ==, fita_plan_get_info (plan)->period_start);
        g_assert_cmpint (fita_plan_get_info (back)->period_end, ==, fita_plan_get_info (plan)->period_end);
        g_assert_cmpuint (items->len, ==, again->len);
        for (guint i = 0; i < items->len; i++)
          {
            FitaItem *x = items->pdata[i], *y = again->pdata[i];
            g_assert_cmpstr (x->code, ==, y->code);
            g_assert_cmpstr (parent_code (plan, x), ==, parent_code (back, y));
            g_assert_cmpstr (x->title, ==, y->title);
            g_assert_cmpstr (x->description, ==, y->description);
            g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, x->level_id), ==, name_of (back, FITA_TABLE_LEVEL, y->level_id));
            g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, x->status_id), ==, name_of (back, FITA_TABLE_STATUS, y->status_id));
            g_assert_cmpint (x->progress_bp, ==, y->progress_bp);
            g_assert_cmpint (x->start_year, ==, y->start_year);
            g_assert_cmpint (x->end_year, ==, y->end_year);
            g_assert_cmpstr (x->start_date, ==, y->start_date);
            g_assert_cmpstr (x->end_date, ==, y->end_date);
            g_assert_cmpstr (x->semesters, ==, y->semesters);
            g_assert_cmpstr (x->other_services, ==, y->other_services);
            g_assert_cmpint (x->weight, ==, y->weight);
            g_assert_cmpint (x->planned_total_cents, ==, y->planned_total_cents);
            assert_same_list (plan, x, back, y, FITA_TABLE_RESPONSIBILITY);
            assert_same_list (plan, x, back, y, FITA_TABLE_BUDGET_LINE);
            assert_same_list (plan, x, back, y, FITA_TABLE_INDICATOR);
          }
      }
}


/* Fita's own exports */

typedef enum {
  SAME_ITEMS = 1 << 0,     /* the plan's title and period, every item's own fields, responsibilities */
  SAME_DETAILS = 1 << 1,   /* budget lines, indicators and their values, follow-ups (items' and the plan's) */
  SAME_LISTS = 1 << 2,     /* levels, statuses (with their percents) and chapters, in the plan's order */
} Same;

static void
assert_same_names (FitaPlan *a, FitaPlan *b, FitaTableId table)
{
  GPtrArray *one = fita_plan_list (a, table, 0), *two = fita_plan_list (b, table, 0);

  g_assert_cmpuint (one->len, ==, two->len);
  for (guint i = 0; i < one->len; i++)
    {
      g_assert_cmpstr (name_of (a, table, ((FitaRecord *) one->pdata[i])->id), ==,
                       name_of (b, table, ((FitaRecord *) two->pdata[i])->id));
      if (table == FITA_TABLE_STATUS)
        g_assert_cmpint (((FitaStatus *) one->pdata[i])->percent, ==, ((FitaStatus *) two->pdata[i])->percent);
      if (table == FITA_TABLE_LEVEL)
        g_assert_cmpint (((FitaLevel *) one->pdata[i])->depth, ==, ((FitaLevel *) two->pdata[i])->depth);
    }
}

/* back holds what a spreadsheet carries of plan (fita-export.h). */
static void
assert_same_plan (FitaPlan *plan, FitaPlan *back, Same same)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autoptr(GPtrArray) again = fita_plan_items_preorder (back, NULL);
  FitaPlanInfo *info = fita_plan_get_info (plan), *got = fita_plan_get_info (back);

  g_assert_cmpstr (got->title, ==, info->title);
  g_assert_cmpstr (got->description, ==, info->description);
  g_assert_cmpint (got->period_start, ==, info->period_start);
  g_assert_cmpint (got->period_end, ==, info->period_end);
  g_assert_cmpuint (items->len, ==, again->len);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *x = items->pdata[i], *y = again->pdata[i];
      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpstr (parent_code (plan, x), ==, parent_code (back, y));
      g_assert_cmpint (x->position, ==, y->position);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, x->level_id), ==, name_of (back, FITA_TABLE_LEVEL, y->level_id));
      g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, x->status_id), ==, name_of (back, FITA_TABLE_STATUS, y->status_id));
      g_assert_cmpint (x->progress_bp, ==, y->progress_bp);
      g_assert_cmpint (fita_plan_progress_bp (plan, x), ==, fita_plan_progress_bp (back, y));
      g_assert_cmpint (x->start_year, ==, y->start_year);
      g_assert_cmpint (x->end_year, ==, y->end_year);
      g_assert_cmpstr (x->start_date, ==, y->start_date);
      g_assert_cmpstr (x->end_date, ==, y->end_date);
      g_assert_cmpstr (x->semesters, ==, y->semesters);
      g_assert_cmpstr (x->other_services, ==, y->other_services);
      g_assert_cmpint (x->weight, ==, y->weight);
      g_assert_cmpint (x->planned_total_cents, ==, y->planned_total_cents);
      assert_same_list (plan, x, back, y, FITA_TABLE_RESPONSIBILITY);
      if (same & SAME_DETAILS)
        {
          assert_same_list (plan, x, back, y, FITA_TABLE_BUDGET_LINE);
          assert_same_list (plan, x, back, y, FITA_TABLE_INDICATOR);
          assert_same_list (plan, x, back, y, FITA_TABLE_FOLLOWUP);
        }
    }
  if (same & SAME_DETAILS)
    {
      FitaBudgetSum sum_a, sum_b;
      assert_same_list (plan, NULL, back, NULL, FITA_TABLE_FOLLOWUP);
      fita_plan_budget_sum (plan, NULL, FITA_NONE, 0, &sum_a);
      fita_plan_budget_sum (back, NULL, FITA_NONE, 0, &sum_b);
      g_assert_cmpint (sum_a.planned, ==, sum_b.planned);
      g_assert_cmpint (sum_a.executed, ==, sum_b.executed);
    }
  if (same & SAME_LISTS)
    {
      assert_same_names (plan, back, FITA_TABLE_LEVEL);
      assert_same_names (plan, back, FITA_TABLE_STATUS);
      assert_same_names (plan, back, FITA_TABLE_CHAPTER);
    }
}

static const char * const all_examples[] = { "terrassa-ess-2019-2026", "terrassa-serveis-socials-2023-2027",
                                             "xmess-2017-2019", "barcelona-impulsem-2016-2021", "barcelona-espai-ess" };
static const char * const langs[] = { "ca", "es", "en" };

/* A plan made from a table read as the app and fita-cli read files: no
 * problem, and nothing to note either. */
static FitaPlan *
import_file (const char *path, const char *format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaSheet) sheet = fita_sheet_read_path (path, format, NULL, &error);
  g_autoptr(FitaImportReport) report = NULL;
  FitaPlan *back;

  g_assert_no_error (error);
  back = fita_import_sheet (sheet, NULL, "Prova", &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  for (guint i = 0; i < report->notes->len; i++)
    g_test_message ("note: %s", ((FitaImportProblem *) report->notes->pdata[i])->message);
  g_assert_cmpuint (report->notes->len, ==, 0);
  return back;
}

/* Every example plan, in each language, to XLSX and ODS and back: the
 * first sheet with the sheets that add to it, read as one table. */
static void
test_round_trip_workbooks (void)
{
  g_autofree char *dir = fita_test_tmpdir ();

  for (guint e = 0; e < G_N_ELEMENTS (all_examples); e++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint f = 0; f < 2; f++)
        {
          g_autoptr(FitaPlan) plan = fita_test_example (all_examples[e]);
          g_autofree char *path = g_strdup_printf ("%s/%s-%s.%s", dir, all_examples[e], langs[l], f == 0 ? "xlsx" : "ods");
          g_autoptr(FitaPlan) back = NULL;
          g_autoptr(GError) error = NULL;

          g_test_message ("%s", path);
          g_assert_true (f == 0 ? fita_export_xlsx (plan, langs[l], path, NULL, &error)
                                : fita_export_ods (plan, langs[l], path, NULL, &error));
          g_assert_no_error (error);
          back = import_file (path, NULL);
          assert_same_plan (plan, back, SAME_ITEMS | SAME_DETAILS | SAME_LISTS);
        }
}

/* The seed's figures survive the trip: 12 %, 12.223,69 € of 120.000 €,
 * the indicators pending evaluation, the programme's follow-up of 2024,
 * the status "En curs" with no percent between two with one. */
static void
test_round_trip_figures (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "terrassa.xlsx", NULL);
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *programme;
  FitaBudgetSum sum;
  GPtrArray *followups, *statuses, *indicators;
  guint pending = 0;

  g_assert_true (fita_export_xlsx (plan, "ca", path, NULL, &error));
  back = import_file (path, "xlsx");
  programme = item (back, "11");
  fita_plan_budget_sum (back, programme, FITA_NONE, 0, &sum);
  g_assert_cmpint (fita_plan_progress (back, programme), ==, 12);
  g_assert_cmpint (sum.executed, ==, 1222369);
  g_assert_cmpint (programme->planned_total_cents, ==, 12000000);
  followups = fita_plan_list (back, FITA_TABLE_FOLLOWUP, programme->rec.id);
  g_assert_cmpuint (followups->len, ==, 1);
  g_assert_cmpint (((FitaFollowup *) followups->pdata[0])->year, ==, 2024);
  g_assert_true (g_str_has_prefix (((FitaFollowup *) followups->pdata[0])->strengths, "Es decidí iniciar un projecte pilot"));
  indicators = fita_plan_list (back, FITA_TABLE_INDICATOR, programme->rec.id);
  g_assert_cmpuint (indicators->len, ==, 5);
  for (guint k = 0; k < indicators->len; k++)
    pending += ((FitaIndicator *) indicators->pdata[k])->pending;
  g_assert_cmpuint (pending, ==, 4);
  statuses = fita_plan_list (back, FITA_TABLE_STATUS, 0);
  g_assert_cmpuint (statuses->len, ==, 3);
  g_assert_cmpstr (((FitaStatus *) statuses->pdata[1])->name, ==, "En curs");
  g_assert_cmpint (((FitaStatus *) statuses->pdata[1])->percent, ==, FITA_NONE);
  g_assert_cmpint (((FitaStatus *) statuses->pdata[2])->percent, ==, 100);
}

/* CSV holds one sheet a file: the items alone bring back the items, the
 * plan's title and period; every sheet one after another in one file,
 * each after an empty line, brings back as much as a workbook. */
static void
test_round_trip_csv (void)
{
  g_autofree char *dir = fita_test_tmpdir ();

  for (guint e = 0; e < G_N_ELEMENTS (all_examples); e++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(FitaPlan) plan = fita_test_example (all_examples[e]);
        g_autofree char *items_path = g_strdup_printf ("%s/%s-%s.csv", dir, all_examples[e], langs[l]);
        g_autofree char *all_path = g_strdup_printf ("%s/%s-%s-all.csv", dir, all_examples[e], langs[l]);
        g_autofree char *items = fita_export_csv (plan, FITA_EXPORT_SHEET_ITEMS, langs[l]);
        g_autoptr(GString) all = g_string_new (NULL);
        g_autoptr(FitaPlan) from_items = NULL;
        g_autoptr(FitaPlan) from_all = NULL;

        g_test_message ("%s in %s", all_examples[e], langs[l]);
        for (guint t = 0; t < FITA_EXPORT_N_SHEETS; t++)
          {
            g_autofree char *table = fita_export_csv (plan, t, langs[l]);
            g_string_append_printf (all, "%s%s", t > 0 ? "\r\n" : "", table);
          }
        g_assert_true (g_file_set_contents (items_path, items, -1, NULL));
        g_assert_true (g_file_set_contents (all_path, all->str, -1, NULL));
        from_items = import_file (items_path, NULL);
        assert_same_plan (plan, from_items, SAME_ITEMS);
        from_all = import_file (all_path, "csv");
        assert_same_plan (plan, from_all, SAME_ITEMS | SAME_DETAILS | SAME_LISTS);
      }
}

static void
add_row (FitaSheet *sheet, guint line, const char *cells)
{
  fita_sheet_add_row (sheet, line, g_strsplit (cells, "|", -1));
}

/* A table read from several sheets: each problem names its sheet, in the
 * order of the sheets; a code a later sheet does not find among the
 * first one's items is a problem there, not a new item. */
static void
test_sheets_named (void)
{
  g_autoptr(FitaSheet) sheet = fita_sheet_new ("Elements");
  FitaSheet *budget = fita_sheet_new ("Pressupost");
  FitaSheet *followup = fita_sheet_new ("Seguiment");
  g_autoptr(FitaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  g_autofree char *first = NULL;
  g_autofree char *json = NULL;
  const char *expected[] = {
    "Elements, row 3 (O1.1): “Percentatge”: “130 %” is not a percentage",
    "Pressupost, row 2 (X9): no item of the sheet “Elements” has the code “X9”",
    "Pressupost, row 4 (O1.1): “Executat”: “molt” is not an amount",
    "Seguiment, row 3: “Punts forts”: a follow-up is of a year, and the row gives none",
  };

  add_row (sheet, 1, "Codi|Títol|Percentatge");
  add_row (sheet, 2, "O1|Primer|");
  add_row (sheet, 3, "O1.1|Segon|130 %");
  add_row (budget, 1, "Codi|Any|Executat");
  add_row (budget, 2, "X9|2023|4.702,33 €");
  add_row (budget, 3, "O1.1|2023|4.702,33 €");
  add_row (budget, 4, "O1.1|2024|molt");
  add_row (followup, 2, "Codi|Any|Punts forts");
  add_row (followup, 3, "||Tot");
  fita_sheet_append (sheet, budget);
  fita_sheet_append (sheet, followup);
  plan = fita_import_sheet (sheet, NULL, "Prova", &report, &error);
  g_assert_null (plan);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = fita_import_problem_format (report->problems->pdata[i], sheet);
      if (!g_str_has_prefix (line, expected[i]))
        g_error ("“%s” is not “%s…”", line, expected[i]);
      g_assert_nonnull (strstr (error->message, expected[i]));
    }
  json = fita_import_report_to_json (report);
  g_assert_nonnull (strstr (json, "\"line\":2,\"code\":\"X9\",\"message\":\"no item of the sheet"));
  g_assert_nonnull (strstr (json, "\"sheet\":\"Pressupost\""));

  /* one sheet: rows as before, with no sheet */
  {
    g_autoptr(FitaSheet) one = fita_sheet_new ("Elements");
    g_autoptr(FitaImportReport) alone = NULL;
    g_autoptr(GError) refused = NULL;
    g_autoptr(FitaPlan) none = NULL;
    add_row (one, 1, "Codi|Títol|Percentatge");
    add_row (one, 3, "O1.1|Segon|130 %");
    none = fita_import_sheet (one, NULL, "Prova", &alone, &refused);
    g_assert_null (none);
    first = fita_import_problem_format (alone->problems->pdata[0], one);
    g_assert_true (g_str_has_prefix (first, "row 3 (O1.1): “Percentatge”"));
    g_assert_null (((FitaImportProblem *) alone->problems->pdata[0])->sheet);
  }
}

/* Follow-up texts with the row's year, headed as councils head them:
 * an item's, several rows of one year adding up; a row of no item, the
 * whole plan's; the plan's own row too. A text twice, or with no year,
 * is a problem. */
static void
test_followups (void)
{
  g_autoptr(FitaPlan) plan = imported (
    "Nivell;Codi;Títol;Any;Observacions sobre l'execució;Punts forts;Punts febles;Altres aspectes a destacar;Ajustaments;Propers passos\n"
    "Pla;;Pla de barris;2024;Avança;;;;;\n"
    "Acció;1;Habitatge;;;;;;;\n"
    "Acció;1;;2024;Fet;Participació;;;;\n"
    ";1;;2024;;;Retard;Res;Cap;Seguir\n"
    ";1;;2025;;;;;;Tancar\n"
    ";;;2023;L'any anterior;;;;;\n", NULL);
  FitaItem *one = item (plan, "1");
  GPtrArray *followups = fita_plan_list (plan, FITA_TABLE_FOLLOWUP, one->rec.id);
  GPtrArray *plans = fita_plan_list (plan, FITA_TABLE_FOLLOWUP, 0);
  FitaFollowup *f;

  g_assert_cmpuint (followups->len, ==, 2);
  f = followups->pdata[0];
  g_assert_cmpint (f->year, ==, 2024);
  g_assert_cmpstr (f->execution, ==, "Fet");
  g_assert_cmpstr (f->strengths, ==, "Participació");
  g_assert_cmpstr (f->weaknesses, ==, "Retard");
  g_assert_cmpstr (f->other, ==, "Res");
  g_assert_cmpstr (f->adjustments, ==, "Cap");
  g_assert_cmpstr (f->next_steps, ==, "Seguir");
  g_assert_cmpstr (((FitaFollowup *) followups->pdata[1])->next_steps, ==, "Tancar");
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpint (((FitaFollowup *) plans->pdata[0])->year, ==, 2024);
  g_assert_cmpstr (((FitaFollowup *) plans->pdata[0])->execution, ==, "Avança");
  g_assert_cmpstr (((FitaFollowup *) plans->pdata[1])->execution, ==, "L'any anterior");

  {
    g_autoptr(FitaImportReport) report = refused ("Codi;Títol;Any;Punts forts;Next steps\n"
                                                  "1;Un;2024;Bé;\n"
                                                  "1;;2024;Millor;\n"
                                                  "2;Dos;;;Demà\n"
                                                  "3;Tres;2400;Bé;\n", NULL);
    assert_problem (report, 3, "1", "“Punts forts” of the follow-up of 2024 is given twice, here and on line 2");
    assert_problem (report, 4, "2", "“Next steps”: a follow-up is of a year, and the row gives none");
    assert_problem (report, 5, "3", "“Any”");
  }
  /* a wrong year on a row of amounts with no follow-up text: said once */
  {
    g_autoptr(FitaImportReport) report = refused ("Codi;Títol;Any;Previst;Punts forts\n1;Un;2024;10 €;\n;;dos mil;5 €;\n", NULL);
    g_assert_cmpuint (report->problems->len, ==, 1);
    assert_problem (report, 3, "1", "“Any”");
  }
}

/* A table of the plan's lists orders its levels, statuses and chapters,
 * keeps those no item uses (a level listed and unused one deeper than the
 * one before it), and gives statuses their percents; names the items use
 * and it does not list come after. */
static void
test_lists_table (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Nivell;Estat;Any;Capítol;Previst\n"
                                       "1;Un;Acció;En curs;2024;Capítol 4;10 €\n"
                                       "1.1;Un u;Subacció;Fet;2024;Capítol 1;5 €\n"
                                       "\n"
                                       "Nivell;Estat;Capítol\n"
                                       "Línia;No iniciat (0 %);Capítol 1\n"
                                       "Acció;En curs;Capítol 2\n"
                                       "Objectiu;Acabat (100 %);\n", NULL);
  GPtrArray *levels = fita_plan_list (plan, FITA_TABLE_LEVEL, 0);
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);
  GPtrArray *chapters = fita_plan_list (plan, FITA_TABLE_CHAPTER, 0);
  static const char * const level_names[] = { "Línia", "Acció", "Objectiu", "Subacció" };
  static const gint64 depths[] = { 0, 0, 1, 1 };
  static const char * const status_names[] = { "No iniciat", "En curs", "Acabat", "Fet" };
  static const gint64 percents[] = { 0, FITA_NONE, 100, FITA_NONE };
  static const char * const chapter_names[] = { "Capítol 1", "Capítol 2", "Capítol 4" };

  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_ITEM), ==, 2);
  g_assert_cmpuint (levels->len, ==, G_N_ELEMENTS (level_names));
  for (guint i = 0; i < levels->len; i++)
    {
      g_assert_cmpstr (((FitaLevel *) levels->pdata[i])->name, ==, level_names[i]);
      g_assert_cmpint (((FitaLevel *) levels->pdata[i])->depth, ==, depths[i]);
    }
  g_assert_cmpuint (statuses->len, ==, G_N_ELEMENTS (status_names));
  for (guint i = 0; i < statuses->len; i++)
    {
      g_assert_cmpstr (((FitaStatus *) statuses->pdata[i])->name, ==, status_names[i]);
      g_assert_cmpint (((FitaStatus *) statuses->pdata[i])->percent, ==, percents[i]);
    }
  g_assert_cmpuint (chapters->len, ==, G_N_ELEMENTS (chapter_names));
  for (guint i = 0; i < chapters->len; i++)
    g_assert_cmpstr (((FitaChapter *) chapters->pdata[i])->name, ==, chapter_names[i]);

  {
    g_autoptr(FitaImportReport) report = refused ("Codi;Títol\n1;Un\n\nEstat;Nivell\n(30 %);Acció\nMig (12,5 %);\n", NULL);
    assert_problem (report, 5, NULL, "the status “(30 %)” has no name");
    assert_problem (report, 6, NULL, "the percent of the status “Mig” is a whole number");
  }
}

/* A spreadsheet's number cells reach the importer in the C locale: an
 * indicator's 1.375 is one and three eighths there, and stays so through
 * an export; in a CSV, Catalan's 1.375 is a thousand and more. */
static void
test_spreadsheet_numbers (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "ratios.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (
    "{\"plan\": {\"title\": \"Ràtios\"}, \"items\": [{\"code\": \"1\", \"title\": \"Un\", \"indicators\": [{\"name\": \"Ràtio\","
    " \"values\": [{\"year\": 2023, \"value\": \"1.375\"}, {\"year\": 2024, \"value\": \"-0.125\"}]}]}]}", -1, &error);
  g_autoptr(FitaPlan) back = NULL;
  g_autoptr(FitaPlan) from_csv = NULL;
  GPtrArray *values;

  g_assert_no_error (error);
  g_assert_true (fita_export_xlsx (plan, "ca", path, NULL, &error));
  back = import_file (path, NULL);
  assert_same_plan (plan, back, SAME_ITEMS | SAME_DETAILS);
  from_csv = imported ("Codi;Títol;Indicador;Any;Valor\n1;Un;Visites;2024;1.375\n", NULL);
  values = fita_plan_list (from_csv, FITA_TABLE_INDICATOR_VALUE,
                           ((FitaRecord *) fita_plan_list (from_csv, FITA_TABLE_INDICATOR, item (from_csv, "1")->rec.id)->pdata[0])->id);
  g_assert_cmpstr (((FitaIndicatorValue *) values->pdata[0])->value, ==, "1375");
}

/* Statuses named as finished or not started count as 100 % and 0 %, as
 * in a plan Fita makes; the ones it knows get their colours. */
static void
test_status_words (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Estat\n"
                                       "1;U;Acabat\n"
                                       "2;Dos;No iniciat\n"
                                       "3;Tres;En curs\n"
                                       "4;Quatre;Ajornada\n"
                                       "5;Cinc;Revisió\n"
                                       "6;Sis;Finalizado\n", NULL);
  struct { const char *name; gint64 percent; const char *colour; } expected[] = {
    { "Acabat", 100, "#2ec27e" }, { "No iniciat", 0, "#9a9996" }, { "En curs", FITA_NONE, "#3584e4" },
    { "Ajornada", FITA_NONE, "#e66100" }, { "Revisió", FITA_NONE, NULL }, { "Finalizado", 100, "#2ec27e" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      FitaStatus *status = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, expected[i].name);
      g_assert_nonnull (status);
      g_assert_cmpint (status->percent, ==, expected[i].percent);
      g_assert_cmpstr (status->colour, ==, expected[i].colour);
    }
  /* and the items' progress follows: 1 is done, 2 not started, 3 unknown */
  g_assert_cmpint (fita_plan_progress_bp (plan, fita_plan_find_item (plan, "1")), ==, 10000);
  g_assert_cmpint (fita_plan_progress_bp (plan, fita_plan_find_item (plan, "2")), ==, 0);
  g_assert_cmpint (fita_plan_progress_bp (plan, fita_plan_find_item (plan, "3")), ==, FITA_NONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/seed-000", test_seed_000);
  g_test_add_func ("/import/seed-000-alone", test_seed_000_alone);
  g_test_add_func ("/import/seed-004", test_seed_004);
  g_test_add_func ("/import/money", test_money);
  g_test_add_func ("/import/money-columns", test_money_columns);
  g_test_add_func ("/import/percents", test_percents);
  g_test_add_func ("/import/when", test_when);
  g_test_add_func ("/import/grid", test_grid);
  g_test_add_func ("/import/text", test_text);
  g_test_add_func ("/import/parent-column", test_parent_column);
  g_test_add_func ("/import/dotted-codes", test_dotted_codes);
  g_test_add_func ("/import/level-column", test_level_column);
  g_test_add_func ("/import/outline", test_outline);
  g_test_add_func ("/import/plan-row", test_plan_row);
  g_test_add_func ("/import/repeated-rows", test_repeated_rows);
  g_test_add_func ("/import/refusals", test_refusals);
  g_test_add_func ("/import/refusals-table", test_refusals_table);
  g_test_add_func ("/import/too-deep", test_too_deep);
  g_test_add_func ("/import/many-problems", test_many_problems);
  g_test_add_func ("/import/mapping", test_mapping);
  g_test_add_func ("/import/header-row", test_header_row);
  g_test_add_func ("/import/mapping-refusals", test_mapping_refusals);
  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/status-words", test_status_words);
  g_test_add_func ("/import/round-trip-workbooks", test_round_trip_workbooks);
  g_test_add_func ("/import/round-trip-figures", test_round_trip_figures);
  g_test_add_func ("/import/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/import/sheets-named", test_sheets_named);
  g_test_add_func ("/import/followups", test_followups);
  g_test_add_func ("/import/lists-table", test_lists_table);
  g_test_add_func ("/import/spreadsheet-numbers", test_spreadsheet_numbers);
  return g_test_run ();
}
