/* tandem-cli-report.c — tandem-cli report: summaries, pairs, completion, champions, gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "tandem-chart.h"
#include "tandem-cli-private.h"
#include "tandem-coaching-charts.h"
#include "tandem-export.h"
#include "tandem-program-charts.h"
#include "tandem-report.h"
#include "tandem-stats.h"
#include "tandem-survey-charts.h"
#include "tandem-types.h"
#include "tandem-verdict.h"

int
tandem_cli_report (Globals  *globals,
                   int       argc,
                   char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *dimension_text = NULL;
  g_autofree char *from_wave = NULL;
  g_autofree char *to_wave = NULL;
  double min_effect = TANDEM_DEFAULT_MIN_EFFECT;
  int threshold = TANDEM_DEFAULT_ANONYMITY_THRESHOLD;
  TandemCounts counts;
  gboolean csv;
  int status;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or csv"), N_("FORMAT") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("The day cadence is judged on (default: today)"), N_("YYYY-MM-DD") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text,
      N_("Group completion by role (default), department or level"), N_("GROUP") },
    { "dimension", 0, 0, G_OPTION_ARG_STRING, &dimension_text,
      N_("Gaps of one dimension only: optimism, resources or transparency"), N_("DIMENSION") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_wave,
      N_("Changes since this wave (default: the first where both sides are shown)"), N_("WAVE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_wave,
      N_("Changes up to this wave (default: the latest where both sides are shown)"), N_("WAVE") },
    { "min-effect", 0, 0, G_OPTION_ARG_DOUBLE, &min_effect,
      N_("The smallest change in a gap, in points, called narrowed or widened (default 5)"), N_("PTS") },
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold,
      N_("Anonymity threshold: hide groups with fewer answers (default 5, at least 3)"), N_("N") },
    { NULL }
  };
  static const char * const reports[] = { "summary", "pairs", "completion", "champions", "gaps", "changes",
                                          "impact", "competencies", NULL };
  struct { const char *key; const char *label; guint *value; } rows[] = {
    { "people", N_("People"), &counts.people },
    { "active_people", N_("Active people"), &counts.active_people },
    { "departments", N_("Departments"), &counts.departments },
    { "programs", N_("Programs"), &counts.programs },
    { "enrollments", N_("Enrollments (not dropped)"), &counts.enrollments },
    { "completions", N_("Completions"), &counts.completions },
    { "champions", N_("AI champions"), &counts.champions },
    { "tool_access", N_("People with tool access"), &counts.with_tool_access },
    { "pairs", N_("Active mentoring pairs"), &counts.pairs },
    { "sessions", N_("Coaching sessions"), &counts.sessions },
    { "waves", N_("Survey waves"), &counts.waves },
    { "answers", N_("Survey answers"), &counts.answers },
  };

  if (!tandem_cli_parse_options ("report", "summary | pairs | completion | champions | gaps | changes | impact | "
                                 "competencies", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return tandem_cli_usage_error (_("report needs a report name: summary, pairs, completion, champions, gaps, "
                                     "changes, impact or competencies"));
  if (!g_strv_contains (reports, argv[1]))
    return tandem_cli_usage_error (_("there is no report “%s”; choose summary, pairs, completion, champions, gaps, "
                                     "changes, impact or competencies"),
                        argv[1]);
  if (argc > 2)
    return tandem_cli_usage_error (_("report %s takes no further arguments, but was given “%s”"), argv[1], argv[2]);
  if (format != NULL && g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "text") != 0)
    return tandem_cli_usage_error (_("--format is text or csv, not “%s”"), format);
  csv = g_strcmp0 (format, "csv") == 0;
  if (dimension_text != NULL && !g_str_equal (argv[1], "gaps") && !g_str_equal (argv[1], "changes"))
    return tandem_cli_usage_error (_("--dimension belongs to the gaps and changes reports"));
  if ((from_wave != NULL || to_wave != NULL) && !g_str_equal (argv[1], "changes") && !g_str_equal (argv[1], "impact"))
    return tandem_cli_usage_error (_("--from and --to belong to the changes and impact reports"));
  if (min_effect != TANDEM_DEFAULT_MIN_EFFECT && !g_str_equal (argv[1], "changes"))
    return tandem_cli_usage_error (_("--min-effect belongs to the changes report"));

  if (g_str_equal (argv[1], "competencies"))
    {
      g_autofree char *report = NULL;
      TandemGroupBy by = TANDEM_GROUP_BY_ROLE;

      if (by_text != NULL && (!tandem_group_by_from_string (by_text, &by) || by == TANDEM_GROUP_BY_LEVEL))
        return tandem_cli_usage_error (_("the competencies report is by role or department, not “%s”"), by_text);
      if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
        return tandem_cli_usage_error (_("the anonymity threshold must be at least %d"),
                                       TANDEM_MIN_ANONYMITY_THRESHOLD);
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !(report = tandem_report_competencies (store, by, (guint)threshold,
                                                 csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT, &error)))
        return tandem_cli_fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "impact"))
    {
      g_autofree char *report = NULL;

      if (by_text != NULL && !g_str_equal (by_text, "department") && !g_str_equal (by_text, "role"))
        return tandem_cli_usage_error (_("the impact report is by department or role, not “%s”"), by_text);
      if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
        return tandem_cli_usage_error (_("the anonymity threshold must be at least %d"),
                                       TANDEM_MIN_ANONYMITY_THRESHOLD);
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !(report = tandem_report_impact (store, by_text ? by_text : "department", from_wave, to_wave,
                                           (guint)threshold, csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT,
                                           &error)))
        return tandem_cli_fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "gaps") || g_str_equal (argv[1], "changes"))
    {
      g_autofree char *report = NULL;
      TandemDimension dimension = TANDEM_N_DIMENSIONS;

      if (dimension_text != NULL && !tandem_dimension_from_string (dimension_text, &dimension))
        return tandem_cli_usage_error (_("--dimension is optimism, resources or transparency, not “%s”"),
                                       dimension_text);
      if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
        return tandem_cli_usage_error (_("the anonymity threshold must be at least %d"),
                                       TANDEM_MIN_ANONYMITY_THRESHOLD);
      if (!(min_effect > 0 && min_effect <= 50))
        return tandem_cli_usage_error (_("--min-effect is a number of points above 0 and at most 50"));
      if (!(store = tandem_cli_open_existing_store (globals, &error)))
        return tandem_cli_fail (error);
      if (g_str_equal (argv[1], "gaps"))
        report = tandem_report_gaps (store, dimension, (guint)threshold,
                                     csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT, &error);
      else
        report = tandem_report_changes (store, dimension, from_wave, to_wave, min_effect, (guint)threshold,
                                        csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT, &error);
      if (report == NULL)
        return tandem_cli_fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "completion") || g_str_equal (argv[1], "champions"))
    {
      g_autofree char *report = NULL;
      TandemReportFormat report_format = csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT;
      TandemGroupBy by = TANDEM_GROUP_BY_ROLE;

      if (by_text != NULL && !tandem_group_by_from_string (by_text, &by))
        return tandem_cli_usage_error (_("--by is role, department or level, not “%s”"), by_text);
      if (by_text != NULL && g_str_equal (argv[1], "champions"))
        return tandem_cli_usage_error (_("the champions report is always by department; leave out --by"));
      if (!(store = tandem_cli_open_existing_store (globals, &error)))
        return tandem_cli_fail (error);
      if (g_str_equal (argv[1], "completion"))
        report = tandem_report_completion (store, by, report_format, &error);
      else
        report = tandem_report_champions (store, report_format, &error);
      if (report == NULL)
        return tandem_cli_fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "pairs"))
    {
      g_autoptr(GDate) as_of = as_of_text ? tandem_date_parse_iso (as_of_text) : tandem_date_new_today ();
      g_autofree char *report = NULL;

      if (as_of == NULL)
        return tandem_cli_usage_error (_("--as-of wants a date written YYYY-MM-DD, not “%s”"), as_of_text);
      if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
          !(report = tandem_report_pairs (store, as_of, csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT, &error)))
        return tandem_cli_fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
      !tandem_stats_get_counts (store, &counts, &error))
    return tandem_cli_fail (error);

  if (csv)
    printf ("measure,value\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (csv)
        printf ("%s,%u\n", rows[i].key, *rows[i].value);
      else
        {
          tandem_cli_print_padded (stdout, _(rows[i].label), 28);
          printf (" %u\n", *rows[i].value);
        }
    }
  return EXIT_OK;
}
