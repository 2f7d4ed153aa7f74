/* tandem-import-people.c — people from an HR export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-import-private.h"

enum {
  P_EXTERNAL_ID, P_NAME, P_EMAIL, P_DEPARTMENT, P_ROLE, P_LEVEL, P_CHAMPION, P_TOOL_ACCESS, P_ACTIVE, P_N
};

static const char * const people_columns[P_N] = {
  "external_id", "name", "email", "department", "role", "level", "champion", "tool_access", "active",
};

/* An HR export needs only who someone is; a column it leaves out keeps
 * what Tandem stored for a person it knows, and is empty (no, or active)
 * for a new one. */
#define PEOPLE_OPTIONAL (1u << P_EMAIL | 1u << P_DEPARTMENT | 1u << P_ROLE | 1u << P_LEVEL | 1u << P_CHAMPION | \
                         1u << P_TOOL_ACCESS | 1u << P_ACTIVE)

typedef struct
{
  TandemStore        *store;
  TandemImportReport *report;
  TandemImportHeader  header;
  TandemStmt       *find;
  TandemStmt       *update;
  TandemStmt       *add_department;
  TandemStmt       *add_role;
  TandemStmt       *set_role_level;
  GHashTable         *departments;  /* casefolded name → id */
  GHashTable         *roles;        /* casefolded name → TandemRoleSeen */
  GHashTable         *known;        /* external id → person id, of the people stored before */
  GHashTable         *seen;         /* external_id → first line */
  gboolean            rebuild;      /* the person indexes were dropped, to be built at the end */
  GArray             *added;        /* NewPerson, written together at the end */
  GStringChunk       *texts;        /* the new people's texts */
} PeopleImport;

/* A person the file adds, waiting to be written with the others. */
typedef struct
{
  const char *external_id;   /* in PeopleImport.texts; "" for none */
  const char *name;
  const char *email;
  gint64      department;    /* 0 for none */
  gint64      role;          /* 0 for none */
  gint64      champion;
  gint64      tool_access;
  gint64      active;
} NewPerson;

/* What a person stored before holds, for the columns a file leaves out. */
typedef struct
{
  gboolean  found;
  char     *name;
  char     *email;
  gint64    department;
  gint64    role;
  gboolean  champion;
  gboolean  tool_access;
  gboolean  active;
} StoredPerson;

static void
stored_person_clear (StoredPerson *stored)
{
  g_clear_pointer (&stored->name, g_free);
  g_clear_pointer (&stored->email, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredPerson, stored_person_clear)

static void
find_stored (PeopleImport *import,
             const char   *external_id,
             StoredPerson *out_stored)
{
  const gint64 *known = *external_id != '\0' ? g_hash_table_lookup (import->known, external_id) : NULL;

  if (known == NULL)
    return;
  tandem_stmt_bind_int64 (import->find, 1, *known);
  if (tandem_stmt_step (import->find, NULL) == TANDEM_STEP_ROW)
    {
      out_stored->found = TRUE;
      out_stored->name = g_strdup (tandem_stmt_get_text (import->find, 0));
      out_stored->email = g_strdup (tandem_stmt_get_text (import->find, 1));
      out_stored->department = tandem_stmt_get_int64 (import->find, 2);
      out_stored->role = tandem_stmt_get_int64 (import->find, 3);
      out_stored->champion = tandem_stmt_get_int (import->find, 4);
      out_stored->tool_access = tandem_stmt_get_int (import->find, 5);
      out_stored->active = tandem_stmt_get_int (import->find, 6);
    }
  tandem_stmt_reset (import->find);
}

/* A yes-or-no column: the file's word, else what was stored, else no. */
static void
read_yes_no (TandemImportHeader *h,
             GPtrArray          *fields,
             guint               column,
             guint               line,
             gboolean            stored,
             TandemImportReport *report,
             gboolean           *out_value)
{
  const char *text = tandem_import_field (h, fields, column);

  *out_value = stored;
  if (tandem_import_has_column (h, column) && !tandem_parse_yes_no (text, out_value))
    tandem_import_add_problem (report, line, people_columns[column], _("“%s” is not yes or no"), text);
}

/* The role a row names, created or given the row's level as needed; 0 for
 * none. Returns FALSE on a database error; a problem with the row is added
 * to @report. */
static gboolean
resolve_role (PeopleImport  *import,
              GPtrArray     *fields,
              guint          line,
              TandemLevel    level,
              gint64        *out_role,
              GError       **error)
{
  TandemImportHeader *h = &import->header;
  TandemImportReport *report = import->report;
  const char *role_name = tandem_import_field (h, fields, P_ROLE);
  char buffer[TANDEM_IMPORT_KEY_SIZE];
  g_autofree char *allocated = NULL;
  const char *role_key;
  TandemRoleSeen *role;

  *out_role = 0;
  if (*role_name == '\0')
    return TRUE;
  role_key = tandem_import_name_key (role_name, buffer, &allocated);
  role = g_hash_table_lookup (import->roles, role_key);
  /* Without a level column a known role keeps its level. */
  if (!tandem_import_has_column (h, P_LEVEL) && role != NULL)
    level = role->level;

  /* A role has one level: the file may set it, but not two ways. */
  if (role != NULL && role->line != 0 && role->level != level)
    {
      tandem_import_add_problem (report, line, people_columns[P_LEVEL],
                                 _("the role “%s” is %s on line %u; a role has one level"), role_name,
                                 tandem_level_to_string (role->level), role->line);
      return TRUE;
    }
  if (role == NULL)
    {
      tandem_stmt_bind_text (import->add_role, 1, role_name);
      tandem_stmt_bind_text (import->add_role, 2, tandem_level_to_string (level));
      if (!tandem_stmt_step_done (import->add_role, error))
        return FALSE;
      role = g_new0 (TandemRoleSeen, 1);
      role->id = tandem_store_get_last_insert_id (import->store);
      role->level = level;
      g_hash_table_insert (import->roles, g_strdup (role_key), role);
      g_ptr_array_add (report->notes, g_strdup_printf (_("New role: %s (%s)"), role_name,
                                                       tandem_level_to_string (level)));
    }
  else if (role->level != level)
    {
      tandem_stmt_bind_int64 (import->set_role_level, 1, role->id);
      tandem_stmt_bind_text (import->set_role_level, 2, tandem_level_to_string (level));
      if (!tandem_stmt_step_done (import->set_role_level, error))
        return FALSE;
      g_ptr_array_add (report->notes, g_strdup_printf (_("The role %s is now %s (it was %s)"), role_name,
                                                       tandem_level_to_string (level),
                                                       tandem_level_to_string (role->level)));
      role->level = level;
    }
  if (role->line == 0)
    role->line = line;
  *out_role = role->id;
  return TRUE;
}

static gboolean
people_row_cb (guint       line,
               GPtrArray  *fields,
               gpointer    user_data,
               GError    **error)
{
  PeopleImport *import = user_data;
  TandemImportReport *report = import->report;
  TandemImportHeader *h = &import->header;
  guint problems_before = report->n_problems;
  g_auto(StoredPerson) stored = { FALSE, };
  const char *external_id, *name, *email, *active_text;
  gboolean champion, tool_access, active = TRUE;
  TandemLevel level = TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR;
  gint64 department = 0, role = 0;
  gpointer first_line;

  if (!tandem_import_take_row (h, line, fields, report))
    return TRUE;

  external_id = tandem_import_field (h, fields, P_EXTERNAL_ID);
  name = tandem_import_field (h, fields, P_NAME);

  /* Without an external id a person is added, never matched. */
  if (*external_id == '\0')
    ;
  else if (g_hash_table_lookup_extended (import->seen, external_id, NULL, &first_line))
    tandem_import_add_problem (report, line, people_columns[P_EXTERNAL_ID],
                               _("“%s” is already on line %u; each person may appear once"), external_id,
                               GPOINTER_TO_UINT (first_line));
  else
    {
      /* Kept once, for the person the row may add too. */
      external_id = g_string_chunk_insert (import->texts, external_id);
      g_hash_table_insert (import->seen, (gpointer)external_id, GUINT_TO_POINTER (line));
    }

  /* A person stored before keeps what the file has no column for. */
  find_stored (import, external_id, &stored);
  email = tandem_import_has_column (h, P_EMAIL) || !stored.found ? tandem_import_field (h, fields, P_EMAIL)
                                                                 : stored.email;

  if (*name == '\0')
    tandem_import_add_problem (report, line, people_columns[P_NAME], _("every person needs a name"));
  if (*email != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    tandem_import_add_problem (report, line, people_columns[P_EMAIL], _("“%s” is not an email address"), email);
  read_yes_no (h, fields, P_CHAMPION, line, stored.champion, report, &champion);
  read_yes_no (h, fields, P_TOOL_ACCESS, line, stored.tool_access, report, &tool_access);

  /* A person without a role has no level either. */
  if (*tandem_import_field (h, fields, P_ROLE) != '\0' && tandem_import_has_column (h, P_LEVEL) &&
      !tandem_parse_level (tandem_import_field (h, fields, P_LEVEL), &level))
    tandem_import_add_problem (report, line, people_columns[P_LEVEL],
                               _("“%s” is not a level; use executive, manager or individual contributor"),
                               tandem_import_field (h, fields, P_LEVEL));

  active_text = tandem_import_field (h, fields, P_ACTIVE);
  if (*active_text != '\0' && !tandem_parse_yes_no (active_text, &active))
    tandem_import_add_problem (report, line, people_columns[P_ACTIVE], _("“%s” is not yes or no"), active_text);

  if (report->n_problems > problems_before)
    return TRUE;

  if (tandem_import_has_column (h, P_ROLE) || !stored.found)
    {
      if (!resolve_role (import, fields, line, level, &role, error))
        return FALSE;
      if (report->n_problems > problems_before)
        return TRUE;
    }
  else
    role = stored.role;

  if (tandem_import_has_column (h, P_DEPARTMENT) || !stored.found)
    {
      if (!tandem_import_named_id (import->store, import->departments, import->add_department,
                                   tandem_import_field (h, fields, P_DEPARTMENT), TANDEM_LEVEL_INDIVIDUAL_CONTRIBUTOR,
                                   report, &department, error))
        return FALSE;
    }
  else
    department = stored.department;

  if (stored.found)
    {
      const gint64 *id = g_hash_table_lookup (import->known, external_id);
      gboolean same = g_strcmp0 (stored.name, name) == 0 &&
                      g_strcmp0 (stored.email, email) == 0 &&
                      stored.department == department &&
                      stored.role == role &&
                      stored.champion == champion &&
                      stored.tool_access == tool_access &&
                      (*active_text == '\0' || stored.active == active);

      if (same)
        {
          report->unchanged++;
          return TRUE;
        }
      tandem_stmt_bind_int64 (import->update, 1, *id);
      tandem_stmt_bind_text (import->update, 2, name);
      tandem_stmt_bind_text (import->update, 3, email);
      tandem_stmt_bind_int64 (import->update, 4, department);
      tandem_stmt_bind_int64 (import->update, 5, role);
      tandem_stmt_bind_int (import->update, 6, champion);
      tandem_stmt_bind_int (import->update, 7, tool_access);
      if (*active_text == '\0')
        tandem_stmt_bind_null (import->update, 8);
      else
        tandem_stmt_bind_int (import->update, 8, active);
      if (!tandem_stmt_step_done (import->update, error))
        return FALSE;
      report->updated++;
      return TRUE;
    }

  {
    /* A non-empty external id is in import->texts already (see above). */
    NewPerson added = { *external_id != '\0' ? external_id : "", g_string_chunk_insert (import->texts, name),
                        g_string_chunk_insert (import->texts, email), department, role, champion, tool_access,
                        active };

    g_array_append_val (import->added, added);
  }
  return TRUE;
}

/* A person's place in the sort below: the first eight bytes of the
 * external id, most significant first, so that keys compare as strcmp ()
 * compares the ids' beginnings. */
typedef struct
{
  guint64          key;
  const NewPerson *person;
} SortKey;

static guint64
prefix_key (const char *text)
{
  guint64 key = 0;
  guint i;

  for (i = 0; i < 8 && text[i] != '\0'; i++)
    key = key << 8 | (guint8)text[i];
  return key << (8 * (8 - i) % 64);
}

static int
compare_tails (const void *a,
               const void *b)
{
  return strcmp (((const SortKey *)a)->person->external_id + 8, ((const SortKey *)b)->person->external_id + 8);
}

/* The people a file adds are written in the order of their external ids,
 * whatever the file's: the unique index on them then grows at its end
 * instead of at random places (a shuffled export of 100,000 people wrote
 * a third slower). A radix sort of the ids' first eight bytes, then the
 * rest of any ids those leave tied; a file in order already is left as
 * it is. */
static void
sort_by_external_id (GArray *added)
{
  const NewPerson *people = (const NewPerson *)(gpointer)added->data;
  g_autofree SortKey *keys = NULL;
  g_autofree SortKey *spare = NULL;
  g_autofree NewPerson *sorted = NULL;
  guint n = added->len, i;

  for (i = 1; i < n && strcmp (people[i - 1].external_id, people[i].external_id) <= 0; i++)
    ;
  if (i >= n)
    return;

  keys = g_new (SortKey, n);
  spare = g_new (SortKey, n);
  for (i = 0; i < n; i++)
    keys[i] = (SortKey) { prefix_key (people[i].external_id), &people[i] };

  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint count[257] = { 0, };
      SortKey *swap;

      for (i = 0; i < n; i++)
        count[(keys[i].key >> shift & 0xff) + 1]++;
      /* A byte every id has alike (the "E-" of "E-004711") needs no pass. */
      if (count[(keys[0].key >> shift & 0xff) + 1] == n)
        continue;
      for (i = 1; i < 257; i++)
        count[i] += count[i - 1];
      for (i = 0; i < n; i++)
        spare[count[keys[i].key >> shift & 0xff]++] = keys[i];
      swap = keys;
      keys = spare;
      spare = swap;
    }

  /* Ids alike in their first eight bytes and longer than that. */
  for (guint begin = 0, end; begin < n; begin = end)
    {
      for (end = begin + 1; end < n && keys[end].key == keys[begin].key; end++)
        ;
      if (end - begin > 1 && strlen (keys[begin].person->external_id) >= 8)
        qsort (keys + begin, end - begin, sizeof (SortKey), compare_tails);
    }

  sorted = g_new (NewPerson, n);
  for (i = 0; i < n; i++)
    sorted[i] = *keys[i].person;
  memcpy (added->data, sorted, n * sizeof (NewPerson));
}

/* An organisation's first import writes every person: its indexes are
 * built once at the end rather than filled row by row. */
static gboolean
people_finish (gpointer   user_data,
               GError   **error)
{
  static const TandemRowsColumn columns[] = {
    { TANDEM_ROWS_TEXT, G_STRUCT_OFFSET (NewPerson, external_id), NULL },
    { TANDEM_ROWS_STRING, G_STRUCT_OFFSET (NewPerson, name), NULL },
    { TANDEM_ROWS_STRING, G_STRUCT_OFFSET (NewPerson, email), NULL },
    { TANDEM_ROWS_ID64, G_STRUCT_OFFSET (NewPerson, department), NULL },
    { TANDEM_ROWS_ID64, G_STRUCT_OFFSET (NewPerson, role), NULL },
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (NewPerson, champion), NULL },
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (NewPerson, tool_access), NULL },
    { TANDEM_ROWS_INT64, G_STRUCT_OFFSET (NewPerson, active), NULL },
  };
  PeopleImport *import = user_data;
  TandemRows rows;

  sort_by_external_id (import->added);
  rows = (TandemRows) { import->added->data, sizeof (NewPerson), import->added->len, columns, G_N_ELEMENTS (columns) };
  if (!tandem_store_insert_rows (import->store,
                                 "INSERT INTO person (external_id, name, email, department_id, role_id,"
                                 "                    is_champion, has_tool_access, active)"
                                 " SELECT c0, c1, c2, c3, c4, c5, c6, c7 FROM tandem_rows",
                                 "INSERT INTO person (external_id, name, email, department_id, role_id,"
                                 "                    is_champion, has_tool_access, active)"
                                 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                                 &rows, error))
    return FALSE;
  import->report->created += import->added->len;

  return !import->rebuild ||
         tandem_store_exec (import->store, tandem_store_get_sql (import->store, TANDEM_SQL_PEOPLE_INDEXES_CREATE),
                            error);
}

/* Imports people from an HR export: a person whose external_id is known is
 * updated, new departments and roles are created. */
static gboolean
import_people (TandemStore         *store,
               const char          *path,
               const int           *mapping,
               TandemImportReport  *report,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(TandemStmt) find = NULL;
  g_autoptr(TandemStmt) update = NULL;
  g_autoptr(TandemStmt) add_department = NULL;
  g_autoptr(TandemStmt) add_role = NULL;
  g_autoptr(TandemStmt) set_role_level = NULL;
  g_autoptr(GHashTable) departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);   /* keys in import.texts */
  g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (NewPerson));
  gint64 empty = 0;
  PeopleImport import = { store, report, { people_columns, P_N, mapping, PEOPLE_OPTIONAL, { 0, }, 0, FALSE, FALSE },
                          NULL, NULL, NULL, NULL, NULL, departments, roles, known, seen, FALSE, added, NULL };
  gboolean ok;

  if (!(find = tandem_store_prepare (store,
                                     "SELECT name, email, coalesce (department_id, 0),"
                                     "       coalesce (role_id, 0), is_champion, has_tool_access, active"
                                     "  FROM person WHERE id = $1",
                                     error)) ||
      !(update = tandem_store_prepare (store,
                                       "UPDATE person SET name = $2, email = $3, department_id = nullif ($4, 0),"
                                       "       role_id = nullif ($5, 0), is_champion = $6, has_tool_access = $7,"
                                       "       active = coalesce ($8, active)"
                                       " WHERE id = $1",
                                       error)) ||
      !(add_department = tandem_store_prepare (store, "INSERT INTO department (name) VALUES ($1)", error)) ||
      !(add_role = tandem_store_prepare (store, "INSERT INTO role (name, level) VALUES ($1, $2)", error)) ||
      !(set_role_level = tandem_store_prepare (store, "UPDATE role SET level = $2 WHERE id = $1", error)) ||
      !tandem_import_load_ids (store, "SELECT id, name FROM department", departments, TRUE, error) ||
      !tandem_import_load_ids (store, "SELECT id, name, level FROM role", roles, TRUE, error) ||
      !tandem_import_load_people (store, known, error))
    return FALSE;

  import.find = find;
  import.update = update;
  import.add_department = add_department;
  import.add_role = add_role;
  import.set_role_level = set_role_level;

  /* Inside the import's transaction: a file with problems rolls the
   * indexes back with everything else. */
  if (!tandem_store_query_int (store, "SELECT NOT EXISTS (SELECT 1 FROM person)", &empty, error))
    return FALSE;
  import.rebuild = empty != 0;
  if (import.rebuild &&
      !tandem_store_exec (store, tandem_store_get_sql (store, TANDEM_SQL_PEOPLE_INDEXES_DROP), error))
    return FALSE;

  import.texts = g_string_chunk_new (64 * 1024);
  ok = tandem_import_in_transaction (store, path, people_row_cb, people_finish, &import, report, cancellable, error);
  g_string_chunk_free (import.texts);
  return ok;
}

const TandemImporter tandem_people_importer = {
  people_columns, P_N, PEOPLE_OPTIONAL, import_people, NULL,
};
