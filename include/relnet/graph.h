/* graph.h - the igraph bridge: graph views as igraph graphs, igraph's
 * process-wide setup and the GraphML writer.
 *
 * graph.c and analysis.c are the only files that include igraph.h. The
 * functions that take igraph types are declared at the end of this header
 * and are visible only to a file that has included igraph.h first; every
 * other module sees the igraph-free part.
 *
 * igraph keeps process-global state (error handler, attribute table, RNG;
 * IGRAPH_THREAD_SAFE is 0): call it from one thread only. The default
 * igraph error handler calls abort(); rn_graph_setup() replaces it with one
 * that records the message and returns, so every failure comes back as a
 * status. Functions here run the setup themselves when nobody has yet.
 */
#ifndef RELNET_GRAPH_H
#define RELNET_GRAPH_H

#include "relnet/error.h"
#include "relnet/view.h"

#include <stdio.h>

/* Seed of every randomised algorithm (layouts, sampled centrality,
 * communities) unless the caller picks one: same input, same output. */
#define RN_DEFAULT_SEED 42ul
/* The same number as --help shows it (test_graph checks they agree). */
#define RN_DEFAULT_SEED_TEXT "42"

/* Install the returning error handler, silence warnings, set the C
 * attribute table (needed before any graph with attributes exists) and
 * seed igraph's default RNG. Safe to call more than once. RN_OK. */
int rn_graph_setup(unsigned long seed, struct rn_err *err);

/* Write the view as GraphML (directed; one edge per view edge, so a view
 * built per_relation gives a multigraph). Node attributes: name, label
 * (the name, for Gephi), type (country, person, ...), affiliation (the
 * affiliation's name, "" when none); edge attributes: label and relation
 * (the dominant relation), polarity, first_date, last_date, evidence (one
 * sentence per line), count (reports), weight (summed weight). igraph
 * leaves empty strings out. Keys are prefixed (v_name, e_weight) while
 * attr.name is the plain name, which is what NetworkX, Gephi and igraph
 * read. Control characters that XML 1.0 forbids are written as U+FFFD,
 * carriage returns as &#13; (readers would turn a raw one into LF);
 * everything else is escaped by igraph's writer. RN_OK, RN_ENOMEM, RN_EIO
 * or RN_EINTERNAL. */
int rn_graph_write_graphml(const struct rn_view *view, FILE *out, struct rn_err *err);

#ifdef IGRAPH_H
/* --- for graph.c and analysis.c only (they include igraph.h first) ------- */

enum rn_graph_kind {
    /* every view edge, edge i = view edge i; weights = summed weights */
    RN_GRAPH_DIRECTED,
    /* directed, self-loops left out; unweighted (paths count hops) or,
       with inverse, lengths 1/weight (edges of weight 0 are left out: no
       path runs through a relation without strength) */
    RN_GRAPH_PATHS,
    /* undirected, self-loops left out, A->B and B->A merged into one edge
       whose weight is the sum of both */
    RN_GRAPH_UNDIRECTED,
};

/* Build g (uninitialised on entry; destroy with igraph_destroy on RN_OK)
 * with view->n_nodes vertices, vertex i = view node i. weights must be an
 * initialised vector; it is resized to the edge count of g, or to 0 when g
 * is unweighted (RN_GRAPH_PATHS counting hops: pass NULL to igraph then).
 * With RN_GRAPH_DIRECTED weights may be NULL: edge i's weight is then
 * view->weight[i], which rn_graph_view_weights shows to igraph without a
 * copy. inverse only matters for RN_GRAPH_PATHS. RN_OK, RN_ENOMEM or
 * RN_EINTERNAL; on error nothing needs freeing except weights (still the
 * caller's). Cost O(V + E). */
int rn_graph_build(const struct rn_view *view, enum rn_graph_kind kind, int inverse, igraph_t *g,
                   igraph_vector_t *weights, struct rn_err *err);

/* igraph_create(g, edges, n, directed) for edges given as two columns,
 * edge i = from[i] -> to[i] (to must be as long as from; every id in
 * [0, n)), without igraph_create's copy of them and its linked-list
 * sorts: g takes from and to over (they are destroyed on error too; the
 * caller only destroys g, on RN_OK). Same graph, every index and edge id
 * equal to igraph_create's; fastest when the edges come ordered by
 * (from, to) without repeats, as a view's do. RN_OK, RN_ENOMEM or
 * RN_EINTERNAL (an id out of range). Cost O(V + E). */
int rn_graph_create(igraph_t *g, igraph_integer_t n, igraph_vector_int_t *from,
                    igraph_vector_int_t *to, int directed, struct rn_err *err);

/* The weights of RN_GRAPH_DIRECTED's edges as an igraph vector that
 * borrows view->weight: valid while the view lives; never destroy it. */
const igraph_vector_t *rn_graph_view_weights(const struct rn_view *view, igraph_vector_t *shown);

/* Turn the failed igraph call's rc into a status (RN_ENOMEM or
 * RN_EINTERNAL) with "what: igraph's reason" in err, and forget the
 * recorded reason. */
int rn_graph_fail(struct rn_err *err, igraph_error_t rc, const char *what);

/* Forget a reason recorded by an earlier failure nobody reported. */
void rn_graph_clear_error(void);
#endif

#endif
