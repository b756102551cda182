/* fita-record-row.c: a row that edits the fields of one record, as its
 * shape lays them out; the one place where the lists of the Governance and
 * Participation pages bind their fields. */
#include "config.h"
#include "fita-record-row.h"

#include <glib/gi18n.h>

#include "fita-change-error.h"
#include "fita-plan-editor-lists.h"

struct _FitaRecordRow
{
  GtkListBoxRow parent_instance;

  const FitaRecordShape *shape;
  FitaPlan *plan;
  gint64 id;
  char *title;

  GtkGrid *grid;
  GtkWidget *buttons;
  GPtrArray *fields;           /* the bound widget of each of shape->fields */
};

G_DEFINE_FINAL_TYPE (FitaRecordRow, fita_record_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SHAPE,
  PROP_PLAN,
  PROP_RECORD_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The widget that edits field; *outer is what goes in the grid. */
static GtkWidget *
field_widget_new (const FitaRecordField  *field,
                  GtkWidget             **outer)
{
  GtkWidget *widget;

  if (field->kind == FITA_FIELD_EDITOR_PARAGRAPH || field->kind == FITA_FIELD_EDITOR_PARAGRAPHS)
    {
      *outer = fita_field_text_view_new (field->kind, _(field->name), &widget);
      if (field->flags & FITA_RECORD_FIELD_HEADING)
        gtk_widget_add_css_class (widget, "heading");
      return widget;
    }

  widget = fita_field_entry_new (field->placeholder ? _(field->placeholder) : NULL, _(field->name));
  if (field->width_chars > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (widget), field->width_chars);
  if (field->flags & FITA_RECORD_FIELD_NUMERIC)
    {
      gtk_editable_set_max_width_chars (GTK_EDITABLE (widget), field->width_chars + 1);
      gtk_editable_set_alignment (GTK_EDITABLE (widget), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_DIGITS);
      gtk_widget_add_css_class (widget, "numeric");
      gtk_widget_set_valign (widget, GTK_ALIGN_START);
    }
  *outer = widget;
  return widget;
}

static void
build_fields (FitaRecordRow *self,
              GtkLabel      *error_label)
{
  const FitaRecordShape *shape = self->shape;
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < shape->n_fields; i++)
    {
      const FitaRecordField *field = &shape->fields[i];
      GtkWidget *outer;
      GtkWidget *widget = field_widget_new (field, &outer);
      GtkWidget *line;

      fita_field_bind (widget, field->kind, self->plan, shape->table, self->id,
                       field->field, _(field->undo_label));
      if (error_label != NULL)
        fita_field_set_error_label (widget, error_label);
      g_ptr_array_add (self->fields, widget);

      if (field->prefix == NULL)
        {
          gtk_grid_attach (self->grid, outer, field->column, field->row, field->width, 1);
          continue;
        }
      /* "From [start] to [end]": one line of words and fields. */
      line = g_hash_table_lookup (lines, GINT_TO_POINTER (field->row + 1));
      if (line == NULL)
        {
          line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_grid_attach (self->grid, line, field->column, field->row, field->width, 1);
          g_hash_table_insert (lines, GINT_TO_POINTER (field->row + 1), line);
        }
      gtk_box_append (GTK_BOX (line), dim_label_new (g_dpgettext2 (GETTEXT_PACKAGE, field->prefix_context, field->prefix)));
      gtk_box_append (GTK_BOX (line), outer);
    }

  self->buttons = fita_row_buttons_new (shape->table, self->id);
  gtk_grid_attach (self->grid, self->buttons, shape->buttons_column, shape->buttons_row,
                   1, MAX (shape->buttons_height, 1));
}

static const char *
record_title (FitaRecordRow *self)
{
  const FitaTable *table = fita_table (self->shape->table);
  int index = fita_table_field_index (table, self->shape->title_field);
  gpointer record = self->plan ? fita_plan_lookup (self->plan, self->shape->table, self->id) : NULL;
  const char *title = record && index >= 0 ? fita_record_get_text (record, &table->fields[index]) : NULL;

  return title ? title : "";
}

void
fita_record_row_update (FitaRecordRow *self,
                        guint          index,
                        guint          n_rows,
                        gboolean       read_only)
{
  const char *title;

  g_return_if_fail (FITA_IS_RECORD_ROW (self));

  title = record_title (self);
  fita_row_buttons_update (self->buttons, index, n_rows, title, read_only);
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);

  /* "Role of Anna Puig": which record a field belongs to, for a screen
   * reader that reads one field of a list. */
  for (guint i = 0; i < self->shape->n_fields; i++)
    {
      const FitaRecordField *field = &self->shape->fields[i];
      g_autofree char *label = NULL;

      if (field->name_of == NULL)
        continue;
      label = g_strdup_printf (_(field->name_of), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (self->fields, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gint64
fita_record_row_get_record_id (FitaRecordRow *self)
{
  g_return_val_if_fail (FITA_IS_RECORD_ROW (self), 0);

  return self->id;
}

FitaPlan *
fita_record_row_get_plan (FitaRecordRow *self)
{
  g_return_val_if_fail (FITA_IS_RECORD_ROW (self), NULL);

  return self->plan;
}

const char *
fita_record_row_get_title (FitaRecordRow *self)
{
  g_return_val_if_fail (FITA_IS_RECORD_ROW (self), NULL);

  return self->title;
}

/* GObject */

static void
fita_record_row_constructed (GObject *object)
{
  FitaRecordRow *self = FITA_RECORD_ROW (object);

  G_OBJECT_CLASS (fita_record_row_parent_class)->constructed (object);

  g_return_if_fail (self->shape != NULL);
  fita_row_set_id (GTK_WIDGET (self), self->id);
}

static void
fita_record_row_dispose (GObject *object)
{
  FitaRecordRow *self = FITA_RECORD_ROW (object);

  g_clear_object (&self->plan);
  /* The row's child is a template child too: let the row drop it first,
   * or disposing the template would unparent it behind the row's back. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), FITA_TYPE_RECORD_ROW);
  G_OBJECT_CLASS (fita_record_row_parent_class)->dispose (object);
}

static void
fita_record_row_finalize (GObject *object)
{
  FitaRecordRow *self = FITA_RECORD_ROW (object);

  g_ptr_array_unref (self->fields);
  g_free (self->title);
  G_OBJECT_CLASS (fita_record_row_parent_class)->finalize (object);
}

static void
fita_record_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaRecordRow *self = FITA_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      g_value_set_pointer (value, (gpointer) self->shape);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_record_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaRecordRow *self = FITA_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      self->shape = g_value_get_pointer (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_RECORD_ID:
      self->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_record_row_class_init (FitaRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fita_record_row_constructed;
  object_class->dispose = fita_record_row_dispose;
  object_class->finalize = fita_record_row_finalize;
  object_class->get_property = fita_record_row_get_property;
  object_class->set_property = fita_record_row_set_property;

  properties[PROP_SHAPE] =
    g_param_spec_pointer ("shape", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, FITA_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaRecordRow, grid);
}

static void
fita_record_row_init (FitaRecordRow *self)
{
  self->fields = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fita_record_row_new (const FitaRecordShape *shape,
                     FitaPlan              *plan,
                     gint64                 id,
                     GtkLabel              *error_label)
{
  FitaRecordRow *self;

  g_return_val_if_fail (shape != NULL, NULL);
  g_return_val_if_fail (error_label == NULL || GTK_IS_LABEL (error_label), NULL);

  self = g_object_new (FITA_TYPE_RECORD_ROW,
                       "shape", shape,
                       "plan", plan,
                       "record-id", id,
                       NULL);
  build_fields (self, error_label);
  return GTK_WIDGET (self);
}

/* Lists of rows */

typedef struct {
  const FitaRecordShape *shape;
  FitaPlan *plan;
  GtkLabel *error_label;
} RowsOf;

static GtkWidget *
create_row (gpointer record,
            gpointer user_data)
{
  RowsOf *rows = user_data;

  return fita_record_row_new (rows->shape, rows->plan, ((FitaRecord *) record)->id, rows->error_label);
}

static void
update_row (GtkWidget *row,
            gpointer   record,
            guint      index,
            guint      n_rows,
            gpointer   user_data)
{
  RowsOf *rows = user_data;

  fita_record_row_update (FITA_RECORD_ROW (row), index, n_rows,
                          rows->plan == NULL || fita_plan_is_read_only (rows->plan));
}

void
fita_record_rows_sync (GtkListBox            *list,
                       const FitaRecordShape *shape,
                       FitaPlan              *plan,
                       GPtrArray             *records,
                       GtkLabel              *error_label)
{
  RowsOf rows = { shape, plan, error_label };
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));
  g_return_if_fail (shape != NULL);

  /* Rows of another plan's records go, even where the ids are the same. */
  fita_field_hold_commits ();
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL;)
    {
      if (FITA_IS_RECORD_ROW (row) && FITA_RECORD_ROW (row)->plan != plan)
        gtk_list_box_remove (list, GTK_WIDGET (row));
      else
        i++;
    }
  fita_field_release_commits ();
  fita_list_box_sync (list, records, create_row, update_row, &rows);
}

gboolean
fita_record_rows_add (GtkWidget   *within,
                      FitaPlan    *plan,
                      gpointer     record,
                      gint64       parent,
                      const char  *label,
                      const char  *field,
                      GError     **error)
{
  FitaTableId table = ((FitaRecord *) record)->table;
  gint64 id = ((FitaRecord *) record)->id;
  GtkWidget *widget;

  fita_plan_begin (plan, label);
  fita_plan_insert (plan, record, parent, -1, NULL);
  if (!fita_plan_end (plan, error))
    return FALSE;
  widget = fita_field_find (within, table, id, field);
  if (widget != NULL)
    fita_field_focus (widget);
  return TRUE;
}

typedef struct {
  GtkWidget *page;
  AdwToastOverlay *toasts;
  FitaTableId table;
  gint64 id;
  char *label;
  FitaRecordRemoving removing;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->page);
  g_object_unref (removal->toasts);
  g_free (removal->label);
  g_free (removal);
}

static void
remove_confirmed (gpointer data)
{
  Removal *removal = data;
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  /* The page may show another plan by the time the officer answers. */
  g_object_get (removal->page, "plan", &plan, NULL);
  if (plan == NULL || fita_plan_lookup (plan, removal->table, removal->id) == NULL)
    return;
  if (removal->removing != NULL)
    removal->removing (removal->page, removal->id);
  if (!fita_record_remove (plan, removal->table, removal->id, removal->label, &error) &&
      !fita_change_error_show (GTK_WIDGET (removal->page), plan, error, NULL))
    adw_toast_overlay_add_toast (removal->toasts, adw_toast_new (error->message));
}

void
fita_record_rows_remove (GtkWidget          *page,
                         AdwToastOverlay    *toasts,
                         FitaTableId         table,
                         gint64              id,
                         const char         *label,
                         const char         *heading,
                         const char         *body,
                         FitaRecordRemoving  removing)
{
  Removal *removal;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  removal = g_new0 (Removal, 1);
  removal->page = g_object_ref (page);
  removal->toasts = g_object_ref (toasts);
  removal->table = table;
  removal->id = id;
  removal->label = g_strdup (label);
  removal->removing = removing;

  if (body == NULL)
    {
      /* Nothing else goes with it, and it can be undone. */
      remove_confirmed (removal);
      removal_free (removal);
      return;
    }
  fita_confirm (page, heading, body, _("_Delete"), remove_confirmed, removal, removal_free);
}
