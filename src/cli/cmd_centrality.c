/* cmd_centrality.c - relnet centrality: network measures per actor. */
#include "cli.h"
#include "output.h"

#include "relnet/analysis.h"
#include "relnet/json.h"
#include "relnet/view.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char cmd_centrality_usage[] =
    "usage: relnet centrality [options] [FILES...]\n"
    "\n"
    "Rank the actors by network measures (computed with igraph). With FILES\n"
    "(CSV/TSV edge lists, as 'relnet import' reads them) the graph is built\n"
    "straight from them, without a knowledge base; otherwise it is the\n"
    "knowledge base's (--kb).\n"
    "\n"
    "The graph: records between the same (source, target), within the chosen\n"
    "relations, collapse into one edge with count = reports and weight = the\n"
    "sum of their weights (1 per report unless the CSV gives weights).\n"
    "\n"
    "measures (--measure takes a comma list of these names, or all):\n"
    "  in_degree     distinct entities acting on this one (not reports)\n"
    "  out_degree    distinct entities this one acts on (a self-loop counts once)\n"
    "  in_strength   summed weight received (= reports received when weights are 1)\n"
    "  out_strength  summed weight made\n"
    "  pagerank      directed, weight as strength, damping 0.85; sums to 1\n"
    "  betweenness   shortest paths through the actor (directed, not normalised)\n"
    "  closeness     harmonic: mean of 1/distance to every other actor along\n"
    "                outgoing paths, 0 for those out of reach (works when the\n"
    "                graph is disconnected)\n"
    "  hub           Kleinberg hub score: acts on many authorities (weighted, max 1)\n"
    "  authority     Kleinberg authority score: acted on by many hubs (weighted, max 1)\n"
    "                (hub and authority are 0 outside the graph's dominant block)\n"
    "  eigenvector   eigenvector centrality of the undirected view (max 1)\n"
    "  coreness      k-core number of the undirected view without self-loops\n"
    "  community     community number (0 = largest) from Louvain or Leiden on the\n"
    "                undirected view, A->B and B->A weights summed; seeded\n"
    "Weight is read as strength by strength, PageRank, hub/authority, eigenvector\n"
    "and communities. Betweenness and closeness count hops; with --distance\n"
    "inverse a path's length is the sum of 1/weight (strong ties are short, edges\n"
    "of weight 0 are left out). Self-loops stay in the knowledge base and count in\n"
    "degree, strength, PageRank and hub/authority; paths, coreness, eigenvector\n"
    "and communities leave them out.\n"
    "Exact betweenness and closeness cost O(nodes x edges). Above 1e8 they are\n"
    "estimated from a seeded sample of nodes (about 1e8 / edges of them) and the\n"
    "output says so: a note under the table, on stderr for csv, and the\n"
    "\"approximate\" field in json. --exact always computes them exactly.\n"
    "\n"
    "options:\n"
    "  --measure M[,M...]    measures to show (default: in_degree,out_degree,\n"
    "                        in_strength,out_strength,pagerank,betweenness,closeness,\n"
    "                        community; 'all' for every one)\n"
    "  --sort MEASURE        order by this measure, highest first (default pagerank;\n"
    "                        community sorts ascending); ties keep input order\n"
    "  --top N               show the first N actors (default 20 for table, all for\n"
    "                        csv and json; 0 = all)\n"
    "  --distance hops|inverse  path length for betweenness and closeness (default hops)\n"
    "  --community louvain|leiden  community algorithm (default louvain)\n"
    "  --seed N              seed for communities and sampling (default 42); the same\n"
    "                        seed gives the same output\n"
    "  --exact               never approximate betweenness or closeness\n"
    "  --exact-limit N       approximate them above N = nodes x edges (default 1e8)\n"
    "  --format table|csv|json  output format (default table); csv columns are\n"
    "                        entity,type, then the measures in the order listed above\n" CLI_FILTER_HELP
    "  --kb FILE             knowledge base (default: $RELNET_KB, else relnet.db)\n"
    "  --quiet               no progress bar\n"
    "  -h, --help            show this help\n"
    "\n"
    "examples:\n"
    "  relnet centrality --relation accuses --top 10\n"
    "  relnet centrality edges.csv --measure pagerank,betweenness --format csv\n";

#define DEFAULT_MEASURES                                                                      \
    ((1u << RN_M_IN_DEGREE) | (1u << RN_M_OUT_DEGREE) | (1u << RN_M_IN_STRENGTH) |            \
     (1u << RN_M_OUT_STRENGTH) | (1u << RN_M_PAGERANK) | (1u << RN_M_BETWEENNESS) |           \
     (1u << RN_M_CLOSENESS) | (1u << RN_M_COMMUNITY))

enum {
    OPT_MEASURE = CLI_OPT_FIRST_FREE,
    OPT_SORT,
    OPT_TOP,
    OPT_DISTANCE,
    OPT_COMMUNITY,
    OPT_SEED,
    OPT_EXACT,
    OPT_EXACT_LIMIT,
    OPT_FORMAT,
};

static int parse_measures(const char *list, unsigned *out)
{
    if (strcmp(list, "all") == 0) {
        *out = (1u << RN_M_COUNT) - 1;
        return 0;
    }
    *out = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        char name[32];
        if (n > 0) {
            enum rn_measure m;
            if (n >= sizeof name)
                return cli_usage_error("centrality", "unknown measure '%.*s'", (int)n, p);
            memcpy(name, p, n);
            name[n] = '\0';
            if (rn_measure_parse(name, &m) != RN_OK)
                return cli_usage_error("centrality",
                                       "unknown measure '%s' (expected in_degree, out_degree, "
                                       "in_strength, out_strength, pagerank, betweenness, "
                                       "closeness, hub, authority, eigenvector, coreness, "
                                       "community or all)",
                                       name);
            *out |= 1u << m;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    if (!*out)
        return cli_usage_error("centrality", "--measure needs at least one measure");
    return 0;
}

static int is_integer_measure(int m)
{
    return m == RN_M_IN_DEGREE || m == RN_M_OUT_DEGREE || m == RN_M_CORENESS ||
           m == RN_M_COMMUNITY;
}

/* The notes a reader must see: approximations and the partition. */
static void print_notes(FILE *out, const struct rn_centrality *c, unsigned shown)
{
    if (c->betweenness_approximate && (shown >> RN_M_BETWEENNESS & 1u))
        fprintf(out, "note: %s\n", c->betweenness_note);
    if (c->closeness_approximate && (shown >> RN_M_CLOSENESS & 1u))
        fprintf(out, "note: %s\n", c->closeness_note);
}

static int write_rows(enum cli_format fmt, const struct rn_view *view,
                      const struct rn_centrality *c, unsigned shown, const uint32_t *order,
                      size_t n)
{
    const char *headers[RN_M_COUNT + 3];
    char align[RN_M_COUNT + 4];
    size_t ncols = 0;
    int table = fmt == CLI_FORMAT_TABLE;
    if (table) {
        headers[ncols] = "#";
        align[ncols++] = 'r';
    }
    headers[ncols] = "entity";
    align[ncols++] = 'l';
    headers[ncols] = "type";
    align[ncols++] = 'l';
    for (int m = 0; m < RN_M_COUNT; m++) {
        if (shown >> m & 1u) {
            headers[ncols] = rn_measure_name((enum rn_measure)m);
            align[ncols++] = 'r';
        }
    }
    align[ncols] = '\0';
    struct cli_table *t = cli_table_new(ncols, headers, align);
    if (!t)
        return RN_ENOMEM;
    char num[RN_M_COUNT + 1][40];
    const char *cells[RN_M_COUNT + 3];
    int rc = RN_OK;
    for (size_t i = 0; i < n && rc == RN_OK; i++) {
        uint32_t node = order[i];
        size_t k = 0, nn = 0;
        if (table)
            cells[k++] = cli_table_number((double)(i + 1), 6, num[nn++], sizeof num[0]);
        cells[k++] = rn_view_node_name(view, node);
        cells[k++] = rn_etype_name((enum rn_etype)view->set->entity_type[view->node_entity[node]]);
        for (int m = 0; m < RN_M_COUNT; m++)
            if (shown >> m & 1u)
                cells[k++] = cli_table_number(c->value[m][node], table ? 6 : 10, num[nn++],
                                              sizeof num[0]);
        rc = cli_table_add(t, cells);
    }
    if (rc == RN_OK)
        rc = table ? cli_table_print(t, stdout, 0) : cli_table_write_csv(t, stdout);
    cli_table_free(t);
    return rc;
}

static struct rn_json *json_value(double v, int integer)
{
    if (!isfinite(v))
        return rn_json_string(NULL);
    return integer ? rn_json_integer((long long)v) : rn_json_number(v);
}

static int write_json(const struct rn_view *view, const struct rn_centrality *c,
                      const struct rn_centrality_options *opt, unsigned shown,
                      enum rn_measure sort, const uint32_t *order, size_t n)
{
    struct rn_json *root = rn_json_object();
    struct rn_json *measures = rn_json_array();
    struct rn_json *approx = rn_json_object();
    struct rn_json *rows = rn_json_array();
    int rc = root && measures && approx && rows ? RN_OK : RN_ENOMEM;
    for (int m = 0; rc == RN_OK && m < RN_M_COUNT; m++)
        if (shown >> m & 1u)
            rc = rn_json_append(measures, rn_json_string(rn_measure_name((enum rn_measure)m)));
    if (rc == RN_OK)
        rc = rn_json_set(root, "nodes", rn_json_integer(view->n_nodes));
    if (rc == RN_OK)
        rc = rn_json_set(root, "edges", rn_json_integer((long long)view->n_edges));
    if (rc == RN_OK)
        rc = rn_json_set(root, "measures", measures);
    measures = NULL;
    if (rc == RN_OK)
        rc = rn_json_set(root, "sort", rn_json_string(rn_measure_name(sort)));
    if (rc == RN_OK)
        rc = rn_json_set(root, "distance",
                         rn_json_string(opt->distance_inverse ? "inverse" : "hops"));
    if (rc == RN_OK && (shown >> RN_M_COMMUNITY & 1u)) {
        struct rn_json *com = rn_json_object();
        rc = com ? RN_OK : RN_ENOMEM;
        if (rc == RN_OK)
            rc = rn_json_set(com, "algorithm", rn_json_string(opt->community == RN_COMMUNITY_LEIDEN
                                                                   ? "leiden"
                                                                   : "louvain"));
        if (rc == RN_OK)
            rc = rn_json_set(com, "seed", rn_json_integer((long long)opt->seed));
        if (rc == RN_OK)
            rc = rn_json_set(com, "count", rn_json_integer(c->n_communities));
        if (rc == RN_OK)
            rc = rn_json_set(com, "modularity", json_value(c->modularity, 0));
        if (rc == RN_OK)
            rc = rn_json_set(root, "community", com);
        else
            rn_json_free(com);
    }
    /* Present only for measures that were estimated: the note says how. */
    if (rc == RN_OK && c->betweenness_approximate && (shown >> RN_M_BETWEENNESS & 1u))
        rc = rn_json_set(approx, "betweenness", rn_json_string(c->betweenness_note));
    if (rc == RN_OK && c->closeness_approximate && (shown >> RN_M_CLOSENESS & 1u))
        rc = rn_json_set(approx, "closeness", rn_json_string(c->closeness_note));
    if (rc == RN_OK)
        rc = rn_json_set(root, "approximate", approx);
    approx = NULL;
    for (size_t i = 0; rc == RN_OK && i < n; i++) {
        uint32_t node = order[i];
        struct rn_json *row = rn_json_object();
        rc = row ? RN_OK : RN_ENOMEM;
        if (rc == RN_OK)
            rc = rn_json_set(row, "rank", rn_json_integer((long long)i + 1));
        if (rc == RN_OK)
            rc = rn_json_set(row, "entity", rn_json_string(rn_view_node_name(view, node)));
        if (rc == RN_OK)
            rc = rn_json_set(row, "type", rn_json_string(rn_etype_name(
                                              (enum rn_etype)view->set
                                                  ->entity_type[view->node_entity[node]])));
        for (int m = 0; rc == RN_OK && m < RN_M_COUNT; m++)
            if (shown >> m & 1u)
                rc = rn_json_set(row, rn_measure_name((enum rn_measure)m),
                                 json_value(c->value[m][node], is_integer_measure(m)));
        if (rc == RN_OK)
            rc = rn_json_append(rows, row);
        else
            rn_json_free(row);
    }
    if (rc == RN_OK)
        rc = rn_json_set(root, "entities", rows);
    else
        rn_json_free(rows);
    if (rc == RN_OK)
        rc = rn_json_dump(stdout, root, 1);
    rn_json_free(measures);
    rn_json_free(approx);
    rn_json_free(root);
    return rc;
}

int cmd_centrality(int argc, char **argv)
{
    static const struct option options[] = {
        { "measure", required_argument, NULL, OPT_MEASURE },
        { "sort", required_argument, NULL, OPT_SORT },
        { "top", required_argument, NULL, OPT_TOP },
        { "distance", required_argument, NULL, OPT_DISTANCE },
        { "community", required_argument, NULL, OPT_COMMUNITY },
        { "seed", required_argument, NULL, OPT_SEED },
        { "exact", no_argument, NULL, OPT_EXACT },
        { "exact-limit", required_argument, NULL, OPT_EXACT_LIMIT },
        { "format", required_argument, NULL, OPT_FORMAT },
        CLI_FILTER_OPTIONS,
        CLI_COMMON_OPTIONS,
        { NULL, 0, NULL, 0 },
    };
    struct rn_centrality_options opt;
    struct cli_selection sel;
    enum cli_format fmt = CLI_FORMAT_TABLE;
    enum rn_measure sort = RN_M_PAGERANK;
    unsigned shown = DEFAULT_MEASURES;
    long top = -1;
    int c, code = RN_EXIT_OK;
    rn_centrality_options_init(&opt);
    cli_selection_init(&sel);
    cli_getopt_reset();
    while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
        int handled;
        switch (c) {
        case OPT_MEASURE:
            code = parse_measures(optarg, &shown);
            break;
        case OPT_SORT:
            if (rn_measure_parse(optarg, &sort) != RN_OK)
                code = cli_usage_error("centrality", "unknown measure '%s' for --sort", optarg);
            break;
        case OPT_TOP:
            if (cli_parse_count(optarg, &top) != 0)
                code = cli_usage_error("centrality", "--top needs a whole number >= 0, not '%s'",
                                       optarg);
            break;
        case OPT_DISTANCE:
            if (strcmp(optarg, "hops") == 0)
                opt.distance_inverse = 0;
            else if (strcmp(optarg, "inverse") == 0)
                opt.distance_inverse = 1;
            else
                code = cli_usage_error("centrality", "--distance takes hops or inverse, not '%s'",
                                       optarg);
            break;
        case OPT_COMMUNITY:
            if (strcmp(optarg, "louvain") == 0)
                opt.community = RN_COMMUNITY_LOUVAIN;
            else if (strcmp(optarg, "leiden") == 0)
                opt.community = RN_COMMUNITY_LEIDEN;
            else
                code = cli_usage_error("centrality",
                                       "--community takes louvain or leiden, not '%s'", optarg);
            break;
        case OPT_SEED: {
            char *end;
            errno = 0;
            unsigned long long s = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-')
                code = cli_usage_error("centrality", "--seed needs a whole number, not '%s'",
                                       optarg);
            opt.seed = (unsigned long)s;
            break;
        }
        case OPT_EXACT:
            opt.exact_betweenness_limit = INFINITY;
            break;
        case OPT_EXACT_LIMIT: {
            char *end;
            double limit = strtod(optarg, &end);
            if (end == optarg || *end || !(limit >= 1))
                code = cli_usage_error("centrality", "--exact-limit needs a number >= 1, not '%s'",
                                       optarg);
            opt.exact_betweenness_limit = limit;
            break;
        }
        case OPT_FORMAT:
            if (cli_format_parse("centrality", optarg, 1, &fmt) != 0)
                code = RN_EXIT_USAGE;
            break;
        case 'h':
        case CLI_OPT_HELP:
            cli_selection_release(&sel);
            return cli_help(cmd_centrality_usage);
        default:
            if (cli_common_option(c, optarg))
                break;
            handled = cli_selection_option("centrality", c, optarg, &sel);
            if (handled < 0)
                code = RN_EXIT_USAGE;
            else if (!handled)
                code = cli_bad_option("centrality", c, argv);
        }
        if (code != RN_EXIT_OK) {
            cli_selection_release(&sel);
            return code;
        }
    }
    /* The sort measure is always shown: a ranking by an invisible number
       would puzzle the reader. */
    shown |= 1u << sort;
    opt.measures = shown;
    if (top < 0)
        top = fmt == CLI_FORMAT_TABLE ? 20 : 0;

    struct rn_relset *set = NULL;
    struct rn_view *view = NULL;
    struct rn_centrality res;
    struct rn_err err = RN_ERR_INIT;
    uint32_t *order = NULL;
    int bad_rows = 0;
    memset(&res, 0, sizeof res);
    code = cli_load_view("centrality", argc - optind, argv + optind, &sel, 0, &set, &view,
                         &bad_rows);
    if (code != RN_EXIT_OK)
        goto out;
    if (rn_centrality_compute(view, &opt, &res, &err) != RN_OK) {
        code = cli_report(&err);
        goto out;
    }
    order = malloc((view->n_nodes ? view->n_nodes : 1) * sizeof *order);
    if (!order) {
        cli_errorf("out of memory");
        code = RN_EXIT_FAIL;
        goto out;
    }
    size_t n = rn_centrality_rank(&res, view, sort, (size_t)top, order);
    int rc;
    if (fmt == CLI_FORMAT_JSON) {
        rc = write_json(view, &res, &opt, shown, sort, order, n);
    } else {
        if (fmt == CLI_FORMAT_TABLE && view->n_nodes == 0)
            fprintf(stderr, "relnet centrality: no relations match the selection\n");
        rc = view->n_nodes == 0 && fmt == CLI_FORMAT_TABLE
                 ? RN_OK
                 : write_rows(fmt, view, &res, shown, order, n);
        /* CSV stays pure data: notes go to stderr. */
        print_notes(fmt == CLI_FORMAT_TABLE ? stdout : stderr, &res, shown);
        if (rc == RN_OK && fmt == CLI_FORMAT_TABLE && view->n_nodes > 0) {
            printf("%u entities, %zu edges", view->n_nodes, view->n_edges);
            if (shown >> RN_M_COMMUNITY & 1u)
                printf("; %u communities (%s, seed %lu, modularity %.3f)", res.n_communities,
                       opt.community == RN_COMMUNITY_LEIDEN ? "leiden" : "louvain", opt.seed,
                       res.modularity);
            printf("\n");
        }
    }
    code = cli_output_done(rc, bad_rows);
out:
    free(order);
    rn_centrality_release(&res);
    rn_view_free(view);
    rn_relset_free(set);
    cli_selection_release(&sel);
    return code;
}
