/* tandem-cli-session.c — list, correct and delete logged coaching sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tandem-cli-private.h"
#include "tandem-session.h"

/* One session a line, its id first, tab-separated; texts on one line. */
static void
print_session (TandemSession *session)
{
  g_autofree char *insight = g_strdup (tandem_session_get_insight (session));

  g_strdelimit (insight, "\t\r\n", ' ');
  printf ("%" G_GINT64_FORMAT "\t%s\t%d\t%s\n", tandem_session_get_id (session),
          tandem_session_get_held_on (session), MAX (tandem_session_get_minutes (session), 0), insight);
}

static int
session_list (Globals  *globals,
              int       argc,
              char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *executive = NULL;
  int status;
  GOptionEntry entries[] = {
    { "executive", 0, 0, G_OPTION_ARG_STRING, &executive, N_("The executive whose sessions to list"), N_("ID") },
    { NULL }
  };

  if (!tandem_cli_parse_options ("session list", "", entries, &argc, &argv, &status))
    return status;
  if (executive == NULL)
    return tandem_cli_usage_error (_("session list needs --executive ID"));
  if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
      !(sessions = tandem_session_list_for_executive (store, executive, &error)))
    return tandem_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(TandemSession) session = g_list_model_get_item (sessions, i);

      print_session (session);
    }
  return EXIT_OK;
}

static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 id;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_id = (gint64)id;
  return TRUE;
}

/* A session's fields as options, for log session and session edit. */
#define SESSION_FIELD_ENTRIES \
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day it was held"), N_("YYYY-MM-DD") }, \
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, N_("How long it lasted"), N_("N") }, \
    { "tools", 0, 0, G_OPTION_ARG_STRING, &tools, N_("What was tried"), N_("TEXT") }, \
    { "data-used", 0, 0, G_OPTION_ARG_STRING, &data_used, N_("On which data"), N_("TEXT") }, \
    { "insight", 0, 0, G_OPTION_ARG_STRING, &insight, N_("What was learned"), N_("TEXT") }, \
    { "follow-ups", 0, 0, G_OPTION_ARG_STRING, &follow_ups, N_("What to do next, one per line"), N_("TEXT") }, \
    { "confidence-before", 0, 0, G_OPTION_ARG_INT, &before, N_("1 to 5, or 0 for not rated"), N_("N") }, \
    { "confidence-after", 0, 0, G_OPTION_ARG_INT, &after, N_("1 to 5, or 0 for not rated"), N_("N") }, \
    { "private-note", 0, 0, G_OPTION_ARG_STRING, &private_note, N_("Notes that stay private"), N_("TEXT") }

static int
session_edit (Globals  *globals,
              int       argc,
              char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL, *tools = NULL, *data_used = NULL, *insight = NULL;
  g_autofree char *follow_ups = NULL, *private_note = NULL;
  int minutes = -2, before = -1, after = -1;
  TandemSessionDraft draft = { 0, };
  gint64 id;
  int status;
  GOptionEntry entries[] = { SESSION_FIELD_ENTRIES, { NULL } };

  if (!tandem_cli_parse_options ("session edit", "ID", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || !parse_id (argv[1], &id))
    return tandem_cli_usage_error (_("session edit needs the session's id: “session edit ID --FIELD VALUE”"));
  if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
      !(session = tandem_session_lookup (store, id, &error)))
    return tandem_cli_fail (error);

  /* What is not given stays as it was. */
  draft.pair_id = tandem_session_get_pair_id (session);
  draft.held_on = date ? date : tandem_session_get_held_on (session);
  draft.minutes = minutes != -2 ? minutes : tandem_session_get_minutes (session);
  draft.tools = tools ? tools : tandem_session_get_tools (session);
  draft.data_used = data_used ? data_used : tandem_session_get_data_used (session);
  draft.insight = insight ? insight : tandem_session_get_insight (session);
  draft.follow_ups = follow_ups ? follow_ups : tandem_session_get_follow_ups (session);
  draft.confidence_before = before >= 0 ? before : tandem_session_get_confidence_before (session);
  draft.confidence_after = after >= 0 ? after : tandem_session_get_confidence_after (session);
  draft.private_notes = private_note ? private_note : tandem_session_get_private_notes (session);
  if (!tandem_session_update (store, id, &draft, &error))
    return tandem_cli_fail (error);

  printf (_("Session %s corrected.\n"), argv[1]);
  return EXIT_OK;
}

static int
session_delete (Globals  *globals,
                int       argc,
                char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(TandemSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if (!tandem_cli_parse_options ("session delete", "ID", NULL, &argc, &argv, &status))
    return status;
  if (argc != 2 || !parse_id (argv[1], &id))
    return tandem_cli_usage_error (_("session delete needs the session's id: “session delete ID”"));
  if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
      !(session = tandem_session_lookup (store, id, &error)) ||
      !tandem_session_delete (store, id, NULL, &error))
    return tandem_cli_fail (error);

  printf (_("Session %s of %s deleted, with its follow-ups.\n"), argv[1], tandem_session_get_held_on (session));
  return EXIT_OK;
}

/* tandem-cli session list|edit|delete … */
int
tandem_cli_session (Globals  *globals,
                    int       argc,
                    char    **argv)
{
  int status = EXIT_OK;

  if (argc < 2)
    return tandem_cli_usage_error (_("session needs list, edit or delete"));
  /* "session --help" names the three, whose own --help lists their options. */
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      tandem_cli_parse_options ("session", "list --executive ID | edit ID --FIELD VALUE | delete ID", NULL,
                                &argc, &argv, &status);
      return status;
    }
  if (g_str_equal (argv[1], "list"))
    return session_list (globals, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "edit"))
    return session_edit (globals, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "delete"))
    return session_delete (globals, argc - 1, argv + 1);
  return tandem_cli_usage_error (_("session needs list, edit or delete, not “%s”"), argv[1]);
}

/* tandem-cli log session --executive ID --mentor ID --date YYYY-MM-DD …:
 * one session from a terminal, by the dialog's rules; two people without
 * a pair get one, as an import of sessions gives it. */
int
tandem_cli_log (Globals  *globals,
                int       argc,
                char    **argv)
{
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *executive = NULL, *mentor = NULL;
  g_autofree char *date = NULL, *tools = NULL, *data_used = NULL, *insight = NULL;
  g_autofree char *follow_ups = NULL, *private_note = NULL;
  int minutes = -1, before = 0, after = 0;
  TandemSessionDraft draft = { 0, };
  gboolean new_pair = FALSE;
  gint64 id;
  int status;
  GOptionEntry entries[] = {
    { "executive", 0, 0, G_OPTION_ARG_STRING, &executive, N_("The executive coached, by their external id"), N_("ID") },
    { "mentor", 0, 0, G_OPTION_ARG_STRING, &mentor, N_("The mentor, by their external id"), N_("ID") },
    SESSION_FIELD_ENTRIES,
    { NULL }
  };

  if (!tandem_cli_parse_options ("log", "session", entries, &argc, &argv, &status))
    return status;
  if (argc < 2 || !g_str_equal (argv[1], "session"))
    return tandem_cli_usage_error (_("log needs what to log: “log session --executive ID --mentor ID --date YYYY-MM-DD”"));
  if (argc > 2)
    return tandem_cli_usage_error (_("log session takes no further arguments, but was given “%s”"), argv[2]);
  if (executive == NULL || mentor == NULL || date == NULL)
    return tandem_cli_usage_error (_("log session needs --executive ID, --mentor ID and --date YYYY-MM-DD"));

  draft.held_on = date;
  draft.minutes = minutes;
  draft.tools = tools;
  draft.data_used = data_used;
  draft.insight = insight;
  draft.follow_ups = follow_ups;
  draft.confidence_before = before;
  draft.confidence_after = after;
  draft.private_notes = private_note;
  if (!(store = tandem_cli_open_existing_store (globals, &error)) ||
      (id = tandem_session_log (store, executive, mentor, &draft, &new_pair, &error)) == 0)
    return tandem_cli_fail (error);

  if (new_pair)
    printf (_("New mentoring pair: %s coached by %s.\n"), executive, mentor);
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    printf (_("Session %s logged.\n"), id_text);
  }
  return EXIT_OK;
}

