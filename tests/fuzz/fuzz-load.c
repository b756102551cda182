/* The .fita loader on damaged files (mutated from the example plans): a
 * file is refused with a message or opens as a plan every reader can use;
 * and it is never changed by being read. */
#include "config.h"
#include "fuzz.h"

#include <glib/gstdio.h>
#include <string.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = g_build_filename (fita_fuzz_tmpdir (), "plan.fita", NULL);
  g_autofree char *after = NULL;
  gsize after_size = 0;

  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  fita_fuzz_open (path);

  g_assert (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert (after_size == size && memcmp (after, data, size) == 0);
  g_unlink (path);
  return 0;
}
