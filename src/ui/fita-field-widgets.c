/* fita-field-widgets.c: the widgets the pages bind to fields (entries, text
 * views that take the height of their text, rows), and their style. */
#include "config.h"
#include "fita-field.h"

#include <glib/gi18n.h>

/* About twelve lines of text. */
#define TEXT_MAX_HEIGHT 260

/* Constructors */

GtkWidget *
fita_field_entry_new (const char *placeholder,
                      const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return entry;
}

/* A text view reports the height of what it has laid out so far, not of
 * all its text (and nothing at all just after a change of style), so the
 * scrolled window around it is told how tall the text is, up to a limit,
 * from a layout of it at the width it has. */
static void
fit_text_height (GtkWidget *view)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;
  int width;
  int height;

  /* Gone with its row while a fit was on its way. */
  if (scrolled == NULL)
    return;
  width = gtk_widget_get_width (scrolled);
  if (width <= 0)
    width = 560;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  layout = gtk_widget_create_pango_layout (view, *text ? text : " ");
  pango_layout_set_width (layout, MAX (1, width - gtk_text_view_get_left_margin (text_view)
                                          - gtk_text_view_get_right_margin (text_view)) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height += gtk_text_view_get_top_margin (text_view) + gtk_text_view_get_bottom_margin (text_view)
            + (gtk_text_buffer_get_line_count (buffer) - 1) * gtk_text_view_get_pixels_below_lines (text_view);
  /* A scroll bar only when it is needed: even hidden, it asks for room. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  height > TEXT_MAX_HEIGHT ? GTK_POLICY_AUTOMATIC : GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (height, TEXT_MAX_HEIGHT));
}

static void
text_changed_cb (GtkTextBuffer *buffer,
                 GtkWidget     *view)
{
  fit_text_height (view);
}

static gboolean
fit_later_cb (gpointer data)
{
  GtkWidget *view = data;

  g_object_set_data (G_OBJECT (view), "fita-fit-source", NULL);
  fit_text_height (view);
  return G_SOURCE_REMOVE;
}

static void
width_changed_cb (GtkAdjustment *adjustment,
                  GtkWidget     *view)
{
  /* The width changes while GTK allocates sizes, when asking for another
   * height would be lost: ask once it is done. */
  if (g_object_get_data (G_OBJECT (view), "fita-fit-source") == NULL)
    {
      guint source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_later_cb,
                                      g_object_ref (view), g_object_unref);

      g_object_set_data (G_OBJECT (view), "fita-fit-source", GUINT_TO_POINTER (source));
    }
}

static void
font_changed_cb (GtkSettings *settings,
                 GParamSpec  *pspec,
                 GtkWidget   *view)
{
  fit_text_height (view);
}

static void
update_placeholder (GtkTextBuffer *buffer,
                    GtkWidget     *placeholder)
{
  gtk_widget_set_visible (placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
}

/* The text view, in a scrolled window that takes the height of its text. */
static GtkWidget *
text_view_new (FitaFieldEditorKind   kind,
               const char           *accessible_label,
               gboolean              with_placeholder,
               GtkWidget           **view_out)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSettings *settings = gtk_settings_get_default ();

  fita_field_ensure_style ();
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  /* Tab moves on, as in an entry: a text view must not trap the keyboard. */
  gtk_text_view_set_accepts_tab (text_view, FALSE);
  if (kind == FITA_FIELD_EDITOR_PARAGRAPHS)
    gtk_text_view_set_pixels_below_lines (text_view, 6);
  gtk_widget_remove_css_class (view, "view");
  gtk_widget_set_hexpand (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, kind == FITA_FIELD_EDITOR_PARAGRAPHS,
                                  -1);

  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), TEXT_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_hexpand (scrolled, TRUE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), view, 0);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)), "changed",
                           G_CALLBACK (width_changed_cb), view, 0);
  if (settings != NULL)
    {
      /* Large text changes how tall the text is. */
      g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (font_changed_cb), view, 0);
      g_signal_connect_object (settings, "notify::gtk-font-name", G_CALLBACK (font_changed_cb), view, 0);
    }

  *view_out = view;
  if (!with_placeholder)
    return scrolled;

  {
    /* Text views have no placeholder text of their own, entries do. */
    GtkWidget *overlay = gtk_overlay_new ();
    GtkWidget *placeholder = gtk_label_new (accessible_label);

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_can_target (placeholder, FALSE);
    gtk_widget_set_halign (placeholder, GTK_ALIGN_START);
    gtk_widget_set_valign (placeholder, GTK_ALIGN_START);
    /* Where the text starts: the margins fita_field_text_view_new gives. */
    gtk_widget_set_margin_start (placeholder, 9);
    gtk_widget_set_margin_top (placeholder, 8);
    gtk_label_set_ellipsize (GTK_LABEL (placeholder), PANGO_ELLIPSIZE_END);
    gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), placeholder);
    g_signal_connect_object (buffer, "changed", G_CALLBACK (update_placeholder), placeholder, 0);
    gtk_widget_set_hexpand (overlay, TRUE);
    return overlay;
  }
}

GtkWidget *
fita_field_text_view_new (FitaFieldEditorKind   kind,
                          const char           *accessible_label,
                          GtkWidget           **view)
{
  GtkWidget *scrolled = text_view_new (kind, accessible_label, TRUE, view);
  GtkTextView *text_view = GTK_TEXT_VIEW (*view);

  gtk_widget_add_css_class (*view, "fita-field");
  gtk_text_view_set_left_margin (text_view, 9);
  gtk_text_view_set_right_margin (text_view, 9);
  gtk_text_view_set_top_margin (text_view, 8);
  gtk_text_view_set_bottom_margin (text_view, 8);
  fit_text_height (*view);
  return scrolled;
}

static void
text_row_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkWidget       *view)
{
  gtk_widget_grab_focus (view);
}

GtkWidget *
fita_field_text_row_new (const char  *title,
                         GtkWidget  **view)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "title", title,
                                 "activatable", FALSE,
                                 "focusable", FALSE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *text_view;
  /* Long texts (a plan's description runs to pages) scroll inside the row
   * rather than pushing the rest of the page out of sight. The row's title
   * says what goes in it. */
  GtkWidget *scrolled = text_view_new (FITA_FIELD_EDITOR_PARAGRAPHS, title, FALSE, &text_view);

  gtk_widget_add_css_class (row, "fita-text-row");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (text_view, "fita-field-inline");
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 2);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 2);
  fit_text_height (text_view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A click anywhere on the row starts typing, as on an AdwEntryRow. */
  g_signal_connect_object (click, "pressed", G_CALLBACK (text_row_pressed_cb), text_view, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  *view = text_view;
  return row;
}

GtkWidget *
fita_field_control_row_new (const char *title,
                            const char *subtitle,
                            GtkWidget  *control)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", title,
                                 "subtitle", subtitle,
                                 NULL);

  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  return row;
}

/* Style */

static void
high_contrast_cb (AdwStyleManager *manager,
                  GParamSpec      *pspec,
                  GtkCssProvider  *provider)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  else
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (provider));
}

void
fita_field_ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkCssProvider *provider;
  GtkCssProvider *high_contrast;
  AdwStyleManager *manager;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "fita-field-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/cat/fita/Fita/fita-plan-editor-style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "fita-field-style", provider, g_object_unref);

  /* Text fields get the border that entries get in high contrast. */
  high_contrast = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (high_contrast, "/cat/fita/Fita/fita-plan-editor-style-hc.css");
  g_object_set_data_full (G_OBJECT (display), "fita-field-style-hc", high_contrast, g_object_unref);
  manager = adw_style_manager_get_for_display (display);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (high_contrast_cb), high_contrast, 0);
  high_contrast_cb (manager, NULL, high_contrast);
}

GtkWidget *
fita_field_list_row_new (void)
{
  return g_object_new (GTK_TYPE_LIST_BOX_ROW,
                       "activatable", FALSE,
                       "focusable", FALSE,
                       NULL);
}

GtkWidget *
fita_field_row_grid_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 6);
  return grid;
}

void
fita_field_set_label (GtkWidget *row, FitaTableId table, gint64 id, const char *field, const char *label)
{
  GtkWidget *widget = fita_field_find (row, table, id, field);

  if (widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
drop_down_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

/* The button's name is the drop-down's; what is chosen is its description,
 * so a screen reader says "Status, toggle button, Acabat". */
static void
drop_down_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       gpointer     user_data)
{
  GtkWidget *button = drop_down_button (drop_down);
  gpointer item = gtk_drop_down_get_selected_item (drop_down);

  if (button == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : "",
                                  -1);
}

void
fita_field_label_drop_down (GtkDropDown *drop_down,
                            const char  *label)
{
  GtkWidget *button = drop_down_button (drop_down);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* A screen reader lands on the button inside, which GTK 4.8 leaves
   * nameless ("toggle button"): it gets the drop-down's name. */
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (drop_down_selected_cb), NULL);
  drop_down_selected_cb (drop_down, NULL, NULL);
}
