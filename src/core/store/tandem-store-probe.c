/* tandem-store-probe.c — looking at a file before Tandem opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that is not Tandem's (another program's SQLite database, a
 * spreadsheet, a file cut short) must come out exactly as it went in: its
 * first bytes are read by hand, and then SQLite reads it read-only and
 * immutable, or reads a copy when a write-ahead log holds newer pages.
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tandem-store-engine.h"

/* Whether @path has a write-ahead log with frames in it. */
static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 32;   /* more than its header */
}

/* Looks at the first bytes of an existing file without letting SQLite touch
 * it: a file that is not SQLite at all must come out byte-for-byte as it went
 * in. */
gboolean
tandem_store_check_header (const char  *path,
                           gboolean    *out_exists,
                           GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  GStatBuf st;
  guchar header[100];
  int fd;
  gssize n;

  *out_exists = FALSE;

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot read “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }

  *out_exists = TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tandem database. Choose another file; this one was left unchanged."),
                   path);
      return FALSE;
    }

  /* SQLite treats an empty file as an empty database. */
  if (st.st_size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot read “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize)sizeof magic || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tandem database. Choose another file; this one was left unchanged."),
                   path);
      return FALSE;
    }

  /* A file cut short (a copy that did not finish, a full disk) is shorter
   * than its header says; SQLite would only notice on reading the missing
   * pages. The header's size counts when its “valid for” stamp matches.
   * Not while a write-ahead log holds pages: a checkpoint stopped halfway
   * (a crash, kill -9) leaves the file short and the log whole, and SQLite
   * recovers it on opening; what SQLite then finds damaged is damaged. */
  if (n == (gssize)sizeof header && has_wal (path))
    return TRUE;
  if (n == (gssize)sizeof header)
    {
      guint32 page_size = (guint32)header[16] << 8 | header[17];
      guint32 change_counter = GUINT32_FROM_BE (*(guint32 *)(void *)(header + 24));
      guint32 n_pages = GUINT32_FROM_BE (*(guint32 *)(void *)(header + 28));
      guint32 valid_for = GUINT32_FROM_BE (*(guint32 *)(void *)(header + 92));

      if (page_size == 1)
        page_size = 65536;
      if (valid_for == change_counter && n_pages > 0 && (guint64)st.st_size < (guint64)n_pages * page_size)
        {
          g_autofree char *has = g_format_size ((guint64)st.st_size);
          g_autofree char *needs = g_format_size ((guint64)n_pages * page_size);

          /* Translators: the sizes are like "12.3 kB" */
          g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT,
                       _("The database “%s” is damaged: it is cut short (%s of %s). Restore it from a backup; "
                         "the file was left unchanged."),
                       path, has, needs);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: it is cut short. Restore it from a backup; the file was "
                     "left unchanged."), path);
      return FALSE;
    }

  return TRUE;
}

/* Reads what identifies a database: its application id, schema version
 * and number of objects, through @uri opened read-only. */
static int
read_identity (const char *uri,
               gint64     *out_app_id,
               gint64     *out_version,
               gint64     *out_objects)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK &&
      tandem_store_read_int (db, "PRAGMA application_id", out_app_id, &rc) &&
      tandem_store_read_int (db, "PRAGMA user_version", out_version, &rc) &&
      *out_app_id != TANDEM_STORE_APPLICATION_ID)
    tandem_store_read_int (db, "SELECT count(*) FROM sqlite_master", out_objects, &rc);
  sqlite3_close_v2 (db);
  return rc;
}

static char *
file_uri (const char *path,
          const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, TRUE);

  return g_strconcat ("file:", escaped, query, NULL);
}


/* A folder of Tandem's own making for a while, emptied and removed. */
void
tandem_store_remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* Identifies a file whose log holds pages its main file lacks, from a copy
 * of both that SQLite may recover: the file itself is not touched. */
static int
read_identity_of_copy (const char *path,
                       gint64     *out_app_id,
                       gint64     *out_version,
                       gint64     *out_objects)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-probe-XXXXXX", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *uri = NULL;
  int rc = SQLITE_CANTOPEN;

  if (dir == NULL)
    return rc;
  copy = g_build_filename (dir, "probe.db", NULL);
  {
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = g_file_new_for_path (copy);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
    g_autoptr(GFile) from_wal = g_file_new_for_path (wal);
    g_autoptr(GFile) to_wal = g_file_new_for_path (copy_wal);

    if (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL) &&
        g_file_copy (from_wal, to_wal, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL))
      {
        uri = file_uri (copy, "");
        rc = read_identity (uri, out_app_id, out_version, out_objects);
      }
  }
  tandem_store_remove_temp_dir (dir);
  return rc;
}

/* Looks at an existing file through SQLite read-only and immutable: no
 * write-ahead log is replayed, no -wal or -shm made, until the file is
 * known to be Tandem's and writable. */
gboolean
tandem_store_probe_existing (const char  *path,
                             GError     **error)
{
  g_autofree char *uri = file_uri (path, "?immutable=1");
  g_autofree char *dir = g_path_get_dirname (path);
  gint64 app_id = 0, version = 0, n_objects = 0;
  GStatBuf st;
  int rc;

  if (g_stat (path, &st) == 0 && st.st_size == 0)
    return TRUE;   /* SQLite's empty database: nothing to inspect */

  rc = read_identity (uri, &app_id, &version, &n_objects);
  /* The header alone could not tell, and a log holds newer pages. */
  if (app_id == 0 && has_wal (path))
    rc = read_identity_of_copy (path, &app_id, &version, &n_objects);
  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, NULL, rc, path);
      return FALSE;
    }

  if ((app_id != 0 && app_id != TANDEM_STORE_APPLICATION_ID) ||
      (app_id == 0 && (version != 0 || n_objects != 0)))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not Tandem’s. It was left unchanged."),
                   path);
      return FALSE;
    }
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot write to “%s”. Check that the file and its folder are writable."), path);
      return FALSE;
    }
  return TRUE;
}
