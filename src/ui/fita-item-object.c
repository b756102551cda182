#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-object.h"
#include "fita-compare.h"
#include "fita-money.h"
#include "fita-rollup.h"

struct _FitaItemObject
{
  GObject     parent_instance;

  FitaPlan   *plan;
  gint64      id;
  gint64      parent_id;
  GListStore *children;
  /* The budget sum, and the plan's budget stamp it was made at (0: none) */
  FitaBudgetSum budget;
  guint       budget_stamp;
  guint       expandable : 1;
  guint       match : 1;

  /* What rows show, as of the last fita_item_object_refresh() */
  char       *code;
  char       *title;
  char       *level_name;
  char       *status_name;
  char       *status_colour;
  char       *progress_text;
  double      progress_fraction;
  char       *budget_text;
  char       *budget_tooltip;
  char       *description;

  /* The change since the year before, as of the last
   * fita_item_object_set_change() */
  char       *change_text;
  char       *change_tooltip;
  char       *change_summary;   /* for screen readers, in the description */
};

G_DEFINE_FINAL_TYPE (FitaItemObject, fita_item_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ID,
  PROP_CODE,
  PROP_TITLE,
  PROP_LEVEL_NAME,
  PROP_STATUS_NAME,
  PROP_STATUS_COLOUR,
  PROP_HAS_STATUS,
  PROP_PROGRESS_TEXT,
  PROP_PROGRESS_FRACTION,
  PROP_HAS_PROGRESS,
  PROP_BUDGET_TEXT,
  PROP_BUDGET_TOOLTIP,
  PROP_HAS_BUDGET,
  PROP_HAS_DETAILS,
  PROP_DESCRIPTION,
  PROP_MATCH,
  PROP_CHANGE_TEXT,
  PROP_CHANGE_TOOLTIP,
  PROP_HAS_CHANGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fita_item_object_dispose (GObject *object)
{
  FitaItemObject *self = (FitaItemObject *)object;

  g_clear_object (&self->children);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->level_name, g_free);
  g_clear_pointer (&self->status_name, g_free);
  g_clear_pointer (&self->status_colour, g_free);
  g_clear_pointer (&self->progress_text, g_free);
  g_clear_pointer (&self->budget_text, g_free);
  g_clear_pointer (&self->budget_tooltip, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->change_text, g_free);
  g_clear_pointer (&self->change_tooltip, g_free);
  g_clear_pointer (&self->change_summary, g_free);

  G_OBJECT_CLASS (fita_item_object_parent_class)->dispose (object);
}

static void
fita_item_object_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FitaItemObject *self = FITA_ITEM_OBJECT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LEVEL_NAME:
      g_value_set_string (value, self->level_name);
      break;

    case PROP_STATUS_NAME:
      g_value_set_string (value, self->status_name);
      break;

    case PROP_STATUS_COLOUR:
      g_value_set_string (value, self->status_colour);
      break;

    case PROP_HAS_STATUS:
      g_value_set_boolean (value, self->status_name != NULL);
      break;

    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;

    case PROP_PROGRESS_FRACTION:
      g_value_set_double (value, self->progress_fraction);
      break;

    case PROP_HAS_PROGRESS:
      g_value_set_boolean (value, self->progress_text != NULL);
      break;

    case PROP_BUDGET_TEXT:
      g_value_set_string (value, self->budget_text);
      break;

    case PROP_BUDGET_TOOLTIP:
      g_value_set_string (value, self->budget_tooltip);
      break;

    case PROP_HAS_BUDGET:
      g_value_set_boolean (value, self->budget_text != NULL);
      break;

    case PROP_HAS_DETAILS:
      g_value_set_boolean (value, self->status_name != NULL || self->progress_text != NULL || self->budget_text != NULL);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_MATCH:
      g_value_set_boolean (value, self->match);
      break;

    case PROP_CHANGE_TEXT:
      g_value_set_string (value, self->change_text);
      break;

    case PROP_CHANGE_TOOLTIP:
      g_value_set_string (value, self->change_tooltip);
      break;

    case PROP_HAS_CHANGE:
      g_value_set_boolean (value, self->change_text != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_object_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FitaItemObject *self = FITA_ITEM_OBJECT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;

    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_MATCH:
      fita_item_object_set_match (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_object_constructed (GObject *object)
{
  G_OBJECT_CLASS (fita_item_object_parent_class)->constructed (object);

  fita_item_object_refresh (FITA_ITEM_OBJECT (object));
}

static void
fita_item_object_class_init (FitaItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fita_item_object_dispose;
  object_class->get_property = fita_item_object_get_property;
  object_class->set_property = fita_item_object_set_property;
  object_class->constructed = fita_item_object_constructed;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVEL_NAME] =
    g_param_spec_string ("level-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS_NAME] =
    g_param_spec_string ("status-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATUS_COLOUR] =
    g_param_spec_string ("status-colour", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUDGET_TEXT] =
    g_param_spec_string ("budget-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUDGET_TOOLTIP] =
    g_param_spec_string ("budget-tooltip", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_STATUS] =
    g_param_spec_boolean ("has-status", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_PROGRESS] =
    g_param_spec_boolean ("has-progress", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_BUDGET] =
    g_param_spec_boolean ("has-budget", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_DETAILS] =
    g_param_spec_boolean ("has-details", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PROGRESS_FRACTION] =
    g_param_spec_double ("progress-fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MATCH] =
    g_param_spec_boolean ("match", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The change since the year before (see fita_item_object_set_change()):
   * the badge's words ("+18 pts"), what it says in full, and the flags
   * the outline's filter reads. */
  properties [PROP_CHANGE_TEXT] =
    g_param_spec_string ("change-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANGE_TOOLTIP] =
    g_param_spec_string ("change-tooltip", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_CHANGE] =
    g_param_spec_boolean ("has-change", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fita_item_object_init (FitaItemObject *self)
{
}

FitaItemObject *
fita_item_object_new (FitaPlan *plan,
                      gint64    id)
{
  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (id > 0, NULL);

  return g_object_new (FITA_TYPE_ITEM_OBJECT,
                       "plan", plan,
                       "id", id,
                       NULL);
}

FitaPlan *
fita_item_object_get_plan (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->plan;
}

gint64
fita_item_object_get_id (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), 0);

  return self->id;
}

FitaItem *
fita_item_object_get_item (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return fita_plan_lookup (self->plan, FITA_TABLE_ITEM, self->id);
}

const FitaStatus *
fita_item_object_get_status (FitaItemObject *self)
{
  FitaItem *item;

  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  item = fita_item_object_get_item (self);
  if (item == NULL || item->status_id == 0)
    return NULL;

  return fita_plan_lookup (self->plan, FITA_TABLE_STATUS, item->status_id);
}

/* Bumped on the plan whenever budget totals may have changed; a stamp of
 * the plan, not of one tree, as every window's objects read it. */
static GQuark
budget_stamp_quark (void)
{
  return g_quark_from_static_string ("fita-ui-budget-stamp");
}

static guint
budget_stamp (FitaPlan *plan)
{
  /* Starts at 1, so 0 in an object means "never summed". */
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (plan), budget_stamp_quark ())) + 1;
}

void
fita_item_object_budgets_changed (FitaPlan *plan)
{
  guint stamp = budget_stamp (plan);

  g_return_if_fail (FITA_IS_PLAN (plan));

  g_object_set_qdata (G_OBJECT (plan), budget_stamp_quark (), GUINT_TO_POINTER (stamp));
}

void
fita_item_object_get_budget (FitaItemObject *self,
                             FitaBudgetSum  *sum)
{
  guint stamp;

  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  stamp = budget_stamp (self->plan);
  if (self->budget_stamp != stamp)
    {
      FitaItem *item = fita_item_object_get_item (self);

      self->budget.planned = FITA_NONE;
      self->budget.executed = FITA_NONE;
      if (item != NULL)
        fita_plan_budget_sum (self->plan, item, FITA_NONE, 0, &self->budget);
      self->budget_stamp = stamp;
    }

  *sum = self->budget;
}

gint64
fita_item_object_get_progress_bp (FitaItemObject *self)
{
  FitaItem *item;

  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), FITA_NONE);

  item = fita_item_object_get_item (self);
  return item != NULL ? fita_plan_progress_bp (self->plan, item) : FITA_NONE;
}

char *
fita_item_object_format_progress (FitaItemObject *self,
                                  const char     *lang)
{
  FitaItem *item;

  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  item = fita_item_object_get_item (self);
  if (item == NULL || fita_plan_progress_bp (self->plan, item) == FITA_NONE)
    return NULL;
  return fita_plan_format_progress (self->plan, item, lang);
}

char *
fita_item_object_describe (FitaItemObject *self,
                           const char     *lang)
{
  const FitaStatus *status;
  g_autofree char *percent = NULL;
  FitaItem *item;

  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  item = fita_item_object_get_item (self);
  if (item == NULL)
    return g_strdup ("");

  status = fita_item_object_get_status (self);
  percent = fita_item_object_format_progress (self, lang);

  return fita_item_describe (item->code, item->title, status != NULL ? status->name : NULL, percent);
}

char *
fita_item_describe (const char *code,
                    const char *title,
                    const char *status,
                    const char *percent)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (code != NULL && code[0] != '\0')
    g_ptr_array_add (parts, (char *)code);

  if (title != NULL && title[0] != '\0')
    g_ptr_array_add (parts, (char *)title);

  if (status != NULL)
    g_ptr_array_add (parts, (char *)status);

  if (percent != NULL)
    g_ptr_array_add (parts, (char *)percent);
  else
    /* Translators: read by screen readers for an item with no percent yet */
    g_ptr_array_add (parts, _("no progress"));

  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a plan item read by screen readers:
   * "11.1, Radiografia d’agents, En curs, 30 %" */
  return g_strjoinv (C_("accessible item label", ", "), (char **)parts->pdata);
}

GListStore *
fita_item_object_get_children (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->children;
}

void
fita_item_object_set_children (FitaItemObject *self,
                               GListStore     *children)
{
  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  g_set_object (&self->children, children);
}

gboolean
fita_item_object_get_expandable (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), FALSE);

  return self->expandable;
}

void
fita_item_object_set_expandable (FitaItemObject *self,
                                 gboolean        expandable)
{
  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  self->expandable = !!expandable;
}

gboolean
fita_item_object_get_match (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), FALSE);

  return self->match;
}

void
fita_item_object_set_match (FitaItemObject *self,
                            gboolean        match)
{
  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  match = !!match;
  if (match == self->match)
    return;

  self->match = match;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MATCH]);
}

gint64
fita_item_object_get_parent_id (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), 0);

  return self->parent_id;
}

void
fita_item_object_set_parent_id (FitaItemObject *self,
                                gint64          parent_id)
{
  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  self->parent_id = parent_id;
}

/* Replaces *field by value (taken), telling those who listen when it
 * changed; returns whether it did. */
static gboolean
take_string (FitaItemObject *self,
             char          **field,
             char           *value,
             guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
  return TRUE;
}

static char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static void
budget_texts (FitaItemObject *self,
              const char     *lang,
              char          **text,
              char          **tooltip)
{
  g_autofree char *rate_text = NULL;
  g_autofree char *executed = NULL;
  g_autofree char *planned = NULL;
  FitaBudgetSum sum;
  gint64 rate;

  *text = *tooltip = NULL;
  fita_item_object_get_budget (self, &sum);
  if (sum.planned == FITA_NONE && sum.executed == FITA_NONE)
    return;

  /* An item with an amount but no rate (nothing executed known yet, or
   * nothing planned) says so: "€ —", never "€ 0,00 %". */
  rate = fita_rate_bp (sum.executed, sum.planned);
  rate_text = fita_percent_format_bp (rate, lang);
  executed = fita_money_format (sum.executed, lang);
  planned = fita_money_format (sum.planned, lang);
  /* Translators: the share of an item's budget that was spent, in a row
   * of the outline: "€ 10,19 %". Put %s where your language wants it. */
  *text = g_strdup_printf (C_("budget execution rate, short", "€ %s"), rate_text);
  if (sum.executed == FITA_NONE)
    /* Translators: tooltip of the budget figure in a row of the outline,
     * for an item with an amount planned and no amount executed yet */
    *tooltip = g_strdup_printf (_("Budget planned: %s; no amount executed yet, so no execution rate"), planned);
  else if (rate == FITA_NONE)
    /* Translators: tooltip of the budget figure in a row of the outline,
     * for an item with an amount executed and nothing planned */
    *tooltip = g_strdup_printf (_("Budget executed: %s; nothing planned, so no execution rate"), executed);
  else
    /* Translators: tooltip of the budget figure in a row of the outline:
     * "Budget executed: 12.223,69 € of 120.000,00 € (10,19 %)" */
    *tooltip = g_strdup_printf (_("Budget executed: %s of %s (%s)"), executed, planned, rate_text);
}

/* What screen readers say of the row: the item, and its change. */
static void
update_description (FitaItemObject *self,
                    FitaItem       *item)
{
  g_autofree char *described = NULL;

  if (item == NULL)
    {
      take_string (self, &self->description, NULL, PROP_DESCRIPTION);
      return;
    }

  described = fita_item_describe (item->code, item->title, self->status_name, self->progress_text);
  if (self->change_summary != NULL)
    take_string (self, &self->description,
                 /* Translators: separates the parts of a plan item read by screen readers */
                 g_strjoin (C_("accessible item label", ", "), described, self->change_summary, NULL),
                 PROP_DESCRIPTION);
  else
    take_string (self, &self->description, g_steal_pointer (&described), PROP_DESCRIPTION);
}

void
fita_item_object_refresh (FitaItemObject *self)
{
  const char *lang = fita_lang_from_locale ();
  FitaItem *item;
  const FitaStatus *status = NULL;
  const FitaLevel *level = NULL;
  gboolean had_status, had_progress, had_budget, had_details;
  gint64 progress = FITA_NONE;
  char *budget_text = NULL, *budget_tooltip = NULL;
  double fraction;

  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  had_status = self->status_name != NULL;
  had_progress = self->progress_text != NULL;
  had_budget = self->budget_text != NULL;
  had_details = had_status || had_progress || had_budget;

  g_object_freeze_notify (G_OBJECT (self));

  item = fita_item_object_get_item (self);
  if (item != NULL)
    {
      status = fita_item_object_get_status (self);
      level = item->level_id != 0 ? fita_plan_lookup (self->plan, FITA_TABLE_LEVEL, item->level_id) : NULL;
      progress = fita_plan_progress_bp (self->plan, item);
      budget_texts (self, lang, &budget_text, &budget_tooltip);
    }

  take_string (self, &self->code, item != NULL ? nonempty (item->code) : NULL, PROP_CODE);
  take_string (self, &self->title, item != NULL ? nonempty (item->title) : NULL, PROP_TITLE);
  take_string (self, &self->level_name, level != NULL ? g_strdup (level->name) : NULL, PROP_LEVEL_NAME);
  take_string (self, &self->status_name, status != NULL ? g_strdup (status->name) : NULL, PROP_STATUS_NAME);
  take_string (self, &self->status_colour, status != NULL ? g_strdup (status->colour) : NULL, PROP_STATUS_COLOUR);
  take_string (self, &self->progress_text,
               progress != FITA_NONE ? fita_plan_format_progress (self->plan, item, lang) : NULL,
               PROP_PROGRESS_TEXT);
  fraction = progress != FITA_NONE ? CLAMP (progress / 10000.0, 0.0, 1.0) : 0.0;
  if (fraction != self->progress_fraction)
    {
      self->progress_fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRESS_FRACTION]);
    }
  take_string (self, &self->budget_text, budget_text, PROP_BUDGET_TEXT);
  take_string (self, &self->budget_tooltip, budget_tooltip, PROP_BUDGET_TOOLTIP);
  update_description (self, item);

  if (had_status != (self->status_name != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_STATUS]);
  if (had_progress != (self->progress_text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_PROGRESS]);
  if (had_budget != (self->budget_text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_BUDGET]);
  if (had_details != (self->status_name != NULL || self->progress_text != NULL || self->budget_text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_DETAILS]);

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
fita_item_object_get_code (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->code;
}

const char *
fita_item_object_get_title (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->title;
}

const char *
fita_item_object_get_description (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->description;
}

/* "Progress: 30 % → 48 % (+18 points)" and the other lines of the
 * badge's tooltip, for a change there is something to compare with. */
static void
describe_change (FitaComparison       *comparison,
                 const FitaItemChange *change,
                 const char           *lang,
                 GPtrArray            *lines)
{
  FitaPlan *previous = fita_comparison_get_previous (comparison);
  FitaPlan *plan = fita_comparison_get_plan (comparison);

  if (change->is_new)
    {
      /* Translators: tooltip of the change badge of an item added this year */
      g_ptr_array_add (lines, g_strdup (_("New this year")));
      return;
    }

  if (fita_item_change_progress_moved (change))
    {
      g_autofree char *before = fita_plan_format_progress (previous, change->before, lang);
      g_autofree char *after = fita_plan_format_progress (plan, change->item, lang);
      g_autofree char *points = fita_comparison_format_points (comparison, change, FALSE, NULL);

      if (points != NULL)
        /* Translators: tooltip of the change badge: "Progress: 30 % → 48 % (+18 points)" */
        g_ptr_array_add (lines, g_strdup_printf (_("Progress: %s → %s (%s)"), before, after, points));
      else
        /* Translators: tooltip of the change badge, a progress entered or cleared: "Progress: — → 48 %" */
        g_ptr_array_add (lines, g_strdup_printf (_("Progress: %s → %s"), before, after));
    }

  if (change->status_changed)
    /* Translators: tooltip of the change badge: "Status: En curs → Acabat" */
    g_ptr_array_add (lines, g_strdup_printf (_("Status: %s → %s"),
                                             change->status_before != NULL ? change->status_before : C_("no value", "—"),
                                             change->status_after != NULL ? change->status_after : C_("no value", "—")));

  if (change->total_before.executed != change->total_after.executed)
    {
      g_autofree char *before = fita_money_format (change->total_before.executed, lang);
      g_autofree char *after = fita_money_format (change->total_after.executed, lang);

      /* Translators: tooltip of the change badge: "Executed: 1.000,00 € → 3.500,00 €" */
      g_ptr_array_add (lines, g_strdup_printf (_("Executed: %s → %s"), before, after));
    }

  if (change->values_changed)
    /* Translators: tooltip of the change badge */
    g_ptr_array_add (lines, g_strdup (_("Indicator values changed")));

  if (change->texts_changed)
    /* Translators: tooltip of the change badge */
    g_ptr_array_add (lines, g_strdup (_("Follow-up texts changed")));

  if (change->no_update)
    /* Translators: tooltip of the change badge of an item nobody updated */
    g_ptr_array_add (lines, g_strdup (_("No update this year")));
}

void
fita_item_object_set_change (FitaItemObject *self,
                             FitaComparison *comparison)
{
  const char *lang = fita_lang_from_locale ();
  const FitaItemChange *change = comparison != NULL ? fita_comparison_lookup (comparison, self->id) : NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  char *text = NULL, *summary = NULL;
  gboolean had_change = self->change_text != NULL;
  gint64 year = comparison != NULL ? fita_comparison_get_year (comparison) : 0;

  g_return_if_fail (FITA_IS_ITEM_OBJECT (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (change != NULL && fita_comparison_has_previous (comparison))
    {
      /* Translators: the first line of the tooltip of the change badge; %d is a year */
      g_ptr_array_add (lines, g_strdup_printf (_("Since %d was closed:"), (int) year - 1));
      describe_change (comparison, change, lang, lines);

      if (change->progress_change_bp != FITA_NONE && change->progress_change_bp != 0)
        {
          g_autofree char *in_full = fita_comparison_format_points (comparison, change, FALSE, NULL);

          text = fita_comparison_format_points (comparison, change, TRUE, NULL);
          /* Translators: read by screen readers after an item: "+18 points since 2024" */
          summary = g_strdup_printf (_("%s since %d"), in_full, (int) year - 1);
        }
      else if (change->status_changed)
        {
          /* Translators: the change badge of an item whose status changed since the year before */
          text = g_strdup (C_("change badge", "status changed"));
          /* Translators: read by screen readers after an item; %d is a year */
          summary = g_strdup_printf (_("status changed since %d"), (int) year - 1);
        }
      else if (change->is_new)
        {
          /* Translators: the change badge of an item added this year */
          text = g_strdup (C_("change badge", "new"));
          /* Translators: read by screen readers after an item added this year */
          summary = g_strdup (_("new this year"));
        }
      else if (change->changed)
        {
          /* Translators: the change badge of an item with other changes (amounts, texts) */
          text = g_strdup (C_("change badge", "updated"));
          /* Translators: read by screen readers after an item; %d is a year */
          summary = g_strdup_printf (_("updated since %d"), (int) year - 1);
        }
    }

  if (change != NULL && change->late)
    {
      FitaItem *item = change->item;

      /* Translators: in the tooltip of the change badge; %d is the item's end year */
      g_ptr_array_add (lines, g_strdup_printf (_("Late: it was to end in %d and is not finished"), (int) item->end_year));
      if (text == NULL)
        /* Translators: the badge of an item past its end year and not finished */
        text = g_strdup (C_("change badge", "late"));
      if (summary != NULL)
        {
          g_autofree char *first = summary;

          /* Translators: read by screen readers after an item past its end year */
          summary = g_strjoin (C_("accessible item label", ", "), first, _("late"), NULL);
        }
      else
        summary = g_strdup (_("late"));
    }

  g_ptr_array_add (lines, NULL);
  take_string (self, &self->change_text, text, PROP_CHANGE_TEXT);
  take_string (self, &self->change_tooltip, text != NULL ? g_strjoinv ("\n", (char **) lines->pdata) : NULL,
               PROP_CHANGE_TOOLTIP);
  if (had_change != (self->change_text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_CHANGE]);

  if (g_strcmp0 (self->change_summary, summary) != 0)
    {
      g_free (self->change_summary);
      self->change_summary = g_steal_pointer (&summary);
      update_description (self, fita_item_object_get_item (self));
    }
  g_free (summary);

  g_object_thaw_notify (G_OBJECT (self));
}

