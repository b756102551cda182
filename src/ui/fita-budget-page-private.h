/* fita-budget-page-private.h: what the Budget page's files share. */
#pragma once

#include <adwaita.h>

#include "fita-budget-cell.h"
#include "fita-budget-row.h"
#include "fita-budget.h"
#include "fita-chart-table.h"
#include "fita-chart-view.h"
#include "fita-edit.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-budget-page.h"

G_BEGIN_DECLS

#define NAME_WIDTH 300
#define AMOUNT_WIDTH 118
#define CHAPTER_WIDTH 150
#define RATE_WIDTH 100

typedef enum {
  COLUMN_NAME,
  COLUMN_AMOUNT,
} ColumnKind;

typedef struct {
  ColumnKind kind;
  FitaBudgetMeasure measure;
  gint64 year;          /* FITA_NONE: every year */
  int chapter;          /* index into chapter_ids; -1: as the chapter filter says */
  char *title;          /* the header, maybe on two lines */
  char *name;           /* on one line: for screen readers and the TSV header */
  gboolean summary;     /* the totals before the years or chapters they sum */
} Column;

struct _FitaBudgetPage
{
  AdwBin              parent_instance;

  FitaPlan           *plan;
  GSignalGroup       *plan_signals;     /* the plan's "changed", whichever plan it is */
  FitaBudgetLayout    layout;
  gint64              year_filter;      /* FITA_NONE: every year */
  gint64              chapter_filter;   /* a chapter id, 0: no chapter, FITA_NONE: all */
  gint64              level_filter;     /* a level id, 0: all */

  /* What the columns were made from */
  GArray             *columns;          /* of Column */
  int                 first_year, last_year;
  GArray             *chapter_ids;      /* gint64: the plan's chapters, then 0, as FitaBudgetTable */
  gboolean            has_unassigned;
  int                 money_width;      /* of the amount columns, for the plan's largest sum */
  char               *columns_key;      /* what the columns show, to make them only when it changes */

  /* The dropdowns' rows */
  GArray             *year_choices;     /* gint64 */
  GArray             *chapter_choices;  /* gint64 */
  GArray             *level_choices;    /* gint64 */
  guint               updating;

  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GListStore         *totals;
  FitaBudgetRow      *totals_row;
  GHashTable         *cells;            /* FitaBudgetCell on screen → its GtkListItem */
  GHashTable         *names;            /* name widget on screen → its GtkListItem */
  guint               rebuild_idle;
  gboolean            rebuild_model;
  gboolean            rebuild_columns;

  gint64              open_start;
  double              open_ms;
  gboolean            timing_pending;
  GdkFrameClock      *clock;
  gulong              after_paint_id;

  /* Template widgets */
  GtkDropDown        *year_dropdown;
  GtkDropDown        *chapter_dropdown;
  GtkDropDown        *level_dropdown;
  GtkDropDown        *chart_dropdown;
  GtkScrolledWindow  *table_scroller;
  GtkScrolledWindow  *totals_scroller;
  GtkColumnView      *table_view;
  GtkColumnView      *totals_view;
  GtkLabel           *chart_scope_label;
  FitaChartView      *chart_view;
  GtkToggleButton    *chart_data_button;
  FitaChartTable     *chart_table;
};

/* fita-budget-page.c */
void fita_budget_page_build_model (FitaBudgetPage *self,
                                   gboolean keep_rows);

/* fita-budget-page-figures.c */
FitaBudgetRow *fita_budget_page_row_of (GtkListItem *list_item);
char *fita_budget_page_row_label (FitaBudgetPage *self,
                                  FitaBudgetRow *row);
GListModel *fita_budget_page_create_children (gpointer item,
                                              gpointer user_data);
GListModel *fita_budget_page_root_rows (FitaBudgetPage *self);
int fita_budget_page_chapter_index (FitaBudgetPage *self,
                                    gint64 chapter_id);
int fita_budget_page_column_chapter (FitaBudgetPage *self,
                                     const Column *column);
FitaBudgetSum fita_budget_page_column_sum (FitaBudgetPage *self,
                                           FitaBudgetTable *table,
                                           const Column *column);
char *fita_budget_page_measure_text (FitaBudgetSum sum,
                                     const FitaBudgetEnvelope *envelope,
                                     FitaBudgetMeasure measure,
                                     const char *lang,
                                     gboolean for_tsv);
char *fita_budget_page_column_warning (FitaBudgetPage *self,
                                       FitaBudgetRow *row,
                                       const Column *column,
                                       const char *lang);
char *fita_budget_page_row_warnings (FitaBudgetPage *self,
                                     FitaBudgetRow *row,
                                     const char *lang);

/* fita-budget-page-cells.c */
const char *fita_budget_page_chapter_name (FitaBudgetPage *self,
                                           gint64 chapter_id);
void fita_budget_page_refresh_cells (FitaBudgetPage *self);
GtkListItemFactory *fita_budget_page_factory_new (FitaBudgetPage *self,
                                                  guint index,
                                                  ColumnKind kind);

/* fita-budget-page-columns.c */
void fita_budget_page_remove_columns (GtkColumnView *view);
void fita_budget_page_read_shape (FitaBudgetPage *self);
gboolean fita_budget_page_shape_changed (FitaBudgetPage *self);
void fita_budget_page_build_columns (FitaBudgetPage *self);

/* fita-budget-page-filters.c */
void fita_budget_page_build_filters (FitaBudgetPage *self);
void fita_budget_page_on_year_selected (FitaBudgetPage *self);
void fita_budget_page_on_chapter_selected (FitaBudgetPage *self);
void fita_budget_page_on_level_selected (FitaBudgetPage *self);

/* fita-budget-page-chart.c */
void fita_budget_page_update_chart_scope (FitaBudgetPage *self);
void fita_budget_page_on_selection_changed (FitaBudgetPage *self);
void fita_budget_page_on_chart_selected (FitaBudgetPage *self);
void fita_budget_page_refresh_chart_table (FitaBudgetPage *self);
void fita_budget_page_copy_chart_action (GtkWidget *widget,
                                         const char *action_name,
                                         GVariant *parameter);

/* fita-budget-page-copy.c */
void fita_budget_page_copy_action (GtkWidget *widget,
                                   const char *action_name,
                                   GVariant *parameter);

G_END_DECLS
