#pragma once

#include <adwaita.h>
#include "fita-plan.h"
#include "fita-sidebar-page.h"

G_BEGIN_DECLS

#define FITA_TYPE_PARTICIPATION_PAGE (fita_participation_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaParticipationPage, fita_participation_page, FITA, PARTICIPATION_PAGE, FitaSidebarPage)

GtkWidget  *fita_participation_page_new      (void);
FitaPlan   *fita_participation_page_get_plan (FitaParticipationPage *self);
void        fita_participation_page_set_plan (FitaParticipationPage *self,
                                     FitaPlan       *plan);

G_END_DECLS
