#include "config.h"

#include <glib/gi18n.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-shared.h"
#include "fita-welcome-page.h"
#include "fita-window.h"

/* Enough to find last week's plans without a long list. */
#define MAX_RECENT 8

struct _FitaWelcomePage
{
  AdwBin               parent_instance;

  GtkRecentManager    *recent_manager;
  GPtrArray           *recent_rows;
  /* The recent plans being read, in a thread. */
  GCancellable        *cancellable;
  /* The examples being read, in a thread. */
  GCancellable        *examples_cancellable;
  guint                examples_listed : 1;
  guint                recent_dirty : 1;

  /* Template widgets */
  AdwPreferencesGroup *recent_group;
  AdwPreferencesGroup *examples_group;
};

G_DEFINE_FINAL_TYPE (FitaWelcomePage, fita_welcome_page, ADW_TYPE_BIN)

/* What a row shows of an example, read in a thread. */
typedef struct {
  char *name;
  char *title;
  char *subtitle;
} Example;

static void
example_free (Example *example)
{
  g_free (example->name);
  g_free (example->title);
  g_free (example->subtitle);
  g_free (example);
}

static void
read_examples (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GPtrArray *examples = task_data;

  for (guint i = 0; i < examples->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      Example *example = g_ptr_array_index (examples, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(FitaPlan) plan = fita_example_load (example->name, &error);
      FitaPlanInfo *info = plan != NULL ? fita_plan_get_info (plan) : NULL;

      if (plan == NULL)
        /* The row still opens it, and then says what is wrong. */
        g_debug ("Example %s: %s", example->name, error->message);
      example->title = g_strdup (info != NULL && info->title != NULL && info->title[0] != '\0'
                                 ? info->title : example->name);
      example->subtitle = plan != NULL ? fita_describe_plan (plan) : NULL;
    }

  g_task_return_boolean (task, TRUE);
}

static void
examples_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FitaWelcomePage *self = FITA_WELCOME_PAGE (object);
  GPtrArray *examples = g_task_get_task_data (G_TASK (result));

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  for (guint i = 0; i < examples->len; i++)
    {
      Example *example = g_ptr_array_index (examples, i);
      GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                     "title", example->title,
                                     "subtitle", example->subtitle,
                                     "use-markup", FALSE,
                                     "activatable", TRUE,
                                     "action-name", "win.open-example",
                                     "action-target", g_variant_new_string (example->name),
                                     NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->examples_group, row);
    }
}

static void
list_examples (FitaWelcomePage *self)
{
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *examples;

  if (self->examples_listed)
    return;

  self->examples_listed = TRUE;
  names = fita_examples_list ();
  examples = g_ptr_array_new_with_free_func ((GDestroyNotify)example_free);
  for (guint i = 0; names[i] != NULL; i++)
    {
      Example *example = g_new0 (Example, 1);

      example->name = g_strdup (names[i]);
      g_ptr_array_add (examples, example);
    }

  task = g_task_new (self, self->examples_cancellable, examples_read_cb, NULL);
  g_task_set_source_tag (task, list_examples);
  g_task_set_task_data (task, examples, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, read_examples);
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

/* What a row shows of a recent plan, read in a thread. */
typedef struct {
  char *uri;
  char *path;
  char *title;
  char *subtitle;
  char *progress;
  const char *lang;  /* for the percent, as the interface writes numbers */
  gboolean shared;   /* uri is a shared plan's location, not a file */
} RecentPlan;

static void
recent_plan_free (RecentPlan *recent)
{
  g_free (recent->uri);
  g_free (recent->path);
  g_free (recent->title);
  g_free (recent->subtitle);
  g_free (recent->progress);
  g_free (recent);
}

/* In the thread: a FitaPlan of its own, read-only (without the file's
 * edit lock), dropped once its title, period and progress are read. */
static void
read_recent_plan (RecentPlan *recent)
{
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (recent->path);
  g_autofree char *name = g_filename_display_name (basename);

  plan = fita_plan_open (recent->path, FITA_OPEN_READ_ONLY, &error);
  if (plan != NULL)
    {
      FitaPlanInfo *plan_info = fita_plan_get_info (plan);
      g_autofree char *description = fita_describe_plan (plan);

      recent->title = g_strdup (plan_info->title != NULL && plan_info->title[0] != '\0' ? plan_info->title : name);
      /* Copies of a plan differ by their file's name. */
      if (description != NULL)
        /* Translators: a recent plan: its file name, then its organisation
         * and period, "pla-ess.fita — Ajuntament de Terrassa · 2019–2026" */
        recent->subtitle = g_strdup_printf (C_("recent plan", "%s — %s"), name, description);
      else
        recent->subtitle = g_strdup (name);
      if (fita_plan_progress (plan, NULL) >= 0)
        recent->progress = fita_plan_format_progress (plan, NULL, recent->lang);
    }
  else
    {
      recent->title = g_strdup (name);
      /* Translators: a recent plan whose file cannot be read any more;
       * %s is the file name */
      recent->subtitle = g_strdup_printf (_("%s cannot be opened"), name);
    }
}

static void
read_recent_plans (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GPtrArray *plans = task_data;

  /* A shared plan is not read here: that takes its server, and maybe a
   * password; its row says what the list knows of it. */
  for (guint i = 0; i < plans->len && !g_cancellable_is_cancelled (cancellable); i++)
    if (!((RecentPlan *) g_ptr_array_index (plans, i))->shared)
      read_recent_plan (g_ptr_array_index (plans, i));

  g_task_return_boolean (task, TRUE);
}

static void
add_recent_row (FitaWelcomePage  *self,
                const RecentPlan *recent)
{
  GtkWidget *row;
  GtkWidget *remove;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", recent->title,
                      "subtitle", recent->subtitle,
                      "use-markup", FALSE,
                      "activatable", TRUE,
                      "tooltip-text", recent->shared ? recent->uri : recent->path,
                      "action-name", recent->shared ? "win.open-shared" : "win.open-file",
                      "action-target", g_variant_new_string (recent->uri),
                      NULL);

  if (recent->shared)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("network-server-symbolic");

      gtk_widget_set_tooltip_text (icon, _("A shared plan, on a server"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shared plan"),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  if (recent->progress != NULL)
    {
      GtkWidget *progress = gtk_label_new (recent->progress);

      gtk_widget_add_css_class (progress, "dim-label");
      gtk_widget_add_css_class (progress, "numeric");
      /* Translators: how far a recent plan has got, "42 %" */
      gtk_widget_set_tooltip_text (progress, _("Progress of the plan"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress);
    }

  remove = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "list-remove-symbolic",
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", _("Remove From List"),
                         "action-name", "win.forget-recent",
                         "action-target", g_variant_new_string (recent->uri),
                         NULL);
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove From List"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (self->recent_group, row);
  g_ptr_array_add (self->recent_rows, row);
}

static void
recent_plans_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  FitaWelcomePage *self = FITA_WELCOME_PAGE (object);
  GPtrArray *plans = g_task_get_task_data (G_TASK (result));

  /* A later refresh (or the page's end) took over. */
  if (g_task_had_error (G_TASK (result)) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (guint i = 0; i < plans->len; i++)
    add_recent_row (self, g_ptr_array_index (plans, i));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), plans->len > 0);
}

void
fita_welcome_page_refresh (FitaWelcomePage *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *plans;
  GList *items;

  g_return_if_fail (FITA_IS_WELCOME_PAGE (self));

  self->recent_dirty = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  plans = g_ptr_array_new_with_free_func ((GDestroyNotify)recent_plan_free);
  items = g_list_sort (gtk_recent_manager_get_items (self->recent_manager), compare_recent);
  for (const GList *l = items; l != NULL && plans->len < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *path = NULL;
      RecentPlan *recent;

      /* a shared plan, by its location (never with a password in it) */
      if (fita_location_is_shared (uri))
        {
          g_autofree char *display = fita_location_display (uri);
          const char *name = gtk_recent_info_get_display_name (info);

          recent = g_new0 (RecentPlan, 1);
          recent->shared = TRUE;
          recent->uri = g_strdup (display);
          recent->subtitle = fita_shared_describe_location (display);
          recent->title = g_strdup (name != NULL && name[0] != '\0' ? name : recent->subtitle);
          g_ptr_array_add (plans, recent);
          continue;
        }
      file = g_file_new_for_uri (uri);
      path = g_file_get_path (file);

      /* Plans that are still there, copies of examples included. */
      if (path == NULL || !g_str_has_suffix (path, ".fita") ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      recent = g_new0 (RecentPlan, 1);
      recent->uri = g_strdup (gtk_recent_info_get_uri (info));
      recent->path = g_steal_pointer (&path);
      recent->lang = fita_lang_from_locale ();
      g_ptr_array_add (plans, recent);
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  task = g_task_new (self, self->cancellable, recent_plans_read_cb, NULL);
  g_task_set_source_tag (task, fita_welcome_page_refresh);
  g_task_set_task_data (task, plans, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (task, read_recent_plans);
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
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->examples_cancellable);
  g_clear_object (&self->examples_cancellable);
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
  self->examples_cancellable = g_cancellable_new ();
  self->recent_dirty = TRUE;
  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_swapped (self->recent_manager, "changed", G_CALLBACK (recent_changed_cb), self);
}

GtkWidget *
fita_welcome_page_new (void)
{
  return g_object_new (FITA_TYPE_WELCOME_PAGE, NULL);
}
