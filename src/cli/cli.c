/* cli.c - helpers shared by the command files (see cli.h). */
#include "cli.h"

#include "relnet/aliases.h"
#include "relnet/import.h"
#include "relnet/lib.h"
#include "relnet/pipeline.h"
#include "relnet/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct cli_globals cli_globals;

const struct cli_option cli_global_options[] = {
    CLI_SECTION(CLI_GROUP_GLOBAL),
    CLI_STRING("kb", 0, "FILE", &cli_globals.kb_path, "$RELNET_KB, else relnet.db",
               "the knowledge base file"),
    CLI_FLAG("quiet", 'q', &cli_globals.quiet, "no progress bar and no summaries on stderr"),
    CLI_FLAG("no-lexicon", 0, &cli_globals.no_lexicon,
             "keep names as written: do not resolve them through the actor lexicon "
             "(data/lexicon/actors.tsv: USA -> United States)"),
    { .kind = CLI_KIND_HELP, .name = "help", .short_name = 'h', .help = "show this help" },
    CLI_END,
};

int cli_parse(const struct cli_spec *spec, const struct cli_option *opts, int argc, char **argv)
{
    const struct cli_option all[] = { CLI_INCLUDE(opts, NULL),
                                      CLI_INCLUDE(cli_global_options, NULL), CLI_END };
    return cli_parse_argv(spec, all, argc, argv, 0);
}

const char *cli_kb_path(void)
{
    if (cli_globals.kb_path)
        return cli_globals.kb_path;
    const char *env = getenv("RELNET_KB");
    if (env && env[0])
        return env;
    return "relnet.db";
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    if (cli_globals.bar_shown)
        fputs("\r\033[K", stderr); /* the message replaces the bar's line */
    fputs("relnet: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_report(const struct rn_err *err)
{
    if (err->msg[0])
        cli_errorf("%s", err->msg);
    else
        cli_errorf("%s", rn_status_name(err->code));
    return rn_status_exit_code(err->code);
}

/* Large enough that a bar is worth drawing (a 37 MB CSV takes seconds,
   and so do 8 MB of articles). */
#define PROGRESS_MIN_BYTES (8ull << 20)

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(struct cli_progress *p, const char *label, uint64_t total)
{
    p->label = label;
    p->drawn = 0;
    p->last = 0;
    p->enabled = !cli_globals.quiet && isatty(STDERR_FILENO) &&
                 (total == 0 || total >= PROGRESS_MIN_BYTES);
}

void cli_progress_update(void *ctx, uint64_t done, uint64_t total)
{
    struct cli_progress *p = ctx;
    if (!p->enabled)
        return;
    double t = now_seconds();
    if (p->drawn && t - p->last < 0.1 && !(total && done >= total))
        return;
    p->last = t;
    p->drawn = 1;
    cli_globals.bar_shown = 1;
    if (total) {
        int width = 30;
        int fill = (int)((double)done / (double)total * width);
        if (fill > width)
            fill = width;
        fprintf(stderr, "\r%s [%.*s%*s] %3d%% %.1f/%.1f MB", p->label, fill,
                "##############################", width - fill, "",
                (int)((double)done * 100 / (double)total), (double)done / 1e6,
                (double)total / 1e6);
    } else {
        fprintf(stderr, "\r%s %.1f MB", p->label, (double)done / 1e6);
    }
    fflush(stderr);
}

void cli_progress_end(struct cli_progress *p)
{
    if (p->enabled && p->drawn)
        fputs("\r\033[K", stderr);
    p->drawn = 0;
    cli_globals.bar_shown = 0;
}

static struct rn_aliases *lexicon_aliases;
static int lexicon_tried;

const struct rn_aliases *cli_aliases(void)
{
    if (cli_globals.no_lexicon || lexicon_tried)
        return lexicon_aliases;
    lexicon_tried = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/lexicon/actors.tsv", rn_lib_data_dir());
    if (access(path, R_OK) != 0)
        return NULL;
    struct rn_aliases *a = rn_aliases_new();
    struct rn_import_report rep;
    struct rn_err err = RN_ERR_INIT;
    if (!a || rn_aliases_load(a, path, &rep, &err) != RN_OK) {
        cli_errorf("warning: actor names not loaded: %s", a ? err.msg : "out of memory");
        rn_aliases_free(a);
        a = NULL;
    } else if (rep.rows_skipped) {
        cli_errorf("warning: %s: %ld bad rows skipped", path, rep.rows_skipped);
    }
    if (a)
        rn_import_report_release(&rep);
    lexicon_aliases = a;
    return a;
}

void cli_aliases_free(void)
{
    rn_aliases_free(lexicon_aliases);
    lexicon_aliases = NULL;
    lexicon_tried = 0;
}

void cli_selection_init(struct cli_selection *sel, const char *relations, const char *polarity)
{
    memset(sel, 0, sizeof *sel);
    rn_filter_init(&sel->filter);
    sel->relation_default = relations;
    sel->polarity_default = polarity;
    /* Names we write ourselves: they parse. */
    if (relations)
        rn_filter_set_relations(&sel->filter, relations, NULL);
    if (polarity)
        rn_filter_set_polarity(&sel->filter, polarity, NULL);
}

void cli_selection_release(struct cli_selection *sel)
{
    rn_filter_release(&sel->filter);
}

int cli_parse_filtered(const struct cli_spec *spec, const struct cli_option *opts, int argc,
                       char **argv, struct cli_selection *sel)
{
    const struct cli_option all[] = { CLI_INCLUDE(opts, NULL),
                                      CLI_INCLUDE(cli_filter_options, sel), CLI_END };
    int code = cli_parse(spec, all, argc, argv);
    if (code != CLI_GO_ON)
        cli_selection_release(sel);
    return code;
}

static int set_relation(void *dest, const char *arg, struct rn_err *err)
{
    struct cli_selection *sel = dest;
    if (!sel->relation_given)
        rn_filter_release(&sel->filter); /* the command's default relations go */
    sel->relation_given = 1;
    return rn_filter_set_relations(&sel->filter, arg, err);
}

static int set_since(void *dest, const char *arg, struct rn_err *err)
{
    return rn_filter_set_since(&((struct cli_selection *)dest)->filter, arg, err);
}

static int set_until(void *dest, const char *arg, struct rn_err *err)
{
    return rn_filter_set_until(&((struct cli_selection *)dest)->filter, arg, err);
}

static int set_polarity(void *dest, const char *arg, struct rn_err *err)
{
    struct cli_selection *sel = dest;
    sel->polarity_given = 1;
    return rn_filter_set_polarity(&sel->filter, arg, err);
}

static int set_min_count(void *dest, const char *arg, struct rn_err *err)
{
    struct cli_selection *sel = dest;
    long n;
    if (cli_parse_count(arg, &n) != 0 || n < 1)
        return rn_fail(err, RN_EUSAGE, "--min-count needs a whole number >= 1, not '%s'", arg);
    sel->filter.min_count = n;
    return RN_OK;
}

static int set_by(void *dest, const char *arg, struct rn_err *err)
{
    struct cli_selection *sel = dest;
    if (strcmp(arg, "affiliation") == 0)
        sel->by_affiliation = 1;
    else if (strcmp(arg, "entity") == 0)
        sel->by_affiliation = 0;
    else
        return rn_fail(err, RN_EUSAGE, "--by takes entity or affiliation, not '%s'", arg);
    return RN_OK;
}

int cli_set_delimiter(void *dest, const char *s, struct rn_err *err)
{
    char *out = dest;
    if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0 ||
        strcmp(s, "TAB") == 0)
        *out = '\t';
    else if (strcmp(s, ",") == 0 || strcmp(s, "comma") == 0)
        *out = ',';
    else if (strcmp(s, ";") == 0 || strcmp(s, "semicolon") == 0)
        *out = ';';
    else if (strcmp(s, "|") == 0 || strcmp(s, "pipe") == 0)
        *out = '|';
    else
        return rn_fail(err, RN_EUSAGE, "unknown delimiter '%s' (expected ',', tab, ';' or '|')",
                       s);
    return RN_OK;
}

static int set_csv_map(void *dest, const char *arg, struct rn_err *err)
{
    (void)err;
    ((struct cli_selection *)dest)->csv.map = arg;
    return RN_OK;
}

static int set_csv_delimiter(void *dest, const char *arg, struct rn_err *err)
{
    return cli_set_delimiter(&((struct cli_selection *)dest)->csv.delimiter, arg, err);
}

static int set_csv_date_format(void *dest, const char *arg, struct rn_err *err)
{
    (void)err;
    ((struct cli_selection *)dest)->csv.date_format = arg;
    return RN_OK;
}

/* --jobs's value, 1 to 256. */
static int parse_jobs(const char *arg, long *jobs, struct rn_err *err)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > 256)
        return rn_fail(err, RN_EUSAGE, "--jobs needs a number from 1 to 256, not '%s'", arg);
    *jobs = n;
    return RN_OK;
}

int cli_set_jobs(void *dest, const char *arg, struct rn_err *err)
{
    return parse_jobs(arg, dest, err);
}

static int set_csv_jobs(void *dest, const char *arg, struct rn_err *err)
{
    return parse_jobs(arg, &((struct cli_selection *)dest)->csv_jobs, err);
}

static const char *relation_default(const void *dest)
{
    const struct cli_selection *sel = dest;
    return sel->relation_default ? sel->relation_default : "all";
}

static const char *polarity_default(const void *dest)
{
    const struct cli_selection *sel = dest;
    return sel->polarity_default ? sel->polarity_default : "asserted";
}

const struct cli_option cli_filter_options[] = {
    CLI_SECTION(CLI_GROUP_FILTER),
    { .kind = CLI_KIND_CALLBACK, .name = "relation", .arg = "R[,R...]", .cb = set_relation,
      .def_of = relation_default, .help = "only these relations, or all" },
    CLI_CALLBACK("since", 0, "DATE", NULL, set_since, NULL,
                 "only records dated DATE or later (undated ones are dropped)"),
    CLI_CALLBACK("until", 0, "DATE", NULL, set_until, NULL, "only records dated DATE or earlier"),
    { .kind = CLI_KIND_CALLBACK, .name = "polarity", .arg = "P[,P...]", .cb = set_polarity,
      .def_of = polarity_default, .help = "asserted, hedged, negated or all" },
    CLI_CALLBACK("min-count", 0, "N", NULL, set_min_count, "1",
                 "drop (source, target) pairs reported fewer than N times"),
    CLI_CALLBACK("by", 0, "entity|affiliation", NULL, set_by, "entity",
                 "affiliation: roll people and agencies up to the state or body they act for"),
    CLI_CALLBACK("map", 0, "ROLE=COL,...", NULL, set_csv_map, NULL,
                 "with CSV files: use column COL for ROLE, as 'relnet import --map'"),
    CLI_CALLBACK("delimiter", 0, "D", NULL, set_csv_delimiter, NULL,
                 "with CSV files: ',', tab, ';' or '|' (default: guessed)"),
    CLI_CALLBACK("date-format", 0, "FMT", NULL, set_csv_date_format, NULL,
                 "with CSV files: strptime format of the date column"),
    CLI_CALLBACK("jobs", 'j', "N", NULL, set_csv_jobs, "the number of cores",
                 "with CSV files: read each in N parts on N threads where the graph is all "
                 "a command needs (the result is the same for any N)"),
    CLI_END,
};

/* Read one CSV file into set: in parts on several threads when only the
   graph is kept (see rn_import_csv_parts), else (or when the file cannot
   be cut) in one pass. */
static int load_csv(const char *path, const struct rn_import_options *opt, unsigned jobs,
                    struct rn_relset *set, struct rn_import_report *rep, struct rn_err *err)
{
    struct rn_relset_part *parts[RN_IMPORT_MAX_PARTS];
    struct rn_sink sinks[RN_IMPORT_MAX_PARTS];
    size_t n = 0;
    /* Records of a part, counted generously: an edge list's record takes
       some 20 to 60 bytes, and room never written costs nothing. */
    struct stat st;
    size_t nparts = jobs < RN_IMPORT_MAX_PARTS ? jobs : RN_IMPORT_MAX_PARTS;
    size_t expected = stat(path, &st) == 0 && S_ISREG(st.st_mode) && nparts > 1
                          ? (size_t)st.st_size / nparts / 16
                          : 0;
    while (n < jobs && n < RN_IMPORT_MAX_PARTS && jobs > 1) {
        parts[n] = rn_relset_part_new(set, expected); /* NULL for a set that is not graph-only */
        if (!parts[n])
            break;
        sinks[n] = rn_relset_part_sink(parts[n]);
        n++;
    }
    int rc = RN_OK, split = 0;
    if (n > 1)
        rc = rn_import_csv_parts(path, opt, n, sinks, &split, rep, err);
    /* Each part goes as soon as it is merged: the set's records grow
       while the parts' shrink. */
    for (size_t k = 0; k < n; k++) {
        if (rc == RN_OK && split)
            rc = rn_relset_merge_part(set, parts[k], err);
        rn_relset_part_free(parts[k]);
    }
    if (n > 1 && (rc != RN_OK || split))
        return rc;
    if (n > 1)
        rn_import_report_release(rep);
    return rn_import_csv(path, opt, rn_relset_sink(set), rep, err);
}

/* The knowledge base at preloaded_kb, loaded once by build (cli_preload). */
static const char *preloaded_kb;
static const struct rn_relset *preloaded;

/* Selections of it made by cli_preselect, by their filter's key. */
#define KEPT_SELECTIONS 4
static struct kept_selection {
    char key[512];
    struct rn_relset *set;
} kept[KEPT_SELECTIONS];
static size_t n_kept;

void cli_preload(const char *kb_path, const struct rn_relset *all)
{
    preloaded_kb = kb_path;
    preloaded = all;
    for (size_t i = 0; i < n_kept; i++)
        rn_relset_free(kept[i].set);
    n_kept = 0;
}

/* What rn_relset_select reads of a filter, as a string (min_count is the
   view's); 0 when it does not fit. */
static int selection_key(const struct rn_filter *f, char *key, size_t size)
{
    int n = snprintf(key, size, "%x|%lu|%lu|", f->polarity_mask, f->since_num, f->until_num);
    for (int i = 0; i < f->n_relations && n > 0 && (size_t)n < size; i++)
        n += snprintf(key + n, size - (size_t)n, "%s,", f->relations[i]);
    return n > 0 && (size_t)n < size;
}

static struct rn_relset *kept_selection(const struct rn_filter *f)
{
    char key[sizeof kept[0].key];
    if (!selection_key(f, key, sizeof key))
        return NULL;
    for (size_t i = 0; i < n_kept; i++)
        if (strcmp(kept[i].key, key) == 0)
            return kept[i].set;
    return NULL;
}

int cli_preselect(const struct rn_filter *filter)
{
    struct rn_err err = RN_ERR_INIT;
    if (!preloaded || n_kept == KEPT_SELECTIONS || kept_selection(filter) ||
        !selection_key(filter, kept[n_kept].key, sizeof kept[n_kept].key))
        return RN_EXIT_OK;
    if (rn_relset_select(preloaded, filter, 1, &kept[n_kept].set, &err) != RN_OK)
        return cli_report(&err);
    n_kept++;
    return RN_EXIT_OK;
}

int cli_relations_lent(const struct rn_relset *set)
{
    for (size_t i = 0; i < n_kept; i++)
        if (set == kept[i].set)
            return 1;
    return set == preloaded;
}

/* Does f keep every record (every relation and polarity, any date)? */
static int selects_everything(const struct rn_filter *f)
{
    return f->n_relations == 0 && f->polarity_mask == (1u << RN_POL_COUNT) - 1 && !f->since[0] &&
           !f->until[0];
}

void cli_relations_free(struct rn_relset *set)
{
    if (!cli_relations_lent(set))
        rn_relset_free(set);
}

int cli_load_relations(const char *cmd, int nfiles, char **files, const struct cli_selection *sel,
                       enum cli_columns columns, struct rn_relset **out, int *had_bad_rows)
{
    struct rn_err err = RN_ERR_INIT;
    *out = NULL;
    *had_bad_rows = 0;
    if (nfiles == 0 && preloaded && strcmp(cli_kb_path(), preloaded_kb) == 0) {
        if (columns == CLI_COLUMNS_TEXT && selects_everything(&sel->filter)) {
            *out = (struct rn_relset *)preloaded; /* lent: see cli_relations_free */
            return RN_EXIT_OK;
        }
        *out = kept_selection(&sel->filter); /* lent too */
        if (*out)
            return RN_EXIT_OK;
        int rc = rn_relset_select(preloaded, &sel->filter, columns == CLI_COLUMNS_TEXT, out, &err);
        return rc == RN_OK ? RN_EXIT_OK : cli_report(&err);
    }
    if (nfiles == 0) {
        struct rn_store *kb;
        if (rn_store_open(cli_kb_path(), RN_STORE_READONLY, &kb, &err) != RN_OK)
            return cli_report(&err);
        rn_store_use_aliases(kb, cli_aliases());
        int rc = rn_store_load(kb, &sel->filter, columns == CLI_COLUMNS_TEXT, out, &err);
        rn_store_close(kb);
        return rc == RN_OK ? RN_EXIT_OK : cli_report(&err);
    }
    struct rn_relset_options opt = { .keep_text = columns == CLI_COLUMNS_TEXT,
                                     .graph_only = columns == CLI_COLUMNS_GRAPH,
                                     .filter = &sel->filter, .aliases = cli_aliases() };
    struct rn_relset *set = rn_relset_new(&opt);
    if (!set) {
        cli_errorf("out of memory");
        return RN_EXIT_FAIL;
    }
    for (int i = 0; i < nfiles; i++) {
        struct rn_import_report rep;
        struct rn_import_options iopt = sel->csv;
        struct cli_progress bar;
        cli_progress_start(&bar, files[i], 0);
        iopt.progress = cli_progress_update;
        iopt.progress_ctx = &bar;
        iopt.no_content_hash = 1; /* the file is read, not recorded */
        unsigned jobs = sel->csv_jobs ? (unsigned)sel->csv_jobs : rn_pipeline_default_jobs();
        int rc = load_csv(files[i], &iopt, jobs, set, &rep, &err);
        cli_progress_end(&bar);
        if (rc != RN_OK) {
            rn_import_report_release(&rep);
            rn_relset_free(set);
            rn_err_prefix(&err, "%s", cmd);
            return cli_report(&err);
        }
        if (rep.rows_skipped) {
            *had_bad_rows = 1;
            fprintf(stderr, "relnet %s: %s: %ld of %ld rows skipped\n", cmd, files[i],
                    rep.rows_skipped, rep.rows_read);
            for (int k = 0; k < rep.n_errors; k++)
                fprintf(stderr, "  %s\n", rep.errors[k]);
            if (rep.rows_skipped > rep.n_errors)
                fprintf(stderr, "  ... and %ld more\n", rep.rows_skipped - rep.n_errors);
        }
        rn_import_report_release(&rep);
    }
    *out = set;
    return RN_EXIT_OK;
}

int cli_run_to_file(int (*run)(int argc, char **argv), int argc, char **argv, const char *path,
                    int append)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    int fd = open(append ? path : tmp, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0) {
        cli_errorf("cannot write %s: %s", path, strerror(errno));
        return RN_EXIT_FAIL;
    }
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    if (saved < 0 || dup2(fd, STDOUT_FILENO) < 0) {
        cli_errorf("cannot write %s: %s", path, strerror(errno));
        close(fd);
        if (saved >= 0)
            close(saved);
        if (!append)
            unlink(tmp);
        return RN_EXIT_FAIL;
    }
    close(fd);
    int code = run(argc, argv);
    int flushed = fflush(stdout) == 0 && !ferror(stdout);
    clearerr(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    if (!flushed) {
        cli_errorf("cannot write %s", path);
        code = RN_EXIT_FAIL;
    }
    if (!append) {
        if (code == RN_EXIT_OK && rename(tmp, path) != 0) {
            cli_errorf("cannot write %s: %s", path, strerror(errno));
            code = RN_EXIT_FAIL;
        }
        if (code != RN_EXIT_OK)
            unlink(tmp);
    }
    return code;
}

int cli_write_file(const char *path, const char *data, size_t len)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
            cli_errorf("cannot write to standard output: %s", strerror(errno));
            return RN_EXIT_FAIL;
        }
        return RN_EXIT_OK;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    int e = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        if (f)
            unlink(tmp);
        cli_errorf("cannot write %s: %s", path, strerror(e));
        return RN_EXIT_FAIL;
    }
    return RN_EXIT_OK;
}

/* Boilerplate rules that remove most of a file may have removed the
 * article itself: say so. */
static void warn_mostly_boilerplate(const struct rn_article *a)
{
    enum { WARN_MIN_BYTES = 1000 };
    if (cli_globals.quiet || a->boilerplate_bytes < WARN_MIN_BYTES ||
        a->boilerplate_bytes <= a->len)
        return;
    cli_errorf("warning: %s: %zu of %zu bytes of text removed as boilerplate (%zu lines)",
               a->path, a->boilerplate_bytes, a->boilerplate_bytes + a->len,
               a->boilerplate_lines);
}

/* The article loop's state on the calling thread. */
struct article_loop {
    int (*each)(void *ctx, const struct rn_extracted *x);
    void *ctx;
    const struct rn_paths *files;
    struct cli_progress bar;
    int show_bar;
    uint64_t total, done;
    int code; /* the worst exit code so far */
};

static int article_done(void *ctx, const struct rn_extracted *x)
{
    struct article_loop *loop = ctx;
    struct stat st;
    if (loop->show_bar) {
        if (stat(x->path, &st) == 0 && S_ISREG(st.st_mode))
            loop->done += (uint64_t)st.st_size;
        cli_progress_update(&loop->bar, loop->done, loop->total);
    }
    int one;
    if (x->read_failed) {
        one = cli_report(&x->err);
    } else {
        warn_mostly_boilerplate(x->article);
        one = loop->each(loop->ctx, x);
    }
    if (one != RN_EXIT_OK)
        loop->code = one;
    return one == RN_EXIT_FAIL;
}

int cli_for_each_article(const struct rn_pipeline_options *popt, char *const *paths, size_t n,
                         int (*each)(void *ctx, const struct rn_extracted *x), void *ctx)
{
    struct rn_err err = RN_ERR_INIT;
    struct rn_pipeline *p;
    if (rn_pipeline_new(popt, &p, &err) != RN_OK)
        return cli_report(&err);
    struct rn_paths files = RN_PATHS_INIT;
    struct article_loop loop = { each, ctx, &files, .code = RN_EXIT_OK };
    if (rn_pipeline_expand(paths, n, &files, &err) != RN_OK) {
        loop.code = cli_report(&err);
        goto out;
    }
    /* Many articles on a terminal: a bar by bytes read instead of a line
       per article (the sizes are only looked up then: a stat per file is
       a tenth of the time on a corpus of small articles). */
    loop.show_bar = !cli_globals.quiet && isatty(STDERR_FILENO) && files.len >= 50;
    struct stat st;
    for (size_t i = 0; loop.show_bar && i < files.len; i++)
        if (stat(files.items[i], &st) == 0 && S_ISREG(st.st_mode))
            loop.total += (uint64_t)st.st_size;
    cli_progress_start(&loop.bar, "articles", loop.total);
    loop.bar.enabled = loop.show_bar;
    if (rn_pipeline_run(p, popt, &files, article_done, &loop, &err) != RN_OK)
        loop.code = cli_report(&err);
    cli_progress_end(&loop.bar);
out:
    rn_paths_release(&files);
    rn_pipeline_free(p);
    return loop.code;
}

/* Replay an article's records into sink, in extraction order; then its
   extraction status. */
int cli_article_replay(const struct rn_extracted *x, const struct rn_sink *sink,
                       struct rn_err *err)
{
    for (size_t i = 0; i < x->n_records; i++) {
        int rc = sink->add(sink->ctx, &x->records[i], err);
        if (rc != RN_OK)
            return rc;
    }
    if (x->status != RN_OK)
        *err = x->err;
    return x->status;
}

static int extract_one(void *ctx, const struct rn_extracted *x)
{
    const struct cli_article_sink *out = ctx;
    struct rn_err err = RN_ERR_INIT;
    int rc = out->start ? out->start(out->sink.ctx, x->article, &err) : RN_OK;
    if (rc == RN_OK)
        rc = cli_article_replay(x, &out->sink, &err);
    if (rc == RN_OK)
        return RN_EXIT_OK;
    rn_err_prefix(&err, "%s", x->path);
    return cli_report(&err);
}

int cli_extract_articles(const struct rn_pipeline_options *popt, char *const *paths, size_t n,
                         const struct cli_article_sink *out)
{
    return cli_for_each_article(popt, paths, n, extract_one, (void *)out);
}

static int add_lexicon(void *dest, const char *arg, struct rn_err *err)
{
    struct cli_lexicon *lx = dest;
    if (lx->n_extra == sizeof lx->extra / sizeof lx->extra[0])
        return rn_fail(err, RN_EUSAGE, "too many --lexicon files");
    lx->extra[lx->n_extra++] = arg;
    return RN_OK;
}

static int set_jobs(void *dest, const char *arg, struct rn_err *err)
{
    return parse_jobs(arg, &((struct cli_lexicon *)dest)->jobs, err);
}

static int set_lexicon_dir(void *dest, const char *arg, struct rn_err *err)
{
    (void)err;
    ((struct cli_lexicon *)dest)->dir = arg;
    return RN_OK;
}

const struct cli_option cli_lexicon_options[] = {
    CLI_CALLBACK("lexicon", 'l', "FILE", NULL, add_lexicon, NULL,
                 "an extra lexicon file (actors, relations or cues; its header says which); "
                 "repeatable"),
    CLI_CALLBACK("lexicon-dir", 0, "DIR", NULL, set_lexicon_dir, "the shipped data/lexicon",
                 "read the lexicon files from DIR"),
    CLI_CALLBACK("jobs", 'j', "N", NULL, set_jobs, "the number of cores",
                 "read and extract articles on N threads; the output and the knowledge base "
                 "are the same for any N"),
    CLI_END,
};

struct rn_pipeline_options cli_lexicon_pipeline(const struct cli_lexicon *lx, int repeated_lines)
{
    struct rn_pipeline_options o = { lx->dir, lx->extra, lx->n_extra, repeated_lines,
                                     (unsigned)lx->jobs, NULL };
    return o;
}
