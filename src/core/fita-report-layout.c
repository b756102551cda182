/* fita-report-layout.c: pages, headings, text, tables and pictures of the
 * PDF reports (see fita-report-private.h). */
#include "config.h"
#include "fita-report-private.h"
#include "fita-text.h"
#include "fita-report-flow.h"
#include "fita-years.h"
#include "fita-error.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* A4 in points */
#define A4_WIDTH 595.28
#define A4_HEIGHT 841.89

/* How many layouts of long cells (that may wrap) the counting pass keeps
 * for the drawing pass: about a kilobyte each. */
#define TAPE_LIMIT 8000

/* How many layouts of short cells are kept for reuse at most. */
#define SHORT_LAYOUTS_MAX 2048

/* The lines of a paragraph kept together at the foot of a page, and with
 * the heading above them. */
#define KEEP_LINES 2

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Colours: each text tone reads at WCAG AA (4.5:1 and more) over the page,
 * the heading row's shading and the alternate rows (tests/core/test-contrast.c) */
#define INK_RGB 0.13, 0.13, 0.16
#define DIM_RGB 0.38, 0.38, 0.42
#define ACCENT_RGB 0.10, 0.37, 0.71
#define HEAD_FILL_RGB 0.90, 0.93, 0.97
#define ZEBRA_RGB 0.965, 0.965, 0.972
static const double INK[] = { INK_RGB };
static const double DIM[] = { DIM_RGB };
static const double RULE[] = { 0.75, 0.75, 0.78 };
static const double HEAD_FILL[] = { HEAD_FILL_RGB };
static const double ZEBRA[] = { ZEBRA_RGB };
static const double ACCENT[] = { ACCENT_RGB };

static const FitaDocColours colours = {
  .ink = { INK_RGB, 1 },
  .dim = { DIM_RGB, 1 },
  .accent = { ACCENT_RGB, 1 },
  .page = { 1, 1, 1, 1 },
  .head_fill = { HEAD_FILL_RGB, 1 },
  .zebra = { ZEBRA_RGB, 1 },
};

const FitaDocColours *
fita_doc_colours (void)
{
  return &colours;
}

static void
ink (FitaCanvas *canvas, const double *c)
{
  fita_canvas_set_source_rgba (canvas, c[0], c[1], c[2], 1);
}

static const double *
tone_colour (FitaDocTone tone)
{
  return tone == FITA_DOC_DIM ? DIM : tone == FITA_DOC_ACCENT ? ACCENT : INK;
}

/* Structure tags: only on the drawing pass, where they mean something. */

static void
tag_begin (FitaDoc *doc, const char *name)
{
  if (!doc->counting)
    fita_canvas_tag_begin (doc->canvas, name, NULL, NULL);
}

static void
tag_end (FitaDoc *doc, const char *name)
{
  if (!doc->counting)
    fita_canvas_tag_end (doc->canvas, name);
}

/* What is drawn between is no content (the running header, rules,
 * shading, a heading row repeated on a new page) */
static void
artifact_begin (FitaDoc *doc)
{
  if (!doc->counting)
    fita_canvas_artifact_begin (doc->canvas);
}

static void
artifact_end (FitaDoc *doc)
{
  if (!doc->counting)
    fita_canvas_artifact_end (doc->canvas);
}

/* Text is drawn run by run so that the PDF maps each glyph to one
 * character (see fita_canvas_show_glyph_item); ligatures are off
 * (layout_set_text). */
static void
show_run (FitaCanvas *canvas, PangoLayoutIter *iter, const char *text, double x, double y)
{
  PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
  PangoRectangle logical;

  if (run == NULL || run->glyphs->num_glyphs == 0)
    return;
  pango_layout_iter_get_run_extents (iter, NULL, &logical);
  fita_canvas_show_glyph_item (canvas, text, run, x + logical.x / (double) PANGO_SCALE,
                               y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
}


/* A layout at x, y, run by run (on cairo too: each run tagged as it is,
 * see fita_canvas_show_glyph_item). */
static void
show_layout (FitaCanvas *canvas, PangoLayout *layout, double x, double y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);

  do
    show_run (canvas, iter, text, x, y);
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

/* The runs of line, with the layout's origin at x, y; runs is an iterator
 * over the layout's runs, at the first run of line, and moves past them. */
static void
show_line (FitaCanvas *canvas, PangoLayout *layout, PangoLayoutIter *runs, PangoLayoutLine *line, double x, double y)
{
  const char *text = pango_layout_get_text (layout);

  while (pango_layout_iter_get_line_readonly (runs) == line)
    {
      show_run (canvas, runs, text, x, y);
      if (!pango_layout_iter_next_run (runs))
        break;
    }
}

/* Pages */

static void
doc_header_footer (FitaDoc *doc)
{
  FitaCanvas *canvas = doc->canvas;
  g_autofree char *page = NULL;
  double width = doc->right - doc->left, line = fita_text_line_height (doc->text, doc->small), drawn;
  int w, h;

  /* one line: the plan and its organisation, shortened if need be */
  ink (canvas, DIM);
  if (fita_text_width (doc->text, doc->small, doc->header, -1, &drawn) && drawn <= width)
    fita_text_draw (doc->text, doc->canvas, doc->small, doc->header, doc->left, doc->top - 14 - line, width,
                    FITA_TEXT_LEFT, FALSE);
  else
    {
      pango_layout_set_font_description (doc->layout, doc->small);
      pango_layout_set_width (doc->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (doc->layout, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (doc->layout, doc->header, -1);
      pango_layout_get_pixel_size (doc->layout, &w, &h);
      fita_canvas_show_layout (canvas, doc->layout, doc->left, doc->top - 14 - h);
      pango_layout_set_ellipsize (doc->layout, PANGO_ELLIPSIZE_NONE);
    }
  fita_canvas_set_line_width (canvas, 0.5);
  ink (canvas, RULE);
  fita_canvas_move_to (canvas, doc->left, doc->top - 10);
  fita_canvas_line_to (canvas, doc->right, doc->top - 10);
  fita_canvas_stroke (canvas);

  /* Translators: the footer of every page of a report */
  page = doc->pages > 0
    ? g_strdup_printf (T_ (doc->tr, "Page %d of %d"), doc->page, doc->pages)
    : g_strdup_printf (T_ (doc->tr, "Page %d"), doc->page);
  ink (canvas, DIM);
  if (fita_text_width (doc->text, doc->small, page, -1, &drawn))
    fita_text_draw (doc->text, doc->canvas, doc->small, page, doc->right - drawn, doc->bottom + 18, drawn,
                    FITA_TEXT_LEFT, FALSE);
  else
    {
      pango_layout_set_font_description (doc->layout, doc->small);
      pango_layout_set_width (doc->layout, -1);
      pango_layout_set_text (doc->layout, page, -1);
      pango_layout_get_pixel_size (doc->layout, &w, &h);
      fita_canvas_show_layout (canvas, doc->layout, doc->right - w, doc->bottom + 18);
    }
}

void
fita_doc_new_page (FitaDoc *doc)
{
  if (doc->flow != NULL)
    {
      /* not before the first words */
      if (xmlTextWriterFlush (doc->flow->w) >= 0 && xmlBufferLength (doc->flow->body) > 0)
        doc->flow->klass->page_break (doc->flow);
      return;
    }
  doc->page++;
  doc->page_open = TRUE;
  doc->y = doc->top;
  /* the counting pass only measures: no page is drawn (nor emitted) */
  if (doc->counting)
    return;
  if (doc->pdf != NULL)
    {
      if (doc->page > 1)
        fita_pdf_end_page (doc->pdf);
      fita_pdf_begin_page (doc->pdf, doc->width, doc->height);
    }
  else if (doc->page > 1)
    cairo_show_page (doc->cr);
  artifact_begin (doc);
  doc_header_footer (doc);
  artifact_end (doc);
  if (doc->progress != NULL && doc->pages > 0)
    doc->progress (doc->progress_base + doc->progress_span * doc->page / doc->pages, doc->progress_data);
}

gboolean
fita_doc_cancelled (FitaDoc *doc)
{
  return g_cancellable_is_cancelled (doc->cancellable);
}

void
fita_doc_need (FitaDoc *doc, double height)
{
  if (doc->flow != NULL)
    return;
  if (!doc->page_open || (doc->y + height > doc->bottom && doc->y > doc->top))
    fita_doc_new_page (doc);
}

/* Text */

/* Lines break between words, never inside one. Only a word wider than the
 * whole width is broken, as a last resort, and without the hyphen Pango
 * would insert where the language puts none ("Incorpor-ada"). */
/* Ligatures off (see show_run): one list shared by every layout, of every
 * report (reports may be made in several threads), never freed. */
static PangoAttrList *
no_ligatures (void)
{
  static PangoAttrList *list;

  if (g_once_init_enter (&list))
    {
      PangoAttrList *made = pango_attr_list_new ();

      pango_attr_list_insert (made, pango_attr_font_features_new ("liga 0, clig 0"));
      g_once_init_leave (&list, made);
    }
  return list;
}

static void
layout_set_text (PangoLayout *layout, const char *text, PangoFontDescription *font, double width, FitaDocAlign align)
{
  int natural;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_attributes (layout, no_ligatures ());
  pango_layout_set_alignment (layout, align == FITA_DOC_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                      : align == FITA_DOC_ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_get_size (layout, &natural, NULL);
  /* figures (right-aligned: amounts, percentages) are never broken; their
   * column is as wide as the widest of them (column_geometry) */
  if (width > 0 && natural > pango_layout_get_width (layout) && align != FITA_DOC_ALIGN_RIGHT)
    {
      PangoAttrList *attributes = pango_attr_list_copy (no_ligatures ());

      pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attributes);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_attr_list_unref (attributes);
    }
}

static double
layout_text (FitaDoc *doc, const char *text, PangoFontDescription *font, double width, FitaDocAlign align)
{
  int h;

  layout_set_text (doc->layout, text, font, width, align);
  pango_layout_get_pixel_size (doc->layout, NULL, &h);
  return h;
}

/* Headings wait for what comes under them: a heading with nothing under it
 * is left out, and one is drawn only where its first lines or rows fit
 * below it, on the same page. */

static PangoFontDescription *
heading_font (FitaDoc *doc, int level)
{
  return level == 1 ? doc->h1 : level == 2 ? doc->h2 : level == 3 ? doc->h3 : doc->bold;
}

static double
heading_space_above (int level)
{
  return level == 1 ? 10 : level == 4 ? 2 : 6;
}

static double
heading_space_below (int level)
{
  return level == 1 ? 12 : level == 4 ? 2 : 4;
}

/* The PDF's tag for a heading: a report's level 3 may come right under a
 * level 1 (a sheet's "Description"), so a heading is at most one level
 * below the one before it; level 4, a label in bold, is a paragraph. */
static const char *
heading_tag (FitaDoc *doc, int level)
{
  static const char *const tags[] = { "H1", "H2", "H3" };

  if (level > 3)
    return "P";
  level = MIN (level, doc->heading_level + 1);
  doc->heading_level = level;
  return tags[level - 1];
}

static void
draw_heading (FitaDoc *doc, int level, const char *text)
{
  const char *tag;
  double height;

  doc->y += heading_space_above (level);
  if (level <= 2 && !doc->counting)
    {
      int id = fita_canvas_add_outline (doc->canvas, level == 1 ? 0 : doc->outline_parent, text, doc->left, doc->y);

      if (level == 1)
        doc->outline_parent = id;
    }
  height = layout_text (doc, text, heading_font (doc, level), doc->right - doc->left, FITA_DOC_ALIGN_LEFT);
  tag = heading_tag (doc, level);
  if (doc->counting)
    {
      doc->y += height + heading_space_below (level);
      return;
    }
  tag_begin (doc, tag);
  ink (doc->canvas, level == 1 ? ACCENT : INK);
  show_layout (doc->canvas, doc->layout, doc->left, doc->y);
  tag_end (doc, tag);
  doc->y += height + heading_space_below (level);
  if (level == 1)
    {
      artifact_begin (doc);
      fita_canvas_set_line_width (doc->canvas, 1);
      ink (doc->canvas, ACCENT);
      fita_canvas_move_to (doc->canvas, doc->left, doc->y - 8);
      fita_canvas_line_to (doc->canvas, doc->right, doc->y - 8);
      fita_canvas_stroke (doc->canvas);
      artifact_end (doc);
    }
}

void
fita_doc_heading (FitaDoc *doc, int level, const char *text)
{
  g_return_if_fail (level >= 1 && level < (int) G_N_ELEMENTS (doc->pending));

  /* the sections this one closes had nothing in them */
  for (guint l = level; l < G_N_ELEMENTS (doc->pending); l++)
    g_clear_pointer (&doc->pending[l], g_free);
  if (text != NULL && *text != '\0')
    doc->pending[level] = g_strdup (text);
}

void
fita_doc_keep (FitaDoc *doc, double height)
{
  double headings = 0;

  if (doc->flow != NULL)
    {
      doc->y = doc->top;
      /* level 4 is a label in bold */
      for (guint l = 1; l < G_N_ELEMENTS (doc->pending); l++)
        if (doc->pending[l] != NULL)
          {
            if (l <= 3)
              doc->flow->klass->heading (doc->flow, l, doc->pending[l]);
            else
              doc->flow->klass->paragraph (doc->flow, doc->pending[l], FITA_DOC_FLOW_BOLD);
            g_clear_pointer (&doc->pending[l], g_free);
          }
      return;
    }

  for (guint l = 1; l < G_N_ELEMENTS (doc->pending); l++)
    if (doc->pending[l] != NULL)
      headings += heading_space_above (l) + heading_space_below (l)
                + layout_text (doc, doc->pending[l], heading_font (doc, l), doc->right - doc->left, FITA_DOC_ALIGN_LEFT);
  fita_doc_need (doc, headings + height);
  for (guint l = 1; l < G_N_ELEMENTS (doc->pending); l++)
    if (doc->pending[l] != NULL)
      {
        draw_heading (doc, l, doc->pending[l]);
        g_clear_pointer (&doc->pending[l], g_free);
      }
}

static void doc_text_block (FitaDoc *doc, const char *text, PangoFontDescription *font, const double *colour, double indent);

void
fita_doc_paragraph (FitaDoc *doc, const char *text, PangoFontDescription *font, FitaDocTone tone, double indent)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL || *text == '\0')
    return;
  paragraphs = g_strsplit (text, "\n", -1);
  if (doc->flow != NULL)
    {
      FitaDocFlowStyle style = font == doc->h1 || font == doc->h2 ? FITA_DOC_FLOW_SUBTITLE
                             : font == doc->bold ? FITA_DOC_FLOW_BOLD
                             : font == doc->small ? FITA_DOC_FLOW_SMALL : FITA_DOC_FLOW_BODY;
      for (guint i = 0; paragraphs[i]; i++)
        if (*g_strstrip (paragraphs[i]) != '\0')
          {
            fita_doc_keep (doc, 0);
            doc->flow->klass->paragraph (doc->flow, paragraphs[i], style);
          }
      return;
    }
  for (guint i = 0; paragraphs[i]; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      {
        doc_text_block (doc, paragraphs[i], font, tone_colour (tone), indent);
        doc->y -= 3;
      }
  doc->y += 3;
}

/* A paragraph, split across pages line by line when it is long. */
static void
doc_text_block (FitaDoc *doc, const char *text, PangoFontDescription *font, const double *colour, double indent)
{
  PangoLayout *layout;
  PangoLayoutIter *iter, *runs;
  double first_lines = 0;
  gboolean split;
  int height;

  if (text == NULL || *text == '\0')
    return;
  /* its own layout: a page break draws the header with the shared one */
  layout = pango_layout_new (doc->context);
  layout_set_text (layout, text, font, doc->right - doc->left - indent, FITA_DOC_ALIGN_LEFT);
  /* its first lines stay together, and with the headings above */
  iter = pango_layout_get_iter (layout);
  for (int i = 0; i < KEEP_LINES; i++)
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      first_lines += logical.height / (double) PANGO_SCALE;
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
  fita_doc_keep (doc, first_lines);

  /* P, or P > Span for each page's part of it when it goes on over a page
   * break: the running header and footer come between them, in no tag */
  pango_layout_get_pixel_size (layout, NULL, &height);
  split = doc->y + height > doc->bottom;
  tag_begin (doc, "P");
  if (split)
    tag_begin (doc, "Span");
  iter = pango_layout_get_iter (layout);
  runs = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = logical.height / (double) PANGO_SCALE;
      if (split && doc->y + line_height > doc->bottom && doc->y > doc->top)
        {
          tag_end (doc, "Span");
          fita_doc_need (doc, line_height);
          tag_begin (doc, "Span");
        }
      fita_doc_need (doc, line_height);
      if (!doc->counting)
        {
          ink (doc->canvas, colour);
          show_line (doc->canvas, layout, runs, line, doc->left + indent, doc->y - logical.y / (double) PANGO_SCALE);
        }
      doc->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (runs);
  if (split)
    tag_end (doc, "Span");
  tag_end (doc, "P");
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  doc->y += 6;
}

void
fita_doc_title (FitaDoc *doc, const char *text)
{
  double height;

  if (doc->flow != NULL)
    {
      fita_doc_keep (doc, 0);
      doc->flow->klass->title (doc->flow, text);
      return;
    }
  height = layout_text (doc, text, doc->title, doc->right - doc->left, FITA_DOC_ALIGN_LEFT);

  fita_doc_keep (doc, height);
  doc->heading_level = 1;
  if (doc->counting)
    {
      doc->y += height + 12;
      return;
    }
  /* a new page draws its header with the shared layout */
  layout_text (doc, text, doc->title, doc->right - doc->left, FITA_DOC_ALIGN_LEFT);
  tag_begin (doc, "H1");
  ink (doc->canvas, ACCENT);
  show_layout (doc->canvas, doc->layout, doc->left, doc->y);
  tag_end (doc, "H1");
  doc->y += height + 12;
}

void
fita_doc_space (FitaDoc *doc, double height)
{
  if (doc->flow == NULL)
    doc->y += height;
}

/* A link: its text, clickable. */
void
fita_doc_link (FitaDoc *doc, const char *title, const char *url)
{
  double height;
  int width;

  if (doc->flow != NULL)
    {
      fita_doc_keep (doc, 0);
      doc->flow->klass->link (doc->flow, title, url);
      return;
    }
  height = layout_text (doc, title && *title ? title : url, doc->body, doc->right - doc->left, FITA_DOC_ALIGN_LEFT);
  fita_doc_keep (doc, height);
  if (doc->counting)
    {
      doc->y += height + 2;
      return;
    }
  layout_text (doc, title && *title ? title : url, doc->body, doc->right - doc->left, FITA_DOC_ALIGN_LEFT);
  pango_layout_get_pixel_size (doc->layout, &width, NULL);
  fita_canvas_link_begin (doc->canvas, url);
  ink (doc->canvas, ACCENT);
  show_layout (doc->canvas, doc->layout, doc->left, doc->y);
  fita_canvas_link_end (doc->canvas, url, doc->left, doc->y, width, height);
  doc->y += height + 2;
}

/* Tables */

FitaDocTable *
fita_doc_table_new (const FitaDocColumn *columns, guint n_columns, gboolean header)
{
  FitaDocTable *table = g_new0 (FitaDocTable, 1);

  table->columns = columns;
  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->row_flags = g_array_new (FALSE, TRUE, sizeof (guint));
  table->header = header;
  return table;
}

void
fita_doc_table_free (FitaDocTable *table)
{
  g_ptr_array_unref (table->rows);
  g_array_unref (table->row_flags);
  g_free (table);
}

void
fita_doc_table_add (FitaDocTable *table, guint flags, ...)
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
  fita_doc_table_take_row (table, flags, cells);
}

void
fita_doc_table_take_row (FitaDocTable *table, guint flags, char **cells)
{
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->row_flags, flags);
}

#define PAD 4.0

/* The share of the page's width the longest words of a table's columns
 * may take before the table is set in the small font. */
#define TIGHT 0.8

/* The least a column of words is given beside figures that take the rest. */
#define MIN_WORDS 24.0

/* The sizes of the smaller font a table of figures may take, in Pango
 * units: from 6.5 pt down to 4.5 pt, by half points. */
#define TINY_FIRST (13 * PANGO_SCALE / 2)
#define TINY_LAST (9 * PANGO_SCALE / 2)

/* Column widths. Measuring every cell with Pango would cost as much as
 * drawing it; a cell's words are measured one by one instead, and a plan
 * says the same words again and again. */

static int
font_index (FitaDoc *doc, PangoFontDescription *font)
{
  return font == doc->body ? 'b' : font == doc->bold ? 'B' : font == doc->small ? 's'
       : font == doc->tiny ? 't' : font == doc->tiny_bold ? 'T' : 'S';
}

/* A column of figures (right-aligned: amounts, percentages, counts): never
 * narrower than its widest figure, never broken inside one. */
static gboolean
is_figures (FitaDocTable *table, guint c)
{
  return table->columns[c].align == FITA_DOC_ALIGN_RIGHT;
}

static double
word_width (FitaDoc *doc, PangoFontDescription *font, const char *word, gsize length)
{
  gpointer found;
  double fast;
  int width;

  if (fita_text_width (doc->text, font, word, length, &fast))
    return fast;
  g_string_truncate (doc->word_key, 0);
  g_string_append_c (doc->word_key, font_index (doc, font));
  if (font == doc->tiny || font == doc->tiny_bold)
    g_string_append_printf (doc->word_key, "%d ", pango_font_description_get_size (font));
  g_string_append_len (doc->word_key, word, length);
  found = g_hash_table_lookup (doc->word_widths, doc->word_key->str);
  if (found != NULL)
    return (GPOINTER_TO_INT (found) - 1) / (double) PANGO_SCALE;
  pango_layout_set_font_description (doc->measure, font);
  pango_layout_set_text (doc->measure, word, length);
  pango_layout_get_size (doc->measure, &width, NULL);
  g_hash_table_insert (doc->word_widths, g_strdup (doc->word_key->str), GINT_TO_POINTER (width + 1));
  return width / (double) PANGO_SCALE;
}

/* The widest word of text (where lines may break: at spaces; counting
 * less would break a word) and its widest line when nothing is wrapped. */
static void
measure_text (FitaDoc *doc, PangoFontDescription *font, const char *text, double *longest, double *natural)
{
  double space = word_width (doc, font, " ", 1);
  double line = 0;
  const char *p = text;

  *longest = *natural = 0;
  while (*p)
    {
      const char *start = p, *end;
      double width;

      if (*p == '\n')
        {
          *natural = MAX (*natural, line);
          line = 0;
          p++;
          continue;
        }
      if (*p == ' ')
        {
          line += space;
          p++;
          continue;
        }
      /* a word runs to the next space that a line may break at */
      for (end = p; *end && *end != '\n'; end++)
        if (*end == ' ' && !fita_text_glued_to_previous (end[strspn (end, " ")]))
          break;
      width = word_width (doc, font, start, end - start);
      *longest = MAX (*longest, width);
      line += width;
      p = end;
    }
  *natural = MAX (*natural, line);
}

/* The smaller font at the table's size. */
static void
use_tiny (FitaDoc *doc, FitaDocTable *table)
{
  if (pango_font_description_get_size (doc->tiny) != table->tiny)
    {
      pango_font_description_set_size (doc->tiny, table->tiny);
      pango_font_description_set_size (doc->tiny_bold, table->tiny);
    }
}

static PangoFontDescription *
row_font (FitaDoc *doc, FitaDocTable *table, guint flags)
{
  gboolean bold = (flags & (FITA_DOC_ROW_BOLD | FITA_DOC_ROW_TOTAL)) != 0;

  if (table->tiny)
    {
      use_tiny (doc, table);
      return bold ? doc->tiny_bold : doc->tiny;
    }
  return table->small ? (bold ? doc->small_bold : doc->small) : (bold ? doc->bold : doc->body);
}

/* The font of a table's heading row. */
static PangoFontDescription *
head_font (FitaDoc *doc, FitaDocTable *table)
{
  if (table->tiny)
    use_tiny (doc, table);
  return table->tiny ? doc->tiny_bold : doc->small_bold;
}

/* What each column asks for, in the table's font: at least (its longest
 * word; a column of figures, its widest figure) and at most (its widest
 * line), padding included. */
static void
column_needs (FitaDoc *doc, FitaDocTable *table, double *least, double *most)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      least[c] = 0;
      most[c] = 0;
      if (table->header && table->columns[c].title != NULL)
        measure_text (doc, head_font (doc, table), table->columns[c].title, &least[c], &most[c]);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      PangoFontDescription *font = row_font (doc, table, g_array_index (table->row_flags, guint, r));

      for (guint c = 0; c < table->n_columns; c++)
        {
          double longest, natural;

          measure_text (doc, font, cells[c], &longest, &natural);
          least[c] = MAX (least[c], is_figures (table, c) ? natural : longest);
          most[c] = MAX (most[c], natural);
        }
    }
  /* a little to spare: a word measured alone may shape a hair wider in its line */
  for (guint c = 0; c < table->n_columns; c++)
    {
      least[c] += 2 * PAD + 1;
      most[c] = MAX (most[c] + 2 * PAD + 1, least[c]);
    }
}

/* column_needs, and the sum of the least widths. */
static double
column_needs_sum (FitaDoc *doc, FitaDocTable *table, double *least, double *most)
{
  double sum = 0;

  column_needs (doc, table, least, most);
  for (guint c = 0; c < table->n_columns; c++)
    sum += least[c];
  return sum;
}

/* The width of column c at a level: its share of it, but no less than its
 * longest word and no more than its widest line. */
static double
width_at (FitaDocTable *table, const double *least, const double *most, guint c, double level)
{
  return CLAMP (level * table->columns[c].weight, least[c], most[c]);
}

static double
total_at (FitaDocTable *table, const double *least, const double *most, double level)
{
  double total = 0;

  for (guint c = 0; c < table->n_columns; c++)
    total += width_at (table, least, most, c, level);
  return total;
}

/* The least widths of the columns of figures, of the others, and how many
 * others. */
static void
figure_sums (FitaDocTable *table, const double *least, double *figures, double *words, guint *n_words)
{
  *figures = *words = 0;
  *n_words = 0;
  for (guint c = 0; c < table->n_columns; c++)
    if (is_figures (table, c))
      *figures += least[c];
    else
      {
        *words += least[c];
        (*n_words)++;
      }
}

/* How many rows the height of the table is measured on, at most, to
 * choose between widths. */
#define SAMPLE_ROWS 400

/* The height the rows would take at widths w, measured on SAMPLE_ROWS of
 * them spread through the table. */
static double
sampled_height (FitaDoc *doc, FitaDocTable *table, const double *w)
{
  guint n = table->rows->len, step = MAX (1, n / SAMPLE_ROWS);
  double total = 0;

  for (guint r = 0; r < n; r += step)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      PangoFontDescription *font = row_font (doc, table, g_array_index (table->row_flags, guint, r));
      double row = 0;

      for (guint c = 0; c < table->n_columns; c++)
        {
          double inner = MAX (w[c] - 2 * PAD, 1), widest, height, longest, natural;
          guint lines;

          if (!fita_text_measure (doc->text, font, cells[c], inner, !is_figures (table, c), &lines, &widest, &height))
            {
              /* text for Pango: its words' widths tell its lines, near enough */
              measure_text (doc, font, cells[c], &longest, &natural);
              height = fita_text_line_height (doc->text, font) * MAX (1, ceil (natural / inner));
            }
          row = MAX (row, height);
        }
      total += row;
    }
  return total;
}

/* Widths that share the room left after each column's longest word in
 * proportion to what each would take to fit unwrapped (as browsers lay
 * tables out) make a shorter table than the columns' weights when a
 * column of long text, a period, say, would wrap into three lines so that
 * another is long enough for its longest line: those are taken instead
 * when the table comes out shorter, measured. */
static void
better_widths (FitaDoc *doc, FitaDocTable *table, const double *least, const double *most, double page, double *w)
{
  double other[16], sum_least = 0, sum_wanting = 0;
  guint n = table->n_columns;

  if (doc->text == NULL || table->rows->len < 2)
    return;
  for (guint c = 0; c < n; c++)
    {
      sum_least += least[c];
      sum_wanting += most[c] - least[c];
    }
  if (sum_least >= page || sum_wanting <= 0)
    return;
  for (guint c = 0; c < n; c++)
    other[c] = least[c] + (page - sum_least) * (most[c] - least[c]) / sum_wanting;
  /* a clear gain only: shorter by a line in twenty */
  if (sampled_height (doc, table, other) < 0.95 * sampled_height (doc, table, w))
    memcpy (w, other, n * sizeof (double));
}

/* FALSE when the figures do not fit side by side even in the smaller font
 * (then split_table lays the table out as several), unless the table is
 * one of those already. */
static gboolean
column_geometry (FitaDoc *doc, FitaDocTable *table, double *x, double *w)
{
  double page = doc->right - doc->left;
  double least[16], most[16];
  double sum_least = 0, sum_most = 0, weights = 0, at = doc->left;
  guint n = table->n_columns;

  double sum_figures = 0, sum_words = 0;
  guint n_words = 0;
  gboolean figures = FALSE;

  for (guint c = 0; c < n; c++)
    figures = figures || is_figures (table, c);
  sum_least = column_needs_sum (doc, table, least, most);
  if (sum_least > TIGHT * page && !table->small)
    {
      /* the longest words leave little room for the rest (or do not fit
       * side by side): the small font, as for many columns */
      table->small = TRUE;
      sum_least = column_needs_sum (doc, table, least, most);
    }
  figure_sums (table, least, &sum_figures, &sum_words, &n_words);
  if (sum_least >= page && figures && !table->tiny)
    /* the figures and the longest words still do not fit side by side: a
     * smaller font for this table, rather than break a figure; smaller
     * still while the figures alone leave no room for the words */
    for (int size = TINY_FIRST; size >= TINY_LAST; size -= PANGO_SCALE / 2)
      {
        table->tiny = size;
        sum_least = column_needs_sum (doc, table, least, most);
        figure_sums (table, least, &sum_figures, &sum_words, &n_words);
        if (sum_least < page || sum_figures + MIN_WORDS * n_words < page)
          break;
        if (!table->parted)
          {
            table->tiny = 0;
            return FALSE;
          }
      }
  for (guint c = 0; c < n; c++)
    {
      sum_most += most[c];
      weights += table->columns[c].weight;
    }

  if (sum_least >= page && sum_words > 0 && sum_figures + MIN_WORDS * n_words < page)
    /* still too wide: the figures keep their width, the other columns
     * share what is left in proportion, and their longest words break */
    for (guint c = 0; c < n; c++)
      w[c] = is_figures (table, c) ? least[c] : (page - sum_figures) * least[c] / sum_words;
  else if (sum_least >= page)
    /* the figures alone do not fit: in proportion, and they will break */
    for (guint c = 0; c < n; c++)
      w[c] = page * least[c] / sum_least;
  else if (sum_most <= page)
    /* everything fits unwrapped: what is left is shared out by weight */
    for (guint c = 0; c < n; c++)
      w[c] = most[c] + (page - sum_most) * table->columns[c].weight / weights;
  else
    {
      /* the level at which the columns fill the page, found by halving */
      double low = 0, high = 0;
      guint widest = 0;

      for (guint c = 0; c < n; c++)
        high = MAX (high, most[c] / table->columns[c].weight);
      for (int i = 0; i < 40; i++)
        {
          double mid = (low + high) / 2;
          if (total_at (table, least, most, mid) > page)
            high = mid;
          else
            low = mid;
        }
      for (guint c = 0; c < n; c++)
        {
          w[c] = width_at (table, least, most, c, low);
          if (w[c] > w[widest])
            widest = c;
        }
      /* what halving left over goes to the widest column */
      w[widest] += page - total_at (table, least, most, low);
      better_widths (doc, table, least, most, page, w);
    }
  for (guint c = 0; c < n; c++)
    {
      x[c] = at;
      at += w[c];
    }
  return TRUE;
}

/* Shaping text is what a long report spends its time on: short strings
 * (statuses, levels, years, amounts) come back again and again and keep
 * their layout; longer ones are laid out once per pass. */
static PangoLayout *
cell_layout (FitaDoc *doc, const char *text, PangoFontDescription *font, double width, FitaDocAlign align)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  gboolean short_text = strlen (text) <= 24;

  if (short_text)
    {
      /* the exact width: a layout of a column a hair narrower is not this one */
      key = g_strdup_printf ("%p|%d|%ld|%d|%s", (void *) font, pango_font_description_get_size (font),
                             lround (width * PANGO_SCALE), align, text);
      layout = g_hash_table_lookup (doc->short_layouts, key);
      if (layout != NULL)
        return g_object_ref (layout);
    }
  layout = pango_layout_new (doc->context);
  layout_set_text (layout, text, font, width, align);
  /* codes and amounts are short too, but each is said once: a bounded
   * cache, emptied when full, keeps what comes back often */
  if (short_text && g_hash_table_size (doc->short_layouts) >= SHORT_LAYOUTS_MAX)
    g_hash_table_remove_all (doc->short_layouts);
  if (short_text)
    g_hash_table_insert (doc->short_layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* Whether text surely fits on one line of width, without shaping it: no
 * glyph of these fonts is wider than 1.05 em; or, for a longer text, its
 * words measured one by one (as for the columns' widths, and remembered)
 * come to well under the width: shaped whole, a line is a hair wider at
 * most (kerning across a space), never a percent and a point. */
static gboolean
fits_one_line (FitaDoc *doc, const char *text, PangoFontDescription *font, double width)
{
  double em = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  double longest, natural;

  if (strchr (text, '\n') != NULL)
    return FALSE;
  if (g_utf8_strlen (text, -1) * em * 1.05 <= width)
    return TRUE;
  if (strchr (text, '\t') != NULL || strchr (text, '\r') != NULL)
    return FALSE;
  measure_text (doc, font, text, &longest, &natural);
  return natural <= width * 0.99 - 1;
}

/* A cell laid out for drawing: by Pango, or as plain text (fita-text.h),
 * of which the widest line and the lines' height are known. */
typedef struct {
  PangoLayout *layout;
  double width, height;
  gboolean one_line;     /* plain text measured as one line, its natural width (width) */
} DocCell;

static void
show_cell (FitaDoc *doc, DocCell *cell, const char *text, PangoFontDescription *font, double x, double w,
           FitaDocAlign align)
{
  if (cell->one_line)
    fita_text_draw_line (doc->text, doc->canvas, font, text, x + PAD, doc->y + PAD, w - 2 * PAD,
                         align == FITA_DOC_ALIGN_RIGHT ? FITA_TEXT_RIGHT
                         : align == FITA_DOC_ALIGN_CENTER ? FITA_TEXT_CENTER : FITA_TEXT_LEFT,
                         cell->width);
  else if (cell->layout == NULL)
    fita_text_draw (doc->text, doc->canvas, font, text, x + PAD, doc->y + PAD, w - 2 * PAD,
                    align == FITA_DOC_ALIGN_RIGHT ? FITA_TEXT_RIGHT
                    : align == FITA_DOC_ALIGN_CENTER ? FITA_TEXT_CENTER : FITA_TEXT_LEFT,
                    align != FITA_DOC_ALIGN_RIGHT);
  else
    {
      show_layout (doc->canvas, cell->layout, x + PAD, doc->y + PAD);
    }
}

/* The height of a row; with laid, the cells laid out for drawing. The
 * counting pass keeps the heights of the rows (doc->heights), and shapes
 * only the cells that may take more than a line: those of body rows
 * (taped) are kept, in order, on the tape, and drawn from it (up to
 * TAPE_LIMIT of them, for memory); the others are shaped once, to draw. */
static double
row_height (FitaDoc *doc, FitaDocTable *table, char **cells, PangoFontDescription *font, const double *w,
            DocCell *laid, gboolean taped)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double inner = w[c] - 2 * PAD;
      PangoLayout *layout = NULL;
      guint n_lines;
      double widest, lines;
      int h;

      /* plain text, without Pango (fita-text.h): the same lines when drawn */
      if (fita_text_measure (doc->text, font, cells[c], inner, table->columns[c].align != FITA_DOC_ALIGN_RIGHT,
                             &n_lines, &widest, &lines))
        {
          height = MAX (height, lines);
          if (laid != NULL)
            laid[c] = (DocCell) { NULL, widest, lines, n_lines == 1 && strchr (cells[c], '\n') == NULL };
          continue;
        }
      if (fits_one_line (doc, cells[c], font, inner))
        {
          if (laid == NULL)
            {
              height = MAX (height, fita_text_line_height (doc->text, font));
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
      if (laid != NULL)
        laid[c] = (DocCell) { layout, 0, 0 };
      else
        g_object_unref (layout);
    }
  return height + 2 * PAD;
}

/* cells: the tag of the first cell and of the others (TH, TD), NULL for a
 * row drawn in no tag (a heading row repeated on a new page); scope: a TH's
 * scope, 'C' for a column's and 'R' for a row's. */
static void
draw_row (FitaDoc *doc, FitaDocTable *table, char **texts, PangoFontDescription *font, DocCell *laid,
          const double *x, const double *w, double height, const double *fill, const char *const *cells, char scope)
{
  FitaCanvas *canvas = doc->canvas;

  /* a heading row repeated on a new page is no content, nor are a row's
   * shading and rule */
  if (cells == NULL)
    artifact_begin (doc);
  if (fill != NULL)
    {
      if (cells != NULL)
        artifact_begin (doc);
      ink (canvas, fill);
      fita_canvas_rectangle (canvas, doc->left, doc->y, doc->right - doc->left, height);
      fita_canvas_fill (canvas);
      if (cells != NULL)
        artifact_end (doc);
    }
  ink (canvas, INK);
  for (guint c = 0; c < table->n_columns; c++)
    {
      FitaDocAlign align = table->columns[c].align;
      gboolean clip;

      /* no text leaves its cell: clipped only where it would (a cut row,
       * a word broken at a column narrower than it), which spares the PDF
       * a save, a clip path and a restore per cell */
      if (laid[c].layout != NULL)
        {
          PangoRectangle logical;

          pango_layout_get_pixel_extents (laid[c].layout, NULL, &logical);
          clip = logical.x < 0 || logical.x + logical.width > w[c] - PAD
                 || logical.y < 0 || logical.y + logical.height > height - PAD;
        }
      else
        clip = laid[c].width > (align == FITA_DOC_ALIGN_LEFT ? w[c] - PAD : w[c] - 2 * PAD)
               || laid[c].height > height - PAD;
      if (clip)
        {
          fita_canvas_save (canvas);
          fita_canvas_rectangle (canvas, x[c], doc->y, w[c], height);
          fita_canvas_clip (canvas);
        }
      if (cells != NULL)
        {
          const char *cell = cells[c == 0 ? 0 : 1];
          gboolean heading = strcmp (cell, "TH") == 0;

          if (heading)
            g_string_append_c (doc->header_scopes, scope);
          if (!doc->counting)
            fita_canvas_tag_begin (canvas, cell, NULL, heading ? (scope == 'R' ? "Row" : "Column") : NULL);
          show_cell (doc, &laid[c], texts[c], font, x[c], w[c], align);
          tag_end (doc, cell);
        }
      else
        show_cell (doc, &laid[c], texts[c], font, x[c], w[c], align);
      if (clip)
        fita_canvas_restore (canvas);
    }
  if (cells != NULL)
    artifact_begin (doc);
  fita_canvas_set_line_width (canvas, 0.5);
  ink (canvas, RULE);
  fita_canvas_move_to (canvas, doc->left, doc->y + height);
  fita_canvas_line_to (canvas, doc->right, doc->y + height);
  fita_canvas_stroke (canvas);
  artifact_end (doc);
}

static void
free_layouts (DocCell *laid, guint n)
{
  for (guint c = 0; c < n; c++)
    g_clear_object (&laid[c].layout);
}

/* first: the table's own heading row (TR > TH), not one repeated on a
 * later page (in no tag: a screen reader reads it once). */
static void
draw_table_header (FitaDoc *doc, FitaDocTable *table, char **titles, const double *x, const double *w, double height,
                   gboolean first)
{
  static const char *const header_cells[] = { "TH", "TH" };
  DocCell laid[16] = { { NULL } };

  if (!doc->counting)
    {
      PangoFontDescription *font = head_font (doc, table);

      row_height (doc, table, titles, font, w, laid, FALSE);
      if (first)
        tag_begin (doc, "TR");
      draw_row (doc, table, titles, font, laid, x, w, height, HEAD_FILL, first ? header_cells : NULL, 'C');
      if (first)
        tag_end (doc, "TR");
      free_layouts (laid, table->n_columns);
    }
  doc->y += height;
}

/* A bold row heads the rows below it (a line of the plan above its
 * objectives): it goes to the next page with them rather than stay alone
 * at the foot of one. The height of the rows after row r it keeps with. */
/* The height of row r, measured once: heights[r] (< 0 while unknown). */
static double
known_height (FitaDoc *doc, FitaDocTable *table, guint r, const double *w, double *heights)
{
  if (heights[r] < 0)
    heights[r] = row_height (doc, table, g_ptr_array_index (table->rows, r),
                             row_font (doc, table, g_array_index (table->row_flags, guint, r)), w, NULL, doc->counting);
  return heights[r];
}

static double
rows_kept_with (FitaDoc *doc, FitaDocTable *table, guint r, const double *w, double *heights)
{
  double height = 0;

  while (r + 1 < table->rows->len && (g_array_index (table->row_flags, guint, r) & FITA_DOC_ROW_BOLD) != 0)
    height += known_height (doc, table, ++r, w, heights);
  return MIN (height, (doc->bottom - doc->top) / 2);
}

/* A table whose figures do not fit side by side even in the smaller font
 * (a budget of many chapters) is laid out as several tables one below the
 * other: each has the columns of words and as many columns of figures as
 * fit in the small font. */
static void
split_table (FitaDoc *doc, FitaDocTable *table)
{
  double least[16], most[16], page = doc->right - doc->left;
  double figures, words, room, group = 0;
  gboolean small = table->small;
  guint n_words, first = 0;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));

  /* the groups, measured in the small font */
  table->small = TRUE;
  table->tiny = 0;
  column_needs (doc, table, least, most);
  figure_sums (table, least, &figures, &words, &n_words);
  table->small = small;
  room = page - MIN (words, 0.4 * page);
  for (guint c = 0; c < table->n_columns; c++)
    if (is_figures (table, c))
      {
        if (group > 0 && group + least[c] > room)
          {
            g_array_append_val (groups, c);
            group = 0;
          }
        group += least[c];
      }
  g_array_append_val (groups, table->n_columns);
  for (guint g = 0; g < groups->len; g++)
    {
      guint end = g_array_index (groups, guint, g);
      g_autofree FitaDocColumn *columns = g_new0 (FitaDocColumn, table->n_columns);
      g_autofree guint *picked = g_new0 (guint, table->n_columns);
      g_autoptr(FitaDocTable) part = NULL;
      guint n = 0;

      for (guint c = 0; c < table->n_columns; c++)
        if (!is_figures (table, c) || (c >= first && c < end))
          {
            columns[n] = table->columns[c];
            picked[n++] = c;
          }
      part = fita_doc_table_new (columns, n, table->header);
      part->small = table->small;
      part->parted = TRUE;
      for (guint r = 0; r < table->rows->len; r++)
        {
          char **cells = g_ptr_array_index (table->rows, r);
          char **some = g_new0 (char *, n + 1);
          for (guint c = 0; c < n; c++)
            some[c] = g_strdup (cells[picked[c]]);
          fita_doc_table_take_row (part, g_array_index (table->row_flags, guint, r), some);
        }
      fita_doc_table (doc, part);
      first = end;
    }
}

void
fita_doc_table (FitaDoc *doc, FitaDocTable *table)
{
  static const char *const data_cells[] = { "TD", "TD" };
  /* a table with no heading row is a list of labels and their values: the
   * labels head their rows */
  static const char *const labelled_cells[] = { "TH", "TD" };
  double x[16] = { 0 }, w[16] = { 0 }, header_height = 0;
  g_autofree char **titles = NULL;
  g_autofree double *heights = NULL;
  const char *const *cells_tags = table->header ? data_cells : labelled_cells;
  gboolean begun = FALSE, fits;

  g_assert (table->n_columns > 0 && table->n_columns <= 16);
  if (doc->flow != NULL)
    {
      fita_doc_keep (doc, 0);
      doc->flow->klass->table (doc->flow, table);
      return;
    }
  /* the columns: measured while counting, known when drawing */
  if (!doc->counting && doc->geometries_next < doc->geometries->len)
    {
      const FitaDocGeometry *known = &g_array_index (doc->geometries, FitaDocGeometry, doc->geometries_next);
      memcpy (x, known->x, sizeof x);
      memcpy (w, known->w, sizeof w);
      table->small = known->small;
      table->tiny = known->tiny;
      fits = known->fits;
    }
  else
    {
      FitaDocGeometry measured = { { 0 } };
      fits = column_geometry (doc, table, x, w);
      memcpy (measured.x, x, sizeof x);
      memcpy (measured.w, w, sizeof w);
      measured.small = table->small;
      measured.tiny = table->tiny;
      measured.fits = fits;
      if (doc->counting)
        g_array_append_val (doc->geometries, measured);
    }
  doc->geometries_next++;
  if (!fits)
    {
      split_table (doc, table);
      return;
    }
  /* the rows' heights: measured while counting, known when drawing */
  heights = g_new (double, MAX (table->rows->len, 1));
  if (!doc->counting && doc->heights_next + table->rows->len <= doc->heights->len)
    memcpy (heights, &g_array_index (doc->heights, double, doc->heights_next), table->rows->len * sizeof (double));
  else
    for (guint r = 0; r < table->rows->len; r++)
      heights[r] = -1;
  doc->heights_next += table->rows->len;
  if (table->header)
    {
      titles = g_new0 (char *, table->n_columns + 1);
      for (guint c = 0; c < table->n_columns; c++)
        titles[c] = (char *) (table->columns[c].title ? table->columns[c].title : "");
      header_height = row_height (doc, table, titles, head_font (doc, table), w, NULL, FALSE);
    }

  for (guint r = 0; r < table->rows->len && !fita_doc_cancelled (doc); r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      guint flags = g_array_index (table->row_flags, guint, r);
      PangoFontDescription *font = row_font (doc, table, flags);
      DocCell laid[16] = { { NULL } };
      double height = doc->counting ? known_height (doc, table, r, w, heights)
                                    : row_height (doc, table, cells, font, w, laid, TRUE);
      /* the pages break where they were counted */
      if (!doc->counting && heights[r] >= 0)
        height = heights[r];
      double together;
      gboolean fresh_page;

      /* a row taller than a page is cut, not spilled */
      height = MIN (height, doc->bottom - doc->top - header_height);
      together = height + rows_kept_with (doc, table, r, w, heights);
      fresh_page = !doc->page_open || doc->y + together > doc->bottom;
      if (r == 0 || fresh_page)
        {
          /* the heading row starts the table and every page it continues
           * on; the first row stays with it and with the headings above */
          fita_doc_keep (doc, header_height + together);
          if (r == 0)
            {
              tag_begin (doc, "Table");
              begun = TRUE;
            }
          if (table->header)
            draw_table_header (doc, table, titles, x, w, header_height, r == 0);
        }
      if (!doc->counting)
        {
          if (flags & FITA_DOC_ROW_TOTAL)
            {
              artifact_begin (doc);
              fita_canvas_set_line_width (doc->canvas, 1);
              ink (doc->canvas, INK);
              fita_canvas_move_to (doc->canvas, doc->left, doc->y);
              fita_canvas_line_to (doc->canvas, doc->right, doc->y);
              fita_canvas_stroke (doc->canvas);
              artifact_end (doc);
            }
          tag_begin (doc, "TR");
          draw_row (doc, table, cells, font, laid, x, w, height, r % 2 ? ZEBRA : NULL, cells_tags, 'R');
          tag_end (doc, "TR");
          free_layouts (laid, table->n_columns);
        }
      doc->y += height;
    }
  if (begun)
    tag_end (doc, "Table");
  if (doc->counting)
    g_array_append_vals (doc->heights, heights, table->rows->len);
  doc->y += 10;
}

void
fita_doc_fields (FitaDoc *doc, const char * const *labels, const char * const *values, guint n)
{
  static const FitaDocColumn columns[] = { { NULL, 0.28, FITA_DOC_ALIGN_LEFT }, { NULL, 0.72, FITA_DOC_ALIGN_LEFT } };
  g_autoptr(FitaDocTable) table = fita_doc_table_new (columns, 2, FALSE);

  for (guint i = 0; i < n; i++)
    if (values[i] != NULL && *values[i] != '\0')
      fita_doc_table_add (table, 0, g_strdup (labels[i]), g_strdup (values[i]));
  if (table->rows->len > 0)
    fita_doc_table (doc, table);
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The picture as a PNG at 150 dpi, drawn by the same routine as on a page. */
static void
flow_picture (FitaDoc *doc, double height, FitaDocPictureFunc draw, gpointer data, const char *alt)
{
  const double scale = 150 / 72.0;
  double width = doc->right - doc->left;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  {
    g_autoptr(FitaCanvas) canvas = fita_canvas_new_for_cairo (cr);
    draw (canvas, width, height, data);
  }
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  g_ptr_array_add (doc->flow->pictures, g_byte_array_free_to_bytes (png));
  fita_doc_keep (doc, 0);
  doc->flow->klass->picture (doc->flow, doc->flow->pictures->len - 1, width, height, alt ? alt : "");
}

void
fita_doc_picture (FitaDoc *doc, double height, FitaDocPictureFunc draw, gpointer data, const char *alt)
{
  if (doc->flow != NULL)
    {
      flow_picture (doc, height, draw, data, alt);
      return;
    }
  fita_doc_keep (doc, height);
  if (doc->counting)
    {
      /* a picture only takes its room */
      doc->y += height + 10;
      return;
    }
  g_ptr_array_add (doc->figure_alts, g_strdup (alt ? alt : ""));
  fita_canvas_tag_begin (doc->canvas, "Figure", alt ? alt : "", NULL);
  fita_canvas_save (doc->canvas);
  fita_canvas_translate (doc->canvas, doc->left, doc->y);
  fita_canvas_rectangle (doc->canvas, 0, 0, doc->right - doc->left, height);
  fita_canvas_clip (doc->canvas);
  draw (doc->canvas, doc->right - doc->left, height, data);
  fita_canvas_restore (doc->canvas);
  tag_end (doc, "Figure");
  doc->y += height + 10;
}

/* Making it */

void
fita_doc_init (FitaDoc *doc, FitaPlan *plan, FitaTranslator *tr, gboolean landscape, GCancellable *cancellable)
{
  memset (doc, 0, sizeof *doc);
  doc->plan = plan;
  doc->tr = tr;
  doc->lang = fita_translator_get_lang (tr);
  doc->cancellable = cancellable;
  doc->landscape = landscape;
  doc->short_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  doc->heights = g_array_new (FALSE, FALSE, sizeof (double));
  doc->geometries = g_array_new (FALSE, FALSE, sizeof (FitaDocGeometry));
  doc->tape = g_ptr_array_new_with_free_func (unref_if_set);
  doc->word_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->word_key = g_string_new (NULL);
  doc->figure_alts = g_ptr_array_new_with_free_func (g_free);
  doc->header_scopes = g_string_new (NULL);
  doc->body = pango_font_description_from_string ("Sans 9.5");
  doc->bold = pango_font_description_from_string ("Sans Bold 9.5");
  doc->small = pango_font_description_from_string ("Sans 8");
  doc->small_bold = pango_font_description_from_string ("Sans Bold 8");
  doc->tiny = pango_font_description_from_string ("Sans 6.5");
  doc->tiny_bold = pango_font_description_from_string ("Sans Bold 6.5");
  doc->h1 = pango_font_description_from_string ("Sans Bold 15");
  doc->h2 = pango_font_description_from_string ("Sans Bold 12");
  doc->h3 = pango_font_description_from_string ("Sans Bold 10");
  doc->title = pango_font_description_from_string ("Sans Bold 24");
}

void
fita_doc_clear (FitaDoc *doc)
{
  PangoFontDescription **fonts[] = { &doc->body, &doc->bold, &doc->small, &doc->small_bold, &doc->tiny, &doc->tiny_bold,
                                     &doc->h1, &doc->h2, &doc->h3, &doc->title };

  g_clear_pointer (&doc->heights, g_array_unref);
  g_clear_pointer (&doc->geometries, g_array_unref);
  g_clear_pointer (&doc->tape, g_ptr_array_unref);
  g_clear_pointer (&doc->short_layouts, g_hash_table_unref);
  g_clear_pointer (&doc->word_widths, g_hash_table_unref);
  g_clear_pointer (&doc->figure_alts, g_ptr_array_unref);
  if (doc->header_scopes != NULL)
    g_string_free (g_steal_pointer (&doc->header_scopes), TRUE);
  if (doc->word_key != NULL)
    g_string_free (g_steal_pointer (&doc->word_key), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    g_clear_pointer (fonts[i], pango_font_description_free);
}

void
fita_doc_begin (FitaDoc *doc, const char *title, cairo_write_func_t write, gpointer closure)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);

  doc->width = doc->landscape ? A4_HEIGHT : A4_WIDTH;
  doc->height = doc->landscape ? A4_WIDTH : A4_HEIGHT;
  doc->left = 56;
  doc->right = doc->width - 56;
  doc->top = 70;
  doc->bottom = doc->height - 60;
  doc->page = 0;
  doc->page_open = FALSE;
  doc->heights_next = 0;
  doc->geometries_next = 0;
  doc->tape_next = 0;
  doc->outline_parent = 0;
  doc->header = info->organisation ? g_strdup_printf ("%s · %s", info->title, info->organisation) : g_strdup (info->title);
  if (doc->flow != NULL)
    {
      /* Translators: the footer of every page of a report */
      fita_doc_flow_set_running (doc->flow, doc->header, T_ (doc->tr, "Page %d of %d"));
      /* never moves: a report that measures what is left of a page (the
       * work plan's grid) gets a whole page */
      doc->y = doc->top;
      return;
    }

  if (doc->pdf != NULL && !doc->counting)
    {
      /* on Fita's own writer */
      g_autoptr(GDateTime) now = fita_plan_get_document_time (doc->plan);
      g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

      fita_pdf_set_title (doc->pdf, title);
      fita_pdf_set_language (doc->pdf, fita_report_pdf_language (doc->lang));
      fita_pdf_set_metadata (doc->pdf, info->organisation, "Fita " PACKAGE_VERSION, created);
      doc->canvas = fita_canvas_new_for_pdf (doc->pdf);
      doc->context = pango_cairo_create_context (fita_pdf_get_context (doc->pdf));
    }
  else
    {
      doc->surface = cairo_pdf_surface_create_for_stream (write, closure, doc->width, doc->height);
      cairo_pdf_surface_restrict_to_version (doc->surface, CAIRO_PDF_VERSION_1_5);
    }
  if (doc->surface != NULL && !doc->counting)
    {
      /* a closed year's report is dated when the year was closed */
      g_autoptr(GDateTime) now = fita_plan_get_document_time (doc->plan);
      g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_AUTHOR,
                                      info->organisation ? info->organisation : "");
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Fita " PACKAGE_VERSION);
      cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
    }
  if (doc->surface != NULL)
    {
      doc->cr = cairo_create (doc->surface);
      doc->canvas = fita_canvas_new_for_cairo (doc->cr);
      doc->context = pango_cairo_create_context (doc->cr);
    }
  /* one context for every layout of the document; glyphs where the font
   * puts them, not rounded to whole units: the PDF then needs no
   * adjustment between most glyphs of a run (fewer numbers to write) */
  pango_context_set_round_glyph_positions (doc->context, FALSE);
  doc->layout = pango_layout_new (doc->context);
  doc->measure = pango_layout_new (doc->context);
  doc->text = fita_text_new (doc->context);
  /* first, so that cairo marks the PDF as tagged */
  doc->heading_level = 0;
  g_ptr_array_set_size (doc->figure_alts, 0);
  g_string_truncate (doc->header_scopes, 0);
  tag_begin (doc, "Document");
}

gboolean
fita_doc_finish (FitaDoc *doc, GError **error)
{
  cairo_status_t status;

  if (doc->flow != NULL)
    {
      for (guint l = 0; l < G_N_ELEMENTS (doc->pending); l++)
        g_clear_pointer (&doc->pending[l], g_free);
      g_clear_pointer (&doc->header, g_free);
      return !g_cancellable_set_error_if_cancelled (doc->cancellable, error);
    }
  if (!doc->page_open)
    fita_doc_new_page (doc);
  tag_end (doc, "Document");
  if (doc->counting)
    ;
  else if (doc->pdf != NULL)
    fita_pdf_end_page (doc->pdf);
  else
    cairo_show_page (doc->cr);

  /* headings with nothing under them at the end */
  for (guint l = 0; l < G_N_ELEMENTS (doc->pending); l++)
    g_clear_pointer (&doc->pending[l], g_free);
  g_clear_object (&doc->layout);
  g_clear_object (&doc->measure);
  g_clear_pointer (&doc->text, fita_text_free);
  g_clear_object (&doc->context);
  g_clear_pointer (&doc->canvas, fita_canvas_free);
  g_clear_pointer (&doc->cr, cairo_destroy);
  status = CAIRO_STATUS_SUCCESS;
  if (doc->surface != NULL)
    {
      cairo_surface_finish (doc->surface);
      status = cairo_surface_status (doc->surface);
      g_clear_pointer (&doc->surface, cairo_surface_destroy);
    }
  g_clear_pointer (&doc->header, g_free);
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
