/* editor-fixture.h: the item editor in a window of its own, on a copy of
 * an example plan, for the item editor's UI tests. */
#pragma once

#include <adwaita.h>

#include "fita-item-editor.h"
#include "fita-plan.h"

G_BEGIN_DECLS

#define TERRASSA "terrassa-ess-2019-2026"
#define XMESS "xmess-2017-2019"
/* A plan of the tests' own (tests/data): percents with decimals (88,3 and
 * 95,83), the weighted rule, items at three depths, amounts not known,
 * planned totals beyond their years and smaller than their parts. */
#define FIGURES "figures-plan.json"
/* Catalan writes a no-break space before "%". */
#define PC "\302\240%"

typedef struct {
  char           *dir;
  char           *path;
  FitaPlan       *plan;
  GtkWidget      *window;
  FitaItemEditor *editor;
} Fixture;

gboolean is_named (GtkWidget *widget, gconstpointer name);
gboolean is_of_type (GtkWidget *widget, gconstpointer type);
GtkWidget * find_named (Fixture *f, const char *name);
GtkWidget * find_section (Fixture *f, GType type);
gint64 item_id (FitaPlan *plan, const char *code);
void fixture_show (Fixture *f, const char *code);
void fixture_set_up (Fixture *f, const char *example, const char *code, int width, int height);
void fixture_tear_down (Fixture *f);
FitaPlan * reopen (Fixture *f);
void undo (Fixture *f, const char *label);
void type_and_enter (GtkWidget *editable, const char *text);
void click (Fixture *f, GtkWidget *widget);
char * money (gint64 cents);
gint64 chapter_id (FitaPlan *plan, const char *name);

G_END_DECLS
