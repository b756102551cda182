/* test-editor-history: the item editor's History section shows who changed
 * what of the item, newest first, as soon as it is changed (in the editor
 * or elsewhere), undo included; at most the last 50; and the preferences'
 * officer's name that the change log gives as the author. */
#include "config.h"

#include <string.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-item-editor-history.h"
#include "fita-window.h"
#include "fita-item-editor-number.h"
#include "fita-money.h"
#include "fita-preferences-window.h"
#include "fita-ui-test.h"
#include "editor-fixture.h"

static gboolean
is_expander (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

static void
collect_rows (GtkWidget *widget, GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      /* the expander's own header is an action row too, outside its revealer */
      if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_ancestor (child, GTK_TYPE_REVEALER) != NULL)
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

/* The rows the expander lists, in order. */
static GPtrArray *
history_rows (Fixture *f)
{
  GtkWidget *section = find_section (f, FITA_TYPE_ITEM_EDITOR_HISTORY);
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (find_descendant (section, is_expander, NULL), rows);
  return rows;
}

static const char *
row_title (GPtrArray *rows, guint index)
{
  g_assert_cmpuint (index, <, rows->len);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (rows, index)));
}

static const char *
row_subtitle (GPtrArray *rows, guint index)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (g_ptr_array_index (rows, index)));
}

static AdwExpanderRow *
expander (Fixture *f)
{
  return ADW_EXPANDER_ROW (find_descendant (find_section (f, FITA_TYPE_ITEM_EDITOR_HISTORY), is_expander, NULL));
}

/* Scrolls the editor to its end, where the history is. */
static void
scroll_to_end (Fixture *f)
{
  GtkWidget *section = find_section (f, FITA_TYPE_ITEM_EDITOR_HISTORY);
  GtkWidget *scrolled = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  settle ();
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle ();
}

static void
test_history (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *back = NULL;
  g_autofree char *thirty = fita_percent_format (30, fita_lang_from_locale ());
  g_autofree char *fortyfive = fita_percent_format (45, fita_lang_from_locale ());
  g_autofree char *path = NULL;
  GtkSpinButton *spin;

  fixture_set_up (&f, TERRASSA, "11.1", 900, 800);
  fita_plan_set_author (f.plan, "Anna Puig");

  /* collapsed at first, with only the plan's creation before: no change
   * of this item yet */
  g_assert_false (adw_expander_row_get_expanded (expander (&f)));
  rows = history_rows (&f);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* the progress typed in the editor, and Enter */
  spin = fita_item_editor_number_get_spin (FITA_ITEM_EDITOR_NUMBER (find_named (&f, "progress")));
  gtk_widget_grab_focus (GTK_WIDGET (spin));
  gtk_spin_button_set_value (spin, 45);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
  settle ();

  adw_expander_row_set_expanded (expander (&f), TRUE);
  rows = history_rows (&f);
  g_assert_cmpuint (rows->len, ==, 1);
  expected = g_strdup_printf ("Progress %s → %s", thirty, fortyfive);
  g_assert_cmpstr (row_title (rows, 0), ==, expected);
  g_assert_nonnull (strstr (row_subtitle (rows, 0), "Anna Puig"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (expander (&f)), "Anna Puig"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* another item's change is not this item's; an undo is, newest first */
  g_assert_true (fita_plan_set_text (f.plan, fita_plan_find_item (f.plan, "11.2"), "title", "Un altre", &error));
  fita_plan_set_author (f.plan, "Joan Roca");
  g_assert_true (fita_plan_set_text (f.plan, fita_plan_find_item (f.plan, "11.1"), "notes", "Revisat amb el servei", &error));
  rows = history_rows (&f);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_title (rows, 0), ==, "Notes (empty) → Revisat amb el servei");
  g_assert_nonnull (strstr (row_subtitle (rows, 0), "Joan Roca"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (fita_plan_undo (f.plan, &error));
  g_assert_true (fita_plan_undo (f.plan, &error));
  g_assert_true (fita_plan_undo (f.plan, &error));
  g_assert_no_error (error);
  settle ();
  rows = history_rows (&f);
  g_assert_cmpuint (rows->len, ==, 4);
  back = g_strdup_printf ("Progress %s → %s", fortyfive, thirty);
  g_assert_cmpstr (row_title (rows, 0), ==, back);
  g_assert_true (g_str_has_suffix (row_subtitle (rows, 0), "Joan Roca · Undo Edit Progress"));

  scroll_to_end (&f);
  path = save_screenshot (f.window, "editor-history");
  assert_png (path, 900, 800);
  fixture_tear_down (&f);
}

/* Only the last 50 changes, and a word on where the others are. */
static void
test_at_most_fifty (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  FitaItem *item;

  fixture_set_up (&f, TERRASSA, "11.1", 900, 700);
  item = fita_plan_find_item (f.plan, "11.1");
  for (int i = 1; i <= FITA_ITEM_HISTORY_MAX + 5; i++)
    g_assert_true (fita_plan_set_int (f.plan, item, "progress", i * 100, NULL));
  adw_expander_row_set_expanded (expander (&f), TRUE);
  settle ();
  rows = history_rows (&f);
  g_assert_cmpuint (rows->len, ==, FITA_ITEM_HISTORY_MAX + 1);
  g_assert_nonnull (strstr (row_title (rows, FITA_ITEM_HISTORY_MAX), "50"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (expander (&f)), "More than 50"));
  fixture_tear_down (&f);
}

/* The officer's name in the preferences, with a name for screen readers. */
static void
test_preferences (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
  GtkWidget *window = fita_preferences_window_new (settings);
  GtkWidget *row = find_descendant (window, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  g_autofree char *path = NULL;

  g_assert_cmpstr (g_settings_get_string (settings, "officer-name"), ==, "");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your _Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Anna Puig");
  g_assert_cmpstr (g_settings_get_string (settings, "officer-name"), ==, "Anna Puig");
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  path = save_screenshot (window, "preferences-officer");
  assert_png (path, 300, 300);
  g_settings_reset (settings, "officer-name");
  gtk_window_destroy (GTK_WINDOW (window));
}

static FitaPlan *
shown_plan (FitaApplication *app, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (FITA_IS_WINDOW (l->data) && fita_window_get_plan (l->data) != NULL &&
        g_strcmp0 (fita_plan_get_path (fita_window_get_plan (l->data)), path) == 0)
      return fita_window_get_plan (l->data);
  return NULL;
}

/* The app makes the changes of the plans it shows in the officer's name,
 * and follows the preference when it changes. */
static void
test_app_author (void)
{
  g_autoptr(FitaApplication) app = fita_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) example = NULL;
  g_autofree char *dir = g_dir_make_tmp ("fita-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.fita", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GSettings *settings;
  FitaPlan *plan;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  settings = fita_application_get_settings (app);
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "officer-name", " Anna Puig ");

  example = fita_example_load (TERRASSA, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_save_new (example, path, &error));
  g_clear_object (&example);

  fita_application_open_file (app, file, NULL);
  settle ();
  plan = shown_plan (app, path);
  g_assert_nonnull (plan);
  g_assert_cmpstr (fita_plan_get_author (plan), ==, "Anna Puig");
  g_settings_set_string (settings, "officer-name", "Joan Roca");
  g_assert_cmpstr (fita_plan_get_author (plan), ==, "Joan Roca");
  g_settings_reset (settings, "officer-name");
  g_assert_cmpstr (fita_plan_get_author (plan), !=, "Joan Roca");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  settle ();
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  g_setenv ("LANGUAGE", "ca", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/editor-history/changes", test_history);
  g_test_add_func ("/ui/editor-history/at-most-fifty", test_at_most_fifty);
  g_test_add_func ("/ui/editor-history/preferences", test_preferences);
  g_test_add_func ("/ui/editor-history/app-author", test_app_author);
  status = g_test_run ();
  remove_tree (home);
  return status;
}
