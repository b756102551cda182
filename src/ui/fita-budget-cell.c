/* fita-budget-cell.c: an amount of the Budget page, shown and typed over. */
#include "config.h"

#include "fita-budget-cell.h"

struct _FitaBudgetCell
{
  GtkWidget    parent_instance;

  GtkWidget   *icon;            /* made when there is a warning */
  GtkWidget   *label;
  GtkWidget   *text;            /* made when editing starts */

  char        *shown;
  char        *edit_text;
  char        *warning;
  char        *note;
  char        *error;
  char        *error_text;      /* what was typed, shown while the error stands */

  guint        column;
  GtkListItem *list_item;       /* not a reference: the factory clears it */
  guint        editable : 1;
  guint        editing : 1;
};

enum { PROP_0, PROP_EDITABLE, N_PROPS };
enum { SIGNAL_COMMIT, SIGNAL_MOVE, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FitaBudgetCell, fita_budget_cell, GTK_TYPE_WIDGET)

static void
update_tooltip (FitaBudgetCell *self)
{
  g_autofree char *tooltip = fita_budget_cell_dup_tooltip (self);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip ? tooltip : "",
                                  -1);
}

static void
update_label (FitaBudgetCell *self)
{
  const char *text = self->error_text ? self->error_text : self->shown;

  gtk_label_set_label (GTK_LABEL (self->label), text ? text : "");
}

static void
set_editing (FitaBudgetCell *self,
             gboolean        editing)
{
  self->editing = editing;
  gtk_widget_set_visible (self->label, !editing);
  if (self->text != NULL)
    gtk_widget_set_visible (self->text, editing);
  if (editing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.cancel", editing);
}

/* Hands the text to the page; TRUE when it was taken. */
static gboolean
commit (FitaBudgetCell *self)
{
  g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text)));
  gboolean saved = FALSE;

  g_signal_emit (self, signals[SIGNAL_COMMIT], 0, typed, &saved);
  if (saved)
    {
      g_clear_pointer (&self->error_text, g_free);
      fita_budget_cell_set_error (self, NULL);
    }
  else if (self->error != NULL)
    {
      g_free (self->error_text);
      self->error_text = g_steal_pointer (&typed);
    }
  return saved;
}

static void
on_text_activate (GtkText        *text,
                  FitaBudgetCell *self)
{
  if (!self->editing)
    return;
  if (commit (self))
    {
      set_editing (self, FALSE);
      update_label (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

static void
on_text_leave (GtkEventControllerFocus *controller,
               FitaBudgetCell          *self)
{
  if (!self->editing)
    return;
  /* focus went elsewhere: keep what can be kept, show what could not */
  commit (self);
  set_editing (self, FALSE);
  update_label (self);
}

static void
ensure_text (FitaBudgetCell *self)
{
  GtkEventController *focus;

  if (self->text != NULL)
    return;
  self->text = gtk_text_new ();
  gtk_widget_set_hexpand (self->text, TRUE);
  gtk_editable_set_alignment (GTK_EDITABLE (self->text), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->text), 4);
  gtk_widget_set_visible (self->text, FALSE);
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
  g_signal_connect (self->text, "activate", G_CALLBACK (on_text_activate), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_text_leave), self);
  gtk_widget_add_controller (self->text, focus);
}

GtkEditable *
fita_budget_cell_start_editing (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), NULL);

  if (!self->editable)
    return NULL;
  ensure_text (self);
  if (!self->editing)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->text),
                             self->error_text ? self->error_text : self->edit_text ? self->edit_text : "");
      set_editing (self, TRUE);
    }
  gtk_widget_grab_focus (self->text);
  gtk_editable_select_region (GTK_EDITABLE (self->text), 0, -1);
  return GTK_EDITABLE (self->text);
}

gboolean
fita_budget_cell_is_editing (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), FALSE);

  return self->editing;
}

void
fita_budget_cell_stop_editing (FitaBudgetCell *self,
                               gboolean        commit_text)
{
  gboolean had_focus;

  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  if (!self->editing)
    return;
  if (commit_text)
    {
      if (commit (self))
        {
          had_focus = gtk_widget_has_focus (self->text);
          set_editing (self, FALSE);
          update_label (self);
          if (had_focus)
            gtk_widget_grab_focus (GTK_WIDGET (self));
        }
      return;
    }
  had_focus = gtk_widget_has_focus (self->text);
  g_clear_pointer (&self->error_text, g_free);
  fita_budget_cell_set_error (self, NULL);
  set_editing (self, FALSE);
  update_label (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Actions and input */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fita_budget_cell_start_editing (FITA_BUDGET_CELL (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  fita_budget_cell_stop_editing (FITA_BUDGET_CELL (widget), FALSE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FitaBudgetCell *self = FITA_BUDGET_CELL (widget);
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  /* like a spreadsheet: moving away commits; a bad amount keeps you here */
  if (self->editing)
    {
      if (!commit (self))
        return;
      set_editing (self, FALSE);
      update_label (self);
    }
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, dx, dy);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FitaBudgetCell        *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkEditable *editable;
  char buffer[8] = { 0 };

  if (self->editing || !self->editable ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (!(g_unichar_isdigit (c) || c == '-' || c == ',' || c == '.'))
    return FALSE;
  /* typing over the amount, as in a spreadsheet */
  editable = fita_budget_cell_start_editing (self);
  g_unichar_to_utf8 (c, buffer);
  gtk_editable_set_text (editable, buffer);
  gtk_editable_set_position (editable, -1);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FitaBudgetCell  *self)
{
  if (self->editing)
    return;
  if (n_press == 2 && self->editable)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      fita_budget_cell_start_editing (self);
      return;
    }
  /* not claimed: the row still gets selected */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* GObject */

static void
fita_budget_cell_dispose (GObject *object)
{
  FitaBudgetCell *self = FITA_BUDGET_CELL (object);

  self->editing = FALSE;
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->text, gtk_widget_unparent);

  G_OBJECT_CLASS (fita_budget_cell_parent_class)->dispose (object);
}

static void
fita_budget_cell_finalize (GObject *object)
{
  FitaBudgetCell *self = FITA_BUDGET_CELL (object);

  g_free (self->shown);
  g_free (self->edit_text);
  g_free (self->warning);
  g_free (self->note);
  g_free (self->error);
  g_free (self->error_text);

  G_OBJECT_CLASS (fita_budget_cell_parent_class)->finalize (object);
}

static void
fita_budget_cell_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FitaBudgetCell *self = FITA_BUDGET_CELL (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_budget_cell_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FitaBudgetCell *self = FITA_BUDGET_CELL (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      fita_budget_cell_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_budget_cell_class_init (FitaBudgetCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_budget_cell_dispose;
  object_class->finalize = fita_budget_cell_finalize;
  object_class->get_property = fita_budget_cell_get_property;
  object_class->set_property = fita_budget_cell_set_property;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FitaBudgetCell::commit:
   * @text: what the person typed
   *
   * Returns: %TRUE when the amount was saved; otherwise the handler set an
   * error and the text stays for the person to fix.
   */
  signals[SIGNAL_COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  /* Keyboard: go to the cell dx columns and dy rows away. */
  signals[SIGNAL_MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "cell.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "cell.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "cell.move", "(ii)", move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "cell.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "cell.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "cell.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "cell.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "cell.move", "(ii)", 1, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "budgetcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
}

static void
fita_budget_cell_init (FitaBudgetCell *self)
{
  GtkEventController *key;
  GtkGesture *click;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 1.0);
  gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.cancel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.edit", FALSE);
}

GtkWidget *
fita_budget_cell_new (void)
{
  return g_object_new (FITA_TYPE_BUDGET_CELL, NULL);
}

void
fita_budget_cell_set_column (FitaBudgetCell *self,
                             guint           column)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  self->column = column;
}

guint
fita_budget_cell_get_column (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), 0);

  return self->column;
}

void
fita_budget_cell_set_list_item (FitaBudgetCell *self,
                                GtkListItem    *list_item)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  if (self->list_item == list_item)
    return;
  /* a recycled cell starts afresh */
  if (self->editing)
    {
      self->editing = FALSE;
      set_editing (self, FALSE);
    }
  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->error, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  self->list_item = list_item;
}

GtkListItem *
fita_budget_cell_get_list_item (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), NULL);

  return self->list_item;
}

void
fita_budget_cell_set_text (FitaBudgetCell *self,
                           const char     *text,
                           const char     *edit_text)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  if (g_strcmp0 (self->shown, text) != 0)
    {
      g_free (self->shown);
      self->shown = g_strdup (text);
      update_label (self);
    }
  if (g_strcmp0 (self->edit_text, edit_text) != 0)
    {
      g_free (self->edit_text);
      self->edit_text = g_strdup (edit_text);
    }
}

const char *
fita_budget_cell_get_text (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

void
fita_budget_cell_set_editable (FitaBudgetCell *self,
                               gboolean        editable)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  if (!editable && self->editing)
    {
      self->editing = FALSE;
      set_editing (self, FALSE);
    }
  if (editable)
    gtk_widget_add_css_class (GTK_WIDGET (self), "editable");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "editable");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cell.edit", editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, !editable,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
fita_budget_cell_get_editable (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), FALSE);

  return self->editable;
}

void
fita_budget_cell_set_warning (FitaBudgetCell *self,
                              const char     *reason)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  if (g_strcmp0 (self->warning, reason) == 0)
    return;
  g_free (self->warning);
  self->warning = g_strdup (reason);
  if (reason != NULL && self->icon == NULL)
    {
      /* right next to the amount, which stays right-aligned */
      self->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (self->icon, "warning-icon");
      gtk_widget_set_hexpand (self->icon, TRUE);
      gtk_widget_set_halign (self->icon, GTK_ALIGN_END);
      gtk_widget_insert_after (self->icon, GTK_WIDGET (self), NULL);
    }
  if (self->icon != NULL)
    gtk_widget_set_visible (self->icon, reason != NULL);
  gtk_widget_set_hexpand (self->label, reason == NULL);
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
  update_tooltip (self);
}

const char *
fita_budget_cell_get_warning (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), NULL);

  return self->warning;
}

void
fita_budget_cell_set_note (FitaBudgetCell *self,
                           const char     *note)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  update_tooltip (self);
}

void
fita_budget_cell_set_error (FitaBudgetCell *self,
                            const char     *message)
{
  g_return_if_fail (FITA_IS_BUDGET_CELL (self));

  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      g_clear_pointer (&self->error_text, g_free);
      update_label (self);
    }
  update_tooltip (self);
}

const char *
fita_budget_cell_get_error (FitaBudgetCell *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), NULL);

  return self->error;
}

char *
fita_budget_cell_dup_tooltip (FitaBudgetCell *self)
{
  GPtrArray *parts;
  g_autofree char **strv = NULL;

  g_return_val_if_fail (FITA_IS_BUDGET_CELL (self), NULL);

  parts = g_ptr_array_new ();
  if (self->error != NULL)
    g_ptr_array_add (parts, self->error);
  if (self->warning != NULL)
    g_ptr_array_add (parts, self->warning);
  if (self->note != NULL)
    g_ptr_array_add (parts, self->note);
  if (parts->len == 0)
    {
      g_ptr_array_unref (parts);
      return NULL;
    }
  g_ptr_array_add (parts, NULL);
  strv = (char **) g_ptr_array_free (parts, FALSE);
  return g_strjoinv ("\n", strv);
}
