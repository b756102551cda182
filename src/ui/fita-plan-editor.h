#pragma once

#include <adwaita.h>
#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_PLAN_EDITOR (fita_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (FitaPlanEditor, fita_plan_editor, FITA, PLAN_EDITOR, AdwBin)

GtkWidget  *fita_plan_editor_new      (void);
FitaPlan   *fita_plan_editor_get_plan (FitaPlanEditor *self);
void        fita_plan_editor_set_plan (FitaPlanEditor *self,
                                     FitaPlan       *plan);

G_END_DECLS
