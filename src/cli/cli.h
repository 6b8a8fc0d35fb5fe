/* cli.h - what the relnet command files share: the command table entries,
 * the options every command accepts, and printing helpers.
 *
 * Each cmd_<name>.c holds one command: its help text, its option table
 * (options.h) and its run function, which returns the process exit code
 * (enum rn_exit). Only this directory prints to the terminal.
 */
#ifndef RELNET_CLI_H
#define RELNET_CLI_H

#include "options.h"

#include "relnet/error.h"
#include "relnet/filter.h"
#include "relnet/import.h"
#include "relnet/pipeline.h"
#include "relnet/relset.h"

#include <stdint.h>
#include <stdio.h>

struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv); /* run(2, {name, "--help"}) prints its help */
    const char *summary;
};

int cmd_build(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_centrality(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_remove(int argc, char **argv);

/* Settings shared by all commands, set by global options before the command
 * name or by the same options after it. */
struct cli_globals {
    const char *kb_path; /* --kb, else $RELNET_KB, else "relnet.db" */
    int quiet;           /* --quiet: no progress bar, no summaries */
    int no_lexicon;      /* --no-lexicon: names are not resolved through actors.tsv */
    int bar_shown;       /* a progress bar is on the terminal: no per-item chatter */
};
extern struct cli_globals cli_globals;

/* The options every command accepts (--kb, --quiet, --no-lexicon, --help),
 * which set cli_globals. */
extern const struct cli_option cli_global_options[];

/* Parse a command's arguments against opts plus the global options: see
 * cli_parse_argv (options.h). */
int cli_parse(const struct cli_spec *spec, const struct cli_option *opts, int argc, char **argv);

/* The record filter and roll-up every analysis command takes, set by the
 * options of cli_filter_options (include it with the selection as dest):
 *   --relation R[,R...]  --since DATE  --until DATE  --min-count N
 *   --polarity asserted|hedged|negated|all[,...]  --by entity|affiliation */
struct cli_selection {
    struct rn_filter filter;
    int by_affiliation;
    const char *relation_default; /* as --help shows it; NULL = all */
    const char *polarity_default; /* NULL = asserted */
    int relation_given;           /* the first --relation replaces the default */
    int polarity_given;           /* --polarity was given */
    struct rn_import_options csv; /* --map, --delimiter, --date-format for CSV files */
    long csv_jobs;                /* --jobs: threads reading a CSV file (0: one per core) */
};
extern const struct cli_option cli_filter_options[];

/* --delimiter's value (',', tab, ';', '|' or their names) into *(char *)dest. */
int cli_set_delimiter(void *dest, const char *s, struct rn_err *err);
/* --jobs N into the long at dest: 1 to 256. */
int cli_set_jobs(void *dest, const char *arg, struct rn_err *err);

/* A selection with the command's default relations (NULL = every one) and
 * polarity (NULL = asserted). */
void cli_selection_init(struct cli_selection *sel, const char *relations, const char *polarity);
void cli_selection_release(struct cli_selection *sel);

/* cli_parse for a command that filters: opts plus cli_filter_options
 * writing into sel. On any answer but CLI_GO_ON (help shown, usage error)
 * sel is released. */
int cli_parse_filtered(const struct cli_spec *spec, const struct cli_option *opts, int argc,
                       char **argv, struct cli_selection *sel);

/* What a command reads of each record: provenance (dates, articles,
 * confidence), that and the texts (evidence sentences, article names), or
 * the graph only (source, target, relation, polarity, weight: see
 * rn_relset_options.graph_only), which keeps big CSV files small. */
enum cli_columns { CLI_COLUMNS_PROVENANCE = 0, CLI_COLUMNS_TEXT = 1, CLI_COLUMNS_GRAPH = 2 };

/* The relations an analysis command works on: when files are given, an
 * in-memory set built from those CSV/TSV edge lists (no database);
 * otherwise the knowledge base (--kb), opened read-only. Filtered by
 * sel; columns says what to keep. Bad CSV rows are
 * reported on stderr and skipped; *had_bad_rows is set then so the
 * command can exit 1 at the end. Returns an exit code (0 = ok). */
int cli_load_relations(const char *cmd, int nfiles, char **files, const struct cli_selection *sel,
                       enum cli_columns columns, struct rn_relset **out, int *had_bad_rows);

/* Hand cli_load_relations a knowledge base already loaded: while set, a
 * command reading the knowledge base at kb_path (all, every record of it
 * as rn_store_load loads them with every polarity and the texts) gets its
 * selection of all (rn_relset_select) instead of reading the file again.
 * build loads its knowledge base once for all its steps this way.
 * cli_preload(NULL, NULL) ends it (and frees the selections
 * cli_preselect kept); all is borrowed until then. */
void cli_preload(const char *kb_path, const struct rn_relset *all);

/* While a set is preloaded: make its selection for filter (relations,
 * polarity, dates; with the texts) now and keep it, so that every command
 * asking for that filter later borrows it, whatever columns it asks for,
 * instead of selecting again. build makes those its steps ask for before
 * it forks the process that draws, which then shares them. Returns an
 * exit code. */
int cli_preselect(const struct rn_filter *filter);

/* Free a set of cli_load_relations. A selection of every record with the
 * texts (the report's) is the preloaded set itself, and one cli_preselect
 * made is kept: both are lent read-only rather than copied (a copy of
 * 650,000 records re-interns every sentence), and are not freed here. */
void cli_relations_free(struct rn_relset *set);

/* Is set lent (see cli_relations_free): read it, never change it. */
int cli_relations_lent(const struct rn_relset *set);

/* The actor lexicon's names (data/lexicon/actors.tsv under the data
 * directory) as an alias table, loaded on first use; NULL with
 * --no-lexicon or when the file is missing. A file that fails to load is
 * reported once on stderr and treated as missing. */
struct rn_aliases;
const struct rn_aliases *cli_aliases(void);
void cli_aliases_free(void);

struct rn_pipeline_options;

/* Read and extract the articles at paths (files, directories read
 * recursively, "-") on popt->jobs threads (with the pass for lines repeated
 * across files when popt->repeated_lines is set and there are several) and
 * call each() for every article read, in file order, on this thread: the
 * same calls for any number of threads. Files that cannot be read are
 * reported on stderr and skipped. each() returns an exit code; RN_EXIT_FAIL
 * stops the loop. Returns the worst exit code: 1 when a file was skipped. */
struct rn_extracted;
int cli_for_each_article(const struct rn_pipeline_options *popt, char *const *paths, size_t n,
                         int (*each)(void *ctx, const struct rn_extracted *x), void *ctx);

/* Extract the articles at paths into a sink: the article loop of extract
 * and eval. start, when set, is called with sink.ctx before each article
 * is extracted (RN_OK or an error). An article whose extraction fails is
 * reported as "PATH: reason". Returns an exit code as
 * cli_for_each_article. */
struct cli_article_sink {
    struct rn_sink sink;
    int (*start)(void *ctx, const struct rn_article *a, struct rn_err *err);
};
int cli_extract_articles(const struct rn_pipeline_options *popt, char *const *paths, size_t n,
                         const struct cli_article_sink *out);

/* Hand an extracted article's records to sink, in extraction order; then
 * its extraction status (RN_OK, or x->err). */
int cli_article_replay(const struct rn_extracted *x, const struct rn_sink *sink,
                       struct rn_err *err);

/* Extract the articles at paths (files, directories, "-") into kb, by
 * batches of articles, each batch one transaction and each article a
 * savepoint in it (a bad article is undone alone), reporting each on
 * stderr; used by add and build. Returns an exit code: 1 if some file
 * could not be read. */
struct rn_store;
int cli_add_articles(struct rn_store *kb, const struct rn_pipeline_options *popt,
                     char *const *paths, size_t n);

/* Import one CSV/TSV edge list into kb in its own transaction, printing the
 * summary ("already present" when the content is in already; with replace,
 * earlier imports of the same content or file are removed in the same
 * transaction and the file imported again); *skipped_rows
 * is incremented when rows were skipped. With jobs > 1 (0: one per core)
 * a second thread writes the rows (rn_store_write_behind). Returns an exit
 * code. */
struct rn_import_options;
int cli_import_file(struct rn_store *kb, const char *path, const struct rn_import_options *opt,
                    int replace, long jobs, int *skipped_rows);

/* Say on stderr (unless --quiet) what a removal took out:
 * "removed WHAT: N relations, M entities no relation names any more...". */
struct rn_store_removed;
void cli_print_removed(const char *what, const struct rn_store_removed *r);

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
 * lexicon: -l/--lexicon FILE (repeatable) and --lexicon-dir DIR, the
 * options of cli_lexicon_options (include it with a struct cli_lexicon as
 * dest). */
struct cli_lexicon {
    const char *extra[64];
    size_t n_extra;
    const char *dir;
    long jobs; /* --jobs: threads reading and extracting articles (0: one per core) */
};
extern const struct cli_option cli_lexicon_options[];
/* Pipeline options for lx (borrowing its strings). */
struct rn_pipeline_options cli_lexicon_pipeline(const struct cli_lexicon *lx, int repeated_lines);

/* The knowledge base path to use. */
const char *cli_kb_path(void);

/* Print "relnet: <msg>" for err on stderr and return its exit code. */
int cli_report(const struct rn_err *err);

/* Print "relnet: <fmt...>" on stderr. */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));



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
