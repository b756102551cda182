/* The columns of a plan as a table: keys, headers, and guessing a column
 * from the header officers gave it. */
#include "fita-columns.h"
#include "fita-test-util.h"

static void
test_guess (void)
{
  static const struct { const char *header; FitaColumn column; } cases[] = {
    { "Codi", FITA_COLUMN_CODE }, { "CÓDIGO", FITA_COLUMN_CODE }, { " code ", FITA_COLUMN_CODE },
    { "Títol", FITA_COLUMN_TITLE }, { "Estat", FITA_COLUMN_STATUS }, { "Estado:", FITA_COLUMN_STATUS },
    { "Pressupost previst", FITA_COLUMN_PLANNED }, { "Executat", FITA_COLUMN_EXECUTED },
    { "Any d'inici", FITA_COLUMN_START }, { "Any d’inici", FITA_COLUMN_START }, { "Año de inicio", FITA_COLUMN_START },
    { "Any de final", FITA_COLUMN_END }, { "Capítol", FITA_COLUMN_CHAPTER }, { "Ponderació", FITA_COLUMN_WEIGHT },
    { "Altres agents o serveis implicats", FITA_COLUMN_OTHER_SERVICES }, { "QUI?", FITA_COLUMN_WHO },
    { "Codi pare", FITA_COLUMN_PARENT_CODE }, { "Percentatge", FITA_COLUMN_PROGRESS },
    { "Observacions de l'arbre", FITA_COLUMN_NONE }, { "", FITA_COLUMN_NONE }, { NULL, FITA_COLUMN_NONE },
    /* a follow-up's texts, as the seeds head them; not "Execució" nor
     * "Observacions" alone, which head other things */
    { "Observacions sobre l'execució", FITA_COLUMN_EXECUTION }, { "Punts forts", FITA_COLUMN_STRENGTHS },
    { "Puntos débiles", FITA_COLUMN_WEAKNESSES }, { "Altres aspectes a destacar", FITA_COLUMN_OTHER_REMARKS },
    { "Ajustaments", FITA_COLUMN_ADJUSTMENTS }, { "Next steps", FITA_COLUMN_NEXT_STEPS },
    { "Propers passos", FITA_COLUMN_NEXT_STEPS }, { "Execució", FITA_COLUMN_NONE }, { "Observacions", FITA_COLUMN_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (fita_column_guess (cases[i].header), ==, cases[i].column);
}

/* What an export heads a column with, in any of the three languages, is
 * recognised again. */
static void
test_headers_round_trip (void)
{
  static const char * const langs[] = { "ca", "es", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(FitaTranslator) translator = fita_translator_new (langs[l]);
      for (int c = 0; c < FITA_N_COLUMNS; c++)
        {
          g_assert_cmpint (fita_column_guess (fita_column_header (c, translator)), ==, c);
          g_assert_cmpint (fita_column_from_key (fita_column_key (c)), ==, c);
        }
    }
  g_assert_cmpint (fita_column_from_key ("nonsense"), ==, FITA_COLUMN_NONE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/columns/guess", test_guess);
  g_test_add_func ("/columns/headers-round-trip", test_headers_round_trip);
  return g_test_run ();
}
