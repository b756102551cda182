/* fita-sidebar-page.c: a page of the plan with a sidebar of records and
 * the details of the one picked; the Governance and Participation pages
 * derive from it. */
#include "config.h"
#include "fita-sidebar-page.h"

#include "fita-change-error.h"
#include "fita-field.h"
#include "fita-plan-editor-lists.h"

typedef struct
{
  FitaPlan *plan;
  GSignalGroup *plan_signals;   /* the plan's signals, whichever plan it is */
  gint64 selected_id;

  AdwToastOverlay *toasts;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar;
} FitaSidebarPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (FitaSidebarPage, fita_sidebar_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FitaSidebarPagePrivate *
private_of (gpointer page)
{
  return fita_sidebar_page_get_instance_private (FITA_SIDEBAR_PAGE (page));
}

FitaPlan *
fita_sidebar_page_get_plan (gpointer page)
{
  g_return_val_if_fail (FITA_IS_SIDEBAR_PAGE (page), NULL);

  return private_of (page)->plan;
}

gboolean
fita_sidebar_page_is_read_only (gpointer page)
{
  FitaPlan *plan = fita_sidebar_page_get_plan (page);

  /* a service follows up items: the plan's agents, governance and
   * participation are the coordinators' */
  return plan == NULL || fita_plan_is_read_only (plan) ||
         fita_plan_get_access (plan) != FITA_ACCESS_ALL;
}

gint64
fita_sidebar_page_get_selected (gpointer page)
{
  g_return_val_if_fail (FITA_IS_SIDEBAR_PAGE (page), 0);

  return private_of (page)->selected_id;
}

void
fita_sidebar_page_set_selected (gpointer page,
                                gint64   id)
{
  g_return_if_fail (FITA_IS_SIDEBAR_PAGE (page));

  private_of (page)->selected_id = id;
}

void
fita_sidebar_page_select (gpointer page,
                          gint64   id)
{
  FitaSidebarPagePrivate *priv = private_of (page);
  GtkWidget *row = id ? fita_list_box_find_row (priv->sidebar, id) : NULL;

  if (row == NULL)
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (priv->sidebar, 0));
  priv->selected_id = row ? fita_row_get_id (row) : 0;
  if (row != NULL && gtk_list_box_get_selected_row (priv->sidebar) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (priv->sidebar, GTK_LIST_BOX_ROW (row));
}

void
fita_sidebar_page_show_content (gpointer page)
{
  FitaSidebarPagePrivate *priv = private_of (page);

  if (adw_leaflet_get_folded (priv->leaflet))
    adw_leaflet_set_visible_child_name (priv->leaflet, "content");
}

void
fita_sidebar_page_show_failure (gpointer  page,
                                GError   *error)
{
  if (error != NULL &&
      !fita_change_error_show (GTK_WIDGET (page), private_of (page)->plan, error, NULL))
    adw_toast_overlay_add_toast (private_of (page)->toasts, adw_toast_new (error->message));
}

AdwToastOverlay *
fita_sidebar_page_get_toasts (gpointer page)
{
  g_return_val_if_fail (FITA_IS_SIDEBAR_PAGE (page), NULL);

  return private_of (page)->toasts;
}

static void
refresh (FitaSidebarPage   *self,
         const FitaChanges *changes)
{
  FitaSidebarPageClass *klass = FITA_SIDEBAR_PAGE_GET_CLASS (self);

  if (klass->refresh != NULL)
    klass->refresh (self, changes);
}

static void
plan_changed_cb (FitaPlan          *plan,
                 const FitaChanges *changes,
                 FitaSidebarPage   *self)
{
  refresh (self, changes);
}

static void
row_selected_cb (GtkListBox      *list,
                 GtkListBoxRow   *row,
                 FitaSidebarPage *self)
{
  FitaSidebarPagePrivate *priv;
  gint64 id;

  /* Nothing picked: the list is emptied, or goes with the page. */
  if (row == NULL)
    return;
  priv = private_of (self);
  id = fita_row_get_id (GTK_WIDGET (row));
  if (id == priv->selected_id)
    return;
  priv->selected_id = id;
  fita_field_hold_commits ();
  if (FITA_SIDEBAR_PAGE_GET_CLASS (self)->show_details != NULL)
    FITA_SIDEBAR_PAGE_GET_CLASS (self)->show_details (self);
  fita_field_set_read_only_all (GTK_WIDGET (self), fita_sidebar_page_is_read_only (self));
  fita_field_release_commits ();
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  FitaSidebarPage *self)
{
  fita_sidebar_page_show_content (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (private_of (widget)->leaflet, "sidebar");
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!fita_row_move (fita_sidebar_page_get_plan (widget), parameter, &error))
    fita_sidebar_page_show_failure (widget, error);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FitaSidebarPageClass *klass = FITA_SIDEBAR_PAGE_GET_CLASS (widget);
  g_autoptr(GError) error = NULL;
  gint32 table;
  gint64 id;

  g_variant_get (parameter, "(ix)", &table, &id);
  if (klass->remove_record != NULL && klass->remove_record (FITA_SIDEBAR_PAGE (widget), table, id))
    return;
  if (!fita_row_remove (fita_sidebar_page_get_plan (widget), parameter, &error))
    fita_sidebar_page_show_failure (widget, error);
}

void
fita_sidebar_page_class_install_back_action (GtkWidgetClass *widget_class,
                                             const char     *action_name)
{
  gtk_widget_class_install_action (widget_class, action_name, NULL, back_action);
}

void
fita_sidebar_page_set_parts (FitaSidebarPage *self,
                             AdwToastOverlay *toasts,
                             AdwLeaflet      *leaflet,
                             GtkWidget       *back_button,
                             GtkListBox      *sidebar)
{
  FitaSidebarPagePrivate *priv = private_of (self);

  priv->toasts = toasts;
  priv->leaflet = leaflet;
  priv->sidebar = sidebar;
  g_signal_connect_object (sidebar, "row-selected", G_CALLBACK (row_selected_cb), self, 0);
  g_signal_connect_object (sidebar, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
  g_object_bind_property (leaflet, "folded", back_button, "visible", G_BINDING_SYNC_CREATE);
}

void
fita_sidebar_page_set_plan (FitaSidebarPage *self,
                            FitaPlan        *plan)
{
  FitaSidebarPagePrivate *priv = private_of (self);

  g_return_if_fail (FITA_IS_SIDEBAR_PAGE (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (priv->plan == plan)
    return;

  g_set_object (&priv->plan, plan);
  g_signal_group_set_target (priv->plan_signals, plan);

  /* The rows stood for the other plan's records. */
  priv->selected_id = 0;
  fita_field_hold_commits ();
  if (priv->sidebar != NULL)
    fita_list_box_clear (priv->sidebar);
  fita_field_release_commits ();
  if (FITA_SIDEBAR_PAGE_GET_CLASS (self)->plan_set != NULL)
    FITA_SIDEBAR_PAGE_GET_CLASS (self)->plan_set (self);
  refresh (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* GObject */

static void
fita_sidebar_page_dispose (GObject *object)
{
  FitaSidebarPagePrivate *priv = private_of (object);

  if (priv->plan_signals != NULL)
    g_signal_group_set_target (priv->plan_signals, NULL);
  g_clear_object (&priv->plan_signals);
  g_clear_object (&priv->plan);
  priv->toasts = NULL;
  priv->leaflet = NULL;
  priv->sidebar = NULL;
  G_OBJECT_CLASS (fita_sidebar_page_parent_class)->dispose (object);
}

static void
fita_sidebar_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, private_of (object)->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_sidebar_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      fita_sidebar_page_set_plan (FITA_SIDEBAR_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_sidebar_page_class_init (FitaSidebarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_sidebar_page_dispose;
  object_class->get_property = fita_sidebar_page_get_property;
  object_class->set_property = fita_sidebar_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "row.move", "(ixi)", move_action);
  gtk_widget_class_install_action (widget_class, "row.delete", "(ix)", delete_action);
}

static void
fita_sidebar_page_init (FitaSidebarPage *self)
{
  FitaSidebarPagePrivate *priv = private_of (self);

  fita_field_ensure_style ();
  priv->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_object (priv->plan_signals, "changed", G_CALLBACK (plan_changed_cb), self, 0);
}
