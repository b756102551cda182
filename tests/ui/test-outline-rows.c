/* test-outline-rows: how the outline's rows are made and how the outline
 * follows its plan, in-process against a real (virtual) X server: rows
 * from a GtkBuilderListItemFactory template whose controllers call the
 * outline, the search's marks bound from the items, and views that are
 * right whichever of them hears of a change first. */
#include "config.h"

#include "fita-examples.h"
#include "fita-item-editor.h"
#include "fita-item-row.h"
#include "fita-window-test.h"

/* The rows' menu: the outline's own popover (its buttons have theirs). */
static GtkWidget *
context_menu_of (GtkWidget *outline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (outline); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;

  return NULL;
}

static gboolean
context_menu_shown (gpointer outline)
{
  GtkWidget *menu = context_menu_of (outline);

  return menu != NULL && gtk_widget_get_mapped (menu);
}

/* The controller of type on widget (the widget holds it), or NULL. */
static gpointer
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gpointer found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        found = controller;
    }

  return found;
}

/* Rows are made by a GtkBuilderListItemFactory from fita-outline-row.ui:
 * its controllers call the outline (a secondary click opens the menu of
 * the row clicked; a row is dragged as its item and dropped on another),
 * and the search's marks come from the items' "match". */
static void
test_row_template (void)
{
  g_autofree char *path = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *screenshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  FitaWindow *window = open_terrassa ("row-template.fita", &path);
  FitaOutline *outline = fita_window_get_outline (window);
  FitaItemTree *tree = fita_outline_get_tree (outline);
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (outline), FITA_TYPE_OUTLINE, "list_view");
  GtkListItemFactory *factory = gtk_list_view_get_factory (GTK_LIST_VIEW (list));
  FitaFilter filter = { "accio", 0, 0, FITA_NONE };
  GtkWidget *row, *expander;
  GtkGesture *click;
  gboolean dropped = FALSE, match = FALSE;

  g_assert_true (GTK_IS_BUILDER_LIST_ITEM_FACTORY (factory));
  g_assert_cmpstr (gtk_builder_list_item_factory_get_resource (GTK_BUILDER_LIST_ITEM_FACTORY (factory)),
                   ==, "/cat/fita/Fita/fita-outline-row.ui");

  /* A secondary click on a row outside the selection: that row alone,
   * and its menu. */
  select_code (window, "11.1");
  row = shown_row (window, "11.3");
  expander = gtk_widget_get_parent (row);
  g_assert_true (GTK_IS_TREE_EXPANDER (expander));
  click = controller_of (expander, GTK_TYPE_GESTURE_CLICK);
  g_assert_nonnull (click);
  g_assert_cmpuint (gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (click)), ==, GDK_BUTTON_SECONDARY);
  g_signal_emit_by_name (click, "pressed", 1, 8.0, 8.0);
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, id_of (window, "11.3"));
  g_assert_cmpuint (fita_outline_get_n_selected (outline), ==, 1);
  g_assert_true (wait_until (context_menu_shown, outline));
  settle ();
  screenshot = save_screenshot (GTK_WIDGET (window), "row-secondary-click");
  assert_png (screenshot, 800, 500);
  gtk_popover_popdown (GTK_POPOVER (context_menu_of (GTK_WIDGET (outline))));

  /* Inside the selection, the selection stays. */
  g_assert_true (fita_outline_add_to_selection (outline, id_of (window, "11.4")));
  g_signal_emit_by_name (click, "pressed", 1, 8.0, 8.0);
  g_assert_cmpuint (fita_outline_get_n_selected (outline), ==, 2);
  gtk_popover_popdown (GTK_POPOVER (context_menu_of (GTK_WIDGET (outline))));

  /* Dragging 11.5 carries its item… */
  row = shown_row (window, "11.5");
  g_signal_emit_by_name (controller_of (row, GTK_TYPE_DRAG_SOURCE), "prepare", 4.0, 4.0, &provider);
  g_assert_nonnull (provider);
  g_value_init (&value, FITA_TYPE_ITEM_OBJECT);
  g_assert_true (gdk_content_provider_get_value (provider, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_item_object_get_id (g_value_get_object (&value)), ==, id_of (window, "11.5"));

  /* …which drops in the top third of 11.1 before it. A row that was
   * shown as a place to drop is no longer once the pointer leaves it. */
  row = shown_row (window, "11.1");
  fita_item_row_set_drop (FITA_ITEM_ROW (row), FITA_DROP_INTO);
  g_assert_true (gtk_widget_has_css_class (row, "drop-into"));
  g_signal_emit_by_name (controller_of (row, GTK_TYPE_DROP_TARGET), "leave");
  g_assert_false (gtk_widget_has_css_class (row, "drop-into"));
  g_signal_emit_by_name (controller_of (row, GTK_TYPE_DROP_TARGET), "drop", &value, 4.0, 1.0, &dropped);
  g_assert_true (dropped);
  codes = codes_in_file (path, "11");
  g_assert_cmpstr (codes, ==, "11.5 11.1 11.2 11.3 11.4");

  /* What the search found is marked on the items, and rows follow. */
  activate (window, "win.search");
  fita_outline_set_filter (outline, &filter);
  g_assert_true (fita_item_object_get_match (fita_item_tree_lookup (tree, id_of (window, "11.2"))));
  g_assert_false (fita_item_object_get_match (fita_item_tree_lookup (tree, id_of (window, "11"))));
  g_object_get (shown_row (window, "11.2"), "match", &match, NULL);
  g_assert_true (match);
  g_assert_false (fita_item_row_get_match (FITA_ITEM_ROW (shown_row (window, "11"))));
  fita_outline_set_filter (outline, NULL);
  g_assert_false (fita_item_object_get_match (fita_item_tree_lookup (tree, id_of (window, "11.2"))));
  g_assert_false (fita_item_row_get_match (FITA_ITEM_ROW (shown_row (window, "11.2"))));

  close_all_windows ();
}

static void
outline_selected_cb (FitaOutline    *outline,
                     GParamSpec     *pspec,
                     FitaItemEditor *editor)
{
  fita_item_editor_set_item_id (editor, fita_outline_get_selected_id (outline));
}

static const char *
editor_label (FitaItemEditor *editor,
              const char     *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (editor), FITA_TYPE_ITEM_EDITOR, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static char *
object_text (FitaOutline *outline,
             gint64       id,
             const char  *property)
{
  FitaItemObject *object = fita_item_tree_lookup (fita_outline_get_tree (outline), id);
  char *text = NULL;

  g_assert_nonnull (object);
  g_object_get (object, property, &text, NULL);
  return text;
}

/* An outline and an item editor on one plan, each following its
 * "changed" on its own, connected in the order given: each is right
 * whichever runs first. */
static void
check_views_follow_plan (gboolean outline_first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load (TERRASSA, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  FitaOutline *outline = FITA_OUTLINE (fita_outline_new ());
  FitaItemEditor *editor = FITA_ITEM_EDITOR (fita_item_editor_new ());
  FitaItem *programme, *action;
  FitaLevel *level;
  FitaStatus *status;
  GtkDropDown *year_dropdown;
  gint64 action_id;
  guint years;
  char *text;

  g_assert_no_error (error);
  gtk_widget_set_size_request (GTK_WIDGET (outline), 360, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (editor), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (outline));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  /* As the window does: the editor shows the outline's selection. */
  g_signal_connect_object (outline, "notify::selected-id", G_CALLBACK (outline_selected_cb), editor, 0);

  if (outline_first)
    {
      fita_outline_set_plan (outline, plan);
      fita_item_editor_set_plan (editor, plan);
    }
  else
    {
      fita_item_editor_set_plan (editor, plan);
      fita_outline_set_plan (outline, plan);
    }

  programme = fita_plan_find_item (plan, "11");
  action = fita_plan_find_item (plan, "11.3");
  action_id = action->rec.id;
  g_assert_true (fita_outline_select_item (outline, programme->rec.id));
  g_assert_cmpint (fita_item_editor_get_item_id (editor), ==, programme->rec.id);

  /* A percent below: the programme's derived figure, the same in both. */
  g_assert_true (fita_plan_set_int (plan, action, "progress", 5000, &error));
  text = object_text (outline, programme->rec.id, "progress-text");
  g_assert_cmpstr (text, ==, editor_label (editor, "derived_label"));
  g_assert_true (g_str_has_prefix (text, "22"));
  g_free (text);

  /* A level renamed: the rows that show it and the editor's header. */
  level = fita_plan_lookup (plan, FITA_TABLE_LEVEL, programme->level_id);
  g_assert_true (fita_plan_set_text (plan, level, "name", "Programa d'actuació", &error));
  text = object_text (outline, programme->rec.id, "level-name");
  g_assert_cmpstr (text, ==, "Programa d'actuació");
  g_assert_cmpstr (editor_label (editor, "level_label"), ==, "Programa d'actuació");
  g_free (text);

  /* A status renamed: the rows' pills and the status filter's list. */
  status = fita_plan_lookup (plan, FITA_TABLE_STATUS, action->status_id);
  g_assert_true (fita_plan_set_text (plan, status, "name", "Encara no", &error));
  text = object_text (outline, action_id, "status-name");
  g_assert_cmpstr (text, ==, "Encara no");
  g_assert_cmpuint (choice_position (GTK_DROP_DOWN (find_of_type (GTK_WIDGET (outline), GTK_TYPE_DROP_DOWN)), "Encara no"),
                    !=, GTK_INVALID_LIST_POSITION);
  g_free (text);

  /* A year more in the period: one more in the year filter. */
  year_dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (outline), FITA_TYPE_OUTLINE, "year_dropdown"));
  years = g_list_model_get_n_items (gtk_drop_down_get_model (year_dropdown));
  g_assert_true (fita_plan_set_int (plan, fita_plan_get_info (plan), "period_end",
                                    fita_plan_get_info (plan)->period_end + 1, &error));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (year_dropdown)), ==, years + 1);

  /* The item shown deleted: both let go of it; undone: both show it. */
  g_assert_true (fita_outline_select_item (outline, action_id));
  g_assert_cmpint (fita_item_editor_get_item_id (editor), ==, action_id);
  g_assert_true (fita_plan_delete (plan, action, &error));
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, 0);
  g_assert_cmpint (fita_item_editor_get_item_id (editor), ==, 0);
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_outline_get_selected_id (outline), ==, action_id);
  g_assert_cmpint (fita_item_editor_get_item_id (editor), ==, action_id);
  g_assert_true (g_str_has_prefix (editor_label (editor, "heading_label"), "11.3 "));
  text = object_text (outline, action_id, "code");
  g_assert_cmpstr (text, ==, "11.3");
  g_free (text);

  fita_outline_set_plan (outline, NULL);
  fita_item_editor_set_plan (editor, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No view relies on the order in which the plan's "changed" handlers were
 * connected: the outline brings its tree in step within its own handler
 * before it reads its rows, and the editor reads only the plan. */
static void
test_handler_order (void)
{
  check_views_follow_plan (TRUE);
  check_views_follow_plan (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  start_app (&argc, &argv);

  g_test_add_func ("/ui/outline-rows/row-template", test_row_template);
  g_test_add_func ("/ui/outline-rows/handler-order", test_handler_order);

  return run_app_tests ();
}
