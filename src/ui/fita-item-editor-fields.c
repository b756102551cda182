/* fita-item-editor-fields.c: the behaviour the item editor's fields share. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-editor-fields.h"
#include "fita-accessible.h"

void
fita_editor_mark_error (GtkWidget  *widget,
                        const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

GtkWidget *
fita_editor_text_area_new (const char  *heading,
                           GtkWidget  **view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *text_view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), text_view);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as everywhere else in the editor. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 9);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 9);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_widget_add_css_class (text_view, "fita-text-area");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), text_view);
  gtk_box_append (GTK_BOX (box), frame);

  *view = text_view;
  return box;
}

/* Choices */

struct _FitaEditorChoices {
  gatomicrefcount ref_count;
  GtkStringList *labels;
  GArray *ids;                 /* gint64 */
  GArray *depths;              /* guint */
  GPtrArray *colours;          /* char *, or NULL */
  gboolean ellipsize;
};

FitaEditorChoices *
fita_editor_choices_new (void)
{
  FitaEditorChoices *choices = g_new0 (FitaEditorChoices, 1);

  g_atomic_ref_count_init (&choices->ref_count);
  choices->labels = gtk_string_list_new (NULL);
  choices->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  choices->depths = g_array_new (FALSE, FALSE, sizeof (guint));
  choices->colours = g_ptr_array_new_with_free_func (g_free);
  return choices;
}

FitaEditorChoices *
fita_editor_choices_ref (FitaEditorChoices *choices)
{
  g_atomic_ref_count_inc (&choices->ref_count);
  return choices;
}

void
fita_editor_choices_unref (FitaEditorChoices *choices)
{
  if (!g_atomic_ref_count_dec (&choices->ref_count))
    return;
  g_object_unref (choices->labels);
  g_array_unref (choices->ids);
  g_array_unref (choices->depths);
  g_ptr_array_unref (choices->colours);
  g_free (choices);
}

void
fita_editor_choices_add (FitaEditorChoices *choices,
                         gint64             id,
                         const char        *label,
                         guint              depth,
                         const char        *colour)
{
  GdkRGBA rgba;
  char *hex = NULL;

  /* Only what parses as a colour ever reaches markup, as #rrggbb. */
  if (colour != NULL && gdk_rgba_parse (&rgba, colour))
    hex = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (rgba.red * 255 + 0.5),
                           (guint) (rgba.green * 255 + 0.5),
                           (guint) (rgba.blue * 255 + 0.5));
  g_array_append_val (choices->ids, id);
  g_array_append_val (choices->depths, depth);
  g_ptr_array_add (choices->colours, hex);
  gtk_string_list_append (choices->labels, label ? label : "");
}

guint
fita_editor_choices_get_n (FitaEditorChoices *choices)
{
  return choices->ids->len;
}

gint64
fita_editor_choices_get_id (FitaEditorChoices *choices,
                            guint              position)
{
  if (position >= choices->ids->len)
    return 0;
  return g_array_index (choices->ids, gint64, position);
}

guint
fita_editor_choices_find (FitaEditorChoices *choices,
                          gint64             id)
{
  for (guint i = 0; i < choices->ids->len; i++)
    if (g_array_index (choices->ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

void
fita_editor_choices_set_ellipsize (FitaEditorChoices *choices,
                                   gboolean           ellipsize)
{
  choices->ellipsize = ellipsize;
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  in_list)
{
  FitaEditorChoices *choices = g_object_get_data (G_OBJECT (factory), "choices");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (!GPOINTER_TO_INT (in_list) && choices->ellipsize)
    {
      /* The button shows a long choice in the space it has. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_wrap (GTK_LABEL (label), GPOINTER_TO_INT (in_list));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  in_list)
{
  FitaEditorChoices *choices = g_object_get_data (G_OBJECT (factory), "choices");
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dot);
  GtkStringObject *string = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  const char *colour = position < choices->colours->len ? g_ptr_array_index (choices->colours, position) : NULL;
  guint depth = position < choices->depths->len ? g_array_index (choices->depths, guint, position) : 0;

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  /* The choice's name, for a screen reader in the list and on the button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_string_object_get_string (string),
                                  -1);
  fita_accessible_name_list_row (box, gtk_string_object_get_string (string));
  gtk_widget_set_margin_start (box, GPOINTER_TO_INT (in_list) ? 18 * (int) depth : 0);
  gtk_widget_set_visible (dot, colour != NULL);
  if (colour != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", colour);

      gtk_label_set_markup (GTK_LABEL (dot), markup);
    }
}

static GtkListItemFactory *
choice_factory_new (FitaEditorChoices *choices,
                    gboolean           in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data_full (G_OBJECT (factory), "choices",
                          fita_editor_choices_ref (choices),
                          (GDestroyNotify) fita_editor_choices_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), GINT_TO_POINTER (in_list));
  return factory;
}

void
fita_editor_choices_attach (FitaEditorChoices *choices,
                            GtkDropDown       *drop_down)
{
  g_autoptr(GtkListItemFactory) factory = choice_factory_new (choices, FALSE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory_new (choices, TRUE);

  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (choices->labels));
}

/* Changes */

gboolean
fita_editor_changes_touch (const FitaChanges *changes,
                           FitaTableId        table,
                           gint64             id)
{
  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId t;
      gint64 record;

      fita_changes_get (changes, i, &t, &record, NULL, NULL);
      if (t == table && record == id)
        return TRUE;
    }
  return FALSE;
}

/* Years */

int
fita_editor_current_year (FitaPlan *plan)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autoptr(GDateTime) now = NULL;

  if (info->followed_year != FITA_NONE)
    return (int) info->followed_year;
  now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

void
fita_editor_shown_years (FitaPlan *plan,
                         int      *first,
                         int      *last)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  gint64 start = info->period_start;
  gint64 end = info->period_end;

  if (start == FITA_NONE && end == FITA_NONE)
    {
      int year = fita_editor_current_year (plan);

      *first = year - 2;
      *last = year + 2;
      return;
    }
  *first = (int) (start != FITA_NONE ? start : end);
  *last = (int) (end != FITA_NONE ? end : start);
  if (*last < *first)
    {
      int swap = *first;

      *first = *last;
      *last = swap;
    }
}
