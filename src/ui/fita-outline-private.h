/* fita-outline-private.h: what the outline's files share: its fields and
 * the helpers its actions, search, drag and drop and saved state use.
 */
#pragma once

#include <adwaita.h>

#include "fita-outline.h"

G_BEGIN_DECLS

struct _FitaOutline
{
  GtkWidget           parent_instance;

  FitaPlan           *plan;
  GSignalGroup       *plan_signals;    /* follows the plan's "changed" */
  FitaItemTree       *tree;
  GtkFilterListModel *filter_model;
  GtkMultiSelection  *selection;
  GtkCustomFilter    *filter;
  GtkWidget          *context_menu;

  GHashTable         *matches;         /* ids the search found */
  GHashTable         *visible;         /* those and their ancestors */
  GHashTable         *saved_expanded;  /* what was unfolded before the search */
  GArray             *status_ids;      /* what the dropdowns' entries 1… stand for */
  GArray             *agent_ids;
  GArray             *years;

  gint64              year;            /* shown, for the change since the year before; 0: the plan's */

  gint64              selected_id;
  guint               n_selected;
  guint               frozen;
  guint               updating_filters : 1;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *agent_dropdown;
  GtkDropDown        *year_dropdown;
  GtkStack           *list_stack;
  GtkScrolledWindow  *list_scroller;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkRevealer        *bulk_bar;
  GtkLabel           *bulk_label;
  GtkMenuButton      *bulk_status_button;
  GtkMenuButton      *bulk_agent_button;
  GtkMenuButton      *bulk_years_button;
  GtkMenuButton      *more_button;
  GtkPopover         *bulk_years_popover;
  GtkSpinButton      *bulk_start_spin;
  GtkSpinButton      *bulk_end_spin;
  GMenuModel         *context_menu_model;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SELECTED_ID,
  PROP_N_SELECTED,
  PROP_SEARCH_MODE,
  PROP_YEAR,
  N_PROPS
};

/* fita-outline.c: looking things up, telling the person, the rows */
FitaItem   *_fita_outline_lookup_item            (FitaOutline       *self,
                                                  gint64             id);
gint64      _fita_outline_row_item_id            (GtkTreeListRow    *row);
gboolean    _fita_outline_is_editable            (FitaOutline       *self);
/* Whether a search or filter hides rows. */
gboolean    _fita_outline_is_filtering           (FitaOutline       *self);
gboolean    _fita_outline_list_has_focus         (FitaOutline       *self);
/* Sets of item ids: gint64 keys. */
GHashTable *_fita_outline_id_set_new             (void);
void        _fita_outline_id_set_add             (GHashTable        *set,
                                                  gint64             id);
void        _fita_outline_show_toast             (FitaOutline       *self,
                                                  AdwToast          *toast);
void        _fita_outline_report_error           (FitaOutline       *self,
                                                  const GError      *error);
/* The FitaItemRow on show for item id, or NULL. */
GtkWidget  *_fita_outline_find_row               (FitaOutline       *self,
                                                  gint64             id);
void        _fita_outline_update_empty_page      (FitaOutline       *self);
void        _fita_outline_update_selection_state (FitaOutline       *self);
void        _fita_outline_scroll_to              (FitaOutline       *self,
                                                  guint              position,
                                                  gboolean           focus);
gboolean    _fita_outline_select_item            (FitaOutline       *self,
                                                  gint64             id,
                                                  gboolean           only,
                                                  gboolean           focus);
void        _fita_outline_notify                 (FitaOutline       *self,
                                                  guint              prop_id);
void        _fita_outline_emit_edit_title        (FitaOutline       *self,
                                                  gint64             id);

/* fita-outline-actions.c */
void        _fita_outline_class_actions_init     (GtkWidgetClass    *widget_class);
void        _fita_outline_actions_init           (FitaOutline       *self);
void        _fita_outline_update_actions         (FitaOutline       *self);
void        _fita_outline_popup_context_menu     (FitaOutline       *self,
                                                  double             x,
                                                  double             y);
void        _fita_outline_collect_agents         (FitaPlan          *plan,
                                                  gint64             owner,
                                                  GPtrArray         *agents);
void        _fita_outline_rebuild_bulk_menus     (FitaOutline       *self);
/* Hides the button's tooltip while its menu is open. */
void        _fita_outline_follow_menu            (GtkMenuButton     *button);

/* fita-outline-search.c */
void        _fita_outline_class_search_init      (GtkWidgetClass    *widget_class);
void        _fita_outline_search_init            (FitaOutline       *self);
void        _fita_outline_rebuild_filters        (FitaOutline       *self);
void        _fita_outline_apply_search           (FitaOutline       *self);
/* The choice of the status filter among those of the change since the
 * year before (after the statuses), or FITA_COMPARE_ALL. */
FitaCompareFilter _fita_outline_chosen_change    (FitaOutline       *self);

/* fita-outline-dnd.c */
void        _fita_outline_add_dnd_callbacks      (GtkBuilderCScope  *scope);

/* fita-outline-state.c */
/* The items unfolded when the file at path was last open, or NULL. */
GHashTable *_fita_outline_load_expanded          (const char        *path);

G_END_DECLS
