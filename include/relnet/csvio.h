/* csvio.h - reading and writing CSV/TSV with libcsv (the only user of csv.h).
 *
 * The reader is a pull parser over libcsv's push parser: rn_csv_next()
 * returns one record at a time with the physical line it started on, so
 * every message can say "file:line: reason". It streams: memory is bounded
 * by the longest record, not the file. RFC 4180 quoting (embedded
 * delimiters, doubled quotes, newlines inside quotes), CRLF and LF, and a
 * UTF-8 byte-order mark are handled.
 *
 * TSV, as relnet writes it (`extract --format tsv`) and reads it (`import`
 * with a tab delimiter), is the PostgreSQL text format's convention, also
 * "linear TSV": no quoting at all; a tab, line feed, carriage return or
 * backslash inside a field is written \t, \n, \r or \\. Every field
 * survives the trip byte for byte; spaces at either end are kept. A
 * backslash before any other character is kept as it is.
 *
 * Errors come in two kinds. A record error (stray quote, unterminated quote)
 * is returned as RN_EINPUT with the position; the reader then resumes on the
 * next line (for an unterminated quote: on the line after the one the bad
 * record started on, when the input can seek), so a lenient caller can skip
 * the record and go on. An I/O error (RN_EIO) ends the file.
 */
#ifndef RELNET_CSVIO_H
#define RELNET_CSVIO_H

#include "relnet/error.h"

#include <stdint.h>
#include <stdio.h>

struct rn_csv_reader;

struct rn_csv_options {
    char delimiter;  /* ',', '\t', ';', '|'; 0 = guess from the first line (',' if unsure) */
    int no_quotes;   /* 1: '"' is an ordinary character (for lexicon TSV files) */
    int skip_comments; /* 1: lines starting with '#' outside a record are skipped */
    int check_utf8;    /* 1: a line with invalid UTF-8 makes its record an error */
    int tsv;           /* 1: when the delimiter is a tab (given or guessed), read
                          relnet's TSV (see rn_tsv_add_field), not quoted CSV */
};

/* What the last RN_EINPUT from rn_csv_next was about. */
enum rn_csv_error_kind {
    RN_CSV_ERR_NONE = 0,
    RN_CSV_ERR_QUOTE,    /* stray or unterminated quote */
    RN_CSV_ERR_UTF8,     /* invalid UTF-8 (check_utf8) */
    RN_CSV_ERR_TOO_LONG, /* record over the size limit */
    RN_CSV_ERR_ENCODING, /* not UTF-8 at all (UTF-16) or NUL bytes */
};

struct rn_csv_row {
    size_t nfields;
    char **fields;       /* NUL-terminated, valid until the next rn_csv_next() */
    const size_t *lens;  /* byte length of each field (fields may hold NUL bytes) */
    long line;           /* physical line (1-based) where the record starts */
    long end_line;       /* physical line where it ends (> line for multi-line fields) */
};

/* Open path ("-" = stdin). err gets "cannot open PATH: reason", with the
 * status of rn_open_status (a missing or unreadable file: RN_EINPUT). */
int rn_csv_open(const char *path, const struct rn_csv_options *opt, struct rn_csv_reader **out,
                struct rn_err *err);

/* Open the bytes [start, end) of the regular file path, whose first line
 * is line first_line of the file: one part of a file cut at line ends,
 * for reading the parts in parallel. Give opt->delimiter (a part has no
 * header to guess it from). Messages name path and the file's lines. The
 * part is not hashed (rn_csv_content_hash). */
int rn_csv_open_part(const char *path, const struct rn_csv_options *opt, uint64_t start,
                     uint64_t end, long first_line, struct rn_csv_reader **out,
                     struct rn_err *err);

/* Offset in the file of the next line to read: after a record that ended
 * at a line end, where its successor starts. */
uint64_t rn_csv_offset(const struct rn_csv_reader *r);

/* Read the next record into *row. Returns 1 when a record was read, 0 at
 * the end of input, RN_EINPUT for a malformed record (err: "PATH:LINE:COL:
 * reason"; call again to go on after it), RN_EIO or RN_ENOMEM. Blank lines
 * are skipped. */
int rn_csv_next(struct rn_csv_reader *r, struct rn_csv_row *row, struct rn_err *err);

enum rn_csv_error_kind rn_csv_error_kind(const struct rn_csv_reader *r);

/* The delimiter in use (after guessing). */
char rn_csv_delimiter(const struct rn_csv_reader *r);

/* Bytes consumed so far and the total size (0 when unknown, e.g. a pipe),
 * for progress bars. */
uint64_t rn_csv_bytes_read(const struct rn_csv_reader *r);
uint64_t rn_csv_bytes_total(const struct rn_csv_reader *r);

/* Content hash of everything read so far (hash.h); complete at end of
 * input. A reader of one part of a file (rn_csv_open_part) keeps none: "". */
void rn_csv_content_hash(const struct rn_csv_reader *r, char hex[33]);

/* NULL-safe. */
void rn_csv_close(struct rn_csv_reader *r);

/* Guess a delimiter from a header line: the most frequent of , \t ; |
 * outside quotes, ',' when none occurs. */
char rn_csv_guess_delimiter(const char *line, size_t len);

/* Write one record with delimiter delim and minimal quoting (a field is
 * quoted only when it holds the delimiter, a quote, CR or LF, or starts or
 * ends with a space); lines end with "\n". RN_OK or RN_EIO. */
int rn_csv_write_row(FILE *out, char delim, const char *const *fields, size_t n);

/* Append s to b as one TSV field: tab, LF, CR and backslash escaped as
 * \t, \n, \r, \\. RN_OK or RN_ENOMEM. */
struct rn_buf;
int rn_tsv_add_field(struct rn_buf *b, const char *s);

/* Read a line-oriented rule file (the lexicon's boilerplate and
 * abbreviation lists, whose lines each parser reads itself): line(ctx,
 * text, length, line number, err) for every line, without its '\n', until
 * one returns an error. Returns RN_OK, that error, "cannot open PATH: ..."
 * (RN_EINPUT or RN_EIO by rn_open_status) or RN_EIO "cannot read PATH". */
int rn_lines_read(const char *path,
                  int (*line)(void *ctx, const char *s, size_t n, size_t lineno,
                              struct rn_err *err),
                  void *ctx, struct rn_err *err);

#endif
