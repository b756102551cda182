/* test-plan-pages: the Plan, Governance and Participation pages edit the
 * plan file, undo shows at once, read-only plans stay read-only. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-governance-page.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-participation-page.h"
#include "fita-plan-editor.h"
#include "fita-field.h"
#include "fita-item-editor.h"
#include "fita-item-editor-number.h"
#include "fita-plan-editor-lists.h"
#include "fita-rollup.h"
#include "fita-status-table.h"
#include "fita-application.h"
#include "fita-ui-test.h"
#include "pages-fixture.h"

static void
test_format_count (void)
{
  g_autofree char *ca = fita_format_count (1373, "ca");
  g_autofree char *es = fita_format_count (1373, "es_ES.UTF-8");
  g_autofree char *en = fita_format_count (1373, "en");
  g_autofree char *small = fita_format_count (780, "ca");
  g_autofree char *large = fita_format_count (1234567, "en");
  g_autofree char *none = fita_format_count (FITA_NONE, "ca");
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert_cmpstr (ca, ==, "1.373");
  g_assert_cmpstr (es, ==, "1.373");
  g_assert_cmpstr (en, ==, "1,373");
  g_assert_cmpstr (small, ==, "780");
  g_assert_cmpstr (large, ==, "1,234,567");
  g_assert_cmpstr (none, ==, "—");

  g_assert_true (fita_parse_count ("1.373", &value, &error));
  g_assert_cmpint (value, ==, 1373);
  g_assert_true (fita_parse_count ("1,373", &value, &error));
  g_assert_cmpint (value, ==, 1373);
  g_assert_true (fita_parse_count (" 35 ", &value, &error));
  g_assert_cmpint (value, ==, 35);
  g_assert_true (fita_parse_count ("", &value, &error));
  g_assert_cmpint (value, ==, FITA_NONE);
  g_assert_false (fita_parse_count ("trenta", &value, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_PARSE);
}

/* The Plan page */

static void
test_plan_title (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  GtkWidget *title;
  gint64 info_id;

  fixture_open (&fixture, "terrassa-serveis-socials-2023-2027", fita_plan_editor_new ());
  info_id = fita_plan_get_info (fixture.plan)->rec.id;
  title = field (&fixture, FITA_TABLE_PLAN, info_id, "title");
  g_assert_true (ADW_IS_ENTRY_ROW (title));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Pla Estratègic de Serveis Socials 2023-2027");

  type_and_activate (title, "  Pla Estratègic de Serveis Socials de Terrassa 2023-2027 ");
  saved = reopen (&fixture);
  g_assert_cmpstr (fita_plan_get_info (saved)->title, ==, "Pla Estratègic de Serveis Socials de Terrassa 2023-2027");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Pla Estratègic de Serveis Socials de Terrassa 2023-2027");

  undo (&fixture, "Rename Plan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Pla Estratègic de Serveis Socials 2023-2027");

  /* A title is needed: the plan keeps its own, and says why. */
  type_and_activate (title, "");
  g_assert_cmpstr (fita_plan_get_info (fixture.plan)->title, ==, "Pla Estratègic de Serveis Socials 2023-2027");
  g_assert_nonnull (find_descendant (fixture.page, is_visible_error, NULL));
  g_assert_true (gtk_widget_has_css_class (title, "error"));

  fixture_close (&fixture);
}

/* Typing not yet saved survives changes made elsewhere (undo in the header
 * bar, another page); fields not being typed in show the change at once. */
static void
test_plan_keeps_typing (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  FitaPlanInfo *info;
  GtkWidget *organisation, *title;

  fixture_open (&fixture, "terrassa-serveis-socials-2023-2027", fita_plan_editor_new ());
  info = fita_plan_get_info (fixture.plan);
  organisation = field (&fixture, FITA_TABLE_PLAN, info->rec.id, "organisation");
  title = field (&fixture, FITA_TABLE_PLAN, info->rec.id, "title");

  gtk_widget_grab_focus (organisation);
  gtk_editable_set_text (GTK_EDITABLE (organisation), "Ajuntament de Terr");
  fita_plan_begin (fixture.plan, "Rename Plan");
  fita_plan_set_text (fixture.plan, info, "title", "Pla nou", NULL);
  g_assert_true (fita_plan_end (fixture.plan, &error));
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Pla nou");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organisation)), ==, "Ajuntament de Terr");

  /* Leaving the field saves it. */
  gtk_widget_grab_focus (title);
  settle ();
  g_assert_cmpstr (fita_plan_get_info (fixture.plan)->organisation, ==, "Ajuntament de Terr");
  g_assert_cmpstr (fita_plan_get_undo_label (fixture.plan), ==, "Change Organisation");

  fixture_close (&fixture);
}

static void
test_plan_levels (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(FitaPlan) moved = NULL;
  FitaLevel *level;
  GtkWidget *name;
  gint64 id;

  fixture_open (&fixture, "terrassa-serveis-socials-2023-2027", fita_plan_editor_new ());
  level = fita_plan_find_by_name (fixture.plan, FITA_TABLE_LEVEL, "Eix");
  id = level->rec.id;
  name = field (&fixture, FITA_TABLE_LEVEL, id, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Eix");

  type_and_activate (name, "Eix estratègic");
  saved = reopen (&fixture);
  g_assert_nonnull (fita_plan_find_by_name (saved, FITA_TABLE_LEVEL, "Eix estratègic"));
  g_assert_null (fita_plan_find_by_name (saved, FITA_TABLE_LEVEL, "Eix"));

  /* Names are unique: the duplicate is refused, inline. */
  type_and_activate (name, "Objectiu");
  g_assert_cmpstr (((FitaLevel *) fita_plan_lookup (fixture.plan, FITA_TABLE_LEVEL, id))->name, ==, "Eix estratègic");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_nonnull (find_descendant (fixture.page, is_visible_error, NULL));
  /* Escape puts back what the plan has. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Eix estratègic");
  g_assert_true (fita_field_commit (name));
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  undo (&fixture, "Rename Level");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Eix");

  /* Move the first level down: the rows follow, the file too. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "row.move", "(ixi)", (gint32) FITA_TABLE_LEVEL, id, 1));
  settle ();
  moved = reopen (&fixture);
  g_assert_cmpstr (((FitaLevel *) g_ptr_array_index (fita_plan_list (moved, FITA_TABLE_LEVEL, 0), 1))->name, ==, "Eix");
  g_assert_true (gtk_widget_get_parent (gtk_widget_get_ancestor (name, GTK_TYPE_LIST_BOX_ROW)) != NULL);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (name, GTK_TYPE_LIST_BOX_ROW))), ==, 1);
  undo (&fixture, "Move Level");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (name, GTK_TYPE_LIST_BOX_ROW))), ==, 0);

  /* A new level gets a name of its own and the keyboard focus. */
  gtk_widget_activate (button_for (&fixture, "editor.add-level"));
  settle ();
  g_assert_nonnull (fita_plan_find_by_name (fixture.plan, FITA_TABLE_LEVEL, "New level"));
  undo (&fixture, "Add Level");

  fixture_close (&fixture);
}

static void
test_plan_level_delete_confirms (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  AdwMessageDialog *dialog;
  FitaLevel *level;
  gint64 id;

  fixture_open (&fixture, "terrassa-serveis-socials-2023-2027", fita_plan_editor_new ());
  level = fita_plan_find_by_name (fixture.plan, FITA_TABLE_LEVEL, "Eix");
  id = level->rec.id;
  g_assert_cmpuint (fita_count_items_using (fixture.plan, FITA_TABLE_LEVEL, id), ==, 3);

  g_assert_true (gtk_widget_activate_action (fixture.page, "row.delete", "(ix)", (gint32) FITA_TABLE_LEVEL, id));
  settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 items"));
  adw_message_dialog_response (dialog, "confirm");
  settle ();

  saved = reopen (&fixture);
  g_assert_null (fita_plan_find_by_name (saved, FITA_TABLE_LEVEL, "Eix"));
  g_assert_null (fita_field_find (fixture.page, FITA_TABLE_LEVEL, id, "name"));
  undo (&fixture, "Delete Level");
  g_assert_nonnull (fita_field_find (fixture.page, FITA_TABLE_LEVEL, id, "name"));

  fixture_close (&fixture);
}

static void
test_plan_status (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaStatus *status;
  GtkWidget *colour, *percent;
  GdkRGBA rgba;
  gint64 id;

  fixture_open (&fixture, "terrassa-serveis-socials-2023-2027", fita_plan_editor_new ());
  status = fita_plan_find_by_name (fixture.plan, FITA_TABLE_STATUS, "En curs");
  id = status->rec.id;
  colour = field (&fixture, FITA_TABLE_STATUS, id, "colour");
  percent = field (&fixture, FITA_TABLE_STATUS, id, "percent");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (percent)), ==, "None");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (percent), 30);
  settle ();
  gdk_rgba_parse (&rgba, "#e01b24");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (colour), &rgba);
  g_signal_emit_by_name (colour, "color-set");
  settle ();

  saved = reopen (&fixture);
  status = fita_plan_find_by_name (saved, FITA_TABLE_STATUS, "En curs");
  g_assert_cmpint (status->percent, ==, 30);
  g_assert_cmpstr (status->colour, ==, "#e01b24");

  undo (&fixture, "Change Status Colour");
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (colour), &rgba);
  gdk_rgba_parse (&rgba, "#3584e4");
  {
    GdkRGBA shown;

    gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (colour), &shown);
    g_assert_true (gdk_rgba_equal (&shown, &rgba));
  }
  undo (&fixture, "Change Default Percent");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (percent)), ==, "None");
  g_assert_cmpint (((FitaStatus *) fita_plan_lookup (fixture.plan, FITA_TABLE_STATUS, id))->percent, ==, FITA_NONE);

  fixture_close (&fixture);
}

static int
progress_of (FitaPlan   *plan,
             const char *code)
{
  FitaItem *item = fita_plan_find_item (plan, code);

  g_assert_nonnull (item);
  return fita_plan_progress (plan, item);
}

/* Programme 11 of the Terrassa ESS plan: 30, 10, 0, 0 and 20 %. With 11.1
 * weighing 3 and 11.5 not yet given a percent, each rule gives its own. */
static void
test_plan_progress_rule (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) saved = NULL;
  g_autofree char *sentence = NULL;
  FitaPlanInfo *info;
  GtkWidget *rule, *missing, *label;

  fixture_open (&fixture, "terrassa-ess-2019-2026", fita_plan_editor_new ());
  g_assert_cmpint (progress_of (fixture.plan, "11"), ==, 12);
  fita_plan_begin (fixture.plan, "Prepare");
  fita_plan_set_int (fixture.plan, fita_plan_find_item (fixture.plan, "11.1"), "weight", 3, NULL);
  fita_plan_set_int (fixture.plan, fita_plan_find_item (fixture.plan, "11.5"), "progress", FITA_NONE, NULL);
  g_assert_true (fita_plan_end (fixture.plan, &error));
  settle ();
  g_assert_cmpint (progress_of (fixture.plan, "11"), ==, 10);

  info = fita_plan_get_info (fixture.plan);
  rule = field (&fixture, FITA_TABLE_PLAN, info->rec.id, "progress_rule");
  missing = field (&fixture, FITA_TABLE_PLAN, info->rec.id, "progress_missing");
  label = gtk_widget_get_next_sibling (gtk_widget_get_parent (rule));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Mean of the items directly below; items with no percent yet are left out.");

  adw_combo_row_set_selected (ADW_COMBO_ROW (rule), FITA_PROGRESS_WEIGHTED);
  settle ();
  g_assert_cmpint (progress_of (fixture.plan, "11"), ==, 17);
  sentence = fita_plan_describe_progress_rule (fixture.plan);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, sentence);
  saved = reopen (&fixture);
  g_assert_cmpint (fita_plan_get_info (saved)->progress_rule, ==, FITA_PROGRESS_WEIGHTED);
  g_assert_cmpint (progress_of (saved, "11"), ==, 17);
  g_clear_object (&saved);

  adw_combo_row_set_selected (ADW_COMBO_ROW (missing), FITA_MISSING_ZERO);
  settle ();
  g_assert_cmpint (progress_of (fixture.plan, "11"), ==, 14);
  saved = reopen (&fixture);
  g_assert_cmpint (progress_of (saved, "11"), ==, 14);
  g_clear_object (&saved);

  adw_combo_row_set_selected (ADW_COMBO_ROW (rule), FITA_PROGRESS_CHILDREN);
  settle ();
  g_assert_cmpint (progress_of (fixture.plan, "11"), ==, 8);

  undo (&fixture, "Change Progress Rule");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rule)), ==, FITA_PROGRESS_WEIGHTED);
  undo (&fixture, "Change Progress Rule");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (missing)), ==, FITA_MISSING_SKIP);
  g_assert_cmpint (progress_of (fixture.plan, "11"), ==, 17);

  fixture_close (&fixture);
}

/* A plan made here: 161 actions under seven objectives, 115 in progress,
 * 30 finished, 10 not started and 6 with no status; 88,3 % entered on
 * one, 95,83 % on another; an amount planned for the period, nothing
 * executed yet. */
static FitaPlan *
counted_plan (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  FitaPlan *plan;
  guint n = 0;

  g_string_append (json,
                   "{\"format\": \"fita\", \"format_version\": 2,"
                   " \"plan\": {\"title\": \"Pla comptat\", \"period_start\": 2024, \"period_end\": 2027,"
                   "            \"progress_rule\": \"leaves\"},"
                   " \"statuses\": [{\"name\": \"No iniciat\", \"percent\": 0},"
                   "              {\"name\": \"En curs\"},"
                   "              {\"name\": \"Acabat\", \"percent\": 100}],"
                   " \"items\": [");
  for (guint o = 0; o < 7; o++)
    {
      g_string_append_printf (json, "%s{\"code\": \"O%u\", \"title\": \"Objectiu %u\",%s \"children\": [",
                              o ? ", " : "", o + 1, o + 1,
                              o == 0 ? " \"planned_total_cents\": 12000000," : "");
      for (guint a = 0; a < 23; a++, n++)
        {
          const char *status = n < 115 ? "\"En curs\"" : n < 145 ? "\"Acabat\"" : n < 155 ? "\"No iniciat\"" : NULL;
          const char *progress = n == 0 ? ", \"progress\": 88.3" : n == 1 ? ", \"progress\": 95.83" : "";

          g_string_append_printf (json, "%s{\"code\": \"O%u.%u\", \"title\": \"Acció %u\"%s%s%s}",
                                  a ? ", " : "", o + 1, a + 1, n + 1,
                                  status ? ", \"status\": " : "", status ? status : "", progress);
        }
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");
  g_assert_cmpuint (n, ==, 161);

  plan = fita_json_import (json->str, json->len, &error);
  g_assert_no_error (error);
  return plan;
}

static const char *
label_named (Fixture    *fixture,
             const char *name)
{
  GtkWidget *label = find_descendant (fixture->page, is_label_named, name);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static char *
share (gint64 bp, int decimals)
{
  return fita_percent_format_hundredths (bp, decimals, fita_lang_from_locale ());
}

/* The Plan page opens on the plan's own figures: its progress by its
 * rule, its budget, and how many items have each status. */
static void
test_plan_summary (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *planned = fita_money_format (12000000, fita_lang_from_locale ());
  g_autofree char *in_years = fita_money_format (0, fita_lang_from_locale ());
  g_autofree char *executed = fita_money_format (FITA_NONE, fita_lang_from_locale ());
  g_autofree char *s71 = share (7143, 0), *s19 = share (1863, 0), *s6 = share (621, 0), *s4 = share (373, 0);
  g_autofree char *s76 = share (7581, 0);
  g_autofree char *row_started = NULL, *row_going = NULL, *row_done = NULL, *row_none = NULL;
  g_auto(GStrv) rows = NULL;
  FitaStatusTable *table;

  fixture_open_plan (&fixture, counted_plan (), "counted", fita_plan_editor_new (), 1100, 800);
  table = FITA_STATUS_TABLE (find_descendant (fixture.page, is_of_type, GSIZE_TO_POINTER (FITA_TYPE_STATUS_TABLE)));
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));

  /* In the plan's status order, then the items with none. */
  row_going = g_strdup_printf ("En curs: 115 of 161 (%s)", s71);
  row_done = g_strdup_printf ("Acabat: 30 of 161 (%s)", s19);
  row_started = g_strdup_printf ("No iniciat: 10 of 161 (%s)", s6);
  row_none = g_strdup_printf ("No status: 6 of 161 (%s)", s4);
  rows = fita_status_table_dup_rows (table);
  g_assert_cmpuint (g_strv_length (rows), ==, 4);
  g_assert_cmpstr (rows[0], ==, row_started);
  g_assert_cmpstr (rows[1], ==, row_going);
  g_assert_cmpstr (rows[2], ==, row_done);
  g_assert_cmpstr (rows[3], ==, row_none);

  /* The whole plan's progress by its rule (the actions at the bottom, with
   * the statuses' percents): (88,3 + 95,83 + 30 × 100 + 10 × 0) / 42. */
  progress = fita_plan_format_progress (fixture.plan, NULL, fita_lang_from_locale ());
  g_assert_cmpstr (progress, ==, s76);
  g_assert_cmpstr (label_named (&fixture, "summary-progress"), ==, progress);

  /* 120.000 € for the period, none of it in a year; nothing executed
   * known: no execution rate, which is not 0 %. */
  g_assert_cmpstr (label_named (&fixture, "summary-planned"), ==, planned);
  g_assert_cmpstr (label_named (&fixture, "summary-in-years"), ==, in_years);
  g_assert_cmpstr (label_named (&fixture, "summary-not-in-years"), ==, planned);
  g_assert_cmpstr (label_named (&fixture, "summary-executed"), ==, executed);
  g_assert_cmpstr (label_named (&fixture, "summary-rate"), ==, "—");

  /* It follows the plan: one more action finished. */
  fita_plan_begin (fixture.plan, "Finish");
  fita_plan_set_int (fixture.plan, fita_plan_find_item (fixture.plan, "O7.23"), "status_id",
                     ((FitaStatus *) fita_plan_find_by_name (fixture.plan, FITA_TABLE_STATUS, "Acabat"))->rec.id, NULL);
  g_assert_true (fita_plan_end (fixture.plan, &error));
  settle ();
  g_strfreev (rows);
  rows = fita_status_table_dup_rows (table);
  g_free (row_done);
  g_free (s19);
  s19 = share (1925, 0);
  row_done = g_strdup_printf ("Acabat: 31 of 161 (%s)", s19);
  g_assert_cmpstr (rows[2], ==, row_done);
  fixture_close (&fixture);
}

/* How many decimals percents are shown with: a setting of the plan, undone
 * like the others, that every figure follows. */
static void
test_plan_decimals (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autofree char *s71 = share (7143, 1);
  g_autofree char *row_going = g_strdup_printf ("En curs: 115 of 161 (%s)", s71);
  g_autofree char *one = share (7581, 1);
  g_autofree char *two = share (7581, 2);
  g_auto(GStrv) rows = NULL;
  FitaPlanInfo *info;
  GtkWidget *decimals;

  fixture_open_plan (&fixture, counted_plan (), "counted", fita_plan_editor_new (), 1100, 800);
  info = fita_plan_get_info (fixture.plan);
  decimals = field (&fixture, FITA_TABLE_PLAN, info->rec.id, "progress_decimals");
  g_assert_true (ADW_IS_COMBO_ROW (decimals));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (decimals), GTK_ACCESSIBLE_PROPERTY_LABEL, "Decimals in percentages");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (decimals)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (decimals), 1);
  settle ();
  saved = reopen (&fixture);
  g_assert_cmpint (fita_plan_get_info (saved)->progress_decimals, ==, 1);
  g_assert_cmpstr (label_named (&fixture, "summary-progress"), ==, one);
  rows = fita_status_table_dup_rows (FITA_STATUS_TABLE (find_descendant (fixture.page, is_of_type,
                                                                        GSIZE_TO_POINTER (FITA_TYPE_STATUS_TABLE))));
  g_assert_cmpstr (rows[1], ==, row_going);

  adw_combo_row_set_selected (ADW_COMBO_ROW (decimals), 2);
  settle ();
  g_assert_cmpstr (label_named (&fixture, "summary-progress"), ==, two);

  undo (&fixture, "Change Decimals in Percentages");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (decimals)), ==, 1);
  g_assert_cmpstr (label_named (&fixture, "summary-progress"), ==, one);
  fixture_close (&fixture);
}

static void
test_plan_followup (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaFollowup *followup;
  GtkWidget *strengths, *execution;
  g_autofree char *text = NULL;

  fixture_open (&fixture, "terrassa-serveis-socials-2023-2027", fita_plan_editor_new ());
  g_assert_cmpint (fita_plan_get_info (fixture.plan)->followed_year, ==, 2023);
  execution = field (&fixture, FITA_TABLE_FOLLOWUP, 2023, "execution");
  text = text_view_text (execution);
  g_assert_true (g_str_has_prefix (text, "En aquests vuit mesos"));

  strengths = field (&fixture, FITA_TABLE_FOLLOWUP, 2023, "strengths");
  gtk_widget_grab_focus (strengths);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (strengths)), "L'equip ETAC consolidat.", -1);
  g_assert_true (fita_field_commit (strengths));
  settle ();

  saved = reopen (&fixture);
  followup = fita_plan_find_followup (saved, 0, 2023);
  g_assert_cmpstr (followup->strengths, ==, "L'equip ETAC consolidat.");
  undo (&fixture, "Edit Follow-up");
  g_clear_pointer (&text, g_free);
  text = text_view_text (strengths);
  g_assert_cmpstr (text, ==, "");

  fixture_close (&fixture);
}

/* The Governance page */

static void
test_read_only (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  GtkWidget *pages[3];
  GtkWidget *widget;
  FitaPlanInfo *info;
  FitaProcess *process;
  FitaProcessDimension *dimension;
  FitaLevel *level;

  /* The file of an example, opened read-only as a second reader would. */
  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_plan_editor_new ());
  plan = fita_plan_open (fixture.path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (fita_plan_is_read_only (plan));
  info = fita_plan_get_info (plan);
  level = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_LEVEL, 0), 0);
  process = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_PROCESS, 0), 0);
  dimension = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id), 0);

  pages[0] = fixture.page;
  fita_plan_editor_set_plan (FITA_PLAN_EDITOR (pages[0]), plan);
  settle ();
  widget = fita_field_find (pages[0], FITA_TABLE_PLAN, info->rec.id, "title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "Impulsem");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (widget)));
  g_assert_false (gtk_widget_is_sensitive (fita_field_find (pages[0], FITA_TABLE_PLAN, info->rec.id, "period_start")));
  g_assert_false (gtk_widget_is_sensitive (fita_field_find (pages[0], FITA_TABLE_PLAN, info->rec.id, "progress_rule")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (fita_field_find (pages[0], FITA_TABLE_LEVEL, level->rec.id, "name"))));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[0], has_action, "editor.add-level")));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[0], has_action, "row.delete")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (fita_field_find (pages[0], FITA_TABLE_PLAN, info->rec.id, "description"))));

  /* Committing does nothing to a read-only plan. */
  gtk_editable_set_text (GTK_EDITABLE (widget), "Un altre títol");
  g_assert_true (fita_field_commit (widget));
  g_assert_cmpstr (fita_plan_get_info (plan)->title, ==, "Impulsem");

  pages[1] = fita_governance_page_new ();
  gtk_window_set_child (GTK_WINDOW (fixture.window), pages[1]);
  fita_governance_page_set_plan (FITA_GOVERNANCE_PAGE (pages[1]), plan);
  settle ();
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[1], is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON))));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[1], has_action, "governance.delete-agent")));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[1], has_action, "governance.add-member")));

  pages[2] = fita_participation_page_new ();
  gtk_window_set_child (GTK_WINDOW (fixture.window), pages[2]);
  fita_participation_page_set_plan (FITA_PARTICIPATION_PAGE (pages[2]), plan);
  settle ();
  widget = fita_field_find (pages[2], FITA_TABLE_PROCESS_DIMENSION, dimension->rec.id, "sessions");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "13");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (widget)));
  g_assert_false (gtk_widget_is_sensitive (fita_field_find (pages[2], FITA_TABLE_PROCESS, process->rec.id, "state_id")));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[2], has_action, "participation.add-dimension")));
  g_assert_false (gtk_widget_is_sensitive (find_descendant (pages[2], has_action, "participation.add-process")));

  fixture_close (&fixture);
}

/* Accessible labels of the cells of the participation table */
static void
test_accessible_labels (void)
{
  Fixture fixture = { 0 };
  FitaProcess *process;
  FitaProcessDimension *dimension;
  GtkWidget *cell;

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  dimension = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id), 2);
  cell = field (&fixture, FITA_TABLE_PROCESS_DIMENSION, dimension->rec.id, "participants");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, "Participants, Ciutadania");
  fixture_close (&fixture);
}

/* A widget with a number of its own (the item editor's spin button with a
 * slider and a clear button) bound with fita_field_bind_int: it shows the
 * plan's value (its fallback for none), saves the one settled on as one
 * undoable change, follows the plan on reload and is off when read-only. */
static void
test_field_int (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *number;
  GtkSpinButton *spin;
  FitaItem *item;

  fixture_open (&fixture, "terrassa-ess-2019-2026", fita_plan_editor_new ());
  item = fita_plan_find_item (fixture.plan, "11.3");
  g_assert_nonnull (item);
  fita_plan_begin (fixture.plan, "Clear Weight");
  fita_plan_set_int (fixture.plan, item, "weight", FITA_NONE, NULL);
  g_assert_true (fita_plan_end (fixture.plan, &error));

  number = fita_item_editor_number_new (0, 1000, FALSE, FALSE);
  gtk_window_set_child (GTK_WINDOW (fixture.window), number);
  fita_item_editor_number_set_fallback (FITA_ITEM_EDITOR_NUMBER (number), 1);
  fita_item_editor_number_bind (FITA_ITEM_EDITOR_NUMBER (number), fixture.plan, FITA_TABLE_ITEM, item->rec.id,
                                "weight", "Edit Weight");
  settle ();
  g_assert_true (fita_field_is_bound (number));
  g_assert_true (fita_field_find (fixture.window, FITA_TABLE_ITEM, item->rec.id, "weight") == number);
  spin = fita_item_editor_number_get_spin (FITA_ITEM_EDITOR_NUMBER (number));
  /* No weight weighs 1. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1");

  type_and_activate (GTK_WIDGET (spin), "3");
  g_assert_cmpint (fita_plan_find_item (fixture.plan, "11.3")->weight, ==, 3);
  g_assert_cmpstr (fita_plan_get_undo_label (fixture.plan), ==, "Edit Weight");
  saved = reopen (&fixture);
  g_assert_cmpint (fita_plan_find_item (saved, "11.3")->weight, ==, 3);

  /* The plan changes: the number follows. */
  undo (&fixture, "Edit Weight");
  fita_field_load (number);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1");
  g_assert_cmpint (fita_plan_find_item (fixture.plan, "11.3")->weight, ==, FITA_NONE);

  fita_field_set_read_only_all (number, TRUE);
  g_assert_false (gtk_widget_get_sensitive (number));
  fita_field_set_read_only_all (number, FALSE);
  g_assert_true (gtk_widget_get_sensitive (number));

  fixture_close (&fixture);
}

/* Screenshots: each page on the example it is for, light and dark. */

static void
find_tallest_scrolled (GtkWidget  *widget,
                       GtkWidget **tallest)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget) &&
      (*tallest == NULL || gtk_widget_get_height (widget) > gtk_widget_get_height (*tallest)))
    *tallest = widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_tallest_scrolled (child, tallest);
}

/* Screenshots NAME-2, NAME-3… a screenful further down each. */
static void
scroll_through (Fixture    *fixture,
                const char *name)
{
  GtkWidget *scrolled = NULL;
  GtkAdjustment *adjustment;

  find_tallest_scrolled (fixture->page, &scrolled);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  for (guint n = 2; n < 12; n++)
    {
      g_autofree char *shot = g_strdup_printf ("%s-%u", name, n);
      double value = gtk_adjustment_get_value (adjustment);

      if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment))
        break;
      gtk_adjustment_set_value (adjustment, value + gtk_adjustment_get_page_size (adjustment) - 40);
      settle ();
      screenshot (fixture, shot, FALSE);
    }
}

static void
test_screenshots (void)
{
  static const struct {
    const char *example;
    const char *name;
    GtkWidget *(*create) (void);
  } pages[] = {
    { "terrassa-serveis-socials-2023-2027", "plan-page", fita_plan_editor_new },
    { "barcelona-espai-ess", "governance-page", fita_governance_page_new },
    { "barcelona-impulsem-2016-2021", "participation-page", fita_participation_page_new },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      Fixture fixture = { 0 };
      Fixture tall = { 0 };
      g_autofree char *large = g_strconcat (pages[i].name, "-large-text", NULL);

      fixture_open (&fixture, pages[i].example, pages[i].create ());
      /* As it first shows, with nothing picked out by the focus. */
      gtk_window_set_focus (GTK_WINDOW (fixture.window), NULL);
      settle (); settle (); settle ();
      screenshot (&fixture, pages[i].name, FALSE);
      screenshot (&fixture, pages[i].name, TRUE);
      fixture_close (&fixture);

      /* Large text: nothing cut short or overlapping. */
      {
        GtkSettings *settings = gtk_settings_get_default ();
        int dpi;

        g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
        g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
        fixture_open (&tall, pages[i].example, pages[i].create ());
        gtk_window_set_focus (GTK_WINDOW (tall.window), NULL);
        screenshot (&tall, large, FALSE);
        scroll_through (&tall, large);
        fixture_close (&tall);
        g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
        memset (&tall, 0, sizeof tall);
      }

      /* A narrow window (a phone, half a screen): the page folds. */
      {
        g_autofree char *narrow = g_strconcat (pages[i].name, "-narrow", NULL);
        g_autofree char *path = NULL;
        int min_width;

        fixture_open_sized (&tall, pages[i].example, pages[i].create (), 420, 720);
        gtk_widget_measure (tall.page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        g_assert_cmpint (min_width, <=, 360);
        gtk_window_set_focus (GTK_WINDOW (tall.window), NULL);
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
        settle ();
        path = save_screenshot (tall.window, narrow);
        assert_png (path, 400, 600);
        if (i > 0)
          {
            g_autofree char *content = g_strconcat (narrow, "-content", NULL);
            g_autofree char *content_path = NULL;
            GtkWidget *list = find_descendant (tall.page, is_sidebar_list, NULL);

            /* Picking a body or a process shows it, with a way back. */
            g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
            settle ();

            g_assert_true (gtk_widget_get_mapped (find_descendant (tall.page, has_action, i == 1 ? "governance.back" : "participation.back")));
            content_path = save_screenshot (tall.window, content);
            assert_png (content_path, 400, 600);
          }
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
        fixture_close (&tall);
        memset (&tall, 0, sizeof tall);
      }

      /* Further down, to look over every part of the page. */
      fixture_open (&tall, pages[i].example, pages[i].create ());
      gtk_window_set_focus (GTK_WINDOW (tall.window), NULL);
      scroll_through (&tall, pages[i].name);
      fixture_close (&tall);
    }
}

/* "Content language" shows the plan's language; a new plan, which has
 * none yet, shows the language Fita speaks; choosing another saves it as
 * one undoable change. */
static void
test_plan_language (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  GtkWidget *row;
  gint64 info_id;

  g_setenv ("LANGUAGE", "ca", TRUE);
  fixture_open_plan (&fixture, fita_plan_new_default ("Pla nou 2025-2028"), "new",
                     fita_plan_editor_new (), 1100, 800);
  info_id = fita_plan_get_info (fixture.plan)->rec.id;
  g_assert_null (fita_plan_get_info (fixture.plan)->language);
  row = field (&fixture, FITA_TABLE_PLAN, info_id, "language");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  settle ();
  g_assert_cmpstr (fita_plan_get_info (fixture.plan)->language, ==, "es");
  saved = reopen (&fixture);
  g_assert_cmpstr (fita_plan_get_info (saved)->language, ==, "es");
  undo (&fixture, "Change Content Language");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  fixture_close (&fixture);

  /* An example written in Catalan shows Català whatever Fita speaks. */
  g_setenv ("LANGUAGE", "en", TRUE);
  fixture_open (&fixture, "terrassa-ess-2019-2026", fita_plan_editor_new ());
  row = field (&fixture, FITA_TABLE_PLAN, fita_plan_get_info (fixture.plan)->rec.id, "language");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  fixture_close (&fixture);
  restore_language (language);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The pages and the item editor take the plan as a property the window
 * can bind: it notifies once per change, and letting go of the plan lets
 * go of its signals. */
static void
test_plan_property (void)
{
  GType types[] = {
    FITA_TYPE_PLAN_EDITOR, FITA_TYPE_GOVERNANCE_PAGE, FITA_TYPE_PARTICIPATION_PAGE, FITA_TYPE_ITEM_EDITOR,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = fita_example_load ("terrassa-ess-2019-2026", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (types[i], NULL));
      FitaPlan *got = NULL;
      guint notified = 0;

      g_signal_connect (page, "notify::plan", G_CALLBACK (count_notify), &notified);
      g_object_set (page, "plan", plan, NULL);
      g_object_set (page, "plan", plan, NULL);
      g_assert_cmpuint (notified, ==, 1);
      g_object_get (page, "plan", &got, NULL);
      g_assert_true (got == plan);
      g_object_unref (got);
      g_object_set (page, "plan", NULL, NULL);
      g_assert_cmpuint (notified, ==, 2);
      /* No handler of the page is left on the plan. */
      g_assert_cmpuint (g_signal_handlers_disconnect_matched (plan, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, page), ==, 0);
      g_object_unref (page);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *home = isolate_home ();
  int status;

  /* Accessible labels are checked: GTK keeps them only with an accessibility
   * backend, and its test one needs no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/plan-pages/format-count", test_format_count);
  g_test_add_func ("/ui/plan-pages/plan/title", test_plan_title);
  g_test_add_func ("/ui/plan-pages/plan-property", test_plan_property);
  g_test_add_func ("/ui/plan-pages/plan/language", test_plan_language);
  g_test_add_func ("/ui/plan-pages/plan/keeps-typing", test_plan_keeps_typing);
  g_test_add_func ("/ui/plan-pages/plan/levels", test_plan_levels);
  g_test_add_func ("/ui/plan-pages/plan/level-delete-confirms", test_plan_level_delete_confirms);
  g_test_add_func ("/ui/plan-pages/plan/status", test_plan_status);
  g_test_add_func ("/ui/plan-pages/plan/progress-rule", test_plan_progress_rule);
  g_test_add_func ("/ui/plan-pages/plan/followup", test_plan_followup);
  g_test_add_func ("/ui/plan-pages/plan/summary", test_plan_summary);
  g_test_add_func ("/ui/plan-pages/plan/decimals", test_plan_decimals);
  g_test_add_func ("/ui/plan-pages/read-only", test_read_only);
  g_test_add_func ("/ui/plan-pages/accessible-labels", test_accessible_labels);
  g_test_add_func ("/ui/plan-pages/field-int", test_field_int);
  g_test_add_func ("/ui/plan-pages/screenshots", test_screenshots);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
