/* cmd_list.c - relnet list: the imports and articles in the knowledge base,
 * with the ids `relnet remove` takes. */
#include "cli.h"
#include "output.h"

#include "relnet/json.h"
#include "relnet/store.h"

#include <string.h>

static const struct cli_spec list_spec = {
    .name = "list",
    .head = "usage: relnet list [options] imports|articles\n"
            "\n"
            "List what the knowledge base was built from: the CSV/TSV files imported\n"
            "(id, path, relations they hold now, rows read and skipped, when) or the\n"
            "articles (id, path or URL, title, date, relations, when added; articles\n"
            "that CSV rows named are listed too). 'relnet remove --import ID' and\n"
            "'relnet remove --article PATH' take what this shows.\n",
    .tail = NULL,
};

static const char *const import_headers[] = { "id", "path", "relations", "rows_read",
                                              "rows_skipped", "imported_at" };
static const char *const article_headers[] = { "id", "path", "title", "date", "relations",
                                               "added_at" };

struct list_rows {
    struct cli_table *t;
    enum rn_store_source_kind kind;
};

static int add_row(void *ctx, const struct rn_store_source *s)
{
    struct list_rows *l = ctx;
    char id[24], rels[24], read[24], skipped[24];
    snprintf(id, sizeof id, "%lld", (long long)s->id);
    snprintf(rels, sizeof rels, "%ld", s->relations);
    snprintf(read, sizeof read, "%ld", s->rows_read);
    snprintf(skipped, sizeof skipped, "%ld", s->rows_skipped);
    if (l->kind == RN_STORE_IMPORTS) {
        const char *cells[] = { id, s->path, rels, read, skipped, s->added_at };
        return cli_table_add(l->t, cells);
    }
    const char *cells[] = { id, s->path, s->title, s->date, rels, s->added_at };
    return cli_table_add(l->t, cells);
}

static int write_rows(const struct cli_table *t, int fmt)
{
    if (fmt == CLI_FORMAT_CSV)
        return cli_table_write_csv(t, stdout);
    if (fmt == CLI_FORMAT_TABLE)
        return cli_table_print(t, stdout, 0);
    struct rn_json *arr = cli_table_to_json(t);
    int rc = arr ? rn_json_dump(stdout, arr, 1) : RN_ENOMEM;
    rn_json_free(arr);
    return rc;
}

int cmd_list(int argc, char **argv)
{
    int fmt = CLI_FORMAT_TABLE;
    const struct cli_option options[] = {
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_CHOICE("format", 0, &fmt, cli_formats, "table", "output format"),
        CLI_END,
    };
    int code = cli_parse(&list_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;
    if (argc - optind != 1)
        return cli_usage_error("list", "say what to list: imports or articles");
    struct list_rows l;
    if (strcmp(argv[optind], "imports") == 0)
        l.kind = RN_STORE_IMPORTS;
    else if (strcmp(argv[optind], "articles") == 0)
        l.kind = RN_STORE_ARTICLES;
    else
        return cli_usage_error("list", "cannot list '%s' (expected imports or articles)",
                               argv[optind]);

    struct rn_err err = RN_ERR_INIT;
    struct rn_store *kb;
    if (rn_store_open(cli_kb_path(), RN_STORE_READONLY, &kb, &err) != RN_OK)
        return cli_report(&err);
    l.t = l.kind == RN_STORE_IMPORTS ? cli_table_new(6, import_headers, "llrrrl")
                                     : cli_table_new(6, article_headers, "lllrrl");
    int rc = l.t ? rn_store_list(kb, l.kind, add_row, &l, &err) : RN_ENOMEM;
    if (rc == RN_OK && fmt == CLI_FORMAT_TABLE && cli_table_rows(l.t) == 0)
        fprintf(stderr, "relnet list: no %s in %s\n", argv[optind], cli_kb_path());
    else if (rc == RN_OK)
        rc = write_rows(l.t, fmt);
    if (rc != RN_OK && !err.msg[0])
        rn_fail(&err, rc, rc == RN_ENOMEM ? "out of memory" : "cannot write the list");
    code = rc == RN_OK ? RN_EXIT_OK : cli_report(&err);
    cli_table_free(l.t);
    rn_store_close(kb);
    return code;
}
