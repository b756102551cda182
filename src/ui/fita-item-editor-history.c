/* fita-item-editor-history.c: who changed what of an item, and when: the
 * item's entries of the plan's change log, newest first. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-editor-history.h"
#include "fita-money.h"

struct _FitaItemEditorHistory
{
  GtkWidget   parent_instance;

  FitaPlan   *plan;
  gint64      item_id;
  GPtrArray  *rows;          /* the expander's rows, to remove them */

  /* Template widgets */
  GtkWidget  *group;
  GtkWidget  *list;
  GtkWidget  *expander;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorHistory, fita_item_editor_history, GTK_TYPE_WIDGET)

/* What the fields are called in the editor; a field not named here goes
 * by its name in the file. */
static const char *
field_label (const char *table, const char *field)
{
  static const struct { const char *table, *field, *label; } labels[] = {
    { "item", "code", N_("Code") },
    { "item", "title", N_("Title") },
    { "item", "description", N_("Description") },
    { "item", "level_id", N_("Level") },
    { "item", "status_id", N_("Status") },
    { "item", "progress", N_("Progress") },
    { "item", "weight", N_("Weight") },
    { "item", "start_year", N_("Start Year") },
    { "item", "end_year", N_("End Year") },
    { "item", "start_date", N_("Start Date") },
    { "item", "end_date", N_("End Date") },
    { "item", "semesters", N_("Semesters") },
    { "item", "other_services", N_("Other Services") },
    { "item", "notes", N_("Notes") },
    { "item", "planned_total_cents", N_("Planned Total") },
    { "item", "parent_id", N_("Place in the Plan") },
    { "item", "position", N_("Order") },
    { "budget_line", "planned_cents", N_("Planned Amount") },
    { "budget_line", "executed_cents", N_("Executed Amount") },
    { "budget_line", "year", N_("Budget Year") },
    { "budget_line", "chapter_id", N_("Budget Chapter") },
    { "indicator", "name", N_("Indicator") },
    { "indicator_value", "value", N_("Indicator Value") },
    { "indicator_value", "observations", N_("Indicator Observations") },
    { "followup", "execution", N_("Execution") },
    { "followup", "strengths", N_("Strengths") },
    { "followup", "weaknesses", N_("Weaknesses") },
    { "followup", "other", N_("Other Remarks") },
    { "followup", "adjustments", N_("Adjustments") },
    { "followup", "next_steps", N_("Next Steps") },
    { "link", "title", N_("Link Title") },
    { "link", "url", N_("Link Address") },
    { "responsibility", "agent_id", N_("Responsible") },
    { "responsibility", "role", N_("Role") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].table, table) && g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/* What a record of a table is called, for records added or removed. */
static const char *
table_noun (const char *table)
{
  for (FitaTableId t = 0; t < FITA_N_TABLES; t++)
    if (g_str_equal (fita_table (t)->name, table))
      return fita_table_noun (t);
  return table;
}

/* "budget line" → "Budget line" */
static char *
capitalised (const char *text)
{
  g_autofree char *first = g_utf8_strup (text, g_utf8_next_char (text) - text);

  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* The log keeps numbers as JSON writes them ("1500.00", "88.3"): read
 * them back in hundredths for the formatters. */
static gboolean
parse_hundredths (const char *text, gint64 *value)
{
  gboolean negative = text[0] == '-';
  const char *p = negative ? text + 1 : text;
  gint64 whole = 0, part = 0;
  int digits = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    whole = whole * 10 + (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
      part = part * 10 + (*p - '0');
  if (*p != '\0')
    return FALSE;
  if (digits == 1)
    part *= 10;
  *value = (negative ? -1 : 1) * (whole * 100 + part);
  return TRUE;
}

static char *
format_value (const char *table, const char *field, const char *value)
{
  gint64 hundredths;

  if (value == NULL || *value == '\0')
    /* Translators: a value that was or became empty, in an item's history */
    return g_strdup (C_("history", "(empty)"));
  if ((g_str_has_suffix (field, "_cents")) && parse_hundredths (value, &hundredths))
    return fita_money_format (hundredths, fita_lang_from_locale ());
  if (g_str_equal (table, "item") && g_str_equal (field, "progress") && parse_hundredths (value, &hundredths))
    return fita_percent_format_hundredths (hundredths, -1, fita_lang_from_locale ());
  /* a text on one line, not too long to read at a glance */
  {
    g_autofree char *flat = g_strdelimit (g_strdup (value), "\r\n\t", ' ');
    if (g_utf8_strlen (flat, -1) > 60)
      {
        g_autofree char *cut = g_utf8_substring (flat, 0, 59);
        return g_strconcat (cut, "…", NULL);
      }
    return g_steal_pointer (&flat);
  }
}

char *
fita_item_history_describe_entry (FitaPlan *plan, const FitaLogEntry *entry)
{
  g_autofree char *noun = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  switch (entry->kind)
    {
    case FITA_CHANGE_UPDATED:
      old_value = format_value (entry->table, entry->field, entry->old_value);
      new_value = format_value (entry->table, entry->field, entry->new_value);
      /* Translators: a field's change in an item's history: "Progress 20 % → 50 %" */
      return g_strdup_printf (_("%s %s → %s"), field_label (entry->table, entry->field), old_value, new_value);
    case FITA_CHANGE_INSERTED:
      noun = capitalised (table_noun (entry->table));
      new_value = format_value (entry->table, "", entry->new_value);
      /* Translators: a record added, in an item's history: "Link added: https://…" */
      return g_strdup_printf (_("%s added: %s"), noun, new_value);
    case FITA_CHANGE_DELETED:
      noun = capitalised (table_noun (entry->table));
      old_value = format_value (entry->table, "", entry->old_value);
      /* Translators: a record removed, in an item's history: "Link removed: https://…" */
      return g_strdup_printf (_("%s removed: %s"), noun, old_value);
    }
  return NULL;
}

/* The row of one change: what it did, then when and who. */
static GtkWidget *
change_row (FitaItemEditorHistory *self, const FitaLogChange *change)
{
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *when = fita_log_format_time (change->at);
  g_autofree char *who = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  for (guint i = 0; i < change->entries->len; i++)
    {
      const FitaLogEntry *entry = g_ptr_array_index (change->entries, i);
      g_autofree char *text = NULL;

      /* a place among siblings is the label's to say ("Move Item") */
      if (entry->field != NULL && g_str_equal (entry->field, "position"))
        continue;
      text = fita_item_history_describe_entry (self->plan, entry);
      g_string_append_printf (what, "%s%s", what->len ? "\n" : "", text);
    }
  if (what->len == 0)
    /* Translators: a change with no name, in an item's history */
    g_string_append (what, change->label ? change->label : _("Change"));

  who = change->source
    /* Translators: who made a change, and where it came from: "Anna Puig (Servei de Cultura)" */
    ? g_strdup_printf (_("%s (%s)"), change->author, change->source)
    : g_strdup (change->author);
  subtitle = change->label
    /* Translators: when, who and what the change was called, under a change in an item's history */
    ? g_strdup_printf (_("%s · %s · %s"), when, who, change->label)
    /* Translators: when and who, under a change in an item's history */
    : g_strdup_printf (_("%s · %s"), when, who);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
clear_rows (FitaItemEditorHistory *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->expander), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (FitaItemEditorHistory *self, GtkWidget *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self->expander), row);
  g_ptr_array_add (self->rows, row);
}

static void
sync_section (FitaItemEditorHistory *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  guint shown;

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->plan != NULL && self->item_id != 0);
  if (self->plan == NULL || self->item_id == 0)
    return;

  /* one more than shown, to know whether there are more */
  changes = fita_plan_read_log (self->plan, self->item_id, FITA_ITEM_HISTORY_MAX + 1, &error);
  if (changes == NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->expander), error->message);
      return;
    }
  shown = MIN (changes->len, FITA_ITEM_HISTORY_MAX);
  for (guint i = 0; i < shown; i++)
    add_row (self, change_row (self, g_ptr_array_index (changes, i)));

  if (changes->len > FITA_ITEM_HISTORY_MAX)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Only the last %d changes are shown"), FITA_ITEM_HISTORY_MAX);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (more), _("“fita-cli log FILE --item CODE” lists them all."));
      gtk_widget_add_css_class (more, "dim-label");
      add_row (self, more);
    }

  if (changes->len == 0)
    subtitle = g_strdup (fita_plan_get_path (self->plan) != NULL
                         ? _("No changes since the plan’s history began")
                         : _("The history is kept once the plan is saved to a file"));
  else
    {
      const FitaLogChange *last = g_ptr_array_index (changes, 0);
      g_autofree char *when = fita_log_format_time (last->at);
      /* Translators: %s: when and who, "2026-12-07 08:10, by Anna Puig" */
      subtitle = changes->len > FITA_ITEM_HISTORY_MAX
        ? g_strdup_printf (_("More than %d changes; the last on %s, by %s"), FITA_ITEM_HISTORY_MAX, when, last->author)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change; the last on %s, by %s",
                                        "%u changes; the last on %s, by %s", changes->len),
                           changes->len, when, last->author);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self->expander), subtitle);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->expander), changes->len > 0);
}

void
fita_item_editor_history_load (FitaItemEditorHistory *self,
                               FitaPlan              *plan,
                               gint64                 item_id)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_HISTORY (self));

  if (self->plan != plan || self->item_id != item_id)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->expander), FALSE);
  g_set_object (&self->plan, plan);
  self->item_id = item_id;
  sync_section (self);
}

void
fita_item_editor_history_refresh (FitaItemEditorHistory *self)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_HISTORY (self));

  sync_section (self);
}

static void
fita_item_editor_history_dispose (GObject *object)
{
  FitaItemEditorHistory *self = FITA_ITEM_EDITOR_HISTORY (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR_HISTORY);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_item_editor_history_parent_class)->dispose (object);
}

static void
fita_item_editor_history_class_init (FitaItemEditorHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_history_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor-history.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorHistory, group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorHistory, list);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorHistory, expander);
}

static void
fita_item_editor_history_init (FitaItemEditorHistory *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
