/* test_view.c - collapsing records into the graph view. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/relset.h"
#include "relnet/view.h"

#include <stdio.h>
#include <string.h>

static void add_full(struct rn_relset *set, const char *s, const char *rel, const char *t,
                     double w, enum rn_polarity pol, const char *date)
{
    struct rn_record r;
    rn_record_init(&r);
    r.source = s;
    r.relation = rel;
    r.target = t;
    r.weight = w;
    r.polarity = pol;
    r.date = date;
    assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
}

static void add(struct rn_relset *set, const char *s, const char *rel, const char *t, double w)
{
    add_full(set, s, rel, t, w, RN_POL_ASSERTED, NULL);
}

static void test_collapse_counts_and_weights(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    add(set, "China", "accuses", "Five Eyes", 1);
    add(set, "Zhao Lijian", "accuses", "Five Eyes", 1);
    add(set, "china", "accuses", "five eyes", 2.5); /* same pair, other spelling */
    add(set, "China", "bans", "Five Eyes", 1);
    add(set, "India", "bans", "TikTok", 1);
    add(set, "China", "accuses", "China", 1); /* self-loop kept */
    uint32_t zhao;
    assert_int_equal(rn_relset_entity(set, "Zhao Lijian", RN_ETYPE_PERSON, "China", &zhao), RN_OK);

    struct rn_view *v;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    assert_int_equal(v->n_nodes, 5);
    assert_int_equal(v->n_edges, 4);
    /* edges ordered by (from, to) in entity order: China(0) FiveEyes(1) Zhao(2) India(3) TikTok(4) */
    assert_string_equal(rn_view_node_name(v, v->from[0]), "China");
    assert_string_equal(rn_view_node_name(v, v->to[0]), "China");
    assert_string_equal(rn_view_node_name(v, v->to[1]), "Five Eyes");
    assert_int_equal(v->count[1], 3);
    assert_true(v->weight[1] == 4.5);
    assert_string_equal(set->relation_name[v->relation[1]], "accuses");
    assert_int_equal(v->n_kinds[1], 2);
    assert_int_equal(v->record_start[2] - v->record_start[1], 3);
    assert_int_equal(v->record_index[v->record_start[1]], 0); /* record order kept */
    rn_view_free(v);

    struct rn_view_options opt = { .by_affiliation = 1, .min_count = 2 };
    assert_int_equal(rn_view_build(set, &opt, &v, NULL), RN_OK);
    /* Zhao rolls up to China: China -> Five Eyes now has 4 reports; the
       single-report pairs are dropped. */
    assert_int_equal(v->n_edges, 1);
    assert_int_equal(v->count[0], 4);
    assert_int_equal(v->n_nodes, 2);
    assert_int_equal(v->entity_node[zhao], RN_NONE);
    rn_view_free(v);
    rn_relset_free(set);
}

static void add_dated(struct rn_relset *set, const char *s, const char *rel, const char *t,
                      enum rn_polarity pol, const char *date)
{
    add_full(set, s, rel, t, 1, pol, date);
}

static void test_per_relation_multigraph(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    add_dated(set, "Trump", "bans", "TikTok", RN_POL_ASSERTED, "2020-09-18");
    add_dated(set, "Trump", "accuses", "TikTok", RN_POL_ASSERTED, "2020-07-01");
    add_dated(set, "Trump", "bans", "TikTok", RN_POL_ASSERTED, "2020-08-06");
    add_dated(set, "Trump", "bans", "TikTok", RN_POL_NEGATED, NULL);
    add_dated(set, "Trump", "bans", "TikTok", RN_POL_ASSERTED, NULL);
    add_dated(set, "India", "bans", "TikTok", RN_POL_ASSERTED, NULL);

    struct rn_view_options opt = { .min_count = 1, .per_relation = 1 };
    struct rn_view *v;
    assert_int_equal(rn_view_build(set, &opt, &v, NULL), RN_OK);
    /* Trump->TikTok: bans asserted (3), bans negated (1), accuses (1), in
       relation-index order (bans first) then polarity; India->TikTok. */
    assert_int_equal(v->n_edges, 4);
    assert_string_equal(set->relation_name[v->relation[0]], "bans");
    assert_string_equal(rn_view_polarity_name(v, 0), "asserted");
    assert_int_equal(v->count[0], 3);
    assert_int_equal(v->first_date[0], 20200806);
    assert_int_equal(v->last_date[0], 20200918);
    assert_string_equal(rn_view_polarity_name(v, 1), "negated");
    assert_int_equal(v->first_date[1], 0);
    assert_string_equal(set->relation_name[v->relation[2]], "accuses");
    assert_int_equal(v->n_kinds[2], 1);
    rn_view_free(v);

    /* min_count judges the pair, not the split edge. */
    opt.min_count = 2;
    assert_int_equal(rn_view_build(set, &opt, &v, NULL), RN_OK);
    assert_int_equal(v->n_edges, 3);
    rn_view_free(v);

    /* Unsplit, the pair mixes polarities. */
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    assert_string_equal(rn_view_polarity_name(v, 0), "mixed");
    assert_int_equal(v->count[0], 5);
    rn_view_free(v);
    rn_relset_free(set);
}

/* A graph_only set and a measures_only view give the same edges and
   weights as the full set; the provenance columns and the edge columns
   measures never read stay NULL, and clearing the records keeps the names
   the view shows. */
static void test_graph_only_same_edges(void **state)
{
    (void)state;
    struct rn_relset_options lean = { .graph_only = 1 };
    struct rn_relset *full = rn_relset_new(NULL), *set = rn_relset_new(&lean);
    for (int k = 0; k < 2; k++) {
        struct rn_relset *s = k ? set : full;
        add_full(s, "China", "accuses", "Five Eyes", 1, RN_POL_ASSERTED, "2021-03-01");
        add_full(s, "china", "accuses", "five eyes", 2, RN_POL_NEGATED, "2021-04-01");
        add(s, "India", "bans", "TikTok", 0.5);
        add(s, "China", "signs", "India", 1);
    }
    assert_null(set->date);
    assert_null(set->evidence);
    assert_null(set->origin);
    assert_null(set->offset);
    assert_non_null(set->pol);
    assert_int_equal(set->n_records, 4);
    struct rn_view *a, *b;
    struct rn_view_options opt = { .min_count = 1, .measures_only = 1 };
    assert_int_equal(rn_view_build(full, NULL, &a, NULL), RN_OK);
    assert_int_equal(rn_view_build(set, &opt, &b, NULL), RN_OK);
    assert_null(b->record_start);
    assert_null(b->record_index);
    assert_null(b->count);
    assert_null(b->relation);
    assert_null(b->n_kinds);
    assert_null(b->polarity);
    assert_null(b->first_date);
    assert_null(b->last_date);
    assert_non_null(a->count);
    assert_int_equal(a->n_nodes, b->n_nodes);
    assert_int_equal(a->n_edges, b->n_edges);
    assert_int_equal(a->n_edges, 3);
    for (size_t e = 0; e < a->n_edges; e++) {
        assert_int_equal(a->from[e], b->from[e]);
        assert_int_equal(a->to[e], b->to[e]);
        assert_true(a->weight[e] == b->weight[e]);
    }
    assert_true(b->weight[0] == 3); /* China -> Five Eyes: 1 + 2 */
    assert_int_equal(a->first_date[0], 20210301);
    rn_relset_clear_records(set);
    assert_int_equal(set->n_records, 0);
    assert_null(set->src);
    assert_string_equal(rn_view_node_name(b, b->from[0]), "China");
    /* Forgetting the name index keeps the names; lookups find nothing and
       adding by name is refused. */
    assert_int_equal(rn_relset_find(set, "china"), 0);
    rn_relset_forget_keys(set);
    assert_string_equal(rn_view_node_name(b, b->to[0]), "Five Eyes");
    assert_int_equal(rn_relset_find(set, "china"), RN_NONE);
    struct rn_record r;
    rn_record_init(&r);
    r.source = "China";
    r.relation = "accuses";
    r.target = "India";
    struct rn_err err = RN_ERR_INIT;
    assert_int_equal(rn_relset_add(set, &r, &err), RN_EINTERNAL);
    assert_int_equal(set->n_records, 0);
    assert_int_equal(set->n_entities, 4);
    rn_view_free(a);
    rn_view_free(b);
    rn_relset_free(full);
    rn_relset_free(set);
}

/* The measures_only view (its own sorts, carrying the weights) gives the
   edges, weights (summed in record order: bit for bit), nodes and node
   maps of the general build, on a random multigraph with self-loops,
   entities without edges, affiliations rolled up and pairs under
   min_count. */
static void test_measures_only_equals_general_build(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    uint32_t seed = 12345;
    char s[32], t[32];
    uint32_t idx;
    assert_int_equal(rn_relset_entity(set, "Lonely", RN_ETYPE_UNKNOWN, NULL, &idx), RN_OK);
    for (int k = 0; k < 12; k++) {
        char agency[16];
        snprintf(s, sizeof s, "Agent %d", k * 5);
        snprintf(agency, sizeof agency, "Agency %d", k % 3);
        assert_int_equal(rn_relset_entity(set, s, RN_ETYPE_PERSON, agency, &idx), RN_OK);
    }
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t a = (seed >> 8) % 600, b = (seed >> 4) % 97 == 0 ? a : (seed >> 16) % 700;
        /* skewed: low numbers often, as in a power law */
        a = a * a / 600;
        snprintf(s, sizeof s, "Agent %u", a);
        snprintf(t, sizeof t, "Agent %u", b);
        double w = (double)((seed >> 12) % 1000) / 100.0 + (i % 3 ? 0.1 : 1e-9);
        add(set, s, i % 2 ? "accuses" : "bans", t, w);
    }
    for (int roll = 0; roll < 2; roll++) {
        for (long min_count = 0; min_count <= 3; min_count++) {
            struct rn_view_options full_opt = { .min_count = min_count, .by_affiliation = roll };
            struct rn_view_options lean_opt = full_opt;
            lean_opt.measures_only = 1;
            struct rn_view *a, *b;
            assert_int_equal(rn_view_build(set, &full_opt, &a, NULL), RN_OK);
            assert_int_equal(rn_view_build(set, &lean_opt, &b, NULL), RN_OK);
            assert_true(a->n_edges > 100);
            assert_int_equal(a->n_edges, b->n_edges);
            assert_int_equal(a->n_nodes, b->n_nodes);
            for (size_t e = 0; e < a->n_edges; e++) {
                assert_int_equal(a->from[e], b->from[e]);
                assert_int_equal(a->to[e], b->to[e]);
                assert_memory_equal(&a->weight[e], &b->weight[e], sizeof(double));
            }
            for (uint32_t n = 0; n < a->n_nodes; n++)
                assert_int_equal(a->node_entity[n], b->node_entity[n]);
            for (uint32_t en = 0; en < set->n_entities; en++)
                assert_int_equal(a->entity_node[en], b->entity_node[en]);
            assert_null(b->count);
            rn_view_free(a);
            rn_view_free(b);
        }
    }
    rn_relset_free(set);
}

static void test_empty_set(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    struct rn_view *v;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    assert_int_equal(v->n_nodes, 0);
    assert_int_equal(v->n_edges, 0);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_filter_drops_before_entities_exist(void **state)
{
    (void)state;
    struct rn_filter f;
    rn_filter_init(&f);
    assert_int_equal(rn_filter_set_relations(&f, "bans", NULL), RN_OK);
    struct rn_relset_options opt = { .filter = &f };
    struct rn_relset *set = rn_relset_new(&opt);
    add(set, "China", "accuses", "Five Eyes", 1);
    add(set, "India", "bans", "TikTok", 1);
    assert_int_equal(set->n_records, 1);
    assert_int_equal(set->n_entities, 2);
    assert_int_equal(rn_relset_filtered(set), 1);
    rn_relset_free(set);
    rn_filter_release(&f);
}

static void test_date_and_polarity_filter(void **state)
{
    (void)state;
    struct rn_filter f;
    rn_filter_init(&f);
    assert_int_equal(rn_filter_set_since(&f, "2020-06-01", NULL), RN_OK);
    assert_int_equal(rn_filter_set_until(&f, "2020/12/31", NULL), RN_OK);
    assert_true(rn_filter_match(&f, "bans", 20200601, RN_POL_ASSERTED));
    assert_true(rn_filter_match(&f, "bans", 20201231, RN_POL_ASSERTED));
    assert_false(rn_filter_match(&f, "bans", 20200531, RN_POL_ASSERTED));
    assert_false(rn_filter_match(&f, "bans", 20210101, RN_POL_ASSERTED));
    assert_false(rn_filter_match(&f, "bans", 0, RN_POL_ASSERTED)); /* undated */
    assert_false(rn_filter_match(&f, "bans", 20200701, RN_POL_HEDGED));
    assert_true(rn_filter_match(NULL, "bans", 0, RN_POL_NEGATED));

    struct rn_relset_options opt = { .filter = &f };
    struct rn_relset *set = rn_relset_new(&opt);
    const char *dates[] = { "2020-05-01", "2020-07-01", NULL, "2021-02-01" };
    for (int i = 0; i < 4; i++) {
        struct rn_record r;
        rn_record_init(&r);
        r.source = "India";
        r.relation = "bans";
        r.target = "TikTok";
        r.date = dates[i];
        assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    }
    assert_int_equal(set->n_records, 1);
    assert_int_equal(set->date[0], 20200701);
    assert_int_equal(rn_relset_filtered(set), 3);
    /* The index path applies the same filter. */
    struct rn_relset_edge e = { .src = set->src[0], .dst = set->dst[0], .rel = set->rel[0],
                                .weight = 1, .date = 20190101 };
    assert_int_equal(rn_relset_add_edge(set, &e, NULL), RN_OK);
    assert_int_equal(set->n_records, 1);
    e.date = 20200801;
    assert_int_equal(rn_relset_add_edge(set, &e, NULL), RN_OK);
    assert_int_equal(set->n_records, 2);
    rn_relset_free(set);
    rn_filter_release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collapse_counts_and_weights),
        cmocka_unit_test(test_per_relation_multigraph),
        cmocka_unit_test(test_graph_only_same_edges),
        cmocka_unit_test(test_measures_only_equals_general_build),
        cmocka_unit_test(test_empty_set),
        cmocka_unit_test(test_filter_drops_before_entities_exist),
        cmocka_unit_test(test_date_and_polarity_filter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
