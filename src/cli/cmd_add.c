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
            "menus, footers) are dropped too. Each article is one transaction. An\n"
            "article already added (same content) is skipped with 'already present',\n"
            "so running add twice adds nothing.\n",
    .tail = "A file that cannot be read (binary, empty, invalid UTF-8) is reported and\n"
            "skipped; the others are still added, and the exit code is then 1.\n",
};

/* Records from the extractor name their article by id; inside an article
   transaction the knowledge base already knows which article it is. */
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

/* Add one ingested article in its own transaction. Returns an exit code. */
static int add_article(struct rn_store *kb, struct rn_pipeline *p, const struct rn_article *a)
{
    struct rn_err err = RN_ERR_INIT;
    struct rn_store_article meta = { a->path, a->url, a->title, a->date, a->content_hash };
    if (rn_store_begin(kb, &err) != RN_OK)
        return cli_report(&err);
    int rc = rn_store_article_start(kb, &meta, &err);
    if (rc == 1) {
        rn_store_rollback(kb);
        if (!cli_globals.quiet && !cli_globals.bar_shown)
            fprintf(stderr, "%s: already present, nothing added\n", a->path);
        return RN_EXIT_OK;
    }
    struct add_sink s = { kb, 0 };
    struct rn_sink sink = { add_record, &s };
    if (rc == RN_OK)
        rc = rn_pipeline_extract(p, a, &sink, &err);
    rn_store_article_end(kb);
    if (rc == RN_OK)
        rc = rn_store_commit(kb, &err);
    if (rc != RN_OK) {
        rn_store_rollback(kb);
        rn_err_prefix(&err, "%s", a->path);
        return cli_report(&err);
    }
    if (!cli_globals.quiet && !cli_globals.bar_shown)
        fprintf(stderr, "%s: %ld relations added\n", a->path, s.added);
    return RN_EXIT_OK;
}

static int add_each(void *ctx, struct rn_pipeline *p, const struct rn_article *a)
{
    return add_article(ctx, p, a);
}

int cli_add_articles(struct rn_store *kb, const struct rn_pipeline_options *popt, char *const *paths,
                     size_t n)
{
    return cli_for_each_article(popt, paths, n, add_each, kb);
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
