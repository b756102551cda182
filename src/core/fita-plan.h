/* fita-plan.h: a whole plan in memory, and every change to it.
 *
 * A FitaPlan holds all the records of one .fita file. Readers use the
 * lookup and list functions; writers make changes with fita_plan_set_*,
 * fita_plan_insert, fita_plan_delete and fita_plan_move, optionally grouped
 * with fita_plan_begin/fita_plan_end into one undoable change. A change is
 * written to the file in one transaction before it returns; if any part
 * fails, nothing of it is kept, in the file or in memory.
 */
#pragma once

#include <glib-object.h>
#include "fita-i18n.h"
#include "fita-schema.h"

G_BEGIN_DECLS

#define FITA_TYPE_PLAN (fita_plan_get_type ())
G_DECLARE_FINAL_TYPE (FitaPlan, fita_plan, FITA, PLAN, GObject)

/* What one change did, record by record (see FitaPlan::changed). */
typedef struct _FitaChanges FitaChanges;

typedef enum {
  FITA_CHANGE_INSERTED,
  FITA_CHANGE_UPDATED,
  FITA_CHANGE_DELETED,
} FitaChangeKind;

guint     fita_changes_get_length   (const FitaChanges *changes);
/* The index-th step: which record, and for updates which field. A record
 * may appear more than once. */
void      fita_changes_get          (const FitaChanges *changes,
                                     guint              index,
                                     FitaTableId       *table,
                                     gint64            *id,
                                     FitaChangeKind    *kind,
                                     const char       **field);
gboolean  fita_changes_touches      (const FitaChanges *changes,
                                     FitaTableId        table);
/* Whether the ordered list of owner's records of this table was changed
 * (records added, removed or moved in or out of it, or reordered). */
gboolean  fita_changes_list_changed (const FitaChanges *changes,
                                     FitaTableId        table,
                                     gint64             owner);

/* What a change means to what is read from the plan, decided here once so
 * that every view agrees:
 * - PROGRESS: progress (of items, rolled up, and of the plan);
 * - BUDGETS: budget figures (planned and executed amounts, their years and
 *   chapters, and the planned totals);
 * - TREE: which items there are and where (items added, deleted, moved to
 *   another parent or another place among their siblings);
 * - ITEM_LABELS: the levels, statuses and agents items are shown with and
 *   given from (one added or deleted, renamed, recoloured, reordered or
 *   put under another), which every item that refers to one shows;
 * - PERIOD: the years the plan covers and the year it follows up;
 * - ITEM_NAMES: what items are called (one added or deleted, a code or
 *   title changed), which lists, charts and menus name them by;
 * - ITEM_LEVELS: the level of an item (one added or deleted, or given
 *   another level), which views that group or filter by level follow. */
typedef enum {
  FITA_CHANGES_ALTER_NOTHING     = 0,
  FITA_CHANGES_ALTER_PROGRESS    = 1 << 0,
  FITA_CHANGES_ALTER_BUDGETS     = 1 << 1,
  FITA_CHANGES_ALTER_TREE        = 1 << 2,
  FITA_CHANGES_ALTER_ITEM_LABELS = 1 << 3,
  FITA_CHANGES_ALTER_PERIOD      = 1 << 4,
  FITA_CHANGES_ALTER_ITEM_NAMES  = 1 << 5,
  FITA_CHANGES_ALTER_ITEM_LEVELS = 1 << 6,
} FitaChangesEffects;

FitaChangesEffects fita_changes_get_effects (const FitaChanges *changes);

typedef enum {
  FITA_OPEN_DEFAULT = 0,
  FITA_OPEN_READ_ONLY = 1 << 0,
} FitaOpenFlags;

FitaPlan     *fita_plan_new            (void);
/* A new plan with a title, two levels, three statuses and three budget
 * chapters, named in the UI's language… */
FitaPlan     *fita_plan_new_default    (const char     *title);
/* … or in lang ("ca", "es", "en"), which becomes the plan's language. */
FitaPlan     *fita_plan_new_default_in (const char     *title,
                                        const char     *lang);
/* What a user may change in a shared plan, as its server enforces it. */
typedef enum {
  FITA_ACCESS_ALL,        /* a coordinator (and anyone with a file): everything */
  FITA_ACCESS_FOLLOW_UP,  /* a service: the follow-up of the items it answers for */
  FITA_ACCESS_READ,       /* a reader: nothing */
} FitaAccess;

/* path: a .fita file, or a shared plan's PostgreSQL URI
 * (postgresql://host/database?plan=NAME; see fita_location_is_shared). */
FitaPlan     *fita_plan_open           (const char     *path,
                                        FitaOpenFlags   flags,
                                        GError        **error);
/* The same, with the password the server asks for (NULL: libpq's
 * PGPASSWORD or ~/.pgpass). FITA_ERROR_PASSWORD: one is needed, or the
 * one given was refused. */
FitaPlan     *fita_plan_open_full      (const char     *location,
                                        FitaOpenFlags   flags,
                                        const char     *password,
                                        GError        **error);

/* Shared plans */

/* Whether location names a shared plan rather than a file. */
gboolean      fita_location_is_shared  (const char     *location);
/* A location as shown to people and kept in lists of recent plans: a URI
 * without any password in it. */
char         *fita_location_display    (const char     *location);
gboolean      fita_plan_is_shared      (FitaPlan       *plan);
/* Whether the connection to the plan's server is up (FitaPlan:connected);
 * always TRUE for a file. */
gboolean      fita_plan_get_connected  (FitaPlan       *plan);
/* Follows others' changes to a shared plan from now on, on the
 * thread-default main context: applies them as they come (FitaPlan::changed,
 * with fita_changes_is_remote), notices a lost connection
 * (notify::connected), reconnects by itself and then applies what changed
 * meanwhile. Does nothing for a file. */
void          fita_plan_watch          (FitaPlan       *plan);
/* Applies others' changes now (what fita_plan_watch does when told). */
gboolean      fita_plan_refresh        (FitaPlan       *plan,
                                        GError        **error);
/* A change made by someone else, read from the server (not undoable). */
gboolean      fita_changes_is_remote   (const FitaChanges *changes);
FitaAccess    fita_plan_get_access     (FitaPlan       *plan);
/* The agent whose items a service follows up (FITA_ACCESS_FOLLOW_UP). */
const char   *fita_plan_get_access_agent (FitaPlan     *plan);
/* The user a shared plan is changed as (the PostgreSQL role); NULL for a file. */
const char   *fita_plan_get_user       (FitaPlan       *plan);
/* Whether the user may change field (NULL: add or delete the record) of a
 * record, as the server decides it; for greying out what would be refused. */
gboolean      fita_plan_may_change     (FitaPlan       *plan,
                                        FitaTableId     table,
                                        gint64          id,
                                        const char     *field);
/* After a change failed with FITA_ERROR_CONFLICT (someone else changed the
 * same record first), the plan shows their version; the refused change is
 * kept until one of these: make it again on top of theirs ("keep mine"),
 * or forget it ("take theirs"). */
gboolean      fita_plan_has_conflict   (FitaPlan       *plan);
gboolean      fita_plan_keep_mine      (FitaPlan       *plan,
                                        GError        **error);
void          fita_plan_take_theirs    (FitaPlan       *plan);
/* Writes the whole plan to a new file at path (which must not exist) and
 * keeps the plan attached to it, holding the file's edit lock. */
gboolean      fita_plan_save_new       (FitaPlan       *plan,
                                        const char     *path,
                                        GError        **error);
/* A consistent copy of the file, written atomically (SQLite backup API). */
gboolean      fita_plan_save_copy      (FitaPlan       *plan,
                                        const char     *path,
                                        GError        **error);
/* A copy of the plan as it is now, in a new temporary folder of its own,
 * for a thread to read while the plan goes on changing: the copy's path.
 * fita_plan_remove_snapshot () deletes the copy and its folder. */
char         *fita_plan_save_snapshot  (FitaPlan       *plan,
                                        GError        **error);
void          fita_plan_remove_snapshot (const char    *snapshot);
void          fita_plan_close          (FitaPlan       *plan);

const char   *fita_plan_get_path       (FitaPlan       *plan);
gboolean      fita_plan_is_read_only   (FitaPlan       *plan);
const char   *fita_plan_get_read_only_reason (FitaPlan *plan);
/* Set when opening upgraded the file from an older Fita: where the copy
 * taken before the upgrade is. */
const char   *fita_plan_get_backup_path (FitaPlan      *plan);
/* Set when opening rolled back a change that a program (Fita or another)
 * left half-made when it stopped: the plan is as it was at its last
 * complete change. */
gboolean      fita_plan_was_recovered  (FitaPlan       *plan);
/* Bumped by every change (and undo/redo); caches compare it. */
guint64       fita_plan_get_generation (FitaPlan       *plan);

FitaPlanInfo *fita_plan_get_info       (FitaPlan       *plan);
/* The period of validity for people: "2019–2026", "2019", or NULL. */
char         *fita_plan_format_period  (FitaPlan       *plan);
/* The year a report or a view follows up when none is chosen: the plan's
 * followed year if it lies in the period of validity; otherwise the latest
 * year of the period that has begun, that is the current year clamped into
 * the period (the first year for a plan yet to start, the last for one
 * that has ended). Never a year outside the period. */
gint64        fita_plan_default_year   (FitaPlan       *plan);
/* Years from start to end for people, by the rule of the plan's period:
 * "2019–2026"; "2021" when they are the same or one is FITA_NONE; NULL
 * when both are. tr: the language (NULL: the UI's). */
char         *fita_format_years        (gint64          start,
                                        gint64          end,
                                        FitaTranslator *tr);
gpointer      fita_plan_lookup         (FitaPlan       *plan,
                                        FitaTableId     table,
                                        gint64          id);
/* The records that belong to owner (0: the top level), in order. Never NULL;
 * owned by the plan and valid until the next change. */
GPtrArray    *fita_plan_list           (FitaPlan       *plan,
                                        FitaTableId     table,
                                        gint64          owner);
guint         fita_plan_count          (FitaPlan       *plan,
                                        FitaTableId     table);
gpointer      fita_plan_find_by_name   (FitaPlan       *plan,
                                        FitaTableId     table,
                                        const char     *name);
FitaItem     *fita_plan_find_item      (FitaPlan       *plan,
                                        const char     *code);
/* Every item below root (NULL: the whole plan; root itself first if given),
 * parents before their children, in the plan's order. A new array: free it
 * with g_ptr_array_unref(); the items belong to the plan. */
GPtrArray    *fita_plan_items_preorder (FitaPlan       *plan,
                                        FitaItem       *root);
guint         fita_plan_item_depth     (FitaPlan       *plan,
                                        FitaItem       *item);
gboolean      fita_plan_item_is_leaf   (FitaPlan       *plan,
                                        FitaItem       *item);

/* A new record, not yet in the plan, with a fresh id and default values. */
gpointer      fita_plan_new_record     (FitaPlan       *plan,
                                        FitaTableId     table);

void          fita_plan_begin          (FitaPlan       *plan,
                                        const char     *label);
gboolean      fita_plan_end            (FitaPlan       *plan,
                                        GError        **error);
/* Ends the current change keeping none of it, in the file or in memory. */
void          fita_plan_cancel         (FitaPlan       *plan);

gboolean      fita_plan_set_int        (FitaPlan       *plan,
                                        gpointer        record,
                                        const char     *field,
                                        gint64          value,
                                        GError        **error);
gboolean      fita_plan_set_text       (FitaPlan       *plan,
                                        gpointer        record,
                                        const char     *field,
                                        const char     *value,
                                        GError        **error);
/* Takes record (from fita_plan_new_record); index -1 appends. */
gboolean      fita_plan_insert         (FitaPlan       *plan,
                                        gpointer        record,
                                        gint64          owner,
                                        int             index,
                                        GError        **error);
/* Deletes record with everything that belongs to it; references to it are
 * cleared. */
gboolean      fita_plan_delete         (FitaPlan       *plan,
                                        gpointer        record,
                                        GError        **error);
gboolean      fita_plan_move           (FitaPlan       *plan,
                                        gpointer        record,
                                        gint64          new_owner,
                                        int             index,
                                        GError        **error);

/* Who makes the changes from now on, as the change log (fita-log.h)
 * names them; NULL or "": the login's real name (g_get_real_name, or
 * the login itself when it has none). */
void          fita_plan_set_author     (FitaPlan       *plan,
                                        const char     *author);
const char   *fita_plan_get_author     (FitaPlan       *plan);
/* Where the changes from now on come from, for the change log: the
 * service whose form is merged, say; NULL: the author made them directly.
 * Set it for a merge and back to NULL after it. */
void          fita_plan_set_change_source (FitaPlan    *plan,
                                        const char     *source);
const char   *fita_plan_get_change_source (FitaPlan    *plan);

/* Also the properties "can-undo", "can-redo", "undo-label" and
 * "redo-label", notified when a change moves the history. */
gboolean      fita_plan_can_undo       (FitaPlan       *plan);
gboolean      fita_plan_can_redo       (FitaPlan       *plan);
const char   *fita_plan_get_undo_label (FitaPlan       *plan);
const char   *fita_plan_get_redo_label (FitaPlan       *plan);
gboolean      fita_plan_undo           (FitaPlan       *plan,
                                        GError        **error);
gboolean      fita_plan_redo           (FitaPlan       *plan,
                                        GError        **error);

/* Text any field may hold: valid UTF-8, at most FITA_MAX_TEXT bytes, no
 * control characters (but tab and line ends) nor noncharacters. */
gboolean      fita_text_validate       (const char     *text,
                                        GError        **error);
/* Checks a value for a field before it is set or imported. */
gboolean      fita_field_validate      (const FitaField *field,
                                        gint64          value,
                                        const char     *text,
                                        GError        **error);

/* For the store loader and the importer: adds a record as it is, without
 * writing or recording a change. Positions must already be in order. */
void          fita_plan_adopt_record   (FitaPlan       *plan,
                                        gpointer        record);

G_END_DECLS
