/* fita-merge-dialog.c: the merge screen (fita-merge-dialog.h).
 *
 * The form is read by fita_merge_read_async (), which reads the file in a
 * thread and compares it with the plan on the main thread. The lists come
 * from the merge's models: the refusals and each item's fields are bound
 * to list boxes; a row follows its field's "decision" property, and the
 * summary and the Merge button follow the merge's "n-undecided". */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-error.h"
#include "fita-merge-dialog.h"

struct _FitaMergeDialog
{
  AdwWindow        parent_instance;

  FitaWindow      *window;      /* weak */
  FitaPlan        *plan;
  FitaMerge       *merge;
  GCancellable    *cancellable;
  gboolean         loading;
  gboolean         disposed;    /* closed while reading: nothing left to show it in */

  /* Template widgets */
  GtkWidget       *merge_button;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  GtkLabel        *summary_label;
  GtkWidget       *why_box;
  GtkImage        *why_icon;
  GtkLabel        *why_label;
  GtkWidget       *all_box;
  GtkWidget       *refusals_box;
  GtkListBox      *refusals_list;
  GtkWidget       *items_box;
};

G_DEFINE_FINAL_TYPE (FitaMergeDialog, fita_merge_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* "(empty)" for no value: a cell emptied is a change too. */
static const char *
shown (const char *text)
{
  return text != NULL ? text : C_("merge value", "(empty)");
}

/* The summary and the Merge button */

static void
update_state (FitaMergeDialog *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *why = NULL;
  guint n_undecided;
  gboolean can_apply;

  if (self->merge == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", FALSE);
      return;
    }

  summary = fita_merge_get_summary (self->merge);
  gtk_label_set_label (self->summary_label, summary);
  n_undecided = fita_merge_get_n_undecided (self->merge);
  can_apply = fita_merge_can_apply (self->merge);

  if (fita_merge_is_refused (self->merge))
    why = g_strdup (_("Nothing of a refused form can be merged. Ask the service for a form made again, or put right what is listed below."));
  else if (n_undecided > 0)
    /* Translators: why the Merge button is off; %u is how many conflicts */
    why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Decide the conflict to merge: keep the plan’s value or take the form’s.",
                                        "Decide the %u conflicts to merge: keep the plan’s value or take the form’s, for each.",
                                        n_undecided),
                           n_undecided);
  else if (!can_apply)
    why = g_strdup (_("There is nothing to merge: the plan holds every value of the form already, or every change is left out."));
  gtk_label_set_label (self->why_label, why != NULL ? why : "");
  gtk_widget_set_visible (self->why_box, why != NULL);
  gtk_image_set_from_icon_name (self->why_icon, fita_merge_is_refused (self->merge)
                                                ? "dialog-error-symbolic" : "dialog-information-symbolic");
  if (fita_merge_is_refused (self->merge))
    gtk_widget_add_css_class (GTK_WIDGET (self->why_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->why_icon), "error");
  gtk_widget_set_visible (self->all_box, fita_merge_get_n_conflicts (self->merge) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", can_apply);
  /* the button says why it is off, to whoever hovers or reads it */
  gtk_widget_set_tooltip_text (self->merge_button, can_apply ? NULL : why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->merge_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, can_apply ? "" : why,
                                  -1);
}

/* Rows of fields */

typedef struct {
  FitaMergeDialog *self;
  FitaMergeField  *field;
  GtkWidget       *keep;     /* conflicts: the two toggles */
  GtkWidget       *take;
  GtkWidget       *check;    /* plain changes: take it or not */
  gulong           handler;
  gboolean         syncing;
} FieldRow;

static void
field_row_free (FieldRow *row)
{
  g_clear_signal_handler (&row->handler, row->field);
  g_clear_object (&row->field);
  g_free (row);
}

/* What the rows of one item's list are made with. */
typedef struct {
  FitaMergeDialog *self;
  FitaMergeItem   *item;
} ItemRows;

static void
item_rows_free (ItemRows *rows)
{
  g_clear_object (&rows->item);
  g_free (rows);
}

/* The row shows its field's decision, whoever made it. */
static void
sync_row (FieldRow *row)
{
  FitaMergeDecision decision = fita_merge_field_get_decision (row->field);

  row->syncing = TRUE;
  if (row->check != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), decision == FITA_MERGE_TAKE_FORM);
  else
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->keep), decision == FITA_MERGE_KEEP_PLAN);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->take), decision == FITA_MERGE_TAKE_FORM);
    }
  row->syncing = FALSE;
}

static void
decision_changed_cb (FitaMergeField *field,
                     GParamSpec     *pspec,
                     FieldRow       *row)
{
  sync_row (row);
  update_state (row->self);
}

static void
toggled_cb (GtkWidget *button,
            FieldRow  *row)
{
  FitaMergeDecision decision;

  if (row->syncing)
    return;
  if (row->check != NULL)
    decision = gtk_check_button_get_active (GTK_CHECK_BUTTON (row->check)) ? FITA_MERGE_TAKE_FORM : FITA_MERGE_KEEP_PLAN;
  else if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
    return;   /* the other of the pair was turned on: its own signal decides */
  else
    decision = button == row->take ? FITA_MERGE_TAKE_FORM : FITA_MERGE_KEEP_PLAN;
  /* its "decision" notification brings the dialog up to date */
  fita_merge_field_set_decision (row->field, decision);
}

static void
describe (GtkWidget  *widget,
          const char *field_label,
          const char *code)
{
  /* Translators: what a choice of the merge screen is about: a field's name and an item's code */
  g_autofree char *what = g_strdup_printf (_("%s of %s"), field_label, code);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what,
                                  -1);
}

static GtkWidget *
create_field_row (gpointer item,
                  gpointer user_data)
{
  ItemRows *rows = user_data;
  FitaMergeDialog *self = rows->self;
  FitaMergeField *field = FITA_MERGE_FIELD (item);
  const char *code = fita_merge_item_get_code (rows->item);
  const char *label = fita_merge_field_get_label (field);
  gboolean conflict = fita_merge_field_get_conflict (field);
  g_autofree char *name = g_strdup_printf ("%s:%s", code, fita_merge_field_get_key (field));
  g_autofree char *values = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *action_row = adw_action_row_new ();
  FieldRow *row = g_new0 (FieldRow, 1);

  row->self = self;
  row->field = g_object_ref (field);
  gtk_widget_set_name (action_row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), label);
  /* Translators: a field's value in the plan, then in the form */
  values = g_strdup_printf (_("Plan: %s → Form: %s"), shown (fita_merge_field_get_plan_text (field)),
                            shown (fita_merge_field_get_form_text (field)));
  if (conflict)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      /* Translators: under a conflicting field: the values, then what the form was sent with */
      subtitle = g_strdup_printf (_("%s\nConflict: the plan changed since the form was sent (it was %s)"),
                                  values, shown (fita_merge_field_get_sent_text (field)));
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Conflict"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), icon);

      gtk_widget_add_css_class (pair, "linked");
      gtk_widget_set_valign (pair, GTK_ALIGN_CENTER);
      row->keep = gtk_toggle_button_new_with_mnemonic (_("Keep the plan’s"));
      row->take = gtk_toggle_button_new_with_mnemonic (_("Take the form’s"));
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (row->take), GTK_TOGGLE_BUTTON (row->keep));
      describe (row->keep, label, code);
      describe (row->take, label, code);
      gtk_box_append (GTK_BOX (pair), row->keep);
      gtk_box_append (GTK_BOX (pair), row->take);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), pair);
      g_signal_connect (row->keep, "toggled", G_CALLBACK (toggled_cb), row);
      g_signal_connect (row->take, "toggled", G_CALLBACK (toggled_cb), row);
      gtk_widget_add_css_class (action_row, "fita-merge-conflict");
    }
  else
    {
      subtitle = g_strdup (values);
      row->check = gtk_check_button_new_with_mnemonic (_("Take the form’s"));
      gtk_widget_set_valign (row->check, GTK_ALIGN_CENTER);
      describe (row->check, label, code);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), row->check);
      g_signal_connect (row->check, "toggled", G_CALLBACK (toggled_cb), row);
    }
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), escaped);
    /* a long follow-up text is cut short in the list, and whole in its tooltip */
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (action_row), 6);
    gtk_widget_set_tooltip_text (action_row, subtitle);
  }
  sync_row (row);
  row->handler = g_signal_connect (field, "notify::decision", G_CALLBACK (decision_changed_cb), row);
  g_object_set_data_full (G_OBJECT (action_row), "fita-field-row", row, (GDestroyNotify) field_row_free);
  return action_row;
}

static GtkWidget *
create_refusal_row (gpointer item,
                    gpointer user_data)
{
  FitaMergeRefusal *refusal = FITA_MERGE_REFUSAL (item);
  const char *sheet = fita_merge_refusal_get_sheet (refusal);
  const char *code = fita_merge_refusal_get_code (refusal);
  guint line = fita_merge_refusal_get_row (refusal);
  g_autofree char *where = NULL;
  g_autofree char *reason = g_markup_escape_text (fita_merge_refusal_get_reason (refusal), -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  if (sheet == NULL)
    where = g_strdup (_("The whole form"));
  else if (line == 0)
    /* Translators: where a form is refused: %s is a sheet's name */
    where = g_strdup_printf (_("Sheet “%s”"), sheet);
  else if (code != NULL)
    /* Translators: where a form is refused: a sheet, a row number and an item's code */
    where = g_strdup_printf (_("Sheet “%s”, row %u, item %s"), sheet, line, code);
  else
    /* Translators: where a form is refused: a sheet and a row number */
    where = g_strdup_printf (_("Sheet “%s”, row %u"), sheet, line);
  {
    g_autofree char *escaped = g_markup_escape_text (where, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refused"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* One item: its code and title, its conflicts counted, its fields. */
static GtkWidget *
create_item_box (FitaMergeDialog *self,
                 FitaMergeItem   *item)
{
  GListModel *fields = fita_merge_item_get_fields (item);
  guint n_conflicts = fita_merge_item_get_n_conflicts (item);
  g_autofree char *heading = g_strdup_printf ("%s  %s", fita_merge_item_get_code (item),
                                              fita_merge_item_get_title (item));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();
  ItemRows *rows;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  if (n_conflicts > 0)
    {
      /* Translators: beside an item of the merge screen */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", n_conflicts),
                                               n_conflicts);
      GtkWidget *badge = gtk_label_new (text);

      gtk_widget_add_css_class (badge, "warning");
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_box_append (GTK_BOX (header), badge);
    }
  gtk_box_append (GTK_BOX (box), header);

  rows = g_new0 (ItemRows, 1);
  rows->self = self;
  rows->item = g_object_ref (item);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), fields, create_field_row, rows, (GDestroyNotify) item_rows_free);
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

static void
show_merge (FitaMergeDialog *self)
{
  GListModel *items = fita_merge_get_items (self->merge);
  GListModel *refusals = fita_merge_get_refusals (self->merge);
  const char *agent = fita_merge_get_agent_name (self->merge);
  g_autofree char *basename = g_path_get_basename (fita_merge_get_path (self->merge));
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *title = NULL;
  GtkWidget *child;

  /* Translators: the merge screen's title; %s is the service the form was made for */
  title = agent != NULL ? g_strdup_printf (_("Form of %s"), agent) : g_strdup (_("Merge an Answered Form"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name);

  while ((child = gtk_widget_get_first_child (self->items_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->items_box), child);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FitaMergeItem) item = g_list_model_get_item (items, i);

      gtk_box_append (GTK_BOX (self->items_box), create_item_box (self, item));
    }
  gtk_list_box_bind_model (self->refusals_list, refusals, create_refusal_row, self, NULL);
  gtk_widget_set_visible (self->refusals_box, g_list_model_get_n_items (refusals) > 0);
  gtk_stack_set_visible_child_name (self->stack, "merge");
  update_state (self);
}

/* Reading */

static void
set_loading (FitaMergeDialog *self,
             gboolean         loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FitaMergeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaMerge) merge = fita_merge_read_finish (result, &error);

  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (merge == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_visible (self->merge_button, FALSE);
    }
  else
    {
      g_set_object (&self->merge, merge);
      g_signal_connect_object (merge, "notify::n-undecided", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      show_merge (self);
    }
  set_loading (self, FALSE);
}

void
fita_merge_dialog_load_file (FitaMergeDialog *self,
                             GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FITA_IS_MERGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->merge);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_widget_set_visible (self->merge_button, TRUE);
  update_state (self);
  set_loading (self, TRUE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       _("Fita can only read forms on this computer. Copy the form to a local folder and merge it from there."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_visible (self->merge_button, FALSE);
      set_loading (self, FALSE);
      return;
    }
  fita_merge_read_async (self->plan, path, self->cancellable, read_cb, g_object_ref (self));
}

gboolean
fita_merge_dialog_get_loading (FitaMergeDialog *self)
{
  g_return_val_if_fail (FITA_IS_MERGE_DIALOG (self), FALSE);

  return self->loading;
}

FitaMerge *
fita_merge_dialog_get_merge (FitaMergeDialog *self)
{
  g_return_val_if_fail (FITA_IS_MERGE_DIALOG (self), NULL);

  return self->merge;
}

/* Merging */

gboolean
fita_merge_dialog_apply (FitaMergeDialog  *self,
                         GError          **error)
{
  const char *agent;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (FITA_IS_MERGE_DIALOG (self), FALSE);

  if (self->merge == NULL)
    {
      g_set_error_literal (error, FITA_ERROR, FITA_ERROR_INVALID, _("The form has not been read yet."));
      return FALSE;
    }
  if (!fita_merge_apply (self->merge, self->plan, error))
    return FALSE;

  agent = fita_merge_get_agent_name (self->merge);
  /* Translators: %s is the service whose form was merged */
  title = g_strdup_printf (_("Form of %s merged"), agent != NULL ? agent : "");
  if (self->window != NULL)
    {
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      fita_window_add_toast (self->window, toast);
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FitaMergeDialog *self = FITA_MERGE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!fita_merge_dialog_apply (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Form Was Not Merged"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      /* the plan may have changed since: show the form against it as it is */
      if (g_error_matches (error, FITA_ERROR, FITA_ERROR_INVALID) && self->merge != NULL)
        {
          fita_merge_compare (self->merge, self->plan);
          show_merge (self);
        }
    }
}

static void
decide_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FitaMergeDialog *self = FITA_MERGE_DIALOG (widget);
  gboolean take = g_str_equal (g_variant_get_string (param, NULL), "form");

  if (self->merge == NULL)
    return;
  /* each field's "decision" notification brings the dialog up to date */
  fita_merge_decide_conflicts (self->merge, take ? FITA_MERGE_TAKE_FORM : FITA_MERGE_KEEP_PLAN);
}

/* The object */

static void
window_destroyed_cb (FitaMergeDialog *self)
{
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

FitaMergeDialog *
fita_merge_dialog_new (FitaWindow *window)
{
  FitaMergeDialog *self;

  g_return_val_if_fail (FITA_IS_WINDOW (window), NULL);
  g_return_val_if_fail (fita_window_get_plan (window) != NULL, NULL);

  self = g_object_new (FITA_TYPE_MERGE_DIALOG, "transient-for", window, NULL);
  g_signal_connect_object (window, "destroy", G_CALLBACK (window_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->plan = g_object_ref (fita_window_get_plan (window));
  return self;
}

static void
fita_merge_dialog_dispose (GObject *object)
{
  FitaMergeDialog *self = FITA_MERGE_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_MERGE_DIALOG);

  G_OBJECT_CLASS (fita_merge_dialog_parent_class)->dispose (object);
}

static void
fita_merge_dialog_finalize (GObject *object)
{
  FitaMergeDialog *self = FITA_MERGE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->merge);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (fita_merge_dialog_parent_class)->finalize (object);
}

static void
fita_merge_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FitaMergeDialog *self = FITA_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_merge_dialog_class_init (FitaMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_merge_dialog_dispose;
  object_class->finalize = fita_merge_dialog_finalize;
  object_class->get_property = fita_merge_dialog_get_property;

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, why_box);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, why_icon);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, why_label);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, all_box);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, refusals_box);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, refusals_list);
  gtk_widget_class_bind_template_child (widget_class, FitaMergeDialog, items_box);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "merge.decide-all", "s", decide_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fita_merge_dialog_init (FitaMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", FALSE);
}
