#include "config.h"
#include "fita-examples.h"
#include "fita-error.h"
#include "fita-json.h"
#include "fita-examples-resources.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#define EXAMPLES_PATH "/cat/fita/Fita/examples/"

static GResource *
examples_resource (void)
{
  return fita_examples_get_resource ();
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char **
fita_examples_list (void)
{
  g_auto(GStrv) files = g_resource_enumerate_children (examples_resource (), EXAMPLES_PATH, 0, NULL);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    if (g_str_has_suffix (files[i], ".json"))
      g_ptr_array_add (names, g_strndup (files[i], strlen (files[i]) - 5));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

FitaPlan *
fita_example_load (const char *name, GError **error)
{
  g_autofree char *path = g_strconcat (EXAMPLES_PATH, name, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;

  if (strchr (name, '/') == NULL)
    bytes = g_resource_lookup_data (examples_resource (), path, 0, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("There is no example named “%s”."), name);
      return NULL;
    }
  return fita_json_import (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
