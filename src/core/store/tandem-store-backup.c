/* tandem-store-backup.c — copies of the database: backups, restores, the automatic ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-output.h"
#include "tandem-store-engine.h"

/* Automatic backups are named <file>.<reason>-<UTC stamp>.bak; only these
 * are ever removed, never a backup someone named. */
#define AUTO_BACKUP_PATTERN "^\\.(v[0-9]+|before-restore)-[0-9]{8}T[0-9]{6}Z\\.bak$"

static int compare_backup_stamps (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data);

/* Keeps the newest TANDEM_STORE_AUTO_BACKUPS automatic backups of @path,
 * and @keep (nullable) whatever its age: the file a restore read. */
static void
prune_automatic_backups (const char *path,
                         const char *keep)
{
  g_autofree char *kept = keep != NULL ? g_canonicalize_filename (keep, NULL) : NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GRegex) pattern = g_regex_new (AUTO_BACKUP_PATTERN, 0, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, base) && g_regex_match (pattern, name + strlen (base), 0, NULL))
      g_ptr_array_add (found, g_strdup (name));

  /* The stamp sorts by time within a reason; compare the stamps alone. */
  g_ptr_array_sort_with_data (found, compare_backup_stamps, NULL);
  for (guint i = TANDEM_STORE_AUTO_BACKUPS; i < found->len; i++)
    {
      g_autofree char *old = g_build_filename (dir, g_ptr_array_index (found, i), NULL);
      g_autofree char *canonical = g_canonicalize_filename (old, NULL);

      if (g_strcmp0 (canonical, kept) != 0)
        g_unlink (old);
    }
}


static int
compare_backup_stamps (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const char *sa = strrchr (*(char * const *)a, '-');
  const char *sb = strrchr (*(char * const *)b, '-');

  return -g_strcmp0 (sa, sb);   /* newest first */
}


/* Copies the database aside before something that changes it wholesale. */
gboolean
tandem_store_backup_automatically (TandemStore  *self,
                                   const char   *reason,
                                   GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *backup = g_strdup_printf ("%s.%s-%s.bak", self->path, reason, stamp);

  return tandem_store_backup (self, backup, error);
}

/* Removes automatic backups past the newest few, once what made them has
 * succeeded, and never @keep (nullable): a failed restore or migration
 * leaves every backup there was. */
void
tandem_store_prune_backups (TandemStore *self,
                            const char  *keep)
{
  prune_automatic_backups (self->path, keep);
}


/* A finished backup in @tmp takes the place of @target (@destination, as
 * the user named it); a failure leaves what was there. */
static gboolean
rename_into_place (const char  *tmp,
                   const char  *target,
                   const char  *destination,
                   GError     **error)
{
  if (g_rename (tmp, target) != 0)
    {
      int saved = errno;

      tandem_store_remove_file (tmp);
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("The backup could not be saved as “%s”: %s."),
                   destination, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Restores a checked backup file into a team server, which must be empty:
 * no file of the server's to set aside first, so nothing is replaced. The
 * backup is read from a copy (an older one is brought up to date there),
 * and is itself left as it was. */
static gboolean
restore_into_server (TandemStore  *self,
                     const char   *source,
                     GError      **error)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-restore-XXXXXX", error);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(TandemStore) file = NULL;
  gboolean ok;

  if (dir == NULL)
    return FALSE;
  copy = g_build_filename (dir, "restore.db", NULL);
  from = g_file_new_for_path (source);
  to = g_file_new_for_path (copy);
  ok = g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error) &&
       (file = tandem_store_open_existing (copy, error)) != NULL &&
       tandem_store_copy (file, self, NULL, error);
  g_clear_object (&file);

  /* The copy and any automatic backup its update made. */
  tandem_store_remove_temp_dir (dir);
  return ok;
}

/**
 * tandem_store_backup:
 * @destination: the file to write; replaced atomically when it exists
 *
 * Copies the live database with SQLite's online backup API into a temporary
 * file beside @destination, then renames it into place: a backup that fails
 * halfway never replaces a good one. A team server's organisation is copied
 * row for row into a new file of the same schema (tandem_store_copy()).
 */
gboolean
tandem_store_backup (TandemStore  *self,
                     const char   *destination,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  mode_t mode;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Through a link to its file, never over a pipe or a device; a backup
   * holds private notes, so it is readable by its owner alone whatever
   * the file it replaces allowed. */
  if (!tandem_output_resolve (destination, &target, &mode, &local_error))
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED, local_error->message);
      return FALSE;
    }
  tmp = g_strconcat (target, ".partial", NULL);
  g_unlink (tmp);
  if (!tandem_store_create_private_file (tmp, error))
    return FALSE;

  /* A team server's organisation, copied row for row into a new file. */
  if (tandem_store_is_server (self))
    {
      g_autoptr(TandemStore) file = tandem_store_open (tmp, error);

      if (file == NULL || !tandem_store_copy (self, file, NULL, error))
        {
          g_clear_object (&file);
          tandem_store_remove_file (tmp);
          return FALSE;
        }
      g_clear_object (&file);
      return rename_into_place (tmp, target, destination, error);
    }

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* Every page in one step, from one snapshot: copied a few
           * pages at a time, the backup started over at each write of
           * another connection, and never ended while one wrote every
           * few hundred milliseconds. Busy is waited out, within bounds. */
          guint tries = 0;

          do
            {
              rc = sqlite3_backup_step (backup, -1);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 200);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, dest, rc, destination);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (dest);
  return rename_into_place (tmp, target, destination, error);
}


/**
 * tandem_store_restore:
 * @source: a backup of a Tandem database
 *
 * Replaces everything in the store with what @source holds, through
 * SQLite's backup API, after checking that @source is a sound Tandem
 * database no newer than this version, and after copying the current
 * data aside as an automatic backup (so a restore can itself be undone).
 * @source is only read. An older backup is brought up to date. A team
 * server is only ever restored into when it holds no organisation yet.
 */
gboolean
tandem_store_restore (TandemStore  *self,
                      const char   *source,
                      GError      **error)
{
  sqlite3 *src = NULL;
  sqlite3_backup *backup;
  g_autofree char *resized = NULL;
  gint64 app_id = 0, version = 0, source_page = 0, page = 0;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("There is no backup “%s”. Choose another file."), source);
      return FALSE;
    }

  rc = sqlite3_open_v2 (source, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK && tandem_store_read_int (src, "PRAGMA application_id", &app_id, &rc))
    tandem_store_read_int (src, "PRAGMA user_version", &version, &rc);
  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, src, rc, source);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  if (app_id != TANDEM_STORE_APPLICATION_ID)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN,
                   _("“%s” is not a Tandem backup; nothing was restored."), source);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  if (version > TANDEM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer Tandem; update Tandem to restore it. Nothing was restored."),
                   source);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  {
    gint64 sound = 0;

    if (!tandem_store_read_int (src, "SELECT 'ok' = (SELECT integrity_check FROM pragma_integrity_check LIMIT 1)", &sound, &rc) ||
        !sound)
      {
        g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged; nothing was restored. Choose another backup."), source);
        sqlite3_close_v2 (src);
        return FALSE;
      }
  }

  if (tandem_store_is_server (self))
    {
      sqlite3_close_v2 (src);
      return restore_into_server (self, source, error);
    }

  if (!tandem_store_backup_automatically (self, "before-restore", error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }

  /* SQLite copies pages as they are, and into a file in WAL mode only
   * from one with pages of the same size: a backup of a file made by
   * another version of Tandem (4 KiB pages, or 16) is first copied
   * beside this one with this one's page size. */
  if (tandem_store_read_int (src, "PRAGMA page_size", &source_page, &rc) &&
      tandem_store_read_int (self->db, "PRAGMA page_size", &page, &rc) &&
      source_page != page)
    {
      /* PRAGMAs take no parameters: one statement per size SQLite has. */
      static const char * const page_size_sql[] = {
        "PRAGMA page_size = 512", "PRAGMA page_size = 1024", "PRAGMA page_size = 2048",
        "PRAGMA page_size = 4096", "PRAGMA page_size = 8192", "PRAGMA page_size = 16384",
        "PRAGMA page_size = 32768", "PRAGMA page_size = 65536",
      };
      guint order = 0;
      sqlite3_stmt *copy = NULL;

      while (order < G_N_ELEMENTS (page_size_sql) - 1 && 512 << order < page)
        order++;
      resized = g_strconcat (self->path, ".restoring", NULL);
      tandem_store_remove_file (resized);
      rc = sqlite3_exec (src, page_size_sql[order], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2 (src, "VACUUM INTO ?1", -1, &copy, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (copy, 1, resized, -1, SQLITE_STATIC);
          rc = sqlite3_step (copy) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (src);
          sqlite3_finalize (copy);
        }
      sqlite3_close_v2 (src);
      src = NULL;
      if (rc == SQLITE_OK)
        rc = sqlite3_open_v2 (resized, &src, SQLITE_OPEN_READONLY, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TANDEM_STORE_ERROR,
                   rc == SQLITE_FULL ? TANDEM_STORE_ERROR_FULL : TANDEM_STORE_ERROR_READ_ONLY,
                   _("The backup “%s” could not be copied beside “%s” to be restored (%s); nothing was "
                     "restored. Check that the folder is writable and has room, then try again."),
                   source, self->path, sqlite3_errstr (rc));
      sqlite3_close_v2 (src);
      if (resized != NULL)
        tandem_store_remove_file (resized);
      return FALSE;
    }

  backup = sqlite3_backup_init (self->db, "main", src, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (self->db);
  else
    {
      do
        rc = sqlite3_backup_step (backup, -1);
      while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish (backup);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_close_v2 (src);
  if (resized != NULL)
    tandem_store_remove_file (resized);
  if (rc != SQLITE_OK)
    {
      tandem_store_set_sqlite_error (error, self->db, rc, self->path);
      return FALSE;
    }

  self->schema_version = (int)version;
  if (!tandem_store_migrate (self, source, error))
    return FALSE;
  tandem_store_prune_backups (self, source);
  return TRUE;
}

/**
 * tandem_store_remove_file:
 * @path: a database file that is not to be kept
 *
 * Removes @path and what SQLite keeps beside it (its -wal, -shm and
 * -journal), as after a copy into a new file that failed.
 */
void
tandem_store_remove_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}
