#include "config.h"
#include "fita-i18n.h"
#include "fita-money.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _FitaTranslator {
  gatomicrefcount ref;
  char *lang;              /* NULL: the process's gettext */
  GMappedFile *file;
  GHashTable *messages;    /* "context\004msgid" or "msgid" → translation */
};

static guint32
read_u32 (const guint8 *data, gsize offset, gboolean swap)
{
  guint32 value;

  memcpy (&value, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads a GNU .mo catalogue: a header, then two tables of (length, offset)
 * pairs for the original and the translated strings. */
static void
load_catalogue (FitaTranslator *self, const char *path)
{
  const guint8 *data;
  gsize size;
  gboolean swap;
  guint32 n, originals, translations;

  self->file = g_mapped_file_new (path, FALSE, NULL);
  if (self->file == NULL)
    return;
  data = (const guint8 *) g_mapped_file_get_contents (self->file);
  size = g_mapped_file_get_length (self->file);
  if (size < 28)
    return;
  if (read_u32 (data, 0, FALSE) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (data, 0, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return;

  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if ((guint64) originals + 8ull * n > size || (guint64) translations + 8ull * n > size)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, originals + 8 * i, swap);
      guint32 ooff = read_u32 (data, originals + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data, translations + 8 * i, swap);
      guint32 toff = read_u32 (data, translations + 8 * i + 4, swap);

      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size || olen == 0 || tlen == 0)
        continue;
      /* strings are NUL-terminated in the file; a plural original holds
       * "singular\0plural" and is looked up by its singular */
      g_hash_table_insert (self->messages, (gpointer) (data + ooff), (gpointer) (data + toff));
    }
}

FitaTranslator *
fita_translator_new (const char *lang)
{
  FitaTranslator *self = g_new0 (FitaTranslator, 1);

  g_atomic_ref_count_init (&self->ref);
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  if (lang == NULL)
    return self;

  self->lang = g_strdup (fita_lang_normalise (lang));
  if (!g_str_equal (self->lang, "en"))
    {
      const char *dir = g_getenv ("FITA_LOCALEDIR") ? g_getenv ("FITA_LOCALEDIR") : LOCALEDIR;
      g_autofree char *path = g_build_filename (dir, self->lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      load_catalogue (self, path);
    }
  return self;
}

FitaTranslator *
fita_translator_ref (FitaTranslator *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
fita_translator_unref (FitaTranslator *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_hash_table_unref (self->messages);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self->lang);
  g_free (self);
}

const char *
fita_translator_get_lang (FitaTranslator *self)
{
  return self == NULL || self->lang == NULL ? fita_lang_from_locale () : self->lang;
}

const char *
fita_translator_get (FitaTranslator *self, const char *context, const char *msgid)
{
  const char *found;

  if (self == NULL || self->lang == NULL)
    return context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid) : g_dgettext (GETTEXT_PACKAGE, msgid);
  if (context != NULL)
    {
      g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
      found = g_hash_table_lookup (self->messages, key);
    }
  else
    found = g_hash_table_lookup (self->messages, msgid);
  return found ? found : msgid;
}

const char *
fita_translator_nget (FitaTranslator *self, const char *msgid, const char *msgid_plural, gulong n)
{
  const char *found;

  if (self == NULL || self->lang == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  found = g_hash_table_lookup (self->messages, msgid);
  /* ca, es and en share one rule: singular for 1, plural otherwise */
  if (found == NULL)
    return n == 1 ? msgid : msgid_plural;
  return n == 1 ? found : found + strlen (found) + 1;
}
