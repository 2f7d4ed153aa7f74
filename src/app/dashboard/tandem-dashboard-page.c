/* tandem-dashboard-page.c — the organisation at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tandem-chart-view.h"
#include "tandem-competency.h"
#include "tandem-program-charts.h"
#include "tandem-report.h"
#include "tandem-dashboard-page.h"
#include "tandem-utils.h"
#include "tandem-load.h"
#include "tandem-stats.h"
#include "tandem-survey-charts.h"
#include "tandem-types.h"

struct _TandemDashboardPage
{
  GtkWidget        parent_instance;

  TandemStore     *store;
  GCancellable    *loading;   /* the figures being read, off the main thread */
  GSettings       *settings;
  guint            threshold;
  TandemDimension  dimension;

  GtkWidget       *scroller;
  GtkWidget       *failed;    /* over the scroller when the figures could not be read */
  GtkLabel        *people_label;
  GtkLabel        *people_caption;
  GtkLabel        *completion_label;
  GtkLabel        *completion_caption;
  GtkLabel        *access_label;
  GtkLabel        *champions_label;
  GtkLabel        *champions_caption;
  GtkLabel        *pairs_label;
  GtkLabel        *pairs_caption;
  TandemChartView *chart_view;
  TandemChartView *completion_view;
  TandemChartView *competencies_view;
  TandemChartView *champions_view;
  GtkToggleButton *optimism_button;
  GtkToggleButton *resources_button;
  GtkToggleButton *transparency_button;
};

G_DEFINE_FINAL_TYPE (TandemDashboardPage, tandem_dashboard_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_figure (GtkLabel   *label,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
set_figure (GtkLabel   *label,
            const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_label_set_text (label, text);
}

/* What the page shows, read in a worker. */
typedef struct
{
  TandemDimension  dimension;
  guint            threshold;
  guint            gap_target;
  TandemCounts     counts;
  GError          *counts_error;
  guint            departments_short;   /* with fewer champions than one per 25 */
  TandemChart     *gap;
  GError          *gap_error;
  TandemChart     *programs[TANDEM_N_PROGRAM_CHARTS];   /* completion by role, champions */
  GError          *program_errors[TANDEM_N_PROGRAM_CHARTS];
  TandemChart     *competencies;   /* where each role stands against its targets */
  GError          *competencies_error;
} Figures;

static void
figures_free (Figures *figures)
{
  g_clear_error (&figures->counts_error);
  g_clear_object (&figures->gap);
  g_clear_error (&figures->gap_error);
  g_clear_object (&figures->competencies);
  g_clear_error (&figures->competencies_error);
  for (guint i = 0; i < TANDEM_N_PROGRAM_CHARTS; i++)
    {
      g_clear_object (&figures->programs[i]);
      g_clear_error (&figures->program_errors[i]);
    }
  g_free (figures);
}

static gpointer
load_figures (TandemStore  *store,
              gpointer      input,
              GError      **error)
{
  Figures *figures = g_memdup2 (input, sizeof (Figures));

  tandem_stats_get_counts (store, &figures->counts, &figures->counts_error);
  figures->departments_short = tandem_report_departments_short (store, NULL);
  figures->gap = tandem_chart_new_gap (store, figures->dimension, figures->threshold, &figures->gap_error);
  if (figures->gap != NULL)
    tandem_chart_set_target_percent (figures->gap, figures->gap_target);
  for (TandemProgramChart which = 0; which < TANDEM_N_PROGRAM_CHARTS; which++)
    figures->programs[which] = tandem_chart_new_program (store, which, figures->threshold,
                                                         &figures->program_errors[which]);
  figures->competencies = tandem_chart_new_competencies (store, figures->threshold, &figures->competencies_error);
  return figures;
}

static void
show_counts (TandemDashboardPage *self,
             const TandemCounts  *counts,
             guint                departments_short)
{
  g_autofree char *people = tandem_format_count (counts->active_people);
  g_autofree char *departments = tandem_format_count (counts->departments);
  g_autofree char *completions = tandem_format_count (counts->completions);
  g_autofree char *enrollments = tandem_format_count (counts->enrollments);
  g_autofree char *champions = tandem_format_count (counts->champions);
  g_autofree char *target = tandem_format_count (tandem_champion_target (counts->active_people));
  g_autofree char *pairs = tandem_format_count (counts->pairs);
  g_autofree char *sessions = tandem_format_count (counts->sessions);

  gtk_label_set_text (self->people_label, people);
  set_figure (self->people_caption,
              g_dngettext (GETTEXT_PACKAGE, "active person in %s department",
                           "active people in %s departments", counts->departments),
              departments);
  gtk_label_set_text (self->completion_label, completions);
  set_figure (self->completion_caption,
              g_dngettext (GETTEXT_PACKAGE, "completion of %s enrollment",
                           "completions of %s enrollments", counts->enrollments),
              enrollments);
  if (counts->active_people > 0)
    /* Translators: a percentage on a dashboard card */
    set_figure (self->access_label, _("%.0f%%"), 100.0 * counts->with_tool_access / counts->active_people);
  else
    gtk_label_set_text (self->access_label, "–");
  gtk_label_set_text (self->champions_label, champions);
  if (departments_short == 0)
    set_figure (self->champions_caption,
                /* Translators: the target is one AI champion per 25 people */
                _("AI champions, target %s"), target);
  else
    {
      g_autofree char *short_text = tandem_format_count (departments_short);

      set_figure (self->champions_caption,
                  /* Translators: the target is one AI champion per 25 people; then how many
                   * departments have fewer than that */
                  g_dngettext (GETTEXT_PACKAGE, "AI champions, target %s; %s department short",
                               "AI champions, target %s; %s departments short", departments_short),
                  target, short_text);
    }
  gtk_label_set_text (self->pairs_label, pairs);
  set_figure (self->pairs_caption,
              g_dngettext (GETTEXT_PACKAGE, "mentoring pair, %s session logged",
                           "mentoring pairs, %s sessions logged", counts->sessions),
              sessions);
}

static void
figures_loaded (gpointer      owner,
                gpointer      result,
                const GError *error)
{
  TandemDashboardPage *self = owner;
  TandemChartView *views[TANDEM_N_PROGRAM_CHARTS] = { self->completion_view, self->champions_view };
  Figures *figures = result;
  g_clear_object (&self->loading);
  /* Zeros would say the organisation is empty: say what happened instead. */
  if (figures == NULL || figures->counts_error != NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->failed),
                                       figures != NULL ? figures->counts_error->message : error->message);
      gtk_widget_set_visible (self->scroller, FALSE);
      gtk_widget_set_visible (self->failed, TRUE);
      return;
    }
  gtk_widget_set_visible (self->failed, FALSE);
  gtk_widget_set_visible (self->scroller, TRUE);
  show_counts (self, &figures->counts, figures->departments_short);

  if (figures != NULL && figures->gap_error != NULL)
    g_warning ("The gap chart could not be built: %s", figures->gap_error->message);
  tandem_chart_view_show_result (self->chart_view, figures ? figures->gap : NULL,
                                 figures ? figures->gap_error : error);
  for (guint i = 0; i < TANDEM_N_PROGRAM_CHARTS; i++)
    tandem_chart_view_show_result (views[i], figures ? figures->programs[i] : NULL,
                                   figures ? figures->program_errors[i] : error);
  tandem_chart_view_show_result (self->competencies_view, figures ? figures->competencies : NULL,
                                 figures ? figures->competencies_error : error);
}

static void
dimension_toggled_cb (TandemDashboardPage *self,
                      GtkToggleButton     *button)
{
  TandemDimension dimension;

  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->resources_button)
    dimension = TANDEM_DIMENSION_RESOURCES;
  else if (button == self->transparency_button)
    dimension = TANDEM_DIMENSION_TRANSPARENCY;
  else
    dimension = TANDEM_DIMENSION_OPTIMISM;

  if (dimension == self->dimension)
    return;
  self->dimension = dimension;
  tandem_dashboard_page_reload (self);
}

static void
tandem_dashboard_page_dispose (GObject *object)
{
  TandemDashboardPage *self = (TandemDashboardPage *)object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->failed, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tandem_dashboard_page_parent_class)->dispose (object);
}

static void
tandem_dashboard_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TandemDashboardPage *self = TANDEM_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_THRESHOLD:
      g_value_set_uint (value, self->threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_dashboard_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TandemDashboardPage *self = TANDEM_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tandem_dashboard_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_THRESHOLD:
      if (self->threshold != g_value_get_uint (value))
        {
          self->threshold = g_value_get_uint (value);
          tandem_dashboard_page_reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_dashboard_page_class_init (TandemDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_dashboard_page_dispose;
  object_class->get_property = tandem_dashboard_page_get_property;
  object_class->set_property = tandem_dashboard_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD] =
    g_param_spec_uint ("threshold", NULL, NULL,
                       TANDEM_MIN_ANONYMITY_THRESHOLD, G_MAXUINT, TANDEM_DEFAULT_ANONYMITY_THRESHOLD,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TANDEM_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/tandem-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, people_label);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, people_caption);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, completion_label);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, completion_caption);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, access_label);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, champions_label);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, champions_caption);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, pairs_label);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, pairs_caption);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, completion_view);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, competencies_view);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, champions_view);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, optimism_button);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, resources_button);
  gtk_widget_class_bind_template_child (widget_class, TandemDashboardPage, transparency_button);
  gtk_widget_class_bind_template_callback (widget_class, dimension_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tandem_dashboard_page_init (TandemDashboardPage *self)
{
  self->threshold = TANDEM_DEFAULT_ANONYMITY_THRESHOLD;
  self->dimension = TANDEM_DIMENSION_OPTIMISM;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->failed = tandem_failed_page_new (self, G_CALLBACK (tandem_dashboard_page_reload));
  gtk_widget_set_visible (self->failed, FALSE);
  gtk_widget_set_parent (self->failed, GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::gap-target",
                           G_CALLBACK (tandem_dashboard_page_reload), self, G_CONNECT_SWAPPED);
}

void
tandem_dashboard_page_set_store (TandemDashboardPage *self,
                                 TandemStore         *store)
{
  g_return_if_fail (TANDEM_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (store == NULL || TANDEM_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  tandem_dashboard_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Reads every figure again, after the data changed underneath: the
 * cards keep their figures and the charts show a spinner until the new
 * ones come. */
void
tandem_dashboard_page_reload (TandemDashboardPage *self)
{
  Figures *input;

  g_return_if_fail (TANDEM_IS_DASHBOARD_PAGE (self));

  if (self->store == NULL)
    {
      TandemCounts none = { 0, };

      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      show_counts (self, &none, 0);
      tandem_chart_view_set_chart (self->chart_view, NULL);
      return;
    }

  tandem_chart_view_set_loading (self->chart_view, TRUE);
  tandem_chart_view_set_loading (self->completion_view, TRUE);
  tandem_chart_view_set_loading (self->competencies_view, TRUE);
  tandem_chart_view_set_loading (self->champions_view, TRUE);

  input = g_new0 (Figures, 1);
  input->dimension = self->dimension;
  input->threshold = self->threshold;
  input->gap_target = g_settings_get_uint (self->settings, "gap-target");
  tandem_load (self, self->store, &self->loading, load_figures, input, g_free,
               (GDestroyNotify)figures_free, figures_loaded);
}

/* Returns: (transfer none) (nullable): the chart on show */
TandemChart *
tandem_dashboard_page_get_chart (TandemDashboardPage *self)
{
  g_return_val_if_fail (TANDEM_IS_DASHBOARD_PAGE (self), NULL);

  return tandem_chart_view_get_chart (self->chart_view);
}

/* Opens the figures of the gap chart as a table. */
void
tandem_dashboard_page_show_data (TandemDashboardPage *self)
{
  g_return_if_fail (TANDEM_IS_DASHBOARD_PAGE (self));

  tandem_chart_view_show_data (self->chart_view);
}
