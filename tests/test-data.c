/* test-data.c — the desktop file and metainfo as built, translations included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <string.h>

static void
test_data_desktop (void)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *comment_de = NULL;

  g_key_file_load_from_file (keys, g_getenv ("TANDEM_DESKTOP_FILE"), G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  icon = g_key_file_get_string (keys, "Desktop Entry", "Icon", &error);
  g_assert_cmpstr (icon, ==, APPLICATION_ID);
  exec = g_key_file_get_string (keys, "Desktop Entry", "Exec", &error);
  g_assert_cmpstr (exec, ==, "tandem");

  /* The German translation reaches the desktop file. */
  comment = g_key_file_get_locale_string (keys, "Desktop Entry", "Comment", "C", &error);
  comment_de = g_key_file_get_locale_string (keys, "Desktop Entry", "Comment", "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, !=, comment_de);
}

static void
test_data_metainfo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *id = g_strdup_printf ("<id>%s</id>", APPLICATION_ID);

  g_file_get_contents (g_getenv ("TANDEM_METAINFO_FILE"), &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, id));
  g_assert_nonnull (strstr (contents, "<screenshot type=\"default\">"));
  g_assert_nonnull (strstr (contents, "<release version=\"" PACKAGE_VERSION "\""));
  g_assert_nonnull (strstr (contents, "xml:lang=\"de\""));
}

/* A man page is valid roff, carries the version, and lists every command
 * and option the program accepts: it is written from the program's --help. */
static void
check_man_page (const char         *name,
                const char * const *must_list)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.1", g_getenv ("TANDEM_MAN_DIR"), name);
  g_autofree char *upper = g_ascii_strup (name, -1);
  g_auto(GStrv) words = g_strsplit (upper, "-", -1);
  g_autofree char *escaped = g_strjoinv ("\\-", words);
  g_autofree char *title = g_strdup_printf (".TH \"%s\" 1 \"\" \"Tandem %s\"", escaped, PACKAGE_VERSION);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, title));
  g_assert_nonnull (strstr (contents, "\n.SH NAME\n"));
  g_assert_nonnull (strstr (contents, "\n.SH USAGE\n"));
  for (guint i = 0; must_list[i] != NULL; i++)
    {
      if (strstr (contents, must_list[i]) == NULL)
        g_printerr ("%s.1 does not mention %s\n", name, must_list[i]);
      g_assert_nonnull (strstr (contents, must_list[i]));
    }

  /* A line of text that begins with a dot or a quote would be read as a
   * request; every hyphen is escaped so that options copy and paste. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '.')
        g_assert_true (g_str_has_prefix (lines[i], ".TH ") || g_str_has_prefix (lines[i], ".SH ") ||
                       g_str_equal (lines[i], ".nf") || g_str_equal (lines[i], ".fi") ||
                       g_str_has_prefix (lines[i], ".BR ") || g_str_has_prefix (lines[i], ".SS "));
      g_assert_cmpint (lines[i][0], !=, '\'');
      for (const char *p = lines[i]; (p = strchr (p, '-')) != NULL; p++)
        g_assert_true (p > lines[i] && p[-1] == '\\');
    }
}

static void
test_data_man (void)
{
  const char * const cli[] = {
    "\\-\\-database", "\\-\\-version", "demo", "export chart", "literacy\\-record", "report competencies",
    "import people", "log session", "session edit", "backup", "restore", "check",
    /* and each command's own options */
    ".SH COMMAND OPTIONS", ".SS export", "\\-\\-include\\-private\\-notes", ".SS session edit", "\\-\\-private\\-note", NULL
  };
  const char * const app[] = {
    "\\-\\-database", "\\-\\-log\\-session", "\\-\\-present", "\\-\\-version", NULL
  };
  g_autofree char *app_page = g_strdup_printf ("%s/tandem.1", g_getenv ("TANDEM_MAN_DIR"));

  check_man_page ("tandem-cli", cli);
  /* The window's page is built with the window. */
  if (g_file_test (app_page, G_FILE_TEST_EXISTS))
    check_man_page ("tandem", app);
}

static void
collect_translatable (const char *root,
                      const char *relative,
                      GPtrArray  *found)
{
  g_autofree char *dir = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *path = g_build_filename (root, child, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_translatable (root, child, found);
      else if ((g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".ui")) &&
               g_file_get_contents (path, &text, NULL, NULL) &&
               (strstr (text, "_(\"") != NULL || strstr (text, "N_(\"") != NULL ||
                strstr (text, "C_(\"") != NULL || strstr (text, "ngettext (GETTEXT_PACKAGE,") != NULL ||
                strstr (text, "translatable=\"yes\"") != NULL))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

/* Every source file with translatable strings is offered to translators. */
static void
test_data_potfiles (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *potfiles_path = g_build_filename (root, "po", "POTFILES.in", NULL);
  g_autofree char *potfiles = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) listed = NULL;
  guint missing = 0;

  g_assert_true (g_file_get_contents (potfiles_path, &potfiles, NULL, NULL));
  listed = g_strsplit (potfiles, "\n", -1);
  collect_translatable (root, "src", found);
  collect_translatable (root, "resources", found);
  g_assert_cmpuint (found->len, >, 10);

  for (guint i = 0; i < found->len; i++)
    if (!g_strv_contains ((const char * const *)listed, g_ptr_array_index (found, i)))
      {
        g_printerr ("%s has translatable strings but is not in po/POTFILES.in\n",
                    (char *)g_ptr_array_index (found, i));
        missing++;
      }
  g_assert_cmpuint (missing, ==, 0);
}

/* Every language Tandem ships is complete: no message untranslated or
 * fuzzy, and every format and plural form as msgfmt --check wants them. */
static void
test_data_translations (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_DIST, "..", "po", NULL);
  g_autofree char *linguas_path = g_build_filename (po_dir, "LINGUAS", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *linguas = NULL;
  g_auto(GStrv) languages = NULL;
  guint checked = 0;

  g_assert_nonnull (msgfmt);
  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, NULL));
  languages = g_strsplit_set (linguas, " \n", -1);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *po = g_strdup_printf ("%s/%s.po", po_dir, languages[i]);
      const char *argv[] = { msgfmt, "--check", "--statistics", "-o", "/dev/null", po, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (*languages[i] == '\0' || *languages[i] == '#')
        continue;
      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", languages[i], err);
      if (!g_spawn_check_wait_status (status, NULL) || strstr (err, "fuzzy") != NULL ||
          strstr (err, "untranslated") != NULL)
        g_printerr ("po/%s.po is not complete: %s", languages[i], err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_null (strstr (err, "fuzzy"));
      g_assert_null (strstr (err, "untranslated"));
      checked++;
    }
  /* German, Japanese and Simplified Chinese at least. */
  g_assert_cmpuint (checked, >=, 3);
  g_assert_true (g_strv_contains ((const char * const *)languages, "ja"));
  g_assert_true (g_strv_contains ((const char * const *)languages, "zh_CN"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/data/desktop", test_data_desktop);
  g_test_add_func ("/tandem/data/metainfo", test_data_metainfo);
  g_test_add_func ("/tandem/data/potfiles", test_data_potfiles);
  g_test_add_func ("/tandem/data/man", test_data_man);
  g_test_add_func ("/tandem/data/translations", test_data_translations);

  return g_test_run ();
}
