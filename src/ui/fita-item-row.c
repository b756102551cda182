#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-row.h"
#include "fita-money.h"
#include "fita-status-badge.h"

struct _FitaItemRow
{
  GtkWidget       parent_instance;

  FitaItemObject *item;

  /* Template widgets */
  GtkLabel        *code_label;
  GtkLabel        *title_label;
  FitaStatusBadge *status_badge;
  GtkProgressBar  *progress_bar;
  GtkLabel        *percent_label;
};

G_DEFINE_FINAL_TYPE (FitaItemRow, fita_item_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
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

static void
fita_item_row_update (FitaItemRow *self)
{
  const char *lang = fita_lang_from_locale ();
  const FitaStatus *status = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *description = NULL;
  FitaItem *item;
  int progress = -1;
  gboolean has_code;

  if (self->item == NULL)
    {
      gtk_label_set_label (self->code_label, NULL);
      gtk_label_set_label (self->title_label, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->status_badge), FALSE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_label (self->percent_label, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  item = fita_item_object_get_item (self->item);
  status = fita_item_object_get_status (self->item);
  progress = fita_item_object_get_progress (self->item);

  has_code = item->code != NULL && item->code[0] != '\0';
  /* Translators: shown in place of the code of an item that has none */
  gtk_label_set_label (self->code_label, has_code ? item->code : C_("item code", "—"));
  set_dim (GTK_WIDGET (self->code_label), !has_code);

  gtk_label_set_label (self->title_label, item->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), item->title);

  if (status != NULL)
    fita_status_badge_set_status (self->status_badge, status->name, status->colour);
  gtk_widget_set_visible (GTK_WIDGET (self->status_badge), status != NULL);

  if (progress >= 0)
    percent = fita_percent_format (progress, lang);
  else
    /* Translators: the progress of an item that has no percent yet */
    percent = g_strdup (C_("progress", "—"));
  gtk_progress_bar_set_fraction (self->progress_bar, MAX (progress, 0) / 100.0);
  /* An empty bar would read as 0 %. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), progress >= 0);
  gtk_label_set_label (self->percent_label, percent);
  set_dim (GTK_WIDGET (self->percent_label), progress < 0);

  description = fita_item_object_describe (self->item, lang);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "itemrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, status_badge);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, percent_label);

  g_type_ensure (FITA_TYPE_STATUS_BADGE);
}

static void
fita_item_row_init (FitaItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      fita_item_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
    }
}
