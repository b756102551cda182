/* fita-window-private.h: the parts of the window kept in files of their
 * own (fita-window-io.c: copies of the plan, importing and exporting;
 * fita-window-new-plan.c; fita-window-years.c: the year shown, closing and
 * reopening years). */
#pragma once

#include "fita-budget-page.h"
#include "fita-governance-page.h"
#include "fita-participation-page.h"
#include "fita-plan-editor.h"
#include "fita-reports-page.h"
#include "fita-shared-banner.h"
#include "fita-timeline-page.h"
#include "fita-window.h"
#include "fita-year-banner.h"
#include "fita-year-selector.h"

G_BEGIN_DECLS

struct _FitaWindow
{
  AdwApplicationWindow   parent_instance;

  /* The plan open in the window: its file, its changes. */
  FitaPlan              *plan;
  /* The plan the pages show: plan itself, or a read-only view of the
   * closed year chosen (fita_plan_open_year). */
  FitaPlan              *shown_plan;
  /* 0: the year followed up (shown_plan is plan); or the closed year. */
  int                    year;
  /* The code of the item to select again once the pages show another
   * year. */
  char                  *reselect_code;
  /* The plan's "changed" and its history properties. */
  GSignalGroup          *plan_signals;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwViewSwitcherTitle  *switcher_title;
  GtkWidget             *back_button;
  GtkWidget             *history_box;
  GtkWidget             *undo_button;
  GtkWidget             *redo_button;
  GtkWidget             *search_button;
  FitaYearSelector      *year_selector;
  FitaYearBanner        *year_banner;
  FitaSharedBanner      *shared_banner;
  GMenu                 *year_section;
  GtkStack              *stack;
  GtkWidget             *read_only_bar;
  GtkLabel              *read_only_label;
  AdwViewStack          *view_stack;
  AdwViewSwitcherBar    *switcher_bar;
  AdwLeaflet            *leaflet;
  AdwWindowTitle        *plan_title;
  GtkWidget             *sidebar_handle;
  int                    drag_start_width;
  guint                  plan_title_idle;
  FitaOutline           *outline;
  FitaItemEditor        *item_editor;
  FitaPlanEditor        *plan_editor;
  FitaGovernancePage    *governance_page;
  FitaParticipationPage *participation_page;
  FitaTimelinePage      *timeline_page;
  FitaReportsPage       *reports_page;
  FitaBudgetPage        *budget_page;
};

/* win.save-copy, win.save-as, win.import, win.export: for
 * fita_window_class_init. */
void   fita_window_class_add_io_actions (GtkWidgetClass *widget_class);
/* win.new-plan (fita-window-new-plan.c). */
void   fita_window_class_add_new_plan_action (GtkWidgetClass *widget_class);
/* win.show-year (the "year" property), win.choose-year, win.close-year,
 * win.reopen-year (fita-window-years.c). */
void   fita_window_class_add_year_actions (GtkWidgetClass *widget_class);

/* win.open-shared-plan, win.open-shared (fita-window-shared.c). */
void   fita_window_class_add_shared_actions (GtkWidgetClass *widget_class);
/* fita-window-shared.c: for fita_window_init; once the window has another
 * plan (follows others' changes to a shared one); the subtitle of a
 * shared plan ("terrassa-ess on fita.example.org — jordi"), or NULL. */
void   _fita_window_init_shared         (FitaWindow     *self);
void   _fita_window_shared_plan_set     (FitaWindow     *self);
char  *_fita_window_shared_subtitle     (FitaWindow     *self);
/* fita-window-shared.c: after a change of the plan, before the pages
 * follow it. */
void   _fita_window_shared_changed      (FitaWindow        *self,
                                         const FitaChanges *changes);

/* The file chooser's filters for plans, Fita's first. */
void   fita_window_add_plan_filters     (GtkFileChooser *chooser);
/* "Pla ESS 2019/2026" → "Pla ESS 2019-2026.fita" */
char  *fita_window_file_name_for        (const char     *title);
/* file, or file with “.fita” added when its name lacks it. */
GFile *fita_window_with_extension       (GFile          *file);

/* fita-window.c: puts shown in the pages (through the "shown-plan"
 * property) and brings the window up to date; with same_plan (another
 * year of the plan shown), the item selected stays selected. */
void   _fita_window_show_plan           (FitaWindow     *self,
                                         FitaPlan       *shown,
                                         gboolean        same_plan);
/* The year the item editor starts on in plan: the one it follows up, or
 * this year. */
int    _fita_window_editor_year         (FitaPlan       *plan);

/* fita-window-years.c: the menu's Close and Reopen items, the actions'
 * state and the banner, after the plan or its years changed. */
void   _fita_window_update_years        (FitaWindow     *self);

G_END_DECLS
