/* fita-money.h: money in integer cents and percentages, as officers write
 * them in Catalan, Spanish and English. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "ca", "es" or "en", from the user's locale (LC_NUMERIC, then messages). */
const char *fita_lang_from_locale (void);
/* Normalises a language code ("ca_ES.UTF-8" → "ca"); unknown ones → "en". */
const char *fita_lang_normalise   (const char *lang);

/* "4.702,33 €" (ca), "4702,33 €" (es), "€4,702.33" (en); FITA_NONE → "- €". */
char     *fita_money_format       (gint64       cents,
                                   const char  *lang);
/* The same with no decimals when the amount is whole ("120.000 €"), for axes. */
char     *fita_money_format_short (gint64       cents,
                                   const char  *lang);
/* Reads "4.702,33", "4702.33 €", "€4,702.33", "4.702" (ca/es), "- €" and
 * "" (no amount: FITA_NONE). */
gboolean  fita_money_parse        (const char  *text,
                                   const char  *lang,
                                   gint64      *cents,
                                   GError     **error);

/* A whole number with the language's grouping: "1.373" (ca), "1373" and
 * "12.345" (es), "1,373" (en). */
char     *fita_number_format      (gint64       number,
                                   const char  *lang);

/* "12 %" (ca, es) or "12%" (en). */
char     *fita_percent_format     (gint64       percent,
                                   const char  *lang);
/* Basis points: 1019 → "10,19 %" (ca, es), "10.19%" (en); FITA_NONE → "—". */
char     *fita_percent_format_bp  (gint64       bp,
                                   const char  *lang);
/* A percent kept in hundredths (8830 = 88,3 %) with `decimals` decimals
 * (0-2, rounded half up), or with -1 as many as it has ("88,3 %");
 * FITA_NONE → "—" (not known, which is not 0 %). */
char     *fita_percent_format_hundredths (gint64  bp,
                                   int          decimals,
                                   const char  *lang);
/* The number of a percent kept in hundredths, with no sign, for a field
 * that shows "%" beside it: 8830 → "88,3" (ca, es), "88.3" (en); decimals
 * as above; FITA_NONE → "". */
char     *fita_hundredths_format  (gint64       hundredths,
                                   int          decimals,
                                   const char  *lang);
/* "30 %", "30%", "30" → 30; 0 to 100. */
gboolean  fita_percent_parse      (const char  *text,
                                   gint64      *percent,
                                   GError     **error);
/* "88,3 %", "88.3", "95,83%", "30" → 8830, 9583, 3000 hundredths; 0 to
 * 100 with at most two decimals. */
gboolean  fita_percent_parse_hundredths (const char *text,
                                   gint64      *bp,
                                   GError     **error);

/* a / b rounded half up, for a ≥ 0 and b > 0. */
gint64    fita_div_round          (gint64       a,
                                   gint64       b);
/* executed / planned in basis points, half up; FITA_NONE if it cannot be
 * said: nothing planned, or no executed amount known. */
gint64    fita_rate_bp            (gint64       executed,
                                   gint64       planned);

G_END_DECLS
