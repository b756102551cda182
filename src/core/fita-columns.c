#include "config.h"
#include "fita-columns.h"
#include "fita-cell.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  const char *key;
  const char *header;            /* msgid */
  const char * const *names;     /* what officers head it with, folded (fita_cell_fold()) */
} Column;

/* Headers seen in councils' tables, in Catalan, Spanish and English, as
 * fita_cell_fold() leaves them: lower case, no accents, words joined by one
 * space. */
static const char * const code_names[] = { "codi", "codigo", "code", "num", "numero", "ref", "referencia", "id", NULL };
static const char * const parent_names[] = { "codi pare", "codi superior", "pare", "codigo padre", "codigo superior", "padre",
                                             "parent", "parent code", NULL };
static const char * const level_names[] = { "nivell", "tipus", "nivel", "tipo", "level", "type", NULL };
static const char * const title_names[] = { "titol", "nom", "accio", "actuacio", "descripcio breu", "denominacio",
                                            "titulo", "nombre", "accion", "actuacion", "denominacion",
                                            "title", "name", "action",
                                            /* the levels of a plan, heading the column of their items */
                                            "accions", "actuacions", "objectiu", "objectius", "programa", "programes",
                                            "eix", "eixos", "linia estrategica", "linies estrategiques",
                                            "linia d actuacio", "linies d actuacio", "propostes d accions",
                                            "acciones", "actuaciones", "objetivo", "objetivos", "programas", "eje",
                                            "ejes", "linea estrategica", "lineas estrategicas", "linea de actuacion",
                                            "lineas de actuacion", "propuestas de acciones",
                                            "actions", "objective", "objectives", "programme", "programmes",
                                            "axis", "axes", "strategic line", "strategic lines", "proposed actions",
                                            NULL };
static const char * const description_names[] = { "descripcio", "descripcion", "description", "detall", "detalle", NULL };
static const char * const status_names[] = { "estat", "situacio", "estado", "situacion", "status", "state", NULL };
/* not "grau d'execució" / "grado de ejecución": that is the execution rate */
static const char * const progress_names[] = { "percentatge", "grau d assoliment", "avanc", "progres",
                                               "porcentaje", "avance", "progreso",
                                               "percent", "percentage", "progress", NULL };
static const char * const start_names[] = { "any d inici", "any inici", "inici", "data d inici", "data inici",
                                            "ano de inicio", "ano inicio", "inicio", "fecha de inicio", "fecha inicio",
                                            "start", "start year", "start date", "from", NULL };
static const char * const end_names[] = { "any de final", "any final", "any de fi", "final", "fi", "data de final",
                                          "data final", "data de fi", "ano de fin", "ano final", "fin", "fecha de fin",
                                          "fecha final", "end", "end year", "end date", "to", NULL };
static const char * const semesters_names[] = { "semestres", "calendari", "calendario", "semesters", "calendar", NULL };
static const char * const who_names[] = { "qui", "responsable", "responsables", "qui ho fa", "quien", "who",
                                          "responsible", "owner", NULL };
static const char * const other_names[] = { "altres serveis", "altres agents", "altres agents o serveis implicats",
                                            "altres serveis implicats", "otros servicios", "otros agentes",
                                            "otros agentes o servicios implicados", "other services", "other agents",
                                            "other agents or services involved", NULL };
static const char * const weight_names[] = { "pes", "ponderacio", "peso", "ponderacion", "weight", NULL };
static const char * const total_names[] = { "pressupost total", "previst total", "total previst", "pressupost previst total",
                                            "presupuesto total", "previsto total", "total previsto", "planned total",
                                            "total planned", "total budget", NULL };
static const char * const year_names[] = { "any", "exercici", "ano", "ejercicio", "year", NULL };
static const char * const chapter_names[] = { "capitol", "capitulo", "chapter", "partida", NULL };
static const char * const planned_names[] = { "pressupost previst", "previst", "pressupost", "import previst",
                                              "presupuesto previsto", "previsto", "presupuesto", "importe previsto",
                                              "planned", "budget", "planned budget", NULL };
static const char * const executed_names[] = { "executat", "pressupost executat", "import executat", "despesa executada",
                                               "ejecutado", "presupuesto ejecutado", "importe ejecutado", "gasto ejecutado",
                                               "executed", "spent", "executed budget", NULL };
static const char * const indicator_names[] = { "indicador", "nom de l indicador", "nombre del indicador", "indicator",
                                                "indicator name", NULL };
static const char * const indicator_value_names[] = { "valor", "valor de l indicador", "valor del indicador", "value",
                                                      "indicator value", NULL };
static const char * const indicator_year_names[] = { "any de l indicador", "ano del indicador", "indicator year",
                                                     "any del valor", "ano del valor", NULL };

/* The follow-up's texts, as follow-up sheets head them ("Punts forts",
 * "Propers passos"); not "Execució" or "Observacions" alone, which head
 * other things in councils' tables. */
static const char * const execution_names[] = { "observacions sobre l execucio", "notes d execucio",
                                                "seguiment de l execucio", "observaciones sobre la ejecucion",
                                                "notas de ejecucion", "seguimiento de la ejecucion",
                                                "notes on execution", "execution notes", NULL };
static const char * const strengths_names[] = { "punts forts", "fortaleses", "puntos fuertes", "fortalezas",
                                                "strengths", "strong points", NULL };
static const char * const weaknesses_names[] = { "punts febles", "febleses", "debilitats", "punts a millorar",
                                                 "puntos debiles", "debilidades", "puntos a mejorar",
                                                 "weaknesses", "weak points", NULL };
static const char * const other_remarks_names[] = { "altres aspectes a destacar", "altres aspectes",
                                                    "altres observacions", "otros aspectos destacables",
                                                    "otros aspectos a destacar", "otros aspectos",
                                                    "otras observaciones", "other remarks", "other aspects", NULL };
static const char * const adjustments_names[] = { "ajustaments", "ajustos", "ajustes", "adjustments", NULL };
static const char * const next_steps_names[] = { "propers passos", "seguents passos", "proxims passos",
                                                 "proximos pasos", "siguientes pasos", "next steps", NULL };

static const Column columns[FITA_N_COLUMNS] = {
  { "code", N_("Code"), code_names },
  { "parent_code", N_("Parent code"), parent_names },
  { "level", N_("Level"), level_names },
  { "title", N_("Title"), title_names },
  { "description", N_("Description"), description_names },
  { "status", N_("Status"), status_names },
  { "progress", N_("Progress"), progress_names },
  { "start", N_("Start"), start_names },
  { "end", N_("End"), end_names },
  { "semesters", N_("Semesters"), semesters_names },
  { "who", N_("Who"), who_names },
  { "other_services", N_("Other services"), other_names },
  { "weight", N_("Weight"), weight_names },
  { "planned_total", N_("Planned total"), total_names },
  { "year", N_("Year"), year_names },
  { "chapter", N_("Chapter"), chapter_names },
  { "planned", N_("Planned"), planned_names },
  { "executed", N_("Executed"), executed_names },
  { "indicator", N_("Indicator"), indicator_names },
  { "indicator_value", N_("Indicator value"), indicator_value_names },
  { "indicator_year", N_("Indicator year"), indicator_year_names },
  { "execution", N_("Notes on execution"), execution_names },
  { "strengths", N_("Strengths"), strengths_names },
  { "weaknesses", N_("Weaknesses"), weaknesses_names },
  { "other_remarks", N_("Other remarks"), other_remarks_names },
  { "adjustments", N_("Adjustments"), adjustments_names },
  { "next_steps", N_("Next steps"), next_steps_names },
};

const char *
fita_column_key (FitaColumn column)
{
  g_return_val_if_fail (column >= 0 && column < FITA_N_COLUMNS, NULL);
  return columns[column].key;
}

FitaColumn
fita_column_from_key (const char *key)
{
  for (int c = 0; c < FITA_N_COLUMNS && key != NULL; c++)
    if (g_str_equal (columns[c].key, key))
      return c;
  return FITA_COLUMN_NONE;
}

const char *
fita_column_header (FitaColumn column, FitaTranslator *translator)
{
  g_return_val_if_fail (column >= 0 && column < FITA_N_COLUMNS, NULL);
  /* Translators: the headers of the columns of an exported plan, which an
   * import recognises again */
  return T_ (translator, columns[column].header);
}

/* The headers Fita's own exports write, in each language, folded: read
 * from the catalogues once, not for every header guessed. */
static char **
exported_headers (void)
{
  static const char * const langs[] = { "ca", "es", "en" };
  static char **folded;

  if (g_once_init_enter (&folded))
    {
      char **all = g_new0 (char *, G_N_ELEMENTS (langs) * FITA_N_COLUMNS + 1);
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autoptr(FitaTranslator) translator = fita_translator_new (langs[l]);
          for (int c = 0; c < FITA_N_COLUMNS; c++)
            all[l * FITA_N_COLUMNS + c] = fita_cell_fold (fita_column_header (c, translator));
        }
      g_once_init_leave (&folded, all);
    }
  return folded;
}

FitaColumn
fita_column_guess (const char *header)
{
  g_autofree char *wanted = header ? fita_cell_fold (header) : NULL;
  char **exported;

  if (wanted == NULL || *wanted == '\0')
    return FITA_COLUMN_NONE;
  for (int c = 0; c < FITA_N_COLUMNS; c++)
    for (guint n = 0; columns[c].names[n] != NULL; n++)
      if (g_str_equal (columns[c].names[n], wanted))
        return c;
  exported = exported_headers ();
  for (guint i = 0; exported[i] != NULL; i++)
    if (g_str_equal (exported[i], wanted))
      return i % FITA_N_COLUMNS;
  return FITA_COLUMN_NONE;
}
