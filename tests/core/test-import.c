/* Importing plans from tables: the seeds' own tables, every value form,
 * the hierarchy however a table gives it, follow-ups, the plan's lists and
 * its statuses. Refusals and mappings are in test-import-refusals.c; the
 * exports that import back in test-import-round-trip.c. */
#include "fita-rollup.h"
#include "fita-test-import.h"
#include "fita-test-util.h"

#include <string.h>

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
  programme = fita_test_item (plan, "11");
  g_assert_cmpstr (programme->title, ==, "ESS als barris");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, programme->level_id), ==, "Programa");
  g_assert_cmpuint (children (plan, programme), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("11.%u", i + 1);
      FitaItem *action = fita_test_item (plan, code);
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
      FitaItem *line = fita_test_item (plan, lines[l]);
      g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, line->level_id), ==, "Línia estratègica");
      g_assert_cmpuint (children (plan, line), ==, objectives[l]);
      for (guint o = 0; o < objectives[l]; o++)
        {
          g_autofree char *code = g_strdup_printf ("%s.%u", lines[l], o + 1);
          FitaItem *objective = fita_test_item (plan, code);
          g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, objective->level_id), ==, "Objectiu");
          g_assert_cmpuint (children (plan, objective), ==, actions[l][o]);
          for (guint a = 0; a < actions[l][o]; a++)
            {
              g_autofree char *action_code = g_strdup_printf ("%s.%u", code, a + 1);
              FitaItem *action = fita_test_item (plan, action_code);
              g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, action->level_id), ==, "Acció");
              g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, action->rec.id)->len, >, 0);
              n_actions++;
            }
        }
    }
  g_assert_cmpuint (n_actions, ==, 34);
  g_assert_cmpstr (fita_test_item (plan, "I")->title, ==, "AJUDAR A ENFORTIR L'ESS A CADA MUNICIPI");
  g_assert_cmpstr (fita_test_item (plan, "II.2")->title, ==,
                   "Relacionar-se amb els actors i xarxes representatives a escala nacional i internacional de l'ESS");

  /* "- Línies bàsiques: comissió tècnica - Execució: secretaria tècnica" */
  who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, fita_test_item (plan, "I.1.1")->rec.id);
  g_assert_cmpuint (who->len, ==, 2);
  g_assert_cmpstr (name_of (plan, FITA_TABLE_AGENT, ((FitaResponsibility *) who->pdata[0])->agent_id), ==, "Comissió tècnica");
  g_assert_cmpint (((FitaResponsibility *) who->pdata[0])->role, ==, FITA_ROLE_DEFINES);
  g_assert_cmpstr (name_of (plan, FITA_TABLE_AGENT, ((FitaResponsibility *) who->pdata[1])->agent_id), ==, "Secretaria tècnica");
  g_assert_cmpint (((FitaResponsibility *) who->pdata[1])->role, ==, FITA_ROLE_EXECUTES);
  /* "… - Suport: secretaria tècnica" */
  who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, fita_test_item (plan, "III.3.1")->rec.id);
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

  line = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, fita_test_item (plan, "1")->rec.id), 0);
  g_assert_cmpint (line->planned_cents, ==, 470233);
  g_assert_cmpint (line->executed_cents, ==, 470233);
  /* "- €" and an empty cell are no amount: no budget line at all */
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, fita_test_item (plan, "2")->rec.id)->len, ==, 0);
  /* 0 € is an amount */
  line = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, fita_test_item (plan, "3")->rec.id), 0);
  g_assert_cmpint (line->planned_cents, ==, 0);
  g_assert_cmpint (line->executed_cents, ==, 0);
  line = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, fita_test_item (plan, "4")->rec.id), 0);
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
  FitaItem *one = fita_test_item (plan, "1");
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
      g_assert_cmpint (fita_test_item (plan, code)->progress_bp, ==, expected[i]);
    }
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, fita_test_item (plan, "5")->status_id), ==, "En curs");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, fita_test_item (plan, "6")->status_id), ==, "No iniciat");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_STATUS, fita_test_item (plan, "7")->status_id), ==, "Acabat");
  g_assert_cmpuint (fita_plan_count (plan, FITA_TABLE_STATUS), ==, 3);
}

static void
test_when (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi;Títol;Any d'inici;Any de final;Semestres\n"
                                       "1;Un;2018;2019;\"2018 1r semestre, S2 2018; 2019-1\"\n"
                                       "2;Dos;15/03/2018;31/12/2019;2017\n"
                                       "3;Tres;03/2018;2019-06;\n", NULL);
  FitaItem *one = fita_test_item (plan, "1"), *two = fita_test_item (plan, "2"), *three = fita_test_item (plan, "3");

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

  g_assert_cmpstr (fita_test_item (plan, "1")->semesters, ==, "2017-1 2017-2 2018-2");
  g_assert_cmpstr (fita_test_item (plan, "2")->semesters, ==, "2018-1 2019-1");
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
  GPtrArray *who = fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, fita_test_item (plan, "2")->rec.id);

  g_assert_cmpstr (fita_test_item (plan, "1")->title, ==, "Col·laboració");
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

  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "A1")), ==, "O3");
  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "X")), ==, "A1");
  g_assert_null (parent_code (plan, fita_test_item (plan, "O3")));
  g_assert_cmpuint (children (plan, NULL), ==, 2);
}

static void
test_dotted_codes (void)
{
  g_autoptr(FitaPlan) plan = imported ("Codi,Títol\n1,Un\n1.1,U u\n1.1.1,U u u\n1.2,U d\nO3,Objectiu\nO3.A1,Acció\n"
                                       "2.1,Sense pare\n", NULL);

  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "1.1.1")), ==, "1.1");
  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "1.2")), ==, "1");
  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "O3.A1")), ==, "O3");
  g_assert_null (parent_code (plan, fita_test_item (plan, "2.1")));
  g_assert_cmpuint (children (plan, fita_test_item (plan, "1")), ==, 2);
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

  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "A2")), ==, "O1");
  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "O2")), ==, "E1");
  g_assert_cmpstr (parent_code (plan, fita_test_item (plan, "O3")), ==, "E2");
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

  g_assert_cmpstr (fita_test_item (plan, "1")->title, ==, "Diagnosi");
  g_assert_cmpstr (name_of (plan, FITA_TABLE_LEVEL, fita_test_item (plan, "1")->level_id), ==, "Objectiu");
  g_assert_cmpstr (fita_test_item (plan, "1.2")->title, ==, "Entrevistes");
  g_assert_cmpstr (fita_test_item (plan, "2.1")->title, ==, "Tallers");
  g_assert_cmpuint (fita_plan_list (plan, FITA_TABLE_RESPONSIBILITY, fita_test_item (plan, "1.1")->rec.id)->len, ==, 1);
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
  FitaItem *one = fita_test_item (plan, "1");
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
  FitaItem *one = fita_test_item (plan, "1");
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
  g_test_add_func ("/import/status-words", test_status_words);
  g_test_add_func ("/import/followups", test_followups);
  g_test_add_func ("/import/lists-table", test_lists_table);
  return g_test_run ();
}
