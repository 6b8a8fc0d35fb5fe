/* cmd_add.c - relnet add: articles into the knowledge base, with provenance. */
#include "cli.h"

#include "relnet/pipeline.h"
#include "relnet/store.h"

#include <string.h>

static const struct cli_spec add_spec = {
    .name = "add",
    .head = "usage: relnet add [options] FILE|DIR|-...\n"
            "\n"
            "Read news articles (.txt, .html; directories recursively; '-' = stdin),\n"
            "extract their relations and store them in the knowledge base with their\n"
            "provenance (article, sentence number, byte offset, evidence sentence, date).\n"
            "Lines repeated across 3 or more of the given articles (page templates:\n"
            "menus, footers) are dropped too. Articles are stored by batches of 200,\n"
            "each one transaction (a run killed part way keeps the batches before). An\n"
            "article already added (same content) is skipped with 'already present',\n"
            "so running add twice adds nothing.\n",
    .tail = "A file that cannot be read (binary, empty, invalid UTF-8) is reported and\n"
            "skipped; the others are still added, and the exit code is then 1.\n",
};

/* Records from the extractor name their article by id; inside an article
   the knowledge base already knows which article it is. */
struct add_sink {
    struct rn_store *kb;
    long added;
};

static int add_record(void *ctx, const struct rn_record *rec, struct rn_err *err)
{
    struct add_sink *s = ctx;
    struct rn_record r = *rec;
    r.article = NULL;
    int rc = rn_store_add_record(s->kb, &r, err);
    if (rc == RN_OK)
        s->added++;
    return rc;
}

/* Articles go in by batches, each one transaction: a commit per article
   would write the same index pages again and again (316 MB written for a
   37 MB knowledge base). Each article is a savepoint within its batch, so a
   bad one is undone alone. */
#define ARTICLES_PER_TRANSACTION 200

struct add_run {
    struct rn_store *kb;
    int in_tx;
    int in_batch; /* articles in the open transaction */
};

static int commit_batch(struct add_run *run)
{
    struct rn_err err = RN_ERR_INIT;
    run->in_batch = 0;
    if (!run->in_tx)
        return RN_EXIT_OK;
    run->in_tx = 0;
    return rn_store_commit(run->kb, &err) == RN_OK ? RN_EXIT_OK : cli_report(&err);
}

/* Add one extracted article as a part of the open batch. Returns an exit
   code. */
static int add_article(struct add_run *run, const struct rn_extracted *x)
{
    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb = run->kb;
    const struct rn_article *a = x->article;
    struct rn_store_article meta = { a->path, a->url, a->title, a->date, a->content_hash };
    if (!run->in_tx) {
        if (rn_store_begin(kb, &err) != RN_OK)
            return cli_report(&err);
        run->in_tx = 1;
    }
    if (rn_store_savepoint(kb, &err) != RN_OK) {
        rn_store_rollback(kb);
        run->in_tx = 0;
        return cli_report(&err);
    }
    int rc = rn_store_article_start(kb, &meta, &err);
    if (rc == 1) { /* nothing was written */
        if (rn_store_release(kb, &err) != RN_OK) {
            rn_store_rollback(kb);
            run->in_tx = 0;
            return cli_report(&err);
        }
        if (!cli_globals.quiet && !cli_globals.bar_shown)
            fprintf(stderr, "%s: already present, nothing added\n", a->path);
        return RN_EXIT_OK;
    }
    struct add_sink s = { kb, 0 };
    struct rn_sink sink = { add_record, &s };
    if (rc == RN_OK)
        rc = cli_article_replay(x, &sink, &err);
    rn_store_article_end(kb);
    if (rc == RN_OK)
        rc = rn_store_release(kb, &err);
    if (rc != RN_OK) {
        rn_store_rollback_savepoint(kb);
        rn_err_prefix(&err, "%s", a->path);
        return cli_report(&err);
    }
    if (!cli_globals.quiet && !cli_globals.bar_shown)
        fprintf(stderr, "%s: %ld relations added\n", a->path, s.added);
    return RN_EXIT_OK;
}

static int add_each(void *ctx, const struct rn_extracted *x)
{
    struct add_run *run = ctx;
    int code = add_article(run, x);
    if (code != RN_EXIT_FAIL && ++run->in_batch >= ARTICLES_PER_TRANSACTION) {
        int committed = commit_batch(run);
        if (committed != RN_EXIT_OK)
            return committed;
    }
    return code;
}

int cli_add_articles(struct rn_store *kb, const struct rn_pipeline_options *popt, char *const *paths,
                     size_t n)
{
    struct add_run run = { kb, 0, 0 };
    int code = cli_for_each_article(popt, paths, n, add_each, &run);
    int committed = commit_batch(&run);
    return committed != RN_EXIT_OK ? committed : code;
}

int cmd_add(int argc, char **argv)
{
    struct cli_lexicon lx = { .n_extra = 0 };
    const struct cli_option options[] = {
        CLI_INCLUDE(cli_lexicon_options, &lx),
        CLI_END,
    };
    int code = cli_parse(&add_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;
    if (optind >= argc)
        return cli_usage_error("add", "no article given");
    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb;
    if (rn_store_open(cli_kb_path(), RN_STORE_CREATE, &kb, &err) != RN_OK)
        return cli_report(&err);
    rn_store_use_aliases(kb, cli_aliases());
    struct rn_pipeline_options popt = cli_lexicon_pipeline(&lx, 1);
    code = cli_add_articles(kb, &popt, argv + optind, (size_t)(argc - optind));
    rn_store_close(kb);
    return code;
}
