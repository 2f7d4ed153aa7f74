/* tandem-chart-private.h — what the chart's model, layout and drawing share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart is one object over several files: the model (tandem-chart.c),
 * style and fonts (-style), layout and hit-testing (-layout), the frame
 * every chart shares (-render) and one file per kind of plot (-lines,
 * -bars, -heatmap). Only they include this header.
 */
#pragma once

#include <pango/pangocairo.h>

#include "tandem-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double value;
  double low;
  double high;
  guint  n;
  guint  n2;   /* a gap's first group (executives), where n is the second's; 0: one group */
} Value;

typedef struct
{
  char   *name;
  GArray *values;   /* of Value, one per category */
} Series;

struct _TandemChart
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  char      *note;
  char      *empty_text;
  GPtrArray *categories;
  GPtrArray *series;
  int        band_upper;
  int        band_lower;
  char      *band_label;
  GArray    *band_intervals;   /* of double[2], one per category: the gap's 95% interval */
  GArray    *x_values;         /* of double, one per category: a scatter point's x, 0–100 */
  char      *x_label;          /* a scatter chart's horizontal axis */
  TandemChartKind kind;
  TandemChartUnit unit;
  double     y_min;
  double     y_max;
  double     y_step;
  double     target;         /* NAN: no target line */
  char      *target_label;
  gboolean   cells_show_n;     /* a heatmap writes each cell's n, not only gaps' */
  char      *low_label;        /* a heatmap legend's ends; NULL: the defaults */
  char      *high_label;
};

typedef struct
{
  double     em;
  double     pad;
  double     title_y;
  double     subtitle_y;
  double     legend_y;
  double     note_y;
  int        note_lines;     /* 1, or 2 for a note too long for one line at the smallest size */
  TandemRect plot;
  double     inset;
  double     y_min;
  double     y_max;
  double     label_width;   /* horizontal bars: the category labels' column */
} Layout;

#define DEFAULT_FONT "Cantarell, Inter, Noto Sans, DejaVu Sans, Sans"
#define TEXT_BASE_SIZE 48.0   /* pixels: text is laid out at this size, then scaled */

/* The one type scale every chart is set in, in ems of its layout. No text
 * is set under TEXT_MIN_PX, nor under 0.6 em: a footnote stays legible on
 * a 1080p screen, and a slide's smallest text is 20 px at 1080p. */
#define TYPE_TITLE  1.5    /* the title */
#define TYPE_BODY   0.95   /* subtitle, legend, categories, axis titles, cells */
#define TYPE_LABEL  0.85   /* ticks, values, n, gaps, intervals */
#define TYPE_NOTE   0.8    /* the footnote */
#define TEXT_MIN_PX 12.0

double                _tandem_chart_type (const Layout *l,
                                          double        step);
double                _tandem_chart_type_within (const Layout *l,
                                                 double        step,
                                                 double        room);
char                 *_tandem_chart_format_value (TandemChart *self,
                                                  double       value);
void                  _tandem_chart_compute_layout (TandemChart *self,
                                                    double       width,
                                                    double       height,
                                                    Layout      *l);
double                _tandem_chart_x_for_category (TandemChart  *self,
                                                    const Layout *l,
                                                    guint         category);
double                _tandem_chart_y_for_value (const Layout *l,
                                                 double        value);
double                _tandem_chart_x_for_value (const Layout *l,
                                                 double        value);
double                _tandem_chart_y_for_category (TandemChart  *self,
                                                    const Layout *l,
                                                    guint         category);
double                _tandem_chart_hbar_thickness (TandemChart  *self,
                                                    const Layout *l);
double                _tandem_chart_hbar_offset (TandemChart  *self,
                                                 const Layout *l,
                                                 guint         series);
double                _tandem_chart_heatmap_row_height (TandemChart  *self,
                                                        const Layout *l);
gboolean              _tandem_chart_point_position (TandemChart  *self,
                                                    const Layout *l,
                                                    guint         series,
                                                    guint         category,
                                                    double       *out_x,
                                                    double       *out_y);
void                  _tandem_chart_set_source (cairo_t           *cr,
                                                const TandemColor *color,
                                                double             alpha_scale);
double                _tandem_chart_draw_text (cairo_t                *cr,
                                               PangoLayout            *layout,
                                               const TandemChartStyle *style,
                                               const char             *text,
                                               double                  size,
                                               gboolean                bold,
                                               const TandemColor      *color,
                                               double                  x,
                                               double                  y,
                                               double                  anchor_x,
                                               double                  anchor_y,
                                               double                  max_width);
double                _tandem_chart_draw_lines (cairo_t                *cr,
                                                PangoLayout            *layout,
                                                const TandemChartStyle *style,
                                                const char             *text,
                                                double                  size,
                                                gboolean                bold,
                                                const TandemColor      *color,
                                                double                  x,
                                                double                  y,
                                                double                  anchor_x,
                                                double                  anchor_y,
                                                double                  max_width,
                                                int                     lines);
double                _tandem_chart_text_width_at (PangoLayout            *layout,
                                                   const TandemChartStyle *style,
                                                   const char             *text,
                                                   double                  size);
void                  _tandem_chart_draw_band (TandemChart  *self,
                                               cairo_t      *cr,
                                               const Layout *l,
                                               const TandemChartStyle *style);
void                  _tandem_chart_draw_series (TandemChart            *self,
                                                 cairo_t                *cr,
                                                 const Layout           *l,
                                                 const TandemChartStyle *style);
void                  _tandem_chart_draw_latest_gap (TandemChart            *self,
                                                     cairo_t                *cr,
                                                     PangoLayout            *layout,
                                                     const Layout           *l,
                                                     const TandemChartStyle *style);
void                  _tandem_chart_draw_target (TandemChart            *self,
                                                 cairo_t                *cr,
                                                 PangoLayout            *layout,
                                                 const Layout           *l,
                                                 const TandemChartStyle *style);
void                  _tandem_chart_draw_bars (TandemChart            *self,
                                               cairo_t                *cr,
                                               PangoLayout            *layout,
                                               const Layout           *l,
                                               const TandemChartStyle *style);
void                  _tandem_chart_draw_hbars (TandemChart            *self,
                                                cairo_t                *cr,
                                                PangoLayout            *layout,
                                                const Layout           *l,
                                                const TandemChartStyle *style);
void                  _tandem_chart_draw_heatmap (TandemChart            *self,
                                                  cairo_t                *cr,
                                                  PangoLayout            *layout,
                                                  const Layout           *l,
                                                  const TandemChartStyle *style);
double                _tandem_chart_gap_points (double a,
                                                double b);
void                  _tandem_chart_draw_axes (TandemChart            *self,
                                               cairo_t                *cr,
                                               PangoLayout            *layout,
                                               const Layout           *l,
                                               const TandemChartStyle *style);
void                  _tandem_chart_draw_legend (TandemChart            *self,
                                                 cairo_t                *cr,
                                                 PangoLayout            *layout,
                                                 const Layout           *l,
                                                 const TandemChartStyle *style,
                                                 double                  width);

void                  _tandem_chart_draw_scatter (TandemChart            *self,
                                                  cairo_t                *cr,
                                                  PangoLayout            *layout,
                                                  const Layout           *l,
                                                  const TandemChartStyle *style);

G_END_DECLS
