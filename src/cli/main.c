/* main.c - relnet's entry point: global options and the command table. */
#include "cli.h"

#include "relnet/lib.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_command commands[] = {
    { "build", cmd_build, "main job: articles -> knowledge base -> analysis, diagrams, report",
      cmd_build_usage },
    { "extract", cmd_extract, "print the relations found in articles (a pure filter)",
      cmd_extract_usage },
    { "add", cmd_add, "add articles to the knowledge base (idempotent)", cmd_add_usage },
    { "import", cmd_import, "import CSV/TSV edge lists into the knowledge base", cmd_import_usage },
    { "export", cmd_export, "write the graph as CSV, GraphML, GEXF, DOT, JSON or Neo4j CSV",
      cmd_export_usage },
    { "stats", cmd_stats, "who does what to whom: counts, top pairs, mutual pairs, matrix",
      cmd_stats_usage },
    { "centrality", cmd_centrality, "PageRank, betweenness, closeness, hubs, communities...",
      cmd_centrality_usage },
    { "render", cmd_render, "draw the relationship diagram (SVG, PNG, PDF, DOT)",
      cmd_render_usage },
    { "query", cmd_query, "one entity's relations, both ways, with evidence", cmd_query_usage },
    { "eval", cmd_eval, "score extraction against a gold standard", cmd_eval_usage },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_main_usage(FILE *out)
{
    fputs("usage: relnet [--kb FILE] [--quiet] COMMAND [ARGS...]\n"
          "       relnet help COMMAND | relnet COMMAND --help | relnet --version\n\n"
          "relnet builds a knowledge graph of who does what to whom (accuses, proposes,\n"
          "bans, signs, ...) from news articles and CSV edge lists, analyses it with\n"
          "igraph and draws it with Graphviz.\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fputs("\nglobal options (also accepted after the command):\n"
          "  --kb FILE   knowledge base file (default: $RELNET_KB, else relnet.db)\n"
          "  --quiet     no progress bar and no summaries on stderr\n"
          "  --no-lexicon  keep names as written: do not resolve them through the actor\n"
          "              lexicon (data/lexicon/actors.tsv: USA -> United States, country)\n\n"
          "exit codes: 0 ok, 1 bad input (file:line: reason), 2 usage, 3 I/O or internal\n",
          out);
}

static const struct cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown_command(const char *name)
{
    cli_errorf("'%s' is not a relnet command; see 'relnet --help'", name);
    return RN_EXIT_USAGE;
}

int main(int argc, char **argv)
{
    int i = 1;
    /* Global options come before the command name. */
    while (i < argc && argv[i][0] == '-') {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            print_main_usage(stdout);
            return RN_EXIT_OK;
        }
        if (strcmp(a, "--version") == 0) {
            printf("relnet %s\n", rn_lib_version());
            return RN_EXIT_OK;
        }
        if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            cli_globals.quiet = 1;
            i++;
            continue;
        }
        if (strcmp(a, "--no-lexicon") == 0) {
            cli_globals.no_lexicon = 1;
            i++;
            continue;
        }
        if (strcmp(a, "--kb") == 0) {
            if (i + 1 >= argc) {
                cli_errorf("--kb needs a file name");
                return RN_EXIT_USAGE;
            }
            cli_globals.kb_path = argv[i + 1];
            i += 2;
            continue;
        }
        if (strncmp(a, "--kb=", 5) == 0) {
            cli_globals.kb_path = a + 5;
            i++;
            continue;
        }
        cli_errorf("unknown option '%s'", a);
        print_main_usage(stderr);
        return RN_EXIT_USAGE;
    }
    if (i >= argc) {
        print_main_usage(stderr);
        return RN_EXIT_USAGE;
    }

    const char *name = argv[i];
    if (strcmp(name, "help") == 0) {
        if (i + 1 >= argc) {
            print_main_usage(stdout);
            return RN_EXIT_OK;
        }
        const struct cli_command *cmd = find_command(argv[i + 1]);
        if (!cmd)
            return unknown_command(argv[i + 1]);
        return cli_help(cmd->usage);
    }
    const struct cli_command *cmd = find_command(name);
    if (!cmd)
        return unknown_command(name);

    struct rn_err err = RN_ERR_INIT;
    if (rn_lib_init(&err) != RN_OK)
        return cli_report(&err);
    int code = cmd->run(argc - i, argv + i);
    cli_aliases_free();
    fflush(stdout);
    if (ferror(stdout)) {
        cli_errorf("cannot write to standard output");
        return RN_EXIT_FAIL;
    }
    return code;
}
