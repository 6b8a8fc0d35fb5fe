/* records.h - turning a relation between two entities into a record for
 * the sink, and remembering what was emitted in the article.
 */
#ifndef RELNET_EXTRACT_RECORDS_H
#define RELNET_EXTRACT_RECORDS_H

#include "internal.h"

/* The relation of relations.tsv rows that enact a document ("passed a
   bill", "adopted a law"): remembered as the document's owner, so that its
   acts are the enactor's, but never written as a record. */
#define RN_REL_ENACTS "enacts"

/* Copy the sentence [a, b) of the article into x->evidence with runs of
   whitespace made one space, so that every record is one line in TSV. */
int x_set_evidence(struct rn_extractor *x, size_t a, size_t b);

/* Emit r as a record of the current sentence (dropping self-relations,
   documents as sources and bodies acting on their own state). */
int x_emit(struct rn_extractor *x, const struct xrel *r);
/* Write the article's records to the sink, in the order they were
   emitted, once the article is read: a described document the article
   names later in apposition ("vetoes controversial bill" ... "vetoed SB
   1047, a controversial bill") is written as that name. Empties the list. */
int x_flush_records(struct rn_extractor *x);
/* The source of the latest relation emitted in this article with this
   relation and target, or XNONE. */
uint32_t x_hist_source(const struct rn_extractor *x, const char *relation, uint32_t target);
/* Who last signed or enacted a document in force of the law family
   (decree, order, law) in this article, or XNONE. */
uint32_t x_decree_owner(const struct rn_extractor *x);

#endif
