/* test-community-pages: the Governance and Participation pages edit the
 * plan file, keep what is being typed, and undo shows at once. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-error.h"
#include "fita-examples.h"
#include "fita-agent-row.h"
#include "fita-governance-page.h"
#include "fita-json.h"
#include "fita-money.h"
#include "fita-participation-page.h"
#include "fita-plan-editor.h"
#include "fita-field.h"
#include "fita-item-editor.h"
#include "fita-plan-editor-lists.h"
#include "fita-record-row.h"
#include "fita-sidebar-row.h"
#include "fita-rollup.h"
#include "fita-status-table.h"
#include "fita-application.h"
#include "fita-ui-test.h"
#include "pages-fixture.h"

static gboolean
is_text_view_with (GtkWidget     *widget,
                   gconstpointer  text)
{
  g_autofree char *shown = NULL;

  if (!GTK_IS_TEXT_VIEW (widget))
    return FALSE;
  shown = text_view_text (widget);
  return g_str_equal (shown, text);
}

static void
test_governance_members (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaAgent *ambit;
  GtkListBox *sidebar;
  GtkSwitch *all;
  GtkWidget *name, *row;
  GPtrArray *members;

  fixture_open (&fixture, "barcelona-espai-ess", fita_governance_page_new ());
  ambit = fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT,
                                  "Àmbit Participat de l’Economia Social i Solidària de Barcelona");
  g_assert_nonnull (ambit);

  /* The bodies, with their groups below them; organisations on demand. */
  sidebar = GTK_LIST_BOX (find_descendant (fixture.page, is_sidebar_list, NULL));
  row = GTK_WIDGET (gtk_list_box_get_selected_row (sidebar));
  g_assert_nonnull (row);
  g_assert_cmpint (fita_row_get_id (row), ==, ambit->rec.id);
  g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, 4));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, 5));
  all = GTK_SWITCH (find_descendant (fixture.page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH)));
  gtk_switch_set_active (all, TRUE);
  settle ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (sidebar, 6));
  gtk_switch_set_active (all, FALSE);
  settle ();
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, 5));

  g_assert_nonnull (find_descendant (fixture.page, is_text_view_with,
                                     "Impulsar i acollir grups de treball sobre temes concrets com a espais de coproducció al voltant de projectes i objectius específics."));

  /* Add a member and type their name over the one it gets. */
  gtk_widget_activate (button_for (&fixture, "governance.add-member"));
  settle ();
  members = fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, ambit->rec.id);
  g_assert_cmpuint (members->len, ==, 5);
  name = field (&fixture, FITA_TABLE_AGENT_MEMBER, ((FitaRecord *) g_ptr_array_index (members, 4))->id, "name");
  g_assert_true (gtk_widget_has_focus (name));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (name)), "Secretaria tècnica de l’Àmbit", -1);
  /* Moving on saves it. */
  gtk_widget_grab_focus (field (&fixture, FITA_TABLE_AGENT, ambit->rec.id, "name"));
  settle ();

  saved = reopen (&fixture);
  members = fita_plan_list (saved, FITA_TABLE_AGENT_MEMBER, ambit->rec.id);
  g_assert_cmpuint (members->len, ==, 5);
  g_assert_cmpstr (((FitaAgentMember *) g_ptr_array_index (members, 4))->name, ==, "Secretaria tècnica de l’Àmbit");

  undo (&fixture, "Rename Member");
  g_assert_true (is_text_view_with (name, "New member"));
  undo (&fixture, "Add Member");
  g_assert_cmpuint (fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, ambit->rec.id)->len, ==, 4);
  g_assert_null (find_descendant (fixture.page, is_text_view_with, "New member"));

  fixture_close (&fixture);
}

static void
test_governance_delete_agent (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  AdwMessageDialog *dialog;
  FitaAgent *ambit;
  gint64 id;

  fixture_open (&fixture, "barcelona-espai-ess", fita_governance_page_new ());
  ambit = fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT,
                                  "Àmbit Participat de l’Economia Social i Solidària de Barcelona");
  id = ambit->rec.id;

  g_assert_true (gtk_widget_activate_action (fixture.page, "governance.delete-agent", "x", id));
  settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "4 working groups"));
  adw_message_dialog_response (dialog, "confirm");
  settle ();

  saved = reopen (&fixture);
  g_assert_cmpuint (fita_plan_count (saved, FITA_TABLE_AGENT), ==, 2);
  undo (&fixture, "Delete Agent");
  g_assert_nonnull (fita_field_find (fixture.page, FITA_TABLE_AGENT, id, "name"));
  g_assert_cmpuint (fita_plan_count (fixture.plan, FITA_TABLE_AGENT), ==, 7);

  /* A working group is added under the body shown, and shown. */
  gtk_widget_activate (button_for (&fixture, "governance.add-group"));
  settle ();
  {
    FitaAgent *group = fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT, "New working group");

    g_assert_nonnull (group);
    g_assert_cmpint (group->parent_id, ==, id);
    g_assert_cmpint (group->kind, ==, FITA_AGENT_GROUP);
    g_assert_nonnull (fita_field_find (fixture.page, FITA_TABLE_AGENT, group->rec.id, "name"));

    /* Empty, it goes without asking, and its body shows again. */
    g_assert_true (gtk_widget_activate_action (fixture.page, "governance.delete-agent", "x", group->rec.id));
    settle ();
    g_assert_null (fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT, "New working group"));
    g_assert_cmpint (fita_row_get_id (GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (find_descendant (fixture.page, is_sidebar_list, NULL))))), ==, id);
  }

  fixture_close (&fixture);
}

/* A process with phases and figures is deleted only once the officer says
 * so, as one change. */
static void
test_participation_delete_process (void)
{
  Fixture fixture = { 0 };
  AdwMessageDialog *dialog;
  FitaProcess *process;

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  g_assert_true (gtk_widget_activate_action (fixture.page, "participation.delete-process", "x", process->rec.id));
  settle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Process “Impulsem”?");
  adw_message_dialog_response (dialog, "confirm");
  settle ();
  g_assert_cmpuint (fita_plan_count (fixture.plan, FITA_TABLE_PROCESS), ==, 0);
  undo (&fixture, "Delete Process");
  g_assert_cmpuint (fita_plan_count (fixture.plan, FITA_TABLE_PROCESS), ==, 1);
  fixture_close (&fixture);
}

/* The rows of the Governance page: a working group in the sidebar sits
 * under its body for the eye and for a screen reader; a member's role is
 * named for the member, and follows their name; a body's working groups
 * lead to them. */
static void
test_governance_rows (void)
{
  Fixture fixture = { 0 };
  FitaAgent *ambit, *group, *motor;
  FitaAgentMember *member;
  GtkListBox *sidebar;
  GtkWidget *row, *name, *role, *groups;

  fixture_open (&fixture, "barcelona-espai-ess", fita_governance_page_new ());
  ambit = fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT,
                                  "Àmbit Participat de l’Economia Social i Solidària de Barcelona");
  group = fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT, "Grup de Treball de Comunicació");
  motor = fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT, "Grup motor");
  g_assert_nonnull (group);
  g_assert_nonnull (motor);

  sidebar = GTK_LIST_BOX (find_descendant (fixture.page, is_sidebar_list, NULL));
  row = fita_list_box_find_row (sidebar, group->rec.id);
  g_assert_true (FITA_IS_SIDEBAR_ROW (row));
  g_assert_cmpstr (fita_sidebar_row_get_title (FITA_SIDEBAR_ROW (row)), ==, "Grup de Treball de Comunicació");
  g_assert_cmpstr (fita_sidebar_row_get_subtitle (FITA_SIDEBAR_ROW (row)), ==, "Group");
  g_assert_cmpuint (fita_sidebar_row_get_depth (FITA_SIDEBAR_ROW (row)), ==, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Grup de Treball de Comunicació");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3);
  row = fita_list_box_find_row (sidebar, ambit->rec.id);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Body · 4 members · 2 groups");

  /* A member's role is named for the member, and follows their name. */
  member = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, ambit->rec.id), 0);
  name = field (&fixture, FITA_TABLE_AGENT_MEMBER, member->rec.id, "name");
  role = field (&fixture, FITA_TABLE_AGENT_MEMBER, member->rec.id, "role");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, "Member");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Role of Comissionat d’Economia Social, Desenvolupament Local i Consum");
  row = gtk_widget_get_ancestor (role, FITA_TYPE_RECORD_ROW);
  g_assert_true (FITA_IS_RECORD_ROW (row));
  g_assert_cmpint (fita_record_row_get_record_id (FITA_RECORD_ROW (row)), ==, member->rec.id);
  g_assert_true (gtk_widget_get_ancestor (name, FITA_TYPE_RECORD_ROW) == row);
  gtk_widget_grab_focus (name);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (name)), "Comissionat d’Economia Social", -1);
  g_assert_true (fita_field_commit (name));
  settle ();
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Role of Comissionat d’Economia Social");
  g_assert_cmpstr (fita_record_row_get_title (FITA_RECORD_ROW (gtk_widget_get_ancestor (role, FITA_TYPE_RECORD_ROW))),
                   ==, "Comissionat d’Economia Social");
  undo (&fixture, "Rename Member");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Role of Comissionat d’Economia Social, Desenvolupament Local i Consum");

  /* A working group of the body leads to it. */
  row = find_descendant (fixture.page, is_of_type, GSIZE_TO_POINTER (FITA_TYPE_AGENT_ROW));
  g_assert_nonnull (row);
  g_assert_true (fita_agent_row_get_browsable (FITA_AGENT_ROW (row)));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_cmpint (fita_row_get_id (row), ==, motor->rec.id);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Grup motor");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Body · 4 members");
  groups = gtk_widget_get_parent (row);
  g_signal_emit_by_name (groups, "row-activated", row);
  settle ();
  g_assert_cmpint (fita_row_get_id (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar))), ==, motor->rec.id);
  g_assert_nonnull (fita_field_find (fixture.page, FITA_TABLE_AGENT_MEMBER,
                                     ((FitaRecord *) g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, motor->rec.id), 0))->id,
                                     "name"));

  /* The rows' buttons: a member moves down, as one change. */
  member = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, motor->rec.id), 0);
  g_assert_true (gtk_widget_activate_action (fixture.page, "row.move", "(ixi)", (gint32) FITA_TABLE_AGENT_MEMBER, member->rec.id, 1));
  settle ();
  g_assert_true (g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, motor->rec.id), 1) == (gpointer) member);
  row = gtk_widget_get_ancestor (field (&fixture, FITA_TABLE_AGENT_MEMBER, member->rec.id, "name"), FITA_TYPE_RECORD_ROW);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 1);
  fita_plan_undo (fixture.plan, NULL);
  settle ();
  g_assert_true (g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_AGENT_MEMBER, motor->rec.id), 0) == (gpointer) member);

  /* A body with members is removed from its body's list only once asked. */
  g_assert_true (gtk_widget_activate_action (fixture.page, "row.delete", "(ix)", (gint32) FITA_TABLE_AGENT, motor->rec.id));
  settle ();
  g_assert_nonnull (find_message_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==, "Delete “Grup motor”?");
  g_assert_nonnull (fita_plan_lookup (fixture.plan, FITA_TABLE_AGENT, motor->rec.id));

  fixture_close (&fixture);
}

/* The Participation page */

static const char *
total_shown (Fixture    *fixture,
             const char *name)
{
  GtkWidget *label = find_descendant (fixture->page, is_label_named, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_participation_totals (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  FitaParticipation totals;
  FitaProcess *process;
  FitaProcessDimension *internal;
  GtkWidget *sessions;

  /* Numbers grouped as a Catalan officer writes them. */
  g_setenv ("LANGUAGE", "ca", TRUE);
  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  internal = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id), 0);
  g_assert_cmpstr (internal->name, ==, "Dimensió interna");

  g_assert_cmpstr (total_shown (&fixture, "total-sessions"), ==, "34");
  g_assert_cmpstr (total_shown (&fixture, "total-participants"), ==, "799");
  g_assert_cmpstr (total_shown (&fixture, "total-contributions"), ==, "1.373");
  g_assert_cmpstr (total_shown (&fixture, "total-proposals"), ==, "780");

  sessions = field (&fixture, FITA_TABLE_PROCESS_DIMENSION, internal->rec.id, "sessions");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sessions)), ==, "13");
  type_and_activate (sessions, "14");
  g_assert_cmpstr (total_shown (&fixture, "total-sessions"), ==, "35");

  saved = reopen (&fixture);
  fita_plan_participation (saved, fita_plan_lookup (saved, FITA_TABLE_PROCESS, process->rec.id), &totals);
  g_assert_cmpint (totals.sessions, ==, 35);
  g_assert_cmpint (totals.contributions, ==, 1373);

  /* Not a number: refused inline, the total stays. */
  type_and_activate (sessions, "catorze");
  g_assert_true (gtk_widget_has_css_class (sessions, "error"));
  g_assert_cmpstr (total_shown (&fixture, "total-sessions"), ==, "35");
  /* Put right, the error goes. */
  type_and_activate (sessions, "14");
  g_assert_false (gtk_widget_has_css_class (sessions, "error"));

  undo (&fixture, "Change Sessions");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sessions)), ==, "13");
  g_assert_false (gtk_widget_has_css_class (sessions, "error"));
  g_assert_cmpstr (total_shown (&fixture, "total-sessions"), ==, "34");

  fixture_close (&fixture);
  restore_language (language);
}

static void
test_participation_state_and_actors (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaProcess *process;
  FitaStatus *consolidated;
  GtkWidget *state;
  guint actors;

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  state = field (&fixture, FITA_TABLE_PROCESS, process->rec.id, "state_id");
  /* None, En curs, Consolidat, Acabat; the definition shows under it. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state)), ==, 1);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (state)), "Projectes en estat inicial"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (state), 2);
  settle ();
  consolidated = fita_plan_find_by_name (fixture.plan, FITA_TABLE_STATUS, "Consolidat");
  saved = reopen (&fixture);
  g_assert_cmpint (((FitaProcess *) fita_plan_lookup (saved, FITA_TABLE_PROCESS, process->rec.id))->state_id, ==, consolidated->rec.id);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (state)), "Projectes que es troben en fase d’escalament"));
  undo (&fixture, "Change Process State");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (state)), ==, 1);

  /* Key actors: remove one, then create a new agent as one. */
  actors = fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id)->len;
  g_assert_cmpuint (actors, ==, 17);
  g_assert_true (gtk_widget_activate_action (fixture.page, "row.delete", "(ix)", (gint32) FITA_TABLE_PROCESS_ACTOR,
                                             ((FitaRecord *) g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id), 0))->id));
  settle ();
  g_assert_cmpuint (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id)->len, ==, 16);
  undo (&fixture, "Remove Key Actor");
  g_assert_cmpuint (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id)->len, ==, 17);

  fixture_close (&fixture);
}

/* Typing in a cell survives rows being added by someone else (an undo in
 * the header bar, another page), and so does the keyboard focus. */
static void
test_participation_keeps_typing (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  FitaProcess *process;
  FitaProcessDimension *other, *added;
  GtkWidget *cell;

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  other = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id), 1);
  cell = field (&fixture, FITA_TABLE_PROCESS_DIMENSION, other->rec.id, "sessions");
  gtk_widget_grab_focus (cell);
  gtk_editable_set_text (GTK_EDITABLE (cell), "17");

  added = fita_plan_new_record (fixture.plan, FITA_TABLE_PROCESS_DIMENSION);
  added->name = g_strdup ("Infància");
  added->sessions = 2;
  fita_plan_begin (fixture.plan, "Add Dimension");
  fita_plan_insert (fixture.plan, added, process->rec.id, 0, NULL);
  g_assert_true (fita_plan_end (fixture.plan, &error));
  settle ();

  cell = field (&fixture, FITA_TABLE_PROCESS_DIMENSION, other->rec.id, "sessions");
  g_assert_true (gtk_widget_has_focus (cell) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)), cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "17");
  g_assert_cmpstr (total_shown (&fixture, "total-sessions"), ==, "36");

  /* Enter saves it. */
  type_and_activate (cell, "17");
  g_assert_cmpstr (total_shown (&fixture, "total-sessions"), ==, "37");

  fixture_close (&fixture);
}

static void
test_participation_new_actor (void)
{
  Fixture fixture = { 0 };
  g_autoptr(FitaPlan) saved = NULL;
  FitaProcess *process;
  GPtrArray *actors;
  GtkWidget *search;
  FitaAgent *agent;

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  /* In the Add Key Actor popover, not popped up: under Xvfb there is no
   * window manager to place it. */
  search = find_descendant (fixture.page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "Taula d’entitats del Tercer Sector");
  settle ();
  g_signal_emit_by_name (search, "activate");
  settle ();

  saved = reopen (&fixture);
  agent = fita_plan_find_by_name (saved, FITA_TABLE_AGENT, "Taula d’entitats del Tercer Sector");
  g_assert_nonnull (agent);
  actors = fita_plan_list (saved, FITA_TABLE_PROCESS_ACTOR, process->rec.id);
  g_assert_cmpuint (actors->len, ==, 18);
  g_assert_cmpint (((FitaProcessActor *) g_ptr_array_index (actors, 17))->agent_id, ==, agent->rec.id);

  /* One change: one undo takes both away. */
  undo (&fixture, "Add Key Actor");
  g_assert_null (fita_plan_find_by_name (fixture.plan, FITA_TABLE_AGENT, "Taula d’entitats del Tercer Sector"));
  g_assert_cmpuint (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id)->len, ==, 17);

  fixture_close (&fixture);
}

/* The rows of the Participation page: each field of a phase and of a count
 * is named for its record, and follows its name; key actors say what kind
 * of agent they are. */
static void
test_participation_rows (void)
{
  Fixture fixture = { 0 };
  FitaProcess *process;
  FitaProcessPhase *phase;
  FitaProcessCount *count;
  FitaProcessActor *actor;
  FitaAgent *agent;
  GtkWidget *widget, *row;

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  process = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS, 0), 0);
  phase = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_PHASE, process->rec.id), 0);
  count = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_COUNT, process->rec.id), 0);

  {
    g_autofree char *start = g_strdup_printf ("Start date of %s", phase->name);
    g_autofree char *end = g_strdup_printf ("End date of %s", phase->name);
    g_autofree char *description = g_strdup_printf ("Description of %s", phase->name);

    widget = field (&fixture, FITA_TABLE_PROCESS_PHASE, phase->rec.id, "start_date");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, start);
    g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), ==, "YYYY-MM-DD");
    widget = field (&fixture, FITA_TABLE_PROCESS_PHASE, phase->rec.id, "end_date");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, end);
    widget = field (&fixture, FITA_TABLE_PROCESS_PHASE, phase->rec.id, "description");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, description);
    widget = field (&fixture, FITA_TABLE_PROCESS_PHASE, phase->rec.id, "name");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "Phase name");
    g_assert_true (gtk_widget_has_css_class (widget, "heading"));
  }

  g_assert_cmpstr (count->label, ==, "Priorització d’objectius");
  widget = field (&fixture, FITA_TABLE_PROCESS_COUNT, count->rec.id, "count");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "Count, Priorització d’objectius");
  g_assert_true (gtk_widget_has_css_class (widget, "numeric"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "589");
  widget = field (&fixture, FITA_TABLE_PROCESS_COUNT, count->rec.id, "label");
  gtk_widget_grab_focus (widget);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "Priorització de mesures", -1);
  g_assert_true (fita_field_commit (widget));
  settle ();
  widget = field (&fixture, FITA_TABLE_PROCESS_COUNT, count->rec.id, "unit");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "Unit, Priorització de mesures");
  undo (&fixture, "Edit Count Label");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "Unit, Priorització d’objectius");

  /* Key actors: the agent's name and kind; nothing to open. */
  actor = g_ptr_array_index (fita_plan_list (fixture.plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id), 0);
  agent = fita_plan_lookup (fixture.plan, FITA_TABLE_AGENT, actor->agent_id);
  row = find_descendant (fixture.page, is_of_type, GSIZE_TO_POINTER (FITA_TYPE_AGENT_ROW));
  g_assert_nonnull (row);
  g_assert_cmpint (fita_row_get_id (row), ==, actor->rec.id);
  g_assert_false (fita_agent_row_get_browsable (FITA_AGENT_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, agent->name);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, fita_agent_kind_name (agent->kind));

  /* The process in the sidebar, with its state and dates. */
  row = fita_list_box_find_row (GTK_LIST_BOX (find_descendant (fixture.page, is_sidebar_list, NULL)), process->rec.id);
  g_assert_true (FITA_IS_SIDEBAR_ROW (row));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Impulsem");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "En curs · 2016–2021");

  fixture_close (&fixture);
}

/* A read-only plan: the rows' fields can be read and selected, not changed,
 * and their buttons do nothing. */
static void
test_rows_read_only (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaPlan) plan = NULL;
  GtkWidget *page, *widget, *buttons;
  FitaProcess *process;
  FitaProcessCount *count;
  FitaAgent *ambit;
  FitaAgentMember *member;

  fixture_open (&fixture, "barcelona-espai-ess", fita_governance_page_new ());
  plan = fita_plan_open (fixture.path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  fita_governance_page_set_plan (FITA_GOVERNANCE_PAGE (fixture.page), plan);
  settle ();
  ambit = fita_plan_find_by_name (plan, FITA_TABLE_AGENT, "Àmbit Participat de l’Economia Social i Solidària de Barcelona");
  member = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_AGENT_MEMBER, ambit->rec.id), 0);
  widget = fita_field_find (fixture.page, FITA_TABLE_AGENT_MEMBER, member->rec.id, "role");
  g_assert_nonnull (widget);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (widget)));
  widget = fita_field_find (fixture.page, FITA_TABLE_AGENT_MEMBER, member->rec.id, "name");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)));
  /* The same ids in the other plan: the rows are made anew for this one. */
  g_assert_true (fita_record_row_get_plan (FITA_RECORD_ROW (gtk_widget_get_ancestor (widget, FITA_TYPE_RECORD_ROW))) == plan);
  buttons = find_descendant (gtk_widget_get_ancestor (widget, FITA_TYPE_RECORD_ROW), has_action, "row.delete");
  g_assert_false (gtk_widget_is_sensitive (buttons));
  buttons = find_descendant (find_descendant (fixture.page, is_of_type, GSIZE_TO_POINTER (FITA_TYPE_AGENT_ROW)), has_action, "row.delete");
  g_assert_false (gtk_widget_is_sensitive (buttons));

  fixture_close (&fixture);
  memset (&fixture, 0, sizeof fixture);
  g_clear_object (&plan);

  fixture_open (&fixture, "barcelona-impulsem-2016-2021", fita_participation_page_new ());
  page = fixture.page;
  plan = fita_plan_open (fixture.path, FITA_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  fita_participation_page_set_plan (FITA_PARTICIPATION_PAGE (page), plan);
  settle ();
  process = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_PROCESS, 0), 0);
  count = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_PROCESS_COUNT, process->rec.id), 0);
  widget = fita_field_find (page, FITA_TABLE_PROCESS_COUNT, count->rec.id, "count");
  g_assert_nonnull (widget);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (widget)));
  buttons = find_descendant (gtk_widget_get_ancestor (widget, FITA_TYPE_RECORD_ROW), has_action, "row.delete");
  g_assert_false (gtk_widget_is_sensitive (buttons));

  fixture_close (&fixture);
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

  g_test_add_func ("/ui/plan-pages/governance/members", test_governance_members);
  g_test_add_func ("/ui/plan-pages/governance/delete-agent", test_governance_delete_agent);
  g_test_add_func ("/ui/plan-pages/governance/rows", test_governance_rows);
  g_test_add_func ("/ui/plan-pages/participation/totals", test_participation_totals);
  g_test_add_func ("/ui/plan-pages/participation/state-and-actors", test_participation_state_and_actors);
  g_test_add_func ("/ui/plan-pages/participation/keeps-typing", test_participation_keeps_typing);
  g_test_add_func ("/ui/plan-pages/participation/new-actor", test_participation_new_actor);
  g_test_add_func ("/ui/plan-pages/participation/rows", test_participation_rows);
  g_test_add_func ("/ui/plan-pages/participation/delete-process", test_participation_delete_process);
  g_test_add_func ("/ui/plan-pages/rows-read-only", test_rows_read_only);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
