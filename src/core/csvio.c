/* csvio.c - CSV/TSV reading and writing on libcsv (see relnet/csvio.h).
 *
 * libcsv is a push parser that knows nothing of lines (notes/apis.md 2.2),
 * so the reader feeds it one physical line at a time, remembers where the
 * current record started, and turns its byte counts into line:column
 * positions. Lines are also cut after a lone CR, so that at most one record
 * can end per feed (old Mac files end records with CR alone).
 */
#include "relnet/csvio.h"

#include "relnet/buf.h"
#include "relnet/hash.h"
#include "relnet/text.h"

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A record longer than this is almost certainly an unterminated quote
   swallowing the file; stop before it eats the memory. */
#define RECORD_MAX (64u * 1024u * 1024u)

struct rn_csv_reader {
    char *path;
    FILE *file;
    int own_file;
    int seekable;
    struct rn_csv_options opt;
    char delim;
    struct csv_parser parser;
    int parser_live;

    char *line;         /* getline buffer */
    size_t line_cap;
    const char *cur;    /* the physical line being fed (inside line) */
    size_t cur_len;
    size_t cur_col0;    /* bytes of line skipped before cur (a BOM) */
    size_t rest_off, rest_len; /* unfed rest of a line cut at a lone CR */
    long line_no;       /* physical line being fed, 1-based */
    long rec_line;      /* line where the current record started, 0: none */
    long rec_resume_at; /* file offset of the line after rec_line */
    uint64_t bytes_read, bytes_total;
    uint64_t file_pos; /* offset of the next line in the file */
    uint64_t end;      /* a part ends before this offset; 0: at the end of input */
    struct rn_content_hash *hash;
    int eof;

    /* the record being assembled by the callbacks */
    struct rn_buf fieldbuf;
    size_t *offsets, *lens;
    char **fields;
    size_t nfields, fields_cap;
    int row_done;
    int too_long;
    enum rn_csv_error_kind error_kind;
};

/* Reading relnet's TSV: unquoted, escaped fields (csvio.h). */
static int reads_tsv(const struct rn_csv_reader *r)
{
    return r->opt.tsv && r->delim == '\t';
}

/* In TSV every byte between tabs is data: libcsv must not trim spaces. */
static int no_spaces(unsigned char c)
{
    (void)c;
    return 0;
}

static int parser_start(struct rn_csv_reader *r)
{
    unsigned char opts = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;
    if (csv_init(&r->parser, opts) != 0)
        return RN_ENOMEM;
    csv_set_delim(&r->parser, (unsigned char)r->delim);
    if (r->opt.no_quotes || reads_tsv(r))
        csv_set_quote(&r->parser, 0); /* NUL lines are rejected before feeding */
    if (reads_tsv(r))
        csv_set_space_func(&r->parser, no_spaces);
    r->parser_live = 1;
    return RN_OK;
}

static void parser_stop(struct rn_csv_reader *r)
{
    if (r->parser_live)
        csv_free(&r->parser);
    r->parser_live = 0;
}

/* Append a field of len bytes (s NULL: empty) to the record being
   assembled, and a NUL after it. */
static void add_field(struct rn_csv_reader *r, const char *s, size_t len)
{
    if (r->too_long)
        return;
    if (r->nfields == r->fields_cap) {
        size_t cap = r->fields_cap ? r->fields_cap * 2 : 16;
        size_t *offsets = realloc(r->offsets, cap * sizeof *offsets);
        size_t *lens = offsets ? realloc(r->lens, cap * sizeof *lens) : NULL;
        char **fields = lens ? realloc(r->fields, cap * sizeof *fields) : NULL;
        if (offsets)
            r->offsets = offsets;
        if (lens)
            r->lens = lens;
        if (fields)
            r->fields = fields;
        if (!fields) {
            r->too_long = 1; /* reported as out of memory by the caller */
            return;
        }
        r->fields_cap = cap;
    }
    r->offsets[r->nfields] = r->fieldbuf.len;
    r->lens[r->nfields] = len;
    struct rn_buf *b = &r->fieldbuf;
    if (rn_buf_grow(b, len + 1) != RN_OK) {
        r->too_long = 1;
        return;
    }
    if (s && len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    b->data[++b->len] = '\0'; /* rn_buf's own terminator */
    r->nfields++;
}

static void on_field(void *s, size_t len, void *data)
{
    add_field(data, s, len);
}

static void on_row(int term, void *data)
{
    struct rn_csv_reader *r = data;
    (void)term;
    r->row_done = 1;
}

static void record_reset(struct rn_csv_reader *r)
{
    rn_buf_reset(&r->fieldbuf);
    r->nfields = 0;
    r->row_done = 0;
    r->too_long = 0;
    r->rec_line = 0;
}

char rn_csv_guess_delimiter(const char *line, size_t len)
{
    static const char candidates[] = { ',', '\t', ';', '|' };
    size_t counts[4] = { 0, 0, 0, 0 };
    int in_quotes = 0;
    for (size_t i = 0; i < len; i++) {
        char c = line[i];
        if (c == '"') {
            in_quotes = !in_quotes;
            continue;
        }
        if (in_quotes)
            continue;
        for (int k = 0; k < 4; k++)
            if (c == candidates[k])
                counts[k]++;
    }
    int best = 0;
    for (int k = 1; k < 4; k++)
        if (counts[k] > counts[best])
            best = k;
    return counts[best] ? candidates[best] : ',';
}

int rn_csv_open_part(const char *path, const struct rn_csv_options *opt, uint64_t start,
                     uint64_t end, long first_line, struct rn_csv_reader **out, struct rn_err *err)
{
    int rc = rn_csv_open(path, opt, out, err);
    if (rc != RN_OK)
        return rc;
    struct rn_csv_reader *r = *out;
    if (!r->seekable || fseek(r->file, (long)start, SEEK_SET) != 0) {
        rn_csv_close(r);
        *out = NULL;
        return rn_fail(err, RN_EIO, "cannot read %s from byte %llu", path,
                       (unsigned long long)start);
    }
    r->file_pos = r->bytes_read = start;
    r->end = end;
    /* A part's hash would be of no use: the caller hashes the whole file. */
    rn_content_hash_free(r->hash);
    r->hash = NULL;
    r->line_no = first_line - 1;
    return RN_OK;
}

uint64_t rn_csv_offset(const struct rn_csv_reader *r)
{
    return r->file_pos;
}

int rn_csv_open(const char *path, const struct rn_csv_options *opt, struct rn_csv_reader **out,
                struct rn_err *err)
{
    *out = NULL;
    struct rn_csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return rn_fail(err, RN_ENOMEM, "out of memory opening %s", path);
    if (opt)
        r->opt = *opt;
    r->path = strdup(path);
    r->hash = rn_content_hash_new();
    if (!r->path || !r->hash) {
        rn_csv_close(r);
        return rn_fail(err, RN_ENOMEM, "out of memory opening %s", path);
    }
    if (strcmp(path, "-") == 0) {
        r->file = stdin;
    } else {
        r->file = fopen(path, "rb");
        if (!r->file) {
            int e = errno;
            rn_csv_close(r);
            return rn_fail_open(err, e, path);
        }
        r->own_file = 1;
    }
    struct stat st;
    if (fstat(fileno(r->file), &st) == 0 && S_ISREG(st.st_mode)) {
        r->bytes_total = (uint64_t)st.st_size;
        r->seekable = 1;
    } else if (r->own_file && fstat(fileno(r->file), &st) == 0 && S_ISDIR(st.st_mode)) {
        rn_csv_close(r);
        return rn_fail(err, RN_EINPUT, "cannot read %s: it is a directory", path);
    }
    r->delim = r->opt.delimiter; /* 0: guessed on the first line */
    *out = r;
    return RN_OK;
}

void rn_csv_close(struct rn_csv_reader *r)
{
    if (!r)
        return;
    parser_stop(r);
    if (r->own_file && r->file)
        fclose(r->file);
    rn_content_hash_free(r->hash);
    rn_buf_release(&r->fieldbuf);
    free(r->offsets);
    free(r->lens);
    free(r->fields);
    free(r->line);
    free(r->path);
    free(r);
}

enum rn_csv_error_kind rn_csv_error_kind(const struct rn_csv_reader *r)
{
    return r->error_kind;
}

char rn_csv_delimiter(const struct rn_csv_reader *r)
{
    return r->delim ? r->delim : ',';
}

uint64_t rn_csv_bytes_read(const struct rn_csv_reader *r)
{
    return r->bytes_read;
}

uint64_t rn_csv_bytes_total(const struct rn_csv_reader *r)
{
    return r->bytes_total;
}

void rn_csv_content_hash(const struct rn_csv_reader *r, char hex[33])
{
    if (!r->hash) {
        hex[0] = '\0';
        return;
    }
    rn_content_hash_hex(r->hash, hex);
}

/* Decode \t \n \r \\ in place; returns the new length. */
static size_t tsv_unescape(char *s, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len && memchr("tnr\\", s[i + 1], 4)) {
            char e = s[++i];
            c = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : '\\';
        }
        s[out++] = c;
    }
    s[out] = '\0';
    return out;
}

static void fill_row(struct rn_csv_reader *r, struct rn_csv_row *row)
{
    for (size_t i = 0; i < r->nfields; i++) {
        r->fields[i] = r->fieldbuf.data + r->offsets[i];
        if (reads_tsv(r))
            r->lens[i] = tsv_unescape(r->fields[i], r->lens[i]);
    }
    row->nfields = r->nfields;
    row->fields = r->fields;
    row->lens = r->lens;
    row->line = r->rec_line;
    row->end_line = r->line_no;
}

/* Explain a strict-mode parse error at byte col (0-based) of the line. */
static int parse_error(struct rn_csv_reader *r, const char *seg, size_t seglen, size_t done,
                       size_t col0, struct rn_err *err)
{
    const char *what = "malformed field";
    if (done < seglen && seg[done] == '"')
        what = "unexpected '\"' inside a field (quote the whole field and double the "
               "quotes inside it)";
    else if (done > 0 && seg[done - 1] == '"')
        what = "text after a closing quote (a quoted field must end at a delimiter)";
    else if (csv_error(&r->parser) == CSV_ETOOBIG || csv_error(&r->parser) == CSV_ENOMEM)
        what = "record too large";
    r->error_kind = RN_CSV_ERR_QUOTE;
    return rn_fail(err, RN_EINPUT, "%s:%ld:%zu: %s", r->path, r->line_no, col0 + done + 1, what);
}

/* Forget the bad record and start afresh on the next line. */
static int resync(struct rn_csv_reader *r)
{
    parser_stop(r);
    record_reset(r);
    return parser_start(r);
}

/* Go back to the line after the one the current record started on, so
   lines swallowed by an unclosed quote are read again as records of their
   own. Without a seekable input the rest of the input is given up. */
static int restart_after_record_start(struct rn_csv_reader *r)
{
    long bad_line = r->rec_line;
    long resume = r->rec_resume_at;
    if (resync(r) != RN_OK)
        return RN_ENOMEM;
    if (r->seekable && resume >= 0 && fseek(r->file, resume, SEEK_SET) == 0) {
        clearerr(r->file);
        r->line_no = bad_line;
        r->file_pos = (uint64_t)resume;
        r->rest_len = 0;
        r->eof = 0;
        /* bytes_read stays at the high-water mark: next_line() neither
           counts nor hashes the lines it reads a second time. */
    } else {
        r->eof = 1;
    }
    return RN_OK;
}

/* Unterminated quote at the end of input: report it at the line the record
   started on, then read on from the line after it. */
static int unterminated(struct rn_csv_reader *r, struct rn_err *err)
{
    r->error_kind = RN_CSV_ERR_QUOTE;
    int rc = rn_fail(err, RN_EINPUT, "%s:%ld: unterminated quoted field (no closing '\"')",
                     r->path, r->rec_line);
    return restart_after_record_start(r) == RN_OK ? rc : RN_ENOMEM;
}

/* An error inside a record that began on an earlier line: the likeliest
   cause is a quote opened there and never closed, which swallowed the
   lines in between. Blame the opening line and re-read the others. */
static int open_quote_ran_into(struct rn_csv_reader *r, const char *what, struct rn_err *err)
{
    r->error_kind = RN_CSV_ERR_QUOTE;
    int rc = rn_fail(err, RN_EINPUT,
                     "%s:%ld: unterminated quoted field (still open at line %ld, where %s)",
                     r->path, r->rec_line, r->line_no, what);
    return restart_after_record_start(r) == RN_OK ? rc : RN_ENOMEM;
}

/* A record that spans lines and fails: see open_quote_ran_into. */
static int spans_lines(const struct rn_csv_reader *r)
{
    return r->rec_line && r->rec_line < r->line_no && r->seekable;
}

static int read_line(struct rn_csv_reader *r, ssize_t *n)
{
    errno = 0;
    *n = getline(&r->line, &r->line_cap, r->file);
    if (*n < 0) {
        if (ferror(r->file))
            return RN_EIO;
        return 0;
    }
    return 1;
}

/* Make (r->cur, r->cur_len) the next physical line to feed: the rest of a
   line cut at a lone CR, else a fresh line from the file. Returns 1, 0 at
   the end of input, or RN_EIO. */
static int next_line(struct rn_csv_reader *r, long *line_start, struct rn_err *err)
{
    if (r->rest_len > 0) {
        r->cur = r->line + r->rest_off;
        r->cur_len = r->rest_len;
        r->rest_len = 0;
        r->line_no++;
        *line_start = -1;
        return 1;
    }
    /* Track the position ourselves: ftell() costs a system call per line. */
    *line_start = r->seekable ? (long)r->file_pos : -1;
    if (r->end && r->file_pos >= r->end)
        return 0; /* the end of a part (at a line end, where parts are cut) */
    ssize_t n;
    int got = read_line(r, &n);
    if (got < 0)
        return rn_fail(err, RN_EIO, "cannot read %s: %s", r->path, strerror(errno));
    if (got == 0)
        return 0;
    /* Only count and hash bytes the first time they are seen (a recovery
       from an unterminated quote reads some lines twice). */
    if (*line_start < 0 || (uint64_t)*line_start >= r->bytes_read) {
        if (r->hash)
            rn_content_hash_add(r->hash, r->line, (size_t)n);
        r->bytes_read += (uint64_t)n;
    }
    r->file_pos += (uint64_t)n;
    r->line_no++;
    r->cur = r->line;
    r->cur_len = (size_t)n;
    r->cur_col0 = 0;
    if (r->line_no == 1) {
        const unsigned char *u = (const unsigned char *)r->cur;
        if (r->cur_len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
            r->error_kind = RN_CSV_ERR_ENCODING;
            return rn_fail(err, RN_EINPUT,
                           "%s:1: the file is UTF-16; save it as UTF-8 and import again", r->path);
        }
        if (r->cur_len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0) {
            r->cur += 3;
            r->cur_len -= 3;
            r->cur_col0 = 3;
        }
    }
    return 1;
}

/* Length of the first segment of line s[0..len): up to and with its LF
   (getline ends a line there) or a CR not followed by LF. Most lines hold
   no CR but a CRLF at the end: one memchr says so. */
static size_t segment_length(const char *s, size_t len)
{
    const char *cr = memchr(s, '\r', len);
    if (!cr || (cr + 2 == s + len && cr[1] == '\n'))
        return len;
    size_t n = 0;
    while (n < len) {
        char c = s[n++];
        if (c == '\n')
            break;
        if (c == '\r' && !(n < len && s[n] == '\n'))
            break;
    }
    return n;
}

/* Can line s[0..len), the first of a record, be split without libcsv?
   When it holds no quote character (or quotes are off), ends in LF or
   CRLF with no other CR and is not over the record limit, libcsv would
   make of it one record of the fields between delimiters, unquoted; most
   lines of an edge list are such lines, and split_line reads them about
   four times faster than feeding libcsv byte by byte. */
static int simple_line(const struct rn_csv_reader *r, const char *s, size_t len)
{
    if (len == 0 || s[len - 1] != '\n' || len > RECORD_MAX)
        return 0;
    if (!r->opt.no_quotes && !reads_tsv(r) && memchr(s, '"', len))
        return 0;
    return segment_length(s, len) == len;
}

/* A space libcsv trims around an unquoted field (none in TSV). */
static int trimmed_space(const struct rn_csv_reader *r, char c)
{
    return !reads_tsv(r) && (c == ' ' || c == '\t') && c != r->delim;
}

/* Split a simple_line into the record's fields as libcsv does (CSV_STRICT,
   unquoted fields): cut at each delimiter and at the line end (CR or LF),
   spaces and tabs that are not the delimiter trimmed at both ends of each
   field (not in TSV, whose fields keep every byte). */
static void split_line(struct rn_csv_reader *r, const char *s, size_t len)
{
    const char *end = s + len - 1; /* the LF */
    if (end > s && end[-1] == '\r')
        end--;
    const char *p = s;
    for (;;) {
        const char *stop = memchr(p, r->delim, (size_t)(end - p));
        const char *field_end = stop ? stop : end;
        while (p < field_end && trimmed_space(r, *p))
            p++;
        const char *q = field_end;
        while (q > p && trimmed_space(r, q[-1]))
            q--;
        add_field(r, p, (size_t)(q - p));
        if (!stop)
            break;
        p = stop + 1;
    }
}

/* Is line s[0..len) one that every test below passes, and simple_line
   too: ending in LF, no CR, no NUL, no quote character (while quotes are
   on), valid UTF-8 (ASCII, or checked when check_utf8 asks)? One pass, 16
   bytes a step where SSE2 is, instead of a search per test. */
static int plain_line(const struct rn_csv_reader *r, const char *s, size_t len)
{
    if (len == 0 || s[len - 1] != '\n' || len > RECORD_MAX)
        return 0;
    int quotes = !r->opt.no_quotes;
    unsigned bad = 0, high = 0;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r');
    const __m128i nul = _mm_setzero_si128();
    const __m128i quote_or_nul = quotes ? quote : nul;
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, nul));
        m = _mm_or_si128(m, _mm_cmpeq_epi8(v, quote_or_nul));
        bad |= (unsigned)_mm_movemask_epi8(m);
        high |= (unsigned)_mm_movemask_epi8(v);
    }
#endif
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bad |= c == '\r' || c == '\0' || (quotes && c == '"');
        high |= c >> 7;
    }
    if (bad)
        return 0;
    return !high || !r->opt.check_utf8 || rn_utf8_check(s, len, NULL) == RN_OK;
}

/* A plain_line of CSV (not relnet's TSV, whose fields are unescaped) split
   as split_line and fill_row would, its fields cut in place in the line
   buffer instead of copied. RN_OK or RN_ENOMEM. */
static int split_in_place(struct rn_csv_reader *r, struct rn_csv_row *row)
{
    char *s = r->line + (r->cur - r->line);
    char *end = s + r->cur_len - 1; /* the LF */
    char *p = s;
    r->nfields = 0;
    for (;;) {
        char *stop = memchr(p, r->delim, (size_t)(end - p));
        char *field_end = stop ? stop : end;
        while (p < field_end && trimmed_space(r, *p))
            p++;
        char *q = field_end;
        while (q > p && trimmed_space(r, q[-1]))
            q--;
        if (r->nfields == r->fields_cap) {
            add_field(r, NULL, 0); /* grows the arrays; the field is set below */
            if (r->too_long)
                return RN_ENOMEM;
            r->nfields--;
        }
        *q = '\0';
        r->fields[r->nfields] = p;
        r->lens[r->nfields++] = (size_t)(q - p);
        if (!stop)
            break;
        p = stop + 1;
    }
    row->nfields = r->nfields;
    row->fields = r->fields;
    row->lens = r->lens;
    row->line = r->rec_line;
    row->end_line = r->line_no;
    return RN_OK;
}

int rn_csv_next(struct rn_csv_reader *r, struct rn_csv_row *row, struct rn_err *err)
{
    memset(row, 0, sizeof *row);
    if (r->row_done)
        record_reset(r);
    while (!r->eof) {
        long line_start;
        int got = next_line(r, &line_start, err);
        if (got < 0) {
            r->eof = 1;
            return got;
        }
        if (got == 0) {
            r->eof = 1;
            break;
        }
        const char *s = r->cur;
        size_t len = r->cur_len;
        if (r->rec_line == 0) {
            /* Blank lines and (optionally) comments between records. */
            size_t lead = *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n'
                              ? 0
                              : strspn(s, " \t\r\n");
            if (lead == len)
                continue;
            if (r->opt.skip_comments && s[lead] == '#')
                continue;
            r->rec_line = r->line_no;
            r->rec_resume_at = line_start >= 0 ? line_start + (long)(r->cur_col0 + len) : -1;
        }
        if (!r->parser_live) {
            if (!r->delim)
                r->delim = rn_csv_guess_delimiter(s, strcspn(s, "\r\n"));
            if (parser_start(r) != RN_OK)
                return rn_fail(err, RN_ENOMEM, "out of memory reading %s", r->path);
        }
        if (r->rec_line == r->line_no && !reads_tsv(r) && plain_line(r, s, len)) {
            if (split_in_place(r, row) != RN_OK)
                return rn_fail(err, RN_ENOMEM, "out of memory reading %s", r->path);
            r->row_done = 1;
            return 1;
        }
        if (r->opt.check_utf8) {
            size_t bad;
            if (rn_utf8_check(s, len, &bad) != RN_OK) {
                if (spans_lines(r))
                    return open_quote_ran_into(r, "invalid UTF-8 was found", err);
                r->error_kind = RN_CSV_ERR_UTF8;
                int rc = rn_fail(err, RN_EINPUT, "%s:%ld:%zu: invalid UTF-8 (byte 0x%02X)",
                                 r->path, r->line_no, r->cur_col0 + bad + 1,
                                 (unsigned char)s[bad]);
                if (resync(r) != RN_OK)
                    return RN_ENOMEM;
                return rc;
            }
        }
        if (memchr(s, '\0', len)) {
            /* libcsv would take NUL as data (or, without quotes, as the
               quote character); no text edge list holds one. */
            r->error_kind = RN_CSV_ERR_ENCODING;
            int rc = rn_fail(err, RN_EINPUT, "%s:%ld:%zu: NUL byte (is this a binary file?)",
                             r->path, r->line_no,
                             r->cur_col0 + (size_t)((const char *)memchr(s, '\0', len) - s) + 1);
            if (resync(r) != RN_OK)
                return RN_ENOMEM;
            return rc;
        }
        if (r->rec_line == r->line_no && simple_line(r, s, len)) {
            split_line(r, s, len);
            if (r->too_long)
                return rn_fail(err, RN_ENOMEM, "out of memory reading %s", r->path);
            r->row_done = 1;
            fill_row(r, row);
            return 1;
        }
        /* Feed the line in segments that end after a CR or LF, so at most
           one record ends per feed. */
        size_t pos = 0;
        while (pos < len) {
            size_t seglen = segment_length(s + pos, len - pos);
            size_t done = csv_parse(&r->parser, s + pos, seglen, on_field, on_row, r);
            if (done != seglen && spans_lines(r))
                return open_quote_ran_into(r, "a quote does not fit", err);
            if (done != seglen) {
                int rc = parse_error(r, s + pos, seglen, done, r->cur_col0 + pos, err);
                if (resync(r) != RN_OK)
                    return RN_ENOMEM;
                return rc;
            }
            if (r->too_long || r->fieldbuf.len > RECORD_MAX) {
                r->error_kind = RN_CSV_ERR_TOO_LONG;
                int rc = rn_fail(err, RN_EINPUT,
                                 "%s:%ld: record longer than %u MiB (an unterminated quote?)",
                                 r->path, r->rec_line, RECORD_MAX >> 20);
                if (resync(r) != RN_OK)
                    return RN_ENOMEM;
                return rc;
            }
            pos += seglen;
            if (r->row_done) {
                fill_row(r, row);
                if (pos < len) {
                    /* A lone CR ended the record mid-line: the rest is the
                       next (CR-separated) line, fed on the next call. */
                    r->rest_off = (size_t)(s + pos - r->line);
                    r->rest_len = len - pos;
                    r->cur_col0 = 0;
                }
                return 1;
            }
        }
    }
    /* End of input: flush a last record without a final newline. */
    if (r->parser_live && r->rec_line) {
        if (csv_fini(&r->parser, on_field, on_row, r) != 0)
            return unterminated(r, err);
        parser_stop(r);
        if (r->row_done) {
            fill_row(r, row);
            return 1;
        }
    }
    parser_stop(r);
    return 0;
}

static int needs_quotes(const char *s, char delim)
{
    if (!s[0])
        return 0;
    if (s[0] == ' ' || s[0] == '\t')
        return 1;
    size_t n = strlen(s);
    if (s[n - 1] == ' ' || s[n - 1] == '\t')
        return 1;
    for (; *s; s++)
        if (*s == delim || *s == '"' || *s == '\n' || *s == '\r')
            return 1;
    return 0;
}

int rn_tsv_add_field(struct rn_buf *b, const char *s)
{
    while (s && *s) {
        size_t n = strcspn(s, "\t\n\r\\");
        if (rn_buf_add(b, s, n) != RN_OK)
            return RN_ENOMEM;
        s += n;
        if (!*s)
            break;
        char e = *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : '\\';
        if (rn_buf_addc(b, '\\') != RN_OK || rn_buf_addc(b, e) != RN_OK)
            return RN_ENOMEM;
        s++;
    }
    return RN_OK;
}

int rn_csv_write_row(FILE *out, char delim, const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *f = fields[i] ? fields[i] : "";
        if (i > 0 && fputc(delim, out) == EOF)
            return RN_EIO;
        if (needs_quotes(f, delim)) {
            if (csv_fwrite(out, f, strlen(f)) != 0)
                return RN_EIO;
        } else if (fputs(f, out) == EOF && f[0]) {
            return RN_EIO;
        }
    }
    return fputc('\n', out) == EOF ? RN_EIO : RN_OK;
}

int rn_lines_read(const char *path,
                  int (*line)(void *ctx, const char *s, size_t n, size_t lineno,
                              struct rn_err *err),
                  void *ctx, struct rn_err *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return rn_fail_open(err, errno, path);
    char *text = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t got;
    int rc = RN_OK;
    while (rc == RN_OK && (got = getline(&text, &cap, f)) > 0) {
        size_t n = (size_t)got;
        if (text[n - 1] == '\n')
            n--;
        rc = line(ctx, text, n, ++lineno, err);
    }
    if (rc == RN_OK && ferror(f))
        rc = rn_fail(err, RN_EIO, "cannot read %s", path);
    free(text);
    fclose(f);
    return rc;
}
