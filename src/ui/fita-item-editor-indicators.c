/* fita-item-editor-indicators.c: result and impact indicators of an item. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-item-editor-fields.h"
#include "fita-item-editor-indicators.h"

struct _FitaItemEditorIndicators
{
  GtkWidget   parent_instance;

  FitaPlan   *plan;
  gint64      item_id;
  int         year;
  gint64      focus_id;        /* an indicator just added */
  guint       updating;

  /* Template widgets */
  GtkWidget  *result_group;
  GtkWidget  *result_list;
  GtkWidget  *impact_group;
  GtkWidget  *impact_list;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorIndicators, fita_item_editor_indicators, GTK_TYPE_WIDGET)

static FitaItem *
current_item (FitaItemEditorIndicators *self)
{
  if (self->plan == NULL || self->item_id == 0)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id);
}

static FitaIndicator *
row_indicator (FitaItemEditorIndicators *self,
               GtkWidget                *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  if (row == NULL || self->plan == NULL)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_INDICATOR, fita_row_get_id (row));
}

static gboolean
save (FitaItemEditorIndicators *self,
      GtkWidget                *field,
      gboolean                  ok,
      GError                   *error)
{
  if (ok)
    return TRUE;
  fita_item_editor_report_error (GTK_WIDGET (field != NULL ? field : GTK_WIDGET (self)), error);
  return FALSE;
}

/* Officers write "12,5"; the plan keeps decimal numbers with a point. */
static char *
normalise_number (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (strchr (copy, ',') != NULL && strchr (copy, '.') == NULL && strchr (copy, ',') == strrchr (copy, ','))
    *strchr (copy, ',') = '.';
  return copy;
}

/* The value in the follow-up year, or its observations. */
static const char *
read_value (GtkWidget *field,
            gpointer   user_data)
{
  FitaItemEditorIndicators *self = user_data;
  FitaIndicator *indicator = row_indicator (self, field);
  FitaIndicatorValue *cell = indicator ? fita_plan_find_indicator_value (self->plan, indicator->rec.id, self->year) : NULL;

  if (cell == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (field), "observations") != NULL ? cell->observations : cell->value;
}

static gboolean
write_value (GtkWidget   *field,
             const char  *text,
             GError     **error,
             gpointer     user_data)
{
  FitaItemEditorIndicators *self = user_data;
  FitaIndicator *indicator = row_indicator (self, field);
  g_autofree char *value = NULL;
  FitaIndicatorValue *cell;

  if (indicator == NULL)
    return TRUE;
  cell = fita_plan_find_indicator_value (self->plan, indicator->rec.id, self->year);
  if (g_object_get_data (G_OBJECT (field), "observations") != NULL)
    return fita_plan_set_indicator_value (self->plan, indicator->rec.id, self->year,
                                          cell ? cell->value : NULL, text, error);
  value = normalise_number (text);
  return fita_plan_set_indicator_value (self->plan, indicator->rec.id, self->year,
                                        value, cell ? cell->observations : NULL, error);
}

static void
pending_cb (GtkSwitch                *toggle,
            GParamSpec               *pspec,
            FitaItemEditorIndicators *self)
{
  FitaIndicator *indicator = row_indicator (self, GTK_WIDGET (toggle));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || indicator == NULL || indicator->pending == gtk_switch_get_active (toggle))
    return;
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Edit Indicator"));
  fita_plan_set_int (self->plan, indicator, "pending", gtk_switch_get_active (toggle), NULL);
  ok = fita_plan_end (self->plan, &error);
  save (self, NULL, ok, error);
}

static void
remove_clicked_cb (GtkButton                *button,
                   FitaItemEditorIndicators *self)
{
  FitaIndicator *indicator = row_indicator (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (indicator == NULL)
    return;
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Remove Indicator"));
  fita_plan_delete (self->plan, indicator, NULL);
  ok = fita_plan_end (self->plan, &error);
  save (self, NULL, ok, error);
}

static GtkWidget *
entry_row_new (GtkWidget   *expander,
               const char  *title,
               const char  *field,
               gboolean     value_field,
               gpointer     user_data)
{
  GtkWidget *row = adw_entry_row_new ();

  g_autofree char *name = g_strconcat ("indicator-", field, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, name);
  if (value_field)
    fita_field_bind_custom (row, FITA_FIELD_EDITOR_LINE, read_value, write_value, user_data);
  else
    /* Translators: the name of an action that can be undone */
    fita_field_bind (row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_INDICATOR, 0, field, _("Edit Indicator"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static GtkWidget *
make_row (gpointer record,
          gpointer user_data)
{
  FitaItemEditorIndicators *self = user_data;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *row, *toggle, *button;

  self->updating++;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);

  g_object_set_data (G_OBJECT (expander), "name", entry_row_new (expander, _("Name"), "name", FALSE, self));
  /* Translators: the unit an indicator is counted in ("sessions", "%") */
  g_object_set_data (G_OBJECT (expander), "unit", entry_row_new (expander, _("Unit"), "unit", FALSE, self));
  /* Translators: the value an indicator aims at */
  g_object_set_data (G_OBJECT (expander), "target", entry_row_new (expander, _("Target"), "target", FALSE, self));

  /* The follow-up year's value (titled in update_row), then the others. */
  g_object_set_data (G_OBJECT (expander), "value", entry_row_new (expander, NULL, "value", TRUE, self));
  row = entry_row_new (expander, NULL, "value", TRUE, self);
  gtk_widget_set_name (row, "indicator-value-observations");
  /* Set before any value is read into it. */
  g_object_set_data (G_OBJECT (row), "observations", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (expander), "value-observations", row);

  row = adw_action_row_new ();
  /* Translators: the values an indicator took in the other years */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Other years"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_focusable (row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), "others", row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Pending evaluation"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not evaluated yet"));
  gtk_widget_set_focusable (row, FALSE);
  toggle = gtk_switch_new ();
  gtk_widget_set_name (toggle, "indicator-pending");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pending evaluation"),
                                  -1);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (pending_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), "pending", toggle);

  g_object_set_data (G_OBJECT (expander), "observations",
                     entry_row_new (expander, _("Observations"), "observations", FALSE, self));

  row = adw_action_row_new ();
  gtk_widget_set_focusable (row, FALSE);
  button = gtk_button_new_with_label (_("Remove Indicator"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), "remove", button);

  self->updating--;
  return expander;
}

static char *
describe_values (FitaItemEditorIndicators *self,
                 FitaIndicator            *indicator)
{
  GPtrArray *values = fita_plan_list (self->plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      FitaIndicatorValue *value = g_ptr_array_index (values, i);

      if (value->year == self->year)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: one year's value of an indicator: "2023: 4" */
      g_string_append_printf (text, _("%d: %s"), (int) value->year, value->value ? value->value : C_("no value", "—"));
      if (value->observations != NULL)
        g_string_append_printf (text, " (%s)", value->observations);
    }
  return g_string_free (text, text->len == 0);
}

static void
update_row (GtkWidget *expander,
            gpointer   record,
            guint      index,
            guint      n_rows,
            gpointer   user_data)
{
  FitaItemEditorIndicators *self = user_data;
  FitaIndicator *indicator = record;
  FitaIndicatorValue *cell = fita_plan_find_indicator_value (self->plan, indicator->rec.id, self->year);
  gboolean can_edit = !fita_plan_is_read_only (self->plan);
  GtkWidget *value_row = g_object_get_data (G_OBJECT (expander), "value");
  GtkWidget *value_observations = g_object_get_data (G_OBJECT (expander), "value-observations");
  GtkWidget *others = g_object_get_data (G_OBJECT (expander), "others");
  g_autofree char *value_title = NULL;
  g_autofree char *observations_title = NULL;
  g_autofree char *other_years = describe_values (self, indicator);
  g_autofree char *subtitle = NULL;
  const char *fields[] = { "name", "unit", "target", "observations" };

  self->updating++;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), indicator->name);
  if (cell != NULL && cell->value != NULL)
    /* Translators: the summary of an indicator: "2024: 4" */
    subtitle = g_strdup_printf (_("%d: %s"), self->year, cell->value);
  if (indicator->pending)
    {
      char *with_pending = subtitle
        /* Translators: "2024: 4 · Pending evaluation" */
        ? g_strdup_printf (_("%s · Pending evaluation"), subtitle)
        : g_strdup (_("Pending evaluation"));

      g_free (subtitle);
      subtitle = with_pending;
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle ? subtitle : "");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *field = g_object_get_data (G_OBJECT (expander), fields[i]);

      fita_field_show (field, self->plan, indicator->rec.id, FALSE, can_edit);
    }
  gtk_switch_set_active (g_object_get_data (G_OBJECT (expander), "pending"), indicator->pending != 0);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (expander), "pending"), can_edit);

  /* Translators: the value of an indicator in the follow-up year: "Value in 2024" */
  value_title = g_strdup_printf (_("Value in %d"), self->year);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_row), value_title);
  fita_field_show (value_row, self->plan, indicator->rec.id, FALSE, can_edit);
  /* Translators: "Observations on 2024" (the value of an indicator in that year) */
  observations_title = g_strdup_printf (_("Observations on %d"), self->year);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_observations), observations_title);
  fita_field_show (value_observations, self->plan, indicator->rec.id, FALSE, can_edit);

  gtk_widget_set_visible (others, other_years != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (others), other_years ? other_years : "");
  gtk_widget_set_visible (gtk_widget_get_ancestor (g_object_get_data (G_OBJECT (expander), "remove"), ADW_TYPE_ACTION_ROW),
                          can_edit);
  self->updating--;
}

static void
sync_section (FitaItemEditorIndicators *self)
{
  FitaItem *item = current_item (self);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) impacts = NULL;
  GPtrArray *indicators;
  gboolean can_edit;

  if (item == NULL)
    return;

  results = g_ptr_array_new ();
  impacts = g_ptr_array_new ();
  indicators = fita_plan_list (self->plan, FITA_TABLE_INDICATOR, item->rec.id);
  for (guint i = 0; i < indicators->len; i++)
    {
      FitaIndicator *indicator = g_ptr_array_index (indicators, i);

      g_ptr_array_add (indicator->kind == FITA_INDICATOR_IMPACT ? impacts : results, indicator);
    }
  fita_list_box_sync (GTK_LIST_BOX (self->result_list), results,
                         make_row, update_row, self);
  fita_list_box_sync (GTK_LIST_BOX (self->impact_list), impacts,
                         make_row, update_row, self);

  can_edit = !fita_plan_is_read_only (self->plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.add", can_edit);

  if (self->focus_id != 0)
    {
      GtkWidget *row = fita_list_box_find_row (GTK_LIST_BOX (self->result_list), self->focus_id);

      if (row == NULL)
        row = fita_list_box_find_row (GTK_LIST_BOX (self->impact_list), self->focus_id);
      self->focus_id = 0;
      if (row != NULL)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name"));
        }
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FitaItemEditorIndicators *self = FITA_ITEM_EDITOR_INDICATORS (widget);
  FitaItem *item = current_item (self);
  g_autoptr(GError) error = NULL;
  FitaIndicator *indicator;

  if (item == NULL || fita_plan_is_read_only (self->plan))
    return;
  indicator = fita_plan_new_record (self->plan, FITA_TABLE_INDICATOR);
  indicator->kind = g_str_equal (g_variant_get_string (parameter, NULL), "impact")
                    ? FITA_INDICATOR_IMPACT : FITA_INDICATOR_RESULT;
  /* Translators: the name a new indicator starts with */
  indicator->name = g_strdup (_("New indicator"));
  self->focus_id = indicator->rec.id;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Add Indicator"));
  fita_plan_insert (self->plan, indicator, item->rec.id, -1, NULL);
  if (!fita_plan_end (self->plan, &error))
    {
      self->focus_id = 0;
      fita_item_editor_report_error (widget, error);
    }
}

void
fita_item_editor_indicators_load (FitaItemEditorIndicators *self,
                                  FitaPlan                 *plan,
                                  gint64                    item_id,
                                  int                       year)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_INDICATORS (self));

  if (self->plan != plan || self->item_id != item_id)
    {
      fita_list_box_clear (GTK_LIST_BOX (self->result_list));
      fita_list_box_clear (GTK_LIST_BOX (self->impact_list));
    }
  g_set_object (&self->plan, plan);
  self->item_id = item_id;
  self->year = year;
  sync_section (self);
}

void
fita_item_editor_indicators_refresh (FitaItemEditorIndicators *self,
                                     const FitaChanges        *changes)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_INDICATORS (self));

  if (fita_changes_touches (changes, FITA_TABLE_INDICATOR) ||
      fita_changes_touches (changes, FITA_TABLE_INDICATOR_VALUE))
    sync_section (self);
}

static void
fita_item_editor_indicators_dispose (GObject *object)
{
  FitaItemEditorIndicators *self = FITA_ITEM_EDITOR_INDICATORS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR_INDICATORS);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_item_editor_indicators_parent_class)->dispose (object);
}

static void
fita_item_editor_indicators_class_init (FitaItemEditorIndicatorsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_indicators_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor-indicators.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorIndicators, result_group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorIndicators, result_list);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorIndicators, impact_group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorIndicators, impact_list);

  gtk_widget_class_install_action (widget_class, "indicators.add", "s", add_action);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
fita_item_editor_indicators_init (FitaItemEditorIndicators *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->result_list), placeholder_new (_("No result indicators")));
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->impact_list), placeholder_new (_("No impact indicators")));
}
