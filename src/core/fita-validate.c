/* fita-validate.c: the values a field of a plan may hold (fita-plan.h:
 * fita_text_validate, fita_field_validate), checked before a value is set,
 * imported or loaded. */
#include "config.h"
#include "fita-plan.h"
#include "fita-error.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>


static gboolean
is_iso_date (const char *text)
{
  int y = 0, m = 1, d = 1;
  char tail;
  int n = sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail);
  gsize len = strlen (text);

  if (!(len == 4 || len == 7 || len == 10) || n < 1 || n > 3)
    return FALSE;
  if ((len == 4 && n != 1) || (len == 7 && n != 2) || (len == 10 && n != 3))
    return FALSE;
  return y >= 1000 && g_date_valid_dmy (d, m, y);
}

static gboolean
is_colour (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_decimal (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  return digits && *p == '\0';
}

static gboolean
text_validate (const char *text, gsize max, GError **error)
{
  gsize length = strlen (text);

  if (length > max)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                   _("The text is too long (%d bytes; at most %d): keep long documents as links."),
                   (int) MIN (length, G_MAXINT), (int) max);
      return FALSE;
    }
  if (!g_utf8_validate (text, (gssize) length, NULL))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE, _("The text is not valid UTF-8."));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* control characters (but tab and line ends) and noncharacters have
       * no place in a plan, and break reports and terminals */
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0) ||
          (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                       _("The text holds a control character or a noncharacter (U+%04X), at byte %d; remove it."),
                       c, (int) (p - text));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
fita_text_validate (const char *text, GError **error)
{
  return text_validate (text, FITA_MAX_TEXT, error);
}

gboolean
fita_field_validate (const FitaField *field, gint64 value, const char *text, GError **error)
{
  const char *name = field->name;
  char number[32];

  switch (field->type)
    {
    case FITA_FIELD_TEXT:
      if ((text == NULL || *text == '\0') && (field->flags & FITA_FIELD_REQUIRED))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The %s may not be empty."), name);
          return FALSE;
        }
      if (text != NULL && *text != '\0')
        {
          if (!text_validate (text, (field->flags & FITA_FIELD_DOCUMENT) ? FITA_MAX_DOCUMENT : FITA_MAX_TEXT,
                              error))
            return FALSE;
          if (g_str_has_suffix (name, "_date") && !is_iso_date (text))
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                           _("“%s” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY."), text);
              return FALSE;
            }
          if (g_str_equal (name, "colour") && !is_colour (text))
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                           _("“%s” is not a colour: write #rrggbb."), text);
              return FALSE;
            }
          /* the plan's identity, which its forms' keys carry and compare */
          if (g_str_equal (name, "uuid") && !g_uuid_string_is_valid (text))
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                           _("“%s” is not a UUID (such as 0b6e3f0a-5d1c-4c36-9a53-2f1b0e7c8d41)."), text);
              return FALSE;
            }
          if (g_str_equal (name, "value") && !is_decimal (text))
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                           _("“%s” is not a number."), text);
              return FALSE;
            }
        }
      return TRUE;
    case FITA_FIELD_SEMESTERS:
      return (text == NULL || fita_text_validate (text, error)) && fita_semesters_validate (text, error);
    case FITA_FIELD_ENUM:
      {
        gint64 n = 0;
        while (field->keywords[n] != NULL)
          n++;
        if (value < 0 || value >= n)
          {
            g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("Not a valid %s."), name);
            return FALSE;
          }
      }
      return TRUE;
    case FITA_FIELD_BOOL:
      if (value != 0 && value != 1)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID, _("The %s must be true or false."), name);
          return FALSE;
        }
      return TRUE;
    case FITA_FIELD_INT:
      if (value == FITA_NONE)
        return TRUE;
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value);
      if ((field->flags & FITA_FIELD_HUNDREDTHS) && (value < 0 || value > 10000))
        {
          gint64 magnitude = value < 0 ? -(value / 100) : value / 100;
          if (value % 10 == 0 && value % 100 != 0)
            g_snprintf (number, sizeof number, "%s%" G_GINT64_FORMAT ".%d", value < 0 ? "-" : "",
                        magnitude, (int) ABS (value % 100) / 10);
          else if (value % 100 != 0)
            g_snprintf (number, sizeof number, "%s%" G_GINT64_FORMAT ".%02d", value < 0 ? "-" : "",
                        magnitude, (int) ABS (value % 100));
          else
            g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value / 100);
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("%s is not a percentage: use a number from 0 to 100."), number);
          return FALSE;
        }
      if (g_str_equal (name, "progress_decimals") && (value < 0 || value > 2))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("Percentages are shown with 0, 1 or 2 decimals, not %s."), number);
          return FALSE;
        }
      if (g_str_equal (name, "percent") && (value < 0 || value > 100))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("%s is not a percentage: use a whole number from 0 to 100."), number);
          return FALSE;
        }
      if ((g_str_has_suffix (name, "year") || g_str_has_prefix (name, "period_")) &&
          (value < FITA_MIN_YEAR || value > FITA_MAX_YEAR))
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("%s is not a year Fita can plan: use one from %d to %d."), number, FITA_MIN_YEAR, FITA_MAX_YEAR);
          return FALSE;
        }
      if (g_str_equal (name, "weight") && value > FITA_MAX_WEIGHT)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("A weight of %s is too large: use one from 0 to %d."), number, FITA_MAX_WEIGHT);
          return FALSE;
        }
      if (g_str_equal (name, "depth") && value >= FITA_MAX_DEPTH)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("A level at depth %s is too deep: a plan has at most %d levels."), number, FITA_MAX_DEPTH);
          return FALSE;
        }
      if (value > FITA_MAX_NUMBER)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("%s is too large for the %s."), number, name);
          return FALSE;
        }
      if (value < 0)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("The %s may not be negative."), name);
          return FALSE;
        }
      return TRUE;
    case FITA_FIELD_CENTS:
      if (value != FITA_NONE && value > FITA_MAX_CENTS)
        {
          g_autofree char *amount = fita_money_format (value, "en");
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("An amount of %s is more than Fita keeps (10 000 000 000 000 €); check the figure."), amount);
          return FALSE;
        }
      if (value != FITA_NONE && value < 0)
        {
          g_autofree char *amount = fita_money_format (value, "en");
          g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
                       _("An amount may not be negative (%s): enter what is planned or executed, or leave it empty."),
                       amount);
          return FALSE;
        }
      return TRUE;
    case FITA_FIELD_ID:
    case FITA_FIELD_OWNER:
    case FITA_FIELD_POSITION:
    case FITA_FIELD_REF:
      return TRUE;
    }
  return TRUE;
}

