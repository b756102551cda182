#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "fita-accessible.h"
#include "fita-application.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-preferences-window.h"
#include "fita-shared-dialog.h"
#include "fita-window-forms.h"

struct _FitaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* From --example, for "activate" to open. */
  char           *example;
  /* From --new-window. */
  guint           new_window : 1;
};

G_DEFINE_FINAL_TYPE (FitaApplication, fita_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "example", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open your copy of the example plan NAME"), N_("NAME") },
  { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a new window"), NULL },
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

/* The window showing the shared plan at location (whatever password went
 * into either). */
static FitaWindow *
find_window_showing_shared (FitaApplication *self,
                            const char      *location)
{
  g_autofree char *wanted = fita_location_display (location);

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      FitaPlan *plan = FITA_IS_WINDOW (l->data) ? fita_window_get_plan (l->data) : NULL;
      g_autofree char *shown = plan != NULL && fita_plan_is_shared (plan)
                               ? fita_location_display (fita_plan_get_path (plan)) : NULL;

      if (shown != NULL && g_str_equal (shown, wanted))
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

/* A spreadsheet or a table, which the import assistant reads. */
static gboolean
is_table_file (const char *basename)
{
  static const char * const suffixes[] = { ".xlsx", ".ods", ".csv", ".tsv", ".tab", ".txt" };
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  for (guint i = 0; lower != NULL && i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static void
offer_import_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 FitaWindow       *window)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "fita-file");

  if (g_str_equal (response, "import"))
    fita_window_import (window, file);
}

/* A file that is not a plan, opened as if it were one: say so in plain
 * words, and offer the import assistant, which reads tables. */
static void
offer_import (FitaApplication *self,
              FitaWindow      *window,
              GFile           *file,
              const char      *name,
              gboolean         is_table)
{
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  window = error_parent (self, window);
  gtk_window_present (GTK_WINDOW (window));
  if (is_table)
    {
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” is not a Fita plan"), name);
      body = g_strdup (_("It looks like a spreadsheet or a table. Fita can import it as a plan: you will see how it is read before anything is made."));
    }
  else
    {
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could not open “%s”"), name);
      /* Translators: %s is a file name */
      body = g_strdup_printf (_("“%s” is not a Fita plan. If it holds a table of the plan’s lines, objectives and actions, Fita can import it: you will see how it is read before anything is made."), name);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", is_table ? _("_Cancel") : _("_Close"),
                                    "import", _("_Import as a Table…"),
                                    NULL);
  if (is_table)
    {
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
    }
  else
    {
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "fita-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (offer_import_cb), window, 0);
  fita_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Something else than a plan (but not an empty file, which holds nothing
 * to import). */
static gboolean
is_not_a_plan (const GError *error,
               GFile        *file)
{
  g_autoptr(GFileInfo) info = NULL;

  if (!g_error_matches (error, FITA_ERROR, FITA_ERROR_NOT_SQLITE) &&
      !g_error_matches (error, FITA_ERROR, FITA_ERROR_NOT_PLAN))
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL && g_file_info_get_size (info) > 0;
}

/* The file chooser lists what it opened among the recent files; a file
 * that is not a plan, or no longer opens, must not come back there. */
static void
forget_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  /* not there (or no recent files at all) is an error to ignore; asking
   * first is a critical warning when there are no recent files yet */
  gtk_recent_manager_remove_item (recent, uri, NULL);
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

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s” for your copy of the example: %s."),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  /* A copy made by an older Fita, in a hidden folder: moved here with
   * the changes made to it. */
  {
    g_autofree char *basename = g_path_get_basename (path);
    g_autofree char *hidden = g_build_filename (g_get_user_data_dir (), "fita", "examples", basename, NULL);
    g_autoptr(GFile) from = g_file_new_for_path (hidden);
    g_autoptr(GFile) to = g_file_new_for_path (path);

    if (g_file_test (hidden, G_FILE_TEST_IS_REGULAR) &&
        g_file_move (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL))
      return g_steal_pointer (&to);
  }

  plan = fita_example_load (name, error);
  if (plan == NULL)
    return NULL;

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
  FitaApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window first lets it remember its size and rows. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static void
fita_application_new_window_action (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (fita_window_new (GTK_APPLICATION (user_data))));
}

static void
fita_application_preferences_action (GSimpleAction *action,
                                     GVariant      *param,
                                     gpointer       user_data)
{
  FitaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = fita_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
fita_application_about_action (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  FitaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Fita"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Fita developers"),
                        "comments", _("Plan and follow up the strategic plans of a city council: "
                                      "their lines, objectives and actions, who does what and when, "
                                      "budgets, indicators and yearly follow-up reports."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line,
                         * as "Name <email>" or "Name https://website" */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry action_entries[] = {
  { "open-example", fita_application_open_example_action, "s" },
  { "new-window", fita_application_new_window_action },
  { "preferences", fita_application_preferences_action },
  { "about", fita_application_about_action },
  { "quit", fita_application_quit_action },
};

/* Who the change log names for the changes made here: the officer's
 * name from the preferences; NULL (the login's real name) when none. */
static void
set_author (FitaApplication *self,
            FitaPlan        *plan)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "officer-name") : NULL;

  if (plan != NULL)
    fita_plan_set_author (plan, name ? g_strstrip (name) : NULL);
}

static void
window_plan_changed_cb (FitaWindow      *window,
                        GParamSpec      *pspec,
                        FitaApplication *self)
{
  set_author (self, fita_window_get_plan (window));
}

/* Every plan a window shows, however it came there (opened, made, a copy
 * saved), makes its changes in the officer's name. */
static void
window_added_cb (GtkApplication  *application,
                 GtkWindow       *window,
                 FitaApplication *self)
{
  if (!FITA_IS_WINDOW (window))
    return;
  g_signal_connect_object (window, "notify::plan", G_CALLBACK (window_plan_changed_cb), self, 0);
  set_author (self, fita_window_get_plan (FITA_WINDOW (window)));
}

static void
officer_name_changed_cb (GSettings       *settings,
                         const char      *key,
                         FitaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (FITA_IS_WINDOW (l->data))
      set_author (self, fita_window_get_plan (l->data));
}

static void
fita_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-plan", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.open-shared-plan", { "<Control><Shift>o", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.close-plan", { "<Control><Shift>w", NULL } },
    /* Ctrl+Y is Redo (fita-window.c). */
    { "win.choose-year", { "<Control><Shift>y", NULL } },
    /* In the order of the tabs. */
    { "win.show-page::items", { "<Alt>1", NULL } },
    { "win.show-page::timeline", { "<Alt>2", NULL } },
    { "win.show-page::budget", { "<Alt>3", NULL } },
    { "win.show-page::reports", { "<Alt>4", NULL } },
    { "win.show-page::plan", { "<Alt>5", NULL } },
    { "win.show-page::governance", { "<Alt>6", NULL } },
    { "win.show-page::participation", { "<Alt>7", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  FitaApplication *self = FITA_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (fita_application_parent_class)->startup (application);
  fita_accessible_init ();

  /* Run from the build folder without GSETTINGS_SCHEMA_DIR there are no
   * settings: the windows then keep their default size. */
  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->settings, "changed::officer-name",
                               G_CALLBACK (officer_name_changed_cb), self, 0);
    }
  else
    g_warning ("The settings schema %s is not installed: window sizes and preferences will not be kept", APP_ID);

  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), self);
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

  if (self->new_window)
    {
      self->new_window = FALSE;
      gtk_window_present (GTK_WINDOW (fita_window_new (GTK_APPLICATION (application))));
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
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      /* "fita postgresql://fita.example.org/plans?plan=terrassa-ess" */
      if (fita_location_is_shared (uri))
        fita_application_open_shared (FITA_APPLICATION (application), uri, NULL);
      else
        fita_application_open_file (FITA_APPLICATION (application), files[i], NULL);
    }
}

static int
fita_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  FitaApplication *self = FITA_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *example = NULL;
  gboolean new_window = g_variant_dict_contains (options, "new-window");

  if (!g_variant_dict_lookup (options, "example", "&s", &example) && !new_window)
    return G_APPLICATION_CLASS (fita_application_parent_class)->handle_local_options (application, options);

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("fita: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* An instance already running opens it; this one is done. */
  if (g_application_get_is_remote (application))
    {
      if (example != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (application), "open-example",
                                        g_variant_new_string (example));
      else
        g_action_group_activate_action (G_ACTION_GROUP (application), "new-window", NULL);
      return EXIT_SUCCESS;
    }

  /* Else this is the first instance, and "activate" opens it. */
  g_free (self->example);
  self->example = g_strdup (example);
  self->new_window = new_window && example == NULL;
  return -1;
}

static void
fita_application_finalize (GObject *object)
{
  FitaApplication *self = (FitaApplication *)object;

  g_free (self->example);
  g_clear_object (&self->settings);

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
fita_application_add_recent (FitaPlan *plan)
{
  gboolean shared = fita_plan_is_shared (plan);
  g_autoptr(GFile) file = shared ? NULL : g_file_new_for_path (fita_plan_get_path (plan));
  /* a shared plan's location as people see it: never its password */
  g_autofree char *uri = shared ? fita_location_display (fita_plan_get_path (plan)) : g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = fita_plan_get_info (plan)->title,
    .mime_type = (char *)"application/x-fita",
    .app_name = (char *)"Fita",
    .app_exec = (char *)"fita %u",
    /* not a file: for Fita's list alone, not for file choosers */
    .is_private = shared,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* In target, or a new window when there is none. */
static void
show_plan (FitaApplication *self,
           FitaPlan        *plan,
           FitaWindow      *target)
{
  if (target == NULL)
    target = fita_window_new (GTK_APPLICATION (self));

  fita_window_set_plan (target, plan);
  gtk_window_present (GTK_WINDOW (target));
  if (fita_plan_get_path (plan) != NULL)
    fita_application_add_recent (plan);
}

void
fita_application_show_opened_plan (FitaApplication *self,
                                   FitaPlan        *plan,
                                   FitaWindow      *window)
{
  g_return_if_fail (FITA_IS_APPLICATION (self));
  g_return_if_fail (FITA_IS_PLAN (plan));
  g_return_if_fail (window == NULL || FITA_IS_WINDOW (window));

  if (window != NULL && fita_window_get_plan (window) != NULL)
    window = NULL;
  show_plan (self, plan, window != NULL ? window : find_empty_window (self));
}

void
fita_application_open_shared (FitaApplication *self,
                              const char      *location,
                              FitaWindow      *window)
{
  FitaWindow *target;
  FitaSharedDialog *dialog;

  g_return_if_fail (FITA_IS_APPLICATION (self));
  g_return_if_fail (location != NULL);

  if ((target = find_window_showing_shared (self, location)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }
  window = error_parent (self, window);
  gtk_window_present (GTK_WINDOW (window));
  dialog = fita_shared_dialog_new (GTK_WINDOW (window));
  fita_shared_dialog_set_location (dialog, location);
  gtk_window_present (GTK_WINDOW (dialog));
  fita_shared_dialog_connect (dialog);
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
    forget_recent (file);
  if (plan == NULL && is_not_a_plan (error, file))
    {
      /* an answered update form, opened on a plan: the merge screen */
      FitaWindow *parent = error_parent (self, window);

      if (fita_window_get_plan (parent) != NULL && fita_file_is_update_form (file))
        {
          fita_window_merge_form (parent, file);
          return;
        }
      offer_import (self, parent, file, name, is_table_file (basename));
      return;
    }
  if (plan == NULL)
    {
      show_open_error (self, window, name, error);
      return;
    }

  if (window != NULL)
    target = fita_window_get_plan (window) == NULL ? window : NULL;
  else
    target = find_empty_window (self);

  show_plan (self, plan, target);
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
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* Where the officer finds it again, in a file manager or a chooser. */
  return g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                           "Fita", basename, NULL);
}

GSettings *
fita_application_get_settings (FitaApplication *self)
{
  g_return_val_if_fail (FITA_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* Writes plan to a new file beside path and renames it over path, so
 * that the file replaced stays whole until the new one is. */
static gboolean
replace_with (FitaPlan    *plan,
              const char  *path,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *scratch = g_build_filename (folder, ".fita-new-XXXXXX", NULL);
  g_autofree char *written = NULL;
  gboolean ok;

  if (g_mkdtemp (scratch) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The plan cannot be written in “%s”: %s."), folder, g_strerror (saved_errno));
      return FALSE;
    }

  written = g_build_filename (scratch, basename, NULL);
  ok = fita_plan_save_new (plan, written, error);
  fita_plan_close (plan);
  if (ok && g_rename (written, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The plan cannot be written in “%s”: %s."), folder, g_strerror (saved_errno));
      g_remove (written);
      ok = FALSE;
    }
  g_rmdir (scratch);
  return ok;
}

gboolean
fita_application_save_new_plan (FitaApplication  *self,
                                FitaPlan         *plan,
                                GFile            *file,
                                FitaWindow       *window,
                                GError          **error)
{
  g_autoptr(FitaPlan) opened = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (FITA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (window == NULL || FITA_IS_WINDOW (window), FALSE);

  set_author (self, plan);
  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Fita can only save plans on this computer. Choose a local folder."));
      return FALSE;
    }

  if (find_window_showing (self, file) != NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_EXISTS,
                   _("“%s” is open in a window. Close it first, or give the new plan another name."), name);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* The file chooser asked whether to replace it, and it was agreed. */
      if (!replace_with (plan, path, error))
        return FALSE;
      opened = fita_plan_open (path, FITA_OPEN_DEFAULT, error);
      if (opened == NULL)
        return FALSE;
      plan = opened;
    }
  else if (!fita_plan_save_new (plan, path, error))
    {
      return FALSE;
    }

  if (window != NULL && fita_window_get_plan (window) != NULL)
    window = NULL;
  show_plan (self, plan, window != NULL ? window : find_empty_window (self));
  return TRUE;
}

gboolean
fita_application_create_plan (FitaApplication  *self,
                              const char       *title,
                              GFile            *file,
                              FitaWindow       *window,
                              GError          **error)
{
  return fita_application_create_plan_full (self, title, FITA_NONE, FITA_NONE, NULL, file, window, error);
}

gboolean
fita_application_create_plan_full (FitaApplication  *self,
                                   const char       *title,
                                   gint64            start_year,
                                   gint64            end_year,
                                   const char       *language,
                                   GFile            *file,
                                   FitaWindow       *window,
                                   GError          **error)
{
  g_autoptr(FitaPlan) plan = NULL;
  FitaPlanInfo *info;

  g_return_val_if_fail (FITA_IS_APPLICATION (self), FALSE);

  /* its levels, statuses and chapters named in the plan's language */
  plan = fita_plan_new_default_in (title != NULL && title[0] != '\0' ? title : _("Untitled Plan"), language);
  /* Set as it is made, before it has a file: not a change to undo. */
  info = fita_plan_get_info (plan);
  info->period_start = start_year;
  info->period_end = end_year;
  if (start_year != FITA_NONE && end_year != FITA_NONE)
    info->followed_year = CLAMP (info->followed_year, start_year, end_year);

  return fita_application_save_new_plan (self, plan, file, window, error);
}

void
fita_application_init_i18n (void)
{
  const char *localedir = g_getenv ("FITA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
