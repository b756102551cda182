/* fita-window-test.c: see fita-window-test.h. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-examples.h"
#include "fita-window-test.h"

FitaApplication *app;

static char *home;

void
start_app (int    *argc,
           char ***argv)
{
  g_autoptr(GError) error = NULL;

  home = isolate_home ();
  g_test_init (argc, argv, NULL);
  fita_application_init_i18n ();

  app = fita_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}

int
run_app_tests (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  remove_tree (home);
  g_clear_pointer (&home, g_free);
  return status;
}

gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

void
close_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (windows->data);
  g_assert_true (wait_until (no_windows, NULL));
}

gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  code)
{
  FitaItemObject *item;
  FitaItem *record;

  if (!FITA_IS_ITEM_ROW (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  item = fita_item_row_get_item (FITA_ITEM_ROW (widget));
  record = item != NULL ? fita_item_object_get_item (item) : NULL;
  return record != NULL && g_strcmp0 (record->code, code) == 0;
}

gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
has_icon (GtkWidget     *widget,
          gconstpointer  icon_name)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  return find_descendant (widget, is_of_type, GSIZE_TO_POINTER (type));
}

FitaWindow *
find_window_with_plan (const char *path)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      FitaPlan *plan = FITA_IS_WINDOW (l->data) ? fita_window_get_plan (l->data) : NULL;

      if (plan != NULL && g_strcmp0 (fita_plan_get_path (plan), path) == 0)
        return l->data;
    }

  return NULL;
}

gboolean
is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

gboolean
has_no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

/* Mapped and given a size: ready to be drawn for a screenshot. */
gboolean
is_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

/* Clicks the dialog's Close button, as a person would. */
void
close_message_dialog (AdwMessageDialog *dialog)
{
  respond (dialog, "_Close");
}

void
respond (AdwMessageDialog *dialog,
         const char       *label)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (dialog), is_button_labelled, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (wait_until (has_no_message_dialog, NULL));
}

gboolean
shows_row (gpointer data)
{
  FitaWindow *window = FITA_WINDOW (((gpointer *)data)[0]);

  return gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         find_descendant (GTK_WIDGET (window), is_row_of, ((gpointer *)data)[1]) != NULL;
}

GtkWidget *
shown_row (FitaWindow *window,
           const char *code)
{
  GtkWidget *row;

  settle ();
  row = find_descendant (GTK_WIDGET (window), is_row_of, code);
  g_assert_nonnull (row);
  return row;
}

guint
choice_position (GtkDropDown *dropdown,
                 const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

void
wait_for_row (FitaWindow *window,
              const char *code)
{
  gpointer wait_data[2] = { window, (gpointer)code };

  g_assert_true (wait_until (shows_row, wait_data));
}

/* A copy of an example in a new file of the test's own directory. */
char *
save_example (const char *name,
              const char *basename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load (name, &error);
  char *path = g_build_filename (g_get_user_cache_dir (), basename, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_remove (path);
  fita_plan_save_new (plan, path, &error);
  g_assert_no_error (error);
  return path;
}

/* A click, at once (gtk_widget_activate() waits a moment to show it). */
void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_application_open (G_APPLICATION (app), &file, 1, "");
}

/* Opens a copy of the Terrassa example and waits for its last row. */
FitaWindow *
open_terrassa (const char  *basename,
               char       **path_out)
{
  g_autofree char *path = save_example (TERRASSA, basename);
  FitaWindow *window;

  open_path (path);
  window = find_window_with_plan (path);
  g_assert_nonnull (window);
  wait_for_row (window, "11.5");

  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return window;
}

gint64
id_of (FitaWindow *window,
       const char *code)
{
  FitaItem *item = fita_plan_find_item (fita_window_get_plan (window), code);

  g_assert_nonnull (item);
  return item->rec.id;
}

void
select_code (FitaWindow *window,
             const char *code)
{
  g_assert_true (fita_outline_select_item (fita_window_get_outline (window), id_of (window, code)));
  g_assert_cmpint (fita_outline_get_selected_id (fita_window_get_outline (window)), ==, id_of (window, code));
}

void
activate (FitaWindow *window,
          const char *action)
{
  GtkWidget *widget = g_str_has_prefix (action, "outline.")
                    ? GTK_WIDGET (fita_window_get_outline (window))
                    : GTK_WIDGET (window);

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
}

/* What the file says now, read as another program would. */
FitaPlan *
reopen (const char *path)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return plan;
}

/* "11.1 11.2 11.3" — the codes under parent (NULL: the top) in the file. */
char *
codes_in_file (const char *path,
               const char *parent)
{
  g_autoptr(FitaPlan) plan = reopen (path);
  FitaItem *owner = parent != NULL ? fita_plan_find_item (plan, parent) : NULL;
  GPtrArray *items;
  GString *codes = g_string_new (NULL);

  g_assert_true (parent == NULL || owner != NULL);
  items = fita_plan_list (plan, FITA_TABLE_ITEM, owner != NULL ? owner->rec.id : 0);
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);

      if (codes->len > 0)
        g_string_append_c (codes, ' ');
      g_string_append (codes, item->code != NULL ? item->code : "-");
    }

  return g_string_free (codes, FALSE);
}

char *
title_in_file (const char *path,
               const char *code)
{
  g_autoptr(FitaPlan) plan = reopen (path);
  FitaItem *item = fita_plan_find_item (plan, code);

  g_assert_nonnull (item);
  return g_strdup (item->title);
}

const char *
row_title (FitaWindow *window,
           const char *code)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (window), is_row_of, code);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = find_descendant (row, has_css_class, "title");
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

guint
n_rows (FitaWindow *window)
{
  return g_list_model_get_n_items (fita_outline_get_model (fita_window_get_outline (window)));
}

/* Runs what is pending, as the main loop would before the next frame. */
void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_get_sensitive (widget);
}

void
count_cb (GListModel *model,
          guint       position,
          guint       removed,
          guint       added,
          guint      *count)
{
  (*count)++;
}
