/* tandem-cli-private.h — what tandem-cli's command groups share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "tandem-store.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char *database;
} Globals;

int          tandem_cli_usage_error   (const char    *format,
                                       ...) G_GNUC_PRINTF (1, 2);
int          tandem_cli_fail          (const GError  *error);
TandemStore *tandem_cli_open_database (const char    *database,
                                       gboolean       may_create,
                                       GError       **error);
TandemStore *tandem_cli_open_store    (Globals       *globals,
                                       GError       **error);
TandemStore *tandem_cli_open_existing_store (Globals  *globals,
                                             GError  **error);
gboolean     tandem_cli_parse_options (const char    *command,
                                       const char    *parameters,
                                       GOptionEntry  *entries,
                                       int           *argc,
                                       char        ***argv,
                                       int           *out_status);
void         tandem_cli_print_short_usage (FILE        *stream);
void         tandem_cli_print_padded  (FILE          *stream,
                                       const char    *text,
                                       int            width);
void         tandem_cli_print_usage   (FILE          *stream);

int          tandem_cli_copy          (Globals       *globals,
                                       int            argc,
                                       char         **argv);
int          tandem_cli_server        (Globals       *globals,
                                       int            argc,
                                       char         **argv);
int          tandem_cli_log           (Globals       *globals,
                                       int            argc,
                                       char         **argv);
int          tandem_cli_export        (Globals       *globals,
                                       int            argc,
                                       char         **argv);
int          tandem_cli_report        (Globals       *globals,
                                       int            argc,
                                       char         **argv);
int          tandem_cli_session       (Globals       *globals,
                                       int            argc,
                                       char         **argv);

G_END_DECLS
