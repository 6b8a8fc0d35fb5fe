/* test_analysis.c - centrality, communities and reciprocity against igraph
 * itself and against values worked out by hand.
 *
 * The expected values come from igraph functions run on graphs this file
 * builds on its own (a multigraph with one edge per record, simplified by
 * igraph), so a mistake in how relnet collapses, orients or weights the
 * view shows up as a mismatch.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <igraph.h>

#include "relnet/analysis.h"
#include "relnet/lib.h"
#include "relnet/relset.h"
#include "relnet/view.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ALL_MEASURES ((1u << RN_M_COUNT) - 1)

struct edge {
    const char *s, *t;
    double w;
};

/* A relset of the edges (one record each) and its view. */
static struct rn_view *make_view(const struct edge *e, size_t n, struct rn_relset **set)
{
    *set = rn_relset_new(NULL);
    assert_non_null(*set);
    for (size_t i = 0; i < n; i++) {
        struct rn_record r;
        rn_record_init(&r);
        r.source = e[i].s;
        r.target = e[i].t;
        r.relation = "accuses";
        r.weight = e[i].w;
        assert_int_equal(rn_relset_add(*set, &r, NULL), RN_OK);
    }
    struct rn_view *v;
    assert_int_equal(rn_view_build(*set, NULL, &v, NULL), RN_OK);
    return v;
}

static uint32_t node_of(const struct rn_view *v, const char *name)
{
    for (uint32_t i = 0; i < v->n_nodes; i++)
        if (strcmp(rn_view_node_name(v, i), name) == 0)
            return i;
    fail_msg("no node %s", name);
    return 0;
}

/* The independent graph: one igraph edge per record (parallel edges and
   loops kept), vertex ids = view node ids found by name. */
static void make_igraph(const struct rn_view *v, const struct edge *e, size_t n, igraph_t *g,
                        igraph_vector_t *w)
{
    igraph_vector_int_t ev;
    assert_int_equal(igraph_vector_int_init(&ev, 2 * (igraph_integer_t)n), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_init(w, (igraph_integer_t)n), IGRAPH_SUCCESS);
    for (size_t i = 0; i < n; i++) {
        VECTOR(ev)[2 * i] = node_of(v, e[i].s);
        VECTOR(ev)[2 * i + 1] = node_of(v, e[i].t);
        VECTOR(*w)[i] = e[i].w;
    }
    assert_int_equal(igraph_create(g, &ev, v->n_nodes, IGRAPH_DIRECTED), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&ev);
}

/* The same graph simplified by igraph: parallel edges merged with weights
   summed, loops removed. */
static void simplify(igraph_t *g, igraph_vector_t *w)
{
    igraph_attribute_combination_t comb;
    assert_int_equal(SETEANV(g, "w", w), IGRAPH_SUCCESS);
    assert_int_equal(igraph_attribute_combination(&comb, "w", IGRAPH_ATTRIBUTE_COMBINE_SUM, "",
                                                  IGRAPH_ATTRIBUTE_COMBINE_IGNORE,
                                                  IGRAPH_NO_MORE_ATTRIBUTES),
                     IGRAPH_SUCCESS);
    assert_int_equal(igraph_simplify(g, 1, 1, &comb), IGRAPH_SUCCESS);
    igraph_attribute_combination_destroy(&comb);
    assert_int_equal(EANV(g, "w", w), IGRAPH_SUCCESS);
}

static void assert_close(double got, double want, const char *what, uint32_t node)
{
    if (fabs(got - want) > 1e-9 * (1 + fabs(want)))
        fail_msg("%s of node %u: got %.12g, igraph says %.12g", what, node, got, want);
}

static void assert_vector(const double *got, const igraph_vector_t *want, const char *what)
{
    for (igraph_integer_t i = 0; i < igraph_vector_size(want); i++)
        assert_close(got[i], VECTOR(*want)[i], what, (uint32_t)i);
}

static void compute(const struct rn_view *v, unsigned measures, int inverse,
                    struct rn_centrality *c)
{
    struct rn_centrality_options opt;
    struct rn_err err = RN_ERR_INIT;
    rn_centrality_options_init(&opt);
    opt.measures = measures;
    opt.distance_inverse = inverse;
    int rc = rn_centrality_compute(v, &opt, c, &err);
    if (rc != RN_OK)
        fail_msg("rn_centrality_compute: %s", err.msg);
}

/* Directed, weighted, with parallel edges, a self-loop and two components. */
static const struct edge mixed[] = {
    { "China", "USA", 1 },      { "China", "USA", 2 },       { "USA", "China", 1 },
    { "USA", "Huawei", 3 },     { "UK", "Huawei", 1 },       { "Australia", "Huawei", 0.5 },
    { "Huawei", "UK", 1 },      { "China", "Australia", 2 }, { "China", "China", 1 },
    { "Australia", "UK", 1 },   { "India", "TikTok", 1 },    { "India", "TikTok", 1 },
    { "TikTok", "ByteDance", 2 }, { "ByteDance", "TikTok", 1 },
};
#define NMIXED (sizeof mixed / sizeof mixed[0])

static void test_matches_igraph_on_mixed_graph(void **state)
{
    (void)state;
    struct rn_relset *set;
    struct rn_view *v = make_view(mixed, NMIXED, &set);
    struct rn_centrality c;
    compute(v, ALL_MEASURES, 0, &c);
    assert_int_equal(c.n_nodes, 8);
    assert_int_equal(c.betweenness_approximate, 0);
    assert_int_equal(c.closeness_approximate, 0);

    igraph_t multi, simple;
    igraph_vector_t wm, ws, res, res2;
    igraph_vector_int_t ires;
    make_igraph(v, mixed, NMIXED, &multi, &wm);
    make_igraph(v, mixed, NMIXED, &simple, &ws);
    igraph_vector_int_init(&ires, 0);
    simplify(&simple, &ws);
    igraph_vector_init(&res, 0);
    igraph_vector_init(&res2, 0);

    /* PageRank and HITS on the multigraph: parallel edges add their weights,
       which is what the collapsed view's summed weight stands for. */
    assert_int_equal(igraph_pagerank(&multi, IGRAPH_PAGERANK_ALGO_PRPACK, &res, NULL,
                                     igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &wm, NULL),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_PAGERANK], &res, "pagerank");
    assert_int_equal(igraph_hub_and_authority_scores(&multi, &res, &res2, NULL, 1, &wm, NULL),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_HUB], &res, "hub");
    assert_vector(c.value[RN_M_AUTHORITY], &res2, "authority");
    assert_int_equal(igraph_strength(&multi, &res, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS, &wm),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_OUT_STRENGTH], &res, "out_strength");
    assert_int_equal(igraph_strength(&multi, &res, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, &wm),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_IN_STRENGTH], &res, "in_strength");

    /* Paths and degrees on the simple graph (hops; parallel edges would
       count as extra shortest paths). The self-loop China->China counts in
       degree but not on paths. */
    assert_int_equal(igraph_betweenness(&simple, &res, igraph_vss_all(), IGRAPH_DIRECTED, NULL),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_BETWEENNESS], &res, "betweenness");
    assert_int_equal(
        igraph_harmonic_centrality(&simple, &res, igraph_vss_all(), IGRAPH_OUT, NULL, 1),
        IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_CLOSENESS], &res, "closeness");
    assert_int_equal(igraph_degree(&simple, &ires, igraph_vss_all(), IGRAPH_OUT, 0), IGRAPH_SUCCESS);
    uint32_t china = node_of(v, "China");
    for (uint32_t i = 0; i < v->n_nodes; i++)
        assert_close(c.value[RN_M_OUT_DEGREE][i], (double)VECTOR(ires)[i] + (i == china), "out_degree",
                     i);

    /* Undirected measures on the simple graph made undirected with summed
       weights. */
    igraph_attribute_combination_t comb;
    igraph_attribute_combination(&comb, "w", IGRAPH_ATTRIBUTE_COMBINE_SUM, "",
                                 IGRAPH_ATTRIBUTE_COMBINE_IGNORE, IGRAPH_NO_MORE_ATTRIBUTES);
    assert_int_equal(igraph_to_undirected(&simple, IGRAPH_TO_UNDIRECTED_COLLAPSE, &comb),
                     IGRAPH_SUCCESS);
    igraph_attribute_combination_destroy(&comb);
    EANV(&simple, "w", &ws);
    assert_int_equal(igraph_eigenvector_centrality(&simple, &res, NULL, IGRAPH_UNDIRECTED, 1, &ws,
                                                   NULL),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_EIGENVECTOR], &res, "eigenvector");
    assert_int_equal(igraph_coreness(&simple, &ires, IGRAPH_ALL), IGRAPH_SUCCESS);
    for (uint32_t i = 0; i < v->n_nodes; i++)
        assert_close(c.value[RN_M_CORENESS][i], (double)VECTOR(ires)[i], "coreness", i);

    /* Two components, each its own community; the bigger one (China, USA,
       Huawei, UK, Australia) is community 0. */
    assert_int_equal(c.n_communities, 2);
    assert_true(c.value[RN_M_COMMUNITY][china] == 0);
    assert_true(c.value[RN_M_COMMUNITY][node_of(v, "TikTok")] == 1);
    assert_true(c.value[RN_M_COMMUNITY][node_of(v, "India")] == 1);
    assert_true(c.modularity > 0.3);

    igraph_vector_destroy(&res);
    igraph_vector_destroy(&res2);
    igraph_vector_destroy(&wm);
    igraph_vector_destroy(&ws);
    igraph_vector_int_destroy(&ires);
    igraph_destroy(&multi);
    igraph_destroy(&simple);
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_inverse_distance_matches_igraph(void **state)
{
    (void)state;
    struct rn_relset *set;
    struct rn_view *v = make_view(mixed, NMIXED, &set);
    struct rn_centrality c;
    compute(v, (1u << RN_M_BETWEENNESS) | (1u << RN_M_CLOSENESS), 1, &c);
    igraph_t g;
    igraph_vector_t w, res;
    make_igraph(v, mixed, NMIXED, &g, &w);
    simplify(&g, &w);
    for (igraph_integer_t i = 0; i < igraph_vector_size(&w); i++)
        VECTOR(w)[i] = 1.0 / VECTOR(w)[i];
    igraph_vector_init(&res, 0);
    assert_int_equal(igraph_betweenness(&g, &res, igraph_vss_all(), IGRAPH_DIRECTED, &w),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_BETWEENNESS], &res, "betweenness (1/weight)");
    assert_int_equal(igraph_harmonic_centrality(&g, &res, igraph_vss_all(), IGRAPH_OUT, &w, 1),
                     IGRAPH_SUCCESS);
    assert_vector(c.value[RN_M_CLOSENESS], &res, "closeness (1/weight)");
    /* Heavy China->USA (3) is short: USA reaches China in 1/1, China
       reaches USA in 1/3. */
    assert_null(c.value[RN_M_PAGERANK]);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);
}

/* Worked by hand: a directed 3-cycle is symmetric, so every PageRank is
   1/3, betweenness 1 (each node lies on the one path between the other
   two, in one direction), closeness (1 + 1/2) / 2. */
static void test_three_cycle_by_hand(void **state)
{
    (void)state;
    static const struct edge cyc[] = { { "A", "B", 1 }, { "B", "C", 1 }, { "C", "A", 1 } };
    struct rn_relset *set;
    struct rn_view *v = make_view(cyc, 3, &set);
    struct rn_centrality c;
    compute(v, ALL_MEASURES, 0, &c);
    for (uint32_t i = 0; i < 3; i++) {
        assert_close(c.value[RN_M_PAGERANK][i], 1.0 / 3, "pagerank", i);
        assert_close(c.value[RN_M_BETWEENNESS][i], 1, "betweenness", i);
        assert_close(c.value[RN_M_CLOSENESS][i], 0.75, "closeness", i);
        assert_close(c.value[RN_M_IN_DEGREE][i], 1, "in_degree", i);
        assert_close(c.value[RN_M_CORENESS][i], 2, "coreness", i);
        assert_close(c.value[RN_M_COMMUNITY][i], 0, "community", i);
    }
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);
}

/* A star: 5 leaves pointing at and pointed at by a centre. */
static const struct edge star[] = {
    { "Hub", "L1", 1 }, { "L1", "Hub", 1 }, { "Hub", "L2", 1 }, { "L2", "Hub", 1 },
    { "Hub", "L3", 1 }, { "L3", "Hub", 1 }, { "Hub", "L4", 1 }, { "L4", "Hub", 1 },
    { "Hub", "L5", 1 }, { "L5", "Hub", 1 },
};

/* Every path between two leaves of the star goes through the centre: 5 * 4
   ordered pairs. */
static void test_star_centre_by_hand(void **state)
{
    (void)state;
    struct rn_relset *set;
    struct rn_view *v = make_view(star, 10, &set);
    struct rn_centrality c;
    compute(v, (1u << RN_M_BETWEENNESS) | (1u << RN_M_CLOSENESS) | (1u << RN_M_PAGERANK), 0, &c);
    uint32_t hub = node_of(v, "Hub");
    assert_close(c.value[RN_M_BETWEENNESS][hub], 20, "betweenness", hub);
    assert_close(c.value[RN_M_CLOSENESS][hub], 1, "closeness", hub);
    /* a leaf: 1 step to the centre, 2 to the four other leaves */
    uint32_t leaf = node_of(v, "L3");
    assert_close(c.value[RN_M_BETWEENNESS][leaf], 0, "betweenness", leaf);
    assert_close(c.value[RN_M_CLOSENESS][leaf], (1 + 4 * 0.5) / 5, "closeness", leaf);
    uint32_t order[6];
    assert_int_equal(rn_centrality_rank(&c, v, RN_M_PAGERANK, 2, order), 2);
    assert_int_equal(order[0], hub);
    assert_int_equal(order[1], node_of(v, "L1")); /* leaves tie: by name */
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);
}

struct dropping {
    struct rn_view *view;
    int calls;
};

static void drop_edges(void *ctx)
{
    struct dropping *d = ctx;
    d->calls++;
    rn_view_drop_edges(d->view);
}

/* edges_done is called once, after the last graph is built: measures of
   one, two or three graphs, or of none, equal those computed with the
   edges kept, and the view keeps its names and edge count. */
static void test_edges_dropped_once_read(void **state)
{
    (void)state;
    const unsigned sets[] = {
        1u << RN_M_PAGERANK,
        (1u << RN_M_PAGERANK) | (1u << RN_M_BETWEENNESS),
        ALL_MEASURES,
        (1u << RN_M_IN_DEGREE) | (1u << RN_M_OUT_STRENGTH),
    };
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        struct rn_relset *set;
        struct rn_view *v = make_view(mixed, NMIXED, &set);
        struct rn_centrality kept, dropped;
        compute(v, sets[k], 0, &kept);
        size_t n_edges = v->n_edges;
        struct dropping d = { v, 0 };
        struct rn_centrality_options opt;
        rn_centrality_options_init(&opt);
        opt.measures = sets[k];
        opt.edges_done = drop_edges;
        opt.edges_done_ctx = &d;
        assert_int_equal(rn_centrality_compute(v, &opt, &dropped, NULL), RN_OK);
        assert_int_equal(d.calls, 1);
        assert_null(v->from);
        assert_null(v->to);
        assert_int_equal(v->n_edges, n_edges);
        for (int m = 0; m < RN_M_COUNT; m++) {
            if (!(sets[k] >> m & 1u))
                continue;
            /* (ARPACK's start vector comes from igraph's RNG, which the
               first run moved on: eigenvectors agree to 1e-9, not bits) */
            for (uint32_t i = 0; i < v->n_nodes; i++)
                if (!isnan(kept.value[m][i]) || !isnan(dropped.value[m][i]))
                    assert_close(dropped.value[m][i], kept.value[m][i],
                                 rn_measure_name((enum rn_measure)m), i);
        }
        assert_non_null(rn_view_node_name(v, 0));
        rn_centrality_release(&kept);
        rn_centrality_release(&dropped);
        rn_view_free(v);
        rn_relset_free(set);
    }
}

/* Above the size limit betweenness is estimated from sampled sources and
   says so; on the star the estimate for the centre stays near 20. */
static void test_sampled_betweenness_is_flagged(void **state)
{
    (void)state;
    struct rn_relset *set;
    struct rn_view *v = make_view(star, 10, &set);
    struct rn_centrality_options opt;
    struct rn_centrality c, c2;
    rn_centrality_options_init(&opt);
    opt.measures = (1u << RN_M_BETWEENNESS) | (1u << RN_M_CLOSENESS);
    opt.exact_betweenness_limit = 30; /* 6 nodes * 10 edges = 60 > 30: sample 3 */
    assert_int_equal(rn_centrality_compute(v, &opt, &c, NULL), RN_OK);
    assert_int_equal(c.betweenness_approximate, 1);
    assert_non_null(strstr(c.betweenness_note, "3 of 6 nodes sampled with seed 42"));
    assert_int_equal(c.closeness_approximate, 1);
    assert_non_null(strstr(c.closeness_note, "approximate"));
    uint32_t hub = node_of(v, "Hub");
    /* Each sampled leaf source contributes 4 through the centre, the centre
       itself 0; scaled by 6/3: 24 with three leaves, 16 with the centre. */
    double b = c.value[RN_M_BETWEENNESS][hub];
    assert_true(b == 24 || b == 16);
    /* Same seed, same numbers. */
    assert_int_equal(rn_centrality_compute(v, &opt, &c2, NULL), RN_OK);
    for (uint32_t i = 0; i < c.n_nodes; i++) {
        assert_true(c.value[RN_M_BETWEENNESS][i] == c2.value[RN_M_BETWEENNESS][i]);
        assert_true(c.value[RN_M_CLOSENESS][i] == c2.value[RN_M_CLOSENESS][i]);
    }
    /* The centre is one step from every sampled target. */
    assert_close(c.value[RN_M_CLOSENESS][hub], 1, "closeness", hub);
    rn_centrality_release(&c);
    rn_centrality_release(&c2);
    rn_view_free(v);
    rn_relset_free(set);
}

/* On a larger graph the sampled estimates stay near the exact values, and
   a node with out-neighbours never gets closeness 0 (its first step is
   counted exactly). The graph: a directed ring of 60 with chords i -> i+7
   and, for every third node, i -> i+19; plus a dead end reached from 0. */
static void test_sampled_estimates_near_exact(void **state)
{
    (void)state;
    enum { N = 60 };
    static char names[N + 1][8];
    struct edge e[3 * N + 1];
    size_t ne = 0;
    for (int i = 0; i <= N; i++)
        snprintf(names[i], sizeof names[i], "n%02d", i);
    for (int i = 0; i < N; i++) {
        e[ne++] = (struct edge){ names[i], names[(i + 1) % N], 1 };
        e[ne++] = (struct edge){ names[i], names[(i + 7) % N], 1 };
        if (i % 3 == 0)
            e[ne++] = (struct edge){ names[i], names[(i + 19) % N], 1 };
    }
    e[ne++] = (struct edge){ names[0], names[N], 1 }; /* n60 reaches nobody */
    struct rn_relset *set;
    struct rn_view *v = make_view(e, ne, &set);
    struct rn_centrality_options opt;
    struct rn_centrality exact, approx;
    rn_centrality_options_init(&opt);
    opt.measures = (1u << RN_M_BETWEENNESS) | (1u << RN_M_CLOSENESS);
    assert_int_equal(rn_centrality_compute(v, &opt, &exact, NULL), RN_OK);
    assert_int_equal(exact.closeness_approximate, 0);
    /* 61 nodes * 141 edges; a limit of 141 * 30 samples 30 nodes */
    opt.exact_betweenness_limit = 141.0 * 30;
    assert_int_equal(rn_centrality_compute(v, &opt, &approx, NULL), RN_OK);
    assert_int_equal(approx.closeness_approximate, 1);
    assert_non_null(strstr(approx.closeness_note, "30 of 61 nodes"));
    double berr = 0, bsum = 0, cerr = 0, csum = 0;
    for (uint32_t i = 0; i < v->n_nodes; i++) {
        double bx = exact.value[RN_M_BETWEENNESS][i], ba = approx.value[RN_M_BETWEENNESS][i];
        double cx = exact.value[RN_M_CLOSENESS][i], ca = approx.value[RN_M_CLOSENESS][i];
        berr += fabs(bx - ba);
        bsum += bx;
        cerr += fabs(cx - ca);
        csum += cx;
        if (i != node_of(v, "n60"))
            assert_true(ca >= 2.0 / 60 - 1e-12); /* at least two out-neighbours */
    }
    /* mean relative error: betweenness within 35%, closeness within 10% */
    assert_true(berr / bsum < 0.35);
    assert_true(cerr / csum < 0.10);
    assert_true(approx.value[RN_M_CLOSENESS][node_of(v, "n60")] == 0);
    rn_centrality_release(&exact);
    rn_centrality_release(&approx);
    rn_view_free(v);
    rn_relset_free(set);
}

/* Two dense groups joined by one edge: both algorithms find them, the same
   seed gives the same partition. */
static void test_communities_seeded(void **state)
{
    (void)state;
    static const struct edge two[] = {
        { "a1", "a2", 1 }, { "a2", "a3", 1 }, { "a3", "a1", 1 }, { "a1", "a4", 1 },
        { "a4", "a2", 1 }, { "b1", "b2", 1 }, { "b2", "b3", 1 }, { "b3", "b1", 1 },
        { "b1", "b4", 1 }, { "b4", "b2", 1 }, { "a3", "b3", 0.1 },
    };
    struct rn_relset *set;
    struct rn_view *v = make_view(two, sizeof two / sizeof two[0], &set);
    for (int algo = 0; algo < 2; algo++) {
        struct rn_centrality_options opt;
        struct rn_centrality c;
        rn_centrality_options_init(&opt);
        opt.measures = 1u << RN_M_COMMUNITY;
        opt.community = (enum rn_community_algo)algo;
        assert_int_equal(rn_centrality_compute(v, &opt, &c, NULL), RN_OK);
        assert_int_equal(c.n_communities, 2);
        double ca = c.value[RN_M_COMMUNITY][node_of(v, "a1")];
        assert_true(ca == 0); /* equal sizes: the group holding the first node */
        for (int i = 1; i <= 4; i++) {
            char name[3] = { 'a', (char)('0' + i), 0 };
            assert_true(c.value[RN_M_COMMUNITY][node_of(v, name)] == ca);
            name[0] = 'b';
            assert_true(c.value[RN_M_COMMUNITY][node_of(v, name)] == 1);
        }
        assert_true(c.modularity > 0.4);
        rn_centrality_release(&c);
    }
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_reciprocity(void **state)
{
    (void)state;
    struct rn_relset *set;
    struct rn_view *v = make_view(mixed, NMIXED, &set);
    double r;
    assert_int_equal(rn_reciprocity(v, &r, NULL), RN_OK);
    /* 11 pairs besides the loop; mutual: China<->USA, Huawei<->UK,
       TikTok<->ByteDance, so 6 of the 11 have their reverse */
    assert_close(r, 6.0 / 11.0, "reciprocity", 0);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_empty_and_bad_weights(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    struct rn_view *v;
    struct rn_centrality c;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    compute(v, ALL_MEASURES, 0, &c);
    assert_int_equal(c.n_nodes, 0);
    assert_int_equal(c.n_communities, 0);
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);

    static const struct edge neg[] = { { "A", "B", 1 }, { "B", "A", -2 } };
    v = make_view(neg, 2, &set);
    struct rn_centrality_options opt;
    struct rn_err err = RN_ERR_INIT;
    rn_centrality_options_init(&opt);
    opt.measures = 1u << RN_M_PAGERANK;
    assert_int_equal(rn_centrality_compute(v, &opt, &c, &err), RN_EINPUT);
    assert_non_null(strstr(err.msg, "B -> A"));
    rn_centrality_release(&c);
    opt.measures = 1u << RN_M_COUNT;
    assert_int_equal(rn_centrality_compute(v, &opt, &c, &err), RN_EUSAGE);
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);

    /* Zero weights: PageRank still sums to 1, communities fall back to edge
       counts, inverse distance drops the edge. */
    static const struct edge zero[] = { { "A", "B", 0 }, { "B", "C", 0 } };
    v = make_view(zero, 2, &set);
    compute(v, ALL_MEASURES, 1, &c);
    double sum = 0;
    for (uint32_t i = 0; i < 3; i++)
        sum += c.value[RN_M_PAGERANK][i];
    assert_close(sum, 1, "pagerank sum", 0);
    assert_close(c.value[RN_M_BETWEENNESS][1], 0, "betweenness", 1);
    rn_centrality_release(&c);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_measure_names(void **state)
{
    (void)state;
    static const char *const want =
        "in_degree,out_degree,in_strength,out_strength,pagerank,betweenness,closeness,hub,"
        "authority,eigenvector,coreness,community";
    char got[256] = "";
    for (int m = 0; m < RN_M_COUNT; m++) {
        if (m)
            strcat(got, ",");
        strcat(got, rn_measure_name((enum rn_measure)m));
        enum rn_measure back;
        assert_int_equal(rn_measure_parse(rn_measure_name((enum rn_measure)m), &back), RN_OK);
        assert_int_equal(back, m);
    }
    assert_string_equal(got, want);
    enum rn_measure x;
    assert_int_equal(rn_measure_parse("PageRank!", &x), RN_EUSAGE);
}

int main(void)
{
    struct rn_err err = RN_ERR_INIT;
    if (rn_lib_init(&err) != RN_OK) {
        fprintf(stderr, "rn_lib_init: %s\n", err.msg);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_igraph_on_mixed_graph),
        cmocka_unit_test(test_inverse_distance_matches_igraph),
        cmocka_unit_test(test_three_cycle_by_hand),
        cmocka_unit_test(test_star_centre_by_hand),
        cmocka_unit_test(test_edges_dropped_once_read),
        cmocka_unit_test(test_sampled_betweenness_is_flagged),
        cmocka_unit_test(test_sampled_estimates_near_exact),
        cmocka_unit_test(test_communities_seeded),
        cmocka_unit_test(test_reciprocity),
        cmocka_unit_test(test_empty_and_bad_weights),
        cmocka_unit_test(test_measure_names),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    return failed;
}
