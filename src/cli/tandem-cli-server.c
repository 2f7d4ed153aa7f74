/* tandem-cli-server.c — prepare a team server and move to it: server init, server grant, copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tandem-cli-private.h"
#include "tandem-server.h"

/* The server named by --database or $TANDEM_DATABASE. */
static char *
server_uri (Globals *globals)
{
  g_autofree char *database = globals->database != NULL ? g_strdup (globals->database)
                                                        : tandem_store_dup_default_path ();

  return tandem_server_is_uri (database) ? g_steal_pointer (&database) : NULL;
}

static int
server_init (Globals  *globals,
             int       argc,
             char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  int status;

  if (!tandem_cli_parse_options ("server init", "", NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tandem_cli_usage_error (_("server init takes no arguments, but was given “%s”"), argv[1]);
  if ((uri = server_uri (globals)) == NULL)
    return tandem_cli_usage_error (_("server commands need a PostgreSQL database: --database postgresql://…"));
  if (!tandem_server_init (uri, &error))
    return tandem_cli_fail (error);

  printf ("%s\n", _("Tandem’s schema is ready, with the groups tandem_manager, tandem_leader and tandem_member. "
                    "Give each login its group with “tandem-cli server grant LOGIN --as GROUP”."));
  return EXIT_OK;
}

static int
server_grant (Globals  *globals,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *group = NULL;
  g_autofree char *person = NULL;
  int status;
  GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &group, N_("The login’s group: manager, leader or member"), N_("GROUP") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("A member: the person they are, by external id"), N_("ID") },
    { NULL }
  };

  if (!tandem_cli_parse_options ("server grant", "LOGIN", entries, &argc, &argv, &status))
    return status;
  if (argc != 2 || group == NULL)
    return tandem_cli_usage_error (_("server grant needs a login and its group: “server grant LOGIN --as "
                                     "manager|leader|member [--person ID]”"));
  if ((uri = server_uri (globals)) == NULL)
    return tandem_cli_usage_error (_("server commands need a PostgreSQL database: --database postgresql://…"));
  if (!tandem_server_grant (uri, argv[1], group, person, &error))
    return tandem_cli_fail (error);

  printf (_("%s is now a Tandem %s.\n"), argv[1], group);
  return EXIT_OK;
}

/* tandem-cli server init|grant … */
int
tandem_cli_server (Globals  *globals,
                   int       argc,
                   char    **argv)
{
  int status = EXIT_OK;

  if (argc < 2)
    return tandem_cli_usage_error (_("server needs init or grant"));
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      tandem_cli_parse_options ("server", "init | grant LOGIN --as GROUP [--person ID]", NULL, &argc, &argv, &status);
      return status;
    }
  if (g_str_equal (argv[1], "init"))
    return server_init (globals, argc - 1, argv + 1);
  if (g_str_equal (argv[1], "grant"))
    return server_grant (globals, argc - 1, argv + 1);
  return tandem_cli_usage_error (_("server needs init or grant, not “%s”"), argv[1]);
}

/* tandem-cli copy --from DATABASE --to DATABASE */
int
tandem_cli_copy (Globals  *globals,
                 int       argc,
                 char    **argv)
{
  g_autoptr(TandemStore) from_store = NULL;
  g_autoptr(TandemStore) to_store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean made;
  int status;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The organisation to copy: a file or postgresql://…"),
      N_("DATABASE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("Where to: a new file, or an empty server after server init"),
      N_("DATABASE") },
    { NULL }
  };

  if (!tandem_cli_parse_options ("copy", "", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return tandem_cli_usage_error (_("copy takes no arguments, but was given “%s”"), argv[1]);
  if (from == NULL || to == NULL || *from == '\0' || *to == '\0')
    return tandem_cli_usage_error (_("copy needs --from DATABASE and --to DATABASE"));
  if (g_str_equal (from, to))
    return tandem_cli_usage_error (_("copy needs two different databases"));

  /* A file made for the copy is not left behind, empty, when it fails. */
  made = !tandem_server_is_uri (to) && !g_file_test (to, G_FILE_TEST_EXISTS);
  if (!(from_store = tandem_cli_open_database (from, FALSE, &error)) ||
      !(to_store = tandem_cli_open_database (to, TRUE, &error)) ||
      !tandem_store_copy (from_store, to_store, NULL, &error))
    {
      g_clear_object (&to_store);
      if (made)
        tandem_store_remove_file (to);
      return tandem_cli_fail (error);
    }

  printf (_("Copied the organisation in %s to %s.\n"), from, to);
  return EXIT_OK;
}
