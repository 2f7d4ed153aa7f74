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
#include <glib/gi18n.h>
#include <math.h>

#include "tandem-chart-view.h"
#include "tandem-utils.h"

struct _TandemChartView
{
  GtkWidget    parent_instance;

  TandemChart *chart;
  GtkWidget   *spinner;          /* shown in the chart's place while its figures load */
  int          focus_series;     /* the point the keyboard is on; -1: none */
  int          focus_category;
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

  if (gtk_widget_get_visible (self->spinner))
    {
      gtk_widget_snapshot_child (widget, self->spinner, snapshot);
      return;
    }
  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  fill_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tandem_chart_render (self->chart, cr, width, height, &style);

  /* The point the keyboard is on gets a ring, as a focused button would. */
  if (self->focus_series >= 0 && gtk_widget_has_focus (widget))
    {
      double x, y;
      guint s = (guint)self->focus_series, c = (guint)self->focus_category;
      if (tandem_chart_locate_point (self->chart, width, height, s, c, &x, &y))
        {
          cairo_set_source_rgba (cr, style.foreground.red, style.foreground.green, style.foreground.blue, 0.9);
          cairo_set_line_width (cr, 2.0);
          cairo_arc (cr, x, y, 12.0, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);
}

static void
update_focus_description (TandemChartView *self)
{
  g_autofree char *text = NULL;

  if (self->chart == NULL || self->focus_series < 0)
    return;
  text = tandem_chart_describe_point (self->chart, (guint)self->focus_series, (guint)self->focus_category);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Arrow keys walk the points: left and right through the categories, up
 * and down through the series. */
static gboolean
key_pressed_cb (TandemChartView       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n_series, n_categories;
  int s = self->focus_series, c = self->focus_category;

  if (self->chart == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      tandem_chart_view_show_data (self);
      return TRUE;
    }
  n_series = tandem_chart_get_n_series (self->chart);
  n_categories = tandem_chart_get_n_categories (self->chart);
  if (n_series == 0 || n_categories == 0)
    return FALSE;

  if (s < 0)
    {
      s = 0;
      c = (int)n_categories - 1;   /* start at the latest */
    }
  else
    switch (keyval)
      {
      case GDK_KEY_Left:
        c = MAX (c - 1, 0);
        break;
      case GDK_KEY_Right:
        c = MIN (c + 1, (int)n_categories - 1);
        break;
      case GDK_KEY_Up:
        s = MAX (s - 1, 0);
        break;
      case GDK_KEY_Down:
        s = MIN (s + 1, (int)n_series - 1);
        break;
      case GDK_KEY_Home:
        c = 0;
        break;
      case GDK_KEY_End:
        c = (int)n_categories - 1;
        break;
      default:
        return FALSE;
      }

  if (keyval != GDK_KEY_Left && keyval != GDK_KEY_Right && keyval != GDK_KEY_Up && keyval != GDK_KEY_Down &&
      keyval != GDK_KEY_Home && keyval != GDK_KEY_End)
    return FALSE;

  self->focus_series = s;
  self->focus_category = c;
  update_focus_description (self);
  return TRUE;
}

static gboolean
query_tooltip_cb (TandemChartView *self,
                  int              x,
                  int              y,
                  gboolean         keyboard_mode,
                  GtkTooltip      *tooltip)
{
  g_autofree char *text = NULL;
  guint s, c;

  if (self->chart == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      if (self->focus_series < 0)
        return FALSE;
      s = (guint)self->focus_series;
      c = (guint)self->focus_category;
    }
  else if (!tandem_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                                   gtk_widget_get_height (GTK_WIDGET (self)), x, y, &s, &c))
    return FALSE;

  text = tandem_chart_describe_point (self->chart, s, c);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
tandem_chart_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TandemChartView *self = TANDEM_CHART_VIEW (widget);
  int size = 32;

  if (gtk_widget_get_visible (self->spinner))
    gtk_widget_size_allocate (self->spinner,
                              &(GtkAllocation) { (width - size) / 2, (height - size) / 2, size, size }, -1);
}

static void
tandem_chart_view_dispose (GObject *object)
{
  TandemChartView *self = (TandemChartView *)object;

  g_clear_object (&self->chart);
  g_clear_pointer (&self->spinner, gtk_widget_unparent);

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
  widget_class->size_allocate = tandem_chart_view_size_allocate;

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
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->focus_series = -1;
  self->focus_category = -1;
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_parent (self->spinner, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible_description (self);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    heading,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/**
 * tandem_chart_view_show_data:
 *
 * Opens the chart's figures as a table — each value with its 95%
 * interval and n — for reading exact numbers and for screen readers.
 */
void
tandem_chart_view_show_data (TandemChartView *self)
{
  GtkWidget *window, *toolbar, *header, *scroller, *grid;
  g_autofree char *title = NULL;
  guint n_series, n_categories;
  gboolean has_band;
  double gap;

  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;

  n_series = tandem_chart_get_n_series (self->chart);
  n_categories = tandem_chart_get_n_categories (self->chart);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 18);

  for (guint s = 0; s < n_series; s++)
    {
      gtk_grid_attach (GTK_GRID (grid), cell_label (tandem_chart_get_series_name (self->chart, s), TRUE, 0),
                       1 + (int)s * 3, 0, 3, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (_("Value"), TRUE, 1), 1 + (int)s * 3, 1, 1, 1);
      /* xgettext:no-c-format */
      gtk_grid_attach (GTK_GRID (grid), cell_label (_("95% interval"), TRUE, 1), 2 + (int)s * 3, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (_("n"), TRUE, 1), 3 + (int)s * 3, 1, 1, 1);
    }

  /* A gap chart's band: the gap and its interval, after the series. */
  has_band = n_categories > 0 && tandem_chart_get_band_figures (self->chart, 0, &gap, NULL, NULL);
  for (guint c = 1; c < n_categories && !has_band; c++)
    has_band = tandem_chart_get_band_figures (self->chart, c, &gap, NULL, NULL);
  if (has_band)
    {
      gtk_grid_attach (GTK_GRID (grid), cell_label (_("Gap"), TRUE, 0), 1 + (int)n_series * 3, 0, 2, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (_("Points"), TRUE, 1), 1 + (int)n_series * 3, 1, 1, 1);
      /* xgettext:no-c-format */
      gtk_grid_attach (GTK_GRID (grid), cell_label (_("95% interval"), TRUE, 1), 2 + (int)n_series * 3, 1, 1, 1);
    }

  for (guint c = 0; c < n_categories; c++)
    {
      double gap_low, gap_high;

      gtk_grid_attach (GTK_GRID (grid), cell_label (tandem_chart_get_category (self->chart, c), TRUE, 0),
                       0, 2 + (int)c, 1, 1);
      if (has_band && tandem_chart_get_band_figures (self->chart, c, &gap, &gap_low, &gap_high))
        {
          g_autofree char *gap_text = g_strdup_printf ("%+.0f", gap);
          /* Translators: a gap's 95% interval, in points */
          g_autofree char *interval = isfinite (gap_low) && isfinite (gap_high)
                                      ? g_strdup_printf (_("%.0f to %.0f"), gap_low, gap_high) : g_strdup ("");

          gtk_grid_attach (GTK_GRID (grid), cell_label (gap_text, FALSE, 1), 1 + (int)n_series * 3, 2 + (int)c, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell_label (interval, FALSE, 1), 2 + (int)n_series * 3, 2 + (int)c, 1, 1);
        }
      for (guint s = 0; s < n_series; s++)
        {
          double low, high;
          guint n;
          double value = tandem_chart_get_figures (self->chart, s, c, &low, &high, &n);
          g_autofree char *value_text = NULL;
          g_autofree char *interval = NULL;
          g_autofree char *n_text = g_strdup_printf ("%u", n);

          if (isfinite (value))
            value_text = tandem_chart_format_value (self->chart, value);
          else
            value_text = g_strdup (n > 0 ? _("hidden") : "—");
          if (isfinite (value) && isfinite (low) && isfinite (high))
            {
              g_autofree char *l = tandem_chart_format_value (self->chart, low);
              g_autofree char *h = tandem_chart_format_value (self->chart, high);

              interval = g_strdup_printf ("%s–%s", l, h);
            }
          gtk_grid_attach (GTK_GRID (grid), cell_label (value_text, FALSE, 1), 1 + (int)s * 3, 2 + (int)c, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell_label (interval ? interval : "", FALSE, 1),
                           2 + (int)s * 3, 2 + (int)c, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), cell_label (n_text, FALSE, 1), 3 + (int)s * 3, 2 + (int)c, 1, 1);
        }
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);

  header = adw_header_bar_new ();
  title = g_strdup_printf (_("Data: %s"), tandem_chart_get_title (self->chart));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scroller);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), tandem_widget_get_window (GTK_WIDGET (self)));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * tandem_chart_view_show_result:
 * @chart: (nullable): the chart, or %NULL when it could not be built
 * @error: (nullable): why it could not be built
 *
 * Shows @chart, or in its place a chart that says why there is none, so
 * a page never shows a blank card without a reason.
 */
void
tandem_chart_view_show_result (TandemChartView *self,
                               TandemChart     *chart,
                               const GError    *error)
{
  g_autoptr(TandemChart) failed = NULL;

  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));

  tandem_chart_view_set_loading (self, FALSE);
  if (chart == NULL && error != NULL)
    {
      failed = tandem_chart_new (_("The chart could not be drawn"));
      tandem_chart_set_empty_text (failed, error->message);
    }
  tandem_chart_view_set_chart (self, chart != NULL ? chart : failed);
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

  self->focus_series = -1;
  self->focus_category = -1;
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * tandem_chart_view_set_loading:
 * @loading: whether the chart's figures are still being read
 *
 * Puts a spinner in the chart's place until tandem_chart_view_show_result()
 * (or this, with %FALSE) brings the chart.
 */
void
tandem_chart_view_set_loading (TandemChartView *self,
                               gboolean         loading)
{
  g_return_if_fail (TANDEM_IS_CHART_VIEW (self));

  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
