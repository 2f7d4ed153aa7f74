/* tandem-slides.c — the leadership story: charts with one-line takeaways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same slides feed presentation mode and the PDF leadership pack: the
 * three gaps over time, the snapshot of the latest wave, where people are
 * favourable, completion by role and the coaching cadence, each where
 * there is data for it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tandem-coaching-charts.h"
#include "tandem-competency.h"
#include "tandem-gap-heatmap.h"
#include "tandem-program-charts.h"
#include "tandem-slides.h"
#include "tandem-stats.h"
#include "tandem-survey-charts.h"
#include "tandem-takeaway.h"

void
tandem_slide_free (TandemSlide *slide)
{
  if (slide == NULL)
    return;
  g_clear_pointer (&slide->charts, g_ptr_array_unref);
  g_free (slide->takeaway);
  g_free (slide);
}

static TandemSlide *
slide_new (TandemChart *chart,
           char        *takeaway)
{
  TandemSlide *slide = g_new0 (TandemSlide, 1);

  slide->charts = g_ptr_array_new_with_free_func (g_object_unref);
  if (chart != NULL)
    g_ptr_array_add (slide->charts, chart);
  slide->takeaway = takeaway;
  return slide;
}

/* The competency furthest from its targets, across every role that sets
 * one: a share and its n, no more. */
static char *
competencies_takeaway (GPtrArray *standing)
{
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  const char *furthest = NULL;
  double share = 101;
  g_autofree char *count = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < standing->len; i++)
    {
      TandemStanding *row = g_ptr_array_index (standing, i);

      g_hash_table_insert (people, row->competency,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (people, row->competency)) +
                                             row->people));
      g_hash_table_insert (reached, row->competency,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (reached, row->competency)) +
                                             row->at_target));
    }
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double s = 100.0 * GPOINTER_TO_UINT (g_hash_table_lookup (reached, key)) / MAX (GPOINTER_TO_UINT (value), 1);

      if (s < share || (s == share && g_strcmp0 (key, furthest) < 0))
        {
          share = s;
          furthest = key;
        }
    }
  count = tandem_format_count (GPOINTER_TO_UINT (g_hash_table_lookup (people, furthest)));
  /* Translators: a competency, a share, and how many people's roles target it */
  return g_strdup_printf (_("Furthest from its targets: %s, where %.0f%% of the %s people whose role targets it "
                            "are there."),
                          furthest, share, count);
}

/* One line from a coaching chart's own figures: what it shows, with n. */
static char *
coaching_takeaway (TandemChart         *chart,
                   TandemCoachingChart  which,
                   const TandemCounts  *counts)
{
  guint last = tandem_chart_get_n_categories (chart) - 1;
  double before = 0, after = 0;
  guint n = 0, rated = 0;

  switch (which)
    {
    case TANDEM_COACHING_SESSIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u executive is coached by a junior colleague; %u sessions so far.",
                                           "%u executives are coached by junior colleagues; %u sessions so far.",
                                           counts->pairs),
                              counts->pairs, counts->sessions);
    case TANDEM_COACHING_CADENCE:
      {
        double share = tandem_chart_get_figures (chart, 0, last, NULL, NULL, &n);

        if (n == 0 || !isfinite (share))
          return g_strdup (_("No pair was active at the end of the last month."));
        /* Translators: a month, a share of pairs and how many pairs were active */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "In %s, %.0f%% of the %u active pair kept to its cadence.",
                                             "In %s, %.0f%% of the %u active pairs kept to their cadence.", n),
                                tandem_chart_get_category (chart, last), share, n);
      }
    case TANDEM_COACHING_CONFIDENCE:
      for (guint c = 0; c <= last; c++)
        {
          double b = tandem_chart_get_figures (chart, 0, c, NULL, NULL, &n);
          double a = tandem_chart_get_figures (chart, 1, c, NULL, NULL, NULL);

          if (n > 0 && isfinite (a) && isfinite (b))
            {
              before += b * n;
              after += a * n;
              rated += n;
            }
        }
      if (rated == 0)
        return g_strdup (_("No session has both confidence ratings yet."));
      /* Translators: two averages on a 1–5 scale, then how many sessions */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Executives rate their confidence with AI %.1f before a session and %.1f "
                                           "after, on average over %u rated session.",
                                           "Executives rate their confidence with AI %.1f before a session and %.1f "
                                           "after, on average over %u rated sessions.", rated),
                              before / rated, after / rated, rated);
    case TANDEM_N_COACHING_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * tandem_slides_new:
 * @threshold: the anonymity threshold
 * @target: where the gap charts draw their target line, in percent; NAN for none
 * @min_effect: the smallest change in a gap, in points, that a takeaway calls one
 * @today: the day the coaching cadence is judged on
 *
 * The leadership story, slide by slide, each with its takeaway. Surveys,
 * programs and coaching appear where they have data.
 *
 * Returns: (transfer full) (element-type TandemSlide): the slides, maybe none
 */
GPtrArray *
tandem_slides_new (TandemStore  *store,
                   guint         threshold,
                   double        target,
                   double        min_effect,
                   const GDate  *today,
                   GError      **error)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify)tandem_slide_free);
  GPtrArray *series[TANDEM_N_DIMENSIONS] = { NULL, };
  TandemCounts counts;
  gboolean ok = FALSE;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!tandem_stats_get_counts (store, &counts, error))
    return NULL;

  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    if (!(series[d] = tandem_stats_gap_series (store, d, threshold, error)))
      goto out;

  if (counts.waves > 0)
    {
      TandemChart *chart;

      for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
        {
          if (!(chart = tandem_chart_new_gap (store, d, threshold, error)))
            goto out;
          tandem_chart_set_target_percent (chart, target);
          g_ptr_array_add (slides, slide_new (chart, tandem_gap_takeaway (series[d], d, min_effect)));
        }
      if (!(chart = tandem_chart_new_snapshot (store, NULL, threshold, error)))
        goto out;
      g_ptr_array_add (slides, slide_new (chart, tandem_snapshot_takeaway (series)));
      {
        g_autoptr(GPtrArray) rows = NULL;
        g_autofree char *wave = NULL;

        if (!(rows = tandem_stats_gap_heatmap (store, "department", NULL, threshold, 14, &wave, error)) ||
            !(chart = tandem_chart_new_gap_heatmap (store, "department", NULL, threshold, error)))
          goto out;
        g_ptr_array_add (slides, slide_new (chart, tandem_gap_heatmap_takeaway (rows, wave)));
      }
      if (!(chart = tandem_chart_new_impact (store, "department", NULL, NULL, threshold, error)))
        goto out;
      g_ptr_array_add (slides, slide_new (chart, g_strdup (_("Where more people completed a program, did ICs’ "
                                                              "answers on resources move? Association, not "
                                                              "cause."))));
    }

  if (counts.active_people > 0)
    {
      TandemChart *chart = tandem_chart_new_program (store, TANDEM_PROGRAM_CHART_COMPLETION, threshold, error);
      double completion = counts.enrollments > 0 ? 100.0 * counts.completions / counts.enrollments : 0;
      double tools = 100.0 * counts.with_tool_access / counts.active_people;

      if (chart == NULL)
        goto out;
      g_ptr_array_add (slides, slide_new (chart, g_strdup_printf (_("%.0f%% of enrollments are completed; "
                                                                    "%.0f%% of people can use approved AI tools."),
                                                                  completion, tools)));
    }

  /* Where roles stand against their AI-literacy targets, once any are set. */
  {
    g_autoptr(GPtrArray) standing = tandem_competency_standing (store, TRUE, threshold, 0, error);
    TandemChart *chart;

    if (standing == NULL)
      goto out;
    if (standing->len > 0)
      {
        if (!(chart = tandem_chart_new_competencies (store, threshold, error)))
          goto out;
        g_ptr_array_add (slides, slide_new (chart, competencies_takeaway (standing)));
      }
  }

  if (counts.pairs > 0)
    for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
      {
        TandemChart *chart = tandem_chart_new_coaching (store, i, today, error);

        if (chart == NULL)
          goto out;
        g_ptr_array_add (slides, slide_new (chart, coaching_takeaway (chart, i, &counts)));
      }
  ok = TRUE;

out:
  for (guint d = 0; d < TANDEM_N_DIMENSIONS; d++)
    g_clear_pointer (&series[d], g_ptr_array_unref);
  return ok ? g_steal_pointer (&slides) : NULL;
}

/**
 * tandem_slide_render:
 *
 * The slide's charts with its takeaway beneath in large type, readable
 * from the back of a room.
 */
void
tandem_slide_render (TandemSlide            *slide,
                     cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const TandemChartStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  double em = MAX (10.0, MIN (width / 48.0, height / 27.0));
  double band = slide->takeaway != NULL ? 3.2 * em : 0;
  PangoRectangle logical;

  g_return_if_fail (slide != NULL);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      cairo_set_source_rgba (cr, style->background.red, style->background.green, style->background.blue, 1.0);
      cairo_paint (cr);
    }
  if (slide->charts->len > 0)
    tandem_chart_render_panels ((TandemChart **)slide->charts->pdata, slide->charts->len, cr, width,
                                height - band, style);

  if (slide->takeaway != NULL)
    {
      layout = pango_cairo_create_layout (cr);
      font = tandem_chart_style_new_font (style, 1.15 * em, TRUE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int)((width - 2.4 * em) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (layout, slide->takeaway, -1);
      if (pango_layout_is_ellipsized (layout))
        {
          /* Too long for one line: smaller, on two. */
          pango_font_description_set_absolute_size (font, 0.85 * em * PANGO_SCALE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          pango_layout_set_height (layout, -2);
        }
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue, 1.0);
      cairo_move_to (cr, 1.2 * em, height - band / 2.0 - logical.height / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}
