/* import.h - turn a CSV/TSV edge list into relation records.
 *
 * Columns are matched by header name, case- and punctuation-insensitively,
 * with the usual synonyms:
 *   source      source, from, src, subject, actor1, node1, sender, head
 *   target      target, to, dst, object, actor2, node2, receiver, recipient, tail
 *   relation    relation, type, label, predicate, relationship, rel, edge type, verb
 *   weight      weight, value, strength (and count, when there is no weight column)
 *   count       count, n, reports, mentions (when a weight column exists too: the
 *               row stands for that many identical reports)
 *   date        date, day, timestamp, published, event date
 *   evidence    evidence, sentence, quote, text, context, snippet
 *   polarity, confidence, article (article, document), path, url (url, link),
 *   title, source_type, target_type, source_affiliation, target_affiliation,
 *   sentence_no, offset, origin
 * A row's article is its path, else its article name, else its URL; a new
 * article gets the row's URL and title (so `relnet extract` output imports
 * as the records `relnet add` stores). Tab-separated input is relnet's TSV
 * (csvio.h: unquoted, \t \n \r \\ escapes).
 * Gephi's edge table (Source,Target,Type,Id,Label,Weight) is recognised:
 * Label is the relation (empty: the default relation), Type the direction.
 * A header in which no column name is recognised is an error listing the
 * cells found, unless --map names the columns or no_header is set.
 * "role=COLUMN" mappings override them (COLUMN is a header name or a
 * 1-based number). Without a header row, columns are positional:
 * source, target, then relation (or weight if numeric), then weight.
 *
 * Records go to a sink (the knowledge base or an in-memory relset). A bad
 * row is reported as "file:line: reason" with the physical line where the
 * record starts; lenient imports skip it and count it by reason, strict
 * ones stop at it.
 */
#ifndef RELNET_IMPORT_H
#define RELNET_IMPORT_H

#include "relnet/error.h"
#include "relnet/record.h"

#include <stdint.h>

enum rn_import_reason {
    RN_SKIP_QUOTING,     /* unterminated or stray quote */
    RN_SKIP_FIELDS,      /* wrong number of fields */
    RN_SKIP_EMPTY,       /* empty source, target or relation */
    RN_SKIP_WEIGHT,      /* weight, count or confidence not a number */
    RN_SKIP_UTF8,        /* invalid UTF-8 */
    RN_SKIP_DATE,        /* date not read, or ambiguous */
    RN_SKIP_VALUE,       /* unknown polarity, type, origin or content hash */
    RN_SKIP_REJECTED,    /* the sink refused the record */
    RN_SKIP_REASONS
};

#define RN_IMPORT_KEEP_ERRORS 10

struct rn_import_options {
    char delimiter;               /* 0: from the extension (.tsv = tab), else guessed */
    int no_header;                /* the first row is data */
    const char *map;              /* "source=COL,target=COL,..." or NULL */
    const char *default_relation; /* when there is no relation column; NULL = "related" */
    /* strptime format of the date column (e.g. "%d.%m.%Y"), or NULL: then
       YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY (decided by the first
       date with a part above 12; ambiguous ones before are bad rows) and
       month-name dates are read, and rn_import_report.dates names them. */
    const char *date_format;
    int strict;                   /* stop at the first bad row */
    /* progress(ctx, bytes_done, bytes_total) every few thousand rows; total
       is 0 when unknown. May be NULL. */
    void (*progress)(void *ctx, uint64_t done, uint64_t total);
    void *progress_ctx;
    /* rn_import_csv_parts leaves rn_import_report.content_hash empty
       instead of hashing the whole file (for callers that never read it) */
    int no_content_hash;
};

struct rn_import_report {
    long rows_read;     /* data rows seen, bad ones included */
    long rows_imported; /* records handed to the sink (a count column adds several) */
    long rows_skipped;
    long skipped[RN_SKIP_REASONS];
    char *errors[RN_IMPORT_KEEP_ERRORS]; /* the first bad-row messages, owned */
    int n_errors;
    char content_hash[33];
    char delimiter;
    char columns[640]; /* "source=from, target=to, relation=(all 'related')" */
    char ignored[640]; /* header cells no role took: "note, scope" ("" when none) */
    char dates[160];   /* the date layouts read: "YYYY-MM-DD, DD.MM.YYYY" ("" when none) */
};

/* Import path ("-" = stdin) into sink. Returns RN_OK when the file was read
 * to the end (even with skipped rows: see rep), RN_EINPUT for a header
 * problem or, with strict, the first bad row (err: "file:line: reason"),
 * RN_EUSAGE for a bad map, RN_EIO/RN_ENOMEM, or the sink's error. */
int rn_import_csv(const char *path, const struct rn_import_options *opt, struct rn_sink sink,
                  struct rn_import_report *rep, struct rn_err *err);

/* Import path in up to nparts parts read on as many threads, part k into
 * sinks[k] (the caller then takes the sinks' records in order of k). The
 * file is cut after line ends outside quotes (counted from the start) into
 * parts of at least 1 MiB, and *split is set when the parts read together
 * exactly what rn_import_csv would have: no part met a quote it could not
 * place, which would mean its start or end was inside a quoted field.
 * Otherwise *split stays 0 and the caller empties the sinks and imports the
 * file with rn_import_csv: so for stdin, a small file, a CR without LF
 * (old Mac line ends), quoting errors, and a date column without
 * date_format (D/M or M/D order is decided by the file's first telling
 * date). A header problem fails as it would there. Returns as
 * rn_import_csv, the report being the whole file's. */
#define RN_IMPORT_MAX_PARTS 64
int rn_import_csv_parts(const char *path, const struct rn_import_options *opt, size_t nparts,
                        const struct rn_sink *sinks, int *split, struct rn_import_report *rep,
                        struct rn_err *err);

void rn_import_report_release(struct rn_import_report *rep);

/* "unterminated or stray quote", ... */
const char *rn_import_reason_name(enum rn_import_reason r);

/* Read an alias table: a CSV/TSV with a header naming the columns alias
 * (or variant, spelling) and canonical (or entity, name), and optionally
 * type and affiliation; or the actor lexicon's layout, where the aliases
 * column lists several names separated by '|' (data/lexicon/actors.tsv).
 * Lines starting with '#' are comments. add() is called for every
 * (alias, canonical) pair, the canonical name with itself included in the
 * lexicon layout; bad rows are reported as for edge lists (lenient unless
 * opt->strict). */
typedef int rn_alias_fn(void *ctx, const char *alias, const char *canonical, enum rn_etype type,
                        const char *affiliation, struct rn_err *err);
int rn_import_aliases(const char *path, const struct rn_import_options *opt, rn_alias_fn *add,
                      void *ctx, struct rn_import_report *rep, struct rn_err *err);

#endif
