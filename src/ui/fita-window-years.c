/* fita-window-years.c: the years of the plan in the window (docs/YEARS.md):
 * the menu's "Close 2025…" and "Reopen 2024…" with their dialogs, the
 * year drop-down's shortcut, and the banner over a closed year. Which plan
 * the pages show for the year chosen is fita_window_set_year(). */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-accessible.h"
#include "fita-application.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-window-private.h"
#include "fita-years.h"

/* The year Close closes: the year followed up; in a plan that follows up
 * none, the one after the last closed, or the plan's current year. */
static gint64
year_to_close (FitaPlan *plan)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autoptr(GArray) closed = NULL;

  if (info->followed_year != FITA_NONE)
    return info->followed_year;
  closed = fita_plan_get_closed_years (plan);
  if (closed->len > 0)
    return g_array_index (closed, gint64, closed->len - 1) + 1;
  return fita_plan_default_year (plan);
}

/* The year Reopen reopens: the last closed; 0 when none is. */
static gint64
year_to_reopen (FitaPlan *plan)
{
  g_autoptr(GArray) closed = fita_plan_get_closed_years (plan);

  return closed->len > 0 ? g_array_index (closed, gint64, closed->len - 1) : 0;
}

static gboolean
can_change (FitaWindow *self)
{
  return self->plan != NULL && !fita_plan_is_read_only (self->plan);
}

/* The menu's items, made again only when their labels change (the menu
 * may be open). */
static void
set_menu_items (GMenu              *menu,
                const char * const *labels,
                const char * const *actions,
                guint               n)
{
  gboolean same = (guint) g_menu_model_get_n_items (G_MENU_MODEL (menu)) == n;

  for (guint i = 0; same && i < n; i++)
    {
      g_autofree char *label = NULL;

      same = g_menu_model_get_item_attribute (G_MENU_MODEL (menu), i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
             g_str_equal (label, labels[i]);
    }
  if (same)
    return;

  g_menu_remove_all (menu);
  for (guint i = 0; i < n; i++)
    g_menu_append (menu, labels[i], actions[i]);
}

void
_fita_window_update_years (FitaWindow *self)
{
  g_autofree char *close_label = NULL;
  g_autofree char *reopen_label = NULL;
  const char *labels[2];
  const char *actions[2];
  gint64 to_close = FITA_NONE;
  gint64 to_reopen = 0;
  guint n = 0;

  /* The year shown was reopened (or its closing undone): back to the
   * year followed up, which brings the window here again. */
  if (self->year != 0 && (self->plan == NULL || !fita_plan_is_year_closed (self->plan, self->year)))
    {
      fita_window_set_year (self, 0);
      return;
    }

  if (self->plan != NULL)
    {
      to_close = year_to_close (self->plan);
      to_reopen = year_to_reopen (self->plan);
    }
  if (to_close != FITA_NONE)
    {
      /* Translators: in the main menu: close the year followed up, "Close
       * 2025…"; keep the underscore on a letter no other item of the menu
       * has */
      close_label = g_strdup_printf (_("Clo_se %d…"), (int) to_close);
      labels[n] = close_label;
      actions[n++] = "win.close-year";
    }
  if (to_reopen != 0)
    {
      /* Translators: in the main menu: reopen the last year closed */
      reopen_label = g_strdup_printf (_("_Reopen %d…"), (int) to_reopen);
      labels[n] = reopen_label;
      actions[n++] = "win.reopen-year";
    }
  set_menu_items (self->year_section, labels, actions, n);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-year", can_change (self) && to_close != FITA_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen-year", can_change (self) && to_reopen != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-year", self->plan != NULL);
  /* An import changes the plan as it is now, out of sight of a closed
   * year. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->year == 0);

  fita_year_banner_show (self->year_banner, self->plan, self->year);
}

/* Who closes: the officer's name from the preferences; without one, the
 * name the plan's changes are logged under. */
static char *
officer_name (FitaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = FITA_IS_APPLICATION (app) ? fita_application_get_settings (FITA_APPLICATION (app)) : NULL;
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "officer-name") : NULL;

  if (name != NULL && *g_strstrip (name) != '\0')
    return g_steal_pointer (&name);
  return g_strdup (fita_plan_get_author (self->plan));
}

static void
add_undo_toast (FitaWindow *self,
                const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  /* Undoes it only while it is still the last change. */
  adw_toast_set_action_name (toast, "win.undo-change");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (fita_plan_get_generation (self->plan)));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  fita_window_add_toast (self, toast);
}

/* Closing */

/* A row of the summary: what, and how much, read together. */
static void
add_summary_row (GtkListBox *list,
                 const char *title,
                 const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value,
                                  -1);
  gtk_list_box_append (list, row);
}

/* What closing year keeps: the plan's figures as they stand. */
static GtkWidget *
closing_summary (FitaPlan   *plan,
                 gint64      year,
                 const char *who)
{
  const char *lang = fita_lang_from_locale ();
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  g_autofree char *n_items = NULL;
  g_autofree char *progress = fita_plan_format_progress (plan, NULL, lang);
  g_autofree char *executed = NULL;
  g_autofree char *executed_title = NULL;
  g_autofree char *updated = NULL;
  FitaBudgetSum sum;
  guint n_leaves = 0;
  guint n_updated = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What is kept"),
                                  -1);

  /* Status and progress are entered on the items at the bottom of the
   * tree; those above take theirs from them. */
  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);

      if (!fita_plan_item_is_leaf (plan, item))
        continue;
      n_leaves++;
      if (item->status_id > 0 && item->progress_bp != FITA_NONE)
        n_updated++;
    }

  fita_plan_budget_sum (plan, NULL, year, 0, &sum);
  n_items = g_strdup_printf ("%u", items->len);
  executed = fita_money_format (sum.executed, lang);
  /* Translators: in the summary of closing a year: the amount executed in it */
  executed_title = g_strdup_printf (_("Executed in %d"), (int) year);
  /* Translators: in the summary of closing a year: "40 of 45" items that
   * take a status and a progress have both */
  updated = g_strdup_printf (ngettext ("%u of %u", "%u of %u", n_leaves), n_updated, n_leaves);

  add_summary_row (GTK_LIST_BOX (list), _("Items"), n_items);
  add_summary_row (GTK_LIST_BOX (list), _("Plan progress"), progress);
  add_summary_row (GTK_LIST_BOX (list), executed_title, executed);
  add_summary_row (GTK_LIST_BOX (list), _("Items with a status and a progress this year"), updated);
  if (who != NULL && *who != '\0')
    add_summary_row (GTK_LIST_BOX (list), _("Closed by"), who);
  return list;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   FitaWindow       *self)
{
  gint64 year = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "fita-year"));
  const char *who = g_object_get_data (G_OBJECT (dialog), "fita-who");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "close") || !can_change (self))
    return;

  if (!fita_plan_close_year (self->plan, year, who, &error))
    {
      g_autofree char *heading = NULL;

      /* Translators: %d is a year the officer tried to close */
      heading = g_strdup_printf (_("%d could not be closed"), (int) year);
      fita_window_show_error (self, heading, error->message);
      return;
    }

  /* Translators: shown after closing a year, with a button to undo */
  title = g_strdup_printf (_("%d closed"), (int) year);
  add_undo_toast (self, title);
}

static void
close_year_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *close_label = NULL;
  g_autofree char *who = NULL;
  GtkWidget *dialog;
  gint64 year;

  if (!can_change (self) || (year = year_to_close (self->plan)) == FITA_NONE)
    return;

  who = officer_name (self);
  /* Translators: the heading of the dialog that closes a year */
  heading = g_strdup_printf (_("Close %d?"), (int) year);
  /* Translators: the dialog that closes a year: the year (three times) and
   * the year after it */
  body = g_strdup_printf (_("The plan’s figures for %d are kept as they stand now. After closing, %d’s figures cannot be changed, and %d becomes the year followed up. You can reopen %d if you must."),
                          (int) year, (int) year, (int) year + 1, (int) year);
  /* Translators: the button that closes a year, "Close 2025" */
  close_label = g_strdup_printf (_("_Close %d"), (int) year);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), closing_summary (self->plan, year, who));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", close_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "fita-year", GSIZE_TO_POINTER ((gsize) year));
  g_object_set_data_full (G_OBJECT (dialog), "fita-who", g_steal_pointer (&who), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  fita_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reopening */

static void
reopen_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FitaWindow       *self)
{
  gint64 year = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "fita-year"));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "reopen") || !can_change (self))
    return;

  if (!fita_plan_reopen_year (self->plan, year, &error))
    {
      g_autofree char *heading = NULL;

      /* Translators: %d is a year the officer tried to reopen */
      heading = g_strdup_printf (_("%d could not be reopened"), (int) year);
      fita_window_show_error (self, heading, error->message);
      return;
    }

  /* Translators: shown after reopening a year, with a button to undo */
  title = g_strdup_printf (_("%d reopened"), (int) year);
  add_undo_toast (self, title);
}

static void
reopen_year_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  FitaYearClosure *closure;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autofree char *reopen_label = NULL;
  GtkWidget *dialog;
  gint64 followed;
  gint64 year;

  if (!can_change (self) || (year = year_to_reopen (self->plan)) == 0)
    return;

  closure = fita_plan_get_closure (self->plan, year);
  followed = fita_plan_get_info (self->plan)->followed_year;
  when = fita_year_format_closing_date (closure->closed_at);
  /* Translators: the heading of the dialog that reopens a year */
  heading = g_strdup_printf (_("Reopen %d?"), (int) year);
  if (closure->closed_by != NULL && closure->closed_by[0] != '\0')
    /* Translators: the warning before reopening a year: the year, the
     * date it was closed, who closed it, the year (twice), the year
     * followed up now, and the year again */
    body = g_strdup_printf (_("The plan as it stood when %d was closed (on %s, by %s) will be dropped, and %d’s figures can be changed again. The year followed up goes back from %d to %d: the status and progress entered since become %d’s."),
                            (int) year, when, closure->closed_by, (int) year,
                            (int) (followed != FITA_NONE ? followed : year + 1), (int) year, (int) year);
  else
    /* Translators: the same warning, when nobody is named as having closed
     * the year */
    body = g_strdup_printf (_("The plan as it stood when %d was closed (on %s) will be dropped, and %d’s figures can be changed again. The year followed up goes back from %d to %d: the status and progress entered since become %d’s."),
                            (int) year, when, (int) year,
                            (int) (followed != FITA_NONE ? followed : year + 1), (int) year, (int) year);
  /* Translators: the button that reopens a year, "Reopen 2024" */
  reopen_label = g_strdup_printf (_("_Reopen %d"), (int) year);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", reopen_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter keeps the year closed. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "fita-year", GSIZE_TO_POINTER ((gsize) year));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  fita_accessible_fix_tree (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_year_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);

  fita_year_selector_popup (self->year_selector);
}

void
fita_window_class_add_year_actions (GtkWidgetClass *widget_class)
{
  /* win.show-year(0) is the banner's "Back to 2025". */
  gtk_widget_class_install_property_action (widget_class, "win.show-year", "year");
  gtk_widget_class_install_action (widget_class, "win.choose-year", NULL, choose_year_action);
  gtk_widget_class_install_action (widget_class, "win.close-year", NULL, close_year_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-year", NULL, reopen_year_action);
}
