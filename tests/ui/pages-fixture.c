/* pages-fixture.c: a page of the plan in a window of its own, and the
 * ways its tests find fields, type, undo and take screenshots. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-governance-page.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-participation-page.h"
#include "fita-plan-editor.h"
#include "fita-field.h"
#include "fita-item-editor.h"
#include "fita-plan-editor-lists.h"
#include "fita-rollup.h"
#include "fita-status-table.h"
#include "fita-application.h"
#include "fita-ui-test.h"
#include "pages-fixture.h"

/* The plan, saved to a file of its own, shown on page in a window. */
void
fixture_open_plan (Fixture    *fixture,
                   FitaPlan   *plan,
                   const char *name,
                   GtkWidget  *page,
                   int         width,
                   int         height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_strconcat (name, ".fita", NULL);

  fixture->folder = g_dir_make_tmp ("fita-pages-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, basename, NULL);
  fixture->plan = plan;
  g_assert_true (fita_plan_save_new (fixture->plan, fixture->path, &error));
  g_assert_no_error (error);

  fixture->page = page;
  g_object_set (page, "plan", fixture->plan, NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_set_child (GTK_WINDOW (fixture->window), page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

/* The example, saved to a file of its own, shown on page in a window. */
void
fixture_open_sized (Fixture    *fixture,
                    const char *example,
                    GtkWidget  *page,
                    int         width,
                    int         height)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_example_load (example, &error);

  g_assert_no_error (error);
  fixture_open_plan (fixture, plan, example, page, width, height);
}

void
fixture_open (Fixture    *fixture,
              const char *example,
              GtkWidget  *page)
{
  fixture_open_sized (fixture, example, page, 1100, 800);
}

void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->plan);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
}

/* The file as another reader sees it. */
FitaPlan *
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_plan_open (fixture->path, FITA_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

GtkWidget *
field (Fixture     *fixture,
       FitaTableId  table,
       gint64       id,
       const char  *name)
{
  GtkWidget *widget = fita_field_find (fixture->page, table, id, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Types text into an entry or entry row and presses Enter. */
void
type_and_activate (GtkWidget  *widget,
                   const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (widget));

  gtk_widget_grab_focus (widget);
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  /* What Enter does: the text inside says it was activated. */
  g_assert_true (GTK_IS_TEXT (delegate));
  g_signal_emit_by_name (delegate, "activate");
  settle ();
}

char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
undo (Fixture    *fixture,
      const char *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (fita_plan_get_undo_label (fixture->plan), ==, label);
  g_assert_true (fita_plan_undo (fixture->plan, &error));
  g_assert_no_error (error);
  settle ();
}

gboolean
is_label_named (GtkWidget     *widget,
                gconstpointer  name)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  /* The list of bodies or processes: the one something is picked in. */
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar") &&
         gtk_list_box_get_selected_row (GTK_LIST_BOX (widget)) != NULL;
}

gboolean
is_visible_error (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         gtk_widget_get_visible (widget) && gtk_widget_get_mapped (widget);
}

GtkWidget *
button_for (Fixture    *fixture,
            const char *action)
{
  GtkWidget *button = find_descendant (fixture->page, has_action, action);

  g_assert_nonnull (button);
  return button;
}

void
screenshot (Fixture    *fixture,
            const char *name,
            gboolean    dark)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *full = g_strconcat (name, dark ? "-dark" : "-light", NULL);
  g_autofree char *path = NULL;

  adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  settle ();
  path = save_screenshot (fixture->window, full);
  assert_png (path, 1000, 700);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Numbers as officers write them */

