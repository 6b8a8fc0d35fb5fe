/* cmd_eval.c - relnet eval: extract from articles and score against a gold standard. */
#include "cli.h"

#include "relnet/eval.h"
#include "relnet/pipeline.h"

#include <stdlib.h>
#include <string.h>

static const struct cli_spec eval_spec = {
    .name = "eval",
    .head = "usage: relnet eval --gold GOLD.tsv [options] ARTICLE...\n"
            "       relnet eval --gold GOLD.tsv --pred PRED.tsv [--articles ID,...] ...\n"
            "\n"
            "Extract relations from the articles and print precision, recall and F1 per\n"
            "relation (ACCUSES, PROPOSES, BANS, SIGNS), for negated rows, and micro-averaged,\n"
            "exactly as the corpus's reference scorer score.py does. Only the gold rows of\n"
            "the given articles are scored (article id = file name without extension).\n",
};

static int add_record(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    struct rn_eval *ev = ctx;
    char rel[64];
    snprintf(rel, sizeof rel, "%s", r->relation);
    if (rn_eval_add(ev, r->article, r->source, r->source_affiliation, rel, r->target,
                    r->target_affiliation, rn_polarity_name(r->polarity), r->evidence) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    return RN_OK;
}

/* Only the gold rows of the articles given are scored, those where nothing
   is found included. */
static int start_article(void *ctx, const struct rn_article *a, struct rn_err *err)
{
    if (rn_eval_want_article(ctx, a->id) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    return RN_OK;
}

int cmd_eval(int argc, char **argv)
{
    static const struct cli_choice formats[] = { { "table", 0 }, { "json", 1 }, { NULL, 0 } };
    const char *gold = NULL, *pred = NULL, *aliases = NULL, *articles = NULL;
    struct cli_lexicon lx = { .n_extra = 0 };
    int repeated_lines = 0, strict = 0, show = 0, json = 0;
    const struct cli_option options[] = {
        CLI_STRING("gold", 'g', "FILE", &gold, NULL,
                   "gold TSV (article, source, relation, target, ...); required"),
        CLI_STRING("pred", 'p', "FILE", &pred, NULL, "score this prediction TSV instead of "
                                                     "extracting"),
        CLI_STRING("aliases", 'a', "FILE", &aliases, "aliases.tsv next to the gold file",
                   "alias table"),
        CLI_STRING("articles", 0, "IDS", &articles, NULL,
                   "score only these comma-separated article ids"),
        CLI_FLAG("strict", 's', &strict,
                 "compare names only (default: lenient, affiliations count)"),
        CLI_INCLUDE(cli_lexicon_options, &lx),
        CLI_FLAG("repeated-lines", 0, &repeated_lines,
                 "drop lines repeated across 3 or more of the articles, as relnet add and "
                 "build do (extract does not by default)"),
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_FLAG("show", 0, &show, "list missed gold rows and unmatched predictions"),
        CLI_CHOICE("format", 'f', &json, formats, "table", "output format"),
        CLI_END,
    };
    int code = cli_parse(&eval_spec, options, argc, argv);
    if (code != CLI_GO_ON)
        return code;
    if (!gold)
        return cli_usage_error("eval", "--gold GOLD.tsv is required");
    if (!pred && optind >= argc)
        return cli_usage_error("eval", "give article files or --pred PRED.tsv");
    if (pred && optind < argc)
        return cli_usage_error("eval", "give article files or --pred, not both");

    struct rn_err err = RN_ERR_INIT;
    struct rn_eval *ev = NULL;
    if (rn_eval_new(gold, aliases, &ev, &err) != RN_OK)
        return cli_report(&err);
    int failed = 0, rc = RN_OK;
    if (articles) {
        char *copy = strdup(articles);
        for (char *tok = strtok(copy, ","); tok && rc == RN_OK; tok = strtok(NULL, ","))
            rc = rn_eval_want_article(ev, tok);
        free(copy);
    }
    if (pred) {
        rc = rn_eval_add_file(ev, pred, &err);
    } else if (rc == RN_OK) {
        struct rn_pipeline_options popt = cli_lexicon_pipeline(&lx, repeated_lines);
        struct cli_article_sink out = { { add_record, ev }, start_article };
        code = cli_extract_articles(&popt, argv + optind, (size_t)(argc - optind), &out);
        if (code == RN_EXIT_FAIL) {
            rn_eval_free(ev);
            return code;
        }
        failed = code != RN_EXIT_OK;
    }
    if (rc != RN_OK) {
        rn_eval_free(ev);
        return cli_report(&err);
    }
    struct rn_eval_result res;
    rn_eval_score(ev, strict, &res);
    rc = json ? rn_eval_write_json(stdout, ev, &res, show)
              : rn_eval_write_table(stdout, ev, &res, show);
    rn_eval_free(ev);
    if (rc != RN_OK) {
        cli_errorf("cannot write to standard output");
        return RN_EXIT_FAIL;
    }
    return failed ? RN_EXIT_INPUT : RN_EXIT_OK;
}
