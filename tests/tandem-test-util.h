/* tandem-test-util.h — helpers the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tandem-import.h"
#include "tandem-store.h"

G_BEGIN_DECLS

char        *tandem_test_make_dir    (void);
void         tandem_test_remove_dir  (const char  *dir);
char        *tandem_test_checksum    (const char  *path);
void         tandem_test_write_file  (const char  *path,
                                      const void  *data,
                                      gsize        length);
char        *tandem_test_dump        (TandemStore *store);
TandemStore *tandem_test_demo_store  (const char  *path,
                                      guint32      seed);
GDate       *tandem_test_demo_today  (void);
gboolean     tandem_test_is_instrumented (void);
gboolean     tandem_test_report_has_problem (TandemImportReport *report,
                                             guint               line,
                                             const char         *column,
                                             const char         *reason);
void         tandem_test_make_v7     (TandemStore *store);
void         tandem_test_make_v6     (TandemStore *store);
void         tandem_test_make_v5     (TandemStore *store);
void         tandem_test_make_v4     (TandemStore *store);
void         tandem_test_make_v3_surveys (TandemStore *store);
void         tandem_test_set_database_maker (char *(*maker) (void));
char        *tandem_test_fresh_database  (const char  *dir,
                                          const char  *name);
gboolean     tandem_test_skip_on_server  (void);
void         tandem_test_check_versions  (TandemStore *a,
                                          TandemStore *b);

/* A stand-in for the desktop's notification server, under both names GLib
 * may send to (org.gtk.Notifications, org.freedesktop.Notifications): it
 * keeps the title and body of what it was sent. */
typedef struct
{
  guint  n_added;
  guint  n_removed;
  char  *title;
  char  *body;
} TandemFakeNotifications;

GDBusConnection *tandem_test_fake_notifications_start (TandemFakeNotifications *fake);

G_END_DECLS
