/* fita-report.c: a report made in two passes (count the pages, then draw
 * them), or in one into an editable document; what each report holds is in
 * its own fita-report-KIND.c, laid out by fita-report-layout.c. */
#include "config.h"
#include "fita-report.h"
#include "fita-report-private.h"
#include "fita-report-flow.h"
#include "fita-budget.h"
#include "fita-chart.h"
#include "fita-edit.h"
#include "fita-error.h"
#include "fita-i18n.h"
#include "fita-money.h"
#include "fita-output.h"
#include "fita-pdf.h"
#include "fita-rollup.h"
#include "fita-timeline.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>


const char * const fita_report_kind_keywords[] = { "sheet", "annual", "workplan", "participation", NULL };
const char * const fita_report_format_suffixes[] = { ".pdf", ".odt", ".docx", NULL };

gboolean
fita_report_format_for_path (const char *path, FitaReportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint f = 0; f < FITA_N_REPORT_FORMATS; f++)
    if (g_str_has_suffix (lower, fita_report_format_suffixes[f]))
      {
        *format = f;
        return TRUE;
      }
  return FALSE;
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

static char *
report_title (FitaDoc *doc, const FitaReportOptions *options, FitaItem *item, gint64 year)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  g_autofree char *label = item ? fita_report_item_label (item) : NULL;

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
make (FitaDoc *doc, const FitaReportOptions *options, FitaItem *item, gint64 year, cairo_write_func_t write,
      gpointer closure, GError **error)
{
  g_autofree char *title = report_title (doc, options, item, year);

  fita_doc_begin (doc, title, write, closure);
  switch (options->kind)
    {
    case FITA_REPORT_SHEET:
      fita_report_make_sheet (doc, item, year);
      break;
    case FITA_REPORT_ANNUAL:
      fita_report_make_annual (doc, year);
      break;
    case FITA_REPORT_WORKPLAN:
      fita_report_make_workplan (doc, year);
      break;
    case FITA_REPORT_PARTICIPATION:
    case FITA_N_REPORTS:
    default:
      fita_report_make_participation (doc);
      break;
    }
  return fita_doc_finish (doc, error);
}

/* The sheet's item; NULL with an error when it has none. */
static gboolean
sheet_item (FitaPlan *plan, const FitaReportOptions *options, FitaItem **item, GError **error)
{
  *item = NULL;
  if (options->kind != FITA_REPORT_SHEET)
    return TRUE;
  *item = options->item_id ? fita_plan_lookup (plan, FITA_TABLE_ITEM, options->item_id) : NULL;
  if (*item == NULL)
    {
      g_set_error (error, FITA_ERROR, FITA_ERROR_NOT_FOUND,
                   _("A follow-up sheet is about one item: choose the item."));
      return FALSE;
    }
  return TRUE;
}

static FitaTranslator *
report_translator (FitaPlan *plan, const FitaReportOptions *options)
{
  FitaPlanInfo *info = fita_plan_get_info (plan);

  return fita_translator_new (options->lang ? options->lang : info->language ? info->language : "ca");
}

/* The PDF, into output (a file, read back to be tagged) or into bytes
 * (should no file be at hand). */
static gboolean
render_pdf (FitaPlan *plan, const FitaReportOptions *options, FitaOutput *output, GByteArray *bytes,
            GCancellable *cancellable, FitaReportProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(FitaTranslator) tr = report_translator (plan, options);
  gint64 year = options->year != FITA_NONE ? options->year : fita_plan_default_year (plan);
  FitaItem *item = NULL;
  FitaDoc doc;

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, FALSE);
  if (!sheet_item (plan, options, &item, error))
    return FALSE;

  fita_doc_init (&doc, plan, tr, options->kind == FITA_REPORT_WORKPLAN, cancellable);

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
      fita_doc_clear (&doc);
      return FALSE;
    }
  doc.pages = doc.page;
  doc.counting = FALSE;
  doc.progress_base = 0.5;
  doc.progress_span = 0.5;
  /* drawn by Fita's own PDF writer, tagged as it goes; by cairo, tagged
   * after, if the report has text in a font that it cannot embed (or no
   * file to write in) */
  if (output != NULL)
    {
      g_autoptr(GError) unsupported = NULL;
      gboolean made;

      doc.pdf = fita_pdf_new (output);
      made = make (&doc, options, item, year, NULL, NULL, &unsupported) && fita_pdf_finish (doc.pdf, &unsupported);
      g_clear_pointer (&doc.pdf, fita_pdf_free);
      if (made)
        {
          fita_doc_clear (&doc);
          if (progress)
            progress (1, user_data);
          return fita_output_check (output, error);
        }
      if (!g_error_matches (unsupported, FITA_ERROR, FITA_ERROR_UNSUPPORTED) || !fita_output_truncate (output, 0))
        {
          /* a write that failed says why (a full disk) */
          if (!fita_output_check (output, error))
            g_clear_error (&unsupported);
          else
            g_propagate_error (error, g_steal_pointer (&unsupported));
          fita_doc_clear (&doc);
          return FALSE;
        }
    }
  if (!make (&doc, options, item, year, output != NULL ? fita_output_cairo_write : append,
             output != NULL ? (gpointer) output : (gpointer) bytes, error))
    {
      /* a write that failed says why (a full disk), not just that cairo could not */
      if (output != NULL && !fita_output_check (output, NULL))
        {
          g_clear_error (error);
          fita_output_check (output, error);
        }
      fita_doc_clear (&doc);
      return FALSE;
    }
  /* What Fita adds to cairo's tagged PDF (fita-report-tagged.c): should a
   * cairo other than the one it knows write the file otherwise, the report
   * is still made, tagged as cairo tags it, rather than not at all. */
  {
    g_autoptr(GError) untagged = NULL;
    gboolean tagged = output != NULL
                        ? fita_report_tag_pdf_output (output, doc.lang, doc.figure_alts, doc.header_scopes->str, &untagged)
                        : fita_report_tag_pdf (bytes, doc.lang, doc.figure_alts, doc.header_scopes->str, &untagged);
    if (!tagged && output != NULL && !fita_output_check (output, error))
      {
        fita_doc_clear (&doc);
        return FALSE;
      }
    if (!tagged)
      g_warning ("%s", untagged->message);
  }
  fita_doc_clear (&doc);
  if (progress)
    progress (1, user_data);
  return TRUE;
}

GBytes *
fita_report_render (FitaPlan *plan, const FitaReportOptions *options, GCancellable *cancellable,
                    FitaReportProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(FitaOutput) output = NULL;
  g_autoptr(GByteArray) bytes = NULL;

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, NULL);
  /* made in a temporary file and mapped from it, so that neither cairo's
   * PDF nor the tagged one is held in memory as it is made; in memory
   * should there be no temporary folder to write in */
  output = fita_output_new_temporary (NULL);
  if (output != NULL)
    {
      gboolean made = render_pdf (plan, options, output, NULL, cancellable, progress, user_data, error);
      int code;

      fita_output_get_fd (output);    /* all written */
      if ((code = fita_output_get_errno (output)) != 0)
        {
          /* the temporary folder full, say: not "choose another folder" */
          g_clear_error (error);
          g_set_error (error, FITA_ERROR, FITA_ERROR_IO, _("The report could not be drawn: %s."), g_strerror (code));
          return NULL;
        }
      return made ? fita_output_steal_bytes (g_steal_pointer (&output), error) : NULL;
    }
  bytes = g_byte_array_new ();
  if (!render_pdf (plan, options, NULL, bytes, cancellable, progress, user_data, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* An editable document: one pass into the flow, then zipped into path. */
static gboolean
write_flow (FitaPlan *plan, const FitaReportOptions *options, FitaReportFormat format, const char *path,
            GCancellable *cancellable, FitaReportProgress progress, gpointer user_data, GError **error)
{
  g_autoptr(FitaTranslator) tr = report_translator (plan, options);
  gint64 year = options->year != FITA_NONE ? options->year : fita_plan_default_year (plan);
  gboolean landscape = options->kind == FITA_REPORT_WORKPLAN;
  g_autoptr(FitaDocFlow) flow = NULL;
  g_autoptr(FitaOutput) output = NULL;
  g_autofree char *title = NULL;
  FitaItem *item = NULL;
  FitaDoc doc;
  gboolean ok;

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, FALSE);
  if (!sheet_item (plan, options, &item, error))
    return FALSE;
  if (progress)
    progress (0.05, user_data);
  fita_doc_init (&doc, plan, tr, landscape, cancellable);
  title = report_title (&doc, options, item, year);
  flow = format == FITA_REPORT_FORMAT_ODT ? fita_doc_flow_new_odt (doc.lang, title, landscape)
                                          : fita_doc_flow_new_docx (doc.lang, title, landscape);
  doc.flow = flow;
  ok = make (&doc, options, item, year, NULL, NULL, error);
  fita_doc_clear (&doc);
  if (!ok)
    return FALSE;
  if (progress)
    progress (0.8, user_data);
  /* like every output: atomic, never over the plan itself */
  if (!(output = fita_output_open (path, fita_plan_get_path (plan), error)) ||
      !fita_output_write (output, "", 0, error) ||
      !flow->klass->write (flow, fita_output_get_temp_path (output), error) ||
      !fita_output_commit (g_steal_pointer (&output), error))
    return FALSE;
  if (progress)
    progress (1, user_data);
  return TRUE;
}

gboolean
fita_report_write (FitaPlan *plan, const FitaReportOptions *options, const char *path,
                   GCancellable *cancellable, FitaReportProgress progress, gpointer user_data, GError **error)
{
  FitaReportFormat format = FITA_REPORT_FORMAT_PDF;
  g_autoptr(FitaOutput) output = NULL;
  FitaItem *item;

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, FALSE);
  if (fita_report_format_for_path (path, &format) && format != FITA_REPORT_FORMAT_PDF)
    return write_flow (plan, options, format, path, cancellable, progress, user_data, error);
  if (!sheet_item (plan, options, &item, error))
    return FALSE;
  /* like every output: atomic, never over the plan itself; written as it
   * is drawn, and tagged in place, rather than held in memory. The
   * temporary file is made at once, so that a folder not to be written in
   * is known before the report is drawn. */
  return (output = fita_output_open (path, fita_plan_get_path (plan), error)) != NULL &&
         fita_output_write (output, "", 0, error) &&
         render_pdf (plan, options, output, NULL, cancellable, progress, user_data, error) &&
         fita_output_commit (g_steal_pointer (&output), error);
}

/* Several sheets, and their file names */

/* Characters that some file system refuses or that shells treat specially
 * become a dash; the title is cut at a word so that names stay readable. */
static void
append_for_file_name (GString *out, const char *text, guint max_chars)
{
  gsize start = out->len;
  const char *p = text;

  for (guint n = 0; *p && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 0x20 || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    {
      const char *space = strrchr (out->str + start, ' ');
      if (space != NULL && space > out->str + start + (out->len - start) / 2)
        g_string_truncate (out, space - out->str);
      g_string_append (out, "…");
    }
}

char *
fita_report_file_name (FitaPlan *plan, const FitaReportOptions *options)
{
  return fita_report_file_name_for_format (plan, options, FITA_REPORT_FORMAT_PDF);
}

char *
fita_report_file_name_for_format (FitaPlan                *plan,
                                  const FitaReportOptions *options,
                                  FitaReportFormat         format)
{
  const char *kinds[] = {
    /* Translators: file names offered when saving a report */
    N_("Follow-up sheet"), N_("Follow-up report"), N_("Work plan"), N_("Participation"),
  };
  gint64 year = options->year != FITA_NONE ? options->year : fita_plan_default_year (plan);
  FitaItem *item = NULL;
  GString *name;

  g_return_val_if_fail (options->kind < FITA_N_REPORTS, NULL);
  g_return_val_if_fail (format < FITA_N_REPORT_FORMATS, NULL);
  name = g_string_new (_(kinds[options->kind]));
  if (options->kind == FITA_REPORT_SHEET)
    item = fita_plan_lookup (plan, FITA_TABLE_ITEM, options->item_id);
  if (item == NULL)
    {
      g_string_append_printf (name, " %d%s", (int) year, fita_report_format_suffixes[format]);
      return g_string_free (name, FALSE);
    }
  /* "Follow-up sheet 11 - ESS als barris - 2024.pdf": programmes' sheets
   * do not overwrite one another */
  if (item->code != NULL && *item->code)
    {
      g_string_append_c (name, ' ');
      append_for_file_name (name, item->code, 20);
    }
  if (item->title != NULL && *item->title)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      append_for_file_name (title, item->title, 60);
      g_string_append_printf (name, " - %s", title->str);
    }
  g_string_append_printf (name, " - %d%s", (int) year, fita_report_format_suffixes[format]);
  return g_string_free (name, FALSE);
}

GPtrArray *
fita_report_items_of_level (FitaPlan *plan, FitaItem *like)
{
  g_autoptr(GPtrArray) items = fita_plan_items_preorder (plan, NULL);
  GPtrArray *same = g_ptr_array_new ();
  guint depth = fita_plan_item_depth (plan, like);

  for (guint i = 0; i < items->len; i++)
    {
      FitaItem *item = g_ptr_array_index (items, i);
      if (like->level_id != FITA_NONE ? item->level_id == like->level_id
                                      : fita_plan_item_depth (plan, item) == depth)
        g_ptr_array_add (same, item);
    }
  return same;
}

typedef struct {
  FitaReportProgress progress;
  gpointer user_data;
  guint index, n;
} SheetsProgress;

static void
on_sheet_progress (double fraction, gpointer data)
{
  SheetsProgress *sheets = data;

  sheets->progress ((sheets->index + fraction) / sheets->n, sheets->user_data);
}

GPtrArray *
fita_report_write_sheets (FitaPlan *plan, const FitaReportOptions *options, FitaReportFormat format,
                          const gint64 *item_ids, guint n_items,
                          const char *folder, GCancellable *cancellable, FitaReportProgress progress,
                          gpointer user_data, GError **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SheetsProgress sheets = { progress, user_data, 0, MAX (n_items, 1) };

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }
  for (guint i = 0; i < n_items; i++)
    {
      FitaReportOptions one = *options;
      g_autofree char *name = NULL;
      char *path;

      one.kind = FITA_REPORT_SHEET;
      one.item_id = item_ids[i];
      name = fita_report_file_name_for_format (plan, &one, format);
      /* two items of the same code and title: "… (2).pdf" */
      for (guint n = 2; g_hash_table_contains (names, name); n++)
        {
          g_autofree char *first = fita_report_file_name_for_format (plan, &one, format);
          const char *suffix = fita_report_format_suffixes[format];
          g_free (name);
          name = g_strdup_printf ("%.*s (%u)%s", (int) (strlen (first) - strlen (suffix)), first, n, suffix);
        }
      g_hash_table_add (names, g_strdup (name));
      path = g_build_filename (folder, name, NULL);
      sheets.index = i;
      if (!fita_report_write (plan, &one, path, cancellable, progress ? on_sheet_progress : NULL, &sheets, error))
        {
          g_free (path);
          return NULL;
        }
      g_ptr_array_add (paths, path);
    }
  return g_steal_pointer (&paths);
}
