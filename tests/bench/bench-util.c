/* bench-util.c — timing what the benchmarks race
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "bench-util.h"

double
bench_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The wall-clock time of one run of @argv, in seconds; -1 if it failed.
 * Descriptors are left open so that GLib starts the command with
 * posix_spawn(): a fork() would first copy this process's page tables,
 * hundreds of megabytes of them after an import, and add that time to
 * the yardstick's side of every race. */
double
bench_time_command (char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_LEAVE_DESCRIPTORS_OPEN |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1;
  return bench_seconds_since (start);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of @n values; sorts them in place. */
double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, -1);

  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}
