/* fita-year-selector.h: the drop-down in the window's header bar that
 * chooses the year the pages show: the year followed up ("2025 · followed
 * up", the live plan) or a closed year ("2024 · closed", the plan as it
 * stood when it was closed). It follows the plan's closures as they are
 * made, reopened and undone, and shows while there is a closed year. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_YEAR_SELECTOR (fita_year_selector_get_type ())
G_DECLARE_FINAL_TYPE (FitaYearSelector, fita_year_selector, FITA, YEAR_SELECTOR, AdwBin)

FitaPlan   *fita_year_selector_get_plan (FitaYearSelector *self);
void        fita_year_selector_set_plan (FitaYearSelector *self,
                                         FitaPlan         *plan);
/* 0: the year followed up (the live plan); otherwise a closed year. */
int         fita_year_selector_get_year (FitaYearSelector *self);
/* A year that is not closed chooses the year followed up. */
void        fita_year_selector_set_year (FitaYearSelector *self,
                                         int               year);
/* What the drop-down lists, in its order (for tests and screen readers):
 * a new array of strings. */
GStrv       fita_year_selector_list     (FitaYearSelector *self);
/* Focuses the drop-down and opens its list, as Ctrl+Shift+Y does. */
void        fita_year_selector_popup    (FitaYearSelector *self);

G_END_DECLS
