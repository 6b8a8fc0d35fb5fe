/* words.h - word-level tests on the current sentence's tokens: closed word
 * classes (data/lexicon/words.tsv through the lexicon), cue classes
 * (cues.tsv), capitalisation and number shapes, and the text of a span.
 *
 * Every test takes a token index i of x->tok and is false past the end, so
 * callers may look ahead without bounds checks. Nothing here knows about
 * mentions or relations.
 */
#ifndef RELNET_EXTRACT_WORDS_H
#define RELNET_EXTRACT_WORDS_H

#include "internal.h"

/* Tag every word with its closed classes once (the word cache memoises it). */
void x_words_init(struct rn_extractor *x);

/* Tag the current sentence's tokens: closed classes (x->tok_cls), cue
   classes (x->tok_cue, with verb forms of noun cues and capitalised
   grammar cues cleared), and whether it is a headline in capitals or Title
   Case. RN_OK or RN_ENOMEM. */
int x_words_tag(struct rn_extractor *x);

/* Token i's normal form ("" past the end) and flags (0 past the end).
   Inline, like the shape tests below: every stage asks at every token. */
static inline const char *x_norm(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? rn_token_norm(&x->tok, i) : "";
}

static inline uint32_t x_flags(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? x->tok.items[i].flags : 0;
}

/* Token i's normal form is w. Inline: with a literal w the length is known
   at compile time, and most tokens differ in length. */
static inline int x_is(const struct rn_extractor *x, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i < x->tok.len && x->tok.items[i].norm_len == n &&
           memcmp(rn_token_norm(&x->tok, i), w, n) == 0;
}

/* Token i's word is in closed class cls (enum rn_word_class bits), whatever
   its case ("The" in a headline too): the word cache's memo, no tagging
   rules applied. */
int x_in_class(const struct rn_extractor *x, size_t i, uint32_t cls);
/* A third person's possessive determiner at i ("its", "their", "his",
   "her": det and it, they or he in words.tsv): whose, as RN_WORD_IT,
   RN_WORD_THEY or RN_WORD_HE; 0 for any other word. */
uint32_t x_poss_of(const struct rn_extractor *x, size_t i);

/* Open classes from WordNet (relnet/pos.h): enum rn_wordpos bits token i's
   lowercase word can have, and its most frequent one (0: WordNet does not
   know it, or is not installed). x_english: a closed-class word or one
   WordNet knows. x_have_pos: WordNet was loaded. */
#define X_POS_SHIFT 16
#define X_BEST_SHIFT 20
#define X_INFL_SHIFT 24
#define X_IRREG_SHIFT 28
int x_pos(const struct rn_extractor *x, size_t i);
int x_pos_best(const struct rn_extractor *x, size_t i);
/* The bits of x_pos reached through a form WordNet's exception lists
   name ("made", "built", "sold", "banned": verb): with the -ed ending,
   every past participle. */
int x_pos_irregular(const struct rn_extractor *x, size_t i);
int x_english(const struct rn_extractor *x, size_t i);
/* "and", "or": a one-word joiner (cues class joiner) at i. */
int x_is_coord(struct rn_extractor *x, size_t i);
int x_have_pos(const struct rn_extractor *x);
/* An adverb: cues class adv (one word), else a word WordNet has only as
   an adverb ("often") or an -ly word that is no noun or verb ("quickly";
   not "supply", "new" or "well"). Without WordNet: a lowercase -ly word. */
int x_is_adverb(struct rn_extractor *x, size_t i);

/* Closed classes (enum rn_word_class). */
int x_is_closed(const struct rn_extractor *x, size_t i); /* in any closed class */
int x_is_det(const struct rn_extractor *x, size_t i);
int x_is_prep(const struct rn_extractor *x, size_t i);
int x_is_conj(const struct rn_extractor *x, size_t i);
int x_is_wh(const struct rn_extractor *x, size_t i);
int x_is_be(const struct rn_extractor *x, size_t i);
int x_is_aux(const struct rn_extractor *x, size_t i); /* be or aux */
int x_is_we(const struct rn_extractor *x, size_t i);  /* first person: the speaker */
/* A third-person pronoun: 1 and *want = XWANT_HE, XWANT_SHE,
   XWANT_NONPERSON or XWANT_PLURAL; else 0. */
int x_is_pronoun(const struct rn_extractor *x, size_t i, int *want);
/* "61", "1,200", "twelve", "dozens" (not "5G" or "3D") */
int x_is_numberish(const struct rn_extractor *x, size_t i);

/* Shapes. */
int x_is_punct(const struct rn_extractor *x, size_t i, char c);
static inline int x_is_word(const struct rn_extractor *x, size_t i)
{
    return (x_flags(x, i) & RN_TOK_WORD) != 0;
}

/* a capitalised word, no digits */
static inline int x_is_cap(const struct rn_extractor *x, size_t i)
{
    return (x_flags(x, i) & (RN_TOK_WORD | RN_TOK_CAP | RN_TOK_NUM)) == (RN_TOK_WORD | RN_TOK_CAP);
}

int x_is_cap_num(const struct rn_extractor *x, size_t i); /* "5G", "4K" */
int x_is_lower(const struct rn_extractor *x, size_t i);   /* a word without capitals */
int x_is_plural_noun(const struct rn_extractor *x, size_t i); /* lowercase, ends in -s */
/* Token i's normal form ends in suf, with at least two letters before it. */
int x_ends_with(const struct rn_extractor *x, size_t i, const char *suf);

/* Cue classes (cues.tsv): a phrase of class c starts at i (cheap, from the
   per-token bits), and its length in tokens with *m filled (0: none).
   Inline: the mention stage asks at every token, and the bits say no to
   nearly all; x_cue_phrase reads the phrase when they say maybe. */
static inline int x_cue(const struct rn_extractor *x, size_t i, enum rn_cue c)
{
    return i < x->tok.len && (x->tok_cue[i] >> c & 1u);
}
int x_cue_phrase(struct rn_extractor *x, size_t i, enum rn_cue c, struct rn_cue_match *m);
static inline int x_cue_len(struct rn_extractor *x, size_t i, enum rn_cue c,
                            struct rn_cue_match *m)
{
    return x_cue(x, i, c) ? x_cue_phrase(x, i, c, m) : 0;
}
/* The length of a phrase of class c of one to three tokens that ends at
   token i ("struck down" ending at "down"), *m filled; 0: none. */
int x_cue_ending(struct rn_extractor *x, size_t i, enum rn_cue c, struct rn_cue_match *m);

/* A word opening a time phrase inside a noun phrase: "last year", "on
   Monday", "earlier this month" (cue class time, or a capitalised notname
   such as a month). */
int x_is_time_word(const struct rn_extractor *x, size_t i);

/* Append the original text of tokens [a, b) to out with single spaces. */
int x_span_text(struct rn_extractor *x, size_t a, size_t b, struct rn_buf *out);

#endif
