/* cmd_import.c - relnet import: CSV/TSV edge lists into the knowledge base. */
#include "cli.h"

#include "relnet/hash.h"
#include "relnet/import.h"
#include "relnet/pipeline.h"
#include "relnet/store.h"

#include <string.h>
#include <sys/stat.h>

static const struct cli_spec import_spec = {
    .name = "import",
    .head = "usage: relnet import [options] FILE...\n"
            "       relnet import --aliases ALIASES.csv [FILE...]\n"
            "\n"
            "Import CSV or TSV edge lists into the knowledge base ('-' reads stdin).\n"
            "Each file is one transaction: a failed or killed import leaves the\n"
            "knowledge base exactly as it was before that file. A file already\n"
            "imported (same content) is skipped with 'already present'; --replace\n"
            "imports it again in place of the earlier import ('relnet list imports'\n"
            "shows them, 'relnet remove --import ID' takes one out).\n"
            "\n"
            "Columns are found by header name, case-insensitively, with synonyms:\n"
            "  source (from, src, subject), target (to, dst, object),\n"
            "  relation (type, label, predicate), weight (value; count when there is no\n"
            "  weight column), count (with a weight column: the row stands for N reports),\n"
            "  date, evidence (sentence, quote), polarity, confidence, article, path,\n"
            "  url (link), title, source_type, target_type, source_affiliation,\n"
            "  target_affiliation, sentence_no, offset, origin. A row's article is its\n"
            "  path, else its article, else its url ('relnet extract' writes all three).\n"
            "\n"
            "Tab-separated files are never quoted: a tab, line break or backslash in a\n"
            "field is written \\t, \\n, \\r or \\\\ (PostgreSQL's text format), which is\n"
            "what 'relnet extract --format tsv' writes.\n",
    .tail = "Bad rows (wrong number of fields, stray or unterminated quote, empty source\n"
            "or target, weight not a number, invalid UTF-8, bad date) are reported as\n"
            "FILE:LINE: reason and skipped; the summary counts them by reason and the\n"
            "exit code is 1 when any row was skipped.\n",
};

static void print_summary(const char *path, const struct rn_import_report *rep)
{
    fprintf(stderr, "%s: %ld rows read, %ld records imported, %ld skipped\n", path,
            rep->rows_read, rep->rows_imported, rep->rows_skipped);
    if (rep->columns[0])
        fprintf(stderr, "  columns: %s\n", rep->columns);
    if (rep->ignored[0])
        fprintf(stderr, "  not imported (unknown columns): %s\n", rep->ignored);
    if (rep->dates[0])
        fprintf(stderr, "  dates read as: %s\n", rep->dates);
    for (int r = 0; r < RN_SKIP_REASONS; r++)
        if (rep->skipped[r])
            fprintf(stderr, "  skipped, %s: %ld\n", rn_import_reason_name((enum rn_import_reason)r),
                    rep->skipped[r]);
    for (int i = 0; i < rep->n_errors; i++)
        fprintf(stderr, "  %s\n", rep->errors[i]);
    if (rep->rows_skipped > rep->n_errors)
        fprintf(stderr, "  ... and %ld more\n", rep->rows_skipped - rep->n_errors);
}

static int is_regular_file(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* What --replace took out before (or, for stdin, after) importing a file
   again, said once the import is committed. */
struct replaced {
    struct rn_store_removed total;
    long imports;
    int64_t first_id;
    char first_path[512];
};

/* --replace: remove the earlier imports of this content, or of this path
   when it is a file (its content may have changed). */
static int remove_earlier(struct rn_store *kb, const char *path, const char *hash,
                          struct replaced *rep, struct rn_err *err)
{
    int64_t ids[256];
    size_t n;
    int rc = rn_store_find_imports(kb, is_regular_file(path) ? path : NULL, hash, ids,
                                   sizeof ids / sizeof ids[0], &n, err);
    for (size_t i = 0; rc == RN_OK && i < n; i++) {
        struct rn_store_removed r;
        rc = rn_store_remove_import(kb, ids[i], &r, err);
        if (rc != RN_OK)
            break;
        if (rep->imports++ == 0) {
            rep->first_id = ids[i];
            snprintf(rep->first_path, sizeof rep->first_path, "%s", r.name);
        }
        rep->total.relations += r.relations;
        rep->total.entities += r.entities;
        rep->total.articles += r.articles;
        rep->total.relation_types += r.relation_types;
    }
    return rc;
}

static void print_replaced(const struct replaced *rep)
{
    char what[640];
    if (rep->imports == 0)
        return;
    if (rep->imports == 1)
        snprintf(what, sizeof what, "import %lld (%s)", (long long)rep->first_id, rep->first_path);
    else
        snprintf(what, sizeof what, "%ld earlier imports of it", rep->imports);
    cli_print_removed(what, &rep->total);
}

/* Is the content already in? Without replace an import or article of it
   means nothing to do (1); with replace only an article does. Returns 1, 0
   or a negative status. */
static int already_in(struct rn_store *kb, const char *path, const char *hash, int replace,
                      struct rn_err *err)
{
    char what[512];
    int found = rn_store_has_content(kb, hash, what, sizeof what, err);
    if (found == 1 && replace && strncmp(what, "import ", 7) == 0)
        return 0;
    if (found == 1 && !cli_globals.quiet)
        fprintf(stderr, "%s: already present (%s), nothing added%s\n", path, what,
                replace || strncmp(what, "import ", 7) != 0
                    ? ""
                    : "; to import it again (say, with another --map), use --replace");
    return found;
}

int cli_import_file(struct rn_store *kb, const char *path, const struct rn_import_options *opt,
                    int replace, long jobs, int *skipped_rows)
{
    struct rn_err err = RN_ERR_INIT;
    char hash[33] = "";
    struct replaced replaced = { 0 };
    if (is_regular_file(path) && rn_content_hash_file(path, hash, &err) != RN_OK)
        return cli_report(&err);
    /* Looked up inside the write transaction: another relnet importing the
       same file at the same time is then either done (already present) or
       not started. */
    if (rn_store_begin(kb, &err) != RN_OK)
        return cli_report(&err);
    if (hash[0]) {
        int found = already_in(kb, path, hash, replace, &err);
        if (found != 0) {
            rn_store_rollback(kb);
            return found < 0 ? cli_report(&err) : RN_EXIT_OK;
        }
    }
    /* stdin's hash is only known at the end, and a replaced import still
       holds it until it is removed after the new rows are in (so entities
       both name stay): a placeholder until then. */
    int rc = rn_store_import_start(kb, path, hash[0] && !replace ? hash : "pending", &err);
    struct rn_import_report rep;
    memset(&rep, 0, sizeof rep);
    struct cli_progress bar;
    struct stat st;
    cli_progress_start(&bar, path,
                       stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0);
    struct rn_import_options o = *opt;
    o.progress = cli_progress_update;
    o.progress_ctx = &bar;
    /* Reading and resolving names here, writing rows on a second thread. */
    if (rc == RN_OK && (jobs ? jobs : (long)rn_pipeline_default_jobs()) > 1)
        rc = rn_store_write_behind(kb, 1, &err);
    if (rc == RN_OK)
        rc = rn_import_csv(path, &o, rn_store_sink(kb), &rep, &err);
    if (rc == RN_OK)
        rc = rn_store_write_behind(kb, 0, &err);
    cli_progress_end(&bar);
    if (rc == RN_OK && !hash[0]) {
        int found = already_in(kb, path, rep.content_hash, replace, &err);
        if (found == 1) {
            rn_store_rollback(kb);
            rn_import_report_release(&rep);
            return RN_EXIT_OK;
        }
        rc = found;
    }
    const char *final_hash = hash[0] ? hash : rep.content_hash;
    if (rc == RN_OK && replace)
        rc = remove_earlier(kb, path, final_hash, &replaced, &err);
    /* Replace the placeholder with the real hash. */
    if (rc == RN_OK && (replace || !hash[0]))
        rc = rn_store_import_rehash(kb, final_hash, &err);
    if (rc == RN_OK)
        rc = rn_store_import_finish(kb, rep.rows_read, rep.rows_imported, rep.rows_skipped, &err);
    if (rc == RN_OK)
        rc = rn_store_commit(kb, &err);
    if (rc != RN_OK) {
        rn_store_rollback(kb);
        if (opt->strict && rep.rows_skipped)
            rn_err_prefix(&err, "strict import stopped; nothing imported from %s", path);
        int code = cli_report(&err);
        rn_import_report_release(&rep);
        return code;
    }
    print_replaced(&replaced);
    if (!cli_globals.quiet)
        print_summary(path, &rep);
    *skipped_rows += rep.rows_skipped > 0;
    rn_import_report_release(&rep);
    return RN_EXIT_OK;
}

static int add_alias(void *ctx, const char *alias, const char *canonical, enum rn_etype type,
                     const char *affiliation, struct rn_err *err)
{
    return rn_store_add_alias(ctx, alias, canonical, type, affiliation, err);
}

/* Load an alias table in one transaction. Returns an exit code. */
static int import_aliases(struct rn_store *kb, const char *path, const struct rn_import_options *opt,
                          int *skipped)
{
    struct rn_err err = RN_ERR_INIT;
    struct rn_import_report rep;
    if (rn_store_begin(kb, &err) != RN_OK)
        return cli_report(&err);
    int rc = rn_import_aliases(path, opt, add_alias, kb, &rep, &err);
    if (rc == RN_OK)
        rc = rn_store_commit(kb, &err);
    if (rc != RN_OK) {
        rn_store_rollback(kb);
        rn_import_report_release(&rep);
        return cli_report(&err);
    }
    if (!cli_globals.quiet) {
        fprintf(stderr, "%s: %ld aliases read, %ld applied, %ld skipped\n", path, rep.rows_read,
                rep.rows_imported, rep.rows_skipped);
        for (int i = 0; i < rep.n_errors; i++)
            fprintf(stderr, "  %s\n", rep.errors[i]);
    }
    *skipped += rep.rows_skipped > 0;
    rn_import_report_release(&rep);
    return RN_EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
    struct rn_import_options opt = { 0 };
    const char *aliases = NULL;
    int replace = 0;
    long jobs = 0;
    const struct cli_option options[] = {
        CLI_STRING("map", 0, "ROLE=COL,...", &opt.map, NULL,
                   "use column COL (a header name or 1-based number) for ROLE"),
        CLI_FLAG("no-header", 0, &opt.no_header,
                 "the first row is data; columns are positional: source, target[, relation or "
                 "weight[, weight]]"),
        CLI_STRING("relation", 0, "NAME", &opt.default_relation, "related",
                   "relation of every row when there is no relation column"),
        CLI_STRING("date-format", 0, "FMT", &opt.date_format, NULL,
                   "strptime format of the date column, e.g. %d.%m.%Y (without it: "
                   "YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM/DD/YYYY as the file shows, "
                   "and month names; the summary says which were read)"),
        CLI_CALLBACK("delimiter", 0, "D", &opt.delimiter, cli_set_delimiter,
                     ".tsv files tab, others guessed from the header line",
                     "',', tab, ';' or '|'"),
        CLI_FLAG("replace", 0, &replace,
                 "import a file that is already in again (say, with a corrected --map): "
                 "the earlier import of the same content or path is removed, in the same "
                 "transaction"),
        CLI_FLAG("strict", 0, &opt.strict,
                 "stop at the first bad row and import nothing from the file"),
        CLI_CALLBACK("jobs", 'j', "N", &jobs, cli_set_jobs, "the number of cores",
                     "with N > 1, one thread reads the file while another writes the "
                     "knowledge base; the knowledge base is the same for any N"),
        CLI_STRING("aliases", 0, "FILE", &aliases, NULL,
                   "first load an alias table (columns alias, canonical and optionally type, "
                   "affiliation): names that are aliases of one entity merge into it, past "
                   "relations included"),
        CLI_END,
    };
    int code = cli_parse(&import_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;
    if (optind >= argc && !aliases)
        return cli_usage_error("import", "no file to import");

    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb;
    if (rn_store_open(cli_kb_path(), RN_STORE_CREATE, &kb, &err) != RN_OK)
        return cli_report(&err);
    rn_store_use_aliases(kb, cli_aliases());
    int files_with_skips = 0;
    code = RN_EXIT_OK;
    if (aliases) {
        code = import_aliases(kb, aliases, &opt, &files_with_skips);
        if (code != RN_EXIT_OK) {
            rn_store_close(kb);
            return code;
        }
    }
    for (int i = optind; i < argc; i++) {
        int one = cli_import_file(kb, argv[i], &opt, replace, jobs, &files_with_skips);
        if (one != RN_EXIT_OK && code == RN_EXIT_OK)
            code = one;
        if (one != RN_EXIT_OK && opt.strict)
            break;
    }
    rn_store_close(kb);
    if (code == RN_EXIT_OK && files_with_skips)
        code = RN_EXIT_INPUT;
    return code;
}
