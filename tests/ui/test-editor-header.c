/* test-editor-header: the top of the item editor as a newcomer uses it
 * with the keyboard and a screen reader: named drop-downs, Ctrl+Return to
 * add the next item, and the status that the progress calls for. */
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

/* A screen reader on the Level and Status drop-downs hears their names,
 * not "toggle button", and each choice of the list has its name. */
static void
test_drop_down_names (void)
{
  static const struct { const char *name; const char *label; } drop_downs[] = {
    { "level", "Level" }, { "status", "Status" },
  };
  Fixture f = { 0 };

  fixture_set_up (&f, TERRASSA, "11.3", 1000, 800);
  for (guint i = 0; i < G_N_ELEMENTS (drop_downs); i++)
    {
      GtkWidget *drop_down = find_named (&f, drop_downs[i].name);
      GtkWidget *button = find_descendant (drop_down, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_TOGGLE_BUTTON));
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           drop_downs[i].label);
      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           drop_downs[i].label);
      g_assert_cmpuint (g_list_model_get_n_items (model), >, 1);
      /* What is chosen is the button's description. */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           gtk_string_object_get_string (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down))));
    }

  /* The choices shown in the open list are named after their labels. */
  {
    GtkWidget *status = find_named (&f, "status");
    GtkWidget *button = find_descendant (status, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_TOGGLE_BUTTON));
    GtkWidget *popover = find_descendant (status, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
    GtkWidget *list;
    GtkWidget *choice;
    guint named = 0;

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
    settle ();
    g_assert_nonnull (popover);
    list = find_descendant (popover, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
    g_assert_nonnull (list);
    for (choice = gtk_widget_get_first_child (list); choice != NULL; choice = gtk_widget_get_next_sibling (choice))
      {
        GtkWidget *box = gtk_widget_get_first_child (choice);
        GtkWidget *label = box ? gtk_widget_get_last_child (box) : NULL;

        if (!GTK_IS_BOX (box) || !GTK_IS_LABEL (label))
          continue;
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             gtk_label_get_label (GTK_LABEL (label)));
        named++;
      }
    g_assert_cmpuint (named, >, 1);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
    settle ();
  }
  fixture_tear_down (&f);
}

/* Ctrl+Return in the title saves it and adds the next item, after this
 * one under the same parent, as the outline's Add Item does. */
static void
test_add_after (void)
{
  Fixture f = { 0 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *outline = fita_outline_new ();
  GtkWidget *title;
  GtkEventController *shortcuts = NULL;
  GtkShortcutAction *action = NULL;
  GListModel *controllers;
  FitaItem *item;
  FitaItem *next;
  gint64 parent_id;
  guint n_siblings;

  fixture_set_up (&f, TERRASSA, "11.3", 1000, 800);
  g_object_ref (f.editor);
  gtk_window_set_child (GTK_WINDOW (f.window), box);
  gtk_box_append (GTK_BOX (box), outline);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f.editor));
  g_object_unref (f.editor);
  fita_outline_set_plan (FITA_OUTLINE (outline), f.plan);
  fita_outline_select_item (FITA_OUTLINE (outline), item_id (f.plan, "11.3"));
  settle ();

  item = fita_plan_find_item (f.plan, "11.3");
  parent_id = item->parent_id;
  n_siblings = fita_plan_list (f.plan, FITA_TABLE_ITEM, parent_id)->len;
  title = find_named (&f, "title");
  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Acció revisada");

  /* The title's Ctrl+Return, as its shortcut controller has it. */
  controllers = gtk_widget_observe_controllers (title);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && action == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "<Control>Return") != NULL)
            {
              shortcuts = controller;
              action = gtk_shortcut_get_action (shortcut);
            }
        }
    }
  g_object_unref (controllers);
  g_assert_nonnull (shortcuts);
  g_assert_nonnull (action);
  g_assert_true (gtk_shortcut_action_activate (action, 0, title, NULL));
  settle ();

  item = fita_plan_find_item (f.plan, "11.3");
  g_assert_cmpstr (item->title, ==, "Acció revisada");
  g_assert_cmpuint (fita_plan_list (f.plan, FITA_TABLE_ITEM, parent_id)->len, ==, n_siblings + 1);
  next = g_ptr_array_index (fita_plan_list (f.plan, FITA_TABLE_ITEM, parent_id), item->position + 1);
  g_assert_cmpint (next->parent_id, ==, parent_id);
  g_assert_cmpint (fita_outline_get_selected_id (FITA_OUTLINE (outline)), ==, next->rec.id);
  fixture_tear_down (&f);
}

static FitaStatus *
status_with_percent (FitaPlan *plan,
                     gint64    percent)
{
  GPtrArray *statuses = fita_plan_list (plan, FITA_TABLE_STATUS, 0);

  for (guint i = 0; i < statuses->len; i++)
    if (((FitaStatus *) g_ptr_array_index (statuses, i))->percent == percent)
      return g_ptr_array_index (statuses, i);
  return NULL;
}

static void
set_progress (Fixture    *f,
              const char *code,
              gint64      bp)
{
  g_autoptr(GError) error = NULL;

  fita_plan_begin (f->plan, "Edit Progress");
  fita_plan_set_int (f->plan, fita_plan_find_item (f->plan, code), "progress", bp, NULL);
  g_assert_true (fita_plan_end (f->plan, &error));
  g_assert_no_error (error);
  settle ();
}

/* Progress at 100 % with a status that says otherwise: the editor offers
 * the status whose percent is 100 (found by percent, not by name), and
 * takes it as one undoable change. Leaving 0 % offers the one between. */
static void
test_status_hint (void)
{
  Fixture f = { 0 };
  FitaStatus *done;
  FitaStatus *started;
  FitaStatus *pending;
  GtkWidget *hint;
  GtkWidget *button;
  FitaItem *item;
  gint64 before;

  fixture_set_up (&f, TERRASSA, "11.3", 1000, 800);
  done = status_with_percent (f.plan, 100);
  pending = status_with_percent (f.plan, 0);
  g_assert_nonnull (done);
  g_assert_nonnull (pending);
  hint = find_named (&f, "status-hint");
  button = find_named (&f, "status-hint-button");
  item = fita_plan_find_item (f.plan, "11.3");
  g_assert_cmpint (item->status_id, !=, done->rec.id);
  before = item->status_id;

  set_progress (&f, "11.3", 10000);
  g_assert_true (gtk_widget_get_visible (hint));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), done->name));
  g_free (save_screenshot (f.window, "editor-status-hint"));
  g_signal_emit_by_name (button, "clicked");
  settle ();
  item = fita_plan_find_item (f.plan, "11.3");
  g_assert_cmpint (item->status_id, ==, done->rec.id);
  g_assert_false (gtk_widget_get_visible (hint));
  undo (&f, "Change Status");
  g_assert_cmpint (fita_plan_find_item (f.plan, "11.3")->status_id, ==, before);
  g_assert_true (gtk_widget_get_visible (hint));

  /* Status at 0 % while the progress has left 0 %: the one in between. */
  {
    g_autoptr(GError) error = NULL;

    fita_plan_begin (f.plan, "Change Status");
    fita_plan_set_int (f.plan, fita_plan_find_item (f.plan, "11.3"), "status_id", pending->rec.id, NULL);
    g_assert_true (fita_plan_end (f.plan, &error));
    settle ();
  }
  set_progress (&f, "11.3", 4000);
  g_assert_true (gtk_widget_get_visible (hint));
  g_signal_emit_by_name (button, "clicked");
  settle ();
  started = fita_plan_lookup (f.plan, FITA_TABLE_STATUS, fita_plan_find_item (f.plan, "11.3")->status_id);
  /* Terrassa's "En curs" has no percent: it lies between the two. */
  g_assert_nonnull (started);
  g_assert_cmpint (started->rec.id, !=, pending->rec.id);
  g_assert_cmpint (started->rec.id, !=, done->rec.id);
  g_assert_false (gtk_widget_get_visible (hint));

  /* Back to 0 %: nothing to suggest. */
  set_progress (&f, "11.3", 0);
  g_assert_false (gtk_widget_get_visible (hint));
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  /* Amounts as officers in Catalonia write them; the messages stay in the
   * C locale's English. */
  g_setenv ("LANGUAGE", "ca", TRUE);
  /* Accessible labels are checked: GTK keeps them only with an accessibility
   * backend, and its test one needs no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/editor/drop-down-names", test_drop_down_names);
  g_test_add_func ("/ui/editor/add-after", test_add_after);
  g_test_add_func ("/ui/editor/status-hint", test_status_hint);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
