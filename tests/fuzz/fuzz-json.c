/* The JSON importer on anything: it must refuse what it cannot take with an
 * error, and what it takes must be a plan every reader can use. */
#include "config.h"
#include "fuzz.h"
#include "fita-json.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_json_import ((const char *) data, (gssize) size, &error);

  if (plan == NULL)
    g_assert (error != NULL && error->message != NULL && *error->message != '\0');
  else
    fita_fuzz_exercise (plan);
  return 0;
}
