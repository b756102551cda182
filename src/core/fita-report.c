#include "config.h"
#include "fita-report.h"
#include "fita-budget.h"
#include "fita-chart.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-i18n.h"
#include "fita-money.h"
#include "fita-rollup.h"
#include "fita-timeline.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

const char * const fita_report_kind_keywords[] = { "sheet", "annual", "workplan", "participation", NULL };

/* A4 in points */
#define A4_WIDTH 595.28
#define A4_HEIGHT 841.89

/* The document being laid out. It is made twice: once to count the pages
 * (drawn into a stream that keeps nothing), then for real with "page N of M". */
typedef struct {
  FitaPlan *plan;
  FitaTranslator *tr;
  const char *lang;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *body, *bold, *small, *small_bold, *h1, *h2, *h3, *title;
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
  GHashTable *line_heights;    /* font → one line's height */
  GPtrArray *tape;             /* long cells shaped while counting, in order, for drawing */
  guint tape_next;
} Doc;

/* How many long cells the counting pass keeps for the drawing pass: enough
 * for a plan of tens of thousands of items, at a few kilobytes each. */
#define TAPE_LIMIT 40000

typedef enum { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER } Align;

typedef struct {
  const char *title;
  double weight;          /* share of the width */
  Align align;
} Column;

/* Colours */
static const double INK[] = { 0.13, 0.13, 0.16 };
static const double DIM[] = { 0.38, 0.38, 0.42 };
static const double RULE[] = { 0.75, 0.75, 0.78 };
static const double HEAD_FILL[] = { 0.90, 0.93, 0.97 };
static const double ZEBRA[] = { 0.965, 0.965, 0.972 };
static const double ACCENT[] = { 0.10, 0.37, 0.71 };

static void
ink (cairo_t *cr, const double *c)
{
  cairo_set_source_rgb (cr, c[0], c[1], c[2]);
}

/* Pages */

static void
doc_header_footer (Doc *doc)
{
  cairo_t *cr = doc->cr;
  g_autofree char *page = NULL;
  int w, h;

  /* one line: the plan and its organisation, shortened if need be */
  pango_layout_set_font_description (doc->layout, doc->small);
  pango_layout_set_width (doc->layout, (int) ((doc->right - doc->left) * PANGO_SCALE));
  pango_layout_set_alignment (doc->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (doc->layout, doc->header, -1);
  pango_layout_get_pixel_size (doc->layout, &w, &h);
  ink (cr, DIM);
  cairo_move_to (cr, doc->left, doc->top - 14 - h);
  pango_cairo_show_layout (cr, doc->layout);
  pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_NONE);
  cairo_set_line_width (cr, 0.5);
  ink (cr, RULE);
  cairo_move_to (cr, doc->left, doc->top - 10);
  cairo_line_to (cr, doc->right, doc->top - 10);
  cairo_stroke (cr);

  /* Translators: the footer of every page of a report */
  page = doc->pages > 0
    ? g_strdup_printf (T_ (doc->tr, "Page %d of %d"), doc->page, doc->pages)
    : g_strdup_printf (T_ (doc->tr, "Page %d"), doc->page);
  pango_layout_set_width (doc->layout, -1);
  pango_layout_set_text (doc->layout, page, -1);
  pango_layout_get_pixel_size (doc->layout, &w, &h);
  ink (cr, DIM);
  cairo_move_to (cr, doc->right - w, doc->bottom + 18);
  pango_cairo_show_layout (cr, doc->layout);
}

static void
doc_new_page (Doc *doc)
{
  if (doc->page_open)
    cairo_show_page (doc->cr);
  doc->page++;
  doc->page_open = TRUE;
  doc->y = doc->top;
  doc_header_footer (doc);
  if (doc->progress != NULL && doc->pages > 0)
    doc->progress (doc->progress_base + doc->progress_span * doc->page / doc->pages, doc->progress_data);
}

static gboolean
doc_cancelled (Doc *doc)
{
  return g_cancellable_is_cancelled (doc->cancellable);
}

/* Makes room for height, starting a new page if it does not fit. */
static void
doc_need (Doc *doc, double height)
{
  if (!doc->page_open || (doc->y + height > doc->bottom && doc->y > doc->top))
    doc_new_page (doc);
}

/* Text */

static double
layout_text (Doc *doc, const char *text, PangoFontDescription *font, double width, Align align)
{
  int w, h;

  pango_layout_set_font_description (doc->layout, font);
  pango_layout_set_width (doc->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (doc->layout, align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                           : align == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (doc->layout, text ? text : "", -1);
  pango_layout_get_pixel_size (doc->layout, &w, &h);
  return h;
}

static void doc_text_block (Doc *doc, const char *text, PangoFontDescription *font, const double *colour, double indent);

/* Text as the plan holds it: paragraphs separated by line breaks. */
static void
doc_paragraph (Doc *doc, const char *text, PangoFontDescription *font, const double *colour, double indent)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL || *text == '\0')
    return;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i]; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      {
        doc_text_block (doc, paragraphs[i], font, colour, indent);
        doc->y -= 3;
      }
  doc->y += 3;
}

/* A paragraph, split across pages line by line when it is long. */
static void
doc_text_block (Doc *doc, const char *text, PangoFontDescription *font, const double *colour, double indent)
{
  PangoLayout *layout;
  PangoLayoutIter *iter;

  if (text == NULL || *text == '\0')
    return;
  /* its own layout: a page break draws the header with the shared one */
  layout = pango_cairo_create_layout (doc->cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((doc->right - doc->left - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      doc_need (doc, logical.height / (double) PANGO_SCALE);
      ink (doc->cr, colour);
      cairo_move_to (doc->cr, doc->left + indent + logical.x / (double) PANGO_SCALE,
                     doc->y + (baseline - logical.y) / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (doc->cr, line);
      doc->y += logical.height / (double) PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  doc->y += 6;
}

static void
doc_heading (Doc *doc, int level, const char *text)
{
  PangoFontDescription *font = level == 1 ? doc->h1 : level == 2 ? doc->h2 : doc->h3;
  double height = layout_text (doc, text, font, doc->right - doc->left, ALIGN_LEFT);

  /* keep a heading with what follows it */
  doc_need (doc, height + 60);
  doc->y += level == 1 ? 10 : 6;
  if (level <= 2 && !doc->counting)
    {
      g_autofree char *dest = g_strdup_printf ("name='h%d-%g' x=%g y=%g", doc->page, doc->y, doc->left, doc->y);
      g_autofree char *link = g_strdup_printf ("dest='h%d-%g'", doc->page, doc->y);
      int id;
      cairo_tag_begin (doc->cr, CAIRO_TAG_DEST, dest);
      cairo_tag_end (doc->cr, CAIRO_TAG_DEST);
      id = cairo_pdf_surface_add_outline (doc->surface, level == 1 ? CAIRO_PDF_OUTLINE_ROOT : doc->outline_parent,
                                          text, link, 0);
      if (level == 1)
        doc->outline_parent = id;
    }
  layout_text (doc, text, font, doc->right - doc->left, ALIGN_LEFT);
  ink (doc->cr, level == 1 ? ACCENT : INK);
  cairo_move_to (doc->cr, doc->left, doc->y);
  pango_cairo_show_layout (doc->cr, doc->layout);
  doc->y += height + (level == 1 ? 8 : 4);
  if (level == 1)
    {
      cairo_set_line_width (doc->cr, 1);
      ink (doc->cr, ACCENT);
      cairo_move_to (doc->cr, doc->left, doc->y - 4);
      cairo_line_to (doc->cr, doc->right, doc->y - 4);
      cairo_stroke (doc->cr);
      doc->y += 4;
    }
}

static void
doc_space (Doc *doc, double height)
{
  doc->y += height;
}

/* A link: its text, clickable. */
static void
doc_link (Doc *doc, const char *title, const char *url)
{
  g_autofree char *escaped = NULL;
  g_autofree char *attributes = NULL;
  double height = layout_text (doc, title && *title ? title : url, doc->body, doc->right - doc->left, ALIGN_LEFT);
  GString *quoted = g_string_new (NULL);

  /* cairo's attribute syntax: quote ' and \ in the URI */
  for (const char *p = url; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  escaped = g_string_free (quoted, FALSE);
  attributes = g_strdup_printf ("uri='%s'", escaped);
  doc_need (doc, height);
  cairo_tag_begin (doc->cr, CAIRO_TAG_LINK, attributes);
  cairo_set_source_rgb (doc->cr, ACCENT[0], ACCENT[1], ACCENT[2]);
  cairo_move_to (doc->cr, doc->left, doc->y);
  pango_cairo_show_layout (doc->cr, doc->layout);
  cairo_tag_end (doc->cr, CAIRO_TAG_LINK);
  doc->y += height + 2;
}

/* Tables */

typedef struct {
  const Column *columns;
  guint n_columns;
  GPtrArray *rows;        /* of char ** (n_columns strings) */
  GArray *row_flags;      /* guint per row */
  gboolean header;
  gboolean small;         /* many narrow columns: the small font */
} Table;

enum {
  ROW_BOLD = 1 << 0,
  ROW_TOTAL = 1 << 1,     /* a rule above, bold */
};

static Table *
table_new (const Column *columns, guint n_columns, gboolean header)
{
  Table *table = g_new0 (Table, 1);

  table->columns = columns;
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->row_flags = g_array_new (FALSE, TRUE, sizeof (guint));
  table->header = header;
  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->rows);
  g_array_unref (table->row_flags);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Adds a row; takes the strings (NULL-terminated list of n_columns). */
static void
table_add (Table *table, guint flags, ...)
{
  char **cells = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, flags);
  for (guint c = 0; c < table->n_columns; c++)
    {
      char *cell = va_arg (args, char *);
      cells[c] = cell ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->row_flags, flags);
}

static void
column_geometry (Doc *doc, Table *table, double *x, double *w)
{
  double total = 0, at = doc->left;

  for (guint c = 0; c < table->n_columns; c++)
    total += table->columns[c].weight;
  for (guint c = 0; c < table->n_columns; c++)
    {
      x[c] = at;
      w[c] = (doc->right - doc->left) * table->columns[c].weight / total;
      at += w[c];
    }
}

#define PAD 4.0

static double
line_height (Doc *doc, PangoFontDescription *font)
{
  gpointer found = g_hash_table_lookup (doc->line_heights, font);
  double height;

  if (found != NULL)
    return *(double *) found;
  height = layout_text (doc, "Àg", font, -1, ALIGN_LEFT);
  g_hash_table_insert (doc->line_heights, font, g_memdup2 (&height, sizeof height));
  return height;
}

/* Shaping text is what a long report spends its time on: short strings
 * (statuses, levels, years, amounts) come back again and again and keep
 * their layout; longer ones are laid out once per pass. */
static PangoLayout *
cell_layout (Doc *doc, const char *text, PangoFontDescription *font, double width, Align align)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  gboolean short_text = strlen (text) <= 24;

  if (short_text)
    {
      key = g_strdup_printf ("%p|%d|%d|%s", (void *) font, (int) width, align, text);
      layout = g_hash_table_lookup (doc->short_layouts, key);
      if (layout != NULL)
        return g_object_ref (layout);
    }
  layout = pango_cairo_create_layout (doc->cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                      : align == ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  if (short_text)
    g_hash_table_insert (doc->short_layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* Whether text surely fits on one line of width, without shaping it:
 * no glyph of these fonts is wider than 1.05 em. */
static gboolean
fits_one_line (const char *text, PangoFontDescription *font, double width)
{
  double em = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  return strchr (text, '\n') == NULL && g_utf8_strlen (text, -1) * em * 1.05 <= width;
}

/* The height of a row; with layouts, the cells laid out for drawing. Body
 * rows (taped) are laid out in the same order in both passes: long cells
 * shaped while counting are kept on the tape and drawn from it. */
static double
row_height (Doc *doc, Table *table, char **cells, PangoFontDescription *font, const double *w,
            PangoLayout **layouts, gboolean taped)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double inner = w[c] - 2 * PAD;
      PangoLayout *layout = NULL;
      int h;

      if (fits_one_line (cells[c], font, inner))
        {
          if (layouts == NULL)
            {
              height = MAX (height, line_height (doc, font));
              continue;
            }
          layout = cell_layout (doc, cells[c], font, inner, table->columns[c].align);
        }
      else if (taped && !doc->counting && doc->tape_next < doc->tape->len)
        {
          layout = g_ptr_array_index (doc->tape, doc->tape_next);
          g_ptr_array_index (doc->tape, doc->tape_next++) = NULL;
          if (layout == NULL)
            layout = cell_layout (doc, cells[c], font, inner, table->columns[c].align);
        }
      else
        {
          layout = cell_layout (doc, cells[c], font, inner, table->columns[c].align);
          if (taped && doc->counting)
            g_ptr_array_add (doc->tape, doc->tape->len < TAPE_LIMIT ? g_object_ref (layout) : NULL);
        }
      pango_layout_get_pixel_size (layout, NULL, &h);
      height = MAX (height, h);
      if (layouts != NULL)
        layouts[c] = layout;
      else
        g_object_unref (layout);
    }
  return height + 2 * PAD;
}

static void
draw_row (Doc *doc, Table *table, PangoLayout **layouts, const double *x, const double *w,
          double height, const double *fill)
{
  cairo_t *cr = doc->cr;

  if (fill != NULL)
    {
      ink (cr, fill);
      cairo_rectangle (cr, doc->left, doc->y, doc->right - doc->left, height);
      cairo_fill (cr);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      /* no text leaves its cell */
      cairo_save (cr);
      cairo_rectangle (cr, x[c], doc->y, w[c], height);
      cairo_clip (cr);
      ink (cr, INK);
      cairo_move_to (cr, x[c] + PAD, doc->y + PAD);
      pango_cairo_show_layout (cr, layouts[c]);
      cairo_restore (cr);
    }
  cairo_set_line_width (cr, 0.5);
  ink (cr, RULE);
  cairo_move_to (cr, doc->left, doc->y + height);
  cairo_line_to (cr, doc->right, doc->y + height);
  cairo_stroke (cr);
}

static void
free_layouts (PangoLayout **layouts, guint n)
{
  for (guint c = 0; c < n; c++)
    g_clear_object (&layouts[c]);
}

static void
draw_table_header (Doc *doc, Table *table, char **titles, const double *x, const double *w, double height)
{
  PangoLayout *layouts[16] = { NULL };

  if (!doc->counting)
    {
      row_height (doc, table, titles, doc->small_bold, w, layouts, FALSE);
      draw_row (doc, table, layouts, x, w, height, HEAD_FILL);
      free_layouts (layouts, table->n_columns);
    }
  doc->y += height;
}

static void
doc_table (Doc *doc, Table *table)
{
  double x[16], w[16], header_height = 0;
  g_autofree char **titles = NULL;

  g_assert (table->n_columns <= 16);
  column_geometry (doc, table, x, w);
  if (table->header)
    {
      titles = g_new0 (char *, table->n_columns + 1);
      for (guint c = 0; c < table->n_columns; c++)
        titles[c] = (char *) (table->columns[c].title ? table->columns[c].title : "");
      header_height = row_height (doc, table, titles, doc->small_bold, w, NULL, FALSE);
    }

  for (guint r = 0; r < table->rows->len && !doc_cancelled (doc); r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      guint flags = g_array_index (table->row_flags, guint, r);
      gboolean bold = (flags & (ROW_BOLD | ROW_TOTAL)) != 0;
      PangoFontDescription *font = table->small ? (bold ? doc->small_bold : doc->small) : (bold ? doc->bold : doc->body);
      PangoLayout *layouts[16] = { NULL };
      double height = row_height (doc, table, cells, font, w, doc->counting ? NULL : layouts, TRUE);
      gboolean fresh_page = !doc->page_open || doc->y + height > doc->bottom;

      /* a row taller than a page is cut, not spilled */
      height = MIN (height, doc->bottom - doc->top - header_height);
      if (r == 0 || fresh_page)
        {
          /* the heading row starts the table and every page it continues on */
          doc_need (doc, header_height + height);
          if (table->header)
            draw_table_header (doc, table, titles, x, w, header_height);
        }
      if (!doc->counting)
        {
          if (flags & ROW_TOTAL)
            {
              cairo_set_line_width (doc->cr, 1);
              ink (doc->cr, INK);
              cairo_move_to (doc->cr, doc->left, doc->y);
              cairo_line_to (doc->cr, doc->right, doc->y);
              cairo_stroke (doc->cr);
            }
          draw_row (doc, table, layouts, x, w, height, r % 2 ? ZEBRA : NULL);
          free_layouts (layouts, table->n_columns);
        }
      doc->y += height;
    }
  doc->y += 10;
}

/* Two columns: a label and its text. */
static void
doc_fields (Doc *doc, const char * const *labels, const char * const *values, guint n)
{
  static const Column columns[] = { { NULL, 0.28, ALIGN_LEFT }, { NULL, 0.72, ALIGN_LEFT } };
  g_autoptr(Table) table = table_new (columns, 2, FALSE);

  for (guint i = 0; i < n; i++)
    if (values[i] != NULL && *values[i] != '\0')
      table_add (table, 0, g_strdup (labels[i]), g_strdup (values[i]));
  if (table->rows->len > 0)
    doc_table (doc, table);
}

typedef void (*PictureFunc) (cairo_t *cr, double width, double height, gpointer data);

static void
doc_picture (Doc *doc, double height, PictureFunc draw, gpointer data)
{
  doc_need (doc, height);
  cairo_save (doc->cr);
  cairo_translate (doc->cr, doc->left, doc->y);
  cairo_rectangle (doc->cr, 0, 0, doc->right - doc->left, height);
  cairo_clip (doc->cr);
  draw (doc->cr, doc->right - doc->left, height, data);
  cairo_restore (doc->cr);
  doc->y += height + 10;
}

/* Words and figures */

static char *
money (Doc *doc, gint64 cents)
{
  return fita_money_format (cents, doc->lang);
}

static char *
percent_of (Doc *doc, int percent)
{
  return percent >= 0 ? fita_percent_format (percent, doc->lang) : g_strdup ("—");
}

static char *
year_text (gint64 year)
{
  return year != FITA_NONE ? g_strdup_printf ("%d", (int) year) : g_strdup ("");
}

static const char *
status_name (Doc *doc, FitaItem *item)
{
  FitaStatus *status = item->status_id ? fita_plan_lookup (doc->plan, FITA_TABLE_STATUS, item->status_id) : NULL;

  return status ? status->name : NULL;
}

static const char *
level_name (Doc *doc, FitaItem *item)
{
  FitaLevel *level = item->level_id ? fita_plan_lookup (doc->plan, FITA_TABLE_LEVEL, item->level_id) : NULL;

  return level ? level->name : NULL;
}

/* "En curs (30 %)", as the seeds write a status with its percent. */
static char *
status_with_percent (Doc *doc, FitaItem *item)
{
  const char *status = status_name (doc, item);
  int percent = fita_plan_progress (doc->plan, item);
  g_autofree char *p = percent_of (doc, percent);

  if (status != NULL && percent >= 0)
    return g_strdup_printf ("%s (%s)", status, p);
  if (status != NULL)
    return g_strdup (status);
  return percent >= 0 ? g_steal_pointer (&p) : g_strdup ("");
}

static char *
item_label (FitaItem *item)
{
  if (item->code != NULL)
    return g_strdup_printf ("%s %s", item->code, item->title ? item->title : "");
  return g_strdup (item->title ? item->title : "");
}

/* "juny de 2024", "23 de novembre de 2026": the plan's own dates in words. */
static char *
date_in_words (Doc *doc, const char *date)
{
  static const char * const months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
    NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
    NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  /* Translators: a month in a full date, with the word that joins it to the
   * day: Catalan "de gener", "d'abril"; Spanish "de enero"; English "January" */
  static const char * const of_months[] = {
    NC_("day of month", "January"), NC_("day of month", "February"), NC_("day of month", "March"),
    NC_("day of month", "April"), NC_("day of month", "May"), NC_("day of month", "June"),
    NC_("day of month", "July"), NC_("day of month", "August"), NC_("day of month", "September"),
    NC_("day of month", "October"), NC_("day of month", "November"), NC_("day of month", "December"),
  };
  int year = 0, month = 0, day = 0;
  int n = date ? sscanf (date, "%d-%d-%d", &year, &month, &day) : 0;

  if (n == 3 && month >= 1 && month <= 12)
    /* Translators: a full date: day, month (with its joining word), year */
    return g_strdup_printf (TC_ (doc->tr, "full date", "%1$d %2$s %3$d"), day,
                            TC_ (doc->tr, "day of month", of_months[month - 1]), year);
  if (n == 2 && month >= 1 && month <= 12)
    /* Translators: a month and a year, "June 2024"; Catalan "juny de 2024" */
    return g_strdup_printf (TC_ (doc->tr, "month and year", "%1$s %2$d"),
                            TC_ (doc->tr, "month", months[month - 1]), year);
  return g_strdup (date ? date : "");
}

static char *
today_text (Doc *doc)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = epoch ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                                   : g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");

  return date_in_words (doc, iso);
}

static char *
period_text (Doc *doc)
{
  g_autofree char *period = fita_plan_format_period (doc->plan);

  return period ? g_steal_pointer (&period) : g_strdup ("");
}

/* Reports: the programme sheet */

static void
budget_table (Doc *doc, FitaItem *scope, gboolean executed_only)
{
  g_autoptr(FitaBudgetTable) t = fita_budget_table_new (doc->plan, scope);
  GPtrArray *chapters = fita_plan_list (doc->plan, FITA_TABLE_CHAPTER, 0);
  guint n = chapters->len + 2;
  g_autofree Column *columns = g_new0 (Column, n);
  g_autoptr(Table) table = NULL;
  g_autofree char *first = g_strdup_printf ("%d", t->first_year);
  g_autofree char *last = g_strdup_printf ("%d", t->last_year);

  columns[0].title = executed_only ? T_ (doc->tr, "Executed budget") : T_ (doc->tr, "Budget");
  columns[0].weight = 1.7;
  for (guint c = 0; c < chapters->len; c++)
    {
      columns[c + 1].title = ((FitaChapter *) g_ptr_array_index (chapters, c))->name;
      columns[c + 1].weight = 1;
      columns[c + 1].align = ALIGN_RIGHT;
    }
  columns[n - 1].title = T_ (doc->tr, "Total");
  columns[n - 1].weight = 1;
  columns[n - 1].align = ALIGN_RIGHT;
  table = table_new (columns, n, TRUE);
  table->small = n > 4;

  for (int y = t->first_year; y <= t->last_year; y++)
    for (guint kind = executed_only ? 1 : 0; kind < 2; kind++)
      {
        char **cells;
        FitaBudgetSum sum = fita_budget_table_year (t, y);
        guint flags = 0;
        /* the sheet lists every year, as officers fill it in; the plan's
         * summary only the years with amounts */
        if (!executed_only && (kind ? sum.executed : sum.planned) == FITA_NONE)
          continue;
        cells = g_new0 (char *, n + 1);
        /* Translators: rows of a budget table: "Planned 2023", "Executed 2023" */
        cells[0] = g_strdup_printf (kind ? T_ (doc->tr, "Executed %d") : T_ (doc->tr, "Planned %d"), y);
        for (guint c = 0; c < chapters->len; c++)
          {
            FitaBudgetSum *cell = fita_budget_table_cell (t, y, c);
            gint64 amount = kind ? cell->executed : cell->planned;
            /* an empty cell stays empty; "- €" is for totals with nothing */
            cells[c + 1] = amount != FITA_NONE ? money (doc, amount) : g_strdup ("");
          }
        cells[n - 1] = money (doc, kind ? sum.executed : sum.planned);
        g_ptr_array_add (table->rows, cells);
        g_array_append_val (table->row_flags, flags);
      }
  if (table->rows->len > 0)
    doc_table (doc, table);
  else
    doc_paragraph (doc, T_ (doc->tr, "No budget amounts have been recorded yet."), doc->body, DIM, 0);

  {
    g_autofree char *executed = money (doc, t->total.executed);
    g_autofree char *planned = money (doc, t->total.planned);
    gint64 rate = fita_rate_bp (t->total.executed, t->total.planned);
    g_autofree char *rate_text = rate != FITA_NONE ? fita_percent_format_bp (rate, doc->lang) : g_strdup ("—");
    /* Translators: "Total executed budget 2019–2026" */
    g_autofree char *l1 = g_strdup_printf (T_ (doc->tr, "Total executed budget %s–%s"), first, last);
    g_autofree char *l2 = g_strdup_printf (T_ (doc->tr, "Total planned budget %s–%s"), first, last);
    const char *labels[] = { l1, l2, T_ (doc->tr, "Execution rate") };
    const char *values[] = { executed, planned, rate_text };
    doc_fields (doc, labels, values, 3);
  }
}

static void
indicator_table (Doc *doc, FitaItem *item, FitaIndicatorKind kind)
{
  static Column columns[] = {
    { NULL, 3.0, ALIGN_LEFT }, { NULL, 0.8, ALIGN_RIGHT }, { NULL, 0.75, ALIGN_CENTER }, { NULL, 2.6, ALIGN_LEFT },
  };
  GPtrArray *indicators = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR, item->rec.id);
  g_autoptr(Table) table = NULL;

  columns[0].title = kind == FITA_INDICATOR_RESULT ? T_ (doc->tr, "Result indicators") : T_ (doc->tr, "Impact indicators");
  columns[1].title = T_ (doc->tr, "Value");
  columns[2].title = T_ (doc->tr, "Year");
  columns[3].title = T_ (doc->tr, "Observations");
  table = table_new (columns, 4, TRUE);

  for (guint i = 0; i < indicators->len; i++)
    {
      FitaIndicator *indicator = g_ptr_array_index (indicators, i);
      GPtrArray *values = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
      g_autofree char *name = indicator->unit
        ? g_strdup_printf ("%s (%s)", indicator->name, indicator->unit) : g_strdup (indicator->name);
      if (indicator->kind != (gint64) kind)
        continue;
      if (values->len == 0)
        table_add (table, 0, g_strdup (name), g_strdup (""), g_strdup (""),
                   g_strdup (indicator->pending ? T_ (doc->tr, "Pending evaluation") : (indicator->observations ? indicator->observations : "")));
      for (guint v = 0; v < values->len; v++)
        {
          FitaIndicatorValue *value = g_ptr_array_index (values, v);
          const char *note = value->observations ? value->observations
                           : indicator->pending ? T_ (doc->tr, "Pending evaluation")
                           : indicator->observations;
          table_add (table, 0, g_strdup (v == 0 ? name : ""), g_strdup (value->value ? value->value : ""),
                     year_text (value->year), g_strdup (note ? note : ""));
        }
    }
  if (table->rows->len > 0)
    doc_table (doc, table);
}

static void
followup_fields (Doc *doc, FitaFollowup *f)
{
  const char *labels[] = {
    T_ (doc->tr, "Strengths"), T_ (doc->tr, "Weaknesses"), T_ (doc->tr, "Other remarks"),
    T_ (doc->tr, "Adjustments"), T_ (doc->tr, "Next steps"),
  };
  const char *values[] = { f->strengths, f->weaknesses, f->other, f->adjustments, f->next_steps };

  doc_fields (doc, labels, values, G_N_ELEMENTS (labels));
}

static void
report_sheet (Doc *doc, FitaItem *item, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *children = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id);
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();
  g_autofree char *title = item_label (item);
  g_autofree char *year_line = g_strdup_printf ("%s: %d", T_ (doc->tr, "Year"), (int) year);
  FitaFollowup *followup = fita_plan_find_followup (doc->plan, item->rec.id, year);
  GPtrArray *links = fita_plan_list (doc->plan, FITA_TABLE_LINK, item->rec.id);

  doc_paragraph (doc, info->title, doc->bold, DIM, 0);
  /* Translators: the title of a programme's yearly follow-up sheet */
  doc_paragraph (doc, T_ (doc->tr, "Follow-up and evaluation of programmes"), doc->body, DIM, 0);
  doc_paragraph (doc, year_line, doc->body, DIM, 0);
  doc_heading (doc, 1, title);

  /* the hierarchy above: Objectiu: O3 - …, Acció: O3.A1 - … */
  for (FitaItem *up = item->parent_id ? fita_plan_lookup (doc->plan, FITA_TABLE_ITEM, item->parent_id) : NULL;
       up != NULL; up = up->parent_id ? fita_plan_lookup (doc->plan, FITA_TABLE_ITEM, up->parent_id) : NULL)
    g_ptr_array_insert (ancestors, 0, up);
  for (guint i = 0; i < ancestors->len; i++)
    {
      FitaItem *up = g_ptr_array_index (ancestors, i);
      g_autofree char *line = g_strdup_printf ("%s: %s%s%s", level_name (doc, up) ? level_name (doc, up) : T_ (doc->tr, "Item"),
                                               up->code ? up->code : "", up->code ? " - " : "", up->title ? up->title : "");
      doc_paragraph (doc, line, doc->body, INK, 0);
    }
  if (item->description)
    {
      doc_heading (doc, 3, T_ (doc->tr, "Description"));
      doc_paragraph (doc, item->description, doc->body, INK, 0);
    }

  doc_heading (doc, 2, T_ (doc->tr, "Execution"));
  if (children->len > 0)
    {
      static Column columns[] = {
        { NULL, 2.8, ALIGN_LEFT }, { NULL, 1.4, ALIGN_LEFT }, { NULL, 0.85, ALIGN_CENTER },
        { NULL, 0.85, ALIGN_CENTER }, { NULL, 1.9, ALIGN_LEFT },
      };
      g_autoptr(Table) table = NULL;
      g_autofree char *derived = percent_of (doc, fita_plan_progress (doc->plan, item));
      g_autofree char *rule = fita_plan_describe_progress_rule_in (doc->plan, doc->tr);
      /* the level of the items below, as the plan names it ("Actuacions") */
      const char *below = level_name (doc, g_ptr_array_index (children, 0));
      columns[0].title = below ? below : T_ (doc->tr, "Items");
      columns[1].title = T_ (doc->tr, "Status");
      columns[2].title = T_ (doc->tr, "Start year");
      columns[3].title = T_ (doc->tr, "End year");
      columns[4].title = T_ (doc->tr, "Other agents or services involved");
      table = table_new (columns, 5, TRUE);
      for (guint i = 0; i < children->len; i++)
        {
          FitaItem *child = g_ptr_array_index (children, i);
          table_add (table, 0, item_label (child), status_with_percent (doc, child), year_text (child->start_year),
                     year_text (child->end_year), g_strdup (child->other_services));
        }
      table_add (table, ROW_TOTAL, g_strdup (T_ (doc->tr, "Progress")), g_steal_pointer (&derived),
                 g_strdup (""), g_strdup (""), g_strdup (""));
      doc_table (doc, table);
      /* Translators: how the progress of a parent was computed */
      {
        g_autofree char *how = g_strdup_printf (T_ (doc->tr, "Progress: %s"), rule);
        doc_paragraph (doc, how, doc->small, DIM, 0);
      }
    }
  if (followup && followup->execution)
    {
      doc_heading (doc, 3, T_ (doc->tr, "Observations on the execution"));
      doc_paragraph (doc, followup->execution, doc->body, INK, 0);
    }

  doc_heading (doc, 2, T_ (doc->tr, "Executed budget"));
  budget_table (doc, item, TRUE);

  indicator_table (doc, item, FITA_INDICATOR_RESULT);
  indicator_table (doc, item, FITA_INDICATOR_IMPACT);

  if (followup != NULL)
    {
      doc_heading (doc, 2, T_ (doc->tr, "Evaluation"));
      followup_fields (doc, followup);
    }
  if (links->len > 0)
    {
      doc_heading (doc, 2, T_ (doc->tr, "Links"));
      for (guint i = 0; i < links->len; i++)
        {
          FitaLink *link = g_ptr_array_index (links, i);
          doc_link (doc, link->title, link->url);
        }
    }
}

/* Reports: the annual report */

static void
draw_chart_picture (cairo_t *cr, double width, double height, gpointer data)
{
  fita_chart_draw (data, cr, width, height);
}

static void
tree_rows (Doc *doc, Table *table, gint64 parent, guint depth)
{
  GPtrArray *children = fita_plan_list (doc->plan, FITA_TABLE_ITEM, parent);

  for (guint i = 0; i < children->len; i++)
    {
      FitaItem *item = g_ptr_array_index (children, i);
      GString *label = g_string_new (NULL);
      gboolean parent_item = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0;
      /* an em space per level shows the tree; code and title together, as
       * the plans write them ("1.1. Elaborar un protocol…") */
      for (guint d = 0; d < depth; d++)
        g_string_append (label, "\u2003");
      if (item->code)
        g_string_append_printf (label, "%s  ", item->code);
      g_string_append (label, item->title ? item->title : "");
      table_add (table, parent_item && depth == 0 ? ROW_BOLD : 0, g_string_free (label, FALSE),
                 g_strdup (level_name (doc, item)), g_strdup (status_name (doc, item)),
                 percent_of (doc, fita_plan_progress (doc->plan, item)));
      tree_rows (doc, table, item->rec.id, depth + 1);
      if (doc_cancelled (doc))
        return;
    }
}

/* Every indicator of the plan in one table, with the item it measures. */
static void
all_indicators (Doc *doc)
{
  static Column columns[] = { { NULL, 1.0, ALIGN_LEFT }, { NULL, 2.6, ALIGN_LEFT }, { NULL, 1.1, ALIGN_LEFT },
                              { NULL, 0.8, ALIGN_RIGHT }, { NULL, 0.75, ALIGN_CENTER }, { NULL, 1.9, ALIGN_LEFT } };
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (doc->plan, NULL);
  g_autoptr(Table) table = NULL;

  columns[0].title = T_ (doc->tr, "Item");
  columns[1].title = T_ (doc->tr, "Indicator");
  columns[2].title = T_ (doc->tr, "Kind");
  columns[3].title = T_ (doc->tr, "Value");
  columns[4].title = T_ (doc->tr, "Year");
  columns[5].title = T_ (doc->tr, "Observations");
  table = table_new (columns, 6, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      GPtrArray *indicators = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR, item->rec.id);
      for (guint n = 0; n < indicators->len; n++)
        {
          FitaIndicator *indicator = g_ptr_array_index (indicators, n);
          GPtrArray *values = fita_plan_list (doc->plan, FITA_TABLE_INDICATOR_VALUE, indicator->rec.id);
          /* Translators: kinds of indicators in a report table */
          const char *kind = indicator->kind == FITA_INDICATOR_RESULT ? TC_ (doc->tr, "indicator", "Result")
                                                                      : TC_ (doc->tr, "indicator", "Impact");
          const char *pending = indicator->pending ? T_ (doc->tr, "Pending evaluation") : indicator->observations;
          g_autofree char *name = indicator->unit
            ? g_strdup_printf ("%s (%s)", indicator->name, indicator->unit) : g_strdup (indicator->name);
          if (values->len == 0)
            table_add (table, 0, g_strdup (item->code), g_strdup (name), g_strdup (kind), g_strdup (""),
                       g_strdup (""), g_strdup (pending));
          for (guint v = 0; v < values->len; v++)
            {
              FitaIndicatorValue *value = g_ptr_array_index (values, v);
              table_add (table, 0, g_strdup (v == 0 ? item->code : ""), g_strdup (v == 0 ? name : ""),
                         g_strdup (v == 0 ? kind : ""), g_strdup (value->value), year_text (value->year),
                         g_strdup (value->observations ? value->observations : pending));
            }
        }
    }
  doc_table (doc, table);
}

static void
governance (Doc *doc, gint64 parent, int level)
{
  GPtrArray *agents = fita_plan_list (doc->plan, FITA_TABLE_AGENT, parent);

  for (guint i = 0; i < agents->len; i++)
    {
      FitaAgent *agent = g_ptr_array_index (agents, i);
      GPtrArray *members = fita_plan_list (doc->plan, FITA_TABLE_AGENT_MEMBER, agent->rec.id);
      GPtrArray *functions = fita_plan_list (doc->plan, FITA_TABLE_AGENT_FUNCTION, agent->rec.id);
      gboolean groups = fita_plan_list (doc->plan, FITA_TABLE_AGENT, agent->rec.id)->len > 0;

      if (parent == 0 && agent->kind != FITA_AGENT_BODY && agent->kind != FITA_AGENT_GROUP)
        continue;
      doc_heading (doc, MIN (level, 3), agent->name);
      doc_paragraph (doc, agent->description, doc->body, INK, 0);
      if (functions->len > 0)
        {
          doc_paragraph (doc, T_ (doc->tr, "Functions"), doc->bold, INK, 0);
          for (guint f = 0; f < functions->len; f++)
            {
              g_autofree char *line = g_strdup_printf ("• %s", ((FitaAgentFunction *) g_ptr_array_index (functions, f))->text);
              doc_paragraph (doc, line, doc->body, INK, 12);
            }
        }
      if (members->len > 0)
        {
          doc_paragraph (doc, T_ (doc->tr, "Members"), doc->bold, INK, 0);
          for (guint m = 0; m < members->len; m++)
            {
              FitaAgentMember *member = g_ptr_array_index (members, m);
              g_autofree char *line = member->role ? g_strdup_printf ("• %s (%s)", member->name, member->role)
                                                   : g_strdup_printf ("• %s", member->name);
              doc_paragraph (doc, line, doc->body, INK, 12);
            }
        }
      if (groups)
        governance (doc, agent->rec.id, level + 1);
    }
}

static gboolean
has_bodies (Doc *doc)
{
  GPtrArray *agents = fita_plan_list (doc->plan, FITA_TABLE_AGENT, 0);

  for (guint i = 0; i < agents->len; i++)
    if (((FitaAgent *) g_ptr_array_index (agents, i))->kind == FITA_AGENT_BODY ||
        ((FitaAgent *) g_ptr_array_index (agents, i))->kind == FITA_AGENT_GROUP)
      return TRUE;
  return FALSE;
}

static void
report_annual (Doc *doc, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *roots = fita_plan_list (doc->plan, FITA_TABLE_ITEM, 0);
  g_autofree char *title = g_strdup_printf (T_ (doc->tr, "Follow-up report %d"), (int) year);
  g_autofree char *period = period_text (doc);
  g_autofree char *date = info->report_date ? date_in_words (doc, info->report_date) : today_text (doc);
  FitaFollowup *plan_followup = fita_plan_find_followup (doc->plan, 0, year);

  /* title page */
  doc_need (doc, 200);
  doc->y = doc->top + 120;
  layout_text (doc, title, doc->title, doc->right - doc->left, ALIGN_LEFT);
  ink (doc->cr, ACCENT);
  cairo_move_to (doc->cr, doc->left, doc->y);
  pango_cairo_show_layout (doc->cr, doc->layout);
  doc->y += layout_text (doc, title, doc->title, doc->right - doc->left, ALIGN_LEFT) + 12;
  doc_paragraph (doc, info->title, doc->h1, INK, 0);
  doc_space (doc, 30);
  {
    const char *labels[] = { T_ (doc->tr, "Organisation"), T_ (doc->tr, "Period of validity"),
                             T_ (doc->tr, "Period followed up"), T_ (doc->tr, "Report date") };
    g_autofree char *followed = info->followup_period ? g_strdup (info->followup_period) : g_strdup_printf ("%d", (int) year);
    const char *values[] = { info->organisation, period, followed, date };
    doc_fields (doc, labels, values, 4);
  }
  doc_new_page (doc);

  if (info->description)
    {
      doc_heading (doc, 1, T_ (doc->tr, "Description"));
      doc_paragraph (doc, info->description, doc->body, INK, 0);
    }

  /* summary per top-level item */
  if (roots->len > 0)
    {
      static Column columns[] = { { NULL, 0.8, ALIGN_LEFT }, { NULL, 3.4, ALIGN_LEFT }, { NULL, 1.1, ALIGN_RIGHT },
                                  { NULL, 1.2, ALIGN_RIGHT }, { NULL, 1.8, ALIGN_RIGHT } };
      g_autoptr(Table) table = NULL;
      guint total = 0;
      columns[0].title = T_ (doc->tr, "Code");
      columns[1].title = T_ (doc->tr, "Title");
      columns[2].title = T_ (doc->tr, "Items");
      columns[3].title = T_ (doc->tr, "Progress");
      columns[4].title = T_ (doc->tr, "Executed");
      table = table_new (columns, 5, TRUE);
      doc_heading (doc, 1, T_ (doc->tr, "Summary"));
      for (guint i = 0; i < roots->len; i++)
        {
          FitaItem *root = g_ptr_array_index (roots, i);
          g_autoptr(GPtrArray) below = fita_plan_items_preorder (doc->plan, root);
          FitaBudgetSum sum;
          fita_plan_budget_sum (doc->plan, root, FITA_NONE, 0, &sum);
          total += below->len;
          table_add (table, 0, g_strdup (root->code), g_strdup (root->title), fita_number_format (below->len, doc->lang),
                     percent_of (doc, fita_plan_progress (doc->plan, root)), money (doc, sum.executed));
        }
      {
        FitaBudgetSum sum;
        fita_plan_budget_sum (doc->plan, NULL, FITA_NONE, 0, &sum);
        table_add (table, ROW_TOTAL, g_strdup (""), g_strdup (T_ (doc->tr, "Total")), fita_number_format (total, doc->lang),
                   g_strdup (""), money (doc, sum.executed));
      }
      doc_table (doc, table);
    }

  if (plan_followup != NULL)
    {
      doc_heading (doc, 1, T_ (doc->tr, "Follow-up of the plan"));
      doc_paragraph (doc, plan_followup->execution, doc->body, INK, 0);
      followup_fields (doc, plan_followup);
    }
  for (guint i = 0; i < roots->len; i++)
    {
      FitaItem *root = g_ptr_array_index (roots, i);
      FitaFollowup *f = fita_plan_find_followup (doc->plan, root->rec.id, year);
      g_autofree char *label = item_label (root);
      if (f == NULL)
        continue;
      doc_heading (doc, 2, label);
      doc_paragraph (doc, f->execution, doc->body, INK, 0);
      followup_fields (doc, f);
    }

  if (roots->len > 0)
    {
      static Column columns[] = { { NULL, 5.0, ALIGN_LEFT }, { NULL, 1.4, ALIGN_LEFT },
                                  { NULL, 1.2, ALIGN_LEFT }, { NULL, 0.9, ALIGN_RIGHT } };
      g_autoptr(Table) table = NULL;
      g_autofree char *rule = fita_plan_describe_progress_rule_in (doc->plan, doc->tr);
      g_autofree char *how = g_strdup_printf (T_ (doc->tr, "Progress: %s"), rule);
      columns[0].title = T_ (doc->tr, "Item");
      columns[1].title = T_ (doc->tr, "Level");
      columns[2].title = T_ (doc->tr, "Status");
      columns[3].title = "%";
      table = table_new (columns, 4, TRUE);
      doc_heading (doc, 1, T_ (doc->tr, "The plan, item by item"));
      doc_paragraph (doc, how, doc->small, DIM, 0);
      tree_rows (doc, table, 0, 0);
      doc_table (doc, table);
    }

  if (has_bodies (doc))
    {
      doc_heading (doc, 1, T_ (doc->tr, "Governance"));
      governance (doc, 0, 2);
    }

  if (fita_plan_count (doc->plan, FITA_TABLE_BUDGET_LINE) > 0)
    {
      g_autoptr(FitaChart) bars = fita_chart_new (doc->plan, FITA_CHART_PLANNED_EXECUTED, NULL, FITA_NONE, doc->tr);
      g_autoptr(FitaChart) chapters = fita_chart_new (doc->plan, FITA_CHART_CHAPTERS, NULL, FITA_NONE, doc->tr);
      doc_heading (doc, 1, T_ (doc->tr, "Budget"));
      budget_table (doc, NULL, FALSE);
      if (fita_chart_has_data (bars))
        doc_picture (doc, 230, draw_chart_picture, bars);
      if (fita_chart_has_data (chapters))
        doc_picture (doc, 200, draw_chart_picture, chapters);
    }

  if (fita_plan_count (doc->plan, FITA_TABLE_INDICATOR) > 0)
    {
      doc_heading (doc, 1, T_ (doc->tr, "Indicators"));
      all_indicators (doc);
    }
}

/* Reports: the work plan, with the semester grid of the timeline */

typedef struct {
  FitaTimeline *timeline;
  double y;
  double height;
  double scale;
} TimelinePage;

static void
draw_timeline_page (cairo_t *cr, double width, double height, gpointer data)
{
  TimelinePage *page = data;
  double canvas_width;

  fita_timeline_get_size (page->timeline, &canvas_width, NULL);
  cairo_scale (cr, page->scale, page->scale);
  fita_timeline_draw (page->timeline, cr, 0, page->y, canvas_width, page->height,
                      FITA_TIMELINE_STICKY_HEADER);
}

static void
report_workplan (Doc *doc, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autoptr(FitaTimeline) timeline = fita_timeline_new (doc->plan, doc->tr);
  g_autofree char *period = period_text (doc);
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

  doc_paragraph (doc, info->title, doc->bold, DIM, 0);
  doc_heading (doc, 1, title);
  doc_paragraph (doc, info->description, doc->small, DIM, 0);

  /* the actions in full, with who does them, as the work plan lists them */
  {
    static Column columns[] = { { NULL, 0.9, ALIGN_LEFT }, { NULL, 5.0, ALIGN_LEFT }, { NULL, 2.8, ALIGN_LEFT } };
    g_autoptr(Table) table = NULL;
    g_autoptr(GPtrArray) items = fita_plan_items_preorder (doc->plan, NULL);
    columns[0].title = T_ (doc->tr, "Code");
    columns[1].title = T_ (doc->tr, "Item");
    /* Translators: the "who" column of a work plan ("QUI?" in Catalan plans) */
    columns[2].title = T_ (doc->tr, "Who");
    table = table_new (columns, 3, TRUE);
    for (guint i = 0; i < items->len; i++)
      {
        FitaItem *item = g_ptr_array_index (items, i);
        gboolean parent = fita_plan_list (doc->plan, FITA_TABLE_ITEM, item->rec.id)->len > 0;
        table_add (table, parent ? ROW_BOLD : 0, g_strdup (item->code), g_strdup (item->title),
                   fita_timeline_describe_who (timeline, item));
      }
    doc_table (doc, table);
  }
  doc_heading (doc, 2, T_ (doc->tr, "Calendar"));

  /* page by page: as many rows as fit, the grid's header repeated on each */
  for (guint first = 0; first < n_rows && !doc_cancelled (doc); first += per_page)
    {
      TimelinePage page;
      doc_need (doc, (header + row * 3) * scale);
      usable = (doc->bottom - doc->y) / scale - header;
      per_page = MAX (1, (guint) floor (usable / row));
      per_page = MIN (per_page, n_rows - first);
      page.timeline = timeline;
      page.y = first * row;
      page.height = header + per_page * row;
      page.scale = scale;
      doc_picture (doc, page.height * scale, draw_timeline_page, &page);
      if (first + per_page < n_rows)
        doc_new_page (doc);
    }
  (void) year;
}

/* Reports: participation */

static void
report_participation (Doc *doc)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *processes = fita_plan_list (doc->plan, FITA_TABLE_PROCESS, 0);

  doc_paragraph (doc, info->title, doc->bold, DIM, 0);
  doc_heading (doc, 1, T_ (doc->tr, "Participation"));
  if (processes->len == 0)
    doc_paragraph (doc, T_ (doc->tr, "The plan has no participatory processes."), doc->body, DIM, 0);

  for (guint i = 0; i < processes->len; i++)
    {
      FitaProcess *process = g_ptr_array_index (processes, i);
      FitaStatus *state = process->state_id ? fita_plan_lookup (doc->plan, FITA_TABLE_STATUS, process->state_id) : NULL;
      GPtrArray *phases = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_PHASE, process->rec.id);
      GPtrArray *dimensions = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id);
      GPtrArray *counts = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_COUNT, process->rec.id);
      GPtrArray *actors = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id);
      g_autofree char *start = date_in_words (doc, process->start_date);
      g_autofree char *end = date_in_words (doc, process->end_date);
      g_autofree char *state_text = state ? (state->description ? g_strdup_printf ("%s — %s", state->name, state->description)
                                                                : g_strdup (state->name)) : NULL;

      doc_heading (doc, 2, process->name);
      doc_paragraph (doc, process->description, doc->body, INK, 0);
      {
        const char *labels[] = { T_ (doc->tr, "Problem it addresses"), T_ (doc->tr, "Objectives"),
                                 T_ (doc->tr, "Start"), T_ (doc->tr, "End"), T_ (doc->tr, "State"), T_ (doc->tr, "Budget") };
        const char *values[] = { process->problem, process->objectives, start, end, state_text, process->budget_note };
        doc_fields (doc, labels, values, G_N_ELEMENTS (labels));
      }
      if (dimensions->len > 0)
        {
          static Column columns[] = { { NULL, 2.0, ALIGN_LEFT }, { NULL, 1.2, ALIGN_RIGHT }, { NULL, 1.4, ALIGN_RIGHT },
                                      { NULL, 1.5, ALIGN_RIGHT }, { NULL, 1.3, ALIGN_RIGHT } };
          g_autoptr(Table) table = NULL;
          FitaParticipation total;
          columns[0].title = T_ (doc->tr, "Dimension");
          columns[1].title = T_ (doc->tr, "Sessions");
          columns[2].title = T_ (doc->tr, "Participants");
          columns[3].title = T_ (doc->tr, "Contributions");
          columns[4].title = T_ (doc->tr, "Proposals");
          table = table_new (columns, 5, TRUE);
          for (guint d = 0; d < dimensions->len; d++)
            {
              FitaProcessDimension *dim = g_ptr_array_index (dimensions, d);
              table_add (table, 0, g_strdup (dim->name), fita_number_format (dim->sessions, doc->lang),
                         fita_number_format (dim->participants, doc->lang), fita_number_format (dim->contributions, doc->lang),
                         fita_number_format (dim->proposals, doc->lang));
            }
          fita_plan_participation (doc->plan, process, &total);
          table_add (table, ROW_TOTAL, g_strdup (T_ (doc->tr, "Total")), fita_number_format (total.sessions, doc->lang),
                     fita_number_format (total.participants, doc->lang), fita_number_format (total.contributions, doc->lang),
                     fita_number_format (total.proposals, doc->lang));
          doc_heading (doc, 3, T_ (doc->tr, "Participation by dimension"));
          doc_table (doc, table);
        }
      if (counts->len > 0)
        {
          static Column columns[] = { { NULL, 3, ALIGN_LEFT }, { NULL, 1, ALIGN_RIGHT }, { NULL, 2.4, ALIGN_LEFT } };
          g_autoptr(Table) table = NULL;
          columns[0].title = T_ (doc->tr, "Prioritisation");
          columns[1].title = T_ (doc->tr, "Count");
          columns[2].title = T_ (doc->tr, "Of");
          table = table_new (columns, 3, TRUE);
          for (guint c = 0; c < counts->len; c++)
            {
              FitaProcessCount *count = g_ptr_array_index (counts, c);
              table_add (table, 0, g_strdup (count->label), fita_number_format (count->count, doc->lang), g_strdup (count->unit));
            }
          doc_table (doc, table);
        }
      if (phases->len > 0)
        {
          doc_heading (doc, 3, T_ (doc->tr, "Phases"));
          for (guint p = 0; p < phases->len; p++)
            {
              FitaProcessPhase *phase = g_ptr_array_index (phases, p);
              g_autofree char *line = g_strdup_printf ("%u. %s", p + 1, phase->name);
              doc_paragraph (doc, line, doc->bold, INK, 0);
              doc_paragraph (doc, phase->description, doc->body, INK, 14);
            }
        }
      if (actors->len > 0)
        {
          doc_heading (doc, 3, T_ (doc->tr, "Key actors"));
          for (guint a = 0; a < actors->len; a++)
            {
              FitaProcessActor *actor = g_ptr_array_index (actors, a);
              FitaAgent *agent = fita_plan_lookup (doc->plan, FITA_TABLE_AGENT, actor->agent_id);
              g_autofree char *line = agent ? g_strdup_printf ("• %s", agent->name) : NULL;
              if (line)
                doc_paragraph (doc, line, doc->body, INK, 12);
            }
        }
    }
}

/* Making it */

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
append (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
doc_fonts (Doc *doc)
{
  doc->body = pango_font_description_from_string ("Sans 9.5");
  doc->bold = pango_font_description_from_string ("Sans Bold 9.5");
  doc->small = pango_font_description_from_string ("Sans 8");
  doc->small_bold = pango_font_description_from_string ("Sans Bold 8");
  doc->h1 = pango_font_description_from_string ("Sans Bold 15");
  doc->h2 = pango_font_description_from_string ("Sans Bold 12");
  doc->h3 = pango_font_description_from_string ("Sans Bold 10");
  doc->title = pango_font_description_from_string ("Sans Bold 24");
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
doc_free_fonts (Doc *doc)
{
  g_clear_pointer (&doc->tape, g_ptr_array_unref);
  g_clear_pointer (&doc->short_layouts, g_hash_table_unref);
  g_clear_pointer (&doc->line_heights, g_hash_table_unref);
  PangoFontDescription **fonts[] = { &doc->body, &doc->bold, &doc->small, &doc->small_bold,
                                     &doc->h1, &doc->h2, &doc->h3, &doc->title };
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    g_clear_pointer (fonts[i], pango_font_description_free);
}

static char *
report_title (Doc *doc, const FitaReportOptions *options, FitaItem *item, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autofree char *label = item ? item_label (item) : NULL;

  switch (options->kind)
    {
    case FITA_REPORT_SHEET:
      return g_strdup_printf ("%s — %s %d", label, T_ (doc->tr, "Follow-up"), (int) year);
    case FITA_REPORT_ANNUAL:
      {
        g_autofree char *name = g_strdup_printf (T_ (doc->tr, "Follow-up report %d"), (int) year);
        return g_strdup_printf ("%s — %s", info->title, name);
      }
    case FITA_REPORT_WORKPLAN:
      return g_strdup_printf ("%s — %s", info->title, T_ (doc->tr, "Work plan"));
    case FITA_REPORT_PARTICIPATION:
    case FITA_N_REPORTS:
    default:
      return g_strdup_printf ("%s — %s", info->title, T_ (doc->tr, "Participation"));
    }
}

/* One pass over the whole document. */
static gboolean
make (Doc *doc, const FitaReportOptions *options, FitaItem *item, gint64 year, cairo_write_func_t write,
      gpointer closure, GError **error)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autofree char *title = report_title (doc, options, item, year);
  cairo_status_t status;

  doc->width = doc->landscape ? A4_HEIGHT : A4_WIDTH;
  doc->height = doc->landscape ? A4_WIDTH : A4_HEIGHT;
  doc->left = 56;
  doc->right = doc->width - 56;
  doc->top = 70;
  doc->bottom = doc->height - 60;
  doc->page = 0;
  doc->page_open = FALSE;
  doc->outline_parent = CAIRO_PDF_OUTLINE_ROOT;
  doc->header = info->organisation ? g_strdup_printf ("%s · %s", info->title, info->organisation) : g_strdup (info->title);

  doc->surface = cairo_pdf_surface_create_for_stream (write, closure, doc->width, doc->height);
  cairo_pdf_surface_restrict_to_version (doc->surface, CAIRO_PDF_VERSION_1_5);
  if (!doc->counting)
    {
      const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
      g_autoptr(GDateTime) now = epoch ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
                                       : g_date_time_new_now_utc ();
      g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_AUTHOR,
                                      info->organisation ? info->organisation : "");
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Fita " PACKAGE_VERSION);
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
    }
  doc->cr = cairo_create (doc->surface);
  doc->layout = pango_cairo_create_layout (doc->cr);

  switch (options->kind)
    {
    case FITA_REPORT_SHEET:
      report_sheet (doc, item, year);
      break;
    case FITA_REPORT_ANNUAL:
      report_annual (doc, year);
      break;
    case FITA_REPORT_WORKPLAN:
      report_workplan (doc, year);
      break;
    case FITA_REPORT_PARTICIPATION:
    case FITA_N_REPORTS:
    default:
      report_participation (doc);
      break;
    }
  if (!doc->page_open)
    doc_new_page (doc);
  cairo_show_page (doc->cr);

  g_object_unref (doc->layout);
  cairo_destroy (doc->cr);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  cairo_surface_destroy (doc->surface);
  g_free (doc->header);
  if (g_cancellable_set_error_if_cancelled (doc->cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The report could not be drawn: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

GBytes *
fita_report_render (FitaPlan *plan, const FitaReportOptions *options, GCancellable *cancellable,
                    FitaReportProgress progress, gpointer user_data, GError **error)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);
  g_autoptr(FitaTranslator) tr = fita_translator_new (options->lang ? options->lang
                                                      : info->language ? info->language : "ca");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 year = options->year != FITA_NONE ? options->year
              : info->followed_year != FITA_NONE ? info->followed_year : g_date_time_get_year (now);
  FitaItem *item = NULL;
  Doc doc = { 0 };
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, NULL);
  if (options->kind == FITA_REPORT_SHEET)
    {
      item = options->item_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, options->item_id) : NULL;
      if (item == NULL)
        {
          g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                       _("A follow-up sheet is about one item: choose the item."));
          return NULL;
        }
    }

  doc.plan = plan;
  doc.tr = tr;
  doc.lang = fita_translator_get_lang (tr);
  doc.cancellable = cancellable;
  doc.landscape = options->kind == FITA_REPORT_WORKPLAN;
  doc.short_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  doc.line_heights = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  doc.tape = g_ptr_array_new_with_free_func (unref_if_set);
  doc_fonts (&doc);

  /* first, count the pages; then draw them with "page N of M" */
  doc.counting = TRUE;
  doc.progress = progress;
  doc.progress_data = user_data;
  doc.progress_base = 0;
  doc.progress_span = 0;
  if (progress)
    progress (0.05, user_data);
  if (!make (&doc, options, item, year, discard, NULL, error))
    {
      doc_free_fonts (&doc);
      return NULL;
    }
  doc.pages = doc.page;
  doc.counting = FALSE;
  doc.progress_base = 0.5;
  doc.progress_span = 0.5;
  if (!make (&doc, options, item, year, append, bytes, error))
    {
      doc_free_fonts (&doc);
      return NULL;
    }
  doc_free_fonts (&doc);
  if (progress)
    progress (1, user_data);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
fita_report_write (FitaPlan *plan, const FitaReportOptions *options, const char *path,
                   GCancellable *cancellable, FitaReportProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(GBytes) pdf = fita_report_render (plan, options, cancellable, progress, user_data, error);
  g_autoptr(GError) local = NULL;

  if (pdf == NULL)
    return FALSE;
  /* written beside and renamed over: a reader never sees half a report */
  if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &local))
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The report cannot be written: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}
