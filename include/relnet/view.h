/* view.h - the graph view: relation records collapsed to weighted edges.
 *
 * Parallel records between the same (source, target) collapse into one
 * edge: count = number of reports, weight = sum of their weights. With
 * per_relation, the view is a multigraph instead: one edge per (source,
 * target, relation, polarity), so an export keeps "X bans Y" apart from
 * "X accuses Y" and from "X does not ban Y". With
 * by_affiliation, people and agencies first roll up to the state or body
 * they act for. Pairs reported fewer than min_count times are dropped, and
 * so are entities left without any edge. Self-loops ("China accuses
 * China") are kept here; path measures leave them out (analysis.h).
 *
 * Deterministic: nodes are ordered by entity index, edges by (from, to),
 * and each edge's records by record index. Building is O(records +
 * entities) with two (four when per_relation) counting sorts; no hashing;
 * 8 bytes per record of scratch (12 with by_affiliation) and about 40 per
 * edge. A measures_only view (not per_relation) sorts the records'
 * endpoints and weights themselves rather than their indexes, so that no
 * pass reads the records at random: 24 bytes per record of scratch, half
 * of it freed before the edges (16 bytes each) are made.
 */
#ifndef RELNET_VIEW_H
#define RELNET_VIEW_H

#include "relnet/error.h"
#include "relnet/relset.h"

#include <stddef.h>
#include <stdint.h>

struct rn_view_options {
    int by_affiliation; /* roll entities up to their affiliation */
    long min_count;     /* drop (source, target) pairs with fewer reports (<= 1: keep all) */
    int per_relation;   /* one edge per (source, target, relation, polarity) */
    int measures_only;  /* keep only what graph measures read (from, to, weight
                           and the node maps): count, relation, n_kinds,
                           polarity, the dates and the record lists stay NULL */
};

struct rn_view {
    const struct rn_relset *set; /* borrowed: must outlive the view */

    uint32_t n_nodes;
    uint32_t *node_entity; /* node -> entity index in set */
    uint32_t *entity_node; /* entity -> node, or RN_NONE (set->n_entities long) */

    size_t n_edges;
    uint32_t *from, *to; /* node indexes */
    uint32_t *count;     /* reports */
    double *weight;      /* summed weights */
    uint32_t *relation;  /* the relation with most reports on this edge (ties: lowest index) */
    uint32_t *n_kinds;   /* how many different relations the edge mixes */
    uint8_t *polarity;   /* enum rn_polarity of its records; RN_POL_COUNT when they differ */
    uint32_t *first_date, *last_date; /* YYYYMMDD of its dated records, 0 when none is */

    /* The records of edge e are record_index[record_start[e] .. record_start[e + 1]). */
    size_t *record_start;   /* n_edges + 1 */
    uint32_t *record_index; /* set->n_records at most (a view takes up to 2^32 - 1) */
};

/* The polarity name of edge e ("mixed" when its records differ). */
const char *rn_view_polarity_name(const struct rn_view *view, size_t e);

/* The evidence of edge e: its records' distinct sentences, at most
 * RN_VIEW_EVIDENCE_MAX, into out (borrowed from the relset); returns how
 * many (0 when the relset kept no texts). */
#define RN_VIEW_EVIDENCE_MAX 5
size_t rn_view_edge_evidence(const struct rn_view *view, size_t e, const char **out);

/* The same sentences one per line, appended to text. RN_OK or RN_ENOMEM. */
struct rn_buf;
int rn_view_edge_evidence_text(const struct rn_view *view, size_t e, struct rn_buf *text);

/* Build the view of every record in set. RN_OK or RN_ENOMEM. */
int rn_view_build(const struct rn_relset *set, const struct rn_view_options *opt,
                  struct rn_view **out, struct rn_err *err);

void rn_view_free(struct rn_view *view);

/* Free view's from and to, which become NULL; n_edges keeps the number of
 * edges and everything else stays (node names, weights): for a caller done
 * with the edges, such as rn_centrality_options.edges_done. */
void rn_view_drop_edges(struct rn_view *view);

/* The entity an entity stands for in views built with by_affiliation (itself
 * when it has no affiliation); follows chains, at most 16 hops. */
uint32_t rn_view_top_affiliation(const struct rn_relset *set, uint32_t entity);

/* Name of node n (borrowed from the relset). */
const char *rn_view_node_name(const struct rn_view *view, uint32_t n);

#endif
