/* timeline.h - reports per month, by relation: the counts and a stacked
 * bar chart of them as SVG (timeline.svg of `relnet build`, and the
 * chart in the HTML report).
 *
 * Months run from the first to the last dated record, empty months
 * included, so the time axis is true; undated records are counted apart.
 * At most RN_TIMELINE_MAX_MONTHS months (the latest ones) are kept.
 */
#ifndef RELNET_TIMELINE_H
#define RELNET_TIMELINE_H

#include "relnet/buf.h"
#include "relnet/error.h"
#include "relnet/relset.h"

#include <stddef.h>
#include <stdint.h>

#define RN_TIMELINE_MAX_MONTHS 600

struct rn_timeline {
    uint32_t first_month; /* YYYYMM of months[0], 0 when nothing is dated */
    size_t n_months;
    uint32_t n_relations;  /* = set->n_relations */
    uint32_t *count;       /* count[month * n_relations + rel] */
    size_t dated, undated; /* records with and without a date */
    size_t older;          /* dated records before the kept months */
};

/* Count set's records per month and relation. RN_OK or RN_ENOMEM. */
int rn_timeline_build(const struct rn_relset *set, struct rn_timeline *tl, struct rn_err *err);
void rn_timeline_release(struct rn_timeline *tl);

/* YYYYMM of month index i. */
uint32_t rn_timeline_month(const struct rn_timeline *tl, size_t i);

/* Append the chart as a standalone SVG document (with_prolog: the XML
 * declaration first, for a file; without, for inlining in HTML). Every
 * name in it is escaped for XML. RN_EINPUT when nothing is dated. */
int rn_timeline_svg(const struct rn_timeline *tl, const struct rn_relset *set, int with_prolog,
                    struct rn_buf *out, struct rn_err *err);

#endif
