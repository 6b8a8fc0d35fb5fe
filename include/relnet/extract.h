/* extract.h - rule-based relation extraction from article text.
 *
 * The extractor reads an article sentence by sentence and emits one
 * struct rn_record per (source, relation, target) it finds, to a sink. It
 * needs no parser: it tokenizes (token.h), finds actor mentions with the
 * lexicon's gazetteer (longest match; derived forms such as "Chinese
 * officials", "the Chinese side", "Government of India", "China's foreign
 * ministry" are built on the fly), finds relation triggers by stem, and
 * reads each trigger's arguments with the frame the lexicon gives it
 * (active object, passive by-agent, passive location, nominal "ban on Y",
 * "accusations against Y", "blame X on Y", lists and appositions), with the
 * polarity of its verb group (negated, hedged). Pronouns, definite
 * descriptions ("the country", "the app") and surname-only mentions are
 * resolved within the article. The rules are documented in
 * data/lexicon/README.md.
 *
 * Records: source/target types are etype names; sentence_no is 1-based;
 * offset is the byte offset of the SENTENCE in the article text; evidence
 * is the sentence text. All strings in a record are borrowed until the
 * sink's add() returns.
 *
 * Cost: linear in the text (a hash lookup or two per token); one extractor
 * per thread (it keeps a word cache). Deterministic.
 */
#ifndef RELNET_EXTRACT_H
#define RELNET_EXTRACT_H

#include "relnet/error.h"
#include "relnet/lexicon.h"
#include "relnet/record.h"

#include <stddef.h>
#include <stdio.h>

struct rn_extractor;

/* An article to extract from: its clean text and the sentence spans over
 * it (sentence.h), plus metadata copied into every record. */
struct rn_extract_doc {
    const char *text;
    size_t len;
    const size_t *starts, *ends; /* nsent sentence spans [start, end) into text */
    size_t nsent;
    const char *article; /* article id written into records */
    const char *title;   /* may be NULL */
    const char *date;    /* YYYY-MM-DD or NULL */
};

/* The lexicon is borrowed and must outlive the extractor. */
int rn_extractor_new(const struct rn_lexicon *lex, struct rn_extractor **out,
                     struct rn_err *err);
void rn_extractor_free(struct rn_extractor *x);

/* With out not NULL, write for every sentence what the extractor saw: its
 * mentions, each trigger word with the reading and frames tried, and the
 * records it gave or why none (`relnet extract --explain`). NULL: silent. */
void rn_extractor_set_explain(struct rn_extractor *x, FILE *out);

/* Extract every relation of doc into sink. Returns RN_OK, RN_ENOMEM, or the
 * sink's error. Records come in text order. */
int rn_extract_doc(struct rn_extractor *x, const struct rn_extract_doc *doc,
                   const struct rn_sink *sink, struct rn_err *err);

#endif
