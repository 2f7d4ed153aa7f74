/* tandem-output.h — where a file Tandem writes really goes, and with what mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sys/types.h>

G_BEGIN_DECLS

gboolean tandem_output_resolve (const char  *path,
                                char       **out_target,
                                mode_t      *out_mode,
                                GError     **error);

char    *tandem_output_escape  (const char  *text);
int      tandem_output_width   (const char  *text);

G_END_DECLS
