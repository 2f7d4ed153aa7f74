/* tandem-import-private.h — what the importers share with their runner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tandem-import.c is the all-or-nothing runner: the header, the report,
 * the transaction. Each kind of file has its importer in a file of its
 * own (tandem-import-people.c, -enrollments, -sessions, -responses), which
 * describes its columns and reads its rows through these helpers.
 */
#pragma once

#include "tandem-csv.h"
#include "tandem-import.h"
#include "tandem-store-private.h"
#include "tandem-types.h"

G_BEGIN_DECLS

/* The columns an import expects, found by name in any order. */
typedef struct
{
  const char * const *names;
  guint               n_names;
  const int          *mapping;      /* nullable: the file's column of each name */
  guint               optional;     /* bit n: names[n] may be missing; its fields read as "" */
  int                 index[16];
  guint               n_fields;
  gboolean            have_header;
  gboolean            ok;           /* every column was found */
  guint               limits[16];   /* how many characters names[n] holds */
} TandemImportHeader;

/* A role as an import knows it: its id and level, and where the file
 * first named it. Starts with the id, as a department's entry is one. */
typedef struct
{
  gint64       id;
  TandemLevel  level;
  guint        line;       /* where this file first named it; 0 if it did not */
} TandemRoleSeen;

typedef gboolean (*TandemImportFunc)       (TandemStore         *store,
                                            const char          *path,
                                            const int           *mapping,
                                            TandemImportReport  *report,
                                            GCancellable        *cancellable,
                                            GError             **error);
typedef gboolean (*TandemImportFinishFunc) (gpointer             user_data,
                                            GError             **error);

/* One kind of file: its columns, which may be missing, how to read it,
 * and (nullable) how to find a column the header does not name exactly. */
typedef struct
{
  const char * const *columns;
  guint               n_columns;
  guint               optional;     /* bit n: columns[n] may be missing */
  TandemImportFunc    run;
  int               (*guess_column) (guint               column,
                                     const char * const *header);
} TandemImporter;

GHashTable *tandem_import_known_competencies (TandemStore         *store,
                                              GError             **error);
gboolean    tandem_import_ensure_competency  (TandemStore         *store,
                                              GHashTable          *known,
                                              const char          *name,
                                              TandemImportReport  *report,
                                              GError             **error);

extern const TandemImporter tandem_people_importer;
extern const TandemImporter tandem_enrollments_importer;
extern const TandemImporter tandem_sessions_importer;
extern const TandemImporter tandem_responses_importer;
extern const TandemImporter tandem_programs_importer;
extern const TandemImporter tandem_targets_importer;

void        tandem_import_add_problem    (TandemImportReport  *report,
                                          guint                line,
                                          const char          *column,
                                          const char          *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gboolean    tandem_import_take_row       (TandemImportHeader  *header,
                                          guint                line,
                                          GPtrArray           *fields,
                                          TandemImportReport  *report);
gboolean    tandem_import_has_column     (TandemImportHeader  *header,
                                          guint                n);
const char *tandem_import_field          (TandemImportHeader  *header,
                                          GPtrArray           *fields,
                                          guint                n);
GDate      *tandem_import_parse_date     (TandemImportReport  *report,
                                          guint                line,
                                          const char          *column,
                                          const char          *text);
gboolean    tandem_import_parse_int      (const char          *text,
                                          int                  least,
                                          int                  most,
                                          int                  if_empty,
                                          int                 *out_value);
gboolean    tandem_import_in_transaction (TandemStore         *store,
                                          const char          *path,
                                          TandemCsvRowFunc     func,
                                          TandemImportFinishFunc finish,
                                          gpointer             user_data,
                                          TandemImportReport  *report,
                                          GCancellable        *cancellable,
                                          GError             **error);
gboolean    tandem_import_load_ids       (TandemStore         *store,
                                          const char          *sql,
                                          GHashTable          *table,
                                          gboolean             casefold,
                                          GError             **error);
gboolean    tandem_import_load_people    (TandemStore         *store,
                                          GHashTable          *people,
                                          GError             **error);
/* Room for the folded key of most names, on the stack. */
#define TANDEM_IMPORT_KEY_SIZE 128

const char *tandem_import_name_key      (const char          *name,
                                          char                 buffer[TANDEM_IMPORT_KEY_SIZE],
                                          char               **out_allocated);
gboolean    tandem_import_named_id       (TandemStore         *store,
                                          GHashTable          *ids,
                                          TandemStmt          *add,
                                          const char          *name,
                                          TandemLevel          level,
                                          TandemImportReport  *report,
                                          gint64              *out_id,
                                          GError             **error);

G_END_DECLS
