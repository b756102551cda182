/* fita-semester-grid.c: toggles for the half-years of a period. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fita-schema.h"
#include "fita-semester-grid.h"

struct _FitaSemesterGrid
{
  GtkWidget   parent_instance;

  GtkWidget  *list;
  int         first;
  int         last;
  GHashTable *toggles;    /* "YEAR-HALF" → GtkToggleButton */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (FitaSemesterGrid, fita_semester_grid, GTK_TYPE_WIDGET)

enum {
  SIGNAL_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
semester_key (int year,
              int half)
{
  return g_strdup_printf ("%d-%d", year, half);
}

static void
toggled_cb (GtkToggleButton  *toggle,
            FitaSemesterGrid *self)
{
  if (self->updating)
    return;
  g_signal_emit (self, signals[SIGNAL_TOGGLED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "year")),
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "half")));
}

static GtkWidget *
toggle_new (FitaSemesterGrid *self,
            int               year,
            int               half)
{
  g_autofree char *name = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *toggle;

  if (half == 1)
    {
      /* Translators: a half-year in the calendar of a work plan
       * (Catalan "1r semestre", Spanish "1.er semestre") */
      toggle = gtk_toggle_button_new_with_label (_("1st semester"));
      /* Translators: what a screen reader says for a toggle of the
       * semester grid: "1st semester of 2018" */
      accessible = g_strdup_printf (_("1st semester of %d"), year);
    }
  else
    {
      /* Translators: a half-year in the calendar of a work plan
       * (Catalan "2n semestre", Spanish "2.º semestre") */
      toggle = gtk_toggle_button_new_with_label (_("2nd semester"));
      /* Translators: what a screen reader says for a toggle of the
       * semester grid: "2nd semester of 2018" */
      accessible = g_strdup_printf (_("2nd semester of %d"), year);
    }
  name = g_strdup_printf ("semester-%d-%d", year, half);
  gtk_widget_set_name (toggle, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (toggle), "year", GINT_TO_POINTER (year));
  g_object_set_data (G_OBJECT (toggle), "half", GINT_TO_POINTER (half));
  g_signal_connect (toggle, "toggled", G_CALLBACK (toggled_cb), self);
  g_hash_table_insert (self->toggles, semester_key (year, half), toggle);
  return toggle;
}

static void
fita_semester_grid_dispose (GObject *object)
{
  FitaSemesterGrid *self = FITA_SEMESTER_GRID (object);

  g_clear_pointer (&self->list, gtk_widget_unparent);
  g_clear_pointer (&self->toggles, g_hash_table_unref);
  G_OBJECT_CLASS (fita_semester_grid_parent_class)->dispose (object);
}

static void
fita_semester_grid_class_init (FitaSemesterGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_semester_grid_dispose;

  /**
   * FitaSemesterGrid::toggled:
   * @year: the year
   * @half: 1 or 2
   *
   * Emitted when the person ticks or unticks a semester.
   */
  signals[SIGNAL_TOGGLED] =
    g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "semestergrid");
}

static void
fita_semester_grid_init (FitaSemesterGrid *self)
{
  self->toggles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  /* Translators: the accessible name of the grid of half-years */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Semesters"),
                                  -1);
}

GtkWidget *
fita_semester_grid_new (void)
{
  return g_object_new (FITA_TYPE_SEMESTER_GRID, NULL);
}

void
fita_semester_grid_set_years (FitaSemesterGrid *self,
                              int               first,
                              int               last)
{
  GtkWidget *row;

  g_return_if_fail (FITA_IS_SEMESTER_GRID (self));

  if (self->first == first && self->last == last)
    return;
  self->first = first;
  self->last = last;

  while ((row = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), row);
  g_hash_table_remove_all (self->toggles);

  for (int year = first; year <= last; year++)
    {
      g_autofree char *title = g_strdup_printf ("%d", year);
      GtkWidget *halves = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      /* Tab goes straight to the toggles. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_valign (halves, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (halves), toggle_new (self, year, 1));
      gtk_box_append (GTK_BOX (halves), toggle_new (self, year, 2));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), halves);
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

void
fita_semester_grid_set_semesters (FitaSemesterGrid *self,
                                  const char       *semesters)
{
  GHashTableIter iter;
  gpointer toggle;

  g_return_if_fail (FITA_IS_SEMESTER_GRID (self));

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->toggles);
  while (g_hash_table_iter_next (&iter, NULL, &toggle))
    gtk_toggle_button_set_active (toggle,
                                  fita_semesters_contains (semesters,
                                                           GPOINTER_TO_INT (g_object_get_data (toggle, "year")),
                                                           GPOINTER_TO_INT (g_object_get_data (toggle, "half"))));
  self->updating = FALSE;
}

GtkWidget *
fita_semester_grid_get_toggle (FitaSemesterGrid *self,
                               int               year,
                               int               half)
{
  g_autofree char *key = semester_key (year, half);

  g_return_val_if_fail (FITA_IS_SEMESTER_GRID (self), NULL);

  return g_hash_table_lookup (self->toggles, key);
}
