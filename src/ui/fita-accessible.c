#include "config.h"
#include "fita-accessible.h"

#include <adwaita.h>
#include <string.h>

/* "Pla _nou…" → "Pla nou…"; "__" stands for one underscore. */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

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

/* The button inside control (a drop-down's, a menu button's), the one
 * that takes the focus, named name, once: GTK 4.8 would read the name of
 * the control it is labelled by twice. */
static void
name_inner_button (GtkWidget  *control,
                   const char *name)
{
  GtkWidget *button = inner_button (control);

  g_object_set_data (G_OBJECT (control), "fita-accessible", GINT_TO_POINTER (TRUE));
  if (button == NULL)
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
fix_widget (GtkWidget *widget)
{
  GtkWidget *button;
  GtkWidget *target;
  const char *title;

  /* A label with a mnemonic names its widget (GTK relates them); a name
   * of the widget's own would be read after it, "Obre… Obre…", or, for a
   * button, as written, "Pla _nou… Pla nou…". The label as shown is the
   * one name. */
  if (GTK_IS_LABEL (widget) && (target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget))) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL);

  /* A row's control is labelled by the row's title (libadwaita relates
   * them), and most controls carry that name themselves too: GTK 4.8 reads
   * both, "Progress Progress". The title as shown is the one name. */
  if (ADW_IS_ACTION_ROW (widget) &&
      (target = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget))) != NULL &&
      (title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))) != NULL && *title != '\0')
    {
      g_autofree char *name = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget))
                            ? strip_mnemonic (title) : g_strdup (title);

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      /* and the button inside a drop-down, the one focused, says it too */
      if (GTK_IS_DROP_DOWN (target) || GTK_IS_MENU_BUTTON (target))
        name_inner_button (target, name);
    }
  /* a drop-down with a tooltip and no row: the tooltip says what it is */
  else if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_tooltip_text (widget) != NULL)
    name_inner_button (widget, gtk_widget_get_tooltip_text (widget));

  if (!GTK_IS_DROP_DOWN (widget) && !GTK_IS_COLOR_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) &&
      !GTK_IS_FONT_BUTTON (widget))
    return;
  if (g_object_get_data (G_OBJECT (widget), "fita-accessible") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "fita-accessible", GINT_TO_POINTER (TRUE));

  if ((button = inner_button (widget)) != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL,
                                    -1);

  /* a menu button is named by nothing of its own: by its label as shown,
   * or, with none, by its tooltip */
  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
      g_autofree char *name = NULL;

      GtkWidget *child = gtk_menu_button_get_child (GTK_MENU_BUTTON (widget));

      if (label != NULL)
        name = gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)) ? strip_mnemonic (label) : g_strdup (label);
      else if (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_label (ADW_BUTTON_CONTENT (child)) != NULL)
        name = adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child))
             ? strip_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)))
             : g_strdup (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)));
      else if (gtk_widget_get_tooltip_text (widget) != NULL)
        name = g_strdup (gtk_widget_get_tooltip_text (widget));
      if (name != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

void
fita_accessible_name_list_row (GtkWidget  *child,
                               const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (child));

  for (GtkWidget *up = gtk_widget_get_parent (child); up != NULL; up = gtk_widget_get_parent (up))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (up));

      if (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_ROW)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (up), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name != NULL ? name : "", -1);
          return;
        }
      if (GTK_IS_LIST_VIEW (up) || GTK_IS_COLUMN_VIEW (up) || GTK_IS_POPOVER (up))
        return;
    }
}

void
fita_accessible_fix_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_widget (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fita_accessible_fix_tree (child);
}

static gboolean
realize_hook (GSignalInvocationHint *hint,
              guint                  n_params,
              const GValue          *params,
              gpointer               data)
{
  fix_widget (g_value_get_object (&params[0]));
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
