/* tandem-server.h — a team server: Tandem's record on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean tandem_server_is_uri        (const char  *database);
char    *tandem_server_describe      (const char  *uri);
gboolean tandem_server_has_password  (const char  *uri);
void     tandem_server_set_password  (const char  *uri,
                                      const char  *password);
char    *tandem_server_dup_password  (const char  *uri);
gboolean tandem_server_init   (const char  *uri,
                               GError     **error);
gboolean tandem_server_grant  (const char  *uri,
                               const char  *login,
                               const char  *group,
                               const char  *person_external_id,
                               GError     **error);

G_END_DECLS
