#pragma once

#include <adwaita.h>
#include "fita-plan.h"
#include "fita-sidebar-page.h"

G_BEGIN_DECLS

#define FITA_TYPE_GOVERNANCE_PAGE (fita_governance_page_get_type ())
G_DECLARE_FINAL_TYPE (FitaGovernancePage, fita_governance_page, FITA, GOVERNANCE_PAGE, FitaSidebarPage)

GtkWidget  *fita_governance_page_new      (void);
FitaPlan   *fita_governance_page_get_plan (FitaGovernancePage *self);
void        fita_governance_page_set_plan (FitaGovernancePage *self,
                                     FitaPlan       *plan);

G_END_DECLS
