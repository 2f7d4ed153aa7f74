/* fuzz-import.c — libFuzzer: every importer on any file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the import (people, enrollments, sessions,
 * responses); the rest is the file. An import either succeeds or fails
 * with problems reported and the data untouched; it never crashes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tandem-import.h"
#include "tandem-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static TandemStore *store;
static char *csv_path;

static void
set_up (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-fuzz-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "fuzz.db", NULL);
  g_autoptr(GError) error = NULL;

  csv_path = g_build_filename (dir, "input.csv", NULL);
  store = tandem_store_open (db, &error);
  g_assert (store != NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GError) error = NULL;
  TandemImportKind kind;

  if (size < 1)
    return 0;
  if (store == NULL)
    set_up ();

  kind = data[0] % TANDEM_N_IMPORT_KINDS;
  g_assert (g_file_set_contents (csv_path, (const char *)data + 1, (gssize)size - 1, NULL));

  if (tandem_import_run (store, kind, csv_path, NULL, report, NULL, &error))
    {
      g_assert (error == NULL && report->n_problems == 0);
      /* Keep the database small between runs. */
      g_assert (tandem_store_clear (store, NULL));
    }
  else
    {
      /* A refused file is refused with its problems, or a reason. */
      g_assert (error != NULL);
      g_assert (report->n_problems > 0 || error->domain != TANDEM_STORE_ERROR);
    }
  return 0;
}
