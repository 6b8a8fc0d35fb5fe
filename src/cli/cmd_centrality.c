/* cmd_centrality.c - relnet centrality: network measures per actor. */
#include "cli.h"
#include "output.h"

#include "relnet/analysis.h"
#include "relnet/graph.h"
#include "relnet/json.h"
#include "relnet/view.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct cli_spec centrality_spec = {
    .name = "centrality",
    .head =
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
    "\"approximate\" field in json. --exact always computes them exactly.\n",
    .tail =
    "examples:\n"
    "  relnet centrality --relation accuses --top 10\n"
    "  relnet centrality edges.csv --measure pagerank,betweenness --format csv\n",
};

#define DEFAULT_MEASURES                                                                      \
    ((1u << RN_M_IN_DEGREE) | (1u << RN_M_OUT_DEGREE) | (1u << RN_M_IN_STRENGTH) |            \
     (1u << RN_M_OUT_STRENGTH) | (1u << RN_M_PAGERANK) | (1u << RN_M_BETWEENNESS) |           \
     (1u << RN_M_CLOSENESS) | (1u << RN_M_COMMUNITY))

static int set_measures(void *dest, const char *list, struct rn_err *err)
{
    unsigned *out = dest;
    if (strcmp(list, "all") == 0) {
        *out = (1u << RN_M_COUNT) - 1;
        return RN_OK;
    }
    *out = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        char name[32];
        if (n > 0) {
            enum rn_measure m;
            if (n >= sizeof name)
                return rn_fail(err, RN_EUSAGE, "unknown measure '%.*s'", (int)n, p);
            memcpy(name, p, n);
            name[n] = '\0';
            if (rn_measure_parse(name, &m) != RN_OK)
                return rn_fail(err, RN_EUSAGE,
                               "unknown measure '%s' (expected in_degree, out_degree, "
                               "in_strength, out_strength, pagerank, betweenness, closeness, "
                               "hub, authority, eigenvector, coreness, community or all)",
                               name);
            *out |= 1u << m;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    if (!*out)
        return rn_fail(err, RN_EUSAGE, "--measure needs at least one measure");
    return RN_OK;
}

static int set_sort(void *dest, const char *arg, struct rn_err *err)
{
    if (rn_measure_parse(arg, dest) != RN_OK)
        return rn_fail(err, RN_EUSAGE, "unknown measure '%s' for --sort", arg);
    return RN_OK;
}

static int set_seed(void *dest, const char *arg, struct rn_err *err)
{
    char *end;
    errno = 0;
    unsigned long long s = strtoull(arg, &end, 10);
    if (errno || end == arg || *end || arg[0] == '-' || s > ULONG_MAX)
        return rn_fail(err, RN_EUSAGE, "--seed needs a whole number, not '%s'", arg);
    *(unsigned long *)dest = (unsigned long)s;
    return RN_OK;
}

static int set_exact_limit(void *dest, const char *arg, struct rn_err *err)
{
    char *end;
    double limit = strtod(arg, &end);
    if (end == arg || *end || !(limit >= 1))
        return rn_fail(err, RN_EUSAGE, "--exact-limit needs a number >= 1, not '%s'", arg);
    *(double *)dest = limit;
    return RN_OK;
}

static const struct cli_choice distances[] = { { "hops", 0 }, { "inverse", 1 }, { NULL, 0 } };
static const struct cli_choice communities[] = {
    { "louvain", RN_COMMUNITY_LOUVAIN }, { "leiden", RN_COMMUNITY_LEIDEN }, { NULL, 0 },
};

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
    return integer ? rn_json_integer((long long)v) : rn_json_number(cli_clean_number(v));
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

static void drop_edges(void *view)
{
    rn_view_drop_edges(view);
}

int cmd_centrality(int argc, char **argv)
{
    struct rn_centrality_options opt;
    struct cli_selection sel;
    int fmt = CLI_FORMAT_TABLE, community = RN_COMMUNITY_LOUVAIN, exact = 0;
    enum rn_measure sort = RN_M_PAGERANK;
    unsigned shown = DEFAULT_MEASURES;
    long top = -1;
    rn_centrality_options_init(&opt);
    cli_selection_init(&sel, NULL, NULL);
    const struct cli_option options[] = {
        CLI_CALLBACK("measure", 0, "M[,M...]", &shown, set_measures,
                     "in_degree,out_degree,in_strength,out_strength,pagerank,betweenness,"
                     "closeness,community",
                     "measures to show ('all' for every one)"),
        CLI_CHOICE("distance", 0, &opt.distance_inverse, distances, "hops",
                   "path length for betweenness and closeness"),
        CLI_CHOICE("community", 0, &community, communities, "louvain", "community algorithm"),
        CLI_CALLBACK("seed", 0, "N", &opt.seed, set_seed, RN_DEFAULT_SEED_TEXT,
                     "seed for communities and sampling; the same seed gives the same output"),
        CLI_FLAG("exact", 0, &exact, "never approximate betweenness or closeness"),
        CLI_CALLBACK("exact-limit", 0, "N", &opt.exact_betweenness_limit, set_exact_limit, "1e8",
                     "approximate them above N = nodes x edges"),
        CLI_SECTION(CLI_GROUP_OUTPUT),
        CLI_CALLBACK("sort", 0, "MEASURE", &sort, set_sort, "pagerank",
                     "order by this measure, highest first (community sorts ascending); ties "
                     "keep input order"),
        CLI_COUNT("top", 0, "N", &top, 0, LONG_MAX, "20 for table, all for csv and json",
                  "show the first N actors (0 = all)"),
        CLI_CHOICE("format", 0, &fmt, cli_formats, "table",
                   "output format; csv columns are entity,type, then the measures in the order "
                   "listed above"),
        CLI_END,
    };
    int code = cli_parse_filtered(&centrality_spec, options, argc, argv, &sel);
    if (code != CLI_GO_ON)
        return code;
    opt.community = (enum rn_community_algo)community;
    if (exact)
        opt.exact_betweenness_limit = INFINITY;
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
    code = cli_load_view("centrality", argc - optind, argv + optind, &sel, CLI_COLUMNS_GRAPH, &set, &view,
                         &bad_rows);
    if (code != RN_EXIT_OK)
        goto out;
    /* Only the nodes' names and the edge count are shown: the edges can go
       once the graphs are built, before PageRank allocates its own. */
    opt.edges_done = drop_edges;
    opt.edges_done_ctx = view;
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
    cli_relations_free(set);
    cli_selection_release(&sel);
    return code;
}
