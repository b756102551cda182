/* Answers in (fita-merge.h): a form filled as a service would (its cells
 * changed before Fita's own writers write it, then read back by the sheet
 * readers), compared three ways with the plan, refused for every reason
 * the issue lists, and applied as one undoable change logged with the
 * agent as its source. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fita-edit.h"
#include "fita-error.h"
#include "fita-export.h"
#include "fita-forms.h"
#include "fita-forms-private.h"
#include "fita-log.h"
#include "fita-merge.h"
#include "fita-test-util.h"
#include "fita-years.h"

/* Items sheet: code, title, level, status, percent, executed in Capítol 1
 * and Capítol 2, the four texts, the key. */
enum { C_CODE, C_TITLE, C_LEVEL, C_STATUS, C_PERCENT, C_EXEC1, C_EXEC2, C_EXECUTION, C_STRENGTHS,
       C_WEAKNESSES, C_NEXT, C_KEY };
#define INDICATOR_VALUE 4
/* the key sheet's column of an item's percent as sent */
#define KEY_SENT_PROGRESS (FITA_FORM_KEY_N_FIXED + 1)

static const char *plan_json =
  "{\"plan\": {\"title\": \"Pla de prova\", \"period_start\": 2024, \"period_end\": 2027, \"followed_year\": 2025,"
  "          \"language\": \"ca\"},"
  " \"levels\": [{\"name\": \"Línia\"}, {\"name\": \"Acció\", \"depth\": 1}],"
  " \"statuses\": [{\"name\": \"No iniciat\", \"percent\": 0}, {\"name\": \"En curs\"}, {\"name\": \"Acabat\", \"percent\": 100}],"
  " \"chapters\": [{\"name\": \"Capítol 1\"}, {\"name\": \"Capítol 2\"}],"
  " \"agents\": [{\"name\": \"Servei A\", \"kind\": \"body\"}, {\"name\": \"Servei B\", \"kind\": \"body\"}],"
  " \"items\": [{\"code\": \"1\", \"title\": \"Línia\", \"level\": \"Línia\", \"children\": ["
  "   {\"code\": \"1.1\", \"title\": \"Acció u\", \"level\": \"Acció\", \"status\": \"En curs\", \"progress\": 40,"
  "    \"responsibilities\": [{\"agent\": \"Servei A\", \"role\": \"executes\"}, {\"agent\": \"Servei B\", \"role\": \"supports\"}],"
  "    \"budget\": [{\"year\": 2025, \"chapter\": \"Capítol 1\", \"planned_cents\": 100000, \"executed_cents\": 20000}],"
  "    \"indicators\": [{\"name\": \"Tallers\", \"values\": [{\"year\": 2025, \"value\": \"3\"}]}],"
  "    \"followups\": [{\"year\": 2025, \"execution\": \"Començat\"}]},"
  "   {\"code\": \"1.2\", \"title\": \"Acció dos\", \"level\": \"Acció\","
  "    \"responsibilities\": [{\"agent\": \"Servei A\", \"role\": \"executes\"}]}]}]}";

typedef void (*FillFunc) (FitaForm *form);

static FitaPlan *
new_plan (char **path)
{
  g_autoptr(FitaPlan) plan = fita_test_plan_from_json (plan_json);
  g_autofree char *dir = fita_test_tmpdir ();
  g_autoptr(GError) error = NULL;

  *path = g_build_filename (dir, "pla.fita", NULL);
  g_assert_true (fita_plan_save_new (plan, *path, &error));
  g_assert_no_error (error);
  fita_plan_set_author (plan, "Oficina del Pla");
  return g_steal_pointer (&plan);
}

/* The form of agent for year as fill leaves it, written as a service's
 * spreadsheet would come back. */
static char *
write_form (FitaPlan *plan, const char *agent_name, gint64 year, FitaFormsFormat format, FillFunc fill)
{
  g_autoptr(FitaForm) form = fita_form_new (plan, fita_test_agent (plan, agent_name), year);
  g_autofree char *dir = fita_test_tmpdir ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, format == FITA_FORMS_XLSX ? "form.xlsx" : "form.ods", NULL);

  if (fill)
    fill (form);
  if (format == FITA_FORMS_XLSX)
    g_assert_true (fita_form_write_xlsx (form, path, NULL, &error));
  else
    g_assert_true (fita_form_write_ods (form, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static FitaFormSheet *
items_sheet (FitaForm *form)
{
  return &form->sheets[FITA_FORM_ITEMS];
}

static void
set_text (FitaForm *form, FitaFormSheetId sheet, guint row, guint column, const char *text)
{
  FitaExportCell *cell = fita_form_cell (&form->sheets[sheet], row, column);

  cell->kind = text ? FITA_CELL_TEXT : FITA_CELL_EMPTY;
  cell->text = text;
}

static void
set_number (FitaForm *form, FitaFormSheetId sheet, guint row, guint column, const char *number)
{
  FitaExportCell *cell = fita_form_cell (&form->sheets[sheet], row, column);

  cell->kind = FITA_CELL_DECIMAL;
  cell->text = number;
}

static void
set_cents (FitaForm *form, guint row, guint column, gint64 cents)
{
  FitaExportCell *cell = fita_form_cell (items_sheet (form), row, column);

  cell->kind = FITA_CELL_CENTS;
  cell->number = cents;
}

static const char *
status_of (FitaPlan *plan, const char *code)
{
  FitaItem *it = fita_test_item (plan, code);
  FitaStatus *status = it->status_id ? fita_plan_lookup (plan, FITA_TABLE_STATUS, it->status_id) : NULL;

  return status ? status->name : NULL;
}

static gint64
executed (FitaPlan *plan, const char *code, const char *chapter_name)
{
  FitaChapter *chapter = fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, chapter_name);
  FitaBudgetLine *line = fita_plan_find_budget_line (plan, fita_test_item (plan, code)->rec.id, 2025, chapter->rec.id);

  return line ? line->executed_cents : FITA_NONE;
}

static const char *
followup (FitaPlan *plan, const char *code, const char *field)
{
  FitaFollowup *f = fita_plan_find_followup (plan, fita_test_item (plan, code)->rec.id, 2025);

  if (f == NULL)
    return NULL;
  if (g_str_equal (field, "execution"))
    return f->execution;
  if (g_str_equal (field, "weaknesses"))
    return f->weaknesses;
  return f->strengths;
}

static const char *
indicator_value (FitaPlan *plan)
{
  FitaIndicator *indicator = g_ptr_array_index (fita_plan_list (plan, FITA_TABLE_INDICATOR, fita_test_item (plan, "1.1")->rec.id), 0);
  FitaIndicatorValue *value = fita_plan_find_indicator_value (plan, indicator->rec.id, 2025);

  return value ? value->value : NULL;
}

static FitaMergeField *
find_field (FitaMerge *merge, const char *code, const char *key)
{
  GListModel *items = fita_merge_get_items (merge);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FitaMergeItem) it = g_list_model_get_item (items, i);
      GListModel *fields = fita_merge_item_get_fields (it);
      if (!g_str_equal (fita_merge_item_get_code (it), code))
        continue;
      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(FitaMergeField) field = g_list_model_get_item (fields, f);
          if (g_str_equal (fita_merge_field_get_key (field), key))
            return field;   /* the item holds it */
        }
    }
  return NULL;
}

static FitaMerge *
read_merge (FitaPlan *plan, const char *path)
{
  g_autoptr(GError) error = NULL;
  FitaMerge *merge = fita_merge_read (plan, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merge);
  return merge;
}

/* A clean merge */

static void
fill_clean (FitaForm *form)
{
  set_text (form, FITA_FORM_ITEMS, 0, C_STATUS, "Acabat");
  set_number (form, FITA_FORM_ITEMS, 0, C_PERCENT, "100");
  set_cents (form, 0, C_EXEC1, 98765);            /* 987,65 € */
  set_cents (form, 0, C_EXEC2, 0);                /* nothing spent, which is known */
  set_text (form, FITA_FORM_ITEMS, 0, C_EXECUTION, "Fet:\n\ntres tallers");
  set_text (form, FITA_FORM_ITEMS, 0, C_WEAKNESSES, "Poca gent");
  set_number (form, FITA_FORM_ITEMS, 1, C_PERCENT, "12.35");
  set_number (form, FITA_FORM_INDICATORS, 0, INDICATOR_VALUE, "4.5");
}

static void
check_clean_merge (FitaFormsFormat format)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, format, fill_clean);
  g_autofree char *before = fita_test_checksum (path);
  g_autofree char *plan_before = fita_test_checksum (plan_path);
  g_autoptr(FitaMerge) merge = read_merge (plan, path);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL, *after = NULL, *plan_after = NULL;
  FitaMergeField *field;
  FitaLogChange *change;

  g_assert_false (fita_merge_is_refused (merge));
  g_assert_cmpstr (fita_merge_get_agent_name (merge), ==, "Servei A");
  g_assert_cmpint (fita_merge_get_year (merge), ==, 2025);
  g_assert_cmpuint (fita_merge_get_n_items (merge), ==, 2);
  g_assert_cmpuint (fita_merge_get_n_fields (merge), ==, 8);
  g_assert_cmpuint (fita_merge_get_n_conflicts (merge), ==, 0);
  g_assert_true (fita_merge_can_apply (merge));
  field = find_field (merge, "1.1", "progress");
  g_assert_nonnull (field);
  g_assert_false (fita_merge_field_get_conflict (field));
  g_assert_cmpint (fita_merge_field_get_decision (field), ==, FITA_MERGE_TAKE_FORM);
  g_assert_nonnull (fita_merge_field_get_plan_text (field));
  g_assert_nonnull (fita_merge_field_get_form_text (field));
  field = find_field (merge, "1.1", "executed:Capítol 2");
  g_assert_nonnull (field);
  g_assert_null (fita_merge_field_get_plan_text (field));
  g_assert_nonnull (fita_merge_field_get_form_text (field));
  g_assert_nonnull (find_field (merge, "1.1", "indicator:Tallers"));
  g_assert_null (find_field (merge, "1.1", "strengths"));
  summary = fita_merge_get_summary (merge);
  g_assert_nonnull (strstr (summary, "2"));

  /* reading changed nothing, in the form or the plan */
  after = fita_test_checksum (path);
  plan_after = fita_test_checksum (plan_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (plan_before, ==, plan_after);
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 4000);

  g_assert_true (fita_merge_apply (merge, plan, &error));
  g_assert_no_error (error);
  g_assert_false (fita_merge_can_apply (merge));
  g_assert_cmpstr (status_of (plan, "1.1"), ==, "Acabat");
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 10000);
  g_assert_cmpint (fita_test_item (plan, "1.2")->progress_bp, ==, 1235);
  g_assert_cmpint (executed (plan, "1.1", "Capítol 1"), ==, 98765);
  g_assert_cmpint (executed (plan, "1.1", "Capítol 2"), ==, 0);
  g_assert_cmpstr (followup (plan, "1.1", "execution"), ==, "Fet:\n\ntres tallers");   /* paragraphs kept */
  g_assert_cmpstr (followup (plan, "1.1", "weaknesses"), ==, "Poca gent");
  g_assert_cmpstr (indicator_value (plan), ==, "4.5");
  g_assert_cmpstr (fita_plan_get_change_source (plan), ==, NULL);

  /* logged with the agent as source, the officer as author */
  log = fita_plan_read_log (plan, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  change = g_ptr_array_index (log, 0);
  g_assert_cmpstr (change->source, ==, "Servei A");
  g_assert_cmpstr (change->author, ==, "Oficina del Pla");
  g_assert_cmpstr (change->label, ==, "Merge the form of Servei A");

  /* one undo step restores everything */
  g_assert_cmpstr (fita_plan_get_undo_label (plan), ==, "Merge the form of Servei A");
  g_assert_true (fita_plan_undo (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (status_of (plan, "1.1"), ==, "En curs");
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 4000);
  g_assert_cmpint (fita_test_item (plan, "1.2")->progress_bp, ==, FITA_NONE);
  g_assert_cmpint (executed (plan, "1.1", "Capítol 1"), ==, 20000);
  g_assert_cmpint (executed (plan, "1.1", "Capítol 2"), ==, FITA_NONE);
  g_assert_cmpstr (followup (plan, "1.1", "execution"), ==, "Començat");
  g_assert_null (followup (plan, "1.1", "weaknesses"));
  g_assert_cmpstr (indicator_value (plan), ==, "3");
  g_assert_false (fita_plan_can_undo (plan));

  /* applied twice: refused */
  g_assert_false (fita_merge_apply (merge, plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
}

static void
test_clean_ods (void)
{
  check_clean_merge (FITA_FORMS_ODS);
}

static void
test_clean_xlsx (void)
{
  check_clean_merge (FITA_FORMS_XLSX);
}

/* A form sent back untouched changes nothing, and makes no undo step. */
static void
test_untouched (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, NULL);
  g_autoptr(FitaMerge) merge = read_merge (plan, path);
  g_autoptr(GError) error = NULL;

  g_assert_false (fita_merge_is_refused (merge));
  g_assert_cmpuint (fita_merge_get_n_items (merge), ==, 0);
  g_assert_false (fita_merge_can_apply (merge));
  g_assert_true (fita_merge_apply (merge, plan, &error));
  g_assert_no_error (error);
  g_assert_false (fita_plan_can_undo (plan));
}

/* Texts the spreadsheet gives back otherwise than the plan holds them
 * (Windows line ends, decomposed accents, a space at the end) are the
 * same texts: neither an edited key nor a change. */
static void
test_texts_as_given_back (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_set_followup (plan, fita_test_item (plan, "1.1")->rec.id, 2025, "execution",
                                         "Li\xcc\x81nia u\r\nLínia dos ", &error));
  g_assert_no_error (error);
  for (FitaFormsFormat format = FITA_FORMS_ODS; format <= FITA_FORMS_XLSX; format++)
    {
      g_autofree char *path = write_form (plan, "Servei A", 2025, format, NULL);
      g_autoptr(FitaMerge) merge = read_merge (plan, path);
      GListModel *refusals = fita_merge_get_refusals (merge);

      for (guint i = 0; i < g_list_model_get_n_items (refusals); i++)
        {
          g_autoptr(FitaMergeRefusal) refusal = g_list_model_get_item (refusals, i);
          g_test_message ("%s", fita_merge_refusal_get_reason (refusal));
        }
      g_assert_false (fita_merge_is_refused (merge));
      g_assert_cmpuint (fita_merge_get_n_items (merge), ==, 0);
    }
}

/* Numbers typed as text, as people write them in the plan's language. */
static void
fill_typed (FitaForm *form)
{
  set_text (form, FITA_FORM_ITEMS, 0, C_EXEC1, "1.250,75 €");
  set_text (form, FITA_FORM_ITEMS, 0, C_PERCENT, "45,5 %");
  set_text (form, FITA_FORM_INDICATORS, 0, INDICATOR_VALUE, "12,5");
}

static void
test_typed_as_text (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_typed);
  g_autoptr(FitaMerge) merge = read_merge (plan, path);
  g_autoptr(GError) error = NULL;

  g_assert_false (fita_merge_is_refused (merge));
  g_assert_true (fita_merge_apply (merge, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (executed (plan, "1.1", "Capítol 1"), ==, 125075);
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 4550);
  g_assert_cmpstr (indicator_value (plan), ==, "12.5");
}

/* An emptied cell is "no value", never 0; a 0 typed is 0. */
static void
fill_empty (FitaForm *form)
{
  set_text (form, FITA_FORM_ITEMS, 0, C_STATUS, NULL);
  set_text (form, FITA_FORM_ITEMS, 0, C_PERCENT, NULL);
  set_text (form, FITA_FORM_ITEMS, 0, C_EXEC1, NULL);
  set_text (form, FITA_FORM_ITEMS, 0, C_EXECUTION, NULL);
  set_text (form, FITA_FORM_INDICATORS, 0, INDICATOR_VALUE, NULL);
  set_number (form, FITA_FORM_ITEMS, 1, C_PERCENT, "0");
}

static void
test_empty_is_not_zero (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_XLSX, fill_empty);
  g_autoptr(FitaMerge) merge = read_merge (plan, path);
  g_autoptr(GError) error = NULL;

  g_assert_false (fita_merge_is_refused (merge));
  g_assert_null (fita_merge_field_get_form_text (find_field (merge, "1.1", "progress")));
  g_assert_true (fita_merge_apply (merge, plan, &error));
  g_assert_no_error (error);
  g_assert_null (status_of (plan, "1.1"));
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, FITA_NONE);
  g_assert_cmpint (executed (plan, "1.1", "Capítol 1"), ==, FITA_NONE);
  g_assert_null (followup (plan, "1.1", "execution"));
  g_assert_null (indicator_value (plan));
  g_assert_cmpint (fita_test_item (plan, "1.2")->progress_bp, ==, 0);
  /* the planned amount of the line is kept */
  g_assert_nonnull (fita_plan_find_budget_line (plan, fita_test_item (plan, "1.1")->rec.id, 2025,
                                                ((FitaChapter *) fita_plan_find_by_name (plan, FITA_TABLE_CHAPTER, "Capítol 1"))->rec.id));
}

/* Conflicts: the plan changed since the form was made */

static void
fill_progress_70 (FitaForm *form)
{
  set_number (form, FITA_FORM_ITEMS, 0, C_PERCENT, "70");
  set_text (form, FITA_FORM_ITEMS, 0, C_STRENGTHS, "Bon equip");
  set_text (form, FITA_FORM_ITEMS, 0, C_STATUS, "Acabat");
}

static void
check_conflict (FitaMergeDecision decision)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_progress_70);
  g_autoptr(FitaMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  FitaMergeField *field;
  FitaStatus *done = fita_plan_find_by_name (plan, FITA_TABLE_STATUS, "Acabat");

  /* since the form was sent, the officer set 50 %, and the same status as the form */
  g_assert_true (fita_plan_set_int (plan, fita_test_item (plan, "1.1"), "progress", 5000, &error));
  g_assert_true (fita_plan_set_int (plan, fita_test_item (plan, "1.1"), "status_id", done->rec.id, &error));
  g_assert_no_error (error);
  merge = read_merge (plan, path);
  g_assert_false (fita_merge_is_refused (merge));
  g_assert_cmpuint (fita_merge_get_n_conflicts (merge), ==, 1);
  g_assert_cmpuint (fita_merge_get_n_undecided (merge), ==, 1);
  g_assert_null (find_field (merge, "1.1", "status"));        /* both agree */
  field = find_field (merge, "1.1", "progress");
  g_assert_true (fita_merge_field_get_conflict (field));
  g_assert_cmpint (fita_merge_field_get_decision (field), ==, FITA_MERGE_UNDECIDED);
  g_assert_nonnull (strstr (fita_merge_field_get_plan_text (field), "50"));
  g_assert_nonnull (strstr (fita_merge_field_get_form_text (field), "70"));
  g_assert_nonnull (strstr (fita_merge_field_get_sent_text (field), "40"));
  g_assert_false (fita_merge_field_get_conflict (find_field (merge, "1.1", "strengths")));

  /* undecided: nothing applied */
  g_assert_false (fita_merge_can_apply (merge));
  g_assert_false (fita_merge_apply (merge, plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (followup (plan, "1.1", "strengths"));

  fita_merge_field_set_decision (field, decision);
  g_assert_cmpuint (fita_merge_get_n_undecided (merge), ==, 0);
  g_assert_true (fita_merge_can_apply (merge));
  g_assert_true (fita_merge_apply (merge, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, decision == FITA_MERGE_TAKE_FORM ? 7000 : 5000);
  g_assert_cmpstr (followup (plan, "1.1", "strengths"), ==, "Bon equip");
}

static void
test_conflict_take_form (void)
{
  check_conflict (FITA_MERGE_TAKE_FORM);
}

static void
test_conflict_keep_plan (void)
{
  check_conflict (FITA_MERGE_KEEP_PLAN);
}

/* Decisions for every conflict at once, and the plan changed after the
 * comparison: compare again. */
static void
test_decide_all_and_stale (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_progress_70);
  g_autoptr(FitaMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_set_int (plan, fita_test_item (plan, "1.1"), "progress", 5000, &error));
  merge = read_merge (plan, path);
  fita_merge_decide_conflicts (merge, FITA_MERGE_TAKE_FORM);
  g_assert_cmpuint (fita_merge_get_n_undecided (merge), ==, 0);
  g_assert_true (fita_merge_can_apply (merge));
  g_assert_true (fita_plan_set_int (plan, fita_test_item (plan, "1.2"), "progress", 1000, &error));
  g_assert_false (fita_merge_apply (merge, plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 5000);
  fita_merge_compare (merge, plan);
  fita_merge_decide_conflicts (merge, FITA_MERGE_TAKE_FORM);
  g_assert_true (fita_merge_apply (merge, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 7000);
}

/* Two services answer for the same item: the second to be merged sees the
 * field changed in the plan since its form was made. */
static void
fill_a (FitaForm *form)
{
  set_number (form, FITA_FORM_ITEMS, 0, C_PERCENT, "60");
}

static void
fill_b (FitaForm *form)
{
  set_number (form, FITA_FORM_ITEMS, 0, C_PERCENT, "80");
  set_text (form, FITA_FORM_ITEMS, 0, C_NEXT, "Avaluar");
}

static void
test_two_services (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *form_a = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_a);
  g_autofree char *form_b = write_form (plan, "Servei B", 2025, FITA_FORMS_XLSX, fill_b);
  g_autoptr(FitaMerge) merge_a = read_merge (plan, form_a);
  g_autoptr(FitaMerge) merge_b = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  FitaMergeField *field;

  g_assert_cmpuint (fita_merge_get_n_conflicts (merge_a), ==, 0);
  g_assert_true (fita_merge_apply (merge_a, plan, &error));
  g_assert_no_error (error);
  merge_b = read_merge (plan, form_b);
  g_assert_cmpstr (fita_merge_get_agent_name (merge_b), ==, "Servei B");
  g_assert_cmpuint (fita_merge_get_n_conflicts (merge_b), ==, 1);
  field = find_field (merge_b, "1.1", "progress");
  g_assert_true (fita_merge_field_get_conflict (field));
  g_assert_nonnull (strstr (fita_merge_field_get_plan_text (field), "60"));
  g_assert_false (fita_merge_field_get_conflict (find_field (merge_b, "1.1", "next_steps")));
  fita_merge_decide_conflicts (merge_b, FITA_MERGE_KEEP_PLAN);
  g_assert_true (fita_merge_apply (merge_b, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 6000);

  log = fita_plan_read_log (plan, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((FitaLogChange *) g_ptr_array_index (log, 0))->source, ==, "Servei B");
  g_assert_cmpstr (((FitaLogChange *) g_ptr_array_index (log, 1))->source, ==, "Servei A");
}

/* Refusals */

/* The sheets as the plan's language names them ("ITEMS", "INDICATORS"). */
static const char *
sheet_name (FitaPlan *plan, const char *which)
{
  g_autoptr(FitaForm) form = NULL;
  static char *names[2];
  guint i = g_strcmp0 (which, "INDICATORS") == 0;

  if (which == NULL || (!g_str_equal (which, "ITEMS") && i == 0))
    return which;
  if (names[i] == NULL)
    {
      form = fita_form_new (plan, fita_test_agent (plan, "Servei A"), 2025);
      names[i] = g_strdup (form->sheets[i ? FITA_FORM_INDICATORS : FITA_FORM_ITEMS].name);
    }
  return names[i];
}

static void
assert_refused (FitaPlan *plan, const char *path, const char *sheet, guint row, const char *code, const char *words)
{
  g_autoptr(FitaMerge) merge = read_merge (plan, path);
  g_autoptr(GError) error = NULL;
  GListModel *refusals = fita_merge_get_refusals (merge);
  guint64 generation = fita_plan_get_generation (plan);
  gboolean found = FALSE;

  sheet = sheet_name (plan, sheet);
  g_assert_true (fita_merge_is_refused (merge));
  g_assert_cmpuint (fita_merge_get_n_items (merge), ==, 0);
  g_assert_false (fita_merge_can_apply (merge));
  for (guint i = 0; i < g_list_model_get_n_items (refusals); i++)
    {
      g_autoptr(FitaMergeRefusal) refusal = g_list_model_get_item (refusals, i);
      if (g_test_verbose ())
        g_printerr ("%s %u %s: %s\n", fita_merge_refusal_get_sheet (refusal), fita_merge_refusal_get_row (refusal),
                    fita_merge_refusal_get_code (refusal), fita_merge_refusal_get_reason (refusal));
      if (g_strcmp0 (fita_merge_refusal_get_sheet (refusal), sheet) == 0 && fita_merge_refusal_get_row (refusal) == row &&
          g_strcmp0 (fita_merge_refusal_get_code (refusal), code) == 0 &&
          strstr (fita_merge_refusal_get_reason (refusal), words) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_false (fita_merge_apply (merge, plan, &error));
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_cmpuint (fita_plan_get_generation (plan), ==, generation);
}

static void
test_refuse_other_plan (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autoptr(FitaPlan) other = fita_test_plan_from_json (plan_json);
  g_autofree char *path = write_form (other, "Servei A", 2025, FITA_FORMS_ODS, fill_clean);

  assert_refused (plan, path, NULL, 0, NULL, "another plan");
}

static void
test_refuse_other_year (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2026, FITA_FORMS_ODS, fill_clean);

  assert_refused (plan, path, NULL, 0, NULL, "follows up 2025");
}

static void
test_refuse_closed_year (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_clean);
  g_autoptr(GError) error = NULL;

  g_assert_true (fita_plan_close_year (plan, 2025, "Oficina", &error));
  g_assert_no_error (error);
  assert_refused (plan, path, NULL, 0, NULL, "closed");
}

static void
fill_edited_key (FitaForm *form)
{
  fill_clean (form);
  /* someone "corrected" the percent as sent in the hidden sheet */
  set_text (form, FITA_FORM_KEY, 0, KEY_SENT_PROGRESS, "9000");
}

static void
test_refuse_edited_key (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_edited_key);

  g_autoptr(FitaMerge) merge = NULL;

  assert_refused (plan, path, FITA_FORM_KEY_SHEET, 2, "1.1", "key of this row was edited");
  /* its row is not taken for an added one */
  merge = read_merge (plan, path);
  g_assert_cmpuint (g_list_model_get_n_items (fita_merge_get_refusals (merge)), ==, 1);
}

/* The first two rows of items swapped in their first n_columns cells. */
static void
swap_first_rows (FitaForm *form, guint n_columns)
{
  FitaFormSheet *sheet = items_sheet (form);

  for (guint c = 0; c < n_columns; c++)
    {
      FitaExportCell first = *fita_form_cell (sheet, 0, c);
      *fita_form_cell (sheet, 0, c) = *fita_form_cell (sheet, 1, c);
      *fita_form_cell (sheet, 1, c) = first;
    }
}

/* the two rows of items swapped, keys with them */
static void
fill_moved (FitaForm *form)
{
  swap_first_rows (form, items_sheet (form)->n_columns);
}

static void
test_refuse_row_moved (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_XLSX, fill_moved);

  assert_refused (plan, path, "ITEMS", 3, "1.1", "moved (it was row 2)");
}

/* sorted by a column, the hidden key left behind */
static void
fill_sorted (FitaForm *form)
{
  swap_first_rows (form, C_KEY);
}

static void
test_refuse_sorted (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_sorted);

  assert_refused (plan, path, "ITEMS", 2, "1.2", "sorted or moved apart");
}

static void
fill_deleted (FitaForm *form)
{
  items_sheet (form)->n_rows = 1;
}

static void
test_refuse_row_deleted (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_deleted);

  assert_refused (plan, path, "ITEMS", 3, "1.2", "deleted");
}

static void
fill_added (FitaForm *form)
{
  FitaFormSheet *sheet = items_sheet (form);
  FitaExportCell *cells = g_new0 (FitaExportCell, (sheet->n_rows + 1) * sheet->n_columns);

  memcpy (cells, sheet->cells, sizeof *cells * sheet->n_rows * sheet->n_columns);
  g_free (sheet->cells);
  sheet->cells = cells;
  sheet->n_rows++;
  set_text (form, FITA_FORM_ITEMS, 2, C_CODE, "1.3");
  set_text (form, FITA_FORM_ITEMS, 2, C_TITLE, "Una acció nova");
  set_number (form, FITA_FORM_ITEMS, 2, C_PERCENT, "10");
}

static void
test_refuse_row_added (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_XLSX, fill_added);

  assert_refused (plan, path, "ITEMS", 4, "1.3", "added");
}

/* a column of items deleted (the title), every row with it */
static void
fill_column_deleted (FitaForm *form)
{
  FitaFormSheet *sheet = items_sheet (form);
  guint n = sheet->n_columns - 1;
  FitaExportCell *cells = g_new0 (FitaExportCell, sheet->n_rows * n);

  for (guint r = 0; r < sheet->n_rows; r++)
    for (guint c = 0, to = 0; c < sheet->n_columns; c++)
      if (c != C_TITLE)
        cells[r * n + to++] = *fita_form_cell (sheet, r, c);
  memmove (&sheet->columns[C_TITLE], &sheet->columns[C_TITLE + 1], sizeof *sheet->columns * (n - C_TITLE));
  g_free (sheet->cells);
  sheet->cells = cells;
  sheet->n_columns = n;
}

static void
test_refuse_column_deleted (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_column_deleted);
  g_autoptr(FitaMerge) merge = NULL;

  assert_refused (plan, path, "ITEMS", 1, NULL, "Columns were added, deleted or moved");
  /* once for the sheet, not once more for each of its rows */
  merge = read_merge (plan, path);
  g_assert_cmpuint (g_list_model_get_n_items (fita_merge_get_refusals (merge)), ==, 1);
}

static void
fill_percent_120 (FitaForm *form)
{
  fill_clean (form);
  set_number (form, FITA_FORM_ITEMS, 1, C_PERCENT, "120");
}

static void
fill_percent_decimals (FitaForm *form)
{
  set_number (form, FITA_FORM_ITEMS, 0, C_PERCENT, "12.345");
}

static void
fill_negative (FitaForm *form)
{
  set_cents (form, 0, C_EXEC2, -50000);
}

static void
fill_too_large (FitaForm *form)
{
  set_number (form, FITA_FORM_ITEMS, 0, C_EXEC1, "20000000000000");
}

static void
fill_unknown_status (FitaForm *form)
{
  set_text (form, FITA_FORM_ITEMS, 1, C_STATUS, "Gairebé fet");
}

static void
fill_control (FitaForm *form)
{
  /* a C1 control character: XML carries it, a plan may not hold it */
  set_text (form, FITA_FORM_ITEMS, 0, C_STRENGTHS, "Bé\xc2\x80");
}

static void
fill_indicator_words (FitaForm *form)
{
  set_text (form, FITA_FORM_INDICATORS, 0, INDICATOR_VALUE, "molts");
}

static void
test_refuse_values (void)
{
  static const struct {
    FillFunc fill;
    const char *sheet;
    guint row;
    const char *code;
    const char *words;
  } cases[] = {
    { fill_percent_120, "ITEMS", 3, "1.2", "not a percentage" },
    { fill_percent_decimals, "ITEMS", 2, "1.1", "more than two decimals" },
    { fill_negative, "ITEMS", 2, "1.1", "may not be negative" },
    { fill_too_large, "ITEMS", 2, "1.1", "more than Fita keeps" },
    { fill_unknown_status, "ITEMS", 3, "1.2", "not one of the plan’s statuses" },
    { fill_control, "ITEMS", 2, "1.1", "control character" },
    { fill_indicator_words, "INDICATORS", 2, "1.1", "molts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (FitaFormsFormat format = FITA_FORMS_ODS; format <= FITA_FORMS_XLSX; format++)
      {
        g_autofree char *plan_path = NULL;
        g_autoptr(FitaPlan) plan = new_plan (&plan_path);
        g_autofree char *path = write_form (plan, "Servei A", 2025, format, cases[i].fill);

        g_test_message ("case %u, %s", i, format == FITA_FORMS_XLSX ? "xlsx" : "ods");
        assert_refused (plan, path, cases[i].sheet, cases[i].row, cases[i].code, cases[i].words);
        g_assert_cmpint (fita_test_item (plan, "1.1")->progress_bp, ==, 4000);
      }
}

/* A text longer than a plan keeps (an ODS holds it whole). */
static char *long_text;

static void
fill_too_long (FitaForm *form)
{
  set_text (form, FITA_FORM_ITEMS, 1, C_NEXT, long_text);
}

static void
test_refuse_text_too_long (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = NULL;

  long_text = g_strnfill (FITA_MAX_TEXT + 1, 'x');
  path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_too_long);
  /* the reader stops at the cell, which it names */
  assert_refused (plan, path, "ITEMS", 0, NULL, "cell K3: it holds more than 100000 bytes");
  g_clear_pointer (&long_text, g_free);
}

/* A workbook with no key sheet is no form: an error, not a refusal. */
static void
test_not_a_form (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *dir = fita_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "export.ods", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FitaMerge) merge = NULL;

  g_assert_true (fita_export_ods (plan, "ca", path, NULL, &error));
  g_assert_no_error (error);
  merge = fita_merge_read (plan, path, &error);
  g_assert_null (merge);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not an update form"));
  g_clear_error (&error);
  merge = fita_merge_read (plan, "/nonexistent/form.ods", &error);
  g_assert_null (merge);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* a text table (here a plan's JSON, read as CSV) has no sheets at all,
   * so no key sheet: not a form, rather than a form whose key was edited */
  g_free (path);
  path = g_build_filename (dir, "plan.json", NULL);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"fita\"}\n", -1, NULL));
  merge = fita_merge_read (plan, path, &error);
  g_assert_null (merge);
  g_assert_error (error, FITA_ERROR, FITA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not an update form"));
}

/* The file is read in a thread, compared on the caller's. */
static void
read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  FitaMerge **out = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (FITA_IS_PLAN (source));
  *out = fita_merge_read_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *plan_path = NULL;
  g_autoptr(FitaPlan) plan = new_plan (&plan_path);
  g_autofree char *path = write_form (plan, "Servei A", 2025, FITA_FORMS_ODS, fill_clean);
  g_autoptr(FitaMerge) merge = NULL;

  fita_merge_read_async (plan, path, NULL, read_done, &merge);
  while (merge == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fita_merge_get_n_fields (merge), ==, 8);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/clean/ods", test_clean_ods);
  g_test_add_func ("/merge/clean/xlsx", test_clean_xlsx);
  g_test_add_func ("/merge/untouched", test_untouched);
  g_test_add_func ("/merge/empty-is-not-zero", test_empty_is_not_zero);
  g_test_add_func ("/merge/texts-as-given-back", test_texts_as_given_back);
  g_test_add_func ("/merge/typed-as-text", test_typed_as_text);
  g_test_add_func ("/merge/conflict/take-form", test_conflict_take_form);
  g_test_add_func ("/merge/conflict/keep-plan", test_conflict_keep_plan);
  g_test_add_func ("/merge/conflict/decide-all-and-stale", test_decide_all_and_stale);
  g_test_add_func ("/merge/two-services", test_two_services);
  g_test_add_func ("/merge/refuse/other-plan", test_refuse_other_plan);
  g_test_add_func ("/merge/refuse/other-year", test_refuse_other_year);
  g_test_add_func ("/merge/refuse/closed-year", test_refuse_closed_year);
  g_test_add_func ("/merge/refuse/edited-key", test_refuse_edited_key);
  g_test_add_func ("/merge/refuse/row-moved", test_refuse_row_moved);
  g_test_add_func ("/merge/refuse/sorted", test_refuse_sorted);
  g_test_add_func ("/merge/refuse/row-deleted", test_refuse_row_deleted);
  g_test_add_func ("/merge/refuse/row-added", test_refuse_row_added);
  g_test_add_func ("/merge/refuse/column-deleted", test_refuse_column_deleted);
  g_test_add_func ("/merge/refuse/values", test_refuse_values);
  g_test_add_func ("/merge/refuse/text-too-long", test_refuse_text_too_long);
  g_test_add_func ("/merge/not-a-form", test_not_a_form);
  g_test_add_func ("/merge/async", test_async);
  return g_test_run ();
}
