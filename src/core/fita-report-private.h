/* fita-report-private.h: the page layout engine the reports are drawn with.
 *
 * A FitaDoc lays a report out from top to bottom on A4 pages: headings,
 * paragraphs, tables that break across pages with their heading rows
 * repeated, pictures and links, with a header and a footer on every page.
 * A document is made twice: once to count the pages (drawn into a stream
 * that keeps nothing), then for real with "page N of M". fita-report.c says
 * what each report holds; this engine decides where it goes.
 *
 * The drawing pass draws on a FitaCanvas and tags what it draws (a
 * Document of headings, paragraphs, tables, links and figures; the running
 * header and footer, rules and shading as artifacts): on Fita's own PDF
 * writer (doc->pdf), which writes the structure tree as it goes, or, for
 * text in a font that writer cannot embed, on cairo, after which
 * fita_report_tag_pdf adds what cairo 1.16 cannot write (see README,
 * "Accessible reports").
 *
 * The same calls make an editable document instead (ODT, DOCX) when
 * doc->flow is set: one pass, no pages; headings, paragraphs, links,
 * tables and pictures go to the flow (fita-report-flow.h), new_page is a
 * page break, and what only places things on a page (need, space) does
 * nothing.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "fita-canvas.h"
#include "fita-chart.h"
#include "fita-i18n.h"
#include "fita-output.h"
#include "fita-plan.h"
#include "fita-timeline.h"
#include "fita-report.h"

G_BEGIN_DECLS

/* Where a table's columns go, and in what font (see fita_doc_table). */
typedef struct {
  double x[16], w[16];
  gboolean small;
  int tiny;
  gboolean fits;          /* FALSE: laid out as several tables */
} FitaDocGeometry;

typedef struct {
  FitaPlan *plan;
  FitaTranslator *tr;
  const char *lang;
  cairo_surface_t *surface;
  cairo_t *cr;
  FitaPdf *pdf;              /* the drawing pass on Fita's own writer (not owned), or NULL: on cr */
  FitaCanvas *canvas;        /* what the drawing pass draws on: pdf or cr */
  PangoContext *context;       /* of every layout of the document */
  PangoLayout *layout;
  PangoFontDescription *body, *bold, *small, *small_bold, *tiny, *tiny_bold, *h1, *h2, *h3, *title;
  double width, height;
  double left, right, top, bottom;
  double y;
  int page, pages;
  gboolean page_open;
  gboolean counting;
  gboolean landscape;
  char *header;
  int outline_parent;
  GCancellable *cancellable;
  FitaReportProgress progress;
  gpointer progress_data;
  double progress_base, progress_span;
  GHashTable *short_layouts;   /* "font|width|align|text" → PangoLayout, for both passes */
  GArray *heights;             /* the tables' rows' heights, in order, measured while counting */
  guint heights_next;          /* where the table being laid out starts in heights */
  GArray *geometries;          /* FitaDocGeometry: the tables' columns, in order, measured while counting */
  guint geometries_next;
  GPtrArray *tape;             /* cells that may wrap, shaped while counting, in order, for drawing */
  guint tape_next;
  PangoLayout *measure;        /* words measured for column widths */
  struct _FitaText *text;      /* plain text laid out without Pango (fita-text.h) */
  GHashTable *word_widths;     /* "font word" → its width in Pango units + 1 */
  GString *word_key;
  char *pending[5];            /* headings (by level) waiting for what comes under them */
  struct _FitaDocFlow *flow;   /* an editable document instead of pages (not owned) */
  /* The PDF's structure (drawing pass only): the level of the last heading
   * tagged, so that none skips a level; in the order cairo writes them,
   * each Figure's alternative text and each TH's scope ('C' column, 'R'
   * row), which fita_report_tag_pdf adds after. */
  int heading_level;
  GPtrArray *figure_alts;
  GString *header_scopes;
} FitaDoc;

typedef enum {
  FITA_DOC_INK,
  FITA_DOC_DIM,
  FITA_DOC_ACCENT,
} FitaDocTone;

typedef enum {
  FITA_DOC_ALIGN_LEFT,
  FITA_DOC_ALIGN_RIGHT,
  FITA_DOC_ALIGN_CENTER,
} FitaDocAlign;

/* Columns are as wide as their content asks (see fita_doc_table); weight
 * (above 0) is a column's share of the width left for wrapped text. */
typedef struct {
  const char *title;
  double weight;
  FitaDocAlign align;
} FitaDocColumn;

typedef struct {
  const FitaDocColumn *columns;
  guint n_columns;
  GPtrArray *rows;        /* of char ** (n_columns strings) */
  GArray *row_flags;      /* guint per row */
  gboolean header;
  gboolean small;         /* many columns: the small font (also chosen when the words do not fit) */
  gboolean parted;        /* one of the tables a table too wide was laid out as */
  int tiny;               /* set by the layout: a smaller font still (its size in Pango units), when the figures would not fit */
} FitaDocTable;

enum {
  FITA_DOC_ROW_BOLD = 1 << 0,
  FITA_DOC_ROW_TOTAL = 1 << 1,     /* a rule above, bold */
};

/* The colours a PDF report is drawn in: its text tones (FITA_DOC_INK, _DIM
 * and _ACCENT, the last also for headings and links) and what text is drawn
 * over (the page, a table's heading row, its alternate rows). */
typedef struct {
  FitaRgba ink, dim, accent;
  FitaRgba page, head_fill, zebra;
} FitaDocColours;

const FitaDocColours *fita_doc_colours (void);

typedef void (*FitaDocPictureFunc) (FitaCanvas *canvas, double width, double height, gpointer data);

/* Set up for a plan and a language, and cleared when the report is made. */
void          fita_doc_init        (FitaDoc                 *doc,
                                    FitaPlan                *plan,
                                    FitaTranslator          *tr,
                                    gboolean                 landscape,
                                    GCancellable            *cancellable);
void          fita_doc_clear       (FitaDoc                 *doc);
/* One pass: begin, lay out the content, finish. title goes into the PDF's
 * metadata (on the drawing pass). */
void          fita_doc_begin       (FitaDoc                 *doc,
                                    const char              *title,
                                    cairo_write_func_t       write,
                                    gpointer                 closure);
gboolean      fita_doc_finish      (FitaDoc                 *doc,
                                    GError                 **error);

gboolean      fita_doc_cancelled   (FitaDoc                 *doc);
void          fita_doc_new_page    (FitaDoc                 *doc);
/* Makes room for height, starting a new page if it does not fit. */
void          fita_doc_need        (FitaDoc                 *doc,
                                    double                   height);
void          fita_doc_space       (FitaDoc                 *doc,
                                    double                   height);

/* The big title of a title page. */
void          fita_doc_title       (FitaDoc                 *doc,
                                    const char              *text);
/* level 1 to 3, and 4 for a label in bold; 1 and 2 go into the PDF's
 * outline. A heading waits for what comes under it: it is drawn with the
 * first lines or rows that follow, on the page where they fit together,
 * and left out if a heading of its level or above (or the end) comes
 * first. */
void          fita_doc_heading     (FitaDoc                 *doc,
                                    int                      level,
                                    const char              *text);
/* What comes next takes height before anything else can be split off:
 * draws the waiting headings where they fit together with it. Everything
 * below calls it; a report calls it before drawing on its own. */
void          fita_doc_keep        (FitaDoc                 *doc,
                                    double                   height);
/* Text as the plan holds it: paragraphs separated by line breaks. */
void          fita_doc_paragraph   (FitaDoc                 *doc,
                                    const char              *text,
                                    PangoFontDescription    *font,
                                    FitaDocTone              tone,
                                    double                   indent);
void          fita_doc_link        (FitaDoc                 *doc,
                                    const char              *title,
                                    const char              *url);
/* alt: what the picture shows and its main figures, in the report's
 * language (an editable document's alternative text). */
void          fita_doc_picture     (FitaDoc                 *doc,
                                    double                   height,
                                    FitaDocPictureFunc       draw,
                                    gpointer                 data,
                                    const char              *alt);

FitaDocTable *fita_doc_table_new   (const FitaDocColumn     *columns,
                                    guint                    n_columns,
                                    gboolean                 header);
void          fita_doc_table_free  (FitaDocTable            *table);
/* Adds a row; takes the n_columns strings that follow flags (NULL: empty). */
void          fita_doc_table_add   (FitaDocTable            *table,
                                    guint                    flags,
                                    ...);
/* Adds a row; takes cells, a NULL-terminated array of n_columns strings. */
void          fita_doc_table_take_row (FitaDocTable         *table,
                                    guint                    flags,
                                    char                   **cells);
/* Each column gets at least the width of its longest word (so no word is
 * broken) and at most its widest line; within those bounds the page's
 * width is shared out by weight: narrow columns get all they ask and the
 * wide ones share the rest. Rows break across pages with the heading row
 * repeated. */
void          fita_doc_table       (FitaDoc                 *doc,
                                    FitaDocTable            *table);
/* Two columns: a label and its text; rows with no text are left out. */
void          fita_doc_fields      (FitaDoc                 *doc,
                                    const char * const      *labels,
                                    const char * const      *values,
                                    guint                    n);

/* fita-report-tagged.c: adds to the tagged PDF cairo wrote what cairo 1.16
 * cannot write: the document's language (lang: "ca", "es", "en"), the
 * viewer preference to show its title, each Figure's /Alt (alts, in the
 * order the figures were drawn) and each TH's /Scope (scopes: 'C' or 'R'
 * per TH, in order). Appended as an incremental update; FALSE, with pdf as
 * it was, when pdf is not laid out as cairo 1.16 writes it. */
gboolean    fita_report_tag_pdf             (GByteArray *pdf, const char *lang, GPtrArray *alts,
                                             const char *scopes, GError **error);
/* The same for a PDF written into output (all that was written to it):
 * read back from its file, the update written after it, so that neither is
 * held in memory. FALSE, with output cut back to the PDF as it was, when
 * the PDF is not laid out as cairo 1.16 writes it; FALSE too, with the
 * error fita_output_check() gives, if a write failed. */
gboolean    fita_report_tag_pdf_output      (FitaOutput *output, const char *lang, GPtrArray *alts,
                                             const char *scopes, GError **error);

/* A report's language as a PDF's /Lang gives it ("ca" → "ca-ES"). */
const char *fita_report_pdf_language        (const char *lang);

/* What the reports share: words and figures (fita-report-words.c) */

char       *fita_report_money               (FitaDoc *doc, gint64 cents);
char       *fita_report_progress_of         (FitaDoc *doc, FitaItem *item);
char       *fita_report_year_text           (gint64 year);
char       *fita_report_years_text          (FitaDoc *doc, gint64 start, gint64 end);
char       *fita_report_period_text         (FitaDoc *doc);
char       *fita_report_dates_text          (FitaDoc *doc, const char *start, const char *end);
char       *fita_report_date_in_words       (FitaDoc *doc, const char *date);
char       *fita_report_today_text          (FitaDoc *doc);
const char *fita_report_status_name         (FitaDoc *doc, FitaItem *item);
const char *fita_report_level_name          (FitaDoc *doc, FitaItem *item);
char       *fita_report_status_with_percent (FitaDoc *doc, FitaItem *item);
char       *fita_report_item_label          (FitaItem *item);
/* who answers for an item: "Comissió tècnica (defineix les línies bàsiques)" */
char       *fita_report_who_text            (FitaDoc *doc, FitaItem *item, const char *separator);
gboolean    fita_report_has_who             (FitaDoc *doc, FitaItem *item);
gboolean    fita_report_has_other_services  (FitaItem *item);
/* Alternative text of the pictures: the chart's title and main figures
 * ("Executed budget: 12.223,69 €; Planned budget: 120.000,00 €; Execution
 * rate: 10,19 %"); the calendar's period and the items of rows first to
 * first + n - 1. */
char       *fita_report_chart_alt           (FitaDoc *doc, FitaChart *chart, FitaChartKind kind, FitaItem *scope);
char       *fita_report_timeline_alt        (FitaDoc *doc, FitaTimeline *timeline, guint first, guint n);
/* The figures a chart draws, as a table to follow its picture: the
 * chart's own table (fita_chart_get_table), amounts right-aligned; with
 * last_is_total, its last row is the total of the rows above. */
void        fita_report_chart_table         (FitaDoc *doc, FitaChart *chart, gboolean last_is_total);
/* When an item is done, as the work plan's calendar draws it: its ticked
 * semesters ("2018 1r semestre a 2019 1r semestre, 2020 2n semestre"),
 * its dates or its years; for a parent with none of its own, the span of
 * the items below it; "" when not scheduled. */
char       *fita_report_when_text           (FitaDoc *doc, FitaTimeline *timeline, FitaItem *item);

/* Tables whose columns depend on the plan: the columns are chosen first,
 * then each row gives a cell for every possible column. */
typedef struct {
  FitaDocColumn columns[8];
  int index[8];            /* column of each possible cell, -1: left out */
  guint n;
} FitaReportColumns;

void fita_report_columns_add     (FitaReportColumns *columns, guint cell, gboolean shown, const char *title,
                                  double weight, FitaDocAlign align);
/* Takes the cells (one for every possible column) and adds those shown. */
void fita_report_columns_add_row (FitaReportColumns *columns, FitaDocTable *table, guint flags, char **cells,
                                  guint n_cells);

/* Parts of the sheet that the other reports use too (fita-report-sheet.c) */

void fita_report_budget_table     (FitaDoc *doc, FitaItem *scope, gboolean executed_only);
void fita_report_followup_fields  (FitaDoc *doc, FitaFollowup *f);
/* the figures a council publishes first, for the plan (scope NULL) or one item */
void fita_report_headline_figures (FitaDoc *doc, FitaItem *scope);

/* Each report's content: fita-report-sheet.c, -annual.c, -workplan.c and
 * -participation.c */

void fita_report_make_sheet         (FitaDoc *doc, FitaItem *item, gint64 year);
void fita_report_make_annual        (FitaDoc *doc, gint64 year);
void fita_report_make_workplan      (FitaDoc *doc, gint64 year);
void fita_report_make_participation (FitaDoc *doc);
/* fita-report-changes.c: the annual report's section of what changed
 * since the year before was closed; nothing when it was not. */
void fita_report_changes_section    (FitaDoc *doc, gint64 year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FitaDocTable, fita_doc_table_free)

G_END_DECLS
