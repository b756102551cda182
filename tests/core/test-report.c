/* Reports as PDF: every kind on the examples, links, cancellation; and
 * what they say, read back with pdftotext. */
#include "fita-enums.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-json.h"
#include "fita-report.h"
#include "fita-synthetic.h"
#include "fita-test-util.h"

#include <string.h>

/* A small plan with long Catalan words (in narrow columns, they were
 * broken: "Incorpor-ada"), a period of one year, who answers for an item,
 * other services, a leaf with status and years, and a participatory
 * process with dated phases and a count. */
static const char LONG_WORDS_PLAN[] =
  "{\"plan\": {\"title\": \"Pla de prova\", \"organisation\": \"Ajuntament\","
  "           \"period_start\": 2021, \"period_end\": 2021, \"language\": \"ca\"},"
  " \"levels\": [{\"name\": \"Eix\"}, {\"name\": \"Programa\", \"depth\": 1}, {\"name\": \"Actuació\", \"depth\": 2}],"
  " \"statuses\": [{\"name\": \"Incorporada\", \"percent\": 100}, {\"name\": \"Avançada\"}, {\"name\": \"Desenvolupament\"}],"
  " \"chapters\": [{\"name\": \"Capítol 1\"}, {\"name\": \"Capítol 2\"}, {\"name\": \"Capítol 4\"}, {\"name\": \"Capítol 6\"}],"
  " \"agents\": [{\"name\": \"Secretaria tècnica\", \"kind\": \"body\"}, {\"name\": \"Comissió tècnica\", \"kind\": \"body\"}],"
  " \"items\": [{\"code\": \"1\", \"title\": \"Interdepartamentalització i corresponsabilitat\", \"level\": \"Eix\","
  "   \"children\": [{\"code\": \"1.1\", \"title\": \"Coresponsabilització interdepartamental\", \"level\": \"Programa\","
  "     \"children\": ["
  "      {\"code\": \"1.1.1\", \"title\": \"Desenvolupament comunitari\", \"level\": \"Actuació\","
  "       \"status\": \"Avançada\", \"progress\": 40, \"start_year\": 2021, \"end_year\": 2021,"
  "       \"other_services\": \"Servei d'Ocupació\","
  "       \"responsibilities\": [{\"agent\": \"Secretaria tècnica\", \"role\": \"executes\"},"
  "                            {\"agent\": \"Comissió tècnica\", \"role\": \"defines\"}],"
  "       \"budget\": [{\"year\": 2021, \"chapter\": \"Capítol 1\", \"planned_cents\": 100000, \"executed_cents\": 50000}]},"
  "      {\"code\": \"1.1.2\", \"title\": \"Professionalització\", \"level\": \"Actuació\","
  "       \"status\": \"Incorporada\", \"progress\": 100, \"start_year\": 2021, \"end_year\": 2021},"
  "      {\"code\": \"1.1.3\", \"title\": \"Sensibilització\", \"level\": \"Actuació\","
  "       \"status\": \"Desenvolupament\", \"progress\": 10}]}]}],"
  " \"processes\": [{\"name\": \"Procés\","
  "   \"phases\": [{\"name\": \"Primera jornada\", \"start_date\": \"2021-03\", \"end_date\": \"2021-06\"},"
  "              {\"name\": \"Segona jornada\", \"start_date\": \"2021-10-05\"}],"
  "   \"counts\": [{\"label\": \"Priorització d'objectius\", \"count\": 589, \"unit\": \"persones\"}]}]}";

/* The report's text as pdftotext reads it: laid out as on the page
 * (columns side by side, pages separated by form feeds), or in reading
 * order with every run of spaces and line breaks made one space. NULL
 * (and the test skipped) without pdftotext. */
static char *
report_text (FitaPlan *plan, FitaReportKind kind, const char *item, gint64 year, const char *lang, gboolean layout)
{
  FitaReportOptions options = { kind, 0, year, lang };
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is needed to read the reports back");
      return NULL;
    }
  if (item != NULL)
    options.item_id = fita_plan_find_item (plan, item)->rec.id;
  g_assert_true (fita_report_write (plan, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { program, "-enc", "UTF-8", layout ? "-layout" : "-raw", path, "-", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (layout)
    return out;
  text = g_string_new (NULL);
  for (const char *p = out; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (text, *p);
    else if (text->len > 0 && text->str[text->len - 1] != ' ')
      g_string_append_c (text, ' ');
  g_free (out);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_has(text, words) \
  G_STMT_START { if (strstr ((text), (words)) == NULL) \
    g_error ("“%s” is not in the report:\n%s", (words), (text)); } G_STMT_END
#define assert_lacks(text, words) \
  G_STMT_START { if (strstr ((text), (words)) != NULL) \
    g_error ("“%s” should not be in the report:\n%s", (words), (text)); } G_STMT_END

static gboolean
contains (GBytes *bytes, const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* a PDF holds NUL bytes: search the whole of it */
  return memmem (data, size, text, strlen (text)) != NULL;
}

static void
check_pdf (GBytes *pdf)
{
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 2000);
  g_assert_true (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5) == 0);
  /* fonts are embedded: cairo writes them as font files */
  g_assert_true (contains (pdf, "/FontFile"));
}

static void
test_every_kind (void)
{
  struct { const char *example; FitaReportKind kind; const char *item; } cases[] = {
    { "terrassa-ess-2019-2026", FITA_REPORT_SHEET, "11" },
    { "terrassa-ess-2019-2026", FITA_REPORT_ANNUAL, NULL },
    { "terrassa-serveis-socials-2023-2027", FITA_REPORT_ANNUAL, NULL },
    { "barcelona-espai-ess", FITA_REPORT_ANNUAL, NULL },
    { "xmess-2017-2019", FITA_REPORT_WORKPLAN, NULL },
    { "barcelona-impulsem-2016-2021", FITA_REPORT_PARTICIPATION, NULL },
    { "terrassa-ess-2019-2026", FITA_REPORT_PARTICIPATION, NULL },   /* none: says so */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FitaPlan) plan = fita_test_example (cases[i].example);
      FitaReportOptions options = { cases[i].kind, 0, FITA_NONE, "ca" };
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;

      if (cases[i].item)
        options.item_id = fita_plan_find_item (plan, cases[i].item)->rec.id;
      pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      check_pdf (pdf);
    }
}

static void
test_sheet_needs_item (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-ess-2019-2026");
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, FITA_NONE, "en" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);

  g_assert_null (pdf);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND);
}

static void
test_links_are_clickable (void)
{
  const char *json =
    "{\"plan\": {\"title\": \"Pla\", \"organisation\": \"Ajuntament\"},"
    " \"items\": [{\"code\": \"1\", \"title\": \"Programa\","
    "   \"links\": [{\"title\": \"Memòria 2024\", \"url\": \"https://example.org/memoria-2024.pdf\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import (json, -1, &error);
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, 2024, "ca" };
  g_autoptr(GBytes) pdf = NULL;

  g_assert_no_error (error);
  options.item_id = fita_plan_find_item (plan, "1")->rec.id;
  pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  check_pdf (pdf);
  /* a link annotation that opens the address */
  g_assert_true (contains (pdf, "/URI (https://example.org/memoria-2024.pdf)"));
}

/* Fita's own PDF writer makes every report it can; one with text that no
 * font it can embed has (here a character of no font: a box with its
 * code, as only cairo draws it) is made by cairo instead, tagged the same */
static void
test_writer_and_fallback (void)
{
  const char *plain =
    "{\"plan\": {\"title\": \"Pla\", \"organisation\": \"Ajuntament\"},"
    " \"items\": [{\"code\": \"1\", \"title\": \"Programa de barris\"}]}";
  const char *boxed =
    "{\"plan\": {\"title\": \"Pla\", \"organisation\": \"Ajuntament\"},"
    " \"items\": [{\"code\": \"1\", \"title\": \"Programa de barris \\ue000\"}]}";
  const char *plans[] = { plain, boxed };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaPlan) plan = fita_json_import (plans[i], -1, &error);
      FitaReportOptions options = { FITA_REPORT_ANNUAL, 0, 2024, "ca" };
      g_autoptr(GBytes) pdf = NULL;

      g_assert_no_error (error);
      pdf = fita_report_render (plan, &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      check_pdf (pdf);
      g_assert_true (contains (pdf, i == 0 ? "/Producer (Fita)" : "/Producer (cairo"));
      /* tagged either way, in the report's language */
      g_assert_true (contains (pdf, "/StructTreeRoot"));
      g_assert_true (contains (pdf, "/Lang (ca-ES)"));
    }
}

static void
on_progress (double fraction, gpointer data)
{
  GCancellable *cancellable = data;

  /* the person changes their mind half way */
  if (fraction >= 0.5)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(FitaPlan) plan = fita_test_example ("terrassa-serveis-socials-2023-2027");
  FitaReportOptions options = { FITA_REPORT_ANNUAL, 0, FITA_NONE, "es" };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fita_report_render (plan, &options, cancellable, on_progress, cancellable, &error);

  g_assert_null (pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_write_atomic (void)
{
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "informe.pdf", NULL);
  g_autoptr(FitaPlan) plan = fita_test_example ("barcelona-impulsem-2016-2021");
  FitaReportOptions options = { FITA_REPORT_PARTICIPATION, 0, FITA_NONE, "ca" };
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_autoptr(GBytes) rendered = NULL;
  g_autoptr(GByteArray) copy = g_byte_array_new ();
  gsize length = 0;
  char *date;

  g_assert_true (fita_report_write (plan, &options, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &data, &length, NULL);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* written into its file and tagged there, or made as bytes: the same
   * PDF, but for the second it was made in */
  rendered = fita_report_render (plan, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (rendered), ==, length);
  g_byte_array_append (copy, g_bytes_get_data (rendered, NULL), length);
  date = memmem (data, length, "/CreationDate (", strlen ("/CreationDate ("));
  g_assert_nonnull (date);
  date += strlen ("/CreationDate (");
  /* D:YYYYMMDDHHmmSS: the two may be seconds apart */
  g_assert_cmpuint (date + 16 - data, <=, length);
  memcpy (copy->data + (date - data), date, 16);
  g_assert_cmpmem (copy->data, copy->len, data, length);
  /* an unwritable place: an error, nothing half-written */
  g_assert_false (fita_report_write (plan, &options, "/nonexistent/dir/informe.pdf", NULL, NULL, NULL, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_IO);
}

/* Who answers for an item, in what role, and the other services: in the
 * columns of the sheet, the work plan and the annual report. */
static void
test_who_and_other_services (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (LONG_WORDS_PLAN);
  struct { FitaReportKind kind; const char *item; const char *lang; const char *executes, *defines; } cases[] = {
    { FITA_REPORT_SHEET, "1.1", "ca", "Secretaria tècnica (executa)", "Comissió tècnica (defineix les línies bàsiques)" },
    { FITA_REPORT_WORKPLAN, NULL, "ca", "Secretaria tècnica (executa)", "Comissió tècnica (defineix les línies bàsiques)" },
    { FITA_REPORT_ANNUAL, NULL, "ca", "Secretaria tècnica (executa)", "Comissió tècnica (defineix les línies bàsiques)" },
    { FITA_REPORT_SHEET, "1.1", "en", "Secretaria tècnica (executes)", "Comissió tècnica (defines the basic lines)" },
    { FITA_REPORT_WORKPLAN, NULL, "es", "Secretaria tècnica (ejecuta)", "Comissió tècnica (define las líneas básicas)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = report_text (plan, cases[i].kind, cases[i].item, FITA_NONE, cases[i].lang, FALSE);
      if (text == NULL)
        return;
      assert_has (text, cases[i].executes);
      assert_has (text, cases[i].defines);
      assert_has (text, "Servei d'Ocupació");
    }
}

/* The whole words of the plan, and no piece of one, in pdftotext's
 * layout: "Incorpor-ada" or "Avançad" + "a" on the next line are pieces. */
static void
assert_whole_words (const char *text)
{
  static const char * const words[] = {
    "Incorporada", "Avançada", "Desenvolupament", "Interdepartamentalització", "corresponsabilitat",
    "Coresponsabilització", "interdepartamental", "Professionalització", "Sensibilització",
  };
  g_auto(GStrv) tokens = g_regex_split_simple ("[\\s()\\[\\]:;,.]+", text, 0, 0);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    for (guint t = 0; tokens[t]; t++)
      {
        g_autofree char *token = g_strdup (tokens[t]);
        gsize length = strlen (token);

        if (length > 0 && token[length - 1] == '-')
          token[--length] = '\0';
        if (length >= 3 && length < strlen (words[w]) && g_str_has_prefix (words[w], token))
          g_error ("“%s” is broken (“%s”) in:\n%s", words[w], tokens[t], text);
      }
}

static void
test_words_are_whole (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (LONG_WORDS_PLAN);
  struct { FitaReportKind kind; const char *item; } cases[] = {
    { FITA_REPORT_ANNUAL, NULL }, { FITA_REPORT_SHEET, "1.1" }, { FITA_REPORT_SHEET, "1.1.1" },
    { FITA_REPORT_SHEET, "1" }, { FITA_REPORT_WORKPLAN, NULL },
  };
  const char *langs[] = { "ca", "es", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autofree char *text = report_text (plan, cases[i].kind, cases[i].item, FITA_NONE, langs[l], TRUE);
        if (text == NULL)
          return;
        assert_whole_words (text);
      }
  /* and the narrow columns still hold them */
  {
    g_autofree char *text = report_text (plan, FITA_REPORT_ANNUAL, NULL, FITA_NONE, "ca", TRUE);
    assert_has (text, "Incorporada");
    assert_has (text, "Avançada");
    assert_has (text, "Desenvolupament");
  }
}

/* Numbers never wrap: a budget of eight chapters of huge amounts, where
 * the figures alone hardly fit across the page. Every amount stays whole
 * on one line ("195.193.711,⏎67 €" or "… 711,67⏎€" were seen), in the
 * PDF's reports; the editable documents hold the same amounts, whole. */
static char *
huge_budget_plan (void)
{
  GString *json = g_string_new ("{\"plan\": {\"title\": \"Pla de pressupostos grans\", \"organisation\": \"Ajuntament\","
                                "           \"period_start\": 2024, \"period_end\": 2025, \"language\": \"ca\"},"
                                " \"levels\": [{\"name\": \"Eix\"}, {\"name\": \"Actuació\", \"depth\": 1}],"
                                " \"chapters\": [");

  for (guint c = 0; c < 8; c++)
    g_string_append_printf (json, "%s{\"name\": \"Capítol %u\"}", c ? ", " : "", c + 1);
  g_string_append (json, "], \"items\": [{\"code\": \"1\", \"title\": \"Inversions\", \"level\": \"Eix\", \"children\": [");
  for (guint i = 0; i < 3; i++)
    {
      g_string_append_printf (json, "%s{\"code\": \"1.%u\", \"title\": \"Actuació d'inversió %u\", \"level\": \"Actuació\","
                              " \"budget\": [", i ? ", " : "", i + 1, i + 1);
      for (guint c = 0; c < 8; c++)
        for (guint y = 2024; y <= 2025; y++)
          /* one item holds the whole amount of its chapter and year */
          g_string_append_printf (json, "%s{\"year\": %u, \"chapter\": \"Capítol %u\", \"planned_cents\": %s,"
                                  " \"executed_cents\": %s}",
                                  c || y > 2024 ? ", " : "", y, c + 1,
                                  i == 0 ? "19519371167" : "0", i == 0 ? "19519371167" : "0");
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}]}");
  return g_string_free (json, FALSE);
}

/* Every amount of text whole on its line: no line ends inside a figure
 * ("711," or "711,67" and the € on the next line), none starts with its
 * end; returns how many times whole appears. */
static guint
assert_amounts_whole (const char *text, const char *whole)
{
  g_autoptr(GRegex) cut_end = g_regex_new ("\\d[.,]$|\\d,\\d\\d$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) cut_start = g_regex_new ("^\\s*(€|,\\d\\d)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GString) plain = g_string_new (NULL);
  guint found = 0;

  /* a no-break space reads as a space */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0xa0)
      g_string_append_c (plain, ' ');
    else
      g_string_append_unichar (plain, g_utf8_get_char (p));
  for (const char *p = plain->str; (p = strstr (p, whole)) != NULL; p += strlen (whole))
    found++;
  {
    g_auto(GStrv) lines = g_strsplit (plain->str, "\n", -1);
    for (guint l = 0; lines[l]; l++)
      {
        g_strchomp (lines[l]);
        if (g_regex_match (cut_end, lines[l], 0, NULL) || g_regex_match (cut_start, lines[l], 0, NULL))
          g_error ("An amount is cut on the line “%s” of:\n%s", lines[l], plain->str);
      }
  }
  return found;
}

static void
test_amounts_whole (void)
{
  g_autofree char *json = huge_budget_plan ();
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (json);
  struct { FitaReportKind kind; const char *item; guint least; } cases[] = {
    /* the budget table: each chapter's amount in both years, planned and executed */
    { FITA_REPORT_ANNUAL, NULL, 8 }, { FITA_REPORT_SHEET, "1", 8 }, { FITA_REPORT_SHEET, "1.1", 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = report_text (plan, cases[i].kind, cases[i].item, 2024, "ca", TRUE);
      guint found;

      if (text == NULL)
        return;
      found = assert_amounts_whole (text, "195.193.711,67 €");
      if (found < cases[i].least)
        g_error ("“195.193.711,67 €” is whole %u times only (at least %u) in:\n%s", found, cases[i].least, text);
    }

  /* the editable documents are not laid out by Fita: the amounts are there, whole */
  {
    g_autofree char *dir = fita_test_tmpdir ();
    g_autofree char *odt = g_build_filename (dir, "huge.odt", NULL);
    g_autofree char *docx = g_build_filename (dir, "huge.docx", NULL);
    g_autofree char *content = NULL;
    g_autofree char *document = NULL;
    FitaReportOptions options = { FITA_REPORT_ANNUAL, 0, 2024, "ca" };
    g_autoptr(GError) error = NULL;

    g_assert_true (fita_report_write (plan, &options, odt, NULL, NULL, NULL, &error));
    g_assert_true (fita_report_write (plan, &options, docx, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    content = fita_test_zip_part (odt, "content.xml");
    document = fita_test_zip_part (docx, "word/document.xml");
    g_assert_nonnull (strstr (content, "195.193.711,67\xc2\xa0€"));
    g_assert_nonnull (strstr (document, "195.193.711,67\xc2\xa0€"));
  }
}

/* A table's columns share the page so that the table is short: in the
 * work plan of a plan whose periods are long ("2021 2nd semester, 2022 2nd
 * semester; 2021–2023") and whose titles are long too, no row spends a
 * line on the end of its period alone, as it did when the titles' column
 * took all it could by its weight. */
static void
test_balanced_columns (void)
{
  g_autoptr(FitaPlan) plan = fita_synthetic_plan (300);
  g_autofree char *text = report_text (plan, FITA_REPORT_WORKPLAN, NULL, FITA_NONE, "en", TRUE);
  g_autoptr(GRegex) period_alone = g_regex_new ("^\\s*(semester; )?\\d{4}–\\d{4}\\s*$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (text == NULL)
    return;
  assert_has (text, "semester,");
  if (g_regex_match (period_alone, text, 0, &match))
    g_error ("A period's end on a line of its own, “%s”, in:\n%s", g_match_info_fetch (match, 0), text);
}

/* A heading with nothing under it is left out. */
static void
test_no_empty_headings (void)
{
  /* an item with nothing to say about its execution; a body with nothing
   * but its name; a follow-up of the plan with nothing written in it */
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (
    "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2021, \"period_end\": 2024, \"followed_year\": 2022},"
    " \"agents\": [{\"name\": \"Comissió de seguiment\", \"kind\": \"body\"}],"
    " \"followups\": [{\"year\": 2022}],"
    " \"items\": [{\"code\": \"1\", \"title\": \"Programa\"}]}");
  g_autofree char *sheet = report_text (plan, FITA_REPORT_SHEET, "1", FITA_NONE, "en", FALSE);
  g_autofree char *annual = NULL;

  if (sheet == NULL)
    return;
  /* the heading, not "Execution rate" */
  if (g_regex_match_simple ("\\bExecution\\b(?! rate)", sheet, 0, 0))
    g_error ("a heading “Execution” with nothing under it:\n%s", sheet);
  assert_has (sheet, "Executed budget");
  annual = report_text (plan, FITA_REPORT_ANNUAL, NULL, FITA_NONE, "en", FALSE);
  assert_lacks (annual, "Governance");
  assert_lacks (annual, "Comissió de seguiment");
  assert_lacks (annual, "Follow-up of the plan");
  assert_has (annual, "The plan, item by item");
}

/* No heading is the last thing on a page: whatever comes before it, it
 * goes to the next page with the first lines or rows under it. */
static void
test_no_heading_at_the_foot (void)
{
  static const char * const headings[] = {
    "Description", "Execution", "Observations on the execution", "Executed budget", "Evaluation", "Links",
  };
  g_autoptr(GString) strengths = g_string_new (NULL);

  /* a first row of the evaluation taller than a heading's share of a page */
  for (guint i = 0; i < 40; i++)
    g_string_append (strengths, "Els punts forts del programa són molts i diversos. ");
  for (guint lines = 0; lines < 48; lines++)
    {
      g_autoptr(GString) description = g_string_new (NULL);
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(FitaPlan) plan = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) pages = NULL;

      for (guint i = 0; i < lines; i++)
        g_string_append_printf (description, "Paràgraf %u de la descripció.\\n", i + 1);
      g_string_append_printf (json,
        "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2021, \"period_end\": 2024},"
        " \"items\": [{\"code\": \"1\", \"title\": \"Programa\", \"description\": \"%s\","
        "   \"followups\": [{\"year\": 2022, \"execution\": \"Fet.\", \"strengths\": \"%s\"}],"
        "   \"links\": [{\"title\": \"Memòria\", \"url\": \"https://example.org/memoria.pdf\"}]}]}",
        description->str, strengths->str);
      plan = fita_test_plan_from_json (json->str);
      text = report_text (plan, FITA_REPORT_SHEET, "1", 2022, "en", TRUE);
      if (text == NULL)
        return;
      pages = g_strsplit (text, "\f", -1);
      for (guint p = 0; pages[p] != NULL; p++)
        {
          g_auto(GStrv) lines_of_page = g_strsplit (pages[p], "\n", -1);
          const char *last = NULL;
          for (guint l = 0; lines_of_page[l] != NULL; l++)
            {
              g_strstrip (lines_of_page[l]);
              if (*lines_of_page[l] != '\0' && !g_str_has_prefix (lines_of_page[l], "Page "))
                last = lines_of_page[l];
            }
          for (guint h = 0; last != NULL && h < G_N_ELEMENTS (headings); h++)
            if (g_str_equal (last, headings[h]))
              g_error ("“%s” is alone at the foot of page %u (description of %u lines):\n%s",
                       headings[h], p + 1, lines, text);
        }
    }
}

/* One year reads "2021", never "2021–2021": the period, the items' years
 * and the budget's totals. */
static void
test_one_year (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (LONG_WORDS_PLAN);
  struct { FitaReportKind kind; const char *item; } cases[] = {
    { FITA_REPORT_ANNUAL, NULL }, { FITA_REPORT_SHEET, "1.1" }, { FITA_REPORT_SHEET, "1.1.1" },
    { FITA_REPORT_WORKPLAN, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = report_text (plan, cases[i].kind, cases[i].item, FITA_NONE, "en", FALSE);
      if (text == NULL)
        return;
      assert_lacks (text, "2021–2021");
      assert_lacks (text, "2021-2021");
      if (cases[i].kind == FITA_REPORT_ANNUAL)
        assert_has (text, "Period of validity 2021");
      if (cases[i].kind == FITA_REPORT_WORKPLAN)
        assert_has (text, "Work plan 2021");
      if (cases[i].kind == FITA_REPORT_SHEET)
        assert_has (text, "Total executed budget 2021 ");
    }
  /* and years that differ, with the plan's dash */
  {
    FitaItem *item = fita_plan_find_item (plan, "1.1.1");
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    g_assert_true (fita_plan_set_int (plan, item, "start_year", 2019, &error));
    g_assert_no_error (error);
    text = report_text (plan, FITA_REPORT_SHEET, "1.1.1", FITA_NONE, "en", FALSE);
    assert_has (text, "Years 2019–2021");
  }
}

/* Without a year, a report follows the plan's followed year if it is in
 * the period, else the latest year of the period that has begun. */
static void
test_default_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  struct { const char *plan; gint64 year; } cases[] = {
    /* a plan that has ended: its last year */
    { "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2001, \"period_end\": 2003}}", 2003 },
    /* a plan yet to begin: its first year */
    { "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2090, \"period_end\": 2095}}", 2090 },
    /* the followed year, when it is in the period */
    { "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2001, \"period_end\": 2003, \"followed_year\": 2002}}", 2002 },
    /* but not when it is outside */
    { "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2001, \"period_end\": 2003, \"followed_year\": 1999}}", 2003 },
    { "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2090, \"period_end\": 2095, \"followed_year\": 2100}}", 2090 },
    /* a plan under way: this year */
    { "{\"plan\": {\"title\": \"Pla\", \"period_start\": 2000, \"period_end\": 2200}}", this_year },
    /* no period at all: the followed year, or this one */
    { "{\"plan\": {\"title\": \"Pla\", \"followed_year\": 2010}}", 2010 },
    { "{\"plan\": {\"title\": \"Pla\"}}", this_year },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FitaPlan) plan = fita_test_plan_from_json (cases[i].plan);
      g_autofree char *expected = g_strdup_printf ("Follow-up report %d ", (int) cases[i].year);
      g_autofree char *text = NULL;

      g_assert_cmpint (fita_plan_default_year (plan), ==, cases[i].year);
      text = report_text (plan, FITA_REPORT_ANNUAL, NULL, FITA_NONE, "en", FALSE);
      if (text == NULL)
        return;
      assert_has (text, expected);
    }
}

/* A leaf's sheet says its own status, years and who. */
static void
test_leaf_sheet (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (LONG_WORDS_PLAN);
  g_autofree char *text = report_text (plan, FITA_REPORT_SHEET, "1.1.1", FITA_NONE, "en", FALSE);

  if (text == NULL)
    return;
  assert_has (text, "Execution Status Avançada (40");
  assert_has (text, "Years 2021");
  assert_has (text, "Who Secretaria tècnica (executes) Comissió tècnica (defines the basic lines)");
  assert_has (text, "Other agents or services involved Servei d'Ocupació");
}

/* The phases keep their dates; the counts are headed by what they count. */
static void
test_participation (void)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (LONG_WORDS_PLAN);
  g_autofree char *en = report_text (plan, FITA_REPORT_PARTICIPATION, NULL, FITA_NONE, "en", FALSE);
  g_autofree char *ca = NULL;

  if (en == NULL)
    return;
  assert_has (en, "1. Primera jornada March 2021 – June 2021");
  assert_has (en, "2. Segona jornada From 5 October 2021");
  assert_has (en, "Prioritisation counts What was counted Count Unit Priorització d'objectius 589 persones");
  ca = report_text (plan, FITA_REPORT_PARTICIPATION, NULL, FITA_NONE, "ca", FALSE);
  assert_has (ca, "març de 2021 – juny de 2021");
  assert_has (ca, "Recomptes de priorització Què s'ha comptat Recompte Unitat");
}

/* A sheet's file name names its item, so that the sheets of programmes 11
 * and 12 do not overwrite each other; a long title is cut at a word. */
static void
test_file_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) ess = fita_example_load ("terrassa-ess-2019-2026", &error);
  g_autoptr(FitaPlan) social = fita_example_load ("terrassa-serveis-socials-2023-2027", &error);
  FitaReportOptions sheet = { FITA_REPORT_SHEET, fita_plan_find_item (ess, "11")->rec.id, 2024, "ca" };
  FitaReportOptions annual = { FITA_REPORT_ANNUAL, 0, 2024, "ca" };
  g_autofree char *name = fita_report_file_name (ess, &sheet);
  g_autofree char *annual_name = fita_report_file_name (ess, &annual);
  g_autofree char *long_name = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (name, " 11 - ESS als barris - 2024.pdf"));
  g_assert_true (g_str_has_suffix (annual_name, " 2024.pdf"));
  g_assert_null (strstr (annual_name, " - "));
  sheet.item_id = fita_plan_find_item (social, "1.O1")->rec.id;
  sheet.year = FITA_NONE;
  long_name = fita_report_file_name (social, &sheet);
  g_assert_nonnull (strstr (long_name, " 1.O1 - Acompanyar les persones"));
  g_assert_nonnull (strstr (long_name, "… - "));
  g_assert_cmpuint (g_utf8_strlen (long_name, -1), <, 110);
  g_assert_null (strchr (long_name, '/'));
}

/* The sheets of every item of a level, one PDF each, into a folder. */
static void
test_sheets_of_a_level (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load ("terrassa-ess-2019-2026", &error);
  g_autoptr(GPtrArray) items = fita_report_items_of_level (plan, fita_plan_find_item (plan, "11.1"));
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "fitxes", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  FitaReportOptions options = { FITA_REPORT_SHEET, 0, 2024, "ca" };
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (ids, ((FitaItem *) g_ptr_array_index (items, i))->rec.id);
  paths = fita_report_write_sheets (plan, &options, FITA_REPORT_FORMAT_PDF, (gint64 *) ids->data, ids->len, folder, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 5);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *code = g_strdup_printf (" 11.%u - ", i + 1);
      g_assert_true (g_file_get_contents (g_ptr_array_index (paths, i), &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_assert_nonnull (strstr (base, code));
      g_assert_false (g_hash_table_contains (seen, base));
      g_hash_table_add (seen, g_steal_pointer (&base));
    }
}

/* The core's enums are GTypes (made by glib-mkenums), whose nicks match the
 * keywords the CLI and the files use. */
static void
test_enum_types (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (FITA_TYPE_REPORT_KIND);
  g_autoptr(GEnumClass) roles = g_type_class_ref (FITA_TYPE_ROLE);
  g_autoptr(GFlagsClass) open_flags = g_type_class_ref (FITA_TYPE_OPEN_FLAGS);

  g_assert_true (G_TYPE_IS_ENUM (FITA_TYPE_PROGRESS_RULE));
  g_assert_true (G_TYPE_IS_ENUM (FITA_TYPE_AGENT_KIND));
  g_assert_true (G_TYPE_IS_ENUM (FITA_TYPE_INDICATOR_KIND));
  g_assert_cmpuint (kinds->n_values, ==, FITA_N_REPORTS);
  for (guint i = 0; i < FITA_N_REPORTS; i++)
    g_assert_cmpint (g_enum_get_value_by_nick (kinds, fita_report_kind_keywords[i])->value, ==, i);
  g_assert_cmpint (g_enum_get_value_by_nick (roles, "executes")->value, ==, FITA_ROLE_EXECUTES);
  g_assert_nonnull (g_flags_get_first_value (open_flags, FITA_OPEN_READ_ONLY));
}

/* Every chart is followed by its figures as a table, and the work plan's
 * calendar grid is given as text: each item's period in the table of
 * actions (issue 17). */
static void
test_pictures_have_their_figures (void)
{
  g_autoptr(FitaPlan) terrassa = fita_test_example ("terrassa-ess-2019-2026");
  g_autoptr(FitaPlan) xmess = fita_test_example ("xmess-2017-2019");
  g_autofree char *annual = report_text (terrassa, FITA_REPORT_ANNUAL, NULL, FITA_NONE, "ca", FALSE);
  g_autofree char *workplan = NULL;
  const char *bars, *chapters;

  if (annual == NULL)
    return;
  /* the no-break spaces before "€" and "%" as spaces */
  {
    g_autoptr(GString) spaced = g_string_new (annual);
    g_string_replace (spaced, "\xc2\xa0", " ", 0);
    g_free (annual);
    annual = g_string_free (g_steal_pointer (&spaced), FALSE);
  }
  bars = strstr (annual, "Pressupost previst i executat per any");
  chapters = strstr (annual, "Pressupost executat per capítol");
  g_assert_nonnull (bars);
  g_assert_nonnull (chapters);
  /* after the yearly chart, a row a year and the period's total */
  assert_has (bars, "Any Previst Executat Grau d'execució");
  assert_has (bars, "2024 - € 7.521,36 €");
  assert_has (bars, "Total 120.000,00 € 12.223,69 € 10,19 %");
  /* after the chapters' chart, each chapter's share */
  assert_has (chapters, "Capítol Previst Executat Percentatge");
  assert_has (chapters, "Capítol 2. Altres conceptes - € 7.521,36 € 61,53 %");

  workplan = report_text (xmess, FITA_REPORT_WORKPLAN, NULL, FITA_NONE, "ca", FALSE);
  assert_has (workplan, "Període");
  /* I.1.1 ticks 2017-1, 2017-2 and 2018-1; II.2.2 2018-1 and 2019-1 */
  assert_has (workplan, "de 2017 1r semestre a 2018 1r semestre");
  assert_has (workplan, "2018 1r semestre, 2019 1r semestre");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/every-kind", test_every_kind);
  g_test_add_func ("/report/sheet-needs-item", test_sheet_needs_item);
  g_test_add_func ("/report/links", test_links_are_clickable);
  g_test_add_func ("/report/writer-and-fallback", test_writer_and_fallback);
  g_test_add_func ("/report/cancel", test_cancel);
  g_test_add_func ("/report/write", test_write_atomic);
  g_test_add_func ("/report/who-and-other-services", test_who_and_other_services);
  g_test_add_func ("/report/words-are-whole", test_words_are_whole);
  g_test_add_func ("/report/amounts-whole", test_amounts_whole);
  g_test_add_func ("/report/balanced-columns", test_balanced_columns);
  g_test_add_func ("/report/no-empty-headings", test_no_empty_headings);
  g_test_add_func ("/report/no-heading-at-the-foot", test_no_heading_at_the_foot);
  g_test_add_func ("/report/one-year", test_one_year);
  g_test_add_func ("/report/default-year", test_default_year);
  g_test_add_func ("/report/leaf-sheet", test_leaf_sheet);
  g_test_add_func ("/report/participation", test_participation);
  g_test_add_func ("/report/enum-types", test_enum_types);
  g_test_add_func ("/report/file-names", test_file_names);
  g_test_add_func ("/report/sheets-of-a-level", test_sheets_of_a_level);
  g_test_add_func ("/report/pictures-have-their-figures", test_pictures_have_their_figures);
  return g_test_run ();
}
