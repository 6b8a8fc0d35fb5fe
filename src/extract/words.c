/* words.c - word-level tests on the current sentence (see words.h).
 *
 * Closed classes come from data/lexicon/words.tsv through the lexicon and
 * are looked up once per distinct word (the word cache memoises them); cue
 * classes (cues.tsv) once per token when a sentence is tagged.
 */
#include "words.h"

#include "relnet/pos.h"

#include <stdlib.h>
#include <string.h>

int x_is_punct(const struct rn_extractor *x, size_t i, char c)
{
    return i < x->tok.len && (x_flags(x, i) & RN_TOK_PUNCT) && x_norm(x, i)[0] == c &&
           x_norm(x, i)[1] == '\0';
}

/* ---- closed classes ----------------------------------------------------------------- */

/* The word cache's tagger: closed classes of a normalised word in the low
   16 bits, WordNet's open classes above them (X_POS_SHIFT...). */
static uint32_t word_tag(void *ctx, const char *w, size_t n)
{
    const struct rn_extractor *x = ctx;
    uint32_t bits = rn_lexicon_word_classes(x->lex, w, n);
    struct rn_pos_word pw;
    if (rn_pos_lookup(rn_lexicon_pos(x->lex), w, n, &pw))
        bits |= (uint32_t)pw.pos << X_POS_SHIFT | (uint32_t)pw.best << X_BEST_SHIFT |
                (uint32_t)pw.inflected << X_INFL_SHIFT | (uint32_t)pw.irregular << X_IRREG_SHIFT;
    return bits;
}

int x_pos(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? (int)(rn_wordcache_tag(x->wc, &x->tok, i) >> X_POS_SHIFT & 0xf) : 0;
}

int x_pos_irregular(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? (int)(rn_wordcache_tag(x->wc, &x->tok, i) >> X_IRREG_SHIFT & 0xf) : 0;
}

int x_pos_best(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? (int)(rn_wordcache_tag(x->wc, &x->tok, i) >> X_BEST_SHIFT & 0xf) : 0;
}

int x_english(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len && rn_wordcache_tag(x->wc, &x->tok, i) != 0;
}

int x_is_coord(struct rn_extractor *x, size_t i)
{
    struct rn_cue_match cm;
    return x_is_word(x, i) && x_cue_len(x, i, RN_CUE_JOINER, &cm) == 1;
}

int x_have_pos(const struct rn_extractor *x)
{
    return rn_lexicon_pos(x->lex) != NULL;
}

int x_is_adverb(struct rn_extractor *x, size_t i)
{
    if (!x_is_word(x, i) || (x_flags(x, i) & RN_TOK_CAP))
        return 0;
    struct rn_cue_match cm;
    /* one-word adverbs only: "in" starts "in effect" but is no adverb */
    if (x_cue_len(x, i, RN_CUE_ADV, &cm) == 1)
        return 1;
    if (!x_have_pos(x))
        return x_ends_with(x, i, "ly");
    /* only an adverb ("often", "already"), or an -ly word that is no noun
       or verb ("quickly", "likely"; not "supply", and not "new", an
       adjective first) */
    int pos = x_pos(x, i);
    if (rn_wordcache_tag(x->wc, &x->tok, i) & RN_WORD_CLOSED)
        return 0;
    return pos == RN_WP_ADV ||
           (x_ends_with(x, i, "ly") && (pos & RN_WP_ADV) && !(pos & (RN_WP_NOUN | RN_WP_VERB)));
}

void x_words_init(struct rn_extractor *x)
{
    rn_wordcache_set_tagger(x->wc, word_tag, x);
}

static uint32_t wcls(const struct rn_extractor *x, size_t i)
{
    return i < x->tok.len ? x->tok_cls[i] : 0;
}

int x_in_class(const struct rn_extractor *x, size_t i, uint32_t cls)
{
    return (rn_wordcache_tag(x->wc, &x->tok, i) & cls) != 0;
}

uint32_t x_poss_of(const struct rn_extractor *x, size_t i)
{
    uint32_t tag = i < x->tok.len ? rn_wordcache_tag(x->wc, &x->tok, i) : 0;
    return tag & RN_WORD_DET ? tag & (RN_WORD_IT | RN_WORD_THEY | RN_WORD_HE) : 0;
}

int x_is_closed(const struct rn_extractor *x, size_t i)
{
    return wcls(x, i) != 0;
}

int x_is_det(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & RN_WORD_DET) != 0;
}

int x_is_prep(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & RN_WORD_PREP) != 0;
}

int x_is_conj(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & RN_WORD_CONJ) != 0;
}

int x_is_wh(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & RN_WORD_WH) != 0;
}

int x_is_be(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & RN_WORD_BE) != 0;
}

int x_is_aux(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & (RN_WORD_BE | RN_WORD_AUX)) != 0;
}

int x_is_we(const struct rn_extractor *x, size_t i)
{
    return (wcls(x, i) & RN_WORD_WE) != 0;
}

int x_is_pronoun(const struct rn_extractor *x, size_t i, int *want)
{
    uint32_t c = wcls(x, i);
    if (c & RN_WORD_HE)
        *want = x_norm(x, i)[0] == 's' || strcmp(x_norm(x, i), "her") == 0 ? XWANT_SHE : XWANT_HE;
    else if (c & RN_WORD_IT)
        *want = XWANT_NONPERSON;
    else if (c & RN_WORD_THEY)
        *want = XWANT_PLURAL;
    else
        return 0;
    return 1;
}

int x_is_numberish(const struct rn_extractor *x, size_t i)
{
    if (wcls(x, i) & RN_WORD_NUM)
        return 1;
    if (!(x_flags(x, i) & RN_TOK_NUM))
        return 0;
    for (const char *w = x_norm(x, i); *w; w++)
        if (!((*w >= '0' && *w <= '9') || *w == ',' || *w == '.'))
            return 0;
    return 1;
}

/* ---- shapes -------------------------------------------------------------------------- */

int x_is_cap_num(const struct rn_extractor *x, size_t i)
{
    return (x_flags(x, i) & (RN_TOK_WORD | RN_TOK_NUM | RN_TOK_CAP)) ==
           (RN_TOK_WORD | RN_TOK_NUM | RN_TOK_CAP);
}

int x_is_lower(const struct rn_extractor *x, size_t i)
{
    return x_is_word(x, i) && !(x_flags(x, i) & RN_TOK_CAP);
}

int x_is_plural_noun(const struct rn_extractor *x, size_t i)
{
    if (!x_is_lower(x, i))
        return 0;
    const char *w = x_norm(x, i);
    size_t n = strlen(w);
    return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i';
}

int x_ends_with(const struct rn_extractor *x, size_t i, const char *suf)
{
    if (i >= x->tok.len)
        return 0;
    const char *w = rn_token_norm(&x->tok, i);
    size_t n = x->tok.items[i].norm_len, k = strlen(suf);
    return n > k + 1 && memcmp(w + n - k, suf, k) == 0;
}

/* ---- cues ---------------------------------------------------------------------------- */

int x_cue_phrase(struct rn_extractor *x, size_t i, enum rn_cue c, struct rn_cue_match *m)
{
    return rn_lexicon_cue(x->lex, x->wc, &x->tok, i, x->tok.len, c, m) ? (int)m->ntok : 0;
}

int x_cue_ending(struct rn_extractor *x, size_t i, enum rn_cue c, struct rn_cue_match *m)
{
    for (size_t back = 0; back < 3 && back <= i; back++)
        if (x_cue_len(x, i - back, c, m) == (int)back + 1)
            return (int)back + 1;
    return 0;
}

/* Words that open a time phrase inside a noun phrase: "last year",
   "on Monday", "earlier this month". */
int x_is_time_word(const struct rn_extractor *x, size_t i)
{
    return x_cue(x, i, RN_CUE_TIME) ||
           (x_cue(x, i, RN_CUE_NOTNAME) && x_is_cap(x, i) && !(x_flags(x, i) & RN_TOK_UPPER));
}

/* ---- text of spans ------------------------------------------------------------------- */

int x_span_text(struct rn_extractor *x, size_t a, size_t b, struct rn_buf *out)
{
    rn_buf_reset(out);
    for (size_t i = a; i < b && i < x->tok.len; i++) {
        const struct rn_token *t = &x->tok.items[i];
        if (out->len && (t->flags & RN_TOK_SPACE) && rn_buf_addc(out, ' ') != RN_OK)
            return RN_ENOMEM;
        if (t->flags & RN_TOK_HYPHEN && rn_buf_addc(out, '-') != RN_OK)
            return RN_ENOMEM;
        /* Quote marks and possessives inside a name are dropped: "the
           \"Clean Network\"" is named Clean Network. */
        if (t->flags & RN_TOK_QUOTE)
            continue;
        if (rn_buf_add(out, x->text + t->start, t->end - t->start) != RN_OK)
            return RN_ENOMEM;
    }
    return rn_buf_add(out, "", 0);
}

#define CUE(c) (UINT64_C(1) << (c))
#define NOUN_CUES (CUE(RN_CUE_DOCHEAD) | CUE(RN_CUE_DESC) | CUE(RN_CUE_ORGHEAD))
/* nouns for people ("official" is one, so -ial is no sign of an adjective) */
#define PEOPLE_CUES (CUE(RN_CUE_MEMBER) | CUE(RN_CUE_FUNC))
#define LOWER_CUES                                                                            \
    (CUE(RN_CUE_NEG) | CUE(RN_CUE_HEDGE) | CUE(RN_CUE_CTRL) | CUE(RN_CUE_OBJCTRL) |          \
     CUE(RN_CUE_SPEECH) | CUE(RN_CUE_LIGHT) | CUE(RN_CUE_CANCEL) | CUE(RN_CUE_STAY) |        \
     CUE(RN_CUE_ADV) | CUE(RN_CUE_INCLUDE) | CUE(RN_CUE_FINDING) | CUE(RN_CUE_AUTHOR))

/* ---- tagging a sentence --------------------------------------------------------------- */

/* "Norway Bans Kelpex Over Security Fears": in a Title Case headline a
   capitalised preposition or conjunction after the first word is still one */
static void headline_small_words(struct rn_extractor *x, size_t first_word)
{
    for (size_t i = first_word + 1; i < x->tok.len; i++)
        if (!x->tok_cls[i] && (x->tok.items[i].flags & RN_TOK_CAP) &&
            !(x->tok.items[i].flags & RN_TOK_UPPER))
            x->tok_cls[i] = rn_wordcache_tag(x->wc, &x->tok, i) & (RN_WORD_PREP | RN_WORD_CONJ);
}

/* Token i's cue classes, as the lexicon gives them by stem, less those
   its form rules out. */
static inline uint64_t token_cues(struct rn_extractor *x, size_t i)
{
    uint64_t cues = rn_lexicon_cue_classes(x->lex, x->wc, &x->tok, i);
    /* noun classes match by stem, and "proposed" has the stem of
       "proposal", "planned" of "plan", "initial" of "initiative": verb
       forms and -ial adjectives are no nouns */
    if ((cues & (NOUN_CUES | PEOPLE_CUES)) && x->tok.items[i].norm_len > 4 &&
        (x_ends_with(x, i, "ed") || x_ends_with(x, i, "ing")))
        cues &= ~(NOUN_CUES | PEOPLE_CUES);
    if ((cues & NOUN_CUES) && x->tok.items[i].norm_len > 4 && x_ends_with(x, i, "ial"))
        cues &= ~NOUN_CUES;
    /* "including" opens a list; "include", "includes", "included" (the
       same stem) are the list's verb */
    if ((cues & CUE(RN_CUE_INCLUDE)) && (cues & CUE(RN_CUE_LISTVERB)) && !x_ends_with(x, i, "ing"))
        cues &= ~(CUE(RN_CUE_INCLUDE));
    return cues;
}

/* May token i (flags f) be a closed-class word? They are short and, inside
   a sentence (first_word: the sentence's first word so far, or n), lowercase. */
static inline int maybe_closed(const struct rn_extractor *x, size_t i, uint32_t f, size_t first_word)
{
    return (f & RN_TOK_WORD) && !(f & RN_TOK_NUM) && x->tok.items[i].norm_len <= 10 &&
           (!(f & RN_TOK_CAP) || first_word == x->tok.len || first_word == i ||
            (f & RN_TOK_UPPER) || i < 2 ||
            (x->tok.items[i - 1].flags & (RN_TOK_QUOTE | RN_TOK_DASH)) ||
            x_is_punct(x, i - 1, ':') || x_is_punct(x, i - 1, '|'));
}

/* How a sentence's words are written: it may be a headline in capitals or
   in Title Case. */
struct word_case {
    size_t words, caps, uppers;
    size_t lower_content; /* lowercase open-class words of four letters or more */
};

/* Count word i (flags f, not a number; tag its word cache tag) in wc. */
static inline void count_word_case(struct rn_extractor *x, size_t i, uint32_t f, uint32_t tag,
                                   struct word_case *wc)
{
    wc->words++;
    wc->caps += (f & RN_TOK_CAP) != 0;
    wc->uppers += (f & RN_TOK_UPPER) != 0;
    /* a lowercase verb, noun or adjective of four letters or more shows a
       sentence, not a Title Case headline (which lowers only its small
       grammar words) */
    if (!(f & RN_TOK_CAP) && x->tok.items[i].norm_len >= 4 && !(tag & RN_WORD_CLOSED) &&
        (tag >> X_POS_SHIFT & 0xf))
        wc->lower_content++;
}

/* Grammatical cues are lowercase words inside a sentence (not in a
   headline): "Likee", an app, has the stem of "like". Drop them from
   capitalised words that are no closed-class word. */
static void drop_capitalised_lower_cues(struct rn_extractor *x, size_t first_word)
{
    for (size_t i = 0; i < x->tok.len; i++)
        if ((x->tok.items[i].flags & (RN_TOK_CAP | RN_TOK_WORD | RN_TOK_NUM)) ==
                (RN_TOK_CAP | RN_TOK_WORD) &&
            !x->tok_cls[i] && i != first_word && i >= 2 &&
            !(x->tok.items[i - 1].flags & RN_TOK_QUOTE) && !x_is_punct(x, i - 1, ':') &&
            !x_is_punct(x, i - 1, '|') && !(x->tok.items[i].flags & RN_TOK_UPPER))
            x->tok_cue[i] &= ~LOWER_CUES;
}

int x_words_tag(struct rn_extractor *x)
{
    size_t n = x->tok.len;
    if (rn_array_reserve((void **)&x->tok_cue, &x->tok_cue_cap, n, sizeof *x->tok_cue, 32) ||
        rn_array_reserve((void **)&x->tok_cls, &x->tok_cls_cap, n, sizeof *x->tok_cls, 32))
        return RN_ENOMEM;
    if (rn_wordcache_prepare(x->wc, &x->tok) != RN_OK)
        return RN_ENOMEM;
    struct word_case wc = { 0, 0, 0, 0 };
    size_t first_word = n;
    int lower_cues_capped = 0;
    for (size_t i = 0; i < n; i++) {
        x->tok_cue[i] = token_cues(x, i);
        uint32_t f = x->tok.items[i].flags, tag = rn_wordcache_tag(x->wc, &x->tok, i);
        int maybe = maybe_closed(x, i, f, first_word);
        x->tok_cls[i] = maybe ? tag & RN_WORD_CLOSED : 0;
        /* "US" in capitals is the United States, not "us" */
        if ((f & RN_TOK_UPPER) && x->tok.items[i].norm_len > 1)
            x->tok_cls[i] &= ~(uint32_t)RN_WORD_WE;
        if (!maybe && (f & RN_TOK_CAP) && (x->tok_cue[i] & LOWER_CUES))
            lower_cues_capped = 1;
        if ((f & RN_TOK_WORD) && !(f & RN_TOK_NUM)) {
            if (first_word == n)
                first_word = i;
            count_word_case(x, i, f, tag, &wc);
        }
    }
    x->first_word = first_word;
    x->allcaps = wc.words >= 3 && wc.uppers * 10 >= wc.words * 9;
    /* Headlines in Title Case: every word capitalised but the small ones. */
    x->titlecase = wc.words >= 4 && wc.caps * 10 >= wc.words * 7 && wc.lower_content == 0;
    if (x->titlecase)
        headline_small_words(x, first_word);
    if (lower_cues_capped && !x->titlecase && !x->allcaps)
        drop_capitalised_lower_cues(x, first_word);
    return RN_OK;
}
