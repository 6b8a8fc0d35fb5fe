/* documents.h - documents named or described in a sentence: "the Oslo
 * Accord", "a plan to regulate cloud providers", "the declaration" (the
 * latest declaration of the article, or of its family: cues.tsv dochead
 * values say which head nouns refer back to which).
 */
#ifndef RELNET_EXTRACT_DOCUMENTS_H
#define RELNET_EXTRACT_DOCUMENTS_H

#include "internal.h"

/* The end of a document phrase whose head noun is token head: "plan on AI",
   "deal with ZTE", "declaration of the summit". */
size_t x_doc_extend(struct rn_extractor *x, size_t head);
/* The words after a document's head noun are its own act, not only its
   name: "a law banning X", "a decree imposing sanctions on X", "a
   proposal to ban X" (a trigger or light verb in -ing, or after "to",
   opens them). The name keeps them; the mention ends at the head so that
   the act and its target are read. */
int x_doc_acts(struct rn_extractor *x, size_t i);
/* Does token i open a document's complement ("of", "on", "for", "with":
   "the Declaration on AI Safety")? */
int x_doc_prep(const struct rn_extractor *x, size_t i);
/* The document entity for a described document in tokens [a, b) whose head
   noun is token head (resolving "the declaration" to the latest one);
   XNONE when a bare noun ("the plan") has nothing to refer back to. */
uint32_t x_doc_entity(struct rn_extractor *x, size_t a, size_t b, size_t head, int definite);
/* Give document e the head noun at token i (and its family), once. */
void x_doc_set_head(struct rn_extractor *x, uint32_t e, size_t i);

#endif
