#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-accessible.h"
#include "fita-application.h"
#include "fita-error.h"
#include "fita-welcome-page.h"
#include "fita-window-forms.h"
#include "fita-window-private.h"
#include "fita-years.h"

G_DEFINE_FINAL_TYPE (FitaWindow, fita_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SHOWN_PLAN,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void shown_plan_notify_cb (FitaWindow *self);

char *
fita_describe_plan (FitaPlan *plan)
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

static gboolean
fix_accessible_idle (gpointer data)
{
  fita_accessible_fix_tree (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

static FitaApplication *
get_application (FitaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return FITA_IS_APPLICATION (app) ? FITA_APPLICATION (app) : NULL;
}

/* Wide, the view switcher takes the middle of the header bar and its
 * title hides: the plan's name then shows beside the Undo buttons. */
static void
update_plan_title (FitaWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->plan_title),
                          self->plan != NULL &&
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static gboolean
update_plan_title_idle (gpointer data)
{
  FitaWindow *self = data;

  self->plan_title_idle = 0;
  update_plan_title (self);
  return G_SOURCE_REMOVE;
}

/* The switcher title learns whether its title shows while the header
 * bar is being laid out: showing ours then would come after the bar's
 * layout, so it waits for the next frame. */
static void
title_visible_cb (FitaWindow *self)
{
  if (self->plan_title_idle == 0)
    self->plan_title_idle = g_idle_add (update_plan_title_idle, self);
}

static void
update_titles (FitaWindow *self)
{
  FitaPlanInfo *info;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  const char *title;

  if (self->plan == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Fita"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Fita"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      adw_window_title_set_title (self->plan_title, NULL);
      adw_window_title_set_subtitle (self->plan_title, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_title), NULL);
      update_plan_title (self);
      return;
    }

  info = fita_plan_get_info (self->plan);
  title = info->title != NULL && info->title[0] != '\0' ? info->title : _("Untitled Plan");
  /* A shared plan says where it is and as whom it is changed. */
  subtitle = _fita_window_shared_subtitle (self);
  if (subtitle == NULL)
    subtitle = fita_describe_plan (self->plan);
  /* A closed year says so wherever the plan is named. */
  if (self->year != 0)
    {
      g_autofree char *described = g_steal_pointer (&subtitle);
      g_autofree char *window_title = NULL;

      if (described != NULL)
        /* Translators: the subtitle of a window showing a closed year:
         * organisation and period of the plan, and the year */
        subtitle = g_strdup_printf (C_("window subtitle", "%s · closed year %d"), described, self->year);
      else
        /* Translators: the subtitle of a window showing a closed year */
        subtitle = g_strdup_printf (C_("window subtitle", "Closed year %d"), self->year);
      /* Translators: the title of a window showing a closed year, for
       * the list of windows: the plan's title and the year */
      window_title = g_strdup_printf (C_("window title", "%s · closed year %d"), title, self->year);
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_window_title_set_title (self->plan_title, title);
  adw_window_title_set_subtitle (self->plan_title, subtitle);
  /* The whole of it, where the bar cuts it short. */
  tooltip = subtitle != NULL ? g_strdup_printf ("%s\n%s", title, subtitle) : g_strdup (title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->plan_title), tooltip);
  update_plan_title (self);
}

static void
set_history_button (GtkWidget  *button,
                    const char *text)
{
  gtk_widget_set_tooltip_text (button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
update_history (FitaWindow *self)
{
  const char *undo_label = self->plan != NULL ? fita_plan_get_undo_label (self->plan) : NULL;
  const char *redo_label = self->plan != NULL ? fita_plan_get_redo_label (self->plan) : NULL;
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  /* Not while a closed year is shown: what would change is out of sight. */
  gboolean editable = self->shown_plan != NULL && !fita_plan_is_read_only (self->shown_plan);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && fita_plan_can_undo (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && fita_plan_can_redo (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-change", editable);

  /* Translators: tooltip of the Undo button: "Undo Edit Title"; %s is
   * the name of the change, as in the Edit menu of other programs */
  undo = undo_label != NULL ? g_strdup_printf (_("Undo %s"), undo_label) : g_strdup (_("Undo"));
  /* Translators: tooltip of the Redo button: "Redo Edit Title" */
  redo = redo_label != NULL ? g_strdup_printf (_("Redo %s"), redo_label) : g_strdup (_("Redo"));
  set_history_button (self->undo_button, undo);
  set_history_button (self->redo_button, redo);
}

static void
update_back_button (FitaWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);
  const char *leaf = adw_leaflet_get_visible_child_name (self->leaflet);

  gtk_widget_set_visible (self->back_button,
                          self->plan != NULL &&
                          g_strcmp0 (page, "items") == 0 &&
                          adw_leaflet_get_folded (self->leaflet) &&
                          g_strcmp0 (leaf, "content") == 0);
  gtk_widget_set_visible (self->search_button,
                          self->plan != NULL && g_strcmp0 (page, "items") == 0);
}

static void
update_read_only (FitaWindow *self)
{
  /* A closed year has its own banner, which says why. */
  gboolean read_only = self->plan != NULL && self->year == 0 && fita_plan_is_read_only (self->plan);
  const char *reason = self->plan != NULL ? fita_plan_get_read_only_reason (self->plan) : NULL;

  gtk_widget_set_visible (self->read_only_bar, read_only);
  gtk_label_set_label (self->read_only_label,
                       reason != NULL ? reason : _("This plan is open read-only."));
}

static void
update (FitaWindow *self)
{
  update_titles (self);
  update_history (self);
  update_read_only (self);
  update_back_button (self);
  _fita_window_update_years (self);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, self->plan != NULL);
  gtk_widget_set_visible (self->history_box, self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-plan", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->plan != NULL);
  gtk_stack_set_visible_child_name (self->stack, self->plan != NULL ? "plan" : "welcome");
}


static void
plan_changed_cb (FitaWindow        *self,
                 const FitaChanges *changes,
                 FitaPlan          *plan)
{
  _fita_window_shared_changed (self, changes);
  if (fita_changes_touches (changes, FITA_TABLE_PLAN))
    update_titles (self);
  if (fita_changes_touches (changes, FITA_TABLE_PLAN) ||
      fita_changes_touches (changes, FITA_TABLE_YEAR_CLOSURE))
    _fita_window_update_years (self);
}

/* The outline and the item editor */

static void
selected_item_changed_cb (FitaWindow *self)
{
  gint64 id = fita_outline_get_selected_id (self->outline);

  fita_item_editor_set_item_id (self->item_editor, id);
  /* the timeline shows the outline's selection, and the other way round */
  fita_timeline_view_set_selected (fita_timeline_page_get_view (self->timeline_page), id);
}

static void
timeline_selected_cb (FitaWindow *self)
{
  gint64 id = fita_timeline_view_get_selected (fita_timeline_page_get_view (self->timeline_page));

  if (id != 0 && id != fita_outline_get_selected_id (self->outline))
    fita_outline_select_item (self->outline, id);
}

/* The timeline's rows are the outline's: what is unfolded (or found) there
 * shows here, in the same order. */
static gint64
outline_row_id (gpointer row, gpointer data)
{
  GObject *item = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (row));
  gint64 id = FITA_IS_ITEM_OBJECT (item) ? fita_item_object_get_id (FITA_ITEM_OBJECT (item)) : 0;

  g_clear_object (&item);
  return id;
}

static void
show_item_editor (FitaWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
timeline_item_activated_cb (FitaWindow *self, gint64 id)
{
  fita_outline_select_item (self->outline, id);
  adw_view_stack_set_visible_child_name (self->view_stack, "items");
  show_item_editor (self);
}

static void
item_activated_cb (FitaWindow  *self,
                   gint64       id,
                   FitaOutline *outline)
{
  show_item_editor (self);
}

static void
edit_title_cb (FitaWindow  *self,
               gint64       id,
               FitaOutline *outline)
{
  fita_item_editor_set_item_id (self->item_editor, id);
  show_item_editor (self);
  fita_item_editor_focus_title (self->item_editor);
}

/* Files */

void
fita_window_add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Fita Plans"));
  gtk_file_filter_add_suffix (plans, "fita");
  gtk_file_filter_add_mime_type (plans, "application/x-fita");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, plans);
}

/* "Pla ESS 2019/2026" → "Pla ESS 2019-2026.fita" */
char *
fita_window_file_name_for (const char *title)
{
  g_autoptr(GString) name = g_string_new (title != NULL && title[0] != '\0' ? title : _("Untitled Plan"));

  g_string_replace (name, "/", "-", 0);
  g_string_append (name, ".fita");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* A name typed without the extension gets it, so the file opens in Fita. */
GFile *
fita_window_with_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || g_str_has_suffix (basename, ".fita"))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  fixed = g_strconcat (basename, ".fita", NULL);
  return parent != NULL ? g_file_get_child (parent, fixed) : g_object_ref (file);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  FitaWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      FitaApplication *app = get_application (self);

      if (file != NULL && app != NULL)
        fita_application_open_file (app, file, self);
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

  dialog = gtk_file_chooser_native_new (_("Open a Plan"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        C_("action", "_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  fita_window_add_plan_filters (GTK_FILE_CHOOSER (dialog));

  g_signal_connect_object (dialog, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fita_window_open_file_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  FitaApplication *app = get_application (self);

  if (app != NULL)
    fita_application_open_file (app, file, self);
}

static void
fita_window_forget_recent_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_recent_manager_remove_item (gtk_recent_manager_get_default (),
                                       g_variant_get_string (param, NULL), &error))
    g_debug ("Could not remove %s from the recent files: %s",
             g_variant_get_string (param, NULL), error->message);
}

static void
fita_window_open_example_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  FitaApplication *app = get_application (self);

  if (app != NULL)
    fita_application_open_example (app, g_variant_get_string (param, NULL), self);
}

/* History */

static void
fita_window_undo_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->plan == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    done = !fita_plan_can_undo (self->plan) || fita_plan_undo (self->plan, &error);
  else
    done = !fita_plan_can_redo (self->plan) || fita_plan_redo (self->plan, &error);

  if (!done)
    fita_window_add_toast (self, adw_toast_new (error->message));
}

static void
fita_window_undo_change_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);

  /* A toast's Undo: only if nothing else was changed since. */
  if (self->plan != NULL &&
      fita_plan_get_generation (self->plan) == g_variant_get_uint64 (param) &&
      fita_plan_can_undo (self->plan))
    gtk_widget_activate_action (widget, "win.undo", NULL);
}

static void
fita_window_close_plan_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);

  if (self->plan == NULL)
    return;

  /* What was unfolded is there when the plan is opened again. */
  fita_outline_save_expanded (self->outline);
  fita_window_set_plan (self, NULL);
}

/* Pages */

static void
fita_window_show_page_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  fita_window_show_page (FITA_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
fita_window_search_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->plan == NULL)
    return;

  /* From another page, Ctrl+F goes to the items and searches them. */
  if (g_strcmp0 (page, "items") != 0)
    fita_window_show_page (self, "items");

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  /* Again while searching: back to the query, not closing it (Escape or
   * the search button close it). */
  fita_outline_focus_search (self->outline);
}

static void
fita_window_back_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The outline's width */

#define MIN_SIDEBAR_WIDTH 240
/* What the item editor needs beside it. */
#define MIN_CONTENT_WIDTH 360

void
fita_window_set_sidebar_width (FitaWindow *self,
                               int         width)
{
  int window_width = gtk_widget_get_width (GTK_WIDGET (self));

  g_return_if_fail (FITA_IS_WINDOW (self));

  /* Never so wide that the leaflet folds under the pointer. */
  if (window_width > MIN_SIDEBAR_WIDTH + MIN_CONTENT_WIDTH)
    width = MIN (width, window_width - MIN_CONTENT_WIDTH);
  width = MAX (width, MIN_SIDEBAR_WIDTH);
  gtk_widget_set_size_request (GTK_WIDGET (self->outline), width, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sidebar_handle),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double)MIN_SIDEBAR_WIDTH,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double)width,
                                  -1);
}

int
fita_window_get_sidebar_width (FitaWindow *self)
{
  int width;

  g_return_val_if_fail (FITA_IS_WINDOW (self), 0);

  gtk_widget_get_size_request (GTK_WIDGET (self->outline), &width, NULL);
  return width;
}

static void
sidebar_drag_begin_cb (FitaWindow *self)
{
  self->drag_start_width = gtk_widget_get_width (GTK_WIDGET (self->outline));
}

static void
sidebar_drag_update_cb (FitaWindow *self,
                        double      offset_x)
{
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    offset_x = -offset_x;
  fita_window_set_sidebar_width (self, self->drag_start_width + (int)offset_x);
}

static void save_sidebar_width (FitaWindow *self);

/* Left and Right on the focused handle, a step at a time. */
static gboolean
sidebar_key_cb (FitaWindow      *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  int step = (state & GDK_CONTROL_MASK) ? 64 : 16;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    step = -step;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = -step;
  else if (keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Right)
    return GDK_EVENT_PROPAGATE;

  fita_window_set_sidebar_width (self, fita_window_get_sidebar_width (self) + step);
  save_sidebar_width (self);
  return GDK_EVENT_STOP;
}

static void
save_sidebar_width (FitaWindow *self)
{
  FitaApplication *app = get_application (self);
  GSettings *settings = app != NULL ? fita_application_get_settings (app) : NULL;

  if (settings != NULL)
    g_settings_set_int (settings, "sidebar-width",
                        CLAMP (fita_window_get_sidebar_width (self), MIN_SIDEBAR_WIDTH, 1200));
}

/* Window state */

/* Once the window belongs to the application, whose settings these are. */
static void
restore_size (FitaWindow *self)
{
  FitaApplication *app = get_application (self);
  GSettings *settings;

  if (app == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self, restore_size, NULL);
  settings = fita_application_get_settings (app);
  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  gtk_widget_set_size_request (GTK_WIDGET (self->outline),
                               g_settings_get_int (settings, "sidebar-width"), -1);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (FitaWindow *self)
{
  FitaApplication *app = get_application (self);
  GSettings *settings = app != NULL ? fita_application_get_settings (app) : NULL;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  if (settings == NULL)
    return;

  g_settings_set_boolean (settings, "window-maximized", maximized);
  save_sidebar_width (self);
  /* The size to come back to when no longer maximized. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
fita_window_close_request (GtkWindow *window)
{
  FitaWindow *self = FITA_WINDOW (window);

  save_size (self);
  fita_outline_save_expanded (self->outline);

  return GTK_WINDOW_CLASS (fita_window_parent_class)->close_request (window);
}

static void
fita_window_dispose (GObject *object)
{
  FitaWindow *self = (FitaWindow *)object;

  g_clear_handle_id (&self->plan_title_idle, g_source_remove);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->shown_plan);
  g_clear_pointer (&self->reselect_code, g_free);
  g_clear_object (&self->plan_signals);

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

    case PROP_SHOWN_PLAN:
      g_value_set_object (value, self->shown_plan);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
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

    case PROP_YEAR:
      fita_window_set_year (self, g_value_get_int (value));
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fita_window_dispose;
  object_class->get_property = fita_window_get_property;
  object_class->set_property = fita_window_set_property;

  window_class->close_request = fita_window_close_request;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the pages show: plan, or the closed year chosen. */
  properties [PROP_SHOWN_PLAN] =
    g_param_spec_object ("shown-plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* 0: the year followed up; or a closed year. */
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, year_selector);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, year_banner);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, shared_banner);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, year_section);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, plan_title);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, sidebar_handle);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, outline);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, item_editor);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, plan_editor);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, governance_page);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, participation_page);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, FitaWindow, budget_page);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, fita_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", fita_window_open_file_action);
  gtk_widget_class_install_action (widget_class, "win.forget-recent", "s", fita_window_forget_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", fita_window_open_example_action);
  gtk_widget_class_install_action (widget_class, "win.close-plan", NULL, fita_window_close_plan_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, fita_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, fita_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-change", "t", fita_window_undo_change_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", fita_window_show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, fita_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, fita_window_back_action);
  fita_window_class_add_io_actions (widget_class);
  fita_window_class_add_new_plan_action (widget_class);
  fita_window_class_add_year_actions (widget_class);
  fita_window_class_add_shared_actions (widget_class);

  /* In the window's own bindings, not the application's accelerators: a
   * text field that has typing to undo takes Ctrl+Z first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  g_type_ensure (FITA_TYPE_WELCOME_PAGE);
  g_type_ensure (FITA_TYPE_OUTLINE);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR);
  g_type_ensure (FITA_TYPE_PLAN_EDITOR);
  g_type_ensure (FITA_TYPE_GOVERNANCE_PAGE);
  g_type_ensure (FITA_TYPE_PARTICIPATION_PAGE);
  g_type_ensure (FITA_TYPE_TIMELINE_PAGE);
  g_type_ensure (FITA_TYPE_REPORTS_PAGE);
  g_type_ensure (FITA_TYPE_BUDGET_PAGE);
  g_type_ensure (FITA_TYPE_YEAR_SELECTOR);
  g_type_ensure (FITA_TYPE_YEAR_BANNER);
  g_type_ensure (FITA_TYPE_SHARED_BANNER);
}

static void
fita_window_init (FitaWindow *self)
{
  GtkGesture *drag;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  fita_window_init_forms (self);

  /* after the pages' bindings, made by the template */
  g_signal_connect (self, "notify::shown-plan", G_CALLBACK (shown_plan_notify_cb), NULL);

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (plan_changed_cb), self);
  /* The Undo and Redo buttons follow the plan's history as it moves. */
  g_signal_group_connect_swapped (self->plan_signals, "notify::can-undo", G_CALLBACK (update_history), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::can-redo", G_CALLBACK (update_history), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::undo-label", G_CALLBACK (update_history), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::redo-label", G_CALLBACK (update_history), self);
  _fita_window_init_shared (self);

  g_object_bind_property (self->switcher_title, "title-visible",
                          self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->search_button, "active",
                          self->outline, "search-mode",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  g_signal_connect_object (self->outline, "notify::selected-id",
                           G_CALLBACK (selected_item_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fita_timeline_page_get_view (self->timeline_page), "notify::selected",
                           G_CALLBACK (timeline_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (fita_timeline_page_get_view (self->timeline_page), "item-activated",
                           G_CALLBACK (timeline_item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "item-activated",
                           G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "edit-title",
                           G_CALLBACK (edit_title_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (sidebar_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (sidebar_drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (save_sidebar_width), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->sidebar_handle, GTK_EVENT_CONTROLLER (drag));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (sidebar_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->sidebar_handle, keys);
  gtk_widget_set_cursor_from_name (self->sidebar_handle, "col-resize");
  fita_accessible_fix_tree (GTK_WIDGET (self));

  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
  g_signal_connect (self, "notify::application", G_CALLBACK (restore_size), NULL);

  update (self);
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

/* The year the item editor starts on: the one the plan follows up (for
 * a view of a closed year, that year). */
int
_fita_window_editor_year (FitaPlan *plan)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autoptr(GDateTime) now = NULL;

  if (info->followed_year >= 1000 && info->followed_year <= 9999)
    return (int)info->followed_year;

  now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

/* Once the pages have the plan shown (their bindings in fita-window.ui
 * come first, and may come late: a notification is held while the
 * window's "year" is being set): the timeline takes the outline's rows,
 * and the item that was selected is selected again. */
static void
shown_plan_notify_cb (FitaWindow *self)
{
  g_autofree char *code = g_steal_pointer (&self->reselect_code);
  FitaItem *item;

  fita_timeline_page_set_rows (self->timeline_page,
                               self->shown_plan ? fita_outline_get_model (self->outline) : NULL, outline_row_id, self);
  if (self->shown_plan == NULL)
    fita_item_editor_set_item_id (self->item_editor, 0);
  else if (code != NULL && (item = fita_plan_find_item (self->shown_plan, code)) != NULL)
    fita_outline_select_item (self->outline, item->rec.id);
  /* the pages have made their rows for the plan, shown or not: name what
   * GTK leaves unnamed */
  g_idle_add_full (G_PRIORITY_LOW, fix_accessible_idle, g_object_ref (self), g_object_unref);
}

void
_fita_window_show_plan (FitaWindow *self,
                        FitaPlan   *shown,
                        gboolean    same_plan)
{
  /* The same item in another year of the same plan stays selected: found
   * by its code, as a year's plan has ids of its own. */
  gint64 selected = same_plan && shown != NULL && self->shown_plan != NULL ? fita_outline_get_selected_id (self->outline) : 0;
  FitaItem *item = selected != 0 ? fita_plan_lookup (self->shown_plan, FITA_TABLE_ITEM, selected) : NULL;
  /* (copied first: the year left may go with its plan) */
  g_autofree char *code = item != NULL && item->code != NULL && item->code[0] != '\0' ? g_strdup (item->code) : NULL;

  if (shown == self->shown_plan)
    return;

  g_set_object (&self->shown_plan, shown);
  g_free (self->reselect_code);
  self->reselect_code = g_steal_pointer (&code);
  if (shown != NULL)
    {
      fita_item_editor_set_item_id (self->item_editor, 0);
      fita_item_editor_set_year (self->item_editor, _fita_window_editor_year (shown));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOWN_PLAN]);
  update (self);
}

void
fita_window_set_plan (FitaWindow *self,
                      FitaPlan   *plan)
{
  g_return_if_fail (FITA_IS_WINDOW (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  _fita_window_shared_plan_set (self);
  /* Another plan starts on the year it follows up. */
  if (self->year != 0)
    {
      self->year = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
  _fita_window_show_plan (self, plan, FALSE);

  adw_view_stack_set_visible_child_name (self->view_stack, "items");
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  update (self);

  if (plan != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->outline));
}

FitaPlan *
fita_window_get_shown_plan (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  return self->shown_plan;
}

int
fita_window_get_year (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), 0);

  return self->year;
}

void
fita_window_set_year (FitaWindow *self,
                      int         year)
{
  g_autoptr(FitaPlan) view = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FITA_IS_WINDOW (self));

  if (self->plan == NULL || year == 0 || !fita_plan_is_year_closed (self->plan, year))
    year = 0;
  if (year == self->year)
    return;

  if (year != 0 && (view = fita_plan_open_year (self->plan, year, &error)) == NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: %d is a closed year the officer chose to look at */
      heading = g_strdup_printf (_("Could not show %d"), year);
      fita_window_show_error (self, heading, error->message);
      /* told again, so that the drop-down goes back to what is shown */
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
      return;
    }

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
  _fita_window_show_plan (self, view != NULL ? view : self->plan, TRUE);
}

FitaOutline *
fita_window_get_outline (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  return self->outline;
}

FitaItemEditor *
fita_window_get_item_editor (FitaWindow *self)
{
  g_return_val_if_fail (FITA_IS_WINDOW (self), NULL);

  return self->item_editor;
}

void
fita_window_show_page (FitaWindow *self,
                       const char *name)
{
  g_return_if_fail (FITA_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (self->plan != NULL && adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* A message of several lines (an import's list of problems, one a line)
 * shows its first line as the body and the others under it, a label each
 * with a little space between, in a scrolled box: a long list neither runs
 * off the screen nor hides the button, and wrapped lines stay apart. */
void
fita_window_show_error (FitaWindow *self,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog;
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (FITA_IS_WINDOW (self));

  lines = g_strsplit (message, "\n", -1);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, lines[0]);
  if (lines[0] != NULL && lines[1] != NULL)
    {
      GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      for (guint i = 1; lines[i] != NULL; i++)
        {
          GtkWidget *label = gtk_label_new (lines[i]);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_box_append (GTK_BOX (list), label);
        }
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    }
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  fita_accessible_fix_tree (dialog);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
fita_window_add_toast (FitaWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (FITA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
