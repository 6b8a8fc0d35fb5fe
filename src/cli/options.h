/* options.h - one option table per command, as git's parse-options.
 *
 * Each option is declared once, in the table of the command that takes it
 * (or in a shared table such as the filter block that several commands
 * include): its long and short name, the name of its argument, its default,
 * a one-line help and, through the CLI_SECTION entry above it, its group.
 * From that table cli_parse() builds the getopt_long tables, stores the
 * values, answers --help with generated text, and meets a mistyped option
 * with "did you mean" (the ranking of rn_suggest, which also suggests
 * entity names).
 *
 *     long top = -1; int matrix = 0;
 *     const struct cli_option opts[] = {
 *         CLI_COUNT("top", 0, "N", &top, 0, LONG_MAX, "10", "rows per list"),
 *         CLI_FLAG("matrix", 0, &matrix, "the source x target matrix"),
 *         CLI_INCLUDE(cli_filter_options, &sel),
 *         CLI_END,
 *     };
 *     int code = cli_parse(&spec, opts, argc, argv);
 *     if (code != CLI_GO_ON) return code;   // --help printed, or a usage error
 *     // argv[optind..argc) are the operands
 *
 * This file knows nothing of relnet's commands: cli.h's cli_parse adds the
 * global options (--kb, --quiet, --no-lexicon, --help) to every table.
 */
#ifndef RELNET_CLI_OPTIONS_H
#define RELNET_CLI_OPTIONS_H

#include "relnet/error.h"

#include <limits.h> /* LONG_MAX, for CLI_COUNT */
#include <stdio.h>
#include <unistd.h> /* optind */

/* Help lists the groups in this order. */
enum cli_group { CLI_GROUP_COMMAND, CLI_GROUP_OUTPUT, CLI_GROUP_FILTER, CLI_GROUP_GLOBAL,
                 CLI_NGROUPS };

enum cli_opt_kind {
    CLI_KIND_END,
    CLI_KIND_SECTION,  /* the options below belong to group value */
    CLI_KIND_FLAG,     /* no argument: *(int *)dest = value */
    CLI_KIND_STRING,   /* *(const char **)dest = the argument */
    CLI_KIND_COUNT,    /* *(long *)dest = a whole number in [min, max] */
    CLI_KIND_CHOICE,   /* *(int *)dest = the value of the choice named */
    CLI_KIND_CALLBACK, /* cb(dest, argument, err): RN_OK, or RN_EUSAGE and why */
    CLI_KIND_HELP,     /* print the generated help, exit 0 */
    CLI_KIND_INCLUDE,  /* the options of table include; entries without a
                          dest of their own get this entry's dest */
};

struct cli_choice {
    const char *name;
    int value;
};

struct cli_option {
    enum cli_opt_kind kind;
    const char *name;  /* long name, without "--" */
    int short_name;    /* 0 when there is none */
    const char *arg;   /* argument name shown in help; NULL = takes none
                          (choices: NULL = "a|b|c") */
    const char *def;   /* default shown as "(default: ...)", or NULL */
    const char *help;  /* one line; help output wraps it */
    void *dest;
    long value, min, max;
    const struct cli_choice *choices; /* ends with { NULL, 0 } */
    int (*cb)(void *dest, const char *arg, struct rn_err *err);
    /* A default that depends on the command (the filter block's): called
       with dest, returns the text, or NULL for none. Overrides def. */
    const char *(*def_of)(const void *dest);
    const struct cli_option *include;
};

#define CLI_SECTION(group) { .kind = CLI_KIND_SECTION, .value = (group) }
#define CLI_FLAG(l, s, d, h) \
    { .kind = CLI_KIND_FLAG, .name = (l), .short_name = (s), .dest = (d), .value = 1, .help = (h) }
#define CLI_SET(l, s, d, v, h) \
    { .kind = CLI_KIND_FLAG, .name = (l), .short_name = (s), .dest = (d), .value = (v), .help = (h) }
#define CLI_STRING(l, s, a, d, df, h)                                                          \
    { .kind = CLI_KIND_STRING, .name = (l), .short_name = (s), .arg = (a), .dest = (d),     \
      .def = (df), .help = (h) }
#define CLI_COUNT(l, s, a, d, lo, hi, df, h)                                                   \
    { .kind = CLI_KIND_COUNT, .name = (l), .short_name = (s), .arg = (a), .dest = (d),      \
      .min = (lo), .max = (hi), .def = (df), .help = (h) }
#define CLI_CHOICE(l, s, d, ch, df, h)                                                         \
    { .kind = CLI_KIND_CHOICE, .name = (l), .short_name = (s), .dest = (d), .choices = (ch), \
      .def = (df), .help = (h) }
#define CLI_CALLBACK(l, s, a, d, fn, df, h)                                                    \
    { .kind = CLI_KIND_CALLBACK, .name = (l), .short_name = (s), .arg = (a), .dest = (d),   \
      .cb = (fn), .def = (df), .help = (h) }
#define CLI_INCLUDE(table, d) { .kind = CLI_KIND_INCLUDE, .include = (table), .dest = (d) }
#define CLI_END { .kind = CLI_KIND_END }

/* What --help says around the generated option list: head is the usage
 * line(s) and the description, tail (may be NULL) notes and examples. */
struct cli_spec {
    const char *name; /* the command, for messages: "relnet NAME: ..." */
    const char *head;
    void (*body)(FILE *out); /* more text after head, or NULL */
    const char *tail;
};

/* cli_parse's answer when the command should go on with its operands. */
#define CLI_GO_ON (-1)

/* Parse argv[1..argc) against opts, storing values as the table says.
 * Returns CLI_GO_ON with optind at the first operand (options and operands
 * may be mixed; "--" ends the options), or an exit code: 0 after --help
 * (an entry of kind CLI_KIND_HELP), 2 after a usage error on stderr (an
 * unknown option gets the closest names: "did you mean '--relation'?").
 * When stop_at_operand is set, parsing stops at the first operand (the
 * command name, for relnet's own options). Commands call cli_parse
 * (cli.h), which adds the global options. */
int cli_parse_argv(const struct cli_spec *spec, const struct cli_option *opts, int argc,
                   char **argv, int stop_at_operand);

/* Print the option list of opts, group by group, as --help shows it. */
void cli_print_options(FILE *out, const struct cli_option *opts);

/* Print the full --help: spec->head, spec->body, the options of opts,
 * spec->tail. */
void cli_print_help(FILE *out, const struct cli_spec *spec, const struct cli_option *opts);

/* Print "relnet CMD: <msg>" and a pointer to --help on stderr (cmd NULL:
 * relnet's own options); returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse a non-negative whole number option value; returns 0 or -1. */
int cli_parse_count(const char *s, long *out);

#endif
