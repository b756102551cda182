/* fita-semester-grid.h: the half-years of a plan's period, one row per
 * year with a toggle for each semester, as in a work plan's calendar. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FITA_TYPE_SEMESTER_GRID (fita_semester_grid_get_type ())
G_DECLARE_FINAL_TYPE (FitaSemesterGrid, fita_semester_grid, FITA, SEMESTER_GRID, GtkWidget)

GtkWidget *fita_semester_grid_new           (void);
/* The years shown, first to last. */
void       fita_semester_grid_set_years     (FitaSemesterGrid *self,
                                             int               first,
                                             int               last);
/* Ticks the semesters listed ("2017-1 2017-2"), without emitting ::toggled. */
void       fita_semester_grid_set_semesters (FitaSemesterGrid *self,
                                             const char       *semesters);
/* The toggle of half (1 or 2) of year, or NULL when it is not shown. */
GtkWidget *fita_semester_grid_get_toggle    (FitaSemesterGrid *self,
                                             int               year,
                                             int               half);

G_END_DECLS
