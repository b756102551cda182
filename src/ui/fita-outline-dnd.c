#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fita-outline-private.h"

/* Dragging rows */

static FitaDropPosition
drop_position (GtkWidget *row,
               double     y)
{
  int height = gtk_widget_get_height (row);

  if (y < height / 3.0)
    return FITA_DROP_BEFORE;
  if (y > height * 2.0 / 3.0)
    return FITA_DROP_AFTER;
  return FITA_DROP_INTO;
}

/* The row a drag-and-drop controller is on, and the outline it shows in
 * (NULL while the row is not in one). */
static FitaItemRow *
row_of (gpointer      controller,
        FitaOutline **outline)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *ancestor = gtk_widget_get_ancestor (row, FITA_TYPE_OUTLINE);

  *outline = ancestor != NULL ? FITA_OUTLINE (ancestor) : NULL;
  return FITA_ITEM_ROW (row);
}

static gboolean
can_drop (FitaOutline    *self,
          FitaItemObject *dragged,
          FitaItemObject *target)
{
  gint64 dragged_id;

  if (self == NULL || !_fita_outline_is_editable (self) || dragged == NULL || target == NULL ||
      fita_item_object_get_plan (dragged) != self->plan)
    return FALSE;

  /* Not on itself, nor anywhere below itself. */
  dragged_id = fita_item_object_get_id (dragged);
  for (FitaItem *up = fita_item_object_get_item (target); up != NULL; up = _fita_outline_lookup_item (self, up->parent_id))
    if (up->rec.id == dragged_id)
      return FALSE;

  return TRUE;
}

static FitaItemObject *
dragged_object (const GValue *value)
{
  return value != NULL && G_VALUE_HOLDS (value, FITA_TYPE_ITEM_OBJECT) ? g_value_get_object (value) : NULL;
}

static GdkDragAction
fita_outline_drop_motion_cb (GtkDropTarget *target,
                             double         x,
                             double         y,
                             gpointer       unused)
{
  FitaOutline *self;
  FitaItemRow *row = row_of (target, &self);
  FitaItemObject *dragged = dragged_object (gtk_drop_target_get_value (target));

  if (!can_drop (self, dragged, fita_item_row_get_item (row)))
    {
      fita_item_row_set_drop (row, FITA_DROP_NONE);
      return 0;
    }

  fita_item_row_set_drop (row, drop_position (GTK_WIDGET (row), y));
  return GDK_ACTION_MOVE;
}

static void
fita_outline_drop_leave_cb (GtkDropTarget *target,
                            gpointer       unused)
{
  FitaOutline *self;

  fita_item_row_set_drop (row_of (target, &self), FITA_DROP_NONE);
}

static gboolean
fita_outline_drop_cb (GtkDropTarget *target,
                      const GValue  *value,
                      double         x,
                      double         y,
                      gpointer       unused)
{
  FitaOutline *self;
  FitaItemRow *row = row_of (target, &self);
  FitaItemObject *into = fita_item_row_get_item (row);
  FitaItemObject *dragged = dragged_object (value);
  g_autoptr(GError) error = NULL;

  fita_item_row_set_drop (row, FITA_DROP_NONE);
  if (!can_drop (self, dragged, into))
    return FALSE;

  if (!fita_outline_drop_item (self,
                               fita_item_object_get_id (dragged),
                               fita_item_object_get_id (into),
                               drop_position (GTK_WIDGET (row), y),
                               &error))
    {
      _fita_outline_report_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static GdkContentProvider *
fita_outline_drag_prepare_cb (GtkDragSource *source,
                              double         x,
                              double         y,
                              gpointer       unused)
{
  FitaOutline *self;
  FitaItemObject *object = fita_item_row_get_item (row_of (source, &self));

  if (self == NULL || !_fita_outline_is_editable (self) || object == NULL)
    return NULL;

  return gdk_content_provider_new_typed (FITA_TYPE_ITEM_OBJECT, object);
}

static void
fita_outline_drag_begin_cb (GtkDragSource *source,
                            GdkDrag       *drag,
                            gpointer       unused)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}


/* The row template's drag source and drop target call these. */
void
_fita_outline_add_dnd_callbacks (GtkBuilderCScope *scope)
{
  gtk_builder_cscope_add_callback_symbols (scope,
                                           "fita_outline_drag_prepare_cb", G_CALLBACK (fita_outline_drag_prepare_cb),
                                           "fita_outline_drag_begin_cb", G_CALLBACK (fita_outline_drag_begin_cb),
                                           "fita_outline_drop_motion_cb", G_CALLBACK (fita_outline_drop_motion_cb),
                                           "fita_outline_drop_leave_cb", G_CALLBACK (fita_outline_drop_leave_cb),
                                           "fita_outline_drop_cb", G_CALLBACK (fita_outline_drop_cb),
                                           NULL);
}

gboolean
fita_outline_drop_item (FitaOutline       *self,
                        gint64             id,
                        gint64             target_id,
                        FitaDropPosition   position,
                        GError           **error)
{
  FitaItem *item;
  FitaItem *target;

  g_return_val_if_fail (FITA_IS_OUTLINE (self), FALSE);

  item = _fita_outline_lookup_item (self, id);
  target = _fita_outline_lookup_item (self, target_id);
  if (item == NULL || target == NULL || item == target || position == FITA_DROP_NONE)
    return TRUE;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Move Item"));
  switch (position)
    {
    case FITA_DROP_BEFORE:
      fita_plan_move (self->plan, item, target->parent_id, target->position, NULL);
      break;

    case FITA_DROP_AFTER:
      fita_plan_move (self->plan, item, target->parent_id, target->position + 1, NULL);
      break;

    case FITA_DROP_INTO:
    case FITA_DROP_NONE:
    default:
      /* As with indenting: a leaf that gets children derives its progress. */
      if (target->progress_bp != FITA_NONE)
        fita_plan_set_int (self->plan, target, "progress", FITA_NONE, NULL);
      fita_plan_move (self->plan, item, target->rec.id, -1, NULL);
      break;
    }
  if (!fita_plan_end (self->plan, error))
    return FALSE;

  _fita_outline_select_item (self, id, TRUE, FALSE);
  return TRUE;
}

