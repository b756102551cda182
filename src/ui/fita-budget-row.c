/* fita-budget-row.c: a row of the Budget page, by item id. */
#include "config.h"

#include "fita-budget-row.h"

struct _FitaBudgetRow
{
  GObject          parent_instance;

  gint64           item_id;

  /* The cache, valid for one plan at one generation: plan records are
   * freed and remade by changes, so only the id is kept across them. */
  FitaPlan        *plan;           /* not a reference: just a key */
  guint64          generation;
  FitaBudgetTable *table;
  gboolean         holds_budget;
  /* made only when a column asks for it: it walks the whole subtree */
  FitaBudgetEnvelope envelope;
  gboolean         has_envelope;
};

G_DEFINE_FINAL_TYPE (FitaBudgetRow, fita_budget_row, G_TYPE_OBJECT)

static void
fita_budget_row_finalize (GObject *object)
{
  FitaBudgetRow *self = FITA_BUDGET_ROW (object);

  g_clear_pointer (&self->table, fita_budget_table_free);

  G_OBJECT_CLASS (fita_budget_row_parent_class)->finalize (object);
}

static void
fita_budget_row_class_init (FitaBudgetRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fita_budget_row_finalize;
}

static void
fita_budget_row_init (FitaBudgetRow *self)
{
}

FitaBudgetRow *
fita_budget_row_new (gint64 item_id)
{
  FitaBudgetRow *self = g_object_new (FITA_TYPE_BUDGET_ROW, NULL);

  self->item_id = item_id;
  return self;
}

gint64
fita_budget_row_get_item_id (FitaBudgetRow *self)
{
  g_return_val_if_fail (FITA_IS_BUDGET_ROW (self), 0);

  return self->item_id;
}

FitaItem *
fita_budget_row_get_item (FitaBudgetRow *self,
                          FitaPlan      *plan)
{
  g_return_val_if_fail (FITA_IS_BUDGET_ROW (self), NULL);

  if (self->item_id == 0 || plan == NULL)
    return NULL;
  return fita_plan_lookup (plan, FITA_TABLE_ITEM, self->item_id);
}

/* Whether anything strictly below item has a budget line. */
static gboolean
lines_below (FitaPlan *plan,
             gint64    item_id)
{
  GPtrArray *children = fita_plan_list (plan, FITA_TABLE_ITEM, item_id);

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *child = g_ptr_array_index (children, i);

      if (fita_plan_list (plan, FITA_TABLE_BUDGET_LINE, child->rec.id)->len > 0 ||
          lines_below (plan, child->rec.id))
        return TRUE;
    }
  return FALSE;
}

static void
ensure_cache (FitaBudgetRow *self,
              FitaPlan      *plan)
{
  FitaItem *item;

  if (self->table != NULL && self->plan == plan && self->generation == fita_plan_get_generation (plan))
    return;

  g_clear_pointer (&self->table, fita_budget_table_free);
  item = fita_budget_row_get_item (self, plan);
  /* a deleted item's row lingers until the list catches up: show nothing */
  if (self->item_id != 0 && item == NULL)
    {
      g_autoptr(FitaPlan) empty = fita_plan_new ();
      self->table = fita_budget_table_new (empty, NULL);
    }
  else
    self->table = fita_budget_table_new (plan, item);
  self->holds_budget = item != NULL && !lines_below (plan, item->rec.id);
  self->has_envelope = FALSE;
  self->plan = plan;
  self->generation = fita_plan_get_generation (plan);
}

FitaBudgetTable *
fita_budget_row_get_table (FitaBudgetRow *self,
                           FitaPlan      *plan)
{
  g_return_val_if_fail (FITA_IS_BUDGET_ROW (self), NULL);
  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);

  ensure_cache (self, plan);
  return self->table;
}

gboolean
fita_budget_row_holds_budget (FitaBudgetRow *self,
                              FitaPlan      *plan)
{
  g_return_val_if_fail (FITA_IS_BUDGET_ROW (self), FALSE);
  g_return_val_if_fail (FITA_IS_PLAN (plan), FALSE);

  ensure_cache (self, plan);
  return self->holds_budget;
}

const FitaBudgetEnvelope *
fita_budget_row_get_envelope (FitaBudgetRow *self,
                              FitaPlan      *plan)
{
  g_return_val_if_fail (FITA_IS_BUDGET_ROW (self), NULL);
  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);

  ensure_cache (self, plan);
  if (!self->has_envelope)
    {
      FitaItem *item = fita_budget_row_get_item (self, plan);

      if (self->item_id != 0 && item == NULL)
        {
          /* a deleted item's row: no amounts */
          self->envelope = (FitaBudgetEnvelope) { FITA_NONE, FITA_NONE, FITA_NONE, FITA_NONE, FALSE };
        }
      else
        fita_plan_budget_envelope (plan, item, &self->envelope);
      self->has_envelope = TRUE;
    }
  return &self->envelope;
}
