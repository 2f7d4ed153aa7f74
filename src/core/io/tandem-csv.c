/* tandem-csv.c — reading CSV files (RFC 4180) with libcsv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv does the quoting rules; this file adds what importers need on top:
 * the line each record starts on (counting newlines inside quoted fields),
 * a UTF-8 check with a byte-order mark allowed, LF or CRLF, and a clear
 * error for binary junk. A line without quotes, as most lines of an
 * export are, is split here with memchr(), giving the fields libcsv would
 * give without its byte-at-a-time state machine.
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tandem-csv.h"
#include "tandem-types.h"

/* Lines read by libcsv only, for the test that compares the two readers. */
static gboolean libcsv_only;

/* The most of one cell a reader gets: more than TANDEM_LIMIT_LONG
 * characters of up to 4 bytes each, so a longer cell stays longer. */
#define CELL_MAX_BYTES (4 * ((gsize)TANDEM_LIMIT_LONG + 2))

G_DEFINE_QUARK (tandem-csv-error-quark, tandem_csv_error)

/* Records read ahead by a second thread, a batch at a time. */
typedef struct
{
  guint line;        /* where the record starts */
  guint first;       /* its first field in the batch's offsets */
  guint n_fields;
} Record;

typedef struct
{
  GString *text;      /* every record's fields, each ending in NUL */
  GArray  *offsets;   /* where each field starts in text */
  GArray  *records;   /* Record */
  GError  *error;     /* on the last batch: why the reading stopped */
  gboolean last;
} Batch;

/* Between the thread that reads and the one that takes the records. */
typedef struct
{
  GAsyncQueue *full;      /* Batch, in the file's order */
  GAsyncQueue *free;      /* Batch, emptied for reuse */
  int          stopped;   /* atomic: the taker wants no more */
} ReadAhead;

typedef struct
{
  TandemCsvRowFunc  func;
  gpointer          user_data;
  GPtrArray        *fields;         /* point into text, filled per record */
  GString          *text;           /* the records' fields, each ending in NUL */
  GArray           *offsets;        /* where each field starts in text */
  guint             record_first;   /* the record's first field in offsets */
  guint             line;           /* the physical line being fed */
  guint             newlines;       /* inside the fields of the record so far */
  gboolean          valid;          /* the record's text is known to be UTF-8 */
  gboolean          stopped;
  GError           *error;
  ReadAhead        *ahead;          /* NULL: each record goes to func at once */
  Batch            *batch;          /* being filled, when reading ahead */
} Parse;

/* Files from this size on are read by a second thread while the records
 * read so far go to the importer (for 100,000 people the reading is a
 * third of the time their rows take to check). */
static gsize read_ahead_from = 1024 * 1024;

/* A batch goes to the taker once it holds this many records or bytes. */
#define BATCH_RECORDS 1024
#define BATCH_BYTES   (256 * 1024)
#define N_BATCHES     3

/* Where a field of @length bytes at @text is cut (see field_cb()). */
static size_t
cell_length (const char *text,
             size_t      length)
{
  if (length > CELL_MAX_BYTES)
    {
      length = CELL_MAX_BYTES;
      while (length > 0 && ((guchar)text[length] & 0xC0) == 0x80)
        length--;
    }
  return length;
}

static void
field_cb (void   *data,
          size_t  length,
          void   *user_data)
{
  Parse *parse = user_data;
  const char *text = data != NULL ? data : "";

  if (parse->stopped)
    return;

  for (size_t i = 0; i < length; i++)
    if (text[i] == '\n')
      parse->newlines++;

  /* No column takes more than TANDEM_LIMIT_LONG characters: keep at most
   * a few more than that of a cell, cut at a character's start, so a cell
   * of 50 MB is still refused as too long without being copied whole. */
  length = cell_length (text, length);

  /* One buffer for the whole record rather than an allocation per field. */
  g_array_append_val (parse->offsets, parse->text->len);
  g_string_append_len (parse->text, text, (gssize)length);
  g_string_append_c (parse->text, '\0');
}


static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->text = g_string_sized_new (BATCH_BYTES + 4096);
  batch->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  batch->records = g_array_sized_new (FALSE, FALSE, sizeof (Record), BATCH_RECORDS);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->offsets);
  g_array_unref (batch->records);
  g_clear_error (&batch->error);
  g_free (batch);
}

/* Reading ahead: the reader fills @batch next. */
static void
parse_take_batch (Parse *parse,
                  Batch *batch)
{
  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->offsets, 0);
  g_array_set_size (batch->records, 0);
  batch->last = FALSE;
  parse->batch = batch;
  parse->text = batch->text;
  parse->offsets = batch->offsets;
  parse->record_first = 0;
}

/* Calls @parse's row function with @n_fields fields from @offsets[@first]
 * on; FALSE, with @error set, when it stopped the reading. */
static gboolean
deliver (Parse         *parse,
         const char    *text,
         const GArray  *offsets,
         guint          first,
         guint          n_fields,
         guint          line,
         GError       **error)
{
  gboolean go_on;

  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (parse->fields, (gpointer)(text + g_array_index (offsets, gsize, first + i)));
  go_on = parse->func (line, parse->fields, parse->user_data, error);
  g_ptr_array_set_size (parse->fields, 0);
  if (!go_on && error != NULL && *error == NULL)
    g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_STOPPED, _("Reading stopped at line %u."), line);
  return go_on;
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Parse *parse = user_data;
  guint start = parse->line - parse->newlines;
  guint n_fields = parse->offsets->len - parse->record_first;

  if (parse->stopped)
    goto out;

  for (guint i = 0; i < n_fields && !parse->valid; i++)
    {
      const char *field = parse->text->str + g_array_index (parse->offsets, gsize, parse->record_first + i);

      if (!g_utf8_validate (field, -1, NULL))
        {
          g_set_error (&parse->error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_ENCODING,
                       _("Line %u, column %u is not valid UTF-8 text. Save the file as UTF-8 and try again."),
                       start, i + 1);
          parse->stopped = TRUE;
          goto out;
        }
    }

  if (parse->ahead != NULL)
    {
      Record record = { start, parse->record_first, n_fields };

      g_array_append_val (parse->batch->records, record);
      parse->record_first = parse->offsets->len;
      if (parse->batch->records->len >= BATCH_RECORDS || parse->text->len >= BATCH_BYTES)
        {
          g_async_queue_push (parse->ahead->full, parse->batch);
          parse_take_batch (parse, g_async_queue_pop (parse->ahead->free));
        }
      parse->newlines = 0;
      parse->valid = FALSE;
      return;
    }

  if (!deliver (parse, parse->text->str, parse->offsets, 0, n_fields, start, &parse->error))
    parse->stopped = TRUE;

out:
  /* Read at once, a record's text is not kept; read ahead, a record cut
   * short leaves its fields to no record. */
  if (parse->ahead == NULL)
    g_string_truncate (parse->text, 0);
  g_array_set_size (parse->offsets, parse->record_first);
  parse->newlines = 0;
  parse->valid = FALSE;
}

/* A space libcsv trims around an unquoted field: a space, and a tab where
 * tabs do not separate fields. */
static inline gboolean
is_blank (char c,
          char delimiter)
{
  return c == ' ' || (c == '\t' && delimiter != '\t');
}

/* Whether libcsv, at the start of a record, reads the line [@p, @end) (its
 * newline left out) as one record of unquoted fields: no quote, and no
 * carriage return but one just before the newline. */
static gboolean
is_simple_line (const char *p,
                const char *end)
{
  const char *cr;

  if (memchr (p, '"', (gsize)(end - p)) != NULL)
    return FALSE;
  cr = memchr (p, '\r', (gsize)(end - p));
  return cr == NULL || cr == end - 1;
}

/* A simple line split as libcsv splits it: each field trimmed of blanks,
 * a blank line no record at all. The line is copied once and its fields
 * ended in place, and checked as UTF-8 once: a line that is, split at
 * ASCII bytes, gives fields that are. */
static void
parse_simple_line (Parse      *parse,
                   const char *p,
                   const char *end,
                   char        delimiter)
{
  const char *c;
  char *line;
  gsize at = 0, length, base;

  if (end > p && end[-1] == '\r')
    end--;
  for (c = p; c < end && is_blank (*c, delimiter); c++)
    ;
  if (c == end)
    return;

  /* After the records before it, when reading ahead; its own NUL ends
   * the last field. */
  length = (gsize)(end - p);
  base = parse->text->len;
  g_string_append_len (parse->text, p, (gssize)length);
  g_string_append_c (parse->text, '\0');
  line = parse->text->str + base;
  parse->valid = g_utf8_validate_len (line, length, NULL);
  for (;;)
    {
      char *stop = memchr (line + at, delimiter, length - at);
      gsize first = at, last, offset;

      last = stop != NULL ? (gsize)(stop - line) : length;
      at = last + 1;
      while (first < last && is_blank (line[first], delimiter))
        first++;
      while (last > first && is_blank (line[last - 1], delimiter))
        last--;
      line[first + cell_length (line + first, last - first)] = '\0';
      offset = base + first;
      g_array_append_val (parse->offsets, offset);
      if (stop == NULL)
        break;
    }
  row_cb ('\n', parse);
}

/* For tests: read every line through libcsv, to compare with the split. */
void
tandem_csv_set_libcsv_only (gboolean only)
{
  libcsv_only = only;
}

/* For tests: read ahead from texts of @bytes on (0: every text). */
void
tandem_csv_set_read_ahead_from (gsize bytes)
{
  read_ahead_from = bytes;
}

/**
 * tandem_csv_parse_data:
 * @func: called once per record, the header included
 *
 * Reads CSV text record by record. Empty lines are skipped; a UTF-8
 * byte-order mark is allowed; fields are trimmed of surrounding spaces.
 * A field longer than any column takes (over 40,000 bytes) reaches @func
 * cut at a character's start, still longer than TANDEM_LIMIT_LONG
 * characters, so memory stays bounded by the file's size.
 *
 * Returns: %FALSE when the text is not CSV (unbalanced quotes, NUL bytes,
 *   invalid UTF-8), is empty, or @func stopped the reading
 */
/* The header line's most frequent separator outside quotes; a comma
 * when none is found, or when they are as many. */
static char
detect_delimiter (const char *p,
                  const char *end)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (; p < end && (*p != '\n' || quoted); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          counts[c] += *p == candidates[c];
    }
  for (guint c = 1; c < G_N_ELEMENTS (candidates); c++)
    if (counts[c] > counts[best])
      best = c;
  return candidates[best];
}

/* The line and column (from 1) of @at, counting @delimiter outside quotes:
 * where a problem the parser never sees (a zero byte) lies. */
static void
locate (const char *p,
        const char *at,
        char        delimiter,
        guint      *out_line,
        guint      *out_column)
{
  gboolean quoted = FALSE;

  *out_line = 1;
  *out_column = 1;
  for (; p < at; p++)
    {
      if (*p == '\n')
        (*out_line)++;
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\n')
        *out_column = 1;
      else if (!quoted && *p == delimiter)
        (*out_column)++;
    }
}

/* Trims spaces only: in a file separated by tabs, a tab is not space. */
static int
is_space_only (unsigned char c)
{
  return c == CSV_SPACE;
}

/**
 * tandem_csv_dialect_describe:
 *
 * Returns: (transfer full) (nullable): what a person reads of @dialect,
 *   e.g. "UTF-16, separated by tabs"; %NULL for UTF-8 with commas
 */
char *
tandem_csv_dialect_describe (const TandemCsvDialect *dialect)
{
  const char *by;

  g_return_val_if_fail (dialect != NULL, NULL);

  if (dialect->delimiter == ',' && g_strcmp0 (dialect->encoding, "UTF-8") == 0)
    return NULL;
  by = dialect->delimiter == ';' ? _("separated by semicolons")
     : dialect->delimiter == '\t' ? _("separated by tabs")
     : _("separated by commas");
  /* Translators: how a CSV file was read, e.g. "UTF-16, separated by tabs" */
  return g_strdup_printf (_("%s, %s"), dialect->encoding, by);
}

gboolean
tandem_csv_parse_data (const char        *data,
                       gsize              length,
                       TandemCsvRowFunc   func,
                       gpointer           user_data,
                       GCancellable      *cancellable,
                       GError           **error)
{
  return tandem_csv_parse_data_full (data, length, NULL, func, user_data, cancellable, error);
}

/* Reads the records of [@p, @end) into @parse: to its row function, or
 * into batches when it reads ahead. FALSE with @error set when the text is
 * not CSV, is empty, or the reading was stopped or cancelled. */
static gboolean
read_records (Parse         *parse,
              const char    *p,
              const char    *end,
              char           delimiter,
              GCancellable  *cancellable,
              GError       **error)
{
  struct csv_parser parser;
  gboolean any = FALSE;
  gboolean in_quotes = FALSE;   /* a quoted field goes on past the line read last */

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not start");
  csv_set_delim (&parser, (unsigned char)delimiter);
  if (delimiter == '\t')
    csv_set_space_func (&parser, is_space_only);

  /* One physical line at a time, so every record knows where it ends. */
  while (p < end && !parse->stopped)
    {
      const char *newline = memchr (p, '\n', (gsize)(end - p));
      const char *next = newline != NULL ? newline + 1 : end;

      for (const char *c = p; c < next && !any; c++)
        if (!g_ascii_isspace (*c))
          any = TRUE;

      if (!in_quotes && !libcsv_only && is_simple_line (p, newline != NULL ? newline : end))
        parse_simple_line (parse, p, newline != NULL ? newline : end, delimiter);
      else if (csv_parse (&parser, p, (gsize)(next - p), field_cb, row_cb, parse) != (gsize)(next - p))
        {
          g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_MALFORMED,
                       _("Line %u is not valid CSV (%s): check its quotes."),
                       parse->line - parse->newlines, csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          g_clear_error (&parse->error);
          return FALSE;
        }

      else
        {
          /* Quotes come in pairs, "" inside a field too: an odd number
           * leaves a field open. */
          for (const char *c = p; (c = memchr (c, '"', (gsize)(next - c))) != NULL; c++)
            in_quotes = !in_quotes;
        }

      parse->line++;
      p = next;

      if (parse->ahead != NULL && g_atomic_int_get (&parse->ahead->stopped))
        parse->stopped = TRUE;
      if (cancellable != NULL && (parse->line & 0xfff) == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          csv_free (&parser);
          g_clear_error (&parse->error);
          return FALSE;
        }
    }

  /* A last record without a final newline ends on the last line read. */
  parse->line--;
  if (!parse->stopped && csv_fini (&parser, field_cb, row_cb, parse) != 0)
    {
      g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_MALFORMED,
                   _("The file ends inside a quoted field that starts on line %u: a closing quote is missing."),
                   parse->line - parse->newlines);
      csv_free (&parser);
      g_clear_error (&parse->error);
      return FALSE;
    }
  csv_free (&parser);

  if (parse->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse->error));
      return FALSE;
    }

  if (!any)
    {
      g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_EMPTY,
                   _("The file is empty: it needs a header line and at least one row."));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  Parse        *parse;
  const char   *p;
  const char   *end;
  char          delimiter;
  GCancellable *cancellable;
} Reader;

/* The second thread: reads every record into batches, the last one
 * carrying why the reading ended, if it did not end well. */
static gpointer
read_ahead_thread (gpointer data)
{
  Reader *reader = data;
  Parse *parse = reader->parse;
  GError *local_error = NULL;

  parse_take_batch (parse, g_async_queue_pop (parse->ahead->free));
  read_records (parse, reader->p, reader->end, reader->delimiter, reader->cancellable, &local_error);
  parse->batch->error = local_error;
  parse->batch->last = TRUE;
  g_async_queue_push (parse->ahead->full, parse->batch);
  return NULL;
}

/* Reads on a second thread while this one hands the records read to the
 * row function, in order. The row function's error comes first: the
 * reader may have got past the line where it stopped. */
static gboolean
read_records_ahead (Parse         *parse,
                    const char    *p,
                    const char    *end,
                    char           delimiter,
                    GCancellable  *cancellable,
                    GError       **error)
{
  ReadAhead ahead = { g_async_queue_new (), g_async_queue_new (), FALSE };
  Reader reader = { parse, p, end, delimiter, cancellable };
  GError *stop = NULL;
  GError *read_error = NULL;
  GThread *thread;
  Batch *batch;

  for (guint i = 0; i < N_BATCHES; i++)
    g_async_queue_push (ahead.free, batch_new ());
  parse->ahead = &ahead;
  thread = g_thread_new ("tandem-csv", read_ahead_thread, &reader);

  for (gboolean last = FALSE; !last;)
    {
      batch = g_async_queue_pop (ahead.full);
      for (guint r = 0; r < batch->records->len && stop == NULL; r++)
        {
          const Record *record = &g_array_index (batch->records, Record, r);

          if (!deliver (parse, batch->text->str, batch->offsets, record->first, record->n_fields, record->line,
                        &stop))
            g_atomic_int_set (&ahead.stopped, TRUE);
        }
      last = batch->last;
      if (last)
        {
          read_error = g_steal_pointer (&batch->error);
          batch_free (batch);
        }
      else
        g_async_queue_push (ahead.free, batch);
    }

  g_thread_join (thread);
  while ((batch = g_async_queue_try_pop (ahead.free)) != NULL)
    batch_free (batch);
  g_async_queue_unref (ahead.full);
  g_async_queue_unref (ahead.free);
  parse->ahead = NULL;

  if (stop != NULL)
    {
      g_clear_error (&read_error);
      g_propagate_error (error, stop);
      return FALSE;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * tandem_csv_parse_data_full:
 * @out_dialect: (out) (optional): how the data was written
 *
 * Reads CSV as spreadsheets write it: UTF-8 with or without a byte-order
 * mark, or UTF-16 (little or big endian) with one, converted by GLib;
 * separated by commas, semicolons or tabs, whichever the header line uses.
 * A large text is read by a second thread while the row function takes
 * the records read so far; the row function is called on the calling
 * thread, in the file's order, as for any text.
 */
gboolean
tandem_csv_parse_data_full (const char        *data,
                            gsize              length,
                            TandemCsvDialect  *out_dialect,
                            TandemCsvRowFunc   func,
                            gpointer           user_data,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autofree char *converted = NULL;
  TandemCsvDialect dialect = { ',', "UTF-8" };
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  Parse parse = { func, user_data, fields, text, offsets, 0, 1, 0, FALSE, FALSE, NULL, NULL, NULL };
  const char *p = data;
  const char *end = data != NULL ? data + length : NULL;   /* an empty file maps to no memory */
  const char *nul;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *from = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;

      converted = g_convert (data + 2, (gssize)length - 2, "UTF-8", from, NULL, &written, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_ENCODING,
                       _("The file says it is UTF-16 but cannot be read as such (%s). Export the sheet again "
                         "as CSV (UTF-8)."), local_error->message);
          return FALSE;
        }
      data = converted;
      length = written;
      p = data;
      end = data + length;
      dialect.encoding = "UTF-16";
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  dialect.delimiter = detect_delimiter (p, end);

  /* An empty file maps to no memory at all: p may be NULL. */
  if (p < end && (nul = memchr (p, '\0', (gsize)(end - p))) != NULL)
    {
      guint nul_line, nul_column;

      locate (p, nul, dialect.delimiter, &nul_line, &nul_column);
      g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_MALFORMED,
                   _("Line %u, column %u holds binary data (a zero byte): this is not a CSV text file. "
                     "Export the sheet as CSV (UTF-8) and try again."), nul_line, nul_column);
      return FALSE;
    }

  if (out_dialect != NULL)
    *out_dialect = dialect;

  if (length >= read_ahead_from)
    return read_records_ahead (&parse, p, end, dialect.delimiter, cancellable, error);
  return read_records (&parse, p, end, dialect.delimiter, cancellable, error);
}

gboolean
tandem_csv_parse_file (const char        *path,
                       TandemCsvRowFunc   func,
                       gpointer           user_data,
                       GCancellable      *cancellable,
                       GError           **error)
{
  return tandem_csv_parse_file_full (path, NULL, func, user_data, cancellable, error);
}

/**
 * tandem_csv_parse_file_full:
 * @out_dialect: (out) (optional): how the file was written
 *
 * tandem_csv_parse_data_full() on a file's contents.
 */
gboolean
tandem_csv_parse_file_full (const char        *path,
                            TandemCsvDialect  *out_dialect,
                            TandemCsvRowFunc   func,
                            gpointer           user_data,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Read, not mapped: a file cut short while it is read (another program
   * rewriting it) must not kill the process with SIGBUS, and a pipe or
   * /dev/stdin cannot be mapped at all. */
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, TANDEM_CSV_ERROR, TANDEM_CSV_ERROR_READ,
                   _("Tandem cannot read “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return tandem_csv_parse_data_full (contents, length, out_dialect, func, user_data, cancellable, error);
}

/* A plain decimal number, sign and all: what a spreadsheet reads as a
 * number, never as a formula. */
static gboolean
is_plain_number (const char *v)
{
  gboolean digits = FALSE;

  if (*v == '-' || *v == '+')
    v++;
  for (; g_ascii_isdigit (*v); v++)
    digits = TRUE;
  if (*v == '.' && digits)
    {
      digits = FALSE;
      for (v++; g_ascii_isdigit (*v); v++)
        digits = TRUE;
    }
  return digits && *v == '\0';
}

/**
 * tandem_csv_escape_cell:
 *
 * One CSV cell, quoted when it needs to be. A cell that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) is
 * prefixed with a single quote, so an export can never carry an attack; a
 * signed number such as a gap of -0.2 points stays a number.
 *
 * Returns: (transfer full): the cell as it goes into the file
 */
char *
tandem_csv_escape_cell (const char *value)
{
  GString *cell;
  gboolean quote;
  const char *v = value != NULL ? value : "";

  cell = g_string_new (NULL);
  if (v[0] != '\0' && strchr ("=+-@\t\r", v[0]) != NULL && !is_plain_number (v))
    g_string_append_c (cell, '\'');
  g_string_append (cell, v);

  /* Quoted too where a spreadsheet splitting on ; or a tab would find a
   * formula after the split ("x;=1+1"): quotes keep a cell whole. */
  quote = strpbrk (cell->str, ",\"\r\n;\t") != NULL;
  if (quote)
    {
      g_autofree char *inner = g_string_free (cell, FALSE);
      GString *quoted = g_string_new ("\"");

      for (const char *c = inner; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *c);
        }
      g_string_append_c (quoted, '"');
      return g_string_free (quoted, FALSE);
    }

  return g_string_free (cell, FALSE);
}
