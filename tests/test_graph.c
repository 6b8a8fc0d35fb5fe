/* test_graph.c - the igraph bridge: graphs built from views, igraph errors
 * turned into statuses, and GraphML that igraph and NetworkX read back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <igraph.h>

#include "relnet/graph.h"
#include "relnet/lib.h"
#include "relnet/relset.h"
#include "relnet/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Names a writer must escape: quotes, commas, backslash, newline, <&>, a
   control character XML cannot carry, and non-ASCII. */
#define HOSTILE "Say \"no\", <&> \\ back\nslash"
#define CONTROL "bell\x07here"

static struct rn_relset *hostile_set(void)
{
    struct rn_relset *set = rn_relset_new(NULL);
    assert_non_null(set);
    static const char *const rows[][3] = {
        { "China", "accuses", "Five Eyes" }, { "China", "accuses", "Five Eyes" },
        { "Five Eyes", "accuses", "China" }, { HOSTILE, "bans", "Zürich AG" },
        { CONTROL, "signs", "China" },       { "China", "accuses", "China" },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct rn_record r;
        rn_record_init(&r);
        r.source = rows[i][0];
        r.relation = rows[i][1];
        r.target = rows[i][2];
        r.weight = 1.5;
        assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    }
    uint32_t idx;
    assert_int_equal(rn_relset_entity(set, "Zhao Lijian", RN_ETYPE_PERSON, "China", &idx), RN_OK);
    assert_int_equal(rn_relset_entity(set, "China", RN_ETYPE_COUNTRY, NULL, &idx), RN_OK);
    struct rn_record r;
    rn_record_init(&r);
    r.source = "Zhao Lijian";
    r.relation = "accuses";
    r.target = "Five Eyes";
    assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    return set;
}

static void test_build_kinds(void **state)
{
    (void)state;
    struct rn_relset *set = hostile_set();
    struct rn_view *v;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    igraph_t g;
    igraph_vector_t w;
    igraph_vector_init(&w, 0);

    assert_int_equal(rn_graph_build(v, RN_GRAPH_DIRECTED, 0, &g, &w, NULL), RN_OK);
    assert_int_equal(igraph_vcount(&g), v->n_nodes);
    assert_int_equal(igraph_ecount(&g), v->n_edges);
    assert_true(igraph_is_directed(&g));
    for (size_t e = 0; e < v->n_edges; e++) {
        assert_int_equal(IGRAPH_FROM(&g, e), v->from[e]);
        assert_int_equal(IGRAPH_TO(&g, e), v->to[e]);
        assert_true(VECTOR(w)[e] == v->weight[e]);
    }
    igraph_destroy(&g);

    /* Paths: the China self-loop is gone, and hop counting has no weights. */
    assert_int_equal(rn_graph_build(v, RN_GRAPH_PATHS, 0, &g, &w, NULL), RN_OK);
    assert_int_equal(igraph_ecount(&g), v->n_edges - 1);
    assert_int_equal(igraph_vector_size(&w), 0);
    igraph_destroy(&g);
    assert_int_equal(rn_graph_build(v, RN_GRAPH_PATHS, 1, &g, &w, NULL), RN_OK);
    assert_int_equal(igraph_vector_size(&w), v->n_edges - 1);
    assert_true(VECTOR(w)[0] > 0.33 && VECTOR(w)[0] < 0.34); /* China->Five Eyes: 1/3 */
    igraph_destroy(&g);

    /* Undirected: China->Five Eyes (3) and Five Eyes->China (1.5) merge. */
    assert_int_equal(rn_graph_build(v, RN_GRAPH_UNDIRECTED, 0, &g, &w, NULL), RN_OK);
    assert_false(igraph_is_directed(&g));
    assert_int_equal(igraph_ecount(&g), v->n_edges - 2);
    assert_true(VECTOR(w)[0] == 4.5);
    igraph_destroy(&g);

    igraph_vector_destroy(&w);
    rn_view_free(v);
    rn_relset_free(set);
}

/* Both graphs alike in every field igraph keeps: endpoints, both indexes
   and where each node's runs start. */
static void assert_same_graph(const igraph_t *a, const igraph_t *b)
{
    assert_int_equal(igraph_vcount(a), igraph_vcount(b));
    assert_int_equal(igraph_ecount(a), igraph_ecount(b));
    assert_int_equal(igraph_is_directed(a), igraph_is_directed(b));
    const igraph_vector_int_t *va[] = { &a->from, &a->to, &a->oi, &a->ii, &a->os, &a->is };
    const igraph_vector_int_t *vb[] = { &b->from, &b->to, &b->oi, &b->ii, &b->os, &b->is };
    for (size_t k = 0; k < sizeof va / sizeof va[0]; k++) {
        assert_int_equal(igraph_vector_int_size(va[k]), igraph_vector_int_size(vb[k]));
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(va[k]); i++)
            assert_int_equal(VECTOR(*va[k])[i], VECTOR(*vb[k])[i]);
    }
}

/* rn_graph_create(from, to) against igraph_create on the same edges:
   random multigraphs with loops and repeated edges, directed and not,
   edges in order (as a view gives them) and shuffled, no edges, a node
   without any; then an id out of range. */
static void test_create_equals_igraph_create(void **state)
{
    (void)state;
    rn_graph_setup(RN_DEFAULT_SEED, NULL);
    uint64_t seed = 12345;
    for (int round = 0; round < 60; round++) {
        igraph_integer_t n = 1 + round % 17, m = round % 5 == 0 ? 0 : (round * 7) % 90;
        int directed = round % 2 == 0, ordered = round % 3 == 0;
        igraph_vector_int_t from, to, ev;
        assert_int_equal(igraph_vector_int_init(&from, ordered ? 0 : m), IGRAPH_SUCCESS);
        assert_int_equal(igraph_vector_int_init(&to, ordered ? 0 : m), IGRAPH_SUCCESS);
        assert_int_equal(igraph_vector_int_init(&ev, 2 * m), IGRAPH_SUCCESS);
        if (ordered) {
            /* distinct pairs in increasing (from, to) order, as a view has
               them: every pair (f, t) kept with odds 1 in 3 */
            m = 0;
            for (igraph_integer_t f = 0; f < n; f++)
                for (igraph_integer_t t = 0; t < n; t++) {
                    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                    if ((seed >> 40) % 3 == 0) {
                        assert_int_equal(igraph_vector_int_push_back(&from, f), IGRAPH_SUCCESS);
                        assert_int_equal(igraph_vector_int_push_back(&to, t), IGRAPH_SUCCESS);
                        m++;
                    }
                }
            assert_int_equal(igraph_vector_int_resize(&ev, 2 * m), IGRAPH_SUCCESS);
        }
        for (igraph_integer_t e = 0; !ordered && e < m; e++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            VECTOR(from)[e] = (igraph_integer_t)(seed >> 33) % n;
            VECTOR(to)[e] = (igraph_integer_t)(seed >> 13) % n;
        }
        for (igraph_integer_t e = 0; e < m; e++) {
            VECTOR(ev)[2 * e] = VECTOR(from)[e];
            VECTOR(ev)[2 * e + 1] = VECTOR(to)[e];
        }
        igraph_t want, got;
        assert_int_equal(igraph_create(&want, &ev, n, directed), IGRAPH_SUCCESS);
        assert_int_equal(rn_graph_create(&got, n, &from, &to, directed, NULL), RN_OK);
        assert_same_graph(&got, &want);
        igraph_destroy(&got);
        igraph_destroy(&want);
        igraph_vector_int_destroy(&ev);
    }

    /* An edge to node 3 of a graph of 3: refused, the columns freed. */
    igraph_vector_int_t from, to;
    igraph_integer_t f[] = { 0, 1 }, t[] = { 1, 3 };
    assert_int_equal(igraph_vector_int_init_array(&from, f, 2), IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_int_init_array(&to, t, 2), IGRAPH_SUCCESS);
    struct rn_err err = RN_ERR_INIT;
    igraph_t g;
    assert_int_equal(rn_graph_create(&g, 3, &from, &to, 1, &err), RN_EINTERNAL);
    assert_non_null(strstr(err.msg, "names no node"));
}

static void test_igraph_errors_become_statuses(void **state)
{
    (void)state;
    igraph_t g;
    igraph_vector_int_t memb;
    struct rn_err err = RN_ERR_INIT;
    igraph_vector_int_init(&memb, 0);
    igraph_small(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2, -1);
    /* Louvain refuses directed graphs; the default handler would abort. */
    igraph_error_t ig = igraph_community_multilevel(&g, NULL, 1, &memb, NULL, NULL);
    assert_int_not_equal(ig, IGRAPH_SUCCESS);
    assert_int_equal(rn_graph_fail(&err, ig, "louvain"), RN_EINTERNAL);
    assert_non_null(strstr(err.msg, "louvain: "));
    assert_true(strlen(err.msg) > strlen("louvain: "));
    igraph_destroy(&g);
    igraph_vector_int_destroy(&memb);
}

static void write_graphml(const struct rn_view *v, const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    struct rn_err err = RN_ERR_INIT;
    int rc = rn_graph_write_graphml(v, f, &err);
    if (rc != RN_OK)
        fail_msg("rn_graph_write_graphml: %s", err.msg);
    fclose(f);
}

static void test_graphml_round_trip_igraph(void **state)
{
    (void)state;
    struct rn_relset *set = hostile_set();
    struct rn_view *v;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    char path[] = "/tmp/relnet_test_graphXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_graphml(v, path);

    FILE *f = fopen(path, "r");
    igraph_t g;
    assert_int_equal(igraph_read_graph_graphml(&g, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&g), v->n_nodes);
    assert_int_equal(igraph_ecount(&g), v->n_edges);
    int found_hostile = 0, found_control = 0;
    for (uint32_t i = 0; i < v->n_nodes; i++) {
        const char *name = VAS(&g, "name", i);
        const char *want = rn_view_node_name(v, i);
        if (strcmp(want, CONTROL) == 0) {
            assert_string_equal(name, "bell\xEF\xBF\xBDhere"); /* U+FFFD */
            found_control = 1;
            continue;
        }
        assert_string_equal(name, want);
        found_hostile += strcmp(name, HOSTILE) == 0;
        if (strcmp(name, "Zhao Lijian") == 0) {
            assert_string_equal(VAS(&g, "type", i), "person");
            assert_string_equal(VAS(&g, "affiliation", i), "China");
        }
    }
    assert_int_equal(found_hostile, 1);
    assert_int_equal(found_control, 1);
    for (size_t e = 0; e < v->n_edges; e++) {
        assert_true(EAN(&g, "count", e) == v->count[e]);
        assert_true(EAN(&g, "weight", e) == v->weight[e]);
        assert_string_equal(EAS(&g, "relation", e), set->relation_name[v->relation[e]]);
    }
    igraph_destroy(&g);
    unlink(path);
    rn_view_free(v);
    rn_relset_free(set);
}

/* NetworkX is how most readers of a GraphML file will open it. The check
   runs when python3 with networkx is installed and is skipped otherwise. */
static void test_graphml_loads_in_networkx(void **state)
{
    (void)state;
    if (system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") != 0) {
        skip();
        return;
    }
    struct rn_relset *set = hostile_set();
    struct rn_view *v;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    char path[] = "/tmp/relnet_test_graphXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_graphml(v, path);
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c '\n"
             "import sys, networkx as nx\n"
             "g = nx.read_graphml(sys.argv[1])\n"
             "assert g.is_directed()\n"
             "names = {d[\"name\"]: n for n, d in g.nodes(data=True)}\n"
             "h = names[\"Say \\\"no\\\", <&> \\\\ back\\nslash\"]\n"
             "z = names[\"Z\\u00fcrich AG\"]\n"
             "assert g.edges[h, z][\"relation\"] == \"bans\", g.edges[h, z]\n"
             "c, f = names[\"China\"], names[\"Five Eyes\"]\n"
             "assert g.edges[c, f][\"count\"] == 2 and g.edges[c, f][\"weight\"] == 3.0\n"
             "assert g.nodes[names[\"Zhao Lijian\"]][\"affiliation\"] == \"China\"\n"
             "assert g.number_of_nodes() == %u and g.number_of_edges() == %zu\n"
             "' %s",
             v->n_nodes, v->n_edges, path);
    assert_int_equal(system(cmd), 0);
    unlink(path);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_graphml_empty_view(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    struct rn_view *v;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(rn_graph_write_graphml(v, f, NULL), RN_OK);
    fclose(f);
    assert_non_null(strstr(buf, "<graphml"));
    assert_non_null(strstr(buf, "edgedefault=\"directed\""));
    free(buf);
    rn_view_free(v);
    rn_relset_free(set);
}

/* --help shows the default seed as text: it must be the seed used. */
static void test_default_seed_text_agrees(void **state)
{
    (void)state;
    assert_int_equal(strtoul(RN_DEFAULT_SEED_TEXT, NULL, 10), RN_DEFAULT_SEED);
}

int main(void)
{
    struct rn_err err = RN_ERR_INIT;
    if (rn_lib_init(&err) != RN_OK) {
        fprintf(stderr, "rn_lib_init: %s\n", err.msg);
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_kinds),
        cmocka_unit_test(test_create_equals_igraph_create),
        cmocka_unit_test(test_igraph_errors_become_statuses),
        cmocka_unit_test(test_graphml_round_trip_igraph),
        cmocka_unit_test(test_graphml_loads_in_networkx),
        cmocka_unit_test(test_graphml_empty_view),
        cmocka_unit_test(test_default_seed_text_agrees),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    return failed;
}
