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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/data/desktop", test_data_desktop);
  g_test_add_func ("/tandem/data/metainfo", test_data_metainfo);

  return g_test_run ();
}
