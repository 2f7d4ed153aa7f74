/* tandem-cli-server.c — prepare a team server: server init, server grant
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
