/* fita-cli log: who changed what, and when (the plan's change log). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fita-cli-private.h"
#include "fita-log.h"

/* entries shown on a change's line; --json has them all */
#define MAX_ENTRIES_SHOWN 4
/* characters of a value shown on a line */
#define MAX_VALUE_SHOWN 40

/* The item an entry belongs to, by its code (as it is now), or its number
 * once deleted; NULL for the plan's own records. */
static char *
item_name (FitaPlan *plan, const FitaLogEntry *entry)
{
  FitaItem *item;

  if (entry->item == 0)
    return NULL;
  item = fita_plan_lookup (plan, FITA_TABLE_ITEM, entry->item);
  if (item != NULL && item->code != NULL)
    return g_strdup (item->code);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, entry->item);
}

/* A value on one short line; "-" for none. */
static void
append_value (GString *line, const char *value)
{
  g_autofree char *flat = NULL;

  if (value == NULL || *value == '\0')
    {
      g_string_append (line, "-");
      return;
    }
  flat = g_strdelimit (g_strdup (value), "\r\n\t", ' ');
  append_cut (line, flat, MAX_VALUE_SHOWN);
}

static void
append_entry (GString *line, FitaPlan *plan, const FitaLogEntry *entry)
{
  g_autofree char *item = item_name (plan, entry);

  if (item != NULL)
    g_string_append_printf (line, "%s ", item);
  if (entry->item == 0 || !g_str_equal (entry->table, "item"))
    g_string_append_printf (line, "%s ", entry->table);
  switch (entry->kind)
    {
    case FITA_CHANGE_UPDATED:
      g_string_append_printf (line, "%s ", entry->field);
      append_value (line, entry->old_value);
      g_string_append (line, " → ");
      append_value (line, entry->new_value);
      break;
    case FITA_CHANGE_INSERTED:
      /* Translators: in fita-cli log, a record added: "11.3 link added: https://…" */
      g_string_append (line, _("added: "));
      append_value (line, entry->new_value);
      break;
    case FITA_CHANGE_DELETED:
      /* Translators: in fita-cli log, a record removed */
      g_string_append (line, _("removed: "));
      append_value (line, entry->old_value);
      break;
    }
}

static void
print_change (FitaPlan *plan, const FitaLogChange *change)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *when = fita_log_format_time (change->at);

  g_string_append_printf (line, "%s  %s", when, change->author);
  if (change->source != NULL)
    g_string_append_printf (line, " (%s)", change->source);
  /* Translators: in fita-cli log, a change made with no name */
  g_string_append_printf (line, "  %s", change->label ? change->label : _("Change"));
  for (guint i = 0; i < change->entries->len && i < MAX_ENTRIES_SHOWN; i++)
    {
      g_string_append (line, i ? "; " : "  ");
      append_entry (line, plan, g_ptr_array_index (change->entries, i));
    }
  if (change->entries->len > MAX_ENTRIES_SHOWN)
    {
      guint more = change->entries->len - MAX_ENTRIES_SHOWN;
      g_string_append (line, "; ");
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
  g_print ("%s\n", line->str);
}

static void
add_change (JsonBuilder *builder, FitaPlan *plan, const FitaLogChange *change)
{
  json_builder_begin_object (builder);
  json_add_text_or_null (builder, "at", change->at);
  json_add_text_or_null (builder, "author", change->author);
  json_add_text_or_null (builder, "source", change->source);
  json_add_text_or_null (builder, "label", change->label);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < change->entries->len; i++)
    {
      const FitaLogEntry *entry = g_ptr_array_index (change->entries, i);
      g_autofree char *item = item_name (plan, entry);

      json_builder_begin_object (builder);
      json_add_text_or_null (builder, "kind", fita_log_kind_keyword (entry->kind));
      json_add_text_or_null (builder, "table", entry->table);
      json_add_int (builder, "record", entry->record);
      json_add_text_or_null (builder, "item", item);
      json_add_text_or_null (builder, "field", entry->field);
      json_add_text_or_null (builder, "old", entry->old_value);
      json_add_text_or_null (builder, "new", entry->new_value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
cmd_log (int argc, char **argv)
{
  g_autofree char *code = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "item", 'i', 0, G_OPTION_ARG_STRING, &code, N_("Only the changes to this item and its own records"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — who changed what in the plan, and when, newest first"));
  g_autoptr(FitaPlan) plan = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  FitaItem *item = NULL;
  int status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail_usage (context, _("log takes one FILE"));
  if (!(plan = open_plan (argv[1], FITA_OPEN_READ_ONLY, &status)))
    return status;
  if (code != NULL && (item = find_item (plan, argv[1], code, &status)) == NULL)
    return status;
  if (!(changes = fita_plan_read_log (plan, item ? item->rec.id : 0, 0, &error)))
    return fail_file (argv[1], error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        add_change (builder, plan, g_ptr_array_index (changes, i));
      json_builder_end_array (builder);
      json_print (builder);
      return 0;
    }
  for (guint i = 0; i < changes->len; i++)
    print_change (plan, g_ptr_array_index (changes, i));
  return 0;
}
