/* report.h - the HTML report: one self-contained page (no network request
 * of any kind) that a reader can open from file:// and send on.
 *
 * What it holds: a summary; who accuses whom (the affiliation diagram
 * drawn by render, the matrix as a heat map, the mutual pairs); per
 * relation, the top sources and targets as sortable tables; the
 * interactive graph (node positions, wrapped labels and arrow routes from
 * Graphviz, as in the static diagrams; drawn and filtered in the page with d3: pan and zoom, search, relation / polarity / date filters,
 * every report behind a node or an edge on click); reports per month
 * (timeline.h); centrality with one line on each measure; a methods note.
 *
 * Escaping: text in the HTML is escaped for HTML; the data the page's
 * script reads is JSON in <script type="application/json"> with every
 * '<', '>' and '&' written as \u003c, \u003e, \u0026, so no article text
 * can close the element; the script puts text in with textContent only.
 * Links are emitted for http(s) URLs only.
 */
#ifndef RELNET_REPORT_H
#define RELNET_REPORT_H

#include "relnet/buf.h"
#include "relnet/error.h"
#include "relnet/relset.h"

#include <stddef.h>

/* At most this many entities in the interactive graph (by PageRank). */
#define RN_REPORT_GRAPH_TOP 150

struct rn_report_options {
    const char *title;      /* page title, or NULL for "relnet report" */
    const char *d3;         /* the d3 library's source to inline, or NULL: the graph
                               is then shown without interaction, and the page says so */
    size_t d3_len;
    /* At most this many reports with their sentences in the page (0: all):
       the first ones of each arrow, as many per arrow as fit (at least
       one). The counts per arrow and date, which the tables, arrow widths
       and filters use, always cover every report, and the page says how
       many it holds and how to get the rest. */
    size_t max_reports;
};

/* relnet report's and build's default max_reports: a page of a few MB. */
#define RN_REPORT_MAX_REPORTS 20000
#define RN_REPORT_MAX_REPORTS_TEXT "20000"

/* Write the page for set (every polarity, with evidence texts) into out;
 * accuses (asserted 'accuses' records, or NULL when there are none) feeds
 * the who-accuses-whom part. RN_OK, RN_EINPUT (no records), RN_ENOMEM or
 * RN_EINTERNAL (Graphviz). */
int rn_report_write(const struct rn_relset *set, const struct rn_relset *accuses,
                    const struct rn_report_options *opt, struct rn_buf *out, struct rn_err *err);

#endif
