/* fita-item-editor-followup.c: the yearly follow-up of an item. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-edit.h"
#include "fita-field.h"
#include "fita-item-editor-fields.h"
#include "fita-item-editor-followup.h"

typedef struct {
  const char *field;
  const char *heading;
} Area;

static const Area areas[] = {
  /* Translators: headings of the yearly follow-up of an item */
  { "execution", N_("Notes on the execution") },
  { "strengths", N_("Strengths") },
  { "weaknesses", N_("Weaknesses") },
  { "other", N_("Other remarks") },
  { "adjustments", N_("Adjustments") },
  { "next_steps", N_("Next steps") },
};

struct _FitaItemEditorFollowup
{
  GtkWidget          parent_instance;

  FitaPlan          *plan;
  gint64             item_id;
  int                year;
  FitaEditorChoices *years;
  GtkWidget         *views[G_N_ELEMENTS (areas)];
  guint              updating;

  /* Template widgets */
  GtkWidget         *group;
  GtkWidget         *year_drop_down;
  GtkWidget         *areas;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorFollowup, fita_item_editor_followup, GTK_TYPE_WIDGET)

enum {
  SIGNAL_YEAR_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FitaFollowup *
current_followup (FitaItemEditorFollowup *self)
{
  if (self->plan == NULL || fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id) == NULL)
    return NULL;
  return fita_plan_find_followup (self->plan, self->item_id, self->year);
}

static const char *
read_area (GtkWidget *view,
           gpointer   user_data)
{
  FitaFollowup *followup = current_followup (user_data);
  const FitaTable *table = fita_table (FITA_TABLE_FOLLOWUP);
  int index = fita_table_field_index (table, g_object_get_data (G_OBJECT (view), "field"));

  return followup != NULL ? fita_record_get_text (followup, &table->fields[index]) : NULL;
}

static gboolean
write_area (GtkWidget   *view,
            const char  *text,
            GError     **error,
            gpointer     user_data)
{
  FitaItemEditorFollowup *self = user_data;

  if (self->plan == NULL || fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id) == NULL)
    return TRUE;
  return fita_plan_set_followup (self->plan, self->item_id, self->year,
                                 g_object_get_data (G_OBJECT (view), "field"), text, error);
}

static void
update_years (FitaItemEditorFollowup *self)
{
  g_autoptr(FitaEditorChoices) years = fita_editor_choices_new ();
  int first, last;

  fita_editor_shown_years (self->plan, &first, &last);
  first = MIN (first, self->year);
  last = MAX (last, self->year);
  for (int year = first; year <= last; year++)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      fita_editor_choices_add (years, year, label, 0, NULL);
    }

  self->updating++;
  if (self->years == NULL || fita_editor_choices_get_n (years) != fita_editor_choices_get_n (self->years) ||
      fita_editor_choices_get_id (years, 0) != fita_editor_choices_get_id (self->years, 0))
    {
      g_clear_pointer (&self->years, fita_editor_choices_unref);
      self->years = g_steal_pointer (&years);
      fita_editor_choices_attach (self->years, GTK_DROP_DOWN (self->year_drop_down));
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->year_drop_down),
                              fita_editor_choices_find (self->years, self->year));
  self->updating--;
}

static void
sync_section (FitaItemEditorFollowup *self,
      gboolean                force)
{
  gboolean can_edit;

  if (self->plan == NULL || fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id) == NULL)
    {
      /* The areas let go of a plan that is gone. */
      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        fita_field_show (self->views[i], NULL, 0, TRUE, FALSE);
      return;
    }

  update_years (self);
  can_edit = !fita_plan_is_read_only (self->plan);
  /* Another year is another record: its text is loaded anew. */
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    fita_field_show (self->views[i], self->plan, self->year, force, can_edit);
}

static void
year_selected_cb (FitaItemEditorFollowup *self)
{
  guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->year_drop_down));
  int year;

  if (self->updating || self->years == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  year = (int) fita_editor_choices_get_id (self->years, position);
  if (year != self->year)
    g_signal_emit (self, signals[SIGNAL_YEAR_SELECTED], 0, year);
}

void
fita_item_editor_followup_load (FitaItemEditorFollowup *self,
                                FitaPlan               *plan,
                                gint64                  item_id,
                                int                     year)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_FOLLOWUP (self));

  g_set_object (&self->plan, plan);
  self->item_id = item_id;
  self->year = year;
  sync_section (self, TRUE);
}

void
fita_item_editor_followup_refresh (FitaItemEditorFollowup *self,
                                   const FitaChanges      *changes)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_FOLLOWUP (self));

  if (fita_changes_touches (changes, FITA_TABLE_FOLLOWUP) ||
      fita_changes_touches (changes, FITA_TABLE_PLAN))
    sync_section (self, FALSE);
}

GtkWidget *
fita_item_editor_followup_get_view (FitaItemEditorFollowup *self,
                                    const char             *field)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR_FOLLOWUP (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].field, field) == 0)
      return self->views[i];
  return NULL;
}

static void
fita_item_editor_followup_dispose (GObject *object)
{
  FitaItemEditorFollowup *self = FITA_ITEM_EDITOR_FOLLOWUP (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR_FOLLOWUP);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->years, fita_editor_choices_unref);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_item_editor_followup_parent_class)->dispose (object);
}

static void
fita_item_editor_followup_class_init (FitaItemEditorFollowupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_followup_dispose;

  /**
   * FitaItemEditorFollowup::year-selected:
   * @year: the year the person chose
   *
   * Emitted when the person chooses another year to follow up.
   */
  signals[SIGNAL_YEAR_SELECTED] =
    g_signal_new ("year-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor-followup.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorFollowup, group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorFollowup, year_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorFollowup, areas);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);
}

static void
fita_item_editor_followup_init (FitaItemEditorFollowup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fita_field_label_drop_down (GTK_DROP_DOWN (self->year_drop_down), _("Year followed up"));

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkWidget *area = fita_editor_text_area_new (_(areas[i].heading), &self->views[i]);

      gtk_widget_set_name (self->views[i], areas[i].field);
      g_object_set_data (G_OBJECT (self->views[i]), "field", (gpointer) areas[i].field);
      fita_field_bind_custom (self->views[i], FITA_FIELD_EDITOR_PARAGRAPHS, read_area, write_area, self);
      gtk_box_append (GTK_BOX (self->areas), area);
    }
}
