#include "config.h"
#include "fita-money.h"
#include "fita-error.h"
#include "fita-schema.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

/* A no-break space keeps "€" and "%" on the line of their number. */
#define NBSP "\xc2\xa0"

typedef struct {
  const char *lang;
  char decimal;
  char group;
  int min_group_digits;     /* CLDR: Spanish groups only from 5 digits on */
  gboolean symbol_first;
  const char *percent_sep;
} Style;

static const Style styles[] = {
  { "ca", ',', '.', 4, FALSE, NBSP },
  { "es", ',', '.', 5, FALSE, NBSP },
  { "en", '.', ',', 4, TRUE, "" },
};

const char *
fita_lang_normalise (const char *lang)
{
  for (guint i = 0; lang != NULL && i < G_N_ELEMENTS (styles); i++)
    if (g_ascii_strncasecmp (lang, styles[i].lang, 2) == 0 &&
        (lang[2] == '\0' || lang[2] == '_' || lang[2] == '-' || lang[2] == '.' || lang[2] == '@'))
      return styles[i].lang;
  return "en";
}

const char *
fita_lang_from_locale (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *numeric = setlocale (LC_NUMERIC, NULL);

  /* LANGUAGE wins for messages; follow it for numbers too when it names one
   * of ours, so "LANGUAGE=ca fita" is Catalan throughout. */
  if (language != NULL && *language != '\0')
    return fita_lang_normalise (language);
  if (numeric != NULL && g_strcmp0 (numeric, "C") != 0 && g_strcmp0 (numeric, "POSIX") != 0)
    return fita_lang_normalise (numeric);
  return fita_lang_normalise (setlocale (LC_MESSAGES, NULL));
}

static const Style *
style_for (const char *lang)
{
  lang = fita_lang_normalise (lang);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (styles[i].lang, lang))
      return &styles[i];
  return &styles[2];
}

static void
append_grouped (GString *out, guint64 whole, const Style *style)
{
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, whole);
  gboolean group = n >= style->min_group_digits;

  for (int i = 0; i < n; i++)
    {
      if (group && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, style->group);
      g_string_append_c (out, digits[i]);
    }
}

static char *
format_money (gint64 cents, const char *lang, gboolean short_form)
{
  const Style *style = style_for (lang);
  GString *out = g_string_new (NULL);
  guint64 magnitude;

  if (cents == FITA_NONE)
    {
      g_string_append (out, style->symbol_first ? "€" NBSP "-" : "-" NBSP "€");
      return g_string_free (out, FALSE);
    }
  magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  if (cents < 0)
    g_string_append_c (out, '-');
  if (style->symbol_first)
    g_string_append (out, "€");
  append_grouped (out, magnitude / 100, style);
  if (!short_form || magnitude % 100 != 0)
    g_string_append_printf (out, "%c%02u", style->decimal, (guint) (magnitude % 100));
  if (!style->symbol_first)
    g_string_append (out, NBSP "€");
  return g_string_free (out, FALSE);
}

char *
fita_money_format (gint64 cents, const char *lang)
{
  return format_money (cents, lang, FALSE);
}

char *
fita_money_format_short (gint64 cents, const char *lang)
{
  return format_money (cents, lang, TRUE);
}

static gboolean
parse_error (GError **error, const char *text)
{
  g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
               _("“%s” is not an amount of money. Write it like 4.702,33 or 4702.33 €, or “- €” for no amount."),
               text);
  return FALSE;
}

gboolean
fita_money_parse (const char *text, const char *lang, gint64 *cents, GError **error)
{
  const Style *style = style_for (lang);
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean negative = FALSE;
  const char *last_dot, *last_comma, *decimal = NULL;
  char decimal_char = 0;
  guint64 whole = 0, fraction = 0;
  int fraction_digits = 0;

  /* Keep digits and separators; drop spaces, NBSP, thin spaces and "€". */
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f || c == 0x2009 || c == 0x20ac)
        continue;
      if (c == 'E' || c == 'U' || c == 'R')
        {
          if (g_str_has_prefix (p, "EUR"))
            {
              p += 2;
              continue;
            }
          return parse_error (error, text);
        }
      if (c == '-' && clean->len == 0 && !negative)
        {
          negative = TRUE;
          continue;
        }
      if (!(g_ascii_isdigit (c) || c == '.' || c == ','))
        return parse_error (error, text);
      g_string_append_c (clean, (char) c);
    }

  if (clean->len == 0)
    {
      /* "", "-", "- €": no amount */
      *cents = FITA_NONE;
      return TRUE;
    }

  last_dot = strrchr (clean->str, '.');
  last_comma = strrchr (clean->str, ',');
  if (last_dot && last_comma)
    {
      decimal = last_dot > last_comma ? last_dot : last_comma;
      decimal_char = *decimal;
    }
  else if (last_dot || last_comma)
    {
      const char *sep = last_dot ? last_dot : last_comma;
      gsize after = strlen (sep + 1);
      gboolean once = strchr (clean->str, *sep) == sep;
      /* "4.702" is four thousand in Catalan; "4702.33" has decimals anywhere */
      if (once && !(after == 3 && *sep == style->group))
        {
          decimal = sep;
          decimal_char = *sep;
        }
    }

  for (const char *p = clean->str; *p; p++)
    {
      if (p == decimal)
        continue;
      if (decimal != NULL && p > decimal)
        {
          if (*p == '.' || *p == ',')
            return parse_error (error, text);
          if (++fraction_digits > 2)
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                           _("“%s” has more than two decimals; amounts are in euros and cents."), text);
              return FALSE;
            }
          fraction = fraction * 10 + (*p - '0');
          continue;
        }
      if (*p == '.' || *p == ',')
        {
          /* a group separator: must be followed by exactly three digits */
          const char *q = p + 1;
          int n = 0;
          if (*p == decimal_char)
            return parse_error (error, text);
          while (g_ascii_isdigit (*q))
            q++, n++;
          if (n != 3 || p == clean->str)
            return parse_error (error, text);
          continue;
        }
      if (whole > (guint64) G_MAXINT64 / 1000)
        return parse_error (error, text);
      whole = whole * 10 + (*p - '0');
    }
  if (fraction_digits == 1)
    fraction *= 10;
  if (decimal != NULL && fraction_digits == 0)
    return parse_error (error, text);

  *cents = (gint64) (whole * 100 + fraction);
  if (negative)
    *cents = -*cents;
  return TRUE;
}

char *
fita_number_format (gint64 number, const char *lang)
{
  const Style *style = style_for (lang);
  GString *out = g_string_new (NULL);

  if (number == FITA_NONE)
    return g_string_free (out, FALSE);
  if (number < 0)
    g_string_append_c (out, '-');
  append_grouped (out, number < 0 ? (guint64) (-(number + 1)) + 1 : (guint64) number, style);
  return g_string_free (out, FALSE);
}

char *
fita_percent_format (gint64 percent, const char *lang)
{
  const Style *style = style_for (lang);

  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%%", percent, style->percent_sep);
}

static GString *
append_hundredths (GString *out, gint64 hundredths, int decimals, const Style *style)
{
  static const gint64 scale[] = { 1, 10, 100 };
  gint64 magnitude = hundredths < 0 ? -hundredths : hundredths;
  gint64 value;

  if (decimals < 0)
    decimals = magnitude % 100 == 0 ? 0 : magnitude % 10 == 0 ? 1 : 2;
  decimals = CLAMP (decimals, 0, 2);
  value = fita_div_round (magnitude, scale[2 - decimals]);
  if (hundredths < 0 && value > 0)
    g_string_append_c (out, '-');
  append_grouped (out, (guint64) (value / scale[decimals]), style);
  if (decimals > 0)
    g_string_append_printf (out, "%c%0*d", style->decimal, decimals, (int) (value % scale[decimals]));
  return out;
}

char *
fita_hundredths_format (gint64 hundredths, int decimals, const char *lang)
{
  if (hundredths == FITA_NONE)
    return g_strdup ("");
  return g_string_free (append_hundredths (g_string_new (NULL), hundredths, decimals, style_for (lang)), FALSE);
}

char *
fita_percent_format_hundredths (gint64 bp, int decimals, const char *lang)
{
  const Style *style = style_for (lang);
  GString *out;

  if (bp == FITA_NONE)
    return g_strdup (C_("no value", "—"));
  out = append_hundredths (g_string_new (NULL), bp, decimals, style);
  g_string_append_printf (out, "%s%%", style->percent_sep);
  return g_string_free (out, FALSE);
}

char *
fita_percent_format_bp (gint64 bp, const char *lang)
{
  return fita_percent_format_hundredths (bp, 2, lang);
}

gboolean
fita_percent_parse (const char *text, gint64 *percent, GError **error)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  char *end = NULL;
  gint64 value;

  g_strstrip (copy);
  value = g_ascii_strtoll (copy, &end, 10);
  if (end == copy)
    goto bad;
  while (*end == ' ' || g_str_has_prefix (end, NBSP))
    end += *end == ' ' ? 1 : 2;
  if (*end == '%')
    end++;
  if (*end != '\0' || value < 0 || value > 100)
    goto bad;
  *percent = value;
  return TRUE;

bad:
  g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
               _("“%s” is not a percentage: use a whole number from 0 to 100, like 30 %%."), text);
  return FALSE;
}

gboolean
fita_percent_parse_hundredths (const char *text, gint64 *bp, GError **error)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  const char *p;
  gint64 whole = 0, fraction = 0;
  int digits = 0, fraction_digits = 0;

  g_strstrip (copy);
  for (p = copy; g_ascii_isdigit (*p) && digits < 4; p++, digits++)
    whole = whole * 10 + (*p - '0');
  if (digits == 0)
    goto bad;
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (++fraction_digits > 2)
          {
            g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                         _("“%s” has more than two decimals: percentages are kept to hundredths, like 95,83 %%."), text);
            return FALSE;
          }
        fraction = fraction * 10 + (*p - '0');
      }
  while (*p == ' ' || g_str_has_prefix (p, NBSP))
    p += *p == ' ' ? 1 : 2;
  if (*p == '%')
    p++;
  if (fraction_digits == 1)
    fraction *= 10;
  if (*p != '\0' || whole * 100 + fraction > 10000)
    goto bad;
  *bp = whole * 100 + fraction;
  return TRUE;

bad:
  g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
               _("“%s” is not a percentage: use a number from 0 to 100, like 30 %% or 88,3 %%."), text);
  return FALSE;
}

gint64
fita_div_round (gint64 a, gint64 b)
{
  g_return_val_if_fail (b > 0, 0);

  if (a < 0)
    return -fita_div_round (-a, b);
  /* (2a + b) / 2b without overflowing for large a */
  return a / b + ((a % b) * 2 >= b ? 1 : 0);
}

gint64
fita_rate_bp (gint64 executed, gint64 planned)
{
  /* unknown is not zero: with no executed amount known, there is no rate */
  __int128 scaled;

  if (planned == FITA_NONE || planned <= 0 || executed == FITA_NONE)
    return FITA_NONE;
  /* 128 bits: executed × 10 000 overflows 64 for the largest amounts */
  scaled = (__int128) (executed < 0 ? -executed : executed) * 10000;
  scaled = (2 * scaled + planned) / (2 * (__int128) planned);
  if (scaled > G_MAXINT64)
    scaled = G_MAXINT64;
  return executed < 0 ? -(gint64) scaled : (gint64) scaled;
}
