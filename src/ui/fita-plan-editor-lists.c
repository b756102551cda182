/* fita-plan-editor-lists.c: lists of records on the Plan, Governance and
 * Participation pages. */
#include "config.h"
#include "fita-plan-editor-lists.h"
#include "fita-field.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-error.h"
#include "fita-money.h"

/* Numbers */

char *
fita_format_count (gint64      value,
                   const char *lang)
{
  GString *out;
  char digits[32];
  char group;
  int n;

  if (value == FITA_NONE)
    return g_strdup ("—");

  /* The grouping officers write in their reports, from 1.000 on: "1.373
   * aportacions" in Catalan and Spanish, "1,373" in English. */
  group = g_str_equal (fita_lang_normalise (lang), "en") ? ',' : '.';
  out = g_string_new (value < 0 ? "-" : NULL);
  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT,
                  value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value);
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, group);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

gboolean
fita_parse_count (const char  *text,
                  gint64      *value,
                  GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.' || c == ',' || g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009)
        continue;
      if (c < '0' || c > '9' || digits->len >= 15)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_PARSE,
                       /* Translators: %s is what was typed where a count was expected */
                       _("“%s” is not a whole number: write it with digits only, such as 1.373."),
                       text);
          return FALSE;
        }
      g_string_append_c (digits, (char) c);
    }
  *value = digits->len == 0 ? FITA_NONE : g_ascii_strtoll (digits->str, NULL, 10);
  return TRUE;
}

/* Rows */

void
fita_row_set_id (GtkWidget *row,
                 gint64     id)
{
  g_object_set_data_full (G_OBJECT (row), "fita-row-id", g_memdup2 (&id, sizeof id), g_free);
}

gint64
fita_row_get_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "fita-row-id");

  return id ? *id : 0;
}

GtkWidget *
fita_list_box_find_row (GtkListBox *box,
                        gint64      id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL; i++)
    if (fita_row_get_id (GTK_WIDGET (row)) == id)
      return GTK_WIDGET (row);
  return NULL;
}

void
fita_list_box_sync (GtkListBox   *box,
                    GPtrArray    *records,
                    FitaRowCreate create,
                    FitaRowUpdate update,
                    gpointer      user_data)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (box));
  GtkListBoxRow *row;
  int lost_focus_at = -1;

  for (guint i = 0; i < records->len; i++)
    {
      FitaRecord *record = g_ptr_array_index (records, i);

      g_hash_table_add (wanted, &record->id);
    }

  /* Moving and removing rows takes the focus out of them: nothing of that
   * is an edit to save. */
  fita_field_hold_commits ();

  for (int i = 0; (row = gtk_list_box_get_row_at_index (box, i)) != NULL;)
    {
      gint64 id = fita_row_get_id (GTK_WIDGET (row));

      if (!g_hash_table_contains (wanted, &id))
        {
          GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

          /* Removed with its own Remove button: the keyboard goes on from
           * the row that takes its place. */
          if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
            lost_focus_at = i;
          gtk_list_box_remove (box, GTK_WIDGET (row));
        }
      else
        i++;
    }

  for (guint i = 0; i < records->len; i++)
    {
      FitaRecord *record = g_ptr_array_index (records, i);
      GtkWidget *widget = GTK_WIDGET (gtk_list_box_get_row_at_index (box, i));

      if (widget == NULL || fita_row_get_id (widget) != record->id)
        {
          widget = fita_list_box_find_row (box, record->id);
          if (widget != NULL)
            {
              GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
              g_autoptr(GtkWidget) keep = NULL;

              if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
                keep = g_object_ref (focus);
              g_object_ref (widget);
              gtk_list_box_remove (box, widget);
              gtk_list_box_insert (box, widget, i);
              g_object_unref (widget);
              if (keep != NULL)
                gtk_widget_grab_focus (keep);
            }
          else
            {
              widget = create (record, user_data);
              fita_row_set_id (widget, record->id);
              gtk_list_box_insert (box, widget, i);
            }
        }
      if (update != NULL)
        update (widget, record, i, records->len, user_data);
    }

  if (lost_focus_at >= 0 && (gtk_root_get_focus (root) == NULL ||
                             !gtk_widget_is_ancestor (gtk_root_get_focus (root), GTK_WIDGET (box))))
    {
      row = gtk_list_box_get_row_at_index (box, MIN (lost_focus_at, (int) records->len - 1));
      if (row != NULL)
        gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
    }

  fita_field_release_commits ();
}

GtkWidget *
fita_row_buttons_new (FitaTableId table,
                      gint64      id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  struct {
    const char *icon;
    const char *tooltip;
    const char *action;
    int delta;
  } buttons[] = {
    { "go-up-symbolic", N_("Move Up"), "row.move", -1 },
    { "go-down-symbolic", N_("Move Down"), "row.move", 1 },
    { "user-trash-symbolic", N_("Remove"), "row.delete", 0 },
  };

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_from_icon_name (buttons[i].icon);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _(buttons[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(buttons[i].tooltip),
                                      -1);
      if (buttons[i].delta != 0)
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ixi)",
                                          (gint32) table, id, buttons[i].delta);
      else
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ix)", (gint32) table, id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
      if (buttons[i].delta == 0)
        gtk_widget_add_css_class (button, "fita-remove");
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

void
fita_row_buttons_update (GtkWidget  *buttons,
                         guint       index,
                         guint       n_rows,
                         const char *name,
                         gboolean    read_only)
{
  GtkWidget *up = gtk_widget_get_first_child (buttons);
  GtkWidget *down = gtk_widget_get_next_sibling (up);
  GtkWidget *remove = gtk_widget_get_next_sibling (down);

  gtk_widget_set_sensitive (up, !read_only && index > 0);
  gtk_widget_set_sensitive (down, !read_only && index + 1 < n_rows);
  gtk_widget_set_sensitive (remove, !read_only);
  /* "Move Up", "Objectiu": which row the button is for. */
  for (GtkWidget *button = up; button != NULL; button = gtk_widget_get_next_sibling (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name ? name : "",
                                    -1);
}

/* Names */

char *
fita_unique_name (FitaPlan    *plan,
                  FitaTableId  table,
                  const char  *base)
{
  char *name = g_strdup (base);

  for (guint n = 2; fita_plan_find_by_name (plan, table, name) != NULL; n++)
    {
      g_free (name);
      /* Translators: a name made unique with a number, e.g. "New level 2" */
      name = g_strdup_printf (C_("unique name", "%s %u"), base, n);
    }
  return name;
}

char *
fita_name_taken (FitaPlan    *plan,
                 FitaTableId  table,
                 gint64       id,
                 const char  *name)
{
  FitaRecord *other;

  if (name == NULL || *name == '\0' || fita_table (table)->name_field < 0)
    return NULL;
  other = fita_plan_find_by_name (plan, table, name);
  if (other == NULL || other->id == id)
    return NULL;

  switch (table)
    {
    case FITA_TABLE_LEVEL:
      return g_strdup_printf (_("There is already a level called “%s”. Choose another name."), name);
    case FITA_TABLE_STATUS:
      return g_strdup_printf (_("There is already a status called “%s”. Choose another name."), name);
    case FITA_TABLE_CHAPTER:
      return g_strdup_printf (_("There is already a budget chapter called “%s”. Choose another name."), name);
    case FITA_TABLE_AGENT:
      return g_strdup_printf (_("There is already an agent called “%s”. Choose another name."), name);
    default:
      return g_strdup_printf (_("The name “%s” is already taken. Choose another name."), name);
    }
}

/* What a deletion affects */

static gboolean
list_refers_to (FitaPlan    *plan,
                FitaTableId  table,
                gint64       owner,
                gsize        offset,
                gint64       id)
{
  GPtrArray *list = fita_plan_list (plan, table, owner);

  for (guint i = 0; i < list->len; i++)
    if (G_STRUCT_MEMBER (gint64, g_ptr_array_index (list, i), offset) == id)
      return TRUE;
  return FALSE;
}

guint
fita_count_items_using (FitaPlan    *plan,
                        FitaTableId  table,
                        gint64       id)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  guint count = 0;

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      gboolean uses = FALSE;

      switch (table)
        {
        case FITA_TABLE_LEVEL:
          uses = item->level_id == id;
          break;
        case FITA_TABLE_STATUS:
          uses = item->status_id == id;
          break;
        case FITA_TABLE_CHAPTER:
          uses = list_refers_to (plan, FITA_TABLE_BUDGET_LINE, item->rec.id,
                                 G_STRUCT_OFFSET (FitaBudgetLine, chapter_id), id);
          break;
        case FITA_TABLE_AGENT:
          uses = list_refers_to (plan, FITA_TABLE_RESPONSIBILITY, item->rec.id,
                                 G_STRUCT_OFFSET (FitaResponsibility, agent_id), id);
          break;
        default:
          g_return_val_if_reached (0);
        }
      if (uses)
        count++;
    }
  return count;
}

/* Changes */

gboolean
fita_record_shift (FitaPlan    *plan,
                   FitaTableId  table,
                   gint64       id,
                   int          delta,
                   const char  *label,
                   GError     **error)
{
  gpointer record = fita_plan_lookup (plan, table, id);
  gint64 owner, position;
  GPtrArray *siblings;
  gint64 target;

  if (record == NULL)
    return TRUE;
  owner = fita_record_owner (record);
  position = fita_record_position (record);
  siblings = fita_plan_list (plan, table, owner);
  target = position + delta;
  if (target < 0 || target >= siblings->len)
    return TRUE;

  fita_plan_begin (plan, label);
  /* The record leaves its place before it is put at index: one further
   * down when it goes down. */
  fita_plan_move (plan, record, owner, (int) (delta > 0 ? target + 1 : target), NULL);
  return fita_plan_end (plan, error);
}

gboolean
fita_record_remove (FitaPlan    *plan,
                    FitaTableId  table,
                    gint64       id,
                    const char  *label,
                    GError     **error)
{
  gpointer record = fita_plan_lookup (plan, table, id);

  if (record == NULL)
    return TRUE;
  fita_plan_begin (plan, label);
  fita_plan_delete (plan, record, NULL);
  return fita_plan_end (plan, error);
}

/* Dialogs and buttons */

typedef struct {
  FitaConfirmed confirmed;
  gpointer user_data;
  GDestroyNotify destroy;
} Confirmation;

static void
confirmation_free (gpointer data)
{
  Confirmation *confirmation = data;

  if (confirmation->destroy != NULL)
    confirmation->destroy (confirmation->user_data);
  g_free (confirmation);
}

static void
confirmation_closure_notify (gpointer  data,
                             GClosure *closure)
{
  confirmation_free (data);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirmation     *confirmation)
{
  if (g_str_equal (response, "confirm"))
    confirmation->confirmed (confirmation->user_data);
}

void
fita_confirm (GtkWidget      *widget,
              const char     *heading,
              const char     *body,
              const char     *confirm_label,
              FitaConfirmed   confirmed,
              gpointer        user_data,
              GDestroyNotify  destroy)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  Confirmation *confirmation = g_new0 (Confirmation, 1);

  confirmation->confirmed = confirmed;
  confirmation->user_data = user_data;
  confirmation->destroy = destroy;

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                         confirmation, confirmation_closure_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
fita_add_button_new (const char *label,
                     const char *action_name,
                     GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

const char *
fita_record_move_label (FitaTableId table)
{
  switch (table)
    {
    /* Translators: the names of actions that can be undone */
    case FITA_TABLE_LEVEL: return _("Move Level");
    case FITA_TABLE_STATUS: return _("Move Status");
    case FITA_TABLE_CHAPTER: return _("Move Budget Chapter");
    case FITA_TABLE_AGENT: return _("Move Working Group");
    case FITA_TABLE_AGENT_MEMBER: return _("Move Member");
    case FITA_TABLE_AGENT_FUNCTION: return _("Move Function");
    case FITA_TABLE_PROCESS_PHASE: return _("Move Phase");
    case FITA_TABLE_PROCESS_DIMENSION: return _("Move Dimension");
    case FITA_TABLE_PROCESS_COUNT: return _("Move Count");
    case FITA_TABLE_PROCESS_ACTOR: return _("Move Key Actor");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
fita_record_remove_label (FitaTableId table)
{
  switch (table)
    {
    /* Translators: the names of actions that can be undone */
    case FITA_TABLE_LEVEL: return _("Delete Level");
    case FITA_TABLE_STATUS: return _("Delete Status");
    case FITA_TABLE_CHAPTER: return _("Delete Budget Chapter");
    case FITA_TABLE_AGENT: return _("Delete Agent");
    case FITA_TABLE_AGENT_MEMBER: return _("Remove Member");
    case FITA_TABLE_AGENT_FUNCTION: return _("Remove Function");
    case FITA_TABLE_PROCESS_PHASE: return _("Remove Phase");
    case FITA_TABLE_PROCESS_DIMENSION: return _("Remove Dimension");
    case FITA_TABLE_PROCESS_COUNT: return _("Remove Count");
    case FITA_TABLE_PROCESS_ACTOR: return _("Remove Key Actor");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
fita_row_move (FitaPlan  *plan,
               GVariant  *parameter,
               GError   **error)
{
  gint32 table;
  gint64 id;
  gint32 delta;
  const char *label;

  g_variant_get (parameter, "(ixi)", &table, &id, &delta);
  label = fita_record_move_label (table);
  g_return_val_if_fail (label != NULL, TRUE);
  return fita_record_shift (plan, table, id, delta, label, error);
}

gboolean
fita_row_remove (FitaPlan  *plan,
                 GVariant  *parameter,
                 GError   **error)
{
  gint32 table;
  gint64 id;
  const char *label;

  g_variant_get (parameter, "(ix)", &table, &id);
  label = fita_record_remove_label (table);
  g_return_val_if_fail (label != NULL, TRUE);
  return fita_record_remove (plan, table, id, label, error);
}

GtkWidget *
fita_list_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

void
fita_list_box_clear (GtkListBox *box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (box, 0)) != NULL)
    gtk_list_box_remove (box, GTK_WIDGET (row));
}
