#include "config.h"
#include "fita-import-preview.h"
#include "fita-import-private.h"

#include <string.h>

void
fita_import_header_free (FitaImportHeader *header)
{
  if (header == NULL)
    return;
  g_free (header->header);
  g_strfreev (header->examples);
  g_free (header);
}

static FitaImportHeader *
find_header (GPtrArray *headers, const char *text)
{
  for (guint i = 0; i < headers->len; i++)
    {
      FitaImportHeader *h = g_ptr_array_index (headers, i);
      if (g_str_equal (h->header, text))
        return h;
    }
  return NULL;
}

GPtrArray *
fita_import_mapping_describe (FitaImportMapping *mapping, FitaSheet *sheet, guint max_examples, GError **error)
{
  g_autoptr(FitaImportLayout) layout = fita_import_layout_new (mapping, sheet, error);
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GHashTable) examples = NULL;   /* FitaImportHeader* → GPtrArray of char* */

  if (layout == NULL)
    return NULL;
  headers = g_ptr_array_new_with_free_func ((GDestroyNotify) fita_import_header_free);
  examples = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint s = 0; s < layout->sections->len; s++)
    {
      FitaImportSection *section = g_ptr_array_index (layout->sections, s);
      for (guint c = 0; c < section->n_columns; c++)
        {
          FitaImportColumn *column = &section->columns[c];
          FitaImportHeader *h;
          if (column->header == NULL || *column->header == '\0' || find_header (headers, column->header))
            continue;
          h = g_new0 (FitaImportHeader, 1);
          h->header = g_strdup (column->header);
          if (!fita_import_mapping_get_column (mapping, column->header, &h->column))
            h->column = column->column;
          g_ptr_array_add (headers, h);
          g_hash_table_insert (examples, h, g_ptr_array_new_with_free_func (g_free));
        }
    }

  /* the first values under each header, from whichever table heads it so */
  for (guint r = 0; r < sheet->rows->len && max_examples > 0; r++)
    {
      const FitaSheetRow *row = g_ptr_array_index (sheet->rows, r);
      FitaImportSection *section;
      g_auto(GStrv) cells = NULL;
      if (layout->row_section[r] < 0)
        continue;
      section = g_ptr_array_index (layout->sections, layout->row_section[r]);
      cells = fita_import_row_cells (row, section->n_columns);
      for (guint c = 0; c < section->n_columns; c++)
        {
          FitaImportHeader *h = section->columns[c].header ? find_header (headers, section->columns[c].header) : NULL;
          GPtrArray *list = h ? g_hash_table_lookup (examples, h) : NULL;
          if (list != NULL && list->len < max_examples && *cells[c] != '\0')
            g_ptr_array_add (list, g_strdup (cells[c]));
        }
    }

  for (guint i = 0; i < headers->len; i++)
    {
      FitaImportHeader *h = g_ptr_array_index (headers, i);
      GPtrArray *list = g_hash_table_lookup (examples, h);
      g_ptr_array_add (list, NULL);
      h->examples = (GStrv) g_ptr_array_steal (list, NULL);
    }
  return g_steal_pointer (&headers);
}
