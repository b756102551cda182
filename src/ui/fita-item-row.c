#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-row.h"
#include "fita-accessible.h"
#include "fita-status-badge.h"

struct _FitaItemRow
{
  GtkWidget        parent_instance;

  FitaItemObject  *item;
  /* What the template cannot bind: dimmed placeholders and the
   * accessible label. */
  GSignalGroup    *item_signals;

  /* Template widgets */
  GtkLabel        *code_label;
  GtkLabel        *title_label;
  FitaStatusBadge *status_badge;
  GtkProgressBar  *progress_bar;
  GtkLabel        *percent_label;
  GtkLabel        *budget_label;
  GtkWidget       *details_box;
};

G_DEFINE_FINAL_TYPE (FitaItemRow, fita_item_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_MATCH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_dim (GtkWidget *widget,
         gboolean   dim)
{
  if (dim)
    gtk_widget_add_css_class (widget, "dim-label");
  else
    gtk_widget_remove_css_class (widget, "dim-label");
}

static char *
code_or_dash (gpointer    unused,
              const char *code)
{
  /* Translators: shown in place of the code of an item that has none */
  return g_strdup (code != NULL ? code : C_("item code", "—"));
}

static char *
title_or_untitled (gpointer    unused,
                   const char *title)
{
  /* Translators: shown in place of the title of an item that has none */
  return g_strdup (title != NULL ? title : _("Untitled"));
}

static char *
progress_or_dash (gpointer    unused,
                  const char *progress)
{
  /* Translators: the progress of an item that has no percent yet */
  return g_strdup (progress != NULL ? progress : C_("progress", "—"));
}

static void
item_changed_cb (FitaItemRow *self)
{
  const char *description;
  int decimals;

  if (self->item == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  /* As wide as "100 %" with the plan's decimals, so the bars line up. */
  decimals = CLAMP (fita_plan_get_info (fita_item_object_get_plan (self->item))->progress_decimals, 0, 2);
  gtk_label_set_width_chars (self->percent_label, 5 + (decimals > 0 ? decimals + 1 : 0));

  set_dim (GTK_WIDGET (self->code_label), fita_item_object_get_code (self->item) == NULL);
  set_dim (GTK_WIDGET (self->title_label), fita_item_object_get_title (self->item) == NULL);
  set_dim (GTK_WIDGET (self->percent_label), fita_item_object_get_progress_bp (self->item) == FITA_NONE);

  description = fita_item_object_get_description (self->item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description != NULL ? description : "",
                                  -1);
  /* A screen reader reads the list item that holds the focus, around the
   * row: it gets the same name (the expander between is labelled by the
   * row already). */
  fita_accessible_name_list_row (GTK_WIDGET (self), description);
}

static void
fita_item_row_dispose (GObject *object)
{
  FitaItemRow *self = (FitaItemRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_ROW);
  /* The template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (fita_item_row_parent_class)->dispose (object);
}

static void
fita_item_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FitaItemRow *self = FITA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_MATCH:
      g_value_set_boolean (value, fita_item_row_get_match (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FitaItemRow *self = FITA_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      fita_item_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_MATCH:
      fita_item_row_set_match (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_row_class_init (FitaItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_row_dispose;
  object_class->get_property = fita_item_row_get_property;
  object_class->set_property = fita_item_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         FITA_TYPE_ITEM_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Bound to the item's "match" where the row is made (fita-outline-row.ui). */
  properties [PROP_MATCH] =
    g_param_spec_boolean ("match", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "itemrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, percent_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, budget_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, details_box);

  gtk_widget_class_bind_template_callback (widget_class, code_or_dash);
  gtk_widget_class_bind_template_callback (widget_class, title_or_untitled);
  gtk_widget_class_bind_template_callback (widget_class, progress_or_dash);

  g_type_ensure (FITA_TYPE_STATUS_BADGE);
  g_type_ensure (FITA_TYPE_ITEM_OBJECT);
}

static void
fita_item_row_init (FitaItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->item_signals = g_signal_group_new (FITA_TYPE_ITEM_OBJECT);
  g_signal_group_connect_swapped (self->item_signals, "notify::code", G_CALLBACK (item_changed_cb), self);
  g_signal_group_connect_swapped (self->item_signals, "notify::title", G_CALLBACK (item_changed_cb), self);
  g_signal_group_connect_swapped (self->item_signals, "notify::progress-text", G_CALLBACK (item_changed_cb), self);
  g_signal_group_connect_swapped (self->item_signals, "notify::description", G_CALLBACK (item_changed_cb), self);
}

GtkWidget *
fita_item_row_new (void)
{
  return g_object_new (FITA_TYPE_ITEM_ROW, NULL);
}

FitaItemObject *
fita_item_row_get_item (FitaItemRow *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_ROW (self), NULL);

  return self->item;
}

void
fita_item_row_set_item (FitaItemRow    *self,
                        FitaItemObject *item)
{
  g_return_if_fail (FITA_IS_ITEM_ROW (self));
  g_return_if_fail (item == NULL || FITA_IS_ITEM_OBJECT (item));

  if (g_set_object (&self->item, item))
    {
      /* A row made again for another item was not dropped on yet. */
      fita_item_row_set_drop (self, FITA_DROP_NONE);
      g_signal_group_set_target (self->item_signals, item);
      /* The template's bindings follow the item from here. */
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
      item_changed_cb (self);
    }
}

void
fita_item_row_set_match (FitaItemRow *self,
                         gboolean     match)
{
  g_return_if_fail (FITA_IS_ITEM_ROW (self));

  if (!match == !fita_item_row_get_match (self))
    return;

  if (match)
    gtk_widget_add_css_class (GTK_WIDGET (self), "match");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "match");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MATCH]);
}

gboolean
fita_item_row_get_match (FitaItemRow *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_ROW (self), FALSE);

  return gtk_widget_has_css_class (GTK_WIDGET (self), "match");
}

void
fita_item_row_set_drop (FitaItemRow      *self,
                        FitaDropPosition  position)
{
  static const char * const classes[] = { NULL, "drop-before", "drop-into", "drop-after" };

  g_return_if_fail (FITA_IS_ITEM_ROW (self));

  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == (guint)position)
        gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
    }
}
