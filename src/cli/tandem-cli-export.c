/* tandem-cli-export.c — tandem-cli export: charts, the pack, journals and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-cli-private.h"
#include "tandem-coaching-charts.h"
#include "tandem-competency.h"
#include "tandem-export.h"
#include "tandem-program-charts.h"
#include "tandem-report.h"
#include "tandem-stats.h"
#include "tandem-survey-charts.h"
#include "tandem-types.h"
#include "tandem-verdict.h"

#define CHART_NAMES "optimism, resources, transparency, snapshot, heatmap, gap-heatmap, impact, coaching, " \
                    "completion, champions or competencies"

/* What "export chart" draws, and what reading it gave. */
typedef struct
{
  Globals         *globals;
  const char      *name;
  TandemDimension  dimension;
  guint            threshold;
  const char      *by;
  const char      *wave;     /* snapshot and heatmap: which wave; NULL for the latest */
  const char      *from;     /* impact: the earlier wave; NULL for the first */
  double           target;
  GPtrArray       *charts;   /* out: (element-type TandemChart) (nullable) */
  GError          *error;    /* out: set when charts is NULL */
} ChartRequest;

static void
chart_request_clear (ChartRequest *request)
{
  g_clear_pointer (&request->charts, g_ptr_array_unref);
  g_clear_error (&request->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChartRequest, chart_request_clear)

static gpointer
init_fontconfig (gpointer data)
{
  tandem_export_init_fontconfig ();
  return NULL;
}

/* Opens the database and reads the figures of the chart @data asks for. */
static gpointer
read_charts (gpointer data)
{
  ChartRequest *request = data;
  g_autoptr(TandemStore) store = tandem_cli_open_existing_store (request->globals, &request->error);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  TandemChart *chart = NULL;

  if (store == NULL)
    return NULL;

  if (g_str_equal (request->name, "coaching"))
    {
      g_autoptr(GDate) today = tandem_date_new_today ();

      for (guint i = 0; i < TANDEM_N_COACHING_CHARTS; i++)
        {
          if (!(chart = tandem_chart_new_coaching (store, i, today, &request->error)))
            return NULL;
          g_ptr_array_add (charts, chart);
        }
      request->charts = g_steal_pointer (&charts);
      return NULL;
    }

  if (g_str_equal (request->name, "completion"))
    chart = tandem_chart_new_program (store, TANDEM_PROGRAM_CHART_COMPLETION, request->threshold, &request->error);
  else if (g_str_equal (request->name, "champions"))
    chart = tandem_chart_new_program (store, TANDEM_PROGRAM_CHART_CHAMPIONS, request->threshold, &request->error);
  else if (g_str_equal (request->name, "snapshot"))
    chart = tandem_chart_new_snapshot (store, request->wave, request->threshold, &request->error);
  else if (g_str_equal (request->name, "competencies"))
    chart = tandem_chart_new_competencies (store, request->threshold, &request->error);
  else if (g_str_equal (request->name, "gap-heatmap"))
    chart = tandem_chart_new_gap_heatmap (store, request->by, request->wave, request->threshold, &request->error);
  else if (g_str_equal (request->name, "heatmap"))
    chart = tandem_chart_new_heatmap (store, request->by, request->wave, request->threshold, &request->error);
  else if (g_str_equal (request->name, "impact"))
    chart = tandem_chart_new_impact (store, request->by, request->from, request->wave, request->threshold,
                                     &request->error);
  else if ((chart = tandem_chart_new_gap (store, request->dimension, request->threshold, &request->error)))
    tandem_chart_set_target_percent (chart, request->target);

  if (chart == NULL)
    return NULL;
  g_ptr_array_add (charts, chart);
  request->charts = g_steal_pointer (&charts);
  return NULL;
}

int
tandem_cli_export (Globals  *globals,
                   int       argc,
                   char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChartRequest) request = { NULL, };
  g_autofree char *output = NULL;
  GThread *fontconfig;
  GThread *reader;
  TandemExportFormat format;
  TandemDimension dimension = TANDEM_DIMENSION_OPTIMISM;
  int width = TANDEM_EXPORT_DEFAULT_WIDTH;
  int height = TANDEM_EXPORT_DEFAULT_HEIGHT;
  int threshold = TANDEM_DEFAULT_ANONYMITY_THRESHOLD;
  gboolean private_notes = FALSE;
  g_autofree char *by_text = NULL;
  g_autofree char *wave = NULL;
  g_autofree char *from_wave = NULL;
  g_autofree char *delimiter_text = NULL;
  g_autofree char *department = NULL;
  double target = NAN;
  double min_effect = TANDEM_DEFAULT_MIN_EFFECT;
  int scale = 1;
  int status;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("The heatmap’s rows, the impact chart’s points: department (default) or role"),
      N_("GROUP") },
    { "wave", 0, 0, G_OPTION_ARG_STRING, &wave,
      N_("snapshot and heatmap: the wave to draw (default the latest); impact: the later wave"), N_("WAVE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_wave, N_("impact: the earlier wave (default the first)"),
      N_("WAVE") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, N_("PNG pixels per unit: 1 (default) or 2 for sharp screens"),
      N_("N") },
    { "target", 0, 0, G_OPTION_ARG_DOUBLE, &target,
      N_("A gap chart’s target line, in percent (e.g. 60)"), N_("PCT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .png, .svg or .pdf (a journal: .md or .pdf)"), N_("FILE") },
    { "include-private-notes", 0, 0, G_OPTION_ARG_NONE, &private_notes,
      N_("Put the private coaching notes in the journal (left out unless asked for)"), NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1920)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 1080)"), N_("H") },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold,
      N_("Anonymity threshold: hide groups with fewer answers (default 5, at least 3)"), N_("N") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("literacy-record: one department's people only"), N_("NAME") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text,
      N_("people and enrollments: the CSV separator, “,” (default), “;” or “tab”"), N_("SEP") },
    { "min-effect", 0, 0, G_OPTION_ARG_DOUBLE, &min_effect,
      N_("The pack’s takeaways: the smallest change in a gap, in points, called a change (default 5)"),
      N_("PTS") },
    { NULL }
  };

  if (!tandem_cli_parse_options ("export", "chart NAME | pack | journal EXTERNAL_ID | people | enrollments | "
                                 "literacy-record",
                              entries, &argc, &argv, &status))
    return status;

  if (argc >= 2 && (g_strcmp0 (argv[1], "people") == 0 || g_strcmp0 (argv[1], "enrollments") == 0))
    {
      TandemExportTable table = g_str_equal (argv[1], "people") ? TANDEM_EXPORT_TABLE_PEOPLE
                                                                : TANDEM_EXPORT_TABLE_ENROLLMENTS;
      char delimiter = ',';

      if (g_strcmp0 (delimiter_text, ";") == 0)
        delimiter = ';';
      else if (g_strcmp0 (delimiter_text, "tab") == 0 || g_strcmp0 (delimiter_text, "\t") == 0)
        delimiter = '\t';
      else if (delimiter_text != NULL && g_strcmp0 (delimiter_text, ",") != 0)
        return tandem_cli_usage_error (_("--delimiter is “,”, “;” or “tab”, not “%s”"), delimiter_text);

      if (argc != 2)
        return tandem_cli_usage_error (_("export %s takes no further arguments, but was given “%s”"), argv[1],
                                       argv[2]);
      if (output == NULL)
        return tandem_cli_usage_error (_("export %s needs --output FILE.csv"), argv[1]);
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !tandem_export_table (store, table, delimiter, output, &error))
        return tandem_cli_fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc >= 2 && g_strcmp0 (argv[1], "pack") == 0)
    {
      if (argc != 2)
        return tandem_cli_usage_error (_("export %s takes no further arguments, but was given “%s”"), argv[1],
                                       argv[2]);
      if (output == NULL)
        return tandem_cli_usage_error (_("export pack needs --output FILE.pdf"));
      if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
        return tandem_cli_usage_error (_("the anonymity threshold must be at least %d"),
                                       TANDEM_MIN_ANONYMITY_THRESHOLD);
      if (!isnan (target) && (target < 0 || target > 100))
        return tandem_cli_usage_error (_("--target is a percentage from 0 to 100"));
      tandem_export_init_fontconfig ();
      if (!(min_effect > 0 && min_effect <= 50))
        return tandem_cli_usage_error (_("--min-effect is a number of points above 0 and at most 50"));
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !tandem_export_pack (store, output, (guint)threshold, target, min_effect, &error))
        return tandem_cli_fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc >= 2 && g_strcmp0 (argv[1], "literacy-record") == 0)
    {
      if (argc != 2)
        return tandem_cli_usage_error (_("export %s takes no further arguments, but was given “%s”"), argv[1],
                                       argv[2]);
      if (output == NULL)
        return tandem_cli_usage_error (_("export literacy-record needs --output FILE.csv or FILE.pdf"));
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !tandem_export_literacy_record (store, department, output, &error))
        return tandem_cli_fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc >= 2 && g_strcmp0 (argv[1], "journal") == 0)
    {
      if (argc != 3)
        return tandem_cli_usage_error (_("export journal needs the executive’s external id: “export journal ID --output FILE”"));
      if (output == NULL)
        return tandem_cli_usage_error (_("export journal needs --output FILE"));
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !tandem_export_journal (store, argv[2], output, private_notes, &error))
        return tandem_cli_fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc < 2 || g_strcmp0 (argv[1], "chart") != 0)
    return tandem_cli_usage_error (_("export writes “chart NAME”, “pack”, “literacy-record”, “journal ID”, “people” "
                                     "or “enrollments”, each with --output FILE"));
  if (argc < 3)
    return tandem_cli_usage_error (_("export chart needs a chart name: %s"), CHART_NAMES);
  if (argc > 3)
    return tandem_cli_usage_error (_("export chart takes one chart name, but was also given “%s”"), argv[3]);
  if (!g_str_equal (argv[2], "coaching") && !g_str_equal (argv[2], "completion") &&
      !g_str_equal (argv[2], "champions") && !g_str_equal (argv[2], "snapshot") &&
      !g_str_equal (argv[2], "heatmap") && !g_str_equal (argv[2], "impact") &&
      !g_str_equal (argv[2], "gap-heatmap") && !g_str_equal (argv[2], "competencies") &&
      !tandem_dimension_from_string (argv[2], &dimension))
    return tandem_cli_usage_error (_("there is no chart “%s”; choose %s"), argv[2], CHART_NAMES);
  if (output == NULL)
    return tandem_cli_usage_error (_("export chart needs --output FILE"));
  if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
    return tandem_cli_usage_error (_("the anonymity threshold must be at least %d"), TANDEM_MIN_ANONYMITY_THRESHOLD);
  if (by_text != NULL && !g_str_equal (by_text, "department") && !g_str_equal (by_text, "role"))
    return tandem_cli_usage_error (_("--by is department or role, not “%s”"), by_text);
  if (wave != NULL && !g_str_equal (argv[2], "snapshot") && !g_str_equal (argv[2], "heatmap") &&
      !g_str_equal (argv[2], "gap-heatmap") && !g_str_equal (argv[2], "impact"))
    return tandem_cli_usage_error (_("--wave is for the snapshot, heatmap, gap-heatmap and impact charts"));
  if (from_wave != NULL && !g_str_equal (argv[2], "impact"))
    return tandem_cli_usage_error (_("--from is for the impact chart"));
  if (scale != 1 && scale != 2)
    return tandem_cli_usage_error (_("--scale is 1 or 2, not %d"), scale);
  if (width < TANDEM_EXPORT_MIN_SIZE || width > TANDEM_EXPORT_MAX_SIZE ||
      height < TANDEM_EXPORT_MIN_SIZE || height > TANDEM_EXPORT_MAX_SIZE)
    return tandem_cli_usage_error (_("--width and --height are pixels from %d to %d"), TANDEM_EXPORT_MIN_SIZE,
                                   TANDEM_EXPORT_MAX_SIZE);
  if (!isnan (target) && (target < 0 || target > 100))
    return tandem_cli_usage_error (_("--target is a percentage from 0 to 100"));
  if (!tandem_export_format_for_path (output, &format, &error))
    return tandem_cli_fail (error);

  /* Fontconfig reading its configuration, and the figures, are the slow
   * and independent first steps of a small export: each has a thread of
   * its own (measured about 1 ms quicker than starting fontconfig on this
   * one), and this thread loads the fonts once fontconfig is ready.
   * Nothing here has used a font yet, so fontconfig can start the quick
   * way. */
  request.globals = globals;
  request.name = argv[2];
  request.dimension = dimension;
  request.threshold = (guint)threshold;
  request.by = by_text != NULL ? by_text : "department";
  request.wave = wave;
  request.from = from_wave;
  request.target = target;
  fontconfig = g_thread_new ("tandem-fontconfig", init_fontconfig, NULL);
  reader = g_thread_new ("tandem-figures", read_charts, &request);
  g_thread_join (fontconfig);
  tandem_export_load_fonts (format);
  g_thread_join (reader);
  if (request.charts == NULL)
    return tandem_cli_fail (request.error);

  if (!tandem_export_charts_scaled ((TandemChart **)request.charts->pdata, request.charts->len,
                                    output, width, height, scale, &error))
    return tandem_cli_fail (error);

  printf (_("Wrote %s (%d × %d).\n"), output, width, height);
  return EXIT_OK;
}
