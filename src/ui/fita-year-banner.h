/* fita-year-banner.h: the strip under the header bar while the window
 * shows a closed year: which year, when and by whom it was closed, that it
 * cannot be changed, and a button back to the year followed up. (AdwBanner
 * came with libadwaita 1.3; this looks and reads like it.) */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_YEAR_BANNER (fita_year_banner_get_type ())
G_DECLARE_FINAL_TYPE (FitaYearBanner, fita_year_banner, FITA, YEAR_BANNER, AdwBin)

/* Shows the banner for year, closed in plan (the live plan); year 0 hides
 * it. */
void        fita_year_banner_show     (FitaYearBanner *self,
                                       FitaPlan       *plan,
                                       int             year);
gboolean    fita_year_banner_is_shown (FitaYearBanner *self);
const char *fita_year_banner_get_text (FitaYearBanner *self);
/* "Back to 2025" */
GtkWidget  *fita_year_banner_get_button (FitaYearBanner *self);

/* "7 December 2026" for a closing time ("2026-12-07T10:30:00Z"), in the
 * local time and the language's way; the text as is if it is not a time. */
char       *fita_year_format_closing_date (const char *closed_at);

G_END_DECLS
