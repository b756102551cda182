#include "config.h"

#include "fita-item-tree.h"
#include "fita-years.h"

struct _FitaItemTree
{
  GObject           parent_instance;

  FitaPlan         *plan;
  GListStore       *root;
  /* id → FitaItemObject, for every object in a list */
  GHashTable       *objects;
  GtkTreeListModel *model;
  /* ids the search found (gint64 keys), or NULL */
  GHashTable       *matches;
  /* the year shown (FITA_NONE: the plan's default) compared with the one
   * before, made again after every change; NULL when it cannot be */
  gint64            year;
  FitaComparison   *comparison;
};

G_DEFINE_FINAL_TYPE (FitaItemTree, fita_item_tree, G_TYPE_OBJECT)

/* A list to bring in step: owner's store, and the part of it that goes. */
typedef struct {
  gint64      owner;
  GListStore *store;
  guint       position;
  guint       removed;
  GPtrArray  *added;    /* of FitaItemObject */
} Splice;

static void
splice_free (gpointer data)
{
  Splice *splice = data;

  g_clear_pointer (&splice->added, g_ptr_array_unref);
  g_free (splice);
}

static FitaItemObject *
ensure_object (FitaItemTree *self,
               FitaItem     *item)
{
  FitaItemObject *object = g_hash_table_lookup (self->objects, &item->rec.id);

  if (object == NULL)
    {
      object = fita_item_object_new (self->plan, item->rec.id);
      fita_item_object_set_match (object, self->matches != NULL && g_hash_table_contains (self->matches, &item->rec.id));
      fita_item_object_set_change (object, self->comparison);
      g_hash_table_insert (self->objects, g_memdup2 (&item->rec.id, sizeof (gint64)), object);
    }

  fita_item_object_set_parent_id (object, item->parent_id);
  return object;
}

static GListStore *
store_of (FitaItemTree *self,
          gint64        owner)
{
  FitaItemObject *object;

  if (owner == 0)
    return self->root;

  object = g_hash_table_lookup (self->objects, &owner);
  return object != NULL ? fita_item_object_get_children (object) : NULL;
}

static void
fill_store (FitaItemTree *self,
            GListStore   *store,
            gint64        owner)
{
  GPtrArray *items = fita_plan_list (self->plan, FITA_TABLE_ITEM, owner);
  g_autoptr(GPtrArray) objects = g_ptr_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (objects, ensure_object (self, g_ptr_array_index (items, i)));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       objects->pdata, objects->len);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  g_autoptr(FitaItemTree) self = g_weak_ref_get (user_data);
  FitaItemObject *object = item;
  gint64 id = fita_item_object_get_id (object);
  GListStore *children;

  /* A row may outlive the tree in a widget that still shows it. */
  if (self == NULL)
    return NULL;

  if (fita_plan_list (self->plan, FITA_TABLE_ITEM, id)->len == 0)
    {
      fita_item_object_set_expandable (object, FALSE);
      return NULL;
    }

  fita_item_object_set_expandable (object, TRUE);
  children = fita_item_object_get_children (object);
  if (children == NULL)
    {
      g_autoptr(GListStore) store = g_list_store_new (FITA_TYPE_ITEM_OBJECT);

      fill_store (self, store, id);
      fita_item_object_set_children (object, store);
      children = store;
    }

  return g_object_ref (G_LIST_MODEL (children));
}

static gboolean
find_in_store (GListStore     *store,
               FitaItemObject *object,
               guint          *position)
{
  FitaItem *item = fita_item_object_get_item (object);

  /* The item's position is where it normally is: try there first. */
  if (item != NULL && item->position >= 0 &&
      (guint64)item->position < g_list_model_get_n_items (G_LIST_MODEL (store)))
    {
      g_autoptr(FitaItemObject) there = g_list_model_get_item (G_LIST_MODEL (store), item->position);

      if (there == object)
        {
          *position = item->position;
          return TRUE;
        }
    }

  return g_list_store_find (store, object, position);
}

/* The row of object, following the lists as they are (not the plan). */
static GtkTreeListRow *
row_of_object (FitaItemTree   *self,
               FitaItemObject *object)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkTreeListRow *row = NULL;

  for (FitaItemObject *o = object; o != NULL;)
    {
      gint64 parent_id = fita_item_object_get_parent_id (o);

      g_ptr_array_add (chain, o);
      if (parent_id == 0)
        break;
      o = g_hash_table_lookup (self->objects, &parent_id);
      if (o == NULL)
        return NULL;
    }

  for (guint i = chain->len; i > 0; i--)
    {
      FitaItemObject *o = g_ptr_array_index (chain, i - 1);
      GListStore *store = i == chain->len ? self->root
                                          : fita_item_object_get_children (g_ptr_array_index (chain, i));
      GtkTreeListRow *child;
      guint position;

      if (store == NULL || !find_in_store (store, o, &position))
        child = NULL;
      else if (row == NULL)
        child = gtk_tree_list_model_get_child_row (self->model, position);
      else
        child = gtk_tree_list_row_get_child_row (row, position);

      g_clear_object (&row);
      if (child == NULL)
        return NULL;
      row = child;
    }

  return row;
}

/* Adds (id, expanded) for row and the rows shown below it, parents first. */
static void
collect_states (GtkTreeListRow *row,
                GArray         *states)
{
  g_autoptr(FitaItemObject) object = gtk_tree_list_row_get_item (row);
  gint64 state[2] = { fita_item_object_get_id (object), gtk_tree_list_row_get_expanded (row) };
  GListModel *children;

  if (!state[1] && !fita_item_object_get_expandable (object))
    return;

  g_array_append_vals (states, state, 1);
  children = gtk_tree_list_row_get_children (row);
  if (!state[1] || children == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, i);

      if (child != NULL)
        collect_states (child, states);
    }
}

/* Works out how owner's list differs from the plan, as one splice. */
static Splice *
plan_splice (FitaItemTree *self,
             gint64        owner,
             GListStore   *store,
             GArray       *states)
{
  GPtrArray *items = fita_plan_list (self->plan, FITA_TABLE_ITEM, owner);
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = items->len;
  guint prefix = 0, suffix = 0;
  g_autoptr(GtkTreeListRow) parent_row = NULL;
  Splice *splice;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(FitaItemObject) object = g_list_model_get_item (model, prefix);

      if (fita_item_object_get_id (object) != ((FitaItem *)g_ptr_array_index (items, prefix))->rec.id)
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(FitaItemObject) object = g_list_model_get_item (model, n_old - 1 - suffix);

      if (fita_item_object_get_id (object) != ((FitaItem *)g_ptr_array_index (items, n_new - 1 - suffix))->rec.id)
        break;
      suffix++;
    }

  if (prefix + suffix == n_old && n_old == n_new)
    return NULL;

  splice = g_new0 (Splice, 1);
  splice->owner = owner;
  splice->store = store;
  splice->position = prefix;
  splice->removed = n_old - prefix - suffix;
  splice->added = g_ptr_array_new_with_free_func (g_object_unref);

  /* The rows that go take their expanded state with them, for when they
   * come back elsewhere (a move is a removal and an insertion). */
  if (owner != 0)
    {
      FitaItemObject *owner_object = g_hash_table_lookup (self->objects, &owner);

      parent_row = owner_object ? row_of_object (self, owner_object) : NULL;
    }
  if (owner == 0 || parent_row != NULL)
    for (guint i = prefix; i < prefix + splice->removed; i++)
      {
        g_autoptr(GtkTreeListRow) row = owner == 0 ? gtk_tree_list_model_get_child_row (self->model, i)
                                                   : gtk_tree_list_row_get_child_row (parent_row, i);

        if (row != NULL)
          collect_states (row, states);
      }

  return splice;
}

/* Objects are made for the lists after all removals were worked out, so an
 * item that moved keeps its object (and its list of children). */
static void
run_splice (FitaItemTree *self,
            Splice       *splice)
{
  GPtrArray *items = fita_plan_list (self->plan, FITA_TABLE_ITEM, splice->owner);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (splice->store));
  guint added = items->len - (n_old - splice->removed);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (splice->added,
                     g_object_ref (ensure_object (self, g_ptr_array_index (items, splice->position + i))));

  g_list_store_splice (splice->store, splice->position, splice->removed,
                       splice->added->pdata, splice->added->len);
}

/* A row cannot change its mind about having children: the item's object
 * goes out of its list and back in, as a new row. */
static void
renew_row (FitaItemTree   *self,
           FitaItemObject *object)
{
  GListStore *store = store_of (self, fita_item_object_get_parent_id (object));
  guint position;

  if (store != NULL && find_in_store (store, object, &position))
    g_list_store_splice (store, position, 1, (gpointer *)&object, 1);
}

static void
add_candidate (GHashTable *owners,
               gint64      owner)
{
  if (!g_hash_table_contains (owners, &owner))
    g_hash_table_add (owners, g_memdup2 (&owner, sizeof owner));
}

/* The one place where item objects learn of a change: every object when
 * the change may alter what rows show of items it did not update (derived
 * progress, budget totals, the names and colours of levels and statuses),
 * else those of the items it updated. */
static void
refresh_objects (FitaItemTree       *self,
                 const FitaChanges  *changes,
                 FitaChangesEffects  effects)
{
  if ((effects & (FITA_CHANGES_ALTER_PROGRESS | FITA_CHANGES_ALTER_BUDGETS | FITA_CHANGES_ALTER_ITEM_LABELS)) != 0)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->objects);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        fita_item_object_refresh (value);
      return;
    }

  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaItemObject *object;
      FitaTableId table;
      gint64 id;

      fita_changes_get (changes, i, &table, &id, NULL, NULL);
      if (table == FITA_TABLE_ITEM && (object = g_hash_table_lookup (self->objects, &id)))
        fita_item_object_refresh (object);
    }
}

/* Compares the year shown again, and tells every object (changes NULL:
 * the year or the plan is new). A closed year's view never changes: it is
 * kept while no closure was added or removed. */
static void
compare (FitaItemTree      *self,
         const FitaChanges *changes)
{
  GHashTableIter iter;
  gpointer value;

  /* the tables a comparison reads (fita-compare.c): a change to none of
   * them (agents, links, participation…) leaves it as it is */
  static const FitaTableId compared[] = {
    FITA_TABLE_PLAN, FITA_TABLE_ITEM, FITA_TABLE_STATUS, FITA_TABLE_BUDGET_LINE, FITA_TABLE_INDICATOR,
    FITA_TABLE_INDICATOR_VALUE, FITA_TABLE_FOLLOWUP, FITA_TABLE_YEAR_CLOSURE,
  };
  gboolean touched = FALSE;

  if (changes != NULL && self->comparison != NULL &&
      fita_plan_get_view_year (fita_comparison_get_plan (self->comparison)) != 0 &&
      !fita_changes_touches (changes, FITA_TABLE_YEAR_CLOSURE))
    return;
  for (guint i = 0; changes != NULL && i < G_N_ELEMENTS (compared); i++)
    touched |= fita_changes_touches (changes, compared[i]);
  if (changes != NULL && self->comparison != NULL && !touched)
    return;

  g_clear_pointer (&self->comparison, fita_comparison_free);
  /* a closure that cannot be read: the rows show no change (the reports
   * and the year's views say why) */
  self->comparison = fita_comparison_new (self->plan, self->year, NULL);

  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    fita_item_object_set_change (value, self->comparison);
}

void
fita_item_tree_apply_changes (FitaItemTree      *self,
                              const FitaChanges *changes)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) splices = g_ptr_array_new_with_free_func (splice_free);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  FitaChangesEffects effects;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (FITA_IS_ITEM_TREE (self));

  effects = fita_changes_get_effects (changes);
  if ((effects & FITA_CHANGES_ALTER_BUDGETS) != 0)
    fita_item_object_budgets_changed (self->plan);

  if ((effects & FITA_CHANGES_ALTER_TREE) == 0)
    {
      refresh_objects (self, changes, effects);
      compare (self, changes);
      return;
    }

  /* The lists that may have changed: the top level, and those of every
   * item touched, of its parent now and of its parent before. */
  add_candidate (owners, 0);
  for (guint i = 0; i < fita_changes_get_length (changes); i++)
    {
      FitaTableId table;
      FitaChangeKind kind;
      FitaItemObject *object;
      FitaItem *item;
      gint64 id;

      fita_changes_get (changes, i, &table, &id, &kind, NULL);
      if (table != FITA_TABLE_ITEM)
        continue;

      add_candidate (owners, id);
      if ((item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id)))
        add_candidate (owners, item->parent_id);
      if ((object = g_hash_table_lookup (self->objects, &id)))
        add_candidate (owners, fita_item_object_get_parent_id (object));
      if (kind == FITA_CHANGE_DELETED)
        g_array_append_val (gone, id);
    }

  g_hash_table_iter_init (&iter, owners);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 owner = *(gint64 *)key;
      GListStore *store = store_of (self, owner);
      Splice *splice;

      if (store == NULL || !fita_changes_list_changed (changes, FITA_TABLE_ITEM, owner))
        continue;
      if ((splice = plan_splice (self, owner, store, states)))
        g_ptr_array_add (splices, splice);
    }

  for (guint i = 0; i < splices->len; i++)
    run_splice (self, g_ptr_array_index (splices, i));

  /* Items that gained their first child or lost their last one. */
  g_hash_table_iter_init (&iter, owners);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      FitaItemObject *object = g_hash_table_lookup (self->objects, key);
      FitaItem *item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, *(gint64 *)key);
      gboolean has_children;

      if (object == NULL || item == NULL)
        continue;

      has_children = !fita_plan_item_is_leaf (self->plan, item);
      if (has_children == fita_item_object_get_expandable (object))
        continue;

      if (!has_children)
        fita_item_object_set_children (object, NULL);
      fita_item_object_set_expandable (object, has_children);
      renew_row (self, object);
    }

  /* Rows that moved get back the state they had. */
  for (guint i = 0; i < states->len; i++)
    {
      gint64 *state = &g_array_index (states, gint64, i * 2);
      FitaItemObject *object = g_hash_table_lookup (self->objects, &state[0]);
      g_autoptr(GtkTreeListRow) row = object ? row_of_object (self, object) : NULL;

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, state[1]);
    }

  for (guint i = 0; i < gone->len; i++)
    {
      gint64 id = g_array_index (gone, gint64, i);

      if (fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id) == NULL)
        g_hash_table_remove (self->objects, &id);
    }

  refresh_objects (self, changes, effects);
  compare (self, changes);
}

static void
fita_item_tree_dispose (GObject *object)
{
  FitaItemTree *self = (FitaItemTree *)object;

  g_clear_object (&self->model);
  g_clear_object (&self->root);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->comparison, fita_comparison_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (fita_item_tree_parent_class)->dispose (object);
}

static void
fita_item_tree_class_init (FitaItemTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fita_item_tree_dispose;
}

static void
fita_item_tree_init (FitaItemTree *self)
{
  self->objects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->root = g_list_store_new (FITA_TYPE_ITEM_OBJECT);
  self->year = FITA_NONE;
}

FitaItemTree *
fita_item_tree_new (FitaPlan *plan,
                    gboolean  autoexpand)
{
  FitaItemTree *self;
  GWeakRef *weak;

  g_return_val_if_fail (FITA_IS_PLAN (plan), NULL);

  self = g_object_new (FITA_TYPE_ITEM_TREE, NULL);
  self->plan = g_object_ref (plan);
  self->comparison = fita_comparison_new (plan, self->year, NULL);
  fill_store (self, self->root, 0);
  /* The model does not hold the tree: the tree holds the model. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->root)),
                                         FALSE, autoexpand,
                                         create_children_cb, weak, weak_ref_free);
  return self;
}

FitaPlan *
fita_item_tree_get_plan (FitaItemTree *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), NULL);

  return self->plan;
}

GtkTreeListModel *
fita_item_tree_get_model (FitaItemTree *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), NULL);

  return self->model;
}

FitaItemObject *
fita_item_tree_lookup (FitaItemTree *self,
                       gint64        id)
{
  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), NULL);

  return g_hash_table_lookup (self->objects, &id);
}

void
fita_item_tree_set_matches (FitaItemTree *self,
                            GHashTable   *matches)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (FITA_IS_ITEM_TREE (self));

  if (matches != NULL)
    g_hash_table_ref (matches);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = matches;

  g_hash_table_iter_init (&iter, self->objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    fita_item_object_set_match (value, matches != NULL && g_hash_table_contains (matches, key));
}

GtkTreeListRow *
fita_item_tree_get_row (FitaItemTree *self,
                        gint64        id,
                        gboolean      reveal)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkTreeListRow *row = NULL;
  FitaItem *item;

  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), NULL);

  if (!reveal)
    {
      FitaItemObject *object = g_hash_table_lookup (self->objects, &id);

      return object != NULL ? row_of_object (self, object) : NULL;
    }

  for (item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id);
       item != NULL;
       item = item->parent_id ? fita_plan_lookup (self->plan, FITA_TABLE_ITEM, item->parent_id) : NULL)
    g_array_prepend_val (chain, item->rec.id);

  if (chain->len == 0)
    return NULL;

  for (guint i = 0; i < chain->len; i++)
    {
      gint64 link = g_array_index (chain, gint64, i);
      FitaItemObject *object = g_hash_table_lookup (self->objects, &link);
      GListStore *store;
      GtkTreeListRow *child = NULL;
      guint position;

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, TRUE);

      store = i == 0 ? self->root : store_of (self, g_array_index (chain, gint64, i - 1));
      if (object != NULL && store != NULL && find_in_store (store, object, &position))
        child = row == NULL ? gtk_tree_list_model_get_child_row (self->model, position)
                            : gtk_tree_list_row_get_child_row (row, position);

      g_clear_object (&row);
      if (child == NULL)
        return NULL;
      row = child;
    }

  return row;
}

GArray *
fita_item_tree_get_expanded (FitaItemTree *self)
{
  GArray *expanded = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *model;
  guint n;

  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), NULL);

  model = G_LIST_MODEL (self->model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      if (gtk_tree_list_row_get_expanded (row))
        {
          g_autoptr(FitaItemObject) object = gtk_tree_list_row_get_item (row);
          gint64 id = fita_item_object_get_id (object);

          g_array_append_val (expanded, id);
        }
    }

  return expanded;
}

void
fita_item_tree_set_expanded (FitaItemTree *self,
                             GHashTable   *expanded,
                             int           depth)
{
  GListModel *model;

  g_return_if_fail (FITA_IS_ITEM_TREE (self));

  /* Rows come and go below each row as it changes: walk on from it. */
  model = G_LIST_MODEL (self->model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(FitaItemObject) object = gtk_tree_list_row_get_item (row);
      gint64 id = fita_item_object_get_id (object);
      FitaItem *item = fita_plan_lookup (self->plan, FITA_TABLE_ITEM, id);
      gboolean want;

      if (item == NULL || fita_plan_item_is_leaf (self->plan, item))
        continue;

      if (expanded != NULL)
        want = g_hash_table_contains (expanded, &id);
      else
        want = (int)gtk_tree_list_row_get_depth (row) <= depth;

      if (want != gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, want);
    }
}

void
fita_item_tree_set_year (FitaItemTree *self,
                         gint64        year)
{
  g_return_if_fail (FITA_IS_ITEM_TREE (self));

  if (year == 0)
    year = FITA_NONE;
  if (self->year == year)
    return;

  self->year = year;
  compare (self, NULL);
}

gint64
fita_item_tree_get_year (FitaItemTree *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), FITA_NONE);

  return self->year;
}

FitaComparison *
fita_item_tree_get_comparison (FitaItemTree *self)
{
  g_return_val_if_fail (FITA_IS_ITEM_TREE (self), NULL);

  return self->comparison;
}
