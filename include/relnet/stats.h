/* stats.h - who does what to whom: counts per actor, per distinct relation
 * (source, relation, target), mutual pairs and the source x target matrix.
 * Plain C over a graph view (view.h), so the roll-up (--by affiliation),
 * min_count and the record filter mean here what they mean everywhere.
 *
 * Counting (DESIGN.md): news repeats itself, so every count comes in two
 * kinds: reports (every record: every mention, every CSV row) and distinct
 * relations (source, relation, target). Events are distinct (source,
 * relation, target, date), the one-a-day rule of event data; records
 * without a date count as one undated event per relation.
 *
 * Cost: O(records log records) (records are grouped per edge by relation
 * and date), memory O(records + nodes).
 */
#ifndef RELNET_STATS_H
#define RELNET_STATS_H

#include "relnet/error.h"
#include "relnet/view.h"

#include <stddef.h>
#include <stdint.h>

/* One distinct relation (source, relation, target). */
struct rn_stats_triple {
    uint32_t source, target; /* view nodes */
    uint32_t relation;       /* relation index in the relset */
    uint64_t reports;        /* records */
    uint64_t events;         /* distinct dates (undated records: one event) */
    size_t reverse;          /* index of (target, relation, source), or SIZE_MAX */
};

struct rn_stats_actor {
    uint64_t made, received;                   /* reports */
    uint64_t made_relations, received_relations; /* distinct (source, relation, target) */
    uint64_t made_events, received_events;     /* distinct (source, relation, target, date) */
    uint32_t targets, sources; /* distinct counterparts (itself too after a self-loop) */
};

/* Totals for one relation name. */
struct rn_stats_relation {
    uint32_t relation; /* relation index in the relset */
    uint64_t reports, relations, events;
    uint32_t sources, targets; /* distinct actors making / receiving it */
};

struct rn_stats {
    const struct rn_view *view;   /* borrowed */
    struct rn_stats_actor *actor; /* indexed by view node */
    /* Ordered by (source, target, relation), i.e. by view edge. */
    struct rn_stats_triple *triple;
    size_t n_triples;
    /* Mutual pairs, each once: index of the triple A->B with A < B (node
       order); its reverse is triple[i].reverse. */
    size_t *mutual;
    size_t n_mutual;
    /* Share of distinct relations between two different actors whose
       reverse (same relation) exists too; 0 when there are none. For one
       relation this is igraph's reciprocity of the collapsed graph. */
    double reciprocity;
    struct rn_stats_relation *relation; /* relations present, by name */
    size_t n_relations;
    uint64_t reports, relations, events; /* totals */
};

/* Count everything in view. out is overwritten; release it with
 * rn_stats_release (also after an error). RN_OK or RN_ENOMEM. */
int rn_stats_compute(const struct rn_view *view, struct rn_stats *out, struct rn_err *err);
void rn_stats_release(struct rn_stats *s);

/* What to rank actors and triples by. */
enum rn_stats_key {
    RN_STATS_MADE,     /* actors: reports made */
    RN_STATS_RECEIVED, /* actors: reports received */
    RN_STATS_TOTAL,    /* actors: made + received */
    RN_STATS_REPORTS,  /* triples: reports */
    RN_STATS_EVENTS,   /* triples: events */
};

/* Node indexes of the top actors by key (MADE, RECEIVED or TOTAL), most
 * first; ties by the other count, then by name (byte order). Actors with 0
 * for the key are left out. Writes up to top (0 = all) into out (n_nodes
 * long) and returns how many (0 also on out of memory). */
size_t rn_stats_top_actors(const struct rn_stats *s, enum rn_stats_key key, size_t top,
                           uint32_t *out);

/* Triple indexes by key (REPORTS or EVENTS), most first; ties by the other
 * count, then source, relation and target name. out is n_triples long.
 * Returns how many were written (0 also on out of memory). */
size_t rn_stats_top_triples(const struct rn_stats *s, enum rn_stats_key key, size_t top,
                            size_t *out);

/* The matrix of the top n actors by RN_STATS_TOTAL: actors[0..*n) and
 * cells[i * n + j] = reports (or events when events) from actors[i] to
 * actors[j], all selected relations together. Both arrays are malloc'd
 * for the caller. RN_OK or RN_ENOMEM. */
int rn_stats_matrix(const struct rn_stats *s, size_t top, int events, uint32_t **actors,
                    uint64_t **cells, size_t *n, struct rn_err *err);

#endif
