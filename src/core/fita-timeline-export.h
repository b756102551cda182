/* fita-timeline-export.h: the timeline of a plan of any size, to files.
 *
 * PDF: as many pages as needed (A4 or A3, landscape unless asked), each
 * with the plan's title above, "Page N of M" below, the header of years
 * and periods and the column of items (and "who") repeated, and only whole
 * rows. The chart is scaled down to the page's width while its text keeps
 * at least FITA_TIMELINE_MIN_PAGE_SCALE of its size; when even that is too
 * wide (many years by semester, quarter or month on A4), the years are
 * split across pages, whole years on each, the item column repeated: the
 * pages of one band of rows follow each other, left to right. Pages are
 * written one at a time, so memory does not grow with the plan.
 *
 * PNG and SVG: a range of rows and of years, in one picture or in tiles
 * NAME-001.png, NAME-002.png… of whole rows, each with the header, when
 * one picture would be taller than FITA_TIMELINE_MAX_TILE pixels (points
 * for SVG), or when asked.
 *
 * Every file is written atomically (fita-output.h).
 */
#pragma once

#include <gio/gio.h>
#include "fita-timeline.h"

G_BEGIN_DECLS

#define FITA_TIMELINE_MIN_PAGE_SCALE 0.6
#define FITA_TIMELINE_MAX_TILE 8000
/* cairo's image surfaces are at most this wide or high */
#define FITA_TIMELINE_MAX_PIXELS 32767

typedef enum {
  FITA_PAPER_A4,
  FITA_PAPER_A3,
} FitaPaper;

extern const char * const fita_paper_keywords[];   /* "a4", "a3" */

typedef struct {
  FitaPaper paper;
  gboolean portrait;
  /* rows, 1-based and inclusive, in the timeline's order; 0: the first
   * (first_row) or the last (last_row) */
  guint first_row, last_row;
  /* years shown; 0: the timeline's first or last */
  int first_year, last_year;
  /* PNG: pixels per point; 0 means 1 */
  double scale;
  /* PNG and SVG: tiles even when one picture would do */
  gboolean tiles;
  /* the line above each PDF page; NULL: the plan's title */
  const char *title;
} FitaTimelineExportOptions;

/* How a PDF's pages divide the timeline. */
typedef struct {
  double page_width, page_height;  /* points */
  double margin;                   /* points, on every side */
  double title_height;             /* above the chart */
  double footer_height;            /* below it */
  double scale;                    /* points per canvas pixel */
  guint first_row, n_rows;         /* 0-based first row, and how many */
  int first_year, n_years;
  guint rows_per_page;
  guint years_per_strip;
  guint n_bands;                   /* pages down the rows */
  guint n_strips;                  /* pages across the years */
  guint n_pages;                   /* n_bands × n_strips */
} FitaTimelinePaging;

/* Whole rows of row_height below a header of header_height in usable
 * height (all in the same unit): never fewer than 1, so a page always
 * moves on. */
guint    fita_timeline_rows_per_page  (double usable,
                                       double header_height,
                                       double row_height);
/* Pages of rows_per_page rows for n_rows rows: at least 1. */
guint    fita_timeline_page_count     (guint  n_rows,
                                       guint  rows_per_page);

/* Parses "FROM:TO" (either side may be empty: "FROM:" or ":TO"), or a
 * single number; 0 where not given. FALSE with an error on bad syntax. */
gboolean fita_timeline_parse_range    (const char  *text,
                                       guint       *from,
                                       guint       *to,
                                       GError     **error);

/* Checks options against the timeline and computes its paging as a PDF.
 * FALSE with an error when the rows or years are out of bounds. */
gboolean fita_timeline_paging_compute (FitaTimeline                    *timeline,
                                       const FitaTimelineExportOptions *options,
                                       FitaTimelinePaging              *paging,
                                       GError                         **error);

/* Writes the timeline to path, by its suffix (.pdf, .png or .svg); input:
 * the plan's file, never replaced. files, if not NULL, gets the paths
 * written (char *, owned): path itself, or the tiles. */
gboolean fita_timeline_export         (FitaTimeline                    *timeline,
                                       const char                      *path,
                                       const char                      *input,
                                       const FitaTimelineExportOptions *options,
                                       GPtrArray                       *files,
                                       GCancellable                    *cancellable,
                                       GError                         **error);

/* The name of tile index (0-based) of n: "x.png" → "x-001.png". */
char    *fita_timeline_tile_path      (const char  *path,
                                       guint        index,
                                       guint        n_tiles);

G_END_DECLS
