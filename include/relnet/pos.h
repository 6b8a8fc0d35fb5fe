/* pos.h - open-class parts of speech from WordNet.
 *
 * The closed classes (determiners, prepositions, auxiliaries ...) come from
 * data/lexicon/words.tsv. The open classes - noun, verb, adjective, adverb -
 * come from WordNet 3.0 as Debian's wordnet-base installs it: the lemmas of
 * index.noun, index.verb, index.adj and index.adv, the irregular forms of
 * noun.exc, verb.exc, adj.exc and adv.exc, and WordNet's own suffix rules
 * ("morphy": banned -> ban, companies -> company, bigger -> big) for regular
 * inflections.
 *
 * A word's most frequent part of speech is the one whose lemma has the
 * most senses tagged in WordNet's sense-tagged corpus (the tagsense_cnt of
 * the index line), ties going noun, verb, adjective, adverb. That is a
 * unigram tagger with no context; the extractor uses it where context is
 * already decided by its own rules (is a capitalised sentence opener an
 * English word or a name? can this word head a noun phrase?).
 *
 * The dictionary is read-only after loading; one may serve many threads.
 */
#ifndef RELNET_POS_H
#define RELNET_POS_H

#include "relnet/error.h"

#include <stddef.h>
#include <stdint.h>

enum rn_wordpos {
    RN_WP_NOUN = 1 << 0,
    RN_WP_VERB = 1 << 1,
    RN_WP_ADJ = 1 << 2,
    RN_WP_ADV = 1 << 3,
};

struct rn_pos_word {
    uint8_t pos;       /* enum rn_wordpos bits the word can have (0: WordNet does not know it) */
    uint8_t best;      /* the most frequent of them, one bit (0 when pos is 0) */
    uint8_t inflected; /* bits reached only through an inflection ("banned": verb) */
    uint8_t irregular; /* of those, bits reached through a form WordNet's exception
                          lists name ("made", "sold", and doubled consonants
                          such as "banned": verb) */
};

struct rn_pos_dict;

/* Where WordNet is looked for when no directory is given: $RELNET_WORDNET,
 * else /usr/share/wordnet. */
const char *rn_pos_default_dir(void);

/* Load WordNet from dir (NULL: rn_pos_default_dir()). RN_ENOTFOUND when
 * dir holds no index.noun (the caller decides whether that is an error);
 * "file:line: ..." for a malformed line or a lemma out of order (the
 * index files are sorted); RN_ENOMEM. The index files stay mapped
 * read-only until rn_pos_free. */
int rn_pos_load(const char *dir, struct rn_pos_dict **out, struct rn_err *err);

/* NULL-safe. */
void rn_pos_free(struct rn_pos_dict *d);

/* The parts of speech of a lowercase word w[0..n); returns 1 when WordNet
 * knows it in some form, else 0 with *out zeroed. */
int rn_pos_lookup(const struct rn_pos_dict *d, const char *w, size_t n, struct rn_pos_word *out);

/* Number of single-word lemmas over the four parts of speech, a lemma
 * counted once per part of speech it has (for reports and tests). */
size_t rn_pos_count(const struct rn_pos_dict *d);

#endif
