/* main.c - relnet's entry point: global options and the command table. */
#include "cli.h"

#include "relnet/lib.h"

#include <stdlib.h>
#include <unistd.h>
#include <string.h>

static const struct cli_command commands[] = {
    { "build", cmd_build, "main job: articles -> knowledge base -> analysis, diagrams, report" },
    { "extract", cmd_extract, "print the relations found in articles (a pure filter)" },
    { "add", cmd_add, "add articles to the knowledge base (idempotent)" },
    { "import", cmd_import, "import CSV/TSV edge lists into the knowledge base" },
    { "list", cmd_list, "list the imports or articles in the knowledge base" },
    { "remove", cmd_remove, "remove an import or an article from the knowledge base" },
    { "export", cmd_export, "write the graph as CSV, GraphML, GEXF, DOT, JSON or Neo4j CSV" },
    { "stats", cmd_stats, "who does what to whom: counts, top pairs, mutual pairs, matrix" },
    { "centrality", cmd_centrality, "PageRank, betweenness, closeness, hubs, communities..." },
    { "render", cmd_render, "draw the relationship diagram (SVG, PNG, PDF, DOT)" },
    { "report", cmd_report, "one HTML page: summary, who accuses whom, interactive graph..." },
    { "query", cmd_query, "one entity's relations, both ways, with evidence" },
    { "eval", cmd_eval, "score extraction against a gold standard" },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void print_commands(FILE *out)
{
    fputs("\ncommands:\n", out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-11s %s\n", commands[i].name, commands[i].summary);
}

static const struct cli_spec main_spec = {
    .name = NULL,
    .head = "usage: relnet [options] COMMAND [ARGS...]\n"
            "       relnet help COMMAND | relnet COMMAND --help | relnet --version\n\n"
            "relnet builds a knowledge graph of who does what to whom (accuses, proposes,\n"
            "bans, signs, ...) from news articles and CSV edge lists, analyses it with\n"
            "igraph and draws it with Graphviz.\n",
    .body = print_commands,
    .tail = "The global options are also accepted after the command.\n"
            "exit codes: 0 ok; 1 bad input (file:line: reason), a file to read included that\n"
            "is missing, unreadable or a directory; 2 usage; 3 I/O (a file that cannot be\n"
            "written, a failed read) or internal\n",
};

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

/* relnet help COMMAND: the command's own --help. */
static int command_help(const char *name)
{
    const struct cli_command *cmd = find_command(name);
    if (!cmd)
        return unknown_command(name);
    char *args[] = { (char *)cmd->name, "--help", NULL };
    return cmd->run(2, args);
}

int main(int argc, char **argv)
{
    int version = 0;
    const struct cli_option options[] = {
        CLI_FLAG("version", 0, &version, "print relnet's version and the data directory it uses"),
        CLI_INCLUDE(cli_global_options, NULL),
        CLI_END,
    };
    /* relnet's own options come before the command name. */
    int code = cli_parse_argv(&main_spec, options, argc, argv, 1);
    if (code != CLI_GO_ON)
        return code;
    if (version) {
        printf("relnet %s\ndata: %s\n", rn_lib_version(), rn_lib_data_dir());
        return RN_EXIT_OK;
    }
    int i = optind;
    if (i >= argc) {
        cli_print_help(stderr, &main_spec, options);
        return RN_EXIT_USAGE;
    }
    const char *name = argv[i];
    if (strcmp(name, "help") == 0) {
        if (i + 1 >= argc) {
            cli_print_help(stdout, &main_spec, options);
            return RN_EXIT_OK;
        }
        return command_help(argv[i + 1]);
    }
    const struct cli_command *cmd = find_command(name);
    if (!cmd)
        return unknown_command(name);

    struct rn_err err = RN_ERR_INIT;
    if (rn_lib_init(&err) != RN_OK)
        return cli_report(&err);
    code = cmd->run(argc - i, argv + i);
    cli_aliases_free();
    fflush(stdout);
    if (ferror(stdout)) {
        cli_errorf("cannot write to standard output");
        return RN_EXIT_FAIL;
    }
    return code;
}
