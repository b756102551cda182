/* fita-import-dialog.h: the import assistant. A table (a CSV, TSV, XLSX or
 * ODS file, or one pasted from Calc, Excel or Word) is read, its columns
 * shown as they will be read and open to change, and a summary of what
 * will be made shown, with every problem, before anything is written;
 * then it becomes a new plan, or goes into the open plan under a chosen
 * item as one undoable change. */
#pragma once

#include <adwaita.h>

#include "fita-columns.h"
#include "fita-import-report.h"
#include "fita-window.h"

G_BEGIN_DECLS

#define FITA_TYPE_IMPORT_DIALOG (fita_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FitaImportDialog, fita_import_dialog, FITA, IMPORT_DIALOG, AdwWindow)

/* An assistant for window: the open plan, if any, is where it can import
 * into, under the item selected in the outline. */
FitaImportDialog *fita_import_dialog_new          (FitaWindow        *window);

/* Reads file in a thread (the assistant shows that it is reading); when
 * done, the "table" page or the error. notify::loading says when. */
void              fita_import_dialog_load_file    (FitaImportDialog  *self,
                                                   GFile             *file);
/* A table as text (TSV from the clipboard, or CSV); name: what it is called
 * in the summary and the new plan's title. */
gboolean          fita_import_dialog_load_text    (FitaImportDialog  *self,
                                                   const char        *text,
                                                   const char        *name,
                                                   GError           **error);
/* Reads the clipboard's text, as "Paste a Table" does. */
void              fita_import_dialog_paste        (FitaImportDialog  *self);
gboolean          fita_import_dialog_get_loading  (FitaImportDialog  *self);

/* The headers of the table, as the Columns list shows them. */
GStrv             fita_import_dialog_get_headers  (FitaImportDialog  *self);
/* Reads the column headed header as column, as choosing it in its row does. */
gboolean          fita_import_dialog_set_column   (FitaImportDialog  *self,
                                                   const char        *header,
                                                   FitaColumn         column);
/* What the import would make now, and why not; NULL before a table is read. */
FitaImportReport *fita_import_dialog_get_report   (FitaImportDialog  *self);

/* Into a new plan saved as file, which opens in a window. */
gboolean          fita_import_dialog_import_new   (FitaImportDialog  *self,
                                                   GFile             *file,
                                                   GError           **error);
/* Into the window's plan, under the item parent_id (0: at the top), as
 * one undoable change. */
gboolean          fita_import_dialog_import_under (FitaImportDialog  *self,
                                                   gint64             parent_id,
                                                   GError           **error);

G_END_DECLS
