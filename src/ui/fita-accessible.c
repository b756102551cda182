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

static void
fix_widget (GtkWidget *widget)
{
  GtkWidget *button;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

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
