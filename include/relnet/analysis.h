/* analysis.h - network measures on a graph view, computed with igraph.
 *
 * Weight semantics (DESIGN.md): strength-type measures (strength, PageRank,
 * hub/authority, eigenvector, communities) read the summed edge weight as
 * strength; path-type measures (betweenness, closeness) count hops unless
 * distance_inverse asks for 1/weight as the length. Self-loops are left out
 * of path measures. Randomised algorithms are seeded, so runs repeat.
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
    unsigned long seed;       /* RNG seed for communities (RN_DEFAULT_SEED) */
    /* Exact betweenness is O(V*E). Above this many nodes*edges the
       computation is approximated (see rn_centrality.betweenness_note);
       0 = the built-in limit. */
    double exact_betweenness_limit;
};

struct rn_centrality {
    uint32_t n_nodes;
    double *value[RN_M_COUNT]; /* NULL for measures not computed */
    int betweenness_approximate;
    char betweenness_note[256]; /* how it was approximated, "" when exact */
    double modularity;          /* of the community partition, when computed */
    uint32_t n_communities;
};

/* Compute the requested measures. RN_OK, RN_ENOMEM or RN_EINTERNAL (err
 * holds igraph's message). */
int rn_centrality_compute(const struct rn_view *view, const struct rn_centrality_options *opt,
                          struct rn_centrality *out, struct rn_err *err);

void rn_centrality_release(struct rn_centrality *c);

/* Global reciprocity of the view: the share of (source, target) pairs whose
 * reverse pair is also present, self-loops ignored (igraph's default mode on
 * the collapsed graph). */
int rn_reciprocity(const struct rn_view *view, double *out, struct rn_err *err);

/* Process-wide igraph setup (error handler, attribute table, RNG seed);
 * called by rn_lib_init. */
int rn_analysis_setup(unsigned long seed, struct rn_err *err);

#endif
