/* cmd_build.c - relnet build: the main job, from articles to diagrams. */
#include "cli.h"

#include "relnet/import.h"
#include "relnet/ingest.h"
#include "relnet/buf.h"
#include "relnet/lib.h"
#include "relnet/pipeline.h"
#include "relnet/report.h"
#include "relnet/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct cli_spec build_spec = {
    .name = "build",
    .head = "usage: relnet build [options] [PATH...]\n"
            "\n"
            "The main job. Read articles and edge lists, build a fresh knowledge base,\n"
            "and write the analysis and diagrams:\n"
            "  DIR/relnet.db       the knowledge base (query it with --kb DIR/relnet.db)\n"
            "  DIR/graph.svg       every relation, the top entities by PageRank\n"
            "  DIR/graph.png       the same as PNG\n"
            "  DIR/accuses.svg     who accuses whom\n"
            "  DIR/accuses-by-affiliation.svg  who accuses whom, people and agencies\n"
            "                      drawn as the state or body they act for\n"
            "  DIR/timeline.svg    reports per month by relation (when dates are known)\n"
            "  DIR/report.html     all of it in one page to send: summary, who accuses\n"
            "                      whom, the interactive graph with the evidence (relnet report;\n"
            "                      the sentences of at most " RN_REPORT_MAX_REPORTS_TEXT " reports, the first of each\n"
            "                      arrow, as the page says: 'relnet --kb DIR/relnet.db report\n"
            "                      --max-reports 0' writes one with all of them)\n"
            "  DIR/stats.txt       who does what to whom: every relation, then accusations\n"
            "  DIR/centrality.csv  every centrality measure for every entity\n"
            "\n"
            "PATH: article files (.txt, .html, .htm), CSV/TSV edge lists (.csv, .tsv),\n"
            "and directories, read recursively: one that holds article files for its\n"
            "articles (a gold standard .tsv beside them is no edge list), one that holds\n"
            "none for its edge lists. Default: data/articles and data/edges (in the\n"
            "current directory, else the shipped ones).\n"
            "\n"
            "Each build makes a fresh DIR/relnet.db from its inputs; the previous one\n"
            "is not thrown away but moved to DIR/relnet.db.previous, and build says\n"
            "what it held. Point the other commands at the new one with\n"
            "--kb DIR/relnet.db or RELNET_KB=DIR/relnet.db.\n",
    .tail = "Inputs that cannot be read are reported and skipped; the outputs are still\n"
            "written from the rest, and the exit code is then 1.\n",
};

static int is_edge_list(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcasecmp(path + n - 4, ".csv") == 0) ||
           (n > 4 && strcasecmp(path + n - 4, ".tsv") == 0);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Sort the inputs into articles (files and directories, as add reads them)
   and edge lists (files, and the edge lists of directories without
   articles). Returns an exit code. */
static int sort_inputs(char **inputs, int n, char **articles, size_t *narticles,
                       struct rn_paths *edges)
{
    struct rn_err err = RN_ERR_INIT;
    for (int i = 0; i < n; i++) {
        struct rn_paths found = RN_PATHS_INIT;
        int rc = RN_OK;
        if (is_dir(inputs[i]))
            rc = rn_ingest_list_files(inputs[i], rn_ingest_is_article_path, &found, &err);
        if (rc == RN_OK && is_dir(inputs[i]) && found.len == 0) {
            size_t before = edges->len;
            rc = rn_ingest_list_files(inputs[i], is_edge_list, edges, &err);
            if (rc == RN_OK && edges->len > before) {
                rn_paths_release(&found);
                continue;
            }
        }
        rn_paths_release(&found);
        if (rc != RN_OK)
            return cli_report(&err);
        if (!is_edge_list(inputs[i]) || is_dir(inputs[i])) {
            articles[(*narticles)++] = inputs[i];
            continue;
        }
        char *copy = strdup(inputs[i]);
        char **items = copy ? rn_array_grow(edges->items, &edges->cap, edges->len,
                                            sizeof *items, 16)
                            : NULL;
        if (!items) {
            free(copy);
            cli_errorf("out of memory");
            return RN_EXIT_FAIL;
        }
        edges->items = items;
        edges->items[edges->len++] = copy;
    }
    return RN_EXIT_OK;
}

/* data/NAME in the current directory, else in the data directory. */
static void default_input(const char *name, char *out, size_t size)
{
    snprintf(out, size, "data/%s", name);
    if (!is_dir(out))
        snprintf(out, size, "%s/%s", rn_lib_data_dir(), name);
}

static int make_dir(const char *dir)
{
    if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
        struct stat st;
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
            return 0;
    }
    cli_errorf("cannot create %s: %s", dir, errno == EEXIST ? "not a directory" : strerror(errno));
    return -1;
}

static int move_file(const char *from, const char *to)
{
    if (rename(from, to) == 0 || errno == ENOENT)
        return 0;
    cli_errorf("cannot move %s to %s: %s", from, to, strerror(errno));
    return -1;
}

static int remove_file(const char *path)
{
    if (unlink(path) == 0 || errno == ENOENT)
        return 0;
    cli_errorf("cannot replace %s: %s", path, strerror(errno));
    return -1;
}

/* out (4096 bytes) = base + suffix; a path too long for it is an error,
   never a truncated name that would move or remove another file. */
static int path_with(char *out, const char *base, const char *suffix)
{
    int n = snprintf(out, 4096, "%s%s", base, suffix);
    if (n < 0 || n >= 4096) {
        cli_errorf("%s%s: path too long", base, suffix);
        return -1;
    }
    return 0;
}

/* A fresh knowledge base, without throwing the previous build's away: it
   moves to PATH.previous with its WAL and its journal (SQLite names them
   after the file; a killed build leaves the journal of its last commit to
   be rolled back), replacing an older .previous, and build says what it
   held. */
static int keep_previous_kb(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errno == ENOENT ? 0 : (cli_errorf("cannot open %s: %s", path, strerror(errno)), -1);
    struct rn_err err = RN_ERR_INIT;
    struct rn_store *old;
    struct rn_store_counts c;
    int counted = 0;
    if (rn_store_open(path, RN_STORE_READONLY, &old, &err) == RN_OK) {
        counted = rn_store_counts(old, &c, &err) == RN_OK;
        rn_store_close(old);
    }
    char prev[4096], from[4096], to[4096];
    if (path_with(prev, path, ".previous") != 0)
        return -1;
    static const char *const suffix[] = { "", "-wal", "-journal", "-shm" };
    for (int i = 0; i < 4; i++) {
        if (path_with(to, prev, suffix[i]) != 0 || remove_file(to) != 0)
            return -1;
    }
    for (int i = 0; i < 3; i++) {
        if (path_with(from, path, suffix[i]) != 0 || path_with(to, prev, suffix[i]) != 0 ||
            move_file(from, to) != 0)
            return -1;
    }
    if (path_with(from, path, "-shm") != 0 || remove_file(from) != 0)
        return -1;
    if (!cli_globals.quiet && counted)
        fprintf(stderr,
                "%s: the previous build's knowledge base (%ld relations from %ld articles and "
                "%ld edge lists) moved to %s; this build makes a fresh one from its inputs\n",
                path, c.relations, c.articles, c.imports, prev);
    else if (!cli_globals.quiet)
        fprintf(stderr, "%s: moved to %s; this build makes a fresh knowledge base\n", path, prev);
    return 0;
}

/* One analysis step: a command with --kb and extra arguments, its stdout
   into DIR/file (or its own -o). Prints what it wrote; render says so
   itself, with what it drew ("out/graph.svg: 40 of 93 entities, 54 arrows,
   ..."), the counts its caption shows. */
static int step(int (*run)(int, char **), const char *name, const char *kb, const char *out_path,
                int to_stdout, int append, const char *a1, const char *a2, const char *a3,
                const char *a4)
{
    char *argv[12];
    int argc = 0;
    argv[argc++] = (char *)name;
    argv[argc++] = (char *)"--kb";
    argv[argc++] = (char *)kb;
    int speaks = run == cmd_render && !cli_globals.quiet;
    if (!speaks)
        argv[argc++] = (char *)"--quiet";
    if (!to_stdout) {
        argv[argc++] = (char *)"-o";
        argv[argc++] = (char *)out_path;
    }
    const char *extra[] = { a1, a2, a3, a4 };
    for (int i = 0; i < 4; i++)
        if (extra[i])
            argv[argc++] = (char *)extra[i];
    argv[argc] = NULL;
    int quiet = cli_globals.quiet; /* the step's --quiet must not silence build itself */
    int code = to_stdout ? cli_run_to_file(run, argc, argv, out_path, append) : run(argc, argv);
    cli_globals.quiet = quiet;
    if (code == RN_EXIT_OK && !cli_globals.quiet && !append && !speaks)
        fprintf(stderr, "  wrote %s\n", out_path);
    return code;
}

/* The analysis: the same commands a user would run on the knowledge base,
   each writing one file. A step that needs a relation is skipped when the
   knowledge base has none of it: an empty diagram helps nobody. */
struct build_step {
    int (*run)(int, char **);
    const char *name, *file;
    int to_stdout, append;
    const char *needs; /* relation the step draws, or NULL; NEEDS_DATES: dated records */
    const char *a[4];  /* extra arguments */
    const char *also;  /* a second file of the same drawing (render -o FILE -o ALSO) */
    int draws;         /* uses Graphviz: runs in the drawing process (see run_steps) */
};

#define NEEDS_DATES "dates"

static const struct build_step steps[] = {
    { cmd_stats, "stats", "stats.txt", 1, 0, NULL, { "--relation", "all", NULL, NULL }, NULL, 0 },
    { cmd_stats, "stats", "stats.txt", 1, 1, NULL, { "--matrix", NULL, NULL, NULL }, NULL, 0 },
    { cmd_centrality, "centrality", "centrality.csv", 1, 0, NULL,
      { "--measure", "all", "--format", "csv" }, NULL, 0 },
    /* One layout for both pictures. */
    { cmd_render, "render", "graph.svg", 0, 0, NULL, { NULL, NULL, NULL, NULL }, "graph.png", 1 },
    { cmd_render, "render", "accuses.svg", 0, 0, RN_REL_ACCUSES,
      { "--relation", RN_REL_ACCUSES, NULL, NULL }, NULL, 1 },
    { cmd_render, "render", "accuses-by-affiliation.svg", 0, 0, RN_REL_ACCUSES,
      { "--relation", RN_REL_ACCUSES, "--by", "affiliation" }, NULL, 1 },
    { cmd_render, "render", "timeline.svg", 0, 0, NEEDS_DATES, { "--timeline", NULL, NULL, NULL }, NULL, 1 },
    { cmd_report, "report", "report.html", 0, 0, NULL, { NULL, NULL, NULL, NULL }, NULL, 1 },
};
#define NSTEPS (sizeof steps / sizeof steps[0])

/* The records of one relation in set (every polarity, as the knowledge
   base counts them), counted in memory rather than by a query that reads
   every row of the knowledge base again. */
static size_t records_of(const struct rn_relset *set, const char *relation)
{
    uint32_t rel = set->n_relations;
    for (uint32_t r = 0; r < set->n_relations; r++)
        if (strcmp(set->relation_name[r], relation) == 0)
            rel = r;
    size_t n = 0;
    for (size_t k = 0; k < set->n_records && rel < set->n_relations; k++)
        n += set->rel[k] == rel;
    return n;
}

/* Run steps[i] into outdir, or remove its old file when nothing is needed
   for it. Returns an exit code. */
static int run_step(size_t i, const char *outdir, const char *kb_path, long needed)
{
    char path[4096], also[4096];
    snprintf(path, sizeof path, "%s/%s", outdir, steps[i].file);
    if (needed == 0) {
        unlink(path); /* an old one would mislead */
        int dates = strcmp(steps[i].needs, NEEDS_DATES) == 0;
        if (!cli_globals.quiet)
            fprintf(stderr, "  no %s%s%s: %s not drawn\n", dates ? "dated reports" : "'",
                    dates ? "" : steps[i].needs, dates ? "" : "' relations", path);
        return RN_EXIT_OK;
    }
    if (steps[i].append) {
        FILE *f = fopen(path, "a");
        if (f) {
            fputs("\n", f);
            fclose(f);
        }
    }
    const char *a[4] = { steps[i].a[0], steps[i].a[1], steps[i].a[2], steps[i].a[3] };
    if (steps[i].also) {
        snprintf(also, sizeof also, "%s/%s", outdir, steps[i].also);
        a[0] = "-o";
        a[1] = also;
    }
    return step(steps[i].run, steps[i].name, kb_path, path, steps[i].to_stdout, steps[i].append,
                a[0], a[1], a[2], a[3]);
}

/* The drawing steps in a child process: igraph and Graphviz keep global
   state and may only be used from one thread, and the steps are commands
   (getopt, stdout redirected into files), so the second core gets a
   process, which shares the loaded records with this one (fork copies
   nothing until written). The drawing steps stay together and in order in
   it: a Graphviz layout depends on the layouts made before it in the same
   process (the report's graph differs after the other drawings), so they
   run as they would serially. What the child says on stderr waits in log
   and is said after this process's steps, which come first in the table:
   the order of a serial run. */
struct beside {
    pid_t pid; /* -1: not started (the steps then run in this process) */
    FILE *log;
};

/* Run steps[from..to) in order; the first failing step's exit code. */
static int run_range(size_t from, size_t to, const char *outdir, const char *kb_path,
                     const long *needed)
{
    int worst = RN_EXIT_OK;
    for (size_t i = from; i < to; i++) {
        int one = run_step(i, outdir, kb_path, needed[i]);
        if (one != RN_EXIT_OK && worst == RN_EXIT_OK)
            worst = one;
    }
    return worst;
}

static void start_beside(struct beside *b, size_t from, const char *outdir, const char *kb_path,
                         const long *needed)
{
    b->pid = -1;
    b->log = tmpfile();
    if (!b->log)
        return;
    fflush(stdout);
    fflush(stderr);
    b->pid = fork();
    if (b->pid == 0) {
        int code = dup2(fileno(b->log), STDERR_FILENO) < 0
                       ? RN_EXIT_FAIL
                       : run_range(from, NSTEPS, outdir, kb_path, needed);
        fflush(stdout);
        _exit(code); /* the parent's atexit work (and its leak check) is not the child's */
    }
    if (b->pid < 0) {
        fclose(b->log);
        b->log = NULL;
    }
}

/* Wait for the child, say what it said; its exit code. */
static int finish_beside(struct beside *b)
{
    int status = 0;
    pid_t done;
    while ((done = waitpid(b->pid, &status, 0)) < 0 && errno == EINTR)
        ;
    char chunk[4096];
    size_t n;
    rewind(b->log);
    while ((n = fread(chunk, 1, sizeof chunk, b->log)) > 0)
        fwrite(chunk, 1, n, stderr);
    fclose(b->log);
    if (done < 0 || !WIFEXITED(status)) {
        cli_errorf("the process drawing the diagrams failed");
        return RN_EXIT_FAIL;
    }
    return WEXITSTATUS(status);
}

/* Every step, in table order; with two_cores the drawing steps (a tail of
   the table) run in a child process meanwhile. Returns the first failing
   step's exit code. */
static int run_steps(const char *outdir, const char *kb_path, const long *needed, int two_cores)
{
    size_t from = 0;
    while (from < NSTEPS && !steps[from].draws)
        from++;
    struct beside side = { -1, NULL };
    if (two_cores && from < NSTEPS)
        start_beside(&side, from, outdir, kb_path, needed);
    int worst = run_range(0, side.pid > 0 ? from : NSTEPS, outdir, kb_path, needed);
    if (side.pid > 0) {
        int drawn = finish_beside(&side);
        if (worst == RN_EXIT_OK)
            worst = drawn;
    }
    return worst;
}

int cmd_build(int argc, char **argv)
{
    const char *outdir = "out";
    struct cli_lexicon lx = { .n_extra = 0 };
    const struct cli_option options[] = {
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_STRING("output", 'o', "DIR", &outdir, "out", "where to write"),
        CLI_SECTION(CLI_GROUP_COMMAND),
        CLI_INCLUDE(cli_lexicon_options, &lx),
        CLI_END,
    };
    int code = cli_parse(&build_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;

    /* Inputs: articles to extract, edge lists to import. */
    char default_inputs[2][4096];
    char *defaults[2] = { default_inputs[0], default_inputs[1] };
    char **inputs = argv + optind;
    int ninputs = argc - optind;
    if (ninputs == 0) {
        default_input("articles", default_inputs[0], sizeof default_inputs[0]);
        default_input("edges", default_inputs[1], sizeof default_inputs[1]);
        inputs = defaults;
        ninputs = is_dir(defaults[1]) ? 2 : 1;
    }
    char **articles = calloc((size_t)ninputs, sizeof *articles);
    struct rn_paths edges = RN_PATHS_INIT;
    struct rn_relset *all = NULL; /* every record, once the articles are in */
    size_t narticles = 0;
    if (!articles) {
        cli_errorf("out of memory");
        return RN_EXIT_FAIL;
    }
    code = sort_inputs(inputs, ninputs, articles, &narticles, &edges);
    if (code != RN_EXIT_OK)
        goto out;

    char kb_path[4096];
    snprintf(kb_path, sizeof kb_path, "%s/relnet.db", outdir);
    code = RN_EXIT_OK;
    if (make_dir(outdir) != 0 || keep_previous_kb(kb_path) != 0) {
        code = RN_EXIT_FAIL;
        goto out;
    }
    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb;
    /* Every page written once (no WAL until the close), and the records
       kept as they are written, so that loading them all after the writes
       reads nothing back from the file. */
    if (rn_store_open(kb_path, RN_STORE_CREATE | RN_STORE_FILL_AT_ONCE, &kb, &err) != RN_OK) {
        code = cli_report(&err);
        goto out;
    }
    rn_store_use_aliases(kb, cli_aliases());
    if (rn_store_log_relations(kb, &err) != RN_OK) {
        rn_store_close(kb);
        code = cli_report(&err);
        goto out;
    }
    struct rn_pipeline_options popt = cli_lexicon_pipeline(&lx, 1);
    if (narticles)
        code = cli_add_articles(kb, &popt, articles, narticles);
    int skipped = 0;
    struct rn_import_options iopt = { 0 };
    for (size_t i = 0; i < edges.len && code != RN_EXIT_FAIL; i++) {
        int one = cli_import_file(kb, edges.items[i], &iopt, 0, lx.jobs, &skipped);
        if (one != RN_EXIT_OK)
            code = one;
    }
    if (skipped && code == RN_EXIT_OK)
        code = RN_EXIT_INPUT;
    struct rn_store_counts counts;
    int counted = rn_store_counts(kb, &counts, &err);
    /* Every record, loaded once (from the records kept as they were
       written): each step selects what it reads from it (cli_preload)
       instead of reading the knowledge base again. */
    if (counted == RN_OK && code != RN_EXIT_FAIL && counts.relations > 0)
        counted = rn_store_load_all(kb, 1, &all, &err);
    rn_store_close(kb); /* no step reads it: they have the loaded records */
    if (code == RN_EXIT_FAIL)
        goto out;
    if (counted != RN_OK) {
        code = cli_report(&err);
        goto out;
    }
    if (counts.relations == 0) {
        cli_errorf("no relations found in the inputs; nothing to draw");
        code = RN_EXIT_INPUT;
        goto out;
    }
    if (!cli_globals.quiet)
        fprintf(stderr, "%s: %ld relations between %ld entities from %ld articles and %ld edge "
                        "lists\n",
                kb_path, counts.relations, counts.entities, counts.articles, counts.imports);

    long needed[NSTEPS];
    for (size_t i = 0; i < NSTEPS; i++) {
        if (!steps[i].needs)
            needed[i] = 1;
        else if (strcmp(steps[i].needs, NEEDS_DATES) == 0)
            needed[i] = counts.dated;
        else
            needed[i] = (long)records_of(all, steps[i].needs);
    }
    cli_preload(kb_path, all);
    /* The selections the steps ask for (every relation, and the
       accusations; asserted): made once, before the drawing process forks
       and shares them, instead of once a step. */
    static const char *const selections[] = { "all", RN_REL_ACCUSES };
    for (size_t i = 0; i < 2 && code != RN_EXIT_FAIL; i++) {
        struct cli_selection sel;
        cli_selection_init(&sel, selections[i], NULL);
        int one = cli_preselect(&sel.filter);
        cli_selection_release(&sel);
        if (one != RN_EXIT_OK)
            code = one;
    }
    int worst = code == RN_EXIT_FAIL
                    ? RN_EXIT_FAIL
                    : run_steps(outdir, kb_path, needed,
                                lx.jobs != 1 && rn_pipeline_default_jobs() > 1);
    cli_preload(NULL, NULL);
    if (worst != RN_EXIT_OK)
        code = worst;
    if (!cli_globals.quiet)
        fprintf(stderr, "the knowledge base is %s: query it with 'relnet --kb %s stats' (or set "
                        "RELNET_KB=%s)\n",
                kb_path, kb_path, kb_path);
out:
    rn_relset_free(all);
    free(articles);
    rn_paths_release(&edges);
    return code;
}
