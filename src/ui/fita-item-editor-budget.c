/* fita-item-editor-budget.c: the budget of an item by year and chapter. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-edit.h"
#include "fita-item-editor-budget.h"
#include "fita-item-editor-fields.h"
#include "fita-money-entry.h"
#include "fita-money.h"
#include "fita-rollup.h"

struct _FitaItemEditorBudget
{
  GtkWidget   parent_instance;

  FitaPlan   *plan;
  gint64      item_id;
  gboolean    show_planned;

  /* What the grid was built for; rebuilt only when this changes. */
  char       *layout;
  int         first_year;
  int         last_year;
  GArray     *chapter_ids;     /* gint64, 0 for lines with no chapter */
  gboolean    show_below;      /* a column for the items below */

  GHashTable *cells;           /* "YEAR/CHAPTER" → FitaMoneyEntry */
  GHashTable *totals;          /* "year/YEAR", "below/YEAR", "chapter/ID", "below", "all" → GtkLabel */

  /* Template widgets */
  GtkWidget  *group;
  GtkWidget  *executed_toggle;
  GtkWidget  *planned_toggle;
  GtkWidget  *grid;
  GtkWidget  *mode_label;      /* above the chapters: what the cells take */
  GtkWidget  *executed_row;
  GtkWidget  *executed_label;
  GtkWidget  *planned_row;
  GtkWidget  *planned_entry;
  GtkWidget  *in_years_row;
  GtkWidget  *in_years_label;
  GtkWidget  *not_in_years_row;
  GtkWidget  *not_in_years_label;
  GtkWidget  *over_row;
  GtkWidget  *rate_row;
  GtkWidget  *rate_label;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorBudget, fita_item_editor_budget, GTK_TYPE_WIDGET)

static FitaItem *
current_item (FitaItemEditorBudget *self)
{
  if (self->plan == NULL || self->item_id == 0)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id);
}

static char *
cell_key (int    year,
          gint64 chapter_id)
{
  return g_strdup_printf ("%d/%" G_GINT64_FORMAT, year, chapter_id);
}

static gint64
shown_amount (FitaItemEditorBudget *self,
              const FitaBudgetSum  *sum)
{
  return self->show_planned ? sum->planned : sum->executed;
}

static gint64
line_amount (FitaItemEditorBudget *self,
             FitaBudgetLine       *line)
{
  if (line == NULL)
    return FITA_NONE;
  return self->show_planned ? line->planned_cents : line->executed_cents;
}

/* What the items below item add up to in year (FITA_NONE: all years). */
static void
sum_below (FitaPlan      *plan,
           FitaItem      *item,
           gint64         year,
           FitaBudgetSum *sum)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item->rec.id);

  sum->planned = sum->executed = FITA_NONE;
  for (guint i = 0; i < children->len; i++)
    {
      FitaBudgetSum child;

      fita_plan_budget_sum (plan, g_ptr_array_index (children, i), year, 0, &child);
      sum->planned = fita_amount_add (sum->planned, child.planned);
      sum->executed = fita_amount_add (sum->executed, child.executed);
    }
}

/* Cells */

static void
cell_committed_cb (FitaMoneyEntry       *cell,
                   gint64                cents,
                   FitaItemEditorBudget *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "year"));
  gint64 chapter_id = *(gint64 *) g_object_get_data (G_OBJECT (cell), "chapter");
  g_autoptr(GError) error = NULL;
  FitaBudgetLine *line;
  gint64 planned, executed;

  if (current_item (self) == NULL)
    return;
  line = fita_plan_find_budget_line (self->plan, self->item_id, year, chapter_id);
  planned = line ? line->planned_cents : FITA_NONE;
  executed = line ? line->executed_cents : FITA_NONE;
  if (self->show_planned)
    planned = cents;
  else
    executed = cents;

  /* A refused amount (a negative one) stays in the cell, marked with the
   * plan's reason, and the amount saved does not change. */
  if (!fita_plan_set_budget (self->plan, self->item_id, year, chapter_id, planned, executed, &error))
    {
      fita_item_editor_report_error (GTK_WIDGET (self), error);
      fita_money_entry_refuse (cell, line_amount (self, fita_plan_find_budget_line (self->plan, self->item_id, year, chapter_id)),
                               error->message);
    }
}

static GtkWidget *
total_label_new (FitaItemEditorBudget *self,
                 const char           *key,
                 gboolean              grand)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *name = g_strconcat ("budget-", key, NULL);

  g_strdelimit (name, "/", '-');
  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  /* As wide as the amounts above it, so the columns keep apart. */
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_widget_add_css_class (label, "numeric");
  if (grand)
    gtk_widget_add_css_class (label, "heading");
  g_hash_table_insert (self->totals, g_strdup (key), label);
  return label;
}

static GtkWidget *
header_label_new (const char *text,
                  const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (label, tooltip ? tooltip : text);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static const char *
chapter_name (FitaPlan *plan,
              gint64    chapter_id)
{
  FitaChapter *chapter = chapter_id ? fita_plan_lookup (plan, FITA_TABLE_CHAPTER, chapter_id) : NULL;

  /* Translators: the budget column of amounts with no budget chapter */
  return chapter ? chapter->name : C_("budget chapter", "No chapter");
}

/* The years, chapters and columns the item's grid needs, as a string. */
static char *
compute_layout (FitaItemEditorBudget *self,
                FitaItem             *item,
                int                  *first,
                int                  *last,
                GArray               *chapter_ids,
                gboolean             *show_below)
{
  GPtrArray *chapters = fita_plan_list (self->plan, FITA_TABLE_CHAPTER, 0);
  GPtrArray *lines = fita_plan_list (self->plan, FITA_TABLE_BUDGET_LINE, item->rec.id);
  GString *layout = g_string_new (NULL);
  gboolean no_chapter = chapters->len == 0;
  FitaBudgetSum below;

  fita_editor_shown_years (self->plan, first, last);
  for (guint i = 0; i < lines->len; i++)
    {
      FitaBudgetLine *line = g_ptr_array_index (lines, i);

      /* Amounts outside the plan's period are shown too, never hidden. */
      if (line->year != FITA_NONE)
        {
          *first = MIN (*first, (int) line->year);
          *last = MAX (*last, (int) line->year);
        }
      if (line->chapter_id == 0)
        no_chapter = TRUE;
    }

  for (guint i = 0; i < chapters->len; i++)
    {
      gint64 id = ((FitaChapter *) g_ptr_array_index (chapters, i))->rec.id;

      g_array_append_val (chapter_ids, id);
    }
  if (no_chapter)
    {
      gint64 none = 0;

      g_array_append_val (chapter_ids, none);
    }

  sum_below (self->plan, item, FITA_NONE, &below);
  *show_below = below.planned != FITA_NONE || below.executed != FITA_NONE;

  g_string_append_printf (layout, "%d-%d/%d", *first, *last, *show_below);
  for (guint i = 0; i < chapter_ids->len; i++)
    {
      gint64 id = g_array_index (chapter_ids, gint64, i);

      g_string_append_printf (layout, "/%" G_GINT64_FORMAT ":%s", id, chapter_name (self->plan, id));
    }
  return g_string_free (layout, FALSE);
}

static void
build_grid (FitaItemEditorBudget *self)
{
  GtkGrid *grid = GTK_GRID (self->grid);
  GtkWidget *child;
  int column, row;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (grid, child);
  self->mode_label = NULL;
  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->totals);

  /* What the cells take, above them: a planned amount typed as executed
   * is a mistake hard to see afterwards. */
  self->mode_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->mode_label), 0.0f);
  gtk_widget_add_css_class (self->mode_label, "heading");
  gtk_widget_set_name (self->mode_label, "budget-mode");
  gtk_grid_attach (grid, self->mode_label, 1, 0, MAX (self->chapter_ids->len, 1), 1);

  /* Header: the chapters, then the items below and the total. */
  column = 1;
  for (guint i = 0; i < self->chapter_ids->len; i++)
    {
      gint64 id = g_array_index (self->chapter_ids, gint64, i);
      FitaChapter *chapter = id ? fita_plan_lookup (self->plan, FITA_TABLE_CHAPTER, id) : NULL;
      g_autofree char *tooltip = NULL;

      if (chapter != NULL && chapter->description != NULL)
        tooltip = g_strdup_printf ("%s: %s", chapter->name, chapter->description);
      gtk_grid_attach (grid, header_label_new (chapter_name (self->plan, id), tooltip), column++, 1, 1, 1);
    }
  if (self->show_below)
    gtk_grid_attach (grid,
                     /* Translators: a budget column: what the items below this one add up to */
                     header_label_new (_("Items below"), _("What the items below this one add up to")),
                     column++, 1, 1, 1);
  gtk_grid_attach (grid, header_label_new (_("Total"), NULL), column, 1, 1, 1);

  /* One row per year; added row by row, so Tab goes along each year. */
  row = 2;
  for (int year = self->first_year; year <= self->last_year; year++, row++)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      g_autofree char *key = NULL;
      GtkWidget *label = gtk_label_new (year_text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (grid, label, 0, row, 1, 1);

      column = 1;
      for (guint i = 0; i < self->chapter_ids->len; i++)
        {
          gint64 id = g_array_index (self->chapter_ids, gint64, i);
          g_autofree char *name = g_strdup_printf ("budget-%d-%" G_GINT64_FORMAT, year, id);
          GtkWidget *cell = fita_money_entry_new ();

          gtk_widget_set_name (cell, name);
          g_object_set_data (G_OBJECT (cell), "year", GINT_TO_POINTER (year));
          g_object_set_data_full (G_OBJECT (cell), "chapter", g_memdup2 (&id, sizeof id), g_free);
          g_signal_connect (cell, "committed", G_CALLBACK (cell_committed_cb), self);
          g_hash_table_insert (self->cells, cell_key (year, id), cell);
          gtk_grid_attach (grid, cell, column++, row, 1, 1);
        }
      if (self->show_below)
        {
          key = g_strdup_printf ("below/%d", year);
          gtk_grid_attach (grid, total_label_new (self, key, FALSE), column++, row, 1, 1);
          g_free (key);
        }
      key = g_strdup_printf ("year/%d", year);
      gtk_grid_attach (grid, total_label_new (self, key, FALSE), column, row, 1, 1);
    }

  /* Totals of the period. */
  child = gtk_label_new (_("Total"));
  gtk_label_set_xalign (GTK_LABEL (child), 0.0f);
  gtk_widget_add_css_class (child, "heading");
  gtk_grid_attach (grid, child, 0, row, 1, 1);
  column = 1;
  for (guint i = 0; i < self->chapter_ids->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("chapter/%" G_GINT64_FORMAT, g_array_index (self->chapter_ids, gint64, i));

      gtk_grid_attach (grid, total_label_new (self, key, FALSE), column++, row, 1, 1);
    }
  if (self->show_below)
    gtk_grid_attach (grid, total_label_new (self, "below", FALSE), column++, row, 1, 1);
  gtk_grid_attach (grid, total_label_new (self, "all", TRUE), column, row, 1, 1);
}

static void
set_total (FitaItemEditorBudget *self,
           const char           *key,
           gint64                cents,
           const char           *accessible)
{
  GtkWidget *label = g_hash_table_lookup (self->totals, key);
  g_autofree char *text = fita_money_format (cents, fita_lang_from_locale ());

  if (label == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (label), text);
  if (cents == FITA_NONE)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (accessible != NULL)
    {
      g_autofree char *full = g_strdup_printf ("%s: %s", accessible, text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                      -1);
    }
}

/* The total planned, reconciled: what the years hold plus what no year
 * has; and a warning when the parts are more than a total set on it. */
static void
update_envelope (FitaItemEditorBudget *self,
                 FitaItem             *item,
                 const char           *lang)
{
  FitaBudgetEnvelope envelope;
  g_autofree char *in_years = NULL;
  g_autofree char *not_in_years = NULL;
  gboolean shown;

  fita_plan_budget_envelope (self->plan, item, &envelope);
  shown = envelope.total != FITA_NONE;
  gtk_widget_set_visible (self->in_years_row, shown);
  gtk_widget_set_visible (self->not_in_years_row, shown);
  in_years = fita_money_format (envelope.in_years != FITA_NONE ? envelope.in_years : 0, lang);
  not_in_years = fita_money_format (envelope.not_in_years, lang);
  gtk_label_set_label (GTK_LABEL (self->in_years_label), in_years);
  gtk_label_set_label (GTK_LABEL (self->not_in_years_label), not_in_years);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->not_in_years_row),
                               shown && envelope.not_in_years < 0
                               ? _("The years add up to more than the total planned")
                               : NULL);

  gtk_widget_set_visible (self->over_row, envelope.over);
  if (envelope.over)
    {
      g_autofree char *parts = fita_money_format (envelope.parts, lang);
      g_autofree char *total = fita_money_format (envelope.total, lang);
      g_autofree char *message = g_strdup_printf (_("The parts add up to %s, more than the total planned of %s"),
                                                  parts, total);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->over_row), message);
    }
}

static void
update_values (FitaItemEditorBudget *self,
               FitaItem             *item,
               gboolean              force)
{
  const char *lang = fita_lang_from_locale ();
  gboolean can_edit = !fita_plan_is_read_only (self->plan);
  g_autofree char *period = fita_plan_format_period (self->plan);
  g_autofree char *executed_text = NULL;
  g_autofree char *rate_text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GHashTable) chapter_sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 below_total = FITA_NONE;
  gint64 grand = FITA_NONE;
  FitaBudgetSum sum;
  gint64 rate;

  if (self->mode_label != NULL)
    gtk_label_set_label (GTK_LABEL (self->mode_label),
                         self->show_planned
                         /* Translators: above the budget grid's cells, when they take planned amounts */
                         ? _("Planned amounts")
                         /* Translators: above the budget grid's cells, when they take executed amounts */
                         : _("Executed amounts"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->show_planned
                                  ? _("Planned budget by year and budget chapter")
                                  : _("Executed budget by year and budget chapter"),
                                  -1);

  for (int year = self->first_year; year <= self->last_year; year++)
    {
      g_autofree char *key = NULL;
      g_autofree char *accessible = NULL;
      FitaBudgetSum year_sum, below;

      for (guint i = 0; i < self->chapter_ids->len; i++)
        {
          gint64 id = g_array_index (self->chapter_ids, gint64, i);
          g_autofree char *cell_name = cell_key (year, id);
          GtkWidget *cell = g_hash_table_lookup (self->cells, cell_name);
          gint64 cents = line_amount (self, fita_plan_find_budget_line (self->plan, item->rec.id, year, id));
          gint64 *chapter_sum = g_hash_table_lookup (chapter_sums, &id);
          g_autofree char *label = NULL;

          if (chapter_sum == NULL)
            {
              chapter_sum = g_new (gint64, 1);
              *chapter_sum = FITA_NONE;
              g_hash_table_insert (chapter_sums, g_memdup2 (&id, sizeof id), chapter_sum);
            }
          *chapter_sum = fita_amount_add (*chapter_sum, cents);

          fita_money_entry_set_cents (FITA_MONEY_ENTRY (cell), cents, force);
          gtk_editable_set_editable (GTK_EDITABLE (cell), can_edit);
          label = self->show_planned
            /* Translators: what a screen reader says for a budget cell:
             * "Planned 2024, Capítol 1" (a budget chapter) */
            ? g_strdup_printf (_("Planned %d, %s"), year, chapter_name (self->plan, id))
            /* Translators: what a screen reader says for a budget cell:
             * "Executed 2024, Capítol 1" (a budget chapter) */
            : g_strdup_printf (_("Executed %d, %s"), year, chapter_name (self->plan, id));
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }

      if (self->show_below)
        {
          sum_below (self->plan, item, year, &below);
          key = g_strdup_printf ("below/%d", year);
          /* Translators: what a screen reader says for a budget total: "Items below, 2024" */
          accessible = g_strdup_printf (_("Items below, %d"), year);
          set_total (self, key, shown_amount (self, &below), accessible);
          below_total = fita_amount_add (below_total, shown_amount (self, &below));
          g_clear_pointer (&key, g_free);
          g_clear_pointer (&accessible, g_free);
        }

      fita_plan_budget_sum (self->plan, item, year, 0, &year_sum);
      key = g_strdup_printf ("year/%d", year);
      /* Translators: what a screen reader says for a budget total: "Total 2024" */
      accessible = g_strdup_printf (_("Total %d"), year);
      set_total (self, key, shown_amount (self, &year_sum), accessible);
      grand = fita_amount_add (grand, shown_amount (self, &year_sum));
    }

  for (guint i = 0; i < self->chapter_ids->len; i++)
    {
      gint64 id = g_array_index (self->chapter_ids, gint64, i);
      gint64 *chapter_sum = g_hash_table_lookup (chapter_sums, &id);
      g_autofree char *key = g_strdup_printf ("chapter/%" G_GINT64_FORMAT, id);
      /* Translators: what a screen reader says for a budget total: "Total, Capítol 1" */
      g_autofree char *accessible = g_strdup_printf (_("Total, %s"), chapter_name (self->plan, id));

      set_total (self, key, chapter_sum ? *chapter_sum : FITA_NONE, accessible);
    }
  set_total (self, "below", below_total, _("Items below, total"));
  set_total (self, "all", grand, _("Total"));

  /* The period: executed, planned (the item's own total when set), rate. */
  fita_plan_budget_sum (self->plan, item, FITA_NONE, 0, &sum);
  executed_text = fita_money_format (sum.executed, lang);
  gtk_label_set_label (GTK_LABEL (self->executed_label), executed_text);

  /* Translators: "Total executed 2019–2026" */
  title = period ? g_strdup_printf (_("Total executed %s"), period) : g_strdup (_("Total executed"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->executed_row), title);
  g_free (title);
  /* Translators: "Total planned 2019–2026" */
  title = period ? g_strdup_printf (_("Total planned %s"), period) : g_strdup (_("Total planned"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->planned_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->planned_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  fita_money_entry_set_cents (FITA_MONEY_ENTRY (self->planned_entry), item->planned_total_cents, force);
  gtk_editable_set_editable (GTK_EDITABLE (self->planned_entry), can_edit);
  if (item->planned_total_cents == FITA_NONE && sum.planned != FITA_NONE)
    {
      g_autofree char *yearly = fita_money_format (sum.planned, lang);
      /* Translators: under "Total planned" when it is empty: "Not set: the amounts by year add up to 120.000,00 €" */
      g_autofree char *subtitle = g_strdup_printf (_("Not set: the amounts by year add up to %s"), yearly);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->planned_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->planned_row), NULL);
  update_envelope (self, item, lang);

  /* No rate without a planned total and an executed amount: "—", not 0 %. */
  rate = fita_rate_bp (sum.executed, sum.planned);
  rate_text = fita_percent_format_bp (rate, lang);
  gtk_label_set_label (GTK_LABEL (self->rate_label), rate_text);
}

static void
sync_section (FitaItemEditorBudget *self,
      gboolean              force)
{
  FitaItem *item = current_item (self);
  g_autoptr(GArray) chapter_ids = NULL;
  g_autofree char *layout = NULL;
  gboolean show_below;
  int first, last;

  if (item == NULL)
    return;

  chapter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  layout = compute_layout (self, item, &first, &last, chapter_ids, &show_below);
  if (force || g_strcmp0 (layout, self->layout) != 0)
    {
      g_free (self->layout);
      self->layout = g_steal_pointer (&layout);
      self->first_year = first;
      self->last_year = last;
      g_array_unref (self->chapter_ids);
      self->chapter_ids = g_steal_pointer (&chapter_ids);
      self->show_below = show_below;
      build_grid (self);
      force = TRUE;
    }
  update_values (self, item, force);
}

static void
mode_toggled_cb (FitaItemEditorBudget *self)
{
  /* The toggles are a group: this runs as "planned" goes on or off. */
  gboolean planned = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->planned_toggle));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus ? gtk_widget_get_ancestor (focus, FITA_TYPE_MONEY_ENTRY) : NULL;

  if (planned == self->show_planned)
    return;
  /* What is being typed belongs to the amounts it was typed over. */
  if (cell != NULL && gtk_widget_is_ancestor (cell, self->grid))
    fita_money_entry_commit (FITA_MONEY_ENTRY (cell));
  self->show_planned = planned;
  if (current_item (self) != NULL)
    update_values (self, current_item (self), TRUE);
}

static void
planned_committed_cb (FitaItemEditorBudget *self,
                      gint64                cents)
{
  FitaItem *item = current_item (self);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Edit Planned Total"));
  fita_plan_set_int (self->plan, item, "planned_total_cents", cents, NULL);
  if (!fita_plan_end (self->plan, &error))
    {
      fita_item_editor_report_error (GTK_WIDGET (self), error);
      fita_money_entry_refuse (FITA_MONEY_ENTRY (self->planned_entry), current_item (self)->planned_total_cents,
                               error->message);
    }
}

void
fita_item_editor_budget_load (FitaItemEditorBudget *self,
                              FitaPlan             *plan,
                              gint64                item_id)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_BUDGET (self));

  g_set_object (&self->plan, plan);
  self->item_id = item_id;
  sync_section (self, TRUE);
}

void
fita_item_editor_budget_refresh (FitaItemEditorBudget *self,
                                 const FitaChanges    *changes)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_BUDGET (self));

  if ((fita_changes_get_effects (changes) & FITA_CHANGES_ALTER_BUDGETS) != 0)
    sync_section (self, FALSE);
}

void
fita_item_editor_budget_set_show_planned (FitaItemEditorBudget *self,
                                          gboolean              planned)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_BUDGET (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (planned ? self->planned_toggle : self->executed_toggle), TRUE);
}

GtkWidget *
fita_item_editor_budget_get_cell (FitaItemEditorBudget *self,
                                  int                   year,
                                  gint64                chapter_id)
{
  g_autofree char *key = cell_key (year, chapter_id);

  g_return_val_if_fail (FITA_IS_ITEM_EDITOR_BUDGET (self), NULL);

  return g_hash_table_lookup (self->cells, key);
}

static void
fita_item_editor_budget_dispose (GObject *object)
{
  FitaItemEditorBudget *self = FITA_ITEM_EDITOR_BUDGET (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR_BUDGET);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->totals, g_hash_table_unref);
  g_clear_pointer (&self->chapter_ids, g_array_unref);
  g_clear_pointer (&self->layout, g_free);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_item_editor_budget_parent_class)->dispose (object);
}

static void
fita_item_editor_budget_class_init (FitaItemEditorBudgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_budget_dispose;

  g_type_ensure (FITA_TYPE_MONEY_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor-budget.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, executed_toggle);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, planned_toggle);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, grid);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, executed_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, executed_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, planned_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, planned_entry);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, in_years_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, in_years_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, not_in_years_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, not_in_years_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, over_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, rate_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorBudget, rate_label);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, planned_committed_cb);
}

static void
fita_item_editor_budget_init (FitaItemEditorBudget *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* planned amounts first: a plan is made before it is spent */
  self->show_planned = TRUE;
  /* GTK 4.8 gives a toggle its pressed state only once it is toggled: the
   * one that starts off would read as a plain button */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->planned_toggle),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->executed_toggle),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);

  self->chapter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
