/* fita: the Fita application. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FitaApplication) app = NULL;

  fita_application_init_i18n ();

  g_set_application_name (_("Fita"));

  app = fita_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
