/* fita-window-test.h: what the tests of the window and of the outline
 * share: the application they run in, opening example plans in it, and
 * finding rows and widgets in its windows. */
#pragma once

#include "fita-application.h"
#include "fita-item-row.h"
#include "fita-ui-test.h"
#include "fita-window.h"

G_BEGIN_DECLS

#define TERRASSA "terrassa-ess-2019-2026"

/* Made and registered by start_app (). */
extern FitaApplication *app;

/* What each test program's main () does first: a home of the test's own,
 * g_test_init (), the app's translations, and app made and registered. */
void start_app (int    *argc,
                char ***argv);

/* Runs the tests added since start_app (), then lets app go and removes
 * the test's home; returns g_test_run ()'s status. */
int run_app_tests (void);

gboolean no_windows (gpointer data);

void close_all_windows (void);

gboolean is_row_of (GtkWidget     *widget,
                    gconstpointer  code);

gboolean has_css_class (GtkWidget     *widget,
                        gconstpointer  css_class);

gboolean is_of_type (GtkWidget     *widget,
                     gconstpointer  type);

gboolean has_icon (GtkWidget     *widget,
                   gconstpointer  icon_name);

GtkWidget *find_of_type (GtkWidget *widget,
                         GType      type);

FitaWindow *find_window_with_plan (const char *path);

gboolean is_drawn (gpointer widget);

gboolean has_message_dialog (gpointer data);

gboolean has_no_message_dialog (gpointer data);

/* Mapped and given a size: ready to be drawn for a screenshot. */
gboolean is_shown (gpointer widget);

/* Clicks the dialog's Close button, as a person would. */
void close_message_dialog (AdwMessageDialog *dialog);
/* Clicks the dialog's button labelled label, as a person does: the
 * dialog answers and closes. */
void respond (AdwMessageDialog *dialog,
              const char       *label);

gboolean shows_row (gpointer data);

/* The outline's row of code, after the window has settled; it must be
 * there. */
GtkWidget *shown_row (FitaWindow *window,
                      const char *code);

/* Where name stands in a drop-down of strings, or
 * GTK_INVALID_LIST_POSITION when it is not offered. */
guint choice_position (GtkDropDown *dropdown,
                       const char  *name);

void wait_for_row (FitaWindow *window,
                   const char *code);

/* A copy of an example in a new file of the test's own directory. */
char *save_example (const char *name,
                    const char *basename);

/* A click, at once (gtk_widget_activate() waits a moment to show it). */
void click (GtkWidget *button);

void open_path (const char *path);

/* Opens a copy of the Terrassa example and waits for its last row. */
FitaWindow *open_terrassa (const char  *basename,
                           char       **path_out);

gint64 id_of (FitaWindow *window,
              const char *code);

void select_code (FitaWindow *window,
                  const char *code);

void activate (FitaWindow *window,
               const char *action);

/* What the file says now, read as another program would. */
FitaPlan *reopen (const char *path);

/* "11.1 11.2 11.3" — the codes under parent (NULL: the top) in the file. */
char *codes_in_file (const char *path,
                     const char *parent);

char *title_in_file (const char *path,
                     const char *code);

const char * row_title (FitaWindow *window,
                        const char *code);

guint n_rows (FitaWindow *window);

/* Runs what is pending, as the main loop would before the next frame. */
void drain (void);

gboolean is_sensitive (gpointer widget);

void count_cb (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count);

G_END_DECLS
