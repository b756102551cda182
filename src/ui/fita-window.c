#include "config.h"

#include <glib/gi18n.h>

#include "fita-application.h"
#include "fita-examples.h"
#include "fita-window.h"

struct _FitaWindow
{
  AdwApplicationWindow  parent_instance;

  FitaPlan             *plan;
  guint                 examples_listed : 1;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwPreferencesGroup  *examples_group;
  GtkWidget            *read_only_bar;
  GtkLabel             *read_only_label;
  FitaOutline          *outline;
};

G_DEFINE_FINAL_TYPE (FitaWindow, fita_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* "Ajuntament de Terrassa · 2019–2026": whichever of the two the plan has. */
static char *
describe_plan (FitaPlan *plan)
{
  const FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autofree char *period = fita_plan_format_period (plan);
  gboolean has_organisation = info->organisation != NULL && info->organisation[0] != '\0';

  if (has_organisation && period != NULL)
    /* Translators: organisation and period of a plan, e.g.
     * "Ajuntament de Terrassa · 2019–2026" */
    return g_strdup_printf (C_("plan subtitle", "%s · %s"), info->organisation, period);

  if (has_organisation)
    return g_strdup (info->organisation);

  return g_steal_pointer (&period);
}

static void
add_example_row (FitaWindow *self,
                 const char *name)
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
      subtitle = describe_plan (plan);
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
list_examples (FitaWindow *self)
{
  g_auto(GStrv) names = NULL;

  if (self->examples_listed)
    return;

  self->examples_listed = TRUE;
  names = fita_examples_list ();
  for (guint i = 0; names[i] != NULL; i++)
    add_example_row (self, names[i]);
}

static void
fita_window_update (FitaWindow *self)
{
  FitaPlanInfo *info;
  g_autofree char *subtitle = NULL;
  const char *title;

  if (self->plan == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Fita"));
      adw_window_title_set_title (self->window_title, _("Fita"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_widget_set_visible (self->read_only_bar, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "welcome");
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        list_examples (self);
      return;
    }

  info = fita_plan_get_info (self->plan);
  title = info->title != NULL && info->title[0] != '\0' ? info->title : _("Untitled Plan");
  subtitle = describe_plan (self->plan);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (self->read_only_bar, fita_plan_is_read_only (self->plan));
  gtk_label_set_label (self->read_only_label, fita_plan_get_read_only_reason (self->plan));

  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  FitaWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (file != NULL && FITA_IS_APPLICATION (app))
        fita_application_open_file (FITA_APPLICATION (app), file, self);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
fita_window_open_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Fita Plans"));
  gtk_file_filter_add_suffix (plans, "fita");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  dialog = gtk_file_chooser_native_new (_("Open a Plan"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        C_("action", "_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), plans);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), plans);

  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fita_window_open_example_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (FITA_IS_APPLICATION (app))
    fita_application_open_example (FITA_APPLICATION (app), g_variant_get_string (param, NULL), self);
}

static void
fita_window_map (GtkWidget *widget)
{
  FitaWindow *self = (FitaWindow *)widget;

  GTK_WIDGET_CLASS (fita_window_parent_class)->map (widget);

  /* Reading the examples costs a little, so only windows that show the
   * welcome page do it. */
  if (self->plan == NULL)
    list_examples (self);
}

static void
fita_window_dispose (GObject *object)
{
  FitaWindow *self = (FitaWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_WINDOW);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (fita_window_parent_class)->dispose (object);
}

static void
fita_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FitaWindow *self = FITA_WINDOW (object);

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
fita_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FitaWindow *self = FITA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_window_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_window_class_init (FitaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_window_dispose;
  object_class->get_property = fita_window_get_property;
  object_class->set_property = fita_window_set_property;

  widget_class->map = fita_window_map;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, examples_group);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, outline);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, fita_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", fita_window_open_example_action);

  g_type_ensure (FITA_TYPE_OUTLINE);
}

static void
fita_window_init (FitaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fita_window_update (self);
}

FitaWindow *
fita_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (FITA_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

FitaPlan *
fita_window_get_plan (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  return self->plan;
}

void
fita_window_set_plan (FitaWindow *self,
                      FitaPlan   *plan)
{
  g_return_if_fail (FITA_IS_WINDOW (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  fita_outline_set_plan (self->outline, plan);
  fita_window_update (self);
  if (plan != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->outline));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

FitaOutline *
fita_window_get_outline (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  return self->outline;
}

void
fita_window_show_error (FitaWindow *self,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (FITA_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
