/* tandem-chart-view.c — a chart on screen, drawn by the core renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin widget: the chart model and the drawing live in src/core, so the
 * screen shows exactly what the PNG, SVG and PDF exports and the slides show.
 * The widget only picks colours from the current style.
 */
#include "config.h"

#include <adwaita.h>

#include "tandem-chart-view.h"

struct _TandemChartView
{
  GtkWidget    parent_instance;

  TandemChart *chart;
};

G_DEFINE_FINAL_TYPE (TandemChartView, tandem_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_description (TandemChartView *self)
{
  g_autofree char *summary = NULL;

  if (self->chart != NULL)
    summary = tandem_chart_dup_summary (self->chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->chart ? tandem_chart_get_title (self->chart) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
}

static void
style_changed_cb (TandemChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fill_style (TandemChartView  *self,
            TandemChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA fg;

  if (adw_style_manager_get_dark (manager))
    tandem_chart_style_init_dark (style);
  else
    tandem_chart_style_init_light (style);

  /* The card behind the chart shows through; text follows the theme. */
  style->background.alpha = 0.0;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  style->foreground.red = fg.red;
  style->foreground.green = fg.green;
  style->foreground.blue = fg.blue;
  style->foreground.alpha = fg.alpha;
  style->muted = style->foreground;
  style->muted.alpha = fg.alpha * 0.7;
}

static void
tandem_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TandemChartView *self = TANDEM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TandemChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  fill_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tandem_chart_render (self->chart, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
tandem_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 260;
      *natural = 400;
    }
}

static void
tandem_chart_view_dispose (GObject *object)
{
  TandemChartView *self = (TandemChartView *)object;

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (tandem_chart_view_parent_class)->dispose (object);
}

static void
tandem_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TandemChartView *self = TANDEM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TandemChartView *self = TANDEM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      tandem_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_chart_view_class_init (TandemChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tandem_chart_view_dispose;
  object_class->get_property = tandem_chart_view_get_property;
  object_class->set_property = tandem_chart_view_set_property;

  widget_class->snapshot = tandem_chart_view_snapshot;
  widget_class->measure = tandem_chart_view_measure;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, TANDEM_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tandem_chart_view_init (TandemChartView *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible_description (self);
}

GtkWidget *
tandem_chart_view_new (void)
{
  return g_object_new (TANDEM_TYPE_CHART_VIEW, NULL);
}

TandemChart *
tandem_chart_view_get_chart (TandemChartView *self)
{
  g_return_val_if_fail (TANDEM_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
tandem_chart_view_set_chart (TandemChartView *self,
                             TandemChart     *chart)
{
  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || TANDEM_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}
