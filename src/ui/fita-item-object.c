#include "config.h"

#include <glib/gi18n.h>

#include "fita-item-object.h"
#include "fita-money.h"
#include "fita-rollup.h"

struct _FitaItemObject
{
  GObject     parent_instance;

  FitaPlan   *plan;
  FitaItem   *item;
  GListModel *children;
};

G_DEFINE_FINAL_TYPE (FitaItemObject, fita_item_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
fita_item_object_dispose (GObject *object)
{
  FitaItemObject *self = (FitaItemObject *)object;

  g_clear_object (&self->children);
  g_clear_object (&self->plan);
  self->item = NULL;

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

    case PROP_ITEM:
      g_value_set_pointer (value, self->item);
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

    case PROP_ITEM:
      self->item = g_value_get_pointer (value);
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

  /* A FitaItem owned by the plan. */
  properties [PROP_ITEM] =
    g_param_spec_pointer ("item", NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fita_item_object_init (FitaItemObject *self)
{
}

FitaItemObject *
fita_item_object_new (FitaPlan *plan,
                      FitaItem *item)
{
  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  return g_object_new (FITA_TYPE_ITEM_OBJECT,
                       "plan", plan,
                       "item", item,
                       NULL);
}

GListModel *
fita_item_object_list_new (FitaPlan *plan,
                           FitaItem *parent)
{
  GListStore *store;
  GPtrArray *items;

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);

  store = g_list_store_new (FITA_TYPE_ITEM_OBJECT);
  items = fita_plan_list (plan, FITA_TABLE_ITEM, parent ? parent->rec.id : 0);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(FitaItemObject) object = fita_item_object_new (plan, g_ptr_array_index (items, i));

      g_list_store_append (store, object);
    }

  return G_LIST_MODEL (store);
}

FitaPlan *
fita_item_object_get_plan (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->plan;
}

FitaItem *
fita_item_object_get_item (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  return self->item;
}

GListModel *
fita_item_object_get_children (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  if (self->children == NULL && !fita_plan_item_is_leaf (self->plan, self->item))
    self->children = fita_item_object_list_new (self->plan, self->item);

  return self->children;
}

const FitaStatus *
fita_item_object_get_status (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  if (self->item->status_id == 0)
    return NULL;

  return fita_plan_lookup (self->plan, FITA_TABLE_STATUS, self->item->status_id);
}

int
fita_item_object_get_progress (FitaItemObject *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), -1);

  return fita_plan_progress (self->plan, self->item);
}

char *
fita_item_object_describe (FitaItemObject *self,
                           const char     *lang)
{
  const FitaStatus *status;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  int progress;

  g_return_val_if_fail (FITA_IS_ITEM_OBJECT (self), NULL);

  if (self->item->code != NULL && self->item->code[0] != '\0')
    g_ptr_array_add (parts, g_strdup (self->item->code));

  if (self->item->title != NULL && self->item->title[0] != '\0')
    g_ptr_array_add (parts, g_strdup (self->item->title));

  status = fita_item_object_get_status (self);
  if (status != NULL && status->name != NULL)
    g_ptr_array_add (parts, g_strdup (status->name));

  progress = fita_item_object_get_progress (self);
  if (progress >= 0)
    g_ptr_array_add (parts, fita_percent_format (progress, lang));
  else
    /* Translators: read by screen readers for an item with no percent yet */
    g_ptr_array_add (parts, g_strdup (_("no progress")));

  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a plan item read by screen readers:
   * "11.1, Radiografia d’agents, En curs, 30 %" */
  return g_strjoinv (C_("accessible item label", ", "), (char **)parts->pdata);
}
