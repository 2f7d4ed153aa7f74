/* fuzz-csv.c — libFuzzer: the CSV reader on any bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every record the reader hands over must be valid UTF-8 and every field
 * a NUL-terminated string; nothing else may happen than a clean FALSE.
 */
#include "config.h"

#include <string.h>

#include "tandem-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static gboolean
row_cb (guint       line,
        GPtrArray  *fields,
        gpointer    user_data,
        GError    **error)
{
  gsize *total = user_data;

  g_assert (line >= 1);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      g_assert (g_utf8_validate (field, -1, NULL));
      *total += strlen (field);
    }
  /* Stop now and then, as an importer does on a fatal problem. */
  return *total < 1u << 20;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  gsize total = 0;

  if (!tandem_csv_parse_data ((const char *)data, size, row_cb, &total, NULL, &error))
    g_assert (error != NULL);
  else
    g_assert (error == NULL);
  return 0;
}
