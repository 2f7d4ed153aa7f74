/* tandem-test-pg.h — a throwaway PostgreSQL cluster for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

gboolean    tandem_test_pg_start   (void);
void        tandem_test_pg_stop    (void);
const char *tandem_test_pg_dir     (void);
void        tandem_test_pg_attach  (const char *dir);
char       *tandem_test_pg_uri     (const char *database,
                                    const char *user);
PGconn     *tandem_test_pg_connect (const char *database,
                                    const char *user);
void        tandem_test_pg_ok      (PGconn     *conn,
                                    const char *sql);
void        tandem_test_pg_refused (PGconn     *conn,
                                    const char *sql,
                                    const char *why);
char       *tandem_test_pg_value   (PGconn     *conn,
                                    const char *sql);

int         tandem_test_pg_run     (void);
int         tandem_test_pg_run_all (int         argc,
                                    char      **argv);
char       *tandem_test_pg_new_database (void);

G_END_DECLS
