/* fita-agent-row.c: a row that names an agent, with the buttons of the
 * record it stands for. */
#include "config.h"
#include "fita-agent-row.h"

#include <glib/gi18n.h>

#include "fita-plan-editor-lists.h"

struct _FitaAgentRow
{
  AdwActionRow parent_instance;

  gboolean browsable;

  AdwBin *buttons_bin;
};

G_DEFINE_FINAL_TYPE (FitaAgentRow, fita_agent_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_BROWSABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
fita_agent_kind_name (FitaAgentKind kind)
{
  /* In the order of FitaAgentKind. */
  static const char * const names[] = {
    /* Translators: kinds of agent */
    N_("Organisation"), N_("Body"), N_("Service"), N_("Person"), N_("Group"),
  };

  return kind >= 0 && kind < (int) G_N_ELEMENTS (names) ? _(names[kind]) : "";
}

static void
set_browsable (FitaAgentRow *self,
               gboolean      browsable)
{
  if (self->browsable == browsable)
    return;
  self->browsable = browsable;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), browsable);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), browsable ? _("Show this working group") : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BROWSABLE]);
}

gboolean
fita_agent_row_get_browsable (FitaAgentRow *self)
{
  g_return_val_if_fail (FITA_IS_AGENT_ROW (self), FALSE);

  return self->browsable;
}

void
fita_agent_row_update (FitaAgentRow *self,
                       FitaAgent    *agent,
                       const char   *subtitle,
                       guint         index,
                       guint         n_rows,
                       gboolean      read_only)
{
  const char *name = agent ? agent->name : _("Unknown agent");

  g_return_if_fail (FITA_IS_AGENT_ROW (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  fita_row_buttons_update (adw_bin_get_child (self->buttons_bin), index, n_rows, name, read_only);
}

static void
fita_agent_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FITA_TYPE_AGENT_ROW);
  G_OBJECT_CLASS (fita_agent_row_parent_class)->dispose (object);
}

static void
fita_agent_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FitaAgentRow *self = FITA_AGENT_ROW (object);

  switch (prop_id)
    {
    case PROP_BROWSABLE:
      g_value_set_boolean (value, self->browsable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_agent_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FitaAgentRow *self = FITA_AGENT_ROW (object);

  switch (prop_id)
    {
    case PROP_BROWSABLE:
      set_browsable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fita_agent_row_class_init (FitaAgentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fita_agent_row_dispose;
  object_class->get_property = fita_agent_row_get_property;
  object_class->set_property = fita_agent_row_set_property;

  properties[PROP_BROWSABLE] =
    g_param_spec_boolean ("browsable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cat/fita/Fita/fita-agent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FitaAgentRow, buttons_bin);
}

static void
fita_agent_row_init (FitaAgentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fita_agent_row_new (FitaTableId table,
                    gint64      id,
                    gboolean    browsable)
{
  FitaAgentRow *self = g_object_new (FITA_TYPE_AGENT_ROW,
                                     "browsable", browsable,
                                     NULL);

  adw_bin_set_child (self->buttons_bin, fita_row_buttons_new (table, id));
  fita_row_set_id (GTK_WIDGET (self), id);
  return GTK_WIDGET (self);
}
