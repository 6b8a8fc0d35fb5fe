/* cmd_extract.c - relnet extract: articles in, relation records out (a pure filter). */
#include "cli.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/json.h"
#include "relnet/pipeline.h"

#include <stdlib.h>
#include <string.h>

const char cmd_extract_usage[] =
    "usage: relnet extract [--format tsv|csv|jsonl] [--lexicon FILE]... FILE|DIR|-...\n"
    "\n"
    "Read news articles (.txt or .html; a directory is read recursively, '-' is\n"
    "standard input) and print the relations found in them, one record a line:\n"
    "  article, sentence_no, offset, source, source_type, source_affiliation,\n"
    "  relation, target, target_type, target_affiliation, polarity, confidence,\n"
    "  evidence, date, url, title, path, origin\n"
    "offset is the byte offset of the evidence sentence in the cleaned article text;\n"
    "path is the file as given. 'relnet import' reads the output back into the\n"
    "records 'relnet add' would store for the same files. Nothing is stored: the\n"
    "output is the same for the same input.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT      tsv (default; tab-separated, never quoted: a tab, line\n"
    "                        break or backslash in a field is written \\t, \\n, \\r,\n"
    "                        \\\\ as in PostgreSQL's text format), csv, jsonl\n"
    CLI_LEXICON_HELP
    "      --repeated-lines  also drop lines repeated across 3 or more of the given\n"
    "                        files (page templates); off by default so that a file's\n"
    "                        relations do not depend on the other files of the run\n"
    "  -h, --help            show this help\n"
    "\n"
    "A file that cannot be read (binary, empty, invalid UTF-8) is reported on\n"
    "stderr and skipped; the exit code is then 1.\n";

enum fmt { FMT_TSV, FMT_CSV, FMT_JSONL };

static const char *const columns[] = {
    "article",  "sentence_no", "offset", "source",   "source_type", "source_affiliation",
    "relation", "target",      "target_type", "target_affiliation", "polarity", "confidence",
    "evidence", "date",        "url",    "title",       "path",        "origin",
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

struct writer {
    enum fmt fmt;
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

static int write_record(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    struct writer *w = ctx;
    char sent[32], off[32], conf[32];
    fmt_long(sent, r->sentence_no);
    fmt_long(off, r->offset);
    format_confidence(r->confidence, conf);
    const struct rn_article *a = w->article;
    const char *vals[NCOLUMNS] = {
        r->article ? r->article : "",
        sent,
        off,
        r->source,
        r->source_type ? r->source_type : "",
        r->source_affiliation ? r->source_affiliation : "",
        r->relation,
        r->target,
        r->target_type ? r->target_type : "",
        r->target_affiliation ? r->target_affiliation : "",
        rn_polarity_name(r->polarity),
        conf,
        r->evidence ? r->evidence : "",
        r->date ? r->date : "",
        a->url ? a->url : "",
        a->title ? a->title : "",
        a->path,
        rn_origin_name(r->origin),
    };
    if (w->fmt == FMT_CSV)
        return rn_csv_write_row(stdout, ',', vals, NCOLUMNS) == RN_OK
                   ? RN_OK
                   : rn_fail(err, RN_EIO, "cannot write to standard output");
    if (w->fmt == FMT_JSONL)
        return rn_json_write_record(stdout, r, a->url, err);
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

static int extract_each(void *ctx, struct rn_pipeline *p, const struct rn_article *a)
{
    struct writer *w = ctx;
    struct rn_err err = RN_ERR_INIT;
    struct rn_sink sink = { write_record, w };
    w->article = a;
    int rc = rn_pipeline_extract(p, a, &sink, &err);
    if (rc == RN_OK)
        return RN_EXIT_OK;
    rn_err_prefix(&err, "%s", a->path);
    return cli_report(&err);
}

int cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        { "format", required_argument, NULL, 'f' },
        { "repeated-lines", no_argument, NULL, 'R' },
        CLI_LEXICON_OPTIONS,
        CLI_COMMON_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    enum fmt fmt = FMT_TSV;
    struct cli_lexicon lx = { .n_extra = 0 };
    int repeated_lines = 0;
    int c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, ":f:l:h", opts, NULL)) != -1) {
        int lexicon = cli_lexicon_option("extract", c, optarg, &lx);
        if (lexicon < 0)
            return RN_EXIT_USAGE;
        if (lexicon)
            continue;
        switch (c) {
        case 'f':
            if (strcmp(optarg, "tsv") == 0)
                fmt = FMT_TSV;
            else if (strcmp(optarg, "csv") == 0)
                fmt = FMT_CSV;
            else if (strcmp(optarg, "jsonl") == 0 || strcmp(optarg, "json") == 0)
                fmt = FMT_JSONL;
            else
                return cli_usage_error("extract", "unknown format '%s' (tsv, csv or jsonl)",
                                       optarg);
            break;
        case 'R':
            repeated_lines = 1;
            break;
        case 'h':
        case CLI_OPT_HELP:
            return cli_help(cmd_extract_usage);
        default:
            if (cli_common_option(c, optarg))
                break;
            return cli_bad_option("extract", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("extract", "no article files given");

    struct rn_pipeline_options popt = cli_lexicon_pipeline(&lx, repeated_lines);
    struct writer w;
    memset(&w, 0, sizeof w);
    w.fmt = fmt;
    write_header(fmt);
    int code = cli_for_each_article(&popt, argv + optind, (size_t)(argc - optind), extract_each, &w);
    rn_buf_release(&w.line);
    return code;
}
