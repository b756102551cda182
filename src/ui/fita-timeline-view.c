#include "config.h"
#include "fita-timeline-view.h"
#include "fita-change-error.h"
#include "fita-timeline-edit.h"
#include "fita-scroll.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#define FLAGS (FITA_TIMELINE_STICKY_HEADER | FITA_TIMELINE_STICKY_LABELS)

struct _FitaTimelineView
{
  GtkWidget parent_instance;

  FitaPlan *plan;
  GSignalGroup *plan_signals;   /* the plan's "changed", whichever plan it is */
  FitaTimeline *timeline;
  GListModel *rows;
  FitaTimelineRowFunc row_func;
  gpointer row_data;
  FitaZoom zoom;
  gboolean zoom_set;
  gboolean show_who;
  gint64 selected;
  int cursor_year, cursor_half;
  char *summary;               /* what the timeline shows, for screen readers */

  FitaScroll scroll;

  gboolean show_followed;      /* scroll to the year followed up once laid out */

  /* a drag in progress */
  FitaTimelineHit drag_hit;
  double drag_x, drag_y;
};

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum { SIGNAL_ITEM_ACTIVATED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (FitaTimelineView, fita_timeline_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void describe_selected (FitaTimelineView *self);
static void summarise (FitaTimelineView *self);

/* Rows and geometry */

GPtrArray *
fita_timeline_rows_to_items (FitaPlan *plan, GListModel *rows, FitaTimelineRowFunc func, gpointer user_data)
{
  GPtrArray *items;
  guint n;

  if (rows == NULL)
    return NULL;
  n = g_list_model_get_n_items (rows);
  items = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      gint64 id = func (row, user_data);
      /* ids, looked up now: a deleted item is simply not there */
      FitaItem *item = id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, id) : NULL;
      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  return items;
}

static void
rebuild_rows (FitaTimelineView *self)
{
  g_autoptr(GPtrArray) items = NULL;

  if (self->timeline == NULL)
    return;
  items = fita_timeline_rows_to_items (self->plan, self->rows, self->row_func, self->row_data);
  fita_timeline_set_rows (self->timeline, items);
  summarise (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
configure_adjustments (FitaTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double cw = 0, ch = 0;

  if (self->timeline)
    fita_timeline_get_size (self->timeline, &cw, &ch);
  if (self->scroll.hadjustment)
    gtk_adjustment_configure (self->scroll.hadjustment,
                              CLAMP (gtk_adjustment_get_value (self->scroll.hadjustment), 0, MAX (0, cw - width)),
                              0, MAX (cw, width), 24, width * 0.9, width);
  if (self->scroll.vadjustment)
    gtk_adjustment_configure (self->scroll.vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->scroll.vadjustment), 0, MAX (0, ch - height)),
                              0, MAX (ch, height), self->timeline ? fita_timeline_get_row_height (self->timeline) : 24,
                              height * 0.9, height);
}

static double
hvalue (FitaTimelineView *self)
{
  return fita_scroll_get_x (&self->scroll);
}

static double
vvalue (FitaTimelineView *self)
{
  return fita_scroll_get_y (&self->scroll);
}

static gboolean
hit_at (FitaTimelineView *self, double x, double y, FitaTimelineHit *hit)
{
  if (self->timeline == NULL)
    return FALSE;
  return fita_timeline_hit (self->timeline, x + hvalue (self), y + vvalue (self), hvalue (self), vvalue (self),
                            FLAGS, hit);
}

/* Colours from the style: light, dark or high contrast. */
static void
update_palette (FitaTimelineView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean contrast = adw_style_manager_get_high_contrast (manager);
  FitaTimelinePalette palette;
  GdkRGBA fg;

  if (self->timeline == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  palette.text = (FitaRgba) { fg.red, fg.green, fg.blue, 1 };
  palette.dim_text = (FitaRgba) { fg.red, fg.green, fg.blue, contrast ? 0.9 : 0.65 };
  palette.background = dark ? (FitaRgba) { 0.14, 0.14, 0.15, 1 } : (FitaRgba) { 1, 1, 1, 1 };
  palette.stripe = dark ? (FitaRgba) { 0.17, 0.17, 0.18, 1 } : (FitaRgba) { 0.965, 0.965, 0.97, 1 };
  palette.grid = (FitaRgba) { fg.red, fg.green, fg.blue, contrast ? 0.45 : 0.12 };
  palette.year_grid = (FitaRgba) { fg.red, fg.green, fg.blue, contrast ? 0.8 : 0.35 };
  palette.period = (FitaRgba) { 0.21, 0.52, 0.89, dark ? 0.10 : 0.06 };
  palette.followed = (FitaRgba) { 0.96, 0.76, 0.07, dark ? 0.14 : 0.16 };
  palette.today = dark ? (FitaRgba) { 1.0, 0.48, 0.39, 1 } : (FitaRgba) { 0.88, 0.11, 0.14, 1 };
  palette.summary = (FitaRgba) { fg.red, fg.green, fg.blue, 0.85 };
  palette.selection = (FitaRgba) { 0.21, 0.52, 0.89, dark ? 0.35 : 0.18 };
  palette.accent = dark ? (FitaRgba) { 0.47, 0.68, 0.93, 1 } : (FitaRgba) { 0.21, 0.52, 0.89, 1 };
  fita_timeline_set_palette (self->timeline, &palette);
}

static void
fita_timeline_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->timeline == NULL || width <= 0 || height <= 0)
    return;
  update_palette (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fita_timeline_draw (self->timeline, cr, hvalue (self), vvalue (self), width, height, FLAGS);

  /* the keyboard cursor: a focus ring around the semester cell */
  if (gtk_widget_has_focus (widget) && self->selected != 0 && self->cursor_year > 0)
    {
      for (guint r = 0; r < fita_timeline_get_n_rows (self->timeline); r++)
        if (fita_timeline_get_row (self->timeline, r)->rec.id == self->selected)
          {
            double h = fita_timeline_get_row_height (self->timeline);
            double top = fita_timeline_get_header_height (self->timeline) + r * h;
            double t = self->cursor_year + (self->cursor_half - 1) * 0.5;
            double x0 = fita_timeline_x_for_time (self->timeline, t);
            double x1 = fita_timeline_x_for_time (self->timeline, t + 0.5);
            cairo_save (cr);
            cairo_translate (cr, -hvalue (self), -vvalue (self));
            cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
            cairo_set_line_width (cr, 2);
            cairo_rectangle (cr, x0 + 1, top + 1, x1 - x0 - 2, h - 2);
            cairo_stroke (cr);
            cairo_restore (cr);
            break;
          }
    }
  cairo_destroy (cr);
}

static void
fita_timeline_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);

  configure_adjustments (self);
  /* a plan opens on the year it follows up, a little of the year before in view */
  if (self->show_followed && self->timeline && self->scroll.hadjustment && width > 0)
    {
      FitaPlanInfo *info = fita_plan_get_info (self->plan);
      self->show_followed = FALSE;
      if (info->followed_year != FITA_NONE)
        gtk_adjustment_set_value (self->scroll.hadjustment,
                                  fita_timeline_x_for_time (self->timeline, info->followed_year - 0.5) -
                                  fita_timeline_get_chart_left (self->timeline));
    }
}

/* Editing */

static void
describe_selected (FitaTimelineView *self)
{
  FitaItem *item = self->selected && self->plan ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->selected) : NULL;
  g_autofree char *text = item && self->timeline ? fita_timeline_describe_item (self->timeline, item) : NULL;
  g_autofree char *both = NULL;

  /* a screen reader reads what the whole timeline shows, then the row
   * under the cursor */
  if (self->summary != NULL && text != NULL)
    both = g_strdup_printf ("%s %s", self->summary, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  both ? both : self->summary ? self->summary : "", -1);
}

/* Read through every row: once for its rows, plan and scale, not at each
 * move of the cursor. */
static void
summarise (FitaTimelineView *self)
{
  g_free (self->summary);
  self->summary = self->timeline ? fita_timeline_get_summary (self->timeline) : NULL;
  describe_selected (self);
}

void
fita_timeline_view_set_selected (FitaTimelineView *self, gint64 item_id)
{
  if (self->selected == item_id)
    return;
  self->selected = item_id;
  if (self->timeline)
    fita_timeline_set_selected (self->timeline, item_id);
  describe_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gint64
fita_timeline_view_get_selected (FitaTimelineView *self)
{
  return self->selected;
}

void
fita_timeline_view_get_cursor (FitaTimelineView *self, int *year, int *half)
{
  *year = self->cursor_year;
  *half = self->cursor_half;
}

static void
toggle_cell (FitaTimelineView *self, FitaItem *item, int year, int half)
{
  if (fita_timeline_may_tick (self->plan, item))
    fita_timeline_tick (GTK_WIDGET (self), self->plan, item, year, half);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static char *
date_at (double t, gboolean end)
{
  int year, month;

  /* an end is the last day before t */
  t = end ? t - 1e-6 : t;
  year = (int) floor (t);
  month = (int) floor ((t - year) * 12 + 1e-9) + 1;
  month = CLAMP (month, 1, 12);
  if (end)
    return g_strdup_printf ("%04d-%02d-%02d", year, month,
                            g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
  return g_strdup_printf ("%04d-%02d-01", year, month);
}

/* Applies a drag from time t0 to t1 on what was grabbed. */
static void
apply_drag (FitaTimelineView *self, const FitaTimelineHit *hit, double t0, double t1)
{
  FitaItem *item = hit->item;
  gboolean dated = item->start_date != NULL || item->end_date != NULL;
  double start, end;
  g_autoptr(GError) error = NULL;

  if (!fita_timeline_item_span (self->timeline, item, &start, &end, NULL))
    return;
  /* Translators: the name of an undoable change: moving a bar in the timeline */
  fita_plan_begin (self->plan, hit->part == FITA_TIMELINE_HIT_BAR ? _("Move in Time") : _("Change Dates"));
  if (!dated)
    {
      /* years: whole years, whatever the zoom */
      gint64 delta = (gint64) llround (t1 - t0);
      gint64 new_start = (gint64) start, new_end = (gint64) end - 1;
      if (hit->part == FITA_TIMELINE_HIT_BAR)
        new_start += delta, new_end += delta;
      else if (hit->part == FITA_TIMELINE_HIT_BAR_START)
        new_start = MIN ((gint64) llround (t1), new_end);
      else
        new_end = MAX ((gint64) llround (t1) - 1, new_start);
      if (item->start_year != FITA_NONE || hit->part != FITA_TIMELINE_HIT_BAR_END)
        fita_plan_set_int (self->plan, item, "start_year", new_start, NULL);
      fita_plan_set_int (self->plan, item, "end_year", new_end, NULL);
    }
  else
    {
      /* dates: snapped to the zoom's unit */
      double delta = fita_timeline_snap (self->timeline, t1) - fita_timeline_snap (self->timeline, t0);
      double new_start = start, new_end = end;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      if (hit->part == FITA_TIMELINE_HIT_BAR)
        new_start += delta, new_end += delta;
      else if (hit->part == FITA_TIMELINE_HIT_BAR_START)
        new_start = MIN (fita_timeline_snap (self->timeline, t1), new_end - 1.0 / 12);
      else
        new_end = MAX (fita_timeline_snap (self->timeline, t1), new_start + 1.0 / 12);
      a = date_at (new_start, FALSE);
      b = date_at (new_end, TRUE);
      fita_plan_set_text (self->plan, item, "start_date", a, NULL);
      fita_plan_set_text (self->plan, item, "end_date", b, NULL);
    }
  /* someone else's change first, or the server's refusal: said; anything
   * else just refused */
  if (!fita_plan_end (self->plan, &error) &&
      !fita_change_error_show (GTK_WIDGET (self), self->plan, error, NULL))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

void
fita_timeline_view_drag (FitaTimelineView *self, double x0, double y0, double x1, double y1)
{
  gboolean click = fabs (x1 - x0) < 3 && fabs (y1 - y0) < 3;
  FitaTimelineHit hit;
  double t0, t1;

  if (!hit_at (self, x0, y0, &hit) || hit.item == NULL)
    return;
  /* a click anywhere in a row selects it */
  fita_timeline_view_set_selected (self, hit.item->rec.id);
  if (fita_plan_is_read_only (self->plan))
    return;
  /* the time grabbed, and where the pointer took it */
  t0 = hit.time;
  t1 = hit.time + (x1 - x0) / (fita_timeline_x_for_time (self->timeline, 1) - fita_timeline_x_for_time (self->timeline, 0));
  switch (hit.part)
    {
    case FITA_TIMELINE_HIT_BAR:
      /* a semester inside the item's own bar is ticked by a click, at any
       * scale, as Space ticks it (and as a click does once the item has
       * ticked semesters); dragging the bar moves it */
      if (click)
        {
          self->cursor_year = hit.year;
          self->cursor_half = hit.half;
          toggle_cell (self, hit.item, hit.year, hit.half);
        }
      else if (fabs (x1 - x0) >= 3)
        apply_drag (self, &hit, t0, t1);
      break;
    case FITA_TIMELINE_HIT_BAR_START:
    case FITA_TIMELINE_HIT_BAR_END:
      if (fabs (x1 - x0) >= 3)
        apply_drag (self, &hit, t0, t1);
      break;
    case FITA_TIMELINE_HIT_CELL:
      if (click)
        {
          self->cursor_year = hit.year;
          self->cursor_half = hit.half;
          toggle_cell (self, hit.item, hit.year, hit.half);
        }
      break;
    case FITA_TIMELINE_HIT_NONE:
    case FITA_TIMELINE_HIT_HEADER:
    case FITA_TIMELINE_HIT_LABEL:
    case FITA_TIMELINE_HIT_EMPTY:
    default:
      break;
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, FitaTimelineView *self)
{
  self->drag_x = x;
  self->drag_y = y;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A click is a drag that did not go anywhere: one path for both. */
static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, FitaTimelineView *self)
{
  fita_timeline_view_drag (self, self->drag_x, self->drag_y, self->drag_x + dx, self->drag_y + dy);
}

static void
on_pressed (GtkGestureClick *gesture, int n_press, double x, double y, FitaTimelineView *self)
{
  FitaTimelineHit hit;

  if (n_press == 2 && hit_at (self, x, y, &hit) && hit.item != NULL && hit.part == FITA_TIMELINE_HIT_LABEL)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, hit.item->rec.id);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);
  FitaTimelineHit hit;
  g_autofree char *text = NULL;
  GPtrArray *who;
  GString *all;

  if (keyboard || !hit_at (self, x, y, &hit) || hit.item == NULL)
    return FALSE;
  text = fita_timeline_describe_item (self->timeline, hit.item);
  all = g_string_new (text);
  who = fita_plan_list (self->plan, FITA_TABLE_RESPONSIBILITY, hit.item->rec.id);
  for (guint i = 0; i < who->len; i++)
    {
      FitaResponsibility *r = g_ptr_array_index (who, i);
      FitaAgent *agent = fita_plan_lookup (self->plan, FITA_TABLE_AGENT, r->agent_id);
      if (agent != NULL)
        g_string_append_printf (all, "\n• %s", agent->name);
    }
  if (who->len == 0 && hit.item->other_services != NULL && *hit.item->other_services != '\0')
    g_string_append_printf (all, "\n• %s", hit.item->other_services);
  gtk_tooltip_set_text (tooltip, all->str);
  g_string_free (all, TRUE);
  return TRUE;
}

/* Keyboard: arrows move between rows and cells, Space ticks, + and − zoom. */

static guint
selected_row (FitaTimelineView *self, gboolean *found)
{
  for (guint r = 0; self->timeline && r < fita_timeline_get_n_rows (self->timeline); r++)
    if (fita_timeline_get_row (self->timeline, r)->rec.id == self->selected)
      {
        *found = TRUE;
        return r;
      }
  *found = FALSE;
  return 0;
}

static void
scroll_to_row (FitaTimelineView *self, guint row)
{
  double h = fita_timeline_get_row_height (self->timeline);
  double header = fita_timeline_get_header_height (self->timeline);
  double top = row * h, height = gtk_widget_get_height (GTK_WIDGET (self)) - header;

  if (self->scroll.vadjustment == NULL)
    return;
  if (top < vvalue (self))
    gtk_adjustment_set_value (self->scroll.vadjustment, top);
  else if (top + h > vvalue (self) + height)
    gtk_adjustment_set_value (self->scroll.vadjustment, top + h - height);
}

/* Keeps the cursor's semester out from under the labels and in view. */
static void
scroll_to_cursor (FitaTimelineView *self)
{
  double t = self->cursor_year + (self->cursor_half - 1) * 0.5;
  double left = fita_timeline_get_chart_left (self->timeline);
  double x0 = fita_timeline_x_for_time (self->timeline, t);
  double x1 = fita_timeline_x_for_time (self->timeline, t + 0.5);
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->scroll.hadjustment == NULL || width <= left)
    return;
  if (x0 - left < hvalue (self))
    gtk_adjustment_set_value (self->scroll.hadjustment, x0 - left);
  else if (x1 > hvalue (self) + width)
    gtk_adjustment_set_value (self->scroll.hadjustment, x1 - width);
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);
  int dx, dy, first, last;
  gboolean found;
  guint row;

  if (self->timeline == NULL || fita_timeline_get_n_rows (self->timeline) == 0)
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  row = selected_row (self, &found);
  if (!found)
    row = 0;
  else if (dy < 0 && row > 0)
    row--;
  else if (dy > 0 && row + 1 < fita_timeline_get_n_rows (self->timeline))
    row++;
  fita_timeline_get_years (self->timeline, &first, &last);
  if (self->cursor_year == 0)
    {
      /* the first semester in view, not one under the labels */
      double t = fita_timeline_time_at_x (self->timeline, hvalue (self) + fita_timeline_get_chart_left (self->timeline));
      int index = CLAMP ((int) ceil ((t - first) * 2 - 1e-6), 0, (last - first + 1) * 2 - 1);

      self->cursor_year = first + index / 2;
      self->cursor_half = 1 + index % 2;
    }
  if (dx != 0)
    {
      int index = (self->cursor_year - first) * 2 + self->cursor_half - 1 + dx;
      index = CLAMP (index, 0, (last - first + 1) * 2 - 1);
      self->cursor_year = first + index / 2;
      self->cursor_half = 1 + index % 2;
    }
  fita_timeline_view_set_selected (self, fita_timeline_get_row (self->timeline, row)->rec.id);
  scroll_to_row (self, row);
  scroll_to_cursor (self);
  gtk_widget_queue_draw (widget);
}

static void
toggle_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);
  FitaItem *item = self->selected ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->selected) : NULL;

  if (item == NULL || self->cursor_year == 0 || !fita_timeline_may_tick (self->plan, item))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  toggle_cell (self, item, self->cursor_year, self->cursor_half);
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);
  int step = g_variant_get_int32 (parameter);

  fita_timeline_view_set_zoom (self, CLAMP ((int) self->zoom + step, FITA_ZOOM_YEAR, FITA_ZOOM_MONTH));
}

static void
activate_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (widget);

  if (self->selected != 0)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, self->selected);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, FitaTimelineView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;
  fita_timeline_view_set_zoom (self, CLAMP ((int) self->zoom + (dy < 0 ? 1 : -1), FITA_ZOOM_YEAR, FITA_ZOOM_MONTH));
  return TRUE;
}

/* The plan */

static void
on_plan_changed (FitaPlan *plan, FitaChanges *changes, FitaTimelineView *self)
{
  /* with the outline's rows, they follow on their own too; rebuilding now
   * makes sure no deleted item stays in the rows in the meantime */
  if (fita_changes_touches (changes, FITA_TABLE_ITEM) ||
      (fita_changes_get_effects (changes) & FITA_CHANGES_ALTER_PERIOD))
    rebuild_rows (self);
  describe_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_rows_changed (GListModel *model, guint position, guint removed, guint added, FitaTimelineView *self)
{
  rebuild_rows (self);
}

void
fita_timeline_view_set_plan (FitaTimelineView *self, FitaPlan *plan)
{
  if (self->plan == plan)
    return;
  g_clear_pointer (&self->timeline, fita_timeline_free);
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->plan_signals, plan);
  self->selected = 0;
  self->cursor_year = 0;
  if (plan != NULL)
    {
      self->timeline = fita_timeline_new (plan, NULL);
      if (self->zoom_set)
        fita_timeline_set_zoom (self->timeline, self->zoom);
      else
        self->zoom = fita_timeline_get_zoom (self->timeline);
      fita_timeline_set_show_who (self->timeline, self->show_who);
      self->show_followed = TRUE;
      rebuild_rows (self);
    }
  summarise (self);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

FitaPlan *
fita_timeline_view_get_plan (FitaTimelineView *self)
{
  return self->plan;
}

FitaTimeline *
fita_timeline_view_get_timeline (FitaTimelineView *self)
{
  return self->timeline;
}

void
fita_timeline_view_set_rows (FitaTimelineView *self, GListModel *rows, FitaTimelineRowFunc func, gpointer data)
{
  if (self->rows)
    g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);
  g_set_object (&self->rows, rows);
  self->row_func = func;
  self->row_data = data;
  if (rows)
    g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_changed), self);
  rebuild_rows (self);
}

void
fita_timeline_view_set_zoom (FitaTimelineView *self, FitaZoom zoom)
{
  double centre_t = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->zoom_set = TRUE;
  if (self->zoom == zoom && self->timeline && fita_timeline_get_zoom (self->timeline) == zoom)
    return;
  /* keep the time in the middle of the view in the middle */
  if (self->timeline)
    centre_t = fita_timeline_time_at_x (self->timeline, hvalue (self) + (width + fita_timeline_get_chart_left (self->timeline)) / 2.0);
  self->zoom = zoom;
  if (self->timeline)
    {
      fita_timeline_set_zoom (self->timeline, zoom);
      summarise (self);
      configure_adjustments (self);
      if (self->scroll.hadjustment)
        gtk_adjustment_set_value (self->scroll.hadjustment,
                                  fita_timeline_x_for_time (self->timeline, centre_t) -
                                  (width + fita_timeline_get_chart_left (self->timeline)) / 2.0);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

FitaZoom
fita_timeline_view_get_zoom (FitaTimelineView *self)
{
  return self->zoom;
}

void
fita_timeline_view_set_show_who (FitaTimelineView *self, gboolean show)
{
  self->show_who = show;
  if (self->timeline)
    fita_timeline_set_show_who (self->timeline, show);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
on_adjustment_changed (GtkAdjustment *adjustment, FitaTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fita_timeline_view_dispose (GObject *object)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  fita_timeline_view_set_rows (self, NULL, NULL, NULL);
  fita_timeline_view_set_plan (self, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_pointer (&self->summary, g_free);
  fita_scroll_clear (&self->scroll);
  G_OBJECT_CLASS (fita_timeline_view_parent_class)->dispose (object);
}

static void
fita_timeline_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_int64 (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    default:
      if (!fita_scroll_get_property (&self->scroll, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_timeline_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaTimelineView *self = FITA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      fita_timeline_view_set_selected (self, g_value_get_int64 (value));
      break;
    case PROP_ZOOM:
      fita_timeline_view_set_zoom (self, g_value_get_int (value));
      break;
    default:
      if (!fita_scroll_set_property (&self->scroll, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_timeline_view_class_init (FitaTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_timeline_view_dispose;
  object_class->get_property = fita_timeline_view_get_property;
  object_class->set_property = fita_timeline_view_set_property;
  widget_class->snapshot = fita_timeline_view_snapshot;
  widget_class->size_allocate = fita_timeline_view_size_allocate;

  properties[PROP_SELECTED] = g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] = g_param_spec_int ("zoom", NULL, NULL, FITA_ZOOM_YEAR, FITA_ZOOM_MONTH, FITA_ZOOM_SEMESTER,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  fita_scroll_override_properties (object_class, N_PROPS);

  /**
   * FitaTimelineView::item-activated:
   * @item_id: the item
   *
   * Enter or a double click on a row's label: open the item.
   */
  signals[SIGNAL_ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "timeline.move", "(ii)", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "i", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.move", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "timeline.move", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.move", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.move", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom", "i", -1);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

/* The scroll's configure: the ranges follow the content. */
static void
configure_scroll (GtkWidget *widget)
{
  configure_adjustments (FITA_TIMELINE_VIEW (widget));
}

static void
fita_timeline_view_init (FitaTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  fita_scroll_init (&self->scroll, GTK_WIDGET (self), N_PROPS,
                    G_CALLBACK (on_adjustment_changed), configure_scroll);

  self->plan_signals = g_signal_group_new (FITA_TYPE_PLAN);
  g_signal_group_connect (self->plan_signals, "changed", G_CALLBACK (on_plan_changed), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw), self);
  self->zoom = FITA_ZOOM_SEMESTER;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
}

GtkWidget *
fita_timeline_view_new (void)
{
  return g_object_new (FITA_TYPE_TIMELINE_VIEW, NULL);
}
