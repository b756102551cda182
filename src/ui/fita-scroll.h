/* fita-scroll.h: what a widget that draws its own content and scrolls it
 * (GtkScrollable: the PDF preview, the timeline) keeps and answers about
 * its adjustments, in one place. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The four GtkScrollable properties, numbered from the widget's own
 * FITA_SCROLL_FIRST_PROP on (its own properties' count). */
enum {
  FITA_SCROLL_HADJUSTMENT,
  FITA_SCROLL_VADJUSTMENT,
  FITA_SCROLL_HSCROLL_POLICY,
  FITA_SCROLL_VSCROLL_POLICY,
};

typedef struct {
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;
  GtkWidget           *widget;      /* the scrolled widget, not owned */
  guint                first_prop;
  GCallback            changed;     /* (adjustment, widget): a value moved */
  void               (*configure) (GtkWidget *widget); /* sets the adjustments' ranges */
} FitaScroll;

void     fita_scroll_init                (FitaScroll   *scroll,
                                          GtkWidget    *widget,
                                          guint         first_prop,
                                          GCallback     changed,
                                          void        (*configure) (GtkWidget *widget));
/* In class_init, after the widget's own properties are installed. */
void     fita_scroll_override_properties (GObjectClass *object_class,
                                          guint         first_prop);
/* TRUE if prop_id is one of the four, answered. */
gboolean fita_scroll_get_property        (FitaScroll   *scroll,
                                          guint         prop_id,
                                          GValue       *value);
gboolean fita_scroll_set_property        (FitaScroll   *scroll,
                                          guint         prop_id,
                                          const GValue *value);
/* The scrolled-to point, 0 without adjustments. */
double   fita_scroll_get_x               (FitaScroll   *scroll);
double   fita_scroll_get_y               (FitaScroll   *scroll);
/* In dispose: lets go of the adjustments. */
void     fita_scroll_clear               (FitaScroll   *scroll);

G_END_DECLS
