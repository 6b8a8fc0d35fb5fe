/* mention.h - find the actors, documents and counted sets a sentence
 * mentions (the rules, in order, are listed at the top of mention.c).
 */
#ifndef RELNET_EXTRACT_MENTION_H
#define RELNET_EXTRACT_MENTION_H

#include "internal.h"

/* Fill x->m and x->tok_m for the current, tagged sentence (x_words_tag),
   creating or resolving entities. RN_OK or RN_ENOMEM. */
int x_mentions(struct rn_extractor *x);

#endif
