/* fita-merge-rows.c: the rows of a merge (fita-merge.h) as GObjects with
 * properties, for list models and the bindings of the merge screen: a
 * field the form changes, an item with its fields, and a refusal. */
#include "config.h"
#include "fita-merge-private.h"
#include "fita-enums.h"

/* A field */

struct _FitaMergeField {
  GObject parent_instance;
  char *key;
  char *label;
  char *plan_text;
  char *form_text;
  char *sent_text;
  gboolean conflict;
  FitaMergeDecision decision;
  FitaMergeTarget target;
};

G_DEFINE_FINAL_TYPE (FitaMergeField, fita_merge_field, G_TYPE_OBJECT)

enum {
  FIELD_PROP_0,
  FIELD_PROP_KEY,
  FIELD_PROP_LABEL,
  FIELD_PROP_PLAN_TEXT,
  FIELD_PROP_FORM_TEXT,
  FIELD_PROP_SENT_TEXT,
  FIELD_PROP_CONFLICT,
  FIELD_PROP_DECISION,
  FIELD_N_PROPS
};

static GParamSpec *field_props[FIELD_N_PROPS];

static void
fita_merge_field_finalize (GObject *object)
{
  FitaMergeField *self = FITA_MERGE_FIELD (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->plan_text);
  g_free (self->form_text);
  g_free (self->sent_text);
  g_free (self->target.text);
  G_OBJECT_CLASS (fita_merge_field_parent_class)->finalize (object);
}

static void
fita_merge_field_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaMergeField *self = FITA_MERGE_FIELD (object);

  switch (prop_id)
    {
    case FIELD_PROP_KEY: g_value_set_string (value, self->key); break;
    case FIELD_PROP_LABEL: g_value_set_string (value, self->label); break;
    case FIELD_PROP_PLAN_TEXT: g_value_set_string (value, self->plan_text); break;
    case FIELD_PROP_FORM_TEXT: g_value_set_string (value, self->form_text); break;
    case FIELD_PROP_SENT_TEXT: g_value_set_string (value, self->sent_text); break;
    case FIELD_PROP_CONFLICT: g_value_set_boolean (value, self->conflict); break;
    case FIELD_PROP_DECISION: g_value_set_enum (value, self->decision); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_merge_field_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaMergeField *self = FITA_MERGE_FIELD (object);

  switch (prop_id)
    {
    case FIELD_PROP_DECISION: fita_merge_field_set_decision (self, g_value_get_enum (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_merge_field_class_init (FitaMergeFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fita_merge_field_finalize;
  object_class->get_property = fita_merge_field_get_property;
  object_class->set_property = fita_merge_field_set_property;
  field_props[FIELD_PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  field_props[FIELD_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  field_props[FIELD_PROP_PLAN_TEXT] = g_param_spec_string ("plan-text", NULL, NULL, NULL, ro);
  field_props[FIELD_PROP_FORM_TEXT] = g_param_spec_string ("form-text", NULL, NULL, NULL, ro);
  field_props[FIELD_PROP_SENT_TEXT] = g_param_spec_string ("sent-text", NULL, NULL, NULL, ro);
  field_props[FIELD_PROP_CONFLICT] = g_param_spec_boolean ("conflict", NULL, NULL, FALSE, ro);
  field_props[FIELD_PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, FITA_TYPE_MERGE_DECISION, FITA_MERGE_UNDECIDED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, FIELD_N_PROPS, field_props);
}

static void
fita_merge_field_init (FitaMergeField *self)
{
  (void) self;
}

FitaMergeField *
fita_merge_field_new (const char *key, const char *label, const char *plan_text, const char *form_text,
                      const char *sent_text, gboolean conflict, const FitaMergeTarget *target)
{
  FitaMergeField *self = g_object_new (FITA_TYPE_MERGE_FIELD, NULL);

  self->key = g_strdup (key);
  self->label = g_strdup (label);
  self->plan_text = g_strdup (plan_text);
  self->form_text = g_strdup (form_text);
  self->sent_text = g_strdup (sent_text);
  self->conflict = conflict;
  self->decision = conflict ? FITA_MERGE_UNDECIDED : FITA_MERGE_TAKE_FORM;
  self->target = *target;
  self->target.text = g_strdup (target->text);
  return self;
}

const FitaMergeTarget *
fita_merge_field_get_target (FitaMergeField *field)
{
  return &field->target;
}

const char *
fita_merge_field_get_key (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), NULL);
  return field->key;
}

const char *
fita_merge_field_get_label (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), NULL);
  return field->label;
}

const char *
fita_merge_field_get_plan_text (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), NULL);
  return field->plan_text;
}

const char *
fita_merge_field_get_form_text (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), NULL);
  return field->form_text;
}

const char *
fita_merge_field_get_sent_text (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), NULL);
  return field->sent_text;
}

gboolean
fita_merge_field_get_conflict (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), FALSE);
  return field->conflict;
}

FitaMergeDecision
fita_merge_field_get_decision (FitaMergeField *field)
{
  g_return_val_if_fail (FITA_IS_MERGE_FIELD (field), FITA_MERGE_UNDECIDED);
  return field->decision;
}

void
fita_merge_field_set_decision (FitaMergeField *field, FitaMergeDecision decision)
{
  g_return_if_fail (FITA_IS_MERGE_FIELD (field));
  g_return_if_fail (decision <= FITA_MERGE_KEEP_PLAN);

  /* only a conflict waits for a decision; a plain change is taken or left */
  if (decision == field->decision || (decision == FITA_MERGE_UNDECIDED && !field->conflict))
    return;
  field->decision = decision;
  g_object_notify_by_pspec (G_OBJECT (field), field_props[FIELD_PROP_DECISION]);
}

/* An item */

struct _FitaMergeItem {
  GObject parent_instance;
  gint64 id;
  char *code;
  char *title;
  GListStore *fields;
  guint n_conflicts;
};

G_DEFINE_FINAL_TYPE (FitaMergeItem, fita_merge_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_CODE,
  ITEM_PROP_TITLE,
  ITEM_PROP_FIELDS,
  ITEM_PROP_N_CONFLICTS,
  ITEM_N_PROPS
};

static GParamSpec *item_props[ITEM_N_PROPS];

static void
fita_merge_item_finalize (GObject *object)
{
  FitaMergeItem *self = FITA_MERGE_ITEM (object);

  g_free (self->code);
  g_free (self->title);
  g_clear_object (&self->fields);
  G_OBJECT_CLASS (fita_merge_item_parent_class)->finalize (object);
}

static void
fita_merge_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaMergeItem *self = FITA_MERGE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID: g_value_set_int64 (value, self->id); break;
    case ITEM_PROP_CODE: g_value_set_string (value, self->code); break;
    case ITEM_PROP_TITLE: g_value_set_string (value, self->title); break;
    case ITEM_PROP_FIELDS: g_value_set_object (value, self->fields); break;
    case ITEM_PROP_N_CONFLICTS: g_value_set_uint (value, self->n_conflicts); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_merge_item_class_init (FitaMergeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fita_merge_item_finalize;
  object_class->get_property = fita_merge_item_get_property;
  item_props[ITEM_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  item_props[ITEM_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  item_props[ITEM_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  item_props[ITEM_PROP_FIELDS] = g_param_spec_object ("fields", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  item_props[ITEM_PROP_N_CONFLICTS] = g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_props);
}

static void
fita_merge_item_init (FitaMergeItem *self)
{
  self->fields = g_list_store_new (FITA_TYPE_MERGE_FIELD);
}

FitaMergeItem *
fita_merge_item_new (gint64 id, const char *code, const char *title)
{
  FitaMergeItem *self = g_object_new (FITA_TYPE_MERGE_ITEM, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->title = g_strdup (title);
  return self;
}

void
fita_merge_item_add (FitaMergeItem *item, FitaMergeField *field)
{
  if (field->conflict)
    item->n_conflicts++;
  g_list_store_append (item->fields, field);
  g_object_unref (field);
}

gint64
fita_merge_item_get_id (FitaMergeItem *item)
{
  g_return_val_if_fail (FITA_IS_MERGE_ITEM (item), 0);
  return item->id;
}

const char *
fita_merge_item_get_code (FitaMergeItem *item)
{
  g_return_val_if_fail (FITA_IS_MERGE_ITEM (item), NULL);
  return item->code;
}

const char *
fita_merge_item_get_title (FitaMergeItem *item)
{
  g_return_val_if_fail (FITA_IS_MERGE_ITEM (item), NULL);
  return item->title;
}

GListModel *
fita_merge_item_get_fields (FitaMergeItem *item)
{
  g_return_val_if_fail (FITA_IS_MERGE_ITEM (item), NULL);
  return G_LIST_MODEL (item->fields);
}

guint
fita_merge_item_get_n_conflicts (FitaMergeItem *item)
{
  g_return_val_if_fail (FITA_IS_MERGE_ITEM (item), 0);
  return item->n_conflicts;
}

/* A refusal */

struct _FitaMergeRefusal {
  GObject parent_instance;
  char *sheet;
  guint row;
  char *code;
  char *reason;
};

G_DEFINE_FINAL_TYPE (FitaMergeRefusal, fita_merge_refusal, G_TYPE_OBJECT)

enum {
  REFUSAL_PROP_0,
  REFUSAL_PROP_SHEET,
  REFUSAL_PROP_ROW,
  REFUSAL_PROP_CODE,
  REFUSAL_PROP_REASON,
  REFUSAL_N_PROPS
};

static GParamSpec *refusal_props[REFUSAL_N_PROPS];

static void
fita_merge_refusal_finalize (GObject *object)
{
  FitaMergeRefusal *self = FITA_MERGE_REFUSAL (object);

  g_free (self->sheet);
  g_free (self->code);
  g_free (self->reason);
  G_OBJECT_CLASS (fita_merge_refusal_parent_class)->finalize (object);
}

static void
fita_merge_refusal_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaMergeRefusal *self = FITA_MERGE_REFUSAL (object);

  switch (prop_id)
    {
    case REFUSAL_PROP_SHEET: g_value_set_string (value, self->sheet); break;
    case REFUSAL_PROP_ROW: g_value_set_uint (value, self->row); break;
    case REFUSAL_PROP_CODE: g_value_set_string (value, self->code); break;
    case REFUSAL_PROP_REASON: g_value_set_string (value, self->reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_merge_refusal_class_init (FitaMergeRefusalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fita_merge_refusal_finalize;
  object_class->get_property = fita_merge_refusal_get_property;
  refusal_props[REFUSAL_PROP_SHEET] = g_param_spec_string ("sheet", NULL, NULL, NULL, ro);
  refusal_props[REFUSAL_PROP_ROW] = g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0, ro);
  refusal_props[REFUSAL_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  refusal_props[REFUSAL_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, REFUSAL_N_PROPS, refusal_props);
}

static void
fita_merge_refusal_init (FitaMergeRefusal *self)
{
  (void) self;
}

FitaMergeRefusal *
fita_merge_refusal_new (const char *sheet, guint row, const char *code, const char *reason)
{
  FitaMergeRefusal *self = g_object_new (FITA_TYPE_MERGE_REFUSAL, NULL);

  self->sheet = g_strdup (sheet);
  self->row = row;
  self->code = g_strdup (code);
  self->reason = g_strdup (reason);
  return self;
}

const char *
fita_merge_refusal_get_sheet (FitaMergeRefusal *refusal)
{
  g_return_val_if_fail (FITA_IS_MERGE_REFUSAL (refusal), NULL);
  return refusal->sheet;
}

guint
fita_merge_refusal_get_row (FitaMergeRefusal *refusal)
{
  g_return_val_if_fail (FITA_IS_MERGE_REFUSAL (refusal), 0);
  return refusal->row;
}

const char *
fita_merge_refusal_get_code (FitaMergeRefusal *refusal)
{
  g_return_val_if_fail (FITA_IS_MERGE_REFUSAL (refusal), NULL);
  return refusal->code;
}

const char *
fita_merge_refusal_get_reason (FitaMergeRefusal *refusal)
{
  g_return_val_if_fail (FITA_IS_MERGE_REFUSAL (refusal), NULL);
  return refusal->reason;
}
