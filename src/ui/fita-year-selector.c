/* fita-year-selector.c: see fita-year-selector.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-year-selector.h"
#include "fita-years.h"

struct _FitaYearSelector
{
  AdwBin         parent_instance;

  GtkDropDown   *drop_down;
  GtkStringList *labels;
  /* The year of each entry of the drop-down: 0 for the year followed up,
   * then the closed years, the latest first. */
  GArray        *years;

  FitaPlan      *plan;
  GSignalGroup  *plan_signals;
  int            year;
  /* Set while the list is made again: the drop-down's selection moves
   * then, but the year chosen does not. */
  gboolean       refilling;
};

G_DEFINE_FINAL_TYPE (FitaYearSelector, fita_year_selector, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint
position_of (FitaYearSelector *self,
             int               year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static char *
followed_label (FitaPlan *plan)
{
  gint64 followed = fita_plan_get_info (plan)->followed_year;

  if (followed == FITA_NONE)
    /* Translators: in the year drop-down, the plan as it is now when it
     * follows up no year in particular */
    return g_strdup (_("Current figures"));
  /* Translators: in the year drop-down of the header bar: the year whose
   * figures are being entered, "2025 · followed up" */
  return g_strdup_printf (_("%d · followed up"), (int) followed);
}

static gboolean
same_labels (GtkStringList      *list,
             const char * const *labels)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != g_strv_length ((char **) labels))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), labels[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The list, from the plan's closures; the year chosen stays chosen while
 * it is closed, and goes back to the year followed up when it is not. */
static void
refill (FitaYearSelector *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint position;

  g_array_set_size (self->years, 0);
  if (self->plan != NULL)
    {
      g_autoptr(GArray) closed = fita_plan_get_closed_years (self->plan);
      int followed = 0;

      g_array_append_val (self->years, followed);
      g_ptr_array_add (labels, followed_label (self->plan));
      for (guint i = closed->len; i > 0; i--)
        {
          int year = (int) g_array_index (closed, gint64, i - 1);

          g_array_append_val (self->years, year);
          /* Translators: in the year drop-down of the header bar: a year
           * closed, whose figures can no longer change, "2024 · closed" */
          g_ptr_array_add (labels, g_strdup_printf (_("%d · closed"), year));
        }
    }
  g_ptr_array_add (labels, NULL);

  self->refilling = TRUE;
  /* Most changes leave the years as they were: the button then stays. */
  if (!same_labels (self->labels, (const char * const *) labels->pdata))
    gtk_string_list_splice (self->labels, 0,
                            g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                            (const char * const *) labels->pdata);
  position = position_of (self, self->year);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  gtk_drop_down_set_selected (self->drop_down, self->years->len > 0 ? position : GTK_INVALID_LIST_POSITION);
  self->refilling = FALSE;

  /* Shown once there is a closed year to choose: until then the header
   * bar keeps its room for the view switcher. */
  gtk_widget_set_visible (GTK_WIDGET (self), self->years->len > 1);

  if (self->year != 0 && position_of (self, self->year) == GTK_INVALID_LIST_POSITION)
    {
      self->year = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
    }
}

static void
plan_changed_cb (FitaYearSelector  *self,
                 const FitaChanges *changes,
                 FitaPlan          *plan)
{
  if (fita_changes_touches (changes, FITA_TABLE_YEAR_CLOSURE) ||
      fita_changes_touches (changes, FITA_TABLE_PLAN))
    refill (self);
}

static void
selected_cb (FitaYearSelector *self)
{
  guint position = gtk_drop_down_get_selected (self->drop_down);

  if (self->refilling || position >= self->years->len)
    return;
  fita_year_selector_set_year (self, g_array_index (self->years, int, position));
}

/* The button shows the year only, with a lock for a closed year, so that
 * the view switcher keeps its room in the header bar; the list says what
 * each year is. */
static void
setup_button_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_button_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                FitaYearSelector         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  guint position = gtk_list_item_get_position (list_item);
  int year = position < self->years->len ? g_array_index (self->years, int, position) : 0;
  gint64 followed = self->plan != NULL ? fita_plan_get_info (self->plan)->followed_year : FITA_NONE;
  g_autofree char *text = NULL;

  if (year != 0)
    text = g_strdup_printf ("%d", year);
  else if (followed != FITA_NONE)
    text = g_strdup_printf ("%d", (int) followed);
  else
    text = g_strdup (gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_visible (icon, year != 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (list_item)));
}

static void
fita_year_selector_dispose (GObject *object)
{
  FitaYearSelector *self = FITA_YEAR_SELECTOR (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  /* The bin's child is a template child: unparented once, by the bin. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_YEAR_SELECTOR);
  g_clear_object (&self->plan);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (fita_year_selector_parent_class)->dispose (object);
}

static void
fita_year_selector_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FitaYearSelector *self = FITA_YEAR_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_year_selector_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FitaYearSelector *self = FITA_YEAR_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_year_selector_set_plan (self, g_value_get_object (value));
      break;

    case PROP_YEAR:
      fita_year_selector_set_year (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_year_selector_class_init (FitaYearSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_year_selector_dispose;
  object_class->get_property = fita_year_selector_get_property;
  object_class->set_property = fita_year_selector_set_property;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-year-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaYearSelector, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
fita_year_selector_init (FitaYearSelector *self)
{
  GtkListItemFactory *factory;

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_button_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_button_cb), self, 0);
  gtk_drop_down_set_factory (self->drop_down, factory);
  g_object_unref (factory);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_drop_down_set_list_factory (self->drop_down, factory);
  g_object_unref (factory);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->labels));

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "changed", G_CALLBACK (plan_changed_cb), self);
  refill (self);
}

FitaPlan *
fita_year_selector_get_plan (FitaYearSelector *self)
{
  g_return_val_if_fail (FITA_IS_YEAR_SELECTOR (self), NULL);

  return self->plan;
}

void
fita_year_selector_set_plan (FitaYearSelector *self,
                             FitaPlan         *plan)
{
  g_return_if_fail (FITA_IS_YEAR_SELECTOR (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);
  /* Another plan starts on its year followed up. */
  if (self->year != 0)
    {
      self->year = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
    }
  refill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAN]);
}

int
fita_year_selector_get_year (FitaYearSelector *self)
{
  g_return_val_if_fail (FITA_IS_YEAR_SELECTOR (self), 0);

  return self->year;
}

void
fita_year_selector_set_year (FitaYearSelector *self,
                             int               year)
{
  guint position;

  g_return_if_fail (FITA_IS_YEAR_SELECTOR (self));

  position = position_of (self, year);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      year = 0;
      position = position_of (self, 0);
    }
  if (position != GTK_INVALID_LIST_POSITION && gtk_drop_down_get_selected (self->drop_down) != position)
    {
      self->refilling = TRUE;
      gtk_drop_down_set_selected (self->drop_down, position);
      self->refilling = FALSE;
    }
  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_YEAR]);
}

GStrv
fita_year_selector_list (FitaYearSelector *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (FITA_IS_YEAR_SELECTOR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, gtk_string_list_get_string (self->labels, i));
  return g_strv_builder_end (builder);
}

void
fita_year_selector_popup (FitaYearSelector *self)
{
  GtkWidget *button;

  g_return_if_fail (FITA_IS_YEAR_SELECTOR (self));

  if (!gtk_widget_is_visible (GTK_WIDGET (self)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->drop_down));
  /* GTK 4.8's drop-down opens its list from its toggle button (it has no
   * call of its own for it until 4.18). */
  button = gtk_widget_get_first_child (GTK_WIDGET (self->drop_down));
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
}
