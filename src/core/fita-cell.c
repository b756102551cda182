#include "config.h"
#include "fita-cell.h"
#include "fita-error.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xc2\xa0"

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
fita_cell_fold (const char *text)
{
  /* compatibility decomposition too: "2.º" and "1.ª" become "2.o", "1.a";
   * ASCII has nothing to decompose (and is most cells) */
  g_autofree char *decomposed = text == NULL || is_ascii (text) ? g_strdup (text ? text : "")
                                                                : g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = decomposed ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      if (g_unichar_ismark (c) || c == 0x00b7 /* l·l */)
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char *word, const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
year_in_range (gint64 year, const char *text, GError **error)
{
  g_autofree char *number = NULL;

  if (year >= FITA_MIN_YEAR && year <= FITA_MAX_YEAR)
    return TRUE;
  number = g_strdup_printf ("%" G_GINT64_FORMAT, year);
  g_set_error (error, FITA_ERROR, FITA_ERROR_INVALID,
               _("%s is not a year Fita can plan: use one from %d to %d."), number, FITA_MIN_YEAR, FITA_MAX_YEAR);
  return FALSE;
}

static gboolean
is_digits (const char *text, gsize length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
fita_cell_parse_year (const char *text, gboolean in_label, gint64 *year, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gint64 found = FITA_NONE;
  guint count = 0;

  if (is_digits (copy, strlen (copy)) && strlen (copy) == 4)
    {
      *year = g_ascii_strtoll (copy, NULL, 10);
      return year_in_range (*year, text, error);
    }
  /* a label's one run of four digits: "2019-2026" has two, "12345" none */
  for (const char *p = copy; in_label && *p != '\0';)
    {
      gsize run = 0;
      while (g_ascii_isdigit (p[run]))
        run++;
      if (run == 4)
        {
          found = g_ascii_strtoll (p, NULL, 10);
          count++;
        }
      p += run > 0 ? run : 1;
    }
  if (count == 1)
    {
      *year = found;
      return year_in_range (found, text, error);
    }
  g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE, _("“%s” is not a year: write it like 2024."), text);
  return FALSE;
}

gboolean
fita_cell_parse_when (const char *text, gint64 *year, char **date, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gint64 groups[3];
  gsize lengths[3];
  char separators[2] = { 0, 0 };
  guint n = 0;
  const char *p = copy;
  gint64 y = 0, m = 0, d = 0;

  *year = FITA_NONE;
  *date = NULL;
  if (*copy == '\0')
    return TRUE;
  if (is_digits (copy, strlen (copy)) && strlen (copy) == 4)
    {
      *year = g_ascii_strtoll (copy, NULL, 10);
      return year_in_range (*year, text, error);
    }

  /* two or three groups of digits, separated by one of / - . */
  while (n < 3)
    {
      gsize run = 0;
      while (g_ascii_isdigit (p[run]) && run < 5)
        run++;
      if (run == 0 || run > 4)
        goto bad;
      groups[n] = g_ascii_strtoll (p, NULL, 10);
      lengths[n++] = run;
      p += run;
      if (*p == '\0')
        break;
      if (n == 3 || (*p != '/' && *p != '-' && *p != '.') || (n == 2 && *p != separators[0]))
        goto bad;
      separators[n - 1] = *p++;
    }
  if (*p != '\0' || n < 2)
    goto bad;
  if (n == 3 && lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    d = groups[0], m = groups[1], y = groups[2];            /* 15/03/2024 */
  else if (n == 3 && lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2 && separators[0] != '.')
    y = groups[0], m = groups[1], d = groups[2];            /* 2024-03-15 */
  else if (n == 2 && lengths[1] == 4 && lengths[0] <= 2)
    m = groups[0], y = groups[1];                           /* 03/2024 */
  else if (n == 2 && lengths[0] == 4 && lengths[1] <= 2 && separators[0] != '.')
    y = groups[0], m = groups[1];                           /* 2024-03 */
  else
    goto bad;
  if (!year_in_range (y, text, error))
    return FALSE;
  if (m < 1 || m > 12 || (d != 0 && !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)))
    goto bad;
  *date = d != 0 ? g_strdup_printf ("%04d-%02d-%02d", (int) y, (int) m, (int) d)
                 : g_strdup_printf ("%04d-%02d", (int) y, (int) m);
  return TRUE;

bad:
  g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
               _("“%s” is not a year or a date: write it like 2024, 15/03/2024 or 03/2024."), text);
  return FALSE;
}

static int
half_of (const char *word)
{
  static const char * const first[] = { "1", "1r", "1er", "1st", "1o", "1a", "1e", "primer", "primero", "primera",
                                        "first", "s1", "h1", "1s", "1h", NULL };
  static const char * const second[] = { "2", "2n", "2on", "2nd", "2o", "2a", "2e", "segon", "segona", "segundo",
                                         "segunda", "second", "s2", "h2", "2s", "2h", NULL };

  return in_list (word, first) ? 1 : in_list (word, second) ? 2 : 0;
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* One piece of a semesters cell: words in any order around the year. */
static gboolean
parse_semester_piece (const char *piece, gint64 default_year, GArray *found, GError **error)
{
  static const char * const filler[] = { "semestre", "semestres", "semester", "semesters", "sem", "half", "de",
                                         "del", "of", "the", "any", "ano", "year", "el", "en", "in", NULL };
  g_autofree char *folded = fita_cell_fold (piece);
  g_auto(GStrv) all = g_strsplit (folded, " ", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  guint i = 0;

  for (guint w = 0; all[w] != NULL; w++)
    {
      static const char * const ordinals[] = { "o", "a", "r", "er", "n", "on", "st", "nd", "e", NULL };
      const char *last = words->len > 0 ? g_ptr_array_index (words, words->len - 1) : NULL;
      /* "2.º" and "1.er" fold to "2 o" and "1 er": one word again */
      if (last != NULL && (g_str_equal (last, "1") || g_str_equal (last, "2")) && in_list (all[w], ordinals))
        {
          char *joined = g_strconcat (last, all[w], NULL);
          g_free (all[w]);
          all[w] = joined;
          g_ptr_array_index (words, words->len - 1) = all[w];
        }
      else if (*all[w] != '\0' && !in_list (all[w], filler))
        g_ptr_array_add (words, all[w]);
    }
  if (words->len == 0)
    goto bad;
  while (i < words->len)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *next = i + 1 < words->len ? g_ptr_array_index (words, i + 1) : NULL;
      gboolean is_year = strlen (word) == 4 && is_digits (word, 4);
      gboolean next_is_year = next != NULL && strlen (next) == 4 && is_digits (next, 4);
      gint64 year;
      int half;

      if (is_year)
        {
          year = g_ascii_strtoll (word, NULL, 10);
          half = next != NULL && !next_is_year ? half_of (next) : 0;
          i += half != 0 ? 2 : 1;
        }
      else if ((half = half_of (word)) != 0)
        {
          year = next_is_year ? g_ascii_strtoll (next, NULL, 10) : default_year;
          i += next_is_year ? 2 : 1;
          if (year == FITA_NONE)
            {
              g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                           _("“%s” does not say the year of the semester: write it like 2018 1r semestre."), piece);
              return FALSE;
            }
        }
      else
        goto bad;
      if (!year_in_range (year, piece, error))
        return FALSE;
      /* a year alone is both of its halves */
      for (int h = 1; h <= 2; h++)
        if (half == 0 || half == h)
          {
            int key = (int) year * 2 + h - 1;
            g_array_append_val (found, key);
          }
    }
  return TRUE;

bad:
  g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
               _("“%s” is not a semester: write it like 2018-1, S1 2018 or 2018 1r semestre."), piece);
  return FALSE;
}

gboolean
fita_cell_parse_semesters (const char *text, gint64 default_year, char **semesters, GError **error)
{
  g_auto(GStrv) pieces = g_strsplit_set (text ? text : "", ",;/+\n", -1);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (int));
  GString *out;

  *semesters = NULL;
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (*pieces[i] != '\0' && !parse_semester_piece (pieces[i], default_year, found, error))
        return FALSE;
    }
  if (found->len == 0)
    return TRUE;
  g_array_sort (found, compare_ints);
  out = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      int key = g_array_index (found, int, i);
      if (i > 0 && key == g_array_index (found, int, i - 1))
        continue;
      g_string_append_printf (out, "%s%d-%d", out->len > 0 ? " " : "", key / 2, key % 2 + 1);
    }
  *semesters = g_string_free (out, FALSE);
  return TRUE;
}

gboolean
fita_cell_parse_status (const char *text, char **name, gint64 *progress_bp, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  gsize length = strlen (copy);
  char *open;

  *name = NULL;
  *progress_bp = FITA_NONE;
  if (length == 0)
    return TRUE;
  /* "30 %" alone: a percent with no status name */
  if (strchr (copy, '%') != NULL && fita_percent_parse_hundredths (copy, progress_bp, NULL))
    return TRUE;
  if (copy[length - 1] == ')' && (open = strrchr (copy, '(')) != NULL)
    {
      g_autofree char *inner = g_strndup (open + 1, copy + length - 1 - (open + 1));
      gint64 bp;
      g_autoptr(GError) local = NULL;

      g_strstrip (inner);
      if (fita_percent_parse_hundredths (inner, &bp, &local))
        {
          *open = '\0';
          g_strstrip (copy);
          *name = *copy != '\0' ? g_strdup (copy) : NULL;
          *progress_bp = bp;
          return TRUE;
        }
      /* "(2023)" is part of a name; "(130 %)" is a wrong percent */
      if (strchr (inner, '%') != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  *name = g_steal_pointer (&copy);
  return TRUE;
}

gboolean
fita_cell_parse_whole (const char *text, gint64 *value, GError **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (!is_digits (copy, strlen (copy)) || strlen (copy) > 15)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE, _("“%s” is not a whole number."), text);
      return FALSE;
    }
  *value = g_ascii_strtoll (copy, NULL, 10);
  return TRUE;
}

gboolean
fita_cell_parse_indicator_value (const char *text, const char *lang, char **value, gboolean *pending,
                                 GError **error)
{
  static const char * const pending_words[] = { "pendent", "pendent d avaluar", "pendent d avaluacio", "pendiente",
                                                "pendiente de evaluar", "pendiente de evaluacion", "pending",
                                                "pending evaluation", NULL };
  g_autofree char *folded = fita_cell_fold (text);
  g_autoptr(GString) number = g_string_new (NULL);
  GString *clean;
  const char *p, *decimal = NULL, *last_dot, *last_comma;
  char group = g_str_equal (fita_lang_normalise (lang), "en") ? ',' : '.';
  gboolean before = FALSE, after = FALSE;

  *value = NULL;
  *pending = FALSE;
  if (in_list (folded, pending_words))
    {
      *pending = TRUE;
      return TRUE;
    }
  for (p = text ? text : ""; *p != '\0'; p++)
    if (g_str_has_prefix (p, NBSP))
      p++;
    else if (*p != ' ')
      g_string_append_c (number, *p);
  if (number->len == 0)
    return TRUE;

  /* Of two kinds of separator the last is the decimal one; one kind alone
   * is decimal when it appears once, unless it is the language's grouping
   * before three digits ("1.373" in Catalan), as with amounts. */
  p = number->str + (number->str[0] == '-');
  last_dot = strrchr (p, '.');
  last_comma = strrchr (p, ',');
  if (last_dot != NULL && last_comma != NULL)
    decimal = MAX (last_dot, last_comma);
  else if (last_dot != NULL || last_comma != NULL)
    {
      const char *sep = last_dot != NULL ? last_dot : last_comma;
      if (strchr (p, *sep) == sep && !(*sep == group && strlen (sep + 1) == 3))
        decimal = sep;
    }
  clean = g_string_new (number->str[0] == '-' ? "-" : "");
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (clean, *p);
          *(decimal != NULL && p > decimal ? &after : &before) = TRUE;
        }
      else if (p == decimal)
        g_string_append_c (clean, '.');
      /* a grouping separator: after a digit, not the decimal's kind */
      else if (!((*p == '.' || *p == ',') && before && (decimal == NULL || (p < decimal && *p != *decimal))))
        break;
    }
  if (*p != '\0' || !before || (decimal != NULL && !after))
    {
      g_string_free (clean, TRUE);
      g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                   _("“%s” is not a number (nor “pending evaluation”): write it like 4 or 12,5."), text);
      return FALSE;
    }
  *value = g_string_free (clean, FALSE);
  return TRUE;
}

gboolean
fita_cell_is_mark (const char *text)
{
  static const char * const blanks[] = { "", "no", "n", "0", "false", "fals", NULL };
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *folded = NULL;

  if (*copy == '\0' || g_str_equal (copy, "-") || g_str_equal (copy, "–") || g_str_equal (copy, "—"))
    return FALSE;
  folded = fita_cell_fold (copy);
  /* "✓" and "•" fold to nothing: a symbol is a mark */
  return *folded == '\0' || !in_list (folded, blanks);
}

/* Who */

void
fita_cell_who_free (FitaCellWho *who)
{
  if (who == NULL)
    return;
  g_free (who->agent);
  g_free (who->note);
  g_free (who);
}

static gboolean
role_of (const char *words, FitaRole *role)
{
  /* with the words Fita's exports write: "defineix les línies bàsiques" */
  static const char * const defines[] = { "defineix", "defineixen", "definicio", "linies basiques",
                                          "defineix les linies basiques", "define", "definen", "definicion",
                                          "lineas basicas", "define las lineas basicas", "defines", "definition",
                                          "basic lines", "defines the basic lines", NULL };
  static const char * const executes[] = { "executa", "executen", "execucio", "ejecuta", "ejecutan", "ejecucion",
                                           "executes", "execute", "execution", NULL };
  static const char * const supports[] = { "dona suport", "donen suport", "suport", "apoya", "apoyan", "apoyo",
                                           "da apoyo", "dan apoyo", "supports", "support", NULL };
  static const char * const other[] = { "altre", "altres", "otro", "otros", "other", NULL };
  g_autofree char *folded = fita_cell_fold (words);

  if (in_list (folded, defines))
    *role = FITA_ROLE_DEFINES;
  else if (in_list (folded, executes))
    *role = FITA_ROLE_EXECUTES;
  else if (in_list (folded, supports))
    *role = FITA_ROLE_SUPPORTS;
  else if (in_list (folded, other))
    *role = FITA_ROLE_OTHER;
  else
    return FALSE;
  return TRUE;
}

/* "el Socis de la XMESS" → "Socis de la XMESS", "comissió tècnica." →
 * "Comissió tècnica": a name as a list holds it, without its article. */
static char *
agent_name (const char *text)
{
  static const char * const articles[] = { "el ", "la ", "els ", "les ", "los ", "las ", "the ", "l'", "l’", NULL };
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *start = copy;
  gsize length;
  GString *out;

  while (*start == '-' || *start == '*' || g_str_has_prefix (start, "•") || *start == ' ')
    start += g_str_has_prefix (start, "•") ? strlen ("•") : 1;
  for (guint i = 0; articles[i] != NULL; i++)
    if (g_ascii_strncasecmp (start, articles[i], strlen (articles[i])) == 0 && start[strlen (articles[i])] != '\0')
      {
        start += strlen (articles[i]);
        break;
      }
  length = strlen (start);
  while (length > 0 && (start[length - 1] == '.' || start[length - 1] == ' '))
    length--;
  if (length == 0)
    return NULL;
  out = g_string_new (NULL);
  g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (start)));
  g_string_append_len (out, g_utf8_next_char (start), length - (g_utf8_next_char (start) - start));
  return g_string_free (out, FALSE);
}

static void
add_who (GPtrArray *out, const char *agent, FitaRole role, const char *note)
{
  char *name = agent_name (agent);
  FitaCellWho *who;

  if (name == NULL)
    return;
  who = g_new0 (FitaCellWho, 1);
  who->agent = name;
  who->role = role;
  who->note = note != NULL && *note != '\0' ? g_strstrip (g_strdup (note)) : NULL;
  g_ptr_array_add (out, who);
}

/* "comissió executiva, comissió tècnica i el Socis de la XMESS": a list
 * split at commas and at "i", "y", "and" or "&" before a word in lower
 * case, so that "Servei d'Emprenedoria i Economia Social" stays whole. */
static void
add_list (GPtrArray *out, const char *list, FitaRole role, const char *note)
{
  static const char * const joiners[] = { " i ", " y ", " and ", " & ", NULL };
  const char *start = list, *p = list;

  while (*p != '\0')
    {
      gsize skip = 0;
      if (*p == ',')
        skip = 1;
      for (guint j = 0; skip == 0 && joiners[j] != NULL; j++)
        if (g_str_has_prefix (p, joiners[j]))
          {
            gunichar next = g_utf8_get_char (p + strlen (joiners[j]));
            if (g_unichar_islower (next))
              skip = strlen (joiners[j]);
          }
      if (skip > 0)
        {
          g_autofree char *agent = g_strndup (start, p - start);
          add_who (out, agent, role, note);
          start = p + skip;
          p = start;
        }
      else
        p = g_utf8_next_char (p);
    }
  add_who (out, start, role, note);
}

/* "Secretaria tècnica (executa: o proveïdora)", "Equip Tècnic (ETAC) (executa)" */
static void
add_with_parentheses (GPtrArray *out, const char *part)
{
  g_autofree char *copy = g_strstrip (g_strdup (part));
  gsize length = strlen (copy);
  char *open = strrchr (copy, '(');
  FitaRole role = FITA_ROLE_EXECUTES;

  if (length > 0 && copy[length - 1] == ')' && open != NULL)
    {
      g_autofree char *inner = g_strndup (open + 1, copy + length - 1 - (open + 1));
      char *cut = inner + strcspn (inner, ":,");
      g_autofree char *words = g_strndup (inner, cut - inner);

      /* one agent a part: its name may hold commas and parentheses */
      *open = '\0';
      if (role_of (words, &role))
        add_who (out, copy, role, *cut != '\0' ? cut + 1 : NULL);
      else
        add_who (out, copy, FITA_ROLE_OTHER, inner);
      return;
    }
  add_who (out, copy, role, NULL);
}

GPtrArray *
fita_cell_parse_who (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_cell_who_free);
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (*copy == '\0')
    return out;
  if (strchr (copy, '(') != NULL)
    {
      /* parts end at ";", a line end, or a comma after ")" */
      const char *start = copy;
      int depth = 0;
      for (const char *p = copy;; p++)
        {
          gboolean ends = *p == '\0' ||
                          (depth == 0 && (*p == ';' || *p == '\n' || (*p == ',' && p > start && p[-1] == ')')));
          if (*p == '(')
            depth++;
          else if (*p == ')' && depth > 0)
            depth--;
          if (ends)
            {
              g_autofree char *part = g_strndup (start, p - start);
              add_with_parentheses (out, part);
              if (*p == '\0')
                break;
              start = p + 1;
            }
        }
    }
  else
    {
      /* "- Línies bàsiques: comissió tècnica - Execució: secretaria tècnica" */
      g_autoptr(GString) marked = g_string_new (NULL);
      g_auto(GStrv) segments = NULL;

      for (const char *p = copy; *p != '\0'; p++)
        {
          if (g_str_has_prefix (p, " - "))
            {
              g_string_append_c (marked, '\n');
              p += 2;
            }
          else
            g_string_append_c (marked, *p == ';' ? '\n' : *p);
        }
      segments = g_strsplit (marked->str, "\n", -1);
      for (guint i = 0; segments[i] != NULL; i++)
        {
          char *colon = strchr (segments[i], ':');
          FitaRole role = FITA_ROLE_EXECUTES;
          if (colon == NULL)
            {
              add_list (out, segments[i], FITA_ROLE_EXECUTES, NULL);
              continue;
            }
          *colon = '\0';
          while (*segments[i] == '-' || *segments[i] == ' ')
            memmove (segments[i], segments[i] + 1, strlen (segments[i]));
          g_strstrip (segments[i]);
          if (role_of (segments[i], &role))
            add_list (out, colon + 1, role, NULL);
          else
            add_list (out, colon + 1, FITA_ROLE_OTHER, segments[i]);
        }
    }
  return out;
}
