/* fita-status-table.c: how many items have each status. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-status-badge.h"
#include "fita-status-table.h"

struct _FitaStatusTable
{
  AdwPreferencesGroup parent_instance;

  /* The rows shown, reused from one count to the next, so a row that has
   * the keyboard focus keeps it. */
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (FitaStatusTable, fita_status_table, ADW_TYPE_PREFERENCES_GROUP)

typedef struct {
  GtkWidget *dot;
  GtkWidget *bar;
  GtkWidget *count;
  char      *accessible;
} RowParts;

static void
row_parts_free (gpointer data)
{
  RowParts *parts = data;

  g_free (parts->accessible);
  g_free (parts);
}

static GtkWidget *
row_new (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  RowParts *parts = g_new0 (RowParts, 1);

  parts->dot = fita_status_badge_new ();
  gtk_widget_set_size_request (parts->dot, 12, 12);
  gtk_widget_set_valign (parts->dot, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), parts->dot);

  parts->bar = gtk_progress_bar_new ();
  gtk_widget_set_size_request (parts->bar, 64, -1);
  gtk_widget_add_css_class (parts->bar, "status-share");
  gtk_widget_set_valign (parts->bar, GTK_ALIGN_CENTER);
  /* The count beside it says the same in words. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (parts->bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), parts->bar);

  parts->count = gtk_label_new (NULL);
  gtk_widget_set_name (parts->count, "status-count");
  gtk_label_set_xalign (GTK_LABEL (parts->count), 1.0f);
  gtk_widget_add_css_class (parts->count, "numeric");
  gtk_box_append (GTK_BOX (box), parts->count);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "fita-status-row", parts, row_parts_free);
  return row;
}

static void
row_show (GtkWidget             *row,
          const FitaStatusCount *count,
          guint                  n_counted,
          int                    decimals,
          const char            *lang)
{
  RowParts *parts = g_object_get_data (G_OBJECT (row), "fita-status-row");
  /* Translators: the row of the items with no status in the table of items by status */
  const char *name = count->status != NULL ? count->status->name : _("No status");
  g_autofree char *number = fita_number_format (count->count, lang);
  g_autofree char *all = fita_number_format (n_counted, lang);
  g_autofree char *share = fita_percent_format_hundredths (count->share_bp, decimals, lang);
  g_autofree char *text = NULL;

  /* Translators: how many items have a status, of all those counted, and
   * their share: "115 of 161 (71 %)" */
  text = g_strdup_printf (_("%s of %s (%s)"), number, all, share);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  fita_status_badge_set_status (FITA_STATUS_BADGE (parts->dot), "", count->status ? count->status->colour : NULL);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (parts->bar),
                                 count->share_bp != FITA_NONE ? count->share_bp / 10000.0 : 0.0);
  gtk_label_set_label (GTK_LABEL (parts->count), text);

  g_free (parts->accessible);
  /* Translators: what a screen reader says for a row of the table of items
   * by status: "En curs: 115 of 161 (71 %)" */
  parts->accessible = g_strdup_printf (_("%s: %s"), name, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, parts->accessible,
                                  -1);
}

void
fita_status_table_update (FitaStatusTable *self,
                          FitaPlan        *plan,
                          FitaItem        *scope)
{
  const char *lang = fita_lang_from_locale ();
  g_autoptr(GArray) counts = NULL;
  g_autofree char *description = NULL;
  guint n_counted = 0;
  int decimals;

  g_return_if_fail (FITA_IS_STATUS_TABLE (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (plan != NULL)
    counts = fita_plan_count_statuses (plan, scope, NULL, &n_counted);
  else
    counts = g_array_new (FALSE, TRUE, sizeof (FitaStatusCount));
  decimals = plan != NULL ? (int) CLAMP (fita_plan_get_info (plan)->progress_decimals, 0, 2) : 0;

  while (self->rows->len > (n_counted > 0 ? counts->len : 0))
    {
      GtkWidget *row = g_ptr_array_steal_index (self->rows, self->rows->len - 1);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  for (guint i = 0; n_counted > 0 && i < counts->len; i++)
    {
      if (i == self->rows->len)
        {
          GtkWidget *row = row_new ();

          g_ptr_array_add (self->rows, row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
        }
      row_show (g_ptr_array_index (self->rows, i), &g_array_index (counts, FitaStatusCount, i),
                n_counted, decimals, lang);
    }

  description = g_strdup_printf (scope != NULL
                                 /* Translators: under "Items by Status" in the item editor; %u is a number */
                                 ? ngettext ("Counted over the %u item with nothing below it in this one",
                                                "Counted over the %u items with nothing below them in this one", n_counted)
                                 /* Translators: under "Items by Status" on the Plan page; %u is a number */
                                 : ngettext ("Counted over the %u item of the plan with nothing below it",
                                                "Counted over the %u items of the plan with nothing below them", n_counted),
                                 n_counted);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  gtk_widget_set_visible (GTK_WIDGET (self), n_counted > 0);
}

GStrv
fita_status_table_dup_rows (FitaStatusTable *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FITA_IS_STATUS_TABLE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RowParts *parts = g_object_get_data (g_ptr_array_index (self->rows, i), "fita-status-row");

      g_strv_builder_add (builder, parts->accessible);
    }
  return g_strv_builder_end (builder);
}

static void
fita_status_table_dispose (GObject *object)
{
  FitaStatusTable *self = FITA_STATUS_TABLE (object);

  /* The rows are the group's; this only lets go of the list. */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (fita_status_table_parent_class)->dispose (object);
}

static void
fita_status_table_class_init (FitaStatusTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = fita_status_table_dispose;
}

static void
ensure_style (FitaStatusTable *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "fita-status-table-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/cat/fita/Fita/fita-status-table.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fita-status-table-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
fita_status_table_init (FitaStatusTable *self)
{
  ensure_style (self);
  self->rows = g_ptr_array_new ();
  /* Translators: the heading of the table of how many items have each status */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Items by Status"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
fita_status_table_new (void)
{
  return g_object_new (FITA_TYPE_STATUS_TABLE, NULL);
}
