#include "config.h"

#include "fita-item-object.h"
#include "fita-item-row.h"
#include "fita-outline.h"

struct _FitaOutline
{
  GtkWidget           parent_instance;

  FitaPlan           *plan;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (FitaOutline, fita_outline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = fita_item_object_get_children (item);

  return children ? g_object_ref (children) : NULL;
}

static void
fita_outline_setup_row_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           FitaOutline              *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), fita_item_row_new ());
  gtk_list_item_set_child (list_item, expander);
}

static void
fita_outline_bind_row_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          FitaOutline              *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(FitaItemObject) item = gtk_tree_list_row_get_item (tree_row);

  gtk_tree_expander_set_list_row (expander, tree_row);
  fita_item_row_set_item (FITA_ITEM_ROW (gtk_tree_expander_get_child (expander)), item);
}

static void
fita_outline_unbind_row_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            FitaOutline              *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));

  gtk_tree_expander_set_list_row (expander, NULL);
  fita_item_row_set_item (FITA_ITEM_ROW (gtk_tree_expander_get_child (expander)), NULL);
}

static void
fita_outline_activate_cb (GtkListView *list_view,
                          guint        position,
                          FitaOutline *self)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

static void
set_selected_expanded (FitaOutline *self,
                       gboolean     expanded)
{
  GtkTreeListRow *row;

  if (self->selection == NULL)
    return;

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, expanded);
}

static void
fita_outline_expand_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  set_selected_expanded (FITA_OUTLINE (widget), TRUE);
}

static void
fita_outline_collapse_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  set_selected_expanded (FITA_OUTLINE (widget), FALSE);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action_name)));
}

static gboolean
fita_outline_grab_focus (GtkWidget *widget)
{
  FitaOutline *self = (FitaOutline *)widget;

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
fita_outline_dispose (GObject *object)
{
  FitaOutline *self = (FitaOutline *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_OUTLINE);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (fita_outline_parent_class)->dispose (object);
}

static void
fita_outline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FitaOutline *self = FITA_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_outline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FitaOutline *self = FITA_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_outline_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_outline_class_init (FitaOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_outline_dispose;
  object_class->get_property = fita_outline_get_property;
  object_class->set_property = fita_outline_set_property;

  widget_class->grab_focus = fita_outline_grab_focus;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "outline");
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaOutline, list_view);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, fita_outline_activate_cb);

  gtk_widget_class_install_action (widget_class, "outline.expand", NULL, fita_outline_expand_action);
  gtk_widget_class_install_action (widget_class, "outline.collapse", NULL, fita_outline_collapse_action);
}

static void
fita_outline_init (FitaOutline *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GtkListView takes Left and Right for itself (and in GTK 4.8 the
   * expander's own keys never reach it, as it cannot hold the focus), so
   * catch them on the way down: Right and + unfold, Left and - fold. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, "outline.expand");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_plus, "outline.expand");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Add, "outline.expand");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, "outline.collapse");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_minus, "outline.collapse");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Subtract, "outline.collapse");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
fita_outline_new (void)
{
  return g_object_new (FITA_TYPE_OUTLINE, NULL);
}

FitaPlan *
fita_outline_get_plan (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), NULL);

  return self->plan;
}

void
fita_outline_set_plan (FitaOutline *self,
                       FitaPlan    *plan)
{
  GtkTreeListModel *tree = NULL;

  g_return_if_fail (FITA_IS_OUTLINE (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_clear_object (&self->selection);

  if (plan != NULL)
    {
      tree = gtk_tree_list_model_new (fita_item_object_list_new (plan, NULL),
                                      FALSE, TRUE,
                                      create_children_cb, NULL, NULL);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (tree));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
    }

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

GListModel *
fita_outline_get_model (FitaOutline *self)
{
  g_return_val_if_fail (FITA_IS_OUTLINE (self), NULL);

  return G_LIST_MODEL (self->selection);
}
