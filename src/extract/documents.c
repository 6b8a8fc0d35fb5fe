/* documents.c - named and described documents (see documents.h). */
#include "documents.h"

#include "entities.h"
#include "words.h"
#include "relnet/pos.h"

#include <string.h>

/* Head stem of a document noun, for "the declaration" -> latest declaration. */
static uint32_t doc_head(struct rn_extractor *x, size_t i)
{
    const char *w = x_norm(x, i);
    size_t n = x->tok.items[i].norm_len;
    if (n > 3 && w[n - 1] == 's')
        n--;
    return x_str(x, w, n);
}

static int ing_word(const struct rn_extractor *x, size_t i)
{
    size_t n = i < x->tok.len ? x->tok.items[i].norm_len : 0;
    return n > 5 && x_is_lower(x, i) && memcmp(x_norm(x, i) + n - 3, "ing", 3) == 0;
}

static int currency(const struct rn_extractor *x, size_t i)
{
    const char *w = x_norm(x, i);
    return (x_flags(x, i) & RN_TOK_PUNCT) &&
           (strcmp(w, "$") == 0 || strcmp(w, "\xe2\x82\xac") == 0 || strcmp(w, "\xc2\xa3") == 0 ||
            strcmp(w, "\xc2\xa5") == 0);
}


int x_doc_prep(const struct rn_extractor *x, size_t i)
{
    return x_is(x, i, "of") || x_is(x, i, "on") || x_is(x, i, "for") || x_is(x, i, "with");
}

int x_doc_acts(struct rn_extractor *x, size_t i)
{
    if (x_is(x, i, "to")) /* "a proposal to ban X" */
        i++;
    else if (!ing_word(x, i))
        return 0;
    const struct rn_trigger *tr[2];
    uint32_t nt[2];
    return rn_lexicon_triggers(x->lex, x->wc, &x->tok, i, x->tok.len, tr, nt, 2) ||
           x_cue(x, i, RN_CUE_LIGHT);
}

size_t x_doc_extend(struct rn_extractor *x, size_t head)
{
    size_t end = head + 1;
    /* up to two phrases: "a plan for a common charter on data",
       "rules covering the impact of AI" */
    /* "a plan to regulate cloud providers" */
    if (x_is(x, end, "to") && x_is_lower(x, end + 1) && !x_is_det(x, end + 1) &&
        !x_is_prep(x, end + 1) && !x_is_aux(x, end + 1) &&
        /* "signed the agreement to rapturous applause": no verb, no plan */
        (!x_have_pos(x) || (x_pos(x, end + 1) & RN_WP_VERB))) {
        size_t k = end + 2, last = end + 2;
        while (k < x->tok.len && k - end <= 5 && x_is_word(x, k) && !x_is_prep(x, k) &&
               !x_is_conj(x, k) && !x_is_wh(x, k) && !x_is_aux(x, k) &&
               /* "the proposal to ban Quillmail failed": a verb after a name */
               !(x_is_cap(x, k - 1) && x_is_lower(x, k) && (x_pos(x, k) & RN_WP_VERB))) {
            if (!x_is_det(x, k))
                last = k + 1;
            k++;
        }
        return last;
    }
    for (int pp = 0; pp < 2 && (x_doc_prep(x, end) || (pp == 0 && ing_word(x, end))); pp++) {
        size_t k = end + 1, last = 0;
        /* "the text on Friday": a time is no complement */
        if (x_is_time_word(x, k))
            break;
        /* "a plan for €109 billion of investment": a sum opens the phrase */
        if (k + 1 < x->tok.len && currency(x, k) && (x_flags(x, k + 1) & RN_TOK_NUM))
            k++;
        while (k < x->tok.len && k - end <= 6 && x_is_word(x, k) && !x_is_wh(x, k) &&
               !x_is_aux(x, k) && !x_is_prep(x, k) && !x_is_time_word(x, k) &&
               !(x_is(x, k, "and") && k + 1 < x->tok.len && x_is_det(x, k + 1))) {
            if (!x_is_det(x, k) && !x_is(x, k, "and"))
                last = k + 1;
            k++;
        }
        if (!last)
            break;
        end = last;
    }
    return end;
}

/* The family a document noun refers back within (cues.tsv dochead value:
   "the statement" may mean the latest declaration), or XNONE. */
static uint32_t doc_family(struct rn_extractor *x, size_t i)
{
    struct rn_cue_match cm;
    if (!x_cue_len(x, i, RN_CUE_DOCHEAD, &cm) || !cm.value[0])
        return XNONE;
    return x_str(x, cm.value, strlen(cm.value));
}

void x_doc_set_head(struct rn_extractor *x, uint32_t e, size_t i)
{
    if (e == XNONE || x->ents[e].head != XNONE)
        return;
    x->ents[e].head = doc_head(x, i);
    x->ents[e].family = doc_family(x, i);
    x->ents[e].pending = x_cue(x, i, RN_CUE_PENDING);
}

/* The latest document of family fam. */
static uint32_t recent_family(const struct rn_extractor *x, uint32_t fam)
{
    uint32_t best = XNONE;
    uint64_t seen = 0;
    for (uint32_t e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        if (en->type == RN_ETYPE_DOCUMENT && en->seen > seen && en->family == fam) {
            best = e;
            seen = en->seen;
        }
    }
    return best;
}

/* Does a count open the phrase [a, head): "two", "17", "dozens of"? A
   year ("the 2019 law") or a number joined to a word ("a 10-point plan",
   "a five-year plan") counts nothing. */
static int counted(const struct rn_extractor *x, size_t a, size_t head)
{
    if (a >= head || !x_is_numberish(x, a) || (x_flags(x, a + 1) & RN_TOK_HYPHEN))
        return 0;
    const char *w = x_norm(x, a);
    size_t n = x->tok.items[a].norm_len;
    return !(n == 4 && (w[0] == '1' || w[0] == '2') && strspn(w, "0123456789") == 4);
}

uint32_t x_doc_entity(struct rn_extractor *x, size_t a, size_t b, size_t head, int definite)
{
    uint32_t h = doc_head(x, head), fam = doc_family(x, head);
    /* "a decree", or a mass noun with no determiner: "approved legislation" */
    int indefinite = x_in_class(x, a, RN_WORD_INDEF) ||
                     (a == head && !(a > 0 && (x_is_det(x, a - 1) || (x_flags(x, a - 1) & RN_TOK_POSS))));
    while (a < head && (x_is_det(x, a) || (x_flags(x, a) & RN_TOK_POSS) ||
                        x_in_class(x, a, RN_WORD_REF)))
        a++;
    /* "the declaration", "the initiative", "a declaration": the latest one
       of that kind; a definite one else the latest of its family ("the
       statement" after a declaration, where "a bill" after a law is a new
       document); "the text" means the latest document of any kind. */
    if (a == head && b == head + 1) {
        if (fam != XNONE && strcmp(x_name(x, fam), "any") == 0)
            return definite ? x_recent(x, XWANT_DOC, XNONE, XNONE) : XNONE;
        uint32_t e = x_recent(x, XWANT_DOC, XNONE, h);
        if (e == XNONE && fam != XNONE && !indefinite)
            e = recent_family(x, fam);
        /* "signed a decree" with none before, or "the decree, signed by
           X," as the article's first word of it: a new document, named by
           its noun, that "the decree" and "it" can refer back to */
        if (e == XNONE && (indefinite || definite) && fam != XNONE) {
            if (x_span_text(x, head, head + 1, &x->tmp) != RN_OK)
                return XNONE;
            e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_DOCUMENT, XNONE);
            x_doc_set_head(x, e, head);
            if (e != XNONE && !indefinite)
                x->ents[e].unnamed = 1;
        }
        return e;
    }
    /* "signed 17 AI-related bills", "two executive orders banning Y": a
       counted set of documents is a description, not a document's name;
       it ends at its noun and is kept apart from named documents */
    if (counted(x, a, head)) {
        if (x_span_text(x, a, head + 1, &x->tmp) != RN_OK)
            return XNONE;
        return x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_GROUP, XNONE);
    }
    if (x_span_text(x, a, b, &x->tmp) != RN_OK)
        return XNONE;
    uint32_t e = x_entity(x, x->tmp.data, x->tmp.len, RN_ETYPE_DOCUMENT, XNONE);
    x_doc_set_head(x, e, head);
    return e;
}
