/* analysis.c - centrality, communities and reciprocity with igraph (see relnet/analysis.h). */
#include <igraph.h>

#include "relnet/analysis.h"

#include "relnet/graph.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const measure_names[RN_M_COUNT] = {
    "in_degree",   "out_degree", "in_strength", "out_strength", "pagerank",  "betweenness",
    "closeness",   "hub",        "authority",   "eigenvector",  "coreness",  "community",
};

const char *rn_measure_name(enum rn_measure m)
{
    return (unsigned)m < RN_M_COUNT ? measure_names[m] : "?";
}

int rn_measure_parse(const char *name, enum rn_measure *out)
{
    for (int m = 0; m < RN_M_COUNT; m++) {
        if (strcmp(name, measure_names[m]) == 0) {
            *out = (enum rn_measure)m;
            return RN_OK;
        }
    }
    return RN_EUSAGE;
}

int rn_analysis_setup(unsigned long seed, struct rn_err *err)
{
    return rn_graph_setup(seed, err);
}

void rn_centrality_options_init(struct rn_centrality_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->community = RN_COMMUNITY_LOUVAIN;
    opt->seed = RN_DEFAULT_SEED;
}

void rn_centrality_release(struct rn_centrality *c)
{
    if (!c)
        return;
    for (int m = 0; m < RN_M_COUNT; m++) {
        free(c->value[m]);
        c->value[m] = NULL;
    }
    c->n_nodes = 0;
}

#define WANT(opt, m) (((opt)->measures >> (m)) & 1u)

/* Copy an igraph vector into our array. */
static void copy_vector(double *dst, const igraph_vector_t *src)
{
    igraph_integer_t n = igraph_vector_size(src);
    for (igraph_integer_t i = 0; i < n; i++)
        dst[i] = VECTOR(*src)[i];
}

/* Degree and strength need no igraph: one pass over the collapsed edges
   (the same numbers igraph_degree/igraph_strength give with loops counted,
   which tests/test_analysis.c checks). */
static void degrees(const struct rn_view *v, struct rn_centrality *c)
{
    for (size_t e = 0; e < v->n_edges; e++) {
        uint32_t f = v->from[e], t = v->to[e];
        if (c->value[RN_M_OUT_DEGREE])
            c->value[RN_M_OUT_DEGREE][f] += 1;
        if (c->value[RN_M_IN_DEGREE])
            c->value[RN_M_IN_DEGREE][t] += 1;
        if (c->value[RN_M_OUT_STRENGTH])
            c->value[RN_M_OUT_STRENGTH][f] += v->weight[e];
        if (c->value[RN_M_IN_STRENGTH])
            c->value[RN_M_IN_STRENGTH][t] += v->weight[e];
    }
}

/* --- seeded sampling for the approximations -------------------------------- */

/* splitmix64: small, and the same sequence on every platform, so a sample
   depends on the seed alone (not on igraph's RNG state). */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int cmp_int(const void *a, const void *b)
{
    igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
    return (x > y) - (x < y);
}

/* k distinct nodes of n, chosen with seed, ascending, into sample (resized). */
static int sample_nodes(igraph_integer_t n, igraph_integer_t k, unsigned long seed,
                        igraph_vector_int_t *sample)
{
    if (igraph_vector_int_resize(sample, n) != IGRAPH_SUCCESS)
        return RN_ENOMEM;
    for (igraph_integer_t i = 0; i < n; i++)
        VECTOR(*sample)[i] = i;
    uint64_t state = seed;
    /* partial Fisher-Yates: the first k slots become a uniform sample */
    for (igraph_integer_t i = 0; i < k; i++) {
        igraph_integer_t j = i + (igraph_integer_t)(next_random(&state) % (uint64_t)(n - i));
        igraph_integer_t t = VECTOR(*sample)[i];
        VECTOR(*sample)[i] = VECTOR(*sample)[j];
        VECTOR(*sample)[j] = t;
    }
    igraph_vector_int_resize(sample, k); /* shrinking never fails */
    qsort(VECTOR(*sample), (size_t)k, sizeof(igraph_integer_t), cmp_int);
    return RN_OK;
}

/* How many sample nodes keep the work near the limit; n when exact. */
static igraph_integer_t sample_size(const struct rn_centrality_options *opt, igraph_integer_t n,
                                    igraph_integer_t m)
{
    double limit = opt->exact_betweenness_limit > 0 ? opt->exact_betweenness_limit
                                                    : RN_EXACT_PATHS_LIMIT;
    if ((double)n * (double)(m > 0 ? m : 1) <= limit)
        return n;
    double k = ceil(limit / (double)(m > 0 ? m : 1));
    if (k < 2)
        k = 2;
    return k >= (double)n ? n : (igraph_integer_t)k;
}

/* --- path measures ---------------------------------------------------------- */

static int betweenness(const igraph_t *g, const igraph_vector_t *w,
                       const struct rn_centrality_options *opt, struct rn_centrality *c,
                       struct rn_err *err)
{
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    igraph_integer_t k = sample_size(opt, n, m);
    igraph_vector_t res;
    igraph_vector_int_t src;
    int rc = RN_OK;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (igraph_vector_int_init(&src, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&res);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    igraph_error_t ig;
    if (k == n) {
        ig = igraph_betweenness(g, &res, igraph_vss_all(), IGRAPH_DIRECTED, w);
    } else {
        rc = sample_nodes(n, k, opt->seed, &src);
        if (rc != RN_OK)
            goto out;
        /* Brandes and Pich (2007): dependencies accumulated from a uniform
           sample of sources, scaled by n/k, estimate betweenness without
           bias. */
        ig = igraph_betweenness_subset(g, &res, igraph_vss_all(), IGRAPH_DIRECTED,
                                       igraph_vss_vector(&src), igraph_vss_all(), w);
        if (ig == IGRAPH_SUCCESS)
            igraph_vector_scale(&res, (double)n / (double)k);
        c->betweenness_approximate = 1;
        snprintf(c->betweenness_note, sizeof c->betweenness_note,
                 "betweenness is approximate: estimated from shortest paths out of %" IGRAPH_PRId
                 " of %" IGRAPH_PRId " nodes sampled with seed %lu, scaled by %.1f",
                 k, n, opt->seed, (double)n / (double)k);
    }
    if (ig != IGRAPH_SUCCESS) {
        rc = rn_graph_fail(err, ig, "betweenness");
        goto out;
    }
    copy_vector(c->value[RN_M_BETWEENNESS], &res);
out:
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&src);
    return rc;
}

/* Harmonic closeness estimated from a sample of targets: one search per
   target along incoming edges gives every node's distance to it, searches
   run a batch of targets at a time (one matrix row each, ~64 MB at most).
   Counting hops, the first step is exact: a node's out-neighbours each add
   1, and the sample estimates only the nodes two or more steps away, so a
   node that reaches a few others never rounds to 0. With 1/weight lengths
   the plain sample mean is used. */
static int closeness_sampled(const igraph_t *g, const igraph_vector_t *w, igraph_integer_t k,
                             const struct rn_centrality_options *opt, double *out,
                             struct rn_err *err)
{
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_int_t tgt, deg;
    igraph_matrix_t dist;
    uint32_t *near = calloc((size_t)n, sizeof *near); /* sampled targets at 1 hop, or v itself */
    int rc = RN_OK;
    int tgt_ok = igraph_vector_int_init(&tgt, 0) == IGRAPH_SUCCESS;
    int deg_ok = igraph_vector_int_init(&deg, 0) == IGRAPH_SUCCESS;
    int dist_ok = igraph_matrix_init(&dist, 0, 0) == IGRAPH_SUCCESS;
    if (!near || !tgt_ok || !deg_ok || !dist_ok) {
        rc = rn_fail(err, RN_ENOMEM, "out of memory");
        goto out;
    }
    /* A different stream from betweenness's sample. */
    rc = sample_nodes(n, k, opt->seed ^ 0x5bd1e995ul, &tgt);
    if (rc != RN_OK) {
        rn_fail(err, rc, "out of memory");
        goto out;
    }
    igraph_error_t ig = w ? IGRAPH_SUCCESS
                          : igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_OUT, IGRAPH_NO_LOOPS);
    if (ig != IGRAPH_SUCCESS) {
        rc = rn_graph_fail(err, ig, "closeness");
        goto out;
    }
    for (igraph_integer_t i = 0; i < n; i++)
        out[i] = 0;
    igraph_integer_t batch = (igraph_integer_t)(8e6 / (double)n);
    batch = batch < 1 ? 1 : batch > k ? k : batch;
    for (igraph_integer_t s = 0; s < k; s += batch) {
        igraph_integer_t len = s + batch > k ? k - s : batch;
        igraph_vector_int_t part;
        igraph_vector_int_view(&part, VECTOR(tgt) + s, len);
        ig = w ? igraph_distances_dijkstra(g, &dist, igraph_vss_vector(&part), igraph_vss_all(), w,
                                           IGRAPH_IN)
               : igraph_distances(g, &dist, igraph_vss_vector(&part), igraph_vss_all(), IGRAPH_IN);
        if (ig != IGRAPH_SUCCESS) {
            rc = rn_graph_fail(err, ig, "closeness");
            goto out;
        }
        for (igraph_integer_t r = 0; r < len; r++) {
            igraph_integer_t t = VECTOR(part)[r];
            for (igraph_integer_t v = 0; v < n; v++) {
                double d = MATRIX(dist, r, v);
                if (v == t || (!w && d == 1))
                    near[v]++;
                else if (isfinite(d) && d > 0)
                    out[v] += 1.0 / d;
            }
        }
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        /* Sampled targets that say something about the far nodes. */
        double seen = (double)(k - (igraph_integer_t)near[v]);
        double far = seen > 0 ? out[v] / seen : 0; /* mean of 1/d over far nodes */
        if (w) {
            out[v] = far;
        } else {
            double d1 = (double)VECTOR(deg)[v];
            out[v] = n > 1 ? (d1 + far * ((double)(n - 1) - d1)) / (double)(n - 1) : 0;
        }
    }
out:
    free(near);
    if (tgt_ok)
        igraph_vector_int_destroy(&tgt);
    if (deg_ok)
        igraph_vector_int_destroy(&deg);
    if (dist_ok)
        igraph_matrix_destroy(&dist);
    return rc;
}

static int closeness(const igraph_t *g, const igraph_vector_t *w,
                     const struct rn_centrality_options *opt, struct rn_centrality *c,
                     struct rn_err *err)
{
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    igraph_integer_t k = sample_size(opt, n, m);
    if (k < n) {
        c->closeness_approximate = 1;
        snprintf(c->closeness_note, sizeof c->closeness_note,
                 "closeness is approximate: mean of 1/distance to %" IGRAPH_PRId " of %" IGRAPH_PRId
                 " nodes sampled with seed %lu%s",
                 k, n, opt->seed, w ? "" : " (direct neighbours counted exactly)");
        return closeness_sampled(g, w, k, opt, c->value[RN_M_CLOSENESS], err);
    }
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    igraph_error_t ig = igraph_harmonic_centrality(g, &res, igraph_vss_all(), IGRAPH_OUT, w,
                                                   /*normalized=*/1);
    int rc = RN_OK;
    if (ig != IGRAPH_SUCCESS)
        rc = rn_graph_fail(err, ig, "closeness");
    else
        copy_vector(c->value[RN_M_CLOSENESS], &res);
    igraph_vector_destroy(&res);
    return rc;
}

/* --- strength-type measures on the directed graph --------------------------- */

static int directed_measures(const igraph_t *g, const igraph_vector_t *w,
                             const struct rn_centrality_options *opt, struct rn_centrality *c,
                             struct rn_err *err)
{
    igraph_vector_t a, b;
    int rc = RN_OK;
    if (igraph_vector_init(&a, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (igraph_vector_init(&b, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&a);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    if (WANT(opt, RN_M_PAGERANK)) {
        igraph_error_t ig = igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &a, NULL,
                                            igraph_vss_all(), IGRAPH_DIRECTED, 0.85, w, NULL);
        if (ig != IGRAPH_SUCCESS) {
            rc = rn_graph_fail(err, ig, "pagerank");
            goto out;
        }
        copy_vector(c->value[RN_M_PAGERANK], &a);
    }
    if (WANT(opt, RN_M_HUB) || WANT(opt, RN_M_AUTHORITY)) {
        /* Without edges igraph has no dominant eigenvector to find; every
           score is 0 then (the arrays are zeroed already). */
        if (igraph_ecount(g) > 0) {
            igraph_error_t ig =
                igraph_hub_and_authority_scores(g, &a, &b, NULL, /*scale=*/1, w, NULL);
            if (ig != IGRAPH_SUCCESS) {
                rc = rn_graph_fail(err, ig, "hub and authority scores");
                goto out;
            }
            if (c->value[RN_M_HUB])
                copy_vector(c->value[RN_M_HUB], &a);
            if (c->value[RN_M_AUTHORITY])
                copy_vector(c->value[RN_M_AUTHORITY], &b);
        }
    }
out:
    igraph_vector_destroy(&a);
    igraph_vector_destroy(&b);
    return rc;
}

/* --- measures on the undirected view ----------------------------------------- */

struct community_key {
    igraph_integer_t size, first, id;
};

static int cmp_community(const void *a, const void *b)
{
    const struct community_key *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Number communities by size (largest 0), ties by the lowest node in them,
   so the numbering does not depend on igraph's internal order. */
static int renumber_communities(igraph_vector_int_t *memb, struct rn_centrality *c)
{
    igraph_integer_t n = igraph_vector_int_size(memb);
    igraph_integer_t k = n ? igraph_vector_int_max(memb) + 1 : 0;
    struct community_key *key = calloc((size_t)(k ? k : 1), sizeof *key);
    igraph_integer_t *rank = malloc((size_t)(k ? k : 1) * sizeof *rank);
    if (!key || !rank) {
        free(key);
        free(rank);
        return RN_ENOMEM;
    }
    for (igraph_integer_t i = 0; i < k; i++) {
        key[i].id = i;
        key[i].first = n;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        struct community_key *ck = &key[VECTOR(*memb)[v]];
        if (ck->size++ == 0)
            ck->first = v;
    }
    qsort(key, (size_t)k, sizeof *key, cmp_community);
    for (igraph_integer_t i = 0; i < k; i++)
        rank[key[i].id] = i;
    for (igraph_integer_t v = 0; v < n; v++) {
        VECTOR(*memb)[v] = rank[VECTOR(*memb)[v]];
        c->value[RN_M_COMMUNITY][v] = (double)VECTOR(*memb)[v];
    }
    c->n_communities = (uint32_t)k;
    free(key);
    free(rank);
    return RN_OK;
}

static int communities(const igraph_t *u, const igraph_vector_t *uw,
                       const struct rn_centrality_options *opt, struct rn_centrality *c,
                       struct rn_err *err)
{
    igraph_vector_int_t memb;
    igraph_vector_t nw;
    int rc = RN_OK;
    igraph_error_t ig;
    const char *what = opt->community == RN_COMMUNITY_LEIDEN ? "leiden communities"
                                                             : "louvain communities";
    /* With no weight at all (every weight 0) modularity is undefined:
       fall back to counting edges. */
    double total = igraph_vector_sum(uw);
    const igraph_vector_t *w = total > 0 ? uw : NULL;
    if (igraph_vector_int_init(&memb, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (igraph_vector_init(&nw, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&memb);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    if (!w)
        total = (double)igraph_ecount(u);
    /* Both algorithms visit nodes in random order: seed right before, so
       the partition depends on the seed alone. */
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opt->seed);
    if (igraph_ecount(u) == 0) {
        /* every node alone; igraph's Leiden divides by the total weight */
        ig = igraph_vector_int_resize(&memb, igraph_vcount(u));
        for (igraph_integer_t v = 0; ig == IGRAPH_SUCCESS && v < igraph_vcount(u); v++)
            VECTOR(memb)[v] = v;
    } else if (opt->community == RN_COMMUNITY_LEIDEN) {
        /* Leiden optimises CPM unless given node weights = strength and
           resolution 1/(2m): then it optimises modularity, like Louvain
           (apis.md 1.5). */
        ig = igraph_strength(u, &nw, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w);
        if (ig == IGRAPH_SUCCESS)
            ig = igraph_community_leiden(u, w, &nw, 1.0 / (2.0 * total), /*beta=*/0.01,
                                         /*start=*/0, /*n_iterations=*/-1, &memb, NULL, NULL);
    } else {
        ig = igraph_community_multilevel(u, w, /*resolution=*/1.0, &memb, NULL, NULL);
    }
    if (ig != IGRAPH_SUCCESS) {
        rc = rn_graph_fail(err, ig, what);
        goto out;
    }
    rc = renumber_communities(&memb, c);
    if (rc != RN_OK) {
        rn_fail(err, rc, "out of memory");
        goto out;
    }
    c->modularity = 0;
    if (igraph_ecount(u) > 0) {
        ig = igraph_modularity(u, &memb, w, 1.0, IGRAPH_UNDIRECTED, &c->modularity);
        if (ig != IGRAPH_SUCCESS)
            rc = rn_graph_fail(err, ig, "modularity");
    }
out:
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&nw);
    return rc;
}

static int undirected_measures(const igraph_t *u, const igraph_vector_t *uw,
                               const struct rn_centrality_options *opt, struct rn_centrality *c,
                               struct rn_err *err)
{
    igraph_vector_t a;
    igraph_vector_int_t cores;
    int rc = RN_OK;
    igraph_error_t ig;
    if (igraph_vector_init(&a, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    if (igraph_vector_int_init(&cores, 0) != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&a);
        return rn_fail(err, RN_ENOMEM, "out of memory");
    }
    if (WANT(opt, RN_M_EIGENVECTOR) && igraph_ecount(u) > 0) {
        /* Weights must be positive for the eigenvector; zero-weight edges
           simply add nothing, but an all-zero graph has no eigenvector to
           scale: leave the zeros then. */
        if (igraph_vector_sum(uw) > 0) {
            ig = igraph_eigenvector_centrality(u, &a, NULL, IGRAPH_UNDIRECTED, /*scale=*/1, uw,
                                               NULL);
            if (ig != IGRAPH_SUCCESS) {
                rc = rn_graph_fail(err, ig, "eigenvector centrality");
                goto out;
            }
            copy_vector(c->value[RN_M_EIGENVECTOR], &a);
        }
    }
    if (WANT(opt, RN_M_CORENESS)) {
        ig = igraph_coreness(u, &cores, IGRAPH_ALL);
        if (ig != IGRAPH_SUCCESS) {
            rc = rn_graph_fail(err, ig, "coreness");
            goto out;
        }
        for (igraph_integer_t v = 0; v < igraph_vector_int_size(&cores); v++)
            c->value[RN_M_CORENESS][v] = (double)VECTOR(cores)[v];
    }
    if (WANT(opt, RN_M_COMMUNITY))
        rc = communities(u, uw, opt, c, err);
out:
    igraph_vector_destroy(&a);
    igraph_vector_int_destroy(&cores);
    return rc;
}

/* --- the entry point ----------------------------------------------------------- */

/* Build the graph of kind, run fn on it, free it; the last graph (last)
   tells the caller the edges are read no more. The directed graph's
   weights are the view's own (no copy of a column as long as the edges). */
static int with_graph(const struct rn_view *view, enum rn_graph_kind kind, int inverse, int last,
                      int (*fn)(const igraph_t *, const igraph_vector_t *,
                                const struct rn_centrality_options *, struct rn_centrality *,
                                struct rn_err *),
                      const struct rn_centrality_options *opt, struct rn_centrality *c,
                      struct rn_err *err)
{
    igraph_t g;
    igraph_vector_t w, shown;
    int borrowed = kind == RN_GRAPH_DIRECTED;
    if (!borrowed && igraph_vector_init(&w, 0) != IGRAPH_SUCCESS)
        return rn_fail(err, RN_ENOMEM, "out of memory");
    int rc = rn_graph_build(view, kind, inverse, &g, borrowed ? NULL : &w, err);
    if (rc == RN_OK && last && opt->edges_done)
        opt->edges_done(opt->edges_done_ctx);
    if (rc == RN_OK) {
        const igraph_vector_t *weights;
        if (borrowed)
            weights = rn_graph_view_weights(view, &shown);
        else
            weights = igraph_vector_size(&w) || kind != RN_GRAPH_PATHS || inverse ? &w : NULL;
        rc = fn(&g, weights, opt, c, err);
        igraph_destroy(&g);
    }
    if (!borrowed)
        igraph_vector_destroy(&w);
    return rc;
}

static int path_measures(const igraph_t *g, const igraph_vector_t *w,
                         const struct rn_centrality_options *opt, struct rn_centrality *c,
                         struct rn_err *err)
{
    int rc = RN_OK;
    if (WANT(opt, RN_M_BETWEENNESS))
        rc = betweenness(g, w, opt, c, err);
    if (rc == RN_OK && WANT(opt, RN_M_CLOSENESS))
        rc = closeness(g, w, opt, c, err);
    return rc;
}

int rn_centrality_compute(const struct rn_view *view, const struct rn_centrality_options *opt,
                          struct rn_centrality *out, struct rn_err *err)
{
    memset(out, 0, sizeof *out);
    if (opt->measures >> RN_M_COUNT)
        return rn_fail(err, RN_EUSAGE, "unknown centrality measure requested");
    uint32_t n = view->n_nodes;
    for (size_t e = 0; e < view->n_edges; e++) {
        double w = view->weight[e];
        if (!isfinite(w) || w < 0)
            return rn_fail(err, RN_EINPUT,
                           "edge %s -> %s has weight %g; weights must be finite and >= 0",
                           rn_view_node_name(view, view->from[e]),
                           rn_view_node_name(view, view->to[e]), w);
    }
    out->n_nodes = n;
    for (int m = 0; m < RN_M_COUNT; m++) {
        if (!WANT(opt, m))
            continue;
        out->value[m] = calloc(n ? n : 1, sizeof(double));
        if (!out->value[m]) {
            rn_centrality_release(out);
            return rn_fail(err, RN_ENOMEM, "out of memory");
        }
    }
    degrees(view, out);
    int directed = WANT(opt, RN_M_PAGERANK) || WANT(opt, RN_M_HUB) || WANT(opt, RN_M_AUTHORITY);
    int paths = WANT(opt, RN_M_BETWEENNESS) || WANT(opt, RN_M_CLOSENESS);
    int undirected =
        WANT(opt, RN_M_EIGENVECTOR) || WANT(opt, RN_M_CORENESS) || WANT(opt, RN_M_COMMUNITY);
    if (n == 0 || !(directed || paths || undirected)) {
        if (opt->edges_done)
            opt->edges_done(opt->edges_done_ctx);
        return RN_OK;
    }
    rn_graph_clear_error();
    int rc = RN_OK;
    if (directed)
        rc = with_graph(view, RN_GRAPH_DIRECTED, 0, !paths && !undirected, directed_measures, opt,
                        out, err);
    if (rc == RN_OK && paths)
        rc = with_graph(view, RN_GRAPH_PATHS, opt->distance_inverse, !undirected, path_measures,
                        opt, out, err);
    if (rc == RN_OK && undirected)
        rc = with_graph(view, RN_GRAPH_UNDIRECTED, 0, 1, undirected_measures, opt, out, err);
    return rc;
}

/* --- ranking ------------------------------------------------------------------- */

struct rank_ctx {
    const double *v;
    const struct rn_view *view; /* may be NULL */
    int ascending;
};

/* Does node a rank before node b? Ties by name, then node index. */
static int before(const struct rank_ctx *x, uint32_t a, uint32_t b)
{
    const double *v = x->v;
    if (v[a] != v[b])
        return x->ascending ? v[a] < v[b] : v[a] > v[b];
    if (x->view) {
        int c = strcmp(rn_view_node_name(x->view, a), rn_view_node_name(x->view, b));
        if (c)
            return c < 0;
    }
    return a < b;
}

/* Sift down in a heap whose root is the WORST of the kept nodes. */
static void sift_down(uint32_t *h, size_t n, size_t i, const struct rank_ctx *x)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, worst = i;
        if (l < n && before(x, h[worst], h[l]))
            worst = l;
        if (r < n && before(x, h[worst], h[r]))
            worst = r;
        if (worst == i)
            return;
        uint32_t t = h[i];
        h[i] = h[worst];
        h[worst] = t;
        i = worst;
    }
}

size_t rn_centrality_rank(const struct rn_centrality *c, const struct rn_view *view,
                          enum rn_measure m, size_t top, uint32_t *order)
{
    struct rank_ctx x = { c->value[m], view, m == RN_M_COMMUNITY };
    uint32_t n = c->n_nodes;
    if (!x.v || n == 0)
        return 0;
    size_t k = top == 0 || top > n ? n : top;
    /* Keep the best k in a heap rooted at the worst of them, then sort the
       heap in place: O(n log k). */
    for (uint32_t i = 0; i < n; i++) {
        if (i < k) {
            order[i] = i;
            for (size_t j = i; j > 0;) {
                size_t p = (j - 1) / 2;
                if (!before(&x, order[p], order[j]))
                    break;
                uint32_t t = order[p];
                order[p] = order[j];
                order[j] = t;
                j = p;
            }
        } else if (before(&x, i, order[0])) {
            order[0] = i;
            sift_down(order, k, 0, &x);
        }
    }
    for (size_t end = k; end > 1; end--) {
        uint32_t t = order[0];
        order[0] = order[end - 1];
        order[end - 1] = t;
        sift_down(order, end - 1, 0, &x);
    }
    return k;
}

/* --- reciprocity ---------------------------------------------------------------- */

int rn_reciprocity(const struct rn_view *view, double *out, struct rn_err *err)
{
    igraph_t g;
    *out = 0;
    if (view->n_edges == 0)
        return RN_OK;
    rn_graph_clear_error();
    int rc = rn_graph_build(view, RN_GRAPH_DIRECTED, 0, &g, NULL, err); /* unweighted */
    if (rc == RN_OK) {
        igraph_error_t ig = igraph_reciprocity(&g, out, /*ignore_loops=*/1,
                                               IGRAPH_RECIPROCITY_DEFAULT);
        if (ig != IGRAPH_SUCCESS)
            rc = rn_graph_fail(err, ig, "reciprocity");
        igraph_destroy(&g);
    }
    return rc;
}
