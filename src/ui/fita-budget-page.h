/* fita-budget-page.h: the Budget page: the plan's items against years (or
 * budget chapters), planned and executed, rolled up on parents, typed over
 * in place; the planned total beside what the years hold and what no year
 * has; warnings where execution goes beyond the plan, or the parts of a
 * planned total beyond it; a chart of the
 * selected item; the table copied as TSV for a spreadsheet. */
#pragma once

#include <adwaita.h>

#include "fita-chart-view.h"
#include "fita-plan.h"

G_BEGIN_DECLS

typedef enum {
  FITA_BUDGET_BY_YEAR,
  FITA_BUDGET_BY_CHAPTER,
} FitaBudgetLayout;

typedef enum {
  FITA_BUDGET_PLANNED,
  FITA_BUDGET_EXECUTED,
  FITA_BUDGET_DIFFERENCE,     /* planned − executed: what is left */
  FITA_BUDGET_RATE,           /* executed / planned */
  FITA_BUDGET_IN_YEARS,       /* of the planned total, what the years hold */
  FITA_BUDGET_NOT_IN_YEARS,   /* of the planned total, what no year has */
} FitaBudgetMeasure;

#define FITA_TYPE_BUDGET_LAYOUT (fita_budget_layout_get_type ())
GType fita_budget_layout_get_type (void);

#define FITA_TYPE_BUDGET_PAGE (fita_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaBudgetPage, fita_budget_page, FITA, BUDGET_PAGE, AdwBin)

GtkWidget        *fita_budget_page_new          (void);
FitaPlan         *fita_budget_page_get_plan     (FitaBudgetPage   *self);
void              fita_budget_page_set_plan     (FitaBudgetPage   *self,
                                                 FitaPlan         *plan);
FitaBudgetLayout  fita_budget_page_get_layout   (FitaBudgetPage   *self);
void              fita_budget_page_set_layout   (FitaBudgetPage   *self,
                                                 FitaBudgetLayout  layout);
/* Filters, as the dropdowns set them: a year (FITA_NONE: all), a chapter
 * id (FITA_NONE: all; 0: amounts with no chapter), a level id (0: all). */
void              fita_budget_page_set_filters  (FitaBudgetPage   *self,
                                                 gint64            year,
                                                 gint64            chapter_id,
                                                 gint64            level_id);
/* The table as shown, with its header and totals row, tab-separated. */
char             *fita_budget_page_copy_tsv     (FitaBudgetPage   *self);
/* Expands the rows above the item, scrolls to it and selects it. */
void              fita_budget_page_reveal_item  (FitaBudgetPage   *self,
                                                 gint64            item_id);
/* For tests: the cell on screen for item_id (0: the totals row), the
 * measure and year (FITA_NONE: the totals columns, or the chapter's
 * column in the "by chapter" layout) and chapter (FITA_NONE: all); NULL
 * when it is not on screen. */
GtkWidget        *fita_budget_page_find_cell    (FitaBudgetPage   *self,
                                                 gint64            item_id,
                                                 FitaBudgetMeasure measure,
                                                 gint64            year,
                                                 gint64            chapter_id);
/* The column titles, in order. */
GStrv             fita_budget_page_dup_titles   (FitaBudgetPage   *self);
FitaChartView    *fita_budget_page_get_chart_view (FitaBudgetPage *self);
/* The "Show Data" toggle under the chart, and the table it shows. */
GtkToggleButton  *fita_budget_page_get_chart_data_button (FitaBudgetPage *self);
GtkWidget        *fita_budget_page_get_chart_table (FitaBudgetPage *self);
/* Milliseconds from set_plan() to the first frame drawn with the plan. */
double            fita_budget_page_get_open_ms  (FitaBudgetPage   *self);

G_END_DECLS
