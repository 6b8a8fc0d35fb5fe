/* cmd_extract.c - relnet extract: articles in, relation records out (a pure filter). */
#include "cli.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/json.h"
#include "relnet/pipeline.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_spec extract_spec = {
    .name = "extract",
    .head = "usage: relnet extract [options] FILE|DIR|-...\n"
            "\n"
            "Read news articles (.txt or .html; a directory is read recursively, '-' is\n"
            "standard input) and print the relations found in them, one record a line:\n"
            "  article, sentence_no, offset, source, source_type, source_affiliation,\n"
            "  relation, target, target_type, target_affiliation, polarity, confidence,\n"
            "  evidence, date, url, title, path, origin, content_hash, article_date\n"
            "offset is the byte offset of the evidence sentence in the cleaned article text;\n"
            "date is the day that sentence states when it states one unambiguously (\"on\n"
            "Monday\", \"March 3\", \"on 3 March 2021\"), else the article's date (page\n"
            "metadata, dateline or URL), else empty; article_date is the article's own.\n"
            "path is the file as given; content_hash identifies the file's bytes (as 'relnet\n"
            "add' does, so that an article is not added twice). 'relnet import' reads the\n"
            "output back into the records and articles 'relnet add' would store for the\n"
            "same files. jsonl has the same fields. Nothing is stored: the output is the\n"
            "same for the same input.\n"
            "\n"
            "tsv is tab-separated and never quoted: a tab, line break or backslash in a\n"
            "field is written \\t, \\n, \\r, \\\\ as in PostgreSQL's text format.\n"
            "\n"
            "Word classes: nouns, verbs, adjectives and adverbs come from WordNet, read\n"
            "from $RELNET_WORDNET (default /usr/share/wordnet, Debian's wordnet-base);\n"
            "RELNET_WORDNET=none runs without it, a directory without WordNet is an error.\n",
    .tail = "A file that cannot be read (binary, empty, invalid UTF-8) is reported on\n"
            "stderr and skipped; the exit code is then 1.\n",
};

enum fmt { FMT_TSV, FMT_CSV, FMT_JSONL };

static const char *const columns[] = {
    "article",  "sentence_no", "offset", "source",   "source_type", "source_affiliation",
    "relation", "target",      "target_type", "target_affiliation", "polarity", "confidence",
    "evidence", "date",        "url",    "title",       "path",        "origin",
    "content_hash", "article_date",
};
enum { COL_SENTENCE_NO = 1, COL_OFFSET = 2, COL_CONFIDENCE = 11 };
#define NCOLUMNS (sizeof columns / sizeof columns[0])

struct writer {
    enum fmt fmt;
    int header_pending; /* the header waits for the lexicon and the first article */
    const struct rn_article *article;
    struct rn_buf line;
};

static void fmt_long(char out[32], long v)
{
    char tmp[24];
    size_t n = 0;
    int neg = v < 0;
    unsigned long u = neg ? 0ul - (unsigned long)v : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t k = 0;
    if (neg)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    out[k] = '\0';
}

/* The confidence as the shortest decimal that reads back as the same
   number (what `relnet add` stores), with two decimals without printf in
   the usual case (a hot path: one call per record). */
static void format_confidence(double v, char out[32])
{
    long c = (long)(v * 100 + 0.5);
    if (c >= 0 && c <= 100 && (double)c / 100 == v) {
        out[0] = (char)('0' + c / 100);
        out[1] = '.';
        out[2] = (char)('0' + (c / 10) % 10);
        out[3] = (char)('0' + c % 10);
        out[4] = '\0';
        return;
    }
    for (int prec = 3; prec <= 17; prec++) {
        snprintf(out, 32, "%.*g", prec, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

/* One JSON object a line with the columns of the TSV: the numbers as
   numbers, what is not known as null. */
static int write_json_line(const char *const vals[NCOLUMNS], const struct rn_record *r,
                           struct rn_err *err)
{
    struct rn_json *o = rn_json_object();
    if (!o)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    int rc = RN_OK;
    for (size_t i = 0; i < NCOLUMNS; i++) {
        struct rn_json *v = i == COL_SENTENCE_NO  ? rn_json_integer(r->sentence_no)
                            : i == COL_OFFSET     ? rn_json_integer(r->offset)
                            : i == COL_CONFIDENCE ? rn_json_number(r->confidence)
                                                  : rn_json_string(vals[i]);
        rc |= rn_json_set(o, columns[i], v);
    }
    if (rc != RN_OK) {
        rn_json_free(o);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    rc = rn_json_dump(stdout, o, 0);
    rn_json_free(o);
    return rc == RN_OK ? RN_OK : rn_fail(err, RN_EIO, "cannot write to standard output");
}

static int write_record(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    struct writer *w = ctx;
    char sent[32], off[32], conf[32];
    fmt_long(sent, r->sentence_no);
    fmt_long(off, r->offset);
    format_confidence(r->confidence, conf);
    const struct rn_article *a = w->article;
    /* NULL: not known (empty in TSV and CSV, null in JSON) */
    const char *vals[NCOLUMNS] = {
        r->article,
        sent,
        off,
        r->source,
        r->source_type,
        r->source_affiliation,
        r->relation,
        r->target,
        r->target_type,
        r->target_affiliation,
        rn_polarity_name(r->polarity),
        conf,
        r->evidence,
        r->date,
        a->url,
        a->title,
        a->path,
        rn_origin_name(r->origin),
        a->content_hash,
        a->date,
    };
    if (w->fmt == FMT_JSONL)
        return write_json_line(vals, r, err);
    for (size_t i = 0; i < NCOLUMNS; i++)
        if (!vals[i])
            vals[i] = "";
    if (w->fmt == FMT_CSV)
        return rn_csv_write_row(stdout, ',', vals, NCOLUMNS) == RN_OK
                   ? RN_OK
                   : rn_fail(err, RN_EIO, "cannot write to standard output");
    rn_buf_reset(&w->line);
    int rc = RN_OK;
    for (size_t i = 0; i < NCOLUMNS && rc == RN_OK; i++) {
        if (i)
            rc = rn_buf_addc(&w->line, '\t');
        if (rc == RN_OK)
            rc = rn_tsv_add_field(&w->line, vals[i]);
    }
    if (rc != RN_OK || rn_buf_addc(&w->line, '\n') != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (fwrite(w->line.data, 1, w->line.len, stdout) != w->line.len)
        return rn_fail(err, RN_EIO, "cannot write to standard output");
    return RN_OK;
}

static void write_header(enum fmt fmt)
{
    if (fmt == FMT_JSONL)
        return;
    if (fmt == FMT_CSV) {
        rn_csv_write_row(stdout, ',', columns, NCOLUMNS);
        return;
    }
    for (size_t i = 0; i < NCOLUMNS; i++)
        printf("%s%s", i ? "\t" : "", columns[i]);
    putchar('\n');
}

/* Records name the article by id; the writer adds its URL, title and path. */
static int start_article(void *ctx, const struct rn_article *a, struct rn_err *err)
{
    (void)err;
    struct writer *w = ctx;
    if (w->header_pending) {
        write_header(w->fmt);
        w->header_pending = 0;
    }
    w->article = a;
    return RN_OK;
}

/* --explain: the explanation shows the records; none are written. */
static int skip_record(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    (void)ctx;
    (void)r;
    (void)err;
    return RN_OK;
}

int cmd_extract(int argc, char **argv)
{
    static const struct cli_choice formats[] = {
        { "tsv", FMT_TSV }, { "csv", FMT_CSV }, { "jsonl", FMT_JSONL }, { "json", FMT_JSONL },
        { NULL, 0 },
    };
    int fmt = FMT_TSV;
    struct cli_lexicon lx = { .n_extra = 0 };
    int repeated_lines = 0, explain = 0;
    const struct cli_option options[] = {
        CLI_INCLUDE(cli_lexicon_options, &lx),
        CLI_FLAG("repeated-lines", 0, &repeated_lines,
                 "also drop lines repeated across 3 or more of the given files (page "
                 "templates); off by default so that a file's relations do not depend on the "
                 "other files of the run"),
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_CHOICE("format", 'f', &fmt, formats, "tsv",
                   "tab-separated (never quoted), CSV, or JSON lines"),
        CLI_FLAG("explain", 0, &explain,
                 "instead of records, tell for every sentence the mentions found, each "
                 "trigger word with the reading and frames tried, and the records it gave or "
                 "why none"),
        CLI_END,
    };
    int code = cli_parse(&extract_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;
    if (optind >= argc)
        return cli_usage_error("extract", "no article files given");

    struct rn_pipeline_options popt = cli_lexicon_pipeline(&lx, repeated_lines);
    struct writer w;
    memset(&w, 0, sizeof w);
    w.fmt = (enum fmt)fmt;
    struct cli_article_sink out = { { write_record, &w }, start_article };
    if (explain) {
        popt.explain = stdout;
        out.sink.add = skip_record;
    } else {
        /* written once the lexicon has loaded: a run that fails before any
           article writes nothing at all */
        w.header_pending = 1;
    }
    code = cli_extract_articles(&popt, argv + optind, (size_t)(argc - optind), &out);
    if (w.header_pending && code == 0)
        write_header(w.fmt);
    rn_buf_release(&w.line);
    return code;
}
