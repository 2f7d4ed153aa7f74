/* bench-util.h — timing what the benchmarks race
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_seconds_since (gint64   start);
double bench_time_command  (char   **argv);
double bench_median        (double  *values,
                            guint    n);

G_END_DECLS
