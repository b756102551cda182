/* fita-log.h: who changed what, and when.
 *
 * Every change committed to a plan's file is logged by the store in the
 * same transaction (the tables change_log and change_log_entry): when (UTC),
 * who (the plan's author), from where (its change source: a merged form's
 * service, say), the change's undo label, and field by field what it did.
 * An undo or a redo is logged as a change of its own. The log is not part
 * of the plan's records and is never undone; the JSON export carries it
 * and the import brings it back (docs/FORMAT.md).
 */
#pragma once

#include "fita-plan.h"

G_BEGIN_DECLS

/* One field changed, or one record added or removed. */
typedef struct {
  FitaChangeKind kind;
  char *table;        /* the SQL table: "item", "budget_line" */
  gint64 record;      /* the record's id */
  gint64 item;        /* the item the record is or belongs to; 0: none */
  char *field;        /* updates: the field's name ("progress"); else NULL */
  /* The values as text, NULL for none: numbers as written in JSON
   * ("88.3" for a percent, "1500.00" for money), references by name (an
   * item by its code), enums by keyword. An added record has new_value
   * and a removed one old_value: what it was ("11.3 Title", a name…). */
  char *old_value;
  char *new_value;
} FitaLogEntry;

/* One change, as logged. */
typedef struct {
  gint64 id;          /* in the order they were made */
  char *at;           /* UTC, ISO 8601: "2026-12-07T08:10:00Z" */
  char *author;
  char *source;       /* NULL: made by the author directly */
  char *label;        /* the undo label; NULL for a change with none */
  GPtrArray *entries; /* of FitaLogEntry */
} FitaLogChange;

FitaLogChange *fita_log_change_new  (void);
void           fita_log_change_free (FitaLogChange *change);
FitaLogEntry  *fita_log_entry_new   (void);
void           fita_log_entry_free  (FitaLogEntry  *entry);
const char    *fita_log_kind_keyword (FitaChangeKind kind);
gboolean       fita_log_kind_parse   (const char     *keyword,
                                      FitaChangeKind *kind);

/* The logged changes, newest first: all of them (item_id 0) or those that
 * touched item_id or its own records (budget lines, indicators and their
 * values, follow-ups, links, responsibilities), with only those entries;
 * at most limit of them (0: no limit). A new array of FitaLogChange; for a
 * plan not in a file, the log its JSON brought (empty for a new plan). */
GPtrArray     *fita_plan_read_log   (FitaPlan      *plan,
                                     gint64         item_id,
                                     guint          limit,
                                     GError       **error);

/* The moment as a person reads it, in local time: "2026-12-07 08:10". */
char          *fita_log_format_time (const char    *at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaLogChange, fita_log_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaLogEntry, fita_log_entry_free)

G_END_DECLS
