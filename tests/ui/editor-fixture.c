/* editor-fixture.c: the item editor in a window of its own, and the ways
 * the item editor's tests find its widgets, edit and undo. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-examples.h"
#include "fita-item-editor.h"
#include "fita-item-editor-budget.h"
#include "fita-item-editor-followup.h"
#include "fita-item-editor-indicators.h"
#include "fita-item-editor-number.h"
#include "fita-json.h"
#include "fita-money-entry.h"
#include "fita-money.h"
#include "fita-outline.h"
#include "fita-rollup.h"
#include "fita-semester-grid.h"
#include "fita-status-table.h"
#include "fita-application.h"
#include "fita-ui-test.h"
#include "editor-fixture.h"

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_named (Fixture    *f,
            const char *name)
{
  GtkWidget *widget = find_descendant (f->window, is_named, name);

  g_assert_nonnull (widget);
  return widget;
}

GtkWidget *
find_section (Fixture *f,
              GType    type)
{
  GtkWidget *widget = find_descendant (f->window, is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (widget);
  return widget;
}

gint64
item_id (FitaPlan   *plan,
         const char *code)
{
  FitaItem *item = fita_plan_find_item (plan, code);

  g_assert_nonnull (item);
  return item->rec.id;
}

void
fixture_show (Fixture    *f,
              const char *code)
{
  fita_item_editor_set_item_id (f->editor, code ? item_id (f->plan, code) : 0);
  settle ();
}

/* The example in a new file, shown in an editor in a window of its own. */
void
fixture_set_up (Fixture    *f,
                const char *example,
                const char *code,
                int         width,
                int         height)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("fita-editor-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "plan.fita", NULL);
  if (g_str_has_suffix (example, ".json"))
    {
      g_autofree char *json = g_test_build_filename (G_TEST_DIST, "data", example, NULL);

      f->plan = fita_json_import_file (json, &error);
    }
  else
    f->plan = fita_example_load (example, &error);
  g_assert_no_error (error);
  fita_plan_save_new (f->plan, f->path, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  f->editor = FITA_ITEM_EDITOR (fita_item_editor_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->editor));
  fita_item_editor_set_plan (f->editor, f->plan);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (is_mapped, f->window));
  fixture_show (f, code);
}

void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->plan);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* What is in the file now, read by a second, read-only connection. */
FitaPlan *
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FitaPlan *plan = fita_plan_open (f->path, FITA_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

void
undo (Fixture    *f,
      const char *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (fita_plan_get_undo_label (f->plan), ==, label);
  g_assert_true (fita_plan_undo (f->plan, &error));
  g_assert_no_error (error);
  settle ();
}

/* Types text into an entry row or entry and presses Enter. */
void
type_and_enter (GtkWidget  *editable,
                const char *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (editable)));

  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  /* Enter */
  g_signal_emit_by_name (delegate, "activate");
  settle ();
}

typedef struct {
  FitaPlan *plan;
  guint64   generation;
} PlanChange;

static gboolean
plan_changed (gpointer data)
{
  PlanChange *change = data;

  return fita_plan_get_generation (change->plan) > change->generation;
}

/* Clicks widget (with the keyboard) and waits for the change it makes. */
void
click (Fixture   *f,
       GtkWidget *widget)
{
  PlanChange change = { f->plan, fita_plan_get_generation (f->plan) };

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_activate (widget));
  g_assert_true (wait_until (plan_changed, &change));
  settle ();
}

char *
money (gint64 cents)
{
  return fita_money_format (cents, fita_lang_from_locale ());
}

gint64
chapter_id (FitaPlan   *plan,
            const char *name)
{
  FitaChapter *chapter = fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, name);

  g_assert_nonnull (chapter);
  return chapter->rec.id;
}

