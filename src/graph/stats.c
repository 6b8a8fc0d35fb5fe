/* stats.c - who does what to whom (see relnet/stats.h). */
#include "relnet/stats.h"

#include <stdlib.h>
#include <string.h>

void rn_stats_release(struct rn_stats *s)
{
    if (!s)
        return;
    free(s->actor);
    free(s->triple);
    free(s->mutual);
    free(s->relation);
    memset(s, 0, sizeof *s);
}

/* (relation, date) of one record, sorted to group an edge's records. */
struct rel_date {
    uint32_t rel, date;
};

static int cmp_rel_date(const void *a, const void *b)
{
    const struct rel_date *x = a, *y = b;
    if (x->rel != y->rel)
        return x->rel < y->rel ? -1 : 1;
    return (x->date > y->date) - (x->date < y->date);
}

/* Append the triples of edge e to s->triple (room is there: at most one per
   record). */
static void edge_triples(const struct rn_view *v, size_t e, struct rel_date *scratch,
                         struct rn_stats *s)
{
    const struct rn_relset *set = v->set;
    size_t a = v->record_start[e], b = v->record_start[e + 1];
    for (size_t k = a; k < b; k++) {
        size_t r = v->record_index[k];
        scratch[k - a].rel = set->rel[r];
        scratch[k - a].date = set->date[r];
    }
    size_t n = b - a;
    if (n > 1)
        qsort(scratch, n, sizeof *scratch, cmp_rel_date);
    for (size_t i = 0; i < n;) {
        struct rn_stats_triple *t = &s->triple[s->n_triples++];
        t->source = v->from[e];
        t->target = v->to[e];
        t->relation = scratch[i].rel;
        t->reports = 0;
        t->events = 0;
        t->reverse = SIZE_MAX;
        size_t j = i;
        for (; j < n && scratch[j].rel == scratch[i].rel; j++) {
            t->reports++;
            if (j == i || scratch[j].date != scratch[j - 1].date)
                t->events++;
        }
        i = j;
    }
}

/* First view edge from -> to, or SIZE_MAX (edges are sorted by (from, to)). */
static size_t find_edge(const struct rn_view *v, uint32_t from, uint32_t to)
{
    size_t lo = 0, hi = v->n_edges;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->from[mid] < from || (v->from[mid] == from && v->to[mid] < to))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->n_edges && v->from[lo] == from && v->to[lo] == to ? lo : SIZE_MAX;
}

/* Link every triple to its reverse and list the mutual pairs. edge_first[e]
   is the first triple of edge e (n_edges + 1 entries). */
static void link_reverses(const struct rn_view *v, const size_t *edge_first, struct rn_stats *s)
{
    size_t between = 0, reciprocated = 0;
    for (size_t e = 0; e < v->n_edges; e++) {
        if (v->from[e] == v->to[e])
            continue;
        size_t r = find_edge(v, v->to[e], v->from[e]);
        for (size_t i = edge_first[e]; i < edge_first[e + 1]; i++) {
            between++;
            if (r == SIZE_MAX)
                continue;
            /* The reverse edge's triples are sorted by relation. */
            for (size_t j = edge_first[r]; j < edge_first[r + 1]; j++) {
                if (s->triple[j].relation == s->triple[i].relation) {
                    s->triple[i].reverse = j;
                    reciprocated++;
                    if (v->from[e] < v->to[e])
                        s->mutual[s->n_mutual++] = i;
                    break;
                }
            }
        }
    }
    s->reciprocity = between ? (double)reciprocated / (double)between : 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Distinct (relation, actor) pairs among the triples' sources (or
   targets), counted into per[relation]. keys is n_triples long. */
static void count_actors(const struct rn_stats *s, int targets, uint64_t *keys,
                         struct rn_stats_relation *per)
{
    for (size_t i = 0; i < s->n_triples; i++) {
        const struct rn_stats_triple *t = &s->triple[i];
        keys[i] = (uint64_t)t->relation << 32 | (targets ? t->target : t->source);
    }
    qsort(keys, s->n_triples, sizeof *keys, cmp_u64);
    for (size_t i = 0; i < s->n_triples; i++) {
        if (i > 0 && keys[i] == keys[i - 1])
            continue;
        struct rn_stats_relation *p = &per[keys[i] >> 32];
        if (targets)
            p->targets++;
        else
            p->sources++;
    }
}

static int count_relations(const struct rn_view *v, struct rn_stats *s)
{
    uint32_t nrel = v->set->n_relations;
    struct rn_stats_relation *per = calloc(nrel ? nrel : 1, sizeof *per);
    uint64_t *keys = malloc((s->n_triples ? s->n_triples : 1) * sizeof *keys);
    if (!per || !keys) {
        free(per);
        free(keys);
        return RN_ENOMEM;
    }
    for (size_t i = 0; i < s->n_triples; i++) {
        const struct rn_stats_triple *t = &s->triple[i];
        struct rn_stats_relation *p = &per[t->relation];
        p->reports += t->reports;
        p->relations++;
        p->events += t->events;
    }
    count_actors(s, 0, keys, per);
    count_actors(s, 1, keys, per);
    free(keys);
    /* Keep the relations present, in name order (few: insertion sort). */
    size_t k = 0;
    for (uint32_t r = 0; r < nrel; r++) {
        if (!per[r].relations)
            continue;
        per[r].relation = r;
        per[k++] = per[r];
    }
    for (size_t i = 1; i < k; i++) {
        struct rn_stats_relation x = per[i];
        size_t j = i;
        while (j > 0 && strcmp(v->set->relation_name[per[j - 1].relation],
                               v->set->relation_name[x.relation]) > 0) {
            per[j] = per[j - 1];
            j--;
        }
        per[j] = x;
    }
    s->relation = per;
    s->n_relations = k;
    return RN_OK;
}

int rn_stats_compute(const struct rn_view *view, struct rn_stats *out, struct rn_err *err)
{
    memset(out, 0, sizeof *out);
    out->view = view;
    size_t nrec = view->record_start[view->n_edges];
    size_t maxrun = 1;
    for (size_t e = 0; e < view->n_edges; e++)
        if (view->record_start[e + 1] - view->record_start[e] > maxrun)
            maxrun = view->record_start[e + 1] - view->record_start[e];
    struct rel_date *scratch = malloc(maxrun * sizeof *scratch);
    size_t *edge_first = malloc((view->n_edges + 1) * sizeof *edge_first);
    out->actor = calloc(view->n_nodes ? view->n_nodes : 1, sizeof *out->actor);
    out->triple = malloc((nrec ? nrec : 1) * sizeof *out->triple);
    int rc = RN_ENOMEM;
    if (!scratch || !edge_first || !out->actor || !out->triple)
        goto out;
    for (size_t e = 0; e < view->n_edges; e++) {
        edge_first[e] = out->n_triples;
        edge_triples(view, e, scratch, out);
        struct rn_stats_actor *src = &out->actor[view->from[e]];
        struct rn_stats_actor *dst = &out->actor[view->to[e]];
        src->targets++;
        dst->sources++;
        for (size_t i = edge_first[e]; i < out->n_triples; i++) {
            const struct rn_stats_triple *t = &out->triple[i];
            src->made += t->reports;
            src->made_relations++;
            src->made_events += t->events;
            dst->received += t->reports;
            dst->received_relations++;
            dst->received_events += t->events;
            out->reports += t->reports;
            out->relations++;
            out->events += t->events;
        }
    }
    edge_first[view->n_edges] = out->n_triples;
    /* Shrink to what was used; a failed shrink keeps the larger block. */
    struct rn_stats_triple *fit =
        realloc(out->triple, (out->n_triples ? out->n_triples : 1) * sizeof *fit);
    if (fit)
        out->triple = fit;
    out->mutual = malloc((out->n_triples ? out->n_triples : 1) * sizeof *out->mutual);
    if (!out->mutual)
        goto out;
    link_reverses(view, edge_first, out);
    rc = count_relations(view, out);
out:
    free(scratch);
    free(edge_first);
    if (rc != RN_OK) {
        rn_stats_release(out);
        return rn_fail(err, rc, "out of memory counting relations");
    }
    return RN_OK;
}

/* --- rankings --------------------------------------------------------------- */

struct ranked {
    uint64_t first, second;
    const char *name[3]; /* tie-breaks, compared in order */
    size_t index;
};

static int cmp_ranked(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->first != y->first)
        return x->first > y->first ? -1 : 1;
    if (x->second != y->second)
        return x->second > y->second ? -1 : 1;
    for (int k = 0; k < 3; k++) {
        if (!x->name[k])
            break;
        int c = strcmp(x->name[k], y->name[k]);
        if (c)
            return c;
    }
    return (x->index > y->index) - (x->index < y->index);
}

size_t rn_stats_top_actors(const struct rn_stats *s, enum rn_stats_key key, size_t top,
                           uint32_t *out)
{
    const struct rn_view *v = s->view;
    struct ranked *r = malloc((v->n_nodes ? v->n_nodes : 1) * sizeof *r);
    if (!r)
        return 0;
    size_t n = 0;
    for (uint32_t i = 0; i < v->n_nodes; i++) {
        const struct rn_stats_actor *a = &s->actor[i];
        uint64_t made = a->made, recv = a->received;
        struct ranked *x = &r[n];
        x->first = key == RN_STATS_MADE ? made : key == RN_STATS_RECEIVED ? recv : made + recv;
        x->second = key == RN_STATS_MADE ? recv : made;
        if (x->first == 0)
            continue;
        x->name[0] = rn_view_node_name(v, i);
        x->name[1] = NULL;
        x->index = i;
        n++;
    }
    qsort(r, n, sizeof *r, cmp_ranked);
    if (top && top < n)
        n = top;
    for (size_t i = 0; i < n; i++)
        out[i] = (uint32_t)r[i].index;
    free(r);
    return n;
}

size_t rn_stats_top_triples(const struct rn_stats *s, enum rn_stats_key key, size_t top,
                            size_t *out)
{
    const struct rn_view *v = s->view;
    struct ranked *r = malloc((s->n_triples ? s->n_triples : 1) * sizeof *r);
    if (!r)
        return 0;
    for (size_t i = 0; i < s->n_triples; i++) {
        const struct rn_stats_triple *t = &s->triple[i];
        r[i].first = key == RN_STATS_EVENTS ? t->events : t->reports;
        r[i].second = key == RN_STATS_EVENTS ? t->reports : t->events;
        r[i].name[0] = rn_view_node_name(v, t->source);
        r[i].name[1] = v->set->relation_name[t->relation];
        r[i].name[2] = rn_view_node_name(v, t->target);
        r[i].index = i;
    }
    qsort(r, s->n_triples, sizeof *r, cmp_ranked);
    size_t n = top && top < s->n_triples ? top : s->n_triples;
    for (size_t i = 0; i < n; i++)
        out[i] = r[i].index;
    free(r);
    return n;
}

int rn_stats_matrix(const struct rn_stats *s, size_t top, int events, uint32_t **actors,
                    uint64_t **cells, size_t *n, struct rn_err *err)
{
    const struct rn_view *v = s->view;
    *actors = malloc((v->n_nodes ? v->n_nodes : 1) * sizeof **actors);
    uint32_t *slot = malloc((v->n_nodes ? v->n_nodes : 1) * sizeof *slot);
    *cells = NULL;
    *n = 0;
    if (!*actors || !slot)
        goto nomem;
    size_t k = rn_stats_top_actors(s, RN_STATS_TOTAL, top, *actors);
    *cells = calloc(k ? k * k : 1, sizeof **cells);
    if (!*cells)
        goto nomem;
    for (uint32_t i = 0; i < v->n_nodes; i++)
        slot[i] = RN_NONE;
    for (size_t i = 0; i < k; i++)
        slot[(*actors)[i]] = (uint32_t)i;
    for (size_t i = 0; i < s->n_triples; i++) {
        const struct rn_stats_triple *t = &s->triple[i];
        uint32_t a = slot[t->source], b = slot[t->target];
        if (a != RN_NONE && b != RN_NONE)
            (*cells)[(size_t)a * k + b] += events ? t->events : t->reports;
    }
    free(slot);
    *n = k;
    return RN_OK;
nomem:
    free(slot);
    free(*actors);
    free(*cells);
    *actors = NULL;
    *cells = NULL;
    return rn_fail(err, RN_ENOMEM, "out of memory building the matrix");
}
