/* fita-cli merge: a filled update form merged into the plan (fita-merge.h):
 * what it changes item by item, its conflicts and refusals; nothing is
 * written with --dry-run, or while a conflict is undecided. */
#include "config.h"

#include <glib/gi18n.h>

#include "fita-cli-private.h"
#include "fita-merge.h"

static const char *
or_none (const char *text)
{
  /* Translators: no value, in "old → new" */
  return text != NULL ? text : _("(empty)");
}

/* A value on one line: a follow-up text may run over several. */
static char *
one_line (const char *text)
{
  g_autofree char *value = g_strdup (or_none (text));
  GString *line = g_string_new (NULL);

  g_strdelimit (value, "\r\n", ' ');
  append_cut (line, value, 70);
  return g_string_free (line, FALSE);
}

static void
print_changes (FitaMerge *merge)
{
  GListModel *items = fita_merge_get_items (merge);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FitaMergeItem) item = g_list_model_get_item (items, i);
      GListModel *fields = fita_merge_item_get_fields (item);

      g_autofree char *title = one_line (fita_merge_item_get_title (item) ? fita_merge_item_get_title (item) : "");

      g_print ("%s %s\n", fita_merge_item_get_code (item), title);
      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(FitaMergeField) field = g_list_model_get_item (fields, f);
          g_autofree char *plan = one_line (fita_merge_field_get_plan_text (field));
          g_autofree char *form = one_line (fita_merge_field_get_form_text (field));
          g_autofree char *sent = one_line (fita_merge_field_get_sent_text (field));

          if (!fita_merge_field_get_conflict (field))
            /* Translators: a change a form makes: the field, the plan's value → the form's */
            g_print (_("  %s: %s → %s\n"), fita_merge_field_get_label (field), plan, form);
          else
            {
              FitaMergeDecision decision = fita_merge_field_get_decision (field);
              /* Translators: a conflict: the field, the plan's value, the
               * form's, and the value when the form was made */
              g_print (_("  %s: CONFLICT: the plan has %s, the form %s (when the form was made: %s)"),
                       fita_merge_field_get_label (field), plan, form, sent);
              if (decision == FITA_MERGE_TAKE_FORM)
                g_print (" — %s\n", _("the form’s value is taken"));
              else if (decision == FITA_MERGE_KEEP_PLAN)
                g_print (" — %s\n", _("the plan’s value is kept"));
              else
                g_print ("\n");
            }
        }
    }
}

static void
print_refusals (FitaMerge *merge)
{
  GListModel *refusals = fita_merge_get_refusals (merge);

  for (guint i = 0; i < g_list_model_get_n_items (refusals); i++)
    {
      g_autoptr(FitaMergeRefusal) refusal = g_list_model_get_item (refusals, i);
      const char *sheet = fita_merge_refusal_get_sheet (refusal);
      const char *code = fita_merge_refusal_get_code (refusal);

      if (sheet == NULL)
        g_print ("  %s\n", fita_merge_refusal_get_reason (refusal));
      else if (fita_merge_refusal_get_row (refusal) == 0)
        /* Translators: where a form is refused: a whole sheet, and why */
        g_print (_("  %s: %s\n"), sheet, fita_merge_refusal_get_reason (refusal));
      else if (code != NULL)
        /* Translators: where a form is refused: its sheet, row, the item's code, and why */
        g_print (_("  %s, row %u (%s): %s\n"), sheet, fita_merge_refusal_get_row (refusal), code,
                 fita_merge_refusal_get_reason (refusal));
      else
        /* Translators: where a form is refused: its sheet, row, and why */
        g_print (_("  %s, row %u: %s\n"), sheet, fita_merge_refusal_get_row (refusal), fita_merge_refusal_get_reason (refusal));
    }
}

static void
print_json (FitaMerge *merge, gboolean applied)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *items = fita_merge_get_items (merge);
  GListModel *refusals = fita_merge_get_refusals (merge);
  static const char * const decisions[] = { NULL, "form", "plan" };

  json_builder_begin_object (builder);
  json_add_text_or_null (builder, "agent", fita_merge_get_agent_name (merge));
  json_add_int (builder, "year", fita_merge_get_year (merge));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FitaMergeItem) item = g_list_model_get_item (items, i);
      GListModel *fields = fita_merge_item_get_fields (item);
      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(FitaMergeField) field = g_list_model_get_item (fields, f);
          json_builder_begin_object (builder);
          json_add_text_or_null (builder, "code", fita_merge_item_get_code (item));
          json_add_text_or_null (builder, "field", fita_merge_field_get_key (field));
          json_add_text_or_null (builder, "label", fita_merge_field_get_label (field));
          json_add_text_or_null (builder, "plan", fita_merge_field_get_plan_text (field));
          json_add_text_or_null (builder, "form", fita_merge_field_get_form_text (field));
          json_add_text_or_null (builder, "sent", fita_merge_field_get_sent_text (field));
          json_add_boolean (builder, "conflict", fita_merge_field_get_conflict (field));
          json_add_text_or_null (builder, "take", decisions[fita_merge_field_get_decision (field)]);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "refusals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (refusals); i++)
    {
      g_autoptr(FitaMergeRefusal) refusal = g_list_model_get_item (refusals, i);
      json_builder_begin_object (builder);
      json_add_text_or_null (builder, "sheet", fita_merge_refusal_get_sheet (refusal));
      json_add_int (builder, "row", fita_merge_refusal_get_row (refusal));
      json_add_text_or_null (builder, "code", fita_merge_refusal_get_code (refusal));
      json_add_text_or_null (builder, "reason", fita_merge_refusal_get_reason (refusal));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_add_boolean (builder, "applied", applied);
  json_builder_end_object (builder);
  json_print (builder);
}

int
cmd_merge (int argc, char **argv)
{
  g_autofree char *author = NULL;
  g_autofree char *take = NULL;
  gboolean dry_run = FALSE, as_json = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only show what the form would change; change nothing"), NULL },
    { "take", 't', 0, G_OPTION_ARG_STRING, &take,
      N_("Decide every conflict: take the form’s value (form) or keep the plan’s (plan)"), N_("form|plan") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &as_json, N_("Print the changes, conflicts and refusals as JSON"), NULL },
    AUTHOR_OPTION (author),
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    g_option_context_new (_("FILE FORM — merge an update form a service filled in: show what it changes, then apply it"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(FitaMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean applied = FALSE;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Exit status: 0 when the form was merged (with --dry-run: when it could be); 1 when it is "
                                      "refused or a conflict is undecided, and nothing is merged; 2 for usage and files."));
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return fail_usage (context, _("merge takes a FILE and a FORM"));
  if (take != NULL && !g_str_equal (take, "form") && !g_str_equal (take, "plan"))
    return fail_usage (context, _("--take must be form or plan"));

  /* a dry run does not even open the file for writing */
  if (!(plan = open_plan (argv[1], dry_run ? FITA_OPEN_READ_ONLY : FITA_OPEN_DEFAULT, &status)))
    return status;
  if (!dry_run && fita_plan_is_read_only (plan))
    {
      g_printerr ("fita-cli: %s: %s\n", argv[1], fita_plan_get_read_only_reason (plan));
      return EXIT_USAGE;
    }
  fita_plan_set_author (plan, author);
  if (!(merge = fita_merge_read (plan, argv[2], &error)))
    return fail_file (argv[2], error);
  if (take != NULL)
    fita_merge_decide_conflicts (merge, g_str_equal (take, "form") ? FITA_MERGE_TAKE_FORM : FITA_MERGE_KEEP_PLAN);

  if (fita_merge_is_refused (merge))
    status = EXIT_PROBLEMS;
  else if (fita_merge_get_n_undecided (merge) > 0)
    status = EXIT_PROBLEMS;
  else if (!dry_run && fita_merge_can_apply (merge))
    {
      guint64 before = fita_plan_get_generation (plan);

      if (!fita_merge_apply (merge, plan, &error))
        return fail_file (argv[1], error);
      /* every field kept as the plan has it changes nothing */
      applied = fita_plan_get_generation (plan) != before;
    }

  if (as_json)
    {
      print_json (merge, applied);
      return status;
    }

  summary = fita_merge_get_summary (merge);
  if (fita_merge_get_agent_name (merge) != NULL)
    /* Translators: the agent whose form is merged, its year, then the summary */
    g_print (_("Form of %s for %d: %s\n"), fita_merge_get_agent_name (merge), (int) fita_merge_get_year (merge), summary);
  else
    g_print ("%s\n", summary);
  if (fita_merge_is_refused (merge))
    {
      print_refusals (merge);
      g_print ("%s\n", _("Nothing was merged."));
      return status;
    }
  print_changes (merge);
  if (dry_run)
    g_print ("%s\n", _("Dry run: nothing was changed."));
  if (fita_merge_get_n_undecided (merge) > 0)
    g_print ("%s\n", _("Nothing can be merged until the conflicts are decided: add --take form (take the form’s values) "
                       "or --take plan (keep the plan’s), or merge the form in Fita to decide each one."));
  else if (!dry_run && !applied && fita_merge_get_n_items (merge) > 0)
    g_print ("%s\n", _("Nothing was merged: the plan’s values were kept for every conflict, and the form changes nothing else."));
  else if (applied)
    {
      g_autofree char *label = fita_merge_get_label (merge);
      /* Translators: after a merge; %s is the undo step's name, "Merge the form of …" */
      g_print (_("Merged, as one change that can be undone in Fita (“%s”).\n"), label);
    }
  return status;
}
