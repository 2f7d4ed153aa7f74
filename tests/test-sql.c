/* test-sql.c — every SQL statement binds its values, none is built from strings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads every C file under src/ and fails on SQL put together at run time:
 * a string-building call (printf-like, concatenation, GString) whose text
 * holds SQL, or an SQL entry point (tandem_store_prepare, …, sqlite3_exec)
 * given a variable that such a call filled. Values go in through
 * tandem_stmt_bind_*; statements are literals.
 */
#include "config.h"

#include <glib.h>
#include <string.h>

static const char * const builders[] = {
  "g_strdup_printf", "g_strconcat", "g_string_append_printf", "g_string_printf", "g_string_append",
  "g_strjoin", "sqlite3_mprintf", "sqlite3_snprintf", "g_snprintf", "snprintf", "sprintf",
};

static const char * const entry_points[] = {
  "tandem_store_prepare", "tandem_store_exec", "tandem_store_query_int", "tandem_store_read_int",
  "tandem_store_delete_row", "sqlite3_prepare_v2", "sqlite3_exec",
};

/* The text between the parenthesis at @open and its match, skipping
 * parentheses inside string and character literals. */
static char *
call_arguments (const char *text,
                const char *open)
{
  int depth = 0;
  char quote = 0;

  for (const char *p = open; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == quote)
            quote = 0;
          continue;
        }
      if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return g_strndup (open + 1, (gsize)(p - open - 1));
    }
  return g_strdup (open + 1);
}

/* Calls to @name in @text: each one's argument text. */
static GPtrArray *
find_calls (const char *text,
            const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("\\b%s\\s*\\(", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      int end;

      g_match_info_fetch_pos (match, 0, NULL, &end);
      g_ptr_array_add (calls, call_arguments (text, text + end - 1));
      g_match_info_next (match, NULL);
    }
  return calls;
}

/* Problems with @text (a C file), one line each; empty when it is clean. */
static GPtrArray *
check_source (const char *name,
              const char *text)
{
  g_autoptr(GRegex) sql = g_regex_new ("\"[^\"]*\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|PRAGMA|CREATE TABLE|"
                                       "DROP TABLE|ALTER TABLE|WHERE)\\b", 0, 0, NULL);
  g_autoptr(GHashTable) built = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint b = 0; b < G_N_ELEMENTS (builders); b++)
    {
      g_autoptr(GPtrArray) calls = find_calls (text, builders[b]);
      g_autofree char *pattern = g_strdup_printf ("(\\w+)\\s*=\\s*%s\\s*\\(", builders[b]);
      g_autoptr(GRegex) assigned = g_regex_new (pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      for (guint c = 0; c < calls->len; c++)
        if (g_regex_match (sql, g_ptr_array_index (calls, c), 0, NULL))
          g_ptr_array_add (problems, g_strdup_printf ("%s: SQL built by %s (%.60s…)", name, builders[b],
                                                      (char *)g_ptr_array_index (calls, c)));

      g_regex_match (assigned, text, 0, &match);
      while (g_match_info_matches (match))
        {
          g_hash_table_add (built, g_match_info_fetch (match, 1));
          g_match_info_next (match, NULL);
        }
    }

  for (guint e = 0; e < G_N_ELEMENTS (entry_points); e++)
    {
      g_autoptr(GPtrArray) calls = find_calls (text, entry_points[e]);

      for (guint c = 0; c < calls->len; c++)
        {
          g_auto(GStrv) arguments = g_strsplit (g_ptr_array_index (calls, c), ",", 3);
          g_autofree char *argument = NULL;

          if (g_strv_length (arguments) < 2)
            continue;
          argument = g_strstrip (g_strdup (arguments[1]));
          /* TANDEM_DEBUG=plans prefixes a statement's own (constant) text
           * with EXPLAIN QUERY PLAN: nothing from outside goes in. */
          if (g_str_has_suffix (name, "tandem-stmt.c") && g_str_equal (argument, "explain"))
            continue;
          if (g_hash_table_contains (built, argument))
            g_ptr_array_add (problems, g_strdup_printf ("%s: %s runs “%s”, which was built at run time",
                                                        name, entry_points[e], argument));
        }
    }
  return problems;
}

static void
collect_sources (const char *dir,
                 GPtrArray  *paths)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sources (path, paths);
      else if (g_str_has_suffix (name, ".c"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* The check itself catches what it is for. */
static void
test_sql_checker_catches (void)
{
  static const char * const bad[] = {
    "char *q = g_strdup_printf (\"SELECT * FROM person WHERE name = '%s'\", name);",
    "g_string_append_printf (s, \"DELETE FROM %s\", table);",
    "sql = g_strconcat (\"UPDATE person SET name = '\", name, \"'\", NULL);\n"
    "tandem_store_exec (store, sql, error);",
  };
  static const char good[] =
    "stmt = tandem_store_prepare (store, \"SELECT id FROM person WHERE name = ?1\", error);\n"
    "message = g_strdup_printf (_(\"Imported %u people\"), n);";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) problems = check_source ("bad.c", bad[i]);

      g_test_message ("%s", bad[i]);
      g_assert_cmpuint (problems->len, >, 0);
    }
  {
    g_autoptr(GPtrArray) problems = check_source ("good.c", good);

    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_sql_sources (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_problems = 0;

  collect_sources (src, paths);
  g_assert_cmpuint (paths->len, >, 20);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      g_assert_true (g_file_get_contents (g_ptr_array_index (paths, i), &text, NULL, NULL));
      problems = check_source (g_ptr_array_index (paths, i), text);
      for (guint p = 0; p < problems->len; p++)
        g_printerr ("%s\n", (char *)g_ptr_array_index (problems, p));
      n_problems += problems->len;
    }
  g_assert_cmpuint (n_problems, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tandem/sql/checker-catches", test_sql_checker_catches);
  g_test_add_func ("/tandem/sql/sources", test_sql_sources);
  return g_test_run ();
}
