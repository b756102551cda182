#include "config.h"

#include <glib/gi18n.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-welcome-page.h"
#include "fita-window.h"

/* Enough to find last week's plans without a long list. */
#define MAX_RECENT 8

struct _FitaWelcomePage
{
  AdwBin               parent_instance;

  GtkRecentManager    *recent_manager;
  GPtrArray           *recent_rows;
  guint                examples_listed : 1;
  guint                recent_dirty : 1;

  /* Template widgets */
  AdwPreferencesGroup *recent_group;
  AdwPreferencesGroup *examples_group;
};

G_DEFINE_FINAL_TYPE (FitaWelcomePage, fita_welcome_page, ADW_TYPE_BIN)

static void
add_example_row (FitaWelcomePage *self,
                 const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load (name, &error);
  g_autofree char *subtitle = NULL;
  const char *title = name;
  GtkWidget *row;

  if (plan != NULL)
    {
      FitaPlanInfo *info = fita_plan_get_info (plan);

      if (info->title != NULL && info->title[0] != '\0')
        title = info->title;
      subtitle = fita_describe_plan (plan);
    }
  else
    {
      /* The row still opens it, and then says what is wrong. */
      g_debug ("Example %s: %s", name, error->message);
    }

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", title,
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      "activatable", TRUE,
                      "action-name", "win.open-example",
                      "action-target", g_variant_new_string (name),
                      NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  adw_preferences_group_add (self->examples_group, row);
}

static void
list_examples (FitaWelcomePage *self)
{
  g_auto(GStrv) names = NULL;

  if (self->examples_listed)
    return;

  self->examples_listed = TRUE;
  names = fita_examples_list ();
  for (guint i = 0; names[i] != NULL; i++)
    add_example_row (self, names[i]);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *when_a = gtk_recent_info_get_modified ((GtkRecentInfo *)a);
  GDateTime *when_b = gtk_recent_info_get_modified ((GtkRecentInfo *)b);

  /* The latest first. */
  return -g_date_time_compare (when_a, when_b);
}

static void
add_recent_row (FitaWelcomePage *self,
                GtkRecentInfo   *info,
                const char      *path)
{
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *subtitle = NULL;
  const char *uri = gtk_recent_info_get_uri (info);
  const char *title = name;
  GtkWidget *row;
  GtkWidget *remove;

  /* Read-only: the title page without taking the file's edit lock. */
  plan = fita_plan_open (path, FITA_OPEN_READ_ONLY, &error);
  if (plan != NULL)
    {
      FitaPlanInfo *plan_info = fita_plan_get_info (plan);

      if (plan_info->title != NULL && plan_info->title[0] != '\0')
        title = plan_info->title;
      g_autofree char *description = fita_describe_plan (plan);

      /* Copies of a plan differ by their file's name. */
      if (description != NULL)
        /* Translators: a recent plan: its file name, then its organisation
         * and period, "pla-ess.fita — Ajuntament de Terrassa · 2019–2026" */
        subtitle = g_strdup_printf (C_("recent plan", "%s — %s"), name, description);
      else
        subtitle = g_strdup (name);
    }
  else
    {
      /* Translators: a recent plan whose file cannot be read any more;
       * %s is the file name */
      subtitle = g_strdup_printf (_("%s cannot be opened"), name);
    }

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", title,
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      "activatable", TRUE,
                      "tooltip-text", path,
                      "action-name", "win.open-file",
                      "action-target", g_variant_new_string (uri),
                      NULL);

  remove = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "list-remove-symbolic",
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", _("Remove From List"),
                         "action-name", "win.forget-recent",
                         "action-target", g_variant_new_string (uri),
                         NULL);
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From List"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (self->recent_group, row);
  g_ptr_array_add (self->recent_rows, row);
}

void
fita_welcome_page_refresh (FitaWelcomePage *self)
{
  g_autofree char *example = fita_application_get_example_path ("example");
  g_autofree char *examples_folder = g_path_get_dirname (example);
  GList *items;
  guint shown = 0;

  g_return_if_fail (FITA_IS_WELCOME_PAGE (self));

  self->recent_dirty = FALSE;
  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  items = g_list_sort (gtk_recent_manager_get_items (self->recent_manager), compare_recent);
  for (const GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *folder = path != NULL ? g_path_get_dirname (path) : NULL;

      /* Plans that are still there; the examples have a list of their own. */
      if (path == NULL || !g_str_has_suffix (path, ".fita") ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          g_strcmp0 (folder, examples_folder) == 0)
        continue;

      add_recent_row (self, info, path);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
recent_changed_cb (FitaWelcomePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fita_welcome_page_refresh (self);
  else
    self->recent_dirty = TRUE;
}

static void
fita_welcome_page_map (GtkWidget *widget)
{
  FitaWelcomePage *self = (FitaWelcomePage *)widget;

  GTK_WIDGET_CLASS (fita_welcome_page_parent_class)->map (widget);

  /* Reading the plans costs a little, so only a page on show does it. */
  list_examples (self);
  if (self->recent_dirty)
    fita_welcome_page_refresh (self);
}

static void
fita_welcome_page_dispose (GObject *object)
{
  FitaWelcomePage *self = (FitaWelcomePage *)object;

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_manager, recent_changed_cb, self);
  g_clear_object (&self->recent_manager);
  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (fita_welcome_page_parent_class)->dispose (object);
}

static void
fita_welcome_page_class_init (FitaWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_welcome_page_dispose;

  widget_class->map = fita_welcome_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, FitaWelcomePage, examples_group);
}

static void
fita_welcome_page_init (FitaWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent_rows = g_ptr_array_new ();
  self->recent_dirty = TRUE;
  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (recent_changed_cb), self);
}

GtkWidget *
fita_welcome_page_new (void)
{
  return g_object_new (FITA_TYPE_WELCOME_PAGE, NULL);
}
