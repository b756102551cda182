#include "fita-money.h"
#include "fita-error.h"
#include "fita-schema.h"

#define NBSP "\xc2\xa0"

static void
test_format (void)
{
  struct { gint64 cents; const char *lang; const char *text; } cases[] = {
    { 470233, "ca", "4.702,33" NBSP "€" },
    { 470233, "es", "4702,33" NBSP "€" },      /* CLDR: Spanish groups from 5 digits */
    { 1222369, "es", "12.223,69" NBSP "€" },
    { 470233, "en", "€4,702.33" },
    { 1222369, "ca", "12.223,69" NBSP "€" },
    { 12000000, "ca", "120.000,00" NBSP "€" },
    { 0, "ca", "0,00" NBSP "€" },
    { 5, "en", "€0.05" },
    { -752136, "ca", "-7.521,36" NBSP "€" },
    { FITA_NONE, "ca", "-" NBSP "€" },
    { FITA_NONE, "en", "€" NBSP "-" },
    { 123456789012, "ca", "1.234.567.890,12" NBSP "€" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fita_money_format (cases[i].cents, cases[i].lang);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *text = fita_money_format_short (12000000, "ca");
    g_assert_cmpstr (text, ==, "120.000" NBSP "€");
  }
}

static void
test_parse (void)
{
  struct { const char *text; const char *lang; gint64 cents; } cases[] = {
    { "4.702,33", "ca", 470233 },
    { "4.702,33 €", "ca", 470233 },
    { "4702.33 €", "ca", 470233 },
    { "4702,33", "es", 470233 },
    { "€4,702.33", "en", 470233 },
    { "4,702.33", "en", 470233 },
    { "4.702", "ca", 470200 },            /* a thousands separator in Catalan */
    { "4,5", "ca", 450 },
    { "120.000,00 €", "ca", 12000000 },
    { "1.234.567", "es", 123456700 },
    { "0 €", "ca", 0 },                   /* zero is an amount */
    { "- €", "ca", FITA_NONE },           /* "no amount" */
    { "", "ca", FITA_NONE },
    { "  -  ", "en", FITA_NONE },
    { "-12,50", "ca", -1250 },
    { "12" NBSP "345,10" NBSP "€", "ca", 1234510 },
    { "4702.33 EUR", "en", 470233 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 42;
      g_assert_true (fita_money_parse (cases[i].text, cases[i].lang, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_parse_errors (void)
{
  const char *bad[] = { "abc", "4.70.2,33", "4,702.333", "12,345,67", "1..2", ".5.", "4 702,333", "1e5", "12-3" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = 42;
      g_assert_false (fita_money_parse (bad[i], "ca", &cents, &error));
      g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
      g_assert_cmpint (cents, ==, 42);
    }
}

static void
test_round_trip (void)
{
  const char *langs[] = { "ca", "es", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (gint64 magnitude = 1; magnitude < G_GINT64_CONSTANT (100000000000000); magnitude = magnitude * 7 + 13)
      for (int sign = -1; sign <= 1; sign += 2)
        {
          gint64 cents = sign * magnitude;
          g_autofree char *text = fita_money_format (cents, langs[l]);
          gint64 back;
          g_assert_true (fita_money_parse (text, langs[l], &back, NULL));
          g_assert_cmpint (back, ==, cents);
        }
}

static void
test_percent (void)
{
  g_autofree char *ca = fita_percent_format_bp (1019, "ca");
  g_autofree char *es = fita_percent_format_bp (1019, "es");
  g_autofree char *en = fita_percent_format_bp (1019, "en");
  g_autofree char *whole = fita_percent_format (12, "ca");
  g_autofree char *whole_en = fita_percent_format (12, "en");
  const char *good[] = { "30 %", "30%", "30", " 0 ", "100" NBSP "%" };
  const gint64 values[] = { 30, 30, 30, 0, 100 };
  const char *bad[] = { "101", "-1", "abc", "30 %%", "3o" };

  g_assert_cmpstr (ca, ==, "10,19" NBSP "%");
  g_assert_cmpstr (es, ==, "10,19" NBSP "%");
  g_assert_cmpstr (en, ==, "10.19%");
  g_assert_cmpstr (whole, ==, "12" NBSP "%");
  g_assert_cmpstr (whole_en, ==, "12%");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 percent;
      g_assert_true (fita_percent_parse (good[i], &percent, NULL));
      g_assert_cmpint (percent, ==, values[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 percent;
      g_assert_false (fita_percent_parse (bad[i], &percent, &error));
      g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
    }
}

static void
test_hundredths (void)
{
  struct { gint64 bp; int decimals; const char *lang; const char *text; } shown[] = {
    { 8830, -1, "ca", "88,3" NBSP "%" },
    { 9583, -1, "es", "95,83" NBSP "%" },
    { 3000, -1, "en", "30%" },
    { 9583, 1, "ca", "95,8" NBSP "%" },
    { 9585, 1, "ca", "95,9" NBSP "%" },     /* half up */
    { 9250, 0, "en", "93%" },               /* half up */
    { 9249, 0, "en", "92%" },
    { 5, 2, "en", "0.05%" },
    { 10000, 2, "ca", "100,00" NBSP "%" },
    { FITA_NONE, 2, "ca", "—" },            /* not known, which is not 0 % */
  };
  struct { const char *text; gint64 bp; } good[] = {
    { "88,3 %", 8830 }, { "88.3", 8830 }, { "95,83%", 9583 }, { "30", 3000 },
    { " 0 ", 0 }, { "100" NBSP "%", 10000 }, { "0,05", 5 }, { "100,00", 10000 },
  };
  const char *bad[] = { "100,01", "-1", "abc", "12,345", "1.000", "30 %%", "" };

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      g_autofree char *text = fita_percent_format_hundredths (shown[i].bp, shown[i].decimals, shown[i].lang);
      g_assert_cmpstr (text, ==, shown[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 bp = -1;
      g_assert_true (fita_percent_parse_hundredths (good[i].text, &bp, NULL));
      g_assert_cmpint (bp, ==, good[i].bp);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 bp;
      g_assert_false (fita_percent_parse_hundredths (bad[i], &bp, &error));
      g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
    }
}

static void
test_number (void)
{
  g_autofree char *ca = fita_number_format (1373, "ca");
  g_autofree char *es = fita_number_format (1373, "es");
  g_autofree char *es_big = fita_number_format (12345, "es");
  g_autofree char *en = fita_number_format (1373, "en");
  g_autofree char *small = fita_number_format (799, "ca");
  g_autofree char *negative = fita_number_format (-1234567, "ca");

  g_assert_cmpstr (ca, ==, "1.373");
  g_assert_cmpstr (es, ==, "1373");
  g_assert_cmpstr (es_big, ==, "12.345");
  g_assert_cmpstr (en, ==, "1,373");
  g_assert_cmpstr (small, ==, "799");
  g_assert_cmpstr (negative, ==, "-1.234.567");
}

static void
test_rate (void)
{
  /* seed 000: 12.223,69 € of 120.000,00 € = 10,1864… % → 10,19 % half up */
  g_assert_cmpint (fita_rate_bp (1222369, 12000000), ==, 1019);
  /* unknown is not zero: with no executed amount known there is no rate */
  g_assert_cmpint (fita_rate_bp (FITA_NONE, 12000000), ==, FITA_NONE);
  g_assert_cmpint (fita_rate_bp (0, 12000000), ==, 0);
  g_assert_cmpint (fita_rate_bp (100, FITA_NONE), ==, FITA_NONE);
  g_assert_cmpint (fita_rate_bp (100, 0), ==, FITA_NONE);
  g_assert_cmpint (fita_rate_bp (5, 10000), ==, 5);
  g_assert_cmpint (fita_rate_bp (1, 20000), ==, 1);      /* 0,5 bp rounds up */
  g_assert_cmpint (fita_rate_bp (1, 20001), ==, 0);
  g_assert_cmpint (fita_div_round (62, 5), ==, 12);
  g_assert_cmpint (fita_div_round (25, 2), ==, 13);
  g_assert_cmpint (fita_div_round (-25, 2), ==, -13);
}

static void
test_lang (void)
{
  g_assert_cmpstr (fita_lang_normalise ("ca_ES.UTF-8"), ==, "ca");
  g_assert_cmpstr (fita_lang_normalise ("es"), ==, "es");
  g_assert_cmpstr (fita_lang_normalise ("ca@valencia"), ==, "ca");
  g_assert_cmpstr (fita_lang_normalise ("cat"), ==, "en");
  g_assert_cmpstr (fita_lang_normalise ("fr_FR"), ==, "en");
  g_assert_cmpstr (fita_lang_normalise (NULL), ==, "en");
}

/* A percent's number for a field that shows "%" beside it. */
static void
test_hundredths_number (void)
{
  static const struct { gint64 value; int decimals; const char *lang; const char *text; } cases[] = {
    { 8830, -1, "ca", "88,3" },
    { 9583, -1, "es", "95,83" },
    { 9583, -1, "en", "95.83" },
    { 3000, -1, "ca", "30" },
    { 9583, 1, "ca", "95,8" },
    { 9583, 0, "ca", "96" },
    { 0, 2, "ca", "0,00" },
    { 10000, -1, "ca", "100" },
    { FITA_NONE, -1, "ca", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fita_hundredths_format (cases[i].value, cases[i].decimals, cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-errors", test_parse_errors);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/percent", test_percent);
  g_test_add_func ("/money/hundredths", test_hundredths);
  g_test_add_func ("/money/hundredths-number", test_hundredths_number);
  g_test_add_func ("/money/number", test_number);
  g_test_add_func ("/money/rate", test_rate);
  g_test_add_func ("/money/lang", test_lang);
  return g_test_run ();
}
