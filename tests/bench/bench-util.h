/* bench-util.h — timing what the benchmarks race
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BENCH_N_PEOPLE      100000
#define BENCH_N_ENROLLMENTS 500000
#define BENCH_N_PROGRAMS    12

double bench_seconds_since (gint64   start);
double bench_time_command  (char   **argv);
double bench_median        (double  *values,
                            guint    n);
void   bench_append_name        (GString    *text,
                                 GRand      *rand);
void   bench_shuffle            (guint32    *items,
                                 guint       n,
                                 GRand      *rand);
void   bench_write_organisation (const char *people,
                                 const char *enrollments);
void   bench_import_organisation (const char *db,
                                  const char *dir);
void   bench_remove_database    (const char *db);
double bench_shell_import       (const char *db,
                                 const char *path);

G_END_DECLS
