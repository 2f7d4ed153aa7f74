/* test-store.c — opening, creating, migrating and refusing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tandem-import.h"
#include "tandem-stats.h"
#include <sqlite3.h>

#include "tandem-store-private.h"
#include "tandem-store-watch.h"
#include "tandem-test-util.h"

static gint64
query_int (TandemStore *store,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  tandem_store_query_int (store, sql, &value, &error);
  g_assert_no_error (error);
  return value;
}

static void
test_store_create (void)
{
  static const char * const tables[] = {
    "department", "role", "person", "program", "program_role", "program_topic",
    "enrollment", "mentoring_pair", "coaching_session", "survey_wave", "survey_item",
    "survey_response",
  };
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "nested", "tandem.db", NULL);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;
  GStatBuf st;

  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (tandem_store_get_schema_version (store), ==, TANDEM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, TANDEM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, TANDEM_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master"
                                              " WHERE type = 'table' AND name = '%s'", tables[i]);

      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (query_int (store, sql), ==, 1);
    }

  /* The survey_response table holds no person, by design. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM pragma_table_info('survey_response')"
                                     " WHERE name LIKE '%person%'"), ==, 0);

  g_assert_true (tandem_store_is_empty (store, &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
test_store_reopen (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 7);
  g_autofree char *before = tandem_test_dump (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_clear_object (&store);
  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  after = tandem_test_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* An up-to-date file needs no migration, so no backup is made. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".bak"));

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
assert_refused (const char       *path,
                TandemStoreError  code)
{
  g_autofree char *before = tandem_test_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = tandem_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, (int)code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("refused: %s", error->message);

  after = tandem_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_store_refuse_junk (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guchar random[4096];
  static const char sqlite2[] = "** This file contains an SQLite 2.1 database **";
  static const char csv[] = "external_id,name,email\nE1,Ada,ada@example.com\n";

  for (guint i = 0; i < sizeof random; i++)
    random[i] = (guchar)g_rand_int_range (rand, 0, 256);

  {
    const struct { const char *name; const void *data; gsize length; } cases[] = {
      { "random.db", random, sizeof random },
      { "short.db", "SQLite", 6 },
      { "sqlite2.db", sqlite2, sizeof sqlite2 - 1 },
      { "people.csv", csv, sizeof csv - 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);

        g_test_message ("case %s", cases[i].name);
        tandem_test_write_file (path, cases[i].data, cases[i].length);
        assert_refused (path, TANDEM_STORE_ERROR_NOT_DATABASE);
      }
  }

  /* A valid header followed by garbage: damaged, not ours to repair. */
  {
    g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
    guchar damaged[4096];

    memcpy (damaged, random, sizeof damaged);
    memcpy (damaged, "SQLite format 3", 16);
    tandem_test_write_file (path, damaged, sizeof damaged);
    {
      g_autofree char *before = tandem_test_checksum (path);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemStore) store = tandem_store_open (path, &error);

      g_assert_null (store);
      g_assert_nonnull (error);
      after = tandem_test_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
  }

  tandem_test_remove_dir (dir);
}

static void
make_raw_database (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_store_refuse_newer (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE person (id INTEGER PRIMARY KEY);"
                                          "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          TANDEM_STORE_APPLICATION_ID,
                                          TANDEM_STORE_SCHEMA_VERSION + 1);

  make_raw_database (path, sql);
  assert_refused (path, TANDEM_STORE_ERROR_TOO_NEW);
  tandem_test_remove_dir (dir);
}

static void
test_store_refuse_foreign (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *other_app = g_build_filename (dir, "other-app.db", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.db", NULL);

  make_raw_database (other_app, "CREATE TABLE t (x); PRAGMA application_id = 1234;");
  assert_refused (other_app, TANDEM_STORE_ERROR_FOREIGN);

  make_raw_database (plain, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused (plain, TANDEM_STORE_ERROR_FOREIGN);

  tandem_test_remove_dir (dir);
}

static void
test_store_empty_file (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A zero-byte file is an empty SQLite database: Tandem may claim it. */
  tandem_test_write_file (path, "", 0);
  store = tandem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tandem_store_get_schema_version (store), ==, TANDEM_STORE_SCHEMA_VERSION);

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static void
test_store_backup_and_check (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 3);
  g_autoptr(TandemStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *original = NULL;
  g_autofree char *restored = NULL;
  GStatBuf st;

  g_assert_true (tandem_store_check (store, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report, ==, "ok");

  g_assert_true (tandem_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = tandem_store_open (backup, &error);
  g_assert_no_error (error);
  original = tandem_test_dump (store);
  restored = tandem_test_dump (copy);
  g_assert_cmpstr (original, ==, restored);

  /* A backup that cannot be written (its folder would be a file) fails
   * with an error and leaves no partial file behind. */
  {
    g_autofree char *under_file = g_build_filename (path, "b.db", NULL);
    g_autofree char *partial = g_strconcat (under_file, ".partial", NULL);

    g_assert_false (tandem_store_backup (store, under_file, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&store);
  g_clear_object (&copy);
  tandem_test_remove_dir (dir);
}

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_suffix (name, suffix);
  return n;
}

/* Restoring puts back exactly what the backup holds, keeps what was there
 * as an automatic backup, and never touches the backup itself; files that
 * are not sound Tandem backups are refused and change nothing. */
static void
test_store_restore (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "mine.bak", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.bak", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *at_backup = NULL;
  g_autofree char *backup_sum = NULL;
  g_autofree char *after_restore = NULL;
  gint64 people = 0;

  g_assert_true (tandem_store_backup (store, backup, &error));
  at_backup = tandem_test_dump (store);
  backup_sum = tandem_test_checksum (backup);
  g_assert_true (tandem_store_exec (store, "DELETE FROM enrollment; DELETE FROM coaching_session;", &error));

  g_assert_true (tandem_store_restore (store, backup, &error));
  g_assert_no_error (error);
  after_restore = tandem_test_dump (store);
  g_assert_cmpstr (after_restore, ==, at_backup);
  {
    g_autofree char *sum = tandem_test_checksum (backup);

    g_assert_cmpstr (sum, ==, backup_sum);
  }
  g_assert_cmpuint (count_files (dir, ".bak"), ==, 2);   /* mine.bak and the one before the restore */

  /* Not a Tandem file, not a database: refused, nothing changed. */
  make_raw_database (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  g_assert_false (tandem_store_restore (store, foreign, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN);
  g_clear_error (&error);
  tandem_test_write_file (junk, "SQLite format 3\0 and then nothing useful at all", 48);
  g_assert_false (tandem_store_restore (store, junk, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tandem_store_restore (store, "/nonexistent/backup.db", &error));
  g_clear_error (&error);
  g_clear_pointer (&after_restore, g_free);
  after_restore = tandem_test_dump (store);
  g_assert_cmpstr (after_restore, ==, at_backup);

  /* Only the newest automatic backups are kept; a backup someone named stays. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *old = g_strdup_printf ("%s.v2-2020010%uT120000Z.bak", path, i + 1);

      tandem_test_write_file (old, "x", 1);
    }
  g_assert_true (tandem_store_restore (store, backup, &error));
  g_assert_cmpuint (count_files (dir, "Z.bak"), ==, TANDEM_STORE_AUTO_BACKUPS);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  {
    g_autofree char *newest_old = g_strdup_printf ("%s.v2-20200105T120000Z.bak", path);
    g_autofree char *oldest = g_strdup_printf ("%s.v2-20200101T120000Z.bak", path);

    g_assert_true (g_file_test (newest_old, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  }
  g_assert_true (tandem_store_query_int (store, "SELECT count (*) FROM person", &people, &error));
  g_assert_cmpint (people, >, 0);

  /* Restoring the oldest automatic backup makes a newer one; the pruning
   * that follows must not delete the very file restored from. */
  {
    g_autofree char *oldest = g_strdup_printf ("%s.v3-20190101T120000Z.bak", path);

    g_assert_true (tandem_store_backup (store, oldest, &error));
    g_assert_cmpuint (count_files (dir, "Z.bak"), ==, TANDEM_STORE_AUTO_BACKUPS + 1);
    g_assert_true (tandem_store_restore (store, oldest, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (oldest, G_FILE_TEST_EXISTS));
    g_assert_true (tandem_store_restore (store, oldest, &error));
    g_assert_true (g_file_test (oldest, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

static gint64
page_size (TandemStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 size = 0;

  g_assert_true (tandem_store_query_int (store, "PRAGMA page_size", &size, &error));
  return size;
}

/* A new file gets TANDEM_STORE_PAGE_SIZE; a file made before with
 * SQLite's 4 KiB pages keeps them. A backup of either restores into
 * either (SQLite alone refuses pages of another size into a WAL file),
 * and the copy made on the way is gone afterwards. */
static void
test_store_page_sizes (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *old_backup = g_build_filename (dir, "old.bak", NULL);
  g_autofree char *new_backup = g_build_filename (dir, "new.bak", NULL);
  g_autofree char *resized = g_strconcat (new_path, ".restoring", NULL);
  g_autoptr(TandemStore) old = NULL;
  g_autoptr(TandemStore) new = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_dump = NULL;
  g_autofree char *new_dump = NULL;

  make_raw_database (old_path, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;"
                               "CREATE TABLE t (x); DROP TABLE t;");
  old = tandem_test_demo_store (old_path, 3);
  new = tandem_test_demo_store (new_path, 5);
  g_assert_cmpint (page_size (old), ==, 4096);
  g_assert_cmpint (page_size (new), ==, TANDEM_STORE_PAGE_SIZE);

  g_assert_true (tandem_store_backup (old, old_backup, &error));
  g_assert_true (tandem_store_backup (new, new_backup, &error));
  old_dump = tandem_test_dump (old);
  new_dump = tandem_test_dump (new);
  g_assert_cmpstr (old_dump, !=, new_dump);

  g_assert_true (tandem_store_restore (new, old_backup, &error));
  g_assert_no_error (error);
  {
    g_autofree char *dump = tandem_test_dump (new);

    g_assert_cmpstr (dump, ==, old_dump);
  }
  g_assert_cmpint (page_size (new), ==, TANDEM_STORE_PAGE_SIZE);
  g_assert_false (g_file_test (resized, G_FILE_TEST_EXISTS));

  g_assert_true (tandem_store_restore (old, new_backup, &error));
  g_assert_no_error (error);
  {
    g_autofree char *dump = tandem_test_dump (old);

    g_assert_cmpstr (dump, ==, new_dump);
  }
  g_assert_cmpint (page_size (old), ==, 4096);

  g_clear_object (&old);
  g_clear_object (&new);
  tandem_test_remove_dir (dir);
}

/* kill -9 during a checkpoint: the file's header already counts the pages
 * the write-ahead log still holds. SQLite recovers it; Tandem must not
 * call it cut short and send its user to an older backup. */
static void
test_store_checkpoint_interrupted (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "live.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *copy_wal = g_build_filename (dir, "crashed.db-wal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_contents = NULL;
  g_autoptr(TandemStore) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, wal_length;
  sqlite3 *db = NULL;
  gint64 people = 0;
  guint32 pages;

  g_clear_object (&(TandemStore *){ tandem_test_demo_store (path, 4) });

  /* A writer adds a thousand people that stay in the log. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA wal_autocheckpoint = 0;"
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                                 " INSERT INTO person (name, email) SELECT 'Person ' || i, 'p' || i || '@x' FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_get_contents (wal, &wal_contents, &wal_length, NULL));
  sqlite3_close (db);
  g_assert_cmpuint (wal_length, >, 32 * 1024);

  /* The crash: page 1 says the file is now a third longer than it is. */
  pages = GUINT32_FROM_BE (*(guint32 *)(void *)(contents + 28));
  *(guint32 *)(void *)(contents + 28) = GUINT32_TO_BE (pages + pages / 3 + 1);
  memcpy (contents + 92, contents + 24, 4);   /* "valid for" this change counter */
  tandem_test_write_file (copy, contents, length);
  tandem_test_write_file (copy_wal, wal_contents, wal_length);

  again = tandem_store_open (copy, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_query_int (again, "SELECT count (*) FROM person", &people, &error));
  g_assert_cmpint (people, ==, 1200 + 1000);

  g_clear_object (&again);
  tandem_test_remove_dir (dir);
}

/* The database, its WAL and its backups are for their owner's eyes only. */
static void
test_store_private_files (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  mode_t old = umask (0);   /* even with a careless umask */
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 5);
  const char *files[] = { path, wal, shm };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      GStatBuf st;

      g_test_message ("%s", files[i]);
      g_assert_cmpint (g_stat (files[i], &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  umask (old);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* A file cut short is refused before SQLite reads it, and left as it was. */
static void
test_store_truncated (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) again = NULL;
  gsize length;

  g_clear_object (&(TandemStore *){ tandem_test_demo_store (path, 9) });
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  tandem_test_write_file (path, contents, length / 2);
  before = tandem_test_checksum (path);

  again = tandem_store_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "cut short"));
  after = tandem_test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  tandem_test_remove_dir (dir);
}

/* ----- a disk that fills up: an SQLite VFS whose writes fail ----- */

static sqlite3_vfs *real_vfs;
static gboolean disk_full;

typedef struct
{
  sqlite3_file         base;
  sqlite3_file        *real;
} FullFile;

static int
full_close (sqlite3_file *f)
{
  FullFile *ff = (FullFile *)f;
  int rc = ff->real->pMethods != NULL ? ff->real->pMethods->xClose (ff->real) : SQLITE_OK;

  sqlite3_free (ff->real);
  return rc;
}

static int
full_read (sqlite3_file  *f,
           void          *b,
           int            n,
           sqlite3_int64  o)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xRead (ff->real, b, n, o);
}

static int
full_write (sqlite3_file  *f,
            const void    *b,
            int            n,
            sqlite3_int64  o)
{
  FullFile *ff = (FullFile *)f;

  return disk_full ? SQLITE_FULL : ff->real->pMethods->xWrite (ff->real, b, n, o);
}

static int
full_truncate (sqlite3_file  *f,
               sqlite3_int64  size)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xTruncate (ff->real, size);
}

static int
full_sync (sqlite3_file *f,
           int           flags)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xSync (ff->real, flags);
}

static int
full_size (sqlite3_file  *f,
           sqlite3_int64 *size)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xFileSize (ff->real, size);
}

static int
full_lock (sqlite3_file *f,
           int           l)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xLock (ff->real, l);
}

static int
full_unlock (sqlite3_file *f,
             int           l)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xUnlock (ff->real, l);
}

static int
full_check (sqlite3_file *f,
            int          *out)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xCheckReservedLock (ff->real, out);
}

static int
full_control (sqlite3_file *f,
              int           op,
              void         *arg)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xFileControl (ff->real, op, arg);
}

static int
full_sector (sqlite3_file *f)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xSectorSize (ff->real);
}

static int
full_caps (sqlite3_file *f)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xDeviceCharacteristics (ff->real);
}

static int
full_shm_map (sqlite3_file   *f,
              int             i,
              int             sz,
              int             e,
              void volatile **p)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xShmMap (ff->real, i, sz, e, p);
}

static int
full_shm_lock (sqlite3_file *f,
               int           o,
               int           n,
               int           fl)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xShmLock (ff->real, o, n, fl);
}

static void
full_shm_barrier (sqlite3_file *f)
{
  FullFile *ff = (FullFile *)f;

  ff->real->pMethods->xShmBarrier (ff->real);
}

static int
full_shm_unmap (sqlite3_file *f,
                int           d)
{
  FullFile *ff = (FullFile *)f;

  return ff->real->pMethods->xShmUnmap (ff->real, d);
}


static const sqlite3_io_methods full_methods = {
  2, full_close, full_read, full_write, full_truncate, full_sync, full_size, full_lock, full_unlock,
  full_check, full_control, full_sector, full_caps, full_shm_map, full_shm_lock, full_shm_barrier,
  full_shm_unmap, NULL, NULL,
};

static int
full_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  FullFile *ff = (FullFile *)file;
  int rc;

  ff->real = sqlite3_malloc (real_vfs->szOsFile);
  memset (ff->real, 0, (size_t)real_vfs->szOsFile);
  rc = real_vfs->xOpen (real_vfs, name, ff->real, flags, out_flags);
  ff->base.pMethods = rc == SQLITE_OK ? &full_methods : NULL;
  if (rc != SQLITE_OK)
    sqlite3_free (ff->real);
  return rc;
}

/* Every import that cannot be written says the disk is full, and leaves
 * the data and the file as they were. */
static void
test_store_disk_full (void)
{
  static sqlite3_vfs full_vfs;
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "tandem.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemImportReport) report = tandem_import_report_new ();
  g_autoptr(GString) rows = g_string_new ("external_id,name,email,department,role,level,champion,tool_access\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *check = NULL;

  real_vfs = sqlite3_vfs_find (NULL);
  full_vfs = *real_vfs;
  full_vfs.zName = "tandem-test-full";
  full_vfs.szOsFile = sizeof (FullFile);
  full_vfs.xOpen = full_open;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);

  store = tandem_test_demo_store (path, 11);
  before = tandem_test_dump (store);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (rows, "F-%u,Full %u,,Ops,Clerk,individual_contributor,no,no\n", i, i);
  tandem_test_write_file (csv, rows->str, rows->len);

  disk_full = TRUE;
  g_assert_false (tandem_import_run (store, TANDEM_IMPORT_PEOPLE, csv, NULL, report, NULL, &error));
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "is full"));
  g_clear_error (&error);
  disk_full = FALSE;

  after = tandem_test_dump (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (tandem_store_check (store, &check, &error));

  /* Space again: the same import goes through. */
  g_assert_true (tandem_import_run (store, TANDEM_IMPORT_PEOPLE, csv, NULL, report, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  sqlite3_vfs_unregister (&full_vfs);
  tandem_test_remove_dir (dir);
}

static void
test_store_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("TANDEM_DATABASE", "/somewhere/else.db", TRUE);
  path = tandem_store_dup_default_path ();
  g_assert_cmpstr (path, ==, "/somewhere/else.db");
  g_free (path);

  g_unsetenv ("TANDEM_DATABASE");
  path = tandem_store_dup_default_path ();
  g_assert_true (g_str_has_suffix (path, "/tandem/tandem.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to read-only files");
      return;
    }

  dir = tandem_test_make_dir ();
  path = g_build_filename (dir, "tandem.db", NULL);
  store = tandem_test_demo_store (path, 1);
  g_clear_object (&store);
  g_chmod (path, 0400);
  before = tandem_test_checksum (path);

  store = tandem_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY);
  after = tandem_test_checksum (path);
  g_assert_cmpstr (before, ==, after);

  g_chmod (path, 0600);
  tandem_test_remove_dir (dir);
}

typedef struct
{
  const char    *path;
  volatile gint  stop;
  guint          writes;
} Writer;

static gpointer
write_often (gpointer data)
{
  Writer *writer = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (writer->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  while (!g_atomic_int_get (&writer->stop))
    {
      if (sqlite3_exec (db, "UPDATE person SET email = email WHERE id = 1;"
                            "INSERT INTO department (name) VALUES (hex (randomblob (8)));", NULL, NULL, NULL) == SQLITE_OK)
        writer->writes++;
      g_usleep (200);
    }
  sqlite3_close (db);
  return NULL;
}

/* A backup finishes while another process writes every few milliseconds;
 * copied a few pages at a time it started over at every write, forever. */
static void
test_store_backup_while_writing (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "busy.bak", NULL);
  g_autoptr(TandemStore) store = tandem_test_demo_store (path, 6);
  g_autoptr(TandemStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  Writer writer = { path, 0, 0 };
  GThread *thread = NULL;
  gint64 people = 0;

  /* Large enough to take several steps of a few hundred pages. */
  g_assert_true (tandem_store_exec (store,
                                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                                    " INSERT INTO department (name) SELECT hex (randomblob (400)) FROM n",
                                    &error));
  thread = g_thread_new ("writer", write_often, &writer);
  while (writer.writes < 5)
    g_usleep (1000);
  g_assert_true (tandem_store_backup (store, backup, &error));
  g_assert_no_error (error);
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);

  copy = tandem_store_open (backup, &error);
  g_assert_no_error (error);
  g_assert_true (tandem_store_query_int (copy, "SELECT count (*) FROM person", &people, &error));
  g_assert_cmpint (people, ==, 1200);

  g_clear_object (&copy);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

/* Another program's database, with writes still in its log: Tandem looks
 * and refuses without replaying the log or making a -shm file. */
static void
test_store_foreign_untouched (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *live = g_build_filename (dir, "other.db", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *live_wal = g_strconcat (live, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *wal_contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *wal_before = NULL;
  g_autoptr(TandemStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, wal_length;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (live, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; CREATE TABLE notes (x);"
                                     "PRAGMA wal_checkpoint (TRUNCATE); PRAGMA wal_autocheckpoint = 0;"
                                     "INSERT INTO notes VALUES ('still in the log');", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (g_file_get_contents (live, &contents, &length, NULL));
  g_assert_true (g_file_get_contents (live_wal, &wal_contents, &wal_length, NULL));
  sqlite3_close (db);
  g_assert_cmpuint (wal_length, >, 32);
  tandem_test_write_file (path, contents, length);
  tandem_test_write_file (wal, wal_contents, wal_length);
  before = tandem_test_checksum (path);
  wal_before = tandem_test_checksum (wal);

  store = tandem_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN);
  {
    g_autofree char *after = tandem_test_checksum (path);
    g_autofree char *wal_after = tandem_test_checksum (wal);

    g_assert_cmpstr (after, ==, before);
    g_assert_cmpstr (wal_after, ==, wal_before);
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }

  tandem_test_remove_dir (dir);
}

static void
count_changed_cb (TandemStoreWatch   *watch,
                  const char * const *tables,
                  guint              *n)
{
  g_assert_null (tables);   /* a file says only that something changed */
  (*n)++;
}

static gboolean
stop_waiting_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, or until *@n reaches @until. */
static void
run_until (guint *n,
           guint  until,
           guint  ms)
{
  gboolean done = FALSE;
  guint timeout = g_timeout_add (ms, stop_waiting_cb, &done);

  while (!done && *n < until)
    g_main_context_iteration (NULL, TRUE);
  if (!done)
    g_source_remove (timeout);
}

/* Live updates on a file: another program's commit (tandem-cli importing
 * while the window is open) reaches a watch on the file; the store's own
 * commits do not. */
static void
test_store_watch_file (void)
{
  g_autofree char *dir = tandem_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "watched.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TandemStore) store = tandem_store_open (path, &error);
  g_autoptr(TandemStore) other = tandem_store_open (path, &error);
  g_autoptr(TandemStoreWatch) watch = NULL;
  guint n = 0;

  g_assert_no_error (error);
  watch = tandem_store_watch_new (store);
  g_signal_connect (watch, "changed", G_CALLBACK (count_changed_cb), &n);

  g_assert_true (tandem_store_exec (other, "INSERT INTO department (name) VALUES ('Ops')", &error));
  run_until (&n, 1, 10000);
  g_assert_cmpuint (n, ==, 1);

  /* Its own: nothing told, even after a while. */
  g_assert_true (tandem_store_exec (store, "INSERT INTO department (name) VALUES ('Sales')", &error));
  run_until (&n, 2, 1500);
  g_assert_cmpuint (n, ==, 1);

  g_assert_true (tandem_store_exec (other, "DELETE FROM department WHERE name = 'Ops'", &error));
  g_assert_no_error (error);
  run_until (&n, 2, 10000);
  g_assert_cmpuint (n, ==, 2);

  g_clear_object (&watch);
  g_clear_object (&other);
  g_clear_object (&store);
  tandem_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/store/create", test_store_create);
  g_test_add_func ("/tandem/store/reopen", test_store_reopen);
  g_test_add_func ("/tandem/store/empty-file", test_store_empty_file);
  g_test_add_func ("/tandem/store/refuse-junk", test_store_refuse_junk);
  g_test_add_func ("/tandem/store/refuse-newer", test_store_refuse_newer);
  g_test_add_func ("/tandem/store/refuse-foreign", test_store_refuse_foreign);
  g_test_add_func ("/tandem/store/read-only", test_store_read_only);
  g_test_add_func ("/tandem/store/backup-and-check", test_store_backup_and_check);
  g_test_add_func ("/tandem/store/default-path", test_store_default_path);
  g_test_add_func ("/tandem/store/restore", test_store_restore);
  g_test_add_func ("/tandem/store/page-sizes", test_store_page_sizes);
  g_test_add_func ("/tandem/store/private-files", test_store_private_files);
  g_test_add_func ("/tandem/store/truncated", test_store_truncated);
  g_test_add_func ("/tandem/store/checkpoint-interrupted", test_store_checkpoint_interrupted);
  g_test_add_func ("/tandem/store/backup-while-writing", test_store_backup_while_writing);
  g_test_add_func ("/tandem/store/foreign-untouched", test_store_foreign_untouched);
  g_test_add_func ("/tandem/store/disk-full", test_store_disk_full);
  g_test_add_func ("/tandem/store/watch-file", test_store_watch_file);

  return g_test_run ();
}
