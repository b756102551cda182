#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fita-application.h"
#include "fita-error.h"
#include "fita-examples.h"

struct _FitaApplication
{
  AdwApplication  parent_instance;

  /* From --example, for "activate" to open. */
  char           *example;
};

G_DEFINE_FINAL_TYPE (FitaApplication, fita_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "example", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open your copy of the example plan NAME"), N_("NAME") },
  { NULL }
};

static FitaWindow *
find_window_showing (FitaApplication *self,
                     GFile           *file)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      FitaPlan *plan = FITA_IS_WINDOW (l->data) ? fita_window_get_plan (l->data) : NULL;
      const char *path = plan ? fita_plan_get_path (plan) : NULL;
      g_autoptr(GFile) shown = path ? g_file_new_for_path (path) : NULL;

      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static FitaWindow *
find_empty_window (FitaApplication *self)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (FITA_IS_WINDOW (l->data) && fita_window_get_plan (l->data) == NULL)
      return l->data;

  return NULL;
}

/* A window to say something in: the one asked for, the active one, or a
 * new one, so that there is always somewhere to go on from. */
static FitaWindow *
error_parent (FitaApplication *self,
              FitaWindow      *window)
{
  GtkWindow *active;

  if (window != NULL)
    return window;

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (FITA_IS_WINDOW (active))
    return FITA_WINDOW (active);

  return fita_window_new (GTK_APPLICATION (self));
}

static void
show_open_error (FitaApplication *self,
                 FitaWindow      *window,
                 const char      *name,
                 const GError    *error)
{
  g_autofree char *heading = NULL;

  window = error_parent (self, window);
  gtk_window_present (GTK_WINDOW (window));

  /* Translators: %s is a file name or the name of an example plan */
  heading = g_strdup_printf (_("Could not open “%s”"), name);
  fita_window_show_error (window, heading, error->message);
}

static gboolean
is_example (const char *name)
{
  g_auto(GStrv) names = fita_examples_list ();

  return g_strv_contains ((const char * const *)names, name);
}

static GFile *
ensure_example_copy (const char  *name,
                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(FitaPlan) plan = NULL;

  /* Only names from the list, which also keeps the copy in its folder. */
  if (!is_example (name))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("There is no example named “%s”. Pick one from the list of examples, or see “fita --help”."),
                   name);
      return NULL;
    }

  path = fita_application_get_example_path (name);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (path);

  plan = fita_example_load (name, error);
  if (plan == NULL)
    return NULL;

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s” for your copy of the example: %s."),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  if (!fita_plan_save_new (plan, path, error))
    return NULL;

  return g_file_new_for_path (path);
}

static void
fita_application_open_example_action (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  fita_application_open_example (user_data, g_variant_get_string (param, NULL), NULL);
}

static void
fita_application_quit_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  g_application_quit (user_data);
}

static const GActionEntry action_entries[] = {
  { "open-example", fita_application_open_example_action, "s" },
  { "quit", fita_application_quit_action },
};

static void
fita_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (fita_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   action_entries, G_N_ELEMENTS (action_entries),
                                   application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

static void
fita_application_activate (GApplication *application)
{
  FitaApplication *self = FITA_APPLICATION (application);
  g_autofree char *example = g_steal_pointer (&self->example);
  GtkWindow *window;

  if (example != NULL)
    {
      fita_application_open_example (self, example, NULL);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    window = GTK_WINDOW (fita_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
}

static void
fita_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  /* The first file may go in a window that shows nothing; each of the
   * others gets its own window. */
  for (int i = 0; i < n_files; i++)
    fita_application_open_file (FITA_APPLICATION (application), files[i], NULL);
}

static int
fita_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  FitaApplication *self = FITA_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *example = NULL;

  if (!g_variant_dict_lookup (options, "example", "&s", &example))
    return G_APPLICATION_CLASS (fita_application_parent_class)->handle_local_options (application, options);

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("fita: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* An instance already running opens it; this one is done. */
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-example",
                                      g_variant_new_string (example));
      return EXIT_SUCCESS;
    }

  /* Else this is the first instance, and "activate" opens it. */
  g_free (self->example);
  self->example = g_strdup (example);
  return -1;
}

static void
fita_application_finalize (GObject *object)
{
  FitaApplication *self = (FitaApplication *)object;

  g_free (self->example);

  G_OBJECT_CLASS (fita_application_parent_class)->finalize (object);
}

static void
fita_application_class_init (FitaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = fita_application_finalize;

  app_class->startup = fita_application_startup;
  app_class->activate = fita_application_activate;
  app_class->open = fita_application_open;
  app_class->handle_local_options = fita_application_handle_local_options;
}

static void
fita_application_init (FitaApplication *self)
{
  g_auto(GStrv) names = fita_examples_list ();
  /* Translators: a list separator, as in "a, b, c" */
  g_autofree char *list = g_strjoinv (_(", "), names);
  /* Translators: %s is the list of example names for "fita --example" */
  g_autofree char *description = g_strdup_printf (_("Examples: %s"), list);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  /* Translators: what "fita" takes on its command line, as shown by --help */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_description (G_APPLICATION (self), description);
}

FitaApplication *
fita_application_new (void)
{
  return g_object_new (FITA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/cat/fita/Fita",
                       NULL);
}

void
fita_application_open_file (FitaApplication *self,
                            GFile           *file,
                            FitaWindow      *window)
{
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  FitaWindow *target;

  g_return_if_fail (FITA_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (window == NULL || FITA_IS_WINDOW (window));

  if ((target = find_window_showing (self, file)))
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("Fita can only open files on this computer. Copy the plan to a local folder and open it there."));
  else
    plan = fita_plan_open (path, FITA_OPEN_DEFAULT, &error);

  if (plan == NULL)
    {
      show_open_error (self, window, name, error);
      return;
    }

  if (window != NULL)
    target = fita_window_get_plan (window) == NULL ? window : NULL;
  else
    target = find_empty_window (self);

  if (target == NULL)
    target = fita_window_new (GTK_APPLICATION (self));

  fita_window_set_plan (target, plan);
  gtk_window_present (GTK_WINDOW (target));
}

void
fita_application_open_example (FitaApplication *self,
                               const char      *name,
                               FitaWindow      *window)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (FITA_IS_APPLICATION (self));
  g_return_if_fail (name != NULL);

  file = ensure_example_copy (name, &error);
  if (file == NULL)
    {
      show_open_error (self, window, name, error);
      return;
    }

  fita_application_open_file (self, file, window);
}

char *
fita_application_get_example_path (const char *name)
{
  g_autofree char *basename = g_strconcat (name, ".fita", NULL);

  return g_build_filename (g_get_user_data_dir (), "fita", "examples", basename, NULL);
}
