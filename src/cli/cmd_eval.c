/* cmd_eval.c - relnet eval: extract from articles and score against a gold standard. */
#include "cli.h"

#include "relnet/eval.h"
#include "relnet/pipeline.h"

#include <stdlib.h>
#include <string.h>

const char cmd_eval_usage[] =
    "usage: relnet eval --gold GOLD.tsv [--strict] [--show] [--format table|json]\n"
    "                   [--aliases FILE] [--lexicon FILE]... ARTICLE...\n"
    "       relnet eval --gold GOLD.tsv --pred PRED.tsv [--articles ID,...] ...\n"
    "\n"
    "Extract relations from the articles and print precision, recall and F1 per\n"
    "relation (ACCUSES, PROPOSES, BANS, SIGNS), for negated rows, and micro-averaged,\n"
    "exactly as the corpus's reference scorer score.py does. Only the gold rows of\n"
    "the given articles are scored (article id = file name without extension).\n"
    "\n"
    "options:\n"
    "  -g, --gold FILE       gold TSV (article, source, relation, target, ...)\n"
    "  -p, --pred FILE       score this prediction TSV instead of extracting\n"
    "  -a, --aliases FILE    alias table (default: aliases.tsv next to the gold file)\n"
    "      --articles IDS    score only these comma-separated article ids\n"
    "  -s, --strict          compare names only (default: lenient, affiliations count)\n"
    "      --show            list missed gold rows and unmatched predictions\n"
    "  -f, --format FMT      table (default) or json\n"
    CLI_LEXICON_HELP
    "      --repeated-lines  drop lines repeated across 3 or more of the articles, as\n"
    "                        relnet add and build do (extract does not by default)\n"
    "  -h, --help            show this help\n";

struct adder {
    struct rn_eval *ev;
};

static int add_record(void *ctx, const struct rn_record *r, struct rn_err *err)
{
    struct adder *a = ctx;
    char rel[64];
    snprintf(rel, sizeof rel, "%s", r->relation);
    if (rn_eval_add(a->ev, r->article, r->source, r->source_affiliation, rel, r->target,
                    r->target_affiliation, rn_polarity_name(r->polarity), r->evidence) != RN_OK)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    return RN_OK;
}

static int eval_each(void *ctx, struct rn_pipeline *p, const struct rn_article *a)
{
    struct adder *ad = ctx;
    struct rn_err err = RN_ERR_INIT;
    if (rn_eval_want_article(ad->ev, a->id) != RN_OK) {
        cli_errorf("out of memory");
        return RN_EXIT_FAIL;
    }
    struct rn_sink sink = { add_record, ad };
    int rc = rn_pipeline_extract(p, a, &sink, &err);
    if (rc == RN_OK)
        return RN_EXIT_OK;
    rn_err_prefix(&err, "%s", a->path);
    return cli_report(&err);
}

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {
        { "gold", required_argument, NULL, 'g' },
        { "pred", required_argument, NULL, 'p' },
        { "aliases", required_argument, NULL, 'a' },
        { "articles", required_argument, NULL, 'A' },
        { "strict", no_argument, NULL, 's' },
        { "show", no_argument, NULL, 'S' },
        { "format", required_argument, NULL, 'f' },
        { "repeated-lines", no_argument, NULL, 'R' },
        CLI_LEXICON_OPTIONS,
        CLI_COMMON_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    const char *gold = NULL, *pred = NULL, *aliases = NULL, *articles = NULL;
    struct cli_lexicon lx = { .n_extra = 0 };
    int repeated_lines = 0;
    int strict = 0, show = 0, json = 0, c;
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, ":g:p:a:sf:l:h", opts, NULL)) != -1) {
        int lexicon = cli_lexicon_option("eval", c, optarg, &lx);
        if (lexicon < 0)
            return RN_EXIT_USAGE;
        if (lexicon)
            continue;
        switch (c) {
        case 'g':
            gold = optarg;
            break;
        case 'p':
            pred = optarg;
            break;
        case 'a':
            aliases = optarg;
            break;
        case 'A':
            articles = optarg;
            break;
        case 's':
            strict = 1;
            break;
        case 'S':
            show = 1;
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "table") == 0)
                json = 0;
            else
                return cli_usage_error("eval", "unknown format '%s' (table or json)", optarg);
            break;
        case 'R':
            repeated_lines = 1;
            break;
        case 'h':
        case CLI_OPT_HELP:
            return cli_help(cmd_eval_usage);
        default:
            if (cli_common_option(c, optarg))
                break;
            return cli_bad_option("eval", c, argv);
        }
    }
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
        struct adder ad = { ev };
        int code = cli_for_each_article(&popt, argv + optind, (size_t)(argc - optind), eval_each,
                                        &ad);
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
