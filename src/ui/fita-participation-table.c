/* fita-participation-table.c: the participation figures of a process, one
 * row per dimension (sessions, participants, contributions, proposals) and
 * their totals, in one grid, so that the figures line up under their
 * headings and the totals under them. */
#include "config.h"
#include "fita-participation-table.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-field.h"
#include "fita-money.h"
#include "fita-plan-editor-lists.h"

struct _FitaParticipationTable
{
  AdwBin parent_instance;

  FitaPlan *plan;
  gboolean read_only;
  GtkLabel *error_label;      /* weak */
  GtkLabel *totals[4];        /* in the grid */
  GArray *dimension_ids;      /* the rows of the grid */
};

G_DEFINE_FINAL_TYPE (FitaParticipationTable, fita_participation_table, ADW_TYPE_BIN)

/* The columns of the participation table, in order. */
static const struct {
  const char *field;
  const char *undo_label;
  const char *cell_label;
  const char *total_label;
} columns[] = {
  {
    "sessions",
    /* Translators: the name of an action that can be undone */
    N_("Change Sessions"),
    /* Translators: accessible label of a cell; %s is a dimension, e.g. "Sessions, Dimensió interna" */
    N_("Sessions, %s"),
    /* Translators: accessible label of a total; %s is a number */
    N_("Total sessions: %s"),
  },
  {
    "participants",
    /* Translators: the name of an action that can be undone */
    N_("Change Participants"),
    /* Translators: accessible label of a cell; %s is a dimension, e.g. "Participants, Ciutadania" */
    N_("Participants, %s"),
    /* Translators: accessible label of a total; %s is a number */
    N_("Total participants: %s"),
  },
  {
    "contributions",
    /* Translators: the name of an action that can be undone */
    N_("Change Contributions"),
    /* Translators: accessible label of a cell; %s is a dimension */
    N_("Contributions, %s"),
    /* Translators: accessible label of a total; %s is a number */
    N_("Total contributions: %s"),
  },
  {
    "proposals",
    /* Translators: the name of an action that can be undone */
    N_("Change Proposals"),
    /* Translators: accessible label of a cell; %s is a dimension */
    N_("Proposals, %s"),
    /* Translators: accessible label of a total; %s is a number */
    N_("Total proposals: %s"),
  },
};

static const char *
column_heading (guint column)
{
  switch (column)
    {
    /* Translators: column heading: number of sessions held */
    case 0: return _("Sessions");
    /* Translators: column heading: number of people who took part */
    case 1: return _("Participants");
    /* Translators: column heading: number of contributions (aportacions) received */
    case 2: return _("Contributions");
    /* Translators: column heading: number of proposals made */
    default: return _("Proposals");
    }
}

static GtkWidget *
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  /* Over the digits, which entries pad. */
  if (number)
    gtk_widget_set_margin_end (label, 9);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static GtkWidget *
dimension_menu_button_new (gint64 id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();
  struct {
    const char *label;
    int delta;
  } items[] = {
    /* Translators: moves a dimension of participation one row up */
    { N_("Move _Up"), -1 },
    /* Translators: moves a dimension of participation one row down */
    { N_("Move _Down"), 1 },
    /* Translators: removes a dimension of participation */
    { N_("_Remove"), 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      if (items[i].delta != 0)
        g_menu_item_set_action_and_target_value (item, "row.move",
                                                 g_variant_new ("(ixi)", (gint32) FITA_TABLE_PROCESS_DIMENSION, id, items[i].delta));
      else
        g_menu_item_set_action_and_target_value (item, "row.delete",
                                                 g_variant_new ("(ix)", (gint32) FITA_TABLE_PROCESS_DIMENSION, id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Move or Remove"));
  return button;
}

static void
dimension_menu_button_update (GtkWidget  *button,
                              guint       index,
                              guint       n_rows,
                              const char *name,
                              gboolean    read_only)
{
  /* Translators: accessible label of the menu of a dimension; %s is its name */
  g_autofree char *label = g_strdup_printf (_("Move or remove %s"), name);

  gtk_widget_set_sensitive (button, !read_only);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static gboolean
dimensions_shown (FitaParticipationTable *self,
                  GPtrArray              *dimensions)
{
  if (self->dimension_ids->len != dimensions->len)
    return FALSE;
  for (guint i = 0; i < dimensions->len; i++)
    if (g_array_index (self->dimension_ids, gint64, i) != ((FitaRecord *) g_ptr_array_index (dimensions, i))->id)
      return FALSE;
  return TRUE;
}

static void
update_dimension_cells (FitaParticipationTable *self,
                        GPtrArray              *dimensions)
{
  GtkWidget *grid = adw_bin_get_child (ADW_BIN (self));

  for (guint i = 0; i < dimensions->len; i++)
    {
      FitaProcessDimension *dimension = g_ptr_array_index (dimensions, i);
      GtkWidget *name = fita_field_find (grid, FITA_TABLE_PROCESS_DIMENSION, dimension->rec.id, "name");

      if (name == NULL)
        continue;
      dimension_menu_button_update (g_object_get_data (G_OBJECT (name), "fita-row-buttons"),
                                    i, dimensions->len, dimension->name, self->read_only);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *label = g_strdup_printf (_(columns[c].cell_label), dimension->name);

          fita_field_set_label (grid, FITA_TABLE_PROCESS_DIMENSION, dimension->rec.id, columns[c].field, label);
        }
    }
}

static void
build_dimensions (FitaParticipationTable *self,
                  GPtrArray              *dimensions)
{
  FitaPlan *plan = self->plan;
  static const char * const total_names[] = {
    "total-sessions", "total-participants", "total-contributions", "total-proposals",
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *old = adw_bin_get_child (ADW_BIN (self));
  g_autofree char *focus_field = NULL;
  g_autofree char *typing = NULL;
  gint64 focus_id = 0;
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *separator, *scrolled;
  guint n = dimensions->len;

  /* Where the officer was typing, to go on there in the new grid. */
  if (focus != NULL && old != NULL && gtk_widget_is_ancestor (focus, old))
    {
      GtkWidget *bound = focus;

      while (bound != NULL && !fita_field_is_bound (bound))
        bound = gtk_widget_get_parent (bound);
      if (bound != NULL)
        {
          focus_id = fita_field_get_record_id (bound);
          focus_field = g_strdup (fita_field_get_name (bound));
          typing = g_strdup (gtk_editable_get_text (GTK_EDITABLE (bound)));
        }
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);

  /* Translators: column heading: a group of participants (internal, other agents, citizens) */
  gtk_widget_add_css_class (attach_label (GTK_GRID (grid), _("Dimension"), 0, 0, FALSE), "fita-column-heading");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    gtk_widget_add_css_class (attach_label (GTK_GRID (grid), column_heading (c), c + 1, 0, TRUE), "fita-column-heading");

  for (guint i = 0; i < n; i++)
    {
      FitaProcessDimension *dimension = g_ptr_array_index (dimensions, i);
      gint64 id = dimension->rec.id;
      GtkWidget *name, *buttons;

      /* Translators: placeholder of the name of a dimension of participation */
      name = fita_field_entry_new (_("Name"), _("Dimension name"));
      gtk_widget_set_hexpand (name, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (name), 10);
      /* Translators: the name of an action that can be undone */
      fita_field_bind (name, FITA_FIELD_EDITOR_LINE, plan, FITA_TABLE_PROCESS_DIMENSION, id, "name", _("Rename Dimension"));
      fita_field_set_error_label (name, self->error_label);
      gtk_grid_attach (GTK_GRID (grid), name, 0, i + 1, 1, 1);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          GtkWidget *cell = gtk_entry_new ();

          gtk_editable_set_width_chars (GTK_EDITABLE (cell), 5);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (cell), 7);
          gtk_editable_set_alignment (GTK_EDITABLE (cell), 1);
          gtk_entry_set_input_purpose (GTK_ENTRY (cell), GTK_INPUT_PURPOSE_DIGITS);
          gtk_widget_add_css_class (cell, "numeric");
          fita_field_bind (cell, FITA_FIELD_EDITOR_NUMBER, plan, FITA_TABLE_PROCESS_DIMENSION, id,
                           columns[c].field, _(columns[c].undo_label));
          fita_field_set_error_label (cell, self->error_label);
          gtk_grid_attach (GTK_GRID (grid), cell, c + 1, i + 1, 1, 1);
        }

      /* One menu rather than three buttons: the figures need the room. */
      buttons = dimension_menu_button_new (id);
      g_object_set_data (G_OBJECT (name), "fita-row-buttons", buttons);
      gtk_grid_attach (GTK_GRID (grid), buttons, G_N_ELEMENTS (columns) + 1, i + 1, 1, 1);
    }
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No dimensions"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), empty, 0, 1, G_N_ELEMENTS (columns) + 2, 1);
    }

  separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_attach (GTK_GRID (grid), separator, 0, n + 1, G_N_ELEMENTS (columns) + 1, 1);
  /* Translators: the sums of the participation figures of all dimensions */
  gtk_widget_add_css_class (attach_label (GTK_GRID (grid), _("Total"), 0, n + 2, FALSE), "fita-totals");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkWidget *total = attach_label (GTK_GRID (grid), NULL, c + 1, n + 2, TRUE);

      gtk_widget_set_name (total, total_names[c]);
      gtk_widget_add_css_class (total, "fita-totals");
      gtk_widget_add_css_class (total, "numeric");
      gtk_label_set_selectable (GTK_LABEL (total), TRUE);
      self->totals[c] = GTK_LABEL (total);
    }

  /* A table does not fold: in a narrow window it scrolls sideways. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);

  fita_field_hold_commits ();
  adw_bin_set_child (ADW_BIN (self), scrolled);
  fita_field_release_commits ();

  g_array_set_size (self->dimension_ids, 0);
  for (guint i = 0; i < n; i++)
    g_array_append_val (self->dimension_ids, ((FitaRecord *) g_ptr_array_index (dimensions, i))->id);

  if (focus_field != NULL)
    {
      GtkWidget *again = fita_field_find (grid, FITA_TABLE_PROCESS_DIMENSION, focus_id, focus_field);

      if (again != NULL)
        {
          gtk_widget_grab_focus (again);
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (again)), typing) != 0)
            gtk_editable_set_text (GTK_EDITABLE (again), typing);
        }
    }
}

void
fita_participation_table_show (FitaParticipationTable *self,
                               FitaPlan               *plan,
                               GPtrArray              *dimensions,
                               gboolean                read_only)
{
  g_return_if_fail (FITA_IS_PARTICIPATION_TABLE (self));

  if (plan != self->plan)
    {
      /* The cells are bound to the other plan's records. */
      g_set_object (&self->plan, plan);
      fita_field_hold_commits ();
      adw_bin_set_child (ADW_BIN (self), NULL);
      fita_field_release_commits ();
      memset (self->totals, 0, sizeof self->totals);
    }
  self->read_only = read_only;
  if (adw_bin_get_child (ADW_BIN (self)) == NULL || !dimensions_shown (self, dimensions))
    build_dimensions (self, dimensions);
  update_dimension_cells (self, dimensions);
}

void
fita_participation_table_set_totals (FitaParticipationTable  *self,
                                     const FitaParticipation *totals)
{
  const char *lang = fita_lang_from_locale ();
  gint64 values[G_N_ELEMENTS (columns)];

  g_return_if_fail (FITA_IS_PARTICIPATION_TABLE (self));

  values[0] = totals->sessions;
  values[1] = totals->participants;
  values[2] = totals->contributions;
  values[3] = totals->proposals;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *text = fita_format_count (values[i], lang);
      g_autofree char *label = g_strdup_printf (_(columns[i].total_label), text);

      if (self->totals[i] == NULL)
        continue;
      gtk_label_set_text (self->totals[i], text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->totals[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

void
fita_participation_table_set_error_label (FitaParticipationTable *self,
                                          GtkLabel               *label)
{
  g_return_if_fail (FITA_IS_PARTICIPATION_TABLE (self));

  if (self->error_label != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->error_label), (gpointer *) &self->error_label);
  self->error_label = label;
  if (label != NULL)
    g_object_add_weak_pointer (G_OBJECT (label), (gpointer *) &self->error_label);
}

static void
fita_participation_table_dispose (GObject *object)
{
  FitaParticipationTable *self = FITA_PARTICIPATION_TABLE (object);

  fita_participation_table_set_error_label (self, NULL);
  memset (self->totals, 0, sizeof self->totals);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_participation_table_parent_class)->dispose (object);
}

static void
fita_participation_table_finalize (GObject *object)
{
  FitaParticipationTable *self = FITA_PARTICIPATION_TABLE (object);

  g_array_unref (self->dimension_ids);
  G_OBJECT_CLASS (fita_participation_table_parent_class)->finalize (object);
}

static void
fita_participation_table_class_init (FitaParticipationTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fita_participation_table_dispose;
  object_class->finalize = fita_participation_table_finalize;
}

static void
fita_participation_table_init (FitaParticipationTable *self)
{
  self->dimension_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
fita_participation_table_new (void)
{
  return g_object_new (FITA_TYPE_PARTICIPATION_TABLE, NULL);
}
