/* fita-schema.h: the records a plan is made of, and their descriptions.
 *
 * Every table of a .fita file has a C struct below and a FitaTable that
 * describes its fields (SQL column = JSON key = field name). The store, the
 * JSON importer/exporter and the change/undo machinery all work from these
 * descriptions, so a new field is added in one place.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fita's limits: what a plan may hold, so that no sum or mean can overflow
 * and no walk can run away (a damaged file beyond them is refused). */
#define FITA_MAX_CENTS   G_GINT64_CONSTANT (1000000000000000)  /* 10¹³ € */
#define FITA_MAX_NUMBER  G_GINT64_CONSTANT (1000000000000)     /* counts and other whole numbers */
#define FITA_MAX_WEIGHT  1000000
#define FITA_MIN_YEAR    1900
#define FITA_MAX_YEAR    2200
#define FITA_MAX_DEPTH   64        /* levels of items (and of agents) */
#define FITA_MAX_TEXT    100000    /* bytes of one text */
#define FITA_MAX_DOCUMENT (64 * 1024 * 1024) /* bytes of a text that holds a whole plan */
#define FITA_MAX_ID      (G_GINT64_CONSTANT (1) << 53)  /* record numbers */

/* "No value": a NULL in SQL, a missing key in JSON. For money this is "- €",
 * which is not the same as 0. */
#define FITA_NONE G_MININT64

typedef enum {
  FITA_TABLE_PLAN,
  FITA_TABLE_LEVEL,
  FITA_TABLE_STATUS,
  FITA_TABLE_CHAPTER,
  FITA_TABLE_AGENT,
  FITA_TABLE_AGENT_FUNCTION,
  FITA_TABLE_AGENT_MEMBER,
  FITA_TABLE_ITEM,
  FITA_TABLE_RESPONSIBILITY,
  FITA_TABLE_BUDGET_LINE,
  FITA_TABLE_INDICATOR,
  FITA_TABLE_INDICATOR_VALUE,
  FITA_TABLE_FOLLOWUP,
  FITA_TABLE_LINK,
  FITA_TABLE_PROCESS,
  FITA_TABLE_PROCESS_PHASE,
  FITA_TABLE_PROCESS_DIMENSION,
  FITA_TABLE_PROCESS_COUNT,
  FITA_TABLE_PROCESS_ACTOR,
  FITA_TABLE_YEAR_CLOSURE,
  FITA_N_TABLES
} FitaTableId;

typedef enum {
  FITA_FIELD_ID,        /* gint64 primary key */
  FITA_FIELD_OWNER,     /* gint64: the record this one belongs to (nesting); 0 = none */
  FITA_FIELD_POSITION,  /* gint64: order among the owner's records */
  FITA_FIELD_REF,       /* gint64: another record, named by its "name"; 0 = none */
  FITA_FIELD_INT,       /* gint64, FITA_NONE = no value */
  FITA_FIELD_CENTS,     /* gint64 money in cents, FITA_NONE = no amount */
  FITA_FIELD_BOOL,      /* gint64 0 or 1 */
  FITA_FIELD_ENUM,      /* gint64 index into keywords; stored as the keyword */
  FITA_FIELD_TEXT,      /* char *, NULL = empty */
  FITA_FIELD_SEMESTERS, /* char *: "2017-1 2017-2"; a list in JSON */
} FitaFieldType;

typedef enum {
  FITA_FIELD_REQUIRED = 1 << 0,  /* text that may not be empty */
  FITA_FIELD_OPTIONAL_OWNER = 1 << 1, /* owner 0 means "belongs to the plan" */
  FITA_FIELD_HUNDREDTHS = 1 << 2, /* INT: a percent kept in hundredths (8830 = 88,3 %);
                                    * a decimal percent in JSON */
  FITA_FIELD_DOCUMENT = 1 << 3,  /* TEXT: a whole document (a plan's JSON), up to
                                  * FITA_MAX_DOCUMENT bytes */
} FitaFieldFlags;

typedef struct {
  const char *name;
  FitaFieldType type;
  gsize offset;
  FitaTableId ref;                 /* OWNER and REF */
  const char * const *keywords;    /* ENUM, NULL-terminated */
  gint64 default_value;            /* INT, BOOL, ENUM */
  guint flags;
} FitaField;

typedef struct {
  FitaTableId id;
  const char *name;        /* SQL table */
  const char *json_key;    /* key of the list, top-level or nested in the owner */
  const char *json_self_key; /* for tables that nest in themselves: "children" */
  gsize size;
  const FitaField *fields;
  guint n_fields;
  int owner_field;         /* index of the OWNER field, or -1 */
  int position_field;      /* index of the POSITION field, or -1 */
  int name_field;          /* index of the field other records refer to, or -1 */
} FitaTable;

/* Every record starts with this header. */
typedef struct {
  FitaTableId table;
  gint64 id;
} FitaRecord;

/* one enum a block: glib-mkenums reads them a line at a time */
typedef enum {
  FITA_PROGRESS_CHILDREN,
  FITA_PROGRESS_LEAVES,
  FITA_PROGRESS_WEIGHTED,
} FitaProgressRule;
typedef enum {
  FITA_MISSING_SKIP,
  FITA_MISSING_ZERO,
} FitaMissingRule;
typedef enum {
  FITA_AGENT_ORGANISATION,
  FITA_AGENT_BODY,
  FITA_AGENT_SERVICE,
  FITA_AGENT_PERSON,
  FITA_AGENT_GROUP,
} FitaAgentKind;
typedef enum {
  FITA_ROLE_DEFINES,
  FITA_ROLE_EXECUTES,
  FITA_ROLE_SUPPORTS,
  FITA_ROLE_OTHER,
} FitaRole;
typedef enum {
  FITA_INDICATOR_RESULT,
  FITA_INDICATOR_IMPACT,
} FitaIndicatorKind;

typedef struct {
  FitaRecord rec;
  char *title;
  char *organisation;
  char *description;
  gint64 period_start;
  gint64 period_end;
  gint64 followed_year;
  char *followup_period;
  char *report_date;
  char *language;
  gint64 progress_rule;     /* FitaProgressRule */
  gint64 progress_missing;  /* FitaMissingRule */
  gint64 progress_decimals; /* how many decimals percents are shown with: 0, 1 or 2 */
  char *uuid;               /* the plan's identity, which its update forms carry */
} FitaPlanInfo;

typedef struct {
  FitaRecord rec;
  gint64 position;
  char *name;
  gint64 depth;
  char *description;
} FitaLevel;

typedef struct {
  FitaRecord rec;
  gint64 position;
  char *name;
  gint64 percent;
  char *colour;
  char *description;
} FitaStatus;

typedef struct {
  FitaRecord rec;
  gint64 position;
  char *name;
  char *description;
} FitaChapter;

typedef struct {
  FitaRecord rec;
  gint64 parent_id;
  gint64 position;
  char *name;
  gint64 kind;              /* FitaAgentKind */
  char *description;
} FitaAgent;

typedef struct {
  FitaRecord rec;
  gint64 agent_id;
  gint64 position;
  char *text;
} FitaAgentFunction;

typedef struct {
  FitaRecord rec;
  gint64 agent_id;
  gint64 position;
  char *name;
  char *role;
} FitaAgentMember;

typedef struct {
  FitaRecord rec;
  gint64 parent_id;
  gint64 position;
  char *code;
  char *title;
  gint64 level_id;
  char *description;
  gint64 status_id;
  gint64 progress_bp;       /* hundredths of a percent, 0-10000, on leaves;
                             * FITA_NONE when not entered */
  gint64 weight;
  gint64 start_year;
  gint64 end_year;
  char *start_date;
  char *end_date;
  char *semesters;
  char *other_services;
  char *notes;
  gint64 planned_total_cents;
} FitaItem;

typedef struct {
  FitaRecord rec;
  gint64 item_id;
  gint64 position;
  gint64 agent_id;
  gint64 role;              /* FitaRole */
  char *note;
} FitaResponsibility;

typedef struct {
  FitaRecord rec;
  gint64 item_id;
  gint64 position;
  gint64 year;
  gint64 chapter_id;
  gint64 planned_cents;
  gint64 executed_cents;
} FitaBudgetLine;

typedef struct {
  FitaRecord rec;
  gint64 item_id;
  gint64 position;
  gint64 kind;              /* FitaIndicatorKind */
  char *name;
  char *unit;
  char *target;
  gint64 pending;
  char *observations;
} FitaIndicator;

typedef struct {
  FitaRecord rec;
  gint64 indicator_id;
  gint64 position;
  gint64 year;
  char *value;
  char *observations;
} FitaIndicatorValue;

typedef struct {
  FitaRecord rec;
  gint64 item_id;           /* 0: a follow-up of the whole plan */
  gint64 position;
  gint64 year;
  char *execution;
  char *strengths;
  char *weaknesses;
  char *other;
  char *adjustments;
  char *next_steps;
} FitaFollowup;

typedef struct {
  FitaRecord rec;
  gint64 item_id;
  gint64 position;
  char *title;
  char *url;
} FitaLink;

typedef struct {
  FitaRecord rec;
  gint64 position;
  char *name;
  char *description;
  char *problem;
  char *objectives;
  gint64 state_id;
  char *start_date;
  char *end_date;
  char *budget_note;
} FitaProcess;

typedef struct {
  FitaRecord rec;
  gint64 process_id;
  gint64 position;
  char *name;
  char *start_date;
  char *end_date;
  char *description;
} FitaProcessPhase;

typedef struct {
  FitaRecord rec;
  gint64 process_id;
  gint64 position;
  char *name;
  gint64 sessions;
  gint64 participants;
  gint64 contributions;
  gint64 proposals;
} FitaProcessDimension;

typedef struct {
  FitaRecord rec;
  gint64 process_id;
  gint64 position;
  char *label;
  gint64 count;
  char *unit;
} FitaProcessCount;

typedef struct {
  FitaRecord rec;
  gint64 process_id;
  gint64 position;
  gint64 agent_id;
} FitaProcessActor;

/* A year closed (docs/YEARS.md): the plan as it stood for that year, kept
 * as its lossless JSON (fita_json_export_without_closures) when it was
 * closed. Never changed once written; reopening the year deletes it. */
typedef struct {
  FitaRecord rec;
  gint64 year;
  char *closed_at;          /* UTC, ISO 8601: "2025-01-31T09:30:00Z" */
  char *closed_by;          /* the person who closed it, or NULL */
  char *snapshot;           /* the plan's Fita JSON */
} FitaYearClosure;

const FitaTable *fita_table (FitaTableId id);
/* What a record of the table is to people, translated: "budget line". */
const char      *fita_table_noun (FitaTableId id);
int              fita_table_field_index (const FitaTable *table, const char *name);
gint64           fita_keyword_index (const char * const *keywords, const char *word);

/* Generic access to a record's fields, by descriptor. A field holds text
 * (get_text, set_text) or, whatever its type, a number (get_int, set_int). */
gboolean    fita_field_is_text   (const FitaField *field);
gint64      fita_record_get_int  (gconstpointer record, const FitaField *field);
const char *fita_record_get_text (gconstpointer record, const FitaField *field);
void        fita_record_set_int  (gpointer record, const FitaField *field, gint64 value);
void        fita_record_set_text (gpointer record, const FitaField *field, const char *value);
gint64      fita_record_owner    (gconstpointer record);
gint64      fita_record_position (gconstpointer record);

gpointer fita_record_new  (FitaTableId table, gint64 id);
gpointer fita_record_copy (gconstpointer record);
void     fita_record_free (gpointer record);

/* Semesters are kept as "YEAR-HALF" words; these keep the list sorted and unique. */
gboolean fita_semesters_contains (const char *semesters, int year, int half);
char    *fita_semesters_toggle   (const char *semesters, int year, int half);
gboolean fita_semesters_validate (const char *semesters, GError **error);
/* "2019-2, 2018-1 2018-1" → "2018-1 2019-2"; NULL for none; text that is not
 * a list of semesters comes back as it is (for validation to name). */
char    *fita_semesters_normalise (const char *semesters);

extern const char * const fita_progress_rule_keywords[];
extern const char * const fita_missing_rule_keywords[];
extern const char * const fita_agent_kind_keywords[];
extern const char * const fita_role_keywords[];
extern const char * const fita_indicator_kind_keywords[];

G_END_DECLS
