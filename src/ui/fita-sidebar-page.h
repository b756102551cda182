/* fita-sidebar-page.h: what the Governance and Participation pages share:
 * a page of the plan with a sidebar of records (bodies, processes) and the
 * details of the one picked, which folds into one or the other in a narrow
 * window. It holds the plan (the "plan" property the window binds), follows
 * its changes, and keeps the record picked. */
#pragma once

#include <adwaita.h>
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_SIDEBAR_PAGE (fita_sidebar_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (FitaSidebarPage, fita_sidebar_page, FITA, SIDEBAR_PAGE, AdwBin)

struct _FitaSidebarPageClass
{
  AdwBinClass parent_class;

  /* The page shows another plan, or none: the fields stand for its records. */
  void (*plan_set)     (FitaSidebarPage   *self);
  /* The plan changed: changes says what, NULL that anything may have. */
  void (*refresh)      (FitaSidebarPage   *self,
                        const FitaChanges *changes);
  /* Another record was picked in the sidebar. */
  void (*show_details) (FitaSidebarPage   *self);
  /* "row.delete" on record (table, id): TRUE if the page takes care of
   * it (asks first); optional. */
  gboolean (*remove_record) (FitaSidebarPage *self,
                             FitaTableId      table,
                             gint64           id);
};

/* The parts of the subclass's template the page works with: toasts for
 * refusals, the leaflet ("sidebar" and "content" pages), its back button
 * and the sidebar's list. Called from the subclass's init. */
void        fita_sidebar_page_set_parts    (FitaSidebarPage *self,
                                            AdwToastOverlay *toasts,
                                            AdwLeaflet      *leaflet,
                                            GtkWidget       *back_button,
                                            GtkListBox      *sidebar);
/* Installs the action that goes back from the content to the sidebar. */
void        fita_sidebar_page_class_install_back_action (GtkWidgetClass *widget_class,
                                                         const char     *action_name);

/* The pages' rows move and remove their records with the "row.move"
 * ((table, id, delta): "(ixi)") and "row.delete" ((table, id): "(ix)")
 * actions, which the page has. */

/* The page's plan; page is any FitaSidebarPage. */
FitaPlan   *fita_sidebar_page_get_plan     (gpointer         page);
void        fita_sidebar_page_set_plan     (FitaSidebarPage *self,
                                            FitaPlan        *plan);
gboolean    fita_sidebar_page_is_read_only (gpointer         page);
/* The record picked in the sidebar, 0 for none. */
gint64      fita_sidebar_page_get_selected (gpointer         page);
void        fita_sidebar_page_set_selected (gpointer         page,
                                            gint64           id);
/* Picks the row of record id in the sidebar, or the first row. */
void        fita_sidebar_page_select       (gpointer         page,
                                            gint64           id);
/* A narrow window shows the details rather than the sidebar. */
void        fita_sidebar_page_show_content (gpointer         page);
/* Shows the plan's refusal of a change. */
void        fita_sidebar_page_show_failure (gpointer         page,
                                            GError          *error);
AdwToastOverlay *fita_sidebar_page_get_toasts (gpointer      page);

G_END_DECLS
