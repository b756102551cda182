/* The XLSX reader on mutated workbooks: it refuses what it cannot read
 * with an error, and what it reads is a table that keeps every bound. */
#include "config.h"
#include "fuzz-sheet.h"

#include <glib/gstdio.h>

static const char * const parts[] = {
  "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
  "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", NULL
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = fuzz_sheet_file (data, size, "input.xlsx", parts);

  fuzz_sheet_read (path, fita_sheet_read_xlsx);
  g_unlink (path);
  return 0;
}
