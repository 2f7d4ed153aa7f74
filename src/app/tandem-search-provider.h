/* tandem-search-provider.h — GNOME Shell's search finds people, programs
 * and "log a session" in Tandem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_SEARCH_PROVIDER (tandem_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (TandemSearchProvider, tandem_search_provider, TANDEM, SEARCH_PROVIDER, GObject)

TandemSearchProvider *tandem_search_provider_new      (GApplication          *application);
gboolean              tandem_search_provider_export   (TandemSearchProvider  *self,
                                                       GDBusConnection       *connection,
                                                       const char            *object_path,
                                                       GError               **error);
void                  tandem_search_provider_unexport (TandemSearchProvider  *self);

G_END_DECLS
