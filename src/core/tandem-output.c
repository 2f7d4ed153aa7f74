/* tandem-output.c — where a file Tandem writes really goes, and with what mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports and backups are written beside their destination and renamed
 * over it, which would replace a link, a pipe or a device node (as root,
 * /dev/null) with a regular file, and a file kept private with a readable
 * one. So: a link is written through, to the file it names; anything but a
 * regular file is refused; and a file that is replaced keeps its mode.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "tandem-output.h"

/**
 * tandem_output_resolve:
 * @path: the file to write, as the user named it
 * @out_target: (out) (transfer full): the file to write in its place: @path,
 *   or the file a link at @path names
 * @out_mode: (out): the mode to give it: the replaced file's, else 0600
 *
 * Returns: %FALSE with @error set (G_IO_ERROR) when @path is not a regular
 *   file, a link to one, or a name not yet taken
 */
gboolean
tandem_output_resolve (const char  *path,
                       char       **out_target,
                       mode_t      *out_mode,
                       GError     **error)
{
  g_autofree char *target = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_target != NULL && out_mode != NULL, FALSE);

  target = g_strdup (path);
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *resolved = realpath (path, NULL);

      if (resolved == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("“%s” is a link to a file that does not exist; name the file itself."), path);
          return FALSE;
        }
      g_free (target);
      target = g_strdup (resolved);
      free (resolved);
    }

  if (g_stat (target, &st) != 0)
    {
      if (errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Tandem cannot write “%s”: %s."), path, g_strerror (errno));
          return FALSE;
        }
      *out_mode = 0600;
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file (a folder, a device or a pipe); give the name of a file to "
                     "write. Nothing was changed."), path);
      return FALSE;
    }
  else
    *out_mode = st.st_mode & 0777;

  *out_target = g_steal_pointer (&target);
  return TRUE;
}

/**
 * tandem_output_escape:
 * @text: UTF-8 text from the data: a name, a department, a cell
 *
 * @text fit for a terminal: control characters (C0, DEL and C1: escape,
 * bell, carriage return, a newline in a name…) are written as \\xNN, so a
 * name can neither clear nor retitle the terminal nor break a table's
 * lines. A backslash is doubled. Invalid UTF-8 is replaced.
 *
 * Returns: (transfer full): the escaped text
 */
char *
tandem_output_escape (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        g_string_append_printf (out, "\\x%02x", c);
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * tandem_output_width:
 * @text: UTF-8 text for a terminal
 *
 * Returns: how many columns a terminal gives @text: two for a wide
 *   character (Chinese, Japanese), none for a combining mark, so tables
 *   line up in every language
 */
int
tandem_output_width (const char *text)
{
  int width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}
