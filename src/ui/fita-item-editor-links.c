/* fita-item-editor-links.c: links to documents and pages about an item. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-field.h"
#include "fita-plan-editor-lists.h"
#include "fita-item-editor-fields.h"
#include "fita-item-editor-links.h"

struct _FitaItemEditorLinks
{
  GtkWidget   parent_instance;

  FitaPlan   *plan;
  gint64      item_id;
  gint64      focus_id;      /* a link just added */

  /* Template widgets */
  GtkWidget  *group;
  GtkWidget  *list;
};

G_DEFINE_FINAL_TYPE (FitaItemEditorLinks, fita_item_editor_links, GTK_TYPE_WIDGET)

static FitaLink *
row_link (FitaItemEditorLinks *self,
          GtkWidget           *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  if (row == NULL || self->plan == NULL)
    return NULL;
  return fita_plan_lookup (self->plan, FITA_TABLE_LINK, fita_row_get_id (row));
}

static void
open_clicked_cb (GtkButton           *button,
                 FitaItemEditorLinks *self)
{
  FitaLink *link = row_link (self, GTK_WIDGET (button));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (link == NULL || link->url == NULL)
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link->url, GDK_CURRENT_TIME);
}

static void
remove_clicked_cb (GtkButton           *button,
                   FitaItemEditorLinks *self)
{
  FitaLink *link = row_link (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (link == NULL)
    return;
  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Remove Link"));
  fita_plan_delete (self->plan, link, NULL);
  if (!fita_plan_end (self->plan, &error))
    fita_item_editor_report_error (GTK_WIDGET (self), error);
}

static GtkWidget *
entry_row_new (GtkWidget  *expander,
               const char *title,
               const char *field)
{
  GtkWidget *row = adw_entry_row_new ();

  g_autofree char *name = g_strconcat ("link-", field, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, name);
  /* Translators: the name of an action that can be undone */
  fita_field_bind (row, FITA_FIELD_EDITOR_LINE, NULL, FITA_TABLE_LINK, 0, field, _("Edit Link"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  return row;
}

static GtkWidget *
make_row (gpointer record,
          gpointer user_data)
{
  FitaItemEditorLinks *self = user_data;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  GtkWidget *url_row, *row, *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), open);
  g_object_set_data (G_OBJECT (expander), "open", open);

  /* Translators: the title of a link */
  g_object_set_data (G_OBJECT (expander), "title", entry_row_new (expander, _("Title"), "title"));
  /* Translators: the web address of a link */
  url_row = entry_row_new (expander, _("Address"), "url");
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (url_row), GTK_INPUT_PURPOSE_URL);
  g_object_set_data (G_OBJECT (expander), "url", url_row);

  row = adw_action_row_new ();
  gtk_widget_set_focusable (row, FALSE);
  button = gtk_button_new_with_label (_("Remove Link"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), "remove-row", row);
  return expander;
}

static void
update_row (GtkWidget *expander,
            gpointer   record,
            guint      index,
            guint      n_rows,
            gpointer   user_data)
{
  FitaItemEditorLinks *self = user_data;
  FitaLink *link = record;
  gboolean can_edit = !fita_plan_is_read_only (self->plan);
  GtkWidget *open = g_object_get_data (G_OBJECT (expander), "open");
  GtkWidget *title = g_object_get_data (G_OBJECT (expander), "title");
  GtkWidget *url = g_object_get_data (G_OBJECT (expander), "url");
  const char *name = link->title ? link->title : link->url;
  g_autofree char *open_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name ? name : "");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), link->title ? link->url : "");

  /* Translators: the tooltip of the button that opens a link: "Open Memòria 2024" */
  open_label = g_strdup_printf (_("Open %s"), name ? name : "");
  gtk_widget_set_tooltip_text (open, open_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                  -1);
  gtk_widget_set_sensitive (open, link->url != NULL && g_uri_peek_scheme (link->url) != NULL);

  fita_field_show (title, self->plan, link->rec.id, FALSE, can_edit);
  fita_field_show (url, self->plan, link->rec.id, FALSE, can_edit);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (expander), "remove-row"), can_edit);
}

static void
sync_section (FitaItemEditorLinks *self)
{
  if (self->plan == NULL || fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id) == NULL)
    return;

  fita_list_box_sync (GTK_LIST_BOX (self->list),
                         fita_plan_list (self->plan, FITA_TABLE_LINK, self->item_id),
                         make_row, update_row, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "links.add", !fita_plan_is_read_only (self->plan));

  if (self->focus_id != 0)
    {
      GtkWidget *row = fita_list_box_find_row (GTK_LIST_BOX (self->list), self->focus_id);

      self->focus_id = 0;
      if (row != NULL)
        {
          GtkWidget *url = g_object_get_data (G_OBJECT (row), "url");

          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (url);
          gtk_editable_set_position (GTK_EDITABLE (url), -1);
        }
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FitaItemEditorLinks *self = FITA_ITEM_EDITOR_LINKS (widget);
  g_autoptr(GError) error = NULL;
  FitaLink *link;

  if (self->plan == NULL || fita_plan_is_read_only (self->plan) ||
      fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->item_id) == NULL)
    return;
  link = fita_plan_new_record (self->plan, FITA_TABLE_LINK);
  link->url = g_strdup ("https://");
  self->focus_id = link->rec.id;

  /* Translators: the name of an action that can be undone */
  fita_plan_begin (self->plan, _("Add Link"));
  fita_plan_insert (self->plan, link, self->item_id, -1, NULL);
  if (!fita_plan_end (self->plan, &error))
    {
      self->focus_id = 0;
      fita_item_editor_report_error (widget, error);
    }
}

void
fita_item_editor_links_load (FitaItemEditorLinks *self,
                             FitaPlan            *plan,
                             gint64               item_id)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_LINKS (self));

  if (self->plan != plan || self->item_id != item_id)
    fita_list_box_clear (GTK_LIST_BOX (self->list));
  g_set_object (&self->plan, plan);
  self->item_id = item_id;
  sync_section (self);
}

void
fita_item_editor_links_refresh (FitaItemEditorLinks *self,
                                const FitaChanges   *changes)
{
  g_return_if_fail (FITA_IS_ITEM_EDITOR_LINKS (self));

  if (fita_changes_touches (changes, FITA_TABLE_LINK))
    sync_section (self);
}

static void
fita_item_editor_links_dispose (GObject *object)
{
  FitaItemEditorLinks *self = FITA_ITEM_EDITOR_LINKS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FITA_TYPE_ITEM_EDITOR_LINKS);
  /* Children the template does not name are ours to remove too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (fita_item_editor_links_parent_class)->dispose (object);
}

static void
fita_item_editor_links_class_init (FitaItemEditorLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_item_editor_links_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-item-editor-links.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorLinks, group);
  gtk_widget_class_bind_template_child (widget_class, FitaItemEditorLinks, list);

  gtk_widget_class_install_action (widget_class, "links.add", NULL, add_action);
}

static void
fita_item_editor_links_init (FitaItemEditorLinks *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No links"));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), placeholder);
}
