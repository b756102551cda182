#include "config.h"
#include "fita-accessible.h"

/* The first button below widget (not widget itself). */
static GtkWidget *
inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      if (GTK_IS_BUTTON (child))
        return child;
      if ((found = inner_button (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
realize_hook (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkWidget *button;

  if (!GTK_IS_DROP_DOWN (widget) && !GTK_IS_COLOR_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
      !GTK_IS_FONT_BUTTON (widget))
    return TRUE;

  if ((button = inner_button (widget)) != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL,
                                    -1);

  /* an icon-only menu button whose tooltip is its only name */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL &&
      gtk_menu_button_get_child (GTK_MENU_BUTTON (widget)) == NULL &&
      gtk_widget_get_tooltip_text (widget) != NULL &&
      g_object_get_data (G_OBJECT (widget), "fita-named") == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_widget_get_tooltip_text (widget),
                                      -1);
      g_object_set_data (G_OBJECT (widget), "fita-named", GINT_TO_POINTER (TRUE));
    }
  return TRUE;
}

void
fita_accessible_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* the class, and so its signals, exist once it is referenced (kept) */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0, realize_hook, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}
