/* relation.h - relation triggers and their arguments: for each trigger the
 * lexicon finds in the current sentence, the frame from relations.tsv says
 * where source and target are; polarity comes from the verb group (the
 * rules are listed at the top of relation.c).
 */
#ifndef RELNET_EXTRACT_RELATION_H
#define RELNET_EXTRACT_RELATION_H

#include "internal.h"

/* Emit the relations of the current sentence (after x_mentions). */
int x_relations(struct rn_extractor *x);

#endif
