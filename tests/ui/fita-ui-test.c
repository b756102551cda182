/* Helpers shared by the UI tests: run the main loop until something shows,
 * find widgets, take screenshots, keep the test's files to itself. */
#include "config.h"
#include "fita-ui-test.h"

#include <glib/gstdio.h>
#include <string.h>

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until condition holds, or gives up after 10 s. */
gboolean
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, wake_up_cb, NULL);
  gboolean reached;

  while (!(reached = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return reached;
}

static gboolean
never (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *)data;
}

/* Lets the windows lay out and draw for a while. */
void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  wait_until (never, &until);
}

GtkWidget *
find_descendant (GtkWidget     *widget,
                 WidgetMatch    match,
                 gconstpointer  data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What widget draws now, or NULL before its first frame. */
static GskRenderNode *
render_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_to_node (snapshot);
}

static gboolean
has_drawn (gpointer data)
{
  g_autoptr(GskRenderNode) node = render_node (data);

  return node != NULL;
}

/* Draws widget (a window) the way it is on screen, into a PNG. */
char *
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *basename = g_strconcat (name, ".png", NULL);
  const char *folder = g_getenv ("FITA_SCREENSHOT_DIR");
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  char *path;

  if (folder == NULL)
    folder = g_get_user_cache_dir ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  path = g_build_filename (folder, basename, NULL);

  /* A window just shown (a message dialog) may not have been sized and
   * drawn yet when the machine is busy, whatever settle () waited. */
  g_assert_true (wait_until (has_drawn, widget));
  node = render_node (widget);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  return path;
}

/* The PNG is there, at least width × height, and not blank: a blank or
 * one-colour picture compresses to almost nothing. */
void
assert_png (const char *path,
            int         width,
            int         height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, width);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, height);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, width * height / 40);
}

void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* A home of the test's own ($HOME too) for data, settings and cache. Not
 * G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS too, and then
 * libadwaita 1.2 trips on the missing GSettings schemas and GTK finds no
 * icons. */
char *
isolate_home (void)
{
  static const char * const variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  static const char * const folders[] = { "data", "config", "cache", "state" };
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("fita-test-window-XXXXXX", &error);

  g_assert_no_error (error);
  /* The examples' copies go to the home folder (Documents, when it is
   * set up): the test's own, never the person's. */
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_setenv (variables[i], folder, TRUE);
    }

  return home;
}

AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

void
restore_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}
