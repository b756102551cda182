/* fita: the Fita application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "fita-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FitaApplication) app = NULL;
  const char *localedir = g_getenv ("FITA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Fita"));

  app = fita_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
