/* fita-participation-page-private.h: what the files of the Participation
 * page share: the page itself, its key actors (-actors.c) and its actions
 * (-actions.c). */
#pragma once

#include "fita-participation-page.h"
#include "fita-participation-table.h"
#include "fita-plan.h"

G_BEGIN_DECLS

struct _FitaParticipationPage
{
  FitaSidebarPage parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  AdwLeaflet *leaflet;
  GtkButton *back_button;
  GtkListBox *processes_list;
  GtkStack *details_stack;
  GtkLabel *heading_label;
  GtkLabel *heading_subtitle;
  AdwPreferencesGroup *about_group;
  AdwEntryRow *name_row;
  GtkLabel *about_error;
  AdwComboRow *state_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwEntryRow *budget_row;
  GtkLabel *calendar_error;
  GtkListBox *phases_list;
  GtkLabel *phases_error;
  FitaParticipationTable *dimensions_card;
  GtkLabel *dimensions_error;
  GtkListBox *counts_list;
  GtkLabel *counts_error;
  GtkMenuButton *add_actor_button;
  GtkPopover *actor_popover;
  GtkSearchEntry *actor_search;
  GtkListBox *candidates_list;
  GtkListBox *actors_list;
  GtkButton *delete_button;

  /* Built here */
  GtkWidget *description_view;
  GtkWidget *problem_view;
  GtkWidget *objectives_view;
};

GtkWidget * _fita_participation_create_actor_row (gpointer record, gpointer user_data);
void _fita_participation_update_actor_row (GtkWidget *row, gpointer record, guint index, guint n_rows, gpointer user_data);
void _fita_participation_candidate_activated_cb (GtkListBox *list, GtkListBoxRow *row, FitaParticipationPage *self);
void _fita_participation_search_changed_cb (GtkSearchEntry *entry, FitaParticipationPage *self);
void _fita_participation_search_activate_cb (GtkSearchEntry *entry, FitaParticipationPage *self);
void _fita_participation_popover_show_cb (GtkPopover *popover, FitaParticipationPage *self);
void _fita_participation_page_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
