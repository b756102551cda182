/* fita-shared-banner.h: what a window showing a shared plan says above
 * its pages: a banner the moment the connection to the server is lost
 * (shown until it is back; AdwBanner came with libadwaita 1.3, this looks
 * and reads like it, as fita-year-banner.h does), and, for a service, a
 * note of what it may change. Nothing at all for a file. */
#pragma once

#include <adwaita.h>

#include "fita-plan.h"

G_BEGIN_DECLS

#define FITA_TYPE_SHARED_BANNER (fita_shared_banner_get_type ())
G_DECLARE_FINAL_TYPE (FitaSharedBanner, fita_shared_banner, FITA, SHARED_BANNER, AdwBin)

/* Follows plan's connection (notify::connected) and access. */
void        fita_shared_banner_set_plan      (FitaSharedBanner *self,
                                              FitaPlan         *plan);
FitaPlan   *fita_shared_banner_get_plan      (FitaSharedBanner *self);
/* What the banner shows, as the plan's connection changes; emits
 * "reconnected" when the connection comes back after it was lost. */
void        fita_shared_banner_set_connected (FitaSharedBanner *self,
                                              gboolean          connected);
/* Whether the lost-connection banner shows, and its text. */
gboolean    fita_shared_banner_is_lost       (FitaSharedBanner *self);
const char *fita_shared_banner_get_text      (FitaSharedBanner *self);
/* The note of what a service may change, or NULL when none shows. */
const char *fita_shared_banner_get_note      (FitaSharedBanner *self);

G_END_DECLS
