/* cmd_extract.c - relnet extract: articles in, relation records out (a pure filter). */
#include "cli.h"

#include "relnet/buf.h"
#include "relnet/csvio.h"
#include "relnet/extract.h"
#include "relnet/ingest.h"
#include "relnet/json.h"
#include "relnet/lexicon.h"
#include "relnet/lib.h"
#include "relnet/sentence.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char cmd_extract_usage[] =
    "usage: relnet extract [--format tsv|csv|jsonl] [--lexicon FILE]... FILE|DIR|-...\n"
    "\n"
    "Read news articles (.txt or .html; a directory is read recursively, '-' is\n"
    "standard input) and print the relations found in them, one record a line:\n"
    "  article, sentence_no, offset, source, source_type, source_affiliation,\n"
    "  relation, target, target_type, target_affiliation, polarity, confidence,\n"
    "  evidence, date, url\n"
    "offset is the byte offset of the evidence sentence in the cleaned article text.\n"
    "Nothing is stored: the output is the same for the same input.\n"
    "\n"
    "options:\n"
    "  -f, --format FMT    tsv (default; tab-separated, never quoted), csv, jsonl\n"
    "  -l, --lexicon FILE  an extra lexicon file (actors, relations or cues; its\n"
    "                      header says which); may be repeated\n"
    "      --lexicon-dir DIR  use DIR instead of the shipped data/lexicon\n"
    "  -h, --help          show this help\n"
    "\n"
    "A file that cannot be read (binary, empty, invalid UTF-8) is reported on\n"
    "stderr and skipped; the exit code is then 1.\n";

enum fmt { FMT_TSV, FMT_CSV, FMT_JSONL };

static const char *const columns[] = {
    "article",  "sentence_no", "offset", "source",   "source_type", "source_affiliation",
    "relation", "target",      "target_type", "target_affiliation", "polarity", "confidence",
    "evidence", "date",        "url",
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

struct writer {
    enum fmt fmt;
    const char *url;
    struct rn_buf line;
};

/* TSV is never quoted (like the gold files): tabs and line breaks inside a
   field become spaces. */
static void tsv_field(struct rn_buf *b, const char *s)
{
    while (s && *s) {
        size_t n = strcspn(s, "\t\n\r");
        rn_buf_add(b, s, n);
        s += n;
        if (*s) {
            rn_buf_addc(b, ' ');
            s++;
        }
    }
}

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

static int write_record(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    struct writer *w = ctx;
    char sent[32], off[32], conf[8];
    fmt_long(sent, r->sentence_no);
    fmt_long(off, r->offset);
    /* two decimals without printf (a hot path: one call per record) */
    long c = (long)(r->confidence * 100 + 0.5);
    if (c < 0)
        c = 0;
    if (c > 100)
        c = 100;
    conf[0] = (char)('0' + c / 100);
    conf[1] = '.';
    conf[2] = (char)('0' + (c / 10) % 10);
    conf[3] = (char)('0' + c % 10);
    conf[4] = '\0';
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
        w->url ? w->url : "",
    };
    if (w->fmt == FMT_CSV)
        return rn_csv_write_row(stdout, ',', vals, NCOLUMNS) == RN_OK
                   ? RN_OK
                   : rn_fail(err, RN_EIO, "cannot write to standard output");
    if (w->fmt == FMT_JSONL)
        return rn_json_write_record(stdout, r, w->url, err);
    rn_buf_reset(&w->line);
    for (size_t i = 0; i < NCOLUMNS; i++) {
        if (i)
            rn_buf_addc(&w->line, '\t');
        tsv_field(&w->line, vals[i]);
    }
    rn_buf_addc(&w->line, '\n');
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

struct run {
    struct rn_extractor *x;
    struct writer w;
    struct rn_sentences sents;
    size_t *starts, *ends;
    size_t cap;
    int failed;
};

static int extract_file(struct run *run, const char *path)
{
    struct rn_article a = RN_ARTICLE_INIT;
    struct rn_ingest_options opt;
    memset(&opt, 0, sizeof opt);
    opt.format = RN_INGEST_AUTO;
    struct rn_err err = RN_ERR_INIT;
    int rc = rn_ingest_file(path, &opt, &a, &err);
    if (rc != RN_OK) {
        cli_report(&err);
        run->failed = 1;
        return rc == RN_EINPUT || rc == RN_EIO ? RN_OK : rc;
    }
    if (a.invalid_utf8) {
        cli_errorf("%s: invalid UTF-8 at byte %zu (%zu bad bytes); file skipped", path,
                   a.first_invalid_offset, a.invalid_utf8);
        run->failed = 1;
        rn_article_release(&a);
        return RN_OK;
    }
    rc = rn_sentence_split(a.text, a.len, &run->sents);
    if (rc == RN_OK && run->sents.len > run->cap) {
        size_t *s = realloc(run->starts, run->sents.len * sizeof *s);
        if (s)
            run->starts = s;
        size_t *e = realloc(run->ends, run->sents.len * sizeof *e);
        if (e)
            run->ends = e;
        if (!s || !e)
            rc = RN_ENOMEM;
        else
            run->cap = run->sents.len;
    }
    if (rc == RN_OK) {
        for (size_t i = 0; i < run->sents.len; i++) {
            run->starts[i] = run->sents.items[i].start;
            run->ends[i] = run->sents.items[i].end;
        }
        struct rn_extract_doc doc = { a.text, a.len, run->starts, run->ends, run->sents.len,
                                      a.id, a.title, a.date };
        struct rn_sink sink = { write_record, &run->w };
        run->w.url = a.url;
        rc = rn_extract_doc(run->x, &doc, &sink, &err);
    }
    if (rc != RN_OK) {
        if (!err.msg[0])
            rn_fail(&err, rc, "%s: %s", path, rn_status_name(rc));
        cli_report(&err);
        run->failed = 1;
    }
    rn_article_release(&a);
    return rc == RN_EIO || rc == RN_ENOMEM ? rc : RN_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_article_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || name[0] == '.')
        return 0;
    return strcmp(dot, ".txt") == 0 || strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0 ||
           strcmp(dot, ".text") == 0;
}

/* Walk a directory in name order (deterministic output). */
static int extract_path(struct run *run, const char *path, int top)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d) {
            cli_errorf("cannot open directory %s", path);
            run->failed = 1;
            return RN_OK;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *de;
        while ((de = readdir(d))) {
            if (de->d_name[0] == '.')
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char **nn = realloc(names, cap * sizeof *nn);
                if (!nn)
                    break;
                names = nn;
            }
            size_t len = strlen(path) + strlen(de->d_name) + 2;
            names[n] = malloc(len);
            if (!names[n])
                break;
            snprintf(names[n], len, "%s/%s", path, de->d_name);
            n++;
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_str);
        int rc = RN_OK;
        for (size_t i = 0; i < n; i++) {
            struct stat s2;
            if (rc == RN_OK && stat(names[i], &s2) == 0 &&
                (S_ISDIR(s2.st_mode) || is_article_name(strrchr(names[i], '/') + 1)))
                rc = extract_path(run, names[i], 0);
            free(names[i]);
        }
        free(names);
        return rc;
    }
    (void)top;
    return extract_file(run, path);
}

int cmd_extract(int argc, char **argv)
{
    static const struct option opts[] = {
        { "format", required_argument, NULL, 'f' },
        { "lexicon", required_argument, NULL, 'l' },
        { "lexicon-dir", required_argument, NULL, 'L' },
        CLI_COMMON_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    enum fmt fmt = FMT_TSV;
    const char *extra[64];
    size_t nextra = 0;
    const char *lexdir = NULL;
    int c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, "f:l:h", opts, NULL)) != -1) {
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
        case 'l':
            if (nextra == sizeof extra / sizeof extra[0])
                return cli_usage_error("extract", "too many --lexicon files");
            extra[nextra++] = optarg;
            break;
        case 'L':
            lexdir = optarg;
            break;
        case 'h':
        case CLI_OPT_HELP:
            return cli_help(cmd_extract_usage);
        default:
            if (cli_common_option(c, optarg))
                break;
            return cli_usage_error("extract", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("extract", "no article files given");

    struct rn_err err = RN_ERR_INIT;
    char dir[4096];
    if (lexdir)
        snprintf(dir, sizeof dir, "%s", lexdir);
    else
        snprintf(dir, sizeof dir, "%s/lexicon", rn_lib_data_dir());
    struct rn_lexicon *lex = NULL;
    if (rn_lexicon_load(dir, &lex, &err) != RN_OK)
        return cli_report(&err);
    for (size_t i = 0; i < nextra; i++) {
        if (rn_lexicon_add_file(lex, extra[i], &err) != RN_OK) {
            rn_lexicon_free(lex);
            return cli_report(&err);
        }
    }
    struct run run;
    memset(&run, 0, sizeof run);
    run.w.fmt = fmt;
    if (rn_extractor_new(lex, &run.x, &err) != RN_OK) {
        rn_lexicon_free(lex);
        return cli_report(&err);
    }
    write_header(fmt);
    int rc = RN_OK;
    for (int i = optind; i < argc && rc == RN_OK; i++)
        rc = extract_path(&run, argv[i], 1);
    rn_extractor_free(run.x);
    rn_lexicon_free(lex);
    rn_sentences_release(&run.sents);
    free(run.starts);
    free(run.ends);
    rn_buf_release(&run.w.line);
    if (rc != RN_OK)
        return rc == RN_ENOMEM || rc == RN_EIO ? RN_EXIT_FAIL : RN_EXIT_INPUT;
    return run.failed ? RN_EXIT_INPUT : RN_EXIT_OK;
}
