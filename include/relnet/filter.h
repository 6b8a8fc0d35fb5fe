/* filter.h - which relation records an analysis, export or drawing uses.
 *
 * The same options (--relation, --since, --until, --polarity, --min-count)
 * mean the same thing in every command: relation, date and polarity
 * choose records; min_count then drops (source, target) pairs of the graph
 * view reported fewer than N times.
 */
#ifndef RELNET_FILTER_H
#define RELNET_FILTER_H

#include "relnet/error.h"
#include "relnet/record.h"

#define RN_FILTER_MAX_RELATIONS 32

struct rn_filter {
    /* relation names (lowercase); none = every relation */
    char *relations[RN_FILTER_MAX_RELATIONS];
    int n_relations;
    char since[11]; /* YYYY-MM-DD or "": records dated before are dropped */
    char until[11]; /* YYYY-MM-DD or "": records dated after are dropped */
    unsigned long since_num, until_num; /* the same as YYYYMMDD numbers, 0 if unset */
    /* bit (1 << polarity) set = kept; default asserted only */
    unsigned polarity_mask;
    long min_count; /* pairs reported fewer times are dropped; default 1 */
};

/* Default: every relation, no dates, asserted only, min_count 1. */
void rn_filter_init(struct rn_filter *f);
void rn_filter_release(struct rn_filter *f);

/* Parse option values. RN_OK, RN_EUSAGE (err says what is wrong) or RN_ENOMEM.
 * relations: "accuses,bans"; polarity: "asserted", "all", or a list of
 * asserted/hedged/negated; dates: anything rn_date_normalize accepts. */
int rn_filter_set_relations(struct rn_filter *f, const char *list, struct rn_err *err);
int rn_filter_set_polarity(struct rn_filter *f, const char *list, struct rn_err *err);
int rn_filter_set_since(struct rn_filter *f, const char *date, struct rn_err *err);
int rn_filter_set_until(struct rn_filter *f, const char *date, struct rn_err *err);

/* Does one record pass (relation, dates, polarity)? relation must already be
 * normalised; date is YYYYMMDD as a number, 0 when undated. Undated records
 * fail a date bound: a relation with no date cannot be placed inside a
 * period. f may be NULL (everything passes). */
int rn_filter_match(const struct rn_filter *f, const char *relation, unsigned long date,
                    enum rn_polarity pol);

/* Is the relation name selected (ignoring dates and polarity)? */
int rn_filter_has_relation(const struct rn_filter *f, const char *relation);

/* A one-line description for reports ("relations accuses; asserted; since
 * 2020-01-01"), written into buf. */
void rn_filter_describe(const struct rn_filter *f, char *buf, size_t size);

#endif
