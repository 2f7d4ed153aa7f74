/* test-csv.c — the CSV reader and the cell writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tandem-csv.h"
#include "tandem-types.h"

typedef struct
{
  GString *out;
  guint    stop_at;
} Collect;

/* Records as "line:field|field|…" lines, for comparing whole results. */
static gboolean
collect_cb (guint       line,
            GPtrArray  *fields,
            gpointer    user_data,
            GError    **error)
{
  Collect *collect = user_data;

  if (collect->stop_at != 0 && line >= collect->stop_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped at %u", line);
      return FALSE;
    }

  g_string_append_printf (collect->out, "%u:", line);
  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (collect->out, "%s%s", i ? "|" : "", (char *)g_ptr_array_index (fields, i));
  g_string_append_c (collect->out, '\n');
  return TRUE;
}

static void
test_csv_records (void)
{
  static const struct { const char *name; const char *input; const char *expected; } cases[] = {
    { "plain", "a,b\n1,2\n", "1:a|b\n2:1|2\n" },
    { "no final newline", "a,b\n1,2", "1:a|b\n2:1|2\n" },
    { "crlf", "a,b\r\n1,2\r\n3,4\r\n", "1:a|b\n2:1|2\n3:3|4\n" },
    { "bom", "\xEF\xBB\xBF" "a,b\n1,2\n", "1:a|b\n2:1|2\n" },
    { "quoted comma and quote", "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", "1:a|b\n2:x, y|say \"hi\"\n" },
    { "newline inside quotes", "a,b\n\"one\ntwo\",z\n3,4\n", "1:a|b\n2:one\ntwo|z\n4:3|4\n" },
    { "blank lines skipped", "a,b\n\n1,2\n\n\n3,4\n", "1:a|b\n3:1|2\n6:3|4\n" },
    { "empty fields", "a,b,c\n,,\n", "1:a|b|c\n2:||\n" },
    { "spaces trimmed", "a , b\n 1 ,2 \n", "1:a|b\n2:1|2\n" },
    { "unicode", "name\nZoë Müller\n田中 太郎\n", "1:name\n2:Zoë Müller\n3:田中 太郎\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      Collect collect = { g_string_new (NULL), 0 };

      g_test_message ("case: %s", cases[i].name);
      g_assert_true (tandem_csv_parse_data (cases[i].input, strlen (cases[i].input), collect_cb,
                                            &collect, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (collect.out->str, ==, cases[i].expected);
      g_string_free (collect.out, TRUE);
    }
}

/* Records, or the error, of @text read one way: split here or by libcsv,
 * at once or by a second thread reading ahead; stopped at @stop_at. */
static char *
read_way (const char *text,
          gsize       length,
          gboolean    libcsv_only,
          gboolean    ahead,
          guint       stop_at)
{
  g_autoptr(GError) error = NULL;
  Collect collect = { g_string_new (NULL), stop_at };

  tandem_csv_set_libcsv_only (libcsv_only);
  tandem_csv_set_read_ahead_from (ahead ? 0 : G_MAXSIZE);
  if (!tandem_csv_parse_data (text, length, collect_cb, &collect, NULL, &error))
    g_string_append_printf (collect.out, "error %d: %s", error->code, error->message);
  tandem_csv_set_libcsv_only (FALSE);
  tandem_csv_set_read_ahead_from (1024 * 1024);
  return g_string_free (collect.out, FALSE);
}

static char *
read_one_way (const char *text,
              gsize       length,
              gboolean    libcsv_only)
{
  return read_way (text, length, libcsv_only, FALSE, 0);
}

/* Up to 23 pieces of CSV that matter to a reader, in any order. */
static GString *
random_text (GRand *rand)
{
  static const char * const pieces[] = { "a", "bc", " ", "\t", ",", ";", "\"", "\"\"", "\r", "\n", "\r\n", "é",
                                         "\xff", "x y" };
  GString *text = g_string_new (NULL);
  guint length = (guint)g_rand_int_range (rand, 0, 24);

  for (guint i = 0; i < length; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return text;
}

/* Lines without quotes are split without libcsv: every text, from the
 * bytes that matter to each, must read the same both ways. */
static void
test_csv_split_as_libcsv (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  guint simple = 0;

  for (guint n = 0; n < 20000; n++)
    {
      g_autoptr(GString) text = random_text (rand);
      g_autofree char *split = NULL;
      g_autofree char *libcsv = NULL;

      split = read_one_way (text->str, text->len, FALSE);
      libcsv = read_one_way (text->str, text->len, TRUE);
      if (g_strcmp0 (split, libcsv) != 0)
        {
          g_autofree char *escaped = g_strescape (text->str, NULL);

          g_test_message ("text: “%s”", escaped);
        }
      g_assert_cmpstr (split, ==, libcsv);
      simple += strchr (text->str, '"') == NULL;
    }
  /* Most texts took the split; the rest libcsv, both ways. */
  g_assert_cmpuint (simple, >, 5000);

  /* A cell longer than any column is cut at a character's start, both
   * ways, even with a broken byte past the cut. */
  for (guint tail = 0; tail < 2; tail++)
    {
      g_autoptr(GString) text = g_string_new ("a,b\nx, ");
      g_autofree char *split = NULL;
      g_autofree char *libcsv = NULL;

      for (guint i = 0; i < 30000; i++)
        g_string_append (text, "é");
      g_string_append (text, tail ? "\xff \n" : " \n");
      split = read_one_way (text->str, text->len, FALSE);
      libcsv = read_one_way (text->str, text->len, TRUE);
      g_assert_cmpstr (split, ==, libcsv);
      g_assert_null (strstr (split, "error"));
    }
}

/* A large file is read by a second thread while the records go to the
 * row function: the same records, lines and errors as read at once, in
 * batches of any size, whether it stops, is cut short or breaks. */
static void
test_csv_read_ahead (void)
{
  /* After an id; NULL for a blank line. */
  static const char * const rows[] = {
    ",Ada Okafor,ada@example.com,Finance\n",
    ",\"Okafor, Ada\",\"two\nlines\",Support\n",
    NULL,
    " , Zoë Müller ,\"\",\"say \"\"hi\"\"\"\r\n",
    ",田中 太郎,,\n",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GString) big = g_string_new ("external_id,name,email,department\n");
  guint stops[] = { 0, 2, 1500, 12345, 40000 };

  /* Small texts, each through the thread. */
  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr(GString) text = random_text (rand);
      g_autofree char *at_once = NULL;
      g_autofree char *ahead = NULL;

      at_once = read_way (text->str, text->len, FALSE, FALSE, 0);
      ahead = read_way (text->str, text->len, FALSE, TRUE, 0);
      g_assert_cmpstr (ahead, ==, at_once);
    }

  /* 40,000 records over many batches, stopped at several places. */
  for (guint i = 0; i < 40000; i++)
    {
      const char *row = rows[g_rand_int_range (rand, 0, G_N_ELEMENTS (rows))];

      if (row != NULL)
        g_string_append_printf (big, "E-%u%s", i, row);
      else
        g_string_append_c (big, '\n');
    }
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      g_autofree char *at_once = read_way (big->str, big->len, FALSE, FALSE, stops[i]);
      g_autofree char *ahead = read_way (big->str, big->len, FALSE, TRUE, stops[i]);

      g_assert_cmpstr (ahead, ==, at_once);
      g_assert_true ((stops[i] != 0) == (strstr (ahead, "error") != NULL));
    }

  /* Broken near the end: an invalid byte, then a quote never closed. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GString) broken = g_string_new_len (big->str, (gssize)big->len);
      g_autofree char *at_once = NULL;
      g_autofree char *ahead = NULL;

      g_string_append (broken, i == 0 ? "E-x,M\xfcller,,\nE-y,ok,,\n" : "E-x,\"open,,\nE-y,ok,,\n");
      at_once = read_way (broken->str, broken->len, FALSE, FALSE, 0);
      ahead = read_way (broken->str, broken->len, FALSE, TRUE, 0);
      g_assert_cmpstr (ahead, ==, at_once);
      g_assert_nonnull (strstr (ahead, i == 0 ? "error 3: Line " : "error 2"));
    }
}

/* Cancelled from the row function while the reader is ahead. */
static gboolean
cancel_cb (guint       line,
           GPtrArray  *fields,
           gpointer    user_data,
           GError    **error)
{
  if (line == 5000)
    g_cancellable_cancel (user_data);
  return TRUE;
}

static void
test_csv_read_ahead_cancelled (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "%u,x\n", i);
  g_assert_cmpuint (text->len, >, 1024 * 1024);
  g_assert_false (tandem_csv_parse_data (text->str, text->len, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_csv_errors (void)
{
  static const struct { const char *name; const char *input; gsize length; int code; const char *message; } cases[] = {
    { "empty", "", 0, TANDEM_CSV_ERROR_EMPTY, "empty" },
    { "only blank lines", "\n\n \n", 4, TANDEM_CSV_ERROR_EMPTY, "empty" },
    { "binary", "PK\003\004\000\000junk", 10, TANDEM_CSV_ERROR_MALFORMED, "binary" },
    { "unclosed quote", "a,b\n1,\"open\n", 12, TANDEM_CSV_ERROR_MALFORMED, "line 2" },
    { "quote inside field", "a,b\n1,x\"y\"\n", 11, TANDEM_CSV_ERROR_MALFORMED, "Line 2" },
    { "latin-1", "name\nM\xfcller\n", 12, TANDEM_CSV_ERROR_ENCODING, "Line 2, column 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      Collect collect = { g_string_new (NULL), 0 };

      g_test_message ("case: %s", cases[i].name);
      g_assert_false (tandem_csv_parse_data (cases[i].input, cases[i].length, collect_cb, &collect, NULL, &error));
      g_assert_error (error, TANDEM_CSV_ERROR, cases[i].code);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_string_free (collect.out, TRUE);
    }
}

static void
test_csv_stop (void)
{
  g_autoptr(GError) error = NULL;
  Collect collect = { g_string_new (NULL), 3 };
  const char *input = "a\n1\n2\n3\n";

  g_assert_false (tandem_csv_parse_data (input, strlen (input), collect_cb, &collect, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (collect.out->str, ==, "1:a\n2:1\n");
  g_string_free (collect.out, TRUE);
}

static void
test_csv_escape (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "+1", "+1" },
    { "-2", "-2" },
    { "-0.2", "-0.2" },
    { "-2+3", "'-2+3" },
    { "-1.", "'-1." },
    { "-.5", "'-.5" },
    { "-", "'-" },
    { "+1-cmd|' /C calc'!A0", "'+1-cmd|' /C calc'!A0" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tcmd", "\"'\tcmd\"" },
    /* A spreadsheet that splits on ; or tabs finds no formula in a quoted cell. */
    { "x;=1+1", "\"x;=1+1\"" },
    { "a\t=1+1", "\"a\t=1+1\"" },
    { "\rcmd", "\"'\rcmd\"" },
    { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tandem_csv_escape_cell (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

typedef struct
{
  const char *path;
  guint       rows;
} Shrink;

/* Cuts the file being read down to nothing on its first row. */
static gboolean
shrink_cb (guint       line,
           GPtrArray  *fields,
           gpointer    user_data,
           GError    **error)
{
  Shrink *shrink = user_data;

  if (shrink->rows++ == 0)
    g_assert_cmpint (truncate (shrink->path, 0), ==, 0);
  return TRUE;
}

static gpointer
feed_pipe (gpointer data)
{
  const char *path = data;
  int fd = open (path, O_WRONLY);
  const char *text = "a,b\n1,2\n3,4\n";

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize)strlen (text));
  close (fd);
  return NULL;
}

/* A file shortened while it is read (once SIGBUS, the process gone) and a
 * pipe (once a garbled mmap() error) are read like any file. */
static void
test_csv_shrinking_and_pipes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tandem-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autoptr(GString) big = g_string_new ("a,b\n");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Shrink shrink = { path, 0 };
  Collect collect = { out, 0 };
  GThread *feeder;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (big, "%u,row %u\n", i, i);
  g_assert_true (g_file_set_contents (path, big->str, (gssize)big->len, NULL));
  g_assert_true (tandem_csv_parse_file (path, shrink_cb, &shrink, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shrink.rows, ==, 200001);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  feeder = g_thread_new ("feeder", feed_pipe, fifo);
  g_assert_true (tandem_csv_parse_file (fifo, collect_cb, &collect, NULL, &error));
  g_assert_no_error (error);
  g_thread_join (feeder);
  g_assert_cmpstr (out->str, ==, "1:a|b\n2:1|2\n3:3|4\n");

  g_unlink (path);
  g_unlink (fifo);
  g_rmdir (dir);
}

/* Spreadsheets write CSV their own ways: ; in many locales, and Excel's
 * "Unicode Text" is UTF-16 with tabs. Each reads to the same records. */
static void
test_csv_dialects (void)
{
  static const char utf16le[] = "\xff\xfe" "a\0\t\0b\0\n\0" "1\0\t\0\xfc\0\n\0";
  static const char utf16be[] = "\xfe\xff" "\0a\0\t\0b\0\n" "\0" "1\0\t\0\xfc\0\n";
  static const struct { const char *data; gsize length; char delimiter; const char *encoding; const char *said; } cases[] = {
    { "a,b\n1,\xc3\xbc\n", 0, ',', "UTF-8", NULL },
    { "\xef\xbb\xbf" "a;b\n1;\xc3\xbc\n", 0, ';', "UTF-8", "UTF-8, separated by semicolons" },
    { "a;b\n\"1\";\xc3\xbc\n", 0, ';', "UTF-8", "UTF-8, separated by semicolons" },
    { "a\tb\n1\t\xc3\xbc\n", 0, '\t', "UTF-8", "UTF-8, separated by tabs" },
    { utf16le, sizeof utf16le - 1, '\t', "UTF-16", "UTF-16, separated by tabs" },
    { utf16be, sizeof utf16be - 1, '\t', "UTF-16", "UTF-16, separated by tabs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *said = NULL;
      Collect collect = { out, 0 };
      TandemCsvDialect dialect;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].data);

      g_test_message ("dialect %u", i);
      g_assert_true (tandem_csv_parse_data_full (cases[i].data, length, &dialect, collect_cb, &collect, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out->str, ==, "1:a|b\n2:1|\xc3\xbc\n");
      g_assert_cmpint (dialect.delimiter, ==, cases[i].delimiter);
      g_assert_cmpstr (dialect.encoding, ==, cases[i].encoding);
      said = tandem_csv_dialect_describe (&dialect);
      g_assert_cmpstr (said, ==, cases[i].said);
    }

  /* A byte-order mark that lies is an encoding error, not binary data. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) out = g_string_new (NULL);
    Collect collect = { out, 0 };

    g_assert_false (tandem_csv_parse_data ("\xff\xfe" "a", 3, collect_cb, &collect, NULL, &error));
    g_assert_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_ENCODING);
  }
}

/* Yes and no in every language Tandem speaks, in any case. */
static void
test_csv_yes_no (void)
{
  static const struct { const char *text; gboolean ok, value; } cases[] = {
    { "yes", TRUE, TRUE }, { "No", TRUE, FALSE }, { "TRUE", TRUE, TRUE }, { "0", TRUE, FALSE },
    { "ja", TRUE, TRUE }, { "NEIN", TRUE, FALSE }, { "Wahr", TRUE, TRUE }, { " falsch ", TRUE, FALSE },
    { "是", TRUE, TRUE }, { "否", TRUE, FALSE }, { "はい", TRUE, TRUE }, { "いいえ", TRUE, FALSE },
    { "maybe", FALSE, FALSE }, { "", FALSE, FALSE }, { "jaa", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean value = !cases[i].value;

      g_assert_cmpint (tandem_parse_yes_no (cases[i].text, &value), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (value, ==, cases[i].value);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tandem/csv/records", test_csv_records);
  g_test_add_func ("/tandem/csv/split-as-libcsv", test_csv_split_as_libcsv);
  g_test_add_func ("/tandem/csv/read-ahead", test_csv_read_ahead);
  g_test_add_func ("/tandem/csv/read-ahead-cancelled", test_csv_read_ahead_cancelled);
  g_test_add_func ("/tandem/csv/errors", test_csv_errors);
  g_test_add_func ("/tandem/csv/stop", test_csv_stop);
  g_test_add_func ("/tandem/csv/escape", test_csv_escape);
  g_test_add_func ("/tandem/csv/shrinking-and-pipes", test_csv_shrinking_and_pipes);
  g_test_add_func ("/tandem/csv/dialects", test_csv_dialects);
  g_test_add_func ("/tandem/csv/yes-no", test_csv_yes_no);

  return g_test_run ();
}
