/* fita-import-private.h: the layout of an imported table, shared by the
 * mapping (which guesses it) and the importer (which reads by it); and
 * what the importer stages before it makes a plan. */
#pragma once

#include "fita-import.h"
#include "fita-import-mapping.h"

G_BEGIN_DECLS

/* How one column of a table is read. */
typedef struct {
  FitaColumn column;
  char *header;            /* as the table heads it (two header rows joined), or NULL */
  gint64 year;             /* amounts: the year the header names ("Executat 2023"); FITA_NONE */
  char *chapter;           /* amounts: the chapter the header names ("Capítol 1"), or NULL */
  char *semesters;         /* semesters: those a mark in the column ticks (a grid), or NULL: a list */
  char *level;             /* titles: the level of items that name none, or NULL */
} FitaImportColumn;

/* One table of a sheet: its header and how its columns are read. A sheet
 * may hold several, each after an empty row, as a follow-up sheet holds
 * its actions and then its budget. */
typedef struct {
  guint header_index;      /* rows[header_index] heads it */
  guint header_rows;       /* 1, or 2 when semesters sit under the years */
  guint n_columns;
  FitaImportColumn *columns;
  int first[FITA_N_COLUMNS]; /* the first column of each kind, or -1 */
  guint count[FITA_N_COLUMNS];
  gboolean executed;       /* its headers speak of executed amounts */
  guint sheet;             /* the sheet it is on (FitaSheetRow.sheet): after the first, a
                            * detail table, whose codes are of the first sheet's items */
  gboolean lists;          /* it lists the plan's levels, statuses and chapters, in order
                            * (only such columns, and no code or title) */
} FitaImportSection;

typedef struct {
  GPtrArray *sections;     /* FitaImportSection*, in order */
  int *row_section;        /* for each row of the sheet: its table, or -1 for a
                            * header, an empty row or a row above the table */
} FitaImportLayout;

/* Finds the tables of sheet and how each column is read: named by mapping,
 * or guessed and then named in it. Each sheet a table was read from
 * (FitaSheetRow.sheet) starts with a header of its own, searched for in
 * its first rows (the mapping's header_row is the first sheet's). */
FitaImportLayout *fita_import_layout_new  (FitaImportMapping *mapping,
                                           FitaSheet         *sheet,
                                           GError           **error);
void              fita_import_layout_free (FitaImportLayout  *layout);

/* The row's first n cells trimmed of spaces, "" past its end. */
GStrv             fita_import_row_cells   (const FitaSheetRow *row,
                                           guint               n);
/* Whether every cell of the row is empty or spaces. */
gboolean          fita_import_row_is_blank (const FitaSheetRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaImportLayout, fita_import_layout_free)

typedef enum {
  FITA_IMPORT_TABLE_OTHER,
  FITA_IMPORT_TABLE_DETAILS,  /* a code and details of items: budget, indicators, follow-up */
  FITA_IMPORT_TABLE_LISTS,    /* only the plan's levels, statuses and chapters */
} FitaImportTableKind;

/* What a sheet of a workbook holds, by the columns its headers name as
 * the importer guesses them: for fita_sheet_read_path(), which appends
 * to a first sheet the later ones that add to its items. */
FitaImportTableKind fita_import_table_kind (FitaSheet *sheet);

/* Staged first, made into records only when the whole table is read and
 * found right: a refused import leaves nothing half-made. */

typedef struct {
  gint64 year;
  char *chapter;
  gint64 planned;
  gint64 executed;
  guint planned_line;
  guint executed_line;
} FitaImportBudget;

typedef struct {
  gint64 year;
  char *value;
  guint line;
} FitaImportValue;

typedef struct {
  char *name;
  gboolean pending;
  GPtrArray *values;          /* FitaImportValue* */
} FitaImportIndicator;

/* The texts of a follow-up, in the order of the follow-up columns
 * (FITA_COLUMN_EXECUTION …). */
#define FITA_IMPORT_N_FOLLOWUP (FITA_COLUMN_NEXT_STEPS - FITA_COLUMN_EXECUTION + 1)

typedef struct {
  gint64 year;
  char *texts[FITA_IMPORT_N_FOLLOWUP];
  guint lines[FITA_IMPORT_N_FOLLOWUP];
} FitaImportFollowup;

/* A status of a table that lists the plan's: its name, and its percent
 * ("En curs (30 %)"), or FITA_NONE. */
typedef struct {
  char *name;
  gint64 percent;
} FitaImportStatus;

typedef enum {
  FITA_IMPORT_CODE_NONE,
  FITA_IMPORT_CODE_GIVEN,     /* from a code column: as written */
  FITA_IMPORT_CODE_LOCAL,     /* from a title ("Objectiu 1. …"): under its parent's code */
  FITA_IMPORT_CODE_MADE,      /* made from its parent's code and its place */
} FitaImportCodeKind;

typedef struct _FitaImportEntry FitaImportEntry;

typedef struct {
  guint count;                /* rows that spell a level so */
  guint line;                 /* the first of them */
  const FitaSheetRow *row;    /* the same, or NULL */
} FitaImportSpelling;

/* A level of the plan, and how the rows spell it. */
typedef struct {
  char *name;                 /* the spelling most rows use */
  char *folded;               /* what spellings are compared by */
  GHashTable *spellings;      /* spelling → FitaImportSpelling* */
  gint64 depth;               /* where it first occurs */
  guint count;
  gint64 id;                  /* its record's, once made */
  gboolean listed;            /* a table of the plan's lists names it */
} FitaImportLevel;

struct _FitaImportEntry {
  guint line;
  const FitaSheetRow *row;    /* NULL for the item the table goes under */
  FitaImportSection *section;
  guint outline;              /* its title column, counting title columns from the left */
  char *code;
  FitaImportCodeKind code_kind;
  char *parent_code;
  gboolean parent_column;     /* its table has a parent-code column: that alone places it */
  FitaImportEntry *outline_parent;
  FitaImportEntry *parent;
  GPtrArray *children;        /* FitaImportEntry*, not owned */
  guint depth;
  guint place;                /* among its parent's children */
  gint64 id;                  /* its item's, once made */
  int state;                  /* for finding circles of parents */
  char *title;
  char *description;
  FitaImportLevel *level;     /* not owned */
  char *status;
  char *other_services;
  char *start_date;
  char *end_date;
  char *semesters;
  gint64 progress_bp;
  gint64 given_progress;      /* a parent's, left out: worked out from its parts */
  gint64 start_year;
  gint64 end_year;
  gint64 weight;
  gint64 planned_total;
  guint planned_total_line;
  GPtrArray *who;             /* FitaCellWho* */
  GPtrArray *budget;          /* FitaImportBudget* */
  GPtrArray *indicators;      /* FitaImportIndicator* */
  GPtrArray *followups;       /* FitaImportFollowup* */
};

typedef struct {
  FitaSheet *sheet;
  FitaImportMapping *mapping;
  FitaImportLayout *layout;
  const char *lang;
  FitaImportReport *report;
  GPtrArray *entries;         /* FitaImportEntry*, owned, in the order met */
  GHashTable *codes;          /* code → FitaImportEntry* */
  GHashTable *named_titles;   /* "section:column" → whether its titles name levels and codes */
  GPtrArray *chapters;        /* chapter names, in the order met */
  GHashTable *chapter_keys;   /* the names and their keys (fita_import_name_key) met */
  GPtrArray *levels;          /* FitaImportLevel*, owned, in the order met */
  GHashTable *level_folds;    /* folded name → FitaImportLevel* */
  GPtrArray *level_order;     /* the same, in the plan's order (fita_import_arrange) */
  GPtrArray *listed_levels;   /* FitaImportLevel*, not owned, as a table of lists orders them */
  GPtrArray *statuses;        /* FitaImportStatus*, as a table of lists orders them */
  GHashTable *status_keys;    /* their names' keys (fita_import_name_key) */
  FitaImportEntry *root;      /* the item the table goes under, or NULL */
  FitaImportEntry *current;   /* the item a row with no item of its own adds to */
  GPtrArray *stack;           /* the outline: items open above the next row, outermost first */
  const FitaSheetRow *at;     /* the row being read or checked: its sheet places problems */
  GPtrArray *plan_followups;  /* FitaImportFollowup*: the whole plan's */
  guint plan_line;
  char *plan_title;
  char *plan_description;
  gint64 period_start;
  gint64 period_end;
} FitaImportState;

void             fita_import_problem     (FitaImportState *imp,
                                          guint            line,
                                          const char      *code,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* Problems and notes from here on are of the row's sheet (NULL: of none). */
void             fita_import_at          (FitaImportState *imp,
                                          const FitaSheetRow *row);
void             fita_import_note        (FitaImportState *imp,
                                          guint            line,
                                          const char      *code,
                                          const char      *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* What names of statuses, chapters and agents are compared by, case,
 * accents and punctuation aside: "Comissió tècnica", "comissio tecnica"
 * and "COMISSIÓ TÈCNICA" are one body, named as the table first names it. */
char            *fita_import_name_key    (const char      *name);
gboolean         fita_import_same_name   (const char      *a,
                                          const char      *b);

/* A cell that could not be read (error), or that breaks a field's limits,
 * made a problem of its row named by its column's header. */
void             fita_import_cell_problem (FitaImportState *imp,
                                          guint            line,
                                          const char      *code,
                                          const FitaImportColumn *column,
                                          const GError    *error);
gboolean         fita_import_valid_text  (FitaImportState *imp,
                                          guint            line,
                                          const char      *code,
                                          const FitaImportColumn *column,
                                          const char      *text);
gboolean         fita_import_valid_value (FitaImportState *imp,
                                          guint            line,
                                          const char      *code,
                                          const FitaImportColumn *column,
                                          FitaTableId      table,
                                          const char      *field,
                                          gint64           value);

/* fita-import-values.c: a row's amounts, indicator values and follow-up
 * texts, added to entry; the chapters met, in order. */
void             fita_import_add_chapter (FitaImportState *imp,
                                          const char      *name);
void             fita_import_read_amounts (FitaImportState *imp,
                                          FitaImportSection *section,
                                          FitaImportEntry *entry,
                                          GStrv            cells,
                                          guint            line);
void             fita_import_plan_followup (FitaImportState *imp,
                                          FitaImportSection *section,
                                          GStrv            cells,
                                          guint            line);

/* fita-import-plan.c: the tree of the staged items (parents, circles,
 * depths, codes), then the plan made of them. */
GPtrArray       *fita_import_arrange     (FitaImportState *imp);
FitaPlan        *fita_import_make_plan   (FitaImportState *imp,
                                          GPtrArray       *items,
                                          const char      *default_title,
                                          GError         **error);

G_END_DECLS
