/* fita-field.c: binding a widget to one field of one record: it shows the
 * value, saves the officer's change as one undoable change and shows the
 * plan's refusal. Used by the item editor and the plan's pages. */
#include "config.h"
#include "fita-field.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-change-error.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-money.h"
#include "fita-plan-editor-lists.h"

typedef struct {
  GtkWidget *widget;           /* unowned: the binding is the widget's data */
  FitaFieldEditorKind kind;
  FitaPlan *plan;
  FitaTableId table;
  gint64 id;
  char *field;
  char *undo_label;
  GtkLabel *error_label;       /* weak */
  char *shown;                 /* what the widget showed when last loaded */
  gboolean loading;
  gboolean read_only;
  gboolean failed;             /* showing a refusal; the typing is kept */
  gboolean asking;             /* a conflict or a refusal of the server is
                                * being answered: no commit meanwhile */
  gboolean overtaken;          /* someone else changed the value while it
                                * was being typed over (the typing kept) */
  gint64 last_value;           /* YEAR: to tell stepping up from "no year" */
  GArray *values;              /* CHOICE on a number field: gint64 per item */
  GStrv text_values;           /* CHOICE on a text field; "" for none */
  guint fallback;               /* CHOICE: shown for a value among none */
  FitaFieldRead read;          /* custom: the value is not a record's field */
  FitaFieldWrite write;
  gpointer io_data;
  FitaFieldGetInt get_int;     /* INT: the widget's own way with its number */
  FitaFieldSetInt set_int;
  FitaFieldCheck check;        /* text fields: a refusal before the plan's */
  gpointer check_data;
} Binding;

static GQuark binding_quark;
static guint held_commits;
static guint remote_changes;

static void
binding_free (gpointer data)
{
  Binding *b = data;

  if (b->error_label != NULL)
    {
      /* A refusal of a field that is gone (its row removed) goes too. */
      if (g_object_get_data (G_OBJECT (b->error_label), "fita-error-owner") == b->widget)
        {
          gtk_widget_set_visible (GTK_WIDGET (b->error_label), FALSE);
          g_object_set_data (G_OBJECT (b->error_label), "fita-error-owner", NULL);
        }
      g_object_remove_weak_pointer (G_OBJECT (b->error_label), (gpointer *) &b->error_label);
    }
  g_clear_object (&b->plan);
  g_free (b->field);
  g_free (b->undo_label);
  g_free (b->shown);
  g_clear_pointer (&b->values, g_array_unref);
  g_strfreev (b->text_values);
  g_free (b);
}

static Binding *
binding_get (GtkWidget *widget)
{
  if (binding_quark == 0)
    return NULL;
  return g_object_get_qdata (G_OBJECT (widget), binding_quark);
}

static gpointer
binding_record (Binding *b)
{
  if (b->plan == NULL)
    return NULL;
  if (b->table == FITA_TABLE_FOLLOWUP)
    return fita_plan_find_followup (b->plan, 0, b->id);
  return fita_plan_lookup (b->plan, b->table, b->id);
}

static const FitaField *
binding_field (Binding *b)
{
  const FitaTable *table = fita_table (b->table);
  int index = fita_table_field_index (table, b->field);

  g_return_val_if_fail (index >= 0, NULL);
  return &table->fields[index];
}

static const char *
record_text (Binding *b)
{
  gpointer record;
  const char *text;

  if (b->read != NULL)
    {
      text = b->plan != NULL ? b->read (b->widget, b->io_data) : NULL;
      return text != NULL ? text : "";
    }
  record = binding_record (b);
  if (record == NULL)
    return "";
  text = fita_record_get_text (record, binding_field (b));
  return text != NULL ? text : "";
}

static gint64
record_int (Binding *b)
{
  gpointer record = binding_record (b);

  return record != NULL ? fita_record_get_int (record, binding_field (b)) : FITA_NONE;
}

static gboolean
is_text_view_kind (FitaFieldEditorKind kind)
{
  return kind == FITA_FIELD_EDITOR_PARAGRAPH || kind == FITA_FIELD_EDITOR_PARAGRAPHS;
}

/* The text the widget holds now, for the kinds that hold text. */
static char *
widget_text (Binding *b)
{
  if (is_text_view_kind (b->kind))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (b->widget)));
}

static void
set_widget_text (Binding *b, const char *text)
{
  if (is_text_view_kind (b->kind))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (b->widget), text);
}

static gboolean
holds_focus (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* Whether the widget holds typing that the plan does not have yet. */
static gboolean
is_dirty (Binding *b)
{
  g_autofree char *text = NULL;

  /* A number widget of its own keeps the change it holds itself. */
  if (b->kind == FITA_FIELD_EDITOR_CHOICE || b->kind == FITA_FIELD_EDITOR_COLOUR ||
      b->kind == FITA_FIELD_EDITOR_INT)
    return FALSE;
  if (!holds_focus (b->widget) && !b->failed)
    return FALSE;
  text = widget_text (b);
  return g_strcmp0 (text, b->shown) != 0;
}

static void
show_error (Binding *b, const char *message)
{
  b->failed = TRUE;
  gtk_widget_add_css_class (b->widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (b->widget),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  if (b->error_label != NULL)
    {
      gtk_label_set_text (b->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (b->error_label), TRUE);
      g_object_set_data (G_OBJECT (b->error_label), "fita-error-owner", b->widget);
    }
  else
    {
      gtk_widget_set_tooltip_text (b->widget, message);
    }
  gtk_widget_error_bell (b->widget);
}

static void
clear_error (Binding *b)
{
  if (!b->failed)
    return;
  b->failed = FALSE;
  gtk_widget_remove_css_class (b->widget, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (b->widget), GTK_ACCESSIBLE_STATE_INVALID);
  if (b->error_label != NULL)
    {
      if (g_object_get_data (G_OBJECT (b->error_label), "fita-error-owner") == b->widget)
        {
          gtk_widget_set_visible (GTK_WIDGET (b->error_label), FALSE);
          g_object_set_data (G_OBJECT (b->error_label), "fita-error-owner", NULL);
        }
    }
  else
    {
      gtk_widget_set_tooltip_text (b->widget, NULL);
    }
}

static gint64
none_value (Binding *b)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (b->widget));

  return (gint64) gtk_adjustment_get_lower (adjustment);
}

static guint
choice_index (Binding *b)
{
  if (b->text_values != NULL)
    {
      const char *text = record_text (b);

      for (guint i = 0; b->text_values[i] != NULL; i++)
        if (g_str_equal (b->text_values[i], text))
          return i;
      return b->fallback;
    }
  else
    {
      gint64 value = record_int (b);

      if (b->values == NULL)
        return value >= 0 && value != FITA_NONE ? (guint) value : GTK_INVALID_LIST_POSITION;
      for (guint i = 0; i < b->values->len; i++)
        if (g_array_index (b->values, gint64, i) == value)
          return i;
      return b->fallback;
    }
}

static void apply_read_only (Binding *b);

static void
load (Binding *b, gboolean force)
{
  if (!force && is_dirty (b))
    {
      if (remote_changes > 0)
        b->overtaken = TRUE;
      return;
    }
  b->overtaken = FALSE;

  b->loading = TRUE;
  switch (b->kind)
    {
    case FITA_FIELD_EDITOR_LINE:
    case FITA_FIELD_EDITOR_PARAGRAPH:
    case FITA_FIELD_EDITOR_PARAGRAPHS:
      {
        const char *text = record_text (b);
        g_autofree char *current = widget_text (b);

        if (g_strcmp0 (current, text) != 0)
          set_widget_text (b, text);
        g_free (b->shown);
        b->shown = g_strdup (text);
      }
      break;
    case FITA_FIELD_EDITOR_NUMBER:
      {
        g_autofree char *text = NULL;
        gint64 value = record_int (b);

        text = value == FITA_NONE ? g_strdup ("") : fita_format_count (value, fita_lang_from_locale ());
        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (b->widget)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (b->widget), text);
        g_free (b->shown);
        b->shown = g_steal_pointer (&text);
      }
      break;
    case FITA_FIELD_EDITOR_SPIN:
    case FITA_FIELD_EDITOR_YEAR:
    case FITA_FIELD_EDITOR_PERCENT:
      {
        GtkSpinButton *spin = GTK_SPIN_BUTTON (b->widget);
        gint64 value = record_int (b);

        if (value == FITA_NONE)
          value = none_value (b);
        b->last_value = value;
        /* Also redraws the text when the value is the same, so typing
         * that was thrown away goes. */
        gtk_spin_button_set_value (spin, (double) value);
        g_free (b->shown);
        b->shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin)));
      }
      break;
    case FITA_FIELD_EDITOR_CHOICE:
      g_object_set (b->widget, "selected", choice_index (b), NULL);
      break;
    case FITA_FIELD_EDITOR_COLOUR:
      {
        const char *text = record_text (b);
        GdkRGBA rgba;

        if (*text == '\0' || !gdk_rgba_parse (&rgba, text))
          gdk_rgba_parse (&rgba, "#deddda");
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (b->widget), &rgba);
      }
      break;
    case FITA_FIELD_EDITOR_INT:
      if (b->set_int != NULL)
        b->set_int (b->widget, record_int (b), force);
      break;
    }
  b->loading = FALSE;
  clear_error (b);
  /* Whom an item answers to may have changed with it. */
  if (b->plan != NULL && fita_plan_get_access (b->plan) == FITA_ACCESS_FOLLOW_UP)
    apply_read_only (b);
}

static gboolean
write_text (Binding *b, gpointer record, const char *text, GError **error)
{
  if (b->write != NULL)
    return b->write (b->widget, text, error, b->io_data);
  fita_plan_begin (b->plan, b->undo_label);
  if (b->table == FITA_TABLE_FOLLOWUP)
    fita_plan_set_followup (b->plan, 0, b->id, b->field, text, NULL);
  else
    fita_plan_set_text (b->plan, record, b->field, text, NULL);
  return fita_plan_end (b->plan, error);
}

static gboolean
write_int (Binding *b, gpointer record, gint64 value, GError **error)
{
  fita_plan_begin (b->plan, b->undo_label);
  fita_plan_set_int (b->plan, record, b->field, value, NULL);
  return fita_plan_end (b->plan, error);
}

/* One line: no line breaks, no spaces around. */
static char *
normalise_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return g_strstrip (line);
}

static void
settled_cb (GtkWidget *widget)
{
  Binding *b = binding_get (widget);

  if (b == NULL)
    return;
  b->asking = FALSE;
  clear_error (b);
  load (b, TRUE);
}

static gboolean commit (Binding *b);

static void
typed_over_cb (GtkWidget *widget,
               gboolean   keep_mine)
{
  Binding *b = binding_get (widget);

  if (b == NULL)
    return;
  b->asking = FALSE;
  if (!keep_mine)
    {
      load (b, TRUE);
      return;
    }
  /* theirs seen: what is typed goes over it */
  b->overtaken = FALSE;
  g_free (b->shown);
  b->shown = g_strdup (record_text (b));
  commit (b);
}

static gboolean
commit (Binding *b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;   /* text typed, for a conflict's dialog */
  gpointer record;
  gboolean ok = TRUE;

  if (b->loading || held_commits > 0 || b->read_only || b->asking || b->plan == NULL ||
      fita_plan_is_read_only (b->plan))
    return TRUE;
  record = binding_record (b);
  if (record == NULL && b->table != FITA_TABLE_FOLLOWUP && b->write == NULL)
    return TRUE;

  switch (b->kind)
    {
    case FITA_FIELD_EDITOR_LINE:
    case FITA_FIELD_EDITOR_PARAGRAPH:
    case FITA_FIELD_EDITOR_PARAGRAPHS:
      {
        g_autofree char *raw = widget_text (b);
        g_autofree char *text = NULL;
        g_autofree char *taken = NULL;
        const FitaTable *table = fita_table (b->table);

        if (b->kind == FITA_FIELD_EDITOR_PARAGRAPHS)
          {
            text = g_strdup (raw);
            g_strchomp (text);
          }
        else
          {
            text = normalise_line (raw);
          }
        if (g_strcmp0 (text, record_text (b)) == 0)
          break;
        /* Someone else's change came while this was typed over the old
         * value (the typing was kept): asked before anything is saved. */
        if (b->overtaken && g_strcmp0 (record_text (b), b->shown) != 0)
          {
            b->asking = TRUE;
            fita_change_error_ask (b->widget, text, record_text (b), typed_over_cb);
            return FALSE;
          }
        if (*text == '\0' && b->write == NULL && (binding_field (b)->flags & FITA_FIELD_REQUIRED))
          {
            show_error (b, _("This cannot be left empty."));
            return FALSE;
          }
        if (b->check != NULL)
          taken = b->check (b->widget, text, b->check_data);
        if (taken == NULL && b->write == NULL && table->name_field >= 0 &&
            g_str_equal (table->fields[table->name_field].name, b->field))
          taken = fita_name_taken (b->plan, b->table, b->id, text);
        if (taken != NULL)
          {
            show_error (b, taken);
            return FALSE;
          }
        ok = write_text (b, record, text, &error);
        mine = g_steal_pointer (&text);
      }
      break;
    case FITA_FIELD_EDITOR_NUMBER:
      {
        g_autofree char *text = widget_text (b);
        gint64 value;

        if (!fita_parse_count (text, &value, &error))
          {
            show_error (b, error->message);
            return FALSE;
          }
        if (value == record_int (b))
          break;
        ok = write_int (b, record, value, &error);
      }
      break;
    case FITA_FIELD_EDITOR_SPIN:
    case FITA_FIELD_EDITOR_YEAR:
    case FITA_FIELD_EDITOR_PERCENT:
      {
        gint64 value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (b->widget));

        if (b->kind != FITA_FIELD_EDITOR_SPIN && value == none_value (b))
          value = FITA_NONE;
        if (value == record_int (b))
          break;
        ok = write_int (b, record, value, &error);
      }
      break;
    case FITA_FIELD_EDITOR_CHOICE:
      {
        guint selected;

        g_object_get (b->widget, "selected", &selected, NULL);
        if (selected == GTK_INVALID_LIST_POSITION)
          break;
        if (b->text_values != NULL)
          {
            const char *text;

            if (selected >= g_strv_length (b->text_values))
              break;
            text = b->text_values[selected];
            if (g_strcmp0 (text, record_text (b)) == 0)
              break;
            ok = write_text (b, record, text, &error);
          }
        else
          {
            gint64 value = selected;

            if (b->values != NULL)
              {
                if (selected >= b->values->len)
                  break;
                value = g_array_index (b->values, gint64, selected);
              }
            if (value == record_int (b))
              break;
            ok = write_int (b, record, value, &error);
          }
      }
      break;
    case FITA_FIELD_EDITOR_COLOUR:
      {
        g_autofree char *text = NULL;
        GdkRGBA rgba;

        gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (b->widget), &rgba);
        text = g_strdup_printf ("#%02x%02x%02x",
                                (guint) (rgba.red * 255 + 0.5),
                                (guint) (rgba.green * 255 + 0.5),
                                (guint) (rgba.blue * 255 + 0.5));
        if (g_ascii_strcasecmp (text, record_text (b)) == 0)
          break;
        ok = write_text (b, record, text, &error);
      }
      break;
    case FITA_FIELD_EDITOR_INT:
      {
        gint64 value = b->get_int (b->widget);

        if (value == record_int (b))
          break;
        ok = write_int (b, record, value, &error);
      }
      break;
    }

  if (!ok)
    {
      /* Someone else changed it first, or the server refused it: asked or
       * said over the window; once answered, the plan's value shows. */
      b->asking = TRUE;
      if (fita_change_error_show_values (b->widget, b->plan, error,
                                         mine, mine != NULL ? record_text (b) : NULL, settled_cb))
        return FALSE;
      b->asking = FALSE;
    }
  if (!ok)
    {
      show_error (b, error->message);
      /* Choices, colours and numbers hold no typing: show what the plan has. */
      if (b->kind == FITA_FIELD_EDITOR_CHOICE || b->kind == FITA_FIELD_EDITOR_COLOUR ||
          b->kind == FITA_FIELD_EDITOR_INT)
        {
          b->loading = TRUE;
          if (b->kind == FITA_FIELD_EDITOR_CHOICE)
            g_object_set (b->widget, "selected", choice_index (b), NULL);
          else if (b->kind == FITA_FIELD_EDITOR_INT)
            b->set_int (b->widget, record_int (b), TRUE);
          b->loading = FALSE;
        }
      return FALSE;
    }

  clear_error (b);
  /* Show the value as the plan keeps it ("  Foo " is "Foo"). */
  load (b, TRUE);
  return TRUE;
}

/* Signal handlers */

static void
activated_cb (GtkWidget *widget, Binding *b)
{
  commit (b);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller, Binding *b)
{
  g_autofree char *text = widget_text (b);

  if (g_strcmp0 (text, b->shown) != 0)
    commit (b);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Binding               *b)
{
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;

  if (keyval == GDK_KEY_Escape && is_dirty (b))
    {
      load (b, TRUE);
      return TRUE;
    }
  /* One paragraph has no line breaks: Enter saves, as in an entry. */
  if (enter && b->kind == FITA_FIELD_EDITOR_PARAGRAPH)
    {
      commit (b);
      return TRUE;
    }
  if (enter && b->kind == FITA_FIELD_EDITOR_PARAGRAPHS && (state & GDK_CONTROL_MASK))
    {
      commit (b);
      return TRUE;
    }
  return FALSE;
}

static void
spin_value_changed_cb (GtkSpinButton *spin, Binding *b)
{
  gint64 value = gtk_spin_button_get_value_as_int (spin);
  gint64 previous = b->last_value;

  if (b->loading)
    return;
  b->last_value = value;
  /* Years go from "no year" (0) straight to this year, and back. */
  if (b->kind == FITA_FIELD_EDITOR_YEAR && value > 0 && value < 1000)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      gtk_spin_button_set_value (spin, previous == 0 ? g_date_time_get_year (now) : 0);
      return;
    }
  commit (b);
}

static const char *
none_text (Binding *b)
{
  /* Translators: shown in a spin button for a year that is not set */
  return b->kind == FITA_FIELD_EDITOR_YEAR ? C_("year", "—")
    /* Translators: shown in a spin button for a default percent that is not set */
    : C_("percent", "None");
}

static gboolean
spin_output_cb (GtkSpinButton *spin, Binding *b)
{
  if (gtk_spin_button_get_value_as_int (spin) != none_value (b))
    return FALSE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), none_text (b)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), none_text (b));
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin, double *new_value, Binding *b)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (*text == '\0' || g_str_equal (text, "—") || g_str_equal (text, "-") ||
      g_utf8_collate (text, none_text (b)) == 0)
    {
      *new_value = none_value (b);
      return TRUE;
    }
  return FALSE;
}

static void
selected_cb (GObject *object, GParamSpec *pspec, Binding *b)
{
  commit (b);
}

static void
colour_set_cb (GtkColorButton *button, Binding *b)
{
  commit (b);
}

/* Public */

void
fita_field_bind (GtkWidget           *widget,
                 FitaFieldEditorKind  kind,
                 FitaPlan            *plan,
                 FitaTableId          table,
                 gint64               id,
                 const char          *field,
                 const char          *undo_label)
{
  Binding *b;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (binding_get (widget) == NULL);

  if (binding_quark == 0)
    binding_quark = g_quark_from_static_string ("fita-field-binding");

  b = g_new0 (Binding, 1);
  b->widget = widget;
  b->kind = kind;
  b->plan = plan ? g_object_ref (plan) : NULL;
  b->table = table;
  b->id = id;
  b->field = g_strdup (field);
  b->undo_label = g_strdup (undo_label);
  b->fallback = GTK_INVALID_LIST_POSITION;
  g_object_set_qdata_full (G_OBJECT (widget), binding_quark, b, binding_free);

  switch (kind)
    {
    case FITA_FIELD_EDITOR_LINE:
    case FITA_FIELD_EDITOR_NUMBER:
      g_return_if_fail (GTK_IS_EDITABLE (widget));
      if (ADW_IS_ENTRY_ROW (widget))
        g_signal_connect (widget, "entry-activated", G_CALLBACK (activated_cb), b);
      else
        g_signal_connect (widget, "activate", G_CALLBACK (activated_cb), b);
      break;
    case FITA_FIELD_EDITOR_PARAGRAPH:
    case FITA_FIELD_EDITOR_PARAGRAPHS:
      g_return_if_fail (GTK_IS_TEXT_VIEW (widget));
      break;
    case FITA_FIELD_EDITOR_SPIN:
    case FITA_FIELD_EDITOR_YEAR:
    case FITA_FIELD_EDITOR_PERCENT:
      g_return_if_fail (GTK_IS_SPIN_BUTTON (widget));
      g_signal_connect (widget, "value-changed", G_CALLBACK (spin_value_changed_cb), b);
      if (kind != FITA_FIELD_EDITOR_SPIN)
        {
          g_signal_connect (widget, "output", G_CALLBACK (spin_output_cb), b);
          g_signal_connect (widget, "input", G_CALLBACK (spin_input_cb), b);
        }
      break;
    case FITA_FIELD_EDITOR_CHOICE:
      g_signal_connect (widget, "notify::selected", G_CALLBACK (selected_cb), b);
      break;
    case FITA_FIELD_EDITOR_COLOUR:
      g_return_if_fail (GTK_IS_COLOR_BUTTON (widget));
      g_signal_connect (widget, "color-set", G_CALLBACK (colour_set_cb), b);
      break;
    case FITA_FIELD_EDITOR_INT:
      /* The widget commits itself: see fita_field_bind_int. */
      break;
    }

  if (kind == FITA_FIELD_EDITOR_LINE || kind == FITA_FIELD_EDITOR_NUMBER || is_text_view_kind (kind))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      GtkEventController *keys = gtk_event_controller_key_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), b);
      gtk_widget_add_controller (widget, focus);
      /* Before the text view inserts a line break for Enter. */
      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), b);
      gtk_widget_add_controller (widget, keys);
    }

  if (kind != FITA_FIELD_EDITOR_CHOICE)
    load (b, TRUE);
}

void
fita_field_bind_custom (GtkWidget           *widget,
                        FitaFieldEditorKind  kind,
                        FitaFieldRead        read,
                        FitaFieldWrite       write,
                        gpointer             user_data)
{
  Binding *b;

  g_return_if_fail (kind == FITA_FIELD_EDITOR_LINE || is_text_view_kind (kind));

  /* No plan yet: nothing is read until fita_field_show gives one. */
  fita_field_bind (widget, kind, NULL, FITA_TABLE_PLAN, 0, NULL, NULL);
  b = binding_get (widget);
  b->read = read;
  b->write = write;
  b->io_data = user_data;
}

void
fita_field_bind_int (GtkWidget       *widget,
                     FitaPlan        *plan,
                     FitaTableId      table,
                     gint64           id,
                     const char      *field,
                     const char      *undo_label,
                     FitaFieldGetInt  get,
                     FitaFieldSetInt  set)
{
  Binding *b;

  g_return_if_fail (get != NULL && set != NULL);

  fita_field_bind (widget, FITA_FIELD_EDITOR_INT, plan, table, id, field, undo_label);
  b = binding_get (widget);
  b->get_int = get;
  b->set_int = set;
  load (b, TRUE);
}

void
fita_field_set_record (GtkWidget *widget,
                       FitaPlan  *plan,
                       gint64     id)
{
  Binding *b = binding_get (widget);

  g_return_if_fail (b != NULL);

  if (plan != b->plan)
    {
      g_clear_object (&b->plan);
      b->plan = plan ? g_object_ref (plan) : NULL;
    }
  b->id = id;
  clear_error (b);
  load (b, TRUE);
}

void
fita_field_show (GtkWidget *widget,
                 FitaPlan  *plan,
                 gint64     id,
                 gboolean   force,
                 gboolean   editable)
{
  Binding *b = binding_get (widget);

  g_return_if_fail (b != NULL);

  if (force || b->plan != plan || b->id != id)
    fita_field_set_record (widget, plan, id);
  else
    load (b, FALSE);
  if (b->read_only == editable)
    {
      b->read_only = !editable;
      apply_read_only (b);
    }
}

gboolean
fita_field_is_bound (GtkWidget *widget)
{
  return binding_get (widget) != NULL;
}

gint64
fita_field_get_record_id (GtkWidget *widget)
{
  Binding *b = binding_get (widget);

  return b ? b->id : 0;
}

const char *
fita_field_get_name (GtkWidget *widget)
{
  Binding *b = binding_get (widget);

  return b ? b->field : NULL;
}

static GtkStringList *
choice_model (const char * const *labels, guint n_values)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (model, labels[i]);
  return model;
}

static void
set_choice_model (Binding *b, GtkStringList *model)
{
  b->loading = TRUE;
  if (ADW_IS_COMBO_ROW (b->widget))
    adw_combo_row_set_model (ADW_COMBO_ROW (b->widget), G_LIST_MODEL (model));
  else
    gtk_drop_down_set_model (GTK_DROP_DOWN (b->widget), G_LIST_MODEL (model));
  b->loading = FALSE;
  load (b, TRUE);
}

void
fita_field_set_choices (GtkWidget          *widget,
                        const char * const *labels,
                        const gint64       *values,
                        guint               n_values)
{
  Binding *b = binding_get (widget);
  g_autoptr(GtkStringList) model = NULL;

  g_return_if_fail (b != NULL && b->kind == FITA_FIELD_EDITOR_CHOICE);

  g_clear_pointer (&b->values, g_array_unref);
  g_clear_pointer (&b->text_values, g_strfreev);
  if (values != NULL)
    {
      b->values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_values);
      g_array_append_vals (b->values, values, n_values);
    }
  model = choice_model (labels, n_values);
  set_choice_model (b, model);
}

void
fita_field_set_text_choices (GtkWidget          *widget,
                             const char * const *labels,
                             const char * const *values,
                             guint               n_values)
{
  Binding *b = binding_get (widget);
  g_autoptr(GtkStringList) model = NULL;

  g_return_if_fail (b != NULL && b->kind == FITA_FIELD_EDITOR_CHOICE);

  g_clear_pointer (&b->values, g_array_unref);
  g_strfreev (b->text_values);
  b->text_values = g_new0 (char *, n_values + 1);
  for (guint i = 0; i < n_values; i++)
    b->text_values[i] = g_strdup (values[i] ? values[i] : "");
  model = choice_model (labels, n_values);
  set_choice_model (b, model);
}

void
fita_field_set_choice_values (GtkWidget    *widget,
                              const gint64 *values,
                              guint         n_values)
{
  Binding *b = binding_get (widget);

  g_return_if_fail (b != NULL && b->kind == FITA_FIELD_EDITOR_CHOICE);

  g_clear_pointer (&b->values, g_array_unref);
  g_clear_pointer (&b->text_values, g_strfreev);
  b->values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_values);
  g_array_append_vals (b->values, values, n_values);
  load (b, TRUE);
}

void
fita_field_set_choice_fallback (GtkWidget *widget,
                                guint      position)
{
  Binding *b = binding_get (widget);

  g_return_if_fail (b != NULL && b->kind == FITA_FIELD_EDITOR_CHOICE);

  b->fallback = position;
  load (b, TRUE);
}

void
fita_field_set_check (GtkWidget      *widget,
                      FitaFieldCheck  check,
                      gpointer        user_data)
{
  Binding *b = binding_get (widget);

  g_return_if_fail (b != NULL);

  b->check = check;
  b->check_data = user_data;
}

GtkWidget *
fita_field_find_bound (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (binding_get (widget) != NULL)
      return widget;
  return NULL;
}

void
fita_field_set_error_label (GtkWidget *widget,
                            GtkLabel  *label)
{
  Binding *b = binding_get (widget);

  g_return_if_fail (b != NULL);

  if (b->error_label != NULL)
    g_object_remove_weak_pointer (G_OBJECT (b->error_label), (gpointer *) &b->error_label);
  b->error_label = label;
  if (label != NULL)
    g_object_add_weak_pointer (G_OBJECT (label), (gpointer *) &b->error_label);
}

void
fita_field_load (GtkWidget *widget)
{
  Binding *b = binding_get (widget);

  if (b != NULL)
    load (b, FALSE);
}

void
fita_field_load_all (GtkWidget *root)
{
  fita_field_load (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fita_field_load_all (child);
}

gboolean
fita_field_commit (GtkWidget *widget)
{
  Binding *b = binding_get (widget);

  return b == NULL || commit (b);
}

void
fita_field_focus (GtkWidget *widget)
{
  gtk_widget_grab_focus (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
  else if (GTK_IS_EDITABLE (widget))
    {
      gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
    }
}

/* A service's plan: what the server would refuse is insensitive, not
 * hidden (a reader's plan is read-only as a whole, as a file can be). */
static gboolean
denied (Binding *b)
{
  if (b->plan == NULL || b->read != NULL || b->field == NULL ||
      fita_plan_get_access (b->plan) != FITA_ACCESS_FOLLOW_UP)
    return FALSE;
  return !fita_plan_may_change (b->plan, b->table, b->id, b->field);
}

static void
apply_read_only (Binding *b)
{
  gboolean editable = !b->read_only;

  if (editable && denied (b))
    {
      gtk_widget_set_sensitive (b->widget, FALSE);
      return;
    }
  /* what was denied for the record shown before */
  if (!b->read_only && b->plan != NULL && fita_plan_get_access (b->plan) == FITA_ACCESS_FOLLOW_UP)
    gtk_widget_set_sensitive (b->widget, TRUE);

  switch (b->kind)
    {
    case FITA_FIELD_EDITOR_LINE:
    case FITA_FIELD_EDITOR_NUMBER:
      gtk_editable_set_editable (GTK_EDITABLE (b->widget), editable);
      break;
    case FITA_FIELD_EDITOR_PARAGRAPH:
    case FITA_FIELD_EDITOR_PARAGRAPHS:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (b->widget), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (b->widget), editable);
      break;
    case FITA_FIELD_EDITOR_SPIN:
    case FITA_FIELD_EDITOR_YEAR:
    case FITA_FIELD_EDITOR_PERCENT:
      gtk_editable_set_editable (GTK_EDITABLE (b->widget), editable);
      gtk_widget_set_sensitive (b->widget, editable);
      break;
    case FITA_FIELD_EDITOR_CHOICE:
    case FITA_FIELD_EDITOR_COLOUR:
    case FITA_FIELD_EDITOR_INT:
      gtk_widget_set_sensitive (b->widget, editable);
      break;
    }
}

void
fita_field_set_read_only_all (GtkWidget *root,
                              gboolean   read_only)
{
  Binding *b = binding_get (root);

  /* Applied every time: a combo row makes itself sensitive again when it
   * gets a new model. */
  if (b != NULL)
    {
      b->read_only = read_only;
      apply_read_only (b);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fita_field_set_read_only_all (child, read_only);
}

GtkWidget *
fita_field_find (GtkWidget   *root,
                 FitaTableId  table,
                 gint64       id,
                 const char  *field)
{
  Binding *b = binding_get (root);

  if (b != NULL && b->table == table && b->id == id && g_strcmp0 (b->field, field) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fita_field_find (child, table, id, field);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
fita_field_begin_remote (void)
{
  remote_changes++;
}

void
fita_field_end_remote (void)
{
  g_return_if_fail (remote_changes > 0);
  remote_changes--;
}

void
fita_field_hold_commits (void)
{
  held_commits++;
}

void
fita_field_release_commits (void)
{
  g_return_if_fail (held_commits > 0);
  held_commits--;
}

