#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-object.h"
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
};

G_DEFINE_FINAL_TYPE (FitaItemObject, fita_item_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fita_item_object_dispose (GObject *object)
{
  FitaItemObject *self = (FitaItemObject *)object;

  g_clear_object (&self->children);
  g_clear_object (&self->plan);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_item_object_class_init (FitaItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fita_item_object_dispose;
  object_class->get_property = fita_item_object_get_property;
  object_class->set_property = fita_item_object_set_property;

  properties [PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         FITA_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

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
