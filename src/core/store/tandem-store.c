/* tandem-store.c — the SQLite file behind everything Tandem knows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tandem-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tandem-store-private.h"

struct _TandemStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (TandemStore, tandem_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tandem-store-error-quark, tandem_store_error)

/* Every migration runs in one transaction after a backup of the file.
 * Migration N brings the schema from version N-1 to N; never edit one that
 * has shipped, add the next instead. */
static const char migration_1[] =
  "CREATE TABLE department ("
  "  id    INTEGER PRIMARY KEY,"
  "  name  TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0)"
  ");"
  "CREATE TABLE role ("
  "  id        INTEGER PRIMARY KEY,"
  "  name      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0),"
  "  level     TEXT NOT NULL"
  "            CHECK (level IN ('executive', 'manager', 'individual_contributor')),"
  "  function  TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE person ("
  "  id               INTEGER PRIMARY KEY,"
  "  external_id      TEXT UNIQUE,"
  "  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  email            TEXT NOT NULL DEFAULT '',"
  "  role_id          INTEGER REFERENCES role (id) ON DELETE SET NULL,"
  "  department_id    INTEGER REFERENCES department (id) ON DELETE SET NULL,"
  "  is_champion      INTEGER NOT NULL DEFAULT 0 CHECK (is_champion IN (0, 1)),"
  "  has_tool_access  INTEGER NOT NULL DEFAULT 0 CHECK (has_tool_access IN (0, 1)),"
  "  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"
  "CREATE INDEX person_role ON person (role_id);"
  "CREATE INDEX person_department ON person (department_id);"
  "CREATE INDEX person_name ON person (name COLLATE NOCASE);"
  "CREATE TABLE program ("
  "  id           INTEGER PRIMARY KEY,"
  "  title        TEXT NOT NULL UNIQUE CHECK (length (trim (title)) > 0),"
  "  description  TEXT NOT NULL DEFAULT '',"
  "  format       TEXT NOT NULL DEFAULT 'workshop'"
  "               CHECK (format IN ('workshop', 'self_paced', 'coaching', 'briefing')),"
  "  starts_on    TEXT CHECK (starts_on IS NULL OR date (starts_on) = starts_on),"
  "  ends_on      TEXT CHECK (ends_on IS NULL OR date (ends_on) = ends_on),"
  "  owner_id     INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  capacity     INTEGER CHECK (capacity IS NULL OR capacity > 0)"
  ");"
  "CREATE TABLE program_role ("
  "  program_id  INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,"
  "  role_id     INTEGER NOT NULL REFERENCES role (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (program_id, role_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE program_topic ("
  "  program_id  INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,"
  "  topic       TEXT NOT NULL CHECK (topic IN ('basics', 'ethics', 'practical_applications',"
  "                                             'prompt_literacy', 'data_literacy', 'governance')),"
  "  PRIMARY KEY (program_id, topic)"
  ") WITHOUT ROWID;"
  "CREATE TABLE enrollment ("
  "  id            INTEGER PRIMARY KEY,"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  program_id    INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,"
  "  status        TEXT NOT NULL DEFAULT 'invited'"
  "                CHECK (status IN ('invited', 'enrolled', 'in_progress', 'completed', 'dropped')),"
  "  invited_on    TEXT CHECK (invited_on IS NULL OR date (invited_on) = invited_on),"
  "  enrolled_on   TEXT CHECK (enrolled_on IS NULL OR date (enrolled_on) = enrolled_on),"
  "  completed_on  TEXT CHECK (completed_on IS NULL OR date (completed_on) = completed_on),"
  "  UNIQUE (person_id, program_id)"
  ");"
  "CREATE INDEX enrollment_program ON enrollment (program_id, status);"
  "CREATE TABLE mentoring_pair ("
  "  id            INTEGER PRIMARY KEY,"
  "  executive_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  mentor_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  started_on    TEXT NOT NULL CHECK (date (started_on) = started_on),"
  "  cadence_days  INTEGER NOT NULL DEFAULT 14 CHECK (cadence_days BETWEEN 1 AND 365),"
  "  goals         TEXT NOT NULL DEFAULT '',"
  "  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  ended_on      TEXT CHECK (ended_on IS NULL OR date (ended_on) = ended_on),"
  "  CHECK (executive_id <> mentor_id)"
  ");"
  "CREATE INDEX mentoring_pair_executive ON mentoring_pair (executive_id);"
  "CREATE INDEX mentoring_pair_mentor ON mentoring_pair (mentor_id);"
  "CREATE TABLE coaching_session ("
  "  id                 INTEGER PRIMARY KEY,"
  "  pair_id            INTEGER NOT NULL REFERENCES mentoring_pair (id) ON DELETE CASCADE,"
  "  held_on            TEXT NOT NULL CHECK (date (held_on) = held_on),"
  "  minutes            INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 0 AND 1440),"
  "  topics             TEXT NOT NULL DEFAULT '',"
  "  tools_tried        TEXT NOT NULL DEFAULT '',"
  "  data_used          TEXT NOT NULL DEFAULT '',"
  "  insight            TEXT NOT NULL DEFAULT '',"
  "  follow_ups         TEXT NOT NULL DEFAULT '',"
  "  confidence_before  INTEGER CHECK (confidence_before IS NULL OR confidence_before BETWEEN 1 AND 5),"
  "  confidence_after   INTEGER CHECK (confidence_after IS NULL OR confidence_after BETWEEN 1 AND 5),"
  "  private_notes      TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX coaching_session_pair ON coaching_session (pair_id, held_on);"
  "CREATE TABLE survey_wave ("
  "  id          INTEGER PRIMARY KEY,"
  "  title       TEXT NOT NULL UNIQUE CHECK (length (trim (title)) > 0),"
  "  fielded_on  TEXT NOT NULL CHECK (date (fielded_on) = fielded_on)"
  ");"
  /* Leaders (executives and managers) and ICs are asked differently worded
   * items on the same dimension; audience says which. */
  "CREATE TABLE survey_item ("
  "  id         INTEGER PRIMARY KEY,"
  "  wave_id    INTEGER NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,"
  "  dimension  TEXT NOT NULL CHECK (dimension IN ('optimism', 'resources', 'transparency')),"
  "  audience   TEXT NOT NULL CHECK (audience IN ('leaders', 'individual_contributors')),"
  "  wording    TEXT NOT NULL,"
  "  UNIQUE (wave_id, dimension, audience)"
  ");"
  /* Anonymous on purpose: no person column, ever. */
  "CREATE TABLE survey_response ("
  "  id             INTEGER PRIMARY KEY,"
  "  item_id        INTEGER NOT NULL REFERENCES survey_item (id) ON DELETE CASCADE,"
  "  level          TEXT NOT NULL"
  "                 CHECK (level IN ('executive', 'manager', 'individual_contributor')),"
  "  role_id        INTEGER REFERENCES role (id) ON DELETE SET NULL,"
  "  department_id  INTEGER REFERENCES department (id) ON DELETE SET NULL,"
  "  score          INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5)"
  ");"
  "CREATE INDEX survey_response_item ON survey_response (item_id, level);";

/* Follow-ups become items of their own, so an open one is carried from
 * session to session until someone ticks it off. The text column of
 * coaching_session keeps what was typed; existing lines become open items. */
static const char migration_2[] =
  "CREATE TABLE follow_up ("
  "  id          INTEGER PRIMARY KEY,"
  "  session_id  INTEGER NOT NULL REFERENCES coaching_session (id) ON DELETE CASCADE,"
  "  text        TEXT NOT NULL CHECK (length (trim (text)) > 0),"
  "  done_on     TEXT CHECK (done_on IS NULL OR date (done_on) = done_on)"
  ");"
  "CREATE INDEX follow_up_session ON follow_up (session_id);"
  "WITH RECURSIVE split (session_id, line, rest) AS ("
  "  SELECT id, '', follow_ups || char (10) FROM coaching_session WHERE follow_ups <> ''"
  "  UNION ALL"
  "  SELECT session_id, substr (rest, 1, instr (rest, char (10)) - 1),"
  "         substr (rest, instr (rest, char (10)) + 1)"
  "    FROM split WHERE rest <> ''"
  ")"
  "INSERT INTO follow_up (session_id, text)"
  "  SELECT session_id, trim (line) FROM split WHERE trim (line) <> '';";

/* SQLite checks "x IN (a, b, c, ...)" of more than two constants by
 * building a temporary b-tree on every insert, which made bulk imports a
 * quarter slower; a chain of comparisons says the same at no cost. No
 * table refers to enrollment, so it can be rebuilt in place. */
static const char migration_3[] =
  "CREATE TABLE enrollment_v3 ("
  "  id            INTEGER PRIMARY KEY,"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  program_id    INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,"
  "  status        TEXT NOT NULL DEFAULT 'invited'"
  "                CHECK (status = 'invited' OR status = 'enrolled' OR status = 'in_progress'"
  "                       OR status = 'completed' OR status = 'dropped'),"
  "  invited_on    TEXT CHECK (invited_on IS NULL OR date (invited_on) = invited_on),"
  "  enrolled_on   TEXT CHECK (enrolled_on IS NULL OR date (enrolled_on) = enrolled_on),"
  "  completed_on  TEXT CHECK (completed_on IS NULL OR date (completed_on) = completed_on),"
  "  UNIQUE (person_id, program_id)"
  ");"
  "INSERT INTO enrollment_v3 (id, person_id, program_id, status, invited_on, enrolled_on, completed_on)"
  "  SELECT id, person_id, program_id, status, invited_on, enrolled_on, completed_on FROM enrollment;"
  "DROP TABLE enrollment;"
  "ALTER TABLE enrollment_v3 RENAME TO enrollment;"
  "CREATE INDEX enrollment_program ON enrollment (program_id, status);";

/* A response becomes one row per respondent, as survey tools export them:
 * each dimension's score in its own column, empty when not answered. The
 * items keep the wording each audience was shown. Existing item-level
 * rows each become a respondent who answered that one item, which keeps
 * every share exactly as it was.
 *
 * survey_tally holds, per wave, dimension and level, how many answered
 * and how many favourably, overall and per department and role, so the
 * reports and charts never scan a million responses. Only
 * tandem_survey_tally_flush() and this migration write it. */
static const char migration_4[] =
  "CREATE TABLE survey_response_v4 ("
  "  id             INTEGER PRIMARY KEY,"
  "  wave_id        INTEGER NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,"
  "  level          TEXT NOT NULL"
  "                 CHECK (level = 'executive' OR level = 'manager' OR level = 'individual_contributor'),"
  "  role_id        INTEGER REFERENCES role (id) ON DELETE SET NULL,"
  "  department_id  INTEGER REFERENCES department (id) ON DELETE SET NULL,"
  "  optimism       INTEGER CHECK (optimism BETWEEN 1 AND 5),"
  "  resources      INTEGER CHECK (resources BETWEEN 1 AND 5),"
  "  transparency   INTEGER CHECK (transparency BETWEEN 1 AND 5)"
  ");"
  "INSERT INTO survey_response_v4 (wave_id, level, role_id, department_id,"
  "                                optimism, resources, transparency)"
  "  SELECT i.wave_id, r.level, r.role_id, r.department_id,"
  "         CASE i.dimension WHEN 'optimism' THEN r.score END,"
  "         CASE i.dimension WHEN 'resources' THEN r.score END,"
  "         CASE i.dimension WHEN 'transparency' THEN r.score END"
  "    FROM survey_response r JOIN survey_item i ON i.id = r.item_id"
  "   ORDER BY r.id;"
  "DROP TABLE survey_response;"
  "ALTER TABLE survey_response_v4 RENAME TO survey_response;"
  "CREATE INDEX survey_response_wave ON survey_response (wave_id);"
  "CREATE TABLE survey_tally ("
  "  wave_id     INTEGER NOT NULL REFERENCES survey_wave (id) ON DELETE CASCADE,"
  "  dimension   TEXT NOT NULL,"
  "  level       TEXT NOT NULL,"
  "  grouping    TEXT NOT NULL CHECK (grouping = 'all' OR grouping = 'department' OR grouping = 'role'),"
  "  group_id    INTEGER NOT NULL,"    /* 0: everyone, or no department/role */
  "  answered    INTEGER NOT NULL,"
  "  favourable  INTEGER NOT NULL,"
  "  PRIMARY KEY (wave_id, dimension, level, grouping, group_id)"
  ") WITHOUT ROWID;"
  "WITH d (dimension) AS (VALUES ('optimism'), ('resources'), ('transparency')),"
  "     s AS (SELECT r.wave_id, d.dimension, r.level,"
  "                  coalesce (r.department_id, 0) AS department_id, coalesce (r.role_id, 0) AS role_id,"
  "                  CASE d.dimension WHEN 'optimism' THEN r.optimism"
  "                                   WHEN 'resources' THEN r.resources"
  "                                   ELSE r.transparency END AS score"
  "             FROM survey_response r, d)"
  "INSERT INTO survey_tally"
  "  SELECT wave_id, dimension, level, 'all', 0, count (score), count (*) FILTER (WHERE score >= 4)"
  "    FROM s GROUP BY wave_id, dimension, level HAVING count (score) > 0"
  "  UNION ALL"
  "  SELECT wave_id, dimension, level, 'department', department_id, count (score),"
  "         count (*) FILTER (WHERE score >= 4)"
  "    FROM s GROUP BY wave_id, dimension, level, department_id HAVING count (score) > 0"
  "  UNION ALL"
  "  SELECT wave_id, dimension, level, 'role', role_id, count (score), count (*) FILTER (WHERE score >= 4)"
  "    FROM s GROUP BY wave_id, dimension, level, role_id HAVING count (score) > 0;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TANDEM_STORE_SCHEMA_VERSION);

/* What tandem_store_clear() runs: every table emptied, children before parents. */
static const char * const data_tables[] = {
  "DELETE FROM survey_tally", "DELETE FROM survey_response", "DELETE FROM survey_item",
  "DELETE FROM survey_wave", "DELETE FROM follow_up", "DELETE FROM coaching_session",
  "DELETE FROM mentoring_pair", "DELETE FROM enrollment", "DELETE FROM program_topic",
  "DELETE FROM program_role", "DELETE FROM program", "DELETE FROM person", "DELETE FROM role",
  "DELETE FROM department",
};

static void
tandem_store_finalize (GObject *object)
{
  TandemStore *self = (TandemStore *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (tandem_store_parent_class)->finalize (object);
}

static void
tandem_store_class_init (TandemStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_store_finalize;
}

static void
tandem_store_init (TandemStore *self)
{
}

static TandemStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return TANDEM_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return TANDEM_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TANDEM_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return TANDEM_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return TANDEM_STORE_ERROR_FULL;
    default:
      return TANDEM_STORE_ERROR_FAILED;
    }
}

static void
set_error_for_rc (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *path)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  TandemStoreError code = error_code_for_sqlite (rc);

  switch (code)
    {
    case TANDEM_STORE_ERROR_NOT_DATABASE:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("“%s” is not a Tandem database. Choose another file; this one was left unchanged."),
                   path);
      break;
    case TANDEM_STORE_ERROR_CORRUPT:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   path, detail);
      break;
    case TANDEM_STORE_ERROR_BUSY:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("The database “%s” is in use by another program. Close it and try again."),
                   path);
      break;
    case TANDEM_STORE_ERROR_READ_ONLY:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("Tandem cannot write to “%s”. Check that the file and its folder are writable."),
                   path);
      break;
    case TANDEM_STORE_ERROR_FULL:
      g_set_error (error, TANDEM_STORE_ERROR, code,
                   _("The disk holding “%s” is full. Free some space and try again; nothing was changed."),
                   path);
      break;
    case TANDEM_STORE_ERROR_FOREIGN:
    case TANDEM_STORE_ERROR_TOO_NEW:
    case TANDEM_STORE_ERROR_NOT_EMPTY:
    case TANDEM_STORE_ERROR_INVALID:
    case TANDEM_STORE_ERROR_FAILED:
    default:
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("The database “%s” could not be used: %s."), path, detail);
      break;
    }
}

void
tandem_store_set_error (TandemStore  *self,
                        int           rc,
                        GError      **error)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  set_error_for_rc (error, self->db, rc, self->path);
}

static gboolean
read_pragma_int (sqlite3     *db,
                 const char  *sql,
                 gint64      *out_value,
                 int         *out_rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      *out_rc = rc == SQLITE_DONE ? SQLITE_ERROR : rc;
      return FALSE;
    }

  *out_value = sqlite3_column_int64 (stmt, 0);
  *out_rc = SQLITE_OK;
  return TRUE;
}

/* Looks at the first bytes of an existing file without letting SQLite touch
 * it: a file that is not SQLite at all must come out byte-for-byte as it went
 * in. */
static gboolean
check_header (const char  *path,
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
   * pages. The header's size counts when its “valid for” stamp matches. */
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

/* Creates a new, empty database file readable by its owner only, so that
 * SQLite (which copies the mode to the -wal and -shm files) never exposes it. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot create the folder “%s”: %s."), dir, g_strerror (errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_READ_ONLY,
                   _("Tandem cannot create “%s”: %s."), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *path,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_for_rc (error, db, rc, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean tandem_store_migrate (TandemStore  *self,
                                      GError      **error);

/* Automatic backups are named <file>.<reason>-<UTC stamp>.bak; only these
 * are ever removed, never a backup someone named. */
#define AUTO_BACKUP_PATTERN "^\\.(v[0-9]+|before-restore)-[0-9]{8}T[0-9]{6}Z\\.bak$"

static int compare_backup_stamps (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data);

/* Keeps the newest TANDEM_STORE_AUTO_BACKUPS automatic backups of @path. */
static void
prune_automatic_backups (const char *path)
{
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
static gboolean
backup_automatically (TandemStore  *self,
                      const char   *reason,
                      GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *backup = g_strdup_printf ("%s.%s-%s.bak", self->path, reason, stamp);

  if (!tandem_store_backup (self, backup, error))
    return FALSE;
  prune_automatic_backups (self->path);
  return TRUE;
}

static gboolean
tandem_store_migrate (TandemStore  *self,
                      GError      **error)
{
  int from = self->schema_version;

  g_assert (from <= TANDEM_STORE_SCHEMA_VERSION);

  if (from == TANDEM_STORE_SCHEMA_VERSION)
    return TRUE;

  /* A database that already holds a schema is copied aside first, so a
   * migration that goes wrong can always be undone by hand. */
  if (from > 0)
    {
      g_autofree char *reason = g_strdup_printf ("v%d", from);

      if (!backup_automatically (self, reason, error))
        return FALSE;
    }

  if (!tandem_store_begin (self, error))
    return FALSE;

  for (int version = from + 1; version <= TANDEM_STORE_SCHEMA_VERSION; version++)
    {
      if (!tandem_store_exec (self, migrations[version - 1], error))
        {
          tandem_store_rollback (self);
          return FALSE;
        }
    }

  /* PRAGMAs cannot take bound parameters: the values are spelled into the
   * literal at compile time. */
  if (!tandem_store_exec (self,
                          "PRAGMA application_id = " G_STRINGIFY (TANDEM_STORE_APPLICATION_ID) ";"
                          "PRAGMA user_version = " G_STRINGIFY (TANDEM_STORE_SCHEMA_VERSION) ";",
                          error) ||
      !tandem_store_commit (self, error))
    {
      tandem_store_rollback (self);
      return FALSE;
    }

  self->schema_version = TANDEM_STORE_SCHEMA_VERSION;
  return TRUE;
}

/**
 * tandem_store_dup_default_path:
 *
 * Returns: (transfer full): `$TANDEM_DATABASE` when set, otherwise
 *   `$XDG_DATA_HOME/tandem/tandem.db`.
 */
char *
tandem_store_dup_default_path (void)
{
  const char *env = g_getenv ("TANDEM_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "tandem", "tandem.db", NULL);
}

/**
 * tandem_store_open:
 * @path: the database file; created (mode 0600) when it does not exist
 * @error: a location for a #GError
 *
 * Opens a Tandem database and brings its schema up to date. A file that is
 * not SQLite, belongs to another program, or was written by a newer Tandem is
 * refused and left exactly as it was.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TandemStore *
tandem_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(TandemStore) self = NULL;
  gboolean exists;
  gint64 app_id = 0;
  gint64 version = 0;
  gint64 n_objects = 0;
  int rc;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_header (path, &exists, error))
    return NULL;
  if (!exists && !create_private_file (path, error))
    return NULL;

  self = g_object_new (TANDEM_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (error, self->db, rc, path);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  /* Only reads until we know the file is ours: nothing may be written to a
   * foreign or newer database, not even the WAL flag in its header. */
  if (!read_pragma_int (self->db, "PRAGMA application_id", &app_id, &rc) ||
      !read_pragma_int (self->db, "PRAGMA user_version", &version, &rc) ||
      !read_pragma_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, &rc))
    {
      set_error_for_rc (error, self->db, rc, path);
      return NULL;
    }

  if ((app_id != 0 && app_id != TANDEM_STORE_APPLICATION_ID) ||
      (app_id == 0 && (version != 0 || n_objects != 0)))
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not Tandem’s. It was left unchanged."),
                   path);
      return NULL;
    }

  if (version > TANDEM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tandem (schema %d; this version knows %d). "
                     "Update Tandem to open it; the file was left unchanged."),
                   path, (int)version, TANDEM_STORE_SCHEMA_VERSION);
      return NULL;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_error_for_rc (error, self->db, SQLITE_READONLY, path);
      return NULL;
    }

  self->schema_version = (int)version;

  if (!exec_sql (self->db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA secure_delete = ON;",
                 path, error))
    return NULL;

  if (!tandem_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tandem_store_get_path (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return self->path;
}

int
tandem_store_get_schema_version (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), -1);

  return self->schema_version;
}

sqlite3 *
tandem_store_get_db (TandemStore *self)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
tandem_store_prepare (TandemStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (error, self->db, rc, self->path);
      return NULL;
    }

  return stmt;
}

gboolean
tandem_store_exec (TandemStore  *self,
                   const char   *sql,
                   GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  return exec_sql (self->db, sql, self->path, error);
}

gboolean
tandem_store_begin (TandemStore  *self,
                    GError      **error)
{
  return tandem_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
tandem_store_commit (TandemStore  *self,
                     GError      **error)
{
  return tandem_store_exec (self, "COMMIT", error);
}

/* Savepoints nest inside a transaction or open one: a write that is whole
 * on its own can also be one step of an import. */
gboolean
tandem_store_savepoint (TandemStore  *self,
                        GError      **error)
{
  return tandem_store_exec (self, "SAVEPOINT tandem", error);
}

gboolean
tandem_store_release (TandemStore  *self,
                      GError      **error)
{
  return tandem_store_exec (self, "RELEASE tandem", error);
}

void
tandem_store_rollback_savepoint (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  sqlite3_exec (self->db, "ROLLBACK TO tandem; RELEASE tandem", NULL, NULL, NULL);
}

void
tandem_store_rollback (TandemStore *self)
{
  g_return_if_fail (TANDEM_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Sets a validation error, the kind that says in words what to correct.
 * Returns FALSE (and so 0), to return straight away. */
gboolean
tandem_store_set_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Steps a statement that returns no rows and resets it for reuse. */
gboolean
tandem_store_step_done (TandemStore   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error_for_rc (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_store_query_int (TandemStore  *self,
                        const char   *sql,
                        gint64       *out_value,
                        GError      **error)
{
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!read_pragma_int (self->db, sql, out_value, &rc))
    {
      set_error_for_rc (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

const char *
tandem_stmt_get_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/**
 * tandem_store_is_empty:
 *
 * An empty store holds no people, programs, pairs or survey waves: the state
 * in which the app offers the demo organisation.
 */
gboolean
tandem_store_is_empty (TandemStore  *self,
                       gboolean     *out_empty,
                       GError      **error)
{
  gint64 any = 0;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_empty != NULL, FALSE);

  if (!tandem_store_query_int (self,
                               "SELECT EXISTS (SELECT 1 FROM person)"
                               "    OR EXISTS (SELECT 1 FROM program)"
                               "    OR EXISTS (SELECT 1 FROM department)"
                               "    OR EXISTS (SELECT 1 FROM role)"
                               "    OR EXISTS (SELECT 1 FROM survey_wave)",
                               &any, error))
    return FALSE;

  *out_empty = any == 0;
  return TRUE;
}

/**
 * tandem_store_clear:
 *
 * Deletes every row of every table in one transaction. Callers that go on to
 * write (the demo's --replace) open their own transaction first, so a failure
 * later on brings the old data back.
 */
gboolean
tandem_store_clear (TandemStore  *self,
                    GError      **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (data_tables); i++)
    if (!tandem_store_exec (self, data_tables[i], error))
      return FALSE;
  return TRUE;
}

/**
 * tandem_store_backup:
 * @destination: the file to write; replaced atomically when it exists
 *
 * Copies the live database with SQLite's online backup API into a temporary
 * file beside @destination, then renames it into place: a backup that fails
 * halfway never replaces a good one.
 */
gboolean
tandem_store_backup (TandemStore  *self,
                     const char   *destination,
                     GError      **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  tmp = g_strconcat (destination, ".partial", NULL);
  g_unlink (tmp);
  if (!create_private_file (tmp, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            rc = sqlite3_backup_step (backup, 256);
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    {
      set_error_for_rc (error, dest, rc, destination);
      sqlite3_close_v2 (dest);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (dest);

  if (g_rename (tmp, destination) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_FAILED,
                   _("The backup could not be saved as “%s”: %s."),
                   destination, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * tandem_store_restore:
 * @source: a backup of a Tandem database
 *
 * Replaces everything in the store with what @source holds, through
 * SQLite's backup API, after checking that @source is a sound Tandem
 * database no newer than this version, and after copying the current
 * data aside as an automatic backup (so a restore can itself be undone).
 * @source is only read. An older backup is brought up to date.
 */
gboolean
tandem_store_restore (TandemStore  *self,
                      const char   *source,
                      GError      **error)
{
  sqlite3 *src = NULL;
  sqlite3_backup *backup;
  gint64 app_id = 0, version = 0;
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
  if (rc == SQLITE_OK && read_pragma_int (src, "PRAGMA application_id", &app_id, &rc))
    read_pragma_int (src, "PRAGMA user_version", &version, &rc);
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (error, src, rc, source);
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

    if (!read_pragma_int (src, "SELECT 'ok' = (SELECT integrity_check FROM pragma_integrity_check LIMIT 1)", &sound, &rc) ||
        !sound)
      {
        g_set_error (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged; nothing was restored. Choose another backup."), source);
        sqlite3_close_v2 (src);
        return FALSE;
      }
  }

  if (!backup_automatically (self, "before-restore", error))
    {
      sqlite3_close_v2 (src);
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
  if (rc != SQLITE_OK)
    {
      set_error_for_rc (error, self->db, rc, self->path);
      return FALSE;
    }

  self->schema_version = (int)version;
  return tandem_store_migrate (self, error);
}

/**
 * tandem_store_check:
 * @out_report: (out) (transfer full): "ok", or what SQLite found wrong
 *
 * Runs SQLite's integrity check and the foreign-key check.
 *
 * Returns: %TRUE when the database is sound
 */
gboolean
tandem_store_check (TandemStore  *self,
                    char        **out_report,
                    GError      **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) fk = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  if (!(integrity = tandem_store_prepare (self, "PRAGMA integrity_check", error)))
    return FALSE;
  while ((rc = sqlite3_step (integrity)) == SQLITE_ROW)
    {
      const char *line = tandem_stmt_get_text (integrity, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          ok = FALSE;
          g_string_append_printf (report, "%s\n", line);
        }
    }
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_error (self, rc, error);
      return FALSE;
    }

  if (!(fk = tandem_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return FALSE;
  while ((rc = sqlite3_step (fk)) == SQLITE_ROW)
    {
      ok = FALSE;
      g_string_append_printf (report, _("Row %lld of table %s points to a missing row of %s\n"),
                              (long long)sqlite3_column_int64 (fk, 1),
                              tandem_stmt_get_text (fk, 0),
                              tandem_stmt_get_text (fk, 2));
    }
  if (rc != SQLITE_DONE)
    {
      tandem_store_set_error (self, rc, error);
      return FALSE;
    }

  if (ok)
    g_string_assign (report, "ok");
  else if (report->len > 0 && report->str[report->len - 1] == '\n')
    g_string_truncate (report, report->len - 1);

  *out_report = g_string_free (g_steal_pointer (&report), FALSE);
  return ok;
}

/**
 * tandem_store_delete_row:
 * @snapshot_sql: (nullable): a statement taking the id as ?1 and returning
 *   one text: everything the deletion takes, for tandem_store_restore_rows()
 * @delete_sql: the deletion, taking the id as ?1
 * @gone: the message when there is no such row
 * @out_undo: (out) (optional): the snapshot
 *
 * Deletes one row and what cascades from it, in a savepoint.
 */
gboolean
tandem_store_delete_row (TandemStore  *self,
                         const char   *snapshot_sql,
                         const char   *delete_sql,
                         gint64        id,
                         const char   *gone,
                         char        **out_undo,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) snapshot = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  int rc;

  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);

  if (!tandem_store_savepoint (self, error))
    return FALSE;

  if (out_undo != NULL)
    {
      snapshot = tandem_store_prepare (self, snapshot_sql, error);
      if (snapshot == NULL)
        goto failed;
      sqlite3_bind_int64 (snapshot, 1, id);
      rc = sqlite3_step (snapshot);
      if (rc != SQLITE_ROW)
        {
          tandem_store_set_error (self, rc, error);
          goto failed;
        }
    }

  delete = tandem_store_prepare (self, delete_sql, error);
  if (delete == NULL)
    goto failed;
  sqlite3_bind_int64 (delete, 1, id);
  if (!tandem_store_step_done (self, delete, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TANDEM_STORE_ERROR, TANDEM_STORE_ERROR_INVALID, gone);
      goto failed;
    }
  if (!tandem_store_release (self, error))
    goto failed;

  if (out_undo != NULL)
    *out_undo = g_strdup (tandem_stmt_get_text (snapshot, 0));
  return TRUE;

failed:
  tandem_store_rollback_savepoint (self);
  return FALSE;
}

/* Runs each of @restore_sql with @undo as ?1, all or nothing. */
gboolean
tandem_store_restore_rows (TandemStore        *self,
                           const char * const *restore_sql,
                           guint               n_sql,
                           const char         *undo,
                           GError            **error)
{
  g_return_val_if_fail (TANDEM_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!tandem_store_savepoint (self, error))
    return FALSE;

  for (guint i = 0; i < n_sql; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = tandem_store_prepare (self, restore_sql[i], error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, undo, -1, SQLITE_STATIC);
      if (!tandem_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!tandem_store_release (self, error))
    goto failed;
  return TRUE;

failed:
  tandem_store_rollback_savepoint (self);
  return FALSE;
}
