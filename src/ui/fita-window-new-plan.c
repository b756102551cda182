/* fita-window-new-plan.c: File › New Plan…: the title, the period and the
 * language of the plan's texts, then where to save it. */
#include "config.h"

#include "fita-accessible.h"

#include <glib/gi18n.h>

#include "fita-application.h"
#include "fita-i18n.h"
#include "fita-window-private.h"

/* The languages a plan's texts and reports can be in; the first is the
 * fallback. */
static const struct {
  const char *code;
  const char *name;  /* in its own language: whoever reads it knows it */
} languages[] = {
  { "en", "English" },
  { "ca", "Català" },
  { "es", "Español" },
};

#define MIN_YEAR 1990
#define MAX_YEAR 2100

typedef struct {
  GtkEditable   *title;
  GtkSpinButton *start;
  GtkSpinButton *end;
  AdwComboRow   *language;
  gboolean       years_chosen;  /* by hand: the title no longer guesses them */
  gboolean       guessing;
} NewPlanForm;

/* What the dialog asked, while the file chooser asks where. */
typedef struct {
  char   *title;
  gint64  start_year;
  gint64  end_year;
  char   *language;
} NewPlan;

static void
new_plan_free (NewPlan *plan)
{
  g_free (plan->title);
  g_free (plan->language);
  g_free (plan);
}

/* "Pla de barris 2025-2028" or "… 2025–2028": the period in a title. */
static gboolean
guess_period (const char *title,
              int        *start,
              int        *end)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  gboolean found = FALSE;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\b((?:19|20)\\d\\d)\\s*[-‐–—/]\\s*((?:19|20)\\d\\d)\\b",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (regex, title, 0, &match))
    {
      g_autofree char *first = g_match_info_fetch (match, 1);
      g_autofree char *last = g_match_info_fetch (match, 2);

      *start = atoi (first);
      *end = atoi (last);
      found = *start <= *end;
    }
  return found;
}

static void
title_changed_cb (GtkEditable *title,
                  NewPlanForm *form)
{
  int start, end;

  if (form->years_chosen || !guess_period (gtk_editable_get_text (title), &start, &end))
    return;

  form->guessing = TRUE;
  gtk_spin_button_set_value (form->end, end);
  gtk_spin_button_set_value (form->start, start);
  gtk_spin_button_set_value (form->end, end);
  form->guessing = FALSE;
}

static void
year_changed_cb (GtkSpinButton *spin,
                 NewPlanForm   *form)
{
  int start = gtk_spin_button_get_value_as_int (form->start);
  int end = gtk_spin_button_get_value_as_int (form->end);

  if (!form->guessing)
    form->years_chosen = TRUE;

  /* The period never ends before it starts. */
  if (spin == form->start && end < start)
    gtk_spin_button_set_value (form->end, start);
  else if (spin == form->end && end < start)
    gtk_spin_button_set_value (form->start, end);
}

static GtkWidget *
year_button (const char *name,
             const char *accessible_name,
             int         year)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (MIN_YEAR, MAX_YEAR, 1);

  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), year);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return spin;
}

static guint
interface_language (void)
{
  g_autoptr(FitaTranslator) translator = fita_translator_new (NULL);
  const char *lang = fita_translator_get_lang (translator);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].code, lang) == 0)
      return i;
  return 0;
}

static GtkWidget *
new_form (NewPlanForm *form)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *title = adw_entry_row_new ();
  GtkWidget *period = adw_action_row_new ();
  GtkWidget *dash = gtk_label_new ("–");
  GtkWidget *language = adw_combo_row_new ();
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  gtk_widget_set_name (title, "new-plan-title");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (title), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), title);

  /* Translators: the years a plan runs, as in "2025 – 2028" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (period), _("Period"));
  /* A plan for this year and the three that follow, a term of office,
   * until the title says otherwise. */
  form->start = GTK_SPIN_BUTTON (year_button ("new-plan-start", _("First year of the plan"), year));
  form->end = GTK_SPIN_BUTTON (year_button ("new-plan-end", _("Last year of the plan"), year + 3));
  gtk_accessible_update_state (GTK_ACCESSIBLE (dash), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (period), GTK_WIDGET (form->start));
  adw_action_row_add_suffix (ADW_ACTION_ROW (period), dash);
  adw_action_row_add_suffix (ADW_ACTION_ROW (period), GTK_WIDGET (form->end));
  gtk_list_box_append (GTK_LIST_BOX (list), period);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (names, languages[i].name);
  gtk_widget_set_name (language, "new-plan-language");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (language), _("Content language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (language), _("The language of the plan’s texts and of its reports"));
  adw_combo_row_set_model (ADW_COMBO_ROW (language), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (language), interface_language ());
  gtk_list_box_append (GTK_LIST_BOX (list), language);
  g_object_unref (names);

  form->title = GTK_EDITABLE (title);
  form->language = ADW_COMBO_ROW (language);
  g_signal_connect (title, "changed", G_CALLBACK (title_changed_cb), form);
  g_signal_connect (form->start, "value-changed", G_CALLBACK (year_changed_cb), form);
  g_signal_connect (form->end, "value-changed", G_CALLBACK (year_changed_cb), form);

  return list;
}

static void
new_plan_file_cb (GtkNativeDialog *dialog,
                  int              response,
                  FitaWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) file = chosen != NULL ? fita_window_with_extension (chosen) : NULL;
      NewPlan *plan = g_object_get_data (G_OBJECT (dialog), "fita-new-plan");
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      g_autoptr(GError) error = NULL;

      if (file != NULL && FITA_IS_APPLICATION (app) &&
          !fita_application_create_plan_full (FITA_APPLICATION (app), plan->title,
                                              plan->start_year, plan->end_year, plan->language,
                                              file, self, &error))
        {
          g_autofree char *basename = g_file_get_basename (file);
          g_autofree char *name = g_filename_display_name (basename);
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could not create “%s”"), name);

          fita_window_show_error (self, heading, error->message);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
new_plan_response_cb (AdwMessageDialog *message,
                      const char       *response,
                      FitaWindow       *self)
{
  NewPlanForm *form = g_object_get_data (G_OBJECT (message), "fita-form");
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  NewPlan *plan;
  guint language;

  if (!g_str_equal (response, "create"))
    return;

  plan = g_new0 (NewPlan, 1);
  plan->title = g_strstrip (g_strdup (gtk_editable_get_text (form->title)));
  if (plan->title[0] == '\0')
    {
      g_free (plan->title);
      plan->title = g_strdup (_("Untitled Plan"));
    }
  plan->start_year = gtk_spin_button_get_value_as_int (form->start);
  plan->end_year = gtk_spin_button_get_value_as_int (form->end);
  language = adw_combo_row_get_selected (form->language);
  plan->language = g_strdup (languages[language < G_N_ELEMENTS (languages) ? language : 0].code);
  name = fita_window_file_name_for (plan->title);

  dialog = gtk_file_chooser_native_new (_("Save the New Plan"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  fita_window_add_plan_filters (GTK_FILE_CHOOSER (dialog));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "fita-new-plan", plan, (GDestroyNotify)new_plan_free);

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_plan_file_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FitaWindow *self = FITA_WINDOW (widget);
  NewPlanForm *form = g_new0 (NewPlanForm, 1);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Plan"),
                                   _("The title of the plan, as its reports will show it, the years it runs and the language of its texts. You can change them later in the Plan page."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_form (form));
  g_object_set_data_full (G_OBJECT (dialog), "fita-form", form, g_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: goes on to choose where the new plan is saved */
                                    "create", _("_Choose Where to Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_plan_response_cb), self, 0);
  fita_accessible_fix_tree (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->title));
}

void
fita_window_class_add_new_plan_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
}
