/* fita-item-editor.c: the detail pane of the selected item, where every
 * field of it can be changed; each change is one undoable change, saved at
 * once. The pane follows the plan's changes (undo and redo included)
 * without losing what the person is typing. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "fita-change-error.h"
#include "fita-error.h"
#include "fita-field.h"
#include "fita-item-editor.h"
#include "fita-item-editor-budget.h"
#include "fita-item-editor-fields.h"
#include "fita-item-editor-followup.h"
#include "fita-item-editor-indicators.h"
#include "fita-item-editor-links.h"
#include "fita-item-editor-history.h"
#include "fita-item-editor-number.h"
#include "fita-item-editor-who.h"
#include "fita-money-entry.h"
#include "fita-money.h"
#include "fita-outline.h"
#include "fita-rollup.h"
#include "fita-semester-grid.h"
#include "fita-status-table.h"

struct _FitaItemEditor
{
  AdwBin             parent_instance;

  FitaPlan          *plan;
  GSignalGroup       *plan_signals;   /* the plan's signals, whichever plan it is */
  gint64             item_id;
  int                year;          /* 0: the plan's follow-up year */
  int                shown_year;    /* the year the sections show */
  gboolean           showing;       /* the item exists and is shown */
  guint              updating;
  FitaEditorChoices *levels;
  FitaEditorChoices *statuses;

  GtkWidget         *progress_number;
  GtkWidget         *weight_number;
  GtkWidget         *start_year_number;
  GtkWidget         *end_year_number;
  GtkWidget         *header_fields[6];  /* bound to the item's fields; NULL-ended */
  GtkWidget         *date_fields[3];

  /* Template widgets */
  GtkWidget         *toast_overlay;
  GtkWidget         *stack;
  GtkWidget         *scroller;
  GtkWidget         *level_label;
  GtkWidget         *heading_label;
  GtkWidget         *code_row;
  GtkWidget         *title_row;
  GtkWidget         *level_drop_down;
  GtkWidget         *status_drop_down;
  GtkWidget         *code_error;
  GtkWidget         *description_view;
  GtkWidget         *progress_row;
  GtkWidget         *status_hint_row;
  GtkWidget         *status_hint_button;
  gint64             suggested_status_id;
  GtkWidget         *derived_row;
  GtkWidget         *derived_bar;
  GtkWidget         *derived_label;
  GtkWidget         *weight_row;
  GtkWidget         *status_table;
  GtkWidget         *start_year_row;
  GtkWidget         *end_year_row;
  GtkWidget         *start_date_row;
  GtkWidget         *end_date_row;
  GtkWidget         *start_date_button;
  GtkWidget         *end_date_button;
  GtkWidget         *start_date_popover;
  GtkWidget         *end_date_popover;
  GtkWidget         *start_calendar;
  GtkWidget         *end_calendar;
  GtkWidget         *semester_grid;
  GtkWidget         *who;
  GtkWidget         *budget;
  GtkWidget         *indicators;
  GtkWidget         *followup;
  GtkWidget         *links;
  GtkWidget         *history;
};

G_DEFINE_FINAL_TYPE (FitaItemEditor, fita_item_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ITEM_ID,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FitaItem *
current_item (FitaItemEditor *self)
{
  if (self->plan == NULL || self->item_id == 0)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id);
}

static gboolean
can_edit (FitaItemEditor *self)
{
  return self->plan != NULL && !fita_plan_is_read_only (self->plan);
}

static int
effective_year (FitaItemEditor *self)
{
  if (self->year != 0)
    return self->year;
  return self->plan ? fita_editor_current_year (self->plan) : 0;
}

void
fita_item_editor_report_error (GtkWidget    *widget,
                               const GError *error)
{
  GtkWidget *editor = gtk_widget_get_ancestor (widget, FITA_TYPE_ITEM_EDITOR);
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (error != NULL);

  g_debug ("Item editor: %s", error->message);
  if (editor == NULL ||
      fita_change_error_show (widget, FITA_ITEM_EDITOR (editor)->plan, error, NULL))
    return;
  title = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (FITA_ITEM_EDITOR (editor)->toast_overlay), toast);
}

/* Saves the current change; says why when the plan refused it. */
static gboolean
end_change (FitaItemEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (fita_plan_end (self->plan, &error))
    return TRUE;
  fita_item_editor_report_error (GTK_WIDGET (self), error);
  return FALSE;
}

static void
ensure_style (FitaItemEditor *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "fita-item-editor-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/cat/fita/Fita/fita-item-editor.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fita-item-editor-css",
                          g_steal_pointer (&provider), g_object_unref);
}

/* Pending edits */

static void
flush_numbers (GtkWidget *widget)
{
  if (FITA_IS_ITEM_EDITOR_NUMBER (widget))
    {
      fita_item_editor_number_flush (FITA_ITEM_EDITOR_NUMBER (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    flush_numbers (child);
}

/* Saves what the person was typing, before the editor shows something else. */
static void
flush_pending (FitaItemEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->plan == NULL || !self->showing)
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      GtkWidget *field = fita_field_find_bound (focus);
      GtkWidget *money = gtk_widget_get_ancestor (focus, FITA_TYPE_MONEY_ENTRY);

      if (field != NULL)
        fita_field_commit (field);
      else if (money != NULL)
        fita_money_entry_commit (FITA_MONEY_ENTRY (money));
    }
  flush_numbers (GTK_WIDGET (self));
}

/* Choices */

/* Gives a bound drop-down new choices without saving the selection the
 * new model brings. */
static void
attach_choices (GtkWidget         *drop_down,
                FitaEditorChoices *choices)
{
  g_autofree gint64 *values = g_new (gint64, MAX (1, fita_editor_choices_get_n (choices)));

  for (guint i = 0; i < fita_editor_choices_get_n (choices); i++)
    values[i] = fita_editor_choices_get_id (choices, i);
  fita_field_hold_commits ();
  fita_editor_choices_attach (choices, GTK_DROP_DOWN (drop_down));
  fita_field_set_choice_values (drop_down, values, fita_editor_choices_get_n (choices));
  fita_field_release_commits ();
}

static void
reload_levels (FitaItemEditor *self)
{
  GPtrArray *levels = fita_plan_list (self->plan, FITA_TABLE_LEVEL, 0);

  g_clear_pointer (&self->levels, fita_editor_choices_unref);
  self->levels = fita_editor_choices_new ();
  /* Translators: no level, or no status, chosen for an item */
  fita_editor_choices_add (self->levels, 0, C_("level", "None"), 0, NULL);
  for (guint i = 0; i < levels->len; i++)
    {
      FitaLevel *level = g_ptr_array_index (levels, i);

      fita_editor_choices_add (self->levels, level->rec.id, level->name, 0, NULL);
    }
  attach_choices (self->level_drop_down, self->levels);
}

static void
reload_statuses (FitaItemEditor *self)
{
  GPtrArray *statuses = fita_plan_list (self->plan, FITA_TABLE_STATUS, 0);

  g_clear_pointer (&self->statuses, fita_editor_choices_unref);
  self->statuses = fita_editor_choices_new ();
  fita_editor_choices_add (self->statuses, 0, C_("status", "None"), 0, NULL);
  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatus *status = g_ptr_array_index (statuses, i);

      fita_editor_choices_add (self->statuses, status->rec.id, status->name, 0, status->colour);
    }
  attach_choices (self->status_drop_down, self->statuses);
}

/* Header: code, title, level, status, description */

/* Shows the item's fields: those of another item (force) or of this one
 * after a change, which keeps what the person is typing. */
static void
show_fields (FitaItemEditor  *self,
             GtkWidget      **fields,
             gboolean         force,
             gboolean         editable)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (force)
        fita_field_set_record (fields[i], self->plan, self->item_id);
      else
        fita_field_load (fields[i]);
      fita_field_set_read_only_all (fields[i], !editable);
    }
}

static void
update_header (FitaItemEditor *self,
               FitaItem       *item,
               gboolean        force)
{
  FitaLevel *level = item->level_id ? fita_plan_lookup (self->plan, FITA_TABLE_LEVEL, item->level_id) : NULL;
  g_autofree char *heading = NULL;
  gboolean editable = can_edit (self);

  gtk_label_set_label (GTK_LABEL (self->level_label), level ? level->name : NULL);
  gtk_widget_set_visible (self->level_label, level != NULL);
  if (item->code != NULL && item->title != NULL)
    /* Translators: the heading of the item editor: "11 ESS als barris" (code and title) */
    heading = g_strdup_printf (C_("item heading", "%s %s"), item->code, item->title);
  else if (item->code != NULL || item->title != NULL)
    heading = g_strdup (item->code ? item->code : item->title);
  else
    heading = g_strdup (_("Untitled Item"));
  gtk_label_set_label (GTK_LABEL (self->heading_label), heading);

  show_fields (self, self->header_fields, force, editable);
}

/* Codes tell items apart: one already taken is refused before the plan
 * is asked, saying by which item. */
static char *
check_code (GtkWidget  *widget,
            const char *text,
            gpointer    user_data)
{
  FitaItemEditor *self = user_data;
  FitaItem *item = current_item (self);
  FitaItem *other = *text != '\0' ? fita_plan_find_item (self->plan, text) : NULL;

  if (item == NULL || other == NULL || other == item)
    return NULL;
  /* Translators: "The code 11.2 is already used by “Disseny acció amb agents del territori”." */
  return g_strdup_printf (_("The code %s is already used by “%s”. Codes tell items apart: choose another one."),
                          text, other->title ? other->title : "");
}

static gboolean
set_item_int (FitaItemEditor *self,
              const char     *field,
              const char     *label,
              gint64          value)
{
  FitaItem *item = current_item (self);

  if (item == NULL)
    return TRUE;
  fita_plan_begin (self->plan, label);
  fita_plan_set_int (self->plan, item, field, value, NULL);
  return end_change (self);
}

/* Progress and weight */

static void update_status_hint (FitaItemEditor *self,
                                FitaItem       *item,
                                gboolean        leaf);

static void
update_progress (FitaItemEditor *self,
                 FitaItem       *item,
                 gboolean        force)
{
  const char *lang = fita_lang_from_locale ();
  gboolean leaf = fita_plan_item_is_leaf (self->plan, item);
  FitaPlanInfo *info = fita_plan_get_info (self->plan);
  gboolean editable = can_edit (self);

  gtk_widget_set_visible (self->progress_row, leaf);
  gtk_widget_set_visible (self->derived_row, !leaf);
  update_status_hint (self, item, leaf);
  /* A parent's items by status, as the Plan page has the plan's. */
  fita_status_table_update (FITA_STATUS_TABLE (self->status_table), leaf ? NULL : self->plan, item);

  if (leaf)
    {
      FitaStatus *status = item->status_id ? fita_plan_lookup (self->plan, FITA_TABLE_STATUS, item->status_id) : NULL;
      gboolean status_percent = status != NULL && status->percent != FITA_NONE;
      g_autofree char *subtitle = NULL;

      /* With no percent, the spin button rests on the status's. */
      fita_item_editor_number_set_fallback (FITA_ITEM_EDITOR_NUMBER (self->progress_number),
                                            status_percent ? status->percent * 100 : 0);
      fita_field_show (self->progress_number, self->plan, self->item_id, force, editable);
      if (item->progress_bp == FITA_NONE && status_percent)
        {
          g_autofree char *percent = fita_percent_format (status->percent, lang);

          /* Translators: under Progress, when no percent was entered: "No percent yet: its status counts as 0 %" */
          subtitle = g_strdup_printf (_("No percent yet: its status counts as %s"), percent);
        }
      else if (item->progress_bp == FITA_NONE)
        subtitle = g_strdup (_("No percent yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->progress_row), subtitle);
    }
  else
    {
      gint64 progress = fita_plan_progress_bp (self->plan, item);
      g_autofree char *rule = fita_plan_describe_progress_rule (self->plan);
      g_autofree char *text = fita_plan_format_progress (self->plan, item, lang);
      g_autofree char *accessible = NULL;

      gtk_label_set_label (GTK_LABEL (self->derived_label), text);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->derived_bar), progress != FITA_NONE ? progress / 10000.0 : 0.0);
      /* An empty bar would read as 0 %. */
      gtk_widget_set_visible (self->derived_bar, progress != FITA_NONE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->derived_row), rule);
      /* Translators: what a screen reader says for a derived percent: "Progress, from the items below: 12 %" */
      accessible = g_strdup_printf (_("Progress, from the items below: %s"), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->derived_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  /* An item with no weight weighs 1. */
  fita_item_editor_number_set_fallback (FITA_ITEM_EDITOR_NUMBER (self->weight_number), 1);
  fita_field_show (self->weight_number, self->plan, self->item_id, force, editable);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->weight_row),
                               info->progress_rule == FITA_PROGRESS_WEIGHTED
                               ? _("How much it counts in the progress of the item above")
                               : _("Counts only when the plan weighs its items"));
}

/* The status a leaf's progress calls for, when its status says otherwise:
 * at 100 % one whose percent is 100; above 0 %, while the status is at 0 %
 * or 100 % (or there is none), one in between: the nearest to the progress
 * of those with a percent, or else one without a percent that comes
 * between the 0 % and the 100 % ones in the plan's order ("En curs").
 * Statuses are told by their percents, whatever the plan names them. */
static FitaStatus *
suggested_status (FitaItemEditor *self,
                  FitaItem       *item)
{
  GPtrArray *statuses = fita_plan_list (self->plan, FITA_TABLE_STATUS, 0);
  FitaStatus *current = item->status_id ? fita_plan_lookup (self->plan, FITA_TABLE_STATUS, item->status_id) : NULL;
  /* -1: a status with no percent, taken as in between. */
  gint64 current_percent = current == NULL ? 0 : current->percent != FITA_NONE ? current->percent : -1;
  gint64 progress = item->progress_bp;
  FitaStatus *best = NULL;
  FitaStatus *unmeasured = NULL;
  gboolean after_zero = FALSE;

  if (progress == FITA_NONE || progress <= 0)
    return NULL;
  for (guint i = 0; i < statuses->len; i++)
    {
      FitaStatus *status = g_ptr_array_index (statuses, i);

      if (progress >= 10000)
        {
          if (status->percent == 100 && current_percent != 100)
            return status;
          continue;
        }
      if (current_percent != 0 && current_percent != 100)
        return NULL;
      if (status->percent == 0)
        after_zero = TRUE;
      else if (status->percent == FITA_NONE)
        {
          if (after_zero && unmeasured == NULL)
            unmeasured = status;
        }
      else if (status->percent == 100)
        after_zero = FALSE;
      else if (best == NULL || ABS (status->percent * 100 - progress) < ABS (best->percent * 100 - progress))
        best = status;
    }
  return best != NULL ? best : unmeasured;
}

static void
update_status_hint (FitaItemEditor *self,
                    FitaItem       *item,
                    gboolean        leaf)
{
  FitaStatus *status = leaf && can_edit (self) ? suggested_status (self, item) : NULL;
  FitaStatus *current = item->status_id ? fita_plan_lookup (self->plan, FITA_TABLE_STATUS, item->status_id) : NULL;
  g_autofree char *percent = NULL;
  g_autofree char *title = NULL;
  g_autofree char *button = NULL;

  self->suggested_status_id = status ? status->rec.id : 0;
  gtk_widget_set_visible (self->status_hint_row, status != NULL);
  if (status == NULL)
    return;
  percent = fita_percent_format_hundredths (item->progress_bp, -1, fita_lang_from_locale ());
  if (current != NULL)
    /* Translators: a suggestion under Progress: "Progress is 100 %, but the status is “En curs”." */
    title = g_strdup_printf (_("Progress is %s, but the status is “%s”."), percent, current->name);
  else
    /* Translators: a suggestion under Progress: "Progress is 40 %, but no status is set." */
    title = g_strdup_printf (_("Progress is %s, but no status is set."), percent);
  /* Translators: the button of that suggestion: "Mark as Acabat" */
  button = g_strdup_printf (_("Mark as %s"), status->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_hint_row), title);
  gtk_button_set_label (GTK_BUTTON (self->status_hint_button), button);
}

static void
status_hint_clicked_cb (FitaItemEditor *self)
{
  if (self->suggested_status_id == 0 || current_item (self) == NULL)
    return;
  /* Translators: the name of an action that can be undone */
  set_item_int (self, "status_id", _("Change Status"), self->suggested_status_id);
}

/* Schedule */

static void
update_schedule (FitaItemEditor *self,
                 FitaItem       *item,
                 gboolean        force)
{
  FitaPlanInfo *info = fita_plan_get_info (self->plan);
  gboolean editable = can_edit (self);
  g_auto(GStrv) semesters = item->semesters ? g_strsplit (item->semesters, " ", -1) : NULL;
  gint64 start_fallback = info->period_start != FITA_NONE ? info->period_start : fita_editor_current_year (self->plan);
  gint64 end_fallback = item->start_year != FITA_NONE ? item->start_year
                        : info->period_end != FITA_NONE ? info->period_end : start_fallback;
  int first, last;

  fita_item_editor_number_set_fallback (FITA_ITEM_EDITOR_NUMBER (self->start_year_number), start_fallback);
  fita_field_show (self->start_year_number, self->plan, self->item_id, force, editable);
  fita_item_editor_number_set_fallback (FITA_ITEM_EDITOR_NUMBER (self->end_year_number), end_fallback);
  fita_field_show (self->end_year_number, self->plan, self->item_id, force, editable);
  fita_editor_mark_error (self->end_year_row,
                          item->start_year != FITA_NONE && item->end_year != FITA_NONE &&
                          item->end_year < item->start_year
                          ? _("The end year comes before the start year.")
                          : NULL);

  show_fields (self, self->date_fields, force, editable);
  gtk_widget_set_sensitive (self->start_date_button, editable);
  gtk_widget_set_sensitive (self->end_date_button, editable);

  /* The plan's half-years, and any the item has outside them. */
  fita_editor_shown_years (self->plan, &first, &last);
  for (guint i = 0; semesters != NULL && semesters[i] != NULL; i++)
    {
      int year = atoi (semesters[i]);

      if (year >= 1000)
        {
          first = MIN (first, year);
          last = MAX (last, year);
        }
    }
  fita_semester_grid_set_years (FITA_SEMESTER_GRID (self->semester_grid), first, last);
  fita_semester_grid_set_semesters (FITA_SEMESTER_GRID (self->semester_grid), item->semesters);
  gtk_widget_set_sensitive (self->semester_grid, editable);
}

static GtkWidget *
date_row_of (FitaItemEditor *self,
             GtkWidget      *widget)
{
  return gtk_widget_is_ancestor (widget, self->start_date_row) || widget == self->start_date_popover
         ? self->start_date_row : self->end_date_row;
}

static void
date_popover_show_cb (GtkPopover     *popover,
                      FitaItemEditor *self)
{
  GtkWidget *row = date_row_of (self, GTK_WIDGET (popover));
  GtkWidget *calendar = row == self->start_date_row ? self->start_calendar : self->end_calendar;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (sscanf (text, "%4d-%2d-%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  else
    date = g_date_time_new_now_local ();
  self->updating++;
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  self->updating--;
}

static void
day_selected_cb (GtkCalendar    *calendar,
                 FitaItemEditor *self)
{
  GtkWidget *row = calendar == GTK_CALENDAR (self->start_calendar) ? self->start_date_row : self->end_date_row;
  GtkWidget *popover = row == self->start_date_row ? self->start_date_popover : self->end_date_popover;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (self->updating)
    return;
  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  fita_field_commit (row);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
date_clear_cb (GtkButton      *button,
               FitaItemEditor *self)
{
  GtkWidget *row = date_row_of (self, GTK_WIDGET (button));
  GtkWidget *popover = row == self->start_date_row ? self->start_date_popover : self->end_date_popover;

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  fita_field_commit (row);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
semester_toggled_cb (FitaItemEditor *self,
                     int             year,
                     int             half)
{
  FitaItem *item = current_item (self);
  GtkWidget *toggle = fita_semester_grid_get_toggle (FITA_SEMESTER_GRID (self->semester_grid), year, half);
  g_autofree char *semesters = NULL;

  if (item == NULL || toggle == NULL)
    return;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)) ==
      fita_semesters_contains (item->semesters, year, half))
    return;

  semesters = fita_semesters_toggle (item->semesters, year, half);
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Edit Semesters"));
  fita_plan_set_text (self->plan, item, "semesters", semesters, NULL);
  if (!end_change (self) && current_item (self) != NULL)
    fita_semester_grid_set_semesters (FITA_SEMESTER_GRID (self->semester_grid), current_item (self)->semesters);
}

/* Adding the next item */

static gboolean
is_outline (GtkWidget *widget)
{
  return FITA_IS_OUTLINE (widget);
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+Return in the title: the title is saved and the next item added
 * after this one, as the outline's "Add Item" does, where the outline
 * (which owns adding, selecting and renaming) is beside the editor. */
static void
add_after_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *outline = root ? find_widget (GTK_WIDGET (root), is_outline) : NULL;

  if (!self->showing || !can_edit (self))
    return;
  flush_pending (self);
  if (outline == NULL || fita_outline_get_plan (FITA_OUTLINE (outline)) != self->plan)
    return;
  if (fita_outline_get_selected_id (FITA_OUTLINE (outline)) != self->item_id)
    fita_outline_select_item (FITA_OUTLINE (outline), self->item_id);
  gtk_widget_activate_action (outline, "outline.add-after", NULL);
}

static void
add_shortcut (GtkWidget *widget)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("item-editor.add-after")));
  gtk_widget_add_controller (widget, controller);
}

/* Loading and following the plan */

static void
load_sections (FitaItemEditor *self,
               gboolean        showing)
{
  FitaPlan *plan = showing ? self->plan : NULL;
  gint64 item_id = showing ? self->item_id : 0;

  self->shown_year = effective_year (self);
  fita_item_editor_who_load (FITA_ITEM_EDITOR_WHO (self->who), plan, item_id);
  fita_item_editor_budget_load (FITA_ITEM_EDITOR_BUDGET (self->budget), plan, item_id);
  fita_item_editor_indicators_load (FITA_ITEM_EDITOR_INDICATORS (self->indicators),
                                    plan, item_id, self->shown_year);
  fita_item_editor_followup_load (FITA_ITEM_EDITOR_FOLLOWUP (self->followup),
                                  plan, item_id, self->shown_year);
  fita_item_editor_links_load (FITA_ITEM_EDITOR_LINKS (self->links), plan, item_id);
  fita_item_editor_history_load (FITA_ITEM_EDITOR_HISTORY (self->history), plan, item_id);
}

static void
load_item (FitaItemEditor *self)
{
  FitaItem *item = current_item (self);

  self->showing = item != NULL;
  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      /* The fields and sections let go of the plan too, so a closed plan
       * is closed. */
      for (guint i = 0; self->header_fields[i] != NULL; i++)
        fita_field_set_record (self->header_fields[i], NULL, 0);
      for (guint i = 0; self->date_fields[i] != NULL; i++)
        fita_field_set_record (self->date_fields[i], NULL, 0);
      fita_field_set_record (self->progress_number, NULL, 0);
      fita_field_set_record (self->weight_number, NULL, 0);
      fita_field_set_record (self->start_year_number, NULL, 0);
      fita_field_set_record (self->end_year_number, NULL, 0);
      load_sections (self, FALSE);
      return;
    }

  reload_levels (self);
  reload_statuses (self);
  update_header (self, item, TRUE);
  update_progress (self, item, TRUE);
  update_schedule (self, item, TRUE);
  load_sections (self, TRUE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "item");
}

static void
plan_changed_cb (FitaPlan       *plan,
                 FitaChanges    *changes,
                 FitaItemEditor *self)
{
  FitaItem *item = current_item (self);
  FitaChangesEffects effects;
  gboolean own;

  /* Reads the plan only, never another view, so whichever handler of
   * "changed" runs first, this one is right. */
  if (self->item_id == 0)
    return;
  if (item == NULL || !self->showing)
    {
      /* Deleted, or back (an undone deletion). */
      load_item (self);
      return;
    }

  /* What a change alters is the core's to say; whether it is this item's
   * own, the editor's. */
  effects = fita_changes_get_effects (changes);
  own = fita_editor_changes_touch (changes, FITA_TABLE_ITEM, self->item_id);
  if ((effects & FITA_CHANGES_ALTER_ITEM_LABELS) != 0)
    {
      reload_levels (self);
      reload_statuses (self);
    }
  if (own || (effects & FITA_CHANGES_ALTER_ITEM_LABELS) != 0)
    update_header (self, item, FALSE);
  /* Progress is derived from everything below, by the plan's rule; the
   * status hint and the table by status name statuses. */
  if ((effects & (FITA_CHANGES_ALTER_PROGRESS | FITA_CHANGES_ALTER_ITEM_LABELS)) != 0)
    update_progress (self, item, FALSE);
  if (own || (effects & FITA_CHANGES_ALTER_PERIOD) != 0)
    update_schedule (self, item, FALSE);

  if (effective_year (self) != self->shown_year)
    {
      load_sections (self, TRUE);
      return;
    }
  fita_item_editor_who_refresh (FITA_ITEM_EDITOR_WHO (self->who), changes);
  fita_item_editor_budget_refresh (FITA_ITEM_EDITOR_BUDGET (self->budget), changes);
  fita_item_editor_indicators_refresh (FITA_ITEM_EDITOR_INDICATORS (self->indicators), changes);
  fita_item_editor_followup_refresh (FITA_ITEM_EDITOR_FOLLOWUP (self->followup), changes);
  fita_item_editor_links_refresh (FITA_ITEM_EDITOR_LINKS (self->links), changes);
  fita_item_editor_history_refresh (FITA_ITEM_EDITOR_HISTORY (self->history));
}

static void
year_selected_cb (FitaItemEditor *self,
                  int             year)
{
  fita_item_editor_set_year (self, year);
}

/* GObject */

static void
fita_item_editor_dispose (GObject *object)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->levels, fita_editor_choices_unref);
  g_clear_pointer (&self->statuses, fita_editor_choices_unref);
  /* The bin's child is a template child: let the bin forget it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR);
  G_OBJECT_CLASS (fita_item_editor_parent_class)->dispose (object);
}

static void
fita_item_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FitaItemEditor *self = FITA_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      fita_item_editor_set_plan (self, g_value_get_object (value));
      break;
    case PROP_ITEM_ID:
      fita_item_editor_set_item_id (self, g_value_get_int64 (value));
      break;
    case PROP_YEAR:
      fita_item_editor_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_editor_class_init (FitaItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_dispose;
  object_class->get_property = fita_item_editor_get_property;
  object_class->set_property = fita_item_editor_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FITA_TYPE_SEMESTER_GRID);
  g_type_ensure (FITA_TYPE_STATUS_TABLE);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR_WHO);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR_BUDGET);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR_INDICATORS);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR_FOLLOWUP);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR_LINKS);
  g_type_ensure (FITA_TYPE_ITEM_EDITOR_HISTORY);

  gtk_widget_class_install_action (widget_class, "item-editor.add-after", NULL, add_after_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, level_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, level_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, code_error);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, progress_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, status_hint_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, status_hint_button);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, derived_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, derived_bar);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, derived_label);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, weight_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, status_table);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, start_year_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, end_year_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, start_date_button);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, end_date_button);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, start_date_popover);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, end_date_popover);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, semester_grid);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, who);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, budget);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, indicators);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, followup);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, links);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditor, history);
  gtk_widget_class_bind_template_callback (widget_class, status_hint_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, semester_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_selected_cb);
}

/* A number of the item in row: the item's field, saved as undo_label. */
static GtkWidget *
add_number (GtkWidget  *row,
            const char *name,
            const char *label,
            int         lower,
            int         upper,
            gboolean    allow_none,
            gboolean    with_scale,
            const char *field,
            const char *undo_label)
{
  GtkWidget *number = fita_item_editor_number_new (lower, upper, allow_none, with_scale);

  gtk_widget_set_name (number, name);
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  fita_item_editor_number_set_label (FITA_ITEM_EDITOR_NUMBER (number), label);
  fita_item_editor_number_bind (FITA_ITEM_EDITOR_NUMBER (number), NULL, FITA_TABLE_ITEM, 0, field, undo_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         GTK_WIDGET (fita_item_editor_number_get_spin (FITA_ITEM_EDITOR_NUMBER (number))));
  /* Tab goes straight to the controls of the row. */
  gtk_widget_set_focusable (row, FALSE);
  return number;
}

static void
fita_item_editor_init (FitaItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect_object (self->plan_signals, "changed", G_CALLBACK (plan_changed_cb), self, 0);
  ensure_style (self);

  self->levels = fita_editor_choices_new ();
  self->statuses = fita_editor_choices_new ();

  self->progress_number = add_number (self->progress_row, "progress", _("Progress"), 0, 100, TRUE, TRUE,
                                      /* Translators: the name of an action that can be undone */
                                      "progress", _("Edit Progress"));
  /* Translators: the unit after the progress of an item */
  fita_item_editor_number_set_unit (FITA_ITEM_EDITOR_NUMBER (self->progress_number), C_("percent sign", "%"));
  /* Kept in hundredths: 88,3 % is typed as 88,3 or 88.3. */
  fita_item_editor_number_set_hundredths (FITA_ITEM_EDITOR_NUMBER (self->progress_number), TRUE);
  self->weight_number = add_number (self->weight_row, "weight", _("Weight"), 0, 1000, FALSE, FALSE,
                                    /* Translators: the name of an action that can be undone */
                                    "weight", _("Edit Weight"));
  self->start_year_number = add_number (self->start_year_row, "start-year", _("Start year"), 1000, 9999, TRUE, FALSE,
                                        /* Translators: the name of an action that can be undone */
                                        "start_year", _("Edit Start Year"));
  self->end_year_number = add_number (self->end_year_row, "end-year", _("End year"), 1000, 9999, TRUE, FALSE,
                                      /* Translators: the name of an action that can be undone */
                                      "end_year", _("Edit End Year"));

  /* Translators: the names of actions that can be undone */
  fita_field_bind (self->code_row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_ITEM, 0, "code", _("Edit Code"));
  fita_field_set_check (self->code_row, check_code, self);
  fita_field_set_error_label (self->code_row, GTK_LABEL (self->code_error));
  fita_field_bind (self->title_row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_ITEM, 0, "title", _("Edit Title"));
  fita_field_bind (self->level_drop_down, FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_ITEM, 0,
                   "level_id", _("Change Level"));
  fita_field_bind (self->status_drop_down, FITA_FIELD_EDITOR_CHOICE, NULL, FITA_TABLE_ITEM, 0,
                   "status_id", _("Change Status"));
  fita_field_bind (self->description_view, FITA_FIELD_EDITOR_PARAGRAPHS, NULL, FITA_TABLE_ITEM, 0,
                   "description", _("Edit Description"));
  fita_field_bind (self->start_date_row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_ITEM, 0,
                   "start_date", _("Edit Start Date"));
  fita_field_bind (self->end_date_row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_ITEM, 0,
                   "end_date", _("Edit End Date"));
  self->header_fields[0] = self->code_row;
  self->header_fields[1] = self->title_row;
  self->header_fields[2] = self->level_drop_down;
  self->header_fields[3] = self->status_drop_down;
  self->header_fields[4] = self->description_view;
  self->date_fields[0] = self->start_date_row;
  self->date_fields[1] = self->end_date_row;
  add_shortcut (self->code_row);
  add_shortcut (self->title_row);
  fita_field_label_drop_down (GTK_DROP_DOWN (self->level_drop_down), _("Level"));
  fita_field_label_drop_down (GTK_DROP_DOWN (self->status_drop_down), _("Status"));

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

GtkWidget *
fita_item_editor_new (void)
{
  return g_object_new (FITA_TYPE_ITEM_EDITOR, NULL);
}

FitaPlan *
fita_item_editor_get_plan (FitaItemEditor *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR (self), NULL);

  return self->plan;
}

void
fita_item_editor_set_plan (FitaItemEditor *self,
                           FitaPlan       *plan)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));
  g_return_if_fail (plan == NULL || FITA_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  flush_pending (self);
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  load_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

gint64
fita_item_editor_get_item_id (FitaItemEditor *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR (self), 0);

  return self->item_id;
}

void
fita_item_editor_set_item_id (FitaItemEditor *self,
                              gint64          item_id)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));

  if (self->item_id == item_id)
    return;
  flush_pending (self);
  self->item_id = item_id;
  load_item (self);
  if (self->showing)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

int
fita_item_editor_get_year (FitaItemEditor *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_EDITOR (self), 0);

  return self->year;
}

void
fita_item_editor_set_year (FitaItemEditor *self,
                           int             year)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));

  if (self->year == year)
    return;
  flush_pending (self);
  self->year = year;
  if (self->showing)
    load_sections (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

void
fita_item_editor_focus_title (FitaItemEditor *self)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR (self));

  if (self->showing)
    gtk_widget_grab_focus (self->title_row);
}
