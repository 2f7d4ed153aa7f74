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

#include "tandem-cli-private.h"
#include "tandem-output.h"
#include "tandem-server.h"
#include "tandem-demo.h"
#include "tandem-import.h"
#include "tandem-stats.h"

typedef int (*CommandFunc) (Globals *globals, int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

int
tandem_cli_usage_error (const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "tandem-cli: %s\n", message);
  tandem_cli_print_short_usage (stderr);
  return EXIT_USAGE;
}

int
tandem_cli_fail (const GError *error)
{
  fprintf (stderr, "tandem-cli: %s\n", error->message);
  return EXIT_FAILED;
}

/* @database, a file or a team server's URI; a file that is not there is
 * made when @may_create, else an error. */
TandemStore *
tandem_cli_open_database (const char  *database,
                          gboolean     may_create,
                          GError     **error)
{
  if (tandem_server_is_uri (database))
    return tandem_store_open_server (database, error);
  return may_create ? tandem_store_open (database, error) : tandem_store_open_existing (database, error);
}

/* The database --database or $TANDEM_DATABASE names, else the default. */
static TandemStore *
open_global_database (Globals   *globals,
                      gboolean   may_create,
                      GError   **error)
{
  g_autofree char *path = globals->database != NULL ? g_strdup (globals->database)
                                                     : tandem_store_dup_default_path ();

  return tandem_cli_open_database (path, may_create, error);
}

TandemStore *
tandem_cli_open_store (Globals  *globals,
                       GError  **error)
{
  return open_global_database (globals, TRUE, error);
}

/* For commands that only read: a database that is not there is an error,
 * not a new empty one (a mistyped --database would have made it). */
TandemStore *
tandem_cli_open_existing_store (Globals  *globals,
                                GError  **error)
{
  return open_global_database (globals, FALSE, error);
}

/* Parses a command's options; on a bad option prints usage and returns
 * FALSE. The positional arguments are left in @argc / @argv. */
gboolean
tandem_cli_parse_options (const char     *command,
                          const char     *parameters,
                          GOptionEntry   *entries,
                          int            *argc,
                          char         ***argv,
                          int            *out_status)
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
      *out_status = tandem_cli_usage_error ("%s", error->message);
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

  if (!tandem_cli_parse_options ("demo", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tandem_cli_usage_error (_("demo takes no arguments, but was given “%s”"), argv[1]);

  if (today_text != NULL)
    {
      today = tandem_date_parse_iso (today_text);
      if (today == NULL)
        return tandem_cli_usage_error (_("--today wants a date written YYYY-MM-DD, not “%s”"), today_text);
    }
  else
    today = tandem_date_new_today ();

  if (!(store = tandem_cli_open_store (globals, &error)))
    return tandem_cli_fail (error);

  if (!tandem_demo_populate (store, (guint32)seed, today, replace, &error))
    {
      if (g_error_matches (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_EMPTY))
        {
          fprintf (stderr, "tandem-cli: %s %s\n", error->message,
                   _("Run “tandem-cli demo --replace” to overwrite it."));
          return EXIT_FAILED;
        }
      return tandem_cli_fail (error);
    }

  printf (_("The demo organisation is in %s.\n"), tandem_store_get_path (store));
  return EXIT_OK;
}

/* Another import (or the app) is writing: say so rather than seem stuck. */
static void
say_waiting (gpointer user_data)
{
  fprintf (stderr, "%s\n", _("Waiting for another import to finish…"));
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

  if (!tandem_cli_parse_options ("import", "people|enrollments|sessions|responses|programs|competency-targets FILE", NULL, &argc, &argv,
                              &status))
    return status;
  if (argc < 3)
    return tandem_cli_usage_error (_("import needs a kind and a file, e.g. “import people FILE”"));
  if (argc > 3)
    return tandem_cli_usage_error (_("import takes one file, but was also given “%s”"), argv[3]);
  if (!tandem_import_kind_from_string (argv[1], &kind))
    return tandem_cli_usage_error (_("cannot import “%s”; choose people, enrollments, sessions, responses, programs "
                                     "or competency-targets"),
                                   argv[1]);

  if (!(store = tandem_cli_open_store (globals, &error)))
    return tandem_cli_fail (error);

  tandem_store_set_wait_func (store, say_waiting, NULL);
  report = tandem_import_report_new ();
  if (!tandem_import_run (store, kind, argv[2], NULL, report, NULL, &error))
    {
      fprintf (stderr, "tandem-cli: %s\n", error->message);
      for (guint i = 0; i < report->problems->len; i++)
        {
          g_autofree char *line = tandem_import_problem_format (g_ptr_array_index (report->problems, i));
          g_autofree char *shown = tandem_output_escape (line);

          fprintf (stderr, "  %s\n", shown);
        }
      if (report->n_problems > report->problems->len)
        fprintf (stderr, _("  … and %u more\n"), report->n_problems - report->problems->len);
      return EXIT_FAILED;
    }

  /* Translators: e.g. "Imported people.csv: 12 created, 3 updated, 40 unchanged." */
  printf (_("Imported %s: %u created, %u updated, %u unchanged.\n"),
          argv[2], report->created, report->updated, report->unchanged);
  for (guint i = 0; i < report->notes->len; i++)
    {
      g_autofree char *note = tandem_output_escape (g_ptr_array_index (report->notes, i));

      printf ("  %s\n", note);
    }
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

  if (!tandem_cli_parse_options ("backup", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tandem_cli_usage_error (_("backup takes no arguments, but was given “%s”"), argv[1]);
  if (output == NULL)
    return tandem_cli_usage_error (_("backup needs --output FILE"));

  if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
      !tandem_store_backup (store, output, &error))
    return tandem_cli_fail (error);

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

  if (!tandem_cli_parse_options ("restore", "FILE", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return tandem_cli_usage_error (_("restore needs one backup file: “restore FILE”"));

  if (!(store = tandem_cli_open_store (globals, &error)) ||
      !tandem_store_restore (store, argv[1], &error))
    return tandem_cli_fail (error);

  if (tandem_server_is_uri (tandem_store_get_path (store)))
    printf (_("Restored the organisation in %s into %s.\n"), argv[1], tandem_store_get_path (store));
  else
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

  if (!tandem_cli_parse_options ("check", "", NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tandem_cli_usage_error (_("check takes no arguments, but was given “%s”"), argv[1]);

  if (!(store = tandem_cli_open_existing_store (globals, &error)))
    return tandem_cli_fail (error);

  /* A server keeps its own pages and checks every reference as it is
   * written: that it answers with Tandem's schema is what there is to see. */
  if (tandem_server_is_uri (tandem_store_get_path (store)))
    {
      printf (_("%s answers, with Tandem’s schema version %d; PostgreSQL checks its foreign keys on every write "
                "and keeps its own pages sound.\n"),
              tandem_store_get_path (store), tandem_store_get_schema_version (store));
      return EXIT_OK;
    }

  if (!tandem_store_check (store, &report, &error))
    {
      if (error != NULL)
        return tandem_cli_fail (error);
      fprintf (stderr, _("tandem-cli: %s has problems:\n%s\n"), tandem_store_get_path (store), report);
      return EXIT_FAILED;
    }

  printf (_("%s is sound (schema version %d).\n"),
          tandem_store_get_path (store), tandem_store_get_schema_version (store));
  return EXIT_OK;
}

static const Command commands[] = {
  { "demo", N_("[--replace] [--seed N]"), N_("Fill an empty database with the demo organisation"), cmd_demo },
  { "export", N_("chart NAME --output FILE"), N_("Write a chart as PNG, SVG or PDF (--wave, --from: which waves)"),
    tandem_cli_export },
  { "export", N_("pack --output FILE.pdf"), N_("Write the leadership pack: a cover and every chart, one per page"),
    tandem_cli_export },
  { "export", N_("literacy-record --output FILE.csv|pdf"),
    N_("The AI-literacy record (EU AI Act, Art. 4): every completed program of every active person"),
    tandem_cli_export },
  { "export", N_("journal ID --output FILE"), N_("Write an executive’s coaching journal (.md or .pdf)"), tandem_cli_export },
  { "export", N_("people|enrollments --output FILE"), N_("Write a table as CSV"), tandem_cli_export },
  { "report", N_("summary|pairs [--format csv]"), N_("Print a report (pairs: --as-of DATE)"), tandem_cli_report },
  { "report", N_("completion [--by role|department|level]"), N_("Reach, completion and tool access by group"), tandem_cli_report },
  { "report", N_("champions [--format csv]"), N_("AI champions per department against 1 per 25"), tandem_cli_report },
  { "report", N_("gaps [--dimension D] [--format csv]"), N_("Executives against ICs, wave by wave, with confidence intervals"),
    tandem_cli_report },
  { "report", N_("changes [--from WAVE] [--to WAVE] [--min-effect PTS]"),
    N_("How each gap moved, with its interval and a verdict: narrowed, widened, steady or unclear"),
    tandem_cli_report },
  { "report", N_("competencies [--by role|department]"),
    N_("Where each role (or department) stands against its AI-literacy targets"), tandem_cli_report },
  { "report", N_("impact [--from WAVE] [--to WAVE] [--by department|role]"),
    N_("Completion and tool access against the change in ICs' answers, per group (association, not cause)"),
    tandem_cli_report },
  { "import", N_("people|enrollments|sessions|responses|programs|competency-targets FILE"),
    N_("Import a CSV file, all or nothing"),
    cmd_import },
  { "log", N_("session --executive ID --mentor ID --date YYYY-MM-DD"),
    N_("Log one coaching session (--minutes, --insight and the other fields of session edit); "
       "two people without a pair get one"), tandem_cli_log },
  { "session", N_("list --executive ID"), N_("An executive's coaching sessions, one a line, the id first"),
    tandem_cli_session },
  { "session", N_("edit ID --FIELD VALUE"), N_("Correct a session: --date, --minutes, --tools, --data-used, --insight, "
                                               "--follow-ups, --confidence-before, --confidence-after, --private-note"),
    tandem_cli_session },
  { "session", N_("delete ID"), N_("Delete a session logged by mistake, with its follow-ups"), tandem_cli_session },
  { "backup", N_("--output FILE"), N_("Copy the database safely while it is in use"), cmd_backup },
  { "restore", N_("FILE"), N_("Replace the data with a backup's (the current data is backed up first)"),
    cmd_restore },
  { "copy", N_("--from DATABASE --to DATABASE"),
    N_("Move a whole organisation between a file and a team server, into an empty one"), tandem_cli_copy },
  { "check", "", N_("Check the database for damage"), cmd_check },
  { "server", N_("init"), N_("Make Tandem's schema, groups and row-level security in an empty PostgreSQL database "
                             "you own (--database postgresql://…)"), tandem_cli_server },
  { "server", N_("grant LOGIN --as manager|leader|member [--person ID]"),
    N_("Give a login its group; a member is one of the people"), tandem_cli_server },
};

/* Prints @text and the spaces that make it @width terminal columns wide,
 * counting a Chinese or Japanese character as two. */
void
tandem_cli_print_padded (FILE       *stream,
                         const char *text,
                         int         width)
{
  fputs (text, stream);
  for (int pad = width - tandem_output_width (text); pad > 0; pad--)
    fputc (' ', stream);
}

/* What a mistaken or empty command line gets: a few lines, not the wall. */
void
tandem_cli_print_short_usage (FILE *stream)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (i == 0 || !g_str_equal (commands[i].name, commands[i - 1].name))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", commands[i].name);
  fprintf (stream, "%s\n", _("Usage: tandem-cli [--database FILE] COMMAND [OPTIONS…]"));
  /* Translators: %s lists the commands, e.g. "demo, export, report" */
  fprintf (stream, _("Commands: %s\n"), names->str);
  fprintf (stream, "%s\n", _("“tandem-cli --help” describes every command, “tandem-cli COMMAND --help” its options."));
}

void
tandem_cli_print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: tandem-cli [--database FILE] COMMAND [OPTIONS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));

      /* A long synopsis puts its summary on a line of its own. */
      fputs ("  ", stream);
      if (tandem_output_width (left) > 36)
        fprintf (stream, "%s\n  ", left);
      tandem_cli_print_padded (stream, tandem_output_width (left) > 36 ? "" : left, 36);
      fprintf (stream, " %s\n", _(commands[i].summary));
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
  /* Each command's --help reads "tandem-cli [OPTION…] COMMAND …". */
  g_set_prgname ("tandem-cli");

  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          tandem_cli_print_usage (stdout);
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
            return tandem_cli_usage_error (_("--database needs a file name"));
          globals.database = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--database="))
        globals.database = arg + strlen ("--database=");
      else if (arg[0] == '-')
        return tandem_cli_usage_error (_("unknown option “%s”"), arg);
      else
        break;
    }

  if (globals.database != NULL && *globals.database == '\0')
    return tandem_cli_usage_error (_("--database needs a file name"));

  if (i >= argc)
    return tandem_cli_usage_error (_("no command given"));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&globals, argc - i, argv + i);

  return tandem_cli_usage_error (_("unknown command “%s”"), argv[i]);
}
