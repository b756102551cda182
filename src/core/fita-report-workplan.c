/* fita-report-workplan.c: the work plan: lines, objectives, actions, who,
 * and the semester grid drawn by the timeline. */
#include "config.h"
#include "fita-report.h"
#include "fita-report-private.h"
#include "fita-budget.h"
#include "fita-chart.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-i18n.h"
#include "fita-money.h"
#include "fita-output.h"
#include "fita-rollup.h"
#include "fita-timeline.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>


/* Reports: the work plan, with the semester grid of the timeline */

typedef struct {
  FitaTimeline *timeline;
  double y;
  double height;
  double scale;
} TimelinePage;

static void
draw_timeline_page (FitaCanvas *canvas, double width, double height, gpointer data)
{
  TimelinePage *page = data;
  double canvas_width;

  fita_timeline_get_size (page->timeline, &canvas_width, NULL);
  fita_canvas_scale (canvas, page->scale, page->scale);
  /* as in print: whole rows, nothing clipped, square corners too small
   * to see, and its text after its shapes (one text object in the PDF) */
  fita_timeline_draw_on (page->timeline, canvas, 0, page->y, canvas_width, page->height,
                         FITA_TIMELINE_STICKY_HEADER | FITA_TIMELINE_EXACT);
}

void
fita_report_make_workplan (FitaDoc *doc, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (doc->plan, doc->tr);
  g_autofree char *period = fita_report_period_text (doc);
  g_autofree char *title = *period ? g_strdup_printf ("%s %s", T_ (doc->tr, "Work plan"), period)
                                   : g_strdup (T_ (doc->tr, "Work plan"));
  double canvas_width, canvas_height, header, row, scale, usable;
  guint n_rows, per_page;

  fita_timeline_set_show_who (timeline, TRUE);
  fita_timeline_set_label_width (timeline, 330);
  fita_timeline_set_font (timeline, "Sans 8");
  fita_timeline_get_size (timeline, &canvas_width, &canvas_height);
  header = fita_timeline_get_header_height (timeline);
  row = fita_timeline_get_row_height (timeline);
  n_rows = fita_timeline_get_n_rows (timeline);
  scale = MIN (1.0, (doc->right - doc->left) / canvas_width);

  fita_doc_paragraph (doc, info->title, doc->bold, FITA_DOC_DIM, 0);
  fita_doc_heading (doc, 1, title);
  fita_doc_paragraph (doc, info->description, doc->small, FITA_DOC_DIM, 0);
  if (fita_plan_count (doc->plan, FITA_TABLE_ITEM) > 0)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Figures"));
      fita_report_headline_figures (doc, NULL);
    }

  /* the actions in full, with who does them and when, as the work plan
   * lists them: the calendar's grid below, as text */
  {
    enum { CODE, ITEM, WHO, OTHER, WHEN, STATUS, N_CELLS };
    FitaReportColumns columns = { 0 };
    g_autoptr(FitaDocTable) table = NULL;
    g_autoptr(GPtrArray) items = fita_plan_items_preorder (doc->plan, NULL);
    gboolean other = FALSE, status = FALSE;
    for (guint i = 0; i < items->len; i++)
      {
        other = other || fita_report_has_other_services (g_ptr_array_index (items, i));
        status = status || ((FitaItem *) g_ptr_array_index (items, i))->status_id != 0;
      }
    fita_report_columns_add (&columns, CODE, TRUE, T_ (doc->tr, "Code"), 0.9, FITA_DOC_ALIGN_LEFT);
    fita_report_columns_add (&columns, ITEM, TRUE, T_ (doc->tr, "Item"), 5.0, FITA_DOC_ALIGN_LEFT);
    /* Translators: the "who" column of a work plan ("QUI?" in Catalan plans) */
    fita_report_columns_add (&columns, WHO, TRUE, T_ (doc->tr, "Who"), 2.8, FITA_DOC_ALIGN_LEFT);
    fita_report_columns_add (&columns, OTHER, other, T_ (doc->tr, "Other agents or services involved"), 2.8, FITA_DOC_ALIGN_LEFT);
    /* the semesters ticked, the dates or the years, as the grid draws them */
    fita_report_columns_add (&columns, WHEN, TRUE, T_ (doc->tr, "Period"), 2.0, FITA_DOC_ALIGN_LEFT);
    /* the calendar's bars take their status's colour: the word too */
    fita_report_columns_add (&columns, STATUS, status, T_ (doc->tr, "Status"), 1.4, FITA_DOC_ALIGN_LEFT);
    table = fita_doc_table_new (columns.columns, columns.n, TRUE);
    for (guint i = 0; i < items->len; i++)
      {
        FitaItem *item = g_ptr_array_index (items, i);
        gboolean parent = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0;
        char *cells[N_CELLS] = { g_strdup (item->code), g_strdup (item->title), fita_report_who_text (doc, item, "\n"),
                                 g_strdup (item->other_services), fita_report_when_text (doc, timeline, item),
                                 g_strdup (fita_report_status_name (doc, item)) };
        fita_report_columns_add_row (&columns, table, parent ? FITA_DOC_ROW_BOLD : 0, cells, N_CELLS);
      }
    fita_doc_table (doc, table);
  }
  fita_doc_heading (doc, 2, T_ (doc->tr, "Calendar"));

  /* page by page: as many rows as fit, the grid's header repeated on each */
  for (guint first = 0; first < n_rows && !fita_doc_cancelled (doc); first += per_page)
    {
      TimelinePage page;
      g_autofree char *alt = NULL;
      /* the heading "Calendar" goes with the grid's heading and first rows */
      fita_doc_keep (doc, (header + row * 3) * scale);
      usable = (doc->bottom - doc->y) / scale - header;
      per_page = MAX (1, (guint) floor (usable / row));
      per_page = MIN (per_page, n_rows - first);
      page.timeline = timeline;
      page.y = first * row;
      page.height = header + per_page * row;
      page.scale = scale;
      /* the counting pass draws nothing: no words for it */
      alt = doc->counting ? NULL : fita_report_timeline_alt (doc, timeline, first, per_page);
      fita_doc_picture (doc, page.height * scale, draw_timeline_page, &page, alt);
      if (first + per_page < n_rows)
        fita_doc_new_page (doc);
    }
  (void) year;
}
