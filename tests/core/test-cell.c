/* Reading the values of an imported table's cells as officers write them. */
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-test-util.h"

#include <string.h>

static void
test_fold (void)
{
  g_autofree char *a = fita_cell_fold ("Any d'inici");
  g_autofree char *b = fita_cell_fold ("  AÑO  de INICIO:");
  g_autofree char *c = fita_cell_fold ("Col·laboració 2.º");

  g_assert_cmpstr (a, ==, "any d inici");
  g_assert_cmpstr (b, ==, "ano de inicio");
  g_assert_cmpstr (c, ==, "collaboracio 2 o");
}

static void
test_years (void)
{
  g_autoptr(GError) error = NULL;
  gint64 year = 0;

  g_assert_true (fita_cell_parse_year (" 2024 ", FALSE, &year, NULL));
  g_assert_cmpint (year, ==, 2024);
  g_assert_true (fita_cell_parse_year ("Pressupost executat 2023", TRUE, &year, NULL));
  g_assert_cmpint (year, ==, 2023);
  g_assert_false (fita_cell_parse_year ("Pressupost executat 2023", FALSE, &year, NULL));
  /* a period is two years, not one */
  g_assert_false (fita_cell_parse_year ("2019-2026", TRUE, &year, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (fita_cell_parse_year ("1899", FALSE, &year, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_true (strstr (error->message, "1900") != NULL);
  g_assert_false (fita_cell_parse_year ("dos mil", TRUE, &year, NULL));
}

static void
assert_when (const char *text, gint64 year, const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got_date = NULL;
  gint64 got_year = 0;

  g_assert_true (fita_cell_parse_when (text, &got_year, &got_date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (got_year, ==, year);
  g_assert_cmpstr (got_date, ==, date);
}

static void
test_dates (void)
{
  static const char * const wrong[] = { "31/02/2024", "15/03/24", "2024-13", "15.3", "març de 2024", "2024-03-15-1",
                                        "15/03-2024", "1/1/1800", NULL };

  assert_when ("2024", 2024, NULL);
  assert_when ("", FITA_NONE, NULL);
  assert_when ("15/03/2024", FITA_NONE, "2024-03-15");
  assert_when ("5/3/2024", FITA_NONE, "2024-03-05");
  assert_when ("15-03-2024", FITA_NONE, "2024-03-15");
  assert_when ("15.03.2024", FITA_NONE, "2024-03-15");
  assert_when ("2024-03-15", FITA_NONE, "2024-03-15");
  assert_when ("03/2024", FITA_NONE, "2024-03");
  assert_when ("2024-03", FITA_NONE, "2024-03");
  assert_when ("29/02/2024", FITA_NONE, "2024-02-29");
  for (guint i = 0; wrong[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = NULL;
      gint64 year;
      g_assert_false (fita_cell_parse_when (wrong[i], &year, &date, &error));
      g_assert_nonnull (error);
    }
}

static void
assert_semesters (const char *text, gint64 default_year, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *semesters = NULL;

  g_assert_true (fita_cell_parse_semesters (text, default_year, &semesters, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (semesters, ==, expected);
}

static void
test_semesters (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *semesters = NULL;

  assert_semesters ("2018-1", FITA_NONE, "2018-1");
  assert_semesters ("S1 2018", FITA_NONE, "2018-1");
  assert_semesters ("2018 S2", FITA_NONE, "2018-2");
  assert_semesters ("2018 1r semestre", FITA_NONE, "2018-1");
  assert_semesters ("1er semestre 2018", FITA_NONE, "2018-1");
  assert_semesters ("2.º semestre de 2018", FITA_NONE, "2018-2");
  assert_semesters ("segundo semestre 2019", FITA_NONE, "2019-2");
  assert_semesters ("first half of 2019", FITA_NONE, "2019-1");
  assert_semesters ("H2 2019", FITA_NONE, "2019-2");
  assert_semesters ("2017", FITA_NONE, "2017-1 2017-2");
  assert_semesters ("2018 2n semestre, 2017; S1 2019\n2018-2", FITA_NONE, "2017-1 2017-2 2018-2 2019-1");
  assert_semesters ("2017-1 2017-2", FITA_NONE, "2017-1 2017-2");
  assert_semesters ("2on semestre", 2018, "2018-2");
  assert_semesters ("", FITA_NONE, NULL);

  g_assert_false (fita_cell_parse_semesters ("2on semestre", FITA_NONE, &semesters, &error));
  g_assert_true (strstr (error->message, "year") != NULL);
  g_clear_error (&error);
  g_assert_false (fita_cell_parse_semesters ("tercer semestre 2018", FITA_NONE, &semesters, &error));
  g_assert_true (strstr (error->message, "not a semester") != NULL);
  g_clear_error (&error);
  g_assert_false (fita_cell_parse_semesters ("2018 S1, 2250", FITA_NONE, &semesters, &error));
  g_assert_nonnull (error);
}

static void
assert_status (const char *text, const char *name, gint64 progress_bp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  gint64 bp = 0;

  g_assert_true (fita_cell_parse_status (text, &got, &bp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, name);
  g_assert_cmpint (bp, ==, progress_bp);
}

static void
test_status (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 bp;

  assert_status ("En curs (30 %)", "En curs", 3000);
  assert_status ("En curs (30%)", "En curs", 3000);
  assert_status ("En curs (30\xc2\xa0%)", "En curs", 3000);
  assert_status ("No iniciat (0 %)", "No iniciat", 0);
  assert_status ("En curs (88,3 %)", "En curs", 8830);
  assert_status ("Acabat", "Acabat", FITA_NONE);
  assert_status ("30 %", NULL, 3000);
  assert_status ("Acabat (2023)", "Acabat (2023)", FITA_NONE);
  assert_status ("", NULL, FITA_NONE);
  g_assert_false (fita_cell_parse_status ("En curs (130 %)", &name, &bp, &error));
  g_assert_true (strstr (error->message, "0 to 100") != NULL);
}

static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean pending;
  gint64 whole = 0;
  static const struct { const char *text, *lang, *value; } values[] = {
    { "4", "ca", "4" }, { "4,5", "ca", "4.5" }, { "12.5", "ca", "12.5" }, { "1.234,5", "ca", "1234.5" },
    { "1.373", "ca", "1373" }, { "1.373", "en", "1.373" }, { "1,373", "en", "1373" }, { "-3", "es", "-3" },
    { "1 373", "ca", "1373" }, { "1.234.567", "es", "1234567" },
  };

  g_assert_true (fita_cell_parse_whole (" 3 ", &whole, NULL));
  g_assert_cmpint (whole, ==, 3);
  g_assert_false (fita_cell_parse_whole ("1,5", &whole, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (fita_cell_parse_whole ("-1", &whole, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *got = NULL;
      g_assert_true (fita_cell_parse_indicator_value (values[i].text, values[i].lang, &got, &pending, NULL));
      g_assert_cmpstr (got, ==, values[i].value);
      g_assert_false (pending);
    }
  g_assert_true (fita_cell_parse_indicator_value ("Pendent d'avaluar", "ca", &value, &pending, NULL));
  g_assert_true (pending);
  g_assert_null (value);
  g_assert_true (fita_cell_parse_indicator_value ("pendiente de evaluar", "es", &value, &pending, NULL));
  g_assert_true (pending);
  g_assert_false (fita_cell_parse_indicator_value ("uns quants", "ca", &value, &pending, &error));
  g_assert_true (strstr (error->message, "not a number") != NULL);
  g_assert_false (fita_cell_parse_indicator_value ("4,", "ca", &value, &pending, NULL));
  g_assert_false (fita_cell_parse_indicator_value (",5", "ca", &value, &pending, NULL));
}

static void
test_marks (void)
{
  static const char * const marks[] = { "x", "X", "✓", "•", "sí", "1", NULL };
  static const char * const blanks[] = { "", " ", "-", "–", "no", "0", NULL };

  for (guint i = 0; marks[i] != NULL; i++)
    g_assert_true (fita_cell_is_mark (marks[i]));
  for (guint i = 0; blanks[i] != NULL; i++)
    g_assert_false (fita_cell_is_mark (blanks[i]));
}

typedef struct {
  const char *agent;
  FitaRole role;
  const char *note;
} Who;

static void
assert_who (const char *text, const Who *expected, guint n)
{
  g_autoptr(GPtrArray) who = fita_cell_parse_who (text);

  g_assert_cmpuint (who->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      FitaCellWho *one = g_ptr_array_index (who, i);
      g_assert_cmpstr (one->agent, ==, expected[i].agent);
      g_assert_cmpint (one->role, ==, expected[i].role);
      g_assert_cmpstr (one->note, ==, expected[i].note);
    }
}

static void
test_who (void)
{
  assert_who ("Secretaria tècnica (executa); Comissió tècnica (defineix)", (Who[]) {
                { "Secretaria tècnica", FITA_ROLE_EXECUTES, NULL }, { "Comissió tècnica", FITA_ROLE_DEFINES, NULL } }, 2);
  assert_who ("Servicio técnico (apoya), Comisión (define)\nÁrea (ejecuta)", (Who[]) {
                { "Servicio técnico", FITA_ROLE_SUPPORTS, NULL }, { "Comisión", FITA_ROLE_DEFINES, NULL },
                { "Área", FITA_ROLE_EXECUTES, NULL } }, 3);
  assert_who ("Board (defines); Office (supports); Team (executes: with help)", (Who[]) {
                { "Board", FITA_ROLE_DEFINES, NULL }, { "Office", FITA_ROLE_SUPPORTS, NULL },
                { "Team", FITA_ROLE_EXECUTES, "with help" } }, 3);
  assert_who ("Servei d'Emprenedoria i Economia Social (dona suport); Socis (qui correspongui)", (Who[]) {
                { "Servei d'Emprenedoria i Economia Social", FITA_ROLE_SUPPORTS, NULL },
                { "Socis", FITA_ROLE_OTHER, "qui correspongui" } }, 2);
  assert_who ("Comissió executiva (altre)", (Who[]) { { "Comissió executiva", FITA_ROLE_OTHER, NULL } }, 1);
  /* the roles as Fita's exports write them, in each language, with notes */
  assert_who ("Comissió tècnica (defineix les línies bàsiques); Secretaria tècnica (executa: o proveïdora)", (Who[]) {
                { "Comissió tècnica", FITA_ROLE_DEFINES, NULL }, { "Secretaria tècnica", FITA_ROLE_EXECUTES, "o proveïdora" } }, 2);
  assert_who ("Comisión (define las líneas básicas); Board (defines the basic lines: yearly)", (Who[]) {
                { "Comisión", FITA_ROLE_DEFINES, NULL }, { "Board", FITA_ROLE_DEFINES, "yearly" } }, 2);
  /* as the XMESS work plan writes it */
  assert_who ("- Línies bàsiques: comissió tècnica - Execució: secretaria tècnica", (Who[]) {
                { "Comissió tècnica", FITA_ROLE_DEFINES, NULL }, { "Secretaria tècnica", FITA_ROLE_EXECUTES, NULL } }, 2);
  assert_who ("- Execució: comissió executiva, comissió tècnica i el Socis de la XMESS", (Who[]) {
                { "Comissió executiva", FITA_ROLE_EXECUTES, NULL }, { "Comissió tècnica", FITA_ROLE_EXECUTES, NULL },
                { "Socis de la XMESS", FITA_ROLE_EXECUTES, NULL } }, 3);
  assert_who ("- Execució: comissió promotora - Suport: secretaria tècnica", (Who[]) {
                { "Comissió promotora", FITA_ROLE_EXECUTES, NULL }, { "Secretaria tècnica", FITA_ROLE_SUPPORTS, NULL } }, 2);
  assert_who ("- Línies de treball: comissió tècnica", (Who[]) {
                { "Comissió tècnica", FITA_ROLE_OTHER, "Línies de treball" } }, 1);
  /* a name alone: the one who does it */
  assert_who ("Servei d'Emprenedoria i Economia Social", (Who[]) {
                { "Servei d'Emprenedoria i Economia Social", FITA_ROLE_EXECUTES, NULL } }, 1);
  assert_who ("Àrea de Drets Socials; l'Ajuntament", (Who[]) {
                { "Àrea de Drets Socials", FITA_ROLE_EXECUTES, NULL }, { "Ajuntament", FITA_ROLE_EXECUTES, NULL } }, 2);
  assert_who ("", NULL, 0);
  assert_who (" ; - ", NULL, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cell/fold", test_fold);
  g_test_add_func ("/cell/years", test_years);
  g_test_add_func ("/cell/dates", test_dates);
  g_test_add_func ("/cell/semesters", test_semesters);
  g_test_add_func ("/cell/status", test_status);
  g_test_add_func ("/cell/numbers", test_numbers);
  g_test_add_func ("/cell/marks", test_marks);
  g_test_add_func ("/cell/who", test_who);
  return g_test_run ();
}
