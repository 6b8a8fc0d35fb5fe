/* explain.h - what the extractor saw and did, sentence by sentence, for
 * `relnet extract --explain` (rn_extractor_set_explain): the mentions found,
 * each trigger word with the reading and frames tried, and the records it
 * gave or why it gave none. Every function does nothing when no explanation
 * was asked for.
 */
#ifndef RELNET_EXTRACT_EXPLAIN_H
#define RELNET_EXTRACT_EXPLAIN_H

#include "internal.h"

/* The sentence, its headline reading and its mentions (after x_mentions). */
void x_explain_sentence(struct rn_extractor *x);
/* Trigger tr at tokens [t, tend) read as a noun or a verb: what was tried. */
void x_explain_trigger(struct rn_extractor *x, const struct rn_trigger *tr, size_t t,
                       size_t tend, int noun);
/* Why a trigger word was passed over ("inside the name X", "read as a noun"). */
void x_explain_skip(struct rn_extractor *x, size_t t, const char *why);
/* The trigger tried last gave no record (emitted: records since it started). */
void x_explain_result(struct rn_extractor *x, size_t emitted);
/* A record about to be written. */
void x_explain_record(struct rn_extractor *x, const struct rn_record *rec);
/* The sentence held no trigger word at all. */
void x_explain_no_trigger(struct rn_extractor *x);

#endif
