#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-row.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-status-badge.h"

struct _FitaItemRow
{
  GtkWidget        parent_instance;

  FitaItemObject  *item;

  /* Template widgets */
  GtkLabel        *code_label;
  GtkLabel        *title_label;
  FitaStatusBadge *status_badge;
  GtkProgressBar  *progress_bar;
  GtkLabel        *percent_label;
  GtkLabel        *budget_label;
  GtkWidget       *details_box;

  /* What the last full update found, for the accessible label when only
   * the code or title change. */
  char            *status_name;
  char            *percent;
  char            *description;
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

/* Setting a label or a tooltip to what it already says still costs a
 * relayout; after an edit most rows say the same as before. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_budget (FitaItemRow *self,
               const char  *lang)
{
  g_autofree char *rate_text = NULL;
  g_autofree char *executed = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  FitaBudgetSum sum;
  gint64 rate;

  fita_item_object_get_budget (self->item, &sum);
  /* An item with an amount but no rate (nothing executed known yet, or
   * nothing planned) says so: "€ —", never "€ 0,00 %". */
  gtk_widget_set_visible (GTK_WIDGET (self->budget_label),
                          sum.planned != FITA_NONE || sum.executed != FITA_NONE);
  if (sum.planned == FITA_NONE && sum.executed == FITA_NONE)
    return;

  rate = fita_rate_bp (sum.executed, sum.planned);
  rate_text = fita_percent_format_bp (rate, lang);
  executed = fita_money_format (sum.executed, lang);
  planned = fita_money_format (sum.planned, lang);
  /* Translators: the share of an item's budget that was spent, in a row
   * of the outline: "€ 10,19 %". Put %s where your language wants it. */
  label = g_strdup_printf (C_("budget execution rate, short", "€ %s"), rate_text);
  if (sum.executed == FITA_NONE)
    /* Translators: tooltip of the budget figure in a row of the outline,
     * for an item with an amount planned and no amount executed yet */
    tooltip = g_strdup_printf (_("Budget planned: %s; no amount executed yet, so no execution rate"), planned);
  else if (rate == FITA_NONE)
    /* Translators: tooltip of the budget figure in a row of the outline,
     * for an item with an amount executed and nothing planned */
    tooltip = g_strdup_printf (_("Budget executed: %s; nothing planned, so no execution rate"), executed);
  else
    /* Translators: tooltip of the budget figure in a row of the outline:
     * "Budget executed: 12.223,69 € of 120.000,00 € (10,19 %)" */
    tooltip = g_strdup_printf (_("Budget executed: %s of %s (%s)"), executed, planned, rate_text);
  set_label (self->budget_label, label);
  set_tooltip (GTK_WIDGET (self->budget_label), tooltip);
}

static void
update_text (FitaItemRow *self,
             FitaItem    *item)
{
  g_autofree char *description = NULL;
  gboolean has_code = item->code != NULL && item->code[0] != '\0';

  /* Translators: shown in place of the code of an item that has none */
  set_label (self->code_label, has_code ? item->code : C_("item code", "—"));
  set_dim (GTK_WIDGET (self->code_label), !has_code);

  if (item->title != NULL && item->title[0] != '\0')
    {
      set_label (self->title_label, item->title);
      set_dim (GTK_WIDGET (self->title_label), FALSE);
    }
  else
    {
      /* Translators: shown in place of the title of an item that has none */
      set_label (self->title_label, _("Untitled"));
      set_dim (GTK_WIDGET (self->title_label), TRUE);
    }
  set_tooltip (GTK_WIDGET (self->title_label), item->title);

  description = fita_item_describe (item->code, item->title, self->status_name, self->percent);
  if (g_strcmp0 (description, self->description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      g_free (self->description);
      self->description = g_steal_pointer (&description);
    }
}

void
fita_item_row_update_text (FitaItemRow *self)
{
  FitaItem *item;

  g_return_if_fail (FITA_IS_ITEM_ROW (self));

  item = self->item != NULL ? fita_item_object_get_item (self->item) : NULL;
  if (item != NULL)
    update_text (self, item);
}

void
fita_item_row_update (FitaItemRow *self)
{
  const char *lang = fita_lang_from_locale ();
  const FitaStatus *status = NULL;
  FitaItem *item;
  gint64 progress;
  int decimals;

  g_return_if_fail (FITA_IS_ITEM_ROW (self));

  item = self->item != NULL ? fita_item_object_get_item (self->item) : NULL;
  if (item == NULL)
    {
      gtk_label_set_label (self->code_label, NULL);
      gtk_label_set_label (self->title_label, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->status_badge), FALSE);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      gtk_label_set_label (self->percent_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->budget_label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_clear_pointer (&self->description, g_free);
      return;
    }

  status = fita_item_object_get_status (self->item);
  progress = fita_item_object_get_progress_bp (self->item);

  if (status != NULL)
    fita_status_badge_set_status (self->status_badge, status->name, status->colour);
  gtk_widget_set_visible (GTK_WIDGET (self->status_badge), status != NULL);

  g_free (self->status_name);
  self->status_name = status != NULL ? g_strdup (status->name) : NULL;
  g_clear_pointer (&self->percent, g_free);
  self->percent = fita_item_object_format_progress (self->item, lang);

  /* As wide as "100 %" with the plan's decimals, so the bars line up. */
  decimals = CLAMP (fita_plan_get_info (fita_item_object_get_plan (self->item))->progress_decimals, 0, 2);
  gtk_label_set_width_chars (self->percent_label, 5 + (decimals > 0 ? decimals + 1 : 0));
  /* Translators: the progress of an item that has no percent yet */
  set_label (self->percent_label, self->percent != NULL ? self->percent : C_("progress", "—"));
  gtk_progress_bar_set_fraction (self->progress_bar, progress != FITA_NONE ? progress / 10000.0 : 0.0);
  /* An empty bar would read as 0 %. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), progress != FITA_NONE);
  set_dim (GTK_WIDGET (self->percent_label), progress == FITA_NONE);

  update_budget (self, lang);
  /* An item with nothing to follow up yet takes one line. */
  gtk_widget_set_visible (self->details_box,
                          status != NULL || progress != FITA_NONE ||
                          gtk_widget_get_visible (GTK_WIDGET (self->budget_label)));

  update_text (self, item);
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
  g_clear_pointer (&self->status_name, g_free);
  g_clear_pointer (&self->percent, g_free);
  g_clear_pointer (&self->description, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, budget_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemRow, details_box);

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

void
fita_item_row_set_match (FitaItemRow *self,
                         gboolean     match)
{
  g_return_if_fail (FITA_IS_ITEM_ROW (self));

  if (match)
    gtk_widget_add_css_class (GTK_WIDGET (self), "match");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "match");
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
