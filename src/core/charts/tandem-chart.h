/* tandem-chart.h — a chart model and the one renderer every surface uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "tandem-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} TandemColor;

#define TANDEM_CHART_MAX_SERIES 4
#define TANDEM_CHART_MAX_COLUMNS 12   /* a heatmap's */

typedef struct
{
  TandemColor  background;   /* alpha 0 leaves the target as it is */
  TandemColor  foreground;
  TandemColor  muted;
  TandemColor  grid;
  TandemColor  band;
  TandemColor  series[TANDEM_CHART_MAX_SERIES];
  const char  *font_family;
} TandemChartStyle;

typedef struct
{
  double x, y, width, height;
} TandemRect;

typedef enum
{
  TANDEM_CHART_LINES,
  TANDEM_CHART_BARS,
  TANDEM_CHART_HBARS,   /* one row per category, bars growing to the right */
  TANDEM_CHART_HEATMAP, /* one row per category, a coloured cell per series */
  TANDEM_CHART_SCATTER, /* one point per category at (its x, its value), with its interval */
} TandemChartKind;

typedef enum
{
  TANDEM_CHART_PERCENT,
  TANDEM_CHART_NUMBER,
  TANDEM_CHART_POINTS,   /* a signed difference in percentage points: a heatmap of gaps */
} TandemChartUnit;

/**
 * TandemChartTextFunc:
 * @layout: the text, laid out, as it would be shown at the origin
 * @matrix: from @layout's units to the surface's
 * @color: the text's colour
 * @user_data: as given to tandem_chart_set_text_func()
 *
 * Takes the charts' text in place of drawing it as glyphs; the SVG export
 * writes it as SVG text, which stays searchable and editable.
 */
typedef void (*TandemChartTextFunc) (PangoLayout          *layout,
                                     const cairo_matrix_t *matrix,
                                     const TandemColor    *color,
                                     gpointer              user_data);

void          tandem_chart_set_text_func     (cairo_t             *cr,
                                              TandemChartTextFunc  func,
                                              gpointer             user_data);

void          tandem_chart_load_fonts        (cairo_t             *cr);

#define TANDEM_TYPE_CHART (tandem_chart_get_type ())

G_DECLARE_FINAL_TYPE (TandemChart, tandem_chart, TANDEM, CHART, GObject)

void          tandem_chart_style_init_light  (TandemChartStyle  *style);
void          tandem_chart_style_init_dark   (TandemChartStyle  *style);
PangoFontDescription *
              tandem_chart_style_new_font    (const TandemChartStyle *style,
                                              double                  size,
                                              gboolean                bold);

TandemChart  *tandem_chart_new               (const char        *title);
const char   *tandem_chart_get_title         (TandemChart       *self);
void          tandem_chart_set_subtitle      (TandemChart       *self,
                                              const char        *subtitle);
const char   *tandem_chart_get_subtitle      (TandemChart       *self);
void          tandem_chart_set_note          (TandemChart       *self,
                                              const char        *note);
void          tandem_chart_set_empty_text    (TandemChart       *self,
                                              const char        *text);
guint         tandem_chart_add_category      (TandemChart       *self,
                                              const char        *label);
guint         tandem_chart_get_n_categories  (TandemChart       *self);
guint         tandem_chart_add_series        (TandemChart       *self,
                                              const char        *name);
guint         tandem_chart_get_n_series      (TandemChart       *self);
void          tandem_chart_set_value         (TandemChart       *self,
                                              guint              series,
                                              guint              category,
                                              double             value,
                                              double             ci_low,
                                              double             ci_high,
                                              guint              n);
void          tandem_chart_set_value_n2      (TandemChart       *self,
                                              guint              series,
                                              guint              category,
                                              guint              n2);
double        tandem_chart_get_value         (TandemChart       *self,
                                              guint              series,
                                              guint              category);
void          tandem_chart_set_cells_show_n  (TandemChart       *self,
                                              gboolean           show);
void          tandem_chart_set_scale_labels  (TandemChart       *self,
                                              const char        *low,
                                              const char        *high);
void          tandem_chart_set_kind          (TandemChart       *self,
                                              TandemChartKind    kind);
void          tandem_chart_set_y_axis        (TandemChart       *self,
                                              double             min,
                                              double             max,
                                              double             step,
                                              TandemChartUnit    unit);
void          tandem_chart_set_band          (TandemChart       *self,
                                              guint              upper,
                                              guint              lower,
                                              const char        *label);
void          tandem_chart_set_x             (TandemChart       *self,
                                              guint              category,
                                              double             x);
void          tandem_chart_set_x_label       (TandemChart       *self,
                                              const char        *label);
void          tandem_chart_set_band_interval (TandemChart       *self,
                                              guint              category,
                                              double             low,
                                              double             high);
gboolean      tandem_chart_get_band_figures  (TandemChart       *self,
                                              guint              category,
                                              double            *out_gap,
                                              double            *out_low,
                                              double            *out_high);
void          tandem_chart_set_target        (TandemChart       *self,
                                              double             value,
                                              const char        *label);
void          tandem_chart_set_target_percent (TandemChart      *self,
                                               double            target);
gboolean      tandem_chart_is_empty          (TandemChart       *self);
char         *tandem_chart_dup_summary       (TandemChart       *self);

void          tandem_chart_get_plot_area     (TandemChart       *self,
                                              double             width,
                                              double             height,
                                              TandemRect        *out_area);
gboolean      tandem_chart_get_point         (TandemChart       *self,
                                              double             width,
                                              double             height,
                                              guint              series,
                                              guint              category,
                                              double            *out_x,
                                              double            *out_y);
gboolean      tandem_chart_locate_point      (TandemChart       *self,
                                              double             width,
                                              double             height,
                                              guint              series,
                                              guint              category,
                                              double            *out_x,
                                              double            *out_y);
double        tandem_chart_get_figures       (TandemChart       *self,
                                              guint              series,
                                              guint              category,
                                              double            *out_low,
                                              double            *out_high,
                                              guint             *out_n);
char         *tandem_chart_format_value      (TandemChart       *self,
                                              double             value);
char         *tandem_chart_describe_point    (TandemChart       *self,
                                              guint              series,
                                              guint              category);
gboolean      tandem_chart_hit_test          (TandemChart       *self,
                                              double             width,
                                              double             height,
                                              double             x,
                                              double             y,
                                              guint             *out_series,
                                              guint             *out_category);
const char   *tandem_chart_get_series_name   (TandemChart       *self,
                                              guint              series);
const char   *tandem_chart_get_category      (TandemChart       *self,
                                              guint              category);
void          tandem_chart_render            (TandemChart       *self,
                                              cairo_t           *cr,
                                              double             width,
                                              double             height,
                                              const TandemChartStyle *style);

void          tandem_chart_render_panels     (TandemChart      **charts,
                                              guint              n_charts,
                                              cairo_t           *cr,
                                              double             width,
                                              double             height,
                                              const TandemChartStyle *style);

G_END_DECLS
