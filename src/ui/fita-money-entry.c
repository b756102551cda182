/* fita-money-entry.c: an entry for an amount of money in cents. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-money.h"
#include "fita-money-entry.h"
#include "fita-schema.h"

struct _FitaMoneyEntry
{
  GtkEntry  parent_instance;

  gint64    cents;
  char     *shown;       /* the text that shows cents */
  gboolean  invalid;
};

G_DEFINE_FINAL_TYPE (FitaMoneyEntry, fita_money_entry, GTK_TYPE_ENTRY)

enum {
  PROP_0,
  PROP_CENTS,
  N_PROPS
};

enum {
  SIGNAL_COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* No amount shows as an empty entry with "- €" as its placeholder, so that
 * the rare real amounts stand out in a grid. */
static char *
format_cents (gint64 cents)
{
  if (cents == FITA_NONE)
    return g_strdup ("");
  return fita_money_format (cents, fita_lang_from_locale ());
}

static void
set_invalid (FitaMoneyEntry *self,
             const char     *message)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->invalid = message != NULL;
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_cents (FitaMoneyEntry *self)
{
  g_free (self->shown);
  self->shown = format_cents (self->cents);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), self->shown);
  set_invalid (self, NULL);
}

void
fita_money_entry_commit (FitaMoneyEntry *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  gint64 cents;

  g_return_if_fail (FITA_IS_MONEY_ENTRY (self));

  if (!self->invalid && g_strcmp0 (text, self->shown) == 0)
    return;
  if (!fita_money_parse (text, fita_lang_from_locale (), &cents, &error))
    {
      set_invalid (self, error->message);
      return;
    }

  if (cents == self->cents)
    {
      show_cents (self);
      return;
    }
  /* Shown in the house style at once; the plan confirms it through
   * fita_money_entry_set_cents(). */
  self->cents = cents;
  show_cents (self);
  g_signal_emit (self, signals[SIGNAL_COMMITTED], 0, cents);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTS]);
}

static void
focus_leave_cb (FitaMoneyEntry *self)
{
  fita_money_entry_commit (self);
}

static void
fita_money_entry_activate (GtkEntry *entry)
{
  fita_money_entry_commit (FITA_MONEY_ENTRY (entry));
}

static gboolean
key_pressed_cb (FitaMoneyEntry  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape ||
      (!self->invalid && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) == 0))
    return GDK_EVENT_PROPAGATE;
  show_cents (self);
  return GDK_EVENT_STOP;
}

static void
fita_money_entry_finalize (GObject *object)
{
  FitaMoneyEntry *self = FITA_MONEY_ENTRY (object);

  g_free (self->shown);
  G_OBJECT_CLASS (fita_money_entry_parent_class)->finalize (object);
}

static void
fita_money_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FitaMoneyEntry *self = FITA_MONEY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CENTS:
      g_value_set_int64 (value, self->cents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_money_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FitaMoneyEntry *self = FITA_MONEY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CENTS:
      fita_money_entry_set_cents (self, g_value_get_int64 (value), FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_money_entry_class_init (FitaMoneyEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkEntryClass *entry_class = GTK_ENTRY_CLASS (klass);

  object_class->finalize = fita_money_entry_finalize;
  object_class->get_property = fita_money_entry_get_property;
  object_class->set_property = fita_money_entry_set_property;
  entry_class->activate = fita_money_entry_activate;

  properties[PROP_CENTS] =
    g_param_spec_int64 ("cents", NULL, NULL, G_MININT64, G_MAXINT64, FITA_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FitaMoneyEntry::committed:
   * @cents: the amount the person entered, FITA_NONE for none
   *
   * Emitted when the person is done typing an amount that differs from the
   * one shown.
   */
  signals[SIGNAL_COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
fita_money_entry_init (FitaMoneyEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *none = fita_money_format (FITA_NONE, fita_lang_from_locale ());

  self->cents = FITA_NONE;
  self->shown = g_strdup ("");

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_entry_set_placeholder_text (GTK_ENTRY (self), none);
  gtk_entry_set_alignment (GTK_ENTRY (self), 1.0f);
  gtk_editable_set_width_chars (GTK_EDITABLE (self), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self), 13);
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
}

GtkWidget *
fita_money_entry_new (void)
{
  return g_object_new (FITA_TYPE_MONEY_ENTRY, NULL);
}

gint64
fita_money_entry_get_cents (FitaMoneyEntry *self)
{
  g_return_val_if_fail (FITA_IS_MONEY_ENTRY (self), FITA_NONE);

  return self->cents;
}

void
fita_money_entry_set_cents (FitaMoneyEntry *self,
                            gint64          cents,
                            gboolean        force)
{
  gboolean typing;

  g_return_if_fail (FITA_IS_MONEY_ENTRY (self));

  typing = (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) &&
           g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->shown) != 0;

  if (self->cents != cents)
    {
      self->cents = cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTS]);
    }
  /* The person's text stays until they are done with it; it is then
   * compared with this amount. */
  if (force || !(typing || self->invalid))
    show_cents (self);
}

void
fita_money_entry_refuse (FitaMoneyEntry *self,
                         gint64          cents,
                         const char     *message)
{
  g_return_if_fail (FITA_IS_MONEY_ENTRY (self));
  g_return_if_fail (message != NULL);

  if (self->cents != cents)
    {
      self->cents = cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTS]);
    }
  /* What Escape puts back; the refused text stays to be corrected. */
  g_free (self->shown);
  self->shown = format_cents (cents);
  set_invalid (self, message);
}

gboolean
fita_money_entry_is_invalid (FitaMoneyEntry *self)
{
  g_return_val_if_fail (FITA_IS_MONEY_ENTRY (self), FALSE);

  return self->invalid;
}
