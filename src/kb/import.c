/* import.c - CSV/TSV edge lists to relation records (see relnet/import.h). */
#define _XOPEN_SOURCE 700 /* strptime */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include "relnet/import.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/hash.h"
#include "relnet/number.h"
#include "relnet/text.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Most reports a single row may stand for: beyond that a typo is likelier
   than a real count, and it would flood the knowledge base. */
#define MAX_ROW_COUNT 100000L

enum role {
    ROLE_SOURCE,
    ROLE_TARGET,
    ROLE_RELATION,
    ROLE_WEIGHT,
    ROLE_COUNT,
    ROLE_DATE,
    ROLE_EVIDENCE,
    ROLE_POLARITY,
    ROLE_CONFIDENCE,
    ROLE_ARTICLE,
    ROLE_PATH,
    ROLE_URL,
    ROLE_TITLE,
    ROLE_SOURCE_TYPE,
    ROLE_TARGET_TYPE,
    ROLE_SOURCE_AFFIL,
    ROLE_TARGET_AFFIL,
    ROLE_SENTENCE_NO,
    ROLE_OFFSET,
    ROLE_ORIGIN,
    ROLE_CONTENT_HASH,
    ROLE_ARTICLE_DATE,
    ROLE_COUNT_ROLES
};

/* Role names as --map takes them, then synonyms (as name keys: lowercase,
   words separated by one space). The first name is the canonical one. */
static const char *const role_names[ROLE_COUNT_ROLES][12] = {
    [ROLE_SOURCE] = { "source", "from", "src", "subject", "actor1", "node1", "sender", "head",
                      "source name", "actor 1", "node 1", NULL },
    [ROLE_TARGET] = { "target", "to", "dst", "object", "actor2", "node2", "receiver", "recipient",
                      "tail", "target name", "actor 2", NULL },
    [ROLE_RELATION] = { "relation", "type", "label", "predicate", "relationship", "rel",
                        "edge type", "verb", "relation type", NULL },
    [ROLE_WEIGHT] = { "weight", "value", "strength", "w", NULL },
    [ROLE_COUNT] = { "count", "n", "reports", "mentions", "frequency", NULL },
    [ROLE_DATE] = { "date", "day", "timestamp", "published", "event date", "time", NULL },
    [ROLE_EVIDENCE] = { "evidence", "sentence", "quote", "text", "context", "snippet", NULL },
    [ROLE_POLARITY] = { "polarity", NULL },
    [ROLE_CONFIDENCE] = { "confidence", "score", "probability", NULL },
    [ROLE_ARTICLE] = { "article", "document", "doc", NULL },
    [ROLE_PATH] = { "path", NULL },
    [ROLE_URL] = { "url", "link", "source url", NULL },
    [ROLE_TITLE] = { "title", "headline", NULL },
    [ROLE_SOURCE_TYPE] = { "source type", "from type", NULL },
    [ROLE_TARGET_TYPE] = { "target type", "to type", NULL },
    [ROLE_SOURCE_AFFIL] = { "source affiliation", "from affiliation", NULL },
    [ROLE_TARGET_AFFIL] = { "target affiliation", "to affiliation", NULL },
    [ROLE_SENTENCE_NO] = { "sentence no", "sentence number", NULL },
    [ROLE_OFFSET] = { "offset", NULL },
    [ROLE_ORIGIN] = { "origin", NULL },
    [ROLE_CONTENT_HASH] = { "content hash", NULL },
    [ROLE_ARTICLE_DATE] = { "article date", NULL },
};

static const char *const reason_names[RN_SKIP_REASONS] = {
    [RN_SKIP_QUOTING] = "unterminated or stray quote",
    [RN_SKIP_FIELDS] = "wrong number of fields",
    [RN_SKIP_EMPTY] = "empty source, target or relation",
    [RN_SKIP_WEIGHT] = "weight, count or confidence not a number",
    [RN_SKIP_UTF8] = "invalid UTF-8",
    [RN_SKIP_DATE] = "date not read (or ambiguous)",
    [RN_SKIP_VALUE] = "unknown polarity, type, origin or content hash",
    [RN_SKIP_REJECTED] = "rejected by the knowledge base",
};

const char *rn_import_reason_name(enum rn_import_reason r)
{
    return (unsigned)r < RN_SKIP_REASONS ? reason_names[r] : "unknown";
}

void rn_import_report_release(struct rn_import_report *rep)
{
    for (int i = 0; i < rep->n_errors; i++)
        free(rep->errors[i]);
    rep->n_errors = 0;
}

struct importer {
    const char *path;
    const struct rn_import_options *opt;
    struct rn_import_report *rep;
    int col[ROLE_COUNT_ROLES]; /* field index per role, -1 when absent */
    size_t nfields;            /* fields per row (from the header or first row) */
    const char *default_relation;
    int gephi; /* Gephi's edge table: Label is the relation, Type the direction */
    int slash_order;  /* D/M/Y dates: 0 undecided, 1 day first, 2 month first */
    unsigned formats; /* bit per enum date_kind met so far */
    struct rn_buf key;
    /* the last relation cell that normalised well, as written ("": none) */
    char good_relation[32];
};

/* Name key of a header cell: the folded name, with underscores and dashes
   as spaces ("Source_Type" -> "source type"). */
static int header_key(struct importer *im, const char *cell)
{
    return rn_text_key(cell, strlen(cell), &im->key);
}

/* Role of a header key and how good the match is (0 = the role's own
   name, higher = a later synonym), or -1. */
static int role_of_key(const char *key, int *rank)
{
    for (int r = 0; r < ROLE_COUNT_ROLES; r++)
        for (int k = 0; k < 12 && role_names[r][k]; k++)
            if (strcmp(key, role_names[r][k]) == 0) {
                *rank = k;
                return r;
            }
    return -1;
}

/* Map header cells to roles; when two cells claim a role ("type" and
   "relation"), the better-ranked name wins. Returns how many roles were
   matched, or RN_ENOMEM. */
static int match_header(struct importer *im, const struct rn_csv_row *row)
{
    int best_rank[ROLE_COUNT_ROLES];
    int matched = 0;
    for (size_t i = 0; i < row->nfields; i++) {
        if (header_key(im, row->fields[i]) != RN_OK)
            return RN_ENOMEM;
        int rank;
        int r = role_of_key(rn_buf_str(&im->key), &rank);
        if (r < 0)
            continue;
        if (im->col[r] < 0) {
            matched++;
        } else if (best_rank[r] <= rank) {
            continue;
        }
        im->col[r] = (int)i;
        best_rank[r] = rank;
    }
    return matched;
}

/* Column whose key is name, or -1. */
static int column_named(struct importer *im, const struct rn_csv_row *row, const char *name)
{
    for (size_t i = 0; i < row->nfields; i++)
        if (header_key(im, row->fields[i]) == RN_OK && strcmp(rn_buf_str(&im->key), name) == 0)
            return (int)i;
    return -1;
}

/* Gephi's edge table (Source,Target,Type,Id,Label,Weight): Type holds
   "Directed"/"Undirected" and Label the edge's name, so Label is the
   relation. Recognised by Type, Id and Label side by side. */
static void recognise_gephi(struct importer *im, const struct rn_csv_row *row)
{
    int type = column_named(im, row, "type"), id = column_named(im, row, "id");
    int label = column_named(im, row, "label");
    if (type < 0 || id < 0 || label < 0 || im->col[ROLE_RELATION] != type)
        return;
    im->col[ROLE_RELATION] = label;
    im->gephi = 1;
}

/* "found: A, B, C" of a header row, into out. */
static void list_cells(const struct rn_csv_row *row, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < row->nfields && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s'%.40s'", i ? ", " : "",
                                 row->fields[i]);
}

/* The header cells no role took, for the summary: a column dropped
   without a word would look imported. */
static void list_ignored(struct importer *im, const struct rn_csv_row *row)
{
    char *out = im->rep->ignored;
    size_t size = sizeof im->rep->ignored, used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < row->nfields && used < size; i++) {
        int taken = 0;
        for (int r = 0; r < ROLE_COUNT_ROLES; r++)
            taken |= im->col[r] == (int)i;
        if (taken)
            continue;
        const char *why = im->gephi && (int)i == column_named(im, row, "type")
                              ? " (Gephi's edge direction)"
                              : "";
        used += (size_t)snprintf(out + used, size - used, "%s%.40s%s", used ? ", " : "",
                                 row->fields[i], why);
    }
}

/* The date layouts read without --date-format, as the summary names them. */
enum date_kind { DATE_ISO, DATE_DOTTED, DATE_DAY_SLASH, DATE_MONTH_SLASH, DATE_NAMED, DATE_KINDS };
static const char *const date_kind_names[DATE_KINDS] = {
    "YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "month names (3 March 2020, March 3, 2020)",
};

/* strptime over the whole of s (trailing spaces allowed) into out. */
static int date_by_format(const char *s, const char *fmt, char out[11])
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = strptime(s, fmt, &tm);
    while (end && *end == ' ')
        end++;
    if (!end || *end)
        return -1;
    char iso[32];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return rn_date_normalize(iso, out) == RN_OK ? 0 : -1;
}

/* Day, month and year of "D.M.YYYY" or "D/M/YYYY" (sep), or -1. */
static int three_numbers(const char *s, char sep, int *a, int *b, int *y)
{
    char tail;
    char fmt[32];
    snprintf(fmt, sizeof fmt, "%%2d%c%%2d%c%%4d%%c", sep, sep);
    int n = sscanf(s, fmt, a, b, y, &tail);
    return n == 3 && *y >= 1000 ? 0 : -1;
}

static int ymd(int y, int m, int d, char out[11])
{
    char iso[40]; /* room for any int, so that the name is never cut short */
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return m >= 1 && m <= 12 && rn_date_normalize(iso, out) == RN_OK ? 0 : -1;
}

/* A row's date: by --date-format when given; else ISO, day-first dotted,
   slashed (day or month first, decided by the file's first date with a
   part above 12 and then kept), or with a month name. Each layout met is
   remembered for the summary. 0, -1 (not a date) or -2 (ambiguous). */
static int parse_date(struct importer *im, const char *s, char out[11])
{
    if (im->opt->date_format)
        return date_by_format(s, im->opt->date_format, out);
    if (rn_date_normalize(s, out) == RN_OK) {
        im->formats |= 1u << DATE_ISO;
        return 0;
    }
    int a, b, y;
    if (three_numbers(s, '.', &a, &b, &y) == 0) {
        im->formats |= 1u << DATE_DOTTED;
        return ymd(y, b, a, out);
    }
    if (three_numbers(s, '/', &a, &b, &y) == 0) {
        if (!im->slash_order && (a > 12 || b > 12))
            im->slash_order = a > 12 ? 1 : 2;
        if (!im->slash_order)
            return -2;
        im->formats |= 1u << (im->slash_order == 1 ? DATE_DAY_SLASH : DATE_MONTH_SLASH);
        return im->slash_order == 1 ? ymd(y, b, a, out) : ymd(y, a, b, out);
    }
    static const char *const named[] = { "%d %B %Y", "%B %d, %Y", "%B %d %Y", "%d %b %Y",
                                         "%b %d, %Y", "%b %d %Y", "%d %b. %Y", "%b. %d, %Y" };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (date_by_format(s, named[i], out) == 0) {
            im->formats |= 1u << DATE_NAMED;
            return 0;
        }
    return -1;
}

static void describe_dates(struct importer *im)
{
    char *out = im->rep->dates;
    size_t size = sizeof im->rep->dates, used = 0;
    out[0] = '\0';
    if (im->opt->date_format) {
        snprintf(out, size, "%s (--date-format)", im->opt->date_format);
        return;
    }
    for (int k = 0; k < DATE_KINDS && used < size; k++)
        if (im->formats & (1u << k))
            used += (size_t)snprintf(out + used, size - used, "%s%s", used ? ", " : "",
                                     date_kind_names[k]);
}

/* A cell that reads as a number (so the first row is data, not a header). */
static int is_number(const char *s)
{
    if (!*s)
        return 0;
    char *end;
    errno = 0;
    strtod(s, &end);
    while (*end == ' ')
        end++;
    return errno == 0 && *end == '\0';
}

/* Apply "role=COLUMN,..." (COLUMN: header name or 1-based number). */
static int apply_map(struct importer *im, const char *map, const struct rn_csv_row *header,
                     struct rn_err *err)
{
    const char *p = map;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char item[256];
        if (n >= sizeof item)
            return rn_fail(err, RN_EUSAGE, "--map item too long");
        memcpy(item, p, n);
        item[n] = '\0';
        p += n + (comma ? 1 : 0);
        if (!item[0])
            continue;
        char *eq = strchr(item, '=');
        if (!eq)
            return rn_fail(err, RN_EUSAGE, "--map: '%s' is not ROLE=COLUMN", item);
        *eq = '\0';
        const char *colname = eq + 1;
        if (header_key(im, item) != RN_OK)
            return RN_ENOMEM;
        /* Only canonical role names are accepted on the left: a synonym
           there would be ambiguous with column names. */
        int role = -1;
        for (int r = 0; r < ROLE_COUNT_ROLES; r++)
            if (strcmp(rn_buf_str(&im->key), role_names[r][0]) == 0)
                role = r;
        if (role < 0)
            return rn_fail(err, RN_EUSAGE,
                           "--map: unknown role '%s' (expected source, target, relation, weight, "
                           "count, date, evidence, polarity, confidence, article, path, url, "
                           "title, "
                           "source_type, target_type, source_affiliation, target_affiliation, "
                           "sentence_no, offset, origin)",
                           item);
        long num;
        char *end;
        num = strtol(colname, &end, 10);
        int col = -1;
        if (*colname && !*end) {
            if (num < 1 || (header && (size_t)num > header->nfields))
                return rn_fail(err, RN_EUSAGE, "--map: column %ld does not exist", num);
            col = (int)num - 1;
        } else if (header) {
            for (size_t i = 0; i < header->nfields; i++)
                if (strcasecmp(header->fields[i], colname) == 0)
                    col = (int)i;
            if (col < 0)
                return rn_fail(err, RN_EUSAGE, "--map: no column named '%s' in %s", colname,
                               im->path);
        } else {
            return rn_fail(err, RN_EUSAGE,
                           "--map: with --no-header, columns are numbers ('%s=%s')", item,
                           colname);
        }
        for (int r = 0; r < ROLE_COUNT_ROLES; r++)
            if (im->col[r] == col && r != role)
                im->col[r] = -1; /* the column now plays the mapped role only */
        im->col[role] = col;
    }
    return RN_OK;
}

static void describe_columns(struct importer *im, const struct rn_csv_row *header)
{
    char *out = im->rep->columns;
    size_t size = sizeof im->rep->columns, used = 0;
    out[0] = '\0';
    for (int r = 0; r < ROLE_COUNT_ROLES && used < size; r++) {
        if (r == ROLE_RELATION && im->col[r] < 0) {
            used += (size_t)snprintf(out + used, size - used, "%srelation=(all '%s')",
                                     used ? ", " : "", im->default_relation);
            continue;
        }
        if (im->col[r] < 0)
            continue;
        /* Roles are printed as --map takes them: "source_type", not the
           folded key "source type". */
        char role[32];
        snprintf(role, sizeof role, "%s", role_names[r][0]);
        for (char *p = role; *p; p++)
            if (*p == ' ')
                *p = '_';
        if (header)
            used += (size_t)snprintf(out + used, size - used, "%s%s=%s", used ? ", " : "", role,
                                     header->fields[im->col[r]]);
        else
            used += (size_t)snprintf(out + used, size - used, "%s%s=#%d", used ? ", " : "", role,
                                     im->col[r] + 1);
    }
}

/* Remember one bad row; returns the error code for strict mode. */
static int bad_row(struct importer *im, enum rn_import_reason why, const char *msg,
                   struct rn_err *err)
{
    struct rn_import_report *rep = im->rep;
    rep->rows_skipped++;
    rep->skipped[why]++;
    if (rep->n_errors < RN_IMPORT_KEEP_ERRORS) {
        char *copy = strdup(msg);
        if (copy)
            rep->errors[rep->n_errors++] = copy;
    }
    return rn_fail(err, RN_EINPUT, "%s", msg);
}

static const char *cell(const struct importer *im, const struct rn_csv_row *row, int role)
{
    int c = im->col[role];
    if (c < 0 || (size_t)c >= row->nfields)
        return NULL;
    return row->fields[c];
}

/* Parse a finite number >= 0. A decimal comma ("1,5") is read as a point
   when decimal_comma is set: spreadsheets in much of Europe write numbers
   that way and pick ';' as the delimiter for that reason. */
/* "1.234,5" -> "1234.5" in fixed: dots group thousands (every group of
   three digits) when one comma is the decimal mark. 0 if s is not so. */
static int european_number(const char *s, char *fixed, size_t size)
{
    const char *comma = strchr(s, ',');
    if (!comma || strchr(comma + 1, ',') || strlen(s) >= size)
        return 0;
    size_t n = 0, group = 0;
    int dots = 0;
    for (const char *p = s; p < comma; p++) {
        if (*p == '.') {
            if (group != 3 && dots)
                return 0;
            if (!dots && (group < 1 || group > 3))
                return 0;
            dots++;
            group = 0;
            continue;
        }
        fixed[n++] = *p;
        group++;
    }
    if (dots && group != 3)
        return 0;
    fixed[n++] = '.';
    strcpy(fixed + n, comma + 1);
    return 1;
}

static int parse_nonneg(const char *s, double *out, int decimal_comma)
{
    /* rn_strtod reads plain decimals ("6.34") without strtod's machinery */
    char fixed[64];
    if (decimal_comma && european_number(s, fixed, sizeof fixed))
        s = fixed;
    char *end;
    errno = 0;
    double v = rn_strtod(s, &end);
    while (*end == ' ')
        end++;
    if (end == s || *end || errno == ERANGE || !isfinite(v) || v < 0)
        return -1;
    *out = v;
    return 0;
}

/* The article a row names: its path (as `relnet add` stores it and
   `relnet extract` writes it), else its article id or name, else its URL;
   the URL and title go with it. */
static void article_of_row(const struct importer *im, const struct rn_csv_row *row,
                           struct rn_record *rec)
{
    const int roles[] = { ROLE_PATH, ROLE_ARTICLE, ROLE_URL };
    for (size_t i = 0; i < sizeof roles / sizeof roles[0] && !rec->article; i++) {
        const char *name = cell(im, row, roles[i]);
        if (name && *name)
            rec->article = name;
    }
    const char *url = cell(im, row, ROLE_URL);
    rec->url = url && *url ? url : NULL;
    const char *title = cell(im, row, ROLE_TITLE);
    rec->title = title && *title ? title : NULL;
    const char *hash = cell(im, row, ROLE_CONTENT_HASH);
    rec->content_hash = hash && *hash ? hash : NULL;
    const char *adate = cell(im, row, ROLE_ARTICLE_DATE);
    rec->article_date = adate && *adate ? adate : NULL;
}

/* A content hash as hash.h writes it: 32 lowercase hex digits. */
/* YYYY-MM-DD, as extract writes article_date. */
static int is_iso_day(const char *s)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return 0;
    return s[10] == '\0';
}

static int is_content_hash(const char *s)
{
    size_t n = 0;
    while ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))
        n++;
    return n == 32 && !s[n];
}

/* Build the record of one data row, or explain in msg why it is bad. */
static int row_record(struct importer *im, const struct rn_csv_row *row, struct rn_record *rec,
                      long *count, char *date_buf, enum rn_import_reason *why, char *msg,
                      size_t msgsz)
{
    const char *path = im->path;
    long line = row->line;
    rn_record_init(rec);
    rec->origin = RN_ORIGIN_CSV;
    *count = 1;
    if (row->nfields != im->nfields) {
        *why = RN_SKIP_FIELDS;
        snprintf(msg, msgsz, "%s:%ld: expected %zu fields, got %zu", path, line, im->nfields,
                 row->nfields);
        return -1;
    }
    rec->source = cell(im, row, ROLE_SOURCE);
    rec->target = cell(im, row, ROLE_TARGET);
    rec->relation = im->col[ROLE_RELATION] >= 0 ? cell(im, row, ROLE_RELATION)
                                                : im->default_relation;
    if (im->gephi && rec->relation && !*rec->relation)
        rec->relation = im->default_relation; /* Gephi leaves most labels empty */
    static const char *const what[] = { "source", "target", "relation" };
    const char *need[] = { rec->source, rec->target, rec->relation };
    for (int i = 0; i < 3; i++) {
        const char *v = need[i];
        while (v && (*v == ' ' || *v == '\t'))
            v++;
        if (!v || !*v) {
            *why = RN_SKIP_EMPTY;
            snprintf(msg, msgsz, "%s:%ld: empty %s", path, line, what[i]);
            return -1;
        }
    }
    /* (the need loop above leaves no empty cell for good_relation's "") */
    if (strcmp(rec->relation, im->good_relation) != 0) {
        char relbuf[128];
        if (rn_relation_normalize(rec->relation, relbuf, sizeof relbuf) != RN_OK) {
            *why = RN_SKIP_EMPTY;
            snprintf(msg, msgsz, "%s:%ld: relation '%.60s' is not a name (control characters or "
                     "over 127 bytes)", path, line, rec->relation);
            return -1;
        }
        size_t len = strlen(rec->relation);
        if (len < sizeof im->good_relation)
            memcpy(im->good_relation, rec->relation, len + 1);
    }
    const char *w = cell(im, row, ROLE_WEIGHT);
    int decimal_comma = im->rep->delimiter != ',';
    if (w && *w && parse_nonneg(w, &rec->weight, decimal_comma) != 0) {
        *why = RN_SKIP_WEIGHT;
        snprintf(msg, msgsz, "%s:%ld: weight '%.40s' is not a number >= 0", path, line, w);
        return -1;
    }
    const char *c = cell(im, row, ROLE_COUNT);
    if (c && *c) {
        double v;
        if (parse_nonneg(c, &v, 0) != 0 || v != floor(v) || v < 1 || v > MAX_ROW_COUNT) {
            *why = RN_SKIP_WEIGHT;
            snprintf(msg, msgsz, "%s:%ld: count '%.40s' is not a whole number from 1 to %ld", path,
                     line, c, MAX_ROW_COUNT);
            return -1;
        }
        *count = (long)v;
    }
    const char *conf = cell(im, row, ROLE_CONFIDENCE);
    if (conf && *conf && (parse_nonneg(conf, &rec->confidence, decimal_comma) != 0 || rec->confidence > 1)) {
        *why = RN_SKIP_WEIGHT;
        snprintf(msg, msgsz, "%s:%ld: confidence '%.40s' is not a number from 0 to 1", path,
                 line, conf);
        return -1;
    }
    const char *d = cell(im, row, ROLE_DATE);
    if (d && *d) {
        int got = parse_date(im, d, date_buf);
        if (got != 0) {
            *why = RN_SKIP_DATE;
            if (got == -2)
                snprintf(msg, msgsz, "%s:%ld: date '%.40s' is ambiguous (day or month first?): "
                         "give --date-format %%d/%%m/%%Y or %%m/%%d/%%Y", path, line, d);
            else if (im->opt->date_format)
                snprintf(msg, msgsz, "%s:%ld: date '%.40s' does not match --date-format '%.40s'",
                         path, line, d, im->opt->date_format);
            else
                snprintf(msg, msgsz, "%s:%ld: date '%.40s' is not a date (expected YYYY-MM-DD, "
                         "DD.MM.YYYY, 3 March 2020 or --date-format)", path, line, d);
            return -1;
        }
        rec->date = date_buf;
    }
    const char *pol = cell(im, row, ROLE_POLARITY);
    if (pol && rn_polarity_parse(pol, &rec->polarity) != RN_OK) {
        *why = RN_SKIP_VALUE;
        snprintf(msg, msgsz, "%s:%ld: polarity '%.40s' is not asserted, negated or hedged", path,
                 line, pol);
        return -1;
    }
    const int type_roles[2] = { ROLE_SOURCE_TYPE, ROLE_TARGET_TYPE };
    for (int i = 0; i < 2; i++) {
        const char *t = cell(im, row, type_roles[i]);
        enum rn_etype et;
        if (t && rn_etype_parse(t, &et) != RN_OK) {
            *why = RN_SKIP_VALUE;
            snprintf(msg, msgsz,
                     "%s:%ld: type '%.40s' is not one of country, organization, company, person, "
                     "group, document, unknown",
                     path, line, t);
            return -1;
        }
    }
    rec->source_type = cell(im, row, ROLE_SOURCE_TYPE);
    rec->target_type = cell(im, row, ROLE_TARGET_TYPE);
    rec->source_affiliation = cell(im, row, ROLE_SOURCE_AFFIL);
    rec->target_affiliation = cell(im, row, ROLE_TARGET_AFFIL);
    rec->evidence = cell(im, row, ROLE_EVIDENCE);
    article_of_row(im, row, rec);
    if (rec->article_date && !is_iso_day(rec->article_date)) {
        *why = RN_SKIP_DATE;
        snprintf(msg, msgsz, "%s:%ld: article_date '%.40s' is not YYYY-MM-DD", path, line,
                 rec->article_date);
        return -1;
    }
    if (rec->content_hash && !is_content_hash(rec->content_hash)) {
        *why = RN_SKIP_VALUE;
        snprintf(msg, msgsz, "%s:%ld: content_hash '%.40s' is not 32 hex digits", path, line,
                 rec->content_hash);
        return -1;
    }
    const char *sn = cell(im, row, ROLE_SENTENCE_NO);
    if (sn && *sn)
        rec->sentence_no = strtol(sn, NULL, 10);
    const char *off = cell(im, row, ROLE_OFFSET);
    if (off && *off)
        rec->offset = strtol(off, NULL, 10);
    const char *origin = cell(im, row, ROLE_ORIGIN);
    if (origin && *origin) {
        if (strcasecmp(origin, "extracted") == 0)
            rec->origin = RN_ORIGIN_EXTRACTED;
        else if (strcasecmp(origin, "csv") != 0) {
            *why = RN_SKIP_VALUE;
            snprintf(msg, msgsz, "%s:%ld: origin '%.40s' is not extracted or csv", path, line,
                     origin);
            return -1;
        }
    }
    return 0;
}

static int has_tsv_extension(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcasecmp(path + n - 4, ".tsv") == 0) ||
           (n > 4 && strcasecmp(path + n - 4, ".tab") == 0);
}

/* How rows are read: UTF-8 checked, the delimiter from the options, else
   tab for .tsv, else (0) guessed from the first line. */
static struct rn_csv_options reader_options(const char *path, const struct rn_import_options *opt)
{
    struct rn_csv_options copt = { .delimiter = opt->delimiter, .check_utf8 = 1, .tsv = 1 };
    if (!copt.delimiter && has_tsv_extension(path))
        copt.delimiter = '\t';
    return copt;
}


static void importer_init(struct importer *im, const char *path,
                          const struct rn_import_options *opt, struct rn_import_report *rep)
{
    memset(rep, 0, sizeof *rep);
    *im = (struct importer){ .path = path, .opt = opt, .rep = rep };
    for (int r = 0; r < ROLE_COUNT_ROLES; r++)
        im->col[r] = -1;
    im->default_relation = opt->default_relation && opt->default_relation[0]
                               ? opt->default_relation
                               : "related";
}

/* Read the first row and decide from it (and the options) which column
   plays which role. *have_first is set when that row is data, left in
   *row for import_rows. */
static int read_columns(struct importer *im, struct rn_csv_reader *reader,
                        struct rn_csv_row *row, int *have_first, struct rn_err *err)
{
    const struct rn_import_options *opt = im->opt;
    const char *path = im->path;
    struct rn_import_report *rep = im->rep;
    *have_first = 0;
    /* The first row decides the header and the column count. */
    int rc = rn_csv_next(reader, row, err);
    if (rc == 0)
        return rn_fail(err, RN_EINPUT, "%s: empty file (expected a header row)", path);
    if (rc != 1)
        return rc; /* a first row that cannot be parsed leaves nothing to map columns by */
    *have_first = 1;
    rep->delimiter = rn_csv_delimiter(reader);
    im->nfields = row->nfields;
    int header = 0;
    if (!opt->no_header) {
        int matched = match_header(im, row);
        if (matched < 0) {
            return rn_fail(err, RN_ENOMEM, "out of memory");
        }
        int any_number = 0;
        for (size_t i = 0; i < row->nfields; i++)
            any_number |= is_number(row->fields[i]);
        header = matched > 0 || (!any_number && opt->map);
        if (!header && !opt->map) {
            /* Never guess: a header in another language or a first row of
               data would otherwise be imported as an edge. */
            char found[400];
            list_cells(row, found, sizeof found);
            return rn_fail(err, RN_EINPUT,
                         "%s:%ld: no column name recognised in the header (found: %s); name "
                         "the columns with --map source=COL,target=COL[,relation=COL,date=COL,"
                         "...] (COL: a header name or a 1-based number), or give --no-header "
                         "when the first row is data",
                         path, row->line, found);
        }
        if (!header) {
            for (int r = 0; r < ROLE_COUNT_ROLES; r++)
                im->col[r] = -1;
        }
        if (header)
            recognise_gephi(im, row);
    }
    if (opt->map) {
        rc = apply_map(im, opt->map, header ? row : NULL, err);
        if (rc != RN_OK)
            return rc;
    }
    if (!header && im->col[ROLE_SOURCE] < 0 && im->col[ROLE_TARGET] < 0) {
        /* Positional: source, target, then relation or weight, then weight. */
        if (row->nfields < 2) {
            return rn_fail(err, RN_EINPUT,
                           "%s:%ld: expected at least 2 columns (source, target), got %zu", path,
                           row->line, row->nfields);
        }
        im->col[ROLE_SOURCE] = 0;
        im->col[ROLE_TARGET] = 1;
        if (row->nfields >= 3) {
            if (is_number(row->fields[2]))
                im->col[ROLE_WEIGHT] = 2;
            else
                im->col[ROLE_RELATION] = 2;
        }
        if (row->nfields >= 4 && im->col[ROLE_WEIGHT] < 0 && is_number(row->fields[3]))
            im->col[ROLE_WEIGHT] = 3;
    }
    if (im->col[ROLE_COUNT] >= 0 && im->col[ROLE_WEIGHT] < 0) {
        /* A lone count column is the edge weight (a spreadsheet's "count"
           of contacts); next to a weight column it multiplies reports. */
        im->col[ROLE_WEIGHT] = im->col[ROLE_COUNT];
        im->col[ROLE_COUNT] = -1;
    }
    if (im->col[ROLE_SOURCE] < 0 || im->col[ROLE_TARGET] < 0) {
        return rn_fail(err, RN_EINPUT,
                       "%s:%ld: no %s column (expected a header naming source and target "
                       "columns, e.g. source,target,relation; or use --map source=COL,target=COL "
                       "or --no-header)",
                       path, row->line, im->col[ROLE_SOURCE] < 0 ? "source" : "target");
    }
    describe_columns(im, header ? row : NULL);
    if (header) {
        list_ignored(im, row);
        *have_first = 0; /* consumed */
    }
    return RN_OK;
}


/* Start im on path (importer_init), open the file and read its columns
   (read_columns); *reader is left open, NULL when it could not be. */
static int open_columns(struct importer *im, const char *path, const struct rn_import_options *opt,
                        struct rn_import_report *rep, struct rn_csv_reader **reader,
                        struct rn_csv_row *row, int *have_first, struct rn_err *err)
{
    importer_init(im, path, opt, rep);
    struct rn_csv_options copt = reader_options(im->path, im->opt);
    int rc = rn_csv_open(im->path, &copt, reader, err);
    if (rc != RN_OK) {
        *reader = NULL;
        return rc;
    }
    return read_columns(im, *reader, row, have_first, err);
}

/* Import the rows of reader into sink, the first from *row when
   have_first (read_columns left it there). */
static int import_rows(struct importer *im, struct rn_csv_reader *reader, struct rn_csv_row *row,
                       int have_first, struct rn_sink sink, struct rn_err *err)
{
    const struct rn_import_options *opt = im->opt;
    struct rn_import_report *rep = im->rep;
    long since_progress = 0;
    int rc;
    for (;;) {
        if (!have_first) {
            rc = rn_csv_next(reader, row, err);
            if (rc == 0)
                break;
            if (rc < 0) {
                if (rc != RN_EINPUT)
                    return rc;
                rep->rows_read++;
                enum rn_csv_error_kind kind = rn_csv_error_kind(reader);
                if (kind == RN_CSV_ERR_ENCODING) {
                    bad_row(im, RN_SKIP_UTF8, err->msg, NULL);
                    return rc; /* RN_EINPUT: the file is not text */
                }
                enum rn_import_reason why = kind == RN_CSV_ERR_UTF8 ? RN_SKIP_UTF8 : RN_SKIP_QUOTING;
                char msg[RN_ERR_MSG_MAX];
                snprintf(msg, sizeof msg, "%s", err->msg);
                rc = bad_row(im, why, msg, err);
                if (opt->strict)
                    return rc;
                continue;
            }
        }
        have_first = 0;
        rep->rows_read++;
        struct rn_record rec;
        long count;
        char date_buf[11];
        enum rn_import_reason why;
        char msg[RN_ERR_MSG_MAX];
        if (row_record(im, row, &rec, &count, date_buf, &why, msg, sizeof msg) != 0) {
            rc = bad_row(im, why, msg, err);
            if (opt->strict)
                return rc;
            continue;
        }
        for (long k = 0; k < count; k++) {
            rc = sink.add(sink.ctx, &rec, err);
            if (rc == RN_EINPUT) {
                char full[RN_ERR_MSG_MAX];
                snprintf(full, sizeof full, "%.200s:%ld: %.700s", im->path, row->line, err->msg);
                rc = bad_row(im, RN_SKIP_REJECTED, full, err);
                if (opt->strict)
                    return rc;
                break;
            }
            if (rc != RN_OK)
                return rc;
            rep->rows_imported++;
        }
        if (opt->progress && ++since_progress >= 16384) {
            since_progress = 0;
            opt->progress(opt->progress_ctx, rn_csv_bytes_read(reader),
                          rn_csv_bytes_total(reader));
        }
    }
    if (opt->progress)
        opt->progress(opt->progress_ctx, rn_csv_bytes_read(reader), rn_csv_bytes_total(reader));
    return RN_OK;
}

int rn_import_csv(const char *path, const struct rn_import_options *opt, struct rn_sink sink,
                  struct rn_import_report *rep, struct rn_err *err)
{
    static const struct rn_import_options defaults = { 0 };
    if (!opt)
        opt = &defaults;
    struct importer im;
    struct rn_csv_reader *reader;
    struct rn_csv_row row;
    int have_first;
    int rc = open_columns(&im, path, opt, rep, &reader, &row, &have_first, err);
    if (!reader)
        return rc;
    if (rc == RN_OK)
        rc = import_rows(&im, reader, &row, have_first, sink, err);
    describe_dates(&im);
    rn_csv_content_hash(reader, rep->content_hash);
    rn_csv_close(reader);
    rn_buf_release(&im.key);
    return rc;
}

/* ---- one file in parts, read in parallel --------------------------------- */

#define PART_MIN ((uint64_t)1 << 20) /* smaller parts are not worth a thread */

/* One part: its bytes, the importer (a copy of the file's, with its own
   report and scratch) and its outcome. */
struct part_job {
    struct importer im;
    struct rn_import_report rep;
    struct rn_csv_options copt;
    uint64_t start, end;
    long first_line;
    struct rn_sink sink;
    struct rn_err err;
    int rc;
};

static void *read_part(void *arg)
{
    struct part_job *job = arg;
    struct rn_csv_reader *reader;
    job->rc = rn_csv_open_part(job->im.path, &job->copt, job->start, job->end, job->first_line,
                               &reader, &job->err);
    if (job->rc != RN_OK)
        return NULL;
    struct rn_csv_row row;
    job->rc = import_rows(&job->im, reader, &row, 0, job->sink, &job->err);
    rn_csv_close(reader);
    return NULL;
}

/* A CR not followed by LF: csvio counts it as a line end only where it
   ends a record, so the lines of a part could not be numbered beforehand. */
static int has_lone_cr(const char *data, size_t size)
{
    for (const char *p = data; (p = memchr(p, '\r', size - (size_t)(p - data))) != NULL; p++)
        if (p + 1 == data + size || p[1] != '\n')
            return 1;
    return 0;
}

/* Line ends and quotes in s[0..n), added to *lines and *quotes; *cr set
   when s holds a CR. 16 bytes a step where SSE2 is (every x86-64): a byte
   loop, even vectorised by the compiler, took 12 ms a million edges. */
static void scan_bytes(const unsigned char *s, size_t n, long *lines, size_t *quotes, int *cr)
{
    size_t l = 0, q = 0, i = 0;
    int r = 0;
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n'), qu = _mm_set1_epi8('"'), cret = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    __m128i any_cr = zero;
    while (n - i >= 16) {
        /* byte counters, summed before they can wrap */
        size_t steps = (n - i) / 16 > 255 ? 255 : (n - i) / 16;
        __m128i cl = zero, cq = zero;
        for (size_t k = 0; k < steps; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            cl = _mm_sub_epi8(cl, _mm_cmpeq_epi8(v, nl));
            cq = _mm_sub_epi8(cq, _mm_cmpeq_epi8(v, qu));
            any_cr = _mm_or_si128(any_cr, _mm_cmpeq_epi8(v, cret));
        }
        __m128i sl = _mm_sad_epu8(cl, zero), sq = _mm_sad_epu8(cq, zero);
        l += (size_t)_mm_extract_epi16(sl, 0) + (size_t)_mm_extract_epi16(sl, 4);
        q += (size_t)_mm_extract_epi16(sq, 0) + (size_t)_mm_extract_epi16(sq, 4);
    }
    r = _mm_movemask_epi8(any_cr) != 0;
#endif
    for (; i < n; i++) {
        l += s[i] == '\n';
        q += s[i] == '"';
        r |= s[i] == '\r';
    }
    *lines += (long)l;
    *quotes += q;
    *cr |= r;
}

/* Cut data[start, size) into at most n parts of about equal size, each
   starting after a line end outside quotes (quotes counted from start,
   which is outside any; in TSV quotes are data). cuts[k], lines[k]: where
   part k starts and its first line's number (first_line at start);
   cuts[parts] = size. Returns the number of parts; *cr is set when
   data[start, size) holds a CR. */
static size_t cut_parts(const char *data, size_t size, size_t start, long first_line, int quotes,
                        size_t n, uint64_t *cuts, long *lines, int *cr)
{
    size_t parts = 0, p = start, nquotes = 0;
    long line = first_line;
    cuts[0] = start;
    lines[0] = first_line;
    for (size_t k = 1; k < n; k++) {
        size_t target = start + (size - start) / n * k;
        if (p < target) {
            scan_bytes((const unsigned char *)data + p, target - p, &line, &nquotes, cr);
            p = target;
        }
        for (; p < size; p++) {
            nquotes += data[p] == '"';
            *cr |= data[p] == '\r';
            if (data[p] == '\n') {
                line++;
                if (!quotes || nquotes % 2 == 0)
                    break;
            }
        }
        if (p + 1 >= size)
            break;
        p++;
        cuts[++parts] = p;
        lines[parts] = line;
    }
    cuts[++parts] = size;
    if (p < size && memchr(data + p, '\r', size - p))
        *cr = 1;
    return parts;
}

/* Read the parts, each on its own thread. */
static void run_parts(struct part_job *jobs, size_t n)
{
    pthread_t threads[RN_IMPORT_MAX_PARTS];
    size_t started = 0;
    for (; started < n; started++)
        if (pthread_create(&threads[started], NULL, read_part, &jobs[started]) != 0)
            break;
    for (size_t k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    for (size_t k = started; k < n; k++)
        read_part(&jobs[k]); /* no thread to be had: read it here */
}

/* The parts' reports into the file's, in order; the outcome of the first
   part that failed, as rn_import_csv would have stopped there. */
static int merge_reports(struct importer *im, struct part_job *jobs, size_t n, struct rn_err *err)
{
    struct rn_import_report *rep = im->rep;
    int rc = RN_OK;
    for (size_t k = 0; k < n; k++) {
        struct rn_import_report *r = &jobs[k].rep;
        if (rc == RN_OK) {
            rep->rows_read += r->rows_read;
            rep->rows_imported += r->rows_imported;
            rep->rows_skipped += r->rows_skipped;
            for (int w = 0; w < RN_SKIP_REASONS; w++)
                rep->skipped[w] += r->skipped[w];
            for (int e = 0; e < r->n_errors && rep->n_errors < RN_IMPORT_KEEP_ERRORS; e++) {
                rep->errors[rep->n_errors++] = r->errors[e];
                r->errors[e] = NULL;
            }
            im->formats |= jobs[k].im.formats;
            if (jobs[k].rc != RN_OK) {
                rc = jobs[k].rc;
                *err = jobs[k].err;
            }
        }
        rn_import_report_release(r);
    }
    return rc;
}

/* Did a part meet a quote it could not place? Then its start or end may
   not be where a record starts for a reader of the whole file. */
static int parts_lost_quotes(const struct part_job *jobs, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (jobs[k].rep.skipped[RN_SKIP_QUOTING] > 0)
            return 1;
    return 0;
}

/* Read the parts [cuts[k], cuts[k+1]) of the mapped file into sinks. */
static int import_parts(struct importer *im, const struct rn_csv_options *copt, size_t n,
                        const uint64_t *cuts, const long *lines, const struct rn_sink *sinks,
                        int *split, struct rn_err *err)
{
    struct part_job *jobs = calloc(n, sizeof *jobs);
    if (!jobs)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    for (size_t k = 0; k < n; k++) {
        struct part_job *job = &jobs[k];
        job->im = *im;
        job->im.rep = &job->rep;
        job->im.key = (struct rn_buf)RN_BUF_INIT;
        job->im.formats = 0;
        job->copt = *copt;
        job->start = cuts[k];
        job->end = cuts[k + 1];
        job->first_line = lines[k];
        job->sink = sinks[k];
        job->err = (struct rn_err)RN_ERR_INIT;
    }
    run_parts(jobs, n);
    for (size_t k = 0; k < n; k++)
        rn_buf_release(&jobs[k].im.key);
    int rc = RN_OK;
    if (parts_lost_quotes(jobs, n)) {
        for (size_t k = 0; k < n; k++)
            rn_import_report_release(&jobs[k].rep);
    } else {
        *split = 1;
        rc = merge_reports(im, jobs, n, err);
    }
    free(jobs);
    return rc;
}

/* Map path, check it can be cut (no lone CR) and cut it; hash (NULL: not
   wanted) gets the whole file's content hash. Returns the number of
   parts, 0 when it cannot be cut (or mapped). */
static size_t plan_parts(const char *path, uint64_t start, long first_line, int quotes,
                         size_t nparts, uint64_t *cuts, long *lines, char hash[33])
{
    if (hash)
        hash[0] = '\0';
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return 0;
    size_t parts = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > start) {
        size_t size = (size_t)st.st_size;
        if ((size - start) / nparts < PART_MIN)
            nparts = (size_t)((size - start) / PART_MIN);
        /* Every page is read (has_lone_cr): mapped in at once, not a fault
           every few pages. */
#ifdef MAP_POPULATE
        int flags = MAP_PRIVATE | MAP_POPULATE;
#else
        int flags = MAP_PRIVATE;
#endif
        const char *data = nparts >= 2 ? mmap(NULL, size, PROT_READ, flags, fd, 0) : MAP_FAILED;
        if (data != MAP_FAILED) {
            /* The cut reads every byte once; a file with CRs is looked at
               again for one without LF (CRLF files are cut as well). */
            int cr = memchr(data, '\r', (size_t)start) != NULL;
            parts = cut_parts(data, size, (size_t)start, first_line, quotes, nparts, cuts, lines,
                              &cr);
            if (cr && has_lone_cr(data, size))
                parts = 0;
            if (hash)
                rn_content_hash_of(data, size, hash);
            munmap((void *)data, size);
        }
    }
    close(fd);
    return parts >= 2 ? parts : 0;
}

int rn_import_csv_parts(const char *path, const struct rn_import_options *opt, size_t nparts,
                        const struct rn_sink *sinks, int *split, struct rn_import_report *rep,
                        struct rn_err *err)
{
    static const struct rn_import_options defaults = { 0 };
    if (!opt)
        opt = &defaults;
    *split = 0;
    if (nparts > RN_IMPORT_MAX_PARTS)
        nparts = RN_IMPORT_MAX_PARTS;
    struct importer im;
    if (nparts < 2 || strcmp(path, "-") == 0) {
        memset(rep, 0, sizeof *rep);
        return RN_OK;
    }
    struct rn_csv_reader *reader;
    struct rn_csv_row row;
    int have_first;
    int rc = open_columns(&im, path, opt, rep, &reader, &row, &have_first, err);
    if (!reader)
        return rc;
    struct rn_csv_options copt = reader_options(path, opt);
    copt.delimiter = rn_csv_delimiter(reader);
    /* Data starts after the header, or with the first row when it is data. */
    uint64_t start = have_first ? 0 : rn_csv_offset(reader);
    long first_line = have_first ? 1 : row.end_line + 1;
    rn_csv_close(reader);
    /* D/M/Y or M/D/Y is decided by the first date that tells: a part
       could not know what earlier parts decided. */
    if (rc != RN_OK || (im.col[ROLE_DATE] >= 0 && !opt->date_format)) {
        rn_buf_release(&im.key);
        return rc;
    }
    uint64_t cuts[RN_IMPORT_MAX_PARTS + 1];
    long lines[RN_IMPORT_MAX_PARTS + 1];
    rep->content_hash[0] = '\0';
    size_t n = plan_parts(path, start, first_line, copt.delimiter != '\t', nparts, cuts, lines,
                          opt->no_content_hash ? NULL : rep->content_hash);
    /* Parts read without the caller's progress bar; the whole is reported. */
    struct rn_import_options part_opt = *opt;
    part_opt.progress = NULL;
    im.opt = &part_opt;
    if (n >= 2)
        rc = import_parts(&im, &copt, n, cuts, lines, sinks, split, err);
    if (*split && opt->progress)
        opt->progress(opt->progress_ctx, cuts[n], cuts[n]);
    im.opt = opt;
    describe_dates(&im);
    rn_buf_release(&im.key);
    return rc;
}

/* Column of the first header cell whose key is one of names, or -1. */
static int find_column(struct importer *im, const struct rn_csv_row *row,
                       const char *const *names)
{
    for (int k = 0; names[k]; k++)
        for (size_t i = 0; i < row->nfields; i++) {
            if (header_key(im, row->fields[i]) != RN_OK)
                return -1;
            if (strcmp(rn_buf_str(&im->key), names[k]) == 0)
                return (int)i;
        }
    return -1;
}

/* Call add() for canonical itself and for each '|'-separated alias. */
static int add_alias_list(rn_alias_fn *add, void *ctx, const char *list, const char *canonical,
                          enum rn_etype type, const char *affiliation, struct rn_err *err)
{
    int rc = add(ctx, canonical, canonical, type, affiliation, err);
    char item[512];
    for (const char *p = list; rc == RN_OK && *p;) {
        size_t n = strcspn(p, "|");
        while (n > 0 && (*p == ' ' || *p == '\t')) {
            p++;
            n--;
        }
        size_t m = n;
        while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
            m--;
        if (m > 0 && m < sizeof item) {
            memcpy(item, p, m);
            item[m] = '\0';
            rc = add(ctx, item, canonical, type, affiliation, err);
        }
        p += n;
        if (*p == '|')
            p++;
    }
    return rc;
}

int rn_import_aliases(const char *path, const struct rn_import_options *opt, rn_alias_fn *add,
                      void *ctx, struct rn_import_report *rep, struct rn_err *err)
{
    static const char *const alias_names[] = { "alias", "variant", "spelling", "surface form",
                                               NULL };
    static const char *const list_names[] = { "aliases", NULL };
    static const char *const canonical_names[] = { "canonical", "entity", "canonical name",
                                                   "name", NULL };
    static const char *const type_names[] = { "type", "kind", NULL };
    static const char *const affil_names[] = { "affiliation", NULL };
    static const struct rn_import_options defaults = { 0 };
    if (!opt)
        opt = &defaults;
    memset(rep, 0, sizeof *rep);
    struct importer im = { .path = path, .opt = opt, .rep = rep };
    /* Alias tables may carry '#' comment lines, as the lexicon does. */
    struct rn_csv_options copt = { .delimiter = opt->delimiter, .check_utf8 = 1,
                                   .skip_comments = 1, .tsv = 1 };
    if (!copt.delimiter && has_tsv_extension(path))
        copt.delimiter = '\t';
    struct rn_csv_reader *reader;
    int rc = rn_csv_open(path, &copt, &reader, err);
    if (rc != RN_OK)
        return rc;
    struct rn_csv_row row;
    rc = rn_csv_next(reader, &row, err);
    if (rc == 0)
        rc = rn_fail(err, RN_EINPUT, "%s: empty file (expected a header row)", path);
    if (rc < 0)
        goto out;
    int c_alias = find_column(&im, &row, alias_names);
    int c_list = find_column(&im, &row, list_names);
    int c_canon = find_column(&im, &row, canonical_names);
    int c_type = find_column(&im, &row, type_names);
    int c_affil = find_column(&im, &row, affil_names);
    if (c_canon < 0 || (c_alias < 0 && c_list < 0) || c_alias == c_canon) {
        rc = rn_fail(err, RN_EINPUT,
                     "%s:%ld: expected a header with alias and canonical columns (or the actor "
                     "lexicon's name and aliases columns)",
                     path, row.line);
        goto out;
    }
    im.nfields = row.nfields;
    for (;;) {
        rc = rn_csv_next(reader, &row, err);
        if (rc == 0)
            break;
        char msg[RN_ERR_MSG_MAX];
        if (rc < 0) {
            if (rc != RN_EINPUT)
                goto out;
            rep->rows_read++;
            snprintf(msg, sizeof msg, "%s", err->msg);
            rc = bad_row(&im, rn_csv_error_kind(reader) == RN_CSV_ERR_UTF8 ? RN_SKIP_UTF8
                                                                         : RN_SKIP_QUOTING,
                         msg, err);
            if (opt->strict)
                goto out;
            continue;
        }
        rep->rows_read++;
        if (row.nfields != im.nfields) {
            snprintf(msg, sizeof msg, "%s:%ld: expected %zu fields, got %zu", path, row.line,
                     im.nfields, row.nfields);
            rc = bad_row(&im, RN_SKIP_FIELDS, msg, err);
            if (opt->strict)
                goto out;
            continue;
        }
        const char *canonical = row.fields[c_canon];
        const char *alias = c_alias >= 0 ? row.fields[c_alias] : canonical;
        enum rn_etype type = RN_ETYPE_UNKNOWN;
        if (!alias[0] || !canonical[0]) {
            snprintf(msg, sizeof msg, "%s:%ld: empty %s", path, row.line,
                     alias[0] ? "canonical name" : "alias");
            rc = bad_row(&im, RN_SKIP_EMPTY, msg, err);
            if (opt->strict)
                goto out;
            continue;
        }
        if (c_type >= 0 && rn_etype_parse(row.fields[c_type], &type) != RN_OK) {
            snprintf(msg, sizeof msg, "%s:%ld: type '%.40s' is not one of country, organization, "
                     "company, person, group, document, unknown", path, row.line,
                     row.fields[c_type]);
            rc = bad_row(&im, RN_SKIP_VALUE, msg, err);
            if (opt->strict)
                goto out;
            continue;
        }
        const char *affiliation = c_affil >= 0 ? row.fields[c_affil] : NULL;
        if (c_alias >= 0)
            rc = add(ctx, alias, canonical, type, affiliation, err);
        else
            rc = add_alias_list(add, ctx, row.fields[c_list], canonical, type, affiliation, err);
        if (rc != RN_OK)
            goto out;
        rep->rows_imported++;
    }
    rc = RN_OK;
out:
    rn_csv_content_hash(reader, rep->content_hash);
    rn_csv_close(reader);
    rn_buf_release(&im.key);
    return rc;
}
