/* fita-report-participation.c: the participatory processes. */
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


/* Reports: participation */

void
fita_report_make_participation (FitaDoc *doc)
{
  FitaPlanInfo *info = fita_plan_get_info (doc->plan);
  GPtrArray *processes = fita_plan_list (doc->plan, FITA_TABLE_PROCESS, 0);

  fita_doc_paragraph (doc, info->title, doc->bold, FITA_DOC_DIM, 0);
  fita_doc_heading (doc, 1, T_ (doc->tr, "Participation"));
  if (fita_plan_count (doc->plan, FITA_TABLE_ITEM) > 0)
    {
      fita_doc_heading (doc, 2, T_ (doc->tr, "Figures"));
      fita_report_headline_figures (doc, NULL);
    }
  if (processes->len == 0)
    fita_doc_paragraph (doc, T_ (doc->tr, "The plan has no participatory processes."), doc->body, FITA_DOC_DIM, 0);

  for (guint i = 0; i < processes->len; i++)
    {
      FitaProcess *process = g_ptr_array_index (processes, i);
      FitaStatus *state = process->state_id ? fita_plan_lookup (doc->plan, FITA_TABLE_STATUS, process->state_id) : NULL;
      GPtrArray *phases = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_PHASE, process->rec.id);
      GPtrArray *dimensions = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_DIMENSION, process->rec.id);
      GPtrArray *counts = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_COUNT, process->rec.id);
      GPtrArray *actors = fita_plan_list (doc->plan, FITA_TABLE_PROCESS_ACTOR, process->rec.id);
      g_autofree char *start = fita_report_date_in_words (doc, process->start_date);
      g_autofree char *end = fita_report_date_in_words (doc, process->end_date);
      g_autofree char *state_text = state ? (state->description ? g_strdup_printf ("%s — %s", state->name, state->description)
                                                                : g_strdup (state->name)) : NULL;

      fita_doc_heading (doc, 2, process->name);
      fita_doc_paragraph (doc, process->description, doc->body, FITA_DOC_INK, 0);
      {
        const char *labels[] = { T_ (doc->tr, "Problem it addresses"), T_ (doc->tr, "Objectives"),
                                 T_ (doc->tr, "Start"), T_ (doc->tr, "End"), T_ (doc->tr, "State"), T_ (doc->tr, "Budget") };
        const char *values[] = { process->problem, process->objectives, start, end, state_text, process->budget_note };
        fita_doc_fields (doc, labels, values, G_N_ELEMENTS (labels));
      }
      if (dimensions->len > 0)
        {
          FitaDocColumn columns[] = { { NULL, 2.0, FITA_DOC_ALIGN_LEFT }, { NULL, 1.2, FITA_DOC_ALIGN_RIGHT }, { NULL, 1.4, FITA_DOC_ALIGN_RIGHT },
                                      { NULL, 1.5, FITA_DOC_ALIGN_RIGHT }, { NULL, 1.3, FITA_DOC_ALIGN_RIGHT } };
          g_autoptr(FitaDocTable) table = NULL;
          FitaParticipation total;
          columns[0].title = T_ (doc->tr, "Dimension");
          columns[1].title = T_ (doc->tr, "Sessions");
          columns[2].title = T_ (doc->tr, "Participants");
          columns[3].title = T_ (doc->tr, "Contributions");
          columns[4].title = T_ (doc->tr, "Proposals");
          table = fita_doc_table_new (columns, 5, TRUE);
          for (guint d = 0; d < dimensions->len; d++)
            {
              FitaProcessDimension *dim = g_ptr_array_index (dimensions, d);
              fita_doc_table_add (table, 0, g_strdup (dim->name), fita_number_format (dim->sessions, doc->lang),
                         fita_number_format (dim->participants, doc->lang), fita_number_format (dim->contributions, doc->lang),
                         fita_number_format (dim->proposals, doc->lang));
            }
          fita_plan_participation (doc->plan, process, &total);
          fita_doc_table_add (table, FITA_DOC_ROW_TOTAL, g_strdup (T_ (doc->tr, "Total")), fita_number_format (total.sessions, doc->lang),
                     fita_number_format (total.participants, doc->lang), fita_number_format (total.contributions, doc->lang),
                     fita_number_format (total.proposals, doc->lang));
          fita_doc_heading (doc, 3, T_ (doc->tr, "Participation by dimension"));
          fita_doc_table (doc, table);
        }
      if (counts->len > 0)
        {
          /* what each figure counts heads its row and its column */
          FitaDocColumn columns[] = { { NULL, 3, FITA_DOC_ALIGN_LEFT }, { NULL, 1, FITA_DOC_ALIGN_RIGHT }, { NULL, 2.4, FITA_DOC_ALIGN_LEFT } };
          g_autoptr(FitaDocTable) table = NULL;
          columns[0].title = T_ (doc->tr, "What was counted");
          columns[1].title = T_ (doc->tr, "Count");
          columns[2].title = T_ (doc->tr, "Unit");
          table = fita_doc_table_new (columns, 3, TRUE);
          fita_doc_heading (doc, 3, T_ (doc->tr, "Prioritisation counts"));
          for (guint c = 0; c < counts->len; c++)
            {
              FitaProcessCount *count = g_ptr_array_index (counts, c);
              fita_doc_table_add (table, 0, g_strdup (count->label), fita_number_format (count->count, doc->lang), g_strdup (count->unit));
            }
          fita_doc_table (doc, table);
        }
      if (phases->len > 0)
        {
          fita_doc_heading (doc, 3, T_ (doc->tr, "Phases"));
          for (guint p = 0; p < phases->len; p++)
            {
              FitaProcessPhase *phase = g_ptr_array_index (phases, p);
              g_autofree char *line = g_strdup_printf ("%u. %s", p + 1, phase->name);
              g_autofree char *dates = fita_report_dates_text (doc, phase->start_date, phase->end_date);
              fita_doc_paragraph (doc, line, doc->bold, FITA_DOC_INK, 0);
              fita_doc_paragraph (doc, dates, doc->body, FITA_DOC_DIM, 14);
              fita_doc_paragraph (doc, phase->description, doc->body, FITA_DOC_INK, 14);
            }
        }
      if (actors->len > 0)
        {
          fita_doc_heading (doc, 3, T_ (doc->tr, "Key actors"));
          for (guint a = 0; a < actors->len; a++)
            {
              FitaProcessActor *actor = g_ptr_array_index (actors, a);
              FitaAgent *agent = fita_plan_lookup (doc->plan, FITA_TABLE_AGENT, actor->agent_id);
              g_autofree char *line = agent ? g_strdup_printf ("• %s", agent->name) : NULL;
              if (line)
                fita_doc_paragraph (doc, line, doc->body, FITA_DOC_INK, 12);
            }
        }
    }
}
