/* tandem-cli.c — Tandem without a display: demo, export, report, backup, check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 on success, 1 when the work failed (one line on stderr says
 * why), 2 when the command line was wrong (usage on stderr).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-chart.h"
#include "tandem-coaching-charts.h"
#include "tandem-demo.h"
#include "tandem-export.h"
#include "tandem-survey-charts.h"
#include "tandem-import.h"
#include "tandem-program-charts.h"
#include "tandem-report.h"
#include "tandem-stats.h"
#include "tandem-store.h"
#include "tandem-types.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *database;
} Globals;

typedef int (*CommandFunc) (Globals *globals, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

static void print_usage (FILE *stream);

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "tandem-cli: %s\n\n", message);
  print_usage (stderr);
  return EXIT_USAGE;
}

static int
fail (const GError *error)
{
  fprintf (stderr, "tandem-cli: %s\n", error->message);
  return EXIT_FAILED;
}

static TandemStore *
open_store (Globals  *globals,
            GError  **error)
{
  g_autofree char *path = NULL;

  path = globals->database != NULL ? g_strdup (globals->database)
                                   : tandem_store_dup_default_path ();
  return tandem_store_open (path, error);
}

/* Parses a command's options; on a bad option prints usage and returns
 * FALSE. The positional arguments are left in @argc / @argv. */
static gboolean
parse_command_options (const char   *command,
                       const char   *parameters,
                       GOptionEntry *entries,
                       int          *argc,
                       char       ***argv,
                       int          *out_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameters);

  context = g_option_context_new (title);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = usage_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_demo (Globals  *globals,
          int       argc,
          char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *today_text = NULL;
  gboolean replace = FALSE;
  int seed = TANDEM_DEMO_DEFAULT_SEED;
  int status;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the data already in the database"), NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("Seed of the random draws (the same seed gives the same organisation)"), N_("N") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Date the organisation is dated from (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_command_options ("demo", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (_("demo takes no arguments, but was given “%s”"), argv[1]);

  if (today_text != NULL)
    {
      today = tandem_date_parse_iso (today_text);
      if (today == NULL)
        return usage_error (_("--today wants a date written YYYY-MM-DD, not “%s”"), today_text);
    }
  else
    today = tandem_date_new_today ();

  if (!(store = open_store (globals, &error)))
    return fail (error);

  if (!tandem_demo_populate (store, (guint32)seed, today, replace, &error))
    {
      if (g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_EMPTY))
        {
          fprintf (stderr, "tandem-cli: %s %s\n", error->message,
                   _("Run “tandem-cli demo --replace” to overwrite it."));
          return EXIT_FAILED;
        }
      return fail (error);
    }

  printf (_("The demo organisation is in %s.\n"), tandem_store_get_path (store));
  return EXIT_OK;
}

#define CHART_NAMES "optimism, resources, transparency, snapshot, heatmap, coaching, completion or champions"

/* What "export chart" draws, and what reading it gave. */
typedef struct
{
  Globals         *globals;
  const char      *name;
  TandemDimension  dimension;
  guint            threshold;
  const char      *by;
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
  g_autoptr(TandemStore) store = open_store (request->globals, &request->error);
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
    chart = tandem_chart_new_program (store, TANDEM_PROGRAM_CHART_COMPLETION, &request->error);
  else if (g_str_equal (request->name, "champions"))
    chart = tandem_chart_new_program (store, TANDEM_PROGRAM_CHART_CHAMPIONS, &request->error);
  else if (g_str_equal (request->name, "snapshot"))
    chart = tandem_chart_new_snapshot (store, request->threshold, &request->error);
  else if (g_str_equal (request->name, "heatmap"))
    chart = tandem_chart_new_heatmap (store, request->by, request->threshold, &request->error);
  else if ((chart = tandem_chart_new_gap (store, request->dimension, request->threshold, &request->error)))
    tandem_chart_set_target_percent (chart, request->target);

  if (chart == NULL)
    return NULL;
  g_ptr_array_add (charts, chart);
  request->charts = g_steal_pointer (&charts);
  return NULL;
}

static int
cmd_export (Globals  *globals,
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
  double target = NAN;
  int scale = 1;
  int status;
  GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("The heatmap’s rows: department (default) or role"),
      N_("GROUP") },
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
    { NULL }
  };

  if (!parse_command_options ("export", "chart NAME | pack | journal EXTERNAL_ID | people | enrollments",
                              entries, &argc, &argv, &status))
    return status;

  if (argc >= 2 && (g_strcmp0 (argv[1], "people") == 0 || g_strcmp0 (argv[1], "enrollments") == 0))
    {
      TandemExportTable table = g_str_equal (argv[1], "people") ? TANDEM_EXPORT_TABLE_PEOPLE
                                                                : TANDEM_EXPORT_TABLE_ENROLLMENTS;

      if (argc != 2)
        return usage_error (_("export %s takes no further arguments, but was given “%s”"), argv[1], argv[2]);
      if (output == NULL)
        return usage_error (_("export %s needs --output FILE.csv"), argv[1]);
      if (!(store = open_store (globals, &error)) ||
          !tandem_export_table (store, table, output, &error))
        return fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc >= 2 && g_strcmp0 (argv[1], "pack") == 0)
    {
      if (argc != 2)
        return usage_error (_("export %s takes no further arguments, but was given “%s”"), argv[1], argv[2]);
      if (output == NULL)
        return usage_error (_("export pack needs --output FILE.pdf"));
      if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
        return usage_error (_("the anonymity threshold must be at least %d"), TANDEM_MIN_ANONYMITY_THRESHOLD);
      if (!isnan (target) && (target < 0 || target > 100))
        return usage_error (_("--target is a percentage from 0 to 100"));
      tandem_export_init_fontconfig ();
      if (!(store = open_store (globals, &error)) ||
          !tandem_export_pack (store, output, (guint)threshold, target, &error))
        return fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc >= 2 && g_strcmp0 (argv[1], "journal") == 0)
    {
      if (argc != 3)
        return usage_error (_("export journal needs the executive’s external id: “export journal ID --output FILE”"));
      if (output == NULL)
        return usage_error (_("export journal needs --output FILE"));
      if (!(store = open_store (globals, &error)) ||
          !tandem_export_journal (store, argv[2], output, private_notes, &error))
        return fail (error);
      printf (_("Wrote %s.\n"), output);
      return EXIT_OK;
    }

  if (argc < 2 || g_strcmp0 (argv[1], "chart") != 0)
    return usage_error (_("export writes “chart NAME”, “pack”, “journal ID”, “people” or “enrollments”, "
                          "each with --output FILE"));
  if (argc < 3)
    return usage_error (_("export chart needs a chart name: %s"), CHART_NAMES);
  if (argc > 3)
    return usage_error (_("export chart takes one chart name, but was also given “%s”"), argv[3]);
  if (!g_str_equal (argv[2], "coaching") && !g_str_equal (argv[2], "completion") &&
      !g_str_equal (argv[2], "champions") && !g_str_equal (argv[2], "snapshot") &&
      !g_str_equal (argv[2], "heatmap") && !tandem_dimension_from_string (argv[2], &dimension))
    return usage_error (_("there is no chart “%s”; choose %s"), argv[2], CHART_NAMES);
  if (output == NULL)
    return usage_error (_("export chart needs --output FILE"));
  if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
    return usage_error (_("the anonymity threshold must be at least %d"), TANDEM_MIN_ANONYMITY_THRESHOLD);
  if (by_text != NULL && !g_str_equal (by_text, "department") && !g_str_equal (by_text, "role"))
    return usage_error (_("--by is department or role, not “%s”"), by_text);
  if (scale != 1 && scale != 2)
    return usage_error (_("--scale is 1 or 2, not %d"), scale);
  if (!isnan (target) && (target < 0 || target > 100))
    return usage_error (_("--target is a percentage from 0 to 100"));
  if (!tandem_export_format_for_path (output, &format, &error))
    return fail (error);

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
  request.target = target;
  fontconfig = g_thread_new ("tandem-fontconfig", init_fontconfig, NULL);
  reader = g_thread_new ("tandem-figures", read_charts, &request);
  g_thread_join (fontconfig);
  tandem_export_load_fonts (format);
  g_thread_join (reader);
  if (request.charts == NULL)
    return fail (request.error);

  if (!tandem_export_charts_scaled ((TandemChart **)request.charts->pdata, request.charts->len,
                                    output, width, height, scale, &error))
    return fail (error);

  printf (_("Wrote %s (%d × %d).\n"), output, width, height);
  return EXIT_OK;
}

static int
cmd_report (Globals  *globals,
            int       argc,
            char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *dimension_text = NULL;
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
    { "threshold", 0, 0, G_OPTION_ARG_INT, &threshold,
      N_("Anonymity threshold: hide groups with fewer answers (default 5, at least 3)"), N_("N") },
    { NULL }
  };
  static const char * const reports[] = { "summary", "pairs", "completion", "champions", "gaps", NULL };
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

  if (!parse_command_options ("report", "summary | pairs | completion | champions | gaps", entries, &argc, &argv,
                              &status))
    return status;
  if (argc < 2)
    return usage_error (_("report needs a report name: summary, pairs, completion, champions or gaps"));
  if (!g_strv_contains (reports, argv[1]))
    return usage_error (_("there is no report “%s”; choose summary, pairs, completion, champions or gaps"),
                        argv[1]);
  if (argc > 2)
    return usage_error (_("report %s takes no further arguments, but was given “%s”"), argv[1], argv[2]);
  if (format != NULL && g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "text") != 0)
    return usage_error (_("--format is text or csv, not “%s”"), format);
  csv = g_strcmp0 (format, "csv") == 0;
  if (dimension_text != NULL && !g_str_equal (argv[1], "gaps"))
    return usage_error (_("--dimension belongs to the gaps report"));

  if (g_str_equal (argv[1], "gaps"))
    {
      g_autofree char *report = NULL;
      TandemDimension dimension = TANDEM_N_DIMENSIONS;

      if (dimension_text != NULL && !tandem_dimension_from_string (dimension_text, &dimension))
        return usage_error (_("--dimension is optimism, resources or transparency, not “%s”"), dimension_text);
      if (threshold < TANDEM_MIN_ANONYMITY_THRESHOLD)
        return usage_error (_("the anonymity threshold must be at least %d"), TANDEM_MIN_ANONYMITY_THRESHOLD);
      if (!(store = open_store (globals, &error)) ||
          !(report = tandem_report_gaps (store, dimension, (guint)threshold,
                                         csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT, &error)))
        return fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "completion") || g_str_equal (argv[1], "champions"))
    {
      g_autofree char *report = NULL;
      TandemReportFormat report_format = csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT;
      TandemGroupBy by = TANDEM_GROUP_BY_ROLE;

      if (by_text != NULL && !tandem_group_by_from_string (by_text, &by))
        return usage_error (_("--by is role, department or level, not “%s”"), by_text);
      if (by_text != NULL && g_str_equal (argv[1], "champions"))
        return usage_error (_("the champions report is always by department; leave out --by"));
      if (!(store = open_store (globals, &error)))
        return fail (error);
      if (g_str_equal (argv[1], "completion"))
        report = tandem_report_completion (store, by, report_format, &error);
      else
        report = tandem_report_champions (store, report_format, &error);
      if (report == NULL)
        return fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "pairs"))
    {
      g_autoptr(GDate) as_of = as_of_text ? tandem_date_parse_iso (as_of_text) : tandem_date_new_today ();
      g_autofree char *report = NULL;

      if (as_of == NULL)
        return usage_error (_("--as-of wants a date written YYYY-MM-DD, not “%s”"), as_of_text);
      if (!(store = open_store (globals, &error)) ||
          !(report = tandem_report_pairs (store, as_of, csv ? TANDEM_REPORT_CSV : TANDEM_REPORT_TEXT, &error)))
        return fail (error);
      fputs (report, stdout);
      return EXIT_OK;
    }

  if (!(store = open_store (globals, &error)) ||
      !tandem_stats_get_counts (store, &counts, &error))
    return fail (error);

  if (csv)
    printf ("measure,value\n");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (csv)
        printf ("%s,%u\n", rows[i].key, *rows[i].value);
      else
        printf ("%-28s %u\n", _(rows[i].label), *rows[i].value);
    }
  return EXIT_OK;
}

static int
cmd_import (Globals  *globals,
            int       argc,
            char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  TandemImportKind kind;
  int status;

  if (!parse_command_options ("import", "people|enrollments|sessions|responses FILE", NULL, &argc, &argv,
                              &status))
    return status;
  if (argc < 3)
    return usage_error (_("import needs a kind and a file, e.g. “import people FILE”"));
  if (argc > 3)
    return usage_error (_("import takes one file, but was also given “%s”"), argv[3]);
  if (!tandem_import_kind_from_string (argv[1], &kind))
    return usage_error (_("cannot import “%s”; choose people, enrollments, sessions or responses"), argv[1]);

  if (!(store = open_store (globals, &error)))
    return fail (error);

  report = tandem_import_report_new ();
  if (!tandem_import_run (store, kind, argv[2], NULL, report, NULL, &error))
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      for (guint i = 0; i < report->problems->len; i++)
        {
          g_autofree char *line = tandem_import_problem_format (g_ptr_array_index (report->problems, i));

          fprintf (stderr, "  %s\n", line);
        }
      if (report->n_problems > report->problems->len)
        fprintf (stderr, _("  … and %u more\n"), report->n_problems - report->problems->len);
      return EXIT_FAILED;
    }

  /* Translators: e.g. "Imported people.csv: 12 created, 3 updated, 40 unchanged." */
  printf (_("Imported %s: %u created, %u updated, %u unchanged.\n"),
          argv[2], report->created, report->updated, report->unchanged);
  for (guint i = 0; i < report->notes->len; i++)
    printf ("  %s\n", (const char *)g_ptr_array_index (report->notes, i));
  return EXIT_OK;
}

static int
cmd_backup (Globals  *globals,
            int       argc,
            char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"), N_("FILE") },
    { NULL }
  };

  if (!parse_command_options ("backup", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (_("backup takes no arguments, but was given “%s”"), argv[1]);
  if (output == NULL)
    return usage_error (_("backup needs --output FILE"));

  if (!(store = open_store (globals, &error)) ||
      !tandem_store_backup (store, output, &error))
    return fail (error);

  printf (_("Backed up %s to %s.\n"), tandem_store_get_path (store), output);
  return EXIT_OK;
}

static int
cmd_restore (Globals  *globals,
             int       argc,
             char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_command_options ("restore", "FILE", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("restore needs one backup file: “restore FILE”"));

  if (!(store = open_store (globals, &error)) ||
      !tandem_store_restore (store, argv[1], &error))
    return fail (error);

  printf (_("Restored %s from %s; what it held before is kept as an automatic backup beside it.\n"),
          tandem_store_get_path (store), argv[1]);
  return EXIT_OK;
}

static int
cmd_check (Globals  *globals,
           int       argc,
           char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  int status;

  if (!parse_command_options ("check", "", NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (_("check takes no arguments, but was given “%s”"), argv[1]);

  if (!(store = open_store (globals, &error)))
    return fail (error);

  if (!tandem_store_check (store, &report, &error))
    {
      if (error != NULL)
        return fail (error);
      fprintf (stderr, _("tandem-cli: %s has problems:\n%s\n"), tandem_store_get_path (store), report);
      return EXIT_FAILED;
    }

  printf (_("%s is sound (schema version %d).\n"),
          tandem_store_get_path (store), tandem_store_get_schema_version (store));
  return EXIT_OK;
}

static const Command commands[] = {
  { "demo", N_("[--replace] [--seed N]"), N_("Fill an empty database with the demo organisation"), cmd_demo },
  { "export", N_("chart NAME --output FILE"), N_("Write a chart as PNG, SVG or PDF"), cmd_export },
  { "export", N_("pack --output FILE.pdf"), N_("Write the leadership pack: a cover and every chart, one per page"),
    cmd_export },
  { "export", N_("journal ID --output FILE"), N_("Write an executive’s coaching journal (.md or .pdf)"), cmd_export },
  { "export", N_("people|enrollments --output FILE"), N_("Write a table as CSV"), cmd_export },
  { "report", N_("summary|pairs [--format csv]"), N_("Print a report (pairs: --as-of DATE)"), cmd_report },
  { "report", N_("completion [--by role|department|level]"), N_("Reach, completion and tool access by group"), cmd_report },
  { "report", N_("champions [--format csv]"), N_("AI champions per department against 1 per 25"), cmd_report },
  { "report", N_("gaps [--dimension D] [--format csv]"), N_("Executives against ICs, wave by wave, with confidence intervals"),
    cmd_report },
  { "import", N_("people|enrollments|sessions|responses FILE"), N_("Import a CSV file, all or nothing"),
    cmd_import },
  { "backup", N_("--output FILE"), N_("Copy the database safely while it is in use"), cmd_backup },
  { "restore", N_("FILE"), N_("Replace the data with a backup's (the current data is backed up first)"),
    cmd_restore },
  { "check", "", N_("Check the database for damage"), cmd_check },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: tandem-cli [--database FILE] COMMAND [OPTIONS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));

      fprintf (stream, "  %-36s %s\n", left, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-36s %s\n", "--database FILE",
           _("The database (default: $TANDEM_DATABASE, else ~/.local/share/tandem/tandem.db)"));
  fprintf (stream, "  %-36s %s\n", "--version", _("Print the version and exit"));
  fprintf (stream, "  %-36s %s\n", "-h, --help", _("Print this help and exit"));
  fprintf (stream, "\n%s\n", _("“tandem-cli COMMAND --help” describes a command’s options."));
}

static void
init_i18n (void)
{
  const char *localedir = g_getenv ("TANDEM_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  Globals globals = { NULL };
  int i;

  init_i18n ();

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          printf ("tandem-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--database"))
        {
          if (i + 1 >= argc)
            return usage_error (_("--database needs a file name"));
          globals.database = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--database="))
        globals.database = arg + strlen ("--database=");
      else if (arg[0] == '-')
        return usage_error (_("unknown option “%s”"), arg);
      else
        break;
    }

  if (globals.database != NULL && *globals.database == '\0')
    return usage_error (_("--database needs a file name"));

  if (i >= argc)
    return usage_error (_("no command given"));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&globals, argc - i, argv + i);

  return usage_error (_("unknown command “%s”"), argv[i]);
}
