/* pages-fixture.h: a page of the plan (Plan, Governance, Participation) in
 * a window of its own, on a copy of an example plan, for their UI tests. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

typedef struct {
  char *folder;
  char *path;
  FitaPlan *plan;
  GtkWidget *window;
  GtkWidget *page;
} Fixture;

void fixture_open_plan (Fixture *fixture, FitaPlan *plan, const char *name, GtkWidget *page, int width, int height);
void fixture_open_sized (Fixture *fixture, const char *example, GtkWidget *page, int width, int height);
void fixture_open (Fixture *fixture, const char *example, GtkWidget *page);
void fixture_close (Fixture *fixture);
FitaPlan * reopen (Fixture *fixture);
GtkWidget * field (Fixture *fixture, FitaTableId table, gint64 id, const char *name);
void type_and_activate (GtkWidget *widget, const char *text);
char * text_view_text (GtkWidget *view);
void undo (Fixture *fixture, const char *label);
gboolean is_label_named (GtkWidget *widget, gconstpointer name);
gboolean has_action (GtkWidget *widget, gconstpointer action);
gboolean is_of_type (GtkWidget *widget, gconstpointer type);
gboolean is_sidebar_list (GtkWidget *widget, gconstpointer data);
gboolean is_visible_error (GtkWidget *widget, gconstpointer data);
GtkWidget * button_for (Fixture *fixture, const char *action);
void screenshot (Fixture *fixture, const char *name, gboolean dark);

G_END_DECLS
