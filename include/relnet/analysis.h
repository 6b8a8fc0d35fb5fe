/* analysis.h - network measures on a graph view, computed with igraph.
 *
 * Weight semantics (DESIGN.md): strength-type measures (strength, PageRank,
 * hub/authority, eigenvector, communities) read the summed edge weight as
 * strength; path-type measures (betweenness, closeness) count hops unless
 * distance_inverse asks for 1/weight as the length. Self-loops are left out
 * of path measures, coreness, eigenvector and communities. Randomised
 * algorithms and samples are seeded, so runs repeat.
 *
 * Everything here calls igraph, which is single-threaded state: call from
 * one thread (graph.h).
 *
 * Results are arrays indexed by view node.
 */
#ifndef RELNET_ANALYSIS_H
#define RELNET_ANALYSIS_H

#include "relnet/error.h"
#include "relnet/view.h"

#include <stddef.h>
#include <stdint.h>

enum rn_measure {
    RN_M_IN_DEGREE,
    RN_M_OUT_DEGREE,
    RN_M_IN_STRENGTH,
    RN_M_OUT_STRENGTH,
    RN_M_PAGERANK,
    RN_M_BETWEENNESS,
    RN_M_CLOSENESS, /* harmonic centrality, so disconnected graphs work */
    RN_M_HUB,
    RN_M_AUTHORITY,
    RN_M_EIGENVECTOR, /* on the undirected weighted view */
    RN_M_CORENESS,
    RN_M_COMMUNITY, /* community id, from Louvain or Leiden on the undirected weighted view */
    RN_M_COUNT
};

/* CSV column names, in order: "in_degree", "out_degree", ..., "community". */
const char *rn_measure_name(enum rn_measure m);
/* RN_OK and *out, or RN_EUSAGE for an unknown name. */
int rn_measure_parse(const char *name, enum rn_measure *out);

enum rn_community_algo { RN_COMMUNITY_LOUVAIN = 0, RN_COMMUNITY_LEIDEN = 1 };

struct rn_centrality_options {
    unsigned measures;        /* bit (1u << enum rn_measure) per measure wanted */
    int distance_inverse;     /* path measures use 1/weight as length */
    enum rn_community_algo community;
    unsigned long seed;       /* RNG seed for communities and samples (RN_DEFAULT_SEED) */
    /* Exact betweenness and closeness are O(V*E). Above this many
       nodes*edges both are estimated from a sample of about limit/edges
       nodes (see the *_note fields); 0 = RN_EXACT_PATHS_LIMIT, INFINITY =
       always exact. */
    double exact_betweenness_limit;
    /* Called once, when the view's from and to have been read for the last
       time: right after the last igraph graph the measures need is built,
       before those measures allocate what they need (NULL: not called). A
       caller that needs no edges afterwards can drop them there
       (rn_view_drop_edges), lowering the peak memory. */
    void (*edges_done)(void *ctx);
    void *edges_done_ctx;
};

struct rn_centrality {
    uint32_t n_nodes;
    double *value[RN_M_COUNT]; /* NULL for measures not computed */
    int betweenness_approximate;
    char betweenness_note[256]; /* how it was approximated, "" when exact */
    double modularity;          /* of the community partition, when computed */
    uint32_t n_communities;
    /* Closeness is approximated above the same size limit, the same way. */
    int closeness_approximate;
    char closeness_note[256];
};

/* The options' defaults: every measure off, hops, Louvain, RN_DEFAULT_SEED,
 * the built-in betweenness limit. */
void rn_centrality_options_init(struct rn_centrality_options *opt);

/* Compute the requested measures; out is overwritten (release it with
 * rn_centrality_release, also after an error).
 *
 * What each measure is (node = view node; edges are the collapsed
 * (source, target) pairs, weight = summed weight):
 *   in/out degree      distinct sources / targets (a self-loop counts once
 *                      each way); reports are in the strength when weights
 *                      are 1 per report
 *   in/out strength    summed weight received / made
 *   pagerank           directed, weighted, damping 0.85 (PRPACK); sums to 1
 *   betweenness        directed, shortest paths by hops (or 1/weight),
 *                      not normalised; self-loops left out
 *   closeness          harmonic: mean over the other n-1 nodes of
 *                      1/distance along outgoing paths (0 when unreachable)
 *   hub, authority     Kleinberg's HITS, weighted, scaled to max 1
 *   eigenvector        undirected weighted view, scaled to max 1
 *   coreness           k-core number of the undirected view without loops
 *   community          0 = the largest community, then by size (ties: the
 *                      community holding the lowest node first)
 * Betweenness and closeness cost O(V*E): above exact_betweenness_limit
 * (nodes * edges) they are estimated from a seeded sample of source (or
 * target) nodes, scaled up, and the *_approximate/_note fields say so.
 *
 * RN_OK, RN_EUSAGE (unknown measure bit), RN_EINPUT (negative or non-finite
 * weight: err names the edge), RN_ENOMEM or RN_EINTERNAL (err holds
 * igraph's message). Runs igraph setup when nobody has (graph.h). */
int rn_centrality_compute(const struct rn_view *view, const struct rn_centrality_options *opt,
                          struct rn_centrality *out, struct rn_err *err);

void rn_centrality_release(struct rn_centrality *c);

/* The top nodes by measure m (computed in c), best first: highest value
 * first, except community, which sorts ascending (largest community
 * first); ties by name (byte order) when view is given, then by node
 * index, so the order does not depend on how the input was loaded. Writes
 * up to top node indexes into order (all of them when top is 0 or >=
 * n_nodes) and returns how many. O(n log top). */
size_t rn_centrality_rank(const struct rn_centrality *c, const struct rn_view *view,
                          enum rn_measure m, size_t top, uint32_t *order);

/* The default betweenness/closeness size limit (nodes * edges). */
#define RN_EXACT_PATHS_LIMIT 1e8

/* Global reciprocity of the view: the share of (source, target) pairs whose
 * reverse pair is also present, self-loops ignored (igraph's default mode on
 * the collapsed graph). */
int rn_reciprocity(const struct rn_view *view, double *out, struct rn_err *err);

/* Process-wide igraph setup (error handler, attribute table, RNG seed);
 * called by rn_lib_init. */
int rn_analysis_setup(unsigned long seed, struct rn_err *err);

#endif
