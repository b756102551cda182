/* fita-item-editor-number.c: a number that may be "none". */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fita-item-editor-number.h"
#include "fita-field.h"
#include "fita-money.h"
#include "fita-schema.h"

/* A run of clicks or a drag of the slider becomes one change, saved when
 * the person pauses. */
#define SETTLE_MS 600

struct _FitaItemEditorNumber
{
  GtkWidget      parent_instance;

  GtkWidget     *scale;
  GtkWidget     *spin;
  GtkWidget     *unit;
  GtkWidget     *clear_button;
  GtkAdjustment *adjustment;

  gint64         value;        /* as the plan holds it */
  gint64         fallback;     /* shown for none */
  gboolean       allow_none;
  gboolean       hundredths;   /* the plan holds hundredths; shown with decimals */
  gboolean       none;         /* showing (or asked for) no value */
  gboolean       pending;      /* the person changed it, not yet saved */
  guint          updating;
  guint          settle_id;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorNumber, fita_item_editor_number, GTK_TYPE_WIDGET)

/* Translators: shown in a number field that has no value yet */
#define NO_VALUE C_("no value", "—")

static void
update_clear_button (FitaItemEditorNumber *self)
{
  gtk_widget_set_sensitive (self->clear_button, self->allow_none && !self->none);
}

/* The shown value as the plan holds it. */
static gint64
adjustment_value (FitaItemEditorNumber *self)
{
  double value = gtk_adjustment_get_value (self->adjustment);

  return self->hundredths ? (gint64) floor (value * 100 + 0.5) : (gint64) value;
}

static void
set_adjustment_value (FitaItemEditorNumber *self,
                      gint64                value)
{
  gtk_adjustment_set_value (self->adjustment, self->hundredths ? value / 100.0 : (double) value);
}

static void
show_text (FitaItemEditorNumber *self)
{
  g_autofree char *text = NULL;

  if (self->none)
    text = g_strdup (NO_VALUE);
  else if (self->hundredths)
    /* "88,3" as the person writes it: only the decimals it has */
    text = fita_hundredths_format (adjustment_value (self), -1, fita_lang_from_locale ());
  else
    text = g_strdup_printf ("%d", (int) gtk_adjustment_get_value (self->adjustment));
  self->updating++;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->spin), text);
  self->updating--;
  update_clear_button (self);
}

void
fita_item_editor_number_flush (FitaItemEditorNumber *self)
{
  gint64 value;

  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (!self->pending)
    return;
  /* Reads what was typed; may come back through value_changed_cb. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->spin));
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->pending = FALSE;

  value = self->none ? FITA_NONE : adjustment_value (self);
  show_text (self);
  if (value == self->value)
    return;
  self->value = value;
  if (fita_field_is_bound (GTK_WIDGET (self)))
    fita_field_commit (GTK_WIDGET (self));
}

static gboolean
settle_cb (gpointer data)
{
  FitaItemEditorNumber *self = data;

  self->settle_id = 0;
  fita_item_editor_number_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_flush (FitaItemEditorNumber *self)
{
  self->pending = TRUE;
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
value_changed_cb (FitaItemEditorNumber *self)
{
  if (self->updating)
    return;
  self->none = FALSE;
  update_clear_button (self);
  schedule_flush (self);
}

static void
text_changed_cb (FitaItemEditorNumber *self)
{
  if (self->updating)
    return;
  /* Typing: saved on Enter or when the focus leaves. */
  self->pending = TRUE;
}

static int
input_cb (GtkSpinButton        *spin,
          double               *new_value,
          FitaItemEditorNumber *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (*text != '\0' && g_strcmp0 (text, NO_VALUE) != 0)
    {
      gint64 hundredths;

      if (!self->hundredths)
        return FALSE;
      /* "88,3" or "88.3", whatever the language: the spin button's own
       * reading knows only the C locale's point. */
      if (!fita_percent_parse_hundredths (text, &hundredths, NULL))
        return GTK_INPUT_ERROR;
      self->none = FALSE;
      *new_value = hundredths / 100.0;
      return TRUE;
    }
  /* An empty field means no value, where that is allowed. */
  if (self->allow_none)
    self->none = TRUE;
  *new_value = gtk_adjustment_get_value (self->adjustment);
  return TRUE;
}

static gboolean
output_cb (GtkSpinButton        *spin,
           FitaItemEditorNumber *self)
{
  if (!self->none && !self->hundredths)
    return FALSE;
  show_text (self);
  return TRUE;
}

static void
clear_clicked_cb (FitaItemEditorNumber *self)
{
  self->none = TRUE;
  self->pending = TRUE;
  show_text (self);
  fita_item_editor_number_flush (self);
}

static void
fita_item_editor_number_dispose (GObject *object)
{
  FitaItemEditorNumber *self = FITA_ITEM_EDITOR_NUMBER (object);
  GtkWidget *child;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->scale = self->spin = self->unit = self->clear_button = NULL;
  G_OBJECT_CLASS (fita_item_editor_number_parent_class)->dispose (object);
}

static void
fita_item_editor_number_class_init (FitaItemEditorNumberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_number_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "numberfield");
}

static void
fita_item_editor_number_init (FitaItemEditorNumber *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->value = FITA_NONE;
  self->none = TRUE;
}

static void
focus_leave_cb (FitaItemEditorNumber *self)
{
  fita_item_editor_number_flush (self);
}

GtkWidget *
fita_item_editor_number_new (int      lower,
                             int      upper,
                             gboolean allow_none,
                             gboolean with_scale)
{
  FitaItemEditorNumber *self = g_object_new (FITA_TYPE_ITEM_EDITOR_NUMBER, NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  int digits = 1;

  for (int n = MAX (ABS (lower), ABS (upper)); n >= 10; n /= 10)
    digits++;

  self->allow_none = allow_none;
  self->adjustment = gtk_adjustment_new (lower, lower, upper, 1, 10, 0);
  /* Before the spin button's own handler, which shows the new value: by
   * then it must no longer be "none". */
  g_signal_connect_swapped (self->adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);

  if (with_scale)
    {
      self->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->adjustment);
      gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
      gtk_widget_set_hexpand (self->scale, TRUE);
      gtk_widget_set_valign (self->scale, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (self->scale, 120, -1);
      gtk_widget_set_parent (self->scale, GTK_WIDGET (self));
    }

  self->spin = gtk_spin_button_new (self->adjustment, 1, 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spin), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (self->spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), digits + 1);
  gtk_widget_set_valign (self->spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->spin, "numeric");
  gtk_widget_set_parent (self->spin, GTK_WIDGET (self));
  g_signal_connect (self->spin, "input", G_CALLBACK (input_cb), self);
  g_signal_connect (self->spin, "output", G_CALLBACK (output_cb), self);
  g_signal_connect_swapped (self->spin, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->spin)), "activate",
                            G_CALLBACK (fita_item_editor_number_flush), self);

  self->unit = gtk_label_new (NULL);
  gtk_widget_set_visible (self->unit, FALSE);
  gtk_widget_add_css_class (self->unit, "dim-label");
  gtk_widget_set_parent (self->unit, GTK_WIDGET (self));

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_visible (self->clear_button, allow_none);
  gtk_widget_set_parent (self->clear_button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  show_text (self);
  return GTK_WIDGET (self);
}

void
fita_item_editor_number_set_label (FitaItemEditorNumber *self,
                                   const char           *label)
{
  g_autofree char *clear = NULL;

  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (self->scale != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  /* Translators: the tooltip of the button that empties a number field,
   * e.g. "Clear Progress" */
  clear = g_strdup_printf (_("Clear %s"), label);
  gtk_widget_set_tooltip_text (self->clear_button, clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, clear,
                                  -1);
}

void
fita_item_editor_number_set_unit (FitaItemEditorNumber *self,
                                  const char           *unit)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  gtk_label_set_label (GTK_LABEL (self->unit), unit);
  gtk_widget_set_visible (self->unit, unit != NULL);
}

void
fita_item_editor_number_set_value (FitaItemEditorNumber *self,
                                   gint64                value,
                                   gint64                fallback,
                                   gboolean              force)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  /* A number that cannot be none shows its fallback for none. */
  if (value == FITA_NONE && !self->allow_none)
    value = fallback;
  self->value = value;
  if (self->pending && !force)
    return;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->pending = FALSE;
  self->none = value == FITA_NONE;
  self->updating++;
  set_adjustment_value (self, self->none ? fallback : value);
  self->updating--;
  show_text (self);
}

gint64
fita_item_editor_number_get_value (FitaItemEditorNumber *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self), FITA_NONE);

  return self->value;
}

void
fita_item_editor_number_set_hundredths (FitaItemEditorNumber *self,
                                        gboolean              hundredths)
{
  int upper;

  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  self->hundredths = !!hundredths;
  upper = (int) MAX (ABS (gtk_adjustment_get_lower (self->adjustment)),
                     ABS (gtk_adjustment_get_upper (self->adjustment)));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (self->spin), hundredths ? 2 : 0);
  /* "100,00" */
  gtk_editable_set_width_chars (GTK_EDITABLE (self->spin),
                                (upper >= 100 ? 3 : upper >= 10 ? 2 : 1) + (hundredths ? 4 : 1));
  /* The slider moves by whole units; decimals are typed. */
  if (self->scale != NULL)
    gtk_range_set_round_digits (GTK_RANGE (self->scale), 0);
  show_text (self);
}

GtkSpinButton *
fita_item_editor_number_get_spin (FitaItemEditorNumber *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self), NULL);

  return GTK_SPIN_BUTTON (self->spin);
}

GtkWidget *
fita_item_editor_number_get_clear_button (FitaItemEditorNumber *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self), NULL);

  return self->clear_button;
}

static gint64
bound_value (GtkWidget *widget)
{
  return fita_item_editor_number_get_value (FITA_ITEM_EDITOR_NUMBER (widget));
}

static void
show_bound_value (GtkWidget *widget,
                  gint64     value,
                  gboolean   force)
{
  FitaItemEditorNumber *self = FITA_ITEM_EDITOR_NUMBER (widget);

  fita_item_editor_number_set_value (self, value, self->fallback, force);
}

void
fita_item_editor_number_bind (FitaItemEditorNumber *self,
                              FitaPlan             *plan,
                              FitaTableId           table,
                              gint64                id,
                              const char           *field,
                              const char           *undo_label)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  fita_field_bind_int (GTK_WIDGET (self), plan, table, id, field, undo_label,
                       bound_value, show_bound_value);
}

void
fita_item_editor_number_set_fallback (FitaItemEditorNumber *self,
                                      gint64                fallback)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_NUMBER (self));

  self->fallback = fallback;
}
