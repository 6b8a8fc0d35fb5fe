/* cmd_build.c - relnet build: the main job, from articles to diagrams. */
#include "cli.h"

#include "relnet/import.h"
#include "relnet/lib.h"
#include "relnet/pipeline.h"
#include "relnet/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
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
            "                      whom, the interactive graph with the evidence (relnet report)\n"
            "  DIR/stats.txt       who does what to whom: every relation, then accusations\n"
            "  DIR/centrality.csv  every centrality measure for every entity\n"
            "\n"
            "PATH: article files (.txt, .html, .htm), directories of them (read\n"
            "recursively), and CSV/TSV edge lists (.csv, .tsv files named explicitly).\n"
            "Default: data/articles (in the current directory, else the shipped one).\n",
    .tail = "Inputs that cannot be read are reported and skipped; the outputs are still\n"
            "written from the rest, and the exit code is then 1.\n",
};

static int is_edge_list(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcasecmp(path + n - 4, ".csv") == 0) ||
           (n > 4 && strcasecmp(path + n - 4, ".tsv") == 0);
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

/* A fresh knowledge base: the old file and its WAL go first. */
static int remove_kb(const char *path)
{
    const char *suffix[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        if (unlink(p) != 0 && errno != ENOENT) {
            cli_errorf("cannot replace %s: %s", p, strerror(errno));
            return -1;
        }
    }
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
    const char *extra[] = { a1, a2, a3, a4 };
    for (int i = 0; i < 4; i++)
        if (extra[i])
            argv[argc++] = (char *)extra[i];
    if (!to_stdout) {
        argv[argc++] = (char *)"-o";
        argv[argc++] = (char *)out_path;
    }
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
};

#define NEEDS_DATES "dates"

static const struct build_step steps[] = {
    { cmd_stats, "stats", "stats.txt", 1, 0, NULL, { "--relation", "all", NULL, NULL } },
    { cmd_stats, "stats", "stats.txt", 1, 1, NULL, { "--matrix", NULL, NULL, NULL } },
    { cmd_centrality, "centrality", "centrality.csv", 1, 0, NULL,
      { "--measure", "all", "--format", "csv" } },
    { cmd_render, "render", "graph.svg", 0, 0, NULL, { NULL, NULL, NULL, NULL } },
    { cmd_render, "render", "graph.png", 0, 0, NULL, { NULL, NULL, NULL, NULL } },
    { cmd_render, "render", "accuses.svg", 0, 0, RN_REL_ACCUSES,
      { "--relation", RN_REL_ACCUSES, NULL, NULL } },
    { cmd_render, "render", "accuses-by-affiliation.svg", 0, 0, RN_REL_ACCUSES,
      { "--relation", RN_REL_ACCUSES, "--by", "affiliation" } },
    { cmd_render, "render", "timeline.svg", 0, 0, NEEDS_DATES, { "--timeline", NULL, NULL, NULL } },
    { cmd_report, "report", "report.html", 0, 0, NULL, { NULL, NULL, NULL, NULL } },
};
#define NSTEPS (sizeof steps / sizeof steps[0])

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
    char default_input[4096];
    char *defaults[1];
    char **inputs = argv + optind;
    int ninputs = argc - optind;
    if (ninputs == 0) {
        struct stat st;
        if (stat("data/articles", &st) == 0 && S_ISDIR(st.st_mode))
            snprintf(default_input, sizeof default_input, "data/articles");
        else
            snprintf(default_input, sizeof default_input, "%s/articles", rn_lib_data_dir());
        defaults[0] = default_input;
        inputs = defaults;
        ninputs = 1;
    }
    char **articles = calloc((size_t)ninputs, sizeof *articles);
    char **edges = calloc((size_t)ninputs, sizeof *edges);
    if (!articles || !edges) {
        free(articles);
        free(edges);
        cli_errorf("out of memory");
        return RN_EXIT_FAIL;
    }
    size_t narticles = 0, nedges = 0;
    for (int i = 0; i < ninputs; i++) {
        if (is_edge_list(inputs[i]))
            edges[nedges++] = inputs[i];
        else
            articles[narticles++] = inputs[i];
    }

    char kb_path[4096];
    snprintf(kb_path, sizeof kb_path, "%s/relnet.db", outdir);
    code = RN_EXIT_OK;
    if (make_dir(outdir) != 0 || remove_kb(kb_path) != 0) {
        code = RN_EXIT_FAIL;
        goto out;
    }
    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb;
    if (rn_store_open(kb_path, RN_STORE_CREATE, &kb, &err) != RN_OK) {
        code = cli_report(&err);
        goto out;
    }
    rn_store_use_aliases(kb, cli_aliases());
    struct rn_pipeline_options popt = cli_lexicon_pipeline(&lx, 1);
    if (narticles)
        code = cli_add_articles(kb, &popt, articles, narticles);
    int skipped = 0;
    struct rn_import_options iopt = { 0 };
    for (size_t i = 0; i < nedges && code != RN_EXIT_FAIL; i++) {
        int one = cli_import_file(kb, edges[i], &iopt, 0, &skipped);
        if (one != RN_EXIT_OK)
            code = one;
    }
    if (skipped && code == RN_EXIT_OK)
        code = RN_EXIT_INPUT;
    struct rn_store_counts counts;
    int counted = rn_store_counts(kb, &counts, &err);
    long needed[NSTEPS];
    for (size_t i = 0; i < NSTEPS && counted == RN_OK; i++) {
        if (!steps[i].needs)
            needed[i] = 1;
        else if (strcmp(steps[i].needs, NEEDS_DATES) == 0)
            needed[i] = counts.dated;
        else
            needed[i] = rn_store_count_relation(kb, steps[i].needs, &err);
        if (needed[i] < 0)
            counted = (int)needed[i];
    }
    rn_store_close(kb);
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

    char path[4096];
    int worst = RN_EXIT_OK;
    for (size_t i = 0; i < NSTEPS; i++) {
        snprintf(path, sizeof path, "%s/%s", outdir, steps[i].file);
        if (needed[i] == 0) {
            unlink(path); /* an old one would mislead */
            if (!cli_globals.quiet)
                fprintf(stderr, "  no %s%s%s: %s not drawn\n",
                        strcmp(steps[i].needs, NEEDS_DATES) == 0 ? "dated reports" : "'",
                        strcmp(steps[i].needs, NEEDS_DATES) == 0 ? "" : steps[i].needs,
                        strcmp(steps[i].needs, NEEDS_DATES) == 0 ? "" : "' relations", path);
            continue;
        }
        if (steps[i].append) {
            FILE *f = fopen(path, "a");
            if (f) {
                fputs("\n", f);
                fclose(f);
            }
        }
        int one = step(steps[i].run, steps[i].name, kb_path, path, steps[i].to_stdout,
                       steps[i].append, steps[i].a[0], steps[i].a[1], steps[i].a[2],
                       steps[i].a[3]);
        if (one != RN_EXIT_OK && worst == RN_EXIT_OK)
            worst = one;
    }
    if (worst != RN_EXIT_OK)
        code = worst;
out:
    free(articles);
    free(edges);
    return code;
}
