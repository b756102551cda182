/* The ODS reader on mutated spreadsheets: it refuses what it cannot read
 * with an error, and what it reads is a table that keeps every bound,
 * however many rows and columns the file says it repeats. */
#include "config.h"
#include "fuzz-sheet.h"

#include <glib/gstdio.h>

static const char * const parts[] = { "content.xml", "mimetype", NULL };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = fuzz_sheet_file (data, size, "input.ods", parts);

  fuzz_sheet_read (path, fita_sheet_read_ods);
  g_unlink (path);
  return 0;
}
