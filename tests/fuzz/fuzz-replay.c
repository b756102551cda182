/* Runs a fuzz target over files and folders of inputs, without libFuzzer:
 * the ordinary build's regression test for the kept corpus and crashes. */
#include "config.h"
#include "fuzz.h"

static guint
run_path (const char *path)
{
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        n += run_path (g_ptr_array_index (names, i));
    }
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize size = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &data, &size, &error))
        g_error ("%s", error->message);
      g_print ("# %s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      n = 1;
    }
  /* a folder with nothing kept yet does not exist in git */
  return n;
}

int
main (int argc, char **argv)
{
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    n += run_path (argv[i]);
  g_print ("1..1\nok 1 %u inputs\n", n);
  return 0;
}
