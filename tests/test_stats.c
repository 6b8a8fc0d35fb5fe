/* test_stats.c - who-does-what-to-whom counts on a relation set built by
 * hand, with every number worked out below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "relnet/analysis.h"
#include "relnet/relset.h"
#include "relnet/stats.h"
#include "relnet/view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct row {
    const char *s, *rel, *t, *date;
};

/* accuses: China->Russia twice on one day and once later; Russia->China;
   Iran->China; Japan->Iran; Iran->Japan; China->China. bans: Japan->Iran
   twice undated, Iran->Japan once. signs: Japan->Pact. */
static const struct row rows[] = {
    { "China", "accuses", "Russia", "2021-01-04" }, { "China", "accuses", "Russia", "2021-01-04" },
    { "China", "accuses", "Russia", "2021-02-01" }, { "Russia", "accuses", "China", "2021-01-05" },
    { "Iran", "accuses", "China", "2021-03-01" },   { "Japan", "accuses", "Iran", "2021-03-02" },
    { "Iran", "accuses", "Japan", "2021-03-03" },   { "China", "accuses", "China", "2021-03-04" },
    { "Japan", "bans", "Iran", NULL },              { "Japan", "bans", "Iran", NULL },
    { "Iran", "bans", "Japan", "2021-04-01" },      { "Japan", "signs", "Pact", "2021-05-01" },
};
#define NROWS (sizeof rows / sizeof rows[0])

static struct rn_relset *make_set(const char *only)
{
    struct rn_relset *set = rn_relset_new(NULL);
    assert_non_null(set);
    for (size_t i = 0; i < NROWS; i++) {
        if (only && strcmp(rows[i].rel, only) != 0)
            continue;
        struct rn_record r;
        rn_record_init(&r);
        r.source = rows[i].s;
        r.relation = rows[i].rel;
        r.target = rows[i].t;
        r.date = rows[i].date;
        assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    }
    return set;
}

static uint32_t node_of(const struct rn_view *v, const char *name)
{
    for (uint32_t i = 0; i < v->n_nodes; i++)
        if (strcmp(rn_view_node_name(v, i), name) == 0)
            return i;
    fail_msg("no node %s", name);
    return 0;
}

static void test_counts_all_relations(void **state)
{
    (void)state;
    struct rn_relset *set = make_set(NULL);
    struct rn_view *v;
    struct rn_stats st;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    assert_int_equal(rn_stats_compute(v, &st, NULL), RN_OK);

    assert_int_equal(st.reports, 12);
    /* distinct: C>R, R>C, I>C, J>I, I>J, C>C (accuses); J>I, I>J (bans); J>P */
    assert_int_equal(st.relations, 9);
    /* events: C>R has two days, J>I bans is one undated event */
    assert_int_equal(st.events, 10);

    const struct rn_stats_actor *china = &st.actor[node_of(v, "China")];
    assert_int_equal(china->made, 4);
    assert_int_equal(china->made_relations, 2);
    assert_int_equal(china->made_events, 3);
    assert_int_equal(china->received, 3); /* Russia, Iran, itself */
    assert_int_equal(china->received_relations, 3);
    assert_int_equal(china->targets, 2); /* Russia and itself */
    assert_int_equal(china->sources, 3);
    const struct rn_stats_actor *japan = &st.actor[node_of(v, "Japan")];
    assert_int_equal(japan->made, 4);
    assert_int_equal(japan->made_relations, 3);
    assert_int_equal(japan->made_events, 3);
    assert_int_equal(japan->targets, 2); /* Iran and Pact */

    /* Mutual: China<->Russia and Iran<->Japan (accuses), Iran<->Japan
       (bans); not Japan->Pact. 8 distinct relations between two actors,
       6 returned. */
    assert_int_equal(st.n_mutual, 3);
    assert_true(fabs(st.reciprocity - 6.0 / 8.0) < 1e-12);
    for (size_t k = 0; k < st.n_mutual; k++) {
        const struct rn_stats_triple *a = &st.triple[st.mutual[k]];
        const struct rn_stats_triple *b = &st.triple[a->reverse];
        assert_int_equal(a->source, b->target);
        assert_int_equal(a->target, b->source);
        assert_int_equal(a->relation, b->relation);
        assert_true(a->source < a->target);
        assert_int_equal(b->reverse, st.mutual[k]);
    }

    /* per relation, sorted by name */
    assert_int_equal(st.n_relations, 3);
    assert_string_equal(set->relation_name[st.relation[0].relation], "accuses");
    assert_int_equal(st.relation[0].reports, 8);
    assert_int_equal(st.relation[0].relations, 6);
    assert_int_equal(st.relation[0].events, 7);
    assert_int_equal(st.relation[0].sources, 4);
    assert_int_equal(st.relation[0].targets, 4);
    assert_string_equal(set->relation_name[st.relation[1].relation], "bans");
    assert_int_equal(st.relation[1].events, 2);
    assert_string_equal(set->relation_name[st.relation[2].relation], "signs");

    /* Rankings: made: China 4 and Japan 4 tie; China received more. */
    uint32_t order[8];
    assert_int_equal(rn_stats_top_actors(&st, RN_STATS_MADE, 2, order), 2);
    assert_string_equal(rn_view_node_name(v, order[0]), "China");
    assert_string_equal(rn_view_node_name(v, order[1]), "Japan");
    /* Pact made nothing: not a source at all */
    assert_int_equal(rn_stats_top_actors(&st, RN_STATS_MADE, 0, order), 4);
    size_t torder[16];
    assert_int_equal(rn_stats_top_triples(&st, RN_STATS_REPORTS, 2, torder), 2);
    assert_int_equal(st.triple[torder[0]].reports, 3); /* China accuses Russia */
    assert_string_equal(rn_view_node_name(v, st.triple[torder[1]].source), "Japan"); /* bans x2 */

    /* Matrix of the top 3 by made + received: China (4 + 3), then Japan and
       Iran (6 each; Japan made more). */
    uint32_t *actors;
    uint64_t *cells;
    size_t n;
    assert_int_equal(rn_stats_matrix(&st, 3, 0, &actors, &cells, &n, NULL), RN_OK);
    assert_int_equal(n, 3);
    assert_string_equal(rn_view_node_name(v, actors[0]), "China");
    assert_string_equal(rn_view_node_name(v, actors[1]), "Japan");
    assert_string_equal(rn_view_node_name(v, actors[2]), "Iran");
    assert_int_equal(cells[0 * 3 + 0], 1); /* China -> China */
    assert_int_equal(cells[1 * 3 + 2], 3); /* Japan -> Iran: accuses 1 + bans 2 */
    assert_int_equal(cells[2 * 3 + 1], 2); /* Iran -> Japan */
    assert_int_equal(cells[2 * 3 + 0], 1); /* Iran -> China */
    free(actors);
    free(cells);
    assert_int_equal(rn_stats_matrix(&st, 3, 1, &actors, &cells, &n, NULL), RN_OK);
    assert_int_equal(cells[1 * 3 + 2], 2); /* events: accuses 1 + undated bans 1 */
    free(actors);
    free(cells);

    rn_stats_release(&st);
    rn_view_free(v);
    rn_relset_free(set);
}

/* For one relation the reciprocity equals igraph's on the collapsed view. */
static void test_reciprocity_matches_igraph(void **state)
{
    (void)state;
    struct rn_relset *set = make_set("accuses");
    struct rn_view *v;
    struct rn_stats st;
    double r;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    assert_int_equal(rn_stats_compute(v, &st, NULL), RN_OK);
    assert_int_equal(rn_reciprocity(v, &r, NULL), RN_OK);
    assert_true(fabs(st.reciprocity - r) < 1e-12);
    assert_true(fabs(r - 4.0 / 5.0) < 1e-12); /* C>R R>C I>C J>I I>J: 4 of 5 */
    rn_stats_release(&st);
    rn_view_free(v);
    rn_relset_free(set);
}

/* Rolled up by affiliation, a spokesman's accusations become his state's. */
static void test_by_affiliation(void **state)
{
    (void)state;
    struct rn_relset *set = make_set("accuses");
    uint32_t idx;
    assert_int_equal(rn_relset_entity(set, "Lavrov", RN_ETYPE_PERSON, "Russia", &idx), RN_OK);
    struct rn_record r;
    rn_record_init(&r);
    r.source = "Lavrov";
    r.relation = "accuses";
    r.target = "Japan";
    r.date = "2021-06-01";
    assert_int_equal(rn_relset_add(set, &r, NULL), RN_OK);
    struct rn_view_options opt = { .by_affiliation = 1, .min_count = 1 };
    struct rn_view *v;
    struct rn_stats st;
    assert_int_equal(rn_view_build(set, &opt, &v, NULL), RN_OK);
    assert_int_equal(rn_stats_compute(v, &st, NULL), RN_OK);
    const struct rn_stats_actor *russia = &st.actor[node_of(v, "Russia")];
    assert_int_equal(russia->made, 2);
    assert_int_equal(russia->targets, 2);
    assert_int_equal(v->entity_node[idx], RN_NONE);
    rn_stats_release(&st);
    rn_view_free(v);
    rn_relset_free(set);
}

static void test_empty(void **state)
{
    (void)state;
    struct rn_relset *set = rn_relset_new(NULL);
    struct rn_view *v;
    struct rn_stats st;
    assert_int_equal(rn_view_build(set, NULL, &v, NULL), RN_OK);
    assert_int_equal(rn_stats_compute(v, &st, NULL), RN_OK);
    assert_int_equal(st.reports, 0);
    assert_int_equal(st.n_mutual, 0);
    assert_true(st.reciprocity == 0);
    uint32_t *actors;
    uint64_t *cells;
    size_t n;
    assert_int_equal(rn_stats_matrix(&st, 5, 0, &actors, &cells, &n, NULL), RN_OK);
    assert_int_equal(n, 0);
    free(actors);
    free(cells);
    rn_stats_release(&st);
    rn_view_free(v);
    rn_relset_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_all_relations),
        cmocka_unit_test(test_reciprocity_matches_igraph),
        cmocka_unit_test(test_by_affiliation),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
