#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* Runs the main loop until condition holds, or gives up after 10 s. */
gboolean          wait_until          (Condition      condition,
                                       gpointer       data);
/* Lets the windows lay out and draw for a while. */
void              settle              (void);
GtkWidget        *find_descendant     (GtkWidget     *widget,
                                       WidgetMatch    match,
                                       gconstpointer  data);
gboolean          is_button_labelled  (GtkWidget     *widget,
                                       gconstpointer  label);
AdwMessageDialog *find_message_dialog (void);
/* Draws widget (a window) as it is on screen into NAME.png, in
 * $FITA_SCREENSHOT_DIR or the cache folder; returns the path. */
char             *save_screenshot     (GtkWidget     *widget,
                                       const char    *name);
/* The PNG is there, at least width × height, and not blank. */
void              assert_png          (const char    *path,
                                       int            width,
                                       int            height);
/* A home of the test's own for data, settings, cache and state. */
char             *isolate_home        (void);
void              remove_tree         (const char    *path);
/* Puts $LANGUAGE back as g_getenv () read it before a test changed it
 * (NULL: it was not set). */
void              restore_language    (const char    *language);

G_END_DECLS
