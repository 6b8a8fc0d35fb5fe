/* cli.h - what the relnet command files share: the command table entries,
 * the options every command accepts, and printing helpers.
 *
 * Each cmd_<name>.c holds one command: its usage text, its getopt_long
 * table and its run function, which returns the process exit code
 * (enum rn_exit). Only this directory prints to the terminal.
 */
#ifndef RELNET_CLI_H
#define RELNET_CLI_H

#include "relnet/error.h"
#include "relnet/filter.h"
#include "relnet/pipeline.h"
#include "relnet/relset.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage; /* full --help text */
};

int cmd_build(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_centrality(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_eval(int argc, char **argv);

extern const char cmd_build_usage[], cmd_extract_usage[], cmd_add_usage[], cmd_import_usage[],
    cmd_export_usage[], cmd_stats_usage[], cmd_centrality_usage[], cmd_render_usage[],
    cmd_query_usage[], cmd_eval_usage[];

/* Settings shared by all commands, set by global options before the command
 * name or by the same options after it. */
struct cli_globals {
    const char *kb_path; /* --kb, else $RELNET_KB, else "relnet.db" */
    int quiet;           /* --quiet: no progress bar, no summaries */
    int no_lexicon;      /* --no-lexicon: names are not resolved through actors.tsv */
    int bar_shown;       /* a progress bar is on the terminal: no per-item chatter */
};
extern struct cli_globals cli_globals;

/* Long options every command accepts; append CLI_COMMON_OPTIONS to a
 * command's getopt table and pass unknown option codes to
 * cli_common_option(). */
enum {
    CLI_OPT_KB = 1000,
    CLI_OPT_QUIET,
    CLI_OPT_NO_LEXICON,
    CLI_OPT_HELP,
    CLI_OPT_RELATION,
    CLI_OPT_SINCE,
    CLI_OPT_UNTIL,
    CLI_OPT_MIN_COUNT,
    CLI_OPT_POLARITY,
    CLI_OPT_BY,
    CLI_OPT_FIRST_FREE /* commands number their own long-only options from here */
};
#define CLI_COMMON_OPTIONS                                   \
    { "kb", required_argument, NULL, CLI_OPT_KB },          \
        { "quiet", no_argument, NULL, CLI_OPT_QUIET },      \
        { "no-lexicon", no_argument, NULL, CLI_OPT_NO_LEXICON }, \
        { "help", no_argument, NULL, CLI_OPT_HELP }

/* The record filter and roll-up every analysis command takes:
 *   --relation R[,R...]  --since DATE  --until DATE  --min-count N
 *   --polarity asserted|hedged|negated|all[,...]  --by entity|affiliation */
#define CLI_FILTER_OPTIONS                                            \
    { "relation", required_argument, NULL, CLI_OPT_RELATION },       \
        { "since", required_argument, NULL, CLI_OPT_SINCE },         \
        { "until", required_argument, NULL, CLI_OPT_UNTIL },         \
        { "min-count", required_argument, NULL, CLI_OPT_MIN_COUNT }, \
        { "polarity", required_argument, NULL, CLI_OPT_POLARITY },   \
        { "by", required_argument, NULL, CLI_OPT_BY }

/* Help text for CLI_FILTER_OPTIONS, to paste into usage strings. */
#define CLI_FILTER_HELP                                                                       \
    "  --relation R[,R...]   only these relations (default: all; e.g. accuses,bans)\n"         \
    "  --since DATE          only records dated DATE or later (undated ones are dropped)\n"    \
    "  --until DATE          only records dated DATE or earlier\n"                             \
    "  --polarity P[,P...]   asserted (default), hedged, negated or all\n"                     \
    "  --min-count N         drop (source, target) pairs reported fewer than N times\n"        \
    "  --by affiliation      roll people and agencies up to the state or body they act for\n"

struct cli_selection {
    struct rn_filter filter;
    int by_affiliation;
};

void cli_selection_init(struct cli_selection *sel);
void cli_selection_release(struct cli_selection *sel);

/* Handle a filter option for command cmd. Returns 1 when handled, 0 when c
 * is not a filter option, or -1 after printing a usage error (exit 2). */
int cli_selection_option(const char *cmd, int c, const char *arg, struct cli_selection *sel);

/* The relations an analysis command works on: when files are given, an
 * in-memory set built from those CSV/TSV edge lists (no database);
 * otherwise the knowledge base (--kb), opened read-only. Filtered by
 * sel. keep_text: also load evidence and article names. Bad CSV rows are
 * reported on stderr and skipped; *had_bad_rows is set then so the
 * command can exit 1 at the end. Returns an exit code (0 = ok). */
int cli_load_relations(const char *cmd, int nfiles, char **files, const struct cli_selection *sel,
                       int keep_text, struct rn_relset **out, int *had_bad_rows);

/* The actor lexicon's names (data/lexicon/actors.tsv under the data
 * directory) as an alias table, loaded on first use; NULL with
 * --no-lexicon or when the file is missing. A file that fails to load is
 * reported once on stderr and treated as missing. */
struct rn_aliases;
const struct rn_aliases *cli_aliases(void);
void cli_aliases_free(void);

struct rn_pipeline_options;

/* Read the articles at paths (files, directories read recursively, "-")
 * through one pipeline (with the pass for lines repeated across files when
 * popt->repeated_lines is set and there are several) and call each() for
 * every article read. Files that
 * cannot be read are reported on stderr and skipped. each() returns an exit
 * code; RN_EXIT_FAIL stops the loop. Returns the worst exit code: 1 when a
 * file was skipped. */
struct rn_pipeline;
struct rn_article;
int cli_for_each_article(const struct rn_pipeline_options *popt, char *const *paths, size_t n,
                         int (*each)(void *ctx, struct rn_pipeline *p, const struct rn_article *a),
                         void *ctx);

/* Extract the articles at paths (files, directories, "-") into kb, one
 * transaction per article, reporting each on stderr; used by add and
 * build. Returns an exit code: 1 if some file could not be read. */
struct rn_store;
int cli_add_articles(struct rn_store *kb, const struct rn_pipeline_options *popt,
                     char *const *paths, size_t n);

/* Import one CSV/TSV edge list into kb in its own transaction, printing the
 * summary ("already present" when the content is in already); *skipped_rows
 * is incremented when rows were skipped. Returns an exit code. */
struct rn_import_options;
int cli_import_file(struct rn_store *kb, const char *path, const struct rn_import_options *opt,
                    int *skipped_rows);

/* Run a command's function with its standard output going to path
 * (through a temporary file renamed at the end; append adds to an existing
 * file instead). Returns the command's exit code, or 3 when path cannot be
 * written. */
int cli_run_to_file(int (*run)(int argc, char **argv), int argc, char **argv, const char *path,
                    int append);

/* Write data to path ("-": standard output) through a temporary file
 * renamed at the end, so a failed write leaves no partial file. Returns
 * an exit code (3 when it cannot be written, after printing why). */
int cli_write_file(const char *path, const char *data, size_t len);

/* Where the article commands (extract, add, build, eval) find their
 * lexicon: -l/--lexicon FILE (repeatable) and --lexicon-dir DIR. The
 * option table entries use 'l' and 'L'. */
struct cli_lexicon {
    const char *extra[64];
    size_t n_extra;
    const char *dir;
};
#define CLI_LEXICON_OPTIONS                                   \
    { "lexicon", required_argument, NULL, 'l' },             \
        { "lexicon-dir", required_argument, NULL, 'L' }
#define CLI_LEXICON_HELP                                                                 \
    "  -l, --lexicon FILE    an extra lexicon file (actors, relations or cues; its\n"     \
    "                        header says which); repeatable\n"                           \
    "      --lexicon-dir DIR use DIR instead of the shipped data/lexicon\n"
/* 1 when c was a lexicon option, 0 when not, -1 after a usage error. */
int cli_lexicon_option(const char *cmd, int c, const char *arg, struct cli_lexicon *lx);
/* Pipeline options for lx (borrowing its strings). */
struct rn_pipeline_options cli_lexicon_pipeline(const struct cli_lexicon *lx, int repeated_lines);

/* Handle a common option. Returns 1 when handled, 0 when c is not one. */
int cli_common_option(int c, const char *arg);

/* The knowledge base path to use. */
const char *cli_kb_path(void);

/* Print "relnet: <msg>" for err on stderr and return its exit code. */
int cli_report(const struct rn_err *err);

/* Print "relnet: <fmt...>" on stderr. */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print usage on stdout (exit 0 for --help). */
int cli_help(const char *usage);

/* Print "relnet CMD: <msg>" and a pointer to --help on stderr; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Report an option getopt_long rejected (c is '?' or ':'; start the short
 * option string with ':' so a missing value gives ':'); returns 2. */
int cli_bad_option(const char *cmd, int c, char **argv);

/* Reset getopt for a command's own parse (argv[0] is the command name). */
void cli_getopt_reset(void);

/* Parse a non-negative integer option value; returns 0 or -1. */
int cli_parse_count(const char *s, long *out);



/* A progress bar on stderr, drawn only when stderr is a terminal, --quiet
 * is off and the work is large; redrawn at most ten times a second. */
struct cli_progress {
    const char *label;
    int enabled;
    int drawn;
    double last;
};
void cli_progress_start(struct cli_progress *p, const char *label, uint64_t total);
/* Matches rn_import_options.progress: ctx is the struct cli_progress. */
void cli_progress_update(void *ctx, uint64_t done, uint64_t total);
void cli_progress_end(struct cli_progress *p);
#endif
