/* output.h - what the analysis commands (stats, centrality, query) share:
 * loading the graph view, and rows of text cells printed as an aligned
 * table for people or as CSV or JSON for programs, so a command builds its
 * rows once for every format.
 *
 * Table output measures cells in terminal columns (rn_utf8_width), so
 * names in any script line up, and shows control characters as escapes
 * ("\n", "\t", "\x07") so one cell stays on one line. CSV output is for
 * spreadsheets: RFC 4180 quoting (csvio.h), and a cell that is not a number
 * but starts with = + - @ (or a tab or CR) gets a leading ' so a spreadsheet
 * shows it as text instead of running it as a formula (OWASP's advice on
 * CSV injection). `relnet export --format csv` is not written here: it is
 * for re-import and stays lossless.
 */
#ifndef RELNET_CLI_OUTPUT_H
#define RELNET_CLI_OUTPUT_H

#include "cli.h"

#include "relnet/view.h"

#include <stddef.h>
#include <stdio.h>

struct rn_json;

struct cli_table;

/* A table with ncols columns. headers are copied. align holds one letter
 * per column: 'l' (text) or 'r' (numbers). NULL on out of memory. */
struct cli_table *cli_table_new(size_t ncols, const char *const *headers, const char *align);

/* Append a row of ncols cells (copied; NULL is an empty cell). RN_OK or
 * RN_ENOMEM. */
int cli_table_add(struct cli_table *t, const char *const *cells);

size_t cli_table_rows(const struct cli_table *t);

/* Header, a rule, then the rows, columns two spaces apart, no trailing
 * spaces. indent spaces go in front of every line. RN_OK or RN_EIO. */
int cli_table_print(const struct cli_table *t, FILE *out, int indent);

/* Header row then the rows as CSV. RN_OK or RN_EIO. */
int cli_table_write_csv(const struct cli_table *t, FILE *out);

/* The rows as a JSON array of objects keyed by the headers; cells of
 * right-aligned (number) columns become JSON numbers. NULL on out of
 * memory. */
struct rn_json *cli_table_to_json(const struct cli_table *t);

/* NULL-safe. */
void cli_table_free(struct cli_table *t);

/* s as shown to a person on one line: control characters as escapes
 * ("\n", "\t", "\x07"). Returns s itself when it has none, else the
 * contents of buf (valid until buf changes). */
struct rn_buf;
const char *cli_display(const char *s, struct rn_buf *buf);

/* Format a number for a cell as people write it: integers without
 * decimals, others with up to digits significant digits and no trailing
 * zeros ("0.123457" with 6; 0.6499999999999999 -> "0.65" with 10), and
 * floating-point residue (|v| < 1e-12, e.g. 1.05e-17) as "0". Tables use
 * 6, CSV and JSON 10. Returns buf. */
const char *cli_table_number(double v, int digits, char *buf, size_t size);

/* The same value as a double (for JSON numbers): rounded to 10 significant
 * digits, residue to 0. */
double cli_clean_number(double v);

/* Output formats of the analysis commands. */
enum cli_format { CLI_FORMAT_TABLE, CLI_FORMAT_CSV, CLI_FORMAT_JSON };

/* The choices of --format (options.h): table, csv, json; and table, json
 * for commands whose output has no one table for CSV. */
extern const struct cli_choice cli_formats[], cli_formats_no_csv[];

/* cli_load_relations (cli.h) and then the graph view of the selection
 * (roll-up and --min-count applied). On success *set and *view are the
 * caller's (rn_view_free, rn_relset_free); returns an exit code. With
 * CLI_COLUMNS_GRAPH the view lists no records and the set's records are
 * freed once the view is built: only its entities and relations remain. */
int cli_load_view(const char *cmd, int nfiles, char **files, const struct cli_selection *sel,
                  enum cli_columns columns, struct rn_relset **set, struct rn_view **view,
                  int *bad_rows);

/* The exit code after writing the output: rc is the writer's status; bad
 * CSV rows skipped while loading make it 1. Prints the error. */
int cli_output_done(int rc, int bad_rows);

#endif
