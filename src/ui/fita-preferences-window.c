#include "config.h"

#include <glib/gi18n.h>

#include "fita-preferences-window.h"

struct _FitaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwPreferencesGroup  *officer_group;
  AdwEntryRow          *officer_row;
  AdwComboRow          *language_row;
  AdwComboRow          *zoom_row;
};

G_DEFINE_FINAL_TYPE (FitaPreferencesWindow, fita_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows' entries, in order, as the settings' values. */
static const char * const languages[] = { "ca", "es", "en", NULL };
static const char * const zooms[] = { "year", "semester", "quarter", "month", NULL };

static gboolean
value_to_position (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *chosen = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], chosen))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_value (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **)choices))
    return NULL;

  return g_variant_new_string (choices[position]);
}

static void
bind_choice (GSettings          *settings,
             const char         *key,
             AdwComboRow        *row,
             const char * const *choices)
{
  g_settings_bind_with_mapping (settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                value_to_position, position_to_value,
                                (gpointer)choices, NULL);
}

static void
fita_preferences_window_dispose (GObject *object)
{
  FitaPreferencesWindow *self = (FitaPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fita_preferences_window_parent_class)->dispose (object);
}

static void
fita_preferences_window_class_init (FitaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaPreferencesWindow, officer_group);
  gtk_widget_class_bind_template_child (widget_class, FitaPreferencesWindow, officer_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, FitaPreferencesWindow, zoom_row);
}

static void
fita_preferences_window_init (FitaPreferencesWindow *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: %s is the name of the user's account, "Anna Puig" */
  description = g_strdup_printf (_("The plan’s change log names you as the author of the changes you make. Left empty, it gives your account’s name, “%s”."),
                                 g_get_real_name ());
  adw_preferences_group_set_description (self->officer_group, description);
}

GtkWidget *
fita_preferences_window_new (GSettings *settings)
{
  FitaPreferencesWindow *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FITA_TYPE_PREFERENCES_WINDOW, NULL);
  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->officer_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_row), FALSE);
      return GTK_WIDGET (self);
    }

  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "officer-name", self->officer_row, "text", G_SETTINGS_BIND_DEFAULT);
  bind_choice (settings, "report-language", self->language_row, languages);
  bind_choice (settings, "default-zoom", self->zoom_row, zooms);
  return GTK_WIDGET (self);
}
