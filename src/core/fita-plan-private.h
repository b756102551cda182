/* fita-plan-private.h: for the core's own modules, not the UI or CLI; and,
 * below, what the parts of FitaPlan share: fita-plan.c (the records and
 * their indexes, files, reading), fita-plan-changes.c (changes, undo and
 * redo, FitaChanges) and fita-plan-edits.c (set, insert, delete, move). */
#pragma once

#include "fita-plan.h"
#include "fita-store.h"

G_BEGIN_DECLS

FitaStore *fita_plan_get_store (FitaPlan *plan);
/* The promises every reader relies on (see fita_plan_open); for plans
 * built by the importer too. */
gboolean   fita_plan_check_records (FitaPlan *plan, GError **error);

/* The parts of FitaPlan */

typedef enum { OP_SET, OP_INSERT, OP_DELETE } OpKind;

/* One step of a change, with what it takes to undo it. */
typedef struct {
  OpKind kind;
  FitaTableId table;
  gint64 id;
  guint field;                 /* OP_SET */
  gint64 old_int, new_int;     /* OP_SET, scalar fields */
  char *old_text, *new_text;   /* OP_SET, text fields */
  gpointer snapshot;           /* OP_INSERT/OP_DELETE: the record as it is in the plan */
} Op;

typedef struct {
  char *label;
  GPtrArray *ops;              /* of Op */
  GPtrArray *refused;          /* of Op: the steps of a change that failed */
} Change;

struct _FitaPlan {
  GObject parent_instance;

  FitaStore *store;
  GHashTable *by_id[FITA_N_TABLES];     /* id → record, owned */
  GHashTable *by_owner[FITA_N_TABLES];  /* owner id → GPtrArray of records */
  gint64 next_id[FITA_N_TABLES];
  guint64 generation;

  /* the change being made */
  guint depth;
  Change *current;
  GError *change_error;
  gboolean in_transaction;
  GArray *unsorted;                     /* (table, owner) pairs to re-sort */

  GPtrArray *undo;                      /* of Change */
  GPtrArray *redo;
  /* what the history properties last said, to notify only real changes */
  Change *undo_top, *redo_top;

  char *author;                         /* for the change log; NULL: the login's name */
  char *change_source;

  GHashTable *code_index;               /* code → item; dropped by any change to items */
  GError *load_error;                   /* the first damage seen while loading */

  /* a view of a closed year (fita_plan_open_year), which cannot change;
   * 0 for a plan that can */
  gint64 view_year;
  char *view_closed_at;                 /* when the year was closed */
  char *view_reason;                    /* why it cannot change, for people */
  /* the closure of the year before view_year as the plan viewed had it
   * (a copy), or NULL: what the view's year is compared with */
  FitaYearClosure *view_previous;

  /* the change log a JSON plan brought (FitaLogChange, oldest first), for
   * a plan not yet in a file: read as its log, and written to the file it
   * is first saved to (fita-log.c) */
  GPtrArray *imported_log;

  /* a shared plan: a change refused because someone else changed the same
   * records first, until kept or dropped (fita-plan-shared.c) */
  Change *conflicted;
  gboolean watching;
};

/* fita-plan.c: the indexes. A list whose positions changed is marked
 * unsorted and put back in order when next read or when the change ends. */
GPtrArray *fita_plan_owner_list          (FitaPlan     *self,
                                          FitaTableId   table,
                                          gint64        owner,
                                          gboolean      create);
void       fita_plan_mark_unsorted       (FitaPlan     *self,
                                          FitaTableId   table,
                                          gint64        owner);
void       fita_plan_sort_unsorted       (FitaPlan     *self);
void       fita_plan_index_add           (FitaPlan     *self,
                                          gpointer      record);
void       fita_plan_index_unlink        (FitaPlan     *self,
                                          gpointer      record);
/* For g_ptr_array_sort of records: by position. */
int        fita_record_compare_position  (gconstpointer a,
                                          gconstpointer b);

/* fita-plan-changes.c */
void       fita_plan_class_init_changes  (GObjectClass *object_class);
void       fita_plan_change_free         (gpointer      change);
/* Runs one step as part of the current change; takes op. */
gboolean   fita_plan_record_op           (FitaPlan     *self,
                                          Op           *op,
                                          GError      **error);
void       fita_plan_op_free             (gpointer      op);
/* Applies one step in memory, forward or backward, and writes it to the
 * store if write. */
gboolean   fita_plan_apply_op            (FitaPlan     *self,
                                          Op           *op,
                                          gboolean      forward,
                                          gboolean      write,
                                          GError      **error);
/* Emits FitaPlan::changed for these steps (of Op), already made. */
void       fita_plan_emit_changed        (FitaPlan     *self,
                                          GPtrArray    *ops,
                                          gboolean      remote);

void       fita_plan_notify_connected    (FitaPlan     *self);

/* fita-plan-shared.c: keeps a change refused for a conflict (takes it),
 * shows the plan as the others left it, and says so in error. */
void       fita_plan_keep_conflict       (FitaPlan     *self,
                                          Change       *change,
                                          GError      **error);

/* Fails the current change, if any, with local, and passes it on. */
gboolean   fita_plan_refuse              (FitaPlan     *self,
                                          GError       *local,
                                          GError      **error);

/* fita-log.c: logs the change about to be committed to store, in its
 * transaction, under label (the change's own, or its undo's); change NULL
 * logs one with no entries (the plan written to a new file). */
gboolean   fita_plan_log_change          (FitaPlan     *self,
                                          FitaStore    *store,
                                          Change       *change,
                                          const char   *label,
                                          GError      **error);
/* fita-log.c: the log a JSON plan brought (takes changes, of
 * FitaLogChange, oldest first); writing it to store, in its transaction,
 * before the change that makes the file. */
void       fita_plan_set_imported_log    (FitaPlan     *self,
                                          GPtrArray    *changes);
gboolean   fita_plan_write_imported_log  (FitaPlan     *self,
                                          FitaStore    *store,
                                          GError      **error);
/* fita-log.c: the plan's store's change log, written to store (a copy of
 * the plan), in its transaction. */
gboolean   fita_plan_copy_log            (FitaPlan     *self,
                                          FitaStore    *store,
                                          GError      **error);
/* fita-years.c: whether a step may run, by the years closed: refuses any
 * step that would change a closed year's figures (docs/YEARS.md), and any
 * step at all in a view of a closed year. */
gboolean   fita_years_check_op           (FitaPlan     *self,
                                          const Op     *op,
                                          GError      **error);
/* For fita_plan_check_records: each closure of a year, one a year. */
gboolean   fita_years_check_records      (FitaPlan     *self,
                                          GError      **error);
/* A new read-only plan made from closure's snapshot: the plan as it stood
 * when its year was closed (fita_plan_open_year without the year before). */
FitaPlan  *fita_years_open_closure       (FitaYearClosure *closure,
                                          GError      **error);

G_END_DECLS
