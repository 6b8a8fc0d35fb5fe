/* view.c - collapse relation records into a weighted graph view (see relnet/view.h). */
#include "relnet/view.h"

#include "relnet/buf.h"
#include "relnet/mem.h"

#include <stdlib.h>
#include <string.h>

uint32_t rn_view_top_affiliation(const struct rn_relset *set, uint32_t entity)
{
    uint32_t cur = entity;
    for (int hops = 0; hops < 16 && set->entity_affiliation[cur] != RN_NONE; hops++)
        cur = set->entity_affiliation[cur];
    return cur;
}

const char *rn_view_node_name(const struct rn_view *view, uint32_t n)
{
    return view->set->entity_name[view->node_entity[n]];
}

void rn_view_free(struct rn_view *view)
{
    if (!view)
        return;
    rn_big_free(view->node_entity);
    rn_big_free(view->entity_node);
    rn_big_free(view->from);
    rn_big_free(view->to);
    rn_big_free(view->count);
    rn_big_free(view->weight);
    rn_big_free(view->relation);
    rn_big_free(view->n_kinds);
    rn_big_free(view->polarity);
    rn_big_free(view->first_date);
    rn_big_free(view->last_date);
    rn_big_free(view->record_start);
    rn_big_free(view->record_index);
    free(view);
}

void rn_view_drop_edges(struct rn_view *view)
{
    rn_big_free(view->from);
    rn_big_free(view->to);
    view->from = view->to = NULL;
}

/* Stable counting sort of idx[0..n) by key[idx[i]] (keys < nkeys) into out. */
static int counting_sort(const uint32_t *key, uint32_t nkeys, const uint32_t *idx, size_t n,
                         uint32_t *out)
{
    size_t *pos = rn_big_calloc(((size_t)nkeys + 1) * sizeof *pos);
    if (!pos)
        return RN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        pos[key[idx[i]] + 1]++;
    for (uint32_t k = 0; k < nkeys; k++)
        pos[k + 1] += pos[k];
    for (size_t i = 0; i < n; i++)
        out[pos[key[idx[i]]]++] = idx[i];
    rn_big_free(pos);
    return RN_OK;
}

const char *rn_view_polarity_name(const struct rn_view *view, size_t e)
{
    uint8_t p = view->polarity[e];
    return p < RN_POL_COUNT ? rn_polarity_name((enum rn_polarity)p) : "mixed";
}

size_t rn_view_edge_evidence(const struct rn_view *view, size_t e, const char **out)
{
    const struct rn_relset *set = view->set;
    uint32_t seen[RN_VIEW_EVIDENCE_MAX];
    size_t n = 0;
    if (!set->evidence || !view->record_index)
        return 0; /* a graph_only set, a view without records */
    for (size_t k = view->record_start[e]; k < view->record_start[e + 1] && n < RN_VIEW_EVIDENCE_MAX;
         k++) {
        uint32_t text = set->evidence[view->record_index[k]];
        const char *s = text == RN_NONE ? NULL : rn_relset_text(set, text);
        size_t j = 0;
        while (j < n && seen[j] != text)
            j++;
        if (!s || !*s || j < n)
            continue;
        seen[n] = text;
        out[n++] = s;
    }
    return n;
}

int rn_view_edge_evidence_text(const struct rn_view *view, size_t e, struct rn_buf *text)
{
    const char *sentences[RN_VIEW_EVIDENCE_MAX];
    size_t n = rn_view_edge_evidence(view, e, sentences);
    for (size_t i = 0; i < n; i++)
        if ((i && rn_buf_addc(text, '\n') != RN_OK) || rn_buf_adds(text, sentences[i]) != RN_OK)
            return RN_ENOMEM;
    return RN_OK;
}

/* What the build loop reads: the records' endpoints after the roll-up, in
   grouped order, and whether relation and polarity split edges. */
struct grouping {
    const struct rn_relset *set;
    const uint32_t *src, *dst; /* by record */
    const uint32_t *idx;       /* records sorted by (src, dst[, rel, pol]) */
    int split;
    uint32_t *rel_count;       /* scratch, n_relations, zero between edges */
};

static int same_pair(const struct grouping *g, size_t i, size_t j)
{
    return g->src[g->idx[i]] == g->src[g->idx[j]] && g->dst[g->idx[i]] == g->dst[g->idx[j]];
}

static int same_edge(const struct grouping *g, size_t i, size_t j)
{
    if (!same_pair(g, i, j))
        return 0;
    return !g->split || (g->set->rel[g->idx[i]] == g->set->rel[g->idx[j]] &&
                         g->set->pol[g->idx[i]] == g->set->pol[g->idx[j]]);
}

/* Fill edge e from the sorted records [i, j) and append their indexes at
   *kept; a measures_only view gets its endpoints and weight only. */
static void fill_edge(struct rn_view *v, const struct grouping *g, size_t e, size_t i, size_t j,
                      size_t *kept)
{
    const struct rn_relset *set = g->set;
    v->from[e] = g->src[g->idx[i]];
    v->to[e] = g->dst[g->idx[i]];
    double w = 0;
    if (!v->count) {
        for (size_t k = i; k < j; k++)
            w += set->weight[g->idx[k]];
        v->weight[e] = w;
        return;
    }
    uint32_t first = 0, last = 0;
    uint8_t pol = set->pol[g->idx[i]];
    for (size_t k = i; k < j; k++) {
        uint32_t r = g->idx[k];
        w += set->weight[r];
        g->rel_count[set->rel[r]]++;
        if (set->pol[r] != pol)
            pol = RN_POL_COUNT;
        uint32_t date = set->date ? set->date[r] : 0; /* none in a graph_only set */
        if (date && (!first || date < first))
            first = date;
        if (date > last)
            last = date;
    }
    uint32_t best = set->rel[g->idx[i]], kinds = 0;
    for (size_t k = i; k < j; k++) {
        uint32_t rl = set->rel[g->idx[k]];
        if (g->rel_count[rl] > g->rel_count[best] ||
            (g->rel_count[rl] == g->rel_count[best] && rl < best))
            best = rl;
    }
    /* Count distinct relations, zeroing the counters for the next edge
       (only the touched ones, so an edge costs its records, not the
       number of relation names). */
    for (size_t k = i; k < j; k++) {
        uint32_t rl = set->rel[g->idx[k]];
        if (g->rel_count[rl]) {
            kinds++;
            g->rel_count[rl] = 0;
        }
    }
    v->count[e] = (uint32_t)(j - i);
    v->weight[e] = w;
    v->relation[e] = best;
    v->n_kinds[e] = kinds;
    v->polarity[e] = pol;
    /* Zero pages stay untouched (and off the resident set) when undated. */
    if (first)
        v->first_date[e] = first;
    if (last)
        v->last_date[e] = last;
    v->record_start[e] = *kept;
    for (size_t k = i; k < j; k++)
        v->record_index[(*kept)++] = g->idx[k];
}

/* The columns of every view, then (unless measures_only) the rest. */
static int alloc_edges(struct rn_view *v, size_t nedges, size_t nrec, uint32_t nent,
                       int measures_only)
{
    size_t cap = nedges ? nedges : 1;
    v->from = rn_big_calloc(cap * sizeof *v->from);
    v->to = rn_big_calloc(cap * sizeof *v->to);
    v->weight = rn_big_calloc(cap * sizeof *v->weight);
    v->entity_node = rn_big_calloc((nent ? nent : 1) * sizeof *v->entity_node);
    v->node_entity = rn_big_calloc((nent ? nent : 1) * sizeof *v->node_entity);
    if (!v->from || !v->to || !v->weight || !v->entity_node || !v->node_entity)
        return RN_ENOMEM;
    if (measures_only)
        return RN_OK;
    v->count = rn_big_calloc(cap * sizeof *v->count);
    v->relation = rn_big_calloc(cap * sizeof *v->relation);
    v->n_kinds = rn_big_calloc(cap * sizeof *v->n_kinds);
    v->polarity = rn_big_calloc(cap * sizeof *v->polarity);
    v->first_date = rn_big_calloc(cap * sizeof *v->first_date);
    v->last_date = rn_big_calloc(cap * sizeof *v->last_date);
    v->record_start = rn_big_calloc((cap + 1) * sizeof *v->record_start);
    v->record_index = rn_big_calloc((nrec ? nrec : 1) * sizeof *v->record_index);
    if (!v->count || !v->relation || !v->n_kinds || !v->polarity || !v->first_date ||
        !v->last_date || !v->record_start || !v->record_index)
        return RN_ENOMEM;
    return RN_OK;
}

/* Sort idx[0..nrec) by (src, dst), or by (src, dst, rel, pol) when split:
   stable counting sorts from the last key to the first, tmp as scratch. */
static int sort_records(const struct rn_relset *set, const uint32_t *src, const uint32_t *dst,
                        int split, uint32_t *idx, uint32_t *tmp, uint32_t *scratch)
{
    size_t nrec = set->n_records;
    uint32_t nent = set->n_entities;
    if (split) {
        for (size_t r = 0; r < nrec; r++)
            scratch[r] = set->pol[r];
        if (counting_sort(scratch, RN_POL_COUNT, idx, nrec, tmp) != RN_OK ||
            counting_sort(set->rel, set->n_relations, tmp, nrec, idx) != RN_OK)
            return RN_ENOMEM;
    }
    if (counting_sort(dst, nent, idx, nrec, tmp) != RN_OK ||
        counting_sort(src, nent, tmp, nrec, idx) != RN_OK)
        return RN_ENOMEM;
    return RN_OK;
}

/* Number the nodes that have an edge, in entity order, and turn the
   edges' entity indexes into node indexes. */
static void number_nodes(struct rn_view *v, uint32_t nent)
{
    for (uint32_t en = 0; en < nent; en++)
        v->entity_node[en] = RN_NONE;
    for (size_t k = 0; k < v->n_edges; k++) {
        v->entity_node[v->from[k]] = 0;
        v->entity_node[v->to[k]] = 0;
    }
    for (uint32_t en = 0; en < nent; en++) {
        if (v->entity_node[en] == RN_NONE)
            continue;
        v->entity_node[en] = v->n_nodes;
        v->node_entity[v->n_nodes++] = en;
    }
    for (size_t k = 0; k < v->n_edges; k++) {
        v->from[k] = v->entity_node[v->from[k]];
        v->to[k] = v->entity_node[v->to[k]];
    }
}

/* A measures_only view, not per relation: the records' (source, weight)
   go in a counting sort by target, then their (target, weight) in a
   stable counting sort by source, so that every pass reads its input in
   order and the records of each (source, target) come out together, in
   record order, for their weights to be summed in that order as the
   general build sums them. Sorting indexes instead would read the
   records' columns at random three times a record. 24 bytes per record of
   scratch (half of it freed before the edges are made) and 8 per entity. */
static int build_measures(struct rn_view *v, const struct rn_relset *set, const uint32_t *src,
                          const uint32_t *dst, long min_count)
{
    size_t nrec = set->n_records, cap = nrec ? nrec : 1;
    uint32_t nent = set->n_entities;
    uint32_t *by_dst = rn_big_calloc(((size_t)nent + 1) * sizeof *by_dst);
    uint32_t *by_src = rn_big_calloc(((size_t)nent + 1) * sizeof *by_src);
    uint32_t *a_src = rn_big_calloc(cap * sizeof *a_src);
    double *a_w = rn_big_calloc(cap * sizeof *a_w);
    uint32_t *b_dst = rn_big_calloc(cap * sizeof *b_dst);
    double *b_w = rn_big_calloc(cap * sizeof *b_w);
    int rc = RN_ENOMEM;
    if (!by_dst || !by_src || !a_src || !a_w || !b_dst || !b_w)
        goto out;
    /* by_x[k + 1]: records with x = k, then where bucket k starts */
    for (size_t r = 0; r < nrec; r++) {
        by_dst[dst[r] + 1]++;
        by_src[src[r] + 1]++;
    }
    for (uint32_t k = 0; k < nent; k++) {
        by_dst[k + 1] += by_dst[k];
        by_src[k + 1] += by_src[k];
    }
    for (size_t r = 0; r < nrec; r++) {
        uint32_t at = by_dst[dst[r]]++;
        a_src[at] = src[r];
        a_w[at] = set->weight[r];
    }
    /* by_dst[k] is now where bucket k ends */
    for (uint32_t d = 0, k = 0; d < nent; d++) {
        for (; k < by_dst[d]; k++) {
            uint32_t at = by_src[a_src[k]]++;
            b_dst[at] = d;
            b_w[at] = a_w[k];
        }
    }
    rn_big_free(a_src);
    rn_big_free(a_w);
    a_src = NULL;
    a_w = NULL;
    /* by_src[k] is now where bucket k ends: count the kept edges, then make
       them */
    size_t nedges = 0;
    for (uint32_t s = 0, i = 0; s < nent; s++) {
        while (i < by_src[s]) {
            uint32_t j = i + 1;
            while (j < by_src[s] && b_dst[j] == b_dst[i])
                j++;
            if (min_count <= 1 || (long)(j - i) >= min_count)
                nedges++;
            i = j;
        }
    }
    if (alloc_edges(v, nedges, nrec, nent, 1) != RN_OK)
        goto out;
    size_t e = 0;
    for (uint32_t s = 0, i = 0; s < nent; s++) {
        while (i < by_src[s]) {
            uint32_t j = i;
            double w = 0;
            while (j < by_src[s] && b_dst[j] == b_dst[i])
                w += b_w[j++];
            if (min_count <= 1 || (long)(j - i) >= min_count) {
                v->from[e] = s;
                v->to[e] = b_dst[i];
                v->weight[e++] = w;
            }
            i = j;
        }
    }
    v->n_edges = e;
    number_nodes(v, nent);
    rc = RN_OK;
out:
    rn_big_free(by_dst);
    rn_big_free(by_src);
    rn_big_free(a_src);
    rn_big_free(a_w);
    rn_big_free(b_dst);
    rn_big_free(b_w);
    return rc;
}

int rn_view_build(const struct rn_relset *set, const struct rn_view_options *opt,
                  struct rn_view **out, struct rn_err *err)
{
    *out = NULL;
    struct rn_view_options defaults = { 0, 1, 0, 0 };
    if (!opt)
        opt = &defaults;
    size_t nrec = set->n_records;
    uint32_t nent = set->n_entities;
    if (nrec >= UINT32_MAX)
        return rn_fail(err, RN_ENOMEM, "too many records for one graph view (%zu)", nrec);
    struct rn_view *v = calloc(1, sizeof *v);
    /* Endpoints after the optional roll-up, as entity indexes: the set's
       own columns unless rolled up. */
    uint32_t *rolled_src = NULL, *rolled_dst = NULL;
    if (opt->by_affiliation) {
        rolled_src = rn_big_calloc((nrec ? nrec : 1) * sizeof *rolled_src);
        rolled_dst = rn_big_calloc((nrec ? nrec : 1) * sizeof *rolled_dst);
    }
    uint32_t *idx = NULL, *tmp = NULL, *rel_count = NULL;
    int rc = RN_ENOMEM;
    if (!v || (opt->by_affiliation && (!rolled_src || !rolled_dst)))
        goto out;
    v->set = set;
    for (size_t r = 0; opt->by_affiliation && r < nrec; r++) {
        rolled_src[r] = rn_view_top_affiliation(set, set->src[r]);
        rolled_dst[r] = rn_view_top_affiliation(set, set->dst[r]);
    }
    const uint32_t *src = opt->by_affiliation ? rolled_src : set->src;
    const uint32_t *dst = opt->by_affiliation ? rolled_dst : set->dst;
    if (opt->measures_only && !opt->per_relation) {
        rc = build_measures(v, set, src, dst, opt->min_count);
        goto out;
    }
    idx = rn_big_calloc((nrec ? nrec : 1) * sizeof *idx);
    tmp = rn_big_calloc((nrec ? nrec : 1) * sizeof *tmp);
    rel_count = calloc(set->n_relations ? set->n_relations : 1, sizeof *rel_count);
    if (!idx || !tmp || !rel_count)
        goto out;
    for (size_t r = 0; r < nrec; r++)
        idx[r] = (uint32_t)r;
    /* Polarity is a byte per record; counting_sort wants 32-bit keys. */
    uint32_t *keys = opt->per_relation ? rn_big_calloc((nrec ? nrec : 1) * sizeof *keys) : NULL;
    if (opt->per_relation && !keys)
        goto out;
    rc = sort_records(set, src, dst, opt->per_relation, idx, tmp, keys);
    rn_big_free(keys);
    if (rc != RN_OK)
        goto out;
    rc = RN_ENOMEM;

    struct grouping g = { set, src, dst, idx, opt->per_relation, rel_count };
    size_t nedges = 0;
    for (size_t i = 0; i < nrec; i++)
        if (i == 0 || !same_edge(&g, i, i - 1))
            nedges++;
    if (alloc_edges(v, nedges, nrec, nent, opt->measures_only) != RN_OK)
        goto out;
    /* min_count judges the (source, target) pair as a whole, split or not;
       from/to hold entity indexes until the nodes are numbered. */
    size_t e = 0, kept = 0;
    for (size_t i = 0; i < nrec;) {
        size_t j = i + 1;
        while (j < nrec && same_pair(&g, j, i))
            j++;
        if (opt->min_count <= 1 || (long)(j - i) >= opt->min_count) {
            for (size_t k = i; k < j;) {
                size_t m = k + 1;
                while (m < j && same_edge(&g, m, k))
                    m++;
                fill_edge(v, &g, e++, k, m, &kept);
                k = m;
            }
        }
        i = j;
    }
    v->n_edges = e;
    if (v->record_start)
        v->record_start[e] = kept;
    number_nodes(v, nent);
    rc = RN_OK;
out:
    rn_big_free(rolled_src);
    rn_big_free(rolled_dst);
    rn_big_free(idx);
    rn_big_free(tmp);
    free(rel_count);
    if (rc != RN_OK) {
        rn_view_free(v);
        return rn_fail(err, rc, "out of memory building the graph view");
    }
    *out = v;
    return RN_OK;
}
