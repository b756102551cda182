/* fita-window.h: a window showing one plan (its items, properties,
 * governance and participation), or the welcome page when it has none. */
#pragma once

#include <adwaita.h>

#include "fita-item-editor.h"
#include "fita-outline.h"
#include "fita-plan.h"
#include "fita-shared-banner.h"

G_BEGIN_DECLS

#define FITA_TYPE_WINDOW (fita_window_get_type ())
G_DECLARE_FINAL_TYPE (FitaWindow, fita_window, FITA, WINDOW, AdwApplicationWindow)

FitaWindow     *fita_window_new             (GtkApplication *application);
FitaPlan       *fita_window_get_plan        (FitaWindow     *self);
void            fita_window_set_plan        (FitaWindow     *self,
                                             FitaPlan       *plan);
/* What the pages show: the plan, or a read-only view of the closed year
 * chosen (fita-years.h). */
FitaPlan       *fita_window_get_shown_plan  (FitaWindow     *self);
/* 0: the year followed up; otherwise the closed year shown. */
int             fita_window_get_year        (FitaWindow     *self);
/* Shows the plan as it stood when year was closed; 0, or a year that is
 * not closed, the year followed up. */
void            fita_window_set_year        (FitaWindow     *self,
                                             int             year);
FitaOutline    *fita_window_get_outline     (FitaWindow     *self);
/* The banner of a shared plan's connection (fita-window-shared.c). */
FitaSharedBanner *fita_window_get_shared_banner (FitaWindow   *self);
FitaItemEditor *fita_window_get_item_editor (FitaWindow     *self);
/* "items", "plan", "governance" or "participation". */
void            fita_window_show_page       (FitaWindow     *self,
                                             const char     *name);
/* A message dialog over the window, for something that went wrong; the
 * lines of message after the first are listed below it, scrolled. */
void            fita_window_show_error      (FitaWindow     *self,
                                             const char     *heading,
                                             const char     *message);
/* Takes toast. */
void            fita_window_add_toast       (FitaWindow     *self,
                                             AdwToast       *toast);
/* Writes a copy of the plan to file, refusing the plan's own file and
 * files open in a window; then offers to open it. Blocks: the window's
 * actions use the _async variant. */
gboolean        fita_window_save_copy       (FitaWindow     *self,
                                             GFile          *file,
                                             GError        **error);
/* The same from a snapshot of the plan, written in a thread; with
 * save_as, the copy then becomes the window's plan. */
void            fita_window_save_copy_async (FitaWindow          *self,
                                             GFile               *file,
                                             gboolean             save_as,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        fita_window_save_copy_finish (FitaWindow    *self,
                                              GAsyncResult  *result,
                                              GError       **error);
/* Opens the import assistant (fita-import-dialog.h) over the window,
 * reading file when given; returns it. */
GtkWindow      *fita_window_import          (FitaWindow     *self,
                                             GFile          *file);
/* Exports the plan to file in format: "xlsx", "ods", "csv" (the items),
 * "budget-csv", "decidim" (Decidim's accountability results) or "json"
 * (Fita's lossless format); written whole or not at all. */
gboolean        fita_window_export          (FitaWindow     *self,
                                             const char     *format,
                                             GFile          *file,
                                             GError        **error);
/* The same from a snapshot of the plan, exported in a thread. */
void            fita_window_export_async    (FitaWindow          *self,
                                             const char          *format,
                                             GFile               *file,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        fita_window_export_finish   (FitaWindow    *self,
                                             GAsyncResult  *result,
                                             GError       **error);

/* The outline's width beside the item editor, as the handle between
 * them is dragged (kept within what the window leaves). */
void            fita_window_set_sidebar_width (FitaWindow   *self,
                                               int           width);
int             fita_window_get_sidebar_width (FitaWindow   *self);


/* "Ajuntament de Terrassa · 2019–2026": whichever of organisation and
 * period the plan has; NULL if neither. */
char           *fita_describe_plan          (FitaPlan       *plan);

G_END_DECLS
