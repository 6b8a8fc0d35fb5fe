/* cmd_remove.c - relnet remove: take an import or an article out of the
 * knowledge base again, in one transaction. */
#include "cli.h"

#include "relnet/store.h"

#include <inttypes.h>

static const struct cli_spec remove_spec = {
    .name = "remove",
    .head = "usage: relnet remove [options] --import ID\n"
            "       relnet remove [options] --article PATH|URL\n"
            "\n"
            "Remove what one CSV/TSV import (by the id 'relnet list imports' shows) or\n"
            "one article (by its path or URL, as 'relnet list articles' shows) brought\n"
            "into the knowledge base: its relations; the entities, with their aliases,\n"
            "that no remaining relation names; the articles only the import's rows\n"
            "named; relation types no relation uses any more. Types and affiliations\n"
            "the removed rows gave to entities that stay are kept. Everything happens in\n"
            "one transaction and the summary says what went. The file or article can be\n"
            "imported or added again afterwards (or use 'relnet import --replace').\n",
    .tail = NULL,
};

static void plural(long n, const char *one, const char *many, int *first)
{
    fprintf(stderr, "%s%ld %s", *first ? "" : ", ", n, n == 1 ? one : many);
    *first = 0;
}

void cli_print_removed(const char *what, const struct rn_store_removed *r)
{
    if (cli_globals.quiet)
        return;
    int first = 1;
    fprintf(stderr, "removed %s: ", what);
    plural(r->relations, "relation", "relations", &first);
    plural(r->entities, "entity no relation names any more", "entities no relation names any more",
           &first);
    if (r->articles)
        plural(r->articles, "article", "articles", &first);
    if (r->relation_types)
        plural(r->relation_types, "relation type", "relation types", &first);
    fputc('\n', stderr);
}

int cmd_remove(int argc, char **argv)
{
    long import_id = -1;
    const char *article = NULL;
    const struct cli_option options[] = {
        CLI_COUNT("import", 0, "ID", &import_id, 1, LONG_MAX, NULL,
                  "remove this import (see 'relnet list imports')"),
        CLI_STRING("article", 0, "PATH", &article, NULL,
                   "remove the article with this path or URL (see 'relnet list articles')"),
        CLI_END,
    };
    int code = cli_parse(&remove_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;
    if (optind < argc)
        return cli_usage_error("remove", "unexpected argument '%s' (use --import ID or --article "
                               "PATH)", argv[optind]);
    if ((import_id < 0) == !article)
        return cli_usage_error("remove", "say what to remove: --import ID or --article PATH");

    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb;
    struct rn_store_removed removed;
    if (rn_store_open(cli_kb_path(), 0, &kb, &err) != RN_OK)
        return cli_report(&err);
    int rc = rn_store_begin(kb, &err);
    if (rc == RN_OK)
        rc = article ? rn_store_remove_article(kb, article, &removed, &err)
                     : rn_store_remove_import(kb, import_id, &removed, &err);
    if (rc == RN_OK)
        rc = rn_store_commit(kb, &err);
    if (rc != RN_OK) {
        rn_store_rollback(kb);
        rn_store_close(kb);
        return cli_report(&err);
    }
    rn_store_close(kb);
    char what[600];
    if (article)
        snprintf(what, sizeof what, "%s%s", removed.articles == 1 ? "article " : "articles at ",
                 article);
    else
        snprintf(what, sizeof what, "import %ld (%s)", import_id, removed.name);
    cli_print_removed(what, &removed);
    return RN_EXIT_OK;
}
