/* fita-i18n.h: translations in a chosen language, independent of the UI's.
 *
 * Reports and exported pictures are made in the language the officer picks
 * (ca, es, en), whatever language the app runs in. A FitaTranslator reads
 * Fita's own compiled catalogue (fita.mo) for that language; strings are
 * marked for xgettext with T_() and TC_() (see po/meson.build).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _FitaTranslator FitaTranslator;

/* lang: "ca", "es" or "en" (others fall back to English); NULL: the UI's own
 * gettext language. Never fails: a missing catalogue means English. */
FitaTranslator *fita_translator_new      (const char     *lang);
FitaTranslator *fita_translator_ref      (FitaTranslator *translator);
void            fita_translator_unref    (FitaTranslator *translator);
/* "ca", "es" or "en": for numbers, money and dates. */
const char     *fita_translator_get_lang (FitaTranslator *translator);
const char     *fita_translator_get      (FitaTranslator *translator,
                                          const char     *context,
                                          const char     *msgid);
const char     *fita_translator_nget     (FitaTranslator *translator,
                                          const char     *msgid,
                                          const char     *msgid_plural,
                                          gulong          n);

#define T_(tr, msgid) fita_translator_get ((tr), NULL, (msgid))
#define TC_(tr, context, msgid) fita_translator_get ((tr), (context), (msgid))
#define TN_(tr, msgid, plural, n) fita_translator_nget ((tr), (msgid), (plural), (n))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaTranslator, fita_translator_unref)

G_END_DECLS
