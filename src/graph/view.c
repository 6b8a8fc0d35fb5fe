/* view.c - collapse relation records into a weighted graph view (see relnet/view.h). */
#include "relnet/view.h"

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
    rn_big_free(view->record_start);
    rn_big_free(view->record_index);
    free(view);
}

/* Stable counting sort of idx[0..n) by key[idx[i]] (keys < nkeys) into out. */
static int counting_sort(const uint32_t *key, uint32_t nkeys, const size_t *idx, size_t n,
                         size_t *out)
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

int rn_view_build(const struct rn_relset *set, const struct rn_view_options *opt,
                  struct rn_view **out, struct rn_err *err)
{
    *out = NULL;
    struct rn_view_options defaults = { 0, 1 };
    if (!opt)
        opt = &defaults;
    size_t nrec = set->n_records;
    uint32_t nent = set->n_entities;
    struct rn_view *v = calloc(1, sizeof *v);
    uint32_t *src = rn_big_calloc((nrec ? nrec : 1) * sizeof *src);
    uint32_t *dst = rn_big_calloc((nrec ? nrec : 1) * sizeof *dst);
    size_t *idx = rn_big_calloc((nrec ? nrec : 1) * sizeof *idx);
    size_t *tmp = rn_big_calloc((nrec ? nrec : 1) * sizeof *tmp);
    uint32_t *rel_count = calloc(set->n_relations ? set->n_relations : 1, sizeof *rel_count);
    int rc = RN_ENOMEM;
    if (!v || !src || !dst || !idx || !tmp || !rel_count)
        goto out;
    v->set = set;

    /* Endpoints after the optional roll-up, as entity indexes. */
    for (size_t r = 0; r < nrec; r++) {
        src[r] = opt->by_affiliation ? rn_view_top_affiliation(set, set->src[r]) : set->src[r];
        dst[r] = opt->by_affiliation ? rn_view_top_affiliation(set, set->dst[r]) : set->dst[r];
        idx[r] = r;
    }
    /* Sort records by (source, target), keeping record order within a pair. */
    if (counting_sort(dst, nent, idx, nrec, tmp) != RN_OK ||
        counting_sort(src, nent, tmp, nrec, idx) != RN_OK)
        goto out;

    /* Count the pairs, then fill the edges. */
    size_t npairs = 0;
    for (size_t i = 0; i < nrec; i++)
        if (i == 0 || src[idx[i]] != src[idx[i - 1]] || dst[idx[i]] != dst[idx[i - 1]])
            npairs++;
    size_t cap = npairs ? npairs : 1;
    v->from = rn_big_calloc(cap * sizeof *v->from);
    v->to = rn_big_calloc(cap * sizeof *v->to);
    v->count = rn_big_calloc(cap * sizeof *v->count);
    v->weight = rn_big_calloc(cap * sizeof *v->weight);
    v->relation = rn_big_calloc(cap * sizeof *v->relation);
    v->n_kinds = rn_big_calloc(cap * sizeof *v->n_kinds);
    v->record_start = rn_big_calloc((cap + 1) * sizeof *v->record_start);
    v->record_index = rn_big_calloc((nrec ? nrec : 1) * sizeof *v->record_index);
    v->entity_node = rn_big_calloc((nent ? nent : 1) * sizeof *v->entity_node);
    v->node_entity = rn_big_calloc((nent ? nent : 1) * sizeof *v->node_entity);
    if (!v->from || !v->to || !v->count || !v->weight || !v->relation || !v->n_kinds ||
        !v->record_start || !v->record_index || !v->entity_node || !v->node_entity)
        goto out;
    /* from/to hold entity indexes until nodes are numbered below. */
    size_t e = 0, kept = 0;
    for (size_t i = 0; i < nrec;) {
        size_t j = i;
        double w = 0;
        while (j < nrec && src[idx[j]] == src[idx[i]] && dst[idx[j]] == dst[idx[i]]) {
            w += set->weight[idx[j]];
            rel_count[set->rel[idx[j]]]++;
            j++;
        }
        uint32_t best = set->rel[idx[i]], kinds = 0;
        for (size_t k = i; k < j; k++) {
            uint32_t rl = set->rel[idx[k]];
            if (rel_count[rl] > rel_count[best] || (rel_count[rl] == rel_count[best] && rl < best))
                best = rl;
        }
        /* Count distinct relations, zeroing the counters for the next pair
           (only the touched ones, so a pair costs its records, not the
           number of relation names). */
        for (size_t k = i; k < j; k++) {
            uint32_t rl = set->rel[idx[k]];
            if (rel_count[rl]) {
                kinds++;
                rel_count[rl] = 0;
            }
        }
        uint32_t reports = (uint32_t)(j - i);
        int keep = opt->min_count <= 1 || (long)reports >= opt->min_count;
        if (keep) {
            v->from[e] = src[idx[i]];
            v->to[e] = dst[idx[i]];
            v->count[e] = reports;
            v->weight[e] = w;
            v->relation[e] = best;
            v->n_kinds[e] = kinds;
            v->record_start[e] = kept;
            for (size_t k = i; k < j; k++)
                v->record_index[kept++] = idx[k];
            e++;
        }
        i = j;
    }
    v->n_edges = e;
    v->record_start[e] = kept;

    /* Number the nodes that have an edge, in entity order. */
    for (uint32_t en = 0; en < nent; en++)
        v->entity_node[en] = RN_NONE;
    for (size_t k = 0; k < e; k++) {
        v->entity_node[v->from[k]] = 0;
        v->entity_node[v->to[k]] = 0;
    }
    for (uint32_t en = 0; en < nent; en++) {
        if (v->entity_node[en] == RN_NONE)
            continue;
        v->entity_node[en] = v->n_nodes;
        v->node_entity[v->n_nodes++] = en;
    }
    for (size_t k = 0; k < e; k++) {
        v->from[k] = v->entity_node[v->from[k]];
        v->to[k] = v->entity_node[v->to[k]];
    }
    rc = RN_OK;
out:
    rn_big_free(src);
    rn_big_free(dst);
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
